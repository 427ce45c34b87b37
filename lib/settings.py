"""Settings as data: what a reader can set on a page, each with its kind, bounds and default,
and how its value is written in a link and read back from one; a page's settings and presets
together (:class:`Settings`) and the shortest link to their values.

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
from dataclasses import dataclass, field, replace
from typing import Any, Mapping, Sequence

import pandas as pd

from lib import tables
from lib.numbers import format_number, try_parse_number
from lib.problems import Problem, ProblemError

#: Longest text a "text" setting keeps.
MAX_TEXT_SETTING = 60
#: Longest query string read from a link, all parameters together, besides its tables: each
#: table setting adds the most its own value may take (:meth:`Setting.link_limit`).
MAX_LINK = 8000


@dataclass(frozen=True)
class Setting:
    """One thing a reader sets.

    ``kind`` is ``"float"``, ``"int"``, ``"bool"``, ``"text"`` (at most :data:`MAX_TEXT_SETTING`
    characters of plain text), ``"choice"`` (one of ``choices``) or
    ``"table"`` (a frame with a ``label`` column and the text columns ``columns``; the names in
    ``bool_columns`` are check boxes). ``lo``/``hi`` bound numbers (and must equal the widget's
    own bounds); ``max_rows`` bounds tables. ``link=False`` keeps a setting out of links.
    ``letters``, for a text, are the characters it may hold (any when empty): a link's value
    with others is reported, not kept.
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
    letters: str = ""

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
            if self.letters and set(text) - set(self.letters):
                raise ProblemError(Problem("bad_letters", text=text[:40], field=self.name))
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


@dataclass
class Settings:
    """The settings of one page (``page``: its key; ``""`` for the app-wide settings), its
    presets (name -> {setting: value}; a preset sets every setting, the ones it does not name
    to their defaults), and the other pages' settings this page shows too (``shared``; their
    link parameters are prefixed with their ``tag`` + "."). Pure: the values themselves are the
    caller's (``ui.state.PageState`` keeps them in session state).

    >>> group = Settings("demo", [Setting("w", 2.0, "float", lo=0.0, hi=9.0),
    ...                           Setting("n", 3, "int", lo=1, hi=9)], {"big": {"w": 8.0}})
    >>> group.query({"w": 8.0, "n": 3}), group.query({"w": 2.0, "n": 5})
    ({'preset': 'big'}, {'n': '5'})
    >>> values, keep, used, problems = group.read_query({"preset": "big", "n": "4"})
    >>> values, keep, sorted(used), problems
    ({'w': 8.0, 'n': 4}, False, ['n', 'preset'], [])
    """

    page: str
    settings: Sequence[Setting]
    presets: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    shared: Sequence["Settings"] = ()
    tag: str = ""

    def __post_init__(self) -> None:
        self.by_name = {s.name: s for s in self.settings}
        assert len(self.by_name) == len(self.settings), f"{self.page}: names must be unique"
        assert "preset" not in self.by_name
        for preset, values in self.presets.items():
            unknown = set(values) - set(self.by_name)
            assert not unknown, f"{self.page} preset {preset}: unknown settings {unknown}"
        self.defaults = {s.name: s.coerce(s.default) for s in self.settings}
        self.preset_settings = {name: self.preset_values(name) for name in self.presets}
        self._default_keys = self.compare_keys(self.defaults)
        self._preset_keys = {name: self.compare_keys(v) for name, v in self.preset_settings.items()}

    def preset_values(self, name: str) -> dict[str, Any]:
        """Every setting's value under the preset ``name`` (defaults where it names none)."""
        return {s.name: s.coerce(self.presets[name].get(s.name, s.default))
                for s in self.settings}

    def compare_keys(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Each setting's :meth:`Setting.compare_key` of its value in ``values``."""
        return {s.name: s.compare_key(values[s.name]) for s in self.settings}

    def preset_of(self, values: Mapping[str, Any]) -> str | None:
        """The preset whose values are ``values``, if any."""
        now = self.compare_keys(values)
        return next((name for name, keys in self._preset_keys.items() if keys == now), None)

    def linked(self) -> list[Setting]:
        """The settings a link carries."""
        return [s for s in self.settings if s.link]

    def query(self, values: Mapping[str, Any]) -> dict[str, str]:
        """The link parameters of ``values``: each setting that differs from its default, or a
        preset's name and what differs from that preset, whichever needs fewer parameters
        (the preset's name when equal: it says more to a reader)."""
        keys = self.compare_keys(values)

        def differing(reference: Mapping[str, Any]) -> list[Setting]:
            return [s for s in self.linked() if keys[s.name] != reference[s.name]]

        best_preset, best = None, differing(self._default_keys)
        for name, reference in self._preset_keys.items():
            candidate = differing(reference)
            if len(candidate) + 1 <= len(best):
                best_preset, best = name, candidate
        out = {"preset": best_preset} if best_preset else {}
        out.update({s.name: s.encode(values[s.name]) for s in best})
        return out

    def read_query(self, params: Mapping[str, str], prefix: str = "") -> tuple[
            dict[str, Any], bool, set[str], list[Problem]]:
        """Read the link parameters that belong to these settings (named ``prefix + name``):
        the values they set (a named preset's values, then each parameter's), whether the
        settings they do not name keep their current values (no preset named), the parameters
        used and the problems found (a bad value is left out: its setting keeps its value)."""
        used, problems = set(), []
        preset = params.get(prefix + "preset") if self.presets else None
        values: dict[str, Any] = {}
        if preset is not None:
            used.add(prefix + "preset")
            if preset in self.presets:
                values = self.preset_values(preset)
            else:
                problems.append(Problem("bad_choice", field=prefix + "preset", text=preset[:40]))
        for s in self.linked():
            if prefix + s.name not in params:
                continue
            used.add(prefix + s.name)
            try:
                values[s.name] = s.decode(params[prefix + s.name])
            except ProblemError as err:
                problems += [replace(p, field=prefix + s.name) for p in err.problems]
        return values, preset is None, used, problems


def link_limit(groups: Sequence[tuple[Settings, str]]) -> int:
    """The longest query string read for the settings ``groups`` (each with its parameters'
    prefix): :data:`MAX_LINK`, plus for each table they carry the most that table's value may
    take, so the largest table a reader can make survives its own link."""
    return MAX_LINK + sum(s.link_limit() for group, _ in groups for s in group.linked()
                          if s.kind == "table")


def read_link(params: Mapping[str, str], groups: Sequence[tuple[Settings, str]]) -> tuple[
        list[tuple[Settings, dict[str, Any], bool]], list[Problem]]:
    """Read a link's ``params`` for the settings ``groups`` (each with its parameters' prefix):
    for each group what :meth:`Settings.read_query` found (the values to set, and whether the
    settings they do not name keep theirs), and every problem: a link over
    :func:`link_limit` is not read at all (``too_long``); a parameter no group reads is an
    ``unknown_key`` (the first 10 named).

    >>> group = Settings("demo", [Setting("n", 3, "int", lo=1, hi=9)])
    >>> found, problems = read_link({"n": "4", "x": "1"}, [(group, "")])
    >>> [(values, keep) for _, values, keep in found], [(p.code, p.field) for p in problems]
    ([({'n': 4}, True)], [('unknown_key', 'x')])
    """
    limit = link_limit(groups)
    if sum(len(k) + len(v) + 2 for k, v in params.items()) > limit:
        return [], [Problem("too_long", limit=limit, field="link")]
    found, used, problems = [], set(), []
    for group, prefix in groups:
        values, keep, u, p = group.read_query(params, prefix)
        found.append((group, values, keep))
        used, problems = used | u, problems + p
    problems += [Problem("unknown_key", field=k[:40]) for k in params if k not in used][:10]
    return found, problems
