"""What the P vs Q explorer says about its numbers, decided from :func:`lib.info.compare`.

Which sentence the page shows is decided here, as :class:`lib.cases.Case` values named as the
page's strings without their ``ex.`` prefix (``asym.equal`` for ``ex.asym.equal``), their
amounts already written with :mod:`lib.fmt` in ``unit``, the name of the information unit in the
reader's words (``bits``); event labels come in as the reader typed them, and a tuple of event
indices is worded by the page as the events' quoted labels.
"""

from __future__ import annotations

import math
from typing import NamedTuple, Sequence

from lib import fmt
from lib.cases import Case
from lib.info import Comparison

__all__ = ["TERMS", "Said", "said", "per_event"]

#: The per-event terms the page's table lists after P and Q (columns of
#: :func:`lib.info.event_terms`), in this order.
TERMS = ("info_p", "info_q", "entropy_term", "cross_entropy_term", "kl_term")


class Said(NamedTuple):
    """What the explorer says about one P and Q (:func:`said`)."""

    infinity_pq: Case | None  #: why H(P, Q) and KL(P‖Q) are ∞ (None when finite)
    infinity_qp: Case | None  #: why H(Q, P) and KL(Q‖P) are ∞ (None when finite)
    identity: str             #: H(P, Q) = H(P) + KL(P‖Q) with the numbers (LaTeX)
    residual: Case
    asymmetry: Case
    gibbs: Case
    bars_alt: Case            #: the distribution bars' text alternative
    stack_alt: Case           #: the cross-entropy stack's text alternative


def said(labels: Sequence[str], c: Comparison, unit: str) -> Said:
    """The explorer's sentences for the comparison ``c`` of P and Q over events ``labels``:

    * ``inf.pq`` naming the events ``q_i = 0 < p_i`` (``c.missing_q``), which make H(P, Q) and
      KL(P‖Q) ∞; ``inf.qp`` the same with P and Q swapped; None when there are none;
    * the identity ``H(P,Q) = H(P) + KL(P‖Q)`` with its three numbers (one number of
      decimals, so that they add up as shown: :func:`lib.fmt.alike`; LaTeX) and ``unit``;
    * ``residual`` quoting ``H(P,Q) − H(P) − KL(P‖Q)``, or ``residual.inf`` when H(P, Q) = ∞
      (``∞ − ∞`` has no value);
    * ``asym`` with ``KL(P‖Q)`` and ``KL(Q‖P)``, or ``asym.equal`` when they agree
      (``c.symmetric``); ``gibbs`` with ``KL(P‖Q)``;
    * ``chart.bars.alt``: the list of ``chart.bars.pair`` (the event's label, P and Q as
      typed); ``chart.stack.alt``: the largest term ``−p log q`` (``c.largest_term``) and the
      events Q under-weights (``q_i < p_i``), or ``chart.stack.alt.none`` when there are none.

    >>> from lib.info import compare
    >>> s = said(["a", "b"], compare([0.5, 0.5], [0.25, 0.75], 2), "bits")
    >>> s.infinity_pq, s.residual.name, s.identity
    (None, 'residual', '1.208 = 1.000 + 0.208 \\\\quad \\\\text{(bits)}')
    >>> s.asymmetry
    Case(name='asym', numbers={'pq': '0.208 bits', 'qp': '0.189 bits'}, apart=())
    >>> s.stack_alt
    Case(name='chart.stack.alt', numbers={'event': 'a', 'value': '1 bit', 'under': (0,)}, \
apart=())
    >>> s.bars_alt.numbers["pairs"][1].numbers
    {'event': 'b', 'p': '0.5', 'q': '0.75'}
    >>> z = said(["a", "b"], compare([1.0, 0.0], [0.0, 1.0], 2), "bits")
    >>> z.infinity_pq, z.infinity_qp, z.residual.name, z.asymmetry.name
    (Case(name='inf.pq', numbers={'events': (0,)}, apart=()), \
Case(name='inf.qp', numbers={'events': (1,)}, apart=()), 'residual.inf', 'asym.equal')
    """
    def amount(x: float) -> str:
        return fmt.amount(x, unit)

    n = [fmt.tex(x) for x in fmt.alike(c.ce_pq, c.h_p, c.kl_pq)]
    top, under = c.largest_term, c.under_weighted
    stack = {"event": fmt.text(labels[top]),
             "value": amount(c.terms["cross_entropy_term"].iloc[top])}
    pairs = tuple(Case("chart.bars.pair", {"event": fmt.text(label), "p": fmt.prob(p),
                                           "q": fmt.prob(q)})
                  for label, p, q in zip(labels, c.terms["p"], c.terms["q"]))
    return Said(
        Case("inf.pq", {"events": c.missing_q}) if c.missing_q else None,
        Case("inf.qp", {"events": c.missing_p}) if c.missing_p else None,
        rf"{n[0]} = {n[1]} + {n[2]} \quad \text{{({unit})}}",
        Case("residual.inf") if math.isinf(c.ce_pq) else Case(
            "residual", {"residual": c.residual, "unit": unit}),
        Case("asym.equal" if c.symmetric else "asym",
             {"pq": amount(c.kl_pq), "qp": amount(c.kl_qp)}),
        Case("gibbs", {"kl": amount(c.kl_pq)}),
        Case("chart.bars.alt", {"pairs": pairs}),
        Case("chart.stack.alt", stack | {"under": under}) if under else Case(
            "chart.stack.alt.none", stack))


def per_event(labels: Sequence[str], c: Comparison) -> dict[str, list[str]]:
    """The per-event table as the page shows it: columns ``event`` (the labels), ``p`` and
    ``q`` as typed (:func:`lib.fmt.prob`), then each of :data:`TERMS` with six significant
    digits (:func:`lib.fmt.exact`; ∞ written out).

    >>> from lib.info import compare
    >>> table = per_event(["a", "b"], compare([0.5, 0.5], [1.0, 0.0], 2))
    >>> table["q"], table["info_q"], table["kl_term"]
    (['1', '0'], ['0', '∞'], ['−0.5', '∞'])
    """
    return {"event": list(labels), "p": [fmt.prob(v) for v in c.terms["p"]],
            "q": [fmt.prob(v) for v in c.terms["q"]]} | {
        k: [fmt.exact(v) for v in c.terms[k].tolist()] for k in TERMS}
