"""What the soft-targets and calibration page says, decided from its numbers
(:mod:`lib.calibration`, :mod:`lib.soft_targets`).

Which sentence, tile and table row the page shows is decided here, as :class:`lib.cases.Case`
values named as the page's strings without their ``cal.`` prefix (``score.take.flat`` for
``cal.score.take.flat``), their numbers already written with :mod:`lib.fmt` (a float left as it
is reads with three significant digits, a whole count with thousands separators). ``unit`` is
the name of the information unit of ``base`` in the reader's words (``bits``); names of series
and networks come in as the reader reads them.
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple, Sequence

import pandas as pd

from lib import fmt, info, soft_targets
from lib.calibration import (SCORES, TemperatureReport, best_scores, distillation, run_status,
                             scaled_reliability, scaling_worse, sigmoid_ece, split, verdict)
from lib.cases import Case
from lib.problems import ProblemError

__all__ = ["Tile", "ScoreCases", "score_cases", "SmoothingCases", "smoothing_cases",
           "DistillationCases", "distillation_cases", "change", "COMPARE_COLUMNS", "comparison",
           "bin_rows", "NetworkCases", "network_cases", "run_case"]



class Tile(NamedTuple):
    """A metric tile: its label, its value (text, or a Case for words such as "every q
    ties"), the help behind its question mark and the caption under it (None: none)."""

    label: Case
    value: str | Case
    help: Case | None = None
    caption: Case | None = None


class ScoreCases(NamedTuple):
    """What the scoring-rules section says (:func:`score_cases`)."""

    rules: tuple[str, ...]   #: the rules whose lowest point is shown (tiles, chart markers)
    tiles: tuple[Tile, ...]
    caption: Case
    take: Case | None        #: None while the checkpoint waits for a prediction


def score_cases(p: float, base: float | None, unit: str, shown: bool = True) -> ScoreCases:
    """What the page says about the three scores of a coin of true probability ``p``
    (:func:`best_scores`): per rule (``rule.<log|brier|absolute>``) a tile ``score.best`` with
    its best report ``q``, or, when every ``q`` scores the same, the tile ``score.tie``; the
    caption ``score.caption`` listing each lowest point (``score.at``, or ``score.at_any``:
    the log loss as an amount in ``unit``, the other scores to three significant digits); and
    the takeaway: ``score.take.certain`` at ``p`` = 0 or 1 (every score is lowest at ``q =
    p``), ``score.take.flat`` when the absolute error ties, else ``score.take.exaggerate``
    with where the absolute error is lowest. ``shown`` False leaves out what a checkpoint
    asks: the absolute error's lowest point (its tile and its part of the caption) and the
    takeaway.

    >>> s = score_cases(0.7, 2, "bits")
    >>> s.rules, s.tiles[2].value
    (('log', 'brier', 'absolute'), '1')
    >>> s.take
    Case(name='score.take.exaggerate', numbers={'q': '1'}, apart=())
    >>> s.caption.numbers["list"][0].numbers["value"]
    '0.881 bits'
    >>> flat = score_cases(0.5, 2, "bits")
    >>> flat.tiles[2], flat.take.name
    (Tile(label=Case(name='rule.absolute', numbers={}, apart=()), value=Case(name='score.tie', \
numbers={}, apart=()), help=None, caption=None), 'score.take.flat')
    >>> held = score_cases(0.7, 2, "bits", shown=False)
    >>> held.rules, len(held.caption.numbers["list"]), held.take
    (('log', 'brier'), 2, None)
    """
    best = best_scores(p, base)
    rules = SCORES if shown else tuple(r for r in SCORES if r != "absolute")

    def lowest(rule: str) -> Case:
        q, score = best[rule]
        value = fmt.amount(score, unit) if rule == "log" else fmt.short(score)
        if q is None:
            return Case("score.at_any", {"rule": Case(f"rule.{rule}"), "value": value})
        return Case("score.at", {"rule": Case(f"rule.{rule}"), "q": fmt.prob(q), "value": value})

    tiles = tuple(Tile(Case(f"rule.{r}"), Case("score.tie")) if best[r][0] is None else
                  Tile(Case("score.best", {"rule": Case(f"rule.{r}")}), fmt.prob(best[r][0]))
                  for r in rules)
    absolute = best["absolute"][0]
    take = (None if not shown else Case("score.take.certain", {"p": fmt.prob(p)})
            if p in (0.0, 1.0) else Case("score.take.flat") if absolute is None
            else Case("score.take.exaggerate", {"q": fmt.prob(absolute)}))
    caption = Case("score.caption", {"p": fmt.prob(p), "unit": unit,
                                     "list": tuple(lowest(r) for r in rules)})
    return ScoreCases(rules, tiles, caption, take)


class SmoothingCases(NamedTuple):
    """What the label-smoothing section says (:func:`smoothing_cases`)."""

    tiles: tuple[Tile, ...]
    caption: Case
    take: Case | None   #: None while the checkpoint waits for a prediction
    identity: str       #: ``H(P, Q) = H(P) + KL(P‖Q)`` at the chosen gap, as LaTeX


def smoothing_cases(k: int, eps: float, gap: float, base: float | None, unit: str,
                    x_max: float, shown: bool = True) -> SmoothingCases:
    """What the page says about label smoothing over ``k`` classes with ``eps`` at the logit
    gap ``gap`` (:func:`lib.soft_targets.smoothing_at`, :func:`lib.soft_targets.optimal_gap`),
    amounts in ``unit``: the tiles ``smooth.m.best`` (g*), ``smooth.m.ce``, ``smooth.m.h``,
    ``smooth.m.kl``; the caption ``smooth.caption``, the one-hot curve at ``g = 0`` and at the
    axis's end ``x_max``, then where the smoothed target is lowest (``smooth.caption.smoothed``,
    or ``smooth.caption.far`` when g* lies beyond the axis; nothing at ``ε = 0``, whose target
    is the one-hot one); the takeaway ``smooth.take`` with g*, or ``smooth.take.zero`` at
    ``ε = 0``; and the identity ``H(P, Q) = H(P) + KL(P‖Q)`` in numbers, three significant
    digits each. ``shown`` False leaves out what a checkpoint asks: g* (its tile, its part of
    the caption) and the takeaway.

    >>> s = smoothing_cases(10, 0.1, 8.0, 2, "bits", 20.0)
    >>> [t.value for t in s.tiles], s.take.numbers, s.identity
    (['4.51', '1.04 bits', '0.722 bits', '0.321 bits'], {'gap': '4.51'}, \
'1.04 = 0.722 + 0.321 \\\\quad \\\\text{(bits)}')
    >>> s.caption.numbers["one_hot_0"], s.caption.numbers["smoothed"].name
    ('3.32 bits', 'smooth.caption.smoothed')
    >>> smoothing_cases(10, 0.001, 8.0, 2, "bits", 5.0).caption.numbers["smoothed"].name
    'smooth.caption.far'
    >>> zero = smoothing_cases(10, 0.0, 8.0, 2, "bits", 20.0)
    >>> zero.tiles[0].value, zero.take.name, zero.caption.numbers["smoothed"]
    ('∞', 'smooth.take.zero', '')
    >>> held = smoothing_cases(10, 0.1, 8.0, 2, "bits", 20.0, shown=False)
    >>> len(held.tiles), held.take, held.caption.numbers["smoothed"]
    (3, None, '')
    """
    at = soft_targets.smoothing_at(k, eps, gap, base)
    best = soft_targets.optimal_gap(k, eps)
    ends = soft_targets.smoothing_curve(k, 0.0, [0.0, x_max], base)["one_hot"]

    def amount(x: float) -> str:
        return fmt.amount(x, unit)

    smoothed = "" if eps == 0 or not shown else Case(
        "smooth.caption.smoothed" if best <= x_max else "smooth.caption.far",
        {"h": amount(at.entropy), "gap": fmt.short(best)})
    caption = Case("smooth.caption", {"k": k, "one_hot_0": amount(ends[0]),
                                      "one_hot_end": amount(ends[1]), "end": fmt.short(x_max),
                                      "smoothed": smoothed})
    take = (None if not shown else Case("smooth.take.zero") if eps == 0 else
            Case("smooth.take", {"gap": fmt.short(best)}))
    tiles = ((Tile(Case("smooth.m.best"), fmt.short(best)),) if shown else ()) + tuple(
        Tile(Case(f"smooth.m.{m}"), amount(x)) for m, x in (("ce", at.ce), ("h", at.entropy),
                                                            ("kl", at.kl)))
    identity = (rf"{fmt.tex(fmt.short(at.ce))} = {fmt.tex(fmt.short(at.entropy))} + "
                rf"{fmt.tex(fmt.short(at.kl))} \quad \text{{({unit})}}")
    return SmoothingCases(tiles, caption, take, identity)


class DistillationCases(NamedTuple):
    """What the distillation section says (:func:`distillation_cases`)."""

    tiles: tuple[Tile, ...]
    take: Case
    caption: Case
    gradient: Case   #: the soft loss's gradient at T = 1, 10 and 100, raw and × T²


def distillation_cases(teacher: Any, student: Any, temperature: float, base: float | None,
                       unit: str) -> DistillationCases:
    """What the page says about the teacher's targets at ``T = 1`` and at ``temperature``
    (:func:`distillation`; classes named by their number, the digits of the example): the
    tiles ``distil.m.wrong`` (the target's share of the classes other than the top one, in
    percent), ``distil.m.entropy`` (in ``unit``), each captioned with its value at ``T = 1``
    (``distil.m.wrong.delta``; no caption at ``T = 1`` itself), and ``distil.m.grad`` (the
    soft loss's gradient × T², the raw one in its help); the takeaway ``distil.take`` with
    that share and the two runners-up, or ``distil.take.one`` at ``T = 1`` (too sharp to
    learn from); the caption ``distil.caption`` (``distil.caption.one`` at ``T = 1``: one
    target, said once); and ``distil.grad.caption``, the gradient's length at ``T`` = 1, 10
    and 100 (``g1``, ``g10``, ``g100``) and × T² (``s1`` …; :func:`lib.soft_targets.
    gradient_scale`).

    >>> d = distillation_cases(soft_targets.EXAMPLE_TEACHER, soft_targets.EXAMPLE_STUDENT,
    ...                        4.0, 2, "bits")
    >>> [t.value for t in d.tiles], d.tiles[0].caption.numbers
    (['51.7%', '2.56 bits', '1.65'], {'value': '0.5%'})
    >>> d.take.name, d.take.numbers["first"], d.take.numbers["second"]
    ('distil.take', '9', '1')
    >>> one = distillation_cases(soft_targets.EXAMPLE_TEACHER, soft_targets.EXAMPLE_STUDENT,
    ...                          1.0, 2, "bits")
    >>> one.take.name, one.caption.name, one.tiles[0].caption
    ('distil.take.one', 'distil.caption.one', None)
    >>> round(float(one.gradient.numbers["g1"]), 4) == round(float(one.gradient.numbers["s1"]), 4)
    True
    """
    d = distillation(teacher, student, temperature, base)
    one = temperature == 1.0  # the two targets are the same: say so once

    def at_1(value: str) -> Case | None:
        return None if one else Case("distil.m.wrong.delta", {"value": value})

    wrong = fmt.percent(1 - d.at_t[d.top])
    tiles = (Tile(Case("distil.m.wrong"), wrong, None, at_1(fmt.percent(1 - d.at_1[d.top]))),
             Tile(Case("distil.m.entropy"), fmt.amount(d.entropy_t, unit), None,
                  at_1(fmt.amount(d.entropy_1, unit))),
             Tile(Case("distil.m.grad"), fmt.short(d.scaled),
                  Case("distil.m.grad.help", {"raw": fmt.short(d.gradient)})))
    take = Case("distil.take.one" if one else "distil.take",
                {"t": fmt.short(temperature), "wrong": wrong, "first": str(d.order[0]),
                 "second": str(d.order[1])})
    caption = Case("distil.caption.one" if one else "distil.caption",
                   {"t": fmt.short(temperature), "top1": fmt.percent(d.at_1[d.top]),
                    "top": fmt.percent(d.at_t[d.top])})
    marks = soft_targets.gradient_scale(student, teacher, [1.0, 10.0, 100.0])
    gradient = Case("distil.grad.caption", {
        f"{k}{n}": float(marks[col][i]) for i, n in enumerate((1, 10, 100))
        for k, col in (("g", "gradient"), ("s", "scaled"))})
    return DistillationCases(tiles, take, caption, gradient)


def change(before: float, after: float, show: Callable[[float], str]) -> Case:
    """How a number changed, as ``show`` writes it: ``change.same`` when both read the same
    (with ``a``), else ``change.fell`` or ``change.rose`` (``a`` before, ``b`` after).

    >>> change(0.0512, 0.0231, fmt.percent)
    Case(name='change.fell', numbers={'a': '5.1%', 'b': '2.3%'}, apart=())
    >>> change(0.05121, 0.05123, fmt.percent).name
    'change.same'
    """
    a, b = show(before), show(after)
    if a == b:
        return Case("change.same", {"a": a})
    return Case("change.fell" if after < before else "change.rose", {"a": a, "b": b})


#: The columns of the table comparing the networks (:func:`comparison`), as the page's strings
#: ``net.col.<column>`` name them.
COMPARE_COLUMNS = ("net", "acc", "t", "ece0", "ece1", "nll0", "nll1")


def comparison(reports: dict[str, TemperatureReport | ProblemError], names: dict[str, str],
               base: float | None) -> tuple[dict[str, list[str]], Case | None]:
    """The table comparing the networks' :func:`lib.calibration.reports` (columns :data:`COMPARE_COLUMNS`,
    one row per network named by ``names``, "—" in every other cell of a network with a
    problem; percentages to two decimals, T and the NLL in units of ``base`` to four) and the
    sentence on their fitted temperatures, ``net.compare.text``: a list of ``net.compare.part``
    (name, T to two decimals, its :func:`verdict` ``verdict.<over|under|level>``); None when
    no network has a report.

    >>> r = TemperatureReport(1.5, 100, 100, True, 0.9, 0.08, 0.02, 0.4, 0.3, 0.95, 0.9)
    >>> from lib.problems import Problem
    >>> bad = ProblemError([Problem("cal_not_finite", row=5)], "row 5")
    >>> table, text = comparison({"a": r, "b": bad}, {"a": "A", "b": "B"}, 2)
    >>> table["net"], table["t"], table["nll0"]
    (['A', 'B'], ['1.5000', '—'], ['0.5771', '—'])
    >>> [(p.numbers["net"], p.numbers["t"], p.numbers["verdict"].name)
    ...  for p in text.numbers["parts"]]
    [('A', '1.50', 'verdict.over')]
    >>> comparison({"b": bad}, {"b": "B"}, 2)[1] is None
    True
    """
    def nll_(x: float) -> str:
        return fmt.num(info.convert(x, None, base), 4)

    fine = {c: r for c, r in reports.items() if not isinstance(r, ProblemError)}
    rows = [[names[c]] + ([fmt.percent(r.accuracy, 2), fmt.num(r.temperature, 4),
                           fmt.percent(r.ece_before, 2), fmt.percent(r.ece_after, 2),
                           nll_(r.nll_before), nll_(r.nll_after)] if c in fine else ["—"] * 6)
            for c, r in reports.items()]
    parts = tuple(Case("net.compare.part", {"net": names[c], "t": fmt.num(r.temperature, 2),
                                            "verdict": Case(f"verdict.{verdict(r.temperature)}")})
                  for c, r in fine.items())
    return ({col: [row[i] for row in rows] for i, col in enumerate(COMPARE_COLUMNS)},
            Case("net.compare.text", {"parts": parts}) if parts else None)


def bin_rows(tables: dict[str, pd.DataFrame]) -> dict[str, list]:
    """The table of every non-empty bin of the :func:`lib.calibration.reliability` tables (by series name):
    columns ``series``, ``bin`` (the interval ``(lo, hi]``, three decimals), ``count``,
    ``conf`` and ``accuracy`` (four decimals).

    >>> from lib.calibration import reliability
    >>> r = reliability([[0.9, 0.1], [0.2, 0.8]], [0, 0], bins=2)
    >>> bin_rows({"A": r})
    {'series': ['A'], 'bin': ['(0.500, 1.000]'], 'count': [2], 'conf': ['0.8500'], \
'accuracy': ['0.5000']}
    """
    rows = [(name, f"({fmt.num(b.lo, 3)}, {fmt.num(b.hi, 3)}]", int(b.count),
             fmt.num(b.confidence, 4), fmt.num(b.accuracy, 4))
            for name, frame in tables.items() for b in frame.itertuples() if b.count]
    return {c: [row[i] for row in rows]
            for i, c in enumerate(("series", "bin", "count", "conf", "accuracy"))}


class NetworkCases(NamedTuple):
    """What the calibration section says about one network (:func:`network_cases`)."""

    tiles: tuple[Tile, ...]
    take: Case | None         #: None while the checkpoint waits for a prediction
    detail: tuple[Case, Case]
    split: Case
    caption: Case
    noisy: Case | None        #: said when scaling made the test images' ECE or NLL worse
    how: Case | None          #: the sigmoid reading's ECE, None when it has none
    tables: dict[str, pd.DataFrame]   #: :func:`scaled_reliability`, by series name
    bins: dict[str, list]     #: :func:`bin_rows` of ``tables``


def network_cases(report: TemperatureReport, arrays: tuple, net: str, bins: int,
                  base: float | None, unit: str, series: tuple[str, str],
                  shown: bool = True) -> NetworkCases:
    """What the page says about network ``net`` (named ``net.name.<net>``) with its
    :func:`temperature_report` ``report`` on ``arrays`` (``valid_z, valid_y, test_z,
    test_y``) and ``bins`` bins, NLL in units of ``base`` written with ``unit``: the tiles
    ``net.m.t`` (T), ``net.m.ece`` and ``net.m.nll`` (before → after), ``net.m.acc``; the
    takeaway ``net.<over|under|level>`` (:func:`verdict`); the details ``net.change`` (how ECE
    and NLL changed, :func:`change`) and ``net.mean_conf``; where T was fitted,
    ``net.split.halves`` or ``net.split.valid``; the chart's caption ``net.caption``;
    ``net.noisy`` (halves) or ``net.noisy.valid`` when :func:`lib.calibration.scaling_worse`; ``net.how.text``
    with the ECE of :func:`lib.calibration.sigmoid_shares` against the softmax's; and the reliability tables
    before and after scaling, named ``series``, with their :func:`bin_rows`. ``shown`` False
    leaves out what a checkpoint asks: T's tile and the takeaway.

    >>> import numpy as np
    >>> from lib.calibration import temperature_report
    >>> rng = np.random.default_rng(1)
    >>> z = rng.normal(size=(200, 3)) * 3
    >>> y = np.where(rng.random(200) < 0.7, z.argmax(axis=1), rng.integers(0, 3, 200))
    >>> r = temperature_report(None, None, z, y, bins=10)
    >>> n = network_cases(r, (None, None, z, y), "quadratic", 10, 2, "bits", ("1", "T"))
    >>> [t.value for t in n.tiles], n.take.name
    (['2.50', '18.1% → 13.6%', '1.989 → 1.383', '69.0%'], 'net.over')
    >>> n.split
    Case(name='net.split.halves', numbers={'n_fit': 100, 'n_test': 100}, apart=())
    >>> n.detail[0].numbers["ece"], n.noisy
    (Case(name='change.fell', numbers={'a': '18.1%', 'b': '13.6%'}, apart=()), None)
    >>> sum(n.bins["count"]), list(n.tables)    # the 100 test images, before and after
    (200, ['1', 'T'])
    """
    r, s = report, split(*arrays)
    tables = dict(zip(series, scaled_reliability(s.test_z, s.test_y, r.temperature, bins)))
    name, t = Case(f"net.name.{net}"), fmt.num(r.temperature, 2)

    def nll_(x: float, digits: int) -> str:
        return fmt.num(info.convert(x, None, base), digits)

    def amount(x: float) -> str:
        return fmt.amount(info.convert(x, None, base), unit)

    detail = (Case("net.change", {"ece": change(r.ece_before, r.ece_after, fmt.percent),
                                  "nll": change(r.nll_before, r.nll_after, amount),
                                  "acc": fmt.percent(r.accuracy)}),
              Case("net.mean_conf", {"conf": fmt.percent(r.confidence_before)}))
    tiles = ((Tile(Case("net.m.t"), t),) if shown else ()) + (
        Tile(Case("net.m.ece"), f"{fmt.percent(r.ece_before)} → {fmt.percent(r.ece_after)}"),
        Tile(Case("net.m.nll", {"unit": unit}),
             f"{nll_(r.nll_before, 3)} → {nll_(r.nll_after, 3)}"),
        Tile(Case("net.m.acc"), fmt.percent(r.accuracy), Case("net.m.acc.help")))
    sigmoid = sigmoid_ece(s.test_z, s.test_y, bins)
    return NetworkCases(
        tiles=tiles,
        take=Case(f"net.{verdict(r.temperature)}", {"t": t, "net": name}) if shown else None,
        detail=detail,
        split=Case("net.split.halves" if r.halved else "net.split.valid",
                   {"n_fit": r.n_fit, "n_test": r.n_test}),
        caption=Case("net.caption", {"net": name, "bins": bins}),
        noisy=(Case("net.noisy" if r.halved else "net.noisy.valid") if scaling_worse(r)
               else None),
        how=None if sigmoid is None else Case("net.how.text", {
            "sigmoid": fmt.percent(sigmoid), "softmax": fmt.percent(r.ece_before)}),
        tables=tables, bins=bin_rows(tables))


def run_case(run: Any, costs: Sequence[str]) -> Case | None:
    """What the calibration section says instead of a run's calibration while the run offers
    none (:func:`run_status` other than ``"ok"``): ``run.<status>``, for a run begun but not
    finished with its epochs ``done`` of ``epochs``; None for ``"ok"``.

    >>> from types import SimpleNamespace as Run
    >>> run_case(Run(done=3, epochs=30, complete=False, state="running"), ["ce"])
    Case(name='run.training', numbers={'done': 3, 'epochs': 30}, apart=())
    >>> run_case(None, ["ce"]), run_case(Run(done=30, complete=True, outputs={"ce": 1}), ["ce"])
    (Case(name='run.none', numbers={}, apart=()), None)
    """
    status = run_status(run, costs)
    if status == "ok":
        return None
    begun = status in ("training", "stopped", "failed")
    return Case(f"run.{status}", {"done": run.done, "epochs": run.epochs} if begun else {})
