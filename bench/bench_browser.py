"""What each page costs the student's browser, against a bare Streamlit page in the same run
(issue 22: renderer CPU per interaction at most 3× the bare page's; at most 4,000 DOM nodes on
any page as first shown).

Starts two servers on loopback ports: the app, and a bare Streamlit page (a title, a slider and
two buttons) with the app's own configuration. One quiet chromium tab per page. For every page:

- **DOM nodes** as first shown (``document.querySelectorAll('*').length`` once the script run
  has finished, the title shown, charts drawn and formulas typeset);
- **renderer CPU per interaction**: Chrome's ``TaskDuration`` (CDP ``Performance.getMetrics``,
  the renderer main thread's busy time) from just before the action until the page has settled
  again (the script run finished, charts drawn, and 0.5 s without new DOM mutations), for each
  interaction the page has: a preset (the first one not active), a slider moved by one keyboard
  step, a cell of a table edited, and the language switched (to 中文 and back, the mean of the
  two). The bare page's interaction is a button click, measured the same way.

It prints each figure, its ratio to the bare page's, and whether it meets the target.

    python3 bench/bench_browser.py                    # every page, 3 rounds (median)
    python3 bench/bench_browser.py --pages explorer neuron --rounds 5 --width 390

Everything it starts is stopped at the end, also on errors and Ctrl-C.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_classroom import CHROMIUM, CHROMIUM_ARGS, ROOT, Server, page_slug  # noqa: E402

sys.path.insert(0, str(ROOT))
from tests.browser.conftest import DRAWN_CHECKS  # noqa: E402
from ui.layout import PAGES as PAGE_INFO  # noqa: E402

CPU_RATIO, MAX_NODES = 3.0, 4000
BARE_APP = '''import streamlit as st
st.title("A bare page")
st.slider("A slider", 0, 100, 50)
st.button("One button")
st.button("Another button")
'''
SETTLED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  // Before a fresh server's first run of a page has begun, the app is also "notRunning", with
  // an empty page: every page's script writes its title first.
  if (!document.querySelector('h1')) return false;""" + (
    DRAWN_CHECKS + """  return Date.now() - (window.__lastMutation || 0) > 500;
}""")
WATCH = """() => { window.__lastMutation = Date.now();
  new MutationObserver(() => { window.__lastMutation = Date.now(); })
    .observe(document.body, {subtree: true, childList: true, attributes: true,
                             characterData: true}); }"""


def task_seconds(cdp) -> float:
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "TaskDuration")


def settle(page) -> None:
    time.sleep(0.3)  # let the click reach the server before asking whether the run finished
    page.wait_for_function(SETTLED, timeout=120_000, polling=100)


def measure(page, cdp, action) -> float:
    """Renderer main-thread busy seconds from the action until the page settled."""
    settle(page)
    before = task_seconds(cdp)
    action()
    settle(page)
    return task_seconds(cdp) - before


def open_page(browser, url: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    page.goto(url)
    page.wait_for_selector('[data-testid="stApp"]', timeout=120_000)
    page.evaluate(WATCH)
    settle(page)
    return context, page, cdp


def interactions(page) -> dict:
    """The page's interactions: name -> a function that performs it once (None if absent)."""
    found = {}
    presets = page.locator('[class*="st-key-_preset"] button')
    if presets.count() > 1:
        def preset():
            for i in range(presets.count()):  # the first one not active (a rerun that changes)
                if presets.nth(i).get_attribute("kind") != "primary":
                    presets.nth(i).click()
                    return
        found["preset"] = preset
    slider = page.locator('[data-testid="stSlider"] [role="slider"]')
    if slider.count():
        state = {"key": "ArrowRight"}

        def nudge():
            slider.first.focus()
            page.keyboard.press(state["key"])
            state["key"] = "ArrowLeft" if state["key"] == "ArrowRight" else "ArrowRight"
        found["slider"] = nudge
    grid = page.locator('[data-testid="stDataFrameGlideDataEditor"], '
                        '[data-testid="stDataFrame"] canvas')
    if page.locator('[data-testid="stDataFrameResizable"]').count() and grid.count():
        box = page.locator('[data-testid="stDataFrameResizable"]').first.bounding_box()
        state_cell = {"text": "0.3"}

        def edit():
            # Second column, first data row (a P cell on the explorer and the information page).
            page.mouse.dblclick(box["x"] + box["width"] * 0.55, box["y"] + 52)
            page.keyboard.press("Control+A")
            page.keyboard.type(state_cell["text"])
            page.keyboard.press("Enter")
            state_cell["text"] = "0.5" if state_cell["text"] == "0.3" else "0.3"
        found["table edit"] = edit
    return found


def switch_language(page) -> None:
    buttons = page.locator('[data-testid="stSidebar"] [data-testid="stButtonGroup"] button')
    target = 1 if buttons.nth(0).get_attribute("aria-checked") == "true" else 0
    if not page.locator('[data-testid="stSidebar"]').is_visible():
        page.locator('[data-testid="stExpandSidebarButton"]').click()
    buttons.nth(target).click()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", nargs="*", default=[p.key for p in PAGE_INFO])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        bare_dir = Path(tmp) / "bare"
        (bare_dir / ".streamlit").mkdir(parents=True)
        (bare_dir / "app.py").write_text(BARE_APP)
        shutil.copy(ROOT / ".streamlit" / "config.toml", bare_dir / ".streamlit" / "config.toml")
        app, bare = (Server(ROOT, {}, Path(tmp) / "app.log"),
                     Server(bare_dir, {}, Path(tmp) / "bare.log"))
        try:
            app.wait_healthy()
            bare.wait_healthy()
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                            args=CHROMIUM_ARGS)
                try:
                    run(browser, app.url, bare.url, args)
                finally:
                    browser.close()
        finally:
            app.stop()
            bare.stop()


def run(browser, app_url: str, bare_url: str, args) -> None:
    context, page, cdp = open_page(browser, bare_url, args.width)
    bare_nodes = page.evaluate("document.querySelectorAll('*').length")
    button = page.get_by_role("button", name="One button")
    bare_cpu = statistics.median(measure(page, cdp, button.click) for _ in range(args.rounds + 2))
    context.close()
    print(f"bare page: {bare_nodes} DOM nodes, {bare_cpu:.3f} s renderer CPU per click\n")
    print(f"{'page':<12} {'what':<14} {'value':>10} {'× bare':>8}  target")
    failures = 0
    for info in PAGE_INFO:
        if info.key not in args.pages:
            continue
        context, page, cdp = open_page(browser, f"{app_url}/{page_slug(info)}", args.width)
        nodes = page.evaluate("document.querySelectorAll('*').length")
        ok = nodes <= MAX_NODES
        failures += not ok
        print(f"{info.key:<12} {'DOM nodes':<14} {nodes:>10,} {nodes / bare_nodes:>8.1f}  "
              f"{'ok' if ok else 'OVER'} (≤ {MAX_NODES:,})")
        actions = {**interactions(page), "language": lambda: switch_language(page)}
        for name, action in actions.items():
            cpu = statistics.median(measure(page, cdp, action) for _ in range(args.rounds))
            ratio = cpu / bare_cpu
            ok = ratio <= CPU_RATIO
            failures += not ok
            print(f"{'':<12} {name:<14} {cpu:>9.3f}s {ratio:>8.1f}  "
                  f"{'ok' if ok else 'OVER'} (≤ {CPU_RATIO:g}×)")
        context.close()
    print(f"\n{failures} figure(s) over target")


if __name__ == "__main__":
    main()
