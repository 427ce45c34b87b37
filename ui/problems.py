"""Every problem with a reader's input, worded once, in the reader's language.

``lib`` reports bad input as :class:`lib.problems.Problem` records; this module is the only place
that turns them into sentences. A table problem names the page's own table (``table=``), its
column as the page shows it (``columns=``), the row and the event; reader text inside a message
is escaped so it shows literally (``**x**`` stays ``**x**``).
"""

from __future__ import annotations

from typing import Mapping

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
    if problem.field and f"problem.link.{code}" in STRINGS:
        return t(f"problem.link.{code}", **fields)
    key = f"problem.{code}" if f"problem.{code}" in STRINGS else "problem.unknown"
    if problem.row is None and f"problem.{code}.norow" in STRINGS:
        key = f"problem.{code}.norow"
    if code == "file_parse" and not problem.column:
        key = "problem.file_parse.cells"
    return t(key, **fields)


def link_summary(problems: list[Problem]) -> str:
    """The warning shown when a link could not be read in full."""
    lines = "\n".join(f"- {message(p)}" for p in problems)
    return t("problem.link.intro") + "\n\n" + lines
