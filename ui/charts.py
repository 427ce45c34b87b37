"""Drawing the compiled charts of :mod:`lib.charts`: the spec is built once per form and
language (cached for every session), each rerun only sends its data."""

from __future__ import annotations

from typing import Any, Callable, Mapping

import pandas as pd
import streamlit as st

from lib import charts


def chart(builder: Callable[..., Any], data: Mapping[str, pd.DataFrame], *, where: Any = None,
          key: str | None = None, **params: Any) -> None:
    """Draw ``builder(**params)`` (a :mod:`lib.charts` form: hashable arguments only, e.g. the
    translated ``text`` dict and ``colors``) with this rerun's named ``data`` frames, as wide as
    its container."""
    spec = charts.spec_with_data(charts.compile_spec(builder, **params), data)
    (where or st).vega_lite_chart(spec, width="stretch", key=key)
