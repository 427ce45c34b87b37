"""lib.glossary.Entry: the glossary's search and formulas, without Streamlit."""

from hypothesis import given, settings
from hypothesis import strategies as st

from lib.glossary import Entry

KL = Entry("kl", "divergences", ("KL divergence", "KL 散度"), (r"D(P\|Q)", r"\ge 0"),
           ("the extra bits of the wrong code", "用错编码多花的比特"), "explorer",
           ("relative entropy", "相对熵"))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([*KL.names, *KL.meanings, *KL.search, KL.id]), st.data())
def test_any_piece_of_any_text_finds_the_entry_in_any_case(text, data):
    """Oracle: every substring of a name, meaning, other name or id, in upper or lower case and
    with spaces around it, finds the entry."""
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    piece = text[start:end]
    assert KL.matches(f"  {piece.upper()} ") and KL.matches(piece.lower())


def test_what_finds_nothing_and_the_empty_search():
    assert KL.matches("") and KL.matches("   ")
    assert not KL.matches("neuron") and not KL.matches("散度x")


def test_formula_lines_are_stacked():
    assert KL.latex() == r"\begin{gathered}D(P\|Q) \\ \ge 0\end{gathered}"
    assert Entry("h", "s", ("H", "H"), ("H(P)",), ("", "")).latex() == "H(P)"
