"""The lesson path walked as a student walks it (issue 19): from the home page to the last
lesson by the frame's "Next" button only, in English on a laptop and in Chinese on a phone,
answering every checkpoint on the way (some right at once, some wrong and then tried again),
with the verdict each answer must get computed here from :mod:`lib.lesson` and the pages'
default inputs; then the progress on the home page, across a language switch and a reload of
the address; and the presentation view on a projector-sized screen."""

import re
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
from playwright.sync_api import Page, expect

from lib import calibration as cal
from lib import continuous, digits, lesson, network_runs, tables, text
from tests.browser.conftest import open_app, wait_ready
from ui import calibration as cb
from ui import compression as cx
from ui import continuous as ct
from ui import explorer as ex
from ui import information as inf
from ui import loss as ls
from ui import network as nw
from ui import neuron as nr
from ui.layout import PATH
from ui.strings import STRINGS

pytestmark = pytest.mark.browser

BITS = 2  # the sidebar's default unit: the pages judge in bits


def say(key: str, lang: str, **fields) -> str:
    return STRINGS[key][lang == "zh"].format(**fields)


def trained_network() -> tuple[dict[str, list[float]], dict]:
    """The digits network's default run, trained here as the server trains it on a first
    visit (same settings, same bundled digits, same seed; about two seconds): each cost's test
    accuracy per epoch, and its outputs."""
    work = network_runs.work(nw.DEFAULT, digits.bundled())
    for _ in range(work.steps):
        work.step()
    rows, outputs = work.finish()
    return {c: [row["test_accuracy"] for row in rows[c]] for c in nw.COSTS}, outputs


@pytest.fixture(scope="module")
def answers() -> dict[tuple[str, str], lesson.Answer]:
    """Every checkpoint's answer on its page's default inputs (the settings' defaults, read as
    the page reads them), by the rule the page uses."""
    info_d, tx, loss_d, calib, mix = (inf.S.defaults, cx.S.defaults, ls.S.defaults,
                                      cb.S.defaults, ct.S.defaults)
    pq = tables.read_distributions(ex.S.defaults["table"])
    p, q = np.asarray(pq.p), np.asarray(pq.q)
    train, held = text.split_text(cx.prose(tx["text"]))
    coded = text.compress(held, train, tx["order"], tx["alpha"])
    components = range(1, int(mix["n"]) + 1)
    mixture = {"weights": continuous.normalise_weights(
                   [mix[f"w{i}"] for i in components] if len(components) > 1 else [1.0]),
               "means": [mix[f"m{i}"] for i in components],
               "sds": [mix[f"s{i}"] for i in components]}
    accuracy, outputs = trained_network()
    o = outputs[calib["net"]]
    fit = cal.split(o.valid_z, o.valid_y, o.test_z, o.test_y)
    inputs = {
        "information": {"p1": info_d["p1"], "p2": info_d["p2"], "base": BITS,
                        "weights": tables.read_column(info_d["table"], "weight")[1]},
        "codes": {"p": p, "q": q},
        "explorer": {"p": p, "q": q, "base": BITS},
        "compression": {"held_bits": [pt.test_bits for pt in text.order_curve(
                            train, held, tx["alpha"])],
                        "huffman": coded.huffman, "coded": len(coded.bits)},
        "continuous": {**mixture, "sd": mix["h_sd"], "base": BITS,
                       # the reverse-fit checkpoint judges the fit the page shows
                       **dict(zip(("mu_q", "sd_q"), continuous.fit_reverse(**mixture)))},
        "loss": {"a": tables.read_column(loss_d["table"], "a")[1],
                 "y": np.array([bool(v) for v in loss_d["table"]["y"]], float),
                 "heads": loss_d["heads"], "tails": loss_d["tails"],
                 "logits": [loss_d[f"z{i}"] for i in range(len(ls.DEFAULT_LOGITS))],
                 "true": loss_d["true"]},
        "neuron": nr.S.defaults,
        "network": accuracy,
        "calibration": {"p": calib["p"], "k": calib["k"], "eps": calib["eps"],
                        "temperature": cal.fit_temperature(fit.fit_z, fit.fit_y)},
    }
    return {(c.page, c.id): c.answer(inputs[c.page]) for c in lesson.CHECKPOINTS}


def prediction(cp: lesson.Checkpoint, answer: lesson.Answer, right: bool):
    """A prediction the rule judges ``right`` (or not): the answer itself, or another choice, or
    a number half a unit away (outside every checkpoint's tolerance)."""
    if cp.choices:
        pick = answer.right if right else next(c for c in cp.choices if c != answer.right)
    else:
        x = float(answer.right)
        pick = x if right else x - 0.5 if x > 0.5 else x + 0.5
    assert cp.judge(pick, answer) is right, (cp.page, cp.id, pick, answer)
    return pick


def predict(page: Page, cp: lesson.Checkpoint, answer: lesson.Answer, right: bool,
            lang: str) -> None:
    """Commit a prediction in the checkpoint's box, check it, and see the verdict."""
    box = page.locator(f".st-key-checkpoint-{cp.page}-{cp.id}")
    pick = prediction(cp, answer, right)
    box.scroll_into_view_if_needed()
    if cp.choices:
        box.locator('[data-testid="stRadioOption"]').nth(cp.choices.index(pick)).click()
    else:
        field = box.locator('[data-testid="stNumberInputField"]')
        field.fill(f"{pick:.3f}")
        field.press("Enter")
    check = box.locator(f".st-key-_cp-check-{cp.page}-{cp.id} button")
    expect(check).to_be_enabled(timeout=30_000)
    check.click()
    verdict = box.locator('[data-testid="stAlertContentSuccess"]' if right
                          else '[data-testid="stAlertContentWarning"]')
    expect(verdict).to_contain_text(say("cp.right", lang) if right
                                    else say("cp.wrong", lang, yours="").rstrip("。. "),
                                    timeout=30_000)
    expect(verdict).to_contain_text(say("cp.answer", lang, right="").rstrip("。. "))


def next_link(page: Page, key: str, lang: str):
    label = say("path.next", lang, title=say(f"page.{key}", lang))
    return page.locator('[data-testid="stMain"] [data-testid="stPageLink-NavLink"]',
                        has_text=label)


def heading(key: str, lang: str) -> str:
    return say("home.title" if key == "home" else f"page.{key}", lang)


def home_progress(page: Page, lang: str) -> None:
    """Every step on the home page shows all its checkpoints answered."""
    for step in PATH[1:]:
        total = len(lesson.by_page(step.key))
        expect(page.locator(f".st-key-step-{step.key} [data-testid='stCaptionContainer']")) \
            .to_have_text(say("path.meta", lang, minutes=step.minutes, done=total,
                              total=total), timeout=30_000)


WALKS = {"en": {"width": 1280, "height": 800}, "zh": {"width": 390, "height": 844}}


def test_the_path_by_next_with_every_checkpoint_in_english(page: Page, server, answers):
    walk(page, server, answers, "en")


def walk(page: Page, server, answers, lang: str) -> None:
    """The whole path in ``lang`` at its screen size (:data:`WALKS`); the Chinese walk on a
    phone is in ``test_path_phone.py``, so that the two walks can run on two test workers."""
    page.set_viewport_size(WALKS[lang])
    open_app(page, f"{server}/?lang={lang}")
    expect(page.locator("h1").first).to_have_text(heading("home", lang))
    marks, n = {}, 0
    for there in PATH[1:]:
        link = next_link(page, there.key, lang)
        link.scroll_into_view_if_needed()
        expect(link).to_be_visible()
        box = link.bounding_box()  # on a phone too: the whole button inside the screen
        assert box["x"] >= 0 and box["x"] + box["width"] <= WALKS[lang]["width"] + 1, box
        link.click()
        expect(page.locator("h1").first).to_have_text(heading(there.key, lang),
                                                      timeout=30_000)
        assert urlparse(page.url).path.rstrip("/").endswith(f"/{there.key}")
        results = page.get_by_role("heading", name=say("nw.results", lang))
        if there.key == "network":  # the first visit trains the default run: wait for it
            expect(page.get_by_role("button", name=say("nw.train", lang))).to_be_enabled(
                timeout=180_000)
            wait_ready(page)
            # Trained, but its results wait for both predictions.
            expect(page.get_by_text(say("nw.held.predict", lang))).to_be_visible()
            expect(results).to_have_count(0)
        for cp in lesson.by_page(there.key):
            answer = answers[(cp.page, cp.id)]
            # Every fourth wrong at first, not the same ones in the two walks.
            wrong_first = n % 4 == (0 if lang == "en" else 2)
            n += 1
            if wrong_first:
                predict(page, cp, answer, False, lang)
                again = page.locator(f".st-key-_cp-again-{cp.page}-{cp.id} button")
                expect(again).to_have_text(re.compile(re.escape(say("cp.again", lang))))
                again.click()
                expect(page.locator(f".st-key-_cp-check-{cp.page}-{cp.id} button")) \
                    .to_be_disabled(timeout=30_000)
            predict(page, cp, answer, True, lang)
            marks[(cp.page, cp.id)] = "t" if wrong_first else "r"
        if there.key == "network":  # both predicted: now the results
            expect(results).to_be_visible(timeout=30_000)
            expect(page.get_by_text(say("nw.held.predict", lang))).to_have_count(0)
        wait_ready(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        expect(page.get_by_text(say("app.error", lang))).to_have_count(0)  # nothing failed
    # The last lesson: back, but no next.
    expect(page.locator('[data-testid="stMain"] [data-testid="stPageLink-NavLink"]',
                        has_text=say("path.next", lang, title="").strip())).to_have_count(0)
    expected = lesson.encode_progress(marks)
    assert parse_qs(urlparse(page.url).query)["done"] == [expected]

    # The home page counts every checkpoint answered, in both languages and after a reload.
    if page.viewport_size["width"] < 640:
        page.locator('[data-testid="stExpandSidebarButton"]').click()
    page.locator('[data-testid="stSidebarNavLink"]', has_text=say("page.home", lang)).click()
    expect(page.locator("h1").first).to_have_text(heading("home", lang), timeout=30_000)
    wait_ready(page)
    home_progress(page, lang)
    other = "en" if lang == "zh" else "zh"
    sidebar = page.locator('[data-testid="stSidebar"]')
    if not sidebar.get_by_text("中文", exact=True).is_visible():
        page.locator('[data-testid="stExpandSidebarButton"]').click()
    sidebar.get_by_text("中文" if other == "zh" else "English", exact=True).click()
    expect(page.locator("h1").first).to_have_text(heading("home", other), timeout=30_000)
    wait_ready(page)
    home_progress(page, other)
    assert parse_qs(urlparse(page.url).query)["done"] == [expected]
    page.reload()
    wait_ready(page)
    expect(page.locator("h1").first).to_have_text(heading("home", other), timeout=30_000)
    home_progress(page, other)


def test_presentation_view_on_a_projector(page: Page, server):
    """Large type, explanations left out and takeaways kept, on two pages: the first by the
    sidebar's toggle, the second by the address the first one leaves (it carries teach=1)."""
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_app(page, f"{server}/explorer")
    root = "() => getComputedStyle(document.documentElement).fontSize"
    large = "() => getComputedStyle(document.documentElement).fontSize === '22px'"
    intro, takeaway = say("ex.intro", "en"), say("ex.cross.takeaway", "en")
    expect(page.get_by_text(intro)).to_be_visible()
    assert page.evaluate(root) == "16px"
    page.locator('[data-testid="stSidebar"]').get_by_text(say("settings.teach", "en")).click()
    wait_ready(page)
    page.wait_for_function(large, timeout=30_000)  # the projector's type, on the whole page
    expect(page.get_by_text(intro)).to_have_count(0)
    expect(page.get_by_text(takeaway)).to_be_visible()
    link = urlparse(page.url)
    assert parse_qs(link.query).get("teach") == ["1"]

    page.goto(f"{link.scheme}://{link.netloc}/neuron?{link.query}")
    wait_ready(page)
    expect(page.locator("h1").first).to_have_text(heading("neuron", "en"), timeout=30_000)
    page.wait_for_function(large, timeout=30_000)
    expect(page.get_by_text(say("nr.limits.takeaway", "en"))).to_be_visible()
    # The race's own takeaway is its answer: it waits for the teacher to reveal the race.
    expect(page.get_by_text(say("nr.takeaway", "en"))).to_have_count(0)
    page.locator(".st-key-checkpoint-neuron-first_to_target").get_by_role(
        "button", name=say("cp.teach.reveal", "en")).click()
    wait_ready(page)
    expect(page.get_by_text(say("nr.takeaway", "en"))).to_be_visible()
    for explanation in ("nr.intro", "nr.training.intro"):
        expect(page.get_by_text(say(explanation, "en"))).to_have_count(0)
