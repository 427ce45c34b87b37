"""Chart forms of the learning-slowdown page: the race, epoch by epoch (see :mod:`lib.charts`
for how a form and its data fit together).

:func:`race_chart` draws one quantity of each run against the epoch, *up to the epoch shown*:
the lines grow as Play advances the epoch, each run's head a marker at the epoch shown, so
the chart is the race itself. The epoch comes as data (the one-row dataset ``rule`` of
:func:`race_rule_data`), never in the spec, so a frame of Play sends a few bytes and the spec
stays compiled: the growing part is the ``lines`` joined with ``rule`` (a Vega-Lite ``lookup``
on a constant key) and filtered to ``epoch ≤ now``. The rest of each run can be shown faint
(``future``) or not at all, for a reader who has not predicted the race yet. A click on the
chart selects an epoch (a point selection named ``selection`` on invisible bands, one per few
epochs: :func:`race_targets`; a point per epoch with a nearest-point search cost the browser
over a thousand elements per chart), so the chart is also a control (:func:`clicked_epoch`;
on the initialisation map, :func:`clicked_start`). Runs differ in colour, dash and marker
shape, never in colour alone (:func:`race_style`, :func:`race_key`). Play's pace is here too:
:class:`PlayClock` says which epoch each frame shows.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from typing import Mapping, Sequence

import altair as alt
import numpy as np
import pandas as pd

from lib import charts, charts_network
from lib.charts import Columns, Text

#: Axis and title text dark enough on white (#4b4f5c: 8.0:1), for a projector too.
AXIS_TEXT = "#4b4f5c"
TITLE_TEXT = "#31333f"
#: Each run's colour (the costs' as on the network page), dash pattern and the marker at its
#: line's head: runs differ in more than colour.
COLORS = {**charts_network.COLORS, "book_demo": "#6b6b6b"}
DASHES = {"quadratic": (1, 0), "cross_entropy": (7, 3), "book_demo": (2, 2)}
SHAPES = {"quadratic": "circle", "cross_entropy": "square", "book_demo": "triangle-up"}
#: The same, in the one key above the charts: the stroke and the marker (drawn in the run's
#: colour, :data:`COLORS`).
KEY = {"quadratic": "━━━ ●", "cross_entropy": "╍╍╍ ■", "book_demo": "┅┅┅ ▲"}
#: The table of the charts' numbers shows about this many epochs of each run.
TABLE_EPOCHS = 30
#: Play's pace: a whole run in about PLAY_SECONDS (12 epochs a second for 300 epochs), never
#: slower than MIN_RATE epochs a second.
PLAY_SECONDS, MIN_RATE = 25.0, 4.0
#: The constant key that joins every line point to the one-row ``rule`` dataset.
_KEY = "now"


def race_chart(text: Text, colors: Mapping[str, str], dashes: Mapping[str, Sequence[int]],
               shapes: Mapping[str, str], log_scale: bool = False, y_domain=None,
               future: bool = True, progress: bool = True, selection: str | None = None,
               height: int = 150) -> alt.LayerChart:
    """One quantity against the epoch, a line per run (``colors``, ``dashes`` and ``shapes``
    map each run's display name to its colour, dash pattern and marker).

    With ``progress`` the lines are drawn up to the epoch of the ``rule`` dataset, with a marker
    at each run's last point and a dashed vertical rule at that epoch; beyond it the runs are
    drawn faint when ``future``, else not at all (the axes still span the whole run, so they do
    not move as the lines grow). Without ``progress`` the whole runs are drawn (no rule).
    ``selection`` names a click selection of the ``epoch`` of the band clicked (dataset
    ``targets``, :func:`race_targets`; drawn first, so the lines keep their tooltips).
    ``text`` keys: ``epoch``, ``run``, ``title`` (the quantity, for tooltips), ``axis`` (the
    y-axis title, left out when there is a ``chart_title``) and an optional ``chart_title``.
    Datasets: ``lines`` (:func:`race_lines`) and ``rule`` (:func:`race_rule_data`).

    >>> spec = race_chart({"epoch": "Epoch", "run": "Cost", "title": "a", "axis": "a"},
    ...                   {"Q": "#e8853d", "CE": "#3b6fb6"}, {"Q": (1, 0), "CE": (6, 3)},
    ...                   {"Q": "circle", "CE": "square"}, selection="pick").to_dict()
    >>> [layer["mark"]["type"] for layer in spec["layer"]]
    ['rect', 'line', 'line', 'point', 'rule']
    >>> spec["params"][0]["select"]["fields"], spec["params"][0]["select"]["on"]
    (['epoch'], 'click')
    """
    runs = list(colors)
    x = alt.X("epoch:Q", title=text["epoch"], axis=alt.Axis(format="d", tickMinStep=1))
    scale = alt.Scale(type="log") if log_scale else alt.Scale(zero=False)
    if y_domain is not None:
        scale = alt.Scale(type="log" if log_scale else "linear", domain=list(y_domain),
                          nice=False)
    # A chart with a title names its quantity there: no y-axis title (a lower chart).
    y = alt.Y("value:Q", title=None if text.get("chart_title") else text["axis"], scale=scale)
    color = alt.Color("run:N", scale=alt.Scale(domain=runs, range=[colors[r] for r in runs]),
                      legend=None)
    dash = alt.StrokeDash("run:N", scale=alt.Scale(
        domain=runs, range=[list(dashes[r]) for r in runs]), legend=None)
    shape = alt.Shape("run:N", scale=alt.Scale(domain=runs, range=[shapes[r] for r in runs]),
                      legend=None)
    tooltip = [alt.Tooltip("run:N", title=text["run"]),
               alt.Tooltip("epoch:Q", title=text["epoch"]),
               alt.Tooltip("value:Q", title=text["title"], format=".6g")]
    base = alt.Chart(alt.NamedData("lines"))
    if not progress:
        layers = [base.mark_line(strokeWidth=2.5).encode(x=x, y=y, color=color,
                                                         strokeDash=dash, tooltip=tooltip)]
    else:
        # The whole run: faint, or invisible (it still spans the axes).
        whole = base.mark_line(strokeWidth=1.5, opacity=0.3 if future else 0.0).encode(
            x=x, y=y, color=color, strokeDash=dash)
        past = base.transform_calculate(k=f"'{_KEY}'").transform_lookup(
            lookup="k", from_=alt.LookupData(alt.NamedData("rule"), "k", ["now"])
        ).transform_filter("datum.epoch <= datum.now")
        lines = past.mark_line(strokeWidth=2.5).encode(x=x, y=y, color=color, strokeDash=dash,
                                                       tooltip=tooltip)
        heads = past.transform_joinaggregate(last="max(epoch)", groupby=["run"]) \
            .transform_filter("datum.epoch == datum.last") \
            .mark_point(filled=True, size=70, opacity=1).encode(
                x=x, y=y, color=color, shape=shape, tooltip=tooltip)
        rule = alt.Chart(alt.NamedData("rule")).mark_rule(
            color="#222", strokeDash=[4, 3]).encode(x=alt.X("now:Q"))
        layers = [whole, lines, heads, rule]
    if selection:
        # Invisible bands over the whole run, under the lines: a click picks a band's epoch.
        targets = alt.Chart(alt.NamedData("targets")).mark_rect(
            opacity=0, cursor="pointer").encode(x=alt.X("lo:Q"), x2="hi:Q")
        layers.insert(0, targets.add_params(alt.selection_point(
            name=selection, on="click", fields=["epoch"], clear=False, toggle=False)))
    chart = alt.layer(*layers).properties(height=height)
    if text.get("chart_title"):
        chart = chart.properties(title=alt.Title(text["chart_title"], anchor="start",
                                                 fontSize=13, color=TITLE_TEXT))
    return chart.configure_axis(labelColor=AXIS_TEXT, titleColor=AXIS_TEXT) \
        .configure_view(strokeWidth=0)


def race_lines(runs: pd.DataFrame, field: str, log_scale: bool = False) -> Columns:
    """:func:`race_chart`'s ``lines``: ``runs`` is long (``epoch``, ``run`` and ``field``).
    Non-finite values are dropped, and values ≤ 0 on a log axis (an underflowed σ'(z)).

    >>> runs = pd.DataFrame({"epoch": [0, 1, 0, 1], "run": ["Q", "Q", "CE", "CE"],
    ...                      "s": [0.1, 0.0, np.inf, 0.2]})
    >>> {k: v.tolist() for k, v in race_lines(runs, "s", log_scale=True).items()}
    {'epoch': [0, 1], 'run': ['Q', 'CE'], 'value': [0.1, 0.2]}
    """
    value = runs[field].to_numpy(dtype=float)
    keep = np.isfinite(value) & ((value > 0) if log_scale else True)
    return {"epoch": runs["epoch"].to_numpy()[keep], "run": runs["run"].to_numpy()[keep],
            "value": value[keep]}


def race_targets(epochs: int, count: int = 100) -> Columns:
    """:func:`race_chart`'s click ``targets``: about ``count`` bands tiling ``[0, epochs]``,
    each naming the epoch at its centre (every ``step``-th epoch, the last one included), so a
    click anywhere on the chart picks the epoch under it to within ``step / 2``.

    >>> {k: v.tolist() for k, v in race_targets(10, count=4).items()}
    {'epoch': [0, 3, 6, 9, 10], 'lo': [0.0, 1.5, 4.5, 7.5, 9.5], 'hi': [1.5, 4.5, 7.5, 9.5, 10.0]}
    """
    step = max(1, -(-int(epochs) // count))
    epoch = np.unique(np.append(np.arange(0, epochs + 1, step), epochs))
    edges = (epoch[1:] + epoch[:-1]) / 2
    return {"epoch": epoch, "lo": np.concatenate(([0.0], edges)),
            "hi": np.concatenate((edges, [float(epochs)]))}


def _clicked(state, selection: str) -> Mapping | None:
    """The point a click selected on a chart, if any: ``state`` is the chart's selection state
    as Streamlit keeps it, ``{"selection": {selection: [point, ...]}}`` (it comes from the
    browser, so anything else counts as no click)."""
    try:
        points = state["selection"][selection]
    except (KeyError, TypeError):
        return None
    return points[0] if isinstance(points, list) and points else None


def clicked_epoch(state, selection: str, epochs: int) -> int | None:
    """The epoch a click on a :func:`race_chart` picked (the ``epoch`` of the band clicked,
    :func:`race_targets`), rounded and kept within ``[0, epochs]``; None when the selection
    ``selection`` of the chart's ``state`` (:func:`_clicked`) holds no epoch.

    >>> [clicked_epoch({"selection": {"pick": [{"epoch": e}]}}, "pick", 300)
    ...  for e in (123, 40.6, 9999, -3)]
    [123, 41, 300, 0]
    >>> clicked_epoch({"selection": {"pick": {}}}, "pick", 300) is None
    True
    """
    point = _clicked(state, selection)
    if point is None or point.get("epoch") is None:
        return None
    return int(min(max(round(float(point["epoch"])), 0), epochs))


def clicked_start(state, selection: str) -> tuple[float, float] | None:
    """The start ``(w0, b0)`` a click on the initialisation map picked, rounded to 2 decimals:
    the browser holds the map's starts as 32-bit numbers (-1.8 comes back as
    -1.7999999523…), the reader reads them on a 0.1 grid. None when the selection
    ``selection`` of the chart's ``state`` holds no start.

    >>> clicked_start({"selection": {"start": [{"w0": -1.7999999523, "b0": 0.6000000238}]}},
    ...               "start")
    (-1.8, 0.6)
    >>> clicked_start({"selection": {"start": [{"w0": 1.0}]}}, "start") is None
    True
    """
    point = _clicked(state, selection)
    if point is None or point.get("w0") is None or point.get("b0") is None:
        return None
    return round(float(point["w0"]), 2), round(float(point["b0"]), 2)


def race_rule_data(epoch: int) -> Columns:
    """:func:`race_chart`'s ``rule``: the epoch shown (``now``) and the join key.

    >>> race_rule_data(12)
    {'now': array([12.]), 'k': array(['now'], dtype=object)}
    """
    return {"now": np.array([float(epoch)]), "k": np.array([_KEY], dtype=object)}


def race_style(names: Mapping[str, str]) -> dict[str, dict]:
    """:func:`race_chart`'s ``colors``, ``dashes`` and ``shapes`` (:data:`COLORS`,
    :data:`DASHES`, :data:`SHAPES`) for the runs of ``names`` (cost -> the run's display name,
    in the order drawn).

    >>> race_style({"quadratic": "Q", "cross_entropy": "CE"})["dashes"]
    {'Q': (1, 0), 'CE': (7, 3)}
    """
    return {"colors": {name: COLORS[c] for c, name in names.items()},
            "dashes": {name: DASHES[c] for c, name in names.items()},
            "shapes": {name: SHAPES[c] for c, name in names.items()}}


def race_key(names: Mapping[str, str]) -> str:
    """The one key above the race charts, as HTML: each run's stroke and marker (:data:`KEY`)
    bold in its colour (:data:`COLORS`), then its display name (``names``: cost -> name;
    escaped). Each run's entry stays on one line, so a narrow screen wraps the key between
    runs, never between a marker and its name nor inside a name.

    >>> print(race_key({"cross_entropy": "A & B"}))  # doctest: +NORMALIZE_WHITESPACE
    <div style="line-height:1.9"><span
    style="display:inline-block;white-space:nowrap;margin-right:1.2em"><span
    style="color:#3b6fb6;font-weight:700">╍╍╍ ■</span> A &amp; B</span></div>
    """
    entries = " ".join('<span style="display:inline-block;white-space:nowrap;margin-right:1.2em">'
                      f'<span style="color:{COLORS[c]};font-weight:700">{KEY[c]}</span> '
                      f'{html.escape(name)}</span>' for c, name in names.items())
    return f'<div style="line-height:1.9">{entries}</div>'


def race_table(runs: pd.DataFrame, epochs: int, text: Text) -> tuple[pd.DataFrame, int]:
    """The charts' numbers as a table (their text alternative), and its step: every
    ``step``-th epoch of each run, ``step`` chosen so that a run has about
    :data:`TABLE_EPOCHS` rows, and the last epoch. ``runs`` is long (``epoch``, ``run`` and
    each quantity, :func:`lib.neuron.race`'s histories); ``text`` names the ``epoch`` and
    ``run`` columns.

    >>> runs = pd.DataFrame({"epoch": range(5), "run": "Q", "a": 0.5, "cost": 0.1, "w": 1.0,
    ...                      "b": 1.0, "dC_db": 0.2, "sigma_prime": 0.25})
    >>> table, step = race_table(runs, 4, {"epoch": "Epoch", "run": "Cost"})
    >>> step, list(table.columns), table["Epoch"].tolist()
    (1, ['Epoch', 'Cost', 'a', 'C', 'w', 'b', '∂C/∂b', 'σ′(z)'], [0, 1, 2, 3, 4])
    >>> race_table(runs, 61, {"epoch": "Epoch", "run": "Cost"})[1]
    3
    """
    step = max(1, -(-epochs // TABLE_EPOCHS))
    rows = runs[(runs["epoch"] % step == 0) | (runs["epoch"] == epochs)]
    return pd.DataFrame({
        text["epoch"]: rows["epoch"], text["run"]: rows["run"], "a": rows["a"],
        "C": rows["cost"], "w": rows["w"], "b": rows["b"], "∂C/∂b": rows["dC_db"],
        "σ′(z)": rows["sigma_prime"]}), step


def init_map_data(w0, b0, needed, text: Text, epochs: int) -> dict[str, pd.DataFrame]:
    """:func:`lib.charts.init_map`'s ``picture`` and ``cells`` (:func:`lib.charts.init_map_data`)
    for the starts ``(w0, b0)``, a full regular grid (e.g. :data:`lib.neuron.MAP_AXIS` both
    ways), and the epochs each needs (``needed``, :func:`lib.neuron.epochs_to_reach`; -1 never).
    The start's circle (``here``) is left out: a page sends it apart, so that moving the start
    moves only the circle. The hover targets go in about half the bytes and are drawn the same:
    32-bit numbers (a 0.1 grid, tooltips with two decimals) and no index column (the chart does
    not use it).

    >>> w0, b0 = np.meshgrid(np.linspace(-1, 1, 5), np.linspace(-1, 1, 5))
    >>> data = init_map_data(w0, b0, np.where(w0 + b0 > 0, -1, 3), {"never": "never",
    ...                      "start": "start"}, 10)
    >>> sorted(data), data["cells"].dtypes["w0"], data["cells"]["label"].tolist()
    (['cells', 'picture'], dtype('float32'), ['3'])
    """
    grid = pd.DataFrame({"w0": np.ravel(w0), "b0": np.ravel(b0),
                         "epochs_needed": np.ravel(needed)})
    data = charts.init_map_data(grid, (0.0, 0.0), text, epochs)
    cells = data["cells"].reset_index(drop=True)
    cells = cells.astype({c: np.float32 if d == np.float64 else np.int32
                          for c, d in cells.dtypes.items() if d in (np.float64, np.int64)})
    return {"picture": data["picture"], "cells": cells}


def play_rate(epochs: int) -> float:
    """Epochs a second while Play runs through a race of ``epochs`` epochs: the whole run in
    :data:`PLAY_SECONDS`, never fewer than :data:`MIN_RATE` a second.

    >>> play_rate(300), play_rate(50)
    (12.0, 4.0)
    """
    return max(MIN_RATE, epochs / PLAY_SECONDS)


@dataclass(frozen=True)
class PlayClock:
    """Play's clock: Play started at time ``t0`` (seconds on a monotonic clock) from epoch
    ``e0``, and its last frame showed epoch ``last``. While Play runs it alone moves the epoch,
    so that a slider value the browser sends back from an earlier frame cannot pull it back.

    >>> clock = PlayClock(t0=100.0, e0=0, last=0)
    >>> [clock.next(300, now).last for now in (100.01, 101.0, 200.0)]
    [1, 12, 300]
    """

    t0: float
    e0: int
    last: int

    def next(self, epochs: int, now: float) -> PlayClock:
        """The clock after the frame drawn at ``now``: its ``last`` is the epoch that frame
        shows, where Play started plus the time since at :func:`play_rate` (a slow frame skips
        epochs, never time), at least one epoch further than the frame before and at most
        ``epochs``."""
        target = self.e0 + int((now - self.t0) * play_rate(epochs))
        return replace(self, last=min(max(target, self.last + 1), epochs))
