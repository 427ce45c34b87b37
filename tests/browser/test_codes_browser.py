"""Codes & samples in a real browser: the coloured bit strings, charts, both languages, phone and
desktop widths (screenshots in tests/screenshots/)."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import metric_value, open_app, screenshot, wait_ready

pytestmark = pytest.mark.browser
#: The machine is shared: give the first look at a freshly drawn page some slack.
SLOW = 20_000


def no_errors(page: Page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0


@pytest.mark.parametrize("width, name", [(1400, "wide"), (390, "narrow")])
def test_codes_page_in_english(page: Page, server, width, name):
    page.set_viewport_size({"width": width, "height": 1000})
    # done=---rr: both of the page's checkpoints answered (the page holds back the numbers
    # that answer them until then).
    open_app(page, f"{server}/codes?preset=animals&done=---rr")
    expect(page.locator("h1").first).to_have_text("Codes & samples", timeout=SLOW)
    expect(metric_value(page, "Cross-entropy H(P,Q)")).to_have_text("2.38 bits", timeout=SLOW)
    expect(metric_value(page, "Extra bits of Q's Huffman code")).to_have_text("0.625 bits")
    # The bit strings are coloured spans, one per codeword, named by their event.
    expect(page.locator('span[title="dog"]').first).to_be_visible()
    expect(page.get_by_text("identical to the original message")).to_be_visible()
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(3)
    no_errors(page)
    screenshot(page, f"codes-en-{name}", width=width)


@pytest.mark.parametrize("width, name", [(1400, "wide"), (390, "narrow")])
def test_codes_page_in_chinese_with_a_ruled_out_event(page: Page, server, width, name):
    page.set_viewport_size({"width": width, "height": 1000})
    open_app(page, f"{server}/codes?lang=zh&preset=ruled_out&done=---rr")
    expect(page.locator("h1").first).to_have_text("编码与采样", timeout=SLOW)
    expect(metric_value(page, "Q 的哈夫曼码")).to_have_text("∞ 比特", timeout=SLOW)
    expect(page.get_by_text("Q 的编码没有“鸟”的码字").first).to_be_visible()
    no_errors(page)
    screenshot(page, f"codes-zh-{name}", width=width)


def test_message_length_changes_the_bits(page: Page, server):
    open_app(page, f"{server}/codes?preset=animals&done=---rr")  # the message waits for both
    field = page.get_by_label("Symbols in the message")
    field.fill("200")
    field.press("Enter")
    wait_ready(page)
    expect(page.get_by_text("The message (200 symbols)")).to_be_visible(timeout=SLOW)
    no_errors(page)
