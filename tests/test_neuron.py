"""lib.neuron: the book's numbers, gradients against finite differences, stability, vectorising."""

import re
import warnings
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import expit

from lib import costs, fmt, neuron
from lib.cases import Case
from lib.problems import ProblemError
from lib.costs import CrossEntropy, Quadratic
from lib.neuron import epochs_to_reach, train, train_many

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
    a = 0.8
    assert Quadratic.value(z, a, 0.0) == pytest.approx(0.32)
    assert CrossEntropy.value(z, a, 1.0) == pytest.approx(-np.log(0.8))
    assert CrossEntropy.value(z, a, 0.0) == pytest.approx(-np.log(0.2))


def test_costs_are_lib_costs():
    # One definition of each cost: lib.neuron uses lib.costs' objects, the demo rule subclasses.
    assert neuron.COSTS["quadratic"] is Quadratic
    assert neuron.COSTS["cross_entropy"] is CrossEntropy
    assert issubclass(neuron.BookDemoRule, costs.CrossEntropy)
    assert neuron.BookDemoRule.value is costs.CrossEntropy.value


def test_the_one_line_difference():
    z, y = 4.0, 0.0
    a = 1 / (1 + np.exp(-z))
    assert CrossEntropy.delta(z, a, y) == pytest.approx(a - y)
    assert Quadratic.delta(z, a, y) == pytest.approx((a - y) * a * (1 - a))


@pytest.mark.parametrize("cost", [Quadratic, CrossEntropy])
@pytest.mark.parametrize("w, b, x, y", [(0.6, 0.9, 1.0, 0.0), (2.0, 2.0, 1.0, 0.0),
                                        (-1.3, 0.4, 2.5, 1.0), (0.2, -0.7, -1.5, 0.3)])
def test_gradients_match_finite_differences(cost, w, b, x, y):
    h = 1e-6

    def c(w_, b_):
        z = w_ * x + b_
        return float(cost.value(z, 1 / (1 + np.exp(-z)), y))

    frame = train(w, b, cost=cost.name, eta=0.1, epochs=0, x=x, y=y)
    dw = (c(w + h, b) - c(w - h, b)) / (2 * h)
    db = (c(w, b + h) - c(w, b - h)) / (2 * h)
    assert frame.dC_dw[0] == pytest.approx(dw, rel=1e-6, abs=1e-9)
    assert frame.dC_db[0] == pytest.approx(db, rel=1e-6, abs=1e-9)


def test_book_demo_step_is_dC_da():
    # The rule the demo used: dC/da of the cross-entropy, (a - y) / (a (1 - a)).
    for z, y in ((0.3, 0.0), (-2.0, 1.0), (1.1, 0.25)):
        a = 1 / (1 + np.exp(-z))
        assert neuron.BookDemoRule.delta(z, a, y) == pytest.approx((a - y) / (a * (1 - a)))


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
        with pytest.raises(ProblemError) as err:
            train(0.0, 0.0, **args)
        assert err.value.problems and err.value.problems[0].code in {
            "bad_choice", "out_of_range", "not_finite"}


@settings(max_examples=60, deadline=None)
@given(st.floats(-50, 50), st.floats(-50, 50), st.floats(0.001, 100),
       st.sampled_from(sorted(neuron.COSTS)))
def test_property_always_finite(w0, b0, eta, cost):
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        frame = train(w0, b0, cost=cost, eta=eta, epochs=300, x=1.0, y=0.0)
    assert np.isfinite(frame.to_numpy()).all()


def test_speed_change_shows_nielsens_point():
    # Badly wrong start, equal rates: the quadratic cost's steps grow (slowest when most wrong),
    # cross-entropy's first step is its largest (fastest when most wrong).
    q = train(2.0, 2.0, cost="quadratic", eta=0.15, epochs=300)
    ce = train(2.0, 2.0, cost="cross_entropy", eta=0.15, epochs=300)
    sq = neuron.speed_change(q.a, q.dC_db, eta=0.15, y=0.0)
    sce = neuron.speed_change(ce.a, ce.dC_db, eta=0.15, y=0.0)
    a0 = 1 / (1 + np.exp(-4.0))
    assert sq.first_step == pytest.approx(0.15 * a0 * a0 * (1 - a0))
    assert sq.ratio > 8 and sq.peak_error == pytest.approx(2 / 3, abs=0.01)  # a(1-a)a peaks at 2/3
    assert sce.ratio < 1 and sce.first_step == pytest.approx(0.15 * 0.98202, rel=1e-4)
    assert sce.last_step < sce.first_step / 50
    # Even at a 30 times smaller rate, cross-entropy's first step beats the quadratic cost's.
    ce_book = train(2.0, 2.0, cost="cross_entropy", eta=0.005, epochs=300)
    assert neuron.speed_change(ce_book.a, ce_book.dC_db, eta=0.005, y=0.0).first_step > \
        1.8 * sq.first_step


def test_speed_change_without_later_epochs():
    s = neuron.speed_change([0.9], [0.5], eta=0.1, y=0.0)
    assert s.peak_epoch == -1 and np.isnan(s.ratio) and s.first_step == pytest.approx(0.05)


def test_map_summary_misses_are_the_saturated_corner():
    w0, b0 = np.meshgrid(np.linspace(-4, 4, 81), np.linspace(-4, 4, 81))
    q = epochs_to_reach(w0, b0, cost="quadratic", eta=0.15, epochs=300)
    ce = epochs_to_reach(w0, b0, cost="cross_entropy", eta=0.15, epochs=300)
    sq = neuron.map_summary(w0, b0, q)
    sce = neuron.map_summary(w0, b0, ce)
    assert sce.share == 1.0 and sce.misses == 0 and np.isnan(sce.miss_min_error)
    assert sq.share == pytest.approx((q >= 0).mean()) and sq.misses == (q < 0).sum() > 0
    # Only z0 = w0 + b0 matters (w and b move together when x = 1): every miss starts saturated.
    a0 = 1 / (1 + np.exp(-(w0 + b0)))
    assert sq.miss_min_error == pytest.approx(a0[q < 0].min())
    assert sq.miss_min_error > 0.9 and sq.miss_max_sigma_prime < 0.085
    assert sq.median_epochs == np.median(q[q >= 0])


# ---- Bounds rounded outward (issue 20 item 7) ----------------------------------------------------

@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).filter(lambda v: v != 0),
       st.integers(min_value=1, max_value=6))
@settings(max_examples=300, deadline=None)
def test_outward_bounds_hold_and_are_tight(x, digits):
    from decimal import Decimal
    exact = Decimal(x)
    up, down = neuron.outward(x, digits, up=True), neuron.outward(x, digits, up=False)
    assert down <= exact <= up
    # One unit in the last kept digit apart at most, and no more digits than asked for.
    unit = Decimal(1).scaleb(exact.adjusted() - digits + 1)
    assert up - down <= unit
    for bound in (up, down):
        assert len(bound.as_tuple().digits) <= digits + 1  # 9.99 -> 10.0 may gain a digit


def test_outward_keeps_exact_bounds():
    assert str(neuron.outward(0.25, 2, up=True)) == "0.25"
    assert str(neuron.outward(0.25, 2, up=False)) == "0.25"
    assert neuron.outward(0.0, 3, up=True) == 0


# ---- Which case a page words (issue 18: the decisions live here, the wording in ui) -----------

def test_race_case_by_brute_force():
    """Every combination of reached / never, and of the last errors, against the rule written
    out in words."""
    for q in (-1, 5, 9):
        for ce in (-1, 5, 9):
            for aq, ace in ((0.9, 0.3), (0.3, 0.9), (0.5, 0.5)):
                case = neuron.race_case({"quadratic": q, "cross_entropy": ce},
                                        {"quadratic": aq, "cross_entropy": ace}, 0.0)
                if q >= 0 and ce >= 0:
                    want = "tie" if q == ce else ("both.ce" if ce < q else "both.q")
                elif q >= 0:
                    want = "only.q"
                elif ce >= 0:
                    want = "only.ce"
                else:
                    want = {(0.9, 0.3): "neither.ce", (0.3, 0.9): "neither.q",
                            (0.5, 0.5): "neither.same"}[(aq, ace)]
                assert case == want, (q, ce, aq, ace)
    # The target counts: with y = 1 the output nearer 1 has the smaller error.
    assert neuron.race_case({"quadratic": -1, "cross_entropy": -1},
                            {"quadratic": 0.9, "cross_entropy": 0.3}, 1.0) == "neither.q"


def _speed(first, peak, k=3, first_error=0.9, peak_error=0.5):
    return neuron.SpeedChange(first, first_error, peak, k, peak_error, peak, 10)


def test_speed_kinds_and_cases():
    assert _speed(0.01, 0.02).kind == "up"
    assert _speed(0.01, 0.01 * neuron.SPEED_UP).kind == "flat"  # not more than SPEED_UP times
    assert _speed(0.01, 0.005).kind == "down"
    assert _speed(0.01, 0.01).kind == "down"
    assert _speed(0.0, 0.02).kind == "still"     # nothing to compare the later steps with
    assert _speed(0.01, float("nan"), k=-1).kind == "still"  # no later epoch
    q, ce = _speed(0.01, 0.05), _speed(0.2, 0.1)
    assert neuron.start_case(q, ce) == "ce" and neuron.start_case(ce, q) == "q"
    assert neuron.start_case(q, q) == "same"
    assert neuron.speed_lesson(q, ce) == "lesson"
    # Sped up, but at a larger error than at the start: not Nielsen's point.
    assert neuron.speed_lesson(_speed(0.01, 0.05, peak_error=0.95), ce) == "other"
    assert neuron.speed_lesson(_speed(0.01, 0.005), ce) == "no_slowdown"
    assert neuron.speed_lesson(_speed(0.01, float("nan"), k=-1), ce) == "other"


def test_map_kinds():
    def summary(share, misses, err):
        return neuron.MapSummary(share, 10.0, misses, err, 0.05)
    assert summary(1.0, 0, float("nan")).kind == "all"
    assert summary(0.0, 81, 0.1).kind == "none"
    some = summary(0.7, 20, 0.95)
    assert some.kind == "some" and some.saturated
    assert not summary(0.7, 20, 0.5).saturated
    assert not summary(0.0, 81, 0.95).saturated  # "none": no comparison to make


def test_race_gathers_what_each_run_shows():
    etas = {"quadratic": 0.15, "cross_entropy": 0.15, "book_demo": 0.005}
    r = neuron.race(2.0, 2.0, etas=etas, epochs=300, threshold=0.1)
    for c, eta in etas.items():
        f = train(2.0, 2.0, cost=c, eta=eta, epochs=300)
        np.testing.assert_array_equal(r.frames[c]["a"], f["a"])
        a = f["a"].to_numpy()
        np.testing.assert_allclose(r.frames[c]["sigma_prime"], a * (1 - a), rtol=1e-12)
        np.testing.assert_array_equal(r.frames[c]["grad_b_abs"], f["dC_db"].abs())
        assert r.reach[c] == int(epochs_to_reach(2.0, 2.0, cost=c, eta=eta, epochs=300))
        assert (r.start[c], r.end[c]) == (a[0], a[-1])
    assert set(r.speed) == {"quadratic", "cross_entropy"}
    assert r.reach["quadratic"] == -1  # Nielsen's start: 300 epochs are too few for it
    assert r.case == neuron.race_case(r.reach, r.end, 0.0) == "only.ce"


# ---- The page's experiment and what it says about it (issue 18: decided here, worded in ui) ---

def _experiment(**changes):
    """Nielsen's badly wrong start, both costs at η = 0.15, with ``changes``."""
    values = {"w0": 2.0, "b0": 2.0, "x": 1.0, "y": 0.0, "eta_quadratic": 0.15,
              "eta_cross_entropy": 0.15, "epochs": 300, "threshold": 0.1, "book": False}
    return neuron.Experiment(**{**values, **changes})


def test_experiment_runs_and_rates():
    e = _experiment(eta_cross_entropy=0.005)
    assert e.runs == ("quadratic", "cross_entropy")
    assert (e.eta("quadratic"), e.eta("cross_entropy")) == (0.15, 0.005)
    book = e._replace(book=True)
    assert book.runs == ("quadratic", "cross_entropy", "book_demo")
    assert book.eta("book_demo") == 0.005  # the book demo's rule runs at cross-entropy's rate
    assert hash(book) == hash(_experiment(eta_cross_entropy=0.005, book=True))  # a cache key


@pytest.mark.parametrize("changes, a0, notes", [
    ({}, 0.982, ()),
    ({"x": 0.0}, 0.982, (("warning", "x_zero"),)),
    ({"eta_quadratic": 10.0}, 0.982, (("warning", "big_eta"),)),
    ({"eta_cross_entropy": 9.99}, 0.982, ()),
    ({"y": 0.5}, 0.982, (("info", "soft_target"),)),
    ({"y": 1.0}, 0.982, (("info", "already"),)),     # |0.982 - 1| < 0.1
    ({"threshold": 0.018}, 0.01799, (("info", "already"),)),
    ({"threshold": 0.018}, 0.018, ()),               # the goal is strict: |a - y| < threshold
    ({"x": 0.0, "eta_cross_entropy": 100.0, "y": 0.99}, 0.982,
     (("warning", "x_zero"), ("warning", "big_eta"), ("info", "soft_target"),
      ("info", "already"))),
])
def test_input_notes(changes, a0, notes):
    assert tuple((kind, c.name) for kind, c in neuron.input_notes(_experiment(**changes), a0)) \
        == notes


def test_the_already_note_quotes_the_start_and_the_goal_as_text():
    (kind, case), = neuron.input_notes(_experiment(threshold=0.018), 0.01799)
    assert (kind, case) == ("info", Case("already", {"a": "0.0180", "thr": "0.018"}))


@pytest.mark.parametrize("n, epochs, case", [
    (469, 500, Case("reached", {"n": "469"})),
    (0, 300, Case("reached", {"n": "0"})),
    (-1, 5000, Case("never", {"epochs": "5000"})),
])
def test_reach_case(n, epochs, case):
    assert neuron.reach_case(n, epochs) == case


@pytest.mark.parametrize("w0, b0, outside", [
    (2.0, 2.0, False), (4.0, -4.0, False), (4.01, 0.0, True), (0.0, -50.0, True)])
def test_outside_map_is_outside_the_mapped_square(w0, b0, outside):
    assert _experiment(w0=w0, b0=b0).outside_map is outside


def test_map_epochs_is_epochs_to_reach_over_the_map_grid():
    w0, b0, needed = neuron.map_epochs(cost="cross_entropy", eta=0.15, epochs=300,
                                       threshold=0.1, x=1.0, y=0.0)
    assert w0.shape == b0.shape == needed.shape == (81, 81)
    assert np.array_equal(w0[0], neuron.MAP_AXIS) and np.array_equal(b0[:, 0], neuron.MAP_AXIS)
    # Nielsen's two starts: (0.6, 0.9) at row 49, column 46; (2, 2) at row 60, column 60.
    assert (needed[49, 46], needed[60, 60]) == tuple(
        epochs_to_reach([0.6, 2.0], [0.9, 2.0], cost="cross_entropy", eta=0.15, epochs=300))
    assert needed[49, 46] == 41


def test_race_sigma_prime0_is_the_derivative_at_the_start():
    r = neuron.race(2.0, 2.0, etas={"quadratic": 0.15, "cross_entropy": 0.15}, epochs=3)
    assert r.sigma_prime0 == pytest.approx(float(expit(4.0) * (1 - expit(4.0))))


def test_card_case_quotes_the_row_and_the_formula_s_sigma_prime():
    r = neuron.race(2.0, 2.0, etas={"quadratic": 0.15, "cross_entropy": 0.15}, epochs=300)
    row = r.frames["quadratic"].iloc[215]
    values, formula = neuron.card_case("quadratic", row, y=0.0, step="step")
    sp, shown = neuron.gradient_formula("quadratic", a=row["a"], sigma_prime=row["sigma_prime"],
                                        grad=row["dC_db"], y=0.0, step="step")
    assert values.name == "state.values" and formula == shown
    assert values.numbers == {"w": fmt.sig(row["w"], 3), "b": fmt.sig(row["b"], 3),
                              "z": fmt.sig(row["z"], 3), "a": fmt.sig(row["a"], 3),
                              "c": fmt.sig(row["cost"], 3), "sp": fmt.decimal(sp)}
    ce = neuron.card_case("cross_entropy", r.frames["cross_entropy"].iloc[0], y=0.0,
                            step="step")[0]
    assert ce.numbers["a"] == "0.982" and ce.numbers["sp"] == "0.01766"


@pytest.mark.parametrize("epoch", [0, 1, 97, 215, 300])
def test_card_cases_show_sigma_prime_with_one_precision(epoch):
    """σ'(z) is one quantity: every card of an epoch quotes it with the same number of
    significant digits, the quadratic formula's (which still adds up), and each card is
    :func:`lib.neuron.card_case` at those digits."""
    e = neuron.Experiment(2.0, 2.0, 1.0, 0.0, 0.15, 0.005, 300, 0.1, True)
    r = neuron.race(2.0, 2.0, etas={c: e.eta(c) for c in e.runs}, epochs=e.epochs)
    rows = {c: r.frames[c].iloc[epoch] for c in e.runs}
    shown = neuron.card_cases(rows, y=0.0, step="step")
    assert len(shown) == 3
    quoted = [Decimal(values.numbers["sp"]) for values, _ in shown]
    digits = {len(q.as_tuple().digits) for q in quoted}
    q_sp, q_formula = neuron.gradient_formula("quadratic", a=rows["quadratic"]["a"],
                                              sigma_prime=rows["quadratic"]["sigma_prime"],
                                              grad=rows["quadratic"]["dC_db"], y=0.0,
                                              step="step")
    assert digits == {len(q_sp.as_tuple().digits)} and quoted[0] == q_sp
    for (values, formula), (cost, row) in zip(shown, rows.items()):
        assert (values, formula) == neuron.card_case(cost, row, y=0.0, step="step",
                                                     digits=max(digits))
        assert Decimal(values.numbers["sp"]) == neuron.significant(row["sigma_prime"],
                                                                   max(digits))
    if epoch == 0:  # one start, one σ'(z): the same number on every card
        assert [str(q) for q in quoted] == ["0.017663"] * 3


@settings(deadline=None)
@given(st.floats(1e-4, 100), st.floats(1e-4, 100))
def test_rates_case_names_the_smaller_rate_and_their_ratio(q, ce):
    case = neuron.rates_case(q, ce)
    if q == ce:
        assert case == ("equal", {"eta": fmt.prob(q)}, ())
        return
    assert case.name == ("differ.smaller" if ce < q else "differ.larger")
    assert (case.numbers["q"], case.numbers["ce"]) == (fmt.prob(q), fmt.prob(ce))
    assert case.numbers["ratio"] >= 1
    assert case.numbers["ratio"] * min(q, ce) == pytest.approx(max(q, ce))


def test_rates_case_of_the_presets():
    assert neuron.rates_case(0.15, 0.15).name == "equal"
    fair = neuron.rates_case(0.15, 0.025)
    assert fair.name == "differ.smaller" and fair.numbers["ratio"] == pytest.approx(6)
    assert neuron.rates_case(0.15, 0.6).numbers["ratio"] == pytest.approx(4)


def test_map_summary_bounds_are_outward_and_tight():
    # The defaults' map: the misses start at |a - y| ≥ 0.90888… and σ'(z) ≤ 0.082820….
    w0, b0 = np.meshgrid(neuron.MAP_AXIS, neuron.MAP_AXIS)
    q = neuron.map_summary(w0, b0, epochs_to_reach(w0, b0, cost="quadratic", eta=0.15,
                                                   epochs=300))
    assert (str(q.error_bound), str(q.sigma_prime_bound)) == ("0.908", "0.0829")
    assert q.error_bound <= Decimal(q.miss_min_error) < q.error_bound + Decimal("0.001")
    assert q.sigma_prime_bound - Decimal("0.0001") < Decimal(q.miss_max_sigma_prime) \
        <= q.sigma_prime_bound


def test_map_axis_is_the_81_point_grid():
    assert neuron.MAP_AXIS.shape == (81,) and not neuron.MAP_AXIS.flags.writeable
    assert (neuron.MAP_AXIS[0], neuron.MAP_AXIS[-1]) == (-neuron.MAP_RANGE, neuron.MAP_RANGE)
    np.testing.assert_allclose(np.diff(neuron.MAP_AXIS), 0.1)


def test_more_starts():
    w0, b0 = np.meshgrid(neuron.MAP_AXIS, neuron.MAP_AXIS)
    summaries = {c: neuron.map_summary(w0, b0, epochs_to_reach(
        w0, b0, cost=c, eta=eta, epochs=300)) for c, eta in (("quadratic", 0.15),
                                                             ("cross_entropy", 0.15))}
    assert neuron.more_starts(summaries) == "cross_entropy"
    # Cross-entropy at a 30 times smaller rate reaches the goal from fewer starts.
    summaries["cross_entropy"] = neuron.map_summary(w0, b0, epochs_to_reach(
        w0, b0, cost="cross_entropy", eta=0.005, epochs=300))
    assert neuron.more_starts(summaries) == "quadratic"
    assert neuron.more_starts({"quadratic": summaries["quadratic"],
                               "cross_entropy": summaries["quadratic"]}) is None


def test_speed_cases_at_nielsens_start():
    q = train(2.0, 2.0, cost="quadratic", eta=0.15, epochs=300)
    ce = train(2.0, 2.0, cost="cross_entropy", eta=0.15, epochs=300)
    sq = neuron.speed_change(q.a, q.dC_db, eta=0.15, y=0.0)
    sce = neuron.speed_change(ce.a, ce.dC_db, eta=0.15, y=0.0)
    lead, start, q_part, ce_part = neuron.speed_cases(sq, sce, 0.0177)
    assert lead.name == "lesson" and start.name == "start.ce"
    assert (q_part.name, ce_part.name) == ("q.up", "ce.down")
    assert lead.numbers == {"ratio": sq.ratio, "k": "215", "err": sq.peak_error,
                            "err0": sq.first_error, "sp": 0.0177}
    assert round(lead.numbers["ratio"], 2) == 8.54 and round(lead.numbers["err"], 3) == 0.664
    assert start.numbers["ratio"] == pytest.approx(sce.first_step / sq.first_step)
    assert (start.numbers["q"], start.numbers["ce"]) == (sq.first_step, sce.first_step)
    assert q_part.numbers["k"] == "215" and q_part.numbers["n"] == "300"
    assert ce_part.numbers["last"] == sce.last_step


def test_speed_cases_name_the_faster_start_and_a_standstill():
    q = _speed(0.0, 0.0, k=3)   # a quadratic run that never moves
    ce = _speed(0.2, 0.1)
    lead, start, q_part, ce_part = neuron.speed_cases(q, ce, 0.25)
    assert start.name == "start.ce" and start.numbers["ratio"] == float("inf")
    assert q_part.name == "q.still" and ce_part.name == "ce.down"
    lead, start, *_ = neuron.speed_cases(ce, q, 0.25)
    assert start.name == "start.q" and start.numbers["ratio"] == float("inf")
    assert neuron.speed_cases(ce, ce, 0.25)[1].name == "start.same"


# ---- The gradient as a card shows it -------------------------------------------------------

def test_gradient_formula_at_nielsens_start():
    a, sp = float(expit(4.0)), float(costs.sigmoid_prime(4.0))
    shown, formula = neuron.gradient_formula("quadratic", a=a, sigma_prime=sp, grad=a * sp,
                                             y=0.0, step="book step")
    assert shown == Decimal("0.017663")
    assert formula == (r"\frac{\partial C}{\partial b} &= (a-y)\,\sigma'(z)\\ &= "
                       r"(0.98201 - 0) \\ &\quad \times 0.017663 \\ &= 0.01735")
    shown, formula = neuron.gradient_formula("cross_entropy", a=a, sigma_prime=sp, grad=a,
                                             y=0.0, step="book step")
    assert shown == Decimal("0.01766")  # 4 significant digits: no factor to add up with
    assert formula == r"\frac{\partial C}{\partial b} &= a - y\\ &= 0.9820 - 0 \\ &= 0.9820"
    step = 1 / (1 - a)  # the book demo's (a - y) / (a(1 - a)) for y = 0
    shown, formula = neuron.gradient_formula("book_demo", a=a, sigma_prime=sp, grad=step,
                                             y=0.0, step="书中步长")
    assert shown == Decimal("0.01766")
    assert formula == r"\text{书中步长} &= \frac{a-y}{a(1-a)}\\ &= 55.60"


@settings(max_examples=200, deadline=None)
@given(st.floats(-30, 30), st.floats(0, 1))
def test_gradient_formula_adds_up_as_shown(z, y):
    """The quadratic cost's shown factors multiply, rounded to the shown result's digits, to
    the shown result; cross-entropy's shown difference is exact."""
    a, sp = float(expit(z)), float(costs.sigmoid_prime(z))
    shown, formula = neuron.gradient_formula("quadratic", a=a, sigma_prime=sp,
                                             grad=(a - y) * sp, y=y, step="step")
    m = re.search(r"&= \((\S+) - (\S+)\) \\\\ &\\quad \\times (\S+) \\\\ &= (\S+)$", formula)
    if m is None:  # a factor outside 1e-4 … 1e6: written as a power of ten
        assert r"\times 10^" in formula
        return
    a_, y_, sp_, g = (Decimal(v) for v in m.groups())
    assert sp_ == shown
    assert (g == 0) if (a_ - y_) * sp_ == 0 else \
        neuron.significant((a_ - y_) * sp_, len(g.as_tuple().digits)) == g
    _, formula = neuron.gradient_formula("cross_entropy", a=a, sigma_prime=sp, grad=a - y,
                                         y=y, step="step")
    m = re.search(r"&= (\S+) - (\S+) \\\\ &= (\S+)$", formula)
    if m is not None and "times" not in formula:
        a_, y_, g = (Decimal(v) for v in m.groups())
        assert a_ - y_ == g


def test_race_cases_quote_the_race_as_the_page_shows_it():
    e = neuron.Experiment(2.0, 2.0, 1.0, 0.0, 0.15, 0.025, 1500, 0.1, True)
    r = neuron.race(2.0, 2.0, etas={c: e.eta(c) for c in e.runs}, epochs=1500)
    outcome, book = neuron.race_cases(e, r)
    assert outcome.name == r.case == "both.ce"
    assert outcome.numbers == {"thr": "0.1", "epochs": "1500", "q": "469", "ce": "303",
                               "aq": f"{r.end['quadratic']:.3g}",
                               "ace": f"{r.end['cross_entropy']:.3g}"}
    assert book.name == "book.reached" and book.numbers["n"] == str(r.reach["book_demo"])
    short = e._replace(epochs=1)
    never = neuron.race(2.0, 2.0, etas={c: short.eta(c) for c in short.runs}, epochs=1)
    assert neuron.race_cases(short, never)[1].name == "book.never"
    assert neuron.race_cases(e._replace(book=False), neuron.race(
        2.0, 2.0, etas={"quadratic": 0.15, "cross_entropy": 0.025}, epochs=1500))[1:] == ()


def test_good_start_case_counts_the_epochs_from_the_normal_start():
    case = neuron.good_start_case(0.6, 0.9, 0.1, 0.15, 0.025)
    assert case.name == "good_start"
    assert case.numbers == {"thr": "0.1", "fair": "0.025", "q": 273, "ce": 41, "ce_fair": 249}
    assert case.numbers["q"] == epochs_to_reach(0.6, 0.9, cost="quadratic", eta=0.15,
                                                epochs=1000, threshold=0.1)


def test_map_cases_of_the_default_maps():
    e = neuron.Experiment(2.0, 2.0, 1.0, 0.0, 0.15, 0.15, 300, 0.1, False)
    w0, b0 = np.meshgrid(neuron.MAP_AXIS, neuron.MAP_AXIS)
    summaries = {c: neuron.map_summary(w0, b0, epochs_to_reach(w0, b0, cost=c, eta=0.15,
                                                               epochs=300)) for c in e.runs}
    (q, q_cases), (ce, ce_cases) = neuron.map_cases(e, summaries)
    assert (q, ce) == ("quadratic", "cross_entropy")
    assert [c.name for c in q_cases] == ["some", "saturated"]
    assert q_cases[0].numbers == {"share": "74%", "eta": "0.15", "median": "191",
                                  "epochs": "300", "err": "0.908", "sp": "0.0829"}
    assert ce_cases == (Case("all", {"share": "100%", "eta": "0.15", "median": "34",
                                     "epochs": "300"}),)
