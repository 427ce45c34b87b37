"""lib.continuous: closed forms against quadrature, the two fits, binned entropy, Monte Carlo,
the truncated Gaussian, bad input; BRIEF §9's reference numbers."""

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate
from scipy.stats import norm

from lib import continuous as c
from lib.problems import ProblemError

means = st.floats(-5, 5)
sds = st.floats(0.2, 3)


def quad(f, lo, hi, points=None):
    return integrate.quad(f, lo, hi, points=points, limit=500, epsabs=1e-13, epsrel=1e-12)[0]


def quad_kl(p_logpdf, q_logpdf, lo, hi, points=None):
    """KL(P‖Q) = ∫ p log(p/q) by adaptive quadrature of the densities (an independent oracle)."""
    return quad(lambda x: math.exp(p_logpdf(x)) * (p_logpdf(x) - q_logpdf(x)), lo, hi, points)


def codes(call):
    with pytest.raises(ProblemError) as err:
        call()
    return [(p.code, p.column, p.row) for p in err.value.problems]


# ---- BRIEF §9 -------------------------------------------------------------------------------

def test_reference_numbers():
    assert c.gaussian_kl(0, 1, 1, 2) == pytest.approx(0.443147, abs=1e-6)
    assert c.gaussian_entropy(1) == pytest.approx(1.418939, abs=1e-6)
    assert c.gaussian_entropy(1, base=2) == pytest.approx(2.047096, abs=1e-6)
    assert c.gaussian_entropy(1 / math.sqrt(2 * math.pi * math.e)) == pytest.approx(0, abs=1e-15)
    two = ([0.5, 0.5], [1.0, 1.0])

    def mix(d):
        return two[0], [-d, d], two[1]

    assert c.fit_forward(*mix(2)) == pytest.approx((0, 2.2361), abs=1e-4)
    assert c.fit_reverse(*mix(2)) == pytest.approx((0, 2.0470), abs=1e-4)
    assert c.kl_gaussian_to_mixture(0, 2.0470, *mix(2)) == pytest.approx(0.22651, abs=1e-5)
    assert c.fit_forward(*mix(3)) == pytest.approx((0, 3.1623), abs=1e-4)
    assert c.kl_mixture_to_gaussian(*mix(3), 0, math.sqrt(10)) == pytest.approx(0.46199, abs=1e-5)
    assert c.kl_gaussian_to_mixture(0, math.sqrt(10), *mix(3)) == pytest.approx(0.93798, abs=1e-5)
    ends = c.local_optima(c.reverse_fits(*mix(3)))
    assert [(round(f.mean, 4) + 0, round(f.sd, 4), round(f.kl, 5)) for f in ends] == [
        (-2.9843, 1.0234, 0.68877), (2.9843, 1.0234, 0.68877), (0.0, 2.7438, 0.84062)]
    assert c.fit_reverse(*mix(3), start=(3, 1)) == pytest.approx((2.9843, 1.0234), abs=1e-4)
    assert c.fit_reverse(*mix(3), start=(0, 3)) == pytest.approx((0, 2.7438), abs=1e-4)
    best = c.fit_reverse(*mix(4))
    assert abs(best[0]) == pytest.approx(3.9996, abs=1e-4) and best[1] == pytest.approx(1.0008,
                                                                                       abs=1e-4)
    assert c.kl_gaussian_to_mixture(*best, *mix(4)) == pytest.approx(0.69305, abs=1e-5)
    # BRIEF: a naive log of the mixture returned inf from the middle start at d = 4.
    middle = c.reverse_fits(*mix(4), starts=[(0.0, math.sqrt(17))])[0]
    assert math.isfinite(middle.kl) and middle.converged


# ---- Gaussians --------------------------------------------------------------------------------

@settings(deadline=None)
@given(means, sds, means, sds)
def test_gaussian_kl_is_nonnegative_and_matches_quadrature(mp, sp, mq, sq):
    kl = c.gaussian_kl(mp, sp, mq, sq)
    assert kl >= 0
    lo, hi = mp - 40 * sp, mp + 40 * sp
    oracle = quad_kl(lambda x: norm.logpdf(x, mp, sp), lambda x: norm.logpdf(x, mq, sq), lo, hi,
                     [mp])
    assert kl == pytest.approx(oracle, rel=1e-7, abs=1e-9)


@settings(deadline=None)
@given(means, sds, means, sds)
def test_gaussian_kl_zero_iff_equal(mp, sp, mq, sq):
    assert c.gaussian_kl(mp, sp, mp, sp) == 0
    if abs(mp - mq) > 1e-6 * sq or abs(sp / sq - 1) > 1e-6:  # differences a double can see
        assert c.gaussian_kl(mp, sp, mq, sq) > 0


def test_gaussian_kl_units_and_asymmetry():
    assert c.gaussian_kl(0, 1, 1, 2, base=2) == pytest.approx(0.443147 / math.log(2), abs=1e-6)
    assert c.gaussian_kl(0, 1, 1, 2, base=None) == c.gaussian_kl(0, 1, 1, 2)
    assert c.gaussian_kl(1, 2, 0, 1) == pytest.approx(0.5 * (1 + 4 - 1 - math.log(4)))
    assert c.gaussian_kl(1, 2, 0, 1) != pytest.approx(c.gaussian_kl(0, 1, 1, 2))
    # sd ratios near 1 keep their digits
    assert c.gaussian_kl(0, 1, 0, 1 + 1e-9) == pytest.approx(1e-18, rel=1e-6)


@settings(deadline=None)
@given(st.floats(0.01, 100), st.sampled_from([2, 10, math.e]))
def test_entropy_units_agree(sd, base):
    nats = c.gaussian_entropy(sd)
    assert c.gaussian_entropy(sd, base=base) == pytest.approx(nats / math.log(base))
    oracle = -quad(lambda x: norm.pdf(x, 0, sd) * norm.logpdf(x, 0, sd), -40 * sd, 40 * sd)
    assert nats == pytest.approx(oracle, rel=1e-9, abs=1e-12)
    assert (nats < 0) == (sd < 1 / math.sqrt(2 * math.pi * math.e))


# ---- mixtures ---------------------------------------------------------------------------------

@st.composite
def mixtures(draw, k_max=3):
    k = draw(st.integers(1, k_max))
    w = np.array(draw(st.lists(st.floats(0.05, 1), min_size=k, max_size=k)))
    return (w / w.sum()).tolist(), draw(st.lists(means, min_size=k, max_size=k)), draw(
        st.lists(sds, min_size=k, max_size=k))


def _log_p(w, m, s):
    return lambda x: float(c.mixture_logpdf(x, w, m, s))


def _span(w, m, s, mu=None, sd=None):
    lo = min(mi - 40 * si for mi, si in zip(m, s))
    hi = max(mi + 40 * si for mi, si in zip(m, s))
    if mu is not None:
        lo, hi = min(lo, mu - 40 * sd), max(hi, mu + 40 * sd)
    return lo, hi, sorted(set(m))


@settings(max_examples=40, deadline=None)
@given(mixtures())
def test_fit_forward_is_the_mixtures_mean_and_sd(mix):
    w, m, s = mix
    mu, sd = c.fit_forward(w, m, s)
    lo, hi, pts = _span(w, m, s)
    p = lambda x: math.exp(_log_p(w, m, s)(x))  # noqa: E731
    mean = quad(lambda x: x * p(x), lo, hi, pts)
    var = quad(lambda x: (x - mean) ** 2 * p(x), lo, hi, pts)
    assert mu == pytest.approx(mean, abs=1e-7)
    assert sd == pytest.approx(math.sqrt(var), rel=1e-7)
    # and it minimises KL(P‖Q): any nearby Gaussian does worse
    best = c.kl_mixture_to_gaussian(w, m, s, mu, sd)
    for dm, ds in ((0.05, 0), (-0.05, 0), (0, 0.05), (0, -0.05)):
        assert c.kl_mixture_to_gaussian(w, m, s, mu + dm, sd * (1 + ds)) > best


@settings(max_examples=40, deadline=None)
@given(mixtures(), st.floats(-6, 6), st.floats(0.3, 6))
def test_mixture_kls_match_quadrature(mix, mu, sd):
    w, m, s = mix
    lo, hi, pts = _span(w, m, s, mu, sd)
    log_p, log_q = _log_p(w, m, s), (lambda x: norm.logpdf(x, mu, sd))
    forward = quad_kl(log_p, log_q, lo, hi, pts + [mu])
    reverse = quad_kl(log_q, log_p, lo, hi, pts + [mu])
    assert c.kl_mixture_to_gaussian(w, m, s, mu, sd) == pytest.approx(forward, rel=1e-6, abs=1e-8)
    assert c.kl_gaussian_to_mixture(mu, sd, w, m, s) == pytest.approx(reverse, rel=1e-6, abs=1e-8)
    assert c.kl_gaussian_to_mixture(mu, sd, w, m, s, base=2) == pytest.approx(
        c.kl_gaussian_to_mixture(mu, sd, w, m, s) / math.log(2))


def test_quadrature_accuracy_over_the_checked_ranges():
    """The stated accuracy, at the extremes (narrow distant components under a wide Q) and on
    random mixtures: E_Q[log p] against adaptive quadrature."""
    lo_m, hi_m = c.CHECKED_RANGES["mean"]
    lo_s, hi_s = c.CHECKED_RANGES["sd"]
    cases = []
    for w, m, s in (([.5, .5], [lo_m, hi_m], [lo_s, lo_s]),
                    ([.3, .3, .4], [lo_m, 0, hi_m], [lo_s] * 3),
                    ([.5, .5], [lo_m, hi_m], [hi_s, lo_s]),
                    ([.5, .5], [lo_m, hi_m - 0.2], [lo_s, lo_s])):
        for mu in np.linspace(*c.CHECKED_RANGES["q_mean"], 8):
            for sd in (c.CHECKED_RANGES["q_sd"][0], 0.3, 1, 4, c.CHECKED_RANGES["q_sd"][1]):
                cases.append((w, m, s, mu, sd))
    rng = np.random.default_rng(0)
    for _ in range(60):
        k = rng.integers(1, 4)
        cases.append((rng.dirichlet(np.ones(k)).tolist(), rng.uniform(lo_m, hi_m, k).tolist(),
                      rng.uniform(lo_s, hi_s, k).tolist(), rng.uniform(-7, 7),
                      math.exp(rng.uniform(math.log(0.05), math.log(12)))))
    worst = worst_landscape = 0.0
    for w, m, s, mu, sd in cases:
        lo, hi, pts = _span(w, m, s, mu, sd)
        pts = sorted({*pts, *[(a + b) / 2 for a in m for b in m if a < b]})
        lp = _log_p(w, m, s)
        ref = quad(lambda x: norm.pdf(x, mu, sd) * lp(x), mu - 40 * sd, mu + 40 * sd,
                   [x for x in pts if mu - 40 * sd < x < mu + 40 * sd] or None)
        e = c.expect_gaussian(lambda x: c.mixture_logpdf(x, w, m, s), mu, sd)
        worst = max(worst, abs(e - ref) / max(1, abs(ref)))
        h_q = c.gaussian_entropy(sd)
        grid = c.reverse_landscape(w, m, s, [mu], [sd])[0, 0]
        worst_landscape = max(worst_landscape, abs(grid - max(-h_q - ref, 0)) / max(1, abs(ref)))
    assert worst < c.ACCURACY
    assert worst_landscape < c.LANDSCAPE_ACCURACY


def test_log_density_far_from_the_modes_is_finite():
    x = np.array([-200.0, 0.0, 200.0])
    lp = c.mixture_logpdf(x, [0.5, 0.5], [-3, 3], [1, 1])
    assert np.isfinite(lp).all()
    assert lp[0] == pytest.approx(math.log(0.5) + norm.logpdf(-200, -3, 1))
    with np.errstate(divide="ignore"):
        assert np.log(0.5 * norm.pdf(-200, -3, 1) + 0.5 * norm.pdf(-200, 3, 1)) == -np.inf


def test_mixture_entropy():
    assert c.mixture_entropy([1], [2], [0.5]) == pytest.approx(c.gaussian_entropy(0.5))
    # far apart: h = H(weights) + Σ w h_i
    w = [0.2, 0.8]
    h = c.mixture_entropy(w, [-40, 40], [1, 2])
    assert h == pytest.approx(-sum(x * math.log(x) for x in w) + 0.2 * c.gaussian_entropy(1)
                              + 0.8 * c.gaussian_entropy(2), abs=1e-10)
    # a zero-weight component changes nothing
    assert c.mixture_entropy([1, 0], [0, 3], [1, 1]) == pytest.approx(c.gaussian_entropy(1))


# ---- reverse fits -----------------------------------------------------------------------------

@settings(max_examples=15, deadline=None)
@given(st.floats(3, 5), st.floats(0.5, 1.0), st.floats(0.3, 0.7), st.floats(-1, 1))
def test_reverse_fit_picks_a_separated_mode(d, sd, w1, centre):
    """Two modes 2d apart (at least 6 sds): the best KL(Q‖P) fit lands within a fraction of an sd
    of one of them, with a lower KL(Q‖P) than the forward fit."""
    w, m, s = [w1, 1 - w1], [centre - d, centre + d], [sd, sd]
    mu, sigma = c.fit_reverse(w, m, s)
    near = min(abs(mu - mi) for mi in m)
    assert near < 0.25 * sd
    assert sigma == pytest.approx(sd, rel=0.1)
    fwd = c.fit_forward(w, m, s)
    assert c.kl_gaussian_to_mixture(mu, sigma, w, m, s) < c.kl_gaussian_to_mixture(*fwd, w, m, s)
    # and the heavier mode wins
    assert m[int(np.argmax(w))] == min(m, key=lambda x: abs(x - mu)) or abs(w1 - 0.5) < 1e-3


@settings(max_examples=15, deadline=None)
@given(mixtures())
def test_reverse_fits_are_local_minima(mix):
    w, m, s = mix
    for f in c.reverse_fits(w, m, s):
        assert f.converged
        assert f.path[0] == f.start and f.path[-1] == (f.mean, f.sd)
        assert f.kl == pytest.approx(c.kl_gaussian_to_mixture(f.mean, f.sd, w, m, s), abs=1e-12)
        for dm, ds in ((1e-3, 0), (-1e-3, 0), (0, 1e-3), (0, -1e-3)):
            assert c.kl_gaussian_to_mixture(f.mean + dm * f.sd, f.sd * (1 + ds), w, m, s) \
                >= f.kl - 1e-10
    best = c.fit_reverse(w, m, s)
    assert c.kl_gaussian_to_mixture(*best, w, m, s) == pytest.approx(
        min(f.kl for f in c.reverse_fits(w, m, s)), abs=1e-12)


def test_reverse_of_a_gaussian_is_itself():
    assert c.fit_reverse([1], [1.5], [0.7]) == pytest.approx((1.5, 0.7), abs=1e-6)
    assert c.reverse_starts([1], [1.5], [0.7]) == ((1.5, 0.7),)
    assert c.reverse_starts([0.5, 0.5, 0.0], [-3, 3, 0], [1, 1, 1]) == (
        (-3.0, 1.0), (3.0, 1.0), pytest.approx((0.0, math.sqrt(10))))


def test_reverse_landscape_agrees_with_the_objective():
    w, m, s = [0.5, 0.3, 0.2], [-4, 1, 4], [1, 0.6, 0.6]
    mus, sigmas = np.linspace(-5, 5, 7), np.geomspace(0.5, 4, 5)
    grid = c.reverse_landscape(w, m, s, mus, sigmas, nodes=c.NODES)
    for i, sd in enumerate(sigmas):
        for j, mu in enumerate(mus):
            assert grid[i, j] == pytest.approx(c.kl_gaussian_to_mixture(mu, sd, w, m, s),
                                               rel=1e-12, abs=1e-12)


def test_modes_and_peak_shares():
    assert c.mixture_modes([0.5, 0.5], [-2, 2], [1, 1]) == pytest.approx([-1.9995, 1.9995],
                                                                        abs=1e-3)
    assert len(c.mixture_modes([0.5, 0.5], [-0.9, 0.9], [1, 1])) == 1  # d < 1: one peak
    peaks, shares = c.peak_shares(0, 2.047, [0.5, 0.5], [-2, 2], [1, 1])
    assert shares == pytest.approx([0.5, 0.5])
    peaks, shares = c.peak_shares(-2.98, 1.02, [0.5, 0.5], [-3, 3], [1, 1])
    assert shares[0] > 0.99 and shares.sum() == pytest.approx(1)


# ---- binned entropy ---------------------------------------------------------------------------

@settings(deadline=None)
@given(st.floats(0.05, 3), st.sampled_from([0.001, 0.003, 0.01]))
def test_binned_entropy_tends_to_h_minus_log_delta(sd, delta):
    limit = c.entropy_limit(sd, delta)
    assert limit == pytest.approx(c.gaussian_entropy(sd) - math.log(delta), rel=1e-12)
    assert c.entropy_limit(sd, delta, base=2) == pytest.approx(limit / math.log(2), rel=1e-12)
    gap = c.binned_entropy(sd, delta) - limit
    # about Δ²/(24σ²) (Sheppard's correction to the variance of a rounded variable)
    assert gap == pytest.approx((delta / sd) ** 2 / 24, rel=0.05, abs=1e-9)


def test_binned_entropy_brute_force_and_units():
    sd, delta = 0.7, 0.3
    edges = -delta / 2 + delta * np.arange(-200, 201)
    p = np.diff(norm.cdf(edges, 0, sd))
    p = p[p > 0]
    assert c.binned_entropy(sd, delta) == pytest.approx(-(p * np.log(p)).sum(), rel=1e-12)
    assert c.binned_entropy(sd, delta, base=2) == pytest.approx(
        c.binned_entropy(sd, delta) / math.log(2))
    assert c.binned_entropy(0.01, 10) == 0.0
    assert c.binned_entropy(0.01, 10, offset=0) == pytest.approx(math.log(2))
    # never negative, unlike h
    assert c.binned_entropy(0.05, 0.01) > 0 > c.gaussian_entropy(0.05)


# ---- Monte Carlo ------------------------------------------------------------------------------

def test_monte_carlo_checks_the_formula():
    exact = c.gaussian_kl(1.0, 0.5, 0.0, 1.0)
    inside = 0
    for seed in range(40):
        mc = c.monte_carlo_kl(1.0, 0.5, 0.0, 1.0, 2000, seed)
        inside += abs(mc.estimate - exact) <= 2 * mc.stderr
    assert inside >= 34  # about 95% of 40
    big = c.monte_carlo_kl(1.0, 0.5, 0.0, 1.0, 100_000, 0, base=2)
    assert big.estimate == pytest.approx(exact / math.log(2), abs=4 * big.stderr)
    assert big.stderr < 0.01


def test_monte_carlo_running_values_extend_the_same_sample():
    small = c.monte_carlo_kl(0.3, 2.0, 0, 1, 100, 7)
    big = c.monte_carlo_kl(0.3, 2.0, 0, 1, 10_000, 7)
    assert small.counts[0] == 2 and small.counts[-1] == 100
    assert small.running[-1] == small.estimate
    k = np.searchsorted(big.counts, 100)
    assert big.counts[k] == 100
    assert big.running[k] == pytest.approx(small.estimate, rel=1e-12)
    assert big.running_stderr[k] == pytest.approx(small.stderr, rel=1e-9)
    z = np.random.default_rng(7).standard_normal(100)
    terms = norm.logpdf(0.3 + 2 * z, 0.3, 2) - norm.logpdf(0.3 + 2 * z, 0, 1)
    assert small.estimate == pytest.approx(terms.mean(), rel=1e-12)
    assert small.stderr == pytest.approx(terms.std(ddof=1) / 10, rel=1e-9)


# ---- support ----------------------------------------------------------------------------------

@settings(deadline=None)
@given(st.floats(0.1, 5))
def test_truncated_kl(cut):
    kl_pq, kl_qp = c.truncated_kl(cut)
    assert kl_pq == math.inf and 0 < kl_qp < math.inf
    oracle = quad_kl(lambda x: float(c.truncated_logpdf(x, cut)), norm.logpdf, -cut, cut)
    assert kl_qp == pytest.approx(oracle, rel=1e-8, abs=1e-12)
    assert c.truncated_kl(cut, base=2)[1] == pytest.approx(kl_qp / math.log(2))
    mass = quad(lambda x: math.exp(c.truncated_logpdf(x, cut)), -cut, cut)
    assert mass == pytest.approx(1, abs=1e-10)


# ---- bad input --------------------------------------------------------------------------------

def test_bad_parameters_raise_problems_with_codes():
    assert codes(lambda: c.fit_forward([0.5, 0.6], [0, 1], [1, 1])) == [("sum", "weight", None)]
    assert codes(lambda: c.fit_forward([-0.5, 1.5], [0, 1], [1, 1])) == [
        ("negative", "weight", 0)]
    assert codes(lambda: c.fit_reverse([0.5, 0.5], [0, 1], [1, 0])) == [
        ("not_positive", "sd", 1)]
    assert codes(lambda: c.fit_reverse([0.5, 0.5], [0, math.nan], [1, -1])) == [
        ("not_finite", "mean", 1), ("not_positive", "sd", 1)]
    assert codes(lambda: c.fit_forward([1], [0, 1], [1])) == [("length", "weight", None)]
    assert codes(lambda: c.fit_forward([], [], [])) == [("no_rows", "weight", None)]
    assert codes(lambda: c.fit_forward([.25] * 4, [0] * 4, [1] * 4))[0][0] == "too_many_rows"
    assert codes(lambda: c.gaussian_kl(0, 1, 0, -1)) == [("not_positive", "sd", 1)]
    assert codes(lambda: c.gaussian_kl(math.inf, 1, 0, 1)) == [("not_finite", "mean", 0)]
    assert codes(lambda: c.gaussian_entropy(0)) == [("not_positive", "sd", None)]
    assert codes(lambda: c.gaussian_entropy(1, base=1)) == [("out_of_range", "base", None)]
    assert codes(lambda: c.binned_entropy(1, 0)) == [("not_positive", "delta", None)]
    assert codes(lambda: c.truncated_kl(-1)) == [("not_positive", "cut", None)]
    assert codes(lambda: c.monte_carlo_kl(0, 1, 0, 1, 1, 0))[0][:2] == ("not_positive", "n")
    assert codes(lambda: c.normalise_weights([0, 0])) == [("all_zero", "weight", None)]
    assert codes(lambda: c.normalise_weights([1, -1])) == [("negative", "weight", 1)]
    assert codes(lambda: c.fit_reverse([1], [0], [1], start=(0, 0))) == [
        ("not_positive", "sd", None)]
    assert c.normalise_weights([2, 6]).tolist() == [0.25, 0.75]


# ---- what a page says of the reverse fit: reverse_shape, summarise_fits ----------------------------

@pytest.mark.parametrize("mix,kind", [
    (([0.5, 0.5], [-3, 3], [1, 1]), "picks"),                          # far apart: one mode
    (([0.5, 0.5], [-2, 2], [1, 1]), "spans"),                          # close: across both
    (([0.1, 0.8, 0.1], [-2.5, 0, 2.5], [0.3, 1.2, 0.3]), "centred"),   # on one, spilling over
    (([0.7, 0.3], [-1.5, 1.5], [1, 1]), "spans"),                      # mostly one, not centred
    (([0.5, 0.5], [-0.5, 0.5], [1, 1]), "one_mode"),
])
def test_reverse_shape_of_the_best_reverse_fit(mix, kind):
    w, m, s = mix
    mu, sd = c.fit_reverse(w, m, s)
    shape = c.reverse_shape(mu, sd, w, m, s, one_peak=0.9)
    assert shape.kind == kind
    # independent oracle: the basins' shares by integrating Q's density between P's minima
    peaks, shares = c.peak_shares(mu, sd, w, m, s)
    assert shares.sum() == pytest.approx(1)
    top = int(np.argmax(shares))
    assert shape.share == pytest.approx(shares[top]) and shape.mode == peaks[top]
    assert shape.rest == pytest.approx(1 - shape.share)
    if kind == "picks":
        assert shape.share >= 0.9
    if kind == "centred":
        assert 0.5 < shape.share < 0.9 and abs(mu - shape.mode) <= c.CENTRED * sd
    if kind == "spans":
        assert shape.held >= 2 and shape.share < 0.9


@settings(max_examples=25, deadline=None)
@given(st.floats(0.05, 0.95), st.floats(0.5, 4.0), st.floats(0.3, 2.0), st.floats(0.5, 0.99))
def test_reverse_shape_picks_exactly_at_the_threshold(w1, gap, sd, one_peak):
    """"picks" iff P has several modes and the largest basin holds at least ``one_peak`` of Q:
    the same rule as the checkpoint's (lib.lesson.ONE_PEAK)."""
    w, m, s = [w1, 1 - w1], [-gap, gap], [1.0, 1.0]
    shape = c.reverse_shape(0.3 * gap, sd, w, m, s, one_peak=one_peak)
    several = shape.modes > 1
    assert (shape.kind == "picks") == (several and shape.share >= one_peak)
    assert (shape.kind == "one_mode") == (not several)


def test_summarise_fits_against_a_brute_force_count():
    w, m, s = [1 / 3] * 3, [-4, 0, 4], [1, 1, 1]
    fits = c.reverse_fits(w, m, s)
    found = c.summarise_fits(fits)
    kls = [f.kl for f in fits]
    # The best is the first search within 1e-9 (relative) of the lowest: mirror-image minima
    # end 1e-16 apart, in an order that depends on the machine's arithmetic.
    assert found.best == min(i for i, k in enumerate(kls) if k - min(kls) <= 1e-9)
    ends = {(round(f.mean, 3) + 0.0, round(f.sd, 3)) for f in fits}
    assert found.optima == len(ends)
    low = min(kls)
    assert found.tied == len({(round(f.mean, 3) + 0.0, round(f.sd, 3)) for f in fits
                              if f.kl - low <= 1e-9})
    assert len(found.others) == found.optima - 1
    with pytest.raises(ProblemError):
        c.summarise_fits(())


def test_shown_divergence_and_standard_errors():
    assert c.shown_divergence(c.ZERO / 2) == 0.0 and c.shown_divergence(c.ZERO * 2) == c.ZERO * 2
    mc = c.monte_carlo_kl(1.0, 0.5, 0.0, 1.0, 100_000, 2, 2)
    exact = c.gaussian_kl(1.0, 0.5, 0.0, 1.0, 2)
    assert mc.standard_errors(exact) == pytest.approx(abs(mc.estimate - exact) / mc.stderr)


@pytest.mark.parametrize("mix", [
    ([0.5, 0.5], [-3, 3], [1, 1]), ([0.5, 0.5], [-2, 2], [1, 1]), ([1.0], [0.5], [2.0]),
    ([0.1, 0.8, 0.1], [-2.5, 0, 2.5], [0.3, 1.2, 0.3]), ([0.5, 0.5], [-0.5, 0.5], [1, 1])])
def test_compare_fits_agrees_with_each_function(mix):
    """compare_fits against the functions it gathers, called one by one, and its two cases
    decided again from their numbers."""
    w, m, s = mix
    fit = c.compare_fits(w, m, s, one_peak=0.9)
    assert fit.forward == c.fit_forward(w, m, s)
    assert fit.reverse == c.fit_reverse(w, m, s)
    assert fit.fits == c.reverse_fits(w, m, s) and fit.found == c.summarise_fits(fit.fits)
    assert fit.kls == tuple(c.shown_divergence(k) for k in (
        c.kl_mixture_to_gaussian(w, m, s, *fit.forward),
        c.kl_gaussian_to_mixture(*fit.forward, w, m, s),
        c.kl_mixture_to_gaussian(w, m, s, *fit.reverse),
        c.kl_gaussian_to_mixture(*fit.reverse, w, m, s)))
    assert fit.modes == tuple(c.mixture_modes(w, m, s).tolist())
    shape = c.reverse_shape(*fit.reverse, w, m, s, one_peak=0.9)
    assert fit.shape == shape
    assert fit.case == ("gaussian" if len(w) == 1 else shape.kind)
    ratio = fit.reverse[1] / fit.forward[1]
    assert fit.width == ("narrower" if ratio < 0.99 else "wider" if ratio > 1.01
                         else "same_width")


# ---- what the page says: the cases ----------------------------------------------------------------

@pytest.mark.parametrize("mix,name,numbers", [
    (([0.5, 0.5], [-3, 3], [1, 1]), "take.picks", {"mu": "−3.00", "k": 1, "n": 2}),
    (([0.5, 0.5], [-2, 2], [1, 1]), "take.spans", {"k": 2, "n": 2}),
    (([0.1, 0.8, 0.1], [-2.5, 0, 2.5], [0.3, 1.2, 0.3]), "take.centred", {"mu": "0.00"}),
    (([0.5, 0.5], [-0.5, 0.5], [1, 1]), "take.one_mode", {"n": 1}),
    (([1.0], [0.5], [2.0]), "take.gaussian", {}),
])
def test_takeaway_case_follows_compare_fits(mix, name, numbers):
    fit = c.compare_fits(*mix, one_peak=0.9)
    case = c.takeaway_case(fit)
    assert case.name == name == f"take.{fit.case}"
    assert {k: case.numbers[k] for k in numbers} == numbers
    assert case.numbers["rest"] == pytest.approx(100 * (1 - fit.shape.share))
    width = case.numbers["width"]
    assert width.name == fit.width
    assert width.numbers == {"rev": f"{fit.reverse[1]:.2f}", "fwd": f"{fit.forward[1]:.2f}"}
    if name == "take.spans":
        assert width.numbers == {"rev": "2.05", "fwd": "2.24"} and width.name == "narrower"


@pytest.mark.parametrize("mix,said", [
    (([0.5, 0.5], [-3, 3], [1, 1]), [("searches.differ", {"n": 3, "k": 3}),
                                     ("searches.tie", {"k": 2})]),
    (([0.5, 0.5], [-2, 2], [1, 1]), [("searches.same", {"n": 3})]),
    (([1.0], [0.5], [2.0]), [("searches.one", {})]),
])
def test_searches_cases(mix, said):
    fit = c.compare_fits(*mix)
    assert [(case.name, dict(case.numbers)) for case in c.searches_cases(fit)] == said
    # the case read again from a brute-force count of the searches' distinct ends
    ends = {(round(f.mean, 3) + 0.0, round(f.sd, 3)) for f in fit.fits}
    first = c.searches_cases(fit)[0]
    assert first.name == ("searches.one" if len(fit.fits) == 1 else
                          "searches.same" if len(ends) == 1 else "searches.differ")


def test_search_rows_star_the_lowest_divergence():
    fit = c.compare_fits([1 / 3] * 3, [-4, 0, 4], [1, 1, 1])
    rows = c.search_rows(fit, math.log(2))
    assert {len(column) for column in rows.values()} == {len(fit.fits)}
    kls = [f.kl for f in fit.fits]
    first_lowest = min(i for i, k in enumerate(kls) if k - min(kls) <= 1e-9)
    assert [s.endswith(" ★") for s in rows["search"]] == [
        i == first_lowest for i in range(len(kls))]
    assert rows["kl"] == pytest.approx([k / math.log(2) for k in kls])
    assert rows["steps"] == [len(f.path) - 1 for f in fit.fits]
    assert rows["start"][0] == "μ = −4.00, σ = 1.00"
    assert rows["end"][1].startswith("μ = 0.0000, σ = ")


@settings(max_examples=60, deadline=None)
@given(st.floats(0.05, 3.0), st.sampled_from([2, math.e, 10]))
def test_entropy_case_is_the_checkpoints_sign(sd, base):
    """h < 0 exactly below 1/√(2πe): the sentence and the checkpoint (lib.lesson) agree."""
    from lib import lesson
    case = c.entropy_case(sd, base, "u")
    right = lesson.get("continuous", "entropy_sign").answer({"sd": sd, "base": base}).right
    assert case.name == f"h.{right}"
    assert (case.name == "h.negative") == (sd < c.ENTROPY_EDGE)
    assert case.numbers["cut"] == "0.242" and case.numbers["sd"] == f"{sd:.2f}"


@settings(max_examples=40, deadline=None)
@given(means, st.floats(0.1, 3.0), st.integers(2, 5000), st.integers(0, 9999),
       st.floats(-5, 5))
def test_band_case_is_inside_exactly_within_two_standard_errors(mu, sd, n, seed, shift):
    mc = c.monte_carlo_kl(mu, sd, 0.0, 1.0, n, seed)
    exact = mc.estimate + shift * mc.stderr
    case = c.band_case(mc, exact)
    assert case.name == ("vae.inside" if abs(mc.estimate - exact) <= 2 * mc.stderr
                         else "vae.outside")
    assert case.numbers["z"] == mc.standard_errors(exact)


@settings(max_examples=40, deadline=None)
@given(st.floats(0.1, 4.0))
def test_support_case_mass_and_divergence(cut):
    """P's probability outside |x| ≤ c and inside it add up to 1; KL(Q‖P) is −log of the
    inside."""
    case = c.support_case(cut, 2, "bits")
    inside = norm.cdf(cut) - norm.cdf(-cut)
    assert case.numbers["mass"] + inside == pytest.approx(1, abs=1e-12)
    value, unit = case.numbers["kl"].split()
    assert float(value.replace("−", "-")) == pytest.approx(-math.log2(inside), rel=5e-3)
    assert unit == ("bit" if value == "1" else "bits")
    assert case.numbers["c"] == f"{cut:.2f}"


@pytest.mark.parametrize("noise", [-1, 0, 1])
def test_mirror_image_minima_choose_by_rule_not_by_rounding(noise):
    """Two searches that end in mirror-image minima of a symmetric P differ by about one unit
    in the last place, in either order depending on the machine: the best (drawn, starred,
    returned by fit_reverse) is then the first search, and ties list by their means."""
    fits = c.reverse_fits([0.5, 0.5], [-3, 3], [1, 1])
    left, right = fits[0], fits[1]
    nudged = (left, dataclasses.replace(right, kl=left.kl + noise * 1e-16 * left.kl), fits[2])
    found = c.summarise_fits(nudged)
    assert found.best == 0 and found.tied == 2 and found.optima == 3
    assert [round(f.mean, 2) + 0.0 for f in c.local_optima(nudged)] == [-2.98, 2.98, 0.0]
    assert c.tied(left.kl * (1 + 2e-9), left.kl) is False
