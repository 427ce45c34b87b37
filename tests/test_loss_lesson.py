"""lib.loss_lesson: the multi-label results table and the table's CSV frame."""

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import loss_lesson, losses


def test_results_table_worked_example():
    y, a = [1.0, 1.0, 0.0], [0.8, 0.9, 0.1]
    table = loss_lesson.multi_label_table(["rice", "pumpkin", "green"], y, a,
                                          losses.multi_label_terms(y, a))
    assert table == {"class": ["rice", "pumpkin", "green"], "y": [1, 1, 0],
                     "a": ["0.8", "0.9", "0.1"], "term": ["0.223144", "0.105361", "0.105361"]}


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.floats(0.0, 1.0)), min_size=1, max_size=6))
def test_file_keeps_the_cells_as_typed(rows):
    table = pd.DataFrame({"label": [f"c{i}" for i in range(len(rows))],
                          "a": [repr(a) for _, a in rows], "y": [y for y, _ in rows]})
    frame = loss_lesson.multi_label_file(list(table["label"]), table)
    assert frame["y"].tolist() == [int(y) for y, _ in rows]
    assert frame["a"].tolist() == [repr(a) for _, a in rows]
