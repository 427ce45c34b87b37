"""Samples drawn from P: running averages that settle on H(P), H(P,Q) and KL(P‖Q), and estimators.

Draw ``x_1, ..., x_n`` from ``P``. By the law of large numbers the running averages

* ``(1/n) sum_j -log p(x_j)``        tend to ``H(P)``,
* ``(1/n) sum_j -log q(x_j)``        tend to ``H(P, Q)``,
* ``(1/n) sum_j log(p(x_j)/q(x_j))`` tend to ``D(P || Q)``,

and each is within about two standard errors ``2 s_n / sqrt(n)`` of its limit (``s_n`` the running
sample standard deviation), which this module reports as a band.

The empirical frequencies ``p̂_i = c_i / n`` (``c_i`` the count of event ``i``) are the
maximum-likelihood estimate of ``P``: they minimise the sample's average negative log-likelihood
``(1/n) sum_j -log r(x_j) = H(P̂, R)`` over all distributions ``R``, and the minimum is the
plug-in entropy ``H(P̂)``. The average of ``-log q(x_j)`` over the sample is exactly
``H(P̂, Q)``. Because ``H(P̂) <= H(P̂, P)`` and ``E[H(P̂, P)] = H(P)``, the plug-in entropy is
biased low. When every ``n p_i`` is large, the bias is about ``(K - 1)/(2n)`` nats for ``K``
possible events (Miller–Madow); when some ``n p_i`` is small it can be far smaller (an event that
is almost never drawn adds almost nothing to either entropy): :func:`expected_plugin_entropy`
gives the exact expectation.

Conventions:

* ``base`` works as in :mod:`lib.info` (``None`` = nats, ``2`` = bits, ``10`` = hartleys); the
  default here is 2, the unit of the codes page.
* Draws are seeded (``numpy.random.default_rng(seed)``) and vectorised (inverse CDF on uniform
  draws): 10**6 draws take a few hundredths of a second. An event of probability 0 is never drawn.
* ``-log q(x) = +inf`` when a drawn event has ``q(x) = 0``: from that draw on, the running averages
  of ``-log q`` and ``log(p/q)`` are ``+inf`` and so are their standard errors (never NaN, and no
  numpy warning); :attr:`RunningAverages.first_infinite` gives the draw number.
* Input that is not a distribution raises :class:`lib.info.DistributionError`; a sample size or
  count of repetitions out of range raises ``ValueError``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import special, stats

from lib.info import (as_distribution, as_pair, cross_entropy, entropy, kl_divergence,
                      log_factor)

__all__ = [
    "MAX_DRAWS",
    "draw",
    "RunningAverages",
    "running_averages",
    "Estimates",
    "estimates",
    "miller_madow",
    "BiasDraws",
    "bias_draws",
    "plugin_bias",
    "expected_plugin_entropy",
    "first_order_bias",
    "bias_against_rule",
    "QUANTITIES",
]

#: Largest sample :func:`draw` and :func:`running_averages` accept.
MAX_DRAWS = 1_000_000
#: Largest ``repeats * n`` :func:`plugin_bias` draws at once.
MAX_BIAS_DRAWS = 4_000_000
#: The three averaged quantities, in the order of every table here.
QUANTITIES = ("info_p", "info_q", "log_ratio")


def _check_n(n: Any, lo: int, hi: int, name: str = "n") -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not lo <= n <= hi:
        raise ValueError(f"{name} must be an integer from {lo} to {hi}, got {n!r}")
    return int(n)


def _sampler(pa: np.ndarray) -> np.ndarray:
    cdf = np.cumsum(pa)
    return cdf / cdf[-1]


def draw(p: Any, n: int, seed: int = 0) -> np.ndarray:
    """``n`` event indices drawn independently from ``p`` (seeded, reproducible).

    Inverse-CDF sampling: ``x_j`` is the first ``i`` with ``u_j < F_i`` for uniform ``u_j`` in
    [0, 1) and ``F`` the cumulative sums of ``p`` (scaled so that ``F`` ends at exactly 1), so an
    event with ``p_i = 0`` has an empty interval and is never drawn. ``0 <= n <= 10**6``.

    >>> draw([0.0, 1.0], 3)
    array([1, 1, 1])
    >>> np.bincount(draw([0.5, 0.25, 0.25], 100_000, seed=1), minlength=3) / 100_000
    array([0.5005 , 0.24808, 0.25142])
    """
    pa = as_distribution(p, "P")
    n = _check_n(n, 0, MAX_DRAWS)
    u = np.random.default_rng(seed).random(n)
    return np.searchsorted(_sampler(pa), u, side="right").astype(np.int64)


def _grid(n: int, points: int) -> np.ndarray:
    """At most ``points`` sample sizes from 1 to ``n``, spaced evenly on a log scale."""
    if n <= points:
        return np.arange(1, n + 1)
    return np.unique(np.round(np.geomspace(1, n, points)).astype(np.int64))


@dataclass(frozen=True)
class RunningAverages:
    """Running averages over one seeded sample (see :func:`running_averages`).

    ``table``
        one row per plotted sample size: column ``n`` and, for each quantity ``name`` in
        :data:`QUANTITIES`, ``name`` (the running average over the first ``n`` draws) and
        ``name_se`` (its standard error ``s_n / sqrt(n)``; ``inf`` at ``n = 1``, where one draw
        says nothing about the spread, and from the first infinite value on).
    ``final``, ``final_se``
        the three averages and standard errors over all ``n`` draws (dicts keyed by quantity).
    ``exact``
        ``H(P)``, ``H(P, Q)`` and ``D(P || Q)`` keyed the same way.
    ``first_infinite``, ``infinite_event``
        the draw number (1-based) of the first event with ``q = 0``, after which the averages
        of ``-log q`` and ``log(p/q)`` are ``inf``, and that event's index; ``None`` if no such
        event was drawn.
    ``n``, ``seed``, ``base``
        what was asked for.
    """

    table: pd.DataFrame
    final: dict[str, float]
    final_se: dict[str, float]
    exact: dict[str, float]
    first_infinite: int | None
    infinite_event: int | None
    n: int
    seed: int
    base: float | None


def _running(values: np.ndarray, grid: np.ndarray) -> tuple[np.ndarray, np.ndarray, float, float]:
    """Running mean and standard error of ``values`` at the sizes in ``grid`` (and at the end).

    Values are centred on their first finite entry before the cumulative sums, which keeps the
    running variance ``(S2 - S1**2 / m) / (m - 1)`` accurate; ``+inf`` values make the mean and
    error ``inf`` from their position on.
    """
    n = values.size
    finite = np.isfinite(values)
    first_inf = n if finite.all() else int(np.flatnonzero(~finite)[0])
    head = values[:first_inf]
    centre = float(head[0]) if head.size else 0.0
    d = head - centre
    s1 = np.cumsum(d)
    s2 = np.cumsum(d * d)
    sizes = np.append(grid, n)
    mean = np.full(sizes.size, math.inf)
    se = np.full(sizes.size, math.inf)
    ok = sizes <= first_inf
    m = sizes[ok].astype(float)
    a1, a2 = s1[sizes[ok] - 1], s2[sizes[ok] - 1]
    mean[ok] = centre + a1 / m
    var = np.maximum(a2 - a1 * a1 / m, 0.0) / np.maximum(m - 1, 1)
    se[ok] = np.where(m > 1, np.sqrt(var / m), math.inf)
    return mean[:-1], se[:-1], float(mean[-1]), float(se[-1])


def running_averages(p: Any, q: Any, n: int, seed: int = 0, base: float | None = 2,
                     points: int = 400) -> RunningAverages:
    """Draw ``n`` samples from ``p`` and follow the running averages of ``-log p(x)``,
    ``-log q(x)`` and ``log(p(x)/q(x))`` (units of ``base``; 2 ≤ ``n`` ≤ 10**6).

    The running averages are reported at no more than ``points`` sample sizes spaced evenly on a
    log scale from 1 to ``n`` (both ends included), with standard errors from the running sample
    variance ``s_m**2 = sum_j (v_j - mean_m)**2 / (m - 1)``; the values over all ``n`` draws are
    in :attr:`RunningAverages.final`. Their limits are ``H(P)``, ``H(P, Q)`` and ``D(P || Q)``.

    >>> r = running_averages([0.5, 0.25, 0.125, 0.125], [0.125, 0.5, 0.25, 0.125], 100_000,
    ...                      seed=1)
    >>> [round(r.final[k], 2) for k in ("info_p", "info_q", "log_ratio")]
    [1.75, 2.38, 0.63]
    >>> all(abs(r.final[k] - r.exact[k]) < 2 * r.final_se[k] for k in r.final)
    True
    """
    pa, qa = as_pair(p, q)
    n = _check_n(n, 2, MAX_DRAWS)
    factor = log_factor(base)
    x = draw(pa, n, seed)
    with np.errstate(divide="ignore"):
        info_p = -np.log(pa) * factor
        info_q = -np.log(qa) * factor
    # Drawn events have p > 0, so -log p(x) is finite; -log q(x) may be +inf.
    ratio = np.where(np.isfinite(info_q), info_q - np.where(pa > 0, info_p, 0.0), math.inf)
    per_draw = {"info_p": info_p[x], "info_q": info_q[x], "log_ratio": ratio[x]}
    grid = _grid(n, points)
    table = {"n": grid}
    final: dict[str, float] = {}
    final_se: dict[str, float] = {}
    for name in QUANTITIES:
        mean, se, f_mean, f_se = _running(per_draw[name], grid)
        table[name] = mean + 0.0
        table[f"{name}_se"] = se
        final[name], final_se[name] = f_mean + 0.0, f_se
    infinite = ~np.isfinite(per_draw["info_q"])
    first_infinite = int(np.flatnonzero(infinite)[0]) + 1 if infinite.any() else None
    infinite_event = None if first_infinite is None else int(x[first_infinite - 1])
    exact = {"info_p": entropy(pa, base), "info_q": cross_entropy(pa, qa, base),
             "log_ratio": kl_divergence(pa, qa, base)}
    return RunningAverages(table=pd.DataFrame(table), final=final, final_se=final_se,
                           exact=exact, first_infinite=first_infinite,
                           infinite_event=infinite_event, n=n, seed=int(seed), base=base)


def miller_madow(counts: Any, base: float | None = 2) -> tuple[float, float]:
    """Plug-in entropy of observed counts and its Miller–Madow correction, in units of ``base``.

    ``H(P̂) = -sum_i p̂_i log p̂_i`` with ``p̂_i = c_i / n``, and
    ``H_MM = H(P̂) + (k - 1) / (2n)`` nats, where ``k`` is the number of events **with a non-zero
    count**. That ``k`` is Miller's original choice and the only one a sample gives by itself:
    the true number ``K`` of possible events is unknown when only counts are at hand (an event
    never seen may be impossible or just unlucky). With every possible event seen, ``k = K`` and
    the correction is the first-order bias ``(K - 1)/(2n)``; with unseen events it corrects less.

    Returns ``(plug_in, corrected)``. Raises ``ValueError`` for counts that are not
    non-negative integers with a positive total.

    >>> [round(v, 6) for v in miller_madow([5, 3, 2, 0], base=None)]
    [1.029653, 1.129653]
    """
    c = np.asarray(counts, dtype=float).ravel()
    if c.size == 0 or not np.all(np.isfinite(c)) or np.any(c < 0) or np.any(c != np.round(c)) \
            or c.sum() <= 0:
        raise ValueError("counts must be non-negative integers with a positive total")
    factor = log_factor(base)
    n = c.sum()
    plug_in = float(np.sum(special.entr(c / n)))
    k = int(np.count_nonzero(c))
    return plug_in * factor + 0.0, float((plug_in + (k - 1) / (2 * n)) * factor) + 0.0


@dataclass(frozen=True)
class Estimates:
    """What one sample says about ``P`` (see :func:`estimates`); values in units of ``base``.

    ``counts``, ``freqs``
        the count of each event and the empirical frequencies ``p̂ = counts / n`` (the
        maximum-likelihood estimate of ``P``).
    ``plug_in``, ``miller_madow``
        ``H(P̂)`` and ``H(P̂) + (k - 1)/(2n)`` nats (``k`` = events seen), converted to ``base``.
    ``cross_entropy_q``
        ``H(P̂, Q)``: the sample's average ``-log q(x)`` (``inf`` if an event with ``q = 0`` was
        drawn).
    ``cross_entropy_p``
        ``H(P̂, P)``: the sample's average ``-log p(x)``, never below ``plug_in``.
    ``kl_to_p``
        ``D(P̂ || P) = H(P̂, P) - H(P̂)``, how much better the estimate fits its own sample.
    ``entropy_p``, ``cross_entropy_pq``
        the exact ``H(P)`` and ``H(P, Q)``.
    ``seen``, ``support``
        events drawn at least once (``k``) and events with ``p > 0`` (``K``).
    """

    counts: np.ndarray
    freqs: np.ndarray
    plug_in: float
    miller_madow: float
    cross_entropy_q: float
    cross_entropy_p: float
    kl_to_p: float
    entropy_p: float
    cross_entropy_pq: float
    seen: int
    support: int
    n: int


def estimates(p: Any, q: Any, n: int, seed: int = 0, base: float | None = 2) -> Estimates:
    """Counts, the maximum-likelihood estimate ``P̂`` and its entropies for ``n`` draws from ``p``
    (the same draws as :func:`running_averages` with the same ``seed``; 1 ≤ ``n`` ≤ 10**6).

    >>> e = estimates([0.5, 0.25, 0.125, 0.125], [0.125, 0.5, 0.25, 0.125], 8, seed=3)
    >>> e.counts.tolist(), e.seen, e.plug_in <= e.cross_entropy_p
    ([6, 1, 1, 0], 3, True)
    """
    pa, qa = as_pair(p, q)
    n = _check_n(n, 1, MAX_DRAWS)
    x = draw(pa, n, seed)
    counts = np.bincount(x, minlength=pa.size)
    freqs = counts / n
    plug_in, corrected = miller_madow(counts, base)
    ce_q = cross_entropy(freqs, qa, base)
    ce_p = cross_entropy(freqs, pa, base)
    return Estimates(counts=counts, freqs=freqs, plug_in=plug_in, miller_madow=corrected,
                     cross_entropy_q=ce_q, cross_entropy_p=ce_p,
                     kl_to_p=max(ce_p - plug_in, 0.0), entropy_p=entropy(pa, base),
                     cross_entropy_pq=cross_entropy(pa, qa, base),
                     seen=int(np.count_nonzero(counts)), support=int(np.count_nonzero(pa)),
                     n=n)


#: Repetitions whose draws :func:`_counts` searches as one sorted array: their keys stay
#: below 2**62 (see :func:`_keys`).
_BLOCK = 512


def _keys(u: np.ndarray) -> np.ndarray:
    """Rows of uniform draws ``u`` (``repeats × n``, each a whole multiple of 2**-53, as numpy's
    are) as sorted whole numbers: row ``r`` becomes ``(r mod 512)·2**53 + 2**53·u`` in
    increasing order, so each block of 512 rows is one sorted array (read only).

    >>> _keys(np.array([[0.5, 0.25], [0.0, 0.75]])).tolist()
    [[2251799813685248, 4503599627370496], [9007199254740992, 15762598695796736]]
    """
    whole = np.sort(u, axis=1) * 2.0**53
    keys = whole.astype(np.int64)
    if not np.array_equal(keys, whole):
        raise ValueError("uniform draws must be whole multiples of 2**-53")
    keys += (np.arange(u.shape[0], dtype=np.int64) % _BLOCK << 53)[:, None]
    keys.setflags(write=False)
    return keys


def _counts(cdf: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """How many of each row's draws fall in each event's interval of ``cdf``: the counts of
    :func:`draw`'s inverse-CDF events (``searchsorted(cdf, u, side="right")``), row by row,
    from the rows' :func:`_keys`.

    A draw is event ``i`` or earlier exactly when ``u < F_i``, that is (``2**53 u`` being whole)
    when ``2**53 u < ceil(2**53 F_i)``; so the number of draws of row ``r`` below ``F_i`` is
    where ``(r mod 512)·2**53 + ceil(2**53 F_i)`` falls among the sorted keys of ``r``'s block,
    less the draws of the rows before ``r`` in it. One binary search per row and boundary,
    instead of a pass over all the draws per boundary; event ``i``'s count is the difference
    of two of them.

    >>> _counts(np.array([0.5, 0.75, 1.0]), _keys(np.array([[0.125, 0.5, 0.875, 0.625],
    ...                                                      [0.0, 0.875, 0.875, 0.875]])))
    array([[1, 2, 1],
           [1, 0, 3]])
    """
    repeats, n = keys.shape
    place = np.arange(repeats, dtype=np.int64) % _BLOCK
    bounds = np.ceil(cdf[:-1] * 2.0**53).astype(np.int64)
    below = np.empty((repeats, cdf.size + 1), dtype=np.int64)  # draws below 0, F_0, ..., 1
    below[:, 0], below[:, -1] = 0, n
    for start in range(0, repeats, _BLOCK):
        rows = slice(start, start + _BLOCK)
        found = np.searchsorted(keys[rows].ravel(), (place[rows, None] << 53) + bounds)
        below[rows, 1:-1] = found - place[rows, None] * n
    return np.diff(below, axis=1)


@dataclass(frozen=True)
class BiasDraws:
    """The draws behind :func:`plugin_bias` for one ``repeats`` and ``seed``, as :func:`_keys`
    keyed by sample size (see :func:`bias_draws`). They do not depend on ``P``: a caller that
    shows the bias of several ``P`` with the same seed draws and sorts them once."""

    repeats: int
    seed: int
    keys: dict[int, np.ndarray]


def _drawn(n: Any, repeats: int, seed: int) -> np.ndarray:
    """The :func:`_keys` of :func:`plugin_bias`'s ``repeats`` samples of size ``n``, drawn with
    the generator ``default_rng([seed, n])``."""
    n = _check_n(n, 1, MAX_DRAWS)
    if repeats * n > MAX_BIAS_DRAWS:
        raise ValueError(f"repeats × n must be at most {MAX_BIAS_DRAWS:,} "
                         f"(got {repeats} × {n})")
    return _keys(np.random.default_rng([int(seed), n]).random((repeats, n)))


def bias_draws(sizes: Any, repeats: int = 500, seed: int = 0) -> BiasDraws:
    """The draws :func:`plugin_bias` makes for ``sizes``, ``repeats`` and ``seed``, which
    are the same for every ``P``: give them to :func:`plugin_bias` as ``draws`` and each ``P``
    only searches them (about 8 bytes a draw: 15 MB for 1,000 repetitions of the codes page's
    ten sizes).

    >>> d = bias_draws([2, 20], repeats=1000, seed=0)
    >>> b = plugin_bias([0.25] * 4, [2, 20], repeats=1000, seed=0, draws=d)
    >>> b.equals(plugin_bias([0.25] * 4, [2, 20], repeats=1000, seed=0))
    True
    """
    repeats = _check_n(repeats, 2, MAX_BIAS_DRAWS)
    return BiasDraws(repeats, int(seed), {int(n): _drawn(n, repeats, seed)
                                          for n in np.atleast_1d(np.asarray(sizes)).tolist()})


def plugin_bias(p: Any, sizes: Any, repeats: int = 500, seed: int = 0,
                base: float | None = 2, draws: BiasDraws | None = None) -> pd.DataFrame:
    """Average plug-in and Miller–Madow entropies over ``repeats`` seeded samples of each size.

    For every ``n`` in ``sizes`` (each 1 ≤ n ≤ 10**6, ``repeats * n`` ≤ 4·10**6), draws ``repeats``
    independent samples of ``n`` events from ``p`` and returns one row per ``n`` with columns

    ``n``; ``plug_in`` and ``plug_in_se`` (mean of ``H(P̂)`` over the repetitions and the standard
    error of that mean); ``miller_madow`` and ``miller_madow_se`` (the same for the corrected
    estimate); ``exact`` (``H(P)``); ``bias`` (``plug_in - exact``, negative: the plug-in
    entropy is biased low); ``bias_mm`` (``miller_madow - exact``); ``predicted``
    (``-(K - 1)/(2n)`` nats in units of ``base``, the first-order bias, ``K`` the events with
    ``p > 0``).

    Sample ``n`` uses the generator ``default_rng([seed, n])``, so each row is reproducible on
    its own. ``draws`` (:func:`bias_draws` of the same ``repeats`` and ``seed``) holds draws
    made before, for any ``P``; sizes it lacks are drawn here.

    >>> b = plugin_bias([0.25] * 4, [10], repeats=2000, seed=0, base=None)
    >>> bool(b.bias[0] < 0), round(float(b.predicted[0]), 3)
    (True, -0.15)
    """
    pa = as_distribution(p, "P")
    repeats = _check_n(repeats, 2, MAX_BIAS_DRAWS)
    if draws is not None and (draws.repeats, draws.seed) != (repeats, int(seed)):
        raise ValueError(f"draws made for {draws.repeats} repeats and seed {draws.seed}, not "
                         f"{repeats} and {seed}")
    made = draws.keys if draws is not None else {}
    factor = log_factor(base)
    cdf = _sampler(pa)
    support = int(np.count_nonzero(pa))
    exact = entropy(pa, base)
    rows = []
    for n in np.atleast_1d(np.asarray(sizes)).tolist():
        n = _check_n(n, 1, MAX_DRAWS)
        keys = made[n] if n in made else _drawn(n, repeats, seed)
        counts = _counts(cdf, keys)
        plug = np.sum(special.entr(counts / n), axis=1)
        seen = np.count_nonzero(counts, axis=1)
        mm = plug + (seen - 1) / (2 * n)
        plug, mm = plug * factor, mm * factor
        rows.append({
            "n": n,
            "plug_in": float(plug.mean()),
            "plug_in_se": float(plug.std(ddof=1) / math.sqrt(repeats)),
            "miller_madow": float(mm.mean()),
            "miller_madow_se": float(mm.std(ddof=1) / math.sqrt(repeats)),
            "exact": exact,
            "bias": float(plug.mean()) - exact,
            "bias_mm": float(mm.mean()) - exact,
            "predicted": -(support - 1) / (2 * n) * factor + 0.0,
        })
    return pd.DataFrame(rows)


#: Largest ``n`` :func:`expected_plugin_entropy` accepts.
MAX_EXACT_N = 10**6


def expected_plugin_entropy(p: Any, n: int, base: float | None = 2) -> float:
    """The exact expected plug-in entropy ``E[H(P̂)]`` of ``n`` draws from ``p``.

    By linearity of expectation, ``E[H(P̂)] = sum_i E[-(N_i/n) log(N_i/n)]``, and each count
    ``N_i`` alone is binomial, ``Binomial(n, p_i)``; so the expectation is a sum over each
    event's binomial probabilities (``0 log 0 = 0``; only counts within 40 standard deviations
    of ``n p_i``, plus 40, are summed: the rest carry less than ``1e-300``). No sampling, no
    asymptotics: the bias ``E[H(P̂)] - H(P)`` is exact, also where the first-order formula
    ``(K - 1)/(2n)`` nats (:func:`first_order_bias`) does not apply (some ``n p_i`` small).
    Units of ``base`` (``None`` = nats); ``1 <= n <= 10**6``.

    Examples
    --------
    Two fair coin flips: ``H(P̂)`` is 0 (same twice, probability ½) or 1 bit.

    >>> round(expected_plugin_entropy([0.5, 0.5], 2), 12)
    0.5

    An event of probability 1e−12 is almost never drawn: the bias at ``n = 10,000`` is about
    ``1e−10`` nats (−9.2e−11), not the ``(K − 1)/(2n) = 2.5e−4`` of the first-order formula.

    >>> p = [1 - 5e-12] + [1e-12] * 5
    >>> bias = expected_plugin_entropy(p, 10_000, None) - float(entropy(p, None))
    >>> f"{bias:.1e}", first_order_bias(p, 10_000, None)
    ('-9.2e-11', 0.00025)
    """
    pa = as_distribution(p, "P")
    n = _check_n(n, 1, MAX_EXACT_N)
    total = 0.0
    for pi in pa[pa > 0].tolist():
        mean, sd = n * pi, math.sqrt(n * pi * (1 - pi))
        lo = max(0, int(math.floor(mean - 40 * sd)) - 40)
        hi = min(n, int(math.ceil(mean + 40 * sd)) + 40)
        k = np.arange(lo, hi + 1)
        total += float(np.sum(stats.binom.pmf(k, n, pi) * special.entr(k / n)))
    return total * log_factor(base) + 0.0


def first_order_bias(p: Any, n: int, base: float | None = 2) -> float:
    """Miller and Madow's first-order bias of the plug-in entropy, ``(K - 1)/(2n)`` nats
    (``K`` = events with ``p_i > 0``), in units of ``base``: how far ``E[H(P̂)]`` falls below
    ``H(P)`` when every ``n p_i`` is large. Compare :func:`expected_plugin_entropy`.

    >>> first_order_bias([0.25] * 4, 10, None)
    0.15
    """
    pa = as_distribution(p, "P")
    n = _check_n(n, 1, MAX_EXACT_N)
    return (int(np.count_nonzero(pa)) - 1) / (2 * n) * log_factor(base) + 0.0


@dataclass(frozen=True)
class BiasCheck:
    """The plug-in entropy's exact bias against the first-order rule (:func:`bias_against_rule`)."""

    exact: float        #: ``H(P) − E[H(P̂)]``, in units of ``base``
    rule: float         #: ``(K − 1)/(2n)`` nats, in units of ``base``
    smallest_np: float  #: the smallest ``n pᵢ`` over the events with ``pᵢ > 0``
    close: bool         #: whether ``|rule − exact| <= close · exact``


def bias_against_rule(p: Any, n: int, base: float | None = 2, close: float = 0.10) -> BiasCheck:
    """How far the plug-in entropy of ``n`` draws from ``p`` falls below ``H(P)`` on average,
    exactly (:func:`expected_plugin_entropy`), against Miller and Madow's first-order
    ``(K − 1)/(2n)`` nats (:func:`first_order_bias`), with the smallest ``n pᵢ`` (the rule
    needs every ``n pᵢ`` large) and whether the rule is within the fraction ``close`` of the
    exact bias. Units of ``base`` (``None`` = nats); ``1 <= n <= 10**6``.

    >>> c = bias_against_rule([0.25] * 4, 1000)
    >>> round(c.exact, 6), round(c.rule, 6), c.smallest_np, c.close
    (0.002166, 0.002164, 250.0, True)

    An event of probability 1e−12 is almost never drawn: the rule is far off.

    >>> c = bias_against_rule([1 - 5e-12] + [1e-12] * 5, 2000)
    >>> c.close, c.smallest_np
    (False, 2e-09)
    """
    pa = as_distribution(p, "P")
    exact = float(entropy(pa, base)) - expected_plugin_entropy(pa, n, base)
    rule = first_order_bias(pa, n, base)
    return BiasCheck(exact, rule, float(n * pa[pa > 0].min()), abs(rule - exact) <= close * exact)
