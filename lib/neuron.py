"""One sigmoid neuron trained by gradient descent: the learning slowdown, reproduced.

The neuron computes ``a = σ(z)`` with ``z = w x + b`` and learns to output ``y`` for the single
input ``x`` (Nielsen, *Neural Networks and Deep Learning*, chapter 3: ``x = 1, y = 0``). Each cost
is a small object with its value and its output delta ``∂C/∂z``; the chain rule then gives
``∂C/∂w = x ∂C/∂z`` and ``∂C/∂b = ∂C/∂z``. The two losses differ in one line:

    QuadraticCost.delta    = (a - y) σ'(z)      # σ'(z) = a(1 - a) is tiny when a is near 0 or 1
    CrossEntropyCost.delta = (a - y)            # σ'(z) cancelled: the error alone drives learning

Everything is computed from ``z`` in stable forms (``expit``, ``logaddexp``), so any start in
[-50, 50], learning rates up to 100 and thousands of epochs give finite numbers and no warnings.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import expit

__all__ = ["COSTS", "BookDemoRule", "CrossEntropyCost", "QuadraticCost", "epochs_to_reach",
           "sigmoid_prime", "train", "train_many"]

#: Exponent cap for the book demo's rule only: e**500 is finite, and beyond it the rule is
#: already taking absurd steps; the cap keeps those steps finite instead of inf.
_EXP_CAP = 500.0


def sigmoid_prime(z):
    """``σ'(z) = σ(z) (1 - σ(z)) = σ(z) σ(-z)``, without cancellation for large ``|z|``.

    >>> float(sigmoid_prime(0.0))
    0.25
    """
    return expit(z) * expit(-z)


class QuadraticCost:
    """``C = (a - y)² / 2``; ``∂C/∂z = (a - y) σ'(z)``."""

    name = "quadratic"

    @staticmethod
    def value(z, y):
        return 0.5 * (expit(z) - y) ** 2

    @staticmethod
    def delta(z, y):
        return (expit(z) - y) * sigmoid_prime(z)


class CrossEntropyCost:
    """``C = -[y ln a + (1 - y) ln(1 - a)]``; ``∂C/∂z = a - y``.

    The value is computed from ``z`` as ``ln(1 + e^z) - y z``, which is exact and never takes
    the log of a rounded 0: ``a = 1 - 1e-20`` would round to 1 and give ``ln 0``.

    >>> round(float(CrossEntropyCost.value(np.log(0.7 / 0.3), 1.0)), 5)   # a = 0.7, y = 1
    0.35667
    """

    name = "cross_entropy"

    @staticmethod
    def value(z, y):
        return np.logaddexp(0.0, z) - y * z

    @staticmethod
    def delta(z, y):
        return expit(z) - y


class BookDemoRule(CrossEntropyCost):
    """The update rule of the book's interactive cross-entropy demo, kept for comparison.

    Those demos stepped with ``∂C/∂a = (a - y) / (a (1 - a))`` (``1 / (1 - a)`` for ``y = 0``)
    where the chain rule asks for ``∂C/∂z = ∂C/∂a · σ'(z) = a - y``. The value reported is the
    cross-entropy; only the step differs. ``(a - y)/(a(1 - a)) = (1 - y)(1 + e^z) - y(1 + e^-z)``.
    """

    name = "book_demo"

    @staticmethod
    def delta(z, y):
        return ((1.0 - y) * (1.0 + np.exp(np.minimum(z, _EXP_CAP)))
                - y * (1.0 + np.exp(np.minimum(-z, _EXP_CAP))))


COSTS = {c.name: c for c in (QuadraticCost, CrossEntropyCost, BookDemoRule)}


def _cost(cost):
    try:
        return COSTS[cost] if isinstance(cost, str) else cost
    except KeyError:
        raise ValueError(f"cost must be one of {sorted(COSTS)}, got {cost!r}") from None


def _check(eta, epochs, x, y):
    if not (np.isfinite(eta) and eta > 0):
        raise ValueError(f"eta must be a positive number, got {eta!r}")
    if int(epochs) != epochs or epochs < 0:
        raise ValueError(f"epochs must be a whole number >= 0, got {epochs!r}")
    if not np.isfinite(x):
        raise ValueError(f"x must be finite, got {x!r}")
    if not 0.0 <= y <= 1.0:
        raise ValueError(f"y must lie in [0, 1], got {y!r}")


def train_many(w0, b0, *, cost, eta, epochs, x=1.0, y=0.0) -> dict[str, np.ndarray]:
    """Train many neurons at once, one per starting point ``(w0[i], b0[i])``.

    Plain gradient descent, ``w ← w - η x ∂C/∂z`` and ``b ← b - η ∂C/∂z``, all starts updated
    together in one numpy loop over epochs. Returns arrays of shape ``(epochs + 1, n)`` under
    ``w, b, z, a, cost, dC_dw, dC_db``; row ``k`` is the state after ``k`` updates and the
    gradient at that state.
    """
    c = _cost(cost)
    _check(eta, epochs, x, y)
    w = np.atleast_1d(np.asarray(w0, dtype=float)).copy()
    b = np.atleast_1d(np.asarray(b0, dtype=float)).copy()
    w, b = np.broadcast_arrays(w, b)
    w, b = w.copy(), b.copy()
    out = {k: np.empty((epochs + 1, w.size)) for k in ("w", "b", "z", "a", "cost", "dC_dw",
                                                        "dC_db")}
    for k in range(epochs + 1):
        z = w * x + b
        delta = c.delta(z, y)
        out["w"][k], out["b"][k], out["z"][k] = w, b, z
        out["a"][k], out["cost"][k] = expit(z), c.value(z, y)
        out["dC_dw"][k], out["dC_db"][k] = x * delta, delta
        w = w - eta * x * delta
        b = b - eta * delta
    return out


def train(w0, b0, *, cost, eta, epochs, x=1.0, y=0.0) -> pd.DataFrame:
    """Train one sigmoid neuron; one row per epoch (row 0 is the start).

    Columns ``epoch, w, b, z, a, cost, dC_dw, dC_db``. ``cost`` is ``"quadratic"``,
    ``"cross_entropy"`` or ``"book_demo"`` (:class:`BookDemoRule`).

    Nielsen's badly wrong start, ``w = b = 2``, ``η = 0.15``: the quadratic cost barely moves
    for 150 epochs, cross-entropy is done long before.

    >>> q = train(2.0, 2.0, cost="quadratic", eta=0.15, epochs=300)
    >>> ce = train(2.0, 2.0, cost="cross_entropy", eta=0.15, epochs=300)
    >>> [round(float(v), 4) for v in (q.a[150], q.a[300], ce.a[150], ce.a[300])]
    [0.9334, 0.2028, 0.0257, 0.012]
    """
    runs = train_many(w0, b0, cost=cost, eta=eta, epochs=epochs, x=x, y=y)
    frame = pd.DataFrame({k: v[:, 0] for k, v in runs.items()})
    frame.insert(0, "epoch", np.arange(epochs + 1))
    return frame


def epochs_to_reach(w0, b0, *, cost, eta, epochs, threshold=0.1, x=1.0, y=0.0) -> np.ndarray:
    """For each start, the first epoch at which ``|a - y| < threshold``; -1 if not within
    ``epochs``. Vectorised like :func:`train_many` but keeps no history, so an 81 × 81 grid of
    starts over thousands of epochs stays small in memory.

    >>> epochs_to_reach([0.6, 2.0], [0.9, 2.0], cost="quadratic", eta=0.15, epochs=300).tolist()
    [273, -1]
    """
    c = _cost(cost)
    _check(eta, epochs, x, y)
    w, b = np.broadcast_arrays(np.asarray(w0, dtype=float), np.asarray(b0, dtype=float))
    shape = w.shape
    w, b = w.ravel().copy(), b.ravel().copy()
    first = np.full(w.size, -1, dtype=np.int64)
    for k in range(epochs + 1):
        z = w * x + b
        done = (first < 0) & (np.abs(expit(z) - y) < threshold)
        first[done] = k
        if k == epochs or (first >= 0).all():
            break
        delta = c.delta(z, y)
        w = w - eta * x * delta
        b = b - eta * delta
    return first.reshape(shape)
