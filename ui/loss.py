"""State and wording for the cross-entropy-as-a-loss page; the maths is :mod:`lib.losses`,
:mod:`lib.charts_loss` (chart forms and data) and :mod:`lib.library_calls` (the code cards).

Losses here are in nats, the natural log every training library uses; where the sidebar asks
for another unit, cross-entropy values also show the converted number (:func:`nats`). On screen,
numbers have three significant digits (:func:`lib.fmt.short`); tables and the code cards'
comments show more.

Caching (ui/MECHANISMS.md): one ``st.cache_resource`` function per interactive section
(``*_view``), of plain arguments and the language, returning what the section shows (chart
data as Arrow bytes, numbers, worded rows), shared by every session and never modified; the
binary curves, which do not follow the slider, are cached apart so that moving it reuses them.
"""

from __future__ import annotations

from collections import namedtuple

import pandas as pd
import streamlit as st

from lib import charts_loss, library_calls, loss_lesson, losses, tables
from lib.problems import Problem
from lib import fmt
from lib.settings import Setting
from ui import problems
from ui.charts import arrow_bytes, arrow_table, datasets
from ui.i18n import event_name, say, t
from ui.layout import in_units
from ui.state import PageState

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
    Setting("true", 2, "choice", choices=tuple(range(len(DEFAULT_LOGITS)))),
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


def nats(x: float) -> str:
    """A cross-entropy in nats, with the sidebar's unit added when it is not nats."""
    other = in_units(x, None)
    return fmt.amount(x, t("unit.nats")) + (f" = {other}" if other else "")


def ce_metric(container, label: str, x: float, **kwargs) -> None:
    """A metric in nats; the sidebar's unit, when different, as the metric's delta line under
    it (one element; a value holding both would be cut off in a narrow column)."""
    other = in_units(x, None)
    container.metric(label, fmt.amount(x, t("unit.nats")),
                     delta=f"= {other}" if other else None, delta_color="off",
                     delta_arrow="off", **kwargs)


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
    return datasets(cost), datasets(grad)


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

#: A code card as the page draws it: (the card's text, what each call returns and means).
CardView = tuple[str, tuple[str, ...]]


#: The bar chart's dataset, the probabilities, the gradients a − y, the loss −ln a(true) in
#: nats, and the code cards.
#: ``bars_held``: the bars without the gradients (while the checkpoint on the gradient waits).
SoftmaxView = namedtuple("SoftmaxView", "bars probs grads loss cards bars_held")


def class_names() -> tuple[str, ...]:
    """The softmax section's four classes, named in the reader's language (named, not lettered:
    "C" is the cost in ∂C/∂z)."""
    return tuple(t(f"ls.sm.class.{i}") for i in range(len(DEFAULT_LOGITS)))


@st.cache_resource(max_entries=256, show_spinner=False)
def softmax_view(z: tuple[float, ...], true: int, language: str) -> SoftmaxView:
    """The softmax section for logits ``z`` and the true class: bars, probabilities,
    gradients, loss, and the code cards with what each call returns and means, worded in
    ``language``."""
    bars, a, grads, loss = charts_loss.softmax_bars_data(z, true, class_names(), t("ls.sm.a"),
                                                         t("ls.sm.y"), t("ls.sm.grad"))
    quote, page = problems.message(Problem("sum", column="P", value=4.0)), t("page.explorer")
    cards = tuple((library_calls.card_text(card), tuple(
        say("ls.lib", library_calls.softmax_explained(c, len(z), loss), quote=quote, page=page)
        for c in card.calls)) for card in library_calls.softmax_cards(z, true))
    return SoftmaxView(arrow_bytes(bars), tuple(float(v) for v in a),
                       tuple(float(v) for v in grads), loss, cards,
                       arrow_bytes(bars[bars["series"] != t("ls.sm.grad")]))


def draw_cards(cards: tuple[CardView, ...]) -> None:
    """Each code card (it scrolls sideways when wider than the page, never breaking an
    identifier), then what its calls return and mean, as a Markdown list numbered like the
    calls' ``(n)`` comments. The calls and meanings are this app's own text."""
    for code, texts in cards:
        st.code(code, language="python")
        st.markdown("\n".join(f"{i}. {text}" for i, text in enumerate(texts, 1)))


# ---- multi-label ------------------------------------------------------------------------------

#: The classes, the table's problems worded (then nothing else is set), targets, predictions,
#: per-class terms, the results table as the page shows it, and the code cards.
MultiView = namedtuple("MultiView", "labels errors y a terms results cards",
                       defaults=(None, None, None, None, ()))


@st.cache_resource(max_entries=128, show_spinner=False,
                   hash_funcs={pd.DataFrame: fmt.table_text})
def multi_view(table: pd.DataFrame, language: str) -> MultiView:
    """The multi-label section for the reader's ``table``: problems, or the targets,
    predictions, per-class terms, the results table and the code cards with the table's
    numbers written in (a call said to equal this app's loss is said so only when it does),
    worded in ``language``."""
    labels, y, a, found = tables.read_predictions(
        table, default_label=lambda i: t("event.default", n=i + 1), name=event_name)
    if found:
        return MultiView(tuple(labels), tuple(problems.message(
            p, table=t("ls.ml.table_name"), columns={"a": t("ls.ml.a")}) for p in found))
    terms = losses.multi_label_terms(y, a)
    for array in (y, a, terms):
        array.setflags(write=False)  # shared by every session: read only
    total = float(terms.sum())
    cards = tuple((library_calls.card_text(card), tuple(
        say("ls.lib", *library_calls.explained(c, total, len(a))) for c in card.calls))
        for card in library_calls.multi_label_cards(y, a))
    table = loss_lesson.multi_label_table(labels, y, a, terms)
    titles = {"class": t("ls.ml.class"), "y": "y", "a": "a", "term": t("ls.ml.term")}
    return MultiView(tuple(labels), (), y, a, terms,
                     arrow_table({titles[k]: v for k, v in table.items()}), cards)


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
