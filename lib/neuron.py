"""One sigmoid neuron trained by gradient descent: the learning slowdown, reproduced.

The neuron computes its weighted input ``z = w x + b`` and outputs ``a = σ(z)``; it learns to
output ``y`` for the single input ``x`` (Nielsen, *Neural Networks and Deep Learning*, chapter 3:
``x = 1, y = 0``). The costs are :mod:`lib.costs`' objects (each cost's value and output delta
``∂C/∂z`` defined once, ``value(z, a, y)`` and ``delta(z, a, y)``); the chain rule then gives
``∂C/∂w = x ∂C/∂z`` and ``∂C/∂b = ∂C/∂z``. The two losses differ in one factor:

    costs.Quadratic.delta    = (a - y) σ'(z)    # σ'(z) = a(1 - a) is tiny when a is near 0 or 1
    costs.CrossEntropy.delta = (a - y)          # σ'(z) cancelled: the error alone drives learning

Everything is computed from ``z`` in stable forms (``expit``, ``logaddexp``), so any start in
[-50, 50], learning rates up to 100 and thousands of epochs give finite numbers and no warnings.
:func:`gradient_arithmetic` picks the digits a page shows of the bias gradient so that the
shown product, worked out by hand, gives the shown result (:func:`gradient_formula` writes it).
What a page says about a race is decided here as well, from its numbers: an
:class:`Experiment` is one race as a page sets it up; :func:`input_notes`, :func:`race_case`,
:func:`race_cases`, :func:`rates_case`, :func:`reach_case`, :func:`speed_cases`,
:func:`map_cases`, :func:`more_starts`, :func:`good_start_case`, :func:`card_case` and
:func:`card_cases` name the sentence that applies and the numbers it quotes
(:class:`lib.cases.Case`); the page only words them.
Bad arguments raise :class:`lib.problems.ProblemError` (a ``ValueError``) carrying
:class:`~lib.problems.Problem` records: ``bad_choice`` for an unknown cost, ``out_of_range``
(with ``column`` naming the argument) for the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import NamedTuple

import numpy as np
import pandas as pd
from scipy.special import expit

from lib import costs, fmt
from lib.cases import Case
from lib.problems import Problem, ProblemError

__all__ = ["BIG_ETA", "COSTS", "MAP_AXIS", "MAP_RANGE", "SPEED_UP", "BookDemoRule", "Experiment",
           "GradientArithmetic", "MapSummary", "Race", "SpeedChange", "card_case", "card_cases",
           "epochs_to_reach", "good_start_case", "gradient_arithmetic", "gradient_formula",
           "input_notes", "map_cases", "map_epochs", "map_summary", "more_starts", "outward",
           "race", "race_case", "race_cases", "rates_case", "reach_case", "significant",
           "speed_cases", "speed_change", "speed_lesson", "start_case", "train", "train_many"]

#: A later update this many times the first counts as "sped up" (:meth:`SpeedChange.kind`).
SPEED_UP = 1.05
#: A learning rate from which the output jumps about instead of settling (:func:`input_notes`).
BIG_ETA = 10.0
#: The initialisation map's starts: an 81 x 81 grid over [-4, 4]^2, spacing 0.1, the same
#: axis for ``w0`` and ``b0``.
MAP_RANGE, MAP_POINTS = 4.0, 81
MAP_AXIS = np.linspace(-MAP_RANGE, MAP_RANGE, MAP_POINTS)
MAP_AXIS.flags.writeable = False

#: Exponent cap for the book demo's rule only: e**500 is finite, and beyond it the rule is
#: already taking absurd steps; the cap keeps those steps finite instead of inf.
_EXP_CAP = 500.0

class BookDemoRule(costs.CrossEntropy):
    """The update rule of the book's interactive cross-entropy demo, kept for comparison.

    Those demos stepped with ``∂C/∂a = (a - y) / (a (1 - a))`` (``1 / (1 - a)`` for ``y = 0``)
    where the chain rule asks for ``∂C/∂z = ∂C/∂a · σ'(z) = a - y``. The value reported is the
    cross-entropy (inherited); only the step differs. Computed from ``z`` as
    ``(a - y)/(a(1 - a)) = (1 - y)(1 + e^z) - y(1 + e^-z)``, which never divides by a rounded 0.

    >>> z = 0.3
    >>> a = float(expit(z))
    >>> round(float(BookDemoRule.delta(z, a, 0.0)), 6) == round(1 / (1 - a), 6)
    True
    """

    name = "book_demo"

    @staticmethod
    def delta(z, a, y):
        return ((1.0 - y) * (1.0 + np.exp(np.minimum(z, _EXP_CAP)))
                - y * (1.0 + np.exp(np.minimum(-z, _EXP_CAP))))


COSTS = {c.name: c for c in (costs.Quadratic, costs.CrossEntropy, BookDemoRule)}


def _cost(cost):
    if isinstance(cost, str):
        if cost not in COSTS:
            raise ProblemError(Problem("bad_choice", column="cost", text=cost),
                               f"cost must be one of {sorted(COSTS)}, got {cost!r}")
        return COSTS[cost]
    return costs.get(cost)


def _check(eta, epochs, x, y):
    problems = []
    if not (np.isfinite(eta) and eta > 0):
        problems.append(Problem("out_of_range", column="eta", value=float(eta), lo=0.0))
    if int(epochs) != epochs or epochs < 0:
        problems.append(Problem("out_of_range", column="epochs", value=float(epochs), lo=0.0))
    if not np.isfinite(x):
        problems.append(Problem("not_finite", column="x", value=float(x)))
    if not 0.0 <= y <= 1.0:
        problems.append(Problem("out_of_range", column="y", value=float(y), lo=0.0, hi=1.0))
    if problems:
        raise ProblemError(problems)


def train_many(w0, b0, *, cost, eta, epochs, x=1.0, y=0.0) -> dict[str, np.ndarray]:
    """Train many neurons at once, one per starting point ``(w0[i], b0[i])``.

    Plain gradient descent, ``w ← w - η x ∂C/∂z`` and ``b ← b - η ∂C/∂z``, all starts updated
    together in one numpy loop over epochs. Returns arrays of shape ``(epochs + 1, n)`` under
    ``w, b, z, a, cost, dC_dw, dC_db``; row ``k`` is the state after ``k`` updates and the
    gradient at that state. ``cost`` values are in nats.

    >>> runs = train_many([0.6, 2.0], [0.9, 2.0], cost="quadratic", eta=0.15, epochs=300)
    >>> runs["a"].shape, [round(float(v), 4) for v in runs["a"][300]]
    ((301, 2), [0.094, 0.2028])
    """
    c = _cost(cost)
    _check(eta, epochs, x, y)
    w, b = np.broadcast_arrays(np.atleast_1d(np.asarray(w0, dtype=float)),
                               np.atleast_1d(np.asarray(b0, dtype=float)))
    w, b = w.ravel().copy(), b.ravel().copy()
    out = {k: np.empty((epochs + 1, w.size)) for k in ("w", "b", "z", "a", "cost", "dC_dw",
                                                        "dC_db")}
    for k in range(epochs + 1):
        z = w * x + b
        a = expit(z)
        delta = c.delta(z, a, y)
        out["w"][k], out["b"][k], out["z"][k] = w, b, z
        out["a"][k], out["cost"][k] = a, c.value(z, a, y)
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
        a = expit(z)
        done = (first < 0) & (np.abs(a - y) < threshold)
        first[done] = k
        if k == epochs or (first >= 0).all():
            break
        delta = c.delta(z, a, y)
        w = w - eta * x * delta
        b = b - eta * delta
    return first.reshape(shape)


def map_epochs(*, cost, eta, epochs, threshold=0.1, x=1.0, y=0.0
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The initialisation map of one cost: the starts ``w0`` and ``b0`` of the
    :data:`MAP_AXIS` grid (``np.meshgrid`` order: ``w0`` varies along a row) and the epochs
    each needs to reach ``|a - y| < threshold`` (:func:`epochs_to_reach`; -1 never).

    >>> w0, b0, needed = map_epochs(cost="quadratic", eta=0.15, epochs=300)
    >>> needed.shape, w0[0, :2].tolist(), b0[:2, 0].tolist(), int(needed[49, 46])
    ((81, 81), [-4.0, -3.9], [-4.0, -3.9], 273)
    """
    w0, b0 = np.meshgrid(MAP_AXIS, MAP_AXIS)
    return w0, b0, epochs_to_reach(w0, b0, cost=cost, eta=eta, epochs=epochs,
                                   threshold=threshold, x=x, y=y)


@dataclass(frozen=True)
class SpeedChange:
    """How the size of one run's bias update ``|Δb| = η |∂C/∂b|`` changed during training.

    ``first_*`` describe epoch 0 (the start, where the error is ``first_error = |a - y|``);
    ``peak_*`` the largest update after the start (epochs ``1 … last_epoch``; ``peak_epoch`` is
    -1 and the peak values NaN when there is no later epoch); ``last_step`` the update at the
    last epoch. ``ratio = peak_step / first_step`` (∞ when the first step is 0 and a later one
    is not, NaN when both are 0).
    """

    first_step: float
    first_error: float
    peak_step: float
    peak_epoch: int
    peak_error: float
    last_step: float
    last_epoch: int

    @property
    def ratio(self) -> float:
        if self.peak_epoch < 0:
            return float("nan")
        if self.first_step == 0:
            return float("inf") if self.peak_step > 0 else float("nan")
        return self.peak_step / self.first_step

    @property
    def kind(self) -> str:
        """How the run's updates changed after the start: ``"up"`` (the largest later update
        is more than :data:`SPEED_UP` times the first), ``"down"`` (no later update is larger
        than the first), ``"flat"`` (in between), or ``"still"`` (no later epoch, or a first
        update of 0: nothing to compare with)."""
        if self.peak_epoch < 0 or (self.first_step == 0 and not np.isfinite(self.ratio)):
            return "still"
        return "up" if self.ratio > SPEED_UP else "down" if self.ratio <= 1 else "flat"


def start_case(q: SpeedChange, ce: SpeedChange) -> str:
    """Which cost takes the larger first update: ``"ce"``, ``"q"`` or ``"same"``."""
    if ce.first_step == q.first_step:
        return "same"
    return "ce" if ce.first_step > q.first_step else "q"


def speed_lesson(q: SpeedChange, ce: SpeedChange) -> str:
    """What the two runs show about Nielsen's learning slowdown (``q``: the quadratic cost's
    run, ``ce``: cross-entropy's):

    - ``"lesson"``: the quadratic cost sped up later (:meth:`SpeedChange.kind` ``"up"``) at a
      smaller error than at the start, i.e. it was slowest when most wrong, while
      cross-entropy's first update was its largest;
    - ``"no_slowdown"``: the quadratic cost's updates never grew beyond :data:`SPEED_UP` times
      its first;
    - ``"other"``: anything else (e.g. both sped up, or no later epoch).

    >>> q = train(2.0, 2.0, cost="quadratic", eta=0.15, epochs=300)
    >>> ce = train(2.0, 2.0, cost="cross_entropy", eta=0.15, epochs=300)
    >>> speed_lesson(speed_change(q.a, q.dC_db, eta=0.15, y=0.0),
    ...              speed_change(ce.a, ce.dC_db, eta=0.15, y=0.0))
    'lesson'
    """
    q_up = bool(np.isfinite(q.ratio) and q.ratio > SPEED_UP)
    if q_up and np.isfinite(ce.ratio) and ce.ratio <= 1 and q.peak_error < q.first_error:
        return "lesson"
    if not q_up and q.peak_epoch >= 0:
        return "no_slowdown"
    return "other"


class Experiment(NamedTuple):
    """One race of the costs, as a page sets it up: the start ``(w0, b0)``, the input ``x``
    and target ``y``, each cost's learning rate, the epochs, the goal ``|a - y| < threshold``,
    and whether the book demo's rule (:class:`BookDemoRule`) runs too. Hashable, so a page can
    cache what it shows by it.

    >>> e = Experiment(2.0, 2.0, 1.0, 0.0, 0.15, 0.005, 300, 0.1, True)
    >>> e.runs, e.eta("quadratic"), e.eta("book_demo"), e.outside_map
    (('quadratic', 'cross_entropy', 'book_demo'), 0.15, 0.005, False)
    >>> e._replace(b0=-4.5).outside_map
    True
    """

    w0: float
    b0: float
    x: float
    y: float
    eta_quadratic: float
    eta_cross_entropy: float
    epochs: int
    threshold: float
    book: bool

    def eta(self, cost: str) -> float:
        """A run's learning rate (the book demo's rule runs at the cross-entropy rate, as the
        book's demo did)."""
        return self.eta_quadratic if cost == "quadratic" else self.eta_cross_entropy

    @property
    def runs(self) -> tuple[str, ...]:
        """The runs, in the order a page shows them: both costs, then the book demo's rule."""
        return ("quadratic", "cross_entropy") + (("book_demo",) if self.book else ())

    @property
    def outside_map(self) -> bool:
        """Whether the start lies outside the initialisation map's square
        ``[-MAP_RANGE, MAP_RANGE]²`` (:data:`MAP_AXIS`), so no map can circle it."""
        return max(abs(self.w0), abs(self.b0)) > MAP_RANGE


def input_notes(e: Experiment, a0: float) -> tuple[tuple[str, Case], ...]:
    """The notes an experiment's inputs call for, as ``(kind, case)`` pairs in this order
    (each case names the page's ``nr.note.<name>`` sentence):

    - ``("warning", "x_zero")``: ``x = 0``, so ``∂C/∂w = x ∂C/∂z = 0`` and only the bias
      learns;
    - ``("warning", "big_eta")``: a learning rate of :data:`BIG_ETA` or more, whose steps make
      the output jump about;
    - ``("info", "soft_target")``: ``0 < y < 1``, where the cross-entropy's minimum is the
      target's entropy, not 0;
    - ``("info", "already")``: the start's output ``a0`` already meets the goal,
      ``|a0 - y| < threshold`` (both costs need 0 epochs; numbers, as text: the start's
      output ``a`` with three significant digits and the goal ``thr`` as typed).

    A ``"warning"`` says the picture misleads without it, an ``"info"`` that it is unusual.

    >>> notes = input_notes(Experiment(2.0, 2.0, 0.0, 1.0, 0.15, 10.0, 300, 0.1, False), 0.95)
    >>> [(kind, c.name) for kind, c in notes]
    [('warning', 'x_zero'), ('warning', 'big_eta'), ('info', 'already')]
    >>> notes[-1][1].numbers
    {'a': '0.950', 'thr': '0.1'}
    >>> input_notes(Experiment(2.0, 2.0, 1.0, 0.0, 0.15, 0.15, 300, 0.1, False), 0.982)
    ()
    """
    notes = []
    if e.x == 0:
        notes.append(("warning", Case("x_zero")))
    if max(e.eta_quadratic, e.eta_cross_entropy) >= BIG_ETA:
        notes.append(("warning", Case("big_eta")))
    if 0 < e.y < 1:
        notes.append(("info", Case("soft_target")))
    if abs(a0 - e.y) < e.threshold:
        notes.append(("info", Case("already", {"a": fmt.sig(a0, 3),
                                               "thr": fmt.prob(e.threshold)})))
    return tuple(notes)


def reach_case(n: int, epochs: int) -> Case:
    """The epochs a run took to reach the goal (:func:`epochs_to_reach`), as a page quotes
    them: ``"reached"`` (numbers: ``n``) or, for ``n = -1``, ``"never"`` within ``epochs``.
    Whole numbers as text without separators, like the settings.

    >>> reach_case(1303, 5000)
    Case(name='reached', numbers={'n': '1303'}, apart=())
    >>> reach_case(-1, 300)
    Case(name='never', numbers={'epochs': '300'}, apart=())
    """
    return Case("reached", {"n": str(n)}) if n >= 0 else Case("never", {"epochs": str(epochs)})


def rates_case(eta_quadratic: float, eta_cross_entropy: float) -> Case:
    """Whether the two costs race at the same learning rate: ``"equal"`` (numbers: ``eta``)
    or ``"differ.smaller"`` / ``"differ.larger"`` (cross-entropy's rate against the quadratic
    cost's; numbers: both rates, ``q`` and ``ce``, and ``ratio``, the larger over the smaller).
    The rates are text as typed (:func:`lib.fmt.prob`); the ratio is a float.

    >>> rates_case(0.15, 0.15)
    Case(name='equal', numbers={'eta': '0.15'}, apart=())
    >>> c = rates_case(0.15, 0.005)
    >>> c.name, c.numbers["ce"], round(c.numbers["ratio"], 6)
    ('differ.smaller', '0.005', 30.0)
    """
    if eta_quadratic == eta_cross_entropy:
        return Case("equal", {"eta": fmt.prob(eta_quadratic)})
    return Case(f"differ.{'smaller' if eta_cross_entropy < eta_quadratic else 'larger'}",
                {"q": fmt.prob(eta_quadratic), "ce": fmt.prob(eta_cross_entropy),
                 "ratio": max(eta_quadratic, eta_cross_entropy)
                 / min(eta_quadratic, eta_cross_entropy)})


def speed_cases(q: SpeedChange, ce: SpeedChange, sigma_prime0: float) -> tuple[Case, ...]:
    """What the two runs show about the speed of learning, as the cases a page words, in this
    order (``q``: the quadratic cost's run, ``ce``: cross-entropy's; ``sigma_prime0``: σ'(z)
    at the start):

    1. the lead, :func:`speed_lesson` (numbers: the quadratic cost's ``ratio``, peak epoch
       ``k`` and error there ``err``, its first error ``err0``, and ``sp``, σ'(z) at the start);
    2. the start, named ``"start.<case>"`` (:func:`start_case`; numbers: the first error
       ``err``, both first updates, ``q`` and ``ce``, and ``ratio``, the larger over the
       smaller, ∞ over a 0);
    3. and 4. how each run's updates changed, named ``"q.<kind>"`` and ``"ce.<kind>"``
       (:attr:`SpeedChange.kind`; numbers: the ``first``, ``peak`` and ``last`` updates, the
       peak's epoch ``k`` and error ``err``, the peak's ``ratio`` to the first, the last
       epoch ``n``).

    Epochs are text, whole numbers without separators as the page's settings show them; the
    rest are floats.

    >>> q = train(2.0, 2.0, cost="quadratic", eta=0.15, epochs=300)
    >>> ce = train(2.0, 2.0, cost="cross_entropy", eta=0.15, epochs=300)
    >>> cases = speed_cases(speed_change(q.a, q.dC_db, eta=0.15, y=0.0),
    ...                     speed_change(ce.a, ce.dC_db, eta=0.15, y=0.0), 0.0177)
    >>> [c.name for c in cases], cases[0].numbers["k"], round(cases[1].numbers["ratio"], 1)
    (['lesson', 'start.ce', 'q.up', 'ce.down'], '215', 56.6)
    """
    slow, fast = sorted((ce.first_step, q.first_step))
    lead = Case(speed_lesson(q, ce), {"ratio": q.ratio, "k": str(q.peak_epoch), "err": q.peak_error,
                                      "err0": q.first_error, "sp": sigma_prime0})
    start = Case(f"start.{start_case(q, ce)}", {
        "err": q.first_error, "ce": ce.first_step, "q": q.first_step,
        "ratio": fast / slow if slow > 0 else float("inf")})
    runs = tuple(Case(f"{prefix}.{sc.kind}", {
        "first": sc.first_step, "peak": sc.peak_step, "k": str(sc.peak_epoch),
        "err": sc.peak_error, "ratio": sc.ratio, "last": sc.last_step, "n": str(sc.last_epoch)})
        for prefix, sc in (("q", q), ("ce", ce)))
    return (lead, start, *runs)


@dataclass(frozen=True)
class Race:
    """The costs' race from one start (see :func:`race`); every mapping is keyed by cost."""

    frames: dict          # each run's history (:func:`train`), plus sigma_prime, grad_b_abs
    reach: dict           # epochs to the goal (:func:`epochs_to_reach`; -1 never)
    start: dict           # the output a at epoch 0
    end: dict             # the output a at the last epoch
    speed: dict           # :func:`speed_change` of the quadratic and cross-entropy runs
    case: str             # :func:`race_case`

    @property
    def sigma_prime0(self) -> float:
        """σ'(z) at the start (every run starts from the same ``z``)."""
        return float(self.frames["quadratic"]["sigma_prime"].iloc[0])


def race(w0, b0, *, etas, epochs, threshold=0.1, x=1.0, y=0.0) -> Race:
    """Train one neuron from ``(w0, b0)`` with each cost of ``etas`` (cost name -> rate; it
    must hold ``"quadratic"`` and ``"cross_entropy"``, and may hold ``"book_demo"``) and
    summarise the race to ``|a - y| < threshold``. Each history gains ``sigma_prime``
    (``σ'(z) = a(1 - a)``) and ``grad_b_abs`` (``|∂C/∂b|``), the quantities the learning
    slowdown is made of.

    >>> r = race(2.0, 2.0, etas={"quadratic": 0.15, "cross_entropy": 0.025}, epochs=500)
    >>> r.reach, r.case, round(r.sigma_prime0, 6)
    ({'quadratic': 469, 'cross_entropy': 303}, 'both.ce', 0.017663)
    """
    frames = {c: train(w0, b0, cost=c, eta=eta, epochs=epochs, x=x, y=y).assign(
        sigma_prime=lambda f: costs.sigmoid_prime(f["z"].to_numpy()),
        grad_b_abs=lambda f: f["dC_db"].abs()) for c, eta in etas.items()}
    reach = {c: int(epochs_to_reach(w0, b0, cost=c, eta=eta, epochs=epochs,
                                    threshold=threshold, x=x, y=y)) for c, eta in etas.items()}
    end = {c: float(f["a"].iloc[-1]) for c, f in frames.items()}
    speed = {c: speed_change(frames[c]["a"], frames[c]["dC_db"], eta=etas[c], y=y)
             for c in ("quadratic", "cross_entropy")}
    return Race(frames, reach, {c: float(f["a"].iloc[0]) for c, f in frames.items()}, end,
                speed, race_case(reach, end, y))


def race_case(reach, end, y: float) -> str:
    """Who won the race to the goal ``|a - y| < threshold``.

    ``reach`` maps ``"quadratic"`` and ``"cross_entropy"`` to the epochs each took
    (:func:`epochs_to_reach`; -1 = never), ``end`` to each run's last output ``a``. Returns
    ``"tie"`` or ``"both.ce"`` / ``"both.q"`` (both reached it: who first), ``"only.ce"`` /
    ``"only.q"`` (one did), or, when neither did, ``"neither.ce"`` / ``"neither.q"`` (whose last
    error ``|a - y|`` is smaller) or ``"neither.same"``.

    >>> race_case({"quadratic": 469, "cross_entropy": 303}, {}, 0.0)
    'both.ce'
    >>> race_case({"quadratic": -1, "cross_entropy": -1},
    ...           {"quadratic": 0.9, "cross_entropy": 0.3}, 0.0)
    'neither.ce'
    """
    q, ce = reach["quadratic"], reach["cross_entropy"]
    if q >= 0 and ce >= 0:
        return "tie" if q == ce else "both.ce" if ce < q else "both.q"
    if q >= 0 or ce >= 0:
        return "only.ce" if ce >= 0 else "only.q"
    err = {c: abs(end[c] - y) for c in ("quadratic", "cross_entropy")}
    return ("neither.ce" if err["cross_entropy"] < err["quadratic"] else
            "neither.q" if err["quadratic"] < err["cross_entropy"] else "neither.same")


def race_cases(e: Experiment, r: Race) -> tuple[Case, ...]:
    """The outcome of the race ``r`` of experiment ``e`` as the page's ``nr.race.<name>``
    sentences: :attr:`Race.case`, then, when the book demo's rule runs, ``"book.reached"`` (at
    epoch ``n``) or ``"book.never"``. The numbers are text as the page quotes them: the goal
    ``thr`` as typed, the ``epochs`` and epochs to the goal (``q``, ``ce``, ``n``; -1 never)
    as whole numbers without separators, like the settings, and the last outputs (``aq``,
    ``ace``, ``a``) with three significant digits.

    >>> e = Experiment(2.0, 2.0, 1.0, 0.0, 0.15, 0.005, 300, 0.1, True)
    >>> r = race(2.0, 2.0, etas={c: e.eta(c) for c in e.runs}, epochs=300)
    >>> outcome, book = race_cases(e, r)
    >>> outcome.name, outcome.numbers["q"], outcome.numbers["aq"], book.name, book.numbers
    ('neither.q', '-1', '0.203', 'book.reached', {'n': '227', 'a': '0.0479'})
    """
    reach, end = r.reach, r.end
    outcome = Case(r.case, {"thr": fmt.prob(e.threshold), "epochs": str(e.epochs),
                            "q": str(reach["quadratic"]), "ce": str(reach["cross_entropy"]),
                            "aq": fmt.sig(end["quadratic"], 3),
                            "ace": fmt.sig(end["cross_entropy"], 3)})
    if "book_demo" not in reach:
        return (outcome,)
    n, a = reach["book_demo"], fmt.sig(end["book_demo"], 3)
    return (outcome, Case("book.reached", {"n": str(n), "a": a}) if n >= 0 else
            Case("book.never", {"epochs": str(e.epochs), "a": a}))


def good_start_case(w0: float, b0: float, threshold: float, eta: float, fair_eta: float,
                    epochs: int = 1000) -> Case:
    """From a good start ``(w0, b0)`` (Nielsen's normal one), how alike the costs are:
    ``"good_start"`` with the epochs each needs to reach ``|a - y| < threshold``
    (:func:`epochs_to_reach` with ``x = 1, y = 0``, at most ``epochs``) at the same rate
    ``eta`` (``q``, ``ce``) and cross-entropy's at the fair race's rate ``fair_eta``
    (``ce_fair``); ``thr`` and ``fair`` as typed.

    >>> good_start_case(0.6, 0.9, 0.1, 0.15, 0.025).numbers
    {'thr': '0.1', 'fair': '0.025', 'q': 273, 'ce': 41, 'ce_fair': 249}
    """
    def needed(cost: str, rate: float) -> int:
        return int(epochs_to_reach(w0, b0, cost=cost, eta=rate, epochs=epochs,
                                   threshold=threshold))

    return Case("good_start", {"thr": fmt.prob(threshold), "fair": fmt.prob(fair_eta),
                               "q": needed("quadratic", eta), "ce": needed("cross_entropy", eta),
                               "ce_fair": needed("cross_entropy", fair_eta)})


def speed_change(a, dC_db, *, eta, y) -> SpeedChange:
    """Summarise how fast one run learned early against later, from its history.

    ``a`` and ``dC_db`` are the run's outputs and bias gradients by epoch (row ``k`` = after
    ``k`` updates, as :func:`train` returns them); the update at epoch ``k`` is
    ``|Δb_k| = η |∂C/∂b_k|``. Nielsen's point is in these numbers: from a badly wrong start the
    quadratic cost's later steps are many times its first (slowest exactly when most wrong),
    while cross-entropy's first step is its largest (fastest when most wrong).

    >>> q = train(2.0, 2.0, cost="quadratic", eta=0.15, epochs=300)
    >>> s = speed_change(q.a, q.dC_db, eta=0.15, y=0.0)
    >>> round(s.first_step, 4), round(s.peak_step, 4), s.peak_epoch, round(s.ratio, 1)
    (0.0026, 0.0222, 215, 8.5)
    >>> ce = train(2.0, 2.0, cost="cross_entropy", eta=0.15, epochs=300)
    >>> speed_change(ce.a, ce.dC_db, eta=0.15, y=0.0).ratio < 1
    True
    """
    a = np.asarray(a, dtype=float)
    steps = eta * np.abs(np.asarray(dC_db, dtype=float))
    errors = np.abs(a - y)
    last = len(steps) - 1
    if last >= 1:
        k = 1 + int(np.argmax(steps[1:]))
        peak_step, peak_error = float(steps[k]), float(errors[k])
    else:
        k, peak_step, peak_error = -1, float("nan"), float("nan")
    return SpeedChange(float(steps[0]), float(errors[0]), peak_step, k, peak_error,
                       float(steps[last]), last)


@dataclass(frozen=True)
class MapSummary:
    """What one initialisation map shows (see :func:`map_summary`)."""

    share: float            # fraction of starts that reach the goal
    median_epochs: float    # median epochs needed among those that reach it (NaN if none)
    misses: int             # number of starts that never reach it
    miss_min_error: float   # smallest starting |a - y| among the misses (NaN if none)
    miss_max_sigma_prime: float  # largest starting σ'(z) among the misses (NaN if none)

    @property
    def kind(self) -> str:
        """``"all"`` starts reach the goal, ``"none"`` does, or ``"some"``."""
        return "all" if self.misses == 0 else "none" if self.share == 0 else "some"

    @property
    def saturated(self) -> bool:
        """Whether every miss starts confidently wrong (``|a₀ - y| ≥ 0.9``, hence
        ``σ'(z₀) = a₀(1 - a₀) ≤ 0.09``): the saturated starts."""
        return self.kind == "some" and self.miss_min_error >= 0.9

    @property
    def error_bound(self) -> Decimal:
        """:attr:`miss_min_error` to 3 significant digits, rounded down (:func:`outward`), so
        that "every miss starts with ``|a - y| ≥`` this bound" stays true."""
        return outward(self.miss_min_error, 3, up=False)

    @property
    def sigma_prime_bound(self) -> Decimal:
        """:attr:`miss_max_sigma_prime` to 3 significant digits, rounded up, so that "every
        miss starts with ``σ'(z) ≤`` this bound" stays true."""
        return outward(self.miss_max_sigma_prime, 3, up=True)


def more_starts(summaries) -> str | None:
    """The cost whose map reaches the goal from more starts (``summaries`` maps
    ``"quadratic"`` and ``"cross_entropy"`` to their :class:`MapSummary`), None on a tie.

    >>> q = MapSummary(0.7, 10.0, 1968, 0.91, 0.08)
    >>> ce = MapSummary(1.0, 12.0, 0, float("nan"), float("nan"))
    >>> more_starts({"quadratic": q, "cross_entropy": ce}), more_starts({"quadratic": ce,
    ...                                                                  "cross_entropy": ce})
    ('cross_entropy', None)
    """
    q, ce = summaries["quadratic"].share, summaries["cross_entropy"].share
    return None if q == ce else "cross_entropy" if ce > q else "quadratic"


def map_cases(e: Experiment,
              summaries) -> tuple[tuple[str, tuple[Case, ...]], ...]:
    """What each initialisation map of experiment ``e`` shows (``summaries`` maps each cost to
    its :class:`MapSummary`), as ``(cost, cases)``, the cases the page's ``nr.map.<name>``
    sentences: the map's :attr:`MapSummary.kind` (numbers: the ``share`` of starts that reach
    the goal in whole percent, the cost's ``eta`` as typed, the ``median`` epochs with three
    significant digits, the ``epochs``; for ``"some"`` the misses' bounds ``err`` and ``sp``,
    rounded outward so that they stay true), then ``"saturated"`` when every miss starts
    confidently wrong (:attr:`MapSummary.saturated`).

    >>> e = Experiment(2.0, 2.0, 1.0, 0.0, 0.15, 0.15, 300, 0.1, False)
    >>> q = MapSummary(0.7392, 191.0, 1711, 0.908877, 0.0828196)
    >>> ce = MapSummary(1.0, 34.0, 0, float("nan"), float("nan"))
    >>> [(cost, [c.name for c in cases]) for cost, cases in map_cases(e, {"quadratic": q,
    ...                                                                   "cross_entropy": ce})]
    [('quadratic', ['some', 'saturated']), ('cross_entropy', ['all'])]
    >>> {k: map_cases(e, {"quadratic": q})[0][1][0].numbers[k] for k in ("share", "err", "sp")}
    {'share': '74%', 'err': '0.908', 'sp': '0.0829'}
    """
    out = []
    for cost, m in summaries.items():
        numbers = {"share": f"{m.share:.0%}", "eta": fmt.prob(e.eta(cost)),
                   "median": fmt.short(m.median_epochs), "epochs": str(e.epochs)}
        if m.kind == "some":
            numbers.update(err=fmt.decimal(m.error_bound), sp=fmt.decimal(m.sigma_prime_bound))
        out.append((cost, (Case(m.kind, numbers), *([Case("saturated")] if m.saturated else []))))
    return tuple(out)


def map_summary(w0, b0, needed, *, x=1.0, y=0.0) -> MapSummary:
    """Summarise a map of starts: how many reach the goal and where the misses start.

    ``needed`` is :func:`epochs_to_reach`' result for the starts ``(w0, b0)`` (-1 = never). The
    starting output is ``a₀ = σ(w0 x + b0)``; the misses are described by their smallest
    starting error ``|a₀ - y|`` and largest starting ``σ'(z₀)``, which tell whether they are the
    saturated, confidently wrong starts.

    >>> w0, b0 = np.meshgrid(np.linspace(-4, 4, 9), np.linspace(-4, 4, 9))
    >>> needed = epochs_to_reach(w0, b0, cost="quadratic", eta=0.15, epochs=300)
    >>> s = map_summary(w0, b0, needed)
    >>> round(s.share, 3), s.misses, round(s.miss_min_error, 4)
    (0.741, 21, 0.9526)
    """
    w0, b0, needed = (np.asarray(v, dtype=float).ravel() for v in (w0, b0, needed))
    z0 = w0 * x + b0
    reached = needed >= 0
    miss = ~reached
    errors = np.abs(expit(z0) - y)
    sp = costs.sigmoid_prime(z0)
    return MapSummary(
        share=float(reached.mean()) if reached.size else float("nan"),
        median_epochs=float(np.median(needed[reached])) if reached.any() else float("nan"),
        misses=int(miss.sum()),
        miss_min_error=float(errors[miss].min()) if miss.any() else float("nan"),
        miss_max_sigma_prime=float(sp[miss].max()) if miss.any() else float("nan"),
    )


# ---- The gradient as a page shows it ------------------------------------------------------------

def significant(x, digits: int) -> Decimal:
    """``x`` rounded to ``digits`` significant digits, as an exact decimal (trailing zeros kept).

    Rounds half to even on the binary value of ``float(x)``, as Python's ``format`` does.

    >>> significant(0.0176634, 4), significant(-2.5, 3), significant(12345.0, 2)
    (Decimal('0.01766'), Decimal('-2.50'), Decimal('1.2E+4'))
    """
    return Decimal(f"{float(x):.{digits - 1}e}")


def outward(x, digits: int, *, up: bool) -> Decimal:
    """A bound on ``x`` with ``digits`` significant digits, rounded away from the values it
    bounds: ``up=True`` rounds towards +∞ (an upper bound, "≤ outward(x, …, up=True)" stays
    true), ``up=False`` towards −∞ (a lower bound). Exact decimal arithmetic on the binary value
    of ``float(x)``; a bound that is already exact at ``digits`` digits is kept.

    The map's misses start with ``|a - y| ≥ 0.90888…`` and ``σ'(z) ≤ 0.082820…``: rounded to
    the nearest, "≥ 0.91" and "≤ 0.0828" would both be false.

    >>> outward(0.908884, 3, up=False), outward(0.0828201, 3, up=True)
    (Decimal('0.908'), Decimal('0.0829'))
    >>> outward(0.25, 3, up=True), outward(-0.0123456, 2, up=True), outward(0.0, 3, up=False)
    (Decimal('0.250'), Decimal('-0.012'), Decimal('0'))
    """
    x = Decimal(float(x))  # the double's exact value
    if x == 0:
        return Decimal(0)
    quantum = Decimal(1).scaleb(x.adjusted() - digits + 1)
    return x.quantize(quantum, rounding=ROUND_CEILING if up else ROUND_FLOOR)


def _decimals(x: float, digits: int) -> Decimal:
    """An output ``a`` with ``digits`` decimals, or ``digits`` significant ones below 1e-4."""
    return Decimal(f"{float(x):.{digits}f}") if x >= 1e-4 else significant(x, digits)


@dataclass(frozen=True)
class GradientArithmetic:
    """The bias gradient of one cost as a page shows it, every number an exact decimal.

    The quadratic cost shows ``(a - y) × σ'(z) = result``; cross-entropy ``a - y = result``
    (``sigma_prime`` is ``None``: no factor).
    """

    a: Decimal
    y: Decimal
    sigma_prime: Decimal | None
    result: Decimal

    @property
    def adds_up(self) -> bool:
        """Whether the shown factors, multiplied exactly and rounded to the digits of the
        shown result, give the shown result (a 0 result only from an exact 0)."""
        exact = (self.a - self.y) * (self.sigma_prime if self.sigma_prime is not None else 1)
        if self.result == 0:
            return exact == 0
        digits = len(self.result.as_tuple().digits)
        return exact != 0 and significant(exact, digits) == self.result


def gradient_arithmetic(cost: str, *, a: float, sigma_prime: float, grad: float,
                        y: float, digits: int = 4) -> GradientArithmetic:
    """Digits of the bias gradient ``∂C/∂b`` that add up as shown.

    Quadratic cost: ``∂C/∂b = (a - y) σ'(z)``. The result keeps 4 significant digits of the
    true gradient ``grad``; ``a`` (``digits`` decimals, or ``digits`` significant digits below
    1e-4) and ``σ'(z)`` (``digits`` significant digits) gain digits together, up to 17, until
    the product of the shown numbers, rounded to the result's digits, is the shown result
    (:attr:`GradientArithmetic.adds_up`): with ``a`` near ``y`` the difference loses leading
    digits, so ``a`` needs more. ``digits`` (4 unless a page needs more, :func:`card_cases`) is
    where they start. Cross-entropy: ``∂C/∂b = a - y``, the exact difference of the shown
    numbers, ``a`` with 4 decimals.

    ``y`` is shown as typed (rounded to 6 decimals, trailing zeros dropped).

    Nielsen's badly wrong start, ``w = b = 2``, at epoch 0 (``a = σ(4)``):

    >>> from scipy.special import expit
    >>> a = float(expit(4.0)); sp = float(costs.sigmoid_prime(4.0))
    >>> g = gradient_arithmetic("quadratic", a=a, sigma_prime=sp, grad=a * sp, y=0.0)
    >>> g.a, g.sigma_prime, g.result, g.adds_up
    (Decimal('0.98201'), Decimal('0.017663'), Decimal('0.01735'), True)
    >>> gradient_arithmetic("cross_entropy", a=a, sigma_prime=sp, grad=a, y=0.0).result
    Decimal('0.9820')
    """
    shown_y = Decimal(f"{float(y):.6f}").normalize()
    if cost != "quadratic":
        shown_a = _decimals(a, 4)
        return GradientArithmetic(shown_a, shown_y, None, shown_a - shown_y)
    result = significant(grad, 4) if grad != 0 else Decimal(0)
    for d in range(min(digits, 17), 18):
        out = GradientArithmetic(_decimals(a, d), shown_y, significant(sigma_prime, d), result)
        if out.adds_up:
            return out
    # Unreachable in practice (17 digits are a double's own); keep the display consistent.
    return replace(out, result=significant((out.a - shown_y) * out.sigma_prime, 4)
                   if out.a != shown_y else Decimal(0))


def card_case(cost: str, row, *, y: float, step: str, digits: int = 4) -> tuple[Case, str]:
    r"""One run's card at one epoch: its values as the page's ``nr.state.values`` sentence and
    its bias gradient worked out (:func:`gradient_formula`, with σ'(z) to at least ``digits``
    significant digits, the digits the sentence quotes). ``row`` is the epoch's row of a
    :func:`race` history (``w``, ``b``, ``z``, ``a``, ``cost``, ``dC_db``, ``sigma_prime``);
    ``y`` the target; ``step`` the reader's word for the book demo's step. The numbers are
    text: ``w``, ``b``, ``z``, ``a`` and the cost ``c`` with three significant digits
    (:func:`lib.fmt.sig`), ``sp`` as the formula shows it. A page showing several runs' cards
    at once takes them from :func:`card_cases`.

    >>> row = race(2.0, 2.0, etas={"quadratic": 0.15, "cross_entropy": 0.15},
    ...            epochs=1).frames["quadratic"].iloc[0]
    >>> values, formula = card_case("quadratic", row, y=0.0, step="step")
    >>> values.numbers
    {'w': '2.00', 'b': '2.00', 'z': '4.00', 'a': '0.982', 'c': '0.482', 'sp': '0.017663'}
    """
    sp, formula = gradient_formula(cost, a=row["a"], sigma_prime=row["sigma_prime"],
                                   grad=row["dC_db"], y=y, step=step, digits=digits)
    return Case("state.values", {**{k: fmt.sig(row[c], 3) for k, c in (
        ("w", "w"), ("b", "b"), ("z", "z"), ("a", "a"), ("c", "cost"))},
        "sp": fmt.decimal(sp)}), formula


def card_cases(rows, *, y: float, step: str) -> tuple[tuple[Case, str], ...]:
    r"""Every run's card at one epoch (:func:`card_case`; ``rows`` maps each cost to its row,
    in the order the page shows the cards). σ'(z) is one quantity on every card: each shows
    it with the same number of significant digits, the most any card's formula needs (the
    quadratic cost's product can need more than 4, :func:`gradient_arithmetic`).

    Nielsen's badly wrong start at epoch 0, where every run has the same σ'(z):

    >>> r = race(2.0, 2.0, etas={"quadratic": 0.15, "cross_entropy": 0.15}, epochs=1)
    >>> [values.numbers["sp"] for values, _ in card_cases(
    ...     {c: f.iloc[0] for c, f in r.frames.items()}, y=0.0, step="step")]
    ['0.017663', '0.017663']
    """
    def shown(cost, row, digits):
        return gradient_formula(cost, a=row["a"], sigma_prime=row["sigma_prime"],
                                grad=row["dC_db"], y=y, step=step, digits=digits)[0]
    digits = max(len(shown(cost, row, 4).as_tuple().digits) for cost, row in rows.items())
    return tuple(card_case(cost, row, y=y, step=step, digits=max(digits, 4))
                 for cost, row in rows.items())


def gradient_formula(cost: str, *, a: float, sigma_prime: float, grad: float, y: float,
                     step: str, digits: int = 4) -> tuple[Decimal, str]:
    r"""The bias gradient of one run at one epoch as a page shows it: ``σ'(z)`` with the digits
    shown, and the gradient worked out with the numbers substituted, as the rows of a LaTeX
    ``aligned`` environment (numbers by :func:`lib.fmt.decimal`), one short step a row so that
    it fits a narrow card.

    - Quadratic cost: ``∂C/∂b = (a - y) σ'(z) = (a - y) × σ'(z) = result``, the product's two
      factors on two rows, with the digits of :func:`gradient_arithmetic` (``digits`` at
      least), so that the product adds up as shown; σ'(z) is shown with the digits of that
      factor.
    - Cross-entropy: ``∂C/∂b = a - y = a - y = result`` (the exact difference of the shown
      numbers).
    - The book demo's rule: its step ``(a - y) / (a(1 - a))``, which is ``grad``, to 4
      significant digits, named ``step`` (the reader's word for it, set in ``\text``).

    Outside the quadratic cost σ'(z) shows ``digits`` significant digits.

    Nielsen's badly wrong start at epoch 0 (``a = σ(4)``):

    >>> a = float(expit(4.0)); sp = float(costs.sigmoid_prime(4.0))
    >>> shown, formula = gradient_formula("quadratic", a=a, sigma_prime=sp, grad=a * sp, y=0.0,
    ...                                   step="step")
    >>> shown, formula.split(r"\\")[1:]
    (Decimal('0.017663'), [' &= (0.98201 - 0) ', ' &\\quad \\times 0.017663 ', ' &= 0.01735'])
    >>> print(gradient_formula("cross_entropy", a=a, sigma_prime=sp, grad=a, y=0.0,
    ...                        step="step")[1])
    \frac{\partial C}{\partial b} &= a - y\\ &= 0.9820 - 0 \\ &= 0.9820
    >>> print(gradient_formula("book_demo", a=a, sigma_prime=sp, grad=1 / (1 - a), y=0.0,
    ...                        step="step")[1])
    \text{step} &= \frac{a-y}{a(1-a)}\\ &= 55.60
    """
    if cost == "book_demo":
        return significant(sigma_prime, digits), (
            rf"\text{{{step}}} &= \frac{{a-y}}{{a(1-a)}}\\ &= "
            + fmt.decimal(significant(grad, 4), latex=True))
    ar = gradient_arithmetic(cost, a=a, sigma_prime=sigma_prime, grad=grad, y=y, digits=digits)
    shown_a, shown_y, result = (fmt.decimal(d, latex=True) for d in (ar.a, ar.y, ar.result))
    if cost == "quadratic":
        return ar.sigma_prime, (
            rf"\frac{{\partial C}}{{\partial b}} &= (a-y)\,\sigma'(z)\\ &= ({shown_a} - "
            rf"{shown_y}) \\ &\quad \times {fmt.decimal(ar.sigma_prime, latex=True)} \\ "
            rf"&= {result}")
    return significant(sigma_prime, digits), (
        rf"\frac{{\partial C}}{{\partial b}} &= a - y\\ &= {shown_a} - {shown_y} \\ "
        rf"&= {result}")
