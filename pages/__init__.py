"""The page scripts live in ``pages/lessons/``; ``app.py``'s ``st.navigation`` runs them.

The files beside this one are for a freshly started server only. While a folder named ``pages``
sits beside ``app.py``, such a server is in Streamlit's old pages-folder mode until some session
has run ``st.navigation``: a first visitor's deep link (``/explorer``) runs ``pages/<name>.py``
alone, and an address with no file here gets a "Page not found" box. So each address has a file
here that only runs ``app.py``, whose navigation then shows that address's page in the app's
frame (tests/browser/test_smoke.py opens each address first thing on a fresh server).
"""
