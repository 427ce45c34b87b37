"""A fully connected sigmoid network trained by mini-batch SGD, matrix-based, in float32 numpy.

Nielsen's ``network2.py`` design: a cost is an object with its value and its output-layer
delta, defined once in :mod:`lib.costs` (element-wise; this module sums over the 10 classes), and
the two costs differ in one factor::

    Quadratic.delta    = (a - y) * σ'(z)      # σ'(z) = a (1 - a): vanishes when outputs saturate
    CrossEntropy.delta = (a - y)              # σ'(z) cancelled

Backpropagation for a batch ``X`` (rows are examples), layer ``l`` with ``z_l = a_{l-1} W_l^T
+ b_l`` and ``a_l = σ(z_l)``::

    δ_L = cost.delta(z_L, a_L, Y)
    δ_l = (δ_{l+1} W_{l+1}) ⊙ σ'(z_l)          # hidden layers keep their σ'(z) factor
    ∂C/∂W_l = δ_l^T a_{l-1} / m,   ∂C/∂b_l = mean over the batch of δ_l

Everything is float32 and one matrix product per layer per batch: an epoch of 60,000 MNIST
images in batches of 10 takes a fraction of a second on one core.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Callable, Hashable, Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.special import expit

from lib.costs import COSTS

__all__ = ["COSTS", "Comparison", "FinishedRun", "Outputs", "ResultStore", "Trainer",
           "accuracy_summary", "backprop", "cost_per_example", "final_outputs",
           "gradient_summary", "init_params", "pack_rows", "train", "unpack_rows"]


def cost_per_example(cost, z, a, y):
    """The cost of each example (row): ``cost.value`` summed over the output classes.

    >>> z = np.zeros((1, 2)); a = np.full((1, 2), 0.5); y = np.array([[1.0, 0.0]])
    >>> cost_per_example(COSTS["quadratic"], z, a, y).tolist()
    [0.25]
    """
    return np.sum(cost.value(z, a, y), axis=1)


#: An output counts as saturated when σ'(z) = a(1 - a) is this small or smaller
#: (a below about 0.0101 or above 0.9899): there the quadratic cost barely learns.
SATURATION = 0.01




def init_params(sizes, seed: int, init: str = "normal"):
    """Weights and biases for layer sizes like ``(64, 30, 10)``, drawn from ``seed``.

    ``"normal"``: weights ~ N(0, 1/n_in) (standard deviation 1/√n_in), so each weighted input
    z starts small and neurons start unsaturated; ``"large"``: weights ~ N(0, 1), the
    initialiser of Nielsen's MNIST runs: z starts large (its spread grows with √n_in), so part
    of the neurons start saturated (on the bundled digits, seed 1: about a quarter of the hidden
    activations and 14% of the outputs). Biases ~ N(0, 1) in both.

    >>> w, b = init_params((64, 30, 10), seed=1, init="large")
    >>> [x.shape for x in w], w[0].dtype
    ([(30, 64), (10, 30)], dtype('float32'))
    """
    if init not in ("normal", "large"):
        raise ValueError(f"init must be 'normal' or 'large', got {init!r}")
    if len(sizes) < 2 or any(int(s) != s or s < 1 for s in sizes):
        raise ValueError(f"sizes must be two or more positive layer sizes, got {sizes!r}")
    rng = np.random.default_rng(seed)
    weights, biases = [], []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        scale = 1.0 / math.sqrt(n_in) if init == "normal" else 1.0
        weights.append((rng.standard_normal((n_out, n_in)) * scale).astype(np.float32))
        biases.append(rng.standard_normal(n_out).astype(np.float32))
    return weights, biases


def backprop(weights, biases, cost, X, Y):
    """Gradients of the batch's mean cost: lists ``(∂C/∂W_l, ∂C/∂b_l)`` for every layer.

    Forward ``a_l = σ(a_{l-1} W_l^T + b_l)``; backward ``δ_L = cost.delta(z_L, a_L, Y)``,
    ``δ_l = (δ_{l+1} W_{l+1}) ⊙ a_l (1 - a_l)``; ``∂C/∂W_l = δ_l^T a_{l-1} / m`` and
    ``∂C/∂b_l = sum_rows(δ_l) / m`` for ``m`` examples.
    """
    act = [X]
    zs = []
    for w, b in zip(weights, biases):
        z = act[-1] @ w.T + b
        zs.append(z)
        act.append(expit(z))
    delta = cost.delta(zs[-1], act[-1], Y)
    m = len(X)
    grads_w, grads_b = [None] * len(weights), [None] * len(weights)
    for layer in range(len(weights) - 1, -1, -1):
        grads_w[layer] = delta.T @ act[layer] / m
        grads_b[layer] = delta.sum(axis=0) / m
        if layer > 0:
            a = act[layer]
            delta = (delta @ weights[layer]) * (a - a * a)
    return grads_w, grads_b


@dataclass
class _Data:
    X_train: np.ndarray
    Y_train: np.ndarray    # one-hot, float32
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray


def _check_data(X_train, y_train, X_test, y_test, n_out) -> _Data:
    X_train = np.ascontiguousarray(X_train, dtype=np.float32)
    X_test = np.ascontiguousarray(X_test, dtype=np.float32)
    y_train = np.asarray(y_train)
    y_test = np.asarray(y_test)
    if X_train.ndim != 2 or X_test.ndim != 2 or X_train.shape[1] != X_test.shape[1]:
        raise ValueError("X_train and X_test must be 2-D with the same number of features")
    if len(X_train) != len(y_train) or len(X_test) != len(y_test) or len(X_train) == 0:
        raise ValueError("each X needs one label per row, and the training set cannot be empty")
    for y in (y_train, y_test):
        if y.size and (not np.issubdtype(y.dtype, np.integer) or y.min() < 0 or y.max() >= n_out):
            raise ValueError(f"labels must be integers from 0 to {n_out - 1}")
    if not (np.isfinite(X_train).all() and np.isfinite(X_test).all()):
        raise ValueError("inputs must be finite")
    Y_train = np.zeros((len(y_train), n_out), dtype=np.float32)
    Y_train[np.arange(len(y_train)), y_train] = 1.0
    return _Data(X_train, Y_train, y_train, X_test, y_test)


class Trainer:
    """Train one network epoch by epoch (so a page can interleave two runs and stop any time).

    The initial parameters come from ``seed`` and the shuffling from ``seed + 1``: two trainers
    with the same seed and data but different costs start from identical weights and see the
    same mini-batches in the same order.
    """

    def __init__(self, X_train, y_train, X_test, y_test, *, cost, sizes, eta, batch_size,
                 seed, init="normal"):
        if cost not in COSTS:
            raise ValueError(f"cost must be one of {sorted(COSTS)}, got {cost!r}")
        if not (math.isfinite(eta) and eta > 0):
            raise ValueError(f"eta must be a positive number, got {eta!r}")
        if int(batch_size) != batch_size or batch_size < 1:
            raise ValueError(f"batch_size must be a whole number >= 1, got {batch_size!r}")
        sizes = tuple(int(s) for s in sizes)
        self.cost = COSTS[cost]
        self.data = _check_data(X_train, y_train, X_test, y_test, sizes[-1])
        if self.data.X_train.shape[1] != sizes[0]:
            raise ValueError(f"sizes[0] = {sizes[0]} but the inputs have "
                             f"{self.data.X_train.shape[1]} features")
        self.sizes, self.eta, self.batch_size = sizes, float(eta), int(batch_size)
        self.weights, self.biases = init_params(sizes, seed, init)
        self._rng = np.random.default_rng(seed + 1)
        self.epoch = 0

    def _forward(self, X):
        zs, activations = [], [X]
        for W, b in zip(self.weights, self.biases):
            z = activations[-1] @ W.T
            z += b
            zs.append(z)
            activations.append(expit(z))
        return zs, activations

    def evaluate(self) -> dict[str, float]:
        """Now: test accuracy (the class with the largest output weighted input z counts as the
        prediction), mean training cost (summed over classes, averaged over images),
        the share of saturated test outputs, and ``hidden_slope``, the mean σ'(z) = a (1 - a) of
        the first hidden layer over the test images (at most 1/4; NaN without a hidden layer)."""
        data = self.data
        zs, act = self._forward(data.X_test)
        out = act[-1]
        # Predictions from z, not a = σ(z): float32 rounds large z to a = 1.0 exactly, which
        # would tie saturated classes; σ is increasing, so otherwise the two agree.
        accuracy = float(np.mean(np.argmax(zs[-1], axis=1) == data.y_test)) if len(out) else 0.0
        saturated = float(np.mean(out * (1 - out) <= SATURATION)) if len(out) else 0.0
        hidden = act[1] if len(act) > 2 and len(out) else None
        slope = float(np.mean(hidden * (1 - hidden))) if hidden is not None else float("nan")
        zs, act = self._forward(data.X_train)
        cost = float(np.mean(cost_per_example(self.cost, zs[-1], act[-1], data.Y_train)))
        return {"test_accuracy": accuracy, "train_cost": cost, "saturated_output": saturated,
                "hidden_slope": slope}

    def sgd_epoch(self) -> tuple[float, float]:
        """One pass of mini-batch SGD over the training set in a fresh random order.

        Returns the mean over the epoch's batches of the length of ``∂C/∂b`` for the first
        hidden layer and for the output layer: how fast each layer is learning.
        """
        data, W, B = self.data, self.weights, self.biases
        n, m, L = len(data.X_train), self.batch_size, len(W)
        order = self._rng.permutation(n)
        n_batches = -(-n // m)
        # Bias gradients are kept and their lengths taken at the end, in one vectorised step.
        first_b = np.empty((n_batches, self.sizes[1]), dtype=np.float32)
        last_b = np.empty((n_batches, self.sizes[-1]), dtype=np.float32)
        sizes = np.empty(n_batches, dtype=np.float32)
        for i, k in enumerate(range(0, n, m)):
            rows = order[k:k + m]  # indexing 10 rows beats reordering 188 MB each epoch
            xb, yb = data.X_train[rows], data.Y_train[rows]
            step = np.float32(self.eta / len(rows))
            # The same steps as backprop(), written in place with the update fused in: this
            # loop runs 6,000 times an MNIST epoch, so each saved allocation counts.
            act = [xb]
            for layer, (w, b) in enumerate(zip(W, B)):
                z = act[-1] @ w.T
                z += b
                # Hidden z is not needed again (σ' = a (1 - a) there); the output's z goes to
                # the cost's delta, so only that layer keeps it.
                act.append(expit(z) if layer == L - 1 else expit(z, out=z))
            delta = self.cost.delta(z, act[-1], yb)
            for layer in range(L - 1, -1, -1):
                grad_b = delta.sum(axis=0)
                grad_w = delta.T @ act[layer]
                if layer == L - 1:
                    last_b[i] = grad_b
                if layer == 0:
                    first_b[i] = grad_b
                if layer > 0:
                    a = act[layer]
                    delta = (delta @ W[layer]) * (a - a * a)
                grad_w *= step
                grad_b *= step
                W[layer] -= grad_w
                B[layer] -= grad_b
            sizes[i] = len(rows)
        self.epoch += 1
        hidden = np.linalg.norm(first_b, axis=1) / sizes if L > 1 else np.zeros(1)
        output = np.linalg.norm(last_b, axis=1) / sizes
        return float(hidden.mean()), float(output.mean())

    def run_epoch(self) -> dict[str, float]:
        """:meth:`sgd_epoch`, then :meth:`evaluate`: the epoch's row of :func:`train`."""
        hidden, output = self.sgd_epoch()
        return {"epoch": self.epoch, **self.evaluate(), "grad_norm_hidden": hidden,
                "grad_norm_output": output}


def train(X_train, y_train, X_test, y_test, *, cost, sizes, eta, epochs, batch_size, seed,
          init="normal", on_epoch: Callable[[dict], bool | None] | None = None) -> pd.DataFrame:
    """Train a sigmoid network and return one row per epoch.

    Columns (:data:`COLUMNS`): ``epoch, test_accuracy, train_cost, grad_norm_hidden,
    grad_norm_output, saturated_output, hidden_slope, seconds``. ``cost`` is ``"quadratic"`` or
    ``"cross_entropy"``; ``X`` arrays are float (cast to float32), ``y`` arrays integer class
    labels; ``sizes`` includes the input and output layers, e.g. ``(64, 30, 10)``.
    ``on_epoch(row)`` is called after every epoch; returning ``False`` stops training (the rows
    so far are returned). Deterministic for a given ``seed``.

    >>> X = np.eye(4, dtype=np.float32); y = np.array([0, 1, 2, 3])
    >>> frame = train(X, y, X, y, cost="cross_entropy", sizes=(4, 5, 4), eta=3.0, epochs=40,
    ...               batch_size=4, seed=0)
    >>> len(frame), float(frame["test_accuracy"].iloc[-1])
    (40, 1.0)
    """
    if int(epochs) != epochs or epochs < 0:
        raise ValueError(f"epochs must be a whole number >= 0, got {epochs!r}")
    trainer = Trainer(X_train, y_train, X_test, y_test, cost=cost, sizes=sizes, eta=eta,
                      batch_size=batch_size, seed=seed, init=init)
    rows = []
    for _ in range(int(epochs)):
        start = time.perf_counter()
        row = trainer.run_epoch()
        row["seconds"] = time.perf_counter() - start
        rows.append(row)
        if on_epoch is not None and on_epoch(row) is False:
            break
    return pd.DataFrame(rows, columns=COLUMNS)


#: The columns of :func:`train`'s frame.
COLUMNS = ["epoch", "test_accuracy", "train_cost", "grad_norm_hidden", "grad_norm_output",
           "saturated_output", "hidden_slope", "seconds"]


def gradient_summary(quadratic: pd.DataFrame, cross_entropy: pd.DataFrame) -> dict:
    """What a pair of runs (same data, same start) shows about the hidden layer's learning.

    From two frames of :func:`train` (or rows with ``grad_norm_hidden``, ``grad_norm_output``
    and ``hidden_slope``), over the epochs both have:

    ``epochs``
        how many epochs are compared;
    ``hidden_above``
        per cost, the number of epochs in which the hidden layer's bias gradient was longer than
        the output layer's;
    ``hidden_ratio``
        the median over epochs of (cross-entropy's hidden gradient length) / (the quadratic
        cost's): how much larger cross-entropy made the error that reaches the hidden layer;
    ``output_ratio``
        the same for the output layer;
    ``hidden_slope``
        per cost, the mean hidden σ'(z) after the last compared epoch (at most 1/4).

    >>> q = pd.DataFrame({"grad_norm_hidden": [1.0, 2.0], "grad_norm_output": [2.0, 1.0],
    ...                   "hidden_slope": [0.2, 0.1]})
    >>> ce = pd.DataFrame({"grad_norm_hidden": [4.0, 6.0], "grad_norm_output": [1.0, 1.0],
    ...                    "hidden_slope": [0.2, 0.15]})
    >>> s = gradient_summary(q, ce)
    >>> s["epochs"], s["hidden_above"], s["hidden_ratio"]
    (2, {'quadratic': 1, 'cross_entropy': 2}, 3.5)
    """
    frames = {"quadratic": pd.DataFrame(quadratic), "cross_entropy": pd.DataFrame(cross_entropy)}
    n = min(len(f) for f in frames.values())
    frames = {c: f.iloc[:n] for c, f in frames.items()}
    if n == 0:
        return {"epochs": 0, "hidden_above": {c: 0 for c in frames}, "hidden_ratio": math.nan,
                "output_ratio": math.nan, "hidden_slope": {c: math.nan for c in frames}}
    q, ce = frames["quadratic"], frames["cross_entropy"]

    def median_ratio(column):
        with np.errstate(divide="ignore", invalid="ignore"):
            return float(np.median(ce[column].to_numpy(float) / q[column].to_numpy(float)))

    return {
        "epochs": n,
        "hidden_above": {c: int((f["grad_norm_hidden"] > f["grad_norm_output"]).sum())
                         for c, f in frames.items()},
        "hidden_ratio": median_ratio("grad_norm_hidden"),
        "output_ratio": median_ratio("grad_norm_output"),
        "hidden_slope": {c: float(f["hidden_slope"].iloc[-1]) for c, f in frames.items()},
    }


def accuracy_summary(rows: Mapping[str, Sequence[Mapping[str, float]]]) -> dict:
    """Each cost's test accuracy, in percent, after the first and the last epoch and at its
    best, and its saturated outputs after the last epoch, from rows as :func:`train` makes them.

    ``first``, ``final``, ``best`` (the first epoch with the highest accuracy is
    ``best_epoch``) and ``saturated`` (percent of test outputs within :data:`SATURATION` of 0
    or 1).

    >>> rows = {"quadratic": [{"epoch": 1, "test_accuracy": 0.5, "saturated_output": 0.1},
    ...                       {"epoch": 2, "test_accuracy": 0.75, "saturated_output": 0.2}]}
    >>> accuracy_summary(rows)["quadratic"]
    {'first': 50.0, 'final': 75.0, 'best': 75.0, 'best_epoch': 2, 'saturated': 20.0}
    """
    out = {}
    for cost, run in rows.items():
        accuracy = [row["test_accuracy"] * 100 for row in run]
        best = max(range(len(accuracy)), key=accuracy.__getitem__)
        out[cost] = {"first": accuracy[0], "final": accuracy[-1], "best": accuracy[best],
                     "best_epoch": int(run[best]["epoch"]),
                     "saturated": run[-1]["saturated_output"] * 100}
    return out


def pack_rows(rows: Mapping[str, Sequence[Mapping[str, float]]], costs: Sequence[str],
              fields: Sequence[str], epochs: int) -> bytes:
    """The first ``epochs`` rows of each cost, ``fields`` only, as float64 bytes (cost ×
    epoch × field): a run's numbers as one immutable value, quick to hash and to compare.

    >>> rows = {"quadratic": [{"epoch": 1, "test_accuracy": 0.5}]}
    >>> unpack_rows(pack_rows(rows, ["quadratic"], ["epoch", "test_accuracy"], 1),
    ...             ["quadratic"], ["epoch", "test_accuracy"])
    {'quadratic': ({'epoch': 1, 'test_accuracy': 0.5},)}
    """
    return np.array([[[row[f] for f in fields] for row in rows[c][:epochs]] for c in costs],
                    dtype=float).tobytes()


def unpack_rows(data: bytes, costs: Sequence[str],
                fields: Sequence[str]) -> dict[str, tuple[dict[str, float], ...]]:
    """The rows :func:`pack_rows` packed (``epoch``, if packed, as an integer again)."""
    values = np.frombuffer(data).reshape(len(costs), -1, len(fields))
    rows = {c: tuple(dict(zip(fields, map(float, row))) for row in values[i])
            for i, c in enumerate(costs)}
    for row in (r for run in rows.values() for r in run if "epoch" in r):
        row["epoch"] = int(row["epoch"])
    return rows


def _frozen(array, dtype) -> np.ndarray:
    out = np.array(array, dtype=dtype)  # a copy of our own
    out.flags.writeable = False
    return out


@dataclass(frozen=True)
class Outputs:
    """A trained network's output layer on held-out images: ``z`` (n × classes, float32) is
    each image's output weighted input z = a W^T + b of the last layer (the logits; the network's
    outputs are σ(z)), ``y`` its true class (int64). ``valid_*`` is the validation split (None
    when the data has none), ``test_*`` the test split. The arrays are read-only."""

    valid_z: np.ndarray | None
    valid_y: np.ndarray | None
    test_z: np.ndarray
    test_y: np.ndarray


def final_outputs(trainer: Trainer, X_valid=None, y_valid=None) -> Outputs:
    """The output-layer weighted inputs z of ``trainer``'s network now, on the validation
    images ``X_valid`` (if given) and on its own test images, with their labels, as read-only
    :class:`Outputs`.

    The predicted class of an image is ``argmax(z)``, the count :meth:`Trainer.evaluate`'s test
    accuracy is made of: ``mean(argmax(test_z, axis=1) == test_y)``.

    >>> X = np.eye(4, dtype=np.float32); y = np.array([0, 1, 2, 3])
    >>> t = Trainer(X, y, X, y, cost="cross_entropy", sizes=(4, 5, 4), eta=3.0, batch_size=4,
    ...             seed=0)
    >>> out = final_outputs(t)
    >>> out.test_z.shape, out.test_z.dtype, out.test_z.flags.writeable, out.valid_z
    ((4, 4), dtype('float32'), False, None)
    >>> accuracy = np.mean(np.argmax(out.test_z, axis=1) == out.test_y)
    >>> bool(accuracy == t.evaluate()["test_accuracy"])
    True
    """
    if (X_valid is None) != (y_valid is None):
        raise ValueError("give both X_valid and y_valid, or neither")

    def logits(X):
        zs, _ = trainer._forward(np.ascontiguousarray(X, dtype=np.float32))
        return _frozen(zs[-1], np.float32)

    data = trainer.data
    valid = None
    if X_valid is not None:
        checked = _check_data(X_valid, y_valid, X_valid[:0], np.asarray(y_valid)[:0],
                              trainer.sizes[-1])
        valid = (logits(checked.X_train), _frozen(checked.y_train, np.int64))
    return Outputs(valid[0] if valid else None, valid[1] if valid else None,
                   logits(data.X_test), _frozen(data.y_test, np.int64))


class Comparison:
    """Both costs trained side by side from the same start, one epoch of each per
    :meth:`step`: the work of one job of :class:`lib.training.TrainingQueue`.

    ``etas`` maps each cost of ``costs`` to its learning rate; the other arguments are
    :class:`Trainer`'s, for every cost alike (so both networks start from the same weights and
    see the same mini-batches). The trainers are built here and, like everything this object
    holds, must be used by one thread at a time. :meth:`step` returns ``{cost: row}`` (rows
    read-only, as :func:`train` makes them, with their ``seconds``); :meth:`finish`, after the
    last epoch, the run as :class:`FinishedRun` keeps it: ``(rows, outputs)``, each cost's final
    :func:`final_outputs` on ``X_valid`` (if given) and the test images.

    >>> X = np.eye(4, dtype=np.float32); y = np.array([0, 1, 2, 3])
    >>> work = Comparison(X, y, X, y, costs=("quadratic", "cross_entropy"), sizes=(4, 5, 4),
    ...                   etas={"quadratic": 3.0, "cross_entropy": 3.0}, batch_size=4, seed=0,
    ...                   epochs=2)
    >>> [sorted(work.step()) for _ in range(work.steps)][-1]
    ['cross_entropy', 'quadratic']
    >>> rows, outputs = work.finish()
    >>> len(rows["quadratic"]), outputs["cross_entropy"].test_z.shape
    (2, (4, 4))
    """

    def __init__(self, X_train, y_train, X_test, y_test, X_valid=None, y_valid=None, *,
                 costs: Sequence[str], sizes, etas: Mapping[str, float], batch_size: int,
                 seed: int, epochs: int, init: str = "normal") -> None:
        if int(epochs) != epochs or epochs < 0:
            raise ValueError(f"epochs must be a whole number >= 0, got {epochs!r}")
        self.steps = int(epochs)
        self.trainers = {c: Trainer(X_train, y_train, X_test, y_test, cost=c, sizes=sizes,
                                    eta=etas[c], batch_size=batch_size, seed=seed, init=init)
                         for c in costs}
        self.valid = (X_valid, y_valid)
        self.rows: dict[str, list[Mapping[str, float]]] = {c: [] for c in costs}

    def step(self) -> Mapping[str, Mapping[str, float]]:
        record = {}
        for cost, trainer in self.trainers.items():
            start = time.perf_counter()
            row = trainer.run_epoch()
            row["seconds"] = time.perf_counter() - start
            record[cost] = MappingProxyType(row)
            self.rows[cost].append(record[cost])
        return MappingProxyType(record)

    def finish(self) -> tuple[dict[str, list[Mapping[str, float]]], dict[str, Outputs]]:
        return self.rows, {c: final_outputs(t, *self.valid) for c, t in self.trainers.items()}


@dataclass(frozen=True)
class FinishedRun:
    """A finished training of both costs, as published for every session: read-only.

    ``rows`` maps each cost to a tuple of read-only rows (one per epoch, as :func:`train`
    makes them); ``outputs`` maps each cost to its final network's :class:`Outputs` (empty
    when the run was published without them); nothing reachable from it can be changed in
    place.
    """

    rows: Mapping[str, tuple[Mapping[str, float], ...]]
    epochs: int
    seconds: float
    outputs: Mapping[str, Outputs] = field(default_factory=lambda: MappingProxyType({}))

    complete = True

    @property
    def done(self) -> int:
        return min((len(r) for r in self.rows.values()), default=0)


class ResultStore:
    """Finished runs shared by every session, newest ``capacity`` kept; thread-safe.

    Only finished runs go in (:meth:`publish` refuses one with fewer rows than epochs), each as a
    frozen copy: whatever the publisher does to its own rows afterwards (train again, stop half
    way) changes nothing that others see. A key published twice keeps the first run.

    >>> store = ResultStore()
    >>> mine = {"quadratic": [{"epoch": 1, "test_accuracy": 0.5}]}
    >>> shared = store.publish("cfg", mine, epochs=1)
    >>> mine["quadratic"][0]["test_accuracy"] = 0.0    # the publisher retrains in place...
    >>> store.get("cfg").rows["quadratic"][0]["test_accuracy"]   # ...others still see 0.5
    0.5
    """

    def __init__(self, capacity: int = 16) -> None:
        self.capacity = int(capacity)
        self._runs: OrderedDict[Hashable, FinishedRun] = OrderedDict()
        self._lock = threading.Lock()

    def publish(self, key: Hashable, rows: Mapping[str, list[Mapping[str, float]]], *,
                epochs: int, seconds: float = 0.0,
                outputs: Mapping[str, Outputs] | None = None) -> FinishedRun:
        """Store a frozen copy of a finished run under ``key`` and return what is stored
        (``outputs``: each cost's :class:`Outputs`, whose arrays must be read-only)."""
        if any(len(r) < epochs for r in rows.values()) or not rows:
            raise ValueError(f"only finished runs are published: need {epochs} epochs, got "
                             f"{ {c: len(r) for c, r in rows.items()} }")
        outputs = dict(outputs or {})
        if any(a is not None and a.flags.writeable for o in outputs.values()
               for a in (o.valid_z, o.valid_y, o.test_z, o.test_y)):
            raise ValueError("published outputs must be read-only arrays")
        frozen = FinishedRun(
            MappingProxyType({c: tuple(MappingProxyType(dict(row)) for row in r[:epochs])
                              for c, r in rows.items()}), int(epochs), float(seconds),
            MappingProxyType(outputs))
        with self._lock:
            if key in self._runs:
                self._runs.move_to_end(key)
                return self._runs[key]
            self._runs[key] = frozen
            while len(self._runs) > self.capacity:
                self._runs.popitem(last=False)
            return frozen

    def get(self, key: Hashable) -> FinishedRun | None:
        with self._lock:
            return self._runs.get(key)

    def __len__(self) -> int:
        with self._lock:
            return len(self._runs)
