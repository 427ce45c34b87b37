"""Time encoding and decoding 10**6 symbols with lib.coding against a plain Python loop.

Both run in this one process on the same message (drawn from P = (1/2, 1/4, 1/8, 1/8) with its
Huffman code, or from 50 equally likely events with --events 50), so the printed ratios compare
like with like on this machine.

    python bench/bench_coding.py                      # 10**6 symbols, best of 3
    python bench/bench_coding.py --symbols 10000 --repeats 1   # a quick smoke run
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from lib import coding  # noqa: E402


def python_encode(message, code):
    return "".join([code[m] for m in message])


def python_decode(bits, code):
    lookup = {w: i for i, w in enumerate(code) if w is not None}
    out, start = [], 0
    for pos in range(len(bits)):
        hit = lookup.get(bits[start:pos + 1])
        if hit is not None:
            out.append(hit)
            start = pos + 1
    return out


def best(fn, repeats):
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--symbols", type=int, default=10**6)
    parser.add_argument("--events", type=int, default=4, help="4 (the worked example) or n "
                        "equally likely events")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    p = np.array([1 / 2, 1 / 4, 1 / 8, 1 / 8]) if args.events == 4 else \
        np.full(args.events, 1 / args.events)
    code = coding.huffman_code(p)
    message = np.random.default_rng(args.seed).choice(p.size, size=args.symbols, p=p)
    as_list = message.tolist()

    t_enc, bits = best(lambda: coding.encode(message, code), args.repeats)
    t_enc_py, bits_py = best(lambda: python_encode(as_list, code), args.repeats)
    t_dec, decoded = best(lambda: coding.decode(bits, code), args.repeats)
    t_dec_py, decoded_py = best(lambda: python_decode(bits, code), args.repeats)
    assert bits == bits_py and decoded == decoded_py == as_list

    print(f"{args.symbols:,} symbols over {p.size} events, {len(bits):,} bits "
          f"({len(bits) / args.symbols:.4f} bits/symbol), best of {args.repeats}")
    print(f"encode  lib.coding {t_enc:8.3f} s   Python loop {t_enc_py:8.3f} s   "
          f"ratio {t_enc_py / t_enc:6.1f}x")
    print(f"decode  lib.coding {t_dec:8.3f} s   Python loop {t_dec_py:8.3f} s   "
          f"ratio {t_dec_py / t_dec:6.1f}x")


if __name__ == "__main__":
    main()
