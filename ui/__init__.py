"""Streamlit glue shared by the pages: the page frame, settings, persistence and links
(``state``), compiled charts, problems, translations and number formatting."""

from ui import fmt, state
from ui.charts import chart
from ui.i18n import event_name, lang, t
from ui.layout import (APP, available_pages, base, fragment, page, page_setup,
                       stop, unit_label, units)
from ui.state import PageState, Setting

__all__ = ["APP", "PageState", "Setting", "available_pages", "base", "chart", "event_name", "fmt",
           "fragment",
           "lang", "page", "page_setup", "state", "stop", "t", "unit_label",
           "units"]
