"""AppTest of the information-and-entropy page: every control moved, every example value shown,
the why-a-logarithm section, its checkpoints, persistence, links, the entropy table's CSV files
and the page's visible prose."""

import math
import re

import pytest
from streamlit.testing.v1.element_tree import Block

from lib import info
from ui.strings import STRINGS
from tests.conftest import (edit_table, feedback, link_of, open_link, open_page, predict,
                            set_language, set_units, widget_key)

PAGE = "pages/lessons/information.py"
TABLE = "information.table"
#: Visible English words allowed outside expanders on a lesson page (issue 20).
MAX_WORDS = 500
#: Element kinds whose text counts as visible prose.
PROSE = ("markdown", "caption", "info", "warning", "success", "error")


@pytest.fixture
def page():
    return open_page(PAGE)


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def values(at) -> list[str]:
    return [m.value for m in at.metric]


def text(at) -> str:
    return " ".join(m.value for m in at.markdown)


def latex(at) -> str:
    return " ".join(x.value for x in at.latex)


def editor(at):
    """The entropy table's editor (the units table may come first on the page)."""
    return next(d.value for d in at.dataframe if "weight" in d.value.columns)


def slider(at, name):
    return at.slider(key=widget_key(at, f"information.{name}"))


def visible_prose(at) -> list[str]:
    """The text of every prose element and metric label outside expanders, page order."""
    out = []

    def walk(node, hidden=False):
        if isinstance(node, Block):
            for child in node.children.values():
                walk(child, hidden or node.type == "expander")
        elif not hidden and node.type in PROSE:
            out.append(node.value)
        elif not hidden and node.type == "metric":
            out.append(node.label)
    walk(at.main)
    return out


def word_count(texts) -> int:
    """English words: the text's whitespace-separated pieces that hold a letter (so "H(P,Q)" is
    one word and "1.75" or "=" none); Streamlit's icon codes (:material/lightbulb:) are not
    shown, so not counted."""
    return sum(sum(bool(re.search(r"[A-Za-z]", w))
                   for w in re.sub(r":material/[a-z_]+:", "", x).split()) for x in texts)


# ---- Checkpoints ---------------------------------------------------------------------------

def test_defaults(page):
    m = metrics(page)
    assert m["Information content"] == "2 bits"
    assert m["Entropy H(P)"] == "1.75 bits"
    assert m["Entropy of one toss"] == "1 bit"
    # The answers to the checkpoints wait for a prediction.
    assert "Most possible with 4 events: log 4" not in m
    captions = [c.value for c in page.caption]
    assert "Both sides of the sum appear here once the checkpoint above is answered." \
        in captions
    assert "\\begin{array}" not in latex(page)
    assert editor(page)["weight"].tolist() == ["1/2", "1/4", "1/8", "1/8"]
    assert link_of(page) == {}


def test_visible_prose_fits(page):
    """Issue 20: at most 500 English words outside expanders, at the defaults and with every
    checkpoint answered."""
    before = word_count(visible_prose(page))
    assert before <= MAX_WORDS, before
    predict(page, "information", "rarer", "first")
    predict(page, "information", "together", 3.0)
    predict(page, "information", "most_uncertain", 2.0)
    after = word_count(visible_prose(page))
    assert before < after <= MAX_WORDS, after


def test_surprise_slider(page):
    slider(page, "p").set_value(0.125).run()
    assert metrics(page)["Information content"] == "3 bits"
    assert "about 1 time in 8" in text(page)
    slider(page, "p").set_value(1.0).run()
    assert metrics(page)["Information content"] == "0 bits"
    slider(page, "p").set_value(0.3).run()
    assert metrics(page)["Information content"] == "1.74 bits"  # three significant digits


def test_additivity_holds_for_any_steps(page):
    predict(page, "information", "together", 3.0)
    assert (r"-\log(0.25) - \log(0.5) &\kern{-8pt}= 2 + 1 \\ &\kern{-8pt}= 3 \text{ bits} \\ "
            r"-\log(0.125) &\kern{-8pt}= 3 \text{ bits}") in latex(page)
    slider(page, "p1").set_value(0.3).run()
    slider(page, "p2").set_value(0.7).run()
    i1, i2 = -math.log2(0.3), -math.log2(0.7)
    eq = r"&\kern{-8pt}= "
    assert (f"{eq}{i1:.3g} + {i2:.3g} \\\\ {eq}{i1 + i2:.3g} \\text{{ bits}} \\\\ "
            f"-\\log(0.21) {eq}{i1 + i2:.3g} \\text{{ bits}}") in latex(page)
    assert "p₂ = P(B | A)" in " ".join(s.label for s in page.slider)
    # The exact values, in their expander.
    exact = next(e for e in page.expander if e.label == "Exact values of the two sides")
    assert f"−log p₁ = {i1:.10f}" in " ".join(m.value for m in exact.markdown)


def test_random_number_bits_in_nats(page):
    set_units(page, "nats")
    page.number_input(key=widget_key(page, "information.bits")).set_value(8).run()
    assert f"carries {8 * math.log(2):.3g} nats" in text(page)


def test_powers_are_superscripts(page):
    page.number_input(key=widget_key(page, "information.bits")).set_value(20).run()
    words = text(page)
    assert "one of 2²⁰ = 1,048,576 equally likely values, each with probability 2⁻²⁰" in words
    assert "carries 20 bits" in words
    sentence = next(m.value for m in page.markdown if "uniformly random" in m.value)
    assert "^" not in sentence


def test_why_a_logarithm_tournament(page):
    """The tournament's ¼ and ½ are the sliders' defaults: its numbers and the units table's
    I(⅛) answer checkpoint 2, and wait for it (review)."""
    hold = STRINGS["in.why.hold"][0]
    assert hold in [c.value for c in page.caption] and f"*{hold}*" in text(page)
    assert "champion's ⅛, 3 bits" not in text(page)
    assert not [d for d in page.dataframe if "Unit" in d.value.columns]  # no units table
    predict(page, "information", "together", 3.0)
    words = text(page)
    assert "probability of winning the final **given** that the team reached it" in words
    assert "The two steps are not independent events" in words
    assert ("In bits: reaching the final carries 2 bits, winning it then carries 1 bit, and "
            "together 3 bits, which is the information of the champion's ⅛, 3 bits.") in words
    assert r"I(p_1 p_2) = I(p_1) + I(p_2) \;\Longrightarrow\; I(p) = -k \log p" in latex(page)
    units = next(d.value for d in page.dataframe if "Unit" in d.value.columns)
    assert units.iloc[:, 2].tolist() == ["1.0000", f"{math.log(2):.4f}", f"{math.log10(2):.4f}"]
    assert units.iloc[:, 3].tolist() == ["3.0000", f"{3 * math.log(2):.4f}",
                                         f"{3 * math.log10(2):.4f}"]
    set_units(page, "nats")
    ln2 = math.log(2)
    assert (f"In nats: reaching the final carries {2 * ln2:.3g} nats, winning it then carries "
            f"{ln2:.3g} nats, and together {3 * ln2:.3g} nats") in text(page)


def test_entropy_editor_weights_and_maximum(page):
    predict(page, "information", "most_uncertain", 2.0)
    assert metrics(page)["Most possible with 4 events: log 4"] == "2 bits"
    assert "H = 1.75 bits is 87.5% of the maximum 2 bits" in text(page)
    edit_table(page, TABLE, edited={i: {"weight": "1"} for i in range(4)})
    assert metrics(page)["Entropy H(P)"] == "2 bits"
    assert any("divided by their total 4" in i.value for i in page.info)
    assert "All 4 events are equally likely" in text(page)
    edit_table(page, TABLE, edited={0: {"weight": "50%"}, 1: {"weight": "2.5e-1"}})
    assert metrics(page)["Entropy H(P)"] == "1.75 bits"


def test_entropy_editor_bad_inputs(page):
    edit_table(page, TABLE, edited={1: {"weight": "-2"}})
    assert [e.value for e in page.error] == [
        "Weight for “B” (row 2) is negative (−2). Probabilities, counts and weights are never "
        "below 0."]
    # No valid table, no question about it.
    assert "_cp.pick.information.most_uncertain" not in [w.key for w in page.number_input]
    edit_table(page, TABLE, edited={i: {"weight": "0"} for i in range(4)})
    assert "Every value in Weight is 0" in page.error[0].value
    assert "_cp.pick.information.most_uncertain" not in [w.key for w in page.number_input]
    edit_table(page, TABLE, deleted=[1, 2, 3])
    assert metrics(page)["Entropy H(P)"] == "0 bits"
    predict(page, "information", "most_uncertain", 0.0)
    assert "One event is certain" in text(page)
    assert "Right." in feedback(page)
    assert not page.exception


def test_entropy_chart_gives_each_quantity_its_own_scale(page):
    """Issue 20: probability and bits are not drawn on one axis."""
    import json
    spec = json.loads(page.get("vega_lite_chart")[1].proto.spec)
    titles = [panel["layer"][0]["encoding"]["y"]["title"] for panel in spec["vconcat"]]
    assert titles == ["probability p", "p · (−log p), bits: the bars add up to H"]
    with_table = next(e for e in page.expander if e.label == "The numbers in this chart")
    assert with_table.dataframe[0].value["p"].tolist()[:2] == ["0.500000", "0.250000"]


def test_binary_entropy_slider(page):
    slider(page, "coin").set_value(0.9).run()
    assert metrics(page)["Entropy of one toss"] == f"{info.entropy([0.9, 0.1], 2):.3g} bits"
    slider(page, "coin").set_value(0.0).run()
    assert metrics(page)["Entropy of one toss"] == "0 bits"


def test_chinese(page):
    predict(page, "information", "together", 3.0)
    set_language(page, "zh")
    assert page.title[0].value == "信息量与熵"
    assert metrics(page)["自信息"] == "2 比特"
    words = text(page)
    assert "条件概率" in words
    assert "以比特计：进入决赛带来 2 比特，随后赢得决赛带来 1 比特" in words
    assert not re.search(r"[\u4e00-\u9fff] 的", words)  # no space between a character and 的


# ---- Checkpoints -----------------------------------------------------------------------------

def test_rarer_right_and_wrong_in_both_languages(page):
    predict(page, "information", "rarer", "second")
    said = feedback(page)
    assert "Not quite" in said and "A carries 2 bits, B carries 1 bit" in said
    page.button(key="_cp.again.information.rarer").click().run()
    predict(page, "information", "rarer", "first")
    assert "Right." in feedback(page)
    set_language(page, "zh")
    assert "答对了" in feedback(page)
    # The answer follows the inputs: with p₁ > p₂, B is the rarer.
    slider(page, "p1").set_value(0.8).run()
    assert any("输入已改变" in i.value for i in page.info)
    predict(page, "information", "rarer", "first")
    assert "不太对" in feedback(page)


def test_together_number_and_held_back_sum(page):
    assert "\\begin{array}" not in latex(page)
    predict(page, "information", "together", 2.0)
    said = feedback(page)
    assert "Not quite: you said 2" in said and "3 bits" in said
    assert "\\begin{array}" in latex(page)  # shown once a prediction is committed
    page.button(key="_cp.again.information.together").click().run()
    predict(page, "information", "together", 3.0)
    assert "Right." in feedback(page)
    set_units(page, "nats")  # a new unit: a new answer
    assert any("inputs changed" in i.value for i in page.info)
    assert "\\begin{array}" in latex(page)  # answered once: the sum stays visible


def test_most_uncertain_follows_the_table_in_chinese(page):
    set_language(page, "zh")
    edit_table(page, TABLE, added=[{"label": "E", "weight": "1"}])
    assert not any(m.label.startswith("5 个事件时的最大值") for m in page.metric)
    predict(page, "information", "most_uncertain", 2.0)
    assert "不太对" in feedback(page)
    assert "log 5 = 2.32 比特" in feedback(page)
    assert metrics(page)["5 个事件时的最大值：log 5"] == "2.32 比特"


def test_progress_survives_language_a_page_visit_and_a_link(page):
    predict(page, "information", "rarer", "first")
    predict(page, "information", "together", 1.0)
    assert page.caption[0].value.endswith("checkpoints answered: 2 of 3")
    set_language(page, "zh")
    assert page.caption[0].value.endswith("已回答检查点：2 / 3")
    page.switch_page("pages/lessons/codes.py").run()
    page.switch_page(PAGE).run()
    assert page.caption[0].value.endswith("已回答检查点：2 / 3")
    link = link_of(page)
    assert link["done"] == "rw"
    fresh = open_link(PAGE, link)
    assert not fresh.exception
    assert fresh.caption[0].value.endswith("已回答检查点：2 / 3")


# ---- Nothing a reader does is lost ---------------------------------------------------------

def test_settings_survive_language_units_and_a_page_visit(page):
    slider(page, "p").set_value(0.1).run()
    slider(page, "p1").set_value(0.3).run()
    slider(page, "coin").set_value(0.2).run()
    page.number_input(key=widget_key(page, "information.bits")).set_value(8).run()
    edit_table(page, TABLE, edited={0: {"label": "wolf", "weight": "3"}})
    before = values(page)
    assert before[1] == f"{info.entropy(info.normalize([3, .25, .125, .125]), 2):.3g} bits"
    set_language(page, "zh")
    assert values(page) == [v.replace("bits", "比特") for v in before]
    set_units(page, "nats")
    nats = values(page)
    page.switch_page("pages/lessons/explorer.py").run()
    page.switch_page(PAGE).run()
    assert values(page) == nats
    assert page.session_state[TABLE]["label"].tolist()[0] == "wolf"
    set_language(page, "en")
    set_units(page, "bits")
    assert values(page) == before
    assert [s.value for s in page.slider] == [0.1, 0.3, 0.5, 0.2]


def test_link_round_trip_and_reset(page):
    slider(page, "p").set_value(0.1).run()
    edit_table(page, TABLE, edited={1: {"label": "**x**", "weight": "1/3"}},
               added=[{"label": "$y$", "weight": "0.1"}])
    set_units(page, "hartleys")
    link = link_of(page)
    assert link["p"] == "0.1" and link["units"] == "hartleys" and "table" in link
    fresh = open_link(PAGE, link)
    assert not fresh.exception and not fresh.warning
    assert values(fresh) == values(page)
    assert fresh.session_state[TABLE].equals(page.session_state[TABLE])
    page.button(key="_reset.information").click().run()
    assert link_of(page) == {"units": "hartleys"}
    assert metrics(page)["Entropy H(P)"] == f"{1.75 * math.log10(2):.3g} hartleys"


@pytest.mark.parametrize("query", [{"p": "0"}, {"p": "abc"}, {"bits": "2.5"},
                                   {"table": "a_-1~" * 3000}, {"coin": "nan"}])
def test_hostile_links(query):
    at = open_link(PAGE, query)
    assert not at.exception and at.warning
    assert metrics(at)["Entropy H(P)"] == "1.75 bits"


# ---- CSV files -------------------------------------------------------------------------------

def upload(at, name: str, data: bytes):
    key = next(k for k in at.session_state if isinstance(k, str)
               and k.startswith("_upload.information.table."))
    at.file_uploader(key=key).upload(name, data, "text/csv").run()
    return at


def test_upload_good_and_bad(page):
    upload(page, "w.csv", b"weight,label\n1,<b>x</b>\n1,y\n")
    assert any("Loaded 2 rows" in s.value for s in page.success)
    assert metrics(page)["Entropy H(P)"] == "1 bit"
    assert editor(page)["label"].tolist() == ["<b>x</b>", "y"]
    upload(page, "bad.csv", b"label,weight\nz,lots\n")
    assert "Row 2 of the file, column Weight (“z”), reads “lots”" in page.error[0].value
    assert metrics(page)["Entropy H(P)"] == "1 bit"  # the reader's table is kept


def test_fast_chart_data_matches_lib_charts():
    """Issue 12: the cached Arrow datasets hold what lib.charts' data functions build."""
    import numpy as np
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    from lib import charts, charts_information, curves
    from ui import information as inf

    def same(fast: bytes, frame) -> None:
        got = convert_arrow_bytes_to_pandas_df(fast)
        assert list(got.columns) == list(frame.columns)
        assert got.astype(object).values.tolist() == \
            frame.reset_index(drop=True).astype(object).values.tolist()

    for base in (2, None, 10):
        slow = charts.function_chart_data(
            curves.surprisal(base).rename(columns={"info": "value"}).assign(series="s"))
        same(inf.curve_data("surprisal", base, "s"), slow["curves"])
        slow = charts.function_chart_data(
            curves.binary_entropy(base).rename(columns={"entropy": "value"}).assign(series="h"))
        same(inf.curve_data("binary_entropy", base, "h"), slow["curves"])
    terms = info.event_terms(np.array([0.5, 0.5, 0.0]), np.array([0.5, 0.5, 0.0]), 2)
    labels = ["a", "b", "a"]  # a repeated label keeps the order of its first appearance
    fast = charts_information.entropy_panels_data(labels, terms)["bars"]
    slow = charts.bar_chart_data(__import__("pandas").DataFrame({
        "category": labels, "series": ["T"] * 3, "value": terms["entropy_term"]}))["bars"]
    assert list(fast["event"]) == list(slow["category"])
    assert list(fast["order"]) == list(slow["order"])
    assert list(fast["term"]) == list(slow["value"])
    assert list(fast["p"]) == terms["p"].tolist()
