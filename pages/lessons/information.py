"""Information and entropy: surprise −log p, additivity along steps, why a logarithm, entropy
as the average surprise, a coin."""

import math

import streamlit as st

import ui
from lib import charts, charts_information, info, information_lesson, surprise
from lib.tables import MAX_EVENTS
from lib import fmt
from ui import checkpoint, t
from ui import explorer as ex
from ui import information as inf
from ui.layout import amount

S = inf.S

unit, base = ui.unit_label(), ui.base()


st.title(t("page.information"))
ui.layout.intro()

# ---- Surprise: the opening experiment -------------------------------------------------------
st.header(t("in.surprise"), divider="gray")
ui.layout.takeaway(t("in.surprise.takeaway"))


@ui.fragment
def surprise_section() -> None:
    left, right = st.columns([2, 3], gap="large")
    with left:
        p = S.slider("p", t("in.surprise.p"), step=0.001, format="%.3f")
        i_p = float(info.information_content(p, base))
        st.metric(t("in.surprise.metric"), amount(i_p))
        st.markdown(t("in.surprise.text", p=fmt.prob(p), odds=fmt.prob(surprise.one_in(p)),
                      info=amount(i_p)))
    inf.function_chart(right, "surprisal", p, i_p, t("in.surprise.series"),
                       t("in.axis.info", unit=unit), base, charts.CE_COLOR)
    st.caption(t("in.surprise.zero"))  # the chart in words


surprise_section()

# ---- Additivity (no fragment: its checkpoints read the sliders) ------------------------------
st.header(t("in.add"), divider="gray")
ui.layout.takeaway(t("in.add.takeaway"))
c1, c2 = st.columns(2)
p1 = S.slider("p1", t("in.add.p1"), where=c1, step=0.001, format="%.3f")
p2 = S.slider("p2", t("in.add.p2"), where=c2, step=0.001, format="%.3f")
steps = {"p1": p1, "p2": p2, "base": base}
checkpoint.show("information", "rarer", steps)
together = checkpoint.ask("information", "together", steps)
i1, i2, i12 = (float(info.information_content(v, base)) for v in (p1, p2, p1 * p2))
if together:
    st.latex(information_lesson.additivity_latex(p1, p2, i1, i2, i12, unit))
else:
    st.caption(t("in.add.hold"))
ui.layout.explain(t("in.add.intro"))
with st.expander(t("in.add.conditional"), icon=":material/account_tree:"):
    st.markdown(t("in.why.conditional"))
if together:
    with st.expander(t("in.add.exact"), icon=":material/calculate:"):
        st.markdown(t("in.add.exact.text", i1=fmt.num(i1, 10), i2=fmt.num(i2, 10),
                      sum=fmt.num(i1 + i2, 10), both=fmt.num(i12, 10), unit=unit) + "\n\n"
                    + t("in.add.check", residual=fmt.num(i12 - (i1 + i2))))


@ui.fragment
def bits_section() -> None:
    k = S.number("bits", t("in.add.bits"), where=st.columns([1, 2])[0])
    st.markdown(t("in.add.bits.text", k=k, n=f"{2 ** k:,}", k_sup=fmt.superscript(k),
                  minus_k_sup=fmt.superscript(-k),
                  info=amount(float(info.information_content(2.0 ** -k, base)))))


with st.expander(t("in.add.bits.title"), icon=":material/pin:"):
    bits_section()

# ---- Why a logarithm ----------------------------------------------------------------------
st.header(t("in.why"), divider="gray")
ui.layout.takeaway(t("in.why.takeaway"))
st.latex(r"I(p_1 p_2) = I(p_1) + I(p_2) \;\Longrightarrow\; I(p) = -k \log p")
with st.expander(t("in.why.proof"), icon=":material/function:"):
    tour = surprise.tournament(base)
    st.markdown("\n\n".join((
        t("in.why.intro"), t("in.why.tournament"),
        fmt.math_block(r"I\bigl(\tfrac14 \cdot \tfrac12\bigr) = I\bigl(\tfrac14\bigr) + "
                       r"I\bigl(\tfrac12\bigr)"),
        # The tournament's ¼ and ½ are the sliders' defaults: its numbers answer checkpoint 2.
        t("in.why.live", unit=unit, **{k: amount(v) for k, v in tour.items()}) if together
        else f"*{t('in.why.hold')}*",
        t("in.why.result"), f"**{t('in.why.steps')}**", t("in.why.step1"),
        fmt.math_block(r"f(x + y) = f(x) + f(y)"),
        *(t(f"in.why.step{i}") for i in (2, 3, 4)),
        fmt.math_block(r"I(p) = -k \ln p = -\log_b p, \quad b = e^{1/k}"))))
st.markdown(f"**{t('in.why.units')}**")
if together:  # its I(⅛) column is the tournament's champion: checkpoint 2's default answer
    units = inf.units_table(ui.lang())
    st.dataframe(units, hide_index=True)
    ex.download_csv(units.to_pandas, "units.csv", t("in.download.units"),
                    key="_download.information.units")
else:
    st.caption(t("in.why.hold"))

# ---- Entropy (no fragment: its checkpoint reads the table) ----------------------------------
st.header(t("in.entropy"), divider="gray")
ui.layout.takeaway(t("in.entropy.takeaway"))
st.latex(r"H(P) = \sum_i p_i \cdot \bigl(-\log p_i\bigr)")
left, right = st.columns([2, 3], gap="large")
ui.layout.explain(t("in.entropy.intro"), where=left)
weight = t("in.entropy.weight")
table = S.table("table", {
    "label": st.column_config.TextColumn(t("word.event")),
    "weight": st.column_config.TextColumn(weight, help=t("in.entropy.weight.help"))},
    where=left, num_rows="dynamic")
left.caption(t("in.entropy.editor", max=MAX_EVENTS))
with left.expander(t("ex.files"), icon=":material/table_view:"):
    ex.table_files(S, "table", file_name="entropy.csv",
                   columns={"label": t("word.event"), "weight": weight})
view = inf.entropy_view(table, ui.units(), ui.lang())
for error in view.errors:
    right.error(error, icon=":material/error:")
r = view.report
if r is not None:
    with right:
        if not math.isclose(r.total, 1.0, rel_tol=1e-9):
            st.info(t("in.entropy.normalised", total=fmt.prob(r.total)),
                    icon=":material/calculate:")
        st.metric(t("in.entropy.h"), amount(r.entropy))
        ui.chart(charts_information.entropy_panels, {"bars": view.bars},
                 text={"event": t("word.event"), "p": t("in.chart.p"),
                       "term": t("in.chart.term", unit=unit),
                       "info": t("in.chart.info", unit=unit)},
                 rotate=charts.rotate_labels(len(view.labels)))
        with st.expander(t("in.entropy.numbers"), icon=":material/table_rows:"):
            ui.layout.table(view.numbers)
            ex.download_csv(view.csv, "entropy_terms.csv", t("in.download.terms"),
                            key="_download.information.terms")
    if checkpoint.ask("information", "most_uncertain", {"weights": r.p.tolist(), "base": base}):
        st.metric(t("in.entropy.max", n=len(r.p)), amount(r.max_entropy))
        st.progress(min(r.share, 1.0),
                    text=t("in.entropy.gauge", h=amount(r.entropy), max=amount(r.max_entropy)))
        st.markdown(view.sentence)
    else:
        st.caption(t("in.entropy.hold", n=len(r.p)))

# ---- Binary entropy -----------------------------------------------------------------------
st.header(t("in.coin"), divider="gray")
ui.layout.takeaway(t("in.coin.takeaway"))
st.latex(r"H(p) = -p\log p - (1-p)\log(1-p)")


@ui.fragment
def coin_section() -> None:
    left, right = st.columns([2, 3], gap="large")
    with left:
        coin = S.slider("coin", t("in.coin.p"), step=0.01)
        h_coin = info.entropy([coin, 1.0 - coin], base)
        st.metric(t("in.coin.metric"), amount(h_coin))
        ui.layout.explain(t("in.coin.text"))
    inf.function_chart(right, "binary_entropy", coin, h_coin, t("in.coin.series"),
                       t("in.axis.entropy", unit=unit), base, charts.P_COLOR)


coin_section()

with st.expander(t("in.teachers"), icon=":material/school:"):
    st.markdown(t("in.teachers.body"))
