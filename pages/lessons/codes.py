"""Codes & samples: Huffman and Shannon codes for P and Q, what Q's code costs, an encoded
message, running averages over samples from P and the plug-in entropy's bias."""

import numpy as np
import streamlit as st

import ui
from lib import charts_codes
from lib import fmt
from ui import checkpoint, problems, t
from ui import codes as cd

S = cd.S


st.title(t("page.codes"))
ui.layout.intro()
st.markdown(t("cd.lead"))
note = ui.layout.unit_sentence("cd.why_bits.unit", 1.0)
if note:
    st.caption(note)

# ---- P and Q --------------------------------------------------------------------------
S.preset_buttons({name: t(f"cd.preset.{name}") for name in S.presets},
                 helps={name: t(f"cd.preset.help.{name}") for name in S.presets},
                 title=t("cd.source"))
src = cd.current_source()
# Anything drawn only for some P and Q sits in a keyed slot, so that the elements after it keep
# their place and the browser keeps their charts and tables (tests/test_stable_layout.py).
with st.container(key="codes-explorer-link"):
    if S.get("source") == "explorer":
        st.page_link("pages/lessons/explorer.py", label=t("page.explorer"),
                     icon=":material/compare_arrows:")
if src.p is None:
    st.warning(t("cd.explorer.problem"), icon=":material/warning:")
    for problem in src.problems:
        st.error(problems.message(problem, table=t("cd.explorer.table")),
                 icon=":material/error:")
else:  # the results need a valid P and Q
    view = cd.codes(src, ui.lang())
    c = view.c
    pq = {"p": np.array(src.p), "q": np.array(src.q)}

    # ---- Codes: the opening experiment ----------------------------------------------------
    st.header(t("cd.codes"), divider="gray")
    ui.layout.takeaway(t("cd.codes.takeaway"))
    cd.code_table(view.table)
    with st.container(key="codes-notes"):
        for kind, sentence in view.notes:
            (st.warning if kind == "warning" else st.info)(
                sentence, icon=":material/block:" if kind == "warning" else ":material/info:")
    with st.expander(t("cd.codes.how"), icon=":material/account_tree:"):
        st.markdown(t("cd.codes.intro"))
        st.markdown(t("cd.why_bits"))

    # ---- What each code spends ------------------------------------------------------------
    st.header(t("cd.lengths"), divider="gray")
    one_event = np.count_nonzero(src.p) == 1
    own_shown = checkpoint.ask("codes", "code_length", pq)
    if own_shown:
        r1 = st.columns(2)
        cd.metric(r1[0], t("cd.m.h_p"), c.h_p)
        cd.metric(r1[1], t("cd.m.l_p"), c.l_p, t("cd.m.help.l_p"))
        # The bound (never below H(P), less than 1 bit above) brackets the answer: it follows.
        ui.layout.takeaway(t("cd.lengths.takeaway_one" if one_event else "cd.lengths.takeaway"))
        ui.layout.explain(view.own)
    else:
        cd.metric(st, t("cd.m.h_p"), c.h_p)
        st.caption(t("cd.hold.own"))

    other_shown = checkpoint.ask("codes", "wrong_code", pq)
    if other_shown:
        r2 = st.columns(3)
        cd.metric(r2[0], t("cd.m.l_q"), c.l_q, t("cd.m.help.l_q"))
        cd.metric(r2[1], t("cd.m.extra"), c.l_q - c.l_p, t("cd.m.help.extra"))  # ∞ - L_P = ∞
        cd.metric(r2[2], t("cd.m.kl"), c.kl)
        r3 = st.columns(3)
        cd.metric(r3[0], t("cd.m.ce"), c.ce)
        cd.metric(r3[1], t("cd.m.l_s"), c.l_s, t("cd.m.help.l_s"))
        ui.layout.takeaway(t("cd.wrong.takeaway"))
        ui.layout.explain(*view.sentences)
        st.subheader(t("cd.chart.title"))
        if view.chart is not None:
            ui.chart(charts_codes.identity_bars, view.chart, text=view.chart_text)
            with st.expander(t("cd.chart.numbers"), icon=":material/table_rows:"):
                ui.layout.table(view.chart_numbers)
                st.markdown(view.shannon)
        else:
            st.caption(t("cd.chart.infinite"))
    else:
        st.caption(t("cd.hold.other"))

    # ---- A message ------------------------------------------------------------------------
    @ui.fragment
    def message_section(src):
        st.header(t("cd.message"), divider="gray")
        a, b = st.columns(2)
        length = S.number("length", t("cd.message.length"), where=a, step=10)
        seed = S.number("seed", t("cd.message.seed"), where=b, step=1,
                        help=t("cd.message.seed.help"))
        v = cd.message(src, int(length), int(seed), ui.lang())
        m = v.m
        n = m.symbols.size
        st.markdown(f"**{t('cd.message.symbols', n=f'{n:,}')}**")
        st.html(v.symbols)
        st.html(v.legend)
        left, right = st.columns(2)
        with left:
            st.markdown(f"**{t('cd.message.with_p', bits=f'{len(m.bits_p):,}')}**")
            st.html(v.bits_p)
        with right:
            if m.bits_q is None:
                event, pos = m.missing
                st.warning(t("cd.message.q_fails", event=fmt.text(src.labels[event]),
                             pos=f"{pos + 1:,}"), icon=":material/block:")
            else:
                st.markdown(f"**{t('cd.message.with_q', bits=f'{len(m.bits_q):,}')}**")
                st.html(v.bits_q)
        with st.container(key="codes-shown"):
            if n > cd.MAX_SHOWN:
                st.caption(t("cd.message.shown", shown=f"{cd.MAX_SHOWN:,}", n=f"{n:,}"))
        st.markdown("\n\n".join(v.rates))
        ok, sentence = v.decoded
        (st.success if ok else st.error)(sentence, icon=":material/check_circle:" if ok
                                         else ":material/error:")

    with st.container(key="codes-message"):
        if own_shown and other_shown:
            message_section(src)
        else:  # a message's bits per symbol are both checkpoints' answers, measured
            st.header(t("cd.message"), divider="gray")
            st.caption(t("cd.hold.message"))
    st.page_link("pages/lessons/compression.py", label=t("cd.link.compression"),
                 icon=":material/compress:")

    # ---- The 16-bit number (a side example) -----------------------------------------------
    @ui.fragment
    def sixteen_section():
        st.markdown(t("cd.sixteen.intro"))
        theta = S.choice("theta", t("cd.sixteen.theta"),
                         {th: fmt.prob(th) for th in cd.THETAS}, widget="segmented_control")
        st.markdown("\n\n".join(cd.sixteen(float(theta), ui.lang())))

    with st.expander(t("cd.sixteen"), icon=":material/pin:"):
        sixteen_section()

    # ---- Samples, the sample's own distribution and the plug-in bias -----------------------
    # One fragment for both: the plug-in section draws its samples with the seed set above.
    @ui.fragment
    def sampling_sections(src):
        st.header(t("cd.samples"), divider="gray")
        ui.layout.takeaway(t("cd.samples.takeaway"))
        a, b = st.columns([3, 2])
        n = S.choice("n", t("cd.samples.n"), {k: f"{k:,}" for k in cd.SAMPLE_SIZES},
                     where=a, widget="segmented_control")
        seed = int(S.number("sample_seed", t("cd.samples.seed"), where=b, step=1))
        s = cd.samples(src, int(n), seed, ui.lang())
        ui.chart(charts_codes.running_chart, s.chart, text=s.text, names=tuple(s.names.values()),
                 colors=tuple(cd.QUANTITY_COLORS[k] for k in s.names))
        with st.container(key="codes-infinite"):
            if s.infinite:
                st.warning(s.infinite, icon=":material/all_inclusive:")
        st.markdown(t("cd.samples.final.head", n=f"{s.r.n:,}") + "\n"
                    + "\n".join(f"- {sentence}" for sentence in s.final))
        with st.container(key="codes-outside"):
            if s.outside:  # the takeaway says "settle on": this run has not (yet)
                st.info(s.outside, icon=":material/info:")
        with st.expander(t("cd.samples.how"), icon=":material/function:"):
            st.markdown(t("cd.samples.intro"))

        st.header(t("cd.mle"), divider="gray")
        ui.layout.takeaway(t("cd.mle.takeaway_one" if np.count_nonzero(src.p) == 1
                             else "cd.mle.takeaway"))
        size = int(S.number("mle_n", t("cd.mle.n"), where=st.columns([1, 2])[0], step=1))
        v = cd.estimates(src, size, seed, ui.lang())
        e = v.e
        m1 = st.columns(3)
        cd.metric(m1[0], t("cd.mle.m.plug_in"), e.plug_in)
        cd.metric(m1[1], t("cd.mle.m.mm"), e.miller_madow, t("cd.mle.m.help.mm"))
        cd.metric(m1[2], t("cd.mle.m.h_p"), e.entropy_p)
        m2 = st.columns(3)
        cd.metric(m2[0], t("cd.mle.m.ce_p"), e.cross_entropy_p, t("cd.mle.m.help.ce_p"))
        cd.metric(m2[1], t("cd.mle.m.ce_q"), e.cross_entropy_q, t("cd.mle.m.help.ce_q"))
        with st.container(key="codes-high"):
            if v.high:  # the takeaway says "low on average": this one sample came out above
                st.caption(v.high)
        # [3, 4]: at 1280 px beside the sidebar the table has the width of its four columns.
        table_col, words_col = st.columns([3, 4], gap="large")
        ui.layout.table(v.table, where=table_col)
        ui.layout.explain(*v.sentences[1:], where=words_col)  # events never drawn
        with words_col.expander(t("cd.mle.how"), icon=":material/function:"):
            st.markdown(v.sentences[0] + "\n\n" + t("cd.mle.intro"))

        st.subheader(t("cd.bias"))
        if v.bias is None:
            st.info(t("cd.bias.none"), icon=":material/info:")
            return
        ui.chart(charts_codes.bias_chart, v.bias, text=v.bias_text, names=v.bias_names)
        st.markdown(v.bias_sentence + "\n\n" + v.rule_sentence)
        with st.expander(t("cd.bias.how"), icon=":material/function:"):
            st.markdown(t("cd.bias.intro", repeats=f"{cd.BIAS_REPEATS:,}"))
            ui.layout.table(v.bias_numbers)

    with st.container(key="codes-sampling"):
        sampling_sections(src)

with st.expander(t("cd.teachers"), icon=":material/school:"):
    st.markdown(t("cd.teachers.body"))
