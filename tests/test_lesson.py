"""Checkpoints (lib.lesson): each answer follows its inputs and agrees with an independent
computation; progress strings round-trip and ignore what they do not know."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special, stats

from lib import continuous, lesson
from lib.lesson import Answer, get

P, Q = [0.5, 0.25, 0.125, 0.125], [0.125, 0.5, 0.25, 0.125]


def ask(page, cid, **inputs):
    if (page, cid) == ("continuous", "reverse_fit"):  # the fit the page has searched for
        inputs["mu_q"], inputs["sd_q"] = continuous.fit_reverse(
            inputs["weights"], inputs["means"], inputs["sds"])
    return get(page, cid).answer(inputs)


def test_every_checkpoint_has_a_unique_slot_and_two_to_four_per_page():
    slots = [c.slot for c in lesson.CHECKPOINTS]
    assert len(set(slots)) == len(slots)
    for page in {c.page for c in lesson.CHECKPOINTS}:
        assert 2 <= len(lesson.by_page(page)) <= 4, page


def test_kl_direction_follows_the_inputs_and_swaps_with_them():
    a = ask("explorer", "kl_direction", p=P, q=Q, base=2)
    assert a.right == "pq"
    assert a.numbers["pq"] == pytest.approx(stats.entropy(P, Q, base=2))
    assert a.numbers["qp"] == pytest.approx(stats.entropy(Q, P, base=2))
    assert ask("explorer", "kl_direction", p=Q, q=P, base=2).right == "qp"
    assert ask("explorer", "kl_direction", p=[0.3, 0.7], q=[0.7, 0.3], base=None).right == "same"
    assert ask("explorer", "kl_direction", p=P, q=P, base=2).right == "same"


def test_bits_per_symbol_is_the_cross_entropy_in_bits():
    a = ask("explorer", "bits_per_symbol", p=P, q=Q)
    assert a.right == pytest.approx(-np.dot(P, np.log2(Q))) == pytest.approx(2.375)
    cp = get("explorer", "bits_per_symbol")
    assert cp.judge(2.2, a) and not cp.judge(2.0, a)


def test_cross_floor_is_above_unless_q_equals_p():
    assert ask("explorer", "cross_floor", p=P, q=Q, base=2).right == "above"
    assert ask("explorer", "cross_floor", p=P, q=P, base=2).right == "equal"


def test_the_wrong_code_costs_more_or_ties_and_infinity_when_q_misses_an_event():
    a = ask("codes", "wrong_code", p=P, q=Q)
    assert a.right == "more" and a.numbers["extra"] == pytest.approx(0.625)
    assert ask("codes", "wrong_code", p=P, q=P).right == "same"
    missing = ask("codes", "wrong_code", p=[0.5, 0.5], q=[1.0, 0.0])
    assert missing.right == "more" and missing.numbers["case"] == "missing"


def test_code_length_is_huffmans_and_one_event_is_the_convention_case():
    a = ask("codes", "code_length", p=P, q=Q)
    assert a.right == pytest.approx(1.75) and a.numbers["case"] == ""
    one = ask("codes", "code_length", p=[1.0], q=[1.0])
    assert one.right == 1.0 and one.numbers["h"] == 0 and one.numbers["case"] == "one_event"


@settings(max_examples=50, deadline=None)
@given(st.floats(0.001, 1.0), st.floats(0.001, 1.0))
def test_information_answers_follow_minus_log_p(p1, p2):
    rarer = ask("information", "rarer", p1=p1, p2=p2, base=2)
    expected = "same" if math.isclose(p1, p2, rel_tol=1e-12) else ("first" if p1 < p2 else "second")
    if not math.isclose(-math.log2(p1), -math.log2(p2), rel_tol=0, abs_tol=1e-9):
        assert rarer.right == expected
    both = ask("information", "together", p1=p1, p2=p2, base=None)
    assert both.right == pytest.approx(-math.log(p1) - math.log(p2))


def test_most_uncertain_is_log_k_whatever_the_table():
    a = ask("information", "most_uncertain", weights=[5, 1, 1, 1], base=2)
    assert a.right == pytest.approx(2.0)
    assert a.numbers["h"] == pytest.approx(stats.entropy([5, 1, 1, 1], base=2))
    assert ask("information", "most_uncertain", weights=[1, 1, 1], base=None).right == \
        pytest.approx(math.log(3))


def test_library_reduction_answer_quotes_sum_and_mean():
    a = ask("loss", "bce_reduction", a=[0.8, 0.9, 0.1], y=[1, 1, 0])
    assert a.right == "mean"
    assert a.numbers["mean"] == pytest.approx(0.14462, abs=1e-5)
    assert a.numbers["sum"] == pytest.approx(0.43386, abs=1e-5)


def test_mle_is_the_frequency_and_unknown_without_tosses():
    assert ask("loss", "mle", heads=7, tails=3).right == pytest.approx(0.7)
    assert ask("loss", "mle", heads=0, tails=0).right is None
    cp = get("loss", "mle")
    assert cp.judge(0.71, ask("loss", "mle", heads=7, tails=3))
    assert cp.judge(0.5, ask("loss", "mle", heads=0, tails=0)) is None


def test_logit_gradient_is_softmax_minus_one_hot():
    z = [1.0, -0.5, 2.0, 0.3]
    a = ask("loss", "logit_gradient", logits=z, true=2)
    assert a.right == pytest.approx(special.softmax(z)[2] - 1)


NEURON = dict(x=1.0, y=0.0, eta_quadratic=0.15, eta_cross_entropy=0.15, epochs=300,
              threshold=0.1)


def test_race_answers_match_the_brief_and_change_with_the_start():
    good = ask("neuron", "first_to_target", w0=0.6, b0=0.9, **NEURON)
    assert good.right == "cross_entropy"
    assert (good.numbers["cross_entropy"], good.numbers["quadratic"]) == (41, 273)
    bad = ask("neuron", "first_to_target", w0=2.0, b0=2.0, **NEURON)
    assert bad.numbers["quadratic"] == math.inf
    short = ask("neuron", "first_to_target", w0=2.0, b0=2.0, **{**NEURON, "epochs": 5})
    assert short.right == "neither"


def test_first_step_is_smaller_from_a_saturated_start():
    inputs = dict(x=1.0, y=0.0, eta_quadratic=0.15)
    assert ask("neuron", "first_step", w0=2.0, b0=2.0, **inputs).right == "smaller"
    assert ask("neuron", "first_step", w0=0.6, b0=0.9, **inputs).right == "same"
    # a = σ(0) = 1/2: the largest σ' of all, a larger step than from a = σ(1.5) ≈ 0.82
    a = ask("neuron", "first_step", w0=0.0, b0=0.0, **inputs)
    assert a.right == "larger" and a.numbers["here"] == pytest.approx(0.15 * 0.5 * 0.25)


def test_network_answers_wait_for_a_run_then_read_it():
    assert ask("network", "after_one", quadratic=[], cross_entropy=[]).right is None
    a = ask("network", "after_one", quadratic=[0.3, 0.9], cross_entropy=[0.8, 0.85])
    assert a.right == "cross_entropy" and a.numbers["cross_entropy"] == pytest.approx(80.0)
    assert ask("network", "at_the_end", quadratic=[0.3, 0.9],
               cross_entropy=[0.8, 0.85]).right == "quadratic"


def test_number_judgement_uses_the_larger_of_absolute_and_relative_tolerance():
    cp = lesson.Checkpoint("x", "y", 999, (), lambda: Answer(10.0), tolerance=0.1, relative=0.05)
    answer = cp.answer({})
    assert cp.judge(10.45, answer) and not cp.judge(10.6, answer)
    assert not cp.judge(1.0, Answer(math.inf))


@given(st.dictionaries(st.sampled_from([(c.page, c.id) for c in lesson.CHECKPOINTS]),
                       st.sampled_from(sorted(lesson.PROGRESS_MARKS))))
def test_progress_round_trips(marks):
    assert lesson.decode_progress(lesson.encode_progress(marks)) == marks


@given(st.text(max_size=300))
def test_progress_from_a_stranger_never_raises_and_keeps_known_marks_only(text):
    marks = lesson.decode_progress(text)
    assert set(marks.values()) <= set(lesson.PROGRESS_MARKS)


def test_reverse_fit_picks_a_peak_only_when_the_peaks_are_far_apart():
    far = ask("continuous", "reverse_fit", weights=[0.5, 0.5], means=[-3, 3], sds=[1, 1])
    assert far.right == "one_peak" and abs(abs(far.numbers["mu"]) - 2.9843) < 1e-3
    close = ask("continuous", "reverse_fit", weights=[0.5, 0.5], means=[-2, 2], sds=[1, 1])
    assert close.right == "between" and close.numbers["sd"] == pytest.approx(2.0470, abs=1e-3)
    assert close.numbers["forward_sd"] == pytest.approx(math.sqrt(5))
    assert close.numbers["mu"] == 0.0 and str(close.numbers["mu"]) == "0.0"  # not −5e−9, not −0


def test_reverse_fit_has_no_right_answer_for_a_single_peak():
    """Both fits sit on a single peak, so "across the peaks" and "on one peak" would both be
    right: the question waits for a P with two peaks or more."""
    one = ask("continuous", "reverse_fit", weights=[1.0], means=[0.0], sds=[1.0])
    assert one.right is None and one.numbers["peaks"] == 1
    wide = ask("continuous", "reverse_fit", weights=[0.5, 0.5], means=[-0.5, 0.5], sds=[1, 1])
    assert wide.right is None  # two components, one peak
    assert lesson.get("continuous", "reverse_fit").judge("between", one) is None


def test_entropy_sign_changes_at_one_over_root_two_pi_e():
    edge = 1 / math.sqrt(2 * math.pi * math.e)
    assert ask("continuous", "entropy_sign", sd=0.1, base=2).right == "negative"
    assert ask("continuous", "entropy_sign", sd=edge * 1.01, base=None).right == "positive"
    assert ask("continuous", "entropy_sign", sd=1.0, base=None).numbers["h"] == \
        pytest.approx(stats.norm(0, 1).entropy())


def test_held_out_turn_reads_the_curve():
    assert ask("compression", "held_out_turn", held_bits=[4.8, 3.7, 3.1, 3.0, 3.4, 4.1]).right \
        == "turns_up"
    falling = ask("compression", "held_out_turn", held_bits=[4.8, 3.7, 3.1, 3.0, 2.9, 2.8])
    assert falling.right == "keeps_falling" and falling.numbers["best"] == 5


def test_huffman_against_the_arithmetic_code():
    from lib import text
    train = "abracadabra " * 20
    held = "abracadabra cadabra abra"
    coded = len(text.encode(held, train, 1))
    assert ask("compression", "huffman_vs_arithmetic", huffman=coded + 5, coded=coded).right \
        == "more"
    assert ask("compression", "huffman_vs_arithmetic", huffman=coded - 5, coded=coded).right \
        == "fewer"


def test_absolute_report_is_an_end_and_any_at_one_half():
    assert ask("calibration", "absolute_report", p=0.7).right == "q_extreme"
    assert ask("calibration", "absolute_report", p=0.5).right == "any"
    assert ask("calibration", "absolute_report", p=0.3).numbers["m"] == "0"


def test_smoothing_gap_is_log_of_the_target_ratio_and_unknown_at_zero():
    assert ask("calibration", "smoothing_gap", k=10, eps=0.1).right == pytest.approx(math.log(91))
    assert ask("calibration", "smoothing_gap", k=10, eps=0.0).right is None


def test_confidence_follows_the_fitted_temperature():
    assert ask("calibration", "confidence", temperature=1.32).right == "over"
    assert ask("calibration", "confidence", temperature=0.88).right == "under"
    assert ask("calibration", "confidence", temperature=1.01).right == "level"
    assert ask("calibration", "confidence", temperature=None).right is None
