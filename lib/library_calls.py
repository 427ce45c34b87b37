"""What scipy, PyTorch and TensorFlow return for the loss page's examples, as runnable calls.

Each :class:`Call` pairs a line of Python, printed on the page exactly as it runs, with the value
that the real library returns for it. The names the calls use are defined by :func:`setup_code`
(shown above the table)::

    import numpy as np, scipy, torch
    import torch.nn as nn, torch.nn.functional as F
    import tensorflow as tf
    torch.set_default_dtype(torch.float64)
    z = torch.tensor([2.5, -1.0, 3.2, 0.5])
    target = torch.tensor(2)
    y = torch.eye(4)[target]
    a = z.softmax(0)

``torch.set_default_dtype(torch.float64)`` makes PyTorch compute in NumPy's precision, so the
values below agree with the real ones to about 1e-15 (with PyTorch's default float32 they agree
to about 1e-7). The multi-label calls write the table's numbers as literals, so they need no
other names.

scipy is a dependency of this app and is called for real. PyTorch and TensorFlow are not: their
values are reproduced here with NumPy, following each library's own formulas (checked against
PyTorch 2.13 and TensorFlow 2.21 by ``tests/test_library_calls.py``, which evaluates every
printed call under the real libraries):

* ``F.cross_entropy(x, target)`` on a 1-D ``x`` is ``-log_softmax(x)[target]``;
* ``F.kl_div(input, target, reduction)`` sums ``target (ln target - input)`` (``0 ln 0 = 0``)
  and divides by the number of elements for ``'mean'`` and by ``input.size(0)`` for
  ``'batchmean'``: 4 for a 1-D tensor of 4 classes, 1 for a batch of one;
* ``nn.BCELoss`` is ``-[y max(ln a, -100) + (1 - y) max(ln(1 - a), -100)]`` per element (the
  log is clamped at -100), averaged over every element by default (``reduction='mean'``);
* ``nn.BCEWithLogitsLoss`` / ``F.binary_cross_entropy_with_logits`` is ``(1 - y) x - ln σ(x)``
  per element, with ``ln σ(x) = min(x, 0) - ln(1 + e^{-|x|})``;
* ``tf.nn.sigmoid_cross_entropy_with_logits`` is ``max(x, 0) - x y + ln(1 + e^{-|x|})`` per
  element (it returns one value per element; the page shows ``tf.reduce_sum`` of them).

Infinite logits (a probability of exactly 0 or 1 passed through ``logit``) follow IEEE
arithmetic exactly as the libraries do: ``0 · ∞`` is NaN, so those rows can return NaN.

>>> calls = softmax_calls([2.5, -1.0, 3.2, 0.5], 2)
>>> {c.key: round(c.value, 5) for c in calls if c.key.startswith("torch_kl")}
{'torch_kl_batchmean': 0.11416, 'torch_kl_batch': 0.45666, 'torch_kl_mean': 0.11416}
>>> [round(c.value, 5) for c in multi_label_calls([1, 1, 0], [0.8, 0.9, 0.1])][:2]
[0.14462, 0.43386]
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import scipy.special
import scipy.stats

__all__ = ["Call", "agrees", "bce_clamped", "bce_with_logits", "clamp_call", "kl_div", "literal",
           "multi_label_calls", "setup_code", "softmax_calls", "softmax_twice_floor",
           "tf_sigmoid_ce_with_logits", "torch_cross_entropy"]

#: PyTorch's BCELoss clamps each log at this value.
LOG_CLAMP = -100.0


@dataclass(frozen=True)
class Call:
    """One printed call: ``code`` runs as shown, after :func:`setup_code`; ``value`` is what the
    library returns (a float); ``library`` is ``"scipy"``, ``"torch"`` or ``"tensorflow"``;
    ``key`` names the row, for its explanation."""

    code: str
    value: float
    library: str
    key: str


def literal(values) -> str:
    """A Python list literal that reads back as exactly these floats.

    >>> literal([0.8, 1, 1e-20])
    '[0.8, 1.0, 1e-20]'
    """
    return "[" + ", ".join(repr(float(v)) for v in np.asarray(values, dtype=float).ravel()) + "]"


def setup_code(z, target: int) -> str:
    """The lines that define every name the printed calls use, for logits ``z`` (1-D) and the
    true class index ``target``.

    >>> print(setup_code([1, 0], 0).splitlines()[-4])
    z = torch.tensor([1.0, 0.0])
    """
    return "\n".join([
        "import numpy as np, scipy, torch",
        "import torch.nn as nn, torch.nn.functional as F",
        "import tensorflow as tf",
        "torch.set_default_dtype(torch.float64)",
        f"z = torch.tensor({literal(z)})",
        f"target = torch.tensor({int(target)})",
        f"y = torch.eye({len(np.ravel(z))})[target]",
        "a = z.softmax(0)",
    ])


# ---- reproductions of the libraries' formulas ---------------------------------------------------

def torch_cross_entropy(x, target: int) -> float:
    """``F.cross_entropy(x, target)`` for 1-D logits ``x``: ``-log_softmax(x)[target]``.

    >>> round(torch_cross_entropy([0.0, 0.0], 1), 5)
    0.69315
    """
    return float(-scipy.special.log_softmax(np.asarray(x, dtype=float))[int(target)])


def kl_div(log_q, p, reduction: str = "mean") -> float:
    """``F.kl_div(log_q, p, reduction=...)``: ``sum p (ln p - log_q)`` with ``0 ln 0 = 0``,
    divided by the number of elements (``'mean'``), by ``log_q.shape[0]`` (``'batchmean'``),
    or not at all (``'sum'``).

    >>> round(kl_div(np.log([0.5, 0.5]), [1.0, 0.0], "sum"), 5)  # ln 2
    0.69315
    """
    log_q = np.asarray(log_q, dtype=float)
    p = np.asarray(p, dtype=float)
    with np.errstate(invalid="ignore"):
        total = float(np.sum(scipy.special.xlogy(p, p) - p * log_q))
    divisor = {"sum": 1, "mean": log_q.size, "batchmean": log_q.shape[0]}[reduction]
    return total / divisor


def _reduce(per_element: np.ndarray, reduction: str) -> float:
    return float(per_element.sum() if reduction == "sum" else per_element.mean())


def bce_clamped(a, y, reduction: str = "mean") -> float:
    """``nn.BCELoss(reduction=...)(a, y)``: ``-[y max(ln a, -100) + (1-y) max(ln(1-a), -100)]``
    per element, then the mean over every element (or the sum).

    >>> bce_clamped([0.0], [1.0])
    100.0
    """
    a = np.asarray(a, dtype=float)
    y = np.asarray(y, dtype=float)
    with np.errstate(divide="ignore"):
        log_a = np.maximum(np.log(a), LOG_CLAMP)
        log_1a = np.maximum(np.log1p(-a), LOG_CLAMP)
    return _reduce(-(y * log_a + (1.0 - y) * log_1a), reduction)


def _logit(a) -> np.ndarray:
    with np.errstate(divide="ignore"):
        return scipy.special.logit(np.asarray(a, dtype=float))


def bce_with_logits(x, y, reduction: str = "mean") -> float:
    """``F.binary_cross_entropy_with_logits(x, y, reduction=...)``: ``(1 - y) x - ln σ(x)`` per
    element, ``ln σ(x) = min(x, 0) - ln(1 + e^{-|x|})``.

    >>> round(bce_with_logits([0.0], [1.0]), 5)
    0.69315
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    with np.errstate(invalid="ignore", over="ignore"):
        log_sigmoid = np.minimum(x, 0.0) - np.log1p(np.exp(-np.abs(x)))
        per_element = (1.0 - y) * x - log_sigmoid
    return _reduce(per_element, reduction)


def tf_sigmoid_ce_with_logits(labels, logits) -> np.ndarray:
    """``tf.nn.sigmoid_cross_entropy_with_logits(labels=..., logits=...)``, one value per
    element: ``max(x, 0) - x y + ln(1 + e^{-|x|})``.

    >>> tf_sigmoid_ce_with_logits([1.0], [0.0]).round(5).tolist()
    [0.69315]
    """
    x = np.asarray(logits, dtype=float)
    y = np.asarray(labels, dtype=float)
    with np.errstate(invalid="ignore", over="ignore"):
        return np.maximum(x, 0.0) - x * y + np.log1p(np.exp(-np.abs(x)))


# ---- the rows -----------------------------------------------------------------------------------

def softmax_calls(z, target: int) -> list[Call]:
    """The rows for the softmax example: logits ``z`` (1-D, finite) and true class ``target``.

    scipy rows are real calls. ``scipy.stats.entropy`` accepts the tensors ``y`` and ``a`` as
    arrays; the ``rel_entr`` / ``kl_div`` pair uses a fixed unnormalised pair so that the
    difference shows (for inputs that each sum to 1 the two sums agree).
    """
    z = np.asarray(z, dtype=float)
    y = np.eye(z.size)[int(target)]
    a = scipy.special.softmax(z)
    log_a = np.log(a)
    return [
        Call("scipy.stats.entropy(y, a)", float(scipy.stats.entropy(y, a)), "scipy",
             "scipy_kl"),
        Call("scipy.stats.entropy([1, 1, 1, 1])", float(scipy.stats.entropy([1, 1, 1, 1])),
             "scipy", "scipy_renorm"),
        Call("scipy.stats.entropy([.5, .5], [.3, .3])",
             float(scipy.stats.entropy([.5, .5], [.3, .3])), "scipy", "scipy_renorm2"),
        Call("scipy.special.rel_entr([.5, .5], [.3, .3]).sum()",
             float(scipy.special.rel_entr([.5, .5], [.3, .3]).sum()), "scipy", "rel_entr"),
        Call("scipy.special.kl_div([.5, .5], [.3, .3]).sum()",
             float(scipy.special.kl_div([.5, .5], [.3, .3]).sum()), "scipy", "kl_div"),
        Call("F.cross_entropy(z, target)", torch_cross_entropy(z, target), "torch", "torch_ce"),
        Call("F.cross_entropy(a, target)", torch_cross_entropy(a, target), "torch",
             "torch_bug"),
        Call("F.kl_div(a.log(), y, reduction='batchmean')", kl_div(log_a, y, "batchmean"),
             "torch", "torch_kl_batchmean"),
        Call("F.kl_div(a.log().unsqueeze(0), y.unsqueeze(0), reduction='batchmean')",
             kl_div(log_a[None, :], y[None, :], "batchmean"), "torch", "torch_kl_batch"),
        Call("F.kl_div(a.log(), y, reduction='mean')", kl_div(log_a, y, "mean"), "torch",
             "torch_kl_mean"),
    ]


def multi_label_calls(y, a) -> list[Call]:
    """The rows for the multi-label table: targets ``y`` (0/1) and probabilities ``a`` in
    [0, 1], written into each call as literals."""
    y = np.asarray(y, dtype=float)
    a = np.asarray(a, dtype=float)
    ya, aa = f"torch.tensor({literal(y)})", f"torch.tensor({literal(a)})"
    logits = _logit(a)
    return [
        Call(f"nn.BCELoss()({aa}, {ya})", bce_clamped(a, y), "torch", "bce_mean"),
        Call(f"nn.BCELoss(reduction='sum')({aa}, {ya})", bce_clamped(a, y, "sum"), "torch",
             "bce_sum"),
        Call(f"nn.BCEWithLogitsLoss()({aa}.logit(), {ya})", bce_with_logits(logits, y),
             "torch", "bce_logits_mean"),
        Call(f"F.binary_cross_entropy_with_logits({aa}.logit(), {ya}, reduction='sum')",
             bce_with_logits(logits, y, "sum"), "torch", "bce_logits_sum"),
        Call("tf.reduce_sum(tf.nn.sigmoid_cross_entropy_with_logits("
             f"labels=np.array({literal(y)}), logits=scipy.special.logit({literal(a)})))",
             float(tf_sigmoid_ce_with_logits(y, logits).sum()), "tensorflow", "tf_sum"),
    ]


def softmax_twice_floor(n: int) -> float:
    """The least ``F.cross_entropy(a, target)`` can be when ``a`` holds probabilities over ``n``
    classes (softmax applied twice): ``ln(1 + (n - 1)/e)``, reached when ``a`` is the one-hot
    label itself. ``softmax(a)`` of a probability vector is never confident: the true class's
    share is at most ``e / (e + n - 1)``.

    >>> round(softmax_twice_floor(4), 5)
    0.74367
    """
    return float(np.log1p((n - 1) / np.e))


def agrees(value: float, app: float) -> bool:
    """Whether a library's ``value`` is this app's number ``app``: equal (``inf`` equals
    ``inf``), or both finite and within a relative 1e-9 (``nan`` agrees with nothing).

    >>> agrees(0.43386, 0.43386 + 1e-12), agrees(math.inf, math.inf), agrees(100.0, math.inf)
    (True, True, False)
    """
    return value == app or (math.isfinite(value) and math.isfinite(app)
                            and math.isclose(value, app, rel_tol=1e-9, abs_tol=1e-12))


def clamp_call() -> Call:
    """``nn.BCELoss()`` on a certain wrong prediction: 100, not ∞ (the log is clamped).

    >>> clamp_call().value
    100.0
    """
    return Call("nn.BCELoss()(torch.tensor([0.]), torch.tensor([1.]))",
                bce_clamped([0.0], [1.0]), "torch", "bce_clamp")
