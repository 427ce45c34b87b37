"""Information and entropy: surprise −log p, why a logarithm, additivity, entropy, a coin."""

import math

import streamlit as st

import ui
from lib import charts, info, surprise
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
        i_p = float(info.information_content(p, base))
        st.metric(t("in.surprise.metric"), q(i_p))
        st.markdown(t("in.surprise.text", p=fmt.prob(p), odds=fmt.prob(surprise.one_in(p)),
                      info=q(i_p)))
        st.caption(t("in.surprise.zero"))
    inf.function_chart(right, "surprisal", p, i_p, t("in.surprise.series"),
                       t("in.axis.info", unit=unit), base, charts.CE_COLOR)


surprise_section()

# ---- Why a logarithm ----------------------------------------------------------------------
st.header(t("in.why"), divider="gray")
st.markdown(t("in.why.intro") + "\n\n" + t("in.why.tournament"))
st.latex(r"I\bigl(\tfrac14 \cdot \tfrac12\bigr) = I\bigl(\tfrac14\bigr) + I\bigl(\tfrac12\bigr)")
st.markdown(t("in.why.conditional") + "\n\n" + t("in.why.result"))
st.latex(r"I(p_1 p_2) = I(p_1) + I(p_2) \;\Longrightarrow\; I(p) = -k \log p")
steps = surprise.tournament(base)
st.markdown(t("in.why.live", unit=unit, **{k: q(v) for k, v in steps.items()}))
with st.expander(t("in.why.steps"), icon=":material/function:"):
    st.markdown(t("in.why.step1"))
    st.latex(r"f(x + y) = f(x) + f(y)")
    st.markdown("\n\n".join(t(f"in.why.step{i}") for i in (2, 3, 4)))
    st.latex(r"I(p) = -k \ln p = -\log_b p, \quad b = e^{1/k}")
st.markdown(f"**{t('in.why.units')}**")
units = inf.units_table(ui.lang())
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
    st.markdown(t("in.add.bits.text", k=k, n=f"{2 ** k:,}", k_sup=fmt.superscript(k),
                  minus_k_sup=fmt.superscript(-k),
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
    view = inf.entropy_view(table, ui.units(), ui.lang())
    with right:
        for error in view.errors:
            st.error(error, icon=":material/error:")
        if view.report is None:
            return
        r = view.report
        if not math.isclose(r.total, 1.0, rel_tol=1e-9):
            st.info(t("in.entropy.normalised", total=fmt.prob(r.total)),
                    icon=":material/calculate:")
        m1, m2 = st.columns(2)
        m1.metric(t("in.entropy.h"), q(r.entropy))
        m2.metric(t("in.entropy.max", n=len(r.p)), q(r.max_entropy))
        st.progress(min(r.entropy / r.max_entropy, 1.0) if r.max_entropy > 0 else 1.0,
                    text=t("in.entropy.gauge", h=q(r.entropy), max=q(r.max_entropy)))
        names = (t("in.entropy.bar_p"), t("in.entropy.bar_term"))
        ui.chart(charts.bar_chart, {"bars": view.bars},
                 text={"category": t("word.event"), "y": t("in.entropy.bar_axis", unit=unit),
                       "series": t("word.quantity")},
                 colors=dict(zip(names, inf.ENTROPY_COLORS)),
                 rotate=charts.rotate_labels(len(view.labels)))
        st.markdown(view.sentence)
        ex.download_csv(view.csv, "entropy_terms.csv", t("in.download.terms"),
                        key="_download.information.terms")


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
    inf.function_chart(right, "binary_entropy", coin, h_coin, t("in.coin.series"),
                       t("in.axis.entropy", unit=unit), base, charts.P_COLOR)


coin_section()
