"""A real `streamlit run` server on a free port and Debian's chromium driven by Playwright."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "tests" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(log_name: str, poll: float = 0.3):
    """``streamlit run app.py`` as a user starts it, on a free port; yields its address once
    ``/_stcore/health`` answers (no page has been requested yet), stops it afterwards."""
    port = _free_port()
    SHOTS.mkdir(parents=True, exist_ok=True)
    log = open(SHOTS / log_name, "w")  # noqa: SIM115 - closed with the server below
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.read() == b"ok":
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit server did not start (log: {SHOTS / log_name})")
            time.sleep(poll)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        log.close()


@pytest.fixture(scope="session")
def server():
    """One server for the whole browser session."""
    with running_server("server.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's chromium: Playwright must never download a browser of its own (no network here).
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash tests/run.sh`, which installs it")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True,
            "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run"]}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}}


def wait_ready(page: Page) -> None:
    """Wait until the script run triggered by the last action has finished."""
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_timeout(300)  # let a rerun that is about to start do so
    page.wait_for_selector(READY, timeout=60_000)


#: The statements of a page predicate that return false until every chart is drawn and every
#: formula typeset (also the benchmarks' test of a page that has settled: bench/bench_browser.py,
#: bench/bench_first_load.py).
DRAWN_CHECKS = """
  for (const c of document.querySelectorAll('[data-testid="stVegaLiteChart"]'))
    if (!c.querySelector('canvas, svg')) return false;
  for (const m of document.querySelectorAll('[data-testid="stMarkdownContainer"]'))
    if (m.textContent.includes('$$')) return false;
"""
#: Every chart drawn and every formula typeset.
DRAWN = "() => {" + DRAWN_CHECKS + "  return true;\n}"


def wait_drawn(page: Page) -> None:
    """Wait until every chart of the page is drawn and every formula typeset."""
    page.wait_for_function(DRAWN, timeout=30_000)


def open_app(page: Page, url: str) -> Page:
    page.goto(url)
    wait_ready(page)
    expect(page.locator("h1").first).to_be_visible(timeout=30_000)
    return page


def nav_link(page: Page, title: str):
    """The entry ``title`` of Streamlit's own page menu in the sidebar."""
    return page.locator('[data-testid="stSidebarNav"] [data-testid="stSidebarNavLink"]',
                        has_text=title)


def metric_value(page: Page, label: str):
    return page.locator('[data-testid="stMetric"]', has_text=label).first.locator(
        '[data-testid="stMetricValue"]')


def screenshot(page: Page, name: str, width: int = 1400) -> Path:
    """Save the whole page (Streamlit scrolls inside the app, so grow the viewport instead)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 1000})
    page.wait_for_timeout(400)  # the layout reflows at the new width before it is measured
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('section, div')]"
        ".map(e => e.scrollHeight))")
    # Chromium draws at most about 16,000 px in one screenshot.
    page.set_viewport_size({"width": width, "height": min(max(height + 80, 800), 16000)})
    page.wait_for_timeout(600)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path


def edit_cell(page: Page, row: int, column: int, value: str) -> None:
    """Type into the data editor's canvas grid: select a cell, move to it, edit, Enter.

    ``column`` counts data columns from 0 (the label). The grid mirrors its selection in a
    hidden accessible table (cell ids ``glide-cell-<col>-<row>``, col 0 being the row marker),
    which tells us where the keyboard cursor really is.
    """
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # let the layout settle before aiming at a canvas pixel
    box = grid.bounding_box()
    x, y = box["x"] + 80, box["y"] + 35 * (row + 1) + 17
    # After a click elsewhere (the sidebar) the grid needs the pointer over it before a click
    # selects a cell.
    page.mouse.move(x, y)
    page.wait_for_timeout(200)
    page.mouse.click(x, y)
    target = f"glide-cell-{column + 1}-{row}"
    page.wait_for_timeout(300)
    for _ in range(column):
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(150)
    # The accessible mirror follows the keyboard cursor: prove we are on the intended cell.
    page.wait_for_function(f"() => document.activeElement?.id === '{target}'", timeout=5_000)
    expect(grid.locator(f'td[aria-selected="true"]#{target}')).to_have_count(1)
    page.keyboard.press("Enter")
    page.locator(".gdg-input").fill(value)
    page.keyboard.press("Enter")
