"""Settings as data: what a reader can set on a page, each with its kind, bounds and default,
and how its value is written in a link and read back from one.

A link is input from strangers: :meth:`Setting.decode` reads a value bounded, validated and
never evaluated, and raises :class:`lib.problems.ProblemError` for anything that is not one.

>>> s = Setting("w0", 2.0, "float", lo=-50.0, hi=50.0)
>>> s.encode(s.decode("7.25"))
'7.25'
>>> s.decode("99")
Traceback (most recent call last):
...
lib.problems.ProblemError: out_of_range
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from lib import tables
from lib.numbers import format_number, try_parse_number
from lib.problems import Problem, ProblemError

#: Longest text a "text" setting keeps.
MAX_TEXT_SETTING = 60


@dataclass(frozen=True)
class Setting:
    """One thing a reader sets.

    ``kind`` is ``"float"``, ``"int"``, ``"bool"``, ``"text"`` (at most :data:`MAX_TEXT_SETTING`
    characters of plain text), ``"choice"`` (one of ``choices``) or
    ``"table"`` (a frame with a ``label`` column and the text columns ``columns``; the names in
    ``bool_columns`` are check boxes). ``lo``/``hi`` bound numbers (and must equal the widget's
    own bounds); ``max_rows`` bounds tables. ``link=False`` keeps a setting out of links.
    """

    name: str
    default: Any
    kind: str = "float"
    lo: float | None = None
    hi: float | None = None
    choices: tuple = ()
    columns: tuple[str, ...] = ()
    bool_columns: tuple[str, ...] = ()
    max_rows: int = tables.MAX_EVENTS
    link: bool = True

    # ---- values ------------------------------------------------------------------------------
    def coerce(self, value: Any) -> Any:
        """The value in this setting's type (what a widget returned, or a preset's number)."""
        if self.kind == "float":
            return float(value)
        if self.kind == "int":
            return int(value)
        if self.kind == "bool":
            return bool(value)
        if self.kind == "table":
            return table_copy(value, self)
        if self.kind == "text":
            return tables.clean_label(value)[:MAX_TEXT_SETTING] if value else ""
        return value

    def same(self, a: Any, b: Any) -> bool:
        """Whether two values are the same setting (tables: the same cells)."""
        return a is b or self.compare_key(a) == self.compare_key(b)

    def compare_key(self, value: Any) -> Any:
        """A value equal for the same settings and only for them: tables as their cells, so
        that comparing with a preset's table costs one key, computed once for the preset."""
        if self.kind == "table":
            return _table_key(value, self)
        return float(value) if self.kind == "float" else value

    def encode(self, value: Any) -> str:
        """The value as it is written in a link."""
        if self.kind == "table":
            return tables.encode_table(value, self.columns + self.bool_columns) \
                if not self.bool_columns else tables.encode_table(_bools_as_text(value, self),
                                                                  self.columns + self.bool_columns)
        if self.kind == "bool":
            return "1" if value else "0"
        if self.kind == "float":
            return format_number(value)
        return str(value)

    def link_limit(self) -> int:
        """The most characters this setting's value may take in a link from a stranger: what
        its largest value takes (a table: the compact form of the largest table it holds,
        :func:`lib.tables.link_limits`), so every value a reader can set survives its link.

        >>> Setting("w0", 2.0).link_limit(), Setting("t", pd.DataFrame(), "table",
        ...                                          columns=("P", "Q")).link_limit()
        (40, 76192)
        """
        if self.kind == "table":
            return tables.link_limits(len(self.columns) + len(self.bool_columns),
                                      self.max_rows)[1]
        if self.kind == "text":
            return MAX_TEXT_SETTING
        if self.kind == "choice":
            return max([len(str(c)) for c in self.choices] + [40])
        return 40

    def decode(self, text: str) -> Any:
        """Read a link's value; raise :class:`ProblemError` for anything that is not one. A table
        is read cell by cell (:func:`lib.tables.decode_table`): a cell that is not a number
        stays as typed, for the page to explain; only text that is no table is refused."""
        if self.kind == "table":
            # Cell by cell: what was typed stays, for the page to explain (lib.tables).
            frame = tables.decode_table(text, self.columns + self.bool_columns,
                                        max_rows=self.max_rows)
            for name in self.bool_columns:
                if not frame[name].isin(["", "0", "1"]).all():
                    raise ProblemError(Problem("bad_table", column=name, field=self.name))
                frame[name] = frame[name] == "1"
            return frame
        if self.kind == "text":
            if len(text) > MAX_TEXT_SETTING:
                raise ProblemError(Problem("too_long", limit=MAX_TEXT_SETTING, field=self.name))
            return self.coerce(text)
        if self.kind == "bool":
            if text not in ("0", "1", "true", "false"):
                raise ProblemError(Problem("bad_choice", text=text[:40], field=self.name))
            return text in ("1", "true")
        if self.kind == "choice":
            if text not in [str(c) for c in self.choices]:
                raise ProblemError(Problem("bad_choice", text=text[:40], field=self.name))
            return next(c for c in self.choices if str(c) == text)
        value, problem = try_parse_number(text)
        if problem is not None:
            raise ProblemError(Problem(problem.code, text=text[:40], field=self.name))
        if self.kind == "int" and value != int(value):
            raise ProblemError(Problem("not_number", text=text[:40], field=self.name))
        if (self.lo is not None and value < self.lo) or (self.hi is not None and value > self.hi):
            raise ProblemError(Problem("out_of_range", value=value, lo=self.lo, hi=self.hi,
                                       field=self.name))
        return self.coerce(value)


def table_copy(frame: pd.DataFrame, setting: Setting) -> pd.DataFrame:
    """A table in its stored form: ``label`` plus text columns (check-box columns as bools)."""
    out = tables.text_table(frame, setting.columns)
    for name in setting.bool_columns:
        cells = frame[name] if name in frame else [False] * len(frame)
        out[name] = [bool(v) if v is not None and not (isinstance(v, float) and math.isnan(v))
                     else False for v in cells]
    return out


def _bools_as_text(frame: pd.DataFrame, setting: Setting) -> pd.DataFrame:
    out = frame.copy()
    for name in setting.bool_columns:
        out[name] = ["1" if v else "0" for v in frame[name]]
    return out


def _table_key(frame: pd.DataFrame, setting: Setting) -> tuple:
    """What two tables must share to be the same setting (a few dozen cells at most)."""
    cols = ["label", *setting.columns, *setting.bool_columns]
    n = len(frame)
    return (n, *(tuple(frame[c].tolist()) if c in frame.columns else (None,) * n for c in cols))
