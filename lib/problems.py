"""One way for ``lib`` to report bad input: problems as data, worded by the app.

Functions that read input from people (a table cell, a link, an uploaded file, a setting) never
raise on bad input and never write English sentences: they return (or raise, inside
:class:`ProblemError`) :class:`Problem` records carrying a ``code`` and the facts needed to
explain it. ``ui.problems`` turns each code into a sentence in the reader's language, naming the
reader's own table, column, row and value.

Codes in use (a ``Problem`` may carry any subset of the fields):

=================  ===========================================================================
``no_rows``        a table has no rows (``value``: 0)
``too_many_rows``  more rows than allowed (``value``: the count, ``limit``: the maximum)
``empty``          a required cell is empty
``not_number``     a cell is not a number this app can read (``text``: what was typed)
``not_finite``     ∞ or NaN where a finite number is needed
``negative``       a negative probability, count or weight
``above_one``      a probability above 1
``all_zero``       a column whose numbers are all 0
``sum``            probabilities that do not add up to 1 (``value``: their sum)
``out_of_range``   a setting outside its bounds (``value``, ``lo``, ``hi``)
``bad_choice``     a setting that is not one of its choices (``text``)
``unknown_key``    a link parameter this page does not know (``field``)
``too_long``       text longer than allowed (``limit``)
``bad_table``      a table in a link that cannot be read (``text``)
``not_positive``   a standard deviation, bin width, cut, sample count or α that is ≤ 0
``not_integer``    a whole number was needed (an n-gram order)
``not_text``       text was needed (:mod:`lib.text`); ``text_empty``, ``text_too_short`` and
                   ``text_too_long`` (``value``, ``limit``: counts of characters,
                   :data:`COUNTS`) bound it; ``not_binary``/``bad_bits`` a code
                   that is not a string of 0s and 1s the decoder can read
``length``         lists that must have the same length do not (``column``: the one that differs)
``zero_denominator`` a fraction typed with 0 below the line
``too_costly``     a training over its bound of mini-batch updates (``value``, ``limit``)
``queue_full``     the server's training line is full (``value``: the jobs waiting)
``cal_*``          calibration input: ``cal_shape``, ``cal_labels``, ``cal_not_finite``,
                   ``cal_probs``
``file_*``         upload problems: ``file_empty``, ``file_too_big``, ``file_binary``,
                   ``file_encoding``, ``file_columns``, ``file_parse``
=================  ===========================================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["COUNTS", "Problem", "ProblemError"]

#: Codes whose ``value`` and ``limit`` are counts of characters, quoted with thousands separators
#: (``50,001``); every other number is quoted as typed (:func:`lib.fmt.prob`: ``50001``).
COUNTS = frozenset({"text_too_short", "text_too_long"})


@dataclass(frozen=True)
class Problem:
    """One thing wrong with some input.

    ``column`` names a table column (``"P"``) or a setting; ``row`` is 0-based; ``label`` is the
    row's event name; ``value`` the number at fault (or a count or sum); ``text`` the raw text
    when it was not a number; ``limit``/``lo``/``hi`` the bounds involved; ``field`` a link
    parameter's name.
    """

    code: str
    column: str | None = None
    row: int | None = None
    label: str | None = None
    value: float | None = None
    text: str | None = None
    limit: float | None = None
    lo: float | None = None
    hi: float | None = None
    field: str | None = None


class ProblemError(ValueError):
    """Raised by ``lib`` functions whose whole input is unusable; ``problems`` says why.

    >>> err = ProblemError([Problem("empty", column="P", row=0)])
    >>> err.problems[0].code
    'empty'
    """

    def __init__(self, problems: list[Problem] | Problem, message: str | None = None) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__(message or "; ".join(p.code for p in self.problems))

    def __reduce__(self) -> tuple[Any, ...]:  # picklable, so st.cache_data can store it
        return (ProblemError, (self.problems, str(self)))
