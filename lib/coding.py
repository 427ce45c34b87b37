"""Binary prefix codes for a distribution: Huffman codes, Shannon lengths, encoding, decoding.

A *code* here is a list with one entry per event: a codeword made of the characters ``'0'`` and
``'1'``, or ``None`` for an event that gets no codeword (probability 0). Every code built here is
*prefix-free* (no codeword starts another one), so a stream of codewords decodes without
separators, and it is a *canonical* code: codewords are handed out in order of length (ties by
event index), each the binary successor of the previous one, padded with zeros when the length
grows. A canonical code is fixed by its lengths alone, which keeps every result deterministic.

The numbers of the codes page come from here too: :func:`build_codes` (the codes of a pair P, Q
and what they cost under P), :func:`encode_message` (a message drawn from P, encoded with both)
and :func:`word_code` (a random 16-bit word); and so does which of its sentences applies, to
them and to its samples from :mod:`lib.sampling` (the cases at the end of this module).

Lengths are in bits (one binary digit per bit), so every quantity in this module is base 2;
:func:`ideal_lengths` takes a ``base`` like :mod:`lib.info` for the information content it
compares them with.

Conventions:

* Input that is not a distribution raises :class:`lib.info.DistributionError`
  (via :func:`lib.info.as_distribution`, which never renormalises).
* An event of probability 0 gets no codeword (``None``, length ``-1``). Under a distribution that
  gives such an event a positive probability, a code's expected length is ``+inf``: the finite
  picture of ``H(P, Q) = inf`` when ``q_i = 0 < p_i``.
* Problems with messages and bit strings raise :class:`CodingError` (a ``ValueError``) whose
  ``code`` says what went wrong and whose ``index``/``position`` say where.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from lib import fmt
from lib.cases import Case
from lib.info import (as_distribution, as_pair, cross_entropy, entropy, information_content,
                      kl_divergence, log_factor)
from lib.sampling import QUANTITIES, BiasCheck, Estimates, RunningAverages, draw

__all__ = [
    "CodingError",
    "NoCodewordError",
    "DecodeError",
    "huffman_lengths",
    "huffman_code",
    "shannon_lengths",
    "shannon_code",
    "canonical_code",
    "code_lengths",
    "kraft_sum",
    "is_prefix_free",
    "expected_length",
    "ideal_lengths",
    "encode",
    "decode",
    "is_dyadic",
    "ties_split",
    "Codes",
    "build_codes",
    "Message",
    "encode_message",
    "WordCode",
    "word_code",
    "word_cases",
    "EXACT",
    "code_notes",
    "own_bound",
    "shannon_bound",
    "extra_bits",
    "message_rates",
    "final_cases",
    "sample_notes",
    "bias_cases",
    "cost_rows",
    "code_table",
    "code_table_text",
]

#: Largest codeword length for which :func:`decode` uses a lookup table of 2**length entries.
_TABLE_BITS = 20


class CodingError(ValueError):
    """A message, bit string or set of lengths that no code here can handle.

    ``code``
        ``"no_codeword"`` (a symbol whose event has no codeword), ``"not_event"`` (a symbol that
        is not the index of an event), ``"not_binary"`` (a character other than 0 and 1),
        ``"bad_bits"`` (bits that start no codeword), ``"truncated"`` (bits ending inside a
        codeword), ``"kraft"`` (lengths whose Kraft sum exceeds 1: no prefix code has them),
        ``"not_prefix_free"`` (a codeword that starts another one), ``"bad_length"``.
    ``index``
        the event concerned (``None`` when there is none).
    ``position``
        the position in the message (encoding) or in the bit string (decoding).
    """

    def __init__(self, message: str, *, code: str, index: int | None = None,
                 position: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.index = index
        self.position = position


class NoCodewordError(CodingError):
    """Encoding a symbol whose event has no codeword (``code == "no_codeword"``)."""


class DecodeError(CodingError):
    """Bits that do not parse as a sequence of codewords."""


# ---- Building codes --------------------------------------------------------------------------

def huffman_lengths(p: Any) -> np.ndarray:
    """Codeword lengths of a Huffman code for ``p`` (``-1`` for events with ``p_i = 0``).

    Huffman's algorithm: repeatedly merge the two least probable nodes; an event's length is the
    number of merges above it. The result minimises ``L = sum_i p_i l_i`` over all prefix codes
    whose codewords have at least one bit, and ``H(P) <= L < H(P) + 1`` bits (``L = 1 = H + 1``
    for a single certain event: see :func:`huffman_code`).

    Tie-breaking (deterministic): every node carries the smallest event index it contains; among
    nodes of equal probability the one whose smallest index is *largest* is merged first. Merged
    nodes sink deeper, so among equally likely events the later ones get the longer codewords
    and the first events the shorter ones (32 + 18 equally likely events: events 0-13 get 5 bits,
    14-49 get 6). A single event of positive probability gets length 1 (see
    :func:`huffman_code`).

    >>> huffman_lengths([0.5, 0.25, 0.125, 0.125])
    array([1, 2, 3, 3])
    """
    pa = as_distribution(p, "P")
    support = np.flatnonzero(pa > 0)
    lengths = np.full(pa.size, -1, dtype=np.int64)
    if support.size == 1:
        lengths[support] = 1
        return lengths
    # parent[node] for nodes 0..m-1 (leaves) and m.. (merged nodes); depth from the root down.
    heap = [(float(pa[i]), -int(i), node) for node, i in enumerate(support)]
    heapq.heapify(heap)
    parent: list[int] = [-1] * (2 * support.size - 1)
    next_node = support.size
    while len(heap) > 1:
        w0, k0, n0 = heapq.heappop(heap)
        w1, k1, n1 = heapq.heappop(heap)
        parent[n0] = parent[n1] = next_node
        heapq.heappush(heap, (w0 + w1, max(k0, k1), next_node))  # key: -(smallest index)
        next_node += 1
    depth = [0] * len(parent)
    for node in range(len(parent) - 2, -1, -1):  # parents are numbered after their children
        depth[node] = depth[parent[node]] + 1
    lengths[support] = depth[:support.size]
    return lengths


def huffman_code(p: Any) -> list[str | None]:
    """A Huffman code for ``p``: one codeword per event, ``None`` where ``p_i = 0``.

    The lengths are those of :func:`huffman_lengths` (deterministic tie-breaking: among equal
    probabilities the earlier events keep the shorter codewords); the codewords are the
    canonical code for those lengths (:func:`canonical_code`): shorter codewords first, ties in
    event order.

    A single event with ``p = 1`` gets the codeword ``"0"``, by a convention: every codeword has
    at least one bit, so that the bits alone tell how many symbols were sent. Its entropy is
    ``H = 0`` bits, so here ``L = 1 > H = 0``. The empty codeword would also be a valid prefix
    code for a single event (``L = 0 = H``), when the message's length is known some other way.

    Raises :class:`lib.info.DistributionError` when ``p`` is not a distribution.

    >>> huffman_code([0.5, 0.25, 0.125, 0.125])
    ['0', '10', '110', '111']
    >>> huffman_code([0.0, 1.0])
    [None, '0']
    """
    return canonical_code(huffman_lengths(p))


def shannon_lengths(q: Any) -> np.ndarray:
    """Shannon's lengths ``l_i = ceil(-log2 q_i)`` as integers (``-1`` where ``q_i = 0``).

    Computed exactly: ``l_i`` is the smallest integer with ``2**-l_i <= q_i``, checked with
    exact powers of two, so ``q = 1/8`` gives 3 (never 4 from a rounding error in the logarithm).
    ``q_i = 1`` gives 0. These lengths satisfy Kraft's inequality (``sum 2**-l_i <= sum q_i``), and
    used for events drawn from ``P`` they give ``H(P, Q) <= L < H(P, Q) + 1`` bits.

    Raises :class:`lib.info.DistributionError` when ``q`` is not a distribution.

    >>> shannon_lengths([0.125, 0.5, 0.25, 0.125, 0.0])
    array([ 3,  1,  2,  3, -1])
    >>> shannon_lengths([0.3, 0.7])
    array([2, 1])
    """
    qa = as_distribution(q, "Q")
    out = np.full(qa.size, -1, dtype=np.int64)
    pos = qa > 0
    if not pos.any():
        return out
    qs = qa[pos]
    lengths = np.ceil(-np.log2(qs)).astype(np.int64)
    # Correct the float logarithm by at most one step either way, with exact powers of two.
    lengths = np.where(np.ldexp(1.0, -(lengths - 1)) <= qs, lengths - 1, lengths)
    lengths = np.where(np.ldexp(1.0, -lengths) > qs, lengths + 1, lengths)
    out[pos] = np.maximum(lengths, 0)
    return out


def shannon_code(q: Any) -> list[str | None]:
    """A prefix code with Shannon's lengths for ``q``: the canonical code for
    ``max(ceil(-log2 q_i), 1)``, ``None`` where ``q_i = 0``.

    The only length raised is 0 (an event with ``q_i = 1``), to 1, by the convention given in
    :func:`huffman_code`. Raises :class:`CodingError` (``code == "kraft"``) in the rare case
    where ``q`` sums to a hair over 1 (allowed by the tolerance of
    :func:`lib.info.as_distribution`) and the rounded lengths break Kraft's inequality.

    >>> shannon_code([0.125, 0.5, 0.25, 0.125])
    ['110', '0', '10', '111']
    """
    lengths = shannon_lengths(q)
    return canonical_code(np.where(lengths == 0, 1, lengths))


def kraft_sum(lengths: Any) -> float:
    """Kraft's sum ``sum_i 2**-l_i`` over the events that have a codeword (``l_i >= 0``).

    A prefix code with these lengths exists if and only if the sum is at most 1; a Huffman code
    of two or more events has exactly 1 (it is *complete*: every long enough bit string starts
    with a codeword).

    >>> kraft_sum([1, 2, 3, 3, -1])
    1.0
    """
    arr = np.asarray(lengths, dtype=np.int64).ravel()
    used = arr[arr >= 0]
    return float(np.sum(np.ldexp(1.0, -used))) if used.size else 0.0


def canonical_code(lengths: Any) -> list[str | None]:
    """The canonical prefix code with the given codeword lengths (``None`` where ``l_i < 0``).

    Events are taken in order of length, ties by index; the first gets ``l`` zeros and each next
    codeword is the previous one plus 1 in binary, shifted left (zeros appended) when the length
    grows. This works whenever Kraft's inequality ``sum 2**-l_i <= 1`` holds (checked exactly with
    integers), so the Shannon lengths of any distribution give a code too.

    Raises :class:`CodingError` with ``code == "kraft"`` when the sum exceeds 1, and with
    ``code == "bad_length"`` for a length of 0 (an empty codeword cannot be read from a stream)
    or lengths that are not integers.

    >>> canonical_code([3, 1, 2, 3])
    ['110', '0', '10', '111']
    """
    arr = np.asarray(lengths)
    if arr.ndim != 1 or (arr.size and not np.issubdtype(arr.dtype, np.integer)):
        if arr.ndim == 1 and np.all(np.isfinite(arr)) and np.all(arr == np.round(arr)):
            arr = arr.astype(np.int64)
        else:
            raise CodingError("lengths must be a 1-D sequence of integers", code="bad_length")
    used = [(int(arr[i]), i) for i in range(arr.size) if arr[i] >= 0]
    if any(length == 0 for length, _ in used):
        i = next(i for length, i in used if length == 0)
        raise CodingError(f"event {i} has length 0: an empty codeword cannot be decoded",
                          code="bad_length", index=i)
    out: list[str | None] = [None] * arr.size
    if not used:
        return out
    longest = max(length for length, _ in used)
    if sum(1 << (longest - length) for length, _ in used) > (1 << longest):
        raise CodingError("these lengths break Kraft's inequality: no prefix code has them",
                          code="kraft")
    used.sort()
    value, previous = 0, used[0][0]
    for length, i in used:
        value <<= length - previous
        out[i] = format(value, f"0{length}b")
        value += 1
        previous = length
    return out


def code_lengths(code: Sequence[str | None]) -> np.ndarray:
    """Lengths of a code's codewords (``-1`` for ``None``).

    >>> code_lengths(['0', '10', None])
    array([ 1,  2, -1])
    """
    return np.array([-1 if w is None else len(w) for w in code], dtype=np.int64)


def is_prefix_free(code: Sequence[str | None]) -> bool:
    """True when no codeword is a prefix of another (``None`` entries are ignored).

    Sorted codewords put a prefix right before the words it starts, so comparing neighbours
    suffices.

    >>> is_prefix_free(['0', '10', '11']), is_prefix_free(['0', '01'])
    (True, False)
    """
    words = sorted(w for w in code if w is not None)
    return all(not b.startswith(a) for a, b in zip(words, words[1:]))


def expected_length(p: Any, lengths: Any) -> float:
    """Expected codeword length in bits when events follow ``p``: ``L = sum_i p_i l_i``.

    ``lengths`` holds one integer per event (``-1`` for an event without a codeword; a code's
    lengths come from :func:`code_lengths`). Events with ``p_i = 0`` contribute 0 whatever their
    length; an event with ``p_i > 0`` and no codeword makes ``L = +inf``.

    Raises :class:`lib.info.DistributionError` when ``p`` is not a distribution or the lengths
    do not match it in number.

    >>> expected_length([0.5, 0.25, 0.125, 0.125], [1, 2, 3, 3])
    1.75
    >>> expected_length([0.5, 0.25, 0.125, 0.125], [3, 1, 2, 3])
    2.375
    """
    pa = as_distribution(p, "P")
    la = np.asarray(lengths, dtype=float).ravel()
    if la.size != pa.size:
        from lib.info import DistributionError
        raise DistributionError(
            f"P has {pa.size} events but {la.size} lengths were given",
            code="length", name="lengths", value=la.size)
    live = pa > 0
    if np.any(live & (la < 0)):
        return math.inf
    return float(np.sum(pa[live] * la[live])) + 0.0


def ideal_lengths(q: Any, base: float | None = 2) -> np.ndarray:
    """Ideal (real-valued) codeword lengths ``-log_b q_i``: ``inf`` where ``q_i = 0``.

    In bits (``base=2``, the default) these are the lengths a code for ``Q`` would use if
    codewords could have fractional lengths; Shannon's lengths round them up, and
    ``sum_i p_i (-log2 q_i) = H(P, Q)``. ``base=None`` gives nats, as in :mod:`lib.info`.

    >>> ideal_lengths([0.5, 0.25, 0.25, 0.0])
    array([ 1.,  2.,  2., inf])
    """
    factor = log_factor(base)
    qa = as_distribution(q, "Q")
    with np.errstate(divide="ignore"):
        return -np.log(qa) * factor + 0.0


# ---- Encoding and decoding -------------------------------------------------------------------

def _symbols(message: Any, k: int) -> np.ndarray:
    arr = np.asarray(message)
    if arr.size == 0:
        return np.zeros(0, dtype=np.int64)
    arr = arr.ravel()
    if not np.issubdtype(arr.dtype, np.integer):
        try:
            f = arr.astype(float)
        except (TypeError, ValueError):
            raise CodingError("a message is a sequence of event indices", code="not_event",
                              position=0) from None
        bad = ~np.isfinite(f) | (f != np.round(f))
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise CodingError(f"symbol {i} ({arr[i]!r}) is not an event index",
                              code="not_event", position=i)
        arr = f.astype(np.int64)
    if arr.min() >= 0 and arr.max() < k:  # the usual case: one pass each, no mask
        return arr.astype(np.int64, copy=False)
    out = (arr < 0) | (arr >= k)
    if out.any():
        i = int(np.flatnonzero(out)[0])
        raise CodingError(f"symbol {i} ({int(arr[i])}) is not an event index (0..{k - 1})",
                          code="not_event", index=int(arr[i]), position=i)
    return arr.astype(np.int64)


def encode(message: Any, code: Sequence[str | None]) -> str:
    """Concatenate the codewords of a message given as event indices (``0 <= m_j < len(code)``).

    Vectorised: the message indexes a lookup table of codewords in one numpy step and the
    picked codewords are joined once (10**6 symbols take a few hundredths of a second).

    Raises :class:`NoCodewordError` (``code == "no_codeword"``, ``index`` = the event,
    ``position`` = its first place in the message) when a symbol's event has no codeword, and
    :class:`CodingError` (``"not_event"``) for a symbol that is not an event index.

    >>> encode([0, 2, 1, 0], ['0', '10', '110', '111'])
    '0110100'
    """
    k = len(code)
    msg = _symbols(message, k)
    if msg.size == 0:
        return ""
    missing = np.array([w is None for w in code], dtype=bool)
    if missing.any() and missing[msg].any():
        pos = int(np.flatnonzero(missing[msg])[0])
        event = int(msg[pos])
        raise NoCodewordError(f"event {event} (message position {pos}) has no codeword",
                              code="no_codeword", index=event, position=pos)
    words = np.empty(k, dtype=object)
    words[:] = ["" if w is None else w for w in code]
    return "".join(words[msg].tolist())


def _decode_table(code: Sequence[str | None], longest: int) -> tuple[np.ndarray, np.ndarray]:
    """Lookup tables over every ``longest``-bit window: the codeword it starts with (-1: none)."""
    size = 1 << longest
    symbol = np.full(size, -1, dtype=np.int32)
    length = np.zeros(size, dtype=np.int32)
    for i, w in enumerate(code):
        if w is None:
            continue
        lo = int(w, 2) << (longest - len(w))
        hi = lo + (1 << (longest - len(w)))
        if np.any(symbol[lo:hi] >= 0):
            raise CodingError("the code is not prefix-free", code="not_prefix_free", index=i)
        symbol[lo:hi] = i
        length[lo:hi] = len(w)
    return symbol, length


def _check_code(code: Sequence[str | None]) -> None:
    for i, w in enumerate(code):
        if w is not None and (not w or set(w) - {"0", "1"}):
            raise CodingError(f"codeword {i} ({w!r}) is not a non-empty string of 0s and 1s",
                              code="bad_length", index=i)
    if not is_prefix_free(code):
        raise CodingError("the code is not prefix-free", code="not_prefix_free")


def decode(bits: str, code: Sequence[str | None]) -> list[int]:
    """Split a string of ``'0'``/``'1'`` into codewords of a prefix code; return their events.

    For codes whose longest codeword has at most 20 bits, every window of that many bits is
    looked up at once in a table (vectorised), and one pass walks from codeword to codeword;
    longer codes fall back to reading bit by bit. ``decode(encode(m, code), code) == list(m)``.

    Raises :class:`DecodeError` with ``code`` = ``"not_binary"`` (another character),
    ``"bad_bits"`` (bits at ``position`` start no codeword: possible when the code is not
    complete, e.g. a Shannon code) or ``"truncated"`` (the bits end inside a codeword), and
    :class:`CodingError` when ``code`` itself is not a prefix code.

    >>> decode('0110100', ['0', '10', '110', '111'])
    [0, 2, 1, 0]
    """
    _check_code(code)
    if not isinstance(bits, str):
        raise DecodeError("bits must be a string of 0s and 1s", code="not_binary", position=0)
    if not bits:
        return []
    raw = np.frombuffer(bits.encode("ascii", errors="replace"), dtype=np.uint8)
    if raw.size != len(bits):  # a non-ASCII character took more than one byte
        raw = np.array([ord(c) for c in bits], dtype=np.int64)
    b = raw.astype(np.int32) - ord("0")
    bad = (b != 0) & (b != 1)
    if bad.any():
        pos = int(np.flatnonzero(bad)[0])
        raise DecodeError(f"character {pos} ({bits[pos]!r}) is not 0 or 1", code="not_binary",
                          position=pos)
    lengths = [len(w) for w in code if w is not None]
    if not lengths:
        raise DecodeError("the code has no codewords", code="bad_bits", position=0)
    longest = max(lengths)
    n = b.size
    if longest <= _TABLE_BITS:
        symbol, length = _decode_table(code, longest)
        padded = np.concatenate([b.astype(np.int32), np.zeros(longest, dtype=np.int32)])
        window = np.zeros(n, dtype=np.int32)
        for j in range(longest):
            window <<= 1
            window |= padded[j:j + n]
        sym = symbol[window].tolist()
        step = length[window].tolist()
        out: list[int] = []
        append = out.append
        pos = 0
        last = 0
        while pos < n:
            s = sym[pos]
            if s < 0:
                if pos + longest > n and any(w is not None and w.startswith(bits[pos:])
                                             for w in code):
                    break  # the tail is the start of a codeword: report it as truncated
                raise DecodeError(f"the bits at position {pos} start no codeword",
                                  code="bad_bits", position=pos)
            append(s)
            last = pos
            pos += step[pos]
        if pos != n:
            start = last if pos > n else pos
            raise DecodeError(f"the bits end inside a codeword (from position {start})",
                              code="truncated", position=start)
        return out
    lookup = {w: i for i, w in enumerate(code) if w is not None}
    out = []
    start = 0
    for pos in range(n):
        if pos + 1 - start > longest:
            raise DecodeError(f"the bits at position {start} start no codeword",
                              code="bad_bits", position=start)
        hit = lookup.get(bits[start:pos + 1])
        if hit is not None:
            out.append(hit)
            start = pos + 1
    if start < n:
        raise DecodeError("the bits end inside a codeword", code="truncated", position=start)
    return out


# ---- A pair of distributions and their codes --------------------------------------------------

def is_dyadic(p: Any) -> bool:
    """Whether every non-zero probability in ``p`` is a power of one half, ``p_i = 2**-k_i``.

    For such a distribution ``-log2 p_i`` is a whole number of bits, so Huffman's lengths equal
    the information contents and ``L = H(P)`` exactly. Zeros are ignored (``0 log 0 = 0``).

    Examples
    --------
    >>> is_dyadic([0.5, 0.25, 0.25, 0.0]), is_dyadic([1 / 3, 2 / 3])
    (True, False)
    """
    x = np.asarray(p, dtype=float)
    exponents = np.log2(x[x > 0])
    return bool(np.all(exponents == np.round(exponents)))


def ties_split(p: Any) -> bool:
    """Whether two events of equal positive probability get Huffman codewords of different
    lengths (:func:`huffman_lengths` breaks such ties by event order).

    Examples
    --------
    >>> ties_split([1 / 3, 1 / 3, 1 / 3]), ties_split([0.5, 0.25, 0.125, 0.125])
    (True, False)
    """
    pa = as_distribution(p, "P")
    lengths = huffman_lengths(pa)
    live = np.flatnonzero(pa > 0)
    return any(np.unique(lengths[live[pa[live] == value]]).size > 1
               for value in np.unique(pa[live]))


@dataclass(frozen=True)
class Codes:
    """The codes of :func:`build_codes` and what they cost under P, in bits (read only)."""

    huff_p: tuple[str | None, ...]    #: Huffman code of P
    huff_q: tuple[str | None, ...]    #: Huffman code of Q
    shannon_q: tuple[str | None, ...]  #: Shannon code of Q (all None if Q's sum breaks Kraft)
    shannon_lengths: np.ndarray       #: ``ceil(-log2 q_i)``, -1 where ``q_i = 0``
    l_p: float    #: expected length of P's Huffman code under P
    l_q: float    #: expected length of Q's Huffman code under P
    l_s: float    #: expected length of Q's Shannon code under P
    h_p: float    #: H(P)
    ce: float     #: H(P, Q)
    kl: float     #: KL(P || Q)
    dyadic: bool  #: every non-zero p and q is a power of one half


def build_codes(p: Any, q: Any) -> Codes:
    """Huffman codes of P and of Q, the Shannon code of Q, and their expected lengths under P.

    Parameters
    ----------
    p, q : array_like
        Two distributions over the same events (:func:`lib.info.as_pair`).

    Returns
    -------
    Codes
        ``L = sum_i p_i l_i`` of each code (in bits) beside ``H(P)``, ``H(P, Q)`` and
        ``KL(P || Q)``.

    Notes
    -----
    Huffman's code of P is optimal for P: ``H(P) <= l_p < H(P) + 1`` (``l_p = 1 = H(P) + 1`` for a
    single certain event, by the one-bit convention of :func:`huffman_code`). A code built for Q
    costs ``H(P, Q) = H(P) + KL(P || Q)`` bits per event when its lengths are ``-log2 q_i``;
    Shannon's lengths ``ceil(-log2 q_i)`` give ``H(P, Q) <= l_s < H(P, Q) + 1`` (a length 0, for
    ``q_i = 1``, is raised to 1 bit by the same convention, and then ``l_s`` can reach
    ``H(P, Q) + 1``). ``0 log 0 = 0``: events with ``p_i = 0`` cost nothing. An
    event with ``q_i = 0 < p_i`` has no codeword in Q's codes, so ``l_q = l_s = H(P, Q) = inf``.
    If Q's sum is a hair over 1, Kraft's inequality fails for Shannon's lengths: ``shannon_q``
    is then all ``None`` (the lengths are still given).

    Examples
    --------
    >>> c = build_codes([1/2, 1/4, 1/8, 1/8], [1/8, 1/2, 1/4, 1/8])
    >>> c.huff_p, c.huff_q
    (('0', '10', '110', '111'), ('110', '0', '10', '111'))
    >>> [float(round(x, 12)) for x in (c.h_p, c.l_p, c.ce, c.l_s, c.l_q, c.kl)], c.dyadic
    ([1.75, 1.75, 2.375, 2.375, 2.375, 0.625], True)
    >>> build_codes([0.5, 0.5], [1.0, 0.0]).l_q
    inf
    """
    pa, qa = as_pair(p, q)
    huff_p, huff_q = huffman_code(pa), huffman_code(qa)
    lengths = shannon_lengths(qa)
    lengths.setflags(write=False)
    try:
        shannon_q = shannon_code(qa)
    except CodingError:  # Kraft broken by a sum a hair over 1: the lengths only
        shannon_q = [None] * qa.size
    return Codes(tuple(huff_p), tuple(huff_q), tuple(shannon_q), lengths,
                 expected_length(pa, code_lengths(huff_p)),
                 expected_length(pa, code_lengths(huff_q)),
                 expected_length(pa, np.where(lengths == 0, 1, lengths)),
                 entropy(pa, 2), cross_entropy(pa, qa, 2), kl_divergence(pa, qa, 2),
                 is_dyadic(pa) and is_dyadic(qa))


@dataclass(frozen=True)
class Message:
    """A message drawn from P and its bits under P's and Q's Huffman codes (read only)."""

    symbols: np.ndarray       #: event indices
    bits_p: str               #: the message under P's code
    bits_q: str | None        #: under Q's code; None when Q's code cannot encode it
    missing: tuple[int, int] | None  #: (event, 0-based position) Q's code has no codeword for
    decoded_ok_p: bool        #: P's bits decode to the message
    decoded_ok_q: bool | None  #: Q's bits decode to the message (None: no bits)


def encode_message(codes: Codes, p: Any, length: int, seed: int = 0) -> Message:
    """Draw ``length`` events from ``p`` (:func:`lib.sampling.draw`), encode them with the
    Huffman codes of P and Q in ``codes`` (:func:`build_codes`) and decode the bits again.

    Each event costs its codeword's length, so the message costs ``sum_j l(x_j)`` bits, about
    ``length * L`` for large ``length``. An event Q's code has no codeword for (``q_i = 0``)
    stops Q's encoding: ``bits_q`` is None and ``missing`` says which event and where.

    Examples
    --------
    >>> p = [1/2, 1/4, 1/8, 1/8]
    >>> m = encode_message(build_codes(p, [1/8, 1/2, 1/4, 1/8]), p, 5, seed=1)
    >>> m.symbols.tolist(), m.bits_p, m.bits_q, m.decoded_ok_p, m.decoded_ok_q
    ([1, 3, 0, 3, 0], '1011101110', '0111110111110', True, True)
    """
    symbols = draw(p, length, seed)
    symbols.setflags(write=False)
    bits_p = encode(symbols, codes.huff_p)
    ok_p = decode(bits_p, codes.huff_p) == symbols.tolist()
    try:
        bits_q = encode(symbols, codes.huff_q)
    except NoCodewordError as err:
        return Message(symbols, bits_p, None, (err.index, err.position), ok_p, None)
    return Message(symbols, bits_p, bits_q, None, ok_p,
                   decode(bits_q, codes.huff_q) == symbols.tolist())


@dataclass(frozen=True)
class WordCode:
    """Entropy and Huffman code of a random binary word (see :func:`word_code`)."""

    h: float  #: entropy of the word, bits
    l: float  #: expected Huffman codeword length, bits
    lo: int   #: shortest codeword
    hi: int   #: longest codeword


def word_code(theta: float, width: int = 16) -> WordCode:
    """The Huffman code of a ``width``-bit word whose digits are independently 1 with
    probability ``theta``.

    Parameters
    ----------
    theta : float
        Probability of a 1, in [0, 1].
    width : int
        Number of binary digits (``2**width`` values; 16 on the codes page).

    Returns
    -------
    WordCode
        ``H`` of the word, the code's expected length ``L`` and its shortest and longest
        codewords, in bits.

    Notes
    -----
    A value with ``k`` ones has probability ``theta**k (1 - theta)**(width - k)`` (``0**0 = 1``),
    so ``H = width * H_b(theta)`` with ``H_b(t) = -t log2 t - (1 - t) log2(1 - t)`` and
    ``H <= L < H + 1``. At ``theta = 1/2`` every value is equally likely and every codeword has
    ``width`` bits: no code beats writing the digits down.

    Examples
    --------
    >>> [(round(w.h, 6), round(w.l, 6), w.lo, w.hi) for w in (word_code(0.5, 3),
    ...                                                          word_code(0.1, 3))]
    [(3.0, 3.0, 3, 3), (1.406987, 1.598, 1, 5)]
    """
    ones = np.array([bin(v).count("1") for v in range(1 << width)])
    p = theta ** ones * (1 - theta) ** (width - ones)
    p = p / p.sum()
    lengths = huffman_lengths(p)
    live = lengths[lengths >= 0]
    return WordCode(entropy(p, 2), expected_length(p, lengths), int(live.min()),
                    int(live.max()))


def code_table(c: Codes, p: Any, q: Any) -> dict[str, list]:
    """Every event's codewords in ``c`` (:func:`build_codes` of ``p`` and ``q``) with their
    lengths, and its information under P and Q in bits, as columns (name -> one value per
    event): ``huff_p``, ``huff_p_len``, ``huff_q``, ``huff_q_len``, ``info_p``, ``info_q``,
    ``shannon_q``, ``shannon_q_len`` (the codes first, the ideal lengths after: the codes page's
    column order). An event without a codeword has None and length -1.

    >>> t = code_table(build_codes([0.5, 0.5, 0.0], [0.5, 0.25, 0.25]), [0.5, 0.5, 0.0],
    ...                [0.5, 0.25, 0.25])
    >>> [column[2] for column in t.values()]
    [None, -1, '11', 2, inf, 2.0, '11', 2]
    """
    lengths = lambda code: [-1 if w is None else len(w) for w in code]  # noqa: E731
    return {"huff_p": list(c.huff_p), "huff_p_len": lengths(c.huff_p),
            "huff_q": list(c.huff_q), "huff_q_len": lengths(c.huff_q),
            "info_p": information_content(p, 2).tolist(),
            "info_q": information_content(q, 2).tolist(),
            "shannon_q": list(c.shannon_q), "shannon_q_len": c.shannon_lengths.tolist()}


def code_table_text(c: Codes, p: Any, q: Any, no_codeword: str) -> dict[str, list]:
    """The codes page's table of ``c`` (:func:`build_codes` of ``p`` and ``q``) as text: ``p``
    and ``q`` as typed (:func:`lib.fmt.prob`), then :func:`code_table`'s columns, each event's
    information with three significant digits (:func:`lib.fmt.short`), a codeword as it is
    (``no_codeword`` where the code has none) and its length as a whole number (``—`` where
    there is none).

    >>> t = code_table_text(build_codes([0.5, 0.5, 0.0], [0.5, 0.25, 0.25]), [0.5, 0.5, 0.0],
    ...                     [0.5, 0.25, 0.25], "none")
    >>> [column[2] for column in t.values()]
    ['0', '0.25', 'none', '—', '11', '2', '∞', '2', '11', '2']
    """
    def cell(column: str, x: Any) -> str:
        if column.startswith("info"):
            return fmt.short(x)
        if x is None:
            return no_codeword
        return ("—" if x < 0 else str(x)) if column.endswith("_len") else x

    return {"p": [fmt.prob(x) for x in p], "q": [fmt.prob(x) for x in q]} | {
        column: [cell(column, x) for x in values]
        for column, values in code_table(c, p, q).items()}


#: The rows of :func:`cost_rows`: the ideal lengths of P and Q, then the three codes.
COST_ROWS = ("ideal_p", "ideal_q", "huff_p", "shannon_q", "huff_q")


def cost_rows(c: Codes) -> dict[str, np.ndarray]:
    """What each code spends per event under P, split as ``H(P,Q) = H(P) + KL(P || Q)`` plus
    rounding, in bits, as columns with one row per :data:`COST_ROWS` entry: ``row``, ``with_kl``
    (the row's ideal is ``H(P,Q)``: Q's lengths), ``ideal`` (``H(P)`` or ``H(P,Q)``), ``h``,
    ``kl`` (0 where not ``with_kl``), ``round`` (``total - ideal``: whole-bit codewords; NaN
    where both are inf) and ``total`` (``H(P)``, ``H(P,Q)``, then ``L`` of P's Huffman, Q's
    Shannon and Q's Huffman code).

    >>> r = cost_rows(build_codes([0.5, 0.25, 0.25], [0.25, 0.25, 0.5]))
    >>> [r[k].round(12).tolist()[2:] for k in ("ideal", "kl", "round", "total")]
    [[1.5, 1.75, 1.75], [0.0, 0.25, 0.25], [0.0, 0.0, 0.0], [1.5, 1.75, 1.75]]
    """
    with_kl = np.array([False, True, False, True, True])
    ideal = np.where(with_kl, c.ce, c.h_p)
    total = np.array([c.h_p, c.ce, c.l_p, c.l_s, c.l_q])
    with np.errstate(invalid="ignore"):  # inf - inf: NaN, no rounding to speak of
        rounding = total - ideal
    return {"row": np.array(COST_ROWS), "with_kl": with_kl, "ideal": ideal,
            "h": np.full(len(COST_ROWS), c.h_p), "kl": np.where(with_kl, c.kl, 0.0),
            "round": rounding, "total": total}


# ---- Which sentence applies (cases for the codes page) -----------------------------------------

#: Differences below this are equalities (sums of a few products of floats).
EXACT = 1e-9


def code_notes(p: Any, q: Any) -> tuple[Case, ...]:
    """What is unusual about P and Q for their codes, as :class:`lib.cases.Case` s.

    ``"q_zero"`` (``events``: a tuple of the indices with ``q_i = 0 < p_i``, which Q's code
    cannot encode; ``"q_zero.many"`` for more than one), ``"p_zero"`` / ``"p_zero.many"``
    (events with ``p_i = 0``: no codeword in P's code), ``"one_event"`` (P is certain) or else
    ``"one_event_q"`` (Q is), and ``"ties"`` (:func:`ties_split` for P or Q).

    >>> [(c.name, c.numbers.get("events")) for c in code_notes([0.5, 0.5, 0], [1, 0, 0])]
    [('q_zero', (1,)), ('p_zero', (2,)), ('one_event_q', None)]
    """
    pa, qa = as_pair(p, q)
    notes = []
    for name, mask in (("q_zero", (pa > 0) & (qa == 0)), ("p_zero", pa == 0)):
        if mask.any():
            notes.append(Case(name + (".many" if mask.sum() > 1 else ""),
                              {"events": tuple(np.flatnonzero(mask).tolist())}))
    if np.count_nonzero(pa) == 1:
        notes.append(Case("one_event"))
    elif np.count_nonzero(qa) == 1:
        notes.append(Case("one_event_q"))
    if ties_split(pa) or ties_split(qa):
        notes.append(Case("ties"))
    return tuple(notes)


def own_bound(c: Codes) -> Case:
    """P's Huffman code against ``H(P) <= L < H(P) + 1`` (bits): ``"bounds.own_one"`` (a single
    certain event, one bit by convention; ``l``), ``"bounds.own_exact"`` (``L = H(P)`` within
    :data:`EXACT`; ``h``), ``"bounds.own"`` (``h``, ``l`` and ``h1 = H(P) + 1``, the last two to
    read apart) or, when ``H(P)`` is so small that ``H(P) + 1`` rounds to ``L`` in floating point
    (``P = (1 − 10⁻²⁴⁴, 10⁻²⁴⁴)``: ``L = 1``, ``H(P) ≈ 8e−242``), ``"bounds.own_rounded"``
    (``h``, ``l``): ``L < H(P) + 1`` still holds exactly, but no number of digits shows it.

    >>> own_bound(build_codes([0.5, 0.25, 0.25], [0.5, 0.25, 0.25])).name
    'bounds.own_exact'
    >>> b = own_bound(build_codes([0.6, 0.4], [0.5, 0.5]))
    >>> b.name, {k: round(v, 4) for k, v in b.numbers.items()}, b.apart
    ('bounds.own', {'h': 0.971, 'l': 1.0, 'h1': 1.971}, ('l', 'h1'))
    >>> own_bound(build_codes([1 - 1e-244, 1e-244], [0.5, 0.5])).name
    'bounds.own_rounded'
    """
    if c.huff_p.count(None) == len(c.huff_p) - 1:
        return Case("bounds.own_one", {"l": c.l_p})
    if abs(c.l_p - c.h_p) <= EXACT:
        return Case("bounds.own_exact", {"h": c.h_p})
    if c.h_p + 1 <= c.l_p:
        return Case("bounds.own_rounded", {"h": c.h_p, "l": c.l_p})
    return Case("bounds.own", {"h": c.h_p, "l": c.l_p, "h1": c.h_p + 1}, ("l", "h1"))


def shannon_bound(c: Codes) -> Case | None:
    """Q's Shannon code used on P against ``H(P, Q) <= L < H(P, Q) + 1`` (bits): None when
    ``H(P, Q) = inf``; ``"bounds.shannon_one"`` (``l``, ``ce``) when ``L`` reaches ``H(P, Q) + 1``,
    which only a length 0 (``q_i = 1``) raised to one bit does; else ``"bounds.shannon"`` (``ce``,
    ``l`` and ``ce1 = H(P, Q) + 1``, the last two to read apart).

    >>> shannon_bound(build_codes([0.5, 0.5], [1.0, 0.0])) is None
    True
    >>> shannon_bound(build_codes([1.0, 0.0], [1.0, 0.0])).name
    'bounds.shannon_one'
    """
    if not math.isfinite(c.ce):
        return None
    if c.l_s >= c.ce + 1:
        return Case("bounds.shannon_one", {"l": c.l_s, "ce": c.ce})
    return Case("bounds.shannon", {"ce": c.ce, "l": c.l_s, "ce1": c.ce + 1}, ("l", "ce1"))


def extra_bits(c: Codes) -> tuple[Case, ...]:
    """Q's Huffman code used on P: its extra bits ``L_Q - L_P`` against ``KL(P || Q)``.

    ``"extra.infinite"`` (Q's code cannot encode P's events); ``"extra.exact"`` (the extra
    bits equal KL within :data:`EXACT` and both codes spend exactly their ideal lengths,
    ``L_P = H(P)`` and ``L_Q = H(P, Q)``: nothing is lost to rounding), ``"extra.exact_by_chance"``
    (equal, but with rounding in the codes) or ``"extra.rounded"`` (``extra``, ``kl``, ``diff``),
    then ``"round.negative"`` when rounding made Q's code cheaper than ``H(P, Q)``.

    >>> [x.name for x in extra_bits(build_codes([1/2, 1/4, 1/4], [1/4, 1/4, 1/2]))]
    ['extra.exact']
    >>> [x.name for x in extra_bits(build_codes([0.6, 0.4], [0.9, 0.1]))]
    ['extra.rounded', 'round.negative']
    """
    if not math.isfinite(c.l_q) or not math.isfinite(c.kl):
        return (Case("extra.infinite"),)
    extra = c.l_q - c.l_p
    numbers = {"extra": extra, "kl": c.kl}
    if abs(extra - c.kl) <= EXACT:
        ideal = abs(c.l_p - c.h_p) <= EXACT and abs(c.l_q - c.ce) <= EXACT
        return (Case("extra.exact" if ideal else "extra.exact_by_chance", numbers),)
    rounded = Case("extra.rounded", {**numbers, "diff": extra - c.kl})
    return (rounded, Case("round.negative")) if c.l_q - c.ce < -EXACT else (rounded,)


def message_rates(c: Codes, m: Message) -> tuple[Case, ...]:
    """A message's bits per symbol under each code, how the two totals compare and whether it
    decoded: ``"message.rate"`` (``per_p``, ``h``, ``per_q``, ``ce``) or ``"message.rate_p"``
    when Q's code cannot encode it; ``"message.more"``, ``"message.fewer"`` (``extra``: whole
    bits; ``"message.fewer_tie"`` when Q's code is no worse on average either) or
    ``"message.same"``; then ``"message.decoded"`` / ``"message.decoded_p"`` (``n``: symbols)
    or ``"message.mismatch"``.

    >>> p = [1/2, 1/4, 1/8, 1/8]
    >>> c = build_codes(p, [1/8, 1/2, 1/4, 1/8])
    >>> [(x.name, x.numbers) for x in message_rates(c, encode_message(c, p, 5, seed=1))][1:]
    [('message.more', {'extra': 3}), ('message.decoded', {'n': 5})]
    """
    n = int(m.symbols.size)
    per_p = {"per_p": len(m.bits_p) / n, "h": c.h_p}
    if m.bits_q is None:
        rates = [Case("message.rate_p", per_p)]
    else:
        rates = [Case("message.rate", {**per_p, "per_q": len(m.bits_q) / n, "ce": c.ce})]
        extra = len(m.bits_q) - len(m.bits_p)
        if extra > 0:
            rates.append(Case("message.more", {"extra": extra}))
        elif extra < 0:
            tie = c.l_q <= c.l_p + 1e-12
            rates.append(Case("message.fewer_tie" if tie else "message.fewer", {"extra": -extra}))
        else:
            rates.append(Case("message.same"))
    if not m.decoded_ok_p or m.decoded_ok_q is False:
        return (*rates, Case("message.mismatch"))
    return (*rates, Case("message.decoded_p" if m.bits_q is None else "message.decoded", {"n": n}))


def word_cases(w: WordCode, width: int = 16) -> tuple[Case, Case]:
    """What :func:`word_code` found for a ``width``-bit word: ``"sixteen.result"`` (``h``,
    ``l``, and the shortest and longest codewords ``lo``, ``hi``), then ``"sixteen.uniform"``
    (``l``: every codeword is as long as the word, as when each digit is a fair coin) or
    ``"sixteen.saving"`` (``saved``: ``width − L`` bits a word).

    >>> result, uniform = word_cases(word_code(0.5, 3), 3)
    >>> round(result.numbers["h"], 12), result.numbers["l"], uniform
    (3.0, 3.0, Case(name='sixteen.uniform', numbers={'l': 3}, apart=()))
    >>> saving = word_cases(word_code(0.1, 3), 3)[1]
    >>> saving.name, round(saving.numbers["saved"], 3)
    ('sixteen.saving', 1.402)
    """
    result = Case("sixteen.result", {"h": w.h, "l": w.l, "lo": w.lo, "hi": w.hi})
    if w.lo == w.hi:
        return result, Case("sixteen.uniform", {"l": w.lo})
    return result, Case("sixteen.saving", {"saved": width - w.l})


def final_cases(r: RunningAverages) -> tuple[Case, ...]:
    """Each running average over all of ``r``'s draws (:func:`lib.sampling.running_averages`),
    in the order of :data:`lib.sampling.QUANTITIES`, against its exact value: ``"samples.final"``
    (``value`` ± ``se``, two standard errors, and ``exact``) or ``"samples.final_inf"``
    (``exact``) when a draw with ``q = 0`` made the average ∞.

    >>> from lib.sampling import running_averages
    >>> r = running_averages([0.5, 0.5], [1.0, 0.0], 100, seed=1)
    >>> [(c.name, c.numbers["exact"]) for c in final_cases(r)]
    [('samples.final', 1.0), ('samples.final_inf', inf), ('samples.final_inf', inf)]
    >>> {k: round(v, 4) for k, v in final_cases(r)[0].numbers.items()}
    {'value': 1.0, 'se': 0.0, 'exact': 1.0}
    """
    return tuple(Case("samples.final_inf", {"exact": r.exact[k]}) if math.isinf(r.final[k])
                 else Case("samples.final", {"value": r.final[k], "se": 2 * r.final_se[k],
                                             "exact": r.exact[k]})
                 for k in QUANTITIES)


def outside_band(r: RunningAverages) -> Case | None:
    r"""``"samples.outside"`` when a finite average over all of ``r``'s draws misses its exact
    value by more than two standard errors, :math:`|\bar x_n - \mathrm{exact}| > 2\,s_n/\sqrt n`,
    and by more than the three significant digits the page shows (relative 10⁻³: no float
    noise counts); ``quantities``: those that do, in the order of
    :data:`lib.sampling.QUANTITIES`. None when every band holds its exact value. Events P
    makes very rare and no draw has produced yet leave both the average and its spread short
    (a P with a probability of 10⁻¹² always does); a run can also miss by chance.

    >>> from lib.sampling import running_averages
    >>> r = running_averages([1 - 5e-12] + [1e-12] * 5, [1 / 6] * 6, 100, seed=1)
    >>> outside_band(r).numbers["quantities"]
    ('info_p',)
    >>> outside_band(running_averages([0.5, 0.5], [0.5, 0.5], 100, seed=1)) is None
    True
    """
    missed = tuple(k for k in QUANTITIES if math.isfinite(r.final[k]) and math.isfinite(
        r.exact[k]) and abs(r.final[k] - r.exact[k]) > 2 * r.final_se[k]
        and not math.isclose(r.final[k], r.exact[k], rel_tol=1e-3))
    return Case("samples.outside", {"quantities": missed}) if missed else None


def sample_notes(e: Estimates, repeats: int) -> tuple[Case | None, Case | None]:
    """What one sample (:func:`lib.sampling.estimates`) calls for beyond its numbers, as
    ``(unseen, high)``: ``"mle.unseen"`` when ``k`` of the ``K`` possible events (``p_i > 0``)
    were never drawn, so ``P̂`` gives them 0 (else None); ``"mle.high"`` when this sample's
    ``H(P̂)`` (``plug``) came out above ``H(P)`` (``h``) by more than :data:`EXACT`, though the
    plug-in entropy is low on average over the ``repeats`` samples of the bias chart (else
    None).

    >>> from lib.sampling import estimates
    >>> unseen, high = sample_notes(estimates([0.5, 0.25, 0.125, 0.125], [0.25] * 4, 8, seed=3),
    ...                             1000)
    >>> unseen, high
    (Case(name='mle.unseen', numbers={'k': 1, 'K': 4}, apart=()), None)
    """
    unseen = (Case("mle.unseen", {"k": e.support - e.seen, "K": e.support})
              if e.seen < e.support else None)
    high = (Case("mle.high", {"plug": e.plug_in, "h": e.entropy_p, "repeats": repeats})
            if e.plug_in > e.entropy_p + EXACT else None)
    return unseen, high


def bias_cases(table: Any, n: int, repeats: int, check: BiasCheck) -> tuple[Case, Case]:
    """The plug-in entropy's bias at sample size ``n``, measured and exact.

    The measured one is ``table``'s row for ``n`` (:func:`lib.sampling.plugin_bias` over
    ``repeats`` samples): ``"bias.sentence"`` when the average ``H(P̂)`` (``plug``) came out
    below ``H(P)`` (``h``), as it does in expectation, else ``"bias.sentence_above"`` (the
    bias is smaller than the noise of the average); with ``n``, ``repeats``, ``bias`` (the
    distance from ``H(P)``), ``se`` (two standard errors of the average) and ``mm`` (the average
    Miller–Madow estimate). The exact one is ``check`` (:func:`lib.sampling.bias_against_rule`
    at ``n``): ``"bias.rule_holds"`` when the first-order ``(K − 1)/(2n)`` nats is close to
    the exact bias, else ``"bias.rule_fails"`` (with ``ratio``: the rule over the exact bias);
    with ``exact``, ``n``, ``rule`` and ``np`` (the smallest ``n·p_i``).

    >>> from lib.sampling import bias_against_rule, plugin_bias
    >>> p = [0.5, 0.25, 0.125, 0.125]
    >>> measured, rule = bias_cases(plugin_bias(p, [20, 1000], repeats=1000), 1000, 1000,
    ...                             bias_against_rule(p, 1000))
    >>> measured.name, round(float(measured.numbers["bias"]), 6), rule.name, rule.numbers["np"]
    ('bias.sentence', 0.002132, 'bias.rule_holds', 125.0)
    """
    row = table[table["n"] == n].iloc[0]
    measured = Case("bias.sentence" if row["bias"] < 0 else "bias.sentence_above", {
        "n": n, "plug": row["plug_in"], "repeats": repeats, "bias": abs(row["bias"]),
        "h": row["exact"], "se": 2 * row["plug_in_se"], "mm": row["miller_madow"]})
    rule = Case("bias.rule_holds" if check.close else "bias.rule_fails", {
        "exact": check.exact, "n": n, "rule": check.rule, "np": check.smallest_np,
        **({} if check.close else {"ratio": check.rule / check.exact})})
    return measured, rule
