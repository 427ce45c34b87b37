"""lib.coding: worked examples (BRIEF §2), edge cases, errors, and the coding laws as properties."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lib import coding, info
from lib.cases import Case
from lib.coding import CodingError, DecodeError, NoCodewordError
from lib.info import DistributionError

P4 = (1 / 2, 1 / 4, 1 / 8, 1 / 8)
Q4 = (1 / 8, 1 / 2, 1 / 4, 1 / 8)


def kraft_exact(lengths) -> Fraction:
    return sum((Fraction(1, 2 ** int(n)) for n in lengths if n >= 0), Fraction(0))


# ---- Worked examples -------------------------------------------------------------------------

def test_dyadic_p_huffman_lengths_match_information_content():
    code = coding.huffman_code(P4)
    assert code == ["0", "10", "110", "111"]
    assert coding.code_lengths(code).tolist() == [1, 2, 3, 3]
    assert coding.expected_length(P4, coding.code_lengths(code)) == 1.75
    assert coding.expected_length(P4, coding.code_lengths(code)) == pytest.approx(
        info.entropy(P4, 2), abs=1e-12)


def test_q_code_under_p_costs_cross_entropy_and_the_extra_is_kl():
    q_code = coding.huffman_code(Q4)
    assert coding.code_lengths(q_code).tolist() == [3, 1, 2, 3]
    assert coding.shannon_lengths(Q4).tolist() == [3, 1, 2, 3]
    l_q = coding.expected_length(P4, coding.code_lengths(q_code))
    l_p = coding.expected_length(P4, coding.code_lengths(coding.huffman_code(P4)))
    assert l_q == 2.375
    assert l_q == pytest.approx(info.cross_entropy(P4, Q4, 2), abs=1e-12)
    assert l_q - l_p == 0.625
    assert l_q - l_p == pytest.approx(info.kl_divergence(P4, Q4, 2), abs=1e-12)


def test_shannon_lengths_are_exact_at_powers_of_two():
    assert coding.shannon_lengths([1 / 8, 7 / 8]).tolist() == [3, 1]
    for k in range(1, 70):
        q = math.ldexp(1.0, -k)
        assert coding.shannon_lengths([q, 1 - q]).tolist()[0] == k
        below = np.nextafter(q, 0.0)
        assert coding.shannon_lengths([below, 1 - below]).tolist()[0] == k + 1
    assert coding.shannon_lengths([0.1, 0.2, 0.7]).tolist() == [4, 3, 1]
    assert coding.shannon_lengths([1.0, 0.0]).tolist() == [0, -1]


def test_ties_are_broken_deterministically_earlier_events_shorter():
    assert coding.huffman_code([0.25] * 4) == ["00", "01", "10", "11"]
    assert coding.huffman_code([1 / 3] * 3) == ["0", "10", "11"]
    # Two optimal codes exist for these ties (lengths 1,2,3,4,4 or 2,2,2,3,3); the rule picks one.
    code = coding.huffman_code([0.4, 0.2, 0.2, 0.1, 0.1])
    assert code == ["0", "10", "110", "1110", "1111"]
    assert coding.expected_length([0.4, 0.2, 0.2, 0.1, 0.1], coding.code_lengths(code)) == \
        pytest.approx(2.2, abs=1e-12)
    assert coding.huffman_code([0.4, 0.2, 0.2, 0.1, 0.1]) == code  # same call, same code


def test_one_event_gets_one_bit():
    assert coding.huffman_code([1.0]) == ["0"]
    assert coding.huffman_code([0.0, 1.0, 0.0]) == [None, "0", None]
    assert coding.expected_length([1.0], [1]) == 1.0
    assert coding.shannon_lengths([1.0]).tolist() == [0]
    assert coding.shannon_code([1.0]) == ["0"]
    assert coding.decode(coding.encode([0, 0, 0], ["0"]), ["0"]) == [0, 0, 0]


def test_fifty_equally_likely_events():
    code = coding.huffman_code(np.full(50, 0.02))
    lengths = coding.code_lengths(code)
    assert lengths.tolist() == [5] * 14 + [6] * 36
    assert kraft_exact(lengths) == 1
    assert coding.is_prefix_free(code)
    assert coding.expected_length(np.full(50, 0.02), lengths) == pytest.approx(5.72)
    assert math.log2(50) <= 5.72 < math.log2(50) + 1


def test_tiny_probabilities():
    p = np.r_[np.full(49, 1e-12), 1 - 49e-12]
    code = coding.huffman_code(p)
    assert code[-1] == "0" and coding.is_prefix_free(code)
    assert kraft_exact(coding.code_lengths(code)) == 1
    assert coding.shannon_lengths(p).tolist() == [40] * 49 + [1]
    l_h = coding.expected_length(p, coding.code_lengths(code))
    assert info.entropy(p, 2) <= l_h < info.entropy(p, 2) + 1
    message = [49, 0, 49, 48, 49]
    assert coding.decode(coding.encode(message, code), code) == message
    s_code = coding.shannon_code(p)
    assert coding.decode(coding.encode(message, s_code), s_code) == message  # 40-bit words


def test_zero_probability_events_get_no_codeword_and_infinite_length():
    p, q = [0.5, 0.5, 0.0], [0.5, 0.0, 0.5]
    q_code = coding.huffman_code(q)
    assert q_code == ["0", None, "1"]
    assert coding.shannon_lengths(q).tolist() == [1, -1, 1]
    assert coding.expected_length(p, coding.code_lengths(q_code)) == math.inf
    assert coding.expected_length(q, coding.code_lengths(q_code)) == 1.0
    with pytest.raises(NoCodewordError) as err:
        coding.encode([0, 2, 1, 1], q_code)
    assert isinstance(err.value, ValueError)
    assert (err.value.code, err.value.index, err.value.position) == ("no_codeword", 1, 2)


def test_canonical_code_and_kraft():
    assert coding.canonical_code([3, 1, 2, 3]) == ["110", "0", "10", "111"]
    assert coding.canonical_code([2, -1, 2]) == ["00", None, "01"]
    assert coding.kraft_sum([1, 2, 3, 3]) == 1.0
    with pytest.raises(CodingError) as err:
        coding.canonical_code([1, 1, 2])
    assert err.value.code == "kraft"
    with pytest.raises(CodingError) as err:
        coding.canonical_code([0, 1])
    assert err.value.code == "bad_length"


# ---- Errors ----------------------------------------------------------------------------------

@pytest.mark.parametrize("bad, code", [
    ([0.5, 0.6], "sum"), ([-0.5, 1.5], "negative"), ([], "empty"), ([[0.5, 0.5]], "not_1d"),
    (["a", "b"], "not_number"), ([math.nan, 1.0], "not_finite"),
])
def test_non_distributions_raise_distribution_error(bad, code):
    for fn in (coding.huffman_code, coding.shannon_lengths, coding.huffman_lengths):
        with pytest.raises(DistributionError) as err:
            fn(bad)
        assert err.value.code == code


def test_expected_length_checks_its_input():
    with pytest.raises(DistributionError):
        coding.expected_length([0.5, 0.6], [1, 1])
    with pytest.raises(DistributionError) as err:
        coding.expected_length([0.5, 0.5], [1, 1, 1])
    assert err.value.code == "length"


def test_encode_rejects_symbols_that_are_not_events():
    code = ["0", "10", "11"]
    for message, pos in (([0, 3], 1), ([-1], 0), ([0, 1.5], 1), (["x"], 0)):
        with pytest.raises(CodingError) as err:
            coding.encode(message, code)
        assert err.value.code == "not_event" and err.value.position == pos
    assert coding.encode([], code) == ""
    assert coding.encode(np.array([2.0, 0.0]), code) == "110"


def test_decode_reports_where_bits_fail():
    full = ["0", "10", "11"]
    with pytest.raises(DecodeError) as err:
        coding.decode("0102", full)
    assert (err.value.code, err.value.position) == ("not_binary", 3)
    with pytest.raises(DecodeError) as err:
        coding.decode("0101", full)  # ends inside "10"
    assert (err.value.code, err.value.position) == ("truncated", 3)
    shannon = coding.shannon_code([0.4, 0.35, 0.25])  # lengths 2, 2, 2: "11" starts nothing
    assert shannon == ["00", "01", "10"]
    with pytest.raises(DecodeError) as err:
        coding.decode("0011", shannon)
    assert (err.value.code, err.value.position) == ("bad_bits", 2)
    with pytest.raises(DecodeError) as err:
        coding.decode("001", shannon)
    assert (err.value.code, err.value.position) == ("truncated", 2)
    with pytest.raises(CodingError) as err:
        coding.decode("01", ["0", "01"])
    assert err.value.code == "not_prefix_free"
    assert coding.decode("", full) == []


def test_long_codewords_take_the_bit_by_bit_path():
    lengths = list(range(1, 25)) + [24]  # a complete code with 24-bit words
    code = coding.canonical_code(lengths)
    assert kraft_exact(lengths) == 1
    message = [24, 0, 23, 5, 24]
    bits = coding.encode(message, code)
    assert coding.decode(bits, code) == message
    with pytest.raises(DecodeError) as err:
        coding.decode(bits[:-1], code)
    assert err.value.code == "truncated"


def test_a_million_symbols_round_trip():
    rng = np.random.default_rng(0)
    message = rng.choice(4, size=10**6, p=P4)
    code = coding.huffman_code(P4)
    bits = coding.encode(message, code)
    assert len(bits) == int(coding.code_lengths(code)[message].sum())
    assert coding.decode(bits, code) == message.tolist()


# ---- Properties ------------------------------------------------------------------------------

weights = st.lists(st.one_of(st.just(0.0), st.floats(1e-6, 1.0)), min_size=1, max_size=30)


def distribution(w):
    w = np.asarray(w)
    if w.sum() == 0:
        w = np.r_[w[:-1], 1.0]
    return info.normalize(w)


@st.composite
def pairs(draw):
    w = draw(weights)
    v = draw(st.lists(st.one_of(st.just(0.0), st.floats(1e-6, 1.0)), min_size=len(w),
                      max_size=len(w)))
    return distribution(w), distribution(v)


@settings(max_examples=150, deadline=None)
@given(weights)
def test_huffman_is_prefix_free_complete_and_within_one_bit_of_entropy(w):
    p = distribution(w)
    code = coding.huffman_code(p)
    lengths = coding.code_lengths(code)
    assert coding.is_prefix_free(code)
    assert [c is None for c in code] == (p == 0).tolist()
    support = int(np.count_nonzero(p))
    assert kraft_exact(lengths) == (1 if support >= 2 else Fraction(1, 2))
    h = info.entropy(p, 2)
    length = coding.expected_length(p, lengths)
    if support >= 2:
        assert h - 1e-9 <= length and length - 1 < h  # not h + 1: that sum can round down
    else:
        assert (h, length) == (0.0, 1.0)


#: Found by a whole run: H(P,Q) = 1.0000000000000002 and L = 2, where 2 < H + 1 holds but the
#: float sum H + 1 rounds to 2.0; so the bound is checked as L - 1 < H (both sides exact).
_ROUNDED_SUM = (np.array([0.0, 0.0, 1.0]),
                np.array([0.25, 0.25000000000000006, 0.49999999999999994]))


@settings(max_examples=150, deadline=None)
@given(pairs())
@example(_ROUNDED_SUM)
def test_shannon_lengths_cost_cross_entropy_within_one_bit(pq):
    p, q = pq
    lengths = coding.shannon_lengths(q)
    assert kraft_exact(lengths[lengths > 0]) <= 1
    code = coding.shannon_code(q)
    assert coding.is_prefix_free(code)
    assert np.all((coding.code_lengths(code) == lengths) | (lengths == 0))
    ce = info.cross_entropy(p, q, 2)
    length = coding.expected_length(p, lengths)
    if math.isinf(ce):
        assert length == math.inf
    else:
        assert ce - 1e-9 <= length and length - 1 < ce


@settings(max_examples=100, deadline=None)
@given(pairs(), st.lists(st.integers(0, 10**6), max_size=200))
def test_decode_inverts_encode(pq, raw):
    for dist in pq:
        support = np.flatnonzero(dist)
        message = [int(support[r % support.size]) for r in raw]
        for code in (coding.huffman_code(dist), coding.shannon_code(dist)):
            bits = coding.encode(message, code)
            assert len(bits) == sum(len(code[m]) for m in message)
            assert coding.decode(bits, code) == message


# ---- A pair of codes, a message, a random word (the codes page's numbers) -------------------

def brute_length(p, code) -> float:
    """sum_i p_i len(codeword_i), ∞ for a possible event without a codeword."""
    total = 0.0
    for pi, word in zip(p, code):
        if pi > 0:
            total += math.inf if word is None else pi * len(word)
    return total


@settings(max_examples=100, deadline=None)
@given(pairs())
def test_build_codes_matches_a_direct_computation(pq):
    p, q = pq
    c = coding.build_codes(p, q)
    assert list(c.huff_p) == coding.huffman_code(p) and list(c.huff_q) == coding.huffman_code(q)
    assert c.l_p == pytest.approx(brute_length(p, c.huff_p), rel=1e-12)
    assert c.l_q == pytest.approx(brute_length(p, c.huff_q), rel=1e-12)
    shannon = [max(1, math.ceil(-math.log2(x))) if x > 0 else None for x in q]
    assert c.l_s == pytest.approx(brute_length(p, ["0" * n if n else None for n in shannon]),
                                  rel=1e-12)
    assert c.h_p == pytest.approx(-sum(x * math.log2(x) for x in p if x > 0), abs=1e-12)
    if c.kl < math.inf:
        assert c.kl == pytest.approx(sum(a * math.log2(a / b) for a, b in zip(p, q) if a > 0),
                                     abs=1e-9)
        assert c.ce == pytest.approx(c.h_p + c.kl, abs=1e-9)
    else:
        assert any(a > 0 and b == 0 for a, b in zip(p, q)) and c.ce == c.l_q == math.inf
    powers = {0.5 ** k for k in range(80)}
    assert c.dyadic == all(x in powers for x in (*p, *q) if x > 0)


def test_build_codes_worked_examples():
    c = coding.build_codes(P4, Q4)
    assert (c.l_p, c.l_q, c.l_s) == (1.75, 2.375, 2.375)
    assert c.l_q - c.l_p == pytest.approx(c.kl) and c.dyadic
    ruled_out = coding.build_codes(P4, (1 / 4, 1 / 2, 1 / 4, 0.0))
    assert ruled_out.huff_q[3] is None and ruled_out.shannon_q[3] is None
    assert ruled_out.l_q == ruled_out.l_s == ruled_out.kl == math.inf
    skewed = coding.build_codes((0.4, 0.3, 0.15, 0.1, 0.05), (0.2,) * 5)
    assert not skewed.dyadic and skewed.l_q - skewed.l_p != pytest.approx(skewed.kl)


def test_dyadic_and_split_ties():
    assert coding.is_dyadic([0.5, 0.25, 0.125, 0.125, 0.0])
    assert not coding.is_dyadic([0.4, 0.6])
    assert coding.ties_split([1 / 3] * 3)  # lengths 1, 2, 2
    assert not coding.ties_split(P4)       # the two 1/8 both get 3 bits
    assert not coding.ties_split([0.25] * 4)


@settings(max_examples=60, deadline=None)
@given(weights)
def test_ties_split_is_a_direct_comparison(w):
    p = distribution(w)
    lengths = coding.huffman_lengths(p)
    groups: dict[float, set] = {}
    for x, n in zip(p, lengths):
        if x > 0:
            groups.setdefault(x, set()).add(int(n))
    assert coding.ties_split(p) == any(len(g) > 1 for g in groups.values())


@pytest.mark.parametrize("q", [Q4, (1 / 4, 1 / 2, 1 / 4, 0.0)])
def test_encode_message_is_the_drawn_events_codewords(q):
    from lib import sampling
    c = coding.build_codes(P4, q)
    m = coding.encode_message(c, P4, 300, seed=5)
    symbols = sampling.draw(P4, 300, 5).tolist()
    assert m.symbols.tolist() == symbols
    assert m.bits_p == "".join(c.huff_p[s] for s in symbols) and m.decoded_ok_p
    if q[3] == 0:
        first = symbols.index(3)
        assert m.bits_q is None and m.missing == (3, first) and m.decoded_ok_q is None
    else:
        assert m.bits_q == "".join(c.huff_q[s] for s in symbols) and m.decoded_ok_q


def test_word_code_is_the_best_prefix_code():
    """Against every length vector a prefix code can have (Kraft) for a 2-bit word."""
    import itertools
    theta = 0.3
    p = [theta ** bin(v).count("1") * (1 - theta) ** (2 - bin(v).count("1")) for v in range(4)]
    best = min(sum(pi * n for pi, n in zip(p, lengths))
               for lengths in itertools.product(range(1, 4), repeat=4)
               if sum(Fraction(1, 2 ** n) for n in lengths) <= 1)
    w = coding.word_code(theta, 2)
    assert w.l == pytest.approx(best, rel=1e-12)
    h_b = -theta * math.log2(theta) - (1 - theta) * math.log2(1 - theta)
    assert w.h == pytest.approx(2 * h_b, rel=1e-12)


def test_sixteen_bit_word_code():
    assert coding.word_code(0.5) == coding.WordCode(pytest.approx(16.0), 16.0, 16, 16)
    w = coding.word_code(0.1)
    assert w.h == pytest.approx(16 * 0.4689955935892812, rel=1e-12)
    assert round(w.l, 4) == 7.5469 and w.h <= w.l < w.h + 1
    result, saving = coding.word_cases(w)
    assert result == Case("sixteen.result", {"h": w.h, "l": w.l, "lo": w.lo, "hi": w.hi})
    assert saving.name == "sixteen.saving" and round(saving.numbers["saved"], 4) == 8.4531
    assert coding.word_cases(coding.word_code(0.5))[1] == Case("sixteen.uniform", {"l": 16})


def test_code_examples_are_distributions():
    from lib.presets import CODE_EXAMPLES
    for preset in CODE_EXAMPLES.values():
        assert len(preset.events) == len(preset.p) == len(preset.q)
        p, q = info.as_pair(preset.p, preset.q)
        assert p.sum() == pytest.approx(1) and q.sum() == pytest.approx(1)


# ---- What the codes page may say (issue 20, items 1 and 8) ----------------------------------

def test_one_event_the_one_bit_is_a_convention_and_l_reaches_h_plus_one():
    """The one-bit codeword of a certain event is a convention (an empty codeword would be a
    valid prefix code, L = 0 = H): with it L = 1 = H + 1, the one case where H ≤ L < H + 1
    fails, and the extra length of Q's code equals KL = 0 although L ≠ H."""
    c = coding.build_codes([1.0], [1.0])
    assert (c.h_p, c.l_p, c.l_q, c.kl) == (0.0, 1.0, 1.0, 0.0)
    assert c.dyadic  # every probability a power of ½ ...
    assert c.l_p != c.h_p  # ... yet something is lost to rounding
    assert coding.is_prefix_free([""])  # the empty codeword: a prefix code of one word


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 6), min_size=2, max_size=8).filter(lambda k: sum(k) > 0))
def test_dyadic_p_with_two_or_more_events_is_exactly_l_equals_h(exponents):
    """With two or more events L = H(P) exactly when every p is a power of ½ (so the codes page
    may say why when L = H; the one-event case is the exception above)."""
    raw = np.array([2.0 ** -k for k in exponents])
    p = raw / raw.sum()
    c = coding.build_codes(p, p)
    assert (abs(c.l_p - c.h_p) <= 1e-9) == coding.is_dyadic(p)


# ---- Which sentence applies to samples (the codes page's estimates and bias) ------------------

def test_sample_notes_name_unseen_events_and_a_sample_above_h():
    from lib import sampling
    animals = ((0.5, 0.25, 0.125, 0.125), (0.125, 0.5, 0.25, 0.125))
    high = sampling.estimates(*animals, 20, seed=0)  # H(P̂) = 1.846 > H(P) = 1.75
    assert coding.sample_notes(high, 1000) == (None, Case("mle.high", {
        "plug": high.plug_in, "h": high.entropy_p, "repeats": 1000}))
    assert round(high.plug_in, 4) == 1.8464
    assert coding.sample_notes(sampling.estimates(*animals, 20, seed=1), 1000) == (None, None)
    unseen, above = coding.sample_notes(sampling.estimates(*animals, 8, seed=3), 1000)
    assert unseen == Case("mle.unseen", {"k": 1, "K": 4}) and above is None
    # P certain: H(P̂) = H(P) = 0 in every sample, neither above nor short of an event.
    assert coding.sample_notes(sampling.estimates([1.0, 0.0], [0.5, 0.5], 5), 10) == (None, None)


def test_bias_cases_word_the_measured_row_and_the_exact_bias():
    from lib import sampling
    p = (0.5, 0.25, 0.125, 0.125)
    table = sampling.plugin_bias(p, [2, 20, 1000], repeats=1000, seed=0)
    measured, rule = coding.bias_cases(table, 20, 1000, sampling.bias_against_rule(p, 20))
    row = table.iloc[1]
    assert measured == Case("bias.sentence", {
        "n": 20, "plug": row.plug_in, "repeats": 1000, "bias": -row.bias, "h": row.exact,
        "se": 2 * row.plug_in_se, "mm": row.miller_madow})
    assert round(row.bias, 4) == -0.1258
    # The exact bias 0.1182 bits, (K − 1)/(2n) nats = 0.1082 bits: within 10%.
    assert rule.name == "bias.rule_holds" and rule.numbers["np"] == 2.5
    assert (round(rule.numbers["exact"], 4), round(rule.numbers["rule"], 4)) == (0.1182, 0.1082)
    # Ten samples of 1,000 from (0.9, 0.1): the average came out above H(P), by noise.
    noisy = sampling.plugin_bias([0.9, 0.1], [1000], repeats=10, seed=2)
    measured, _ = coding.bias_cases(noisy, 1000, 10, sampling.bias_against_rule([0.9, 0.1], 1000))
    assert measured.name == "bias.sentence_above" and noisy.bias[0] > 0
    assert measured.numbers["bias"] == noisy.bias[0]
    # Events of probability 1e−12: the rule is off by a factor of about 1.2e7.
    tiny = [1 - 5e-12] + [1e-12] * 5
    _, rule = coding.bias_cases(sampling.plugin_bias(tiny, [2000], repeats=10), 2000, 10,
                                sampling.bias_against_rule(tiny, 2000))
    assert rule.name == "bias.rule_fails" and f"{rule.numbers['ratio']:.3g}" == "1.25e+07"


def test_final_cases_quote_two_standard_errors_or_infinity():
    from lib import sampling
    from lib.presets import CODE_EXAMPLES
    animals, ruled_out = CODE_EXAMPLES["animals"], CODE_EXAMPLES["ruled_out"]
    r = sampling.running_averages(animals.p, animals.q, 10_000, seed=0)
    cases = coding.final_cases(r)
    assert [c.name for c in cases] == ["samples.final"] * 3
    assert [{k: round(v, 4) for k, v in c.numbers.items()} for c in cases] == [
        {"value": 1.7515, "se": 0.0166, "exact": 1.75},
        {"value": 2.369, "se": 0.0171, "exact": 2.375},
        {"value": 0.6175, "se": 0.0283, "exact": 0.625}]
    assert cases[0].numbers["se"] == 2 * r.final_se["info_p"]
    r = sampling.running_averages(ruled_out.p, ruled_out.q, 10_000, seed=0)
    assert [(c.name, c.numbers["exact"]) for c in coding.final_cases(r)][1:] == [
        ("samples.final_inf", math.inf), ("samples.final_inf", math.inf)]


def test_code_table_text_is_the_pages_table():
    p, q = [0.5, 0.25, 0.25, 0.0], [0.25, 0.25, 0.5, 0.0]
    c = coding.build_codes(p, q)
    table = coding.code_table_text(c, p, q, "no codeword")
    assert list(table) == ["p", "q", *coding.code_table(c, p, q)]
    assert table["p"] == ["0.5", "0.25", "0.25", "0"]
    assert table["info_p"] == ["1", "2", "2", "∞"]
    assert table["huff_p_len"] == ["1", "2", "2", "—"]
    assert table["huff_p"][3] == "no codeword" and table["huff_p"][0] in ("0", "1")
    assert table["shannon_q_len"] == ["2", "2", "1", "—"]  # Q gives the last event no codeword
