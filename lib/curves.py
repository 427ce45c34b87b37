"""Sampled curves for the teaching charts: each is a pandas frame with an ``x`` column.

All values come from :mod:`lib.info` and :mod:`lib.costs` (the one definition of each cost's value
and output delta), so the charts show exactly what the numbers on the page are computed with.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special

from lib import costs, info

#: Probabilities sampled for curves over (0, 1]: dense near 0, where −log p climbs steeply.
_P = np.unique(np.concatenate([np.geomspace(1e-3, 0.05, 120), np.linspace(0.05, 1.0, 200)]))


def surprisal(base: float | None = None) -> pd.DataFrame:
    """``x = p`` and ``info = -log_b p`` for p in [0.001, 1] (it goes to ∞ as p → 0).

    >>> round(float(surprisal(2).query("x == 1")["info"].iloc[0]), 12)
    0.0
    """
    return pd.DataFrame({"x": _P, "info": info.information_content(_P, base)})


def binary_entropy(base: float | None = None, points: int = 201) -> pd.DataFrame:
    """``x = p`` and ``entropy = H(p, 1-p)`` for p in [0, 1]; 1 bit at p = 0.5.

    >>> round(float(binary_entropy(2).query("x == 0.5")["entropy"].iloc[0]), 12)
    1.0
    """
    p = np.linspace(0.0, 1.0, points)
    h = (special.entr(p) + special.entr(1.0 - p)) * info.log_factor(base)
    return pd.DataFrame({"x": p, "entropy": h + 0.0})


def binary_losses(y: float, points: int = 199) -> pd.DataFrame:
    """For target ``y`` and predictions ``x = a`` in (0, 1): the two costs and their
    gradients with respect to ``z`` (``a = σ(z)``), in nats, from :mod:`lib.costs`.

    Columns: ``x``, ``cross_entropy`` ``= -[y ln a + (1-y) ln(1-a)]``, ``quadratic``
    ``= (a-y)²/2``, ``grad_cross_entropy`` ``= a - y``, ``grad_quadratic``
    ``= (a - y) σ'(z) = (a - y) a (1 - a)``.

    >>> c = binary_losses(0.0, points=3)
    >>> c.round(4).values.tolist()[1]
    [0.5, 0.6931, 0.125, 0.5, 0.125]
    """
    a = np.linspace(0.005, 0.995, points)
    z = special.logit(a)
    ce, quad = costs.CrossEntropy, costs.Quadratic
    return pd.DataFrame({
        "x": a,
        "cross_entropy": ce.value(z, a, y),
        "quadratic": quad.value(z, a, y),
        "grad_cross_entropy": ce.delta(z, a, y),
        "grad_quadratic": quad.delta(z, a, y),
    })


def _coin_log_likelihood(heads: int, tails: int, theta):
    return special.xlogy(heads, theta) + special.xlogy(tails, 1.0 - np.asarray(theta))


def coin_likelihood(heads: int, tails: int, theta=None, points: int = 199) -> pd.DataFrame:
    """For ``x = θ``: the likelihood ``θ^h (1-θ)^t`` relative to its maximum at ``θ = h/n``
    (so it peaks at 1), and the mean negative log-likelihood ``-(h ln θ + t ln(1-θ)) / n`` in
    nats, which equals the cross-entropy ``H((h/n, t/n), (θ, 1-θ))``.

    ``theta`` defaults to a grid over (0, 1); ``heads + tails`` must be at least 1.

    >>> c = coin_likelihood(7, 3)
    >>> round(float(c.loc[c["nll"].idxmin(), "x"]), 2), round(float(c["nll"].min()), 5)
    (0.7, 0.61086)
    """
    n = heads + tails
    if heads < 0 or tails < 0 or n < 1:
        raise ValueError("need a non-negative number of heads and tails, at least one toss")
    if theta is None:
        theta = np.unique(np.append(np.linspace(0.005, 0.995, points),
                                    np.clip(heads / n, 0.005, 0.995)))
    theta = np.atleast_1d(np.asarray(theta, dtype=float))
    log_lik = _coin_log_likelihood(heads, tails, theta)
    best = _coin_log_likelihood(heads, tails, heads / n)
    return pd.DataFrame({"x": theta, "likelihood": np.exp(log_lik - best), "nll": -log_lik / n})
