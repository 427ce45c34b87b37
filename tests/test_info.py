"""lib.info: worked examples from the brief, conventions, errors, and the laws as properties."""

import math
import warnings

import numpy as np
import pytest
import scipy.stats
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from lib import info
from lib.info import DistributionError

LN2 = math.log(2)


# ---- Worked examples (BRIEF section 2) -------------------------------------------------------

def test_four_animals_in_bits():
    p, q = (1 / 2, 1 / 4, 1 / 8, 1 / 8), (1 / 8, 1 / 2, 1 / 4, 1 / 8)
    assert info.entropy(p, 2) == pytest.approx(1.75, abs=1e-12)
    assert info.entropy(q, 2) == pytest.approx(1.75, abs=1e-12)
    assert info.cross_entropy(p, q, 2) == pytest.approx(2.375, abs=1e-12)
    assert info.cross_entropy(q, p, 2) == pytest.approx(2.25, abs=1e-12)
    assert info.kl_divergence(p, q, 2) == pytest.approx(0.625, abs=1e-12)
    assert info.kl_divergence(q, p, 2) == pytest.approx(0.5, abs=1e-12)


def test_one_hot_cat_dog_bird():
    p, q = (1, 0, 0), (0.7, 0.2, 0.1)
    assert info.kl_divergence(p, q) == pytest.approx(0.35667, abs=5e-6)
    assert info.cross_entropy(p, q) == pytest.approx(-math.log(0.7), rel=1e-12)
    assert info.kl_divergence(p, q, 2) == pytest.approx(0.51457, abs=5e-6)
    assert info.entropy(p) == 0.0


def test_single_label_classification_loss():
    assert info.cross_entropy((0, 1, 0), (0.2, 0.7, 0.1)) == pytest.approx(0.35667, abs=5e-6)


def test_coin_seven_heads_minimum_nll():
    freq = (0.7, 0.3)
    assert info.entropy(freq) == pytest.approx(0.61086, abs=5e-6)
    assert info.entropy(freq, 2) == pytest.approx(0.88129, abs=5e-6)
    thetas = np.linspace(0.01, 0.99, 99)
    nll = [info.cross_entropy(freq, (th, 1 - th)) for th in thetas]
    assert thetas[int(np.argmin(nll))] == pytest.approx(0.7)


def test_binary_entropy_of_fair_coin_is_one_bit():
    assert info.entropy((0.5, 0.5), 2) == pytest.approx(1.0, abs=1e-15)


def test_information_content_additivity_and_16_bit_number():
    i = info.information_content([1 / 8, 1 / 4, 1 / 2], base=2)
    np.testing.assert_allclose(i, [3, 2, 1], atol=1e-15)
    assert i[0] == pytest.approx(i[1] + i[2], abs=1e-15)
    assert float(info.information_content(2.0 ** -16, base=2)) == pytest.approx(16, abs=1e-12)


# ---- Conventions -------------------------------------------------------------------------------

def test_information_content_of_zero_and_one():
    out = info.information_content([0.0, 1.0])
    assert out[0] == math.inf and out[1] == 0.0 and not np.signbit(out[1])


def test_zero_log_zero_is_zero():
    assert info.entropy([0.0, 1.0]) == 0.0
    assert info.cross_entropy([0.0, 1.0], [0.0, 1.0]) == 0.0
    assert info.kl_divergence([0.0, 1.0], [0.5, 0.5], 2) == pytest.approx(1.0)


def test_q_zero_where_p_positive_is_inf_without_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise"):
            assert info.cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf
            assert info.kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf
            assert info.information_content([0.0])[0] == math.inf
            terms = info.event_terms([0.5, 0.5], [1.0, 0.0])
    assert terms["kl_term"].iloc[1] == math.inf
    assert not terms.isna().any().any()


def test_units_and_bases():
    p = (0.2, 0.3, 0.5)
    nats = info.entropy(p)
    assert info.entropy(p, 2) == pytest.approx(nats / LN2, rel=1e-14)
    assert info.entropy(p, 10) == pytest.approx(nats / math.log(10), rel=1e-14)
    assert info.entropy(p, math.e) == pytest.approx(nats, rel=1e-14)
    assert info.log_factor(2) == pytest.approx(1.4427, abs=1e-4)
    for bad in (1, 0, -2, math.inf, math.nan, "two"):
        with pytest.raises(ValueError):
            info.entropy(p, bad)


def test_no_silent_renormalisation():
    with pytest.raises(DistributionError) as err:
        info.entropy([1, 1, 1, 1])
    assert err.value.code == "sum" and err.value.value == 4
    assert info.entropy(info.normalize([1, 1, 1, 1])) == pytest.approx(math.log(4))


def test_sum_tolerance_is_relative_1e_9():
    info.as_distribution([0.5, 0.5 + 9e-10])
    with pytest.raises(DistributionError):
        info.as_distribution([0.5, 0.5 + 2e-9])


@pytest.mark.parametrize("values, code, index, message", [
    ([0.5, 0.6, -0.1], "negative", 2, "Q[2] is negative (-0.1)"),
    ([0.5, math.nan, 0.5], "not_finite", 1, "Q[1] is not a finite number (nan)"),
    ([0.5, math.inf], "not_finite", 1, "Q[1] is not a finite number (inf)"),
    ([], "empty", None, "Q must have at least one event"),
    ([[0.5, 0.5]], "not_1d", None, "Q must be one-dimensional, got shape (1, 2)"),
    (["a", "b"], "not_number", None, "Q must contain numbers only"),
    ([0.3, 0.3], "sum", None, "Q sums to 0.6, not 1"),
])
def test_errors_name_array_position_and_value(values, code, index, message):
    with pytest.raises(DistributionError) as err:
        info.as_distribution(values, "Q")
    assert str(err.value) == message
    assert err.value.code == code and err.value.name == "Q" and err.value.index == index


def test_pair_errors_name_p_or_q():
    with pytest.raises(DistributionError, match=r"^Q\[1\] is negative"):
        info.kl_divergence([0.5, 0.5], [1.5, -0.5])
    with pytest.raises(DistributionError, match=r"^P sums to"):
        info.cross_entropy([0.5, 0.4], [0.5, 0.5])
    with pytest.raises(DistributionError) as err:
        info.cross_entropy([1.0], [0.5, 0.5])
    assert err.value.code == "length"


def test_distribution_error_is_value_error():
    assert issubclass(DistributionError, ValueError)


def test_normalize():
    np.testing.assert_allclose(info.normalize([3, 1]), [0.75, 0.25])
    np.testing.assert_allclose(info.normalize([1e308, 1e308]), [0.5, 0.5])
    for bad, code in (([0, 0], "all_zero"), ([1, -1], "negative"), ([1, math.inf], "not_finite"),
                      ([], "empty")):
        with pytest.raises(DistributionError) as err:
            info.normalize(bad)
        assert err.value.code == code


def test_information_content_rejects_non_probabilities():
    with pytest.raises(DistributionError):
        info.information_content([1.5])
    with pytest.raises(DistributionError):
        info.information_content([-0.1])


def test_event_terms_add_up():
    p, q = (0.5, 0.25, 0.125, 0.125), (0.125, 0.5, 0.25, 0.125)
    terms = info.event_terms(p, q, 2)
    np.testing.assert_allclose(terms["info_p"], [1, 2, 3, 3])
    np.testing.assert_allclose(terms["info_q"], [3, 1, 2, 3])
    np.testing.assert_allclose(terms["cross_entropy_term"],
                               terms["entropy_term"] + terms["kl_term"], atol=1e-15)
    assert terms["entropy_term"].sum() == pytest.approx(1.75)
    assert terms["kl_term"].sum() == pytest.approx(0.625)


def test_compare_and_residual():
    c = info.compare((0.5, 0.5), (0.9, 0.1), 2)
    assert abs(c.residual) < 1e-15
    c = info.compare((0.5, 0.5), (1.0, 0.0), 2)
    assert c.ce_pq == c.kl_pq == math.inf and math.isnan(c.residual)


def test_blend_and_blend_curve():
    p, q = (0.5, 0.25, 0.125, 0.125), (0.125, 0.5, 0.25, 0.125)
    np.testing.assert_allclose(info.blend(p, q, 0), q)
    np.testing.assert_allclose(info.blend(p, q, 1), p)
    curve = info.blend_curve(p, q, 2, points=11)
    assert curve["cross_entropy"].iloc[0] == pytest.approx(2.375)
    assert curve["cross_entropy"].iloc[-1] == pytest.approx(1.75)
    assert curve["kl"].iloc[-1] == pytest.approx(0.0, abs=1e-15)
    assert (np.diff(curve["kl"]) <= 1e-15).all()  # KL(P||Q_t) is convex, 0 at t=1: falls
    with pytest.raises(ValueError):
        info.blend(p, q, 1.5)


def test_blend_curve_infinite_only_at_start():
    curve = info.blend_curve((0.5, 0.5), (1.0, 0.0))
    assert curve["cross_entropy"].iloc[0] == math.inf
    assert np.isfinite(curve["cross_entropy"].iloc[1:]).all()


def test_million_events_vectorised():
    rng = np.random.default_rng(0)
    p = info.normalize(rng.random(1_000_000))
    q = info.normalize(rng.random(1_000_000))
    assert info.kl_divergence(p, q) == pytest.approx(scipy.stats.entropy(p, q), rel=1e-12)
    assert info.entropy(p) == pytest.approx(scipy.stats.entropy(p), rel=1e-12)


# ---- Laws (hypothesis) -------------------------------------------------------------------------

weights = st.lists(st.floats(0, 1e3, allow_nan=False), min_size=1, max_size=40)


@st.composite
def pairs(draw, positive_q=False):
    w = draw(weights)
    assume(sum(w) > 1e-6)
    lo = 1e-3 if positive_q else 0.0
    v = draw(st.lists(st.floats(lo, 1e3, allow_nan=False), min_size=len(w), max_size=len(w)))
    assume(sum(v) > 1e-6)
    return info.normalize(w), info.normalize(v)


@settings(max_examples=300, deadline=None)
@given(pairs())
def test_identity_cross_entropy_is_entropy_plus_kl(pq):
    p, q = pq
    ce, h, kl = info.cross_entropy(p, q), info.entropy(p), info.kl_divergence(p, q)
    if math.isinf(ce):
        assert math.isinf(kl)
    else:
        assert ce == pytest.approx(h + kl, rel=1e-9, abs=1e-12)


@settings(max_examples=300, deadline=None)
@given(pairs())
def test_gibbs_inequality(pq):
    p, q = pq
    assert info.kl_divergence(p, q) >= 0.0
    assert info.kl_divergence(p, p) == pytest.approx(0.0, abs=1e-12)


@settings(max_examples=300, deadline=None)
@given(weights)
def test_entropy_bounds(w):
    assume(sum(w) > 1e-6)
    p = info.normalize(w)
    n = len(p)
    assert -1e-12 <= info.entropy(p) <= math.log(n) + 1e-12
    assert info.entropy(np.full(n, 1 / n)) == pytest.approx(math.log(n), rel=1e-12, abs=1e-15)


@settings(max_examples=200, deadline=None)
@given(pairs(positive_q=True))
def test_agrees_with_scipy(pq):
    p, q = pq
    for base in (None, 2, 10):
        assert info.entropy(p, base) == pytest.approx(scipy.stats.entropy(p, base=base),
                                                      rel=1e-12, abs=1e-14)
        assert info.kl_divergence(p, q, base) == pytest.approx(
            scipy.stats.entropy(p, q, base=base), rel=1e-12, abs=1e-14)


@settings(max_examples=200, deadline=None)
@given(pairs(), st.sampled_from([2, 10, 3.5, 0.5]))
def test_unit_conversion(pq, base):
    p, q = pq
    factor = 1 / math.log(base)
    assert info.entropy(p, base) == pytest.approx(info.entropy(p) * factor, rel=1e-12, abs=1e-15)
    ce = info.cross_entropy(p, q)
    assert info.cross_entropy(p, q, base) == pytest.approx(ce * factor, rel=1e-12, abs=1e-15)
