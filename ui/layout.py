"""Page chrome shared by every page: settings in session state, the sidebar, the menu."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, t

ROOT = Path(__file__).resolve().parents[1]

#: Units of information: session-state key -> logarithm base (None = natural log).
UNITS = {"bits": 2, "nats": None, "hartleys": 10}
DEFAULT_UNITS = "bits"


@dataclass(frozen=True)
class PageInfo:
    path: str   # relative to the repository root, as st.page_link wants it
    key: str    # "page.<key>" is the menu label; "page.<key>.blurb" the home map text (not home)
    icon: str


#: The menu, in reading order. Pages whose script does not exist yet are left out everywhere.
PAGES = (
    PageInfo("app.py", "home", ":material/home:"),
    PageInfo("pages/information.py", "information", ":material/lightbulb:"),
    PageInfo("pages/explorer.py", "explorer", ":material/compare_arrows:"),
    PageInfo("pages/loss.py", "loss", ":material/functions:"),
    PageInfo("pages/neuron.py", "neuron", ":material/neurology:"),
    PageInfo("pages/network.py", "network", ":material/hub:"),
)


#: Wide equations would be cut off on a phone: shrink display math a little on narrow screens
#: and let anything still too wide scroll sideways instead of disappearing.
_STYLE = """<style>
.katex-display { overflow-x: auto; overflow-y: hidden; }
@media (max-width: 640px) { .katex-display { font-size: 0.88em; } }
</style>"""


def available_pages() -> list[PageInfo]:
    return [p for p in PAGES if (ROOT / p.path).exists()]


def _init_settings() -> None:
    # "lang" and "units" are the single source of truth; the widgets below only mirror them,
    # because a widget's own state is dropped when the reader moves to another page.
    st.session_state.setdefault("lang", DEFAULT_LANGUAGE)
    st.session_state.setdefault("units", DEFAULT_UNITS)
    if st.session_state["lang"] not in LANGUAGES:
        st.session_state["lang"] = DEFAULT_LANGUAGE
    if st.session_state["units"] not in UNITS:
        st.session_state["units"] = DEFAULT_UNITS


def _copy_back(truth_key: str, widget_key: str) -> None:
    st.session_state[truth_key] = st.session_state[widget_key]


def mirrored(widget, truth_key: str, *args, **kwargs):
    """Draw ``widget`` showing and setting ``st.session_state[truth_key]``.

    The value lives under ``truth_key`` (a widget's own state is dropped on a page switch).
    The widget's key carries the language, so translated option labels make a fresh widget
    seeded from the truth rather than one whose stored labels no longer match. Pass a
    ``format_func`` that needs no session state (a dict's ``get``): Streamlit may call it
    outside the script run.
    """
    widget_key = f"_{truth_key}_{st.session_state.get('lang', DEFAULT_LANGUAGE)}"
    st.session_state[widget_key] = st.session_state[truth_key]
    return widget(*args, key=widget_key, on_change=_copy_back, args=(truth_key, widget_key),
                  **kwargs)


def units() -> str:
    """The chosen unit's key: "bits", "nats" or "hartleys"."""
    return st.session_state.get("units", DEFAULT_UNITS)


def base() -> float | None:
    """Logarithm base of the chosen unit (None for nats, i.e. the natural log)."""
    return UNITS[units()]


def unit_label() -> str:
    """The chosen unit's name in the reader's language."""
    return t(f"unit.{units()}")


def page_setup(page_key: str) -> None:
    """First call of every page: settings, browser tab title, sidebar menu and settings."""
    _init_settings()
    page = next(p for p in PAGES if p.key == page_key)
    st.set_page_config(page_title=f"{t('page.' + page_key)} · {t('app.name')}",
                       page_icon=page.icon, layout="wide")
    st.html(_STYLE)
    with st.sidebar:
        st.markdown(f"### {t('app.name')}")
        for p in available_pages():
            st.page_link(p.path, label=t(f"page.{p.key}"), icon=p.icon)
        st.divider()
        mirrored(st.segmented_control, "lang", t("settings.language"), list(LANGUAGES),
                 format_func=LANGUAGES.get, required=True)
        mirrored(st.radio, "units", t("settings.units"), list(UNITS),
                 format_func={u: t(f"unit.{u}.long") for u in UNITS}.get)
        st.caption(t("settings.units.help"))
