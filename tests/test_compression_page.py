"""Compression page (AppTest): every control, both languages, units, links, pasted text and
its bad input. Numbers on the app's own prose are compared with lib.text computed here (the
prose changes as pages are edited); numbers are pinned only on fixed pasted texts."""

import math

import pytest

from lib import lesson, text
from lib.charts_text import shaded_text
from tests.conftest import (answered, feedback, link_of, open_link, open_page, own_link,
                            set_language, set_units)
from tests.conftest import predict as checkpoint_predict
from tests.visible_prose import visible_texts, visible_words
from lib import fmt
from ui.strings import STRINGS

PAGE = "pages/lessons/compression.py"
PARAGRAPH = (
    "A model that has seen a text many times can predict it well, but a model that has "
    "only memorised it predicts new text badly. Counting which letter follows which "
    "pair of letters is a small model; counting which follows five letters is a large one. "
    "The large one knows its training text by heart and is surprised by almost everything "
    "else. ")
REPEATED = "the cat sat on the mat. " * 10


def opened():
    """The page in a session whose reader answered both checkpoints before: every answer
    shows."""
    return answered(open_page(PAGE), "compression")


def predict(at, cid: str, value):
    return checkpoint_predict(at, "compression", cid, value)


def prose(language: str) -> str:
    """The app's strings as the page reads them: plain prose, in key order (lib.text.prose)."""
    return text.prose((STRINGS[key] for key in sorted(STRINGS)), int(language == "zh"))


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def texts(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [e.value for e in at.info]
                     + [e.value for e in at.warning] + [e.value for e in at.success]
                     + [e.value for e in at.error] + [c.value for c in at.caption])


def run(at, widget, key, value):
    getattr(at, widget)(key=key).set_value(value).run()
    assert not at.exception, at.exception
    return at


def paste(at, value: str):
    run(at, "segmented_control", "compression.text", "paste")
    at.text_area(key="compression.paste").input(value).run()
    assert not at.exception, at.exception
    return at


def expected(train: str, held: str, order: int, alpha: float) -> dict[str, str]:
    h = text.cross_entropy_bits(train, held, order, alpha)
    tr = text.cross_entropy_bits(train, train, order, alpha)
    return {"Held-out: bits per character": fmt.num(h, 3),
            "Held-out: perplexity": fmt.num(2 ** h, 2),
            "Training: bits per character": fmt.num(tr, 3),
            "Training: perplexity": fmt.num(2 ** tr, 2),
            "n × bits per character (bits)": f"{len(held) * h:,.1f}",
            "Arithmetic code (bits)": f"{len(text.encode(held, train, order, alpha)):,}",
            "Huffman code per context (bits)":
                f"{text.huffman_bits(held, train, order, alpha):,}",
            "As stored, UTF-8 (bits)": f"{8 * len(held.encode()):,}"}


def assert_numbers(at, train, held, order, alpha):
    m = metrics(at)
    for label, value in expected(train, held, order, alpha).items():
        assert m[label] == value, label


@pytest.fixture(scope="module")
def english():
    return text.split_text(prose("en"))


def test_defaults_show_the_curve_the_coder_and_the_decoding(english):
    at = opened()
    assert at.title[0].value == "Cross-entropy is compression"
    train, held = english
    assert_numbers(at, train, held, 3, 0.01)
    all_text = texts(at)
    n = len(train) + len(held)
    assert (f"This app's strings as plain text: {n:,} characters. The first 80% "
            f"({len(train):,}) train the model") in all_text
    assert f"Decoded back: all {len(held):,} characters identical to the held-out text." \
        in all_text
    spec = at.get("vega_lite_chart")[0].proto.spec
    assert '"curve"' in spec and '"chosen"' in spec
    curve = text.order_curve(train, held, 0.01)
    # the chart's text alternative holds every point
    assert "Training text: " + " → ".join(fmt.num(p.train_bits, 2) for p in curve) in all_text
    assert "Held-out text: " + " → ".join(fmt.num(p.test_bits, 2) for p in curve) in all_text
    # the sentence about each curve is the one its numbers call for
    held_bits = [p.test_bits for p in curve]
    k = held_bits.index(min(held_bits))
    if k < 5:
        assert f"The held-out text's bits per character are lowest at order {k} (" in all_text
    else:
        assert "The held-out text's" in all_text and "at order 5" in all_text
    coded = int(metrics(at)["Arithmetic code (bits)"].replace(",", ""))
    ideal = float(metrics(at)["n × bits per character (bits)"].replace(",", ""))
    assert abs(coded - ideal) <= 2 + 0.001 * ideal
    # the takeaway names both numbers it compares, and which way they differ
    c = text.compress(held, train, 3, 0.01)
    diff = len(c.bits) - c.ideal
    assert (f"The arithmetic coder spends {len(c.bits):,} bits, {fmt.fixed(abs(diff), 2)} "
            f"{'more' if diff >= 0 else 'fewer'} than n × bits per character "
            f"({c.ideal:,.2f}): no rounding per character") in all_text
    assert ("no bits spent marking where the code ends" in all_text) == (diff < 0)
    assert "same number in a language model" in " ".join(h.value for h in at.header)
    assert "Here, at order 3:" in all_text and "nats per character" in all_text
    links = [el.proto.label for el in at.get("page_link")]
    assert "Codes & samples: Huffman codes round to whole bits" in links
    assert "P vs Q explorer: the cross-entropy of two distributions" in links


def test_order_and_alpha_controls(english):
    at = opened()
    train, held = english
    run(at, "slider", "compression.order", 5)
    assert_numbers(at, train, held, 5, 0.01)
    assert "**At order 5**" in [m.value for m in at.markdown]
    run(at, "select_slider", "compression.alpha", 0.5)
    assert_numbers(at, train, held, 5, 0.5)
    run(at, "slider", "compression.order", 0)
    assert_numbers(at, train, held, 0, 0.5)
    assert own_link(at) == {"order": "0", "alpha": "0.5"}


def test_chinese_prose():
    at = opened()
    run(at, "segmented_control", "compression.text", "zh")
    train, held = text.split_text(prose("zh"))
    assert_numbers(at, train, held, 3, 0.01)
    assert own_link(at) == {"text": "zh"}


@pytest.mark.parametrize("source", ["en", "zh"])
def test_the_app_prose_reads_as_prose(source):
    """The app's own prose, which the page trains on and shades where the model is surprised,
    holds no template field, Markdown or LaTeX mark."""
    whole = prose(source)
    for mark in ("{", "}", "$", "**", "`", "](", "\\"):
        at_mark = whole.find(mark)
        assert at_mark < 0, whole[max(0, at_mark - 40):at_mark + 40]
    at = opened()
    run(at, "segmented_control", "compression.text", source)
    train, held = text.split_text(whole)
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert shaded_text(held[:240], text.surprisals(train, held, 3, 0.01, limit=240),
                       "bits") in html


def test_language_units_other_page_and_back_keep_everything(english):
    at = opened()
    run(at, "slider", "compression.order", 2)
    before = metrics(at)
    set_language(at, "zh")
    assert at.title[0].value == "交叉熵即压缩"
    zh = {m.label: m.value for m in at.metric}
    assert zh["留出：每字符比特"] == before["Held-out: bits per character"]
    assert "解码回来" in texts(at)
    assert at.slider(key="compression.order").value == 2
    set_language(at, "en")
    set_units(at, "nats")
    assert metrics(at) == before   # the page counts in bits whatever the unit
    train, held = english
    h = text.cross_entropy_bits(train, held, 2, 0.01)
    assert (f"This page counts in bits, since a coder writes bits. In nats: "
            f"{fmt.amount(h * math.log(2), 'nats')} per character") in texts(at)
    at.switch_page("pages/lessons/explorer.py").run()
    at.switch_page(PAGE).run()
    assert metrics(at) == before


def test_link_round_trip_and_bad_links():
    at = opened()
    run(at, "segmented_control", "compression.text", "zh")
    run(at, "slider", "compression.order", 1)
    run(at, "select_slider", "compression.alpha", 2)
    link = link_of(at)
    assert own_link(at) == {"text": "zh", "order": "1", "alpha": "2"}
    fresh = open_link(PAGE, link)
    assert not fresh.exception
    assert metrics(fresh) == metrics(at)
    bad = open_link(PAGE, {"order": "9", "alpha": "0.3", "text": "fr"})
    assert not bad.exception
    warning = " ".join(w.value for w in bad.warning)
    assert "order = 9 is outside the allowed range 0 to 5" in warning
    assert "alpha = “0\\.3” is not one of the choices" in warning   # escaped for Markdown
    assert "text = “fr” is not one of the choices" in warning
    assert bad.slider(key="compression.order").value == 3


@pytest.mark.parametrize("value, message", [
    ("", "Paste a text first: the box is empty."),
    ("   \n\t  ", "Paste a text first: the box is empty."),
    ("short text", "Your text has 10 characters; paste at least 50, so that 20% of it can be "
                   "held out."),
    ("x" * 50_001, "Your text has 50,001 characters; at most 50,000 can be used. Shorten it."),
])
def test_bad_paste_gets_a_clear_message(value, message):
    at = paste(opened(), value)
    assert [w.value for w in at.warning] == [message]
    assert not at.metric and not at.get("vega_lite_chart")
    # the page still offers its links
    assert "P vs Q explorer: the cross-entropy of two distributions" in [
        el.proto.label for el in at.get("page_link")]


def test_bad_paste_in_chinese():
    at = opened()
    set_language(at, "zh")
    paste(at, "太短了")
    assert at.warning[0].value == "你的文本只有 3 个字符；请至少粘贴 50 个，这样才能留出其中的 20%。"


def test_pasted_text_exactly_50_000_characters_is_used():
    value = (PARAGRAPH * 200)[:50_000]
    at = paste(opened(), value)
    assert not at.warning
    train, held = text.split_text(value)
    assert (len(train), len(held)) == (40_000, 10_000)
    assert metrics(at)["Held-out: bits per character"] == fmt.num(
        text.cross_entropy_bits(train, held, 3, 0.01), 3)
    assert "50,000 characters" in texts(at)


def test_pasted_paragraph_numbers_and_sentences():
    at = paste(opened(), PARAGRAPH)
    train, held = text.split_text(PARAGRAPH)
    assert_numbers(at, train, held, 3, 0.01)
    m = metrics(at)
    assert m["Held-out: bits per character"] == "4.557"
    assert m["Arithmetic code (bits)"] == "310" and m["Huffman code per context (bits)"] == "301"
    all_text = texts(at)
    assert "338 characters: the first 80% (270) train the model, the last 20% (68) are held " \
        "out." in all_text
    assert "The training text's bits per character fall at every order: 4.16 → 0.41." in all_text
    assert ("The held-out text's bits per character are lowest at order 0 (4.30), then rise to "
            "4.82 at order 5."
            in all_text)
    assert "Past order 0 the model predicts its training text better" in all_text
    # Huffman beats the arithmetic code on this text: the page says so, and why
    assert "spends 9 bits fewer than the arithmetic code" in all_text
    assert "Decoded back: all 68 characters identical to the held-out text." in all_text
    # a larger α: the training text's own curve turns up too
    run(at, "select_slider", "compression.alpha", 0.5)
    all_text = texts(at)
    assert "The training text's own bits per character are lowest at order 2 (3.12) and " \
        "rise to 3.25 at order 5: the α·V = 15.5 extra counts that smoothing adds" in all_text
    assert "A Huffman code per context spends 1 bit more than the arithmetic code (+0.3%)" \
        in all_text


def test_pasted_repetitive_text_keeps_falling():
    at = paste(opened(), REPEATED)
    run(at, "select_slider", "compression.alpha", 0.001)
    train, held = text.split_text(REPEATED)
    curve = text.order_curve(train, held, 0.001)
    assert all(b.test_bits < a.test_bits for a, b in zip(curve, curve[1:]))
    assert "keep falling, to 0.16 at order 5: no overfitting up to order 5 here" in texts(at)
    assert "overfitting, seen as cross-entropy" not in texts(at)
    assert "bits more than the arithmetic code" in texts(at)


def test_a_tie_at_order_5_is_no_rise():
    value = ("Bell \x07 rings. 交叉熵即压缩：模型越好，压缩越短。Emoji 😀👍🏽🇨🇳 count as code "
             "points.\n") * 4
    at = paste(opened(), value)
    train, held = text.split_text(value)
    curve = text.order_curve(train, held, 0.01)
    assert curve[4].test_bits == curve[5].test_bits     # orders 4 and 5 predict alike here
    all_text = texts(at)
    assert ("The held-out text's bits per character are lowest at order 5 (0.30), though not "
            "falling at every order.") in all_text
    assert "then rise" not in all_text and "overfitting, seen as" not in all_text
    assert "The training text's own bits per character are lowest at order 4 (0.2025) and " \
        "rise to 0.2032 at order 5" in all_text
    assert f"All {metrics(at)['Arithmetic code (bits)']} bits" in all_text


def test_control_characters_and_emoji_are_coded():
    value = "Bell \x07 and escape \x1b in a line.\tTabs\nand 😀👍🏽🇨🇳 emoji, 中文 too. " * 3
    at = paste(opened(), value)
    assert not at.warning
    info = " ".join(i.value for i in at.info)
    assert "**6 control characters** in your text (first: U+0007)" in info
    train, held = text.split_text(value)
    assert_numbers(at, train, held, 3, 0.01)
    assert f"Decoded back: all {len(held):,} characters identical" in texts(at)
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert "U+001B" in html or "U+0007" in html or "😀" in html


def test_one_control_character():
    at = paste(opened(), PARAGRAPH + "\x00")
    assert at.info[0].value == ("**1 control character** in your text (U+0000): it is coded "
                                "like any other character.")
    assert "Decoded back: all 68 characters identical" in texts(at)


def test_paste_survives_a_language_switch_and_stays_out_of_the_link():
    at = paste(opened(), PARAGRAPH)
    before = metrics(at)["Held-out: bits per character"]
    set_language(at, "zh")
    assert {m.label: m.value for m in at.metric}["留出：每字符比特"] == before
    assert at.text_area(key="compression.paste").value == PARAGRAPH
    assert own_link(at) == {"lang": "zh", "text": "paste"}
    fresh = open_link(PAGE, {"text": "paste"})   # the text itself is not in any link
    assert fresh.warning[0].value == "Paste a text first: the box is empty."


def test_reset_returns_to_the_defaults(english):
    at = opened()
    run(at, "slider", "compression.order", 1)
    run(at, "select_slider", "compression.alpha", 5)
    at.button(key="_reset.compression").click().run()
    train, held = english
    assert_numbers(at, train, held, 3, 0.01)
    assert own_link(at) == {}


def test_one_escaped_character_is_said_in_the_singular():
    value = PARAGRAPH * 2 + "Ω. "
    at = paste(opened(), value)
    train, held = text.split_text(value)
    assert sum(ch not in set(train) for ch in held) == 1
    assert (f"1 of the {len(held):,} held-out characters never occurs in the training text: "
            "it costs its escape plus 21 bits for its code point.") in texts(at)


def test_visible_prose_fits():
    """At most 500 English words of visible prose outside expanders at the defaults, before
    the checkpoints are answered and after (tests/visible_prose.py)."""
    before, after = open_page(PAGE), open_page(PAGE)
    for cid, pick in (("held_out_turn", "keeps_falling"), ("huffman_vs_arithmetic", "same")):
        predict(after, cid, pick)          # a wrong pick: the longest feedback
    print("visible English words:", visible_words(before), visible_words(after))
    assert max(visible_words(before), visible_words(after)) <= 500, visible_texts(after)


# ---- checkpoints: the answer waits for a prediction ----------------------------------------------

def chart_series(at) -> set:
    import json
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    return set(spec["layer"][1]["encoding"]["color"]["scale"]["domain"])


@pytest.mark.parametrize("language", ["en", "zh"])
def test_held_out_curve_waits_for_a_prediction(english, language):
    train, held = english
    curve = text.order_curve(train, held, 0.01)
    right = lesson.get("compression", "held_out_turn").answer(
        {"held_bits": [p.test_bits for p in curve]}).right
    wrong = {"keeps_falling": "turns_up", "turns_up": "keeps_falling"}[right]
    for pick in (right, wrong):
        at = open_page(PAGE)
        if language == "zh":
            set_language(at, "zh")
        series = "held-out text" if language == "en" else "留出文本"
        verdict = "The held-out text's bits per" if language == "en" else "留出文本的每字符比特数"
        hold = "Answer the checkpoint above" if language == "en" else "先回答上面的检查点"
        # the overfitting explainer tells why the curve may turn up: held back as well
        why = STRINGS["tx.x.overfit"][language == "zh"]
        assert series not in chart_series(at) and verdict not in texts(at)
        assert hold in texts(at) and why not in [e.label for e in at.expander]
        predict(at, "held_out_turn", pick)
        assert series in chart_series(at) and verdict in texts(at)
        assert why in [e.label for e in at.expander]
        assert (at.success if pick == right else at.warning)
        low = min(p.test_bits for p in curve)
        assert fmt.short(low) in feedback(at)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_huffman_bits_wait_for_a_prediction(english, language):
    train, held = english
    huff = text.huffman_bits(held, train, 3, 0.01)
    coded = len(text.encode(held, train, 3, 0.01))
    right = "more" if huff > coded else "fewer" if huff < coded else "same"
    at = open_page(PAGE)
    if language == "zh":
        set_language(at, "zh")
    label = "Huffman code per context (bits)" if language == "en" else "上下文哈夫曼码（比特）"
    assert label not in metrics(at)
    assert "than the arithmetic code" not in texts(at) and "比算术编码" not in texts(at)
    predict(at, "huffman_vs_arithmetic", "same" if right != "same" else "more")
    assert metrics(at)[label] == f"{huff:,}" and at.warning
    assert f"{huff:,}" in feedback(at)
    at.button(key="_cp.again.compression.huffman_vs_arithmetic").click().run()
    predict(at, "huffman_vs_arithmetic", right)
    assert at.success
    # progress survives a language switch and a visit to another page
    set_language(at, "en" if language == "zh" else "zh")
    at.switch_page("pages/lessons/explorer.py").run()
    at.switch_page(PAGE).run()
    assert lesson.decode_progress(link_of(at)["done"])[
        ("compression", "huffman_vs_arithmetic")] == "t"
    assert any(m.label in ("Huffman code per context (bits)", "上下文哈夫曼码（比特）")
               for m in at.metric)
