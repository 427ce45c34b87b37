"""Codes & samples: Huffman and Shannon codes for P and Q, an encoded message, the 16-bit
example, running averages over samples from P and the plug-in entropy's bias."""

import numpy as np
import streamlit as st

import ui
from lib import charts_codes
from ui import codes as cd
from ui import fmt, problems, t

S = cd.S

st.title(t("page.codes"))
st.markdown(t("cd.intro"))
note = cd.unit_note()
st.info(t("cd.why_bits") + (f" {note}" if note else ""), icon=":material/looks_one:")

# ---- P and Q --------------------------------------------------------------------------
st.markdown(f"**{t('cd.source')}**")
S.preset_buttons({name: t(f"cd.preset.{name}") for name in S.presets},
                 helps={name: t(f"cd.preset.help.{name}") for name in S.presets})
src = cd.current_source()
if S.get("source") == "explorer":
    st.page_link("pages/lessons/explorer.py", label=t("cd.explorer.link"),
                 icon=":material/compare_arrows:")
if src.p is None:
    st.warning(t("cd.explorer.problem"), icon=":material/warning:")
    for problem in src.problems:
        st.error(problems.message(problem, table=t("cd.explorer.table")),
                 icon=":material/error:")
else:  # the results need a valid P and Q
    p, q, labels = src.p, src.q, src.labels
    pt, qt = tuple(float(x) for x in p), tuple(float(x) for x in q)
    c = cd.build_codes(pt, qt)

    # ---- Codes ----------------------------------------------------------------------------
    st.header(t("cd.codes"), divider="gray")
    st.markdown(t("cd.codes.intro"))
    st.dataframe(cd.code_table(labels, pt, qt), hide_index=True, width="stretch",
                 column_config={t(f"cd.col.{k}"): st.column_config.TextColumn(
                     help=t("cd.col.help.info")) for k in ("info_p", "info_q")})
    for kind, sentence in cd.code_notes(labels, p, q):
        (st.warning if kind == "warning" else st.info)(
            sentence, icon=":material/block:" if kind == "warning" else ":material/info:")

    # ---- Expected lengths -----------------------------------------------------------------
    st.header(t("cd.lengths"), divider="gray")
    r1 = st.columns(2)
    r1[0].metric(t("cd.m.h_p"), cd.bits(c.h_p))
    r1[1].metric(t("cd.m.l_p"), cd.bits(c.l_p), help=t("cd.m.help.l_p"))
    r2 = st.columns(3)
    r2[0].metric(t("cd.m.ce"), cd.bits(c.ce))
    r2[1].metric(t("cd.m.l_s"), cd.bits(c.l_s), help=t("cd.m.help.l_s"))
    r2[2].metric(t("cd.m.l_q"), cd.bits(c.l_q), help=t("cd.m.help.l_q"))
    r3 = st.columns(2)
    r3[0].metric(t("cd.m.kl"), cd.bits(c.kl))
    r3[1].metric(t("cd.m.extra"), cd.bits(c.l_q - c.l_p if np.isfinite(c.l_q) else np.inf),
                 help=t("cd.m.help.extra"))
    st.markdown("\n\n".join(cd.bound_sentences(c, p, q) + cd.extra_sentences(c)))
    st.subheader(t("cd.chart.title"))
    if np.isfinite(c.ce):
        text = cd.identity_text()
        ui.chart(charts_codes.identity_bars,
                 {"parts": cd.identity_data(c.h_p, c.kl, tuple(cd.identity_rows(c)),
                                            tuple(text.items()))},
                 text=text)
    else:
        st.caption(t("cd.chart.infinite"))

    # ---- A message ------------------------------------------------------------------------
    @ui.fragment
    def message_section(pt, qt, labels):
        st.header(t("cd.message"), divider="gray")
        a, b = st.columns(2)
        length = S.number("length", t("cd.message.length"), where=a, step=10)
        seed = S.number("seed", t("cd.message.seed"), where=b, step=1,
                        help=t("cd.message.seed.help"))
        c = cd.build_codes(pt, qt)
        m = cd.build_message(pt, qt, int(length), int(seed))
        symbols, legend, bits_p, bits_q = cd.message_html(labels, pt, qt, length, seed)
        n = m.symbols.size
        st.markdown(f"**{t('cd.message.symbols', n=f'{n:,}')}**")
        st.html(symbols)
        st.html(legend)
        left, right = st.columns(2)
        with left:
            st.markdown(f"**{t('cd.message.with_p', bits=f'{len(m.bits_p):,}')}**")
            st.html(bits_p)
        with right:
            if m.bits_q is None:
                event, pos = m.missing
                st.warning(t("cd.message.q_fails", event=fmt.text(labels[event]),
                             pos=f"{pos + 1:,}"), icon=":material/block:")
            else:
                st.markdown(f"**{t('cd.message.with_q', bits=f'{len(m.bits_q):,}')}**")
                st.html(bits_q)
        if n > cd.MAX_SHOWN:
            st.caption(t("cd.message.shown", shown=f"{cd.MAX_SHOWN:,}", n=f"{n:,}"))
        st.markdown("\n\n".join(cd.rate_sentences(m, c)))
        ok, sentence = cd.decoded_sentence(m)
        (st.success if ok else st.error)(sentence, icon=":material/check_circle:" if ok
                                         else ":material/error:")

    message_section(pt, qt, labels)

    # ---- The 16-bit number ----------------------------------------------------------------
    @ui.fragment
    def sixteen_section():
        st.header(t("cd.sixteen"), divider="gray")
        st.markdown(t("cd.sixteen.intro"))
        theta = S.choice("theta", t("cd.sixteen.theta"),
                         {th: fmt.prob(th) for th in cd.THETAS}, widget="segmented_control")
        st.markdown("\n\n".join(cd.sixteen_sentences(cd.sixteen_bits(float(theta)))))

    sixteen_section()

    # ---- Samples --------------------------------------------------------------------------
    def samples_section(pt, qt, labels):
        st.header(t("cd.samples"), divider="gray")
        st.markdown(t("cd.samples.intro"))
        a, b = st.columns([3, 2])
        n = S.choice("n", t("cd.samples.n"), {k: f"{k:,}" for k in cd.SAMPLE_SIZES},
                     where=a, widget="segmented_control")
        seed = S.number("sample_seed", t("cd.samples.seed"), where=b, step=1)
        r = cd.running(pt, qt, int(n), int(seed))
        names = cd.quantity_names()
        ui.chart(charts_codes.running_chart,
                 dict(cd.running_chart_data(pt, qt, int(n), int(seed), tuple(names.items()))),
                 text=cd.running_text(), names=tuple(names.values()),
                 colors=tuple(cd.QUANTITY_COLORS[k] for k in names))
        infinite = cd.infinite_sentence(r, pt, labels)
        if infinite:
            st.warning(infinite, icon=":material/all_inclusive:")
        st.markdown("\n".join(f"- {sentence}" for sentence in cd.final_sentences(r)))

    # ---- The sample's own distribution and the plug-in bias -------------------------------
    def mle_section(pt, qt, labels):
        st.header(t("cd.mle"), divider="gray")
        st.markdown(t("cd.mle.intro"))
        n = int(S.number("mle_n", t("cd.mle.n"), step=1))
        seed = int(S.get("sample_seed"))
        e = cd.estimate(pt, qt, n, seed)
        table_col, numbers_col = st.columns([2, 3])
        table_col.dataframe(cd.mle_table(labels, pt, qt, n, seed), hide_index=True,
                            width="stretch")
        with numbers_col:
            m1 = st.columns(2)
            m1[0].metric(t("cd.mle.m.plug_in"), cd.bits(e.plug_in))
            m1[1].metric(t("cd.mle.m.mm"), cd.bits(e.miller_madow), help=t("cd.mle.m.help.mm"))
            m2 = st.columns(3)
            m2[0].metric(t("cd.mle.m.h_p"), cd.bits(e.entropy_p))
            m2[1].metric(t("cd.mle.m.ce_p"), cd.bits(e.cross_entropy_p),
                         help=t("cd.mle.m.help.ce_p"))
            m2[2].metric(t("cd.mle.m.ce_q"), cd.bits(e.cross_entropy_q),
                         help=t("cd.mle.m.help.ce_q"))
        st.markdown("\n\n".join(cd.mle_sentences(e)))
        st.subheader(t("cd.bias"))
        st.markdown(t("cd.bias.intro", repeats=f"{cd.BIAS_REPEATS:,}"))
        if e.support < 2:
            st.info(t("cd.bias.none"), icon=":material/info:")
            return
        frame = cd.bias_table(pt, seed, n)
        ui.chart(charts_codes.bias_chart, dict(cd.bias_chart_data(pt, seed, n, cd.bias_names())),
                 text=cd.bias_text(), names=cd.bias_names())
        st.markdown(cd.bias_sentence(frame, n, e.support))

    # One fragment for both: the plug-in section draws its samples with the seed set above.
    @ui.fragment
    def sampling_sections(pt, qt, labels):
        samples_section(pt, qt, labels)
        mle_section(pt, qt, labels)

    sampling_sections(pt, qt, labels)

    # ---- Links ----------------------------------------------------------------------------
    st.header(t("cd.links"), divider="gray")
    st.page_link("pages/lessons/explorer.py", label=t("cd.link.explorer"),
                 icon=":material/compare_arrows:")
    st.page_link("pages/lessons/information.py", label=t("cd.link.information"),
                 icon=":material/lightbulb:")
