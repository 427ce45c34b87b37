"""On a phone: the page menu closes once a page is chosen, so the chosen page is what shows.

Streamlit's own menu does this (it collapses the sidebar after a menu choice when the browser's
user agent says it is a mobile device: a narrow desktop window keeps it open); the test checks
that the app's frame does not undo it, with a phone's user agent and screen."""

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import nav_link, wait_drawn, wait_ready
from ui.strings import STRINGS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language, index", [("en", 0), ("zh", 1)])
def test_phone_menu_closes_after_a_page_is_chosen(browser: Browser, playwright, server,
                                                  language, index):
    phone = playwright.devices["Pixel 5"]
    context = browser.new_context(**{**phone, "viewport": {"width": 390, "height": 844}})
    try:
        page = context.new_page()
        page.goto(f"{server}/?lang={language}")
        wait_ready(page)
        sidebar = page.locator('[data-testid="stSidebar"]')
        expect(sidebar).not_to_be_in_viewport()  # a phone opens on the page, menu closed
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        expect(sidebar).to_be_in_viewport()
        nav_link(page, STRINGS["page.codes"][index]).click()
        wait_ready(page)
        expect(page.locator("h1").first).to_have_text(STRINGS["page.codes"][index])
        expect(sidebar).not_to_be_in_viewport()
        assert page.url.split("?")[0].endswith("/codes")
    finally:
        context.close()


#: Every page link's label inside its link, none cut (polled: the layout settles after the run).
LABELS_WHOLE = """() => {
  const labels = [...document.querySelectorAll('[data-testid="stPageLink-NavLink"] > span:last-child')];
  return labels.length > 0 && labels.every(e =>
    [e, ...e.querySelectorAll('*')].every(n => n.scrollWidth <= n.clientWidth + 1) &&
    e.getBoundingClientRect().right <= e.parentElement.getBoundingClientRect().right + 1);
}"""


@pytest.mark.parametrize("slug", ["", "codes"])
def test_page_link_labels_wrap_on_a_phone(page, server, slug):
    """A link to another page ("Glossary: every term in both languages, …") wraps on a phone
    instead of being cut off mid-word at the column's edge."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server}/{slug}")
    wait_ready(page)
    page.wait_for_function(LABELS_WHOLE, timeout=20_000)


#: Display formulas wider than their box (each: how many pixels over, its first characters).
FORMULAS_OVER = """() => [...document.querySelectorAll('.katex-display')]
  .map(e => [e.scrollWidth - e.clientWidth, e.textContent.slice(0, 60)]).filter(x => x[0] > 1)"""


@pytest.mark.parametrize("slug", ["information", "loss", "neuron", "continuous", "calibration"])
def test_every_formula_fits_a_phone(page, server, slug):
    """Review: three formulas in the loss page's expanders were 17-28 px wider than a phone's
    column, cut off at its edge with nothing to say that they scroll. With every prediction
    made and every expander open, each display formula on the pages that have them fits."""
    from lib import lesson
    done = lesson.encode_progress({(c.page, c.id): "r" for c in lesson.CHECKPOINTS})
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server}/{slug}?done={done}")
    wait_ready(page)
    closed = page.locator('[data-testid="stExpander"] details:not([open]) > summary')
    for _ in range(40):  # a page has fewer expanders than that
        if not closed.count():
            break
        closed.first.click()
        wait_ready(page)
    assert not closed.count()
    wait_drawn(page)
    assert page.evaluate(FORMULAS_OVER) == []
