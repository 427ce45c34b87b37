"""State and wording for the P vs Q explorer page (kept here so the page script stays a layout).

The page's settings live in :data:`S` (``ui.state``): ``explorer.table`` (label, P, Q as text
cells), ``explorer.mode`` ("prob" or "counts") and ``explorer.t`` (the blend slider); the presets
of :mod:`lib.presets` set the table (and put the mode and t back to their defaults). Other pages
show the same table through ``shared=[S]`` (link prefix "pq.").

Also here, for both pages with an uploadable table (this one and the information page's entropy
table): :func:`table_files`, the CSV download and upload of an editable table, and
:func:`download_csv` for results tables.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd
import streamlit as st

from lib import csvfile, tables
from lib.presets import DEFAULT_PRESET, PRESETS
from lib.problems import Problem
from ui import fmt, problems
from ui.i18n import event_name, t
from ui.state import PageState, Setting

S = PageState("explorer", [
    Setting("table", PRESETS[DEFAULT_PRESET].table(), "table", columns=tables.COLUMNS),
    Setting("mode", "prob", "choice", choices=("prob", "counts")),
    Setting("t", 0.0, "float", lo=0.0, hi=1.0),
], presets={name: {"table": preset.table()} for name, preset in PRESETS.items()}, tag="pq")

#: Header names a file may use for the label column (besides "label"), in either language.
LABEL_ALIASES = ("event", "name", "事件", "名称", "标签")


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


def terms_table(labels: list[str], terms: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Per-event table with ∞ written out (a numeric column would show "inf")."""
    table = {t("word.event"): labels,
             "P": [fmt.prob(v) for v in terms["p"]], "Q": [fmt.prob(v) for v in terms["q"]]}
    for column, title in _term_headers(unit).items():
        table[title] = [fmt.num(v) for v in terms[column]]
    return pd.DataFrame(table)


def terms_csv_table(labels: list[str], terms: pd.DataFrame, unit: str) -> pd.DataFrame:
    """The same table with full-precision numbers, for the CSV download."""
    table = {t("word.event"): labels, "P": terms["p"].to_numpy(), "Q": terms["q"].to_numpy()}
    for column, title in _term_headers(unit).items():
        table[title] = terms[column].to_numpy()
    return pd.DataFrame(table)


def chart_text() -> dict[str, str]:
    return {
        "event": t("word.event"), "probability": t("word.probability"),
        "distribution": t("word.distribution"), "P": "P", "Q": "Q",
        "value": t("ex.chart.value", unit=t(f"unit.{st.session_state['units']}")),
        "entropy_part": t("ex.chart.entropy_part"), "kl_adds": t("ex.chart.kl_adds"),
        "kl_subtracts": t("ex.chart.kl_subtracts"),
        "total": t("ex.chart.total"), "part": t("ex.chart.part"),
        "infinite": t("ex.chart.infinite"),
        "t": "t", "cross_entropy": "H(P, Qₜ)", "kl": "KL(P‖Qₜ)", "quantity": t("word.quantity"),
        "entropy_p": t("ex.chart.floor"),
    }


# ---- CSV in and out (shared with the information page) -----------------------------------------

def download_csv(table: pd.DataFrame, file_name: str, label: str, *, where: Any = None,
                 numeric: Sequence[str] = (), key: str) -> None:
    """A button that downloads ``table`` as a CSV file (:func:`lib.csvfile.write_csv`)."""
    (where or st).download_button(
        label, csvfile.write_csv(table, numeric=numeric), file_name=file_name,
        mime="text/csv", icon=":material/download:", on_click="ignore", key=key)


def _file_labels(table: pd.DataFrame) -> pd.DataFrame:
    """The editor's table as a file holds it: preset labels written in the reader's language."""
    out = table.copy()
    out["label"] = [event_name(tables.label_id(v)) if tables.label_id(v) is not None else v
                    for v in table["label"]]
    return out


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


def file_message(problem: Problem, columns: Mapping[str, str]) -> str:
    """One sentence per problem with an uploaded file (codes of :mod:`lib.csvfile`)."""
    code = problem.code
    fields: dict[str, Any] = {
        "col": fmt.text(columns.get(problem.column or "", problem.column or "")),
        "row": (problem.row or 0) + 1, "text": fmt.text(problem.text or ""),
        "label": fmt.text(problem.label or ""),
        "value": fmt.prob(problem.value) if problem.value is not None else "",
        "limit": fmt.prob(problem.limit) if problem.limit is not None else "",
        "header": fmt.text(problem.text or ""),
        "wanted": t("list.sep").join(columns.values()),
    }
    if code == "file_too_big":
        fields["size"] = f"{int(problem.value or 0):,}"
        fields["limit"] = f"{int(problem.limit or 0) // 1000}"
        return t("file.too_big", **fields)
    if code == "too_many_rows":
        return t("file.too_many_rows", **fields)
    if code == "file_encoding":
        key = {"utf-16": "file.encoding.utf16", "gb18030": "file.encoding.gbk"}.get(
            problem.text or "", "file.encoding")
        return t(key, **fields)
    if code == "file_columns":
        return t("file.columns.twice" if (problem.value or 0) > 1 else "file.columns.missing",
                 **fields)
    if code == "file_parse":
        if problem.column is not None:
            key = "file.parse.empty" if not (problem.text or "").strip() else "file.parse.cell"
            return t(key if problem.label else key + ".nolabel", **fields)
        if problem.value is not None:
            return t("file.parse.wide", **fields)
        return t("file.parse.quotes", **fields)
    if code == "file_empty":
        return t("file.empty")
    if code == "file_binary":
        return t("file.binary")
    return problems.message(problem)


def table_files(state: PageState, name: str, *, file_name: str, columns: Mapping[str, str],
                where: Any = None) -> None:
    """Download the editable table ``name`` as CSV, and replace it by an uploaded CSV file.

    ``columns`` maps the table's columns (``label`` first) to the names the page shows, for
    messages. A bad file leaves the table as it was and says what is wrong with it.
    """
    box = where or st
    setting = state.by_name[name]
    table = state.get(name)
    download_csv(_file_labels(table)[["label", *setting.columns]], file_name,
                 t("file.download"), where=box, numeric=setting.columns,
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
        lines = "\n".join(f"- {file_message(p, columns)}" for p in found[:8])
        more = len(found) - 8
        if more > 0:
            lines += "\n- " + t("file.more", n=more)
        box.error(t("file.rejected", file=fmt.text(file)) + "\n\n" + lines,
                  icon=":material/error:")
