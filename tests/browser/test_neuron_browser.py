"""The learning-slowdown page in a real browser: screenshots at phone and desktop widths in both
languages, presets as whole experiments, Play advancing the epoch by itself, Pause holding it.
(Play's pace, epochs per second against the designed 12, is measured by
bench/bench_play.py: speed limits live in bench/, not in tests.)"""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import open_app, screenshot, wait_ready

pytestmark = pytest.mark.browser

SLIDER = '[data-testid="stSlider"] input[type="range"]'


def epoch_now(page: Page) -> int:
    return int(page.locator(SLIDER).first.input_value())


def no_overflow(page: Page) -> None:
    """Nothing wider than the window: no sideways scrolling of the page itself, and every
    displayed equation fits (a few pixels of KaTeX rounding allowed)."""
    width = page.evaluate("() => document.documentElement.clientWidth")
    main = page.locator('[data-testid="stMain"]').first
    assert main.evaluate("e => e.scrollWidth") <= width + 4
    for equation in page.locator(".katex-display").all():
        assert equation.evaluate("e => e.scrollWidth - e.clientWidth") <= 4


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screenshots_wide_and_narrow(page: Page, server, lang):
    open_app(page, f"{server}/neuron")
    if lang == "zh":
        page.locator('[data-testid="stSidebar"]').get_by_text("中文").click()
        wait_ready(page)
        expect(page.locator('[data-testid="stMetric"]').first).to_contain_text("达到")
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(8, timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    # The teaching steps are collapsed until opened; open them for the pictures.
    page.locator('[data-testid="stExpander"] summary').first.click()
    page.wait_for_timeout(300)
    screenshot(page, f"neuron-{lang}-wide", width=1400)
    no_overflow(page)
    screenshot(page, f"neuron-{lang}-narrow", width=390)
    no_overflow(page)


def test_presets_are_whole_experiments(page: Page, server):
    open_app(page, f"{server}/neuron")
    page.get_by_role("button", name="Badly wrong start (2, 2)").click()
    wait_ready(page)
    page.get_by_role("button", name="Book's demo (η 0.15 / 0.005)").click()
    wait_ready(page)
    metrics = page.locator('[data-testid="stMetricValue"]')
    expect(metrics).to_have_count(9)
    assert metrics.all_inner_texts()[6] == "227"  # the book demo's rule, shown by the preset
    expect(page.locator('[data-testid="stAlertContentWarning"]')).to_contain_text(
        "30 times smaller")
    page.get_by_role("button", name="Fair race (η 0.15 / 0.025)").click()
    wait_ready(page)
    expect(metrics).to_have_count(6)
    assert [metrics.all_inner_texts()[i] for i in (0, 3)] == ["469", "303"]
    screenshot(page, "neuron-fair-race", width=1400)


def wait_for_epoch(page: Page, epoch: int) -> None:
    """Wait until the scrubber has reached ``epoch``."""
    page.wait_for_function(
        "(n) => Number(document.querySelector('[data-testid=\"stSlider\"] input[type=\"range\"]')"
        ".value) >= n", arg=epoch, timeout=30_000)


def play_until(page: Page, epoch: int) -> None:
    """Press Play and wait until the scrubber has reached ``epoch``."""
    page.get_by_role("button", name="Play").click()
    wait_for_epoch(page, epoch)


def pause_and_hold(page: Page, card) -> int:
    """Press Pause; the epoch then stays put, and the slider, the cards and the address agree
    on it. Returns it."""
    page.get_by_role("button", name="Pause").click()
    wait_ready(page)
    stopped = epoch_now(page)
    page.wait_for_timeout(1000)
    assert epoch_now(page) == stopped
    expect(card.first).to_contain_text(f"epoch {stopped}")
    assert f"epoch={stopped}" in page.url
    return stopped


def test_play_advances_the_epoch_by_itself(page: Page, server):
    open_app(page, f"{server}/neuron")
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(8, timeout=30_000)
    assert epoch_now(page) == 0
    play_until(page, 3)
    start = epoch_now(page)
    wait_for_epoch(page, start + 5)  # frame after frame, with nothing pressed
    card = page.locator('[data-testid="stMarkdownContainer"]', has_text="Quadratic cost, epoch")
    expect(card.first).not_to_contain_text("epoch 0")
    stopped = pause_and_hold(page, card)
    assert stopped > start
    # Play again continues from there (Pause right after Play, as an impatient reader does),
    # and the second Pause holds as well.
    play_until(page, stopped + 3)
    assert pause_and_hold(page, card) > stopped
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, "neuron-paused", width=1400)
