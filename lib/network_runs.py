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
- What the page says about a training is a :class:`lib.cases.Case` as
  :mod:`lib.network_lesson` writes them (named as the page's strings, numbers written).
"""

from __future__ import annotations

import logging
import math
import os
from dataclasses import astuple, dataclass, replace
from functools import partial
from typing import Mapping

from lib import training
from lib.cases import Case
from lib.digits import Digits, DownloadStatus
from lib.network import COLUMNS, Comparison, FinishedRun, ResultStore, pack_rows
from lib.problems import Problem, ProblemError

__all__ = ["COSTS", "Config", "FIELDS", "MAX_STEPS", "MNIST_REASONS", "Partial", "Run", "Runs",
           "SLOTS", "TRAIN_SIZE", "WAITING", "download_case", "download_failure", "env_int",
           "key", "limits", "numbers", "partial_run", "progress", "publish", "records",
           "refusal", "steps", "too_costly", "training_note", "work"]

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
#: The numbers of a run's rows that the results show (its timing left out).
FIELDS = tuple(c for c in COLUMNS if c != "seconds")


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


def refusal(problem: Problem, cfg: Config) -> Case:
    """A refused training of ``cfg`` (:func:`too_costly`, :meth:`Runs.request`) as the page's
    ``problem.<code>`` sentence: ``"too_costly"`` (numbers: the ``steps`` it would take and the
    ``limit``, its ``epochs`` of ``per_epoch`` mini-batches, the training ``images`` and the
    ``batch`` as typed) or ``"queue_full"`` (numbers: the trainings ``waiting``).

    >>> cfg = Config("bundled", 30, 3.0, 0.5, 3, 9, "large", 1)
    >>> refusal(too_costly(cfg, 400), cfg).numbers
    {'epochs': 3, 'images': 1500, 'batch': '9', 'per_epoch': 167, 'steps': 501, 'limit': 400}
    >>> refusal(Problem("queue_full", value=32.0), cfg)
    Case(name='queue_full', numbers={'waiting': 32}, apart=())
    """
    if problem.code == "too_costly":
        images = TRAIN_SIZE[cfg.source]
        return Case("too_costly", {"epochs": cfg.epochs, "images": images, "batch": str(cfg.batch),
                                   "per_epoch": training.sgd_steps(1, images, cfg.batch),
                                   "steps": int(problem.value), "limit": int(problem.limit)})
    return Case("queue_full", {"waiting": int(problem.value or 0)})


#: Why MNIST could not be had, as :class:`lib.digits.DigitsError` gives it (any other failure is
#: ``"unexpected"``).
MNIST_REASONS = ("network", "timeout", "too_big", "checksum", "format", "filesystem")


def download_failure(status: DownloadStatus, fallback: bool, timeout: float) -> tuple[Case, ...]:
    """A failed MNIST download (``status``) as the page's ``nw.mnist_failed.<name>`` sentences:
    the reason (one of :data:`MNIST_REASONS` or ``"unexpected"``; numbers: each file's
    ``timeout`` in ``seconds``), ``"fallback"`` when the bundled digits are shown instead, and
    ``"remembered"`` (numbers: the whole ``minutes``, at least 1, until the failure is
    forgotten). Never a server path: a reason only.

    >>> from lib.digits import DigitsError
    >>> status = DownloadStatus("failed", error=DigitsError("/srv: slow", "timeout"),
    ...                         retry_in=61.0)
    >>> [(c.name, c.numbers) for c in download_failure(status, False, 30.0)]
    [('timeout', {'seconds': '30'}), ('remembered', {'minutes': 2})]
    >>> [c.name for c in download_failure(DownloadStatus("failed"), True, 30.0)]
    ['unexpected', 'fallback', 'remembered']
    """
    reason = getattr(status.error, "reason", "unexpected")
    reason = reason if reason in MNIST_REASONS else "unexpected"
    return (Case(reason, {"seconds": f"{timeout:g}"}), *([Case("fallback")] if fallback else []),
            Case("remembered", {"minutes": max(1, math.ceil(status.retry_in / 60))}))


def download_case(status: DownloadStatus) -> Case:
    """An MNIST download under way (``status``) as the page's ``nw.download.progress``
    sentence: megabytes (10**6 bytes) received and in all, ``done`` and ``total``, with one
    decimal, and the ``seconds`` since it began, whole; all as text.

    >>> download_case(DownloadStatus("running", 5_500_000, 11_000_000, 2.6)).numbers
    {'done': '5.5', 'total': '11.0', 'seconds': '3'}
    """
    return Case("download.progress", {"done": f"{status.done_bytes / 1e6:.1f}",
                                      "total": f"{status.total_bytes / 1e6:.1f}",
                                      "seconds": f"{status.seconds:.0f}"})


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


def numbers(run: Run) -> bytes:
    """``run``'s numbers as one immutable value, quick to hash and to compare: :data:`FIELDS`
    of each cost's first ``run.done`` rows (:func:`lib.network.pack_rows`), read back by
    :func:`lib.network_lesson.results`.

    >>> row = dict.fromkeys(FIELDS, 0.5)
    >>> run = Partial({c: (row, row) for c in COSTS}, 3, "stopped")
    >>> len(numbers(run)) == len(COSTS) * 2 * len(FIELDS) * 8   # float64: 8 bytes each
    True
    """
    return pack_rows(run.rows, COSTS, FIELDS, run.done)


def records(run: Run, other: Run | None) -> tuple[bytes, bytes | None]:
    """What the results of ``run`` are computed from: its :func:`numbers` and, once it and
    ``other`` (the same settings from the other start, None if never trained) are both
    finished, the other's (None until then: the start comparison waits for both).

    >>> row = dict.fromkeys(FIELDS, 0.5)
    >>> stopped = Partial({c: (row,) for c in COSTS}, 3, "stopped")
    >>> finished = FinishedRun({c: (row,) for c in COSTS}, 1, 0.0)
    >>> records(finished, stopped)[1] is None, records(finished, finished)[1] is None
    (True, False)
    """
    both = run.complete and other is not None and other.complete
    return numbers(run), numbers(other) if both else None


def progress(status: training.Status) -> tuple[float, Case]:
    """A training's progress bar from its snapshot ``status``: the fraction done and what it
    says, ``queue.place`` while it waits (its place in the line and the trainings the server
    runs at once), ``stopping`` after Stop (epochs done), ``first_epoch`` before an epoch is
    done, else ``progress`` (epochs done, and the seconds left at the pace so far, whole).

    >>> s = training.Status("k", "running", 0, ({}, {}), 4, 6.0, frozenset(), 1, 0, 1)
    >>> progress(s)[0], progress(s)[1].numbers
    (0.5, {'epoch': 2, 'epochs': 4, 'left': '6'})
    >>> progress(training.Status("k", "queued", 3, (), 4, 0.0, frozenset(), 1, 3, 1))
    (0.0, Case(name='queue.place', numbers={'place': 3, 'slots': 1}, apart=()))
    """
    fraction = min(1.0, status.done / max(status.steps, 1))
    if status.state == "queued":
        return 0.0, Case("queue.place", {"place": status.place, "slots": status.slots})
    if status.state == "stopping":
        return fraction, Case("stopping", {"epoch": status.done, "epochs": status.steps})
    if not status.done:
        return 0.0, Case("first_epoch")
    return fraction, Case("progress", {"epoch": status.done, "epochs": status.steps,
                                       "left": f"{status.left():.0f}"})


def training_note(cfg: Config, status: training.Status | None, other: training.Status | None,
                  who: str) -> Case | None:
    """What the reader ``who`` is told beside the progress of ``cfg``'s training (``status``):
    that another visitor's training of these settings serves them too (``training.others``),
    or, while ``cfg``'s is not under way, how the other start's training (``other``) for the
    comparison goes (``training.other_start``, or ``.queued`` with its place in the line);
    None when there is nothing to say.

    >>> cfg = Config("bundled", 30, 3.0, 0.5, 30, 10, "large", 1)
    >>> theirs = training.Status("k", "running", 0, (), 30, 0.0, frozenset({"them"}), 1, 0, 1)
    >>> training_note(cfg, theirs, None, "me"), training_note(cfg, None, None, "me")
    (Case(name='training.others', numbers={}, apart=()), None)
    >>> training_note(cfg, None, theirs, "me").numbers["start"]
    Case(name='init.normal', numbers={}, apart=())
    """
    if status is not None and status.active:
        return None if who in status.watchers else Case("training.others")
    if other is None or not other.active:
        return None
    start = Case(f"init.{cfg.other_start().init}")
    if other.state == "queued":
        return Case("training.other_start.queued", {"start": start, "place": other.place})
    return Case("training.other_start", {"start": start, "epoch": other.done,
                                         "epochs": other.steps})


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
