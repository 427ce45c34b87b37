"""Codes & samples page (AppTest): every control, both languages, units, links, bad input."""

import pytest

from tests.conftest import (edit_table, link_of, open_link, open_page, set_language, set_units,
                            widget_key)
from ui import codes as cd
from ui import fmt

PAGE = "pages/lessons/codes.py"


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def texts(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [e.value for e in at.info]
                     + [e.value for e in at.warning] + [e.value for e in at.success]
                     + [e.value for e in at.error])


def html(at) -> str:
    """The page's own HTML (the shared style sheet left out)."""
    return "\n".join(h.proto.body for h in at.get("html")
                     if not h.proto.body.lstrip().startswith("<style"))


def numbers(at) -> tuple:
    """Everything the page computed, to compare two states of it."""
    return (metrics(at), [d.value.to_dict() for d in at.dataframe],
            [m.value for m in at.markdown], html(at))


def press(at, preset: str):
    at.button(key=f"_preset.codes.{preset}").click().run()
    assert not at.exception, at.exception
    return at


def set_number(at, name: str, value):
    at.number_input(key=widget_key(at, f"codes.{name}")).set_value(value).run()
    assert not at.exception, at.exception
    return at


def set_choice(at, name: str, value):
    at.get("button_group")  # segmented controls
    widget = next(w for w in at.get("button_group") if w.key == widget_key(at, f"codes.{name}"))
    widget.set_value(value).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def animals():
    at = open_page(PAGE)
    return press(at, "animals")


def test_worked_example_codes_and_lengths(animals):
    at = animals
    assert at.title[0].value == "Codes & samples"
    table = at.dataframe[0].value
    assert table["P's Huffman code"].tolist() == ["0", "10", "110", "111"]
    assert table["bits (P's code)"].tolist() == ["1", "2", "3", "3"]
    assert table["Q's Huffman code"].tolist() == ["110", "0", "10", "111"]
    assert table["⌈−log₂ q⌉"].tolist() == ["3", "1", "2", "3"]
    assert table["−log₂ p"].tolist() == ["1.0000", "2.0000", "3.0000", "3.0000"]
    m = metrics(at)
    assert m["Entropy H(P)"] == "1.7500 bits"
    assert m["P's Huffman code"] == "1.7500 bits"
    assert m["Cross-entropy H(P,Q)"] == "2.3750 bits"
    assert m["Q's Shannon code"] == m["Q's Huffman code"] == "2.3750 bits"
    assert m["KL divergence KL(P‖Q)"] == m["Extra bits of Q's Huffman code"] == "0.6250 bits"
    text = texts(at)
    assert "L = H(P) = 1.7500 bits per symbol" in text
    assert "exactly KL(P‖Q) = 0.6250 bits" in text
    spec = at.get("vega_lite_chart")[0].proto.spec
    assert "parts" in spec


def test_message_controls_and_decoding(animals):
    at = animals
    text = texts(at)
    assert "**With P's code: 71 bits**" in [m.value for m in at.markdown]
    assert "**With Q's code: 97 bits**" in [m.value for m in at.markdown]
    assert "1.7750 bits per symbol with P's code (H(P) = 1.7500), 2.4250 with Q's code" in text
    assert "This message costs 26 more bits with Q's code." in text
    assert "identical to the original message" in text
    set_number(at, "length", 1000)
    text = texts(at)
    assert "The message (1,000 symbols)" in text
    assert f"Showing the first {cd.MAX_SHOWN} of 1,000 symbols." in [c.value for c in at.caption]
    before = html(at)
    set_number(at, "seed", 7)
    assert html(at) != before
    assert "identical to the original message" in texts(at)


def test_q_without_codeword_is_named():
    at = press(open_page(PAGE), "ruled_out")
    text = texts(at)
    assert "Q gives probability 0 to “bird”, yet P gives it a positive probability" in text
    assert "Q's code has no codeword for “bird”" in text
    assert "expected length under P is ∞" in text
    assert metrics(at)["Q's Huffman code"] == "∞ bits"
    assert at.dataframe[0].value["Q's Huffman code"].tolist()[3] == "none"
    assert "its lines stop" in text or "their lines stop" in text
    assert "average of −log₂ q(x) = ∞ (exact value ∞)" in text


@pytest.mark.parametrize("preset, expected", [
    ("one", "With one possible event H(P) = 0, and P's code spends L = 1.0000 bit"),
    ("ties", "earlier rows get the shorter codewords"),
    ("fifty", "P's own code: H(P) = 4.6125 ≤ L = 4.6360 < H(P) + 1 = 5.6125"),
    ("tiny", "L = 1.0000000000 < H(P) + 1 = 1.0000000002"),
    ("skewed", "comes from rounding both codes to whole bits"),
])
def test_edge_case_examples(preset, expected):
    at = press(open_page(PAGE), preset)
    assert expected in texts(at)


def test_sixteen_bit_example():
    at = open_page(PAGE)
    assert "averages 7.5469 bits per number" in texts(at)
    set_choice(at, "theta", 0.5)
    text = texts(at)
    assert "Entropy 16.0000 bits" in text
    assert "Every value gets a 16-bit codeword" in text


def test_samples_controls(animals):
    at = animals
    assert "After 10,000 samples: average of −log₂ p(x) = 1.7515 ± 0.0166 bits" in texts(at)
    set_choice(at, "n", 1_000_000)
    text = texts(at)
    assert "After 1,000,000 samples" in text
    spec = at.get("vega_lite_chart")[1].proto.spec
    assert '"type":"log"' in spec.replace(" ", "")
    before = texts(at)
    set_number(at, "sample_seed", 3)
    assert texts(at) != before


def test_estimation_and_bias(animals):
    at = animals
    text = texts(at)
    assert "H(P̂) = 1.8464 bits ≤ H(P̂, P) = 1.9000 bits" in text
    assert "With n = 20, the plug-in entropy averages" in text and "below H(P) = 1.7500" in text
    set_number(at, "mle_n", 5)
    text = texts(at)
    assert "With n = 5," in text
    assert at.dataframe[1].value["count"].sum() == 5


def test_units_and_language_keep_everything():
    at = press(open_page(PAGE), "skewed")
    set_number(at, "length", 120)
    bits = numbers(at)
    set_units(at, "nats")
    m = metrics(at)
    assert m["Entropy H(P)"] == "2.0087 bits (1.3923 nats)"
    assert "Your chosen unit is nats" in texts(at)
    set_units(at, "bits")
    assert numbers(at) == bits
    set_language(at, "zh")
    assert at.title[0].value == "编码与采样"
    assert metrics(at)["熵 H(P)"] == "2.0087 比特"
    assert "消息（120 个符号）" in texts(at)
    set_language(at, "en")
    assert numbers(at) == bits
    at.switch_page("pages/lessons/information.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert numbers(at) == bits


def test_link_round_trip():
    at = press(open_page(PAGE), "fifty")
    set_number(at, "length", 77)
    set_choice(at, "n", 1_000)
    link = link_of(at)
    assert link["preset"] == "fifty" and link["length"] == "77" and link["n"] == "1000"
    fresh = open_link(PAGE, link)
    assert not fresh.exception
    assert numbers(fresh) == numbers(at)


def test_bad_link_is_reported_and_defaults_kept():
    at = open_link(PAGE, {"length": "abc", "n": "7", "source": "nope", "theta": "0.3",
                          "mle_n": "99999", "zzz": "1"})
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    for field in ("length", "n", "source", "theta", "mle_n", "zzz"):
        assert fmt.text(field) in warning  # reader text is shown escaped (mle\\_n)
    assert "The message (40 symbols)" in texts(at)


def test_presets_alone_equal_presets_after_others():
    alone = numbers(press(open_page(PAGE), "ties"))
    at = press(open_page(PAGE), "ruled_out")
    set_number(at, "length", 300)
    set_choice(at, "theta", 0.01)
    set_number(at, "mle_n", 9)
    assert numbers(press(at, "ties")) == alone


def test_reads_the_explorers_table_and_escapes_labels():
    at = open_page("pages/lessons/explorer.py")
    edit_table(at, "explorer.table", edited={0: {"label": "<b>x</b> **y**", "P": "0.5"},
                                             1: {"P": "0.5"}, 2: {"P": "0"}, 3: {"P": "0"}})
    at.switch_page(PAGE).run()
    assert not at.exception
    assert metrics(at)["Entropy H(P)"] == "1.0000 bits"
    assert "&lt;b&gt;x&lt;/b&gt; **y**" in html(at)
    assert "<b>x</b>" not in html(at)
    link = link_of(at)
    assert "pq.table" in link  # a link to this page carries the explorer's P and Q
    fresh = open_link(PAGE, link)
    assert not fresh.exception and numbers(fresh) == numbers(at)
    edit_table_at = open_page("pages/lessons/explorer.py")
    edit_table(edit_table_at, "explorer.table", edited={0: {"P": "0.9"}})
    edit_table_at.switch_page(PAGE).run()
    assert not edit_table_at.exception
    assert "does not describe two distributions" in texts(edit_table_at)
    assert any("adds up to" in e.value for e in edit_table_at.error)
