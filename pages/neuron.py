"""The learning slowdown: one sigmoid neuron, quadratic cost against cross-entropy."""

import streamlit as st

import ui
from lib import charts
from ui import fmt, t
from ui import neuron as nr

ui.page_setup("neuron")
nr.ensure_state()

st.title(t("page.neuron"))
st.markdown(t("nr.intro"))
st.latex(r"z = w\,x + b \qquad a = \sigma(z) = \frac{1}{1+e^{-z}}")

# ---- Controls ---------------------------------------------------------------------------------
st.markdown(f"**{t('nr.presets')}**")
for col, name in zip(st.columns(len(nr.PRESETS)), nr.PRESETS):
    col.button(t(f"nr.preset.{name}"), key=f"nr_preset_{name}", on_click=nr.apply_preset,
               args=(name,), width="stretch", help=t(f"nr.preset.{name}.help"))

with st.container(border=True):
    c1, c2, c3, c4 = st.columns(4)
    c1.number_input(t("nr.w0"), -50.0, 50.0, step=0.1, key="nr_w0", format="%.2f")
    c2.number_input(t("nr.b0"), -50.0, 50.0, step=0.1, key="nr_b0", format="%.2f")
    c3.number_input(t("nr.x"), -10.0, 10.0, step=0.1, key="nr_x", format="%.2f")
    c4.number_input(t("nr.y"), 0.0, 1.0, step=0.05, key="nr_y", format="%.2f",
                    help=t("nr.y.help"))
    c1, c2, c3, c4 = st.columns(4)
    c1.number_input(t("nr.eta.quadratic"), 0.0001, 100.0, step=0.01, key="nr_eta_quadratic",
                    format="%.4g")
    c2.number_input(t("nr.eta.cross_entropy"), 0.0001, 100.0, step=0.01,
                    key="nr_eta_cross_entropy", format="%.4g")
    c3.number_input(t("nr.epochs"), 1, 5000, step=50, key="nr_epochs")
    c4.number_input(t("nr.threshold"), 0.001, 0.5, step=0.01, key="nr_threshold",
                    format="%.3f", help=t("nr.threshold.help"))
    st.caption(t("nr.eta.note"))
    st.checkbox(t("nr.book"), key="nr_book")
    st.caption(t("nr.book.help"))

s = nr.settings()
frames = nr.runs(s)
for kind, message in nr.input_notes(s, frames):
    (st.warning if kind == "warning" else st.info)(message, icon=":material/info:")

# ---- Outcome ----------------------------------------------------------------------------------
st.header(t("nr.outcome"), divider="gray")
for col, cost in zip(st.columns(len(frames)), frames):
    frame = frames[cost]
    with col:
        st.markdown(f"**{nr.run_name(cost)}** · η = {fmt.prob(s.eta[cost])}")
        st.metric(t("nr.m.epochs", thr=fmt.prob(s.threshold)),
                  nr.epochs_label(nr.first_within(frame, s.y, s.threshold), s.epochs))
        st.metric(t("nr.m.start"), fmt.num(frame["a"].iloc[0]))
        st.metric(t("nr.m.end", n=s.epochs), fmt.num(frame["a"].iloc[-1]))

# ---- Training, epoch by epoch -----------------------------------------------------------------
st.header(t("nr.training"), divider="gray")
st.markdown(t("nr.training.intro"))
long = charts.thin(nr.long_runs(frames))
colors = {nr.run_name(c): nr.COLORS[c] for c in frames}
PANELS = [("a", "nr.q.a", "a", False), ("cost", "nr.q.cost", "C", False),
          ("w", "nr.q.w", "w", False), ("b", "nr.q.b", "b", False),
          ("grad_b_abs", "nr.q.grad", "|∂C/∂b|", True),
          ("sigma_prime", "nr.q.sigma_prime", "σ′(z)", True)]


def toggle_play() -> None:
    at_end = st.session_state["nr_epoch"] >= s.epochs
    st.session_state["nr_playing"] = not st.session_state["nr_playing"]
    if st.session_state["nr_playing"] and at_end:
        st.session_state["nr_epoch"] = 0


timer_on = st.session_state["nr_playing"]


@st.fragment(run_every=0.25 if timer_on else None)
def training_view() -> None:
    # Only this fragment reruns while playing: the controls above stay responsive.
    if st.session_state["nr_playing"] != timer_on:
        st.rerun()  # Play or Pause was pressed: a full rerun starts or stops the timer
    if st.session_state["nr_playing"]:
        step = max(1, s.epochs // 100)  # about 25 s for a whole run
        st.session_state["nr_epoch"] = min(st.session_state["nr_epoch"] + step, s.epochs)
        if st.session_state["nr_epoch"] >= s.epochs:
            st.session_state["nr_playing"] = False
            st.rerun()  # a full rerun redefines this fragment without its timer
    st.session_state["nr_epoch"] = min(st.session_state["nr_epoch"], s.epochs)
    play_col, slider_col = st.columns([1, 5], vertical_alignment="bottom")
    play_col.button(t("nr.pause") if st.session_state["nr_playing"] else t("nr.play"),
                    icon=":material/pause:" if st.session_state["nr_playing"]
                    else ":material/play_arrow:", on_click=toggle_play, width="stretch",
                    key="nr_play_button")
    epoch = slider_col.slider(t("nr.scrub"), 0, s.epochs, key="nr_epoch")

    cols = st.columns(len(frames))
    for col, cost in zip(cols, frames):
        row = frames[cost].iloc[epoch]
        with col, st.container(border=True):
            st.markdown(t("nr.state", run=nr.run_name(cost), epoch=epoch))
            st.markdown(t("nr.state.values", w=fmt.num(row["w"]), b=fmt.num(row["b"]),
                          z=fmt.num(row["z"]), a=fmt.num(row["a"]), c=fmt.num(row["cost"]),
                          sp=fmt.num(row["sigma_prime"])))
            st.latex(nr.formula_latex(cost, row, s.y))

    st.markdown(nr.legend_markdown(frames))
    grid = st.columns(2)
    for i, (field, key, axis, log_scale) in enumerate(PANELS):
        with grid[i % 2]:
            st.markdown(f"**{t(key)}**")
            st.altair_chart(charts.training_chart(long, field, epoch, nr.chart_text(key, axis),
                                                  colors, log_scale=log_scale), width="stretch")


training_view()
st.caption(t("nr.training.caption"))

# ---- Initialisation map -----------------------------------------------------------------------
st.header(t("nr.map"), divider="gray")
st.markdown(t("nr.map.intro", thr=fmt.prob(s.threshold), epochs=s.epochs))
for col, cost in zip(st.columns(2), ("quadratic", "cross_entropy")):
    grid_frame = nr.init_map(cost, s.eta[cost], s.epochs, s.threshold, s.x, s.y)
    col.altair_chart(charts.init_map(grid_frame, (s.w0, s.b0), s.epochs,
                                     nr.map_text(cost, s.epochs, s.threshold)), width="stretch")
    reached = (grid_frame["epochs_needed"] >= 0).mean()
    col.caption(t("nr.map.share", share=f"{reached:.0%}", eta=fmt.prob(s.eta[cost])))
if max(abs(s.w0), abs(s.b0)) > nr.MAP_RANGE:
    st.caption(t("nr.map.outside"))

# ---- What it shows ------------------------------------------------------------------------------
st.header(t("nr.why"), divider="gray")
# Each cost over its gradient, on two lines so the pair fits a phone screen.
st.latex(r"\begin{aligned}C_{\mathrm{quad}} &= \tfrac12 (a-y)^2 \\ "
         r"\Rightarrow\ \frac{\partial C}{\partial b} &= (a-y)\,\sigma'(z)\end{aligned}")
st.latex(r"\begin{aligned}C_{\mathrm{CE}} &= -\left[y\ln a + (1-y)\ln(1-a)\right] \\ "
         r"\Rightarrow\ \frac{\partial C}{\partial b} &= a-y\end{aligned}")
st.markdown(t("nr.why.text"))
st.markdown(t("nr.limits"))
