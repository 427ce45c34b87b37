"""lib.losses: BRIEF values, gradients against finite differences, extreme logits, properties."""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lib import losses as L


def test_softmax_of_the_brief_logits():
    np.testing.assert_allclose(L.softmax([2.5, -1, 3.2, 0.5]),
                               [0.3145, 0.0095, 0.6334, 0.0426], atol=5e-5)


def test_single_label_example():
    assert L.categorical_cross_entropy([0, 1, 0], [0.2, 0.7, 0.1]) == pytest.approx(0.35667,
                                                                                     abs=5e-6)


def test_multi_label_example():
    terms = [L.binary_cross_entropy([y], [a]) for y, a in ((1, 0.8), (1, 0.9), (0, 0.1))]
    np.testing.assert_allclose(terms, [0.22314, 0.10536, 0.10536], atol=5e-6)
    assert L.binary_cross_entropy([1, 1, 0], [0.8, 0.9, 0.1]) == pytest.approx(0.43386,
                                                                                abs=5e-6)


def test_one_hot_cat_dog_bird():
    assert L.categorical_cross_entropy([1, 0, 0], [0.7, 0.2, 0.1]) == pytest.approx(
        -math.log(0.7))


def test_batch_is_averaged_classes_summed():
    y = np.array([[0, 1, 0], [1, 0, 0]])
    a = np.array([[0.2, 0.7, 0.1], [0.5, 0.25, 0.25]])
    assert L.categorical_cross_entropy(y, a) == pytest.approx(
        (-math.log(0.7) - math.log(0.5)) / 2)
    assert L.quadratic_cost(a, y) == pytest.approx(
        (0.5 * (0.04 + 0.09 + 0.01) + 0.5 * (0.25 + 0.0625 + 0.0625)) / 2)


def test_zero_probability_for_true_label_is_inf_no_clamp():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert L.binary_cross_entropy([1.0], [0.0]) == math.inf
        assert L.categorical_cross_entropy([0, 1], [1.0, 0.0]) == math.inf
        assert L.binary_cross_entropy([0.0], [0.0]) == 0.0  # 0 ln 0 = 0


@pytest.mark.parametrize("z", [1e4, -1e4, 800.0, -800.0, 37.0])
def test_extreme_logits_are_finite_and_exact(z):
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        # ln(1 + e^z) - y z: for y = 1 this is ln(1 + e^-z), for y = 0 it is ln(1 + e^z).
        got1 = L.binary_cross_entropy([1.0], logits=[z])
        got0 = L.binary_cross_entropy([0.0], logits=[z])
        ce = L.categorical_cross_entropy([1.0, 0.0], logits=[z, 0.0])
        s = L.sigmoid([z])
        sm = L.softmax([z, 0.0, -z])
    assert got1 == pytest.approx(max(-z, 0) + math.log1p(math.exp(-abs(z))))
    assert got0 == pytest.approx(max(z, 0) + math.log1p(math.exp(-abs(z))))
    assert ce == pytest.approx(got1)  # two-class softmax on (z, 0) is the sigmoid of z
    assert np.isfinite([got1, got0, ce]).all() and np.isfinite(s).all() and np.isfinite(sm).all()
    assert sm.sum() == pytest.approx(1.0)


def test_probability_path_rounds_to_inf_but_logits_do_not():
    # sigmoid(-40) is about 4e-18: fine as a probability; sigmoid(-800) rounds to 0.
    assert L.binary_cross_entropy([1.0], L.sigmoid([-800.0])) == math.inf
    assert L.binary_cross_entropy([1.0], logits=[-800.0]) == pytest.approx(800.0)


def finite_difference(f, z, h=1e-6):
    z = np.asarray(z, dtype=float)
    grad = np.zeros_like(z)
    for i in np.ndindex(z.shape):
        up, down = z.copy(), z.copy()
        up[i] += h
        down[i] -= h
        grad[i] = (f(up) - f(down)) / (2 * h)
    return grad


@pytest.mark.parametrize("z, y", [
    ([0.3, -1.2, 2.0], [1.0, 0.0, 1.0]),
    ([[0.3, -1.2], [4.0, -4.0]], [[1.0, 0.0], [0.0, 1.0]]),
    ([2.0], [0.3]),
])
def test_sigmoid_gradients_match_finite_differences(z, y):
    fd_q = finite_difference(lambda v: L.quadratic_cost(L.sigmoid(v), y), z)
    fd_b = finite_difference(lambda v: L.binary_cross_entropy(y, logits=v), z)
    np.testing.assert_allclose(L.quadratic_cost_grad(z, y), fd_q, rtol=1e-5, atol=1e-9)
    np.testing.assert_allclose(L.binary_cross_entropy_grad(z, y), fd_b, rtol=1e-5, atol=1e-9)


@pytest.mark.parametrize("z, y", [
    ([2.5, -1.0, 3.2, 0.5], [0, 0, 1, 0]),
    ([[2.5, -1.0, 3.2], [0.0, 1.0, -2.0]], [[0, 1, 0], [0.2, 0.3, 0.5]]),
])
def test_softmax_gradient_matches_finite_differences(z, y):
    fd = finite_difference(lambda v: L.categorical_cross_entropy(y, logits=v), z)
    np.testing.assert_allclose(L.categorical_cross_entropy_grad(z, y), fd, rtol=1e-5,
                               atol=1e-9)


def test_the_two_sigmoid_gradients_differ_by_sigma_prime():
    z, y = np.array([4.0, -4.0, 0.0]), np.array([0.0, 1.0, 1.0])
    a = L.sigmoid(z)
    np.testing.assert_allclose(L.quadratic_cost_grad(z, y),
                               L.binary_cross_entropy_grad(z, y) * a * (1 - a))


@pytest.mark.parametrize("call, message", [
    (lambda: L.binary_cross_entropy([1, 0], [0.5]), "same shape"),
    (lambda: L.binary_cross_entropy([1, 0], [0.5, 1.5]), "not a probability"),
    (lambda: L.binary_cross_entropy([1, 0]), "exactly one of"),
    (lambda: L.binary_cross_entropy([1, 0], [0.5, 0.5], logits=[0, 0]), "exactly one of"),
    (lambda: L.categorical_cross_entropy([1, 1, 0], [0.2, 0.7, 0.1]), "one-hot"),
    (lambda: L.categorical_cross_entropy([0, 1, 0], [0.2, 0.7, 0.2]), "summing to 1"),
    (lambda: L.categorical_cross_entropy([0, 2, -1], logits=[0, 0, 0]), "not a probability"),
    (lambda: L.categorical_cross_entropy_grad([0, 0], [1, 1]), "one-hot"),
    (lambda: L.binary_cross_entropy([1], logits=[math.nan]), "not finite"),
    (lambda: L.quadratic_cost([[[0.5]]], [[[1]]]), "1-D"),
    (lambda: L.quadratic_cost(["x"], [1]), "numbers only"),
])
def test_invalid_input_raises_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


logit_vectors = arrays(np.float64, st.integers(1, 8),
                       elements=st.floats(-1e4, 1e4, allow_nan=False))


@settings(max_examples=200, deadline=None)
@given(logit_vectors, st.floats(-1e3, 1e3))
def test_softmax_sums_to_one_and_is_shift_invariant(z, c):
    s = L.softmax(z)
    assert s.sum() == pytest.approx(1.0, abs=1e-12)
    assert (s >= 0).all()
    np.testing.assert_allclose(L.softmax(z + c), s, atol=1e-12)


@settings(max_examples=200, deadline=None)
@given(arrays(np.float64, st.integers(1, 8), elements=st.floats(-15, 15)),
       st.data())
def test_bce_from_logits_equals_bce_from_sigmoid(z, data):
    # Beyond |z| of about 15, 1 - σ(z) loses digits to rounding, so the probability path is
    # the inaccurate one there (see the next test); within it both must agree closely.
    y = data.draw(arrays(np.float64, z.shape, elements=st.sampled_from([0.0, 1.0])))
    from_probs = L.binary_cross_entropy(y, L.sigmoid(z))
    assert np.isfinite(from_probs)
    assert L.binary_cross_entropy(y, logits=z) == pytest.approx(from_probs, rel=1e-8,
                                                                 abs=1e-12)


def test_logits_path_stays_exact_where_probabilities_round():
    exact = 25 + math.log1p(math.exp(-25))
    assert L.binary_cross_entropy([0.0], logits=[25.0]) == pytest.approx(exact, rel=1e-15)
    assert abs(L.binary_cross_entropy([0.0], L.sigmoid([25.0])) - exact) > 1e-6


def test_binary_costs_come_from_the_one_definition_in_lib_costs(monkeypatch):
    """lib.losses and lib.curves compute the binary costs and deltas with lib.costs."""
    from lib import costs, curves

    z, y = np.array([0.3, -2.0]), np.array([1.0, 0.0])
    a = L.sigmoid(z)
    np.testing.assert_allclose(L.binary_cross_entropy_grad(z, y), costs.CrossEntropy.delta(z, a, y))
    np.testing.assert_allclose(L.quadratic_cost_grad(z, y), costs.Quadratic.delta(z, a, y))
    assert L.binary_cross_entropy(y, logits=z) == pytest.approx(
        costs.CrossEntropy.value(z, a, y).sum())
    monkeypatch.setattr(costs.CrossEntropy, "delta", staticmethod(lambda z, a, y: a * 0 + 7.0))
    monkeypatch.setattr(costs.Quadratic, "value", staticmethod(lambda z, a, y: a * 0 + 5.0))
    assert (L.binary_cross_entropy_grad(z, y) == 7.0).all()
    assert L.quadratic_cost(a, y) == 10.0
    frame = curves.binary_losses(0.0, points=5)
    assert (frame["grad_cross_entropy"] == 7.0).all() and (frame["quadratic"] == 5.0).all()
