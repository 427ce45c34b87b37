"""lib.csvfile: every problem code, separators, decimal commas, formula guard, round trip."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.csvfile import MAX_BYTES, MAX_ROWS, problem_case, read_csv, write_csv
from lib.numbers import format_number, parse_number
from ui.strings import STRINGS

EXPLORER = {"required": ("P", "Q"), "optional": ("label",), "numeric": ("P", "Q"),
            "aliases": {"label": ("event", "事件")}}
ENTROPY = {"required": ("weight",), "optional": ("label",), "numeric": ("weight",)}


def codes(result):
    return [p.code for p in result.problems]


def test_comma_file_with_bom_and_aliases():
    data = "\ufeff Event ,p,Q\r\n狗,1/2,0.125\r\ncat,25%,7/8\r\n".encode()
    r = read_csv(data, **EXPLORER)
    assert r.ok and r.delimiter == "," and not r.decimal_comma
    assert r.table.to_dict("list") == {"P": ["1/2", "25%"], "Q": ["0.125", "7/8"],
                                       "label": ["狗", "cat"]}
    assert all(isinstance(c, str) for c in r.table.to_numpy().ravel())


def test_semicolon_file_reads_decimal_commas():
    data = b"label;P;Q\ndog;0,5;0,25\ncat;12,5%;1,5e-1\nbird;0.375;60,0%\n"
    r = read_csv(data, **EXPLORER)
    assert r.ok and r.delimiter == ";" and r.decimal_comma
    assert r.table["P"].tolist() == ["0.5", "12.5%", "0.375"]
    assert [parse_number(x) for x in r.table["Q"]] == [0.25, 0.15, 0.6]


def test_comma_file_never_guesses_decimal_commas():
    r = read_csv(b'label,P,Q\ndog,"0,5",0.5\n', **EXPLORER)
    (problem,) = r.problems
    assert (problem.code, problem.column, problem.row, problem.label, problem.text) == \
        ("file_parse", "P", 1, "dog", "0,5")
    assert r.table is None


def test_optional_column_missing_is_empty_text():
    r = read_csv(b"weight\n3\n1\n", **ENTROPY)
    assert r.table.to_dict("list") == {"weight": ["3", "1"], "label": ["", ""]}


def test_labels_stay_text_and_are_not_evaluated():
    labels = ["**x**", "$x$", ":red[x]", "<img src=x onerror=alert(1)>", "=1+1", "1/2",
              "  spaced  ", "'quoted"]
    table = pd.DataFrame({"label": labels, "weight": ["1"] * len(labels)})
    data = write_csv(table, numeric=["weight"])
    assert b"'=1+1" in data  # a spreadsheet would run =1+1 as a formula
    r = read_csv(data, **ENTROPY)
    assert r.table["label"].tolist() == labels


def test_blank_lines_and_extra_columns_are_ignored():
    r = read_csv(b"\n\nnotes,weight,label\n\nhello,2,a\n,,\n,3,b\n", **ENTROPY)
    assert r.table.to_dict("list") == {"weight": ["2", "3"], "label": ["a", "b"]}


@pytest.mark.parametrize("data, code, case", [
    (b"", "file_empty", "empty"),
    (b"  \r\n\n", "file_empty", "empty"),
    (b"label,weight\n", "file_empty", "empty"),
    (b"x" * (MAX_BYTES + 1), "file_too_big", "too_big"),
    (b"label,weight\n" + b"a,1\n" * (MAX_ROWS + 1), "too_many_rows", "too_many_rows"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "file_binary", "binary"),
    (b"PK\x03\x04\x14\x00\x06\x00", "file_binary", "binary"),
    ("label,weight\n狗,1\n".encode("utf-16"), "file_encoding", "encoding.utf16"),
    ("label,weight\n狗,1\n".encode("gb18030"), "file_encoding", "encoding.gbk"),
    (b"label,weight\n\xe9t\xe9,1\n", "file_encoding", "encoding"),
    (b"name,value\na,1\n", "file_columns", "columns.missing"),
    (b"label,weight,Weight\na,1,2\n", "file_columns", "columns.twice"),
    (b"label,weight\na,abc\n", "file_parse", "parse.cell"),
    (b"weight\nabc\n", "file_parse", "parse.cell.nolabel"),
    (b"label,weight\na,\n", "file_parse", "parse.empty"),
    (b"weight,notes\n,x\n", "file_parse", "parse.empty.nolabel"),
    (b"label,weight\na,inf\n", "file_parse", "parse.cell"),
    (b"label,weight\na,1,2\n", "file_parse", "parse.wide"),
    (b'label,weight\n"a,1\n', "file_parse", "parse.quotes"),
    (b'label,weight\n"a"b,1\n', "file_parse", "parse.quotes"),
])
def test_bad_files(data, code, case):
    """Each problem's code, and the sentence it gets (problem_case: problem.file.<case>)."""
    r = read_csv(data, **ENTROPY)
    assert codes(r) and set(codes(r)) == {code}
    assert r.table is None and not r.ok
    assert {problem_case(p).name for p in r.problems} == {case}
    assert f"problem.file.{case}" in STRINGS


def test_problem_details():
    r = read_csv("label,weight\n狗,1\n".encode("gb18030"), **ENTROPY)
    assert r.problems[0].text == "gb18030"
    assert read_csv("a".encode("utf-16"), **ENTROPY).problems[0].text == "utf-16"
    (missing,) = read_csv(b"name,value\na,1\n", **ENTROPY).problems
    assert (missing.column, missing.value, missing.text) == ("weight", 0, "name, value")
    (twice,) = read_csv(b"label,weight,Weight\na,1,2\n", **ENTROPY).problems
    assert (twice.column, twice.value) == ("weight", 2)
    (wide,) = read_csv(b"label,weight\nok,1\na,1,2\n", **ENTROPY).problems
    assert (wide.row, wide.value, wide.limit) == (2, 3, 2)
    bad = read_csv(b"label,weight\na,1\nb,x\nc,\n", **ENTROPY).problems
    assert [(p.row, p.label, p.text) for p in bad] == [(2, "b", "x"), (3, "c", "")]


def test_size_limits():
    big = b"label,weight\n" + b"a,1\n" * (MAX_BYTES // 4)
    (problem,) = read_csv(big, **ENTROPY).problems
    assert problem.code == "file_too_big" and problem.value == len(big)
    assert problem.limit == MAX_BYTES
    rows = b"label,weight\n" + b"a,1\n" * MAX_ROWS
    assert read_csv(rows, **ENTROPY).ok
    (too_many,) = read_csv(rows + b"b,2\nc,3\n", **ENTROPY).problems
    assert (too_many.code, too_many.value, too_many.limit) == ("too_many_rows", 52, MAX_ROWS)


def test_writer_format():
    table = pd.DataFrame({"label": ["a;b", 'say "hi"', None], "P": [0.1, 1 / 3, float("nan")],
                          "x;y": [1, 2, 3]})
    data = write_csv(table, numeric=["P"])
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == 'label,P,"x;y"'
    assert lines[1:] == ["a;b,0.1,1", '"say ""hi""",0.333333333333,2', ",,3", ""]


def test_numbers_are_written_as_numbers_without_float_noise():
    """Issue 22: a negative number is a number, not a formula (no guard apostrophe), and
    2.9999999999999996 is written as the 3 the page shows; text is still guarded."""
    table = pd.DataFrame({"label": ["-x", "dog"], "p log(p/q)": [-0.25, 0.1 + 0.2],
                          "bits": [2.9999999999999996, 1.0]})
    lines = write_csv(table).decode("utf-8-sig").split("\r\n")
    assert lines[1:3] == ["'-x,-0.25,3", "dog,0.3,1"]


# ---- Round trip ---------------------------------------------------------------------------
_labels = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                  max_size=20)
_numbers = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False).map(format_number),
    st.tuples(st.integers(0, 999), st.integers(1, 999)).map(lambda ab: f"{ab[0]}/{ab[1]}"),
    st.decimals(0, 100, places=3).map(lambda d: f"{d}%"),
    st.sampled_from(["1e-5", "-0.25", "+3", " 2 ", "１／８", "−0.5"]))


@st.composite
def tables(draw):
    n = draw(st.integers(1, MAX_ROWS))
    return pd.DataFrame({"label": draw(st.lists(_labels, min_size=n, max_size=n)),
                         "P": draw(st.lists(_numbers, min_size=n, max_size=n)),
                         "Q": draw(st.lists(_numbers, min_size=n, max_size=n))})


@settings(max_examples=150, deadline=None)
@given(tables())
def test_round_trip(table):
    r = read_csv(write_csv(table, numeric=["P", "Q"]), ("label", "P", "Q"), numeric=["P", "Q"])
    assert r.ok, r.problems
    assert r.table.to_dict("list") == table.to_dict("list")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_table_or_problems(data):
    r = read_csv(data, **EXPLORER)
    assert r.ok or (r.table is None and r.problems)
    if r.ok:
        assert 1 <= len(r.table) <= MAX_ROWS
        for cell in r.table["P"]:
            parse_number(cell)  # every number cell handed over is a readable number


# ---- One limit: the upload box and the app's words (issue 23) --------------------------------

def _uploader(at, page):
    key = next(k for k in at.session_state if isinstance(k, str)
               and k.startswith(f"_upload.{page}.table."))
    return at.file_uploader(key=key)


@pytest.mark.parametrize("page", ["explorer", "information"])
@pytest.mark.parametrize("lang, words, refused", [
    ("en", "(at most 50 rows and 1 MB)", "at most 1 MB (1,000,000 bytes) can be loaded"),
    ("zh", "（最多 50 行、1 MB）", "最多只能载入 1 MB（1,000,000 字节）"),
])
def test_the_upload_box_and_the_app_state_one_limit(page, lang, words, refused):
    """The box refuses and advertises ("1MB per file") what the app refuses, and the app says
    the same limit in its own words, on the label before a file is chosen and after a refusal."""
    from lib.csvfile import MAX_MB
    from tests.conftest import open_page, set_language
    at = set_language(open_page(f"pages/lessons/{page}.py"), lang)
    box = _uploader(at, page)
    assert box.proto.max_upload_size_mb == MAX_MB == 1 and MAX_BYTES == 1_000_000
    assert box.proto.label.endswith(words)
    assert "1 MB" in box.proto.help
    # A file the box would refuse: only a client that ignores the box could send it.
    box.upload("big.csv", b"label,weight,P,Q\n" + b"a,1,1,1\n" * 130_000, "text/csv").run()
    assert not at.exception
    assert any(refused in e.value and "1,040,017" in e.value for e in at.error), \
        [e.value for e in at.error]
