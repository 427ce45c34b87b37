"""The explorer and information pages in a real browser: a grid edit survives a language switch,
the address reproduces the view in a fresh browser, CSV downloads read back, screenshots."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from lib import csvfile, info
from lib import fmt
from tests.browser.conftest import (edit_cell, metric_value, nav_link, open_app, screenshot,
                                    wait_ready)

pytestmark = pytest.mark.browser

KL = "KL divergence KL(P‖Q)"


def sidebar(page: Page):
    return page.locator('[data-testid="stSidebar"]')


TERMS = ("Event by event: every term, exact (table and CSV)", "逐个事件：每一项的精确值（表格与 CSV）")


def terms_table(page: Page):
    """The event-by-event table, its expander opened if it is closed (the page draws an
    expander's content only while it is open)."""
    table = page.locator('[data-testid="stExpander"]').filter(
        has=page.locator("summary").filter(has_text=re.compile("|".join(map(re.escape, TERMS))))).first
    if table.locator('[data-testid="stDataFrame"]').count() == 0:
        table.locator("summary").click()
        wait_ready(page)
    return table.locator('[data-testid="stDataFrame"]').first


def metric_values(page: Page) -> list[str]:
    return page.locator('[data-testid="stMetricValue"]').all_inner_texts()


#: The explorer's three checkpoints answered (the link's progress): its numbers are shown.
DONE = "-----rrr"


def test_edit_survives_language_and_link_reproduces_it(page: Page, server, browser: Browser):
    open_app(page, f"{server}/explorer?done={DONE}")
    expect(metric_value(page, KL)).to_have_text("0.625 bits")
    edit_cell(page, row=0, column=0, value="wolf")   # a label of the reader's own
    wait_ready(page)
    edit_cell(page, row=0, column=1, value="0.4")    # P: 1/2 -> 0.4
    wait_ready(page)
    edit_cell(page, row=1, column=1, value="7/20")   # P: 1/4 -> 0.35, typed as a fraction
    wait_ready(page)
    p, q = (0.4, 0.35, 0.125, 0.125), (0.125, 0.5, 0.25, 0.125)
    kl = fmt.short(info.kl_divergence(p, q, 2))
    expect(metric_value(page, KL)).to_have_text(f"{kl} bits")
    expect(terms_table(page)).to_contain_text("wolf")

    sidebar(page).get_by_text("中文").click()
    wait_ready(page)
    expect(page.locator("h1").first).to_have_text("P 与 Q 对比")
    expect(metric_value(page, "KL 散度 KL(P‖Q)")).to_have_text(f"{kl} 比特")
    per_event = terms_table(page)
    expect(per_event).to_contain_text("wolf")        # the reader's label, not translated
    expect(per_event).to_contain_text("猫")          # preset labels follow the language
    shown = metric_values(page)

    expect(page).to_have_url(re.compile(r"table=.*wolf"))
    link = page.url

    # Units, another page and back: the edit and the numbers are still there.
    sidebar(page).get_by_text("奈特（ln）").click()
    wait_ready(page)
    nats = f"{fmt.short(info.kl_divergence(p, q))} 奈特"
    expect(metric_value(page, "KL 散度 KL(P‖Q)")).to_have_text(nats)
    nav_link(page, "信息量与熵").click()
    wait_ready(page)
    nav_link(page, "P 与 Q 对比").click()
    wait_ready(page)
    expect(metric_value(page, "KL 散度 KL(P‖Q)")).to_have_text(nats)
    expect(terms_table(page)).to_contain_text("wolf")

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        fresh = context.new_page()
        open_app(fresh, link)
        expect(fresh.locator("h1").first).to_have_text("P 与 Q 对比")
        expect(metric_value(fresh, "KL 散度 KL(P‖Q)")).to_have_text(f"{kl} 比特")
        assert metric_values(fresh) == shown
        expect(terms_table(fresh)).to_contain_text("wolf")
    finally:
        context.close()


def test_csv_download_reads_back(page: Page, server):
    open_app(page, f"{server}/explorer?preset=die&done={DONE}")
    page.get_by_text("CSV file: download or load").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the table (CSV)").click()
    data = open(download.value.path(), "rb").read()
    read = csvfile.read_csv(data, ("P", "Q"), ("label",), numeric=("P", "Q"))
    assert read.ok and read.table["P"].tolist() == ["1/6"] * 6
    assert read.table["label"].tolist() == ["1", "2", "3", "4", "5", "6"]
    assert download.value.suggested_filename == "p_and_q.csv"
    terms_table(page)  # its expander open: the download button is in it
    with page.expect_download() as download:
        page.get_by_role("button", name="Download this table (CSV)").click()
    terms = csvfile.read_csv(open(download.value.path(), "rb").read(), ("P", "Q"),
                             ("label",), numeric=("P", "Q"), aliases={"label": ["event"]})
    assert terms.ok and len(terms.table) == 6


@pytest.mark.parametrize("slug", ["explorer", "information"])
def test_screenshots(page: Page, server, slug):
    open_app(page, f"{server}/{slug}?preset=ruled_out&done={DONE}" if slug == "explorer"
             else f"{server}/{slug}")
    screenshot(page, f"{slug}-p2-en-wide")
    screenshot(page, f"{slug}-p2-en-narrow", width=390)
    page.set_viewport_size({"width": 1400, "height": 1000})
    sidebar(page).get_by_text("中文").click()
    wait_ready(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, f"{slug}-p2-zh-wide")
    screenshot(page, f"{slug}-p2-zh-narrow", width=390)
