"""The loss page in a real browser: a grid edit survives a language switch, a copied address
reproduces the view in a fresh browser, the CSV download reads back, and screenshots at phone
and desktop widths in both languages (tests/screenshots/loss-*.png)."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from lib import fmt
from lib import csvfile, lesson, losses
from tests.browser.conftest import metric_value, open_app, screenshot, wait_ready

pytestmark = pytest.mark.browser

TOTAL_EN = "Loss: sum over classes"
TOTAL_ZH = "损失：各类之和"


def editor(page: Page):
    """The multi-label table's editor (the page's only editable grid, drawn before the
    results table)."""
    return page.locator('[data-testid="stDataFrame"]').first


def edit_cell(page: Page, row: int, column: int, value: str) -> None:
    """Select a cell of the canvas grid, prove the keyboard cursor is on it, type, Enter.
    ``column`` counts the shown columns from 0 (the class name)."""
    grid = editor(page)
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    box = grid.bounding_box()
    x, y = box["x"] + 60, box["y"] + 35 * (row + 1) + 17
    page.mouse.move(x, y)  # the grid takes a click only once the pointer has been over it
    page.wait_for_timeout(300)
    page.mouse.click(x, y)
    page.wait_for_function(f"() => document.activeElement?.id === 'glide-cell-1-{row}'",
                           timeout=5_000)
    for _ in range(column):
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(150)
    target = f"glide-cell-{column + 1}-{row}"
    page.wait_for_function(f"() => document.activeElement?.id === '{target}'", timeout=5_000)
    page.keyboard.press("Enter")
    page.locator(".gdg-input").fill(value)
    page.keyboard.press("Enter")
    wait_ready(page)


def nats(x: float) -> str:
    return f"{fmt.short(x)} nats"


def test_edit_survives_language_and_link(page: Page, server, browser: Browser):
    # The page's checkpoints answered (the link's progress): the cards print PyTorch's answer.
    done = lesson.encode_progress({(c.page, c.id): "r" for c in lesson.by_page("loss")})
    open_app(page, f"{server}/loss?done={done}")
    page.locator('[data-testid="stSidebar"]').get_by_text("nats (ln)").click()
    wait_ready(page)
    total = metric_value(page, TOTAL_EN)
    expect(total).to_have_text("0.434 nats")
    edit_cell(page, row=0, column=2, value="0.6")  # a of "rice": 0.8 -> 0.6
    expected = losses.binary_cross_entropy([1, 1, 0], [0.6, 0.9, 0.1])
    expect(total).to_have_text(nats(expected))
    # The library calls are rewritten with the edited number (in their expander).
    page.get_by_text("What PyTorch and TensorFlow return for this table").first.click()
    wait_ready(page)
    expect(page.locator('[data-testid="stCode"]', has_text="torch.tensor([0.6, 0.9, 0.1])")
           .first).to_be_visible()
    # The edit reran only its section, and that run wrote the table into the address.
    expect(page).to_have_url(re.compile(r"[?&]table="))

    page.locator('[data-testid="stSidebar"]').get_by_text("中文").click()
    wait_ready(page)
    expect(metric_value(page, TOTAL_ZH)).to_have_text(f"{fmt.short(expected)} 奈特")
    assert page.locator('[data-testid="stException"]').count() == 0

    # A copied address opens the same view in a fresh browser.
    wait_ready(page)
    url = page.url
    assert "table=" in url and "lang=zh" in url
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        fresh = context.new_page()
        open_app(fresh, url)
        expect(metric_value(fresh, TOTAL_ZH)).to_have_text(f"{fmt.short(expected)} 奈特")
    finally:
        context.close()


def test_csv_download_reads_back(page: Page, server):
    open_app(page, f"{server}/loss")
    button = page.get_by_role("button", name="Download the table (CSV)")
    button.scroll_into_view_if_needed()
    with page.expect_download() as info:
        button.click()
    data = open(info.value.path(), "rb").read()
    read = csvfile.read_csv(data, required=("class", "y", "a"), numeric=("y", "a"))
    assert not read.problems
    assert read.table.values.tolist() == [["rice", "1", "0.8"], ["pumpkin", "1", "0.9"],
                                          ["greens", "0", "0.1"]]


def test_a_logit_slider_moves_the_library_setup(page: Page, server):
    open_app(page, f"{server}/loss")
    thumb = page.get_by_role("slider", name="Logit z for cat")
    thumb.scroll_into_view_if_needed()
    thumb.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    wait_ready(page)
    page.get_by_text("What scipy and PyTorch return for these logits").first.click()
    wait_ready(page)
    expect(page.locator('[data-testid="stCode"]', has_text="z = torch.tensor([3.0, -1.0, 3.2, 0.5])")
           .first).to_be_visible()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screenshots(page: Page, server, lang):
    open_app(page, f"{server}/loss?lang={lang}")
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, f"loss-{lang}-wide", width=1400)
    screenshot(page, f"loss-{lang}-narrow", width=390)
    # On a phone every equation fits (or scrolls inside its own box), and nothing on the page
    # is wider than the screen.
    for equation in page.locator(".katex-display").all():
        assert equation.evaluate("e => e.scrollWidth - e.clientWidth") <= 4
    overflow = page.evaluate(
        "() => document.querySelector('[data-testid=\"stMain\"]').scrollWidth - window.innerWidth")
    assert overflow <= 4


def test_progress_line_counts_an_answer_given_inside_a_section(page: Page, server):
    # The loss page's checkpoints sit inside fragments, which rerun alone; the progress line
    # under the title is outside them and must count the answer all the same.
    open_app(page, f"{server}/loss")
    meta = page.get_by_text(re.compile(r"checkpoints answered: \d of 3"))
    expect(meta).to_contain_text("checkpoints answered: 0 of 3")
    box = page.locator(".st-key-checkpoint-loss-bce_reduction")
    box.scroll_into_view_if_needed()
    box.locator('[role="radiogroup"] label').first.click()
    wait_ready(page)
    box.get_by_role("button", name="Check my prediction").click()
    wait_ready(page)
    expect(meta).to_contain_text("checkpoints answered: 1 of 3")
