"""lib.information_lesson: the information page's units table, additivity line, entropy
sentence and entropy table, with real values and the laws they show."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from lib import information_lesson as il
from lib import surprise


def test_units_table_converts_between_units():
    rows = il.unit_rows({"bits": 2, "nats": None, "hartleys": 10})
    assert rows["base"] == ["2", "e", "10"]
    assert rows["half"] == ["1.0000", "0.6931", "0.3010"]
    # I(1/8) = 3 I(1/2) in every unit.
    for half, eighth in zip(rows["half"], rows["eighth"]):
        assert math.isclose(3 * float(half), float(eighth), abs_tol=2e-4)


def test_additivity_line_quotes_both_sides():
    latex = il.additivity_latex(0.25, 0.5, 2.0, 1.0, 3.0, "bits")
    assert r"-\log(0.25) - \log(0.5)" in latex and r"-\log(0.125)" in latex
    assert latex.count(r"\text{ bits}") == 2


def test_entropy_cases():
    assert il.entropy_case(surprise.entropy_report([5]), "bits").name == "single"
    uniform = il.entropy_case(surprise.entropy_report([1, 1, 1, 1]), "bits")
    assert uniform.name == "at_max" and uniform.numbers["h"] == "2 bits"
    below = il.entropy_case(surprise.entropy_report([2, 1, 1, 0]), "bits")
    assert below.name == "below_max"
    assert below.numbers == {"n": 4, "share": "75.0%", "h": "1.5 bits", "max": "2 bits"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.0, 100.0), min_size=1, max_size=8).filter(lambda w: sum(w) > 0))
def test_entropy_table_terms_add_up_to_the_entropy(weights):
    report = surprise.entropy_report(weights, 2)
    table = il.entropy_table([f"e{i}" for i in range(len(weights))], report)
    assert list(table) == ["event", *il.ENTROPY_COLUMNS]
    assert math.isclose(sum(float(v) for v in table["term"]), report.entropy,
                        abs_tol=1e-6 * len(weights))
    assert il.entropy_case(report, "bits").name in ("single", "at_max", "below_max")
