"""Settings, cached views and wording of the soft-targets and calibration page.

Each section's view is one cached call (``st.cache_resource``, bounded, the language an explicit
argument): chart data as Arrow bytes, metrics and sentences chosen by the computed conditions
(:mod:`lib.calibration`). The calibration section reads the digits network page's run for that
page's current settings (``ui.network.runs().find``): its ``outputs[cost]`` (``valid_z, valid_y,
test_z, test_y``: the final network's output-layer z and the labels). Its views are keyed by a
digest of those numbers.
"""

from __future__ import annotations

from collections import namedtuple
from typing import Any

import streamlit as st

from lib import calibration as cal
from lib import charts_calibration as cc
from lib import soft_targets as soft
from lib.info import convert
from lib.problems import ProblemError
from lib import fmt
from lib.settings import Setting
from ui import checkpoint, layout, problems
from ui import network as nw
from ui.charts import arrow_table, chart, datasets
from ui.i18n import listing, sentences, t
from ui.state import PageState

NETS = ("cross_entropy", "quadratic")
S = PageState("calibration", [
    Setting("p", 0.7, "float", lo=0.0, hi=1.0),
    Setting("eps", 0.1, "float", lo=0.0, hi=0.5),
    Setting("k", 10, "int", lo=2, hi=20),
    Setting("gap", 8.0, "float", lo=0.0, hi=20.0),
    Setting("temp", 4.0, "float", lo=1.0, hi=20.0),
    Setting("net", "cross_entropy", "choice", choices=NETS),
    Setting("bins", 15, "int", lo=5, hi=30),
], shared=[nw.S])  # the network page's settings name the run shown: in links as "nw.<name>"
RULE_COLORS = {"log": "#2f5f9e", "brier": "#b8551a", "absolute": "#2e7d4f"}
BLUE, ORANGE = "#2f5f9e", "#b8551a"
DIGITS = tuple(str(d) for d in range(10))
GAP_MAX = 20.0


#: A section's chart (datasets as bytes, the form's text and colours), its metric tiles
#: (:func:`ui.layout.metrics`' items) and words; ``extra`` sentences and a second chart's
#: datasets, ``data2``, where the section has them.
View = namedtuple("View", "data text colors metrics takeaway caption extra data2",
                  defaults=((), None))


def draw(v: View | NetView, form: Any, columns: int | None = None, **params: Any) -> None:
    """A section's chart (``form`` of :mod:`lib.charts_calibration`), the caption under it,
    its metric tiles (``columns`` to a row) and its takeaway (while the section's checkpoint
    waits for a prediction the view has none: "answer the checkpoint" instead)."""
    chart(form, v.data, text=v.text, colors=v.colors, **params)
    st.caption(v.caption)
    layout.metrics(v.metrics, columns)
    if v.takeaway:
        layout.takeaway(v.takeaway)
    else:
        st.caption(t("cal.hold"))


def answered(cid: str, inputs: dict[str, Any]) -> bool:
    """The checkpoint ``cid``, drawn; and whether its answer may show: as
    :func:`ui.checkpoint.ask` says, or when it has no right answer for ``inputs`` (e.g. ε = 0)."""
    return (checkpoint.ask("calibration", cid, inputs)
            or checkpoint.judge("calibration", cid, inputs).right is None)


def _tile(label: str, value: str, help_: str | None = None, caption: str | None = None) -> tuple:
    return label, value, help_, caption


# ---- 1. Proper scoring rules -------------------------------------------------------------------

@st.cache_resource(max_entries=128, show_spinner=False)
def score_view(p: float, base: float | None, unit: str, language: str,
               shown: bool = True) -> View:
    """The scores at ``p``; ``shown`` False: without where the absolute error is lowest (its
    tile, its marker, its part of the caption and the takeaway), which a checkpoint asks."""
    names = {r: t(f"cal.rule.{r}") for r in cal.SCORES}
    rules = cal.SCORES if shown else tuple(r for r in cal.SCORES if r != "absolute")
    data = cc.score_chart_data(p, names, base, p_label=f"p = {fmt.prob(p)}", marked=rules)
    best = cal.best_scores(p, base)
    value = lambda r: (fmt.amount(best[r][1], unit) if r == "log"  # noqa: E731
                       else fmt.short(best[r][1]))
    listed = [t("cal.score.at_any", rule=names[r], value=value(r)) if best[r][0] is None else
              t("cal.score.at", rule=names[r], q=fmt.prob(best[r][0]), value=value(r))
              for r in rules]
    take = ("" if not shown else t("cal.score.take.certain", p=fmt.prob(p)) if p in (0.0, 1.0)
            else t("cal.score.take.flat") if best["absolute"][0] is None
            else t("cal.score.take.exaggerate", q=fmt.prob(best["absolute"][0])))
    metrics = tuple(_tile(names[r], t("cal.score.tie")) if best[r][0] is None else
                    _tile(t("cal.score.best", rule=names[r]), fmt.prob(best[r][0]))
                    for r in rules)
    text = {"q": t("cal.score.axis_q"), "value": t("cal.score.axis_value"),
            "series": t("cal.score.series"), "best": t("cal.score.best_q"), "p": "p"}
    return View(datasets(data), text, tuple((names[r], RULE_COLORS[r]) for r in cal.SCORES),
                metrics, take, t("cal.score.caption", p=fmt.prob(p), unit=unit,
                                 list=listing(listed)))


# ---- 2. Label smoothing ------------------------------------------------------------------------

@st.cache_resource(max_entries=256, show_spinner=False)
def smoothing_view(k: int, eps: float, gap: float, base: float | None, unit: str,
                   language: str, shown: bool = True) -> View:
    """Label smoothing at (``k``, ``eps``, ``gap``); ``shown`` False: without the best gap g*
    (its tile, its marker, its part of the caption and the takeaway), which a checkpoint
    asks."""
    names = {"one_hot": t("cal.smooth.one_hot"),
             "smoothed": t("cal.smooth.smoothed", eps=fmt.prob(eps)),
             "floor": t("cal.smooth.floor"), "best": t("cal.smooth.best"),
             "now": t("cal.smooth.now")}
    data = cc.smoothing_chart_data(k, eps, gap, names, base, x_max=GAP_MAX, best=shown)
    at = soft.smoothing_at(k, eps, gap, base)
    best = soft.optimal_gap(k, eps)
    q = lambda x: fmt.amount(x, unit)  # noqa: E731
    ends = soft.smoothing_curve(k, 0.0, [0.0, GAP_MAX], base)["one_hot"]
    smoothed = "" if eps == 0 or not shown else t(
        "cal.smooth.caption.smoothed" if best <= GAP_MAX else "cal.smooth.caption.far",
        h=q(at.entropy), gap=fmt.short(best))
    caption = t("cal.smooth.caption", k=k, one_hot_0=q(ends[0]), one_hot_end=q(ends[1]),
                end=fmt.short(GAP_MAX), smoothed=smoothed)
    take = ("" if not shown else t("cal.smooth.take.zero") if eps == 0 else
            t("cal.smooth.take", gap=fmt.short(best)))
    metrics = ((_tile(t("cal.smooth.m.best"), fmt.short(best)),) if shown else ()) + tuple(
        _tile(t(f"cal.smooth.m.{m}"), q(x)) for m, x in (("ce", at.ce), ("h", at.entropy),
                                                         ("kl", at.kl)))
    identity = (rf"{fmt.tex(fmt.short(at.ce))} = {fmt.tex(fmt.short(at.entropy))} + "
                rf"{fmt.tex(fmt.short(at.kl))} \quad \text{{({unit})}}")
    text = {"gap": t("cal.smooth.axis_gap"), "value": t("cal.smooth.axis_value", unit=unit),
            "series": t("cal.smooth.series"), "floor": t("cal.smooth.floor"),
            "mark": t("cal.smooth.mark")}
    # The one-hot curve first (its dash the same for every ε); no smoothed curve at ε = 0.
    colors = ((names["one_hot"], ORANGE),) + (((names["smoothed"], BLUE),) if eps > 0 else ())
    return View(datasets(data), text, colors, metrics, take, caption, (identity,))


# ---- 3. Distillation ---------------------------------------------------------------------------

@st.cache_resource(max_entries=256, show_spinner=False)
def distil_view(temp: float, base: float | None, unit: str, language: str) -> View:
    """The example teacher's targets at T = 1 and at ``temp`` (:func:`lib.calibration.
    distillation`), the soft loss's gradient, and their charts."""
    teacher, student = soft.EXAMPLE_TEACHER, soft.EXAMPLE_STUDENT
    series = (t("cal.distil.at1"), t("cal.distil.atT"))
    d = cal.distillation(teacher, student, temp, base)
    one = temp == 1.0  # the two targets are the same: say so once
    at1 = lambda value: None if one else t("cal.distil.m.wrong.delta", value=value)  # noqa: E731
    wrong = fmt.percent(1 - d.at_t[d.top])
    metrics = (_tile(t("cal.distil.m.wrong"), wrong, None, at1(fmt.percent(1 - d.at_1[d.top]))),
               _tile(t("cal.distil.m.entropy"), fmt.amount(d.entropy_t, unit), None,
                     at1(fmt.amount(d.entropy_1, unit))),
               _tile(t("cal.distil.m.grad"), fmt.short(d.scaled),
                     t("cal.distil.m.grad.help", raw=fmt.short(d.gradient))))
    take = t("cal.distil.take.one" if one else "cal.distil.take", t=fmt.short(temp),
             wrong=wrong, first=DIGITS[d.order[0]], second=DIGITS[d.order[1]])
    caption = t("cal.distil.caption.one" if one else "cal.distil.caption", t=fmt.short(temp),
                top1=fmt.percent(d.at_1[d.top]), top=fmt.percent(d.at_t[d.top]))
    grad = cc.gradient_chart_data(student, teacher, temp, (t("cal.distil.grad.raw"),
                                                          t("cal.distil.grad.scaled")))
    marks = soft.gradient_scale(student, teacher, [1.0, 10.0, 100.0])
    grad_caption = t("cal.distil.grad.caption", **{
        f"{k}{n}": fmt.short(marks[col][i]) for i, n in enumerate((1, 10, 100))
        for k, col in (("g", "gradient"), ("s", "scaled"))})
    text = {"class": t("cal.distil.digit"), "probability": t("word.probability"),
            "series": t("cal.distil.series"), "T": "T", "value": t("cal.distil.grad.axis")}
    return View(datasets(cc.target_chart_data(teacher, temp, DIGITS, series)), text,
                ((series[0], ORANGE), (series[1], BLUE)), metrics, take, caption,
                (grad_caption,), datasets(grad))


# ---- 4. The digits network's calibration ---------------------------------------------------------

def network_outputs() -> tuple[str, Any, Any]:
    """``(status, run, outputs)`` for the network page's current settings
    (:func:`lib.calibration.run_status`; the run None while there is none, the outputs None
    unless the status is "ok")."""
    run = nw.runs().find(nw.config())
    status = cal.run_status(run, NETS)
    return status, None if status == "none" else run, run.outputs if status == "ok" else None


def _runs(outputs: Any) -> dict[str, tuple]:
    """Each network's outputs (:class:`lib.network.Outputs`) as ``split``'s arguments."""
    return {c: (outputs[c].valid_z, outputs[c].valid_y, outputs[c].test_z, outputs[c].test_y)
            for c in NETS}


def digest(outputs: Any) -> str:
    """One key for the numbers of ``outputs`` (both costs, every field)."""
    return cal.digest(_runs(outputs))


@st.cache_resource(max_entries=16, show_spinner=False)
def temperatures(key: str, _outputs: Any) -> dict[str, float | ProblemError]:
    """:func:`lib.calibration.fit_temperatures` of both networks, once per run (``key`` =
    :func:`digest`)."""
    return cal.fit_temperatures(_runs(_outputs))


#: The calibration section for one run, network and number of bins: the problems worded, the
#: metric tiles, the reliability chart (datasets None when this network has a problem), its
#: words, the table comparing both networks and its sentence, the table of the bins, how the
#: sigmoid's shares compare ("" when they cannot) and ``noisy``: a sentence when scaling by the
#: fitted T made the test ECE or NLL worse, else "".
NetView = namedtuple("NetView", "problems metrics data text colors takeaway detail split caption "
                     "compare compare_text bins how noisy")


def _change(a: float, b: float, show) -> str:
    if show(a) == show(b):
        return t("cal.change.same", a=show(a))
    return t("cal.change.fell" if b < a else "cal.change.rose", a=show(a), b=show(b))


@st.cache_resource(max_entries=64, show_spinner=False)
def net_view(key: str, _outputs: Any, _fitted: dict[str, float | ProblemError], net: str,
             bins: int, base: float | None, unit: str, language: str,
             shown: bool = True) -> NetView:
    """The calibration of network ``net`` in the run ``_outputs`` (``key`` = :func:`digest`;
    ``_fitted`` = its :func:`temperatures`); ``shown`` False: without the fitted T's tile and
    the takeaway (over- or under-confident), which a checkpoint asks."""
    nll = lambda x, digits=4: fmt.num(convert(x, None, base), digits)  # noqa: E731
    runs = _runs(_outputs)
    reports = cal.reports(runs, bins, _fitted)
    found = tuple(t("cal.net.failed", net=t(f"cal.net.name.{c}"),
                    problem=problems.message(r.problems[0]))
                  for c, r in reports.items() if isinstance(r, ProblemError))
    fine = {c: r for c, r in reports.items() if not isinstance(r, ProblemError)}
    rows = [[nw.run_name(c)] + ([fmt.percent(r.accuracy, 2), fmt.num(r.temperature, 4),
                                 fmt.percent(r.ece_before, 2), fmt.percent(r.ece_after, 2),
                                 nll(r.nll_before), nll(r.nll_after)] if c in fine else ["—"] * 6)
            for c, r in reports.items()]
    compare = arrow_table({t(f"cal.net.col.{col}", unit=unit): [row[i] for row in rows]
                           for i, col in enumerate(("net", "acc", "t", "ece0", "ece1", "nll0",
                                                    "nll1"))})
    parts = [t("cal.net.compare.part", net=nw.run_name(c), t=fmt.num(r.temperature, 2),
               verdict=t(f"cal.verdict.{cal.verdict(r.temperature)}")) for c, r in fine.items()]
    compare_text = t("cal.net.compare.text", parts=listing(parts)) if parts else ""
    text = {"confidence": t("cal.net.axis_conf"), "accuracy": t("cal.net.axis_acc"),
            "series": t("cal.net.series"), "count": t("cal.net.count"),
            "perfect": t("cal.net.perfect")}
    series = (t("cal.net.before"), t("cal.net.after"))
    colors = ((series[0], ORANGE), (series[1], BLUE))
    if net not in fine:
        return NetView(found, (), None, text, colors, "", "", "", "", compare, compare_text,
                       None, "", "")
    r, s = fine[net], cal.split(*runs[net])
    tables = dict(zip(series, cal.scaled_reliability(s.test_z, s.test_y, r.temperature, bins)))
    name, tt = t(f"cal.net.name.{net}"), fmt.num(r.temperature, 2)
    detail = sentences(
        t("cal.net.change", ece=_change(r.ece_before, r.ece_after, fmt.percent),
          nll=_change(r.nll_before, r.nll_after, lambda x: fmt.amount(convert(x, None, base),
                                                                      unit)),
          acc=fmt.percent(r.accuracy)),
        t("cal.net.mean_conf", conf=fmt.percent(r.confidence_before)))
    noisy = (t("cal.net.noisy" if r.halved else "cal.net.noisy.valid")
             if cal.scaling_worse(r) else "")
    metrics = ((_tile(t("cal.net.m.t"), tt),) if shown else ()) + (
        _tile(t("cal.net.m.ece"), f"{fmt.percent(r.ece_before)} → {fmt.percent(r.ece_after)}"),
        _tile(t("cal.net.m.nll", unit=unit), f"{nll(r.nll_before, 3)} → {nll(r.nll_after, 3)}"),
        _tile(t("cal.net.m.acc"), fmt.percent(r.accuracy), t("cal.net.m.acc.help")))
    bins_rows = [(name_, f"({fmt.num(b.lo, 3)}, {fmt.num(b.hi, 3)}]", int(b.count),
                  fmt.num(b.confidence, 4), fmt.num(b.accuracy, 4))
                 for name_, frame in tables.items() for b in frame.itertuples() if b.count]
    bins_table = arrow_table({t(f"cal.net.col.{c}"): [row[i] for row in bins_rows]
                              for i, c in enumerate(("series", "bin", "count", "conf",
                                                     "accuracy"))})
    sigmoid = cal.sigmoid_ece(s.test_z, s.test_y, bins)
    how = "" if sigmoid is None else t("cal.net.how.text", sigmoid=fmt.percent(sigmoid),
                                       softmax=fmt.percent(r.ece_before))
    split = t("cal.net.split.halves" if r.halved else "cal.net.split.valid",
              n_fit=f"{r.n_fit:,}", n_test=f"{r.n_test:,}")
    return NetView(found, metrics, datasets(cc.reliability_chart_data(tables, text["perfect"])),
                   text, colors, t(f"cal.net.{cal.verdict(r.temperature)}", t=tt, net=name)
                   if shown else "", detail, split, t("cal.net.caption", net=name, bins=bins),
                   compare, compare_text, bins_table, how, noisy)
