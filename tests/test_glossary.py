"""The glossary: complete bilingual data, the page in both languages, ?term= links."""

import re

import numpy as np

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import (ROOT, TIMEOUT, link_of, open_page, set_language, set_units,
                            widget_key)
from ui import glossary
from ui.strings import STRINGS
from ui.layout import BY_KEY
from ui.strings.glossary import FORMULAS, PAGES, SEARCH, SECTIONS

PAGE = "pages/lessons/glossary.py"
IDS = [term for _, terms in SECTIONS for term in terms]
#: The first group, listed when a reader arrives from the menu.
FIRST = [term for term in SECTIONS[0][1]]


def show_group(at, section: str):
    """Pick a group of terms ("all" or a section id) in the page's pills."""
    at.button_group(key=widget_key(at, "glossary.section")).set_value(section).run()
    assert not at.exception, at.exception
    return at


# ---- data ------------------------------------------------------------------------------------

def test_ids_are_unique_anchors_with_complete_entries():
    assert len(IDS) == len(set(IDS))
    assert set(FORMULAS) == set(IDS)
    for term in IDS:
        assert re.fullmatch(r"[a-z][a-z0-9-]*", term), term
        for part in ("name", "meaning"):
            en, zh = STRINGS[f"gl.{term}.{part}"]
            assert en.strip() and re.search(r"[\u4e00-\u9fff]", zh), (term, part)
    assert {s for s, _ in SECTIONS} == {k[len("gl.sec."):] for k in STRINGS
                                        if k.startswith("gl.sec.")}


def test_formulas_are_latex_without_words():
    for term, lines in FORMULAS.items():
        assert isinstance(lines, tuple) and lines, term
        for line in lines:
            assert line.count("{") == line.count("}"), (term, line)
            assert not re.search(r"\\(text|mbox|textrm)\b", line), f"{term}: words in a formula"
            assert line.count(r"\bigl") == line.count(r"\bigr"), (term, line)


# English names (any of) and Chinese names (all of) a reader must find, from issue 8.
REQUIRED = {
    "information": (["Information content", "self-information", "surprisal"], ["自信息", "惊讶度"]),
    "entropy": (["Entropy"], ["熵"]),
    "cross-entropy": (["Cross-entropy"], ["交叉熵"]),
    "kl": (["KL divergence", "relative entropy"], ["KL 散度", "相对熵"]),
    "units": (["Bit", "nat", "hartley"], ["比特", "奈特", "哈特莱"]),
    "logit": (["Logit"], ["logit"]),
    "sigmoid": (["Sigmoid"], ["sigmoid"]),
    "softmax": (["Softmax"], ["softmax"]),
    "quadratic": (["Quadratic cost", "mean squared error"], ["二次代价", "均方误差"]),
    "bce": (["Binary cross-entropy"], ["二元交叉熵"]),
    "cce": (["Categorical cross-entropy"], ["多分类交叉熵"]),
    "multi-label": (["Multi-label"], ["多标签"]),
    "one-hot": (["One-hot"], ["独热"]),
    "likelihood": (["Likelihood", "maximum likelihood"], ["似然", "极大似然"]),
    "gradient": (["Gradient"], ["梯度"]),
    "gradient-norm": (["Gradient norm"], ["梯度范数"]),
    "learning-rate": (["Learning rate"], ["学习率"]),
    "epoch": (["Epoch"], ["轮"]),
    "mini-batch": (["Mini-batch"], ["小批量"]),
    "saturation": (["Saturation"], ["饱和"]),
    "slowdown": (["Learning slowdown"], ["学习缓慢"]),
    "target": (["Target value y"], ["目标值 y"]),
    "goal": (["Goal threshold"], ["达标线"]),
    "scale": (["Scale"], ["取值尺度"]),
    "huffman": (["Huffman code"], ["哈夫曼编码"]),
    "prefix-code": (["Prefix code"], ["前缀码"]),
    "kraft": (["Kraft inequality"], ["克拉夫特不等式"]),
    "gibbs": (["Gibbs' inequality"], ["吉布斯不等式"]),
    "plug-in": (["Plug-in estimate"], ["代入估计"]),
    "miller-madow": (["Miller–Madow correction"], ["Miller–Madow 校正"]),
    "quadratic-mse": (["MSE"], ["MSE"]),
    "vanishing-gradient": (["Vanishing gradient"], ["梯度消失"]),
    "cost": (["Cost function", "loss function"], ["代价函数", "损失函数"]),
    "differential-entropy": (["Differential entropy"], ["微分熵"]),
    "kl-directions": (["Forward and reverse KL", "mode-covering", "mode-seeking"],
                      ["前向", "反向", "覆盖众数", "寻找众数"]),
    "variational": (["Variational inference", "VAE"], ["变分推断", "VAE"]),
    "perplexity": (["Perplexity"], ["困惑度"]),
    "bits-per-character": (["Bits per character"], ["每字符比特数"]),
    "arithmetic-coding": (["Arithmetic coding"], ["算术编码"]),
    "n-gram": (["n-gram model", "add-α smoothing"], ["n 元语法模型", "加 α 平滑"]),
    "label-smoothing": (["Label smoothing"], ["标签平滑"]),
    "distillation": (["distillation", "temperature"], ["知识蒸馏", "温度"]),
    "proper-scoring-rule": (["Proper scoring rule"], ["恰当评分规则"]),
    "calibration": (["Calibration", "reliability diagram", "ECE"],
                    ["校准", "可靠性图", "ECE"]),
    "temperature-scaling": (["Temperature scaling"], ["温度缩放"]),
}


@pytest.mark.parametrize("term", sorted(REQUIRED))
def test_required_terms_are_named_in_both_languages(term):
    en_words, zh_words = REQUIRED[term]
    en, zh = STRINGS[f"gl.{term.removesuffix('-mse')}.name"]
    for word in en_words:
        assert word in en, (term, word)
    for word in zh_words:
        assert word in zh, (term, word)


# ---- the page --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gl_page():
    """One glossary session for the page tests (the first run imports the heavy libraries)."""
    return open_page(PAGE)


def card_blocks(at) -> list[list[str]]:
    """Each card's Markdown block under its heading, as (other name, formula, meaning)."""
    return [m.value.split("\n\n", 2) for m in at.markdown if m.value.startswith(":gray[:small[")]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_entry_shows_with_both_names_formula_and_meaning(gl_page, lang):
    page = show_group(gl_page, "all")
    set_language(page, lang)
    i = 1 if lang == "zh" else 0
    assert page.title[0].value == STRINGS["page.glossary"][i]
    entries = glossary.ENTRIES
    headings = [h for h in page.subheader]
    assert [h.proto.anchor for h in headings] == IDS
    assert [h.value for h in headings] == [STRINGS[f"gl.{e.id}.name"][i] for e in entries]
    # Under each heading one Markdown block: the other language's name (small, grey), the
    # formula as display math (exactly what st.latex would send) and the meaning.
    cards = card_blocks(page)
    assert len(cards) == len(entries)
    for (other, formula, meaning), e in zip(cards, entries):
        assert other == f":gray[:small[{STRINGS[f'gl.{e.id}.name'][1 - i]}]]"
        assert formula == f"$$\n{e.latex()}\n$$"
        assert meaning == STRINGS[f"gl.{e.id}.meaning"][i]
    assert [h.value for h in page.header] == [STRINGS[f"gl.sec.{s}"][i] for s, _ in SECTIONS]
    # Each card links to the lesson that teaches its term, with that page's menu title.
    links = page.get("page_link")
    assert [link.proto.label for link in links] == [
        STRINGS[f"page.{PAGES[e.id]}"][i] for e in entries if e.id in PAGES]


def test_one_group_at_a_time_and_the_search_spans_all(gl_page):
    """Arriving from the menu lists the first group (a page of every formula is heavy in the
    browser); the pills pick another group or all of them; a search looks through all."""
    at = open_page(PAGE)
    assert [h.proto.anchor for h in at.subheader] == FIRST
    show_group(at, "calibration")
    assert [h.proto.anchor for h in at.subheader] == list(dict(SECTIONS)["calibration"])
    at.text_input(key=widget_key(at, "glossary.query")).set_value("entropy").run()
    found = {h.proto.anchor for h in at.subheader}
    assert {"entropy", "differential-entropy", "cross-entropy", "bce"} <= found
    assert at.button_group(key=widget_key(at, "glossary.section")).disabled
    assert link_of(at)["section"] == "calibration"


def test_card_links_go_to_real_lesson_pages():
    for term, page in PAGES.items():
        assert term in IDS and page in BY_KEY and BY_KEY[page].minutes, (term, page)
        assert (ROOT / BY_KEY[page].path).exists()
    # The three newest lessons are linked from their terms.
    assert {"continuous", "compression", "calibration"} <= set(PAGES.values())


def test_a_multi_line_formula_is_stacked():
    kl = glossary.BY_ID.get("kl")
    assert kl.latex().startswith(r"\begin{gathered}") and kl.latex().count(r"\\") == 1
    assert glossary.BY_ID.get("entropy").latex() == FORMULAS["entropy"][0]


def fresh_session(query: dict[str, str]) -> AppTest:
    """A new session opening the glossary at ``query``, as a browser opening the address
    /glossary?... does (app.py stays the entry point, so the menu's links resolve)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.switch_page(PAGE)
    at.query_params.update(query)
    return at.run()


def _shows_first(at, term: str, lang: str) -> None:
    i = 1 if lang == "zh" else 0
    first = at.subheader[0]
    assert first.value == STRINGS[f"gl.{term}.name"][i] and not first.proto.anchor
    assert STRINGS["gl.looked_up"][i] in at.caption[0].value
    assert card_blocks(at)[0][1] == f"$$\n{glossary.BY_ID.get(term).latex()}\n$$"
    # The term's group still follows, with the anchored entry in its place.
    group = glossary.BY_ID.get(term).section
    assert [h.proto.anchor for h in at.subheader[1:]] == list(dict(SECTIONS)[group])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_term_link_shows_that_entry_first_and_keeps_it(lang):
    at = open_page()
    set_language(at, lang)
    at.switch_page(PAGE)
    at.query_params["term"] = "kl"  # what glossary.link("kl") puts in the address
    at.run()
    assert not at.exception
    _shows_first(at, "kl", lang)
    assert link_of(at)["term"] == "kl"
    set_language(at, "en" if lang == "zh" else "zh")  # a rerun keeps it
    _shows_first(at, "kl", "en" if lang == "zh" else "zh")
    at.query_params["term"] = "entropy"  # another term link
    at.run()
    _shows_first(at, "entropy", "en" if lang == "zh" else "zh")


def test_close_and_arriving_from_the_menu_show_no_entry_first():
    at = open_page(PAGE)
    at.query_params["term"] = "huffman"
    at.run()
    _shows_first(at, "huffman", "en")
    at.button[0].click().run()  # Close
    assert not at.exception and "term" not in link_of(at)
    assert [h.proto.anchor for h in at.subheader] == list(dict(SECTIONS)["codes"])
    at.query_params["term"] = "kl"
    at.run()
    _shows_first(at, "kl", "en")
    at.switch_page("pages/lessons/home.py").run()
    at.switch_page(PAGE).run()  # from the menu: no ?term=
    assert not at.exception
    assert [h.proto.anchor for h in at.subheader] == FIRST  # kl's group
    # Close, leave at once, come back by a link to the same term: it shows again.
    at.query_params["term"] = "kl"
    at.run()
    at.button[0].click()
    at.query_params["term"] = "kl"  # still in the address when Close reruns the page
    at.run()
    assert [h.proto.anchor for h in at.subheader] == FIRST
    at.switch_page("pages/lessons/home.py").run()
    at.switch_page(PAGE)
    at.query_params["term"] = "kl"
    at.run()
    _shows_first(at, "kl", "en")


def test_a_fresh_session_opens_a_term_link():
    at = fresh_session({"term": "gibbs", "lang": "zh"})
    assert not at.exception
    _shows_first(at, "gibbs", "zh")


def test_a_bad_term_in_a_link_is_reported_not_raised():
    at = fresh_session({"term": "nosuchterm"})
    assert not at.exception
    assert "nosuchterm" in at.warning[0].value
    assert [h.proto.anchor for h in at.subheader] == FIRST
    assert "term" not in link_of(at)


@pytest.mark.parametrize("query, lang, includes, excludes", [
    ("熵", "en", {"entropy", "cross-entropy", "kl", "bce"}, {"sigmoid", "epoch"}),
    ("relative entropy", "zh", {"kl"}, {"entropy"}),
    ("HUFFMAN", "en", {"huffman"}, {"prefix-code"}),
])
def test_filter_matches_either_language(query, lang, includes, excludes):
    at = open_page(PAGE)
    set_language(at, lang)
    at.text_input(key=widget_key(at, "glossary.query")).set_value(query).run()
    assert not at.exception
    found = [h.proto.anchor for h in at.subheader]
    assert found == [e.id for e in glossary.ENTRIES if e.matches(query)]
    assert includes <= set(found) and not excludes & set(found)
    n = len(found)
    assert at.caption[0].value == STRINGS["gl.filter.count"][lang == "zh"].format(
        n=n, total=len(IDS), query=query)


def test_filter_without_match_says_so():
    at = open_page(PAGE)
    at.text_input(key=widget_key(at, "glossary.query")).set_value("zzzz").run()
    assert not at.exception
    assert not at.subheader and "zzzz" in at.info[0].value


@pytest.mark.parametrize("query, term", [
    # Issue 20 item 13: the names a Chinese student types.
    ("信息熵", "entropy"), ("梯度消失", "vanishing-gradient"), ("最大似然", "likelihood"),
    ("代价函数", "cost"), ("香农编码", "shannon-code"), ("多分类交叉熵", "cce"),
    # Issue 22: "mse" found nothing.
    ("mse", "quadratic"), ("MSE", "quadratic"), ("均方误差", "quadratic"),
    ("perplexity", "perplexity"), ("困惑度", "perplexity"), ("ECE", "calibration"),
    ("reverse KL", "kl-directions"), ("ELBO", "variational"), ("bpc", "bits-per-character"),
    ("Laplace", "n-gram"), ("蒸馏", "distillation"), ("温度缩放", "temperature-scaling"),
])
def test_search_finds_the_names_students_type(query, term):
    assert glossary.BY_ID.get(term).matches(query)
    at = open_page(PAGE)
    at.text_input(key=widget_key(at, "glossary.query")).set_value(query).run()
    assert term in [h.proto.anchor for h in at.subheader]


def test_search_names_are_not_shown_and_cover_real_entries():
    assert set(SEARCH) <= set(IDS)
    # 最大似然 is a search name only: the cards say 极大似然 (tests/test_terms.py).
    assert "最大似然" in SEARCH["likelihood"][1]
    assert all("最大似然" not in STRINGS[f"gl.{t}.{part}"][1] for t in IDS
               for part in ("name", "meaning"))


# ---- Issue 20: every statement true, the two languages the same ------------------------------

def test_huffman_merges_groups_not_symbols():
    en, zh = STRINGS["gl.huffman.meaning"]
    assert "two least likely groups (tree nodes)" in en and "two least likely symbols" not in en
    assert "两组" in zh and "两个符号" not in zh


def test_least_squares_noise_is_not_sigma():
    """Item 12: σ is the sigmoid on this page; the noise's standard deviation is s."""
    lines = FORMULAS["least-squares"]
    assert not any(r"\sigma" in line for line in lines)
    assert any("s^2" in line for line in lines)
    assert "standard deviation s" in STRINGS["gl.least-squares.meaning"][0]
    assert "标准差为 s" in STRINGS["gl.least-squares.meaning"][1]
    for term in ("differential-entropy", "variational"):
        assert not any(r"\sigma" in line for line in FORMULAS[term]), term


def test_chinese_adds_nothing_the_english_lacks():
    """Item 13: (相对熵) only where the English names relative entropy; 多分类交叉熵."""
    for term in IDS:
        for part in ("name", "meaning"):
            en, zh = STRINGS[f"gl.{term}.{part}"]
            en = en.lower()
            assert ("相对熵" in zh) == ("relative entropy" in en), (term, part)
            assert ("学习缓慢" in zh) == ("learning slowdown" in en), (term, part)
            assert ("梯度消失" in zh) == ("vanishing gradient" in en), (term, part)
    zh = " ".join(STRINGS[f"gl.{t}.{p}"][1] for t in IDS for p in ("name", "meaning"))
    assert "分类交叉熵" not in zh.replace("多分类交叉熵", "")


def test_vanishing_gradient_is_met_head_on():
    en, zh = STRINGS["gl.vanishing-gradient.meaning"]
    assert "output layer only" in en and "does not solve the vanishing gradient" in en
    assert "只在输出层" in zh and "并不能解决梯度消失" in zh
    assert "output layer only" in STRINGS["gl.slowdown.meaning"][0]


def test_miller_madow_states_its_condition():
    """Item 2: the bias formula needs every expected count n·pᵢ to be large."""
    en, zh = STRINGS["gl.miller-madow.meaning"]
    assert "every expected count n·pᵢ is large" in en and "n·pᵢ 都很大" in zh
    assert "n much larger than k" not in en


def test_quadratic_cost_names_its_scale():
    """Item 5: ½Σ(a − y)² over K outputs is K/2 times the per-element mean of nn.MSELoss."""
    import torch
    a, y = torch.tensor([0.9, 0.2, 0.4, 0.7]), torch.tensor([1.0, 0.0, 0.0, 1.0])
    half_sum = 0.5 * ((a - y) ** 2).sum()
    assert float(half_sum) == pytest.approx(len(a) / 2 * float(torch.nn.MSELoss()(a, y)))
    assert "K/2 times the mean over elements" in STRINGS["gl.quadratic.meaning"][0]


# ---- The new lessons' terms: the numbers they state ------------------------------------------

def test_differential_entropy_facts():
    import math
    from scipy import stats
    s0 = 1 / math.sqrt(2 * math.pi * math.e)
    assert f"{s0:.3f}" == "0.242" and "≈ 0.242" in STRINGS["gl.differential-entropy.meaning"][0]
    assert stats.norm(0, s0 * 0.99).entropy() < 0 < stats.norm(0, s0 * 1.01).entropy()
    # ½ log(2πe s²) is scipy's entropy (nats).
    assert stats.norm(0, 3.0).entropy() == pytest.approx(0.5 * math.log(2 * math.pi * math.e * 9))


def test_vae_kl_closed_form():
    from scipy import integrate, stats
    mu, s = 0.7, 0.4
    q, p = stats.norm(mu, s), stats.norm(0, 1)
    numeric = integrate.quad(lambda z: q.pdf(z) * (q.logpdf(z) - p.logpdf(z)), -12, 12)[0]
    closed = 0.5 * (mu ** 2 + s ** 2 - 1 - np.log(s ** 2))
    assert numeric == pytest.approx(closed, rel=1e-7)


_Z = np.linspace(-25, 25, 20001)


def _reverse_kl(mu, log_s, d):
    """KL(Q‖P) in nats for Q = N(mu, s²), P = ½N(−d, 1) + ½N(d, 1), on a fine grid (log P
    with logaddexp, so that it stays finite far from both modes)."""
    s = np.exp(log_s)
    log_q = -0.5 * ((_Z - mu) / s) ** 2 - np.log(s * np.sqrt(2 * np.pi))
    log_p = (np.logaddexp(-0.5 * (_Z + d) ** 2, -0.5 * (_Z - d) ** 2)
             - np.log(2 * np.sqrt(2 * np.pi)))
    return float(np.trapezoid(np.exp(log_q) * (log_q - log_p), _Z))


def test_kl_directions_facts():
    """The card's claims: at d = 3 a Gaussian on one mode beats the one in the middle for the
    reverse KL; at d = 2 the reverse KL's fit lands in the middle; the forward KL's fit is the
    mixture's mean and variance."""
    from scipy import optimize
    one_mode = optimize.minimize(lambda v: _reverse_kl(v[0], v[1], 3), [3.0, 0.0],
                                 method="Nelder-Mead", options={"xatol": 1e-4, "fatol": 1e-8})
    middle = optimize.minimize(lambda v: _reverse_kl(0.0, v[0], 3), [1.0],
                               method="Nelder-Mead", options={"xatol": 1e-4, "fatol": 1e-8})
    assert abs(one_mode.x[0]) > 2.5 and one_mode.fun < middle.fun
    assert one_mode.fun == pytest.approx(0.68877, abs=2e-4)
    assert middle.fun == pytest.approx(0.84062, abs=2e-4)
    from_mode = optimize.minimize(lambda v: _reverse_kl(v[0], v[1], 2), [2.0, 0.0],
                                  method="Nelder-Mead", options={"xatol": 1e-5, "fatol": 1e-9})
    assert abs(from_mode.x[0]) < 0.05  # even started on a mode, it ends in the middle
    # Forward KL: moment matching, μ = 0 and s² = 1 + d².
    assert "moment matching" in STRINGS["gl.kl-directions.meaning"][0]


def test_label_smoothing_and_scoring_rule_minimisers():
    """The cross-entropy with a target is smallest at the target itself (Gibbs): for the
    smoothed label, at y_LS; the expected log loss under p is smallest at q = p."""
    from scipy import optimize
    K, eps = 4, 0.1
    y_ls = (1 - eps) * np.eye(K)[2] + eps / K
    def ce(logits):
        q = np.exp(logits - logits.max()); q /= q.sum()
        return -(y_ls * np.log(q)).sum()
    best = optimize.minimize(ce, np.zeros(K), method="BFGS")
    q = np.exp(best.x - best.x.max()); q /= q.sum()
    assert q == pytest.approx(y_ls, abs=1e-4)
    assert np.isfinite(best.x).all() and np.ptp(best.x) < 10  # finite logits


def test_temperature_keeps_the_top_class_and_distillation_scales_by_t_squared():
    z = np.array([3.0, 1.0, -0.5, 0.2])
    for T in (0.5, 1.0, 2.0, 5.0):
        q = np.exp(z / T) / np.exp(z / T).sum()
        assert q.argmax() == z.argmax()
    # d/dz of H(p_teacher^T, softmax(z/T)) is (q^T − p^T)/T: for large T about (z − v)/(K T²)
    # (zero-mean logits), hence the T² factor.
    v = np.array([2.0, 0.5, -1.0, -1.5])
    zc, vc = z - z.mean(), v - v.mean()
    for T in (500.0, 1000.0):
        qT, pT = np.exp(zc / T) / np.exp(zc / T).sum(), np.exp(vc / T) / np.exp(vc / T).sum()
        grad = (qT - pT) / T
        assert grad * T ** 2 == pytest.approx((zc - vc) / len(z), rel=0.02)


# ---- the link other pages call ---------------------------------------------------------------

def test_link_is_an_in_app_page_link_with_the_term(monkeypatch):
    calls = []
    monkeypatch.setattr(glossary.st, "page_link", lambda *a, **k: calls.append((a, k)))
    glossary.link("kl")
    (args, kwargs), = calls
    assert args == ("pages/lessons/glossary.py",)
    assert kwargs["query_params"] == {"term": "kl"}
    assert kwargs["label"] == "Glossary: " + STRINGS["gl.kl.name"][0]
    with pytest.raises(KeyError):
        glossary.link("no-such-term")


def test_settings_survive_language_units_and_a_page_visit_and_travel_in_the_link():
    at = open_page(PAGE)
    at.query_params["term"] = "kl"
    at.run()
    at.text_input(key=widget_key(at, "glossary.query")).set_value("kraft").run()
    set_language(at, "zh")
    set_units(at, "nats")
    assert [h.proto.anchor for h in at.subheader[1:]] == ["kraft"]
    assert at.text_input(key=widget_key(at, "glossary.query")).value == "kraft"
    link = link_of(at)
    assert link == {"lang": "zh", "units": "nats", "term": "kl"}  # kl's group: the default
    at.switch_page("pages/lessons/home.py").run()
    at.switch_page(PAGE).run()  # the filter is kept; arriving from the menu shows no term
    assert [h.proto.anchor for h in at.subheader] == ["kraft"]
    fresh = fresh_session(link)
    assert not fresh.exception
    _shows_first(fresh, "kl", "zh")


def test_every_glossary_link_in_the_code_names_a_term():
    calls = []
    for path in [ROOT / "app.py", *(ROOT / "pages" / "lessons").glob("*.py"), *(ROOT / "ui").glob("*.py")]:
        calls += re.findall(r"glossary\.link\(\s*[\"']([^\"']+)[\"']", path.read_text("utf-8"))
    assert set(calls) <= set(IDS), set(calls) - set(IDS)
