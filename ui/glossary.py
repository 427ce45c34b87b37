"""The bilingual glossary: its entries, its page state, and the one way to link to a term.

Link a term from any page with::

    from ui import glossary
    glossary.link("kl")      # draws "Glossary: KL divergence, relative entropy" (reader's language)

``link`` draws ``st.page_link("pages/lessons/glossary.py", query_params={"term": id})``: an in-app page
switch, so the reader's session (language, units, every page's inputs) comes along, and the
glossary opens with that entry shown first. ``/glossary?term=kl`` also works as an address
(a fresh session reads it like any link). Inside the glossary every entry heading is anchored at
its id, so ``/glossary#kl`` scrolls to the entry. Markdown links are not the way: Streamlit
opens a markdown link to another page in a new tab, a new session.

Page state (``S``, see ui/MECHANISMS.md): ``term``, the entry shown first ("" for none, kept in
the link as ``?term=``), ``section``, the group of terms listed ("all" or a section id: one group
at a time keeps the page light, each formula being a few hundred DOM nodes), and ``query``, the
text typed in "Find a term" (not in links; it searches every group, in both languages and the
other names in ``ui.strings.glossary.SEARCH``). The address bar decides ``term`` whenever its
``?term=`` changed since the last run: arriving by a term link shows that term (and lists its
group); arriving from the menu (no ``?term=``) shows none. Each card links to the lesson page
that teaches its term, labelled with the page's menu title.
"""

from __future__ import annotations

import streamlit as st

from lib.glossary import Entry
from lib.settings import Setting
from ui.i18n import lang, t
from ui.state import PageState
from ui.strings import STRINGS
from ui.strings.glossary import FORMULAS, PAGES, SEARCH, SECTIONS

PAGE = "pages/lessons/glossary.py"
#: The query parameter the glossary page reads: /glossary?term=kl
QUERY = "term"
ICON = ":material/translate:"
IDS: tuple[str, ...] = tuple(term for _, terms in SECTIONS for term in terms)

SECTION_IDS: tuple[str, ...] = tuple(section for section, _ in SECTIONS)

S = PageState("glossary", [
    Setting("term", "", "choice", choices=("", *IDS)),
    Setting("section", SECTION_IDS[0], "choice", choices=("all", *SECTION_IDS)),
    # Free text, never in links (so never decoded from one).
    Setting("query", "", "text", link=False),
])
_SEEN = "_glossary.address_term"  # the ?term= the last run left in the address (None: none)


#: Every entry, in page order (the glossary does not change while the app runs).
ENTRIES: tuple[Entry, ...] = tuple(
    Entry(term, section, STRINGS[f"gl.{term}.name"], FORMULAS[term],
          STRINGS[f"gl.{term}.meaning"], PAGES.get(term), SEARCH.get(term, ("", "")))
    for section, ids in SECTIONS for term in ids)
BY_ID = {e.id: e for e in ENTRIES}


def link(term: str, label: str | None = None) -> None:
    """Draw a link to the glossary entry ``term`` (an id of ui.strings.glossary.SECTIONS).

    ``label`` defaults to "Glossary: <the term's name in the reader's language>". An unknown id
    is a programming error and raises KeyError, so a typo cannot ship as a dead link.
    """
    found = BY_ID.get(term)
    if found is None:
        raise KeyError(f"no glossary term {term!r}")
    st.page_link(PAGE, label=label or t("gl.link", term=found.names[lang() == "zh"]), icon=ICON,
                 query_params={QUERY: term})


def follow_address() -> None:
    """Let the address bar's ``?term=`` decide the entry shown first when it differs from what
    the page last wrote there (a term link, or arriving from the menu without one), not when
    the reader's own Close or Reset changed the term. Call it first thing in the page body and
    :func:`remember_address` last."""
    asked = st.query_params.get(QUERY)
    if _SEEN in st.session_state and st.session_state[_SEEN] == asked:
        return
    S.set("term", asked if asked in IDS else "")
    if asked in IDS and S.get("section") not in ("all", BY_ID[asked].section):
        S.set("section", BY_ID[asked].section)  # list the term's group, where its anchor is
    remember_address()


def remember_address() -> None:
    """Note the ``?term=`` the page frame is about to write (the current term, or none)."""
    st.session_state[_SEEN] = S.get("term") or None


def draw(item: Entry, anchor: bool = True) -> None:
    """One entry in a bordered card: its name in the reader's language as a heading (anchored
    at its id), then (one Markdown block, so a card costs three elements, not five) the name in
    the other language, the formula and the meaning, and a link to the lesson page that
    teaches it, labelled with that page's menu title."""
    with st.container(border=True):
        st.subheader(item.names[lang() == "zh"], anchor=item.id if anchor else False)
        st.markdown(item.card(lang() == "zh"))
        if item.page:
            st.page_link(f"pages/lessons/{item.page}.py", label=t(f"page.{item.page}"),
                         icon=":material/school:")


def draw_grid(items: list[Entry], per_row: int = 2) -> None:
    """Entries as cards, ``per_row`` side by side on a wide screen (one column on a phone)."""
    for start in range(0, len(items), per_row):
        for column, item in zip(st.columns(per_row, gap="medium"), items[start:start + per_row]):
            with column:
                draw(item)
