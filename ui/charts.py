"""Drawing the charts of :mod:`lib.charts`: each form's Vega-Lite spec is compiled once per
distinct set of arguments (``st.cache_resource``, shared by every session), and each rerun
sends only its data, as Arrow bytes.

Streamlit sends a dataset given as bytes unchanged and converts anything else on every rerun,
so pages pass bytes made in their own cached results (:func:`arrow_bytes`); a frame, an Arrow
table or a column mapping is converted here on each call.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from lib import charts


def _column(values: Any) -> pa.Array:
    if isinstance(values, np.ndarray) and values.dtype != object:
        return pa.array(values, from_pandas=True)  # NaN becomes null, as pandas sends it
    values = list(values)
    if all(isinstance(v, str) for v in values):
        return pa.array(values, type=pa.string())
    return pa.array(values, from_pandas=True)


def arrow_table(columns: Mapping[str, Any]) -> pa.Table:
    """An Arrow table from column name -> values (numpy arrays, lists of text), for
    ``st.dataframe`` and chart data: what a pandas frame would send, built without pandas."""
    return pa.table({str(name): _column(values) for name, values in columns.items()})


def arrow_bytes(data: Mapping[str, Any] | pd.DataFrame | pa.Table) -> bytes:
    """Arrow IPC bytes of a dataset (the form Streamlit sends a chart's data in)."""
    if isinstance(data, pd.DataFrame):
        data = {name: data[name].to_numpy() for name in data.columns}
    table = data if isinstance(data, pa.Table) else arrow_table(data)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def datasets(data: Mapping[str, Any]) -> dict[str, bytes]:
    """:func:`arrow_bytes` of each dataset of a chart form's data (name -> dataset)."""
    return {name: arrow_bytes(value) for name, value in data.items()}


@st.cache_resource(max_entries=512, show_spinner=False)
def _spec(key: str, _form: Callable[..., Any], _params: dict[str, Any]) -> dict:
    """:func:`lib.charts.compile_spec` of ``_form(**_params)``, once per ``key``: the form's
    name and the ``repr`` of its parameters (plain values: text, numbers, tuples, mappings, so
    the ``repr`` tells them apart, and hashing one string is cheaper than hashing a nested
    dict). Read only."""
    return charts.compile_spec(_form, **_params)


def chart(form: Callable[..., Any], data: Mapping[str, Any], *, where: Any = None,
          key: str | None = None, select: Mapping[str, Any] | None = None,
          **params: Any) -> Any:
    """Draw ``form(**params)`` (a :mod:`lib.charts` form: e.g. the translated ``text`` dict and
    ``colors``) with this rerun's named ``data`` (Arrow bytes, a frame, an Arrow table or a column
    mapping each), as wide as its container. ``select`` goes to ``st.vega_lite_chart`` (e.g.
    ``{"on_select": callback, "selection_mode": "pick"}``: the chart as a control); the return
    value is Streamlit's (the selection, when there is one)."""
    sent = {name: value if isinstance(value, bytes) else arrow_bytes(value)
            for name, value in data.items()}
    spec = _spec(f"{form.__module__}.{form.__qualname__}{params!r}", form, params)
    if st.session_state.get("teach"):  # the presentation view: text a projector shows
        spec = charts.large_text(spec)
    return (where or st).vega_lite_chart({**spec, "datasets": sent}, width="stretch",
                                         key=key, **dict(select or {}))
