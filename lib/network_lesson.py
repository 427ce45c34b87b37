"""What a run of the digits network shows, as numbers a page can put in words: who leads after
the first and after the last epoch and which of the two carries the lesson, the test digits each
cost gets wrong, how far the seed alone moves a run, and everything the results section says
and plots (:func:`results`), each sentence decided here.

Conventions
-----------
- Accuracies come in as fractions in [0, 1], one per epoch (``test_accuracy`` of
  :func:`lib.network.train`), and go out in percent.
- A lead is cross-entropy's accuracy minus the quadratic cost's, in percentage points: positive
  when cross-entropy is ahead.
- Two accuracies are level when they are equal up to a relative 10⁻⁹ (the rule
  :mod:`lib.lesson`'s checkpoints judge a tie by, so a sentence and a checkpoint never
  disagree).
- A network's prediction for an image is ``argmax(z)`` of its output weighted inputs, the
  count its test accuracy is made of (:func:`lib.network.final_outputs`).
- What the page says is decided here as :class:`lib.cases.Case` values named as the page's
  strings (``lesson.first.quadratic`` for ``nw.lesson.first.quadratic``), their numbers
  already written (:mod:`lib.fmt`: percentages to one decimal, or as many as two different
  ones need to read differently; other quantities to three significant digits; counts and
  epochs as they are). A number that is itself a Case is a name or a part of the sentence
  (``run.quadratic``, ``init.normal``), a tuple of Cases a list; the page words them
  (``ui.say``).

Bad input raises :class:`lib.problems.ProblemError`: ``no_rows`` (no epochs, no test images)
and ``length`` (lists or arrays that must match do not).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, NamedTuple, Sequence

import numpy as np
import pandas as pd

from lib import digit_grid as grids
from lib import fmt
from lib.cases import Case
from lib.charts_network import SHADES
from lib.network import Outputs, accuracy_summary, gradient_summary, unpack_rows
from lib.network_runs import COSTS, FIELDS, Config
from lib.problems import Problem, ProblemError

__all__ = ["BOOK", "Lead", "Lesson", "Misread", "Mistakes", "Results", "SEED_RUNS",
           "SEED_TEST_IMAGES", "SeedSpread", "WRONG_SHOWN", "book_cases", "both_wrong",
           "layer_frame", "lesson", "lesson_case", "limit1_cases", "limit_cases", "live_view",
           "long_frame", "misread", "misread_view", "mistakes", "results", "results_case",
           "run_lesson", "seed_spread", "seeds_case"]

_TIE = 1e-9


@dataclass(frozen=True)
class Lead:
    """Both costs' test accuracy (percent) after ``epoch``; ``points`` = cross-entropy's lead,
    ``ahead`` = ``"cross_entropy"``, ``"quadratic"`` or ``"level"``."""

    epoch: int
    quadratic: float
    cross_entropy: float

    @property
    def points(self) -> float:
        return self.cross_entropy - self.quadratic

    @property
    def ahead(self) -> str:
        q, c = self.quadratic, self.cross_entropy
        if abs(c - q) <= _TIE * max(1.0, abs(q)):
            return "level"
        return "cross_entropy" if c > q else "quadratic"


@dataclass(frozen=True)
class Lesson:
    """The run's lesson: the leads after the first and the last epoch, and ``carrier``, which
    of them carries the point (see :func:`lesson`)."""

    first: Lead
    final: Lead
    carrier: str


def lesson(quadratic: Sequence[float], cross_entropy: Sequence[float]) -> Lesson:
    """Who leads after the first and after the last epoch, and which carries the lesson.

    ``quadratic`` and ``cross_entropy`` are the two networks' test accuracies (fractions), one
    per epoch, over the epochs both have. The lesson of Nielsen's comparison is that
    cross-entropy learns *faster* (the output layer's σ′(z) no longer slows it), not that it
    ends better. ``carrier`` says where this run shows it:

    ``"one_epoch"``
        one epoch only: the first epoch is the last;
    ``"first"``
        cross-entropy is ahead after the first epoch, by more than after the last (its lead
        shrinks, or the quadratic cost catches up or passes it): the first epoch carries it;
    ``"both"``
        cross-entropy is ahead after the first epoch and its lead holds or grows to the end;
    ``"neither"``
        cross-entropy is not ahead after the first epoch (behind or level): this run does not
        show the faster start.

    >>> s = lesson([0.5185, 0.9764], [0.8552, 0.9663])
    >>> s.carrier, round(s.first.points, 2), s.final.ahead
    ('first', 33.67, 'quadratic')
    >>> lesson([0.6], [0.9]).carrier, lesson([0.9, 0.95], [0.8, 0.97]).carrier
    ('one_epoch', 'neither')
    """
    n = min(len(quadratic), len(cross_entropy))
    if n == 0:
        raise ProblemError([Problem("no_rows", value=0.0)])
    first = Lead(1, 100 * float(quadratic[0]), 100 * float(cross_entropy[0]))
    final = Lead(n, 100 * float(quadratic[n - 1]), 100 * float(cross_entropy[n - 1]))
    if n == 1:
        carrier = "one_epoch"
    elif first.ahead != "cross_entropy":
        carrier = "neither"
    elif final.points < first.points and not _level(final.points, first.points):
        carrier = "first"
    else:
        carrier = "both"
    return Lesson(first, final, carrier)


def run_lesson(rows: Mapping[str, Sequence[Mapping[str, float]]]) -> Lesson:
    """:func:`lesson` of a run's rows (each cost's, as :func:`lib.network.train` makes them).

    >>> run_lesson({"quadratic": [{"test_accuracy": 0.6}],
    ...             "cross_entropy": [{"test_accuracy": 0.9}]}).first.ahead
    'cross_entropy'
    """
    return lesson(*([r["test_accuracy"] for r in rows[c]] for c in COSTS))


def lesson_case(s: Lesson) -> Case:
    """The results' lead sentence for a run's :class:`Lesson`: ``lesson`` (the first lead;
    the final lead, so the carrier) or, after one epoch only, ``lesson.one``. A lead is
    ``lesson.<first|final>.<ahead>`` with its epoch, both accuracies (``quad``, ``ce``: one
    decimal, more when two different ones would read the same, :func:`lib.fmt.apart`) and
    the lead in points with the same decimals, one more for all three (at most three) where
    the two as shown would not subtract to it; the carrier ``lesson.carrier.<carrier>``, for
    ``"first"`` with who ends ahead (``lesson.carrier.first.quadratic``: faster, not better).

    >>> c = lesson_case(lesson([0.5, 0.9764], [0.8, 0.9663]))
    >>> c.name, c.numbers["carrier"].name
    ('lesson', 'lesson.carrier.first.quadratic')
    >>> c.numbers["first"].name, c.numbers["first"].numbers
    ('lesson.first.cross_entropy', {'epoch': 1, 'quad': '50.0', 'ce': '80.0', 'points': '30.0'})
    >>> one = lesson_case(lesson([0.9761], [0.9764]))   # 97.6% both, to one decimal
    >>> one.name, one.numbers["first"].numbers["quad"], one.numbers["first"].numbers["ce"]
    ('lesson.one', '97.61', '97.64')
    """

    def part(lead: Lead, where: str) -> Case:
        quad, ce = fmt.apart(lead.quadratic, lead.cross_entropy, fmt.num, 1)
        # A reader subtracts the two accuracies: one more decimal where, as shown, they would
        # not give the lead (85.5% against 51.9% is 33.6, but the lead is 33.67: 85.52, 51.85).
        d = len(quad.partition(".")[2])
        while d < 3 and fmt.num(abs(float(ce) - float(quad)), d) != fmt.num(abs(lead.points), d):
            d += 1
            quad, ce = fmt.num(lead.quadratic, d), fmt.num(lead.cross_entropy, d)
        points = fmt.num(abs(lead.points), d)
        return Case(f"lesson.{where}.{lead.ahead}", {"epoch": lead.epoch, "quad": quad,
                                                      "ce": ce, "points": points})

    if s.carrier == "one_epoch":
        return Case("lesson.one", {"first": part(s.first, "first")})
    carrier = f"first.{s.final.ahead}" if s.carrier == "first" else s.carrier
    return Case("lesson", {"first": part(s.first, "first"), "final": part(s.final, "final"),
                           "carrier": Case(f"lesson.carrier.{carrier}")})


def limit_cases(first_leads: Mapping[str, float] | None,
                saturated: Mapping[str, float]) -> tuple[Case | None, Case]:
    """Which verdict each of the two computed limits of cross-entropy takes, with the numbers
    it quotes (three significant digits).

    Limit 2, from ``first_leads`` (cross-entropy's lead after the first epoch, in points, by
    start: ``"large"`` the saturating N(0, 1) weights, ``"normal"`` N(0, 1/n_in); None until
    both starts are trained): ``limit2.bigger`` when the lead from the saturating start is
    larger, else ``limit2.not_bigger``; None without both. Limit 3, from ``saturated`` (each
    cost's percentage of saturated test outputs after the last epoch): ``limit3.more`` when
    cross-entropy's is larger than the quadratic cost's, else ``limit3.not_more``.

    >>> two, three = limit_cases({"large": 33.7, "normal": 17.2},
    ...                          {"quadratic": 83.0, "cross_entropy": 92.0})
    >>> two
    Case(name='limit2.bigger', numbers={'large': '33.7', 'normal': '17.2'}, apart=())
    >>> three
    Case(name='limit3.more', numbers={'ce': '92', 'quad': '83'}, apart=())
    >>> limit_cases(None, {"quadratic": 50.0, "cross_entropy": 50.0})[0] is None
    True
    """
    bigger = None
    if first_leads:
        large, normal = first_leads["large"], first_leads["normal"]
        bigger = Case("limit2.bigger" if large > normal else "limit2.not_bigger",
                      {"large": fmt.short(large), "normal": fmt.short(normal)})
    ce, quad = saturated["cross_entropy"], saturated["quadratic"]
    return bigger, Case("limit3.more" if ce > quad else "limit3.not_more",
                        {"ce": fmt.short(ce), "quad": fmt.short(quad)})


def _level(a: float, b: float) -> bool:
    return abs(a - b) <= _TIE * max(1.0, abs(a))


@dataclass(frozen=True)
class Mistakes:
    """The test images one network gets wrong: their indices (ascending), true classes and
    predicted classes (read-only arrays), out of ``images`` test images."""

    index: np.ndarray
    true: np.ndarray
    predicted: np.ndarray
    images: int

    @property
    def count(self) -> int:
        return len(self.index)

    def pairs(self, stop: int, start: int = 0) -> str:
        """Those from ``start`` to before ``stop`` as "true→predicted", joined by " · "."""
        return " · ".join(f"{y}→{p}" for y, p in zip(self.true[start:stop],
                                                     self.predicted[start:stop]))


def _frozen(a: np.ndarray) -> np.ndarray:
    a = np.array(a, dtype=np.int64)
    a.flags.writeable = False
    return a


def mistakes(test_z, test_y) -> Mistakes:
    """The test images whose predicted class ``argmax(z)`` (the first, on a tie) is not their
    true class ``y``.

    ``test_z`` is ``n × classes`` (a network's output weighted inputs), ``test_y`` the ``n``
    true classes. ``count = n (1 − accuracy)`` for the accuracy ``mean(argmax(z) == y)``.

    >>> z = np.array([[2.0, 0.1], [0.3, 0.2], [0.0, 1.0]])
    >>> m = mistakes(z, [0, 1, 1])
    >>> m.index.tolist(), m.true.tolist(), m.predicted.tolist(), m.count, m.images
    ([1], [1], [0], 1, 3)
    >>> m.pairs(12), m.pairs(12, start=1)
    ('1→0', '')
    """
    z, y = np.asarray(test_z), np.asarray(test_y)
    if z.ndim != 2 or y.ndim != 1 or len(z) != len(y):
        raise ProblemError([Problem("length", column="test_y", value=float(len(y)),
                                    limit=float(len(z)))])
    predicted = np.argmax(z, axis=1) if len(z) else np.zeros(0, dtype=np.int64)
    wrong = np.flatnonzero(predicted != y)
    return Mistakes(_frozen(wrong), _frozen(y[wrong]), _frozen(predicted[wrong]), len(y))


def both_wrong(a: Mistakes, b: Mistakes) -> np.ndarray:
    """The indices of the test images both networks get wrong (ascending, read-only).

    >>> z = np.eye(3)
    >>> both_wrong(mistakes(z, [1, 1, 2]), mistakes(z, [1, 0, 2])).tolist()
    [0]
    """
    if a.images != b.images:
        raise ProblemError([Problem("length", column="images", value=float(b.images),
                                    limit=float(a.images))])
    return _frozen(np.intersect1d(a.index, b.index))


def misread_view(X_test, m: Mistakes, side: int, width: int,
                 shown: int = 12) -> tuple[np.ndarray | None, tuple[str, ...]]:
    """The first ``shown`` of ``m``'s misread images (from ``X_test``, ``side × side`` pixels)
    as one read-only picture (:func:`lib.digit_grid.picture`) in one or two rows of at most
    ``shown // 2``, scaled so that ``shown // 2`` tiles fit ``width`` pixels (every network's
    pictures at one scale); and each row's "true→predicted" pairs (:meth:`Mistakes.pairs`).
    ``(None, ())`` when ``m`` has none.

    >>> X = np.eye(4).repeat(16, axis=1)      # four 8 × 8 images
    >>> m = mistakes(np.eye(4), [1, 0, 3, 0])  # every one misread
    >>> picture, rows = misread_view(X, m, 8, 358, shown=4)   # two rows of two
    >>> rows, picture.shape[1] <= 358, picture.flags.writeable
    (('1→0 · 0→1', '3→2 · 0→3'), True, False)
    """
    if not m.count:
        return None, ()
    most, count = shown // 2, min(m.count, shown)
    columns = max(1, min(m.count, most))
    picture = grids.picture(X_test, m.index[:shown], side, columns,
                            grids.fit_factor(side, most, width))
    return picture, tuple(m.pairs(min(k + columns, shown), k) for k in range(0, count, columns))


#: Misread digits pictured per cost (the count says how many there are in all).
WRONG_SHOWN = 12


class Misread(NamedTuple):
    """One network's misread test digits as the results show them: ``found``
    (:func:`mistakes`); ``count``, how many (``wrong.count``, or ``wrong.none`` when none);
    ``picture``, the first :data:`WRONG_SHOWN` (:func:`misread_view`; None when none), with
    its text alternative ``alt`` and its ``caption`` (sentences: ``wrong.first`` when not all
    are shown, then ``wrong.rows1`` or ``wrong.rows2`` with each row's "true→predicted")."""

    found: Mistakes
    count: Case
    picture: np.ndarray | None
    alt: Case | None
    caption: tuple[Case, ...]


def misread(outputs: Mapping[str, Outputs], X_test, side: int,
            width: int) -> tuple[tuple[Misread, ...], Case | None]:
    """Each cost's :class:`Misread`, from its final network's ``outputs``
    (:class:`lib.network.Outputs`), pictured from ``X_test`` (``side × side`` pixels, at most
    ``width`` wide); and how many test digits both misread (``wrong.both``; None when none).

    >>> from lib.network import Outputs
    >>> X = np.eye(4).repeat(16, axis=1)             # four 8 × 8 images
    >>> out = {"quadratic": Outputs(None, None, np.eye(4), np.array([1, 1, 2, 3])),
    ...        "cross_entropy": Outputs(None, None, np.eye(4), np.array([1, 0, 2, 3]))}
    >>> (quad, ce), both = misread(out, X, 8, 358)       # image 0 misread by both
    >>> quad.count.numbers["wrong"], ce.count.numbers["wrong"], both.numbers
    (1, 2, {'both': 1})
    >>> [c.name for c in ce.caption], ce.caption[0].numbers["top"], ce.alt.numbers
    (['wrong.rows1'], '1→0 · 0→1', {'shown': 2})
    >>> right = Outputs(None, None, np.eye(4), np.arange(4))    # none misread
    >>> (quad, ce), both = misread(out | {"cross_entropy": right}, X, 8, 358)
    >>> ce.count.name, ce.picture, ce.alt, ce.caption, both
    ('wrong.none', None, None, (), None)
    """
    found = {c: mistakes(outputs[c].test_z, outputs[c].test_y) for c in COSTS}
    views = []
    for cost, m in found.items():
        picture, rows = misread_view(X_test, m, side, width, WRONG_SHOWN)
        count = Case("wrong.count" if m.count else "wrong.none",
                     {"run": Case(f"run.{cost}"), "wrong": m.count, "images": m.images})
        shown = min(m.count, WRONG_SHOWN)
        caption = (((Case("wrong.first", {"shown": shown}),) if shown < m.count else ())
                   + (Case(f"wrong.rows{len(rows)}", {"top": rows[0], "bottom": rows[-1]}),)
                   if rows else ())
        views.append(Misread(m, count, picture, Case("wrong.alt", {"shown": shown})
                             if m.count else None, caption))
    both = len(both_wrong(*found.values()))
    return tuple(views), Case("wrong.both", {"both": both}) if both else None


# ---- How far the seed moves a run -----------------------------------------------------------

#: Test images of the bundled digits (:func:`lib.digits.bundled`), the denominator below.
SEED_TEST_IMAGES = 297
#: The network page's default run (bundled digits, 30 hidden neurons, N(0, 1) weights, 30
#: epochs, mini-batches of 10, η 3.0 and 0.5) for seeds 1 to 10, trained with
#: :func:`lib.network.train`: per seed, the test images each cost gets right after the first
#: and after the last epoch, ``(quadratic first, quadratic last, cross-entropy first,
#: cross-entropy last)``. The seed sets the initial weights and the mini-batch order; nothing
#: else differs. (Measured, and checked again by ``tests/test_network_lesson.py``.)
SEED_RUNS = {
    1: (154, 290, 254, 287), 2: (163, 291, 255, 290), 3: (208, 290, 248, 288),
    4: (179, 291, 256, 293), 5: (131, 286, 259, 286), 6: (195, 286, 229, 291),
    7: (162, 291, 259, 287), 8: (180, 266, 246, 288), 9: (185, 290, 260, 288),
    10: (180, 288, 261, 292),
}


@dataclass(frozen=True)
class SeedSpread:
    """What several seeds' runs of the same settings show (percentages and points).

    ``seeds`` (lowest, highest); ``final`` per cost the (lowest, highest) final accuracy;
    ``ends_ahead`` how many runs end with each of ``"quadratic"``, ``"cross_entropy"`` and
    ``"level"`` ahead; ``first_lead`` cross-entropy's (smallest, largest) lead after the first
    epoch; ``first_ahead`` how many runs have cross-entropy ahead after it."""

    seeds: tuple[int, int]
    runs: int
    final: Mapping[str, tuple[float, float]]
    ends_ahead: Mapping[str, int]
    first_lead: tuple[float, float]
    first_ahead: int


def seed_spread(runs: Mapping[int, Sequence[int]] = SEED_RUNS,
                images: int = SEED_TEST_IMAGES) -> SeedSpread:
    """:class:`SeedSpread` of runs given as :data:`SEED_RUNS` gives them (test images right
    out of ``images``), each judged by :func:`lesson`.

    >>> s = seed_spread({1: (50, 90, 80, 95), 2: (60, 95, 70, 90)}, images=100)
    >>> s.final["quadratic"], s.ends_ahead["cross_entropy"], s.first_lead, s.first_ahead
    ((90.0, 95.0), 1, (10.0, 30.0), 2)
    """
    if not runs:
        raise ProblemError([Problem("no_rows", value=0.0)])
    lessons = [lesson([q0 / images, q1 / images], [c0 / images, c1 / images])
               for q0, q1, c0, c1 in runs.values()]
    finals = {"quadratic": [s.final.quadratic for s in lessons],
              "cross_entropy": [s.final.cross_entropy for s in lessons]}
    leads = [s.first.points for s in lessons]
    ends = [s.final.ahead for s in lessons]
    return SeedSpread(
        (min(runs), max(runs)), len(runs),
        {c: (min(v), max(v)) for c, v in finals.items()},
        {side: ends.count(side) for side in ("quadratic", "cross_entropy", "level")},
        (min(leads), max(leads)), sum(s.first.ahead == "cross_entropy" for s in lessons))


def seeds_case(s: SeedSpread) -> Case:
    """How far the seed alone moves a run, in one sentence (``seeds``): the seeds, each cost's
    lowest and highest final accuracy (one decimal), how many runs end with each cost or
    neither ahead, and how many of them have cross-entropy ahead after the first epoch, by
    how many points at least and at most.

    >>> seeds_case(seed_spread()).numbers["q_lo"], seeds_case(seed_spread()).numbers["lead_hi"]
    ('89.6', '43.1')
    """
    (q_lo, q_hi), (c_lo, c_hi) = s.final["quadratic"], s.final["cross_entropy"]
    return Case("seeds", {"lo": s.seeds[0], "hi": s.seeds[1], "q_lo": fmt.num(q_lo, 1),
                          "q_hi": fmt.num(q_hi, 1), "ce_lo": fmt.num(c_lo, 1),
                          "ce_hi": fmt.num(c_hi, 1), "q_n": s.ends_ahead["quadratic"],
                          "ce_n": s.ends_ahead["cross_entropy"], "level_n": s.ends_ahead["level"],
                          "first_n": s.first_ahead, "runs": s.runs,
                          "lead_lo": fmt.short(s.first_lead[0]),
                          "lead_hi": fmt.short(s.first_lead[1])})


# ---- When the results may be shown ----------------------------------------------------------

def results_case(answered: Sequence[bool], before: Sequence[bool], skipped: bool,
                 teaching: bool) -> str:
    """Whether a run's results (which answer the page's checkpoints) are shown, and if not,
    what the reader is asked to do: the page's one rule for it.

    ``answered[i]`` is whether checkpoint ``i`` has a prediction for the run shown (or, in the
    presentation view, was revealed by the teacher); ``before[i]`` whether the reader committed
    a prediction there before, for any run (their progress, also carried in a link);
    ``skipped`` whether the reader chose, this session, to see results without predicting.

    Returns ``"shown"``; else ``"reveal"`` in the presentation view (the teacher reveals every
    checkpoint, one at a time: earlier predictions and a skip do not count there), or
    ``"predict"`` (predict at every checkpoint not yet predicted, or skip).

    >>> results_case([True, False], [False, False], skipped=False, teaching=False)
    'predict'
    >>> results_case([True, False], [False, True], skipped=False, teaching=False)
    'shown'
    >>> results_case([False, False], [True, True], skipped=False, teaching=True)
    'reveal'
    >>> results_case([False, False], [False, False], skipped=True, teaching=False)
    'shown'
    """
    if len(answered) != len(before):
        raise ProblemError([Problem("length", column="before", value=float(len(before)),
                                    limit=float(len(answered)))])
    if teaching:
        return "shown" if all(answered) else "reveal"
    return "shown" if skipped or all(map(any, zip(answered, before))) else "predict"


# ---- The runs as the charts read them -------------------------------------------------------

def long_frame(rows: Mapping[str, Sequence[Mapping[str, float]]],
               costs: Sequence[str] = COSTS) -> pd.DataFrame:
    """Each cost's rows (as :func:`lib.network.train` makes them) in one long frame with a
    ``cost`` column, plus the percentages the charts plot: ``test_accuracy_pct`` and
    ``saturated_pct`` (100 × the fractions).

    >>> rows = {"quadratic": [{"epoch": 1, "test_accuracy": 0.5, "saturated_output": 0.1}],
    ...         "cross_entropy": [{"epoch": 1, "test_accuracy": 0.75, "saturated_output": 0.2}]}
    >>> long_frame(rows)[["cost", "test_accuracy_pct"]].values.tolist()
    [['quadratic', 50.0], ['cross_entropy', 75.0]]
    """
    out = pd.concat([pd.DataFrame(list(map(dict, rows[c]))).assign(cost=c) for c in costs],
                    ignore_index=True)
    out["test_accuracy_pct"] = out["test_accuracy"] * 100
    out["saturated_pct"] = out["saturated_output"] * 100
    return out


def layer_frame(frame: pd.DataFrame, series: Sequence[tuple[str, str]]) -> pd.DataFrame:
    """Bias-gradient lengths from :func:`long_frame`'s ``grad_norm_<layer>`` columns as one long
    frame (``epoch``, ``value``, ``cost``, ``layer``), one series per ``(cost, layer)`` of
    ``series``, in that order.

    >>> f = long_frame({"quadratic": [{"epoch": 1, "test_accuracy": 0.5, "saturated_output": 0,
    ...                                "grad_norm_hidden": 2.0, "grad_norm_output": 3.0}]},
    ...                costs=["quadratic"])
    >>> layer_frame(f, [("quadratic", "output"), ("quadratic", "hidden")])["value"].tolist()
    [3.0, 2.0]
    """
    return pd.concat([frame.loc[frame["cost"] == cost, ["epoch", f"grad_norm_{layer}"]]
                      .rename(columns={f"grad_norm_{layer}": "value"})
                      .assign(cost=cost, layer=layer) for cost, layer in series],
                     ignore_index=True)


# ---- What the results say -------------------------------------------------------------------

#: The book's best-epoch test accuracies on MNIST in percent (quadratic, cross-entropy) by
#: hidden size (Nielsen, chapters 1 and 3), with N(0, 1) weights, η 3.0 and 0.5, mini-batches
#: of 10 and 30 epochs.
BOOK = {30: (95.42, 95.49), 100: (96.59, 96.82)}


def book_cases(cfg: Config) -> tuple[Case, ...]:
    """The run of ``cfg`` beside the book's figures, as sentences: the figures for its network
    size and how they were measured (``book.how30``, or ``book.how100`` for 100 hidden
    neurons); on the bundled digits that they do not compare (``book.bundled``); on MNIST
    what is the same (``book.here``), each setting that differs from the book's
    (``book.diffs``, a list of ``diff.<setting>``) and what always differs (``book.always``).

    >>> [c.name for c in book_cases(Config("bundled", 100, 3.0, 0.5, 30, 10, "large", 1))]
    ['book.how100', 'book.bundled']
    >>> how, here, diffs, always = book_cases(Config("mnist", 40, 2.0, 0.5, 30, 10, "large", 1))
    >>> how.numbers, [(d.name, d.numbers.get("eta")) for d in diffs.numbers["diffs"]]
    ({'quad': '95.42', 'ce': '95.49', 'hidden': 30}, [('diff.hidden', None), ('diff.eta', '2')])
    """
    hidden = cfg.hidden if cfg.hidden in BOOK else 30
    quad, ce = BOOK[hidden]
    how = Case(f"book.how{hidden}", {"quad": fmt.num(quad, 2), "ce": fmt.num(ce, 2),
                                     "hidden": hidden})
    if cfg.source != "mnist":
        return how, Case("book.bundled")
    diffs = tuple(Case(name, numbers) for differs, name, numbers in (
        (cfg.hidden not in BOOK, "diff.hidden", {"hidden": cfg.hidden}),
        (cfg.init != "large", "diff.init", {"start": Case(f"init.{cfg.init}")}),
        *((cfg.eta(c) != book, "diff.eta", {"run": Case(f"run.{c}"), "eta": fmt.prob(cfg.eta(c)),
                                            "book": fmt.prob(book)})
          for c, book in zip(COSTS, (3.0, 0.5))),
        (cfg.batch != 10, "diff.batch", {"batch": cfg.batch}),
        (cfg.epochs != 30, "diff.epochs", {"epochs": cfg.epochs})) if differs)
    return (how, Case("book.here"), *([Case("book.diffs", {"diffs": diffs})] if diffs else []),
            Case("book.always"))


def limit1_cases(rows: Mapping[str, Sequence[Mapping[str, float]]]
                 ) -> tuple[tuple[Case, Case], tuple[Case, Case]]:
    """Limit 1 from a run's rows (:func:`lib.network.gradient_summary`): what this run found,
    in how many epochs the hidden layer's gradient beat the output layer's
    (``limit1.count``) and how much larger cross-entropy made it (``limit1.larger``, or
    ``limit1.smaller`` when the median ratio is below 1); then why (``limit1.why``) and the
    hidden σ'(z) that remains (``limit1.slope``).

    >>> rows = {"quadratic": [{"grad_norm_hidden": 1.0, "grad_norm_output": 2.0,
    ...                        "hidden_slope": 0.2}],
    ...         "cross_entropy": [{"grad_norm_hidden": 3.0, "grad_norm_output": 1.0,
    ...                            "hidden_slope": 0.1}]}
    >>> (count, ratio), (why, slope) = limit1_cases(rows)
    >>> count.numbers, ratio, slope.numbers
    ({'epochs': 1, 'ce': 1, 'quad': 0}, Case(name='limit1.larger', numbers={'ratio': '3'}, \
apart=()), {'ce': '0.1', 'quad': '0.2'})
    """
    s = gradient_summary(*(pd.DataFrame(list(map(dict, rows[c]))) for c in COSTS))
    ratio = s["hidden_ratio"]
    return ((Case("limit1.count", {"epochs": s["epochs"], "ce": s["hidden_above"]["cross_entropy"],
                                   "quad": s["hidden_above"]["quadratic"]}),
             Case("limit1.larger" if ratio >= 1 else "limit1.smaller",
                  {"ratio": fmt.short(ratio)})),
            (Case("limit1.why"), Case("limit1.slope", {
                "ce": fmt.short(s["hidden_slope"]["cross_entropy"]),
                "quad": fmt.short(s["hidden_slope"]["quadratic"])})))


@dataclass(frozen=True)
class Results:
    """What the results section of a run says and plots, before it is put in the reader's
    words (sentences as the module's conventions describe them).

    ``lesson`` the lead sentence (:func:`lesson_case`); ``metrics`` per cost its label
    (``m.final``), its final accuracy (``97.6%``), its best epoch (``m.best``) and its
    final accuracy to two decimals (``m.help``); ``book`` and ``seeds`` how much one run
    tells (:func:`book_cases`, :func:`seeds_case`); ``cost`` the chart of the training cost in
    words (``cost.alt``, first and last epoch); ``starts`` per start and cost the accuracy
    after the first and the last epoch (None until both starts are finished); ``limit1``,
    ``limit2``, ``limit3`` the limits of cross-entropy (:func:`limit1_cases`,
    :func:`limit_cases`); ``frame`` both costs' rows for the charts (:func:`long_frame`),
    ``grads`` both layers' gradient lengths (:func:`layer_frame` of
    :data:`lib.charts_network.SHADES`), ``done`` the epochs shown."""

    lesson: Case
    metrics: tuple[tuple[Case, str, Case, Case], ...]
    book: tuple[Case, ...]
    seeds: Case
    cost: Case
    starts: tuple[tuple[str, str, str, str], ...] | None
    limit1: tuple[tuple[Case, Case], tuple[Case, Case]]
    limit2: Case | None
    limit3: Case
    frame: pd.DataFrame
    grads: pd.DataFrame
    done: int


def results(cfg: Config, mine: bytes, other: bytes | None) -> Results:
    """The :class:`Results` of the run trained with ``cfg`` whose numbers are ``mine``, with
    ``other`` the other start's numbers (None until both are finished; both as
    :func:`lib.network_runs.records` packs them). Limit 2 compares cross-entropy's lead after
    the first epoch from each start; limit 3 the saturated outputs after the last.

    >>> from lib.network_runs import numbers, Partial
    >>> def rows(q, ce):   # test accuracies by epoch, the other numbers fixed
    ...     return {c: tuple(dict.fromkeys(FIELDS, 0.5) | {"epoch": i + 1, "test_accuracy": a}
    ...                      for i, a in enumerate(acc)) for c, acc in zip(COSTS, (q, ce))}
    >>> cfg = Config("bundled", 30, 3.0, 0.5, 2, 10, "large", 1)
    >>> r = results(cfg, numbers(Partial(rows([0.5, 0.9], [0.8, 0.85]), 2, "stopped")), None)
    >>> r.metrics[0][1], r.metrics[0][2].numbers, r.done, r.starts, r.limit2
    ('90.0%', {'best': '90.0', 'epoch': 2}, 2, None, None)
    >>> other = numbers(Partial(rows([0.7, 0.9], [0.8, 0.9]), 2, "stopped"))
    >>> r = results(cfg, numbers(Partial(rows([0.5, 0.9], [0.8, 0.85]), 2, "stopped")), other)
    >>> r.starts[0], r.starts[2], r.limit2.name
    (('large', 'quadratic', '50.0%', '90.0%'), ('normal', 'quadratic', '70.0%', '90.0%'), \
'limit2.bigger')
    """
    rows = unpack_rows(mine, COSTS, FIELDS)
    summary = accuracy_summary(rows)
    starts = other and {cfg.init: rows, cfg.other_start().init: unpack_rows(other, COSTS, FIELDS)}
    # Limit 2: cross-entropy's first-epoch lead from each start; limit 3: saturation by the end.
    gaps = starts and {init: run_lesson(r).first.points for init, r in starts.items()}
    limit2, limit3 = limit_cases(gaps, {c: summary[c]["saturated"] for c in COSTS})
    cost = {c: [r["train_cost"] for r in rows[c]] for c in COSTS}
    frame = long_frame(rows)
    return Results(
        lesson=lesson_case(run_lesson(rows)),
        metrics=tuple((Case("m.final", {"run": Case(f"run.{c}")}),
                       fmt.percent(rows[c][-1]["test_accuracy"]),
                       Case("m.best", {"best": fmt.num(summary[c]["best"], 1),
                                       "epoch": summary[c]["best_epoch"]}),
                       Case("m.help", {"exact": fmt.num(summary[c]["final"], 2)}))
                      for c in COSTS),
        book=book_cases(cfg), seeds=seeds_case(seed_spread()),
        cost=Case("cost.alt", {"q0": fmt.short(cost["quadratic"][0]),
                               "q1": fmt.short(cost["quadratic"][-1]),
                               "c0": fmt.short(cost["cross_entropy"][0]),
                               "c1": fmt.short(cost["cross_entropy"][-1])}),
        starts=starts and tuple((init, c, fmt.percent(r[c][0]["test_accuracy"]),
                                 fmt.percent(r[c][-1]["test_accuracy"]))
                                for init, r in starts.items() for c in COSTS),
        limit1=limit1_cases(rows), limit2=limit2, limit3=limit3,
        frame=frame, grads=layer_frame(frame, list(SHADES)), done=len(rows[COSTS[0]]))


def live_view(mine: bytes) -> tuple[pd.DataFrame, int, Case]:
    """A training under way whose numbers so far are ``mine`` (as
    :func:`lib.network_runs.numbers` packs them): both costs' rows for the live chart
    (:func:`long_frame`), the epochs done, and the chart in words (``live.alt``: both costs'
    test accuracy after the last of them, one decimal).

    >>> from lib.network_runs import numbers, Partial
    >>> row = dict.fromkeys(FIELDS, 0.5) | {"test_accuracy": 0.25}
    >>> frame, done, words = live_view(numbers(Partial({c: (row,) for c in COSTS}, 3, "running")))
    >>> len(frame), done, words.numbers
    (2, 1, {'epoch': 1, 'quad': '25.0', 'ce': '25.0'})
    """
    rows = unpack_rows(mine, COSTS, FIELDS)
    last = {c: fmt.num(rows[c][-1]["test_accuracy"] * 100, 1) for c in COSTS}
    done = len(rows[COSTS[0]])
    return long_frame(rows), done, Case("live.alt", {"epoch": done, "quad": last["quadratic"],
                                                      "ce": last["cross_entropy"]})
