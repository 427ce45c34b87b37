"""lib.settings: a setting's value survives the trip into a link and back, and anything else
in a link is refused with a problem code, never evaluated."""

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import tables
from lib.problems import ProblemError
from lib.settings import MAX_TEXT_SETTING, Setting

W0 = Setting("w0", 2.0, "float", lo=-50.0, hi=50.0)
EPOCHS = Setting("epochs", 300, "int", lo=1, hi=5000)
MODE = Setting("mode", "prob", "choice", choices=("prob", "counts"))
BOOK = Setting("book", False, "bool")
TABLE = Setting("table", pd.DataFrame({"label": ["a"], "P": ["1"], "y": [True]}), "table",
                columns=("P",), bool_columns=("y",))


@given(st.floats(-50, 50, allow_nan=False))
def test_a_float_survives_the_link(x):
    assert W0.decode(W0.encode(x)) == x


@given(st.integers(1, 5000))
def test_an_int_survives_the_link(n):
    assert EPOCHS.decode(EPOCHS.encode(n)) == n


@pytest.mark.parametrize("setting, value", [(MODE, "counts"), (BOOK, True), (BOOK, False)])
def test_choices_and_bools_survive_the_link(setting, value):
    assert setting.decode(setting.encode(value)) == value


def test_a_table_with_check_boxes_survives_the_link():
    frame = pd.DataFrame({"label": [tables.preset_label("dog"), "my_cat~1"], "P": ["1/2", "0.5"],
                          "y": [True, False]})
    back = TABLE.decode(TABLE.encode(TABLE.coerce(frame)))
    assert TABLE.same(back, frame)
    assert back["y"].tolist() == [True, False] and back["P"].tolist() == ["1/2", "0.5"]


@pytest.mark.parametrize("setting, text, code", [
    (W0, "51", "out_of_range"), (W0, "abc", "not_number"), (W0, "1e999", "not_finite"),
    (EPOCHS, "2.5", "not_number"), (MODE, "__import__('os')", "bad_choice"),
    (BOOK, "maybe", "bad_choice"), (TABLE, "a_1_2", "bad_table"),
    (Setting("name", "", "text"), "x" * (MAX_TEXT_SETTING + 1), "too_long"),
])
def test_bad_link_values_are_refused_with_a_code(setting, text, code):
    with pytest.raises(ProblemError) as err:
        setting.decode(text)
    assert err.value.problems[0].code == code
    assert err.value.problems[0].field == setting.name


def test_coerce_and_same_follow_the_kind():
    assert W0.coerce(3) == 3.0 and isinstance(W0.coerce(3), float)
    assert W0.same(2, 2.0) and not W0.same(2.0, 2.5)
    assert EPOCHS.coerce(7.0) == 7 and isinstance(EPOCHS.coerce(7.0), int)
    assert Setting("t", "", "text").coerce("a\nb" + "c" * 100) == \
        tables.clean_label("a\nb" + "c" * 100)[:MAX_TEXT_SETTING]
    assert not math.isnan(W0.coerce("0.5"))


def test_a_table_from_a_link_keeps_bad_cells_and_reads_empty_check_boxes_as_unticked():
    back = TABLE.decode("a_abc_1~__")  # a bad number, and a row just added with "+"
    assert back["P"].tolist() == ["abc", ""] and back["y"].tolist() == [True, False]
    with pytest.raises(ProblemError) as err:
        TABLE.decode("a_1_maybe")
    assert err.value.problems[0].code == "bad_table"


def test_the_largest_table_a_setting_holds_fits_its_link_limit():
    rows = tables.LINK_ROWS_FACTOR * TABLE.max_rows
    frame = pd.DataFrame({"label": ["\U0001F600" * tables.MAX_LABEL] * rows,
                          "P": [str(i) * 60 for i in range(rows)], "y": [True] * rows})
    text = TABLE.encode(TABLE.coerce(frame))
    assert text.startswith(tables.COMPACT) and len(text) <= TABLE.link_limit()
    assert TABLE.same(TABLE.decode(text), TABLE.coerce(frame))
    assert W0.link_limit() < 100 < TABLE.link_limit()


# ---- a page's settings together: presets and the shortest link (lib.settings.Settings) ----

def _group():
    from lib.settings import Settings
    return Settings("demo", [Setting("w", 2.0, "float", lo=0.0, hi=9.0),
                             Setting("n", 3, "int", lo=1, hi=9),
                             Setting("busy", False, "bool", link=False)],
                    {"big": {"w": 8.0}, "both": {"w": 8.0, "n": 9}})


def test_the_link_names_a_preset_only_when_it_is_no_longer():
    group = _group()
    assert group.query(group.defaults) == {}
    assert group.query(group.preset_values("big")) == {"preset": "big"}
    assert group.query({**group.preset_values("both"), "n": 4}) == {"preset": "big", "n": "4"}
    assert group.query({"w": 1.0, "n": 3, "busy": True}) == {"w": "1"}  # busy: never linked
    assert group.preset_of(group.preset_values("both")) == "both"
    assert group.preset_of({"w": 1.0, "n": 3, "busy": False}) is None


def test_every_value_survives_its_own_link():
    """Oracle: reading back the link of any values gives those values (the linked ones)."""
    group = _group()
    for w in (0.0, 2.0, 8.0, 8.5):
        for n in (1, 3, 9):
            values = {"w": w, "n": n, "busy": False}
            read, keep, _, problems = group.read_query(group.query(values))
            assert not problems
            assert {**(group.defaults if keep else {}), **read} == values


def test_read_link_reports_each_problem_and_keeps_the_good_parameters():
    from lib.settings import MAX_LINK, link_limit, read_link
    group = _group()
    found, problems = read_link({"preset": "huge", "n": "4", "w": "99", "zz": "1"},
                                [(group, "")])
    assert [(values, keep) for _, values, keep in found] == [({"n": 4}, False)]
    assert sorted((p.code, p.field) for p in problems) == [
        ("bad_choice", "preset"), ("out_of_range", "w"), ("unknown_key", "zz")]
    found, problems = read_link({"p.n": "5"}, [(group, "p.")])
    assert found[0][1] == {"n": 5} and not problems
    assert link_limit([(group, "")]) == MAX_LINK
    found, problems = read_link({"n": "1" * MAX_LINK}, [(group, "")])
    assert found == [] and [p.code for p in problems] == ["too_long"]
