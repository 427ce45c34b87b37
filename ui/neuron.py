"""State, cached training and wording for the learning-slowdown page.

The page's settings are the PageState ``S`` (ui/MECHANISMS.md): truth in session state, widgets
mirroring it, kept across language, unit and page switches and in the link. Training, maps and
the charts' lines are cached by their parameters for every session, so the scrubber and Play
never retrain and each frame sends only the epoch.

Speed (issue 12): everything the page shows about one experiment in one language (texts, map
summaries, the charts' datasets as the Arrow bytes Streamlit sends unchanged) is one cached
:class:`View`, and each epoch's cards one cached Markdown block per run: a rerun, a language
switch back or a preset another reader already opened is a lookup, and no chart data is
converted again. All caches are bounded and shared by every session.
Every sentence that describes a run is picked and filled by a function here from that run's
numbers (tests/test_neuron_page.py checks that they change when the outcome does).
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import pandas as pd
import streamlit as st

from lib import charts, neuron
from ui.charts import arrow_bytes as arrow
from ui import fmt
from ui.i18n import lang, t
from ui.state import PageState, Setting
from ui.strings import STRINGS

#: Every control of the experiment, as settings (truth keys "neuron.<name>"). The defaults are
#: Nielsen's badly wrong start with both costs at the same rate.
S = PageState("neuron", [
    Setting("w0", 2.0, "float", lo=-50.0, hi=50.0),
    Setting("b0", 2.0, "float", lo=-50.0, hi=50.0),
    Setting("x", 1.0, "float", lo=-10.0, hi=10.0),
    Setting("y", 0.0, "float", lo=0.0, hi=1.0),
    Setting("eta_quadratic", 0.15, "float", lo=0.0001, hi=100.0),
    Setting("eta_cross_entropy", 0.15, "float", lo=0.0001, hi=100.0),
    Setting("epochs", 300, "int", lo=1, hi=5000),
    Setting("threshold", 0.1, "float", lo=0.001, hi=0.5),
    Setting("book", False, "bool"),
    # Where the scrubber stands (clamped to the run's epochs when drawn); Play is transient.
    Setting("epoch", 0, "int", lo=0, hi=5000),
    Setting("playing", False, "bool", link=False),
], presets={
    # Each preset is a whole experiment: the mechanism sets every setting a preset does not
    # name to its default. Nielsen's two starts, both costs at the same rate:
    "normal": {"w0": 0.6, "b0": 0.9},
    "wrong": {},
    # The book's divide-by-6 rule of thumb (its MNIST footnote, 3.0 -> 0.5): 0.15 / 6 = 0.025.
    # 500 epochs, so that both reach the goal (cross-entropy at 303, the quadratic cost at 469).
    "fair": {"eta_cross_entropy": 0.025, "epochs": 500},
    # The book's own demo rates, with the rule its cross-entropy demo actually used.
    "book": {"eta_cross_entropy": 0.005, "book": True},
})
#: The settings that define the experiment (everything but the scrubber and Play).
CONTROLS = ("w0", "b0", "x", "y", "eta_quadratic", "eta_cross_entropy", "epochs", "threshold",
            "book")
#: Every preset with all of its controls spelled out.
PRESETS = {name: {c: S.preset_values(name)[c] for c in CONTROLS} for name in S.presets}
COLORS = {"quadratic": "#e8853d", "cross_entropy": "#3b6fb6", "book_demo": "#8c8c8c"}
#: The same colours by Streamlit's markdown colour names, for the one key above the charts.
MARKDOWN_COLORS = {"quadratic": "orange", "cross_entropy": "blue", "book_demo": "gray"}
MAP_RANGE = 4.0
MAP_POINTS = 81
#: Grid of starting points for the map: 81 x 81 over [-4, 4]^2, spacing 0.1.
MAP_AXIS = np.linspace(-MAP_RANGE, MAP_RANGE, MAP_POINTS)
#: A later step this many times the first counts as "sped up" in the wording.
SPEED_UP = 1.05

#: Play's pace: a whole run in about PLAY_SECONDS (12 epochs a second for 300 epochs), never
#: slower than MIN_RATE epochs a second; the server draws a frame every FRAME_SECONDS.
PLAY_SECONDS = 25.0
MIN_RATE = 4.0
FRAME_SECONDS = 0.25
#: Session-state key of Play's clock (transient, not a setting).
PLAY_CLOCK = "_neuron.play_clock"


def play_rate(epochs: int) -> float:
    """Epochs per second while playing."""
    return max(MIN_RATE, epochs / PLAY_SECONDS)


def play_epoch(clock: dict, epochs: int, now: float) -> int:
    """The epoch to show now while playing: where Play started plus the time since, at
    :func:`play_rate`, and at least one epoch further than the last frame. ``clock`` (set by
    :func:`play`) holds the start time, the start epoch and the last epoch shown; it is
    the only authority while playing, so a slider value the browser sends back from an earlier
    frame cannot pull the epoch back."""
    target = clock["e0"] + int((now - clock["t0"]) * play_rate(epochs))
    epoch = min(max(target, clock["last"] + 1), epochs)
    clock["last"] = epoch
    return epoch


def play(epochs: int) -> None:
    """Play from where the slider stands (from 0 at the end of the run). Idempotent: a click
    Streamlit delivers twice under load starts one run, not a run and a pause."""
    if S.get("playing"):
        return
    start = 0 if S.get("epoch") >= epochs else S.get("epoch")
    S.set("playing", True)
    S.set("epoch", start)
    st.session_state[PLAY_CLOCK] = {"t0": time.monotonic(), "e0": start, "last": start}


def pause() -> None:
    """Pause at the last frame the server drew (idempotent, like :func:`play`)."""
    if not S.get("playing"):
        return
    clock = st.session_state.pop(PLAY_CLOCK, None)
    S.set("playing", False)
    # The last frame drawn, not whatever the browser sent back with the click.
    S.set("epoch", clock["last"] if clock else S.get("epoch"))


@dataclass(frozen=True)
class Settings:
    w0: float
    b0: float
    x: float
    y: float
    eta: dict[str, float]
    epochs: int
    threshold: float
    book: bool

    @property
    def runs(self) -> list[str]:
        return ["quadratic", "cross_entropy"] + (["book_demo"] if self.book else [])


def settings_from(values: dict) -> Settings:
    """The experiment described by setting values (``S.values()`` or a preset's)."""
    return Settings(float(values["w0"]), float(values["b0"]), float(values["x"]),
                    float(values["y"]),
                    {"quadratic": float(values["eta_quadratic"]),
                     "cross_entropy": float(values["eta_cross_entropy"]),
                     "book_demo": float(values["eta_cross_entropy"])},
                    int(values["epochs"]), float(values["threshold"]), bool(values["book"]))


def settings() -> Settings:
    return settings_from(S.values())


# Results are deterministic and never modified by the page: cached once for every session
# (st.cache_resource hands out the object itself, without st.cache_data's copy per rerun),
# bounded so that a class trying many settings cannot grow the server's memory without limit.
@st.cache_resource(max_entries=64, show_spinner=False)
def train(cost: str, w0: float, b0: float, eta: float, epochs: int, x: float,
          y: float) -> pd.DataFrame:
    frame = neuron.train(w0, b0, cost=cost, eta=eta, epochs=epochs, x=x, y=y)
    frame["sigma_prime"] = neuron.sigmoid_prime(frame["z"].to_numpy())
    frame["grad_b_abs"] = frame["dC_db"].abs()
    return frame


def runs(s: Settings) -> dict[str, pd.DataFrame]:
    return {c: train(c, s.w0, s.b0, s.eta[c], s.epochs, s.x, s.y) for c in s.runs}


def first_within(frame: pd.DataFrame, y: float, threshold: float) -> int:
    """First epoch with |a - y| < threshold, -1 if none (same rule as the map)."""
    hit = np.flatnonzero(np.abs(frame["a"].to_numpy() - y) < threshold)
    return int(hit[0]) if hit.size else -1


@st.cache_resource(max_entries=16, show_spinner=False)
def init_map(cost: str, eta: float, epochs: int, threshold: float, x: float,
             y: float) -> pd.DataFrame:
    w0, b0 = np.meshgrid(MAP_AXIS, MAP_AXIS)
    needed = neuron.epochs_to_reach(w0, b0, cost=cost, eta=eta, epochs=epochs,
                                    threshold=threshold, x=x, y=y)
    return pd.DataFrame({"w0": w0.ravel(), "b0": b0.ravel(), "epochs_needed": needed.ravel()})


@st.cache_resource(max_entries=32, show_spinner=False)
def _map_cells(cost: str, eta: float, epochs: int, threshold: float, x: float, y: float,
               language: str) -> tuple[dict[str, bytes], neuron.MapSummary, dict[str, str]]:
    """One map's picture and hover targets (as chart bytes), its summary and its text, per run
    settings and language: moving the start only moves the circle."""
    grid = init_map(cost, eta, epochs, threshold, x, y)
    text = {"w0": "w₀", "b0": "b₀",
            "epochs": STRINGS["nr.map.epochs"][language == "zh"].format(thr=prob(threshold)),
            "never": STRINGS["nr.never"][language == "zh"].format(epochs=epochs),
            "title": STRINGS[f"nr.run.{cost}"][language == "zh"],
            "start": STRINGS["nr.map.start"][language == "zh"]}
    summary = neuron.map_summary(grid["w0"], grid["b0"], grid["epochs_needed"], x=x, y=y)
    data = charts.init_map_data(grid, (0.0, 0.0), text, epochs)
    return ({"picture": arrow(data["picture"]), "cells": arrow(_slim(data["cells"]))},
            summary, text)


def _slim(frame: pd.DataFrame) -> pd.DataFrame:
    """Hover targets in about half the bytes, drawn the same: 32-bit numbers (the grid is a
    0.1 grid and the tooltips show two decimals) and no index column (the chart does not use
    it)."""
    out = frame.reset_index(drop=True)
    for column in out.columns:
        if out[column].dtype == np.float64:
            out[column] = out[column].astype(np.float32)
        elif out[column].dtype == np.int64:
            out[column] = out[column].astype(np.int32)
    return out


@functools.lru_cache(maxsize=256)
def _map_start(w0: float, b0: float, name: str) -> bytes:
    """The circle at the current start (the map's ``here`` dataset), as chart bytes."""
    return arrow(charts.init_map_here((w0, b0), name))


def map_view(cost: str, eta: float, epochs: int, threshold: float, x: float, y: float,
             w0: float, b0: float, language: str
             ) -> tuple[dict[str, bytes], neuron.MapSummary, dict[str, str]]:
    """One initialisation map: the chart's datasets (as bytes), its summary and its text, per
    settings and language (built once, not on every rerun)."""
    cells, summary, text = _map_cells(cost, eta, epochs, threshold, x, y, language)
    return {**cells, "here": _map_start(w0, b0, text["start"])}, summary, text


def run_name(cost: str) -> str:
    return t(f"nr.run.{cost}")


#: The six training panels: (field, title key, y-axis name, log scale).
PANELS = (("a", "nr.q.a", "a", False), ("cost", "nr.q.cost", "C", False),
          ("w", "nr.q.w", "w", False), ("b", "nr.q.b", "b", False),
          ("grad_b_abs", "nr.q.grad", "|∂C/∂b|", True),
          ("sigma_prime", "nr.q.sigma_prime", "σ′(z)", True))


def panel_lines(s: Settings, language: str) -> dict[str, bytes]:
    """Each panel's lines (thinned, as chart bytes), built once per experiment and language:
    scrubbing and Play only replace the one-row dataset of the epoch rule."""
    return _panel_lines(s.w0, s.b0, s.x, s.y, s.eta["quadratic"], s.eta["cross_entropy"],
                        s.epochs, s.book, language)


@st.cache_resource(max_entries=64, show_spinner=False)
def _panel_lines(w0: float, b0: float, x: float, y: float, eta_q: float, eta_ce: float,
                 epochs: int, book: bool, language: str) -> dict[str, bytes]:
    frames = runs(settings_from({"w0": w0, "b0": b0, "x": x, "y": y, "eta_quadratic": eta_q,
                                 "eta_cross_entropy": eta_ce, "epochs": epochs,
                                 "threshold": 0.1, "book": book}))
    long = charts.thin(pd.concat([f.assign(run=STRINGS[f"nr.run.{c}"][language == "zh"])
                                  for c, f in frames.items()], ignore_index=True))
    return {field: arrow(charts.training_chart_data(long, field, 0, log_scale=log)["lines"])
            for field, _, _, log in PANELS}


@functools.lru_cache(maxsize=1024)
def rule_data(epoch: int) -> bytes:
    """The epoch rule's one-row dataset (as :func:`lib.charts.training_chart_data` makes it),
    as chart bytes: the only data a scrub or Play frame sends."""
    return arrow(charts.training_chart_data(pd.DataFrame({"epoch": [epoch], "run": [""],
                                                          "v": [0.0]}), "v", epoch)["rule"])


def legend_markdown(frames: dict[str, pd.DataFrame]) -> str:
    return "\u2003".join(f":{MARKDOWN_COLORS[c]}[**━━ {run_name(c)}**]" for c in frames)


# ---- Numbers in running text ----------------------------------------------------------------

def num(x: float, digits: int = 4) -> str:
    """``fmt.num`` with a real minus sign, for text outside LaTeX."""
    return fmt.num(x, digits).replace("-", "−")


def short(x: float) -> str:
    """Three significant digits (a step size, a ratio), real minus sign."""
    x = float(x)
    if not np.isfinite(x):
        return fmt.num(x).replace("-", "−")
    return f"{x:.3g}".replace("-", "−").replace("e−0", "e−").replace("e+0", "e")


def prob(x: float) -> str:
    return fmt.prob(x).replace("-", "−")


def join(sentences: list[str]) -> str:
    """Sentences one after another: a space between English ones, none between Chinese."""
    return ("" if lang() == "zh" else " ").join(sentences)


# ---- Notes on the inputs ------------------------------------------------------------------

def input_notes(s: Settings, frames: dict[str, pd.DataFrame]) -> list[tuple[str, str]]:
    """(kind, message) for inputs that make the picture unusual, so nobody is left puzzled."""
    notes = []
    if s.x == 0:
        notes.append(("warning", t("nr.note.x_zero")))
    if max(s.eta.values()) >= 10:
        notes.append(("warning", t("nr.note.big_eta")))
    if 0 < s.y < 1:
        notes.append(("info", t("nr.note.soft_target")))
    start = frames["quadratic"]["a"].iloc[0]
    if abs(start - s.y) < s.threshold:
        notes.append(("info", t("nr.note.already", a=num(start), thr=prob(s.threshold))))
    return notes


def epochs_label(n: int, epochs: int) -> str:
    return str(n) if n >= 0 else t("nr.never", epochs=epochs)


# ---- The outcome, worded from the run -------------------------------------------------------

def race_sentence(s: Settings, frames: dict[str, pd.DataFrame]) -> str:
    """Who reaches the goal first, with the epochs (or where each ended)."""
    n = {c: first_within(frames[c], s.y, s.threshold) for c in ("quadratic", "cross_entropy")}
    end = {c: float(frames[c]["a"].iloc[-1]) for c in n}
    common = {"thr": prob(s.threshold), "epochs": s.epochs, "q": n["quadratic"],
              "ce": n["cross_entropy"], "aq": num(end["quadratic"]),
              "ace": num(end["cross_entropy"])}
    if n["quadratic"] >= 0 and n["cross_entropy"] >= 0:
        if n["quadratic"] == n["cross_entropy"]:
            text = t("nr.race.tie", **common)
        else:
            key = "ce" if n["cross_entropy"] < n["quadratic"] else "q"
            text = t(f"nr.race.both.{key}", **common)
    elif n["cross_entropy"] >= 0:
        text = t("nr.race.only.ce", **common)
    elif n["quadratic"] >= 0:
        text = t("nr.race.only.q", **common)
    else:
        err = {c: abs(end[c] - s.y) for c in end}
        key = ("ce" if err["cross_entropy"] < err["quadratic"] else
               "q" if err["quadratic"] < err["cross_entropy"] else "same")
        text = t(f"nr.race.neither.{key}", **common)
    if "book_demo" in frames:
        nb = first_within(frames["book_demo"], s.y, s.threshold)
        ab = num(frames["book_demo"]["a"].iloc[-1])
        text = join([text, t("nr.race.book.reached", n=nb, a=ab) if nb >= 0 else
                     t("nr.race.book.never", epochs=s.epochs, a=ab)])
    return text


def rates_sentence(s: Settings) -> tuple[bool, str]:
    """(rates differ?, the sentence saying which rate each cost runs at)."""
    eq, ece = s.eta["quadratic"], s.eta["cross_entropy"]
    if eq == ece:
        return False, t("nr.rates.equal", eta=prob(eq))
    ratio = eq / ece if eq > ece else ece / eq
    key = "smaller" if ece < eq else "larger"
    return True, t(f"nr.rates.differ.{key}", q=prob(eq), ce=prob(ece), ratio=short(ratio))


def speeds(s: Settings, frames: dict[str, pd.DataFrame]) -> dict[str, neuron.SpeedChange]:
    return {c: neuron.speed_change(frames[c]["a"], frames[c]["dC_db"], eta=s.eta[c], y=s.y)
            for c in ("quadratic", "cross_entropy")}


def _speed_part(cost: str, sc: neuron.SpeedChange) -> str:
    prefix = "q" if cost == "quadratic" else "ce"
    values = {"first": short(sc.first_step), "peak": short(sc.peak_step), "k": sc.peak_epoch,
              "err": num(sc.peak_error, 2), "ratio": short(sc.ratio),
              "last": short(sc.last_step), "n": sc.last_epoch}
    if sc.peak_epoch < 0 or (sc.first_step == 0 and not np.isfinite(sc.ratio)):
        return t(f"nr.speed.{prefix}.still", **values)
    if sc.ratio > SPEED_UP:
        return t(f"nr.speed.{prefix}.up", **values)
    if sc.ratio <= 1:
        return t(f"nr.speed.{prefix}.down", **values)
    return t(f"nr.speed.{prefix}.flat", **values)


def speed_sentence(s: Settings, frames: dict[str, pd.DataFrame]) -> str:
    """How the update size |Δb| changed, early against later, for both costs, and what that
    says about Nielsen's point (only what this run shows)."""
    sp = speeds(s, frames)
    q, ce = sp["quadratic"], sp["cross_entropy"]
    if ce.first_step > q.first_step:
        start = t("nr.speed.start.ce", err=num(q.first_error, 2), ce=short(ce.first_step),
                  q=short(q.first_step), ratio=short(ce.first_step / q.first_step)
                  if q.first_step > 0 else "∞")
    elif q.first_step > ce.first_step:
        start = t("nr.speed.start.q", err=num(q.first_error, 2), ce=short(ce.first_step),
                  q=short(q.first_step), ratio=short(q.first_step / ce.first_step)
                  if ce.first_step > 0 else "∞")
    else:
        start = t("nr.speed.start.same", err=num(q.first_error, 2), q=short(q.first_step))
    parts = [start, _speed_part("quadratic", q), _speed_part("cross_entropy", ce)]
    q_up = np.isfinite(q.ratio) and q.ratio > SPEED_UP
    ce_down = np.isfinite(ce.ratio) and ce.ratio <= 1
    if q_up and ce_down:
        parts.append(t("nr.speed.lesson"))
    elif not q_up and q.peak_epoch >= 0:
        parts.append(t("nr.speed.no_slowdown", sp=short(frames["quadratic"]["sigma_prime"]
                                                        .iloc[0])))
    return join(parts)


@functools.lru_cache(maxsize=1)
def _good_start_epochs() -> dict:
    p = PRESETS["normal"]
    w0, b0, thr, epochs = p["w0"], p["b0"], p["threshold"], 1000
    fair = PRESETS["fair"]["eta_cross_entropy"]
    need = {(c, eta): int(neuron.epochs_to_reach(w0, b0, cost=c, eta=eta, epochs=epochs,
                                                 threshold=thr))
            for c, eta in (("quadratic", 0.15), ("cross_entropy", 0.15),
                           ("cross_entropy", fair))}
    return need


def good_start_sentence() -> str:
    """From Nielsen's normal start: equal rates against the fair-race rates, computed."""
    p = PRESETS["normal"]
    thr = p["threshold"]
    fair = PRESETS["fair"]["eta_cross_entropy"]
    need = _good_start_epochs()
    return t("nr.limits.good_start", thr=prob(thr), q=need[("quadratic", 0.15)],
             ce=need[("cross_entropy", 0.15)], ce_fair=need[("cross_entropy", fair)],
             fair=prob(fair))


def map_caption(s: Settings, summaries: dict[str, neuron.MapSummary]) -> str:
    """What the two maps show for the current settings: shares reached, where misses start
    (one bullet per cost), then which cost reaches the goal from more starts."""
    bullets = []
    for cost in ("quadratic", "cross_entropy"):
        m = summaries[cost]
        values = {"run": run_name(cost), "share": f"{m.share:.0%}", "eta": prob(s.eta[cost]),
                  "median": short(m.median_epochs), "epochs": s.epochs,
                  "err": num(m.miss_min_error, 2), "sp": short(m.miss_max_sigma_prime)}
        if m.misses == 0:
            parts = [t("nr.map.all", **values)]
        elif m.share == 0:
            parts = [t("nr.map.none", **values)]
        else:
            parts = [t("nr.map.some", **values)]
            # "Saturated and wrong" only when the numbers say so.
            if m.miss_min_error >= 0.9:  # then σ′(z) = a(1 − a) ≤ 0.09 as well
                parts.append(t("nr.map.saturated"))
        bullets.append("- " + join(parts))
    text = "\n".join(bullets)
    q, ce = summaries["quadratic"], summaries["cross_entropy"]
    if q.share != ce.share:
        better = "cross_entropy" if ce.share > q.share else "quadratic"
        text += "\n\n" + t("nr.map.more", run=run_name(better))
    return text


def sigma_caption(frames: dict[str, pd.DataFrame], s: Settings) -> str:
    row = frames["quadratic"].iloc[0]
    sp = float(row["sigma_prime"])
    return t("nr.training.caption", sp=short(sp), pct=f"{sp:.1%}", a=num(row["a"]))


# ---- Live arithmetic that adds up as displayed ----------------------------------------------

def _sig(x: float, digits: int) -> Decimal:
    """``x`` rounded to ``digits`` significant digits, as an exact decimal."""
    return Decimal(f"{float(x):.{digits - 1}e}")


def _fixed(x: float, decimals: int) -> Decimal:
    return Decimal(f"{float(x):.{decimals}f}")


def tex(d: Decimal) -> str:
    """A decimal for LaTeX, trailing zeros kept; × 10^n outside 1e-4 … 1e6."""
    if d == 0:
        return "0"
    e = d.adjusted()
    if -4 <= e < 6:
        return format(d, "f")
    mantissa = d.scaleb(-e)
    return rf"{format(mantissa, 'f')} \times 10^{{{e}}}"


def text_dec(d: Decimal) -> str:
    """A decimal for running text: trailing zeros kept, ``1.234e−20`` outside 1e-4 … 1e6."""
    if d == 0:
        return "0"
    e = d.adjusted()
    out = format(d, "f") if -4 <= e < 6 else f"{format(d.scaleb(-e), 'f')}e{e}"
    return out.replace("-", "−")


@dataclass(frozen=True)
class Arithmetic:
    """The numbers the gradient card shows, as exact decimals: ``(a − y) × σ′ = g``."""

    a: Decimal
    y: Decimal
    sigma_prime: Decimal | None
    result: Decimal

    @property
    def adds_up(self) -> bool:
        """The shown factors, multiplied exactly and rounded to the digits shown, give the
        shown result."""
        exact = (self.a - self.y) * (self.sigma_prime if self.sigma_prime is not None else 1)
        if self.result == 0:
            return exact == 0
        digits = len(self.result.as_tuple().digits)
        return _sig(exact, digits) == self.result if exact != 0 else False


def arithmetic(cost: str, row: pd.Series, y: float) -> Arithmetic:
    """Digits for the gradient card, chosen so that the displayed arithmetic adds up.

    The result keeps 4 significant digits of the true gradient. ``a`` and ``σ′(z)`` start at 4
    digits and gain digits until the displayed product, rounded to 4 significant digits, is
    the displayed result (with ``a`` near ``y`` the difference loses digits, so ``a`` needs
    more). For cross-entropy the result is the exact difference of the displayed numbers.
    """
    a, sp, g = float(row["a"]), float(row["sigma_prime"]), float(row["dC_db"])
    yy = Decimal(fmt.prob(y))
    if cost != "quadratic":
        aa = _fixed(a, 4) if a >= 1e-4 else _sig(a, 4)
        return Arithmetic(aa, yy, None, aa - yy)
    result = _sig(g, 4) if g != 0 else Decimal(0)
    for digits in range(4, 18):
        aa = _fixed(a, digits) if a >= 1e-4 else _sig(a, digits)
        ss = _sig(sp, digits)
        out = Arithmetic(aa, yy, ss, result)
        if out.adds_up:
            return out
    # Unreachable in practice (17 digits are a double's own); keep the display consistent.
    return Arithmetic(aa, yy, ss, _sig((aa - yy) * ss, 4) if aa != yy else Decimal(0))


def formula_latex(cost: str, row: pd.Series, y: float) -> str:
    """The bias gradient of ``cost`` with the numbers of ``row`` substituted."""
    if cost == "book_demo":
        g = tex(_sig(row["dC_db"], 4))
        return (rf"\begin{{aligned}}\text{{{t('nr.book.step')}}} &= \frac{{a-y}}{{a(1-a)}}"
                rf"\\ &= {g}\end{{aligned}}")
    ar = arithmetic(cost, row, y)
    if cost == "quadratic":
        return (rf"\begin{{aligned}}\frac{{\partial C}}{{\partial b}} &= (a-y)\,\sigma'(z)"
                rf"\\ &= ({tex(ar.a)} - {tex(ar.y)}) \times {tex(ar.sigma_prime)}"
                rf" \\ &= {tex(ar.result)}\end{{aligned}}")
    return (rf"\begin{{aligned}}\frac{{\partial C}}{{\partial b}} &= a - y"
            rf"\\ &= {tex(ar.a)} - {tex(ar.y)} = {tex(ar.result)}\end{{aligned}}")


def state_values(cost: str, row: pd.Series, y: float) -> str:
    """The card's values line; σ′(z) with the same digits as the quadratic gradient formula."""
    sp = (arithmetic(cost, row, y).sigma_prime if cost == "quadratic"
          else _sig(row["sigma_prime"], 4))
    return t("nr.state.values", w=num(row["w"]), b=num(row["b"]), z=num(row["z"]),
             a=num(row["a"]), c=num(row["cost"]),
             sp=text_dec(sp))


def chart_text(title_key: str, axis: str) -> dict[str, str]:
    return {"epoch": t("nr.epoch"), "run": t("nr.cost"), "title": t(title_key), "axis": axis}


# ---- The page's view of one experiment, built once per experiment and language -----------------
# Everything the page shows outside the scrubbed cards depends only on the experiment's
# settings and the language, so it is built once (texts, chart bytes, map summaries) for every
# session in this process, bounded: a rerun, a language switch back or a preset another reader
# already opened is one lookup.

@dataclass(frozen=True)
class Outcome:
    """One run's column under "Who gets there first": its heading and its three metrics."""

    heading: str
    metrics: tuple[tuple[str, str], ...]  # (label, value)


@dataclass(frozen=True)
class View:
    key: tuple
    settings: Settings
    frames: dict[str, pd.DataFrame]
    notes: tuple[tuple[str, str], ...]
    outcomes: tuple[Outcome, ...]
    race: str
    rates_differ: bool
    rates: str
    speed: str
    lines: dict[str, bytes]
    colors: dict[str, str]
    legend: str
    panels: tuple[tuple[str, str, dict[str, str], bool], ...]  # (field, heading, text, log)
    sigma: str
    map_intro: str
    maps: tuple[tuple[dict[str, bytes], dict[str, str]], ...]
    map_caption: str
    outside: bool


def settings_key(s: Settings) -> tuple:
    """The experiment as a hashable key (every control, in :data:`CONTROLS` order)."""
    return (s.w0, s.b0, s.x, s.y, s.eta["quadratic"], s.eta["cross_entropy"], s.epochs,
            s.threshold, s.book)


def view(s: Settings) -> View:
    """Everything the page shows about experiment ``s`` in the reader's language, except the
    scrubbed epoch's cards (:func:`cards`)."""
    return _view(settings_key(s), lang())


@functools.lru_cache(maxsize=16)
def _view(key: tuple, language: str) -> View:
    # Built with t(), which reads the reader's language: ``language`` is that language (view()
    # passes it), so the cache never mixes languages.
    s = settings_from(dict(zip(CONTROLS, key)))
    frames = runs(s)
    outcomes = tuple(
        Outcome(f"**{run_name(cost)}** · η = {prob(s.eta[cost])}",
                ((t("nr.m.epochs", thr=prob(s.threshold)),
                  epochs_label(first_within(frame, s.y, s.threshold), s.epochs)),
                 (t("nr.m.start"), num(frame["a"].iloc[0])),
                 (t("nr.m.end", n=s.epochs), num(frame["a"].iloc[-1]))))
        for cost, frame in frames.items())
    differ, rates = rates_sentence(s)
    summaries, maps = {}, []
    for cost in ("quadratic", "cross_entropy"):
        data, summaries[cost], text = map_view(cost, s.eta[cost], s.epochs, s.threshold, s.x,
                                               s.y, s.w0, s.b0, language)
        maps.append((data, text))
    return View(
        key=key, settings=s, frames=frames, notes=tuple(input_notes(s, frames)),
        outcomes=outcomes, race=race_sentence(s, frames), rates_differ=differ, rates=rates,
        speed=speed_sentence(s, frames), lines=panel_lines(s, language),
        colors={run_name(c): COLORS[c] for c in frames}, legend=legend_markdown(frames),
        panels=tuple((field, f"**{t(key_)}**", chart_text(key_, axis), log_scale)
                     for field, key_, axis, log_scale in PANELS),
        sigma=sigma_caption(frames, s),
        map_intro=t("nr.map.intro", thr=prob(s.threshold), epochs=s.epochs),
        maps=tuple(maps), map_caption=map_caption(s, summaries),
        outside=max(abs(s.w0), abs(s.b0)) > MAP_RANGE)


def display(latex: str) -> str:
    """Display math inside Markdown, exactly as ``st.latex(latex)`` sends it (``$$`` lines)."""
    return f"$$\n{latex}\n$$"


def blocks(*parts: str) -> str:
    """Paragraphs and :func:`display` formulas as one Markdown block (one page element)."""
    return "\n\n".join(parts)


def cards(v: View, epoch: int) -> tuple[str, ...]:
    """Each run's card at ``epoch`` as one Markdown block (heading, values, the gradient
    formula with the numbers substituted), once per experiment, language and epoch."""
    return _cards(v.key, lang(), epoch)


@functools.lru_cache(maxsize=2048)
def _cards(key: tuple, language: str, epoch: int) -> tuple[str, ...]:
    v = _view(key, language)
    out = []
    for cost, frame in v.frames.items():
        row = frame.iloc[epoch]
        out.append(blocks(t("nr.state", run=run_name(cost), epoch=epoch),
                          state_values(cost, row, v.settings.y),
                          display(formula_latex(cost, row, v.settings.y))))
    return tuple(out)
