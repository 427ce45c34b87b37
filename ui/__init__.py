"""Streamlit glue shared by the pages: the frame (``layout``), settings and links (``state``),
compiled charts, problems, translations and number formatting."""

from ui import fmt, state
from ui.charts import chart
from ui.i18n import event_name, lang, t
from ui.layout import APP, base, fragment, unit_label, units
from ui.state import PageState, Setting

__all__ = ["APP", "PageState", "Setting", "base", "chart", "event_name", "fmt", "fragment",
           "lang", "state", "t", "unit_label", "units"]
