"""lib.numbers: what a student types is what the app reads, or a clear problem code."""

import math
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from lib.numbers import format_number, parse_number, try_parse_number
from lib.problems import ProblemError


@pytest.mark.parametrize("text, value", [
    ("0.125", 0.125), ("1/8", 0.125), ("12.5%", 0.125), ("2e2", 200.0), ("1e-5", 1e-5),
    ("1E-5", 1e-5), (".5", 0.5), ("5.", 5.0), ("+3", 3.0), ("−0.5", -0.5), (" 1 / 3 ", 1 / 3),
    ("０.５", 0.5), ("１／８", 0.125), ("50 %", 0.5), ("1e-400", 0.0), ("-0", 0.0),
    (0.25, 0.25), (3, 3.0),
])
def test_reads_what_students_type(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, code", [
    ("", "empty"), ("   ", "empty"), (None, "empty"), (math.nan, "empty"),
    ("abc", "not_number"), ("1/2/3", "not_number"), ("nan", "not_number"), ("inf", "not_number"),
    ("0x10", "not_number"), ("1_000", "not_number"), ("2**3", "not_number"),
    ("__import__('os')", "not_number"), ("3/4%", "not_number"), (True, "not_number"),
    ("0,5", "decimal_comma"), ("1,000", "decimal_comma"), ("1/0", "zero_denominator"),
    ("1e400", "not_finite"), ("1e999999999", "not_finite"), ("9" * 41, "too_long"),
])
def test_reports_anything_else(text, code):
    with pytest.raises(ProblemError) as err:
        parse_number(text)
    assert err.value.problems[0].code == code
    assert try_parse_number(text)[1].code == code


def test_huge_exponents_are_cheap():
    # Fraction("1e999999999") would build a billion-digit integer; this must return at once.
    assert parse_number("1e-999999999") == 0.0
    assert try_parse_number("1e999999999/2")[1].code == "not_finite"


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_format_number_round_trips(x):
    assert parse_number(format_number(x)) == x + 0.0


@given(st.integers(-10**6, 10**6), st.integers(1, 10**6))
def test_fractions_are_exact_then_rounded_once(a, b):
    assert parse_number(f"{a}/{b}") == float(Fraction(a, b))
