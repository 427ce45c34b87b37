"""What the information-and-entropy page says about its numbers (:mod:`lib.surprise`,
:mod:`lib.info`).

Which sentence the page shows is decided here, as :class:`lib.cases.Case` values named as the
page's strings without their ``in.entropy.`` prefix (``at_max`` for ``in.entropy.at_max``), their
amounts already written with :mod:`lib.fmt` in ``unit``, the name of the information unit in the
reader's words (``bits``). Tables come as columns by name, their cells as the page shows them.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from lib import fmt, info
from lib.cases import Case
from lib.surprise import EntropyReport

__all__ = ["ENTROPY_COLUMNS", "additivity_latex", "entropy_case", "entropy_table", "unit_rows"]

#: The entropy table's columns after the event: name -> column of
#: :attr:`lib.surprise.EntropyReport.terms`.
ENTROPY_COLUMNS = {"p": "p", "info": "info_p", "term": "entropy_term"}


def unit_rows(units: Mapping[str, float | None]) -> dict[str, list[str]]:
    """The table of ``I(1/2)`` and ``I(1/8)`` in every unit of ``units`` (name -> logarithm
    base, None for e), computed with that base: columns ``unit`` (the names), ``base``
    (``2``, ``e``, ``10``), ``half`` and ``eighth`` (four decimals).

    >>> unit_rows({"bits": 2, "nats": None, "hartleys": 10})
    {'unit': ['bits', 'nats', 'hartleys'], 'base': ['2', 'e', '10'], \
'half': ['1.0000', '0.6931', '0.3010'], 'eighth': ['3.0000', '2.0794', '0.9031']}
    """
    def column(p: float) -> list[str]:
        return [fmt.num(float(info.information_content(p, base))) for base in units.values()]

    return {"unit": list(units), "base": ["e" if b is None else f"{b:g}" for b in units.values()],
            "half": column(0.5), "eighth": column(0.125)}


def additivity_latex(p1: float, p2: float, i1: float, i2: float, i12: float, unit: str) -> str:
    """−log p₁ − log p₂ = ``i1`` + ``i2`` = their sum, and −log(p₁p₂) = ``i12``, in ``unit``,
    three significant digits (the exact values are in the section's
    expander). Short lines, to fit a phone screen; an ``array`` rather than ``aligned``, whose
    box KaTeX draws 2 px wider than its container (a region that scrolls sideways but takes no
    keyboard focus, for axe).

    >>> print(additivity_latex(0.25, 0.5, 2.0, 1.0, 3.0, "bits"))  # doctest: +NORMALIZE_WHITESPACE
    \\begin{array}{rl}-\\log(0.25) - \\log(0.5) &\\kern{-8pt}= 2 + 1 \\\\ &\\kern{-8pt}= 3
    \\text{ bits} \\\\ -\\log(0.125) &\\kern{-8pt}= 3 \\text{ bits}\\end{array}
    """
    def n(x: float) -> str:
        return fmt.tex(fmt.short(x))

    eq = r"&\kern{-8pt}= "  # the array's column gap taken back: "= " sits close, as in aligned
    return (rf"\begin{{array}}{{rl}}-\log({fmt.prob(p1)}) - \log({fmt.prob(p2)}) {eq}{n(i1)}"
            rf" + {n(i2)} \\ {eq}{n(i1 + i2)} \text{{ {unit}}} \\ "
            rf"-\log({fmt.prob(p1 * p2)}) {eq}{n(i12)} \text{{ {unit}}}\end{{array}}")


def entropy_case(report: EntropyReport, unit: str) -> Case:
    """Where the entropy of ``report`` stands (:attr:`lib.surprise.EntropyReport.case`:
    ``single``, ``at_max`` or ``below_max``), quoting the number of events ``n``, ``H(P)`` and
    its maximum ``log n`` as amounts in ``unit`` and their ratio ``share`` in percent (one
    decimal).

    >>> from lib.surprise import entropy_report
    >>> entropy_case(entropy_report([2, 1, 1]), "bits")
    Case(name='below_max', numbers={'n': 3, 'share': '94.6%', 'h': '1.5 bits', \
'max': '1.58 bits'}, apart=())
    >>> entropy_case(entropy_report([1, 1]), "bits").name
    'at_max'
    """
    return Case(report.case, {"n": len(report.p), "share": f"{report.share:.1%}",
                              "h": fmt.amount(report.entropy, unit),
                              "max": fmt.amount(report.max_entropy, unit)})


def entropy_table(labels: Sequence[str], report: EntropyReport) -> dict[str, list[str]]:
    """The table of the entropy chart's numbers: columns ``event`` (the labels), then
    :data:`ENTROPY_COLUMNS`: ``p``, ``info`` (``−log p``) and ``term`` (``p · (−log p)``), six
    decimals.

    >>> from lib.surprise import entropy_report
    >>> entropy_table(["a", "b"], entropy_report([3, 1]))
    {'event': ['a', 'b'], 'p': ['0.750000', '0.250000'], 'info': ['0.415037', '2.000000'], \
'term': ['0.311278', '0.500000']}
    """
    return {"event": list(labels)} | {name: [fmt.num(v, 6) for v in report.terms[column]]
                                      for name, column in ENTROPY_COLUMNS.items()}
