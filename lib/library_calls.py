"""What scipy, PyTorch and TensorFlow return for the loss page's examples, as runnable code.

The page shows *code cards* (:class:`Card`): each card runs exactly as printed, **on its own**,
in a fresh Python with its library installed. A card opens with its imports and the names it
uses, then its calls (:class:`Call`), each followed by a comment with the value the real
library returns (:func:`card_text`). So the TensorFlow card is the only one that imports
TensorFlow, and the scipy card needs neither PyTorch nor TensorFlow. The softmax cards::

    import numpy as np, scipy
    z = np.array([2.5, -1.0, 3.2, 0.5])
    y = np.eye(4)[2]
    a = scipy.special.softmax(z)
    scipy.stats.entropy(y, a)  # 0.45666  (1)
    ...

    import torch, torch.nn.functional as F
    torch.set_default_dtype(torch.float64)
    z = torch.tensor([2.5, -1.0, 3.2, 0.5])
    target = torch.tensor(2)
    y = torch.eye(4)[target]
    a = z.softmax(0)
    F.cross_entropy(z, target)  # 0.45666  (1)
    ...

``torch.set_default_dtype(torch.float64)`` makes PyTorch compute in NumPy's precision, so the
values below agree with the real ones to about 1e-15 (with PyTorch's default float32 they agree
to about 1e-7). The multi-label cards define the table's predictions ``a`` and labels ``y`` as
literals that read back as exactly the same floats (:func:`literal`).

scipy is a dependency of this app and is called for real. PyTorch and TensorFlow are not: their
values are reproduced here with NumPy, following each library's own formulas (checked against
PyTorch 2.13 and TensorFlow 2.21 by ``tests/test_library_calls.py``, which runs every card as
printed under the real libraries):

* ``F.cross_entropy(x, target)`` on a 1-D ``x`` is ``-log_softmax(x)[target]``;
* ``F.kl_div(input, target, reduction)`` sums ``target (ln target - input)`` (``0 ln 0 = 0``)
  and divides by the number of elements for ``'mean'`` and by ``input.size(0)`` for
  ``'batchmean'``: 4 for a 1-D tensor of 4 classes, 1 for a batch of one;
* ``nn.BCELoss`` is ``-[y max(ln a, -100) + (1 - y) max(ln(1 - a), -100)]`` per element (the
  log is clamped at -100), averaged over every element by default (``reduction='mean'``);
* ``nn.BCEWithLogitsLoss`` / ``F.binary_cross_entropy_with_logits`` is ``(1 - y) x - ln σ(x)``
  per element, with ``ln σ(x) = min(x, 0) - ln(1 + e^{-|x|})``;
* ``tf.nn.sigmoid_cross_entropy_with_logits`` is ``max(x, 0) - x y + ln(1 + e^{-|x|})`` per
  element (it returns one value per element; the card shows ``tf.reduce_sum`` of them).

Infinite logits (a probability of exactly 0 or 1 passed through ``logit``) follow IEEE
arithmetic exactly as the libraries do: ``0 · ∞`` is NaN, so those rows can return NaN.

>>> cards = softmax_cards([2.5, -1.0, 3.2, 0.5], 2)
>>> {c.key: round(c.value, 5) for c in cards[1].calls if c.key.startswith("torch_kl")}
{'torch_kl_batchmean': 0.11416, 'torch_kl_batch': 0.45666, 'torch_kl_mean': 0.11416}
>>> [round(c.value, 5) for c in multi_label_cards([1, 1, 0], [0.8, 0.9, 0.1])[0].calls][:2]
[0.14462, 0.43386]
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np
import scipy.special
import scipy.stats

from lib import fmt
from lib.cases import Case

__all__ = ["Call", "Card", "agrees", "bce_clamped", "bce_with_logits", "card_text", "explained",
           "kl_div", "literal", "multi_label_cards", "softmax_cards", "softmax_explained",
           "softmax_twice_floor",
           "tf_sigmoid_ce_with_logits", "torch_cross_entropy", "value_text"]

#: PyTorch's BCELoss clamps each log at this value.
LOG_CLAMP = -100.0


@dataclass(frozen=True)
class Call:
    """One printed call: ``code`` is a Python expression (it may span lines inside its
    parentheses) that runs as shown after its card's setup; ``value`` is what the library
    returns (a float); ``key`` names the call, for its explanation."""

    code: str
    value: float
    key: str


@dataclass(frozen=True)
class Card:
    """A code card: ``setup`` (imports and the names the calls use) then ``calls``. The whole
    card runs as printed, on its own, where ``library`` ("scipy", "torch" or "tensorflow") is
    installed."""

    library: str
    setup: tuple[str, ...]
    calls: tuple[Call, ...]


def value_text(x: float) -> str:
    """A returned value as a card's comment shows it: 5 significant digits, as Python writes
    them (``nan``, ``inf``; a hyphen for minus: it is code).

    >>> value_text(0.456661), value_text(100.0), value_text(float("nan")), value_text(-0.4)
    ('0.45666', '100', 'nan', '-0.4')
    """
    x = float(x)
    return "0" if x == 0 else f"{x:.5g}"


def card_text(card: Card, value: Callable[[float], str] = value_text) -> str:
    """The card as printed: its setup, then each call with ``# <value>  (<n>)`` after it, ``n``
    counting the calls from 1 (the page explains call ``n`` in item ``n`` of a list).

    >>> print(card_text(Card("scipy", ("import scipy",), (Call("scipy.special.expit(0)", 0.5,
    ...                                                           "k"),))))
    import scipy
    scipy.special.expit(0)  # 0.5  (1)
    """
    lines = list(card.setup)
    lines += [f"{c.code}  # {value(c.value)}  ({i})" for i, c in enumerate(card.calls, 1)]
    return "\n".join(lines)


def literal(values) -> str:
    """A Python list literal that reads back as exactly these floats.

    >>> literal([0.8, 1, 1e-20])
    '[0.8, 1.0, 1e-20]'
    """
    return "[" + ", ".join(repr(float(v)) for v in np.asarray(values, dtype=float).ravel()) + "]"


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


# ---- the cards ----------------------------------------------------------------------------------

def softmax_cards(z, target: int) -> tuple[Card, Card]:
    """The softmax example's cards, for logits ``z`` (1-D, finite) and the true class index
    ``target``: scipy (real calls, on NumPy arrays) and PyTorch.

    The ``rel_entr`` / ``kl_div`` pair uses a fixed unnormalised pair so that the difference
    shows (for inputs that each sum to 1 the two sums agree).

    >>> scipy_card, torch_card = softmax_cards([1, 0], 0)
    >>> scipy_card.setup[1], torch_card.setup[-2:]
    ('z = np.array([1.0, 0.0])', ('y = torch.eye(2)[target]', 'a = z.softmax(0)'))
    """
    z = np.asarray(z, dtype=float)
    target = int(target)
    y = np.eye(z.size)[target]
    a = scipy.special.softmax(z)
    log_a = np.log(a)
    scipy_card = Card("scipy", (
        "import numpy as np, scipy",
        f"z = np.array({literal(z)})",
        f"y = np.eye({z.size})[{target}]",
        "a = scipy.special.softmax(z)",
    ), (
        Call("scipy.stats.entropy(y, a)", float(scipy.stats.entropy(y, a)), "scipy_kl"),
        Call("scipy.stats.entropy([1, 1, 1, 1])", float(scipy.stats.entropy([1, 1, 1, 1])),
             "scipy_renorm"),
        Call("scipy.stats.entropy([.5, .5], [.3, .3])",
             float(scipy.stats.entropy([.5, .5], [.3, .3])), "scipy_renorm2"),
        Call("scipy.special.rel_entr([.5, .5], [.3, .3]).sum()",
             float(scipy.special.rel_entr([.5, .5], [.3, .3]).sum()), "rel_entr"),
        Call("scipy.special.kl_div([.5, .5], [.3, .3]).sum()",
             float(scipy.special.kl_div([.5, .5], [.3, .3]).sum()), "kl_div"),
    ))
    torch_card = Card("torch", (
        "import torch, torch.nn.functional as F",
        "torch.set_default_dtype(torch.float64)",
        f"z = torch.tensor({literal(z)})",
        f"target = torch.tensor({target})",
        f"y = torch.eye({z.size})[target]",
        "a = z.softmax(0)",
    ), (
        Call("F.cross_entropy(z, target)", torch_cross_entropy(z, target), "torch_ce"),
        Call("F.cross_entropy(a, target)", torch_cross_entropy(a, target), "torch_bug"),
        Call("F.kl_div(a.log(), y, reduction='batchmean')", kl_div(log_a, y, "batchmean"),
             "torch_kl_batchmean"),
        Call("F.kl_div(a.log().unsqueeze(0), y.unsqueeze(0),\n"
             "         reduction='batchmean')",
             kl_div(log_a[None, :], y[None, :], "batchmean"), "torch_kl_batch"),
        Call("F.kl_div(a.log(), y, reduction='mean')", kl_div(log_a, y, "mean"),
             "torch_kl_mean"),
    ))
    return scipy_card, torch_card


def multi_label_cards(y, a) -> tuple[Card, Card]:
    """The multi-label table's cards, for targets ``y`` (0/1) and probabilities ``a`` in
    [0, 1], written into each card as literals: PyTorch (the last call, a certain wrong
    prediction, shows the log clamped at -100) and TensorFlow.

    >>> torch_card, tf_card = multi_label_cards([1, 0], [0.5, 0.25])
    >>> torch_card.setup[2], tf_card.setup[0]
    ('a = torch.tensor([0.5, 0.25])', 'import numpy as np, scipy, tensorflow as tf')
    """
    y = np.asarray(y, dtype=float)
    a = np.asarray(a, dtype=float)
    logits = _logit(a)
    torch_card = Card("torch", (
        "import torch, torch.nn as nn, torch.nn.functional as F",
        "torch.set_default_dtype(torch.float64)",
        f"a = torch.tensor({literal(a)})",
        f"y = torch.tensor({literal(y)})",
    ), (
        Call("nn.BCELoss()(a, y)", bce_clamped(a, y), "bce_mean"),
        Call("nn.BCELoss(reduction='sum')(a, y)", bce_clamped(a, y, "sum"), "bce_sum"),
        Call("nn.BCEWithLogitsLoss()(a.logit(), y)", bce_with_logits(logits, y),
             "bce_logits_mean"),
        Call("F.binary_cross_entropy_with_logits(\n    a.logit(), y, reduction='sum')",
             bce_with_logits(logits, y, "sum"), "bce_logits_sum"),
        Call("nn.BCELoss()(torch.tensor([0.]), torch.tensor([1.]))", bce_clamped([0.0], [1.0]),
             "bce_clamp"),
    ))
    tf_card = Card("tensorflow", (
        "import numpy as np, scipy, tensorflow as tf",
        f"a = np.array({literal(a)})",
        f"y = np.array({literal(y)})",
    ), (
        Call("tf.reduce_sum(tf.nn.sigmoid_cross_entropy_with_logits(\n"
             "    labels=y, logits=scipy.special.logit(a)))",
             float(tf_sigmoid_ce_with_logits(y, logits).sum()), "tf_sum"),
    ))
    return torch_card, tf_card


def softmax_twice_floor(n: int) -> float:
    """The least ``F.cross_entropy(a, target)`` can be when ``a`` holds probabilities over ``n``
    classes (softmax applied twice): ``ln(1 + (n - 1)/e)``, reached when ``a`` is the one-hot
    label itself. ``softmax(a)`` of a probability vector is never confident: the true class's
    share is at most ``e / (e + n - 1)``.

    >>> round(softmax_twice_floor(4), 5)
    0.74367
    """
    return float(np.log1p((n - 1) / np.e))


def softmax_explained(call: Call, n: int, loss: float) -> Case:
    """The explanation of a softmax card's ``call``, named by its string's key (``call.key``),
    for ``n`` logits whose loss ``−ln a(true)`` is ``loss`` nats: it quotes ``n``, ``k = n −
    1``, the loss ``ce`` and the floor of softmax applied twice (:func:`softmax_twice_floor`),
    both as the cards write numbers (:func:`value_text`).

    >>> softmax_explained(Call("", 0.7, "torch_bug"), 4, 0.45666123)
    Case(name='torch_bug', numbers={'n': 4, 'k': 3, 'ce': '0.45666', 'floor': '0.74367'}, \
apart=())
    """
    return Case(call.key, {"n": n, "k": n - 1, "ce": value_text(loss),
                           "floor": value_text(softmax_twice_floor(n))})


def agrees(value: float, app: float) -> bool:
    """Whether a library's ``value`` is this app's number ``app``: equal (``inf`` equals
    ``inf``), or both finite and within a relative 1e-9 (``nan`` agrees with nothing).

    >>> agrees(0.43386, 0.43386 + 1e-12), agrees(math.inf, math.inf), agrees(100.0, math.inf)
    (True, True, False)
    """
    return value == app or (math.isfinite(value) and math.isfinite(app)
                            and math.isclose(value, app, rel_tol=1e-9, abs_tol=1e-12))


#: Calls said to return this app's loss summed over the classes (checked by :func:`explained`).
SUM_CALLS = ("bce_sum", "bce_logits_sum", "tf_sum")
#: Calls said to return its mean over the classes.
MEAN_CALLS = ("bce_mean", "bce_logits_mean")


def explained(call: Call, app: float, n: int) -> tuple[Case, ...]:
    """The explanations a multi-label call gets, as cases named by their strings' keys, given
    this app's loss ``app`` summed over ``n`` classes: its own (``call.key``); a summing call
    that does not return ``app`` (:func:`agrees`) gets instead ``"logits_nan"`` when it returns
    NaN (a logit of 0 or 1 is infinite) or ``"bce_sum_clamped"`` (the logs clamped at −100); a
    mean that is NaN gets ``"logits_nan"`` after its own. Each quotes ``n`` and ``app``, written
    as the cards write numbers (:func:`value_text`) but ∞ as the page does (:func:`lib.fmt.num`).

    >>> sum_call, mean_call = Call("", math.inf, "bce_sum"), Call("", math.nan, "bce_mean")
    >>> explained(sum_call, math.inf, 3)
    (Case(name='bce_sum', numbers={'n': 3, 'app': '∞'}, apart=()),)
    >>> [c.name for c in explained(Call("", 100.0, "bce_sum"), math.inf, 3)]
    ['bce_sum_clamped']
    >>> [c.name for c in explained(Call("", math.nan, "tf_sum"), math.inf, 3)]
    ['logits_nan']
    >>> [c.name for c in explained(mean_call, math.inf, 3)]
    ['bce_mean', 'logits_nan']
    >>> explained(Call("", 0.43386, "tf_sum"), 0.433861, 2)[0].numbers
    {'n': 2, 'app': '0.43386'}
    """
    if call.key in SUM_CALLS and not agrees(call.value, app):
        keys = ("logits_nan" if math.isnan(call.value) else "bce_sum_clamped",)
    elif call.key in MEAN_CALLS and math.isnan(call.value):
        keys = (call.key, "logits_nan")
    else:
        keys = (call.key,)
    numbers = {"n": n, "app": value_text(app) if math.isfinite(app) else fmt.num(app)}
    return tuple(Case(key, numbers) for key in keys)
