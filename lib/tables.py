"""Editable tables of events (a label and one or more number columns): reading, labels, links.

A table comes from a spreadsheet-like editor, a link or a file, so anything can be in it: empty
cells, text, NaN, infinities, negative numbers, columns that do not sum to 1. Number cells are
text read by :func:`lib.numbers.parse_number` (``1/8``, ``12.5%``, ``2e2``), or numbers.
:func:`read_distributions` and :func:`read_column` never raise on such input; they list every
problem found as a :class:`lib.problems.Problem` (code, column, row, label, value, text) for the
app to explain in the reader's language.

Labels: a cell may hold a *preset label* -- :data:`LABEL_ID` followed by an identifier such as
``dog`` -- which the app shows translated into the reader's language until the reader edits it.
Whatever a reader types is kept as text: control characters are removed and its length capped.

Links: :func:`encode_table` / :func:`decode_table` write a table into one short, URL-safe-ish
query value (rows separated by ``~``, cells by ``_``; ``%``, ``~``, ``_`` escaped inside cells;
preset labels as ``@id``) and read it back with bounds on size, rows and cell length.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable, Mapping
from urllib.parse import unquote

import numpy as np
import pandas as pd

from lib.info import SUM_TOLERANCE, normalize
from lib.numbers import MAX_TEXT, format_number, try_parse_number
from lib.problems import Problem, ProblemError

MIN_EVENTS = 1
MAX_EVENTS = 50
COLUMNS = ("P", "Q")
#: Marks a label cell as a preset's event identifier (shown translated) rather than typed text.
LABEL_ID = "\x1f"
#: Longest label kept; longer labels are cut (from the grid or a file) or refused (in a link).
MAX_LABEL = 60
#: Longest table text accepted from a link.
MAX_LINK_TABLE = 4000
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


def preset_label(identifier: str) -> str:
    """The label cell of a preset event, shown translated until the reader edits it.

    >>> label_id(preset_label("dog"))
    'dog'
    """
    return LABEL_ID + identifier


def label_id(cell: object) -> str | None:
    """The identifier of a preset label cell, or None for text a reader typed."""
    return cell[1:] if isinstance(cell, str) and cell.startswith(LABEL_ID) else None


def clean_label(cell: object) -> str:
    r"""A reader's label as plain text: no control or direction-override characters, at most
    :data:`MAX_LABEL` characters, surrounding spaces removed; preset labels kept as they are.

    >>> clean_label("  wolf\u202e\n "), len(clean_label("x" * 500))
    ('wolf', 60)
    """
    if cell is None or (isinstance(cell, float) and math.isnan(cell)) or cell is pd.NA:
        return ""
    if label_id(cell) is not None:
        return cell
    return _CONTROL.sub("", str(cell)).strip()[:MAX_LABEL]


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


def display_labels(raw, default_label: Callable[[int], str] = lambda i: f"event {i + 1}",
                   name: Callable[[str], str] = lambda identifier: identifier) -> list[str]:
    """The labels a table shows: preset labels through ``name``, empty ones from
    ``default_label(row)``, and repeated ones numbered ("cat (2)"), since charts group by label.

    >>> display_labels(["a", None, "a", preset_label("dog")], name=str.upper)
    ['a', 'event 2', 'a (2)', 'DOG']
    """
    labels: list[str] = []
    seen: dict[str, int] = {}
    for i, value in enumerate(list(raw)):
        identifier = label_id(value)
        text = name(identifier) if identifier is not None else clean_label(value)
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
        x, problem = try_parse_number(cell)
        if problem is not None:
            problems.append(Problem(problem.code, name, i, labels[i], text=problem.text,
                                    limit=problem.limit))
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
                       name: Callable[[str], str] = lambda identifier: identifier,
                       ) -> ReadResult:
    """Check the editor's table and return the distributions P and Q it describes.

    ``table`` has columns ``label``, ``P`` and ``Q`` (missing ones count as empty); labels are
    shown as :func:`display_labels` gives them (``name`` translates preset labels). With
    ``counts=True`` the P and Q columns are non-negative counts or weights, each column divided
    by its own total; otherwise they must already be probabilities summing to 1 (within a
    relative 1e-9). ``p`` and ``q`` are ``None`` whenever any problem is found.

    >>> r = read_distributions(pd.DataFrame({"label": ["a", "b"], "P": [3, 1], "Q": [1, 1]}),
    ...                        counts=True)
    >>> r.p.tolist(), r.q.tolist(), r.totals
    ([0.75, 0.25], [0.5, 0.5], {'P': 4.0, 'Q': 2.0})
    """
    n = len(table)
    labels = display_labels(table["label"] if "label" in table else [None] * n,
                            default_label, name)
    if n < MIN_EVENTS:
        return ReadResult(labels, None, None, [Problem("no_rows", value=n)])
    if n > MAX_EVENTS:
        return ReadResult(labels, None, None, [Problem("too_many_rows", value=n,
                                                       limit=MAX_EVENTS)])

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


def fraction_text(x: float) -> str:
    """A probability as a student would type it: a simple fraction when ``x`` is one (to
    double precision, denominator at most 1000), else the shortest exact decimal.

    >>> fraction_text(1 / 3), fraction_text(0.25), fraction_text(0.1), fraction_text(0.123456789)
    ('1/3', '0.25', '0.1', '0.123456789')
    """
    x = float(x)
    if x in (0.0, 1.0):
        return format_number(x)
    frac = Fraction(x).limit_denominator(1000)
    if float(frac) == x and frac.denominator > 1:
        decimal = format_number(x)
        return decimal if len(decimal) <= 5 else f"{frac.numerator}/{frac.denominator}"
    return format_number(x)


def normalised_table(table: pd.DataFrame, columns=COLUMNS) -> pd.DataFrame:
    """The same table with each number column divided by its sum, written as text cells
    (:func:`fraction_text`). Only meaningful when the columns hold readable, non-negative numbers
    with a positive sum (:func:`read_distributions` reported nothing but ``"sum"`` problems).

    >>> normalised_table(pd.DataFrame({"label": ["a", "b", "c"], "P": ["1", "1", "1"],
    ...                                "Q": ["2", "1", "1"]})).values.tolist()
    [['a', '1/3', '0.5'], ['b', '1/3', '0.25'], ['c', '1/3', '0.25']]
    """
    out = table.copy()
    for name in columns:
        values = [try_parse_number(cell)[0] for cell in out[name]]
        out[name] = [fraction_text(v) for v in normalize(np.array(values, dtype=float), name)]
    return out


def text_table(table: pd.DataFrame, columns=COLUMNS) -> pd.DataFrame:
    """A copy with the label column cleaned and the number columns as text cells, the form the
    editors, links and files share (numbers become their shortest exact text).

    >>> text_table(pd.DataFrame({"label": ["a"], "P": [0.5], "Q": ["1/2"]})).values.tolist()
    [['a', '0.5', '1/2']]
    """
    out = pd.DataFrame({"label": [clean_label(v) for v in table["label"]]}
                       if "label" in table else {"label": [""] * len(table)})
    for name in columns:
        cells = table[name] if name in table else [None] * len(table)
        out[name] = [_cell_text(v) for v in cells]
    return out.astype(object)


def _cell_text(value: object) -> str:
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        return "" if math.isnan(float(value)) else format_number(float(value))
    return _CONTROL.sub("", str(value)).strip()[:MAX_TEXT + 1]


# ---- links ---------------------------------------------------------------------------------------

def _escape(cell: str) -> str:
    return cell.replace("%", "%25").replace("~", "%7E").replace("_", "%5F")


def encode_table(table: pd.DataFrame, columns=COLUMNS) -> str:
    """One query value holding the table: rows joined by ``~``, cells by ``_`` (label first,
    then ``columns``); preset labels written ``@id`` (a typed label starting with ``@`` is
    escaped as ``%40``), so the receiver sees them in their own language.

    >>> t = pd.DataFrame({"label": [preset_label("dog"), "my_cat"], "P": ["1/2", "0.5"],
    ...                   "Q": ["1/4", "3/4"]})
    >>> encode_table(t)
    '@dog_1/2_1/4~my%5Fcat_0.5_3/4'
    >>> decode_table(encode_table(t)).equals(text_table(t))
    True
    """
    rows = []
    for _, row in text_table(table, columns).iterrows():
        identifier = label_id(table.loc[_, "label"]) if "label" in table else None
        label = "@" + _escape(identifier) if identifier is not None else \
            _escape(row["label"]).replace("@", "%40", 1) if row["label"].startswith("@") \
            else _escape(row["label"])
        rows.append("_".join([label, *(_escape(row[c]) for c in columns)]))
    return "~".join(rows)


def decode_table(text: str, columns=COLUMNS, *, max_rows: int = MAX_EVENTS) -> pd.DataFrame:
    """Read :func:`encode_table`'s text back into a table of text cells, refusing anything that
    is not one: raises :class:`lib.problems.ProblemError` with ``too_long`` (over
    :data:`MAX_LINK_TABLE` characters), ``too_many_rows``, ``bad_table`` (wrong number of cells,
    a label over :data:`MAX_LABEL` characters or a cell over ``MAX_TEXT``) or the first number
    problem (``not_number`` ...) found in a cell, with its row and column. Nothing is evaluated.

    >>> decode_table("a_1_2~b_3").shape
    Traceback (most recent call last):
    ...
    lib.problems.ProblemError: bad_table
    """
    if not isinstance(text, str) or not text:
        raise ProblemError(Problem("bad_table", text=""))
    if len(text) > MAX_LINK_TABLE:
        raise ProblemError(Problem("too_long", limit=MAX_LINK_TABLE))
    rows = text.split("~")
    if len(rows) > max_rows:
        raise ProblemError(Problem("too_many_rows", value=len(rows), limit=max_rows))
    labels, cells = [], {c: [] for c in columns}
    for i, row in enumerate(rows):
        parts = [unquote(part) for part in row.split("_")]
        if len(parts) != 1 + len(columns):
            raise ProblemError(Problem("bad_table", row=i, text=row[:MAX_TEXT]))
        label = parts[0]
        if row.startswith("@"):
            label = preset_label(label[1:])
            if not re.fullmatch(r"[a-z0-9_]{1,30}", label[1:]):
                raise ProblemError(Problem("bad_table", row=i, text=row[:MAX_TEXT]))
        elif len(label) > MAX_LABEL or _CONTROL.search(label):
            raise ProblemError(Problem("bad_table", row=i, text=label[:MAX_TEXT]))
        labels.append(label)
        for c, cell in zip(columns, parts[1:]):
            value, problem = try_parse_number(cell)
            if problem is not None:
                raise ProblemError(Problem(problem.code, c, i, text=problem.text or cell[:MAX_TEXT]))
            cells[c].append(cell.strip())
    return pd.DataFrame({"label": labels, **cells}).astype(object)


def read_column(table: pd.DataFrame, column: str, *,
                default_label: Callable[[int], str] = lambda i: f"event {i + 1}",
                name: Callable[[str], str] = lambda identifier: identifier,
                ) -> tuple[list[str], np.ndarray | None, list[Problem]]:
    """Labels and the checked numbers of one column of an editor table (problems as in
    :func:`read_distributions`: empty, not a number, not finite, negative; plus ``no_rows`` and
    ``too_many_rows``). The numbers are ``None`` when anything is wrong.
    """
    n = len(table)
    labels = display_labels(table["label"] if "label" in table else [None] * n,
                            default_label, name)
    if n < MIN_EVENTS:
        return labels, None, [Problem("no_rows", value=n)]
    if n > MAX_EVENTS:
        return labels, None, [Problem("too_many_rows", value=n, limit=MAX_EVENTS)]
    raw = table[column] if column in table else pd.Series([None] * n)
    values, problems = _column(raw, column, labels)
    return labels, (None if problems else values), problems


# ---- edits ---------------------------------------------------------------------------------------

#: At most this many added rows of an edit are read (the client sends them; it may send many).
MAX_ADDED = 1000


def apply_edits(base: pd.DataFrame, edits: Mapping, columns=COLUMNS,
                bool_columns=()) -> pd.DataFrame:
    """``base`` with a data editor's edits applied, as Streamlit applies them: cell edits by row
    position, then deletions, then added rows (cells by column name).

    Typed labels become plain text (:func:`clean_label`: a preset label the reader edits stops
    following the language); number cells become text cells; check-box cells bools. Edits come
    from the browser, so anything malformed (unknown columns, rows out of range, odd types) is
    skipped, and at most :data:`MAX_ADDED` added rows are read.

    >>> base = pd.DataFrame({"label": [preset_label("dog"), "b"], "P": ["1/2", "1/2"]})
    >>> apply_edits(base, {"edited_rows": {"1": {"P": "0.25"}}, "deleted_rows": [0],
    ...                    "added_rows": [{"label": "c", "P": 0.25}]}, ("P",)).values.tolist()
    [['b', '0.25'], ['c', '0.25']]
    """
    out = base.copy().reset_index(drop=True)
    if not isinstance(edits, Mapping):
        return out
    names = ("label", *columns, *bool_columns)

    def cell(name: str, value: object) -> object:
        if name == "label":
            return clean_label(value)
        if name in bool_columns:
            return bool(value) if isinstance(value, (bool, int, float)) and not (
                isinstance(value, float) and math.isnan(value)) else False
        return _cell_text(value)

    edited = edits.get("edited_rows") or {}
    if isinstance(edited, Mapping):
        for row, changes in edited.items():
            try:
                position = int(row)
            except (TypeError, ValueError):
                continue
            if not 0 <= position < len(out) or not isinstance(changes, Mapping):
                continue
            for name, value in changes.items():
                if name in names:
                    out.at[position, name] = cell(name, value)
    deleted = edits.get("deleted_rows") or []
    if isinstance(deleted, list):
        keep = set(range(len(out))) - {int(r) for r in deleted
                                       if isinstance(r, (int, str)) and str(r).isdigit()}
        out = out.iloc[sorted(keep)].reset_index(drop=True)
    added = edits.get("added_rows") or []
    if isinstance(added, list) and added:
        rows = [{name: cell(name, row.get(name)) for name in names}
                for row in added[:MAX_ADDED] if isinstance(row, Mapping)]
        out = pd.concat([out, pd.DataFrame(rows, columns=list(names))], ignore_index=True)
    return out.astype(object) if not bool_columns else out
