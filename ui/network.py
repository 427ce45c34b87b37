"""Settings, data, the interruptible training loop, the shared results and the wording of the
network page.

Runs are kept by configuration. A session keeps its own runs while it trains them (a stopped run
keeps its epochs and its trainers, so Train resumes it); a finished run is published, as a frozen
copy, to a store shared by every session (:class:`lib.network.ResultStore`), so revisiting the
page, or a second visitor, sees it at once. Pressing Train on a finished configuration builds a
new run in the session: what others see never changes.

MNIST is downloaded once for everyone (:class:`lib.digits.SharedDownload`): a visitor who asks
while it is under way watches the same progress, and a failure is remembered for a few minutes.
"""

from __future__ import annotations

import html
import logging
import math
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import pyarrow as pa
import streamlit as st

from lib import charts, digits
from lib.network import FinishedRun, ResultStore, Trainer, gradient_summary
from ui import charts as ui_charts
from ui.charts import arrow_bytes as arrow
from ui import fmt
from ui.i18n import lang, t
from ui.state import PageState, Setting
from ui.strings.network import STRINGS

log = logging.getLogger(__name__)

COSTS = ("quadratic", "cross_entropy")
INITS = ("large", "normal")
SOURCES = ("bundled", "mnist")
COLORS = {"quadratic": "#e8853d", "cross_entropy": "#3b6fb6"}
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
], presets={"quick": {}, "book": {"source": "mnist"}})
#: Session-state keys of what is not a setting: this session's runs, whether the page was
#: already visited, and a training asked for while MNIST was still arriving.
RUNS, VISITED, PENDING = "_nw.runs", "_nw.visited", "_nw.pending"
#: The book's best-epoch test accuracies on MNIST (quadratic, cross-entropy) by hidden size.
BOOK = {30: (95.42, 95.49), 100: (96.59, 96.82)}
SHARED_RUNS = 16
#: Seconds a failed MNIST download is remembered before a new request tries again.
FAILURE_TTL = 180.0


@dataclass(frozen=True)
class Config:
    source: str
    hidden: int
    eta_quadratic: float
    eta_cross_entropy: float
    epochs: int
    batch: int
    init: str
    seed: int

    def eta(self, cost: str) -> float:
        return self.eta_quadratic if cost == "quadratic" else self.eta_cross_entropy

    def other_start(self) -> Config:
        return replace(self, init="large" if self.init == "normal" else "normal")


@dataclass
class Run:
    """This session's run: both costs' rows so far; trainers are kept only while the run can
    still be resumed. (A published run is a read-only :class:`lib.network.FinishedRun`.)"""

    rows: dict[str, list[dict]] = field(default_factory=lambda: {c: [] for c in COSTS})
    trainers: dict[str, Trainer] | None = None
    complete: bool = False
    seconds: float = 0.0

    @property
    def done(self) -> int:
        return min(len(r) for r in self.rows.values())


def frame(run: Run | FinishedRun) -> pd.DataFrame:
    """Both costs' rows in one long frame, with the display name and the percentages the
    charts plot; build it once per rerun and hand it to every chart."""
    out = pd.concat([pd.DataFrame(list(map(dict, run.rows[c]))).assign(cost=c) for c in COSTS],
                    ignore_index=True)
    out["run"] = out["cost"].map(run_name)
    out["test_accuracy_pct"] = out["test_accuracy"] * 100
    out["saturated_pct"] = out["saturated_output"] * 100
    return out


def _default() -> Config:
    v = {setting.name: setting.default for setting in S.settings}
    return Config(v["source"], v["hidden"], v["eta_quadratic"], v["eta_cross_entropy"],
                  v["epochs"], v["batch"], v["init"], v["seed"])


def runs() -> dict:
    """This session's own runs, by configuration."""
    return st.session_state.setdefault(RUNS, {})


def first_visit() -> bool:
    """True on this session's first run of the page (then never again)."""
    if st.session_state.get(VISITED):
        return False
    st.session_state[VISITED] = True
    return True


DEFAULT = _default()


def config() -> Config:
    v = S.values()
    return Config(v["source"], int(v["hidden"]), float(v["eta_quadratic"]),
                  float(v["eta_cross_entropy"]), int(v["epochs"]), int(v["batch"]),
                  v["init"], int(v["seed"]))


# ---- Shared results ---------------------------------------------------------------------------

@st.cache_resource(show_spinner=False)
def store() -> ResultStore:
    """Finished runs, shared by every session of this server process (bounded; a published
    run is a read-only copy that no session can change)."""
    return ResultStore(capacity=SHARED_RUNS)


def find(cfg: Config) -> Run | FinishedRun | None:
    """This session's own run for ``cfg`` (possibly stopped), else a finished, published one."""
    run = runs().get(cfg)
    return run if run is not None else store().get(cfg)


# ---- Data -------------------------------------------------------------------------------------

@st.cache_resource(show_spinner=False, max_entries=2)
def _bundled() -> digits.Digits:
    return digits.bundled()


def bundled() -> digits.Digits:
    return _bundled()


def _mnist_location() -> tuple[Path, tuple[str, ...], float]:
    """Where MNIST is cached and fetched from, and each file's deadline; all three can be set
    from the environment (the tests point the mirrors at 127.0.0.1: nothing reaches the
    internet)."""
    cache = Path(os.environ.get("BITS_TO_LOSSES_CACHE",
                                Path.home() / ".cache" / "from-bits-to-losses")) / "mnist"
    mirrors = os.environ.get("BITS_TO_LOSSES_MNIST_MIRRORS")
    timeout = float(os.environ.get("BITS_TO_LOSSES_MNIST_TIMEOUT", 60))
    return cache, tuple(mirrors.split(",")) if mirrors else digits.MIRRORS, timeout


@st.cache_resource(show_spinner=False, max_entries=2)
def _download(cache: Path, mirrors: tuple[str, ...], timeout: float) -> digits.SharedDownload:
    def job(progress):
        try:
            return digits.mnist(cache, mirrors=mirrors, timeout=timeout, progress=progress)
        except digits.DigitsError as err:
            log.warning("MNIST unavailable (%s): %s", err.reason, err)  # paths: the log only
            raise
    return digits.SharedDownload(job, failure_ttl=FAILURE_TTL)


def download() -> digits.SharedDownload:
    """The one MNIST download of this server."""
    return _download(*_mnist_location())


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
    reason = status.error.reason if status.error is not None else "unexpected"
    if f"nw.mnist_failed.{reason}" not in STRINGS:
        reason = "unexpected"
    parts = [t(f"nw.mnist_failed.{reason}", seconds=f"{_mnist_location()[2]:g}")
             if reason == "timeout" else t(f"nw.mnist_failed.{reason}")]
    if fallback:
        parts.append(t("nw.mnist_failed.fallback"))
    parts.append(t("nw.mnist_failed.remembered",
                   minutes=f"{max(1, math.ceil(status.retry_in / 60))}"))
    return join(*parts)


# ---- Training ---------------------------------------------------------------------------------

def train(cfg: Config, data: digits.Digits, progress, live=None) -> Run:
    """Train both networks epoch by epoch, interleaved, reporting progress.

    A finished configuration is trained again as a new run (what others see never changes); a
    stopped one is resumed. Every epoch is stored as soon as it is done, so when the reader
    presses Stop (Streamlit then interrupts this loop at its next progress update) the epochs so
    far are kept. A run that reaches its last epoch is published, frozen, for every session.
    """
    mine = runs()
    run = mine.get(cfg)
    if run is None or run.trainers is None:  # nothing to resume: a new run
        run = Run()
        sizes = (data.features, cfg.hidden, 10)
        run.trainers = {c: Trainer(data.X_train, data.y_train, data.X_test, data.y_test,
                                   cost=c, sizes=sizes, eta=cfg.eta(c), batch_size=cfg.batch,
                                   seed=cfg.seed, init=cfg.init) for c in COSTS}
        mine[cfg] = run
    while run.done < cfg.epochs:
        start = time.perf_counter()
        for c in COSTS:
            run.rows[c].append(run.trainers[c].run_epoch())
        run.seconds += time.perf_counter() - start
        left = run.seconds / run.done * (cfg.epochs - run.done)
        progress.progress(run.done / cfg.epochs,
                          text=t("nw.progress", epoch=run.done, epochs=cfg.epochs,
                                 left=f"{left:.0f}"))
        if live is not None:
            live(run)
    run.complete, run.trainers = True, None  # trainers hold weights we no longer need
    store().publish(cfg, run.rows, epochs=cfg.epochs, seconds=run.seconds)
    return run


def train_other_start() -> None:
    """Button callback: switch to the other starting weights and train them."""
    S.set("init", "large" if S.get("init") == "normal" else "normal")
    st.session_state[PENDING] = True


# ---- Wording computed from the runs ------------------------------------------------------------

def join(*sentences: str) -> str:
    """Sentences in a row: a space between them in English, none after a Chinese full stop."""
    return ("" if lang() == "zh" else " ").join(s for s in sentences if s)


def run_name(cost: str) -> str:
    return t(f"nw.run.{cost}")


def start_name(init: str) -> str:
    return t(f"nw.init.{init}")


def chart_colors() -> dict[str, str]:
    return {run_name(c): COLORS[c] for c in COSTS}


def chart_text(title_key: str, axis: str, chart_title_key: str) -> dict[str, str]:
    """Translated texts of a training chart; every chart carries its own title."""
    return {"epoch": t("nw.epoch"), "run": t("nw.cost"), "title": t(title_key), "axis": axis,
            "chart_title": t(chart_title_key)}


def draw(data: pd.DataFrame, field: str, epoch: int, *, title_key: str, axis: str,
         chart_title_key: str, colors: dict[str, str] | None = None, log_scale: bool = False,
         legend: bool = False, where=None) -> None:
    """One compiled training chart (:func:`lib.charts.training_chart`) of ``field``."""
    ui_charts.chart(charts.training_chart,
                    charts.training_chart_data(data, field, epoch, log_scale=log_scale),
                    where=where, text=chart_text(title_key, axis, chart_title_key),
                    colors=colors or chart_colors(), log_scale=log_scale, legend=legend)


def pct(x: float) -> str:
    return f"{fmt.num(x, 2)}%"


def summary(run: Run | FinishedRun) -> dict[str, dict[str, float]]:
    """First, final and best test accuracy (in %) of each cost, straight from the rows."""
    out = {}
    for c in COSTS:
        accuracy = [row["test_accuracy"] * 100 for row in run.rows[c]]
        best = max(range(len(accuracy)), key=accuracy.__getitem__)
        out[c] = {"final": accuracy[-1], "best": accuracy[best],
                  "best_epoch": int(run.rows[c][best]["epoch"]), "first": accuracy[0],
                  "saturated": run.rows[c][-1]["saturated_output"] * 100}
    return out


def book_differences(cfg: Config) -> list[str]:
    """Each way ``cfg`` differs from the book's MNIST runs, as phrases for the page."""
    out = []
    if cfg.hidden not in BOOK:
        out.append(t("nw.diff.hidden", hidden=cfg.hidden))
    if cfg.init != "large":
        out.append(t("nw.diff.init", start=start_name(cfg.init)))
    for cost, book in (("quadratic", 3.0), ("cross_entropy", 0.5)):
        if cfg.eta(cost) != book:
            out.append(t("nw.diff.eta", run=run_name(cost), eta=fmt.prob(cfg.eta(cost)),
                         book=fmt.prob(book)))
    if cfg.batch != 10:
        out.append(t("nw.diff.batch", batch=cfg.batch))
    if cfg.epochs != 30:
        out.append(t("nw.diff.epochs", epochs=cfg.epochs))
    return out


def book_note(cfg: Config) -> str:
    """The book's figures for this network size, how they were measured, and each difference
    between this page's run and the book's."""
    hidden = cfg.hidden if cfg.hidden in BOOK else 30
    quad, ce = BOOK[hidden]
    how = t("nw.book.how30" if hidden == 30 else "nw.book.how100", quad=f"{quad:.2f}",
            ce=f"{ce:.2f}", hidden=hidden)
    if cfg.source != "mnist":
        return join(how, t("nw.book.bundled"))
    diffs = book_differences(cfg)
    return join(how, t("nw.book.here"),
                t("nw.book.diffs", diffs=t("nw.list.sep").join(diffs)) if diffs else "",
                t("nw.book.always" if hidden == 30 else "nw.book.always100"))


def color_legend(colors: dict[str, str]) -> str:
    """A key for a chart, as HTML that wraps on a phone (a chart's own legend does not):
    a coloured bar before each series name (names are this app's own strings, escaped)."""
    items = (f'<span style="display:inline-block;white-space:nowrap;margin-right:1.2em">'
             f'<span style="color:{color};font-weight:700">━━</span> {html.escape(name)}</span>'
             for name, color in colors.items())
    return f'<div style="line-height:1.9;max-width:100%">{" ".join(items)}</div>'


def gradient_frame(data: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Both layers' gradient sizes for both costs (from :func:`frame`), as four runs of one
    chart."""
    parts, colors = [], {}
    shades = {("quadratic", "output"): "#e8853d", ("quadratic", "hidden"): "#f5c28f",
              ("cross_entropy", "output"): "#3b6fb6", ("cross_entropy", "hidden"): "#9dbbe3"}
    for (cost, layer), color in shades.items():
        name = t("nw.grad.series", run=run_name(cost), layer=t(f"nw.layer.{layer}"))
        part = data[data["cost"] == cost][["epoch", f"grad_norm_{layer}"]]
        parts.append(part.rename(columns={f"grad_norm_{layer}": "value"}).assign(run=name))
        colors[name] = color
    return pd.concat(parts, ignore_index=True), colors


def limit1_text(run: Run | FinishedRun) -> str:
    """Limit 1 from this run: in how many epochs the hidden layer's gradient beat the output
    layer's, how much larger cross-entropy made it, and the hidden σ'(z) that remains."""
    s = gradient_summary(pd.DataFrame(list(map(dict, run.rows["quadratic"]))),
                         pd.DataFrame(list(map(dict, run.rows["cross_entropy"]))))
    ratio = s["hidden_ratio"]
    sentences = [
        t("nw.limit1.count", epochs=s["epochs"], ce=s["hidden_above"]["cross_entropy"],
          quad=s["hidden_above"]["quadratic"]),
        t("nw.limit1.larger" if ratio >= 1 else "nw.limit1.smaller",
          ratio=fmt.num(ratio, 1) if ratio >= 1 else fmt.num(ratio, 2)),
        t("nw.limit1.why"),
        t("nw.limit1.slope", ce=fmt.num(s["hidden_slope"]["cross_entropy"], 3),
          quad=fmt.num(s["hidden_slope"]["quadratic"], 3)),
    ]
    return join(*sentences)


def lead_text(run: Run | FinishedRun, key: str) -> str:
    """Cross-entropy's lead over the quadratic cost in test accuracy (``key`` "first" or
    "final"), worded by its sign."""
    s = summary(run)
    gap = s["cross_entropy"][key] - s["quadratic"][key]
    if abs(gap) < 0.005:
        return t("nw.lead.level")
    return t("nw.lead.ahead" if gap > 0 else "nw.lead.behind", points=fmt.num(abs(gap), 1))


def start_table(cfg: Config) -> pd.DataFrame | None:
    """Accuracy after the first epoch and at the end, for both starts, once both are trained."""
    rows = []
    for c in (cfg, cfg.other_start()):
        run = find(c)
        if run is None or not run.complete:
            return None
        s = summary(run)
        for cost in COSTS:
            rows.append({t("nw.start.col"): start_name(c.init), t("nw.cost"): run_name(cost),
                         t("nw.start.first"): pct(s[cost]["first"]),
                         t("nw.start.final"): pct(s[cost]["final"])})
    return pd.DataFrame(rows)


def start_text(cfg: Config) -> str | None:
    """The start comparison in words, from both starts' runs (None until both are trained)."""
    runs = {c.init: find(c) for c in (cfg, cfg.other_start())}
    if any(r is None or not r.complete for r in runs.values()):
        return None
    return join(t("nw.starts.first", large=lead_text(runs["large"], "first"),
                  normal=lead_text(runs["normal"], "first")),
                t("nw.starts.final", large=lead_text(runs["large"], "final"),
                  normal=lead_text(runs["normal"], "final")))


def limit2_text(cfg: Config) -> str:
    """Limit 2, with the verdict of this page's two starts when both are trained."""
    runs = {c.init: find(c) for c in (cfg, cfg.other_start())}
    if any(r is None or not r.complete for r in runs.values()):
        return join(t("nw.limit2.text"), t("nw.limit2.untested"))
    gaps = {init: summary(r)["cross_entropy"]["first"] - summary(r)["quadratic"]["first"]
            for init, r in runs.items()}
    verdict = "nw.limit2.bigger" if gaps["large"] > gaps["normal"] else "nw.limit2.not_bigger"
    return join(t("nw.limit2.text"), t(verdict, large=fmt.num(gaps["large"], 1),
                                       normal=fmt.num(gaps["normal"], 1)))


def limit3_text(run: Run | FinishedRun) -> str:
    """Saturated outputs at the end of this run, worded by which cost has more."""
    s = summary(run)
    ce, quad = s["cross_entropy"]["saturated"], s["quadratic"]["saturated"]
    key = "nw.limit3.more" if ce > quad else "nw.limit3.not_more"
    return t(key, ce=fmt.num(ce, 1), quad=fmt.num(quad, 1))


# ---- The results section, built once per finished run and language ----------------------------
# A finished run never changes (a published one is frozen; a session's own finished run is
# replaced, never changed, when Train is pressed again), so everything the results section shows
# about it, the charts' data as the bytes Streamlit sends, is built once per run, configuration
# and language and shared by every session: a rerun, a preset or a language switch back is one
# lookup. Bounded; entries hold the run itself, so an id is never mistaken for another run's.

#: Finished runs' results views kept (each a few tens of kilobytes).
RESULT_VIEWS = 32


@dataclass(frozen=True)
class Chart:
    """One training chart: its datasets (as bytes) and the form's parameters."""

    data: dict[str, bytes]
    text: dict[str, str]
    colors: dict[str, str]
    log_scale: bool


@dataclass(frozen=True)
class Results:
    metrics: tuple[tuple[str, str, str], ...]  # (label, value, caption) per cost
    book_note: str
    legend: str
    accuracy: Chart
    cost: Chart
    grad_legend: str
    grad: Chart
    limit1: str
    saturated: Chart
    limit3: str


def _chart(data: pd.DataFrame, field: str, epoch: int, *, title_key: str, axis: str,
           chart_title_key: str, colors: dict[str, str] | None = None,
           log_scale: bool = False) -> Chart:
    """What :func:`draw` draws, with the data as bytes."""
    sets = charts.training_chart_data(data, field, epoch, log_scale=log_scale)
    return Chart({name: arrow(frame) for name, frame in sets.items()},
                 chart_text(title_key, axis, chart_title_key), colors or chart_colors(),
                 log_scale)


def draw_chart(c: Chart, where=None) -> None:
    """Draw a :class:`Chart` (a compiled :func:`lib.charts.training_chart`)."""
    ui_charts.chart(charts.training_chart, c.data, where=where, text=c.text, colors=c.colors,
                    log_scale=c.log_scale, legend=False)


def _build_results(run: Run | FinishedRun, cfg: Config) -> Results:
    summary_ = summary(run)
    data = frame(run)
    grads, grad_colors = gradient_frame(data)
    return Results(
        metrics=tuple((t("nw.m.final", run=run_name(cost)), pct(summary_[cost]["final"]),
                       t("nw.m.best", best=fmt.num(summary_[cost]["best"], 2),
                         epoch=summary_[cost]["best_epoch"])) for cost in COSTS),
        book_note=book_note(cfg),
        legend=color_legend(chart_colors()),
        accuracy=_chart(data, "test_accuracy_pct", run.done, title_key="nw.q.accuracy",
                        axis="%", chart_title_key="nw.chart.accuracy"),
        cost=_chart(data, "train_cost", run.done, title_key="nw.q.cost", axis="C",
                    chart_title_key="nw.chart.cost"),
        grad_legend=color_legend(grad_colors),
        grad=_chart(grads, "value", run.done, title_key="nw.q.grad", axis="|∂C/∂b|",
                    chart_title_key="nw.chart.grad", colors=grad_colors, log_scale=True),
        limit1=limit1_text(run),
        saturated=_chart(data, "saturated_pct", run.done, title_key="nw.q.saturated",
                         axis="%", chart_title_key="nw.chart.saturated"),
        limit3=limit3_text(run))


_VIEWS: OrderedDict[tuple, tuple[tuple, object]] = OrderedDict()
_VIEWS_LOCK = threading.Lock()


def _memo(runs_: tuple, key: tuple, build):
    """``build()``, once per finished ``runs_`` (by identity) and ``key``, for every session
    (newest :data:`RESULT_VIEWS` kept). An entry holds its runs, so while it is kept no other
    run can take a kept run's id."""
    full = (tuple(id(r) for r in runs_), key)
    with _VIEWS_LOCK:
        hit = _VIEWS.get(full)
        if hit is not None and all(a is b for a, b in zip(hit[0], runs_)):
            _VIEWS.move_to_end(full)
            return hit[1]
    value = build()
    with _VIEWS_LOCK:
        _VIEWS[full] = (runs_, value)
        _VIEWS.move_to_end(full)
        while len(_VIEWS) > RESULT_VIEWS:
            _VIEWS.popitem(last=False)
    return value


def results_view(run: Run | FinishedRun, cfg: Config) -> Results:
    """Everything the results section shows about ``run`` (trained with ``cfg``) in the reader's
    language, except the comparison of the two starts (:func:`starts_view`)."""
    if not run.complete:  # a stopped run may still be resumed: built afresh
        return _build_results(run, cfg)
    return _memo((run,), ("results", run.done, cfg, lang()), lambda: _build_results(run, cfg))


@dataclass(frozen=True)
class Starts:
    """Both starts compared: the table (an Arrow table, first column as index), the sentence
    and limit 2's verdict."""

    table: pa.Table
    text: str
    limit2: str


def starts_view(cfg: Config) -> Starts | None:
    """The comparison of ``cfg``'s start with the other start, once both are trained (else
    None), built once per pair of finished runs and language."""
    pair = (find(cfg), find(cfg.other_start()))
    if any(r is None or not r.complete for r in pair):
        return None

    def build() -> Starts:
        table = start_table(cfg)
        return Starts(pa.Table.from_pandas(table.set_index(table.columns[0])),
                      start_text(cfg), limit2_text(cfg))
    return _memo(pair, ("starts", cfg, lang()), build)
