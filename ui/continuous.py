"""Settings, cached views and wording of the continuous-KL page.

Settings (``continuous.<name>``): the mixture P (``n`` components; ``w``/``m``/``s`` 1–3: weight,
mean, sd), the entropy section (``h_sd``, ``delta``), the VAE section (``vae_mu``, ``vae_sd``,
``samples``, ``seed``) and the support section (``cut``). Weights are divided by their sum and
the page says so; a mixture lib refuses is worded here and the last good one stays on screen.
One cached view per section (``st.cache_resource``, bounded; language an explicit argument).
Which sentence applies is decided in :mod:`lib.continuous` (its cases: ``takeaway_case``,
``searches_cases``, ``entropy_case``, ``band_case``, ``support_case``) and worded here (``say``).
"""

from __future__ import annotations

import math
from collections import namedtuple
from typing import Any, Mapping

import streamlit as st

from lib import charts_continuous as cc
from lib import continuous as lc
from lib import lesson
from lib.problems import Problem, ProblemError
from lib import fmt
from lib.settings import Setting
from ui import checkpoint
from ui.charts import arrow_table, datasets
from ui.i18n import listing, say, t
from ui.state import PageState

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


def read_mixture(values: Mapping[str, Any] | None = None) -> tuple[Mix | None, float,
                                                                   list[Problem]]:
    """The reader's mixture (or that of the settings ``values``, e.g. ``S.defaults``) with
    weights divided by their sum, the sum entered, and what lib refuses (then the mixture is
    None). The reader's last accepted mixture is kept under :data:`LAST_GOOD`."""
    v = S.values() if values is None else values
    k = range(1, int(v["n"]) + 1)
    w = [v[f"w{i}"] for i in k] if len(k) > 1 else [1.0]
    m, s = [float(v[f"m{i}"]) for i in k], [float(v[f"s{i}"]) for i in k]
    try:
        weights = lc.normalise_weights(w)
        lc.fit_forward(weights, m, s)  # checks the means and sds
    except ProblemError as err:
        return None, float(sum(w)), err.problems
    mix = (tuple(weights.tolist()), tuple(m), tuple(s))
    if values is None:
        st.session_state[LAST_GOOD] = mix
    return mix, float(sum(w)), []


#: What each section shows (read only): numbers, sentences, the charts' words and datasets.
#: ``fit``: both fits (:class:`lib.continuous.FitComparison`; its divergences in nats);
#: ``kls``: its four divergences in the sidebar's unit; ``fits``/``fits_held``: the fits
#: chart's datasets with and without the KL(Q‖P) fits (held back until the reader predicts),
#: ``fits_alt``/``fits_alt_held`` their text alternatives; ``colour``: the landscape's colour
#: range; ``searches``: the table of the reverse fit's searches.
MixtureView = namedtuple("MixtureView", "fit kls takeaway fits_text fits fits_held fits_alt "
                         "fits_alt_held landscape_text landscape colour searches "
                         "searches_sentence")
EntropyView = namedtuple("EntropyView", "h binned limit sign text data alt")
VaeView = namedtuple("VaeView", "exact estimate stderr verdict text data")
SupportView = namedtuple("SupportView", "kl_qp sentence text data")


def reverse_inputs(mix: Mix) -> dict[str, Any]:
    """The reverse-fit checkpoint's inputs: P and its KL(Q‖P) fit, as :func:`fitted` found it
    (one search for the page and the checkpoint)."""
    mu, sd = fitted(mix)[0].reverse
    return {"weights": mix[0], "means": mix[1], "sds": mix[2], "mu_q": mu, "sd_q": sd}


def revealed(shown: bool, mix: Mix) -> bool:
    """Whether the KL(Q‖P) fit may show: the reader predicted at the checkpoint (``shown``, or
    at any earlier time), or the checkpoint has no right answer for ``mix`` (P with one
    mode)."""
    inputs = reverse_inputs(mix)
    return (shown or checkpoint.predicted("continuous", "reverse_fit")
            or checkpoint.judge("continuous", "reverse_fit", inputs).right is None)


@st.cache_resource(max_entries=64, show_spinner=False)
def fitted(mix: Mix) -> tuple[lc.FitComparison, cc.Landscape]:
    """Both fits of ``mix`` and the KL(Q‖P) landscape, the same in every language and unit
    (cached apart from :func:`mixture_view`, so that a language or unit switch only
    re-words them)."""
    fit = lc.compare_fits(*mix, one_peak=lesson.ONE_PEAK)
    return fit, cc.landscape(*mix, fit.fits)


@st.cache_resource(max_entries=64, show_spinner=False)
def mixture_view(mix: Mix, base: float | None, unit: str, language: str) -> MixtureView:
    """Both fits of ``mix``, every divergence in ``base``, the charts' data and the words."""
    fit, land = fitted(mix)
    fits, best, others = fit.fits, fit.found.best, fit.found.others
    scale = 1.0 if base is None else math.log(base)
    text = {"x": "x", "density": t("ct.density"), "curve": t("ct.curve"), "P": "P",
            "forward": t("ct.fit.forward"), "reverse": t("ct.fit.reverse"),
            "other": t("ct.fit.other"), "both": t("ct.fit.both")}
    kl_name = t("ct.kl_qp_unit", unit=unit)
    l_text = {"mean": t("ct.q_mean"), "sd": t("ct.q_sd"), "kl": kl_name,
              "start": t("ct.start"), "end": t("ct.end"), "best": t("ct.best"),
              "search": t("ct.search"), "kind": t("ct.kind")}
    colour = (land.lo / scale, land.hi / scale)
    landscape = cc.landscape_chart_data(land.values, land.means, land.sds, fits, best, *colour,
                                        l_text, scale)
    heads = {**l_text, "steps": t("ct.steps")}  # the table's columns: the chart's names
    table = arrow_table({heads[name]: column
                         for name, column in lc.search_rows(fit, scale).items()})
    peaks = listing(fmt.fixed(v, 2) for v in fit.modes)
    fm, fs = fmt.fixed(fit.forward[0], 2), fmt.fixed(fit.forward[1], 2)
    alt = t("ct.fits.alt", peaks=peaks, fm=fm, fs=fs, rm=fmt.fixed(fit.reverse[0], 2),
            rs=fmt.fixed(fit.reverse[1], 2))
    return MixtureView(
        fit, tuple(k / scale for k in fit.kls), say("ct", lc.takeaway_case(fit)), text,
        datasets(cc.fits_chart_data(*mix, fit.forward, fit.reverse, others, text)),
        datasets(cc.fits_chart_data(*mix, fit.forward, fit.reverse, others, text, hidden=True)),
        alt, t("ct.fits.alt.held", peaks=peaks, fm=fm, fs=fs), l_text, datasets(landscape),
        colour, table, say("ct", *lc.searches_cases(fit)))


@st.cache_resource(max_entries=64, show_spinner=False)
def entropy_view(sd: float, delta: float, base: float | None, unit: str,
                 language: str) -> EntropyView:
    h = lc.gaussian_entropy(sd, base)
    binned = lc.binned_entropy(sd, delta, base)
    limit = lc.entropy_limit(sd, delta, base)
    text = {"delta": t("ct.delta_axis"), "value": unit, "binned": t("ct.binned"),
            "limit": t("ct.limit")}
    data = cc.entropy_chart_data(sd, delta, text, base)
    gap = binned - limit
    alt = t("ct.h.alt", delta=fmt.prob(delta), binned=fmt.short(binned), limit=fmt.short(limit),
            gap=fmt.short(gap), unit=unit)
    return EntropyView(h, binned, limit, say("ct", lc.entropy_case(sd, base, unit)), text,
                       datasets(data), alt)


@st.cache_resource(max_entries=64, show_spinner=False)
def vae_view(mu: float, sd: float, n: int, seed: int, base: float | None, unit: str,
             language: str) -> VaeView:
    exact = lc.gaussian_kl(mu, sd, 0.0, 1.0, base)
    mc = lc.monte_carlo_kl(mu, sd, 0.0, 1.0, n, seed, base)
    text = {"n": t("ct.vae.n_axis"), "value": unit, "estimate": t("ct.vae.estimate"),
            "exact": t("ct.vae.exact"), "band": t("ct.vae.band")}
    return VaeView(exact, mc.estimate, mc.stderr, say("ct", lc.band_case(mc, exact)), text,
                   datasets(cc.monte_carlo_chart_data(mc, exact, text)))


@st.cache_resource(max_entries=64, show_spinner=False)
def support_view(cut: float, base: float | None, unit: str, language: str) -> SupportView:
    _, kl_qp = lc.truncated_kl(cut, base)
    text = {"x": "x", "density": t("ct.density"), "P": "P = N(0, 1)",
            "Q": t("ct.support.q"), "gap": "Q = 0, P > 0"}
    return SupportView(kl_qp, say("ct", lc.support_case(cut, base, unit)), text,
                       datasets(cc.support_chart_data(cut, text)))
