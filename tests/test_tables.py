"""lib.tables: every kind of bad table becomes a Problem, never an exception."""

import math

import numpy as np
import pandas as pd
import pytest

from lib.tables import MAX_EVENTS, normalised_table, read_distributions


def table(p, q, labels=None):
    labels = labels if labels is not None else [f"e{i}" for i in range(len(p))]
    return pd.DataFrame({"label": labels, "P": p, "Q": q})


def codes(result):
    return [(pr.code, pr.column, pr.row) for pr in result.problems]


def test_valid_probabilities():
    r = read_distributions(table([0.5, 0.5], [0.9, 0.1]))
    assert r.ok and r.problems == []
    np.testing.assert_allclose(r.q, [0.9, 0.1])


def test_counts_are_normalised_per_column():
    r = read_distributions(table([3, 1], [1, 1]), counts=True)
    np.testing.assert_allclose(r.p, [0.75, 0.25])
    assert r.totals == {"P": 4.0, "Q": 2.0}


@pytest.mark.parametrize("p, q, expected", [
    ([0.5, None], [0.5, 0.5], [("empty", "P", 1)]),
    ([0.5, math.nan], [0.5, 0.5], [("empty", "P", 1)]),
    ([0.5, 0.5], [math.inf, 0.5], [("not_finite", "Q", 0)]),
    ([1.1, -0.1], [0.5, 0.5], [("negative", "P", 1)]),
    ([0.5, 0.5], ["x", 0.5], [("not_number", "Q", 0)]),
    ([0.0, 0.0], [0.5, 0.5], [("all_zero", "P", None)]),
    ([0.5, 0.6], [0.5, 0.5], [("sum", "P", None)]),
    ([0.5, 0.6], [0.2, 0.4], [("sum", "P", None), ("sum", "Q", None)]),
])
def test_problems(p, q, expected):
    r = read_distributions(table(p, q))
    assert not r.ok and codes(r) == expected


def test_problem_carries_label_and_value():
    r = read_distributions(table([1.1, -0.1], [0.5, 0.5], ["cat", "dog"]))
    (pr,) = r.problems
    assert pr.label == "dog" and pr.value == pytest.approx(-0.1)


def test_sum_is_the_only_repairable_problem():
    r = read_distributions(table([2, 2], [1, 3]))
    assert r.only_sum_problems
    fixed = normalised_table(table([2, 2], [1, 3]))
    assert read_distributions(fixed).ok
    assert not read_distributions(table([-1, 2], [1, 3])).only_sum_problems


def test_row_limits():
    assert codes(read_distributions(table([], []))) == [("no_rows", None, None)]
    n = MAX_EVENTS + 1
    r = read_distributions(table([1 / n] * n, [1 / n] * n))
    assert codes(r) == [("too_many_rows", None, None)] and r.problems[0].value == n
    r = read_distributions(table([1 / MAX_EVENTS] * MAX_EVENTS, [1 / MAX_EVENTS] * MAX_EVENTS))
    assert r.ok


def test_huge_counts_do_not_overflow():
    r = read_distributions(table([1e308, 1e308], [1, 3]), counts=True)
    np.testing.assert_allclose(r.p, [0.5, 0.5])
    fixed = normalised_table(table([1e308, 1e308], [1, 3]))
    assert fixed["P"].tolist() == ["0.5", "0.5"]


def test_single_event():
    r = read_distributions(table([1.0], [1.0]))
    assert r.ok and r.p.tolist() == [1.0]


def test_labels_default_and_deduplicated():
    r = read_distributions(table([0.25] * 4, [0.25] * 4, ["a", None, "a", "  "]),
                           default_label=lambda i: f"#{i + 1}")
    assert r.labels == ["a", "#2", "a (2)", "#4"]


def test_missing_columns_count_as_empty():
    r = read_distributions(pd.DataFrame({"label": ["a"], "P": [1.0]}))
    assert codes(r) == [("empty", "Q", 0)]
