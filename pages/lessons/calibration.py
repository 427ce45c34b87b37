"""Lesson page: calibration (being built)."""

import streamlit as st

from ui import t

st.title(t("page.calibration"))
st.write(t("page.calibration.blurb"))
