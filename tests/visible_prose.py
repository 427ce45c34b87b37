"""Counting a page's visible prose, as issue 20 counts it: the words of every markdown, caption,
info, warning, success and error element and of every metric's label that is not inside an
expander, in the page's main area (display formulas and icons are not words)."""

from __future__ import annotations

import re

from streamlit.testing.v1 import element_tree as et

_PROSE = (et.Markdown, et.Caption, et.Latex, et.Info, et.Warning, et.Success, et.Error)
_MATH = re.compile(r"\$\$.*?\$\$", re.S)
_ICON = re.compile(r":material/[a-z_]+:")
_WORD = re.compile(r"\w", re.UNICODE)


def visible_texts(at) -> list[str]:
    """The texts counted as visible prose, in page order."""
    out: list[str] = []

    def walk(node) -> None:
        for child in getattr(node, "children", {}).values():
            if isinstance(child, et.Expander):
                continue
            if type(child) in _PROSE:
                out.append(child.value)
            elif type(child) is et.Metric:
                out.append(child.label)
            walk(child)

    walk(at.main)
    return out


def words(text: str) -> int:
    """Whitespace-separated tokens holding a letter or digit, display formulas and icons left
    out."""
    text = _ICON.sub(" ", _MATH.sub(" ", text))
    return sum(1 for token in text.split() if _WORD.search(token))


def visible_words(at) -> int:
    return sum(words(text) for text in visible_texts(at))
