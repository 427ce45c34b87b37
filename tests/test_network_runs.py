"""lib.network_runs: the network page's configurations, the server's limits from the environment,
the cost bound, one reader's use of the shared trainings (ask, join, leave, stop) against a
real :class:`lib.training.TrainingQueue` on the bundled digits and what the reader is told of
them, a run's numbers as the results read them; lib.charts_network's key; the
MNIST location from the environment (lib.digits)."""

import threading
from functools import partial
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import digits, network_runs, training
from lib.cases import Case
from lib.charts_network import KEY_STROKES, color_legend
from lib.network import Comparison, FinishedRun, ResultStore, unpack_rows
from lib.network_runs import Config, Partial, Runs
from lib.problems import Problem

TINY = Config("bundled", 10, 3.0, 0.5, 2, 10, "large", 3)
LONG = 60


def test_config_and_key():
    assert TINY.eta("quadratic") == 3.0 and TINY.eta("cross_entropy") == 0.5
    assert TINY.other_start().init == "normal" and TINY.other_start().other_start() == TINY
    assert network_runs.key(TINY) == ("bundled", 10, 3.0, 0.5, 2, 10, "large", 3)
    assert hash(network_runs.key(TINY)) == hash(network_runs.key(Config(*network_runs.key(TINY))))


@given(st.text(max_size=8), st.integers(-5, 5))
def test_env_int(text, low):
    got = network_runs.env_int("X", 7, low, {"X": text})
    try:
        expected = max(low, int(text.strip())) if text.strip() else 7
    except ValueError:
        expected = 7
    assert got == expected


def test_limits_from_the_environment():
    assert network_runs.limits({}) == (1, 32, 300_000)
    assert network_runs.limits({"BITS_TO_LOSSES_TRAININGS": "0",
                                "BITS_TO_LOSSES_TRAINING_QUEUE": "-3",
                                "BITS_TO_LOSSES_MAX_STEPS": "abc"}) == (1, 0, 300_000)


@pytest.mark.parametrize("source, epochs, batch", [("bundled", 100, 1), ("mnist", 30, 10),
                                                   ("mnist", 100, 1), ("bundled", 3, 9)])
def test_steps_and_the_bound_against_a_count(source, epochs, batch):
    cfg = Config(source, 30, 3.0, 0.5, epochs, batch, "large", 1)
    images = {"bundled": 1_500, "mnist": 50_000}[source]
    count = epochs * -(-images // batch)  # ceil
    assert network_runs.steps(cfg) == count
    problem = network_runs.too_costly(cfg, network_runs.MAX_STEPS)
    assert (problem is None) == (count <= network_runs.MAX_STEPS)
    if problem is not None:
        assert (problem.code, problem.value, problem.limit) == ("too_costly", count, 300_000)


EPOCHS = threading.Semaphore(0)


class Held(Comparison):
    def step(self):
        assert EPOCHS.acquire(timeout=LONG)
        return super().step()


@pytest.fixture
def shared(monkeypatch):
    """A queue of one slot and its store; every epoch waits for ``EPOCHS.release()``."""
    monkeypatch.setattr(network_runs, "Comparison", Held)
    store = ResultStore()
    queue = training.TrainingQueue(1, max_waiting=1, on_done=partial(network_runs.publish, store),
                                   nice=0)
    yield queue, store
    EPOCHS.release(1000)
    assert queue.wait_idle(LONG)


def test_a_reader_asks_joins_leaves_and_finds(shared):
    queue, store = shared
    data = digits.bundled()
    a, b = Runs(queue, store, "a", set()), Runs(queue, store, "b", set())
    assert a.request(TINY, data, limit=300_000) is None
    assert b.request(TINY, data, limit=300_000) is None  # the same training, joined
    assert a.mine(TINY) and b.mine(TINY) and a.stoppable() and queue.load() == (1, 0)
    assert a.watched(TINY) == (network_runs.key(TINY),) and a.find(TINY) is None
    EPOCHS.release(1)
    queue.wait(network_runs.key(TINY), LONG, until=lambda s: s is not None and s.done >= 1)
    assert a.find(TINY).done == 1 and not a.find(TINY).complete
    a.stop()  # b still wants it: it goes on
    assert not a.mine(TINY) and not a.stoppable() and a.job(TINY).state == "running"
    b.follow(TINY.other_start())  # the other start is kept for the comparison
    assert b.mine(TINY)
    b.follow(TINY.other_start().other_start().other_start())  # == TINY's other start: kept
    b.follow(Config(**{**vars(TINY), "seed": 4}))  # another configuration shown: left
    assert not b.asked and a.job(TINY).state == "stopping"
    EPOCHS.release(1)
    assert queue.wait(network_runs.key(TINY), LONG).state == "stopped"
    assert a.find(TINY).done == 2 and a.published(TINY) is None
    assert a.request(TINY, data, limit=300_000) is None  # carries on to the end
    EPOCHS.release(1)
    assert queue.wait_idle(LONG)
    run = a.find(TINY)
    assert run is a.published(TINY) and run.complete and run.done == 2
    a.follow(TINY)
    assert not a.asked  # over: nothing to leave
    assert a.request(TINY, data, limit=300_000) is None and not a.asked  # published: nothing


def test_refusals_are_problems(shared):
    queue, store = shared
    data = digits.bundled()
    reader = Runs(queue, store, "r", set())
    assert reader.request(TINY, data, limit=10).code == "too_costly" and not reader.asked
    for seed in (1, 2):  # one running, one waiting: the line (of 1) is full
        assert reader.request(Config(**{**vars(TINY), "seed": seed}), data, 300_000) is None
    problem = reader.request(Config(**{**vars(TINY), "seed": 3}), data, 300_000)
    assert (problem.code, problem.value) == ("queue_full", 1)


def test_what_a_reader_is_told_of_the_trainings(shared):
    """The progress bar and the note beside it, from the queue's own snapshots: one reader's
    training running and another's other start waiting, then Stop."""
    queue, store = shared
    data = digits.bundled()
    a, b = Runs(queue, store, "a", set()), Runs(queue, store, "b", set())
    assert a.request(TINY, data, 300_000) is None
    assert b.request(TINY.other_start(), data, 300_000) is None  # waits: one slot
    queue.wait(network_runs.key(TINY), LONG, until=lambda s: s is not None and s.state == "running")
    mine, other = a.job(TINY), a.job(TINY.other_start())
    assert network_runs.progress(mine) == (0.0, Case("first_epoch"))
    assert network_runs.progress(other) == (0.0, Case("queue.place", {"place": 1, "slots": 1}))
    assert network_runs.training_note(TINY, mine, other, "a") is None  # its own: nothing to add
    assert network_runs.training_note(TINY, mine, other, "b") == Case("training.others")
    assert network_runs.training_note(TINY, None, other, "a") == Case(
        "training.other_start.queued", {"start": Case("init.normal"), "place": 1})
    EPOCHS.release(1)
    mine = queue.wait(network_runs.key(TINY), LONG, until=lambda s: s is not None and s.done >= 1)
    fraction, words = network_runs.progress(mine)
    assert fraction == 0.5 and words.name == "progress"
    assert words.numbers == {"epoch": 1, "epochs": 2, "left": f"{mine.left():.0f}"}
    a.stop()
    stopping = a.job(TINY)
    assert network_runs.progress(stopping) == (0.5, Case("stopping", {"epoch": 1, "epochs": 2}))
    assert network_runs.training_note(TINY.other_start(), None, stopping, "b") == Case(
        "training.other_start", {"start": Case("init.large"), "epoch": 1, "epochs": 2})
    b.stop()


def test_numbers_and_records_of_runs():
    row = dict.fromkeys(network_runs.FIELDS, 0.5) | {"epoch": 1, "test_accuracy": 0.75}
    rows = {c: (row, row) for c in network_runs.COSTS}
    stopped, finished = Partial(rows, 3, "stopped"), FinishedRun(rows, 2, 0.0)
    assert unpack_rows(network_runs.numbers(stopped), network_runs.COSTS,
                       network_runs.FIELDS) == {c: (row, row) for c in network_runs.COSTS}
    # The epochs both costs have (a training's snapshot may hold one cost's epoch already).
    uneven = Partial({"quadratic": (row, row), "cross_entropy": (row,)}, 3, "running")
    assert network_runs.numbers(uneven) == network_runs.numbers(
        Partial({c: (row,) for c in network_runs.COSTS}, 3, "running"))
    assert network_runs.records(finished, None) == (network_runs.numbers(finished), None)
    assert network_runs.records(finished, stopped)[1] is None  # the other start not finished
    assert network_runs.records(stopped, finished)[1] is None  # this one not finished
    assert network_runs.records(finished, finished)[1] == network_runs.numbers(finished)


def test_color_legend_escapes_and_strokes():
    html = color_legend({"<b>": "#111111", "two": "#222222"})
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert html.index(KEY_STROKES[0]) < html.index("&lt;b&gt;") < html.index(KEY_STROKES[1])
    assert html.count("white-space:nowrap") == 2


def test_mnist_location_from_the_environment(tmp_path):
    cache, mirrors, timeout = digits.mnist_location({}, home=tmp_path)
    assert cache == tmp_path / ".cache" / "from-bits-to-losses" / "mnist"
    assert mirrors == digits.MIRRORS and timeout == 60.0
    cache, mirrors, timeout = digits.mnist_location(
        {"BITS_TO_LOSSES_CACHE": "/x", "BITS_TO_LOSSES_MNIST_MIRRORS": "http://127.0.0.1:9/",
         "BITS_TO_LOSSES_MNIST_TIMEOUT": "2.5"})
    assert (cache, mirrors, timeout) == (Path("/x/mnist"), ("http://127.0.0.1:9/",), 2.5)


@pytest.mark.parametrize("done, total, seconds, numbers", [
    (0, 0, 0.0, {"done": "0.0", "total": "0.0", "seconds": "0"}),
    (5_500_000, 11_000_000, 2.6, {"done": "5.5", "total": "11.0", "seconds": "3"}),
    (11_594_722, 11_594_722, 61.4, {"done": "11.6", "total": "11.6", "seconds": "61"}),
])
def test_download_case_quotes_megabytes_and_seconds(done, total, seconds, numbers):
    status = digits.DownloadStatus("running", done, total, seconds)
    assert network_runs.download_case(status) == Case("download.progress", numbers)


def test_mnist_download_logs_a_failure_and_reports_its_reason(tmp_path, caplog):
    shared = digits.mnist_download(tmp_path, ("http://127.0.0.1:9/",), 2.0, failure_ttl=60)
    status = shared.start()
    status = shared.wait(30)
    assert status.state == "failed" and status.error.reason == "network"
    assert "MNIST unavailable (network)" in caplog.text


def test_a_refused_training_quotes_its_numbers():
    book = Config("mnist", 30, 3.0, 0.5, 100, 1, "large", 1)  # 100 epochs of 50,000 batches
    case = network_runs.refusal(network_runs.too_costly(book, 300_000), book)
    assert case == Case("too_costly", {"epochs": 100, "images": 50_000, "batch": "1",
                                       "per_epoch": 50_000, "steps": 5_000_000,
                                       "limit": 300_000})
    full = network_runs.refusal(Problem("queue_full", value=0.0), book)
    assert full == Case("queue_full", {"waiting": 0})


@pytest.mark.parametrize("reason, retry_in, name, minutes", [
    ("checksum", 180.0, "checksum", 3), ("filesystem", 20.0, "filesystem", 1),
    ("something new", 121.0, "unexpected", 3)])
def test_a_failed_download_names_its_reason_and_how_long_it_is_kept(reason, retry_in, name,
                                                                    minutes):
    status = digits.DownloadStatus("failed", error=digits.DigitsError("/srv/x: no", reason),
                                   retry_in=retry_in)
    cases = network_runs.download_failure(status, True, 12.5)
    assert cases == (Case(name, {"seconds": "12.5"}), Case("fallback"),
                     Case("remembered", {"minutes": minutes}))
    assert [c.name for c in network_runs.download_failure(status, False, 12.5)] == [
        name, "remembered"]
