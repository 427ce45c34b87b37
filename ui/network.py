"""Settings, data, the interruptible training loop and the results store of the network page.

Runs are kept by configuration: in the session while they are trained (a stopped run keeps its
epochs and its trainers, so Train resumes it), and, once complete, in a small store shared by
all sessions, so that revisiting the page, or a second visitor, sees them at once.
"""

from __future__ import annotations

import os
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import streamlit as st

from lib import digits
from lib.network import Trainer
from ui.i18n import t

COSTS = ("quadratic", "cross_entropy")
COLORS = {"quadratic": "#e8853d", "cross_entropy": "#3b6fb6"}
MARKDOWN_COLORS = {"quadratic": "orange", "cross_entropy": "blue"}
DEFAULTS = {"nw_source": "bundled", "nw_hidden": 30, "nw_eta_quadratic": 3.0,
            "nw_eta_cross_entropy": 0.5, "nw_epochs": 30, "nw_batch": 10, "nw_init": "normal",
            "nw_seed": 1}
PRESETS = {
    "quick": {"nw_source": "bundled", "nw_hidden": 30, "nw_epochs": 30, "nw_batch": 10,
              "nw_eta_quadratic": 3.0, "nw_eta_cross_entropy": 0.5},
    "book": {"nw_source": "mnist", "nw_hidden": 30, "nw_epochs": 30, "nw_batch": 10,
             "nw_eta_quadratic": 3.0, "nw_eta_cross_entropy": 0.5},
}
#: The book's best test accuracies (784-hidden-10, 30 epochs, batch 10), by hidden size.
BOOK = {30: (95.42, 95.49), 100: (96.59, 96.82)}
SHARED_RUNS = 16


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
    """Both costs' rows so far; trainers are kept only while the run can still be resumed."""

    rows: dict[str, list[dict]] = field(default_factory=lambda: {c: [] for c in COSTS})
    trainers: dict[str, Trainer] | None = None
    complete: bool = False
    seconds: float = 0.0

    @property
    def done(self) -> int:
        return min(len(r) for r in self.rows.values())

    def frame(self) -> pd.DataFrame:
        """Both costs' rows in one long frame, with the display name and the percentages
        the charts plot; build it once per rerun and hand it to every chart."""
        frame = pd.concat([pd.DataFrame(self.rows[c]).assign(cost=c) for c in COSTS],
                          ignore_index=True)
        frame["run"] = frame["cost"].map(run_name)
        frame["test_accuracy_pct"] = frame["test_accuracy"] * 100
        frame["saturated_pct"] = frame["saturated_output"] * 100
        return frame


def ensure_state() -> None:
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)
    st.session_state.setdefault("nw_runs", {})


def apply_preset(name: str) -> None:
    st.session_state.update(PRESETS[name])


def config() -> Config:
    s = st.session_state
    return Config(s["nw_source"], int(s["nw_hidden"]), float(s["nw_eta_quadratic"]),
                  float(s["nw_eta_cross_entropy"]), int(s["nw_epochs"]), int(s["nw_batch"]),
                  s["nw_init"], int(s["nw_seed"]))


@st.cache_resource(show_spinner=False)
def _shared() -> OrderedDict:
    return OrderedDict()


def find(cfg: Config) -> Run | None:
    """This session's run for ``cfg``, or a complete one another session left."""
    run = st.session_state["nw_runs"].get(cfg)
    return run if run is not None else _shared().get(cfg)


@st.cache_resource(show_spinner=False, max_entries=2)
def _bundled() -> digits.Digits:
    return digits.bundled()


def _mnist_location() -> tuple[Path, tuple[str, ...]]:
    """Where MNIST is cached and fetched from; both can be set from the environment (the
    tests point the mirrors at 127.0.0.1 so that nothing reaches the internet)."""
    cache = Path(os.environ.get("BITS_TO_LOSSES_CACHE",
                                Path.home() / ".cache" / "from-bits-to-losses")) / "mnist"
    mirrors = os.environ.get("BITS_TO_LOSSES_MNIST_MIRRORS")
    return cache, tuple(mirrors.split(",")) if mirrors else digits.MIRRORS


@st.cache_resource(show_spinner=False, max_entries=1)
def _mnist(cache: Path, mirrors: tuple[str, ...]) -> digits.Digits:
    return digits.mnist(cache, mirrors=mirrors)


def load(cfg: Config) -> tuple[digits.Digits, str | None]:
    """The data for ``cfg``, and a message when MNIST could not be had (bundled digits then)."""
    if cfg.source == "bundled":
        return _bundled(), None
    try:
        return _mnist(*_mnist_location()), None
    except digits.DigitsError as err:
        return _bundled(), t(f"nw.mnist_failed.{err.reason}", detail=str(err))


def train(cfg: Config, data: digits.Digits, progress, live=None) -> Run:
    """Train (or resume) both networks epoch by epoch, interleaved, reporting progress.

    Every epoch is stored as soon as it is done, so when the reader presses Stop (Streamlit
    then interrupts this loop at its next progress update) the epochs so far are kept.
    """
    runs = st.session_state["nw_runs"]
    run = runs.get(cfg) or Run()
    runs[cfg] = run
    if run.trainers is None:
        sizes = (data.features, cfg.hidden, 10)
        run.trainers = {c: Trainer(data.X_train, data.y_train, data.X_test, data.y_test,
                                   cost=c, sizes=sizes, eta=cfg.eta(c), batch_size=cfg.batch,
                                   seed=cfg.seed, init=cfg.init) for c in COSTS}
        run.rows = {c: [] for c in COSTS}
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
    shared = _shared()
    shared[cfg] = run
    while len(shared) > SHARED_RUNS:
        shared.popitem(last=False)
    return run


def run_name(cost: str) -> str:
    return t(f"nr.run.{cost}")


def legend_markdown() -> str:
    return "\u2003".join(f":{MARKDOWN_COLORS[c]}[**━━ {run_name(c)}**]" for c in COSTS)


def chart_colors() -> dict[str, str]:
    return {run_name(c): COLORS[c] for c in COSTS}


def chart_text(title_key: str, axis: str) -> dict[str, str]:
    return {"epoch": t("nr.epoch"), "run": t("nr.cost"), "title": t(title_key), "axis": axis}


def book_note(cfg: Config) -> str:
    """The book's figures for this network size, and how they were measured."""
    quad, ce = BOOK.get(cfg.hidden, BOOK[30])
    hidden = cfg.hidden if cfg.hidden in BOOK else 30
    key = "nw.book.same" if (cfg.source == "mnist" and cfg.hidden in BOOK) else "nw.book.other"
    return t(key, quad=f"{quad:.2f}", ce=f"{ce:.2f}", hidden=hidden)


def gradient_frame(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """Both layers' gradient sizes for both costs (from :meth:`Run.frame`), as four runs of
    one chart."""
    parts, colors = [], {}
    shades = {("quadratic", "output"): "#e8853d", ("quadratic", "hidden"): "#f5c28f",
              ("cross_entropy", "output"): "#3b6fb6", ("cross_entropy", "hidden"): "#9dbbe3"}
    for (cost, layer), color in shades.items():
        name = t("nw.grad.series", run=run_name(cost), layer=t(f"nw.layer.{layer}"))
        part = frame[frame["cost"] == cost][["epoch", f"grad_norm_{layer}"]]
        parts.append(part.rename(columns={f"grad_norm_{layer}": "value"}).assign(run=name))
        colors[name] = color
    return pd.concat(parts, ignore_index=True), colors


def summary(run: Run) -> dict[str, dict[str, float]]:
    """First, final and best test accuracy (in %) of each cost, straight from the rows."""
    out = {}
    for c in COSTS:
        accuracy = [row["test_accuracy"] * 100 for row in run.rows[c]]
        best = max(range(len(accuracy)), key=accuracy.__getitem__)
        out[c] = {"final": accuracy[-1], "best": accuracy[best],
                  "best_epoch": int(run.rows[c][best]["epoch"]), "first": accuracy[0]}
    return out


def start_table(cfg: Config) -> pd.DataFrame | None:
    """Accuracy after the first epoch and at the end, for both starts, once both are trained."""
    rows = []
    for c in (cfg, cfg.other_start()):
        run = find(c)
        if run is None or not run.complete:
            return None
        s = summary(run)
        for cost in COSTS:
            rows.append({t("nw.start.col"): t(f"nw.init.{c.init}"), t("nr.cost"): run_name(cost),
                         t("nw.start.first"): f"{s[cost]['first']:.2f}%",
                         t("nw.start.final"): f"{s[cost]['final']:.2f}%"})
    return pd.DataFrame(rows)


def train_other_start() -> None:
    st.session_state["nw_init"] = "large" if st.session_state["nw_init"] == "normal" else "normal"
    st.session_state["nw_autotrain"] = True
