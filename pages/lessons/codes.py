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
    labels, p, q = src.labels, src.p, src.q
    view = cd.codes(labels, p, q, ui.lang())
    c = view.c

    # ---- Codes ----------------------------------------------------------------------------
    st.header(t("cd.codes"), divider="gray")
    st.markdown(t("cd.codes.intro"))
    st.dataframe(view.table, hide_index=True, width="stretch",
                 column_config={t(f"cd.col.{k}"): st.column_config.TextColumn(
                     help=t("cd.col.help.info")) for k in ("info_p", "info_q")})
    for kind, sentence in view.notes:
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
    st.markdown("\n\n".join(view.sentences))
    st.subheader(t("cd.chart.title"))
    if view.chart is not None:
        ui.chart(charts_codes.identity_bars, view.chart, text=view.chart_text)
    else:
        st.caption(t("cd.chart.infinite"))

    # ---- A message ------------------------------------------------------------------------
    @ui.fragment
    def message_section(labels, p, q):
        st.header(t("cd.message"), divider="gray")
        a, b = st.columns(2)
        length = S.number("length", t("cd.message.length"), where=a, step=10)
        seed = S.number("seed", t("cd.message.seed"), where=b, step=1,
                        help=t("cd.message.seed.help"))
        v = cd.message(labels, p, q, int(length), int(seed), ui.lang())
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
                st.warning(t("cd.message.q_fails", event=fmt.text(labels[event]),
                             pos=f"{pos + 1:,}"), icon=":material/block:")
            else:
                st.markdown(f"**{t('cd.message.with_q', bits=f'{len(m.bits_q):,}')}**")
                st.html(v.bits_q)
        if n > cd.MAX_SHOWN:
            st.caption(t("cd.message.shown", shown=f"{cd.MAX_SHOWN:,}", n=f"{n:,}"))
        st.markdown("\n\n".join(v.rates))
        ok, sentence = v.decoded
        (st.success if ok else st.error)(sentence, icon=":material/check_circle:" if ok
                                         else ":material/error:")

    message_section(labels, p, q)

    # ---- The 16-bit number ----------------------------------------------------------------
    @ui.fragment
    def sixteen_section():
        st.header(t("cd.sixteen"), divider="gray")
        st.markdown(t("cd.sixteen.intro"))
        theta = S.choice("theta", t("cd.sixteen.theta"),
                         {th: fmt.prob(th) for th in cd.THETAS}, widget="segmented_control")
        st.markdown("\n\n".join(cd.sixteen(float(theta), ui.lang())))

    sixteen_section()

    # ---- Samples, the sample's own distribution and the plug-in bias -----------------------
    # One fragment for both: the plug-in section draws its samples with the seed set above.
    @ui.fragment
    def sampling_sections(labels, p, q):
        st.header(t("cd.samples"), divider="gray")
        st.markdown(t("cd.samples.intro"))
        a, b = st.columns([3, 2])
        n = S.choice("n", t("cd.samples.n"), {k: f"{k:,}" for k in cd.SAMPLE_SIZES},
                     where=a, widget="segmented_control")
        seed = int(S.number("sample_seed", t("cd.samples.seed"), where=b, step=1))
        s = cd.samples(labels, p, q, int(n), seed, ui.lang())
        ui.chart(charts_codes.running_chart, s.chart, text=s.text, names=tuple(s.names.values()),
                 colors=tuple(cd.QUANTITY_COLORS[k] for k in s.names))
        if s.infinite:
            st.warning(s.infinite, icon=":material/all_inclusive:")
        st.markdown("\n".join(f"- {sentence}" for sentence in s.final))

        st.header(t("cd.mle"), divider="gray")
        st.markdown(t("cd.mle.intro"))
        n = int(S.number("mle_n", t("cd.mle.n"), step=1))
        v = cd.estimates(labels, p, q, n, seed, ui.lang())
        e = v.e
        table_col, numbers_col = st.columns([2, 3])
        table_col.dataframe(v.table, hide_index=True, width="stretch")
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
        st.markdown("\n\n".join(v.sentences))
        st.subheader(t("cd.bias"))
        st.markdown(t("cd.bias.intro", repeats=f"{cd.BIAS_REPEATS:,}"))
        if v.bias is None:
            st.info(t("cd.bias.none"), icon=":material/info:")
            return
        ui.chart(charts_codes.bias_chart, v.bias, text=v.bias_text, names=v.bias_names)
        st.markdown(v.bias_sentence)

    sampling_sections(labels, p, q)

    # ---- Links ----------------------------------------------------------------------------
    st.header(t("cd.links"), divider="gray")
    st.page_link("pages/lessons/explorer.py", label=t("cd.link.explorer"),
                 icon=":material/compare_arrows:")
    st.page_link("pages/lessons/information.py", label=t("cd.link.information"),
                 icon=":material/lightbulb:")
