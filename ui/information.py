"""State and wording for the information-and-entropy page.

Speed (issue 12): the curves' chart data, the units table and the entropy section's table are
made once per distinct input for every session (bounded ``functools.lru_cache``, immutable
results) and sent as Arrow (see :mod:`ui.explorer`)."""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd
import pyarrow as pa

from lib import curves, info
from lib.tables import read_column
from lib.problems import Problem
from ui import fmt, problems
from ui.charts import arrow_bytes, arrow_table
from ui.explorer import cells
from ui.i18n import lang, t
from ui.state import PageState, Setting

#: The entropy table: a label and a weight per event, weights as typed text.
DEFAULT_TABLE = pd.DataFrame({"label": ["A", "B", "C", "D"],
                              "weight": ["1/2", "1/4", "1/8", "1/8"]}).astype(object)

S = PageState("information", [
    Setting("p", 0.25, "float", lo=0.001, hi=1.0),
    Setting("p1", 0.25, "float", lo=0.001, hi=1.0),
    Setting("p2", 0.5, "float", lo=0.001, hi=1.0),
    Setting("bits", 16, "int", lo=1, hi=64),
    Setting("table", DEFAULT_TABLE, "table", columns=("weight",)),
    Setting("coin", 0.5, "float", lo=0.0, hi=1.0),
])


def one_in(p: float) -> str:
    """"1 in 4"-style odds for a probability (rounded sensibly)."""
    n = 1.0 / p
    return fmt.prob(round(n, 1 if n < 10 else 0))


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def superscript(n: int) -> str:
    """An integer as superscript digits, for powers written in text: ``2¹⁶``, ``2⁻¹⁶``."""
    return str(int(n)).translate(_SUPERSCRIPT)


#: The tournament of the "why a logarithm" section: reach the final, then win it.
FINAL, WIN_GIVEN_FINAL = 0.25, 0.5


def tournament(base) -> dict[str, float]:
    """Information of each step and of the champion (probability 1/4 · 1/2 = 1/8)."""
    final = float(info.information_content(FINAL, base))
    win = float(info.information_content(WIN_GIVEN_FINAL, base))
    champion = float(info.information_content(FINAL * WIN_GIVEN_FINAL, base))
    return {"final": final, "win": win, "sum": final + win, "champion": champion}


def units_table() -> pa.Table:
    """I(1/2) and I(1/8) in every unit, computed (the base is the unit); one table per
    language."""
    return _units_table(lang())


@functools.lru_cache(maxsize=4)
def _units_table(language: str) -> pa.Table:
    rows = []
    for unit, base, shown in (("bits", 2, "2"), ("nats", None, "e"), ("hartleys", 10, "10")):
        rows.append({t("in.why.col.unit"): t(f"unit.{unit}"), t("in.why.col.base"): shown,
                     t("in.why.col.half"): fmt.num(float(info.information_content(0.5, base))),
                     t("in.why.col.eighth"): fmt.num(
                         float(info.information_content(0.125, base)))})
    return arrow_table({name: [row[name] for row in rows] for name in rows[0]})


@functools.lru_cache(maxsize=16)
def curve_data(curve: str, base: float | None, series: str) -> bytes:
    """The dataset ``curves`` of :func:`lib.charts.function_chart` for ``curve``
    ("surprisal": −log p, or "binary_entropy": H(p)) in the unit of ``base``, as
    :func:`lib.charts.function_chart_data` builds it (non-finite points dropped)."""
    frame = curves.surprisal(base) if curve == "surprisal" else curves.binary_entropy(base)
    x, value = frame["x"].to_numpy(), frame.iloc[:, 1].to_numpy()
    keep = np.isfinite(value)
    return arrow_bytes({"x": x[keep], "value": value[keep], "series": [series] * int(keep.sum())})


def point_data(x: float, value: float, series: str) -> dict:
    """The dataset ``points`` of :func:`lib.charts.function_chart`: one marked point (none
    when its value is not finite)."""
    keep = bool(np.isfinite(value))
    return {"x": np.array([x] if keep else [], dtype=float),
            "value": np.array([value] if keep else [], dtype=float),
            "series": [series] if keep else []}


def axes(x: str, y: str) -> dict[str, str]:
    return {"x": x, "y": y, "series": t("word.quantity")}


def additivity_latex(p1, p2, i1, i2, i12, unit) -> str:
    # Short lines, so the equation fits a phone screen.
    return (rf"\begin{{aligned}}-\log({fmt.prob(p1)}) - \log({fmt.prob(p2)}) &= {fmt.num(i1)}"
            rf" + {fmt.num(i2)} \\ &= {fmt.num(i1 + i2)} \\ -\log({fmt.prob(p1 * p2)}) "
            rf"&= {fmt.num(i12)} \quad \text{{({unit})}}\end{{aligned}}")


def read_weights(table: pd.DataFrame) -> tuple[list[str], np.ndarray | None, list[Problem]]:
    """:func:`lib.tables.read_column` of the entropy table's weights, once per distinct table
    and language (the problems come as a fresh list: the page may add to it)."""
    labels, weights, found = _read_weights(cells(table), lang())
    return list(labels), weights, list(found)


@functools.lru_cache(maxsize=128)
def _read_weights(table, language: str) -> tuple[tuple, np.ndarray | None, tuple]:
    labels, weights, found = read_column(
        table.frame, "weight", default_label=lambda i: t("event.default", n=i + 1))
    if weights is not None:
        weights.setflags(write=False)  # shared by every session: read only
    return tuple(labels), weights, tuple(found)


def weights_to_distribution(weights, found: list[Problem]):
    """The normalised distribution, or None (problems are then listed for the reader)."""
    if found or weights is None:
        return None
    if weights.sum() == 0:
        found.append(Problem("all_zero", "weight"))
        return None
    return info.normalize(weights)


def problem_message(problem: Problem) -> str:
    return problems.message(problem, table=t("in.table_name"),
                            columns={"weight": t("in.entropy.weight")})


def entropy_csv_table(labels, terms: pd.DataFrame, unit: str):
    """The entropy section's numbers per event, full precision, for the CSV download: headers
    translated now, the frame made when the download is clicked."""
    headers = (t("word.event"), t("in.col.info", unit=unit), t("in.col.term", unit=unit))
    labels = list(labels)

    def frame() -> pd.DataFrame:
        return pd.DataFrame({headers[0]: labels, "p": terms["p"].to_numpy(),
                             headers[1]: terms["info_p"].to_numpy(),
                             headers[2]: terms["entropy_term"].to_numpy()})
    return frame


def entropy_colors() -> dict[str, str]:
    return {t("in.entropy.bar_p"): "#3b6fb6", t("in.entropy.bar_term"): "#7fa7d9"}


def entropy_bars(labels, terms: pd.DataFrame) -> dict:
    """The dataset ``bars`` of :func:`lib.charts.bar_chart`: p_i and p_i·(−log p_i) per event
    (as :func:`lib.charts.bar_chart_data` builds it: in order, non-finite values dropped)."""
    n = len(labels)
    value = np.concatenate([terms["p"].to_numpy(), terms["entropy_term"].to_numpy()])
    keep = np.isfinite(value)
    category = np.array(list(labels) * 2, dtype=object)
    series = np.array([t("in.entropy.bar_p")] * n + [t("in.entropy.bar_term")] * n,
                      dtype=object)
    # A category's order is its first appearance (labels may repeat).
    first = {}
    for i, label in enumerate(labels):
        first.setdefault(label, len(first))
    order = np.array([first[c] for c in category], dtype=np.int64)
    return {"category": category[keep], "series": series[keep], "value": value[keep],
            "order": order[keep]}


def bar_text(unit: str) -> dict[str, str]:
    return {"category": t("word.event"), "y": t("in.entropy.bar_axis", unit=unit),
            "series": t("word.quantity")}


def entropy_sentence(h: float, h_max: float, n: int, unit: str) -> str:
    if n == 1:
        return t("in.entropy.single")
    if np.isclose(h, h_max, rtol=1e-12, atol=1e-12):
        return t("in.entropy.at_max", n=n)
    return t("in.entropy.below_max", h=fmt.quantity(h, unit), max=fmt.quantity(h_max, unit),
             n=n, share=f"{h / h_max:.1%}")

