"""Quadratic cost against cross-entropy on real handwritten digits, with a real network."""

from dataclasses import replace

import streamlit as st

import ui
from lib import digits, network_runs
from lib.digit_grid import PHONE_WIDTH
from ui import checkpoint, lang, say, t
from ui import network as nw


@ui.fragment(run_every=0.5)
def download_view() -> None:
    """The MNIST download's progress (ours or another visitor's), polled twice a second; the
    whole page runs again once it has ended, so a training asked for meanwhile starts."""
    status = nw.download().status()
    if status.state != "running":
        st.rerun()
    st.caption(t("nw.download.shared"))
    st.progress(status.fraction, text=say("nw", network_runs.download_case(status)))


def results(run, other, cfg, data, width) -> None:
    """The results of ``run`` (trained with ``cfg`` on ``data``; ``other`` the same settings'
    run from the other start, if any): the lesson first, then the accuracy, the misread digits
    (pictures at most ``width`` pixels wide) and the limits of cross-entropy."""
    # ---- Results --------------------------------------------------------------------------------
    st.header(t("nw.results"), divider="gray")
    view = nw.results(cfg, *network_runs.records(run, other), lang())  # once per runs, language
    ui.layout.takeaway(view["lesson"])
    for col, (label, value, caption, exact) in zip(st.columns(2), view["metrics"]):
        col.metric(label, value, help=exact)
        col.caption(caption)
    st.html(view["legend"])
    left, right = st.columns(2)
    nw.draw_chart(view["accuracy"], where=left)
    nw.draw_chart(view["cost"], where=right)
    st.caption(view["cost_text"])
    with st.expander(t("nw.one_run"), icon=":material/casino:"):
        st.markdown(view["book_note"])
        st.markdown(view["seeds"])

    wrong = nw.mistakes_of(run, data, cfg.source, width)  # finished runs only: with outputs
    if wrong is not None:
        st.subheader(t("nw.wrong"))
        costs, both = wrong
        for col, m in zip(st.columns(2), costs):
            col.markdown(say("nw", m.count))
            if m.picture is not None:
                col.image(m.picture, alt=say("nw", m.alt), width=m.picture.shape[1],
                          output_format="PNG", caption=say("nw", *m.caption))
        if both is not None:
            st.caption(say("nw", both))

    # ---- The limits of cross-entropy ----------------------------------------------------------
    st.header(t("nw.limits"), divider="gray")
    st.subheader(t("nw.limit1"))
    st.html(view["grad_legend"])
    nw.draw_chart(view["grad"])
    st.caption(t("nw.limit1.intro"))
    found, why = view["limit1"]
    st.markdown(found)
    with st.expander(t("nw.limit1.more"), icon=":material/functions:"):
        st.markdown(why)

    st.subheader(t("nw.limit2"))
    ui.layout.explain(t("nw.limit2.text"))
    if view["starts"] is None:  # until both starts are trained
        st.markdown(t("nw.starts.missing"))
        st.button(t("nw.limit2.train", other=t(f"nw.init.{cfg.other_start().init}")),
                  on_click=nw.train_other_start, icon=":material/compare:")
    else:
        st.table(view["starts"])
        st.markdown(view["limit2"])

    st.subheader(t("nw.limit3"))
    st.html(view["legend"])
    nw.draw_chart(view["saturated"])
    st.caption(t("nw.limit3.intro"))
    st.markdown(view["limit3"])


S = nw.S
st.title(t("page.network"))
ui.layout.intro()
ui.layout.explain(t("nw.intro"))
with st.expander(t("nw.costs"), icon=":material/function:"):
    st.markdown(t("nw.costs.body", loss=t("page.loss")))

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
grid_slot = st.container()  # what the network sees: drawn once the data is known (below)

wanted = nw.config()
runs = nw.runs()  # the server's shared trainings and finished runs, as this session uses them
# Predict, then train: the answers come from this configuration's finished run.
shown = runs.find(wanted)
accuracy = {c: [row["test_accuracy"] for row in shown.rows[c]]
            if shown is not None and shown.complete else [] for c in network_runs.COSTS}
answered = [checkpoint.show("network", cid, accuracy, where=where)
            for where, cid in zip(st.columns(2), nw.CHECKPOINTS)]
# The results answer both checkpoints: "shown", or what the reader is asked first ("predict"
# or, in the presentation view, "reveal"); the page's one rule: lib.network_lesson.results_case.
held = nw.results_case(answered)

cfg = wanted  # what is shown: the bundled digits stand in when MNIST could not be had
too_costly = nw.cost_text(wanted)
b1, b2 = st.columns(2)  # Train and Stop, drawn below once this run has asked for its training
progress_slot, problem_slot = st.empty(), st.container()
if too_costly is not None:
    problem_slot.warning(too_costly, icon=":material/speed:")

# First visit with the default settings: the lesson, both starts trained on the bundled
# digits (seconds, once per server: then shared with every later visitor).
if nw.first_visit() and wanted == nw.DEFAULT:
    for start in (wanted, wanted.other_start()):
        nw.request(start, nw.bundled())

pending = st.session_state.pop(nw.PENDING, False)  # Train was pressed (or asked for before)
data = nw.bundled() if wanted.source == "bundled" else None
failed = None
if wanted.source == "mnist":
    shared = nw.download()
    status = shared.start() if pending and too_costly is None else shared.status()
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

width = PHONE_WIDTH * (2 if ui.layout.teaching() else 1)  # on a projector: twice as large
with grid_slot:
    st.subheader(t("nw.sees"))
    if data is None:
        st.caption(t("nw.grid.wait"))
    else:
        grid = nw.digit_grid(cfg.source, width, data)
        st.image(grid, alt=t("nw.grid.alt"), output_format="PNG", width=grid.shape[1],
                 caption=t("nw.grid.caption", side=data.side, train=f"{len(data.y_train):,}",
                           test=f"{len(data.y_test):,}"))

runs.follow(wanted, cfg)  # a changed setting leaves this session's training of the old ones
if pending and data is not None:
    if runs.published(cfg) is not None:
        problem_slot.info(t("nw.already"), icon=":material/check_circle:")
    else:
        refused = nw.request(cfg, data)
        if refused is not None and refused != too_costly:
            problem_slot.warning(refused, icon=":material/hourglass_disabled:")

# Trainings run in the server's shared training queue, never in a script run: a click
# delivered twice joins the same training, and Train is off while this session's is going.
b1.button(t("nw.train"), type="primary", icon=":material/play_arrow:", width="stretch",
          on_click=nw.press_train,
          disabled=too_costly is not None or runs.mine(cfg))
b2.button(t("nw.stop"), icon=":material/stop:", width="stretch", on_click=nw.stop,
          disabled=not nw.stoppable())


@ui.fragment(run_every=nw.POLL)
def training_view(cfg, seen, held) -> None:
    """The trainings of ``cfg`` and of its other start under way (``seen``), looked at every
    POLL seconds: place in the line or progress, and the test accuracy so far (unless the
    results are ``held``). When one of them ends, the whole page runs again and shows its
    results."""
    runs = nw.runs()
    if runs.watched(cfg) != seen:
        st.rerun()
    job, other = runs.job(cfg), runs.job(cfg.other_start())
    if job is not None and job.active:
        fraction, words = network_runs.progress(job)
        if job.state == "queued":
            st.info(say("nw", words), icon=":material/hourglass_top:")
        else:
            st.progress(fraction, text=say("nw", words))
    note = network_runs.training_note(cfg, job, other, runs.who)
    if note is not None:
        st.caption(say("nw", note))
    if job is not None and job.active and job.done and held == "shown":  # the accuracy so far
        legend, chart, words = nw.live(network_runs.numbers(network_runs.partial_run(job)), lang())
        st.html(legend)
        nw.draw_chart(chart)
        st.caption(words)


busy = runs.watched(cfg)
if busy:
    with progress_slot.container():
        training_view(cfg, busy, held)

job = runs.job(cfg)
run = runs.find(cfg)
trains = network_runs.key(cfg) in busy
if failed is not None:
    with problem_slot:
        # Why MNIST could not be had (never a server path), whether the bundled digits are
        # shown instead, and for how long the failure is remembered.
        st.error(say("nw.mnist_failed", *network_runs.download_failure(
            failed, run is not None and run.done > 0, digits.mnist_location()[2])),
            icon=":material/cloud_off:")
        st.button(t("nw.try_again"), on_click=nw.try_again, icon=":material/refresh:")
if job is not None and job.state == "failed":
    problem_slot.error(t("nw.failed"), icon=":material/error:")
if not trains and (run is None or not run.done):
    if too_costly is None:  # (else the warning above says why Train is off)
        st.info(t("nw.not_trained"), icon=":material/info:")
elif held != "shown":  # a run trains or is trained: its results wait for the predictions
    st.caption(t(f"nw.held.{held}"))
    if held == "predict":
        st.button(t("nw.skip"), on_click=nw.skip, icon=":material/visibility:")
elif not trains:  # (while it trains, its progress and accuracy so far are above)
    if not run.complete:
        st.warning(t("nw.stopped", done=run.done, epochs=cfg.epochs), icon=":material/pause:")
    results(run, runs.find(cfg.other_start()), cfg, data, width)

st.markdown(t("nw.link.calibration"))
st.page_link("pages/lessons/calibration.py", label=t("page.calibration"), icon=":material/tune:")

with st.expander(t("nw.teachers"), icon=":material/school:"):
    st.markdown(t("nw.teachers.body"))
