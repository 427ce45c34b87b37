"""Server time of every page's rerun and of its typical interactions, against a bare page.

Streamlit's AppTest runs each page script exactly as the server does (without a browser), so
the time of ``at.run()`` is the server's work for one rerun. Each figure is the median of
several reruns and is divided by the median rerun of a bare one-line page measured in the same
run, interleaved with the pages (so a busy machine slows both alike). Target: every ratio at
most 10x (issue 12). Pages run in Streamlit's navigation mode, as on a server that has had a
session (see :func:`_as_a_running_server`); a fresh server's very first deep link is slower.

    python3 bench/bench_pages.py                    # every page, 5 reruns each
    python3 bench/bench_pages.py --pages explorer neuron --reruns 9
    python3 bench/bench_pages.py --profile neuron   # cProfile top-20 for one page
    python3 bench/bench_pages.py --json out.json    # the table as JSON as well

Pages come from ``ui.layout.PAGES`` (those whose script exists). For each page the bench
measures, with every checkpoint answered (:func:`_open`), a plain rerun and these interactions
when the page has them: ``slider`` (a slider
moved to a new value each time), ``preset`` (the preset buttons in turn), ``table`` (a data
editor edit), ``language`` (English <-> Chinese) and, on the neuron page, ``frame`` (one tick
of Play). Widgets are found by key where a key is known (``PLANS``), otherwise by kind; an
interaction whose widget is missing is reported as such. When the widget lives in an
``st.fragment``, the interaction reruns only that fragment, as the browser would.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
# A preset that asks for MNIST must never reach the internet from a benchmark.
os.environ.setdefault("BITS_TO_LOSSES_MNIST_MIRRORS", "http://127.0.0.1:9/")

TARGET = 10.0
TIMEOUT = 120
BARE_PAGE = 'import streamlit as st\n\nst.write("bare")\n'

#: Preferred widgets per page key (the first one present is used). Names are settings of the
#: page's ``ui.state.PageState`` (widget key ``<page>.<name>``; a table setting's data editor is
#: keyed ``_editor.<page>.<name>.*``) or plain widget keys.
#: ``preset`` entries are key prefixes of preset buttons, or ``label:<string key>`` for a button
#: found by its label. ``table`` is (setting or editor key, column, rule): "shift" moves an
#: amount from row 1 to row 0 (sums stay the same), "set" gives the last row's cell a new value
#: in (0, 1). Anything not listed, or no longer there, falls back to the first slider (else
#: number input) of the page, buttons whose key holds "preset", the first data editor.
PLANS: dict[str, dict] = {
    "information": {"slider": ["p", "coin", "in_p"], "table": [("table", "weight", "shift"),
                                                               ("in_editor", "weight", "shift")]},
    "explorer": {"slider": ["t", "pq_t"], "preset": ["_preset.explorer.", "preset_"],
                 "table": [("table", "P", "shift"), ("pq_editor", "P", "shift")]},
    "codes": {"slider": ["length"], "preset": ["_preset.codes."]},
    "loss": {"slider": ["a", "theta", "ls_a"],
             "preset": ["_preset.loss.", "_loss.reset_logits", "label:ls.sm.reset"],
             "table": [("table", "a", "set"), ("ls_editor", "a", "set")]},
    "neuron": {"slider": ["epoch", "nr_epoch"], "preset": ["_preset.neuron.", "nr_preset_"],
               "frame": ["_neuron.play_button", "nr_play_button"]},
    # Only the preset on the bundled digits: the other one downloads MNIST.
    "network": {"slider": ["hidden", "nw_hidden"],
                "preset": ["_preset.network.quick", "label:nw.preset.quick"],
                "setup": "label:nw.train"},
    "compression": {"slider": ["order"]},
    "continuous": {"slider": ["m1"], "preset": ["_preset.continuous."]},
    "calibration": {"slider": ["p"]},
}
SPREAD = (0.37, 0.71, 0.13, 0.59, 0.89, 0.27, 0.47, 0.79, 0.07, 0.53, 0.97, 0.21, 0.67)


class Missing(Exception):
    """The page has no widget for this interaction."""


# ---- AppTest, made to rerun like the server ---------------------------------------------------
# AppTest always reruns the whole script. The browser reruns only the fragment that holds the
# widget, so record which fragment each widget belongs to and rerun just that one.
_FRAGMENT_OF: dict[str, str] = {}
_FORCE_FRAGMENT: list[str] = []


def _install_fragment_hooks() -> None:
    from streamlit.testing.v1 import local_script_runner as lsr

    if getattr(lsr, "_bench_hooked", False):
        return
    parse = lsr.parse_tree_from_messages
    rerun_data = lsr.RerunData

    def parse_and_record(messages):
        for msg in messages:
            if msg.HasField("delta") and msg.delta.fragment_id and \
                    msg.delta.WhichOneof("type") == "new_element":
                elt = msg.delta.new_element
                proto = getattr(elt, elt.WhichOneof("type") or "", None)
                widget_id = getattr(proto, "id", "") if proto is not None else ""
                if widget_id:
                    _FRAGMENT_OF[widget_id] = msg.delta.fragment_id
        return parse(messages)

    def scoped_rerun_data(*args, **kwargs):
        if _FORCE_FRAGMENT:
            kwargs.update(fragment_id_queue=list(_FORCE_FRAGMENT), is_fragment_scoped_rerun=True)
        return rerun_data(*args, **kwargs)

    lsr.parse_tree_from_messages = parse_and_record
    lsr.RerunData = scoped_rerun_data
    lsr._bench_hooked = True

    # The server compiles each page once (its ScriptCache lives as long as the runtime); AppTest
    # makes a new cache, and so recompiles the page, on every run. Share one, as the server does.
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test

    shared = ScriptCache()
    lsr.ScriptCache = app_test.ScriptCache = lambda: shared


# ---- Profiling (the script runs in its own thread: profile inside that thread) ----------------
_PROFILER: list[cProfile.Profile] = []
_MEASURING = [False]  # True only while a measured (not warm-up, not bare) rerun runs
_SCRIPT_SECONDS = [0.0]  # time spent running the script itself in the last at.run()


def _install_profile_hook() -> None:
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    if getattr(ScriptRunner, "_bench_hooked", False):
        return
    original = ScriptRunner._run_script

    def profiled(self, rerun_data):
        start = time.perf_counter()
        profiling = bool(_PROFILER and _MEASURING[0])
        if profiling:
            _PROFILER[0].enable()
        try:
            return original(self, rerun_data)
        finally:
            if profiling:
                _PROFILER[0].disable()
            _SCRIPT_SECONDS[0] += time.perf_counter() - start

    ScriptRunner._run_script = profiled
    ScriptRunner._bench_hooked = True


# ---- Measuring --------------------------------------------------------------------------------
@dataclass
class Row:
    page: str
    interaction: str
    widget: str = ""
    times: list[float] = field(default_factory=list)     # at.run(), seconds
    script: list[float] = field(default_factory=list)    # the script thread's run alone
    note: str = ""          # why there is no number, or what went wrong
    fragment: bool = False  # measured as a fragment rerun
    errors: int = 0

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None


def _timed_run(at, fragment_id: str | None = None, measured: bool = True) -> float:
    saved_tree = at._tree
    if fragment_id:
        _FORCE_FRAGMENT[:] = [fragment_id]
    _MEASURING[0] = measured
    _SCRIPT_SECONDS[0] = 0.0
    start = time.perf_counter()
    try:
        at.run()
    finally:
        elapsed = time.perf_counter() - start
        _MEASURING[0] = False
        _FORCE_FRAGMENT.clear()
    if fragment_id:
        # The browser keeps everything outside the fragment; AppTest's tree now holds only the
        # fragment's elements: put them into the full tree, as the browser does.
        exception = at.exception
        _merge_tree(saved_tree, at._tree, saved_tree)
        at._tree = saved_tree
        if exception:
            raise RuntimeError(_exception_text(exception))
    return elapsed


def _merge_tree(dst, src, root) -> None:
    """Copy the nodes of ``src`` (a partial tree) into ``dst`` at the same delta paths."""
    from streamlit.testing.v1.element_tree import Block

    for index, child in src.children.items():
        placeholder = getattr(child, "proto", None) is None and hasattr(child, "children")
        if placeholder:
            target = dst.children.get(index)
            if target is None:
                target = dst.children[index] = Block(proto=None, root=root)
            _merge_tree(target, child, root)
        else:
            dst.children[index] = child
            _reroot(child, root)


def _reroot(node, root) -> None:
    node.root = root
    for child in getattr(node, "children", {}).values():
        _reroot(child, root)


def _exception_text(exceptions) -> str:
    return "; ".join(str(getattr(e, "message", e)).splitlines()[0][:160] for e in exceptions)


def _measure(row: Row, at, prepare: Callable[[int], str | None], reruns: int,
             bare: Callable[[], None]) -> None:
    """``prepare(i)`` sets the widget for sample i (raising Missing when it is not there) and
    returns the fragment to rerun, or None for a full rerun. Sample 0 is a warm-up."""
    for i in range(reruns + 1):
        try:
            fragment = prepare(i)
        except Missing as e:
            row.note = f"missing: {e}"
            return
        except Exception as e:  # noqa: BLE001 - the page changed under the bench: report it
            row.note = f"cannot interact: {type(e).__name__}: {str(e).splitlines()[0][:120]}"
            return
        if i > 0:
            bare()
        try:
            elapsed = _timed_run(at, fragment, measured=i > 0)
        except Exception as e:  # noqa: BLE001 - reported, the bench goes on
            row.errors += 1
            row.note = f"error: {str(e).splitlines()[0][:160]}"
            continue
        if at.exception:
            row.errors += 1
            row.note = f"exception on page: {_exception_text(at.exception)}"
        row.fragment = row.fragment or bool(fragment)
        if i > 0:
            row.times.append(elapsed)
            row.script.append(_SCRIPT_SECONDS[0])


def _open(info, timeout: int = TIMEOUT):
    """The page as a student has it after making its predictions: every checkpoint answered
    (the progress ``done`` a link carries), so every result a prediction holds back is drawn
    and its widgets (the explorer's blend slider, say) are there to be moved."""
    from streamlit.testing.v1 import AppTest

    from lib import lesson

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    at.session_state["done"] = lesson.encode_progress(
        {(c.page, c.id): "r" for c in lesson.CHECKPOINTS})
    at.run()
    if info.key != "home" and not at.exception:
        at.switch_page(info.path).run()
    if at.exception:
        raise RuntimeError(_exception_text(at.exception))
    return at


def _labels(string_key: str) -> set[str]:
    """Every translation of a string (the page may be in either language)."""
    try:
        from ui.strings import STRINGS

        return set(STRINGS.get(string_key, ()))
    except Exception:  # noqa: BLE001 - no strings, no match
        return set()


def _find_button(at, spec: str) -> list:
    """Buttons by key prefix, or by ``label:<string key>`` in either language."""
    buttons = list(at.button)
    if spec.startswith("label:"):
        labels = _labels(spec[len("label:"):])
        return [b for b in buttons if b.label in labels]
    return [b for b in buttons if b.key and b.key.startswith(spec)]


def _matches(key: str | None, page: str, name: str) -> bool:
    """Does widget ``key`` show setting ``name`` of ``page`` (or is it literally ``name``)?"""
    if not key:
        return False
    return key in (name, f"{page}.{name}") or key.startswith(f"_editor.{page}.{name}.")


def _in_sidebar(at, widget) -> bool:
    return any(getattr(w, "id", None) == widget.id for w in _walk(at.sidebar))


def _walk(node):
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield child
            yield from _walk(child)


def _slider(at, page: str, plan: dict):
    """The plan's slider (or number input), else the page's first slider, else its first
    number input."""
    sliders = [s for s in at.slider if s.key and not isinstance(s.value, (list, tuple))]
    numbers = [n for n in at.number_input if n.key]
    for name in plan.get("slider", []):
        for widget in sliders + numbers:
            if _matches(widget.key, page, name):
                return widget
    for group in (sliders, numbers):
        main = [w for w in group if not _in_sidebar(at, w)]
        if main:
            return main[0]
    raise Missing("no slider or number input")


def _slider_value(s, i: int):
    lo, hi = s.min, s.max
    if lo is None or hi is None:  # a number input without bounds
        base = s.value or 1
        lo, hi = base * 0.5, base * 1.5
    step = s.step or (1 if isinstance(lo, int) else 0.01)
    v = lo + (hi - lo) * SPREAD[i % len(SPREAD)]
    v = lo + round((v - lo) / step) * step
    v = min(max(v, lo), hi)
    if isinstance(s.value, int) and not isinstance(s.value, bool):
        return int(round(v))
    return float(round(v, 10))


def _editors(at) -> list:
    found = []
    for d in at.dataframe:
        if d.proto.editing_mode and d.proto.id:
            found.append((d.proto.id.split("-", 2)[-1], d))
    return found


def _table_plan(at, page: str, plan: dict):
    editors = dict(_editors(at))
    for name, column, rule in plan.get("table", []):
        for key, d in editors.items():
            if _matches(key, page, name):
                return key, d, column, rule
    if not editors:
        raise Missing("no data editor")
    key, d = next(iter(editors.items()))
    return key, d, None, "shift"


def _number(cell) -> float | None:
    """A cell as a number: numbers, or text as a student types it (0.5, 1/8, 12.5%)."""
    from fractions import Fraction

    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return float(cell)
    text = str(cell).strip().replace("−", "-")
    try:
        if text.endswith("%"):
            return float(text[:-1]) / 100
        return float(Fraction(text))
    except (ValueError, ZeroDivisionError):
        return None


def _table_edit(key, d, column, rule, i: int) -> dict:
    from pandas.api.types import is_integer_dtype, is_numeric_dtype

    frame = d.value
    if column not in frame.columns:
        numeric = [c for c in frame.columns if c != "label"
                   and all(_number(v) is not None for v in frame[c])]
        if not numeric:
            raise Missing(f"no numeric column in {key}")
        column = numeric[0]
    text = not is_numeric_dtype(frame[column].dtype)  # text cells: write text
    values = [_number(v) for v in frame[column]]
    if any(v is None for v in values[:2]):
        raise Missing(f"column {column} of {key} is not numeric")
    frac = 0.1 + 0.4 * SPREAD[i % len(SPREAD)]
    if rule == "set" or len(values) < 2:
        row = len(values) - 1
        value = round(0.05 + 0.9 * SPREAD[i % len(SPREAD)], 4)
        return {"edited_rows": {row: {column: f"{value:g}" if text else value}},
                "added_rows": [], "deleted_rows": []}
    amount = values[1] * frac
    if not text and is_integer_dtype(frame[column].dtype):
        amount = max(1, int(round(amount)))
        new0, new1 = int(values[0] + amount), int(values[1] - amount)
    else:
        new0, new1 = round(values[0] + amount, 6), round(values[1] - amount, 6)
        if text:
            new0, new1 = f"{new0:g}", f"{new1:g}"
    return {"edited_rows": {0: {column: new0}, 1: {column: new1}}, "added_rows": [],
            "deleted_rows": []}


def _language_widget(at):
    from ui.i18n import LANGUAGES

    lang = at.session_state["lang"] if "lang" in at.session_state else None
    for widget in at.get("button_group"):
        if widget.key == "lang":
            return widget, [code for code in LANGUAGES if code != lang][0]
    raise Missing("no language control")


def bench_page(info, reruns: int, bare: Callable[[], None], only: set[str] | None = None
               ) -> list[Row]:
    """Measure one page: its rerun and each interaction it has."""
    name = info.key
    plan = PLANS.get(name, {})
    rows: list[Row] = []
    try:
        at = _open(info)
    except Exception as e:  # noqa: BLE001
        return [Row(name, "rerun", note=f"error opening page: {str(e).splitlines()[0][:160]}")]

    def want(interaction: str) -> bool:
        return only is None or interaction in only

    setup = plan.get("setup")
    if setup:
        try:
            buttons = _find_button(at, setup)
            if not buttons:
                raise Missing(setup)
            if not buttons[0].disabled:  # (the network page's first visit trains by itself)
                buttons[0].click().run()
            if name == "network":  # training runs in the server's background now
                from ui import network
                network.trainings().wait_idle(120)
                at.run()
                # Its results wait for the two predictions: measure the page with them shown.
                skip = _find_button(at, "label:nw.skip")
                if skip:
                    skip[0].click().run()
        except Exception as e:  # noqa: BLE001
            rows.append(Row(name, "setup", setup, note=f"setup failed: {e}"))

    if want("rerun"):
        row = Row(name, "rerun")
        _measure(row, at, lambda i: None, reruns, bare)
        rows.append(row)

    if want("slider"):
        row = Row(name, "slider")

        def move(i):
            s = _slider(at, name, plan)
            row.widget = s.key or s.label
            s.set_value(_slider_value(s, i))
            return _FRAGMENT_OF.get(s.id)
        _measure(row, at, move, reruns, bare)
        rows.append(row)

    if want("preset"):
        row = Row(name, "preset")

        def click(i):
            buttons = []
            for spec in plan.get("preset", []) or ["preset"]:
                buttons = _find_button(at, spec) if spec != "preset" else [
                    b for b in at.button if b.key and "preset" in b.key]
                if buttons:
                    break
            if not buttons:
                raise Missing("no preset button")
            b = buttons[i % len(buttons)]
            row.widget = b.key or b.label
            b.click()
            return _FRAGMENT_OF.get(b.id)
        _measure(row, at, click, reruns, bare)
        rows.append(row)

    if want("table"):
        row = Row(name, "table")

        def edit(i):
            key, d, column, rule = _table_plan(at, name, plan)
            row.widget = key
            at.session_state[key] = _table_edit(key, d, column, rule, i)
            return _FRAGMENT_OF.get(d.proto.id)  # an editor in a fragment reruns only it
        _measure(row, at, edit, reruns, bare)
        rows.append(row)

    if want("language"):
        row = Row(name, "language")

        def switch(i):
            widget, other = _language_widget(at)
            row.widget = widget.key
            widget.set_value(other)
            return None
        _measure(row, at, switch, reruns, bare)
        rows.append(row)

    if want("frame") and plan.get("frame"):
        rows.append(_bench_frames(at, name, plan["frame"], reruns, bare))
    return rows


def _bench_frames(at, name: str, keys: list[str], reruns: int, bare) -> Row:
    """One tick of Play: the section that redraws each frame (the fragment holding the
    scrubber), rerun while playing."""
    row = Row(name, "frame")
    buttons = [b for b in at.button if b.key in keys]
    if not buttons:
        row.note = f"missing: {' or '.join(keys)} (Play may run in the browser now)"
        return row
    row.widget = buttons[0].key
    try:
        buttons[0].click().run()  # Play: a full rerun starts the timer
    except Exception as e:  # noqa: BLE001
        row.note = f"error: {e}"
        return row
    fragment = next((_FRAGMENT_OF[s.id] for s in at.slider if s.id in _FRAGMENT_OF), None)
    if not fragment:
        row.note = "missing: no section with a slider redraws while playing"
        return row
    _measure(row, at, lambda i: fragment, reruns, bare)
    return row


# ---- The run ----------------------------------------------------------------------------------
def _bare_runner(path: Path, samples: list[float], script: list[float] | None = None
                 ) -> Callable[[], None]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(path), default_timeout=TIMEOUT).run()
    at.run()

    def one() -> None:
        _SCRIPT_SECONDS[0] = 0.0
        start = time.perf_counter()
        at.run()
        samples.append(time.perf_counter() - start)
        if script is not None:
            script.append(_SCRIPT_SECONDS[0])
    return one


def discover_pages(names: list[str] | None = None) -> list:
    from ui.layout import PAGES

    pages = [p for p in PAGES if (ROOT / p.path).exists()]
    if names:
        unknown = set(names) - {p.key for p in pages}
        if unknown:
            raise SystemExit(f"unknown page(s): {', '.join(sorted(unknown))}; "
                             f"known: {', '.join(p.key for p in pages)}")
        pages = [p for p in pages if p.key in names]
    return pages


def run(pages: list[str] | None = None, reruns: int = 5, only: set[str] | None = None,
        out=sys.stdout) -> dict:
    """Measure and print the table; return it as a dict (the JSON of --json)."""
    _quiet()
    _as_a_running_server()
    _install_fragment_hooks()
    _install_profile_hook()
    bare_samples: list[float] = []
    bare_script: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        bare_path = Path(tmp) / "bare.py"
        bare_path.write_text(BARE_PAGE)
        bare = _bare_runner(bare_path, bare_samples, bare_script)
        for _ in range(3):
            bare()
        rows: list[Row] = []
        start = time.perf_counter()
        for info in discover_pages(pages):
            rows += bench_page(info, reruns, bare, only)
        for _ in range(3):
            bare()
        total = time.perf_counter() - start
    bare_median = statistics.median(bare_samples)
    bare_script_median = statistics.median(bare_script)
    bare_best = min(bare_samples)
    report = {"bare_ms": bare_median * 1e3, "bare_script_ms": bare_script_median * 1e3,
              "bare_samples": len(bare_samples), "reruns": reruns, "target": TARGET,
              "seconds": total, "rows": []}
    print(f"bare one-line page: median {bare_median * 1e3:.1f} ms over {len(bare_samples)} "
          f"reruns (interleaved with the pages), its script alone {bare_script_median * 1e3:.1f}"
          f" ms; target: each ratio <= {TARGET:g}x", file=out)
    print("ratio = median / bare median (the target's measure); best = fastest / bare fastest "
          "(less sensitive to a busy machine); script = median time of the script's own run, "
          "without AppTest's parsing", file=out)
    print(f"{'page':<12} {'interaction':<11} {'widget':<22} {'median':>9} {'ratio':>7} "
          f"{'best':>7} {'script':>9}  note", file=out)
    over = 0
    for r in rows:
        med = r.median
        ratio = med / bare_median if med is not None else None
        script = statistics.median(r.script) if r.script else None
        best = min(r.times) / bare_best if r.times else None
        flag = ""
        if ratio is not None and ratio > TARGET:
            flag, over = " > target", over + 1
        note = (" fragment" if r.fragment else "") + flag + (f" {r.note}" if r.note else "")
        if r.errors:
            note += f" ({r.errors} errors)"
        med_text = f"{med * 1e3:7.1f}ms" if med is not None else "      —  "

        def x(v):
            return f"{v:6.1f}x" if v is not None else "     — "
        script_text = f"{script * 1e3:7.1f}ms" if script is not None else "      —  "
        print(f"{r.page:<12} {r.interaction:<11} {r.widget[:22]:<22} {med_text:>9} "
              f"{x(ratio):>7} {x(best):>7} {script_text:>9} {note}", file=out)
        report["rows"].append({"page": r.page, "interaction": r.interaction, "widget": r.widget,
                               "median_ms": None if med is None else med * 1e3,
                               "ratio": ratio, "best_ratio": best,
                               "script_median_ms": None if script is None else script * 1e3,
                               "fragment": r.fragment, "errors": r.errors, "note": r.note,
                               "samples_ms": [v * 1e3 for v in r.times],
                               "script_ms": [v * 1e3 for v in r.script]})
    measured = sum(r.median is not None for r in rows)
    print(f"{measured} measurements, {over} above {TARGET:g}x; {total:.0f} s", file=out)
    return report


def _as_a_running_server() -> None:
    """Run every page as a server does once its first session has run ``st.navigation``.

    AppTest resets Streamlit's pages-folder flag before every run (``PagesManager.
    uses_pages_directory = None``), so each run would first go through the old pages-folder
    mode that a real server leaves after its first session (``pages/__init__.py`` says why the
    app has a ``pages/`` folder): Streamlit's legacy page list, then ``pages/<name>.py`` running
    ``app.py`` again, about 2-3 ms a run here that no running server spends. A measurement-only
    patch: the app never touches this flag."""
    from streamlit.runtime import pages_manager

    init = pages_manager.PagesManager.__init__

    def navigation_mode(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        init(self, *args, **kwargs)
        pages_manager.PagesManager.uses_pages_directory = False

    pages_manager.PagesManager.__init__ = navigation_mode


def _quiet() -> None:
    """Streamlit's own log lines (page errors are in the table already)."""
    import logging

    from streamlit import logger

    logger.set_log_level("critical")

    # AppTest re-applies the configured level on every run: filter instead of setting levels.
    class _Drop(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            return record.levelno >= logging.CRITICAL

    for name in ("streamlit", "streamlit.runtime.scriptrunner_utils.script_run_context",
                 "streamlit.runtime.scriptrunner.exec_code"):
        logger.get_logger(name).addFilter(_Drop())


def profile(page: str, reruns: int, only: set[str] | None, top: int = 20, sort: str =
            "cumulative") -> None:
    """cProfile of the page's measured reruns (script thread only), top entries."""
    profiler = cProfile.Profile()
    _quiet()
    _as_a_running_server()
    _install_fragment_hooks()
    _install_profile_hook()
    info = discover_pages([page])[0]
    with tempfile.TemporaryDirectory() as tmp:
        bare_path = Path(tmp) / "bare.py"
        bare_path.write_text(BARE_PAGE)
        samples: list[float] = []
        bare = _bare_runner(bare_path, samples)
        _PROFILER[:] = [profiler]
        try:
            rows = bench_page(info, reruns, bare, only)
        finally:
            _PROFILER.clear()
    total = sum(sum(r.times) for r in rows)
    print(f"{page}: {len(rows)} interactions profiled "
          f"({', '.join(r.interaction for r in rows)}), {total:.2f} s measured")
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.strip_dirs().sort_stats(sort).print_stats(top)
    print(stream.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", nargs="+", metavar="PAGE", help="page keys (default: all)")
    parser.add_argument("--reruns", type=int, default=5, help="measured reruns per figure")
    parser.add_argument("--only", nargs="+", metavar="INTERACTION",
                        help="rerun slider preset table language frame (default: all)")
    parser.add_argument("--profile", metavar="PAGE", help="print a cProfile top-20 for PAGE")
    parser.add_argument("--sort", default="cumulative", help="pstats sort key for --profile")
    parser.add_argument("--json", metavar="PATH", help="also write the table as JSON")
    args = parser.parse_args(argv)
    only = set(args.only) if args.only else None
    if args.profile:
        profile(args.profile, args.reruns, only, sort=args.sort)
        return 0
    report = run(args.pages, args.reruns, only)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except SystemExit:
        raise
    except Exception:  # noqa: BLE001 - a crash still says where
        traceback.print_exc()
        sys.exit(1)
