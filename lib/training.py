"""Long computations shared by a server's sessions: at most ``slots`` at once, the rest in a queue.

A :class:`TrainingQueue` runs *jobs*, each identified by a hashable key (a configuration). A job
is a piece of :class:`Work` done in steps (epochs); each job is built and stepped by **one
worker thread only**, and what others read of it is a :class:`Status`: an immutable snapshot
whose ``records`` (one per step done) are never changed afterwards. The rules:

- the same key asked for twice is one job: the second caller becomes one more of its
  ``watchers`` (a click delivered twice starts nothing twice);
- at most ``slots`` jobs run at once (one thread each); the others wait first come, first
  served, and each knows its ``place`` (1 = next); at most ``max_waiting`` wait, beyond that a
  request is refused (:class:`lib.problems.ProblemError`, code ``queue_full``);
- a job whose last watcher leaves stops, between two steps: it keeps its work and its records
  (state ``"stopped"``), and a later request carries on from there, as if it had never stopped;
  a queued job that nobody wants any more leaves the queue;
- after the last step, ``work.finish()`` gives the job's result and ``on_done(key, result)``
  publishes it; then the job is forgotten. Publishing comes first, so a reader who asks the
  queue first and the publisher second always finds the job in one or the other.

Stopped and failed jobs are kept, newest ``keep_stopped``, so a reader can see how far they got.
Worker threads lower their own scheduling priority (``nice``, where the system allows it), so
that a core shared with the server's other work serves the other sessions first.

This module imports no Streamlit: a page holds one queue for its server (in a cache) and polls
:meth:`TrainingQueue.status`.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass
from typing import Any, Callable, Hashable, Protocol

from lib.problems import Problem, ProblemError

__all__ = ["ACTIVE", "Status", "TrainingQueue", "Work", "check_steps", "sgd_steps"]

log = logging.getLogger(__name__)

#: The states of a job that still holds (or waits for) a worker.
ACTIVE = frozenset({"queued", "running", "stopping"})


def sgd_steps(epochs: int, examples: int, batch: int) -> int:
    """The mini-batch updates of one network in a training: ``epochs × ⌈examples ÷ batch⌉``.

    The cost of a training grows with this count (each update is one forward and one backward
    pass over a mini-batch); a smaller last batch of an epoch counts as a whole one.

    >>> sgd_steps(30, 50_000, 10)      # the book's MNIST configuration
    150000
    >>> sgd_steps(100, 50_000, 1)      # the costliest settings of the network page
    5000000
    >>> sgd_steps(2, 1_500, 1_000)     # 1,500 examples in batches of 1,000: 2 updates an epoch
    4
    """
    for name, value, low in (("epochs", epochs, 0), ("examples", examples, 0),
                             ("batch", batch, 1)):
        if int(value) != value or value < low:
            raise ValueError(f"{name} must be a whole number >= {low}, got {value!r}")
    return int(epochs) * math.ceil(int(examples) / int(batch))


def check_steps(steps: int, limit: int) -> None:
    """Refuse a training of more than ``limit`` updates per network.

    Raises :class:`lib.problems.ProblemError` with one ``Problem("too_costly", value=steps,
    limit=limit)``; returns None when ``steps <= limit``.

    >>> check_steps(150_000, 300_000)
    >>> try:
    ...     check_steps(5_000_000, 300_000)
    ... except ProblemError as err:
    ...     print(err.problems[0].code, err.problems[0].value, err.problems[0].limit)
    too_costly 5000000.0 300000.0
    """
    if steps > limit:
        raise ProblemError([Problem("too_costly", value=float(steps), limit=float(limit))])


class Work(Protocol):
    """What a job does, in ``steps`` calls of :meth:`step`, then one of :meth:`finish`.

    Only the job's worker thread calls these, one at a time; a stopped job's work is kept and
    stepped again later (possibly by another worker thread, never by two at once)."""

    steps: int

    def step(self) -> Any:
        """One step; returns its record (immutable: readers share it)."""

    def finish(self) -> Any:
        """After the last step: the job's result, handed to ``on_done``."""


@dataclass(frozen=True)
class Status:
    """A job as it is now (an immutable snapshot).

    ``state`` is ``"queued"``, ``"running"``, ``"stopping"`` (its last watcher left; it stops
    after the step under way), ``"stopped"`` or ``"failed"``; ``place`` is its place in the
    queue (1 = next) while queued, else 0; ``records`` the steps done, ``steps`` how many make
    the whole job, ``seconds`` the time spent in steps; ``watchers`` who want it now;
    ``running`` and ``waiting`` count the queue's jobs; ``slots`` is how many run at once.
    """

    key: Hashable
    state: str
    place: int
    records: tuple
    steps: int
    seconds: float
    watchers: frozenset
    running: int
    waiting: int
    slots: int
    error: str | None = None

    @property
    def done(self) -> int:
        return len(self.records)

    @property
    def active(self) -> bool:
        return self.state in ACTIVE

    def left(self) -> float:
        """Seconds of steps still to go, at the mean pace so far (NaN before the first)."""
        return self.seconds / self.done * (self.steps - self.done) if self.done else math.nan


class _Job:
    def __init__(self, key: Hashable, make: Callable[[], Work], steps: int) -> None:
        self.key, self.make, self.steps = key, make, int(steps)
        self.work: Work | None = None
        self.state = "queued"
        self.records: tuple = ()
        self.seconds = 0.0
        self.watchers: set = set()
        self.error: str | None = None


class TrainingQueue:
    """Jobs shared by every session of a server: ``slots`` at once, ``max_waiting`` in line.

    ``on_done(key, result)`` is called in the worker thread with ``work.finish()``'s result
    before the job is forgotten. ``keep_stopped`` stopped or failed jobs are kept (newest).
    ``nice`` is added to each worker thread's scheduling niceness (Linux; ignored elsewhere or
    when refused); 0 leaves it alone.

    >>> class Count:                       # a job of three steps that records 1, 2, 3
    ...     steps = 3
    ...     def __init__(self): self.n = 0
    ...     def step(self):
    ...         self.n += 1
    ...         return self.n
    ...     def finish(self): return self.n * 10
    >>> published = {}
    >>> queue = TrainingQueue(slots=1, on_done=published.__setitem__, nice=0)
    >>> queue.request("a", "reader 1", Count, steps=3).state   # a free slot: at once
    'running'
    >>> queue.wait("a", timeout=10) is None     # finished and published: forgotten
    True
    >>> published
    {'a': 30}
    """

    def __init__(self, slots: int = 1, *, max_waiting: int = 32, keep_stopped: int = 8,
                 on_done: Callable[[Hashable, Any], None] | None = None, nice: int = 10) -> None:
        if int(slots) != slots or slots < 1:
            raise ValueError(f"slots must be a whole number >= 1, got {slots!r}")
        if int(max_waiting) != max_waiting or max_waiting < 0:
            raise ValueError(f"max_waiting must be a whole number >= 0, got {max_waiting!r}")
        self.slots, self.max_waiting = int(slots), int(max_waiting)
        self.keep_stopped, self.nice = int(keep_stopped), int(nice)
        self.on_done = on_done
        self._jobs: dict[Hashable, _Job] = {}
        self._queue: deque[_Job] = deque()
        self._running: set[_Job] = set()
        self._ended: OrderedDict[Hashable, None] = OrderedDict()  # stopped/failed, oldest first
        self._changed = threading.Condition(threading.Lock())

    # ---- What callers do ------------------------------------------------------------------
    def request(self, key: Hashable, who: Hashable, make: Callable[[], Work], *, steps: int,
                published: Callable[[], bool] | None = None) -> Status | None:
        """``who`` wants the job ``key``: join it if it is queued or running (a stopping job
        carries on), carry a stopped one on, or queue a new one whose work ``make()`` builds
        (in its worker thread) and which takes ``steps`` steps.

        ``published()``, called under the queue's lock when there is no job for ``key``, says
        whether its result is already published: then nothing is queued and None is returned.
        Raises :class:`lib.problems.ProblemError` (``queue_full``, ``value`` the jobs waiting,
        ``limit`` the maximum) when the job would have to wait and the line is full.
        """
        with self._changed:
            job = self._jobs.get(key)
            if job is not None and job.state in ACTIVE:
                job.watchers.add(who)
                if job.state == "stopping":
                    job.state = "running"
                return self._status(job)
            if job is None and published is not None and published():
                return None
            if len(self._running) >= self.slots and len(self._queue) >= self.max_waiting:
                raise ProblemError([Problem("queue_full", value=float(len(self._queue)),
                                            limit=float(self.max_waiting))])
            if job is None or job.state == "failed" or job.work is None:
                job = _Job(key, make, steps)
                self._jobs[key] = job
            self._ended.pop(key, None)
            job.state, job.error = "queued", None
            job.watchers = {who}
            self._queue.append(job)
            self._start_next()
            self._changed.notify_all()
            return self._status(job)

    def leave(self, key: Hashable, who: Hashable) -> Status | None:
        """``who`` no longer wants ``key``. The job goes on while anyone else wants it; else a
        queued job leaves the line (kept as stopped if it had done steps before) and a running
        one stops after its current step."""
        with self._changed:
            job = self._jobs.get(key)
            if job is None:
                return None
            job.watchers.discard(who)
            if job.watchers or job.state not in ACTIVE:
                return self._status(job)
            if job.state == "queued":
                self._queue.remove(job)
                if job.records:
                    self._end(job, "stopped")
                else:
                    del self._jobs[key]
                    self._changed.notify_all()
                    return None
            elif job.state == "running":
                job.state = "stopping"
            self._changed.notify_all()
            return self._status(job)

    def status(self, key: Hashable) -> Status | None:
        """The job ``key`` now, or None if there is none (never asked for, or finished)."""
        with self._changed:
            job = self._jobs.get(key)
            return None if job is None else self._status(job)

    def wait(self, key: Hashable, timeout: float | None = None,
             until: Callable[[Status | None], bool] | None = None) -> Status | None:
        """Block until ``until(status)`` holds (by default: the job is no longer queued or
        running), or ``timeout`` seconds pass; returns the status then."""
        until = until or (lambda s: s is None or not s.active)
        with self._changed:
            self._changed.wait_for(lambda: until(self._status_of(key)), timeout)
            return self._status_of(key)

    def load(self) -> tuple[int, int]:
        """(jobs running, jobs waiting) now."""
        with self._changed:
            return len(self._running), len(self._queue)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no job runs or waits (or ``timeout`` seconds pass); True if idle."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._running and not self._queue,
                                          timeout)

    # ---- Inside (called with the lock held) ---------------------------------------------------
    def _status_of(self, key: Hashable) -> Status | None:
        job = self._jobs.get(key)
        return None if job is None else self._status(job)

    def _status(self, job: _Job) -> Status:
        place = 0
        if job.state == "queued":
            place = next(i for i, j in enumerate(self._queue, 1) if j is job)
        return Status(job.key, job.state, place, job.records, job.steps, job.seconds,
                      frozenset(job.watchers), len(self._running), len(self._queue),
                      self.slots, job.error)

    def _start_next(self) -> None:
        while self._queue and len(self._running) < self.slots:
            job = self._queue.popleft()
            job.state = "running"
            self._running.add(job)
            threading.Thread(target=self._work, args=(job,), daemon=True,
                             name=f"training {job.key!r}"[:60]).start()

    def _end(self, job: _Job, state: str) -> None:
        job.state = state
        self._ended[job.key] = None
        self._ended.move_to_end(job.key)
        while len(self._ended) > self.keep_stopped:
            old, _ = self._ended.popitem(last=False)
            self._jobs.pop(old, None)

    def _release(self, job: _Job) -> None:
        self._running.discard(job)
        self._start_next()
        self._changed.notify_all()

    # ---- The worker thread ---------------------------------------------------------------
    def _lower_priority(self) -> None:
        if self.nice and hasattr(os, "setpriority"):
            try:
                tid = threading.get_native_id()  # on Linux a thread's own niceness
                os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid)
                               + self.nice)
            except OSError:
                pass

    def _work(self, job: _Job) -> None:
        self._lower_priority()
        try:
            if job.work is None:
                job.work = job.make()
            work = job.work
            while True:
                with self._changed:
                    if job.state == "stopping":
                        self._end(job, "stopped")
                        self._release(job)
                        return
                    if len(job.records) >= job.steps:
                        break
                start = time.perf_counter()
                record = work.step()
                spent = time.perf_counter() - start
                with self._changed:
                    job.records = (*job.records, record)
                    job.seconds += spent
                    self._changed.notify_all()
            result = work.finish()
            if self.on_done is not None:
                self.on_done(job.key, result)
            with self._changed:
                job.work = None
                if self._jobs.get(job.key) is job:
                    del self._jobs[job.key]
                job.state = "done"
                self._release(job)
        except BaseException as err:  # noqa: BLE001 - a failed job frees its slot
            log.exception("training %r failed", job.key)
            with self._changed:
                job.work, job.error = None, f"{type(err).__name__}: {err}"
                self._end(job, "failed")
                self._release(job)
