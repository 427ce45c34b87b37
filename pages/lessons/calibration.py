"""Soft targets and calibration: the log loss as a proper scoring rule, label smoothing and
distillation as targets that are not one-hot, and the digits network's calibration with
temperature scaling. Each section is a fragment: its controls rerun only that section."""

import streamlit as st

import ui
from lib import charts_calibration as cc
from ui import calibration as cb
from lib import fmt
from ui import checkpoint, say, t
from ui import network as nw

S = cb.S
NETWORK_PAGE = "pages/lessons/network.py"


@ui.fragment
def score_section() -> None:
    st.header(t("cal.score"), divider="gray")
    st.markdown(t("cal.score.intro"))
    p = S.slider("p", t("cal.score.p"), step=0.01)
    # Where the absolute error is lowest answers the checkpoint: held back until a prediction.
    shown = cb.answered("absolute_report", {"p": p})
    v = cb.score_view(p, ui.base(), ui.unit_label(), ui.lang(), shown)
    cb.draw(v, cc.score_chart)
    if not shown:  # the derivation says where the absolute error is lowest: the answer
        return
    with st.expander(t("cal.score.why"), icon=":material/function:"):
        st.markdown("\n\n".join((
            fmt.math_block(r"\begin{aligned}\mathbb{E}[-\log q_y] &= -p\log q - (1-p)\log(1-q)"
                           r"\\ &= H(p) + \mathrm{KL}(p\,\|\,q)\end{aligned}"),
            fmt.math_block(r"\mathbb{E}[(q-y)^2] = p(1-q)^2 + (1-p)\,q^2"),
            fmt.math_block(r"\begin{array}{l}\mathbb{E}\,|q-y| = p(1-q) + (1-p)\,q \\"
                           r" \quad = p + (1-2p)\,q\end{array}"),
            t("cal.score.why.text"))))


@ui.fragment
def smoothing_section() -> None:
    st.header(t("cal.smooth"), divider="gray")
    st.markdown(t("cal.smooth.intro") + "\n\n" + fmt.math_block(
        r"P = (1-\varepsilon)\,y + \frac{\varepsilon}{K} \qquad "
        r"Q = \operatorname{softmax}(g, 0, \dots, 0)"))
    c1, c2, c3 = st.columns(3)
    eps = S.slider("eps", t("cal.smooth.eps"), where=c1, step=0.01)
    k = S.number("k", t("cal.smooth.k"), where=c2, step=1)
    gap = S.slider("gap", t("cal.smooth.gap"), where=c3, step=0.1,
                   help=t("cal.smooth.gap.help"))
    inputs = {"k": k, "eps": eps}
    shown = cb.answered("smoothing_gap", inputs)
    v = cb.smoothing_view(k, eps, gap, ui.base(), ui.unit_label(), ui.lang(), shown)
    ui.chart(cc.smoothing_chart, v.data, text=v.text, colors=v.colors, x_max=cb.GAP_MAX)
    st.caption(v.caption)
    ui.layout.metrics(v.metrics, len(v.metrics))
    st.markdown(fmt.math_block(r"\begin{array}{l}H(P,Q) = H(P) + \mathrm{KL}(P\,\|\,Q): \\ "
                               + v.extra[0] + r"\end{array}"))  # two lines: fits a phone
    if v.takeaway:
        ui.layout.takeaway(v.takeaway)
    else:
        st.caption(t("cal.hold"))
    st.page_link("pages/lessons/loss.py", label=t("cal.smooth.link"),
                 icon=":material/functions:")
    with st.expander(t("cal.smooth.why"), icon=":material/function:"):
        st.markdown(fmt.math_block(
            r"g^* = \ln\frac{1-\varepsilon+\varepsilon/K}{\varepsilon/K}") + "\n\n"
            + t("cal.smooth.why.text"))


@ui.fragment
def distil_section() -> None:
    st.header(t("cal.distil"), divider="gray")
    st.markdown(t("cal.distil.intro"))
    temp = S.slider("temp", t("cal.distil.t"), step=0.5)
    v = cb.distil_view(temp, ui.base(), ui.unit_label(), ui.lang())
    cb.draw(v, cc.target_chart)
    with st.expander(t("cal.distil.why"), icon=":material/function:"):
        st.markdown(fmt.math_block(
            r"\begin{array}{l}\frac{\partial}{\partial v}\,H\big(\operatorname{softmax}(z/T),"
            r"\operatorname{softmax}(v/T)\big) \\ \quad = \frac{\operatorname{softmax}(v/T)"
            r" - \operatorname{softmax}(z/T)}{T}\end{array}") + "\n\n" + t("cal.distil.why.text"))
        ui.chart(cc.gradient_chart, v.data2, text={**v.text, "series": t("word.quantity")},
                 colors=((t("cal.distil.grad.raw"), cb.ORANGE),
                         (t("cal.distil.grad.scaled"), cb.BLUE)))
        st.caption(v.extra[0])


@ui.fragment
def network_section() -> None:
    st.header(t("cal.net"), divider="gray")
    st.markdown(t("cal.net.intro"))
    missing, outputs = cb.network_outputs()
    if missing:
        checkpoint.show("calibration", "confidence", {"temperature": None})
        st.info(say("cal", missing), icon=":material/info:")
        st.page_link(NETWORK_PAGE, label=t("cal.net.link"), icon=":material/hub:")
        return
    c1, c2 = st.columns(2)
    net = S.choice("net", t("cal.net.which"), {c: nw.run_name(c) for c in cb.NETS}, where=c1,
                   horizontal=True)
    bins = S.slider("bins", t("cal.net.bins"), where=c2)
    key = cb.digest(outputs)  # the run's numbers, hashed once for both cached calls
    fitted = cb.temperatures(key, outputs)
    inputs = {"temperature": fitted[net] if isinstance(fitted[net], float) else None}
    # The fitted T (and so over- or under-confident) answers the checkpoint: held back until a
    # prediction, with the table comparing both networks' T.
    shown = cb.answered("confidence", inputs)
    v = cb.net_view(key, outputs, fitted, net, bins, ui.base(), ui.unit_label(), ui.lang(),
                    shown)
    for message in v.problems:
        st.warning(message, icon=":material/warning:")
    if v.data is not None:
        cb.draw(v, cc.reliability_chart, 2)
        if v.noisy:  # the fitted T made the test images worse: said outside the details
            st.info(v.noisy, icon=":material/info:")
        if shown:  # mean confidence beside accuracy: over- or under-confident, the answer
            with st.expander(t("cal.net.detail"), icon=":material/compare_arrows:"):
                st.markdown(v.split + "\n\n" + v.detail)
    st.subheader(t("cal.net.compare"))
    if shown:
        ui.layout.table(v.compare)
        if v.compare_text:  # none when neither network could be measured
            st.markdown(v.compare_text)
    else:
        st.caption(t("cal.hold"))
    if v.bins is not None:
        with st.expander(t("cal.net.bins.table"), icon=":material/table_view:"):
            ui.layout.table(v.bins)
    if v.how:
        with st.expander(t("cal.net.how"), icon=":material/help:"):
            st.markdown(v.how)
    with st.expander(t("cal.net.formulas"), icon=":material/function:"):
        st.markdown("\n\n".join((
            fmt.math_block(r"\mathrm{ECE} = \sum_b \frac{n_b}{n}\,"
                           r"\lvert \mathrm{acc}_b - \mathrm{conf}_b \rvert"),
            fmt.math_block(r"\mathrm{NLL}(T) = -\frac{1}{n}\sum_{i=1}^{n}"
                           r"\log \operatorname{softmax}(z_i / T)_{y_i}"),
            t("cal.net.formulas.text"))))
    st.page_link(NETWORK_PAGE, label=t("cal.net.link.back"), icon=":material/hub:")


st.title(t("page.calibration"))
ui.layout.intro()
score_section()
smoothing_section()
distil_section()
network_section()

with st.expander(t("cal.teachers"), icon=":material/school:"):
    st.markdown(t("cal.teachers.body"))
