"""The computations moved from ui/ into lib/ (issue 18): unit conversion, the plug-in bias
against its first-order rule, a multi-label table's predictions, the softmax bars' gradient,
the reliability before and after temperature scaling, and the classes ranked."""

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from lib import calibration as cal
from lib import charts_loss, info, losses, sampling, soft_targets, tables

BASES = [2, None, 10, 3.5]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0.01, 1.0), min_size=2, max_size=6), st.sampled_from(BASES),
       st.sampled_from(BASES))
def test_convert_is_a_change_of_log_base(weights, was, to):
    p = np.array(weights) / sum(weights)
    assert info.convert(info.entropy(p, was), was, to) == pytest.approx(
        info.entropy(p, to), rel=1e-12)
    assert info.convert(info.convert(1.7, was, to), to, was) == pytest.approx(1.7, rel=1e-12)


def test_convert_keeps_infinity_and_works_on_arrays():
    assert info.convert(math.inf, 2, None) == math.inf
    assert info.convert(np.array([1.0, 2.0]), 2, None).tolist() == pytest.approx(
        [math.log(2), 2 * math.log(2)])


def _plugin_bias_by_enumeration(p, n):
    """H(P) − E[H(P̂)] in bits, over every sequence of counts (multinomial probabilities)."""
    expected = 0.0
    for counts in itertools.product(range(n + 1), repeat=len(p)):
        if sum(counts) == n:
            freq = np.array(counts) / n
            expected += stats.multinomial.pmf(counts, n, p) * info.entropy(freq, 2)
    return info.entropy(p, 2) - expected


@pytest.mark.parametrize("p, n", [([0.5, 0.5], 4), ([0.7, 0.2, 0.1], 5), ([0.25] * 4, 6)])
def test_bias_against_rule_matches_enumeration(p, n):
    c = sampling.bias_against_rule(p, n)
    assert c.exact == pytest.approx(_plugin_bias_by_enumeration(p, n), rel=1e-9)
    assert c.rule == pytest.approx((np.count_nonzero(p) - 1) / (2 * n) / math.log(2))
    assert c.smallest_np == pytest.approx(n * min(p))
    assert c.close == (abs(c.rule - c.exact) <= 0.10 * c.exact)


def test_bias_rule_holds_only_when_every_count_is_large():
    assert sampling.bias_against_rule([0.25] * 4, 1000).close
    assert not sampling.bias_against_rule([1 - 5e-12] + [1e-12] * 5, 2000).close


def test_read_predictions_checks_each_prediction():
    table = pd.DataFrame({"label": ["rice", "", "green"], "a": ["0.8", "1.5", "x"],
                          "y": [True, False, False]})
    labels, y, a, found = tables.read_predictions(table, default_label=lambda i: f"class {i}")
    assert labels == ["rice", "class 1", "green"] and y is None and a is None
    assert [(p.code, p.row) for p in found] == [("not_number", 2)]
    labels, y, a, found = tables.read_predictions(table.iloc[:2])
    assert [(p.code, p.row, p.value) for p in found] == [("above_one", 1, 1.5)]
    labels, y, a, found = tables.read_predictions(table.iloc[:1])
    assert y.tolist() == [1.0] and a.tolist() == [0.8] and found == []


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(-10, 10), min_size=2, max_size=6), st.data())
def test_softmax_bars_gradient_is_a_minus_y(z, data):
    true = data.draw(st.integers(0, len(z) - 1))
    bars, a, grad, loss = charts_loss.softmax_bars_data(z, true, "ABCDEF"[:len(z)], "a", "y", "g")
    assert grad == pytest.approx(a - np.eye(len(z))[true], abs=1e-12)
    assert loss == pytest.approx(-math.log(losses.softmax(np.array(z))[true]), rel=1e-9)


def test_scaled_reliability_is_reliability_of_the_scaled_softmax():
    rng = np.random.default_rng(3)
    z, y = rng.normal(size=(200, 4)) * 3, rng.integers(0, 4, 200)
    before, after = cal.scaled_reliability(z, y, 2.5, bins=10)
    pd.testing.assert_frame_equal(before, cal.reliability(losses.softmax(z, axis=1), y, 10))
    pd.testing.assert_frame_equal(after, cal.reliability(losses.softmax(z / 2.5, axis=1), y, 10))
    with pytest.raises(cal.ProblemError):
        cal.scaled_reliability(z, y, 0.0)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(-5, 5), min_size=2, max_size=10), st.floats(0.1, 50))
def test_ranked_orders_by_probability_and_ignores_temperature(z, temp):
    p = soft_targets.tempered(z, 1.0)
    order = soft_targets.ranked(p)
    assert sorted(order) == list(range(len(z)))
    assert all(p[i] >= p[j] for i, j in zip(order, order[1:]))
    assert order[0] == int(np.argmax(p))
    # Tempering keeps the order of distinct logits.
    if len(set(z)) == len(z) and min(abs(a - b) for a, b in itertools.combinations(z, 2)) > 1e-3:
        assert soft_targets.ranked(soft_targets.tempered(z, temp)) == order


def test_column_widths_hold_the_widest_cell_or_label():
    """lib.column_widths: a column is as wide as its widest cell or its shown label, padded;
    Chinese characters count one em, a digit never less than it measures (7.2 px)."""
    from lib.column_widths import CELL_PX, char_px, column_widths, text_px

    assert char_px("7") >= 7.2 and char_px("汉") == 14.0 and char_px("（") == 14.0
    assert text_px("0.166667") > text_px("0.125")
    widths = column_widths({"Q": ["0.125", "0.166667"], "bits (Q's code)": [1, 2]},
                           labels={"bits (Q's code)": "比特"})
    assert widths["Q"] == math.ceil(CELL_PX + text_px("0.166667"))
    assert widths["bits (Q's code)"] == math.ceil(CELL_PX + 2 * 14.0)  # the label, not the name
