"""Tables in and out as CSV files: a bounded, non-evaluating reader and a matching writer.

:func:`read_csv` turns the bytes of an uploaded file into a table of **text** cells (the same
kind of cells the app's grids hold), or into problems; :func:`write_csv` turns a table into the
bytes of a file that :func:`read_csv` reads back unchanged. Nothing in a file is ever evaluated:
cells are text, numbers are only *checked* with :func:`lib.numbers.try_parse_number` (a small
grammar, no ``eval``), and labels stay exactly as written.

What the reader accepts (decisions, so the app can state them):

* **Size.** At most :data:`MAX_BYTES` (1 MB = 1,000,000 bytes: :data:`MAX_MB` whole megabytes,
  the unit a browser's upload box counts in, so that the box and the app state one limit) and
  :data:`MAX_ROWS` (50) data rows; blank lines do not count.
* **Encoding.** UTF-8, with or without a byte-order mark. Anything else is ``file_encoding``
  (a UTF-16 file, as Excel's "Unicode text" writes, is named as such in ``text``; a file that
  reads as Chinese GB18030, Excel's default on Chinese Windows, gets ``text="gb18030"``). A file
  with a NUL byte is ``file_binary`` (images, spreadsheets, PDFs all have them).
* **Separator.** Commas or semicolons, whichever occurs more often (outside quotes) in the
  header line; commas on a tie. Quotes follow RFC 4180 (``"a ""quoted"" label"``).
* **Decimal commas.** A semicolon file is what a spreadsheet writes where the comma is the
  decimal mark (Germany, France, ...), so in a semicolon file a number cell with exactly one
  comma and no point (``0,125``, ``12,5%``, ``1,5e-3``) is read with a point instead and
  :attr:`CsvRead.decimal_comma` says so. In a comma file there is no such guessing: a quoted
  ``"0,5"`` is a ``file_parse`` problem (``1,000`` could mean a thousand).
* **Columns by name.** Header names are compared after Unicode NFKC normalisation, trimming and
  case folding, against each column's name and its aliases; other columns are ignored. A
  required column that is missing, or a wanted column that appears twice, is ``file_columns``
  (``value`` = how many matching columns were found: 0 or 2+). Missing optional columns come
  back as empty text.
* **Cells.** Text cells are kept exactly (spaces included). A cell of a number column must be a
  number :mod:`lib.numbers` can read, else ``file_parse`` with the column, row and text; whether
  the number is a valid probability is the table's business, not the file's. A row with more
  non-empty cells than the header has names is ``file_parse`` (``value`` = cells, ``limit`` =
  header length); missing trailing cells are empty.
* **Rows in problems** are 0-based lines of the file with the header as line 0, so ``row + 1``
  is the row number a spreadsheet shows. Which sentence each problem gets is
  :func:`problem_case`.

The writer always writes UTF-8 with a byte-order mark (so Excel shows Chinese labels correctly),
commas, ``\\r\\n`` line ends, a header line, and float cells as the shortest text that reads back
as the same float. Spreadsheets run a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return as a formula, so such a text cell is written with a leading apostrophe
(the spreadsheet convention for "this is text"), unless it is a plain number in a number column;
the reader removes that apostrophe again, which keeps the round trip exact.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from lib import fmt
from lib.cases import Case
from lib.numbers import format_number, try_parse_number
from lib.problems import Problem

__all__ = ["MAX_BYTES", "MAX_MB", "MAX_ROWS", "CsvRead", "problem_case", "read_csv",
           "write_csv"]

#: Largest file read, in megabytes of 1,000,000 bytes (an upload box counts in whole megabytes;
#: fifty rows with 60-character labels take about 5 KB).
MAX_MB = 1
#: Largest file read, in bytes.
MAX_BYTES = MAX_MB * 1_000_000
#: Most data rows read.
MAX_ROWS = 50

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
_PLAIN_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?$"
                           r"|^[+-]?\d+(?:\.\d+)?/\d+(?:\.\d+)?$")
_ONE_DECIMAL_COMMA = re.compile(r"^[^.,]*,[^.,]*$")


@dataclass(frozen=True)
class CsvRead:
    """What :func:`read_csv` found.

    ``table`` holds the wanted columns (required, then optional, in the caller's order) as
    ``str`` cells, or is ``None`` when ``problems`` is not empty. ``delimiter`` is ``","`` or
    ``";"`` once the header was read; ``decimal_comma`` is True when some number was written
    with a decimal comma and read with a point.
    """

    table: pd.DataFrame | None
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    delimiter: str | None = None
    decimal_comma: bool = False

    @property
    def ok(self) -> bool:
        return self.table is not None and not self.problems


def _fail(*problems: Problem, delimiter: str | None = None) -> CsvRead:
    return CsvRead(None, tuple(problems), delimiter)


def _key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


def _unguard(cell: str) -> str:
    """Drop the apostrophe :func:`write_csv` puts before a formula-like cell."""
    if len(cell) > 1 and cell[0] == "'" and cell[1].startswith(_FORMULA_START):
        return cell[1:]
    return cell


def _guard(cell: str, numeric: bool) -> str:
    if cell.startswith(_FORMULA_START) and not (numeric and _PLAIN_NUMBER.match(cell)):
        return "'" + cell
    return cell


def _sniff(text: str) -> str:
    """``";"`` when the first non-blank line has more semicolons than commas outside quotes."""
    header = ""
    for line in text.splitlines():
        if line.strip():
            header = line
            break
    counts = {",": 0, ";": 0}
    quoted = False
    for ch in header:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    return ";" if counts[";"] > counts[","] else ","


def _decode(data: bytes) -> tuple[str | None, Problem | None]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem("file_encoding", text="utf-16")
    if b"\x00" in data:
        return None, Problem("file_binary")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        guess = None
        try:
            if re.search(r"[\u4e00-\u9fff]", data.decode("gb18030")):
                guess = "gb18030"
        except UnicodeDecodeError:
            pass
        return None, Problem("file_encoding", value=float(err.start), text=guess)


def read_csv(data: bytes, required: Sequence[str], optional: Sequence[str] = (), *,
             numeric: Iterable[str] = (), aliases: Mapping[str, Sequence[str]] | None = None,
             max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS) -> CsvRead:
    """Read an uploaded CSV file into a table of text cells, or say what is wrong with it.

    Parameters
    ----------
    data : bytes
        The file's contents, as uploaded.
    required, optional : sequence of str
        The columns wanted, by their canonical names (``("P", "Q")``, ``("label",)``); the
        result's columns carry these names whatever the file's header spelled.
    numeric : iterable of str
        Which of those columns must hold numbers (checked, never converted: cells stay text).
    aliases : mapping, optional
        Other header names accepted for a column, e.g. ``{"label": ("event", "事件")}``.
    max_bytes, max_rows : int
        The bounds (defaults :data:`MAX_BYTES` and :data:`MAX_ROWS`).

    Returns
    -------
    CsvRead
        ``table`` (or ``None``) and ``problems``, each a :class:`lib.problems.Problem` with one
        of the codes ``file_empty``, ``file_too_big`` (``value`` bytes, ``limit``),
        ``file_binary``, ``file_encoding`` (``value`` = byte offset, ``text`` = a guess),
        ``file_columns`` (``column``, ``value`` = matches found, ``text`` = the header),
        ``file_parse`` (``row``, and ``column``/``label``/``text`` for a cell, or ``value``/
        ``limit`` for a row with too many cells), ``too_many_rows`` (``value``, ``limit``).
        Never raises on any input bytes.

    Examples
    --------
    >>> r = read_csv(b"\\xef\\xbb\\xbfEvent;P;Q\\r\\ndog;0,5;1/4\\r\\ncat;50%;0,75\\r\\n",
    ...              ("P", "Q"), ("label",), numeric=("P", "Q"), aliases={"label": ["event"]})
    >>> r.delimiter, r.decimal_comma, r.table.to_dict("list")
    (';', True, {'P': ['0.5', '50%'], 'Q': ['1/4', '0.75'], 'label': ['dog', 'cat']})
    >>> [p.code for p in read_csv(b"label,P\\nx,abc\\n", ("label", "P"), numeric=["P"]).problems]
    ['file_parse']
    """
    if len(data) > max_bytes:
        return _fail(Problem("file_too_big", value=float(len(data)), limit=float(max_bytes)))
    if not data.strip():
        return _fail(Problem("file_empty"))
    text, problem = _decode(data)
    if problem is not None:
        return _fail(problem)
    assert text is not None
    if not text.strip():
        return _fail(Problem("file_empty"))

    delimiter = _sniff(text)
    wanted = list(dict.fromkeys([*required, *optional]))
    numeric = set(numeric)
    names: dict[str, str] = {}
    for column in wanted:
        for name in [column, *((aliases or {}).get(column, ()))]:
            names.setdefault(_key(name), column)

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    header_line = 0
    records: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue  # blank line
            if header is None:
                header = [_unguard(c) for c in cells]
                header_line = reader.line_num - 1
                continue
            records.append((reader.line_num - 1 - header_line, [_unguard(c) for c in cells]))
            if len(records) > max_rows:
                # Count the rest cheaply (the file is at most max_bytes long) for the message.
                rest = sum(1 for cells in reader if any(c.strip() for c in cells))
                return _fail(Problem("too_many_rows", value=float(len(records) + rest),
                                     limit=float(max_rows)), delimiter=delimiter)
    except csv.Error:
        return _fail(Problem("file_parse", row=max(reader.line_num - 1 - header_line, 0)),
                     delimiter=delimiter)
    if header is None:
        return _fail(Problem("file_empty"))

    positions: dict[str, list[int]] = {c: [] for c in wanted}
    for i, name in enumerate(header):
        column = names.get(_key(name))
        if column is not None:
            positions[column].append(i)
    shown_header = ", ".join(h.strip() for h in header if h.strip())
    problems = [Problem("file_columns", column=c, value=float(len(positions[c])),
                        text=shown_header)
                for c in wanted
                if len(positions[c]) > 1 or (not positions[c] and c in required)]
    if problems:
        return _fail(*problems, delimiter=delimiter)
    if not records:
        return _fail(Problem("file_empty", text=shown_header), delimiter=delimiter)

    width = len(header)
    label_column = "label" if "label" in positions else None
    columns: dict[str, list[str]] = {c: [] for c in wanted}
    used_comma = False
    for row, cells in records:
        filled = max((i + 1 for i, c in enumerate(cells) if c.strip()), default=0)
        if filled > width:
            problems.append(Problem("file_parse", row=row, value=float(filled),
                                    limit=float(width)))
            continue
        label = None
        if label_column and positions[label_column]:
            i = positions[label_column][0]
            label = cells[i] if i < len(cells) else ""
        for column in wanted:
            where = positions[column]
            cell = cells[where[0]] if where and where[0] < len(cells) else ""
            if column in numeric:
                if delimiter == ";" and _ONE_DECIMAL_COMMA.match(cell):
                    pointed = cell.replace(",", ".")
                    if try_parse_number(pointed)[1] is None:
                        cell, used_comma = pointed, True
                if try_parse_number(cell)[1] is not None:
                    problems.append(Problem("file_parse", column=column, row=row,
                                            label=label, text=cell))
            columns[column].append(cell)
    if problems:
        return CsvRead(None, tuple(problems), delimiter, used_comma)
    table = pd.DataFrame({c: pd.Series(v, dtype=object) for c, v in columns.items()})
    return CsvRead(table, (), delimiter, used_comma)


def problem_case(problem: Problem) -> Case | None:
    """Which sentence a problem of :func:`read_csv` gets (``None``: not a file's problem).

    Cases (``ui.problems`` words ``problem.file.<name>`` with the problem's own fields):

    * ``encoding.utf16`` / ``encoding.gbk`` / ``encoding``: ``file_encoding`` with ``text``
      ``"utf-16"``, ``"gb18030"`` or anything else;
    * ``columns.twice`` when ``file_columns`` found two or more matching columns (``value``),
      else ``columns.missing``;
    * ``parse.cell`` / ``parse.empty`` for a ``file_parse`` cell (``column`` set) that holds
      text or only spaces, with ``.nolabel`` appended when the row has no ``label``;
      ``parse.wide`` for a row with too many cells (``value`` set), else ``parse.quotes``;
    * ``too_big``, quoting the file's ``size`` and the ``limit`` in bytes (whole counts) and the
      limit in the upload box's unit, ``mb`` (megabytes of 1,000,000 bytes, as
      :func:`lib.fmt.prob` writes them);
    * ``too_many_rows``, ``empty``, ``binary`` for ``too_many_rows``, ``file_empty`` and
      ``file_binary``.

    Examples
    --------
    >>> problem_case(Problem("file_encoding", text="gb18030")).name
    'encoding.gbk'
    >>> problem_case(Problem("file_parse", column="P", row=1, text=" "))
    Case(name='parse.empty.nolabel', numbers={}, apart=())
    >>> problem_case(Problem("file_too_big", value=2_345_678.0, limit=1_000_000.0)).numbers
    {'size': 2345678, 'mb': '1', 'limit': 1000000}
    >>> problem_case(Problem("sum", column="P", value=4.0)) is None
    True
    """
    code, text = problem.code, problem.text or ""
    if code == "file_too_big":
        limit = int(problem.limit or 0)
        return Case("too_big", {"size": int(problem.value or 0), "mb": fmt.prob(limit / 1_000_000),
                                "limit": limit})
    if code == "file_encoding":
        return Case({"utf-16": "encoding.utf16", "gb18030": "encoding.gbk"}.get(text, "encoding"))
    if code == "file_columns":
        return Case("columns." + ("twice" if (problem.value or 0) > 1 else "missing"))
    if code == "file_parse" and problem.column is not None:
        name = "parse." + ("cell" if text.strip() else "empty")
        return Case(name if problem.label else name + ".nolabel")
    if code == "file_parse":
        return Case("parse." + ("wide" if problem.value is not None else "quotes"))
    name = {"too_many_rows": "too_many_rows", "file_empty": "empty",
            "file_binary": "binary"}.get(code)
    return Case(name) if name else None


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
        value, (bool, np.bool_))


#: Significant digits of a float in a CSV file: the page's float64 results without their last
#: bits of rounding noise (2.9999999999999996 is written 3).
CSV_DIGITS = 12


def _cell_text(value: object) -> str:
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            return ""
        return format_number(float(f"{float(value):.{CSV_DIGITS}g}"))
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    return str(value)


def write_csv(table: pd.DataFrame, *, numeric: Iterable[str] = ()) -> bytes:
    """The bytes of a CSV file holding ``table`` (header = its column names).

    UTF-8 with a byte-order mark, commas, ``\\r\\n``; floats rounded to :data:`CSV_DIGITS`
    significant digits (float noise dropped), written as the shortest text that reads back (``inf`` stays ``inf``: it is not a number :func:`read_csv` accepts,
    which is right for a cell that cannot be a probability); ``None``/NaN as an empty cell; NUL
    characters dropped. Formula-like text gets a leading apostrophe (see the module notes)
    unless it is a plain number in one of the ``numeric`` columns.

    >>> t = pd.DataFrame({"label": ["=1+1", "dog"], "P": ["-0.5", 0.25]})
    >>> write_csv(t, numeric=["P"])
    b"\\xef\\xbb\\xbflabel,P\\r\\n'=1+1,-0.5\\r\\ndog,0.25\\r\\n"
    >>> read_csv(write_csv(t, numeric=["P"]), ["label", "P"]).table.to_dict("list")
    {'label': ['=1+1', 'dog'], 'P': ['-0.5', '0.25']}
    """
    numeric = set(numeric)
    out = io.StringIO(newline="")
    # The header is quoted by hand: a name holding ";" must be quoted too, or the reader's
    # separator sniffing (which counts outside quotes) could take it for a semicolon file.
    header = [_guard(_cell_text(c).replace("\x00", ""), False) for c in table.columns]
    out.write(",".join('"' + h.replace('"', '""') + '"' if re.search(r'[,;"\r\n]', h) else h
                       for h in header) + "\r\n")
    body = csv.writer(out, lineterminator="\r\n")
    flags = [c in numeric for c in table.columns]
    for row in table.itertuples(index=False, name=None):
        # A number is written as a number (a spreadsheet reads "-0.25" as one, and runs no
        # formula from it); only text is guarded.
        body.writerow([_cell_text(v) if _is_number(v) else
                       _guard(_cell_text(v).replace("\x00", ""), is_num)
                       for v, is_num in zip(row, flags)])
    return out.getvalue().encode("utf-8-sig")
