"""Every problem with a reader's input, worded once, in the reader's language.

``lib`` reports bad input as :class:`lib.problems.Problem` records; this module is the only place
that turns them into sentences. A table problem names the page's own table (``table=``), its
column as the page shows it (``columns=``), the row and the event; reader text inside a message
is escaped so it shows literally (``**x**`` stays ``**x**``).
"""

from __future__ import annotations

from typing import Any, Mapping

from lib.problems import Problem
from ui import fmt
from ui.i18n import t
from ui.strings import STRINGS


def message(problem: Problem, table: str | None = None,
            columns: Mapping[str, str] | None = None) -> str:
    """One clear sentence for ``problem``.

    ``table`` is the name of the reader's table on this page (e.g. "the P and Q table"), used by
    the row-count problems; ``columns`` maps lib's column names to the names the page shows.
    """
    column = problem.column or ""
    fields = {
        "table": table or t("problem.this_table"),
        "col": fmt.text((columns or {}).get(column, column)),
        "row": (problem.row or 0) + 1,
        "label": fmt.text(problem.label or ""),
        "value": fmt.prob(problem.value) if problem.value is not None else "",
        "text": fmt.text(problem.text or ""),
        "limit": fmt.prob(problem.limit) if problem.limit is not None else "",
        "lo": fmt.prob(problem.lo) if problem.lo is not None else "",
        "hi": fmt.prob(problem.hi) if problem.hi is not None else "",
        "field": fmt.text(problem.field or ""),
    }
    if problem.code == "too_many_rows" and problem.value is not None:
        fields["n"] = int(problem.value)
        fields["extra"] = int(problem.value) - int(problem.limit or 0)
    code = problem.code
    if code.startswith("file_"):
        return file_message(problem, columns or {})
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


def file_message(problem: Problem, columns: Mapping[str, str]) -> str:
    """One sentence per problem with an uploaded file (codes of :mod:`lib.csvfile`; a row count
    over the limit is the file's). ``columns`` maps the table's columns to the page's names."""
    code = problem.code
    fields: dict[str, Any] = {
        "col": fmt.text(columns.get(problem.column or "", problem.column or "")),
        "row": (problem.row or 0) + 1, "text": fmt.text(problem.text or ""),
        "label": fmt.text(problem.label or ""),
        "value": fmt.prob(problem.value) if problem.value is not None else "",
        "limit": fmt.prob(problem.limit) if problem.limit is not None else "",
        "header": fmt.text(problem.text or ""),
        "wanted": fmt.listing(columns.values()),
    }
    if code == "file_too_big":  # the size against the limit, in the upload box's unit too
        limit = int(problem.limit or 0)
        return t("problem.file.too_big", size=f"{int(problem.value or 0):,}",
                 mb=fmt.prob(limit / 1_000_000), limit=f"{limit:,}")
    if code == "too_many_rows":
        return t("problem.file.too_many_rows", **fields)
    if code == "file_encoding":
        key = {"utf-16": "problem.file.encoding.utf16", "gb18030": "problem.file.encoding.gbk"}.get(
            problem.text or "", "problem.file.encoding")
        return t(key, **fields)
    if code == "file_columns":
        return t("problem.file.columns.twice" if (problem.value or 0) > 1
                 else "problem.file.columns.missing",
                 **fields)
    if code == "file_parse":
        if problem.column is not None:
            key = ("problem.file.parse.empty" if not (problem.text or "").strip()
                   else "problem.file.parse.cell")
            return t(key if problem.label else key + ".nolabel", **fields)
        if problem.value is not None:
            return t("problem.file.parse.wide", **fields)
        return t("problem.file.parse.quotes", **fields)
    if code == "file_empty":
        return t("problem.file.empty")
    if code == "file_binary":
        return t("problem.file.binary")
    return message(problem)
