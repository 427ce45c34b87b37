"""Settings, cached views and wording of the continuous-KL page.

Settings (``continuous.<name>``): the mixture P (``n`` components; ``w``/``m``/``s`` 1–3: weight,
mean, sd), the entropy section (``h_sd``, ``delta``), the VAE section (``vae_mu``, ``vae_sd``,
``samples``, ``seed``) and the support section (``cut``). Weights are divided by their sum and
the page says so; a mixture lib refuses is worded here and the last good one stays on screen.
One cached view per section (``st.cache_resource``, bounded; language an explicit argument).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
import numpy as np
import pyarrow as pa
import streamlit as st

from lib import charts_continuous as cc
from lib import continuous as lc
from lib.problems import Problem, ProblemError
from ui import fmt
from ui.charts import arrow_bytes, arrow_table
from ui.i18n import t
from ui.state import PageState, Setting
from ui.strings import STRINGS

DELTAS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0)
SAMPLES = (10, 100, 1000, 10000, 100000)
_W = lambda i, v: Setting(f"w{i}", v, "float", lo=0.0, hi=1.0)  # noqa: E731
_M = lambda i, v: Setting(f"m{i}", v, "float", lo=-5.0, hi=5.0)  # noqa: E731
_S = lambda i, v: Setting(f"s{i}", v, "float", lo=0.2, hi=3.0)  # noqa: E731
S = PageState("continuous", [
    Setting("n", 2, "choice", choices=(1, 2, 3)),
    _W(1, 0.5), _W(2, 0.5), _W(3, 0.3), _M(1, -3.0), _M(2, 3.0), _M(3, 0.0),
    _S(1, 1.0), _S(2, 1.0), _S(3, 0.6),
    Setting("h_sd", 1.0, "float", lo=0.05, hi=3.0),
    Setting("delta", 0.5, "choice", choices=DELTAS),
    Setting("vae_mu", 1.0, "float", lo=-3.0, hi=3.0),
    Setting("vae_sd", 0.5, "float", lo=0.1, hi=3.0),
    Setting("samples", 1000, "choice", choices=SAMPLES),
    Setting("seed", 0, "int", lo=0, hi=9999),
    Setting("cut", 1.0, "float", lo=0.1, hi=4.0),
], presets={
    "separated": {},
    "close": {"m1": -2.0, "m2": 2.0},
    "uneven": {"w1": 0.75, "w2": 0.25},
    "three": {"n": 3, "w1": 0.5, "w2": 0.3, "w3": 0.2, "m1": -4.0, "m2": 1.0, "m3": 4.0,
              "s2": 0.6, "s3": 0.6},
    "single": {"n": 1, "m1": 0.0},
})
#: Session-state key of the last mixture lib accepted (shown while the current one is refused).
LAST_GOOD = "_continuous.last_mixture"
Mix = tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...]]


def read_mixture() -> tuple[Mix | None, float, list[Problem]]:
    """The reader's mixture with weights divided by their sum, the sum they entered, and what
    lib refuses (then the mixture is None)."""
    n = int(S.get("n"))
    w = [S.get(f"w{i}") for i in range(1, n + 1)] if n > 1 else [1.0]
    m = [S.get(f"m{i}") for i in range(1, n + 1)]
    s = [S.get(f"s{i}") for i in range(1, n + 1)]
    try:
        weights = lc.normalise_weights(w)
        lc.fit_forward(weights, m, s)  # checks the means and sds
    except ProblemError as err:
        return None, float(sum(w)), err.problems
    mix = (tuple(weights.tolist()), tuple(float(v) for v in m), tuple(float(v) for v in s))
    st.session_state[LAST_GOOD] = mix
    return mix, float(sum(w)), []


def two(x: float) -> str:
    """``x`` with 2 decimals; a value that rounds to 0 reads 0.00 (not 1.7e−09)."""
    return fmt.num(round(float(x), 2) + 0.0, 2)


def read_default() -> Mix:
    """The default experiment's mixture (shown when nothing valid was ever drawn)."""
    d, n = S.defaults, int(S.defaults["n"])
    w = lc.normalise_weights([d[f"w{i}"] for i in range(1, n + 1)])
    return (tuple(w.tolist()), tuple(d[f"m{i}"] for i in range(1, n + 1)),
            tuple(d[f"s{i}"] for i in range(1, n + 1)))


def problem_text(p: Problem) -> str:
    """One sentence for a refused mixture parameter (lib.continuous's codes)."""
    key = f"ct.problem.{p.code}"
    return t(key if key in STRINGS else "problem.unknown",
             what=t(f"ct.col.{p.column}") if f"ct.col.{p.column}" in STRINGS else "",
             i=(p.row or 0) + 1, value=fmt.short(p.value) if p.value is not None else "")


def _bytes(data: dict) -> dict[str, bytes]:
    return {name: arrow_bytes(cols) for name, cols in data.items()}


@dataclass(frozen=True)
class MixtureView:
    forward: tuple[float, float]
    reverse: tuple[float, float]
    kls: tuple[float, float, float, float]  #: KL(P‖Q), KL(Q‖P) of the forward fit, then reverse
    takeaway: str
    fits_text: dict
    fits: dict[str, bytes]
    fits_alt: str
    landscape_text: dict
    landscape: dict[str, bytes]
    colour: tuple[float, float]
    searches: pa.Table
    searches_sentence: str
    others: bool  #: whether there are local minima besides the best


def _takeaway(mix: Mix, fwd: tuple, rev: tuple, kl_fwd_pq: float) -> str:
    w, m, s = mix
    f, r = two(fwd[1]), two(rev[1])
    ratio = rev[1] / fwd[1]
    width = "ct.narrower" if ratio < 0.99 else "ct.wider" if ratio > 1.01 else "ct.same_width"
    if kl_fwd_pq < 1e-9:
        return t("ct.take.gaussian")
    peaks, shares = lc.peak_shares(*rev, w, m, s)
    if len(peaks) == 1:
        return t("ct.take.one_peak", width=t(width, rev=r, fwd=f))
    held = int((shares >= 0.1).sum())
    if held == 1:
        return t("ct.take.picks", mu=two(peaks[int(np.argmax(shares))]))
    return t("ct.take.spans", k=held, n=len(peaks), width=t(width, rev=r, fwd=f))


@st.cache_resource(max_entries=64, show_spinner=False)
def mixture_view(mix: Mix, base: float | None, unit: str, language: str) -> MixtureView:
    """Both fits of ``mix``, every divergence in ``base``, the charts' data and the words."""
    w, m, s = mix
    scale = 1.0 if base is None else math.log(base)
    fwd = lc.fit_forward(w, m, s)
    fits = lc.reverse_fits(w, m, s)
    best = min(range(len(fits)), key=lambda i: (fits[i].kl, i))
    rev = (fits[best].mean, fits[best].sd)
    kls = (lc.kl_mixture_to_gaussian(w, m, s, *fwd), lc.kl_gaussian_to_mixture(*fwd, w, m, s),
           lc.kl_mixture_to_gaussian(w, m, s, *rev), fits[best].kl)
    optima = lc.local_optima(fits)
    others = [(o.mean, o.sd) for o in optima
              if not (abs(o.mean - rev[0]) < 1e-4 * rev[1] and abs(o.sd - rev[1]) < 1e-4 * rev[1])]
    text = {"x": "x", "density": t("ct.density"), "curve": t("ct.curve"), "P": "P",
            "forward": t("ct.fit.forward"), "reverse": t("ct.fit.reverse"),
            "other": t("ct.fit.other"), "both": t("ct.fit.both")}
    g_m, g_s = cc.landscape_grid(m, s, fits)
    values = lc.reverse_landscape(w, m, s, g_m, g_s)
    lo, hi = cc.landscape_colour_range(values, fits)
    kl_name = t("ct.kl_qp_unit", unit=unit)
    l_text = {"mean": t("ct.q_mean"), "sd": t("ct.q_sd"), "kl": kl_name,
              "start": t("ct.start"), "end": t("ct.end"), "best": t("ct.best"),
              "search": t("ct.search"), "kind": t("ct.kind")}
    landscape = cc.landscape_chart_data(values, g_m, g_s, fits, best, lo / scale, hi / scale,
                                        l_text, scale)
    table = arrow_table({
        t("ct.search"): [str(i + 1) + (" ★" if i == best else "") for i in range(len(fits))],
        kl_name: [f.kl / scale if f.kl > 1e-9 else 0.0 for f in fits],
        t("ct.end"): [f"μ = {fmt.num(round(f.mean, 4) + 0.0, 4)}, σ = {fmt.num(f.sd, 4)}"
                      for f in fits],
        t("ct.start"): [f"μ = {two(f.start[0])}, σ = {two(f.start[1])}" for f in fits],
        t("ct.steps"): [len(f.path) - 1 for f in fits]})
    n_opt = len(optima)
    sentence = (t("ct.searches.one") if len(fits) == 1 else
                t("ct.searches.same", n=len(fits)) if n_opt == 1 else
                t("ct.searches.differ", n=len(fits), k=n_opt))
    tied = sum(1 for o in optima if o.kl - optima[0].kl <= 1e-9 * max(1.0, optima[0].kl))
    if tied > 1:
        sentence += " " + t("ct.searches.tie", k=tied)
    alt = t("ct.fits.alt", peaks=t("list.sep").join(two(v) for v in lc.mixture_modes(w, m, s)),
            fm=two(fwd[0]), fs=two(fwd[1]), rm=two(rev[0]), rs=two(rev[1]))
    # Below 1e-9 nats a divergence is within the quadrature's error (lib.continuous): shown as 0.
    shown = tuple(k / scale if k > 1e-9 else 0.0 for k in kls)
    return MixtureView(fwd, rev, shown, _takeaway(mix, fwd, rev, kls[0]),
                       text, _bytes(cc.fits_chart_data(w, m, s, fwd, rev, others, text)), alt,
                       l_text, _bytes(landscape), (lo / scale, hi / scale), table, sentence,
                       bool(others))


@dataclass(frozen=True)
class EntropyView:
    h: float
    binned: float
    limit: float
    sign: str
    text: dict
    data: dict[str, bytes]
    alt: str


@st.cache_resource(max_entries=64, show_spinner=False)
def entropy_view(sd: float, delta: float, base: float | None, unit: str,
                 language: str) -> EntropyView:
    h = lc.gaussian_entropy(sd, base)
    binned = lc.binned_entropy(sd, delta, base)
    limit = h - math.log(delta) / (1.0 if base is None else math.log(base))
    threshold = fmt.num(1 / math.sqrt(2 * math.pi * math.e), 3)
    values = {"sd": two(sd), "h": fmt.amount(h, unit), "cut": threshold}
    sign = t("ct.h.negative" if h < 0 else "ct.h.zero" if h == 0 else "ct.h.positive", **values)
    text = {"delta": t("ct.delta_axis"), "value": unit, "binned": t("ct.binned"),
            "limit": t("ct.limit")}
    data = cc.entropy_chart_data(sd, delta, text, base)
    gap = binned - limit
    alt = t("ct.h.alt", delta=fmt.prob(delta), binned=fmt.short(binned), limit=fmt.short(limit),
            gap=fmt.short(gap), unit=unit)
    return EntropyView(h, binned, limit, sign, text, _bytes(data), alt)


@dataclass(frozen=True)
class VaeView:
    exact: float
    estimate: float
    stderr: float
    verdict: str
    text: dict
    data: dict[str, bytes]


@st.cache_resource(max_entries=64, show_spinner=False)
def vae_view(mu: float, sd: float, n: int, seed: int, base: float | None, unit: str,
             language: str) -> VaeView:
    exact = lc.gaussian_kl(mu, sd, 0.0, 1.0, base)
    mc = lc.monte_carlo_kl(mu, sd, 0.0, 1.0, n, seed, base)
    inside = abs(mc.estimate - exact) <= 2 * mc.stderr
    verdict = t("ct.vae.inside" if inside else "ct.vae.outside",
                z=fmt.num(abs(mc.estimate - exact) / mc.stderr if mc.stderr > 0 else 0, 1))
    text = {"n": t("ct.vae.n_axis"), "value": unit, "estimate": t("ct.vae.estimate"),
            "exact": t("ct.vae.exact"), "band": t("ct.vae.band")}
    return VaeView(exact, mc.estimate, mc.stderr, verdict, text,
                   _bytes(cc.monte_carlo_chart_data(mc, exact, text)))


@dataclass(frozen=True)
class SupportView:
    kl_qp: float
    sentence: str
    text: dict
    data: dict[str, bytes]


@st.cache_resource(max_entries=64, show_spinner=False)
def support_view(cut: float, base: float | None, unit: str, language: str) -> SupportView:
    _, kl_qp = lc.truncated_kl(cut, base)
    outside = math.erfc(cut / math.sqrt(2))
    sentence = t("ct.support.sentence", mass=fmt.short(outside), c=fmt.num(cut, 2),
                 kl=fmt.amount(kl_qp, unit))
    text = {"x": "x", "density": t("ct.density"), "P": "P = N(0, 1)",
            "Q": t("ct.support.q"), "gap": "Q = 0, P > 0"}
    return SupportView(kl_qp, sentence, text, _bytes(cc.support_chart_data(cut, text)))
