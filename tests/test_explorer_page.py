"""AppTest of the P vs Q explorer: presets, table edits, units, language, bad input, persistence
across language/unit/page switches, links, CSV files and reader labels shown as text."""

import math

import numpy as np
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from lib import csvfile, info
from lib.presets import PRESETS
from tests.conftest import (edit_table, link_of, open_link, set_language, set_units,
                            widget_key)

TABLE = "explorer.table"


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def values(at) -> list[str]:
    """Every metric value in page order (labels change with the language, values do not)."""
    return [m.value for m in at.metric]


def edit(at, edited=None, added=None, deleted=None):
    return edit_table(at, TABLE, edited=edited, added=added, deleted=deleted)


def terms_table(at):
    """The per-event table (the first dataframe is the editor itself)."""
    return at.dataframe[1].value


def errors(at) -> list[str]:
    return [e.value for e in at.error]


def preset(at, name):
    return at.button(key=f"_preset.explorer.{name}").click().run()


def test_default_preset_numbers(explorer):
    m = metrics(explorer)
    assert m["Entropy H(P)"] == "1.7500 bits"
    assert m["Entropy H(Q)"] == "1.7500 bits"
    assert m["Cross-entropy H(P, Q)"] == "2.3750 bits"
    assert m["Cross-entropy H(Q, P)"] == "2.2500 bits"
    assert m["KL divergence KL(P‖Q)"] == "0.6250 bits"
    assert m["KL divergence KL(Q‖P)"] == "0.5000 bits"
    latex = [x.value.strip("$\n") for x in explorer.latex] + [
        part.strip("$\n") for m in explorer.markdown for part in m.value.split("\n\n")
        if part.startswith("$$")]
    assert r"2.3750 = 1.7500 + 0.6250 \quad \text{(bits)}" in latex
    text = " ".join(md.value for md in explorer.markdown)
    assert "residual H(P, Q) − H(P) − KL(P‖Q) is" in text
    assert "KL(P‖Q) = 0.6250 bits but KL(Q‖P) = 0.5000 bits" in text
    assert link_of(explorer) == {}  # the default view needs no parameters


def test_presets(explorer):
    """Every preset in one session: cells as typed, per-event table, infinities named."""
    assert explorer.dataframe[0].value["P"].tolist() == ["1/2", "1/4", "1/8", "1/8"]
    table = terms_table(explorer)
    assert list(table["Event"]) == ["dog", "cat", "fish", "bird"]
    assert list(table["−log p (bits)"]) == ["1.0000", "2.0000", "3.0000", "3.0000"]
    assert list(table["−log q (bits)"]) == ["3.0000", "1.0000", "2.0000", "3.0000"]
    assert list(table["p log(p/q) (bits)"]) == ["1.0000", "−0.2500", "−0.1250", "0.0000"]

    preset(explorer, "cat_dog_bird")
    m = metrics(explorer)
    assert m["Entropy H(P)"] == "0.0000 bits"
    assert m["KL divergence KL(P‖Q)"] == "0.5146 bits"
    assert m["Cross-entropy H(Q, P)"] == "∞ bits"
    (warning,) = [w.value for w in explorer.warning]
    assert "H(Q, P) and KL(Q‖P) are ∞" in warning and "“dog”, “bird”" in warning
    assert link_of(explorer) == {"preset": "cat_dog_bird"}

    # Some q = 0 with p > 0 and Q still sums to 1: ∞ and the event causing it, no sum error.
    preset(explorer, "ruled_out")
    assert not errors(explorer)
    m = metrics(explorer)
    assert m["Cross-entropy H(P, Q)"] == "∞ bits" and m["KL divergence KL(P‖Q)"] == "∞ bits"
    assert m["Entropy H(P)"] == "1.7500 bits" and m["KL divergence KL(Q‖P)"] == "0.5000 bits"
    (warning,) = [w.value for w in explorer.warning]
    assert warning.startswith("H(P, Q) and KL(P‖Q) are ∞ because Q gives probability 0 to "
                              "“bird”, which P says can happen.")
    assert list(terms_table(explorer)["−p log q (bits)"]) == ["1.0000", "0.2500", "0.2500", "∞"]

    for name in ("die", "coin"):
        preset(explorer, name)
        p = PRESETS[name]
        m = metrics(explorer)
        kl = info.kl_divergence(p.p_values, p.q_values, 2)
        assert m["KL divergence KL(P‖Q)"] == f"{kl:.4f} bits"
        assert m["Entropy H(P)"] == f"{info.entropy(p.p_values, 2):.4f} bits"
        assert explorer.dataframe[0].value["P"].tolist() == list(p.p)

    set_units(explorer, "nats")
    preset(explorer, "classifier")
    m = metrics(explorer)
    assert m["Cross-entropy H(P, Q)"] == "0.3567 nats"
    assert m["KL divergence KL(P‖Q)"] == "0.3567 nats"


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
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == "0.6250 bits"
    edit(explorer, edited={0: {"P": "0,5"}})
    assert "write the decimal point as a dot" in " ".join(errors(explorer))


def test_valid_edit_updates_every_number(explorer):
    edit(explorer, edited={0: {"P": "0.25"}, 1: {"P": "0.5"}})
    p, q = (0.25, 0.5, 0.125, 0.125), PRESETS["animals"].q_values
    m = metrics(explorer)
    assert m["KL divergence KL(P‖Q)"] == f"{info.kl_divergence(p, q, 2):.4f} bits"
    assert m["Cross-entropy H(P, Q)"] == f"{info.cross_entropy(p, q, 2):.4f} bits"
    assert not errors(explorer)


def test_add_and_delete_events(explorer):
    edit(explorer, edited={0: {"P": "0.4"}}, added=[{"label": "ant", "P": "0.1", "Q": "0"}])
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == "∞ bits"
    assert any("Q gives probability 0 to “ant”" in w.value for w in explorer.warning)
    assert "Both sides are ∞" in " ".join(md.value for md in explorer.markdown)
    edit(explorer, edited={0: {"P": "0.5"}}, deleted=[2, 3],
         added=[{"label": "ant", "P": "0.25", "Q": "0.375"}])
    assert list(terms_table(explorer)["Event"]) == ["dog", "cat", "ant"]
    assert not errors(explorer)


BAD_CELLS = [
    ({1: {"P": "-0.1"}}, "P for “cat” (row 2) is negative (−0.1)."),
    ({2: {"Q": None}}, "Q is empty for “fish” (row 3). Enter a number."),
    ({2: {"Q": ""}}, "Q is empty for “fish” (row 3). Enter a number."),
    ({0: {"P": "abc"}}, "P for “dog” (row 1) reads “abc”, which is not a number."),
    ({0: {"P": "1/0"}}, "a fraction cannot divide by 0"),
    ({0: {"P": "0"}, 1: {"P": "0"}, 2: {"P": "0"}, 3: {"P": "0"}},
     "Every value in P is 0. A distribution has to put its probability somewhere."),
]


def test_bad_cells_get_clear_messages(explorer):
    for edited, message in BAD_CELLS:
        edit(explorer, edited=edited)
        assert message in " ".join(errors(explorer))
        assert not explorer.exception
        assert not explorer.metric  # no results from a table that is not two distributions
        preset(explorer, "animals")  # the page keeps working
        assert not errors(explorer) and metrics(explorer)


def test_sum_not_one_offers_normalise(explorer):
    edit(explorer, edited={0: {"P": "0.9"}})
    assert errors(explorer) == ["P adds up to 1.4, not 1."]
    (normalise,) = [b for b in explorer.button if b.label.startswith("Normalise")]
    normalise.click().run()
    assert not errors(explorer)
    p = (0.9 / 1.4, 0.25 / 1.4, 0.125 / 1.4, 0.125 / 1.4)
    expected = info.kl_divergence(p, PRESETS["animals"].q_values, 2)
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == f"{expected:.4f} bits"
    assert explorer.dataframe[0].value["P"].tolist()[1:] == ["5/28", "5/56", "5/56"]


def test_counts_mode_normalises_with_a_note(explorer):
    explorer.radio(key=widget_key(explorer, "explorer.mode")).set_value("counts").run()
    edit(explorer, edited={0: {"P": "3", "Q": "1"}, 1: {"P": "1", "Q": "1"},
                           2: {"P": "0", "Q": "1"}, 3: {"P": "0", "Q": "1"}})
    notes = [i.value for i in explorer.info]
    assert any("Normalised from counts: P divided by its total 4, Q by its total 4" in n
               for n in notes)
    expected = info.kl_divergence((0.75, 0.25, 0, 0), (0.25,) * 4, 2)
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == f"{expected:.4f} bits"


def test_single_and_empty_and_too_many(explorer):
    edit(explorer, edited={0: {"P": "1", "Q": "1"}}, deleted=[1, 2, 3])
    assert any("With a single event" in i.value for i in explorer.info)
    edit(explorer, deleted=[0, 1, 2, 3])
    assert errors(explorer) == ["the P and Q table is empty. Add at least one row."] or \
        "is empty" in errors(explorer)[0]
    added = [{"label": f"e{i}", "P": "0", "Q": "0"} for i in range(47)]
    edit(explorer, added=added)
    assert "51 rows" in errors(explorer)[0]


def test_blend_slider_reaches_h_p(explorer):
    explorer.slider(key=widget_key(explorer, "explorer.t")).set_value(1.0).run()
    m = values(explorer)
    assert m[6] == "1.7500 bits" and m[7] == "0.0000 bits"
    assert link_of(explorer) == {"t": "1"}


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


def test_chinese(explorer):
    set_language(explorer, "zh")
    m = metrics(explorer)
    assert m["熵 H(P)"] == "1.7500 比特"
    assert explorer.title[0].value == "P 与 Q 对比"
    assert list(terms_table(explorer)["事件"]) == ["狗", "猫", "鱼", "鸟"]
    edit(explorer, edited={1: {"P": "-0.1"}})
    assert "“猫”（第 2 行）的 P 是负数（−0.1）" in errors(explorer)[0]


# ---- Nothing a reader does is lost ---------------------------------------------------------

def test_edits_survive_language_units_and_a_page_visit(explorer):
    edit(explorer, edited={0: {"label": "wolf", "P": "0.4"}, 1: {"P": "0.35"}})
    explorer.radio(key=widget_key(explorer, "explorer.mode")).set_value("counts").run()
    explorer.slider(key=widget_key(explorer, "explorer.t")).set_value(0.3).run()
    before = values(explorer)
    expected = info.kl_divergence((0.4, 0.35, 0.125, 0.125), PRESETS["animals"].q_values, 2)
    assert before[2] == f"{expected:.4f} bits"
    set_language(explorer, "zh")
    assert values(explorer) == [v.replace("bits", "比特") for v in before]
    assert list(terms_table(explorer)["事件"]) == ["wolf", "猫", "鱼", "鸟"]  # typed label kept
    set_units(explorer, "nats")
    nats = values(explorer)
    assert nats[2] == f"{expected * math.log(2):.4f} 奈特"
    explorer.switch_page("pages/lessons/information.py").run()
    explorer.switch_page("pages/lessons/explorer.py").run()
    assert values(explorer) == nats
    set_language(explorer, "en")
    set_units(explorer, "bits")
    assert values(explorer) == before
    assert explorer.session_state["explorer.t"] == 0.3
    assert explorer.dataframe[0].value["P"].tolist() == ["0.4", "0.35", "1/8", "1/8"]


def test_reset_restores_the_default(explorer):
    edit(explorer, edited={0: {"P": "0.4"}, 1: {"P": "0.35"}})
    explorer.button(key="_reset.explorer").click().run()
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == "0.6250 bits"
    assert link_of(explorer) == {}


# ---- Every view is a link --------------------------------------------------------------------

def test_state_link_fresh_session_round_trip(explorer):
    preset(explorer, "die")
    edit(explorer, edited={0: {"label": "one", "Q": "1/4"}, 5: {"Q": "0.35"}})
    explorer.slider(key=widget_key(explorer, "explorer.t")).set_value(0.4).run()
    set_units(explorer, "hartleys")
    set_language(explorer, "zh")
    link = link_of(explorer)
    assert link["lang"] == "zh" and link["units"] == "hartleys" and link["t"] == "0.4"
    fresh = open_link("pages/lessons/explorer.py", link)
    assert not fresh.exception and not fresh.warning
    assert values(fresh) == values(explorer)
    assert fresh.dataframe[1].value.equals(explorer.dataframe[1].value)
    assert fresh.session_state[TABLE].equals(explorer.session_state[TABLE])
    assert link_of(fresh) == link


def test_preset_link_is_short():
    at = open_link("pages/lessons/explorer.py", {"preset": "ruled_out"})
    assert metrics(at)["KL divergence KL(P‖Q)"] == "∞ bits"


@pytest.mark.parametrize("query", [
    {"table": "x" * 5000}, {"table": "a_1~b"}, {"t": "nan", "mode": "evil"}, {"preset": "nope"},
    {"table": "~".join(["a_1_1"] * 60)}, {"zzz": "1", "t": "1e999"},
])
def test_hostile_links_give_a_message_and_defaults(query):
    at = open_link("pages/lessons/explorer.py", query)
    assert not at.exception
    assert at.warning, "the reader is told what could not be used"
    assert metrics(at)["KL divergence KL(P‖Q)"] == "0.6250 bits"


def test_reader_labels_stay_literal(explorer):
    hostile = ["**x**", "$x$", ":red[x]", "<img src=x onerror=alert(1)>"]
    edit(explorer, edited={i: {"label": label} for i, label in enumerate(hostile)}
         | {0: {"label": hostile[0], "Q": "1/4"}, 3: {"label": hostile[3], "Q": "0"}})
    assert list(terms_table(explorer)["Event"]) == hostile
    (warning,) = [w.value for w in explorer.warning]
    assert r"“\<img src\=x onerror\=alert\(1\)\>”" in warning  # escaped Markdown, shown as text
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
    assert metrics(explorer)["KL divergence KL(P‖Q)"] == f"{expected:.4f} bits"
    set_language(explorer, "zh")  # uploaded labels are the reader's: never translated
    assert list(terms_table(explorer)["事件"]) == ["wolf", "**x**"]


BAD_FILES = [
    (b"", "The file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "This is not a text file"),
    (b"label,P\ndog,1\n", "The file has no column “Q”"),
    (b"label,P,Q\ndog,abc,1\n", "Row 2 of the file, column P (“dog”), reads “abc”"),
    ("label,P,Q\n狗,1,1\n".encode("gb18030"), "GBK/GB18030"),
    (b"label,P,Q\n" + b"a,1,1\n" * 60, "The file has 60 rows; at most 50 can be loaded."),
    (b"label,P,Q\n" + b"a,1,1\n" * 30_000, "at most 100 KB can be loaded"),
]


def test_bad_uploads_keep_the_table(explorer):
    edit(explorer, edited={0: {"label": "wolf"}})
    before = values(explorer)
    for data, message in BAD_FILES:
        upload(explorer, "bad.csv", data)
        text = " ".join(errors(explorer))
        assert r"“bad\.csv” was not loaded; your table is unchanged." in text, text
        assert message in text, text
        assert values(explorer) == before
        assert terms_table(explorer)["Event"].tolist()[0] == "wolf"


def test_download_buttons(explorer):
    labels = [b.proto.label for b in explorer.get("download_button")]
    assert labels == ["Download the table (CSV)", "Download this table (CSV)",
                      "Download Qₜ (CSV)"]
    table = explorer.session_state["explorer.table"]
    read = csvfile.read_csv(csvfile.write_csv(table, numeric=("P", "Q")), ("P", "Q"),
                            ("label",), numeric=("P", "Q"))
    assert read.table["P"].tolist() == ["1/2", "1/4", "1/8", "1/8"]


def test_downloads_are_made_on_click(explorer):
    """The CSV bytes are not built on every rerun: each button carries a deferred file."""
    for button in explorer.get("download_button"):
        assert not button.proto.url  # AppTest has no media server: a deferred file has no url
