"""The loss page's charts: two forms (:func:`curves_chart`, :func:`class_bars`) and their data.

The forms tell series apart by more than colour (each curve its own dash and point shape; bars
by position, in legend order), in a colour-blind-safe palette chosen by the page, with axis and
legend text in dark ink (:data:`INK`, about 12.6:1 on white). Their datasets are those of
:func:`lib.charts.function_chart` (``curves``, ``points``, ``band``) and
:func:`lib.charts.bar_chart` (``bars``).

Each ``*_data`` function returns the named datasets as DataFrames, built from
:mod:`lib.curves` and :mod:`lib.losses` (costs in nats). A curve depends on fewer inputs than
the point marked on it, so curves and points are separate functions (a page can keep a curve
while the reader moves along it). Non-finite values are dropped, as
:func:`lib.charts.function_chart_data` does.
"""

from __future__ import annotations

from typing import Mapping

import altair as alt
import numpy as np
import pandas as pd

from lib import charts, curves, losses

__all__ = ["INK", "binary_curves_data", "binary_points_data", "class_bars", "curves_chart",
           "dual_chart", "likelihood_curves_data", "likelihood_points_data",
           "softmax_bars_data"]

#: Axis and legend text (:data:`lib.charts.INK`, which :func:`lib.charts.compile_spec` sets).
INK = charts.INK
#: Dash patterns and point shapes, one per series in order: solid and circles first.
DASHES = ((1, 0), (7, 4), (2, 3))
SHAPES = ("circle", "square", "triangle-up")


def curves_chart(text: Mapping[str, str], colors: Mapping[str, str], x_domain=(0.0, 1.0),
                 shade: bool = False, height: int = 300, y_domain=None, name_at: float = 0.5):
    """Curves ``value`` against ``x``, one per ``series`` (``colors`` maps each series, in
    legend order, to its colour), each with its own dash (solid first) and point shape; an
    optional tinted band (dataset ``band``: ``x``, ``x2``, ``label``), named inside it
    ``name_at`` of the way down the plot (where the curves leave room). Datasets as
    :func:`lib.charts.function_chart_data` makes them. ``text`` keys: ``x``, ``y``,
    ``series``.

    >>> spec = charts.compile_spec(curves_chart, text={"x": "a", "y": "C", "series": "s"},
    ...                            colors=(("CE", "#000"), ("Q", "#111")))
    >>> spec["layer"][0]["encoding"]["strokeDash"]["scale"]["range"], spec["config"]["axis"]["labelColor"]
    ([[1, 0], [7, 4]], '#31333f')
    """
    names = list(colors)
    # The legend shows each line's colour and dash; each series' marker has a shape of its own,
    # drawn with a fixed shape (a shape in the legend took the dash on its outline: a blob).
    legend = charts.line_legend() if len(names) > 1 else None
    color = alt.Color("series:N", title=text["series"],
                      scale=alt.Scale(domain=names, range=list(colors.values())), legend=legend)
    dash = alt.StrokeDash("series:N", title=text["series"], legend=legend, scale=alt.Scale(
        domain=names, range=[list(d) for d in DASHES[:len(names)]]))
    y_scale = alt.Scale(domain=list(y_domain)) if y_domain else alt.Scale()
    x = alt.X("x:Q", title=text["x"], scale=alt.Scale(domain=list(x_domain)))
    tooltip = [alt.Tooltip("series:N", title=text["series"]),
               alt.Tooltip("x:Q", title=text["x"], format=".4f"),
               alt.Tooltip("value:Q", title=text["y"], format=".6g")]
    layers = [alt.Chart(alt.NamedData("curves")).mark_line(strokeWidth=2.5, clip=True).encode(
        x=x, y=alt.Y("value:Q", title=text["y"], scale=y_scale), color=color, strokeDash=dash,
        tooltip=tooltip),
        *[alt.Chart(alt.NamedData("points")).transform_filter(alt.datum.series == name)
          .mark_point(size=110, filled=True, opacity=1, clip=True, shape=shape,
                      color=colors[name]).encode(x="x:Q", y="value:Q", tooltip=tooltip)
          for name, shape in zip(names, SHAPES)]]
    if shade:
        band = alt.Chart(alt.NamedData("band"))
        layers[:0] = [
            band.mark_rect(color="#f4b6b6", opacity=0.35).encode(
                x="x:Q", x2="x2:Q", tooltip=alt.Tooltip("label:N", title=text["x"])),
            # One word a line: the band is a fifth of the plot wide.
            band.transform_calculate(middle="(datum.x + datum.x2) / 2").mark_text(
                baseline="middle", lineBreak=" ", fontSize=11, color=INK).encode(
                x="middle:Q", y=alt.value(height * name_at), text="label:N")]
    return alt.layer(*layers).properties(height=height)


def dual_chart(text: Mapping[str, str], colors: Mapping[str, str], height: int = 260):
    """Two curves against ``x`` on one chart, each on its own y axis (the first on the left,
    solid, circle marker; the second on the right, dashed, square marker), for two quantities
    of different scales whose extremes fall at the same ``x``. Datasets ``left`` and
    ``right`` (``x``, ``value``, ``series``) and ``left_point`` and ``right_point`` (the
    marked points). ``colors`` maps the two series names, in that order, to colours.
    ``text`` keys: ``x``, ``left``, ``right`` (the axes' titles), ``series``.

    >>> spec = charts.compile_spec(dual_chart, text={"x": "θ", "left": "L", "right": "NLL",
    ...     "series": "s"}, colors=(("L", "#000"), ("NLL", "#111")))
    >>> spec["resolve"], [side["layer"][0]["encoding"]["y"]["axis"]["orient"]
    ...                    for side in spec["layer"]]
    ({'scale': {'y': 'independent'}}, ['left', 'right'])
    """
    names = list(colors)
    # One entry a line: two long names side by side would be cut off on a phone. Each entry a
    # stroke with its line's dash (a marker drawn dashed reads as a smudge); the points' shapes
    # repeat the lines' and need no entry of their own.
    legend = charts.line_legend(columns=1)
    color = alt.Color("series:N", title=text["series"], legend=legend,
                      scale=alt.Scale(domain=names, range=list(colors.values())))
    dash = alt.StrokeDash("series:N", title=text["series"], legend=legend, scale=alt.Scale(
        domain=names, range=[list(d) for d in DASHES[:2]]))
    x = alt.X("x:Q", title=text["x"], scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(tickCount=10))
    layers = []
    # The points' shapes are fixed per side, not encoded: an encoded shape would turn the
    # legend's strokes back into markers.
    for side, point_shape in zip(("left", "right"), SHAPES[:2]):
        tooltip = [alt.Tooltip("series:N", title=text["series"]),
                   alt.Tooltip("x:Q", title=text["x"], format=".4f"),
                   alt.Tooltip("value:Q", title=text[side], format=".6g")]
        y = alt.Y("value:Q", title=text[side], axis=alt.Axis(orient=side))
        # Each side's curve and point share one y scale; the two sides do not.
        layers.append(alt.layer(
            alt.Chart(alt.NamedData(side)).mark_line(strokeWidth=2.5, clip=True).encode(
                x=x, y=y, color=color, strokeDash=dash, tooltip=tooltip),
            alt.Chart(alt.NamedData(f"{side}_point")).mark_point(
                size=110, filled=True, opacity=1, clip=True, shape=point_shape).encode(
                x="x:Q", y="value:Q", color=color, tooltip=tooltip)))
    return alt.layer(*layers).resolve_scale(y="independent").properties(height=height)


def class_bars(text: Mapping[str, str], colors: Mapping[str, str], height: int = 280):
    """Grouped bars: ``value`` for each ``category`` (in ``order``), one bar per ``series`` in
    the legend's order, with a zero line. Dataset ``bars`` as :func:`lib.charts.bar_chart_data`
    makes it. ``text`` keys: ``category``, ``y``, ``series``."""
    names = list(colors)
    bars = alt.Chart(alt.NamedData("bars")).mark_bar(
        cornerRadiusTopLeft=2, cornerRadiusTopRight=2).encode(
        x=alt.X("category:N", sort=alt.EncodingSortField("order", op="min"),
                title=text["category"], axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("series:N", sort=names),
        y=alt.Y("value:Q", title=text["y"]),
        color=alt.Color("series:N", title=text["series"],
                        scale=alt.Scale(domain=names, range=list(colors.values())),
                        legend=alt.Legend(orient="top", labelLimit=0)),
        tooltip=[alt.Tooltip("category:N", title=text["category"]),
                 alt.Tooltip("series:N", title=text["series"]),
                 alt.Tooltip("value:Q", title=text["y"], format=".6g")])
    # The zero line is decorative: kept out of the accessibility tree (axe: svg-img-alt).
    zero = alt.Chart(alt.NamedData("bars")).mark_rule(color=INK, strokeWidth=1,
                                                      aria=False).encode(y=alt.datum(0))
    return alt.layer(bars, zero).properties(height=height)


def _points(x: float, values, names) -> pd.DataFrame:
    frame = pd.DataFrame({"x": [float(x)] * len(names), "value": [float(v) for v in values],
                          "series": list(names)})
    return frame[np.isfinite(frame["value"])]


def binary_curves_data(y: int, ce: str, quad: str, wrong: str) -> tuple[dict, dict]:
    """For target ``y``: the cost chart's and the gradient chart's ``curves`` (cross-entropy
    named ``ce``, quadratic ``quad``, over the prediction a) and ``band`` (the confidently wrong
    predictions, :func:`lib.losses.wrong_band`, labelled ``wrong``).

    >>> cost, grad = binary_curves_data(1, "CE", "Q", "wrong")
    >>> sorted(cost), cost["band"].values.tolist()
    (['band', 'curves', 'points'], [[0.0, 0.2, 'wrong']])
    """
    curve = curves.binary_losses(y)
    x = curve["x"].to_numpy()
    out = []
    for prefix in ("", "grad_"):
        frame = pd.DataFrame({"x": np.tile(x, 2), "value": np.concatenate(
            [curve[f"{prefix}cross_entropy"].to_numpy(), curve[f"{prefix}quadratic"].to_numpy()]),
            "series": np.repeat([ce, quad], len(x))})
        out.append(charts.function_chart_data(frame, shade=losses.wrong_band(y),
                                              shade_label=wrong))
    return tuple(out)


def binary_points_data(a: float, y: int, ce: str, quad: str):
    """The two costs and their gradients at prediction ``a`` for target ``y``
    (:func:`lib.losses.binary_at`) and the ``points`` to mark them on the cost chart and on
    the gradient chart: ``(cost_points, grad_points, costs, grads)``.

    >>> cost_points, _, costs_, _ = binary_points_data(0.5, 1, "CE", "Q")
    >>> cost_points["series"].tolist(), round(costs_["quadratic"], 3)
    (['CE', 'Q'], 0.125)
    """
    cost_now, grad_now = losses.binary_at(a, y)
    return (_points(a, cost_now.values(), (ce, quad)), _points(a, grad_now.values(), (ce, quad)),
            cost_now, grad_now)


def likelihood_curves_data(heads: int, tails: int, lik: str, nll: str) -> tuple:
    """The likelihood ``θ^h (1-θ)^t`` (relative to its maximum, series ``lik``) and the mean
    negative log-likelihood (series ``nll``) over θ, as two ``curves`` datasets
    (:func:`lib.curves.coin_likelihood`; ``heads + tails >= 1``).

    >>> lik, nll = likelihood_curves_data(7, 3, "L", "NLL")
    >>> round(float(lik["value"].max()), 3), nll["series"].iloc[0]
    (1.0, 'NLL')
    """
    curve = curves.coin_likelihood(heads, tails)
    return tuple(charts.function_chart_data(
        pd.DataFrame({"x": curve["x"], "value": curve[column], "series": name}))["curves"]
        for column, name in (("likelihood", lik), ("nll", nll)))


def likelihood_points_data(heads: int, tails: int, theta: float, lik: str, nll: str):
    """The points at ``theta`` on the two curves of :func:`likelihood_curves_data` and the
    mean NLL there, in nats: ``(lik_point, nll_point, nll_now)``.

    >>> _, point, nll_now = likelihood_points_data(7, 3, 0.7, "L", "NLL")
    >>> round(nll_now, 5), point["series"].tolist()
    (0.61086, ['NLL'])
    """
    now = curves.coin_likelihood(heads, tails, theta=theta).iloc[0]
    return (_points(theta, [now["likelihood"]], [lik]), _points(theta, [now["nll"]], [nll]),
            float(now["nll"]))


def softmax_bars_data(z, true: int, classes, a_name: str, y_name: str, grad_name: str):
    """For logits ``z`` and the true class's index: the dataset ``bars`` (for each class the
    probability ``a = softmax(z)``, the one-hot ``y`` and the gradient ``a - y``, series named
    by the last three arguments), the probabilities, the gradient and the loss ``-ln a(true)``
    in nats: ``(bars, a, grad, loss)``.

    >>> bars, a, grad, loss = softmax_bars_data([0.0, 0.0], 0, "AB", "a", "y", "a - y")
    >>> bars["value"].tolist(), grad.tolist(), round(loss, 4)
    ([0.5, 0.5, 1.0, 0.0, -0.5, 0.5], [-0.5, 0.5], 0.6931)
    """
    z = np.asarray(z, dtype=float)
    y = np.eye(len(z))[true]
    a = losses.softmax(z)
    grad = losses.categorical_cross_entropy_grad(z, y)
    frame = pd.DataFrame({"category": list(classes) * 3,
                          "series": np.repeat([a_name, y_name, grad_name], len(z)),
                          "value": np.concatenate([a, y, grad])})
    return (charts.bar_chart_data(frame)["bars"], a, grad,
            losses.categorical_cross_entropy(y, logits=z))
