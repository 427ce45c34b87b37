"""The learning slowdown: one sigmoid neuron, quadratic cost against cross-entropy."""

import time
from functools import partial

import streamlit as st

import ui
from lib import charts, charts_neuron, neuron
from lib import fmt
from ui import checkpoint, glossary, lang, say, t
from ui import neuron as nr

S = nr.S

st.title(t("page.neuron"))
ui.layout.intro()
ui.layout.explain(t("nr.intro"))

# ---- The experiment -----------------------------------------------------------------------
S.preset_buttons({name: t(f"nr.preset.{name}") for name in S.presets},
                 helps={name: t(f"nr.preset.{name}.help") for name in S.presets},
                 title=t("nr.presets"))
c1, c2, c3, c4 = st.columns(4)
S.number("w0", t("nr.w0"), where=c1, step=0.1, format="%.2f")
S.number("b0", t("nr.b0"), where=c2, step=0.1, format="%.2f")
S.number("eta_quadratic", t("nr.eta.quadratic"), where=c3, step=0.01, format="%.4g",
         help=t("nr.eta.help"))
S.number("eta_cross_entropy", t("nr.eta.cross_entropy"), where=c4, step=0.01, format="%.4g",
         help=t("nr.eta.help"))
with st.expander(t("nr.more"), icon=":material/tune:"):
    c1, c2, c3, c4 = st.columns(4)
    S.number("x", t("nr.x"), where=c1, step=0.1, format="%.2f")
    S.number("y", t("nr.y"), where=c2, step=0.05, format="%.2f", help=t("nr.y.help"))
    S.number("epochs", t("nr.epochs"), where=c3, step=50)
    S.number("threshold", t("nr.threshold"), where=c4, step=0.01, format="%.3f",
             help=t("nr.threshold.help"))
    S.checkbox("book", t("nr.book"), help=t("nr.book.help"))

s = nr.settings()
v = nr.view(s, lang())  # everything below but the scrubbed cards and the maps, cached
with st.container(key="neuron-notes"):  # a keyed slot: the elements below keep their place
    for kind, message in v.notes:       # (and their charts) however many notes there are
        (st.warning if kind == "warning" else st.info)(message, icon=":material/info:")

# ---- Predict, then press Play --------------------------------------------------------------
# The race's question in a narrow column beside Play and the moving charts, so that the
# experiment opens the page on a wide screen; stacked on a phone: the question, then Play right
# above the charts.
inputs = {name: getattr(s, name) for name in nr.CONTROLS}
race, moving = st.columns([1, 2], gap="medium")
predicted = checkpoint.show("neuron", "first_to_target", inputs, where=race)
# The race's result (the curves beyond the epoch shown, the outcome's numbers, the maps) waits
# for a prediction, or for this race to have been run to its end; Play and the slider work
# regardless.
if S.get("epoch") >= s.epochs:
    st.session_state[nr.WATCHED] = s
revealed = predicted or st.session_state.get(nr.WATCHED) == s

timer_on = S.get("playing")
# Play and Pause live outside the section that redraws each frame: a button redrawn four
# times a second could lose a click landing mid-redraw (seen under load). Pressing either
# reruns the page, which starts or stops the section's timer.
if timer_on:  # two buttons, two idempotent actions: a repeated click cannot undo itself
    moving.button(t("nr.pause"), icon=":material/pause:", on_click=nr.pause,
                  key="_neuron.pause_button", type="primary")
else:
    moving.button(t("nr.play"), icon=":material/play_arrow:", on_click=nr.play,
                  args=(s.epochs,), key="_neuron.play_button", type="primary")
ui.layout.explain(t("nr.training.intro"), where=race)


@ui.fragment(run_every=nr.FRAME_SECONDS if timer_on else None)
def training_view() -> None:
    # Only this section reruns while playing or scrubbing: the controls stay responsive,
    # and a frame sends only the epoch (the charts' lines are cached, their specs compiled).
    if S.get("epoch") > s.epochs:
        S.set("epoch", s.epochs)
    playing = S.get("playing")
    if timer_on and not playing:  # paused by a click on a chart: drop the timer
        st.rerun()
    if playing:
        # Paced by the clock, not by the frame rate: a slow frame skips epochs, never time.
        clock = st.session_state.get(nr.PLAY_CLOCK)
        if clock is None:  # playing without a clock (a session restored mid-play): start one
            clock = charts_neuron.PlayClock(time.monotonic(), S.get("epoch"), S.get("epoch"))
        clock = st.session_state[nr.PLAY_CLOCK] = clock.next(s.epochs, time.monotonic())
        S.set("epoch", clock.last)
        if clock.last >= s.epochs:
            nr.pause()  # at the run's last epoch
            st.rerun()  # a full rerun redefines this section without its timer
    if playing:
        # The clock owns the epoch: the scrubber shown is a copy under its own key, so a value
        # the browser sends back from an earlier frame (a timer tick crossing a Pause) never
        # reaches the setting.
        epoch = st.session_state[nr.SHOWN] = S.get("epoch")
        st.slider(t("nr.scrub"), min_value=0, max_value=s.epochs, key=nr.SHOWN, disabled=True,
                  label_visibility="collapsed")
    else:
        epoch = S.slider("epoch", t("nr.scrub"), max_value=s.epochs,
                         label_visibility="collapsed")
    if epoch >= s.epochs and not revealed:
        st.rerun()  # scrubbed to the end: the whole page shows the race's result
    st.html(v.legend)
    rule = nr.rule(epoch)
    for col, panel in zip(st.columns(len(v.panels)), v.panels):
        key = nr.PICK_KEY.format(panel.field)
        ui.chart(charts_neuron.race_chart,
                 {"lines": v.lines[panel.field], "rule": rule, "targets": v.targets},
                 where=col, key=key, select={"on_select": partial(nr.pick_epoch, key),
                                             "selection_mode": nr.PICK},
                 text=panel.text, **v.style, log_scale=panel.log, y_domain=panel.y_domain,
                 future=revealed, selection=nr.PICK)
    # The cards in rows of two, each wide enough for its formula; stacked on a phone.
    shown = nr.cards(v, epoch)
    for first in range(0, len(shown), nr.CARDS_PER_ROW):
        for col, card in zip(st.columns(nr.CARDS_PER_ROW), shown[first:first + nr.CARDS_PER_ROW]):
            with col, st.container(border=True):
                st.markdown(card)


with moving:
    training_view()
step_shown = checkpoint.ask("neuron", "first_step", inputs)
# Heavy content (charts, a table, a page of formulas) is drawn only while its expander is open
# (ui.layout.details), to keep the page light in the browser.
more = ui.layout.details("charts", t("nr.more_charts"), ":material/stacked_line_chart:")
if more.open:
    for col, panel in zip(more.columns(len(v.extra_panels)), v.extra_panels):
        ui.chart(charts_neuron.race_chart, {"lines": v.lines[panel.field]}, where=col,
                 text=panel.text, **v.style, log_scale=panel.log, progress=False)
table = ui.layout.details("table", t("nr.table"), ":material/table_view:")
if table.open:
    table.caption(t("nr.table.caption", step=v.table_step))
    ui.layout.table(v.table, where=table)

# ---- The outcome --------------------------------------------------------------------------
st.header(t("nr.outcome"), divider="gray")
if revealed:
    ui.layout.takeaway(t("nr.takeaway"))
    for col, (heading, metrics) in zip(st.columns(len(v.outcomes)), v.outcomes):
        with col:
            st.markdown(heading)
            for label, number in metrics:
                st.metric(label, number)
    st.markdown(v.race)
else:
    st.caption(t("nr.outcome.wait"))
if v.rates_differ:
    st.warning(v.rates, icon=":material/balance:")
else:
    st.caption(v.rates)
# How the step size changed answers the first checkpoint: it waits for that prediction.
if step_shown:
    st.markdown(v.speed)
    with st.expander(t("nr.speed.title"), icon=":material/speed:"):
        st.markdown(v.speed_detail)
else:
    st.caption(t("nr.speed.wait"))
with st.expander(t("nr.notes"), icon=":material/info:"):
    st.markdown("\n\n".join((t("nr.eta.note"), t("nr.book.note"))))

# ---- Initialisation map -------------------------------------------------------------------
st.header(t("nr.map"), divider="gray")
if revealed:  # the maps show where this start's race ends, for both costs
    ui.layout.explain(v.map_intro)
    maps = {c: nr.map_panel(c, s.eta(c), s.epochs, s.threshold, s.x, s.y, lang())
            for c in ("quadratic", "cross_entropy")}
    for col, (cost, m) in zip(st.columns(2), maps.items()):
        key = nr.MAP_KEY.format(cost)
        ui.chart(charts.init_map, {**m.data, "here": v.map_start}, where=col, key=key,
                 select={"on_select": partial(nr.pick_start, key),
                         "selection_mode": nr.START},
                 text=m.text, epochs=s.epochs, lo=-neuron.MAP_RANGE, hi=neuron.MAP_RANGE,
                 step=float(neuron.MAP_AXIS[1] - neuron.MAP_AXIS[0]), selection=nr.START)
    st.markdown(nr.map_caption(s, {c: m.summary for c, m in maps.items()}))
    if s.outside_map:
        st.caption(t("nr.map.outside"))
else:
    st.caption(t("nr.map.wait"))

# ---- Why ----------------------------------------------------------------------------------
# Text and display math of one passage go out as one Markdown block (a formula as
# fmt.math_block, exactly what st.latex would send): fewer elements, the same page.
st.header(t("nr.why"), divider="gray")
# Each cost over its gradient, on two lines so the pair fits a phone screen.
st.markdown("\n\n".join((
    fmt.math_block(r"\begin{aligned}C_{\mathrm{quad}} &= \tfrac12 (a-y)^2 \\ "
                   r"\Rightarrow\ \frac{\partial C}{\partial b} &= (a-y)\,\sigma'(z)"
                   r"\end{aligned}"),
    fmt.math_block(r"\begin{aligned}C_{\mathrm{CE}} &= -\left[y\ln a + (1-y)\ln(1-a)\right] \\ "
                   r"\Rightarrow\ \frac{\partial C}{\partial b} &= a-y\end{aligned}"))))
ui.layout.explain(v.why, t("nr.why.mse"))
derivation = ui.layout.details("derivation", t("nr.teach.title"), ":material/school:")
if derivation.open:
    derivation.markdown("\n\n".join((
        t("nr.teach.s1"),
        fmt.math_block(r"\sigma(z) = \frac{1}{1+e^{-z}} = \left(1+e^{-z}\right)^{-1}"),
        t("nr.teach.s2"),
        fmt.math_block(r"\begin{aligned}\sigma'(z) &= -\left(1+e^{-z}\right)^{-2}\cdot"
                       r"\left(-e^{-z}\right) \\ &= \frac{e^{-z}}{\left(1+e^{-z}\right)^{2}}"
                       r"\end{aligned}"),  # two lines: one did not fit a phone
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

# ---- What cross-entropy does not fix ------------------------------------------------------
ui.layout.takeaway(t("nr.limits.takeaway"))
with st.expander(t("nr.limits.title"), icon=":material/rule:"):
    st.markdown(t("nr.limits", good_start=say("nr.limits", nr.GOOD_START)))
    glossary.link("vanishing-gradient")
with st.expander(t("nr.teachers.title"), icon=":material/co_present:"):
    st.markdown(t("nr.teachers"))
