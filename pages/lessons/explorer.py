"""P vs Q explorer: edit two distributions (the experiment, first), then cross-entropy, the
floor H(P) with the gap KL(P‖Q), KL's direction, and Q moved toward P; each idea's checkpoint
right before the numbers that answer it.

While the table does not describe two distributions, the page keeps the session's last valid
results on screen, greyed and marked as stale, beside the problem and its one-click repair.
"""

import numpy as np
import pandas as pd
import streamlit as st

import ui
from lib import charts, info
from lib.tables import MAX_EVENTS, normalised_table
from ui import explorer as ex
from lib import fmt
from ui import checkpoint, problems, t
from ui.i18n import sentences
from ui.charts import arrow_table
from ui.layout import amount, details, explain, takeaway

S = ex.S

unit = ui.unit_label()
base = ui.base()


st.title(t("page.explorer"))
ui.layout.intro()
explain(t("ex.intro"))

# ---- The experiment: two distributions ------------------------------------------------------
S.preset_buttons({name: t(f"ex.preset.{name}") for name in S.presets}, title=t("ex.presets"))
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
shown = ex.last_valid(read)  # the table's P and Q, or while it has a problem the last valid ones
if not read.ok:
    # Beside the table on a wide screen, right under it on a narrow one: each problem and the
    # one repair we can make. The last valid results stay below, greyed and marked as stale.
    with chart_col:
        for problem in read.problems:
            st.error(problems.message(problem, table=t("ex.table_name")),
                     icon=":material/error:")
        if read.only_sum_problems:
            st.button(t("ex.normalise"), icon=":material/balance:", type="primary",
                      on_click=S.set, args=("table", normalised_table(table)))
            st.caption(t("ex.normalise.or_counts"))
        st.info(t("ex.stale") if shown else t("ex.waiting"), icon=":material/history:")

if shown is not None:
    stale = not read.ok
    labels, p_values, q_values = shown
    p, q_dist, labels = np.array(p_values), np.array(q_values), list(labels)
    r = ex.results(tuple(labels), p_values, q_values, base, unit, ui.lang())
    c = r.c
    rotate = charts.rotate_labels(len(labels))
    badge = f" :orange-badge[{t('ex.stale.badge')}]" if stale else ""
    if stale:  # greyed (text stays above 4.5:1), so that nobody reads them as the table's
        st.html("<style>.st-key-explorer-stale, .st-key-explorer-bars-stale "
                "{ opacity: 0.7; filter: grayscale(0.8); }</style>")
    results = st.container(key="explorer-stale" if stale else "explorer-results")
    with chart_col:
        bars = st.container(key="explorer-bars-stale" if stale else "explorer-bars")
        if stale:
            bars.markdown(badge)
        ui.chart(charts.distribution_bars, r.bars, text=r.text, rotate=rotate, where=bars)
        bars.caption(r.bars_alt)
        if counts and read.ok:
            st.info(t("ex.from_counts", p_total=fmt.prob(read.totals["P"]),
                      q_total=fmt.prob(read.totals["Q"])), icon=":material/calculate:")
        if len(p) == 1:
            st.info(t("ex.single_event"), icon=":material/info:")
    # A checkpoint asks about "the P and Q in the table": not while the table has a problem.
    inputs = None if stale else {"p": p, "q": q_dist, "base": base}
    # What a held result says: predict above, or, while no checkpoint is drawn, fix the table.
    held, held_both = (t("ex.held.stale"),) * 2 if stale else (t("ex.held"), t("ex.held.both"))

    def answered(cid: str) -> bool:
        """The checkpoint, drawn; and whether the numbers answering it may show: once the
        reader has committed a prediction there (kept through later edits of the table), or,
        in the presentation view, once the teacher reveals this answer."""
        return (checkpoint.ask("explorer", cid, inputs) if inputs
                else checkpoint.predicted("explorer", cid))

    with results:
        # ---- Cross-entropy ----------------------------------------------------------------
        st.header(t("ex.h.cross") + badge, divider="gray")
        explain(t("ex.cross.lead"))
        cross_shown = answered("bits_per_symbol")
        if cross_shown:
            st.metric(t("ex.m.ce_pq"), amount(c.ce_pq), help=t("ex.m.ce_pq.help"))
            if r.infinity_pq:
                st.warning(r.infinity_pq, icon=":material/all_inclusive:")
        else:
            st.caption(held)
        takeaway(t("ex.cross.takeaway"))

        # ---- The floor and the gap ----------------------------------------------------------
        st.header(t("ex.h.floor") + badge, divider="gray")
        floor_shown = answered("cross_floor")
        if floor_shown:
            with st.container(horizontal=True):
                st.metric(t("ex.m.h_p"), amount(c.h_p), help=t("ex.m.h_p.help"))
                st.metric(t("ex.m.kl_pq"), amount(c.kl_pq), help=t("ex.m.kl_pq.help"))
            explain(r"$$H(P,Q) = H(P) + \mathrm{KL}(P\,\|\,Q)$$", f"$${r.identity}$$",
                    r.residual, r.gibbs)
            takeaway(t("ex.floor.takeaway"))  # "never below H(P)": the answer, said in general
        else:
            st.caption(held)
        st.subheader(t("ex.chart.stack"))
        # The terms add up to H(P,Q) and their grey parts to H(P): both answers above.
        if cross_shown and floor_shown:
            ui.chart(charts.cross_entropy_stack, r.stack, text=r.text, rotate=rotate)
            st.caption(sentences(t("ex.chart.stack.caption"), r.stack_alt))
            box = details("terms", t("ex.per_event.table"), ":material/table_view:")
            if box.open:
                with box:
                    st.markdown(t("ex.per_event.intro"))
                    ui.layout.table(r.terms)
                    ex.download_csv(lambda: pd.DataFrame(r.csv), "per_event.csv",
                                    t("ex.download.terms"), key="_download.explorer.terms")
        else:
            st.caption(held_both)
        box = details("formulas", t("ex.formulas"), ":material/function:")
        if box.open:
            box.markdown("\n\n".join((
                r"$$I(x) = -\log p(x) \qquad H(P) = -\sum_i p_i \log p_i$$",
                r"$$H(P,Q) = -\sum_i p_i \log q_i$$",
                r"$$\mathrm{KL}(P\,\|\,Q) = \sum_i p_i \log \frac{p_i}{q_i}$$",
                t("ex.formulas.conventions"))))

        # ---- KL's direction -----------------------------------------------------------------
        st.header(t("ex.h.direction") + badge, divider="gray")
        if answered("kl_direction"):
            with st.container(horizontal=True):
                st.metric(t("ex.m.h_q"), amount(c.h_q), help=t("ex.m.h_q.help"))
                st.metric(t("ex.m.ce_qp"), amount(c.ce_qp), help=t("ex.m.ce_qp.help"))
                st.metric(t("ex.m.kl_qp"), amount(c.kl_qp), help=t("ex.m.kl_qp.help"))
            if r.infinity_qp:
                st.warning(r.infinity_qp, icon=":material/all_inclusive:")
            explain(r.asymmetry)
            takeaway(t("ex.direction.takeaway"))  # "KL usually changes": rules out "equal"
        else:
            st.caption(held)

        # ---- Move Q toward P ----------------------------------------------------------------
        st.header(t("ex.blend") + badge, divider="gray")
        # Its words, curves and numbers say that the cross-entropy falls to H(P), never below,
        # from H(P,Q) at t = 0: the answers above. They wait for both predictions.
        blend_shown = cross_shown and floor_shown
        if blend_shown:
            explain(t("ex.blend.intro") + "\n\n" + r"$$Q_t = (1-t)\,Q + t\,P$$")
        else:
            st.caption(held_both)

        @ui.fragment
        def blend_section(p: np.ndarray, q_dist: np.ndarray, labels: list[str],
                          r: ex.Results) -> None:
            t_value = S.slider("t", t("ex.blend.t"), step=0.01)
            q_t = info.blend(p, q_dist, t_value)
            with st.container(horizontal=True):
                st.metric(t("ex.blend.ce"), amount(info.cross_entropy(p, q_t, base)))
                st.metric(t("ex.blend.kl"), amount(info.kl_divergence(p, q_t, base)))
                st.metric(t("ex.m.h_p"), amount(r.c.h_p))
            ui.chart(charts.blend_chart, {**r.blend, **charts.blend_now_data(t_value)},
                     text=r.text)
            st.caption(t("ex.blend.caption"))
            box = details("blend", t("ex.blend.table"), ":material/table_view:")
            if box.open:
                with box:
                    event = t("word.event")
                    ui.layout.table(arrow_table({event: labels, "P": np.round(p, 6),
                                                 "Q": np.round(q_dist, 6),
                                                 "Q_t": np.round(q_t, 6)}))
                    ex.download_csv(
                        lambda: pd.DataFrame({event: labels, "P": p, "Q": q_dist, "Q_t": q_t}),
                        "q_t.csv", t("ex.download.blend"), key="_download.explorer.blend")

        if blend_shown:
            blend_section(p, q_dist, labels, r)
            takeaway(t("ex.blend.takeaway"))

box = details("teachers", t("ex.teach"), ":material/school:")
if box.open:
    box.markdown(t("ex.teach.body"))
st.markdown(t("ex.link.codes"))
st.page_link("pages/lessons/codes.py", label=t("page.codes"), icon=":material/data_array:")
st.markdown(t("ex.link.continuous"))
st.page_link("pages/lessons/continuous.py", label=t("page.continuous"),
             icon=":material/area_chart:")
