"""lib.problems.COUNTS and lib.csvfile.problem_case's numbers, on real input (each file
problem's sentence: tests/test_csvfile.py::test_bad_files)."""

import re
from pathlib import Path

from lib.csvfile import problem_case, read_csv
from lib.problems import COUNTS, Problem
from lib.text import PASTE_MAX, PASTE_MIN, source

ROOT = Path(__file__).resolve().parent.parent
EXPLORER = {"required": ("P", "Q"), "optional": ("label",), "numeric": ("P", "Q")}


def test_a_file_too_big_quotes_its_size_and_the_limit_in_bytes_and_megabytes():
    problem, = read_csv(b"x" * 2_345_678, **EXPLORER).problems
    assert problem_case(problem).numbers == {"size": 2_345_678, "mb": "1", "limit": 1_000_000}
    problem, = read_csv(b"x" * 3_000_000, **EXPLORER, max_bytes=2_500_000).problems
    assert problem_case(problem).numbers == {"size": 3_000_000, "mb": "2.5", "limit": 2_500_000}


def test_problems_other_than_a_files_get_no_file_sentence():
    for code in ("sum", "not_number", "no_rows", "text_too_long"):
        assert problem_case(Problem(code, column="P", value=4.0)) is None


def test_counts_are_the_pasted_texts_lengths():
    """COUNTS names exactly the codes lib.text gives a character count and its bound."""
    short, = source("a" * (PASTE_MIN - 1)).problems
    long, = source("a" * (PASTE_MAX + 1)).problems
    assert {short.code, long.code} == COUNTS
    assert (short.value, short.limit) == (PASTE_MIN - 1, PASTE_MIN)
    assert (long.value, long.limit) == (PASTE_MAX + 1, PASTE_MAX)
    assert COUNTS <= set(re.findall(r'Problem\(\s*"(\w+)"', (ROOT / "lib" / "text.py").read_text()))
