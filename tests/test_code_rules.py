"""The architecture's rules, checked on the source (README, ui/MECHANISMS.md): ``lib`` is pure
(no Streamlit), the app uses no private Streamlit API, and no module imports a name it never
uses or uses a name it never defines (pyflakes: dead imports and aliases kept only to re-export
are how duplicated names creep back)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from pyflakes.api import check
from pyflakes.reporter import Reporter

ROOT = Path(__file__).resolve().parents[1]
APP_CODE = sorted([ROOT / "app.py", *(ROOT / "ui").rglob("*.py"), *(ROOT / "pages").rglob("*.py"),
                   *(ROOT / "lib").glob("*.py")])


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "lib").glob("*.py")), ids=lambda p: p.name)
def test_lib_never_imports_streamlit(path):
    assert not {n for n in _imports(path) if n.split(".")[0] == "streamlit"}


@pytest.mark.parametrize("path", APP_CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_app_uses_no_private_streamlit_api(path):
    private = {n for n in _imports(path) if n.startswith("streamlit.")
               and not n.startswith(("streamlit.testing",))}
    assert not private, f"{path.name} imports {private}"


class _Found(Reporter):
    def __init__(self):
        self.lines: list[str] = []

    def unexpectedError(self, filename, message):  # noqa: N802 - pyflakes' interface
        self.lines.append(f"{filename}: {message}")

    def syntaxError(self, filename, msg, lineno, offset, text):  # noqa: N802
        self.lines.append(f"{filename}:{lineno}: {msg}")

    def flake(self, message):
        self.lines.append(str(message))


@pytest.mark.parametrize("path", APP_CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_unused_import_and_no_undefined_name(path):
    found = _Found()
    check(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)), found)
    assert found.lines == []
