"""Translation lookup: every visible string lives in ui/strings as an (English, 中文) pair."""

from __future__ import annotations

from typing import Iterable

import streamlit as st

from ui.strings import STRINGS

LANGUAGES = {"en": "English", "zh": "中文"}
DEFAULT_LANGUAGE = "en"


def lang() -> str:
    """The reader's language code, from the single session-state setting."""
    return st.session_state.get("lang", DEFAULT_LANGUAGE)


def t(key: str, **values: object) -> str:
    """The string ``key`` in the reader's language, with ``{name}`` fields filled from values."""
    en, zh = STRINGS[key]
    text = zh if lang() == "zh" else en
    return text.format(**values) if values else text


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
