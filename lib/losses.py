"""Classification losses and their gradients with respect to the logits z.

Shapes: a 1-D input is one example (its classes along the axis); a 2-D input is a batch with
examples along axis 0. Every cost sums over classes and, for a batch, averages over examples;
every gradient is the gradient of exactly that number.

From logits nothing is computed as ``log(sigmoid(z))`` or ``log(softmax(z))``: those round to
``log 0`` for large ``|z|``. The stable forms used instead are

* binary cross-entropy ``-[y ln σ(z) + (1-y) ln(1-σ(z))] = ln(1 + e^z) - y z``
  (``numpy.logaddexp(0, z) - y z``);
* categorical cross-entropy ``-sum_j y_j ln softmax(z)_j = logsumexp(z) sum_j y_j - sum_j y_j z_j``
  (``scipy.special.log_softmax``).

Bad input raises :class:`lib.problems.ProblemError` (a ``ValueError``) whose ``problems`` say
what is wrong in codes (``not_number``, ``not_1d``, ``length``, ``not_finite``, ``negative``,
``above_one``, ``sum``) for the app to word; asking for both or neither of ``a`` and
``logits`` is a programming error (``ValueError``).

Conventions: ``0 · ln 0 = 0``; a probability prediction of exactly 0 for a true label gives
``+inf`` (no clamping, unlike PyTorch's ``BCELoss``, which caps ``ln`` at -100).

The binary costs' values and gradients from logits are those of :mod:`lib.costs`, the one
definition of each cost (``Quadratic`` and ``CrossEntropy``: value and output delta) that
``lib.neuron``, ``lib.network`` and ``lib.curves`` use too. Only the cross-entropy of given
*probabilities* is written here with ``xlogy``, because ``a = 0`` or ``1`` has no finite logit.
"""

from __future__ import annotations

import numpy as np
from scipy import special

from lib import costs
from lib.costs import sigmoid
from lib.problems import Problem, ProblemError

__all__ = ["binary_at", "binary_cross_entropy", "binary_cross_entropy_grad",
           "categorical_cross_entropy", "categorical_cross_entropy_grad", "derivation_check",
           "multi_label_terms", "quadratic_cost", "quadratic_cost_grad", "sigmoid", "softmax",
           "wrong_band"]

_SUM_TOLERANCE = 1e-9


def softmax(z, axis=-1):
    """``softmax(z)_j = e^{z_j} / sum_k e^{z_k}`` along ``axis``; the maximum is subtracted
    first, so logits of any finite size (1e4 and beyond) neither overflow nor give NaN.

    >>> softmax([2.5, -1.0, 3.2, 0.5]).round(4).tolist()
    [0.3145, 0.0095, 0.6334, 0.0426]
    """
    return special.softmax(np.asarray(z, dtype=float), axis=axis)


# ---- validation -----------------------------------------------------------------------------

def _array(x, name):
    try:
        arr = np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        raise ProblemError(Problem("not_number", column=name),
                           f"{name} must contain numbers only") from None
    if arr.ndim not in (1, 2) or arr.size == 0:
        raise ProblemError(Problem("not_1d", column=name),
                           f"{name} must be a non-empty 1-D (one example) or 2-D (batch) array, "
                           f"got shape {arr.shape}")
    return arr


def _same_shape(y, other, name):
    if y.shape != other.shape:
        raise ProblemError(Problem("length", column=name),
                           f"y and {name} must have the same shape, got {y.shape} and "
                           f"{other.shape}")


def _finite(arr, name):
    bad = ~np.isfinite(arr)
    if bad.any():
        i = tuple(int(v) for v in np.argwhere(bad)[0])
        raise ProblemError(Problem("not_finite", column=name, row=i[-1]),
                           f"{name}{list(i)} is not finite ({arr[i]})")


def _unit_interval(arr, name):
    _finite(arr, name)
    bad = (arr < 0) | (arr > 1)
    if bad.any():
        i = tuple(int(v) for v in np.argwhere(bad)[0])
        code = "negative" if arr[i] < 0 else "above_one"
        raise ProblemError(Problem(code, column=name, row=i[-1], value=float(arr[i])),
                           f"{name}{list(i)} = {arr[i]:g} is not a probability in [0, 1]")


def _rows_sum_to_one(arr, name):
    sums = arr.sum(axis=-1)
    bad = np.abs(sums - 1.0) > _SUM_TOLERANCE
    if np.any(bad):
        where = "" if arr.ndim == 1 else f" (example {int(np.argmax(bad))})"
        total = float(np.atleast_1d(sums)[np.argmax(np.atleast_1d(bad))])
        raise ProblemError(Problem("sum", column=name, value=total),
                           f"{name} must be one-hot or a distribution over classes summing to 1"
                           f"{where}; it sums to {total:g}")


def _inputs(y, a, logits):
    if (a is None) == (logits is None):
        raise ValueError("give exactly one of a (probabilities) or logits")
    y = _array(y, "y")
    _unit_interval(y, "y")
    if a is not None:
        a = _array(a, "a")
        _same_shape(y, a, "a")
        _unit_interval(a, "a")
        return y, a, None
    z = _array(logits, "logits")
    _same_shape(y, z, "logits")
    _finite(z, "logits")
    return y, None, z


def _logits_and_targets(logits, y):
    y = _array(y, "y")
    z = _array(logits, "logits")
    _same_shape(y, z, "logits")
    _finite(z, "logits")
    _unit_interval(y, "y")
    return z, y


def _reduce(per_class):
    """Sum over classes; mean over the batch for 2-D input."""
    per_example = per_class.sum(axis=-1)
    return float(np.mean(per_example)) if per_class.ndim == 2 else float(per_example)


def _batch_scale(arr):
    return 1.0 / arr.shape[0] if arr.ndim == 2 else 1.0


# ---- costs ------------------------------------------------------------------------------------

def quadratic_cost(a, y):
    """Quadratic cost ``C = ½ sum_j (a_j - y_j)²`` (mean over the batch for 2-D input).

    >>> round(quadratic_cost([0.8, 0.1], [1.0, 0.0]), 12)
    0.025
    """
    y = _array(y, "y")
    a = _array(a, "a")
    _same_shape(y, a, "a")
    _finite(a, "a")
    _finite(y, "y")
    return _reduce(costs.Quadratic.value(None, a, y))


def binary_cross_entropy(y, a=None, *, logits=None):
    """Binary cross-entropy summed over classes (one independent sigmoid per class):
    ``C = -sum_j [y_j ln a_j + (1 - y_j) ln(1 - a_j)]``, mean over the batch for 2-D input.

    Give the predicted probabilities ``a`` or the ``logits`` z (then ``a = σ(z)`` is never
    formed). Targets ``y`` may be any numbers in [0, 1]. ``a_j = 0`` with ``y_j > 0`` gives
    ``+inf``. The multi-label example (rice 1/0.8, pumpkin 1/0.9, green 0/0.1):

    >>> round(binary_cross_entropy([1, 1, 0], [0.8, 0.9, 0.1]), 5)
    0.43386
    """
    y, a, z = _inputs(y, a, logits)
    if z is not None:
        return _reduce(costs.CrossEntropy.value(z, None, y))
    return _reduce(-(special.xlogy(y, a) + special.xlogy(1.0 - y, 1.0 - a)))


def categorical_cross_entropy(y, a=None, *, logits=None):
    """Categorical cross-entropy ``C = -sum_j y_j ln a_j`` with ``a = softmax(z)``, mean over
    the batch for 2-D input.

    ``y`` must be one-hot or, more generally, a distribution over the classes (each row sums
    to 1); ``a`` must be probabilities summing to 1. From ``logits`` it uses
    ``log_softmax``, so logits of ±1e4 give exact, finite answers.

    >>> round(categorical_cross_entropy([0, 1, 0], [0.2, 0.7, 0.1]), 5)
    0.35667
    """
    y, a, z = _inputs(y, a, logits)
    _rows_sum_to_one(y, "y")
    if z is not None:
        return _reduce(-y * special.log_softmax(z, axis=-1))
    _rows_sum_to_one(a, "a")
    return _reduce(-special.xlogy(y, a))


# ---- gradients with respect to z --------------------------------------------------------------

def quadratic_cost_grad(logits, y):
    """``∂C/∂z`` of :func:`quadratic_cost` with ``a = σ(z)``: ``(a - y) σ'(z)``, where
    ``σ'(z) = a(1 - a)`` (divided by the batch size for 2-D input). This factor is what
    vanishes when a sigmoid output saturates at the wrong extreme.

    >>> round(float(quadratic_cost_grad([4.0], [0.0])[0]), 4)
    0.0173
    """
    z, y = _logits_and_targets(logits, y)
    return costs.Quadratic.delta(z, costs.sigmoid(z), y) * _batch_scale(z)


def binary_cross_entropy_grad(logits, y):
    """``∂C/∂z`` of :func:`binary_cross_entropy`: ``σ(z) - y`` (divided by the batch size for
    2-D input). No ``σ'(z)`` factor: the error itself drives learning.

    >>> round(float(binary_cross_entropy_grad([4.0], [0.0])[0]), 4)
    0.982
    """
    z, y = _logits_and_targets(logits, y)
    return costs.CrossEntropy.delta(z, costs.sigmoid(z), y) * _batch_scale(z)


def categorical_cross_entropy_grad(logits, y):
    """``∂C/∂z_j`` of :func:`categorical_cross_entropy` with softmax outputs:
    ``softmax(z)_j - y_j`` (divided by the batch size for 2-D input). Needs ``sum_j y_j = 1``.

    >>> categorical_cross_entropy_grad([0.0, 0.0], [1.0, 0.0]).tolist()
    [-0.5, 0.5]
    """
    z, y = _logits_and_targets(logits, y)
    _rows_sum_to_one(y, "y")
    return (special.softmax(z, axis=-1) - y) * _batch_scale(z)


# ---- the loss page's worked examples ----------------------------------------------------------

def binary_at(a: float, y: float) -> tuple[dict[str, float], dict[str, float]]:
    """Both costs of one sigmoid output at prediction ``a`` in (0, 1) for target ``y``, and
    their gradients with respect to ``z = ln(a / (1 - a))``: ``({"cross_entropy": C_CE,
    "quadratic": C_quad}, {"cross_entropy": a - y, "quadratic": (a - y) a (1 - a)})``.

    At the wrong extreme the quadratic gradient all but vanishes; cross-entropy's does not:

    >>> costs_, grads = binary_at(0.99, 0)
    >>> round(costs_["cross_entropy"], 4), round(grads["cross_entropy"], 4), f"{grads['quadratic']:.2e}"
    (4.6052, 0.99, '9.80e-03')
    """
    z = float(np.log(a / (1 - a)))
    cost_now = {"cross_entropy": binary_cross_entropy([y], [a]),
                "quadratic": quadratic_cost([a], [y])}
    grad_now = {"cross_entropy": float(binary_cross_entropy_grad([z], [y])[0]),
                "quadratic": float(quadratic_cost_grad([z], [y])[0])}
    return cost_now, grad_now


def wrong_band(y: float) -> tuple[float, float]:
    """The predictions ``a`` that are confidently wrong for target ``y`` (0 or 1): the last
    fifth of the way to the wrong extreme.

    >>> wrong_band(0), wrong_band(1)
    ((0.8, 1.0), (0.0, 0.2))
    """
    return (0.8, 1.0) if y == 0 else (0.0, 0.2)


def multi_label_terms(y, a) -> np.ndarray:
    """Each class's term of :func:`binary_cross_entropy` for targets ``y`` and probabilities
    ``a``: ``-[y_j ln a_j + (1 - y_j) ln(1 - a_j)]``, with ``0 · ln 0 = 0`` and ``+inf`` for a
    certain wrong prediction. Their sum is the multi-label loss.

    >>> multi_label_terms([1, 1, 0], [0.8, 0.9, 0.1]).round(4).tolist()
    [0.2231, 0.1054, 0.1054]
    >>> multi_label_terms([1, 0], [0.0, 0.0]).tolist()
    [inf, 0.0]
    """
    y, a, _ = _inputs(y, a, None)
    return 0.0 - (special.xlogy(y, a) + special.xlogy(1.0 - y, 1.0 - a))  # 0.0, never -0.0


def derivation_check(a: float, y: float, h: float = 1e-6) -> dict[str, float]:
    """The derivation's check at ``a`` in (0, 1), target ``y``: ``dC/da`` of the derived cost
    ``C = -[y ln a + (1 - y) ln(1 - a)]`` by central differences (step ``h``), the formula
    ``(a - y) / (a (1 - a))``, and ``dC/db = dC/da · a(1 - a)``, which is ``a - y``.

    >>> {k: round(v, 6) for k, v in derivation_check(0.3, 1.0).items()}
    {'numeric': -3.333333, 'formula': -3.333333, 'db': -0.7}
    """
    def cost(v):
        return -(special.xlogy(y, v) + special.xlogy(1 - y, 1 - v))
    formula = (a - y) / (a * (1 - a))
    return {"numeric": float((cost(a + h) - cost(a - h)) / (2 * h)), "formula": formula,
            "db": formula * a * (1 - a)}
