"""P vs Q explorer: edit two distributions, see every quantity and the identity live."""

import numpy as np
import pandas as pd
import streamlit as st

import ui
from lib import charts, info
from lib.presets import PRESETS
from lib.tables import MAX_EVENTS, normalised_table, read_distributions
from ui import explorer as state
from ui import fmt, t

ui.page_setup("explorer")
state.ensure_table()
unit = ui.unit_label()
base = ui.base()


def q(x: float) -> str:
    return fmt.quantity(x, unit)


st.title(t("page.explorer"))
st.markdown(t("ex.intro"))

# ---- Inputs -----------------------------------------------------------------------------------
st.markdown(f"**{t('ex.presets')}**")
active = state.active_preset()
for col, name in zip(st.columns(len(PRESETS)), PRESETS):
    col.button(t(f"ex.preset.{name}"), key=f"preset_{name}", on_click=state.load_preset,
               args=(name,), width="stretch", type="primary" if active == name else "secondary")

modes = {m: t(f"ex.mode.{m}") for m in ("prob", "counts")}
counts = ui.mirrored(st.radio, "pq_mode", t("ex.mode"), list(modes), horizontal=True,
                     format_func=modes.get, help=t("ex.mode.help")) == "counts"
editor_col, chart_col = st.columns([3, 2], gap="large")
edited = editor_col.data_editor(
    st.session_state["pq_base"], key="pq_editor", num_rows="dynamic", hide_index=True,
    column_config={
        "label": st.column_config.TextColumn(t("word.event"), width="medium"),
        "P": st.column_config.NumberColumn("P", help=t("ex.col.P"), format="%.6g"),
        "Q": st.column_config.NumberColumn("Q", help=t("ex.col.Q"), format="%.6g"),
    })
editor_col.caption(t("ex.editor.help", max=MAX_EVENTS))

read = read_distributions(edited, counts=counts,
                          default_label=lambda i: t("event.default", n=i + 1))

# ---- Bad input: explain each problem, offer the one repair we can make --------------------------
if not read.ok:
    # Beside the table on a wide screen, right under it on a narrow one.
    with chart_col:
        for problem in read.problems:
            st.error(state.problem_message(problem), icon=":material/error:")
        if read.only_sum_problems:
            st.button(t("ex.normalise"), icon=":material/balance:", type="primary",
                      on_click=state.replace_table, args=(normalised_table(edited),))
            st.caption(t("ex.normalise.or_counts"))
        st.info(t("ex.waiting"), icon=":material/info:")
    st.stop()

p, q_dist, labels = read.p, read.q, read.labels
with chart_col:
    st.altair_chart(charts.distribution_bars(labels, p, q_dist, state.chart_text()),
                    width="stretch")
if counts:
    st.info(t("ex.from_counts", p_total=fmt.prob(read.totals["P"]),
              q_total=fmt.prob(read.totals["Q"])), icon=":material/calculate:")
if len(p) == 1:
    st.info(t("ex.single_event"), icon=":material/info:")

c = info.compare(p, q_dist, base)
h_p, ce_pq, kl_pq = c.h_p, c.ce_pq, c.kl_pq

# ---- Numbers ----------------------------------------------------------------------------------
st.header(t("ex.results"), divider="gray")
row1 = st.columns(3)
row1[0].metric(t("ex.m.h_p"), q(h_p), help=t("ex.m.h_p.help"))
row1[1].metric(t("ex.m.ce_pq"), q(ce_pq), help=t("ex.m.ce_pq.help"))
row1[2].metric(t("ex.m.kl_pq"), q(kl_pq), help=t("ex.m.kl_pq.help"))
row2 = st.columns(3)
row2[0].metric(t("ex.m.h_q"), q(c.h_q), help=t("ex.m.h_q.help"))
row2[1].metric(t("ex.m.ce_qp"), q(c.ce_qp), help=t("ex.m.ce_qp.help"))
row2[2].metric(t("ex.m.kl_qp"), q(c.kl_qp), help=t("ex.m.kl_qp.help"))

for message in state.infinity_messages(p, q_dist, labels):
    st.warning(message, icon=":material/all_inclusive:")

st.subheader(t("ex.identity"))
st.latex(r"H(P,Q) = H(P) + D_{\mathrm{KL}}(P\,\|\,Q)")
st.latex(state.identity_latex(ce_pq, h_p, kl_pq, unit))
st.markdown(state.residual_text(c.residual, ce_pq, unit))
st.markdown(t("ex.gibbs", kl=q(kl_pq)))
st.markdown(state.asymmetry_text(kl_pq, c.kl_qp, unit))

with st.expander(t("ex.formulas"), icon=":material/function:"):
    st.latex(r"I(x) = -\log p(x) \qquad H(P) = -\sum_i p_i \log p_i")
    st.latex(r"H(P,Q) = -\sum_i p_i \log q_i")
    st.latex(r"D_{\mathrm{KL}}(P\,\|\,Q) = \sum_i p_i \log \frac{p_i}{q_i}")
    st.markdown(t("ex.formulas.conventions"))

# ---- Per event --------------------------------------------------------------------------------
st.header(t("ex.per_event"), divider="gray")
st.markdown(t("ex.per_event.intro"))
st.dataframe(state.terms_table(labels, c.terms, unit), hide_index=True, width="stretch")

st.subheader(t("ex.chart.stack"))
st.altair_chart(charts.cross_entropy_stack(labels, c.terms, state.chart_text()),
                width="stretch")
st.caption(t("ex.chart.stack.caption"))

# ---- Blend Q toward P -------------------------------------------------------------------------
st.header(t("ex.blend"), divider="gray")
st.markdown(t("ex.blend.intro"))
st.latex(r"Q_t = (1-t)\,Q + t\,P")
t_value = st.slider(t("ex.blend.t"), 0.0, 1.0, step=0.01, key="pq_t")
q_t = info.blend(p, q_dist, t_value)
b1, b2, b3 = st.columns(3)
b1.metric(t("ex.blend.ce"), q(info.cross_entropy(p, q_t, base)))
b2.metric(t("ex.blend.kl"), q(info.kl_divergence(p, q_t, base)))
b3.metric(t("ex.m.h_p"), q(h_p))
curve = info.blend_curve(p, q_dist, base)
st.altair_chart(charts.blend_chart(curve, t_value, h_p, state.chart_text()), width="stretch")
st.caption(t("ex.blend.caption"))
with st.expander(t("ex.blend.table")):
    st.dataframe(pd.DataFrame({t("word.event"): labels, "P": np.round(p, 6),
                               "Q": np.round(q_dist, 6), "Q_t": np.round(q_t, 6)}),
                 hide_index=True, width="stretch")
