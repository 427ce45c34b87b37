"""Home page: what the app teaches, for whom, a map of the pages and the quantities in a line."""

import streamlit as st

import ui
from ui import glossary, t

with ui.page("home"):
    st.title(t("home.title"))
    st.markdown(f"#### {t('home.subtitle')}")
    st.markdown(t("home.intro"))
    st.markdown(t("home.audience"))

    st.header(t("home.map"), divider="gray")
    for page in ui.available_pages():
        if page.key == "home":
            continue
        with st.container(border=True):
            st.page_link(page.path, label=t(f"page.{page.key}"), icon=page.icon)
            st.caption(t(f"page.{page.key}.blurb"))

    st.header(t("home.definitions"), divider="gray")
    for key, term in (("info", "information"), ("entropy", "entropy"),
                      ("cross", "cross-entropy"), ("kl", "kl"), ("identity", None)):
        st.markdown(t(f"home.def.{key}"))
        if term:
            glossary.link(term)

    st.info(t("home.settings"), icon=":material/settings:")
