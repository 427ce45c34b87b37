"""The digits-network page's chart styling: each series' colour and stroke, and a key for
several charts at once (the charts themselves are :func:`lib.charts.training_chart`)."""

from __future__ import annotations

import html
from typing import Mapping

__all__ = ["COLORS", "KEY_STROKES", "SHADES", "color_legend"]

#: Each cost's colour.
COLORS = {"quadratic": "#e8853d", "cross_entropy": "#3b6fb6"}
#: The gradient chart's four series (cost, layer) and their colours.
SHADES = {("quadratic", "output"): "#e8853d", ("quadratic", "hidden"): "#f5c28f",
          ("cross_entropy", "output"): "#3b6fb6", ("cross_entropy", "hidden"): "#9dbbe3"}
#: The line of each series in a key, in the order of the chart's series: the same solid,
#: dashed, dotted and dash-dot strokes as :func:`lib.charts.training_chart` draws them.
KEY_STROKES = ("━━━", "╍╍╍", "┉┉┉", "━╍━")


def color_legend(colors: Mapping[str, str]) -> str:
    """A key for a chart, as HTML that wraps on a phone (a chart's own legend does not): each
    series' stroke (:data:`KEY_STROKES`, in order), in its colour and bold, before its name
    (``colors`` maps names to CSS colours; names are escaped).

    >>> print(color_legend({"A & B": "#123456"}))  # doctest: +NORMALIZE_WHITESPACE
    <div style="line-height:1.9;max-width:100%"><span
    style="display:inline-block;white-space:nowrap;margin-right:1.2em"><span
    style="color:#123456;font-weight:700">━━━</span> A &amp; B</span></div>
    """
    items = (f'<span style="display:inline-block;white-space:nowrap;margin-right:1.2em">'
             f'<span style="color:{color};font-weight:700">{stroke}</span> '
             f'{html.escape(name)}</span>'
             for (name, color), stroke in zip(colors.items(), KEY_STROKES))
    return f'<div style="line-height:1.9;max-width:100%">{" ".join(items)}</div>'
