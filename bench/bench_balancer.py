"""Copies of the app behind HAProxy (``deploy/``): what one copy and two copies carry, measured
in the same run, that every session stays on its copy, and what stopping a copy costs.

The students are ``bench_server_load.py``'s: clients of Streamlit's own protocol (no browsers),
each making the HTTP requests a browser makes, recorded once with chromium, and going round every
page with the classroom benchmark's actions, pausing ``--think`` seconds on average before each.
Here they go through the balancer as a browser does: the page first (HAProxy's answer sets the
cookie naming the browser's copy), then its scripts and the websocket with that cookie. Every
answer carries HAProxy's ``X-Copy`` header: an answer from another copy than the cookie's is
counted (it must never happen).

Two deployments run side by side (``deploy/serve.py``'s :class:`Deployment`): one copy, and two
copies (``--copies``); with ``--pin`` each copy is pinned to a core of its own (copy *i* on core
*i*), else the system places them; the students and HAProxy run on any core. For each ``-n`` the
rounds alternate between them, so that both meet the same machine: the students arrive over
``--ramp`` seconds, then ``--duration`` seconds are timed (latency from sending an action to the
end of the run it started). Each round prints the actions a second, p50/p95, the share of a core
each copy, HAProxy and the students (this process) used, the sessions per copy, answers from
another copy, exceptions and stuck sessions; at the end, the most students each deployment
carried with p95 < 1.5 s.

Then (``--failover K``, default 20) K students on the two-copy deployment, and copy 2 stopped
a third of the way into ``--failover-duration`` seconds: copy 1's students must all carry on
(none stuck); copy 2's each "reload" (the page with their old cookie and their last link, then a
new session with that link): each must land on copy 1, be given its cookie, see no link problem,
and get back the same link and the same tables as before the stop.

    python3 bench/bench_balancer.py                          # 20 40 60 80 100; ~17 minutes
    python3 bench/bench_balancer.py -n 30 --duration 20 --failover 6     # a quick look
    python3 bench/bench_balancer.py -n --copies 2            # the failover check alone

Ports: ``--port`` (default 8630) and the next four for the one-copy deployment (balancer,
copy, statistics), ``--port + 5`` and on for the two-copy one. Everything it starts is
stopped at the end, also on errors, Ctrl-C and ``kill``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_classroom import (Stats, _pct, page_slug, report_done,  # noqa: E402
                             run_until_stopped, server_arguments)
from bench_server_load import TARGET, Client, Stuck, _page_hashes, browser_requests  # noqa: E402

from deploy.serve import COOKIE, Deployment  # noqa: E402

#: The words that open the frame's warning about a link it could not use in full.
LINK_PROBLEM = "problem.link.intro"


def _get(address: str, cookie: str) -> tuple[str, str, str]:
    """GET as a browser does: (failure or "", the X-Copy that answered, a Set-Cookie value)."""
    headers = {"Accept-Encoding": "gzip, br"}
    if cookie:
        headers["Cookie"] = cookie
    try:
        with urllib.request.urlopen(urllib.request.Request(address, headers=headers),
                                    timeout=60) as answer:
            answer.read()
            return "", answer.headers.get("X-Copy", "?"), \
                answer.headers.get("Set-Cookie", "").split(";")[0]
    except OSError as e:
        return f"GET {address}: {e}"[:240], "?", ""


class Sticky:
    """What the balancer did with the students' requests."""

    def __init__(self) -> None:
        self.answers = 0
        self.elsewhere: list[str] = []   # answered by another copy than the cookie's
        self.copies: Counter = Counter()  # sessions per copy


class StickyClient(Client):
    """A student of ``bench_server_load.py`` behind the balancer: a cookie, checked answers."""

    def __init__(self, url: str, *args, sticky: Sticky, **kwargs):
        super().__init__(url, *args, **kwargs)
        self.base, self.sticky = url, sticky
        self.cookie, self.copy = "", ""

    def _answered(self, copy: str, what: str) -> None:
        self.sticky.answers += 1
        if copy != self.copy:
            self.sticky.elsewhere.append(f"session {self.number}: {what} answered by {copy}, "
                                         f"its cookie names {self.copy}")

    async def _fetch(self, step: str) -> None:
        loop = asyncio.get_running_loop()
        urls = [u for u in self.assets.get(step, ()) if u not in self.cached]
        if not self.cookie:  # a browser asks for the page alone first
            first = urls.pop(0) if urls else self.base + "/"
            failure, copy, cookie = await loop.run_in_executor(self.executor, _get, first, "")
            if failure or not cookie.startswith(COOKIE + "="):
                raise Stuck(f"no copy cookie from the balancer ({failure or 'no Set-Cookie'})")
            self.cookie, self.copy = cookie, cookie.split("=", 1)[1]
            self.sticky.copies[self.copy] += 1
            self._answered(copy, "the page")
        self.cached.update(u for u in urls if "/static/" in u)
        results = await asyncio.gather(*(loop.run_in_executor(
            self.executor, _get, u, self.cookie) for u in urls))
        for address, (failure, copy, _) in zip(urls, results):
            if failure:
                self.stats.console.append(failure)
            else:
                self._answered(copy, address.rsplit("/", 1)[-1][:40])

    async def _rerun(self, kind: str, *, query: str | None = None, **kwargs) -> None:
        if query is not None:  # a new page's address: its own query, not the last page's
            self.query = query
        await super()._rerun(kind, query=query, **kwargs)

    async def connect(self):
        import websockets

        ws = await websockets.connect(
            self.ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=self.timeout,
            additional_headers={"Cookie": self.cookie})
        self._answered(ws.response.headers.get("X-Copy", "?"), "the websocket")
        return ws

    async def run(self) -> None:
        try:
            start = time.monotonic()
            await self._fetch("home")
            async with await self.connect() as ws:
                self.ws = ws
                reader = asyncio.create_task(self._read())
                try:
                    await self._visit(start)
                finally:
                    reader.cancel()
        except Stuck as e:
            self.stats.stuck.append(f"session {self.number} ({self.copy}) on {self.where}: {e}")
        except Exception as e:  # noqa: BLE001 - a dropped connection is a stuck session too
            self.stats.stuck.append(f"session {self.number} ({self.copy}) on {self.where}: "
                                    f"{type(e).__name__}: {str(e).splitlines()[0][:160]}")
        finally:
            self.stats.sessions += 1

    # ---- after its copy stopped -----------------------------------------------------------
    def tables(self) -> list[list[list[str]]]:
        """The page's editable tables as the student sees them: the server's last drawing of
        each, with the student's cell edits since then on top (as the grid shows them)."""
        import pyarrow as pa

        out = []
        for _, (name, proto, _) in sorted(self.elements.items()):
            if name == "dataframe" and proto.editing_mode:
                frame = pa.ipc.open_stream(proto.arrow_data.data).read_all().to_pandas()
                for row, cells in self.edits.get(proto.id, {}).items():
                    for column, value in cells.items():
                        frame.iloc[int(row), frame.columns.get_loc(column)] = str(value)
                out.append(frame.astype(str).values.tolist())
        return out

    async def reload(self) -> dict:
        """What a reload does: the page with the old cookie and the link, then a new session
        that opens the link; returns what came back."""
        from ui.strings import STRINGS

        query, page, tables = self.query, self.current, self.tables()
        link = self.base + "/" + (f"?{query}" if query else "")
        loop = asyncio.get_running_loop()
        failure, copy, cookie = await loop.run_in_executor(self.executor, _get, link,
                                                           self.cookie)
        before = self.copy
        if cookie.startswith(COOKIE + "="):
            self.cookie, self.copy = cookie, cookie.split("=", 1)[1]
        self.elements.clear()
        self.edits.clear()  # a new session: a new grid
        self.finished = asyncio.Queue()  # this event loop's
        async with await self.connect() as ws:
            self.ws = ws
            reader = asyncio.create_task(self._read())
            try:
                await self._rerun("reload", page_script_hash=page, query=query)
            finally:
                reader.cancel()
        warnings = [proto.body for name, proto, _ in self.elements.values()
                    if name == "alert" and any(proto.body.startswith(w)
                                               for w in STRINGS[LINK_PROBLEM])]
        after = self.tables()
        return {"failure": failure, "answered_by": copy, "copy_before": before,
                "copy_after": self.copy, "same_link": self.query == query,
                "link": query[:300], "link_after": self.query[:300],
                "link_problems": len(warnings), "warnings": [w[:300] for w in warnings],
                "same_tables": all(t in after for t in tables),
                "tables": len(tables)}


# ---- Runs -------------------------------------------------------------------------------------
def _cpu(deployment: Deployment) -> dict[str, float]:
    """CPU seconds used so far by each copy's process group and by HAProxy."""
    tick = os.sysconf("SC_CLK_TCK")
    groups = {c.proc.pid: c.name for c in deployment.copies}
    if deployment.balancer is not None:
        groups[deployment.balancer.pid] = "haproxy"
    used = dict.fromkeys(groups.values(), 0.0)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                raw = (entry / "stat").read_text()
            except OSError:
                continue
            fields = raw[raw.rindex(")") + 2:].split()
            if int(fields[2]) in groups:
                used[groups[int(fields[2])]] += (int(fields[11]) + int(fields[12])) / tick
    return used


async def _students(deployment: Deployment, pages: dict[str, str], stats: Stats,
                    sticky: Sticky, n: int, args, first: int, assets: dict,
                    duration: float, during=None) -> tuple[dict, list[StickyClient]]:
    """N students through the balancer, arriving over ``--ramp`` seconds and going round the
    pages until ``duration`` seconds after the last one arrived (the timed window). ``during``:
    a function run (in a thread) a third of the way into the window."""
    from concurrent.futures import ThreadPoolExecutor

    start = time.monotonic()
    window = (start + args.ramp, start + args.ramp + duration)
    meter: dict = {}
    clients: list[StickyClient] = []

    async def one(k: int) -> None:
        await asyncio.sleep(args.ramp * k / max(n, 1))
        client = StickyClient(deployment.url, pages, stats, args.think, args.timeout,
                              first + k, False, assets, window, executor, sticky=sticky)
        clients.append(client)
        await client.run()

    async def read_meter() -> None:
        await asyncio.sleep(max(0.0, window[0] - time.monotonic()))
        meter["cpu0"], meter["wall0"] = _cpu(deployment), time.monotonic()
        meter["students0"] = time.process_time()
        if during is not None:
            await asyncio.sleep(duration / 3)
            await asyncio.get_running_loop().run_in_executor(None, during)
        await asyncio.sleep(max(0.0, window[1] - time.monotonic()))
        cpu1 = _cpu(deployment)
        meter["cpu"] = {k: cpu1[k] - meter["cpu0"].get(k, 0.0) for k in cpu1}
        meter["cpu"]["students"] = time.process_time() - meter["students0"]
        meter["wall1"] = time.monotonic()

    with ThreadPoolExecutor(max(8, min(n * 2, 64))) as executor:
        await asyncio.gather(read_meter(), *(one(k) for k in range(n)))
    return meter, clients


def _round(name: str, n: int, stats: Stats, sticky: Sticky, meter: dict, span: float) -> dict:
    values = [x for kind, v in stats.latencies.items() if kind != "first load" for x in v]
    wall = max(meter.get("wall1", 0) - meter.get("wall0", 0), 1e-9)
    r = {"deployment": name, "sessions": n, "actions": len(values),
         "per_second": len(values) / span, "p50": _pct(values, 50), "p95": _pct(values, 95),
         "max": max(values, default=0.0),
         "cores": {k: v / wall for k, v in meter.get("cpu", {}).items()},
         "per_copy": dict(sorted(sticky.copies.items())), "answers": sticky.answers,
         "elsewhere": sticky.elsewhere, "exceptions": stats.exceptions, "stuck": stats.stuck,
         "failed_requests": stats.console, "missing": sorted(stats.missing)}
    cores = ", ".join(f"{k} {v:.0%}" for k, v in r["cores"].items())
    print(f"{name:>9} {n:>8} {r['actions']:>8} {r['per_second']:>6.1f} {r['p50']:>7.3f} "
          f"{r['p95']:>7.3f} {r['max']:>7.2f}  {cores}; sessions per copy "
          f"{r['per_copy']}; {len(r['elsewhere'])} of {r['answers']} answers from another "
          f"copy; {len(r['exceptions'])} exceptions, {len(r['stuck'])} stuck, "
          f"{len(r['failed_requests'])} failed requests", flush=True)
    for line in (r["elsewhere"][:3] + r["exceptions"][:3] + r["stuck"][:3]
                 + r["failed_requests"][:3]):
        print(f"    {line}")
    return r


def _failover(deployment: Deployment, pages, assets, args, first: int) -> dict:
    """K students on two copies; copy 2 stopped a third of the way into the window."""
    stats, sticky = Stats(), Sticky()
    meter, clients = asyncio.run(_students(
        deployment, pages, stats, sticky, args.failover, args, first, assets,
        args.failover_duration, during=lambda: deployment.stop_copy(2)))
    on = {c.number: c.copy for c in clients}
    kept = [c for c in clients if c.copy == "app1"]
    lost = [c for c in clients if c.copy == "app2"]
    stuck_kept = [s for s in stats.stuck if "(app1)" in s]

    async def reload_all() -> list[dict]:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(8) as executor:
            for c in lost:
                c.executor = executor  # the round's threads are gone
            return [await c.reload() for c in lost]

    reloads = asyncio.run(reload_all())
    good = [r for r in reloads if not r["failure"] and r["answered_by"] == "app1"
            and r["copy_after"] == "app1" and r["same_link"] and not r["link_problems"]
            and r["same_tables"]]
    report = {"students": len(on), "on_app1": len(kept), "on_app2": len(lost),
              "app1_stuck": stuck_kept, "app1_exceptions": stats.exceptions,
              "app2_disconnected": len(stats.stuck) - len(stuck_kept), "reloads": reloads,
              "reloads_good": len(good), "elsewhere": sticky.elsewhere,
              "tables_checked": sum(r["tables"] for r in reloads)}
    print(f"\nfailover: {len(on)} students, {len(kept)} on app1 and {len(lost)} on app2; app2 "
          f"stopped {args.failover_duration / 3:.0f} s into the window")
    print(f"  app1's students: {len(stuck_kept)} stuck (must be 0); the app showed "
          f"{len(stats.exceptions)} exceptions (its own: tracebacks in the copies' logs); "
          f"{len(sticky.elsewhere)} answers from another copy than the cookie's (app2's "
          f"students' requests sent to app1 once app2 stopped)")
    print(f"  app2's students: {report['app2_disconnected']} disconnected; after a reload "
          f"{len(good)} of {len(lost)} on app1 with the same link and tables, no link "
          f"problem ({report['tables_checked']} tables compared)")
    for r in reloads:
        if r not in good:
            print(f"    {r}")
    for line in stuck_kept[:3]:
        print(f"    {line}")
    return report


def measure(args) -> dict:
    from ui.layout import PAGES

    started = time.monotonic()
    env = {"BITS_TO_LOSSES_MNIST_MIRRORS": "http://127.0.0.1:9/",
           **dict(kv.split("=", 1) for kv in args.env)}
    deployments = {f"{k} cop{'y' if k == 1 else 'ies'}": Deployment(
        k, args.port + 5 * i, address="127.0.0.1", stats_port=args.port + 5 * i + 4,
        pin=args.pin, env=env) for i, k in enumerate(args.copies)}
    report: dict = {"think_s": args.think, "rounds": [], "cores": os.cpu_count()}
    try:
        for name, d in deployments.items():
            d.start()
            cores = [i % len(os.sched_getaffinity(0)) for i in range(len(d.copies))]
            print(f"{name}: balancer {d.url}, copies on ports {d.copy_ports}"
                  f"{f' pinned to cores {cores}' if args.pin else ''}, logs {d.log_dir}",
                  flush=True)
        first = next(iter(deployments.values()))
        hashes = _page_hashes(first.url, args.timeout)
        pages = {p.key: hashes[page_slug(p) or "home"] for p in PAGES
                 if (page_slug(p) or "home") in hashes}
        recorded = browser_requests(first.url, {p.key: page_slug(p) for p in PAGES
                                                if p.key in pages})
        print(f"a browser's requests, replayed by every student: "
              f"{len(recorded.get('home', ()))} for the first load, "
              f"{sum(map(len, recorded.values()))} in a whole visit", flush=True)
        assets = {name: {step: tuple(u.replace(first.url, d.url) for u in urls)
                         for step, urls in recorded.items()}
                  for name, d in deployments.items()}
        for d in deployments.values():  # every copy warmed directly, not through HAProxy
            for copy in d.copies:
                asyncio.run(_warm(copy.url, pages, args.timeout))
        print(f"\ntimed: the {args.duration:.0f} s after the last student of a round arrived "
              f"(they arrive over {args.ramp:.0f} s); think {args.think} s")
        print(f"{'':>9} {'students':>8} {'actions':>8} {'per s':>6} {'p50 s':>7} {'p95 s':>7} "
              f"{'max s':>7}  share of a core used by each copy, haproxy, the students; ...")
        number = 1
        for n in args.n:
            for name, d in deployments.items():
                if time.monotonic() - started > args.time_limit:
                    print("time limit reached")
                    break
                stats, sticky = Stats(), Sticky()
                meter, _ = asyncio.run(_students(d, pages, stats, sticky, n, args, number,
                                                 assets[name], args.duration))
                number += n
                report["rounds"].append(_round(name, n, stats, sticky, meter, args.duration))
                time.sleep(args.pause)
        report["carried"] = {}
        for name in deployments:
            # Exceptions are the app's own (printed with each round), not the balancer's.
            ok = [r["sessions"] for r in report["rounds"] if r["deployment"] == name
                  and r["p95"] < TARGET and not r["stuck"] and not r["failed_requests"]
                  and not r["elsewhere"]]
            report["carried"][name] = max(ok, default=0)
        print("\nmost students with p95 < 1.5 s, none stuck, no failed request, no answer from "
              "another copy: " + "; ".join(
            f"{name} {n or 'none of those tried'}" for name, n in report["carried"].items()))
        two = [d for d in deployments.values() if len(d.copies) >= 2]
        if args.failover and two:
            report["failover"] = _failover(two[0], pages, assets[next(
                name for name, d in deployments.items() if d is two[0])], args, number)
    finally:
        for d in deployments.values():
            d.stop()
    report["seconds"] = time.monotonic() - started
    return report


async def _warm(url: str, pages: dict[str, str], timeout: float) -> None:
    stats = Stats()
    await Client(url, pages, stats, 0, timeout, 0, True).run()
    for problem in stats.stuck + stats.exceptions:
        print(f"warm-up {url}: {problem}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--students", dest="n", type=int, nargs="*",
                        default=[20, 40, 60, 80, 100],
                        help="students, one round per deployment (none: the failover only)")
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 2],
                        help="the deployments compared, by their copies (default 1 2)")
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean pause before each action, seconds (default 1)")
    parser.add_argument("--ramp", type=float, default=20.0,
                        help="seconds over which a round's students arrive (default 20)")
    parser.add_argument("--duration", type=float, default=60.0,
                        help="seconds timed after the last student arrived (default 60)")
    parser.add_argument("--pause", type=float, default=5.0, help="seconds between rounds")
    parser.add_argument("--failover", type=int, default=20,
                        help="students in the failover check (0: none; default 20)")
    parser.add_argument("--failover-duration", type=float, default=45.0,
                        help="seconds of the failover check's window (default 45)")
    parser.add_argument("--pin", action="store_true",
                        help="pin copy i to core i (default: the system places the copies)")
    parser.add_argument("--port", type=int, default=8630,
                        help="first of the ports used (5 per deployment; default 8630)")
    parser.add_argument("--time-limit", type=float, default=3600.0,
                        help="start no new round after this many seconds (default 3600)")
    server_arguments(parser)
    args = parser.parse_args(argv)
    report = run_until_stopped(lambda: measure(args), "the deployments and the students")
    if report is None:
        return 130
    return report_done(report, args.json)


if __name__ == "__main__":
    sys.exit(main())
