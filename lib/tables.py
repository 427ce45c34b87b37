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

Links: :func:`encode_table` / :func:`decode_table` write a table into one query value (rows
separated by ``~``, cells by ``_``; ``%``, ``~``, ``_`` escaped inside cells; preset labels as
``@id``; a table too long for that plain form is deflated and written in url-safe base64) and
read it back cell by cell, keeping what was typed, with bounds on size and rows.
"""

from __future__ import annotations

import base64
import math
import re
import zlib
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Callable, Mapping, Sequence
from urllib.parse import quote_plus, unquote

import numpy as np
import pandas as pd

from lib import csvfile
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
    return _CONTROL.sub("", str(cell)).strip()[:MAX_LABEL].rstrip()


#: Header names a file may use for the label column (besides "label"), in either language.
LABEL_ALIASES = ("event", "name", "事件", "名称", "标签")


def read_file(data: bytes, columns: Sequence[str], max_rows: int) -> csvfile.CsvRead:
    r"""An uploaded CSV file of an editable table: :func:`lib.csvfile.read_csv` of a ``label``
    column (optional; or one of :data:`LABEL_ALIASES`) and ``columns`` of numbers (cells stay
    text), at most ``max_rows`` rows. A file's labels are the reader's text: cleaned
    (:func:`clean_label`), never a preset identifier.

    >>> read_file(b"event,P\n\x1fdog\x07,0.5\n", ("P",), 10).table.values.tolist()
    [['0.5', 'dog']]
    """
    read = csvfile.read_csv(data, columns, ("label",), numeric=columns,
                            aliases={"label": LABEL_ALIASES}, max_rows=max_rows)
    if not read.ok:
        return read
    labels = [clean_label(v.replace(LABEL_ID, "")) for v in read.table["label"]]
    return replace(read, table=read.table.assign(label=labels))


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
    # Longer than any number: cut, and marked so that it stays too long (the page says so).
    text = _CONTROL.sub("", str(value)).strip()
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + "…"


# ---- links ---------------------------------------------------------------------------------------

#: Longest plain table text (today's form) accepted from a link; a table whose plain form would
#: be longer in the address bar is written in the compact form instead.
MAX_LINK_TABLE = 4000
#: Starts the compact form, version 1: url-safe base64 (no padding) of the plain form deflated.
#: No plain table starts with "~": every row holds at least one "_".
COMPACT = "~1"
#: A link holds up to this many times a table's row limit: a reader who went past the limit
#: (one "+" too many) keeps every row, and the page says how many are too many.
LINK_ROWS_FACTOR = 2
_B64 = re.compile(r"[A-Za-z0-9_-]*")


def link_limits(n_columns: int = len(COLUMNS), max_rows: int = MAX_EVENTS) -> tuple[int, int]:
    """``(plain_bytes, compact_chars)``: the most UTF-8 bytes the plain form of a table can take,
    and the most characters of its compact form, for a table of ``n_columns`` number columns
    and up to ``LINK_ROWS_FACTOR * max_rows`` rows whose labels hold at most :data:`MAX_LABEL`
    characters and number cells at most ``MAX_TEXT + 1`` (what the editor keeps: a longer cell
    is cut and marked "…").

    Every character of the plain form takes at most 4 bytes (an escaped one 3: ``%7E``); deflate
    adds at most 5 bytes per 16 KB block, the zlib frame 6, and base64 writes 4 characters for
    every 3 bytes. These are the caps for a link from a stranger: the largest table the editor
    or a file can give fits, nothing larger is decompressed.

    >>> link_limits(2, 50)
    (57100, 76192)
    """
    row = 4 * (MAX_LABEL + n_columns * (MAX_TEXT + 1)) + n_columns + 1
    plain = LINK_ROWS_FACTOR * max_rows * row
    deflated = plain + 5 * (plain // 16384 + 1) + 6 + 16
    return plain, len(COMPACT) + -(-4 * deflated // 3)


def _escape(cell: str) -> str:
    return cell.replace("%", "%25").replace("~", "%7E").replace("_", "%5F")


def _plain(table: pd.DataFrame, columns) -> str:
    rows = []
    for _, row in text_table(table, columns).iterrows():
        identifier = label_id(table.loc[_, "label"]) if "label" in table else None
        label = "@" + _escape(identifier) if identifier is not None else \
            _escape(row["label"]).replace("@", "%40", 1) if row["label"].startswith("@") \
            else _escape(row["label"])
        rows.append("_".join([label, *(_escape(row[c]) for c in columns)]))
    return "~".join(rows)


def encode_table(table: pd.DataFrame, columns=COLUMNS) -> str:
    """One query value holding the table.

    The plain form: rows joined by ``~``, cells by ``_`` (label first, then ``columns``); preset
    labels written ``@id`` (a typed label starting with ``@`` is escaped as ``%40``), so the
    receiver sees them in their own language. When the plain form would take more than
    :data:`MAX_LINK_TABLE` characters in the address bar (where ``/``, spaces and every
    non-ASCII character are percent-encoded), the compact form: :data:`COMPACT` followed by the
    plain form deflated and written in url-safe base64, which the address bar shows as it is.

    >>> t = pd.DataFrame({"label": [preset_label("dog"), "my_cat"], "P": ["1/2", "0.5"],
    ...                   "Q": ["1/4", "3/4"]})
    >>> encode_table(t)
    '@dog_1/2_1/4~my%5Fcat_0.5_3/4'
    >>> decode_table(encode_table(t)).equals(text_table(t))
    True
    >>> big = pd.DataFrame({"label": [f"event {i:02d}: a label of sixty characters, as a "
    ...                               "long one can be." for i in range(50)],
    ...                     "P": ["1/50"] * 50, "Q": ["0.020000"] * 50})
    >>> len(_plain(big, COLUMNS)), len(quote_plus(_plain(big, COLUMNS))), len(encode_table(big))
    (3749, 4049, 285)
    >>> link = encode_table(big)
    >>> link[:2], decode_table(link).equals(text_table(big))
    ('~1', True)
    """
    plain = _plain(table, columns)
    if len(quote_plus(plain)) <= MAX_LINK_TABLE:
        return plain
    packed = zlib.compress(plain.encode("utf-8"), 9)
    return COMPACT + base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def _unpack(text: str, plain_bytes: int) -> str:
    """The plain form inside a compact one, decompressing at most ``plain_bytes`` bytes."""
    body = text[len(COMPACT):]
    if not _B64.fullmatch(body) or len(body) % 4 == 1:
        raise ProblemError(Problem("bad_table", text=text[:MAX_TEXT]))
    packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    inflate = zlib.decompressobj()
    try:
        plain = inflate.decompress(packed, plain_bytes + 1)
    except zlib.error:
        raise ProblemError(Problem("bad_table", text=text[:MAX_TEXT])) from None
    # Inflating past the bound (a "zip bomb") or a cut or padded stream: not a table of ours.
    if len(plain) > plain_bytes or inflate.unconsumed_tail or not inflate.eof \
            or inflate.unused_data:
        raise ProblemError(Problem("bad_table", text=text[:MAX_TEXT]))
    try:
        return plain.decode("utf-8")
    except UnicodeDecodeError:
        raise ProblemError(Problem("bad_table", text=text[:MAX_TEXT])) from None


def decode_table(text: str, columns=COLUMNS, *, max_rows: int = MAX_EVENTS) -> pd.DataFrame:
    """Read :func:`encode_table`'s text (either form) back into a table of text cells.

    Cell by cell, as the editor keeps them: whatever was typed stays, and whether a cell is a
    number is for the page to say, as it does before a reload (an empty cell, ``abc`` or ``0,5``
    come back as they were). Labels are cleaned as the editor cleans them (control characters
    removed, at most :data:`MAX_LABEL` characters), number cells longer than ``MAX_TEXT`` cut
    to that and marked "…" (the page then says the cell is too long); ``@id`` is a preset
    label when ``id`` is one (lowercase letters, digits, ``_``), else the text as written.

    Only text that is not a table at all is refused, with :class:`lib.problems.ProblemError`:
    ``too_long`` (a plain form over :data:`MAX_LINK_TABLE` characters, a compact one over
    :func:`link_limits`), ``too_many_rows`` (over ``LINK_ROWS_FACTOR * max_rows``) or
    ``bad_table`` (a row with the wrong number of cells; a compact form that is not url-safe
    base64 of deflate data, or that inflates past :func:`link_limits`: nothing more is
    inflated). Nothing is evaluated.

    >>> decode_table("a_abc_1~__").values.tolist()
    [['a', 'abc', '1'], ['', '', '']]
    >>> decode_table("a_1_2~b_3").shape
    Traceback (most recent call last):
    ...
    lib.problems.ProblemError: bad_table
    """
    if not isinstance(text, str) or not text:
        raise ProblemError(Problem("bad_table", text=""))
    plain_bytes, compact_chars = link_limits(len(columns), max_rows)
    if text.startswith(COMPACT):
        if len(text) > compact_chars:
            raise ProblemError(Problem("too_long", limit=compact_chars))
        text = _unpack(text, plain_bytes)
    elif text.startswith("~"):
        raise ProblemError(Problem("bad_table", text=text[:MAX_TEXT]))
    elif len(text) > MAX_LINK_TABLE:
        raise ProblemError(Problem("too_long", limit=MAX_LINK_TABLE))
    rows = text.split("~")
    most = LINK_ROWS_FACTOR * max_rows
    if len(rows) > most:
        raise ProblemError(Problem("too_many_rows", value=len(rows), limit=most))
    labels, cells = [], {c: [] for c in columns}
    for i, row in enumerate(rows):
        parts = row.split("_")
        if len(parts) != 1 + len(columns):
            raise ProblemError(Problem("bad_table", row=i, text=row[:MAX_TEXT]))
        if parts[0].startswith("@") and re.fullmatch(r"[a-z0-9_]{1,30}", unquote(parts[0][1:])):
            labels.append(preset_label(unquote(parts[0][1:])))
        else:
            labels.append(clean_label(_CONTROL.sub("", unquote(parts[0]))))
        for c, cell in zip(columns, parts[1:]):
            cells[c].append(_cell_text(unquote(cell)))
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


def read_predictions(table: pd.DataFrame, column: str = "a", target: str = "y", *,
                     default_label: Callable[[int], str] = lambda i: f"event {i + 1}",
                     name: Callable[[str], str] = lambda identifier: identifier,
                     ) -> tuple[list[str], np.ndarray | None, np.ndarray | None, list[Problem]]:
    """Labels, targets and predictions of a multi-label table: each class's prediction in
    ``column``, checked as :func:`read_column` does and at most 1 (``above_one``), and its
    target, the tick in the check-box column ``target``, as 1.0 or 0.0. Targets and predictions
    are ``None`` when anything is wrong.

    >>> t = pd.DataFrame({"label": ["rice", "green"], "a": ["0.8", "0.1"], "y": [True, False]})
    >>> labels, y, a, problems = read_predictions(t)
    >>> labels, y.tolist(), a.tolist(), problems
    (['rice', 'green'], [1.0, 0.0], [0.8, 0.1], [])
    >>> read_predictions(t.assign(a=["0.8", "1.5"]))[3][0].code
    'above_one'
    """
    labels, a, found = read_column(table, column, default_label=default_label, name=name)
    if a is not None:
        found += [Problem("above_one", column=column, row=int(i), label=labels[i],
                          value=float(a[i])) for i in np.flatnonzero(a > 1)]
    if found:
        return labels, None, None, found
    return labels, np.array([bool(v) for v in table[target]], dtype=float), a, found


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
