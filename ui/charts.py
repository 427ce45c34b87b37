"""Drawing the compiled charts of :mod:`lib.charts`: the spec is built once per form and
language (cached for every session), each rerun only sends its data, as Arrow bytes.

Streamlit sends a dataset given as bytes unchanged; anything else it converts on every rerun,
and that conversion was most of a chart's server time. So each dataset goes out as bytes:
given as bytes (pages cache them with their inputs), or converted here once per object (the
cached tables and frames the pages pass are the same object on every rerun that has the same
inputs) and kept in a small shared cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Callable, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from lib import charts

#: How many converted datasets are kept (by object identity, with the object, so its id cannot
#: be reused while it is here).
BYTES_KEPT = 512
_BYTES: OrderedDict[int, tuple[Any, bytes]] = OrderedDict()
_LOCK = threading.Lock()


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


def dataset_bytes(data: Any) -> bytes:
    """``data`` as Arrow bytes: unchanged if bytes; a frame or Arrow table converted once per
    object (callers never modify data they pass); a column mapping converted each time."""
    if isinstance(data, bytes):
        return data
    if not isinstance(data, (pd.DataFrame, pa.Table)):
        return arrow_bytes(data)
    with _LOCK:
        hit = _BYTES.get(id(data))
        if hit is not None and hit[0] is data:
            _BYTES.move_to_end(id(data))
            return hit[1]
    out = arrow_bytes(data)
    with _LOCK:
        _BYTES[id(data)] = (data, out)
        while len(_BYTES) > BYTES_KEPT:
            _BYTES.popitem(last=False)
    return out


def chart(builder: Callable[..., Any], data: Mapping[str, Any], *, where: Any = None,
          key: str | None = None, **params: Any) -> None:
    """Draw ``builder(**params)`` (a :mod:`lib.charts` form: hashable arguments only, e.g. the
    translated ``text`` dict and ``colors``) with this rerun's named ``data`` (Arrow bytes, a
    frame, an Arrow table or a column mapping each), as wide as its container."""
    spec = charts.spec_with_data(charts.compile_spec(builder, **params),
                                 {name: dataset_bytes(value) for name, value in data.items()})
    (where or st).vega_lite_chart(spec, width="stretch", key=key)
