"""Settings, data, the shared trainings and results, and the wording of the network page.

A configuration's run is asked of the server's one training queue (:func:`trainings`) through
:class:`lib.network_runs.Runs` (:func:`runs`), never trained in a script run; finished runs are
published to the shared :func:`store`. MNIST is downloaded once for everyone (:func:`download`).
The results section is one cached :func:`results` per runs' numbers, configuration and
language; :func:`run_name` serves the neuron and calibration pages too.
"""

from __future__ import annotations

import math
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
from lib.charts_network import COLORS, SHADES, color_legend
from lib.network import (COLUMNS, FinishedRun, ResultStore, accuracy_summary, gradient_summary,
                         pack_rows, unpack_rows)
from lib.network_runs import COSTS, TRAIN_SIZE, Config, Partial, Run, key  # noqa: F401 (key: for the page)
from lib.problems import Problem
from ui import charts as ui_charts
from lib import fmt
from ui import checkpoint
from ui.i18n import lang, sentences, t
from ui.layout import teaching
from ui.state import PageState, Setting
from ui.strings.network import STRINGS

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
#: The book's best-epoch test accuracies on MNIST (quadratic, cross-entropy) by hidden size.
BOOK = {30: (95.42, 95.49), 100: (96.59, 96.82)}
#: Finished runs kept for every session; finished runs' results sections kept (each a few tens
#: of kilobytes); stopped or failed trainings kept, so that Train carries them on.
SHARED_RUNS, RESULT_VIEWS, KEEP_STOPPED = 16, 32, 8
#: Seconds a failed MNIST download is remembered before a new request tries again.
FAILURE_TTL = 180.0
#: Seconds between two looks at a training under way.
POLL = 0.5
#: The numbers of a run's rows that the results show (its timing left out).
FIELDS = tuple(c for c in COLUMNS if c != "seconds")
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


def frame(run: Run) -> pd.DataFrame:
    """Both costs' rows in one long frame (:func:`lib.network_lesson.long_frame`), named."""
    out = story.long_frame(run.rows)
    return out.assign(run=out["cost"].map(run_name))


# ---- Shared results and trainings ------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def store() -> ResultStore:
    """Finished runs, shared by every session of this server process (bounded; a published
    run is a read-only copy that no session can change)."""
    return ResultStore(capacity=SHARED_RUNS)


@st.cache_resource(show_spinner=False, max_entries=1)
def _trainings(slots: int, waiting: int) -> training.TrainingQueue:
    return training.TrainingQueue(slots, max_waiting=waiting, keep_stopped=KEEP_STOPPED,
                                  on_done=partial(network_runs.publish, store()))


def trainings() -> training.TrainingQueue:
    """The server's one training queue (for the current :func:`lib.network_runs.limits`)."""
    return _trainings(*network_runs.limits()[:2])


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


@st.cache_resource(show_spinner=False, max_entries=2)
def _download(cache, mirrors: tuple[str, ...], timeout: float) -> digits.SharedDownload:
    return digits.mnist_download(cache, mirrors, timeout, failure_ttl=FAILURE_TTL)


def download() -> digits.SharedDownload:
    """The one MNIST download of this server (:func:`lib.digits.mnist_location`)."""
    return _download(*digits.mnist_location())


def try_again() -> None:
    """The "try again" control: forget the remembered failure and ask for a new training."""
    download().retry()
    st.session_state[PENDING] = True


def download_text(status: digits.DownloadStatus) -> str:
    """Progress in megabytes and seconds, in the reader's language."""
    return t("nw.download.progress", done=f"{status.done_bytes / 1e6:.1f}",
             total=f"{status.total_bytes / 1e6:.1f}", seconds=f"{status.seconds:.0f}")


def failure_text(status: digits.DownloadStatus, fallback: bool) -> str:
    """Why MNIST could not be had (never a server path), whether the bundled digits are shown
    instead, and for how long the failure is remembered."""
    reason = getattr(status.error, "reason", "unexpected")
    reason = reason if f"nw.mnist_failed.{reason}" in STRINGS else "unexpected"
    return sentences(t(f"nw.mnist_failed.{reason}", seconds=f"{digits.mnist_location()[2]:g}"),
                t("nw.mnist_failed.fallback") if fallback else "",
                t("nw.mnist_failed.remembered",
                  minutes=f"{max(1, math.ceil(status.retry_in / 60))}"))


# ---- Training ---------------------------------------------------------------------------------

def cost_text(cfg: Config) -> str | None:
    """Why ``cfg`` is too costly to train on this server (None when it is not)."""
    problem = network_runs.too_costly(cfg, network_runs.limits()[2])
    return None if problem is None else problem_text(problem, cfg)


def problem_text(problem: Problem, cfg: Config) -> str:
    """A refused training in the reader's words: too costly, or the line is full."""
    if problem.code == "too_costly":
        images = TRAIN_SIZE[cfg.source]
        return t("problem.too_costly", epochs=cfg.epochs, images=f"{images:,}", batch=cfg.batch,
                 per_epoch=f"{training.sgd_steps(1, images, cfg.batch):,}",
                 steps=f"{int(problem.value):,}", limit=f"{int(problem.limit):,}")
    return t("problem.queue_full", waiting=int(problem.value or 0))


def request(cfg: Config, data: digits.Digits) -> str | None:
    """Train ``cfg`` on ``data`` for this session (:meth:`lib.network_runs.Runs.request`);
    why it was refused, in the reader's words, or None."""
    problem = runs().request(cfg, data, network_runs.limits()[2])
    return None if problem is None else problem_text(problem, cfg)


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
    S.set("init", "large" if S.get("init") == "normal" else "normal")
    st.session_state[PENDING] = True


def progress(status: training.Status) -> tuple[float, str]:
    """A training's progress bar: its fraction done and its text (place in the line, epoch,
    time left, stopping)."""
    fraction = min(1.0, status.done / max(status.steps, 1))
    if status.state == "queued":
        return 0.0, t("nw.queue.place", place=status.place, slots=status.slots)
    if status.state == "stopping":
        return fraction, t("nw.stopping", epoch=status.done, epochs=status.steps)
    if not status.done:
        return 0.0, t("nw.first_epoch")
    return fraction, t("nw.progress", epoch=status.done, epochs=status.steps,
                       left=f"{status.left():.0f}")


@st.cache_resource(max_entries=RESULT_VIEWS, show_spinner=False)
def _live(epochs: int, packed: bytes, language: str) -> tuple[Chart, str]:
    run = Partial(unpack_rows(packed, COSTS, FIELDS), epochs, "running")
    last = {c: run.rows[c][-1]["test_accuracy"] * 100 for c in COSTS}
    return (chart(frame(run), "test_accuracy_pct", run.done, title_key="nw.q.accuracy",
                  axis="%", chart_title_key="nw.chart.live"),
            t("nw.live.alt", epoch=run.done, quad=pct(last["quadratic"]),
              ce=pct(last["cross_entropy"])))


def live(status: training.Status) -> tuple[Chart, str] | None:
    """The test accuracy so far of a training under way: a chart, and the chart in words (both
    costs' accuracy after its last epoch so far); None before its first epoch."""
    if not status.done:
        return None
    run = network_runs.partial_run(status)
    return _live(status.steps, pack_rows(run.rows, COSTS, FIELDS, run.done), lang())


def training_note(cfg: Config, status: training.Status | None,
                  other: training.Status | None) -> str:
    """What a reader is told beside the progress: another visitor's training of these
    settings, or the other start's training for the comparison."""
    if status is not None and status.active:
        return "" if runs().who in status.watchers else t("nw.training.others")
    if other is not None and other.active:
        start = start_name(cfg.other_start().init)
        if other.state == "queued":
            return t("nw.training.other_start.queued", start=start, place=other.place)
        return t("nw.training.other_start", start=start, epoch=other.done, epochs=other.steps)
    return ""


# ---- Wording computed from the runs ------------------------------------------------------------

def run_name(cost: str) -> str:
    """A cost's name (or the neuron page's book demo rule's), the same on both lesson pages."""
    return t(f"nw.run.{cost}")


def start_name(init: str) -> str:
    return t(f"nw.init.{init}")


def chart_colors() -> dict[str, str]:
    return {run_name(c): COLORS[c] for c in COSTS}


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


def pct(x: float, *others: float) -> str:
    """A percentage to 1 decimal (97.6%); to 2 when one of ``others`` differs from it but would
    look the same (97.64% against 97.65% on MNIST's 10,000 test digits)."""
    text = fmt.num(x, 1)
    if any(o != x and fmt.num(o, 1) == text for o in others):
        text = fmt.num(x, 2)
    return f"{text}%"


def book_note(cfg: Config) -> str:
    """The book's figures for this network size, how they were measured, and each difference
    between this page's run and the book's."""
    hidden = cfg.hidden if cfg.hidden in BOOK else 30
    quad, ce = BOOK[hidden]
    how = t("nw.book.how30" if hidden == 30 else "nw.book.how100", quad=f"{quad:.2f}",
            ce=f"{ce:.2f}", hidden=hidden)
    if cfg.source != "mnist":
        return sentences(how, t("nw.book.bundled"))
    diffs = [t(k, **f) for differs, k, f in (
        (cfg.hidden not in BOOK, "nw.diff.hidden", {"hidden": cfg.hidden}),
        (cfg.init != "large", "nw.diff.init", {"start": start_name(cfg.init)}),
        *((cfg.eta(c) != book, "nw.diff.eta", {"run": run_name(c), "eta": fmt.prob(cfg.eta(c)),
                                               "book": fmt.prob(book)})
          for c, book in zip(COSTS, (3.0, 0.5))),
        (cfg.batch != 10, "nw.diff.batch", {"batch": cfg.batch}),
        (cfg.epochs != 30, "nw.diff.epochs", {"epochs": cfg.epochs})) if differs]
    return sentences(how, t("nw.book.here"),
                t("nw.book.diffs", diffs=t("nw.list.sep").join(diffs)) if diffs else "",
                t("nw.book.always"))


def seeds_text() -> str:
    """How far the seed alone moves the default run (measured: :data:`lib.network_lesson.
    SEED_RUNS`)."""
    s = story.seed_spread()
    (q_lo, q_hi), (c_lo, c_hi) = s.final["quadratic"], s.final["cross_entropy"]
    return t("nw.seeds", lo=s.seeds[0], hi=s.seeds[1], q_lo=pct(q_lo), q_hi=pct(q_hi),
             ce_lo=pct(c_lo), ce_hi=pct(c_hi), q_n=s.ends_ahead["quadratic"],
             ce_n=s.ends_ahead["cross_entropy"], level_n=s.ends_ahead["level"],
             first_n=s.first_ahead, runs=s.runs, lead_lo=fmt.short(s.first_lead[0]),
             lead_hi=fmt.short(s.first_lead[1]))


def gradient_frame(data: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Both layers' gradient lengths for both costs (from :func:`frame`): four named series."""
    names = {s: t("nw.grad.series", run=run_name(s[0]), layer=t(f"nw.layer.{s[1]}"))
             for s in SHADES}
    out = story.layer_frame(data, list(SHADES))
    return (out.assign(run=[names[s] for s in zip(out["cost"], out["layer"])]),
            {names[s]: color for s, color in SHADES.items()})


def lesson_of(run: Run) -> story.Lesson:
    return story.lesson(*([r["test_accuracy"] for r in run.rows[c]] for c in COSTS))


def lesson_text(s: story.Lesson) -> str:
    """The page's lead sentence from a run's lesson (:func:`lib.network_lesson.lesson`): who
    leads after the first and the last epoch, and which of the two carries the point."""

    def part(lead: story.Lead, where: str) -> str:
        q, c = lead.quadratic, lead.cross_entropy
        return t(f"nw.lesson.{where}.{lead.ahead}", epoch=lead.epoch, quad=pct(q, c),
                 ce=pct(c, q), points=fmt.short(abs(lead.points)))

    if s.carrier == "one_epoch":
        return t("nw.lesson.one", first=part(s.first, "first"))
    carrier = f"first.{s.final.ahead}" if s.carrier == "first" else s.carrier
    return t("nw.lesson", first=part(s.first, "first"), final=part(s.final, "final"),
             carrier=t(f"nw.lesson.carrier.{carrier}"))


def limit1_text(run: Run) -> tuple[str, str]:
    """Limit 1 from this run: in how many epochs the hidden layer's gradient beat the output
    layer's and how much larger cross-entropy made it; then why, and the hidden σ'(z) that
    remains (for an expander)."""
    s = gradient_summary(*(pd.DataFrame(list(map(dict, run.rows[c]))) for c in COSTS))
    ratio = s["hidden_ratio"]
    return (sentences(t("nw.limit1.count", epochs=s["epochs"], ce=s["hidden_above"]["cross_entropy"],
                   quad=s["hidden_above"]["quadratic"]),
                 t("nw.limit1.larger" if ratio >= 1 else "nw.limit1.smaller",
                   ratio=fmt.short(ratio))),
            sentences(t("nw.limit1.why"), t("nw.limit1.slope",
                                       ce=fmt.short(s["hidden_slope"]["cross_entropy"]),
                                       quad=fmt.short(s["hidden_slope"]["quadratic"]))))


def start_table(starts: dict[str, Run]) -> pd.DataFrame:
    """Accuracy after the first epoch and at the end, for both starts' runs (by start)."""
    return pd.DataFrame([{t("nw.start.col"): start_name(init), t("nw.cost"): run_name(c),
                          t("nw.start.first"): pct(s[c]["first"]),
                          t("nw.start.final"): pct(s[c]["final"])}
                         for init, s in ((i, accuracy_summary(r.rows)) for i, r in starts.items())
                         for c in COSTS])


# ---- The results section, built once per runs' numbers, configuration and language ------------

def records(run: Run, cfg: Config) -> tuple[bytes, bytes | None]:
    """What :func:`results` is computed from: ``run``'s numbers and, once this run and the other
    start's are both finished, the other start's."""
    other = runs().find(cfg.other_start())
    both = run.complete and other is not None and other.complete
    return (pack_rows(run.rows, COSTS, FIELDS, run.done),
            pack_rows(other.rows, COSTS, FIELDS, other.done) if both else None)


@st.cache_resource(max_entries=RESULT_VIEWS, show_spinner=False)
def results(cfg: Config, mine: bytes, other: bytes | None, language: str) -> Mapping:
    """Everything the results section shows (a read-only mapping), for the run with the numbers
    ``mine`` (trained with ``cfg``) and the other start's ``other`` (None until both are
    finished), in ``language`` (the reader's: its texts are built with :func:`ui.i18n.t`).
    Arguments from :func:`records`."""
    run, other_run = (d and FinishedRun(unpack_rows(d, COSTS, FIELDS), cfg.epochs, 0.0)
                      for d in (mine, other))
    data = frame(run)
    summary_ = accuracy_summary(run.rows)
    grads, grad_colors = gradient_frame(data)
    starts = other_run and {cfg.init: run, cfg.other_start().init: other_run}
    table = start_table(starts) if starts else None
    cost = {c: [r["train_cost"] for r in run.rows[c]] for c in COSTS}
    # Limit 2: cross-entropy's first-epoch lead from each start; limit 3: saturation by the end.
    gaps = starts and {init: lesson_of(r).first.points for init, r in starts.items()}
    sat = {c: summary_[c]["saturated"] for c in COSTS}
    bigger, more = story.limit_cases(gaps, sat)
    return MappingProxyType(dict(
        lesson=lesson_text(lesson_of(run)),
        metrics=tuple((t("nw.m.final", run=run_name(c)), pct(summary_[c]["final"]),
                       t("nw.m.best", best=pct(summary_[c]["best"]),
                         epoch=summary_[c]["best_epoch"]),
                       t("nw.m.help", exact=fmt.num(summary_[c]["final"], 2))) for c in COSTS),
        book_note=book_note(cfg),
        legend=color_legend(chart_colors()),
        accuracy=chart(data, "test_accuracy_pct", run.done, title_key="nw.q.accuracy",
                       axis="%", chart_title_key="nw.chart.accuracy"),
        cost=chart(data, "train_cost", run.done, title_key="nw.q.cost", axis="C",
                   chart_title_key="nw.chart.cost"),
        cost_text=t("nw.cost.alt", q0=fmt.short(cost["quadratic"][0]),
                    q1=fmt.short(cost["quadratic"][-1]), c0=fmt.short(cost["cross_entropy"][0]),
                    c1=fmt.short(cost["cross_entropy"][-1])),
        starts=None if table is None else pa.Table.from_pandas(table.set_index(table.columns[0])),
        grad_legend=color_legend(grad_colors),
        grad=chart(grads, "value", run.done, title_key="nw.q.grad", axis="|∂C/∂b|",
                   chart_title_key="nw.chart.grad", colors=grad_colors, log_scale=True),
        limit1=limit1_text(run),
        limit2=bigger and t(f"nw.limit2.{bigger}", large=fmt.short(gaps["large"]),
                            normal=fmt.short(gaps["normal"])),
        saturated=chart(data, "saturated_pct", run.done, title_key="nw.q.saturated",
                        axis="%", chart_title_key="nw.chart.saturated"),
        limit3=t(f"nw.limit3.{more}", ce=fmt.short(sat["cross_entropy"]),
                 quad=fmt.short(sat["quadratic"]))))


# ---- Pictures of the digits ---------------------------------------------------------------------

@st.cache_resource(max_entries=4, show_spinner=False)
def digit_grid(source: str, width: int, _data: digits.Digits) -> np.ndarray:
    """Two training images of each digit, 0 to 9 from left to right, as one read-only picture
    at most ``width`` pixels wide (``_data`` is ``source``'s digits: fixed for a source, so the
    source is the key)."""
    return grids.class_picture(_data.X_train, _data.y_train, _data.side, width=width)


#: Misread digits pictured per cost (the count says how many there are in all).
WRONG_SHOWN = 12


@st.cache_resource(max_entries=RESULT_VIEWS, show_spinner=False)
def mistakes(source: str, width: int, z: tuple[bytes, ...], _run: FinishedRun,
             _data: digits.Digits) -> Mapping:
    """Each cost's misread test digits in ``_run`` (finished, with its outputs; ``z`` its
    costs' ``test_z`` as bytes, the key), the first :data:`WRONG_SHOWN` pictured from
    ``_data``'s test images (:func:`lib.network_lesson.misread_view`); and how many digits
    both costs misread."""
    found = {c: story.mistakes(_run.outputs[c].test_z, _run.outputs[c].test_y) for c in COSTS}
    views = {c: story.misread_view(_data.X_test, m, _data.side, width, WRONG_SHOWN)
             for c, m in found.items()}
    return MappingProxyType({"found": found, "pictures": {c: v[0] for c, v in views.items()},
                             "rows": {c: v[1] for c, v in views.items()},
                             "both": len(story.both_wrong(*found.values()))})


def mistakes_of(run: Run, data: digits.Digits | None, source: str,
                width: int = grids.PHONE_WIDTH) -> Mapping | None:
    """:func:`mistakes` of a finished run with outputs (None for a partial run, one without
    outputs, or when its digits are not at hand)."""
    if run.complete and set(run.outputs) == set(COSTS) and data is not None:
        z = tuple(run.outputs[c].test_z.tobytes() for c in COSTS)
        return mistakes(source, width, z, run, data)
