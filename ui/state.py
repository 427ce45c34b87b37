"""Everything a reader sets: one session-state key per setting, which is also the key of the
widget showing it; presets; and the link in the address bar.

* **Widgets keep their values the Streamlit way.** A setting's key (``"<page>.<name>"``, or
  ``"lang"`` / ``"units"`` for the app-wide ones) is its widget's key, and every widget is drawn
  with ``persist_state="session"``: Streamlit keeps the value while the widget is not drawn
  (another page) and across a language switch (a keyed widget's identity is its key, not its
  label). Defaults go into session state before the first draw (:meth:`PageState.ensure`), so
  no widget is given a default of its own.
* **Tables.** ``st.data_editor`` keeps neither (no ``persist_state``; its state is a list of
  edits), so the table itself is the setting, as text cells (:func:`lib.tables.text_table`); the
  editor shows a snapshot of it and the reader's edits are applied to that snapshot
  (:func:`lib.tables.apply_edits`); preset labels stay translatable until edited.
* **Presets and reset.** A preset is a whole experiment: it sets every setting of its page,
  the ones it does not name to their defaults, so what was pressed before never matters.
  Settings, presets and their link form are pure data (:class:`lib.settings.Settings`);
  :class:`PageState` keeps their values in session state and draws their widgets.
* **Links.** The address bar holds the language, the units and every setting of the page that
  differs from its default (or from the preset it matches, named instead). A link is read once,
  on a session's first run, as input from strangers: bounded, validated, never evaluated; each
  problem is reported and that setting keeps its default; a table is read cell by cell (a bad
  or empty cell stays as typed, for the page's own messages to explain). (Streamlit's
  ``bind="query-params"`` cannot do this: it drops a bad value without a word, cannot name a
  preset, and names each parameter after its widget's key; ``ui/MECHANISMS.md`` says more.)
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Mapping

import pandas as pd
import streamlit as st

from lib import settings, tables
from lib.problems import Problem
from lib.settings import Settings
from ui.i18n import lang

_LOG = logging.getLogger(__name__)

#: The session-state key holding the problems found in the link that opened the session.
LINK_PROBLEMS = "_link_problems"
_LINK_READ = "_link_read"
#: Every PageState by page key, so the page wrapper and callbacks can find the current one.
REGISTRY: dict[str, "PageState"] = {}


class PageState(Settings):
    """A page's :class:`lib.settings.Settings`, kept in session state: a setting lives under
    :meth:`key`, which is also the key of the widget that shows it (Streamlit keeps that
    widget's value, ``persist_state="session"``, across language switches and page visits)."""

    def __post_init__(self) -> None:
        super().__post_init__()
        REGISTRY.setdefault(self.page, self)

    # ---- truth ---------------------------------------------------------------------------------
    def key(self, name: str) -> str:
        """The setting's session-state key, and the key of the widget showing it."""
        return f"{self.page}.{name}" if self.page else name

    def ensure(self) -> None:
        """Put every setting's default in session state unless it is there already."""
        for s in self.settings:
            if self.key(s.name) not in st.session_state:
                st.session_state[self.key(s.name)] = self.defaults[s.name]

    def get(self, name: str) -> Any:
        key = self.key(name)
        if key not in st.session_state:
            self.ensure()
        return st.session_state[key]

    def values(self) -> dict[str, Any]:
        return {s.name: self.get(s.name) for s in self.settings}

    def set(self, name: str, value: Any) -> None:
        """Set a setting, and so the widget showing it: from a callback, or before the widget
        is drawn in this run (Streamlit refuses it afterwards)."""
        s = self.by_name[name]
        st.session_state[self.key(name)] = s.coerce(value)
        if s.kind == "table":  # a fresh editor, starting from the new table
            gen = f"_gen.{self.key(name)}"
            st.session_state[gen] = st.session_state.get(gen, 0) + 1

    def apply(self, values: Mapping[str, Any]) -> None:
        """Set every setting: those in ``values`` to them, the others to their defaults."""
        for s in self.settings:
            value = values.get(s.name, s.default)
            if s.kind != "table" or not s.same(self.get(s.name), value):
                self.set(s.name, value)

    def apply_preset(self, name: str) -> None:
        self.apply(self.presets[name])

    def reset(self) -> None:
        self.apply({})

    def active_preset(self) -> str | None:
        """The preset the page shows unchanged, if any."""
        return self.preset_of(self.values())

    # ---- widgets -------------------------------------------------------------------------------
    def widget(self, fn: Callable, name: str, label: str, *args: Any, **kwargs: Any) -> Any:
        """Draw ``fn(label, *args, **kwargs)`` (e.g. ``st.slider`` or ``col.radio``) as the
        widget of the setting ``name`` and return its value. Give it no default: its value is
        the setting's, already in session state."""
        value = fn(label, *args, key=self.key(name), persist_state="session", **kwargs)
        return self.by_name[name].coerce(value) if value is not None else self.get(name)

    def _bounds(self, name: str) -> dict[str, Any]:
        s, cast = self.by_name[name], int if self.by_name[name].kind == "int" else float
        return {"min_value": cast(s.lo), "max_value": cast(s.hi)}

    def slider(self, name: str, label: str, where: Any = None, **kwargs: Any) -> Any:
        return self.widget((where or st).slider, name, label, **{**self._bounds(name), **kwargs})

    def number(self, name: str, label: str, where: Any = None, **kwargs: Any) -> Any:
        return self.widget((where or st).number_input, name, label,
                           **{**self._bounds(name), **kwargs})

    def choice(self, name: str, label: str, labels: Mapping[Any, str], where: Any = None,
               widget: str = "radio", **kwargs: Any) -> Any:
        """A radio (or ``widget="segmented_control"``, ``"selectbox"``, ``"pills"``) over the
        setting's choices, shown with ``labels`` (a dict: Streamlit may call ``format_func``
        outside the script run, so it must not read session state)."""
        s = self.by_name[name]
        fn = getattr(where or st, widget)
        if widget in ("segmented_control", "pills"):
            kwargs.setdefault("required", True)
        return self.widget(fn, name, label, list(s.choices), format_func=dict(labels).get,
                           **kwargs)

    def checkbox(self, name: str, label: str, where: Any = None, **kwargs: Any) -> bool:
        return self.widget((where or st).checkbox, name, label, **kwargs)

    def preset_buttons(self, labels: Mapping[str, str], helps: Mapping[str, str] | None = None,
                       where: Any = None, title: str | None = None) -> None:
        """One button per preset, the active one highlighted: in equal columns, or, with a
        ``title``, after it in a row of buttons each as wide as its whole label, wrapping onto
        more lines when the page is narrow (equal columns cut long labels off)."""
        active = self.active_preset()
        names = list(self.presets)
        if title is None:
            places, width = (where or st).columns(len(names)), "stretch"
        else:
            row = (where or st).container(horizontal=True, gap="small",
                                          vertical_alignment="center")
            row.markdown(f"**{title}**", width="content")
            places, width = [row] * len(names), "content"
        for place, name in zip(places, names):
            place.button(labels[name], key=f"_preset.{self.page}.{name}", width=width,
                         on_click=self.apply_preset, args=(name,), help=(helps or {}).get(name),
                         type="primary" if active == name else "secondary")

    def table(self, name: str, column_config: Mapping[str, Any], where: Any = None,
              label_name: Callable[[str], str] | None = None, **kwargs: Any) -> pd.DataFrame:
        """Draw the table setting ``name`` in ``st.data_editor`` (text cells for numbers, so
        ``1/8`` and ``1e-5`` reach lib as typed) and return the truth after the reader's edits.

        ``st.data_editor`` keeps no state across pages and its state is a list of edits, not a
        table, so the table is the setting and the editor shows a snapshot of it: taken when
        the editor's key first appears (the key carries the page, the language, whose
        translated preset labels make new data, and a count of replacements from code).
        ``label_name`` translates preset labels for display (``lib.tables.LABEL_ID`` cells)."""
        s = self.by_name[name]
        truth_key = self.key(name)
        gen = st.session_state.get(f"_gen.{truth_key}", 0)
        widget_key = f"_editor.{truth_key}.{gen}.{st.session_state.get('_page', '')}.{lang()}"
        base_key = f"_base.{truth_key}"
        if widget_key not in st.session_state or st.session_state.get(base_key, (None,))[0] \
                != widget_key:
            # Settings are replaced, never mutated: the truth itself can be the snapshot.
            st.session_state[base_key] = (widget_key, self.get(name))
        base = st.session_state[base_key][1]
        shown = base.copy()
        shown["label"] = [(label_name or (lambda i: i))(tables.label_id(v))
                          if tables.label_id(v) is not None else v for v in base["label"]]
        (where or st).data_editor(shown, key=widget_key, column_config=column_config,
                                  hide_index=True, **kwargs)
        edits = st.session_state.get(widget_key) or {}
        if any(edits.get(k) for k in ("edited_rows", "added_rows", "deleted_rows")):
            edited = tables.apply_edits(base, edits, s.columns, s.bool_columns)
        else:
            edited = base
        if not s.same(edited, self.get(name)):
            st.session_state[truth_key] = edited
        return st.session_state[truth_key]

def _states(page: PageState | None) -> list[tuple[PageState, str]]:
    """The states whose settings the current page's link carries, with their prefixes."""
    out = [(REGISTRY[""], "")] if "" in REGISTRY else []
    if page is not None and page.page != "":
        out.append((page, ""))
        out += [(other, other.tag + ".") for other in page.shared]
    return out


def link_limit(page: PageState | None) -> int:
    """The longest query string read for ``page`` (:func:`lib.settings.link_limit` of the
    settings its link carries)."""
    return settings.link_limit(_states(page))


def read_link(page: PageState | None) -> None:
    """On a session's first run: apply the link's parameters (:func:`lib.settings.read_link`),
    keep the problems for the page to show. Never raises: a link is input from strangers."""
    if st.session_state.get(_LINK_READ):
        return
    st.session_state[_LINK_READ] = True
    try:
        params = {k: st.query_params.get(k) or "" for k in st.query_params.keys()}
    except Exception:  # noqa: BLE001 - a malformed address must never stop the page
        _LOG.warning("could not read the query string", exc_info=True)
        st.session_state[LINK_PROBLEMS] = [Problem("bad_link")]
        return
    found, problems = settings.read_link(params, _states(page)) if params else ([], [])
    for state, values, keep in found:
        if values:
            state.apply({**state.values(), **values} if keep else values)
    if problems:
        st.session_state[LINK_PROBLEMS] = problems


def ensure_all(page: PageState | None) -> None:
    """Defaults in session state for the app's settings, the page's and those it shares."""
    for state, _ in _states(page):
        state.ensure()


def relabel_choices() -> None:
    """After a language switch, set every choice setting to its own value again. A choice
    widget's value in the browser is its option's *label*: with the widget's identity kept
    across languages, the browser would hold a label that is no longer among the options (no
    option shown as chosen, and the next run would read the default). A value set through
    session state is sent with the new labels."""
    for state in REGISTRY.values():
        for s in state.settings:
            if s.kind == "choice" and state.key(s.name) in st.session_state:
                st.session_state[state.key(s.name)] = st.session_state[state.key(s.name)]


def sync_url(page: PageState | None) -> None:
    """Write the page's state into the address bar (only when it changed)."""
    try:
        wanted = {prefix + k: v for state, prefix in _states(page)
                  for k, v in state.query(state.values()).items()}
        if st.query_params.to_dict() != wanted:
            st.query_params.from_dict(wanted)
    except Exception:  # noqa: BLE001 - the address bar is a convenience, never a failure
        _LOG.warning("could not write the query string", exc_info=True)
