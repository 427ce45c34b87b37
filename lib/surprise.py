"""The information page's arithmetic: odds, the tournament, an entropy table, chart data.

Everything here is built on :mod:`lib.info` (``I(p) = -log_b p``, ``H(P) = sum_i p_i I(p_i)``)
and :mod:`lib.charts` (the curves' chart data); the unit is a logarithm base ``b`` (2: bits,
``None``: nats, 10: hartleys).

Conventions: ``I(0) = inf`` and ``0 · log 0 = 0`` (as :mod:`lib.info`); chart points whose value
is not finite are dropped (there is nothing to draw at infinity).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib import info
from lib.problems import Problem, ProblemError

__all__ = ["FINAL", "WIN_GIVEN_FINAL", "EntropyReport", "entropy_report", "marked_point",
           "one_in", "tournament"]

#: The tournament of the "why a logarithm" section: reach the final, then win it.
FINAL, WIN_GIVEN_FINAL = 0.25, 0.5


def one_in(p: float) -> float:
    """The ``n`` of "1 in n" odds for probability ``p``: ``1/p``, to one decimal below 10 and
    whole from 10 on (``p = 0`` gives ``inf``).

    >>> one_in(0.25), one_in(0.3), one_in(0.001), one_in(0.0)
    (4.0, 3.3, 1000.0, inf)
    """
    n = math.inf if p == 0 else 1.0 / p
    return n if math.isinf(n) else round(n, 1 if n < 10 else 0)


def tournament(base: float | None = 2) -> dict[str, float]:
    """The information of each step of the tournament and of the champion, in the unit of
    ``base``: ``final = I(1/4)``, ``win = I(1/2)``, their ``sum`` and ``champion = I(1/4 · 1/2)``
    (equal to ``sum``: information adds along steps, each step scored with its probability given
    the steps before it; no independence is needed).

    >>> {step: round(bits, 12) for step, bits in tournament(2).items()}
    {'final': 2.0, 'win': 1.0, 'sum': 3.0, 'champion': 3.0}
    """
    final = float(info.information_content(FINAL, base))
    win = float(info.information_content(WIN_GIVEN_FINAL, base))
    champion = float(info.information_content(FINAL * WIN_GIVEN_FINAL, base))
    return {"final": final, "win": win, "sum": final + win, "champion": champion}


@dataclass(frozen=True)
class EntropyReport:
    """The entropy of a table of weights: ``p`` the normalised weights, ``terms`` the
    per-event frame of :func:`lib.info.event_terms` (``p``, ``info_p``, ``entropy_term``...),
    ``total`` the weights' sum, ``entropy`` H(P) and ``max_entropy`` log n (both in the unit)."""

    p: np.ndarray
    terms: pd.DataFrame
    total: float
    entropy: float
    max_entropy: float

    @property
    def share(self) -> float:
        """``H(P) / log n``, the entropy as a share of its maximum (1 for a single event)."""
        return self.entropy / self.max_entropy if self.max_entropy > 0 else 1.0

    @property
    def case(self) -> str:
        """Where ``H(P)`` stands: ``"single"`` (one event: 0 = log 1), ``"at_max"`` (``P`` is
        uniform: ``H(P) = log n`` within a relative 1e-12) or ``"below_max"``."""
        if len(self.p) == 1:
            return "single"
        close = np.isclose(self.entropy, self.max_entropy, rtol=1e-12, atol=1e-12)
        return "at_max" if close else "below_max"


def entropy_report(weights, base: float | None = 2) -> EntropyReport:
    """Normalise non-negative ``weights`` to ``P`` and compute ``H(P) = -sum_i p_i log p_i``
    beside its maximum ``log n`` (the uniform distribution over ``n`` events).

    Raises :class:`lib.problems.ProblemError` with code ``all_zero`` when every weight is 0
    (nothing to normalise). Events of weight 0 contribute ``0 · log 0 = 0``.

    >>> r = entropy_report([2, 1, 1, 0])
    >>> r.p.tolist(), r.total, round(r.entropy, 12), r.max_entropy
    ([0.5, 0.25, 0.25, 0.0], 4.0, 1.5, 2.0)
    >>> r.case, round(r.share, 12), entropy_report([1, 1]).case, entropy_report([3]).case
    ('below_max', 0.75, 'at_max', 'single')
    """
    weights = np.asarray(weights, dtype=float)
    if weights.sum() == 0:
        raise ProblemError(Problem("all_zero", column="weight"))
    p = info.normalize(weights)
    return EntropyReport(p, info.event_terms(p, p, base), float(weights.sum()),
                         info.entropy(p, base), math.log(len(p)) * info.log_factor(base))


def marked_point(x: float, value: float, series: str) -> dict[str, np.ndarray]:
    """The dataset ``points`` of :func:`lib.charts.function_chart`, as columns: the point
    ``(x, value)``, or no point when ``value`` is not finite (``I(0) = inf``).

    >>> marked_point(0.5, 1.0, "I")["value"].tolist(), len(marked_point(0.0, math.inf, "I")["x"])
    ([1.0], 0)
    """
    keep = bool(np.isfinite(value))
    return {"x": np.array([x] if keep else [], dtype=float),
            "value": np.array([value] if keep else [], dtype=float),
            "series": np.array([series] if keep else [], dtype=object)}
