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
over a thousand elements per chart), so the chart is also a control. Runs differ in colour,
dash and marker shape, never in colour alone.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import altair as alt
import numpy as np
import pandas as pd

from lib.charts import Columns, Text

#: Axis and title text dark enough on white (#4b4f5c: 8.0:1), for a projector too.
AXIS_TEXT = "#4b4f5c"
TITLE_TEXT = "#31333f"
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


def race_rule_data(epoch: int) -> Columns:
    """:func:`race_chart`'s ``rule``: the epoch shown (``now``) and the join key.

    >>> race_rule_data(12)
    {'now': array([12.]), 'k': array(['now'], dtype=object)}
    """
    return {"now": np.array([float(epoch)]), "k": np.array([_KEY], dtype=object)}
