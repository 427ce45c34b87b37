"""Home page: the path through the lessons (each step's question, its time, the reader's
progress on its checkpoints), then the quantities in one line each."""

import streamlit as st

from lib import lesson
from ui import glossary, t
from ui.layout import APP, BY_KEY, PATH

st.title(t("home.title"))
st.markdown(f"#### {t('home.subtitle')}")
st.markdown(t("home.intro"))

st.header(t("home.path"), divider="gray")
st.caption(t("home.path.help"))
for step, page in enumerate(PATH[1:], start=1):
    done, total = lesson.answered(APP.get("done"), page.key)
    with st.container(border=True, key=f"step-{page.key}"):
        st.page_link(page.path, label=t("home.step", n=step, title=t(f"page.{page.key}")),
                     icon=page.icon)
        st.markdown(t(f"page.{page.key}.question"))
        st.caption(t("path.meta", minutes=page.minutes, done=done, total=total))
glossary_page = BY_KEY["glossary"]
st.page_link(glossary_page.path, label=t("home.glossary"), icon=glossary_page.icon)

st.header(t("home.definitions"), divider="gray")
for key, term in (("info", "information"), ("entropy", "entropy"),
                  ("cross", "cross-entropy"), ("kl", "kl"), ("identity", None)):
    st.markdown(t(f"home.def.{key}"))
    if term:
        glossary.link(term)

with st.expander(t("home.audience.title"), icon=":material/school:"):
    st.markdown(t("home.audience") + "\n\n" + t("home.settings"))
