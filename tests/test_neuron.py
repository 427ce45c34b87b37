"""lib.neuron: the book's numbers, gradients against finite differences, stability, vectorising."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import neuron
from lib.neuron import CrossEntropyCost, QuadraticCost, epochs_to_reach, train, train_many

# BRIEF section 4: (cost, eta, w0, b0) -> output a at epochs 0, 150, 300.
BOOK = [
    ("quadratic", 0.15, 0.6, 0.9, (0.8176, 0.1527, 0.0940)),
    ("quadratic", 0.15, 2.0, 2.0, (0.9820, 0.9334, 0.2028)),
    ("cross_entropy", 0.15, 0.6, 0.9, (0.8176, 0.0241, 0.0116)),
    ("cross_entropy", 0.15, 2.0, 2.0, (0.9820, 0.0257, 0.0120)),
    ("cross_entropy", 0.005, 0.6, 0.9, (0.8176, 0.6053, 0.4177)),
    ("cross_entropy", 0.005, 2.0, 2.0, (0.9820, 0.9282, 0.7796)),
]


@pytest.mark.parametrize("cost, eta, w0, b0, expected", BOOK)
def test_reproduces_the_book(cost, eta, w0, b0, expected):
    frame = train(w0, b0, cost=cost, eta=eta, epochs=300)
    got = frame["a"].to_numpy()[[0, 150, 300]]
    np.testing.assert_allclose(got, expected, atol=1e-4)


@pytest.mark.parametrize("w0, b0, final", [(0.6, 0.9, 0.040), (2.0, 2.0, 0.048)])
def test_book_demo_rule(w0, b0, final):
    frame = train(w0, b0, cost="book_demo", eta=0.005, epochs=300)
    assert frame["a"].iloc[-1] == pytest.approx(final, abs=5e-4)


def test_frame_shape_and_columns():
    frame = train(0.6, 0.9, cost="quadratic", eta=0.15, epochs=10)
    assert list(frame.columns) == ["epoch", "w", "b", "z", "a", "cost", "dC_dw", "dC_db"]
    assert len(frame) == 11 and frame["epoch"].tolist() == list(range(11))
    row0 = frame.iloc[0]
    assert (row0.w, row0.b, row0.z) == (0.6, 0.9, 1.5)
    # Row k+1 is row k after one gradient step.
    assert frame.w[1] == pytest.approx(0.6 - 0.15 * frame.dC_dw[0])
    assert frame.b[1] == pytest.approx(0.9 - 0.15 * frame.dC_db[0])


def test_cost_values():
    z = np.log(0.8 / 0.2)  # a = 0.8
    assert QuadraticCost.value(z, 0.0) == pytest.approx(0.32)
    assert CrossEntropyCost.value(z, 1.0) == pytest.approx(-np.log(0.8))
    assert CrossEntropyCost.value(z, 0.0) == pytest.approx(-np.log(0.2))


def test_the_one_line_difference():
    z, y = 4.0, 0.0
    a = 1 / (1 + np.exp(-z))
    assert CrossEntropyCost.delta(z, y) == pytest.approx(a - y)
    assert QuadraticCost.delta(z, y) == pytest.approx((a - y) * a * (1 - a))


@pytest.mark.parametrize("cost", [QuadraticCost, CrossEntropyCost])
@pytest.mark.parametrize("w, b, x, y", [(0.6, 0.9, 1.0, 0.0), (2.0, 2.0, 1.0, 0.0),
                                        (-1.3, 0.4, 2.5, 1.0), (0.2, -0.7, -1.5, 0.3)])
def test_gradients_match_finite_differences(cost, w, b, x, y):
    h = 1e-6
    c = lambda w_, b_: float(cost.value(w_ * x + b_, y))  # noqa: E731
    frame = train(w, b, cost=cost.name, eta=0.1, epochs=0, x=x, y=y)
    dw = (c(w + h, b) - c(w - h, b)) / (2 * h)
    db = (c(w, b + h) - c(w, b - h)) / (2 * h)
    assert frame.dC_dw[0] == pytest.approx(dw, rel=1e-6, abs=1e-9)
    assert frame.dC_db[0] == pytest.approx(db, rel=1e-6, abs=1e-9)


def test_book_demo_step_is_dC_da():
    # The rule the demo used: dC/da of the cross-entropy, (a - y) / (a (1 - a)).
    for z, y in ((0.3, 0.0), (-2.0, 1.0), (1.1, 0.25)):
        a = 1 / (1 + np.exp(-z))
        assert neuron.BookDemoRule.delta(z, y) == pytest.approx((a - y) / (a * (1 - a)))


@pytest.mark.parametrize("cost", sorted(neuron.COSTS))
@pytest.mark.parametrize("w0, b0", [(50, 50), (-50, -50), (50, -50), (-50, 50), (0, 0)])
@pytest.mark.parametrize("y", [0.0, 1.0, 0.5])
def test_stable_at_extremes(cost, w0, b0, y):
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        frame = train(w0, b0, cost=cost, eta=100.0, epochs=5000, x=1.0, y=y)
    assert np.isfinite(frame.to_numpy()).all()
    assert ((frame.a >= 0) & (frame.a <= 1)).all()


def test_train_many_equals_train():
    w0 = np.array([0.6, 2.0, -3.0, 4.0])
    b0 = np.array([0.9, 2.0, 1.5, -4.0])
    for cost in neuron.COSTS:
        many = train_many(w0, b0, cost=cost, eta=0.15, epochs=200, x=1.0, y=0.0)
        for i in range(len(w0)):
            one = train(w0[i], b0[i], cost=cost, eta=0.15, epochs=200)
            for column in ("w", "b", "z", "a", "cost", "dC_dw", "dC_db"):
                np.testing.assert_array_equal(many[column][:, i], one[column].to_numpy())


def test_epochs_to_reach_matches_training():
    w0, b0 = np.meshgrid(np.linspace(-4, 4, 9), np.linspace(-4, 4, 9))
    for cost in ("quadratic", "cross_entropy"):
        needed = epochs_to_reach(w0, b0, cost=cost, eta=0.15, epochs=300, threshold=0.1)
        assert needed.shape == (9, 9)
        runs = train_many(w0.ravel(), b0.ravel(), cost=cost, eta=0.15, epochs=300)
        within = np.abs(runs["a"]) < 0.1
        expected = np.where(within.any(axis=0), within.argmax(axis=0), -1)
        np.testing.assert_array_equal(needed.ravel(), expected)


def test_saturated_corner_is_slow_only_for_quadratic():
    q = epochs_to_reach([2.0, 4.0], [2.0, 4.0], cost="quadratic", eta=0.15, epochs=300)
    ce = epochs_to_reach([2.0, 4.0], [2.0, 4.0], cost="cross_entropy", eta=0.15, epochs=300)
    assert (q == -1).all() and (ce > 0).all() and (ce < 120).all()


def test_invalid_arguments():
    for kwargs in ({"cost": "hinge"}, {"eta": 0}, {"eta": float("nan")}, {"epochs": -1},
                   {"epochs": 2.5}, {"y": 1.5}, {"x": float("inf")}):
        args = {"cost": "quadratic", "eta": 0.1, "epochs": 3, **kwargs}
        with pytest.raises(ValueError):
            train(0.0, 0.0, **args)


@settings(max_examples=60, deadline=None)
@given(st.floats(-50, 50), st.floats(-50, 50), st.floats(0.001, 100),
       st.sampled_from(sorted(neuron.COSTS)))
def test_property_always_finite(w0, b0, eta, cost):
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        frame = train(w0, b0, cost=cost, eta=eta, epochs=300, x=1.0, y=0.0)
    assert np.isfinite(frame.to_numpy()).all()
