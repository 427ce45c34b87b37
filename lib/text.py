"""Character n-gram models of text, their cross-entropy (bits per character), and an exact
arithmetic coder driven by them: cross-entropy is compression.

The model (add-α smoothing, order ``k`` = 0 … :data:`MAX_ORDER`), trained on a text ``train``:

* the alphabet is the distinct characters of ``train`` (Unicode code points, in code-point
  order) plus one *escape* symbol, last: ``V`` symbols in all;
* the context of position ``i`` of a text is the ``k`` characters before it (fewer at the start
  of the text: ``text[max(0, i - k):i]``);
* ``q(x | c) = (n(c x) + α) / (n(c) + α V)``, where ``n(c x)`` counts the (overlapping)
  occurrences of the string ``c`` followed by ``x`` in ``train`` and ``n(c)`` those of ``c``
  followed by any character. These ``V`` probabilities, the escape's ``α / (n(c) + α V)``
  included, add up to 1;
* a character that ``train`` never contains costs its escape plus :data:`ESCAPE_BITS` = 21 bits
  for its code point (every code point is below 2²¹).

The *cross-entropy* of a text ``x₁ … x_n`` under the model, in **bits per character**, is
``H = −(1/n) Σᵢ log₂ q(xᵢ | cᵢ)`` (escaped characters counted with their 21 bits); its
*perplexity* is ``2 ** H``. :func:`encode` turns the text into ``n H`` bits, give or take one
bit (no per-symbol rounding), and :func:`decode` gives the text back exactly: the same number,
read as a compressed length. A code that rounds every symbol to whole bits, one Huffman code
per context (:func:`huffman_bits`), spends more on text that follows the model; on other text
its whole-bit lengths (which are not ``−log₂ q``) may happen to spend less.

Conventions: all logarithms base 2 (bits). Characters are code points, so an emoji is one
character and a flag (two regional-indicator code points) is two. Bad input raises
:class:`lib.problems.ProblemError` with these codes: ``not_text`` (a text that is not a
``str``; ``field`` names it), ``text_too_long`` (``value`` characters, ``limit``),
``text_empty`` (a text to score that has no characters), ``text_too_short`` (``value``,
``limit``: :func:`check_text` only), ``out_of_range`` (``field="order"``: an order outside 0 …
:data:`MAX_ORDER`, or ``field="length"``), ``not_integer`` (an order or length that is not an
``int``), ``not_positive`` (``α ≤ 0`` or not finite), ``not_binary`` (bits other than ``0`` and
``1``), ``bad_bits`` (bits that decode to no character).

The page's own text to compress, the app's strings as plain prose, is made here as well
(:func:`prose`: template fields and formulas elided, Markdown marks removed). What the
compression page says of these numbers is decided here too (:func:`source`,
:func:`curve_cases`, :func:`coder_cases`): :class:`lib.cases.Case` values named as its strings
(``held.turns`` for ``tx.held.turns``), their numbers as they are or, where a sentence wants
another form, already written with :mod:`lib.fmt`.

>>> train = "abracadabra"
>>> h = cross_entropy_bits(train, "cadabra", order=2)       # bits per character
>>> round(h, 4), round(7 * h, 2), round(2 ** h, 3)          # ... total, perplexity
(1.5546, 10.88, 2.938)
>>> bits = encode("cadabra", train, order=2)
>>> bits, decode(bits, 7, train, order=2)
('10010110101', 'cadabra')
>>> huffman_bits("cadabra", train, order=2)   # whole bits, fewer here: see huffman_bits
9
"""

from __future__ import annotations

import heapq
import math
import re
import string
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Iterable, Sequence

import numpy as np

from lib import fmt
from lib.cases import Case
from lib.problems import Problem, ProblemError

__all__ = [
    "MAX_ORDER", "MAX_CHARS", "ESCAPE_BITS", "PASTE_MIN", "PASTE_MAX",
    "cross_entropy_bits", "surprisals", "OrderPoint", "order_curve", "encode", "decode",
    "huffman_bits", "huffman_run_lengths", "check_text", "split_text", "control_characters",
    "Compression", "compress", "code_point", "last_lowest", "CurveShape", "curve_shape",
    "Source", "source", "curve_cases", "coder_cases", "ELIDED", "LETTERS_PER_GAP",
    "plain_text", "prose",
]

#: Highest model order.
MAX_ORDER = 5
#: Longest text (training or scored) this module accepts, in characters.
MAX_CHARS = 1_000_000
#: Bits that spell a new character's code point after its escape (code points < 2**21).
ESCAPE_BITS = 21
#: Shortest and longest text a reader may paste (:func:`check_text`).
PASTE_MIN = 50
PASTE_MAX = 50_000
#: Extra bits of precision of the coder's integer range beyond the largest total frequency:
#: each symbol then loses at most 2**-PRECISION_MARGIN / ln 2 bits to integer rounding.
PRECISION_MARGIN = 34


# ---- Input ---------------------------------------------------------------------------------

def _text(value: Any, field: str) -> str:
    if not isinstance(value, str):
        raise ProblemError(Problem("not_text", field=field))
    if len(value) > MAX_CHARS:
        raise ProblemError(Problem("text_too_long", value=len(value), limit=MAX_CHARS,
                                   field=field))
    return value


def _order(order: Any) -> int:
    if isinstance(order, bool) or not isinstance(order, (int, np.integer)):
        raise ProblemError(Problem("not_integer", field="order"))
    if not 0 <= order <= MAX_ORDER:
        raise ProblemError(Problem("out_of_range", value=float(order), lo=0, hi=MAX_ORDER,
                                   field="order"))
    return int(order)


def _alpha(alpha: Any) -> Fraction:
    """α as an exact fraction (a float's exact value: the coder's integers match q exactly)."""
    try:
        value = float(alpha)
    except (TypeError, ValueError):
        raise ProblemError(Problem("not_positive", field="alpha")) from None
    if isinstance(alpha, bool) or not math.isfinite(value) or value <= 0:
        raise ProblemError(Problem("not_positive", value=value if math.isfinite(value) else None,
                                   field="alpha"))
    return Fraction(alpha) if isinstance(alpha, (int, Fraction)) else Fraction(value)


def check_text(text: Any, min_chars: int = PASTE_MIN,
               max_chars: int = PASTE_MAX) -> list[Problem]:
    """The problems of a pasted text (empty list: usable). Never evaluates or changes it.

    Codes: ``not_text``, ``text_empty`` (nothing but white space), ``text_too_short``
    (``value`` characters, ``limit`` = ``min_chars``), ``text_too_long`` (``value``,
    ``limit`` = ``max_chars``).

    >>> [p.code for p in check_text("  ")], [p.value for p in check_text("x" * 60, 100)]
    (['text_empty'], [60])
    """
    if not isinstance(text, str):
        return [Problem("not_text", field="text")]
    if not text.strip():
        return [Problem("text_empty", field="text")]
    if len(text) < min_chars:
        return [Problem("text_too_short", value=len(text), limit=min_chars, field="text")]
    if len(text) > max_chars:
        return [Problem("text_too_long", value=len(text), limit=max_chars, field="text")]
    return []


def split_text(text: str, train_share: float = 0.8) -> tuple[str, str]:
    """The first ``train_share`` of ``text`` (rounded down, in characters) to train on and the
    rest held out.

    >>> split_text("abcdefghij")
    ('abcdefgh', 'ij')
    """
    cut = int(len(text) * train_share)
    return text[:cut], text[cut:]


def control_characters(text: str) -> list[str]:
    """The distinct control characters of ``text`` (Unicode category Cc) other than tab, line
    feed and carriage return, in order of first appearance.

    >>> control_characters("a\\tb\\x07c\\x00\\x07")
    ['\\x07', '\\x00']
    """
    seen = dict.fromkeys(ch for ch in text
                         if (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0) and ch not in "\t\n\r")
    return list(seen)


def code_point(ch: str) -> str:
    """A character's Unicode code point as written in text.

    >>> code_point("\\x07"), code_point("中")
    ('U+0007', 'U+4E2D')
    """
    return f"U+{ord(ch):04X}"


# ---- The app's own strings as prose ---------------------------------------------------------

#: What stands for a value filled in at run time (a ``{name}`` field) or a formula.
ELIDED = "…"
#: A string keeps its place in :func:`prose` only with at least this many letters per gap.
LETTERS_PER_GAP = 4

_DISPLAY_MATH = re.compile(r"(?<!\\)\$\$(.+?)(?<!\\)\$\$", re.S)
_INLINE_MATH = re.compile(r"(?<!\\)\$([^$\n]+?)(?<!\\)\$")
_LATEX = re.compile(r"[\\^_{}]")
_MARKUP = (
    (re.compile(r"`([^`\n]*)`"), r"\1"),                                   # code
    (re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)"), r"\1"),                       # a link
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S), r"\2"),               # bold
    (re.compile(r"(?<![*\\])\*(?=[^\s*])(.+?)(?<=[^\s\\*])\*(?!\*)"), r"\1"),  # italic
    (re.compile(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),   # italic, not p_k
    (re.compile(r"(?m)^[ \t]*(?:#{1,6}|[-*+])[ \t]+"), ""),      # a heading's, an item's mark
    (re.compile(r"\\([!-/:-@\[-`{-~])"), r"\1"),                 # an escaped character
    (re.compile(r"(?m)[ \t]+$"), ""),                           # a line break's spaces
)


def plain_text(template: str) -> tuple[str, int]:
    """A string of the app's tables as plain prose, and how many gaps it has.

    The string is read as a :meth:`str.format` template: each field (``{name}``, a value
    the app fills in as it runs) becomes :data:`ELIDED`, ``{{`` and ``}}`` become ``{`` and
    ``}``. Then formulas: ``$…$`` and ``$$…$$`` keep their text when it holds no LaTeX
    (no ``\\ ^ _ { }``: ``$a - y$`` reads ``a - y``), otherwise become :data:`ELIDED`
    too; each field and each formula so elided is one gap. Then Markdown: code, links,
    bold and italic keep their text without their marks, a heading's or a list item's mark
    (``#``, ``-``, ``*``, ``+`` before a line) goes (numbered items keep their numbers), an
    escaped character loses its backslash, and trailing spaces (a line break) go.

    >>> plain_text("**{run}**, epoch {epoch}: $a - y$ and `nn.MSELoss()`")
    ('…, epoch …: a - y and nn.MSELoss()', 2)
    >>> plain_text(r"$C = \\tfrac12\\sum_{{j=1}}^{{10}} (a_j - y_j)^2$, see [a book](http://x)")
    ('…, see a book', 1)
    """
    parts, gaps = [], 0
    for literal, field, _, _ in string.Formatter().parse(template):
        parts.append(literal)
        if field is not None:
            parts.append(ELIDED)
            gaps += 1
    elided = []

    def formula(found: re.Match) -> str:
        body = found.group(1).strip()
        if body and not _LATEX.search(body):
            return body
        elided.append(body)
        return ELIDED

    out = _INLINE_MATH.sub(formula, _DISPLAY_MATH.sub(formula, "".join(parts)))
    gaps += len(elided)
    for pattern, replacement in _MARKUP:
        out = pattern.sub(replacement, out)
    return out, gaps


def prose(pairs: Iterable[Sequence[str]], column: int = 0) -> str:
    """The app's strings as one text of prose, one string a line, in the order given: of each
    pair (English, Chinese) the one in ``column`` (0 or 1), through :func:`plain_text`.

    A pair whose English string has fewer than :data:`LETTERS_PER_GAP` letters per gap (mostly
    fields or formulas, such as ``{done}/{total} MB``) is left out in both languages, so the
    two texts hold the same strings (letters measure words only in an alphabetic script).

    >>> pairs = [("{n} bits", "{n} 比特"), ("{done}/{total} MB", "{done}/{total} MB"),
    ...          ("*Hello*, {name}.", "*你好*，{name}。")]
    >>> prose(pairs), prose(pairs, 1)
    ('… bits\\nHello, ….', '… 比特\\n你好，…。')
    """
    kept = []
    for pair in pairs:
        english, gaps = plain_text(pair[0])
        if sum(ch.isalpha() for ch in english) >= LETTERS_PER_GAP * gaps:
            kept.append(plain_text(pair[column])[0] if column else english)
    return "\n".join(kept)


@dataclass(frozen=True)
class Source:
    """A text split for a page to train on and hold out (:func:`source`): ``train`` and
    ``held`` (None when a paste is refused, then its ``problems``), and what the page says of
    it: ``split`` and ``controls`` (:class:`lib.cases.Case`; ``controls`` None when the text
    holds no control character)."""
    train: str | None
    held: str | None
    problems: tuple[Problem, ...]
    split: Case | None
    controls: Case | None


def source(value: str, pasted: bool = True) -> Source:
    """``value`` split into its training and held-out parts (:func:`split_text`), and what a
    page says of it.

    A reader's paste (``pasted``) is checked first (:func:`check_text`: its problems leave the
    texts None) and searched for control characters (:func:`control_characters`); the app's
    own prose is neither. ``split`` is the case ``split`` (a paste) or ``split.prose``, quoting
    the characters ``n``, ``train`` and ``held``; ``controls`` is ``controls.one`` or
    ``controls``, quoting how many control characters the paste holds, ``n``, and the first
    one's code point, ``first``.

    >>> s = source("Bell \\x07 rings twice: \\x07\\x07. " * 3)
    >>> s.split.name, s.split.numbers, s.controls.name, s.controls.numbers
    ('split', {'n': 72, 'train': 57, 'held': 15}, 'controls', {'n': 9, 'first': 'U+0007'})
    >>> source("Too short.").problems[0].code, source("Too short.", pasted=False).split.name
    ('text_too_short', 'split.prose')
    """
    problems = check_text(value) if pasted else []
    if problems:
        return Source(None, None, tuple(problems), None, None)
    train, held = split_text(value)
    split = Case("split" if pasted else "split.prose",
                 {"n": len(value), "train": len(train), "held": len(held)})
    controls = control_characters(value) if pasted else []
    n = sum(value.count(ch) for ch in controls)
    return Source(train, held, (), split, Case("controls.one" if n == 1 else "controls", {
        "n": n, "first": code_point(controls[0])}) if controls else None)


# ---- The model -----------------------------------------------------------------------------

class _Model:
    """Counts of one order trained on one text, and each context's successors."""

    def __init__(self, train: str, order: int, alpha: Fraction) -> None:
        self.train, self.order = train, order
        self.alphabet = "".join(sorted(set(train)))
        self.index = {ch: i for i, ch in enumerate(self.alphabet)}
        self.size = len(self.alphabet) + 1          # V, with the escape
        self.escape = self.size - 1
        self.a, self.d = alpha.numerator, alpha.denominator   # α = a / d
        self.alpha = float(alpha)
        self.grams = Counter(train[i:i + order + 1] for i in range(len(train) - order))
        contexts: dict[str, dict[str, int]] = {}
        totals: dict[str, int] = {}
        for gram, count in self.grams.items():
            context = gram[:-1]
            contexts.setdefault(context, {})[gram[-1]] = count
            totals[context] = totals.get(context, 0) + count
        self.contexts = contexts
        self._short: dict[str, dict[str, int]] = {}
        self._totals = totals
        self._coder: dict[str, tuple] = {}
        #: Huffman code lengths by (the seen successors' weights, how many are unseen)
        self.huffman: dict[tuple, tuple] = {}

    def successors(self, context: str) -> dict[str, int]:
        """``{x: n(c x)}`` for the context ``c`` (``n(c)`` is the sum of the counts)."""
        if len(context) == self.order:
            return self.contexts.get(context, {})
        found = self._short.get(context)
        if found is None and not context:   # the start of a text: every character counts
            found = self._short[context] = dict(Counter(self.train))
        if found is None:  # a context shorter than the order: only at the start of a text
            train, k, found = self.train, len(context), {}
            start = _find(train, context, 0)
            while 0 <= start < len(train) - k:
                x = train[start + k]
                found[x] = found.get(x, 0) + 1
                start = _find(train, context, start + 1)
            self._short[context] = found
        return found

    def count(self, context: str) -> int:
        """``n(c)``: the times ``c`` is followed by any character in the training text."""
        found = self._totals.get(context)
        if found is None:
            found = sum(self.successors(context).values())
            if len(context) != self.order:   # full contexts not counted are never seen: 0
                self._totals[context] = found
        return found

    def bits(self, context: str, x: str) -> float:
        """``−log₂ q(x | c)``, plus 21 bits for a character outside the alphabet."""
        succ = self.successors(context)
        total = self.count(context) + self.alpha * self.size
        if x in self.index:
            return -math.log2((succ.get(x, 0) + self.alpha) / total)
        return -math.log2(self.alpha / total) + ESCAPE_BITS

    # -- integer frequencies for the coder: q(x | c) = f / T exactly, α = a / d --------------
    def table(self, context: str) -> tuple:
        """``(T, idxs, cums, widths, by_char, n_c, below)`` of a context: the total, the
        observed successors' alphabet indices (sorted), their cumulative starts and widths,
        ``{x: (start, width)}`` for them, ``n(c)``, and the counts of the observed successors
        before each position of the sorted list."""
        found = self._coder.get(context)
        if found is None:
            succ = self.successors(context)
            a, d = self.a, self.d
            items = sorted((self.index[x], x, n) for x, n in succ.items())
            idxs, cums, widths, by_char, below = [], [], [], {}, [0]
            for j, x, n in items:
                start, width = d * below[-1] + a * j, d * n + a
                idxs.append(j)
                cums.append(start)
                widths.append(width)
                by_char[x] = (start, width)
                below.append(below[-1] + n)
            found = (d * below[-1] + a * self.size, idxs, cums, widths, by_char, below[-1],
                     below)
            self._coder[context] = found
        return found

    def interval(self, context: str, j: int) -> tuple[int, int, int]:
        """``(start, width, total)`` of the symbol with alphabet index ``j`` (the escape:
        ``V − 1``) in the context's integer frequencies."""
        total, idxs, cums, widths, _, _, below = self.table(context)
        k = bisect_left(idxs, j)
        if k < len(idxs) and idxs[k] == j:
            return cums[k], widths[k], total
        return self.d * below[k] + self.a * j, self.a, total

    def symbol_at(self, context: str, target: int) -> int:
        """The alphabet index (escape: ``V − 1``) whose interval holds ``target``."""
        _, idxs, cums, widths, _, _, _ = self.table(context)
        k = bisect_right(cums, target) - 1
        if k >= 0 and target < cums[k] + widths[k]:
            return idxs[k]
        if k >= 0:
            return idxs[k] + 1 + (target - cums[k] - widths[k]) // self.a
        return target // self.a


def _find(text: str, sub: str, start: int) -> int:
    """``text.find(sub, start)`` (the empty string is found at every position)."""
    return text.find(sub, start) if sub else (start if start <= len(text) else -1)


def _context(text: str, i: int, order: int) -> str:
    return text[max(0, i - order):i]


def _check(train: Any, test: Any, order: Any, alpha: Any, test_field: str = "test"):
    return (_text(train, "train"), _text(test, test_field), _order(order), _alpha(alpha))


# ---- Cross-entropy -------------------------------------------------------------------------

def _total_bits(model: _Model, test: str) -> float:
    """``−Σ log₂ q(xᵢ | cᵢ)`` over ``test``, each distinct (context, character) pair once."""
    k = model.order
    head = min(k, len(test))
    total = sum(model.bits(test[:i], test[i]) for i in range(head))
    grams = Counter(test[i - k:i + 1] for i in range(k, len(test)))
    return total + sum(m * model.bits(g[:-1], g[-1]) for g, m in grams.items())


def _own_bits(model: _Model) -> float:
    """:func:`_total_bits` of the training text itself, from the model's own counts (its
    positions from ``order`` on are exactly the counted grams)."""
    train, k = model.train, model.order
    total = sum(model.bits(train[:i], train[i]) for i in range(min(k, len(train))))
    a, v = model.alpha, model.size
    n = np.fromiter(model.grams.values(), dtype=float, count=len(model.grams))
    n_c = np.fromiter((model.count(c) for c in model.contexts), dtype=float,
                      count=len(model.contexts))
    return total + float(np.dot(n_c, np.log2(n_c + a * v)) - np.dot(n, np.log2(n + a)))


def cross_entropy_bits(train: str, test: str, order: int, alpha: float = 0.5) -> float:
    """Bits per character of ``test`` under the add-α model of order ``order`` trained on
    ``train``: ``−(1/n) Σᵢ log₂ q(xᵢ | cᵢ)`` (module docstring: the model exactly).

    ``2 ** cross_entropy_bits(...)`` is the perplexity. Raises
    :class:`lib.problems.ProblemError` for bad input, ``text_empty`` for an empty ``test``.

    With ``train = "abab"`` and order 0 the alphabet is a, b and the escape (V = 3): q(a) =
    (2 + ½)/(4 + 3/2) = 5/11, so "a" costs log₂(11/5) = 1.1375 bits.

    >>> round(cross_entropy_bits("abab", "a", 0), 4)
    1.1375
    >>> round(cross_entropy_bits("abab", "z", 0) - 21, 4)   # the escape, then 21 bits
    3.4594
    """
    train, test, order, alpha_ = _check(train, test, order, alpha)
    if not test:
        raise ProblemError(Problem("text_empty", field="test"))
    return _total_bits(_Model(train, order, alpha_), test) / len(test)


def surprisals(train: str, test: str, order: int, alpha: float = 0.5,
               limit: int | None = None) -> np.ndarray:
    """``−log₂ q(xᵢ | cᵢ)`` of each of the first ``limit`` characters of ``test`` (all when
    None), 21 bits added for an escaped character. Their mean over the whole text is
    :func:`cross_entropy_bits`.

    >>> surprisals("abab", "ab", 1).round(3).tolist()   # q(a) = 2.5/5.5, q(b | a) = 2.5/3.5
    [1.138, 0.485]
    """
    train, test, order, alpha_ = _check(train, test, order, alpha)
    return _surprisals(_Model(train, order, alpha_), test, limit)


def _surprisals(model: _Model, test: str, limit: int | None) -> np.ndarray:
    n = len(test) if limit is None else min(int(limit), len(test))
    return np.array([model.bits(_context(test, i, model.order), test[i]) for i in range(n)],
                    dtype=float)


@dataclass(frozen=True)
class OrderPoint:
    """Bits per character of the training text (scored by its own model) and of the held-out
    text at one order; perplexity is ``2 ** bits``."""
    order: int
    train_bits: float
    test_bits: float

    @property
    def train_perplexity(self) -> float:
        return 2.0 ** self.train_bits

    @property
    def test_perplexity(self) -> float:
        return 2.0 ** self.test_bits


def order_curve(train: str, test: str, alpha: float = 0.5,
                orders: Sequence[int] = tuple(range(MAX_ORDER + 1))) -> tuple[OrderPoint, ...]:
    """:func:`cross_entropy_bits` of ``train`` and of ``test`` under the model trained on
    ``train``, at each order (one model per order, both texts scored with it).

    >>> curve = order_curve("abcabcabc", "abcabd", orders=(0, 1))
    >>> [(round(p.train_bits, 2), round(p.test_bits, 2)) for p in curve]
    [(1.65, 5.62), (0.68, 4.7)]
    """
    train, test, _, alpha_ = _check(train, test, 0, alpha)
    if not test or not train:
        raise ProblemError(Problem("text_empty", field="test" if train else "train"))
    out = []
    for order in orders:
        model = _Model(train, _order(order), alpha_)
        out.append(OrderPoint(int(order), _own_bits(model) / len(train),
                              _total_bits(model, test) / len(test)))
    return tuple(out)


def last_lowest(values: Sequence[float]) -> int:
    """The last index at which ``values`` are lowest (a tie with the top order is no rise).

    >>> last_lowest([3.0, 2.0, 2.5, 2.0])
    3
    """
    low = min(values)
    return max(i for i, v in enumerate(values) if v == low)


@dataclass(frozen=True)
class CurveShape:
    """What the two curves of :func:`order_curve` do as the order grows (:func:`curve_shape`).

    ``train``: the training text's bits per character ``"falls"`` (lower at every step),
    ``"wiggles"`` (lowest at the top order, not lower at every step) or ``"turns"`` (lowest
    below the top order); ``held``: the held-out text's, ``"falls"``, ``"low5"`` (as
    ``"wiggles"``) or ``"turns"``; ``train_low``, ``held_low``: the orders where each is lowest
    (:func:`last_lowest`); ``overfit``: the held-out curve turns while the training text's bits
    at the top order are below those at the held-out curve's lowest order."""
    train: str
    train_low: int
    held: str
    held_low: int
    overfit: bool


def curve_shape(points: Sequence[OrderPoint]) -> CurveShape:
    """The cases of :class:`CurveShape` for the points of :func:`order_curve`.

    >>> train, held = "the cat sat on the mat. " * 4, "the dog sat on a log. " * 2
    >>> curve_shape(order_curve(train, held, 0.01, orders=(0, 1, 2, 3)))
    CurveShape(train='falls', train_low=3, held='turns', held_low=2, overfit=True)
    """
    def case(values: list[float], low: int, steady: str, top: str) -> str:
        if low < len(values) - 1:
            return "turns"
        return steady if all(b < a for a, b in zip(values, values[1:])) else top

    train = [p.train_bits for p in points]
    held = [p.test_bits for p in points]
    k_train, k_held = last_lowest(train), last_lowest(held)
    held_case = case(held, k_held, "falls", "low5")
    return CurveShape(case(train, k_train, "falls", "wiggles"), k_train, held_case, k_held,
                      held_case == "turns" and train[-1] < train[k_held])


def curve_cases(points: Sequence[OrderPoint], alpha: float, size: int) -> tuple[Case, ...]:
    """What the two curves of :func:`order_curve` do (:func:`curve_shape`), the training
    text's first.

    ``train.<falls|wiggles|turns>`` quotes the training text's bits per character at the
    first order, ``first``, at its lowest, ``low`` (order ``k``), and at the top order,
    ``last`` (two decimals; ``low`` and ``last`` with as many more as it takes to read
    differently, :func:`lib.fmt.apart`), and ``av`` = α·V, the counts smoothing adds to every
    context of an alphabet of ``size`` = V symbols; ``held.<falls|low5|turns>`` quotes the
    held-out text's ``k``, ``low`` and ``last``; then ``overfit`` (``k``: the held-out curve's
    lowest order) when the shape says the model overfits.

    >>> points = [OrderPoint(0, 4.2, 4.3), OrderPoint(1, 3.1, 3.9), OrderPoint(2, 2.0, 4.1)]
    >>> [(c.name, c.numbers) for c in curve_cases(points, 0.5, 31)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('train.falls', {'first': '4.20', 'last': '2.00', 'k': 2, 'low': '2.00', 'av': 15.5}),
     ('held.turns', {'k': 1, 'low': '3.90', 'last': '4.10'}), ('overfit', {'k': 1})]
    """
    shape = curve_shape(points)
    tr, he = [p.train_bits for p in points], [p.test_bits for p in points]
    low, last = fmt.apart(tr[shape.train_low], tr[-1], fmt.num, 2)
    said = [Case(f"train.{shape.train}", {"first": fmt.num(tr[0], 2), "last": last,
                                          "k": shape.train_low, "low": low,
                                          "av": float(alpha) * size})]
    low, last = fmt.apart(he[shape.held_low], he[-1], fmt.num, 2)
    said.append(Case(f"held.{shape.held}", {"k": shape.held_low, "low": low, "last": last}))
    if shape.overfit:
        said.append(Case("overfit", {"k": shape.held_low}))
    return tuple(said)


# ---- The arithmetic coder ------------------------------------------------------------------

def _precision(model: _Model) -> int:
    """Bits of the coder's range: the largest total frequency (n(c) ≤ len(train)) or the 2**21
    code points, plus :data:`PRECISION_MARGIN`."""
    biggest = max(model.d * len(model.train) + model.a * model.size, 1 << ESCAPE_BITS)
    return biggest.bit_length() + PRECISION_MARGIN


def encode(text: str, train: str, order: int, alpha: float = 0.5) -> str:
    """``text`` as a string of ``'0'``/``'1'``: an arithmetic code driven by the add-α model
    of order ``order`` trained on ``train``, in exact integer arithmetic.

    Each character narrows an interval by ``q(x | c)`` exactly (α = a/d as a fraction, every
    frequency multiplied by d: ``q = (d·n(c x) + a) / (d·n(c) + a·V)``); a new character narrows
    it by its escape's probability, then by 2⁻²¹ for its code point. Bits are written as soon as
    they are settled (with Witten, Neal and Cleary's underflow counting), and the code ends with
    the bit ``1`` followed by the pending bits: the point it names lies inside the final interval
    when the decoder reads past the end as zeros. So the length is within about one bit of
    ``len(text) × cross_entropy_bits``: above it by at most 1 bit plus the rounding of the range
    (at most ``2**-34 / ln 2`` bits per character), below it by less than 1 bit. An empty text
    gives ``""``.

    >>> encode("aaaa", "ab", order=0)   # q(a) = 1.5/3.5: 4 × 1.22 = 4.89 bits
    '00001'
    """
    train, text, order, alpha_ = _check(train, text, order, alpha, "text")
    return _encode(_Model(train, order, alpha_), text)


def _encode(model: _Model, text: str) -> str:
    if not text:
        return ""
    order = model.order
    precision = _precision(model)
    full = 1 << precision
    half, quarter = full >> 1, full >> 2
    three = half + quarter
    low, high, pending = 0, full - 1, 0
    out = bytearray()
    index, escape, by_context = model.index, model.escape, model.table
    steps: list[tuple[int, int, int]] = []
    for i, x in enumerate(text):
        context = text[i - order:i] if i >= order else text[:i]
        hit = by_context(context)[4].get(x)
        if hit is not None:
            steps.append((hit[0], hit[1], by_context(context)[0]))
        else:
            j = index.get(x)
            steps.append(model.interval(context, escape if j is None else j))
            if j is None:
                steps.append((ord(x), 1, 1 << ESCAPE_BITS))
        for start, width, total in steps:
            span = high - low + 1
            high = low + span * (start + width) // total - 1
            low = low + span * start // total
            while True:
                if high < half:
                    out.append(48)
                    if pending:
                        out.extend(b"1" * pending)
                        pending = 0
                elif low >= half:
                    out.append(49)
                    if pending:
                        out.extend(b"0" * pending)
                        pending = 0
                    low -= half
                    high -= half
                elif low >= quarter and high < three:
                    pending += 1
                    low -= quarter
                    high -= quarter
                else:
                    break
                low <<= 1
                high = (high << 1) | 1
        steps.clear()
    # Now low < half <= high: the point `half` lies in the final interval. "1" and then the
    # pending bits (zeros) name it; the decoder reads past the end as zeros.
    out.append(49)
    out.extend(b"0" * pending)
    return out.decode("ascii")


def decode(bits: str, length: int, train: str, order: int, alpha: float = 0.5) -> str:
    """The ``length`` characters that :func:`encode` turned into ``bits`` (same ``train``,
    ``order`` and ``alpha``). Bits past the end are read as zeros.

    ``decode(encode(t, train, k, α), len(t), train, k, α) == t`` for every text ``t``. Bits
    that :func:`encode` did not make decode to some text, or raise ``bad_bits`` when they
    name a code point above U+10FFFF or an escaped character that the alphabet holds.

    >>> decode("00001", 4, "ab", order=0)
    'aaaa'
    """
    if not isinstance(bits, str):
        raise ProblemError(Problem("not_text", field="bits"))
    if bits.strip("01"):
        raise ProblemError(Problem("not_binary", field="bits"))
    if isinstance(length, bool) or not isinstance(length, (int, np.integer)):
        raise ProblemError(Problem("not_integer", field="length"))
    if not 0 <= length <= MAX_CHARS:
        raise ProblemError(Problem("out_of_range", value=float(length), lo=0, hi=MAX_CHARS,
                                   field="length"))
    train, order, alpha_ = _text(train, "train"), _order(order), _alpha(alpha)
    return _decode(_Model(train, order, alpha_), bits, int(length))


def _decode(model: _Model, bits: str, length: int) -> str:
    if length == 0:
        return ""
    order = model.order
    precision = _precision(model)
    full = 1 << precision
    half, quarter = full >> 1, full >> 2
    three = half + quarter
    state = [0, full - 1, int(bits[:precision].ljust(precision, "0"), 2), precision]

    def narrow(start: int, width: int, total: int) -> None:
        low, high, value, pos = state
        span = high - low + 1
        high = low + span * (start + width) // total - 1
        low = low + span * start // total
        while True:
            if high < half:
                pass
            elif low >= half:
                low, high, value = low - half, high - half, value - half
            elif low >= quarter and high < three:
                low, high, value = low - quarter, high - quarter, value - quarter
            else:
                break
            low, high = low << 1, (high << 1) | 1
            value = (value << 1) | (pos < len(bits) and bits[pos] == "1")
            pos += 1
        state[:] = low, high, value, pos

    def find(total: int) -> int:
        low, high, value, _ = state
        return ((value - low + 1) * total - 1) // (high - low + 1)

    chars: list[str] = []
    code_points = 1 << ESCAPE_BITS
    for i in range(length):
        context = "".join(chars[max(0, i - order):i])
        total = model.table(context)[0]
        j = model.symbol_at(context, find(total))
        narrow(*model.interval(context, j))
        if j != model.escape:
            chars.append(model.alphabet[j])
            continue
        code = find(code_points)
        if code > 0x10FFFF or chr(code) in model.index:
            raise ProblemError(Problem("bad_bits", value=float(i), field="bits"))
        narrow(code, 1, code_points)
        chars.append(chr(code))
    return "".join(chars)


# ---- A Huffman code per context ------------------------------------------------------------

def huffman_run_lengths(weights: Sequence[int], m: int, w: int,
                        tags: Sequence[int] | None = None,
                        first: int | None = None) -> tuple[list[int], list[int]]:
    """Codeword lengths of a Huffman code for the leaves ``weights`` plus ``m`` more leaves of
    one weight ``w``, without building ``m`` leaves: runs of equal nodes are merged in pairs
    at once (a run of ``c`` smallest nodes becomes ``c // 2`` nodes of twice the weight), so a
    context with a few seen successors among thousands of unseen characters costs about
    ``(k + log m) log k`` steps.

    Returns the lengths of ``weights`` (in order) and the ``m`` lengths of the equal leaves,
    shortest first (they are interchangeable: give the shorter ones to the earlier symbols).
    Ties are broken by position (``tags``: the leaves' indices, default 0, 1, …; ``first``:
    the equal leaves', default ``len(weights)``): among equal weights the node holding the
    later leaves is merged first, the rule of :func:`lib.coding.huffman_lengths`. Weights are
    integers, so ties are exact. Any Huffman tree has the least expected length of all prefix
    codes, so ``Σ wᵢ lᵢ`` equals that of :func:`lib.coding.huffman_lengths` (whose float
    probabilities may break a tie the other way). One leaf in all gets length 1, as in
    :func:`lib.coding.huffman_code`.

    >>> huffman_run_lengths([4], 4, 1)
    ([1], [3, 3, 3, 3])
    """
    seen, runs = _huffman_runs(weights, m, w, tags, first)
    return seen, [length for length, count in runs for _ in range(count)]


def _huffman_runs(weights: Sequence[int], m: int, w: int, tags: Sequence[int] | None = None,
                  first: int | None = None) -> tuple[list[int], list[tuple[int, int]]]:
    """:func:`huffman_run_lengths` with the equal leaves' lengths as ``(length, how many)``,
    shortest first."""
    k = len(weights)
    if k + m == 0:
        return [], []
    if k + m == 1:
        return [1] * k, [(1, m)] if m else []
    run_weight: list[int] = []
    parents: list[list[tuple[int, int]]] = []
    # (weight, −smallest index, run id, members left): among equal weights the node holding
    # the later symbols is merged first, so earlier symbols keep the shorter codewords (the
    # rule of lib.coding.huffman_lengths).
    heap: list[tuple[int, int, int, int]] = []

    def new_run(weight: int, tag: int, count: int) -> int:
        run_weight.append(weight)
        parents.append([])
        heapq.heappush(heap, (weight, tag, len(run_weight) - 1, count))
        return len(run_weight) - 1

    for i, weight in enumerate(weights):
        new_run(int(weight), -(tags[i] if tags is not None else i), 1)
    if m:
        new_run(int(w), -(first if first is not None else k), int(m))
    while True:
        weight, tag, rid, count = heapq.heappop(heap)
        if count == 1 and not heap:
            root = rid
            break
        if count >= 2:
            pid = new_run(2 * weight, tag, count // 2)
            parents[rid].append((pid, 2))
            if count % 2:
                heapq.heappush(heap, (weight, tag, rid, 1))
        else:
            weight2, tag2, rid2, count2 = heapq.heappop(heap)
            pid = new_run(weight + weight2, max(tag, tag2), 1)
            parents[rid].append((pid, 1))
            parents[rid2].append((pid, 1))
            if count2 > 1:
                heapq.heappush(heap, (weight2, tag2, rid2, count2 - 1))
    depths: list[dict[int, int]] = [dict() for _ in run_weight]
    depths[root] = {0: 1}
    for rid in range(len(run_weight) - 1, -1, -1):
        if rid == root:
            continue
        dist: dict[int, int] = {}
        for parent, per in parents[rid]:
            for depth, count in depths[parent].items():
                dist[depth + 1] = dist.get(depth + 1, 0) + per * count
        depths[rid] = dist
    observed = [next(iter(depths[i])) for i in range(k)]
    return observed, sorted(depths[k].items()) if m else []


class _HuffmanContext:
    """One context's Huffman code lengths: seen successors, and the unseen ones by rank."""

    def __init__(self, model: _Model, context: str) -> None:
        _, idxs, _, widths, _, _, _ = model.table(context)
        self.idxs = idxs
        # Ties by rank: seen successors in alphabet order, the unseen ones after them (their
        # weight α never equals a seen one's). So the lengths depend on the weights alone.
        key = (tuple(widths), model.size - len(idxs))
        found = model.huffman.get(key)
        if found is None:
            seen, runs = _huffman_runs(widths, key[1], model.a)
            ends, total = [], 0
            for _, count in runs:
                total += count
                ends.append(total)
            found = model.huffman[key] = (seen, runs, ends)
        seen, self.runs, self.ends = found   # the unseen symbols' lengths, shortest first,
        self.seen = dict(zip(idxs, seen))    # and how many symbols reach each run's end

    def length(self, j: int) -> int:
        if j in self.seen:
            return self.seen[j]
        rank = j - bisect_left(self.idxs, j)       # among the unseen, in alphabet order
        return self.runs[bisect_right(self.ends, rank)][0]


def huffman_bits(text: str, train: str, order: int, alpha: float = 0.5) -> int:
    """Bits that one Huffman code per context spends on ``text``: each character coded with
    the Huffman code built for ``q(· | c)`` of its context (:func:`huffman_run_lengths`; among
    characters of equal probability the earlier ones in code-point order, the escape last,
    get the shorter codewords), a new character with its escape's codeword plus 21
    bits. Each character costs a whole number of bits, at least 1. On text drawn from the
    model itself this averages at least the cross-entropy and less than one bit per character
    more; on other text its whole-bit lengths may happen to cost less than
    ``len(text) × cross_entropy_bits``.

    >>> huffman_bits("aaaa", "ab", order=0)   # q(a) = 3/5: still one bit each
    4
    """
    train, text, order, alpha_ = _check(train, text, order, alpha, "text")
    return _huffman_bits(_Model(train, order, alpha_), text)


def _huffman_bits(model: _Model, text: str) -> int:
    order = model.order
    codes: dict[str, _HuffmanContext] = {}
    total = 0
    pairs = Counter((_context(text, i, order), x) for i, x in enumerate(text))
    for (context, x), count in pairs.items():
        code = codes.get(context)
        if code is None:
            code = codes[context] = _HuffmanContext(model, context)
        j = model.index.get(x)
        total += count * (code.length(model.escape) + ESCAPE_BITS if j is None
                          else code.length(j))
    return total


# ---- Everything at one order, one model ------------------------------------------------------

@dataclass(frozen=True)
class Compression:
    """A text coded with the model of one order: ``ideal`` = ``−Σ log₂ q(xᵢ | cᵢ)`` (n times
    the cross-entropy), the arithmetic code's ``bits``, whether they decode to the text, the
    bits of a Huffman code per context, the first characters' costs, and how many characters
    are escaped."""
    ideal: float
    bits: str
    decoded: bool
    huffman: int
    costs: np.ndarray     #: −log₂ q of the first characters (21 bits added for escapes)
    escaped: int          #: characters the training text never contains


def compress(text: str, train: str, order: int, alpha: float = 0.5,
             shown: int = 0) -> Compression:
    """:func:`cross_entropy_bits` (times ``len(text)``), :func:`encode` with a :func:`decode`
    check, :func:`huffman_bits` and the first ``shown`` :func:`surprisals` of ``text``, from
    one model.

    >>> c = compress("cadabra", "abracadabra", 2, shown=3)
    >>> round(c.ideal, 2), len(c.bits), c.decoded, c.huffman, c.costs.round(2).tolist()
    (10.88, 11, True, 9, [3.22, 1.42, 1.42])
    >>> compress("cadabra xyz", "abracadabra", 2).escaped   # " ", "x", "y", "z"
    4
    """
    train, text, order, alpha_ = _check(train, text, order, alpha, "text")
    model = _Model(train, order, alpha_)
    bits = _encode(model, text)
    return Compression(_total_bits(model, text), bits,
                       _decode(model, bits, len(text)) == text, _huffman_bits(model, text),
                       _surprisals(model, text, shown),
                       sum(1 for ch in text if ch not in model.index))


def _bits(n: int) -> Case:
    return Case("one_bit") if n == 1 else Case("n_bits", {"n": n})


def coder_cases(c: Compression, n: int, preview: int) -> dict[str, Case]:
    """What a page says of a text of ``n`` characters coded by :func:`compress`, whose first
    ``preview`` bits it shows, by part of the page:

    ``coded``
        ``coded`` when the arithmetic code's bits, ``coded``, are at least ``−Σ log₂ q`` of
        the same text under the same model (``ideal``: n times the cross-entropy, two
        decimals), ``coded.fewer`` when they are fewer (by less than one bit: the code need
        not mark where it ends, :func:`encode`); ``diff``: by how much, either way (two
        decimals, no sign);
    ``huffman`` (only when the two codes differ)
        ``huffman.more``: a Huffman code per context spends ``extra`` bits more (a case,
        ``one_bit`` or ``n_bits`` with ``n``), ``pct`` more in percent (one decimal); or
        ``huffman.fewer``: ``fewer`` bits fewer (the same case);
    ``decoded``
        ``decoded`` (all ``n`` characters back) or ``decoded.wrong``;
    ``escaped`` (only when some characters are escaped)
        ``escaped.one`` or ``escaped``: ``count`` of the ``n`` characters are not in the
        training text;
    ``preview``
        ``preview``: the first ``shown`` of the ``total`` bits, or ``preview.all``.

    >>> said = coder_cases(compress("cadabra xyz", "abracadabra", 1), 11, 40)
    >>> said["coded"].name, said["coded"].numbers
    ('coded.fewer', {'coded': 107, 'ideal': '107.32', 'diff': '0.32'})
    >>> said["huffman"].name, said["huffman"].numbers
    ('huffman.more', {'extra': Case(name='one_bit', numbers={}, apart=()), 'pct': '+0.9%'})
    >>> said["decoded"].name, said["escaped"].numbers, said["preview"].numbers
    ('decoded', {'count': 4, 'n': 11}, {'shown': 40, 'total': 107})
    """
    coded = len(c.bits)
    diff = coded - c.ideal
    said = {"coded": Case("coded" if diff >= 0 else "coded.fewer", {
        "coded": coded, "ideal": f"{c.ideal:,.2f}", "diff": fmt.fixed(abs(diff), 2)})}
    more = c.huffman - coded
    if more > 0:
        said["huffman"] = Case("huffman.more", {"extra": _bits(more),
                                                "pct": f"+{100 * more / coded:.1f}%"})
    elif more < 0:
        said["huffman"] = Case("huffman.fewer", {"fewer": _bits(-more)})
    said["decoded"] = Case("decoded", {"n": n}) if c.decoded else Case("decoded.wrong")
    if c.escaped:
        said["escaped"] = Case("escaped.one" if c.escaped == 1 else "escaped",
                               {"count": c.escaped, "n": n})
    said["preview"] = (Case("preview", {"shown": preview, "total": coded}) if coded > preview
                       else Case("preview.all", {"total": coded}))
    return said
