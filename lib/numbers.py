"""Numbers typed the way people type them: ``0.125``, ``1/8``, ``12.5%``, ``2e2``, ``1e-5``.

A spreadsheet-like grid mangles scientific notation when its cells are numeric (``1e-5`` pasted
became ``-15``), so the app's probability and count cells are text and this module reads them.
Nothing is evaluated: the text is matched against a small grammar and converted with
:class:`fractions.Fraction` / :func:`float`; anything else is reported, never guessed.

Grammar (after Unicode NFKC normalisation, so full-width ``０.５`` and ``１／８`` read as ``0.5`` and
``1/8``; surrounding spaces and a leading ``+`` are ignored; ``−`` counts as a minus sign)::

    number   := decimal | decimal "%" | decimal "/" decimal
    decimal  := ["-"] digits ["." digits] [("e" | "E") ["+" | "-"] digits]
              | ["-"] "." digits [exponent]

A decimal comma (``0,5``) is not accepted, because ``1,000`` would be ambiguous; it is reported
with the code ``"decimal_comma"`` so the app can say so. ``inf`` and ``nan`` are not numbers here.
"""

from __future__ import annotations

import math
import re
import unicodedata
from fractions import Fraction

from lib.problems import Problem, ProblemError

__all__ = ["MAX_TEXT", "format_number", "parse_number", "try_parse_number"]

#: Longest cell text read; longer text is reported as ``"too_long"`` (no number needs more).
MAX_TEXT = 40

_DECIMAL = r"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_NUMBER = re.compile(rf"^(?P<a>{_DECIMAL})(?:(?P<pct>%)|/(?P<b>{_DECIMAL}))?$")
_COMMA = re.compile(r"^-?\d+,\d+%?$")


def _huge_exponent(decimal: str) -> bool:
    exponent = re.search(r"[eE]([+-]?\d+)$", decimal)
    return exponent is not None and abs(int(exponent[1])) > 400


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip()
    text = text.replace("\u2212", "-").replace("\u2044", "/")  # − minus sign, ⁄ fraction slash
    text = re.sub(r"\s+", "", text)
    return text[1:] if text.startswith("+") else text


def parse_number(text: object) -> float:
    """Read one number from a cell; raise :class:`lib.problems.ProblemError` if it is not one.

    ``text`` may already be a number (an ``int`` or a finite or infinite ``float``, returned as a
    float; a bool is not a number). For text, the grammar above applies; ``12.5%`` is 0.125 and
    ``1/8`` is 0.125 exactly as a fraction, rounded once to a float.

    Problem codes: ``"empty"``, ``"not_number"`` (with ``text``), ``"decimal_comma"``,
    ``"too_long"`` (with ``limit``), ``"zero_denominator"``, ``"not_finite"``.

    >>> [parse_number(s) for s in ("0.125", "1/8", "12.5%", "2e2", "1e-5", " −0.5 ", "１／８")]
    [0.125, 0.125, 0.125, 200.0, 1e-05, -0.5, 0.125]
    >>> parse_number("abc")
    Traceback (most recent call last):
    ...
    lib.problems.ProblemError: not_number
    """
    if isinstance(text, bool):
        raise ProblemError(Problem("not_number", text=str(text)))
    if isinstance(text, (int, float)):
        x = float(text)
        if math.isnan(x):
            raise ProblemError(Problem("empty"))
        return x
    if text is None:
        raise ProblemError(Problem("empty"))
    raw = str(text)
    if len(raw) > MAX_TEXT:
        raise ProblemError(Problem("too_long", text=raw[:MAX_TEXT] + "…", limit=MAX_TEXT))
    cleaned = _clean(raw)
    if not cleaned:
        raise ProblemError(Problem("empty"))
    match = _NUMBER.match(cleaned)
    if match is None:
        code = "decimal_comma" if _COMMA.match(cleaned) else "not_number"
        raise ProblemError(Problem(code, text=raw.strip()))
    if any(_huge_exponent(part) for part in (match["a"], match["b"]) if part):
        # Fraction("1e999999999") would build a billion-digit integer: read such text as a float.
        value = float(match["a"]) / (100.0 if match["pct"] else 1.0)
        if match["b"] is not None:
            b = float(match["b"])
            if b == 0:
                raise ProblemError(Problem("zero_denominator", text=raw.strip()))
            try:
                value = value / b
            except OverflowError:
                value = math.inf
    else:
        a = Fraction(match["a"])
        if match["pct"]:
            value = a / 100
        elif match["b"] is not None:
            b = Fraction(match["b"])
            if b == 0:
                raise ProblemError(Problem("zero_denominator", text=raw.strip()))
            value = a / b
        else:
            value = a
    try:
        x = float(value)
    except OverflowError:
        x = math.inf
    if not math.isfinite(x):
        raise ProblemError(Problem("not_finite", text=raw.strip()))
    return x + 0.0  # -0.0 reads as 0


def try_parse_number(text: object) -> tuple[float | None, Problem | None]:
    """``(value, None)`` or ``(None, problem)``: :func:`parse_number` without the exception.

    >>> try_parse_number("50%")
    (0.5, None)
    >>> try_parse_number("0,5")[1].code
    'decimal_comma'
    """
    try:
        return parse_number(text), None
    except ProblemError as err:
        return None, err.problems[0]


def format_number(x: float) -> str:
    """The shortest text that :func:`parse_number` reads back as exactly ``x`` (for links and
    CSV files): ``repr`` of the float, without a trailing ``.0``.

    >>> format_number(0.125), format_number(2.0), format_number(1/3)
    ('0.125', '2', '0.3333333333333333')
    """
    x = float(x)
    text = repr(x)
    return text[:-2] if text.endswith(".0") else text
