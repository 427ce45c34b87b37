"""Information content, entropy, cross-entropy and KL divergence of discrete distributions.

Conventions shared by every function here:

* ``base=None`` means the natural logarithm (results in nats); ``base=2`` gives bits and
  ``base=10`` hartleys. Any finite base > 0 other than 1 is accepted; anything else raises
  ``ValueError``.
* A *distribution* is a 1-D array-like of finite, non-negative numbers whose sum is 1 within a
  relative 1e-9. Nothing is renormalised silently (``scipy.stats.entropy`` does, which hides
  mistakes); call :func:`normalize` explicitly to turn counts or weights into probabilities.
* ``0 · log 0 = 0``: an impossible event contributes nothing to an entropy.
* ``p_i > 0`` where ``q_i = 0`` makes cross-entropy and KL divergence ``+inf`` (never NaN, and
  no numpy warning is printed): scoring a possible event as impossible costs infinitely much.

Every computation is vectorised, so 10**6-event inputs take milliseconds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import special

from lib.problems import Problem, ProblemError

__all__ = [
    "DistributionError",
    "as_distribution",
    "blend",
    "blend_curve",
    "Comparison",
    "as_pair",
    "compare",
    "convert",
    "cross_entropy",
    "entropy",
    "event_terms",
    "information_content",
    "kl_divergence",
    "log_factor",
    "normalize",
]

#: Relative tolerance on ``sum(p) == 1``.
SUM_TOLERANCE = 1e-9


class DistributionError(ProblemError):
    """Raised for input that is not a probability distribution (a :class:`ValueError`).

    Like every bad-input report of ``lib`` it is a :class:`lib.problems.ProblemError`: its
    ``problems`` hold one :class:`lib.problems.Problem` (``column`` = the array's name, ``row`` =
    the position at fault) that ``ui.problems`` words in the reader's language. The same facts are
    also fields:

    ``code``
        one of ``"not_1d"``, ``"empty"``, ``"not_number"``, ``"not_finite"``, ``"negative"``,
        ``"above_one"``, ``"sum"``, ``"all_zero"``, ``"length"``.
    ``name``
        the array's name as the caller gave it (``"P"``, ``"Q"``, ...).
    ``index``, ``value``
        the first position at fault and the value found there (``None`` when not positional;
        for ``"sum"`` the value is the sum, for ``"length"`` it is the other array's length).
    """

    def __init__(self, message: str, *, code: str, name: str = "p",
                 index: int | None = None, value: Any = None) -> None:
        number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
        super().__init__([Problem(code, column=name, row=index, value=number)], message)
        self.code = code
        self.name = name
        self.index = index
        self.value = value

    def __reduce__(self) -> tuple[Any, ...]:
        return (_distribution_error, (str(self), self.code, self.name, self.index, self.value))


def _distribution_error(message, code, name, index, value) -> DistributionError:
    return DistributionError(message, code=code, name=name, index=index, value=value)


def log_factor(base: float | None) -> float:
    """Return ``1 / ln(base)``, the factor turning nats into units of ``base``.

    ``log_b x = ln x · log_factor(b)``; ``base=None`` (natural log) gives 1.0.

    >>> round(log_factor(2), 6)   # 1 nat = 1.442695 bits
    1.442695
    """
    if base is None:
        return 1.0
    try:
        b = float(base)
    except (TypeError, ValueError):
        raise ValueError(f"log base must be a number, got {base!r}") from None
    if not math.isfinite(b) or b <= 0 or b == 1:
        raise ValueError(f"log base must be finite, positive and not 1, got {base!r}")
    return 1.0 / math.log(b)


def convert(x: Any, was: float | None, to: float | None) -> Any:
    """Return an information quantity ``x`` measured in units of log base ``was``, in units of
    log base ``to`` (``None`` = nats, the natural log).

    ``x_to = x_was · ln(was) / ln(to)`` (:func:`log_factor`); infinities stay infinite, and
    arrays convert element by element.

    >>> round(convert(1.0, 2, None), 6)    # 1 bit = ln 2 nats
    0.693147
    >>> round(convert(1.0, None, 2), 6), convert(3.0, 10, 10), convert(float("inf"), 2, 10)
    (1.442695, 3.0, inf)
    """
    return x * (log_factor(to) / log_factor(was))


def _as_float_array(values: Any, name: str) -> np.ndarray:
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise DistributionError(f"{name} must contain numbers only", code="not_number",
                                name=name) from None
    return arr


def _first(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask)[0])


def _check_values(arr: np.ndarray, name: str, *, upper: float | None = None) -> None:
    """Finite, non-negative (and <= upper) check, naming the first offending position."""
    bad = ~np.isfinite(arr)
    if bad.any():
        i = _first(bad)
        raise DistributionError(f"{name}[{i}] is not a finite number ({arr[i]})",
                                code="not_finite", name=name, index=i, value=float(arr[i]))
    neg = arr < 0
    if neg.any():
        i = _first(neg)
        raise DistributionError(f"{name}[{i}] is negative ({arr[i]:g})", code="negative",
                                name=name, index=i, value=float(arr[i]))
    if upper is not None:
        big = arr > upper
        if big.any():
            i = _first(big)
            raise DistributionError(f"{name}[{i}] is greater than {upper:g} ({arr[i]:g})",
                                    code="above_one", name=name, index=i, value=float(arr[i]))


def _check_1d(arr: np.ndarray, name: str) -> None:
    if arr.ndim != 1:
        raise DistributionError(f"{name} must be one-dimensional, got shape {arr.shape}",
                                code="not_1d", name=name)
    if arr.size == 0:
        raise DistributionError(f"{name} must have at least one event", code="empty", name=name)


def as_distribution(p: Any, name: str = "p") -> np.ndarray:
    """Validate ``p`` as a probability distribution and return it as a float array.

    Requires a non-empty 1-D array of finite values ``p_i >= 0`` with
    ``|sum(p) - 1| <= 1e-9``. The values are returned unchanged (no renormalisation).

    Raises
    ------
    DistributionError
        naming the array and the first position at fault, e.g. ``"Q[2] is negative (-0.1)"``.

    >>> as_distribution([0.25, 0.75], "P")
    array([0.25, 0.75])
    """
    arr = _as_float_array(p, name)
    _check_1d(arr, name)
    _check_values(arr, name)
    total = float(np.sum(arr))
    if abs(total - 1.0) > SUM_TOLERANCE:
        raise DistributionError(f"{name} sums to {total:.12g}, not 1", code="sum", name=name,
                                value=total)
    return arr


def as_pair(p: Any, q: Any) -> tuple[np.ndarray, np.ndarray]:
    """``p`` and ``q`` checked as distributions named P and Q over the same events (raises
    :class:`DistributionError`, code ``"length"``, when their lengths differ).

    >>> [a.tolist() for a in as_pair([0.5, 0.5], [1, 0])]
    [[0.5, 0.5], [1.0, 0.0]]
    """
    pa = as_distribution(p, "P")
    qa = as_distribution(q, "Q")
    if pa.shape != qa.shape:
        raise DistributionError(
            f"P and Q must have the same number of events ({pa.size} vs {qa.size})",
            code="length", name="Q", value=qa.size)
    return pa, qa


def normalize(weights: Any, name: str = "weights") -> np.ndarray:
    """Turn non-negative counts or weights into a distribution: ``p_i = w_i / sum_j w_j``.

    Raises ``DistributionError`` for an empty or non-1-D input, a negative or non-finite weight,
    or weights that are all zero (there is nothing to normalise).

    >>> normalize([1, 1, 2])
    array([0.25, 0.25, 0.5 ])
    """
    arr = _as_float_array(weights, name)
    _check_1d(arr, name)
    _check_values(arr, name)
    with np.errstate(over="ignore"):
        total = float(np.sum(arr))
    if total == 0.0:
        raise DistributionError(f"{name} are all zero: nothing to normalise", code="all_zero",
                                name=name)
    if not math.isfinite(total):
        # Each weight is finite but the sum overflowed: scale down first.
        arr = arr / arr.max()
        total = float(np.sum(arr))
    return arr / total


def information_content(p: Any, base: float | None = None) -> np.ndarray:
    """Information content (surprisal) of events with probabilities ``p``: ``I_i = -log_b p_i``.

    Works element-wise on a probability or an array of them (each in [0, 1]; they need not sum
    to 1, since each event is scored on its own). ``p_i = 0`` gives ``+inf``; ``p_i = 1`` gives 0.
    Independent events add: ``I(1/8) = I(1/4) + I(1/2)`` = 3 bits.

    >>> information_content([0.5, 0.25, 0.125, 0.0], base=2)
    array([ 1.,  2.,  3., inf])
    """
    factor = log_factor(base)
    arr = _as_float_array(p, "p")
    _check_values(arr, "p", upper=1.0)
    with np.errstate(divide="ignore"):
        out = -np.log(arr) * factor
    return out + 0.0  # turns -0.0 (from p = 1) into 0.0


def entropy(p: Any, base: float | None = None) -> float:
    """Shannon entropy ``H(P) = -sum_i p_i log_b p_i``, the expected information content.

    ``0 log 0 = 0``. ``0 <= H(P) <= log_b n``; the maximum holds only for the uniform
    distribution. Agrees with ``scipy.stats.entropy(p, base=base)`` on valid input.

    >>> round(entropy([0.5, 0.25, 0.125, 0.125], base=2), 12)
    1.75
    """
    factor = log_factor(base)
    arr = as_distribution(p, "P")
    return float(np.sum(special.entr(arr))) * factor + 0.0


def cross_entropy(p: Any, q: Any, base: float | None = None) -> float:
    """Cross-entropy ``H(P, Q) = -sum_i p_i log_b q_i``.

    The average information content of events drawn from ``P`` but scored with ``Q``. Terms
    with ``p_i = 0`` are 0 whatever ``q_i`` is; ``p_i > 0`` with ``q_i = 0`` gives ``+inf``.
    ``H(P, Q) = H(P) + D(P || Q) >= H(P)``.

    >>> cross_entropy([0.5, 0.25, 0.125, 0.125], [0.125, 0.5, 0.25, 0.125], base=2)
    2.375
    """
    factor = log_factor(base)
    pa, qa = as_pair(p, q)
    return float(-np.sum(special.xlogy(pa, qa))) * factor + 0.0


def kl_divergence(p: Any, q: Any, base: float | None = None) -> float:
    """Kullback-Leibler divergence ``D(P || Q) = sum_i p_i log_b (p_i / q_i)``.

    Non-negative (Gibbs' inequality), zero only when ``P = Q``, and not symmetric. Terms with
    ``p_i = 0`` are 0; ``p_i > 0`` with ``q_i = 0`` gives ``+inf``. Agrees with
    ``scipy.stats.entropy(p, q, base=base)`` on valid input (which, unlike this function,
    would also accept and silently rescale unnormalised input).

    >>> round(kl_divergence([0.5, 0.25, 0.125, 0.125], [0.125, 0.5, 0.25, 0.125], base=2), 12)
    0.625
    """
    factor = log_factor(base)
    pa, qa = as_pair(p, q)
    # rel_entr is exactly p log(p/q) with the 0 log 0 and p/0 conventions, and never warns.
    total = float(np.sum(special.rel_entr(pa, qa)))
    # Rounding can leave a tiny negative sum when P == Q; Gibbs' inequality says it is >= 0.
    return max(total, 0.0) * factor


def event_terms(p: Any, q: Any, base: float | None = None) -> pd.DataFrame:
    """Per-event pieces of every quantity, one row per event.

    Columns (all in units of ``base``):

    ``p``, ``q``
        the probabilities.
    ``info_p``, ``info_q``
        ``-log p_i`` and ``-log q_i`` (``inf`` for a zero probability).
    ``entropy_term``
        ``-p_i log p_i``; sums to ``H(P)``.
    ``cross_entropy_term``
        ``-p_i log q_i``; sums to ``H(P, Q)``.
    ``kl_term``
        ``p_i log(p_i / q_i)``; sums to ``D(P || Q)``. Can be negative for one event.

    Row by row ``cross_entropy_term = entropy_term + kl_term``, which is the identity
    ``H(P, Q) = H(P) + D(P || Q)`` before summing.
    """
    factor = log_factor(base)
    pa, qa = as_pair(p, q)
    with np.errstate(divide="ignore"):
        return pd.DataFrame({
            "p": pa,
            "q": qa,
            "info_p": -np.log(pa) * factor + 0.0,
            "info_q": -np.log(qa) * factor + 0.0,
            "entropy_term": special.entr(pa) * factor + 0.0,
            "cross_entropy_term": -special.xlogy(pa, qa) * factor + 0.0,
            "kl_term": special.rel_entr(pa, qa) * factor + 0.0,
        })


def blend(p: Any, q: Any, t: float) -> np.ndarray:
    """Mix ``Q`` toward ``P``: ``Q_t = (1 - t) Q + t P`` for ``t`` in [0, 1].

    ``Q_0 = Q`` and ``Q_1 = P``; every ``Q_t`` is a distribution.
    """
    pa, qa = as_pair(p, q)
    if not 0.0 <= t <= 1.0:
        raise ValueError(f"t must lie in [0, 1], got {t!r}")
    return (1.0 - t) * qa + t * pa


def blend_curve(p: Any, q: Any, base: float | None = None, points: int = 101) -> pd.DataFrame:
    """``H(P, Q_t)`` and ``D(P || Q_t)`` for ``points`` evenly spaced ``t`` in [0, 1].

    Columns ``t``, ``cross_entropy``, ``kl``. As ``t`` goes to 1 the cross-entropy falls to
    ``H(P)`` and the divergence to 0. A value that is infinite (only possible at ``t = 0``, where
    ``Q_0 = Q`` may give zero probability to an event ``P`` allows) is kept as ``inf``; callers
    that plot drop it.
    """
    factor = log_factor(base)
    pa, qa = as_pair(p, q)
    t = np.linspace(0.0, 1.0, int(points))
    qt = (1.0 - t)[:, None] * qa[None, :] + t[:, None] * pa[None, :]
    ce = -np.sum(special.xlogy(pa[None, :], qt), axis=1) * factor
    kl = np.maximum(np.sum(special.rel_entr(pa[None, :], qt), axis=1), 0.0) * factor
    return pd.DataFrame({"t": t, "cross_entropy": ce + 0.0, "kl": kl})


@dataclass(frozen=True)
class Comparison:
    """Every quantity relating P and Q, each computed once (see :func:`compare`)."""

    h_p: float
    h_q: float
    ce_pq: float
    ce_qp: float
    kl_pq: float
    kl_qp: float
    terms: pd.DataFrame

    @property
    def residual(self) -> float:
        """``H(P,Q) - (H(P) + D(P||Q))``: zero up to rounding; NaN when both sides are inf."""
        with np.errstate(invalid="ignore"):
            return float(np.float64(self.ce_pq) - (np.float64(self.h_p) + self.kl_pq))

    @property
    def symmetric(self) -> bool:
        """Whether ``D(P||Q) = D(Q||P)`` (both inf, or equal within a relative 1e-12)."""
        return bool(self.kl_pq == self.kl_qp or (np.isfinite(self.kl_pq) and np.isclose(
            self.kl_pq, self.kl_qp, rtol=1e-12, atol=1e-15)))

    def _where(self, mask: np.ndarray) -> tuple[int, ...]:
        return tuple(np.flatnonzero(mask).tolist())

    def _column(self, name: str) -> np.ndarray:
        return self.terms[name].to_numpy()

    @property
    def missing_q(self) -> tuple[int, ...]:
        """The events with ``q_i = 0 < p_i``, which make ``H(P,Q)`` and ``D(P||Q)`` inf."""
        return self._where((self._column("p") > 0) & (self._column("q") == 0))

    @property
    def missing_p(self) -> tuple[int, ...]:
        """The events with ``p_i = 0 < q_i``, which make ``H(Q,P)`` and ``D(Q||P)`` inf."""
        return self._where((self._column("q") > 0) & (self._column("p") == 0))

    @property
    def under_weighted(self) -> tuple[int, ...]:
        """The events whose KL term ``p_i log(p_i / q_i)`` is positive (``q_i < p_i``)."""
        return self._where(self._column("kl_term") > 0)

    @property
    def largest_term(self) -> int:
        """The event with the largest cross-entropy term ``-p_i log q_i`` (the first inf one,
        if any)."""
        terms = self._column("cross_entropy_term")
        return int(np.argmax(np.where(np.isfinite(terms), terms, np.inf)))


def compare(p: Any, q: Any, base: float | None = None) -> Comparison:
    """``H(P)``, ``H(Q)``, ``H(P,Q)``, ``H(Q,P)``, ``D(P||Q)``, ``D(Q||P)`` and the per-event
    terms of :func:`event_terms`, all in units of ``base``.

    >>> c = compare([0.5, 0.25, 0.125, 0.125], [0.125, 0.5, 0.25, 0.125], base=2)
    >>> [round(v, 12) for v in (c.h_p, c.h_q, c.ce_pq, c.ce_qp, c.kl_pq, c.kl_qp)]
    [1.75, 1.75, 2.375, 2.25, 0.625, 0.5]
    >>> c.symmetric, c.under_weighted, c.largest_term, c.missing_q
    (False, (0,), 0, ())
    >>> c = compare([0.5, 0.5, 0.0], [0.5, 0.0, 0.5])
    >>> c.missing_q, c.missing_p, c.largest_term, c.symmetric
    ((1,), (2,), 1, True)
    """
    return Comparison(
        h_p=entropy(p, base), h_q=entropy(q, base),
        ce_pq=cross_entropy(p, q, base), ce_qp=cross_entropy(q, p, base),
        kl_pq=kl_divergence(p, q, base), kl_qp=kl_divergence(q, p, base),
        terms=event_terms(p, q, base))
