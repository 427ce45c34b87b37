"""State and wording for the P vs Q explorer page (kept here so the page script stays a layout).

The page's settings live in :data:`S` (``ui.state``): ``explorer.table`` (label, P, Q as text
cells), ``explorer.mode`` ("prob" or "counts") and ``explorer.t`` (the blend slider); the presets
of :mod:`lib.presets` set the table (and put the mode and t back to their defaults). Other pages
show the same table through ``shared=[S]`` (link prefix "pq.").

Also here, for both pages with an uploadable table (this one and the information page's entropy
table): :func:`table_files`, the CSV download and upload of an editable table, and
:func:`download_csv` for results tables; and the cache keys of tables (:func:`cells`).

Speed (issue 12): results that depend only on the page's inputs are computed once per distinct
input for every session (bounded ``functools.lru_cache``; they return immutable values: bytes,
Arrow tables, frozen dataclasses that the page only reads), tables and chart data go to
Streamlit as Arrow tables built straight from numpy arrays (a small pandas frame costs ten times
more to build and convert), and CSV bytes are built only when a download is clicked.
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Mapping, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from lib import csvfile, info, tables
from lib.presets import DEFAULT_PRESET, PRESETS
from lib.problems import Problem
from ui import fmt, problems
from ui.charts import arrow_bytes, arrow_table
from ui.i18n import event_name, lang, t
from ui.state import PageState, Setting

S = PageState("explorer", [
    Setting("table", PRESETS[DEFAULT_PRESET].table(), "table", columns=tables.COLUMNS),
    Setting("mode", "prob", "choice", choices=("prob", "counts")),
    Setting("t", 0.0, "float", lo=0.0, hi=1.0),
], presets={name: {"table": preset.table()} for name, preset in PRESETS.items()}, tag="pq")

#: Header names a file may use for the label column (besides "label"), in either language.
LABEL_ALIASES = ("event", "name", "事件", "名称", "标签")


class _Cells:
    """A table as a cache key: equal when its columns and cells are equal (tables in session
    state are replaced, never mutated, so a table's key is computed once)."""

    __slots__ = ("frame", "key")

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self.key = (len(frame), tuple(frame.columns),
                    *(tuple(frame[c].tolist()) for c in frame.columns))

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Cells) and self.key == other.key


#: The keys of the tables seen lately, by identity (each entry keeps its table alive, so an id
#: is not reused while it is here).
_CELLS: dict[int, _Cells] = {}


def cells(frame: pd.DataFrame) -> _Cells:
    """``frame`` as a hashable cache key (see :class:`_Cells`)."""
    found = _CELLS.get(id(frame))
    if found is not None and found.frame is frame:
        return found
    if len(_CELLS) >= 128:
        _CELLS.clear()
    found = _CELLS[id(frame)] = _Cells(frame)
    return found


def read_table(table: pd.DataFrame, counts: bool) -> tables.ReadResult:
    """:func:`lib.tables.read_distributions` of the P and Q table (preset labels in the
    reader's language), once per distinct table, mode and language. Read-only result."""
    return _read_table(cells(table), bool(counts), lang())


@functools.lru_cache(maxsize=256)
def _read_table(table: _Cells, counts: bool, language: str) -> tables.ReadResult:
    read = tables.read_distributions(table.frame, counts=counts, name=event_name,
                                     default_label=lambda i: t("event.default", n=i + 1))
    for values in (read.p, read.q):
        if isinstance(values, np.ndarray):
            values.setflags(write=False)  # shared by every session: read only
    return read


@functools.lru_cache(maxsize=256)
def compare(p: tuple, q: tuple, base: float | None) -> info.Comparison:
    """:func:`lib.info.compare`, once per distinct P, Q and unit (read-only result)."""
    return info.compare(np.array(p), np.array(q), base)


@functools.lru_cache(maxsize=256)
def bars_data(labels: tuple, p: tuple, q: tuple, p_name: str, q_name: str) -> bytes:
    """The dataset ``bars`` of :func:`lib.charts.distribution_bars` (as
    :func:`lib.charts.distribution_bars_data` builds it), as Arrow bytes."""
    n = len(labels)
    return arrow_bytes({"event": list(labels) * 2, "order": np.tile(np.arange(n), 2),
                        "dist": [p_name] * n + [q_name] * n,
                        "probability": np.array(p + q, dtype=float)})


@functools.lru_cache(maxsize=256)
def stack_data(labels: tuple, p: tuple, q: tuple, base: float | None,
               names: tuple[str, str, str, str]) -> tuple[tuple[str, bytes], ...]:
    """The datasets of :func:`lib.charts.cross_entropy_stack` (as
    :func:`lib.charts.cross_entropy_stack_data` builds them), as Arrow bytes. ``names``: the
    entropy part, "KL adds", "KL subtracts" and the infinite note, translated."""
    entropy_part, kl_adds, kl_subtracts, infinite = names
    terms = compare(p, q, base).terms
    labels_ = np.array(labels, dtype=object)
    order = np.arange(len(labels))
    e = terms["entropy_term"].to_numpy()
    k = terms["kl_term"].to_numpy()
    ce = terms["cross_entropy_term"].to_numpy()
    finite = np.isfinite(ce)
    total_text = np.array([f"{v:.6f}" if np.isfinite(v) else "∞" for v in ce], dtype=object)
    shown = finite & (k != 0)
    top = float(np.max(ce[finite])) if finite.any() else 1.0
    top = top if top > 0 else 1.0
    n_inf = int((~finite).sum())
    return (
        ("entropy", arrow_bytes({"event": labels_, "order": order,
                                 "part": [entropy_part] * len(labels), "start": np.zeros(len(e)),
                                 "end": e, "value": e, "total_text": total_text})),
        ("kl", arrow_bytes({"event": labels_[shown], "order": order[shown],
                            "part": np.where(k >= 0, kl_adds, kl_subtracts)[shown].astype(object),
                            "start": e[shown], "end": (e + np.where(finite, k, 0.0))[shown],
                            "value": k[shown], "total_text": total_text[shown]})),
        ("totals", arrow_bytes({"event": labels_[finite], "order": order[finite],
                                "total": ce[finite]})),
        ("flags", arrow_bytes({"event": labels_[~finite], "order": order[~finite],
                               "y": np.full(n_inf, top * 1.05), "mark": ["∞"] * n_inf,
                               "note": [infinite] * n_inf})),
    )


@functools.lru_cache(maxsize=256)
def blend_curve_data(p: tuple, q: tuple, base: float | None, ce_name: str, kl_name: str) -> bytes:
    """The dataset ``curve`` of :func:`lib.charts.blend_chart` (as
    :func:`lib.charts.blend_chart_data` builds it: non-finite points dropped), as Arrow bytes."""
    curve = info.blend_curve(np.array(p), np.array(q), base)
    t_ = curve["t"].to_numpy()
    values = np.concatenate([curve["cross_entropy"].to_numpy(), curve["kl"].to_numpy()])
    keep = np.isfinite(values)
    names = np.array([ce_name] * len(t_) + [kl_name] * len(t_), dtype=object)
    return arrow_bytes({"t": np.concatenate([t_, t_])[keep], "quantity": names[keep],
                        "value": values[keep]})


@functools.lru_cache(maxsize=256)
def _terms_table(labels: tuple, p: tuple, q: tuple, base: float | None,
                 headers: tuple[str, ...]) -> pa.Table:
    terms = compare(p, q, base).terms
    columns = [labels, [fmt.prob(v) for v in p], [fmt.prob(v) for v in q]]
    columns += [[fmt.num(v) for v in terms[c].to_numpy().tolist()] for c in _TERM_COLUMNS]
    return arrow_table(dict(zip(headers, columns)))


_TERM_COLUMNS = ("info_p", "info_q", "entropy_term", "cross_entropy_term", "kl_term")


def table_name() -> str:
    return t("ex.table_name")


def problem_message(problem: Problem, column: str | None = None) -> str:
    """One sentence for a table problem (kept for pages that still call it; new code calls
    :func:`ui.problems.message` with its own table's name)."""
    columns = {problem.column: column} if column and problem.column else None
    return problems.message(problem, table=table_name(), columns=columns)


def _names(labels: list[str], mask: np.ndarray) -> str:
    return t("list.sep").join(f"“{fmt.text(lb)}”" for lb, m in zip(labels, mask) if m)


def infinity_messages(p: np.ndarray, q: np.ndarray, labels: list[str]) -> list[str]:
    """Why a cross-entropy or divergence is ∞, naming the events responsible (as text)."""
    out = []
    q_misses = (p > 0) & (q == 0)
    if q_misses.any():
        out.append(t("ex.inf.pq", events=_names(labels, q_misses)))
    p_misses = (q > 0) & (p == 0)
    if p_misses.any():
        out.append(t("ex.inf.qp", events=_names(labels, p_misses)))
    return out


def _tex(x: float) -> str:
    return fmt.tex(fmt.num(x))


def identity_latex(ce: float, h: float, kl: float, unit: str) -> str:
    """The identity with the current numbers substituted, as LaTeX."""
    return rf"{_tex(ce)} = {_tex(h)} + {_tex(kl)} \quad \text{{({unit})}}"


def residual_text(residual: float, ce: float, unit: str) -> str:
    if np.isinf(ce):
        return t("ex.residual.inf")
    return t("ex.residual", residual=fmt.num(residual, 4), unit=unit)


def asymmetry_text(kl_pq: float, kl_qp: float, unit: str) -> str:
    values = {"pq": fmt.quantity(kl_pq, unit), "qp": fmt.quantity(kl_qp, unit)}
    if kl_pq == kl_qp or (np.isfinite(kl_pq) and np.isclose(kl_pq, kl_qp, rtol=1e-12,
                                                             atol=1e-15)):
        return t("ex.asym.equal", **values)
    return t("ex.asym", **values)


def _term_headers(unit: str) -> dict[str, str]:
    return {"info_p": t("ex.col.info_p", unit=unit), "info_q": t("ex.col.info_q", unit=unit),
            "entropy_term": t("ex.col.entropy_term", unit=unit),
            "cross_entropy_term": t("ex.col.ce_term", unit=unit),
            "kl_term": t("ex.col.kl_term", unit=unit)}


def terms_arrow(labels: list[str], p: np.ndarray, q: np.ndarray, base: float | None,
                unit: str) -> pa.Table:
    """Per-event table with ∞ written out (a numeric column would show "inf"), as an Arrow
    table made once per distinct input."""
    headers = (t("word.event"), "P", "Q", *_term_headers(unit).values())
    return _terms_table(tuple(labels), tuple(p.tolist()), tuple(q.tolist()), base, headers)


def terms_csv_table(labels: list[str], terms: pd.DataFrame,
                    unit: str) -> Callable[[], pd.DataFrame]:
    """The same table with full-precision numbers, for the CSV download: headers translated
    now, the frame made when the download is clicked."""
    headers = (t("word.event"), _term_headers(unit))
    labels = list(labels)

    def frame() -> pd.DataFrame:
        table = {headers[0]: labels, "P": terms["p"].to_numpy(), "Q": terms["q"].to_numpy()}
        for column, title in headers[1].items():
            table[title] = terms[column].to_numpy()
        return pd.DataFrame(table)
    return frame


def chart_text() -> dict[str, str]:
    """The charts' words in the reader's language and unit (one dict per language and unit;
    read-only)."""
    return _chart_text(lang(), st.session_state["units"])


@functools.lru_cache(maxsize=16)
def _chart_text(language: str, units: str) -> dict[str, str]:
    return {
        "event": t("word.event"), "probability": t("word.probability"),
        "distribution": t("word.distribution"), "P": "P", "Q": "Q",
        "value": t("ex.chart.value", unit=t(f"unit.{units}")),
        "entropy_part": t("ex.chart.entropy_part"), "kl_adds": t("ex.chart.kl_adds"),
        "kl_subtracts": t("ex.chart.kl_subtracts"),
        "total": t("ex.chart.total"), "part": t("ex.chart.part"),
        "infinite": t("ex.chart.infinite"),
        "t": "t", "cross_entropy": "H(P, Qₜ)", "kl": "KL(P‖Qₜ)", "quantity": t("word.quantity"),
        "entropy_p": t("ex.chart.floor"),
    }


# ---- CSV in and out (shared with the information page) -----------------------------------------

def download_csv(table: pd.DataFrame | Callable[[], pd.DataFrame], file_name: str, label: str,
                 *, where: Any = None, numeric: Sequence[str] = (), key: str) -> None:
    """A button that downloads ``table`` as a CSV file (:func:`lib.csvfile.write_csv`).

    The bytes are made only when the button is clicked (``table`` may be a function making the
    table then: it runs outside the script, so it must not read session state or translate)."""
    def data() -> bytes:
        return csvfile.write_csv(table() if callable(table) else table, numeric=numeric)

    (where or st).download_button(
        label, data, file_name=file_name,
        mime="text/csv", icon=":material/download:", on_click="ignore", key=key)


def _file_label_texts(table: pd.DataFrame) -> list[str]:
    """The labels as a file holds them: preset labels written in the reader's language."""
    return [event_name(tables.label_id(v)) if tables.label_id(v) is not None else v
            for v in table["label"]]



def _msg_key(state: PageState, name: str) -> str:
    return f"_upload_msg.{state.key(name)}"


def _upload_key(state: PageState, name: str) -> str:
    return f"_upload.{state.key(name)}.{st.session_state.get(f'_upload_gen.{state.key(name)}', 0)}"


def _on_upload(state: PageState, name: str, key: str) -> None:
    file = st.session_state.get(key)
    if file is None:
        return
    setting = state.by_name[name]
    read = csvfile.read_csv(file.getvalue(), setting.columns, ("label",),
                            numeric=setting.columns, aliases={"label": LABEL_ALIASES},
                            max_rows=setting.max_rows)
    if read.ok:
        table = read.table.copy()
        # A file's labels are the reader's text: never preset identifiers or control characters.
        table["label"] = [tables.clean_label(v.replace(tables.LABEL_ID, ""))
                          for v in table["label"]]
        state.set(name, table)
        st.session_state[_msg_key(state, name)] = ("ok", file.name, len(table),
                                                   read.decimal_comma)
    else:
        st.session_state[_msg_key(state, name)] = ("bad", file.name, list(read.problems))
    # A fresh uploader, so the same file can be loaded again after an edit.
    gen = f"_upload_gen.{state.key(name)}"
    st.session_state[gen] = st.session_state.get(gen, 0) + 1


def table_files(state: PageState, name: str, *, file_name: str, columns: Mapping[str, str],
                where: Any = None) -> None:
    """Download the editable table ``name`` as CSV, and replace it by an uploaded CSV file.

    ``columns`` maps the table's columns (``label`` first) to the names the page shows, for
    messages. A bad file leaves the table as it was and says what is wrong with it.
    """
    box = where or st
    setting = state.by_name[name]
    table = state.get(name)
    # Labels are translated now (the file is made on click, outside the script run).
    labels = _file_label_texts(table)
    file_columns = ["label", *setting.columns]

    def file_table() -> pd.DataFrame:
        out = table[file_columns].copy()
        out["label"] = labels
        return out

    download_csv(file_table, file_name, t("file.download"), where=box, numeric=setting.columns,
                 key=f"_download.{state.key(name)}")
    key = _upload_key(state, name)
    box.file_uploader(
        t("file.upload"), type=["csv", "txt"], key=key, on_change=_on_upload,
        args=(state, name, key),
        help=t("file.upload.help", columns=t("list.sep").join(
            ["label", *setting.columns]), rows=setting.max_rows,
            kb=csvfile.MAX_BYTES // 1000))
    message = st.session_state.pop(_msg_key(state, name), None)
    if message is None:
        return
    if message[0] == "ok":
        _, file, n, comma = message
        box.success(t("file.loaded", file=fmt.text(file), n=n)
                    + (" " + t("file.decimal_comma") if comma else ""),
                    icon=":material/upload_file:")
    else:
        _, file, found = message
        lines = "\n".join(f"- {problems.file_message(p, columns)}" for p in found[:8])
        more = len(found) - 8
        if more > 0:
            lines += "\n- " + t("file.more", n=more)
        box.error(t("file.rejected", file=fmt.text(file)) + "\n\n" + lines,
                  icon=":material/error:")
