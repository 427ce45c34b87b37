"""State and wording for the information-and-entropy page."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from lib import info
from lib.tables import Problem
from ui import fmt
from ui.explorer import problem_message as table_problem
from ui.i18n import t

DEFAULTS = {"in_p": 0.25, "in_p1": 0.25, "in_p2": 0.5, "in_bits": 16, "in_coin": 0.5}


def ensure_state() -> None:
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)
    if "in_table" not in st.session_state:
        st.session_state["in_table"] = pd.DataFrame({
            "label": ["A", "B", "C", "D"], "weight": [0.5, 0.25, 0.125, 0.125]})


def one_in(p: float) -> str:
    """"1 in 4"-style odds for a probability (rounded sensibly)."""
    n = 1.0 / p
    return fmt.prob(round(n, 1 if n < 10 else 0))


def axes(x: str, y: str) -> dict[str, str]:
    return {"x": x, "y": y, "series": t("word.quantity")}


def additivity_latex(p1, p2, i1, i2, i12, unit) -> str:
    # Short lines, so the equation fits a phone screen.
    return (rf"\begin{{aligned}}-\log({fmt.prob(p1)}) - \log({fmt.prob(p2)}) &= {fmt.num(i1)}"
            rf" + {fmt.num(i2)} \\ &= {fmt.num(i1 + i2)} \\ -\log({fmt.prob(p1 * p2)}) "
            rf"&= {fmt.num(i12)} \quad \text{{({unit})}}\end{{aligned}}")


def weights_to_distribution(weights, problems: list[Problem]):
    """The normalised distribution, or None (problems are then listed for the reader)."""
    if problems or weights is None:
        return None
    if weights.sum() == 0:
        problems.append(Problem("all_zero", t("in.entropy.weight")))
        return None
    return info.normalize(weights)


def problem_message(problem: Problem) -> str:
    return table_problem(problem, column=t("in.entropy.weight"))


def entropy_colors() -> dict[str, str]:
    return {t("in.entropy.bar_p"): "#3b6fb6", t("in.entropy.bar_term"): "#7fa7d9"}


def entropy_bars(labels, terms: pd.DataFrame) -> pd.DataFrame:
    """Long frame of p_i and p_i·(−log p_i) per event for :func:`lib.charts.bar_chart`."""
    n = len(labels)
    return pd.DataFrame({
        "category": list(labels) * 2,
        "series": [t("in.entropy.bar_p")] * n + [t("in.entropy.bar_term")] * n,
        "value": np.concatenate([terms["p"].to_numpy(), terms["entropy_term"].to_numpy()]),
    })


def bar_text(unit: str) -> dict[str, str]:
    return {"category": t("word.event"), "y": t("in.entropy.bar_axis", unit=unit),
            "series": t("word.quantity")}


def entropy_sentence(h: float, h_max: float, n: int, unit: str) -> str:
    if n == 1:
        return t("in.entropy.single")
    if np.isclose(h, h_max, rtol=1e-12, atol=1e-12):
        return t("in.entropy.at_max", n=n)
    return t("in.entropy.below_max", h=fmt.quantity(h, unit), max=fmt.quantity(h_max, unit),
             n=n, share=f"{h / h_max:.0%}")

