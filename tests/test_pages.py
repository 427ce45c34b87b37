"""Every page runs without exception in both languages; home page content; strings complete."""

import json
import re
import string

import pytest
from streamlit.testing.v1 import AppTest

from lib import charts, lesson
from tests.conftest import ROOT, TIMEOUT, open_page, set_language
from ui.layout import PAGES, PATH
from ui.strings import STRINGS

PAGE_SCRIPTS = sorted(p.relative_to(ROOT).as_posix()
                      for p in (ROOT / "pages" / "lessons").glob("*.py"))


@pytest.mark.parametrize("page", PAGE_SCRIPTS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_runs(page, lang):
    at = open_page()
    set_language(at, lang)
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.title, "every page has a title"


def _mappings(node):
    """Every mapping in a compiled Vega-Lite spec, nested ones included."""
    if isinstance(node, dict):
        yield node
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    for child in children:
        yield from _mappings(child)


@pytest.mark.parametrize("page", PAGE_SCRIPTS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_chart_shows_its_whole_legend_on_a_phone_and_only_named_tooltips(page, lang):
    """Issue 22, with every prediction made (every chart drawn):

    * a legend above a plot is one row that Vega-Lite cuts off where the chart ends, so on a
      390 px phone the last entries were missing (the calibration page's "Absolute error", the
      smoothing chart's "Smoothed target"): each either fits one row there or lists its
      entries one a line;
    * Streamlit's theme gives every mark a tooltip of its encoded fields, so the codes page's
      bands showed an untranslated "hi" and twelve digits: marks show only the tooltips a
      chart names, each with a title in the reader's language;
    * a legend that merges a field's marker shapes with its line dashes drew each dash on a
      shape's outline, a ragged blob (the codes page's Miller–Madow square, the compression
      page's training text): such a legend draws its symbols without an outline."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["done"] = lesson.encode_progress(
        {(c.page, c.id): "r" for c in lesson.CHECKPOINTS})
    at.run()
    set_language(at, lang)
    at.switch_page(page).run()
    assert not at.exception, at.exception
    specs = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    for spec in specs:
        assert spec["config"]["mark"]["tooltip"] is False
        for part in _mappings(spec):
            legend, domain = part.get("legend"), (part.get("scale") or {}).get("domain")
            if isinstance(legend, dict) and legend.get("orient") == "top":
                assert isinstance(domain, list), legend  # entries known, so their width is too
                if legend.get("columns", 0) < 1 and legend.get("direction") != "vertical":
                    assert charts.legend_row_px(domain, legend.get("symbolSize", 100)) \
                        <= charts.LEGEND_ROW_PX, domain
            tips = (part.get("encoding") or {}).get("tooltip", [])
            for tip in tips if isinstance(tips, list) else [tips]:
                assert tip.get("title"), tip
        channels: dict[str, list] = {}  # field -> (channel, legend) of every encoding of it
        for part in _mappings(spec):
            for channel, enc in (part.get("encoding") or {}).items():
                if isinstance(enc, dict) and "field" in enc:
                    channels.setdefault(enc["field"], []).append((channel, enc.get("legend", {})))
        for field, used in channels.items():
            legends = [legend for _, legend in used if legend is not None]
            if {"shape", "strokeDash"} <= {channel for channel, _ in used} and legends:
                assert any(legend.get("symbolStrokeWidth") == 0 for legend in legends), field


def test_every_page_script_is_in_the_menu():
    assert {p.path for p in PAGES} == set(PAGE_SCRIPTS)
    # At the top of pages/, one file per address that only runs app.py (pages/__init__.py
    # says why), all the same.
    stubs = {p.name: p.read_text() for p in (ROOT / "pages").glob("*.py")}
    assert set(stubs) == {"__init__.py"} | {f"{p.key}.py" for p in PAGES if p.key != "home"}
    assert len({text for name, text in stubs.items() if name != "__init__.py"}) == 1
    assert "runpy.run_path" in stubs["explorer.py"]


def test_home_page_shows_the_path_with_each_steps_question_time_and_progress():
    at = open_page()
    links = [el.proto.label for el in at.get("page_link")]
    steps = [p for p in PATH if p.key != "home"]
    assert links[:len(steps)] == [f"Step {i}: {STRINGS[f'page.{p.key}'][0]}"
                                  for i, p in enumerate(steps, start=1)]
    assert links[len(steps)].startswith("Glossary")
    text = " ".join(m.value for m in at.markdown)
    for p in steps:
        assert STRINGS[f"page.{p.key}.question"][0] in text
    captions = [c.value for c in at.caption]
    assert f"About {steps[0].minutes} minutes · checkpoints answered: 0 of 3" in captions
    for word in ("Information content", "Entropy", "Cross-entropy", "KL divergence"):
        assert f"**{word}**" in text


def test_the_path_follows_the_menu_and_leaves_the_glossary_as_a_side_door():
    assert [p.key for p in PATH] == [p.key for p in PAGES if p.key != "glossary"]
    at = open_page("pages/lessons/explorer.py")
    labels = [el.proto.label for el in at.get("page_link")]
    assert "Back: Codes & samples" in labels and "Next: Cross-entropy is compression" in labels


def test_home_in_chinese():
    at = open_page()
    set_language(at, "zh")
    assert at.title[0].value == "从比特到损失"
    assert "**交叉熵**" in " ".join(m.value for m in at.markdown)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_string_has_both_languages_and_same_fields(key):
    en, zh = STRINGS[key]
    assert en.strip() and zh.strip()
    assert _fields(en) == _fields(zh)
    words = re.sub(r"\{\w+\}", "", en)
    if key != "list.sep" and re.search("[A-Za-z]{4,}", words):
        assert re.search(r"[\u4e00-\u9fff]", zh), f"{key} is not translated"


def test_every_menu_icon_is_a_material_icon():
    from streamlit.string_util import validate_material_icon
    for page in PAGES:
        validate_material_icon(page.icon)  # raises for an unknown icon
