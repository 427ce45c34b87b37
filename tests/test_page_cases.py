"""The "which sentence applies" decisions and the table data the codes, explorer, information and
calibration pages took from ``ui`` into ``lib`` (issue 18): each case checked against its
condition computed independently, on worked examples and on random distributions."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import softmax

from lib import calibration as cal
from lib import coding, info, surprise
from lib.problems import ProblemError


@st.composite
def pairs(draw, zeros=True):
    k = draw(st.integers(1, 7))
    # Zeros, or weights from 1e-6 up (no subnormal numbers: H(P) + 1 must differ from 1).
    weight = st.one_of(st.just(0.0), st.floats(1e-6, 1.0)) if zeros else st.floats(0.01, 1.0)
    w = draw(st.lists(weight, min_size=k, max_size=k).filter(lambda x: sum(x) > 0))
    v = draw(st.lists(weight, min_size=k, max_size=k).filter(lambda x: sum(x) > 0))
    return info.normalize(w), info.normalize(v)


# ---- lib.coding -------------------------------------------------------------------------------

@settings(max_examples=80, deadline=None)
@given(pairs())
def test_code_cases_follow_their_conditions(pq):
    p, q = pq
    c = coding.build_codes(p, q)
    own = coding.own_bound(c)
    if np.count_nonzero(p) == 1:
        assert own.name == "bounds.own_one"
    elif abs(c.l_p - c.h_p) <= 1e-9:
        assert own.name == "bounds.own_exact"
    else:  # Huffman's bound, which the sentence states
        assert own.name == "bounds.own" and c.h_p <= c.l_p < own.numbers["h1"]
    shannon = coding.shannon_bound(c)
    assert (shannon is None) == math.isinf(c.ce)
    if shannon is not None and shannon.name == "bounds.shannon":
        assert c.ce - 1e-9 <= c.l_s < c.ce + 1
    names = [x.name for x in coding.extra_bits(c)]
    if math.isinf(c.l_q):
        assert names == ["extra.infinite"]
    elif abs((c.l_q - c.l_p) - c.kl) > 1e-9:
        assert names[0] == "extra.rounded"
        assert ("round.negative" in names) == (c.l_q < c.ce - 1e-9)


def test_extra_bits_exact_only_when_both_codes_are_ideal():
    dyadic = coding.build_codes([1 / 2, 1 / 4, 1 / 4], [1 / 4, 1 / 4, 1 / 2])
    assert [x.name for x in coding.extra_bits(dyadic)] == ["extra.exact"]
    # Same lengths for P and Q's codes (extra 0) and KL 0, but neither code is ideal.
    by_chance = coding.build_codes([0.4, 0.3, 0.3], [0.4, 0.3, 0.3])
    assert [x.name for x in coding.extra_bits(by_chance)] == ["extra.exact_by_chance"]


def test_code_notes_name_the_events_they_concern():
    notes = coding.code_notes([0.5, 0.25, 0.25, 0.0], [0.5, 0.5, 0.0, 0.0])
    assert [(n.name, n.numbers.get("events")) for n in notes] == [
        ("q_zero", (2,)), ("p_zero", (3,))]
    assert [n.name for n in coding.code_notes([1 / 3] * 3, [0.5, 0.25, 0.25])] == ["ties"]
    assert [n.name for n in coding.code_notes([1.0, 0.0], [0.5, 0.5])][-1] == "one_event"


@settings(max_examples=40, deadline=None)
@given(pairs(zeros=False), st.integers(1, 60), st.integers(0, 99))
def test_message_rates_count_the_bits(pq, length, seed):
    p, q = pq
    c = coding.build_codes(p, q)
    m = coding.encode_message(c, p, length, seed)
    *rates, decoded = coding.message_rates(c, m)
    assert rates[0].numbers["per_p"] == len(m.bits_p) / length
    extra = len(m.bits_q) - len(m.bits_p)
    assert rates[1].name == ("message.more" if extra > 0 else "message.same" if extra == 0
                             else "message.fewer" if c.l_q > c.l_p + 1e-12
                             else "message.fewer_tie")
    assert decoded.name == "message.decoded" and decoded.numbers == {"n": length}


def test_cost_rows_and_code_table_match_the_codes():
    p, q = [0.5, 0.3, 0.2, 0.0], [0.25, 0.25, 0.25, 0.25]
    c = coding.build_codes(p, q)
    rows = coding.cost_rows(c)
    np.testing.assert_allclose(rows["total"], [c.h_p, c.ce, c.l_p, c.l_s, c.l_q])
    np.testing.assert_allclose(rows["h"] + rows["kl"] + rows["round"], rows["total"])
    table = coding.code_table(c, p, q)
    assert table["huff_p"] == list(c.huff_p) and table["huff_p_len"][3] == -1
    lengths = [len(w) for w in c.huff_q]
    assert table["huff_q_len"] == lengths
    assert table["info_q"] == pytest.approx([2.0] * 4)


# ---- lib.info.Comparison ----------------------------------------------------------------------

@settings(max_examples=80, deadline=None)
@given(pairs())
def test_comparison_cases_against_a_direct_computation(pq):
    p, q = pq
    c = info.compare(p, q, 2)
    assert c.missing_q == tuple(i for i in range(len(p)) if p[i] > 0 and q[i] == 0)
    assert c.missing_p == tuple(i for i in range(len(p)) if q[i] > 0 and p[i] == 0)
    kl_terms = [p[i] * math.log2(p[i] / q[i]) if p[i] > 0 and q[i] > 0 else
                (math.inf if p[i] > 0 else 0.0) for i in range(len(p))]
    assert c.under_weighted == tuple(i for i, v in enumerate(kl_terms) if v > 0)
    ce_terms = [-p[i] * math.log2(q[i]) if p[i] > 0 and q[i] > 0 else
                (math.inf if p[i] > 0 else 0.0) for i in range(len(p))]
    assert ce_terms[c.largest_term] == max(ce_terms)
    if c.symmetric and math.isfinite(c.kl_pq):
        assert c.kl_pq == pytest.approx(c.kl_qp, rel=1e-9, abs=1e-12)


# ---- lib.surprise -----------------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.0, 5.0), min_size=1, max_size=8).filter(lambda w: sum(w) > 0))
def test_entropy_report_case_and_share(weights):
    r = surprise.entropy_report(weights, 2)
    n = len(weights)
    if n == 1:
        assert r.case == "single" and r.share == 1.0
    else:
        assert r.share == pytest.approx(r.entropy / math.log2(n))
        assert (r.case == "at_max") == bool(np.isclose(r.entropy, math.log2(n), rtol=1e-12,
                                                        atol=1e-12))


# ---- lib.calibration --------------------------------------------------------------------------

@pytest.mark.parametrize("p", [0.0, 0.2, 0.5, 0.7, 1.0])
def test_best_scores_against_closed_forms(p):
    """Log loss and Brier are proper (best at q = p); the absolute error is a line in q."""
    best = cal.best_scores(p, base=2)
    assert best["log"][0] == pytest.approx(p, abs=1e-6)
    assert best["brier"][0] == pytest.approx(p, abs=1e-6)
    entropy = -sum(x * math.log2(x) for x in (p, 1 - p) if x > 0)
    assert best["log"][1] == pytest.approx(entropy, abs=1e-9)
    assert best["brier"][1] == pytest.approx(p * (1 - p), abs=1e-9)
    if p == 0.5:
        assert best["absolute"] == (None, 0.5)
    else:
        assert best["absolute"][0] == (1.0 if p > 0.5 else 0.0)
        assert best["absolute"][1] == pytest.approx(min(p, 1 - p))


@settings(max_examples=60, deadline=None)
@given(st.floats(0.0, 1.0), st.lists(st.floats(0.0, 1.0), min_size=1, max_size=20))
def test_expected_log_score_is_the_cross_entropy(p, q):
    got = cal.expected_scores(p, q, base=2)["log"]
    want = [info.cross_entropy((p, 1 - p), (v, 1 - v), 2) for v in q]
    assert got.tolist() == want  # the same terms in the same order: equal, not just close


def test_distillation_against_softmax():
    teacher, student, temp = (1.0, 3.0, -2.0, 0.5), (0.0,) * 4, 3.0
    d = cal.distillation(teacher, student, temp, base=None)
    np.testing.assert_allclose(d.at_t, softmax(np.array(teacher) / temp))
    assert d.top == 1 and d.order == (0, 3, 2)
    h = -np.sum(d.at_t * np.log(d.at_t))
    assert d.entropy_t == pytest.approx(h)
    # The soft loss's gradient on the student's logits: (softmax(v/T) - softmax(z/T)) / T.
    assert d.gradient == pytest.approx(np.linalg.norm((0.25 - d.at_t) / temp))
    assert d.scaled == pytest.approx(d.gradient * temp ** 2)


def test_run_status_reports_and_sigmoid_ece():
    class Run:
        def __init__(self, **kw):
            self.__dict__.update(kw)

    assert cal.run_status(None, ["a"]) == "none"
    assert cal.run_status(Run(done=False), ["a"]) == "none"
    assert cal.run_status(Run(done=True, complete=False, state="failed"), ["a"]) == "failed"
    assert cal.run_status(Run(done=True, complete=False, state="stopping"), ["a"]) == "stopped"
    assert cal.run_status(Run(done=True, complete=True, outputs={"a": 1}), ["a"]) == "ok"
    rng = np.random.default_rng(3)
    z = rng.normal(size=(60, 3)) * 3
    y = z.argmax(axis=1)
    fitted = cal.fit_temperatures({"good": (None, None, z, y), "bad": (None, None, z, y + 5)})
    assert fitted["good"] < 1 and isinstance(fitted["bad"], ProblemError)
    reports = cal.reports({"good": (None, None, z, y), "bad": (None, None, z, y + 5)}, 10,
                          fitted)
    assert reports["good"].accuracy == 1.0 and reports["bad"] is fitted["bad"]
    assert cal.digest({"a": (z, None)}) != cal.digest({"a": (z + 1, None)})
    assert cal.sigmoid_ece(z, y, 10) == pytest.approx(cal.expected_calibration_error(
        cal.sigmoid_shares(z), y, 10))
