"""The digits-network page's runs without Streamlit: a configuration and its key, what one run
costs, this server's limits, and :class:`Runs`, the server's trainings and finished runs as one
reader uses them.

A configuration's run is never trained in a script run: it is asked of the server's one
:class:`lib.training.TrainingQueue`. A run already published to the :class:`lib.network.
ResultStore` is shown and nothing is queued; a run under way is joined (its watchers); a
stopped one carries on; otherwise a job queues. A finished job is published (with its final
outputs) before the queue forgets it, so asking the queue first and the store second always
finds a run (:meth:`Runs.find`).

Conventions
-----------
- A configuration's key is the plain tuple of its values (:func:`key`): when a source file
  changes during development Streamlit imports the page's modules again, and a key made before
  must still match.
- The server's limits come from the environment (Community Cloud also puts its root-level
  secrets there), each a whole number with a floor, its default when unset or unreadable:
  ``BITS_TO_LOSSES_TRAININGS`` (trainings at once, at least 1, default :data:`SLOTS`),
  ``BITS_TO_LOSSES_TRAINING_QUEUE`` (trainings that may wait, at least 0, default
  :data:`WAITING`) and ``BITS_TO_LOSSES_MAX_STEPS`` (mini-batch updates one network may take,
  at least 1, default :data:`MAX_STEPS`).
- A refused training is a :class:`lib.problems.Problem`: ``too_costly`` (``value`` the
  updates it would take, ``limit`` the bound) or ``queue_full`` (``value`` the trainings
  waiting).
"""

from __future__ import annotations

import logging
import os
from dataclasses import astuple, dataclass, replace
from functools import partial
from typing import Mapping

from lib import training
from lib.digits import Digits
from lib.network import Comparison, FinishedRun, ResultStore
from lib.problems import Problem, ProblemError

__all__ = ["COSTS", "Config", "MAX_STEPS", "Partial", "Run", "Runs", "SLOTS", "TRAIN_SIZE",
           "WAITING", "env_int", "key", "limits", "partial_run", "publish", "steps", "too_costly",
           "work"]

log = logging.getLogger(__name__)

COSTS = ("quadratic", "cross_entropy")
#: Trainings run at once by default: one, for Community Cloud's small container (a training
#: keeps one core busy; the others wait in line).
SLOTS = 1
#: Trainings that may wait at once (beyond that, a training is refused: ``queue_full``).
WAITING = 32
#: Mini-batch updates one network may take: twice the book's MNIST run (30 epochs of 50,000
#: images in batches of 10 = 150,000), about a CPU-minute here; every run on the bundled
#: digits fits (at most 100 epochs of 1,500 images in batches of 1).
MAX_STEPS = 300_000
#: Training images of each source (the bundled digits: 1,797 less 297 for testing; MNIST:
#: 60,000 less 10,000 for validation), known before any download.
TRAIN_SIZE = {"bundled": 1_500, "mnist": 50_000}


@dataclass(frozen=True)
class Config:
    """One configuration of the network page (its settings, by the same names)."""

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
        """The same configuration from the other starting weights (``large`` ⇄ ``normal``)."""
        return replace(self, init="large" if self.init == "normal" else "normal")


@dataclass(frozen=True)
class Partial:
    """A run not finished (being trained, stopped or failed) as it is now, read-only: both
    costs' rows so far. (A finished run is a :class:`lib.network.FinishedRun`.)"""

    rows: Mapping[str, tuple[Mapping[str, float], ...]]
    epochs: int
    state: str

    complete = False

    @property
    def done(self) -> int:
        return min(len(r) for r in self.rows.values())


Run = Partial | FinishedRun


def env_int(name: str, default: int, low: int, environ: Mapping[str, str] | None = None) -> int:
    """The whole number in the environment variable ``name``, at least ``low``; ``default``
    when it is unset, empty or not a whole number (logged).

    >>> env_int("SLOTS", 1, 1, {"SLOTS": "3"}), env_int("SLOTS", 1, 1, {"SLOTS": "0"})
    (3, 1)
    >>> env_int("SLOTS", 1, 1, {"SLOTS": "abc"}), env_int("SLOTS", 1, 1, {})
    (1, 1)
    """
    text = (os.environ if environ is None else environ).get(name, "").strip()
    try:
        return max(low, int(text)) if text else default
    except ValueError:
        log.warning("%s=%r is not a whole number; using %d", name, text, default)
        return default


def limits(environ: Mapping[str, str] | None = None) -> tuple[int, int, int]:
    """This server's trainings at once, trainings that may wait, and mini-batch updates one
    network may take, from the environment (see the module's conventions).

    >>> limits({}), limits({"BITS_TO_LOSSES_MAX_STEPS": "400"})
    ((1, 32, 300000), (1, 32, 400))
    """
    return (env_int("BITS_TO_LOSSES_TRAININGS", SLOTS, 1, environ),
            env_int("BITS_TO_LOSSES_TRAINING_QUEUE", WAITING, 0, environ),
            env_int("BITS_TO_LOSSES_MAX_STEPS", MAX_STEPS, 1, environ))


def key(cfg: Config) -> tuple:
    """``cfg`` as a plain tuple of its values: its run's key in the store and the queue.

    >>> key(Config("bundled", 30, 3.0, 0.5, 30, 10, "large", 1))
    ('bundled', 30, 3.0, 0.5, 30, 10, 'large', 1)
    """
    return astuple(cfg)


def steps(cfg: Config) -> int:
    """Mini-batch updates one network of ``cfg`` takes: its epochs × ⌈training images ÷
    mini-batch⌉ (:func:`lib.training.sgd_steps`, the images from :data:`TRAIN_SIZE`).

    >>> steps(Config("mnist", 30, 3.0, 0.5, 30, 10, "large", 1))   # the book's run
    150000
    """
    return training.sgd_steps(cfg.epochs, TRAIN_SIZE[cfg.source], cfg.batch)


def too_costly(cfg: Config, limit: int) -> Problem | None:
    """Why ``cfg`` may not be trained where one network may take ``limit`` updates (a
    ``too_costly`` problem), or None.

    >>> too_costly(Config("bundled", 30, 3.0, 0.5, 3, 10, "large", 1), 400).value
    450.0
    >>> too_costly(Config("bundled", 30, 3.0, 0.5, 2, 10, "large", 1), 400) is None
    True
    """
    try:
        training.check_steps(steps(cfg), limit)
    except ProblemError as err:
        return err.problems[0]
    return None


def work(cfg: Config, data: Digits) -> Comparison:
    """Both networks of ``cfg`` on ``data``, to be built and stepped in a training's worker
    thread (one epoch of each per step)."""
    return Comparison(data.X_train, data.y_train, data.X_test, data.y_test, data.X_valid,
                      data.y_valid, costs=COSTS, sizes=(data.features, cfg.hidden, 10),
                      etas={c: cfg.eta(c) for c in COSTS}, batch_size=cfg.batch, seed=cfg.seed,
                      epochs=cfg.epochs, init=cfg.init)


def publish(store: ResultStore, cfg_key: tuple, result) -> None:
    """A finished training's ``result`` (``(rows, outputs)`` of
    :meth:`lib.network.Comparison.finish`) into ``store``, with its epochs and its seconds."""
    rows, outputs = result
    store.publish(cfg_key, rows, epochs=min(len(r) for r in rows.values()), outputs=outputs,
                  seconds=sum(r["seconds"] for run in rows.values() for r in run))


def partial_run(status: training.Status) -> Partial:
    """A training's rows so far (its snapshot ``status``) as a run."""
    return Partial({c: tuple(r[c] for r in status.records) for c in COSTS}, status.steps,
                   status.state)


@dataclass(frozen=True)
class Runs:
    """The server's trainings (``queue``) and finished runs (``store``) as the reader ``who``
    uses them; ``asked`` holds the keys of the trainings this reader asked for and has not
    left (the reader's own set, changed in place).

    >>> from lib.network import ResultStore
    >>> store = ResultStore()
    >>> queue = training.TrainingQueue(on_done=partial(publish, store), nice=0)
    >>> runs = Runs(queue, store, "reader", set())
    >>> cfg = Config("bundled", 10, 3.0, 0.5, 2, 10, "large", 1)
    >>> from lib.digits import bundled
    >>> runs.request(cfg, bundled(), limit=MAX_STEPS) is None     # queued: not refused
    True
    >>> queue.wait_idle(60), runs.find(cfg).done, runs.watched(cfg)
    (True, 2, ())
    """

    queue: training.TrainingQueue
    store: ResultStore
    who: str
    asked: set

    def published(self, cfg: Config) -> FinishedRun | None:
        """``cfg``'s finished run, if one is published."""
        return self.store.get(key(cfg))

    def job(self, cfg: Config) -> training.Status | None:
        """The training of ``cfg`` now (queued, running, stopping, stopped or failed)."""
        return self.queue.status(key(cfg))

    def find(self, cfg: Config) -> Run | None:
        """``cfg``'s run: one being trained or stopped (with an epoch done), else the
        published one (the queue first: see the module's docstring)."""
        status = self.job(cfg)
        if status is not None and status.done:
            return partial_run(status)
        return self.published(cfg)

    def watched(self, cfg: Config) -> tuple[tuple, ...]:
        """Of ``cfg`` and its other start (the comparison needs both), the keys of those being
        trained now."""
        return tuple(key(c) for c in (cfg, cfg.other_start())
                     if (s := self.job(c)) is not None and s.active)

    def mine(self, cfg: Config) -> bool:
        """True while this reader's own training of ``cfg`` is queued or running."""
        status = self.job(cfg)
        return status is not None and status.active and self.who in status.watchers

    def request(self, cfg: Config, data: Digits, limit: int) -> Problem | None:
        """Train ``cfg`` on ``data`` for this reader (one network may take ``limit`` updates):
        nothing if its run is published, join it if it is being trained, carry it on if it was
        stopped, else queue it. Returns why it was refused (``too_costly``, ``queue_full``), or
        None."""
        problem = too_costly(cfg, limit)
        if problem is not None:
            return problem
        cfg_key = key(cfg)
        try:
            status = self.queue.request(cfg_key, self.who, partial(work, cfg, data),
                                        steps=cfg.epochs,
                                        published=lambda: self.store.get(cfg_key) is not None)
        except ProblemError as err:
            return err.problems[0]
        if status is not None:
            self.asked.add(cfg_key)
        return None

    def follow(self, *shown: Config) -> None:
        """Leave this reader's trainings of configurations no longer shown (a changed setting
        stops them, as Stop does; ``shown`` and their other starts are kept)."""
        keep = {key(c) for cfg in shown for c in (cfg, cfg.other_start())}
        for cfg_key in list(self.asked):
            status = self.queue.status(cfg_key)
            if status is None or not status.active:
                self.asked.discard(cfg_key)  # over: nothing to leave
            elif cfg_key not in keep:
                self.queue.leave(cfg_key, self.who)
                self.asked.discard(cfg_key)

    def stop(self) -> None:
        """Leave every training this reader asked for."""
        for cfg_key in list(self.asked):
            self.queue.leave(cfg_key, self.who)
        self.asked.clear()

    def stoppable(self) -> bool:
        """True while a training this reader asked for is queued or running."""
        statuses = (self.queue.status(k) for k in self.asked)
        return any(s is not None and s.active and self.who in s.watchers for s in statuses)
