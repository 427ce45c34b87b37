"""Chart forms and data of the soft-targets and calibration page (see :mod:`lib.charts` for the
form/data split: a form's arguments are hashable, its marks read named datasets).

Every series is told apart by more than its colour: a dash pattern for lines, a shape for
points (and filled against hollow on the reliability diagram), filled against hollow for bars.
Non-finite values never reach a chart (Vega-Lite cannot place ∞): they are dropped from the
data.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import altair as alt
import numpy as np
import pandas as pd

from lib import calibration, charts, soft_targets
from lib.charts import Columns, Text

__all__ = ["DASHES", "RELIABILITY_DRAW", "RELIABILITY_FILLED", "RELIABILITY_STROKE", "SHAPES",
           "gradient_chart", "gradient_chart_data", "reliability_chart",
           "reliability_chart_data", "score_chart", "score_chart_data", "smoothing_chart",
           "smoothing_chart_data", "target_chart", "target_chart_data"]

#: Dash patterns and point shapes, in series order.
DASHES = ((1, 0), (8, 4), (2, 3))
SHAPES = ("circle", "square", "triangle-up")
GREY = "#555555"
#: The reliability diagram's series (T = 1, fitted T) in the order they are drawn (the fitted
#: T's squares first, T = 1's circles over them), each one's fill (T = 1 hollow: no fill, so
#: nothing under it is hidden) and ring width in px.
RELIABILITY_DRAW = (1, 0)
RELIABILITY_FILLED = (False, True)
RELIABILITY_STROKE = (2.5, 1.0)


def _series(colors: Mapping[str, str], title: str, legend: bool = True,
            shape_legend: bool = False) -> dict:
    """Colour, dash and shape encodings of a ``series`` field. The legend shows colour with the
    dash (lines), or with the shape when ``shape_legend`` (a chart of points only)."""
    names = list(colors)
    legend_ = None
    if legend:  # line symbols (with their dash) unless the chart is points only
        legend_ = charts._legend() if shape_legend else charts.line_legend()
    return {
        "color": alt.Color("series:N", title=title, legend=legend_,
                           scale=alt.Scale(domain=names, range=list(colors.values()))),
        "strokeDash": alt.StrokeDash("series:N", title=title, legend=legend_,
                                     scale=alt.Scale(domain=names,
                                                     range=[list(d) for d in DASHES[:len(names)]])),
        "shape": alt.Shape("series:N", title=title, legend=legend_ if shape_legend else None,
                           scale=alt.Scale(domain=names, range=list(SHAPES[:len(names)]))),
    }


def _finite(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    keep = np.ones(len(frame), dtype=bool)
    for c in columns:
        keep &= np.isfinite(frame[c].to_numpy(dtype=float))
    return frame[keep].reset_index(drop=True)


# ---- proper scoring rules ------------------------------------------------------------------------

def score_chart(text: Text, colors: Mapping[str, str], y_max: float = 1.6) -> alt.LayerChart:
    """The expected score of each rule against the report ``q``, its lowest point marked, and a
    vertical rule at the true ``p``. Datasets from :func:`score_chart_data`. ``text`` keys:
    ``q``, ``value``, ``series``, ``best``, ``p``."""
    enc = _series(colors, text["series"])
    x = alt.X("q:Q", title=text["q"], scale=alt.Scale(domain=[0, 1]))
    y = alt.Y("value:Q", title=text["value"], scale=alt.Scale(domain=[0, y_max]))
    tip = [alt.Tooltip("series:N", title=text["series"]),
           alt.Tooltip("q:Q", title=text["q"], format=".3f"),
           alt.Tooltip("value:Q", title=text["value"], format=".6f")]
    lines = alt.Chart(alt.NamedData("curves")).mark_line(strokeWidth=2.5, clip=True).encode(
        x=x, y=y, color=enc["color"], strokeDash=enc["strokeDash"], tooltip=tip)
    # One layer per rule, its shape fixed, so that the legend stays the lines' (colour, dash).
    # Not clipped: a minimiser at q = 1 sits on the plot's edge. Hidden from screen readers
    # (the caption lists the minima): a marker held back until a prediction leaves its layer
    # empty, and an empty layer would be an unnamed image to them.
    best = [alt.Chart(alt.NamedData("best")).transform_filter(
        alt.datum.series == name).mark_point(
        size=140, filled=True, opacity=1, stroke="#222", strokeWidth=1, shape=shape,
        color=color, aria=False).encode(
        x="q:Q", y="value:Q",
        tooltip=[alt.Tooltip("series:N", title=text["series"]),
                 alt.Tooltip("q:Q", title=text["best"], format=".4f"),
                 alt.Tooltip("value:Q", title=text["value"], format=".6f")])
        for (name, color), shape in zip(colors.items(), SHAPES)]
    truth = alt.Chart(alt.NamedData("truth")).mark_rule(color=GREY, strokeDash=[3, 3]).encode(
        x="p:Q", tooltip=alt.Tooltip("p:Q", title=text["p"], format=".2f"))
    label = alt.Chart(alt.NamedData("truth")).mark_text(
        align="left", dx=4, dy=8, color="#222", baseline="top").encode(
        x="p:Q", y=alt.value(0), text="label:N")
    return alt.layer(lines, truth, label, *best).properties(height=320)


def score_chart_data(p: float, names: Mapping[str, str], base: float | None = None,
                     points: int = 201, p_label: str = "p",
                     marked: Sequence[str] | None = None) -> dict[str, Columns]:
    """Datasets ``curves`` (``q``, ``value``, ``series``), ``best`` (each rule's minimiser,
    :func:`lib.calibration.score_minimisers`; a rule with no single minimiser is left out, and
    so is a rule not in ``marked`` when given) and ``truth`` (``p`` and its label). ``names``
    maps the rules ``log``, ``brier``, ``absolute`` to their display names.

    >>> d = score_chart_data(0.7, {"log": "L", "brier": "B", "absolute": "A"}, points=3)
    >>> pd.DataFrame(d["best"]).round(4).values.tolist()
    [[0.7, 0.6109, 'L'], [0.7, 0.21, 'B'], [1.0, 0.3, 'A']]
    >>> score_chart_data(0.7, {"log": "L", "brier": "B", "absolute": "A"}, points=3,
    ...                  marked=("log",))["best"]["series"].tolist()
    ['L']
    """
    q = np.linspace(0.0, 1.0, int(points))
    scores = calibration.expected_scores(p, q, base)
    best = calibration.score_minimisers(p)
    qs, values, series = [], [], []
    for rule, name in names.items():
        keep = np.isfinite(scores[rule])
        qs.append(q[keep])
        values.append(scores[rule][keep])
        series += [name] * int(keep.sum())
    at = {rule: calibration.expected_scores(p, [b], base)[rule][0]
          for rule, b in best.items() if b is not None}
    shown = [rule for rule in names if rule in at and (marked is None or rule in marked)]
    return {"curves": {"q": np.concatenate(qs), "value": np.concatenate(values),
                       "series": np.array(series, dtype=object)},
            "best": {"q": np.array([best[r] for r in shown], dtype=float),
                     "value": np.array([at[r] for r in shown], dtype=float),
                     "series": np.array([names[r] for r in shown], dtype=object)},
            "truth": {"p": np.array([float(p)]), "label": np.array([p_label], dtype=object)}}


# ---- label smoothing ---------------------------------------------------------------------------

def smoothing_chart(text: Text, colors: Mapping[str, str], x_max: float = 20.0) -> alt.LayerChart:
    """Cross-entropy against the logit gap ``g`` for the one-hot and the smoothed target, the
    smoothed target's minimum ``H(P)`` marked (with a dashed floor) and the chosen ``g`` on its
    curve. Datasets from :func:`smoothing_chart_data`. ``text`` keys: ``gap``, ``value``,
    ``series``, ``floor``, ``mark``. The marks are labelled on the chart (no legend)."""
    enc = _series(colors, text["series"])
    x = alt.X("gap:Q", title=text["gap"], scale=alt.Scale(domain=[0, x_max]))
    tip = [alt.Tooltip("series:N", title=text["series"]),
           alt.Tooltip("gap:Q", title=text["gap"], format=".3f"),
           alt.Tooltip("value:Q", title=text["value"], format=".6f")]
    lines = alt.Chart(alt.NamedData("curves")).mark_line(strokeWidth=2.5, clip=True).encode(
        x=x, y=alt.Y("value:Q", title=text["value"], scale=alt.Scale(zero=True)),
        color=enc["color"], strokeDash=enc["strokeDash"], tooltip=tip)
    floor = alt.Chart(alt.NamedData("floor")).mark_rule(color=GREY, strokeDash=[3, 3]).encode(
        y="value:Q", tooltip=[alt.Tooltip("name:N", title=text["floor"]),
                              alt.Tooltip("value:Q", title=text["value"], format=".6f")])
    floor_label = alt.Chart(alt.NamedData("floor")).mark_text(
        align="right", baseline="bottom", dy=-3, color="#222").encode(
        x=alt.value("width"), y="value:Q", text="name:N")
    tip = [alt.Tooltip("name:N", title=text["mark"]),
           alt.Tooltip("gap:Q", title=text["gap"], format=".4f"),
           alt.Tooltip("value:Q", title=text["value"], format=".6f")]
    marks = alt.Chart(alt.NamedData("marks")).mark_point(
        filled=True, opacity=1, size=130, stroke="#222", strokeWidth=1, clip=True).encode(
        x="gap:Q", y="value:Q", shape=alt.Shape("shape:N", scale=None, legend=None),
        color=alt.value("#222"), tooltip=tip)
    labels = alt.Chart(alt.NamedData("marks")).mark_text(
        align="left", baseline="top", dx=9, dy=8, color="#222", fontWeight="bold").encode(
        x="gap:Q", y="value:Q", text="name:N", tooltip=tip)
    return alt.layer(lines, floor, floor_label, marks, labels).properties(height=300)


def smoothing_chart_data(k: int, eps: float, gap: float, names: Mapping[str, str],
                         base: float | None = None, x_max: float = 20.0,
                         points: int = 161, best: bool = True) -> dict[str, Columns]:
    """Datasets of :func:`smoothing_chart`: ``curves`` (``gap``, ``value``, ``series``; with
    ``ε = 0`` only the one-hot curve, which the smoothed one then equals), ``floor`` (``H(P)``)
    and ``marks`` (the minimum at :func:`lib.soft_targets.optimal_gap` when finite and within
    the axis, unless ``best`` is False, and the chosen ``gap``). ``names`` keys: ``one_hot``,
    ``smoothed``, ``floor``, ``best``, ``now``.

    >>> d = smoothing_chart_data(10, 0.1, 8.0, {"one_hot": "1", "smoothed": "S", "floor": "H",
    ...                          "best": "min", "now": "g"}, points=3)
    >>> pd.DataFrame(d["marks"]).round(3).values.tolist()
    [[4.511, 0.5, 'min', 'diamond'], [8.0, 0.723, 'g', 'circle']]
    """
    gaps = np.linspace(0.0, x_max, int(points))
    curve = soft_targets.smoothing_curve(k, 0.0 if eps == 0 else eps, gaps, base)
    parts = [("one_hot", curve["one_hot"].to_numpy())]
    if eps > 0:
        parts.append(("smoothed", curve["smoothed"].to_numpy()))
    now = soft_targets.smoothing_at(k, eps, gap, base)
    best_gap = soft_targets.optimal_gap(k, eps)
    marks = ([(best_gap, now.entropy, names["best"], "diamond")]
             if best and best_gap <= x_max else [])
    marks.append((float(gap), now.ce, names["now"], "circle"))
    return {"curves": {"gap": np.concatenate([gaps] * len(parts)),
                       "value": np.concatenate([v for _, v in parts]),
                       "series": np.array([names[s] for s, v in parts for _ in v], dtype=object)},
            "floor": {"value": np.array([now.entropy]),
                      "name": np.array([names["floor"]], dtype=object)},
            "marks": {"gap": np.array([m[0] for m in marks], dtype=float),
                      "value": np.array([m[1] for m in marks], dtype=float),
                      "name": np.array([m[2] for m in marks], dtype=object),
                      "shape": np.array([m[3] for m in marks], dtype=object)}}


# ---- distillation -------------------------------------------------------------------------------

def target_chart(text: Text, colors: Mapping[str, str]) -> alt.Chart:
    """The teacher's target at T = 1 (hollow bars) and at the chosen T (filled bars), side by
    side for each class. Dataset ``targets`` from :func:`target_chart_data`. ``text`` keys:
    ``class``, ``probability``, ``series``."""
    names = list(colors)
    return alt.Chart(alt.NamedData("targets")).mark_bar(strokeWidth=2).encode(
        x=alt.X("cls:N", title=text["class"], sort=alt.EncodingSortField("order", op="min"),
                axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("series:N", sort=names),
        y=alt.Y("probability:Q", title=text["probability"], scale=alt.Scale(domain=[0, 1])),
        stroke=alt.Stroke("series:N", title=text["series"], legend=charts._legend(),
                          scale=alt.Scale(domain=names, range=list(colors.values()))),
        fill=alt.Fill("series:N", title=text["series"], legend=charts._legend(),
                      scale=alt.Scale(domain=names, range=["white", list(colors.values())[1]])),
        tooltip=[alt.Tooltip("cls:N", title=text["class"]),
                 alt.Tooltip("series:N", title=text["series"]),
                 alt.Tooltip("probability:Q", title=text["probability"], format=".4f")],
    ).properties(height=260)


def target_chart_data(logits: Sequence[float], temperature: float, classes: Sequence[str],
                      names: tuple[str, str]) -> dict[str, Columns]:
    """Dataset ``targets``: ``softmax(z / 1)`` then ``softmax(z / T)``
    (:func:`lib.soft_targets.tempered`), one row per class each; ``names`` = the two series'
    display names.

    >>> d = target_chart_data([2.0, 0.0], 2.0, ["a", "b"], ("T=1", "T=2"))
    >>> pd.DataFrame(d["targets"]).round(4).values.tolist()[:2]
    [['a', 0, 'T=1', 0.8808], ['b', 1, 'T=1', 0.1192]]
    """
    k = len(classes)
    probs = np.concatenate([soft_targets.tempered(logits, 1.0),
                            soft_targets.tempered(logits, temperature)])
    return {"targets": {"cls": np.array(list(classes) * 2, dtype=object),
                        "order": np.tile(np.arange(k), 2),
                        "series": np.array([names[0]] * k + [names[1]] * k, dtype=object),
                        "probability": probs}}


def gradient_chart(text: Text, colors: Mapping[str, str]) -> alt.LayerChart:
    """The soft loss's gradient length against T on log–log axes, as is and times T², and the
    chosen T as a vertical rule. Datasets from :func:`gradient_chart_data`. ``text`` keys:
    ``T``, ``value``, ``series``."""
    enc = _series(colors, text["series"])
    lines = alt.Chart(alt.NamedData("curves")).mark_line(strokeWidth=2.5).encode(
        x=alt.X("T:Q", title=text["T"], scale=alt.Scale(type="log")),
        y=alt.Y("value:Q", title=text["value"], scale=alt.Scale(type="log")),
        color=enc["color"], strokeDash=enc["strokeDash"],
        tooltip=[alt.Tooltip("series:N", title=text["series"]),
                 alt.Tooltip("T:Q", title=text["T"], format=".3g"),
                 alt.Tooltip("value:Q", title=text["value"], format=".4g")])
    now = alt.Chart(alt.NamedData("now")).mark_rule(color=GREY, strokeDash=[3, 3]).encode(x="T:Q")
    return alt.layer(lines, now).properties(height=260)


def gradient_chart_data(student: Sequence[float], teacher: Sequence[float], temperature: float,
                        names: tuple[str, str], t_max: float = 100.0,
                        points: int = 81) -> dict[str, Columns]:
    """Datasets ``curves`` (:func:`lib.soft_targets.gradient_scale` from T = 1 to ``t_max``, long
    form; ``names`` = (gradient, T² × gradient)) and ``now`` (the chosen T)."""
    g = soft_targets.gradient_scale(student, teacher, np.geomspace(1.0, t_max, int(points)))
    frame = pd.DataFrame({"T": np.concatenate([g["T"], g["T"]]),
                          "value": np.concatenate([g["gradient"], g["scaled"]]),
                          "series": [names[0]] * len(g) + [names[1]] * len(g)})
    frame = frame[frame["value"] > 0]
    return {"curves": {c: frame[c].to_numpy() for c in frame.columns},
            "now": {"T": np.array([float(temperature)])}}


# ---- reliability ---------------------------------------------------------------------------------

def reliability_chart(text: Text, colors: Mapping[str, str]) -> alt.LayerChart:
    """Accuracy against mean confidence per bin, one point per bin and series (before and after
    temperature scaling), each point's area by its number of examples, and the diagonal of
    perfect calibration. Points are not joined: a bin of one image would draw a long line that
    says nothing. Datasets from :func:`reliability_chart_data`. ``text`` keys: ``confidence``,
    ``accuracy``, ``series``, ``count``, ``perfect``.

    The two series (``colors``: T = 1 first, then the fitted T) are told apart by colour, shape
    and fill: the second's filled squares are drawn first, the first's hollow circles (a
    coloured ring, thicker) over them. Where both series have a bin at the same place (most
    images sit at 100%, 100% before and after scaling) both markers show, at their true
    values, whichever is larger: the ring over the square, or the square inside the ring."""
    names = list(colors)
    title = text["series"]
    legend = alt.Legend(orient="top", labelLimit=0, symbolSize=220, symbolStrokeWidth=2.5)
    # Padded by the largest marker's half width (900 px² area), so a bin at 100% shows whole;
    # ticks only within 0-100% (the padding would add a "110%").
    axis = {"scale": alt.Scale(domain=[0, 1], padding=16),
            "axis": alt.Axis(format="%", values=[i / 5 for i in range(6)])}
    tip = [alt.Tooltip("series:N", title=title),
           alt.Tooltip("confidence:Q", title=text["confidence"], format=".2%"),
           alt.Tooltip("accuracy:Q", title=text["accuracy"], format=".2%"),
           alt.Tooltip("count:Q", title=text["count"])]
    diagonal = alt.Chart(alt.NamedData("diagonal")).mark_line(
        color=GREY, strokeDash=[3, 3], strokeWidth=1.5).encode(
        x=alt.X("x:Q", title=text["confidence"], **axis),
        y=alt.Y("y:Q", title=text["accuracy"], **axis),
        tooltip=alt.Tooltip("name:N", title=text["perfect"]))
    # One legend (shape, ring colour, fill) for both layers: the same field, title and legend.
    series = {
        "shape": alt.Shape("series:N", title=title, legend=legend,
                           scale=alt.Scale(domain=names, range=list(SHAPES[:len(names)]))),
        "stroke": alt.Stroke("series:N", title=title, legend=legend,
                             scale=alt.Scale(domain=names, range=list(colors.values()))),
        "fill": alt.Fill("series:N", title=title, legend=legend,
                         scale=alt.Scale(domain=names, range=[
                             c if filled else "transparent"
                             for c, filled in zip(colors.values(), RELIABILITY_FILLED)])),
    }
    size = alt.Size("count:Q", title=text["count"], legend=None,
                    scale=alt.Scale(range=[25, 900], zero=True))
    points = [alt.Chart(alt.NamedData("bins")).transform_filter(
        alt.datum.series == names[i]).mark_point(
        filled=True, opacity=1, fillOpacity=0.75, strokeWidth=RELIABILITY_STROKE[i]).encode(
        x="confidence:Q", y="accuracy:Q", size=size, tooltip=tip, **series)
        for i in RELIABILITY_DRAW if i < len(names)]
    return alt.layer(diagonal, *points).properties(height=340)


def reliability_chart_data(tables: Mapping[str, pd.DataFrame],
                           perfect: str = "") -> dict[str, Columns]:
    """Datasets ``bins`` (the non-empty bins of each :func:`lib.calibration.reliability` table,
    by series name) and ``diagonal``.

    >>> r = calibration.reliability([[0.9, 0.1], [0.2, 0.8]], [0, 0], bins=2)
    >>> pd.DataFrame(reliability_chart_data({"A": r})["bins"]).round(6).values.tolist()
    [[0.85, 0.5, 2.0, 'A']]
    """
    frames = [_finite(t[t["count"] > 0], "confidence", "accuracy").assign(series=name)
              for name, t in tables.items()]
    data = pd.concat(frames, ignore_index=True)
    return {"bins": {"confidence": data["confidence"].to_numpy(dtype=float),
                     "accuracy": data["accuracy"].to_numpy(dtype=float),
                     "count": data["count"].to_numpy(dtype=float),
                     "series": data["series"].to_numpy(dtype=object)},
            "diagonal": {"x": np.array([0.0, 1.0]), "y": np.array([0.0, 1.0]),
                         "name": np.array([perfect] * 2, dtype=object)}}
