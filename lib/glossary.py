r"""The glossary's entries as data: each term's names and meaning in English and Chinese, its
formula, the lesson page that teaches it, and the search a reader types into the glossary
page (``ui.glossary`` fills the entries from ``ui.strings.glossary``).

>>> kl = Entry("kl", "divergences", ("KL divergence", "KL 散度"), (r"D(P\|Q)", r"\ge 0"),
...            ("extra bits", "额外的比特"), "explorer", ("relative entropy", "相对熵"))
>>> kl.matches("相对"), kl.matches("BITS"), kl.matches("neuron")
(True, True, False)
>>> print(kl.latex())
\begin{gathered}D(P\|Q) \\ \ge 0\end{gathered}
"""

from __future__ import annotations

from dataclasses import dataclass

from lib import fmt


@dataclass(frozen=True)
class Entry:
    """One glossary entry; every pair is (English, Chinese)."""

    id: str           # anchor and ?term= value
    section: str      # "gl.sec.<section>" is its heading
    names: tuple[str, str]
    formula: tuple[str, ...]   # lines of LaTeX, the same in both languages
    meanings: tuple[str, str]
    page: str | None = None    # the lesson page that teaches it (a ui.layout.PAGES key)
    search: tuple[str, str] = ("", "")  # other names a reader may type (not shown)

    def latex(self) -> str:
        """The formula for display math: one line, or its lines stacked (so they fit a
        phone)."""
        if len(self.formula) == 1:
            return self.formula[0]
        return r"\begin{gathered}" + r" \\ ".join(self.formula) + r"\end{gathered}"

    def card(self, zh: bool) -> str:
        """Everything of the entry's card under its heading, as one Markdown block: the name in
        the other language (small, grey, as a caption), the formula (display math, as
        ``st.latex`` writes it) and the meaning in the reader's language (Chinese when ``zh``).

        >>> h = Entry("h", "basics", ("entropy", "熵"), ("H(P)",), ("mean surprise", "平均惊讶"))
        >>> h.card(True)
        ':gray[:small[entropy]]\\n\\n$$\\nH(P)\\n$$\\n\\n平均惊讶'
        """
        return (f":gray[:small[{self.names[not zh]}]]\n\n{fmt.math_block(self.latex())}\n\n"
                f"{self.meanings[zh]}")

    def matches(self, query: str) -> bool:
        """Whether ``query`` (any case, either language) occurs in the names, meaning, id or
        the other names a reader may type (最大似然, 香农编码, MSE, ...)."""
        q = query.strip().casefold()
        return not q or any(q in text.casefold() for text in (self.id, *self.names,
                                                              *self.meanings, *self.search))
