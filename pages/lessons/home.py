"""Home page: what the app teaches, for whom, a map of the pages and the quantities in a line."""

import streamlit as st

from ui import glossary, t
from ui.layout import PAGES

st.title(t("home.title"))
st.markdown(f"#### {t('home.subtitle')}")
st.markdown(t("home.intro"))
st.markdown(t("home.audience"))

st.header(t("home.map"), divider="gray")
for page in PAGES:
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
