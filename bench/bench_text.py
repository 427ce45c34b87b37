"""Arithmetic coding of 10⁵ characters with an order-3 character model (lib.text).

Prints the time to encode and to decode, the coded length against the cross-entropy length
n × H (their difference in bits and their ratio), the time of computing H itself (the float
sum over the same text: the reference in the same run) and, for scale, what zlib and lzma make
of the same text.

    python3 bench/bench_text.py            # 100,000 characters, order 3, α = 0.5
    python3 bench/bench_text.py -n 20000 --order 5 --alpha 0.01

The training text is the app's English prose as the compression page shows it (all of it, as
plain text: :func:`lib.text.prose`); the coded text is drawn from a fixed mixture of that
prose's lines, shuffled with a fixed seed, so that it resembles the training text without
repeating it.
"""

from __future__ import annotations

import argparse
import lzma
import random
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lib import text  # noqa: E402
from ui.strings import STRINGS  # noqa: E402


def texts(n: int, seed: int = 0) -> tuple[str, str]:
    train = text.prose(STRINGS[key] for key in sorted(STRINGS))
    prose = train.split("\n")
    rng = random.Random(seed)
    lines, size = [], 0
    while size < n:
        line = rng.choice(prose)
        words = line.split(" ")
        rng.shuffle(words)   # the same words in a new order: no line repeats the training text
        lines.append(" ".join(words))
        size += len(lines[-1]) + 1
    return train, "\n".join(lines)[:n]


def timed(fn, *args):
    start = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=100_000, help="characters to code")
    parser.add_argument("--order", type=int, default=3)
    parser.add_argument("--alpha", type=float, default=0.5)
    args = parser.parse_args()
    train, message = texts(args.n)
    h, t_h = timed(text.cross_entropy_bits, train, message, args.order, args.alpha)
    bits, t_enc = timed(text.encode, message, train, args.order, args.alpha)
    back, t_dec = timed(text.decode, bits, len(message), train, args.order, args.alpha)
    huff, t_huff = timed(text.huffman_bits, message, train, args.order, args.alpha)
    ideal = len(message) * h
    raw = message.encode("utf-8")
    print(f"training text {len(train):,} characters; coded text {len(message):,} characters, "
          f"{len(raw):,} UTF-8 bytes; order {args.order}, alpha {args.alpha}")
    print(f"cross-entropy            {h:.4f} bits/char  ({t_h:.3f} s: the reference)")
    print(f"n x H                    {ideal:,.1f} bits")
    print(f"arithmetic code          {len(bits):,} bits  (coded − n×H = {len(bits) - ideal:+.3f} "
          f"bits; ratio {len(bits) / ideal:.6f})")
    print(f"  encode {t_enc:.3f} s ({t_enc / t_h:.1f}× the reference, "
          f"{len(message) / t_enc:,.0f} chars/s); decode {t_dec:.3f} s "
          f"({t_dec / t_h:.1f}×); round trip {'exact' if back == message else 'WRONG'}")
    print(f"Huffman code per context {huff:,} bits  (ratio to n×H {huff / ideal:.4f}; "
          f"{t_huff:.3f} s)")
    print(f"for scale: zlib -9 {8 * len(zlib.compress(raw, 9)):,} bits, "
          f"lzma {8 * len(lzma.compress(raw)):,} bits, UTF-8 {8 * len(raw):,} bits")
    if back != message:
        sys.exit(1)


if __name__ == "__main__":
    main()
