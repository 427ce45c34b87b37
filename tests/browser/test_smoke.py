"""What only a real browser shows: deep links (each as a fresh server's very first request),
grid edits, settings across pages, screenshots."""

import pytest
from playwright.sync_api import Page, expect

from lib import info, lesson
from lib import fmt
from tests.browser.conftest import (edit_cell, metric_value, nav_link, open_app,
                                    running_server, screenshot, wait_ready)
from ui.layout import PAGES as PAGE_INFO
from ui.strings import STRINGS

pytestmark = pytest.mark.browser
SETTING_RADIOS = ('[data-testid="stRadio"]'
                  ':not([class*="st-key-checkpoint-"] [data-testid="stRadio"])')

#: (key, address path, the page's heading in English); the home page is the app's root.
PAGES = [(p.key, "" if p.key == "home" else p.key,
          STRINGS["home.title" if p.key == "home" else f"page.{p.key}"][0])
         for p in PAGE_INFO]
#: The menu's entries, in its order: each page's translated title.
MENU = {lang: [STRINGS[f"page.{p.key}"][i] for p in PAGE_INFO] for i, lang in
        enumerate(("en", "zh"))}


def assert_in_frame(page: Page, key: str, title: str, slug: str) -> None:
    """The page ran inside app.py's frame: its heading and the browser tab's title (set by the
    frame), Streamlit's page menu with every translated title, the language and units
    controls; no exception, no "Page not found", and the address is still the page's."""
    expect(page.locator("h1").first).to_have_text(title, timeout=30_000)  # a first run
    expect(page).to_have_title(f"{STRINGS[f'page.{key}'][0]} · {STRINGS['app.name'][0]}")
    links = page.locator('[data-testid="stSidebarNav"] [data-testid="stSidebarNavLink"]')
    expect(links).to_have_count(len(MENU["en"]))
    for link, name in zip(links.all(), MENU["en"]):
        expect(link).to_contain_text(name)
    sidebar = page.locator('[data-testid="stSidebar"]')
    for label in ("settings.language", "settings.units", "unit.bits.long", "unit.nats.long",
                  "unit.hartleys.long"):
        expect(sidebar.get_by_text(STRINGS[label][0], exact=True)).to_be_visible()
    for language in ("English", "中文"):
        expect(sidebar.get_by_text(language, exact=True)).to_be_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    expect(page.get_by_text("Page not found")).to_have_count(0)
    assert page.url.split("?")[0].rstrip("/").endswith(f"/{slug}" if slug else "")


@pytest.fixture
def fresh_server():
    """A server of its own, started for one test: no session has run st.navigation yet."""
    with running_server("fresh-server.log", poll=0.1) as url:
        yield url


@pytest.mark.parametrize("key, slug, title", PAGES, ids=[p[0] for p in PAGES])
def test_first_request_to_a_fresh_server_runs_the_page_in_the_frame(
        page: Page, fresh_server, key, slug, title):
    """Every page by its address, as the very first request to a server: issue 18's trap
    (while Streamlit's old pages-folder mode is on, before any session has run st.navigation,
    a deep link must still run app.py around the page), and nothing the page shows comes from
    elsewhere (the app works offline)."""
    outside = []
    page.route("**/*", lambda route: route.continue_()
               if route.request.url.startswith(fresh_server)
               else (outside.append(route.request.url), route.abort()))
    open_app(page, f"{fresh_server}/{slug}")
    assert_in_frame(page, key, title, slug)
    # The menu leads on from there: the next page opens in the frame as well.
    after = (PAGES.index((key, slug, title)) + 1) % len(PAGES)
    nav_link(page, MENU["en"][after]).click()
    wait_ready(page)
    next_key, next_slug, next_title = PAGES[after]
    assert_in_frame(page, next_key, next_title, next_slug)
    page.wait_for_timeout(500)
    assert outside == []


#: The explorer's checkpoints answered (its numbers wait for a prediction): a link's done=.
ANSWERED = lesson.encode_progress({("explorer", c.id): "r" for c in lesson.by_page("explorer")})


def test_grid_edit_changes_kl(page: Page, server):
    open_app(page, f"{server}/explorer?done={ANSWERED}")
    kl = metric_value(page, "KL divergence KL(P‖Q)")
    expect(kl).to_have_text("0.625 bits")
    edit_cell(page, row=0, column=1, value="0.9")  # P of "dog": 0.5 -> 0.9
    expect(page.locator('[data-testid="stAlertContentError"]')).to_contain_text(
        "P adds up to 1.4, not 1.")
    screenshot(page, "explorer-sum-error")
    page.get_by_role("button", name="Normalise P and Q so each sums to 1").click()
    p = [v / 1.4 for v in (0.9, 0.25, 0.125, 0.125)]
    expected = info.kl_divergence(p, (0.125, 0.5, 0.25, 0.125), 2)
    expect(kl).to_have_text(f"{fmt.short(expected)} bits")


def test_negative_cell_message(page: Page, server):
    open_app(page, f"{server}/explorer")
    edit_cell(page, row=1, column=2, value="-0.2")  # Q of "cat"
    expect(page.locator('[data-testid="stAlertContentError"]')).to_contain_text(
        "Q for “cat” (row 2) is negative (−0.2).")
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, "explorer-negative", width=420)


def test_units_carry_to_another_page(page: Page, server):
    open_app(page, f"{server}/explorer?done={ANSWERED}")
    page.locator('[data-testid="stSidebar"]').get_by_text("nats (ln)").click()
    expect(metric_value(page, "KL divergence KL(P‖Q)")).to_have_text("0.433 nats")
    nav_link(page, "Home").click()
    expect(page.locator("h1").first).to_have_text("From bits to losses")
    wait_ready(page)
    nav_link(page, "P vs Q explorer").click()
    expect(metric_value(page, "KL divergence KL(P‖Q)")).to_have_text("0.433 nats")
    expect(page.locator('[data-testid="stSidebar"] input[type="radio"]:checked')).to_have_value(
        "1")  # nats is the second option


@pytest.mark.parametrize("key, slug, title", PAGES, ids=[p[0] for p in PAGES])
def test_screenshots_both_languages_wide_and_narrow(page: Page, server, key, slug, title):
    open_app(page, f"{server}/{slug}")
    name = slug or "home"
    screenshot(page, f"{name}-en-wide")
    page.locator('[data-testid="stSidebar"]').get_by_text("中文").click()
    expect(page.locator("h1").first).not_to_have_text(title)
    wait_ready(page)
    # Streamlit's menu shows the translated titles.
    for link, title_zh in zip(page.locator('[data-testid="stSidebarNav"] '
                                           '[data-testid="stSidebarNavLink"]').all(), MENU["zh"]):
        expect(link).to_contain_text(title_zh)
    assert page.locator('[data-testid="stException"]').count() == 0
    # Translated option labels must not lose the selection (a bug seen once on this page).
    # Every setting shows its choice (a checkpoint's prediction starts empty on purpose).
    for group in page.locator(SETTING_RADIOS).all():
        expect(group.locator("input:checked")).to_have_count(1)
    screenshot(page, f"{name}-zh-wide")
    screenshot(page, f"{name}-zh-narrow", width=390)
    # On a phone every displayed equation must fit (a few pixels of KaTeX rounding allowed).
    for equation in page.locator(".katex-display").all():
        assert equation.evaluate("e => e.scrollWidth - e.clientWidth") <= 4


# The neuron page's Play, Pause, charts and responsiveness: tests/browser/test_neuron_browser.py.
