"""lib.network: backprop against finite differences, the fused SGD loop, accuracy, determinism."""


import numpy as np
import pandas as pd
import pytest

from lib import costs, digits
from lib.network import (COLUMNS, COSTS, Comparison, FinishedRun, Outputs, ResultStore, Trainer,
                         backprop, final_outputs, gradient_summary, init_params, train)


def total_cost(weights, biases, cost, X, Y):
    a = X.astype(np.float64)
    z = None
    for w, b in zip(weights, biases):
        z = a @ w.T.astype(np.float64) + b
        a = 1 / (1 + np.exp(-z))
    return float(np.mean(np.sum(cost.value(z, a, Y), axis=1)))  # per image: summed over classes


@pytest.mark.parametrize("cost", sorted(COSTS))
@pytest.mark.parametrize("sizes", [(5, 4, 3), (6, 5, 4, 3)])
def test_backprop_matches_finite_differences(cost, sizes):
    rng = np.random.default_rng(0)
    weights, biases = init_params(sizes, seed=3, init="large")
    weights = [w.astype(np.float64) for w in weights]
    biases = [b.astype(np.float64) for b in biases]
    X = rng.random((7, sizes[0]))
    Y = np.eye(sizes[-1])[rng.integers(0, sizes[-1], 7)]
    c = COSTS[cost]
    grads_w, grads_b = backprop(weights, biases, c, X, Y)
    h = 1e-6
    for layer in range(len(weights)):
        for params, grads in ((weights, grads_w), (biases, grads_b)):
            numeric = np.zeros_like(params[layer])
            for i in np.ndindex(params[layer].shape):
                old = params[layer][i]
                params[layer][i] = old + h
                up = total_cost(weights, biases, c, X, Y)
                params[layer][i] = old - h
                down = total_cost(weights, biases, c, X, Y)
                params[layer][i] = old
                numeric[i] = (up - down) / (2 * h)
            np.testing.assert_allclose(grads[layer], numeric, rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("cost", sorted(COSTS))
def test_fused_sgd_loop_is_plain_gradient_descent(cost):
    rng = np.random.default_rng(1)
    X = rng.random((10, 8), dtype=np.float32)
    y = rng.integers(0, 4, 10)
    trainer = Trainer(X, y, X, y, cost=cost, sizes=(8, 6, 4), eta=0.7, batch_size=10, seed=5)
    w0 = [w.copy() for w in trainer.weights]
    b0 = [b.copy() for b in trainer.biases]
    grads_w, grads_b = backprop(w0, b0, COSTS[cost], X, np.eye(4, dtype=np.float32)[y])
    trainer.sgd_epoch()  # one batch holding every example: the order does not matter
    for w, b, gw, gb, w1, b1 in zip(w0, b0, grads_w, grads_b, trainer.weights, trainer.biases):
        np.testing.assert_allclose(w1, w - 0.7 * gw, rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(b1, b - 0.7 * gb, rtol=1e-5, atol=1e-6)


@pytest.fixture(scope="module")
def bundled():
    return digits.bundled()


def run(data, **kwargs):
    args = {"cost": "cross_entropy", "sizes": (64, 30, 10), "eta": 0.5, "epochs": 10,
            "batch_size": 10, "seed": 1}
    args.update(kwargs)
    return train(data.X_train, data.y_train, data.X_test, data.y_test, **args)


def test_bundled_digits_above_90_percent(bundled):
    frame = run(bundled)  # its speed is bench/bench_network.py's business
    assert frame["test_accuracy"].iloc[-1] > 0.90
    q = run(bundled, cost="quadratic", eta=3.0)
    assert q["test_accuracy"].iloc[-1] > 0.90


def test_columns_and_values(bundled):
    frame = run(bundled, epochs=3)
    assert list(frame.columns) == ["epoch", "test_accuracy", "train_cost", "grad_norm_hidden",
                                   "grad_norm_output", "saturated_output", "hidden_slope",
                                   "seconds"]
    assert frame["epoch"].tolist() == [1, 2, 3]
    assert ((frame["saturated_output"] >= 0) & (frame["saturated_output"] <= 1)).all()
    assert (frame["grad_norm_hidden"] > 0).all() and (frame["grad_norm_output"] > 0).all()
    assert ((frame["hidden_slope"] > 0) & (frame["hidden_slope"] <= 0.25)).all()
    assert frame["train_cost"].is_monotonic_decreasing


def test_same_seed_same_result_and_different_seed_differs(bundled):
    a, b = run(bundled, epochs=3), run(bundled, epochs=3)
    cols = ["test_accuracy", "train_cost", "grad_norm_hidden", "grad_norm_output"]
    np.testing.assert_array_equal(a[cols].to_numpy(), b[cols].to_numpy())
    c = run(bundled, epochs=3, seed=2)
    assert not np.array_equal(a[cols].to_numpy(), c[cols].to_numpy())


def test_both_costs_start_from_the_same_weights(bundled):
    args = dict(sizes=(64, 30, 10), eta=1.0, batch_size=10, seed=4)
    q = Trainer(bundled.X_train, bundled.y_train, bundled.X_test, bundled.y_test,
                cost="quadratic", **args)
    ce = Trainer(bundled.X_train, bundled.y_train, bundled.X_test, bundled.y_test,
                 cost="cross_entropy", **args)
    for w1, w2 in zip(q.weights, ce.weights):
        np.testing.assert_array_equal(w1, w2)


def test_on_epoch_can_stop(bundled):
    seen = []
    frame = run(bundled, epochs=10, on_epoch=lambda row: seen.append(row["epoch"]) or
                row["epoch"] < 4)
    assert seen == [1, 2, 3, 4] and len(frame) == 4


def test_large_start_saturates_and_widens_the_gap(bundled):
    first = {}
    for init in ("normal", "large"):
        for cost, eta in (("quadratic", 3.0), ("cross_entropy", 0.5)):
            frame = run(bundled, epochs=1, cost=cost, eta=eta, init=init)
            first[init, cost] = frame["test_accuracy"].iloc[0]
    saturated = {init: Trainer(bundled.X_train, bundled.y_train, bundled.X_test, bundled.y_test,
                               cost="quadratic", sizes=(64, 30, 10), eta=3.0, batch_size=10,
                               seed=1, init=init).evaluate()["saturated_output"]
                 for init in ("normal", "large")}  # before any training
    assert saturated["large"] > 0.1 and saturated["large"] > 3 * saturated["normal"]
    gap_large = first["large", "cross_entropy"] - first["large", "quadratic"]
    gap_normal = first["normal", "cross_entropy"] - first["normal", "quadratic"]
    assert gap_large > gap_normal > 0


def test_float32_throughout(bundled):
    trainer = Trainer(bundled.X_train.astype(np.float64), bundled.y_train, bundled.X_test,
                      bundled.y_test, cost="quadratic", sizes=(64, 30, 10), eta=3.0,
                      batch_size=10, seed=1)
    trainer.sgd_epoch()
    assert all(w.dtype == np.float32 for w in trainer.weights)
    assert all(b.dtype == np.float32 for b in trainer.biases)


@pytest.mark.parametrize("kwargs, message", [
    ({"cost": "hinge"}, "cost must be"),
    ({"eta": 0}, "eta must be"),
    ({"batch_size": 0}, "batch_size"),
    ({"sizes": (63, 30, 10)}, "features"),
    ({"init": "zeros"}, "init must be"),
    ({"epochs": -1}, "epochs"),
])
def test_invalid_arguments(bundled, kwargs, message):
    with pytest.raises(ValueError, match=message):
        run(bundled, **kwargs)


def test_labels_out_of_range():
    X = np.zeros((2, 3), dtype=np.float32)
    with pytest.raises(ValueError, match="labels"):
        train(X, np.array([0, 12]), X, np.array([0, 1]), cost="quadratic", sizes=(3, 2, 10),
              eta=1.0, epochs=1, batch_size=1, seed=0)


def test_costs_are_lib_costs():
    """One definition of each cost: lib.network uses lib.costs' objects, summed over classes."""
    assert COSTS is costs.COSTS
    z = np.array([[0.0, 2.0]], dtype=np.float32)
    a = costs.sigmoid(z)
    y = np.array([[1.0, 0.0]], dtype=np.float32)
    from lib.network import cost_per_example
    expected = 0.5 * ((0.5 - 1) ** 2 + (float(a[0, 1])) ** 2)
    assert cost_per_example(COSTS["quadratic"], z, a, y)[0] == pytest.approx(expected, rel=1e-6)
    ce = -np.log(0.5) - np.log(1 - float(a[0, 1]))
    assert cost_per_example(COSTS["cross_entropy"], z, a, y)[0] == pytest.approx(ce, rel=1e-6)


@pytest.fixture(scope="module")
def default_pair(bundled):
    """The page's default: N(0, 1) weights, 64-30-10, η 3.0 and 0.5, 30 epochs, seed 1."""
    return {cost: run(bundled, cost=cost, eta=eta, epochs=30, init="large")
            for cost, eta in (("quadratic", 3.0), ("cross_entropy", 0.5))}


def test_hidden_gradient_facts_of_the_default_run(default_pair):
    """Issue 8, limit 1: the sentences the page computes rest on these facts of the real run."""
    s = gradient_summary(default_pair["quadratic"], default_pair["cross_entropy"])
    assert s["epochs"] == 30
    # The hidden layer's gradient is larger than the output's in most epochs, under both costs.
    assert s["hidden_above"]["quadratic"] > 15 and s["hidden_above"]["cross_entropy"] > 15
    # Cross-entropy makes the hidden gradient several times larger than the quadratic cost does.
    assert 3 < s["hidden_ratio"] < 12
    # ...while the hidden σ'(z) factor remains (well below its maximum 1/4 is not required).
    assert all(0 < v <= 0.25 for v in s["hidden_slope"].values())
    # The hidden error is the output error sent back through the weights times σ'(z): check it
    # on one batch against backprop's own gradients.
    trainer = Trainer(*_data(), cost="cross_entropy", sizes=(64, 30, 10), eta=0.5,
                      batch_size=10, seed=1, init="large")
    X, Y = trainer.data.X_train[:10], trainer.data.Y_train[:10]
    gw, gb = backprop(trainer.weights, trainer.biases, trainer.cost, X, Y)
    hidden = costs.sigmoid(X @ trainer.weights[0].T + trainer.biases[0])
    out = costs.sigmoid(hidden @ trainer.weights[1].T + trainer.biases[1])
    delta_out = out - Y
    delta_hidden = (delta_out @ trainer.weights[1]) * hidden * (1 - hidden)
    np.testing.assert_allclose(gb[0], delta_hidden.mean(axis=0), rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(gb[1], delta_out.mean(axis=0), rtol=1e-4, atol=1e-6)


def _data():
    d = digits.bundled()
    return d.X_train, d.y_train, d.X_test, d.y_test


def test_gradient_summary_follows_the_numbers():
    q = {"grad_norm_hidden": [1.0, 1.0, 1.0], "grad_norm_output": [2.0, 2.0, 2.0],
         "hidden_slope": [0.2, 0.2, 0.1]}
    ce = {"grad_norm_hidden": [0.5, 0.5, 3.0], "grad_norm_output": [1.0, 1.0, 1.0],
          "hidden_slope": [0.2, 0.2, 0.05]}
    s = gradient_summary(q, ce)
    assert s["hidden_above"] == {"quadratic": 0, "cross_entropy": 1}
    assert s["hidden_ratio"] == 0.5 and s["output_ratio"] == 0.5
    assert s["hidden_slope"] == {"quadratic": 0.1, "cross_entropy": 0.05}
    assert gradient_summary({k: [] for k in q}, ce)["epochs"] == 0


def test_store_publishes_frozen_finished_runs_only():
    store = ResultStore(capacity=2)
    rows = {"quadratic": [{"epoch": 1, "test_accuracy": 0.9}, {"epoch": 2, "test_accuracy": 0.95}],
            "cross_entropy": [{"epoch": 1, "test_accuracy": 0.8}]}
    with pytest.raises(ValueError, match="only finished runs"):
        store.publish("a", rows, epochs=2)
    rows["cross_entropy"].append({"epoch": 2, "test_accuracy": 0.97})
    published = store.publish("a", rows, epochs=2, seconds=1.5)
    assert isinstance(published, FinishedRun) and published.done == 2 and published.complete
    # The publisher trains again in its own rows and stops half way: nothing shared changes.
    rows["quadratic"].clear()
    rows["cross_entropy"][0]["test_accuracy"] = 0.1
    assert store.get("a").rows["quadratic"][1]["test_accuracy"] == 0.95
    assert store.get("a").rows["cross_entropy"][0]["test_accuracy"] == 0.8
    with pytest.raises(TypeError):
        store.get("a").rows["cross_entropy"][0]["test_accuracy"] = 0.1
    with pytest.raises(TypeError):
        store.get("a").rows["quadratic"] = ()
    # Publishing the same key again keeps the first run; the oldest key goes past capacity.
    other = {"quadratic": [{"epoch": 1, "test_accuracy": 0.1}],
             "cross_entropy": [{"epoch": 1, "test_accuracy": 0.1}]}
    assert store.publish("a", other, epochs=1) is published
    store.publish("b", other, epochs=1)
    store.publish("c", other, epochs=1)
    assert store.get("a") is None and len(store) == 2


# ---- Issue 23: the training queue's work, and the outputs a published run carries ----------

def comparison(data, epochs=3, **kwargs):
    args = dict(costs=("quadratic", "cross_entropy"), sizes=(data.features, 15, 10),
                etas={"quadratic": 3.0, "cross_entropy": 0.5}, batch_size=10, seed=7,
                epochs=epochs, init="large")
    args.update(kwargs)
    return Comparison(data.X_train, data.y_train, data.X_test, data.y_test, data.X_valid,
                      data.y_valid, **args)


def test_comparison_is_train_for_both_costs(bundled):
    """The queue's work, step by step, gives exactly the rows of train() for each cost."""
    work = comparison(bundled)
    records = [work.step() for _ in range(work.steps)]
    rows, outputs = work.finish()
    cols = [c for c in COLUMNS if c != "seconds"]
    for cost, eta in (("quadratic", 3.0), ("cross_entropy", 0.5)):
        alone = run(bundled, cost=cost, eta=eta, sizes=(64, 15, 10), epochs=3, seed=7,
                    init="large")
        ours = pd.DataFrame([dict(r[cost]) for r in records])
        np.testing.assert_array_equal(ours[cols].to_numpy(), alone[cols].to_numpy())
        assert [dict(r) for r in rows[cost]] == [dict(r[cost]) for r in records]
        assert (ours["seconds"] > 0).all()
    with pytest.raises(TypeError):  # a record is shared with readers: read-only
        records[0]["quadratic"]["test_accuracy"] = 0.0


def test_final_outputs_agree_with_the_counted_accuracy(bundled):
    """argmax of the published z is the prediction the final test accuracy counted."""
    work = comparison(bundled)
    for _ in range(work.steps):
        last = work.step()
    rows, outputs = work.finish()
    for cost, out in outputs.items():
        assert out.valid_z is None and out.valid_y is None  # the bundled digits: no validation
        assert out.test_z.shape == (297, 10) and out.test_z.dtype == np.float32
        assert out.test_y.dtype == np.int64
        np.testing.assert_array_equal(out.test_y, bundled.y_test)
        for array in (out.test_z, out.test_y):
            assert not array.flags.writeable
            with pytest.raises(ValueError):
                array[0] = 0
        accuracy = np.mean(np.argmax(out.test_z, axis=1) == out.test_y)
        assert accuracy == last[cost]["test_accuracy"] == rows[cost][-1]["test_accuracy"]
        # z is the last layer's weighted input: σ(z) are the network's outputs (in float64).
        trainer = work.trainers[cost]
        hidden = costs.sigmoid(bundled.X_test.astype(np.float64) @ trainer.weights[0].T
                               + trainer.biases[0])
        z = hidden @ trainer.weights[1].T + trainer.biases[1]
        np.testing.assert_allclose(out.test_z, z, rtol=1e-4, atol=1e-4)


def test_final_outputs_on_a_validation_split():
    rng = np.random.default_rng(3)
    X = rng.random((40, 6), dtype=np.float32)
    y = rng.integers(0, 10, 40)
    data = digits.Digits(X[:20], y[:20], X[20:30], y[20:30], side=0, X_valid=X[30:],
                         y_valid=y[30:])
    work = comparison(data, epochs=2, sizes=(6, 5, 10))
    for _ in range(work.steps):
        work.step()
    _, outputs = work.finish()
    out = outputs["cross_entropy"]
    assert out.valid_z.shape == (10, 10) and out.test_z.shape == (10, 10)
    assert not out.valid_z.flags.writeable and not out.valid_y.flags.writeable
    np.testing.assert_array_equal(out.valid_y, y[30:])
    again = final_outputs(work.trainers["cross_entropy"], X[30:], y[30:])
    np.testing.assert_array_equal(again.valid_z, out.valid_z)
    with pytest.raises(ValueError, match="both"):
        final_outputs(work.trainers["cross_entropy"], X[30:], None)


def test_accuracy_counts_argmax_of_z_when_outputs_round_to_one():
    """Two outputs with z = 30 and z = 40 are both σ(z) = 1.0 in float32; the prediction is the
    larger z (class 1), as the published outputs say, not the first of the tied outputs."""
    X = np.ones((1, 1), dtype=np.float32)
    trainer = Trainer(X, np.array([1]), X, np.array([1]), cost="quadratic", sizes=(1, 3),
                      eta=1.0, batch_size=1, seed=0)
    trainer.weights[0][:] = [[30.0], [40.0], [-5.0]]
    trainer.biases[0][:] = 0.0
    a = costs.sigmoid(np.float32(30.0)), costs.sigmoid(np.float32(40.0))
    assert a[0] == a[1] == 1.0  # the tie that argmax(a) would break wrongly
    assert trainer.evaluate()["test_accuracy"] == 1.0
    assert np.argmax(final_outputs(trainer).test_z[0]) == 1


def test_store_keeps_read_only_outputs():
    store = ResultStore()
    rows = {"quadratic": [{"epoch": 1, "test_accuracy": 0.5}]}
    z = np.zeros((2, 10), dtype=np.float32)
    y = np.zeros(2, dtype=np.int64)
    with pytest.raises(ValueError, match="read-only"):
        store.publish("a", rows, epochs=1, outputs={"quadratic": Outputs(None, None, z, y)})
    z.flags.writeable = y.flags.writeable = False
    published = store.publish("a", rows, epochs=1,
                              outputs={"quadratic": Outputs(None, None, z, y)})
    assert published.outputs["quadratic"].test_z is z
    with pytest.raises(TypeError):
        published.outputs["cross_entropy"] = None
    assert dict(store.publish("b", rows, epochs=1).outputs) == {}
