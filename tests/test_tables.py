"""lib.tables: every kind of bad table becomes a Problem, never an exception."""

import base64
import math
import zlib

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

from hypothesis import given, settings, strategies as st  # noqa: E402

from lib.problems import ProblemError  # noqa: E402
from lib.numbers import MAX_TEXT  # noqa: E402
from lib.tables import (COMPACT, LINK_ROWS_FACTOR, MAX_LABEL, MAX_LINK_TABLE,  # noqa: E402
                        apply_edits, clean_label, decode_table, display_labels, encode_table,
                        link_limits, preset_label, text_table)


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


@settings(deadline=None)  # no wall-clock limit in a unit test (a busy machine failed it)
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
    ("~".join(["a_0_0"] * (2 * MAX_EVENTS + 1)), "too_many_rows"), ("~a_1_1", "bad_table"),
    ("~2" + "A" * 40, "bad_table"),
])
def test_text_that_is_no_table_is_refused(text, code):
    with pytest.raises(ProblemError) as err:
        decode_table(text)
    assert err.value.problems[0].code == code


@pytest.mark.parametrize("text, cells", [
    ("lion_abc_0.25~wolf_0.3_0.25", [["lion", "abc", "0.25"], ["wolf", "0.3", "0.25"]]),
    ("lion_0.5_0.25~__", [["lion", "0.5", "0.25"], ["", "", ""]]),  # a row just added with "+"
    ("a_1e999_0,5", [["a", "1e999", "0,5"]]),
    ("@Bad Id_1_1", [["@Bad Id", "1", "1"]]),           # not a preset identifier: text as typed
    ("a%00%1Fb\u202e_ 1 _1", [["ab", "1", "1"]]),       # control characters go, as in the grid
    ("x_" + "9" * 50 + "_1", [["x", "9" * 40 + "…", "1"]]),  # cut as the grid cuts: too long
    ("%FF%FE_1_1", [["\ufffd\ufffd", "1", "1"]]),
])
def test_a_link_is_read_cell_by_cell_keeping_what_was_typed(text, cells):
    assert decode_table(text).values.tolist() == cells


def test_the_page_explains_the_cells_a_link_kept():
    r = read_distributions(decode_table("lion_abc_0.25~wolf_0.3_0.25~bear_0.2_0.5~__"))
    assert [(p.code, p.column, p.row) for p in r.problems] == [
        ("not_number", "P", 0), ("empty", "P", 3), ("empty", "Q", 3)]


def test_the_rows_past_the_limit_are_kept_for_the_page_to_count():
    frame = decode_table("~".join(["a_1_1"] * (MAX_EVENTS + 3)))
    assert len(frame) == MAX_EVENTS + 3
    assert codes(read_distributions(frame)) == [("too_many_rows", None, None)]


def test_todays_plain_links_read_as_before():
    assert decode_table("@dog_1/2_1/4~my%5Fcat_0.5_3/4~%40x_1%2F8_12.5%25").values.tolist() == [
        [preset_label("dog"), "1/2", "1/4"], ["my_cat", "0.5", "3/4"], ["@x", "1/8", "12.5%"]]


# ---- the compact form: long tables survive their links -------------------------------------

def issue_table(rows=50, width=MAX_LABEL):
    """The issue's table: 50 rows, 60-character labels (a valid 5 KB upload)."""
    labels = [(f"row {i:02d} of a table a class uploaded, with long labels " * 2)[:width]
              for i in range(rows)]
    rng = np.random.default_rng(rows)  # probabilities written in full, as a spreadsheet does
    p, q = ([repr(float(x)) for x in rng.dirichlet(np.ones(rows))] for _ in range(2))
    return pd.DataFrame({"label": labels, "P": p, "Q": q})


def test_the_issues_fifty_row_table_survives_its_link():
    frame = issue_table()
    assert len(encode_table.__globals__["_plain"](frame, ("P", "Q"))) > MAX_LINK_TABLE
    link = encode_table(frame)
    assert link.startswith(COMPACT) and len(link) < MAX_LINK_TABLE
    assert set(link) <= set("~1ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert decode_table(link).equals(text_table(frame))
    assert read_distributions(decode_table(link)).ok


def test_short_tables_keep_the_plain_readable_form():
    frame = issue_table(rows=2, width=8)
    assert encode_table(frame) == "~".join(f"row 0{i} o_{p}_{q}" for i, p, q in
                                           zip(range(2), frame["P"], frame["Q"]))


def worst_table(n_columns, rows, char):
    """The largest table a link must carry: every label MAX_LABEL and every cell MAX_TEXT + 1
    characters of ``char`` (an emoji takes 4 bytes, "_" is escaped into 3)."""
    cells = {c: [char * (MAX_TEXT + 1)] * rows for c in "PQRS"[:n_columns]}
    return pd.DataFrame({"label": [char * MAX_LABEL] * rows, **cells})


@pytest.mark.parametrize("n_columns", [1, 2])
@pytest.mark.parametrize("char", ["\U0001F600", "_", "中", "a"])
def test_the_largest_table_fits_the_cap_a_stranger_gets(n_columns, char):
    columns = tuple("PQRS"[:n_columns])
    frame = worst_table(n_columns, LINK_ROWS_FACTOR * MAX_EVENTS, char)
    link = encode_table(frame, columns)
    plain_bytes, compact_chars = link_limits(n_columns, MAX_EVENTS)
    assert len(link) <= compact_chars
    assert decode_table(link, columns).equals(text_table(frame, columns))


def test_random_bytes_labels_do_not_compress_and_still_fit():
    rng = np.random.default_rng(0)
    rows = LINK_ROWS_FACTOR * MAX_EVENTS
    labels = ["".join(chr(c) for c in rng.integers(0x10000, 0x10FFFF, MAX_LABEL)
                      if not 0xD800 <= c < 0xE000) for _ in range(rows)]
    cells = ["".join(chr(c) for c in rng.integers(0x4E00, 0x9FFF, MAX_TEXT + 1))
             for _ in range(rows)]
    frame = pd.DataFrame({"label": labels, "P": cells, "Q": cells[::-1]})
    link = encode_table(frame)
    assert len(link) <= link_limits(2, MAX_EVENTS)[1]
    assert decode_table(link).equals(text_table(frame))


# Any text but surrogates, and no LABEL_ID (only code writes preset labels).
_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x1f")
_any_cell = st.text(alphabet=_chars, max_size=MAX_TEXT + 5)


@given(st.lists(st.tuples(st.text(alphabet=_chars, max_size=MAX_LABEL + 5), _any_cell,
                          _any_cell),
                min_size=1, max_size=LINK_ROWS_FACTOR * MAX_EVENTS))
def test_every_table_the_grid_can_hold_survives_its_link(rows):
    frame = text_table(pd.DataFrame({"label": [r[0] for r in rows], "P": [r[1] for r in rows],
                                     "Q": [r[2] for r in rows]}))
    link = encode_table(frame)
    assert len(link) <= link_limits(2, MAX_EVENTS)[1]
    assert decode_table(link).equals(frame)


def compact(raw: bytes) -> str:
    return COMPACT + base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize("text", [
    COMPACT + "!!!!", COMPACT + "A", compact(b"not deflate data"),
    compact(zlib.compress(b"a_1_1")[:-3]),                    # cut short
    compact(zlib.compress(b"a_1_1") + b"more"),               # something after the stream
    compact(zlib.compress(b"\xff\xfe_1_1")),                  # not UTF-8
    compact(zlib.compress(b"a" * 10_000_000, 9)),             # a "zip bomb": 10 MB of "a"
])
def test_a_bad_compact_form_is_no_table(text):
    with pytest.raises(ProblemError) as err:
        decode_table(text)
    assert err.value.problems[0].code == "bad_table"


def test_a_compact_form_is_bounded_before_and_after_inflating():
    plain_bytes, compact_chars = link_limits(2, MAX_EVENTS)
    with pytest.raises(ProblemError) as err:
        decode_table(COMPACT + "A" * compact_chars)
    assert err.value.problems[0].code == "too_long"
    # Inflates to one byte more than any table can take: refused, nothing more inflated.
    with pytest.raises(ProblemError) as err:
        decode_table(compact(zlib.compress(b"a" * (plain_bytes + 1))))
    assert err.value.problems[0].code == "bad_table"
    assert len(decode_table(compact(zlib.compress(
        "~".join(["a_1_1"] * MAX_EVENTS).encode())))) == MAX_EVENTS


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
