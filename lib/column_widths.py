"""How wide a table's columns must be for every cell to show whole, in pixels.

A browser sizes a Streamlit table's columns to the first data it shows and keeps those widths
when the data changes in place (Streamlit issue #5860): a longer number from another example
then shows cut off ("0.1666…"). A width sent with the data is applied every time, so pages
compute one here from what the column holds.

Conventions
-----------
The widths are for the tables' 14 px font (Source Sans in Chromium, bold in a header), measured
with a canvas and rounded up, so that an estimate is never narrower than the text:

- a digit 7.2 px; a lowercase letter 3.7 to 7.9 px, counted as :data:`CHAR_PX` (7.5: the
  thin letters' room covers the wide ones in a word); a capital up to 9.4 px (9.5);
- M, W, m, w, ∞, — and % 12 px; a space or thin punctuation 4.5 px;
- an East Asian wide or full-width character (汉字, full-width brackets) one em, 14 px;
- a cell adds :data:`CELL_PX`: 8 px of padding either side and 4 px of slack.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["CHAR_PX", "CELL_PX", "WIDE_PX", "char_px", "text_px", "column_widths"]

CHAR_PX = 7.5
_CLASS_PX = ((frozenset(" .,:;'’()[]|!Iijl"), 4.5), (frozenset("MWmw∞—%"), 12.0),
             (frozenset("ABCDEFGHJKLNOPQRSTUVXYZ"), 9.5))
WIDE_PX = 14.0
CELL_PX = 20


def char_px(ch: str) -> float:
    """Pixels the character ``ch`` takes at most in a table cell (module conventions).

    >>> char_px("0"), char_px("汉"), char_px("i")
    (7.5, 14.0, 4.5)
    """
    if unicodedata.east_asian_width(ch) in "WF":
        return WIDE_PX
    return next((px for chars, px in _CLASS_PX if ch in chars), CHAR_PX)


def text_px(text: str) -> float:
    """Pixels ``text`` takes at most in a table cell: the sum of :func:`char_px`.

    >>> text_px("0.166667")
    57.0
    """
    return sum(map(char_px, text))


def _cells(table: Any) -> Mapping[str, Sequence]:
    """A table's cells by column name: a mapping as it is, an Arrow table or a pandas frame."""
    if hasattr(table, "to_pydict"):
        return table.to_pydict()
    if hasattr(table, "columns") and not isinstance(table, Mapping):
        return {str(name): table[name].tolist() for name in table.columns}
    return table


def column_widths(table: Any, labels: Mapping[str, str] | None = None) -> dict[str, int]:
    r"""Each column's width in pixels (``table``: column name -> cells, an Arrow table or a
    pandas frame), :math:`\lceil \mathrm{CELL\_PX} + \max_c \mathrm{text\_px}(c) \rceil` over its
    cells and its shown label (``labels[name]``, else its name); cells are read as text
    (``str``).

    >>> column_widths({"Q": ["0.125", "0.166667"]})
    {'Q': 77}
    """
    labels = labels or {}
    return {name: math.ceil(CELL_PX + max(text_px(str(x)) for x in (
        labels.get(name, name), *cells))) for name, cells in _cells(table).items()}
