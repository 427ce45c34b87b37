"""The glossary: complete bilingual data, the page in both languages, ?term= links."""

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import (ROOT, TIMEOUT, link_of, open_page, set_language, set_units,
                            widget_key)
from ui import glossary
from ui.strings import STRINGS
from ui.strings.glossary import FORMULAS, SECTIONS

PAGE = "pages/lessons/glossary.py"
IDS = [term for _, terms in SECTIONS for term in terms]


# ---- data ------------------------------------------------------------------------------------

def test_ids_are_unique_anchors_with_complete_entries():
    assert len(IDS) == len(set(IDS))
    assert set(FORMULAS) == set(IDS)
    for term in IDS:
        assert re.fullmatch(r"[a-z][a-z0-9-]*", term), term
        for part in ("name", "meaning"):
            en, zh = STRINGS[f"gl.{term}.{part}"]
            assert en.strip() and re.search(r"[\u4e00-\u9fff]", zh), (term, part)
    assert {s for s, _ in SECTIONS} == {k[len("gl.sec."):] for k in STRINGS
                                        if k.startswith("gl.sec.")}


def test_formulas_are_latex_without_words():
    for term, lines in FORMULAS.items():
        assert isinstance(lines, tuple) and lines, term
        for line in lines:
            assert line.count("{") == line.count("}"), (term, line)
            assert not re.search(r"\\(text|mbox|textrm)\b", line), f"{term}: words in a formula"
            assert line.count(r"\bigl") == line.count(r"\bigr"), (term, line)


# English names (any of) and Chinese names (all of) a reader must find, from issue 8.
REQUIRED = {
    "information": (["Information content", "self-information", "surprisal"], ["自信息", "惊讶度"]),
    "entropy": (["Entropy"], ["熵"]),
    "cross-entropy": (["Cross-entropy"], ["交叉熵"]),
    "kl": (["KL divergence", "relative entropy"], ["KL 散度", "相对熵"]),
    "units": (["Bit", "nat", "hartley"], ["比特", "奈特", "哈特莱"]),
    "logit": (["Logit"], ["logit"]),
    "sigmoid": (["Sigmoid"], ["sigmoid"]),
    "softmax": (["Softmax"], ["softmax"]),
    "quadratic": (["Quadratic cost", "mean squared error"], ["二次代价", "均方误差"]),
    "bce": (["Binary cross-entropy"], ["二元交叉熵"]),
    "cce": (["Categorical cross-entropy"], ["分类交叉熵"]),
    "multi-label": (["Multi-label"], ["多标签"]),
    "one-hot": (["One-hot"], ["独热"]),
    "likelihood": (["Likelihood", "maximum likelihood"], ["似然", "极大似然"]),
    "gradient": (["Gradient"], ["梯度"]),
    "gradient-norm": (["Gradient norm"], ["梯度范数"]),
    "learning-rate": (["Learning rate"], ["学习率"]),
    "epoch": (["Epoch"], ["轮"]),
    "mini-batch": (["Mini-batch"], ["小批量"]),
    "saturation": (["Saturation"], ["饱和"]),
    "slowdown": (["Learning slowdown"], ["学习缓慢"]),
    "target": (["Target value y"], ["目标值 y"]),
    "goal": (["Goal threshold"], ["达标线"]),
    "scale": (["Scale"], ["取值尺度"]),
    "huffman": (["Huffman code"], ["哈夫曼编码"]),
    "prefix-code": (["Prefix code"], ["前缀码"]),
    "kraft": (["Kraft inequality"], ["克拉夫特不等式"]),
    "gibbs": (["Gibbs' inequality"], ["吉布斯不等式"]),
    "plug-in": (["Plug-in estimate"], ["代入估计"]),
    "miller-madow": (["Miller–Madow correction"], ["Miller–Madow 校正"]),
}


@pytest.mark.parametrize("term", sorted(REQUIRED))
def test_required_terms_are_named_in_both_languages(term):
    en_words, zh_words = REQUIRED[term]
    en, zh = STRINGS[f"gl.{term}.name"]
    for word in en_words:
        assert word in en, (term, word)
    for word in zh_words:
        assert word in zh, (term, word)


# ---- the page --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gl_page():
    """One glossary session for the page tests (the first run imports the heavy libraries)."""
    return open_page(PAGE)


def card_blocks(at) -> list[list[str]]:
    """Each card's Markdown block under its heading, as (other name, formula, meaning)."""
    return [m.value.split("\n\n", 2) for m in at.markdown if m.value.startswith(":gray[:small[")]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_entry_shows_with_both_names_formula_and_meaning(gl_page, lang):
    page = gl_page
    set_language(page, lang)
    i = 1 if lang == "zh" else 0
    assert page.title[0].value == STRINGS["page.glossary"][i]
    entries = glossary.entries()
    headings = [h for h in page.subheader]
    assert [h.proto.anchor for h in headings] == IDS
    assert [h.value for h in headings] == [STRINGS[f"gl.{e.id}.name"][i] for e in entries]
    # Under each heading one Markdown block: the other language's name (small, grey), the
    # formula as display math (exactly what st.latex would send) and the meaning.
    cards = card_blocks(page)
    assert len(cards) == len(entries)
    for (other, formula, meaning), e in zip(cards, entries):
        assert other == f":gray[:small[{STRINGS[f'gl.{e.id}.name'][1 - i]}]]"
        assert formula == f"$$\n{e.latex()}\n$$"
        assert meaning == STRINGS[f"gl.{e.id}.meaning"][i]
    assert [h.value for h in page.header] == [STRINGS[f"gl.sec.{s}"][i] for s, _ in SECTIONS]


def test_a_multi_line_formula_is_stacked():
    kl = glossary.entry("kl")
    assert kl.latex().startswith(r"\begin{gathered}") and kl.latex().count(r"\\") == 1
    assert glossary.entry("entropy").latex() == FORMULAS["entropy"][0]


def fresh_session(query: dict[str, str]) -> AppTest:
    """A new session opening the glossary at ``query``, as a browser opening the address
    /glossary?... does (app.py stays the entry point, so the menu's links resolve)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.switch_page(PAGE)
    at.query_params.update(query)
    return at.run()


def _shows_first(at, term: str, lang: str) -> None:
    i = 1 if lang == "zh" else 0
    first = at.subheader[0]
    assert first.value == STRINGS[f"gl.{term}.name"][i] and not first.proto.anchor
    assert STRINGS["gl.looked_up"][i] in at.caption[0].value
    assert card_blocks(at)[0][1] == f"$$\n{glossary.entry(term).latex()}\n$$"
    # The full list still follows, with the anchored entry in its place.
    assert [h.proto.anchor for h in at.subheader[1:]] == IDS


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_term_link_shows_that_entry_first_and_keeps_it(lang):
    at = open_page()
    set_language(at, lang)
    at.switch_page(PAGE)
    at.query_params["term"] = "kl"  # what glossary.link("kl") puts in the address
    at.run()
    assert not at.exception
    _shows_first(at, "kl", lang)
    assert link_of(at)["term"] == "kl"
    set_language(at, "en" if lang == "zh" else "zh")  # a rerun keeps it
    _shows_first(at, "kl", "en" if lang == "zh" else "zh")
    at.query_params["term"] = "entropy"  # another term link
    at.run()
    _shows_first(at, "entropy", "en" if lang == "zh" else "zh")


def test_close_and_arriving_from_the_menu_show_no_entry_first():
    at = open_page(PAGE)
    at.query_params["term"] = "huffman"
    at.run()
    _shows_first(at, "huffman", "en")
    at.button[0].click().run()  # Close
    assert not at.exception and "term" not in link_of(at)
    assert [h.proto.anchor for h in at.subheader] == IDS
    at.query_params["term"] = "kl"
    at.run()
    _shows_first(at, "kl", "en")
    at.switch_page("pages/lessons/home.py").run()
    at.switch_page(PAGE).run()  # from the menu: no ?term=
    assert not at.exception
    assert [h.proto.anchor for h in at.subheader] == IDS
    # Close, leave at once, come back by a link to the same term: it shows again.
    at.query_params["term"] = "kl"
    at.run()
    at.button[0].click()
    at.query_params["term"] = "kl"  # still in the address when Close reruns the page
    at.run()
    assert [h.proto.anchor for h in at.subheader] == IDS
    at.switch_page("pages/lessons/home.py").run()
    at.switch_page(PAGE)
    at.query_params["term"] = "kl"
    at.run()
    _shows_first(at, "kl", "en")


def test_a_fresh_session_opens_a_term_link():
    at = fresh_session({"term": "gibbs", "lang": "zh"})
    assert not at.exception
    _shows_first(at, "gibbs", "zh")


def test_a_bad_term_in_a_link_is_reported_not_raised():
    at = fresh_session({"term": "nosuchterm"})
    assert not at.exception
    assert "nosuchterm" in at.warning[0].value
    assert [h.proto.anchor for h in at.subheader] == IDS
    assert "term" not in link_of(at)


@pytest.mark.parametrize("query, lang, includes, excludes", [
    ("熵", "en", {"entropy", "cross-entropy", "kl", "bce"}, {"sigmoid", "epoch"}),
    ("relative entropy", "zh", {"kl"}, {"entropy"}),
    ("HUFFMAN", "en", {"huffman"}, {"prefix-code"}),
])
def test_filter_matches_either_language(query, lang, includes, excludes):
    at = open_page(PAGE)
    set_language(at, lang)
    at.text_input(key=widget_key(at, "glossary.query")).set_value(query).run()
    assert not at.exception
    found = [h.proto.anchor for h in at.subheader]
    assert found == [e.id for e in glossary.entries() if e.matches(query)]
    assert includes <= set(found) and not excludes & set(found)
    n = len(found)
    assert at.caption[0].value == STRINGS["gl.filter.count"][lang == "zh"].format(
        n=n, total=len(IDS), query=query)


def test_filter_without_match_says_so():
    at = open_page(PAGE)
    at.text_input(key=widget_key(at, "glossary.query")).set_value("zzzz").run()
    assert not at.exception
    assert not at.subheader and "zzzz" in at.info[0].value


# ---- the link other pages call ---------------------------------------------------------------

def test_link_is_an_in_app_page_link_with_the_term(monkeypatch):
    calls = []
    monkeypatch.setattr(glossary.st, "page_link", lambda *a, **k: calls.append((a, k)))
    glossary.link("kl")
    (args, kwargs), = calls
    assert args == ("pages/lessons/glossary.py",)
    assert kwargs["query_params"] == {"term": "kl"}
    assert kwargs["label"] == "Glossary: " + STRINGS["gl.kl.name"][0]
    with pytest.raises(KeyError):
        glossary.link("no-such-term")


def test_settings_survive_language_units_and_a_page_visit_and_travel_in_the_link():
    at = open_page(PAGE)
    at.query_params["term"] = "kl"
    at.run()
    at.text_input(key=widget_key(at, "glossary.query")).set_value("huff").run()
    set_language(at, "zh")
    set_units(at, "nats")
    assert [h.proto.anchor for h in at.subheader[1:]] == ["huffman"]
    assert at.text_input(key=widget_key(at, "glossary.query")).value == "huff"
    link = link_of(at)
    assert link == {"lang": "zh", "units": "nats", "term": "kl"}
    at.switch_page("pages/lessons/home.py").run()
    at.switch_page(PAGE).run()  # the filter is kept; arriving from the menu shows no term
    assert [h.proto.anchor for h in at.subheader] == ["huffman"]
    fresh = fresh_session(link)
    assert not fresh.exception
    _shows_first(fresh, "kl", "zh")


def test_every_glossary_link_in_the_code_names_a_term():
    calls = []
    for path in [ROOT / "app.py", *(ROOT / "pages" / "lessons").glob("*.py"), *(ROOT / "ui").glob("*.py")]:
        calls += re.findall(r"glossary\.link\(\s*[\"']([^\"']+)[\"']", path.read_text("utf-8"))
    assert set(calls) <= set(IDS), set(calls) - set(IDS)
