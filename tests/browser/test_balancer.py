"""Two copies of the app behind HAProxy, started as a teacher starts them (deploy/serve.py):
a page works through the balancer, its websocket included; each browser stays on its copy
(pages, scripts, the websocket and an upload); and when a copy stops, the other copy's students
carry on and a student of the stopped copy who reloads lands on the live one with everything
the link holds."""

import pytest
from playwright.sync_api import Browser, expect

from deploy.serve import COOKIE, Deployment, haproxy
from lib import lesson
from tests.browser.conftest import SHOTS, _free_port, wait_ready
from tests.test_state import fifty_row_csv
from ui.strings import STRINGS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(haproxy() is None, reason="haproxy is not installed; `bash tests/run.sh` "
                       "installs it (Debian: apt-get install haproxy)"),
]

#: The explorer's checkpoints answered (its numbers wait for a prediction): a link's done=.
ANSWERED = lesson.encode_progress({("explorer", c.id): "r" for c in lesson.by_page("explorer")})
#: A link with a bad cell and a row just added with "+" (issue 23).
LINK = f"/explorer?table=lion_abc_0.25~wolf_0.3_0.25~bear_0.2_0.5~__&done={ANSWERED}"


@pytest.fixture(scope="module")
def balancer():
    ports = [_free_port() for _ in range(4)]
    with Deployment(2, ports[0], address="127.0.0.1", copy_ports=ports[1:3],
                    stats_port=ports[3], log_dir=SHOTS / "balancer",
                    env={"BITS_TO_LOSSES_MNIST_MIRRORS": "http://127.0.0.1:9/"}) as deployment:
        yield deployment


class Student:
    """A browser of its own (a new context: no cookie yet), noting which copy answered each of
    its requests (HAProxy's X-Copy header) and its websockets."""

    def __init__(self, browser: Browser, url: str):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.answered_by: list[str] = []
        self.sockets: list[str] = []
        self.page.on("response", lambda r: self.answered_by.append(r.headers.get("x-copy", "?"))
                     if r.url.startswith(url) else None)
        self.page.on("websocket", lambda ws: self.sockets.append(ws.url))
        self.url = url

    def open(self, path: str) -> None:
        self.page.goto(self.url + path)
        wait_ready(self.page)

    def copy(self) -> str:
        return next(c["value"] for c in self.context.cookies() if c["name"] == COOKIE)

    def kl(self):
        return self.page.locator('[data-testid="stMetric"]', has_text=STRINGS["ex.m.kl_pq"][0]) \
            .first.locator('[data-testid="stMetricValue"]')


@pytest.fixture(scope="module")
def students(balancer, browser):
    made = [Student(browser, balancer.url) for _ in range(2)]
    yield made
    for s in made:
        s.context.close()


def test_a_page_works_through_the_balancer_websocket_included(balancer, students):
    first, second = students
    first.open(LINK)
    # The page's elements come over the websocket: the link's bad cell, explained, and kept.
    errors = first.page.locator('[data-testid="stAlertContentError"]')
    expect(errors.first).to_contain_text("“abc”", timeout=30_000)
    expect(errors).to_have_count(3)  # P of lion, P and Q of the empty row
    assert "table=lion_abc_0.25" in first.page.url
    assert first.sockets and all(s.endswith("/_stcore/stream") for s in first.sockets)
    # A rerun over the same websocket: a preset replaces the table.
    first.page.get_by_role("button", name=STRINGS["ex.preset.die"][0]).click()
    wait_ready(first.page)
    expect(first.kl()).to_contain_text("bits", timeout=30_000)
    assert "preset=die" in first.page.url
    assert set(first.answered_by) == {first.copy()}, "every answer from the browser's copy"
    # The next new browser is sent to the other copy, and stays there too.
    second.open(f"/explorer?done={ANSWERED}")
    expect(second.kl()).to_contain_text("bits", timeout=30_000)
    assert {first.copy(), second.copy()} == {"app1", "app2"}
    assert set(second.answered_by) == {second.copy()}
    assert {r["status"] for r in balancer.stats().values()} == {"UP"}


def test_an_upload_reaches_its_copy_and_the_table_survives_a_reload(balancer, students):
    _, second = students
    page = second.page
    page.get_by_text(STRINGS["ex.files"][0]).click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        {"name": "class.csv", "mimeType": "text/csv", "buffer": fifty_row_csv()})
    expect(page.get_by_text("Loaded 50 rows")).to_be_visible(timeout=30_000)
    wait_ready(page)
    assert "table=~1" in page.url  # the compact form: 50 rows of 60-character labels
    kl, url = second.kl().inner_text(), page.url
    page.reload()
    wait_ready(page)
    expect(second.kl()).to_have_text(kl, timeout=30_000)
    assert page.url == url and page.locator('[data-testid="stAlertContentWarning"]').count() == 0
    assert set(second.answered_by) == {second.copy()}


def test_stopping_a_copy_loses_none_of_the_other_copys_students(balancer, students):
    first, second = students
    stopped = second.copy()
    kept_kl, kept_url = second.kl().inner_text(), second.page.url
    balancer.stop_copy(int(stopped[-1]))
    # The other copy's student carries on in the same session.
    first.page.get_by_role("button", name=STRINGS["ex.preset.coin"][0]).click()
    wait_ready(first.page)
    assert "preset=coin" in first.page.url
    expect(first.page.locator('[data-testid="stAlertContentError"]')).to_have_count(0)
    # The stopped copy's student reloads: the live copy, with everything the link holds.
    second.page.reload()
    wait_ready(second.page)
    expect(second.kl()).to_have_text(kept_kl, timeout=30_000)
    assert second.page.url == kept_url
    assert second.copy() == first.copy() != stopped
