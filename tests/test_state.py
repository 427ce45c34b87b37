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
from lib.settings import Setting
from ui import state
from ui.layout import APP

S = state.REGISTRY.get("scratch") or state.PageState("scratch", [
    Setting("x", 0.5, "float", lo=0.0, hi=1.0),
    Setting("n", 3, "int", lo=1, hi=10),
    Setting("mode", "a", "choice", choices=("a", "b")),
    Setting("on", False, "bool"),
    Setting("table", pd.DataFrame({"label": [tables.preset_label("dog"), "b"],
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
    ({"table": "~".join(["a_1"] * 2_000)}, ["too_long:table"]),
    ({"table": "~".join(["a_1"] * 30_000)}, ["too_long:link"]),
    ({"table": "~".join(["a_0.02"] * 101)}, ["too_many_rows:table"]),
    ({"table": tables.COMPACT + "%%%"}, ["bad_table:table"]),
    ({"on": "maybe"}, ["bad_choice:on"]),
    ({"x": "0" * 9000}, ["too_long:x"]),
    ({"x": "0" * 80_000}, ["too_long:link"]),
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


# ---- A link never loses a table (issue 23) -----------------------------------------------------

def test_a_scratch_link_keeps_bad_cells_as_typed():
    at = app({"table": "a_x~@Dog%21_1~_"})
    assert not at.exception and not at.warning
    assert shown(at).split("|")[-1] == "a_x~%40Dog!_1~_"
    assert at.dataframe[0].value["P"].tolist() == ["x", "1", ""]


def test_the_link_cap_grows_with_the_tables_a_page_carries():
    from lib import settings
    from ui import state
    from ui.explorer import S as EXPLORER
    from ui.codes import S as CODES
    largest = tables.link_limits(2, tables.MAX_EVENTS)[1]
    assert state.link_limit(EXPLORER) >= settings.MAX_LINK + largest
    assert state.link_limit(CODES) >= settings.MAX_LINK + largest  # the explorer's table, "pq."


PAGES = {  # page -> (its table's key, a link with a bad cell and a row just added with "+")
    "explorer": ("explorer.table", "lion_abc_0.25~wolf_0.3_0.25~bear_0.2_0.5~__"),
    "information": ("information.table", "A_1/2~B_abc~C_1/4~_"),
    "loss": ("loss.table", "@rice_0.8_1~@pumpkin_abc_1~greens_0.1_0~__0"),
}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_link_with_a_bad_or_empty_cell_keeps_every_cell(page, lang):
    """Typed "abc", or pressed "+", then reloaded: the same table, the page's own messages, and
    the address unchanged (not the default table with a link warning)."""
    from tests.conftest import link_of, open_link
    key, link = PAGES[page]
    at = open_link(f"pages/lessons/{page}.py", {"table": link, "lang": lang})
    assert not at.exception and not at.warning, [w.value for w in at.warning]
    assert link_of(at)["table"] == link
    assert tables.encode_table(at.session_state[key], tuple(
        c for c in at.session_state[key].columns if c != "label")).count("~") == 3
    errors = " ".join(e.value for e in at.error)
    assert ("abc" in errors) and len(at.error) >= 2, errors  # the bad cell, the empty row
    if lang == "en":
        assert "is not a number" in errors and "is empty" in errors
    else:
        assert "不是数字" in errors and "是空的" in errors


def test_a_link_that_is_no_table_falls_back_with_a_message():
    from tests.conftest import open_link
    at = open_link("pages/lessons/explorer.py", {"table": "lion_0.5~wolf_0.3_0.25"})
    assert not at.exception
    assert "could not be read" in at.warning[0].value
    assert tables.label_id(at.session_state["explorer.table"]["label"][0]) is not None


def fifty_row_csv() -> bytes:
    """The issue's upload: 50 rows, 60-character labels, full-precision numbers (about 5 KB)."""
    import numpy as np
    from lib.csvfile import write_csv
    rng = np.random.default_rng(23)
    p, q = ([repr(x) for x in rng.dirichlet(np.ones(50)).tolist()] for _ in range(2))
    labels = [f"row {i:02d}: the label a class gave this event, sixty chars long."
              for i in range(50)]
    assert {len(label) for label in labels} == {tables.MAX_LABEL}
    return write_csv(pd.DataFrame({"label": labels, "P": p, "Q": q}), numeric=("P", "Q"))


@pytest.mark.parametrize("page, prefix", [("explorer", ""), ("codes", "pq.")])
def test_a_fifty_row_upload_survives_its_link(page, prefix):
    from tests.conftest import link_of, open_link, open_page
    data = fifty_row_csv()
    assert 5000 < len(data) < 6000
    at = open_page("pages/lessons/explorer.py")
    key = next(k for k in at.session_state if isinstance(k, str)
               and k.startswith("_upload.explorer.table."))
    at.file_uploader(key=key).upload("class.csv", data, "text/csv").run()
    assert not at.exception and at.success
    table = at.session_state["explorer.table"]
    assert len(table) == 50 and len(table["label"][0]) == 60
    if page == "codes":
        at.switch_page("pages/lessons/codes.py").run()
    link = link_of(at)
    assert link[prefix + "table"].startswith(tables.COMPACT)
    assert len(urlencode(link)) < 4000  # what the address bar holds
    fresh = open_link(f"pages/lessons/{page}.py", link)
    assert not fresh.exception and not fresh.warning
    assert fresh.session_state["explorer.table"].equals(table)
    assert link_of(fresh) == link
