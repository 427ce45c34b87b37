"""AppTest of the cross-entropy-as-a-loss page: each control moved, each example value shown."""

import math

import numpy as np
import pytest

from lib import losses
from tests.conftest import open_page, set_language, set_units
from ui import fmt


@pytest.fixture
def page():
    at = open_page("pages/loss.py")
    return set_units(at, "nats")


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def all_text(at) -> str:
    return " ".join(x.value for x in [*at.markdown, *at.caption, *at.latex])


def test_binary_gradients_at_the_wrong_extreme(page):
    page.slider(key="ls_a").set_value(0.99).run()
    grads = [m.value for m in page.metric][:4]
    # y = 0: cross-entropy pushes with a - y = 0.99; quadratic with 0.99 * 0.99 * 0.01.
    assert grads == ["0.9900", fmt.num(0.99 * 0.99 * 0.01), "-0.0100", fmt.num(-0.01 * 0.99 * 0.01)]
    assert grads[3] == "-9.9e-05"  # the quadratic gradient all but vanishes
    assert f"cross-entropy {-math.log(0.01):.4f} nats" in all_text(page)


def test_softmax_default_logits(page):
    probs = losses.softmax([2.5, -1, 3.2, 0.5])
    assert metric(page, "Probability given to C") == f"{probs[2]:.4f}" == "0.6334"
    assert metric(page, "Loss −ln a(true class)") == f"{-math.log(probs[2]):.4f} nats"
    assert r"C = -\ln 0.7 = 0.35667" in all_text(page)


def test_softmax_controls(page):
    page.selectbox(key="ls_true").set_value(1).run()
    probs = losses.softmax([2.5, -1, 3.2, 0.5])
    assert metric(page, "Loss −ln a(true class)") == f"{-math.log(probs[1]):.4f} nats"
    page.slider(key="ls_z1").set_value(10.0).run()
    probs = losses.softmax([2.5, 10, 3.2, 0.5])
    assert metric(page, "Probability given to B") == f"{probs[1]:.4f}"
    reset = next(b for b in page.button if b.label == "Reset logits")
    reset.click().run()
    assert page.session_state["ls_z1"] == -1.0


def test_multi_label_example_and_edits(page):
    assert metric(page, "Loss: sum over classes") == "0.4339 nats"
    assert metric(page, "Sum of the predictions") == "1.8000"
    table = page.dataframe[1].value  # [0] is the editor
    assert list(table.iloc[:, -1]) == ["0.2231", "0.1054", "0.1054"]
    page.session_state["ls_editor"] = {"edited_rows": {2: {"y": True}}, "added_rows": [],
                                       "deleted_rows": []}
    page.run()
    expected = losses.binary_cross_entropy([1, 1, 1], [0.8, 0.9, 0.1])
    assert metric(page, "Loss: sum over classes") == f"{expected:.4f} nats"


@pytest.mark.parametrize("edit, message", [
    ({0: {"a": 1.5}}, "a for “rice” (row 1) is 1.5; a predicted probability is at most 1."),
    ({1: {"a": -0.2}}, "a for “pumpkin” (row 2) is negative (-0.2)."),
    ({1: {"a": None}}, "a is empty for “pumpkin” (row 2). Enter a number."),
])
def test_multi_label_bad_inputs(page, edit, message):
    page.session_state["ls_editor"] = {"edited_rows": edit, "added_rows": [],
                                       "deleted_rows": []}
    page.run()
    assert any(message in e.value for e in page.error)
    assert not page.exception


def test_multi_label_certain_wrong_is_infinite(page):
    page.session_state["ls_editor"] = {"edited_rows": {0: {"a": 0.0}}, "added_rows": [],
                                       "deleted_rows": []}
    page.run()
    assert metric(page, "Loss: sum over classes") == "∞ nats"
    assert not page.exception


def test_maximum_likelihood(page):
    page.slider(key="ls_theta").set_value(0.7).run()
    assert metric(page, "Mean negative log-likelihood at θ") == "0.6109 nats"
    assert metric(page, "Cross-entropy H((h/n, t/n), (θ, 1−θ))") == "0.6109 nats"
    assert metric(page, "Best θ = 7/10") == "0.7"
    page.number_input(key="ls_heads").set_value(3).run()
    page.number_input(key="ls_tails").set_value(1).run()
    assert metric(page, "Best θ = 3/4") == "0.75"
    page.number_input(key="ls_heads").set_value(0).run()
    page.number_input(key="ls_tails").set_value(0).run()
    assert "at least 1" in page.error[0].value
    page.number_input(key="ls_heads").set_value(5).run()
    assert metric(page, "Best θ = 5/5") == "1" and not page.exception


def test_derivation_check(page):
    page.slider(key="ls_da").set_value(0.3).run()
    page.slider(key="ls_dy").set_value(1.0).run()
    formula = (0.3 - 1) / (0.3 * 0.7)
    assert f"gives {formula:.6f}" in all_text(page)
    assert "the same as a − y = -0.700000" in all_text(page)


def test_library_table(page):
    table = page.table[0].value
    values = dict(zip(table.index, table.iloc[:, 0]))
    probs = losses.softmax([2.5, -1, 3.2, 0.5])
    assert values["scipy.stats.entropy([1, 1, 1, 1])"] == f"{math.log(4):.4f}"
    assert values["F.cross_entropy(z, target)"] == f"{-math.log(probs[2]):.4f}"
    assert values["F.kl_div(a.log(), y, reduction='mean')"] == f"{-math.log(probs[2]) / 4:.4f}"
    assert values["nn.BCELoss()(a=0, y=1)"] == "100.0000"
    double = losses.categorical_cross_entropy(np.eye(4)[2], logits=probs)
    assert values["F.cross_entropy(softmax(z), target)"] == f"{double:.4f}"


def test_bits_conversion_shown_under_metrics():
    at = open_page("pages/loss.py")
    assert any(c.value == f"= {0.43386 / math.log(2):.4f} bits" for c in at.caption)


def test_chinese(page):
    set_language(page, "zh")
    assert page.title[0].value == "交叉熵作为损失函数"
    assert metric(page, "损失：各类之和") == "0.4339 奈特"
    assert list(page.dataframe[0].value.iloc[:, 0]) == ["米饭", "南瓜", "绿色"]
