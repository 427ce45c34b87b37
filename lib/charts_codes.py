"""Altair chart forms of the codes-and-samples page (pattern of :mod:`lib.charts`).

Each chart is a *form* ``name(text)`` (hashable arguments, marks reading named datasets) and its
*data* ``name_data(...) -> {dataset: columns}`` (:data:`lib.charts.Columns`: column name ->
numpy array, which goes to Arrow without pandas). Datasets never carry a non-finite number:
infinite values are dropped (the page says why in words).
"""

from __future__ import annotations

import html
import math
from typing import Any, Mapping, Sequence

import altair as alt
import numpy as np
import pandas as pd

from lib.column_widths import text_px
from lib import fmt
from lib.charts import (CE_COLOR, ENTROPY_COLOR, KL_COLOR, P_COLOR, TOOLTIP_FORMAT, Columns,
                        line_legend)

ROUND_COLOR = "#c8c8c8"
MM_COLOR = "#1b9e77"
#: Axis, legend and label text: dark on white (12.5:1; WCAG AA asks 4.5:1), as lib.charts.INK.
TEXT_COLOR = "#31333f"
#: Line dashes telling the running averages apart without colour (solid, dashes, dots).
DASHES = ((1, 0), (7, 3), (2, 2))
Text = Mapping[str, str]

__all__ = ["identity_bars", "identity_bars_data", "running_chart", "running_chart_data",
           "bias_chart", "bias_chart_data", "PALETTE", "colored", "message_box", "legend"]


def _legend(**extra: Any) -> alt.Legend:
    return alt.Legend(**{"orient": "top", "labelLimit": 0, "title": None,
                         "direction": "horizontal", "columns": 1, "symbolOpacity": 1,
                         "labelColor": TEXT_COLOR, "symbolStrokeWidth": 2.5, "symbolSize": 300,
                         **extra})


def _dark(chart):
    """Axis text dark on white (the page's own theme draws it a light grey)."""
    return chart.configure_axis(labelColor=TEXT_COLOR, titleColor=TEXT_COLOR)


# ---- H(P,Q) = H(P) + KL, and what whole-bit codes cost ----------------------------------------

def identity_bars(text: Text) -> alt.Chart:
    """One horizontal bar per row, made of segments ``start``–``end`` (not stacked, so a
    negative rounding can run backwards over the KL segment). Dataset ``parts``: ``row, order,
    part, start, end, value, total, total_text``. ``text`` keys: ``x``, ``row``, ``part``,
    ``value``, ``total``, ``h``, ``kl``, ``round``."""
    parts = [text["h"], text["kl"], text["round"]]
    y = alt.Y("row:N", sort=alt.EncodingSortField("order", op="min"), title=None,
              axis=alt.Axis(labelLimit=200))
    tips = [alt.Tooltip("row:N", title=text["row"]),
            alt.Tooltip("part:N", title=text["part"]),
            alt.Tooltip("value:Q", title=text["value"], format=TOOLTIP_FORMAT),
            alt.Tooltip("total:Q", title=text["total"], format=TOOLTIP_FORMAT)]
    base = alt.Chart(alt.NamedData("parts"))
    bars = base.mark_bar(height={"band": 0.7}, strokeWidth=1.5).encode(
        y=y, x=alt.X("start:Q", title=text["x"]), x2="end:Q",
        color=alt.Color("part:N", scale=alt.Scale(domain=parts,
                                                  range=[ENTROPY_COLOR, KL_COLOR, ROUND_COLOR]),
                        legend=_legend()),
        # The rounding part is outlined with dashes: it reads without its colour.
        stroke=alt.condition(alt.datum.part == text["round"], alt.value(TEXT_COLOR),
                             alt.value(None)),
        strokeDash=alt.condition(alt.datum.part == text["round"], alt.value([3, 2]),
                                 alt.value([1, 0])),
        tooltip=tips)
    names = base.mark_text(color="#15171c", fontSize=12, fontWeight="bold").encode(
        y=y, x=alt.X("middle:Q"), text="label:N", tooltip=tips)
    totals = base.transform_filter(alt.datum.last).mark_text(
        align="left", dx=5, color=TEXT_COLOR, fontSize=12).encode(
        y=y, x=alt.X("end:Q"), text="total_text:N", tooltip=tips)
    return _dark(alt.layer(bars, names, totals).properties(height=alt.Step(34)))


def identity_bars_data(h: float, kl: float, rows: Sequence[tuple[str, float, bool]],
                       text: Text) -> dict[str, Columns]:
    """Segments of each row ``(name, total, with_kl)``, in order: ``H(P)`` from 0, then (when
    ``with_kl``, i.e. the row's ideal is ``H(P,Q)``: Q's lengths) ``KL`` from ``H(P)`` to
    ``H(P,Q)``, then the rounding from the ideal to ``total`` (backwards when negative).
    Rows with an infinite total or ideal are dropped.

    Each segment also has its ``middle``, a ``label`` (the part's name where it fits inside the
    segment on a plot :data:`PLOT_PX` wide, the longest row's length, else empty) and
    ``last`` (whether it ends its row: its ``total_text``, the total as :func:`lib.fmt.short`
    writes it, is written there).

    >>> text = {"h": "H", "kl": "KL", "round": "r"}
    >>> d = identity_bars_data(1.75, 0.625, [("Q code", 2.5, True)], text)["parts"]
    >>> pd.DataFrame(d)[["part", "start", "end", "value"]].values.tolist()
    [['H', 0.0, 1.75, 1.75], ['KL', 1.75, 2.375, 0.625], ['r', 2.375, 2.5, 0.125]]
    >>> d["label"].tolist(), d["last"].tolist()
    (['H', 'KL', ''], [False, False, True])
    """
    out = []
    for order, (name, total, with_kl) in enumerate(rows):
        if total is None or not math.isfinite(total) or not math.isfinite(h):
            continue
        ideal = h + (kl if with_kl else 0.0)
        if not math.isfinite(ideal):
            continue
        row = [(name, order, text["h"], 0.0, h, h, total)]
        if with_kl:
            row.append((name, order, text["kl"], h, ideal, kl, total))
        rounding = total - ideal
        if abs(rounding) > 1e-12:
            row.append((name, order, text["round"], ideal, total, rounding, total))
        out.extend(r + (i == len(row) - 1,) for i, r in enumerate(row))
    longest = max([abs(r[4]) for r in out] + [abs(r[3]) for r in out], default=0.0)
    names = ("row", "order", "part", "start", "end", "value", "total", "last")
    columns = list(zip(*out)) if out else [()] * len(names)
    data = {name: np.array(values, dtype=object if name in ("row", "part") else
                           int if name == "order" else bool if name == "last" else float)
            for name, values in zip(names, columns)}
    data["middle"] = (data["start"] + data["end"]) / 2
    # The total as the page writes numbers (a real minus sign: 2.07e−10, not Vega's 2.07e-10).
    data["total_text"] = np.array([fmt.short(v) for v in data["total"]], dtype=object)
    # A part's name inside its segment only where it fits on the narrowest plot (12 px bold
    # text: the table font's estimate scaled down, with 4 px either side).
    px = PLOT_PX / longest if longest > 0 else 0.0
    data["label"] = np.array([part if text_px(part) * 12 / 14 + 8 <= abs(value) * px else ""
                              for part, value in zip(data["part"], data["value"])], dtype=object)
    return {"parts": data}


#: The narrowest plot :func:`identity_bars` is drawn in (a phone's), in pixels: a segment names
#: its part inside it only where the name fits there (narrower segments are named by the legend
#: and the tooltip).
PLOT_PX = 260


# ---- Running averages -----------------------------------------------------------------------

def running_chart(text: Text, names: tuple[str, ...], colors: tuple[str, ...]) -> alt.LayerChart:
    """Running averages against ``n`` (log scale) with ±2 standard-error bands and the exact
    values as rules. Datasets ``lines``: ``n, q, mean, se, lo, hi`` (``q`` the quantity's index
    in ``names``; ``lo``, ``hi``: ±2 standard errors, clipped to the plotted range), read by the
    bands, the lines and their tooltips; ``quantities``: ``q, quantity, exact`` (each quantity's
    shown name and exact value as text, since it may be ∞, looked up by ``q``); ``exact``:
    ``quantity, exact`` (the finite exact values); ``ends``: ``n, mean, quantity, label`` and
    ``label_y``, where the label is drawn (``mean``, moved apart from a close neighbour's).
    ``names`` are the quantities' shown names in colour order. ``text`` keys: ``x``, ``y``,
    ``quantity``, ``mean``, ``se``, ``exact``, ``n``."""
    # Strokes long enough to show each line's dash (the bars' square symbols would not).
    legend = line_legend(title=None, direction="horizontal", columns=1, symbolOpacity=1,
                         labelColor=TEXT_COLOR)
    color = alt.Color("quantity:N", scale=alt.Scale(domain=list(names), range=list(colors)),
                      legend=legend)
    dash = alt.StrokeDash("quantity:N", scale=alt.Scale(
        domain=list(names), range=[list(d) for d in DASHES[:len(names)]]), legend=legend)
    x = alt.X("n:Q", scale=alt.Scale(type="log"), title=text["x"],
              axis=alt.Axis(format="~s"))
    tips = [alt.Tooltip("quantity:N", title=text["quantity"]),
            alt.Tooltip("n:Q", title=text["n"], format=","),
            alt.Tooltip("mean:Q", title=text["mean"], format=TOOLTIP_FORMAT),
            alt.Tooltip("se:Q", title=text["se"], format=TOOLTIP_FORMAT),
            alt.Tooltip("exact:N", title=text["exact"])]
    base = alt.Chart(alt.NamedData("lines")).transform_lookup(
        lookup="q", from_=alt.LookupData(alt.NamedData("quantities"), "q", ["quantity", "exact"]))
    band = base.mark_area(opacity=0.18).encode(
        x=x, y=alt.Y("lo:Q", title=text["y"]), y2="hi:Q", color=color)
    line = base.mark_line(strokeWidth=2).encode(x=x, y="mean:Q", color=color,
                                                strokeDash=dash, tooltip=tips)
    points = base.mark_point(opacity=0, size=60).encode(x=x, y="mean:Q", tooltip=tips)
    rules = alt.Chart(alt.NamedData("exact")).mark_rule(strokeWidth=1, opacity=0.7).encode(
        y="exact:Q", color=color,
        tooltip=[alt.Tooltip("quantity:N", title=text["quantity"]),
                 alt.Tooltip("exact:Q", title=text["exact"], format=TOOLTIP_FORMAT)])
    # Each line named at its right end: the three read apart without colour or legend.
    ends = alt.Chart(alt.NamedData("ends")).mark_text(
        align="left", dx=6, fontSize=12, fontWeight="bold").encode(
        x=x, y="label_y:Q", text="label:N", color=color, tooltip=tips[:3])
    return _dark(alt.layer(band, line, points, rules, ends).properties(height=320))


def _apart(values: np.ndarray, gap: float) -> np.ndarray:
    """``values`` moved up as little as needed for each to be at least ``gap`` above the next
    lower one (the lowest stays where it is)."""
    out = np.asarray(values, dtype=float).copy()
    order = np.argsort(out, kind="stable")
    for below, above in zip(order, order[1:]):
        out[above] = max(out[above], out[below] + gap)
    return out


def running_chart_data(table: pd.DataFrame, exact: Mapping[str, float],
                       names: Mapping[str, str]) -> dict[str, Columns]:
    """The datasets of :func:`running_chart` from :attr:`lib.sampling.RunningAverages.table`;
    ``names`` maps each quantity (``info_p``, ``info_q``, ``log_ratio``) to its shown name, in
    colour order.

    ``lines`` has one row per quantity and plotted ``n`` where both the average and its
    standard error are finite: every row of the table the chart can draw (``n = 1`` has no
    spread yet; an average is infinite from the first draw with ``q = 0`` on, and the page says
    so in words). None is dropped: the table's sizes (400 spaced evenly on the log axis, rounded
    to whole draws) are at least 1/781 of the axis apart for every n up to 10**6, so each has a
    pixel column of its own on a chart 781 px wide, a laptop's. A quantity's name and exact
    value, the same on each of its rows, are sent once, in ``quantities``. The bands are
    clipped to the range the averages cover from ``n = 10`` on (with the finite exact values
    and a quarter of that range, at least 0.1, around it), so the first wild draws do not
    flatten the chart; the tooltip gives the real standard error.

    >>> table = pd.DataFrame({"n": [1, 2, 3], "info_p": [1.0, 1.5, 1.0],
    ...                       "info_p_se": [np.inf, 0.5, 0.25], "info_q": [2.0, np.inf, np.inf],
    ...                       "info_q_se": [np.inf, np.inf, np.inf]})
    >>> d = running_chart_data(table, {"info_p": 1.25, "info_q": np.inf}, {"info_p": "a",
    ...                                                                   "info_q": "b"})
    >>> [d["lines"][k].tolist() for k in ("n", "q", "lo", "hi")]  # lo clipped at 1 - 0.25
    [[2, 3], [0, 0], [0.75, 0.75], [2.25, 1.5]]
    >>> {k: v.tolist() for k, v in d["quantities"].items()}
    {'q': [0, 1], 'quantity': ['a', 'b'], 'exact': ['1.250000', '∞']}
    >>> d["exact"]["quantity"].tolist(), d["ends"]["label"].tolist()
    (['a'], ['a'])
    """
    n = table["n"].to_numpy()
    parts: dict[str, list] = {"n": [], "q": [], "mean": [], "se": []}
    finite_n, finite_mean = [], []
    for q, key in enumerate(names):
        mean = table[key].to_numpy(dtype=float)
        se = table[f"{key}_se"].to_numpy(dtype=float)
        finite = np.isfinite(mean)
        finite_n.append(n[finite])
        finite_mean.append(mean[finite])
        drawn = finite & np.isfinite(se)
        parts["n"].append(n[drawn].astype(np.int32))
        parts["q"].append(np.full(int(drawn.sum()), q, dtype=np.int8))
        parts["mean"].append(mean[drawn])
        parts["se"].append(se[drawn])
    lines = {k: np.concatenate(v) for k, v in parts.items()}
    finite_n, finite_mean = np.concatenate(finite_n), np.concatenate(finite_mean)
    late = finite_n >= 10
    settled = finite_mean[late] if late.any() else finite_mean
    rules = {key: exact[key] for key in names if math.isfinite(exact[key])}
    reach = [*settled.tolist(), *rules.values()]
    lo_all, hi_all = min(reach, default=0.0), max(reach, default=1.0)
    pad = max(0.25 * (hi_all - lo_all), 0.1)
    lines["lo"] = np.clip(lines["mean"] - 2 * lines["se"], lo_all - pad, hi_all + pad)
    lines["hi"] = np.clip(lines["mean"] + 2 * lines["se"], lo_all - pad, hi_all + pad)
    shown = list(names.values())
    last = [np.flatnonzero(lines["q"] == q)[-1:] for q in range(len(shown))]
    ends = np.concatenate(last).astype(np.int64)
    # Two averages ending close together (Tiny p: H(P,Q) ≈ KL(P‖Q)) keep their names apart:
    # each label at least 7% of the plotted range above the one below it.
    label_y = _apart(lines["mean"][ends], 0.07 * (hi_all - lo_all + 2 * pad))
    return {"lines": lines,
            "quantities": {"q": np.arange(len(shown), dtype=np.int8),
                           "quantity": np.array(shown, dtype=object),
                           "exact": np.array([fmt.num(exact[k], 6) for k in names],
                                             dtype=object)},
            "exact": {"quantity": np.array([names[k] for k in rules], dtype=object),
                      "exact": np.array(list(rules.values()), dtype=float)},
            "ends": {"n": lines["n"][ends].astype(float), "mean": lines["mean"][ends],
                     "label_y": label_y,
                     "quantity": np.array([shown[q] for q in lines["q"][ends]], dtype=object),
                     "label": np.array([shown[q].split("→")[-1].strip()
                                        for q in lines["q"][ends]], dtype=object)}}


# ---- Plug-in bias ----------------------------------------------------------------------------

def bias_chart(text: Text, names: tuple[str, str]) -> alt.LayerChart:
    """Average plug-in and Miller–Madow entropies against ``n`` (log scale) with ±2 standard
    errors of each average, and the true ``H(P)`` as a dashed rule. Datasets ``est``: ``n,
    estimator, mean, lo, hi, se, exact, bias``; ``exact``: ``exact``. ``text`` keys: ``x``,
    ``y``, ``estimator``, ``mean``, ``se``, ``exact``, ``bias``, ``n``."""
    # Told apart without colour too: circles on a solid line, squares on a dashed one. The
    # legend's symbols are the markers, filled, without an outline (the line's dash on a
    # square's outline read as a ragged blob).
    legend = _legend(symbolStrokeWidth=0)
    color = alt.Color("estimator:N", scale=alt.Scale(domain=list(names),
                                                     range=[P_COLOR, MM_COLOR]), legend=legend)
    shape = alt.Shape("estimator:N", scale=alt.Scale(domain=list(names),
                                                     range=["circle", "square"]), legend=legend)
    dash = alt.StrokeDash("estimator:N", scale=alt.Scale(domain=list(names),
                                                         range=[[1, 0], [6, 3]]), legend=legend)
    x = alt.X("n:Q", scale=alt.Scale(type="log"), title=text["x"])
    tips = [alt.Tooltip("estimator:N", title=text["estimator"]),
            alt.Tooltip("n:Q", title=text["n"], format=","),
            alt.Tooltip("mean:Q", title=text["mean"], format=TOOLTIP_FORMAT),
            alt.Tooltip("se:Q", title=text["se"], format=TOOLTIP_FORMAT),
            alt.Tooltip("bias:Q", title=text["bias"], format=TOOLTIP_FORMAT),
            alt.Tooltip("exact:Q", title=text["exact"], format=TOOLTIP_FORMAT)]
    base = alt.Chart(alt.NamedData("est"))
    bars = base.mark_rule().encode(x=x, y=alt.Y("lo:Q", title=text["y"],
                                                scale=alt.Scale(zero=False)),
                                   y2="hi:Q", color=color)
    line = base.mark_line(strokeWidth=2).encode(x=x, y="mean:Q", color=color,
                                                strokeDash=dash, tooltip=tips)
    marks = base.mark_point(filled=True, size=60, opacity=1).encode(
        x=x, y="mean:Q", color=color, shape=shape, tooltip=tips)
    rule = alt.Chart(alt.NamedData("exact")).mark_rule(strokeDash=[2, 3], color=CE_COLOR).encode(
        y="exact:Q", tooltip=[alt.Tooltip("exact:Q", title=text["exact"],
                                          format=TOOLTIP_FORMAT)])
    return _dark(alt.layer(bars, line, marks, rule).properties(height=280))


def bias_chart_data(frame: pd.DataFrame, names: tuple[str, str]) -> dict[str, Columns]:
    """Long-form frames from :func:`lib.sampling.plugin_bias`'s table."""
    n = frame["n"].to_numpy()
    exact = frame["exact"].to_numpy(dtype=float)
    parts: dict[str, list] = {k: [] for k in ("n", "estimator", "mean", "lo", "hi", "se",
                                              "exact", "bias")}
    for key, name in zip(("plug_in", "miller_madow"), names):
        se = frame[f"{key}_se"].to_numpy(dtype=float)
        mean = frame[key].to_numpy(dtype=float)
        for column, values in (("n", n), ("estimator", np.full(len(n), name, dtype=object)),
                               ("mean", mean), ("lo", mean - 2 * se), ("hi", mean + 2 * se),
                               ("se", se), ("exact", exact), ("bias", mean - exact)):
            parts[column].append(values)
    return {"est": {k: np.concatenate(v) for k, v in parts.items()},
            "exact": {"exact": exact[:1]}}


# ---- A message, coloured by event (HTML) ------------------------------------------------------

#: One colour per event (repeating after ten): an event's name and its codewords share it.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf", "#ff7f0e")


def colored(text: str, event: int, label: str) -> str:
    """``text`` (an event's name or codeword) as an HTML span in event ``event``'s colour,
    underlined in it too (readable without the colour), its ``label`` as the tooltip; both
    escaped, so a reader's label is never read as HTML.

    >>> colored("01", 1, "<b>")[:60]
    '<span title="&lt;b&gt;" style="color:#d62728; border-bottom:'
    """
    color = PALETTE[event % len(PALETTE)]
    return (f'<span title="{html.escape(label)}" style="color:{color}; '
            f'border-bottom: 2px solid {color}; margin-right: 1px;">{html.escape(text)}</span>')


def message_box(symbols: np.ndarray, texts: Sequence[str], labels: Sequence[str], sep: str,
                shown: int) -> str:
    """The first ``shown`` symbols of a message as :func:`colored` spans of their ``texts``
    (names, joined by ``sep``, or codewords, joined by nothing and broken anywhere) in a
    scrolling monospace box.

    >>> message_box(np.array([0, 1, 0]), ["0", "1"], ["a", "b"], "", 2).count("<span")
    2
    """
    wrap = "" if sep else "word-break: break-all; "
    inner = sep.join(colored(texts[s], s, labels[s]) for s in symbols[:shown].tolist())
    return ('<div style="font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; '
            f'font-size: 0.92rem; line-height: 1.7; {wrap}overflow-wrap: anywhere;'
            ' max-height: 16rem; overflow-y: auto; padding: 0.4rem 0.6rem; '
            'border: 1px solid rgba(128,128,128,0.35); border-radius: 0.4rem;">'
            f'{inner}</div>')


def legend(title: str, symbols: np.ndarray, labels: Sequence[str]) -> str:
    """``title`` and the name of every event that occurs in ``symbols``, in its colour.

    >>> legend("Colours: ", np.array([1, 1]), ["a", "b"]).count("<span")
    1
    """
    present = np.flatnonzero(np.bincount(symbols, minlength=len(labels)) > 0).tolist()
    return (f'<div style="line-height: 1.8;">{html.escape(title)}'
            f'{"&ensp;".join(colored(labels[i], i, labels[i]) for i in present)}</div>')
