"""AppTest of the P vs Q explorer: presets, table edits, units, language and every bad input."""

import math

import numpy as np
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from lib import info
from lib.presets import PRESETS
from tests.conftest import set_language, set_units


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def edit(at, edited=None, added=None, deleted=None):
    """Apply edits the way the browser's data editor reports them (BRIEF section 6)."""
    at.session_state["pq_editor"] = {"edited_rows": edited or {}, "added_rows": added or [],
                                     "deleted_rows": deleted or []}
    return at.run()


def terms_table(at):
    """The per-event table (the first dataframe is the editor itself)."""
    return at.dataframe[1].value


def errors(at) -> list[str]:
    return [e.value for e in at.error]


def test_default_preset_numbers(explorer):
    m = metrics(explorer)
    assert m["Entropy H(P)"] == "1.7500 bits"
    assert m["Entropy H(Q)"] == "1.7500 bits"
    assert m["Cross-entropy H(P, Q)"] == "2.3750 bits"
    assert m["Cross-entropy H(Q, P)"] == "2.2500 bits"
    assert m["KL divergence KL(P‖Q)"] == "0.6250 bits"
    assert m["KL divergence KL(Q‖P)"] == "0.5000 bits"
    latex = [x.value.strip("$\n") for x in explorer.latex]
    assert r"2.3750 = 1.7500 + 0.6250 \quad \text{(bits)}" in latex
    text = " ".join(md.value for md in explorer.markdown)
    assert "residual H(P, Q) − H(P) − KL(P‖Q) is" in text
    assert "KL(P‖Q) = 0.6250 bits but KL(Q‖P) = 0.5000 bits" in text
    assert "Gibbs' inequality" in text


def test_per_event_table_shows_information_content(explorer):
    table = terms_table(explorer)
    assert list(table["Event"]) == ["dog", "cat", "fish", "bird"]
    assert list(table["−log p (bits)"]) == ["1.0000", "2.0000", "3.0000", "3.0000"]
    assert list(table["−log q (bits)"]) == ["3.0000", "1.0000", "2.0000", "3.0000"]
    assert list(table["p log(p/q) (bits)"]) == ["1.0000", "-0.2500", "-0.1250", "0.0000"]


def test_one_hot_preset_has_infinite_reverse_direction(explorer):
    explorer.button(key="preset_cat_dog_bird").click().run()
    m = metrics(explorer)
    assert m["Entropy H(P)"] == "0.0000 bits"
    assert m["KL divergence KL(P‖Q)"] == "0.5146 bits"
    assert m["Cross-entropy H(P, Q)"] == "0.5146 bits"
    assert m["Cross-entropy H(Q, P)"] == "∞ bits"
    assert m["KL divergence KL(Q‖P)"] == "∞ bits"
    (warning,) = [w.value for w in explorer.warning]
    assert "H(Q, P) and KL(Q‖P) are ∞" in warning and "“dog”、" not in warning
    assert "“dog”, “bird”" in warning


def test_classifier_preset_in_nats(explorer):
    set_units(explorer, "nats")
    explorer.button(key="preset_classifier").click().run()
    m = metrics(explorer)
    assert m["Cross-entropy H(P, Q)"] == "0.3567 nats"
    assert m["KL divergence KL(P‖Q)"] == "0.3567 nats"


@pytest.mark.parametrize("name", ["die", "coin"])
def test_other_presets_match_lib(explorer, name):
    explorer.button(key=f"preset_{name}").click().run()
    preset = PRESETS[name]
    m = metrics(explorer)
    assert m["KL divergence KL(P‖Q)"] == f"{info.kl_divergence(preset.p, preset.q, 2):.4f} bits"
    assert m["Entropy H(P)"] == f"{info.entropy(preset.p, 2):.4f} bits"
    assert len(terms_table(explorer)) == len(preset.p)


def test_hartleys(explorer):
    set_units(explorer, "hartleys")
    expected = info.kl_divergence(PRESETS["animals"].p, PRESETS["animals"].q, 10)
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == f"{expected:.4f} hartleys"


def test_valid_edit_updates_every_number(explorer):
    edit(explorer, edited={0: {"P": 0.25}, 1: {"P": 0.5}})
    p, q = (0.25, 0.5, 0.125, 0.125), PRESETS["animals"].q
    m = metrics(explorer)
    assert m["KL divergence KL(P‖Q)"] == f"{info.kl_divergence(p, q, 2):.4f} bits"
    assert m["Cross-entropy H(P, Q)"] == f"{info.cross_entropy(p, q, 2):.4f} bits"
    assert not errors(explorer)


def test_add_and_delete_events(explorer):
    edit(explorer, edited={0: {"P": 0.4}}, added=[{"label": "ant", "P": 0.1, "Q": 0.0}],
         deleted=[])
    # Q gives the new "ant" probability 0 while P gives it 0.1: infinite, named.
    m = metrics(explorer)
    assert m["KL divergence KL(P‖Q)"] == "∞ bits"
    warnings = [w.value for w in explorer.warning]
    assert any("Q gives probability 0 to “ant”" in w for w in warnings)
    residual = " ".join(md.value for md in explorer.markdown)
    assert "Both sides are ∞" in residual
    edit(explorer, edited={0: {"P": 0.5}}, deleted=[2, 3],
         added=[{"label": "ant", "P": 0.25, "Q": 0.375}])
    assert list(terms_table(explorer)["Event"]) == ["dog", "cat", "ant"]
    assert not errors(explorer)


@pytest.mark.parametrize("edited, message", [
    ({1: {"P": -0.1}}, "P for “cat” (row 2) is negative (-0.1)."),
    ({2: {"Q": None}}, "Q is empty for “fish” (row 3). Enter a number."),
    ({2: {"Q": math.nan}}, "Q is empty for “fish” (row 3). Enter a number."),
    ({0: {"P": math.inf}}, "P for “dog” (row 1) is ∞. Only finite numbers can be probabilities."),
    ({0: {"P": 0.0}, 1: {"P": 0.0}, 2: {"P": 0.0}, 3: {"P": 0.0}},
     "Every value in P is 0. A distribution has to put its probability somewhere."),
])
def test_bad_cells_get_clear_messages(explorer, edited, message):
    edit(explorer, edited=edited)
    assert message in " ".join(errors(explorer))
    assert not explorer.exception
    assert not explorer.metric  # no results from a table that is not two distributions
    assert explorer.button(key="preset_die")  # the page keeps working
    explorer.button(key="preset_die").click().run()
    assert not errors(explorer) and metrics(explorer)


def test_sum_not_one_offers_normalise(explorer):
    edit(explorer, edited={0: {"P": 0.9}})
    assert errors(explorer) == ["P adds up to 1.4, not 1."]
    normalise = [b for b in explorer.button if b.label.startswith("Normalise")]
    assert normalise
    normalise[0].click().run()
    assert not errors(explorer)
    p = (0.9 / 1.4, 0.25 / 1.4, 0.125 / 1.4, 0.125 / 1.4)
    expected = info.kl_divergence(p, PRESETS["animals"].q, 2)
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == f"{expected:.4f} bits"


def test_counts_mode_normalises_with_a_note(explorer):
    explorer.radio(key="_pq_mode_en").set_value("counts").run()
    edit(explorer, edited={0: {"P": 3, "Q": 1}, 1: {"P": 1, "Q": 1}, 2: {"P": 0, "Q": 1},
                           3: {"P": 0, "Q": 1}})
    notes = [i.value for i in explorer.info]
    assert any("Normalised from counts: P divided by its total 4, Q by its total 4" in n
               for n in notes)
    expected = info.kl_divergence((0.75, 0.25, 0, 0), (0.25,) * 4, 2)
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == f"{expected:.4f} bits"


def test_single_event(explorer):
    edit(explorer, edited={0: {"P": 1.0, "Q": 1.0}}, deleted=[1, 2, 3])
    assert any("With a single event" in i.value for i in explorer.info)
    assert set(metrics(explorer).values()) == {"0.0000 bits"}


def test_empty_table(explorer):
    edit(explorer, deleted=[0, 1, 2, 3])
    assert errors(explorer) == ["The table is empty. Add at least one event to compare P and Q."]


def test_fifty_rows_work_and_fifty_one_do_not(explorer):
    added = [{"label": f"e{i}", "P": 0.0, "Q": 0.0} for i in range(46)]
    edit(explorer, added=added)
    assert not errors(explorer)
    assert len(terms_table(explorer)) == 50
    edit(explorer, added=added + [{"label": "one too many", "P": 0.0, "Q": 0.0}])
    assert errors(explorer) == [
        "The table has 51 events; the explorer works with at most 50. Delete 1 of them."]


def test_blend_slider_reaches_h_p(explorer):
    explorer.slider(key="pq_t").set_value(1.0).run()
    m = [x.value for x in explorer.metric]
    assert m[6] == "1.7500 bits" and m[7] == "0.0000 bits"


def chart_frames(at):
    """Every dataset behind every Altair chart on the page, as pandas frames."""
    frames = []
    for chart in at.get("vega_lite_chart"):
        for dataset in chart.proto.datasets:
            frames.append(convert_arrow_bytes_to_pandas_df(dataset.data.data))
    return frames


def test_charts_have_no_non_finite_values(explorer):
    edit(explorer, edited={0: {"Q": 0.25}, 3: {"Q": 0.0}})  # Q misses "bird": its term is ∞
    assert metrics(explorer)["Cross-entropy H(P, Q)"] == "∞ bits"
    assert len(explorer.get("vega_lite_chart")) == 3
    frames = chart_frames(explorer)
    assert frames
    for frame in frames:
        numbers = frame.select_dtypes("number").to_numpy(dtype=float)
        assert np.isfinite(numbers).all(), frame
    # The ∞ terms are flagged as text marks instead of bars.
    assert any("mark" in f and list(f["event"]) == ["bird"] for f in frames)


def test_chinese(explorer):
    set_language(explorer, "zh")
    m = metrics(explorer)
    assert m["熵 H(P)"] == "1.7500 比特"
    assert m["KL 散度 KL(P‖Q)"] == "0.6250 比特"
    assert explorer.title[0].value == "P 与 Q 对比"
    # The unedited preset follows the language switch.
    assert list(terms_table(explorer)["事件"]) == ["狗", "猫", "鱼", "鸟"]
    edit(explorer, edited={1: {"P": -0.1}})
    assert errors(explorer) == ["“猫”（第 2 行）的 P 是负数（-0.1）。概率和计数都不可能小于 0。"]


def test_settings_carry_across_pages(explorer):
    set_units(explorer, "nats")
    set_language(explorer, "zh")
    explorer.switch_page("app.py").run()
    assert explorer.title[0].value == "从比特到损失"
    explorer.switch_page("pages/explorer.py").run()
    assert metrics(explorer)["KL 散度 KL(P‖Q)"].endswith("奈特")
    assert explorer.session_state["units"] == "nats"
