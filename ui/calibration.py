"""Settings, cached views and wording of the soft-targets and calibration page.

Each section's view is one cached call (``st.cache_resource``, bounded, the language an explicit
argument): chart data as Arrow bytes, metrics and sentences chosen by the computed conditions.
The calibration section reads the digits network page's run for that page's current settings
(``ui.network.find``): its ``outputs[cost]`` (``valid_z, valid_y, test_z, test_y``: the final
network's output-layer z and the labels). Its views are keyed by a digest of those numbers.
"""

from __future__ import annotations

import hashlib
from collections import namedtuple
from typing import Any

import numpy as np
import streamlit as st

from lib import calibration as cal
from lib import charts_calibration as cc
from lib import soft_targets as soft
from lib.info import convert, entropy
from lib.problems import ProblemError
from ui import checkpoint, fmt, layout, problems
from ui import network as nw
from ui.charts import arrow_table, chart, datasets
from ui.i18n import t
from ui.state import PageState, Setting

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


def answered(cid: str, inputs: dict[str, Any], shown: bool) -> bool:
    """Whether the answer to the checkpoint ``cid`` may show: the reader predicted (``shown``,
    or at any earlier time), or it has no right answer for ``inputs`` (e.g. ε = 0)."""
    return (shown or checkpoint.predicted("calibration", cid)
            or checkpoint.judge("calibration", cid, inputs).right is None)


# ---- 1. Proper scoring rules -------------------------------------------------------------------

@st.cache_resource(max_entries=128, show_spinner=False)
def score_view(p: float, base: float | None, unit: str, language: str,
               shown: bool = True) -> View:
    """The scores at ``p``; ``shown`` False: without where the absolute error is lowest (its
    tile, its marker, its part of the caption and the takeaway), which a checkpoint asks."""
    names = {r: t(f"cal.rule.{r}") for r in cal.SCORES}
    rules = cal.SCORES if shown else tuple(r for r in cal.SCORES if r != "absolute")
    data = cc.score_chart_data(p, names, base, p_label=f"p = {fmt.prob(p)}", marked=rules)
    best = cal.score_minimisers(p)
    at = {r: float(cal.expected_scores(p, [0.5 if b is None else b], base)[r][0])
          for r, b in best.items()}
    values = {r: (fmt.amount(v, unit) if r == "log" else fmt.short(v)) for r, v in at.items()}
    listed = [t("cal.score.at_any", rule=names[r], value=values[r]) if best[r] is None else
              t("cal.score.at", rule=names[r], q=fmt.prob(best[r]), value=values[r])
              for r in rules]
    if not shown:
        take = ""
    elif p in (0.0, 1.0):
        take = t("cal.score.take.certain", p=fmt.prob(p))
    elif best["absolute"] is None:
        take = t("cal.score.take.flat")
    else:
        take = t("cal.score.take.exaggerate", q=fmt.prob(best["absolute"]))
    metrics = tuple((names[r], t("cal.score.tie"), None, None) if best[r] is None else
                    (t("cal.score.best", rule=names[r]), fmt.prob(best[r]), None, None)
                    for r in rules)
    text = {"q": t("cal.score.axis_q"), "value": t("cal.score.axis_value"),
            "series": t("cal.score.series"), "best": t("cal.score.best_q"), "p": "p"}
    return View(datasets(data), text, tuple((names[r], RULE_COLORS[r]) for r in cal.SCORES),
                metrics, take, t("cal.score.caption", p=fmt.prob(p), unit=unit,
                                 list=fmt.listing(listed)))


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
    metrics = ((t("cal.smooth.m.best"), fmt.short(best), None, None),)[:1 if shown else 0] + (
               (t("cal.smooth.m.ce"), q(at.ce), None, None),
               (t("cal.smooth.m.h"), q(at.entropy), None, None),
               (t("cal.smooth.m.kl"), q(at.kl), None, None))
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
    teacher = soft.EXAMPLE_TEACHER
    series = (t("cal.distil.at1"), t("cal.distil.atT"))
    data = cc.target_chart_data(teacher, temp, DIGITS, series)
    p1, pt = soft.tempered(teacher, 1.0), soft.tempered(teacher, temp)
    top, *order = soft.ranked(pt)
    wrong = {"1": 1 - p1[top], "T": 1 - pt[top]}
    g = soft.gradient_scale(soft.EXAMPLE_STUDENT, teacher, [temp])
    one = temp == 1.0  # the two targets are the same: say so once
    at1 = (lambda value: None) if one else (  # noqa: E731
        lambda value: t("cal.distil.m.wrong.delta", value=value))
    metrics = ((t("cal.distil.m.wrong"), fmt.percent(wrong["T"]), None,
                at1(fmt.percent(wrong["1"]))),
               (t("cal.distil.m.entropy"), fmt.amount(entropy(pt, base), unit), None,
                at1(fmt.amount(entropy(p1, base), unit))),
               (t("cal.distil.m.grad"), fmt.short(g["scaled"][0]),
                t("cal.distil.m.grad.help", raw=fmt.short(g["gradient"][0])), None))
    take = t("cal.distil.take.one" if one else "cal.distil.take", t=fmt.short(temp),
             wrong=fmt.percent(wrong["T"]), first=DIGITS[order[0]], second=DIGITS[order[1]])
    caption = t("cal.distil.caption.one" if one else "cal.distil.caption", t=fmt.short(temp),
                top1=fmt.percent(p1[top]), top=fmt.percent(pt[top]))
    grad_names = (t("cal.distil.grad.raw"), t("cal.distil.grad.scaled"))
    grad = cc.gradient_chart_data(soft.EXAMPLE_STUDENT, teacher, temp, grad_names)
    marks = soft.gradient_scale(soft.EXAMPLE_STUDENT, teacher, [1.0, 10.0, 100.0])
    grad_caption = t("cal.distil.grad.caption", **{
        f"{k}{n}": fmt.short(marks[col][i]) for i, n in enumerate((1, 10, 100))
        for k, col in (("g", "gradient"), ("s", "scaled"))})
    text = {"class": t("cal.distil.digit"), "probability": t("word.probability"),
            "series": t("cal.distil.series"), "T": "T", "value": t("cal.distil.grad.axis")}
    return View(datasets(data), text, ((series[0], ORANGE), (series[1], BLUE)), metrics, take,
                caption, (grad_caption,), datasets(grad))


# ---- 4. The digits network's calibration ---------------------------------------------------------

def network_outputs() -> tuple[str, Any, Any]:
    """``(status, run, outputs)`` for the network page's current settings: status "none" (no
    run), "training" (queued or under way), "stopped" (stopping or stopped before its last
    epoch), "failed", "no_outputs" (a finished run without output-layer values) or "ok"."""
    cfg = nw.config()
    run = nw.find(cfg)
    if run is None or not run.done:
        return "none", None, None
    if not run.complete:
        state = getattr(run, "state", "stopped")
        status = {"queued": "training", "running": "training", "failed": "failed"}
        return status.get(state, "stopped"), run, None
    outputs = getattr(run, "outputs", None)
    if outputs and all(c in outputs for c in NETS):
        return "ok", run, outputs
    return "no_outputs", run, None


def _arrays(o: Any) -> tuple:
    """A network's outputs (:class:`lib.network.Outputs`) as ``split``'s arguments."""
    return o.valid_z, o.valid_y, o.test_z, o.test_y


def digest(outputs: Any) -> str:
    """One key for the numbers of ``outputs`` (both costs, every field)."""
    h = hashlib.blake2b(digest_size=16)
    for value in (v for cost in NETS for v in _arrays(outputs[cost])):
        h.update(b"none" if value is None else np.ascontiguousarray(value).tobytes())
        h.update(b"|")
    return h.hexdigest()


@st.cache_resource(max_entries=16, show_spinner=False)
def temperatures(key: str, _outputs: Any) -> dict[str, float | ProblemError]:
    """Each network's fitted T (:func:`lib.calibration.fit_temperature` on its fitting split),
    or the problem that prevented it; once per run (``key`` = :func:`digest`)."""
    out: dict[str, float | ProblemError] = {}
    for cost in NETS:
        try:
            s = cal.split(*_arrays(_outputs[cost]))
            out[cost] = cal.fit_temperature(s.fit_z, s.fit_y)
        except ProblemError as err:
            out[cost] = err
    return out


#: The calibration section for one run, network and number of bins: the problems worded, the
#: metric tiles, the reliability chart (datasets None when this network has a problem), its
#: words, the table comparing both networks and its sentence, and the table of the bins.
NetView = namedtuple("NetView", "problems metrics data text colors takeaway detail split caption "
                     "compare compare_text bins how noisy")


def _change(a: float, b: float, show) -> str:
    if show(a) == show(b):
        return t("cal.change.same", a=show(a))
    return t("cal.change.fell" if b < a else "cal.change.rose", a=show(a), b=show(b))


@st.cache_resource(max_entries=64, show_spinner=False)
def net_view(key: str, _outputs: Any, net: str, bins: int, base: float | None, unit: str,
             language: str, shown: bool = True) -> NetView:
    """The calibration of network ``net``; ``shown`` False: without the fitted T's tile and
    the takeaway (over- or under-confident), which a checkpoint asks. ``noisy``: a sentence
    when scaling by the fitted T made the test ECE or NLL worse, else ""."""
    nll = lambda x: fmt.amount(convert(x, None, base), unit)  # noqa: E731
    fitted = temperatures(key, _outputs)
    reports: dict[str, cal.TemperatureReport | ProblemError] = {}
    for cost in NETS:
        try:
            if isinstance(fitted[cost], ProblemError):
                raise fitted[cost]
            reports[cost] = cal.temperature_report(*_arrays(_outputs[cost]), bins=bins,
                                                   temperature=fitted[cost])
        except ProblemError as err:
            reports[cost] = err
    found = tuple(t("cal.net.failed", net=t(f"cal.net.name.{c}"),
                    problem=problems.message(reports[c].problems[0]))
                  for c in NETS if isinstance(reports[c], ProblemError))
    cols = [t(f"cal.net.col.{c}", unit=unit) for c in ("net", "acc", "t", "ece0", "ece1",
                                                          "nll0", "nll1")]
    rows = [[nw.run_name(c)] + (["—"] * 6 if isinstance(r, ProblemError) else [
        fmt.percent(r.accuracy, 2), fmt.num(r.temperature, 4), fmt.percent(r.ece_before, 2),
        fmt.percent(r.ece_after, 2), fmt.num(convert(r.nll_before, None, base), 4),
        fmt.num(convert(r.nll_after, None, base), 4)])
        for c, r in reports.items()]
    compare = arrow_table({col: [row[i] for row in rows] for i, col in enumerate(cols)})
    parts = [t("cal.net.compare.part", net=nw.run_name(c), t=fmt.num(r.temperature, 2),
               verdict=t(f"cal.verdict.{cal.verdict(r.temperature)}"))
             for c, r in reports.items() if not isinstance(r, ProblemError)]
    compare_text = t("cal.net.compare.text", parts=fmt.listing(parts)) if parts else ""
    text = {"confidence": t("cal.net.axis_conf"), "accuracy": t("cal.net.axis_acc"),
            "series": t("cal.net.series"), "count": t("cal.net.count"),
            "perfect": t("cal.net.perfect")}
    series = (t("cal.net.before"), t("cal.net.after"))
    colors = ((series[0], ORANGE), (series[1], BLUE))
    r = reports[net]
    if isinstance(r, ProblemError):
        return NetView(found, (), None, text, colors, "", "", "", "", compare, compare_text,
                       None, "", "")
    s = cal.split(*_arrays(_outputs[net]))
    tables = dict(zip(series, cal.scaled_reliability(s.test_z, s.test_y, r.temperature, bins)))
    data = datasets(cc.reliability_chart_data(tables, t("cal.net.perfect")))
    name, tt = t(f"cal.net.name.{net}"), fmt.num(r.temperature, 2)
    verdict = f"cal.net.{cal.verdict(r.temperature)}"
    rose = round(r.ece_after, 3) > round(r.ece_before, 3) or r.nll_after > r.nll_before
    detail = fmt.sentences(
        t("cal.net.change", ece=_change(r.ece_before, r.ece_after, fmt.percent),
          nll=_change(r.nll_before, r.nll_after, nll), acc=fmt.percent(r.accuracy)),
        t("cal.net.mean_conf", conf=fmt.percent(r.confidence_before)))
    noisy = "" if not rose else t("cal.net.noisy" if r.halved else "cal.net.noisy.valid")
    metrics = ((t("cal.net.m.t"), tt, None, None),)[:1 if shown else 0] + (
               (t("cal.net.m.ece"), f"{fmt.percent(r.ece_before)} → "
                f"{fmt.percent(r.ece_after)}", None, None),
               (t("cal.net.m.nll", unit=unit), f"{fmt.num(convert(r.nll_before, None, base), 3)}"
                f" → {fmt.num(convert(r.nll_after, None, base), 3)}", None, None),
               (t("cal.net.m.acc"), fmt.percent(r.accuracy), t("cal.net.m.acc.help"), None))
    bins_rows = [(name_, f"({fmt.num(b.lo, 3)}, {fmt.num(b.hi, 3)}]", int(b.count),
                  fmt.num(b.confidence, 4), fmt.num(b.accuracy, 4))
                 for name_, frame in tables.items() for b in frame.itertuples() if b.count]
    bins_table = arrow_table({t(f"cal.net.col.{c}"): [row[i] for row in bins_rows]
                              for i, c in enumerate(("series", "bin", "count", "conf",
                                                     "accuracy"))})
    try:
        sig = cal.expected_calibration_error(cal.sigmoid_shares(s.test_z), s.test_y, bins)
        how = t("cal.net.how.text", sigmoid=fmt.percent(sig), softmax=fmt.percent(r.ece_before))
    except ProblemError:
        how = ""
    split = t("cal.net.split.halves" if r.halved else "cal.net.split.valid",
              n_fit=f"{r.n_fit:,}", n_test=f"{r.n_test:,}")
    return NetView(found, metrics, data, text, colors,
                   t(verdict, t=tt, net=name) if shown else "", detail, split,
                   t("cal.net.caption", net=name, bins=bins), compare, compare_text,
                   bins_table, how, noisy)
