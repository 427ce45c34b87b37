"""Play's pace on the neuron page in a real browser: epochs a second against the designed rate.

Starts ``streamlit run app.py`` on a free loopback port and Debian's chromium through
Playwright. Each round opens ``/neuron`` in a new browser context (a new session), waits for
its charts, presses Play, lets the scrubber reach epoch 3 (the timer is running), then counts
the epochs the scrubber advances in ``--seconds`` seconds, and presses Pause.

The designed pace is ``lib.charts_neuron.play_rate`` (12 epochs a second for the default 300 epochs,
a frame every ``ui.neuron.FRAME_SECONDS``). Target: every round at least half of it (the limit
the browser test held before speed limits moved out of the tests; a busy machine slows the
frames, so measure on a quiet one).

    python3 bench/bench_play.py                  # 3 rounds of 4 s
    python3 bench/bench_play.py --rounds 5 --seconds 8

Everything it starts is stopped at the end, also on errors and Ctrl-C.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_classroom import CHROMIUM, READY, ROOT, served_browser  # noqa: E402

SHARE = 0.5  # of the designed pace, in every round
SLIDER = '[data-testid="stSlider"] input[type="range"]'
REACHED = f"""(n) => Number(document.querySelector('{SLIDER}')?.value) >= n"""


def epoch_now(page) -> int:
    return int(page.locator(SLIDER).first.input_value())


def one_round(browser, url: str, seconds: float) -> float:
    """Epochs a second while playing, in a new session."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(f"{url}/neuron")
        page.wait_for_selector(READY + " h1", timeout=120_000)
        page.locator('[data-testid="stVegaLiteChart"]').nth(7).wait_for(timeout=60_000)
        page.get_by_role("button", name="Play").click()
        page.wait_for_function(REACHED, arg=3, timeout=60_000)
        start, t0 = epoch_now(page), time.monotonic()
        page.wait_for_timeout(seconds * 1000)
        rate = (epoch_now(page) - start) / (time.monotonic() - t0)
        page.get_by_role("button", name="Pause").click()
        return rate
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=4.0,
                        help="seconds counted per round (default 4)")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: run `bash tests/run.sh` once, which installs it")
        return 2
    sys.path.insert(0, str(ROOT))
    from lib import charts_neuron
    from ui import neuron

    designed = charts_neuron.play_rate(neuron.S.defaults["epochs"])
    rates: list[float] = []
    with served_browser() as (url, browser):
        one_round(browser, url, 1.0)  # untimed: imports, caches, scripts
        for _ in range(args.rounds):
            rates.append(one_round(browser, url, args.seconds))
    print(f"Play on /neuron, {args.rounds} rounds of {args.seconds:g} s (designed: "
          f"{designed:g} epochs a second, a frame every {neuron.FRAME_SECONDS:g} s; target: "
          f"every round at least {SHARE:.0%} of it)")
    print("epochs a second: " + ", ".join(f"{r:.1f}" for r in rates)
          + f"; median {statistics.median(rates):.1f}, slowest {min(rates):.1f}")
    slowest = min(rates) / designed
    print(f"slowest round / designed: {slowest:.2f} ({'met' if slowest >= SHARE else 'NOT met'})")
    return 0

if __name__ == "__main__":
    sys.exit(main())
