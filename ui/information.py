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

from lib import charts, charts_information, information_lesson, surprise
from lib.problems import ProblemError
from lib.tables import read_column
from lib import fmt
from lib.settings import Setting
from ui import problems
from ui.charts import arrow_bytes, arrow_table, chart
from ui.i18n import say, t
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
    """:func:`lib.charts_information.curve_data` as Arrow bytes."""
    return arrow_bytes(charts_information.curve_data(curve, base, series))


def function_chart(where, curve: str, x: float, value: float, series: str, y_title: str,
                   base: float | None, color: str) -> None:
    """The curve ``curve`` with the reader's point ``(x, value)`` marked on it."""
    chart(charts.function_chart, {"curves": curve_data(curve, base, series),
                                  "points": surprise.marked_point(x, value, series)},
          where=where, text={"x": "p", "y": y_title, "series": t("word.quantity")},
          colors={series: color})


@st.cache_resource(max_entries=4, show_spinner=False)
def units_table(language: str) -> pa.Table:
    """:func:`lib.information_lesson.unit_rows` of every unit, worded in ``language``."""
    rows = information_lesson.unit_rows(UNITS)
    rows["unit"] = [t(f"unit.{unit}") for unit in rows["unit"]]
    return arrow_table({t(f"in.why.col.{c}"): column for c, column in rows.items()})


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
    bars = charts_information.entropy_panels_data(labels, report.terms)["bars"]
    titles = {"event": t("word.event"), "p": "p", "info": t("in.col.info", unit=unit),
              "term": t("in.col.term", unit=unit)}
    shown = information_lesson.entropy_table(labels, report)
    csv = pd.DataFrame({titles["event"]: labels} | {
        titles[k]: report.terms[c].to_numpy()
        for k, c in information_lesson.ENTROPY_COLUMNS.items()})
    return EntropyView(tuple(labels), (), report, arrow_bytes(bars),
                       say("in.entropy", information_lesson.entropy_case(report, unit)),
                       arrow_table({titles[k]: v for k, v in shown.items()}), csv)
