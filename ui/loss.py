"""State, computations glue and wording for the cross-entropy-as-a-loss page.

Losses here are in nats, the natural log every training library uses; where the sidebar asks
for another unit, cross-entropy values also show the converted number.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import streamlit as st

from lib import csvfile, curves, info, library_calls, losses, tables
from lib.problems import Problem
from ui import fmt, problems
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


# ---- binary -----------------------------------------------------------------------------------

def binary_frames(curve: pd.DataFrame, a: float, y: int) -> tuple[pd.DataFrame, ...]:
    """Long frames (costs, gradients) and the current points, for the function charts."""
    names = {"cross_entropy": t("ls.bin.ce"), "quadratic": t("ls.bin.quad")}
    z = math.log(a / (1 - a))
    cost_now = {"cross_entropy": losses.binary_cross_entropy([y], [a]),
                "quadratic": losses.quadratic_cost([a], [y])}
    grad_now = {"cross_entropy": float(losses.binary_cross_entropy_grad([z], [y])[0]),
                "quadratic": float(losses.quadratic_cost_grad([z], [y])[0])}
    costs = pd.concat([pd.DataFrame({"x": curve["x"], "value": curve[k], "series": n})
                       for k, n in names.items()])
    grads = pd.concat([pd.DataFrame({"x": curve["x"], "value": curve[f"grad_{k}"], "series": n})
                       for k, n in names.items()])
    cost_pts = pd.DataFrame({"x": a, "value": list(cost_now.values()),
                             "series": list(names.values())})
    grad_pts = pd.DataFrame({"x": a, "value": list(grad_now.values()),
                             "series": list(names.values())})
    return costs, grads, cost_pts, grad_pts, cost_now, grad_now


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

def softmax_frames(z: np.ndarray, y: np.ndarray) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    a = losses.softmax(z)
    grad = losses.categorical_cross_entropy_grad(z, y)
    frame = pd.DataFrame({
        "category": list(CLASSES) * 3,
        "series": [t("ls.sm.a")] * 4 + [t("ls.sm.y")] * 4 + [t("ls.sm.grad")] * 4,
        "value": np.concatenate([a, y, grad])})
    return frame, a, grad


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

def likelihood_frames(heads: int, tails: int, theta: float):
    """(curve, point at θ) for the likelihood and for the mean NLL, for the function charts."""
    curve = curves.coin_likelihood(heads, tails)
    now = curves.coin_likelihood(heads, tails, theta=theta).iloc[0]
    out = []
    for column, name in (("likelihood", t("ls.ml2.lik")), ("nll", t("ls.ml2.nll"))):
        line = pd.DataFrame({"x": curve["x"], "value": curve[column], "series": name})
        point = pd.DataFrame({"x": [theta], "value": [now[column]], "series": [name]})
        out.append((line, point))
    return out


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


def _rows(rows: list[tuple[str, float, str]]) -> list[LibraryRow]:
    return [(code, library_value(value), text) for code, value, text in rows]


def draw_library_rows(rows: list[LibraryRow]) -> None:
    """Each call as wrapped code, beside its value and meaning (side by side when wide,
    stacked on a phone). The calls and meanings are this app's own text: no reader text."""
    for code, value, text in rows:
        with st.container(border=True):
            left, right = st.columns([3, 2], vertical_alignment="center")
            left.code(code, language="python", wrap_lines=True)
            right.markdown(t("ls.lib.row", value=value, text=text))


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
