"""The learning slowdown: one sigmoid neuron, quadratic cost against cross-entropy."""

import time

import streamlit as st

import ui
from lib import charts
from ui import fmt, lang, t
from ui import neuron as nr

S = nr.S

st.title(t("page.neuron"))
st.markdown(t("nr.intro") + "\n\n"
            + fmt.math_block(r"z = w\,x + b \qquad a = \sigma(z) = \frac{1}{1+e^{-z}}"))

# ---- Controls -----------------------------------------------------------------------------
st.markdown(f"**{t('nr.presets')}**")
S.preset_buttons({name: t(f"nr.preset.{name}") for name in S.presets},
                 helps={name: t(f"nr.preset.{name}.help") for name in S.presets})
with st.container(border=True):
    c1, c2, c3, c4 = st.columns(4)
    S.number("w0", t("nr.w0"), where=c1, step=0.1, format="%.2f")
    S.number("b0", t("nr.b0"), where=c2, step=0.1, format="%.2f")
    S.number("x", t("nr.x"), where=c3, step=0.1, format="%.2f")
    S.number("y", t("nr.y"), where=c4, step=0.05, format="%.2f", help=t("nr.y.help"))
    c1, c2, c3, c4 = st.columns(4)
    S.number("eta_quadratic", t("nr.eta.quadratic"), where=c1, step=0.01, format="%.4g")
    S.number("eta_cross_entropy", t("nr.eta.cross_entropy"), where=c2, step=0.01,
             format="%.4g")
    S.number("epochs", t("nr.epochs"), where=c3, step=50)
    S.number("threshold", t("nr.threshold"), where=c4, step=0.01, format="%.3f",
             help=t("nr.threshold.help"))
    st.caption(t("nr.eta.note"))
    S.checkbox("book", t("nr.book"))
    st.caption(t("nr.book.help"))

s = nr.settings()
v = nr.view(s, lang())  # everything below but the scrubbed cards and the maps, cached
for kind, message in v.notes:
    (st.warning if kind == "warning" else st.info)(message, icon=":material/info:")

# ---- Outcome ------------------------------------------------------------------------------
st.header(t("nr.outcome"), divider="gray")
for col, (heading, metrics) in zip(st.columns(len(v.outcomes)), v.outcomes):
    with col:
        st.markdown(heading)
        for label, value in metrics:
            st.metric(label, value)
st.markdown(v.race)
if v.rates_differ:
    st.warning(v.rates, icon=":material/balance:")
else:
    st.caption(v.rates)
st.markdown(v.speed)

# ---- Training, epoch by epoch ------------------------------------------------------------
st.header(t("nr.training"), divider="gray")
st.markdown(t("nr.training.intro"))
timer_on = S.get("playing")
# Play and Pause live outside the section that redraws each frame: a button redrawn four
# times a second could lose a click landing mid-redraw (seen under load). Pressing either
# reruns the page, which starts or stops the section's timer.
if timer_on:  # two buttons, two idempotent actions: a repeated click cannot undo itself
    st.button(t("nr.pause"), icon=":material/pause:", on_click=nr.pause,
              key="_neuron.pause_button")
else:
    st.button(t("nr.play"), icon=":material/play_arrow:", on_click=nr.play,
              args=(s.epochs,), key="_neuron.play_button")


@ui.fragment(run_every=nr.FRAME_SECONDS if timer_on else None)
def training_view() -> None:
    # Only this section reruns while playing or scrubbing: the controls stay responsive,
    # and a frame sends only the epoch (the charts' lines are cached, their specs compiled).
    if S.get("epoch") > s.epochs:
        S.set("epoch", s.epochs)
    playing = S.get("playing")
    if playing:
        # Paced by the clock, not by the frame rate: a slow frame skips epochs, never time.
        clock = st.session_state.get(nr.PLAY_CLOCK)
        if clock is None:  # playing without a clock (a session restored mid-play): start one
            clock = {"t0": time.monotonic(), "e0": S.get("epoch"), "last": S.get("epoch")}
            st.session_state[nr.PLAY_CLOCK] = clock
        S.set("epoch", nr.play_epoch(clock, s.epochs, time.monotonic()))
        if S.get("epoch") >= s.epochs:
            S.set("playing", False)
            st.session_state.pop(nr.PLAY_CLOCK, None)
            st.rerun()  # a full rerun redefines this section without its timer
    # While playing the scrubber is disabled and the clock owns the epoch.
    epoch = S.slider("epoch", t("nr.scrub"), max_value=s.epochs, disabled=playing)

    for col, card in zip(st.columns(len(s.runs)), nr.cards(v, epoch)):
        with col, st.container(border=True):
            st.markdown(card)

    st.markdown(v.legend)
    rule = nr.rule(epoch)
    for i, (field, heading, text, log_scale) in enumerate(v.panels):
        if i % 2 == 0:
            row_cols = st.columns(2)  # row by row, so a phone shows them in this order
        with row_cols[i % 2]:
            st.markdown(heading)
            ui.chart(charts.training_chart, {"lines": v.lines[field], "rule": rule},
                     text=text, colors=v.colors, log_scale=log_scale)


training_view()
st.caption(v.sigma)

# ---- Initialisation map -------------------------------------------------------------------
st.header(t("nr.map"), divider="gray")
st.markdown(v.map_intro)
maps = {c: nr.map_panel(c, s.eta(c), s.epochs, s.threshold, s.x, s.y, lang())
        for c in ("quadratic", "cross_entropy")}
for col, m in zip(st.columns(2), maps.values()):
    ui.chart(charts.init_map, {**m.data, "here": v.map_start}, where=col, text=m.text,
             epochs=s.epochs, lo=-nr.MAP_RANGE, hi=nr.MAP_RANGE,
             step=float(nr.MAP_AXIS[1] - nr.MAP_AXIS[0]))
st.markdown(nr.map_caption(s, {c: m.summary for c, m in maps.items()}))
if v.outside:
    st.caption(t("nr.map.outside"))

# ---- What it shows ----------------------------------------------------------------------
# Text and display math of one passage go out as one Markdown block (a formula as
# fmt.math_block, exactly what st.latex would send): fewer elements, the same page.
st.header(t("nr.why"), divider="gray")
# Each cost over its gradient, on two lines so the pair fits a phone screen.
st.markdown("\n\n".join((
    fmt.math_block(r"\begin{aligned}C_{\mathrm{quad}} &= \tfrac12 (a-y)^2 \\ "
                   r"\Rightarrow\ \frac{\partial C}{\partial b} &= (a-y)\,\sigma'(z)"
                   r"\end{aligned}"),
    fmt.math_block(r"\begin{aligned}C_{\mathrm{CE}} &= -\left[y\ln a + (1-y)\ln(1-a)\right] \\ "
                   r"\Rightarrow\ \frac{\partial C}{\partial b} &= a-y\end{aligned}"),
    t("nr.why.text"))))
with st.expander(t("nr.teach.title"), icon=":material/school:"):
    st.markdown("\n\n".join((
        t("nr.teach.s1"),
        fmt.math_block(r"\sigma(z) = \frac{1}{1+e^{-z}} = \left(1+e^{-z}\right)^{-1}"),
        t("nr.teach.s2"),
        fmt.math_block(r"\sigma'(z) = -\left(1+e^{-z}\right)^{-2}\cdot\left(-e^{-z}\right)"
                       r" = \frac{e^{-z}}{\left(1+e^{-z}\right)^{2}}"),
        t("nr.teach.s3"),
        fmt.math_block(r"\sigma'(z) = \frac{1}{1+e^{-z}}\cdot\frac{e^{-z}}{1+e^{-z}}"),
        t("nr.teach.s4"),
        fmt.math_block(r"\sigma'(z) = \sigma(z)\,\bigl(1-\sigma(z)\bigr) = a(1-a)"),
        t("nr.teach.s5"),
        # One step per line, so that each equation fits a phone screen.
        fmt.math_block(r"\begin{aligned}\frac{\partial C}{\partial b} &= "
                       r"\frac{\partial C}{\partial a}\,"
                       r"\frac{\partial a}{\partial z}\,\frac{\partial z}{\partial b} \\ "
                       r"&= (a-y)\cdot\sigma'(z)\cdot 1 \\ "
                       r"\frac{\partial C}{\partial w} &= (a-y)\,\sigma'(z)\,x\end{aligned}"),
        t("nr.teach.s6"),
        fmt.math_block(r"\begin{aligned}\frac{\partial C}{\partial a} &= "
                       r"-\frac{y}{a} + \frac{1-y}{1-a}"
                       r" \\ &= \frac{a-y}{a(1-a)} \\ "
                       r"\frac{\partial C}{\partial b} &= \frac{a-y}{a(1-a)}\cdot a(1-a) \\ "
                       r"&= a-y \\ "
                       r"\frac{\partial C}{\partial w} &= x\,(a-y)\end{aligned}"))))
st.markdown(t("nr.limits", good_start=nr.good_start_sentence()))
