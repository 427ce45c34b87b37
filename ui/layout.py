"""The app's frame, written once around the page that runs (``app.py``): Streamlit's own
navigation with translated titles, the sidebar's settings, the link, and the error guard.

A page script has no frame of its own: it reads its inputs, calls ``lib`` and lays out.
"""

from __future__ import annotations

import functools
import importlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import streamlit as st

from lib import lesson
from lib.column_widths import column_widths
from lib.info import convert
from lib import fmt
from lib.settings import Setting
from ui import problems, state
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, t

_LOG = logging.getLogger("bits_to_losses")

ROOT = Path(__file__).resolve().parents[1]

#: Units of information: session-state key -> logarithm base (None = natural log).
UNITS = {"bits": 2, "nats": None, "hartleys": 10}
DEFAULT_UNITS = "bits"


@dataclass(frozen=True)
class PageInfo:
    key: str    # its address (/key, the home page /), "page.<key>" its title in ui.strings
    icon: str
    #: The ui module whose ``S`` holds the page's settings (None: the page has none).
    settings: str | None = None
    #: About how long the lesson takes, in minutes (0: not a step of the path).
    minutes: int = 0

    @property
    def path(self) -> str:
        """The page script, relative to the repository root (what st.page_link takes)."""
        return f"pages/lessons/{self.key}.py"


#: The menu, in reading order.
PAGES = (
    PageInfo("home", ":material/home:"),
    PageInfo("information", ":material/lightbulb:", "ui.information", 10),
    PageInfo("codes", ":material/data_array:", "ui.codes", 15),
    PageInfo("explorer", ":material/compare_arrows:", "ui.explorer", 15),
    PageInfo("compression", ":material/compress:", "ui.compression", 15),
    PageInfo("continuous", ":material/area_chart:", "ui.continuous", 15),
    PageInfo("loss", ":material/functions:", "ui.loss", 20),
    PageInfo("neuron", ":material/neurology:", "ui.neuron", 15),
    PageInfo("network", ":material/hub:", "ui.network", 15),
    PageInfo("calibration", ":material/tune:", "ui.calibration", 15),
    PageInfo("glossary", ":material/dictionary:", "ui.glossary"),
)
#: The lesson path: home, then every page with a time, in menu order (the glossary is a side door).
PATH = tuple(p for p in PAGES if p.minutes or p.key == "home")
BY_KEY = {p.key: p for p in PAGES}

#: Wide equations would be cut off on a phone: shrink display math a little on narrow screens
#: and let anything still too wide scroll sideways instead of disappearing. A page link's label
#: wraps instead of being cut off at the column's edge (Streamlit keeps it on one line).
_STYLE = """<style>
.katex-display { overflow-x: auto; overflow-y: hidden; }
@media (max-width: 640px) { .katex-display { font-size: 0.88em; } }
[data-testid="stPageLink-NavLink"] > span:last-child,
[data-testid="stPageLink-NavLink"] > span:last-child * { white-space: normal; overflow: visible; }
</style>"""
#: The presentation view, for a projector: larger type everywhere (Streamlit sizes in rem).
_TEACH_STYLE = "<style>html { font-size: 22px; }</style>"

#: The browser-tab icon: a file served by the app itself (a :material/...: page icon makes the
#: browser fetch the icon font from the internet).
ICON = str(ROOT / "ui" / "icon.png")

#: The app-wide settings: widgets keyed "lang" and "units".
APP = state.PageState("", [
    Setting("lang", DEFAULT_LANGUAGE, "choice", choices=tuple(LANGUAGES)),
    Setting("units", DEFAULT_UNITS, "choice", choices=tuple(UNITS)),
    Setting("teach", False, "bool"),   # the presentation view
    # Checkpoint progress (lib.lesson.encode_progress): a mark or "-" per checkpoint
    Setting("done", "", "text", letters="-" + "".join(lesson.PROGRESS_MARKS)),
])


def teaching() -> bool:
    """Whether the presentation view is on (large type, takeaways only, answers revealed by
    the teacher)."""
    return bool(st.session_state.get("teach", False))


def units() -> str:
    """The chosen unit's key: "bits", "nats" or "hartleys"."""
    return st.session_state.get("units", DEFAULT_UNITS)


def base() -> float | None:
    """Logarithm base of the chosen unit (None for nats, i.e. the natural log)."""
    return UNITS[units()]


def unit_label() -> str:
    """The chosen unit's name in the reader's language."""
    return t(f"unit.{units()}")


def amount(x: float) -> str:
    """An information quantity in the sidebar's unit, with that unit (``1.39 nats``,
    :func:`lib.fmt.amount`)."""
    return fmt.amount(x, unit_label())


def in_units(x: float, was: float | None) -> str | None:
    """An information quantity measured in units of log base ``was`` (None: nats) in the
    sidebar's unit (:func:`amount`); None when that is the unit it is measured in already."""
    return None if base() == was else amount(convert(x, was, base()))


def unit_sentence(key: str, bits: float) -> str | None:
    """The sentence ``key`` giving ``bits``, a quantity a page measures in bits, in the
    sidebar's unit (fields ``unit``, ``value``); None when that unit is bits."""
    value = in_units(bits, 2)
    return value and t(key, unit=unit_label(), value=value)


def settings_of(info: PageInfo) -> state.PageState | None:
    """The page's settings (its ui module is imported on first use)."""
    return importlib.import_module(info.settings).S if info.settings else None


def _sidebar(info: PageInfo, page_state: state.PageState | None) -> None:
    with st.sidebar:
        APP.choice("lang", t("settings.language"), LANGUAGES, widget="segmented_control")
        APP.choice("units", t("settings.units"), {u: t(f"unit.{u}.long") for u in UNITS})
        st.caption(t("settings.units.help"))
        APP.widget(st.toggle, "teach", t("settings.teach"), help=t("settings.teach.help"))
        if page_state is not None:
            st.divider()
            st.button(t("settings.reset"), icon=":material/restart_alt:",
                      on_click=page_state.reset, help=t("settings.reset.help"),
                      key=f"_reset.{info.key}")
            st.caption(t("settings.link.help"))


#: Session-state flag: True while the frame runs a whole page (not one section alone).
_WHOLE_RUN = "_whole_run"
#: Session-state flag: a prediction was judged since the page was last drawn whole, so the
#: progress line under the title (:func:`intro`) is out of date.
PROGRESSED = "_progressed"


def _unexpected(where: str) -> None:
    _LOG.exception("unexpected error on %s", where)
    st.error(t("app.error"), icon=":material/error:")


def run(current: Any) -> None:
    """Run the page ``st.navigation`` picked (``current``) in the frame: set up the session,
    read a link on its first run, draw the sidebar's settings, run the page guarded (the reader
    gets a sentence in their language, the server log the traceback), and leave the page's full
    state in the address bar."""
    info = BY_KEY[current.url_path or "home"]
    st.session_state["_page"] = info.key
    st.session_state.pop(PROGRESSED, None)  # this run draws the progress line
    page_state = None
    try:
        page_state = settings_of(info)
        state.ensure_all(page_state)
        titles_in = st.session_state["lang"]
        state.read_link(page_state)
        if st.session_state["lang"] != titles_in:  # a link chose the language: the menu too
            st.rerun()
        if st.session_state.get("_drawn_lang") != titles_in:
            state.relabel_choices()
            st.session_state["_drawn_lang"] = titles_in
        # The icon and the layout are set in app.py, before the menu (additive calls).
        st.set_page_config(page_title=f"{t('page.' + info.key)} · {t('app.name')}",
                           initial_sidebar_state="collapsed" if teaching() else "auto")
        _sidebar(info, page_state)
        st.html(_STYLE + (_TEACH_STYLE if teaching() else ""))
        found = st.session_state.pop(state.LINK_PROBLEMS, None)
        if found:
            st.warning(problems.link_summary(found), icon=":material/link_off:")
    except Exception:  # noqa: BLE001 - the page may still draw; a reader never sees a traceback
        _unexpected(info.key)
    st.session_state[_WHOLE_RUN] = True
    try:
        current.run()
    except Exception:  # noqa: BLE001 - a reader never sees a traceback; the log does
        _unexpected(info.key)
    finally:  # also when st.rerun() leaves the page early
        st.session_state[_WHOLE_RUN] = False
    if info in PATH:
        _next_and_back(info)
    state.sync_url(page_state)


def intro() -> None:
    """A lesson's first lines under its title: what it shows, its time and the reader's
    progress on its checkpoints."""
    info = BY_KEY[st.session_state.get("_page", "home")]
    st.markdown(t(f"page.{info.key}.blurb"))
    done, total = lesson.answered(APP.get("done"), info.key)
    st.caption(t("path.meta", minutes=info.minutes, done=done, total=total))


def takeaway(text: str, where: Any = None) -> None:
    """A section's one-line takeaway: always shown, in the presentation view too."""
    (where or st).markdown(f":material/lightbulb: **{text}**")


def prose(*blocks: str, where: Any = None) -> None:
    """Paragraphs and display formulas (:func:`lib.fmt.math_block`) drawn as one Markdown
    element instead of one element each: the same text and formulas in the same order."""
    (where or st).markdown("\n\n".join(blocks))


def explain(*blocks: str, where: Any = None) -> None:
    """Explanation after the picture (:func:`prose`): the presentation view leaves it out, so a
    projected page shows its takeaways only."""
    if not teaching():
        prose(*blocks, where=where)


def metrics(items: Any, columns: int | None = None) -> None:
    """Metric tiles, ``columns`` to a row (all in one row by default), each item ``(label,
    value, help, caption under it)``."""
    per_row = columns or len(items)
    for start in range(0, len(items), per_row):
        for col, (label, value, help_, caption) in zip(st.columns(per_row),
                                                       items[start:start + per_row]):
            col.metric(label, value, help=help_)
            if caption:
                col.caption(caption)


def table(data: Any, where: Any = None, labels: dict[str, str] | None = None,
          helps: dict[str, str] | None = None) -> None:
    """``st.dataframe`` of ``data`` (an Arrow table or a pandas frame; no index, as wide as its
    container), each column shown under ``labels[name]`` with ``helps[name]``, and each as
    wide as its label or widest cell (:func:`lib.column_widths.column_widths`).

    The widths go with the data: the browser sizes a table's columns to the first data it shows
    and keeps them when the data changes in place, so another example's longer number would
    show cut off ("0.1666…")."""
    labels, helps = labels or {}, helps or {}
    widths = column_widths(data, labels)
    (where or st).dataframe(data, hide_index=True, width="stretch", column_config={
        name: st.column_config.Column(labels.get(name), width=width, help=helps.get(name))
        for name, width in widths.items()})


#: Session-state key: the lazy expanders (:func:`details`) the reader has open, as
#: ``"<page>.<name>"``.
OPENED = "_opened"


def _toggled(name: str, key: str) -> None:
    opened = set(st.session_state.get(OPENED, ()))
    (opened.add if st.session_state.get(key) else opened.discard)(name)
    st.session_state[OPENED] = frozenset(opened)


def details(name: str, label: str, icon: str, where: Any = None) -> Any:
    """An expander whose content runs only while it is open: Streamlit's lazy expander (keyed
    ``_<page>.open.<name>``, with a callback), so a closed one costs the server one element
    instead of its whole content. Use ``if box.open: with box: ...``.

    Streamlit's expander state belongs to its label, which a language switch changes, and is
    dropped on a visit to another page; so which expanders are open is also kept in session
    state (:data:`OPENED`) and given back as the expander's initial state."""
    page = st.session_state.get("_page", "")
    opened, key = f"{page}.{name}", f"_{page}.open.{name}"
    return (where or st).expander(label, expanded=opened in st.session_state.get(OPENED, ()),
                                  icon=icon, key=key, on_change=_toggled, args=(opened, key))


def _next_and_back(info: PageInfo) -> None:
    i = PATH.index(info)
    st.divider()
    back, forward = st.columns(2)
    if i > 0:
        before = PATH[i - 1]
        back.page_link(before.path, label=t("path.back", title=t(f"page.{before.key}")),
                       icon=":material/arrow_back:")
    if i + 1 < len(PATH):
        after = PATH[i + 1]
        with forward.container(horizontal_alignment="right"):
            st.page_link(after.path, label=t("path.next", title=t(f"page.{after.key}")),
                         icon=":material/arrow_forward:")


def fragment(func: Callable | None = None, *, run_every: float | None = None) -> Any:
    """``st.fragment`` for a section of a page: when a widget inside it changes, only the
    section reruns; it is guarded like the page and keeps the link current. When the change
    was a checkpoint's answer, the whole page runs, so that its progress line is current."""
    def wrap(f: Callable) -> Any:
        @functools.wraps(f)
        def body(*args: Any, **kwargs: Any) -> None:
            # A checkpoint answered in this section changed the page's progress line, which
            # sits outside it: the whole page runs instead (RerunException is no Exception).
            if not st.session_state.get(_WHOLE_RUN) and st.session_state.pop(PROGRESSED, None):
                st.rerun(scope="app")
            try:
                f(*args, **kwargs)
            except Exception:  # noqa: BLE001
                _unexpected(f.__qualname__)
            # A run of this section alone writes the link; in a whole run the frame does.
            if not st.session_state.get(_WHOLE_RUN):
                state.sync_url(state.REGISTRY.get(st.session_state.get("_page", "")))
        return st.fragment(body, run_every=run_every)
    return wrap(func) if func is not None else wrap
