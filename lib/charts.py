"""Altair charts for the explorer. Pure functions of data: the page passes translated titles.

Charts never receive a non-finite number: infinite terms are dropped from the marks and
flagged with a text mark instead, because Vega-Lite cannot place ∞ on an axis.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import altair as alt
import numpy as np
import pandas as pd

P_COLOR = "#3b6fb6"
Q_COLOR = "#e8853d"
ENTROPY_COLOR = "#7fa7d9"
KL_COLOR = "#d9534f"
KL_NEGATIVE_COLOR = "#4daf7c"
CE_COLOR = "#6a3d9a"
TOOLTIP_FORMAT = ".6f"


def distribution_bars(labels: Sequence[str], p: np.ndarray, q: np.ndarray,
                      text: Mapping[str, str]) -> alt.Chart:
    """P and Q side by side for each event.

    ``text`` keys: ``event``, ``probability``, ``P``, ``Q``, ``distribution``.
    """
    data = pd.DataFrame({
        "event": list(labels) * 2,
        "order": list(range(len(labels))) * 2,
        "dist": [text["P"]] * len(labels) + [text["Q"]] * len(labels),
        "probability": np.concatenate([p, q]),
    })
    return alt.Chart(data).mark_bar(cornerRadiusTopLeft=2, cornerRadiusTopRight=2).encode(
        x=alt.X("event:N", sort=list(labels), title=text["event"],
                axis=alt.Axis(labelAngle=0 if len(labels) <= 8 else -45)),
        xOffset=alt.XOffset("dist:N", sort=[text["P"], text["Q"]]),
        y=alt.Y("probability:Q", title=text["probability"], scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("dist:N", title=text["distribution"],
                        scale=alt.Scale(domain=[text["P"], text["Q"]], range=[P_COLOR, Q_COLOR]),
                        legend=alt.Legend(orient="top", labelLimit=0)),
        tooltip=[alt.Tooltip("event:N", title=text["event"]),
                 alt.Tooltip("dist:N", title=text["distribution"]),
                 alt.Tooltip("probability:Q", title=text["probability"],
                             format=TOOLTIP_FORMAT)],
    ).properties(height=340)


def cross_entropy_stack(labels: Sequence[str], terms: pd.DataFrame,
                        text: Mapping[str, str]) -> alt.LayerChart:
    """Per-event cross-entropy term ``-p_i log q_i`` built as ``-p_i log p_i`` plus
    ``p_i log(p_i/q_i)``.

    The entropy part is a bar from 0; the KL part floats on top of it (pointing down when the
    term is negative, i.e. Q gives the event more probability than P does); a dark tick marks
    the total. Events whose term is infinite get an ``∞`` mark instead of a KL bar.
    ``terms`` is :func:`lib.info.event_terms`' frame. ``text`` keys: ``event``, ``value``,
    ``entropy_part``, ``kl_adds``, ``kl_subtracts``, ``total``, ``part``, ``infinite``.
    """
    labels = list(labels)
    e = terms["entropy_term"].to_numpy()
    k = terms["kl_term"].to_numpy()
    ce = terms["cross_entropy_term"].to_numpy()
    finite = np.isfinite(ce)
    x = alt.X("event:N", sort=labels, title=text["event"],
              axis=alt.Axis(labelAngle=0 if len(labels) <= 8 else -45))
    y_title = alt.Y("start:Q", title=text["value"])
    tooltip = [alt.Tooltip("event:N", title=text["event"]),
               alt.Tooltip("part:N", title=text["part"]),
               alt.Tooltip("value:Q", title=text["value"], format=TOOLTIP_FORMAT),
               alt.Tooltip("total_text:N", title=text["total"])]
    # Tooltip text rather than a number, so an infinite total reads "∞" and no inf reaches Vega.
    total_text = [f"{v:.6f}" if np.isfinite(v) else "∞" for v in ce]
    # Three parts, coloured apart: the KL part is drawn narrower so that where it points down
    # (Q over-weights the event) it does not hide the entropy bar it subtracts from.
    domain = [text["entropy_part"], text["kl_adds"], text["kl_subtracts"]]
    color = alt.Color("part:N", title=text["part"],
                      scale=alt.Scale(domain=domain,
                                      range=[ENTROPY_COLOR, KL_COLOR, KL_NEGATIVE_COLOR]),
                      legend=alt.Legend(orient="top", labelLimit=0))
    entropy_bars = pd.DataFrame({"event": labels, "part": text["entropy_part"],
                                 "start": 0.0, "end": e, "value": e, "total_text": total_text})
    kl_bars = pd.DataFrame({"event": labels,
                            "part": np.where(k >= 0, text["kl_adds"], text["kl_subtracts"]),
                            "start": e, "end": e + k, "value": k, "total_text": total_text})
    kl_bars = kl_bars[finite & (k != 0)]
    bars = alt.Chart(entropy_bars).mark_bar(size=30).encode(
        x=x, y=y_title, y2="end:Q", color=color, tooltip=tooltip)
    kl = alt.Chart(kl_bars).mark_bar(size=14).encode(
        x=x, y="start:Q", y2="end:Q", color=color, tooltip=tooltip)
    top = float(np.max(ce[finite])) if finite.any() else 1.0
    top = top if top > 0 else 1.0
    totals = pd.DataFrame({"event": labels, "total": ce})
    ticks = alt.Chart(totals[finite]).mark_tick(color=CE_COLOR, thickness=3, size=36).encode(
        x=x, y=alt.Y("total:Q"),
        tooltip=[alt.Tooltip("event:N", title=text["event"]),
                 alt.Tooltip("total:Q", title=text["total"], format=TOOLTIP_FORMAT)],
    )
    layers = [bars, kl, ticks]
    if not finite.all():
        flags = pd.DataFrame({"event": [lb for lb, f in zip(labels, finite) if not f],
                              "y": top * 1.05, "mark": "∞", "note": text["infinite"]})
        layers.append(alt.Chart(flags).mark_text(fontSize=22, color=KL_COLOR, dy=-4).encode(
            x=x, y="y:Q", text="mark:N",
            tooltip=[alt.Tooltip("event:N", title=text["event"]),
                     alt.Tooltip("note:N", title=text["total"])]))
    return alt.layer(*layers).properties(height=380)


def blend_chart(curve: pd.DataFrame, t: float, entropy_p: float,
                text: Mapping[str, str]) -> alt.LayerChart:
    """``H(P, Q_t)`` and ``D(P || Q_t)`` against ``t``, the current ``t`` as a vertical rule and
    ``H(P)`` (the floor of the cross-entropy) as a dashed horizontal rule.

    ``curve`` is :func:`lib.info.blend_curve`' frame; non-finite points are dropped.
    ``text`` keys: ``t``, ``value``, ``cross_entropy``, ``kl``, ``quantity``, ``entropy_p``.
    """
    long = curve.melt(id_vars="t", value_vars=["cross_entropy", "kl"], var_name="key",
                      value_name="value")
    long = long[np.isfinite(long["value"])]
    long["quantity"] = long["key"].map({"cross_entropy": text["cross_entropy"],
                                        "kl": text["kl"]})
    lines = alt.Chart(long).mark_line(strokeWidth=3).encode(
        x=alt.X("t:Q", title=text["t"], scale=alt.Scale(domain=[0, 1])),
        y=alt.Y("value:Q", title=text["value"]),
        color=alt.Color("quantity:N", title=text["quantity"],
                        scale=alt.Scale(domain=[text["cross_entropy"], text["kl"]],
                                        range=[CE_COLOR, KL_COLOR]),
                        legend=alt.Legend(orient="top", labelLimit=0)),
        tooltip=[alt.Tooltip("t:Q", title=text["t"], format=".2f"),
                 alt.Tooltip("quantity:N", title=text["quantity"]),
                 alt.Tooltip("value:Q", title=text["value"], format=TOOLTIP_FORMAT)],
    )
    floor = alt.Chart(pd.DataFrame({"h": [entropy_p], "name": [text["entropy_p"]]})).mark_rule(
        strokeDash=[6, 4], color="#555").encode(
        y="h:Q", tooltip=[alt.Tooltip("name:N", title=text["quantity"]),
                          alt.Tooltip("h:Q", title=text["value"], format=TOOLTIP_FORMAT)])
    now = alt.Chart(pd.DataFrame({"t": [t]})).mark_rule(color="#222", strokeWidth=1.5).encode(
        x="t:Q")
    return alt.layer(lines, floor, now).properties(height=380)


def thin(frame: pd.DataFrame, max_points: int = 300, column: str = "epoch") -> pd.DataFrame:
    """Keep at most about ``max_points`` evenly spaced values of ``column`` (first and last
    always kept), so long runs stay light to draw and to send to the browser."""
    values = np.sort(frame[column].unique())
    if len(values) <= max_points:
        return frame
    keep = values[np.unique(np.linspace(0, len(values) - 1, max_points).round().astype(int))]
    return frame[frame[column].isin(keep)]


def training_chart(runs: pd.DataFrame, field: str, epoch: int, text: Mapping[str, str],
                   colors: Mapping[str, str], log_scale: bool = False,
                   legend: bool = False) -> alt.LayerChart:
    """One quantity against epoch, a line per run, a vertical rule at ``epoch``.

    ``runs`` is long: columns ``epoch``, ``run`` (display name) and ``field``. ``colors`` maps
    run names to colours. No legend unless ``legend``: pages show one key for several charts.
    ``text`` keys: ``epoch``, ``run``, ``title`` (the quantity's name, for the tooltip) and
    ``axis`` (a short name for the y axis).
    """
    data = runs[["epoch", "run", field]].rename(columns={field: "value"})
    keep = np.isfinite(data["value"]) & ((data["value"] > 0) if log_scale else True)
    data = data[keep]  # a log axis cannot show 0 (an underflowed σ'(z) or a reached target)
    y_scale = alt.Scale(type="log") if log_scale else alt.Scale(zero=False)
    lines = alt.Chart(data).mark_line(strokeWidth=2.5).encode(
        x=alt.X("epoch:Q", title=text["epoch"], axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("value:Q", title=text["axis"], scale=y_scale),
        color=alt.Color("run:N", scale=alt.Scale(domain=list(colors), range=list(colors.values())),
                        title=text["run"],
                        legend=alt.Legend(orient="top", labelLimit=0) if legend else None),
        tooltip=[alt.Tooltip("run:N", title=text["run"]),
                 alt.Tooltip("epoch:Q", title=text["epoch"]),
                 alt.Tooltip("value:Q", title=text["title"], format=".6g")],
    )
    rule = alt.Chart(pd.DataFrame({"epoch": [epoch]})).mark_rule(
        color="#222", strokeDash=[4, 3]).encode(x="epoch:Q")
    return alt.layer(lines, rule).properties(height=240)


def init_map(grid: pd.DataFrame, start: tuple[float, float], epochs: int,
             text: Mapping[str, str]) -> alt.LayerChart:
    """Heatmap over starting ``(w0, b0)`` of the epochs needed; cells never reaching the goal
    (``epochs_needed == -1``) are grey. ``grid`` has ``w0, b0, epochs_needed``; the current start
    is circled. ``text`` keys: ``w0``, ``b0``, ``epochs``, ``never``, ``title``, ``start``.
    """
    step = float(np.diff(np.unique(grid["w0"]))[:1].mean()) if grid["w0"].nunique() > 1 else 0.1
    half = 0.55 * step  # cells overlap a hair so no hairline gaps show between them
    data = grid.assign(w_lo=grid["w0"] - half, w_hi=grid["w0"] + half,
                       b_lo=grid["b0"] - half, b_hi=grid["b0"] + half)
    reached = data[data["epochs_needed"] >= 0]
    never = data[data["epochs_needed"] < 0].assign(label=text["never"])
    x = alt.X("w_lo:Q", title=text["w0"], scale=alt.Scale(domain=[grid["w0"].min() - step / 2,
                                                                   grid["w0"].max() + step / 2],
                                                           nice=False))
    y = alt.Y("b_lo:Q", title=text["b0"], scale=alt.Scale(domain=[grid["b0"].min() - step / 2,
                                                                   grid["b0"].max() + step / 2],
                                                           nice=False))
    tooltip = [alt.Tooltip("w0:Q", title=text["w0"], format=".2f"),
               alt.Tooltip("b0:Q", title=text["b0"], format=".2f")]
    cells = alt.Chart(reached).mark_rect().encode(
        x=x, x2="w_hi:Q", y=y, y2="b_hi:Q",
        color=alt.Color("epochs_needed:Q", title=text["epochs"],
                        scale=alt.Scale(scheme="viridis", reverse=True, domain=[0, epochs]),
                        legend=alt.Legend(orient="bottom", gradientLength=220)),
        tooltip=[*tooltip, alt.Tooltip("epochs_needed:Q", title=text["epochs"])])
    grey = alt.Chart(never).mark_rect(color="#c9c9c9").encode(
        x=x, x2="w_hi:Q", y=y, y2="b_hi:Q",
        tooltip=[*tooltip, alt.Tooltip("label:N", title=text["epochs"])])
    here = alt.Chart(pd.DataFrame({"w_lo": [start[0]], "b_lo": [start[1]],
                                   "name": [text["start"]]})).mark_point(
        shape="circle", size=160, filled=False, color="#d62728", strokeWidth=3, clip=True).encode(
        x="w_lo:Q", y="b_lo:Q", tooltip=alt.Tooltip("name:N", title=text["start"]))
    return alt.layer(cells, grey, here).properties(title=text["title"], height=360)


def function_chart(curves: pd.DataFrame, text: Mapping[str, str], colors: Mapping[str, str],
                   points: pd.DataFrame | None = None, x_domain=(0.0, 1.0),
                   shade: tuple[float, float] | None = None, height: int = 300,
                   y_domain=None) -> alt.LayerChart:
    """Curves ``value`` against ``x``, one per ``series``, with optional marked points.

    ``curves`` and ``points`` have columns ``x``, ``value``, ``series`` (display names that key
    ``colors``). Non-finite values are dropped. ``shade`` = (x0, x1) tints a band, e.g. the
    region where a prediction is confidently wrong. ``text`` keys: ``x``, ``y``, ``series``,
    and ``shade`` when ``shade`` is given.
    """
    curves = curves[np.isfinite(curves["value"])]
    legend = alt.Legend(orient="top", labelLimit=0) if len(colors) > 1 else None
    color = alt.Color("series:N", title=text["series"],
                      scale=alt.Scale(domain=list(colors), range=list(colors.values())),
                      legend=legend)
    y_scale = alt.Scale(domain=list(y_domain)) if y_domain else alt.Scale()
    x = alt.X("x:Q", title=text["x"], scale=alt.Scale(domain=list(x_domain)))
    tooltip = [alt.Tooltip("series:N", title=text["series"]),
               alt.Tooltip("x:Q", title=text["x"], format=".4f"),
               alt.Tooltip("value:Q", title=text["y"], format=".6f")]
    layers = []
    if shade is not None:
        band = pd.DataFrame({"x": [shade[0]], "x2": [shade[1]], "label": [text["shade"]]})
        layers.append(alt.Chart(band).mark_rect(color="#f4b6b6", opacity=0.35).encode(
            x="x:Q", x2="x2:Q", tooltip=alt.Tooltip("label:N", title=text["x"])))
    layers.append(alt.Chart(curves).mark_line(strokeWidth=2.5, clip=True).encode(
        x=x, y=alt.Y("value:Q", title=text["y"], scale=y_scale), color=color, tooltip=tooltip))
    if points is not None:
        points = points[np.isfinite(points["value"])]
        layers.append(alt.Chart(points).mark_point(size=110, filled=True, opacity=1,
                                                   clip=True).encode(
            x="x:Q", y="value:Q", color=color, tooltip=tooltip))
    return alt.layer(*layers).properties(height=height)


def bar_chart(data: pd.DataFrame, text: Mapping[str, str], colors: Mapping[str, str],
              height: int = 280) -> alt.Chart:
    """Grouped bars: ``value`` for each ``category`` (kept in order of first appearance), one
    bar per ``series``. Non-finite values are dropped. ``text`` keys: ``category``, ``y``,
    ``series``.
    """
    data = data[np.isfinite(data["value"])]
    order = list(dict.fromkeys(data["category"]))
    return alt.Chart(data).mark_bar(cornerRadiusTopLeft=2, cornerRadiusTopRight=2).encode(
        x=alt.X("category:N", sort=order, title=text["category"],
                axis=alt.Axis(labelAngle=0 if len(order) <= 8 else -45)),
        xOffset=alt.XOffset("series:N", sort=list(colors)),
        y=alt.Y("value:Q", title=text["y"]),
        color=alt.Color("series:N", title=text["series"],
                        scale=alt.Scale(domain=list(colors), range=list(colors.values())),
                        legend=alt.Legend(orient="top", labelLimit=0)),
        tooltip=[alt.Tooltip("category:N", title=text["category"]),
                 alt.Tooltip("series:N", title=text["series"]),
                 alt.Tooltip("value:Q", title=text["y"], format=".6f")],
    ).properties(height=height)
