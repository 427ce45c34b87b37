"""The benchmark script runs (tiny size) and prints its measurements; no timing is asserted."""

import re
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


def test_bench_pages_smoke():
    """The smallest page benchmark: one page, plain reruns only, one measured rerun."""
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_pages.py"),
                          "--pages", "home", "--reruns", "1", "--only", "rerun"],
                         capture_output=True, text=True, timeout=120, check=True).stdout
    assert "bare one-line page: median" in out
    assert re.search(r"^home\s+rerun\s+[\d.]+ms\s+[\d.]+x", out, re.M), out
    assert "1 measurements" in out


def test_benchmark_modules_import():
    """Both benchmark scripts import without starting anything (the classroom one needs a
    browser and minutes, so only its module is checked here)."""
    import importlib.util

    for name in ("bench_pages", "bench_classroom"):
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up there
        try:
            spec.loader.exec_module(module)
        finally:
            del sys.modules[name]
        assert callable(module.main)


def test_memory_module_is_safe_and_idempotent():
    """ui.memory caps glibc's arenas once per process and never raises (elsewhere: no-op)."""
    import platform

    from ui import memory

    first = memory.configure()
    assert memory.configure() == first  # once per process
    if sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc":
        assert first == {"arena_max": memory.ARENA_MAX, "reason": ""}
        before = memory.status()["trims"]
        assert memory.trim() in (True, False)
        assert memory.status()["trims"] == before + 1
    else:
        assert first["arena_max"] is None and memory.trim() is False
    memory.trim_after_sessions()  # outside a script run: quietly nothing


def test_classroom_cpu_accounting_groups_processes():
    """The classroom benchmark's CPU split: a child started in this process group counts as
    the server, this process as the benchmark; new processes count from zero."""
    import importlib.util
    import os
    import time

    spec = importlib.util.spec_from_file_location("bench_classroom",
                                                  ROOT / "bench" / "bench_classroom.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_classroom"] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["bench_classroom"]
    child = subprocess.Popen([sys.executable, "-c", "import time\nt = time.process_time()\n"
                              "while time.process_time() - t < 0.3: pass\ntime.sleep(5)"],
                             start_new_session=True)
    try:
        before = module.cpu_by_group(child.pid)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            after = module.cpu_by_group(child.pid)
            if after["server"].get(child.pid, 0) >= 0.3:
                break
            time.sleep(0.1)
        assert after["server"][child.pid] >= 0.3
        assert os.getpid() in after["benchmark"]
        used = module.cpu_used({g: {} for g in before}, after)
        assert used["server"] >= 0.3
        assert module.cpu_used(after, after) == {g: 0 for g in after}
    finally:
        child.kill()
        child.wait()
