"""lib.explorer_lesson: which sentence the explorer says, and its per-event table, checked
against conditions computed independently (worked examples and random distributions)."""

from hypothesis import given, settings

from lib import explorer_lesson as el
from lib import info
from tests.test_page_cases import pairs


def test_worked_example_in_bits():
    c = info.compare([0.5, 0.25, 0.125, 0.125], [0.125, 0.5, 0.25, 0.125], 2)
    s = el.said(list("ABCD"), c, "bits")
    assert s.infinity_pq is None and s.infinity_qp is None
    assert s.identity == r"2.375 = 1.750 + 0.625 \quad \text{(bits)}"  # adds up as shown
    assert s.asymmetry.name == "asym"
    assert s.asymmetry.numbers == {"pq": "0.625 bits", "qp": "0.5 bits"}
    assert s.gibbs.numbers == {"kl": "0.625 bits"}
    assert s.stack_alt.name == "chart.stack.alt"
    assert s.stack_alt.numbers == {"event": "A", "value": "1.5 bits", "under": (0,)}
    assert [p.numbers["p"] for p in s.bars_alt.numbers["pairs"]] == ["0.5", "0.25", "0.125",
                                                                     "0.125"]
    table = el.per_event(list("ABCD"), c)
    assert list(table) == ["event", "p", "q", *el.TERMS]
    assert table["cross_entropy_term"] == ["1.5", "0.25", "0.25", "0.375"]
    assert table["kl_term"][0] == "1"


def test_equal_distributions_say_symmetric_and_no_under_weighting():
    c = info.compare([0.5, 0.5], [0.5, 0.5], 2)
    s = el.said(["a", "b"], c, "bits")
    assert s.asymmetry.name == "asym.equal" and s.stack_alt.name == "chart.stack.alt.none"
    assert "under" not in s.stack_alt.numbers


@settings(max_examples=60, deadline=None)
@given(pairs())
def test_cases_follow_their_conditions(pq):
    p, q = pq
    labels = [f"e{i}" for i in range(len(p))]
    s = el.said(labels, info.compare(p, q, 2), "bits")
    missing_q = tuple(i for i in range(len(p)) if p[i] > 0 and q[i] == 0)
    missing_p = tuple(i for i in range(len(p)) if q[i] > 0 and p[i] == 0)
    assert (s.infinity_pq is None) == (not missing_q)
    assert (s.infinity_qp is None) == (not missing_p)
    if missing_q:
        assert s.infinity_pq.numbers["events"] == missing_q
    # H(P, Q) is infinite exactly when some event P allows has q = 0.
    assert (s.residual.name == "residual.inf") == bool(missing_q)
    under = tuple(i for i in range(len(p)) if p[i] > 0 and q[i] < p[i])
    assert s.stack_alt.numbers.get("under", ()) == under
    assert len(s.bars_alt.numbers["pairs"]) == len(p)
    table = el.per_event(labels, info.compare(p, q, 2))
    assert all(len(column) == len(p) for column in table.values())
