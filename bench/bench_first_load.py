"""First load of every page in a real browser on a quiet machine (issue 22: within 1.0 s of the
server answering).

Starts ``streamlit run app.py`` on a free loopback port and Debian's chromium through
Playwright. One untimed visit of every page first (the server's imports and shared caches: what
a class's second student meets). Then, for each page and each round, two first loads (each a
new Streamlit session):

- cold: a new browser context (no cache, cookies or storage): a first-time visitor, whose
  browser downloads and compiles the app's scripts, including the parts Streamlit loads only
  when a page shows them (charts, tables, code);
- warm: a new tab in a context that has already shown every page (the scripts cached): a
  student opening a page from a link during a lesson.

The time is taken from the server's answer to the page request (``responseEnd`` of the
navigation) until the page is ready to read:

- the script run has finished (the app's ``data-test-script-state`` is ``notRunning`` after
  the page's title appeared), and
- every chart has drawn (each ``stVegaLiteChart`` holds a canvas or an svg), and every formula
  is typeset (no ``stMarkdown`` still holding raw ``$$``).

It prints, per page, the median and the worst of the rounds of each kind, the medians' ratio to
the 1.0 s target, and their ratio to a bare Streamlit page's (``bench_browser.BARE_APP``: a
title, a slider and two buttons, served by a second server and loaded the same way in the same
rounds): what no app on this Streamlit can beat on this machine.

    python3 bench/bench_first_load.py                 # every page, 3 rounds
    python3 bench/bench_first_load.py --rounds 5 --pages neuron loss --width 390

Everything it starts is stopped at the end, also on errors and Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_browser import BARE_APP  # noqa: E402
from bench_classroom import ROOT, Server, page_slug, served_browser  # noqa: E402

sys.path.insert(0, str(ROOT))
from tests.browser.conftest import DRAWN_CHECKS  # noqa: E402
from ui.layout import PAGES as PAGE_INFO  # noqa: E402

TARGET = 1.0  # issue 22: a first-time visitor waits at most a second
#: Page key -> address path (the home page is the app's root), in the menu's order.
PAGES = {p.key: page_slug(p) for p in PAGE_INFO}

READY = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (!document.querySelector('h1')) return false;""" + DRAWN_CHECKS + """  return true;
}"""


def load_seconds(page, url: str) -> float:
    """Seconds from the server's answer to the page request until the page is ready."""
    page.goto(url, wait_until="commit")
    page.wait_for_function(READY, timeout=60_000, polling=20)
    # Ready must hold: a rerun that starts right after the first one is part of the load.
    page.wait_for_timeout(200)
    page.wait_for_function(READY, timeout=60_000, polling=20)
    ready = page.evaluate("() => performance.now()")
    answered = page.evaluate(
        "() => performance.getEntriesByType('navigation')[0].responseEnd")
    return (ready - answered - 200) / 1000


@contextlib.contextmanager
def bare_server():
    """A second server of a bare page (the app's own theme), stopped on the way out."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "bare"
        (folder / ".streamlit").mkdir(parents=True)
        (folder / "app.py").write_text(BARE_APP)
        shutil.copy(ROOT / ".streamlit" / "config.toml", folder / ".streamlit" / "config.toml")
        server = Server(folder, {}, Path(tmp) / "bare.log")
        try:
            server.wait_healthy()
            yield server.url
        finally:
            server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", nargs="+", default=list(PAGES), choices=list(PAGES))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--width", type=int, default=1400)
    args = parser.parse_args()

    with served_browser() as (url, browser), bare_server() as bare_url:
        viewport = {"width": args.width, "height": 1000}
        warm = browser.new_context(viewport=viewport)
        warm_page = warm.new_page()
        addresses = {key: f"{url}/{PAGES[key]}" for key in args.pages}
        addresses["(bare page)"] = bare_url
        for address in addresses.values():  # untimed: imports, shared caches, the scripts
            load_seconds(warm_page, address)
        cold: dict[str, list[float]] = {key: [] for key in addresses}
        warm_times: dict[str, list[float]] = {key: [] for key in addresses}
        for _ in range(args.rounds):
            for key, address in addresses.items():  # the bare page in every round
                context = browser.new_context(viewport=viewport)
                page = context.new_page()
                page.bring_to_front()
                cold[key].append(load_seconds(page, address))
                context.close()
                page = warm.new_page()
                page.bring_to_front()  # a background tab's drawing is throttled
                warm_times[key].append(load_seconds(page, address))
                page.close()
        warm.close()

    print(f"First load in a quiet browser, {args.width} px wide, {args.rounds} rounds "
          f"(target: ready within {TARGET} s of the server's answer)")
    print(f"{'page':<13}{'cold median':>12}{'worst':>7}{'/target':>9}{'/bare':>7}"
          f"{'warm median':>13}{'worst':>7}{'/target':>9}{'/bare':>7}")
    bare = {kind: statistics.median(times["(bare page)"])
            for kind, times in (("cold", cold), ("warm", warm_times))}
    worst = {"cold": 0.0, "warm": 0.0}
    for key in cold:
        row = f"{key:<13}"
        for kind, values in (("cold", cold[key]), ("warm", warm_times[key])):
            median = statistics.median(values)
            if key in PAGES:
                worst[kind] = max(worst[kind], median / TARGET)
            row += f"{median:>{12 if kind == 'cold' else 13}.2f}{max(values):>7.2f}" \
                   f"{median / TARGET:>9.2f}{median / bare[kind]:>7.2f}"
        print(row)
    for kind, ratio in worst.items():
        print(f"slowest page's {kind} median / target: {ratio:.2f} "
              f"({'met' if ratio <= 1 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
