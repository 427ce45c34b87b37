"""The benchmark script runs (tiny size) and prints its measurements; no timing is asserted."""

import subprocess
import sys

from tests.conftest import ROOT


def test_bench_network_smoke():
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_network.py"),
                          "--samples", "500", "--repeats", "1"], capture_output=True, text=True,
                         timeout=300, check=True).stdout
    assert "numpy (lib.network):" in out and "s per epoch" in out
    assert ("ratio: numpy is" in out) or ("PyTorch:               not installed" in out)
    assert "peak memory" in out
