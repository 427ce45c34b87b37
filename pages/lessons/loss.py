"""Cross-entropy as a loss: least squares, binary, softmax, multi-label, maximum likelihood,
from a coin to a classifier, the derivation from ∂C/∂b = a − y, and what the libraries return.

Every setting lives in ``ui.loss.S`` (ui/MECHANISMS.md): it survives language, unit and page
switches and is written into the link. Every interactive section is a fragment, so moving its
controls reruns only that section. The softmax logits and the multi-label table also feed the
library section at the end: their fragments write those calls into containers placed there.
"""

import numpy as np
import streamlit as st

import ui
from lib import charts, info, losses
from ui import fmt, t
from ui import loss as ls

S = ls.S


@ui.fragment
def binary_section() -> None:
    a = S.slider("a", t("ls.bin.a"), step=0.01)
    text = {"x": t("ls.bin.axis_a"), "series": t("word.quantity"), "shade": t("ls.bin.wrong")}
    bin_colors = ls.colors({"ls.bin.ce": "cross_entropy", "ls.bin.quad": "quadratic"})
    views = ls.binary_view(a, ui.lang())  # for y = 0 and y = 1
    for y, col in enumerate(st.columns(2, gap="large")):
        cost_data, grad_data, cost_now, grad_now = views[y]
        with col:
            st.subheader(t("ls.bin.target", y=y))
            m1, m2 = st.columns(2)
            m1.metric(t("ls.bin.grad_ce"), fmt.num(grad_now["cross_entropy"]),
                      help=t("ls.bin.grad_ce.help"))
            m2.metric(t("ls.bin.grad_quad"), fmt.num(grad_now["quadratic"]),
                      help=t("ls.bin.grad_quad.help"))
            st.caption(t("ls.bin.costs_now", ce=ls.nats(cost_now["cross_entropy"]),
                         quad=fmt.num(cost_now["quadratic"])))
            ui.chart(charts.function_chart, cost_data,
                     text={**text, "y": t("ls.bin.axis_cost")}, colors=bin_colors,
                     shade=True, height=240, y_domain=(0, 4))
            ui.chart(charts.function_chart, grad_data,
                     text={**text, "y": t("ls.bin.axis_grad")}, colors=bin_colors,
                     shade=True, height=240)


@ui.fragment
def likelihood_section() -> None:
    c1, c2, c3 = st.columns(3)
    heads = S.number("heads", t("ls.ml2.heads"), where=c1)
    tails = S.number("tails", t("ls.ml2.tails"), where=c2)
    theta = S.slider("theta", "θ", where=c3, step=0.01)
    if heads + tails == 0:
        st.error(t("ls.ml2.none"), icon=":material/error:")
        return
    n = heads + tails
    freq = (heads / n, tails / n)
    lik_data, nll_data, nll_now = ls.likelihood_view(heads, tails, theta, ui.lang())
    ce_now = info.cross_entropy(freq, (theta, 1 - theta))
    m1, m2, m3 = st.columns(3)
    ls.ce_metric(m1, t("ls.ml2.nll_now"), nll_now)
    ls.ce_metric(m2, t("ls.ml2.ce_now"), ce_now)
    m3.metric(t("ls.ml2.best", h=heads, n=n), fmt.prob(round(freq[0], 6)),
              help=t("ls.ml2.best.help"))
    # Three short lines, so the chain fits a phone screen.
    ls.prose(fmt.math_block(r"\begin{aligned}-\tfrac1n \ln\!\left(\theta^{h}(1-\theta)^{t}\right) "
                    r"&= -\tfrac{h}{n}\ln\theta - \tfrac{t}{n}\ln(1-\theta) \\ "
                    r"&= H\!\left(\left(\tfrac{h}{n}, \tfrac{t}{n}\right), "
                    r"(\theta, 1-\theta)\right)\end{aligned}"),
             t("ls.ml2.min", theta=fmt.prob(round(freq[0], 6)), h=ls.nats(info.entropy(freq))))
    l1, l2 = st.columns(2)
    text = {"x": "θ", "series": t("word.quantity")}
    ui.chart(charts.function_chart, lik_data, where=l1,
             text={**text, "y": t("ls.ml2.lik_axis")},
             colors=ls.colors({"ls.ml2.lik": "quadratic"}), height=260)
    ui.chart(charts.function_chart, nll_data, where=l2,
             text={**text, "y": t("ls.ml2.nll_axis")},
             colors=ls.colors({"ls.ml2.nll": "cross_entropy"}), height=260)


@ui.fragment
def derivation_section() -> None:
    d1, d2 = st.columns(2)
    da = S.slider("da", "a", where=d1, step=0.01)
    dy = S.slider("dy", "y", where=d2, step=0.05)
    check = losses.derivation_check(da, dy)
    st.markdown(t("ls.der.check", numeric=fmt.num(check["numeric"], 6),
                  formula=fmt.num(check["formula"], 6), db=fmt.num(check["db"], 6),
                  diff=fmt.num(da - dy, 6)))


@ui.fragment
def softmax_section(library) -> None:
    """The logits, the true class, the loss and the bars; and, into ``library`` (a container
    in the libraries section), the setup code and the calls for these logits."""
    cols = st.columns(len(ls.CLASSES) + 1)
    z = np.array([S.slider(f"z{i}", t("ls.sm.logit", c=c), where=cols[i], step=0.1)
                  for i, c in enumerate(ls.CLASSES)])
    true = S.choice("true", t("ls.sm.true"), dict(enumerate(ls.CLASSES)), where=cols[-1],
                    widget="selectbox")
    cols[-1].button(t("ls.sm.reset"), on_click=ls.reset_logits, width="stretch",
                    key="_loss.reset_logits")
    view = ls.softmax_view(tuple(float(v) for v in z), true, ui.lang())
    m1, m2 = st.columns(2)
    ls.ce_metric(m1, t("ls.sm.loss"), view.loss)
    m2.metric(t("ls.sm.p_true", c=ls.CLASSES[true]), fmt.num(view.probs[true]))
    ui.chart(charts.bar_chart, {"bars": view.bars},
             text={"category": t("ls.sm.class"), "y": t("word.value"),
                   "series": t("word.quantity")},
             colors=ls.colors({"ls.sm.a": "cross_entropy", "ls.sm.y": "label",
                               "ls.sm.grad": "gradient"}))
    st.caption(t("ls.sm.caption"))
    with library:
        st.markdown(t("ls.lib.intro", c=ls.CLASSES[true]))
        st.code(view.setup, language="python", wrap_lines=True)
        st.caption(t("ls.lib.setup_note"))
        st.subheader(t("ls.lib.softmax"))
        ls.draw_library_rows(view.rows)


@ui.fragment
def multi_label_section(library) -> None:
    """The multi-label table, its loss and results; and, into ``library``, the library calls
    with the table's numbers."""
    left, right = st.columns(2, gap="large")
    table = S.table("table", {
        "label": st.column_config.TextColumn(t("ls.ml.class")),
        "y": st.column_config.CheckboxColumn(t("ls.ml.y"), help=t("ls.ml.y.help"),
                                             default=False, width="small"),
        "a": st.column_config.TextColumn(t("ls.ml.a"), help=t("ls.ml.a.help"), width="small"),
    }, where=left, label_name=ui.event_name, num_rows="dynamic",
        column_order=("label", "y", "a"))
    view = ls.multi_view(table, ui.lang())
    left.caption(t("ls.ml.editor"))
    # The CSV files are written only when the reader clicks (a callable `data`).
    left.download_button(t("ls.ml.download"), lambda: ls.table_csv(table, view.labels),
                         file_name="multi-label.csv", mime="text/csv", on_click="ignore",
                         icon=":material/download:", key="_loss.csv_table")
    with right:
        for error in view.errors:
            st.error(error, icon=":material/error:")
        if not view.errors:
            m1, m2 = st.columns(2)
            ls.ce_metric(m1, t("ls.ml.total"), float(view.terms.sum()))
            m2.metric(t("ls.ml.sum_a"), fmt.num(float(view.a.sum())), help=t("ls.ml.sum_a.help"))
            st.dataframe(view.results, hide_index=True, width="stretch")
            st.caption(t("ls.ml.note"))
            st.download_button(t("ls.ml.download_results"),
                               lambda: ls.results_csv(view.labels, view.y, view.a, view.terms),
                               file_name="multi-label-loss.csv", mime="text/csv",
                               on_click="ignore", icon=":material/download:",
                               key="_loss.csv_results")
    with library:
        if view.errors:
            st.info(t("ls.lib.multi_wait"), icon=":material/info:")
        else:
            st.markdown(t("ls.lib.multi_intro"))
            ls.draw_library_rows(view.rows)


st.title(t("page.loss"))
st.markdown(t("ls.intro"))
st.page_link("pages/lessons/glossary.py", label=t("ls.glossary", page=t("page.glossary")),
             icon=":material/translate:")

# ---- Least squares ------------------------------------------------------------------------
st.header(t("ls.lsq"), divider="gray")
ls.prose(t("ls.lsq.intro"), t("ls.lsq.why"), fmt.math_block(
    r"\begin{aligned}y &= a + \varepsilon,\quad \varepsilon \sim \mathcal{N}(0, s^2) \\ "
    r"-\ln p(y \mid a) &= \frac{(a-y)^2}{2s^2} + \ln\!\left(s\sqrt{2\pi}\right)"
    r"\end{aligned}"), t("ls.lsq.next"))

# ---- Binary -------------------------------------------------------------------------------
st.header(t("ls.bin"), divider="gray")
ls.prose(t("ls.bin.intro"), fmt.math_block(
    r"\begin{gathered}C_{\mathrm{CE}} = -\left[y\ln a + (1-y)\ln(1-a)\right] \\ "
    r"C_{\mathrm{quad}} = \tfrac12 (a-y)^2,\quad a = \sigma(z)\end{gathered}"))
binary_section()
st.markdown(t("ls.bin.takeaway"))

# ---- Softmax ------------------------------------------------------------------------------
st.header(t("ls.sm"), divider="gray")
ls.prose(t("ls.sm.intro"), fmt.math_block(
    r"\begin{gathered}a_j = \frac{e^{z_j}}{\sum_k e^{z_k}},\qquad "
    r"C = -\sum_j y_j \ln a_j \\ \frac{\partial C}{\partial z_j} = a_j - y_j"
    r"\end{gathered}"))
softmax_box = st.container()  # filled by softmax_section() at the end
with st.expander(t("ls.sm.jac"), icon=":material/calculate:"):
    ls.prose(
        t("ls.sm.jac.quotient"),
        fmt.math_block(r"\frac{\partial a_j}{\partial z_j} = \frac{e^{z_j} S - e^{z_j} e^{z_j}}{S^2} "
               r"= a_j - a_j^2 = a_j(1 - a_j)"),
        t("ls.sm.jac.other"),
        fmt.math_block(r"\frac{\partial a_k}{\partial z_j} = \frac{0 \cdot S - e^{z_k} e^{z_j}}{S^2} "
               r"= -a_k a_j"),
        t("ls.sm.jac.both"),
        fmt.math_block(r"\frac{\partial a_k}{\partial z_j} = a_k(\delta_{kj} - a_j)"),
        t("ls.sm.jac.chain"),
        fmt.math_block(r"\begin{aligned}\frac{\partial C}{\partial z_j} "
               r"&= \sum_k \left(-\frac{y_k}{a_k}\right) a_k(\delta_{kj} - a_j) \\ "
               r"&= -\sum_k y_k \delta_{kj} + a_j \sum_k y_k \\ "
               r"&= a_j \sum_k y_k - y_j\end{aligned}"),
        t("ls.sm.jac.end"))
with st.container(border=True):
    ls.prose(t("ls.sm.example"), fmt.math_block(
        r"\begin{gathered}y = (0, 1, 0),\; a = (0.2, 0.7, 0.1) \\ C = -\ln 0.7 = "
        + fmt.tex(fmt.num(losses.categorical_cross_entropy([0, 1, 0], [0.2, 0.7, 0.1]), 5))
        + r"\ \text{" + t("unit.nats") + r"}\end{gathered}"))

# ---- Multi-label --------------------------------------------------------------------------
st.header(t("ls.ml"), divider="gray")
ls.prose(t("ls.ml.intro"), fmt.math_block(
    r"\begin{gathered}C = -\sum_j \left[y_j \ln a_j + (1-y_j)\ln(1-a_j)\right] \\ "
    r"a_j = \sigma(z_j)\end{gathered}"))
multi_box = st.container()  # filled by multi_label_section() at the end

# ---- Maximum likelihood -------------------------------------------------------------------
st.header(t("ls.ml2"), divider="gray")
st.markdown(t("ls.ml2.intro"))
likelihood_section()

# ---- From a coin to a classifier ------------------------------------------------------
st.subheader(t("ls.clf"))
ls.prose(
    t("ls.clf.bernoulli"),
    fmt.math_block(r"\begin{aligned}L &= \prod_{i=1}^{m} a_i^{\,y_i}(1-a_i)^{1-y_i} \\ "
           r"-\tfrac1m \ln L &= \tfrac1m \sum_{i=1}^{m} "
           r"-\left[y_i \ln a_i + (1-y_i)\ln(1-a_i)\right]\end{aligned}"),
    t("ls.clf.batch"),
    t("ls.clf.many"),
    fmt.math_block(r"C = \frac1m \sum_{x} H(P_x, Q_x) = -\frac1m \sum_{x} \sum_j y_{x,j} \ln a_{x,j}"),
    t("ls.clf.kl"))

# ---- Derivation ---------------------------------------------------------------------------
st.header(t("ls.der"), divider="gray")
ls.prose(
    t("ls.der.intro"),
    fmt.math_block(r"\text{(1)}\quad \frac{\partial C}{\partial b} = \frac{\partial C}{\partial a}"
           r"\,\sigma'(z) = \frac{\partial C}{\partial a}\,a(1-a)"),
    t("ls.der.want"),
    fmt.math_block(r"\begin{aligned}\text{(2)}\quad \frac{\partial C}{\partial b} = a-y"
           r"\;\Rightarrow\; \frac{\partial C}{\partial a} &= \frac{a-y}{a(1-a)} \\ "
           r"&= -\frac{y}{a} + \frac{1-y}{1-a}\end{aligned}"),
    fmt.math_block(r"\begin{aligned}\text{(3)}\quad C &= \int\!\left(-\frac{y}{a} + "
           r"\frac{1-y}{1-a}\right)da \\ &= -\left[y\ln a + (1-y)\ln(1-a)\right] + "
           r"\text{const}\end{aligned}"))
derivation_section()
st.markdown(t("ls.der.next_intro"))
st.page_link("pages/lessons/neuron.py", label=t("ls.der.next", page=t("page.neuron")),
             icon=":material/arrow_forward:")

# ---- Libraries ----------------------------------------------------------------------------
st.header(t("ls.lib"), divider="gray")
lib_softmax = st.container()  # written by softmax_section()
st.subheader(t("ls.lib.multi"))
lib_multi = st.container()  # written by multi_label_section()

# The softmax and multi-label sections are fragments: a logit, the true class, the reset
# button or a table edit reruns only that section and the library calls it writes into its
# slot above (a fragment may write into a container made outside it; Streamlit redraws
# those writes on each fragment rerun). They run last so that the slots exist.
with softmax_box:
    softmax_section(lib_softmax)
with multi_box:
    multi_label_section(lib_multi)
