"""lib.sampling: draws, running averages with their bands, infinities, estimators and bias."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special

from lib import info, sampling
from lib.info import DistributionError

P4 = (1 / 2, 1 / 4, 1 / 8, 1 / 8)
Q4 = (1 / 8, 1 / 2, 1 / 4, 1 / 8)


def test_draws_are_seeded_and_never_pick_impossible_events():
    a = sampling.draw(P4, 1000, seed=7)
    assert np.array_equal(a, sampling.draw(P4, 1000, seed=7))
    assert not np.array_equal(a, sampling.draw(P4, 1000, seed=8))
    x = sampling.draw([0.0, 0.5, 0.0, 0.5, 0.0], 10**5, seed=1)
    assert set(np.unique(x).tolist()) == {1, 3}
    assert sampling.draw(P4, 0).size == 0
    freqs = np.bincount(sampling.draw(P4, 10**6, seed=2), minlength=4) / 10**6
    np.testing.assert_allclose(freqs, P4, atol=3e-3)


def test_running_averages_settle_on_the_four_animal_values():
    r = sampling.running_averages(P4, Q4, 10**6, seed=0)
    assert r.exact["info_p"] == pytest.approx(1.75)
    assert r.exact["info_q"] == pytest.approx(2.375)
    assert r.exact["log_ratio"] == pytest.approx(0.625)
    for k in sampling.QUANTITIES:
        assert abs(r.final[k] - r.exact[k]) < 4 * r.final_se[k]
        assert r.final_se[k] < 0.002
    t = r.table
    assert len(t) <= 400 and t.n.iloc[0] == 1 and t.n.iloc[-1] == 10**6
    assert np.all(np.diff(t.n) > 0)
    assert t.info_p_se.iloc[0] == math.inf and np.isfinite(t.info_p_se.iloc[1:]).all()
    # Per draw, -log q = -log p + log(p/q): the averages add up the same way.
    np.testing.assert_allclose(t.info_q, t.info_p + t.log_ratio, atol=1e-9)
    assert r.first_infinite is None


def test_running_average_matches_a_direct_computation():
    p, q = [0.2, 0.3, 0.5], [0.5, 0.3, 0.2]
    r = sampling.running_averages(p, q, 500, seed=4, base=None, points=1000)
    x = sampling.draw(p, 500, seed=4)
    v = -np.log(np.asarray(q))[x]
    assert len(r.table) == 500
    np.testing.assert_allclose(r.table.info_q, np.cumsum(v) / np.arange(1, 501), atol=1e-12)
    m = 37
    assert r.table.info_q_se[m - 1] == pytest.approx(np.std(v[:m], ddof=1) / math.sqrt(m))
    assert r.final["info_q"] == pytest.approx(v.mean())


def test_zero_q_makes_the_average_infinite_from_the_first_such_draw():
    p, q = [0.9, 0.1], [1.0, 0.0]
    r = sampling.running_averages(p, q, 1000, seed=0, points=1000)
    x = sampling.draw(p, 1000, seed=0)
    first = int(np.flatnonzero(x == 1)[0]) + 1
    assert r.first_infinite == first and r.infinite_event == 1
    t = r.table
    before, after = t[t.n < first], t[t.n >= first]
    assert np.isfinite(before.info_q).all() and (after.info_q == math.inf).all()
    assert (after.log_ratio == math.inf).all() and (after.info_q_se == math.inf).all()
    assert np.isfinite(t.info_p).all()
    assert not t.isna().any().any()
    assert r.final["info_q"] == math.inf and r.exact["info_q"] == math.inf


def test_units_follow_the_base():
    bits = sampling.running_averages(P4, Q4, 1000, seed=3)
    nats = sampling.running_averages(P4, Q4, 1000, seed=3, base=None)
    assert nats.final["info_q"] == pytest.approx(bits.final["info_q"] * math.log(2))
    assert nats.exact["log_ratio"] == pytest.approx(0.625 * math.log(2))


def test_bad_input():
    with pytest.raises(DistributionError):
        sampling.running_averages([0.5, 0.6], Q4[:2], 10)
    with pytest.raises(DistributionError) as err:
        sampling.running_averages(P4, [0.5, 0.5], 10)
    assert err.value.code == "length"
    for n in (1, 10**6 + 1, 2.5, True):
        with pytest.raises(ValueError):
            sampling.running_averages(P4, Q4, n)
    with pytest.raises(ValueError):
        sampling.plugin_bias(P4, [10**5], repeats=100)
    with pytest.raises(ValueError):
        sampling.miller_madow([1, -1])


def test_estimates_mle_cross_entropy_and_plug_in():
    e = sampling.estimates(P4, Q4, 40, seed=5)
    assert e.counts.sum() == 40 and np.allclose(e.freqs, e.counts / 40)
    x = sampling.draw(P4, 40, seed=5)
    # The sample's mean -log q(x) is the cross-entropy of the empirical distribution against Q.
    assert e.cross_entropy_q == pytest.approx(np.mean(-np.log2(np.asarray(Q4)[x])))
    assert e.cross_entropy_p == pytest.approx(np.mean(-np.log2(np.asarray(P4)[x])))
    # The MLE fits its own sample best: H(P̂) <= H(P̂, R) for R = P and R = Q.
    assert e.plug_in <= e.cross_entropy_p + 1e-12 and e.plug_in <= e.cross_entropy_q
    assert e.kl_to_p == pytest.approx(info.kl_divergence(e.freqs, P4, 2), abs=1e-12)
    assert e.miller_madow == pytest.approx(e.plug_in + (e.seen - 1) / 80 / math.log(2))
    assert (e.support, e.entropy_p, e.cross_entropy_pq) == (4, pytest.approx(1.75),
                                                            pytest.approx(2.375))


def test_miller_madow_uses_the_events_seen():
    plug, mm = sampling.miller_madow([5, 3, 2, 0], base=None)
    assert plug == pytest.approx(info.entropy([0.5, 0.3, 0.2]))
    assert mm - plug == pytest.approx(2 / 20)  # k = 3 events seen, n = 10
    assert sampling.miller_madow([7], base=2) == (0.0, 0.0)


def test_plug_in_entropy_is_biased_low_and_miller_madow_helps():
    b = sampling.plugin_bias(P4, [10, 20, 100], repeats=2000, seed=0)
    assert list(b.n) == [10, 20, 100]
    assert (b.bias < -3 * b.plug_in_se).all()          # really biased low
    assert (b.bias.abs() > b.bias_mm.abs()).all()       # the correction shrinks it
    np.testing.assert_allclose(b.predicted, [-3 / 20 / math.log(2), -3 / 40 / math.log(2),
                                             -3 / 200 / math.log(2)])
    assert b.bias.iloc[2] == pytest.approx(b.predicted.iloc[2], abs=4 * b.plug_in_se.iloc[2])
    again = sampling.plugin_bias(P4, [20], repeats=2000, seed=0)
    assert again.plug_in[0] == b.plug_in[1]  # each n reproducible on its own


@st.composite
def pairs(draw):
    k = draw(st.integers(1, 8))
    w = np.array(draw(st.lists(st.floats(0.01, 1.0), min_size=k, max_size=k)))
    v = np.array(draw(st.lists(st.floats(0.01, 1.0), min_size=k, max_size=k)))
    return info.normalize(w), info.normalize(v)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(pairs(), st.integers(0, 2**32 - 1))
def test_final_averages_are_within_their_error_of_the_exact_values(pq, seed):
    p, q = pq
    r = sampling.running_averages(p, q, 20_000, seed=seed)
    for k in sampling.QUANTITIES:
        # 5 standard errors: a miss has probability below 1e-6 per check.
        assert abs(r.final[k] - r.exact[k]) <= 5 * r.final_se[k] + 1e-9


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=12).filter(lambda w: sum(w) > 0),
       st.integers(1, 40), st.integers(1, 6), st.integers(0, 2**16))
def test_counts_are_those_of_the_located_draws(weights, n, repeats, seed):
    """The bias table counts each row's events by comparing with the CDF's boundaries: the
    same counts as locating every draw (``draw``'s inverse CDF) and counting, zero-probability
    events and ties included."""
    w = np.array(weights)
    cdf = sampling._sampler(w / w.sum())
    u = np.random.default_rng(seed).random((repeats, n))
    located = np.searchsorted(cdf, u, side="right")
    want = np.stack([np.bincount(row, minlength=cdf.size) for row in located])
    assert np.array_equal(sampling._counts(cdf, sampling._keys(u)), want)


def _located_counts(cdf, u):
    """Counts of :func:`lib.sampling.draw`'s events (inverse CDF), row by row."""
    located = np.searchsorted(cdf, u, side="right") + cdf.size * np.arange(len(u))[:, None]
    return np.bincount(located.ravel(), minlength=cdf.size * len(u)).reshape(len(u), cdf.size)


def test_counts_across_blocks_and_on_the_boundaries():
    """Rows are searched in blocks of 512; a draw equal to a boundary F_i belongs to the next
    event, and an event of probability 0 (an empty interval) is never counted."""
    cdf = sampling._sampler(np.array([0.5, 0.0, 0.25, 0.25, 0.0]))
    assert cdf.tolist() == [0.5, 0.5, 0.75, 1.0, 1.0]
    edges = np.array([[0.0, 0.5, 0.75, 0.5 - 2**-53, 0.75 - 2**-53, 0.999]])
    assert sampling._counts(cdf, sampling._keys(edges)).tolist() == [[2, 0, 2, 2, 0]]
    u = np.random.default_rng(3).random((1100, 7))
    assert np.array_equal(sampling._counts(cdf, sampling._keys(u)), _located_counts(cdf, u))
    with pytest.raises(ValueError):
        sampling._keys(np.array([[2.0**-60]]))  # not a draw of numpy's 53-bit generator


def test_bias_table_of_a_fixed_seed_is_unchanged():
    """The faster counting gives the very numbers the page showed before (seeded)."""
    b = sampling.plugin_bias(P4, [2, 20, 1000], repeats=1000, seed=0)
    rng = np.random.default_rng([0, 20])
    x = np.searchsorted(sampling._sampler(np.array(P4)), rng.random((1000, 20)), side="right")
    counts = np.stack([np.bincount(row, minlength=4) for row in x])
    from scipy import special
    plug = np.sum(special.entr(counts / 20), axis=1) / math.log(2)
    assert b.plug_in[1] == pytest.approx(float(plug.mean()), rel=1e-12)


def test_draws_kept_for_several_p_give_the_same_table():
    """The codes page keeps the draws of its ten sizes (they do not depend on P) and searches
    them for each P: the very table of drawing each time, for many events too, and a size the
    kept draws lack is drawn."""
    sizes = (2, 3, 5, 10, 20, 50, 100, 200, 500, 1000)
    draws = sampling.bias_draws(sizes, repeats=1000, seed=0)
    assert sorted(draws.keys) == list(sizes) and draws.keys[20].shape == (1000, 20)
    fifty = np.random.default_rng(1).random(50)
    fifty /= fifty.sum()
    for p in (P4, fifty, [1.0]):
        kept = sampling.plugin_bias(p, [37, *sizes], repeats=1000, seed=0, draws=draws)
        assert kept.equals(sampling.plugin_bias(p, [37, *sizes], repeats=1000, seed=0))
    u = np.random.default_rng([0, 1000]).random((1000, 1000))
    plug = np.sum(special.entr(_located_counts(sampling._sampler(fifty), u) / 1000), axis=1)
    kept = sampling.plugin_bias(fifty, [1000], repeats=1000, seed=0, draws=draws)
    assert kept.plug_in[0] == pytest.approx(float(plug.mean()) / math.log(2), rel=1e-12)
    with pytest.raises(ValueError):
        sampling.plugin_bias(P4, sizes, repeats=500, seed=0, draws=draws)
    with pytest.raises(ValueError):
        sampling.plugin_bias(P4, sizes, repeats=1000, seed=1, draws=draws)


# ---- The exact expected plug-in entropy (issue 20, item 2) -----------------------------------

def _brute_expected_plugin(p, n):
    """E[H(P̂)] in nats by enumerating every count vector of n draws over len(p) events with
    its multinomial probability: an oracle independent of the binomial-marginal shortcut."""
    from itertools import product
    from scipy import special, stats
    total = 0.0
    for counts in product(range(n + 1), repeat=len(p)):
        if sum(counts) != n:
            continue
        prob = stats.multinomial.pmf(counts, n, p)
        total += prob * float(np.sum(special.entr(np.array(counts) / n)))
    return total


@pytest.mark.parametrize("p, n", [([0.5, 0.5], 2), ([0.2, 0.3, 0.5], 6),
                                  ([0.7, 0.0, 0.2, 0.1], 5), ([1.0], 4), ([0.01, 0.99], 7)])
def test_expected_plugin_entropy_matches_enumeration(p, n):
    assert sampling.expected_plugin_entropy(p, n, None) == pytest.approx(
        _brute_expected_plugin(p, n), rel=1e-9, abs=1e-15)


def test_expected_plugin_entropy_matches_simulation_and_first_order_when_counts_are_large():
    exact = sampling.expected_plugin_entropy(P4, 200, 2)
    sim = sampling.plugin_bias(P4, [200], repeats=4000, seed=1)
    assert abs(sim.plug_in[0] - exact) < 4 * sim.plug_in_se[0]
    # Every n·p_i ≥ 25 here: the first-order bias (K − 1)/(2n) is within 2% of the exact one.
    bias = info.entropy(P4, 2) - exact
    assert sampling.first_order_bias(P4, 200, 2) == pytest.approx(bias, rel=0.02)
    assert sampling.first_order_bias(P4, 200, 2) == pytest.approx(3 / 400 / math.log(2))


def test_tiny_probabilities_make_the_first_order_bias_wrong():
    """Events of probability 1e−12 are almost never drawn: at n = 10,000 the plug-in entropy is
    low by about 1e−10 nats, while (K − 1)/(2n) = 2.5e−4."""
    p = [1 - 5e-12] + [1e-12] * 5
    bias = info.entropy(p, None) - sampling.expected_plugin_entropy(p, 10_000, None)
    assert 5e-11 < bias < 2e-10
    assert sampling.first_order_bias(p, 10_000, None) == pytest.approx(2.5e-4)


@settings(max_examples=40, deadline=None)
@given(pairs(), st.integers(1, 300))
def test_plugin_entropy_is_low_on_average(pq, n):
    """Jensen: E[H(P̂)] ≤ H(P), and never below 0."""
    p, _ = pq
    e = sampling.expected_plugin_entropy(p, n, 2)
    assert -1e-12 <= e <= info.entropy(p, 2) + 1e-9


def test_expected_plugin_entropy_rejects_bad_input():
    with pytest.raises(ValueError):
        sampling.expected_plugin_entropy(P4, 0)
    with pytest.raises(DistributionError):
        sampling.expected_plugin_entropy([0.5, 0.6], 10)
