"""Translation lookup: every visible string lives in ui/strings as an (English, 中文) pair;
sentences, lists and the cases :mod:`lib` decides (:func:`say`) in the reader's language."""

from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

import numpy as np
import streamlit as st

from lib import fmt
from lib.cases import Case
from ui.strings import STRINGS

LANGUAGES = {"en": "English", "zh": "中文"}
DEFAULT_LANGUAGE = "en"


def lang() -> str:
    """The reader's language code, from the single session-state setting."""
    return st.session_state.get("lang", DEFAULT_LANGUAGE)


#: "1 bits", "1 extra bits": a field holding exactly 1 before a plural unit in English.
_ONE_BITS = re.compile(r"(?<![\d.,−-])1 ((?:extra |more |fewer )?)(bit|nat|hartley)s\b")


def t(key: str, **values: object) -> str:
    """The string ``key`` in the reader's language, with ``{name}`` fields filled from values
    (in English a unit after a filled-in 1 is singular: "1 bit", "1 extra bit")."""
    en, zh = STRINGS[key]
    if lang() == "zh":
        return fmt.zh_fields(zh, values) if values else zh
    return _ONE_BITS.sub(r"1 \1\2", en.format(**values)) if values else en


def event_name(identifier: str) -> str:
    """A preset's event (``lib.tables.preset_label`` id) in the reader's language; identifiers
    without a translation (die faces) are shown as they are."""
    key = f"event.{identifier}"
    return t(key) if key in STRINGS else identifier


def sentences(*parts: str) -> str:
    """Sentences in a row, empty ones left out: a space between them in English, none after a
    Chinese full stop."""
    return ("" if lang() == "zh" else " ").join(s for s in parts if s)


def listing(items: Iterable[str]) -> str:
    """Items of a list in a sentence: ``A, B, C`` (``A、B、C`` in Chinese)."""
    return t("list.sep").join(items)


def event_names(labels: Sequence[str], events: Iterable[int]) -> str:
    """The events numbered ``events``, quoted, escaped and listed for a sentence."""
    return listing(f"“{fmt.text(labels[i])}”" for i in events)


def say(prefix: str, *cases: Case, labels: Sequence[str] = (), **words: str) -> str:
    """Cases decided in ``lib`` (:class:`lib.cases.Case`) in the reader's words, in a row
    (:func:`sentences`): each the string ``<prefix>.<name>`` with its numbers worded as

    * text: as ``lib`` wrote it (already formatted with :mod:`lib.fmt`);
    * a Case: worded first (a name, a part of the sentence); a tuple of Cases: a list
      (separated by ``<prefix>.list.sep`` where the page has one);
    * a tuple of event indices: the events' quoted ``labels``;
    * a whole count: thousands separators; any other number: three significant digits, the
      two numbers ``case.apart`` names with as many more as it takes to read differently
      (``1.0000000000`` against ``1.0000000002``);

    ``words`` (text the ui worded, e.g. a chart's quantity name) fill the sentences' other
    fields as they are.
    """
    sep = t(f"{prefix}.list.sep") if f"{prefix}.list.sep" in STRINGS else t("list.sep")

    def word(value: Any) -> str:
        if isinstance(value, str):
            return value
        if isinstance(value, Case):
            return say(prefix, value, labels=labels)
        if isinstance(value, tuple) and all(isinstance(v, Case) for v in value):
            return sep.join(say(prefix, v, labels=labels) for v in value)
        if isinstance(value, tuple):
            return event_names(labels, value)
        if isinstance(value, (int, np.integer)):
            return f"{value:,}"
        return fmt.short(value)

    def one(case: Case) -> str:
        fields = {k: word(v) for k, v in case.numbers.items()}
        if case.apart:
            a, b = case.apart
            fields[a], fields[b] = fmt.apart(case.numbers[a], case.numbers[b], lambda x, d:
                                             fmt.short(x) if d == 3 else fmt.sig(x, d), 3)
        return t(f"{prefix}.{case.name}", **fields, **words)

    return sentences(*(one(c) for c in cases))
