"""AppTest of the network page: tiny configurations on the bundled digits, MNIST only from
127.0.0.1 (a dead port, or a loopback server with files written here), two sessions sharing
results."""

import gzip
import hashlib
import http.server
import threading
from functools import partial

import numpy as np
import pandas as pd
import pytest
import streamlit as st
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from lib import charts as lib_charts
from lib import digits
from lib.network import gradient_summary
from tests.conftest import link_of, open_link, open_page, set_language, widget_key
from tests.test_digits import idx_bytes
from ui import network as nw

TINY = nw.Config("bundled", 15, 3.0, 0.5, 3, 10, "large", 7)


@pytest.fixture(autouse=True)
def offline(monkeypatch, tmp_path):
    # MNIST requests go to a port where nothing listens: no test ever reaches the internet.
    monkeypatch.setenv("BITS_TO_LOSSES_MNIST_MIRRORS", "http://127.0.0.1:9/")
    monkeypatch.setenv("BITS_TO_LOSSES_CACHE", str(tmp_path))
    nw._download.clear()  # one shared download per test
    yield
    nw._download.clear()


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


def finish_download(at):
    """Let the background download end, then rerun as the progress view's timer would."""
    assert nw.download().wait(15).state in ("done", "failed")
    at.run()
    assert not at.exception, at.exception
    return at


def button(at, label):
    return next(b for b in at.button if b.label == label)


def texts(at):
    return " ".join(m.value for m in at.markdown)


@pytest.fixture
def page():
    return tiny(open_page("pages/lessons/network.py"))


def test_first_visit_shows_the_lesson():
    """Default view: both starts trained on the bundled digits, the comparison, titled charts."""
    at = open_page("pages/lessons/network.py")
    assert not at.exception
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
    large, normal = nw.store().get(cfg), nw.store().get(cfg.other_start())
    lead = (large.rows["cross_entropy"][0]["test_accuracy"]
            - large.rows["quadratic"][0]["test_accuracy"]) * 100
    assert f"{lead:.1f} points ahead" in texts(at)
    assert lead > 20  # the lesson: from a saturating start cross-entropy leads after epoch 1
    assert normal.done == 30
    assert "This run bears it out" in texts(at)


def test_limit_one_is_computed_from_the_run(page):
    button(page, "Train both networks").click().run()
    run = page.session_state[nw.RUNS][TINY]
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
    button(page, "Train both networks").click().run()
    assert not page.exception
    values = {m.label: m.value for m in page.metric}
    assert set(values) == {"Quadratic cost: test accuracy", "Cross-entropy: test accuracy"}
    for value in values.values():
        assert value.endswith("%") and 50.0 < float(value[:-1]) <= 100.0
    assert len(page.get("vega_lite_chart")) == 4
    run = page.session_state[nw.RUNS][TINY]
    assert run.complete and run.done == 3 and run.trainers is None
    assert "are a different, easier task" in texts(page)


def test_other_start_comparison_table(page):
    button(page, "Train both networks").click().run()
    button(page, "Train the other start too (N(0, 1/n_in) weights)").click().run()
    assert page.session_state["network.init"] == "normal"
    table = page.table[0].value
    assert len(table) == 4
    assert set(table.index) == {"N(0, 1) weights, saturating", "N(0, 1/n_in) weights"}


def test_results_are_cached_for_the_next_visit(page):
    button(page, "Train both networks").click().run()
    before = [m.value for m in page.metric]
    again = tiny(open_page("pages/lessons/network.py"))
    assert [m.value for m in again.metric] == before  # no Train click: shared store


def _stop_after(monkeypatch, epochs):
    """Make the next training stop after ``epochs`` epochs per cost, as the Stop button does
    (Streamlit ends the script run at the loop's next progress update)."""
    real = nw.Trainer.run_epoch
    calls = []

    def run_epoch(self):
        if len(calls) >= 2 * epochs:
            st.stop()
        calls.append(1)
        return real(self)

    monkeypatch.setattr(nw.Trainer, "run_epoch", run_epoch)


def test_retrain_and_stop_never_changes_what_others_see(page, monkeypatch):
    """Issue 11: A trains, B sees it; A trains again and stops half way: A sees a stopped run,
    B and a newcomer C still see the finished run, unchanged."""
    cfg = replace_cfg(seed=11)
    set_settings(page, seed=11)
    a = page
    button(a, "Train both networks").click().run()
    published = nw.store().get(cfg)
    rows_before = {c: [dict(r) for r in published.rows[c]] for c in nw.COSTS}
    b = tiny(open_page("pages/lessons/network.py"))
    set_settings(b, seed=11)
    seen_by_b = [m.value for m in b.metric]
    assert not b.warning

    _stop_after(monkeypatch, 1)
    button(a, "Train both networks").click().run()
    monkeypatch.undo()
    a.run()
    assert "Stopped after 1 of 3 epochs" in a.warning[0].value
    assert a.session_state[nw.RUNS][cfg].done == 1

    b.run()
    c = tiny(open_page("pages/lessons/network.py"))
    set_settings(c, seed=11)
    for other in (b, c):
        assert not other.warning
        assert [m.value for m in other.metric] == seen_by_b
    assert nw.store().get(cfg) is published and published.done == 3
    assert {c_: [dict(r) for r in published.rows[c_]] for c_ in nw.COSTS} == rows_before
    # A carries on from where it stopped, and ends with the same finished run.
    button(a, "Train both networks").click().run()
    assert not a.warning and [m.value for m in a.metric] == seen_by_b


def replace_cfg(**changes):
    from dataclasses import replace
    return replace(TINY, **changes)


def test_stopped_run_is_shown_and_resumed(page):
    cfg = replace_cfg(seed=8)
    set_settings(page, seed=8)
    partial_run = nw.Run()
    for cost in nw.COSTS:
        partial_run.rows[cost] = [{"epoch": 1, "test_accuracy": 0.5, "train_cost": 1.0,
                                   "grad_norm_hidden": 0.1, "grad_norm_output": 0.2,
                                   "saturated_output": 0.1, "hidden_slope": 0.2}]
    page.session_state[nw.RUNS] = {cfg: partial_run}
    page.run()
    assert "Stopped after 1 of 3 epochs" in page.warning[0].value
    button(page, "Train both networks").click().run()
    assert not page.warning and page.session_state[nw.RUNS][cfg].done == 3


def test_mnist_unavailable_falls_back_to_bundled_digits(page):
    set_settings(page, source="mnist")
    assert not page.error  # nothing asked for yet
    button(page, "Train both networks").click().run()
    finish_download(page)
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
    run = page.session_state[nw.RUNS][replace_cfg(source="mnist")]
    assert run.complete
    assert "This page trains on the same 50,000 images" in texts(page)
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
    button(page, "训练两个网络").click().run()
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
    button(page, "Train both networks").click().run()
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
    button(page, "Train both networks").click().run()
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
    finish_download(a)  # A's training starts once the download is done
    assert a.session_state[nw.RUNS][replace_cfg(source="mnist")].complete
    b.run()
    assert [m.value for m in b.metric] == [m.value for m in a.metric]
    assert nw.download().status().attempts == 1 and len(hits) == 4  # one download in all


def _run(q, ce):
    """A finished run from per-cost lists of (accuracy, hidden grad, output grad, saturated)."""
    run = nw.Run(complete=True)
    for cost, rows in (("quadratic", q), ("cross_entropy", ce)):
        run.rows[cost] = [{"epoch": i + 1, "test_accuracy": acc, "train_cost": 1.0,
                           "grad_norm_hidden": gh, "grad_norm_output": go,
                           "saturated_output": sat, "hidden_slope": 0.1}
                          for i, (acc, gh, go, sat) in enumerate(rows)]
    return run


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
    wide = _run([(0.5, 1, 1, 0)] * 3, [(0.8, 1, 1, 0)] * 3)    # cross-entropy 30 points ahead
    narrow = _run([(0.7, 1, 1, 0)] * 3, [(0.8, 1, 1, 0)] * 3)  # 10 points ahead
    page.session_state[nw.RUNS] = {cfg: wide, cfg.other_start(): narrow}
    page.run()
    assert "This run bears it out" in texts(page)
    page.session_state[nw.RUNS] = {cfg: narrow, cfg.other_start(): wide}
    page.run()
    assert "This run does not bear it out" in texts(page)
    assert "This run bears it out" not in texts(page)


def test_results_section_is_built_once_per_finished_run_and_language(page, monkeypatch):
    """Issue 12: a rerun, a language switch back and a second visitor reuse the results view
    (charts as bytes, sentences); the charts carry exactly the data lib.charts makes."""
    button(page, "Train both networks").click().run()
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
    run = page.session_state[nw.RUNS][TINY]
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
    stopped = _run([(0.5, 1.0, 2.0, 0.2)], [(0.8, 3.0, 1.0, 0.4)])
    stopped.complete = False
    before = nw.results(TINY, *nw.records(stopped, TINY), "en")
    stopped.rows["quadratic"].append({**stopped.rows["quadratic"][0], "epoch": 2,
                                      "test_accuracy": 0.9})
    stopped.rows["cross_entropy"].append({**stopped.rows["cross_entropy"][0], "epoch": 2})
    after = nw.results(TINY, *nw.records(stopped, TINY), "en")
    assert before.metrics != after.metrics and after.metrics[0][1] == "90.00%"
    twin = _run([(0.5, 1.0, 2.0, 0.2), (0.9, 1.0, 2.0, 0.2)],
                [(0.8, 3.0, 1.0, 0.4), (0.8, 3.0, 1.0, 0.4)])
    twin.complete = False
    assert nw.results(TINY, *nw.records(twin, TINY), "en") is after
    other = _run([(0.6, 1.0, 2.0, 0.2)], [(0.8, 3.0, 1.0, 0.4)])
    assert nw.results(TINY, *nw.records(other, TINY), "en").metrics[0][1] == "60.00%"
