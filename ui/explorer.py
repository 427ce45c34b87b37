"""Settings, cached results and wording of the P vs Q explorer page.

The page's settings live in :data:`S` (``ui.state``): ``explorer.table`` (label, P, Q as text
cells), ``explorer.mode`` ("prob" or "counts") and ``explorer.t`` (the blend slider); the presets
of :mod:`lib.presets` set the table. Other pages show the same table through ``shared=[S]``
(link prefix "pq."). :func:`results` is everything the page shows for one P and Q (cached as
``ui/MECHANISMS.md`` §7 says); :func:`last_valid` keeps the session's last valid P and Q, shown
as stale while the table has a problem.

Also here, for both pages with an uploadable table (this one and the information page's entropy
table): :func:`table_files`, the CSV download and upload of an editable table, and
:func:`download_csv` for results tables.
"""

from __future__ import annotations

from collections import namedtuple
from typing import Any, Callable, Mapping, Sequence

import numpy as np
import pandas as pd
import streamlit as st

from lib import charts, csvfile, explorer_lesson, info, tables
from lib.cases import Case
from lib.presets import DEFAULT_PRESET, PRESETS
from lib import fmt
from lib.settings import Setting
from ui import problems
from ui.charts import arrow_table, datasets
from ui.i18n import event_name, listing, say, sentences, t
from ui.state import PageState

S = PageState("explorer", [
    Setting("table", PRESETS[DEFAULT_PRESET].table(), "table", columns=tables.COLUMNS),
    Setting("mode", "prob", "choice", choices=("prob", "counts")),
    Setting("t", 0.0, "float", lo=0.0, hi=1.0),
], presets={name: {"table": preset.table()} for name, preset in PRESETS.items()}, tag="pq")


@st.cache_resource(max_entries=256, show_spinner=False,
                   hash_funcs={pd.DataFrame: fmt.table_text})
def read_table(table: pd.DataFrame, counts: bool, language: str) -> tables.ReadResult:
    """:func:`lib.tables.read_distributions` of a P and Q table (preset labels in ``language``),
    once per distinct cells, mode and language. Read only."""
    read = tables.read_distributions(table, counts=counts, name=event_name,
                                     default_label=lambda i: t("event.default", n=i + 1))
    for values in (read.p, read.q):
        if isinstance(values, np.ndarray):
            values.setflags(write=False)
    return read


#: Everything the explorer shows for one P and Q (read only): the comparison
#: (:class:`lib.info.Comparison`), the charts' words and datasets (the blend chart's but "now"),
#: the per-event table (∞ written out), why H(P, Q) and KL(P‖Q), or H(Q, P) and KL(Q‖P), are
#: ∞ (None when finite), H(P,Q) = H(P) + KL with the numbers (LaTeX), the sentences, and both
#: charts' text alternatives, and the per-event table's columns with every digit (for the CSV
#: download, made into a frame when it is clicked).
#: Numbers in sentences have three significant digits; the table six.
Results = namedtuple("Results", "c text bars stack blend terms infinity_pq infinity_qp identity "
                     "residual asymmetry gibbs bars_alt stack_alt csv")


@st.cache_resource(max_entries=256, show_spinner=False)
def results(labels: tuple[str, ...], p: tuple[float, ...], q: tuple[float, ...],
            base: float | None, unit: str, language: str) -> Results:
    """:func:`lib.info.compare` of P and Q in ``base`` (named ``unit``), with the charts' data
    (:mod:`lib.charts`), the per-event table and the sentences, once per distinct input."""
    pa_, qa = np.array(p), np.array(q)
    c = info.compare(pa_, qa, base)
    text = {
        "event": t("word.event"), "probability": t("word.probability"),
        "distribution": t("word.distribution"), "P": "P", "Q": "Q",
        "value": t("ex.chart.value", unit=unit), "entropy_part": t("ex.chart.entropy_part"),
        "kl_adds": t("ex.chart.kl_adds"), "kl_subtracts": t("ex.chart.kl_subtracts"),
        "total": t("ex.chart.total"), "part": t("ex.chart.part"),
        "infinite": t("ex.chart.infinite"), "t": "t", "cross_entropy": "H(P, Qₜ)",
        "kl": "KL(P‖Qₜ)", "quantity": t("word.quantity"), "entropy_p": t("ex.chart.floor")}
    titles = {"event": t("word.event"), "p": "P", "q": "Q"} | {
        k: t(f"ex.col.{k}", unit=unit) for k in explorer_lesson.TERMS}
    csv = {titles["event"]: list(labels)} | {
        titles[k]: c.terms[k].to_numpy() for k in ("p", "q", *explorer_lesson.TERMS)}
    table = explorer_lesson.per_event(labels, c)
    w = explorer_lesson.said(labels, c, unit)

    def word(case: Case | None) -> str | None:
        return case and say("ex", case, labels=labels)

    return Results(
        c, text, datasets(charts.distribution_bars_data(labels, pa_, qa, text)),
        datasets(charts.cross_entropy_stack_data(labels, c.terms, text)),
        datasets(charts.blend_chart_data(info.blend_curve(pa_, qa, base), c.h_p, text)),
        arrow_table({titles[k]: v for k, v in table.items()}), word(w.infinity_pq),
        word(w.infinity_qp), w.identity, word(w.residual), word(w.asymmetry), word(w.gibbs),
        word(w.bars_alt), word(w.stack_alt), csv)


# ---- the page's own layout helpers ----------------------------------------------------------

#: Session-state key of the last table that described two distributions (this session only):
#: ``(labels, p, q)`` as tuples, shown, marked as stale, while the table has a problem.
LAST_VALID = "_explorer.last_valid"


def last_valid(read: tables.ReadResult) -> tuple[tuple[str, ...], tuple[float, ...],
                                                 tuple[float, ...]] | None:
    """The ``(labels, p, q)`` to show: the table's, kept as the session's last valid one, when
    it describes P and Q; else the session's last valid one, or None."""
    if read.ok:
        st.session_state[LAST_VALID] = (tuple(read.labels), tuple(read.p.tolist()),
                                        tuple(read.q.tolist()))
    return st.session_state.get(LAST_VALID)


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


def _on_upload(state: PageState, name: str, key: str, columns: Mapping[str, str]) -> None:
    """The uploaded file replaces the table, or is refused; what happened is kept, worded, for
    the run that follows."""
    file, k = st.session_state.get(key), state.key(name)
    if file is None:
        return
    setting = state.by_name[name]
    read = tables.read_file(file.getvalue(), setting.columns, setting.max_rows)
    if read.ok:
        state.set(name, read.table)
        said = (True, sentences(t("file.loaded", file=fmt.text(file.name), n=len(read.table)),
                                    t("file.decimal_comma") if read.decimal_comma else ""))
    else:
        found = list(read.problems)
        lines = [f"- {problems.file_message(p, columns)}" for p in found[:8]]
        lines += [f"- {t('file.more', n=len(found) - 8)}"] if len(found) > 8 else []
        said = (False, t("file.rejected", file=fmt.text(file.name)) + "\n\n" + "\n".join(lines))
    st.session_state[f"_upload_msg.{k}"] = said
    # A fresh uploader, so the same file can be loaded again after an edit.
    st.session_state[f"_upload_gen.{k}"] = st.session_state.get(f"_upload_gen.{k}", 0) + 1


def table_files(state: PageState, name: str, *, file_name: str, columns: Mapping[str, str],
                where: Any = None) -> None:
    """Download the editable table ``name`` as CSV, and replace it by an uploaded CSV file.

    ``columns`` maps the table's columns (``label`` first) to the names the page shows, for
    messages. A bad file leaves the table as it was and says what is wrong with it.
    """
    box = where or st
    setting = state.by_name[name]
    table = state.get(name)
    # Preset labels are translated now (the file is made on click, outside the script run).
    labels = [event_name(tables.label_id(v)) if tables.label_id(v) is not None else v
              for v in table["label"]]
    file_columns = ["label", *setting.columns]

    def file_table() -> pd.DataFrame:
        out = table[file_columns].copy()
        out["label"] = labels
        return out

    k = state.key(name)
    download_csv(file_table, file_name, t("file.download"), where=box, numeric=setting.columns,
                 key=f"_download.{k}")
    key = f"_upload.{k}.{st.session_state.get(f'_upload_gen.{k}', 0)}"
    # One limit: the box refuses (and advertises) what the app refuses, in whole megabytes,
    # and the label states it in the app's words before anything is chosen.
    box.file_uploader(
        t("file.upload", rows=setting.max_rows, mb=csvfile.MAX_MB), type=["csv", "txt"],
        key=key, on_change=_on_upload, args=(state, name, key, columns),
        max_upload_size=csvfile.MAX_MB,
        help=t("file.upload.help", columns=listing(
            ["label", *setting.columns]), rows=setting.max_rows, mb=csvfile.MAX_MB))
    said = st.session_state.pop(f"_upload_msg.{k}", None)
    if said is not None:
        ok, text = said
        (box.success if ok else box.error)(text, icon=":material/upload_file:" if ok
                                           else ":material/error:")
