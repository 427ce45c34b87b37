"""Page frame shared by every page: settings, the sidebar menu, links, and the error guard.

Every page script is::

    with ui.page("explorer", state):   # state: the page's ui.state.PageState (or None)
        ...                            # the page's body

which sets the page up (settings, a link read once per session, the sidebar with the menu,
language, units and "Reset this page"), shows what a link could not set, catches anything
unexpected (the reader gets a sentence in their language, the server log the traceback), and
leaves the page's full state in the address bar.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import streamlit as st

from ui import memory, problems, state
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, t

_LOG = logging.getLogger("bits_to_losses")

#: Where to append each script run's server time (page, kind, seconds), for
#: bench/bench_classroom.py: set only by a benchmark, never in production.
RUN_LOG = os.environ.get("BITS_TO_LOSSES_RUN_LOG")
_RUN_LOG_LOCK = threading.Lock()


def _log_run(where: str, kind: str, started: float) -> None:
    if RUN_LOG:
        line = f"{time.time():.3f}\t{where}\t{kind}\t{time.perf_counter() - started:.5f}\n"
        with _RUN_LOG_LOCK, open(RUN_LOG, "a", encoding="utf-8") as f:
            f.write(line)

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
    PageInfo("pages/codes.py", "codes", ":material/data_array:"),
    PageInfo("pages/loss.py", "loss", ":material/functions:"),
    PageInfo("pages/neuron.py", "neuron", ":material/neurology:"),
    PageInfo("pages/network.py", "network", ":material/hub:"),
    PageInfo("pages/glossary.py", "glossary", ":material/dictionary:"),
)


#: Wide equations would be cut off on a phone: shrink display math a little on narrow screens
#: and let anything still too wide scroll sideways instead of disappearing.
_STYLE = """<style>
.katex-display { overflow-x: auto; overflow-y: hidden; }
@media (max-width: 640px) { .katex-display { font-size: 0.88em; } }
</style>"""


#: The browser-tab icon: a file served by the app itself (a :material/...: page icon makes the
#: browser fetch the icon font from the internet).
ICON = str(ROOT / "ui" / "icon.png")


@functools.lru_cache(maxsize=1)
def available_pages() -> tuple[PageInfo, ...]:
    """The menu's pages whose script exists (looked up once per process)."""
    return tuple(p for p in PAGES if (ROOT / p.path).exists())


#: The app-wide settings: truth under the plain keys "lang" and "units".
APP = state.PageState("", [
    state.Setting("lang", DEFAULT_LANGUAGE, "choice", choices=tuple(LANGUAGES)),
    state.Setting("units", DEFAULT_UNITS, "choice", choices=tuple(UNITS)),
])


def units() -> str:
    """The chosen unit's key: "bits", "nats" or "hartleys"."""
    return st.session_state.get("units", DEFAULT_UNITS)


def base() -> float | None:
    """Logarithm base of the chosen unit (None for nats, i.e. the natural log)."""
    return UNITS[units()]


def unit_label() -> str:
    """The chosen unit's name in the reader's language."""
    return t(f"unit.{units()}")


def page_setup(page_key: str, page_state: state.PageState | None = None) -> None:
    """First call of every page (``page`` calls it): settings, the link (read once per
    session), browser tab title, sidebar menu and settings, and the link's problems."""
    st.session_state["_page"] = page_key
    memory.trim_after_sessions()
    APP.ensure()
    if page_state is not None:
        page_state.ensure()
        for other in page_state.shared:
            other.ensure()
    state.read_link(page_state)
    with st.sidebar:
        # The language is drawn first: its value is then current for everything below.
        st.markdown(f"### {t('app.name')}")
        lang_slot = st.container()
        for p in available_pages():
            st.page_link(p.path, label=t(f"page.{p.key}"), icon=p.icon)
        st.divider()
        with lang_slot:
            APP.choice("lang", t("settings.language"), LANGUAGES, widget="segmented_control")
        APP.choice("units", t("settings.units"), {u: t(f"unit.{u}.long") for u in UNITS})
        st.caption(t("settings.units.help"))
        if page_state is not None:
            st.divider()
            st.button(t("settings.reset"), icon=":material/restart_alt:",
                      on_click=page_state.reset, help=t("settings.reset.help"),
                      key=f"_reset.{page_key}")
            st.caption(t("settings.link.help"))
    st.set_page_config(page_title=f"{t('page.' + page_key)} · {t('app.name')}",
                       page_icon=ICON, layout="wide")
    st.html(_STYLE)
    found = st.session_state.pop(state.LINK_PROBLEMS, None)
    if found:
        st.warning(problems.link_summary(found), icon=":material/link_off:")


class _StopPage(BaseException):
    """Raised by :func:`stop`: ends a page's body, not the whole script run."""


def stop() -> None:
    """End the page's body here (instead of ``st.stop()``, after which Streamlit sends nothing
    more, so the link could not be written)."""
    raise _StopPage


def _unexpected(where: str) -> None:
    _LOG.exception("unexpected error on %s", where)
    st.error(t("app.error"), icon=":material/error:")


@contextlib.contextmanager
def page(page_key: str, page_state: state.PageState | None = None) -> Iterator[None]:
    """The frame of a page script: set up, run the body guarded, leave the state in the link."""
    started = time.perf_counter()
    try:
        page_setup(page_key, page_state)
    except Exception:  # noqa: BLE001 - the body may still draw; a reader never sees a traceback
        _unexpected(page_key)
    try:
        yield
    except _StopPage:
        pass
    except Exception:  # noqa: BLE001 - a reader never sees a traceback; the log does
        _unexpected(page_key)
    finally:
        state.sync_url()
        _log_run(page_key, "page", started)


def fragment(func: Callable | None = None, *, run_every: float | None = None) -> Any:
    """``st.fragment`` for a section of a page: when a widget inside it changes, only the
    section reruns; it is guarded like the page and keeps the link current."""
    def wrap(f: Callable) -> Any:
        @functools.wraps(f)
        def body(*args: Any, **kwargs: Any) -> None:
            started = time.perf_counter()
            try:
                f(*args, **kwargs)
            except _StopPage:
                pass
            except Exception:  # noqa: BLE001
                _unexpected(f.__qualname__)
            finally:
                if state.in_fragment_rerun():  # a full run writes the link at its end
                    state.sync_url()
                    _log_run(st.session_state.get("_page", ""), "section", started)
        return st.fragment(body, run_every=run_every)
    return wrap(func) if func is not None else wrap
