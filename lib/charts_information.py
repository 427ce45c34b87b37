"""Altair chart forms of the information page (pattern of :mod:`lib.charts`): a *form*
``name(text, ...)`` with hashable arguments whose marks read named datasets, and its *data*
``name_data(...) -> {dataset: columns}`` (:data:`lib.charts.Columns`).
"""

from __future__ import annotations

from typing import Mapping, Sequence

import altair as alt
import numpy as np
import pandas as pd

from lib import curves
from lib.charts import ENTROPY_COLOR, P_COLOR, TOOLTIP_FORMAT, Columns, function_chart_data

__all__ = ["TEXT_COLOR", "curve_data", "entropy_panels", "entropy_panels_data"]

#: Axis, label and title text: dark on white (12.5:1; WCAG AA asks 4.5:1), as lib.charts.INK.
TEXT_COLOR = "#31333f"
Text = Mapping[str, str]


def entropy_panels(text: Text, rotate: bool = False) -> alt.VConcatChart:
    """Two bar panels over the same events, each on its own scale: above, the probability
    ``p_i`` (a number from 0 to 1); below, ``p_i · (−log p_i)``, the event's share of the
    entropy (in the reader's unit; the bars add up to ``H(P)``). Each bar carries its value
    (three significant digits), so the panels need no colour to be read. Dataset ``bars``:
    ``event, order, p, info, term``. ``text`` keys: ``event``, ``p``, ``term``, ``info``.

    >>> from lib.charts import compile_spec
    >>> spec = compile_spec(entropy_panels, text={"event": "e", "p": "p", "term": "t",
    ...                                           "info": "i"})
    >>> [panel["layer"][0]["encoding"]["y"]["title"] for panel in spec["vconcat"]]
    ['p', 't']
    """
    x = alt.X("event:N", sort=alt.EncodingSortField("order", op="min"), title=text["event"],
              axis=alt.Axis(labelAngle=-45 if rotate else 0, labelLimit=120))
    tips = [alt.Tooltip("event:N", title=text["event"]),
            alt.Tooltip("p:Q", title=text["p"], format=TOOLTIP_FORMAT),
            alt.Tooltip("info:Q", title=text["info"], format=TOOLTIP_FORMAT),
            alt.Tooltip("term:Q", title=text["term"], format=TOOLTIP_FORMAT)]
    base = alt.Chart(alt.NamedData("bars"))

    def panel(field: str, color: str, hide_x: bool) -> alt.LayerChart:
        x_here = x if not hide_x else alt.X(
            "event:N", sort=alt.EncodingSortField("order", op="min"), title=None,
            axis=alt.Axis(labels=False, ticks=False))
        y = alt.Y(f"{field}:Q", title=text[field], scale=alt.Scale(zero=True),
                  axis=alt.Axis(tickCount=4, format="~g"))
        bars = base.mark_bar(color=color, cornerRadiusTopLeft=2, cornerRadiusTopRight=2,
                             width={"band": 0.6}).encode(x=x_here, y=y, tooltip=tips)
        labels = base.mark_text(dy=-7, color=TEXT_COLOR, fontSize=12).encode(
            x=x_here, y=alt.Y(f"{field}:Q"), text=alt.Text(f"{field}:Q", format=".3~g"),
            tooltip=tips)
        return alt.layer(bars, labels).properties(height=130)

    return alt.vconcat(panel("p", P_COLOR, True), panel("term", ENTROPY_COLOR, False),
                       spacing=30).resolve_scale(x="shared").configure_axis(
        labelColor=TEXT_COLOR, titleColor=TEXT_COLOR).configure_axisY(
        titleY=-20).configure_view(stroke=None)


def entropy_panels_data(labels: Sequence[str], terms: pd.DataFrame) -> dict[str, Columns]:
    """The dataset ``bars`` of :func:`entropy_panels` from :func:`lib.info.event_terms`'s
    frame: one row per event, in the events' order (a repeated label keeps the place of its
    first appearance). Columns ``event, order, p, info, term``; an infinite ``info``
    (``p = 0``) is left out of the tooltip (NaN), its bars are 0.

    >>> import numpy as np
    >>> from lib import info
    >>> d = entropy_panels_data(["a", "b", "c"], info.event_terms(
    ...     np.array([0.5, 0.5, 0.0]), np.array([0.5, 0.5, 0.0]), 2))["bars"]
    >>> d["term"].tolist(), d["info"].tolist()[:2], d["order"].tolist()
    ([0.5, 0.5, 0.0], [1.0, 1.0], [0, 1, 2])
    """
    labels = [str(label) for label in labels]
    first = {}
    for i, label in enumerate(labels):
        first.setdefault(label, i)
    info_p = terms["info_p"].to_numpy(dtype=float)
    return {"bars": {
        "event": np.array(labels, dtype=object),
        "order": np.array([first[label] for label in labels], dtype=np.int64),
        "p": terms["p"].to_numpy(dtype=float),
        "info": np.where(np.isfinite(info_p), info_p, np.nan),
        "term": terms["entropy_term"].to_numpy(dtype=float)}}


def curve_data(curve: str, base: float | None, series: str) -> pd.DataFrame:
    """The dataset ``curves`` of :func:`lib.charts.function_chart` for ``curve``
    (``"surprisal"``: ``−log_b p`` over p in [0.001, 1], :func:`lib.curves.surprisal`; or
    ``"binary_entropy"``: ``H(p) = −p log_b p − (1 − p) log_b(1 − p)`` over p in [0, 1],
    :func:`lib.curves.binary_entropy`) in the unit of ``base``, named ``series``; columns
    ``x``, ``value``, ``series``, non-finite values dropped.

    >>> d = curve_data("binary_entropy", 2, "H")
    >>> float(d["value"].max()), d["series"].iloc[0]
    (1.0, 'H')
    >>> float(curve_data("surprisal", 2, "I")["value"].max()) < float("inf")
    True
    """
    frame = getattr(curves, curve)(base).set_axis(["x", "value"], axis=1)
    return function_chart_data(frame.assign(series=series))["curves"]
