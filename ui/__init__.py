"""Streamlit glue shared by the pages: settings, menu, translations and number formatting."""

from ui import fmt
from ui.i18n import lang, t
from ui.layout import available_pages, base, mirrored, page_setup, unit_label, units

__all__ = ["available_pages", "base", "fmt", "lang", "mirrored", "page_setup", "t", "unit_label", "units"]
