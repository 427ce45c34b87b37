"""What a run of the digits network shows, as numbers a page can put in words: who leads after
the first and after the last epoch and which of the two carries the lesson, the test digits each
cost gets wrong, and how far the seed alone moves a run.

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

Bad input raises :class:`lib.problems.ProblemError`: ``no_rows`` (no epochs, no test images)
and ``length`` (lists or arrays that must match do not).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from lib import digit_grid as grids
from lib.problems import Problem, ProblemError

__all__ = ["COSTS", "Lead", "Lesson", "Mistakes", "SEED_RUNS", "SEED_TEST_IMAGES", "SeedSpread",
           "both_wrong", "layer_frame", "lesson", "limit_cases", "long_frame", "misread_view", "mistakes", "results_case",
           "seed_spread"]

COSTS = ("quadratic", "cross_entropy")
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


def limit_cases(first_leads: Mapping[str, float] | None,
                saturated: Mapping[str, float]) -> tuple[str | None, str]:
    """Which verdict each of the two computed limits of cross-entropy takes.

    Limit 2, from ``first_leads`` (cross-entropy's lead after the first epoch, in points, by
    start: ``"large"`` the saturating N(0, 1) weights, ``"normal"`` N(0, 1/n_in); None until
    both starts are trained): ``"bigger"`` when the lead from the saturating start is larger,
    else ``"not_bigger"``; None without both. Limit 3, from ``saturated`` (each cost's share
    of saturated test outputs after the last epoch): ``"more"`` when cross-entropy's is larger
    than the quadratic cost's, else ``"not_more"``.

    >>> limit_cases({"large": 33.7, "normal": 17.2}, {"quadratic": 0.83, "cross_entropy": 0.92})
    ('bigger', 'more')
    >>> limit_cases(None, {"quadratic": 0.5, "cross_entropy": 0.5})
    (None, 'not_more')
    """
    bigger = first_leads and ("bigger" if first_leads["large"] > first_leads["normal"]
                              else "not_bigger")
    return (bigger or None,
            "more" if saturated["cross_entropy"] > saturated["quadratic"] else "not_more")


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
