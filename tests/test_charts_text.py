"""lib.charts_text: the table of the curve over orders (the chart's text alternative)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import text
from lib.charts_text import order_table


def test_order_table_on_a_fixed_text():
    train, held = "the cat sat on the mat. " * 4, "the dog sat on a log. " * 2
    rows = order_table(text.order_curve(train, held, 0.01, orders=(0, 1, 2)))
    # the same numbers as text.cross_entropy_bits of each text at each order, and 2 to them
    assert rows == {"order": ["0", "1", "2"],
                    "train_bits": ["3.090", "0.903", "0.346"],
                    "train_ppl": ["8.52", "1.87", "1.27"],
                    "held_bits": ["8.824", "7.700", "6.448"],
                    "held_ppl": ["453.20", "207.90", "87.28"]}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 12), st.floats(0, 12)), min_size=1, max_size=6))
def test_order_table_perplexity_is_two_to_the_bits(pairs):
    rows = order_table([text.OrderPoint(k, a, b) for k, (a, b) in enumerate(pairs)])
    assert rows["order"] == [str(k) for k in range(len(pairs))]
    for bits, ppl, values in (("train_bits", "train_ppl", [a for a, _ in pairs]),
                              ("held_bits", "held_ppl", [b for _, b in pairs])):
        assert [float(v) for v in rows[bits]] == pytest.approx(values, abs=5e-4)
        assert [float(v) for v in rows[ppl]] == pytest.approx([2 ** v for v in values],
                                                              abs=5e-3)
