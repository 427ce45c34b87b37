"""Settings, Play, and everything the learning-slowdown page shows, worded from the runs.

Three cached functions (``st.cache_resource``, bounded, shared by every session) compute what
the page shows, each from plain arguments: :func:`view`, the experiment's outcome, training
charts and texts; :func:`map_panel`, one initialisation map (without the start, so moving the
start only moves its circle); :func:`rule`, the scrubbed epoch's mark on the charts. The
scrubbed epoch's cards are worded from the view on each frame (:func:`cards`). Which sentence
describes a run, and the numbers it quotes, are decided in :mod:`lib.neuron` (the charts' data
and Play's pace in :mod:`lib.charts_neuron`); here they are worded. Charts are controls too: a
click on a training chart shows that epoch (:func:`pick_epoch`), a click on a map trains from
that start (:func:`pick_start`).
"""

from __future__ import annotations

import time
from collections import namedtuple
from typing import Mapping

import pandas as pd
import pyarrow as pa
import streamlit as st

from lib import charts, charts_neuron, neuron
from lib import fmt
from lib.settings import Setting
from ui.charts import arrow_bytes, datasets
from ui.i18n import say, sentences, t
from ui.strings import STRINGS
from ui.network import run_name
from ui.state import PageState

#: Every control of the experiment, as settings (keys "neuron.<name>"). The defaults are
#: Nielsen's badly wrong start with both costs at the same rate.
S = PageState("neuron", [
    Setting("w0", 2.0, "float", lo=-50.0, hi=50.0),
    Setting("b0", 2.0, "float", lo=-50.0, hi=50.0),
    Setting("x", 1.0, "float", lo=-10.0, hi=10.0),
    Setting("y", 0.0, "float", lo=0.0, hi=1.0),
    Setting("eta_quadratic", 0.15, "float", lo=0.0001, hi=100.0),
    Setting("eta_cross_entropy", 0.15, "float", lo=0.0001, hi=100.0),
    Setting("epochs", 300, "int", lo=1, hi=5000),
    Setting("threshold", 0.1, "float", lo=0.001, hi=0.5),
    Setting("book", False, "bool"),
    # Where the scrubber stands (clamped to the run's epochs when drawn); Play is transient.
    Setting("epoch", 0, "int", lo=0, hi=5000),
    Setting("playing", False, "bool", link=False),
], presets={
    # Each preset is a whole experiment: the mechanism sets every setting a preset does not
    # name to its default. Nielsen's two starts, both costs at the same rate:
    "normal": {"w0": 0.6, "b0": 0.9},
    "wrong": {},
    # The book's divide-by-6 rule of thumb (its MNIST footnote, 3.0 -> 0.5): 0.15 / 6 = 0.025.
    # 500 epochs, so that both reach the goal (cross-entropy at 303, the quadratic cost at 469).
    "fair": {"eta_cross_entropy": 0.025, "epochs": 500},
    # The book's own demo rates, with the rule its cross-entropy demo actually used.
    "book": {"eta_cross_entropy": 0.005, "book": True},
})
#: The settings that define the experiment (everything but the scrubber and Play): the fields
#: of :class:`lib.neuron.Experiment`.
CONTROLS = neuron.Experiment._fields
#: Every preset with all of its controls spelled out.
PRESETS = {name: {c: S.preset_values(name)[c] for c in CONTROLS} for name in S.presets}
#: The three racing panels: (field, title key, y-axis name, log scale, y domain).
PANELS = (("a", "nr.q.a", "a", False, (0.0, 1.0)),
          ("grad_b_abs", "nr.q.grad", "|∂C/∂b|", True, None),
          ("sigma_prime", "nr.q.sigma_prime", "σ′(z)", True, None))
#: The whole runs of the other quantities, drawn in an expander.
EXTRA_PANELS = (("cost", "nr.q.cost", "C", False, None), ("w", "nr.q.w", "w", False, None),
                ("b", "nr.q.b", "b", False, None))
#: Selection names and widget keys of the charts as controls.
PICK, START = "pick", "start"
PICK_KEY, MAP_KEY = "_neuron.pick.{}", "_neuron.map.{}"

#: While playing the server draws a frame every FRAME_SECONDS (Play's pace:
#: :func:`lib.charts_neuron.play_rate`).
FRAME_SECONDS = 0.25
#: Session-state key of Play's clock (a :class:`lib.charts_neuron.PlayClock`; transient, not a
#: setting).
PLAY_CLOCK = "_neuron.play_clock"
#: Session-state key of the scrubber shown while playing (a copy of the epoch, never read back).
SHOWN = "_neuron.epoch_shown"
#: Session-state key of the last experiment (:class:`lib.neuron.Experiment`) run to its last
#: epoch: its race's result shows from then on, without a prediction.
WATCHED = "_neuron.watched"


def play(epochs: int) -> None:
    """Play from where the slider stands (from 0 at the end of the run). Idempotent: a click
    Streamlit delivers twice under load starts one run, not a run and a pause."""
    if S.get("playing"):
        return
    start = 0 if S.get("epoch") >= epochs else S.get("epoch")
    S.set("playing", True)
    S.set("epoch", start)
    st.session_state[PLAY_CLOCK] = charts_neuron.PlayClock(time.monotonic(), start, start)


def pause() -> None:
    """Pause at the last frame the server drew (idempotent, like :func:`play`)."""
    if not S.get("playing"):
        return
    clock = st.session_state.pop(PLAY_CLOCK, None)
    S.set("playing", False)
    # The last frame drawn, not whatever the browser sent back with the click.
    S.set("epoch", clock.last if clock else S.get("epoch"))


def settings(values: Mapping | None = None) -> neuron.Experiment:
    """The experiment the page shows, or the one described by ``values`` (a preset's): the key
    of :func:`view`."""
    values = S.values() if values is None else values
    return neuron.Experiment(**{c: values[c] for c in CONTROLS})


#: From Nielsen's normal start: epochs to the goal at equal rates against the fair race's
#: cross-entropy rate (:func:`lib.neuron.good_start_case`; the page's ``nr.limits`` sentence).
GOOD_START = neuron.good_start_case(
    PRESETS["normal"]["w0"], PRESETS["normal"]["b0"], PRESETS["normal"]["threshold"],
    PRESETS["normal"]["eta_quadratic"], PRESETS["fair"]["eta_cross_entropy"])


# ---- Charts as controls ---------------------------------------------------------------------

def pick_epoch(key: str) -> None:
    """A click on a training chart: show the epoch clicked (pausing Play)."""
    epoch = charts_neuron.clicked_epoch(st.session_state.get(key), PICK, S.get("epochs"))
    if epoch is not None:
        pause()
        S.set("epoch", epoch)


def pick_start(key: str) -> None:
    """A click on a map: train from the start clicked, shown from epoch 0 (pausing Play)."""
    start = charts_neuron.clicked_start(st.session_state.get(key), START)
    if start is not None:
        pause()
        S.set("w0", start[0])
        S.set("b0", start[1])
        S.set("epoch", 0)


# ---- The outcome, worded from the runs ------------------------------------------------------

def map_caption(s: neuron.Experiment, summaries: dict[str, neuron.MapSummary]) -> str:
    """What the two maps show (:func:`lib.neuron.map_cases`, one bullet per cost), then which
    cost reaches the goal from more starts (:func:`lib.neuron.more_starts`)."""
    bullets = ["- " + say("nr.map", *cases, run=run_name(cost))
               for cost, cases in neuron.map_cases(s, summaries)]
    more = neuron.more_starts(summaries)
    return "\n".join(bullets) + ("\n\n" + t("nr.map.more", run=run_name(more)) if more else "")


# ---- What the page shows about one experiment -----------------------------------------------

#: One training chart: its field, its texts, log scale and fixed y range (or None).
Panel = namedtuple("Panel", "field text log y_domain")
#: Everything the page shows about one experiment but the scrubbed epoch's cards and the maps:
#: ``history``, each run's rows (as :func:`lib.neuron.train` makes them, with ``sigma_prime``)
#: in ``settings.runs`` order, for the cards; ``outcomes``, (heading, metrics) per run;
#: ``speed`` and ``speed_detail``, what this run shows about the speed and the numbers behind
#: it; ``lines``, each panel's lines by field; ``targets``, the racing charts' click targets;
#: ``style``, colours, dashes and shapes by run name; ``table``, the charts' numbers every
#: ``table_step`` epochs (their text alternative); ``map_start``, the circle on both maps.
View = namedtuple("View", "settings history notes outcomes race rates_differ rates speed "
                  "speed_detail lines targets style legend panels extra_panels table "
                  "table_step why map_intro map_start")


def _panels(specs) -> tuple[Panel, ...]:
    return tuple(Panel(field, {"epoch": t("nr.epoch"), "run": t("nr.cost"), "title": t(key),
                               "axis": axis, "chart_title": t(short) if short in STRINGS
                               else t(key)}, log, domain)
                 for field, key, axis, log, domain in specs for short in [f"{key}.short"])


@st.cache_resource(max_entries=32, show_spinner=False)
def view(s: neuron.Experiment, language: str) -> View:
    """Everything the page shows about experiment ``s`` in ``language`` (the reader's: the
    texts are built with :func:`ui.i18n.t`) but the cards (:func:`cards`) and maps
    (:func:`map_panel`)."""
    r = neuron.race(s.w0, s.b0, etas={c: s.eta(c) for c in s.runs}, epochs=s.epochs,
                    threshold=s.threshold, x=s.x, y=s.y)
    frames, reach, start, end = r.frames, r.reach, r.start, r.end
    names = {c: run_name(c) for c in s.runs}
    # Every run's history in one long frame: the charts' lines (thinned) and the table.
    rows = pd.concat([f.assign(run=names[c]) for c, f in frames.items()], ignore_index=True)
    long = charts.thin(rows)
    table, step = charts_neuron.race_table(rows, s.epochs, {"epoch": t("nr.epoch"),
                                                            "run": t("nr.cost")})
    rates = neuron.rates_case(s.eta_quadratic, s.eta_cross_entropy)
    # How the update size |Δb| changed: the lead, shown with the outcome (Nielsen's point only
    # when this run shows it, or that it shows no slowdown), and the numbers behind it.
    lead, *detail = (say("nr.speed", c) for c in neuron.speed_cases(
        r.speed["quadratic"], r.speed["cross_entropy"], r.sigma_prime0))
    return View(
        settings=s, history=tuple(pa.Table.from_pandas(f, preserve_index=False)
                                  for f in frames.values()),
        notes=tuple((kind, say("nr.note", c))
                    for kind, c in neuron.input_notes(s, start["quadratic"])),
        outcomes=tuple((f"**{names[c]}** · η = {fmt.prob(s.eta(c))}",
                        ((t("nr.m.epochs", thr=fmt.prob(s.threshold)),
                          say("nr", neuron.reach_case(reach[c], s.epochs))),
                         (t("nr.m.end", n=s.epochs), fmt.sig(end[c], 3)))) for c in s.runs),
        race=say("nr.race", *neuron.race_cases(s, r)), rates_differ=rates.name != "equal",
        rates=say("nr.rates", rates),
        speed=lead, speed_detail=sentences(*detail),
        lines={field: arrow_bytes(charts_neuron.race_lines(long, field, log_scale=log))
               for field, _, _, log, _ in PANELS + EXTRA_PANELS},
        targets=arrow_bytes(charts_neuron.race_targets(s.epochs)),
        style=charts_neuron.race_style(names), legend=charts_neuron.race_key(names),
        panels=_panels(PANELS), extra_panels=_panels(EXTRA_PANELS),
        table=pa.Table.from_pandas(table, preserve_index=False), table_step=step,
        why=t("nr.why.text", sp=fmt.short(r.sigma_prime0), pct=f"{r.sigma_prime0:.1%}",
              a=fmt.sig(start["quadratic"], 3)),
        map_intro=t("nr.map.intro", thr=fmt.prob(s.threshold), epochs=s.epochs),
        map_start=arrow_bytes(charts.init_map_here((s.w0, s.b0), t("nr.map.start"))))


@st.cache_resource(max_entries=1024, show_spinner=False)
def rule(epoch: int) -> bytes:
    """The epoch shown, as the charts' ``rule`` dataset
    (:func:`lib.charts_neuron.race_rule_data`) in chart bytes: the only data a scrub or Play
    frame sends."""
    return arrow_bytes(charts_neuron.race_rule_data(epoch))


#: Cards side by side in one row of the training view (more runs take more rows): a card half
#: of the column beside Play is wide enough for its formula on a 1280-pixel screen.
CARDS_PER_ROW = 2


def cards(v: View, epoch: int) -> tuple[str, ...]:
    """Each run's card at ``epoch`` as one Markdown block: heading, values, and the bias
    gradient with the numbers substituted, digits chosen so that it adds up as shown, σ'(z)
    with the same digits on every card (:func:`lib.neuron.card_cases`)."""
    rows = {cost: history.slice(epoch, 1).to_pylist()[0]
            for cost, history in zip(v.settings.runs, v.history)}
    return tuple("\n\n".join((t("nr.state", run=run_name(cost), epoch=epoch), say("nr", values),
                               # Small type: the charts above and the cards fit one screen.
                               fmt.math_block(rf"\footnotesize\begin{{aligned}}{formula}"
                                              r"\end{aligned}")))
                 for cost, (values, formula) in zip(rows, neuron.card_cases(
                     rows, y=v.settings.y, step=t("nr.book.step"))))


# ---- The initialisation maps ----------------------------------------------------------------

#: One initialisation map: its picture and hover targets (chart bytes; the start's circle is
#: the view's ``map_start``), its summary (:class:`lib.neuron.MapSummary`) and its texts.
MapPanel = namedtuple("MapPanel", "data summary text")


@st.cache_resource(max_entries=32, show_spinner=False)
def map_panel(cost: str, eta: float, epochs: int, threshold: float, x: float, y: float,
              language: str) -> MapPanel:
    """The map of epochs to the goal over the :data:`lib.neuron.MAP_AXIS` grid of starts
    (:func:`lib.neuron.map_epochs`), in ``language`` (the reader's)."""
    w0, b0, needed = neuron.map_epochs(cost=cost, eta=eta, epochs=epochs, threshold=threshold,
                                       x=x, y=y)
    text = {"w0": "w₀", "b0": "b₀", "epochs": t("nr.map.epochs", thr=fmt.prob(threshold)),
            "never": t("nr.never", epochs=epochs), "title": run_name(cost),
            "start": t("nr.map.start")}
    return MapPanel(datasets(charts_neuron.init_map_data(w0, b0, needed, text, epochs)),
                    neuron.map_summary(w0, b0, needed, x=x, y=y), text)
