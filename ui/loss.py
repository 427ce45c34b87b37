"""State and wording for the cross-entropy-as-a-loss page; the maths is :mod:`lib.losses`,
:mod:`lib.charts_loss` (chart forms and data) and :mod:`lib.library_calls` (the code cards).

Losses here are in nats, the natural log every training library uses; where the sidebar asks
for another unit, cross-entropy values also show the converted number. On screen, numbers have
three significant digits (:func:`ui.fmt.short`); tables and the code cards' comments show more.

Caching (ui/MECHANISMS.md): one ``st.cache_resource`` function per interactive section
(``*_view``), of plain arguments and the language, returning what the section shows (chart
data as Arrow bytes, numbers, worded rows), shared by every session and never modified; the
binary curves, which do not follow the slider, are cached apart so that moving it reuses them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from lib import charts_loss, csvfile, info, library_calls, losses, tables
from lib.problems import Problem
from ui import fmt, problems
from ui.charts import arrow_bytes, arrow_table
from ui.i18n import event_name, t
from ui.layout import base, units
from ui.state import PageState, Setting

CLASSES = ("A", "B", "C", "D")
DEFAULT_LOGITS = (2.5, -1.0, 3.2, 0.5)
#: The multi-label example: rice and pumpkin in the photo, greens not (BRIEF §2).
DEFAULT_TABLE = pd.DataFrame({
    "label": [tables.preset_label(name) for name in ("rice", "pumpkin", "green")],
    "a": ["0.8", "0.9", "0.1"],
    "y": [True, True, False]})
#: Colour-blind-safe (blue, orange, grey, vermillion); the charts also tell series apart by
#: dash, point shape or position.
COLORS = {"cross_entropy": "#3b6fb6", "quadratic": "#e8853d", "label": "#8c8f99",
          "gradient": "#c2410c", "likelihood": "#4b4f5c"}

#: Everything a reader sets on this page (see ui/MECHANISMS.md): truth "loss.<name>".
S = PageState("loss", [
    Setting("a", 0.9, "float", lo=0.01, hi=0.99),
    Setting("y", 0, "choice", choices=(0, 1)),
    *[Setting(f"z{i}", v, "float", lo=-10.0, hi=10.0) for i, v in enumerate(DEFAULT_LOGITS)],
    Setting("true", 2, "choice", choices=tuple(range(len(CLASSES)))),
    Setting("table", DEFAULT_TABLE, "table", columns=("a",), bool_columns=("y",)),
    Setting("heads", 7, "int", lo=0, hi=10_000),
    Setting("tails", 3, "int", lo=0, hi=10_000),
    Setting("theta", 0.5, "float", lo=0.01, hi=0.99),
    Setting("da", 0.8, "float", lo=0.01, hi=0.99),
    Setting("dy", 0.0, "float", lo=0.0, hi=1.0),
])


def reset_logits() -> None:
    for i, v in enumerate(DEFAULT_LOGITS):
        S.set(f"z{i}", v)


def short(x: float, unit: str | None = None) -> str:
    """A number as the page shows it: three significant digits (:func:`ui.fmt.short`), a unit
    after it if given."""
    return fmt.short(x) + (f" {unit}" if unit else "")


def exact(x: float) -> str:
    """A number for a table cell: six significant digits, real minus sign, ∞ written out."""
    x = float(x)
    if not math.isfinite(x):
        return fmt.num(x)
    return "0" if x == 0 else f"{x:.6g}".replace("-", fmt.MINUS)


def _in_sidebar_unit(x_nats: float) -> str | None:
    """The same amount in the sidebar's unit, or None when that unit is nats already."""
    if units() == "nats":
        return None
    return short(x_nats * info.log_factor(base()), t(f"unit.{units()}"))


def nats(x: float) -> str:
    """A cross-entropy in nats, with the sidebar's unit added when it is not nats."""
    other = _in_sidebar_unit(x)
    return short(x, t("unit.nats")) + (f" = {other}" if other else "")


def ce_metric(container, label: str, x: float, **kwargs) -> None:
    """A metric in nats; the sidebar's unit, when different, as the metric's delta line under
    it (one element; a value holding both would be cut off in a narrow column)."""
    other = _in_sidebar_unit(x)
    container.metric(label, short(x, t("unit.nats")), delta=f"= {other}" if other else None,
                     delta_color="off", delta_arrow="off", **kwargs)


#: Session-state key: the names of the expanders (:func:`details`) the reader has open.
OPENED = "_loss.opened"


def _toggled(name: str, key: str) -> None:
    opened = set(st.session_state.get(OPENED, ()))
    if st.session_state.get(key):
        opened.add(name)
    else:
        opened.discard(name)
    st.session_state[OPENED] = frozenset(opened)


def details(name: str, label: str, icon: str):
    """An expander whose content runs only while it is open: Streamlit's lazy expander (keyed
    ``_loss.open.<name>``, with a callback), so a closed one costs the server one element
    instead of its whole content. Use ``if box.open: with box: ...``.

    Streamlit's expander state belongs to its label, which a language switch changes, and is
    dropped on a visit to another page; so which expanders are open is also kept in session
    state (:data:`OPENED`) and given back as the expander's initial state."""
    key = f"_loss.open.{name}"
    return st.expander(label, expanded=name in st.session_state.get(OPENED, ()), icon=icon,
                       key=key, on_change=_toggled, args=(name, key))


def prose(*blocks: str, where=None) -> None:
    """Paragraphs and display formulas (:func:`ui.fmt.math_block`) drawn as one Markdown
    element instead of one element each: the same text and formulas in the same order."""
    (where or st).markdown("\n\n".join(blocks))


def colors(pairs: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Series colours, string key -> colour key, as (name, colour) pairs in this order
    (lib.charts.compile_spec keeps it; a dict argument would be sorted, so the legend's order
    would follow the alphabet of the reader's language)."""
    return tuple((t(key), COLORS[color]) for key, color in pairs.items())


# ---- binary -----------------------------------------------------------------------------------

@st.cache_resource(max_entries=4, show_spinner=False)
def binary_curves(y: int, language: str) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The cost and the gradient chart's curves and band for target ``y``, named in
    ``language``."""
    cost, grad = charts_loss.binary_curves_data(y, t("ls.bin.ce"), t("ls.bin.quad"),
                                                t("ls.bin.wrong"))
    return tuple({name: arrow_bytes(frame) for name, frame in data.items()}
                 for data in (cost, grad))


@st.cache_resource(max_entries=512, show_spinner=False)
def binary_view(a: float, y: int, language: str) -> tuple:
    """For target ``y`` (0 or 1) at prediction ``a``: ``(cost_data, grad_data, costs, grads)``
    (the charts' datasets as Arrow bytes; costs and gradients by cost name)."""
    cost_points, grad_points, cost_now, grad_now = charts_loss.binary_points_data(
        a, y, t("ls.bin.ce"), t("ls.bin.quad"))
    curves = binary_curves(y, language)
    return ({**curves[0], "points": arrow_bytes(cost_points)},
            {**curves[1], "points": arrow_bytes(grad_points)}, cost_now, grad_now)


# ---- softmax ----------------------------------------------------------------------------------

#: A code card as the page draws it: (the card's text, the numbered list explaining its calls).
CardView = tuple[str, str]


def _card(card: library_calls.Card, texts: list[str]) -> CardView:
    """The card's text and, as a Markdown list numbered like the calls' ``(n)`` comments, what
    each call returns and means. The calls and meanings are this app's own text."""
    return (library_calls.card_text(card),
            "\n".join(f"{i}. {text}" for i, text in enumerate(texts, 1)))


@dataclass(frozen=True)
class SoftmaxView:
    bars: bytes       # the bar chart's dataset
    probs: tuple[float, ...]
    grads: tuple[float, ...]  # a − y per class
    loss: float       # −ln a(true), nats
    cards: tuple[CardView, ...]


@st.cache_resource(max_entries=256, show_spinner=False)
def softmax_view(z: tuple[float, ...], true: int, language: str) -> SoftmaxView:
    """The softmax section for logits ``z`` and the true class: bars, probabilities,
    gradients, loss, and the code cards with what each call returns and means, worded in
    ``language``."""
    bars, a, loss = charts_loss.softmax_bars_data(z, true, CLASSES, t("ls.sm.a"), t("ls.sm.y"),
                                                  t("ls.sm.grad"))
    n = len(z)
    fields = {"n": n, "quote": problems.message(Problem("sum", column="P", value=4.0)),
              "page": t("page.explorer"), "ce": library_calls.value_text(loss), "k": n - 1,
              "floor": library_calls.value_text(library_calls.softmax_twice_floor(n))}
    cards = tuple(_card(card, [t(f"ls.lib.{c.key}", **fields) for c in card.calls])
                  for card in library_calls.softmax_cards(z, true))
    grads = a - np.eye(n)[true]
    return SoftmaxView(arrow_bytes(bars), tuple(float(v) for v in a),
                       tuple(float(v) for v in grads), loss, cards)


def draw_cards(cards: tuple[CardView, ...]) -> None:
    """Each code card (it scrolls sideways when wider than the page, never breaking an
    identifier), then the numbered list of what its calls return and mean."""
    for code, text in cards:
        st.code(code, language="python")
        st.markdown(text)


# ---- multi-label ------------------------------------------------------------------------------

def read_multi_label(table: pd.DataFrame):
    """Labels, targets y (0/1), predictions a, per-class terms, and problems (each a
    :class:`lib.problems.Problem`; the numbers are None when there is any)."""
    labels, a, found = tables.read_column(
        table, "a", default_label=lambda i: t("event.default", n=i + 1), name=event_name)
    if a is not None:
        found += [Problem("above_one", column="a", row=int(i), label=labels[i], value=float(a[i]))
                  for i in np.flatnonzero(a > 1)]
    if found:
        return labels, None, None, None, found
    y = np.array([bool(v) for v in table["y"]], dtype=float)
    return labels, y, a, losses.multi_label_terms(y, a), found


@dataclass(frozen=True)
class MultiView:
    labels: tuple[str, ...]
    errors: tuple[str, ...]       # the table's problems, worded (then nothing below is set)
    y: np.ndarray | None = None
    a: np.ndarray | None = None
    terms: np.ndarray | None = None
    results: pa.Table | None = None  # per class, as the page shows it
    cards: tuple[CardView, ...] = ()


@st.cache_resource(max_entries=128, show_spinner=False,
                   hash_funcs={pd.DataFrame: fmt.table_text})
def multi_view(table: pd.DataFrame, language: str) -> MultiView:
    """The multi-label section for the reader's ``table``: problems, or the targets,
    predictions, per-class terms, the results table and the code cards with the table's
    numbers written in (a call said to equal this app's loss is said so only when it does),
    worded in ``language``."""
    labels, y, a, terms, found = read_multi_label(table)
    if found:
        return MultiView(tuple(labels), tuple(problems.message(
            p, table=t("ls.ml.table_name"), columns={"a": t("ls.ml.a")}) for p in found))
    for array in (y, a, terms):
        array.setflags(write=False)  # shared by every session: read only
    total = float(terms.sum())
    # The app's loss in a sentence: as the cards write numbers, but ∞ as the page writes it.
    app = library_calls.value_text(total) if math.isfinite(total) else fmt.num(total)
    cards = []
    for card in library_calls.multi_label_cards(y, a):
        texts = []
        for c in card.calls:
            key = c.key
            if key in ("bce_sum", "bce_logits_sum", "tf_sum") and not library_calls.agrees(
                    c.value, total):
                key = "logits_nan" if math.isnan(c.value) else "bce_sum_clamped"
            text = t(f"ls.lib.{key}", n=len(a), app=app)
            if key in ("bce_mean", "bce_logits_mean") and math.isnan(c.value):
                text += " " + t("ls.lib.logits_nan", app=app)
            texts.append(text)
        cards.append(_card(card, texts))
    results = arrow_table({t("ls.ml.class"): labels, "y": [int(v) for v in y],
                            "a": [fmt.prob(v) for v in a],
                            t("ls.ml.term"): [exact(v) for v in terms]})
    return MultiView(tuple(labels), (), y, a, terms, results, tuple(cards))


def table_csv(table: pd.DataFrame, labels: list[str]) -> bytes:
    """The multi-label table as the reader sees it: class, y (0/1), a (as typed)."""
    frame = pd.DataFrame({"class": labels, "y": [int(bool(v)) for v in table["y"]],
                          "a": list(table["a"])})
    return csvfile.write_csv(frame)


# ---- maximum likelihood -------------------------------------------------------------------------

@st.cache_resource(max_entries=256, show_spinner=False)
def likelihood_view(heads: int, tails: int, theta: float, language: str):
    """The datasets of :func:`lib.charts_loss.dual_chart` for the likelihood (left, relative
    to its peak) and the mean negative log-likelihood (right) over θ, each marked at
    ``theta`` (``heads + tails >= 1``), named in ``language``, and the mean NLL at ``theta``
    in nats: ``(data, nll_now)``."""
    names = t("ls.ml2.lik"), t("ls.ml2.nll")
    lik_point, nll_point, nll_now = charts_loss.likelihood_points_data(heads, tails, theta,
                                                                       *names)
    lik, nll = charts_loss.likelihood_curves_data(heads, tails, *names)
    return ({"left": arrow_bytes(lik), "left_point": arrow_bytes(lik_point),
             "right": arrow_bytes(nll), "right_point": arrow_bytes(nll_point)}, nll_now)
