"""Chart forms and their data for the continuous-KL page (``pages/lessons/continuous.py``).

Each chart is a form ``name(text, ...)`` (hashable arguments, marks reading named datasets) and
``name_data(...) -> {dataset: columns}``, as in :mod:`lib.charts`. Series are told apart by
line style and direct labels as well as colour. No chart receives a non-finite number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import altair as alt
import numpy as np

from lib import continuous, fmt, raster
from lib.charts import CE_COLOR, INK, KL_COLOR, P_COLOR, Q_COLOR, TOOLTIP_FORMAT, Columns, Text

FORWARD_COLOR = Q_COLOR        # orange
REVERSE_COLOR = "#1a7f4b"      # green, 5.4:1 on white
OTHER_COLOR = "#6b6b6b"        # grey, 5.3:1 on white
#: Dash patterns (Vega strokeDash): solid, dashed, dash-dot, dotted.
SOLID, DASHED, DASH_DOT, DOTTED = (1, 0), (8, 4), (12, 3, 3, 3), (2, 3)
#: The landscape's cells are drawn as blocks this many pixels wide.
LANDSCAPE_PIXELS = 6


def _legend(columns: int | None = None) -> alt.Legend:
    extra = {"columns": columns} if columns else {}
    return alt.Legend(orient="bottom", labelLimit=0, title=None, symbolStrokeWidth=2.5,
                      symbolType="stroke", symbolSize=500, **extra)


def _series(names: Sequence[str], colors: Sequence[str], dashes: Sequence[tuple],
            columns: int | None = None) -> dict:
    """Colour and dash pattern both by ``series`` (one legend showing both)."""
    return {"color": alt.Color("series:N", scale=alt.Scale(domain=list(names), range=list(colors)),
                               legend=_legend(columns)),
            "strokeDash": alt.StrokeDash("series:N", scale=alt.Scale(
                domain=list(names), range=[list(d) for d in dashes]), legend=_legend(columns))}


# ---- P and its two fits ----------------------------------------------------------------------

def fits_chart(text: Text, others: bool = True, reverse: bool = True) -> alt.LayerChart:
    """P's density (shaded, solid line), the Gaussian minimising KL(P‖Q) (dashed), the one
    minimising KL(Q‖P) (dash-dot) and the other local minima of KL(Q‖P) (thin dotted), each
    curve also named by a label at its peak. Datasets from :func:`fits_chart_data`. ``text``
    keys: ``x``, ``density``, ``curve``, ``P``, ``forward``, ``reverse``, ``other``, ``both``
    (the label of the two fits when they coincide). ``others``: whether the legend names the
    other local minima (only when there are some); ``reverse``: whether it names the KL(Q‖P)
    fit (False while a page holds it back: the data then hold P and the forward fit only)."""
    names = [text["P"], text["forward"], text["reverse"], text["other"]]
    styles = [(P_COLOR, SOLID), (FORWARD_COLOR, DASHED), (REVERSE_COLOR, DASH_DOT),
              (OTHER_COLOR, DOTTED)]
    keep = [0, 1] + ([2] + ([3] if others else []) if reverse else [])
    names = [names[i] for i in keep]
    enc = _series(names, [styles[i][0] for i in keep], [styles[i][1] for i in keep], columns=2)
    x = alt.X("x:Q", title=text["x"], scale=alt.Scale(nice=False))
    area = alt.Chart(alt.NamedData("p")).mark_area(color=P_COLOR, opacity=0.18).encode(
        x=x, y=alt.Y("density:Q", title=text["density"]))
    lines = alt.Chart(alt.NamedData("curves")).mark_line(clip=True).encode(
        x=x, y="density:Q", detail="curve:N", order="order:Q",
        strokeWidth=alt.StrokeWidth("width:Q", scale=None), **enc,
        tooltip=[alt.Tooltip("name:N", title=text["curve"]),
                 alt.Tooltip("x:Q", title=text["x"], format=".3f"),
                 alt.Tooltip("density:Q", title=text["density"], format=TOOLTIP_FORMAT)])
    label = {"dy": -9, "fontSize": 13, "fontWeight": "bold", "align": "center"}
    # A white halo first, so a label stays legible where curves cross it.
    halo = alt.Chart(alt.NamedData("labels")).mark_text(
        stroke="#ffffff", strokeWidth=4, strokeJoin="round", fill="#ffffff", **label).encode(
        x=x, y="density:Q", text="name:N")
    labels = alt.Chart(alt.NamedData("labels")).mark_text(**label).encode(
        x=x, y="density:Q", text="name:N",
        color=alt.Color("series:N", scale=alt.Scale(
            domain=names, range=[[P_COLOR, "#b35c12", REVERSE_COLOR, OTHER_COLOR][i]
                                 for i in keep]), legend=None))
    return alt.layer(area, lines, halo, labels).properties(height=300)


def fits_chart_data(weights: Sequence[float], means: Sequence[float], sds: Sequence[float],
                    forward: tuple[float, float], reverse: tuple[float, float],
                    others: Sequence[tuple[float, float]], text: Text,
                    points: int = 401, hidden: bool = False) -> dict[str, Columns]:
    """Datasets of :func:`fits_chart`: ``p`` (P's density), ``curves`` (P, the two fits and
    the other local minima, each a Gaussian (mean, sd); ``curve`` tells them apart),
    ``labels`` (each named curve's peak; P's at its highest point). ``hidden``: P and the
    forward fit only (while a page holds the KL(Q‖P) fits back), on the same x range, so that
    showing them does not move the picture.

    The x range covers every component ± 4 sds and every fit ± 3.5 sds.

    >>> d = fits_chart_data([1.0], [0.0], [1.0], (0.0, 1.0), (0.0, 1.0), (), {
    ...     "P": "P", "forward": "f", "reverse": "r", "other": "o", "both": "f = r"}, points=5)
    >>> d["p"]["x"].tolist(), sorted(set(d["curves"]["series"].tolist()))
    ([-4.0, -2.0, 0.0, 2.0, 4.0], ['P', 'f', 'r'])
    >>> d["labels"]["name"].tolist(), d["labels"]["x"].tolist()  # P and both fits coincide
    (['P', 'f = r'], [0.0, 1.3])
    >>> d = fits_chart_data([0.5, 0.5], [-3, 3], [1, 1], (0.0, 3.16), (-3.0, 1.0),
    ...                     [(3.0, 1.0)], {"P": "P", "forward": "f", "reverse": "r",
    ...                                    "other": "o", "both": "f = r"}, points=5, hidden=True)
    >>> sorted(set(d["curves"]["series"].tolist())), d["labels"]["name"].tolist()
    (['P', 'f'], ['P', 'f'])
    """
    w, m, s = (np.asarray(v, dtype=float) for v in (weights, means, sds))
    gaussians = [forward, reverse, *others]
    lo = min(float((m - 4 * s).min()), *(g[0] - 3.5 * g[1] for g in gaussians))
    hi = max(float((m + 4 * s).max()), *(g[0] + 3.5 * g[1] for g in gaussians))
    x = np.linspace(lo, hi, points)
    p = np.exp(continuous.mixture_logpdf(x, w, m, s))
    curves = [(text["P"], text["P"], p, 2.5)]
    fits = (("forward", forward), ("reverse", reverse))[:1 if hidden else 2]
    if hidden:
        others = ()
    for key, (mu, sd) in fits:
        curves.append((text[key], text[key], np.exp(continuous.gaussian_logpdf(x, mu, sd)), 2.5))
    for i, (mu, sd) in enumerate(others):
        curves.append((text["other"], f"{text['other']} {i + 1}",
                       np.exp(continuous.gaussian_logpdf(x, mu, sd)), 1.5))
    n = len(x)
    out = {
        "x": np.tile(x, len(curves)),
        "density": np.concatenate([c[2] for c in curves]),
        "series": np.repeat(np.array([c[0] for c in curves], dtype=object), n),
        "curve": np.repeat(np.arange(len(curves)), n),
        "name": np.repeat(np.array([c[1] for c in curves], dtype=object), n),
        "order": np.tile(np.arange(n), len(curves)),
        "width": np.repeat(np.array([c[3] for c in curves]), n)}
    peaks = [(text["P"], float(x[int(np.argmax(p))]), float(p.max()), text["P"])]
    for key, (mu, sd) in fits:
        peaks.append((text[key], mu, 1 / (sd * math.sqrt(2 * math.pi)), text[key]))
    if not hidden and abs(forward[0] - reverse[0]) < 1e-4 * forward[1] and math.isclose(
            forward[1], reverse[1], rel_tol=1e-4):
        # One curve: one label naming both, down its right flank if it covers P's peak too.
        mu, sd = forward
        at = mu + 1.3 * sd if abs(peaks[1][2] - peaks[0][2]) < 0.05 * peaks[0][2] else mu
        peaks = peaks[:1] + [(text["both"], at, float(np.exp(continuous.gaussian_logpdf(
            at, mu, sd))), text["forward"])]
    labels = {"x": np.array([v[1] for v in peaks]), "density": np.array([v[2] for v in peaks]),
              "name": np.array([v[0] for v in peaks], dtype=object),
              "series": np.array([v[3] for v in peaks], dtype=object)}
    return {"p": {"x": x, "density": p}, "curves": out, "labels": labels}


# ---- the reverse-KL landscape ------------------------------------------------------------------

def landscape_chart(text: Text) -> alt.LayerChart:
    """KL(Q‖P) over Q's mean (x) and standard deviation (y, log scale) as a picture coloured on
    viridis (dark = small; the range is the data's, so the page states it in words: a range
    in the form would compile a new spec for every mixture), with each search's path from its
    start (white circle) to where it ended (diamond; the best one larger and red). Hover
    targets give the values. Datasets from :func:`landscape_chart_data`. ``text`` keys:
    ``mean``, ``sd``, ``kl``, ``start``, ``end``, ``best``, ``search``, ``kind``."""
    x = alt.X("m_lo:Q", title=text["mean"], scale=alt.Scale(nice=False, zero=False))
    y = alt.Y("s_lo:Q", title=text["sd"], scale=alt.Scale(type="log", nice=False))
    picture = alt.Chart(alt.NamedData("picture")).mark_image(aspect=False).encode(
        x=x, x2="m_hi:Q", y=y, y2="s_hi:Q", url="url:N")
    cells = alt.Chart(alt.NamedData("cells")).mark_rect(opacity=0).encode(
        x=x, x2="m_hi:Q", y=y, y2="s_hi:Q",
        tooltip=[alt.Tooltip("mean:Q", title=text["mean"], format=".2f"),
                 alt.Tooltip("sd:Q", title=text["sd"], format=".2f"),
                 alt.Tooltip("kl:Q", title=text["kl"], format=".4f")])
    path_enc = {"x": "mean:Q", "y": "sd:Q", "detail": "search:N", "order": "step:Q"}
    under = alt.Chart(alt.NamedData("paths")).mark_line(
        color="#000000", strokeWidth=3.5, clip=True).encode(**path_enc)
    over = alt.Chart(alt.NamedData("paths")).mark_line(
        color="#ffffff", strokeWidth=1.5, clip=True).encode(**path_enc)
    kinds = [text["start"], text["end"], text["best"]]
    points = alt.Chart(alt.NamedData("points")).mark_point(
        filled=True, stroke="#000000", strokeWidth=1.2, opacity=1, clip=True).encode(
        x="mean:Q", y="sd:Q",
        shape=alt.Shape("kind:N", scale=alt.Scale(domain=kinds,
                                                  range=["circle", "diamond", "diamond"]),
                        legend=alt.Legend(orient="top", title=None)),
        fill=alt.Fill("kind:N", scale=alt.Scale(domain=kinds,
                                                range=["#ffffff", "#ff9f1c", "#ff3b30"]),
                      legend=alt.Legend(orient="top", title=None)),
        size=alt.Size("kind:N", scale=alt.Scale(domain=kinds, range=[70, 110, 260]),
                      legend=None),
        tooltip=[alt.Tooltip("kind:N", title=text["kind"]),
                 alt.Tooltip("search:N", title=text["search"]),
                 alt.Tooltip("mean:Q", title=text["mean"], format=".4f"),
                 alt.Tooltip("sd:Q", title=text["sd"], format=".4f"),
                 alt.Tooltip("kl_text:N", title=text["kl"])])
    return alt.layer(picture, cells, under, over, points).resolve_scale(
        shape="shared", fill="shared").properties(height=320)


def landscape_grid(means: Sequence[float], sds: Sequence[float],
                   fits: Sequence[continuous.ReverseFit], columns: int = 48,
                   rows: int = 32) -> tuple[np.ndarray, np.ndarray]:
    """The (means, sds) grid :func:`landscape_chart_data` colours: means over the components
    ± 1.5 of the largest sd (widened to every search's path), sds log-spaced from 0.7 times the
    smallest to 1.3 times the largest sd met (components and paths).

    >>> g_m, g_s = landscape_grid([-3, 3], [1, 1], [], columns=3, rows=2)
    >>> g_m.tolist(), g_s.round(2).tolist()
    ([-4.5, 0.0, 4.5], [0.7, 1.3])
    """
    m, s = np.asarray(means, float), np.asarray(sds, float)
    path = np.array([pt for f in fits for pt in f.path]) if fits else np.empty((0, 2))
    all_m = np.concatenate([m - 1.5 * s.max(), m + 1.5 * s.max(), path[:, 0]])
    all_s = np.concatenate([s, path[:, 1]])
    return (np.linspace(all_m.min(), all_m.max(), columns),
            np.geomspace(0.7 * all_s.min(), 1.3 * all_s.max(), rows))


def landscape_colour_range(values: np.ndarray, fits: Sequence[continuous.ReverseFit]) -> tuple[
        float, float]:
    """The colour scale's range (nats): from the grid's lowest value to that plus three times
    the spread of the searches' ends, at least 1 nat, so the valleys stand apart.

    >>> landscape_colour_range(np.array([[0.7, 5.0]]), [])
    (0.7, 1.7)
    """
    lo = float(np.min(values))
    ends = [f.kl for f in fits]
    spread = 3 * (max(ends) - lo) if ends else 0.0
    return lo, lo + max(spread, 1.0)


@dataclass(frozen=True)
class Landscape:
    """KL(Q‖P) in nats over a grid of Gaussians Q (:func:`landscape`): ``values`` (read only;
    rows follow ``sds``, columns ``means``) and the colour scale's range ``lo`` … ``hi``
    (:func:`landscape_colour_range`)."""

    means: np.ndarray
    sds: np.ndarray
    values: np.ndarray
    lo: float
    hi: float


def landscape(weights: Sequence[float], means: Sequence[float], sds: Sequence[float],
              fits: Sequence[continuous.ReverseFit]) -> Landscape:
    """KL(Q‖P) of the mixture over :func:`landscape_grid`
    (:func:`lib.continuous.reverse_landscape`) and its colour range.

    >>> land = landscape([1.0], [0.0], [1.0], [])
    >>> land.values.shape, round(land.lo, 4), round(land.hi, 4)
    ((32, 48), 0.0005, 1.0005)
    """
    g_m, g_s = landscape_grid(means, sds, fits)
    values = continuous.reverse_landscape(weights, means, sds, g_m, g_s)
    for array in (g_m, g_s, values):
        array.setflags(write=False)
    return Landscape(g_m, g_s, values, *landscape_colour_range(values, fits))


def landscape_chart_data(values: np.ndarray, grid_means: np.ndarray, grid_sds: np.ndarray,
                         fits: Sequence[continuous.ReverseFit], best: int, lo: float, hi: float,
                         text: Text, scale: float = 1.0, block: int = 4) -> dict[str, Columns]:
    """Datasets of :func:`landscape_chart` from :func:`lib.continuous.reverse_landscape`'s
    ``values`` (rows = ``grid_sds``, nats) divided by ``scale`` (ln of the unit's base):
    ``picture`` (the coloured cells as one PNG), ``cells`` (hover targets over blocks of
    ``block`` × ``block`` cells), ``paths`` (each search's path), ``points`` (starts and ends;
    ``best`` is the index of the best search). ``lo`` and ``hi`` are in the shown unit."""
    v = np.asarray(values, float) / scale
    dm = float(grid_means[1] - grid_means[0]) if len(grid_means) > 1 else 1.0
    ls = np.log(grid_sds)
    dls = float(ls[1] - ls[0]) if len(ls) > 1 else 0.1
    rgb = raster.heatmap_rgb(v[::-1], lo, hi)  # row 0 of the picture: the largest sd
    url = raster.data_url(raster.png(rgb, LANDSCAPE_PIXELS))
    picture = {"m_lo": np.array([grid_means[0] - dm / 2]), "m_hi": np.array([grid_means[-1] + dm / 2]),
               "s_lo": np.array([math.exp(ls[0] - dls / 2)]),
               "s_hi": np.array([math.exp(ls[-1] + dls / 2)]), "url": np.array([url], dtype=object)}
    ri = np.arange(block // 2, len(grid_sds), block)
    ci = np.arange(block // 2, len(grid_means), block)
    r, c = (a.ravel() for a in np.meshgrid(ri, ci, indexing="ij"))
    half_m, half_ls = block * dm / 2, block * dls / 2
    cells = {"mean": grid_means[c], "sd": grid_sds[r], "kl": v[r, c],
             "m_lo": np.maximum(grid_means[c] - half_m, picture["m_lo"][0]),
             "m_hi": np.minimum(grid_means[c] + half_m, picture["m_hi"][0]),
             "s_lo": np.maximum(np.exp(ls[r] - half_ls), picture["s_lo"][0]),
             "s_hi": np.minimum(np.exp(ls[r] + half_ls), picture["s_hi"][0])}
    paths = {"mean": np.array([p[0] for f in fits for p in f.path]),
             "sd": np.array([p[1] for f in fits for p in f.path]),
             "search": np.array([str(i + 1) for i, f in enumerate(fits) for _ in f.path],
                                dtype=object),
             "step": np.array([k for f in fits for k in range(len(f.path))])}
    rows = []
    for i, f in enumerate(fits):
        rows.append((f.start[0], f.start[1], text["start"], str(i + 1), "", 0))
        kind = text["best"] if i == best else text["end"]
        rows.append((f.mean, f.sd, kind, str(i + 1), fmt.num(f.kl / scale, 6), 2 if i == best else 1))
    rows.sort(key=lambda row: row[5])  # the best drawn last, on top
    points = {"mean": np.array([r[0] for r in rows]), "sd": np.array([r[1] for r in rows]),
              "kind": np.array([r[2] for r in rows], dtype=object),
              "search": np.array([r[3] for r in rows], dtype=object),
              "kl_text": np.array([r[4] for r in rows], dtype=object)}
    return {"picture": picture, "cells": cells, "paths": paths, "points": points}


# ---- binned against differential entropy ---------------------------------------------------------

def entropy_chart(text: Text) -> alt.LayerChart:
    """The discrete entropy H_Δ of the binned Gaussian (solid) and h − log Δ (dashed) against
    the bin width Δ (log scale), the current Δ ringed on both. Datasets from
    :func:`entropy_chart_data`. ``text`` keys: ``delta``, ``value``, ``binned``, ``limit``."""
    names = [text["binned"], text["limit"]]
    enc = _series(names, [P_COLOR, CE_COLOR], [SOLID, DASHED])
    x = alt.X("delta:Q", title=text["delta"], scale=alt.Scale(type="log", nice=False))
    lines = alt.Chart(alt.NamedData("curves")).mark_line(strokeWidth=2.5).encode(
        x=x, y=alt.Y("value:Q", title=text["value"]), **enc,
        tooltip=[alt.Tooltip("series:N", title=text["value"]),
                 alt.Tooltip("delta:Q", title=text["delta"], format=".4g"),
                 alt.Tooltip("value:Q", title=text["value"], format=TOOLTIP_FORMAT)])
    zero = alt.Chart(alt.NamedData("zero")).mark_rule(color=INK, strokeWidth=0.8).encode(
        y="value:Q")
    # The current Δ: black rings (a colour or shape encoding here would merge into the legend).
    now = alt.Chart(alt.NamedData("now")).mark_point(
        filled=False, size=110, color="#000000", strokeWidth=2).encode(
        x="delta:Q", y="value:Q",
        tooltip=[alt.Tooltip("series:N", title=text["value"]),
                 alt.Tooltip("value:Q", title=text["value"], format=TOOLTIP_FORMAT)])
    return alt.layer(zero, lines, now).properties(height=260)


def entropy_chart_data(sd: float, delta: float, text: Text, base: float | None = None,
                       lo: float = 0.005, hi: float = 4.0, points: int = 80) -> dict[str, Columns]:
    """Datasets of :func:`entropy_chart` for N(0, sd²): ``curves`` (H_Δ and h − log Δ over Δ
    log-spaced in [``lo``, ``hi``]), ``now`` (both at ``delta``), ``zero`` (the line at 0).

    >>> d = entropy_chart_data(1.0, 0.01, {"binned": "H", "limit": "L"}, points=3)
    >>> d["now"]["value"].round(4).tolist()
    [6.0241, 6.0241]
    """
    deltas = np.geomspace(lo, hi, points)
    h = continuous.gaussian_entropy(sd, base)
    log_base = 1.0 if base is None else math.log(base)
    binned = np.array([continuous.binned_entropy(sd, d, base) for d in deltas])
    limit = h - np.log(deltas) / log_base
    now = {"delta": np.array([delta, delta]),
           "value": np.array([continuous.binned_entropy(sd, delta, base),
                              continuous.entropy_limit(sd, delta, base)]),
           "series": np.array([text["binned"], text["limit"]], dtype=object)}
    return {"curves": {"delta": np.tile(deltas, 2), "value": np.concatenate([binned, limit]),
                       "series": np.repeat(np.array([text["binned"], text["limit"]],
                                                    dtype=object), points)},
            "now": now, "zero": {"value": np.array([0.0])}}


# ---- Monte Carlo against the formula -------------------------------------------------------------

def monte_carlo_chart(text: Text) -> alt.LayerChart:
    """The running Monte Carlo estimate (solid) with its ± 2 standard-error band (shaded)
    against the number of draws (log scale), and the closed form (dashed). Datasets from
    :func:`monte_carlo_chart_data`. ``text`` keys: ``n``, ``value``, ``estimate``, ``exact``,
    ``band``."""
    names = [text["estimate"], text["exact"]]
    enc = _series(names, [P_COLOR, KL_COLOR], [SOLID, DASHED])
    x = alt.X("n:Q", title=text["n"], scale=alt.Scale(type="log", nice=False))
    band = alt.Chart(alt.NamedData("band")).mark_area(color=P_COLOR, opacity=0.2).encode(
        x=x, y=alt.Y("lo:Q", title=text["value"]), y2="hi:Q",
        tooltip=[alt.Tooltip("n:Q", title=text["n"]),
                 alt.Tooltip("lo:Q", title=text["band"], format=".4f"),
                 alt.Tooltip("hi:Q", title=text["band"], format=".4f")])
    lines = alt.Chart(alt.NamedData("lines")).mark_line(strokeWidth=2.2).encode(
        x=x, y="value:Q", detail="series:N", **enc,
        tooltip=[alt.Tooltip("series:N", title=text["value"]), alt.Tooltip("n:Q", title=text["n"]),
                 alt.Tooltip("value:Q", title=text["value"], format=TOOLTIP_FORMAT)])
    return alt.layer(band, lines).properties(height=260)


def monte_carlo_chart_data(mc: continuous.MonteCarloKL, exact: float,
                           text: Text) -> dict[str, Columns]:
    """Datasets of :func:`monte_carlo_chart`: ``band`` (estimate ± 2 standard errors at each
    count), ``lines`` (the running estimate, and the closed form at the first and last count).

    >>> mc = continuous.monte_carlo_kl(0, 1, 0, 1, 10, seed=0)
    >>> d = monte_carlo_chart_data(mc, 0.0, {"estimate": "e", "exact": "x"})
    >>> d["lines"]["series"][-2:].tolist(), d["band"]["n"][-1]
    (['x', 'x'], np.int64(10))
    """
    n = mc.counts
    ends = np.array([n[0], n[-1]])
    return {"band": {"n": n, "lo": mc.running - 2 * mc.running_stderr,
                     "hi": mc.running + 2 * mc.running_stderr},
            "lines": {"n": np.concatenate([n, ends]),
                      "value": np.concatenate([mc.running, [exact, exact]]),
                      "series": np.array([text["estimate"]] * len(n) + [text["exact"]] * 2,
                                         dtype=object)}}


# ---- support ---------------------------------------------------------------------------------------

def support_chart(text: Text) -> alt.LayerChart:
    """P = N(0, 1) (solid) and Q = P restricted to |x| ≤ c (dashed), with the stretches where
    Q = 0 but P > 0 shaded and labelled. Datasets from :func:`support_chart_data`. ``text``
    keys: ``x``, ``density``, ``P``, ``Q``, ``gap``."""
    names = [text["P"], text["Q"]]
    enc = _series(names, [P_COLOR, FORWARD_COLOR], [SOLID, DASHED])
    x = alt.X("x:Q", title=text["x"], scale=alt.Scale(nice=False))
    gap = alt.Chart(alt.NamedData("gap")).mark_rect(color=KL_COLOR, opacity=0.12).encode(
        x=x, x2="x2:Q")
    gap_label = alt.Chart(alt.NamedData("gap")).mark_text(
        color="#a02a26", fontSize=12, baseline="bottom").encode(
        x="middle:Q", y="y:Q", text="label:N")
    lines = alt.Chart(alt.NamedData("curves")).mark_line(strokeWidth=2.5).encode(
        x=x, y=alt.Y("density:Q", title=text["density"]), order="order:Q", **enc)
    return alt.layer(gap, lines, gap_label).properties(height=240)


def support_chart_data(cut: float, text: Text, reach: float = 4.0,
                       points: int = 401) -> dict[str, Columns]:
    """Datasets of :func:`support_chart`: ``curves`` (P, and Q with vertical edges at ±``cut``),
    ``gap`` (the two stretches beyond ±``cut`` within ±``reach``, if any, each labelled
    ``text["gap"]`` in its middle, at a height of 0.2).

    >>> d = support_chart_data(1.0, {"P": "P", "Q": "Q", "gap": "g"}, points=5)
    >>> d["gap"]["x"].tolist(), d["gap"]["x2"].tolist()
    ([-4.0, 1.0], [-1.0, 4.0])
    """
    x = np.linspace(-reach, reach, points)
    p = np.exp(continuous.gaussian_logpdf(x, 0.0, 1.0))
    inside = np.sort(np.concatenate([x[np.abs(x) < cut], [-cut, cut]])) if cut < reach else x
    q_in = np.exp(continuous.truncated_logpdf(np.clip(inside, -cut, cut), cut))
    if cut < reach:
        outside_l, outside_r = x[x < -cut], x[x > cut]
        qx = np.concatenate([outside_l, [-cut], inside, [cut], outside_r])
        qy = np.concatenate([np.zeros(len(outside_l) + 1), q_in, np.zeros(len(outside_r) + 1)])
        gap = {"x": np.array([-reach, cut]), "x2": np.array([-cut, reach]),
               "middle": np.array([-(reach + cut) / 2, (reach + cut) / 2]),
               "y": np.array([0.2, 0.2]), "label": np.array([text["gap"]] * 2, dtype=object)}
    else:
        qx, qy = inside, q_in
        gap = {"x": np.array([]), "x2": np.array([]), "middle": np.array([]),
               "y": np.array([]), "label": np.array([], dtype=object)}
    return {"curves": {"x": np.concatenate([x, qx]), "density": np.concatenate([p, qy]),
                       "series": np.array([text["P"]] * len(x) + [text["Q"]] * len(qx),
                                          dtype=object),
                       "order": np.concatenate([np.arange(len(x)), np.arange(len(qx))])},
            "gap": gap}
