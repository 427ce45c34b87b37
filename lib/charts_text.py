"""Altair chart form of the compression page (pattern of :mod:`lib.charts`): bits per character
of the training text and of the held-out text against the model's order; and the held-out text
shaded by each character's cost (:func:`shaded_text`, HTML).

The two series differ by more than colour: the training text's line is dashed with square
markers, the held-out text's solid with round ones, and each is named at its right end.
"""

from __future__ import annotations

import html
from typing import Mapping, Sequence

import altair as alt
import numpy as np

from lib import fmt
from lib.charts import CE_COLOR, INK, P_COLOR, TOOLTIP_FORMAT, Columns
from lib.text import OrderPoint, code_point, control_characters

Text = Mapping[str, str]
TRAIN_COLOR = P_COLOR
HELD_COLOR = CE_COLOR
CHOSEN_COLOR = "#555555"

__all__ = ["order_chart", "order_chart_data", "order_table", "chosen_data", "shaded_text"]


def order_chart(text: Text, held: bool = True) -> alt.LayerChart:
    """Bits per character against the order (0 … 5), one line per text, a grey band at the
    order the coder uses. Datasets ``curve``: ``order, series, bits, perplexity, dash, label``
    (``label`` set on the last point of each series only); ``chosen``: ``order``. ``text``
    keys: ``x``, ``y``, ``series``, ``perplexity``, ``train``, ``held``, ``chosen``.
    ``held``: whether the legend names the held-out text (False while a page holds its curve
    back and the data hold the training text only)."""
    names = [text["train"], text["held"]][:2 if held else 1]
    color = alt.Color("series:N", scale=alt.Scale(domain=names,
                                                  range=[TRAIN_COLOR, HELD_COLOR][:len(names)]),
                      # The markers, filled, without an outline: the line's dash on a square's
                      # outline read as a ragged blob.
                      legend=alt.Legend(orient="top", title=None, labelLimit=0,
                                        symbolStrokeWidth=0))
    dash = alt.StrokeDash("series:N", scale=alt.Scale(domain=names,
                                                      range=[[6, 4], [1, 0]][:len(names)]),
                          legend=None)
    shape = alt.Shape("series:N", scale=alt.Scale(domain=names,
                                                  range=["square", "circle"][:len(names)]),
                      legend=None)
    x = alt.X("order:Q", title=text["x"], scale=alt.Scale(domain=[-0.3, 5.9], nice=False),
              axis=alt.Axis(values=list(range(6)), format="d"))
    y = alt.Y("bits:Q", title=text["y"], scale=alt.Scale(zero=True))
    tips = [alt.Tooltip("series:N", title=text["series"]),
            alt.Tooltip("order:Q", title=text["x"]),
            alt.Tooltip("bits:Q", title=text["y"], format=TOOLTIP_FORMAT),
            alt.Tooltip("perplexity:Q", title=text["perplexity"], format=TOOLTIP_FORMAT)]
    base = alt.Chart(alt.NamedData("curve"))
    band = alt.Chart(alt.NamedData("chosen")).mark_rect(color="#cfcfcf", opacity=0.45).encode(
        x=alt.X("lo:Q"), x2="hi:Q",
        tooltip=[alt.Tooltip("label:N", title=text["chosen"])])
    lines = base.mark_line(strokeWidth=2.5).encode(x=x, y=y, color=color, strokeDash=dash,
                                                    detail="series:N")
    points = base.mark_point(size=90, filled=True, opacity=1).encode(
        x=x, y=y, color=color, shape=shape, tooltip=tips)
    # Each line named at its right end, the held-out text's a little above its point and the
    # training text's a little below, so the two names stay apart where the lines meet.
    labels = [base.transform_filter(alt.datum.series == name).mark_text(
        align="left", dx=9, dy=dy, fontSize=12, color=INK).encode(x=x, y=y, text="label:N")
        for name, dy in ((text["train"], 9), (text["held"], -9))[:len(names)]]
    return alt.layer(band, lines, points, *labels).properties(height=300)


def order_chart_data(train_bits: Sequence[float], held_bits: Sequence[float],
                     text: Text) -> dict[str, Columns]:
    """Dataset ``curve`` from the bits per character at orders 0, 1, …; each series is named
    (``label``) at its last point.

    >>> d = order_chart_data([4.8, 3.6], [4.9, 3.8], {"train": "T", "held": "H"})["curve"]
    >>> d["series"].tolist(), d["label"].tolist(), d["perplexity"].round(2).tolist()
    (['T', 'T', 'H', 'H'], ['', 'T', '', 'H'], [27.86, 12.13, 29.86, 13.93])
    >>> order_chart_data([4.8, 3.6], [], {"train": "T", "held": "H"})["curve"]["series"].tolist()
    ['T', 'T']
    """
    n = len(train_bits)
    bits = np.array([*train_bits, *held_bits], dtype=float)
    series = np.array([text["train"]] * n + [text["held"]] * len(held_bits), dtype=object)
    held_labels = [""] * (len(held_bits) - 1) + [text["held"]] if len(held_bits) else []
    labels = np.array([""] * (n - 1) + [text["train"]] + held_labels, dtype=object)
    return {"curve": {"order": np.array([*range(n), *range(len(held_bits))], dtype=np.int64),
                      "series": series, "bits": bits, "perplexity": np.exp2(bits),
                      "label": labels}}


def order_table(points: Sequence[OrderPoint]) -> dict[str, list[str]]:
    """The numbers of :func:`order_chart` as a table's columns (:func:`lib.text.order_curve`'s
    points): ``order``, and the training and held-out texts' bits per character (three
    decimals) and perplexities (two): ``train_bits``, ``train_ppl``, ``held_bits``,
    ``held_ppl``.

    >>> order_table([OrderPoint(0, 4.2, 4.3), OrderPoint(1, 3.0, 3.5)])["train_ppl"]
    ['18.38', '8.00']
    >>> [(k, *v) for k, v in order_table([OrderPoint(0, 4.2, 4.3)]).items()]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('order', '0'), ('train_bits', '4.200'), ('train_ppl', '18.38'), ('held_bits', '4.300'),
     ('held_ppl', '19.70')]
    """
    return {"order": [str(p.order) for p in points],
            "train_bits": [fmt.num(p.train_bits, 3) for p in points],
            "train_ppl": [fmt.num(p.train_perplexity, 2) for p in points],
            "held_bits": [fmt.num(p.test_bits, 3) for p in points],
            "held_ppl": [fmt.num(p.test_perplexity, 2) for p in points]}


def chosen_data(order: int, label: str) -> dict[str, Columns]:
    """Dataset ``chosen``: a band half an order wide either side of ``order``."""
    return {"chosen": {"lo": np.array([order - 0.3]), "hi": np.array([order + 0.3]),
                       "label": np.array([label], dtype=object)}}


# ---- The held-out text shaded by its cost ------------------------------------------------------

def _glyph(ch: str) -> str:
    """A character as it is drawn in the shaded text (control characters made visible)."""
    if ch == "\n":
        return "↵<br>"
    if ch == "\t":
        return "⇥"
    if ch in control_characters(ch):
        return f'<span style="font-size:0.7em">{code_point(ch)}</span>'
    return html.escape(ch)


def shaded_text(chars: str, costs: Sequence[float], unit: str, darkest: float = 12.0) -> str:
    """HTML of ``chars``, each on a purple background as dark as its cost (``costs``, bits;
    ``darkest`` bits and more the darkest shade), white ink on the darker shades, the cost in
    each character's tooltip with the name of the ``unit``.

    >>> html_text = shaded_text("a<", [0.0, 12.0], "bits")
    >>> html_text.count("<span"), "&lt;" in html_text, 'title="a: 0.00 bits"' in html_text
    (2, True, True)
    """
    spans = []
    for ch, bits in zip(chars, [float(b) for b in costs]):
        shade = min(max(bits, 0.0) / darkest, 1.0)
        ink = "#ffffff" if shade > 0.55 else "#1f1f1f"
        name = code_point(ch) if ch.isspace() or not ch.isprintable() else ch
        title = html.escape(f"{name}: {fmt.num(bits, 2)} {unit}", quote=True)
        spans.append(f'<span title="{title}" style="background: rgba(106, 61, 154, '
                     f'{0.9 * shade:.3f}); color: {ink}; border-radius: 2px;">'
                     f'{_glyph(ch)}</span>')
    return ('<div style="font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;'
            ' font-size: 0.95rem; line-height: 1.75; white-space: pre-wrap; '
            'overflow-wrap: anywhere; padding: 0.4rem 0.6rem; '
            'border: 1px solid rgba(128,128,128,0.35); border-radius: 0.4rem;">'
            + "".join(spans) + "</div>")
