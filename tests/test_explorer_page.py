"""AppTest of the P vs Q explorer: presets, table edits, units, language, bad input (the last
valid results stay, marked as stale), its three checkpoints, persistence across language/unit/
page switches, links, CSV files, reader labels shown as text, and what the page shows first."""

import json
import math

import numpy as np
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from lib import charts, csvfile, info, lesson
from lib.presets import PRESETS
from tests.conftest import (edit_table, link_of, open_link, open_page, set_language, set_units,
                            widget_key)
from tests.visible_prose import visible_texts, visible_words
from ui import explorer as ex
from ui.layout import OPENED
from lib import fmt
from ui.strings import STRINGS

PAGE = "pages/lessons/explorer.py"
TABLE = "explorer.table"
PICK, CHECK, AGAIN = "_cp.pick.explorer.{}", "_cp.check.explorer.{}", "_cp.again.explorer.{}"


@pytest.fixture
def explorer():
    """The page with a right prediction committed at each checkpoint, so that its numbers
    show (the checkpoints' own tests below start from a page without predictions)."""
    return answer_all(open_page(PAGE))


#: The progress of a reader who has answered the page's checkpoints, as a link carries it.
DONE = lesson.encode_progress({(cp.page, cp.id): "r" for cp in lesson.by_page("explorer")})


def page_link(at) -> dict[str, str]:
    """The page's link but the reader's progress (``done``)."""
    return {k: v for k, v in link_of(at).items() if k != "done"}


def answer_all(at):
    for cid, right, _, _ in CASES:
        predict(at, cid, right)
    return at


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def values(at) -> list[str]:
    """Every metric value in page order (labels change with the language, values do not)."""
    return [m.value for m in at.metric]


def edit(at, edited=None, added=None, deleted=None):
    return edit_table(at, TABLE, edited=edited, added=added, deleted=deleted)


def open_details(at, name: str):
    """Open one of the page's lazy expanders (its content runs only while it is open), as the
    expander's callback records it."""
    opened = set(at.session_state[OPENED]) if OPENED in at.session_state else set()
    at.session_state[OPENED] = frozenset(opened | {f"explorer.{name}"})
    return at.run()


def terms_table(at):
    """The per-event table (the first dataframe is the editor itself), in its expander."""
    if len(at.dataframe) < 2:
        open_details(at, "terms")
    return at.dataframe[1].value


def errors(at) -> list[str]:
    return [e.value for e in at.error]


def text(at) -> str:
    return " ".join(m.value for m in (*at.markdown, *at.caption, *at.info, *at.warning))


def preset(at, name):
    return at.button(key=f"_preset.explorer.{name}").click().run()


def short(x: float, unit: str = "bits") -> str:
    return fmt.amount(x, unit)


def test_default_preset_numbers(explorer):
    m = metrics(explorer)
    assert m["Entropy H(P)"] == "1.75 bits"
    assert m["Entropy H(Q)"] == "1.75 bits"
    assert m["Cross-entropy H(P, Q)"] == "2.38 bits"      # 2.375, three significant digits
    assert m["Cross-entropy H(Q, P)"] == "2.25 bits"
    assert m["KL divergence KL(P‖Q)"] == "0.625 bits"
    assert m["KL divergence KL(Q‖P)"] == "0.5 bits"
    latex = [part.strip("$\n") for md in explorer.markdown for part in md.value.split("\n\n")
             if part.startswith("$$")]
    assert r"2.375 = 1.750 + 0.625 \quad \text{(bits)}" in latex
    assert "residual H(P, Q) − H(P) − KL(P‖Q) is" in text(explorer)
    assert "KL(P‖Q) = 0.625 bits but KL(Q‖P) = 0.5 bits" in text(explorer)
    assert page_link(explorer) == {}  # the default view needs no parameters


def test_numbers_on_screen_have_three_significant_digits(explorer):
    """Issue 20: one format per kind of quantity, no "2.0000 bits" noise; exact values stay in
    the per-event table."""
    for name in PRESETS:
        for value in values(preset(explorer, name)):
            number = value.split()[0]
            digits = number.lstrip("−").replace(".", "").lstrip("0")
            assert number == "∞" or len(digits) <= 3, (name, value)
    preset(explorer, "die")
    kl = info.kl_divergence(PRESETS["die"].p_values, PRESETS["die"].q_values, 2)
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == short(kl)
    table = terms_table(explorer)
    exact = info.event_terms(PRESETS["die"].p_values, PRESETS["die"].q_values, 2)["kl_term"]
    assert list(table["p log(p/q) (bits)"]) == [f"{v:.6g}".replace("-", "−") for v in exact]


def test_presets(explorer):
    """Every preset in one session: cells as typed, per-event table, infinities named."""
    assert explorer.dataframe[0].value["P"].tolist() == ["1/2", "1/4", "1/8", "1/8"]
    table = terms_table(explorer)
    assert list(table["Event"]) == ["dog", "cat", "fish", "bird"]
    assert list(table["−log p (bits)"]) == ["1", "2", "3", "3"]
    assert list(table["−log q (bits)"]) == ["3", "1", "2", "3"]
    assert list(table["p log(p/q) (bits)"]) == ["1", "−0.25", "−0.125", "0"]

    preset(explorer, "cat_dog_bird")
    m = metrics(explorer)
    assert m["Entropy H(P)"] == "0 bits"
    assert m["KL divergence KL(P‖Q)"] == "0.515 bits"
    assert m["Cross-entropy H(Q, P)"] == "∞ bits"
    (warning,) = [w.value for w in explorer.warning]
    assert "H(Q, P) and KL(Q‖P) are ∞" in warning and "“dog”, “bird”" in warning
    assert page_link(explorer) == {"preset": "cat_dog_bird"}

    # Some q = 0 with p > 0 and Q still sums to 1: ∞ and the event causing it, no sum error.
    preset(explorer, "ruled_out")
    assert not errors(explorer)
    m = metrics(explorer)
    assert m["Cross-entropy H(P, Q)"] == "∞ bits" and m["KL divergence KL(P‖Q)"] == "∞ bits"
    assert m["Entropy H(P)"] == "1.75 bits" and m["KL divergence KL(Q‖P)"] == "0.5 bits"
    (warning,) = [w.value for w in explorer.warning]
    assert warning.startswith("H(P, Q) and KL(P‖Q) are ∞ because Q gives probability 0 to "
                              "“bird”, which P says can happen.")
    assert list(terms_table(explorer)["−p log q (bits)"]) == ["1", "0.25", "0.25", "∞"]

    for name in ("die", "coin"):
        preset(explorer, name)
        p = PRESETS[name]
        m = metrics(explorer)
        assert m["KL divergence KL(P‖Q)"] == short(info.kl_divergence(p.p_values, p.q_values, 2))
        assert m["Entropy H(P)"] == short(info.entropy(p.p_values, 2))
        assert explorer.dataframe[0].value["P"].tolist() == list(p.p)

    set_units(explorer, "nats")
    preset(explorer, "classifier")
    m = metrics(explorer)
    assert m["Cross-entropy H(P, Q)"] == "0.357 nats"
    assert m["KL divergence KL(P‖Q)"] == "0.357 nats"


def parent_of(at, key: str):
    """The block directly holding the widget keyed ``key``."""
    def walk(node):
        for child in getattr(node, "children", {}).values():
            if getattr(child, "key", None) == key:
                return node
            found = walk(child)
            if found is not None:
                return found
        return None
    return walk(at.main)


def test_preset_buttons_show_their_whole_labels(explorer):
    """Issue 22: no label cut off at any width. The buttons sit in one row that wraps, each as
    wide as its label (not in equal columns, which cut long labels off), and say the preset in
    full, in both languages."""
    for lang in ("en", "zh"):
        set_language(explorer, lang)
        row = parent_of(explorer, "_preset.explorer.animals")
        assert type(row).__name__ == "Block"  # not a column
        flex = row.proto.flex_container
        assert flex.direction == flex.HORIZONTAL and flex.wrap
        for name in PRESETS:
            button = explorer.button(key=f"_preset.explorer.{name}")
            assert parent_of(explorer, button.key) is row
            assert button.label == STRINGS[f"ex.preset.{name}"][lang == "zh"]


def test_preset_text_is_what_a_student_types():
    assert PRESETS["die"].p == ("1/6",) * 6
    assert PRESETS["animals"].p_values == (0.5, 0.25, 0.125, 0.125)
    for p in PRESETS.values():
        assert math.isclose(sum(p.p_values), 1) and math.isclose(sum(p.q_values), 1)


def test_each_preset_alone_equals_it_after_any_other(explorer):
    alone = {}
    for name in PRESETS:
        explorer.button(key="_reset.explorer").click().run()
        alone[name] = values(preset(explorer, name))
    explorer.radio(key=widget_key(explorer, "explorer.mode")).set_value("counts").run()
    explorer.slider(key=widget_key(explorer, "explorer.t")).set_value(0.5).run()
    edit(explorer, edited={0: {"P": "7"}})
    for name in [*PRESETS, *reversed(PRESETS)]:
        assert values(preset(explorer, name)) == alone[name], name
        assert explorer.session_state["explorer.mode"] == "prob"
        assert explorer.session_state["explorer.t"] == 0.0


def test_text_numbers_fractions_percent_and_exponents(explorer):
    edit(explorer, edited={0: {"P": "50%"}, 1: {"P": "2.5e-1"}, 2: {"P": "1/8"}})
    assert not errors(explorer)
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == "0.625 bits"
    edit(explorer, edited={0: {"P": "0,5"}})
    assert "write the decimal point as a dot" in " ".join(errors(explorer))


def test_valid_edit_updates_every_number(explorer):
    edit(explorer, edited={0: {"P": "0.25"}, 1: {"P": "0.5"}})
    p, q = (0.25, 0.5, 0.125, 0.125), PRESETS["animals"].q_values
    m = metrics(explorer)
    assert m["KL divergence KL(P‖Q)"] == short(info.kl_divergence(p, q, 2))
    assert m["Cross-entropy H(P, Q)"] == short(info.cross_entropy(p, q, 2))
    assert not errors(explorer) and not is_stale(explorer)


def test_add_and_delete_events(explorer):
    edit(explorer, edited={0: {"P": "0.4"}}, added=[{"label": "ant", "P": "0.1", "Q": "0"}])
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == "∞ bits"
    assert any("Q gives probability 0 to “ant”" in w.value for w in explorer.warning)
    assert "Both sides are ∞" in text(explorer)
    edit(explorer, edited={0: {"P": "0.5"}}, deleted=[2, 3],
         added=[{"label": "ant", "P": "0.25", "Q": "0.375"}])
    assert list(terms_table(explorer)["Event"]) == ["dog", "cat", "ant"]
    assert not errors(explorer)


# ---- Bad input: the page never goes blank (issue 20) -------------------------------------------

STALE = STRINGS["ex.stale"][0]
BADGE = f":orange-badge[{STRINGS['ex.stale.badge'][0]}]"


def is_stale(at) -> bool:
    headers = [h.value for h in at.header]
    return STALE in [i.value for i in at.info] and all(BADGE in h for h in headers)


BAD_CELLS = [
    ({1: {"P": "-0.1"}}, "P for “cat” (row 2) is negative (−0.1)."),
    ({2: {"Q": None}}, "Q is empty for “fish” (row 3). Enter a number."),
    ({2: {"Q": ""}}, "Q is empty for “fish” (row 3). Enter a number."),
    ({0: {"P": "abc"}}, "P for “dog” (row 1) reads “abc”, which is not a number."),
    ({0: {"P": "1/0"}}, "a fraction cannot divide by 0"),
    ({0: {"P": "0"}, 1: {"P": "0"}, 2: {"P": "0"}, 3: {"P": "0"}},
     "Every value in P is 0. A distribution has to put its probability somewhere."),
]


def test_bad_cells_keep_the_last_results_marked_as_stale(explorer):
    before = values(explorer)
    for edited, message in BAD_CELLS:
        edit(explorer, edited=edited)
        assert message in " ".join(errors(explorer))
        assert not explorer.exception
        assert values(explorer) == before      # the last valid results, not a blank page ...
        assert is_stale(explorer)              # ... marked as not the table's
        assert len(explorer.get("vega_lite_chart")) == 3
        # A checkpoint asks about "the P and Q in the table": none while it has a problem.
        assert not [k for k in explorer.session_state if str(k).startswith("_cp.pick.explorer")
                    and explorer.session_state[k] is not None]
        assert not any(b.key and b.key.startswith("_cp.check.explorer") for b in explorer.button)
        preset(explorer, "animals")  # the page keeps working
        assert not errors(explorer) and not is_stale(explorer)
        assert values(explorer) == before


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_held_results_of_a_bad_table_do_not_point_at_absent_checkpoints(lang):
    """Review: with no prediction made and a bad table, the checkpoints are not drawn (they ask
    about the table), so the held results no longer say "predict above": they say to fix the
    table first. Once it is fixed, the checkpoints and their own captions are back."""
    at = open_page(PAGE)
    set_language(at, lang)
    edit(at, edited={1: {"P": "-0.1"}})
    captions = [c.value for c in at.caption]
    zh = lang == "zh"
    assert captions.count(STRINGS["ex.held.stale"][zh]) == 5
    assert STRINGS["ex.held"][zh] not in captions and STRINGS["ex.held.both"][zh] not in captions
    preset(at, "animals")
    captions = [c.value for c in at.caption]
    assert STRINGS["ex.held.stale"][zh] not in captions
    assert captions.count(STRINGS["ex.held"][zh]) == 3


def test_editing_one_probability_keeps_the_results_beside_the_repair(explorer):
    """The case the issue names: Q for dog set to 0.4 makes Q add up to 1.275."""
    before = values(explorer)
    edit(explorer, edited={0: {"Q": "0.4"}})
    assert errors(explorer) == ["Q adds up to 1.275, not 1."]
    assert values(explorer) == before and is_stale(explorer)
    assert any(m.value.strip() == BADGE for m in explorer.markdown)  # beside the chart too
    # The stale results are greyed: their container carries a key the page's style greys.
    assert any("st-key-explorer-stale" in h.proto.body for h in explorer.get("html"))
    (normalise,) = [b for b in explorer.button if b.label.startswith("Normalise")]
    normalise.click().run()
    assert not errors(explorer) and not is_stale(explorer)
    q = np.array([0.4, 0.5, 0.25, 0.125]) / 1.275
    p = PRESETS["animals"].p_values
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == short(info.kl_divergence(p, q, 2))
    assert not any("st-key-explorer-stale" in h.proto.body for h in explorer.get("html"))


def test_stale_results_follow_the_last_valid_table_and_the_units(explorer):
    edit(explorer, edited={0: {"P": "0.25"}, 1: {"P": "0.5"}})
    valid = values(explorer)
    edit(explorer, edited={0: {"P": "0.25"}, 1: {"P": "0.9"}})   # P adds up to 1.4
    assert values(explorer) == valid and is_stale(explorer)
    set_units(explorer, "nats")
    p, q = (0.25, 0.5, 0.125, 0.125), PRESETS["animals"].q_values
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == short(info.kl_divergence(p, q), "nats")
    set_language(explorer, "zh")
    assert STRINGS["ex.stale"][1] in [i.value for i in explorer.info]


def test_the_last_valid_results_belong_to_the_session():
    """Kept in session state, not in a cache shared by every session: a fresh session opened on
    a bad table has nothing to show yet, and says so."""
    first = open_page(PAGE)
    edit(first, edited={0: {"P": "0.25"}, 1: {"P": "0.5"}})
    second = open_link(PAGE, {"table": "a_0.5_0.5~b_0.9_0.5"})
    assert "P adds up to 1.4, not 1." in errors(second)
    assert not second.metric and STRINGS["ex.waiting"][0] in [i.value for i in second.info]
    assert "_explorer.last_valid" not in second.session_state


def test_sum_not_one_offers_normalise(explorer):
    edit(explorer, edited={0: {"P": "0.9"}})
    assert errors(explorer) == ["P adds up to 1.4, not 1."]
    (normalise,) = [b for b in explorer.button if b.label.startswith("Normalise")]
    normalise.click().run()
    assert not errors(explorer)
    p = (0.9 / 1.4, 0.25 / 1.4, 0.125 / 1.4, 0.125 / 1.4)
    expected = info.kl_divergence(p, PRESETS["animals"].q_values, 2)
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == short(expected)
    assert explorer.dataframe[0].value["P"].tolist()[1:] == ["5/28", "5/56", "5/56"]


def test_counts_mode_normalises_with_a_note(explorer):
    explorer.radio(key=widget_key(explorer, "explorer.mode")).set_value("counts").run()
    edit(explorer, edited={0: {"P": "3", "Q": "1"}, 1: {"P": "1", "Q": "1"},
                           2: {"P": "0", "Q": "1"}, 3: {"P": "0", "Q": "1"}})
    notes = [i.value for i in explorer.info]
    assert any("Normalised from counts: P divided by its total 4, Q by its total 4" in n
               for n in notes)
    expected = info.kl_divergence((0.75, 0.25, 0, 0), (0.25,) * 4, 2)
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == short(expected)


def test_single_and_empty_and_too_many(explorer):
    edit(explorer, edited={0: {"P": "1", "Q": "1"}}, deleted=[1, 2, 3])
    assert any("With a single event" in i.value for i in explorer.info)
    edit(explorer, deleted=[0, 1, 2, 3])
    assert "is empty" in errors(explorer)[0]
    assert is_stale(explorer)  # the single event's results, kept
    added = [{"label": f"e{i}", "P": "0", "Q": "0"} for i in range(47)]
    edit(explorer, added=added)
    assert "51 rows" in errors(explorer)[0]


def test_blend_slider_reaches_h_p(explorer):
    explorer.slider(key=widget_key(explorer, "explorer.t")).set_value(1.0).run()
    m = values(explorer)
    assert m[6] == "1.75 bits" and m[7] == "0 bits"
    assert page_link(explorer) == {"t": "1"}


def chart_frames(at):
    frames = []
    for chart in at.get("vega_lite_chart"):
        for dataset in chart.proto.datasets:
            frames.append(convert_arrow_bytes_to_pandas_df(dataset.data.data))
    return frames


def test_charts_have_no_non_finite_values(explorer):
    edit(explorer, edited={0: {"Q": "0.25"}, 3: {"Q": "0"}})  # Q misses "bird": its term is ∞
    assert metrics(explorer)["Cross-entropy H(P, Q)"] == "∞ bits"
    assert len(explorer.get("vega_lite_chart")) == 3
    for frame in chart_frames(explorer):
        numbers = frame.select_dtypes("number").to_numpy(dtype=float)
        assert np.isfinite(numbers).all(), frame
    assert any("mark" in f and list(f["event"]) == ["bird"] for f in chart_frames(explorer))


def test_charts_tell_their_series_apart_by_more_than_colour():
    """Issue 22: P and Q by outline, fill and a letter; the stack's legend one entry per line
    (no entry cut off on a phone), its colours safe for colour-vision deficiencies; the blend
    chart's curves and its floor by dash."""
    text = {k: k for k in ("event", "probability", "P", "Q", "distribution", "value",
                           "entropy_part", "kl_adds", "kl_subtracts", "total", "part",
                           "infinite", "t", "cross_entropy", "kl", "quantity", "entropy_p")}
    bars = charts.compile_spec(charts.distribution_bars, text=text)
    assert bars["layer"][0]["encoding"]["fillOpacity"]["scale"]["range"] == [1.0, 0.45]
    assert bars["layer"][1]["mark"]["type"] == "text"
    assert len(charts.compile_spec(charts.distribution_bars, text=text, rotate=True)["layer"]) == 1
    stack = charts.compile_spec(charts.cross_entropy_stack, text=text)
    color = stack["layer"][0]["encoding"]["color"]
    assert color["legend"]["orient"] == "bottom" and color["legend"]["direction"] == "vertical"
    assert color["legend"]["labelLimit"] == 0
    assert color["scale"]["domain"] == ["entropy_part", "kl_adds", "kl_subtracts", "total"]
    assert "#4daf7c" not in color["scale"]["range"]  # no red/green pair
    blend = charts.compile_spec(charts.blend_chart, text=text)
    assert blend["layer"][0]["encoding"]["strokeDash"]["scale"]["range"] == \
        [[1, 0], [8, 4], [2, 3]]  # H(P, Qₜ) solid, KL(P‖Qₜ) dashed, the floor H(P) dotted
    for spec in (bars, stack, blend):
        assert spec["config"]["axis"]["labelColor"] == charts.INK


def chart_specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_total_tick_and_the_floor_line_have_legend_entries(explorer, lang):
    """Browser review: the stack's tick (each event's total −p log q) and the blend chart's
    dotted H(P) line are named in their charts' legends, not only in the captions below, in
    the words the page uses for them (their tooltips'), with a symbol drawn as the mark is:
    a stroke in the tick's colour; the dotted line's colour and dash."""
    set_language(explorer, lang)
    total, floor = (STRINGS[k][lang == "zh"] for k in ("ex.chart.total", "ex.chart.floor"))
    stack, blend = chart_specs(explorer)[1:]

    ticks = next(layer for layer in stack["layer"] if layer["mark"]["type"] == "tick")
    color = stack["layer"][0]["encoding"]["color"]
    assert ticks["encoding"]["color"] == {"datum": total}  # drawn through the legend's scale
    assert color["scale"]["domain"] == [STRINGS[k][lang == "zh"] for k in (
        "ex.chart.entropy_part", "ex.chart.kl_adds", "ex.chart.kl_subtracts", "ex.chart.total")]
    assert color["scale"]["range"][3] == charts.CE_COLOR
    assert color["legend"]["orient"] == "bottom" and color["legend"]["direction"] == "vertical"
    literal = json.dumps(total, ensure_ascii=False)
    assert color["legend"]["symbolType"]["expr"] == \
        f"datum.value === {literal} ? 'stroke' : 'square'"
    assert color["legend"]["symbolStrokeColor"]["expr"] == \
        f"datum.value === {literal} ? '{charts.CE_COLOR}' : null"

    rule = next(layer for layer in blend["layer"] if layer["data"]["name"] == "floor")
    names = ["H(P, Qₜ)", "KL(P‖Qₜ)", floor]
    for channel, looks in (("color", [charts.CE_COLOR, charts.KL_COLOR, charts.FLOOR_COLOR]),
                           ("strokeDash", [[1, 0], [8, 4], [2, 3]])):
        for layer in (blend["layer"][0], rule):
            encoding = layer["encoding"][channel]
            assert encoding["field"] == "quantity" and encoding["legend"]["direction"] == \
                "vertical"
            assert encoding["scale"] == {"domain": names, "range": looks}
    floor_rows = [f for f in chart_frames(explorer) if list(f.columns) == ["h", "quantity"]]
    assert [list(f["quantity"]) for f in floor_rows] == [[floor]]
    assert floor_rows[0]["h"][0] == pytest.approx(1.75)


def test_each_chart_has_a_text_alternative(explorer):
    captions = [c.value for c in explorer.caption]
    assert "P / Q for each event: dog 0.5 / 0.125, cat 0.25 / 0.5, fish 0.125 / 0.25, bird " \
           "0.125 / 0.125." in captions
    assert any("Largest term: “dog”, 1.5 bits. Q under-weights “dog”." in c for c in captions)
    preset(explorer, "coin")
    assert any("Q under-weights “tails”." in c.value for c in explorer.caption)
    edit(explorer, edited={0: {"Q": "0.5"}, 1: {"Q": "0.5"}})  # Q = P
    assert any("Q under-weights no event." in c.value for c in explorer.caption)


def test_chinese(explorer):
    set_language(explorer, "zh")
    m = metrics(explorer)
    assert m["熵 H(P)"] == "1.75 比特"
    assert explorer.title[0].value == "P 与 Q 对比"
    assert list(terms_table(explorer)["事件"]) == ["狗", "猫", "鱼", "鸟"]
    edit(explorer, edited={1: {"P": "-0.1"}})
    assert "“猫”（第 2 行）的 P 是负数（−0.1）" in errors(explorer)[0]


def test_link_to_the_codes_page_says_the_menu_name(explorer):
    """Issue 22: a link to a page is labelled with the page's name in the menu."""
    for lang in ("en", "zh"):
        set_language(explorer, lang)
        labels = [el.proto.label for el in explorer.get("page_link") if el.proto.page == "codes"]
        # The page's own link, and the frame's "Back" link, which says the same name.
        assert STRINGS["page.codes"][lang == "zh"] in labels


# ---- What the page shows, and in what order (issues 19 and 20) -------------------------------

def test_visible_prose_fits():
    """At most 500 English words of visible prose outside expanders, at the defaults."""
    at = open_page(PAGE)
    assert visible_words(at) <= 500, visible_texts(at)


def test_the_experiment_comes_first_and_each_checkpoint_before_its_numbers(explorer):
    tree = []

    def walk(node):
        for child in getattr(node, "children", {}).values():
            key = getattr(getattr(child, "proto", None), "id", "") or ""
            label = getattr(child, "label", None)
            tree.append((type(child).__name__, label, key))
            walk(child)

    walk(explorer.main)
    order = [(kind, label) for kind, label, _ in tree]
    position = {}
    for i, (kind, label) in enumerate(order):
        if kind == "Metric":
            position.setdefault(label, i)  # the first time a number is shown
    first_editor = next(i for i, (kind, _) in enumerate(order) if kind == "Dataframe")
    first_chart = next(i for i, (kind, _) in enumerate(order) if kind == "UnknownElement")
    assert first_editor < min(position.values()) and first_chart < min(position.values())

    def checkpoint_at(cid):
        return next(i for i, (_, _, key) in enumerate(tree) if PICK.format(cid) in key)

    assert checkpoint_at("bits_per_symbol") < position["Cross-entropy H(P, Q)"]
    assert checkpoint_at("cross_floor") < position["Entropy H(P)"] < checkpoint_at(
        "kl_direction") < position["KL divergence KL(Q‖P)"]
    assert position["Cross-entropy H(P, Q)"] < checkpoint_at("cross_floor")


def test_for_teachers_cites_its_sources(explorer):
    open_details(explorer, "teachers")
    body = " ".join(m.value for m in explorer.expander[-1].markdown)
    assert "https://colah.github.io/posts/2015-09-Visual-Information/" in body
    assert "http://neuralnetworksanddeeplearning.com/chap3.html" in body
    assert "misconception" in body


def test_presentation_view_keeps_the_takeaways_and_drops_the_explanations():
    at = open_link(PAGE, {"teach": "1"})
    shown = " ".join(m.value for m in at.markdown)
    assert STRINGS["ex.cross.takeaway"][0] in shown
    assert STRINGS["ex.cross.lead"][0] not in shown and STRINGS["ex.intro"][0] not in shown


def test_presentation_view_holds_each_answer_until_the_teacher_reveals_it():
    at = open_link(PAGE, {"teach": "1"})
    labels = set(metrics(at))
    assert not labels & {"Cross-entropy H(P, Q)", "KL divergence KL(P‖Q)",
                         "KL divergence KL(Q‖P)", "Cross-entropy H(Q, P)"}
    # Under each checkpoint; and the per-event chart (its terms add up to H(P,Q), their grey
    # parts to H(P)) and the blend (at t = 0 its numbers are the same answers) wait for both.
    captions = [c.value for c in at.caption]
    assert captions.count(STRINGS["ex.held"][0]) == 3
    assert captions.count(STRINGS["ex.held.both"][0]) == 2
    charts_held = len(at.get("vega_lite_chart"))
    for cid in [c.id for c in lesson.by_page("explorer")]:   # the teacher's order
        at.button(key=f"_cp.reveal.explorer.{cid}").click().run()
    m = metrics(at)
    assert m["Cross-entropy H(P, Q)"] == "2.38 bits" and m["KL divergence KL(Q‖P)"] == "0.5 bits"
    captions = [c.value for c in at.caption]
    assert STRINGS["ex.held"][0] not in captions and STRINGS["ex.held.both"][0] not in captions
    assert len(at.get("vega_lite_chart")) == charts_held + 2  # the per-event chart, the blend


# ---- Checkpoints ------------------------------------------------------------------------------

def predict(at, cid, choice):
    if isinstance(choice, str):
        at.radio(key=PICK.format(cid)).set_value(choice).run()
    else:
        at.number_input(key=PICK.format(cid)).set_value(choice).run()
    at.button(key=CHECK.format(cid)).click().run()
    assert not at.exception, at.exception
    return at


def feedback(at) -> str:
    return " ".join(e.body for e in (*at.success, *at.warning, *at.info))


CASES = [  # checkpoint, a right prediction, a wrong one, what the explanation quotes (defaults)
    ("bits_per_symbol", 2.4, 1.0, ("H(P,Q) = −Σ p log₂ q = 2.38 bits",
                                   "H(P,Q) = −Σ p log₂ q = 2.38 比特")),
    ("cross_floor", "above", "below", ("H(P,Q) = 2.38 bits and H(P) = 1.75 bits",
                                       "H(P,Q) = 2.38 比特，H(P) = 1.75 比特")),
    ("kl_direction", "pq", "qp", ("KL(P‖Q) = 0.625 bits and KL(Q‖P) = 0.5 bits",
                                  "KL(P‖Q) = 0.625 比特")),
]


#: The metrics that answer each checkpoint (English labels).
ANSWERS = {"bits_per_symbol": {"Cross-entropy H(P, Q)"},
           "cross_floor": {"Entropy H(P)", "KL divergence KL(P‖Q)"},
           "kl_direction": {"Entropy H(Q)", "Cross-entropy H(Q, P)", "KL divergence KL(Q‖P)"}}
BLEND = {"Cross-entropy H(P, Qₜ)", "KL divergence KL(P‖Qₜ)"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_answers_wait_for_a_prediction(lang):
    """Issue 19: before a prediction no number answering a checkpoint is on screen (the
    blend's numbers at t = 0 are H(P,Q), KL(P‖Q) and H(P), the per-event terms add up to
    H(P,Q)); the table, its bars and the editor are. Each checkpoint's numbers appear once it
    is predicted, right or wrong, and stay while the table is edited (the checkpoint then asks
    again)."""
    at = open_page(PAGE)
    set_language(at, lang)
    held, both = STRINGS["ex.held"][lang == "zh"], STRINGS["ex.held.both"][lang == "zh"]
    assert len(at.metric) == 0
    captions = [c.value for c in at.caption]
    assert captions.count(held) == 3 and captions.count(both) == 2
    assert len(at.get("vega_lite_chart")) == 1 and len(at.dataframe) == 1  # P and Q's bars
    shown = " ".join(m.value for m in at.markdown)
    assert "2.38" not in shown and "0.625" not in shown
    assert STRINGS["ex.floor.takeaway"][lang == "zh"] not in shown  # "never below": the answer
    set_language(at, "en")
    predict(at, "bits_per_symbol", 1.0)  # wrong: the answer shows all the same
    assert set(metrics(at)) == ANSWERS["bits_per_symbol"]
    assert metrics(at)["Cross-entropy H(P, Q)"] == "2.38 bits"
    # Its explanation does not answer the next checkpoint (H(P) = 1.75, KL(P‖Q) = 0.625).
    assert "1.75" not in feedback(at) and "0.625" not in feedback(at)
    assert STRINGS["ex.held.both"][0] in [c.value for c in at.caption]
    predict(at, "cross_floor", "above")  # right
    assert STRINGS["ex.floor.takeaway"][0] in " ".join(m.value for m in at.markdown)
    assert STRINGS["ex.held.both"][0] not in [c.value for c in at.caption]
    assert len(at.get("vega_lite_chart")) == 3
    assert set(metrics(at)) == ANSWERS["bits_per_symbol"] | ANSWERS["cross_floor"] | BLEND
    predict(at, "kl_direction", "same")  # wrong
    assert metrics(at)["KL divergence KL(Q‖P)"] == "0.5 bits"
    assert held not in [c.value for c in at.caption]
    preset(at, "cat_dog_bird")  # new inputs: asked again, the numbers stay
    assert any("predict again" in e.body for e in at.info)
    assert set(ANSWERS["kl_direction"]) <= set(metrics(at))


@pytest.mark.parametrize("cid, right, wrong, quote", CASES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_checkpoint_judges_a_prediction(cid, right, wrong, quote, lang):
    at = open_page(PAGE)
    set_language(at, lang)
    assert at.button(key=CHECK.format(cid)).disabled          # nothing to check yet
    assert "answer is" not in feedback(at) and "答案是" not in feedback(at)
    predict(at, cid, wrong)
    said = " ".join(e.body for e in at.warning)
    assert ("Not quite" if lang == "en" else "不太对") in said
    assert quote[lang == "zh"] in said
    at.button(key=AGAIN.format(cid)).click().run()
    predict(at, cid, right)
    assert any(e.body.startswith("Right." if lang == "en" else "答对了。") for e in at.success)
    slot = lesson.get("explorer", cid).slot
    assert link_of(at)["done"][slot] == "t"                  # right after trying again


def test_a_checkpoint_answer_follows_the_inputs():
    explorer = open_page(PAGE)
    predict(explorer, "kl_direction", "pq")
    assert any(e.body.startswith("Right.") for e in explorer.success)
    preset(explorer, "cat_dog_bird")  # KL(Q‖P) = ∞ here: the answer changes with the table
    assert any("predict again" in e.body for e in explorer.info)
    predict(explorer, "kl_direction", "qp")
    assert any(e.body.startswith("Right.") for e in explorer.success)
    p, q = PRESETS["cat_dog_bird"].p_values, PRESETS["cat_dog_bird"].q_values
    cross = info.cross_entropy(p, q, 2)
    predict(explorer, "bits_per_symbol", round(cross, 2))
    assert f"H(P,Q) = −Σ p log₂ q = {fmt.short(cross)} bits" in feedback(explorer)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_student_can_predict_an_infinite_price(lang):
    """The example "Q rules out an event" makes the wrong code's price ∞, which a number box
    cannot hold: the checkpoint has an "∞" switch. Ticked, it is the prediction (the box is
    disabled); only ∞ counts as right there, a large number does not, and ∞ is wrong where
    the price is finite. "Try again" clears the switch."""
    at = open_page(PAGE)
    set_language(at, lang)
    switch = "_cp.inf.explorer.bits_per_symbol"
    preset(at, "ruled_out")
    predict(at, "bits_per_symbol", 1e6)
    assert not at.success and "∞" in feedback(at)
    at.button(key=AGAIN.format("bits_per_symbol")).click().run()
    assert at.checkbox(key=switch).value is False
    at.checkbox(key=switch).check().run()
    assert at.number_input(key=PICK.format("bits_per_symbol")).disabled
    at.button(key=CHECK.format("bits_per_symbol")).click().run()
    assert not at.exception, at.exception
    right = STRINGS["cp.right"][lang == "zh"]
    assert any(e.body.startswith(right) for e in at.success)
    infinite = STRINGS["cp.explorer.bits_per_symbol.why.infinite"][lang == "zh"]
    assert infinite in feedback(at)
    preset(at, "animals")  # a finite price now: the checkpoint asks again, switch cleared
    assert at.checkbox(key=switch).value is False
    at.checkbox(key=switch).check().run()
    at.button(key=CHECK.format("bits_per_symbol")).click().run()
    assert not at.success and "∞" in feedback(at) and "2.38" in feedback(at)


def test_checkpoint_progress_survives_language_page_and_link():
    explorer = open_page(PAGE)
    predict(explorer, "bits_per_symbol", 2.4)
    set_language(explorer, "zh")
    explorer.switch_page("pages/lessons/codes.py").run()
    explorer.switch_page(PAGE).run()
    assert any(e.body.startswith("答对了。") for e in explorer.success)
    assert "约 15 分钟 · 已回答检查点：1 / 3" in [c.value for c in explorer.caption]
    fresh = open_link(PAGE, {"done": link_of(explorer)["done"]})
    assert "About 15 minutes · checkpoints answered: 1 of 3" in [c.value for c in fresh.caption]


# ---- Nothing a reader does is lost ---------------------------------------------------------

def test_edits_survive_language_units_and_a_page_visit(explorer):
    edit(explorer, edited={0: {"label": "wolf", "P": "0.4"}, 1: {"P": "0.35"}})
    explorer.radio(key=widget_key(explorer, "explorer.mode")).set_value("counts").run()
    explorer.slider(key=widget_key(explorer, "explorer.t")).set_value(0.3).run()
    before = values(explorer)
    expected = info.kl_divergence((0.4, 0.35, 0.125, 0.125), PRESETS["animals"].q_values, 2)
    assert before[2] == short(expected)
    set_language(explorer, "zh")
    assert values(explorer) == [v.replace("bits", "比特") for v in before]
    assert list(terms_table(explorer)["事件"]) == ["wolf", "猫", "鱼", "鸟"]  # typed label kept
    set_units(explorer, "nats")
    nats = values(explorer)
    assert nats[2] == short(expected * math.log(2), "奈特")
    explorer.switch_page("pages/lessons/information.py").run()
    explorer.switch_page(PAGE).run()
    assert values(explorer) == nats
    set_language(explorer, "en")
    set_units(explorer, "bits")
    assert values(explorer) == before
    assert explorer.session_state["explorer.t"] == 0.3
    assert explorer.dataframe[0].value["P"].tolist() == ["0.4", "0.35", "1/8", "1/8"]


def test_reset_restores_the_default(explorer):
    edit(explorer, edited={0: {"P": "0.4"}, 1: {"P": "0.35"}})
    explorer.button(key="_reset.explorer").click().run()
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == "0.625 bits"
    assert page_link(explorer) == {}


# ---- Every view is a link --------------------------------------------------------------------

def test_state_link_fresh_session_round_trip(explorer):
    preset(explorer, "die")
    edit(explorer, edited={0: {"label": "one", "Q": "1/4"}, 5: {"Q": "0.35"}})
    explorer.slider(key=widget_key(explorer, "explorer.t")).set_value(0.4).run()
    set_units(explorer, "hartleys")
    set_language(explorer, "zh")
    link = link_of(explorer)
    assert link["lang"] == "zh" and link["units"] == "hartleys" and link["t"] == "0.4"
    fresh = open_link(PAGE, link)
    assert not fresh.exception and not fresh.warning
    assert values(fresh) == values(explorer)
    assert terms_table(fresh).equals(terms_table(explorer))
    assert fresh.session_state[TABLE].equals(explorer.session_state[TABLE])
    assert link_of(fresh) == link


def test_preset_link_is_short():
    at = open_link(PAGE, {"preset": "ruled_out", "done": DONE})
    assert metrics(at)["KL divergence KL(P‖Q)"] == "∞ bits"


@pytest.mark.parametrize("query", [
    {"table": "x" * 5000}, {"table": "a_1~b"}, {"t": "nan", "mode": "evil"}, {"preset": "nope"},
    {"zzz": "1", "t": "1e999"},
])
def test_hostile_links_give_a_message_and_defaults(query):
    at = open_link(PAGE, {**query, "done": DONE})
    assert not at.exception
    assert at.warning, "the reader is told what could not be used"
    assert metrics(at)["KL divergence KL(P‖Q)"] == "0.625 bits"


def test_a_link_with_too_many_rows_is_explained():
    at = open_link(PAGE, {"table": "~".join(["a_1_1"] * 60)})
    assert not at.exception
    said = " ".join(m.value for m in (*at.warning, *at.error))
    assert "60" in said and "50" in said


def test_reader_labels_stay_literal(explorer):
    hostile = ["**x**", "$x$", ":red[x]", "<img src=x onerror=alert(1)>"]
    edit(explorer, edited={i: {"label": label} for i, label in enumerate(hostile)}
         | {0: {"label": hostile[0], "Q": "1/4"}, 3: {"label": hostile[3], "Q": "0"}})
    assert list(terms_table(explorer)["Event"]) == hostile
    (warning,) = [w.value for w in explorer.warning]
    assert r"“\<img src\=x onerror\=alert\(1\)\>”" in warning  # escaped Markdown, shown as text
    assert r"\*\*x\*\* 0.5 / 0.25" in " ".join(c.value for c in explorer.caption)
    for frame in chart_frames(explorer):
        if "event" in frame:
            assert set(frame["event"]) <= set(hostile)
    edit(explorer, edited={0: {"label": "**x**", "P": "-1"}})
    assert r"“\*\*x\*\*”" in errors(explorer)[0]


# ---- CSV files -------------------------------------------------------------------------------

def upload(at, name: str, data: bytes):
    key = next(k for k in at.session_state if isinstance(k, str)
               and k.startswith("_upload.explorer.table."))
    at.file_uploader(key=key).upload(name, data, "text/csv").run()
    return at


def test_upload_replaces_the_table(explorer):
    data = "\ufeffEvent;P;Q\nwolf;0,5;1/4\n**x**;50%;0,75\n".encode()
    upload(explorer, "mine.csv", data)
    assert not errors(explorer)
    assert any(r"Loaded 2 rows from “mine\.csv”" in s.value and "decimal commas" in s.value
               for s in explorer.success)
    assert list(terms_table(explorer)["Event"]) == ["wolf", "**x**"]
    expected = info.kl_divergence((0.5, 0.5), (0.25, 0.75), 2)
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == short(expected)
    set_language(explorer, "zh")  # uploaded labels are the reader's: never translated
    assert list(terms_table(explorer)["事件"]) == ["wolf", "**x**"]


def test_bad_uploads_keep_the_table(explorer):
    edit(explorer, edited={0: {"label": "wolf"}})
    before = values(explorer)
    for data, message in [
        (b"", "The file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "This is not a text file"),
        (b"label,P\ndog,1\n", "The file has no column “Q”"),
        (b"label,P,Q\ndog,abc,1\n", "Row 2 of the file, column P (“dog”), reads “abc”"),
    ]:
        upload(explorer, "bad.csv", data)
        said = " ".join(errors(explorer))
        assert r"“bad\.csv” was not loaded; your table is unchanged." in said, said
        assert message in said, said
        assert values(explorer) == before
        assert terms_table(explorer)["Event"].tolist()[0] == "wolf"


def test_download_buttons(explorer):
    open_details(explorer, "terms")
    open_details(explorer, "blend")
    labels = [b.proto.label for b in explorer.get("download_button")]
    assert labels == ["Download the table (CSV)", "Download this table (CSV)",
                      "Download Qₜ (CSV)"]
    table = explorer.session_state["explorer.table"]
    read = csvfile.read_csv(csvfile.write_csv(table, numeric=("P", "Q")), ("P", "Q"),
                            ("label",), numeric=("P", "Q"))
    assert read.table["P"].tolist() == ["1/2", "1/4", "1/8", "1/8"]
    for button in explorer.get("download_button"):
        assert not button.proto.url  # made on click: AppTest has no media server for it


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_per_event_table_makes_room_for_another_examples_numbers(lang):
    """Browser review: with the per-event table open, the die's 1/6 showed as "0.16666…": the
    browser keeps the column widths it gave the first data (the animals' 0.125). The widths are
    sent with the data (ui.layout.table), so each column is as wide as its longest cell."""
    import json

    from lib.column_widths import CELL_PX, text_px
    from tests.conftest import answered

    at = answered(open_page(PAGE), "explorer")
    set_language(at, lang)
    for name in ("animals", "die"):
        preset(at, name)
        frame = terms_table(at) if name == "animals" else at.dataframe[1].value
        config = json.loads(at.dataframe[1].proto.columns)
        for column in frame.columns:
            widest = max(text_px(str(cell)) for cell in (column, *frame[column]))
            assert config[column]["width"] >= CELL_PX + widest, (name, column)
    assert "0.166667" in frame["P"].tolist()
