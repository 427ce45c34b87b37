"""What one server core carries: N sessions that speak Streamlit's protocol, without browsers.

``bench_classroom.py`` drives real browsers, and on this 2-core machine those browsers use about
28 times the server's CPU: its latency is mostly the browsers queueing for the cores they share
with the server. In a class each student's browser runs on the student's own computer, and the
server only has to keep up with the messages. This benchmark measures that part on its own.

Each session is a small client of the protocol Streamlit's browser code speaks: protobuf
``BackMsg`` / ``ForwardMsg`` over the ``/_stcore/stream`` websocket (with the ``websockets``
package, which Streamlit itself depends on). It also makes the HTTP requests a browser makes:
chromium's same-origin requests at each step of one visit are recorded at the start (the page
and its scripts before the session opens; the scripts a page's elements need, and the icon, when
it is opened; the icon again at a language switch), and each session repeats them at the same
steps, but fetches a static file only once, as a browser's cache does. Like a student of
``bench_classroom.py`` (the same ``VISIT`` list) it opens every page from the menu (a rerun with
that page's script hash), moves sliders one step, presses presets and buttons, edits a table
cell, presses a number input's + and switches the language on every page, with a pause of
``--think`` seconds on average before each action. For each action it sends the changed widget's
new value (a browser also repeats the other widgets' values, which the server already holds),
the section (fragment) the widget belongs to, and the query string the server last set. It reads
every message the server sends, keeps the page's widgets from them and counts exception
elements.

A round: N sessions arrive over ``--ramp`` seconds, then all of them keep going round the pages
for ``--duration`` seconds from the moment the last one arrived: the window that is timed (the
actions started in it) and metered (the server's CPU between its start and end); first loads are
reported on their own. Latency = from sending an action
to receiving the server's "script finished" for the run it started (every element of that run
received before it) and the answers to the requests made at that step. Drawing in a browser is
not in it.

The server runs on the cores given by ``--server-cpus`` (default: core 0 only) and the clients
on the others, so the figures are what that many server cores carry. Per round it prints the
actions a second, p50/p95 latency (also per kind of action), the share of the server's cores
used and its CPU per action, its memory growth per session from before the round to the window's
end (a rough figure: sessions of an earlier round may still be held, for
``server.disconnectedSessionTTL``), exceptions, stuck sessions and failed requests. Several ``-n`` values make a sweep.

Students who train (``--trainers``, a share of each round's sessions; several shares make
rounds of their own) go to the network page first; there, after its usual actions, a trainer
sets the mini-batch size to 1 and a seed no one else used (so that no two trainings are the
same and none is published already; 30 epochs on the bundled digits: 45,000 mini-batch updates
per network, about 3.5 CPU-seconds here) and presses Train; then it watches the training as a
browser does, following the page's timer (the ``auto_rerun`` messages: a section run every
half second) until the results are shown or ``--train-wait`` seconds have passed. The latency
figures of a round are the others' (the sessions that do not train); the trainers' own actions,
their timer's section runs and the time from Train to results are reported apart. The server
trains at most ``BITS_TO_LOSSES_TRAININGS`` at once (``--env``), in worker threads.

``--mnist synthetic`` first measures the server's memory with MNIST: random images of MNIST's
shape, written and served here from 127.0.0.1, through the app's own download, checksum, parse
and training code (a ``sitecustomize`` module put on the server's path replaces the published
checksums with those of these files, from outside the app); ``--mnist-sessions`` sessions choose
MNIST and train at once, and the server's peak resident memory is read from ``/proc``.

    python3 bench/bench_server_load.py                       # 30, 60, 90 sessions; think 1 s
    python3 bench/bench_server_load.py -n 120 240 --think 5 --ramp 60
    python3 bench/bench_server_load.py -n 60 --trainers 0 0.1 0.2     # with students training
    python3 bench/bench_server_load.py -n 60 --mnist synthetic        # and MNIST's memory

Everything it starts is stopped at the end, also on errors, Ctrl-C and ``kill``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_classroom import (VISIT, WARM_UP, Server, Stats, _generic_visit, _pct,  # noqa: E402
                             _server_runs, answered_query, app_errors, cpu_by_group, cpu_used, page_slug,
                             report_done, run_until_stopped, server_arguments, server_files,
                             setting_keys)

TARGET = 1.5
#: A trainer's extra actions on the network page: mini-batches of 1, a seed no one else used
#: (drawn from ``SEEDS``), Train (30 epochs on the bundled digits: 45,000 updates per network).
TRAIN = (("set", ["batch"], 1), ("set", ["seed"], None), ("button", ["label:nw.train"]))
#: Seeds for the trainers' trainings, each used once (the page's seeds go up to 10,000).
SEEDS = iter(random.Random(23).sample(range(100, 10_001), 9_901))


class Stuck(Exception):
    pass


class Client:
    """One student's session over the websocket: the elements of the page as the server last
    drew them, and the end of each run."""

    def __init__(self, url: str, pages: dict[str, str], stats: Stats, think: float,
                 timeout: float, number: int, warm: bool = False, assets: dict | None = None,
                 window: tuple[float, float] | None = None, executor=None,
                 train: tuple = (), train_wait: float = 90.0, only: str | None = None):
        # What a browser requests over HTTP at each step ("home", "open <page>", "language
        # <page>"), as recorded; a script or style once fetched stays in this browser's cache.
        self.assets = assets or {}
        self.cached: set[str] = set()
        self.executor = executor  # threads for those requests
        # Actions are timed when they start inside the window; the visit repeats until the
        # window ends. None: one visit, every action timed.
        self.window = window
        self.url = url
        #: Images the server sent since the last action (their addresses are this session's
        #: own: Streamlit keeps media files per session, so another browser's recorded address
        #: would not be found); fetched at the end of the run, before the next action.
        self.images: list[str] = []
        self.ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
        self.pages, self.stats, self.think = pages, stats, think
        self.timeout, self.number, self.warm = timeout, number, warm
        #: delta path -> (element type, its proto, the fragment it was drawn in)
        self.elements: dict[tuple, tuple] = {}
        # The first load's address: a student who has made every prediction (bench_classroom)
        self.query = answered_query()
        self.current = pages["home"]  # the page's script hash, as the browser's address
        self.finished: asyncio.Queue = asyncio.Queue()
        self.edits: dict[str, dict] = {}  # data editor id -> its edited rows
        self.where = "connect"
        # A trainer's extra actions on the network page (empty: not a trainer), and how long it
        # watches a training; the page's timers (fragment id -> seconds), as a browser keeps them.
        self.train, self.train_wait = train, train_wait
        self.timers: dict[str, float] = {}
        self.only = only  # a page key: open only that page, do only the ``train`` actions

    async def _pause(self) -> None:
        if self.think > 0:
            await asyncio.sleep(self.think * random.uniform(0.5, 1.5))

    async def run(self) -> None:
        import websockets

        try:
            start = time.monotonic()
            await self._fetch("home")  # the page and its files first, then the session
            async with websockets.connect(self.ws_url, subprotocols=["streamlit"],
                                          max_size=None, open_timeout=self.timeout) as ws:
                self.ws = ws
                reader = asyncio.create_task(self._read())
                try:
                    await self._visit(start)
                finally:
                    reader.cancel()
        except Stuck as e:
            self.stats.stuck.append(f"session {self.number} on {self.where}: {e}")
        except Exception as e:  # noqa: BLE001 - a dropped connection is a stuck session too
            self.stats.stuck.append(f"session {self.number} on {self.where}: "
                                    f"{type(e).__name__}: {str(e).splitlines()[0][:160]}")
        finally:
            self.stats.sessions += 1

    async def _fetch(self, step: str) -> None:
        """Request what the browser requested at this step, but for cached static files."""
        urls = [u for u in self.assets.get(step, ()) if u not in self.cached]
        self.cached.update(u for u in urls if "/static/" in u)
        if urls:  # a failed load is what a browser's console would show
            self.stats.console.extend(await asyncio.get_running_loop().run_in_executor(
                self.executor, _fetch_all, tuple(urls)))

    def _over(self) -> bool:
        return self.window is not None and time.monotonic() >= self.window[1]

    async def _visit(self, start: float) -> None:
        self.where = "home"
        await self._rerun("first load", page_script_hash=self.pages["home"], since=start)
        if self.only:
            self.where = self.only
            await self._rerun("open page", page_script_hash=self.pages[self.only], query="",
                              fetch=f"open {self.only}")
            for action in self.train:
                await self._do(self.only, action)
            return
        order = list(self.pages.items())
        if self.train and "network" in self.pages:  # a trainer goes to the network page first
            first = [k for k, _ in order].index("network")
            order = order[first:] + order[:first]
        while len(self.pages) > 1:
            for key, page_hash in order:
                if key == "home":
                    continue
                self.where = key
                await self._pause()
                if self._over():
                    return
                await self._rerun("open page", page_script_hash=page_hash, query="",
                                  fetch=f"open {key}")
                actions = (WARM_UP.get(key, []) if self.warm else []) + VISIT.get(
                    key, _generic_visit()) + (list(self.train) if key == "network" else [])
                for action in actions:
                    await self._pause()
                    if self._over():
                        return
                    await self._do(key, action)
                await self._pause()
                if self._over():
                    return
                await self._language()
            if self.window is None:
                break

    # ---- Messages ---------------------------------------------------------------------------
    async def _read(self) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        try:
            await self._read_messages(ForwardMsg)
        finally:  # the connection closed: an action waiting for its run must not wait on
            self.finished.put_nowait(None)

    async def _read_messages(self, ForwardMsg) -> None:  # noqa: N803 - the proto class
        async for raw in self.ws:
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                name = element.WhichOneof("type")
                self.elements[tuple(msg.metadata.delta_path)] = (
                    name, getattr(element, name), msg.delta.fragment_id)
                if name == "imgs":  # a browser fetches the images this session was sent
                    self.images.extend(self.url + i.url if i.url.startswith("/") else i.url
                                       for i in element.imgs.imgs if i.url)
                elif name == "exception":
                    self.stats.exceptions.append(
                        f"session {self.number} on {self.where}: "
                        f"{element.exception.message[:160]}")
                elif name == "alert" and element.alert.body in app_errors():
                    self.stats.exceptions.append(
                        f"session {self.number} on {self.where}: the app's error message "
                        f"(traceback in the server log)")
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "new_session" and not msg.metadata.run.fragment_ids:
                self.timers.clear()  # a whole run: its sections register their timers again
            elif kind == "auto_rerun":
                self.timers[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval
            elif kind == "stop_auto_rerun":
                for fragment in msg.stop_auto_rerun.fragment_ids:
                    self.timers.pop(fragment, None)
            elif kind == "script_finished":
                self.finished.put_nowait(msg.script_finished)

    async def _rerun(self, kind: str, *, page_script_hash: str | None = None,
                     widget=None, fragment_id: str = "", query: str | None = None,
                     since: float | None = None, fetch: str = "", auto: bool = False) -> None:
        """Send one rerun request and wait for the end of the run it started (and, with
        ``fetch``, for the requests the browser makes at that step, sent at the same time)."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        if query is not None:  # a page opened with its own link: later reruns send that one
            self.query = query
        back = BackMsg()
        state = back.rerun_script
        state.query_string = self.query
        state.page_script_hash = page_script_hash or self.current
        if widget is not None:
            state.widget_states.widgets.append(widget)
        if fragment_id:
            state.fragment_id = fragment_id
            state.is_auto_rerun = auto
        else:  # a whole-page run draws every element again
            self.elements.clear()
        while not self.finished.empty():
            self.finished.get_nowait()
        t0 = time.monotonic()
        await self.ws.send(back.SerializeToString())
        files = asyncio.ensure_future(self._fetch(fetch))
        early = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
        while True:
            try:
                status = await asyncio.wait_for(self.finished.get(), self.timeout)
            except asyncio.TimeoutError:
                files.cancel()
                raise Stuck(f"{kind}: no end of run within {self.timeout:.0f} s") from None
            if status is None:
                files.cancel()
                raise Stuck(f"{kind}: the server closed the connection")
            if status != early:
                break
        await files
        if self.images:  # the run's pictures, as the browser loads them to show the page
            urls, self.images = tuple(dict.fromkeys(self.images)), []
            self.stats.console.extend(await asyncio.get_running_loop().run_in_executor(
                self.executor, _fetch_all, urls))
        if kind == "first load" or self.window is None or \
                self.window[0] <= t0 <= self.window[1]:
            self.stats.add(kind, time.monotonic() - (t0 if since is None else since))
        self.current = page_script_hash or self.current

    # ---- Actions ----------------------------------------------------------------------------
    def _find(self, page_key: str, kind: str, candidates: list[str]):
        """The first candidate widget drawn now: (element type, proto, fragment id) or None."""
        types = {"slider": ("slider",), "number": ("number_input",), "button": ("button",),
                 "cell": ("dataframe",), "radio": ("radio",)}[kind]
        widgets = [e for _, e in sorted(self.elements.items())
                   if e[0] in types and getattr(e[1], "id", "")
                   and (e[1].editing_mode if e[0] == "dataframe" else not e[1].disabled)]
        for name in candidates:
            if name.startswith("label:"):
                from ui.strings import STRINGS

                labels = set(STRINGS.get(name[len("label:"):], ()))
                hit = [e for e in widgets if getattr(e[1], "label", None) in labels]
            elif name.startswith("preset:"):
                hit = [e for e in widgets if f"-_preset.{page_key}.{name[7:]}" in e[1].id]
            elif name.startswith("="):
                hit = [e for e in widgets if e[1].id.endswith(f"-{name[1:]}")]
            elif name:
                key, editor = setting_keys(page_key, name)
                hit = [e for e in widgets
                       if e[1].id.endswith(f"-{key}") or f"-{editor}" in e[1].id]
            else:
                hit = widgets
            if hit:
                return hit[0]
        return None

    async def _do(self, page_key: str, action: tuple) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        kind, candidates = action[0], action[1]
        found = self._find(page_key, {"set": "number", "choose": "radio"}.get(kind, kind),
                           candidates)
        if found is None:
            self.stats.missing.add(f"{page_key}: {kind} {candidates[0]}")
            return
        _, proto, fragment = found
        widget = WidgetState(id=proto.id)
        if kind == "slider":
            self._slide(proto, widget)
        elif kind == "number":
            value = proto.value if proto.set_value else proto.default
            value = value + proto.step if not proto.has_max or value + proto.step <= proto.max \
                else value - proto.step
            if proto.data_type == proto.INT:  # as the browser sends an integer input
                widget.int_value = int(value)
            else:
                widget.double_value = value
        elif kind == "set":  # type a value into a number input
            value = action[2] if action[2] is not None else next(SEEDS)
            if proto.data_type == proto.INT:
                widget.int_value = int(value)
            else:
                widget.double_value = value
            kind = "train settings"
        elif kind == "choose":  # pick a radio button's option by its place (sent as its label)
            widget.string_value = proto.options[int(action[2])]
            kind = "train settings"
        elif kind == "button":
            widget.trigger_value = True
        else:
            edit = self._cell_edit(proto, *action[2:])
            if edit is None:
                self.stats.missing.add(f"{page_key}: table {candidates[0]} columns")
                return
            widget.string_value = edit
            kind = "table edit"
        if "label:nw.train" in candidates:
            kind = "train"
        pressed = time.monotonic()
        await self._rerun(kind, widget=widget, fragment_id=fragment)
        if kind == "train":
            await self._watch(pressed)

    async def _watch(self, pressed: float) -> None:
        """Follow the page's timers, as a browser does, while it shows a training: each
        ``interval`` seconds a run of that section alone (``auto_rerun``), until no section
        asks for one (the results are shown) or ``train_wait`` seconds have passed."""
        while self.timers and time.monotonic() - pressed < self.train_wait and not self._over():
            fragment, interval = next(iter(self.timers.items()))
            await asyncio.sleep(interval)
            if fragment in self.timers:
                await self._rerun("timer", fragment_id=fragment, auto=True)
        if not self.timers:
            self.stats.add("train to results", time.monotonic() - pressed)
        elif not self._over():  # it goes on on the server; this student moves on
            left = "trainings not done within --train-wait"
            self.stats.no_rerun[left] = self.stats.no_rerun.get(left, 0) + 1

    def _slide(self, proto, widget) -> None:
        """One step to the right, or to the left at the end of the range (as the browser
        benchmark's keyboard step does)."""
        now = list(proto.value if proto.set_value else proto.default)  # as the page shows it
        if proto.options:  # a select slider: the value is the option's text
            index = int(now[0]) if now else 0
            index = index + 1 if index + 1 < len(proto.options) else index - 1
            widget.string_array_value.data.append(proto.options[index])
            return
        step = proto.step or 1
        now[0] = round(now[0] + step if now[0] + step <= proto.max else now[0] - step, 12)
        widget.double_array_value.data.extend(now)

    def _cell_edit(self, proto, row: int, column: int, text: str) -> str | None:
        """The data editor's state after typing a new value into one cell (the browser sends
        every edit so far, as JSON keyed by row and column name)."""
        import pyarrow as pa

        try:
            table = pa.ipc.open_stream(proto.arrow_data.data).read_all()
        except Exception:  # noqa: BLE001 - an unexpected encoding: count as not found
            return None
        # A stored index is a column named in pandas' metadata (a RangeIndex is a dict there)
        index = {c for c in json.loads((table.schema.metadata or {}).get(b"pandas", b"{}"))
                 .get("index_columns", []) if isinstance(c, str)}
        columns = [f for f in table.schema if f.name not in index]
        if column >= len(columns):
            return None
        field = columns[column]
        rows = self.edits.setdefault(proto.id, {})
        last = rows.get(str(row), {}).get(field.name)
        choices = [text.format(i=i) for i in range(2, 9)]
        value = random.choice([c for c in choices if c != str(last)] or choices)
        typed = float(value) if pa.types.is_floating(field.type) or pa.types.is_integer(
            field.type) else value
        rows.setdefault(str(row), {})[field.name] = typed
        return json.dumps({"edited_rows": rows, "added_rows": [], "deleted_rows": []})

    async def _language(self) -> None:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        for _, (name, proto, fragment) in sorted(self.elements.items()):
            if name == "button_group" and proto.id.endswith("-lang"):
                chosen = set(proto.default)
                other = next(i for i in range(len(proto.options)) if i not in chosen)
                widget = WidgetState(id=proto.id)
                widget.string_array_value.data.append(proto.options[other].content)
                await self._rerun("language", widget=widget, fragment_id=fragment,
                                  fetch=f"language {self.where}")
                return
        self.stats.missing.add("language control")


# ---- A first visit's files --------------------------------------------------------------------
def browser_requests(url: str, pages: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """What a browser with an empty cache requests over HTTP at each step of a visit: "home"
    (the page, its scripts, styles, fonts and media), then for each page "open <page>" (the
    scripts its elements need, the icon) and "language <page>". Recorded once with Debian's
    chromium (same-origin GETs, in order, repeats kept), so that each session makes the server
    serve them as it would for a student. Empty when chromium or Playwright is missing."""
    from bench_classroom import CHROMIUM, CHROMIUM_ARGS, READY

    if not Path(CHROMIUM).exists():
        return {}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {}
    steps: dict[str, tuple[str, ...]] = {}
    seen: list[str] = []

    def settle(step: str) -> None:
        """The step's requests: those until the page is ready and then no new one for
        half a second (a chart's or formula's script is fetched as it is drawn)."""
        page.wait_for_timeout(300)
        page.wait_for_selector(READY + " h1", timeout=60_000)
        count, quiet = -1, 0
        while quiet < 5:  # five polls of 0.1 s without a new request
            quiet = quiet + 1 if len(seen) == count else 0
            count = len(seen)
            page.wait_for_timeout(100)
        steps[step] = tuple(seen)
        seen.clear()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            # (not /media/: a page's images are the session's own; each session fetches those
            # it is sent, see Session._fetch_images)
            page.on("request", lambda r: seen.append(r.url) if r.method == "GET"
                    and r.url.startswith(url) and r.resource_type != "websocket"
                    and "/media/" not in r.url else None)
            page.goto(f"{url}/?{answered_query()}")  # as the sessions' first load
            settle("home")
            other = "中文"
            for key, slug in pages.items():
                if key == "home":
                    continue
                page.locator(f'[data-testid="stSidebarNav"] a[href$="/{slug}"]').first.click()
                settle(f"open {key}")
                page.locator('[data-testid="stSidebar"] button', has_text=other).first.click()
                settle(f"language {key}")
                other = "English" if other == "中文" else "中文"
        finally:
            browser.close()
    return steps


def _fetch_all(urls: tuple[str, ...], parallel: int = 6) -> list[str]:
    """GET every address as a browser does (compressed, six at a time), reading each answer
    to its end; returns the requests that failed."""
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    def get(address: str) -> str:
        request = urllib.request.Request(address, headers={"Accept-Encoding": "gzip, br"})
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                answer.read()
        except OSError as e:
            return f"GET {address}: {e}"[:240]
        return ""

    with ThreadPoolExecutor(parallel) as pool:
        return [failure for failure in pool.map(get, urls) if failure]


# ---- MNIST's memory ----------------------------------------------------------------------------
#: Put on the server's path as ``sitecustomize``: before the app starts, the published checksums
#: of MNIST's files become those of the synthetic files (nothing else in the app changes).
SITECUSTOMIZE = """import json, os, sys
_files = os.environ.get("BENCH_SYNTHETIC_MNIST")
if _files:
    sys.path.insert(0, os.getcwd())
    from lib import digits as _digits
    for _name, (_sha, _size) in json.loads(_files).items():
        _digits.MNIST_FILES[_name] = _digits.Published(_sha, _size)
"""
#: What a session asking for MNIST does on the network page: MNIST, 2 epochs, a seed of its
#: own, Train.
MNIST_TRAIN = (("choose", ["source"], 1), ("set", ["epochs"], 2), ("set", ["seed"], None),
               ("button", ["label:nw.train"]))


def synthetic_mnist(folder: Path) -> dict[str, tuple[str, int]]:
    """MNIST's four gzip'd IDX files written to ``folder``: 60,000 and 10,000 images of
    28 × 28 with a fifth of the pixels lit at random (about a digit's share of ink) and random
    labels; returns each file's SHA-256 and size."""
    import gzip
    import hashlib
    import struct

    import numpy as np
    from lib.digits import MNIST_FILES

    rng = np.random.default_rng(0)
    shapes = [(60_000, 28, 28), (60_000,), (10_000, 28, 28), (10_000,)]
    out = {}
    for name, shape in zip(MNIST_FILES, shapes):
        if len(shape) == 3:
            array = (rng.integers(1, 256, shape, dtype=np.uint8)
                     * (rng.random(shape) < 0.2)).astype(np.uint8)
        else:
            array = rng.integers(0, 10, shape, dtype=np.uint8)
        raw = bytes([0, 0, 0x08, len(shape)]) + struct.pack(f">{len(shape)}I", *shape)
        data = gzip.compress(raw + array.tobytes(), compresslevel=6)
        (folder / name).write_bytes(data)
        out[name] = (hashlib.sha256(data).hexdigest(), len(data))
    return out


def serve_folder(folder: Path):
    """A loopback HTTP server of ``folder`` in a thread of this process; returns it."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def mnist_environment(folder: Path) -> tuple[dict[str, str], object]:
    """The server's environment for synthetic MNIST (files, mirror, cache, sitecustomize in
    ``folder``) and the mirror serving them (shut it down at the end)."""
    files, site, cache = folder / "files", folder / "site", folder / "cache"
    for f in (files, site, cache):
        f.mkdir()
    published = synthetic_mnist(files)
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE)
    httpd = serve_folder(files)
    path = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
    return {"PYTHONPATH": path, "BENCH_SYNTHETIC_MNIST": json.dumps(published),
            "BITS_TO_LOSSES_MNIST_MIRRORS": f"http://127.0.0.1:{httpd.server_address[1]}/",
            "BITS_TO_LOSSES_CACHE": str(cache)}, httpd


def peak_rss(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def mnist_memory(server: Server, pages: dict[str, str], sessions: int,
                 timeout: float) -> dict:
    """``sessions`` sessions ask for MNIST at once (a download, then each a training of its
    own): the server's memory before, at its peak and after."""
    stats = Stats()
    before = server.rss()
    start = time.monotonic()

    async def run() -> None:
        await asyncio.gather(*(Client(
            server.url, pages, stats, 0.0, timeout, 10_000 + k, train=MNIST_TRAIN,
            train_wait=600.0, only="network").run() for k in range(sessions)))

    asyncio.run(run())
    out = {"sessions": sessions, "rss_before": before, "peak": peak_rss(server.proc.pid),
           "rss_after": server.rss(), "seconds": time.monotonic() - start,
           "trained": len(stats.latencies.get("train to results", [])),
           "problems": stats.stuck + stats.exceptions + sorted(stats.missing)}
    print(f"MNIST (synthetic, through the app's download, parse and training): {sessions} "
          f"sessions asked at once; {out['trained']} trainings shown in {out['seconds']:.0f} s; "
          f"server RSS {before:.0f} MiB before, peak {out['peak']:.0f} MiB, "
          f"{out['rss_after']:.0f} MiB after"
          + (f"; problems: {out['problems'][:3]}" if out["problems"] else ""), flush=True)
    return out


# ---- Runs -------------------------------------------------------------------------------------
async def _sessions(url: str, pages: dict[str, str], stats: Stats, n: int, ramp: float,
                    think: float, timeout: float, first: int, warm: bool = False,
                    assets: dict | None = None, duration: float | None = None,
                    server: Server | None = None, trainers: float = 0.0,
                    trainer_stats: Stats | None = None, train_wait: float = 90.0) -> dict:
    """N sessions arriving over ``ramp`` seconds. With ``duration``, they repeat the visit
    until ``duration`` seconds after the last one arrived, and only that window is timed and
    metered: the server's CPU between its start and end, its memory at the end. A share
    ``trainers`` of them, spread evenly, also train (:data:`TRAIN`), into ``trainer_stats``."""
    from concurrent.futures import ThreadPoolExecutor

    start = time.monotonic()
    window = None if duration is None else (start + ramp, start + ramp + duration)
    meter: dict = {}

    async def one(k: int) -> None:
        await asyncio.sleep(ramp * k / max(n, 1))
        trains = int((k + 1) * trainers) > int(k * trainers)
        await Client(url, pages, trainer_stats if trains else stats, think, timeout, first + k,
                     warm, assets, window, executor, train=TRAIN if trains else (),
                     train_wait=train_wait).run()

    async def read_meter() -> None:
        await asyncio.sleep(max(0.0, window[0] - time.monotonic()))
        meter["cpu0"], meter["wall0"] = cpu_by_group(server.proc.pid), time.time()
        await asyncio.sleep(max(0.0, window[1] - time.monotonic()))
        meter["cpu"] = cpu_used(meter["cpu0"], cpu_by_group(server.proc.pid))
        meter["wall1"], meter["rss"] = time.time(), server.rss()

    with ThreadPoolExecutor(max(1, min(n, 64))) as executor:
        tasks = [one(k) for k in range(n)]
        if window is not None and server is not None:
            tasks.append(read_meter())
        await asyncio.gather(*tasks)
    return meter


def _page_hashes(url: str, timeout: float) -> dict[str, str]:
    """Page key -> script hash, from the navigation message of a first run."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    async def ask() -> dict[str, str]:
        async with websockets.connect(url.replace("http://", "ws://") + "/_stcore/stream",
                                      subprotocols=["streamlit"], max_size=None) as ws:
            back = BackMsg()
            back.rerun_script.query_string = ""
            await ws.send(back.SerializeToString())
            async for raw in ws:
                msg = ForwardMsg()
                msg.ParseFromString(raw)
                if msg.WhichOneof("type") == "navigation":
                    return {(p.url_pathname or "home"): p.page_script_hash
                            for p in msg.navigation.app_pages}
        raise RuntimeError("no navigation message")

    return asyncio.run(asyncio.wait_for(ask(), timeout))


def measure(args) -> dict:
    sys.path.insert(0, str(args.app_dir))
    from ui.layout import PAGES

    server_cpus = {int(c) for c in args.server_cpus.split(",")} if args.server_cpus else None
    clients = os.sched_getaffinity(0) - (server_cpus or set())
    if server_cpus and clients:  # the clients stay off the server's cores
        os.sched_setaffinity(0, clients)
    env, log_path, run_log = server_files("bench_server_load", args.env)
    report: dict = {"think_s": args.think, "server_cpus": sorted(server_cpus or []),
                    "rounds": []}
    started = time.monotonic()
    mirror, scratch = None, None
    if args.mnist == "synthetic":
        import tempfile

        scratch = tempfile.TemporaryDirectory()
        extra, mirror = mnist_environment(Path(scratch.name))
        env = {**extra, **env}
    server = Server(Path(args.app_dir), env, log_path, cpus=server_cpus, run_log=run_log)
    try:
        server.wait_healthy()
        hashes = _page_hashes(server.url, args.timeout)
        # The home page first, then the menu's order.
        pages = {p.key: hashes[page_slug(p) or "home"] for p in PAGES
                 if (page_slug(p) or "home") in hashes
                 and (not args.pages or p.key == "home" or p.key in args.pages)}
        slugs_by_key = {p.key: page_slug(p) for p in PAGES if p.key in pages}
        cores = len(server_cpus) if server_cpus else os.cpu_count()
        print(f"server {server.url} (pid {server.proc.pid}) on {cores} core(s) "
              f"{sorted(server_cpus) if server_cpus else 'any'}; clients on "
              f"{sorted(clients) if server_cpus and clients else 'any'}; "
              f"idle RSS {server.rss():.0f} MiB; log {log_path}", flush=True)
        print(f"pages visited: {', '.join(pages)}", flush=True)
        assets = browser_requests(server.url, slugs_by_key)
        report["browser_requests"] = {step: len(urls) for step, urls in assets.items()}
        static = {u for urls in assets.values() for u in urls if "/static/" in u}
        print(f"a browser's requests, replayed by every session: {len(assets.get('home', ()))} "
              f"for the first load, {sum(map(len, assets.values()))} in a whole visit "
              f"({len(static)} different static files)", flush=True)
        warm = Stats()
        asyncio.run(_sessions(server.url, pages, warm, 1, 0, 0, args.timeout, 0, warm=True))
        for problem in warm.stuck + warm.exceptions:
            print(f"warm-up: {problem}", flush=True)
        rss_warm = server.rss()
        print(f"warm-up done; RSS {rss_warm:.0f} MiB\n", flush=True)
        if args.mnist == "synthetic":
            report["mnist"] = mnist_memory(server, pages, args.mnist_sessions, args.timeout)
        print(f"timed: the {args.duration:.0f} s after the last session of a round arrived "
              f"(they arrive over {args.ramp:.0f} s); latency: the sessions that do not train")
        print(f"{'sessions':>8} {'actions':>8} {'per s':>6} {'p50 s':>7} {'p95 s':>7} "
              f"{'max s':>7} {'server core':>12} {'CPU s/action':>13} {'MiB/session':>12} "
              f"{'trainers':>8}  problems")
        for n, share in [(n, share) for n in args.n if n > 0 for share in args.trainers]:
            if time.monotonic() - started > args.time_limit:
                print(f"time limit reached before {n} sessions")
                break
            stats, trainer_stats = Stats(), Stats()
            rss0 = server.rss()
            meter = asyncio.run(_sessions(
                server.url, pages, stats, n, args.ramp, args.think, args.timeout,
                1 + sum(r["sessions"] for r in report["rounds"]), assets=assets,
                duration=args.duration, server=server, trainers=share,
                trainer_stats=trainer_stats, train_wait=args.train_wait))
            report["rounds"].append(_round(n, stats, args.duration, meter, rss0, cores,
                                           run_log, trainer_stats))
            time.sleep(args.pause)
        report["rss_warm"] = rss_warm
        report["peak_rss"] = peak_rss(server.proc.pid)
        print(f"the server's peak memory over the whole run: {report['peak_rss']:.0f} MiB")
    finally:
        server.stop()
        if mirror is not None:
            mirror.shutdown()
            scratch.cleanup()
    report["seconds"] = time.monotonic() - started
    return report


def _round(n, stats, span, meter, rss0, cores, run_log, trainer_stats=None) -> dict:
    """One round's figures: latency of the actions started in the window by the sessions
    that do not train, the server's CPU in it (per action of any session, and as a share of
    its cores), its memory at the window's end; the trainers' figures apart."""
    trainer_stats = trainer_stats or Stats()
    values = [x for name, v in stats.latencies.items() if name != "first load" for x in v]
    theirs = [x for name, v in trainer_stats.latencies.items()
              if name not in ("first load", "timer", "train to results") for x in v]
    timers = trainer_stats.latencies.get("timer", [])
    cpu = meter.get("cpu", {"server": float("nan"), "benchmark": float("nan")})
    first = stats.latencies.get("first load", [])
    r = {"sessions": n, "seconds": span, "actions": len(values),
         "per_second": len(values) / span,
         "p50": _pct(values, 50), "p95": _pct(values, 95), "max": max(values, default=0.0),
         "per_kind": {k: {"n": len(v), "p50": _pct(v, 50), "p95": _pct(v, 95)}
                      for k, v in sorted(stats.latencies.items())},
         "first_load": {"n": len(first), "p50": _pct(first, 50), "p95": _pct(first, 95)},
         "server_cpu_s": cpu["server"], "client_cpu_s": cpu["benchmark"],
         "server_cores": cpu["server"] / max(meter.get("wall1", 0) - meter.get("wall0", 0),
                                             1e-9) / cores,
         "cpu_per_action": cpu["server"] / max(len(values) + len(theirs) + len(timers), 1),
         "mib_per_session": (meter.get("rss", float("nan")) - rss0) / n,
         "exceptions": stats.exceptions + trainer_stats.exceptions,
         "failed_requests": stats.console + trainer_stats.console,
         "stuck": stats.stuck + trainer_stats.stuck,
         "missing": sorted(stats.missing | trainer_stats.missing),
         "trainers": trainer_stats.sessions, "trainer_actions": len(theirs),
         "trainer_p95": _pct(theirs, 95), "timer_runs": len(timers),
         "timer_p95": _pct(timers, 95),
         "train_to_results": sorted(trainer_stats.latencies.get("train to results", [])),
         "trainings_not_done": sum(trainer_stats.no_rerun.values()),
         "server_runs": _server_runs(run_log, meter.get("wall0", 0), meter.get("wall1", 0))}
    problems = f"{len(r['exceptions'])} exceptions, {len(r['stuck'])} stuck"
    if r["failed_requests"]:
        problems += f", {len(r['failed_requests'])} failed requests"
    if r["missing"]:
        problems += f"; not found: {'; '.join(r['missing'][:3])}"
    print(f"{n:>8} {r['actions']:>8} {r['per_second']:>6.1f} {r['p50']:>7.3f} "
          f"{r['p95']:>7.3f} {r['max']:>7.2f} {r['server_cores']:>12.0%} "
          f"{r['cpu_per_action']:>13.3f} {r['mib_per_session']:>12.2f} {r['trainers']:>8}  "
          f"{problems}", flush=True)
    for line in (r["exceptions"][:3] + r["stuck"][:3] + r["failed_requests"][:3]):
        print(f"    {line}")
    runs = r["server_runs"]
    if runs:
        print("    the server's runs: " + ", ".join(
            f"{kind} {v['n']} (p50 {v['p50'] * 1000:.0f} ms, p95 {v['p95'] * 1000:.0f} ms)"
            for kind, v in runs.items()))
    kinds = ", ".join(f"{k} {v['p50']:.3f}/{v['p95']:.3f}" for k, v in r["per_kind"].items()
                      if k != "first load")
    print(f"    p50/p95 by action, s: {kinds}", flush=True)
    if r["trainers"]:
        done = r["train_to_results"]
        print(f"    {r['trainers']} trainers: {r['trainer_actions']} other actions (p95 "
              f"{r['trainer_p95']:.3f} s), {r['timer_runs']} timer runs (p95 "
              f"{r['timer_p95']:.3f} s); Train to results {len(done)} times (p50 "
              f"{_pct(done, 50):.1f} s, max {max(done, default=float('nan')):.1f} s), "
              f"{r['trainings_not_done']} not done within --train-wait", flush=True)
    print(f"    first loads (arriving, not in the window): {r['first_load']['n']}, p50 "
          f"{r['first_load']['p50']:.2f} s, p95 {r['first_load']['p95']:.2f} s; the clients "
          f"used {r['client_cpu_s']:.1f} CPU s in the window", flush=True)
    return r


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--sessions", dest="n", type=int, nargs="+", default=[30, 60, 90],
                        help="concurrent sessions, one round each (default 30 60 90)")
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean pause between a session's actions, seconds (default 1)")
    parser.add_argument("--ramp", type=float, default=20.0,
                        help="seconds over which a round's sessions arrive (default 20)")
    parser.add_argument("--duration", type=float, default=60.0,
                        help="seconds timed after the last session arrived (default 60)")
    parser.add_argument("--pause", type=float, default=5.0,
                        help="seconds between rounds (default 5)")
    parser.add_argument("--server-cpus", default="0",
                        help="cores the server may use, e.g. 0 or 0,1; empty: any (default 0)")
    parser.add_argument("--pages", nargs="+", metavar="KEY",
                        help="visit only these pages (and home), e.g. the eight the README's "
                             "first table was measured with; default: every page")
    parser.add_argument("--trainers", type=float, nargs="+", default=[0.0],
                        help="share of the sessions that train on the network page; several "
                             "make rounds of their own (default 0)")
    parser.add_argument("--train-wait", type=float, default=90.0,
                        help="seconds a trainer watches its training before moving on "
                             "(default 90)")
    parser.add_argument("--mnist", choices=["none", "synthetic"], default="none",
                        help="synthetic: first measure the server's memory with MNIST-sized "
                             "data, served from 127.0.0.1 (default none)")
    parser.add_argument("--mnist-sessions", type=int, default=4,
                        help="sessions asking for MNIST at once in that measure (default 4)")
    parser.add_argument("--time-limit", type=float, default=1800.0,
                        help="start no new round after this many seconds (default 1800)")
    server_arguments(parser)
    args = parser.parse_args(argv)
    report = run_until_stopped(lambda: measure(args), "the server and the sessions")
    if report is None:
        return 130
    ok = [r for r in report["rounds"] if r["p95"] < TARGET and not r["stuck"]
          and not r["exceptions"] and not r["failed_requests"] and not r["missing"]]
    if ok:
        best = max(ok, key=lambda r: r["sessions"])
        print(f"\nmost sessions with p95 < {TARGET} s and no problems: {best['sessions']} "
              f"(think {args.think} s, {len(report['server_cpus']) or os.cpu_count()} server "
              f"core(s))")
    return report_done(report, args.json)


if __name__ == "__main__":
    sys.exit(main())
