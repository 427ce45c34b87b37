"""Cross-entropy as a loss: binary, softmax, multi-label, maximum likelihood, derivation,
and what the libraries return."""

import numpy as np
import streamlit as st

import ui
from lib import charts, curves, info
from ui import fmt, t
from ui import loss as ls

ui.page_setup("loss")
ls.ensure_state()

st.title(t("page.loss"))
st.markdown(t("ls.intro"))

# ---- Binary -----------------------------------------------------------------------------------
st.header(t("ls.bin"), divider="gray")
st.markdown(t("ls.bin.intro"))
st.latex(r"\begin{gathered}C_{\mathrm{CE}} = -\left[y\ln a + (1-y)\ln(1-a)\right] \\ "
         r"C_{\mathrm{quad}} = \tfrac12 (a-y)^2,\quad a = \sigma(z)\end{gathered}")
a = st.slider(t("ls.bin.a"), 0.01, 0.99, step=0.01, key="ls_a")
for y, col in zip((0, 1), st.columns(2, gap="large")):
    costs, grads, cost_pts, grad_pts, cost_now, grad_now = ls.binary_frames(
        curves.binary_losses(y), a, y)
    with col:
        st.subheader(t("ls.bin.target", y=y))
        m1, m2 = st.columns(2)
        m1.metric(t("ls.bin.grad_ce"), fmt.num(grad_now["cross_entropy"]),
                  help=t("ls.bin.grad_ce.help"))
        m2.metric(t("ls.bin.grad_quad"), fmt.num(grad_now["quadratic"]),
                  help=t("ls.bin.grad_quad.help"))
        st.caption(t("ls.bin.costs_now", ce=ls.nats(cost_now["cross_entropy"]),
                     quad=fmt.num(cost_now["quadratic"])))
        text = {"x": t("ls.bin.axis_a"), "series": t("word.quantity"),
                "shade": t("ls.bin.wrong")}
        st.altair_chart(charts.function_chart(
            costs, {**text, "y": t("ls.bin.axis_cost")}, ls.binary_colors(), cost_pts,
            shade=ls.wrong_band(y), height=240, y_domain=(0, 4)), width="stretch")
        st.altair_chart(charts.function_chart(
            grads, {**text, "y": t("ls.bin.axis_grad")}, ls.binary_colors(), grad_pts,
            shade=ls.wrong_band(y), height=240), width="stretch")
st.markdown(t("ls.bin.takeaway"))

# ---- Softmax ----------------------------------------------------------------------------------
st.header(t("ls.sm"), divider="gray")
st.markdown(t("ls.sm.intro"))
st.latex(r"\begin{gathered}a_j = \frac{e^{z_j}}{\sum_k e^{z_k}},\qquad "
         r"C = -\sum_j y_j \ln a_j \\ \frac{\partial C}{\partial z_j} = a_j - y_j"
         r"\end{gathered}")
cols = st.columns(len(ls.CLASSES) + 1)
z = np.array([cols[i].slider(t("ls.sm.logit", c=c), -10.0, 10.0, step=0.1, key=f"ls_z{i}")
              for i, c in enumerate(ls.CLASSES)])
true = cols[-1].selectbox(t("ls.sm.true"), range(len(ls.CLASSES)), key="ls_true",
                          format_func=dict(enumerate(ls.CLASSES)).get)
cols[-1].button(t("ls.sm.reset"), on_click=ls.reset_logits, width="stretch")
y_onehot = np.eye(len(ls.CLASSES))[true]
frame, probs, grad = ls.softmax_frames(z, y_onehot)
m1, m2 = st.columns(2)
ls.ce_metric(m1, t("ls.sm.loss"), ls.softmax_loss(z, y_onehot))
m2.metric(t("ls.sm.p_true", c=ls.CLASSES[true]), fmt.num(probs[true]))
st.altair_chart(charts.bar_chart(frame, {"category": t("ls.sm.class"), "y": t("word.value"),
                                         "series": t("word.quantity")}, ls.softmax_colors()),
                width="stretch")
st.caption(t("ls.sm.caption"))
with st.container(border=True):
    st.markdown(t("ls.sm.example"))
    st.latex(r"\begin{gathered}y = (0, 1, 0),\; a = (0.2, 0.7, 0.1) \\ C = -\ln 0.7 = "
             + fmt.num(ls.single_label_example(), 5) + r"\ \text{" + t("unit.nats") + "}"
             + r"\end{gathered}")

# ---- Multi-label ------------------------------------------------------------------------------
st.header(t("ls.ml"), divider="gray")
st.markdown(t("ls.ml.intro"))
st.latex(r"\begin{gathered}C = -\sum_j \left[y_j \ln a_j + (1-y_j)\ln(1-a_j)\right] \\ "
         r"a_j = \sigma(z_j)\end{gathered}")
left, right = st.columns(2, gap="large")
with left:
    edited = st.data_editor(
        st.session_state["ls_table"], key="ls_editor", num_rows="dynamic", hide_index=True,
        column_config={
            "label": st.column_config.TextColumn(t("ls.ml.class")),
            "y": st.column_config.CheckboxColumn(t("ls.ml.y"), default=False),
            "a": st.column_config.NumberColumn(t("ls.ml.a"), format="%.4g")})
    st.caption(t("ls.ml.editor"))
labels, y_ml, a_ml, terms, problems = ls.read_multi_label(edited)
with right:
    if problems:
        for problem in problems:
            st.error(ls.multi_problem(problem), icon=":material/error:")
    else:
        m1, m2 = st.columns(2)
        ls.ce_metric(m1, t("ls.ml.total"), float(terms.sum()))
        m2.metric(t("ls.ml.sum_a"), fmt.num(float(a_ml.sum())), help=t("ls.ml.sum_a.help"))
        st.dataframe(ls.multi_table(labels, y_ml, a_ml, terms), hide_index=True,
                     width="stretch")
        st.caption(t("ls.ml.note"))

# ---- Maximum likelihood -----------------------------------------------------------------------
st.header(t("ls.ml2"), divider="gray")
st.markdown(t("ls.ml2.intro"))
c1, c2, c3 = st.columns(3)
heads = c1.number_input(t("ls.ml2.heads"), 0, 10_000, key="ls_heads")
tails = c2.number_input(t("ls.ml2.tails"), 0, 10_000, key="ls_tails")
theta = c3.slider("θ", 0.01, 0.99, step=0.01, key="ls_theta")
if heads + tails == 0:
    st.error(t("ls.ml2.none"), icon=":material/error:")
else:
    n = heads + tails
    freq = (heads / n, tails / n)
    (lik, lik_pt), (nll, nll_pt) = ls.likelihood_frames(heads, tails, theta)
    nll_now = float(nll_pt["value"].iloc[0])
    ce_now = info.cross_entropy(freq, (theta, 1 - theta))
    m1, m2, m3 = st.columns(3)
    ls.ce_metric(m1, t("ls.ml2.nll_now"), nll_now)
    ls.ce_metric(m2, t("ls.ml2.ce_now"), ce_now)
    m3.metric(t("ls.ml2.best", h=heads, n=n), fmt.prob(round(freq[0], 6)),
              help=t("ls.ml2.best.help"))
    # Three short lines, so the chain fits a phone screen.
    st.latex(r"\begin{aligned}-\tfrac1n \ln\!\left(\theta^{h}(1-\theta)^{t}\right) "
             r"&= -\tfrac{h}{n}\ln\theta - \tfrac{t}{n}\ln(1-\theta) \\ "
             r"&= H\!\left(\left(\tfrac{h}{n}, \tfrac{t}{n}\right), "
             r"(\theta, 1-\theta)\right)\end{aligned}")
    st.markdown(t("ls.ml2.min", theta=fmt.prob(round(freq[0], 6)),
                  h=ls.nats(info.entropy(freq))))
    l1, l2 = st.columns(2)
    text = {"x": "θ", "series": t("word.quantity")}
    l1.altair_chart(charts.function_chart(lik, {**text, "y": t("ls.ml2.lik_axis")},
                                          {t("ls.ml2.lik"): ls.COLORS["quadratic"]}, lik_pt,
                                          height=260), width="stretch")
    l2.altair_chart(charts.function_chart(nll, {**text, "y": t("ls.ml2.nll_axis")},
                                          {t("ls.ml2.nll"): ls.COLORS["cross_entropy"]},
                                          nll_pt, height=260), width="stretch")

# ---- Derivation -------------------------------------------------------------------------------
st.header(t("ls.der"), divider="gray")
st.markdown(t("ls.der.intro"))
st.latex(r"\text{(1)}\quad \frac{\partial C}{\partial b} "
         r"= \frac{\partial C}{\partial a}\,\sigma'(z) = \frac{\partial C}{\partial a}\,a(1-a)")
st.markdown(t("ls.der.want"))
st.latex(r"\begin{aligned}\text{(2)}\quad \frac{\partial C}{\partial b} = a-y"
         r"\;\Rightarrow\; \frac{\partial C}{\partial a} &= \frac{a-y}{a(1-a)} \\ "
         r"&= -\frac{y}{a} + \frac{1-y}{1-a}\end{aligned}")
st.latex(r"\begin{aligned}\text{(3)}\quad C &= \int\!\left(-\frac{y}{a} + "
         r"\frac{1-y}{1-a}\right)da \\ &= -\left[y\ln a + (1-y)\ln(1-a)\right] + "
         r"\text{const}\end{aligned}")
d1, d2 = st.columns(2)
da = d1.slider("a", 0.01, 0.99, step=0.01, key="ls_da")
dy = d2.slider("y", 0.0, 1.0, step=0.05, key="ls_dy")
check = ls.derivation_check(da, dy)
st.markdown(t("ls.der.check", numeric=fmt.num(check["numeric"], 6),
              formula=fmt.num(check["formula"], 6), db=fmt.num(check["db"], 6),
              diff=fmt.num(da - dy, 6)))

# ---- Libraries --------------------------------------------------------------------------------
st.header(t("ls.lib"), divider="gray")
st.markdown(t("ls.lib.intro", c=ls.CLASSES[true]))
st.table(ls.library_rows(z, y_onehot).set_index(t("ls.lib.call")))
st.caption(t("ls.lib.caption"))
