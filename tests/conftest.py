"""Shared test helpers: paths built from this file, AppTest with a generous first-run timeout."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
# The first run of a fresh AppTest imports numpy, pandas, scipy and altair.
TIMEOUT = 60


def open_page(page: str | None = None) -> AppTest:
    """Run app.py, then switch to ``page`` (e.g. "pages/explorer.py") if given."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    if page:
        at.switch_page(page).run()
        assert not at.exception, at.exception
    return at


@pytest.fixture
def explorer() -> AppTest:
    return open_page("pages/explorer.py")


def set_language(at: AppTest, lang: str) -> AppTest:
    """Pick a language in the sidebar, as a reader would."""
    at.segmented_control(key=f"_lang_{at.session_state['lang']}").set_value(lang).run()
    assert not at.exception, at.exception
    return at


def set_units(at: AppTest, units: str) -> AppTest:
    at.radio(key=f"_units_{at.session_state['lang']}").set_value(units).run()
    assert not at.exception, at.exception
    return at
