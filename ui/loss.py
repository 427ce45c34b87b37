"""State, computations glue and wording for the cross-entropy-as-a-loss page.

Losses here are in nats, the natural log every training library uses; where the sidebar asks
for another unit, cross-entropy values also show the converted number.
"""

from __future__ import annotations

import functools
import math

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from lib import charts, csvfile, curves, info, library_calls, losses, tables
from lib.problems import Problem
from ui import fmt, problems
from ui.i18n import event_name, lang, t
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


def logits() -> np.ndarray:
    return np.array([S.get(f"z{i}") for i in range(len(CLASSES))], dtype=float)


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


# ---- text --------------------------------------------------------------------------------------

def tex(latex: str) -> str:
    """A display formula as a Markdown block: exactly what ``st.latex(latex)`` sends."""
    return f"$$\n{latex}\n$$"


def prose(*blocks: str, where=None) -> None:
    """Paragraphs and display formulas (:func:`tex`) drawn as one Markdown element instead of
    one element each: the same text and formulas in the same order, fewer elements a rerun."""
    (where or st).markdown("\n\n".join(blocks))


# ---- chart data, cached -----------------------------------------------------------------------
# Every chart's data depends only on a few numbers and the translated series names, so each is
# built once per distinct input in this process (bounded, shared by every session) and kept as
# pyarrow tables, which Streamlit only serialises (no pandas conversion on each rerun). Nothing
# here reads the session: the names are arguments, so a key never mixes languages. The values
# are shared: callers must not modify them.

def _arrow(data: dict[str, pd.DataFrame]) -> dict[str, pa.Table]:
    """Named chart datasets as Arrow tables (exactly what Streamlit would make of the frames)."""
    return {name: pa.Table.from_pandas(frame) for name, frame in data.items()}


def _long(x: np.ndarray, columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """A long frame ``x, value, series`` with one block of rows per named column."""
    return pd.DataFrame({"x": np.tile(x, len(columns)),
                         "value": np.concatenate(list(columns.values())),
                         "series": np.repeat(list(columns), len(x))})


# ---- binary -----------------------------------------------------------------------------------

def binary_now(a: float, y: int) -> tuple[dict[str, float], dict[str, float]]:
    """Both costs at prediction ``a`` for target ``y``, and their gradients with respect to z."""
    z = math.log(a / (1 - a))
    cost_now = {"cross_entropy": losses.binary_cross_entropy([y], [a]),
                "quadratic": losses.quadratic_cost([a], [y])}
    grad_now = {"cross_entropy": float(losses.binary_cross_entropy_grad([z], [y])[0]),
                "quadratic": float(losses.quadratic_cost_grad([z], [y])[0])}
    return cost_now, grad_now


@functools.lru_cache(maxsize=8)
def _binary_curves(y: int, ce: str, quad: str, wrong: str) -> tuple[dict, dict]:
    """The cost and the gradient chart's data for target ``y`` without the current point:
    the curves over a (series named ``ce`` and ``quad``) and the tinted wrong band."""
    curve = curves.binary_losses(y)
    x = curve["x"].to_numpy()
    band = {"shade": wrong_band(y), "shade_label": wrong}
    out = []
    for prefix in ("", "grad_"):
        frame = _long(x, {ce: curve[f"{prefix}cross_entropy"].to_numpy(),
                          quad: curve[f"{prefix}quadratic"].to_numpy()})
        out.append(_arrow(charts.function_chart_data(frame, **band)))
    return tuple(out)


@functools.lru_cache(maxsize=512)
def binary_charts(a: float, y: int, ce: str, quad: str, wrong: str):
    """Data for the cost chart and the gradient chart at prediction ``a`` for target ``y``
    (curves, current points, band), and the costs and gradients there:
    ``(cost_data, grad_data, cost_now, grad_now)``."""
    cost_now, grad_now = binary_now(a, y)
    out = []
    for curve_data, now in zip(_binary_curves(y, ce, quad, wrong), (cost_now, grad_now)):
        points = pd.DataFrame({"x": [a, a], "value": list(now.values()), "series": [ce, quad]})
        points = _arrow({"points": points[np.isfinite(points["value"])]})
        out.append({"curves": curve_data["curves"], **points, "band": curve_data["band"]})
    return (*out, cost_now, grad_now)


def _ordered(colors: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Series colours as (name, colour) pairs: lib.charts.compile_spec turns them back into a
    mapping in this order (a dict argument is sorted by name, so the legend order would follow
    the alphabet of the reader's language)."""
    return tuple(colors.items())


def binary_colors() -> tuple[tuple[str, str], ...]:
    return _ordered({t("ls.bin.ce"): COLORS["cross_entropy"],
                     t("ls.bin.quad"): COLORS["quadratic"]})


def wrong_band(y: int) -> tuple[float, float]:
    """Predictions at the wrong extreme for target y: the last fifth of the way."""
    return (0.8, 1.0) if y == 0 else (0.0, 0.2)


# ---- softmax ----------------------------------------------------------------------------------

@functools.lru_cache(maxsize=512)
def softmax_chart(z: tuple[float, ...], true: int, a_name: str, y_name: str, grad_name: str):
    """For logits ``z`` and the true class's index: the bar chart's data (a, the one-hot y and
    the gradient a − y for each class, series named by the last three arguments), the
    probabilities a and the loss −ln a(true) in nats: ``(data, a, loss)``."""
    z = np.asarray(z, dtype=float)
    y = np.eye(len(CLASSES))[true]
    a = losses.softmax(z)
    grad = losses.categorical_cross_entropy_grad(z, y)
    frame = pd.DataFrame({
        "category": list(CLASSES) * 3,
        "series": [a_name] * 4 + [y_name] * 4 + [grad_name] * 4,
        "value": np.concatenate([a, y, grad])})
    a.setflags(write=False)  # shared by every session that asks for these logits
    return _arrow(charts.bar_chart_data(frame)), a, softmax_loss(z, y)


def softmax_loss(z: np.ndarray, y: np.ndarray) -> float:
    return losses.categorical_cross_entropy(y, logits=z)


def single_label_example() -> float:
    """The brief's single-label example: label (0, 1, 0), prediction (0.2, 0.7, 0.1)."""
    return losses.categorical_cross_entropy([0, 1, 0], [0.2, 0.7, 0.1])


def softmax_colors() -> tuple[tuple[str, str], ...]:
    return _ordered({t("ls.sm.a"): COLORS["cross_entropy"], t("ls.sm.y"): COLORS["label"],
                     t("ls.sm.grad"): COLORS["gradient"]})


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
    terms = np.array([losses.binary_cross_entropy([yi], [ai]) for yi, ai in zip(y, a)])
    return labels, y, a, terms, found


def multi_problem(problem: Problem) -> str:
    """A problem of the multi-label table, worded by the shared module, naming this table."""
    return problems.message(problem, table=t("ls.ml.table_name"),
                            columns={"a": t("ls.ml.a")})


def multi_table(labels, y, a, terms) -> pd.DataFrame:
    """The per-class results (labels are shown as text by st.dataframe)."""
    return pd.DataFrame({t("ls.ml.class"): labels, "y": [int(v) for v in y],
                         "a": [fmt.prob(v) for v in a],
                         t("ls.ml.term"): [fmt.num(v) for v in terms]})


@functools.lru_cache(maxsize=256)
def _multi_results(labels: tuple[str, ...], y: tuple[float, ...], a: tuple[float, ...],
                   terms: tuple[float, ...], language: str) -> pa.Table:
    return pa.Table.from_pandas(multi_table(list(labels), y, a, terms))  # worded in `language`


def multi_results(labels, y, a, terms) -> pa.Table:
    """:func:`multi_table` as an Arrow table (what st.dataframe sends), cached by the rows and
    the language."""
    return _multi_results(tuple(labels), *(tuple(float(v) for v in col) for col in (y, a, terms)),
                          lang())


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

@functools.lru_cache(maxsize=64)
def _likelihood_curves(heads: int, tails: int, lik: str, nll: str) -> tuple[pa.Table, pa.Table]:
    """The likelihood curve and the mean-NLL curve over θ, series named ``lik`` and ``nll``."""
    curve = curves.coin_likelihood(heads, tails)
    return tuple(_arrow(charts.function_chart_data(
        pd.DataFrame({"x": curve["x"], "value": curve[column], "series": name})))["curves"]
        for column, name in (("likelihood", lik), ("nll", nll)))


@functools.lru_cache(maxsize=512)
def likelihood_charts(heads: int, tails: int, theta: float, lik: str, nll: str):
    """Data for the likelihood chart and the mean-NLL chart (curve over θ and the point at
    ``theta``; ``heads + tails >= 1``), and the mean NLL at ``theta`` in nats:
    ``(lik_data, nll_data, nll_now)``."""
    now = curves.coin_likelihood(heads, tails, theta=theta).iloc[0]
    out = []
    for curve, column, name in zip(_likelihood_curves(heads, tails, lik, nll),
                                   ("likelihood", "nll"), (lik, nll)):
        point = pd.DataFrame({"x": [theta], "value": [now[column]], "series": [name]})
        out.append({"curves": curve,
                    "points": _arrow({"p": point[np.isfinite(point["value"])]})["p"]})
    return (*out, float(now["nll"]))


# ---- derivation -------------------------------------------------------------------------------

def derivation_check(a: float, y: float) -> dict[str, float]:
    """Finite-difference dC/da of the derived cost against the formula, and dC/db."""
    def cost(v):
        return -(y * math.log(v) + (1 - y) * math.log(1 - v))
    h = 1e-6
    numeric = (cost(a + h) - cost(a - h)) / (2 * h)
    formula = (a - y) / (a * (1 - a))
    return {"numeric": numeric, "formula": formula, "db": formula * a * (1 - a)}


# ---- what the libraries return -----------------------------------------------------------------

def library_value(x: float) -> str:
    """A library's return value as the table shows it: 5 decimals, ``nan`` as the libraries
    print it, ∞ for inf."""
    return "nan" if math.isnan(x) else fmt.num(x, 5)


def _same(x: float, y: float) -> bool:
    return x == y or (math.isfinite(x) and math.isfinite(y) and math.isclose(x, y, rel_tol=1e-9,
                                                                            abs_tol=1e-12))


LibraryRow = tuple[str, str, str]  # (the call, its value as shown, what it means)
#: Pixels for a library row's explanation beside its call (about 2/5 of a wide page).
LIBRARY_TEXT_WIDTH = 360


def _rows(rows: list[tuple[str, float, str]]) -> list[LibraryRow]:
    return [(code, library_value(value), text) for code, value, text in rows]


def draw_library_rows(rows: list[LibraryRow]) -> None:
    """Each call as wrapped code, beside its value and meaning (side by side when wide,
    stacked on a phone). The calls and meanings are this app's own text: no reader text.

    One bordered row holds the two elements directly (a horizontal container that wraps),
    not a pair of columns: three elements a row instead of six, for sixteen rows a rerun. The
    text's fixed width keeps the columns' 3 : 2 look on a wide page; on a phone the text wraps
    under the code, as the columns stacked."""
    for code, value, text in rows:
        with st.container(border=True, horizontal=True, vertical_alignment="center"):
            st.code(code, language="python", wrap_lines=True)
            st.markdown(t("ls.lib.row", value=value, text=text), width=LIBRARY_TEXT_WIDTH)


def library_setup(z: np.ndarray, true: int) -> str:
    return library_calls.setup_code(z, true)


def softmax_library_rows(z: np.ndarray, true: int) -> list[LibraryRow]:
    """The softmax example's calls, their values and what each means (worded from the values)."""
    n = len(z)
    ce = losses.categorical_cross_entropy(np.eye(n)[true], logits=z)
    quote = problems.message(Problem("sum", column="P", value=4.0))
    fields = {"n": n, "quote": quote, "page": t("page.explorer"), "ce": fmt.num(ce, 5), "k": n - 1,
              "floor": fmt.num(library_calls.softmax_twice_floor(n), 5)}
    return _rows([(c.code, c.value, t(f"ls.lib.{c.key}", **fields))
                  for c in library_calls.softmax_calls(z, true)])


def multi_library_rows(y: np.ndarray, a: np.ndarray, app_total: float) -> list[LibraryRow]:
    """The multi-label table's calls (its numbers written in), the clamping example, and what
    each means; a row that claims to equal this app's loss says so only when it does."""
    app = fmt.num(app_total, 5)
    rows = []
    for c in library_calls.multi_label_calls(y, a):
        key = c.key
        if key in ("bce_sum", "bce_logits_sum", "tf_sum") and not _same(c.value, app_total):
            key = "logits_nan" if math.isnan(c.value) else "bce_sum_clamped"
        text = t(f"ls.lib.{key}", n=len(a), app=app)
        if key in ("bce_mean", "bce_logits_mean") and math.isnan(c.value):
            text += " " + t("ls.lib.logits_nan", app=app)
        rows.append((c.code, c.value, text))
    clamp = library_calls.clamp_call()
    rows.append((clamp.code, clamp.value, t("ls.lib.bce_clamp")))
    return _rows(rows)


# The rows depend only on their arguments and the language (the wording), so each distinct
# view is worded once in this process, shared by every session, bounded.

@functools.lru_cache(maxsize=256)
def _softmax_rows(z: tuple[float, ...], true: int, language: str) -> tuple[LibraryRow, ...]:
    return tuple(softmax_library_rows(np.array(z), true))  # worded in `language` (= lang())


@functools.lru_cache(maxsize=256)
def _multi_rows(y: tuple[float, ...], a: tuple[float, ...], app_total: float,
                language: str) -> tuple[LibraryRow, ...]:
    return tuple(multi_library_rows(np.array(y), np.array(a), app_total))


def softmax_rows(z: np.ndarray, true: int) -> tuple[LibraryRow, ...]:
    """:func:`softmax_library_rows`, cached by the logits, the class and the language."""
    return _softmax_rows(tuple(float(v) for v in z), int(true), lang())


def multi_rows(y: np.ndarray, a: np.ndarray, app_total: float) -> tuple[LibraryRow, ...]:
    """:func:`multi_library_rows`, cached by the table's numbers and the language."""
    return _multi_rows(tuple(float(v) for v in y), tuple(float(v) for v in a),
                       float(app_total), lang())
