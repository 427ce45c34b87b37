"""Settings, data, the interruptible training loop, the shared results and the wording of the
network page.

Runs are kept by configuration. A session keeps its own runs while it trains them (a stopped run
keeps its epochs and its trainers, so Train resumes it); a finished run is published, as a frozen
copy, to a store shared by every session (:class:`lib.network.ResultStore`), so revisiting the
page, or a second visitor, sees it at once. Pressing Train on a finished configuration builds a
new run in the session: what others see never changes.

MNIST is downloaded once for everyone (:class:`lib.digits.SharedDownload`): a visitor who asks
while it is under way watches the same progress, and a failure is remembered for a few minutes.

Everything the results section shows is one :func:`results`, cached by the runs' numbers (as
bytes, :func:`records`), the configuration and the language for every session: a rerun, a
language switch back or a second visitor is one lookup. The wording helpers :func:`join` and
:func:`run_name` serve the neuron page too.
"""

from __future__ import annotations

import html
import logging
import math
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import pyarrow as pa
import streamlit as st

from lib import charts, digits
from lib.network import (COLUMNS, FinishedRun, ResultStore, Trainer, accuracy_summary,
                         gradient_summary, pack_rows, unpack_rows)
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
#: Finished runs' results kept (each a few tens of kilobytes).
RESULT_VIEWS = 32
#: Seconds a failed MNIST download is remembered before a new request tries again.
FAILURE_TTL = 180.0
#: The numbers of a run's rows that the results show (its timing left out).
FIELDS = tuple(c for c in COLUMNS if c != "seconds")


@dataclass(frozen=True)
class Config:
    """One configuration of the page (its settings, by the same names)."""

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
    charts plot."""
    out = pd.concat([pd.DataFrame(list(map(dict, run.rows[c]))).assign(cost=c) for c in COSTS],
                    ignore_index=True)
    out["run"] = out["cost"].map(run_name)
    out["test_accuracy_pct"] = out["test_accuracy"] * 100
    out["saturated_pct"] = out["saturated_output"] * 100
    return out


DEFAULT = Config(**S.defaults)


def config() -> Config:
    return Config(**S.values())


def runs() -> dict:
    """This session's own runs, by configuration."""
    return st.session_state.setdefault(RUNS, {})


def first_visit() -> bool:
    """True on this session's first run of the page (then never again)."""
    if st.session_state.get(VISITED):
        return False
    st.session_state[VISITED] = True
    return True


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

@st.cache_resource(show_spinner=False, max_entries=1)
def bundled() -> digits.Digits:
    """The bundled 8×8 digits (:func:`lib.digits.bundled`), loaded once per server."""
    return digits.bundled()


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
    """The one MNIST download of this server (for the current location settings)."""
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
    """A cost's name (or the neuron page's book demo rule's), the same on both lesson pages."""
    return t(f"nw.run.{cost}")


def start_name(init: str) -> str:
    return t(f"nw.init.{init}")


def chart_colors() -> dict[str, str]:
    return {run_name(c): COLORS[c] for c in COSTS}


@dataclass(frozen=True)
class Chart:
    """One training chart (:func:`lib.charts.training_chart`): its datasets as the bytes
    Streamlit sends, and the form's parameters."""

    data: dict[str, bytes]
    text: dict[str, str]
    colors: dict[str, str]
    log_scale: bool


def chart(data: pd.DataFrame, field: str, epoch: int, *, title_key: str, axis: str,
          chart_title_key: str, colors: dict[str, str] | None = None,
          log_scale: bool = False) -> Chart:
    """The training chart of ``field`` (every chart carries its own title)."""
    sets = charts.training_chart_data(data, field, epoch, log_scale=log_scale)
    text = {"epoch": t("nw.epoch"), "run": t("nw.cost"), "title": t(title_key), "axis": axis,
            "chart_title": t(chart_title_key)}
    return Chart({name: arrow(f) for name, f in sets.items()}, text, colors or chart_colors(),
                 log_scale)


def draw_chart(c: Chart, where=None) -> None:
    ui_charts.chart(charts.training_chart, c.data, where=where, text=c.text, colors=c.colors,
                    log_scale=c.log_scale, legend=False)


def pct(x: float) -> str:
    return f"{fmt.num(x, 2)}%"


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
    return join(
        t("nw.limit1.count", epochs=s["epochs"], ce=s["hidden_above"]["cross_entropy"],
          quad=s["hidden_above"]["quadratic"]),
        t("nw.limit1.larger" if ratio >= 1 else "nw.limit1.smaller",
          ratio=fmt.num(ratio, 1) if ratio >= 1 else fmt.num(ratio, 2)),
        t("nw.limit1.why"),
        t("nw.limit1.slope", ce=fmt.num(s["hidden_slope"]["cross_entropy"], 3),
          quad=fmt.num(s["hidden_slope"]["quadratic"], 3)))


def lead(run: Run | FinishedRun, key: str) -> float:
    """Cross-entropy's lead over the quadratic cost in test accuracy, in points (``key``
    "first" or "final": after the first or the last epoch)."""
    s = accuracy_summary(run.rows)
    return s["cross_entropy"][key] - s["quadratic"][key]


def lead_text(run: Run | FinishedRun, key: str) -> str:
    """:func:`lead`, worded by its sign."""
    gap = lead(run, key)
    if abs(gap) < 0.005:
        return t("nw.lead.level")
    return t("nw.lead.ahead" if gap > 0 else "nw.lead.behind", points=fmt.num(abs(gap), 1))


def start_table(starts: dict[str, Run | FinishedRun]) -> pd.DataFrame:
    """Accuracy after the first epoch and at the end, for both starts' runs (by start)."""
    rows = []
    for init, run in starts.items():
        s = accuracy_summary(run.rows)
        for cost in COSTS:
            rows.append({t("nw.start.col"): start_name(init), t("nw.cost"): run_name(cost),
                         t("nw.start.first"): pct(s[cost]["first"]),
                         t("nw.start.final"): pct(s[cost]["final"])})
    return pd.DataFrame(rows)


def start_text(starts: dict[str, Run | FinishedRun]) -> str:
    """The start comparison in words, from both starts' runs."""
    return join(t("nw.starts.first", large=lead_text(starts["large"], "first"),
                  normal=lead_text(starts["normal"], "first")),
                t("nw.starts.final", large=lead_text(starts["large"], "final"),
                  normal=lead_text(starts["normal"], "final")))


def limit2_text(starts: dict[str, Run | FinishedRun] | None) -> str:
    """Limit 2, with the verdict of this page's two starts when both are trained."""
    if starts is None:
        return join(t("nw.limit2.text"), t("nw.limit2.untested"))
    gaps = {init: lead(r, "first") for init, r in starts.items()}
    verdict = "nw.limit2.bigger" if gaps["large"] > gaps["normal"] else "nw.limit2.not_bigger"
    return join(t("nw.limit2.text"), t(verdict, large=fmt.num(gaps["large"], 1),
                                       normal=fmt.num(gaps["normal"], 1)))


def limit3_text(run: Run | FinishedRun) -> str:
    """Saturated outputs at the end of this run, worded by which cost has more."""
    s = accuracy_summary(run.rows)
    ce, quad = s["cross_entropy"]["saturated"], s["quadratic"]["saturated"]
    key = "nw.limit3.more" if ce > quad else "nw.limit3.not_more"
    return t(key, ce=fmt.num(ce, 1), quad=fmt.num(quad, 1))


# ---- The results section, built once per runs' numbers, configuration and language ------------

def records(run: Run | FinishedRun, cfg: Config) -> tuple[bytes, bytes | None]:
    """What :func:`results` is computed from: ``run``'s numbers and, once this run and the other
    start's are both finished, the other start's."""
    other = find(cfg.other_start())
    both = run.complete and other is not None and other.complete
    return (pack_rows(run.rows, COSTS, FIELDS, run.done),
            pack_rows(other.rows, COSTS, FIELDS, other.done) if both else None)


@dataclass(frozen=True)
class Results:
    """Everything the results section shows about one run (and the other start's)."""

    metrics: tuple[tuple[str, str, str], ...]  # (label, value, caption) per cost
    book_note: str
    legend: str
    accuracy: Chart
    cost: Chart
    starts: pa.Table | None  # both starts compared (first column as index), once both are done
    starts_text: str
    grad_legend: str
    grad: Chart
    limit1: str
    limit2: str
    saturated: Chart
    limit3: str


@st.cache_resource(max_entries=RESULT_VIEWS, show_spinner=False)
def results(cfg: Config, mine: bytes, other: bytes | None, language: str) -> Results:
    """The results section for the run with the numbers ``mine`` (trained with ``cfg``) and
    the other start's ``other`` (None until both are finished), in ``language`` (the
    reader's: its texts are built with :func:`ui.i18n.t`). Arguments from :func:`records`."""
    run, other_run = (d and FinishedRun(unpack_rows(d, COSTS, FIELDS), cfg.epochs, 0.0)
                      for d in (mine, other))
    data = frame(run)
    summary_ = accuracy_summary(run.rows)
    grads, grad_colors = gradient_frame(data)
    starts = other_run and {cfg.init: run, cfg.other_start().init: other_run}
    table = start_table(starts) if starts else None
    return Results(
        metrics=tuple((t("nw.m.final", run=run_name(cost)), pct(summary_[cost]["final"]),
                       t("nw.m.best", best=fmt.num(summary_[cost]["best"], 2),
                         epoch=summary_[cost]["best_epoch"])) for cost in COSTS),
        book_note=book_note(cfg),
        legend=color_legend(chart_colors()),
        accuracy=chart(data, "test_accuracy_pct", run.done, title_key="nw.q.accuracy",
                       axis="%", chart_title_key="nw.chart.accuracy"),
        cost=chart(data, "train_cost", run.done, title_key="nw.q.cost", axis="C",
                   chart_title_key="nw.chart.cost"),
        starts=None if table is None else pa.Table.from_pandas(table.set_index(table.columns[0])),
        starts_text=start_text(starts) if starts else "",
        grad_legend=color_legend(grad_colors),
        grad=chart(grads, "value", run.done, title_key="nw.q.grad", axis="|∂C/∂b|",
                   chart_title_key="nw.chart.grad", colors=grad_colors, log_scale=True),
        limit1=limit1_text(run),
        limit2=limit2_text(starts),
        saturated=chart(data, "saturated_pct", run.done, title_key="nw.q.saturated",
                        axis="%", chart_title_key="nw.chart.saturated"),
        limit3=limit3_text(run))
