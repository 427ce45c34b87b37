"""Codes & samples page (AppTest): every control, both languages, units, links, bad input,
the checkpoints, the statements that depend on a condition, and the page's visible prose."""

import json
import re

import pytest

from lib import info, sampling
from lib.presets import CODE_EXAMPLES
from tests.conftest import (answered, edit_table, link_of, open_link, open_page, set_language,
                            set_units, widget_key)
from tests.test_information_page import (MAX_WORDS, feedback, predict, visible_prose,
                                         word_count)
from ui import codes as cd
from ui.strings import STRINGS
from lib import fmt

PAGE = "pages/lessons/codes.py"


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def texts(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [e.value for e in at.info]
                     + [e.value for e in at.warning] + [e.value for e in at.success]
                     + [e.value for e in at.error] + [c.value for c in at.caption])


def answer_both(at, own: float = 1.75, other: str = "more"):
    """Commit both predictions, so every number they hold back is shown."""
    predict(at, "codes", "code_length", own)
    predict(at, "codes", "wrong_code", other)
    return at


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


def opened():
    """The page with both checkpoints answered before (a link's ``done``): the encoded message
    waits for both, as its bits per symbol measure their answers."""
    return answered(open_page(PAGE), "codes")


@pytest.fixture
def animals():
    return press(opened(), "animals")


def test_worked_example_codes_and_lengths():
    at = press(open_page(PAGE), "animals")
    assert at.title[0].value == "Codes & samples"
    table = at.dataframe[0].value
    assert table["P's Huffman code"].tolist() == ["0", "10", "110", "111"]
    assert table["bits (P's code)"].tolist() == ["1", "2", "3", "3"]
    assert table["Q's Huffman code"].tolist() == ["110", "0", "10", "111"]
    assert table["⌈−log₂ q⌉"].tolist() == ["3", "1", "2", "3"]
    assert table["−log₂ p"].tolist() == ["1", "2", "3", "3"]
    # Before any prediction only H(P) shows: the costs of the codes wait.
    assert list(metrics(at)) == ["Entropy H(P)", "H(P̂), plug-in", "Miller–Madow", "True H(P)",
                                 "H(P̂, P)", "H(P̂, Q)"]
    assert "What Q's codes cost appears here once the checkpoint above is answered." \
        in texts(at)
    # So does the encoded message: its bits per symbol measure both answers.
    held = STRINGS["cd.hold.message"][0]
    length = lambda: [w for w in at.number_input if w.key == "codes.length"]  # noqa: E731
    assert held in [c.value for c in at.caption] and not length()
    # The bound "never below H(P), less than 1 bit above" brackets checkpoint 1's answer: it
    # comes after the prediction (review).
    bound = STRINGS["cd.lengths.takeaway"][0]
    assert bound not in texts(at)
    answer_both(at)
    assert held not in [c.value for c in at.caption] and length()
    assert bound in texts(at)
    m = metrics(at)
    assert m["Entropy H(P)"] == "1.75 bits"
    assert m["P's Huffman code"] == "1.75 bits"
    assert m["Cross-entropy H(P,Q)"] == "2.38 bits"
    assert m["Q's Shannon code"] == m["Q's Huffman code"] == "2.38 bits"
    assert m["KL divergence KL(P‖Q)"] == m["Extra bits of Q's Huffman code"] == "0.625 bits"
    text = texts(at)
    assert "L = H(P) = 1.75 bits per symbol" in text
    assert "exactly KL(P‖Q) = 0.625 bits" in text
    assert "nothing is lost to rounding" in text
    spec = at.get("vega_lite_chart")[0].proto.spec
    assert "parts" in spec
    numbers = next(e for e in at.expander
                   if e.label == "The chart's numbers, and Shannon's bound")
    assert numbers.dataframe[0].value["total"].tolist()[-1] == "2.375"


def test_message_controls_and_decoding(animals):
    at = animals
    text = texts(at)
    assert "**With P's code: 71 bits**" in [m.value for m in at.markdown]
    assert "**With Q's code: 97 bits**" in [m.value for m in at.markdown]
    assert "1.77 bits per symbol with P's code (H(P) = 1.75), 2.42 with Q's code" in text
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
    at = press(opened(), "ruled_out")
    text = texts(at)
    assert "Q gives probability 0 to “bird”, yet P gives it a positive probability" in text
    assert "Q's code has no codeword for “bird”" in text
    answer_both(at)
    text = texts(at)
    assert "expected length under P is ∞" in text
    assert metrics(at)["Q's Huffman code"] == "∞ bits"
    assert "Q gives probability 0 to an event that P can produce" in feedback(at)
    assert at.dataframe[0].value["Q's Huffman code"].tolist()[3] == "none"
    assert "its lines stop" in text or "their lines stop" in text
    assert "average of −log₂ q(x) = ∞ (exact ∞)" in text


@pytest.mark.parametrize("preset, expected", [
    ("one", "With one possible event H(P) = 0, and P's code spends L = 1 bit"),
    ("ties", "earlier rows get the shorter codewords"),
    ("fifty", "P's own code: H(P) = 4.61 ≤ L = 4.64 < H(P) + 1 = 5.61"),
    ("tiny", "L = 1.0000000000 < H(P) + 1 = 1.0000000002"),
    ("skewed", "comes from rounding both codes to whole bits"),
])
def test_edge_case_examples(preset, expected):
    at = answer_both(press(open_page(PAGE), preset))
    assert expected in texts(at)


def test_sixteen_bit_example():
    at = open_page(PAGE)
    assert "averages 7.55 bits per number" in texts(at)
    set_choice(at, "theta", 0.5)
    text = texts(at)
    assert "Entropy 16 bits" in text
    assert "Every value gets a 16-bit codeword" in text


def test_samples_controls(animals):
    at = animals
    assert ("After 10,000 samples (± two standard errors):\n- average of −log₂ p(x) = 1.75 ± "
            "0.0166 bits (exact 1.75)") in texts(at)
    set_choice(at, "n", 1_000_000)
    text = texts(at)
    assert "After 1,000,000 samples" in text
    spec = at.get("vega_lite_chart")[1].proto.spec
    assert '"type":"log"' in spec.replace(" ", "")
    before = texts(at)
    set_number(at, "sample_seed", 3)
    assert texts(at) != before


def test_samples_chart_sends_each_name_once(animals):
    """Issue 22: the running averages go to the browser as numbers, one row per quantity and
    plotted n; each quantity's name and exact value once, in a lookup (in the reader's
    language)."""
    import pyarrow as pa

    def datasets(at):
        chart = next(c for c in at.get("vega_lite_chart")
                     if "lines" in [d.name for d in c.proto.datasets])
        return {d.name: pa.ipc.open_stream(d.data.data).read_all() for d in chart.proto.datasets}

    sent = datasets(animals)
    assert sorted(sent) == ["ends", "exact", "lines", "quantities"]
    assert sent["lines"].column_names == ["n", "q", "mean", "se", "lo", "hi"]
    assert sent["lines"].num_rows == 834  # 10,000 draws: 278 plotted sizes after n = 1, × 3
    assert sent["quantities"].to_pydict() == {
        "q": [0, 1, 2], "quantity": ["average of −log₂ p(x) → H(P)",
                                     "average of −log₂ q(x) → H(P,Q)",
                                     "average of log₂(p(x)/q(x)) → KL(P‖Q)"],
        "exact": ["1.750000", "2.375000", "0.625000"]}
    set_language(animals, "zh")
    assert datasets(animals)["quantities"]["quantity"][0].as_py().startswith("−log₂ p(x) 的平均")


def test_estimation_and_bias(animals):
    at = animals
    text = texts(at)
    assert "H(P̂) = 1.85 bits ≤ H(P̂, P) = 1.9 bits" in text
    assert "At n = 20, H(P̂) averages" in text and "below H(P) = 1.75" in text
    set_number(at, "mle_n", 5)
    text = texts(at)
    assert "At n = 5," in text
    sample = next(d.value for d in at.dataframe if "count" in d.value.columns)
    assert sample["count"].sum() == 5


def test_units_and_language_keep_everything():
    at = press(opened(), "skewed")
    set_number(at, "length", 120)
    bits = numbers(at)
    set_units(at, "nats")
    m = metrics(at)
    assert m["Entropy H(P)"] == "2.01 bits"  # a short value: never cut off
    assert at.metric[0].help == "= 1.39 nats"  # the reader's unit, on pointing
    assert "This page counts in bits, the length of codewords: 1 bit = 0.693 nats." in texts(at)
    set_units(at, "bits")
    assert numbers(at) == bits
    set_language(at, "zh")
    assert at.title[0].value == "编码与采样"
    assert metrics(at)["熵 H(P)"] == "2.01 比特"
    assert "消息（120 个符号）" in texts(at)
    set_language(at, "en")
    assert numbers(at) == bits
    at.switch_page("pages/lessons/information.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert numbers(at) == bits


def test_link_round_trip():
    at = press(opened(), "fifty")
    set_number(at, "length", 77)
    set_choice(at, "n", 1_000)
    link = link_of(at)
    assert link["preset"] == "fifty" and link["length"] == "77" and link["n"] == "1000"
    fresh = open_link(PAGE, link)
    assert not fresh.exception
    assert numbers(fresh) == numbers(at)


def test_bad_link_is_reported_and_defaults_kept():
    at = open_link(PAGE, {"length": "abc", "n": "7", "source": "nope", "theta": "0.3",
                          "mle_n": "99999", "zzz": "1", "done": link_of(opened())["done"]})
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    for field in ("length", "n", "source", "theta", "mle_n", "zzz"):
        assert fmt.text(field) in warning  # reader text is shown escaped (mle\\_n)
    assert "The message (40 symbols)" in texts(at)


def test_presets_alone_equal_presets_after_others():
    alone = numbers(press(opened(), "ties"))
    at = press(opened(), "ruled_out")
    set_number(at, "length", 300)
    set_choice(at, "theta", 0.01)
    set_number(at, "mle_n", 9)
    assert numbers(press(at, "ties")) == alone


def test_reads_the_explorers_table_and_escapes_labels():
    at = answered(open_page("pages/lessons/explorer.py"), "codes")
    edit_table(at, "explorer.table", edited={0: {"label": "<b>x</b> **y**", "P": "0.5"},
                                             1: {"P": "0.5"}, 2: {"P": "0"}, 3: {"P": "0"}})
    at.switch_page(PAGE).run()
    assert not at.exception
    assert metrics(at)["Entropy H(P)"] == "1 bit"
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
    assert not any(w.key == "_cp.pick.codes.code_length" for w in edit_table_at.number_input)
    assert any("adds up to" in e.value for e in edit_table_at.error)


# ---- Issue 20: prose, numbers and statements that depend on a condition ---------------------

def test_visible_prose_fits():
    at = open_page(PAGE)
    before = word_count(visible_prose(at))
    assert before <= MAX_WORDS, before
    answer_both(at)
    after = word_count(visible_prose(at))
    assert before < after <= MAX_WORDS, after


def test_the_opening_needs_no_visit_to_the_explorer():
    """The codes page comes before the explorer: its first lines say what P and Q are and
    where they are edited (the next page), and nothing says the reader has been there."""
    for lang, lead, link in (
            ("en", "set your own P and Q on the next page, the P vs Q explorer",
             "P vs Q explorer"),
            ("zh", "或在下一页“P 与 Q 对比”中设定你自己的 P 和 Q", "P 与 Q 对比")):
        at = open_page(PAGE)
        if lang == "zh":
            set_language(at, "zh")
        assert lead in at.markdown[1].value
        # Link texts are the menu's page names (issue 22).
        assert [x.proto.page_link.label if hasattr(x.proto, "page_link") else x.proto.label
                for x in at.get("page_link")][0] == link
        every = texts(at) + " ".join(x.value for e in at.expander for x in e.markdown)
        assert not re.search(r"just used|you used|already|刚才|刚刚", every)
        assert "in the explorer" not in every


def test_one_event_says_no_rounding_loss_only_when_lengths_are_ideal():
    """Issue 20, item 1: "nothing is lost to rounding" must follow L = H, not the form of the
    probabilities (one event: every p is a power of ½, yet L = 1 bit against H = 0)."""
    at = answer_both(press(open_page(PAGE), "one"), own=1.0, other="same")
    text = texts(at)
    assert "nothing is lost to rounding" not in text
    assert "exactly KL(P‖Q) = 0 bits: here rounding to whole bits adds the same to both codes" \
        in text
    # Item 8: the one bit is the page's convention, said as one.
    assert "That is a convention of this page" in text
    assert "the empty codeword is a valid prefix code too" in text
    assert "a code needs at least one bit per symbol" not in text
    assert "this page's one-bit convention" in text
    assert "Right." in feedback(at)


def test_miller_madow_sentence_follows_the_numbers():
    """Issue 20, item 2: (K − 1)/(2n) is the bias only when every n·pᵢ is large. At "tiny p"
    the exact bias is about 1e−10 nats and the sentence says the formula does not apply."""
    at = press(open_page(PAGE), "tiny")
    set_number(at, "mle_n", 2000)
    p = CODE_EXAMPLES["tiny"].p
    exact = info.entropy(p, 2) - sampling.expected_plugin_entropy(p, 2000, 2)
    rule = sampling.first_order_bias(p, 2000, 2)
    assert 1e-10 < exact < 3e-10 and rule > 1e-3
    text = texts(at)
    assert (f"The exact bias is {fmt.short(exact)} bits. The first-order (K − 1)/(2n) nats "
            f"= {fmt.short(rule)} bits needs every n·pᵢ large; here the smallest is 2e−9, "
            f"and it gives {fmt.short(rule / exact)} times the exact bias.") in text
    assert "within 10%" not in text
    assert "much larger than the K possible events" not in texts(at) + " ".join(
        x.value for e in at.expander for x in e.markdown)
    press(at, "animals")
    set_number(at, "mle_n", 100)
    text = texts(at)
    assert "is within 10% of it here (smallest n·pᵢ: 12.5)" in text


def test_numbers_have_three_significant_digits(animals):
    """One format per kind of quantity: no "2.0000 bits" on screen."""
    at = answer_both(animals)
    main = at.main
    shown = " ".join([x.value for x in list(main.markdown) + list(main.caption)]
                     + [m.value for m in main.metric])
    numbers = re.findall(r"(\d+\.\d+) bits", shown)
    assert numbers and all(len(x.replace(".", "").lstrip("0")) <= 3 for x in numbers), numbers
    assert all(len(m.value) <= 10 for m in at.metric), [m.value for m in at.metric]


# ---- Checkpoints -----------------------------------------------------------------------------

def test_code_length_right_and_wrong_in_both_languages():
    at = press(open_page(PAGE), "skewed")
    assert "P's Huffman code" not in metrics(at)
    predict(at, "codes", "code_length", 3.0)
    assert "Not quite: you said 3" in feedback(at)
    assert "It spends L = 2.05 bits per symbol against H(P) = 2.01 bits" in feedback(at)
    assert metrics(at)["P's Huffman code"] == "2.05 bits"  # now shown
    at.button(key="_cp.again.codes.code_length").click().run()
    predict(at, "codes", "code_length", 2.0)
    assert "Right." in feedback(at)
    set_language(at, "zh")
    assert "答对了" in feedback(at)
    press(at, "fifty")  # other inputs: a new question
    assert any("输入已改变" in i.value for i in at.info)
    assert "P 的哈夫曼码" in metrics(at)  # answered once: the numbers stay
    predict(at, "codes", "code_length", 1.0)
    assert "不太对" in feedback(at)


def test_wrong_code_right_and_wrong_in_both_languages():
    at = press(open_page(PAGE), "animals")
    set_language(at, "zh")
    predict(at, "codes", "wrong_code", "fewer")
    assert "不太对" in feedback(at) and "多出 0.625 比特" in feedback(at)
    at.button(key="_cp.again.codes.wrong_code").click().run()
    predict(at, "codes", "wrong_code", "more")
    assert "答对了" in feedback(at)
    set_language(at, "en")
    assert "Right." in feedback(at)
    press(at, "one")  # P = Q: the same length
    predict(at, "codes", "wrong_code", "more")
    assert "Not quite" in feedback(at)


def test_checkpoints_read_the_explorers_table():
    at = open_page("pages/lessons/explorer.py")
    edit_table(at, "explorer.table", edited={0: {"P": "0.5", "Q": "0.5"},
                                             1: {"P": "0.5", "Q": "0.5"},
                                             2: {"P": "0", "Q": "0"}, 3: {"P": "0", "Q": "0"}})
    at.switch_page(PAGE).run()
    predict(at, "codes", "code_length", 1.0)
    predict(at, "codes", "wrong_code", "same")
    assert feedback(at).count("Right.") == 2


def test_progress_survives_language_a_page_visit_and_a_link():
    at = press(open_page(PAGE), "animals")
    predict(at, "codes", "code_length", 1.75)
    predict(at, "codes", "wrong_code", "fewer")
    assert at.caption[0].value.endswith("checkpoints answered: 2 of 2")
    set_language(at, "zh")
    at.switch_page("pages/lessons/information.py").run()
    at.switch_page(PAGE).run()
    assert at.caption[0].value.endswith("已回答检查点：2 / 2")
    link = link_of(at)
    assert link["done"] == "---rw"
    fresh = open_link(PAGE, link)
    assert not fresh.exception
    assert fresh.caption[0].value.endswith("已回答检查点：2 / 2")
    assert "P 的哈夫曼码" in metrics(fresh)  # answered before: the numbers show


def test_charts_tell_their_series_apart_without_colour():
    """Issue 22: dashes, shapes and direct labels besides colour; dark axis text."""
    import json

    from lib import charts, charts_codes
    r = sampling.running_averages(CODE_EXAMPLES["animals"].p, CODE_EXAMPLES["animals"].q, 500)
    names = {"info_p": "avg → H(P)", "info_q": "avg → H(P,Q)", "log_ratio": "avg → KL(P‖Q)"}
    ends = charts_codes.running_chart_data(r.table, r.exact, names)["ends"]
    assert ends["label"].tolist() == ["H(P)", "H(P,Q)", "KL(P‖Q)"]
    assert ends["n"].tolist() == [500.0] * 3
    text = {k: k for k in ("x", "y", "quantity", "mean", "se", "exact", "n", "estimator",
                           "bias", "row", "part", "value", "total", "h", "kl", "round")}
    spec = json.dumps(charts.compile_spec(charts_codes.running_chart, text=text,
                                          names=tuple(names.values()),
                                          colors=("#000", "#111", "#222")))
    assert '"strokeDash"' in spec and '"ends"' in spec and charts_codes.TEXT_COLOR in spec
    spec = json.dumps(charts.compile_spec(charts_codes.bias_chart, text=text, names=("a", "b")))
    assert '"shape"' in spec and '"square"' in spec
    spec = json.dumps(charts.compile_spec(charts_codes.identity_bars, text=text))
    assert '"strokeDash"' in spec and '"label"' in spec


def test_a_certain_event_under_q_alone_is_not_called_h_zero():
    """Q certain, P not: the note speaks of Q's codes, not of an entropy of 0."""
    at = open_page("pages/lessons/explorer.py")
    edit_table(at, "explorer.table", edited={0: {"P": "0.5", "Q": "1"}, 1: {"P": "0.5", "Q": "0"},
                                             2: {"P": "0", "Q": "0"}, 3: {"P": "0", "Q": "0"}})
    at.switch_page(PAGE).run()
    text = texts(at)
    assert "Q gives one event probability 1: Q's codes give it the codeword “0”" in text
    assert "although H = 0 bits" not in text
    assert "H(P̂) comes out low on average" in text
    one = press(open_page(PAGE), "one")
    assert "every sample's frequencies are P itself: H(P̂) = H(P) = 0" in texts(one)
    assert "comes out low on average" not in texts(one)


def test_a_sample_above_h_p_is_said_to_be_one_sample():
    """The takeaway says H(P̂) comes out low on average: a shown sample whose H(P̂) is above
    H(P) is said to be one sample, with the chart's average pointed to; none is said for a
    sample below H(P)."""
    at = press(open_page(PAGE), "animals")
    high = ("This sample came out high: H(P̂) = 1.85 bits, above H(P) = 1.75 bits; the chart "
            "below averages 1,000 samples of each size.")
    assert high in [c.value for c in at.caption]  # n = 20, seed 0: 1.85 bits
    set_language(at, "zh")
    assert any(c.value.startswith("这个样本偏高了：H(P̂) = 1.85 比特") for c in at.caption)
    set_language(at, "en")
    set_number(at, "sample_seed", 1)  # the same n, another sample: 1.6 bits, below H(P)
    assert metrics(at)["H(P̂), plug-in"] == "1.6 bits"
    assert not any("came out high" in c.value for c in at.caption)
    e = sampling.estimates(CODE_EXAMPLES["animals"].p, CODE_EXAMPLES["animals"].q, 20, seed=1,
                           base=2)
    assert e.plug_in < e.entropy_p


def test_the_code_columns_come_first_on_a_phone():
    """Issue 22: the first checkpoint needs the bits of P's code; the codes come right after
    P and Q, before the ideal lengths, so that column is on a phone's screen."""
    at = open_page(PAGE)
    columns = list(at.dataframe[0].value.columns)
    assert columns[:7] == ["event", "P", "Q", "P's Huffman code", "bits (P's code)",
                           "Q's Huffman code", "bits (Q's code)"]
    assert columns[7:] == ["−log₂ p", "−log₂ q", "Q's Shannon code", "⌈−log₂ q⌉"]


def test_a_bound_that_floating_point_cannot_show_is_said_so():
    """P = (1 − 10⁻²⁴⁴, 10⁻²⁴⁴): L = 1 bit and H(P) ≈ 8e−242, so H(P) + 1 is 1.0 in floating
    point. The page must not print "L = 1 < H(P) + 1 = 1"; it says the bound holds exactly and
    why the digits cannot show it, in both languages."""
    at = open_page("pages/lessons/explorer.py")
    edit_table(at, "explorer.table", edited={0: {"P": "1"}, 1: {"P": "1e-244"}, 2: {"P": "0"},
                                             3: {"P": "0"}})
    at.switch_page(PAGE).run()
    answer_both(at, own=1.0, other="same")
    text = texts(at)
    assert not at.exception
    assert "< H(P) + 1 = 1 bits" not in text
    assert ("H(P) = 8.11e−242 ≤ L = 1 bit per symbol, and L < H(P) + 1 holds exactly, but H(P) "
            "is so small that H(P) + 1 rounds to 1 in the computer's floating-point numbers."
            ) in text
    set_language(at, "zh")
    assert "H(P) + 1 在计算机的浮点数里被舍入成 1" in texts(at)


#: Source Sans at 14 px in Chromium, the tables' font (measured with a canvas): a digit 7.0 px,
#: and a cell has 8 px of padding either side.
NUMBER_PX = {**dict.fromkeys("0123456789", 7.0), ".": 3.5, "e": 6.9, "−": 7.0, "∞": 10.9,
             "—": 11.2}
PADDING_PX = 16
#: At 1280 px beside the sidebar (browser): the code table's width, and the sample's table's.
CODE_TABLE_PX_1280, SAMPLE_TABLE_PX_1280 = 820, 319
SHORT_LABELS = {
    "en": ["event", "P", "Q", "P's Huffman", "bits", "Q's Huffman", "bits", "−log₂ p", "−log₂ q",
           "Q's Shannon", "bits"],
    "zh": ["事件", "P", "Q", "P 的哈夫曼码", "比特", "Q 的哈夫曼码", "比特", "−log₂ p", "−log₂ q",
           "Q 的香农码", "比特"]}


def column_config(frame) -> dict:
    """A shown table's ``column_config`` as Streamlit sends it to the browser."""
    return json.loads(frame.proto.columns)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_number_has_room_in_its_column(lang):
    """Browser review: after "Tiny p", Q's 1/6 showed as "0.1666…". The browser sizes a table's
    columns to its first data (the explorer's animals: 0.125 at most) and keeps those widths
    when the data changes. Every column of every table now comes with a width computed from the
    data shown, wide enough for each number; the code table's eleven columns fit beside the
    sidebar at 1280 px under short labels, each with its help, in both languages."""
    at = open_page(PAGE)
    set_language(at, lang)
    answer_both(at)  # the chart's numbers are shown too
    q = at.dataframe[0].value.columns[2]
    animals_q = column_config(at.dataframe[0])[q]["width"]
    for preset in CODE_EXAMPLES:
        press(at, preset)
        assert len(at.dataframe) >= 2
        for frame in at.dataframe:
            config = column_config(frame)
            for name in frame.value.columns:
                width = config[name]["width"]
                assert isinstance(width, int), (preset, name)
                for cell in map(str, frame.value[name]):
                    if set(cell) <= set(NUMBER_PX):
                        assert width >= PADDING_PX + sum(map(NUMBER_PX.get, cell)), (
                            preset, name, cell, width)
        code = column_config(at.dataframe[0])
        columns = list(at.dataframe[0].value.columns)
        assert [code[c].get("label", c) for c in columns] == SHORT_LABELS[lang]
        assert all(code[c].get("help") for c in columns[3:])
        assert sum(code[c]["width"] for c in columns) <= CODE_TABLE_PX_1280, preset
        sample = next(f for f in at.dataframe if f.value.columns[-1].startswith("p̂"))
        assert sum(c["width"] for k, c in column_config(sample).items()
                   if k != "_index") <= SAMPLE_TABLE_PX_1280, preset
        if preset == "tiny":
            assert at.dataframe[0].value[q].tolist() == ["0.166667"] * 6
            assert column_config(at.dataframe[0])[q]["width"] > animals_q


def test_one_bit_is_singular_in_english():
    """Review: "1 bits per symbol with P's code" (Tiny p, one event) and "1 extra bits"."""
    at = answer_both(press(opened(), "one"), own=1.0, other="same")
    text = texts(at)
    assert "1 bit per symbol with P's code" in text
    assert not re.search(r"(?<![\d.])1 (extra )?bits", text), text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_band_that_misses_its_exact_value_is_said_so(lang):
    """Review: after "Tiny p" the page said "7.21e−12 ± 0 bits (exact 2.07e−10)" under a
    takeaway saying the averages settle on H(P): no draw had produced a 10⁻¹² event. The page
    now says which band misses and why; the animals' bands hold their exact values (seed 1)."""
    at = press(opened(), "tiny")
    set_language(at, lang)
    said = " ".join(i.value for i in at.info)
    name = STRINGS["cd.q.info_p"][lang == "zh"].split(" →")[0]
    assert name in said and "10⁻¹²" in said
    press(at, "animals")
    assert "10⁻¹²" not in " ".join(i.value for i in at.info)
