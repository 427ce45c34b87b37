"""State, cached training and wording for the learning-slowdown page.

Session-state keys (all prefixed ``nr_``) hold the controls; the page reads them once per run.
Training is cached by its parameters, so the scrubber and the play button never retrain.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from lib import neuron
from ui import fmt
from ui.i18n import t

DEFAULTS = {"nr_w0": 2.0, "nr_b0": 2.0, "nr_x": 1.0, "nr_y": 0.0, "nr_eta_quadratic": 0.15,
            "nr_eta_cross_entropy": 0.15, "nr_epochs": 300, "nr_threshold": 0.1,
            "nr_book": False, "nr_epoch": 0, "nr_playing": False}
PRESETS = {
    "normal": {"nr_w0": 0.6, "nr_b0": 0.9},
    "wrong": {"nr_w0": 2.0, "nr_b0": 2.0},
    "book": {"nr_eta_quadratic": 0.15, "nr_eta_cross_entropy": 0.005},
}
COLORS = {"quadratic": "#e8853d", "cross_entropy": "#3b6fb6", "book_demo": "#8c8c8c"}
#: The same colours by Streamlit's markdown colour names, for the one key above the charts.
MARKDOWN_COLORS = {"quadratic": "orange", "cross_entropy": "blue", "book_demo": "gray"}
MAP_RANGE = 4.0
MAP_POINTS = 81
#: Grid of starting points for the map: 81 x 81 over [-4, 4]^2, spacing 0.1.
MAP_AXIS = np.linspace(-MAP_RANGE, MAP_RANGE, MAP_POINTS)


def ensure_state() -> None:
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)


def apply_preset(name: str) -> None:
    st.session_state.update(PRESETS[name])
    st.session_state["nr_epoch"] = 0
    st.session_state["nr_playing"] = False


@dataclass(frozen=True)
class Settings:
    w0: float
    b0: float
    x: float
    y: float
    eta: dict[str, float]
    epochs: int
    threshold: float
    book: bool

    @property
    def runs(self) -> list[str]:
        return ["quadratic", "cross_entropy"] + (["book_demo"] if self.book else [])


def settings() -> Settings:
    s = st.session_state
    return Settings(float(s["nr_w0"]), float(s["nr_b0"]), float(s["nr_x"]), float(s["nr_y"]),
                    {"quadratic": float(s["nr_eta_quadratic"]),
                     "cross_entropy": float(s["nr_eta_cross_entropy"]),
                     "book_demo": float(s["nr_eta_cross_entropy"])},
                    int(s["nr_epochs"]), float(s["nr_threshold"]), bool(s["nr_book"]))


@st.cache_data(max_entries=64, show_spinner=False)
def train(cost: str, w0: float, b0: float, eta: float, epochs: int, x: float,
          y: float) -> pd.DataFrame:
    frame = neuron.train(w0, b0, cost=cost, eta=eta, epochs=epochs, x=x, y=y)
    frame["sigma_prime"] = neuron.sigmoid_prime(frame["z"].to_numpy())
    frame["grad_b_abs"] = frame["dC_db"].abs()
    return frame


def runs(s: Settings) -> dict[str, pd.DataFrame]:
    return {c: train(c, s.w0, s.b0, s.eta[c], s.epochs, s.x, s.y) for c in s.runs}


def first_within(frame: pd.DataFrame, y: float, threshold: float) -> int:
    """First epoch with |a - y| < threshold, -1 if none (same rule as the map)."""
    hit = np.flatnonzero(np.abs(frame["a"].to_numpy() - y) < threshold)
    return int(hit[0]) if hit.size else -1


@st.cache_data(max_entries=16, show_spinner=False)
def init_map(cost: str, eta: float, epochs: int, threshold: float, x: float,
             y: float) -> pd.DataFrame:
    w0, b0 = np.meshgrid(MAP_AXIS, MAP_AXIS)
    needed = neuron.epochs_to_reach(w0, b0, cost=cost, eta=eta, epochs=epochs,
                                    threshold=threshold, x=x, y=y)
    return pd.DataFrame({"w0": w0.ravel(), "b0": b0.ravel(), "epochs_needed": needed.ravel()})


def run_name(cost: str) -> str:
    return t(f"nr.run.{cost}")


def long_runs(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return pd.concat([f.assign(run=run_name(c)) for c, f in frames.items()], ignore_index=True)


def legend_markdown(frames: dict[str, pd.DataFrame]) -> str:
    return "\u2003".join(f":{MARKDOWN_COLORS[c]}[**━━ {run_name(c)}**]" for c in frames)


def input_notes(s: Settings, frames: dict[str, pd.DataFrame]) -> list[tuple[str, str]]:
    """(kind, message) for inputs that make the picture unusual, so nobody is left puzzled."""
    notes = []
    if s.x == 0:
        notes.append(("warning", t("nr.note.x_zero")))
    if max(s.eta.values()) >= 10:
        notes.append(("warning", t("nr.note.big_eta")))
    if 0 < s.y < 1:
        notes.append(("info", t("nr.note.soft_target")))
    start = frames["quadratic"]["a"].iloc[0]
    if abs(start - s.y) < s.threshold:
        notes.append(("info", t("nr.note.already", a=fmt.num(start), thr=fmt.prob(s.threshold))))
    return notes


def epochs_label(n: int, epochs: int) -> str:
    return str(n) if n >= 0 else t("nr.never", epochs=epochs)


def formula_latex(cost: str, row: pd.Series, y: float) -> str:
    """The bias gradient of ``cost`` with the numbers of ``row`` substituted."""
    a, sp, g = fmt.num(row["a"]), fmt.num(row["sigma_prime"]), fmt.num(row["dC_db"])
    yy = fmt.prob(y)
    if cost == "quadratic":
        return (rf"\begin{{aligned}}\frac{{\partial C}}{{\partial b}} &= (a-y)\,\sigma'(z)"
                rf"\\ &= ({a} - {yy}) \times {sp} \\ &= {g}\end{{aligned}}")
    if cost == "cross_entropy":
        return (rf"\begin{{aligned}}\frac{{\partial C}}{{\partial b}} &= a - y"
                rf"\\ &= {a} - {yy} = {g}\end{{aligned}}")
    return (rf"\begin{{aligned}}\text{{{t('nr.book.step')}}} &= \frac{{a-y}}{{a(1-a)}}"
            rf"\\ &= {g}\end{{aligned}}")


def chart_text(title_key: str, axis: str) -> dict[str, str]:
    return {"epoch": t("nr.epoch"), "run": t("nr.cost"), "title": t(title_key), "axis": axis}


def map_text(cost: str, epochs: int, threshold: float) -> dict[str, str]:
    return {"w0": "w₀", "b0": "b₀", "epochs": t("nr.map.epochs", thr=fmt.prob(threshold)),
            "never": t("nr.never", epochs=epochs), "title": run_name(cost),
            "start": t("nr.map.start")}
