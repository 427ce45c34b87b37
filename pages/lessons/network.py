"""Quadratic cost against cross-entropy on real handwritten digits, with a real network."""

from dataclasses import replace

import streamlit as st

import ui
from ui import lang, t
from ui import network as nw


@ui.fragment(run_every=0.5)
def download_view() -> None:
    """The MNIST download's progress (ours or another visitor's), polled twice a second; the
    whole page runs again once it has ended, so a training asked for meanwhile starts."""
    status = nw.download().status()
    if status.state != "running":
        st.rerun()
    st.caption(t("nw.download.shared"))
    st.progress(status.fraction, text=nw.download_text(status))


def results(run, cfg) -> None:
    """The results of ``run`` (trained with ``cfg``) and the limits of cross-entropy."""
    # ---- Results --------------------------------------------------------------------------------
    st.header(t("nw.results"), divider="gray")
    view = nw.results(cfg, *nw.records(run, cfg), lang())  # built once per runs and language
    for col, (label, value, caption) in zip(st.columns(2), view.metrics):
        col.metric(label, value)
        col.caption(caption)
    st.markdown(view.book_note)
    st.html(view.legend)
    left, right = st.columns(2)
    nw.draw_chart(view.accuracy, where=left)
    nw.draw_chart(view.cost, where=right)
    st.caption(t("nw.cost_scales"))

    st.subheader(t("nw.starts"))
    if view.starts is None:  # until both starts are trained
        st.markdown(t("nw.starts.missing"))
        st.button(t("nw.limit2.train", other=nw.start_name(cfg.other_start().init)),
                  on_click=nw.train_other_start, icon=":material/compare:")
    else:
        st.table(view.starts)
        st.markdown(view.starts_text)

    # ---- The limits of cross-entropy ----------------------------------------------------------
    st.header(t("nw.limits"), divider="gray")
    st.subheader(t("nw.limit1"))
    st.markdown(t("nw.limit1.intro"))
    st.html(view.grad_legend)
    nw.draw_chart(view.grad)
    st.markdown(view.limit1)

    st.subheader(t("nw.limit2"))
    st.markdown(view.limit2)

    st.subheader(t("nw.limit3"))
    st.markdown(t("nw.limit3.intro"))
    nw.draw_chart(view.saturated)
    st.markdown(view.limit3)


S = nw.S
st.title(t("page.network"))
st.markdown(t("nw.intro"))

# ---- Settings -----------------------------------------------------------------------------
S.preset_buttons({name: t(f"nw.preset.{name}") for name in S.presets},
                 helps={name: t(f"nw.preset.{name}.help") for name in S.presets})
with st.container(border=True):
    c1, c2, c3, c4 = st.columns(4)
    S.choice("source", t("nw.source"), {s: t(f"nw.source.{s}") for s in nw.SOURCES},
             where=c1)
    S.choice("init", t("nw.init"), {i: t(f"nw.init.{i}") for i in nw.INITS}, where=c2,
             help=t("nw.init.help"))
    S.slider("hidden", t("nw.hidden"), where=c3, step=5)
    S.number("epochs", t("nw.epochs"), where=c4)
    c1, c2, c3, c4 = st.columns(4)
    S.number("eta_quadratic", t("nw.eta.quadratic"), where=c1, step=0.1, format="%.3g")
    S.number("eta_cross_entropy", t("nw.eta.cross_entropy"), where=c2, step=0.1,
             format="%.3g")
    S.number("batch", t("nw.batch"), where=c3)
    S.number("seed", t("nw.seed"), where=c4, help=t("nw.seed.help"))

wanted = nw.config()
cfg = wanted  # what is shown: the bundled digits stand in when MNIST could not be had
b1, b2 = st.columns(2)
train_clicked = b1.button(t("nw.train"), type="primary", icon=":material/play_arrow:",
                          width="stretch")
# Pressing Stop reruns the page, which interrupts the loops below: the epochs done are kept.
b2.button(t("nw.stop"), icon=":material/stop:", width="stretch")
progress_slot, live_slot, problem_slot = st.empty(), st.empty(), st.container()


def live(run):
    nw.draw_chart(nw.chart(nw.frame(run), "test_accuracy_pct", run.done,
                           title_key="nw.q.accuracy", axis="%", chart_title_key="nw.chart.live"),
                  where=live_slot)


# First visit with the default settings: the lesson at once, both starts trained on the
# bundled digits (seconds, once per server: then shared with every later visitor).
if nw.first_visit() and wanted == nw.DEFAULT:
    for start in (wanted, wanted.other_start()):
        if nw.find(start) is None:
            nw.train(start, nw.bundled(), progress_slot.progress(0.0, t("nw.first_visit")))
    progress_slot.empty()

pending = train_clicked or st.session_state.pop(nw.PENDING, False)
data = nw.bundled() if wanted.source == "bundled" else None
failed = None
if wanted.source == "mnist":
    shared = nw.download()
    status = shared.start() if pending else shared.status()
    if status.state == "running":  # ours or another visitor's: everyone sees the same one
        if pending:
            st.session_state[nw.PENDING] = True  # train when it is done
        with progress_slot.container():
            download_view()
    elif status.state == "done":
        data = shared.result()
    elif status.state == "failed":
        failed = status
        cfg = replace(wanted, source="bundled")
        data = nw.bundled()

if pending and data is not None:
    nw.train(cfg, data, progress_slot.progress(0.0, t("nw.starting")), live)
    progress_slot.empty()
    live_slot.empty()

run = nw.find(cfg)
if failed is not None:
    with problem_slot:
        st.error(nw.failure_text(failed, fallback=run is not None and run.done > 0),
                 icon=":material/cloud_off:")
        st.button(t("nw.try_again"), on_click=nw.try_again, icon=":material/refresh:")
if run is None or not run.done:
    st.info(t("nw.not_trained"), icon=":material/info:")
else:
    if not run.complete:
        st.warning(t("nw.stopped", done=run.done, epochs=cfg.epochs),
                   icon=":material/pause:")
    results(run, cfg)

