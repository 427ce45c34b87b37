"""A preset redraws the page in place (issue 22: the student's browser).

Streamlit's browser identifies an element by its place among its siblings: when an element
appears or disappears above others, every later sibling is rebuilt from scratch, charts
re-embedded and tables re-created, even when nothing in them changed (measured on the codes
page: a preset's renderer CPU 1.05 s with such a shift, 0.33 s without). Pages therefore put
anything drawn only sometimes in a keyed slot (``st.container(key=...)``), and these tests
check that no preset moves an element any later sibling depends on.
"""

import pytest

from tests.conftest import open_page, set_language


def kinds(node, path=(), out=None) -> dict[tuple, list[str]]:
    """Each block of the page (by its path) -> its children's element kinds, in order."""
    out = {} if out is None else out
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        out[path] = [getattr(children[k], "type", "?") for k in sorted(children)]
        for k in sorted(children):
            kinds(children[k], path + (k,), out)
    return out


def shifts(before: dict, after: dict) -> list[tuple]:
    """Blocks where an element was added or removed with siblings after it (which the browser
    would then rebuild): (path, first differing place, length before, length after)."""
    found = []
    for path, a in before.items():
        b = after.get(path)
        if b is None or len(a) == len(b):
            continue  # same length: at most an element swapped in place
        n = min(len(a), len(b))
        i = next((j for j in range(n) if a[j] != b[j]), n)
        if i < n - 1:
            found.append((path, i, len(a), len(b), a[i], b[i]))
    return found


@pytest.mark.parametrize("name", ["codes", "continuous", "explorer", "neuron"])
def test_presets_keep_every_element_in_its_place(name):
    at = open_page(f"pages/lessons/{name}.py")
    presets = [b.key for b in at.button if b.key and b.key.startswith(f"_preset.{name}.")]
    assert presets
    moved = {}
    for key in presets + presets[:1]:  # each preset after the one before, and back to the first
        before = kinds(at.main)
        at.button(key=key).click().run()
        assert not at.exception, at.exception
        found = shifts(before, kinds(at.main))
        if found:
            moved[key] = found
    assert not moved, moved


@pytest.mark.parametrize("name", ["home", "information", "codes", "explorer", "loss", "neuron",
                                  "network", "compression", "continuous", "calibration",
                                  "glossary"])
def test_a_language_switch_keeps_every_element_in_its_place(name):
    at = open_page(f"pages/lessons/{name}.py")
    before = kinds(at.main)
    set_language(at, "zh")
    assert shifts(before, kinds(at.main)) == []


def test_the_check_sees_a_shift():
    before = {(): ["title", "page_link", "header", "vega_lite_chart"]}
    assert shifts(before, {(): ["title", "header", "vega_lite_chart"]}) == [
        ((), 1, 4, 3, "page_link", "header")]
    assert shifts(before, {(): ["title", "page_link", "header", "vega_lite_chart", "info"]}) == []
    assert shifts(before, {(): ["title", "info", "header", "vega_lite_chart"]}) == []
