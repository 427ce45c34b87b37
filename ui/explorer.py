"""State and wording for the P vs Q explorer page (kept here so the page script stays a layout).

Session-state keys owned by the explorer:

``pq_base``     the table the editor starts from (label, P, Q);
``pq_editor``   the data editor's own edits on top of ``pq_base``;
``pq_preset``   the preset ``pq_base`` came from, or None once the reader replaced it;
``pq_base_lang`` the language the preset's event names were written in;
``pq_mode``     "prob" or "counts"; ``pq_t`` the blend slider.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from lib.presets import DEFAULT_PRESET, PRESETS
from lib.tables import MAX_EVENTS, Problem
from ui import fmt
from ui.i18n import lang, t
from ui.strings import STRINGS


def event_name(name: str) -> str:
    """A preset's event in the reader's language (names without a translation stay as they are)."""
    key = f"event.{name}"
    return t(key) if key in STRINGS else name


def _preset_table(name: str) -> pd.DataFrame:
    preset = PRESETS[name]
    return pd.DataFrame({"label": [event_name(e) for e in preset.events],
                         "P": list(preset.p), "Q": list(preset.q)})


def _editor_untouched() -> bool:
    edits = st.session_state.get("pq_editor")
    return not edits or not any(edits.get(k) for k in ("edited_rows", "added_rows",
                                                       "deleted_rows"))


def _set_base(table: pd.DataFrame, preset: str | None) -> None:
    st.session_state["pq_base"] = table
    st.session_state["pq_preset"] = preset
    st.session_state["pq_base_lang"] = lang()
    # The editor's stored edits are relative to the old table: drop them with it.
    st.session_state.pop("pq_editor", None)


def ensure_table() -> None:
    """Start from the default preset; follow a language switch while the preset is unedited."""
    if "pq_base" not in st.session_state:
        _set_base(_preset_table(DEFAULT_PRESET), DEFAULT_PRESET)
    elif (st.session_state.get("pq_preset") and st.session_state.get("pq_base_lang") != lang()
          and _editor_untouched()):
        _set_base(_preset_table(st.session_state["pq_preset"]), st.session_state["pq_preset"])
    st.session_state.setdefault("pq_mode", "prob")
    st.session_state.setdefault("pq_t", 0.0)


def active_preset() -> str | None:
    """The preset the table still shows unchanged, if any."""
    return st.session_state.get("pq_preset") if _editor_untouched() else None


def load_preset(name: str) -> None:
    _set_base(_preset_table(name), name)
    st.session_state["pq_mode"] = "prob"
    st.session_state["pq_t"] = 0.0


def replace_table(table: pd.DataFrame) -> None:
    _set_base(table.reset_index(drop=True), None)


def problem_message(problem: Problem, column: str | None = None) -> str:
    """One clear sentence per table problem, in the reader's language (used by every page
    with an editable table). ``column`` replaces the column's name in the sentence."""
    fields = {"col": column or problem.column or "",
              "row": (problem.row or 0) + 1,
              "label": problem.label or "",
              "value": fmt.prob(problem.value) if problem.value is not None else "",
              "max": MAX_EVENTS}
    if problem.code == "too_many_rows":
        fields["n"] = int(problem.value)
        fields["extra"] = int(problem.value) - MAX_EVENTS
    return t(f"ex.err.{problem.code}", **fields)


def _names(labels: list[str], mask: np.ndarray) -> str:
    return t("list.sep").join(f"“{lb}”" for lb, m in zip(labels, mask) if m)


def infinity_messages(p: np.ndarray, q: np.ndarray, labels: list[str]) -> list[str]:
    """Why a cross-entropy or divergence is ∞, naming the events responsible."""
    out = []
    q_misses = (p > 0) & (q == 0)
    if q_misses.any():
        out.append(t("ex.inf.pq", events=_names(labels, q_misses)))
    p_misses = (q > 0) & (p == 0)
    if p_misses.any():
        out.append(t("ex.inf.qp", events=_names(labels, p_misses)))
    return out


def _tex(x: float) -> str:
    return r"\infty" if np.isinf(x) else fmt.num(x)


def identity_latex(ce: float, h: float, kl: float, unit: str) -> str:
    """The identity with the current numbers substituted, as LaTeX."""
    return rf"{_tex(ce)} = {_tex(h)} + {_tex(kl)} \quad \text{{({unit})}}"


def residual_text(residual: float, ce: float, unit: str) -> str:
    if np.isinf(ce):
        return t("ex.residual.inf")
    return t("ex.residual", residual=fmt.num(residual, 4), unit=unit)


def asymmetry_text(kl_pq: float, kl_qp: float, unit: str) -> str:
    values = {"pq": fmt.quantity(kl_pq, unit), "qp": fmt.quantity(kl_qp, unit)}
    if kl_pq == kl_qp or (np.isfinite(kl_pq) and np.isclose(kl_pq, kl_qp, rtol=1e-12,
                                                             atol=1e-15)):
        return t("ex.asym.equal", **values)
    return t("ex.asym", **values)


def terms_table(labels: list[str], terms: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Per-event table with ∞ written out (a numeric column would show "inf")."""
    header = {
        "info_p": t("ex.col.info_p", unit=unit), "info_q": t("ex.col.info_q", unit=unit),
        "entropy_term": t("ex.col.entropy_term", unit=unit),
        "cross_entropy_term": t("ex.col.ce_term", unit=unit),
        "kl_term": t("ex.col.kl_term", unit=unit),
    }
    table = {t("word.event"): labels,
             "P": [fmt.prob(v) for v in terms["p"]], "Q": [fmt.prob(v) for v in terms["q"]]}
    for column, title in header.items():
        table[title] = [fmt.num(v) for v in terms[column]]
    return pd.DataFrame(table)


def chart_text() -> dict[str, str]:
    return {
        "event": t("word.event"), "probability": t("word.probability"),
        "distribution": t("word.distribution"), "P": "P", "Q": "Q",
        "value": t("ex.chart.value", unit=t(f"unit.{st.session_state['units']}")),
        "entropy_part": t("ex.chart.entropy_part"), "kl_adds": t("ex.chart.kl_adds"),
        "kl_subtracts": t("ex.chart.kl_subtracts"),
        "total": t("ex.chart.total"), "part": t("ex.chart.part"),
        "infinite": t("ex.chart.infinite"),
        "t": "t", "cross_entropy": "H(P, Qₜ)", "kl": "KL(P‖Qₜ)", "quantity": t("word.quantity"),
        "entropy_p": t("ex.chart.floor"),
    }
