"""Lesson page: continuous (being built)."""

import streamlit as st

from ui import t

st.title(t("page.continuous"))
st.write(t("page.continuous.blurb"))
