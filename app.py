"""Entry point (``streamlit run app.py``): Streamlit's navigation over the pages in
``pages/lessons/``, with titles in the reader's language and fixed addresses (``/``,
``/explorer``, ...), and the frame every page shares (``ui.layout.run``). The server
process's memory tuning (``deploy.memory``) is set up here, where the process starts the app,
not in the pages' glue."""

import streamlit as st

from deploy import memory
from ui import layout, t

memory.trim_after_sessions()  # this session's end hands freed memory back (glibc Linux)

layout.APP.ensure()  # the reader's language, before the titles are written
st.set_page_config(page_icon=layout.ICON, layout="wide")  # before the pages' own icons
page = st.navigation([
    st.Page(p.path, title=t(f"page.{p.key}"), icon=p.icon, url_path=p.key,
            default=p.key == "home")
    for p in layout.PAGES])
layout.run(page)
