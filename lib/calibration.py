"""Calibration of a classifier's confidence, and proper scoring rules.

A classifier is *calibrated* when, among the examples it gives top-class confidence c, a
fraction c is classified correctly. Guo, Pleiss, Sun & Weinberger, "On Calibration of Modern
Neural Networks" (ICML 2017) measure it with equal-width confidence bins and fix it with one
temperature:

* :func:`reliability`: per bin, the number of examples, their mean top-class confidence and
  their accuracy (the reliability diagram's points);
* :func:`expected_calibration_error`: ``ECE = sum_b (n_b / n) |acc_b - conf_b|``;
* :func:`fit_temperature`: the ``T > 0`` minimising the mean negative log-likelihood of
  ``softmax(z / T)`` on held-out examples (:func:`nll`). Dividing every logit by one ``T`` never
  changes which class is largest, so accuracy is unchanged;
* :func:`temperature_report`: fit ``T`` on a validation split (or, without one, on the first
  half of the test split) and measure ECE and NLL on the test examples before and after.

And why the log loss rewards honest probabilities: :func:`expected_scores` and
:func:`score_minimisers` for a coin of true probability ``p`` reported as ``q`` (log loss,
quadratic (Brier) score, absolute error).

And what the soft-targets and calibration page says about its numbers, each sentence, tile and
table row decided here as :class:`lib.cases.Case` values (the page words them):
:func:`score_cases`, :func:`smoothing_cases`, :func:`distillation_cases`, :func:`comparison`,
:func:`network_cases` and, while the digits network has no calibration to show,
:func:`run_case`.

Conventions: ``probs`` is an ``n × K`` array whose rows are distributions over ``K >= 2``
classes; ``logits`` an ``n × K`` array of finite numbers; ``labels`` ``n`` integers in
``0 … K-1``. Confidence bins are right-closed, ``((b-1)/B, b/B]`` (a confidence of exactly 0 goes
to the first bin). NLL is in nats unless a ``base`` is given. Bad input raises
:class:`lib.problems.ProblemError` with one :class:`lib.problems.Problem`:

================  ========================================================================
``cal_shape``     ``probs``/``logits`` are not an ``n × K`` array with ``n >= 1``, ``K >= 2``
``cal_labels``    ``labels`` are not ``n`` whole numbers in ``0 … K-1`` (``value``: the first
                  bad one, ``row``: its position)
``cal_not_finite`` a logit or probability is ∞ or NaN (``row``: the first such example)
``cal_probs``     a row of ``probs`` has a value outside [0, 1] or does not sum to 1
``out_of_range``  ``bins`` (1 … 1000), ``p`` or ``q`` outside its bounds (``lo``, ``hi``)
================  ========================================================================
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np
import pandas as pd
from scipy import optimize, special

from lib import costs, info, losses, soft_targets
from lib.problems import Problem, ProblemError

__all__ = ["T_BOUNDS", "TemperatureReport", "Split", "expected_calibration_error",
           "expected_scores", "fit_temperature", "nll", "reliability", "scaled_reliability",
           "score_minimisers", "sigmoid_shares", "split", "verdict", "temperature_report",
           "top_class", "best_scores", "reports", "scaling_worse", "sigmoid_ece", "Distillation",
           "distillation", "run_status", "digest", "fit_temperatures"]

#: The range searched for T (log T is searched, so both ends are equally far from 1).
T_BOUNDS = (0.01, 100.0)
MAX_BINS = 1000
#: A row of ``probs`` may miss a sum of 1 by this much (float32 softmax rows do).
ROW_SUM_TOLERANCE = 1e-4


def _problem(code: str, message: str, **fields: Any) -> ProblemError:
    return ProblemError([Problem(code, **fields)], message)


def _matrix(values: Any, name: str) -> np.ndarray:
    try:
        arr = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise _problem("cal_shape", f"{name} must be an n × K array of numbers",
                       column=name) from None
    if arr.ndim != 2 or arr.shape[0] < 1 or arr.shape[1] < 2:
        raise _problem("cal_shape", f"{name} must be an n × K array with n ≥ 1 and K ≥ 2, got "
                       f"shape {arr.shape}", column=name)
    bad = ~np.isfinite(arr).all(axis=1)
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise _problem("cal_not_finite", f"{name} row {row} is not finite", column=name, row=row)
    return arr


def _labels(labels: Any, n: int, k: int) -> np.ndarray:
    arr = np.asarray(labels)
    if arr.ndim != 1 or len(arr) != n:
        raise _problem("cal_labels", f"need one label per row ({n}), got shape {arr.shape}",
                       column="labels", value=float(arr.size))
    if arr.dtype.kind in "iu":
        whole = np.ones(n, dtype=bool)
    elif arr.dtype.kind == "f":
        whole = np.isfinite(arr) & (arr == np.round(arr))
    else:
        raise _problem("cal_labels", "labels must be whole numbers", column="labels")
    ok = whole & (arr >= 0) & (arr < k)
    if not ok.all():
        row = int(np.flatnonzero(~ok)[0])
        value = float(arr[row])
        raise _problem("cal_labels", f"label {value:g} at row {row} is not a class 0 … {k - 1}",
                       column="labels", row=row, value=value if math.isfinite(value) else None,
                       lo=0.0, hi=float(k - 1))
    return arr.astype(np.int64)


def _probs(probs: Any, labels: Any) -> tuple[np.ndarray, np.ndarray]:
    p = _matrix(probs, "probs")
    sums = p.sum(axis=1)
    bad = (p < 0).any(axis=1) | (p > 1).any(axis=1) | (np.abs(sums - 1) > ROW_SUM_TOLERANCE)
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise _problem("cal_probs", f"probs row {row} is not a distribution (sum {sums[row]:g})",
                       column="probs", row=row, value=float(sums[row]))
    return p, _labels(labels, *p.shape)


def _bins(bins: Any) -> int:
    if isinstance(bins, bool) or not float(bins).is_integer() or not 1 <= bins <= MAX_BINS:
        raise _problem("out_of_range", f"bins must be a whole number from 1 to {MAX_BINS}",
                       column="bins", value=float(bins), lo=1.0, hi=float(MAX_BINS))
    return int(bins)


def top_class(probs: Any, labels: Any) -> tuple[np.ndarray, np.ndarray]:
    """Each example's top-class confidence ``max_j p_j`` and whether that class is its label
    (ties go to the lowest class, as ``argmax`` does).

    >>> conf, right = top_class([[0.2, 0.8], [0.6, 0.4]], [1, 1])
    >>> conf.tolist(), right.tolist()
    ([0.8, 0.6], [True, False])
    """
    p, y = _probs(probs, labels)
    return p.max(axis=1), p.argmax(axis=1) == y


def reliability(probs: Any, labels: Any, bins: int = 15) -> pd.DataFrame:
    """The reliability diagram's table: ``bins`` equal-width bins of top-class confidence.

    One row per bin, empty bins included: ``bin`` (0-based), ``lo`` and ``hi`` (the bin is
    ``(lo, hi]``), ``count``, ``confidence`` (mean top-class confidence in the bin) and
    ``accuracy`` (fraction right in the bin); both are NaN in an empty bin. Counts sum to ``n``.
    A calibrated classifier has ``accuracy ≈ confidence`` in every bin.

    >>> r = reliability([[0.9, 0.1], [0.8, 0.2], [0.3, 0.7], [0.45, 0.55]], [0, 1, 1, 0], bins=2)
    >>> r[["count", "confidence", "accuracy"]].values.tolist()
    [[0.0, nan, nan], [4.0, 0.7375, 0.5]]
    """
    conf, right = top_class(probs, labels)
    b = _bins(bins)
    edges = np.linspace(0.0, 1.0, b + 1)
    # searchsorted(side="left") puts a confidence equal to an edge in the bin it closes.
    index = np.clip(np.searchsorted(edges, conf, side="left") - 1, 0, b - 1)
    count = np.bincount(index, minlength=b).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        confidence = np.bincount(index, weights=conf, minlength=b) / count
        accuracy = np.bincount(index, weights=right.astype(float), minlength=b) / count
    return pd.DataFrame({"bin": np.arange(b), "lo": edges[:-1], "hi": edges[1:], "count": count,
                         "confidence": confidence, "accuracy": accuracy})


def expected_calibration_error(probs: Any, labels: Any, bins: int = 15) -> float:
    """Expected calibration error (Guo et al. 2017): ``ECE = sum_b (n_b / n) |acc_b - conf_b|``
    over the equal-width confidence bins of :func:`reliability`; empty bins add nothing.

    A number in [0, 1] (a fraction, often shown in percent). It is 0 when every bin's accuracy
    equals its mean confidence; it depends on the number of bins, and on few examples it is
    noisy.

    >>> round(expected_calibration_error([[0.9, 0.1], [0.8, 0.2], [0.3, 0.7], [0.45, 0.55]],
    ...                                  [0, 1, 1, 0], bins=2), 6)
    0.2375
    """
    r = reliability(probs, labels, bins)
    used = r["count"].to_numpy() > 0
    n = r["count"].sum()
    gap = np.abs(r["accuracy"].to_numpy()[used] - r["confidence"].to_numpy()[used])
    return float(np.sum(r["count"].to_numpy()[used] / n * gap))


def nll(logits: Any, labels: Any, temperature: float = 1.0, base: float | None = None) -> float:
    """Mean negative log-likelihood of the labels under ``softmax(logits / T)``: the
    categorical cross-entropy with one-hot targets (:func:`lib.losses.categorical_cross_entropy`,
    from the logits through ``log_softmax``), in units of ``base`` (None: nats).

    >>> round(nll([[0.0, 0.0], [2.0, 0.0]], [0, 0]), 6)       # (ln 2 + ln(1 + e^-2)) / 2
    0.410038
    >>> round(nll([[0.0, 0.0], [2.0, 0.0]], [0, 0], temperature=2.0, base=2), 6)
    0.725971
    """
    z = _matrix(logits, "logits")
    y = _labels(labels, *z.shape)
    if not (math.isfinite(temperature) and temperature > 0):
        raise _problem("out_of_range", "the temperature must be a positive number",
                       column="temperature", value=float(temperature), lo=0.0)
    onehot = np.zeros_like(z)
    onehot[np.arange(len(y)), y] = 1.0
    return losses.categorical_cross_entropy(onehot, logits=z / temperature) * info.log_factor(base)


def fit_temperature(logits: Any, labels: Any) -> float:
    """Temperature scaling: the ``T > 0`` minimising the mean :func:`nll` of
    ``softmax(logits / T)``, found by a bounded scalar minimiser (Brent's method) on ``log T``
    within :data:`T_BOUNDS`.

    As a function of ``1/T`` the NLL is convex, so the minimum found is the global one. When it
    lies outside the bounds (every example right: smaller ``T`` always helps; or a classifier
    worse than uniform: larger ``T`` always does) the result is that bound, or where the NLL
    stops changing in floating point on the way to it. ``T > 1`` softens an
    over-confident classifier, ``T < 1`` sharpens an under-confident one.

    >>> z = np.array([[4.0, 0.0], [4.0, 0.0], [4.0, 0.0], [4.0, 0.0]])
    >>> round(fit_temperature(z, [0, 0, 0, 1]), 4)   # right 3 times in 4: softmax(z/T)_0 = 3/4
    3.641
    """
    z = _matrix(logits, "logits")
    y = _labels(labels, *z.shape)
    objective = _nll_of_log_t(z, y)
    lo, hi = (math.log(b) for b in T_BOUNDS)
    found = optimize.minimize_scalar(objective, bounds=(lo, hi), method="bounded",
                                     options={"xatol": 1e-9})
    best = min((found.x, lo, hi), key=objective)  # the bounds themselves, for a monotone NLL
    return float(math.exp(best))


def _nll_of_log_t(z: np.ndarray, y: np.ndarray) -> Callable[[float], float]:
    def objective(log_t: float) -> float:
        return nll(z, y, math.exp(float(np.squeeze(log_t))))
    return objective


#: A fitted T within this distance of 1 counts as "about right" (:func:`verdict`).
LEVEL = 0.05


def verdict(temperature: float, level: float = LEVEL) -> str:
    """What a fitted temperature says about a classifier's confidence where it was fitted:
    ``"over"`` (``T > 1``: softening lowers the NLL, so it was over-confident), ``"under"``
    (``T < 1``) or ``"level"`` (within ``level`` of 1).

    >>> verdict(1.32), verdict(0.88), verdict(1.02)
    ('over', 'under', 'level')
    """
    if abs(temperature - 1.0) < level:
        return "level"
    return "over" if temperature > 1.0 else "under"


@dataclass(frozen=True)
class Split:
    """Where the temperature is fitted and where it is measured."""

    fit_z: np.ndarray
    fit_y: np.ndarray
    test_z: np.ndarray
    test_y: np.ndarray
    #: True when there was no validation split: T is fitted on the first half of the test
    #: examples and everything is reported on the second half.
    halved: bool


def split(valid_z: Any, valid_y: Any, test_z: Any, test_y: Any) -> Split:
    """The fitting and reporting examples: the validation split and the test split, or, when
    ``valid_z`` is None, the first ``n // 2`` test examples to fit and the rest to report.

    >>> s = split(None, None, np.zeros((5, 3)), [0, 1, 2, 0, 1])
    >>> len(s.fit_y), len(s.test_y), s.halved
    (2, 3, True)
    """
    tz = _matrix(test_z, "test_z")
    ty = _labels(test_y, *tz.shape)
    if valid_z is None:
        if len(ty) < 2:
            raise _problem("cal_shape", "need at least 2 test examples to split in halves",
                           column="test_z", value=float(len(ty)))
        h = len(ty) // 2
        return Split(tz[:h], ty[:h], tz[h:], ty[h:], True)
    vz = _matrix(valid_z, "valid_z")
    if vz.shape[1] != tz.shape[1]:
        raise _problem("cal_shape", "validation and test logits have different class counts",
                       column="valid_z", value=float(vz.shape[1]))
    return Split(vz, _labels(valid_y, *vz.shape), tz, ty, False)


@dataclass(frozen=True)
class TemperatureReport:
    """Temperature scaling measured on the reporting examples (see :func:`temperature_report`).
    ECE values are fractions; NLL values are in nats."""

    temperature: float
    n_fit: int
    n_test: int
    halved: bool
    accuracy: float
    ece_before: float
    ece_after: float
    nll_before: float
    nll_after: float
    confidence_before: float   #: mean top-class confidence at T = 1
    confidence_after: float


def temperature_report(valid_z: Any, valid_y: Any, test_z: Any, test_y: Any,
                       bins: int = 15, temperature: float | None = None) -> TemperatureReport:
    """Fit ``T`` on the fitting examples of :func:`split` (or take the ``temperature`` given,
    fitted before) and measure, on the reporting examples, accuracy, ECE (``bins`` bins), NLL
    and mean confidence of ``softmax(z)`` and of ``softmax(z / T)``.

    >>> rng = np.random.default_rng(0)
    >>> z = rng.normal(size=(400, 3)) * 4; y = z.argmax(axis=1)
    >>> r = temperature_report(None, None, z, y)
    >>> r.n_fit, r.n_test, r.accuracy, r.temperature < 1    # always right: sharpen
    (200, 200, 1.0, True)
    """
    s = split(valid_z, valid_y, test_z, test_y)
    b = _bins(bins)
    if temperature is None:
        temperature = fit_temperature(s.fit_z, s.fit_y)
    before = losses.softmax(s.test_z, axis=1)
    after = losses.softmax(s.test_z / temperature, axis=1)
    conf_before, right = top_class(before, s.test_y)
    return TemperatureReport(
        temperature=temperature, n_fit=len(s.fit_y), n_test=len(s.test_y), halved=s.halved,
        accuracy=float(right.mean()),
        ece_before=expected_calibration_error(before, s.test_y, b),
        ece_after=expected_calibration_error(after, s.test_y, b),
        nll_before=nll(s.test_z, s.test_y), nll_after=nll(s.test_z, s.test_y, temperature),
        confidence_before=float(conf_before.mean()),
        confidence_after=float(after.max(axis=1).mean()))


def scaled_reliability(logits: Any, labels: Any, temperature: float,
                       bins: int = 15) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`reliability` of ``softmax(z)`` and of ``softmax(z / T)``: the reliability diagram
    before and after temperature scaling.

    >>> z = [[2.0, 0.0], [0.0, 3.0], [1.0, 0.0], [0.0, 0.5]]
    >>> before, after = scaled_reliability(z, [0, 1, 1, 0], 4.0, bins=4)
    >>> before["count"].tolist(), after["count"].tolist()    # T = 4: less confident
    ([0.0, 0.0, 2.0, 2.0], [0.0, 0.0, 4.0, 0.0])
    """
    z = _matrix(logits, "logits")
    if not (math.isfinite(temperature) and temperature > 0):
        raise _problem("out_of_range", "the temperature must be positive", column="T",
                       value=float(temperature), lo=0.0)
    return (reliability(losses.softmax(z, axis=1), labels, bins),
            reliability(losses.softmax(z / temperature, axis=1), labels, bins))


def sigmoid_shares(logits: Any) -> np.ndarray:
    """Per-class sigmoid outputs normalised to sum to 1 in each row: ``σ(z_j) / sum_k σ(z_k)``
    (:func:`lib.costs.sigmoid`), another way to read a distribution from a network trained with
    one sigmoid per class.

    >>> sigmoid_shares([[0.0, 0.0], [40.0, -40.0]]).round(6).tolist()
    [[0.5, 0.5], [1.0, 0.0]]
    """
    s = costs.sigmoid(_matrix(logits, "logits"))
    return s / s.sum(axis=1, keepdims=True)


# ---- proper scoring rules ---------------------------------------------------------------------

#: The three scores of a report q for an outcome y in {0, 1}.
SCORES = ("log", "brier", "absolute")


def _unit(value: Any, name: str) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if not (np.isfinite(arr) & (arr >= 0) & (arr <= 1)).all():
        bad = arr.flat[int(np.flatnonzero(~((arr >= 0) & (arr <= 1)).ravel())[0])]
        raise _problem("out_of_range", f"{name} must lie in [0, 1]", column=name,
                       value=float(bad) if math.isfinite(bad) else None, lo=0.0, hi=1.0)
    return arr


def expected_scores(p: float, q: Any, base: float | None = None) -> dict[str, np.ndarray]:
    """Expected scores of reporting ``q`` for a coin that lands heads (y = 1) with probability
    ``p`` (lower is better), for each ``q`` given:

    ``log``
        ``E[-log q_y] = -p log q - (1 - p) log(1 - q) = H((p, 1-p), (q, 1-q))``, the
        cross-entropy (:func:`lib.info.cross_entropy`) in units of ``base``; ``+inf`` where the
        report calls a possible outcome impossible;
    ``brier``
        the quadratic (Brier) score ``E[(q - y)²] = p (1 - q)² + (1 - p) q²``;
    ``absolute``
        ``E[|q - y|] = p (1 - q) + (1 - p) q``, a straight line in ``q``.

    >>> s = expected_scores(0.7, [0.7, 1.0], base=2)
    >>> [round(float(v), 4) for v in s["log"]], [round(float(v), 4) for v in s["brier"]]
    ([0.8813, inf], [0.21, 0.3])
    """
    pa = float(_unit(p, "p"))
    qa = np.atleast_1d(_unit(q, "q"))
    # H((p, 1-p), (q, 1-q)) for every q at once: the terms of lib.info.cross_entropy, summed in
    # its order (its validation is _unit's here: both pairs are distributions).
    log = -(special.xlogy(pa, qa) + special.xlogy(1 - pa, 1 - qa)) * info.log_factor(base) + 0.0
    return {"log": log, "brier": pa * (1 - qa) ** 2 + (1 - pa) * qa ** 2,
            "absolute": pa * (1 - qa) + (1 - pa) * qa}


def score_minimisers(p: float) -> dict[str, float | None]:
    """The report ``q`` in [0, 1] with the lowest expected score of each rule of
    :func:`expected_scores`, found numerically: a bounded scalar minimiser on (0, 1) and both
    ends compared, the lowest kept (to 12 decimals). ``None`` when the expected score is the
    same for every ``q`` (the absolute error at ``p = 1/2``).

    A *proper* scoring rule is one whose minimiser is ``q = p``: the log loss and the Brier
    score are; the absolute error is not (its minimiser is 0 or 1).

    >>> score_minimisers(0.7)
    {'log': 0.7, 'brier': 0.7, 'absolute': 1.0}
    >>> score_minimisers(0.5)["absolute"] is None
    True
    """
    pa = float(_unit(p, "p"))
    out: dict[str, float | None] = {}
    grid = np.linspace(0.0, 1.0, 11)
    for rule in SCORES:
        def f(q: float, rule: str = rule) -> float:
            return float(expected_scores(pa, float(np.clip(q, 0.0, 1.0)))[rule][0])
        values = [f(q) for q in grid]
        if max(values) - min(values) <= 1e-12:
            out[rule] = None
            continue
        inner = optimize.minimize_scalar(f, bounds=(0.0, 1.0), method="bounded",
                                         options={"xatol": 1e-10}).x
        best = min((0.0, 1.0, float(inner)), key=f)
        out[rule] = round(best, 6) + 0.0
    return out


def best_scores(p: float, base: float | None = None) -> dict[str, tuple[float | None, float]]:
    """Each rule's best report ``q`` (:func:`score_minimisers`; None when every ``q`` scores
    the same) and its expected score there (:func:`expected_scores`, at ``q = 1/2`` when
    None; the log loss in units of ``base``).

    >>> best_scores(0.5)["absolute"], best_scores(0.5, base=2)["log"]
    ((None, 0.5), (0.5, 1.0))
    """
    return {rule: (best, float(expected_scores(p, [0.5 if best is None else best], base)[rule][0]))
            for rule, best in score_minimisers(p).items()}


def run_status(run: Any, costs: Sequence[str]) -> str:
    """What a digits-network run (a finished, stopped or running training of
    :mod:`lib.training`, or None) offers for calibration: ``"none"`` (no run, or not begun),
    ``"training"`` (queued or under way), ``"stopped"`` (stopping or stopped before its last
    epoch), ``"failed"``, ``"no_outputs"`` (finished without every cost's output-layer values
    in ``run.outputs``) or ``"ok"``.

    >>> from types import SimpleNamespace as Run
    >>> run_status(Run(done=True, complete=False, state="running"), ["ce"])
    'training'
    >>> run_status(Run(done=True, complete=True, outputs={"ce": 1}), ["ce", "quadratic"])
    'no_outputs'
    """
    if run is None or not run.done:
        return "none"
    if not run.complete:
        state = getattr(run, "state", "stopped")
        return {"queued": "training", "running": "training", "failed": "failed"}.get(state,
                                                                                     "stopped")
    outputs = getattr(run, "outputs", None)
    return "ok" if outputs and all(c in outputs for c in costs) else "no_outputs"


def digest(runs: dict[str, tuple]) -> str:
    """One key for the numbers of several runs (name -> arrays, each array or None): equal
    numbers, equal keys.

    >>> digest({"a": (np.zeros(2), None)}) == digest({"a": (np.zeros(2), None)})
    True
    """
    h = hashlib.blake2b(digest_size=16)
    for value in (v for arrays in runs.values() for v in arrays):
        h.update(b"none" if value is None else np.ascontiguousarray(value).tobytes())
        h.update(b"|")
    return h.hexdigest()


def fit_temperatures(runs: dict[str, tuple]) -> dict[str, float | ProblemError]:
    """Each run's ``(valid_z, valid_y, test_z, test_y)`` fitted T (:func:`fit_temperature` on
    its fitting examples, :func:`split`), or the problem that prevented it.

    >>> z = np.array([[3.0, 0.0], [0.0, 2.0], [2.0, 0.0], [0.0, 1.0]])
    >>> t = fit_temperatures({"a": (None, None, z, [0, 1, 1, 1]),
    ...                       "b": (None, None, z, [0, 9, 0, 1])})
    >>> t["a"] < 1, t["b"].problems[0].code    # "a" is always right on its fitting half
    (True, 'cal_labels')
    """
    out: dict[str, float | ProblemError] = {}
    for name, arrays in runs.items():
        try:
            s = split(*arrays)
            out[name] = fit_temperature(s.fit_z, s.fit_y)
        except ProblemError as err:
            out[name] = err
    return out


def reports(runs: dict[str, tuple], bins: int,
            temperatures: dict[str, float | ProblemError]) -> dict[str, TemperatureReport |
                                                                  ProblemError]:
    """:func:`temperature_report` of each run ``(valid_z, valid_y, test_z, test_y)`` at its
    fitted temperature, or the problem that prevented it (the fitting's own, kept).

    >>> z = np.array([[2.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, 3.0]])
    >>> r = reports({"a": (None, None, z, [0, 1, 1, 1]), "b": (None, None, z, [0, 9, 0, 1])},
    ...             4, {"a": 1.0, "b": 1.0})
    >>> r["a"].accuracy, r["b"].problems[0].code    # reported on the second half: 1 of 2 right
    (0.5, 'cal_labels')
    """
    out: dict[str, TemperatureReport | ProblemError] = {}
    for name, arrays in runs.items():
        try:
            if isinstance(temperatures[name], ProblemError):
                raise temperatures[name]
            out[name] = temperature_report(*arrays, bins=bins, temperature=temperatures[name])
        except ProblemError as err:
            out[name] = err
    return out


def scaling_worse(r: TemperatureReport) -> bool:
    """Whether dividing by the fitted ``T`` made the reporting examples' ECE (to 3 decimals)
    or NLL worse: ``T`` was fitted on other examples, and with few of them it can be noise.

    >>> scaling_worse(TemperatureReport(1.2, 5, 5, True, 0.8, 0.1, 0.1004, 0.5, 0.4, 0.9, 0.8))
    False
    """
    return round(r.ece_after, 3) > round(r.ece_before, 3) or r.nll_after > r.nll_before


def sigmoid_ece(logits: Any, labels: Any, bins: int = 15) -> float | None:
    """The ECE of :func:`sigmoid_shares` (each output's sigmoid, normalised), or None when
    those shares are no distribution (an output's sigmoid underflows to 0 in every class).

    >>> round(sigmoid_ece([[2.0, 0.0], [0.0, 1.0]], [0, 1], bins=2), 4)
    0.3841
    """
    try:
        return expected_calibration_error(sigmoid_shares(logits), labels, bins)
    except ProblemError:
        return None


@dataclass(frozen=True)
class Distillation:
    """A teacher's targets softened by a temperature (see :func:`distillation`)."""

    at_1: np.ndarray     #: ``softmax(z)``
    at_t: np.ndarray     #: ``softmax(z / T)``
    top: int             #: the teacher's top class
    order: tuple[int, ...]  #: the other classes, most probable first at ``T``
    entropy_1: float     #: entropy of ``softmax(z)``, units of ``base``
    entropy_t: float     #: entropy of ``softmax(z / T)``
    gradient: float      #: the length of the soft loss's gradient on the student's logits
    scaled: float        #: the same × ``T²``


def distillation(teacher: Any, student: Any, temperature: float,
                 base: float | None = None) -> Distillation:
    """The teacher's target at ``T = 1`` and at ``temperature`` (:func:`lib.soft_targets.tempered`),
    its top class and the others in order, both targets' entropies and the length of the soft
    loss's gradient on the student's logits, raw and × ``T²``
    (:func:`lib.soft_targets.gradient_scale`).

    >>> d = distillation([2.0, 1.0, 0.0], [0.0, 0.0, 0.0], 2.0, base=2)
    >>> d.top, d.order, round(float(1 - d.at_t[d.top]), 3), round(d.entropy_t, 3)
    (0, (1, 2), 0.494, 1.472)
    """
    at_1 = soft_targets.tempered(teacher, 1.0)
    at_t = soft_targets.tempered(teacher, temperature)
    top, *order = soft_targets.ranked(at_t)
    g = soft_targets.gradient_scale(student, teacher, [temperature])
    return Distillation(at_1, at_t, top, tuple(order), info.entropy(at_1, base),
                        info.entropy(at_t, base), float(g["gradient"][0]), float(g["scaled"][0]))
