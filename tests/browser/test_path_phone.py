"""The lesson path walked by "Next" in Chinese on a phone (390 × 844), every checkpoint
answered: the walk of ``test_path.py``, in a file of its own so that it runs on another test
worker than the English walk."""

import pytest
from playwright.sync_api import Page

from tests.browser.test_path import answers, walk  # noqa: F401 - ``answers`` is a fixture

pytestmark = pytest.mark.browser


def test_the_path_by_next_with_every_checkpoint_in_chinese_on_a_phone(page: Page, server,
                                                                       answers):  # noqa: F811
    walk(page, server, answers, "zh")
