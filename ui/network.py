"""Settings, data, the shared trainings and results, and the wording of the network page.

A configuration's run is asked of the server's one training queue (:func:`trainings`) through
:class:`lib.network_runs.Runs` (:func:`runs`), never trained in a script run; finished runs are
published to the shared :func:`store`. MNIST is downloaded once for everyone (:func:`download`).
What the page says is decided in :mod:`lib.network_lesson` and :mod:`lib.network_runs` and
worded here (:func:`say`). The results section is one cached :func:`results` per runs'
numbers, configuration and language; :func:`run_name` serves the neuron and calibration pages
too.
"""

from __future__ import annotations

import uuid
from functools import partial
from types import MappingProxyType
from typing import Mapping

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from lib import charts, digits, network_runs, training
from lib import digit_grid as grids
from lib import network_lesson as story
from lib.cases import Case
from lib.charts_network import COLORS, SHADES, color_legend
from lib.network import FinishedRun, ResultStore
from lib.network_runs import COSTS, Config, Run
from lib.settings import Setting
from ui import charts as ui_charts
from ui import checkpoint
from ui.i18n import say, t
from ui.layout import teaching
from ui.state import PageState

INITS = ("large", "normal")
SOURCES = ("bundled", "mnist")
#: Every setting of the page. The defaults are the book's MNIST settings (Nielsen, chapters 1
#: and 3: 784-30-10, N(0, 1) weights, 30 epochs, mini-batches of 10, η 3.0 and 0.5) on the
#: bundled digits.
S = PageState("network", [
    Setting("source", "bundled", "choice", choices=SOURCES),
    Setting("init", "large", "choice", choices=INITS),
    Setting("hidden", 30, "int", lo=10, hi=100),
    Setting("epochs", 30, "int", lo=1, hi=100),
    Setting("eta_quadratic", 3.0, "float", lo=0.001, hi=20.0),
    Setting("eta_cross_entropy", 0.5, "float", lo=0.001, hi=20.0),
    Setting("batch", 10, "int", lo=1, hi=1000),
    Setting("seed", 1, "int", lo=0, hi=10_000),
], presets={"quick": {}, "book": {"source": "mnist"}}, tag="nw")
#: Session-state keys of what is not a setting: whether the page was already visited, a
#: training asked for while MNIST was still arriving, this session's name in the training
#: queue, the configurations whose training this session asked for, and whether the reader
#: chose to see results without predicting.
VISITED, PENDING, WHO, MINE = "_nw.visited", "_nw.pending", "_nw.who", "_nw.mine"
SKIPPED = "_nw.skipped"
#: The page's checkpoints (:mod:`lib.lesson`), in page order: both answered by the results.
CHECKPOINTS = ("after_one", "at_the_end")
#: Finished runs kept for every session; finished runs' results sections kept (each a few tens
#: of kilobytes); stopped or failed trainings kept, so that Train carries them on.
SHARED_RUNS, RESULT_VIEWS, KEEP_STOPPED = 16, 32, 8
#: Seconds a failed MNIST download is remembered before a new request tries again.
FAILURE_TTL = 180.0
#: Seconds between two looks at a training under way.
POLL = 0.5
DEFAULT = Config(**S.defaults)


def config() -> Config:
    return Config(**S.values())


def results_case(answered: list[bool]) -> str:
    """Whether the results are shown (``"shown"``) or what the reader is asked first
    (:func:`lib.network_lesson.results_case`), from whether each of :data:`CHECKPOINTS` has a
    prediction for the run shown (``answered``, from :func:`ui.checkpoint.show`)."""
    return story.results_case(answered, [checkpoint.predicted("network", c) for c in CHECKPOINTS],
                              bool(st.session_state.get(SKIPPED)), teaching())


def skip() -> None:
    """The "show the results without predicting" button's callback."""
    st.session_state[SKIPPED] = True


def first_visit() -> bool:
    """True on this session's first run of the page (then never again)."""
    if st.session_state.get(VISITED):
        return False
    st.session_state[VISITED] = True
    return True


# ---- Shared results and trainings ------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def store() -> ResultStore:
    """Finished runs, shared by every session of this server process (bounded; a published
    run is a read-only copy that no session can change)."""
    return ResultStore(capacity=SHARED_RUNS)


@st.cache_resource(show_spinner=False, max_entries=1)
def trainings() -> training.TrainingQueue:
    """The server's one training queue, with :func:`lib.network_runs.limits` as they are when
    it is first asked for (a test that changes them clears this cache)."""
    slots, waiting, _ = network_runs.limits()
    return training.TrainingQueue(slots, max_waiting=waiting, keep_stopped=KEEP_STOPPED,
                                  on_done=partial(network_runs.publish, store()))


def runs() -> network_runs.Runs:
    """The shared trainings and finished runs as this session uses them: its name in the queue
    (random, never shown) and the trainings it asked for are kept in session state."""
    who = st.session_state.setdefault(WHO, uuid.uuid4().hex)
    return network_runs.Runs(trainings(), store(), who, st.session_state.setdefault(MINE, set()))


# ---- Data -------------------------------------------------------------------------------------

@st.cache_resource(show_spinner=False, max_entries=1)
def bundled() -> digits.Digits:
    """The bundled 8×8 digits (:func:`lib.digits.bundled`), loaded once per server."""
    return digits.bundled()


@st.cache_resource(show_spinner=False, max_entries=1)
def download() -> digits.SharedDownload:
    """The one MNIST download of this server, from :func:`lib.digits.mnist_location` as it is
    when first asked for (a test that changes it clears this cache)."""
    return digits.mnist_download(*digits.mnist_location(), failure_ttl=FAILURE_TTL)


def try_again() -> None:
    """The "try again" control: forget the remembered failure and ask for a new training."""
    download().retry()
    st.session_state[PENDING] = True


# ---- Training ---------------------------------------------------------------------------------

def cost_text(cfg: Config) -> str | None:
    """Why ``cfg`` is too costly to train on this server (None when it is not)."""
    problem = network_runs.too_costly(cfg, network_runs.limits()[2])
    return problem and say("problem", network_runs.refusal(problem, cfg))


def request(cfg: Config, data: digits.Digits) -> str | None:
    """Train ``cfg`` on ``data`` for this session (:meth:`lib.network_runs.Runs.request`);
    why it was refused (:func:`lib.network_runs.refusal`), in the reader's words, or None."""
    problem = runs().request(cfg, data, network_runs.limits()[2])
    return problem and say("problem", network_runs.refusal(problem, cfg))


def stop() -> None:
    """The Stop button: leave every training this session asked for, and forget one asked for
    while MNIST is still arriving."""
    st.session_state.pop(PENDING, None)
    runs().stop()


def stoppable() -> bool:
    """True while a training this session asked for is queued or running, or waits for
    MNIST."""
    return bool(st.session_state.get(PENDING)) or runs().stoppable()


def press_train() -> None:
    """The Train button's callback: this run asks for the training (see the page)."""
    st.session_state[PENDING] = True


def train_other_start() -> None:
    """Button callback: switch to the other starting weights and train them."""
    S.set("init", config().other_start().init)
    st.session_state[PENDING] = True


# ---- Words and charts ---------------------------------------------------------------------------

def run_name(cost: str) -> str:
    """A cost's name (or the neuron page's book demo rule's), the same on both lesson pages."""
    return t(f"nw.run.{cost}")


def chart_colors() -> dict[str, str]:
    return {run_name(c): COLORS[c] for c in COSTS}


def named(data: pd.DataFrame) -> pd.DataFrame:
    """A long frame of both costs' rows (:func:`lib.network_lesson.long_frame`) with each cost's
    name, the series the charts draw."""
    return data.assign(run=data["cost"].map(run_name))


Chart = tuple  # (datasets as Arrow bytes, the parameters of lib.charts.training_chart)


def chart(data: pd.DataFrame, field: str, epoch: int, *, title_key: str, axis: str,
          chart_title_key: str, colors: dict[str, str] | None = None,
          log_scale: bool = False) -> Chart:
    """The training chart of ``field`` (every chart carries its own title)."""
    sets = charts.training_chart_data(data, field, epoch, log_scale=log_scale)
    text = {"epoch": t("nw.epoch"), "run": t("nw.cost"), "title": t(title_key), "axis": axis,
            "chart_title": t(chart_title_key)}
    return (ui_charts.datasets(sets),
            MappingProxyType(dict(text=text, colors=colors or chart_colors(),
                                  log_scale=log_scale, legend=False)))


def draw_chart(c: Chart, where=None) -> None:
    ui_charts.chart(charts.training_chart, c[0], where=where, **c[1])


# ---- The accuracy so far and the results, built once per runs' numbers and language ----------

@st.cache_resource(max_entries=RESULT_VIEWS, show_spinner=False)
def live(mine: bytes, language: str) -> tuple[str, Chart, str]:
    """The test accuracy so far of a training under way whose numbers so far are ``mine``
    (:func:`lib.network_runs.numbers`): the chart's key, the chart, and the chart in words
    (:func:`lib.network_lesson.live_view`), in ``language`` (the reader's)."""
    data, done, words = story.live_view(mine)
    return (color_legend(chart_colors()),
            chart(named(data), "test_accuracy_pct", done, title_key="nw.q.accuracy", axis="%",
                  chart_title_key="nw.chart.live"), say("nw", words))


@st.cache_resource(max_entries=RESULT_VIEWS, show_spinner=False)
def results(cfg: Config, mine: bytes, other: bytes | None, language: str) -> Mapping:
    """Everything the results section shows (a read-only mapping), for the run with the numbers
    ``mine`` (trained with ``cfg``) and the other start's ``other`` (None until both are
    finished; both from :func:`lib.network_runs.records`), in ``language`` (the reader's: its
    texts are built with :func:`ui.i18n.t`): :func:`lib.network_lesson.results` in words."""
    r = story.results(cfg, mine, other)
    data = named(r.frame)
    grad_names = {s: t("nw.grad.series", run=run_name(s[0]), layer=t(f"nw.layer.{s[1]}"))
                  for s in SHADES}
    grads = r.grads.assign(run=[grad_names[s] for s in zip(r.grads["cost"], r.grads["layer"])])
    grad_colors = {grad_names[s]: color for s, color in SHADES.items()}
    starts = r.starts and pa.Table.from_pandas(pd.DataFrame(
        [(t(f"nw.init.{init}"), run_name(c), first, final) for init, c, first, final in r.starts],
        columns=[t(k) for k in ("nw.start.col", "nw.cost", "nw.start.first", "nw.start.final")]
    ).set_index(t("nw.start.col")))
    return MappingProxyType(dict(
        lesson=say("nw", r.lesson),
        metrics=tuple((say("nw", label), value, say("nw", best), say("nw", exact))
                      for label, value, best, exact in r.metrics),
        book_note=say("nw", *r.book), seeds=say("nw", r.seeds),
        legend=color_legend(chart_colors()),
        accuracy=chart(data, "test_accuracy_pct", r.done, title_key="nw.q.accuracy",
                       axis="%", chart_title_key="nw.chart.accuracy"),
        cost=chart(data, "train_cost", r.done, title_key="nw.q.cost", axis="C",
                   chart_title_key="nw.chart.cost"),
        cost_text=say("nw", r.cost),
        starts=starts,
        grad_legend=color_legend(grad_colors),
        grad=chart(grads, "value", r.done, title_key="nw.q.grad", axis="|∂C/∂b|",
                   chart_title_key="nw.chart.grad", colors=grad_colors, log_scale=True),
        limit1=tuple(say("nw", *part) for part in r.limit1),
        limit2=r.limit2 and say("nw", r.limit2),
        saturated=chart(data, "saturated_pct", r.done, title_key="nw.q.saturated",
                        axis="%", chart_title_key="nw.chart.saturated"),
        limit3=say("nw", r.limit3)))


# ---- Pictures of the digits ---------------------------------------------------------------------

@st.cache_resource(max_entries=4, show_spinner=False)
def digit_grid(source: str, width: int, _data: digits.Digits) -> np.ndarray:
    """Two training images of each digit, 0 to 9 from left to right, as one read-only picture
    at most ``width`` pixels wide (``_data`` is ``source``'s digits: fixed for a source, so the
    source is the key)."""
    return grids.class_picture(_data.X_train, _data.y_train, _data.side, width=width)


@st.cache_resource(max_entries=RESULT_VIEWS, show_spinner=False, hash_funcs={
    FinishedRun: lambda run: tuple(run.outputs[c].test_z.tobytes() for c in COSTS)})
def mistakes(source: str, width: int, run: FinishedRun,
             _data: digits.Digits) -> tuple[tuple[story.Misread, ...], Case | None]:
    """Each cost's misread test digits in ``run`` (finished, with its outputs, hashed by its
    costs' ``test_z``), pictured from ``_data``'s test images (``source``'s) at most ``width``
    pixels wide (:func:`lib.network_lesson.misread`)."""
    return story.misread(run.outputs, _data.X_test, _data.side, width)


def mistakes_of(run: Run, data: digits.Digits | None, source: str,
                width: int = grids.PHONE_WIDTH) -> tuple | None:
    """:func:`mistakes` of a finished run with outputs (None for a partial run, one without
    outputs, or when its digits are not at hand)."""
    if run.complete and set(run.outputs) == set(COSTS) and data is not None:
        return mistakes(source, width, run, data)
