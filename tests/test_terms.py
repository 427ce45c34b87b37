"""Terminology and typography of every string (issue 8, "Language"): retired variants stay out.

The rules, exactly (each test lists every offender as key: text):

Chinese strings (the second element of every ui.strings.STRINGS pair):
- retired terms: 学习减速 (write 学习缓慢), 最大似然 (write 极大似然; 最大化似然 "maximise the
  likelihood" is a verb phrase and allowed);
- 绿色 is a colour, never the multi-label class "greens" (青菜): it may not appear in an event name
  (keys ``event.*``) nor in a string about the multi-label dish (one that mentions 米饭 or 南瓜),
  and an event whose English name is "green"/"greens" is 青菜;
- 目标 alone is retired, because "target y" (目标值 y) and the "goal" threshold (达标线) must not
  share a word: 目标 must be followed by 值, 分布 or 函数 (目标值, 目标分布, 目标函数), or be the
  term of art 软目标 (distillation's "soft targets", a menu title); an English
  "target y" is 目标值 y and an English "goal" says 达标 (达标线, 达标);
- no whitespace before 的 after a Chinese character or punctuation, or after a ``{field}``: a
  field may hold a Chinese word (a unit such as 比特, a class such as 猫, a column such as 权重),
  so write ``{info}的``: ``ui.t`` puts the space in when the value ends in a letter or digit
  (``lib.fmt.zh_fields``: "P 的总和", "比特的信息"). Fields listed in NUMBER_FIELDS hold a bare
  number (0.1, 37%) and may keep the space (``{thr} 的``).

Displayed text in both languages, i.e. a string with its inline math (``$…$``, ``$$…$$``) and
code spans (```…```) removed; LaTeX is exempt (it needs ^ and -), and code must run as printed.
Keys ending in ``.latex`` hold whole LaTeX formulas for st.latex and are exempt:
- no caret for a power (2^16, θ^h): write superscripts (2¹⁶, θʰ) or use math;
- no ASCII hyphen as a minus sign: neither a sign before a number, log, ln, ∞ or Σ (-log p,
  -100 after a space, bracket, "=", ",", ":" or at the start) nor a spaced " - " between two
  operands (a - y). Hyphens inside words and numbers (mini-batch, log-likelihood, 784-30-10)
  are fine.

Required terms, per page (a page's strings are its ui.strings module, except that every
``page.*.blurb`` belongs to the home page, where the map shows it):
- a page whose Chinese strings say KL 散度 also says 相对熵 at least once;
- a page whose Chinese strings say 二次代价 also says 均方误差 at least once;
- the information page says 自信息.
"""

from __future__ import annotations

import re

import pytest

from ui import strings as strings_pkg
from ui.strings import STRINGS

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef"


# ---- the rules as functions (tested below on known cases) ------------------------------------

def displayed(text: str) -> str:
    """The text with inline math and code spans removed (they may use ^ and -)."""
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(r"(?<!\\)\$.*?(?<!\\)\$", " ", text, flags=re.S)
    return re.sub(r"`[^`]*`", " ", text)


def caret_powers(text: str) -> list[str]:
    return [m.group(0) for m in re.finditer(r"\S{0,6}\^\S{0,6}", displayed(text))]


_SIGN = re.compile(r"(?:^|(?<=[\s(\[{=,;:<>≤≥（，：；]))-(?=\d|\.\d|log\b|ln\b|∞|Σ)")
_SPACED = re.compile(r"(?<=[\w)\]}]) - (?=[\w(\[{])")


def ascii_minus(text: str) -> list[str]:
    shown = displayed(text)
    return [shown[max(0, m.start() - 6):m.end() + 6]
            for pattern in (_SIGN, _SPACED) for m in pattern.finditer(shown)]


#: Fields whose value is a bare number (lib.fmt output without a unit), never a word.
NUMBER_FIELDS = frozenset({
    "a", "b", "batch", "done", "epoch", "epochs", "err", "eta", "extra", "hidden", "k", "left",
    "m", "max", "median", "minutes", "n", "odds", "p", "pct", "points", "residual", "row",
    "seconds", "share", "sp", "theta", "thr", "total", "value", "w", "y", "z"})


def space_before_de(zh: str) -> list[str]:
    pattern = rf"(?:[{CJK}{CJK_PUNCT}]|\{{(\w+)\}})[ \t\u00a0\u3000]+的"
    return [m.group(0) for m in re.finditer(pattern, zh) if m.group(1) not in NUMBER_FIELDS]


def bare_mubiao(zh: str) -> bool:
    return re.search(r"(?<!软)目标(?!值|分布|函数)", zh) is not None


# ---- the rules checked on known cases ---------------------------------------------------------

@pytest.mark.parametrize("text, found", [
    ("1/2^{k}", True), ("θ^h (1 − θ)^t", True), ("2^16 values", True),
    ("2¹⁶ values", False), ("$2^{16}$ values", False), ("`x ** 2`", False),
])
def test_caret_rule(text, found):
    assert bool(caret_powers(text)) == found


@pytest.mark.parametrize("text, found", [
    ("-log p", True), ("surprise -log p(x)", True), ("clamps at -100", True),
    ("(-1, 2)", True), ("a - y", True), ("= -0.5", True), ("（-1）", True),
    ("−log p", False), ("mini-batch", False), ("log-likelihood", False), ("784-30-10", False),
    ("1-D tensors", False), ("`nn.BCELoss()(torch.tensor([-1.]))`", False), ("$-\\log p$", False),
    ("non-negative", False), ("Miller–Madow", False), ("e.g. -", False),
])
def test_minus_rule(text, found):
    assert bool(ascii_minus(text)) == found


@pytest.mark.parametrize("text, found", [
    ("比特 的信息", True), ("{info} 的信息", True), ("）的值", False), ("比特的信息", False),
    ("p 的值", False), ("1 的", False), ("散度 的", True), ("{thr} 的轮数", False),
    ("{c} 的概率", True),
])
def test_de_rule(text, found):
    assert bool(space_before_de(text)) == found


@pytest.mark.parametrize("text, found", [
    ("目标 y", True), ("目标：|a − y|", True), ("目标值 y", False), ("目标分布", False),
    ("达标线", False), ("软目标与校准", False), ("独热目标", True),
])
def test_mubiao_rule(text, found):
    assert bare_mubiao(text) == found


# ---- every string ----------------------------------------------------------------------------

def _report(offenders: list[tuple[str, str]]) -> str:
    return "\n".join(f"{key}: {text}" for key, text in offenders)


def _zh() -> list[tuple[str, str]]:
    return [(key, pair[1]) for key, pair in sorted(STRINGS.items())]


def _both() -> list[tuple[str, str]]:
    return [(key, text) for key, pair in sorted(STRINGS.items()) for text in pair
            if not key.endswith(".latex")]


@pytest.mark.parametrize("retired, use", [("学习减速", "学习缓慢"), ("最大似然", "极大似然")])
def test_retired_chinese_terms(retired, use):
    offenders = [(k, zh) for k, zh in _zh() if retired in zh]
    assert not offenders, f"write {use}, not {retired}:\n{_report(offenders)}"


def test_greens_is_qingcai_not_the_colour():
    offenders = [(k, zh) for k, zh in _zh()
                 if "绿色" in zh and (k.startswith("event.") or "米饭" in zh or "南瓜" in zh)]
    offenders += [(k, STRINGS[k][1]) for k in STRINGS if k.startswith("event.")
                  and re.fullmatch(r"greens?", STRINGS[k][0].strip(), re.I)
                  and STRINGS[k][1] != "青菜"]
    assert not offenders, f"the class “greens” is 青菜:\n{_report(offenders)}"


def test_target_value_and_goal_do_not_share_a_word():
    offenders = [(k, zh) for k, zh in _zh() if bare_mubiao(zh)]
    offenders += [(k, zh) for k, (en, zh) in sorted(STRINGS.items())
                  if re.search(r"\btarget y\b", en, re.I) and "目标值 y" not in zh]
    offenders += [(k, zh) for k, (en, zh) in sorted(STRINGS.items())
                  if re.search(r"\bgoal\b", en, re.I) and "达标" not in zh]
    assert not offenders, ("target y is 目标值 y, the goal is 达标线; bare 目标 is retired:\n"
                           + _report(offenders))


def test_no_space_before_de():
    offenders = [(k, zh) for k, zh in _zh() if space_before_de(zh)]
    assert not offenders, f"no space before 的:\n{_report(offenders)}"


def test_no_caret_powers_in_displayed_text():
    offenders = [(k, text) for k, text in _both() if caret_powers(text)]
    assert not offenders, f"superscripts (2¹⁶), not carets:\n{_report(offenders)}"


def test_no_ascii_hyphen_as_minus_in_displayed_text():
    offenders = [(k, text) for k, text in _both() if ascii_minus(text)]
    assert not offenders, f"a real minus sign −, not -:\n{_report(offenders)}"


# ---- required terms, per page ----------------------------------------------------------------

def pages() -> dict[str, list[str]]:
    """Chinese strings by page: a module's strings, page blurbs counted on the home page."""
    out: dict[str, list[str]] = {}
    for name in ("codes", "explorer", "glossary", "home", "information", "loss", "network",
                 "neuron"):
        module = getattr(strings_pkg, name)
        out[name] = [zh for key, (_, zh) in module.STRINGS.items()
                     if not (key.startswith("page.") and key.endswith(".blurb"))]
    out["home"] += [zh for key, (_, zh) in STRINGS.items()
                    if key.startswith("page.") and key.endswith(".blurb")]
    return out


@pytest.mark.parametrize("term, companion", [("KL 散度", "相对熵"), ("二次代价", "均方误差")])
def test_a_page_that_uses_a_term_names_its_companion(term, companion):
    missing = [page for page, texts in pages().items()
               if any(term in zh for zh in texts) and not any(companion in zh for zh in texts)]
    assert not missing, f"pages saying {term} without {companion} once: {missing}"


def test_information_page_says_self_information():
    assert any("自信息" in zh for zh in pages()["information"])
