"""A classroom on one machine: N real browser sessions working through every page at once.

Starts ``streamlit run app.py`` on a free loopback port, then drives Debian's chromium with
Playwright (several browser contexts per browser process: each context is one student with
their own Streamlit session):

1. warm-up: one session visits every page (imports, caches); not timed;
2. classroom: N sessions arrive over a few seconds and each opens every page from the sidebar
   menu and uses it (a slider, a preset, a table edit, a language switch), with a short think
   time between actions. Latency = from the action to the end of the rerun that took it in (the
   app's ``data-test-script-state`` back to ``notRunning``; a rerun already under way counts, as
   Streamlit restarts it with the new value), page loads included. Every action changes
   something (a slider at the end of its range steps back, a cell gets a new value), so each
   should end in a rerun; one that shows none within 15 s is listed;
3. the sessions close;
4. churn: sessions come and go in waves (each visits every page) until ``--churn`` sessions
   have come and gone; the server's memory after each wave shows whether it plateaus.

It prints p50/p95 per interaction, errors (exceptions shown on a page, console errors,
requests that tried to leave the machine), stuck sessions, server memory per session and after
the sessions close, and the churn curve. Targets (issue 12): p95 < 1.5 s, no errors, no stuck
session, at most 5 MiB per extra session, and after 200 sessions the memory within 50 MiB of
where it was after the first 20.

    python3 bench/bench_classroom.py                      # 30 sessions, churn of 200
    python3 bench/bench_classroom.py -n 5 --churn 40 --wave 10 --time-limit 600
    python3 bench/bench_classroom.py --env MALLOC_ARENA_MAX=2     # server environment

Everything it starts (server, browsers) is stopped at the end, also on errors, Ctrl-C and
``kill`` (SIGTERM). The
whole run stops at ``--time-limit`` seconds and reports what it measured so far.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Starts ``streamlit run`` with the server's time of each script run logged (its docstring).
SERVE_TIMED = Path(__file__).resolve().parent / "serve_timed.py"

CHROMIUM = "/usr/bin/chromium"
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# As in tests/browser/conftest.py; every host but loopback resolves to nothing, so a request
# that would leave the machine fails at once and is counted.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
MIB = 1024 * 1024


def answered_query() -> str:
    """The query string of a first visit whose student has made every prediction (``done``
    with every checkpoint answered): the pages draw every result a prediction holds back, and
    the controls in those results (the explorer's blend slider) are there to be moved."""
    sys.path.insert(0, str(ROOT))
    try:
        from lib import lesson
    finally:
        sys.path.remove(str(ROOT))
    return "done=" + lesson.encode_progress({(c.page, c.id): "r" for c in lesson.CHECKPOINTS})


#: What a student does on each page (page key -> actions). Each action names candidate widgets,
#: the first one present is used: a setting of the page's ``ui.state.PageState`` ("p": the
#: widget keyed ``<page>.p``; a table setting: its data editor, keyed ``_editor.<page>.p.*``),
#: "preset:<name>" (a preset button; "preset:" any), "label:<string key>" (a button by its
#: label, in either language) or "=<key>" (a plain widget key). Kinds: "slider" (one keyboard step), "number" (the + button of a number input),
#: "button", "cell" (type into a data-editor cell: row, column counted from the label column,
#: text). Pages not listed get their first slider and a preset.
VISIT = {
    "information": [("slider", ["p", "=in_p"]), ("cell", ["table", "=in_editor"], 0, 1, "{i}"),
                    ("slider", ["coin", "=in_coin"])],
    "explorer": [("button", ["preset:die", "=preset_die"]), ("slider", ["t", "=pq_t"]),
                 ("cell", ["table", "=pq_editor"], 0, 0, "event{i}"),
                 ("button", ["preset:animals", "=preset_animals"])],
    "codes": [("button", ["preset:"]), ("number", ["length"])],
    "loss": [("slider", ["a", "=ls_a"]),
             ("button", ["=_loss.reset_logits", "label:ls.sm.reset"]),
             ("cell", ["table", "=ls_editor"], 0, 1, "0.{i}"),
             ("slider", ["theta", "=ls_theta"])],
    "neuron": [("button", ["preset:", "=nr_preset_"]), ("slider", ["epoch", "=nr_epoch"])],
    "network": [("button", ["preset:quick", "label:nw.preset.quick"]),
                ("slider", ["hidden", "=nw_hidden"])],
    "compression": [("slider", [""])],
    "continuous": [("button", ["preset:"]), ("slider", [""])],
    "calibration": [("slider", [""])],
    "glossary": [],  # reading only (and the language switch every page gets)
}
#: Done once by the warm-up session (not timed), so the class sees results (shared runs).
WARM_UP = {"network": [("button", ["label:nw.train"]), ("button", ["label:nw.skip"])]}


def _css_key(key: str) -> str:
    """Streamlit's class for a keyed element: st-key-<key, other characters as "-">."""
    return "st-key-" + "".join(c if c.isalnum() or c in "_-" else "-" for c in key.strip())


@functools.cache
def app_errors() -> tuple[str, ...]:
    """The message the app's frame shows in place of a part of a page that raised (the
    traceback goes to the server log), in every language: counted as an exception."""
    try:
        from ui.strings import STRINGS
    except ImportError:
        return ()
    return tuple(STRINGS.get("app.error", ()))


def page_slug(info) -> str:
    """The page's address path: "" for the home page (the app's root), else its key."""
    return "" if info.key == "home" else info.key


def setting_keys(page_key: str, name: str) -> tuple[str, str]:
    """The widget key of a page's setting, and the key prefix of the data editor showing a
    table setting (``ui.state.PageState.key`` and ``PageState.table``)."""
    return f"{page_key}.{name}", f"_editor.{page_key}.{name}."


# ---- The server -------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``streamlit run app.py`` in its own process group, killed as a group at the end."""

    def __init__(self, app_dir: Path, env: dict[str, str], log_path: Path,
                 cpus: set[int] | None = None, run_log: Path | None = None):
        """``cpus``: the only cores the server may run on (every thread it starts inherits
        them), e.g. ``{0}`` to measure what one core carries; None: any core. ``run_log``:
        started through ``serve_timed.py``, which appends the server's time of every script
        run there (patched in from outside the app); None: plain ``streamlit run``."""
        self.app_dir, self.port = app_dir, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(log_path, "w")  # noqa: SIM115 - closed in stop()
        full_env = {**os.environ, "PYTHONUNBUFFERED": "1",
                    # A preset that asks for MNIST must never reach the internet here.
                    "BITS_TO_LOSSES_MNIST_MIRRORS": "http://127.0.0.1:9/", **env}
        if run_log is not None:
            full_env["BENCH_RUN_LOG"] = str(run_log)
            start = [sys.executable, str(SERVE_TIMED)]
        else:
            start = [sys.executable, "-m", "streamlit"]
        self.proc = subprocess.Popen(
            [*start, "run", "app.py", "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=app_dir, stdout=self.log, stderr=subprocess.STDOUT, env=full_env,
            start_new_session=True,
            preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None)

    def wait_healthy(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.read() == b"ok":
                        return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError("server did not answer /_stcore/health")

    def rss(self) -> float:
        """Resident memory of the server process, MiB."""
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return float("nan")

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(5)
        self.log.close()


@contextlib.contextmanager
def served_browser():
    """A server of the app on a free port and Debian's chromium through Playwright, both
    stopped on the way out: yields (the server's address, the browser)."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        server = Server(ROOT, {}, Path(tmp) / "server.log")
        try:
            server.wait_healthy()
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                            args=CHROMIUM_ARGS)
                try:
                    yield server.url, browser
                finally:
                    browser.close()
        finally:
            server.stop()


def server_files(name: str, env_args: list[str]) -> tuple[dict[str, str], Path, Path]:
    """The server's environment (``--env NAME=VALUE`` items), its log file and its run log
    (one line per script run, written by ``serve_timed.py``) for a benchmark ``name``."""
    env = dict(kv.split("=", 1) for kv in env_args)
    log_path = Path(tempfile.gettempdir()) / f"{name}_{os.getpid()}.log"
    run_log = Path(tempfile.gettempdir()) / f"{name}_runs_{os.getpid()}.tsv"
    run_log.unlink(missing_ok=True)
    return env, log_path, run_log


def server_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every server benchmark has: --timeout, --env, --app-dir and --json."""
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds one action may take before its session counts as stuck")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="extra environment for the server (repeatable)")
    parser.add_argument("--app-dir", default=str(ROOT), help="checkout to serve")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")


def run_until_stopped(measure, what: str):
    """``measure()``'s report; None after Ctrl-C or ``kill`` (SIGTERM), which stop it as one
    (the ``finally`` blocks stop ``what`` it started)."""
    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        return measure()
    except KeyboardInterrupt:
        print(f"interrupted; {what} it started are stopped")
        return None


def report_done(report: dict, json_path: str | None) -> int:
    """The run's total time, and the report as JSON when ``--json`` asked for it; exit code 0."""
    print(f"total {report['seconds']:.0f} s")
    if json_path:
        Path(json_path).write_text(json.dumps(report, indent=1, default=str))
    return 0


def cpu_by_group(server_pid: int) -> dict[str, dict[int, float]]:
    """CPU seconds (user + system) used so far by every live process, by who it is: the
    ``server`` (its process group), the ``browsers`` (chromium), Playwright's ``driver`` (node)
    and this ``benchmark``. A process that exits takes its count with it, so take both
    readings while the processes of interest are alive."""
    tick = os.sysconf("SC_CLK_TCK")
    groups: dict[str, dict[int, float]] = {"server": {}, "browsers": {}, "driver": {},
                                          "benchmark": {}}
    me = os.getpid()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
        except OSError:
            continue
        comm = raw[raw.index("(") + 1:raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2:].split()
        pid, pgrp = int(entry.name), int(fields[2])
        used = (int(fields[11]) + int(fields[12])) / tick
        if pgrp == server_pid:
            groups["server"][pid] = used
        elif "chrom" in comm or "headless" in comm:
            groups["browsers"][pid] = used
        elif comm.startswith("node"):  # "node-MainThread"
            groups["driver"][pid] = used
        elif pid == me:
            groups["benchmark"][pid] = used
    return groups


def cpu_used(before: dict, after: dict) -> dict[str, float]:
    """CPU seconds each group used between two :func:`cpu_by_group` readings (a process
    started in between counts from zero)."""
    return {g: sum(t - before.get(g, {}).get(pid, 0.0) for pid, t in after[g].items())
            for g in after}


# ---- One student ------------------------------------------------------------------------------
# Records the app's run state and every change of it with its time, so a rerun that starts and
# ends between two polls is still seen.
OBSERVE = """() => {
  if (window.__benchObserved) return true;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return false;
  window.__benchRuns = [[performance.now(), app.getAttribute('data-test-script-state')]];
  // Watch the whole document, so a re-mounted app element is still seen.
  new MutationObserver(records => {
    for (const r of records) {
      if (r.target.getAttribute('data-testid') === 'stApp')
        window.__benchRuns.push([performance.now(),
                                 r.target.getAttribute('data-test-script-state')]);
    }
  }).observe(document.documentElement,
             {attributes: true, subtree: true, attributeFilter: ['data-test-script-state']});
  window.__benchObserved = true;
  return true;
}"""
# The end of the first run that took the action at t0 in: one that started after t0, or one
# already running at t0 (Streamlit restarts a running script with the new value, and the app
# stays "running" throughout); false until then.
FINISHED_AFTER = """(t0) => {
  const runs = window.__benchRuns || [];
  let started = false;
  for (const [t, s] of runs) if (t < t0) started = s === 'running';
  for (const [t, s] of runs) {
    if (t < t0) continue;
    if (s === 'running') started = true;
    else if (s === 'notRunning' && started) return t;
  }
  return false;
}"""
STARTED_AFTER = """(t0) => (window.__benchRuns || []).some(([t, s]) => t >= t0)"""


#: An action whose page shows no run at all within this many seconds is listed as having
#: started none (a run so quick that the page never showed it running, or a click that did
#: nothing), and the student moves on; one that started a run waits for its end up to --timeout.
NO_RUN_AFTER = 15.0


class Stuck(Exception):
    pass


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    exceptions: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    external: set[str] = field(default_factory=set)
    missing: set[str] = field(default_factory=set)
    no_rerun: dict[str, int] = field(default_factory=dict)
    stuck: list[str] = field(default_factory=list)
    sessions: int = 0

    def add(self, name: str, seconds: float) -> None:
        self.latencies.setdefault(name, []).append(seconds)


class Student:
    def __init__(self, context, url: str, pages: list, stats: Stats, think: float,
                 timeout: float, number: int, interact: bool = True, warm: bool = False):
        self.context, self.url, self.pages, self.stats = context, url, pages, stats
        self.think, self.timeout, self.number, self.interact = think, timeout, number, interact
        self.page = None
        self.lang = "en"
        self.warm = warm
        self.typed: dict[str, str] = {}  # cell text pattern -> the value typed last

    async def _pause(self) -> None:
        if self.think > 0:
            await asyncio.sleep(self.think * random.uniform(0.5, 1.5))

    def _on_console(self, msg) -> None:
        if msg.type != "error":
            return
        where = (msg.location or {}).get("url", "")
        if where and not where.startswith(self.url):
            self.stats.external.add(where.split("?")[0])
        elif "/_stcore/" in where and "404" in msg.text:
            pass  # Streamlit probing its base path on a deep link: harmless
        else:
            self.stats.console.append(f"{msg.text[:200]} @ {where}")

    def _on_request_failed(self, request) -> None:
        if not request.url.startswith(self.url):
            self.stats.external.add(request.url.split("?")[0])

    async def _observe(self) -> None:
        await self.page.wait_for_function(OBSERVE, timeout=self.timeout * 1000)

    async def _now(self) -> float:
        return await self.page.evaluate("() => performance.now()")

    async def _until_done(self, t0: float, name: str, quiet_after: float = 3.0) -> None:
        """Wait for the rerun an action started after t0; record its latency."""
        try:
            end = await self.page.wait_for_function(FINISHED_AFTER, arg=t0, polling=50,
                                                    timeout=quiet_after * 1000)
            self.stats.add(name, (await end.json_value() - t0) / 1000)
            return
        except Exception:  # noqa: BLE001 - no finished rerun yet: find out why below
            pass
        started = await self.page.evaluate(STARTED_AFTER, t0)
        if not started:
            self.stats.no_rerun[name] = self.stats.no_rerun.get(name, 0) + 1
            return
        try:
            end = await self.page.wait_for_function(FINISHED_AFTER, arg=t0, polling=100,
                                                    timeout=self.timeout * 1000)
        except Exception as e:  # noqa: BLE001
            raise Stuck(f"{name}: no end of rerun within {self.timeout:.0f} s") from e
        self.stats.add(name, (await end.json_value() - t0) / 1000)

    async def _check_exceptions(self, where: str) -> None:
        n = await self.page.locator('[data-testid="stException"]').count()
        if n:
            text = await self.page.locator('[data-testid="stException"]').first.inner_text()
            self.stats.exceptions.append(f"{where}: {text.splitlines()[0][:200]}")
        for text in app_errors():  # the frame caught one: its message, the traceback logged
            if await self.page.locator('[data-testid="stAlert"]', has_text=text[:60]).count():
                self.stats.exceptions.append(f"{where}: the app's error message (server log)")

    async def run(self) -> None:
        self.page = page = await self.context.new_page()
        page.on("console", self._on_console)
        page.on("requestfailed", self._on_request_failed)
        page.on("pageerror", lambda e: self.stats.console.append(f"pageerror: {e}"[:240]))
        where = "open"
        try:
            start = time.monotonic()
            # The first load fetches the app's scripts and fonts: allow it three action timeouts
            # and wait for the app to be ready, not for every last resource.
            first = self.timeout * 3000
            await page.goto(f"{self.url}/?{answered_query()}", timeout=first,
                            wait_until="commit")
            await page.wait_for_selector(READY, timeout=first)
            await page.locator("h1").first.wait_for(timeout=first)
            self.stats.add("first load", time.monotonic() - start)
            await self._observe()
            await self._check_exceptions("home")
            for info in self.pages:
                if info.key == "home":
                    continue
                where = info.key
                await self._pause()
                await self._open_page(info)
                await self._check_exceptions(info.key)
                if not self.interact:
                    continue
                actions = VISIT[info.key] if info.key in VISIT else _generic_visit()
                if self.warm:
                    actions = WARM_UP.get(info.key, []) + actions
                for action in actions:
                    await self._pause()
                    await self._do(info.key, action)
                    await self._check_exceptions(f"{info.key} {action[0]}")
                await self._pause()
                await self._switch_language()
                await self._check_exceptions(f"{info.key} language")
        except Stuck as e:
            self.stats.stuck.append(f"student {self.number} on {where}: {e}")
        except Exception as e:  # noqa: BLE001 - a timeout anywhere is a stuck session
            self.stats.stuck.append(f"student {self.number} on {where}: "
                                    f"{type(e).__name__}: {str(e).splitlines()[0][:160]}")
        finally:
            self.stats.sessions += 1

    async def _open_page(self, info) -> None:
        slug = page_slug(info)
        link = self.page.locator(f'[data-testid="stSidebarNav"] a[href$="/{slug}"]').first
        t0 = await self._now()
        await link.click(timeout=self.timeout * 1000)
        await self._until_done(t0, "open page", quiet_after=NO_RUN_AFTER)
        # The run that ended may have been an earlier one: make sure the new page is there.
        await self.page.wait_for_function(
            f"() => location.pathname.replace(/\\/$/, '').endsWith('/{slug}')",
            timeout=self.timeout * 1000)
        await self.page.wait_for_selector(READY, timeout=self.timeout * 1000)
        await self._observe()

    async def _find(self, page_key: str, kind: str, candidates: list[str]):
        """The first candidate widget present on the page (a locator), or None."""
        inner = {"slider": 'input[type="range"], [role="slider"]',
                 "number": '[data-testid="stNumberInputStepUp"]',
                 "button": "button", "cell": '[data-testid="stDataFrame"]'}[kind]
        main = self.page.locator('[data-testid="stMain"]')
        for name in candidates:
            if name.startswith("label:"):
                from ui.strings import STRINGS

                for label in STRINGS.get(name[len("label:"):], ()):
                    loc = main.locator("button", has_text=label)
                    if await loc.count():
                        return loc
                continue
            if name.startswith("preset:"):
                container = f'[class*="{_css_key(f"_preset.{page_key}.{name[7:]}")}"]'
            elif name.startswith("="):
                container = f'[class*="{_css_key(name[1:])}"]'
            elif name:
                key, editor = setting_keys(page_key, name)
                container = f'[class~="{_css_key(key)}"], [class*="{_css_key(editor)}"]'
            else:
                container = '[data-testid="stSlider"]' if kind == "slider" else "body"
            loc = main.locator(container).locator(inner)
            if await loc.count():
                return loc
        return None

    async def _do(self, page_key: str, action: tuple) -> None:
        kind, candidates = action[0], action[1]
        target = await self._find(page_key, kind, candidates)
        for _ in range(20):  # a section may still be drawing on a busy machine: look again
            if target is not None:
                break
            await self.page.wait_for_timeout(500)
            target = await self._find(page_key, kind, candidates)
        if target is None:
            self.stats.missing.add(f"{page_key}: {kind} {candidates[0]}")
            return
        target = target.first
        await target.scroll_into_view_if_needed(timeout=self.timeout * 1000)
        if kind == "cell":
            await self._edit_cell(page_key, target, *action[2:])
            return
        t0 = await self._now()
        if kind == "slider":
            # One keyboard step; at the end of its range the other way, so the value changes
            # and a rerun must follow.
            await target.focus()
            before = await target.get_attribute("aria-valuenow")
            await self.page.keyboard.press("ArrowRight")
            if await target.get_attribute("aria-valuenow") == before:
                await self.page.keyboard.press("ArrowLeft")
        else:
            await target.click(timeout=self.timeout * 1000)
        await self._until_done(t0, kind, quiet_after=NO_RUN_AFTER)

    async def _edit_cell(self, page_key: str, grid, row: int, column: int, text: str) -> None:
        """Select a cell of the canvas grid, move to the column, type, Enter (as the browser
        tests do, without their assertions)."""
        box = await grid.bounding_box()
        if box is None:
            self.stats.missing.add(f"{page_key}: cell grid not visible")
            return
        x, y = box["x"] + 80, box["y"] + 35 * (row + 1) + 17
        # After a click elsewhere (the sidebar) the grid takes a click only once the pointer
        # has been over it (tests/browser/conftest.py's edit_cell does the same).
        await self.page.mouse.move(x, y)
        await self.page.wait_for_timeout(200)
        await self.page.mouse.click(x, y)
        # The grid mirrors its cursor in a hidden table (cell ids glide-cell-<col>-<row>, col 0
        # being the row marker): read where the click landed and walk to the wanted cell.
        target = f"glide-cell-{column + 1}-{row}"
        here = ""
        for _ in range(14):
            # After a key press the mirror follows with a delay: wait for it before the next.
            for _ in range(8):
                await self.page.wait_for_timeout(150)
                now = await self.page.evaluate("() => document.activeElement?.id || ''")
                if now != here:
                    break
            here = now
            if here == target:
                break
            parts = here.split("-")
            if len(parts) != 4 or parts[0] != "glide":
                # The canvas has the focus, its mirror not yet: an arrow key moves it there.
                # The click landed on the label column: step toward the target.
                key = "ArrowRight" if column else "ArrowLeft"
            else:
                col, r = int(parts[2]), int(parts[3])
                key = ("ArrowRight" if col < column + 1 else "ArrowLeft" if col > column + 1
                       else "ArrowDown" if r < row else "ArrowUp")
            await self.page.keyboard.press(key)
        else:
            self.stats.missing.add(f"{page_key}: grid cell {target} not reached")
            return
        t0 = await self._now()
        await self.page.keyboard.press("Enter")
        editor = self.page.locator(".gdg-input")
        try:
            await editor.wait_for(timeout=3000)
        except Exception:  # noqa: BLE001 - a check-box cell: Enter toggled it, that is the edit
            await self._until_done(t0, "table edit", quiet_after=NO_RUN_AFTER)
            return
        # Not what this student typed here last time, so the edit changes the table.
        value = random.choice([text.format(i=i) for i in range(2, 9)
                               if text.format(i=i) != self.typed.get(text)])
        self.typed[text] = value
        await editor.fill(value)
        t0 = await self._now()
        await self.page.keyboard.press("Enter")
        await self._until_done(t0, "table edit", quiet_after=NO_RUN_AFTER)

    async def _switch_language(self) -> None:
        other = "中文" if self.lang == "en" else "English"
        button = self.page.locator('[data-testid="stSidebar"] button', has_text=other).first
        if not await button.count():
            self.stats.missing.add("language control")
            return
        t0 = await self._now()
        await button.click(timeout=self.timeout * 1000)
        self.lang = "zh" if self.lang == "en" else "en"
        await self._until_done(t0, "language", quiet_after=NO_RUN_AFTER)


def _generic_visit() -> list[tuple]:
    return [("slider", [""]), ("button", ["preset:"])]


# ---- Browsers ---------------------------------------------------------------------------------
class Browsers:
    """A few chromium processes, each holding several contexts (one per student)."""

    def __init__(self, playwright, per_browser: int):
        self.playwright, self.per_browser = playwright, per_browser
        self.browsers: list = []
        self.counts: list[int] = []

    async def context(self):
        for i, n in enumerate(self.counts):
            if n < self.per_browser and self.browsers[i].is_connected():
                self.counts[i] += 1
                return i, await self.browsers[i].new_context(
                    viewport={"width": 1400, "height": 1000})
        browser = await self.playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        self.browsers.append(browser)
        self.counts.append(1)
        return len(self.browsers) - 1, await browser.new_context(
            viewport={"width": 1400, "height": 1000})

    async def release(self, index: int, context) -> None:
        try:
            await context.close()
        finally:
            self.counts[index] -= 1

    async def close(self) -> None:
        for browser in self.browsers:
            try:
                await browser.close()
            except Exception:  # noqa: BLE001 - already gone
                pass


async def _students(browsers: Browsers, server: Server, pages: list, stats: Stats, n: int,
                    ramp: float, think: float, timeout: float, first: int, interact: bool,
                    deadline: float, keep_open: bool = False, warm: bool = False):
    """n students arriving over ``ramp`` seconds; returns their contexts if keep_open."""
    opened = []

    async def one(k: int):
        await asyncio.sleep(ramp * k / max(n, 1))
        index, context = await browsers.context()
        opened.append((index, context))
        student = Student(context, server.url, pages, stats, think, timeout, first + k,
                          interact, warm)
        remaining = deadline - time.monotonic()
        try:
            await asyncio.wait_for(student.run(), timeout=max(remaining, 1))
        except asyncio.TimeoutError:
            stats.stuck.append(f"student {first + k}: stopped at the time limit")
            stats.sessions += 1
        if not keep_open:
            opened.remove((index, context))
            await browsers.release(index, context)

    await asyncio.gather(*(one(k) for k in range(n)))
    return opened


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


async def _settle(server: Server, seconds: float) -> float:
    await asyncio.sleep(seconds)
    return server.rss()


async def classroom(args) -> dict:
    from playwright.async_api import async_playwright

    sys.path.insert(0, str(args.app_dir))
    from ui.layout import PAGES

    pages = [p for p in PAGES if (Path(args.app_dir) / p.path).exists()]
    started = time.monotonic()
    deadline = started + args.time_limit
    env, log_path, run_log = server_files("bench_classroom", args.env)
    report: dict = {"sessions": args.n, "pages": [p.key for p in pages], "env": env,
                    "think_s": args.think, "log": str(log_path), "run_log": str(run_log)}
    server = Server(Path(args.app_dir), env, log_path, run_log=run_log)
    try:
        server.wait_healthy()
        report["rss_idle"] = server.rss()
        print(f"server {server.url} (pid {server.proc.pid}); idle RSS "
              f"{report['rss_idle']:.0f} MiB; log {log_path}", flush=True)
        async with async_playwright() as pw:
            browsers = Browsers(pw, args.per_browser)
            try:
                await _run_phases(args, browsers, server, pages, report, deadline)
            finally:
                await browsers.close()
    finally:
        server.stop()
        report["seconds"] = time.monotonic() - started
    return report


async def _run_phases(args, browsers, server, pages, report, deadline) -> None:
    # 1. Warm-up: one session visits everything (imports, caches); then it closes.
    warm = Stats()
    await _students(browsers, server, pages, warm, 1, 0, 0, args.timeout, 0, True, deadline,
                    warm=True)
    report["rss_warm"] = await _settle(server, 2)
    report["warm_problems"] = {"stuck": warm.stuck, "exceptions": warm.exceptions,
                               "missing": sorted(warm.missing)}
    for problem in warm.stuck + warm.exceptions:
        print(f"warm-up: {problem}", flush=True)
    print(f"warm-up done in {time.monotonic() - deadline + args.time_limit:.0f} s; RSS "
          f"{report['rss_warm']:.0f} MiB", flush=True)

    # 2. The classroom, all at once; their contexts stay open until everyone is done.
    if args.n > 0:
        stats = Stats()
        t0, wall0, cpu0 = time.monotonic(), time.time(), cpu_by_group(server.proc.pid)
        opened = await _students(browsers, server, pages, stats, args.n, args.ramp, args.think,
                                 args.timeout, 1, True, deadline, keep_open=True)
        report["classroom_s"] = time.monotonic() - t0
        # Read while the students' tabs are still open: their renderers' counts go with them.
        report["cpu_s"] = cpu_used(cpu0, cpu_by_group(server.proc.pid))
        report["server_cpu_s"] = report["cpu_s"]["server"]
        report["server_runs"] = _server_runs(Path(report["run_log"]), wall0, time.time())
        report["rss_open"] = await _settle(server, 2)
        report["stats"] = _summary(stats)
        _print_classroom(report, args.n)

        # 3. They leave.
        for index, context in opened:
            await browsers.release(index, context)
        report["rss_closed"] = await _settle(server, args.settle)
        print(f"RSS {args.settle:.0f} s after the {args.n} sessions closed: "
              f"{report['rss_closed']:.0f} MiB", flush=True)

    # 4. Churn: waves until --churn sessions have come and gone.
    report["churn"] = []
    done = 0
    churn_stats = Stats()
    while done < args.churn and time.monotonic() < deadline - 30:
        wave = min(args.wave, args.churn - done)
        wave_start = time.monotonic()
        await _students(browsers, server, pages, churn_stats, wave, args.wave_ramp, 0,
                        args.timeout, 1000 + done, args.churn_interact, deadline)
        done += wave
        rss = await _settle(server, args.settle)
        report["churn"].append((done, rss))
        print(f"churn: {done:4d} sessions come and gone, RSS {rss:.0f} MiB "
              f"(wave of {wave} in {time.monotonic() - wave_start:.0f} s)", flush=True)
    report["churn_stats"] = {"stuck": churn_stats.stuck, "exceptions": churn_stats.exceptions,
                             "console": churn_stats.console[:10]}


def _server_runs(path: Path, start: float, end: float) -> dict:
    """The server's own time per script run between ``start`` and ``end`` (wall clock), from
    the run log ``serve_timed.py`` writes: whole-page runs and section (fragment) runs,
    p50/p95/max seconds."""
    runs: dict[str, list[float]] = {"page": [], "section": []}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    for line in lines:
        parts = line.split("\t")
        if len(parts) == 4 and start <= float(parts[0]) <= end and parts[2] in runs:
            runs[parts[2]].append(float(parts[3]))
    return {kind: {"n": len(v), "p50": _pct(v, 50), "p95": _pct(v, 95), "max": max(v)}
            for kind, v in runs.items() if v}


def _summary(stats: Stats) -> dict:
    return {
        "latency": {name: {"n": len(v), "p50": _pct(v, 50), "p95": _pct(v, 95), "max": max(v)}
                    for name, v in stats.latencies.items()},
        "all_interactions": _all_interactions(stats),
        "exceptions": stats.exceptions, "console": stats.console,
        "external": sorted(stats.external), "missing": sorted(stats.missing),
        "no_rerun": stats.no_rerun, "stuck": stats.stuck, "sessions": stats.sessions}


def _all_interactions(stats: Stats) -> dict:
    values = [x for name, v in stats.latencies.items() if name != "first load" for x in v]
    return {"n": len(values), "p50": _pct(values, 50), "p95": _pct(values, 95)}


def _print_classroom(report: dict, n: int) -> None:
    s = report["stats"]
    print(f"\n{n} sessions through {len(report['pages'])} pages in "
          f"{report['classroom_s']:.0f} s (think time {report['think_s']} s)")
    print(f"{'interaction':<14}{'count':>7}{'p50 s':>9}{'p95 s':>9}{'max s':>9}")
    for name, v in sorted(s["latency"].items()):
        print(f"{name:<14}{v['n']:>7}{v['p50']:>9.2f}{v['p95']:>9.2f}{v['max']:>9.2f}")
    a = s["all_interactions"]
    print(f"{'all but first':<14}{a['n']:>7}{a['p50']:>9.2f}{a['p95']:>9.2f}   "
          f"(target p95 < 1.5 s)")
    span = max(report["classroom_s"], 1e-9)
    cpu = report["cpu_s"]
    print(f"CPU in those {span:.0f} s on {os.cpu_count()} cores: " + ", ".join(
        f"{name} {seconds:.0f} s ({seconds / span:.2f} cores)" for name, seconds in cpu.items()))
    actions = sum(v["n"] for v in s["latency"].values())
    if actions:
        report["browser_cpu_per_action"] = cpu["browsers"] / actions
        report["server_cpu_per_action"] = cpu["server"] / actions
        print(f"per timed action ({actions}, page loads included): the browsers "
              f"{cpu['browsers'] / actions:.2f} CPU s, the server {cpu['server'] / actions:.3f} "
              f"CPU s")
    for kind, v in report.get("server_runs", {}).items():
        print(f"server time per {kind} run (script, on a busy machine): n {v['n']}, "
              f"p50 {v['p50']:.3f} s, p95 {v['p95']:.3f} s, max {v['max']:.3f} s")
    print(f"exceptions on pages: {len(s['exceptions'])}; console errors: {len(s['console'])}; "
          f"stuck sessions: {len(s['stuck'])} of {s['sessions']}")
    for line in (s["exceptions"][:5] + s["console"][:5] + s["stuck"][:5]):
        print(f"  {line}")
    if s["external"]:
        print(f"requests that tried to leave the machine (blocked): {', '.join(s['external'])}")
    if s["missing"]:
        print(f"widgets not found: {'; '.join(s['missing'])}")
    if s["no_rerun"]:
        print(f"actions that started no rerun: {s['no_rerun']}")
    loaded = s["latency"].get("first load", {}).get("n", 0)
    per = (report["rss_open"] - report["rss_warm"]) / max(loaded, 1)
    report["mib_per_session"] = per
    print(f"server RSS: idle {report['rss_idle']:.0f} MiB, after warm-up "
          f"{report['rss_warm']:.0f}, with {n} sessions open ({loaded} of them loaded the app) "
          f"{report['rss_open']:.0f} -> {per:.1f} MiB per loaded session (target <= 5)",
          flush=True)


def _print_churn(report: dict) -> None:
    churn = report.get("churn") or []
    if not churn:
        return
    first = next(((n, r) for n, r in churn if n >= 20), churn[0])
    last = churn[-1]
    growth = last[1] - first[1]
    report["churn_growth"] = growth
    print(f"churn: RSS after {first[0]} sessions {first[1]:.0f} MiB, after {last[0]} "
          f"{last[1]:.0f} MiB: {growth:+.0f} MiB (target within 50)")
    cs = report.get("churn_stats", {})
    if cs.get("stuck") or cs.get("exceptions"):
        print(f"churn problems: {len(cs['stuck'])} stuck, {len(cs['exceptions'])} exceptions")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--sessions", dest="n", type=int, default=30,
                        help="concurrent sessions in the classroom phase (default 30)")
    parser.add_argument("--churn", type=int, default=200,
                        help="sessions that come and go in the churn phase (0: none)")
    parser.add_argument("--wave", type=int, default=20, help="sessions per churn wave")
    parser.add_argument("--churn-interact", action="store_true",
                        help="churn sessions also use each page (default: only open it)")
    parser.add_argument("--per-browser", type=int, default=10,
                        help="browser contexts per chromium process")
    parser.add_argument("--ramp", type=float, default=30.0,
                        help="seconds over which a group of sessions arrives (default 30)")
    parser.add_argument("--wave-ramp", type=float, default=10.0,
                        help="seconds over which a churn wave arrives (default 10)")
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean pause between a student's actions, seconds")
    parser.add_argument("--settle", type=float, default=5.0,
                        help="seconds to wait after sessions close before reading memory")
    parser.add_argument("--time-limit", type=float, default=3600.0,
                        help="stop everything after this many seconds (default 3600)")
    server_arguments(parser)
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: run `bash tests/run.sh` once, which installs it")
        return 2
    report = run_until_stopped(lambda: asyncio.run(classroom(args)),
                               "the server and the browsers")
    if report is None:
        return 130
    _print_churn(report)
    return report_done(report, args.json)


if __name__ == "__main__":
    sys.exit(main())
