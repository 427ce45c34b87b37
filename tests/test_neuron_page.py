"""AppTest of the learning-slowdown page: presets, controls, metrics, play, map, extremes."""

import numpy as np
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from lib.neuron import epochs_to_reach
from tests.conftest import open_page, set_language


@pytest.fixture
def page():
    return open_page("pages/neuron.py")


def metric_values(at) -> list[str]:
    return [m.value for m in at.metric]


def needed(w0, b0, cost, eta, threshold=0.1, epochs=300):
    n = int(epochs_to_reach(w0, b0, cost=cost, eta=eta, epochs=epochs, threshold=threshold))
    return str(n) if n >= 0 else f"not within {epochs}"


def test_default_is_the_badly_wrong_start(page):
    # Quadratic: never within 300 epochs, ends at 0.2028; cross-entropy: 50 epochs, 0.0120.
    assert metric_values(page) == ["not within 300", "0.9820", "0.2028",
                                   "50", "0.9820", "0.0120"]
    assert not page.exception


def test_normal_start_preset(page):
    page.button(key="nr_preset_normal").click().run()
    assert page.session_state["nr_w0"] == 0.6 and page.session_state["nr_b0"] == 0.9
    values = metric_values(page)
    assert values[0] == needed(0.6, 0.9, "quadratic", 0.15) == "273"
    assert values[1:3] == ["0.8176", "0.0940"]
    assert values[3] == needed(0.6, 0.9, "cross_entropy", 0.15)
    assert values[5] == "0.0116"


def test_book_settings_preset_and_demo_rule(page):
    page.button(key="nr_preset_book").click().run()
    values = metric_values(page)
    assert values[3:] == ["not within 300", "0.9820", "0.7796"]
    page.checkbox(key="nr_book").check().run()
    values = metric_values(page)
    assert len(values) == 9 and values[-1] == "0.0479"
    assert "Book demo's rule" in " ".join(m.value for m in page.markdown)


def test_threshold_and_controls(page):
    page.number_input(key="nr_threshold").set_value(0.25).run()
    assert metric_values(page)[0] == needed(2.0, 2.0, "quadratic", 0.15, threshold=0.25)
    page.number_input(key="nr_eta_quadratic").set_value(0.6).run()
    assert metric_values(page)[0] == needed(2.0, 2.0, "quadratic", 0.6, threshold=0.25)
    page.number_input(key="nr_epochs").set_value(1000).run()
    assert metric_values(page)[2] != "0.2028"
    assert page.slider(key="nr_epoch").max == 1000


def test_gradient_formulas_show_current_numbers(page):
    latex = " ".join(x.value for x in page.latex)
    assert r"(0.9820 - 0) \times 0.0177 \\ &= 0.0173" in latex
    assert r"0.9820 - 0 = 0.9820" in latex
    page.slider(key="nr_epoch").set_value(150).run()
    cards = " ".join(m.value for m in page.markdown)
    assert "epoch 150" in cards and "a = 0.9334" in cards and "a = 0.0257" in cards


def test_play_advances_and_stops_at_the_end(page):
    page.number_input(key="nr_epochs").set_value(24).run()
    page.button(key="nr_play_button").click().run()
    assert page.session_state["nr_playing"]
    first = page.session_state["nr_epoch"]
    assert first >= 1
    page.run()
    assert page.session_state["nr_epoch"] > first
    for _ in range(30):
        page.run()
    assert page.session_state["nr_epoch"] == 24 and not page.session_state["nr_playing"]
    assert not page.exception


def test_init_map_is_81_by_81_and_shows_the_slow_corner(page):
    frames = []
    for chart in page.get("vega_lite_chart"):
        for ds in chart.proto.datasets:
            frames.append(convert_arrow_bytes_to_pandas_df(ds.data.data))
    maps = [f for f in frames if "epochs_needed" in f]
    total = sum(len(f) for f in maps)
    assert total == 2 * 81 * 81  # reached and never-reached cells of both maps
    captions = " ".join(c.value for c in page.caption)
    w0, b0 = np.meshgrid(np.linspace(-4, 4, 81), np.linspace(-4, 4, 81))
    share_q = (epochs_to_reach(w0, b0, cost="quadratic", eta=0.15, epochs=300) >= 0).mean()
    assert f"{share_q:.0%} of starts reach the goal" in captions
    assert "100% of starts reach the goal" in captions


@pytest.mark.parametrize("key, value, note", [
    ("nr_x", 0.0, "only the bias learns"),
    ("nr_eta_quadratic", 100.0, "A learning rate this large"),
    ("nr_y", 0.5, "never reaches 0"),
    ("nr_y", 1.0, "already within 0.1 of the target"),
])
def test_unusual_inputs_explained(page, key, value, note):
    page.number_input(key=key).set_value(value).run()
    assert not page.exception
    assert note in " ".join(x.value for x in [*page.warning, *page.info])


def test_extreme_start_far_outside_the_map(page):
    page.number_input(key="nr_w0").set_value(50.0).run()
    page.number_input(key="nr_b0").set_value(-50.0).run()
    page.number_input(key="nr_epochs").set_value(5000).run()
    assert not page.exception
    assert "outside the mapped square" in " ".join(c.value for c in page.caption)


def test_chinese(page):
    set_language(page, "zh")
    assert page.title[0].value == "学习减速"
    assert page.metric[0].value == "300 轮内未达到"
    assert page.metric[0].label == "达到 |a − y| < 0.1 所需轮数"
