"""The page frame: unexpected errors become a translated sentence (never a traceback), every
problem code has wording in both languages, and reader text in messages stays literal."""

import re
import pytest
from streamlit.testing.v1 import AppTest

from lib.problems import Problem
from tests.conftest import ROOT, TIMEOUT, open_page
from ui.strings import STRINGS

def _explode(*args, **kwargs):
    raise RuntimeError("secret /srv/app/path")


@pytest.mark.parametrize("lang, index", [("en", 0), ("zh", 1)])
def test_an_unexpected_error_shows_a_sentence_not_a_traceback(monkeypatch, lang, index):
    at = open_page()
    at.session_state["lang"] = lang
    # AppTest runs the page in this process: make something the home page calls fail.
    monkeypatch.setattr("ui.glossary.link", _explode)
    at.run()
    assert not at.exception
    assert at.title[0].value == STRINGS["home.title"][index]  # what came before still shows
    assert [e.value for e in at.error] == [STRINGS["app.error"][index]]
    assert "secret" not in str(at)
    monkeypatch.undo()
    at.run()
    assert not at.error and len(at.get("page_link")) > 5  # it recovers


def test_config_hides_error_details():
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    assert re.search(r'^showErrorDetails = "none"$', config, re.M)


def _codes_in_lib() -> set[str]:
    codes = set()
    for path in (ROOT / "lib").glob("*.py"):
        codes |= set(re.findall(r'Problem\(\s*"(\w+)"', path.read_text()))
        codes |= set(re.findall(r'ProblemError\(Problem\(\s*"(\w+)"', path.read_text()))
        codes |= set(re.findall(r'DistributionError\([^)]*code="(\w+)"', path.read_text(),
                                re.S))
    return codes


def test_every_problem_code_in_lib_has_wording():
    def worded(code: str) -> bool:
        if code.startswith("file_"):  # lib.csvfile.problem_case: problem.file.<case>
            return any(k.startswith("problem." + code.replace("_", ".", 1)) for k in STRINGS)
        # A link's own problems (lib.settings.read_link: always with the parameter's field)
        # are worded as problem.link.<code>.
        return f"problem.{code}" in STRINGS or f"problem.link.{code}" in STRINGS
    missing = sorted(c for c in _codes_in_lib() if not worded(c))
    assert not missing, missing


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_problem_messages_name_the_row_and_keep_reader_text_literal(lang):
    at = AppTest.from_string(f'''
import streamlit as st
from lib.problems import Problem
from ui import problems
st.session_state["lang"] = "{lang}"
st.markdown(problems.message(Problem("not_number", "P", 2, "**wolf**", text="$x$"),
                             columns={{"P": "P"}}))
st.markdown(problems.message(Problem("too_many_rows", value=60, limit=50), table="T"))
''', default_timeout=TIMEOUT).run()
    first, second = (m.value for m in at.markdown)
    assert r"\*\*wolf\*\*" in first and r"\$x\$" in first and "3" in first
    assert "60" in second and "50" in second and "10" in second and "T" in second


def test_a_page_with_bad_input_still_writes_its_link():
    from tests.conftest import edit_table, link_of
    at = open_page("pages/lessons/explorer.py")
    edit_table(at, "explorer.table", edited={0: {"P": "0.9"}})  # P no longer sums to 1
    assert at.error  # the page shows no results after explaining the problem ...
    assert link_of(at)["table"].startswith("@dog_0.9_")  # ... and the link still holds the edit


def test_config_skips_the_full_collection_after_every_run():
    """runner.postScriptGC off (config.toml says why); the option must still exist in the
    Streamlit we pin, or the setting would silently do nothing."""
    import tomllib

    from streamlit import config as st_config

    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert settings["runner"]["postScriptGC"] is False
    assert "runner.postScriptGC" in st_config._config_options_template


def test_config_sends_every_element_in_full():
    """global.minCachedMessageSize above any message: no hash-only references that a busy
    browser could fail to resolve (config.toml says what happened)."""
    import tomllib

    from streamlit import config as st_config
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.runtime.forward_msg_cache import populate_hash_if_needed

    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert settings["global"]["minCachedMessageSize"] >= 1e12
    assert "global.minCachedMessageSize" in st_config._config_options_template
    # Streamlit reads the project's config.toml (the tests run from the repository's root).
    assert st_config.get_option("global.minCachedMessageSize") == \
        settings["global"]["minCachedMessageSize"]
    msg = ForwardMsg()
    msg.delta.new_element.markdown.body = "x" * 200_000
    populate_hash_if_needed(msg)
    assert msg.hash and not msg.metadata.cacheable
