"""Settings, cached views and wording of the soft-targets and calibration page.

Each section's view is one cached call (``st.cache_resource``, bounded, the language an explicit
argument): chart data as Arrow bytes, and the metric tiles and sentences :mod:`lib.calibration`
decides (its cases) in the reader's words (:func:`ui.say`). The calibration section reads the
digits network page's run for that page's current settings (``ui.network.runs().find``): its
``outputs[cost]`` (``valid_z, valid_y, test_z, test_y``: the final network's output-layer z and
the labels). Its views are keyed by a digest of those numbers.
"""

from __future__ import annotations

from collections import namedtuple
from typing import Any

import streamlit as st

from lib import calibration as cal
from lib import calibration_lesson as cal_lesson
from lib import charts_calibration as cc
from lib import soft_targets as soft
from lib.cases import Case
from lib.problems import ProblemError
from lib import fmt
from lib.settings import Setting
from ui import checkpoint, layout, problems
from ui import network as nw
from ui.charts import arrow_table, chart, datasets
from ui.i18n import say, t
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
#: (:func:`ui.layout.metrics`' items) and words (the takeaway None while the section's
#: checkpoint waits); ``extra`` sentences and a second chart's datasets, ``data2``, where the
#: section has them.
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


def tiles(items: tuple[cal_lesson.Tile, ...]) -> tuple:
    """lib's metric tiles (:class:`lib.calibration.Tile`) in the reader's words: the items of
    :func:`ui.layout.metrics`."""
    return tuple(tuple(say("cal", x) if isinstance(x, Case) else x for x in tile)
                 for tile in items)


# ---- 1. Proper scoring rules -------------------------------------------------------------------

@st.cache_resource(max_entries=128, show_spinner=False)
def score_view(p: float, base: float | None, unit: str, language: str,
               shown: bool = True) -> View:
    """The scores at ``p`` (:func:`lib.calibration.score_cases`); ``shown`` False: without
    the absolute error (its curve, tile, marker, part of the caption and the takeaway), whose
    lowest point a checkpoint asks."""
    w = cal_lesson.score_cases(p, base, unit, shown)
    # While held, the absolute error's curve goes too: a straight line shows where it is lowest.
    names = {r: t(f"cal.rule.{r}") for r in w.rules}
    data = cc.score_chart_data(p, names, base, p_label=f"p = {fmt.prob(p)}")
    text = {"q": t("cal.score.axis_q"), "value": t("cal.score.axis_value"),
            "series": t("cal.score.series"), "best": t("cal.score.best_q"), "p": "p"}
    return View(datasets(data), text, tuple((names[r], RULE_COLORS[r]) for r in w.rules),
                tiles(w.tiles), w.take and say("cal", w.take), say("cal", w.caption))


# ---- 2. Label smoothing ------------------------------------------------------------------------

@st.cache_resource(max_entries=256, show_spinner=False)
def smoothing_view(k: int, eps: float, gap: float, base: float | None, unit: str,
                   language: str, shown: bool = True) -> View:
    """Label smoothing at (``k``, ``eps``, ``gap``) (:func:`lib.calibration.smoothing_cases`);
    ``shown`` False: without the best gap g* (its tile, its marker, its part of the caption
    and the takeaway), which a checkpoint asks."""
    names = {"one_hot": t("cal.smooth.one_hot"),
             "smoothed": t("cal.smooth.smoothed", eps=fmt.prob(eps)),
             "floor": t("cal.smooth.floor"), "best": t("cal.smooth.best"),
             "now": t("cal.smooth.now")}
    data = cc.smoothing_chart_data(k, eps, gap, names, base, x_max=GAP_MAX, best=shown)
    w = cal_lesson.smoothing_cases(k, eps, gap, base, unit, GAP_MAX, shown)
    text = {"gap": t("cal.smooth.axis_gap"), "value": t("cal.smooth.axis_value", unit=unit),
            "series": t("cal.smooth.series"), "floor": t("cal.smooth.floor"),
            "mark": t("cal.smooth.mark")}
    # The one-hot curve first (its dash the same for every ε); no smoothed curve at ε = 0.
    colors = ((names["one_hot"], ORANGE),) + (((names["smoothed"], BLUE),) if eps > 0 else ())
    return View(datasets(data), text, colors, tiles(w.tiles), w.take and say("cal", w.take),
                say("cal", w.caption), (w.identity,))


# ---- 3. Distillation ---------------------------------------------------------------------------

@st.cache_resource(max_entries=256, show_spinner=False)
def distil_view(temp: float, base: float | None, unit: str, language: str) -> View:
    """The example teacher's targets at T = 1 and at ``temp``, the soft loss's gradient
    (:func:`lib.calibration.distillation_cases`), and their charts."""
    teacher, student = soft.EXAMPLE_TEACHER, soft.EXAMPLE_STUDENT
    series = (t("cal.distil.at1"), t("cal.distil.atT"))
    w = cal_lesson.distillation_cases(teacher, student, temp, base, unit)
    grad = cc.gradient_chart_data(student, teacher, temp, (t("cal.distil.grad.raw"),
                                                          t("cal.distil.grad.scaled")))
    text = {"class": t("cal.distil.digit"), "probability": t("word.probability"),
            "series": t("cal.distil.series"), "T": "T", "value": t("cal.distil.grad.axis")}
    return View(datasets(cc.target_chart_data(teacher, temp, DIGITS, series)), text,
                ((series[0], ORANGE), (series[1], BLUE)), tiles(w.tiles), say("cal", w.take),
                say("cal", w.caption), (say("cal", w.gradient),), datasets(grad))


# ---- 4. The digits network's calibration ---------------------------------------------------------

def network_outputs() -> tuple[Case | None, Any]:
    """What the network page's run for its current settings offers: what to say instead of its
    calibration (:func:`lib.calibration.run_case`, None when there is a calibration) and its
    outputs (None unless there is one)."""
    run = nw.runs().find(nw.config())
    missing = cal_lesson.run_case(run, NETS)
    return missing, None if missing else run.outputs


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
#: sigmoid's shares compare (None when they cannot) and ``noisy``: a sentence when scaling by
#: the fitted T made the test ECE or NLL worse, else None.
NetView = namedtuple("NetView", "problems metrics data text colors takeaway detail split caption "
                     "compare compare_text bins how noisy")


@st.cache_resource(max_entries=64, show_spinner=False)
def net_view(key: str, _outputs: Any, _fitted: dict[str, float | ProblemError], net: str,
             bins: int, base: float | None, unit: str, language: str,
             shown: bool = True) -> NetView:
    """The calibration of network ``net`` in the run ``_outputs`` (``key`` = :func:`digest`;
    ``_fitted`` = its :func:`temperatures`; :func:`lib.calibration.network_cases`); ``shown``
    False: without the fitted T's tile and the takeaway (over- or under-confident), which a
    checkpoint asks."""
    runs = _runs(_outputs)
    reports = cal.reports(runs, bins, _fitted)
    found = tuple(t("cal.net.failed", net=t(f"cal.net.name.{c}"),
                    problem=problems.message(r.problems[0]))
                  for c, r in reports.items() if isinstance(r, ProblemError))
    compare, verdicts = cal_lesson.comparison(reports, {c: nw.run_name(c) for c in NETS}, base)

    def table(columns: dict[str, list]) -> Any:
        return arrow_table({t(f"cal.net.col.{c}", unit=unit): v for c, v in columns.items()})

    text = {"confidence": t("cal.net.axis_conf"), "accuracy": t("cal.net.axis_acc"),
            "series": t("cal.net.series"), "count": t("cal.net.count"),
            "perfect": t("cal.net.perfect")}
    series = (t("cal.net.before"), t("cal.net.after"))
    colors = ((series[0], ORANGE), (series[1], BLUE))
    compare_text = verdicts and say("cal", verdicts)
    if isinstance(reports[net], ProblemError):
        return NetView(found, (), None, text, colors, None, "", "", "", table(compare),
                       compare_text, None, None, None)
    w = cal_lesson.network_cases(reports[net], runs[net], net, bins, base, unit, series, shown)
    return NetView(found, tiles(w.tiles), datasets(cc.reliability_chart_data(w.tables,
                                                                             text["perfect"])),
                   text, colors, w.take and say("cal", w.take), say("cal", *w.detail),
                   say("cal", w.split), say("cal", w.caption), table(compare), compare_text,
                   table(w.bins), w.how and say("cal", w.how), w.noisy and say("cal", w.noisy))
