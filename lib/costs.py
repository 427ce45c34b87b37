"""The two costs of a sigmoid output, each defined once: its value and its output delta.

Nielsen's ``network2.py`` design. For an output ``a = σ(z)`` with target ``y`` (any number in
[0, 1]), a cost object has two element-wise static methods, both taking ``(z, a, y)`` so that a
caller who already has ``a`` never computes it twice:

``value(z, a, y)``
    the cost of each output, in nats for cross-entropy (callers sum over classes and average
    over examples as they need);
``delta(z, a, y)``
    ``∂C/∂z`` of each output, the error that backpropagation starts from.

The two deltas differ in one factor::

    Quadratic.delta    = (a - y) σ'(z)     # σ'(z) = a (1 - a): tiny when a is near 0 or 1
    CrossEntropy.delta = (a - y)           # σ'(z) cancelled: the error alone drives learning

Conventions: ``σ'(z)`` is computed as ``a σ(-z)``, which keeps its relative accuracy when the
output saturates (``a (1 - a)`` rounds to 0 once ``a`` rounds to 1, near ``z = 37``); the
cross-entropy value is computed from ``z`` as ``ln(1 + e^z) - y z``, which never takes the log of a
rounded 0. Both keep the input's float dtype (float32 stays float32). ``lib.neuron``,
``lib.network``, ``lib.losses`` and ``lib.curves`` all use these two objects.

>>> import numpy as np
>>> z = np.log(0.7 / 0.3)          # a = 0.7
>>> a = float(sigmoid(z))
>>> round(float(CrossEntropy.value(z, a, 1.0)), 5), round(float(CrossEntropy.delta(z, a, 1.0)), 5)
(0.35667, -0.3)
>>> round(float(Quadratic.value(z, a, 1.0)), 5), round(float(Quadratic.delta(z, a, 1.0)), 5)
(0.045, -0.063)
"""

from __future__ import annotations

import numpy as np
from scipy.special import expit

__all__ = ["COSTS", "CrossEntropy", "Quadratic", "get", "sigmoid", "sigmoid_prime"]


def sigmoid(z):
    """``σ(z) = 1 / (1 + e^{-z})`` (``scipy.special.expit``: no overflow for any ``z``).

    >>> sigmoid(np.array([0.0, 1e4, -1e4])).tolist()
    [0.5, 1.0, 0.0]
    """
    return expit(z)


def sigmoid_prime(z, a=None):
    """``σ'(z) = σ(z) (1 - σ(z)) = σ(z) σ(-z)``; pass ``a = σ(z)`` when it is at hand.

    Written as ``σ(z) σ(-z)`` so that it stays accurate for large ``|z|`` (``σ'(40) ≈ 4.2e-18``
    where ``a (1 - a)`` would give 0).

    >>> float(sigmoid_prime(0.0)), float(sigmoid_prime(40.0)) > 0
    (0.25, True)
    """
    return (expit(z) if a is None else a) * expit(-z)


class Quadratic:
    """Quadratic cost (mean squared error, up to the factor ½):
    ``C = ½ (a - y)²``, ``∂C/∂z = (a - y) σ'(z)``."""

    name = "quadratic"

    @staticmethod
    def value(z, a, y):
        return 0.5 * (a - y) ** 2

    @staticmethod
    def delta(z, a, y):
        return (a - y) * sigmoid_prime(z, a)


class CrossEntropy:
    """Binary cross-entropy ``C = -[y ln a + (1 - y) ln(1 - a)] = ln(1 + e^z) - y z``,
    ``∂C/∂z = a - y``."""

    name = "cross_entropy"

    @staticmethod
    def value(z, a, y):
        return np.logaddexp(0, z) - y * z

    @staticmethod
    def delta(z, a, y):
        return a - y


COSTS = {c.name: c for c in (Quadratic, CrossEntropy)}


def get(cost):
    """The cost object for a name (``"quadratic"`` or ``"cross_entropy"``) or the object itself.

    >>> get("quadratic") is Quadratic
    True
    """
    if isinstance(cost, str):
        try:
            return COSTS[cost]
        except KeyError:
            raise ValueError(f"cost must be one of {sorted(COSTS)}, got {cost!r}") from None
    if not (hasattr(cost, "value") and hasattr(cost, "delta")):
        raise ValueError(f"a cost needs value() and delta(), got {cost!r}")
    return cost
