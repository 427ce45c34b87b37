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
    """The server benchmarks import without starting anything (the classroom one needs
    browsers and minutes, so only its module is checked here)."""
    import importlib.util

    for name in ("bench_pages", "bench_classroom", "bench_server_load", "bench_first_load",
                 "bench_play"):
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up there
        try:
            spec.loader.exec_module(module)
        finally:
            del sys.modules[name]
        assert callable(module.main)


def test_serve_timed_logs_page_runs_and_section_runs_alone(tmp_path):
    """The benchmarks' server wrapper: a whole-page run is one "page" line; a section drawn by
    it is not logged again, a section run on its own is a "section" line."""
    from types import SimpleNamespace

    module = _load_bench("serve_timed")
    log = tmp_path / "runs.tsv"
    sections = []
    fragment = module.timed_fragment(lambda f, **options: sections.append(options) or f,
                                     str(log))

    @fragment(run_every=0.5)
    def section():
        return "drawn"

    run = module.timed_run(lambda current: section(), str(log))
    run(SimpleNamespace(url_path="explorer"))
    run(SimpleNamespace(url_path=""))
    assert section() == "drawn"
    lines = [line.split("\t") for line in log.read_text().splitlines()]
    assert [(where, kind) for _, where, kind, _ in lines] == [
        ("explorer", "page"), ("home", "page"), ("", "section")]
    assert all(float(seconds) >= 0 for *_, seconds in lines)
    assert sections == [{"run_every": 0.5}]  # Streamlit's options passed on


def test_memory_module_is_safe_and_idempotent():
    """deploy.memory caps glibc's arenas once per process and never raises (elsewhere: no-op)."""
    import platform

    from deploy import memory

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


def _load_bench(name: str):
    """A benchmark module by file (``bench/`` is not a package); its own imports resolve."""
    import importlib.util

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "bench"))


def _client(module):
    return module.Client("http://127.0.0.1:1", {"home": "h"}, module.Stats(), 0, 5, 0)


def test_server_load_slider_steps_as_the_keyboard_does():
    """One step right from the value the page shows, or left at the end of the range; the
    value the server set (``set_value``) wins over the default."""
    from streamlit.proto.Slider_pb2 import Slider
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    module = _load_bench("bench_server_load")
    client = _client(module)
    proto = Slider(id="s", min=0.0, max=1.0, step=0.25)
    proto.default.extend([0.5])
    sent = []
    for _ in range(4):
        widget = WidgetState(id="s")
        client._slide(proto, widget)
        sent.append(list(widget.double_array_value.data))
        del proto.default[:]  # the server draws the slider again with the new value
        proto.default.extend(sent[-1])
    assert sent == [[0.75], [1.0], [0.75], [1.0]]
    proto.value.extend([0.25])
    proto.set_value = True
    widget = WidgetState(id="s")
    client._slide(proto, widget)
    assert list(widget.double_array_value.data) == [0.5]
    # A select slider sends its option's text.
    options = Slider(id="o", type=Slider.SELECT_SLIDER)
    options.options.extend(["a", "b", "c"])
    options.default.extend([2])
    widget = WidgetState(id="o")
    client._slide(options, widget)
    assert list(widget.string_array_value.data) == ["b"]


def test_server_load_cell_edit_is_the_data_editors_json():
    """A table edit: every edit so far keyed by row and column name (the index is not a
    column), a number for a numeric column and never the value typed last time."""
    import json

    import pandas as pd
    import pyarrow as pa
    from streamlit.proto.Dataframe_pb2 import Dataframe

    module = _load_bench("bench_server_load")
    client = _client(module)
    frame = pd.DataFrame({"label": ["a", "b"], "p": [0.5, 0.5]}, index=["x", "y"])
    sink = pa.BufferOutputStream()
    table = pa.Table.from_pandas(frame)
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    proto = Dataframe(id="d", editing_mode=Dataframe.FIXED)
    proto.arrow_data.data = sink.getvalue().to_pybytes()
    first = json.loads(client._cell_edit(proto, 1, 1, "0.{i}"))
    value = first["edited_rows"]["1"]["p"]
    assert isinstance(value, float) and 0.2 <= value <= 0.8
    second = json.loads(client._cell_edit(proto, 0, 0, "event{i}"))
    assert second["edited_rows"]["1"]["p"] == value  # the earlier edit is still sent
    assert second["edited_rows"]["0"]["label"].startswith("event")
    assert second["added_rows"] == [] and second["deleted_rows"] == []
    for _ in range(10):
        again = json.loads(client._cell_edit(proto, 1, 1, "0.{i}"))["edited_rows"]["1"]["p"]
        assert again != value
        value = again
    assert client._cell_edit(proto, 0, 5, "x") is None  # no such column


def test_bench_server_load_smoke():
    """Two protocol-level sessions going round every page for a few seconds: every kind of
    action found and answered, no exception, no stuck session, no failed request (catches a
    Streamlit upgrade that changes what the client must send)."""
    sys.path.insert(0, str(ROOT))
    from ui.layout import PAGES

    module = _load_bench("bench_server_load")
    visit = sum(1 + len(module.VISIT.get(p.key, module._generic_visit())) + 1
                for p in PAGES if p.key != "home")  # open, the page's actions, the language
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "bench_server_load.py"),
                          "-n", "2", "--ramp", "0", "--think", "0", "--duration", "12",
                          "--pause", "0", "--server-cpus", ""],
                         capture_output=True, text=True, timeout=300, check=True).stdout
    row = re.search(r"^\s+2\s+(\d+)\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+.*?"
                    r"(\d+) exceptions, (\d+) stuck(.*)$", out, re.M)
    assert row, out
    assert int(row[1]) >= 2 * visit, out  # at least one whole visit each
    assert (row[2], row[3], row[4]) == ("0", "0", ""), out
    assert "warm-up:" not in out, out
    kinds = re.search(r"p50/p95 by action, s: (.*)$", out, re.M)[1]
    for kind in ("button", "language", "number", "open page", "slider", "table edit"):
        assert f"{kind} " in kinds, out
    requests = re.search(r"a browser's requests, replayed by every session: (\d+) for the "
                         r"first load, (\d+) in a whole visit", out)
    assert requests and 10 < int(requests[1]) < int(requests[2]), out
