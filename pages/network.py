"""Quadratic cost against cross-entropy on real handwritten digits, with a real network."""

from dataclasses import replace

import streamlit as st

import ui
from lib import charts
from ui import t
from ui import network as nw

ui.page_setup("network")
nw.ensure_state()

st.title(t("page.network"))
st.markdown(t("nw.intro"))

# ---- Settings ---------------------------------------------------------------------------------
p1, p2 = st.columns(2)
p1.button(t("nw.preset.quick"), on_click=nw.apply_preset, args=("quick",), width="stretch",
          help=t("nw.preset.quick.help"))
p2.button(t("nw.preset.book"), on_click=nw.apply_preset, args=("book",), width="stretch",
          help=t("nw.preset.book.help"))
with st.container(border=True):
    c1, c2, c3, c4 = st.columns(4)
    sources = {s: t(f"nw.source.{s}") for s in ("bundled", "mnist")}
    ui.mirrored(c1.radio, "nw_source", t("nw.source"), list(sources), format_func=sources.get)
    inits = {i: t(f"nw.init.{i}") for i in ("normal", "large")}
    ui.mirrored(c2.radio, "nw_init", t("nw.init"), list(inits), format_func=inits.get,
                help=t("nw.init.help"))
    c3.slider(t("nw.hidden"), 10, 100, step=5, key="nw_hidden")
    c4.number_input(t("nw.epochs"), 1, 100, key="nw_epochs")
    c1, c2, c3, c4 = st.columns(4)
    c1.number_input(t("nr.eta.quadratic"), 0.001, 20.0, step=0.1, key="nw_eta_quadratic",
                    format="%.3g")
    c2.number_input(t("nr.eta.cross_entropy"), 0.001, 20.0, step=0.1,
                    key="nw_eta_cross_entropy", format="%.3g")
    c3.number_input(t("nw.batch"), 1, 1000, key="nw_batch")
    c4.number_input(t("nw.seed"), 0, 10_000, key="nw_seed", help=t("nw.seed.help"))

wanted = nw.config()
cfg = wanted  # what is shown: the bundled digits stand in when MNIST could not be had
b1, b2 = st.columns(2)
train_clicked = b1.button(t("nw.train"), type="primary", icon=":material/play_arrow:",
                          width="stretch")
# Pressing Stop reruns the page, which interrupts the loop below: the epochs done are kept.
b2.button(t("nw.stop"), icon=":material/stop:", width="stretch")
progress_slot, live_slot = st.empty(), st.empty()

if train_clicked or st.session_state.pop("nw_autotrain", False):
    data, failure = nw.load(cfg)
    st.session_state["nw_mnist_error"] = failure
    if failure:
        cfg = replace(cfg, source="bundled")
    progress = progress_slot.progress(0.0, text=t("nw.starting"))

    def live(run):
        live_slot.altair_chart(charts.training_chart(
            run.frame(), "test_accuracy_pct", run.done,
            nw.chart_text("nw.q.accuracy", "%"), nw.chart_colors()), width="stretch")

    nw.train(cfg, data, progress, live)
    progress_slot.empty()
    live_slot.empty()

if wanted.source == "mnist" and st.session_state.get("nw_mnist_error"):
    st.error(st.session_state["nw_mnist_error"], icon=":material/cloud_off:")
    cfg = replace(cfg, source="bundled")

run = nw.find(cfg)
if run is None or not run.done:
    st.info(t("nw.not_trained"), icon=":material/info:")
    st.stop()
if not run.complete:
    st.warning(t("nw.stopped", done=run.done, epochs=cfg.epochs), icon=":material/pause:")

# ---- Results ----------------------------------------------------------------------------------
st.header(t("nw.results"), divider="gray")
summary = nw.summary(run)
frame = run.frame()
cols = st.columns(2)
for col, cost in zip(cols, nw.COSTS):
    s = summary[cost]
    col.metric(t("nw.m.final", run=nw.run_name(cost)), f"{s['final']:.2f}%")
    col.caption(t("nw.m.best", best=f"{s['best']:.2f}", epoch=s["best_epoch"]))
st.markdown(nw.book_note(cfg))
st.markdown(nw.legend_markdown())
left, right = st.columns(2)
left.altair_chart(charts.training_chart(frame, "test_accuracy_pct",
                                        run.done, nw.chart_text("nw.q.accuracy", "%"),
                                        nw.chart_colors()), width="stretch")
right.altair_chart(charts.training_chart(frame, "train_cost", run.done,
                                         nw.chart_text("nw.q.cost", "C"), nw.chart_colors()),
                   width="stretch")
st.caption(t("nw.cost_scales"))

# ---- The limits of cross-entropy --------------------------------------------------------------
st.header(t("nw.limits"), divider="gray")
st.subheader(t("nw.limit1"))
st.markdown(t("nw.limit1.text"))
grads, grad_colors = nw.gradient_frame(frame)
st.altair_chart(charts.training_chart(grads, "value", run.done,
                                      nw.chart_text("nw.q.grad", "|∂C/∂b|"), grad_colors,
                                      log_scale=True, legend=True), width="stretch")

st.subheader(t("nw.limit2"))
st.markdown(t("nw.limit2.text"))
table = nw.start_table(cfg)
if table is None:
    st.button(t("nw.limit2.train", other=t(f"nw.init.{cfg.other_start().init}")),
              on_click=nw.train_other_start, icon=":material/compare:")
else:
    st.table(table.set_index(table.columns[0]))

st.subheader(t("nw.limit3"))
st.markdown(t("nw.limit3.text"))
st.altair_chart(charts.training_chart(frame, "saturated_pct", run.done,
                                      nw.chart_text("nw.q.saturated", "%"), nw.chart_colors()),
                width="stretch")
