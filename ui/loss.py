"""State and wording for the cross-entropy-as-a-loss page; the maths is :mod:`lib.losses`,
:mod:`lib.charts_loss` (chart data) and :mod:`lib.library_calls`.

Losses here are in nats, the natural log every training library uses; where the sidebar asks
for another unit, cross-entropy values also show the converted number.

Caching (ui/MECHANISMS.md): one ``st.cache_resource`` function per interactive section
(``*_view``), of plain arguments and the language, returning what the section shows (chart
data as Arrow bytes, numbers, worded rows), shared by every session and never modified; the
binary curves, which do not follow the slider, are cached apart so that moving it reuses them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from lib import charts_loss, csvfile, info, library_calls, losses, tables
from lib.problems import Problem
from ui import fmt, problems
from ui.charts import arrow_bytes, arrow_table
from ui.i18n import event_name, t
from ui.layout import base, units
from ui.state import PageState, Setting

CLASSES = ("A", "B", "C", "D")
DEFAULT_LOGITS = (2.5, -1.0, 3.2, 0.5)
#: The multi-label example: rice and pumpkin in the photo, greens not (BRIEF §2).
DEFAULT_TABLE = pd.DataFrame({
    "label": [tables.preset_label(name) for name in ("rice", "pumpkin", "green")],
    "a": ["0.8", "0.9", "0.1"],
    "y": [True, True, False]})
COLORS = {"cross_entropy": "#3b6fb6", "quadratic": "#e8853d", "label": "#9aa3b5",
          "gradient": "#d9534f"}

#: Everything a reader sets on this page (see ui/MECHANISMS.md): truth "loss.<name>".
S = PageState("loss", [
    Setting("a", 0.9, "float", lo=0.01, hi=0.99),
    *[Setting(f"z{i}", v, "float", lo=-10.0, hi=10.0) for i, v in enumerate(DEFAULT_LOGITS)],
    Setting("true", 2, "choice", choices=tuple(range(len(CLASSES)))),
    Setting("table", DEFAULT_TABLE, "table", columns=("a",), bool_columns=("y",)),
    Setting("heads", 7, "int", lo=0, hi=10_000),
    Setting("tails", 3, "int", lo=0, hi=10_000),
    Setting("theta", 0.5, "float", lo=0.01, hi=0.99),
    Setting("da", 0.8, "float", lo=0.01, hi=0.99),
    Setting("dy", 0.0, "float", lo=0.0, hi=1.0),
])


def reset_logits() -> None:
    for i, v in enumerate(DEFAULT_LOGITS):
        S.set(f"z{i}", v)


def _in_sidebar_unit(x_nats: float) -> str | None:
    """The same amount in the sidebar's unit, or None when that unit is nats already."""
    if units() == "nats":
        return None
    return fmt.quantity(x_nats * info.log_factor(base()), t(f"unit.{units()}"))


def nats(x: float) -> str:
    """A cross-entropy in nats, with the sidebar's unit added when it is not nats."""
    other = _in_sidebar_unit(x)
    return fmt.quantity(x, t("unit.nats")) + (f" = {other}" if other else "")


def ce_metric(container, label: str, x: float, **kwargs) -> None:
    """A metric in nats; the sidebar's unit, when different, in a caption under it (a metric
    holding both would be cut off in a narrow column)."""
    container.metric(label, fmt.quantity(x, t("unit.nats")), **kwargs)
    if other := _in_sidebar_unit(x):
        container.caption(f"= {other}")


def prose(*blocks: str, where=None) -> None:
    """Paragraphs and display formulas (:func:`ui.fmt.math_block`) drawn as one Markdown
    element instead of one element each: the same text and formulas in the same order."""
    (where or st).markdown("\n\n".join(blocks))


def colors(pairs: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Series colours, string key -> colour key, as (name, colour) pairs in this order
    (lib.charts.compile_spec keeps it; a dict argument would be sorted, so the legend's order
    would follow the alphabet of the reader's language)."""
    return tuple((t(key), COLORS[color]) for key, color in pairs.items())


# ---- binary -----------------------------------------------------------------------------------

@st.cache_resource(max_entries=4, show_spinner=False)
def binary_curves(y: int, language: str) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The cost and the gradient chart's curves and band for target ``y``, named in
    ``language``."""
    cost, grad = charts_loss.binary_curves_data(y, t("ls.bin.ce"), t("ls.bin.quad"),
                                                t("ls.bin.wrong"))
    return tuple({name: arrow_bytes(frame) for name, frame in data.items()}
                 for data in (cost, grad))


@st.cache_resource(max_entries=256, show_spinner=False)
def binary_view(a: float, language: str) -> tuple[tuple, tuple]:
    """For each target y = 0, 1: ``(cost_data, grad_data, costs, grads)`` at prediction ``a``
    (the charts' datasets as Arrow bytes; costs and gradients by cost name)."""
    out = []
    for y in (0, 1):
        cost_points, grad_points, cost_now, grad_now = charts_loss.binary_points_data(
            a, y, t("ls.bin.ce"), t("ls.bin.quad"))
        curves = binary_curves(y, language)
        out.append(({**curves[0], "points": arrow_bytes(cost_points)},
                    {**curves[1], "points": arrow_bytes(grad_points)}, cost_now, grad_now))
    return tuple(out)


# ---- softmax ----------------------------------------------------------------------------------

LibraryRow = tuple[str, str]  # (the call, its value and what it means, as Markdown)
#: Pixels for a library row's explanation beside its call (about 2/5 of a wide page).
LIBRARY_TEXT_WIDTH = 360


def _row(code: str, value: float, text: str) -> LibraryRow:
    """A library's call, and its return value as the table shows it (5 decimals, ``nan`` as
    the libraries print it, ∞ for inf) with what it means."""
    return code, t("ls.lib.row", value="nan" if math.isnan(value) else fmt.num(value, 5),
                   text=text)


@dataclass(frozen=True)
class SoftmaxView:
    bars: bytes       # the bar chart's dataset
    probs: tuple[float, ...]
    loss: float       # −ln a(true), nats
    setup: str        # the library section's setup code
    rows: tuple[LibraryRow, ...]


@st.cache_resource(max_entries=256, show_spinner=False)
def softmax_view(z: tuple[float, ...], true: int, language: str) -> SoftmaxView:
    """The softmax section for logits ``z`` and the true class: bars, probabilities, loss, and
    the library calls with what each returns and means, worded in ``language``."""
    bars, a, loss = charts_loss.softmax_bars_data(z, true, CLASSES, t("ls.sm.a"), t("ls.sm.y"),
                                                  t("ls.sm.grad"))
    n = len(z)
    fields = {"n": n, "quote": problems.message(Problem("sum", column="P", value=4.0)),
              "page": t("page.explorer"), "ce": fmt.num(loss, 5), "k": n - 1,
              "floor": fmt.num(library_calls.softmax_twice_floor(n), 5)}
    rows = tuple(_row(c.code, c.value, t(f"ls.lib.{c.key}", **fields))
                 for c in library_calls.softmax_calls(z, true))
    return SoftmaxView(arrow_bytes(bars), tuple(float(v) for v in a), loss,
                       library_calls.setup_code(z, true), rows)


def draw_library_rows(rows: tuple[LibraryRow, ...]) -> None:
    """Each call as wrapped code, beside its value and meaning (side by side when wide,
    stacked on a phone). The calls and meanings are this app's own text: no reader text.

    One bordered row holds the two elements directly (a horizontal container that wraps),
    not a pair of columns: three elements a row instead of six. The text's fixed width keeps
    the columns' 3 : 2 look on a wide page; on a phone the text wraps under the code."""
    for code, text in rows:
        with st.container(border=True, horizontal=True, vertical_alignment="center"):
            st.code(code, language="python", wrap_lines=True)
            st.markdown(text, width=LIBRARY_TEXT_WIDTH)


# ---- multi-label ------------------------------------------------------------------------------

def read_multi_label(table: pd.DataFrame):
    """Labels, targets y (0/1), predictions a, per-class terms, and problems (each a
    :class:`lib.problems.Problem`; the numbers are None when there is any)."""
    labels, a, found = tables.read_column(
        table, "a", default_label=lambda i: t("event.default", n=i + 1), name=event_name)
    if a is not None:
        found += [Problem("above_one", column="a", row=int(i), label=labels[i], value=float(a[i]))
                  for i in np.flatnonzero(a > 1)]
    if found:
        return labels, None, None, None, found
    y = np.array([bool(v) for v in table["y"]], dtype=float)
    return labels, y, a, losses.multi_label_terms(y, a), found


@dataclass(frozen=True)
class MultiView:
    labels: tuple[str, ...]
    errors: tuple[str, ...]       # the table's problems, worded (then nothing below is set)
    y: np.ndarray | None = None
    a: np.ndarray | None = None
    terms: np.ndarray | None = None
    results: pa.Table | None = None  # per class, as the page shows it
    rows: tuple[LibraryRow, ...] = ()


@st.cache_resource(max_entries=128, show_spinner=False,
                   hash_funcs={pd.DataFrame: fmt.table_text})
def multi_view(table: pd.DataFrame, language: str) -> MultiView:
    """The multi-label section for the reader's ``table``: problems, or the targets,
    predictions, per-class terms, the results table and the library calls with the table's
    numbers written in (a row that claims to equal this app's loss says so only when it does),
    worded in ``language``."""
    labels, y, a, terms, found = read_multi_label(table)
    if found:
        return MultiView(tuple(labels), tuple(problems.message(
            p, table=t("ls.ml.table_name"), columns={"a": t("ls.ml.a")}) for p in found))
    for array in (y, a, terms):
        array.setflags(write=False)  # shared by every session: read only
    total = float(terms.sum())
    app = fmt.num(total, 5)
    rows = []
    for c in library_calls.multi_label_calls(y, a):
        key = c.key
        if key in ("bce_sum", "bce_logits_sum", "tf_sum") and not library_calls.agrees(
                c.value, total):
            key = "logits_nan" if math.isnan(c.value) else "bce_sum_clamped"
        text = t(f"ls.lib.{key}", n=len(a), app=app)
        if key in ("bce_mean", "bce_logits_mean") and math.isnan(c.value):
            text += " " + t("ls.lib.logits_nan", app=app)
        rows.append(_row(c.code, c.value, text))
    clamp = library_calls.clamp_call()
    rows.append(_row(clamp.code, clamp.value, t("ls.lib.bce_clamp")))
    results = arrow_table({t("ls.ml.class"): labels, "y": [int(v) for v in y],
                            "a": [fmt.prob(v) for v in a],
                            t("ls.ml.term"): [fmt.num(v) for v in terms]})
    return MultiView(tuple(labels), (), y, a, terms, results, tuple(rows))


def table_csv(table: pd.DataFrame, labels: list[str]) -> bytes:
    """The multi-label table as the reader sees it: class, y (0/1), a (as typed)."""
    frame = pd.DataFrame({"class": labels, "y": [int(bool(v)) for v in table["y"]],
                          "a": list(table["a"])})
    return csvfile.write_csv(frame)


def results_csv(labels, y, a, terms) -> bytes:
    frame = pd.DataFrame({"class": labels, "y": [int(v) for v in y], "a": a,
                          "term_nats": terms})
    return csvfile.write_csv(frame, numeric=("a", "term_nats"))


# ---- maximum likelihood -------------------------------------------------------------------------

@st.cache_resource(max_entries=256, show_spinner=False)
def likelihood_view(heads: int, tails: int, theta: float, language: str):
    """Data for the likelihood chart and the mean-NLL chart (curve over θ and the point at
    ``theta``; ``heads + tails >= 1``), named in ``language``, and the mean NLL at ``theta`` in
    nats: ``(lik_data, nll_data, nll_now)``."""
    names = t("ls.ml2.lik"), t("ls.ml2.nll")
    *points, nll_now = charts_loss.likelihood_points_data(heads, tails, theta, *names)
    return (*({"curves": arrow_bytes(curve), "points": arrow_bytes(point)} for curve, point in
              zip(charts_loss.likelihood_curves_data(heads, tails, *names), points)), nll_now)
