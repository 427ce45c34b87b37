"""ui.state: settings survive language switches and page visits, presets are whole experiments,
every view is a link, and hostile links never break a page."""

from urllib.parse import urlencode

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib import tables
from tests.conftest import TIMEOUT

SCRIPT = '''
import pandas as pd
import streamlit as st
from lib import tables
from ui import state
from ui.layout import APP

S = state.REGISTRY.get("scratch") or state.PageState("scratch", [
    state.Setting("x", 0.5, "float", lo=0.0, hi=1.0),
    state.Setting("n", 3, "int", lo=1, hi=10),
    state.Setting("mode", "a", "choice", choices=("a", "b")),
    state.Setting("on", False, "bool"),
    state.Setting("table", pd.DataFrame({"label": [tables.preset_label("dog"), "b"],
                                         "P": ["1/2", "1/2"]}), "table", columns=("P",)),
], presets={"big": {"x": 0.9, "n": 7}, "b": {"mode": "b", "on": True}})
st.session_state["_page"] = "scratch"
APP.ensure()
S.ensure()
state.read_link(S)
found = st.session_state.pop(state.LINK_PROBLEMS, None)
if found:
    st.warning(" | ".join(p.code + ":" + str(p.field) for p in found))
APP.choice("lang", "lang", {"en": "English", "zh": "中文"}, widget="segmented_control")
if not st.session_state.get("away"):
    S.slider("x", "x " + st.session_state["lang"], step=0.01)
    S.number("n", "n")
    S.choice("mode", "mode", {"a": "A " + st.session_state["lang"], "b": "B"})
    S.checkbox("on", "on")
    S.table("table", {"P": st.column_config.TextColumn("P " + st.session_state["lang"])},
            label_name=lambda i: {"en": "dog", "zh": "狗"}[st.session_state["lang"]] if i == "dog" else i)
    for name in S.presets:
        st.button(name, key="preset_" + name, on_click=S.apply_preset, args=(name,))
    st.button("reset", key="reset", on_click=S.reset)
st.checkbox("away", key="away")
st.caption(repr(S.values()["x"]) + "|" + repr(S.values()["n"]) + "|" + S.values()["mode"]
           + "|" + repr(S.values()["on"]) + "|" + tables.encode_table(S.values()["table"], ("P",)))
state.sync_url(S)
'''


def app(query=None) -> AppTest:
    at = AppTest.from_string(SCRIPT, default_timeout=TIMEOUT)
    if query:
        at.query_params.update(query)
    return at.run()


def shown(at: AppTest) -> str:
    return at.caption[-1].value


def key(at, name):
    return f"scratch.{name}"  # a setting's widget has the setting's own key


def switch_language(at, lang):
    at.segmented_control(key="lang").set_value(lang).run()


def visit_away_and_back(at):
    at.checkbox(key="away").check().run()
    assert not at.slider  # the widgets are not drawn (persist_state keeps their values)
    at.checkbox(key="away").uncheck().run()


def test_defaults():
    at = app()
    assert not at.exception
    assert shown(at) == "0.5|3|a|False|@dog_1/2~b_1/2"
    assert dict(at.query_params) == {}


def test_every_widget_keeps_its_value_across_language_and_visits():
    at = app()
    at.slider(key=key(at, "x")).set_value(0.25)
    at.number_input(key=key(at, "n")).set_value(8)
    at.radio(key=key(at, "mode")).set_value("b")
    at.checkbox(key=key(at, "on")).check()
    at.run()
    expected = "0.25|8|b|True|@dog_1/2~b_1/2"
    assert shown(at) == expected
    switch_language(at, "zh")
    assert shown(at) == expected
    assert at.slider(key=key(at, "x")).value == 0.25
    assert at.radio(key=key(at, "mode")).value == "b"
    visit_away_and_back(at)
    assert shown(at) == expected
    assert at.number_input(key=key(at, "n")).value == 8


def edit(at, edited=None, added=None, deleted=None):
    editor = at.session_state["_base.scratch.table"][0]
    at.session_state[editor] = {"edited_rows": edited or {}, "added_rows": added or [],
                                "deleted_rows": deleted or []}
    return at.run()


def test_table_edits_survive_language_switch_and_visits():
    at = app()
    edit(at, edited={1: {"label": "wolf", "P": "1/4"}}, added=[{"label": "c", "P": "0.25"}])
    expected = "@dog_1/2~wolf_1/4~c_0.25"
    assert shown(at).endswith(expected)
    switch_language(at, "zh")
    assert shown(at).endswith(expected)
    # the preset label follows the language, the reader's own labels do not
    assert at.dataframe[0].value["label"].tolist() == ["狗", "wolf", "c"]
    visit_away_and_back(at)
    assert shown(at).endswith(expected)
    edit(at, edited={0: {"P": "0.5"}})  # an edit after the switch applies to the kept table
    assert shown(at).endswith("@dog_0.5~wolf_1/4~c_0.25")
    edit(at, edited={0: {"label": "fox"}})
    switch_language(at, "en")
    assert at.dataframe[0].value["label"].tolist() == ["fox", "wolf", "c"]


def test_presets_are_whole_experiments_and_reset_restores_defaults():
    at = app()
    at.button(key="preset_big").click().run()
    big = shown(at)
    assert big == "0.9|7|a|False|@dog_1/2~b_1/2"
    at.button(key="preset_b").click().run()
    assert shown(at) == "0.5|3|b|True|@dog_1/2~b_1/2"
    at.button(key="preset_big").click().run()
    assert shown(at) == big  # what was pressed before does not matter
    assert at.slider(key=key(at, "x")).value == 0.9  # the widgets show the preset too
    edit(at, edited={0: {"P": "0.3"}})
    at.button(key="reset").click().run()
    assert shown(at) == "0.5|3|a|False|@dog_1/2~b_1/2"
    assert at.dataframe[0].value["P"].tolist() == ["1/2", "1/2"]


def test_state_to_link_to_fresh_session():
    at = app()
    at.button(key="preset_big").click().run()
    assert dict(at.query_params) == {"preset": "big"} or at.query_params["preset"] == ["big"]
    at.radio(key=key(at, "mode")).set_value("b").run()
    edit(at, edited={1: {"label": "my_cat~1", "P": "1/4"}})
    switch_language(at, "zh")
    query = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert query["lang"] == "zh" and query["preset"] == "big" and query["mode"] == "b"
    fresh = app(query)
    assert not fresh.exception and not fresh.warning
    assert shown(fresh) == shown(at)
    assert fresh.session_state["lang"] == "zh"


@pytest.mark.parametrize("query, codes", [
    ({"x": "2"}, ["out_of_range:x"]),
    ({"x": "nan"}, ["not_number:x"]),
    ({"x": "-1e999"}, ["not_finite:x"]),
    ({"n": "2.5"}, ["not_number:n"]),
    ({"mode": "<img src=x onerror=alert(1)>"}, ["bad_choice:mode"]),
    ({"preset": "nope"}, ["bad_choice:preset"]),
    ({"lang": "fr"}, ["bad_choice:lang"]),
    ({"evil": "1", "x": "0.3"}, ["unknown_key:evil"]),
    ({"table": "a_1~b"}, ["bad_table:table"]),
    ({"table": "~".join(["a_1"] * 10_000)}, ["too_long:link"]),
    ({"table": "~".join(["a_0.02"] * 60)}, ["too_many_rows:table"]),
    ({"table": "a_x~b_1"}, ["not_number:table"]),
    ({"table": "@Dog%21_1"}, ["bad_table:table"]),
    ({"on": "maybe"}, ["bad_choice:on"]),
    ({"x": "0" * 9000}, ["too_long:link"]),
])
def test_hostile_links_get_a_message_and_the_defaults(query, codes):
    at = app(query)
    assert not at.exception
    assert at.warning[0].value.split(" | ") == codes
    values = shown(at).split("|")
    if "x" in query and codes[0].endswith(":x"):
        assert values[0] == "0.5"
    if "table" in query:
        assert values[-1] == "@dog_1/2~b_1/2"
    if query.get("x") == "0.3":
        assert values[0] == "0.3"  # good parameters beside a bad one still apply


def test_link_text_is_never_interpreted():
    at = app({"table": tables.encode_table(pd.DataFrame({"label": ["**x** $y$ :red[z]"],
                                                          "P": ["1"]}), ("P",))})
    assert not at.exception and not at.warning
    assert at.dataframe[0].value["label"].tolist() == ["**x** $y$ :red[z]"]


def test_query_uses_a_preset_name_when_shorter():
    at = app()
    at.button(key="preset_b").click().run()
    at.slider(key=key(at, "x")).set_value(0.75).run()
    query = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert query == {"preset": "b", "x": "0.75"}
    assert urlencode(query) == "preset=b&x=0.75"
