"""KL on continuous distributions: one Gaussian fitted to a mixture both ways, differential
entropy against binned entropy, the VAE's KL term against sampling, and support."""

import streamlit as st

import ui
from lib import charts_continuous as cc
from ui import continuous as ct
from lib import fmt
from ui import checkpoint, lang, listing, problems, t
from ui.layout import amount

S = ct.S
unit, base = ui.unit_label(), ui.base()


st.title(t("page.continuous"))
ui.layout.intro()

# ---- P and its two fits ---------------------------------------------------------------------
S.preset_buttons({name: t(f"ct.preset.{name}") for name in S.presets}, title=t("ct.presets"))
controls, picture = st.columns([2, 3], gap="large")
shown = False
with controls:
    n = S.choice("n", t("ct.n"), {k: str(k) for k in (1, 2, 3)}, widget="segmented_control")
    for i, tab in enumerate(st.tabs([t("ct.component", i=i) for i in range(1, n + 1)]), 1):
        if n > 1:
            S.slider(f"w{i}", t("ct.weight"), where=tab, step=0.05)
        S.slider(f"m{i}", t("ct.mean"), where=tab, step=0.1)
        S.slider(f"s{i}", t("ct.sd"), where=tab, step=0.05)
    mix, total, refused = ct.read_mixture()
    if not refused:
        shown = checkpoint.show("continuous", "reverse_fit", ct.reverse_inputs(mix),
                                where=controls)
    if refused:
        for problem in refused:
            st.error(problems.message(problem, page="ct"), icon=":material/error:")
        mix = st.session_state.get(ct.LAST_GOOD) or ct.read_mixture(S.defaults)[0]
        st.info(t("ct.last_good"), icon=":material/history:")
    elif n > 1 and abs(total - 1) > 1e-9:
        st.caption(t("ct.normalised", total=fmt.prob(round(total, 6)),
                     weights=listing(fmt.num(w, 3) for w in mix[0])))

v = ct.mixture_view(mix, base, unit, lang())
# The KL(Q‖P) fit answers the checkpoint: its curve, card, takeaway and searches wait for a
# prediction (P and the KL(P‖Q) fit, the experiment itself, always show).
reverse = ct.revealed(shown, mix)
ui.chart(cc.fits_chart, v.fits if reverse else v.fits_held, where=picture, text=v.fits_text,
         others=bool(v.fit.found.others) and reverse, reverse=reverse)
picture.caption(v.fits_alt if reverse else v.fits_alt_held)
# Keyed slots around what a prediction reveals: the elements after them keep their place (and
# the browser its charts) whether or not they are drawn.
with st.container(key="continuous-takeaway"):
    if reverse:
        ui.layout.takeaway(v.takeaway)
cards = ((v.fit.forward, "dashed", v.kls[:2]), (v.fit.reverse, "dashdot", v.kls[2:]))
for col, (fit, style, kls) in zip(st.columns(2), cards if reverse else cards[:1]):
    with col.container(border=True):
        name = t("ct.fit.forward" if style == "dashed" else "ct.fit.reverse")
        st.markdown(t("ct.fit.heading", name=name, style=t(f"ct.style.{style}"),
                      mu=fmt.fixed(fit[0], 2), sd=fmt.fixed(fit[1], 2)))
        a, b = st.columns(2)
        a.metric("KL(P‖Q)", amount(kls[0]))
        b.metric("KL(Q‖P)", amount(kls[1]))

st.subheader(t("ct.searches"))
with st.container(key="continuous-searches"):
    if reverse:
        ui.chart(cc.landscape_chart, v.landscape, text=v.landscape_text)
        st.caption(t("ct.landscape.caption", lo=fmt.short(v.colour[0]),
                     hi=fmt.short(v.colour[1]), unit=unit))
        st.markdown(v.searches_sentence)
        ui.layout.table(v.searches)
    else:
        st.caption(t("ct.hold"))
with st.expander(t("ct.why"), icon=":material/psychology:"):
    st.markdown(t("ct.intro") + "\n\n" + t("ct.why.body"))
with st.expander(t("ct.how"), icon=":material/calculate:"):
    st.markdown(t("ct.how.body"))
st.page_link("pages/lessons/explorer.py", label=t("ct.link.explorer"),
             icon=":material/compare_arrows:")

# ---- Differential entropy -------------------------------------------------------------------
st.header(t("ct.h.header"), divider="gray")


@ui.fragment
def entropy_section() -> None:
    c1, c2 = st.columns(2)
    sd = S.slider("h_sd", t("ct.h.sd"), where=c1, step=0.01)
    delta = S.choice("delta", t("ct.h.delta"), {d: fmt.prob(d) for d in ct.DELTAS}, where=c2,
                     widget="select_slider")
    sign = checkpoint.ask("continuous", "entropy_sign", {"sd": sd, "base": base})
    e = ct.entropy_view(sd, delta, base, unit, lang())
    m1, m2, m3 = st.columns(3)
    m2.metric(t("ct.h.m.binned"), amount(e.binned), help=t("ct.h.m.binned.help"))
    if not sign:  # h answers the checkpoint, and so does h − log Δ (h itself at Δ = 1, as the
        m1.caption(t("ct.hold"))  # chart shows): both wait, with the chart and the why
        return
    m1.metric(t("ct.h.m.h"), amount(e.h), help=t("ct.h.m.h.help"))
    m3.metric(t("ct.h.m.limit"), amount(e.limit))
    st.markdown(e.sign)
    ui.chart(cc.entropy_chart, e.data, text=e.text)
    st.caption(e.alt)
    with st.expander(t("ct.h.why"), icon=":material/functions:"):
        st.markdown(t("ct.h.limit_note") + "\n\n" + t("ct.h.why.body"))


entropy_section()

# ---- The VAE's KL term ----------------------------------------------------------------------
st.header(t("ct.vae.header"), divider="gray")
st.markdown(t("ct.vae.intro") + "\n\n" + fmt.math_block(
    # Two lines (an array, not aligned: KaTeX draws aligned a little wider than its box), so
    # that it fits a phone without scrolling.
    r"\begin{array}{l}\mathrm{KL}\big(N(\mu,\sigma^2)\,\|\,N(0,1)\big) \\ \quad"
    r" = \tfrac12\left(\mu^2 + \sigma^2 - 1 - \ln\sigma^2\right)\end{array}"))


@ui.fragment
def vae_section() -> None:
    c1, c2, c3, c4 = st.columns([3, 3, 3, 2])
    mu = S.slider("vae_mu", t("ct.vae.mu"), where=c1, step=0.05)
    sd = S.slider("vae_sd", t("ct.vae.sd"), where=c2, step=0.05)
    n = S.choice("samples", t("ct.vae.samples"), {k: f"{k:,}" for k in ct.SAMPLES}, where=c3,
                 widget="select_slider")
    seed = S.number("seed", t("ct.vae.seed"), where=c4, step=1)
    r = ct.vae_view(mu, sd, n, seed, base, unit, lang())
    m1, m2 = st.columns(2)
    m1.metric(t("ct.vae.m.exact"), amount(r.exact))
    m2.metric(t("ct.vae.m.mc"), f"{fmt.short(r.estimate)} ± {fmt.short(2 * r.stderr)} {unit}",
              help=t("ct.vae.m.mc.help"))
    st.markdown(r.verdict)
    ui.chart(cc.monte_carlo_chart, r.data, text=r.text)
    st.caption(t("ct.vae.alt"))


vae_section()

# ---- Support --------------------------------------------------------------------------------
st.header(t("ct.support.header"), divider="gray")


@ui.fragment
def support_section() -> None:
    cut = S.slider("cut", t("ct.support.cut"), step=0.05)
    r = ct.support_view(cut, base, unit, lang())
    m1, m2 = st.columns(2)
    m1.metric("KL(P‖Q)", amount(float("inf")))
    m2.metric("KL(Q‖P)", amount(r.kl_qp))
    ui.chart(cc.support_chart, r.data, text=r.text)
    st.markdown(r.sentence)


support_section()
st.markdown(t("ct.support.vi"))
with st.expander(t("ct.support.more"), icon=":material/school:"):
    st.markdown("\n\n".join((t("ct.support.more.intro"), fmt.math_block(
        r"\begin{array}{l}\log p(x) = \underbrace{E_{q}[\log p(x, z) - \log q(z)]}_{\text{ELBO}}"
        r" \\ \quad + \mathrm{KL}\big(q(z)\,\|\,p(z \mid x)\big)\end{array}"),
        t("ct.support.more.body"))))

with st.expander(t("ct.teachers"), icon=":material/school:"):
    st.markdown(t("ct.teachers.body"))
