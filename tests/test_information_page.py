"""AppTest of the information-and-entropy page: every control moved, every example value shown,
the why-a-logarithm section, persistence, links and the entropy table's CSV files."""

import math
import re

import pytest

from lib import info
from tests.conftest import (edit_table, link_of, open_link, open_page, set_language, set_units,
                            widget_key)

PAGE = "pages/lessons/information.py"
TABLE = "information.table"


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
    """The entropy table's editor (the units table comes first on the page)."""
    return at.dataframe[1].value


def slider(at, name):
    return at.slider(key=widget_key(at, f"information.{name}"))


def test_defaults(page):
    m = metrics(page)
    assert m["Information content"] == "2.0000 bits"
    assert m["Entropy H(P)"] == "1.7500 bits"
    assert m["Most possible with 4 events: log 4"] == "2.0000 bits"
    assert m["Entropy of one toss"] == "1.0000 bits"
    assert r"&= 2.0000 + 1.0000 \\ &= 3.0000 \\ -\log(0.125) &= 3.0000" in latex(page)
    assert "one of 2¹⁶ = 65,536 equally likely values, each with probability 2⁻¹⁶" in text(page)
    assert "carries 16.0000 bits" in text(page)
    assert editor(page)["weight"].tolist() == ["1/2", "1/4", "1/8", "1/8"]
    assert link_of(page) == {}


def test_surprise_slider(page):
    slider(page, "p").set_value(0.125).run()
    assert metrics(page)["Information content"] == "3.0000 bits"
    assert "about 1 time in 8" in text(page)
    slider(page, "p").set_value(1.0).run()
    assert metrics(page)["Information content"] == "0.0000 bits"


def test_additivity_holds_for_any_steps(page):
    slider(page, "p1").set_value(0.3).run()
    slider(page, "p2").set_value(0.7).run()
    i1, i2 = -math.log2(0.3), -math.log2(0.7)
    assert (f"&= {i1:.4f} + {i2:.4f} \\\\ &= {i1 + i2:.4f} \\\\ -\\log(0.21) &= {i1 + i2:.4f}"
            in latex(page))
    assert "p₂ = P(B | A)" in " ".join(s.label for s in page.slider)


def test_random_number_bits_in_nats(page):
    set_units(page, "nats")
    page.number_input(key=widget_key(page, "information.bits")).set_value(8).run()
    assert f"carries {8 * math.log(2):.4f} nats" in text(page)


def test_powers_are_superscripts(page):
    page.number_input(key=widget_key(page, "information.bits")).set_value(20).run()
    assert "one of 2²⁰ = 1,048,576 equally likely values, each with probability 2⁻²⁰" in text(page)
    assert "^" not in text(page)


def test_why_a_logarithm_tournament(page):
    words = text(page)
    assert "probability of winning the final **given** that the team reached it" in words
    assert "The two steps are not independent events" in words
    assert ("In bits: reaching the final carries 2.0000 bits, winning it then carries 1.0000 "
            "bits, and together 3.0000 bits, which is the information of the champion's ⅛, "
            "3.0000 bits.") in words
    assert r"I(p_1 p_2) = I(p_1) + I(p_2) \;\Longrightarrow\; I(p) = -k \log p" in latex(page)
    units = page.dataframe[0].value
    assert units.iloc[:, 2].tolist() == ["1.0000", f"{math.log(2):.4f}", f"{math.log10(2):.4f}"]
    assert units.iloc[:, 3].tolist() == ["3.0000", f"{3 * math.log(2):.4f}",
                                         f"{3 * math.log10(2):.4f}"]
    set_units(page, "nats")
    ln2 = math.log(2)
    assert (f"In nats: reaching the final carries {2 * ln2:.4f} nats, winning it then carries "
            f"{ln2:.4f} nats, and together {3 * ln2:.4f} nats") in text(page)


def test_entropy_editor_weights_and_maximum(page):
    edit_table(page, TABLE, edited={i: {"weight": "1"} for i in range(4)})
    assert metrics(page)["Entropy H(P)"] == "2.0000 bits"
    assert any("divided by their total 4" in i.value for i in page.info)
    assert "All 4 events are equally likely" in text(page)
    edit_table(page, TABLE, edited={0: {"weight": "50%"}, 1: {"weight": "2.5e-1"}})
    assert metrics(page)["Entropy H(P)"] == "1.7500 bits"


def test_entropy_editor_bad_inputs(page):
    edit_table(page, TABLE, edited={1: {"weight": "-2"}})
    assert [e.value for e in page.error] == [
        "Weight for “B” (row 2) is negative (−2). Probabilities, counts and weights are never "
        "below 0."]
    edit_table(page, TABLE, edited={i: {"weight": "0"} for i in range(4)})
    assert "Every value in Weight is 0" in page.error[0].value
    edit_table(page, TABLE, deleted=[1, 2, 3])
    assert metrics(page)["Entropy H(P)"] == "0.0000 bits"
    assert "One event is certain" in text(page)
    assert not page.exception


def test_binary_entropy_slider(page):
    slider(page, "coin").set_value(0.9).run()
    assert metrics(page)["Entropy of one toss"] == f"{info.entropy([0.9, 0.1], 2):.4f} bits"
    slider(page, "coin").set_value(0.0).run()
    assert metrics(page)["Entropy of one toss"] == "0.0000 bits"


def test_chinese(page):
    set_language(page, "zh")
    assert page.title[0].value == "信息量与熵"
    assert metrics(page)["自信息"] == "2.0000 比特"
    words = text(page)
    assert "条件概率" in words and "自信息（惊讶度）" in words
    assert "以比特计：进入决赛带来 2.0000 比特，随后赢得决赛带来 1.0000 比特" in words
    assert not re.search(r"[\u4e00-\u9fff] 的", words)  # no space between a character and 的


# ---- Nothing a reader does is lost ---------------------------------------------------------

def test_settings_survive_language_units_and_a_page_visit(page):
    slider(page, "p").set_value(0.1).run()
    slider(page, "p1").set_value(0.3).run()
    slider(page, "coin").set_value(0.2).run()
    page.number_input(key=widget_key(page, "information.bits")).set_value(8).run()
    edit_table(page, TABLE, edited={0: {"label": "wolf", "weight": "3"}})
    before = values(page)
    assert before[1] == f"{info.entropy(info.normalize([3, .25, .125, .125]), 2):.4f} bits"
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
    assert metrics(page)["Entropy H(P)"] == f"{1.75 * math.log10(2):.4f} hartleys"


@pytest.mark.parametrize("query", [{"p": "0"}, {"p": "abc"}, {"bits": "2.5"},
                                   {"table": "a_-1~" * 3000}, {"coin": "nan"}])
def test_hostile_links(query):
    at = open_link(PAGE, query)
    assert not at.exception and at.warning
    assert metrics(at)["Entropy H(P)"] == "1.7500 bits"


# ---- CSV files -------------------------------------------------------------------------------

def upload(at, name: str, data: bytes):
    key = next(k for k in at.session_state if isinstance(k, str)
               and k.startswith("_upload.information.table."))
    at.file_uploader(key=key).upload(name, data, "text/csv").run()
    return at


def test_upload_good_and_bad(page):
    upload(page, "w.csv", b"weight,label\n1,<b>x</b>\n1,y\n")
    assert any("Loaded 2 rows" in s.value for s in page.success)
    assert metrics(page)["Entropy H(P)"] == "1.0000 bits"
    assert editor(page)["label"].tolist() == ["<b>x</b>", "y"]
    upload(page, "bad.csv", b"label,weight\nz,lots\n")
    assert "Row 2 of the file, column Weight (“z”), reads “lots”" in page.error[0].value
    assert metrics(page)["Entropy H(P)"] == "1.0000 bits"  # the reader's table is kept


def test_fast_chart_data_matches_lib_charts():
    """Issue 12: the cached Arrow datasets hold what lib.charts' data functions build."""
    import numpy as np
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    from lib import charts, curves, surprise
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
    fast = surprise.entropy_bars_data(labels, terms, "P", "T")
    slow = charts.bar_chart_data(__import__("pandas").DataFrame({
        "category": labels * 2, "series": ["P"] * 3 + ["T"] * 3,
        "value": np.concatenate([terms["p"], terms["entropy_term"]])}))["bars"]
    assert list(fast["category"]) == list(slow["category"])
    assert list(fast["order"]) == list(slow["order"])
    assert list(fast["value"]) == list(slow["value"])
