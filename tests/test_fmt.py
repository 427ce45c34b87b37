"""ui.fmt: one number style everywhere, ∞ written as ∞."""

import math

import pytest

from ui import fmt


@pytest.mark.parametrize("x, text", [
    (0.625, "0.6250"), (2.375, "2.3750"), (math.inf, "∞"), (-math.inf, "-∞"), (math.nan, "—"),
    (4.4e-16, "4.4e-16"), (-2e-17, "-2.0e-17"), (0.0, "0.0000"), (-1e-20 * 0, "0.0000"),
    (12345.678, "12345.6780"),
])
def test_num(x, text):
    assert fmt.num(x) == text


def test_quantity_and_prob():
    assert fmt.quantity(math.inf, "bits") == "∞ bits"
    assert fmt.quantity(0.51457317, "bits") == "0.5146 bits"
    assert fmt.prob(0.125) == "0.125" and fmt.prob(1 / 3) == "0.333333" and fmt.prob(1.0) == "1"
    assert fmt.prob(0.0) == "0" and fmt.prob(4.0) == "4" and fmt.prob(-0.2) == "-0.2"
    assert fmt.prob(math.inf) == "∞" and fmt.prob(math.nan) == "—"
