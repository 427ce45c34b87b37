"""Settings, texts and cached results of the compression page.

The texts: this app's own prose, every English (or Chinese) string of :mod:`ui.strings` joined
in key order, or a text the reader pastes (kept in session state under :data:`PASTE_KEY`, never
in a link: it may be 50,000 characters). Each is split into its first 80% (training) and last
20% (held out) by :func:`lib.text.split_text`. Every number comes from :mod:`lib.text`; every
sentence is picked from the numbers it describes.
"""

from __future__ import annotations

from collections import namedtuple

import streamlit as st

from lib import charts_text, text
from lib.problems import Problem
from lib import fmt
from lib.settings import Setting
from ui import layout
from ui.charts import arrow_table, datasets
from ui.i18n import sentences, t
from ui.state import PageState
from ui.strings import STRINGS

SOURCES = ("en", "zh", "paste")
ALPHAS = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10)
#: Session-state key of the pasted text (a widget key; not a setting: too long for a link).
PASTE_KEY = "compression.paste"
#: Held-out characters shaded by their cost, the cost of the darkest shade, and the bits shown.
SHOWN_CHARS = 240
DARKEST_BITS = 12.0
PREVIEW_BITS = 200

S = PageState("compression", [
    Setting("text", "en", "choice", choices=SOURCES),
    Setting("order", 3, "int", lo=0, hi=text.MAX_ORDER),
    Setting("alpha", 0.01, "choice", choices=ALPHAS),
])


# ---- Texts -----------------------------------------------------------------------------------

@st.cache_resource(max_entries=2, show_spinner=False)
def prose(language: str) -> str:
    """Every string of the app in ``language`` ("en" or "zh"), in key order, one per line."""
    column = 1 if language == "zh" else 0
    return "\n".join(STRINGS[key][column] for key in sorted(STRINGS))


#: The training and held-out texts (None when the paste is bad, then its ``problems``); a
#: pasted text's distinct ``controls`` characters and how many it holds, ``n_controls``.
Source = namedtuple("Source", "train held problems controls n_controls", defaults=(0,))


def current_source() -> Source:
    """The training and held-out texts the page works on (problems when the paste is bad)."""
    which = S.get("text")
    if which != "paste":
        train, held = text.split_text(prose(which))
        return Source(train, held, (), ())
    pasted = st.session_state.get(PASTE_KEY, "")
    found = text.check_text(pasted)
    if found:
        return Source(None, None, tuple(found), ())
    train, held = text.split_text(pasted)
    controls = tuple(text.control_characters(pasted))
    return Source(train, held, (), controls, sum(pasted.count(ch) for ch in controls))


def paste_message(problem: Problem) -> str:
    """A paste problem in one sentence, counts with thousands separators."""
    return t(f"problem.{problem.code}", value=f"{int(problem.value or 0):,}",
             limit=f"{int(problem.limit or 0):,}")


def count_bits(n: int) -> str:
    """``n`` bits in words: "1 bit", "2,149 bits"."""
    return t("tx.one_bit") if n == 1 else t("tx.n_bits", n=f"{n:,}")


def unit_sentence(held_bits: float) -> str | None:
    """The held-out bits per character in the sidebar's unit, when that is not bits."""
    value = layout.in_units(held_bits, 2)
    return value and t("tx.unit", unit=layout.unit_label(), value=value)


# ---- The curve over orders ---------------------------------------------------------------------

#: The curve's points, chart datasets and words, table, takeaway (what the two curves do, in
#: sentences picked from them), text alternative ("{k}" left for the order) and alphabet size V
#: (the escape included); ``*_train``: the chart's datasets, takeaway and text alternative with
#: the training text only (the held-out curve answers a checkpoint: held back until then).
CurveView = namedtuple("CurveView", "points chart chart_text table takeaway alt alphabet "
                       "chart_train takeaway_train alt_train")


def _curve_sentences(points: tuple[text.OrderPoint, ...], alpha: float, v: int) -> list[str]:
    """What the curves do (:func:`lib.text.curve_shape`) in sentences, the training text's
    first."""
    shape = text.curve_shape(points)
    tr, he = [p.train_bits for p in points], [p.test_bits for p in points]
    low, last = fmt.apart(tr[shape.train_low], tr[-1], fmt.num, 2)
    out = [t(f"tx.train.{shape.train}", first=fmt.num(tr[0], 2), last=last, k=shape.train_low,
             low=low, av=fmt.short(alpha * v))]
    low, last = fmt.apart(he[shape.held_low], he[-1], fmt.num, 2)
    out.append(t(f"tx.held.{shape.held}", k=shape.held_low, low=low, last=last))
    return out + ([t("tx.overfit", k=shape.held_low)] if shape.overfit else [])


@st.cache_resource(max_entries=32, show_spinner=False)
def curve(train: str, held: str, alpha: float, language: str) -> CurveView:
    """:func:`lib.text.order_curve` at orders 0 … 5, its chart, table and sentences."""
    points = text.order_curve(train, held, alpha)
    v = len(set(train)) + 1
    words = {"x": t("tx.chart.x"), "y": t("tx.chart.y"), "series": t("tx.chart.series"),
             "perplexity": t("tx.perplexity"), "train": t("tx.series.train"),
             "held": t("tx.series.held"), "chosen": t("tx.chart.chosen")}
    data = charts_text.order_chart_data([p.train_bits for p in points],
                                        [p.test_bits for p in points], words)
    table = arrow_table({
        t("tx.col.order"): [str(p.order) for p in points],
        t("tx.col.train_bits"): [fmt.num(p.train_bits, 3) for p in points],
        t("tx.col.train_ppl"): [fmt.num(p.train_perplexity, 2) for p in points],
        t("tx.col.held_bits"): [fmt.num(p.test_bits, 3) for p in points],
        t("tx.col.held_ppl"): [fmt.num(p.test_perplexity, 2) for p in points]})
    train_path = " → ".join(fmt.num(p.train_bits, 2) for p in points)
    alt = t("tx.chart.alt", train=train_path,
            held=" → ".join(fmt.num(p.test_bits, 2) for p in points), k="{k}")
    train_only = charts_text.order_chart_data([p.train_bits for p in points], [], words)
    said = _curve_sentences(points, alpha, v)
    return CurveView(points, datasets(data), words, table, sentences(*said), alt, v,
                     datasets(train_only), said[0],
                     t("tx.chart.alt.train", train=train_path, k="{k}"))


# ---- The coder at one order ----------------------------------------------------------------------

#: The held-out text coded: its ``n`` characters and ``n_bytes`` UTF-8 bytes, ``ideal`` =
#: −Σ log₂ q, the arithmetic code's ``coded`` bits, a Huffman code per context's ``huffman``
#: bits, whether it ``decoded``, the characters the training text never has (``escaped``), the
#: first bits (``preview``), the ``sentences`` and the ``snippet`` (HTML: the first characters
#: shaded by their bits).
CoderView = namedtuple("CoderView", "n n_bytes ideal coded huffman decoded escaped preview "
                       "sentences snippet")


@st.cache_resource(max_entries=16, show_spinner=False)
def coder(train: str, held: str, order: int, alpha: float, language: str) -> CoderView:
    """The held-out text coded at ``order`` (:func:`lib.text.compress`: the arithmetic code,
    decoded back, a Huffman code per context, the first characters' costs), in sentences."""
    c = text.compress(held, train, order, alpha, shown=SHOWN_CHARS)
    ideal, bits, decoded, huffman = c.ideal, c.bits, c.decoded, c.huffman
    known = set(train)
    escaped = sum(1 for ch in held if ch not in known)
    coded = len(bits)
    sentences = [t("tx.coded", coded=f"{coded:,}", diff=fmt.signed(coded - ideal))]
    if huffman > coded:
        sentences.append(t("tx.huffman.more", extra=count_bits(huffman - coded),
                           pct=f"+{100 * (huffman - coded) / coded:.1f}%"))
    elif huffman < coded:
        sentences.append(t("tx.huffman.fewer", fewer=count_bits(coded - huffman)))
    return CoderView(len(held), len(held.encode("utf-8", "surrogatepass")), ideal, coded,
                     huffman, decoded, escaped, bits[:PREVIEW_BITS], tuple(sentences),
                     charts_text.shaded_text(held[:SHOWN_CHARS], c.costs, t("unit.bits"),
                                             DARKEST_BITS))
