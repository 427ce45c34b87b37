"""The page scripts live in ``pages/lessons/``, not here.

While a folder named ``pages`` holds scripts beside ``app.py``, a freshly started Streamlit
server is in its old pages-folder mode until a session runs ``st.navigation``: the first visitor
who opens ``/explorer`` directly would run ``pages/explorer.py`` alone, without ``app.py``'s
frame. Streamlit looks only at ``pages/*.py`` (``__init__.py`` excepted), so with the scripts one
folder down every address runs ``app.py`` first (tests/browser/test_smoke.py opens each page's
address first thing on a fresh server).
"""
