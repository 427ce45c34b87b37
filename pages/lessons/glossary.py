"""Glossary: every term in English and Chinese with its formula; ?term=<id> shows one first."""

import streamlit as st

from lib import fmt
from ui import glossary, t
from ui.glossary import S

glossary.follow_address()
st.title(t("page.glossary"))
st.markdown(t("gl.intro"))

found = glossary.BY_ID.get(S.get("term"))
if found:
    st.caption(f":material/search: {t('gl.looked_up')}")
    glossary.draw(found, anchor=False)
    st.button(t("gl.close"), icon=":material/close:", on_click=S.set, args=("term", ""))

query = S.widget(st.text_input, "query", t("gl.filter"),
                 placeholder=t("gl.filter.placeholder"), icon=":material/search:").strip()
section = S.choice("section", t("gl.section"),
                   {"all": t("gl.section.all"),
                    **{s: t(f"gl.sec.{s}") for s in glossary.SECTION_IDS}},
                   widget="pills", help=t("gl.section.help"), disabled=bool(query))
items = glossary.ENTRIES
if query:  # the search looks through every group
    shown = [e for e in items if e.matches(query)]
    if shown:
        st.caption(t("gl.filter.count", n=len(shown), total=len(items),
                     query=fmt.text(query)))
    else:
        st.info(t("gl.filter.none", query=fmt.text(query)), icon=":material/search_off:")
else:
    shown = [e for e in items if section in ("all", e.section)]

for group in dict.fromkeys(e.section for e in shown):
    st.header(t(f"gl.sec.{group}"), divider="gray")
    glossary.draw_grid([e for e in shown if e.section == group])

glossary.remember_address()
