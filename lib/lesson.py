"""Checkpoints: a prediction the reader commits before a page shows the answer.

Each :class:`Checkpoint` names its page, its id, the page inputs it reads and a pure *rule*:
a function of those inputs that returns an :class:`Answer`, the right prediction together with
the numbers its explanation quotes. Nothing about the answer lives in the wording: change the
page's inputs (P and Q, the start, the rate, the run) and the right answer and its numbers
follow. The wording (question, per-choice feedback, explanation) is in ``ui/strings``, keyed
``cp.<page>.<id>.*``.

A choice checkpoint's prediction is one of its ``choices``; a number checkpoint's is a number,
judged right within ``tolerance`` (absolute) or ``relative`` × |answer|, whichever is larger.
A rule returns ``Answer(None, ...)`` when the answer is not known yet (the digits network before
it is trained): the reader may still commit a prediction, and is judged once it is known.

Progress travels in links as one character per checkpoint, at the checkpoint's ``slot``
(:func:`encode_progress`): slots are append-only, never reused or reordered, so an old link
keeps meaning what it meant.

>>> cp = get("explorer", "kl_direction")
>>> cp.answer({"p": [0.5, 0.5], "q": [0.9, 0.1], "base": 2}).right
'pq'
>>> cp.judge("qp", cp.answer({"p": [0.5, 0.5], "q": [0.9, 0.1], "base": 2}))
False
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from lib import calibration, coding, continuous, costs, info, losses, neuron, soft_targets

__all__ = ["Answer", "Checkpoint", "CHECKPOINTS", "PROGRESS_MARKS", "answered", "by_page",
           "get", "encode_progress", "decode_progress"]

#: Progress marks: answered right at the first try, right after trying again, last answer wrong.
PROGRESS_MARKS = {"r": "right", "t": "right_after_retry", "w": "wrong"}
_NONE = "-"
#: Differences below this are ties (two KL values, two step sizes).
_TIE = 1e-9


@dataclass(frozen=True)
class Answer:
    """The right prediction (a choice key, a number, or None while unknown) and the numbers
    the explanation quotes (floats or short text), by name."""

    right: str | float | None
    numbers: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Checkpoint:
    page: str
    id: str
    slot: int
    reads: tuple[str, ...]
    rule: Callable[..., Answer]
    choices: tuple[str, ...] = ()
    tolerance: float = 0.0
    relative: float = 0.0
    #: A number whose answer may be ∞ (Q gives 0 to an event P can produce): the reader can
    #: predict ∞ as well as a number, and only ∞ is right then.
    unbounded: bool = False

    @property
    def kind(self) -> str:
        return "choice" if self.choices else "number"

    def answer(self, inputs: Mapping[str, Any]) -> Answer:
        """The rule applied to the inputs it reads (extra inputs are ignored)."""
        return self.rule(**{name: inputs[name] for name in self.reads})

    def judge(self, prediction: Any, answer: Answer) -> bool | None:
        """Whether ``prediction`` is right (None while the answer is unknown)."""
        if answer.right is None or prediction is None:
            return None
        if self.choices:
            return prediction == answer.right
        x, right = float(prediction), float(answer.right)
        if math.isinf(right):
            return x == right
        return abs(x - right) <= max(self.tolerance, self.relative * abs(right))


def _order(a: float, b: float, names=("first", "second", "same")) -> str:
    """Which of two values is larger (∞ = ∞ is a tie)."""
    if a == b or (math.isfinite(a) and math.isfinite(b) and abs(a - b) <= _TIE * max(1, abs(a))):
        return names[2]
    return names[0] if a > b else names[1]


# ---- information and entropy ----------------------------------------------------------------

def _rarer(p1: float, p2: float, base: float | None) -> Answer:
    i1, i2 = (float(info.information_content(p, base)) for p in (p1, p2))
    return Answer(_order(i1, i2), {"p1": p1, "p2": p2, "i1": i1, "i2": i2})


def _together(p1: float, p2: float, base: float | None) -> Answer:
    i1, i2 = (float(info.information_content(p, base)) for p in (p1, p2))
    both = float(info.information_content(p1 * p2, base))
    return Answer(both, {"p1": p1, "p2": p2, "i1": i1, "i2": i2, "both": both, "joint": p1 * p2})


def _most_uncertain(weights: Sequence[float], base: float | None) -> Answer:
    p = info.normalize(weights)
    k = len(p)
    top = float(info.entropy(np.full(k, 1.0 / k), base))
    return Answer(top, {"k": k, "h": float(info.entropy(p, base)), "top": top})


# ---- codes ------------------------------------------------------------------------------------

def _code_length(p: Sequence[float], q: Sequence[float]) -> Answer:
    c = coding.build_codes(p, q)
    gap = 0.0 if abs(c.l_p - c.h_p) < 1e-12 else c.l_p - c.h_p  # float noise is no gap
    # One possible event: H = 0, yet every codeword has at least one bit (a convention).
    return Answer(c.l_p, {"length": c.l_p, "h": c.h_p, "gap": gap,
                          "case": "one_event" if c.h_p == 0 else ""})


def _wrong_code(p: Sequence[float], q: Sequence[float]) -> Answer:
    c = coding.build_codes(p, q)
    extra = c.l_q - c.l_p
    extra = 0.0 if abs(extra) < 1e-12 else extra
    return Answer(_order(c.l_q, c.l_p, ("more", "fewer", "same")),
                  {"own": c.l_p, "other": c.l_q, "extra": extra, "kl": c.kl,
                   "case": "missing" if math.isinf(c.l_q) else ""})


# ---- explorer: cross-entropy and KL ---------------------------------------------------------

def _kl_direction(p: Sequence[float], q: Sequence[float], base: float | None) -> Answer:
    pq, qp = info.kl_divergence(p, q, base), info.kl_divergence(q, p, base)
    return Answer(_order(pq, qp, ("pq", "qp", "same")), {"pq": pq, "qp": qp})


def _bits_per_symbol(p: Sequence[float], q: Sequence[float]) -> Answer:
    cross = float(info.cross_entropy(p, q, 2))
    return Answer(cross, {"cross": cross, "h": float(info.entropy(p, 2)),
                          "kl": float(info.kl_divergence(p, q, 2)),
                          "case": "infinite" if math.isinf(cross) else ""})


def _cross_floor(p: Sequence[float], q: Sequence[float], base: float | None) -> Answer:
    cross, h = info.cross_entropy(p, q, base), info.entropy(p, base)
    return Answer(_order(cross, h, ("above", "below", "equal")),
                  {"cross": cross, "h": h, "kl": info.kl_divergence(p, q, base)})


# ---- cross-entropy as a loss ----------------------------------------------------------------

def _bce_reduction(a: Sequence[float], y: Sequence[float]) -> Answer:
    a, y = np.asarray(a, float), np.asarray(y, float)
    total = float(losses.binary_cross_entropy(y, a))
    return Answer("mean", {"sum": total, "mean": total / a.size, "k": a.size})


def _mle(heads: int, tails: int) -> Answer:
    n = heads + tails
    theta = heads / n if n else None
    return Answer(theta, {"heads": heads, "tails": tails, "n": n, "theta": theta or 0.0})


def _logit_gradient(logits: Sequence[float], true: int) -> Answer:
    a = losses.softmax(np.asarray(logits, float))
    grad = float(a[true] - 1.0)
    return Answer(grad, {"a": float(a[true]), "grad": grad})


# ---- the learning slowdown ------------------------------------------------------------------

def _first_to_target(w0: float, b0: float, x: float, y: float, eta_quadratic: float,
                     eta_cross_entropy: float, epochs: int, threshold: float) -> Answer:
    reach = {}
    for cost, eta in (("quadratic", eta_quadratic), ("cross_entropy", eta_cross_entropy)):
        hit = neuron.epochs_to_reach([w0], [b0], cost=cost, eta=eta, epochs=epochs,
                                     threshold=threshold, x=x, y=y)[0]
        reach[cost] = int(hit) if hit >= 0 else math.inf
    q, c = reach["quadratic"], reach["cross_entropy"]
    right = "neither" if math.isinf(q) and math.isinf(c) else _order(
        c, q, ("quadratic", "cross_entropy", "tie"))
    return Answer(right, {"quadratic": q, "cross_entropy": c, "epochs": epochs,
                          "threshold": threshold})


def _first_step(w0: float, b0: float, x: float, y: float, eta_quadratic: float) -> Answer:
    def step(w, b):
        z = w * x + b
        a = float(costs.sigmoid(z))
        return abs(eta_quadratic * float(costs.Quadratic.delta(z, a, y))), a
    here, a_here = step(w0, b0)
    good, a_good = step(0.6, 0.9)
    return Answer(_order(here, good, ("larger", "smaller", "same")),
                  {"here": here, "good": good, "a_here": a_here, "a_good": a_good,
                   "sp_here": a_here * (1 - a_here), "sp_good": a_good * (1 - a_good)})


# ---- the digits network ---------------------------------------------------------------------

def _ahead(quadratic: Sequence[float], cross_entropy: Sequence[float], epoch: int) -> Answer:
    """Which network's test accuracy (fractions, one per epoch) is higher after ``epoch``
    epochs (0 = the last); the numbers are percentages."""
    n = min(len(quadratic), len(cross_entropy))
    if n == 0 or epoch > n:
        return Answer(None, {})
    i = (epoch or n) - 1
    q, c = 100 * float(quadratic[i]), 100 * float(cross_entropy[i])
    return Answer(_order(q, c, ("quadratic", "cross_entropy", "tie")),
                  {"quadratic": q, "cross_entropy": c, "epoch": i + 1})


def _after_one(quadratic, cross_entropy) -> Answer:
    return _ahead(quadratic, cross_entropy, 1)


def _at_the_end(quadratic, cross_entropy) -> Answer:
    return _ahead(quadratic, cross_entropy, 0)


# ---- KL on continuous distributions --------------------------------------------------------

#: A Gaussian "sits on one peak" of P when that peak's basin holds at least this share of it.
ONE_PEAK = 0.9


def _reverse_fit(weights, means, sds, mu_q, sd_q) -> Answer:
    """``mu_q``, ``sd_q``: the KL(Q‖P) fit of P (:func:`lib.continuous.fit_reverse`, the same as
    :func:`lib.continuous.compare_fits`' ``reverse``), which the page has already searched for:
    the checkpoint judges the Gaussian on screen without a second search. Unknown (no right
    answer) when P has one peak: both fits sit on it, so both choices would be right. Means are
    rounded to 1e-6, as the page shows them, so that a search that ends at −5e−9 for a
    symmetric P reads 0."""
    fmu, fsd = continuous.fit_forward(weights, means, sds)
    # The page's takeaway reads the same shape (one threshold, ONE_PEAK, for both).
    shape = continuous.reverse_shape(mu_q, sd_q, weights, means, sds, one_peak=ONE_PEAK)
    numbers = {"mu": round(mu_q, 6) + 0.0, "sd": sd_q, "share": 100 * shape.share,
               "peaks": shape.modes, "forward_mu": round(fmu, 6) + 0.0, "forward_sd": fsd}
    if shape.kind == "one_mode":
        return Answer(None, numbers)
    return Answer("one_peak" if shape.kind == "picks" else "between", numbers)


def _entropy_sign(sd: float, base: float | None) -> Answer:
    h = continuous.gaussian_entropy(sd, math.e if base is None else base)
    edge = continuous.ENTROPY_EDGE
    return Answer("negative" if h < 0 else "zero" if h == 0 else "positive",
                  {"h": h, "sd": sd, "edge": edge})


# ---- cross-entropy is compression -----------------------------------------------------------

def _held_out_turn(held_bits: Sequence[float]) -> Answer:
    """``held_bits``: the held-out text's bits per character at orders 0, 1, ... (the page's
    curve, :func:`lib.text.cross_entropy_bits` at each order)."""
    bits = [float(b) for b in held_bits]
    low = min(bits)
    best = max(i for i, b in enumerate(bits) if b == low)
    return Answer("keeps_falling" if best == len(bits) - 1 else "turns_up",
                  {"best": best, "low": low, "top": len(bits) - 1, "last": bits[-1]})


def _huffman_vs_arithmetic(huffman: int, coded: int) -> Answer:
    """Bits of a Huffman code per context against the arithmetic code, on the same text."""
    return Answer(_order(float(huffman), float(coded), ("more", "fewer", "same")),
                  {"huffman": f"{int(huffman):,}", "coded": f"{int(coded):,}",
                   "diff": f"{abs(int(huffman) - int(coded)):,}"})


# ---- soft targets and calibration -------------------------------------------------------------

def _absolute_report(p: float) -> Answer:
    best = calibration.score_minimisers(p)
    m = best["absolute"]
    if m is None:
        right = "any"
    elif abs(m - p) < 1e-9:
        right = "q_is_p"   # p = 0 or 1: the extreme is p itself
    else:
        right = "q_extreme"
    return Answer(right, {"p": p, "m": "—" if m is None else f"{m:g}", "log": best["log"],
                          "brier": best["brier"], "case": "tie" if m is None else "end"})


def _smoothing_gap(k: int, eps: float) -> Answer:
    gap = soft_targets.optimal_gap(k, eps)
    return Answer(gap if math.isfinite(gap) else None, {"k": k, "eps": eps, "gap": gap})


def _confidence(temperature: float | None) -> Answer:
    if temperature is None:
        return Answer(None, {})
    return Answer(calibration.verdict(temperature),
                  {"t": temperature, "level": calibration.LEVEL})


_PQ, _PQB = ("p", "q"), ("p", "q", "base")
_RACE = ("quadratic", "cross_entropy", "tie", "neither")
_NETS = ("quadratic", "cross_entropy", "tie")

#: Every checkpoint, in the reading order of the path (slots are append-only).
CHECKPOINTS: tuple[Checkpoint, ...] = (
    Checkpoint("information", "rarer", 0, ("p1", "p2", "base"), _rarer,
               ("first", "second", "same")),
    Checkpoint("information", "together", 1, ("p1", "p2", "base"), _together,
               tolerance=0.05, relative=0.05),
    Checkpoint("information", "most_uncertain", 2, ("weights", "base"), _most_uncertain,
               tolerance=0.05, relative=0.05),
    Checkpoint("codes", "code_length", 3, _PQ, _code_length, tolerance=0.25),
    Checkpoint("codes", "wrong_code", 4, _PQ, _wrong_code, ("more", "same", "fewer")),
    Checkpoint("explorer", "bits_per_symbol", 6, _PQ, _bits_per_symbol, tolerance=0.25,
               unbounded=True),
    Checkpoint("explorer", "cross_floor", 7, _PQB, _cross_floor, ("above", "equal", "below")),
    Checkpoint("explorer", "kl_direction", 5, _PQB, _kl_direction, ("pq", "qp", "same")),
    Checkpoint("loss", "bce_reduction", 8, ("a", "y"), _bce_reduction, ("sum", "mean")),
    Checkpoint("loss", "mle", 9, ("heads", "tails"), _mle, tolerance=0.02),
    Checkpoint("loss", "logit_gradient", 10, ("logits", "true"), _logit_gradient,
               tolerance=0.03),
    # (the race comes first on the page; slots keep their numbers)
    Checkpoint("neuron", "first_to_target", 12,
               ("w0", "b0", "x", "y", "eta_quadratic", "eta_cross_entropy", "epochs",
                "threshold"), _first_to_target, _RACE),
    Checkpoint("neuron", "first_step", 11, ("w0", "b0", "x", "y", "eta_quadratic"),
               _first_step, ("larger", "same", "smaller")),
    Checkpoint("network", "after_one", 13, ("quadratic", "cross_entropy"), _after_one, _NETS),
    Checkpoint("network", "at_the_end", 14, ("quadratic", "cross_entropy"), _at_the_end,
               _NETS),
    Checkpoint("continuous", "reverse_fit", 15, ("weights", "means", "sds", "mu_q", "sd_q"),
               _reverse_fit, ("between", "one_peak")),
    Checkpoint("continuous", "entropy_sign", 16, ("sd", "base"), _entropy_sign,
               ("positive", "zero", "negative")),
    Checkpoint("compression", "held_out_turn", 17, ("held_bits",), _held_out_turn,
               ("keeps_falling", "turns_up")),
    Checkpoint("compression", "huffman_vs_arithmetic", 18, ("huffman", "coded"),
               _huffman_vs_arithmetic, ("more", "same", "fewer")),
    Checkpoint("calibration", "absolute_report", 19, ("p",), _absolute_report,
               ("q_is_p", "q_extreme", "any")),
    Checkpoint("calibration", "smoothing_gap", 20, ("k", "eps"), _smoothing_gap,
               tolerance=0.05, relative=0.02),
    Checkpoint("calibration", "confidence", 21, ("temperature",), _confidence,
               ("over", "level", "under")),
)
_BY_ID = {(c.page, c.id): c for c in CHECKPOINTS}
assert len(_BY_ID) == len(CHECKPOINTS), "checkpoint ids must be unique per page"
assert len({c.slot for c in CHECKPOINTS}) == len(CHECKPOINTS), "slots must be unique"


def register(checkpoint: Checkpoint) -> Checkpoint:
    """Add a checkpoint defined in another ``lib`` module (a page's own rules)."""
    global CHECKPOINTS
    key = (checkpoint.page, checkpoint.id)
    if key in _BY_ID:
        return _BY_ID[key]
    assert checkpoint.slot not in {c.slot for c in CHECKPOINTS}, checkpoint.slot
    CHECKPOINTS = CHECKPOINTS + (checkpoint,)
    _BY_ID[key] = checkpoint
    return checkpoint


def get(page: str, cid: str) -> Checkpoint:
    return _BY_ID[(page, cid)]


def by_page(page: str) -> tuple[Checkpoint, ...]:
    """The page's checkpoints, in the order the page shows them."""
    return tuple(c for c in CHECKPOINTS if c.page == page)


def encode_progress(marks: Mapping[tuple[str, str], str]) -> str:
    """One character per slot (``-`` = not answered), trailing ``-`` dropped.

    >>> encode_progress({("explorer", "kl_direction"): "r", ("information", "rarer"): "w"})
    'w----r'
    """
    slots = {_BY_ID[key].slot: mark for key, mark in marks.items()
             if key in _BY_ID and mark in PROGRESS_MARKS}
    if not slots:
        return ""
    return "".join(slots.get(i, _NONE) for i in range(max(slots) + 1))


def decode_progress(text: str) -> dict[tuple[str, str], str]:
    """The marks a progress string holds; unknown characters and slots are skipped (a link is
    input from strangers).

    >>> decode_progress("w----r?")
    {('information', 'rarer'): 'w', ('explorer', 'kl_direction'): 'r'}
    """
    by_slot = {c.slot: (c.page, c.id) for c in CHECKPOINTS}
    return {by_slot[i]: mark for i, mark in enumerate(str(text)[:200])
            if mark in PROGRESS_MARKS and i in by_slot}


def answered(text: str, page: str) -> tuple[int, int]:
    """How many of ``page``'s checkpoints the progress string ``text`` marks answered, of how
    many.

    >>> answered(encode_progress({("explorer", "kl_direction"): "w"}), "explorer")
    (1, 3)
    """
    done, cps = decode_progress(text), by_page(page)
    return sum((c.page, c.id) in done for c in cps), len(cps)
