"""Streamlit glue shared by the pages: the frame (``layout``), settings and links (``state``),
compiled charts, problems and translations. Number formatting is :mod:`lib.fmt`."""

from ui import state
from ui.charts import chart
from ui.i18n import event_name, lang, listing, say, sentences, t
from ui.layout import APP, base, fragment, unit_label, units
from ui.state import PageState

__all__ = ["APP", "PageState", "base", "chart", "event_name", "fragment",
           "lang", "listing", "say", "sentences", "state", "t", "unit_label", "units"]
