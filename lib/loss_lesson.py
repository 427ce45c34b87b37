"""The tables the cross-entropy-as-a-loss page shows and writes, as columns by name, their cells
as the page shows them (:mod:`lib.losses` computes the numbers)."""

from __future__ import annotations

from typing import Sequence

import pandas as pd

from lib import fmt

__all__ = ["multi_label_file", "multi_label_table"]


def multi_label_table(labels: Sequence[str], y, a, terms) -> dict[str, list]:
    """The multi-label results table: per class (``labels``) its target ``y`` (0 or 1), its
    predicted probability ``a`` as typed (:func:`lib.fmt.prob`) and its term
    ``−[y ln a + (1 − y) ln(1 − a)]`` in nats (:func:`lib.losses.multi_label_terms`) with six
    significant digits (:func:`lib.fmt.exact`; ∞ written out).

    >>> from lib.losses import multi_label_terms
    >>> y, a = [1.0, 0.0], [0.8, 1.0]
    >>> multi_label_table(["rice", "greens"], y, a, multi_label_terms(y, a))
    {'class': ['rice', 'greens'], 'y': [1, 0], 'a': ['0.8', '1'], 'term': ['0.223144', '∞']}
    """
    return {"class": list(labels), "y": [int(v) for v in y], "a": [fmt.prob(v) for v in a],
            "term": [fmt.exact(v) for v in terms]}


def multi_label_file(labels: Sequence[str], table: pd.DataFrame) -> pd.DataFrame:
    """The multi-label table as the reader sees it, for its CSV file: ``class`` (``labels``,
    the names shown), ``y`` (the table's ticks as 0/1) and ``a`` (the cells as typed).

    >>> table = pd.DataFrame({"label": ["x", None], "a": ["0.8", "1/4"], "y": [True, False]})
    >>> multi_label_file(["x", "Class 2"], table).to_dict("list")
    {'class': ['x', 'Class 2'], 'y': [1, 0], 'a': ['0.8', '1/4']}
    """
    return pd.DataFrame({"class": list(labels), "y": [int(bool(v)) for v in table["y"]],
                         "a": list(table["a"])})
