"""AppTest of the network page with tiny configurations (bundled digits, a few epochs)."""

import pytest

from tests.conftest import open_page, set_language
from ui.network import COSTS, Config, Run


@pytest.fixture
def page(monkeypatch, tmp_path):
    # MNIST requests go to a port where nothing listens: no test ever reaches the internet.
    monkeypatch.setenv("BITS_TO_LOSSES_MNIST_MIRRORS", "http://127.0.0.1:9/")
    monkeypatch.setenv("BITS_TO_LOSSES_CACHE", str(tmp_path))
    at = open_page("pages/network.py")
    at.number_input(key="nw_epochs").set_value(3).run()
    at.slider(key="nw_hidden").set_value(15).run()
    at.number_input(key="nw_seed").set_value(7).run()
    return at


def button(at, label):
    return next(b for b in at.button if b.label == label)


def test_nothing_trained_yet(page):
    assert "Nothing trained with these settings yet" in page.info[0].value
    assert not page.metric


def test_train_shows_results_and_limits(page):
    button(page, "Train both networks").click().run()
    assert not page.exception
    values = {m.label: m.value for m in page.metric}
    assert set(values) == {"Quadratic cost: test accuracy", "Cross-entropy: test accuracy"}
    for value in values.values():
        assert value.endswith("%") and 50.0 < float(value[:-1]) <= 100.0
    assert len(page.get("vega_lite_chart")) == 4
    run = page.session_state["nw_runs"][Config("bundled", 15, 3.0, 0.5, 3, 10, "normal", 7)]
    assert run.complete and run.done == 3 and run.trainers is None
    assert "The small 8×8 digits are an easier task" in " ".join(m.value for m in page.markdown)


def test_other_start_comparison_table(page):
    button(page, "Train both networks").click().run()
    button(page, "Also train the badly wrong start").click().run()
    assert page.session_state["nw_init"] == "large"
    table = page.table[0].value
    assert len(table) == 4
    assert set(table.index) == {"normal start", "badly wrong start"}


def test_results_are_cached_for_the_next_visit(page):
    button(page, "Train both networks").click().run()
    before = [m.value for m in page.metric]
    again = open_page("pages/network.py")
    for key, value in (("nw_epochs", 3), ("nw_seed", 7)):
        again.number_input(key=key).set_value(value).run()
    again.slider(key="nw_hidden").set_value(15).run()
    assert [m.value for m in again.metric] == before  # no Train click: shared store


def test_stopped_run_is_shown_and_resumed(page):
    cfg = Config("bundled", 15, 3.0, 0.5, 3, 10, "normal", 7)
    partial = Run()
    for cost in COSTS:
        partial.rows[cost] = [{"epoch": 1, "test_accuracy": 0.5, "train_cost": 1.0,
                               "grad_norm_hidden": 0.1, "grad_norm_output": 0.2,
                               "saturated_output": 0.1}]
    page.session_state["nw_runs"] = {cfg: partial}
    page.run()
    assert "Stopped after 1 of 3 epochs" in page.warning[0].value
    button(page, "Train both networks").click().run()
    assert not page.warning and page.session_state["nw_runs"][cfg].done == 3


def test_mnist_unavailable_falls_back_to_bundled_digits(page):
    page.radio(key="_nw_source_en").set_value("mnist").run()
    button(page, "Train both networks").click().run()
    assert not page.exception
    assert "MNIST could not be downloaded" in page.error[0].value
    assert "Trained on the bundled 8×8 digits instead" in page.error[0].value
    assert len(page.metric) == 2


def test_book_preset(page):
    button(page, "Book configuration: MNIST, 30 epochs").click().run()
    s = page.session_state
    assert (s["nw_source"], s["nw_hidden"], s["nw_epochs"], s["nw_batch"],
            s["nw_eta_quadratic"], s["nw_eta_cross_entropy"]) == ("mnist", 30, 30, 10, 3.0, 0.5)


def test_chinese(page):
    set_language(page, "zh")
    button(page, "训练两个网络").click().run()
    assert page.title[0].value == "手写数字网络"
    assert {m.label for m in page.metric} == {"二次代价：测试准确率", "交叉熵：测试准确率"}
