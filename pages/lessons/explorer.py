"""P vs Q explorer: edit two distributions, see every quantity and the identity live."""

import numpy as np
import pandas as pd
import streamlit as st

import ui
from lib import charts, info
from lib.tables import MAX_EVENTS, normalised_table
from ui import explorer as ex
from ui import checkpoint, fmt, problems, t
from ui.charts import arrow_table

S = ex.S

unit = ui.unit_label()
base = ui.base()


def q(x: float) -> str:
    return fmt.quantity(x, unit)


st.title(t("page.explorer"))
ui.layout.intro()
st.markdown(t("ex.intro"))

# ---- Inputs -------------------------------------------------------------------------------
st.markdown(f"**{t('ex.presets')}**")
S.preset_buttons({name: t(f"ex.preset.{name}") for name in S.presets})
counts = S.choice("mode", t("ex.mode"), {m: t(f"ex.mode.{m}") for m in ("prob", "counts")},
                  horizontal=True, help=t("ex.mode.help")) == "counts"
editor_col, chart_col = st.columns([3, 2], gap="large")
table = S.table("table", {
    "label": st.column_config.TextColumn(t("word.event"), width="medium"),
    "P": st.column_config.TextColumn("P", help=t("ex.col.P")),
    "Q": st.column_config.TextColumn("Q", help=t("ex.col.Q")),
}, where=editor_col, label_name=ui.event_name, num_rows="dynamic")
editor_col.caption(t("ex.editor.help", max=MAX_EVENTS))
with editor_col.expander(t("ex.files"), icon=":material/table_view:"):
    ex.table_files(S, "table", file_name="p_and_q.csv",
                   columns={"label": t("word.event"), "P": "P", "Q": "Q"})

read = ex.read_table(table, counts, ui.lang())

# ---- Bad input: explain each problem, offer the one repair we can make ---------------------
if not read.ok:
    # Beside the table on a wide screen, right under it on a narrow one.
    with chart_col:
        for problem in read.problems:
            st.error(problems.message(problem, table=t("ex.table_name")),
                     icon=":material/error:")
        if read.only_sum_problems:
            st.button(t("ex.normalise"), icon=":material/balance:", type="primary",
                      on_click=S.set, args=("table", normalised_table(table)))
            st.caption(t("ex.normalise.or_counts"))
        st.info(t("ex.waiting"), icon=":material/info:")
else:  # the results need a valid P and Q
    p, q_dist, labels = read.p, read.q, read.labels
    r = ex.results(tuple(labels), tuple(p.tolist()), tuple(q_dist.tolist()), base, unit,
                   ui.lang())
    rotate = charts.rotate_labels(len(labels))
    ui.chart(charts.distribution_bars, r.bars, where=chart_col, text=r.text, rotate=rotate)
    if counts:
        st.info(t("ex.from_counts", p_total=fmt.prob(read.totals["P"]),
                  q_total=fmt.prob(read.totals["Q"])), icon=":material/calculate:")
    if len(p) == 1:
        st.info(t("ex.single_event"), icon=":material/info:")

    c = r.c
    h_p, ce_pq, kl_pq = c.h_p, c.ce_pq, c.kl_pq

    # ---- Numbers ------------------------------------------------------------------------------
    inputs = {"p": p, "q": q_dist, "base": base}
    checkpoint.show("explorer", "bits_per_symbol", inputs)
    checkpoint.show("explorer", "kl_direction", inputs)
    st.header(t("ex.results"), divider="gray")
    row1 = st.columns(3)
    row1[0].metric(t("ex.m.h_p"), q(h_p), help=t("ex.m.h_p.help"))
    row1[1].metric(t("ex.m.ce_pq"), q(ce_pq), help=t("ex.m.ce_pq.help"))
    row1[2].metric(t("ex.m.kl_pq"), q(kl_pq), help=t("ex.m.kl_pq.help"))
    row2 = st.columns(3)
    row2[0].metric(t("ex.m.h_q"), q(c.h_q), help=t("ex.m.h_q.help"))
    row2[1].metric(t("ex.m.ce_qp"), q(c.ce_qp), help=t("ex.m.ce_qp.help"))
    row2[2].metric(t("ex.m.kl_qp"), q(c.kl_qp), help=t("ex.m.kl_qp.help"))

    for message in r.infinity:
        st.warning(message, icon=":material/all_inclusive:")

    checkpoint.show("explorer", "cross_floor", inputs)
    st.subheader(t("ex.identity"))
    st.markdown("\n\n".join((r"$$H(P,Q) = H(P) + \mathrm{KL}(P\,\|\,Q)$$",
                               f"$${r.identity}$$", r.residual,
                               t("ex.gibbs", kl=q(kl_pq)), r.asymmetry)))
    st.page_link("pages/lessons/codes.py", label=t("ex.link.codes"), icon=":material/data_array:")

    with st.expander(t("ex.formulas"), icon=":material/function:"):
        st.markdown("\n\n".join((
            r"$$I(x) = -\log p(x) \qquad H(P) = -\sum_i p_i \log p_i$$",
            r"$$H(P,Q) = -\sum_i p_i \log q_i$$",
            r"$$\mathrm{KL}(P\,\|\,Q) = \sum_i p_i \log \frac{p_i}{q_i}$$",
            t("ex.formulas.conventions"))))

    # ---- Per event ----------------------------------------------------------------------------
    st.header(t("ex.per_event"), divider="gray")
    st.markdown(t("ex.per_event.intro"))
    st.dataframe(r.terms, hide_index=True, width="stretch")
    ex.download_csv(ex.terms_csv_table(labels, c.terms, unit), "per_event.csv",
                    t("ex.download.terms"), key="_download.explorer.terms")

    st.subheader(t("ex.chart.stack"))
    ui.chart(charts.cross_entropy_stack, r.stack, text=r.text, rotate=rotate)
    st.caption(t("ex.chart.stack.caption"))

    # ---- Blend Q toward P ---------------------------------------------------------------------
    st.header(t("ex.blend"), divider="gray")
    st.markdown(t("ex.blend.intro") + "\n\n" + r"$$Q_t = (1-t)\,Q + t\,P$$")

    @ui.fragment
    def blend_section(p: np.ndarray, q_dist: np.ndarray, labels: list[str],
                      r: ex.Results) -> None:
        t_value = S.slider("t", t("ex.blend.t"), step=0.01)
        q_t = info.blend(p, q_dist, t_value)
        b1, b2, b3 = st.columns(3)
        b1.metric(t("ex.blend.ce"), q(info.cross_entropy(p, q_t, base)))
        b2.metric(t("ex.blend.kl"), q(info.kl_divergence(p, q_t, base)))
        b3.metric(t("ex.m.h_p"), q(r.c.h_p))
        ui.chart(charts.blend_chart, {**r.blend, **charts.blend_now_data(t_value)}, text=r.text)
        st.caption(t("ex.blend.caption"))
        with st.expander(t("ex.blend.table")):
            event = t("word.event")
            st.dataframe(arrow_table({event: labels, "P": np.round(p, 6),
                                      "Q": np.round(q_dist, 6), "Q_t": np.round(q_t, 6)}),
                         hide_index=True, width="stretch")
            ex.download_csv(lambda: pd.DataFrame({event: labels, "P": p, "Q": q_dist, "Q_t": q_t}),
                            "q_t.csv", t("ex.download.blend"), key="_download.explorer.blend")

    blend_section(p, q_dist, labels, r)
