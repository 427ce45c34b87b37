"""Every problem with a reader's input, worded once, in the reader's language.

``lib`` reports bad input as :class:`lib.problems.Problem` records; this module is the only place
that turns them into sentences. A table problem names the page's own table (``table=``), its
column as the page shows it (``columns=``), the row and the event; a page with sentences of its
own for some problems names itself (``page=``); reader text inside a message is escaped so it
shows literally (``**x**`` stays ``**x**``).
"""

from __future__ import annotations

from typing import Any, Mapping

from lib.csvfile import problem_case
from lib.problems import COUNTS, Problem
from lib import fmt
from ui.i18n import listing, say, t
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
    if problem.code in COUNTS:  # counts of characters: with thousands separators
        fields["value"] = f"{int(problem.value or 0):,}"
        fields["limit"] = f"{int(problem.limit or 0):,}"
    return fields


def message(problem: Problem, table: str | None = None,
            columns: Mapping[str, str] | None = None, page: str | None = None) -> str:
    """One clear sentence for ``problem``.

    ``table`` is the name of the reader's table on this page (e.g. "the P and Q table"), used by
    the row-count problems; ``columns`` maps lib's column names to the names the page shows.
    ``page`` is the prefix of a page that words its problems itself (the continuous page's
    ``ct``): the sentence ``<page>.problem.<code>`` names the parameter ``{what}``
    (``<page>.col.<column>``) of component ``{i}`` and its ``{value}``; a code without such a
    sentence is "problem.unknown".
    """
    code = problem.code
    if code.startswith("file_"):
        return file_message(problem, columns or {})
    if page is not None:
        key, what = f"{page}.problem.{code}", f"{page}.col.{problem.column}"
        return t(key if key in STRINGS else "problem.unknown",
                 what=t(what) if what in STRINGS else "", i=(problem.row or 0) + 1,
                 value=fmt.short(problem.value) if problem.value is not None else "")
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


def file_message(problem: Problem, columns: Mapping[str, str]) -> str:
    """One sentence per problem with an uploaded file (:func:`lib.csvfile.problem_case`; a row
    count over the limit is the file's); ``columns``: the page's names of the table's columns."""
    case = problem_case(problem)
    if case is None:
        return message(problem)
    fields = _fields(problem, None, columns)
    return say("problem.file", case, **{k: v for k, v in fields.items() if k not in case.numbers})
