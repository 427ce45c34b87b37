"""A freshly started server is in Streamlit's old pages-folder mode until some session has run
``st.navigation`` (pages/__init__.py): then a first visitor's deep link runs this file alone.
It runs the app, whose navigation then shows this address's page."""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).resolve().parents[1] / "app.py"), run_name="__main__")
