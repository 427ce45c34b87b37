"""Settings, cached results and wording of the P vs Q explorer page.

The page's settings live in :data:`S` (``ui.state``): ``explorer.table`` (label, P, Q as text
cells), ``explorer.mode`` ("prob" or "counts") and ``explorer.t`` (the blend slider); the presets
of :mod:`lib.presets` set the table. Other pages show the same table through ``shared=[S]``
(link prefix "pq.").

Caching (one policy for the app): a section's results are made once per distinct input for
every session by ``st.cache_resource`` (bounded; plain hashable arguments, the language an
explicit argument when the result holds words) and are read only: bytes, Arrow tables, frozen
dataclasses, text. Tables and chart data go to Streamlit as Arrow, built in the cached call.

The page's own helper: :func:`remember` / :func:`last_valid` (the session's last valid P and
Q, shown as stale while the table has a problem: session state, not a cache).

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

from lib import charts, csvfile, info, tables
from lib.presets import DEFAULT_PRESET, PRESETS
from ui import fmt, problems
from ui.charts import arrow_table, datasets
from ui.i18n import event_name, t
from ui.state import PageState, Setting

S = PageState("explorer", [
    Setting("table", PRESETS[DEFAULT_PRESET].table(), "table", columns=tables.COLUMNS),
    Setting("mode", "prob", "choice", choices=("prob", "counts")),
    Setting("t", 0.0, "float", lo=0.0, hi=1.0),
], presets={name: {"table": preset.table()} for name, preset in PRESETS.items()}, tag="pq")

#: Header names a file may use for the label column (besides "label"), in either language.
LABEL_ALIASES = ("event", "name", "事件", "名称", "标签")
_TERM_COLUMNS = ("info_p", "info_q", "entropy_term", "cross_entropy_term", "kl_term")


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


def event_names(labels: Sequence[str], mask: np.ndarray) -> str:
    """The events where ``mask`` holds, quoted, escaped and joined for a sentence."""
    return fmt.listing(f"“{fmt.text(labels[i])}”" for i in np.flatnonzero(mask))


def _term_headers(unit: str) -> dict[str, str]:
    return {"info_p": t("ex.col.info_p", unit=unit), "info_q": t("ex.col.info_q", unit=unit),
            "entropy_term": t("ex.col.entropy_term", unit=unit),
            "cross_entropy_term": t("ex.col.ce_term", unit=unit),
            "kl_term": t("ex.col.kl_term", unit=unit)}


#: Everything the explorer shows for one P and Q (read only): the comparison
#: (:class:`lib.info.Comparison`), the charts' words and datasets (the blend chart's but "now"),
#: the per-event table (∞ written out), why H(P, Q) and KL(P‖Q), or H(Q, P) and KL(Q‖P), are
#: ∞ (None when finite), H(P,Q) = H(P) + KL with the numbers (LaTeX), the sentences, and both
#: charts' text alternatives. Numbers in sentences have three significant digits; the table six.
Results = namedtuple("Results", "c text bars stack blend terms infinity_pq infinity_qp identity "
                     "residual asymmetry gibbs bars_alt stack_alt")


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
    columns = [labels, [fmt.prob(v) for v in p], [fmt.prob(v) for v in q]]
    columns += [[fmt.exact(v) for v in c.terms[k].tolist()] for k in _TERM_COLUMNS]
    headers = (t("word.event"), "P", "Q", *_term_headers(unit).values())
    missing_q, missing_p = (pa_ > 0) & (qa == 0), (qa > 0) & (pa_ == 0)
    kl_pq, kl_qp = c.kl_pq, c.kl_qp
    values = {"pq": fmt.amount(kl_pq, unit), "qp": fmt.amount(kl_qp, unit)}
    same = kl_pq == kl_qp or (np.isfinite(kl_pq) and np.isclose(kl_pq, kl_qp, rtol=1e-12,
                                                                  atol=1e-15))
    ce_terms = c.terms["cross_entropy_term"].to_numpy()
    top = int(np.argmax(np.where(np.isfinite(ce_terms), ce_terms, np.inf)))
    under = np.flatnonzero(c.terms["kl_term"].to_numpy() > 0)
    return Results(
        c, text, datasets(charts.distribution_bars_data(labels, pa_, qa, text)),
        datasets(charts.cross_entropy_stack_data(labels, c.terms, text)),
        datasets(charts.blend_chart_data(info.blend_curve(pa_, qa, base), c.h_p, text)),
        arrow_table(dict(zip(headers, columns))),
        t("ex.inf.pq", events=event_names(labels, missing_q)) if missing_q.any() else None,
        t("ex.inf.qp", events=event_names(labels, missing_p)) if missing_p.any() else None,
        rf"{fmt.tex(fmt.short(c.ce_pq))} = {fmt.tex(fmt.short(c.h_p))} + "
        rf"{fmt.tex(fmt.short(kl_pq))} \quad \text{{({unit})}}",
        t("ex.residual.inf") if np.isinf(c.ce_pq) else t(
            "ex.residual", residual=fmt.short(c.residual), unit=unit),
        t("ex.asym.equal" if same else "ex.asym", **values),
        t("ex.gibbs", kl=fmt.amount(kl_pq, unit)),
        t("ex.chart.bars.alt", pairs=fmt.listing(
            f"{fmt.text(label)} {fmt.prob(pv)} / {fmt.prob(qv)}"
            for label, pv, qv in zip(labels, p, q))),
        t("ex.chart.stack.alt" if under.size else "ex.chart.stack.alt.none",
          event=fmt.text(labels[top]), value=fmt.amount(ce_terms[top], unit),
          under=event_names(labels, c.terms["kl_term"].to_numpy() > 0)))


def terms_csv_table(labels: Sequence[str], terms: pd.DataFrame,
                    unit: str) -> Callable[[], pd.DataFrame]:
    """The per-event table with full-precision numbers, for the CSV download: headers
    translated now, the frame made when the download is clicked."""
    event, headers, labels = t("word.event"), _term_headers(unit), list(labels)

    def frame() -> pd.DataFrame:
        return pd.DataFrame({event: labels, "P": terms["p"].to_numpy(),
                             "Q": terms["q"].to_numpy(),
                             **{title: terms[k].to_numpy() for k, title in headers.items()}})
    return frame


# ---- the page's own layout helpers ----------------------------------------------------------

#: Session-state key of the last table that described two distributions (this session only):
#: ``(labels, p, q)`` as tuples, shown, marked as stale, while the table has a problem.
LAST_VALID = "_explorer.last_valid"


def remember(labels: Sequence[str], p: np.ndarray, q: np.ndarray) -> None:
    """Keep this valid P and Q as the session's last valid one."""
    st.session_state[LAST_VALID] = (tuple(labels), tuple(p.tolist()), tuple(q.tolist()))


def last_valid() -> tuple[tuple[str, ...], tuple[float, ...], tuple[float, ...]] | None:
    """The session's last valid ``(labels, p, q)``, or None."""
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
    read = csvfile.read_csv(file.getvalue(), setting.columns, ("label",),
                            numeric=setting.columns, aliases={"label": LABEL_ALIASES},
                            max_rows=setting.max_rows)
    if read.ok:
        table = read.table.copy()
        # A file's labels are the reader's text: never preset identifiers or control characters.
        table["label"] = [tables.clean_label(v.replace(tables.LABEL_ID, ""))
                          for v in table["label"]]
        state.set(name, table)
        said = (True, fmt.sentences(t("file.loaded", file=fmt.text(file.name), n=len(table)),
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
        help=t("file.upload.help", columns=fmt.listing(
            ["label", *setting.columns]), rows=setting.max_rows, mb=csvfile.MAX_MB))
    said = st.session_state.pop(f"_upload_msg.{k}", None)
    if said is not None:
        ok, text = said
        (box.success if ok else box.error)(text, icon=":material/upload_file:" if ok
                                           else ":material/error:")
