"""Cross-entropy as a loss: one sigmoid output under two costs (the experiment first), several
labels at once, maximum likelihood, softmax, and what the libraries return; derivations,
library details and notes for teachers in expanders.

Every setting lives in ``ui.loss.S`` (ui/MECHANISMS.md): it survives language, unit and page
switches and is written into the link. Every interactive section is a fragment, so moving its
controls reruns only that section; a section's checkpoint sits inside its fragment, because it
is judged on that section's inputs.
"""

import numpy as np
import streamlit as st

import ui
from lib import charts_loss, csvfile, info, loss_lesson, losses
from lib import fmt
from ui import checkpoint, t
from ui.i18n import sentences
from ui import loss as ls
from ui.layout import details, explain, prose, takeaway

S = ls.S


@ui.fragment
def binary_section() -> None:
    """The prediction and the label, both gradients and their chart, the takeaway; the costs'
    chart and formulas in an expander drawn only while open (it follows the same controls, so
    it sits inside this section)."""
    with st.container(horizontal=True, vertical_alignment="bottom"):
        a = S.slider("a", t("ls.bin.a"), step=0.01)
        y = S.choice("y", t("ls.bin.y"), {v: t("ls.bin.target", y=v) for v in (0, 1)},
                     widget="segmented_control", width="content")
    cost_data, grad_data, cost_now, grad_now = ls.binary_view(a, y, ui.lang())
    with st.container(horizontal=True):
        st.metric(t("ls.bin.grad_ce"), fmt.short(grad_now["cross_entropy"]),
                  help=t("ls.bin.grad_ce.help"))
        st.metric(t("ls.bin.grad_quad"), fmt.short(grad_now["quadratic"]),
                  help=t("ls.bin.grad_quad.help"))
    st.caption(t("ls.bin.costs_now", ce=ls.nats(cost_now["cross_entropy"]),
                 quad=fmt.short(cost_now["quadratic"])))
    text = {"x": t("ls.bin.axis_a"), "series": t("word.quantity")}
    bin_colors = ls.colors({"ls.bin.ce": "cross_entropy", "ls.bin.quad": "quadratic"})
    ui.chart(charts_loss.curves_chart, grad_data, text={**text, "y": t("ls.bin.axis_grad")},
             colors=bin_colors, shade=True, height=240)
    takeaway(t("ls.bin.takeaway"))
    box = details("costs", t("ls.bin.more"), ":material/function:")
    if box.open:
        with box:
            ui.chart(charts_loss.curves_chart, cost_data,
                     text={**text, "y": t("ls.bin.axis_cost")}, colors=bin_colors, shade=True,
                     height=220, y_domain=(0, 4), name_at=0.75)  # the band's name at a cost of 1
            prose(
                t("ls.bin.intro"),
                fmt.math_block(r"\begin{gathered}C_{\mathrm{CE}} = -\left[y\ln a + "
                               r"(1-y)\ln(1-a)\right] \\ C_{\mathrm{quad}} = \tfrac12 (a-y)^2,"
                               r"\quad a = \sigma(z)\end{gathered}"),
                t("ls.lsq.intro"), t("ls.lsq.why"),
                fmt.math_block(r"\begin{aligned}y &= a + \varepsilon,\quad \varepsilon \sim "
                               r"\mathcal{N}(0, s^2) \\ -\ln p(y \mid a) &= \frac{(a-y)^2}{2s^2}"
                               r" + \ln\!\left(s\sqrt{2\pi}\right)\end{aligned}"),
                t("ls.lsq.next"), t("ls.bin.vanishing"))


@ui.fragment
def multi_label_section() -> None:
    """The multi-label table, its loss and results, the checkpoint on what PyTorch returns,
    and the code cards with the table's numbers."""
    left, right = st.columns(2, gap="large")
    table = S.table("table", {
        "label": st.column_config.TextColumn(t("ls.ml.class")),
        "y": st.column_config.CheckboxColumn(t("ls.ml.y"), help=t("ls.ml.y.help"),
                                             default=False, width="small"),
        "a": st.column_config.TextColumn(t("ls.ml.a"), help=t("ls.ml.a.help"), width="small"),
    }, where=left, label_name=ui.event_name, num_rows="dynamic",
        column_order=("label", "y", "a"))
    view = ls.multi_view(table, ui.lang())
    # The CSV files are written only when the reader clicks (a callable `data`).
    left.download_button(t("ls.ml.download"), lambda: csvfile.write_csv(
                         loss_lesson.multi_label_file(view.labels, table)),
                         file_name="multi-label.csv", mime="text/csv", on_click="ignore",
                         icon=":material/download:", key="_loss.csv_table")
    with right:
        for error in view.errors:
            st.error(error, icon=":material/error:")
        if not view.errors:
            with st.container(horizontal=True):
                ls.ce_metric(st, t("ls.ml.total"), float(view.terms.sum()))
                st.metric(t("ls.ml.sum_a"), fmt.short(float(view.a.sum())),
                          help=t("ls.ml.sum_a.help"))
            ui.layout.table(view.results)
    if view.errors:
        st.info(t("ls.lib.multi_wait"), icon=":material/info:")
        takeaway(t("ls.ml.takeaway"))
        return
    # The cards print what PyTorch returns, and the takeaway says libraries average: both wait
    # for the prediction.
    cards_shown = checkpoint.ask("loss", "bce_reduction", {"a": view.a, "y": view.y})
    box = details("multi_code", t("ls.lib.multi"), ":material/code:")
    if box.open:
        with box:
            if cards_shown:
                st.markdown(t("ls.lib.multi_intro") + "\n\n" + t("ls.lib.setup_note"))
                ls.draw_cards(view.cards)
            else:
                st.caption(t("ls.held"))
    takeaway(sentences(t("ls.ml.takeaway"), t("ls.ml.takeaway.libraries") if cards_shown else ""))


@ui.fragment
def likelihood_section() -> None:
    with st.container(horizontal=True):
        heads = S.number("heads", t("ls.ml2.heads"))
        tails = S.number("tails", t("ls.ml2.tails"))
    # The best θ waits for a prediction (in the presentation view, for the teacher's reveal).
    best_shown = checkpoint.ask("loss", "mle", {"heads": heads, "tails": tails})
    theta = S.slider("theta", "θ", step=0.01)
    if heads + tails == 0:
        st.error(t("ls.ml2.none"), icon=":material/error:")
        return
    n = heads + tails
    freq = (heads / n, tails / n)
    data, nll_now = ls.likelihood_view(heads, tails, theta, ui.lang())
    with st.container(horizontal=True):
        ls.ce_metric(st, t("ls.ml2.nll_now"), nll_now)
        ls.ce_metric(st, t("ls.ml2.ce_now"), info.cross_entropy(freq, (theta, 1 - theta)))
        if best_shown:
            st.metric(t("ls.ml2.best", h=heads, n=n), fmt.short(freq[0]),
                      help=t("ls.ml2.best.help"))
    if not best_shown:  # the curves peak and bottom out at the best θ: they wait too
        st.caption(t("ls.held"))
        return
    st.caption(t("ls.ml2.min", theta=fmt.short(freq[0]), h=ls.nats(info.entropy(freq))))
    ui.chart(charts_loss.dual_chart, data,
             text={"x": "θ", "series": t("word.quantity"), "left": t("ls.ml2.lik_axis"),
                   "right": t("ls.ml2.nll_axis")},
             colors=ls.colors({"ls.ml2.lik": "likelihood", "ls.ml2.nll": "cross_entropy"}))


@ui.fragment
def softmax_section() -> None:
    """The logits, the true class, the loss, the checkpoint on the gradient, the bars, and the
    code cards for these logits."""
    names = ls.class_names()
    with st.container(horizontal=True, vertical_alignment="bottom"):
        z = np.array([S.slider(f"z{i}", t("ls.sm.logit", c=c), step=0.1)
                      for i, c in enumerate(names)])
    with st.container(horizontal=True, vertical_alignment="bottom"):
        true = S.choice("true", t("ls.sm.true"), dict(enumerate(names)),
                        widget="selectbox", width=180)
        st.button(t("ls.sm.reset"), on_click=ls.reset_logits, key="_loss.reset_logits")
    view = ls.softmax_view(tuple(float(v) for v in z), true, ui.lang())
    with st.container(horizontal=True):
        ls.ce_metric(st, t("ls.sm.loss"), view.loss)
        st.metric(t("ls.sm.p_true", c=names[true]), fmt.short(view.probs[true]))
    # The gradient bars and their caption answer the checkpoint: they wait for a prediction.
    grads_shown = checkpoint.ask("loss", "logit_gradient", {"logits": z.tolist(), "true": true})
    series = {"ls.sm.a": "cross_entropy", "ls.sm.y": "label"}
    ui.chart(charts_loss.class_bars, {"bars": view.bars if grads_shown else view.bars_held},
             text={"category": t("ls.sm.class"), "y": t("word.value"),
                   "series": t("word.quantity")},
             colors=ls.colors({**series, "ls.sm.grad": "gradient"} if grads_shown else series))
    if grads_shown:
        st.caption(t("ls.sm.caption", c=names[true], grad=fmt.short(view.grads[true])))
        takeaway(t("ls.sm.takeaway"))  # ∂C/∂z = a − y: the rule the checkpoint asks to apply
    else:
        st.caption(t("ls.held"))
    box = details("softmax_code", t("ls.lib.softmax"), ":material/code:")
    if box.open:
        with box:
            st.markdown(t("ls.lib.intro", c=names[true], i=true) + "\n\n" + t("ls.lib.setup_note"))
            ls.draw_cards(view.cards)


st.title(t("page.loss"))
ui.layout.intro()

# ---- One sigmoid output: two costs (the experiment) ---------------------------------------
st.header(t("ls.bin"), divider="gray")
explain(t("ls.bin.lead"))
binary_section()  # with its takeaway and the costs' expander
# Expanders draw their content only while open (ls.details): closed, each is one element.

# ---- Several labels at once ---------------------------------------------------------------
st.header(t("ls.ml"), divider="gray")
explain(t("ls.ml.lead"))
multi_label_section()  # with its takeaway

# ---- Maximum likelihood -------------------------------------------------------------------
st.header(t("ls.ml2"), divider="gray")
explain(t("ls.ml2.lead"))
likelihood_section()
takeaway(t("ls.ml2.takeaway"))
box = details("classifier", t("ls.clf"), ":material/function:")
if box.open:
    prose(
        t("ls.ml2.identity"),
        fmt.math_block(r"\begin{aligned}-\tfrac1n \ln\!\left(\theta^{h}(1-\theta)^{t}\right) "
                       r"&= -\tfrac{h}{n}\ln\theta - \tfrac{t}{n}\ln(1-\theta) \\ "
                       r"&= H\!\left(\left(\tfrac{h}{n}, \tfrac{t}{n}\right), "
                       r"(\theta, 1-\theta)\right)\end{aligned}"),
        t("ls.clf.bernoulli"),
        # Broken over lines so that each fits a phone's width (as below).
        fmt.math_block(r"\begin{aligned}L &= \prod_{i=1}^{m} a_i^{\,y_i}(1-a_i)^{1-y_i} \\ "
                       r"-\tfrac1m \ln L &= -\tfrac1m \sum_{i=1}^{m} \bigl[y_i \ln a_i \\ "
                       r"&\qquad + (1-y_i)\ln(1-a_i)\bigr]\end{aligned}"),
        t("ls.clf.batch"), t("ls.clf.many"),
        fmt.math_block(r"\begin{aligned}C &= \frac1m \sum_{x} H(P_x, Q_x) \\ "
                       r"&= -\frac1m \sum_{x} \sum_j y_{x,j} \ln a_{x,j}\end{aligned}"),
        t("ls.clf.kl"), where=box)

# ---- Softmax ------------------------------------------------------------------------------
st.header(t("ls.sm"), divider="gray")
explain(t("ls.sm.lead"))
softmax_section()  # with its takeaway, once the gradient is predicted
box = details("jacobian", t("ls.sm.jac"), ":material/calculate:")
if box.open:
    prose(
        t("ls.sm.formulas"),
        fmt.math_block(r"\begin{gathered}a_j = \frac{e^{z_j}}{\sum_k e^{z_k}},\qquad "
                       r"C = -\sum_j y_j \ln a_j \\ \frac{\partial C}{\partial z_j} = a_j - y_j"
                       r"\end{gathered}"),
        t("ls.sm.jac.quotient"),
        fmt.math_block(r"\frac{\partial a_j}{\partial z_j} = \frac{e^{z_j} S - e^{z_j} e^{z_j}}"
                       r"{S^2} = a_j - a_j^2 = a_j(1 - a_j)"),
        t("ls.sm.jac.other"),
        fmt.math_block(r"\frac{\partial a_k}{\partial z_j} = \frac{0 \cdot S - e^{z_k} e^{z_j}}"
                       r"{S^2} = -a_k a_j"),
        t("ls.sm.jac.both"),
        fmt.math_block(r"\frac{\partial a_k}{\partial z_j} = a_k(\delta_{kj} - a_j)"),
        t("ls.sm.jac.chain"),
        fmt.math_block(r"\begin{aligned}\frac{\partial C}{\partial z_j} "
                       r"&= \sum_k \left(-\frac{y_k}{a_k}\right) a_k(\delta_{kj} - a_j) \\ "
                       r"&= -\sum_k y_k \delta_{kj} + a_j \sum_k y_k \\ "
                       r"&= a_j \sum_k y_k - y_j\end{aligned}"),
        t("ls.sm.jac.end"),
        t("ls.sm.example"),
        fmt.math_block(r"\begin{gathered}y = (0, 1, 0),\; a = (0.2, 0.7, 0.1) \\ C = -\ln 0.7 = "
                       + fmt.tex(fmt.short(losses.categorical_cross_entropy(
                           [0, 1, 0], [0.2, 0.7, 0.1])))
                       + r"\ \text{" + t("unit.nats") + r"}\end{gathered}"), where=box)

# ---- Deriving cross-entropy from a wish ----------------------------------------------------
box = details("derivation", t("ls.der"), ":material/lightbulb:")
if box.open:
    with box:
        prose(
            t("ls.der.intro"),
            fmt.math_block(r"\text{(1)}\quad \frac{\partial C}{\partial b} = "
                           r"\frac{\partial C}{\partial a}\,\sigma'(z) = "
                           r"\frac{\partial C}{\partial a}\,a(1-a)"),
            t("ls.der.want"),
            fmt.math_block(r"\begin{aligned}\text{(2)}\quad \frac{\partial C}{\partial b} = a-y"
                           r"\;\Rightarrow\; \frac{\partial C}{\partial a} &= "
                           r"\frac{a-y}{a(1-a)} \\ &= -\frac{y}{a} + \frac{1-y}{1-a}"
                           r"\end{aligned}"),
            fmt.math_block(r"\begin{aligned}\text{(3)}\quad C &= \int\!\left(-\frac{y}{a} + "
                           r"\frac{1-y}{1-a}\right)da \\ &= -\bigl[y\ln a + (1-y)\ln(1-a)"
                           r"\bigr] \\ &\qquad + \text{const}\end{aligned}"))
        with st.container(horizontal=True):
            da = S.slider("da", "a", step=0.01)
            dy = S.slider("dy", "y", step=0.05)
        check = losses.derivation_check(da, dy)
        prose(t("ls.der.check", numeric=fmt.num(check["numeric"], 6),
                   formula=fmt.num(check["formula"], 6), db=fmt.num(check["db"], 6),
                   diff=fmt.num(da - dy, 6)), t("ls.der.next_intro"))
        st.page_link("pages/lessons/neuron.py", label=t("page.neuron"),
                     icon=":material/arrow_forward:")

st.markdown(t("ls.link.calibration"))
st.page_link("pages/lessons/calibration.py", label=t("page.calibration"), icon=":material/tune:")
box = details("teachers", t("ls.teach"), ":material/school:")
if box.open:
    box.markdown(t("ls.teach.body"))
st.page_link("pages/lessons/glossary.py", label=t("page.glossary"),
             icon=":material/translate:", help=t("ls.glossary"))
