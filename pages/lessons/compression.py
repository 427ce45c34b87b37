"""Lesson page: compression (being built)."""

import streamlit as st

from ui import t

st.title(t("page.compression"))
st.write(t("page.compression.blurb"))
