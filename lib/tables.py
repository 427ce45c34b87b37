"""Reading the explorer's editable table (label, P, Q) into two checked distributions.

The table comes from a spreadsheet-like editor, so anything can be in it: empty cells, text,
NaN, infinities, negative numbers, columns that do not sum to 1. :func:`read_distributions`
never raises on such input; it lists every problem found as a :class:`Problem` with enough
detail (code, column, row, label, value) for the app to explain it in the reader's language.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd

from lib.info import SUM_TOLERANCE, normalize

MIN_EVENTS = 1
MAX_EVENTS = 50
COLUMNS = ("P", "Q")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the table.

    ``code`` is one of ``"no_rows"``, ``"too_many_rows"``, ``"empty"``, ``"not_number"``,
    ``"not_finite"``, ``"negative"``, ``"all_zero"``, ``"sum"``. ``"sum"`` is the only one that
    :func:`normalised_table` can repair; the others block every result.
    """

    code: str
    column: str | None = None
    row: int | None = None       # 0-based position in the table
    label: str | None = None
    value: float | None = None   # the offending value, the row count, or a column's sum


@dataclass
class ReadResult:
    """What the table holds: labels, the two distributions (when usable) and the problems."""

    labels: list[str]
    p: np.ndarray | None
    q: np.ndarray | None
    problems: list[Problem] = field(default_factory=list)
    totals: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.p is not None and self.q is not None

    @property
    def only_sum_problems(self) -> bool:
        """True when normalising each column would fix everything."""
        return bool(self.problems) and all(pr.code == "sum" for pr in self.problems)


def _labels(raw: pd.Series, default_label: Callable[[int], str]) -> list[str]:
    labels: list[str] = []
    seen: dict[str, int] = {}
    for i, value in enumerate(raw.tolist()):
        text = "" if value is None or (isinstance(value, float) and math.isnan(value)) \
            else str(value).strip()
        text = text or default_label(i)
        # Charts group by label, so two rows named alike would be drawn as one bar.
        if text in seen:
            seen[text] += 1
            text = f"{text} ({seen[text]})"
        else:
            seen[text] = 1
        labels.append(text)
    return labels


def _column(raw: pd.Series, name: str, labels: list[str]) -> tuple[np.ndarray, list[Problem]]:
    values = np.full(len(raw), np.nan)
    problems: list[Problem] = []
    for i, cell in enumerate(raw.tolist()):
        if cell is None or cell is pd.NA or (isinstance(cell, str) and not cell.strip()):
            problems.append(Problem("empty", name, i, labels[i]))
            continue
        try:
            x = float(cell)
        except (TypeError, ValueError):
            problems.append(Problem("not_number", name, i, labels[i]))
            continue
        if math.isnan(x):
            # The editor stores an emptied numeric cell as NaN: to a reader that is "empty".
            problems.append(Problem("empty", name, i, labels[i]))
        elif math.isinf(x):
            problems.append(Problem("not_finite", name, i, labels[i], x))
        elif x < 0:
            problems.append(Problem("negative", name, i, labels[i], x))
        else:
            values[i] = x
    return values, problems


def read_distributions(table: pd.DataFrame, *, counts: bool = False,
                       default_label: Callable[[int], str] = lambda i: f"event {i + 1}",
                       ) -> ReadResult:
    """Check the editor's table and return the distributions P and Q it describes.

    ``table`` has columns ``label``, ``P`` and ``Q`` (missing ones count as empty). With
    ``counts=True`` the P and Q columns are non-negative counts or weights, each column divided
    by its own total; otherwise they must already be probabilities summing to 1 (within a
    relative 1e-9). ``p`` and ``q`` are ``None`` whenever any problem is found.

    >>> r = read_distributions(pd.DataFrame({"label": ["a", "b"], "P": [3, 1], "Q": [1, 1]}),
    ...                        counts=True)
    >>> r.p.tolist(), r.q.tolist(), r.totals
    ([0.75, 0.25], [0.5, 0.5], {'P': 4.0, 'Q': 2.0})
    """
    n = len(table)
    labels = _labels(table["label"] if "label" in table else pd.Series([None] * n),
                     default_label)
    if n < MIN_EVENTS:
        return ReadResult(labels, None, None, [Problem("no_rows", value=n)])
    if n > MAX_EVENTS:
        return ReadResult(labels, None, None, [Problem("too_many_rows", value=n)])

    problems: list[Problem] = []
    columns: dict[str, np.ndarray] = {}
    for name in COLUMNS:
        raw = table[name] if name in table else pd.Series([None] * n)
        values, column_problems = _column(raw, name, labels)
        problems += column_problems
        columns[name] = values

    totals: dict[str, float] = {}
    if not problems:
        for name in COLUMNS:
            with np.errstate(over="ignore"):
                total = float(np.sum(columns[name]))
            totals[name] = total
            if total == 0.0:
                problems.append(Problem("all_zero", name))
            elif not counts and abs(total - 1.0) > SUM_TOLERANCE:
                problems.append(Problem("sum", name, value=total))
    if problems:
        return ReadResult(labels, None, None, problems, totals)
    if counts:
        return ReadResult(labels, normalize(columns["P"], "P"), normalize(columns["Q"], "Q"),
                          totals=totals)
    return ReadResult(labels, columns["P"], columns["Q"], totals=totals)


def normalised_table(table: pd.DataFrame) -> pd.DataFrame:
    """The same table with the P and Q columns each divided by their sum.

    Only meaningful when :func:`read_distributions` reported nothing but ``"sum"`` problems.
    """
    out = table.copy()
    for name in COLUMNS:
        out[name] = normalize(pd.to_numeric(out[name]).astype(float).to_numpy(), name)
    return out


def read_column(table: pd.DataFrame, column: str, *,
                default_label: Callable[[int], str] = lambda i: f"event {i + 1}",
                ) -> tuple[list[str], np.ndarray | None, list[Problem]]:
    """Labels and the checked numbers of one column of an editor table (problems as in
    :func:`read_distributions`: empty, not a number, not finite, negative; plus ``no_rows`` and
    ``too_many_rows``). The numbers are ``None`` when anything is wrong.
    """
    n = len(table)
    labels = _labels(table["label"] if "label" in table else pd.Series([None] * n),
                     default_label)
    if n < MIN_EVENTS:
        return labels, None, [Problem("no_rows", value=n)]
    if n > MAX_EVENTS:
        return labels, None, [Problem("too_many_rows", value=n)]
    raw = table[column] if column in table else pd.Series([None] * n)
    values, problems = _column(raw, column, labels)
    return labels, (None if problems else values), problems
