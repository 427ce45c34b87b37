"""Settings, cached results and wording of the codes-and-samples page.

The page reads P and Q either from the explorer's table (its :class:`ui.state.PageState`,
shared, so a link to this page carries the explorer's P and Q as ``pq.*`` parameters) or from
one of this page's own examples (:data:`lib.presets.CODE_EXAMPLES`). Every sentence here is
picked from the numbers it describes; the numbers come from :mod:`lib.coding` and
:mod:`lib.sampling`.

Each section of the page has one cached function returning everything it shows (caching
policy: see :mod:`ui.explorer`).
"""

from __future__ import annotations

import html
import math
from collections import namedtuple

import numpy as np
import pandas as pd
import streamlit as st

from lib import charts_codes, coding, info, sampling
from lib.charts import CE_COLOR, KL_COLOR, P_COLOR
from lib.presets import CODE_EXAMPLES
from ui import explorer, fmt, layout
from ui.charts import arrow_table, datasets
from ui.i18n import event_name, lang, t
from ui.state import PageState, Setting

EXPLORER = explorer.S
SOURCES = ("explorer", *CODE_EXAMPLES)
SAMPLE_SIZES = (100, 1_000, 10_000, 100_000, 1_000_000)
THETAS = (0.5, 0.25, 0.1, 0.01)
#: Sample sizes of the bias chart, and the samples averaged at each.
BIAS_SIZES = (2, 3, 5, 10, 20, 50, 100, 200, 500, 1000)
BIAS_REPEATS = 1000
#: Longest message whose symbols and bits are drawn (the counts cover the whole message).
MAX_SHOWN = 300
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf", "#ff7f0e")
QUANTITY_COLORS = {"info_p": P_COLOR, "info_q": CE_COLOR, "log_ratio": KL_COLOR}

S = PageState("codes", [
    Setting("source", "explorer", "choice", choices=SOURCES),
    Setting("length", 40, "int", lo=1, hi=2000),
    Setting("seed", 1, "int", lo=0, hi=999_999),
    Setting("n", 10_000, "choice", choices=SAMPLE_SIZES),
    Setting("sample_seed", 0, "int", lo=0, hi=999_999),
    Setting("mle_n", 20, "int", lo=1, hi=2000),
    Setting("theta", 0.1, "choice", choices=THETAS),
], presets={"explorer": {}, **{name: {"source": name} for name in CODE_EXAMPLES}},
    shared=[EXPLORER])


# ---- P and Q, units --------------------------------------------------------------------------

#: The events' names, P and Q as tuples (None, with the table's ``problems``, when the
#: explorer's table describes no P and Q).
Source = namedtuple("Source", "labels p q problems")


def current_source() -> Source:
    """P, Q and the event names the page works on (problems when the explorer's table is bad)."""
    name = S.get("source")
    if name != "explorer":
        ex = CODE_EXAMPLES[name]
        return Source(tuple(event_name(e) for e in ex.events), ex.p, ex.q, ())
    read = explorer.read_table(EXPLORER.get("table"), EXPLORER.get("mode") == "counts", lang())
    if not read.ok:
        return Source(tuple(read.labels), None, None, tuple(read.problems))
    return Source(tuple(read.labels), tuple(read.p.tolist()), tuple(read.q.tolist()), ())


def metric(where, label: str, bits: float, help: str | None = None) -> None:
    """A value in bits as a metric tile (``1.75 bits``); its help gives the value in the
    sidebar's unit too when that is not bits, above the tile's own ``help``."""
    other = layout.in_units(bits, 2) if math.isfinite(bits) else None
    helps = (t("cd.in_unit.help", other=other) if other else None, help)
    where.metric(label, fmt.amount(bits, t("unit.bits")),
                 help="\n\n".join(h for h in helps if h) or None)


def unit_note() -> str | None:
    """The sentence naming the reader's unit, when it is not bits."""
    one_bit = layout.in_units(1.0, 2)
    return one_bit and t("cd.why_bits.unit", unit=layout.unit_label(), one_bit=one_bit)


def pair(a: float, b: float) -> tuple[str, str]:
    """Two code lengths (at least 1 bit) as they read differently: three significant digits,
    or as many more as it takes (``1.0000000000`` against ``1.0000000002``)."""
    return fmt.apart(a, b, lambda x, d: fmt.short(x) if d == 3 else fmt.sig(x, d), 3)


# ---- Codes and expected lengths ----------------------------------------------------------------

#: The codes (:class:`lib.coding.Codes`), the table of every event's probabilities,
#: information and codewords, ``notes`` ((kind, sentence): zero probabilities, one event, ties),
#: the sentences on P's ``own`` code, Q's ``shannon`` code (None: H(P,Q) is ∞) and Q's Huffman
#: code, and the chart's datasets (None: H(P,Q) is ∞), words and exact numbers.
CodesView = namedtuple("CodesView", "c table notes own shannon sentences chart chart_text "
                       "chart_numbers")


#: Differences below this are equalities (sums of a few products of floats).
EXACT = 1e-9


def own_sentence(c: coding.Codes, p: np.ndarray) -> str:
    """P's own code against the entropy: the bounds, L = H, or the one-event convention."""
    if np.count_nonzero(p) == 1:
        return t("cd.bounds.own_one", l=fmt.short(c.l_p))
    if abs(c.l_p - c.h_p) <= EXACT:
        return t("cd.bounds.own_exact", h=fmt.short(c.h_p))
    l_text, h1 = pair(c.l_p, c.h_p + 1)
    return t("cd.bounds.own", h=fmt.short(c.h_p), l=l_text, h1=h1)


def shannon_sentence(c: coding.Codes) -> str | None:
    """Q's Shannon code used on P against H(P,Q) (None when H(P,Q) is ∞)."""
    if not math.isfinite(c.ce):
        return None
    if c.l_s >= c.ce + 1:  # only through a length 0 (q = 1) raised to 1 bit
        return t("cd.bounds.shannon_one", l=fmt.short(c.l_s), ce=fmt.short(c.ce))
    l_text, ce1 = pair(c.l_s, c.ce + 1)
    return t("cd.bounds.shannon", ce=fmt.short(c.ce), l=l_text, ce1=ce1)


def other_sentences(c: coding.Codes) -> list[str]:
    """Q's Huffman code used on P: the extra bits against KL(P‖Q). "Nothing is lost to
    rounding" is said only when both codes spend exactly their ideal lengths (L = H(P) and
    L = H(P,Q)), never from the form of the probabilities alone."""
    out = []
    if not math.isfinite(c.l_q) or not math.isfinite(c.kl):
        return [*out, t("cd.extra.infinite")]
    extra = c.l_q - c.l_p
    diff = extra - c.kl
    if abs(diff) <= EXACT:
        ideal = abs(c.l_p - c.h_p) <= EXACT and abs(c.l_q - c.ce) <= EXACT
        key = "cd.extra.exact" if ideal else "cd.extra.exact_by_chance"
        return [*out, t(key, extra=fmt.short(extra), kl=fmt.short(c.kl))]
    out.append(t("cd.extra.rounded", extra=fmt.short(extra), kl=fmt.short(c.kl),
                 diff=fmt.short(diff)))
    if c.l_q - c.ce < -EXACT:
        out.append(t("cd.round.negative"))
    return out


@st.cache_resource(max_entries=64, show_spinner=False)
def codes(labels: tuple[str, ...], p: tuple[float, ...], q: tuple[float, ...],
          language: str) -> CodesView:
    """:func:`lib.coding.build_codes` of P and Q with its table, notes, sentences and chart."""
    c = coding.build_codes(p, q)
    pa_, qa = np.array(p), np.array(q)
    none = t("cd.no_codeword")

    def words(code: tuple) -> tuple[list[str], list[str]]:
        return ([none if w is None else w for w in code],
                ["—" if w is None else str(len(w)) for w in code])

    (huff_p, len_p), (huff_q, len_q) = words(c.huff_p), words(c.huff_q)
    table = arrow_table({
        t("cd.col.event"): labels, t("cd.col.p"): [fmt.prob(x) for x in p],
        t("cd.col.q"): [fmt.prob(x) for x in q],
        # The codes before the ideal lengths: on a phone the first checkpoint's column, the
        # bits of P's code, is on screen without scrolling sideways.
        t("cd.col.huff_p"): huff_p, t("cd.col.huff_p_len"): len_p,
        t("cd.col.huff_q"): huff_q, t("cd.col.huff_q_len"): len_q,
        t("cd.col.info_p"): [fmt.short(x) for x in info.information_content(pa_, 2)],
        t("cd.col.info_q"): [fmt.short(x) for x in info.information_content(qa, 2)],
        t("cd.col.shannon_q"): words(c.shannon_q)[0],
        t("cd.col.shannon_q_len"): ["—" if k < 0 else str(int(k)) for k in c.shannon_lengths]})
    notes = []
    for kind, key, mask in (("warning", "cd.q_zero", (pa_ > 0) & (qa == 0)),
                            ("info", "cd.p_zero", pa_ == 0)):
        if mask.any():
            notes.append((kind, t(key + (".many" if mask.sum() > 1 else ""),
                                  events=explorer.event_names(labels, mask))))
    if np.count_nonzero(pa_) == 1:
        notes.append(("info", t("cd.one_event")))
    elif np.count_nonzero(qa) == 1:
        notes.append(("info", t("cd.one_event_q")))
    if coding.ties_split(pa_) or coding.ties_split(qa):
        notes.append(("info", t("cd.ties")))
    text = {"x": t("cd.chart.x"), "row": t("cd.chart.row"), "part": t("cd.chart.part"),
            "value": t("cd.chart.value"), "total": t("cd.chart.total"),
            "h": t("cd.chart.part.h"), "kl": t("cd.chart.part.kl"),
            "round": t("cd.chart.part.round")}
    rows = [(t("cd.chart.row.ideal_p"), c.h_p, False), (t("cd.chart.row.ideal_q"), c.ce, True),
            (t("cd.chart.row.huff_p"), c.l_p, False),
            (t("cd.chart.row.shannon_q"), c.l_s, True), (t("cd.chart.row.huff_q"), c.l_q, True)]
    chart = (datasets(charts_codes.identity_bars_data(c.h_p, c.kl, rows, text))
             if math.isfinite(c.ce) else None)
    numbers = arrow_table({
        t("cd.chart.row"): [row for row, _, _ in rows],
        t("cd.chart.col.ideal"): [fmt.exact(c.ce if with_kl else c.h_p)
                                  for _, _, with_kl in rows],
        t("cd.chart.part.h"): [fmt.exact(c.h_p)] * len(rows),
        t("cd.chart.part.kl"): [fmt.exact(c.kl) if with_kl else "0" for _, _, with_kl in rows],
        t("cd.chart.part.round"): [fmt.exact(total - (c.ce if with_kl else c.h_p))
                                   if math.isfinite(total) else "—"
                                   for _, total, with_kl in rows],
        t("cd.chart.total"): [fmt.exact(total) for _, total, _ in rows]})
    return CodesView(c, table, tuple(notes), own_sentence(c, pa_), shannon_sentence(c),
                     tuple(other_sentences(c)), chart, text, numbers)


# ---- A message ---------------------------------------------------------------------------------

#: The message (:class:`lib.coding.Message`) as HTML: its events as coloured names and their
#: legend, its bits under P's code and under Q's (None: Q's code cannot encode it), one coloured
#: span per codeword; the rates' sentences and (decoded?, the sentence saying so).
MessageView = namedtuple("MessageView", "m symbols legend bits_p bits_q rates decoded")


def _span(text_: str, event: int, label: str) -> str:
    color = PALETTE[event % len(PALETTE)]
    return (f'<span title="{html.escape(label)}" style="color:{color}; '
            f'border-bottom: 2px solid {color}; margin-right: 1px;">{html.escape(text_)}</span>')


def _box(symbols: np.ndarray, texts: list[str], labels: tuple[str, ...], sep: str) -> str:
    """The first symbols as spans of their ``texts`` (names or codewords; escaped: a label is
    never read as HTML) in a scrolling box."""
    wrap = "" if sep else "word-break: break-all; "
    inner = sep.join(_span(texts[s], s, labels[s]) for s in symbols[:MAX_SHOWN].tolist())
    return ('<div style="font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; '
            f'font-size: 0.92rem; line-height: 1.7; {wrap}overflow-wrap: anywhere;'
            ' max-height: 16rem; overflow-y: auto; padding: 0.4rem 0.6rem; '
            'border: 1px solid rgba(128,128,128,0.35); border-radius: 0.4rem;">'
            f'{inner}</div>')


@st.cache_resource(max_entries=64, show_spinner=False)
def message(labels: tuple[str, ...], p: tuple[float, ...], q: tuple[float, ...], length: int,
            seed: int, language: str) -> MessageView:
    """:func:`lib.coding.encode_message` of a message of ``length`` events drawn from P, as
    HTML, with its rates and whether it decodes."""
    c = coding.build_codes(p, q)
    m = coding.encode_message(c, p, length, seed)
    present = np.flatnonzero(np.bincount(m.symbols, minlength=len(labels)) > 0)
    legend = (f'<div style="line-height: 1.8;">{html.escape(t("cd.message.legend"))}'
              f'{"&ensp;".join(_span(labels[i], int(i), labels[i]) for i in present)}</div>')
    count = m.symbols.size
    per_p = len(m.bits_p) / count
    if m.bits_q is None:
        rates = [t("cd.message.rate_p", per_p=fmt.short(per_p), h=fmt.short(c.h_p))]
    else:
        rates = [t("cd.message.rate", per_p=fmt.short(per_p), h=fmt.short(c.h_p),
                   per_q=fmt.short(len(m.bits_q) / count), ce=fmt.short(c.ce))]
        extra = len(m.bits_q) - len(m.bits_p)
        if extra > 0:
            rates.append(t("cd.message.more", extra=f"{extra:,}"))
        elif extra < 0:
            key = "cd.message.fewer" if c.l_q > c.l_p + 1e-12 else "cd.message.fewer_tie"
            rates.append(t(key, extra=f"{-extra:,}"))
        else:
            rates.append(t("cd.message.same"))
    if not m.decoded_ok_p or m.decoded_ok_q is False:
        decoded = (False, t("cd.message.mismatch"))
    else:
        key = "cd.message.decoded_p" if m.bits_q is None else "cd.message.decoded"
        decoded = (True, t(key, n=f"{count:,}"))
    return MessageView(m, _box(m.symbols, list(labels), labels, " "), legend,
                       _box(m.symbols, list(c.huff_p), labels, ""),
                       None if m.bits_q is None else _box(m.symbols, list(c.huff_q), labels, ""),
                       tuple(rates), decoded)


# ---- The 16-bit number ---------------------------------------------------------------------------

@st.cache_resource(max_entries=8, show_spinner=False)
def sixteen(theta: float, language: str) -> tuple[str, ...]:
    """What :func:`lib.coding.word_code` finds for a 16-bit number with P(1) = ``theta``."""
    w = coding.word_code(theta)
    return (t("cd.sixteen.result", h=fmt.short(w.h), l=fmt.short(w.l), lo=w.lo, hi=w.hi),
            t("cd.sixteen.uniform", l=w.lo) if w.lo == w.hi
            else t("cd.sixteen.saving", saved=fmt.short(16 - w.l)))


# ---- Samples -----------------------------------------------------------------------------------

#: The running averages, the chart's datasets and words, each quantity's shown name, the
#: final averages in sentences and which draw first made an average ∞ (or None).
SamplesView = namedtuple("SamplesView", "r chart text names final infinite")


@st.cache_resource(max_entries=32, show_spinner=False)
def samples(labels: tuple[str, ...], p: tuple[float, ...], q: tuple[float, ...], size: int,
            seed: int, language: str) -> SamplesView:
    """:func:`lib.sampling.running_averages` of ``size`` draws from P, in bits, with its
    chart."""
    r = sampling.running_averages(p, q, size, seed=seed, base=2)
    names = {k: t(f"cd.q.{k}") for k in sampling.QUANTITIES}
    final = []
    for k, name in names.items():
        name = name.split(" →")[0]
        if math.isinf(r.final[k]):
            final.append(t("cd.samples.final_inf", name=name, exact=fmt.short(r.exact[k])))
        else:
            final.append(t("cd.samples.final", name=name, value=fmt.short(r.final[k]),
                           se=fmt.short(2 * r.final_se[k]), exact=fmt.short(r.exact[k])))
    infinite = None
    if r.first_infinite is not None:
        x = sampling.draw(p, r.first_infinite, r.seed)
        infinite = t("cd.samples.infinite", m=f"{r.first_infinite:,}",
                     event=fmt.text(labels[int(x[-1])]))
    data = charts_codes.running_chart_data(r.table, r.exact, names)
    text = {"x": t("cd.samples.x"), "y": t("cd.samples.y"), "quantity": t("cd.chart.part"),
            "mean": t("cd.samples.mean"), "se": t("cd.samples.se"),
            "exact": t("cd.samples.exact"), "n": "n"}
    return SamplesView(r, datasets(data), text, names, tuple(final), infinite)


# ---- The sample's own distribution and the plug-in bias --------------------------------------

#: The estimates, the table of each event's probability, count and frequency, their
#: sentences; the bias chart's datasets (None: fewer than two events), words and series names,
#: its average at the reader's n and the exact bias against (K − 1)/(2n) in sentences, and its
#: exact numbers.
EstimatesView = namedtuple("EstimatesView", "e table sentences bias bias_text bias_names "
                           "bias_sentence rule_sentence bias_numbers high")


@st.cache_resource(max_entries=16, show_spinner=False)
def _bias_rows(p: tuple[float, ...], seed: int) -> pd.DataFrame:
    """:func:`lib.sampling.plugin_bias` at :data:`BIAS_SIZES` (each size has its own generator,
    so these rows do not change with the reader's own ``n``)."""
    return sampling.plugin_bias(p, BIAS_SIZES, repeats=BIAS_REPEATS, seed=seed, base=2)


def rule_sentence(p: tuple[float, ...], size: int) -> str:
    """The exact bias of the plug-in entropy at ``size`` draws against Miller and Madow's
    first-order ``(K − 1)/(2n)`` nats (:func:`lib.sampling.bias_against_rule`), worded by how
    close they are here (not by a rule about n and K: what matters is that every ``n·pᵢ`` is
    large)."""
    c = sampling.bias_against_rule(p, size, 2)
    fields = {"exact": fmt.short(c.exact), "n": f"{size:,}", "rule": fmt.short(c.rule),
              "np": fmt.short(c.smallest_np)}
    if c.close:
        return t("cd.bias.rule_holds", **fields)
    return t("cd.bias.rule_fails", ratio=fmt.short(c.rule / c.exact), **fields)


@st.cache_resource(max_entries=64, show_spinner=False)
def estimates(labels: tuple[str, ...], p: tuple[float, ...], q: tuple[float, ...], size: int,
              seed: int, language: str) -> EstimatesView:
    """:func:`lib.sampling.estimates` from ``size`` draws, and the plug-in entropy's bias
    (:func:`lib.sampling.plugin_bias`) at :data:`BIAS_SIZES` and ``size``."""
    e = sampling.estimates(p, q, size, seed=seed, base=2)
    table = arrow_table({t("cd.col.event"): labels, t("cd.col.p"): [fmt.prob(x) for x in p],
                         t("cd.mle.col.count"): e.counts.astype(np.int64),
                         t("cd.mle.col.freq"): [fmt.prob(x) for x in e.freqs]})
    sentences = [t("cd.mle.sentence", plug=fmt.short(e.plug_in),
                   ce_p=fmt.short(e.cross_entropy_p), kl=fmt.short(e.kl_to_p))]
    if e.seen < e.support:
        sentences.append(t("cd.mle.unseen", k=e.support - e.seen, K=e.support))
    names = (t("cd.bias.plug_in"), t("cd.bias.mm"))
    text = {"x": t("cd.bias.x"), "y": t("cd.bias.y"), "estimator": t("cd.chart.part"),
            "mean": t("cd.samples.mean"), "se": t("cd.samples.se"), "exact": t("cd.bias.exact"),
            "bias": t("cd.bias.bias"), "n": "n"}
    # The takeaway says H(P̂) comes out low on average; a sample that came out above H(P)
    # is said to be one such sample (None otherwise).
    high = (t("cd.mle.high", plug=fmt.short(e.plug_in), h=fmt.short(e.entropy_p),
              repeats=f"{BIAS_REPEATS:,}") if e.plug_in > e.entropy_p + EXACT else None)
    if e.support < 2:
        return EstimatesView(e, table, tuple(sentences), None, text, names, None, None, None,
                             high)
    frame = _bias_rows(p, seed)
    if size not in BIAS_SIZES:
        extra = sampling.plugin_bias(p, [size], repeats=BIAS_REPEATS, seed=seed, base=2)
        frame = pd.concat([frame, extra]).sort_values("n", ignore_index=True)
    row = frame[frame["n"] == size].iloc[0]
    key = "cd.bias.sentence" if row["bias"] < 0 else "cd.bias.sentence_above"
    sentence = t(key, n=f"{size:,}", plug=fmt.short(row["plug_in"]), repeats=f"{BIAS_REPEATS:,}",
                 bias=fmt.short(abs(row["bias"])), h=fmt.short(row["exact"]),
                 se=fmt.short(2 * row["plug_in_se"]), mm=fmt.short(row["miller_madow"]))
    data = charts_codes.bias_chart_data(frame, names)
    numbers = arrow_table({"n": frame["n"].to_numpy(),
                           names[0]: [fmt.exact(x) for x in frame["plug_in"]],
                           names[1]: [fmt.exact(x) for x in frame["miller_madow"]],
                           t("cd.bias.exact"): [fmt.exact(x) for x in frame["exact"]]})
    return EstimatesView(e, table, tuple(sentences), datasets(data), text, names, sentence,
                         rule_sentence(p, size), numbers, high)
