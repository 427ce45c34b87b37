"""Issue 23 in a real browser against a real server: rapid presses of Train start one training,
never raise, and never change a published run.

Each test starts a server of its own (the issue's scenario is a fresh server). A script in the
page records every text the progress bar shows, so the test can tell one training (its epochs
only go up, never past the last) from two (the count starting again, or going past the end).
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SHOTS, open_app, running_server, screenshot, wait_ready
from ui.strings import STRINGS

pytestmark = pytest.mark.browser

METRIC = '[data-testid="stMetricValue"]'
TRAIN = "Train both networks"
# Keeps every text the progress bar shows, in order, however briefly.
RECORD = """() => {
  window.__progress = [];
  new MutationObserver(() => {
    for (const bar of document.querySelectorAll('[data-testid="stProgress"]')) {
      const text = bar.innerText.trim();
      if (text && window.__progress[window.__progress.length - 1] !== text)
        window.__progress.push(text);
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""


@pytest.fixture
def fresh_server():
    with running_server("training-server.log", poll=0.1) as url:
        yield url


def press_often(page: Page, times: int = 15, every_ms: int = 120) -> None:
    """Press Train ``times`` times, ``every_ms`` apart, whether or not it is enabled (a click
    on a disabled button is lost, as a fast reader's would be)."""
    button = page.get_by_role("button", name=TRAIN)
    for _ in range(times):
        button.click(force=True, timeout=5_000, no_wait_after=True)
        page.wait_for_timeout(every_ms)


def show_results(page: Page) -> None:
    """Press "Show the results without predicting" (there once a run trains or is trained):
    the results wait for the page's predictions otherwise (issue 19)."""
    page.get_by_role("button", name=STRINGS["nw.skip"][0]).click(timeout=120_000)
    wait_ready(page)


def epochs_seen(page: Page) -> list[tuple[int, int]]:
    texts = page.evaluate("() => window.__progress")
    return [(int(m[1]), int(m[2])) for t in texts if (m := re.search(r"Epoch (\d+) of (\d+)", t))]


def no_error(page: Page, log_name: str) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    expect(page.get_by_text(STRINGS["app.error"][0][:40])).to_have_count(0)
    log = (SHOTS / log_name).read_text()
    assert "Traceback" not in log and "Error" not in log, log[-3000:]


@pytest.mark.parametrize("settings", [
    "epochs=5&seed=70",                      # the issue's: a training of a fraction of a second
    "epochs=5&seed=71&batch=1&hidden=100",   # seconds: every press lands while it trains
])
def test_rapid_presses_start_one_training(page: Page, fresh_server, settings):
    open_app(page, f"{fresh_server}/network?{settings}")
    expect(page.get_by_text("Nothing trained with these settings yet")).to_be_visible()
    page.evaluate(RECORD)
    press_often(page)
    show_results(page)
    expect(page.locator(METRIC)).to_have_count(2, timeout=120_000)
    wait_ready(page)
    page.wait_for_timeout(1500)  # a training started twice would show itself by now
    wait_ready(page)
    no_error(page, "training-server.log")
    seen = epochs_seen(page)
    assert all(total == 5 and 1 <= epoch <= 5 for epoch, total in seen), seen
    assert [e for e, _ in seen] == sorted(e for e, _ in seen), seen  # one training: it never
    finished = page.locator(METRIC).all_inner_texts()                # starts again
    assert page.locator('[data-testid="stAlertContentWarning"]').count() == 0  # not "stopped"

    # The run is published: more presses show it, train nothing and change nothing.
    page.evaluate(RECORD)
    press_often(page)
    wait_ready(page)
    expect(page.get_by_text("already trained on this server")).to_be_visible()
    expect(page.locator(METRIC)).to_have_text(finished)
    assert epochs_seen(page) == []
    no_error(page, "training-server.log")


def test_train_is_off_while_training_and_stop_works(page: Page, fresh_server):
    """Train is disabled from the press until the training ends; Stop keeps the epochs done;
    Train then carries on to the same end."""
    # 100 epochs of 1,500 images in mini-batches of 1: long enough to stop on any machine.
    open_app(page, f"{fresh_server}/network?epochs=100&seed=72&batch=1&hidden=100")
    train = page.get_by_role("button", name=TRAIN)
    train.click()
    show_results(page)
    expect(page.locator('[data-testid="stProgress"]')).to_contain_text(" of 100",
                                                                      timeout=30_000)
    expect(train).to_be_disabled()
    page.get_by_role("button", name="Stop").click()
    warning = page.locator('[data-testid="stAlertContentWarning"]')
    expect(warning).to_contain_text("Stopped after", timeout=60_000)
    done = int(warning.inner_text().split("Stopped after ")[1].split(" ")[0])
    assert 1 <= done < 100
    expect(train).to_be_enabled()
    screenshot(page, "network-stopped-then-carried-on", width=1280)
    train.click()
    expect(page.locator('[data-testid="stProgress"]')).to_contain_text(" of 100")
    expect(page.locator(METRIC)).to_have_count(2, timeout=300_000)  # carried on to the end
    wait_ready(page)
    assert page.locator('[data-testid="stAlertContentWarning"]').count() == 0
    no_error(page, "training-server.log")
