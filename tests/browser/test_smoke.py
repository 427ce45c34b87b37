"""What only a real browser shows: deep links, grid edits, settings across pages, screenshots."""

import pytest
from playwright.sync_api import Page, expect

from lib import info
from tests.browser.conftest import edit_cell, metric_value, open_app, screenshot, wait_ready
from ui.layout import available_pages
from ui.strings import STRINGS

pytestmark = pytest.mark.browser

PAGES = [(p.path, "" if p.path == "app.py" else p.path.removeprefix("pages/")[:-3],
          STRINGS["home.title" if p.key == "home" else f"page.{p.key}"][0])
         for p in available_pages()]


@pytest.mark.parametrize("path, slug, title", PAGES, ids=[p[0] for p in PAGES])
def test_every_page_loads_by_deep_link(page: Page, server, path, slug, title):
    open_app(page, f"{server}/{slug}")
    expect(page.locator("h1").first).to_have_text(title)
    assert page.locator('[data-testid="stException"]').count() == 0
    # Our own menu replaces Streamlit's default page list.
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    expect(page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"]')).to_have_count(
        len(PAGES))


def test_grid_edit_changes_kl(page: Page, server):
    open_app(page, f"{server}/explorer")
    kl = metric_value(page, "KL divergence KL(P‖Q)")
    expect(kl).to_have_text("0.6250 bits")
    edit_cell(page, row=0, column=1, value="0.9")  # P of "dog": 0.5 -> 0.9
    expect(page.locator('[data-testid="stAlertContentError"]')).to_contain_text(
        "P adds up to 1.4, not 1.")
    screenshot(page, "explorer-sum-error")
    page.get_by_role("button", name="Normalise P and Q so each sums to 1").click()
    p = [v / 1.4 for v in (0.9, 0.25, 0.125, 0.125)]
    expected = info.kl_divergence(p, (0.125, 0.5, 0.25, 0.125), 2)
    expect(kl).to_have_text(f"{expected:.4f} bits")


def test_negative_cell_message(page: Page, server):
    open_app(page, f"{server}/explorer")
    edit_cell(page, row=1, column=2, value="-0.2")  # Q of "cat"
    expect(page.locator('[data-testid="stAlertContentError"]')).to_contain_text(
        "Q for “cat” (row 2) is negative (−0.2).")
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, "explorer-negative", width=420)


def test_units_carry_to_another_page(page: Page, server):
    open_app(page, f"{server}/explorer")
    page.locator('[data-testid="stSidebar"]').get_by_text("nats (ln)").click()
    expect(metric_value(page, "KL divergence KL(P‖Q)")).to_have_text("0.4332 nats")
    page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"]', has_text="Home").click()
    expect(page.locator("h1").first).to_have_text("From bits to losses")
    wait_ready(page)
    page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"]',
                 has_text="P vs Q explorer").click()
    expect(metric_value(page, "KL divergence KL(P‖Q)")).to_have_text("0.4332 nats")
    expect(page.locator('[data-testid="stSidebar"] input[type="radio"]:checked')).to_have_value(
        "1")  # nats is the second option


@pytest.mark.parametrize("path, slug, title", PAGES, ids=[p[0] for p in PAGES])
def test_screenshots_both_languages_wide_and_narrow(page: Page, server, path, slug, title):
    open_app(page, f"{server}/{slug}")
    name = slug or "home"
    screenshot(page, f"{name}-en-wide")
    page.locator('[data-testid="stSidebar"]').get_by_text("中文").click()
    expect(page.locator("h1").first).not_to_have_text(title)
    wait_ready(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    # Translated option labels must not lose the selection (a bug seen once on this page).
    for group in page.locator('[data-testid="stRadio"]').all():
        expect(group.locator("input:checked")).to_have_count(1)
    screenshot(page, f"{name}-zh-wide")
    screenshot(page, f"{name}-zh-narrow", width=390)
    # On a phone every displayed equation must fit (a few pixels of KaTeX rounding allowed).
    for equation in page.locator(".katex-display").all():
        assert equation.evaluate("e => e.scrollWidth - e.clientWidth") <= 4


def test_neuron_trains_plays_and_stays_responsive(page: Page, server):
    open_app(page, f"{server}/neuron")
    page.get_by_role("button", name="Normal start (0.6, 0.9)").click()
    wait_ready(page)
    expect(page.locator('[data-testid="stMetric"]').nth(0)).to_contain_text("273")
    # Six training charts and two maps, drawn by Vega in the browser.
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(8, timeout=30_000)
    epoch = page.locator('[data-testid="stSlider"] input[type="range"]').first
    expect(epoch).to_have_value("0")
    page.get_by_role("button", name="Play").click()
    page.wait_for_function(
        "() => Number(document.querySelector('[data-testid=\"stSlider\"] input[type=\"range\"]')"
        ".value) >= 10", timeout=30_000)
    # The rest of the page still answers while the animation runs.
    page.get_by_text("Also show the book demo's rule").click()
    expect(page.locator('[data-testid="stMetric"]')).to_have_count(9, timeout=30_000)
    page.get_by_role("button", name="Pause").click()
    wait_ready(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, "neuron-playing")
