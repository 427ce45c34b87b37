"""Shared test helpers: paths built from this file, AppTest with a generous first-run timeout."""

from pathlib import Path

import os

import pytest
from hypothesis import settings
from streamlit.testing.v1 import AppTest

# Hypothesis draws the same examples on every run ("repeatable"), so a whole run on a clean
# checkout passes or fails for the code, not for the draw: three properties each failed once,
# in different runs, on a case no earlier run had drawn (each kept since as an @example).
# HYPOTHESIS_PROFILE=explore draws new examples each run, to look for more such cases.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

ROOT = Path(__file__).resolve().parents[1]
# The first run of a fresh AppTest imports numpy, pandas, scipy and altair.
TIMEOUT = 60

#: The files that take longest, longest first (measured in a whole run: `bash tests/run.sh
#: --durations=0`). tests/run.sh keeps each file on one worker in collection order
#: (`--dist loadfile --no-loadscope-reorder`), so starting these first keeps a long file from
#: running alone at the end while the other worker idles.
LONGEST_FIRST = (
    "tests/browser/test_smoke.py", "tests/browser/test_accessibility.py",
    "tests/browser/test_training.py", "tests/browser/test_neuron_browser.py",
    "tests/browser/test_network_browser.py", "tests/test_bench.py",
    "tests/test_network_page.py", "tests/browser/test_path.py",
    "tests/browser/test_path_phone.py", "tests/browser/test_explorer_browser.py",
    "tests/test_neuron_page.py", "tests/browser/test_loss_browser.py",
    "tests/browser/test_codes_browser.py", "tests/test_explorer_page.py",
    "tests/browser/test_balancer.py",
)


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))


def open_page(page: str | None = None) -> AppTest:
    """Run app.py, then switch to ``page`` (e.g. "pages/lessons/explorer.py") if given."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    if page:
        at.switch_page(page).run()
        assert not at.exception, at.exception
    return at


@pytest.fixture
def explorer() -> AppTest:
    return open_page("pages/lessons/explorer.py")


def widget_key(at: AppTest, truth_key: str) -> str:
    """The key of the widget that shows the setting ``truth_key``: the setting's own key."""
    return truth_key


def set_language(at: AppTest, lang: str) -> AppTest:
    """Pick a language in the sidebar, as a reader would."""
    at.segmented_control(key=widget_key(at, "lang")).set_value(lang).run()
    assert not at.exception, at.exception
    return at


def set_units(at: AppTest, units: str) -> AppTest:
    at.radio(key=widget_key(at, "units")).set_value(units).run()
    assert not at.exception, at.exception
    return at


def table_editor_key(at: AppTest, truth_key: str) -> str:
    """The key of the data editor currently showing the table setting ``truth_key``."""
    return at.session_state[f"_base.{truth_key}"][0]


def edit_table(at: AppTest, truth_key: str, edited=None, added=None, deleted=None) -> AppTest:
    """Edit a table as the grid would (AppTest cannot type into st.data_editor)."""
    at.session_state[table_editor_key(at, truth_key)] = {
        "edited_rows": edited or {}, "added_rows": added or [], "deleted_rows": deleted or []}
    return at.run()


def link_of(at: AppTest) -> dict[str, str]:
    """The query parameters the page wrote into the address bar."""
    return {k: (v[-1] if isinstance(v, list) else v) for k, v in at.query_params.items()}


def open_link(page: str, query: dict[str, str]) -> AppTest:
    """A fresh session opening ``page`` (e.g. "pages/lessons/explorer.py") at a link's parameters:
    its first run is that page's (app.py stays the entry point, so the menu's links resolve)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    if page != "app.py":
        at.switch_page(page)
    at.query_params.update(query)
    return at.run()


# ---- checkpoints --------------------------------------------------------------------------

def predict(at: AppTest, page: str, cid: str, value) -> AppTest:
    """Commit a prediction at the checkpoint ``cid`` of ``page``: pick or type ``value``, then
    press "Check my prediction"."""
    key = f"_cp.pick.{page}.{cid}"
    widget = next(w for w in list(at.radio) + list(at.number_input) if w.key == key)
    widget.set_value(value).run()
    at.button(key=f"_cp.check.{page}.{cid}").click().run()
    assert not at.exception, at.exception
    return at


def feedback(at: AppTest) -> str:
    """The checkpoints' verdicts on screen (right and wrong), as one text."""
    return " ".join(x.value for x in list(at.success) + list(at.warning))


def answered(at: AppTest, page: str) -> AppTest:
    """The session with every checkpoint of ``page`` answered before (the progress ``done``, as
    a link carries it): the page's answers show for any inputs."""
    from lib import lesson

    at.session_state["done"] = lesson.encode_progress(
        {(c.page, c.id): "r" for c in lesson.by_page(page)})
    at.run()
    assert not at.exception, at.exception
    return at


def own_link(at: AppTest) -> dict:
    """The link's parameters but the reader's progress (``done``)."""
    return {k: v for k, v in link_of(at).items() if k != "done"}
