"""The calibration page's settings and views (filled in by the page's own work)."""

from ui.state import PageState

S = PageState("calibration", [])
