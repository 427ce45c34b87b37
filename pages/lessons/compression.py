"""Cross-entropy is compression: a character n-gram model's bits per character on its training
text and on held-out text as the order grows, an arithmetic coder that spends exactly that
many bits, a Huffman code per context that rounds, and the same number as a language model's
loss."""

import math

import streamlit as st

import ui
from lib import charts_text, text
from ui import compression as cx
from lib import fmt
from ui import checkpoint, glossary, problems, say, t

S = cx.S

st.title(t("page.compression"))
ui.layout.intro()

# ---- The experiment: a text, an order, α ---------------------------------------------------------
S.choice("text", t("tx.text"), {k: t(f"tx.text.{k}") for k in cx.SOURCES},
         widget="segmented_control", help=t("tx.text.help"))
if S.get("text") == "paste":
    st.text_area(t("tx.paste", max=f"{text.PASTE_MAX:,}"), key=cx.PASTE_KEY,
                 persist_state="session", height=160, help=t("tx.paste.help"),
                 placeholder=t("tx.paste.placeholder", min=text.PASTE_MIN))
left, right = st.columns(2)
order = int(S.slider("order", t("tx.order"), where=left, step=1, help=t("tx.order.help")))
alpha = float(S.choice("alpha", t("tx.alpha"), {a: fmt.prob(a) for a in cx.ALPHAS}, where=right,
                       widget="select_slider", help=t("tx.alpha.help")))

src = cx.current_source()
if src.train is None:
    for problem in src.problems:
        st.warning(problems.message(problem), icon=":material/edit_note:")
else:  # the results need a usable text
    train, held = src.train, src.held
    st.caption(say("tx", src.split))
    if src.controls:
        st.info(say("tx", src.controls), icon=":material/keyboard_command_key:")

    # ---- The curve over orders ---------------------------------------------------------------
    cv = cx.curve(train, held, alpha, ui.lang())
    # The held-out curve answers the checkpoint: its line, verdict and table wait for a
    # prediction; the training curve and the numbers at the chosen order always show.
    turn = checkpoint.ask("compression", "held_out_turn",
                          {"held_bits": [p.test_bits for p in cv.points]})
    st.subheader(t("tx.curve"))
    ui.chart(charts_text.order_chart, {**(cv.chart if turn else cv.chart_train),
                                       **charts_text.chosen_data(order, t("tx.chart.chosen"))},
             text=cv.chart_text, held=turn)
    ui.layout.takeaway(cv.takeaway if turn else cv.takeaway_train)
    if not turn:
        st.caption(t("tx.hold"))
    point = cv.points[order]
    st.markdown(f"**{t('tx.at', k=order)}**")
    m = st.columns(4)
    m[0].metric(t("tx.m.held_bits"), fmt.num(point.test_bits, 3), help=t("tx.m.bits.help"))
    m[1].metric(t("tx.m.held_ppl"), fmt.num(point.test_perplexity, 2),
                help=t("tx.m.ppl.help"))
    m[2].metric(t("tx.m.train_bits"), fmt.num(point.train_bits, 3), help=t("tx.m.bits.help"))
    m[3].metric(t("tx.m.train_ppl"), fmt.num(point.train_perplexity, 2),
                help=t("tx.m.ppl.help"))
    note = ui.layout.unit_sentence("tx.unit", point.test_bits)
    if note:
        st.caption(note)
    with st.expander(t("tx.table"), icon=":material/table_rows:"):  # the chart's text alternative
        st.caption((cv.alt if turn else cv.alt_train).format(k=order))
        if turn:
            ui.layout.table(cv.table)

    # ---- The held-out text, compressed ---------------------------------------------------------
    st.header(t("tx.coder"), divider="gray")
    cd = cx.coder(train, held, order, alpha, ui.lang())
    # The Huffman code's bits answer the checkpoint: its tile and sentence wait for a prediction.
    huffman = checkpoint.ask("compression", "huffman_vs_arithmetic",
                             {"huffman": cd.huffman, "coded": cd.coded})
    c = st.columns(4)
    vs = {"delta_color": "off", "delta_arrow": "off", "delta_description": t("tx.m.vs_ideal")}
    c[0].metric(t("tx.m.ideal"), f"{cd.ideal:,.1f}", help=t("tx.m.ideal.help", n=f"{cd.n:,}"))
    c[1].metric(t("tx.m.coded"), f"{cd.coded:,}", delta=fmt.signed(cd.coded - cd.ideal), **vs)
    if huffman:
        c[2].metric(t("tx.m.huffman"), f"{cd.huffman:,}",
                    delta=fmt.signed(cd.huffman - cd.ideal), **vs)
    else:
        c[2].caption(t("tx.hold"))
    c[3].metric(t("tx.m.utf8"), f"{8 * cd.n_bytes:,}")
    ui.layout.takeaway(cd.said["coded"])
    if huffman and "huffman" in cd.said:
        with st.expander(t("tx.huffman.x"), icon=":material/data_array:"):
            st.markdown(cd.said["huffman"])
    (st.success if cd.decoded else st.error)(
        cd.said["decoded"], icon=":material/check_circle:" if cd.decoded else ":material/error:")
    if "escaped" in cd.said:
        st.markdown(cd.said["escaped"])
    st.caption(cd.said["preview"])
    st.code(cd.preview + ("…" if cd.coded > len(cd.preview) else ""), language=None,
            wrap_lines=True)
    st.subheader(t("tx.surprise"))
    st.html(cd.snippet)
    st.caption(t("tx.surprise.caption", shown=min(cx.SHOWN_CHARS, cd.n), k=order,
                 top=fmt.short(cx.DARKEST_BITS)))
    with st.expander(t("tx.x.coder"), icon=":material/compress:"):
        st.markdown(t("tx.x.coder.body"))
    st.page_link("pages/lessons/codes.py", label=t("tx.link.codes"), icon=":material/data_array:")

    # ---- The same number in a language model ----------------------------------------------------
    st.header(t("tx.lm"), divider="gray")
    ui.layout.takeaway(t("tx.lm.here", k=order, bits=fmt.num(point.test_bits, 3),
                         nats=fmt.num(point.test_bits * math.log(2), 3),
                         ppl=fmt.num(point.test_perplexity, 2),
                         bpb=fmt.num(cd.ideal / cd.n_bytes, 3), bytes=f"{cd.n_bytes:,}",
                         n=f"{cd.n:,}"))
    with st.expander(t("tx.lm.x"), icon=":material/smart_toy:"):
        st.markdown(t("tx.lm.body") + "\n\n" + t("tx.lm.lower"))

    with st.expander(t("tx.x.model"), icon=":material/function:"):
        st.markdown("\n\n".join((
            t("tx.x.model.body", v=f"{cv.alphabet:,}"),
            r"$$q(x \mid c) = \frac{n(c\,x) + \alpha}{n(c) + \alpha V}$$",
            t("tx.x.model.escape"),
            r"$$H = -\frac{1}{n}\sum_{i=1}^{n} \log_2 q(x_i \mid c_i) \qquad "
            r"\text{perplexity} = 2^{H}$$")))
    if turn:  # why the held-out curve may turn up: the checkpoint's answer, held back too
        with st.expander(t("tx.x.overfit"), icon=":material/trending_up:"):
            st.markdown(t("tx.x.overfit.body"))

# ---- Links ---------------------------------------------------------------------------------------
st.header(t("tx.links"), divider="gray")
st.page_link("pages/lessons/explorer.py", label=t("tx.link.explorer"),
             icon=":material/compare_arrows:")
glossary.link("perplexity")
glossary.link("arithmetic-coding")

with st.expander(t("tx.teachers"), icon=":material/school:"):
    st.markdown(t("tx.teachers.body"))
