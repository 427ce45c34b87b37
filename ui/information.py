"""State and wording for the information-and-entropy page; the arithmetic is
:mod:`lib.surprise` and :mod:`lib.info`.

Caching (ui/MECHANISMS.md): ``st.cache_resource``, bounded, on three functions of plain
arguments (the language one of them wherever the result holds words); results are shared by
every session and never modified: bytes, Arrow tables, frozen dataclasses."""

from __future__ import annotations

from collections import namedtuple

import pandas as pd
import pyarrow as pa
import streamlit as st

from lib import charts, charts_information, curves, info, surprise
from lib.problems import ProblemError
from lib.tables import read_column
from lib import fmt
from lib.settings import Setting
from ui import problems
from ui.charts import arrow_bytes, arrow_table, chart
from ui.i18n import t
from ui.layout import UNITS
from ui.state import PageState

#: The entropy table: a label and a weight per event, weights as typed text.
DEFAULT_TABLE = pd.DataFrame({"label": ["A", "B", "C", "D"],
                              "weight": ["1/2", "1/4", "1/8", "1/8"]}).astype(object)

S = PageState("information", [
    Setting("p", 0.25, "float", lo=0.001, hi=1.0),
    Setting("p1", 0.25, "float", lo=0.001, hi=1.0),
    Setting("p2", 0.5, "float", lo=0.001, hi=1.0),
    Setting("bits", 16, "int", lo=1, hi=64),
    Setting("table", DEFAULT_TABLE, "table", columns=("weight",)),
    Setting("coin", 0.5, "float", lo=0.0, hi=1.0),
])


@st.cache_resource(max_entries=16, show_spinner=False)
def curve_data(curve: str, base: float | None, series: str) -> bytes:
    """The dataset ``curves`` of :func:`lib.charts.function_chart` for ``curve`` ("surprisal":
    −log p, or "binary_entropy": H(p)) in the unit of ``base``, as Arrow bytes."""
    frame = getattr(curves, curve)(base)
    frame = frame.set_axis(["x", "value"], axis=1).assign(series=series)
    return arrow_bytes(charts.function_chart_data(frame)["curves"])


def function_chart(where, curve: str, x: float, value: float, series: str, y_title: str,
                   base: float | None, color: str) -> None:
    """The curve ``curve`` with the reader's point ``(x, value)`` marked on it."""
    chart(charts.function_chart, {"curves": curve_data(curve, base, series),
                                  "points": surprise.marked_point(x, value, series)},
          where=where, text={"x": "p", "y": y_title, "series": t("word.quantity")},
          colors={series: color})


@st.cache_resource(max_entries=4, show_spinner=False)
def units_table(language: str) -> pa.Table:
    """I(1/2) and I(1/8) in every unit, computed (the base is the unit), worded in
    ``language``."""
    rows = [(t(f"unit.{unit}"), {2: "2", None: "e", 10: "10"}[base],
             *(fmt.num(float(info.information_content(p, base))) for p in (0.5, 0.125)))
            for unit, base in UNITS.items()]
    return arrow_table({t(f"in.why.col.{c}"): list(column) for c, column in
                        zip(("unit", "base", "half", "eighth"), zip(*rows))})


def additivity_latex(p1, p2, i1, i2, i12, unit) -> str:
    """−log p₁ − log p₂ = i₁ + i₂ = their sum, and −log(p₁p₂) = i₁₂, three significant digits
    (the exact values are in the section's expander). Short lines, to fit a phone screen; an
    ``array`` rather than ``aligned``, whose box KaTeX draws 2 px wider than its container (a
    region that scrolls sideways but takes no keyboard focus, for axe)."""
    n = lambda x: fmt.tex(fmt.short(x))  # noqa: E731
    eq = r"&\kern{-8pt}= "  # the array's column gap taken back: "= " sits close, as in aligned
    return (rf"\begin{{array}}{{rl}}-\log({fmt.prob(p1)}) - \log({fmt.prob(p2)}) {eq}{n(i1)}"
            rf" + {n(i2)} \\ {eq}{n(i1 + i2)} \text{{ {unit}}} \\ "
            rf"-\log({fmt.prob(p1 * p2)}) {eq}{n(i12)} \text{{ {unit}}}\end{{array}}")


#: What the entropy section shows for one table: the problems worded (then nothing else), or
#: the report (:class:`lib.surprise.EntropyReport`), the two panels' data (Arrow bytes), the
#: sentence under them, the table of the chart's numbers and the CSV's frame.
EntropyView = namedtuple("EntropyView", "labels errors report bars sentence numbers csv",
                         defaults=(None, b"", "", None, None))


@st.cache_resource(max_entries=128, show_spinner=False,
                   hash_funcs={pd.DataFrame: fmt.table_text})
def entropy_view(table: pd.DataFrame, units: str, language: str) -> EntropyView:
    """The entropy section for the reader's ``table`` in ``units``, worded in ``language``."""
    base, unit = UNITS[units], t(f"unit.{units}")
    labels, weights, found = read_column(
        table, "weight", default_label=lambda i: t("event.default", n=i + 1))
    try:
        report = None if found else surprise.entropy_report(weights, base)
    except ProblemError as error:
        found = error.problems
    if found:
        return EntropyView(tuple(labels), tuple(problems.message(
            p, table=t("in.table_name"), columns={"weight": t("in.entropy.weight")})
            for p in found))
    report.p.setflags(write=False)  # shared by every session: read only
    terms = report.terms
    sentence = t(f"in.entropy.{report.case}", n=len(report.p), share=f"{report.share:.1%}",
                 h=fmt.amount(report.entropy, unit), max=fmt.amount(report.max_entropy, unit))
    bars = charts_information.entropy_panels_data(labels, terms)["bars"]
    columns = {t("word.event"): labels, "p": terms["p"].to_numpy(),
               t("in.col.info", unit=unit): terms["info_p"].to_numpy(),
               t("in.col.term", unit=unit): terms["entropy_term"].to_numpy()}
    shown = arrow_table({name: values if name == t("word.event") else
                         [fmt.num(v, 6) for v in values] for name, values in columns.items()})
    return EntropyView(tuple(labels), (), report, arrow_bytes(bars), sentence, shown,
                       pd.DataFrame(columns))
