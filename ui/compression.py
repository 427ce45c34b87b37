"""Settings, texts and cached results of the compression page.

The texts: this app's own prose, the English (or Chinese) strings of :mod:`ui.strings` in key
order as plain prose (:func:`lib.text.prose`: the values filled in at run time and formulas
shown as "…", Markdown marks removed, strings that are mostly such gaps left out), or a text
the reader pastes (kept in session state under :data:`PASTE_KEY`, never in a link: it may be
50,000 characters). Each is split into its first 80% (training) and last 20% (held out) by
:func:`lib.text.split_text`. Every number comes from :mod:`lib.text`, and so
does which sentence applies (:func:`lib.text.source`, :func:`lib.text.curve_cases`,
:func:`lib.text.coder_cases`); this module words them.
"""

from __future__ import annotations

from collections import namedtuple
from types import MappingProxyType

import streamlit as st

from lib import charts_text, text
from lib import fmt
from lib.settings import Setting
from ui.charts import arrow_table, datasets
from ui.i18n import say, t
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
    """The app's strings in ``language`` ("en" or "zh"), in key order, one per line, as plain
    prose (:func:`lib.text.prose`)."""
    return text.prose((STRINGS[key] for key in sorted(STRINGS)), 1 if language == "zh" else 0)


def current_source() -> text.Source:
    """The training and held-out texts the page works on, and what it says of them
    (:func:`lib.text.source`: problems when the paste is bad)."""
    which = S.get("text")
    if which == "paste":
        return text.source(st.session_state.get(PASTE_KEY, ""))
    return text.source(prose(which), pasted=False)


# ---- The curve over orders ---------------------------------------------------------------------

#: The curve's points, chart datasets and words, table, takeaway (what the two curves do:
#: :func:`lib.text.curve_cases`), text alternative ("{k}" left for the order) and alphabet size V
#: (the escape included); ``*_train``: the chart's datasets, takeaway and text alternative with
#: the training text only (the held-out curve answers a checkpoint: held back until then).
CurveView = namedtuple("CurveView", "points chart chart_text table takeaway alt alphabet "
                       "chart_train takeaway_train alt_train")


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
    table = arrow_table({t(f"tx.col.{name}"): column
                         for name, column in charts_text.order_table(points).items()})
    train_path = " → ".join(fmt.num(p.train_bits, 2) for p in points)
    alt = t("tx.chart.alt", train=train_path,
            held=" → ".join(fmt.num(p.test_bits, 2) for p in points), k="{k}")
    train_only = charts_text.order_chart_data([p.train_bits for p in points], [], words)
    said = text.curve_cases(points, alpha, v)
    return CurveView(points, datasets(data), words, table, say("tx", *said), alt, v,
                     datasets(train_only), say("tx", said[0]),
                     t("tx.chart.alt.train", train=train_path, k="{k}"))


# ---- The coder at one order ----------------------------------------------------------------------

#: The held-out text coded: its ``n`` characters and ``n_bytes`` UTF-8 bytes, ``ideal`` =
#: −Σ log₂ q, the arithmetic code's ``coded`` bits, a Huffman code per context's ``huffman``
#: bits, whether it ``decoded``, the first bits (``preview``), the ``snippet`` (HTML: the first
#: characters shaded by their bits) and what the section says, ``said`` (a read-only mapping:
#: :func:`lib.text.coder_cases` in words).
CoderView = namedtuple("CoderView", "n n_bytes ideal coded huffman decoded preview snippet said")


@st.cache_resource(max_entries=16, show_spinner=False)
def coder(train: str, held: str, order: int, alpha: float, language: str) -> CoderView:
    """The held-out text coded at ``order`` (:func:`lib.text.compress`: the arithmetic code,
    decoded back, a Huffman code per context, the first characters' costs), in sentences."""
    c = text.compress(held, train, order, alpha, shown=SHOWN_CHARS)
    said = text.coder_cases(c, len(held), PREVIEW_BITS)
    return CoderView(len(held), len(held.encode("utf-8", "surrogatepass")), c.ideal,
                     len(c.bits), c.huffman, c.decoded, c.bits[:PREVIEW_BITS],
                     charts_text.shaded_text(held[:SHOWN_CHARS], c.costs, t("unit.bits"),
                                             DARKEST_BITS),
                     MappingProxyType({part: say("tx", case) for part, case in said.items()}))
