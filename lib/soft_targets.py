"""Targets that are not one-hot: label smoothing and distillation.

Cross-entropy with any target distribution P splits as ``H(P, Q) = H(P) + KL(P‖Q)``
(:mod:`lib.info`): the loss is lowest where ``KL(P‖Q) = 0``, at ``Q = P``, and that lowest value
is ``H(P)``. With a one-hot P that optimum needs a softmax output of exactly 1, i.e. logits
infinitely far apart; a soft target is reached at finite logits.

* **Label smoothing** (Szegedy et al. 2016; Müller, Kornblith & Hinton 2019): the target
  ``P = (1 - ε) one-hot + ε / K`` over ``K`` classes (:func:`smoothed_target`). A softmax whose
  true-class logit is ``g`` above ``K - 1`` equal others gives ``Q_g`` (:func:`gap_output`);
  ``Q_g = P`` at the finite gap ``g* = ln((1 - ε + ε/K) / (ε/K))`` (:func:`optimal_gap`,
  ``+inf`` at ``ε = 0``).
* **Distillation** (Hinton, Vinyals & Dean 2015): the target is a teacher's
  ``softmax(z / T)`` (:func:`tempered`); the student's soft loss ``H(softmax(z/T),
  softmax(v/T))`` has gradient ``(softmax(v/T) - softmax(z/T)) / T`` with respect to the
  student's logits ``v`` (:func:`soft_loss_gradient`), which for large ``T`` shrinks like
  ``1/T²``; so the soft loss is multiplied by ``T²`` to keep its share of the gradient.

Logits are in nats (natural-log odds) whatever the unit of the losses; ``base`` (None: nats)
sets the units of entropies and cross-entropies. Bad input raises
:class:`lib.problems.ProblemError` with code ``out_of_range`` (``column`` names the input:
``k``, ``eps``, ``gap``, ``T``) or ``not_finite`` (logits).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from lib import info, losses
from lib.problems import Problem, ProblemError

__all__ = ["EXAMPLE_STUDENT", "EXAMPLE_TEACHER", "MAX_CLASSES", "Smoothing",
           "gap_output", "gradient_scale", "optimal_gap", "ranked", "smoothed_target",
           "smoothing_at",
           "smoothing_curve", "soft_loss_gradient", "tempered"]

MAX_CLASSES = 1000
#: A teacher's logits for one image of a 7, over the digits 0 … 9 (made-up numbers, chosen so
#: that 9 and 1 look most like the 7): the distillation example.
EXAMPLE_TEACHER = (-1.0, 2.5, 1.0, 0.5, -2.0, -0.5, -3.0, 9.0, 0.0, 3.0)
#: A student's logits for the same image early in training (all equal: it knows nothing yet).
EXAMPLE_STUDENT = (0.0,) * 10


def _range(value: Any, name: str, lo: float, hi: float) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ProblemError([Problem("out_of_range", column=name, lo=lo, hi=hi)],
                           f"{name} must be a number") from None
    if not (math.isfinite(x) and lo <= x <= hi):
        raise ProblemError([Problem("out_of_range", column=name,
                                    value=x if math.isfinite(x) else None, lo=lo, hi=hi)],
                           f"{name} must lie in [{lo:g}, {hi:g}], got {x!r}")
    return x


def _classes(k: Any) -> int:
    x = _range(k, "k", 2, MAX_CLASSES)
    if not x.is_integer():
        raise ProblemError([Problem("out_of_range", column="k", value=x, lo=2, hi=MAX_CLASSES)],
                           "k must be a whole number")
    return int(x)


def _logits(values: Any, name: str) -> np.ndarray:
    arr = np.asarray(values, dtype=float)
    if arr.ndim != 1 or arr.size < 2 or not np.isfinite(arr).all():
        raise ProblemError([Problem("not_finite", column=name)],
                           f"{name} must be two or more finite logits")
    return arr


def smoothed_target(k: int, eps: float, true: int = 0) -> np.ndarray:
    """Label smoothing's target over ``k`` classes: ``P = (1 - ε) one-hot + ε / k``, the
    one-hot at class ``true``. ``ε = 0`` is the one-hot label itself; ``ε = 1`` is uniform.

    >>> smoothed_target(4, 0.2).round(12).tolist()
    [0.85, 0.05, 0.05, 0.05]
    """
    k, e = _classes(k), _range(eps, "eps", 0.0, 1.0)
    if not (isinstance(true, (int, np.integer)) and 0 <= true < k):
        raise ProblemError([Problem("out_of_range", column="true", lo=0, hi=k - 1)],
                           f"true must be a class 0 … {k - 1}")
    p = np.full(k, e / k)
    p[true] += 1.0 - e
    return p


def gap_output(k: int, gap: float) -> np.ndarray:
    """The softmax output over ``k`` classes when class 0's logit is ``gap`` above the other
    ``k - 1``, which are equal: ``q_0 = e^g / (e^g + k - 1)``, the rest share ``1 - q_0``
    (:func:`lib.losses.softmax`).

    >>> gap_output(3, math.log(2)).tolist()
    [0.5, 0.25, 0.25]
    """
    k = _classes(k)
    g = _range(gap, "gap", -1e4, 1e4)
    z = np.zeros(k)
    z[0] = g
    return losses.softmax(z)


def optimal_gap(k: int, eps: float) -> float:
    """The logit gap at which :func:`gap_output` equals :func:`smoothed_target` (class 0):
    ``g* = ln((1 - ε + ε/k) / (ε/k))``; ``+inf`` at ``ε = 0`` (a one-hot target is reached only
    in the limit), 0 at ``ε = 1`` (uniform target). Nats, like every logit.

    >>> round(optimal_gap(10, 0.1), 6)      # ln(0.91 / 0.01) = ln 91
    4.51086
    >>> optimal_gap(10, 0.0)
    inf
    """
    k, e = _classes(k), _range(eps, "eps", 0.0, 1.0)
    if e == 0.0:
        return math.inf
    return math.log((1.0 - e + e / k) / (e / k))


@dataclass(frozen=True)
class Smoothing:
    """The cross-entropy of a smoothed target P against the softmax output at one gap, and
    its two parts: ``ce = entropy + kl`` (in the units asked for)."""

    entropy: float   #: H(P): the lowest loss any output can reach
    ce: float        #: H(P, Q_g)
    kl: float        #: KL(P‖Q_g)


def smoothing_at(k: int, eps: float, gap: float, base: float | None = None) -> Smoothing:
    """``H(P)``, ``H(P, Q_g)`` and ``KL(P‖Q_g)`` for the smoothed target ``P`` of ``k`` classes
    and the output ``Q_g`` at logit gap ``g`` (:func:`lib.info.entropy`,
    :func:`lib.info.cross_entropy`, :func:`lib.info.kl_divergence`).

    >>> s = smoothing_at(10, 0.1, optimal_gap(10, 0.1), base=2)
    >>> round(s.ce, 6) == round(s.entropy, 6), round(s.kl, 9)
    (True, 0.0)
    """
    p, q = smoothed_target(k, eps), gap_output(k, gap)
    return Smoothing(info.entropy(p, base), info.cross_entropy(p, q, base),
                     info.kl_divergence(p, q, base))


def smoothing_curve(k: int, eps: float, gaps: Any, base: float | None = None) -> pd.DataFrame:
    """``H(P, Q_g)`` for each gap ``g`` in ``gaps``, for the smoothed target with ``eps`` and for
    the one-hot target (ε = 0): columns ``gap``, ``smoothed``, ``one_hot``. The one-hot curve
    ``ln(1 + (k - 1) e^{-g})`` falls forever; the smoothed one has its minimum ``H(P)`` at
    :func:`optimal_gap`.

    >>> c = smoothing_curve(10, 0.1, [0.0, 20.0], base=2)
    >>> [round(v, 4) for v in c["one_hot"]], round(float(c["smoothed"][1]), 4)
    ([3.3219, 0.0], 2.5969)
    """
    p, one_hot = smoothed_target(k, eps), smoothed_target(k, 0.0)
    rows = [(g, info.cross_entropy(p, q, base), info.cross_entropy(one_hot, q, base))
            for g, q in ((float(g), gap_output(k, g)) for g in np.asarray(gaps, dtype=float))]
    return pd.DataFrame(rows, columns=["gap", "smoothed", "one_hot"])


def tempered(logits: Any, temperature: float) -> np.ndarray:
    """A teacher's soft target at temperature ``T``: ``softmax(z / T)``. ``T = 1`` is the
    teacher's own output; larger ``T`` spreads it toward uniform, keeping the order of the
    classes.

    >>> tempered([2.0, 0.0], 1.0).round(4).tolist(), tempered([2.0, 0.0], 2.0).round(4).tolist()
    ([0.8808, 0.1192], [0.7311, 0.2689])
    """
    z = _logits(logits, "logits")
    t = _range(temperature, "T", 1e-3, 1e4)
    return losses.softmax(z / t)


def ranked(probs: Any) -> list[int]:
    """The classes from most to least probable, ties in class order. Tempering
    (:func:`tempered`) never changes it: ``softmax(z / T)`` keeps the order of ``z``.

    >>> ranked([0.1, 0.6, 0.1, 0.2]), ranked(tempered([1.0, 3.0, 1.0, 2.0], 5.0))
    ([1, 3, 0, 2], [1, 3, 0, 2])
    """
    return [int(i) for i in np.argsort(-np.asarray(probs, dtype=float), kind="stable")]


def soft_loss_gradient(student: Any, teacher: Any, temperature: float) -> np.ndarray:
    """``∂/∂v`` of the soft loss ``H(softmax(z/T), softmax(v/T))`` (nats) for student logits
    ``v`` and teacher logits ``z``: ``(softmax(v/T) - softmax(z/T)) / T``
    (:func:`lib.losses.categorical_cross_entropy_grad` at ``v/T``, times ``1/T`` by the chain
    rule). Zero when ``v = z + c`` for any constant ``c``: the loss rewards matching the teacher's
    logits up to a shift. For large ``T`` and logits of mean 0, about ``(v - z) / (K T²)``.

    >>> soft_loss_gradient([0.0, 0.0], [2.0, 0.0], 1.0).round(4).tolist()
    [-0.3808, 0.3808]
    """
    v, z = _logits(student, "student"), _logits(teacher, "teacher")
    if v.shape != z.shape:
        raise ProblemError([Problem("length", column="student", value=float(z.size))],
                           "student and teacher need the same number of classes")
    t = _range(temperature, "T", 1e-3, 1e4)
    return losses.categorical_cross_entropy_grad(v / t, tempered(z, t)) / t


def gradient_scale(student: Any, teacher: Any, temperatures: Any) -> pd.DataFrame:
    """The length of :func:`soft_loss_gradient` at each temperature, as is (``gradient``) and
    multiplied by ``T²`` (``scaled``): columns ``T``, ``gradient``, ``scaled``. The first falls
    like ``1/T²`` once ``T`` is large; the second levels off.

    >>> g = gradient_scale(EXAMPLE_STUDENT, EXAMPLE_TEACHER, [100.0, 1000.0])
    >>> ratio = g["gradient"] / g["gradient"][1]
    >>> round(float(ratio[0])), round(float(g["scaled"][1] / g["scaled"][0]), 2)
    (102, 0.98)
    """
    temps = np.asarray(temperatures, dtype=float)
    norms = np.array([np.linalg.norm(soft_loss_gradient(student, teacher, t)) for t in temps])
    return pd.DataFrame({"T": temps, "gradient": norms, "scaled": norms * temps ** 2})
