"""Altair charts, compiled once, fed new data on every rerun.

Each chart is two pure functions:

``name(text, ...) -> altair chart``
    the chart's *form*: marks, encodings, colours, translated titles, layout. Its arguments are
    hashable (strings, numbers, tuples), and its marks read *named* datasets
    (``alt.NamedData("bars")``), never data.
``name_data(...) -> dict[str, table]``
    the chart's *data*, one table per named dataset, computed from the page's numbers: a pandas
    frame, or (:data:`Columns`, for the charts redrawn on every edit) a mapping of column name to
    numpy array, which goes to Arrow without pandas (``pandas.DataFrame(columns)`` makes it a
    frame).

:func:`compile_spec` turns a form into a Vega-Lite spec dict (``to_dict(validate=False)``:
schema validation of every chart on every rerun used to be most of a page's time); the app
caches it per form and arguments and puts each rerun's data into a copy (``ui.charts``).
Charts never receive a non-finite number: infinite terms are dropped from the marks and flagged
with a text mark, because Vega-Lite cannot place ∞ on an axis. Categories keep the order of an
``order`` column. Axis titles on the y axis are written horizontally above the axis,
so that Chinese titles are not drawn lying on their side.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Mapping, Sequence

import altair as alt
import numpy as np
import pandas as pd

from lib import fmt, raster
from lib.column_widths import text_px

P_COLOR = "#3b6fb6"
Q_COLOR = "#e8853d"
ENTROPY_COLOR = "#7fa7d9"
KL_COLOR = "#d9534f"
KL_NEGATIVE_COLOR = "#4daf7c"
CE_COLOR = "#6a3d9a"
#: The blend chart's dotted H(P) line.
FLOOR_COLOR = "#4b4f5c"
TOOLTIP_FORMAT = ".6f"
#: More categories than this and their axis labels are slanted.
ROTATE_AFTER = 8

#: Y-axis titles horizontal, above the axis (readable in Chinese); x titles as usual.
#: Axis, legend and title text in #31333f, 12.5:1 on white (WCAG asks 4.5:1 for text; the
#: default grey #808495 is about 3.7:1).
INK = "#31333f"
AXIS_CONFIG = {"axisY": {"titleAngle": 0, "titleAlign": "left", "titleBaseline": "bottom",
                         "titleX": -4, "titleY": -10, "titleFontWeight": "normal"},
               "axisX": {"titleFontWeight": "normal"},
               "axis": {"labelColor": INK, "titleColor": INK},
               "legend": {"labelColor": INK, "titleColor": INK},
               "title": {"color": INK},
               # Streamlit's theme gives every mark an encoding tooltip: a mark without a
               # tooltip of its own (a band, a label, a rule) would show its raw fields, such
               # as an untranslated "hi" and 12 digits. Only the tooltips a chart names show.
               "mark": {"tooltip": False}}
#: For a projector (the presentation view): larger axis, legend and title text.
LARGE_TEXT = {"axis": {"labelFontSize": 17, "titleFontSize": 18},
              "legend": {"labelFontSize": 17, "titleFontSize": 18},
              "title": {"fontSize": 20}}


def large_text(spec: dict) -> dict:
    """``spec`` with :data:`LARGE_TEXT` merged into its config (a new dict; ``spec`` unchanged).

    >>> large_text({"config": {"axis": {"labelColor": "#000"}}})["config"]["axis"]
    {'labelColor': '#000', 'labelFontSize': 17, 'titleFontSize': 18}
    """
    config = dict(spec.get("config", {}))
    for key, value in LARGE_TEXT.items():
        config[key] = {**config.get(key, {}), **value}
    return {**spec, "config": config}

Text = Mapping[str, str]
#: A dataset as column name -> numpy array (all of one length).
Columns = dict[str, np.ndarray]


def _thaw(value: Any) -> Any:
    """Tuples of ``(name, value)`` pairs back into mappings (callers may pass an ordered mapping
    as pairs, a hashable form), other tuples item by item."""
    if isinstance(value, tuple) and value and all(
            isinstance(v, tuple) and len(v) == 2 and isinstance(v[0], str) for v in value):
        return {k: _thaw(v) for k, v in value}
    if isinstance(value, tuple):
        return tuple(_thaw(v) for v in value)
    return value


def compile_spec(builder: Callable[..., Any], **params: Any) -> dict:
    """The Vega-Lite spec of ``builder(**params)`` as a dict, without schema validation
    (``to_dict(validate=False)``: validating every chart was most of a page's time), fitted to
    the page's width with the plot's own height, y-axis titles horizontal (:data:`AXIS_CONFIG`).
    A parameter given as ``(name, value)`` pairs reaches ``builder`` as a mapping in that order.
    Pure: the app caches it per form and parameters (``ui.charts``).

    >>> spec = compile_spec(bar_chart, text={"category": "c", "y": "v", "series": "s"},
    ...                     colors=(("A", "#000"), ("B", "#fff")))
    >>> spec["autosize"]["type"], spec["encoding"]["color"]["scale"]["domain"]
    ('fit-x', ['A', 'B'])
    """
    spec = fit_legends(builder(**{k: _thaw(v) for k, v in params.items()}).to_dict(
        validate=False))
    # Fit the width to the page but keep the height for the plot itself: with Streamlit's
    # default ("fit" both ways) legends, titles and axis titles eat into a fixed total height.
    spec.setdefault("autosize", {"type": "fit-x", "contains": "padding"})
    config = spec.setdefault("config", {})
    for key, value in AXIS_CONFIG.items():
        config[key] = {**value, **config.get(key, {})}
    return spec


#: The width a legend's entries may take in one row above the plot: a chart on a 390 px phone
#: is 358 px wide, and its legend starts after the y axis's labels (40-60 px).
LEGEND_ROW_PX = 300
#: A legend entry besides its label: the gap between symbol and label and after the entry
#: (7 and 15 px measured in Chromium), rounded up.
_ENTRY_GAPS_PX = 24


def legend_row_px(labels: Sequence[str], symbol_size: float = 100) -> float:
    """Pixels a legend's entries take side by side, at most: each a symbol (``symbol_size`` is
    Vega's area, so its width is the square root), the two gaps, and its label in the legend's
    14 px font (:func:`lib.column_widths.text_px`, which never under-counts).

    >>> legend_row_px(["P", "Q"])
    87.0
    """
    return sum(symbol_size ** 0.5 + _ENTRY_GAPS_PX + text_px(str(label)) for label in labels)


def fit_legends(spec: Any) -> Any:
    """``spec`` (a compiled Vega-Lite dict, changed in place and returned) with each legend above
    the plot that would not fit one row on a phone (:data:`LEGEND_ROW_PX`) stacked one entry a
    line (``columns: 1``): Vega-Lite lays a top legend out in a single row and cuts off what
    does not fit, so the last entries, a colour a student must decode, would be missing.
    Legends that set their own ``columns`` or ``direction``, and those whose entries come from
    the data rather than a scale's domain, are left as they are.

    >>> spec = {"encoding": {"color": {"scale": {"domain": ["a long name " * 3, "another"]},
    ...                                "legend": {"orient": "top"}}}}
    >>> fit_legends(spec)["encoding"]["color"]["legend"]
    {'orient': 'top', 'columns': 1}
    """
    if isinstance(spec, dict):
        scale, legend = spec.get("scale"), spec.get("legend")
        domain = scale.get("domain") if isinstance(scale, dict) else None
        if (isinstance(legend, dict) and legend.get("orient") == "top"
                and "columns" not in legend and "direction" not in legend
                and isinstance(domain, list)
                and legend_row_px(domain, legend.get("symbolSize", 100)) > LEGEND_ROW_PX):
            legend["columns"] = 1
        for value in spec.values():
            fit_legends(value)
    elif isinstance(spec, list):
        for value in spec:
            fit_legends(value)
    return spec


def _x_nominal(title: str, rotate: bool) -> alt.X:
    return alt.X("event:N", sort=alt.EncodingSortField("order", op="min"), title=title,
                 axis=alt.Axis(labelAngle=-45 if rotate else 0, labelLimit=120))


def _legend() -> alt.Legend:
    return alt.Legend(orient="top", labelLimit=0)


def line_legend(**extra: Any) -> alt.Legend:
    """A legend of lines that tell series apart by dash as well as colour: each symbol a stroke
    long enough (about 25 px) to show its dash pattern (the default symbol is a 10 px stub,
    too short for an [8, 4] dash to look dashed)."""
    return alt.Legend(orient="top", labelLimit=0, symbolType="stroke", symbolSize=600,
                      symbolStrokeWidth=3, **extra)


# ---- explorer ----------------------------------------------------------------------------------

def distribution_bars(text: Text, rotate: bool = False) -> alt.LayerChart:
    """P and Q side by side for each event, told apart by more than colour: P's bars solid,
    Q's lighter with a dark outline, always in the order P, Q, and (up to :data:`ROTATE_AFTER`
    events, i.e. unless ``rotate``) a letter above each bar. Dataset ``bars``: ``event, order,
    dist, probability``. ``text`` keys: ``event``, ``probability``, ``P``, ``Q``,
    ``distribution``."""
    names = [text["P"], text["Q"]]
    x = _x_nominal(text["event"], rotate)
    offset = alt.XOffset("dist:N", sort=names)
    y = alt.Y("probability:Q", title=text["probability"], scale=alt.Scale(domain=[0, 1]))
    bars = alt.Chart(alt.NamedData("bars")).mark_bar(
        cornerRadiusTopLeft=2, cornerRadiusTopRight=2, strokeWidth=1.5).encode(
        x=x, xOffset=offset, y=y,
        color=alt.Color("dist:N", title=text["distribution"],
                        scale=alt.Scale(domain=names, range=[P_COLOR, Q_COLOR]),
                        legend=_legend()),
        fillOpacity=alt.FillOpacity("dist:N", scale=alt.Scale(domain=names, range=[1.0, 0.45]),
                                    legend=None),
        stroke=alt.Stroke("dist:N", scale=alt.Scale(domain=names, range=[P_COLOR, "#9a4a0b"]),
                          legend=None),
        tooltip=[alt.Tooltip("event:N", title=text["event"]),
                 alt.Tooltip("dist:N", title=text["distribution"]),
                 alt.Tooltip("probability:Q", title=text["probability"],
                             format=TOOLTIP_FORMAT)])
    if rotate:
        return alt.layer(bars).properties(height=340)
    letters = alt.Chart(alt.NamedData("bars")).mark_text(
        dy=-7, fontSize=11, color=INK).encode(x=x, xOffset=offset, y=y, text="dist:N")
    return alt.layer(bars, letters).properties(height=340)


def distribution_bars_data(labels: Sequence[str], p, q, text: Text) -> dict[str, Columns]:
    """Dataset ``bars`` for :func:`distribution_bars`: P's rows, then Q's.

    >>> d = distribution_bars_data(["a", "b"], [0.5, 0.5], [1.0, 0.0], {"P": "P", "Q": "Q"})
    >>> pd.DataFrame(d["bars"]).values.tolist()
    [['a', 0, 'P', 0.5], ['b', 1, 'P', 0.5], ['a', 0, 'Q', 1.0], ['b', 1, 'Q', 0.0]]
    """
    n = len(labels)
    return {"bars": {
        "event": np.array(list(labels) * 2, dtype=object), "order": np.tile(np.arange(n), 2),
        "dist": np.array([text["P"]] * n + [text["Q"]] * n, dtype=object),
        "probability": np.concatenate([np.asarray(p, float), np.asarray(q, float)])}}


#: The cross-entropy stack's parts: entropy (grey), KL adds (vermillion), KL subtracts (blue).
STACK_COLORS = ("#a9b1c1", "#d55e00", "#0072b2")


def cross_entropy_stack(text: Text, rotate: bool = False) -> alt.LayerChart:
    """Per-event cross-entropy term ``-p_i log q_i`` built as ``-p_i log p_i`` plus
    ``p_i log(p_i/q_i)``.

    The entropy part is a bar from 0; the KL part floats on top of it (pointing down when the
    term is negative, i.e. Q gives the event more probability than P does); a dark tick marks
    the total; events whose term is infinite get an ``∞`` mark instead of a KL bar. One legend,
    below the plot, one entry per line: the three parts (squares) and the total (a stroke, as
    the tick is drawn). Datasets from :func:`cross_entropy_stack_data`. ``text`` keys:
    ``event``, ``value``, ``entropy_part``, ``kl_adds``, ``kl_subtracts``, ``total``, ``part``,
    ``infinite``.
    """
    x = _x_nominal(text["event"], rotate)
    tooltip = [alt.Tooltip("event:N", title=text["event"]),
               alt.Tooltip("part:N", title=text["part"]),
               alt.Tooltip("value:Q", title=text["value"], format=TOOLTIP_FORMAT),
               alt.Tooltip("total_text:N", title=text["total"])]
    domain = [text["entropy_part"], text["kl_adds"], text["kl_subtracts"], text["total"]]
    # Colour-blind-safe: grey, vermillion (up), blue (down); a legend of one entry per line, so
    # that no entry is cut off on a phone. The total's entry is a stroke in the tick's colour,
    # so that the tick is told apart from the bars by its shape in the legend too.
    is_total = f"datum.value === {json.dumps(text['total'], ensure_ascii=False)}"
    color = alt.Color("part:N", title=text["part"],
                      scale=alt.Scale(domain=domain, range=[*STACK_COLORS, CE_COLOR]),
                      legend=alt.Legend(
                          orient="bottom", direction="vertical", labelLimit=0,
                          symbolType=alt.ExprRef(f"{is_total} ? 'stroke' : 'square'"),
                          symbolStrokeColor=alt.ExprRef(f"{is_total} ? '{CE_COLOR}' : null"),
                          symbolStrokeWidth=3))
    # The KL part is drawn narrower so that where it points down (Q over-weights the event)
    # it does not hide the entropy bar it subtracts from.
    bars = alt.Chart(alt.NamedData("entropy")).mark_bar(size=30).encode(
        x=x, y=alt.Y("start:Q", title=text["value"]), y2="end:Q", color=color, tooltip=tooltip)
    kl = alt.Chart(alt.NamedData("kl")).mark_bar(size=14).encode(
        x=x, y="start:Q", y2="end:Q", color=color, tooltip=tooltip)
    # Opaque (a tick's default is 0.7), so that it and its legend entry are the same colour.
    ticks = alt.Chart(alt.NamedData("totals")).mark_tick(
        thickness=3, size=36, opacity=1).encode(
        x=x, y=alt.Y("total:Q"), color=alt.Color(datum=text["total"]),
        tooltip=[alt.Tooltip("event:N", title=text["event"]),
                 alt.Tooltip("total:Q", title=text["total"], format=TOOLTIP_FORMAT)])
    flags = alt.Chart(alt.NamedData("flags")).mark_text(
        fontSize=22, color=STACK_COLORS[1], dy=-4).encode(
        x=x, y="y:Q", text="mark:N",
        tooltip=[alt.Tooltip("event:N", title=text["event"]),
                 alt.Tooltip("note:N", title=text["total"])])
    return alt.layer(bars, kl, ticks, flags).properties(height=380)


def cross_entropy_stack_data(labels: Sequence[str], terms: pd.DataFrame,
                             text: Text) -> dict[str, Columns]:
    """Datasets for :func:`cross_entropy_stack` from :func:`lib.info.event_terms`' frame.

    ``entropy``: every event's ``-p_i log p_i`` from 0; ``kl``: ``p_i log(p_i/q_i)`` on top of it
    where it is finite and not 0; ``totals``: the finite ``-p_i log q_i``; ``flags``: an ``∞``
    mark at 1.05 times the highest finite total (1 if none is positive) for the infinite ones.

    >>> from lib.info import event_terms
    >>> d = cross_entropy_stack_data(["a", "b"], event_terms([0.5, 0.5], [1.0, 0.0], 2), {
    ...     "entropy_part": "H", "kl_adds": "+", "kl_subtracts": "-", "infinite": "inf"})
    >>> pd.DataFrame(d["kl"])[["event", "start", "end"]].values.tolist(), d["flags"]["event"]
    ([['a', 0.5, 0.0]], array(['b'], dtype=object))
    """
    labels = np.array(list(labels), dtype=object)
    order = np.arange(len(labels))
    e = terms["entropy_term"].to_numpy()
    k = terms["kl_term"].to_numpy()
    ce = terms["cross_entropy_term"].to_numpy()
    finite = np.isfinite(ce)
    # Tooltip text rather than a number, so an infinite total reads "∞" and no inf reaches Vega.
    total_text = np.array([fmt.num(v, 6) for v in ce], dtype=object)
    shown = finite & (k != 0)
    top = float(np.max(ce[finite])) if finite.any() else 1.0
    top = top if top > 0 else 1.0
    n_inf = int((~finite).sum())
    part = np.where(k >= 0, text["kl_adds"], text["kl_subtracts"]).astype(object)
    return {
        "entropy": {"event": labels, "order": order,
                    "part": np.full(len(e), text["entropy_part"], dtype=object),
                    "start": np.zeros(len(e)), "end": e, "value": e, "total_text": total_text},
        "kl": {"event": labels[shown], "order": order[shown], "part": part[shown],
               "start": e[shown], "end": (e + np.where(finite, k, 0.0))[shown],
               "value": k[shown], "total_text": total_text[shown]},
        "totals": {"event": labels[finite], "order": order[finite], "total": ce[finite]},
        "flags": {"event": labels[~finite], "order": order[~finite],
                  "y": np.full(n_inf, top * 1.05), "mark": np.full(n_inf, "∞", dtype=object),
                  "note": np.full(n_inf, text["infinite"], dtype=object)}}


def blend_chart(text: Text) -> alt.LayerChart:
    """``H(P, Q_t)`` (solid) and ``D(P || Q_t)`` (dashed) against ``t``, the current ``t`` as a
    vertical rule and ``H(P)`` (the floor of the cross-entropy) as a dotted horizontal rule.
    One legend of the three (:func:`line_legend`, one entry per line so that the floor's long
    name fits on a phone): each with its colour and dash. Datasets from
    :func:`blend_chart_data` and :func:`blend_now_data`. ``text`` keys: ``t``, ``value``,
    ``cross_entropy``, ``kl``, ``quantity``, ``entropy_p``."""
    names = [text["cross_entropy"], text["kl"], text["entropy_p"]]
    legend = line_legend(direction="vertical")
    color = alt.Color("quantity:N", title=text["quantity"], legend=legend,
                      scale=alt.Scale(domain=names, range=[CE_COLOR, KL_COLOR, FLOOR_COLOR]))
    dash = alt.StrokeDash("quantity:N", title=text["quantity"], legend=legend,
                          scale=alt.Scale(domain=names, range=[[1, 0], [8, 4], [2, 3]]))
    lines = alt.Chart(alt.NamedData("curve")).mark_line(strokeWidth=3).encode(
        x=alt.X("t:Q", title=text["t"], scale=alt.Scale(domain=[0, 1])),
        y=alt.Y("value:Q", title=text["value"]), color=color, strokeDash=dash,
        tooltip=[alt.Tooltip("t:Q", title=text["t"], format=".2f"),
                 alt.Tooltip("quantity:N", title=text["quantity"]),
                 alt.Tooltip("value:Q", title=text["value"], format=TOOLTIP_FORMAT)])
    floor = alt.Chart(alt.NamedData("floor")).mark_rule(strokeWidth=2).encode(
        y="h:Q", color=color, strokeDash=dash,
        tooltip=[alt.Tooltip("quantity:N", title=text["quantity"]),
                 alt.Tooltip("h:Q", title=text["value"], format=TOOLTIP_FORMAT)])
    now = alt.Chart(alt.NamedData("now")).mark_rule(color="#222", strokeWidth=1.5).encode(
        x="t:Q")
    return alt.layer(lines, floor, now).properties(height=380)


def blend_chart_data(curve: pd.DataFrame, entropy_p: float, text: Text) -> dict[str, Columns]:
    """Datasets ``curve`` (long form of :func:`lib.info.blend_curve`'s frame, non-finite points
    dropped) and ``floor`` for :func:`blend_chart`; ``now`` comes from :func:`blend_now_data`.

    >>> from lib.info import blend_curve
    >>> d = blend_chart_data(blend_curve([1.0, 0.0], [0.0, 1.0], 2, points=3), 0.0,
    ...                      {"cross_entropy": "CE", "kl": "KL", "entropy_p": "H"})
    >>> pd.DataFrame(d["curve"]).values.tolist()
    [[0.5, 'CE', 1.0], [1.0, 'CE', 0.0], [0.5, 'KL', 1.0], [1.0, 'KL', 0.0]]
    """
    t = curve["t"].to_numpy()
    values = np.concatenate([curve["cross_entropy"].to_numpy(), curve["kl"].to_numpy()])
    keep = np.isfinite(values)
    names = np.array([text["cross_entropy"]] * len(t) + [text["kl"]] * len(t), dtype=object)
    return {"curve": {"t": np.concatenate([t, t])[keep], "quantity": names[keep],
                      "value": values[keep]},
            "floor": {"h": np.array([entropy_p], dtype=float),
                      "quantity": np.array([text["entropy_p"]], dtype=object)}}


def blend_now_data(t: float) -> dict[str, Columns]:
    """Dataset ``now`` for :func:`blend_chart`: the current ``t``, a vertical rule."""
    return {"now": {"t": np.array([t], dtype=float)}}


# ---- training curves ----------------------------------------------------------------------------

def thin(frame: pd.DataFrame, max_points: int = 300, column: str = "epoch") -> pd.DataFrame:
    """Keep at most about ``max_points`` evenly spaced values of ``column`` (first and last
    always kept), so long runs stay light to draw and to send to the browser."""
    values = np.sort(frame[column].unique())
    if len(values) <= max_points:
        return frame
    keep = values[np.unique(np.linspace(0, len(values) - 1, max_points).round().astype(int))]
    return frame[frame[column].isin(keep)]


def training_chart(text: Text, colors: Mapping[str, str], log_scale: bool = False,
                   legend: bool = False, height: int = 240) -> alt.LayerChart:
    """One quantity against epoch, a line per run, a vertical rule at the current epoch.

    Datasets from :func:`training_chart_data`. ``colors`` maps run names to colours; runs
    differ by dash pattern too (solid, dashed, dotted, dash-dot, in that order). No legend
    unless ``legend``: pages show one key for several charts. ``text`` keys: ``epoch``, ``run``,
    ``title`` (the quantity's name, for the tooltip) and ``axis`` (a short name for the y axis);
    an optional ``chart_title`` is drawn above the chart.
    """
    y_scale = alt.Scale(type="log") if log_scale else alt.Scale(zero=False)
    lines = alt.Chart(alt.NamedData("lines")).mark_line(strokeWidth=2.5).encode(
        x=alt.X("epoch:Q", title=text["epoch"], axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("value:Q", title=text["axis"], scale=y_scale),
        color=alt.Color("run:N", scale=alt.Scale(domain=list(colors), range=list(colors.values())),
                        title=text["run"], legend=_legend() if legend else None),
        # Runs differ in more than colour: solid, dashed, dotted, dash-dot, in ``colors``' order.
        strokeDash=alt.StrokeDash("run:N", scale=alt.Scale(
            domain=list(colors), range=[[1, 0], [6, 3], [2, 2], [8, 3, 2, 3]][:len(colors)]),
            legend=None),
        tooltip=[alt.Tooltip("run:N", title=text["run"]),
                 alt.Tooltip("epoch:Q", title=text["epoch"]),
                 alt.Tooltip("value:Q", title=text["title"], format=".6g")])
    rule = alt.Chart(alt.NamedData("rule")).mark_rule(color="#222", strokeDash=[4, 3]).encode(
        x="epoch:Q")
    chart = alt.layer(lines, rule).properties(height=height)
    if text.get("chart_title"):
        chart = chart.properties(title=alt.Title(text["chart_title"], anchor="start"))
    return chart


def training_chart_data(runs: pd.DataFrame, field: str, epoch: int,
                        log_scale: bool = False) -> dict[str, pd.DataFrame]:
    """``runs`` is long: columns ``epoch``, ``run`` (display name) and ``field``. Non-finite
    values are dropped, and so are values ≤ 0 on a log axis (an underflowed σ'(z))."""
    data = runs[["epoch", "run", field]].rename(columns={field: "value"})
    keep = np.isfinite(data["value"]) & ((data["value"] > 0) if log_scale else True)
    return {"lines": data[keep], "rule": pd.DataFrame({"epoch": [epoch]})}


def init_map(text: Text, epochs: int, lo: float, hi: float, step: float,
             selection: str | None = None) -> alt.LayerChart:
    """Heatmap over starting ``(w0, b0)`` in ``[lo, hi]²`` of the epochs needed; cells never
    reaching the goal are grey; the current start is circled. Datasets from
    :func:`init_map_data`. ``text`` keys: ``w0``, ``b0``, ``epochs``, ``never``, ``title``,
    ``start``. ``selection`` names a click selection of a hover target's ``w0, b0`` (the start at
    its block's centre, as its tooltip says): the map as a control. Axis and legend text is
    dark (#4b4f5c, 8:1 on white).

    The cells are one picture (an image layer, see :mod:`lib.raster`), coloured as the
    legend's scale colours them (viridis, reversed, over ``[0, epochs]``). Over it lie
    invisible hover targets, one per block of cells, whose tooltips give the start at the
    block's centre and the epochs it needs; they also carry the colour scale the legend draws.
    """
    domain = [lo - step / 2, hi + step / 2]
    x = alt.X("w_lo:Q", title=text["w0"], scale=alt.Scale(domain=domain, nice=False))
    y = alt.Y("b_lo:Q", title=text["b0"], scale=alt.Scale(domain=domain, nice=False))
    picture = alt.Chart(alt.NamedData("picture")).mark_image(aspect=False).encode(
        x=x, x2="w_hi:Q", y=y, y2="b_hi:Q", url="url:N")
    targets = alt.Chart(alt.NamedData("cells")).mark_rect(
        opacity=0, cursor="pointer" if selection else "default").encode(
        x=x, x2="w_hi:Q", y=y, y2="b_hi:Q",
        color=alt.Color("epochs_needed:Q", title=text["epochs"],
                        scale=alt.Scale(scheme="viridis", reverse=True, domain=[0, epochs]),
                        legend=alt.Legend(orient="bottom", gradientLength=220)),
        tooltip=[alt.Tooltip("w0:Q", title=text["w0"], format=".2f"),
                 alt.Tooltip("b0:Q", title=text["b0"], format=".2f"),
                 alt.Tooltip("label:N", title=text["epochs"])])
    if selection:
        targets = targets.add_params(alt.selection_point(
            name=selection, on="click", fields=["w0", "b0"], clear=False, toggle=False))
    here = alt.Chart(alt.NamedData("here")).mark_point(
        shape="circle", size=160, filled=False, color="#d62728", strokeWidth=3, clip=True).encode(
        x="w_lo:Q", y="b_lo:Q", tooltip=alt.Tooltip("name:N", title=text["start"]))
    dark = "#4b4f5c"
    return alt.layer(picture, targets, here).properties(
        title=alt.Title(text["title"], anchor="start"), height=360).configure_axis(
        labelColor=dark, titleColor=dark).configure_legend(labelColor=dark, titleColor=dark)


#: Each map cell is drawn as a block this many pixels wide in the picture.
MAP_PIXELS_PER_CELL = 6
#: Hover and click targets cover blocks of this many cells a side (17 × 17 targets on the
#: neuron's 81 × 81 grid, one at every multiple of 0.5: each target is an SVG element in the
#: browser, and 27 × 27 of them made most of the page's DOM).
MAP_TOOLTIP_BLOCK = 5
NEVER_COLOR = "#c9c9c9"


def init_map_data(grid: pd.DataFrame, start: tuple[float, float], text: Text,
                  epochs: int, block: int = MAP_TOOLTIP_BLOCK) -> dict[str, pd.DataFrame]:
    """``grid`` has ``w0, b0, epochs_needed`` (-1 = never) on a regular square grid; ``epochs``
    is the colour scale's top (the run's length).

    Returns ``picture`` (one row: the extent and a PNG data URL of every cell, coloured as
    :func:`init_map`'s scale does, never-reached cells grey), ``cells`` (hover targets: the
    grid points at the centres of ``block`` × ``block`` blocks, placed so that the grid's middle
    point is one, each spanning its block (the first and last also what is left at the edges),
    with ``label`` the epochs needed or ``text["never"]``) and ``here`` (the circled start)."""
    w_axis, b_axis = np.unique(grid["w0"]), np.unique(grid["b0"])
    if len(w_axis) * len(b_axis) != len(grid):
        raise ValueError("init_map_data needs a full regular grid of (w0, b0)")
    step = float(np.diff(w_axis).mean()) if len(w_axis) > 1 else 0.1
    ordered = grid.sort_values(["b0", "w0"], ascending=[False, True])  # top row = largest b0
    needed = ordered["epochs_needed"].to_numpy().reshape(len(b_axis), len(w_axis))
    rgb = raster.heatmap_rgb(needed, 0, max(int(epochs), 1), reverse=True, missing=needed < 0,
                             missing_color=NEVER_COLOR)
    url = raster.data_url(raster.png(rgb, MAP_PIXELS_PER_CELL))
    half = step / 2
    picture = pd.DataFrame({"w_lo": [w_axis[0] - half], "w_hi": [w_axis[-1] + half],
                            "b_lo": [b_axis[0] - half], "b_hi": [b_axis[-1] + half],
                            "url": [url]})
    # Centres of the blocks, the middle grid point one of them (on the neuron's map: (0, 0)
    # and every multiple of block × step); the first and last blocks also take what is left
    # over at the edges.
    centres = lambda n: np.arange((n // 2) % block, n, block)  # noqa: E731
    wi, bi = np.meshgrid(centres(len(w_axis)), centres(len(b_axis)))
    wi, bi = wi.ravel(), bi.ravel()
    n_needed = needed[len(b_axis) - 1 - bi, wi]  # needed's row 0 is the largest b0
    reach = block // 2 * step + half
    edge = picture.iloc[0]
    cells = pd.DataFrame({
        "w0": w_axis[wi], "b0": b_axis[bi], "epochs_needed": n_needed,
        "w_lo": np.where(wi == wi.min(), edge["w_lo"], w_axis[wi] - reach),
        "w_hi": np.where(wi == wi.max(), edge["w_hi"], w_axis[wi] + reach),
        "b_lo": np.where(bi == bi.min(), edge["b_lo"], b_axis[bi] - reach),
        "b_hi": np.where(bi == bi.max(), edge["b_hi"], b_axis[bi] + reach),
        "label": np.where(n_needed >= 0, n_needed.astype(str), text["never"])})
    return {"picture": picture, "cells": cells, "here": init_map_here(start, text["start"])}


def init_map_here(start: tuple[float, float], name: str) -> pd.DataFrame:
    """:func:`init_map`'s ``here`` dataset: the start ``(w0, b0)`` to circle, named ``name``."""
    return pd.DataFrame({"w_lo": [float(start[0])], "b_lo": [float(start[1])], "name": [name]})


# ---- functions and bars -------------------------------------------------------------------------

def function_chart(text: Text, colors: Mapping[str, str], x_domain=(0.0, 1.0),
                   shade: bool = False, height: int = 300, y_domain=None) -> alt.LayerChart:
    """Curves ``value`` against ``x``, one per ``series``, with marked points and an optional
    tinted band. Datasets from :func:`function_chart_data`. ``text`` keys: ``x``, ``y``,
    ``series``, and ``shade`` when ``shade`` is set."""
    legend = _legend() if len(colors) > 1 else None
    color = alt.Color("series:N", title=text["series"],
                      scale=alt.Scale(domain=list(colors), range=list(colors.values())),
                      legend=legend)
    y_scale = alt.Scale(domain=list(y_domain)) if y_domain else alt.Scale()
    x = alt.X("x:Q", title=text["x"], scale=alt.Scale(domain=list(x_domain)))
    tooltip = [alt.Tooltip("series:N", title=text["series"]),
               alt.Tooltip("x:Q", title=text["x"], format=".4f"),
               alt.Tooltip("value:Q", title=text["y"], format=".6f")]
    layers = []
    if shade:
        layers.append(alt.Chart(alt.NamedData("band")).mark_rect(
            color="#f4b6b6", opacity=0.35).encode(
            x="x:Q", x2="x2:Q", tooltip=alt.Tooltip("label:N", title=text["x"])))
    layers.append(alt.Chart(alt.NamedData("curves")).mark_line(strokeWidth=2.5, clip=True).encode(
        x=x, y=alt.Y("value:Q", title=text["y"], scale=y_scale), color=color, tooltip=tooltip))
    # The marked point is not clipped: at the edge of the plot (a fair coin's 1 bit at the top)
    # a clipped marker would show only its lower half.
    layers.append(alt.Chart(alt.NamedData("points")).mark_point(
        size=110, filled=True, opacity=1, clip=False).encode(
        x="x:Q", y="value:Q", color=color, tooltip=tooltip))
    return alt.layer(*layers).properties(height=height)


def function_chart_data(curves: pd.DataFrame, points: pd.DataFrame | None = None,
                        shade: tuple[float, float] | None = None,
                        shade_label: str = "") -> dict[str, pd.DataFrame]:
    """``curves`` and ``points`` have columns ``x``, ``value``, ``series``; non-finite values
    are dropped. ``shade = (x0, x1)`` is the tinted band, e.g. where a prediction is
    confidently wrong."""
    empty = pd.DataFrame({"x": [], "value": [], "series": []})
    points = empty if points is None else points
    data = {"curves": curves[np.isfinite(curves["value"])],
            "points": points[np.isfinite(points["value"])]}
    if shade is not None:
        data["band"] = pd.DataFrame({"x": [shade[0]], "x2": [shade[1]], "label": [shade_label]})
    return data


def bar_chart(text: Text, colors: Mapping[str, str], height: int = 280,
              rotate: bool = False) -> alt.Chart:
    """Grouped bars: ``value`` for each ``category`` (in ``order``), one bar per ``series``.
    Dataset ``bars`` from :func:`bar_chart_data`. ``text`` keys: ``category``, ``y``,
    ``series``."""
    return alt.Chart(alt.NamedData("bars")).mark_bar(
        cornerRadiusTopLeft=2, cornerRadiusTopRight=2).encode(
        x=alt.X("category:N", sort=alt.EncodingSortField("order", op="min"),
                title=text["category"], axis=alt.Axis(labelAngle=-45 if rotate else 0,
                                                      labelLimit=120)),
        xOffset=alt.XOffset("series:N", sort=list(colors)),
        y=alt.Y("value:Q", title=text["y"]),
        color=alt.Color("series:N", title=text["series"],
                        scale=alt.Scale(domain=list(colors), range=list(colors.values())),
                        legend=_legend()),
        tooltip=[alt.Tooltip("category:N", title=text["category"]),
                 alt.Tooltip("series:N", title=text["series"]),
                 alt.Tooltip("value:Q", title=text["y"], format=".6f")],
    ).properties(height=height)


def bar_chart_data(data: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """``data`` has ``category``, ``series``, ``value``; categories keep their order of first
    appearance; non-finite values are dropped."""
    order = {c: i for i, c in enumerate(dict.fromkeys(data["category"]))}
    data = data[np.isfinite(data["value"])]
    return {"bars": data.assign(order=data["category"].map(order))}


def rotate_labels(n: int) -> bool:
    """Whether ``n`` category labels should be slanted to fit."""
    return n > ROTATE_AFTER
