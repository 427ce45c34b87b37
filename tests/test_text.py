"""lib.text: the add-α character model, its cross-entropy, the arithmetic coder, Huffman per
context. Numbers are pinned on fixed test texts only (the app's prose changes as pages are
edited)."""

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lib import coding, text
from lib.cases import Case
from lib.problems import ProblemError

ASCII = "abcde \n."
CJK = "交叉熵即压缩模型文本"
EMOJI = "😀🎉👍🏽🇨🇳"
CONTROL = "\x00\x07\t\x1b"
ALPHABET = ASCII + CJK + EMOJI + CONTROL

texts = st.text(alphabet=st.sampled_from(ALPHABET), max_size=60)
# Scored texts may hold characters that the training text never has (escapes).
scored = st.text(alphabet=st.sampled_from(ALPHABET + "xyz世界🚀"), max_size=60)
orders = st.integers(min_value=0, max_value=text.MAX_ORDER)
alphas = st.one_of(st.sampled_from([0.5, 0.01, 1.0, 0.1, 3.0]),
                   st.floats(min_value=1e-3, max_value=50.0, allow_nan=False))
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def brute_force_bits(train: str, test: str, order: int, alpha: float) -> float:
    """The model read straight from its definition, one position at a time, counting every
    occurrence in ``train`` by scanning it (an independent implementation)."""
    alphabet = set(train)
    v = len(alphabet) + 1
    total = 0.0
    for i, x in enumerate(test):
        c = test[max(0, i - order):i]
        k = len(c)
        n_c = sum(1 for j in range(len(train) - k) if train[j:j + k] == c)
        if x in alphabet:
            n_cx = sum(1 for j in range(len(train) - k) if train[j:j + k + 1] == c + x)
            total -= math.log2((n_cx + alpha) / (n_c + alpha * v))
        else:
            total += -math.log2(alpha / (n_c + alpha * v)) + 21
    return total / len(test)


# ---- Cross-entropy ---------------------------------------------------------------------------

def test_worked_example_by_hand():
    # train "abab", order 0: V = 3 (a, b, escape), q(a) = (2 + 1/2) / (4 + 3/2) = 5/11.
    assert text.cross_entropy_bits("abab", "a", 0) == pytest.approx(math.log2(11 / 5))
    # order 1, "ab": q(a | "") = 5/11 (the start uses the empty context), q(b | a) = 2.5/3.5.
    assert text.cross_entropy_bits("abab", "ab", 1) == pytest.approx(
        (math.log2(11 / 5) + math.log2(3.5 / 2.5)) / 2)
    # an unseen character: its escape, 0.5 / 5.5, then 21 bits.
    assert text.cross_entropy_bits("abab", "z", 0) == pytest.approx(math.log2(11) + 21)
    assert 7 * text.cross_entropy_bits("abracadabra", "cadabra", 2) == pytest.approx(
        10.882542, abs=1e-6)
    assert 2 ** text.cross_entropy_bits("abracadabra", "cadabra", 2) == pytest.approx(
        2.9376, abs=1e-4)


@SETTINGS
@given(train=texts, test=scored.filter(bool), order=orders, alpha=alphas)
def test_cross_entropy_matches_brute_force(train, test, order, alpha):
    assert text.cross_entropy_bits(train, test, order, alpha) == pytest.approx(
        brute_force_bits(train, test, order, alpha), rel=1e-12, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(train=st.text(alphabet=st.sampled_from(ASCII + CJK + EMOJI), min_size=1, max_size=60),
       data=st.data())
def test_order_zero_with_large_alpha_tends_to_log_v(train, data):
    test = data.draw(st.text(alphabet=st.sampled_from(sorted(set(train))), min_size=1,
                             max_size=40))
    v = len(set(train)) + 1
    assert text.cross_entropy_bits(train, test, 0, 1e9) == pytest.approx(math.log2(v), abs=1e-6)
    # and it gets there from below for a text that follows its own counts
    assert text.cross_entropy_bits(train, train, 0, 1e-3) <= math.log2(v) + 1e-12


def test_surprisals_average_to_the_cross_entropy():
    train, test = "the cat sat on the mat. " * 3, "the bat sat on a hat."
    for order in range(text.MAX_ORDER + 1):
        s = text.surprisals(train, test, order, 0.1)
        assert s.shape == (len(test),)
        assert s.mean() == pytest.approx(text.cross_entropy_bits(train, test, order, 0.1))
    assert text.surprisals(train, test, 2, limit=5).shape == (5,)


PARAGRAPH = (
    "A model that has seen a text many times can predict it well, but a model that has "
    "only memorised it predicts new text badly. Counting which letter follows which "
    "pair of letters is a small model; counting which follows five letters is a large one. "
    "The large one knows its training text by heart and is surprised by almost everything "
    "else. ")


def test_order_curve_on_a_fixed_text():
    train, test = text.split_text(PARAGRAPH)
    assert (len(train), len(test)) == (270, 68)
    curve = text.order_curve(train, test, alpha=0.01)
    assert [p.order for p in curve] == list(range(6))
    for p in curve:
        assert p.train_bits == pytest.approx(text.cross_entropy_bits(train, train, p.order, 0.01))
        assert p.test_bits == pytest.approx(text.cross_entropy_bits(train, test, p.order, 0.01))
        assert p.test_perplexity == pytest.approx(2 ** p.test_bits)
        assert p.train_perplexity == pytest.approx(2 ** p.train_bits)
    train_bits = [round(p.train_bits, 3) for p in curve]
    assert train_bits == [4.164, 2.552, 0.905, 0.449, 0.413, 0.411]    # keeps falling
    assert [round(p.test_bits, 3) for p in curve] == [4.3, 4.847, 5.028, 4.557, 4.813, 4.822]
    # a larger α: the training text's own curve turns up too (α·V outweighs rare contexts)
    curve = text.order_curve(train, test, alpha=0.1)
    assert [round(p.train_bits, 3) for p in curve] == [4.165, 2.811, 1.813, 1.65, 1.686, 1.728]
    assert [round(p.test_bits, 3) for p in curve] == [4.299, 4.181, 4.397, 4.477, 4.72, 4.787]


# ---- The arithmetic coder ----------------------------------------------------------------------

@SETTINGS
@given(train=texts, message=scored, order=orders, alpha=alphas)
def test_round_trip_is_exact(train, message, order, alpha):
    bits = text.encode(message, train, order, alpha)
    assert set(bits) <= {"0", "1"}
    assert text.decode(bits, len(message), train, order, alpha) == message


@SETTINGS
@given(train=texts, message=scored.filter(bool), order=orders, alpha=alphas)
def test_length_is_within_two_bits_of_the_cross_entropy(train, message, order, alpha):
    ideal = len(message) * text.cross_entropy_bits(train, message, order, alpha)
    length = len(text.encode(message, train, order, alpha))
    assert abs(length - ideal) <= 2 + 0.001 * ideal
    # what the coder promises (lib.text.encode): at most one bit above, less than one below
    assert -1 < length - ideal <= 1 + 1e-6


def test_round_trip_of_every_kind_of_character():
    train = "Cross-entropy is compression. 交叉熵即压缩。"
    message = "Emoji 😀👍🏽🇨🇳, CJK 中文𠀀, controls \x00\x07\x1b\t\r\n, and U+10FFFF \U0010ffff."
    for order in range(6):
        for alpha in (0.5, 0.001, 7.25):
            bits = text.encode(message, train, order, alpha)
            assert text.decode(bits, len(message), train, order, alpha) == message


def test_long_text_round_trip_and_length():
    rng = np.random.default_rng(0)
    train = "".join(rng.choice(list("abcdefgh "), size=3000, p=[.3, .2, .1, .1, .1, .1, .05,
                                                                .03, .02]))
    message = "".join(rng.choice(list("abcdefgh "), size=5000))
    bits = text.encode(message, train, 3, 0.05)
    ideal = len(message) * text.cross_entropy_bits(train, message, 3, 0.05)
    assert -1 < len(bits) - ideal <= 1
    assert text.decode(bits, len(message), train, 3, 0.05) == message


def test_empty_text_and_empty_training_text():
    assert text.encode("", "abc", 2) == ""
    assert text.decode("", 0, "abc", 2) == ""
    bits = text.encode("hi", "", 3)   # V = 1: every character is an escape (0 bits) + 21 bits
    assert len(bits) == 43 and text.decode(bits, 2, "", 3) == "hi"
    assert text.cross_entropy_bits("", "hi", 0) == 21


def test_fixed_codes():
    assert text.encode("aaaa", "ab", 0) == "00001"
    assert text.encode("cadabra", "abracadabra", 2) == "10010110101"
    assert text.decode("10010110101", 7, "abracadabra", 2) == "cadabra"


def test_decoding_other_bits_gives_text_or_a_problem():
    for bits in ("", "1", "0101", "0" * 80):
        assert len(text.decode(bits, 5, "abc", 1)) == 5
    with pytest.raises(ProblemError) as err:   # the escape, then a code point above U+10FFFF
        text.decode("1" * 80, 5, "abc", 1)
    assert err.value.problems[0].code == "bad_bits"


# ---- Huffman per context -----------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(weights=st.lists(st.integers(1, 30), max_size=10), m=st.integers(0, 60),
       w=st.integers(1, 6))
def test_run_length_huffman_is_a_huffman_code(weights, m, w):
    if not weights and not m:
        return
    seen, equal = text.huffman_run_lengths(weights, m, w)
    lengths = seen + equal
    assert len(seen) == len(weights) and len(equal) == m
    assert equal == sorted(equal)
    full = [*weights, *[w] * m]
    reference = coding.huffman_lengths(np.array(full, dtype=float) / sum(full))
    # every Huffman code has the least expected length: the same as lib.coding's
    assert sum(a * b for a, b in zip(full, lengths)) == sum(
        a * int(b) for a, b in zip(full, reference))
    if len(full) > 1:
        assert sum(2.0 ** -n for n in lengths) == 1.0   # complete
    else:
        assert lengths == [1]


def test_huffman_bits_by_hand():
    # train "aab", order 0, α = 1/2: weights ×2 are a 5, b 3, escape 1: a 1 bit, b and
    # the escape 2 bits; "z" costs its escape and 21 bits.
    assert text.huffman_bits("abz", "aab", 0) == 1 + 2 + 2 + 21
    assert text.huffman_bits("aaaa", "ab", 0) == 4
    assert text.huffman_bits("cadabra", "abracadabra", 2) == 9   # below 10.88: see its docs


def test_huffman_bits_match_full_huffman_codes_per_context():
    """Each context's code built with lib.coding over all V symbols gives the same total on a
    fixed text (its ties, if any, fall the same way)."""
    train = "aaaaaaabbbbbcccd" * 2 + "abcabcaab"
    message = "abcaabdbca"
    for order in (0, 1, 2):
        got = text.huffman_bits(message, train, order, 0.3)
        alphabet = sorted(set(train))
        total = 0
        for i, x in enumerate(message):
            c = message[max(0, i - order):i]
            k = len(c)
            n = [sum(1 for j in range(len(train) - k) if train[j:j + k + 1] == c + y)
                 for y in alphabet]
            q = np.array([*n, 0], dtype=float) + 0.3
            lengths = coding.huffman_lengths(q / q.sum())
            total += int(lengths[alphabet.index(x)])
        assert got == total


# ---- Input -------------------------------------------------------------------------------------

@pytest.mark.parametrize("call, code", [
    (lambda: text.cross_entropy_bits("ab", "ab", 6), "out_of_range"),
    (lambda: text.cross_entropy_bits("ab", "ab", -1), "out_of_range"),
    (lambda: text.cross_entropy_bits("ab", "ab", 1.5), "not_integer"),
    (lambda: text.cross_entropy_bits("ab", "ab", True), "not_integer"),
    (lambda: text.cross_entropy_bits("ab", "ab", 1, 0.0), "not_positive"),
    (lambda: text.cross_entropy_bits("ab", "ab", 1, -1.0), "not_positive"),
    (lambda: text.cross_entropy_bits("ab", "ab", 1, float("inf")), "not_positive"),
    (lambda: text.cross_entropy_bits("ab", "ab", 1, float("nan")), "not_positive"),
    (lambda: text.cross_entropy_bits("ab", "ab", 1, "x"), "not_positive"),
    (lambda: text.cross_entropy_bits(b"ab", "ab", 1), "not_text"),
    (lambda: text.cross_entropy_bits("ab", None, 1), "not_text"),
    (lambda: text.cross_entropy_bits("ab", "", 1), "text_empty"),
    (lambda: text.cross_entropy_bits("a" * (text.MAX_CHARS + 1), "ab", 1), "text_too_long"),
    (lambda: text.encode(["a"], "ab", 1), "not_text"),
    (lambda: text.encode("a" * (text.MAX_CHARS + 1), "ab", 1), "text_too_long"),
    (lambda: text.decode("0120", 3, "ab", 1), "not_binary"),
    (lambda: text.decode(101, 3, "ab", 1), "not_text"),
    (lambda: text.decode("01", -1, "ab", 1), "out_of_range"),
    (lambda: text.decode("01", 2.0, "ab", 1), "not_integer"),
    (lambda: text.order_curve("", "ab"), "text_empty"),
    (lambda: text.huffman_bits("ab", "ab", 9), "out_of_range"),
])
def test_bad_input_raises_problems(call, code):
    with pytest.raises(ProblemError) as err:
        call()
    assert err.value.problems[0].code == code


def test_bits_that_name_no_character():
    # order 0 over an empty training text: every symbol is the escape; 21 ones name 0x1FFFFF.
    with pytest.raises(ProblemError) as err:
        text.decode("1" * 40, 1, "", 0)
    assert err.value.problems[0].code == "bad_bits"


def test_check_text():
    assert text.check_text("x" * 50) == []
    assert [p.code for p in text.check_text("")] == ["text_empty"]
    assert [p.code for p in text.check_text(" \n\t ")] == ["text_empty"]
    short = text.check_text("x" * 49)
    assert short[0].code == "text_too_short" and short[0].value == 49 and short[0].limit == 50
    long = text.check_text("x" * 50_001)
    assert long[0].code == "text_too_long" and long[0].value == 50_001
    assert text.check_text("😀" * 60) == []
    assert [p.code for p in text.check_text(None)] == ["not_text"]


# ---- The app's own strings as prose --------------------------------------------------------

@pytest.mark.parametrize("template, plain, gaps", [
    ("{run}: η {eta} (the book: {book})", "…: η … (the book: …)", 3),
    ("MNIST: {done}/{total} MB", "MNIST: …/… MB", 2),
    ("{n:,} images, {{not a field}}", "… images, {not a field}", 1),
    ("**Bold** and *italic*, `nn.MSELoss()`, [a link](https://x.org/a_b)",
     "Bold and italic, nn.MSELoss(), a link", 0),
    ("the error $a - y$ and the cost $C$", "the error a - y and the cost C", 0),
    (r"$\delta_h = (\delta_o W) \odot \sigma'(z_h)$ for h", "… for h", 1),
    ("so\n\n$$H_\\Delta = -\\sum_k p_k$$\n\nthen", "so\n\n…\n\nthen", 1),
    ("- **First:** one  \n- two\n1. three", "First: one\ntwo\n1. three", 0),
    ("g\\* = {gap}; p_k and q_T stay", "g* = …; p_k and q_T stay", 1),
    ("*覆盖概率质量*，第 {k} 阶", "覆盖概率质量，第 … 阶", 1),
    ("", "", 0),
])
def test_plain_text(template, plain, gaps):
    assert text.plain_text(template) == (plain, gaps)


words = st.text(alphabet=st.sampled_from("abc xyz.,;()"), max_size=12)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(words, st.sampled_from(["n", "run", "eta", "done"])), max_size=5),
       words)
def test_every_field_becomes_one_gap(parts, tail):
    out, gaps = text.plain_text("".join(f"{w}{{{name}}}" for w, name in parts) + tail)
    assert gaps == len(parts)
    assert out == ("".join(w + text.ELIDED for w, _ in parts) + tail).rstrip(" ")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(words, st.integers(0, 3)), max_size=8))
def test_prose_leaves_out_the_same_strings_in_both_languages(spec):
    pairs = [(w + " {x}" * k, "中文" + "{x}" * k) for w, k in spec]
    # a pair stays when its English string has at least 4 letters per field
    kept = [pair for pair, (w, k) in zip(pairs, spec) if sum(ch.isalpha() for ch in w) >= 4 * k]
    assert text.prose(pairs) == "\n".join(text.plain_text(en)[0] for en, _ in kept)
    assert text.prose(pairs, 1) == "\n".join(text.plain_text(zh)[0] for _, zh in kept)


def test_split_and_control_characters():
    assert text.split_text("0123456789") == ("01234567", "89")
    assert text.split_text("0123456789", 0.5) == ("01234", "56789")
    assert text.control_characters("a\tb\nc\x07\x00\x07\x85") == ["\x07", "\x00", "\x85"]
    assert text.control_characters("plain 中文 😀") == []


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), min_size=1, max_size=120), st.booleans())
def test_source_splits_and_counts_control_characters(value, pasted):
    s = text.source(value, pasted)
    if pasted and text.check_text(value):
        assert (s.train, s.held, s.split, s.controls) == (None, None, None, None)
        assert [p.code for p in s.problems] == [p.code for p in text.check_text(value)]
        return
    assert (s.train, s.held) == text.split_text(value) and s.problems == ()
    assert s.split.name == ("split" if pasted else "split.prose")
    assert s.split.numbers == {"n": len(value), "train": len(s.train), "held": len(s.held)}
    # oracle: the control characters other than tab, line feed and carriage return, counted
    count = sum(1 for ch in value if (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0)
                and ch not in "\t\n\r")
    if not pasted or count == 0:
        assert s.controls is None
    else:
        assert s.controls.name == ("controls.one" if count == 1 else "controls")
        first = next(ch for ch in value if ch in "\x00\x07\x1b")
        assert s.controls.numbers == {"n": count, "first": f"U+{ord(first):04X}"}


def test_bench_text_smoke():
    """The benchmark runs on a small text and prints its measurements (no time asserted)."""
    import subprocess
    import sys

    from tests.conftest import ROOT
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_text.py"), "-n", "2000"],
                         capture_output=True, text=True, timeout=300, check=True).stdout
    assert "round trip exact" in out and "arithmetic code" in out and "ratio" in out


def test_compress_agrees_with_the_separate_functions():
    train, message = PARAGRAPH[:250], PARAGRAPH[250:] + " 😀 new"
    for order in (0, 2, 5):
        c = text.compress(message, train, order, 0.05, shown=10)
        assert c.ideal == pytest.approx(len(message) *
                                        text.cross_entropy_bits(train, message, order, 0.05))
        assert c.bits == text.encode(message, train, order, 0.05) and c.decoded
        assert c.huffman == text.huffman_bits(message, train, order, 0.05)
        assert np.allclose(c.costs, text.surprisals(train, message, order, 0.05, limit=10))


# ---- what the curves do, and the shaded text -----------------------------------------------------

def _points(train_bits, test_bits):
    return tuple(text.OrderPoint(k, a, b) for k, (a, b) in enumerate(zip(train_bits, test_bits)))


@pytest.mark.parametrize("train,held,shape", [
    ([3, 2, 1], [5, 4, 3], ("falls", 2, "falls", 2, False)),
    ([3, 2, 2], [5, 4, 4], ("wiggles", 2, "low5", 2, False)),      # a tie at the top: no rise
    ([3, 1, 2], [5, 3, 4], ("turns", 1, "turns", 1, False)),
    ([3, 2, 1], [5, 3, 4], ("falls", 2, "turns", 1, True)),        # the training text goes on
    ([3, 2, 2.5, 2], [5, 3, 3, 4], ("wiggles", 3, "turns", 2, True)),
])
def test_curve_shape_cases(train, held, shape):
    assert tuple(vars(text.curve_shape(_points(train, held))).values()) == shape


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 20), st.floats(0, 20)), min_size=1, max_size=6))
def test_curve_shape_against_a_brute_force_reading(pairs):
    """Oracle: the lowest order found by scanning from the top down, a fall checked pairwise."""
    tr, he = [a for a, _ in pairs], [b for _, b in pairs]
    shape = text.curve_shape(_points(tr, he))
    for values, low in ((tr, shape.train_low), (he, shape.held_low)):
        assert low == next(k for k in range(len(values) - 1, -1, -1) if values[k] == min(values))
    falls = all(tr[k + 1] < tr[k] for k in range(len(tr) - 1))
    assert shape.train == ("falls" if falls else "wiggles" if shape.train_low == len(tr) - 1
                           else "turns")
    assert shape.overfit == (shape.held == "turns" and tr[-1] < tr[shape.held_low])


#: Bits per character to six decimals, as a curve's points might be (fmt.apart tells apart two
#: that differ; a difference in the 17th digit of 1e−20 it cannot show).
bits_per_char = st.floats(0, 20).map(lambda x: round(x, 6))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(bits_per_char, bits_per_char), min_size=1, max_size=6),
       st.floats(1e-3, 10), st.integers(1, 200))
# Found by a whole run: 0.125, exactly half-way, reads "0.12" (round half to even), 0.005 away
# plus the float error of 0.125 − 0.12.
@example(pairs=[(0.0, 0.125)], alpha=1.0, size=1)
def test_curve_cases_follow_the_shape(pairs, alpha, size):
    points = _points([a for a, _ in pairs], [b for _, b in pairs])
    shape = text.curve_shape(points)
    said = text.curve_cases(points, alpha, size)
    assert [c.name for c in said] == [f"train.{shape.train}", f"held.{shape.held}",
                                      *(["overfit"] if shape.overfit else [])]
    train, held = said[0].numbers, said[1].numbers
    assert (train["k"], held["k"]) == (shape.train_low, shape.held_low)
    assert train["av"] == pytest.approx(alpha * size)
    for numbers, values, low in ((train, [a for a, _ in pairs], shape.train_low),
                                 (held, [b for _, b in pairs], shape.held_low)):
        # two different numbers never read the same (lib.fmt.apart), equal ones always do
        assert (numbers["low"] == numbers["last"]) == (values[low] == values[-1])
        assert float(numbers["last"]) == pytest.approx(values[-1], abs=0.005 + 1e-12)
    if shape.overfit:
        assert said[2].numbers == {"k": shape.held_low}


def test_curve_cases_on_a_fixed_text():
    curve = text.order_curve(PARAGRAPH[:270], PARAGRAPH[270:], 0.5)
    said = text.curve_cases(curve, 0.5, len(set(PARAGRAPH[:270])) + 1)
    assert [(c.name, dict(c.numbers)) for c in said] == [
        ("train.turns", {"first": "4.17", "last": "3.25", "k": 2, "low": "3.12", "av": 15.5}),
        ("held.turns", {"k": 1, "low": "4.17", "last": "4.83"}), ("overfit", {"k": 1})]


@SETTINGS
@given(train=texts, message=scored.filter(bool), order=orders, alpha=alphas,
       preview=st.integers(1, 300))
def test_coder_cases_against_the_numbers(train, message, order, alpha, preview):
    c = text.compress(message, train, order, alpha)
    assert c.escaped == sum(1 for ch in message if ch not in set(train))
    said = text.coder_cases(c, len(message), preview)
    coded = len(c.bits)
    assert said["coded"].numbers["coded"] == coded
    # which way the code differs from −Σ log₂ q, and both numbers as the sentence quotes them
    assert said["coded"].name == ("coded" if coded >= c.ideal else "coded.fewer")
    assert float(said["coded"].numbers["ideal"].replace(",", "")) == pytest.approx(
        c.ideal, abs=0.005)
    assert float(said["coded"].numbers["diff"]) == pytest.approx(abs(coded - c.ideal),
                                                                 abs=0.005)
    if c.huffman == coded:
        assert "huffman" not in said
    else:
        more = said["huffman"].name == "huffman.more"
        assert more == (c.huffman > coded)
        bits = said["huffman"].numbers["extra" if more else "fewer"]
        diff = abs(c.huffman - coded)
        assert bits.name == ("one_bit" if diff == 1 else "n_bits")
        assert bits.numbers == ({} if diff == 1 else {"n": diff})
    assert said["decoded"] == Case("decoded", {"n": len(message)})
    assert ("escaped" in said) == (c.escaped > 0)
    assert said["preview"].name == ("preview" if coded > preview else "preview.all")


def test_shaded_text_escapes_and_shades():
    from lib.charts_text import shaded_text
    out = shaded_text("<b>\n\x07", [0.0, 6.0, 12.0, 30.0, 1.0], "bits")
    assert "&lt;" in out and "&gt;" in out and "↵<br>" in out and "U+0007" in out
    assert out.count("<span title=") == 5
    assert "rgba(106, 61, 154, 0.000)" in out and "rgba(106, 61, 154, 0.900)" in out
    assert out.count("color: #ffffff") == 2  # 12 and 30 bits: the darkest shade
    assert 'title="U+000A: 30.00 bits"' in out
