"""Accessibility in a real browser: an axe-core scan of every page in both languages (no
critical or serious violation in the app's own content), and one page used by keyboard alone.

axe-core comes bundled in the PyPI package ``axe-playwright-python`` (nothing is downloaded at
run time). Violations inside Streamlit's own interface are kept out of the count only through
:data:`STREAMLIT_OWN`, an explicit, reviewed list naming each rule, the element and why it is
Streamlit's.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.conftest import open_app, wait_drawn, wait_ready
from ui.layout import PAGES

pytestmark = pytest.mark.browser

#: (axe rule id, a CSS selector fragment of the element) -> why it is Streamlit's own and not
#: the app's. Reviewed; keep it short.
STREAMLIT_OWN: dict[tuple[str, str], str] = {}


def serious(results: dict) -> list[str]:
    found = []
    for violation in results["violations"]:
        if violation["impact"] not in ("critical", "serious"):
            continue
        for node in violation["nodes"]:
            target = " ".join(map(str, node["target"]))
            if any(rule == violation["id"] and part in target
                   for rule, part in STREAMLIT_OWN):
                continue
            found.append(f"{violation['id']} ({violation['impact']}): {target}\n"
                         f"    {node.get('failureSummary', '')}")
    return found


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("key", [p.key for p in PAGES])
def test_no_serious_violation(page: Page, server, axe, key, lang):
    slug = "" if key == "home" else key
    open_app(page, f"{server}/{slug}?lang={lang}")
    wait_drawn(page)  # the scan sees every chart and formula
    problems = serious(axe.run(page).response)
    assert not problems, "\n".join(problems)


def test_a_page_used_by_keyboard_alone(page: Page, server):
    """The explorer by keyboard: Tab reaches a preset and a checkpoint's choices, each with a
    visible focus; Enter and the arrow keys use them."""
    open_app(page, f"{server}/explorer")
    focused = []
    for _ in range(60):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const e = document.activeElement;
            const s = getComputedStyle(e);
            return {text: (e.innerText || e.getAttribute('aria-label') || '').trim(),
                    role: e.getAttribute('role') || e.tagName.toLowerCase(),
                    outline: s.outlineStyle !== 'none' && s.outlineWidth !== '0px',
                    shadow: s.boxShadow !== 'none'}; }""")
        focused.append(info)
        if info["text"].startswith("One-hot label"):
            break
    preset = focused[-1]
    assert preset["text"].startswith("One-hot label"), [f["text"] for f in focused]
    assert preset["outline"] or preset["shadow"], "the focused preset shows no focus ring"
    page.keyboard.press("Enter")
    wait_ready(page)
    expect(page.locator('[class*="st-key-_preset"] button[kind="primary"]')).to_contain_text(
        "One-hot label")
    # On to the first checkpoint's choices: arrow keys pick, Tab reaches "Check", Enter checks.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type === 'radio' && "
                         "!!document.activeElement.closest('[class*=\"st-key-checkpoint-\"]')"):
            break
    else:
        pytest.fail("Tab never reached a checkpoint")
    box = page.evaluate("""() => [...document.activeElement.closest('[class*="st-key-checkpoint-"]')
        .classList].find(c => c.startsWith('st-key-checkpoint-'))""")
    page.keyboard.press("Space")
    wait_ready(page)
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.innerText.includes('Check my prediction')"):
            break
    page.keyboard.press("Enter")
    wait_ready(page)
    expect(page.locator(f".{box}")).to_contain_text("the answer is")
