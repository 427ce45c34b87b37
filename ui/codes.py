"""State, computations (cached) and wording of the codes-and-samples page.

The page reads P and Q either from the explorer's table (its :class:`ui.state.PageState`,
shared, so a link to this page carries the explorer's P and Q as ``pq.*`` parameters) or from
one of this page's own examples. Every sentence here is picked from the numbers it describes.

Computations are cached with ``functools.lru_cache`` keyed by their inputs (tuples of floats):
shared by every session, bounded, never pickled (the results are frozen dataclasses, frames the
page only reads, Arrow tables, bytes and strings); ``st.cache_resource`` hashed a 50-event
tuple in half a millisecond per call, an LRU lookup takes a microsecond. Tables and chart data
go to Streamlit as Arrow (see :mod:`ui.explorer`).
"""

from __future__ import annotations

import functools
import html
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from lib import charts_codes, coding, info, sampling
from lib.charts import CE_COLOR, KL_COLOR, P_COLOR
from ui import fmt
from ui.explorer import S as EXPLORER
from ui.charts import arrow_bytes, arrow_table
from ui.explorer import read_table
from ui.i18n import event_name, lang, t
from ui.layout import base as unit_base
from ui.layout import unit_label, units
from ui.state import PageState, Setting

# ---- This page's examples --------------------------------------------------------------------

_LETTERS = tuple("ABCDEF")


@dataclass(frozen=True)
class Example:
    events: tuple[str, ...]
    p: tuple[float, ...]
    q: tuple[float, ...]


def _fifty() -> Example:
    w = 1.0 / np.arange(1, 51)  # Zipf-like P, uniform Q
    p = w / w.sum()
    return Example(tuple(str(i) for i in range(1, 51)), tuple(p.tolist()), (0.02,) * 50)


EXAMPLES: dict[str, Example] = {
    "animals": Example(("dog", "cat", "fish", "bird"), (1 / 2, 1 / 4, 1 / 8, 1 / 8),
                       (1 / 8, 1 / 2, 1 / 4, 1 / 8)),
    "skewed": Example(_LETTERS[:5], (0.4, 0.3, 0.15, 0.1, 0.05), (0.2, 0.2, 0.2, 0.2, 0.2)),
    "ties": Example(_LETTERS[:3], (1 / 3, 1 / 3, 1 / 3), (0.5, 0.25, 0.25)),
    "ruled_out": Example(("dog", "cat", "fish", "bird"), (1 / 2, 1 / 4, 1 / 8, 1 / 8),
                         (1 / 4, 1 / 2, 1 / 4, 0.0)),
    "tiny": Example(_LETTERS, (1 - 5e-12, 1e-12, 1e-12, 1e-12, 1e-12, 1e-12), (1 / 6,) * 6),
    "one": Example(("A",), (1.0,), (1.0,)),
    "fifty": Example(*_fifty().__dict__.values()),
}
SOURCES = ("explorer", *EXAMPLES)
SAMPLE_SIZES = (100, 1_000, 10_000, 100_000, 1_000_000)
THETAS = (0.5, 0.25, 0.1, 0.01)
#: Sample sizes of the bias chart, and the samples averaged at each.
BIAS_SIZES = (2, 3, 5, 10, 20, 50, 100, 200, 500, 1000)
BIAS_REPEATS = 1000
#: Longest message whose symbols and bits are drawn (the counts cover the whole message).
MAX_SHOWN = 300

S = PageState("codes", [
    Setting("source", "explorer", "choice", choices=SOURCES),
    Setting("length", 40, "int", lo=1, hi=2000),
    Setting("seed", 1, "int", lo=0, hi=999_999),
    Setting("n", 10_000, "choice", choices=SAMPLE_SIZES),
    Setting("sample_seed", 0, "int", lo=0, hi=999_999),
    Setting("mle_n", 20, "int", lo=1, hi=2000),
    Setting("theta", 0.1, "choice", choices=THETAS),
], presets={"explorer": {}, **{name: {"source": name} for name in EXAMPLES}},
    shared=[EXPLORER])


# ---- P and Q ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    labels: list[str]
    p: np.ndarray | None
    q: np.ndarray | None
    problems: list


def current_source() -> Source:
    """P, Q and the event names the page works on (problems when the explorer's table is bad)."""
    name = S.get("source")
    if name != "explorer":
        ex = EXAMPLES[name]
        return Source([event_name(e) for e in ex.events], np.array(ex.p), np.array(ex.q), [])
    read = read_table(EXPLORER.get("table"), EXPLORER.get("mode") == "counts")
    return Source(read.labels, read.p, read.q, list(read.problems))


# ---- Units -----------------------------------------------------------------------------------

def bits(x: float) -> str:
    """A value in bits, with the reader's own unit beside it when that is not bits."""
    if units() == "bits" or not math.isfinite(x):
        return bits_plain(x)
    other = x * math.log(2) * info.log_factor(unit_base())
    return t("cd.in_unit", bits=fmt.num(x), other=fmt.quantity(other, unit_label()))


def bits_plain(x: float) -> str:
    return f"{fmt.num(x)} {t('cd.bits')}"


def unit_note() -> str | None:
    """The sentence naming the reader's unit, when it is not bits."""
    if units() == "bits":
        return None
    one = math.log(2) * info.log_factor(unit_base())
    return t("cd.why_bits.unit", unit=unit_label(), one_bit=fmt.quantity(one, unit_label()))


# ---- Codes -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Codes:
    huff_p: list
    huff_q: list
    shannon_q: list
    shannon_lengths: np.ndarray
    l_p: float       # expected lengths under P, bits
    l_q: float
    l_s: float
    h_p: float
    ce: float
    kl: float
    dyadic: bool = False  # every non-zero p and q is a power of ½


def _dyadic(x: np.ndarray) -> bool:
    exponents = np.log2(x[x > 0])
    return bool(np.all(exponents == np.round(exponents)))


@functools.lru_cache(maxsize=64)
def build_codes(p: tuple, q: tuple) -> Codes:
    pa, qa = np.array(p), np.array(q)
    huff_p, huff_q = coding.huffman_code(pa), coding.huffman_code(qa)
    lengths = coding.shannon_lengths(qa)
    try:
        shannon_q = coding.shannon_code(qa)
    except coding.CodingError:  # Kraft broken by a sum a hair over 1: show the lengths only
        shannon_q = [None] * len(q)
    return Codes(huff_p, huff_q, shannon_q, lengths,
                 coding.expected_length(pa, coding.code_lengths(huff_p)),
                 coding.expected_length(pa, coding.code_lengths(huff_q)),
                 coding.expected_length(pa, np.where(lengths == 0, 1, lengths)),
                 info.entropy(pa, 2), info.cross_entropy(pa, qa, 2),
                 info.kl_divergence(pa, qa, 2), _dyadic(pa) and _dyadic(qa))


def prob_text(x: float) -> str:
    """A probability as typed, tiny ones in scientific notation (1e−12 is not 0)."""
    if x == 0 or x >= 1e-6:
        return fmt.prob(x)
    return f"{x:.3g}".replace("-", fmt.MINUS)


def code_table(labels: list[str], p: tuple, q: tuple) -> pa.Table:
    """Every event's probabilities, information and codewords (one table per distinct input
    and language)."""
    return _code_table(tuple(labels), p, q, lang())


@functools.lru_cache(maxsize=64)
def _code_table(labels: tuple, p: tuple, q: tuple, language: str) -> pa.Table:
    c = build_codes(p, q)
    none = t("cd.no_codeword")
    pa_, qa = np.array(p), np.array(q)

    def word(w):
        return none if w is None else w

    def length(w):
        return "—" if w is None else str(len(w))

    with np.errstate(divide="ignore"):
        info_p, info_q = -np.log2(pa_) + 0.0, -np.log2(qa) + 0.0
    return arrow_table({
        t("cd.col.event"): list(labels),
        t("cd.col.p"): [prob_text(x) for x in p],
        t("cd.col.q"): [prob_text(x) for x in q],
        t("cd.col.info_p"): [fmt.num(x) for x in info_p],
        t("cd.col.info_q"): [fmt.num(x) for x in info_q],
        t("cd.col.huff_p"): [word(w) for w in c.huff_p],
        t("cd.col.huff_p_len"): [length(w) for w in c.huff_p],
        t("cd.col.huff_q"): [word(w) for w in c.huff_q],
        t("cd.col.huff_q_len"): [length(w) for w in c.huff_q],
        t("cd.col.shannon_q"): [word(w) for w in c.shannon_q],
        t("cd.col.shannon_q_len"): ["—" if n < 0 else str(int(n)) for n in c.shannon_lengths],
    })


def names(labels: list[str], mask: np.ndarray) -> str:
    """Event names for a sentence, escaped, joined in the reader's language."""
    return t("list.sep").join(f"“{fmt.text(labels[i])}”" for i in np.flatnonzero(mask))


def code_notes(labels: list[str], p: np.ndarray, q: np.ndarray) -> list[tuple[str, str]]:
    """(kind, sentence) notes about the codes: zero probabilities, one event, ties."""
    return list(_code_notes(tuple(labels), tuple(p.tolist()), tuple(q.tolist()), lang()))


@functools.lru_cache(maxsize=64)
def _code_notes(labels: tuple, p_: tuple, q_: tuple, language: str) -> tuple:
    labels, p, q = list(labels), np.array(p_), np.array(q_)
    notes = []
    ruled_out = (p > 0) & (q == 0)
    if ruled_out.any():
        key = "cd.q_zero.many" if ruled_out.sum() > 1 else "cd.q_zero"
        notes.append(("warning", t(key, events=names(labels, ruled_out))))
    if (p == 0).any():
        key = "cd.p_zero.many" if (p == 0).sum() > 1 else "cd.p_zero"
        notes.append(("info", t(key, events=names(labels, p == 0))))
    if np.count_nonzero(p) == 1 or np.count_nonzero(q) == 1:
        notes.append(("info", t("cd.one_event")))
    if tie_split(p) or tie_split(q):
        notes.append(("info", t("cd.ties")))
    return tuple(notes)


def tie_split(dist: np.ndarray) -> bool:
    """True when two events of equal probability got codewords of different lengths."""
    lengths = coding.huffman_lengths(dist)
    live = np.flatnonzero(dist > 0)
    for value in np.unique(dist[live]):
        same = live[dist[live] == value]
        if same.size > 1 and np.unique(lengths[same]).size > 1:
            return True
    return False


def pair(a: float, b: float) -> tuple[str, str]:
    """``a`` and ``b`` with enough decimals to tell them apart (4 unless they need more)."""
    digits = 4
    while digits < 14 and a != b and fmt.num(a, digits) == fmt.num(b, digits):
        digits += 1
    return fmt.num(a, digits), fmt.num(b, digits)


def bound_sentences(c: Codes, p: np.ndarray, q: np.ndarray) -> list[str]:
    out = []
    if np.count_nonzero(p) == 1:
        out.append(t("cd.bounds.own_one", l=fmt.num(c.l_p)))
    elif abs(c.l_p - c.h_p) <= 1e-9:
        out.append(t("cd.bounds.own_exact", h=fmt.num(c.h_p)))
    else:
        l_text, h1 = pair(c.l_p, c.h_p + 1)
        out.append(t("cd.bounds.own", h=fmt.num(c.h_p), l=l_text, h1=h1))
    if math.isfinite(c.ce):
        if c.l_s >= c.ce + 1:  # only through a length 0 (q = 1) raised to 1 bit
            out.append(t("cd.bounds.shannon_one", l=fmt.num(c.l_s), ce=fmt.num(c.ce)))
        else:
            l_text, ce1 = pair(c.l_s, c.ce + 1)
            out.append(t("cd.bounds.shannon", ce=fmt.num(c.ce), l=l_text, ce1=ce1))
    return out


def extra_sentences(c: Codes) -> list[str]:
    if not math.isfinite(c.l_q) or not math.isfinite(c.kl):
        return [t("cd.extra.infinite")]
    extra = c.l_q - c.l_p
    diff = extra - c.kl
    if abs(diff) <= 1e-9:
        key = "cd.extra.exact" if c.dyadic else "cd.extra.exact_by_chance"
        return [t(key, extra=fmt.num(extra), kl=fmt.num(c.kl))]
    out = [t("cd.extra.rounded", extra=fmt.num(extra), kl=fmt.num(c.kl), diff=fmt.num(diff))]
    if c.l_q - c.ce < -1e-9:
        out.append(t("cd.round.negative"))
    return out


def identity_text() -> dict[str, str]:
    return {"x": t("cd.chart.x"), "row": t("cd.chart.row"), "part": t("cd.chart.part"),
            "value": t("cd.chart.value"), "total": t("cd.chart.total"),
            "h": t("cd.chart.part.h"), "kl": t("cd.chart.part.kl"),
            "round": t("cd.chart.part.round")}


@functools.lru_cache(maxsize=64)
def identity_data(h: float, kl: float, rows: tuple, text: tuple) -> bytes:
    """The dataset ``parts`` of :func:`lib.charts_codes.identity_bars` (``rows`` from
    :func:`identity_rows`, ``text`` the items of :func:`identity_text`), as Arrow bytes."""
    return arrow_bytes(charts_codes.identity_bars_data(h, kl, list(rows), dict(text))["parts"])


def identity_rows(c: Codes) -> list[tuple[str, float, bool]]:
    return [(t("cd.chart.row.ideal_p"), c.h_p, False),
            (t("cd.chart.row.ideal_q"), c.ce, True),
            (t("cd.chart.row.huff_p"), c.l_p, False),
            (t("cd.chart.row.shannon_q"), c.l_s, True),
            (t("cd.chart.row.huff_q"), c.l_q, True)]


# ---- Messages --------------------------------------------------------------------------------

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf", "#ff7f0e")


@dataclass(frozen=True)
class Message:
    symbols: np.ndarray
    bits_p: str
    bits_q: str | None
    missing: tuple[int, int] | None   # (event, 0-based position) Q's code cannot encode
    decoded_ok_p: bool
    decoded_ok_q: bool | None


@functools.lru_cache(maxsize=32)
def build_message(p: tuple, q: tuple, length: int, seed: int) -> Message:
    pa = np.array(p)
    c = build_codes(p, q)
    symbols = sampling.draw(pa, length, seed)
    bits_p = coding.encode(symbols, c.huff_p)
    ok_p = coding.decode(bits_p, c.huff_p) == symbols.tolist()
    try:
        bits_q = coding.encode(symbols, c.huff_q)
    except coding.NoCodewordError as err:
        return Message(symbols, bits_p, None, (err.index, err.position), ok_p, None)
    ok_q = coding.decode(bits_q, c.huff_q) == symbols.tolist()
    return Message(symbols, bits_p, bits_q, None, ok_p, ok_q)


def _box(inner: str, break_all: bool) -> str:
    wrap = "word-break: break-all; " if break_all else ""
    return ('<div style="font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; '
            f'font-size: 0.92rem; line-height: 1.7; {wrap}overflow-wrap: anywhere;'
            ' max-height: 16rem; overflow-y: auto; padding: 0.4rem 0.6rem; '
            'border: 1px solid rgba(128,128,128,0.35); border-radius: 0.4rem;">'
            f'{inner}</div>')


def _span(text_: str, event: int, label: str) -> str:
    color = PALETTE[event % len(PALETTE)]
    return (f'<span title="{html.escape(label)}" style="color:{color}; '
            f'border-bottom: 2px solid {color}; margin-right: 1px;">{html.escape(text_)}</span>')


def symbols_html(symbols: np.ndarray, labels: list[str]) -> str:
    """The message's events as coloured names (escaped: a label is never read as HTML)."""
    parts = [_span(labels[s], int(s), labels[s]) for s in symbols[:MAX_SHOWN].tolist()]
    return _box(" ".join(parts), break_all=False)


def bits_html(symbols: np.ndarray, code: list, labels: list[str]) -> str:
    """The bit string, one span per codeword coloured by its event (the first symbols only)."""
    parts = [_span(code[s], int(s), labels[s]) for s in symbols[:MAX_SHOWN].tolist()]
    return _box("".join(parts), break_all=True)


def message_html(labels: list[str], p: tuple, q: tuple, length: int,
                 seed: int) -> tuple[str, str, str, str | None]:
    """The message's symbols, legend and bit strings under P's and Q's Huffman codes (Q's is
    None when Q's code cannot encode the message), as HTML; once per distinct input."""
    return _message_html(tuple(labels), p, q, int(length), int(seed), lang())


@functools.lru_cache(maxsize=64)
def _message_html(labels: tuple, p: tuple, q: tuple, length: int, seed: int,
                  language: str) -> tuple[str, str, str, str | None]:
    c, m = build_codes(p, q), build_message(p, q, length, seed)
    labels = list(labels)
    present = np.bincount(m.symbols, minlength=len(labels)) > 0
    return (symbols_html(m.symbols, labels), legend_html(labels, present),
            bits_html(m.symbols, c.huff_p, labels),
            None if m.bits_q is None else bits_html(m.symbols, c.huff_q, labels))


def legend_html(labels: list[str], present: np.ndarray) -> str:
    parts = [_span(labels[i], int(i), labels[i]) for i in np.flatnonzero(present)]
    return f'<div style="line-height: 1.8;">{html.escape(t("cd.message.legend"))}' \
           f'{"&ensp;".join(parts)}</div>'


def rate_sentences(m: Message, c: Codes) -> list[str]:
    n = m.symbols.size
    per_p = len(m.bits_p) / n
    if m.bits_q is None:
        return [t("cd.message.rate_p", per_p=fmt.num(per_p), h=fmt.num(c.h_p))]
    per_q = len(m.bits_q) / n
    out = [t("cd.message.rate", per_p=fmt.num(per_p), h=fmt.num(c.h_p), per_q=fmt.num(per_q),
             ce=fmt.num(c.ce))]
    extra = len(m.bits_q) - len(m.bits_p)
    if extra > 0:
        out.append(t("cd.message.more", extra=f"{extra:,}"))
    elif extra < 0:
        key = "cd.message.fewer" if c.l_q > c.l_p + 1e-12 else "cd.message.fewer_tie"
        out.append(t(key, extra=f"{-extra:,}"))
    else:
        out.append(t("cd.message.same"))
    return out


def decoded_sentence(m: Message) -> tuple[bool, str]:
    n = m.symbols.size
    if not m.decoded_ok_p or m.decoded_ok_q is False:
        return False, t("cd.message.mismatch")
    if m.bits_q is None:
        return True, t("cd.message.decoded_p", n=f"{n:,}")
    return True, t("cd.message.decoded", n=f"{n:,}")


# ---- The 16-bit number -----------------------------------------------------------------------

@functools.lru_cache(maxsize=8)
def sixteen_bits(theta: float) -> dict[str, float]:
    """Entropy and Huffman code of a 16-bit number whose digits are independently 1 with
    probability ``theta`` (2¹⁶ values, each of probability θᵏ(1 − θ)¹⁶⁻ᵏ for k ones)."""
    ones = np.array([bin(v).count("1") for v in range(1 << 16)])
    p = theta ** ones * (1 - theta) ** (16 - ones)
    p = p / p.sum()
    lengths = coding.huffman_lengths(p)
    return {"h": info.entropy(p, 2), "l": coding.expected_length(p, lengths),
            "lo": int(lengths.min()), "hi": int(lengths.max())}


def sixteen_sentences(r: dict[str, float]) -> list[str]:
    out = [t("cd.sixteen.result", h=fmt.num(r["h"]), l=fmt.num(r["l"]), lo=r["lo"], hi=r["hi"])]
    if r["lo"] == r["hi"]:
        out.append(t("cd.sixteen.uniform", l=r["lo"]))
    else:
        out.append(t("cd.sixteen.saving", saved=fmt.num(16 - r["l"])))
    return out


# ---- Samples ---------------------------------------------------------------------------------

@functools.lru_cache(maxsize=16)
def running(p: tuple, q: tuple, n: int, seed: int) -> sampling.RunningAverages:
    return sampling.running_averages(np.array(p), np.array(q), n, seed=seed, base=2)


@functools.lru_cache(maxsize=16)
def running_chart_data(p: tuple, q: tuple, n: int, seed: int,
                       names: tuple[tuple[str, str], ...]) -> tuple[tuple[str, bytes], ...]:
    """The datasets of :func:`lib.charts_codes.running_chart` for :func:`running`'s averages
    (``names``: quantity -> shown name), as Arrow bytes."""
    r = running(p, q, n, seed)
    data = charts_codes.running_chart_data(r.table, r.exact, dict(names))
    return tuple((name, arrow_bytes(frame)) for name, frame in data.items())


QUANTITY_COLORS = {"info_p": P_COLOR, "info_q": CE_COLOR, "log_ratio": KL_COLOR}


def quantity_names() -> dict[str, str]:
    return {k: t(f"cd.q.{k}") for k in sampling.QUANTITIES}


def running_text() -> dict[str, str]:
    return {"x": t("cd.samples.x"), "y": t("cd.samples.y"), "quantity": t("cd.chart.part"),
            "mean": t("cd.samples.mean"), "se": t("cd.samples.se"),
            "exact": t("cd.samples.exact"), "n": "n"}


def final_sentences(r: sampling.RunningAverages) -> list[str]:
    names_ = quantity_names()
    out = []
    for k in sampling.QUANTITIES:
        name = names_[k].split(" →")[0]
        if math.isinf(r.final[k]):
            out.append(t("cd.samples.final_inf", n=f"{r.n:,}", name=name,
                         exact=fmt.num(r.exact[k])))
        else:
            out.append(t("cd.samples.final", n=f"{r.n:,}", name=name, value=fmt.num(r.final[k]),
                         se=fmt.num(2 * r.final_se[k]), exact=fmt.num(r.exact[k])))
    return out


def infinite_sentence(r: sampling.RunningAverages, p: tuple, labels: list[str]) -> str | None:
    if r.first_infinite is None:
        return None
    x = sampling.draw(np.array(p), r.first_infinite, r.seed)
    return t("cd.samples.infinite", m=f"{r.first_infinite:,}",
             event=fmt.text(labels[int(x[-1])]))


@functools.lru_cache(maxsize=32)
def estimate(p: tuple, q: tuple, n: int, seed: int) -> sampling.Estimates:
    return sampling.estimates(np.array(p), np.array(q), n, seed=seed, base=2)


@functools.lru_cache(maxsize=16)
def bias_table(p: tuple, seed: int, extra_n: int) -> pd.DataFrame:
    """:func:`lib.sampling.plugin_bias` at :data:`BIAS_SIZES` and ``extra_n``. Each size draws
    from its own generator, so rows are computed (and cached) one by one: another ``n`` costs
    one row, not the table."""
    sizes = sorted(set(BIAS_SIZES) | {int(extra_n)})
    return pd.concat([_bias_row(p, seed, n) for n in sizes], ignore_index=True)


@functools.lru_cache(maxsize=256)
def _bias_row(p: tuple, seed: int, n: int) -> pd.DataFrame:
    return sampling.plugin_bias(np.array(p), [n], repeats=BIAS_REPEATS, seed=seed, base=2)


@functools.lru_cache(maxsize=16)
def bias_chart_data(p: tuple, seed: int, n: int,
                    names: tuple[str, str]) -> tuple[tuple[str, bytes], ...]:
    """The datasets of :func:`lib.charts_codes.bias_chart`, as Arrow bytes."""
    data = charts_codes.bias_chart_data(bias_table(p, seed, n), names)
    return tuple((name, arrow_bytes(frame)) for name, frame in data.items())


def mle_table(labels: list[str], p: tuple, q: tuple, n: int, seed: int) -> pa.Table:
    """Each event's probability, count and frequency in the sample (one table per distinct
    input and language)."""
    return _mle_table(tuple(labels), p, q, int(n), int(seed), lang())


@functools.lru_cache(maxsize=64)
def _mle_table(labels: tuple, p: tuple, q: tuple, n: int, seed: int,
               language: str) -> pa.Table:
    e = estimate(p, q, n, seed)
    return arrow_table({t("cd.col.event"): list(labels), t("cd.col.p"): [prob_text(x) for x in p],
                        t("cd.mle.col.count"): e.counts.astype(np.int64),
                        t("cd.mle.col.freq"): [fmt.prob(x) for x in e.freqs]})


def mle_sentences(e: sampling.Estimates) -> list[str]:
    out = [t("cd.mle.sentence", plug=fmt.num(e.plug_in), ce_p=fmt.num(e.cross_entropy_p),
             kl=fmt.num(e.kl_to_p), h=fmt.num(e.entropy_p))]
    if e.seen < e.support:
        out.append(t("cd.mle.unseen", k=e.support - e.seen, K=e.support))
    return out


def bias_names() -> tuple[str, str]:
    return t("cd.bias.plug_in"), t("cd.bias.mm")


def bias_text() -> dict[str, str]:
    return {"x": t("cd.bias.x"), "y": t("cd.bias.y"), "estimator": t("cd.chart.part"),
            "mean": t("cd.samples.mean"), "se": t("cd.samples.se"), "exact": t("cd.bias.exact"),
            "bias": t("cd.bias.bias"), "n": "n"}


def bias_sentence(frame: pd.DataFrame, n: int, support: int) -> str:
    if support < 2:
        return t("cd.bias.none")
    i = int(np.flatnonzero(frame["n"].to_numpy() == n)[0])
    row = {k: float(frame[k].to_numpy()[i])
           for k in ("bias", "plug_in", "exact", "plug_in_se", "miller_madow")}
    key = "cd.bias.sentence" if row["bias"] < 0 else "cd.bias.sentence_above"
    return t(key, n=f"{n:,}", plug=fmt.num(row["plug_in"]), repeats=f"{BIAS_REPEATS:,}",
             bias=fmt.num(abs(row["bias"])), h=fmt.num(row["exact"]),
             se=fmt.num(2 * row["plug_in_se"]), mm=fmt.num(row["miller_madow"]))


__all__ = ["S", "EXAMPLES", "EXPLORER"]
