"""Information and entropy: surprise −log p, additivity, entropy as expected surprise, a coin."""

import math

import pandas as pd
import streamlit as st

import ui
from lib import charts, curves, info
from lib.tables import read_column
from ui import fmt, t
from ui import information as inf

ui.page_setup("information")
inf.ensure_state()
unit, base = ui.unit_label(), ui.base()


def q(x: float) -> str:
    return fmt.quantity(x, unit)


st.title(t("page.information"))
st.markdown(t("in.intro"))

# ---- Surprise ---------------------------------------------------------------------------------
st.header(t("in.surprise"), divider="gray")
st.latex(r"I(x) = -\log p(x)")
left, right = st.columns([2, 3], gap="large")
with left:
    p = st.slider(t("in.surprise.p"), 0.001, 1.0, step=0.001, format="%.3f", key="in_p")
    surprise = float(info.information_content(p, base))
    st.metric(t("in.surprise.metric"), q(surprise))
    st.markdown(t("in.surprise.text", p=fmt.prob(p), odds=inf.one_in(p), info=q(surprise)))
    st.caption(t("in.surprise.zero"))
with right:
    curve = curves.surprisal(base).assign(series=t("in.surprise.series"))
    point = pd.DataFrame({"x": [p], "value": [surprise], "series": [t("in.surprise.series")]})
    st.altair_chart(charts.function_chart(
        curve.rename(columns={"info": "value"}), inf.axes("p", t("in.axis.info", unit=unit)),
        {t("in.surprise.series"): charts.CE_COLOR}, points=point), width="stretch")

# ---- Additivity -------------------------------------------------------------------------------
st.header(t("in.add"), divider="gray")
st.markdown(t("in.add.intro"))
c1, c2 = st.columns(2)
p1 = c1.slider(t("in.add.p1"), 0.001, 1.0, step=0.001, format="%.3f", key="in_p1")
p2 = c2.slider(t("in.add.p2"), 0.001, 1.0, step=0.001, format="%.3f", key="in_p2")
i1, i2, i12 = (float(info.information_content(v, base)) for v in (p1, p2, p1 * p2))
st.latex(inf.additivity_latex(p1, p2, i1, i2, i12, unit))
st.markdown(t("in.add.check", residual=fmt.num(i12 - (i1 + i2))))

k = st.number_input(t("in.add.bits"), 1, 64, key="in_bits")
st.markdown(t("in.add.bits.text", k=k, n=f"{2 ** k:,}",
              info=q(float(info.information_content(2.0 ** -k, base)))))

# ---- Entropy ----------------------------------------------------------------------------------
st.header(t("in.entropy"), divider="gray")
st.markdown(t("in.entropy.intro"))
st.latex(r"H(P) = \sum_i p_i \cdot \bigl(-\log p_i\bigr)")
left, right = st.columns([2, 3], gap="large")
with left:
    edited = st.data_editor(
        st.session_state["in_table"], key="in_editor", num_rows="dynamic", hide_index=True,
        column_config={"label": st.column_config.TextColumn(t("word.event")),
                       "weight": st.column_config.NumberColumn(t("in.entropy.weight"),
                                                               format="%.6g")})
    st.caption(t("in.entropy.editor"))
labels, weights, problems = read_column(edited, "weight",
                                        default_label=lambda i: t("event.default", n=i + 1))
with right:
    dist = inf.weights_to_distribution(weights, problems)
    if dist is None:
        for problem in problems:
            st.error(inf.problem_message(problem), icon=":material/error:")
    else:
        if not math.isclose(float(weights.sum()), 1.0, rel_tol=1e-9):
            st.info(t("in.entropy.normalised", total=fmt.prob(weights.sum())),
                    icon=":material/calculate:")
        terms = info.event_terms(dist, dist, base)
        h, h_max = info.entropy(dist, base), math.log(len(dist)) * info.log_factor(base)
        m1, m2 = st.columns(2)
        m1.metric(t("in.entropy.h"), q(h))
        m2.metric(t("in.entropy.max", n=len(dist)), q(h_max))
        st.progress(h / h_max if h_max > 0 else 1.0,
                    text=t("in.entropy.gauge", h=q(h), max=q(h_max)))
        st.altair_chart(charts.bar_chart(inf.entropy_bars(labels, terms), inf.bar_text(unit),
                                         inf.entropy_colors()), width="stretch")
        st.markdown(inf.entropy_sentence(h, h_max, len(dist), unit))

# ---- Binary entropy ---------------------------------------------------------------------------
st.header(t("in.coin"), divider="gray")
st.latex(r"H(p) = -p\log p - (1-p)\log(1-p)")
left, right = st.columns([2, 3], gap="large")
with left:
    coin = st.slider(t("in.coin.p"), 0.0, 1.0, step=0.01, key="in_coin")
    h_coin = info.entropy([coin, 1.0 - coin], base)
    st.metric(t("in.coin.metric"), q(h_coin))
    st.markdown(t("in.coin.text"))
with right:
    series = t("in.coin.series")
    st.altair_chart(charts.function_chart(
        curves.binary_entropy(base).rename(columns={"entropy": "value"}).assign(series=series),
        inf.axes("p", t("in.axis.entropy", unit=unit)), {series: charts.P_COLOR},
        points=pd.DataFrame({"x": [coin], "value": [h_coin], "series": [series]})),
        width="stretch")
