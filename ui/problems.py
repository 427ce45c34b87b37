"""Every problem with a reader's input, worded once, in the reader's language.

``lib`` reports bad input as :class:`lib.problems.Problem` records; this module is the only place
that turns them into sentences. A table problem names the page's own table (``table=``), its
column as the page shows it (``columns=``), the row and the event; reader text inside a message
is escaped so it shows literally (``**x**`` stays ``**x**``).
"""

from __future__ import annotations

from typing import Any, Mapping

from lib.problems import Problem
from lib import fmt
from ui.i18n import listing, t
from ui.strings import STRINGS


def _fields(problem: Problem, table: str | None, columns: Mapping[str, str]) -> dict[str, Any]:
    """Every field a problem's sentence may name, worded for the reader."""
    column = problem.column or ""

    def number(v: float | None) -> str:
        return fmt.prob(v) if v is not None else ""

    fields = {
        "table": table or t("problem.this_table"),
        "col": fmt.text(columns.get(column, column)),
        "row": (problem.row or 0) + 1,
        "label": fmt.text(problem.label or ""),
        "value": number(problem.value), "limit": number(problem.limit),
        "lo": number(problem.lo), "hi": number(problem.hi),
        "text": fmt.text(problem.text or ""), "header": fmt.text(problem.text or ""),
        "field": fmt.text(problem.field or ""),
        "wanted": listing(columns.values()),
    }
    if problem.code == "too_many_rows" and problem.value is not None:
        fields["n"] = int(problem.value)
        fields["extra"] = int(problem.value) - int(problem.limit or 0)
    return fields


def message(problem: Problem, table: str | None = None,
            columns: Mapping[str, str] | None = None) -> str:
    """One clear sentence for ``problem``.

    ``table`` is the name of the reader's table on this page (e.g. "the P and Q table"), used by
    the row-count problems; ``columns`` maps lib's column names to the names the page shows.
    """
    code = problem.code
    if code.startswith("file_"):
        return file_message(problem, columns or {})
    fields = _fields(problem, table, columns or {})
    if problem.field and f"problem.link.{code}" in STRINGS:
        return t(f"problem.link.{code}", **fields)
    key = f"problem.{code}" if f"problem.{code}" in STRINGS else "problem.unknown"
    if problem.row is None and f"problem.{code}.norow" in STRINGS:
        key = f"problem.{code}.norow"
    return t(key, **fields)


def link_summary(problems: list[Problem]) -> str:
    """The warning shown when a link could not be read in full."""
    lines = "\n".join(f"- {message(p)}" for p in problems)
    return t("problem.link.intro") + "\n\n" + lines


def _file_key(problem: Problem) -> str | None:
    """The sentence for a problem with an uploaded file (None: not a file's problem)."""
    code, text = problem.code, problem.text or ""
    if code == "file_encoding":
        return {"utf-16": "problem.file.encoding.utf16",
                "gb18030": "problem.file.encoding.gbk"}.get(text, "problem.file.encoding")
    if code == "file_columns":
        return "problem.file.columns." + ("twice" if (problem.value or 0) > 1 else "missing")
    if code == "file_parse" and problem.column is not None:
        key = "problem.file.parse." + ("cell" if text.strip() else "empty")
        return key if problem.label else key + ".nolabel"
    if code == "file_parse":
        return "problem.file.parse." + ("wide" if problem.value is not None else "quotes")
    return {"too_many_rows": "problem.file.too_many_rows", "file_empty": "problem.file.empty",
            "file_binary": "problem.file.binary"}.get(code)


def file_message(problem: Problem, columns: Mapping[str, str]) -> str:
    """One sentence per problem with an uploaded file (codes of :mod:`lib.csvfile`; a row count
    over the limit is the file's). ``columns`` maps the table's columns to the page's names."""
    if problem.code == "file_too_big":  # the size against the limit, in the upload box's unit too
        limit = int(problem.limit or 0)
        return t("problem.file.too_big", size=f"{int(problem.value or 0):,}",
                 mb=fmt.prob(limit / 1_000_000), limit=f"{limit:,}")
    key = _file_key(problem)
    return t(key, **_fields(problem, None, columns)) if key else message(problem)
