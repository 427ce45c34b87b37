"""lib.training: the shared training queue (one thread per job, at most ``slots`` at once, a
line with places, stop and carry on, publish once) and the cost bound.

No sleeps and no wall-clock limits: each job's steps wait on a semaphore the test releases, and
the test waits for the state it expects (with a generous timeout that only a deadlock reaches).
"""

from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.problems import ProblemError
from lib.training import TrainingQueue, check_steps, sgd_steps

LONG = 30  # seconds: only reached if something deadlocks


class Gated:
    """A job of ``steps`` steps; each step waits for one permit of ``gate`` and records
    (its number, the thread that ran it). Counts the steps running at once across jobs."""

    running = 0
    most = 0
    lock = threading.Lock()

    def __init__(self, gate: threading.Semaphore, steps: int = 3, fail_at: int | None = None):
        self.gate, self.steps, self.fail_at = gate, steps, fail_at
        self.n = 0
        self.threads: list[int] = []

    def step(self):
        assert self.gate.acquire(timeout=LONG), "the test never released this step"
        with Gated.lock:
            Gated.running += 1
            Gated.most = max(Gated.most, Gated.running)
        try:
            self.n += 1
            self.threads.append(threading.get_ident())
            if self.n == self.fail_at:
                raise RuntimeError("boom")
            return (self.n, threading.get_ident())
        finally:
            with Gated.lock:
                Gated.running -= 1

    def finish(self):
        return self.n


@pytest.fixture
def published():
    return {}


@pytest.fixture
def queue(published):
    built = []

    def on_done(key, result):
        assert key not in published, "published twice"
        published[key] = result

    q = TrainingQueue(slots=1, max_waiting=2, keep_stopped=2, on_done=on_done, nice=0)
    q.built = built
    yield q
    assert q.wait_idle(LONG)


def maker(gate, works: list, **kwargs):
    """A ``make`` that builds a Gated work (and keeps it, to look inside afterwards)."""
    def make():
        work = Gated(gate, **kwargs)
        works.append(work)
        return work
    return make


def until_done(queue, key, n):
    return queue.wait(key, LONG, until=lambda s: s is not None and s.done >= n)


def test_one_job_runs_to_the_end_and_is_published_once(queue, published):
    gate, works = threading.Semaphore(0), []
    first = queue.request("a", "ann", maker(gate, works), steps=3)
    assert (first.state, first.done, first.steps, first.watchers) == ("running", 0, 3,
                                                                      frozenset({"ann"}))
    gate.release(3)
    assert queue.wait("a", LONG) is None  # published, then forgotten
    assert published == {"a": 3}
    assert len(works) == 1 and works[0].n == 3
    assert len(set(works[0].threads)) == 1  # built and stepped by one thread
    assert works[0].threads[0] != threading.get_ident()
    assert first.done == 0  # a snapshot never changes


def test_the_same_key_twice_is_one_job(queue):
    gate, works = threading.Semaphore(0), []
    queue.request("a", "ann", maker(gate, works), steps=2)
    again = queue.request("a", "ann", maker(gate, works), steps=2)   # a click delivered twice
    other = queue.request("a", "bob", maker(gate, works), steps=2)   # another visitor
    assert again.state == other.state == "running"
    assert other.watchers == {"ann", "bob"}
    assert queue.load() == (1, 0)
    gate.release(2)
    assert queue.wait("a", LONG) is None
    assert len(works) == 1


def test_at_most_slots_at_once_the_others_wait_in_order(queue, published):
    gate, works = threading.Semaphore(0), []
    a = queue.request("a", "ann", maker(gate, works, steps=1), steps=1)
    b = queue.request("b", "bob", maker(gate, works, steps=1), steps=1)
    c = queue.request("c", "cy", maker(gate, works, steps=1), steps=1)
    assert (a.state, a.place) == ("running", 0)
    assert (b.state, b.place, c.state, c.place) == ("queued", 1, "queued", 2)
    assert (c.running, c.waiting, c.slots) == (1, 2, 1)
    # The line is full (max_waiting=2): a fourth is refused, with the numbers to say so.
    with pytest.raises(ProblemError) as err:
        queue.request("d", "dee", maker(gate, works), steps=1)
    problem = err.value.problems[0]
    assert (problem.code, problem.value, problem.limit) == ("queue_full", 2.0, 2.0)
    # ...but joining a job already in line is always possible.
    assert queue.request("c", "dee", maker(gate, works), steps=1).place == 2
    gate.release(1)
    assert queue.wait("a", LONG) is None
    moved = queue.wait("b", LONG, until=lambda s: s is not None and s.state == "running")
    assert moved.state == "running" and queue.status("c").place == 1
    gate.release(2)
    assert queue.wait_idle(LONG)
    assert published == {"a": 1, "b": 1, "c": 1} and Gated.most == 1


def test_two_slots_run_two_jobs_at_once(published):
    gate, works = threading.Semaphore(0), []
    q = TrainingQueue(slots=2, on_done=published.__setitem__, nice=0)
    for key in "abc":
        q.request(key, "ann", maker(gate, works, steps=1), steps=1)
    assert q.load() == (2, 1)
    assert [q.status(k).state for k in "abc"] == ["running", "running", "queued"]
    gate.release(3)
    assert q.wait_idle(LONG) and published == {"a": 1, "b": 1, "c": 1}


def test_leaving_a_queued_job_takes_it_out_of_line(queue):
    gate, works = threading.Semaphore(0), []
    queue.request("a", "ann", maker(gate, works), steps=1)
    queue.request("b", "bob", maker(gate, works), steps=1)
    queue.request("c", "cy", maker(gate, works), steps=1)
    assert queue.leave("b", "bob") is None and queue.status("b") is None
    assert queue.status("c").place == 1
    gate.release(2)  # a's step, then c's
    assert queue.wait("c", LONG) is None  # c ran; b never did
    assert len(works) == 2


def test_stop_keeps_the_steps_and_carry_on_continues_the_same_work(queue, published):
    gate, works = threading.Semaphore(0), []
    queue.request("a", "ann", maker(gate, works, steps=4), steps=4)
    gate.release(1)
    assert until_done(queue, "a", 1).done == 1
    stopping = queue.leave("a", "ann")     # the worker is inside step 2 now
    assert stopping.state == "stopping" and stopping.watchers == frozenset()
    gate.release(1)                        # step 2 ends; the job stops before step 3
    stopped = queue.wait("a", LONG)
    assert (stopped.state, stopped.done) == ("stopped", 2)
    assert [r[0] for r in stopped.records] == [1, 2]
    assert queue.load() == (0, 0)
    # Train again: the same work goes on from step 3; nothing is built again.
    again = queue.request("a", "bob", maker(gate, works, steps=4), steps=4)
    assert again.state == "running" and again.done == 2
    gate.release(2)
    assert queue.wait("a", LONG) is None
    assert published == {"a": 4} and len(works) == 1


def test_a_stop_request_is_taken_back_by_a_new_request(queue, published):
    gate, works = threading.Semaphore(0), []
    queue.request("a", "ann", maker(gate, works, steps=2), steps=2)
    assert queue.leave("a", "ann").state == "stopping"
    assert queue.request("a", "ann", maker(gate, works), steps=2).state == "running"
    gate.release(2)
    assert queue.wait("a", LONG) is None and published == {"a": 2}


def test_one_visitor_leaving_does_not_stop_anothers_training(queue, published):
    gate, works = threading.Semaphore(0), []
    queue.request("a", "ann", maker(gate, works, steps=2), steps=2)
    queue.request("a", "bob", maker(gate, works, steps=2), steps=2)
    left = queue.leave("a", "ann")
    assert left.state == "running" and left.watchers == {"bob"}
    gate.release(2)
    assert queue.wait("a", LONG) is None and published == {"a": 2}


def test_a_published_result_is_not_trained_again(queue):
    gate, works = threading.Semaphore(0), []
    assert queue.request("a", "ann", maker(gate, works), steps=1,
                         published=lambda: True) is None
    assert queue.status("a") is None and works == [] and queue.load() == (0, 0)


def test_a_failed_job_frees_its_slot_and_is_built_anew(queue, published, caplog):
    gate, works = threading.Semaphore(0), []
    queue.request("a", "ann", maker(gate, works, steps=3, fail_at=2), steps=3)
    queue.request("b", "bob", maker(gate, works, steps=1), steps=1)
    gate.release(2)
    failed = queue.wait("a", LONG)
    assert failed.state == "failed" and failed.done == 1
    assert failed.error == "RuntimeError: boom"
    assert "training 'a' failed" in caplog.text
    gate.release(1)
    assert queue.wait("b", LONG) is None and published == {"b": 1}  # the slot was freed
    queue.request("a", "ann", maker(gate, works, steps=1), steps=1)  # a fresh start
    gate.release(1)
    assert queue.wait("a", LONG) is None and published["a"] == 1 and len(works) == 3


def test_only_the_newest_stopped_jobs_are_kept(queue):
    gate, works = threading.Semaphore(0), []
    for key in "abc":
        queue.request(key, "ann", maker(gate, works, steps=2), steps=2)
        gate.release(1)
        until_done(queue, key, 1)
        queue.leave(key, "ann")
        gate.release(1)
        assert queue.wait(key, LONG).state == "stopped"
    assert queue.status("a") is None  # keep_stopped=2: the oldest went
    assert queue.status("b").state == queue.status("c").state == "stopped"


def test_published_before_forgotten(published):
    """A reader who asks the queue first and the results second never misses a run."""
    seen = []
    q = TrainingQueue(slots=1, nice=0, on_done=lambda key, result: seen.append(
        q.status(key)))
    gate = threading.Semaphore(0)
    q.request("a", "ann", lambda: Gated(gate, steps=1), steps=1)
    gate.release(1)
    assert q.wait("a", LONG) is None
    assert seen[0] is not None and seen[0].done == 1  # still known while publishing


def test_bad_arguments():
    with pytest.raises(ValueError):
        TrainingQueue(slots=0)
    with pytest.raises(ValueError):
        TrainingQueue(max_waiting=-1)
    with pytest.raises(ValueError):
        sgd_steps(1, 10, 0)
    with pytest.raises(ValueError):
        sgd_steps(1.5, 10, 1)


@given(st.integers(0, 200), st.integers(0, 5_000), st.integers(1, 1_000))
def test_sgd_steps_counts_the_batches_of_every_epoch(epochs, examples, batch):
    one_epoch = len(range(0, examples, batch))  # the batches Trainer.sgd_epoch makes
    assert sgd_steps(epochs, examples, batch) == epochs * one_epoch


def test_the_page_bound_admits_the_book_and_refuses_the_costliest():
    check_steps(sgd_steps(30, 50_000, 10), 300_000)     # the book's MNIST run
    check_steps(sgd_steps(100, 1_500, 1), 300_000)      # any run on the bundled digits
    with pytest.raises(ProblemError) as err:
        check_steps(sgd_steps(100, 50_000, 1), 300_000)
    assert err.value.problems[0].code == "too_costly"
    assert err.value.problems[0].value == 5_000_000
