"""lib.calibration, lib.soft_targets and lib.charts_calibration: calibration error and
reliability against brute-force oracles, temperature scaling against scipy.optimize.minimize and
a known temperature, proper scoring rules, label smoothing and distillation."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy import optimize, special

from lib import calibration as cal
from lib import calibration_lesson as cal_lesson
from lib import charts, charts_calibration as cc
from lib import fmt, info, soft_targets as soft
from lib.cases import Case
from lib.problems import Problem, ProblemError


def codes(err: pytest.ExceptionInfo) -> list[str]:
    return [p.code for p in err.value.problems]


def oracle_nll(z, y, T):
    """Mean −ln softmax(z/T)_y written out with logsumexp (independent of lib)."""
    s = np.asarray(z, float) / T
    return float(np.mean(special.logsumexp(s, axis=1) - s[np.arange(len(y)), y]))


def oracle_ece(probs, labels, bins):
    """ECE by a plain loop over the bins (lo, hi], the first bin also taking 0."""
    probs = np.asarray(probs, float)
    conf, pred = probs.max(axis=1), probs.argmax(axis=1)
    right = pred == np.asarray(labels)
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(lo < c <= hi) or (b == 0 and c == 0) for c in conf]
        idx = np.flatnonzero(inside)
        if len(idx):
            total += len(idx) / len(conf) * abs(right[idx].mean() - conf[idx].mean())
    return total


# ---- expected calibration error and reliability -------------------------------------------------

def test_ece_is_zero_for_data_calibrated_by_construction():
    # Five confidences c, twenty examples each, exactly 20·c of them labelled with the top class.
    probs, labels = [], []
    for c in (0.55, 0.65, 0.75, 0.85, 0.95):
        right = round(20 * c)
        probs += [[c, 1 - c]] * 20
        labels += [0] * right + [1] * (20 - right)
    assert cal.expected_calibration_error(probs, labels) == pytest.approx(0.0, abs=1e-12)
    r = cal.reliability(probs, labels)
    used = r[r["count"] > 0]
    assert np.allclose(used["accuracy"], used["confidence"])
    assert used["count"].tolist() == [20.0] * 5


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 30), st.integers(0, 30)), min_size=1, max_size=8),
       st.integers(3, 6), st.integers(1, 40))
def test_ece_is_zero_whenever_each_confidence_is_its_own_accuracy(groups, k, bins):
    """Groups of n examples at confidence m/n (m right): bins may merge groups, and the merged
    accuracy and mean confidence are then both sum(m)/sum(n)."""
    probs, labels = [], []
    for n, m in groups:
        m = min(max(m, 0), n)
        c = max(m / n, 1 / k + 0.01) if m < n else 1.0
        m = round(c * n) if abs(c * n - round(c * n)) < 1e-9 else None
        if m is None:
            continue
        row = [c] + [(1 - c) / (k - 1)] * (k - 1)
        probs += [row] * n
        labels += [0] * m + [1] * (n - m)
    if not probs:
        return
    assert cal.expected_calibration_error(probs, labels, bins) == pytest.approx(0, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 60), st.integers(2, 6), st.integers(1, 20), st.integers(0, 2**31 - 1))
def test_ece_and_reliability_match_a_brute_force_loop(n, k, bins, seed):
    rng = np.random.default_rng(seed)
    logits = rng.normal(size=(n, k)) * rng.uniform(0.1, 6)
    probs = special.softmax(logits, axis=1)
    labels = rng.integers(0, k, size=n)
    assert cal.expected_calibration_error(probs, labels, bins) == pytest.approx(
        oracle_ece(probs, labels, bins), abs=1e-12)
    r = cal.reliability(probs, labels, bins)
    assert r["count"].sum() == n and len(r) == bins
    assert np.allclose(r["hi"] - r["lo"], 1 / bins)
    empty = r["count"] == 0
    assert r.loc[empty, ["confidence", "accuracy"]].isna().all().all()
    assert ((r.loc[~empty, "confidence"] > r.loc[~empty, "lo"] - 1e-12)
            & (r.loc[~empty, "confidence"] <= r.loc[~empty, "hi"] + 1e-12)).all()


def test_a_confidence_on_a_bin_edge_goes_to_the_bin_it_closes():
    r = cal.reliability([[0.6, 0.4], [1.0, 0.0], [0.5, 0.5]], [0, 0, 1], bins=5)
    # (0.4, 0.6] holds 0.6 and 0.5, (0.8, 1.0] holds 1.0
    assert r["count"].tolist() == [0, 0, 2, 0, 1]


def test_ece_of_an_over_confident_classifier():
    # Always 90% sure, right half the time: ECE = 0.4.
    probs = [[0.9, 0.1]] * 10
    labels = [0] * 5 + [1] * 5
    assert cal.expected_calibration_error(probs, labels) == pytest.approx(0.4)


@pytest.mark.parametrize("probs, labels, bins, code", [
    ([0.5, 0.5], [0], 15, "cal_shape"),
    ([[1.0], [1.0]], [0, 0], 15, "cal_shape"),
    (np.zeros((0, 3)), [], 15, "cal_shape"),
    ([["a", "b"]], [0], 15, "cal_shape"),
    ([[0.5, math.nan]], [0], 15, "cal_not_finite"),
    ([[0.5, 0.6]], [0], 15, "cal_probs"),
    ([[1.2, -0.2]], [0], 15, "cal_probs"),
    ([[0.5, 0.5]], [2], 15, "cal_labels"),
    ([[0.5, 0.5]], [-1], 15, "cal_labels"),
    ([[0.5, 0.5]], [0.5], 15, "cal_labels"),
    ([[0.5, 0.5]], ["x"], 15, "cal_labels"),
    ([[0.5, 0.5]], [0, 1], 15, "cal_labels"),
    ([[0.5, 0.5]], [0], 0, "out_of_range"),
    ([[0.5, 0.5]], [0], 2.5, "out_of_range"),
    ([[0.5, 0.5]], [0], 10**6, "out_of_range"),
])
def test_bad_input_is_a_problem_with_a_code(probs, labels, bins, code):
    for f in (cal.expected_calibration_error, cal.reliability):
        with pytest.raises(ProblemError) as err:
            f(probs, labels, bins)
        assert codes(err) == [code]


def test_problem_fields_name_the_first_bad_row():
    with pytest.raises(ProblemError) as err:
        cal.nll([[0.0, 1.0], [0.0, math.inf]], [0, 1])
    assert err.value.problems[0].row == 1
    with pytest.raises(ProblemError) as err:
        cal.fit_temperature([[0.0, 1.0], [0.0, 1.0]], [0, 7])
    problem = err.value.problems[0]
    assert (problem.code, problem.row, problem.value, problem.hi) == ("cal_labels", 1, 7.0, 1.0)


# ---- NLL and temperature scaling -------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(st.integers(1, 30), st.integers(2, 5), st.floats(0.05, 20), st.integers(0, 2**31 - 1))
def test_nll_is_the_mean_negative_log_softmax(n, k, T, seed):
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(n, k)) * 5
    y = rng.integers(0, k, size=n)
    assert cal.nll(z, y, T) == pytest.approx(oracle_nll(z, y, T), rel=1e-12, abs=1e-12)
    assert cal.nll(z, y, T, base=2) == pytest.approx(oracle_nll(z, y, T) / math.log(2))


@pytest.mark.parametrize("T", [0.0, -1.0, math.inf, math.nan])
def test_nll_needs_a_positive_temperature(T):
    with pytest.raises(ProblemError) as err:
        cal.nll([[0.0, 1.0]], [0], T)
    assert codes(err) == ["out_of_range"]


@settings(max_examples=25, deadline=None)
@given(st.integers(20, 200), st.integers(2, 6), st.floats(0.3, 4), st.integers(0, 2**31 - 1))
# Found by a whole run: the best T is the lower bound 0.01, where ours stops; scipy's L-BFGS-B
# stopped short at 0.0129 on the nearly flat objective, with a higher value there.
@example(n=20, k=2, scale=2.0, seed=110352)
# Found by a later run: every label right, so the NLL falls towards 0 as T does; ours stops at
# T = 0.0133, where the NLL is exactly 0.0 in floating point, scipy at 0.030 (NLL 2.5e-9).
@example(n=20, k=2, scale=1.0, seed=113)
def test_fit_temperature_matches_scipy_minimize_on_the_same_objective(n, k, scale, seed):
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(n, k)) * scale * 3
    y = np.where(rng.random(n) < 0.7, z.argmax(axis=1), rng.integers(0, k, size=n))
    ours = cal.fit_temperature(z, y)
    theirs = optimize.minimize(lambda v: oracle_nll(z, y, math.exp(v[0])), x0=[0.0],
                               method="L-BFGS-B", bounds=[(math.log(0.01), math.log(100))])
    T = math.exp(theirs.x[0])
    # Same minimum of the objective; the minimiser itself to the objective's flatness, unless
    # scipy stopped short: ours has a strictly lower objective, on a bound of T's range or where
    # the objective has already rounded to 0.
    assert oracle_nll(z, y, ours) <= oracle_nll(z, y, T) + 1e-9
    on_bound = any(math.isclose(ours, bound) for bound in cal.T_BOUNDS)
    stopped_short = oracle_nll(z, y, ours) < oracle_nll(z, y, T)
    if not (stopped_short and (on_bound or oracle_nll(z, y, ours) == 0.0)):
        assert ours == pytest.approx(T, rel=1e-3)


@pytest.mark.parametrize("T0", [0.5, 1.0, 2.5])
def test_fit_temperature_recovers_a_known_temperature(T0):
    """Labels drawn from softmax(u); the model reports z = T0 · u, so softmax(z / T0) is the
    truth: the fitted T is T0 up to sampling noise."""
    rng = np.random.default_rng(7)
    u = rng.normal(size=(20000, 10)) * 2
    p = special.softmax(u, axis=1)
    y = (p.cumsum(axis=1) > rng.random((len(u), 1))).argmax(axis=1)
    assert cal.fit_temperature(T0 * u, y) == pytest.approx(T0, rel=0.03)


def test_fit_temperature_returns_the_bound_when_the_nll_keeps_falling():
    z = np.array([[5.0, 0.0], [0.0, 5.0]])
    low = cal.fit_temperature(z, [0, 1])       # always right: T → 0 until the NLL rounds to 0
    assert low < 0.1 and cal.nll(z, [0, 1], low) == cal.nll(z, [0, 1], cal.T_BOUNDS[0])
    assert cal.fit_temperature(z, [1, 0]) == pytest.approx(cal.T_BOUNDS[1])


def test_split_halves_without_validation_and_keeps_a_validation_split():
    z = np.arange(14.0).reshape(7, 2)
    y = np.array([0, 1, 0, 1, 0, 1, 0])
    s = cal.split(None, None, z, y)
    assert s.halved and len(s.fit_y) == 3 and len(s.test_y) == 4
    assert np.array_equal(s.test_z, z[3:])
    v = cal.split(z[:2], y[:2], z, y)
    assert not v.halved and len(v.fit_y) == 2 and len(v.test_y) == 7
    with pytest.raises(ProblemError) as err:
        cal.split(np.zeros((2, 3)), [0, 1], z, y)
    assert codes(err) == ["cal_shape"]
    with pytest.raises(ProblemError):
        cal.split(None, None, z[:1], y[:1])


def test_temperature_report_on_an_over_confident_model():
    rng = np.random.default_rng(3)
    u = rng.normal(size=(6000, 10)) * 1.5
    p = special.softmax(u, axis=1)
    y = (p.cumsum(axis=1) > rng.random((len(u), 1))).argmax(axis=1)
    r = cal.temperature_report(None, None, 3 * u, y)     # three times too sharp
    assert r.halved and (r.n_fit, r.n_test) == (3000, 3000)
    assert r.temperature == pytest.approx(3, rel=0.05)
    assert r.ece_after < r.ece_before and r.nll_after < r.nll_before
    assert r.confidence_before > r.accuracy      # over-confident: more sure than right
    assert r.accuracy == np.mean(u[3000:].argmax(axis=1) == y[3000:])
    again = cal.temperature_report(None, None, 3 * u, y, bins=10, temperature=r.temperature)
    assert again.temperature == r.temperature and again.nll_after == r.nll_after


def test_sigmoid_shares_sum_to_one():
    z = np.random.default_rng(1).normal(size=(50, 10)) * 5
    s = cal.sigmoid_shares(z)
    assert np.allclose(s.sum(axis=1), 1) and np.array_equal(s.argmax(axis=1), z.argmax(axis=1))


# ---- proper scoring rules -----------------------------------------------------------------------

def test_expected_scores_match_their_formulas():
    p, q = 0.3, np.linspace(0, 1, 11)
    s = cal.expected_scores(p, q, base=2)
    with np.errstate(divide="ignore"):
        log = -(special.xlogy(p, q) + special.xlogy(1 - p, 1 - q)) / math.log(2)
    assert np.allclose(s["log"], log)
    assert np.allclose(s["brier"], p * (1 - q) ** 2 + (1 - p) * q ** 2)
    assert np.allclose(s["absolute"], p * (1 - q) + (1 - p) * q)
    assert s["log"][3] == pytest.approx(info.entropy([0.3, 0.7], 2))     # q = p: H(p)
    assert math.isinf(s["log"][0]) and math.isinf(s["log"][-1])    # a possible outcome ruled out


@settings(max_examples=60, deadline=None)
@given(st.floats(0.0, 1.0))
def test_log_and_brier_are_lowest_at_q_equal_p_and_absolute_is_not(p):
    best = cal.score_minimisers(p)
    assert best["log"] == pytest.approx(p, abs=1e-5)
    assert best["brier"] == pytest.approx(p, abs=1e-5)
    if p in (0.0, 1.0):
        assert best["absolute"] == p
    elif p == 0.5:
        assert best["absolute"] is None
    else:
        assert best["absolute"] == (1.0 if p > 0.5 else 0.0)
    # Brute force on a grid: nothing beats q = p for the proper rules.
    grid = np.linspace(0, 1, 401)
    at_p = cal.expected_scores(p, [p])
    grid_scores = cal.expected_scores(p, grid)
    for rule in ("log", "brier"):
        assert grid_scores[rule].min() >= at_p[rule][0] - 1e-12
    if 0 < p < 1 and abs(p - 0.5) > 1e-6:
        assert grid_scores["absolute"].min() < at_p["absolute"][0]


@pytest.mark.parametrize("p", [-0.1, 1.5, math.nan])
def test_scoring_rules_need_a_probability(p):
    with pytest.raises(ProblemError) as err:
        cal.score_minimisers(p)
    assert codes(err) == ["out_of_range"]
    with pytest.raises(ProblemError):
        cal.expected_scores(0.5, [p])


# ---- label smoothing ---------------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(st.integers(2, 12), st.floats(0.001, 1.0),
       st.lists(st.floats(0.01, 10), min_size=12, max_size=12))
def test_label_smoothing_loss_is_lowest_at_q_equal_p(k, eps, weights):
    P = soft.smoothed_target(k, eps)
    Q = info.normalize(weights[:k])
    h = info.entropy(P)
    assert info.cross_entropy(P, Q) >= h - 1e-12
    assert info.cross_entropy(P, P) == pytest.approx(h)
    assert info.cross_entropy(P, Q) == pytest.approx(h + info.kl_divergence(P, Q))


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 20), st.floats(0.01, 0.99))
def test_the_best_gap_is_where_the_softmax_equals_the_target(k, eps):
    g = soft.optimal_gap(k, eps)
    assert np.allclose(soft.gap_output(k, g), soft.smoothed_target(k, eps))
    found = optimize.minimize_scalar(lambda x: soft.smoothing_at(k, eps, x).ce,
                                     bounds=(-30, 60), method="bounded",
                                     options={"xatol": 1e-9})
    assert found.x == pytest.approx(g, abs=1e-4)
    s = soft.smoothing_at(k, eps, g + 1.0, base=2)
    assert s.ce == pytest.approx(s.entropy + s.kl) and s.kl > 0


def test_one_hot_has_no_finite_best_gap():
    assert soft.optimal_gap(10, 0.0) == math.inf
    assert soft.optimal_gap(10, 1.0) == 0.0
    c = soft.smoothing_curve(10, 0.0, np.linspace(0, 30, 31))
    assert (np.diff(c["one_hot"]) < 0).all()          # falls at every step, no minimum
    assert np.allclose(c["one_hot"], np.log1p(9 * np.exp(-c["gap"])))
    assert soft.optimal_gap(10, 0.1) == pytest.approx(math.log(91))


@pytest.mark.parametrize("call, column", [
    (lambda: soft.smoothed_target(1, 0.1), "k"),
    (lambda: soft.smoothed_target(2.5, 0.1), "k"),
    (lambda: soft.smoothed_target(10, 1.5), "eps"),
    (lambda: soft.smoothed_target(10, -0.1), "eps"),
    (lambda: soft.smoothed_target(3, 0.1, true=3), "true"),
    (lambda: soft.optimal_gap(10, math.nan), "eps"),
    (lambda: soft.gap_output(10, math.inf), "gap"),
    (lambda: soft.tempered([1.0, 2.0], 0.0), "T"),
    (lambda: soft.tempered([1.0, "x"], 1.0), None),
])
def test_soft_target_bad_input(call, column):
    with pytest.raises((ProblemError, ValueError)) as err:
        call()
    if column is not None:
        assert isinstance(err.value, ProblemError)
        assert err.value.problems[0].code == "out_of_range"
        assert err.value.problems[0].column == column


# ---- distillation ------------------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(-8, 8), min_size=2, max_size=10), st.floats(1, 50), st.floats(1, 3))
def test_temperature_spreads_the_target_and_keeps_its_order(z, T, factor):
    z = np.asarray(z)
    lo, hi = soft.tempered(z, T), soft.tempered(z, T * factor)
    assert info.entropy(hi) >= info.entropy(lo) - 1e-12
    assert hi.max() <= lo.max() + 1e-12
    strict = z[:, None] > z[None, :] + 1e-6
    assert (hi[:, None] >= hi[None, :])[strict].all()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(-5, 5), min_size=3, max_size=6), st.floats(0.5, 20),
       st.integers(0, 2**31 - 1))
def test_soft_loss_gradient_matches_finite_differences(z, T, seed):
    z = np.asarray(z)
    v = np.random.default_rng(seed).normal(size=len(z)) * 3
    target = soft.tempered(z, T)

    def loss(v_):
        return info.cross_entropy(target, soft.tempered(v_, T))

    h = 1e-6
    numeric = np.array([(loss(v + h * e) - loss(v - h * e)) / (2 * h) for e in np.eye(len(z))])
    assert np.allclose(soft.soft_loss_gradient(v, z, T), numeric, atol=1e-6)
    assert np.allclose(soft.soft_loss_gradient(z + 3.0, z, T), 0, atol=1e-12)


def test_the_soft_gradient_falls_like_one_over_t_squared():
    g = soft.gradient_scale(soft.EXAMPLE_STUDENT, soft.EXAMPLE_TEACHER, [100.0, 1000.0, 10000.0])
    assert g["gradient"][0] / g["gradient"][1] == pytest.approx(100, rel=0.05)
    assert g["gradient"][1] / g["gradient"][2] == pytest.approx(100, rel=0.01)
    z = np.asarray(soft.EXAMPLE_TEACHER)
    limit = np.linalg.norm(z - z.mean()) / len(z)      # Hinton et al.: (v − z) / (K T²)
    assert g["scaled"][2] == pytest.approx(limit, rel=1e-3)


def test_soft_gradient_needs_matching_lengths():
    with pytest.raises(ProblemError) as err:
        soft.soft_loss_gradient([0.0, 0.0], [1.0, 2.0, 3.0], 2.0)
    assert codes(err) == ["length"]


# ---- chart data --------------------------------------------------------------------------------

def test_score_chart_data_drops_infinities_and_marks_each_minimiser():
    names = {"log": "L", "brier": "B", "absolute": "A"}
    d = cc.score_chart_data(0.5, names, base=2, points=11)
    curves = pd.DataFrame(d["curves"])
    assert np.isfinite(curves["value"]).all()
    assert (curves["series"] == "L").sum() == 9      # q = 0 and q = 1 are ∞
    assert pd.DataFrame(d["best"])["series"].tolist() == ["L", "B"]   # A: every q ties
    spec = charts.compile_spec(cc.score_chart, text={"q": "q", "value": "v", "series": "s",
                                                     "best": "b", "p": "p"},
                               colors=(("L", "#000"), ("B", "#111"), ("A", "#222")))
    dashes = [layer["encoding"].get("strokeDash") for layer in spec["layer"]]
    assert dashes[0]["scale"]["range"] == [[1, 0], [8, 4], [2, 3]]


def test_smoothing_chart_data_at_eps_zero_has_only_the_one_hot_curve():
    names = {"one_hot": "1", "smoothed": "S", "floor": "H", "best": "min", "now": "g"}
    d = cc.smoothing_chart_data(10, 0.0, 5.0, names, points=5)
    assert set(d["curves"]["series"]) == {"1"}
    assert d["marks"]["name"].tolist() == ["g"]     # g* = ∞ is not on the axis
    d = cc.smoothing_chart_data(10, 0.1, 5.0, names, points=5)
    assert set(d["curves"]["series"]) == {"1", "S"}
    assert d["marks"]["gap"][0] == pytest.approx(math.log(91))


def test_target_and_gradient_and_reliability_chart_data():
    d = cc.target_chart_data(soft.EXAMPLE_TEACHER, 4.0, list("0123456789"), ("a", "b"))
    frame = pd.DataFrame(d["targets"])
    assert frame.groupby("series")["probability"].sum().round(12).tolist() == [1.0, 1.0]
    g = cc.gradient_chart_data(soft.EXAMPLE_STUDENT, soft.EXAMPLE_TEACHER, 4.0, ("r", "s"),
                               points=5)
    assert len(g["curves"]["T"]) == 10 and g["now"]["T"].tolist() == [4.0]
    r = cal.reliability([[0.9, 0.1], [0.6, 0.4], [0.2, 0.8]], [0, 1, 1], bins=5)
    data = cc.reliability_chart_data({"x": r}, "perfect")
    assert data["bins"]["count"].sum() == 3 and data["diagonal"]["name"][0] == "perfect"


def test_reliability_markers_at_the_same_place_both_show():
    """Browser review: at (100%, 100%) both series have a bin, and the T = 1 circle hid
    completely under the fitted T's square (both filled, the square drawn later). The fitted
    T's filled squares are now drawn first and T = 1's hollow circles (a thicker coloured ring,
    no fill) over them: a ring over a square of any size, or a square inside a ring, both
    visible; told apart by shape and fill as well as colour, and at their own values (no
    offset)."""
    probs = [[1.0, 0.0]] * 8 + [[0.7, 0.3]] * 2
    r = cal.reliability(probs, [0] * 9 + [1], bins=5)
    bins = pd.DataFrame(cc.reliability_chart_data({"T = 1": r, "fitted": r})["bins"])
    top = bins[(bins["confidence"] == 1.0) & (bins["accuracy"] == 1.0)]
    assert top["series"].tolist() == ["T = 1", "fitted"] and top["count"].tolist() == [8, 8]
    orange, blue = "#b8551a", "#2f5f9e"
    spec = charts.compile_spec(cc.reliability_chart, text={k: k for k in (
        "confidence", "accuracy", "series", "count", "perfect")},
        colors=(("T = 1", orange), ("fitted", blue)))
    diagonal, first, last = spec["layer"]
    assert diagonal["mark"]["type"] == "line"
    assert "'fitted'" in first["transform"][0]["filter"]     # the filled squares, drawn first
    assert "'T = 1'" in last["transform"][0]["filter"]       # the hollow circles, over them
    for layer in first, last:
        enc = layer["encoding"]
        assert enc["shape"]["scale"]["range"] == ["circle", "square"]
        assert enc["fill"]["scale"]["range"] == ["transparent", blue]
        assert enc["stroke"]["scale"]["range"] == [orange, blue]
        assert (enc["x"]["field"], enc["y"]["field"]) == ("confidence", "accuracy")
        assert not {"xOffset", "yOffset"} & set(enc)
        assert enc["size"] == first["encoding"]["size"]      # one area scale for both
        assert enc["shape"]["legend"] == enc["fill"]["legend"] == enc["stroke"]["legend"]
    assert last["mark"]["strokeWidth"] > first["mark"]["strokeWidth"]
    # The largest marker (area 900 px², half width 15 px) at 100% stays inside the plot (at
    # 390 px it spilled over the edges): both scales padded by more than that half width, with
    # ticks only from 0% to 100%, none for the padding.
    sizes = first["encoding"]["size"]["scale"]["range"]
    for channel in "xy":
        scale, axis = diagonal["encoding"][channel]["scale"], diagonal["encoding"][channel]["axis"]
        assert scale["domain"] == [0, 1] and scale["padding"] >= max(sizes) ** 0.5 / 2
        assert min(axis["values"]) == 0 and max(axis["values"]) == 1


# ---- what the page says (lib.calibration's cases) ---------------------------------------------

def words(tiles) -> list:
    """The tiles' labels and values: Case names, or the text a value is."""
    return [(t.label.name, getattr(t.value, "name", t.value)) for t in tiles]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 100).map(lambda i: i / 100))
def test_score_cases_follow_where_each_rule_is_lowest(p):
    # p as the slider sets it (steps of 0.01): the proper rules' tiles read p itself.
    s = cal_lesson.score_cases(p, 2, "bits")
    log, brier, absolute = words(s.tiles)
    assert log == ("score.best", fmt.prob(p)) and brier == ("score.best", fmt.prob(p))
    if p in (0.0, 1.0):
        assert absolute[1] == fmt.prob(p) and s.take.name == "score.take.certain"
    elif p == 0.5:
        assert absolute == ("rule.absolute", "score.tie") and s.take.name == "score.take.flat"
    else:
        q = "1" if p > 0.5 else "0"
        assert absolute == ("score.best", q)
        assert s.take == Case("score.take.exaggerate", {"q": q})
    assert [c.numbers["rule"].name for c in s.caption.numbers["list"]] == [
        "rule.log", "rule.brier", "rule.absolute"]
    held = cal_lesson.score_cases(p, 2, "bits", shown=False)
    assert held.rules == ("log", "brier") and held.take is None
    assert held.tiles == s.tiles[:2]


def test_score_cases_at_the_defaults():
    s = cal_lesson.score_cases(0.7, 2, "bits")
    log = s.caption.numbers["list"][0]
    assert log == Case("score.at", {"rule": Case("rule.log"), "q": "0.7",
                                    "value": "0.881 bits"})
    assert s.caption.numbers["list"][1].numbers["value"] == "0.21"   # Brier: no unit
    at_half = cal_lesson.score_cases(0.5, None, "nats").caption.numbers["list"][2]
    assert at_half == Case("score.at_any", {"rule": Case("rule.absolute"), "value": "0.5"})


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 20), st.integers(0, 50).map(lambda i: i / 100),
       st.floats(0.0, 20.0), st.sampled_from([5.0, 20.0]))
def test_smoothing_cases_say_what_the_numbers_are(k, eps, gap, x_max):
    s = cal_lesson.smoothing_cases(k, eps, gap, 2, "bits", x_max)
    at, best = soft.smoothing_at(k, eps, gap, 2), soft.optimal_gap(k, eps)
    assert words(s.tiles) == [("smooth.m.best", fmt.short(best)),
                              ("smooth.m.ce", fmt.amount(at.ce, "bits")),
                              ("smooth.m.h", fmt.amount(at.entropy, "bits")),
                              ("smooth.m.kl", fmt.amount(at.kl, "bits"))]
    smoothed = s.caption.numbers["smoothed"]
    if eps == 0:
        assert smoothed == "" and s.take == Case("smooth.take.zero")
    else:
        assert smoothed.name == ("smooth.caption.far" if best > x_max
                                 else "smooth.caption.smoothed")
        assert s.take == Case("smooth.take", {"gap": fmt.short(best)})
    held = cal_lesson.smoothing_cases(k, eps, gap, 2, "bits", x_max, shown=False)
    assert held.tiles == s.tiles[1:] and held.take is None
    assert held.caption.numbers["smoothed"] == ""


def test_smoothing_cases_at_the_defaults():
    s = cal_lesson.smoothing_cases(10, 0.1, 8.0, 2, "bits", 20.0)
    assert s.identity == r"1.04 = 0.722 + 0.321 \quad \text{(bits)}"
    # The one-hot curve log₂(1 + (K − 1) e^−g) at g = 0 and at the axis's end, g = 20.
    assert s.caption == Case("smooth.caption", {
        "k": 10, "one_hot_0": "3.32 bits", "one_hot_end": "2.68e−8 bits", "end": "20",
        "smoothed": Case("smooth.caption.smoothed", {"h": "0.722 bits", "gap": "4.51"})})


@settings(max_examples=30, deadline=None)
@given(st.floats(1.0, 20.0))
def test_distillation_cases_name_the_runners_up_at_every_temperature(T):
    # Tempering keeps the order of the classes: after the 7, the 9 and the 1 at every T.
    d = cal_lesson.distillation_cases(soft.EXAMPLE_TEACHER, soft.EXAMPLE_STUDENT, T, 2, "bits")
    assert (d.take.numbers["first"], d.take.numbers["second"]) == ("9", "1")
    one = T == 1.0
    assert d.take.name == ("distil.take.one" if one else "distil.take")
    assert [t.caption is None for t in d.tiles] == [one, one, True]


def test_distillation_cases_at_the_defaults():
    d = cal_lesson.distillation_cases(soft.EXAMPLE_TEACHER, soft.EXAMPLE_STUDENT, 4.0, 2, "bits")
    assert words(d.tiles) == [("distil.m.wrong", "51.7%"), ("distil.m.entropy", "2.56 bits"),
                              ("distil.m.grad", "1.65")]
    assert d.caption == Case("distil.caption", {"t": "4", "top1": "99.5%", "top": "48.3%"})
    g = soft.gradient_scale(soft.EXAMPLE_STUDENT, soft.EXAMPLE_TEACHER, [1.0, 10.0, 100.0])
    assert d.gradient.numbers == {"g1": g["gradient"][0], "s1": g["scaled"][0],
                                  "g10": g["gradient"][1], "s10": g["scaled"][1],
                                  "g100": g["gradient"][2], "s100": g["scaled"][2]}


@settings(max_examples=60, deadline=None)
@given(st.floats(0.0, 2.0), st.floats(0.0, 2.0))
def test_change_says_same_fell_or_rose_as_shown(before, after):
    c = cal_lesson.change(before, after, fmt.percent)
    a, b = fmt.percent(before), fmt.percent(after)
    if a == b:
        assert c == Case("change.same", {"a": a})
    else:
        assert c == Case("change.fell" if after < before else "change.rose", {"a": a, "b": b})


def test_comparison_rows_and_the_sentence_on_each_temperature():
    over = cal.TemperatureReport(1.32, 148, 149, True, 0.9262, 0.0512, 0.0231, 0.30, 0.25,
                                 0.95, 0.9)
    level = cal.TemperatureReport(1.02, 148, 149, True, 0.88, 0.03, 0.03, 0.4, 0.4, 0.9, 0.9)
    bad = ProblemError([Problem("cal_not_finite", row=5)], "row 5")
    table, text = cal_lesson.comparison({"a": over, "b": level, "c": bad},
                                 {"a": "A", "b": "B", "c": "C"}, None)
    assert list(table) == list(cal_lesson.COMPARE_COLUMNS)
    assert [table[c][0] for c in cal_lesson.COMPARE_COLUMNS] == [
        "A", "92.62%", "1.3200", "5.12%", "2.31%", "0.3000", "0.2500"]
    assert table["acc"][2] == "—" and table["net"][2] == "C"
    assert [(p.numbers["t"], p.numbers["verdict"].name) for p in text.numbers["parts"]] == [
        ("1.32", "verdict.over"), ("1.02", "verdict.level")]
    assert cal_lesson.comparison({"a": over}, {"a": "A"}, 2)[0]["nll1"] == [
        fmt.num(0.25 / math.log(2), 4)]


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 60), st.integers(2, 5), st.integers(1, 20), st.integers(0, 2**16))
def test_bin_rows_hold_every_example_once(n, k, bins, seed):
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(n, k)) * 3
    y = rng.integers(0, k, n)
    tables = dict(zip("ab", cal.scaled_reliability(z, y, 2.0, bins)))
    rows = cal_lesson.bin_rows(tables)
    assert sum(rows["count"]) == 2 * n and min(rows["count"]) >= 1
    assert rows["series"].count("a") == int((tables["a"]["count"] > 0).sum())


def test_network_cases_of_a_classifier_that_is_too_sure():
    rng = np.random.default_rng(3)
    z = rng.normal(size=(400, 4)) * 5                      # confident,
    y = np.where(rng.random(400) < 0.6, z.argmax(axis=1), rng.integers(0, 4, 400))  # often wrong
    r = cal.temperature_report(z[:100], y[:100], z[100:], y[100:], bins=10)
    n = cal_lesson.network_cases(r, (z[:100], y[:100], z[100:], y[100:]), "cross_entropy", 10, None,
                          "nats", ("1", "T"))
    assert r.temperature > 1.05 and n.take == Case("net.over", {
        "t": fmt.num(r.temperature, 2), "net": Case("net.name.cross_entropy")})
    assert n.split == Case("net.split.valid", {"n_fit": 100, "n_test": 300})
    assert words(n.tiles) == [
        ("net.m.t", fmt.num(r.temperature, 2)),
        ("net.m.ece", f"{fmt.percent(r.ece_before)} → {fmt.percent(r.ece_after)}"),
        ("net.m.nll", f"{fmt.num(r.nll_before, 3)} → {fmt.num(r.nll_after, 3)}"),
        ("net.m.acc", fmt.percent(r.accuracy))]
    assert n.detail[0].numbers["ece"] == cal_lesson.change(r.ece_before, r.ece_after, fmt.percent)
    assert (n.noisy is not None) == cal.scaling_worse(r)
    assert n.how.numbers["softmax"] == fmt.percent(r.ece_before)
    assert sum(n.bins["count"]) == 2 * 300
    held = cal_lesson.network_cases(r, (z[:100], y[:100], z[100:], y[100:]), "cross_entropy", 10,
                             None, "nats", ("1", "T"), shown=False)
    assert held.tiles == n.tiles[1:] and held.take is None


@pytest.mark.parametrize("state, status", [("queued", "training"), ("running", "training"),
                                           ("stopping", "stopped"), ("stopped", "stopped"),
                                           ("failed", "failed")])
def test_run_case_of_a_run_not_finished(state, status):
    from types import SimpleNamespace as Run
    run = Run(done=2, epochs=30, complete=False, state=state)
    assert cal_lesson.run_case(run, ["a"]) == Case(f"run.{status}", {"done": 2, "epochs": 30})
    assert cal_lesson.run_case(Run(done=30, complete=True, outputs={}), ["a"]) == Case("run.no_outputs")
