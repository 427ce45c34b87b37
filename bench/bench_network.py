"""Time one training epoch of the book's network: lib.network (numpy) against PyTorch autograd.

The book configuration: a 784-30-10 sigmoid network, 50,000 training images (MNIST's other
10,000 training images are held out for validation, as in the book), mini-batches of 10, plain
SGD. Both trainers get the same float32 data (random pixels: timing does not depend on
what the images show), the same initial weights and the same batch order, and run in this one
process one after the other, so the printed ratio compares like with like on this machine.

    python bench/bench_network.py               # the book configuration, best of 3 epochs
    python bench/bench_network.py --samples 2000 --repeats 1   # a quick smoke run

PyTorch is optional (it is not a dependency of the app); without it only numpy is timed.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from lib.network import Trainer  # noqa: E402


def numpy_epoch_seconds(X, y, cost, eta, batch, repeats, seed):
    trainer = Trainer(X, y, X[:100], y[:100], cost=cost, sizes=(X.shape[1], 30, 10), eta=eta,
                      batch_size=batch, seed=seed)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        trainer.sgd_epoch()
        times.append(time.perf_counter() - start)
    return min(times), trainer


def torch_epoch_seconds(X, y, cost, eta, batch, repeats, seed):
    try:
        import torch
    except ImportError:
        return None, None
    weights = Trainer(X[:10], y[:10], X[:10], y[:10], cost=cost, sizes=(X.shape[1], 30, 10),
                      eta=eta, batch_size=batch, seed=seed)
    model = torch.nn.Sequential(torch.nn.Linear(X.shape[1], 30), torch.nn.Sigmoid(),
                                torch.nn.Linear(30, 10))
    with torch.no_grad():  # the same starting point as the numpy trainer
        model[0].weight.copy_(torch.from_numpy(weights.weights[0]))
        model[0].bias.copy_(torch.from_numpy(weights.biases[0]))
        model[2].weight.copy_(torch.from_numpy(weights.weights[1]))
        model[2].bias.copy_(torch.from_numpy(weights.biases[1]))
    Xt = torch.from_numpy(X)
    Yt = torch.nn.functional.one_hot(torch.from_numpy(y.astype(np.int64)), 10).float()
    optimiser = torch.optim.SGD(model.parameters(), lr=eta)
    rng = np.random.default_rng(seed + 1)
    times = []
    for _ in range(repeats):
        order = torch.from_numpy(rng.permutation(len(X)))
        start = time.perf_counter()
        for k in range(0, len(X), batch):
            rows = order[k:k + batch]
            xb, yb = Xt[rows], Yt[rows]
            optimiser.zero_grad(set_to_none=True)
            z = model(xb)
            if cost == "cross_entropy":
                loss = torch.nn.functional.binary_cross_entropy_with_logits(
                    z, yb, reduction="sum") / len(rows)
            else:
                loss = 0.5 * ((torch.sigmoid(z) - yb) ** 2).sum() / len(rows)
            loss.backward()
            optimiser.step()
        times.append(time.perf_counter() - start)
    return min(times), torch


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=50_000,
                        help="training images per epoch (the book: 50,000; 10,000 held out)")
    parser.add_argument("--features", type=int, default=784)
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3, help="epochs timed; the best counts")
    parser.add_argument("--cost", choices=("cross_entropy", "quadratic"), default="cross_entropy")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    rng = np.random.default_rng(args.seed)
    X = rng.random((args.samples, args.features), dtype=np.float32)
    y = rng.integers(0, 10, args.samples)
    eta = 0.5 if args.cost == "cross_entropy" else 3.0

    print(f"{args.samples} x {args.features} inputs, {args.features}-30-10 sigmoid net, "
          f"batch {args.batch}, cost {args.cost}, best of {args.repeats} epoch(s)")
    numpy_s, _ = numpy_epoch_seconds(X, y, args.cost, eta, args.batch, args.repeats, args.seed)
    print(f"numpy (lib.network):   {numpy_s:.3f} s per epoch")
    torch_s, torch = torch_epoch_seconds(X, y, args.cost, eta, args.batch, args.repeats,
                                         args.seed)
    if torch_s is None:
        print("PyTorch:               not installed (pip install torch) - no ratio")
    else:
        print(f"PyTorch {torch.__version__} autograd: {torch_s:.3f} s per epoch "
              f"({torch.get_num_threads()} threads)")
        print(f"ratio: numpy is {torch_s / numpy_s:.2f}x faster than PyTorch (target >= 3x)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
