"""Information and entropy: surprise −log p, why a logarithm, additivity, entropy, a coin."""

import math

import streamlit as st

import ui
from lib import charts, info
from lib.tables import MAX_EVENTS
from ui import explorer as ex
from ui import fmt, t
from ui import information as inf

S = inf.S

unit, base = ui.unit_label(), ui.base()

def q(x: float) -> str:
    return fmt.quantity(x, unit)

st.title(t("page.information"))
st.markdown(t("in.intro"))

# ---- Surprise -----------------------------------------------------------------------------
st.header(t("in.surprise"), divider="gray")
st.latex(r"I(x) = -\log p(x)")

@ui.fragment
def surprise_section() -> None:
    left, right = st.columns([2, 3], gap="large")
    with left:
        p = S.slider("p", t("in.surprise.p"), step=0.001, format="%.3f")
        surprise = float(info.information_content(p, base))
        st.metric(t("in.surprise.metric"), q(surprise))
        st.markdown(t("in.surprise.text", p=fmt.prob(p), odds=inf.one_in(p),
                      info=q(surprise)))
        st.caption(t("in.surprise.zero"))
    series = t("in.surprise.series")
    ui.chart(charts.function_chart, {"curves": inf.curve_data("surprisal", base, series),
                                     "points": inf.point_data(p, surprise, series)},
             where=right, text=inf.axes("p", t("in.axis.info", unit=unit)),
             colors={series: charts.CE_COLOR})

surprise_section()

# ---- Why a logarithm ----------------------------------------------------------------------
st.header(t("in.why"), divider="gray")
st.markdown(t("in.why.intro") + "\n\n" + t("in.why.tournament"))
st.latex(r"I\bigl(\tfrac14 \cdot \tfrac12\bigr) = I\bigl(\tfrac14\bigr) + I\bigl(\tfrac12\bigr)")
st.markdown(t("in.why.conditional") + "\n\n" + t("in.why.result"))
st.latex(r"I(p_1 p_2) = I(p_1) + I(p_2) \;\Longrightarrow\; I(p) = -k \log p")
steps = inf.tournament(base)
st.markdown(t("in.why.live", unit=unit, **{k: q(v) for k, v in steps.items()}))
with st.expander(t("in.why.steps"), icon=":material/function:"):
    st.markdown(t("in.why.step1"))
    st.latex(r"f(x + y) = f(x) + f(y)")
    st.markdown("\n\n".join(t(f"in.why.step{i}") for i in (2, 3, 4)))
    st.latex(r"I(p) = -k \ln p = -\log_b p, \quad b = e^{1/k}")
st.markdown(f"**{t('in.why.units')}**")
units = inf.units_table()
st.dataframe(units, hide_index=True)
ex.download_csv(units.to_pandas, "units.csv", t("in.download.units"),
                key="_download.information.units")

# ---- Additivity ---------------------------------------------------------------------------
st.header(t("in.add"), divider="gray")
st.markdown(t("in.add.intro"))

@ui.fragment
def additivity_section() -> None:
    c1, c2 = st.columns(2)
    p1 = S.slider("p1", t("in.add.p1"), where=c1, step=0.001, format="%.3f")
    p2 = S.slider("p2", t("in.add.p2"), where=c2, step=0.001, format="%.3f")
    i1, i2, i12 = (float(info.information_content(v, base)) for v in (p1, p2, p1 * p2))
    st.latex(inf.additivity_latex(p1, p2, i1, i2, i12, unit))
    st.markdown(t("in.add.check", residual=fmt.num(i12 - (i1 + i2))))

    k = S.number("bits", t("in.add.bits"), where=st.columns([1, 2])[0])
    st.markdown(t("in.add.bits.text", k=k, n=f"{2 ** k:,}", k_sup=inf.superscript(k),
                  minus_k_sup=inf.superscript(-k),
                  info=q(float(info.information_content(2.0 ** -k, base)))))

additivity_section()

# ---- Entropy ------------------------------------------------------------------------------
st.header(t("in.entropy"), divider="gray")
st.markdown(t("in.entropy.intro"))
st.latex(r"H(P) = \sum_i p_i \cdot \bigl(-\log p_i\bigr)")

@ui.fragment
def entropy_section() -> None:
    left, right = st.columns([2, 3], gap="large")
    weight = t("in.entropy.weight")
    table = S.table("table", {
        "label": st.column_config.TextColumn(t("word.event")),
        "weight": st.column_config.TextColumn(weight)},
        where=left, num_rows="dynamic")
    left.caption(t("in.entropy.editor", max=MAX_EVENTS))
    with left.expander(t("ex.files"), icon=":material/table_view:"):
        ex.table_files(S, "table", file_name="entropy.csv",
                       columns={"label": t("word.event"), "weight": weight})
    labels, weights, found = inf.read_weights(table)
    with right:
        dist = inf.weights_to_distribution(weights, found)
        if dist is None:
            for problem in found:
                st.error(inf.problem_message(problem), icon=":material/error:")
            return
        total = float(weights.sum())
        if not math.isclose(total, 1.0, rel_tol=1e-9):
            st.info(t("in.entropy.normalised", total=fmt.prob(total)),
                    icon=":material/calculate:")
        terms = info.event_terms(dist, dist, base)
        h, h_max = info.entropy(dist, base), math.log(len(dist)) * info.log_factor(base)
        m1, m2 = st.columns(2)
        m1.metric(t("in.entropy.h"), q(h))
        m2.metric(t("in.entropy.max", n=len(dist)), q(h_max))
        st.progress(min(h / h_max, 1.0) if h_max > 0 else 1.0,
                    text=t("in.entropy.gauge", h=q(h), max=q(h_max)))
        ui.chart(charts.bar_chart, {"bars": inf.entropy_bars(labels, terms)},
                 text=inf.bar_text(unit), colors=inf.entropy_colors(),
                 rotate=charts.rotate_labels(len(labels)))
        st.markdown(inf.entropy_sentence(h, h_max, len(dist), unit))
        ex.download_csv(inf.entropy_csv_table(labels, terms, unit), "entropy_terms.csv",
                        t("in.download.terms"), key="_download.information.terms")

entropy_section()
st.page_link("pages/lessons/codes.py", label=t("in.link.codes"), icon=":material/data_array:")

# ---- Binary entropy -----------------------------------------------------------------------
st.header(t("in.coin"), divider="gray")
st.latex(r"H(p) = -p\log p - (1-p)\log(1-p)")

@ui.fragment
def coin_section() -> None:
    left, right = st.columns([2, 3], gap="large")
    with left:
        coin = S.slider("coin", t("in.coin.p"), step=0.01)
        h_coin = info.entropy([coin, 1.0 - coin], base)
        st.metric(t("in.coin.metric"), q(h_coin))
        st.markdown(t("in.coin.text"))
    series = t("in.coin.series")
    ui.chart(charts.function_chart, {"curves": inf.curve_data("binary_entropy", base, series),
                                     "points": inf.point_data(coin, h_coin, series)},
             where=right, text=inf.axes("p", t("in.axis.entropy", unit=unit)),
             colors={series: charts.P_COLOR})

coin_section()
