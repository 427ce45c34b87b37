r"""KL divergence, entropy and Gaussian fits for continuous distributions on the real line.

The distributions are Gaussians :math:`N(\mu, \sigma^2)` and mixtures of a few of them,

.. math:: p(x) = \sum_i w_i\, \mathcal{N}(x;\ \mu_i, \sigma_i^2), \qquad w_i \ge 0,\ \sum_i w_i = 1.

Conventions shared by every function here:

* **Units.** ``base`` is the logarithm's base: ``math.e`` (the default; ``None`` means the same)
  gives nats, ``2`` bits, ``10`` hartleys. A value in base :math:`b` is the value in nats
  divided by :math:`\ln b`.
* **Bad input raises** :class:`lib.problems.ProblemError` holding one
  :class:`lib.problems.Problem` per fault, each with a ``code``, the parameter's ``column``
  (``"weight"``, ``"mean"``, ``"sd"``, ``"delta"``, ``"n"``, ``"cut"``, ``"base"``) and its
  0-based ``row`` (the component) where there is one:

  ==================  ======================================================================
  ``not_finite``      a parameter that is NaN or ±∞ (``value``)
  ``negative``        a weight below 0 (``value``)
  ``sum``             weights that do not add up to 1 within 1e-9 (``value``: their sum)
  ``all_zero``        weights that are all 0 (:func:`normalise_weights`)
  ``not_positive``    a standard deviation, bin width, cut or sample count that is ≤ 0
  ``length``          weights, means and standard deviations of different lengths
  ``no_rows``         no component at all
  ``too_many_rows``   more than :data:`MAX_COMPONENTS` components (``value``, ``limit``)
  ``out_of_range``    a logarithm base that is not a finite number above 1
  ==================  ======================================================================

* **Integrals are computed by quadrature, never by sampling** (Monte Carlo appears only in
  :func:`monte_carlo_kl`, which exists to be compared with the formula). Every integral here is
  an expectation under one Gaussian, :math:`E_{N(\mu,\sigma^2)}[f(X)] = \int \varphi(z)\,
  f(\mu + \sigma z)\,dz`, taken by the trapezoid rule on :data:`NODES` equally spaced nodes
  over :math:`z \in [-12, 12]` (the mass outside is below :math:`4 \cdot 10^{-33}`). For the
  smooth integrands here the rule converges geometrically. Checked against
  ``scipy.integrate.quad`` (``tests/test_continuous.py``), :math:`E_Q[\log p]` agrees to about
  1e-13 on typical mixtures and within :data:`ACCURACY` times :math:`\max(1, |E_Q[\log p]|)`
  over the whole of :data:`CHECKED_RANGES`; the worst case is a wide Gaussian straddling two
  narrow, distant components, where :math:`\log p` bends sharply between them. Every KL and
  entropy below is such an expectation plus exact terms, so it carries the same absolute
  error.
* :math:`\log p` of a mixture is computed as a log-sum-exp of the components' log densities:
  far from every mode the densities underflow to 0 and a naive :math:`\log \sum` would give
  :math:`-\infty`.
* **What a page says** of these numbers is decided here too (the last section): each function
  there returns :class:`lib.cases.Case` values named as the continuous-KL page's strings
  (``take.picks`` for ``ct.take.picks``), their numbers as they are or, where a sentence
  wants another form (two decimals for a mean, a unit), already written with :mod:`lib.fmt`.

Examples
--------
>>> round(gaussian_kl(0, 1, 1, 2), 6)
0.443147
>>> [round(v, 4) for v in fit_reverse([0.5, 0.5], [-3, 3], [1, 1], start=(3, 1))]
[2.9843, 1.0234]
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from scipy import optimize, special

from lib import fmt
from lib.cases import Case
from lib.problems import Problem, ProblemError

__all__ = [
    "ACCURACY", "CHECKED_RANGES", "LANDSCAPE_ACCURACY", "MAX_COMPONENTS", "NODES", "MonteCarloKL", "ReverseFit",
    "binned_entropy", "expect_gaussian", "fit_forward", "fit_reverse", "gaussian_entropy",
    "gaussian_kl", "gaussian_logpdf", "kl_gaussian_to_mixture", "kl_mixture_to_gaussian",
    "local_optima", "mixture_entropy", "mixture_logpdf", "mixture_modes", "monte_carlo_kl",
    "normalise_weights", "peak_shares", "reverse_fits", "reverse_landscape", "reverse_starts",
    "truncated_kl", "truncated_logpdf", "ZERO", "CENTRED", "ReverseSummary", "ReverseShape",
    "summarise_fits", "reverse_shape", "shown_divergence", "FitComparison", "compare_fits",
    "ENTROPY_EDGE", "takeaway_case", "searches_cases", "search_rows", "entropy_case",
    "band_case", "support_case", "entropy_limit", "tied",
]

#: At most this many mixture components.
MAX_COMPONENTS = 3
#: Nodes of the trapezoid rule over z in [-Z_MAX, Z_MAX].
NODES = 4001
Z_MAX = 12.0
#: Largest difference from ``scipy.integrate.quad`` allowed over :data:`CHECKED_RANGES`,
#: relative to max(1, |value|) (the test checks it; the worst case seen is 3.5e-6).
ACCURACY = 1e-5
#: The same for :func:`reverse_landscape`'s default of 401 nodes (a picture's colours).
LANDSCAPE_ACCURACY = 2e-3
#: The parameters the accuracy is checked over: component means and sds, the weighting
#: Gaussian's mean and sd.
CHECKED_RANGES = {"mean": (-5.0, 5.0), "sd": (0.2, 3.0), "q_mean": (-7.0, 7.0),
                  "q_sd": (0.05, 12.0)}
#: Relative tolerance on the weights adding up to 1.
SUM_TOLERANCE = 1e-9
_LOG_2PI = math.log(2 * math.pi)


def _z_rule(nodes: int) -> tuple[np.ndarray, np.ndarray]:
    z = np.linspace(-Z_MAX, Z_MAX, nodes)
    return z, np.exp(-0.5 * z * z) / math.sqrt(2 * math.pi) * (z[1] - z[0])


_Z, _W = _z_rule(NODES)


# ---- checking input ----------------------------------------------------------------------------

def _log_base(base: float | None) -> float:
    if base is None:
        return 1.0
    try:
        b = float(base)
    except (TypeError, ValueError):
        raise ProblemError(Problem("out_of_range", column="base", lo=1.0)) from None
    if not math.isfinite(b) or b <= 1:
        raise ProblemError(Problem("out_of_range", column="base", value=b if math.isfinite(b)
                                   else None, lo=1.0))
    return math.log(b)


def _scalar(value: float, column: str, positive: bool = False, row: int | None = None) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ProblemError(Problem("not_finite", column=column, row=row)) from None
    if not math.isfinite(v):
        raise ProblemError(Problem("not_finite", column=column, row=row))
    if positive and v <= 0:
        raise ProblemError(Problem("not_positive", column=column, row=row, value=v))
    return v


def _arrays(weights: Sequence[float], means: Sequence[float], sds: Sequence[float],
            check_sum: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The mixture's parameters as float arrays, or a :class:`ProblemError` naming each fault."""
    try:
        w, m, s = (np.atleast_1d(np.asarray(v, dtype=float)) for v in (weights, means, sds))
    except (TypeError, ValueError):
        raise ProblemError(Problem("not_finite", column="weight")) from None
    if w.ndim != 1 or m.ndim != 1 or s.ndim != 1 or not len(w) == len(m) == len(s):
        raise ProblemError(Problem("length", column="weight"))
    if len(w) == 0:
        raise ProblemError(Problem("no_rows", column="weight", value=0))
    if len(w) > MAX_COMPONENTS:
        raise ProblemError(Problem("too_many_rows", column="weight", value=len(w),
                                   limit=MAX_COMPONENTS))
    problems = []
    for name, values in (("weight", w), ("mean", m), ("sd", s)):
        for i, v in enumerate(values.tolist()):
            if not math.isfinite(v):
                problems.append(Problem("not_finite", column=name, row=i))
            elif name == "weight" and v < 0:
                problems.append(Problem("negative", column=name, row=i, value=v))
            elif name == "sd" and v <= 0:
                problems.append(Problem("not_positive", column=name, row=i, value=v))
    if not problems and check_sum and abs(w.sum() - 1) > SUM_TOLERANCE:
        problems.append(Problem("sum", column="weight", value=float(w.sum())))
    if problems:
        raise ProblemError(problems)
    return w, m, s


def normalise_weights(weights: Sequence[float]) -> np.ndarray:
    r"""Weights divided by their sum, :math:`w_i / \sum_j w_j`.

    Parameters
    ----------
    weights : sequence of float
        Finite, non-negative, not all 0.

    Returns
    -------
    numpy.ndarray
        Weights adding up to 1.

    Raises
    ------
    ProblemError
        ``not_finite``, ``negative`` (with the component's ``row``), ``all_zero``.

    Examples
    --------
    >>> normalise_weights([1, 1, 2]).tolist()
    [0.25, 0.25, 0.5]
    """
    w = np.atleast_1d(np.asarray(weights, dtype=float))
    _arrays(w, np.zeros(len(w)), np.ones(len(w)), check_sum=False)
    if w.sum() <= 0:
        raise ProblemError(Problem("all_zero", column="weight"))
    return w / w.sum()


# ---- Gaussians -----------------------------------------------------------------------------------

def gaussian_kl(mu_p: float, sd_p: float, mu_q: float, sd_q: float,
                base: float | None = math.e) -> float:
    r"""KL divergence between two Gaussians, :math:`\mathrm{KL}(N(\mu_p, \sigma_p^2) \,\|\,
    N(\mu_q, \sigma_q^2))`, in closed form.

    .. math:: \mathrm{KL} = \ln\frac{\sigma_q}{\sigma_p}
              + \frac{\sigma_p^2 + (\mu_p - \mu_q)^2}{2\sigma_q^2} - \frac12

    Against :math:`N(0, 1)` (a VAE's KL term) this is
    :math:`\tfrac12(\mu^2 + \sigma^2 - 1 - \ln\sigma^2)`. Always :math:`\ge 0`, and 0 only when
    the means and the standard deviations are equal. Not symmetric.

    Parameters
    ----------
    mu_p, sd_p, mu_q, sd_q : float
        Means (finite) and standard deviations (finite, > 0).
    base : float, optional
        Logarithm base (``math.e``: nats, ``2``: bits).

    Raises
    ------
    ProblemError
        ``not_finite``, ``not_positive`` (column ``"mean"`` or ``"sd"``, row 0 for P, 1 for Q).

    Examples
    --------
    >>> round(gaussian_kl(0, 1, 1, 2), 6), round(gaussian_kl(0, 1, 1, 2, base=2), 6)
    (0.443147, 0.639326)
    >>> gaussian_kl(1.5, 0.3, 1.5, 0.3)
    0.0
    """
    mp, mq = _scalar(mu_p, "mean", row=0), _scalar(mu_q, "mean", row=1)
    sp, sq = _scalar(sd_p, "sd", True, 0), _scalar(sd_q, "sd", True, 1)
    r = sp / sq
    # ln(1/r) + (r^2 - 1)/2 written so that r near 1 keeps its digits: log1p and expm1 forms.
    u = math.log(r)
    value = 0.5 * (math.expm1(2 * u) - 2 * u) + 0.5 * ((mp - mq) / sq) ** 2
    return max(value, 0.0) / _log_base(base)


def gaussian_entropy(sd: float, base: float | None = math.e) -> float:
    r"""Differential entropy of a Gaussian, :math:`h = \tfrac12 \log(2\pi e \sigma^2)`.

    It does not depend on the mean, and it is negative for
    :math:`\sigma < 1/\sqrt{2\pi e} \approx 0.242`: a density can exceed 1, so
    :math:`-\log p(x)` can be negative. It is *not* the limit of the entropy of a binned
    Gaussian, which grows like :math:`h - \log\Delta` as the bin width :math:`\Delta \to 0`
    (:func:`binned_entropy`).

    Parameters
    ----------
    sd : float
        Standard deviation, finite and > 0.
    base : float, optional
        Logarithm base.

    Examples
    --------
    >>> round(gaussian_entropy(1.0), 6), round(gaussian_entropy(1.0, base=2), 6)
    (1.418939, 2.047096)
    >>> gaussian_entropy(0.1) < 0
    True
    """
    s = _scalar(sd, "sd", True)
    return (0.5 * (_LOG_2PI + 1) + math.log(s)) / _log_base(base)


def gaussian_logpdf(x: np.ndarray | float, mean: float, sd: float) -> np.ndarray:
    r"""Natural log of the Gaussian density, :math:`-\tfrac12 ((x-\mu)/\sigma)^2 - \ln\sigma
    - \tfrac12\ln 2\pi`, exact far into the tails (no underflow).

    Examples
    --------
    >>> float(gaussian_logpdf(0.0, 0.0, 1.0)) == -0.5 * math.log(2 * math.pi)
    True
    """
    m, s = _scalar(mean, "mean"), _scalar(sd, "sd", True)
    z = (np.asarray(x, dtype=float) - m) / s
    return -0.5 * z * z - math.log(s) - 0.5 * _LOG_2PI


def _mixture_logpdf(x: np.ndarray, logw: np.ndarray, m: np.ndarray, s: np.ndarray) -> np.ndarray:
    """log p(x) by log-sum-exp over the components (no checks; -inf weights allowed)."""
    # One array per component (at most three): far faster than reducing over a short axis.
    offsets = logw - np.log(s) - 0.5 * _LOG_2PI
    parts = [offsets[i] - 0.5 * ((x - m[i]) / s[i]) ** 2 for i in range(len(m))
             if offsets[i] > -np.inf]
    if len(parts) == 1:
        return parts[0]
    top = np.maximum.reduce(parts)
    total = np.exp(parts[0] - top)
    for part in parts[1:]:
        total += np.exp(part - top)
    return top + np.log(total)


def _logw(w: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore"):
        return np.log(w)


def mixture_logpdf(x: np.ndarray | float, weights: Sequence[float], means: Sequence[float],
                   sds: Sequence[float]) -> np.ndarray:
    r"""Natural log of the mixture's density, :math:`\log \sum_i w_i N(x; \mu_i, \sigma_i^2)`,
    computed as a log-sum-exp: finite at any finite ``x``, however far from the modes.

    Parameters
    ----------
    x : float or array
        Where to evaluate.
    weights, means, sds : sequence of float
        The mixture (weights ≥ 0 adding up to 1; sds > 0).

    Examples
    --------
    >>> float(mixture_logpdf(40.0, [0.5, 0.5], [-3, 3], [1, 1])) > -1000  # naive log: -inf
    True
    >>> round(float(np.exp(mixture_logpdf(0.0, [1.0], [0.0], [1.0]))), 6)
    0.398942
    """
    w, m, s = _arrays(weights, means, sds)
    return _mixture_logpdf(np.asarray(x, dtype=float), _logw(w), m, s)


def expect_gaussian(values_at: "callable", mean: float, sd: float,
                    nodes: int = NODES) -> float:
    r""":math:`E_{N(\mu, \sigma^2)}[f(X)] = \int \varphi(z)\, f(\mu + \sigma z)\,dz` by the
    trapezoid rule on ``nodes`` equally spaced nodes over :math:`z \in [-12, 12]`.

    ``values_at`` takes an array of points and returns :math:`f` there (vectorised). The
    accuracy is discussed in the module's notes.

    Examples
    --------
    >>> round(expect_gaussian(lambda x: x ** 2, 1.0, 2.0), 10)  # E[X^2] = mu^2 + sigma^2
    5.0
    """
    m, s = _scalar(mean, "mean"), _scalar(sd, "sd", True)
    z, w = (_Z, _W) if nodes == NODES else _z_rule(int(nodes))
    return float(np.dot(w, values_at(m + s * z)))


def _e_logp(mean: float, sd: float, logw: np.ndarray, m: np.ndarray, s: np.ndarray,
            z: np.ndarray = _Z, w: np.ndarray = _W) -> float:
    return float(np.dot(w, _mixture_logpdf(mean + sd * z, logw, m, s)))


def mixture_entropy(weights: Sequence[float], means: Sequence[float], sds: Sequence[float],
                    base: float | None = math.e) -> float:
    r"""Differential entropy of the mixture, :math:`h(P) = -\int p \log p =
    -\sum_i w_i\, E_{N(\mu_i, \sigma_i^2)}[\log p(X)]`, by quadrature (module notes).

    Examples
    --------
    >>> round(mixture_entropy([1.0], [0.0], [1.0]), 6)
    1.418939
    >>> round(mixture_entropy([0.5, 0.5], [-30, 30], [1, 1]) - math.log(2), 6)  # disjoint
    1.418939
    """
    w, m, s = _arrays(weights, means, sds)
    logw = _logw(w)
    total = sum(wi * _e_logp(mi, si, logw, m, s) for wi, mi, si in zip(w, m, s) if wi > 0)
    return -float(total) / _log_base(base)


def mixture_modes(weights: Sequence[float], means: Sequence[float], sds: Sequence[float],
                  points: int = 4001) -> np.ndarray:
    """Where the mixture's density has a local maximum (its peaks), sorted.

    Found on ``points`` equally spaced points from the lowest :math:`\\mu_i - 4\\sigma_i` to the
    highest :math:`\\mu_i + 4\\sigma_i`, each refined to 1e-8 by a bounded scalar search
    between its grid neighbours.

    Examples
    --------
    >>> mixture_modes([0.5, 0.5], [-3, 3], [1, 1]).round(3).tolist()
    [-3.0, 3.0]
    >>> [abs(round(v, 6)) for v in mixture_modes([0.5, 0.5], [-0.5, 0.5], [1, 1]).tolist()]  # one peak
    [0.0]
    """
    w, m, s = _arrays(weights, means, sds)
    logw = _logw(w)
    x = np.linspace(float((m - 4 * s).min()), float((m + 4 * s).max()), int(points))
    lp = _mixture_logpdf(x, logw, m, s)
    peaks = np.flatnonzero((lp[1:-1] > lp[:-2]) & (lp[1:-1] >= lp[2:])) + 1
    out = []
    for i in peaks:
        r = optimize.minimize_scalar(lambda v: -float(_mixture_logpdf(np.array(v), logw, m, s)),
                                     bounds=(x[i - 1], x[i + 1]), method="bounded",
                                     options={"xatol": 1e-8})
        out.append(float(r.x))
    return np.array(out)


def peak_shares(mean: float, sd: float, weights: Sequence[float], means: Sequence[float],
                sds: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    r"""How a Gaussian :math:`Q = N(\mu, \sigma^2)` spreads over the mixture's peaks.

    Each peak of P (:func:`mixture_modes`) owns the stretch of the line between the lowest
    points of P's density on either side of it (its basin); the share of a peak is Q's
    probability in that stretch, from the normal CDF. The shares add up to 1.

    Returns
    -------
    (peaks, shares) : tuple of numpy.ndarray

    Examples
    --------
    >>> peaks, shares = peak_shares(3.0, 1.0, [0.5, 0.5], [-3, 3], [1, 1])
    >>> peaks.round(3).tolist(), shares.round(4).tolist()  # the basins meet at 0
    ([-3.0, 3.0], [0.0013, 0.9987])
    """
    w, m, s = _arrays(weights, means, sds)
    mu, sq = _scalar(mean, "mean"), _scalar(sd, "sd", True)
    peaks = mixture_modes(w, m, s)
    logw = _logw(w)
    cuts = []
    for a, b in zip(peaks[:-1], peaks[1:]):
        r = optimize.minimize_scalar(lambda v: float(_mixture_logpdf(np.array(v), logw, m, s)),
                                     bounds=(a, b), method="bounded", options={"xatol": 1e-8})
        cuts.append(float(r.x))
    cdf = special.ndtr((np.array([-np.inf, *cuts, np.inf]) - mu) / sq)
    return peaks, np.diff(cdf)


# ---- the two fits --------------------------------------------------------------------------------

def fit_forward(weights: Sequence[float], means: Sequence[float],
                sds: Sequence[float]) -> tuple[float, float]:
    r"""The Gaussian :math:`Q = N(\mu, \sigma^2)` minimising :math:`\mathrm{KL}(P\,\|\,Q)`: the
    one with P's mean and variance (moment matching), in closed form,

    .. math:: \mu = \sum_i w_i \mu_i, \qquad
              \sigma^2 = \sum_i w_i(\sigma_i^2 + \mu_i^2) - \mu^2 .

    Why: :math:`\mathrm{KL}(P\|Q) = -h(P) - E_P[\log q]`, and for a Gaussian q,
    :math:`E_P[\log q] = -\tfrac12\ln(2\pi\sigma^2) - E_P[(X-\mu)^2]/(2\sigma^2)`, which depends on
    P only through its mean and variance and is largest at P's own. The minimum is unique.

    Returns
    -------
    (mean, sd) : tuple of float

    Raises
    ------
    ProblemError
        Bad weights, means or sds (module notes).

    Examples
    --------
    >>> [round(v, 4) for v in fit_forward([0.5, 0.5], [-3, 3], [1, 1])]
    [0.0, 3.1623]
    """
    w, m, s = _arrays(weights, means, sds)
    mu = float(np.dot(w, m))
    var = float(np.dot(w, s * s + (m - mu) ** 2))  # the same, without cancellation
    return mu, math.sqrt(var)


def kl_mixture_to_gaussian(weights: Sequence[float], means: Sequence[float],
                           sds: Sequence[float], mean: float, sd: float,
                           base: float | None = math.e) -> float:
    r""":math:`\mathrm{KL}(P\,\|\,Q)` for the mixture P and :math:`Q = N(\mu, \sigma^2)`:

    .. math:: \mathrm{KL}(P\|Q) = -h(P) + \tfrac12\ln(2\pi\sigma^2)
              + \sum_i w_i \frac{\sigma_i^2 + (\mu_i - \mu)^2}{2\sigma^2},

    :math:`h(P)` by quadrature (:func:`mixture_entropy`), the rest exact.

    Examples
    --------
    >>> round(kl_mixture_to_gaussian([0.5, 0.5], [-3, 3], [1, 1], 0.0, math.sqrt(10)), 5)
    0.46199
    >>> round(kl_mixture_to_gaussian([1.0], [0.0], [1.0], 1.0, 2.0), 6) == round(
    ...     gaussian_kl(0, 1, 1, 2), 6)
    True
    """
    w, m, s = _arrays(weights, means, sds)
    mu, sq = _scalar(mean, "mean"), _scalar(sd, "sd", True)
    cross = 0.5 * (_LOG_2PI + 2 * math.log(sq)) + float(
        np.dot(w, (s * s + (m - mu) ** 2))) / (2 * sq * sq)
    value = cross - mixture_entropy(w, m, s)
    return max(float(value), 0.0) / _log_base(base)


def _kl_reverse_nats(mean: float, sd: float, logw: np.ndarray, m: np.ndarray, s: np.ndarray,
                     z: np.ndarray = _Z, w: np.ndarray = _W) -> float:
    h_q = 0.5 * (_LOG_2PI + 1) + math.log(sd)
    return -h_q - _e_logp(mean, sd, logw, m, s, z, w)


def kl_gaussian_to_mixture(mean: float, sd: float, weights: Sequence[float],
                           means: Sequence[float], sds: Sequence[float],
                           base: float | None = math.e) -> float:
    r""":math:`\mathrm{KL}(Q\,\|\,P)` for :math:`Q = N(\mu, \sigma^2)` and the mixture P:

    .. math:: \mathrm{KL}(Q\|P) = -h(Q) - E_Q[\log p(X)],

    :math:`h(Q)` exact (:func:`gaussian_entropy`), :math:`E_Q[\log p]` by quadrature with a
    log-sum-exp :math:`\log p` (module notes).

    Examples
    --------
    >>> round(kl_gaussian_to_mixture(0.0, math.sqrt(10), [0.5, 0.5], [-3, 3], [1, 1]), 5)
    0.93798
    >>> round(kl_gaussian_to_mixture(1.0, 2.0, [1.0], [0.0], [1.0]), 6) == round(
    ...     gaussian_kl(1, 2, 0, 1), 6)
    True
    """
    w, m, s = _arrays(weights, means, sds)
    mu, sq = _scalar(mean, "mean"), _scalar(sd, "sd", True)
    return max(_kl_reverse_nats(mu, sq, _logw(w), m, s), 0.0) / _log_base(base)


@dataclass(frozen=True)
class ReverseFit:
    """One search for the Gaussian minimising KL(Q‖P), from one start.

    ``start`` and (``mean``, ``sd``) are (mean, sd) pairs; ``kl`` is KL(Q‖P) there in nats;
    ``path`` the best point of the search after each of its steps (start first, end last);
    ``converged`` whether Nelder–Mead met its tolerances."""

    start: tuple[float, float]
    mean: float
    sd: float
    kl: float
    path: tuple[tuple[float, float], ...]
    converged: bool


def reverse_starts(weights: Sequence[float], means: Sequence[float],
                   sds: Sequence[float]) -> tuple[tuple[float, float], ...]:
    """The starts :func:`reverse_fits` uses by default: each component with a weight above 0,
    as (its mean, its sd), then the forward fit (P's mean and sd); repeats dropped.

    Examples
    --------
    >>> [tuple(round(v, 4) for v in s) for s in reverse_starts([0.5, 0.5], [-3, 3], [1, 1])]
    [(-3.0, 1.0), (3.0, 1.0), (0.0, 3.1623)]
    """
    w, m, s = _arrays(weights, means, sds)
    starts: list[tuple[float, float]] = []
    for start in [(float(mi), float(si)) for wi, mi, si in zip(w, m, s) if wi > 0] + [
            fit_forward(w, m, s)]:
        if not any(abs(start[0] - a) < 1e-12 and abs(start[1] - b) < 1e-12 for a, b in starts):
            starts.append(start)
    return tuple(starts)


def reverse_fits(weights: Sequence[float], means: Sequence[float], sds: Sequence[float],
                 starts: Sequence[tuple[float, float]] | None = None) -> tuple[ReverseFit, ...]:
    r"""Search for the Gaussian :math:`Q = N(\mu, \sigma^2)` minimising
    :math:`\mathrm{KL}(Q\,\|\,P)` from each start; one :class:`ReverseFit` per start, in order.

    KL(Q‖P) can have several local minima (one per well-separated mode, and one spanning
    them), so each start may end in a different one. The search is Nelder–Mead over
    :math:`(\mu, \ln\sigma)` (first simplex: the start, the start moved by 0.1 of its
    sd in the mean and by 10% in the sd; ``xatol`` 1e-8, ``fatol`` 1e-12), on the objective
    :func:`kl_gaussian_to_mixture` computes; the minimum exists because KL(Q‖P) → ∞ as
    σ → 0 or σ → ∞.

    Parameters
    ----------
    weights, means, sds : sequence of float
        The mixture P.
    starts : sequence of (mean, sd), optional
        Where to start; :func:`reverse_starts` when None.

    Examples
    --------
    >>> fits = reverse_fits([0.5, 0.5], [-3, 3], [1, 1])
    >>> [(round(f.mean, 4) + 0.0, round(f.sd, 4), round(f.kl, 5)) for f in fits]
    [(-2.9843, 1.0234, 0.68877), (2.9843, 1.0234, 0.68877), (0.0, 2.7438, 0.84062)]
    """
    w, m, s = _arrays(weights, means, sds)
    logw = _logw(w)
    if starts is None:
        starts = reverse_starts(w, m, s)
    out = []
    for start in starts:
        if len(start) != 2:
            raise ProblemError(Problem("length", column="start"))
        mu0, sd0 = _scalar(start[0], "mean"), _scalar(start[1], "sd", True)
        path = [(mu0, sd0)]

        def objective(theta: np.ndarray) -> float:
            return _kl_reverse_nats(float(theta[0]), math.exp(float(theta[1])), logw, m, s)

        def record(theta: np.ndarray) -> None:
            path.append((float(theta[0]), math.exp(float(theta[1]))))

        x0 = np.array([mu0, math.log(sd0)])
        # The first simplex in the start's own scale (scipy's default steps 5% of each
        # coordinate, nothing at all for a mean near 0).
        simplex = np.array([x0, x0 + [0.1 * sd0, 0.0], x0 + [0.0, 0.1]])
        r = optimize.minimize(objective, x0, method="Nelder-Mead", callback=record,
                              options={"xatol": 1e-8, "fatol": 1e-12, "maxiter": 4000,
                                       "initial_simplex": simplex})
        mean, sd = float(r.x[0]), math.exp(float(r.x[1]))
        if path[-1] != (mean, sd):
            path.append((mean, sd))
        out.append(ReverseFit((mu0, sd0), mean, sd, max(float(r.fun), 0.0), tuple(path),
                              bool(r.success)))
    return tuple(out)


def tied(kl: float, low: float) -> bool:
    """Whether a search's KL(Q‖P) ``kl`` ties with the lowest, ``low``: within 1e-9 relative
    (1e-9 nats below 1 nat), far below what a page shows and far above rounding. Two searches
    that reach mirror-image minima of a symmetric P end 1e-16 apart, in either order depending
    on the machine's floating-point arithmetic; the best is then chosen by a rule, not by that
    noise.

    >>> tied(0.6887689958550445, 0.688768995855044), tied(0.69, 0.688768995855044)
    (True, False)
    """
    return kl - low <= 1e-9 * max(1.0, low)


def local_optima(fits: Sequence[ReverseFit], tolerance: float = 1e-4) -> tuple[ReverseFit, ...]:
    """The distinct ends of ``fits`` (two ends are the same when their means and sds differ by
    less than ``tolerance`` times the sd), lowest KL(Q‖P) first; ends that tie for the lowest
    (:func:`tied`) in the order of their means.

    Examples
    --------
    >>> ends = local_optima(reverse_fits([0.5, 0.5], [-3, 3], [1, 1]))
    >>> [(round(f.mean, 2) + 0.0, round(f.kl, 4)) for f in ends]
    [(-2.98, 0.6888), (2.98, 0.6888), (0.0, 0.8406)]
    """
    out: list[ReverseFit] = []
    low = min((f.kl for f in fits), default=0.0)
    # Minima tied for the lowest KL (a symmetric P) go by their means, never by rounding noise.
    for f in sorted(fits, key=lambda f: (0, f.mean, 0.0) if tied(f.kl, low) else (1, f.kl, f.mean)):
        if not any(abs(f.mean - g.mean) < tolerance * g.sd and abs(f.sd - g.sd) < tolerance * g.sd
                   for g in out):
            out.append(f)
    return tuple(out)


def fit_reverse(weights: Sequence[float], means: Sequence[float], sds: Sequence[float],
                start: tuple[float, float] | None = None) -> tuple[float, float]:
    r"""The Gaussian minimising :math:`\mathrm{KL}(Q\,\|\,P)` as (mean, sd): the local minimum
    reached from ``start`` (a (mean, sd) pair), or, when ``start`` is None, the best of the
    searches from :func:`reverse_starts` (the first of those tied for the lowest KL(Q‖P),
    :func:`tied`; :attr:`ReverseSummary.best`).

    Examples
    --------
    >>> [round(v, 4) + 0.0 for v in fit_reverse([0.5, 0.5], [-2, 2], [1, 1])]  # in the middle
    [0.0, 2.047]
    >>> [round(v, 4) for v in fit_reverse([0.5, 0.5], [-3, 3], [1, 1], start=(0.0, 3.0))]
    [0.0, 2.7438]
    """
    fits = reverse_fits(weights, means, sds, None if start is None else [start])
    best = fits[summarise_fits(fits).best]
    return best.mean, best.sd


#: Below this many nats a divergence is within the quadrature's error: shown as 0.
ZERO = 1e-9
#: A Gaussian is *centred* on a mode of P when its mean is within this many of its own
#: standard deviations of that mode (:func:`reverse_shape`).
CENTRED = 0.1


def shown_divergence(kl: float) -> float:
    """``kl`` (nats, or any base) as a page shows it: 0 below :data:`ZERO`, where it is within
    the quadrature's error, else ``kl``.

    Examples
    --------
    >>> shown_divergence(3e-12), shown_divergence(0.25)
    (0.0, 0.25)
    """
    return 0.0 if kl < ZERO else float(kl)


@dataclass(frozen=True)
class ReverseSummary:
    """What the searches of :func:`reverse_fits` found.

    ``best`` is the index of the fit a page draws (the lowest KL(Q‖P); of searches tied for it,
    :func:`tied`, the first); ``optima`` how many distinct local minima the searches reached
    (:func:`local_optima`); ``tied`` how many of those tie for the lowest KL(Q‖P); ``others`` the (mean, sd) of every distinct local
    minimum other than the best."""

    best: int
    optima: int
    tied: int
    others: tuple[tuple[float, float], ...]


def summarise_fits(fits: Sequence[ReverseFit], tolerance: float = 1e-4) -> ReverseSummary:
    """The best of ``fits``, its ties and the other local minima (:class:`ReverseSummary`).

    Examples
    --------
    >>> s = summarise_fits(reverse_fits([0.5, 0.5], [-3, 3], [1, 1]))
    >>> s.best, s.optima, s.tied, [(round(m, 2) + 0.0, round(v, 2)) for m, v in s.others]
    (0, 3, 2, [(2.98, 1.02), (0.0, 2.74)])
    """
    if not fits:
        raise ProblemError(Problem("no_rows", column="start"))
    low = min(f.kl for f in fits)
    best = next(i for i, f in enumerate(fits) if tied(f.kl, low))
    b = fits[best]
    optima = local_optima(fits, tolerance)
    ties = sum(1 for o in optima if tied(o.kl, low))
    others = tuple((o.mean, o.sd) for o in optima
                   if not (abs(o.mean - b.mean) < tolerance * b.sd
                           and abs(o.sd - b.sd) < tolerance * b.sd))
    return ReverseSummary(best, len(optima), ties, others)


@dataclass(frozen=True)
class ReverseShape:
    """How a Gaussian Q sits on the mixture P (:func:`reverse_shape`).

    ``kind``: ``"one_mode"`` (P has a single mode), ``"picks"`` (one mode's basin holds at least
    ``one_peak`` of Q), ``"centred"`` (Q's mean is within :data:`CENTRED` sds of the mode whose
    basin holds most of Q, more than half of it, but less than ``one_peak``) or ``"spans"``
    (anything else: Q lies across modes). ``mode`` is that mode, ``share`` its basin's share of
    Q, ``rest`` = 1 − ``share``, ``held`` the number of basins holding at least
    1 − ``one_peak`` of Q (at least 2 when ``kind`` is ``"spans"``), ``modes`` P's modes."""

    kind: str
    mode: float
    share: float
    rest: float
    held: int
    modes: int


def reverse_shape(mean: float, sd: float, weights: Sequence[float], means: Sequence[float],
                  sds: Sequence[float], one_peak: float = 0.9) -> ReverseShape:
    r"""Whether :math:`Q = N(\mu, \sigma^2)` sits on one mode of the mixture P, is centred on
    one while spilling over the others, or spans several, from :func:`peak_shares`.

    Examples
    --------
    >>> reverse_shape(-2.9843, 1.0234, [0.5, 0.5], [-3, 3], [1, 1]).kind
    'picks'
    >>> s = reverse_shape(0.0, 1.421, [0.1, 0.8, 0.1], [-2.5, 0, 2.5], [0.3, 1.2, 0.3])
    >>> s.kind, round(s.mode, 6) + 0.0, round(s.rest, 3)
    ('centred', 0.0, 0.188)
    >>> s = reverse_shape(0.0, 2.047, [0.5, 0.5], [-2, 2], [1, 1])
    >>> s.kind, s.held, s.modes
    ('spans', 2, 2)
    """
    peaks, shares = peak_shares(mean, sd, weights, means, sds)
    top = int(np.argmax(shares))
    share, mode = float(shares[top]), float(peaks[top])
    held = int((shares >= 1 - one_peak).sum())
    if len(peaks) == 1:
        kind = "one_mode"
    elif share >= one_peak:
        kind = "picks"
    elif share > 0.5 and abs(mean - mode) <= CENTRED * sd:
        kind = "centred"
    else:
        kind, held = "spans", max(held, 2)
    return ReverseShape(kind, mode, share, 1.0 - share, held, len(peaks))


@dataclass(frozen=True)
class FitComparison:
    """Both Gaussian fits of one mixture P, and what a page says of them (:func:`compare_fits`).

    ``forward``: the KL(P‖Q) fit's (mean, sd) (:func:`fit_forward`); ``fits``: every KL(Q‖P)
    search (:func:`reverse_fits`), ``found``: what they found (:func:`summarise_fits`),
    ``reverse``: the best search's (mean, sd); ``kls``: KL(P‖Q) and KL(Q‖P) of the forward
    fit, then of the reverse fit, in nats, each through :func:`shown_divergence`; ``modes``:
    P's modes; ``shape``: how the reverse fit sits on P (:func:`reverse_shape`); ``case``:
    ``"gaussian"`` when P is one Gaussian (the forward fit's KL(P‖Q) is below :data:`ZERO`),
    else ``shape.kind``; ``width``: the reverse fit's sd against the forward fit's:
    ``"narrower"`` or ``"wider"`` by more than 1%, else ``"same_width"``."""

    forward: tuple[float, float]
    fits: tuple[ReverseFit, ...]
    found: ReverseSummary
    reverse: tuple[float, float]
    kls: tuple[float, float, float, float]
    modes: tuple[float, ...]
    shape: ReverseShape
    case: str
    width: str


def compare_fits(weights: Sequence[float], means: Sequence[float], sds: Sequence[float],
                 one_peak: float = 0.9) -> FitComparison:
    r"""Fit one Gaussian to the mixture P both ways, :math:`\min_Q \mathrm{KL}(P\|Q)` and
    :math:`\min_Q \mathrm{KL}(Q\|P)`, and say how the two compare (:class:`FitComparison`);
    ``one_peak`` goes to :func:`reverse_shape`.

    Examples
    --------
    >>> c = compare_fits([0.5, 0.5], [-3, 3], [1, 1])
    >>> [round(v, 4) for v in c.forward], [round(v, 4) for v in c.reverse]
    ([0.0, 3.1623], [-2.9843, 1.0234])
    >>> [round(k, 4) for k in c.kls], c.case, c.width
    ([0.462, 0.938, 7.8601, 0.6888], 'picks', 'narrower')
    >>> compare_fits([1.0], [0.5], [2.0]).case
    'gaussian'
    """
    w, m, s = _arrays(weights, means, sds)
    forward = fit_forward(w, m, s)
    fits = reverse_fits(w, m, s)
    found = summarise_fits(fits)
    best = fits[found.best]
    reverse = (best.mean, best.sd)
    kls = (kl_mixture_to_gaussian(w, m, s, *forward), kl_gaussian_to_mixture(*forward, w, m, s),
           kl_mixture_to_gaussian(w, m, s, *reverse), best.kl)
    shape = reverse_shape(*reverse, w, m, s, one_peak=one_peak)
    ratio = reverse[1] / forward[1]
    width = "narrower" if ratio < 0.99 else "wider" if ratio > 1.01 else "same_width"
    return FitComparison(forward, fits, found, reverse,
                         tuple(shown_divergence(k) for k in kls),
                         tuple(mixture_modes(w, m, s).tolist()), shape,
                         "gaussian" if kls[0] < ZERO else shape.kind, width)


def reverse_landscape(weights: Sequence[float], means: Sequence[float], sds: Sequence[float],
                      grid_means: Sequence[float], grid_sds: Sequence[float],
                      nodes: int = 401) -> np.ndarray:
    r"""KL(Q‖P) in nats for every :math:`Q = N(\mu, \sigma^2)` of a grid: rows follow
    ``grid_sds``, columns ``grid_means``. For pictures: by default 401 quadrature nodes
    (:data:`LANDSCAPE_ACCURACY` over :data:`CHECKED_RANGES`, tested).

    Examples
    --------
    >>> v = reverse_landscape([1.0], [0.0], [1.0], [0.0, 1.0], [1.0, 2.0])
    >>> v.shape, round(float(v[0, 0]), 6), round(float(v[1, 1]), 4)
    ((2, 2), 0.0, 1.3069)
    """
    w, m, s = _arrays(weights, means, sds)
    mus = np.asarray([_scalar(v, "mean") for v in grid_means])
    sigmas = np.asarray([_scalar(v, "sd", True) for v in grid_sds])
    z, wz = _z_rule(int(nodes))
    x = mus[None, :, None] + sigmas[:, None, None] * z
    e_logp = _mixture_logpdf(x, _logw(w), m, s) @ wz
    h_q = 0.5 * (_LOG_2PI + 1) + np.log(sigmas)[:, None]
    return np.maximum(-h_q - e_logp, 0.0)


# ---- discrete against differential entropy -------------------------------------------------------

def binned_entropy(sd: float, delta: float, base: float | None = math.e,
                   offset: float | None = None) -> float:
    r"""Entropy of :math:`N(0, \sigma^2)` rounded into bins of width :math:`\Delta`: the discrete
    distribution :math:`p_k = P(a + k\Delta \le X < a + (k+1)\Delta)` (``offset`` = a;
    by default :math:`-\Delta/2`, so that one bin is centred on the mean),
    :math:`H_\Delta = -\sum_k p_k \log p_k`, with :math:`0 \log 0 = 0`.

    As :math:`\Delta \to 0`, :math:`p_k \approx f(x_k)\Delta`, so
    :math:`H_\Delta \approx h - \log\Delta` (:func:`gaussian_entropy`): the discrete entropy
    grows without bound, and :math:`h` is only its finite part.

    The :math:`p_k` are differences of the normal CDF (of its upper tail above 0, so tiny
    probabilities keep their digits) over every bin within :math:`13\sigma` of 0.

    Examples
    --------
    >>> h = gaussian_entropy(1.0)
    >>> round(binned_entropy(1.0, 0.01) - (h - math.log(0.01)), 9)  # about Δ²/(24σ²)
    4.167e-06
    >>> binned_entropy(0.01, 10.0)  # one bin holds everything
    0.0
    >>> round(binned_entropy(0.01, 10.0, offset=0.0), 6)  # two bins, half each: ln 2
    0.693147
    """
    s, d = _scalar(sd, "sd", True), _scalar(delta, "delta", True)
    a = -0.5 * d if offset is None else _scalar(offset, "offset")
    lo = math.floor((-13 * s - a) / d)
    hi = math.ceil((13 * s - a) / d)
    edges = (a + d * np.arange(lo, hi + 1)) / s
    upper = edges > 0
    cdf = np.where(upper, special.ndtr(-edges), special.ndtr(edges))  # tail on each side
    p = np.where(upper[1:], cdf[:-1] - cdf[1:], cdf[1:] - cdf[:-1])
    # a bin straddling 0: from its two sides
    straddle = (~upper[:-1]) & upper[1:]
    p = np.where(straddle, 1 - cdf[:-1] - cdf[1:], p)
    p = np.clip(p, 0, None)
    return float(special.entr(p).sum()) / _log_base(base)


def entropy_limit(sd: float, delta: float, base: float | None = math.e) -> float:
    r""":math:`h - \log\Delta` for :math:`N(0, \sigma^2)`: what the entropy of the Gaussian
    binned at width :math:`\Delta` (:func:`binned_entropy`) tends to as :math:`\Delta \to 0`,
    in ``base``.

    >>> round(entropy_limit(1.0, 0.01), 6), round(binned_entropy(1.0, 0.01), 6)
    (6.024109, 6.024113)
    """
    return gaussian_entropy(sd, base) - math.log(_scalar(delta, "delta", True)) / _log_base(base)


# ---- Monte Carlo, to check the formula -----------------------------------------------------------

@dataclass(frozen=True)
class MonteCarloKL:
    """A Monte Carlo estimate of KL(Q‖P) from ``n`` draws of Q, and its running history.

    ``estimate`` is the mean of :math:`\\log q(x_j) - \\log p(x_j)`, ``stderr`` its standard
    error (sample standard deviation over :math:`\\sqrt n`), both in the requested base;
    ``counts``, ``running`` and ``running_stderr`` give the same after the first ``counts[k]``
    draws (counts from 2 on, about 200 of them spaced evenly on a log scale, with every power
    of 10 up to ``n``, and ``n`` last)."""

    n: int
    estimate: float
    stderr: float
    counts: np.ndarray
    running: np.ndarray
    running_stderr: np.ndarray

    def standard_errors(self, exact: float) -> float:
        """How many standard errors the estimate lies from ``exact`` (0 when the standard
        error is 0).

        >>> mc = monte_carlo_kl(1.0, 0.5, 0.0, 1.0, 1000, seed=0)
        >>> mc.standard_errors(mc.estimate + 2 * mc.stderr)
        2.0
        """
        return abs(self.estimate - exact) / self.stderr if self.stderr > 0 else 0.0


def monte_carlo_kl(mu_q: float, sd_q: float, mu_p: float, sd_p: float, n: int, seed: int,
                   base: float | None = math.e) -> MonteCarloKL:
    r"""Estimate :math:`\mathrm{KL}(Q\|P) = E_Q[\log q(X) - \log p(X)]` for two Gaussians by
    averaging over ``n`` draws :math:`x_j = \mu_q + \sigma_q z_j` with
    :math:`z_j` from ``numpy.random.default_rng(seed).standard_normal(n)``: the first k draws
    are the same for every ``n`` ≥ k, so a larger ``n`` extends the same sample.

    The estimate is unbiased; its standard error shrinks like :math:`1/\sqrt n`, and the interval
    estimate ± 2 standard errors holds the exact value (:func:`gaussian_kl`) about 95% of the
    time for large ``n``.

    Parameters
    ----------
    mu_q, sd_q : float
        Q, the distribution sampled (a VAE's encoder output).
    mu_p, sd_p : float
        P (a VAE's prior is N(0, 1)).
    n : int
        Number of draws, at least 2.
    seed : int
        Seed, at least 0.

    Examples
    --------
    >>> mc = monte_carlo_kl(1.0, 0.5, 0.0, 1.0, 100_000, seed=0)
    >>> exact = gaussian_kl(1.0, 0.5, 0.0, 1.0)
    >>> abs(mc.estimate - exact) < 2 * mc.stderr
    True
    """
    mq, sq = _scalar(mu_q, "mean", row=1), _scalar(sd_q, "sd", True, 1)
    mp, sp = _scalar(mu_p, "mean", row=0), _scalar(sd_p, "sd", True, 0)
    if not isinstance(n, (int, np.integer)) or n < 2:
        raise ProblemError(Problem("not_positive", column="n", value=float(n), lo=2))
    if not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ProblemError(Problem("negative", column="seed", value=float(seed)))
    z = np.random.default_rng(int(seed)).standard_normal(int(n))
    x = mq + sq * z
    terms = (-0.5 * z * z - math.log(sq)) - (-0.5 * ((x - mp) / sp) ** 2 - math.log(sp))
    scale = _log_base(base)
    terms = terms / scale
    k = np.arange(1, n + 1)
    mean = np.cumsum(terms) / k
    # Running variance from running sums of the data centred on the final mean (no cancellation).
    c = terms - mean[-1]
    s1, s2 = np.cumsum(c), np.cumsum(c * c)
    with np.errstate(invalid="ignore", divide="ignore"):
        var = np.maximum(s2 - s1 * s1 / k, 0) / (k - 1)
    tens = 10 ** np.arange(1, int(math.log10(n)) + 1)
    counts = np.unique(np.concatenate([np.round(np.geomspace(2, n, 200)).astype(int), tens]))
    se = np.sqrt(var[counts - 1] / counts)
    return MonteCarloKL(int(n), float(mean[-1]), float(se[-1]), counts, mean[counts - 1], se)


# ---- support ---------------------------------------------------------------------------------------

def truncated_logpdf(x: np.ndarray | float, cut: float) -> np.ndarray:
    r"""Log density of Q = N(0, 1) restricted to :math:`|x| \le c`: :math:`\log\varphi(x) -
    \log P(|X| \le c)` inside, :math:`-\infty` outside (Q is 0 there).

    Examples
    --------
    >>> v = truncated_logpdf([0.0, 2.0], 1.0)
    >>> round(float(v[0]), 4), float(v[1])
    (-0.5372, -inf)
    """
    c = _scalar(cut, "cut", True)
    x = np.asarray(x, dtype=float)
    inside = -0.5 * x * x - 0.5 * _LOG_2PI - math.log(math.erf(c / math.sqrt(2)))
    return np.where(np.abs(x) <= c, inside, -np.inf)


def truncated_kl(cut: float, base: float | None = math.e) -> tuple[float, float]:
    r"""Both divergences between P = N(0, 1) and Q = P restricted to :math:`|x| \le c`.

    Q is 0 where P is not, so :math:`\mathrm{KL}(P\|Q) = \infty` (P puts probability
    :math:`1 - \mathrm{erf}(c/\sqrt2)` where :math:`\log(p/q) = \infty`), for every finite c.
    Inside, :math:`q = p / P(|X| \le c)`, so
    :math:`\mathrm{KL}(Q\|P) = E_Q[\log(q/p)] = -\log P(|X| \le c) = -\log \mathrm{erf}(c/\sqrt2)`,
    finite, and → 0 as c → ∞.

    Returns
    -------
    (KL(P‖Q), KL(Q‖P)) : tuple of float

    Examples
    --------
    >>> kl_pq, kl_qp = truncated_kl(1.0)
    >>> kl_pq, round(kl_qp, 6)
    (inf, 0.381715)
    """
    c = _scalar(cut, "cut", True)
    # -log erf(x) = -log1p(-erfc(x)): keeps its digits when erf(x) is near 1.
    return math.inf, -math.log1p(-math.erfc(c / math.sqrt(2))) / _log_base(base)


# ---- what a page says ------------------------------------------------------------------------------

#: The standard deviation below which a Gaussian's differential entropy is negative,
#: :math:`1/\sqrt{2\pi e}` (where :math:`\tfrac12\log(2\pi e\sigma^2) = 0`).
ENTROPY_EDGE = 1 / math.sqrt(2 * math.pi * math.e)


def takeaway_case(fit: FitComparison) -> Case:
    """The one line on both fits of P: ``take.<case>`` for :attr:`FitComparison.case`
    (``gaussian``, ``one_mode``, ``picks``, ``centred`` or ``spans``), quoting the mode the
    KL(Q‖P) fit is closest to, ``mu`` (two decimals), the percentage of that fit outside its
    basin, ``rest``, the basins holding it, ``k``, of P's ``n`` modes (:class:`ReverseShape`),
    and ``width``: the case :attr:`FitComparison.width` (``narrower``, ``wider`` or
    ``same_width``) with both fits' sds, ``rev`` and ``fwd`` (two decimals).

    >>> c = takeaway_case(compare_fits([0.5, 0.5], [-3, 3], [1, 1]))
    >>> c.name, c.numbers["mu"], c.numbers["width"].name, c.numbers["width"].numbers
    ('take.picks', '−3.00', 'narrower', {'rev': '1.02', 'fwd': '3.16'})
    >>> takeaway_case(compare_fits([1.0], [0.5], [2.0])).name
    'take.gaussian'
    """
    width = Case(fit.width, {"rev": fmt.fixed(fit.reverse[1], 2),
                             "fwd": fmt.fixed(fit.forward[1], 2)})
    return Case(f"take.{fit.case}", {"width": width, "mu": fmt.fixed(fit.shape.mode, 2),
                                     "rest": 100 * fit.shape.rest, "k": fit.shape.held,
                                     "n": fit.shape.modes})


def searches_cases(fit: FitComparison) -> tuple[Case, ...]:
    """What the KL(Q‖P) searches of ``fit`` found (:class:`ReverseSummary`): ``searches.one``
    (a single start), ``searches.same`` (all ``n`` searches end at one minimum) or
    ``searches.differ`` (``n`` starts, ``k`` distinct local minima); then ``searches.tie``
    when ``k`` of those minima tie for the lowest KL(Q‖P).

    >>> [(c.name, c.numbers) for c in searches_cases(compare_fits([0.5, 0.5], [-3, 3], [1, 1]))]
    [('searches.differ', {'n': 3, 'k': 3}), ('searches.tie', {'k': 2})]
    >>> searches_cases(compare_fits([1.0], [0.5], [2.0]))
    (Case(name='searches.one', numbers={}, apart=()),)
    """
    n, found = len(fit.fits), fit.found
    said = (Case("searches.one") if n == 1 else
            Case("searches.same", {"n": n}) if found.optima == 1 else
            Case("searches.differ", {"n": n, "k": found.optima}))
    return (said, Case("searches.tie", {"k": found.tied})) if found.tied > 1 else (said,)


def search_rows(fit: FitComparison, scale: float = 1.0) -> dict[str, list]:
    """The table of the KL(Q‖P) searches of ``fit``, one row per start, as columns:
    ``search`` (its number, ``★`` on the best), ``kl`` (KL(Q‖P) where it ended, through
    :func:`shown_divergence`, divided by ``scale``: the natural log of the unit's base),
    ``end`` and ``start`` (``μ = …, σ = …``: the end to four decimals, the start to two) and
    ``steps`` (the search's steps).

    >>> rows = search_rows(compare_fits([0.5, 0.5], [-3, 3], [1, 1]), math.log(2))
    >>> rows["search"], [round(v, 4) for v in rows["kl"]], rows["steps"][0] > 0
    (['1 ★', '2', '3'], [0.9937, 0.9937, 1.2128], True)
    >>> rows["end"][0], rows["start"][0]
    ('μ = −2.9843, σ = 1.0234', 'μ = −3.00, σ = 1.00')
    """
    fits, best = fit.fits, fit.found.best
    return {"search": [str(i + 1) + (" ★" if i == best else "") for i in range(len(fits))],
            "kl": [shown_divergence(f.kl) / scale for f in fits],
            "end": [f"μ = {fmt.fixed(f.mean, 4)}, σ = {fmt.num(f.sd, 4)}" for f in fits],
            "start": [f"μ = {fmt.fixed(f.start[0], 2)}, σ = {fmt.fixed(f.start[1], 2)}"
                      for f in fits],
            "steps": [len(f.path) - 1 for f in fits]}


def entropy_case(sd: float, base: float | None, unit: str) -> Case:
    """The sign of N(0, sd²)'s differential entropy :math:`h` in ``base``
    (:func:`gaussian_entropy`): ``h.negative``, ``h.zero`` or ``h.positive``, quoting ``sd``
    (two decimals), ``h`` with its ``unit`` (:func:`lib.fmt.amount`) and the border
    :data:`ENTROPY_EDGE`, ``cut`` (three decimals).

    >>> entropy_case(0.1, 2, "bits")
    Case(name='h.negative', numbers={'sd': '0.10', 'h': '−1.27 bits', 'cut': '0.242'}, apart=())
    >>> entropy_case(ENTROPY_EDGE, None, "nats").name, entropy_case(1.0, 2, "bits").name
    ('h.zero', 'h.positive')
    """
    h = gaussian_entropy(sd, base)
    return Case("h.negative" if h < 0 else "h.zero" if h == 0 else "h.positive",
                {"sd": fmt.fixed(sd, 2), "h": fmt.amount(h, unit),
                 "cut": fmt.num(ENTROPY_EDGE, 3)})


def band_case(mc: MonteCarloKL, exact: float) -> Case:
    """Whether the exact value lies in the Monte Carlo estimate's band of ± 2 standard errors:
    ``vae.inside`` or ``vae.outside``, quoting how many standard errors apart they are, ``z``
    (:meth:`MonteCarloKL.standard_errors`).

    >>> mc = monte_carlo_kl(1.0, 0.5, 0.0, 1.0, 1000, seed=0)
    >>> band_case(mc, mc.estimate + 2 * mc.stderr)
    Case(name='vae.inside', numbers={'z': 2.0}, apart=())
    >>> band_case(mc, mc.estimate - 3 * mc.stderr).name
    'vae.outside'
    """
    inside = abs(mc.estimate - exact) <= 2 * mc.stderr
    return Case("vae.inside" if inside else "vae.outside", {"z": mc.standard_errors(exact)})


def support_case(cut: float, base: float | None, unit: str) -> Case:
    r"""Why P = N(0, 1) and Q = P cut to :math:`|x| \le c` (:func:`truncated_kl`) have one
    divergence infinite and one finite: ``support.sentence``, quoting P's probability where
    Q is 0, ``mass`` = :math:`\mathrm{erfc}(c/\sqrt2)`, the cut ``c`` (two decimals) and
    KL(Q‖P) in ``base`` with its ``unit``, ``kl``.

    >>> support_case(1.0, 2, "bits").numbers
    {'mass': 0.31731050786291415, 'c': '1.00', 'kl': '0.551 bits'}
    """
    return Case("support.sentence", {"mass": math.erfc(cut / math.sqrt(2)),
                                     "c": fmt.num(cut, 2),
                                     "kl": fmt.amount(truncated_kl(cut, base)[1], unit)})
