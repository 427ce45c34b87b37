"""State, computations glue and wording for the cross-entropy-as-a-loss page.

Losses here are in nats, the natural log every training library uses; where the sidebar asks
for another unit, cross-entropy values also show the converted number.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import scipy.stats
import streamlit as st

from lib import curves, info, losses
from lib.tables import Problem, read_column
from ui import fmt
from ui.explorer import problem_message as table_problem
from ui.i18n import lang, t
from ui.layout import base, units

CLASSES = ("A", "B", "C", "D")
DEFAULT_LOGITS = (2.5, -1.0, 3.2, 0.5)
MULTI_LABEL = (("rice", True, 0.8), ("pumpkin", True, 0.9), ("green", False, 0.1))
DEFAULTS = {"ls_a": 0.9, "ls_true": 2, "ls_heads": 7, "ls_tails": 3, "ls_theta": 0.5,
            "ls_da": 0.8, "ls_dy": 0.0,
            **{f"ls_z{i}": v for i, v in enumerate(DEFAULT_LOGITS)}}
COLORS = {"cross_entropy": "#3b6fb6", "quadratic": "#e8853d", "label": "#9aa3b5",
          "gradient": "#d9534f"}


def _multi_label_table() -> pd.DataFrame:
    return pd.DataFrame({"label": [t(f"event.{name}") for name, _, _ in MULTI_LABEL],
                         "y": [y for _, y, _ in MULTI_LABEL],
                         "a": [a for _, _, a in MULTI_LABEL]})


def ensure_state() -> None:
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)
    edits = st.session_state.get("ls_editor") or {}
    untouched = not any(edits.get(k) for k in ("edited_rows", "added_rows", "deleted_rows"))
    # The example's class names follow the language until the reader edits the table.
    if "ls_table" not in st.session_state or (untouched and st.session_state.get(
            "ls_table_lang") != lang()):
        st.session_state["ls_table"] = _multi_label_table()
        st.session_state["ls_table_lang"] = lang()
        st.session_state.pop("ls_editor", None)


def reset_logits() -> None:
    for i, v in enumerate(DEFAULT_LOGITS):
        st.session_state[f"ls_z{i}"] = v


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


def binary_colors() -> dict[str, str]:
    return {t("ls.bin.ce"): COLORS["cross_entropy"], t("ls.bin.quad"): COLORS["quadratic"]}


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


def softmax_colors() -> dict[str, str]:
    return {t("ls.sm.a"): COLORS["cross_entropy"], t("ls.sm.y"): COLORS["label"],
            t("ls.sm.grad"): COLORS["gradient"]}


# ---- multi-label ------------------------------------------------------------------------------

def read_multi_label(table: pd.DataFrame):
    """Labels, targets y (0/1), predictions a, per-class terms, and problems."""
    labels, a, problems = read_column(table, "a",
                                      default_label=lambda i: t("event.default", n=i + 1))
    if a is not None:
        above = np.flatnonzero(a > 1)
        problems += [Problem("above_one", "a", int(i), labels[i], float(a[i])) for i in above]
    if problems:
        return labels, None, None, None, problems
    y = np.array([bool(v) if v is not None and not pd.isna(v) else False for v in table["y"]],
                 dtype=float)
    terms = np.array([losses.binary_cross_entropy([yi], [ai]) for yi, ai in zip(y, a)])
    return labels, y, a, terms, problems


def multi_problem(problem: Problem) -> str:
    if problem.code == "above_one":
        return t("ls.ml.above_one", label=problem.label, row=(problem.row or 0) + 1,
                 value=fmt.prob(problem.value))
    return table_problem(problem)


def multi_table(labels, y, a, terms) -> pd.DataFrame:
    return pd.DataFrame({t("ls.ml.class"): labels, "y": [int(v) for v in y],
                         "a": [fmt.prob(v) for v in a],
                         t("ls.ml.term"): [fmt.num(v) for v in terms]})


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

def library_rows(z: np.ndarray, y: np.ndarray) -> pd.DataFrame:
    """What scipy and PyTorch calls would return for the softmax example, in nats.

    scipy is called for real; PyTorch is not a dependency, so its conventions are reproduced
    with our own functions (the formulas are documented in its reference)."""
    a = losses.softmax(z)
    ce = losses.categorical_cross_entropy(y, logits=z)
    kl = info.kl_divergence(y, a)
    rows = [
        ("scipy.stats.entropy(y, a)", scipy.stats.entropy(y, a), "ls.lib.scipy_kl"),
        ("scipy.stats.entropy([1, 1, 1, 1])", scipy.stats.entropy([1, 1, 1, 1]),
         "ls.lib.scipy_renorm"),
        ("scipy.stats.entropy([.5, .5], [.3, .3])", scipy.stats.entropy([.5, .5], [.3, .3]),
         "ls.lib.scipy_renorm2"),
        ("F.cross_entropy(z, target)", ce, "ls.lib.torch_ce"),
        ("F.cross_entropy(softmax(z), target)",
         losses.categorical_cross_entropy(y, logits=a), "ls.lib.torch_bug"),
        ("F.kl_div(a.log(), y, reduction='batchmean')", kl, "ls.lib.torch_kl"),
        ("F.kl_div(a.log(), y, reduction='mean')", kl / len(z), "ls.lib.torch_kl_mean"),
        ("nn.BCELoss()(a=0, y=1)", 100.0, "ls.lib.torch_bce"),
    ]
    return pd.DataFrame({t("ls.lib.call"): [r[0] for r in rows],
                         t("ls.lib.returns"): [fmt.num(r[1]) for r in rows],
                         t("ls.lib.means"): [t(r[2]) for r in rows]})
