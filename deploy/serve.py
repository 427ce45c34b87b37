"""Serve a class: N copies of the app on loopback ports and HAProxy in front of them.

    python3 deploy/serve.py                      # 2 copies, students open http://<host>:8500/
    python3 deploy/serve.py --copies 3 --port 8080
    python3 deploy/serve.py --check              # only check HAProxy's configuration

A Streamlit session lives in one process (its websocket and its state), so the copies sit behind
a balancer with sticky sessions: HAProxy with ``deploy/haproxy.cfg`` (websockets, a cookie naming
each browser's copy, health checks on ``/_stcore/health``). Every copy gets the same
``server.cookieSecret`` (Streamlit 1.67 takes it only from the environment or a configuration
file, not as a command-line flag): ``STREAMLIT_SERVER_COOKIE_SECRET`` if it is set, else one
drawn at random for this start. Copies listen on 127.0.0.1 only, on the ports after the
balancer's (8501, 8502, ...); HAProxy's page of statistics is on 127.0.0.1, port + 9.

It runs in the foreground until Ctrl-C or SIGTERM, then stops HAProxy and every copy (each in
its own process group, so nothing is left behind). A copy that exits is reported; HAProxy's
health check then sends its students to the live copies. Logs go to a temporary folder it
prints. Needs ``haproxy`` (Debian: ``sudo apt-get install haproxy``).

The benchmark ``bench/bench_balancer.py`` and the browser test ``tests/browser/test_balancer.py``
use :class:`Deployment` from here.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = Path(__file__).resolve().parent / "haproxy.cfg"
COOKIE = "BTL_COPY"


def haproxy() -> str | None:
    """HAProxy's program, or None when it is not installed."""
    return shutil.which("haproxy") or next(
        (p for p in ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy") if Path(p).exists()), None)


def config_text(port: int, copy_ports: list[int], stats_port: int,
                address: str = "") -> str:
    """``deploy/haproxy.cfg`` with its ``bind`` line on ``address:port``, one ``server`` line per
    copy (``app1`` on the first port, ...) and the statistics on ``stats_port``."""
    text = CONFIG.read_text()
    text = re.sub(r"(?m)^(frontend class\n    bind )\S+", rf"\g<1>{address}:{port}", text)
    servers = "".join(f"    server app{i} 127.0.0.1:{p} cookie app{i}\n"
                      for i, p in enumerate(copy_ports, 1))
    text = re.sub(r"(?m)^    server app\d+ .*\n(?:    server app\d+ .*\n)*", servers, text)
    return re.sub(r"(?m)^(listen stats\n    bind 127\.0\.0\.1:)\d+", rf"\g<1>{stats_port}", text)


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
            return answer.read() == b"ok"
    except OSError:
        return False


class Copy:
    """One ``streamlit run app.py`` on 127.0.0.1:``port``, in its own process group."""

    def __init__(self, number: int, port: int, env: dict[str, str], log_dir: Path,
                 cpus: set[int] | None = None, command: list[str] | None = None):
        self.number, self.port, self.name = number, port, f"app{number}"
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = log_dir / f"{self.name}.log"
        self._log = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        start = command or [sys.executable, "-m", "streamlit"]
        self.proc = subprocess.Popen(
            [*start, "run", "app.py", "--server.port", str(port), "--server.address",
             "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self, timeout: float = 15.0) -> None:
        _stop_group(self.proc, timeout)
        self._log.close()


def _stop_group(proc: subprocess.Popen, timeout: float) -> None:
    """SIGTERM to the process's group, SIGKILL if it is still there after ``timeout``."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(5)


class Deployment:
    """``copies`` copies of the app and HAProxy in front: the balancer on ``address:port``,
    the copies on the ``copies`` ports after it (or ``copy_ports``), the statistics on
    ``stats_port`` (default ``port + 9``). Use as a context manager, or :meth:`start` and
    :meth:`stop`. ``pin``: copy *i* runs on core *i* modulo the cores there are (so that copies
    do not take turns on one core while another idles). ``env``: more environment for the
    copies (e.g. ``BITS_TO_LOSSES_MNIST_MIRRORS``)."""

    def __init__(self, copies: int = 2, port: int = 8500, *, address: str = "",
                 copy_ports: list[int] | None = None, stats_port: int | None = None,
                 log_dir: Path | None = None, pin: bool = False,
                 env: dict[str, str] | None = None, command: list[str] | None = None):
        if copies < 1:
            raise ValueError("at least one copy")
        self.port, self.address = port, address
        self.copy_ports = list(copy_ports or range(port + 1, port + 1 + copies))
        self.stats_port = stats_port or port + 9
        self.url = f"http://127.0.0.1:{port}"
        self.log_dir = Path(log_dir or tempfile.mkdtemp(prefix="bits-to-losses-serve-"))
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.pin, self.command = pin, command
        self.env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
        # The same secret on every copy (XSRF tokens of uploads); never on a command line.
        self.env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_urlsafe(32))
        self.copies: list[Copy] = []
        self.balancer: subprocess.Popen | None = None

    # ---- starting and stopping ------------------------------------------------------------
    def config(self) -> Path:
        """HAProxy's configuration for this deployment, written and checked."""
        program = haproxy()
        if program is None:
            raise RuntimeError("haproxy is not installed (Debian: sudo apt-get install haproxy)")
        path = self.log_dir / "haproxy.cfg"
        path.write_text(config_text(self.port, self.copy_ports, self.stats_port, self.address))
        check = subprocess.run([program, "-c", "-q", "-f", str(path)], capture_output=True,
                               text=True)
        if check.returncode != 0:
            raise RuntimeError(f"haproxy refuses {path}: {check.stderr or check.stdout}")
        return path

    def start(self, timeout: float = 120.0) -> "Deployment":
        config = self.config()
        cores = sorted(os.sched_getaffinity(0))
        try:
            for i, port in enumerate(self.copy_ports):
                cpus = {cores[i % len(cores)]} if self.pin else None
                self.copies.append(Copy(i + 1, port, self.env, self.log_dir, cpus,
                                        self.command))
            self.balancer_log = open(self.log_dir / "haproxy.log", "w")  # noqa: SIM115
            self.balancer = subprocess.Popen(
                [haproxy(), "-db", "-f", str(config)], stdout=self.balancer_log,
                stderr=subprocess.STDOUT, start_new_session=True)
            deadline = time.monotonic() + timeout
            waiting = list(self.copies)
            while waiting:
                for copy in list(waiting):
                    if not copy.alive():
                        raise RuntimeError(f"{copy.name} exited; its log: {copy.log_path}")
                    if _healthy(copy.url):
                        waiting.remove(copy)
                if self.balancer.poll() is not None:
                    raise RuntimeError(f"haproxy exited; its log: {self.log_dir}/haproxy.log")
                if waiting and time.monotonic() > deadline:
                    raise RuntimeError(f"no answer from {', '.join(c.name for c in waiting)}")
                time.sleep(0.3)
            while self.healthy_copies() != len(self.copies):  # HAProxy's own checks
                if time.monotonic() > deadline:
                    raise RuntimeError("haproxy does not see every copy as up")
                time.sleep(0.3)
        except BaseException:
            self.stop()
            raise
        return self

    def stop_copy(self, number: int) -> None:
        """Stop copy ``number`` (1-based), as a crash or a restart would."""
        self.copies[number - 1].stop()

    def stop(self) -> None:
        """HAProxy first (no new requests), then every copy; nothing is left running."""
        if self.balancer is not None:
            _stop_group(self.balancer, 10.0)
            self.balancer_log.close()
            self.balancer = None
        for copy in self.copies:
            copy.stop()

    def __enter__(self) -> "Deployment":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # ---- what HAProxy sees ----------------------------------------------------------------
    def stats(self) -> dict[str, dict[str, str]]:
        """HAProxy's statistics for each copy (``app1`` ...): ``status`` (UP/DOWN), ``scur``
        (connections open now), ``stot`` (all so far), ... (its CSV, one row per server)."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.stats_port}/;csv",
                                        timeout=5) as answer:
                lines = answer.read().decode().splitlines()
        except OSError:
            return {}
        header = lines[0].lstrip("# ").split(",")
        rows = [dict(zip(header, line.split(","))) for line in lines[1:] if line]
        return {r["svname"]: r for r in rows if r.get("pxname") == "copies"
                and r["svname"].startswith("app")}

    def healthy_copies(self) -> int:
        return sum(1 for r in self.stats().values() if r.get("status", "").startswith("UP"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=2, help="copies of the app (default 2)")
    parser.add_argument("--port", type=int, default=8500,
                        help="the balancer's port, which students open (default 8500); the "
                             "copies take the ports after it, the statistics port + 9")
    parser.add_argument("--address", default="",
                        help="the balancer's address (default: every interface)")
    parser.add_argument("--pin", action="store_true",
                        help="run copy i on core i (modulo the cores there are)")
    parser.add_argument("--check", action="store_true",
                        help="write and check HAProxy's configuration, start nothing")
    args = parser.parse_args(argv)
    deployment = Deployment(args.copies, args.port, address=args.address, pin=args.pin)
    if args.check:
        print(f"valid: {deployment.config()}")
        return 0
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    print(f"starting {args.copies} copies and haproxy; logs in {deployment.log_dir}", flush=True)
    deployment.start()
    try:
        host = args.address or "<this machine>"
        print(f"serving on http://{host}:{args.port}/ ({args.copies} copies on ports "
              f"{', '.join(map(str, deployment.copy_ports))}; statistics on "
              f"http://127.0.0.1:{deployment.stats_port}/). Ctrl-C stops everything.",
              flush=True)
        reported: set[str] = set()
        while not stop.wait(2.0):
            for copy in deployment.copies:
                if not copy.alive() and copy.name not in reported:
                    reported.add(copy.name)
                    print(f"{copy.name} exited (code {copy.proc.returncode}); its students "
                          f"go to the other copies. Log: {copy.log_path}", flush=True)
            if deployment.balancer is not None and deployment.balancer.poll() is not None:
                print("haproxy exited; stopping", flush=True)
                break
    finally:
        deployment.stop()
        print("stopped haproxy and every copy", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
