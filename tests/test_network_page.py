"""AppTest of the network page: tiny configurations on the bundled digits, MNIST only from
127.0.0.1 (a dead port, or a loopback server with files written here), two sessions sharing
results, and the server's training queue (issue 23): trainings run in worker threads, so a test
presses Train, waits until the queue is idle and looks again. A gate (a semaphore each epoch
waits for) holds a training where a test needs it: no sleeps."""

import gzip
import hashlib
import http.server
import threading
from functools import partial

import numpy as np
import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from lib import charts as lib_charts
from lib import digits
from lib.network import Comparison, FinishedRun, gradient_summary, train
from tests.conftest import link_of, open_link, open_page, set_language, widget_key
from tests.test_digits import idx_bytes
from ui import network as nw

TINY = nw.Config("bundled", 15, 3.0, 0.5, 3, 10, "large", 7)
LONG = 60  # seconds: only a deadlock reaches it


@pytest.fixture(autouse=True)
def offline(monkeypatch, tmp_path):
    # MNIST requests go to a port where nothing listens: no test ever reaches the internet.
    monkeypatch.setenv("BITS_TO_LOSSES_MNIST_MIRRORS", "http://127.0.0.1:9/")
    monkeypatch.setenv("BITS_TO_LOSSES_CACHE", str(tmp_path))
    global EPOCHS
    nw._download.clear()  # one shared download per test
    yield
    EPOCHS.release(10_000)  # let any held training end
    assert nw.trainings().wait_idle(LONG)
    nw._trainings.clear()  # a fresh queue per test: no stopped training carries over
    EPOCHS = threading.Semaphore(0)
    nw._download.clear()


#: Each epoch of a gated training waits for one permit of this (see ``gated``).
EPOCHS = threading.Semaphore(0)


class GatedComparison(Comparison):
    def step(self):
        assert EPOCHS.acquire(timeout=LONG), "the test never let this epoch run"
        return super().step()


@pytest.fixture
def gated(monkeypatch):
    """Trainings whose every epoch waits for ``EPOCHS.release()``."""
    monkeypatch.setattr(nw, "Comparison", GatedComparison)
    return EPOCHS


def set_settings(at, **values):
    """Set the page's settings as a reader would (through their widgets)."""
    for name, value in values.items():
        key = widget_key(at, f"network.{name}")
        if name in ("source", "init"):
            at.radio(key=key).set_value(value).run()
        elif name == "hidden":
            at.slider(key=key).set_value(value).run()
        else:
            at.number_input(key=key).set_value(value).run()
        assert not at.exception, at.exception
    return at


def tiny(at):
    return set_settings(at, epochs=TINY.epochs, hidden=TINY.hidden, seed=TINY.seed)


def settle(at):
    """Wait until the server's trainings have ended, then look again (as the page's timer
    would)."""
    assert nw.trainings().wait_idle(LONG)
    at.run()
    assert not at.exception, at.exception
    return at


def finish_download(at):
    """Let the background download end, then rerun as the progress view's timer would."""
    assert nw.download().wait(15).state in ("done", "failed")
    at.run()
    assert not at.exception, at.exception
    return at


def button(at, label):
    return next(b for b in at.button if b.label == label)


def press(at, label="Train both networks"):
    button(at, label).click().run()
    assert not at.exception, at.exception
    return at


def train_page(at):
    """Press Train and wait for the training to end."""
    return settle(press(at))


def texts(at):
    return " ".join(m.value for m in at.markdown)


def progress_texts(at):
    return [p.proto.text for p in at.get("progress")]


def wait_epochs(cfg, n):
    return nw.trainings().wait(nw.key(cfg), LONG, until=lambda s: s is not None and s.done >= n)


@pytest.fixture
def page():
    return settle(tiny(open_page("pages/lessons/network.py")))


def test_first_visit_shows_the_lesson():
    """Default view: both starts trained on the bundled digits, the comparison, titled charts."""
    at = settle(open_page("pages/lessons/network.py"))
    cfg = nw.Config("bundled", 30, 3.0, 0.5, 30, 10, "large", 1)
    assert at.session_state["network.init"] == "large"  # the book's N(0, 1) start
    table = at.table[0].value
    assert set(table.index) == {"N(0, 1) weights, saturating", "N(0, 1/n_in) weights"}
    assert len(table) == 4
    charts = at.get("vega_lite_chart")
    titles = [c.proto.spec for c in charts]
    assert len(charts) == 4
    for title in ("Test accuracy by epoch", "Training cost by epoch",
                  "Bias gradient norm by epoch", "Saturated test outputs by epoch"):
        assert sum(title in spec for spec in titles) == 1, title
    # The comparison is computed from the runs shown.
    large, normal = nw.published(cfg), nw.published(cfg.other_start())
    lead = (large.rows["cross_entropy"][0]["test_accuracy"]
            - large.rows["quadratic"][0]["test_accuracy"]) * 100
    assert f"{lead:.1f} points ahead" in texts(at)
    assert lead > 20  # the lesson: from a saturating start cross-entropy leads after epoch 1
    assert normal.done == 30
    assert "This run bears it out" in texts(at)


def test_limit_one_is_computed_from_the_run(page):
    train_page(page)
    run = nw.published(TINY)
    s = gradient_summary(pd.DataFrame(run.rows["quadratic"]),
                         pd.DataFrame(run.rows["cross_entropy"]))
    text = texts(page)
    assert (f"larger than the output layer's in {s['hidden_above']['cross_entropy']} of 3 "
            f"epochs with cross-entropy and in {s['hidden_above']['quadratic']} of 3") in text
    assert f"{s['hidden_ratio']:.1f} times as large" in text
    assert "sent back through the weights and multiplied by the hidden σ′(z)" in text
    assert r"\delta_h = (\delta_o W) \odot \sigma'(z_h)" in text
    assert "stays smaller under both costs" not in text


def test_train_shows_results_and_limits(page):
    train_page(page)
    values = {m.label: m.value for m in page.metric}
    assert set(values) == {"Quadratic cost: test accuracy", "Cross-entropy: test accuracy"}
    for value in values.values():
        assert value.endswith("%") and 50.0 < float(value[:-1]) <= 100.0
    assert len(page.get("vega_lite_chart")) == 4
    run = nw.published(TINY)
    assert isinstance(run, FinishedRun) and run.complete and run.done == 3
    assert nw.job(TINY) is None  # the training is over and forgotten: only its result stays
    assert "are a different, easier task" in texts(page)


def test_other_start_comparison_table(page):
    train_page(page)
    settle(press(page, "Train the other start too (N(0, 1/n_in) weights)"))
    assert page.session_state["network.init"] == "normal"
    table = page.table[0].value
    assert len(table) == 4
    assert set(table.index) == {"N(0, 1) weights, saturating", "N(0, 1/n_in) weights"}


def test_results_are_cached_for_the_next_visit(page):
    train_page(page)
    before = [m.value for m in page.metric]
    again = tiny(open_page("pages/lessons/network.py"))
    assert [m.value for m in again.metric] == before  # no Train click: shared store


def replace_cfg(**changes):
    from dataclasses import replace
    return replace(TINY, **changes)


def test_a_published_run_is_shown_not_retrained(page):
    """Issue 23: A trains; B opens the same settings and sees A's run at once; B and A pressing
    Train again train nothing: the published run is the same object, unchanged."""
    cfg = replace_cfg(seed=11)
    a = train_page(set_settings(page, seed=11))
    published = nw.published(cfg)
    rows_before = {c: [dict(r) for r in published.rows[c]] for c in nw.COSTS}
    b = set_settings(tiny(open_page("pages/lessons/network.py")), seed=11)
    seen_by_b = [m.value for m in b.metric]
    assert seen_by_b == [m.value for m in a.metric] and not b.warning
    for at in (b, a, b):
        press(at)
        assert nw.job(cfg) is None and nw.trainings().load() == (0, 0)  # nothing queued
        assert "already trained on this server" in at.info[0].value
        assert [m.value for m in at.metric] == seen_by_b
    assert nw.published(cfg) is published
    assert {c: [dict(r) for r in published.rows[c]] for c in nw.COSTS} == rows_before


def test_a_click_delivered_twice_starts_one_training(page, gated):
    """Train is off while this session's training goes on; a second click that reaches the
    server anyway (sent before the button was turned off) joins the same training."""
    cfg = replace_cfg(seed=21)
    set_settings(page, seed=21)
    press(page)
    first = nw.job(cfg)
    assert first.state == "running" and first.watchers == {page.session_state[nw.WHO]}
    assert button(page, "Train both networks").disabled
    assert not button(page, "Stop").disabled
    assert progress_texts(page) == ["Training the first epoch…"]
    page.session_state[nw.PENDING] = True  # the second click, as the server receives it
    page.run()
    assert not page.exception
    assert nw.trainings().load() == (1, 0) and nw.job(cfg).watchers == first.watchers
    gated.release(cfg.epochs)
    settle(page)
    assert nw.published(cfg).done == 3 and len(page.metric) == 2
    assert not button(page, "Train both networks").disabled and button(page, "Stop").disabled


def test_progress_and_the_accuracy_so_far(page, gated):
    cfg = replace_cfg(seed=22)
    set_settings(page, seed=22)
    press(page)
    gated.release(1)
    wait_epochs(cfg, 1)
    page.run()
    assert progress_texts(page)[0].startswith("Epoch 1 of 3 · about ")
    charts = page.get("vega_lite_chart")
    assert len(charts) == 1 and "Test accuracy so far" in charts[0].proto.spec
    row = nw.job(cfg).records[0]
    assert page.caption[1].value == (  # the chart in words
        f"After epoch 1: test accuracy {nw.pct(row['quadratic']['test_accuracy'] * 100)} with "
        f"the quadratic cost, {nw.pct(row['cross_entropy']['test_accuracy'] * 100)} with "
        "cross-entropy.")
    assert not page.metric and not page.info  # the results come when it is done
    set_language(page, "zh")
    assert progress_texts(page)[0].startswith("第 1/3 轮 · 约剩 ")


def expected_final(cfg):
    """Each cost's final test accuracy from lib.network.train, uninterrupted."""
    data = nw.bundled()
    return {c: float(train(data.X_train, data.y_train, data.X_test, data.y_test, cost=c,
                           sizes=(64, cfg.hidden, 10), eta=cfg.eta(c), epochs=cfg.epochs,
                           batch_size=cfg.batch, seed=cfg.seed,
                           init=cfg.init)["test_accuracy"].iloc[-1]) for c in nw.COSTS}


def test_stop_keeps_the_epochs_and_train_carries_on(page, gated):
    cfg = replace_cfg(seed=23)
    set_settings(page, seed=23)
    press(page)
    gated.release(1)
    wait_epochs(cfg, 1)
    press(page, "Stop")  # the worker is inside epoch 2: it stops when that epoch ends
    assert nw.job(cfg).state == "stopping"
    assert progress_texts(page) == ["Stopping after this epoch (1 of 3 done)…"]
    gated.release(1)
    assert nw.trainings().wait(nw.key(cfg), LONG).state == "stopped"
    page.run()
    assert "Stopped after 2 of 3 epochs" in page.warning[0].value
    assert len(page.metric) == 2  # what was trained is shown
    assert button(page, "Stop").disabled and not button(page, "Train both networks").disabled
    press(page)  # carries on from epoch 3 with the same networks
    assert nw.job(cfg).done == 2
    gated.release(1)
    settle(page)
    assert not page.warning
    run = nw.published(cfg)
    assert {c: run.rows[c][-1]["test_accuracy"] for c in nw.COSTS} == expected_final(cfg)


def test_another_visitors_stop_does_not_stop_mine(page, gated):
    cfg = replace_cfg(seed=24)
    a = press(set_settings(page, seed=24))
    b = press(set_settings(tiny(open_page("pages/lessons/network.py")), seed=24))
    assert len(nw.job(cfg).watchers) == 2 and nw.trainings().load() == (1, 0)
    press(a, "Stop")
    assert nw.job(cfg).state == "running"  # B still wants it
    assert "Another visitor asked for these settings too" in a.caption[1].value
    assert not button(a, "Train both networks").disabled  # A may join again
    gated.release(cfg.epochs)
    for at in (a, b):
        settle(at)
        assert len(at.metric) == 2 and not at.warning


def test_changing_a_setting_leaves_the_training(page, gated):
    cfg = replace_cfg(seed=25)
    set_settings(page, seed=25)
    press(page)
    set_settings(page, seed=26)
    assert nw.job(cfg).state == "stopping"
    assert "Nothing trained with these settings yet" in page.info[0].value
    gated.release(1)
    assert nw.trainings().wait(nw.key(cfg), LONG).state == "stopped"


BUSY = replace_cfg(seed=9_999, epochs=1)


class Busy:
    """Another visitor's training (of ``BUSY``), holding the queue's only slot until
    ``release`` is set."""

    steps = 1

    def __init__(self, release):
        self.release = release

    def step(self):
        assert self.release.wait(LONG)
        return None

    def finish(self):
        return _rows([(0.5, 1, 1, 0)], [(0.5, 1, 1, 0)]), {}


def hold_the_slot(release):
    nw.trainings().request(nw.key(BUSY), "someone else", partial(Busy, release), steps=1)


@pytest.fixture
def busy():
    """The server's only training slot taken by another visitor's training."""
    release = threading.Event()
    hold_the_slot(release)
    yield release
    release.set()


def test_the_queue_shows_each_readers_place(page, busy):
    cfg = replace_cfg(seed=27)
    set_settings(page, seed=27)
    press(page)
    assert nw.job(cfg).state == "queued"
    assert page.info[0].value == (
        "Waiting for the server: number 1 in line. This server runs at most 1 at a time for "
        "all its visitors; yours starts when those ahead of it are done.")
    assert button(page, "Train both networks").disabled and not button(page, "Stop").disabled
    other = set_settings(tiny(open_page("pages/lessons/network.py")), seed=28)
    press(set_language(other, "zh"), "训练两个网络")
    assert other.info[0].value.startswith("等待服务器：排在第 2 位。")
    busy.set()
    settle(page)
    assert len(page.metric) == 2


def test_a_full_line_refuses_with_a_message(page, busy, monkeypatch):
    monkeypatch.setenv("BITS_TO_LOSSES_TRAINING_QUEUE", "0")
    hold_the_slot(busy)  # in the new queue
    set_settings(page, seed=29)
    press(page)
    assert nw.job(replace_cfg(seed=29)) is None
    assert "The server's training line is full (0 waiting)" in page.warning[0].value
    busy.set()


@pytest.mark.parametrize("lang, words", [
    ("en", ["would take 5,000,000 mini-batch updates per network: 100 epochs of 50,000 "
            "mini-batches (50,000 training images, 1 per mini-batch)",
            "This server trains at most 300,000 per network (the book's MNIST run takes "
            "150,000)"]),
    ("zh", ["每个网络需要 5,000,000 次小批量更新：100 轮，每轮 50,000 个小批量",
            "本服务器每个网络最多训练 300,000 次"]),
])
def test_the_costliest_settings_are_refused_with_a_message(lang, words):
    at = open_link("pages/lessons/network.py", {"source": "mnist", "batch": "1",
                                                "epochs": "100", "hidden": "100",
                                                "lang": lang})
    assert not at.exception
    message = at.warning[0].value
    for w in words:
        assert w in message, message
    train_button = next(b for b in at.button if b.label in ("Train both networks", "训练两个网络"))
    assert train_button.disabled
    assert not at.info  # not "press Train": the warning says why it is off
    assert nw.download().status().attempts == 0  # nothing downloaded for a refused training


def test_the_book_and_every_bundled_run_fit_the_bound(page):
    button(page, "Book configuration: MNIST, 30 epochs").click().run()
    assert not page.warning and not button(page, "Train both networks").disabled
    costly = open_link("pages/lessons/network.py", {"batch": "1", "epochs": "100",
                                                    "hidden": "100"})
    assert not costly.warning and not button(costly, "Train both networks").disabled


def test_the_bound_and_the_slots_come_from_the_environment(monkeypatch):
    assert nw.limits() == (1, 32, 300_000)
    monkeypatch.setenv("BITS_TO_LOSSES_MAX_STEPS", "400")
    monkeypatch.setenv("BITS_TO_LOSSES_TRAININGS", "2")
    monkeypatch.setenv("BITS_TO_LOSSES_TRAINING_QUEUE", "abc")  # unreadable: the default
    assert nw.limits() == (2, 32, 400)
    assert nw.trainings().slots == 2
    assert nw.cost_text(replace_cfg(epochs=2)) is None  # 2 epochs × 150 mini-batches = 300
    message = nw.cost_text(TINY)  # 3 × 150 = 450
    assert "would take 450 mini-batch updates per network: 3 epochs of 150" in message
    assert "at most 400 per network" in message
    assert "3 epochs of 167 mini-batches" in nw.cost_text(replace_cfg(batch=9))  # ⌈1,500 ÷ 9⌉
    monkeypatch.setenv("BITS_TO_LOSSES_TRAININGS", "0")  # at least one
    assert nw.limits()[0] == 1


def test_a_failed_training_says_so_and_can_be_tried_again(page, monkeypatch):
    def broken(self):
        raise RuntimeError("out of memory")

    set_settings(page, seed=31)
    monkeypatch.setattr(GatedComparison, "step", broken)
    monkeypatch.setattr(nw, "Comparison", GatedComparison)
    settle(press(page))
    assert "This training failed on the server" in page.error[0].value
    assert "out of memory" not in page.error[0].value
    assert not button(page, "Train both networks").disabled
    monkeypatch.undo()
    train_page(page)
    assert not page.error and len(page.metric) == 2


def test_published_runs_carry_their_outputs(page):
    """The calibration page's contract: each cost's final z and labels, read-only, and the
    final accuracy is the share of argmax(z) that is right."""
    train_page(page)
    run = nw.published(TINY)
    assert set(run.outputs) == set(nw.COSTS)
    for cost, out in run.outputs.items():
        assert out.valid_z is None and out.valid_y is None  # the bundled digits: no validation
        assert out.test_z.shape == (297, 10) and not out.test_z.flags.writeable
        assert not out.test_y.flags.writeable
        np.testing.assert_array_equal(out.test_y, nw.bundled().y_test)
        accuracy = np.mean(np.argmax(out.test_z, axis=1) == out.test_y)
        assert accuracy == run.rows[cost][-1]["test_accuracy"]
    with pytest.raises(TypeError):
        run.outputs["quadratic"] = None


def test_mnist_unavailable_falls_back_to_bundled_digits(page):
    set_settings(page, source="mnist")
    assert not page.error  # nothing asked for yet
    button(page, "Train both networks").click().run()
    settle(finish_download(page))
    message = page.error[0].value
    assert "no mirror could be reached" in message
    assert "Shown instead: the bundled 8×8 digits" in message
    assert "127.0.0.1" not in message and "/" not in message.replace("n_in", "")
    assert len(page.metric) == 2
    # The failure is remembered: the next Train does not wait for the network again.
    shared = nw.download()
    assert shared.status().attempts == 1
    button(page, "Train both networks").click().run()
    assert shared.status().attempts == 1 and "remembered for about 3 min" in page.error[0].value
    # "Try again" tries at once.
    button(page, "Try the download again").click().run()
    finish_download(page)
    assert shared.status().attempts == 2 and page.error


@pytest.mark.parametrize("reason, words", [
    ("filesystem", "cache folder cannot be written"),
    ("timeout", "the mirrors were too slow (each file has 60 seconds)"),
    ("too_big", "far more than the published file size"),
    ("checksum", "did not match their published checksums"),
])
def test_each_failure_has_its_message_without_paths(page, monkeypatch, reason, words):
    def failing(cache, **kwargs):
        raise digits.DigitsError(f"cannot use {cache}/secret/path", reason)

    monkeypatch.setattr(digits, "mnist", failing)
    set_settings(page, source="mnist")
    button(page, "Train both networks").click().run()
    finish_download(page)
    message = page.error[0].value
    assert words in message and "secret" not in message


GATE = threading.Event()  # the loopback mirror answers only once this is set


@pytest.fixture
def loopback_mnist(tmp_path, monkeypatch):
    """A small MNIST-shaped set served from 127.0.0.1, standing in for the real files; each
    answer waits for ``GATE``."""
    GATE.set()
    rng = np.random.default_rng(0)
    served = tmp_path / "served"
    served.mkdir()
    files = {}
    arrays = [rng.integers(0, 256, (60, 28, 28), dtype=np.uint8),
              rng.integers(0, 10, 60).astype(np.uint8),
              rng.integers(0, 256, (20, 28, 28), dtype=np.uint8),
              rng.integers(0, 10, 20).astype(np.uint8)]
    for name, array in zip(digits.MNIST_FILES, arrays):
        data = gzip.compress(idx_bytes(array))
        (served / name).write_bytes(data)
        files[name] = digits.Published(hashlib.sha256(data).hexdigest(), len(data))

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            GATE.wait(30)
            super().do_GET()

    hits = []

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             partial(Quiet, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("BITS_TO_LOSSES_MNIST_MIRRORS",
                       f"http://127.0.0.1:{server.server_address[1]}/")
    real = digits.mnist
    monkeypatch.setattr(digits, "mnist", lambda cache, **kw: real(
        cache, **{**kw, "files": files, "validation": 10}))
    nw._download.clear()
    yield files, hits
    GATE.set()
    server.shutdown()
    server.server_close()


def test_mnist_from_a_loopback_mirror(page, loopback_mnist):
    set_settings(page, source="mnist")
    button(page, "Train both networks").click().run()
    finish_download(page)
    assert not page.error
    status = nw.download().status()
    total = sum(p.size for p in loopback_mnist[0].values())
    assert (status.state, status.done_bytes, status.total_bytes) == ("done", total, total)
    assert nw.download_text(status).startswith(f"MNIST: {total / 1e6:.1f} of {total / 1e6:.1f} MB")
    settle(page)
    run = nw.published(replace_cfg(source="mnist"))
    assert run.complete
    assert "This page trains on the same 50,000 images" in texts(page)
    # The validation split's outputs come too (10 held-out images here, 20 test images).
    for out in run.outputs.values():
        assert out.valid_z.shape == (10, 10) and out.test_z.shape == (20, 10)
        assert not out.valid_z.flags.writeable and not out.valid_y.flags.writeable
    assert "Unlike the book here: 15 hidden neurons" in texts(page)


def test_book_preset_sets_every_setting(page):
    set_settings(page, init="normal", batch=3, seed=99)
    button(page, "Book configuration: MNIST, 30 epochs").click().run()
    values = {name: page.session_state[f"network.{name}"] for name in (
        "source", "hidden", "epochs", "batch", "init", "eta_quadratic", "eta_cross_entropy",
        "seed")}
    assert values == {"source": "mnist", "hidden": 30, "epochs": 30, "batch": 10,
                      "init": "large", "eta_quadratic": 3.0, "eta_cross_entropy": 0.5, "seed": 1}
    # The same preset pressed first or after the other gives the same settings.
    fresh = open_page("pages/lessons/network.py")
    button(fresh, "Book configuration: MNIST, 30 epochs").click().run()
    assert {n: fresh.session_state[f"network.{n}"] for n in values} == values
    assert link_of(page) == {"preset": "book"}


def test_book_note_names_each_difference():
    note = nw.book_note(nw.Config("mnist", 40, 2.0, 0.5, 10, 20, "normal", 1))
    for words in ("40 hidden neurons (the book reports 30 and 100)",
                  "N(0, 1/n_in) weights (the book: N(0, 1) weights)",
                  "Quadratic cost: η 2 (the book: 3)", "mini-batches of 20 (the book: 10)",
                  "10 epochs (the book: 30)", "best of three runs"):
        assert words in note, words
    same = nw.book_note(nw.Config("mnist", 30, 3.0, 0.5, 30, 10, "large", 5))
    assert "Unlike the book" not in same and "95.42%" in same and "95.49%" in same
    hundred = nw.book_note(nw.Config("mnist", 100, 3.0, 0.5, 30, 10, "large", 5))
    assert "96.59%" in hundred and "96.82%" in hundred and "best of three" not in hundred


def test_chinese(page):
    set_language(page, "zh")
    settle(press(page, "训练两个网络"))
    assert page.title[0].value == "手写数字网络"
    assert {m.label for m in page.metric} == {"二次代价：测试准确率", "交叉熵：测试准确率"}
    text = texts(page)
    assert "隐藏层的梯度在交叉熵下有" in text and "学习减速" not in text


ALL = {"init": "normal", "hidden": 20, "epochs": 2, "eta_quadratic": 2.5,
       "eta_cross_entropy": 0.4, "batch": 20, "seed": 9}


def settings_of(at):
    return {name: at.session_state[f"network.{name}"] for name in ALL}


def test_every_setting_survives_language_units_and_other_pages(page):
    set_settings(page, **ALL)
    train_page(page)
    metrics = [m.value for m in page.metric]
    assert settings_of(page) == ALL and len(metrics) == 2
    set_language(page, "zh")
    assert settings_of(page) == ALL and [m.value for m in page.metric] == metrics
    from tests.conftest import set_units
    set_units(page, "nats")
    assert settings_of(page) == ALL and [m.value for m in page.metric] == metrics
    page.switch_page("pages/lessons/explorer.py").run()
    page.switch_page("pages/lessons/network.py").run()
    assert not page.exception
    assert settings_of(page) == ALL and [m.value for m in page.metric] == metrics
    # The widgets show the truth after the round trip.
    assert page.slider(key=widget_key(page, "network.hidden")).value == 20
    assert page.radio(key=widget_key(page, "network.init")).value == "normal"


def test_state_to_link_to_fresh_session(page):
    set_settings(page, **ALL)
    train_page(page)
    metrics = [m.value for m in page.metric]
    link = link_of(page)
    assert link == {"init": "normal", "hidden": "20", "epochs": "2", "eta_quadratic": "2.5",
                    "eta_cross_entropy": "0.4", "batch": "20", "seed": "9"}
    fresh = open_link("pages/lessons/network.py", link)
    assert not fresh.exception
    assert settings_of(fresh) == ALL
    assert [m.value for m in fresh.metric] == metrics  # the finished run, shared


def test_a_hostile_link_keeps_the_defaults_and_says_so():
    fresh = open_link("pages/lessons/network.py", {"epochs": "1e9", "init": "<b>x</b>",
                                           "seed": "abc"})
    assert not fresh.exception
    assert fresh.session_state["network.epochs"] == 30
    assert fresh.session_state["network.init"] == "large"
    assert fresh.session_state["network.seed"] == 1


def test_reset_restores_every_default(page):
    set_settings(page, **ALL)
    button(page, "Reset this page").click().run()
    assert settings_of(page) == {"init": "large", "hidden": 30, "epochs": 30,
                                 "eta_quadratic": 3.0, "eta_cross_entropy": 0.5, "batch": 10,
                                 "seed": 1}
    assert page.session_state["network.source"] == "bundled"


def test_each_preset_alone_equals_after_the_other(page):
    presets = {"quick": "Quick: bundled 8×8 digits", "book": "Book configuration: MNIST, 30 epochs"}
    alone = {}
    for name, label in presets.items():
        at = open_page("pages/lessons/network.py")
        button(at, label).click().run()
        alone[name] = {**settings_of(at), "source": at.session_state["network.source"]}
    for first, second in (("quick", "book"), ("book", "quick")):
        set_settings(page, **ALL)
        button(page, presets[first]).click().run()
        button(page, presets[second]).click().run()
        assert {**settings_of(page), "source": page.session_state["network.source"]} == \
            alone[second]


def test_others_watch_the_one_download_then_see_the_result(page, loopback_mnist):
    """Issue 11: A asks for MNIST; B, choosing MNIST meanwhile, is shown the same download's
    progress instead of starting another; A's training then reaches B through the store."""
    _, hits = loopback_mnist
    GATE.clear()  # the download stays under way until both sessions have looked
    a = page
    set_settings(a, source="mnist")
    button(a, "Train both networks").click().run()
    b = tiny(open_page("pages/lessons/network.py"))
    set_settings(b, source="mnist")
    for at in (a, b):
        assert "One download serves every visitor" in " ".join(c.value for c in at.caption)
    assert nw.download().status().state == "running"
    GATE.set()
    settle(finish_download(a))  # A's training starts once the download is done
    assert nw.published(replace_cfg(source="mnist")).complete
    b.run()
    assert [m.value for m in b.metric] == [m.value for m in a.metric]
    assert nw.download().status().attempts == 1 and len(hits) == 4  # one download in all


def test_stop_while_mnist_arrives_cancels_the_training(page, loopback_mnist):
    GATE.clear()  # the download stays under way until the test lets it end
    set_settings(page, source="mnist", seed=41)
    press(page)
    assert nw.download().status().state == "running"
    assert not button(page, "Stop").disabled  # a training is asked for: it can be called off
    press(page, "Stop")
    assert button(page, "Stop").disabled
    GATE.set()
    settle(finish_download(page))
    assert nw.job(replace_cfg(source="mnist", seed=41)) is None  # downloaded; nothing trained
    assert "Nothing trained with these settings yet" in page.info[0].value


def _rows(q, ce):
    """Rows per cost from per-cost lists of (accuracy, hidden grad, output grad, saturated)."""
    return {cost: [{"epoch": i + 1, "test_accuracy": acc, "train_cost": 1.0,
                    "grad_norm_hidden": gh, "grad_norm_output": go, "saturated_output": sat,
                    "hidden_slope": 0.1} for i, (acc, gh, go, sat) in enumerate(rows)]
            for cost, rows in (("quadratic", q), ("cross_entropy", ce))}


def _run(q, ce):
    """A finished run (as the store keeps it) from :func:`_rows`' lists."""
    rows = _rows(q, ce)
    return FinishedRun({c: tuple(r) for c, r in rows.items()}, len(q), 0.0)


def _stopped(q, ce):
    """A run stopped after its rows (as a reader sees one)."""
    rows = _rows(q, ce)
    return nw.Partial({c: tuple(r) for c, r in rows.items()}, 3, "stopped")


def test_run_sentences_follow_the_numbers():
    """Every sentence describing a run changes when the run's outcome reverses."""
    a = _run([(0.5, 1.0, 2.0, 0.2), (0.9, 1.0, 2.0, 0.3)],
             [(0.8, 3.0, 1.0, 0.4), (0.95, 3.0, 1.0, 0.6)])
    b = _run([(0.8, 3.0, 1.0, 0.4), (0.95, 3.0, 1.0, 0.6)],
             [(0.5, 1.0, 2.0, 0.2), (0.9, 1.0, 2.0, 0.3)])
    text_a, text_b = nw.limit1_text(a), nw.limit1_text(b)
    assert "in 2 of 2 epochs with cross-entropy and in 0 of 2" in text_a
    assert "3.0 times as large" in text_a
    assert "in 0 of 2 epochs with cross-entropy and in 2 of 2" in text_b
    assert "smaller than the quadratic cost did: 0.33 times as large" in text_b
    assert "60.0% of the outputs were saturated with cross-entropy against 30.0%" in \
        nw.limit3_text(a)
    assert "drives confident outputs" not in nw.limit3_text(b)
    assert nw.lead_text(a, "first") == "30.0 points ahead of the quadratic cost"
    assert nw.lead_text(b, "first") == "30.0 points behind the quadratic cost"
    level = _run([(0.5, 1, 1, 0)], [(0.5, 1, 1, 0)])
    assert nw.lead_text(level, "final") == "level with the quadratic cost"


def test_start_verdict_follows_the_runs(page):
    cfg = replace_cfg(seed=12)
    set_settings(page, seed=12)
    wide = _rows([(0.5, 1, 1, 0)] * 3, [(0.8, 1, 1, 0)] * 3)    # cross-entropy 30 points ahead
    narrow = _rows([(0.7, 1, 1, 0)] * 3, [(0.8, 1, 1, 0)] * 3)  # 10 points ahead
    nw.store().publish(nw.key(cfg), wide, epochs=3)
    nw.store().publish(nw.key(cfg.other_start()), narrow, epochs=3)
    page.run()
    assert "This run bears it out" in texts(page)
    cfg = replace_cfg(seed=13)
    nw.store().publish(nw.key(cfg), narrow, epochs=3)
    nw.store().publish(nw.key(cfg.other_start()), wide, epochs=3)
    set_settings(page, seed=13)
    assert "This run does not bear it out" in texts(page)
    assert "This run bears it out" not in texts(page)


def test_results_section_is_built_once_per_finished_run_and_language(page, monkeypatch):
    """Issue 12: a rerun, a language switch back and a second visitor reuse the results view
    (charts as bytes, sentences); the charts carry exactly the data lib.charts makes."""
    train_page(page)
    built = []
    original = nw.book_note  # called once per build of the results
    monkeypatch.setattr(nw, "book_note", lambda cfg: built.append(cfg) or original(cfg))
    nw.results.clear()  # (equal runs of other tests share the entries)
    page.run()
    assert built == [TINY] and not page.exception
    page.run()
    assert built == [TINY]  # a rerun: from the cache
    set_language(page, "zh")
    set_language(page, "en")
    assert built == [TINY, TINY]  # the Chinese view once; English again from the cache
    run = nw.published(TINY)
    frame = nw.frame(run)
    chart = page.get("vega_lite_chart")[0]
    lines = convert_arrow_bytes_to_pandas_df(
        next(d.data.data for d in chart.proto.datasets if d.name == "lines"))
    expected = lib_charts.training_chart_data(frame, "test_accuracy_pct", run.done)["lines"]
    pd.testing.assert_frame_equal(lines, expected)


def test_results_follow_the_runs_numbers():
    """The results are cached by the runs' numbers: a stopped run that goes on (Train resumes
    it) shows its new epochs, another run with the same numbers shares the entry, and a run
    with other numbers never gets another run's results."""
    stopped = _stopped([(0.5, 1.0, 2.0, 0.2)], [(0.8, 3.0, 1.0, 0.4)])
    before = nw.results(TINY, *nw.records(stopped, TINY), "en")
    further = _stopped([(0.5, 1.0, 2.0, 0.2), (0.9, 1.0, 2.0, 0.2)],
                       [(0.8, 3.0, 1.0, 0.4), (0.8, 3.0, 1.0, 0.4)])
    after = nw.results(TINY, *nw.records(further, TINY), "en")
    assert before.metrics != after.metrics and after.metrics[0][1] == "90.00%"
    twin = _stopped([(0.5, 1.0, 2.0, 0.2), (0.9, 1.0, 2.0, 0.2)],
                    [(0.8, 3.0, 1.0, 0.4), (0.8, 3.0, 1.0, 0.4)])
    assert nw.results(TINY, *nw.records(twin, TINY), "en") is after
    other = _stopped([(0.6, 1.0, 2.0, 0.2)], [(0.8, 3.0, 1.0, 0.4)])
    assert nw.results(TINY, *nw.records(other, TINY), "en").metrics[0][1] == "60.00%"
