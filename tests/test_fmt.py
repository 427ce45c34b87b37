"""lib.fmt: one number style everywhere, ∞ written as ∞."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib import fmt


@pytest.mark.parametrize("x, text", [
    (0.625, "0.6250"), (2.375, "2.3750"), (math.inf, "∞"), (-math.inf, "−∞"), (math.nan, "—"),
    (4.4e-16, "4.4e-16"), (-2e-17, "−2.0e-17"), (-0.5, "−0.5000"), (0.0, "0.0000"), (-1e-20 * 0, "0.0000"),
    (12345.678, "12345.6780"),
])
def test_num(x, text):
    assert fmt.num(x) == text


def test_amount_and_prob():
    assert fmt.amount(math.inf, "bits") == "∞ bits"
    assert fmt.amount(0.51457317, "bits") == "0.515 bits"
    assert fmt.prob(0.125) == "0.125" and fmt.prob(1 / 3) == "0.333333" and fmt.prob(1.0) == "1"
    assert fmt.prob(0.0) == "0" and fmt.prob(4.0) == "4" and fmt.prob(-0.2) == "−0.2"
    assert fmt.prob(math.inf) == "∞" and fmt.prob(math.nan) == "—"
    assert fmt.prob(1e-12) == "1e−12" and fmt.prob(2.5e-7) == "2.5e−7"  # tiny is not 0


def test_one_function_per_kind():
    assert fmt.exact(1 / 3) == "0.333333" and fmt.exact(-2.5e-9) == "−2.5e−09"
    assert fmt.exact(0.0) == "0" and fmt.exact(-math.inf) == "−∞"
    assert fmt.percent(0.0123) == "1.2%" and fmt.percent(0.0123, 2) == "1.23%"
    assert fmt.fixed(1.7e-9, 2) == "0.00" and fmt.fixed(-3.14159, 4) == "−3.1416"
    assert fmt.signed(0.4321) == "+0.43" and fmt.signed(-1.2) == "−1.20"
    assert fmt.signed(1776.4) == "+1,776"
    assert fmt.apart(2.75, 2.75, fmt.num, 2) == ("2.75", "2.75")
    assert fmt.apart(1.0, 1.0 + 2e-10, fmt.num, 2) == ("1.0000000000", "1.0000000002")


def test_sig_shows_enough_digits_for_products():
    assert fmt.sig(0.017662706213291118) == "0.01766"
    assert fmt.sig(4.2e-18) == "4.200e-18"
    assert fmt.sig(0.0) == "0"


def test_text_stays_literal():
    for raw in ("**x**", "$x$", ":red[x]", "<img src=x onerror=alert(1)>", "a_b", "[l](u)"):
        escaped = fmt.text(raw)
        # every markdown-active character is escaped, and removing the escapes gives the text
        assert escaped.replace("\\", "") == raw
        assert all(escaped[i - 1] == "\\" for i, ch in enumerate(escaped)
                   if ch in "*$:[]<>_()" and i > 0)
    assert fmt.tex("−0.5") == "-0.5" and fmt.tex("∞") == r"\infty"


@given(st.floats(0, 50), st.floats(0, 50))
def test_alike_sums_read_within_one_in_the_last_digit(a, b):
    """The identity H(P,Q) = H(P) + KL(P‖Q) as the explorer writes it: the shown terms add up
    to the shown total within one unit of their shared last decimal (rounding), unless the
    numbers are written in short form (too small for fixed decimals)."""
    total, x, y = fmt.alike(a + b, a, b)
    if "e" in total + x + y:
        return
    decimals = len(total.split(".")[1]) if "." in total else 0
    shown = [float(v.replace("−", "-")) for v in (total, x, y)]
    assert abs(shown[0] - shown[1] - shown[2]) <= 1.000001 * 10.0 ** -decimals
