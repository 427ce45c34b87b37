"""Chart data of the loss page, for the forms of :mod:`lib.charts` (``function_chart``,
``bar_chart``): each ``*_data`` function returns the named datasets as DataFrames, built from
:mod:`lib.curves` and :mod:`lib.losses` (costs in nats). A curve depends on fewer inputs than
the point marked on it, so curves and points are separate functions (a page can keep a curve
while the reader moves along it). Non-finite values are dropped, as
:func:`lib.charts.function_chart_data` does.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib import charts, curves, losses

__all__ = ["binary_curves_data", "binary_points_data", "likelihood_curves_data",
           "likelihood_points_data", "softmax_bars_data"]


def _points(x: float, values, names) -> pd.DataFrame:
    frame = pd.DataFrame({"x": [float(x)] * len(names), "value": [float(v) for v in values],
                          "series": list(names)})
    return frame[np.isfinite(frame["value"])]


def binary_curves_data(y: int, ce: str, quad: str, wrong: str) -> tuple[dict, dict]:
    """For target ``y``: the cost chart's and the gradient chart's ``curves`` (cross-entropy
    named ``ce``, quadratic ``quad``, over the prediction a) and ``band`` (the confidently wrong
    predictions, :func:`lib.losses.wrong_band`, labelled ``wrong``).

    >>> cost, grad = binary_curves_data(1, "CE", "Q", "wrong")
    >>> sorted(cost), cost["band"].values.tolist()
    (['band', 'curves', 'points'], [[0.0, 0.2, 'wrong']])
    """
    curve = curves.binary_losses(y)
    x = curve["x"].to_numpy()
    out = []
    for prefix in ("", "grad_"):
        frame = pd.DataFrame({"x": np.tile(x, 2), "value": np.concatenate(
            [curve[f"{prefix}cross_entropy"].to_numpy(), curve[f"{prefix}quadratic"].to_numpy()]),
            "series": np.repeat([ce, quad], len(x))})
        out.append(charts.function_chart_data(frame, shade=losses.wrong_band(y),
                                              shade_label=wrong))
    return tuple(out)


def binary_points_data(a: float, y: int, ce: str, quad: str):
    """The two costs and their gradients at prediction ``a`` for target ``y``
    (:func:`lib.losses.binary_at`) and the ``points`` to mark them on the cost chart and on
    the gradient chart: ``(cost_points, grad_points, costs, grads)``.

    >>> cost_points, _, costs_, _ = binary_points_data(0.5, 1, "CE", "Q")
    >>> cost_points["series"].tolist(), round(costs_["quadratic"], 3)
    (['CE', 'Q'], 0.125)
    """
    cost_now, grad_now = losses.binary_at(a, y)
    return (_points(a, cost_now.values(), (ce, quad)), _points(a, grad_now.values(), (ce, quad)),
            cost_now, grad_now)


def likelihood_curves_data(heads: int, tails: int, lik: str, nll: str) -> tuple:
    """The likelihood ``θ^h (1-θ)^t`` (relative to its maximum, series ``lik``) and the mean
    negative log-likelihood (series ``nll``) over θ, as two ``curves`` datasets
    (:func:`lib.curves.coin_likelihood`; ``heads + tails >= 1``).

    >>> lik, nll = likelihood_curves_data(7, 3, "L", "NLL")
    >>> round(float(lik["value"].max()), 3), nll["series"].iloc[0]
    (1.0, 'NLL')
    """
    curve = curves.coin_likelihood(heads, tails)
    return tuple(charts.function_chart_data(
        pd.DataFrame({"x": curve["x"], "value": curve[column], "series": name}))["curves"]
        for column, name in (("likelihood", lik), ("nll", nll)))


def likelihood_points_data(heads: int, tails: int, theta: float, lik: str, nll: str):
    """The points at ``theta`` on the two curves of :func:`likelihood_curves_data` and the
    mean NLL there, in nats: ``(lik_point, nll_point, nll_now)``.

    >>> _, point, nll_now = likelihood_points_data(7, 3, 0.7, "L", "NLL")
    >>> round(nll_now, 5), point["series"].tolist()
    (0.61086, ['NLL'])
    """
    now = curves.coin_likelihood(heads, tails, theta=theta).iloc[0]
    return (_points(theta, [now["likelihood"]], [lik]), _points(theta, [now["nll"]], [nll]),
            float(now["nll"]))


def softmax_bars_data(z, true: int, classes, a_name: str, y_name: str, grad_name: str):
    """For logits ``z`` and the true class's index: the dataset ``bars`` (for each class the
    probability ``a = softmax(z)``, the one-hot ``y`` and the gradient ``a - y``, series named
    by the last three arguments), the probabilities and the loss ``-ln a(true)`` in nats:
    ``(bars, a, loss)``.

    >>> bars, a, loss = softmax_bars_data([0.0, 0.0], 0, "AB", "a", "y", "a - y")
    >>> bars["value"].tolist(), round(loss, 4)
    ([0.5, 0.5, 1.0, 0.0, -0.5, 0.5], 0.6931)
    """
    z = np.asarray(z, dtype=float)
    y = np.eye(len(z))[true]
    a = losses.softmax(z)
    grad = losses.categorical_cross_entropy_grad(z, y)
    frame = pd.DataFrame({"category": list(classes) * 3,
                          "series": np.repeat([a_name, y_name, grad_name], len(z)),
                          "value": np.concatenate([a, y, grad])})
    return (charts.bar_chart_data(frame)["bars"], a,
            losses.categorical_cross_entropy(y, logits=z))
