"""Settings, cached results and wording of the codes-and-samples page.

The page reads P and Q either from the explorer's table (its :class:`ui.state.PageState`,
shared, so a link to this page carries the explorer's P and Q as ``pq.*`` parameters) or from
one of this page's own examples (:data:`lib.presets.CODE_EXAMPLES`). The numbers come from
:mod:`lib.coding` and :mod:`lib.sampling`, and so does which sentence applies (a
:class:`lib.cases.Case`, worded by :func:`say`). Each section of the page has one cached
function returning everything it shows, keyed by the :class:`Source`'s text.
"""

from __future__ import annotations

import math
from collections import namedtuple

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from lib import charts_codes, coding, sampling
from lib.charts import CE_COLOR, KL_COLOR, P_COLOR
from lib.presets import CODE_EXAMPLES
from lib.settings import Setting
from lib import fmt
from ui import explorer, layout
from ui.charts import arrow_table, datasets
from ui.i18n import event_name, lang, listing, say, t
from ui.state import PageState

EXPLORER = explorer.S
SOURCES = ("explorer", *CODE_EXAMPLES)
SAMPLE_SIZES = (100, 1_000, 10_000, 100_000, 1_000_000)
THETAS = (0.5, 0.25, 0.1, 0.01)
#: Sample sizes of the bias chart, and the samples averaged at each.
BIAS_SIZES = (2, 3, 5, 10, 20, 50, 100, 200, 500, 1000)
BIAS_REPEATS = 1000
#: Longest message whose symbols and bits are drawn (the counts cover the whole message).
MAX_SHOWN = 300
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


# ---- P and Q, units, sentences -----------------------------------------------------------------

#: The events' names, P and Q as tuples (None, with the table's ``problems``, when the
#: explorer's table describes no P and Q), and ``key``: their text, which a cached function
#: hashes instead of the tuples (one string instead of every float).
Source = namedtuple("Source", "labels p q problems key")
#: Arguments of every cached function of this page.
CACHE = {"show_spinner": False, "hash_funcs": {Source: lambda source: source.key}}


def current_source() -> Source:
    """P, Q and the event names the page works on (problems when the explorer's table is bad)."""
    name = S.get("source")
    if name != "explorer":
        ex = CODE_EXAMPLES[name]
        labels, p, q = tuple(event_name(e) for e in ex.events), ex.p, ex.q
    else:
        read = explorer.read_table(EXPLORER.get("table"), EXPLORER.get("mode") == "counts", lang())
        if not read.ok:
            return Source(tuple(read.labels), None, None, tuple(read.problems), "")
        labels, p, q = tuple(read.labels), tuple(read.p.tolist()), tuple(read.q.tolist())
    return Source(labels, p, q, (), repr((labels, p, q)))


def metric(where, label: str, bits: float, help: str | None = None) -> None:
    """A value in bits as a metric tile (``1.75 bits``); its help gives the value in the
    sidebar's unit too when that is not bits, above the tile's own ``help``."""
    other = layout.in_units(bits, 2) if math.isfinite(bits) else None
    helps = (t("cd.in_unit.help", other=other) if other else None, help)
    where.metric(label, fmt.amount(bits, t("unit.bits")),
                 help="\n\n".join(h for h in helps if h) or None)


# ---- Tables ---------------------------------------------------------------------------------

#: The code table's columns shown under a short label (``cd.col.short.*``: "bits" for a code's
#: lengths, beside its codewords), so that all eleven fit beside the sidebar at 1280 px; their
#: help says in full what each holds.
SHORT = {"huff_p": "huff_p", "huff_p_len": "len", "huff_q": "huff_q", "huff_q_len": "len",
         "shannon_q": "shannon_q", "shannon_q_len": "len"}


def code_table(table: pa.Table) -> None:
    """The code table (:func:`ui.layout.table`): short labels with their help."""
    labels = {t(f"cd.col.{k}"): t(f"cd.col.short.{short}") for k, short in SHORT.items()}
    helps = {t(f"cd.col.{k}"): t(f"cd.col.help.{k}") for k in (*SHORT, "info_p", "info_q")}
    layout.table(table, labels=labels, helps=helps)


# ---- Codes and expected lengths ----------------------------------------------------------------

#: The codes (:class:`lib.coding.Codes`), the table of every event's probabilities,
#: information and codewords, ``notes`` ((kind, sentence): zero probabilities, one event, ties),
#: the sentences on P's ``own`` code, Q's ``shannon`` code (None: H(P,Q) is ∞) and Q's Huffman
#: code, and the chart's datasets (None: H(P,Q) is ∞), words and exact numbers.
CodesView = namedtuple("CodesView", "c table notes own shannon sentences chart chart_text "
                       "chart_numbers")


@st.cache_resource(max_entries=64, **CACHE)
def codes(src: Source, language: str) -> CodesView:
    """:func:`lib.coding.build_codes` of P and Q with its table, notes, sentences and chart."""
    c = coding.build_codes(src.p, src.q)
    # The codes before the ideal lengths: on a phone the bits of P's code, which the first
    # checkpoint asks about, are on screen without scrolling sideways.
    table = arrow_table({t("cd.col.event"): src.labels} | {t(f"cd.col.{k}"): v for k, v in (
        coding.code_table_text(c, src.p, src.q, t("cd.no_codeword")).items())})
    notes = tuple(("warning" if n.name.startswith("q_zero") else "info",
                   say("cd", n, labels=src.labels))
                  for n in coding.code_notes(src.p, src.q))
    text = {k: t(f"cd.chart.{k}") for k in ("x", "row", "part", "value", "total")}
    text.update({k: t(f"cd.chart.part.{k}") for k in ("h", "kl", "round")})
    rows = coding.cost_rows(c)
    names = [t(f"cd.chart.row.{k}") for k in rows["row"]]
    chart = numbers = None
    if math.isfinite(c.ce):
        chart = datasets(charts_codes.identity_bars_data(
            c.h_p, c.kl, list(zip(names, rows["total"], rows["with_kl"])), text))
        numbers = arrow_table({t("cd.chart.row"): names, **{
            t(key): [fmt.exact(x) for x in rows[name]] for name, key in (
                ("ideal", "cd.chart.col.ideal"), ("h", "cd.chart.part.h"),
                ("kl", "cd.chart.part.kl"), ("round", "cd.chart.part.round"),
                ("total", "cd.chart.total"))}})
    shannon = coding.shannon_bound(c)
    return CodesView(c, table, notes, say("cd", coding.own_bound(c)),
                     shannon and say("cd", shannon),
                     tuple(say("cd", x) for x in coding.extra_bits(c)), chart, text, numbers)


# ---- A message ---------------------------------------------------------------------------------

#: The message (:class:`lib.coding.Message`) as HTML: its events as coloured names and their
#: legend, its bits under P's code and under Q's (None: Q's code cannot encode it), one coloured
#: span per codeword; the rates' sentences and (decoded?, the sentence saying so).
MessageView = namedtuple("MessageView", "m symbols legend bits_p bits_q rates decoded")


@st.cache_resource(max_entries=64, **CACHE)
def message(src: Source, length: int, seed: int, language: str) -> MessageView:
    """:func:`lib.coding.encode_message` of a message of ``length`` events drawn from P, as
    HTML, with its rates and whether it decodes (:func:`lib.coding.message_rates`)."""
    c = codes(src, language).c
    m = coding.encode_message(c, src.p, length, seed)
    *rates, decoded = coding.message_rates(c, m)
    box = lambda texts, sep="": charts_codes.message_box(  # noqa: E731
        m.symbols, texts, src.labels, sep, MAX_SHOWN)
    return MessageView(m, box(src.labels, " "),
                       charts_codes.legend(t("cd.message.legend"), m.symbols, src.labels),
                       box(c.huff_p), None if m.bits_q is None else box(c.huff_q),
                       tuple(say("cd", r) for r in rates),
                       (decoded.name != "message.mismatch", say("cd", decoded)))


# ---- The 16-bit number ---------------------------------------------------------------------------

@st.cache_resource(max_entries=8, show_spinner=False)
def sixteen(theta: float, language: str) -> tuple[str, ...]:
    """What :func:`lib.coding.word_code` finds for a 16-bit number with P(1) = ``theta``."""
    return tuple(say("cd", case) for case in coding.word_cases(coding.word_code(theta)))


# ---- Samples -----------------------------------------------------------------------------------

#: The running averages, the chart's datasets and words, each quantity's shown name, the
#: final averages in sentences and which draw first made an average ∞ (or None).
SamplesView = namedtuple("SamplesView", "r chart text names final infinite outside")


@st.cache_resource(max_entries=32, **CACHE)
def samples(src: Source, size: int, seed: int, language: str) -> SamplesView:
    """:func:`lib.sampling.running_averages` of ``size`` draws from P, in bits, with its
    chart."""
    r = sampling.running_averages(src.p, src.q, size, seed=seed, base=2)
    names = {k: t(f"cd.q.{k}") for k in sampling.QUANTITIES}
    final = tuple(say("cd", case, name=name.split(" →")[0])  # the name without its limit
                  for case, name in zip(coding.final_cases(r), names.values()))
    infinite = r.first_infinite and t("cd.samples.infinite", m=f"{r.first_infinite:,}",
                                      event=fmt.text(src.labels[r.infinite_event]))
    missed = coding.outside_band(r)
    outside = missed and t("cd.samples.outside", names=listing(
        names[k].split(" →")[0] for k in missed.numbers["quantities"]))
    text = {k: t(f"cd.samples.{k}") for k in ("x", "y", "mean", "se", "exact")}
    text.update(quantity=t("cd.chart.part"), n="n")
    return SamplesView(r, datasets(charts_codes.running_chart_data(r.table, r.exact, names)),
                       text, names, final, infinite, outside)


# ---- The sample's own distribution and the plug-in bias --------------------------------------

#: The estimates, the table of each event's probability, count and frequency, their
#: sentences; the bias chart's datasets (None: fewer than two events), words and series names,
#: its average at the reader's n and the exact bias against (K − 1)/(2n) in sentences, its
#: exact numbers, and a sentence when this sample's H(P̂) came out above H(P) (else None).
EstimatesView = namedtuple("EstimatesView", "e table sentences bias bias_text bias_names "
                           "bias_sentence rule_sentence bias_numbers high")


@st.cache_resource(max_entries=2, show_spinner=False)
def bias_draws(seed: int) -> sampling.BiasDraws:
    """:func:`lib.sampling.bias_draws` at :data:`BIAS_SIZES`: the same for every P, so a new P
    only searches them (15 MB a seed)."""
    return sampling.bias_draws(BIAS_SIZES, BIAS_REPEATS, seed)


@st.cache_resource(max_entries=16, show_spinner=False)
def bias_results(p: tuple[float, ...], size: int,
                 seed: int) -> tuple[pd.DataFrame, sampling.BiasCheck]:
    """The plug-in entropy's bias, the same in every language (keyed by P alone, not the
    events' translated names): measured at :data:`BIAS_SIZES` and ``size``
    (:func:`lib.sampling.plugin_bias` of :func:`bias_draws`), and exactly at ``size``
    (:func:`lib.sampling.bias_against_rule`)."""
    return (sampling.plugin_bias(p, sorted({*BIAS_SIZES, size}), repeats=BIAS_REPEATS,
                                 seed=seed, base=2, draws=bias_draws(seed)),
            sampling.bias_against_rule(p, size, 2))


@st.cache_resource(max_entries=64, **CACHE)
def estimates(src: Source, size: int, seed: int, language: str) -> EstimatesView:
    """:func:`lib.sampling.estimates` from ``size`` draws, and the plug-in entropy's bias
    (:func:`lib.sampling.plugin_bias`) at :data:`BIAS_SIZES` and ``size``, against Miller and
    Madow's first-order ``(K − 1)/(2n)`` nats (:func:`lib.sampling.bias_against_rule`: worded
    by how close they are here, not by a rule about n and K)."""
    e = sampling.estimates(src.p, src.q, size, seed=seed, base=2)
    table = arrow_table({t("cd.col.event"): src.labels,
                         t("cd.col.p"): [fmt.prob(x) for x in src.p],
                         t("cd.mle.col.count"): e.counts.astype(np.int64),
                         t("cd.mle.col.freq"): [fmt.prob(x) for x in e.freqs]})
    unseen, above = coding.sample_notes(e, BIAS_REPEATS)
    sentences = (t("cd.mle.sentence", plug=fmt.short(e.plug_in),
                   ce_p=fmt.short(e.cross_entropy_p), kl=fmt.short(e.kl_to_p)),
                 *([say("cd", unseen)] if unseen else []))
    high = above and say("cd", above)
    names = (t("cd.bias.plug_in"), t("cd.bias.mm"))
    text = {k: t(f"cd.bias.{k}") for k in ("x", "y", "exact", "bias")}
    text.update(estimator=t("cd.chart.part"), mean=t("cd.samples.mean"),
                se=t("cd.samples.se"), n="n")
    if e.support < 2:
        return EstimatesView(e, table, sentences, None, text, names, None, None, None, high)
    frame, check = bias_results(src.p, size, seed)
    measured, rule = coding.bias_cases(frame, size, BIAS_REPEATS, check)
    numbers = arrow_table({"n": frame["n"].to_numpy(),
                           names[0]: [fmt.exact(x) for x in frame["plug_in"]],
                           names[1]: [fmt.exact(x) for x in frame["miller_madow"]],
                           t("cd.bias.exact"): [fmt.exact(x) for x in frame["exact"]]})
    return EstimatesView(e, table, sentences, datasets(charts_codes.bias_chart_data(frame, names)),
                         text, names, say("cd", measured), say("cd", rule), numbers, high)
