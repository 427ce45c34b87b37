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


# ---- text cells, preset labels, links, edits ------------------------------------------------

from hypothesis import given, strategies as st  # noqa: E402

from lib.problems import ProblemError  # noqa: E402
from lib.tables import (MAX_LABEL, apply_edits, clean_label, decode_table,  # noqa: E402
                        display_labels, encode_table, preset_label, text_table)


def test_cells_are_read_as_typed():
    r = read_distributions(table(["1/2", "25%", "0.25"], ["1e-5", "2e-1", "0.79999"]))
    assert r.ok
    np.testing.assert_allclose(r.p, [0.5, 0.25, 0.25])
    np.testing.assert_allclose(r.q, [1e-5, 0.2, 0.79999])


def test_counts_in_scientific_notation_are_not_misread():
    r = read_distributions(table(["2e2", "100"], ["1", "1"]), counts=True)
    assert r.totals["P"] == 300.0  # "2e2" is 200, never 22
    np.testing.assert_allclose(r.p, [2 / 3, 1 / 3])


def test_unreadable_cells_name_what_was_typed():
    r = read_distributions(table(["0,5", "1/2"], ["x", "1"]))
    assert [(p.code, p.column, p.row, p.text) for p in r.problems] == [
        ("decimal_comma", "P", 0, "0,5"), ("not_number", "Q", 0, "x")]


def test_preset_labels_are_translated_reader_labels_are_not():
    labels = display_labels([preset_label("dog"), "dog", "**x**"], name={"dog": "狗"}.get)
    assert labels == ["狗", "dog", "**x**"]
    assert clean_label("a\u202eb\x00c") == "abc" and len(clean_label("x" * 999)) == MAX_LABEL


_cell = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=20)


@given(st.lists(st.tuples(_cell, st.sampled_from(["1/2", "0.25", "1e-5", "3", "12.5%"]),
                          st.sampled_from(["0", "1/3", "2e2"])), min_size=1, max_size=50))
def test_link_round_trip(rows):
    frame = pd.DataFrame({"label": [r[0] for r in rows], "P": [r[1] for r in rows],
                          "Q": [r[2] for r in rows]})
    assert decode_table(encode_table(frame)).equals(text_table(frame))


def test_link_keeps_preset_labels_as_ids():
    frame = pd.DataFrame({"label": [preset_label("cat"), "@cat"], "P": ["1", "0"],
                          "Q": ["0", "1"]})
    text = encode_table(frame)
    assert text == "@cat_1_0~%40cat_0_1"
    assert decode_table(text)["label"].tolist() == [preset_label("cat"), "@cat"]


@pytest.mark.parametrize("text, code", [
    ("", "bad_table"), ("a_1", "bad_table"), ("a_1_2_3", "bad_table"), ("x" * 5000, "too_long"),
    ("~".join(["a_0_0"] * 51), "too_many_rows"), ("a_x_1", "not_number"),
    ("@Bad Id_1_1", "bad_table"), ("a\x00_1_1", "bad_table"), ("a_1e999_1", "not_finite"),
])
def test_bad_link_tables_are_refused(text, code):
    with pytest.raises(ProblemError) as err:
        decode_table(text)
    assert err.value.problems[0].code == code


def test_edits_from_the_browser_are_applied_or_skipped_never_crash():
    base = pd.DataFrame({"label": [preset_label("dog"), "b"], "P": ["1/2", "1/2"],
                         "Q": ["1", "0"]})
    out = apply_edits(base, {"edited_rows": {"0": {"P": 0.25, "nope": 1}, "9": {"P": "1"},
                                             "x": {}},
                             "deleted_rows": [5, "1", -1], "added_rows": [{"label": None}, 7]})
    assert out.values.tolist() == [[preset_label("dog"), "0.25", "1"], ["", "", ""]]
    assert apply_edits(base, "garbage").equals(base)
    many = apply_edits(base, {"added_rows": [{"P": "1"}] * 5000})
    assert len(many) == 2 + 1000  # bounded
    relabelled = apply_edits(base, {"edited_rows": {0: {"label": "  wolf  "}}})
    assert relabelled["label"].tolist() == ["wolf", "b"]
