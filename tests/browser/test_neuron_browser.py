"""The learning-slowdown page in a real browser: screenshots at phone and desktop widths in both
languages; Play, the two cards and the moving charts on one screen at 1280 × 800, and Play right
above the charts on a phone (issue 20); the charts as controls (a click on a training chart
moves the epoch, a click on a map trains from that start); presets as whole experiments; Play
advancing the epoch by itself, Pause holding it. (Play's pace, epochs per second against the
designed 12, is measured by bench/bench_play.py: speed limits live in bench/, not in tests.)"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import open_app, screenshot, wait_ready

pytestmark = pytest.mark.browser

SLIDER = '[data-testid="stSlider"] input[type="range"]'
THUMB = SLIDER  # the range input takes the keyboard (Home, End, arrows)
CHART = '[data-testid="stVegaLiteChart"]'
#: Charts drawn as the page opens: the three racing panels (the maps show once the race is
#: predicted or run to its end, the expander's three once it is opened); then the maps too.
RACING = 3
CHARTS = 5


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


def to_the_end(page: Page) -> None:
    """Move the epoch slider to its last epoch from the keyboard (End), as a reader may."""
    page.locator(THUMB).first.focus()
    page.keyboard.press("End")
    wait_ready(page)
    expect(page.locator('[data-testid="stMetricValue"]').first).to_be_visible(timeout=30_000)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screenshots_wide_and_narrow(page: Page, server, lang):
    open_app(page, f"{server}/neuron")
    if lang == "zh":
        page.locator('[data-testid="stSidebar"]').get_by_text("中文").click()
        wait_ready(page)
        expect(page.get_by_text("二次代价，第 0 轮")).to_be_visible()
    expect(page.locator(CHART)).to_have_count(RACING, timeout=30_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    to_the_end(page)
    expect(page.locator(CHART)).to_have_count(CHARTS, timeout=30_000)  # and the maps
    # The derivation is drawn once its expander is opened; open it for the pictures.
    page.locator('[data-testid="stExpander"] summary').filter(
        has_text="σ′(z) = σ(z)(1 − σ(z))").click()
    wait_ready(page)
    expect(page.locator(".katex-display").filter(has_text="e−z")).not_to_have_count(0)
    screenshot(page, f"neuron-{lang}-wide", width=1400)
    no_overflow(page)
    screenshot(page, f"neuron-{lang}-narrow", width=390)
    no_overflow(page)


def _top_of(page: Page, locator) -> None:
    """Scroll the app so that ``locator`` sits just under Streamlit's header."""
    box = locator.bounding_box()
    page.evaluate("(y) => document.querySelector('[data-testid=stMain]').scrollBy(0, y)",
                  box["y"] - 70)
    page.wait_for_timeout(300)


def test_play_the_cards_and_the_moving_charts_fit_one_screen(page: Page, server):
    """Issue 20: at 1280 × 800, with Play at the top of the window, the three moving charts
    and both cards are on the same screen, and stay there while it plays."""
    page.set_viewport_size({"width": 1280, "height": 800})
    open_app(page, f"{server}/neuron")
    expect(page.locator(CHART)).to_have_count(RACING, timeout=30_000)
    play = page.get_by_role("button", name="Play")
    _top_of(page, play)
    play.click()
    page.wait_for_function(
        "() => Number(document.querySelector('[data-testid=\"stSlider\"] input').value) >= 20",
        timeout=30_000)
    header = page.locator('[data-testid="stHeader"]').bounding_box()
    pause = page.get_by_role("button", name="Pause").bounding_box()
    boxes = [page.locator(CHART).nth(i).bounding_box() for i in range(3)]
    boxes += [page.locator('[data-testid="stMarkdownContainer"]', has_text=f"{run}, epoch ")
              .first.bounding_box() for run in ("Quadratic cost", "Cross-entropy")]
    assert pause["y"] >= header["y"] + header["height"] - 1
    for box in boxes:
        assert header["y"] + header["height"] - 1 <= box["y"]
        assert box["y"] + box["height"] <= 800, box
    page.screenshot(path="tests/screenshots/neuron-play-one-screen.png")
    page.get_by_role("button", name="Pause").click()
    wait_ready(page)


def test_the_experiment_opens_the_page(page: Page, server):
    """Issue 20: at 1280 × 800, unscrolled, Play and the moving charts are on the first screen
    (the race's question beside them, the first step's question below them)."""
    page.set_viewport_size({"width": 1280, "height": 800})
    open_app(page, f"{server}/neuron")
    expect(page.locator(CHART)).to_have_count(RACING, timeout=30_000)
    play = page.get_by_role("button", name="Play").bounding_box()
    race = page.locator(".st-key-checkpoint-neuron-first_to_target").bounding_box()
    step = page.locator(".st-key-checkpoint-neuron-first_step").bounding_box()
    assert play["y"] + play["height"] <= 800
    for i in range(RACING):
        chart = page.locator(CHART).nth(i).bounding_box()
        assert chart["y"] < 800 and chart["x"] > race["x"] + race["width"]
        assert chart["y"] + chart["height"] <= step["y"]
    page.screenshot(path="tests/screenshots/neuron-first-screen.png")


def test_on_a_phone_play_sits_right_above_the_charts(page: Page, server):
    page.set_viewport_size({"width": 390, "height": 844})
    open_app(page, f"{server}/neuron")
    expect(page.locator(CHART)).to_have_count(RACING, timeout=30_000)
    play = page.get_by_role("button", name="Play").bounding_box()
    race = page.locator(".st-key-checkpoint-neuron-first_to_target").bounding_box()
    chart = page.locator(CHART).first.bounding_box()
    # The race's question, then Play, then (the slider and the key) the first chart.
    assert race["y"] + race["height"] <= play["y"] < chart["y"]
    assert chart["y"] - (play["y"] + play["height"]) < 160


def test_clicking_the_charts_moves_the_epoch_and_the_start(page: Page, server):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_app(page, f"{server}/neuron")
    expect(page.locator(CHART)).to_have_count(RACING, timeout=30_000)
    chart = page.locator(CHART).first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.5)
    wait_ready(page)
    page.wait_for_function(
        "() => Number(document.querySelector('[data-testid=\"stSlider\"] input').value) > 100",
        timeout=30_000)
    epoch = epoch_now(page)
    assert 100 < epoch < 300 and f"epoch={epoch}" in page.url
    card = page.locator('[data-testid="stMarkdownContainer"]', has_text="Quadratic cost, epoch")
    expect(card.first).to_contain_text(f"epoch {epoch}")
    # A map (shown once the race has been run to its end): a click trains from the start
    # under it (a multiple of 0.5), from epoch 0.
    to_the_end(page)
    expect(page.locator(CHART)).to_have_count(CHARTS, timeout=30_000)
    quadratic_map = page.locator(CHART).nth(3)
    quadratic_map.scroll_into_view_if_needed()
    box = quadratic_map.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.6)
    wait_ready(page)
    page.wait_for_function("() => location.search.includes('w0=')", timeout=30_000)
    w0 = float(page.locator('[data-testid="stNumberInput"] input').first.input_value())
    assert (w0 * 2).is_integer() and -4 <= w0 <= 4 and w0 != 2.0
    assert epoch_now(page) == 0
    assert page.locator('[data-testid="stException"]').count() == 0


def test_presets_are_whole_experiments(page: Page, server):
    open_app(page, f"{server}/neuron")
    page.get_by_role("button", name="Badly wrong start (2, 2)").click()
    wait_ready(page)
    page.get_by_role("button", name="Book's demo (η 0.15 / 0.005)").click()
    wait_ready(page)
    to_the_end(page)
    metrics = page.locator('[data-testid="stMetricValue"]')
    expect(metrics).to_have_count(6)
    assert metrics.all_inner_texts()[4] == "227"  # the book demo's rule, shown by the preset
    expect(page.locator('[data-testid="stAlertContentWarning"]')).to_contain_text(
        "30 times smaller")
    page.get_by_role("button", name="Fair race (η 0.15 / 0.025)").click()
    wait_ready(page)
    to_the_end(page)
    expect(metrics).to_have_count(4)
    assert [metrics.all_inner_texts()[i] for i in (0, 2)] == ["469", "303"]
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
    # The address follows within moments (a frame's run cut short by the click may have
    # written its own epoch first; the paused run writes the one shown).
    page.wait_for_url(re.compile(rf"[?&]epoch={stopped}(&|$)"), timeout=5_000)
    return stopped


def test_play_advances_the_epoch_by_itself(page: Page, server):
    open_app(page, f"{server}/neuron")
    expect(page.locator(CHART)).to_have_count(RACING, timeout=30_000)
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
