"""AppTest of the information-and-entropy page: every control moved, every example value shown."""

import math

import pytest

from lib import info
from tests.conftest import open_page, set_language, set_units


@pytest.fixture
def page():
    return open_page("pages/information.py")


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def text(at) -> str:
    return " ".join(m.value for m in at.markdown)


def latex(at) -> str:
    return " ".join(x.value for x in at.latex)


def test_defaults(page):
    m = metrics(page)
    assert m["Information content"] == "2.0000 bits"
    assert m["Entropy H(P)"] == "1.7500 bits"
    assert m["Most possible with 4 events: log 4"] == "2.0000 bits"
    assert m["Entropy of one toss"] == "1.0000 bits"
    assert r"&= 2.0000 + 1.0000 \\ &= 3.0000 \\ -\log(0.125) &= 3.0000" in latex(page)
    assert "one of 65,536 equally likely values" in text(page)
    assert "carries 16.0000 bits" in text(page)


def test_surprise_slider(page):
    page.slider(key="in_p").set_value(0.125).run()
    assert metrics(page)["Information content"] == "3.0000 bits"
    assert "about 1 time in 8" in text(page)
    page.slider(key="in_p").set_value(1.0).run()
    assert metrics(page)["Information content"] == "0.0000 bits"


def test_additivity_holds_for_any_steps(page):
    page.slider(key="in_p1").set_value(0.3).run()
    page.slider(key="in_p2").set_value(0.7).run()
    i1, i2 = -math.log2(0.3), -math.log2(0.7)
    assert (f"&= {i1:.4f} + {i2:.4f} \\\\ &= {i1 + i2:.4f} \\\\ -\\log(0.21) &= {i1 + i2:.4f}"
            in latex(page))


def test_random_number_bits_in_nats(page):
    set_units(page, "nats")
    page.number_input(key="in_bits").set_value(8).run()
    assert f"carries {8 * math.log(2):.4f} nats" in text(page)


def test_entropy_editor_weights_and_maximum(page):
    page.session_state["in_editor"] = {"edited_rows": {0: {"weight": 1}, 1: {"weight": 1},
                                                       2: {"weight": 1}, 3: {"weight": 1}},
                                       "added_rows": [], "deleted_rows": []}
    page.run()
    m = metrics(page)
    assert m["Entropy H(P)"] == "2.0000 bits"
    assert any("divided by their total 4" in i.value for i in page.info)
    assert "All 4 events are equally likely" in text(page)


def test_entropy_editor_bad_inputs(page):
    page.session_state["in_editor"] = {"edited_rows": {1: {"weight": -2}}, "added_rows": [],
                                       "deleted_rows": []}
    page.run()
    assert [e.value for e in page.error] == [
        "Weight for “B” (row 2) is negative (-2). Probabilities and counts are never below 0."]
    page.session_state["in_editor"] = {"edited_rows": {i: {"weight": 0} for i in range(4)},
                                       "added_rows": [], "deleted_rows": []}
    page.run()
    assert "Every value in Weight is 0" in page.error[0].value
    page.session_state["in_editor"] = {"edited_rows": {}, "added_rows": [],
                                       "deleted_rows": [1, 2, 3]}
    page.run()
    assert metrics(page)["Entropy H(P)"] == "0.0000 bits"
    assert "One event is certain" in text(page)
    assert not page.exception


def test_binary_entropy_slider(page):
    page.slider(key="in_coin").set_value(0.9).run()
    expected = info.entropy([0.9, 0.1], 2)
    assert metrics(page)["Entropy of one toss"] == f"{expected:.4f} bits"
    page.slider(key="in_coin").set_value(0.0).run()
    assert metrics(page)["Entropy of one toss"] == "0.0000 bits"


def test_chinese(page):
    set_language(page, "zh")
    assert page.title[0].value == "信息量与熵"
    assert metrics(page)["信息量"] == "2.0000 比特"
