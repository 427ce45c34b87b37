"""Every code card the loss page prints runs exactly as printed, on its own, and returns the
values its comments show.

The page computes its "what the libraries return" values with lib.library_calls (NumPy
reproductions of PyTorch's and TensorFlow's formulas; scipy for real). Here the printed cards
are run for real: each default card in a fresh Python process (nothing imported beforehand, so
a missing import would fail), and every card for several inputs in this process, under real
scipy and, when they can be imported, real PyTorch (requirements-dev.txt pins it) and
TensorFlow. The strings run are the app's own fixed templates filled with numbers; nothing
from a reader is ever evaluated.
"""

import importlib.util
import json
import math
import subprocess
import sys
import warnings

import numpy as np
import pytest
import scipy.special

from lib import library_calls as lc

HAVE = {"scipy": True,
        "torch": importlib.util.find_spec("torch") is not None,
        "tensorflow": importlib.util.find_spec("tensorflow") is not None}

SOFTMAX_INPUTS = [
    ([2.5, -1.0, 3.2, 0.5], 2),      # the page's default
    ([2.5, -1.0, 3.2, 0.5], 1),
    ([0.0, 0.0, 0.0, 0.0], 0),
    ([10.0, -10.0, 10.0, -10.0], 3),  # slider extremes: a = 1e-9 for the true class
    ([-3.3, 7.1, 0.1, -9.9], 1),
]
MULTI_INPUTS = [
    ([1, 1, 0], [0.8, 0.9, 0.1]),     # rice, pumpkin, greens
    ([1, 1, 1], [0.8, 0.9, 0.1]),
    ([0], [0.5]),
    ([1, 0, 1, 0, 0], [0.123456789, 0.999, 1e-6, 0.3, 0.7]),
    ([1, 1, 0, 0], [0.0, 1.0, 0.0, 1.0]),  # certain predictions: infinite logits, NaN / inf
]


def cards_for(z, target, y, a) -> list[lc.Card]:
    return [*lc.softmax_cards(z, target), *lc.multi_label_cards(y, a)]


def same(got: float, want: float) -> bool:
    if math.isnan(want):
        return math.isnan(got)
    return got == pytest.approx(want, rel=1e-12, abs=1e-12)


def run_card(card: lc.Card) -> list[float]:
    """Run the card's printed text in a fresh namespace, then each call again for its value.
    PyTorch's default dtype, which the card sets, is restored afterwards."""
    names: dict = {}
    torch = sys.modules.get("torch")
    old = torch.get_default_dtype() if torch else None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch's 'mean' kl_div warning, numpy deprecations
            exec(lc.card_text(card), names)  # noqa: S102 - the app's own fixed strings
            return [float(eval(call.code, names)) for call in card.calls]  # noqa: S307
    finally:
        torch = sys.modules.get("torch")
        if torch and old is not None:
            torch.set_default_dtype(old)


def check(card: lc.Card, got: list[float]) -> None:
    for call, value in zip(card.calls, got, strict=True):
        assert same(value, call.value), (call.code, value, call.value)
        assert lc.value_text(value) == lc.value_text(call.value), call.code


@pytest.mark.parametrize("z, target", SOFTMAX_INPUTS)
@pytest.mark.parametrize("y, a", MULTI_INPUTS[:1] + MULTI_INPUTS[-1:])
def test_every_card_runs_as_printed(z, target, y, a):
    for card in cards_for(z, target, y, a):
        if HAVE[card.library]:
            check(card, run_card(card))


@pytest.mark.parametrize("y, a", MULTI_INPUTS)
def test_multi_label_cards_run_as_printed(y, a):
    for card in lc.multi_label_cards(y, a):
        if HAVE[card.library]:
            check(card, run_card(card))


_FRESH = """
import json, math, sys, warnings
warnings.simplefilter("ignore")
card = json.loads(sys.stdin.read())
names = {}
exec(card["text"], names)
out = [float(eval(code, names)) for code in card["calls"]]
print(json.dumps([None if math.isnan(v) else v for v in out]))
"""


@pytest.mark.parametrize("library", ["scipy", "torch", "tensorflow"])
def test_each_default_card_runs_alone_in_a_fresh_python(library):
    """Nothing imported beforehand: the card's own lines are all it needs."""
    if not HAVE[library]:
        pytest.skip(f"{library} is not installed")
    for card in cards_for([2.5, -1.0, 3.2, 0.5], 2, [1, 1, 0], [0.8, 0.9, 0.1]):
        if card.library != library:
            continue
        done = subprocess.run(
            [sys.executable, "-c", _FRESH], capture_output=True, text=True, timeout=300,
            input=json.dumps({"text": lc.card_text(card), "calls": [c.code for c in card.calls]}))
        assert done.returncode == 0, done.stderr
        check(card, [math.nan if v is None else v for v in json.loads(done.stdout)])


def test_each_library_is_imported_only_by_its_own_card():
    """Issue 20, item 3: the TensorFlow import sits with the TensorFlow call, so the scipy and
    PyTorch cards run on a machine without TensorFlow (and the scipy card without PyTorch)."""
    cards = cards_for([2.5, -1.0, 3.2, 0.5], 2, [1, 1, 0], [0.8, 0.9, 0.1])
    assert [c.library for c in cards] == ["scipy", "torch", "torch", "tensorflow"]
    for card in cards:
        text = lc.card_text(card)
        if card.library != "tensorflow":
            assert "tensorflow" not in text and "tf." not in text
        if card.library == "scipy":
            assert "torch" not in text
        assert text.splitlines()[0].startswith("import ")
    assert cards[-1].setup[0] == "import numpy as np, scipy, tensorflow as tf"


def test_card_text_shows_each_value_and_its_number():
    card = lc.softmax_cards([2.5, -1.0, 3.2, 0.5], 2)[1]
    text = lc.card_text(card)
    assert "F.cross_entropy(z, target)  # 0.45666  (1)" in text.splitlines()
    # A call written over two lines carries its comment on its last line.
    assert "         reduction='batchmean')  # 0.45666  (4)" in text.splitlines()
    assert max(len(line) for line in text.splitlines()) <= 64


def test_the_facts_the_page_states():
    scipy_card, torch_card = lc.softmax_cards([2.5, -1.0, 3.2, 0.5], 2)
    rows = {c.key: c.value for c in (*scipy_card.calls, *torch_card.calls)}
    kl = -math.log(scipy.special.softmax([2.5, -1.0, 3.2, 0.5])[2])
    assert rows["scipy_kl"] == pytest.approx(kl) and rows["torch_ce"] == pytest.approx(kl)
    assert round(rows["torch_kl_batchmean"], 5) == 0.11416 == round(rows["torch_kl_mean"], 5)
    assert round(rows["torch_kl_batch"], 5) == 0.45666
    assert rows["scipy_renorm"] == pytest.approx(math.log(4)) and rows["scipy_renorm2"] == 0
    assert rows["rel_entr"] == pytest.approx(math.log(5 / 3))
    assert rows["kl_div"] == pytest.approx(math.log(5 / 3) - 1 + 0.6)
    torch_multi, tf_card = lc.multi_label_cards([1, 1, 0], [0.8, 0.9, 0.1])
    multi = {c.key: c.value for c in (*torch_multi.calls, *tf_card.calls)}
    assert round(multi["bce_mean"], 5) == round(multi["bce_logits_mean"], 5) == 0.14462
    for key in ("bce_sum", "bce_logits_sum", "tf_sum"):
        assert round(multi[key], 5) == 0.43386
    assert multi["bce_clamp"] == 100.0


def test_value_text():
    assert [lc.value_text(v) for v in (0.456661, 100.0, -0.0, math.inf, math.nan, 1.0356)] == [
        "0.45666", "100", "0", "inf", "nan", "1.0356"]


def test_literals_read_back_exactly():
    values = [0.1, 1 / 3, 1e-300, 0.999999999999, 0.0, 1.0]
    assert eval(lc.literal(values)) == values  # noqa: S307


def test_softmax_twice_never_falls_below_its_floor():
    floor = lc.softmax_twice_floor(4)
    assert lc.torch_cross_entropy([0, 0, 1, 0], 2) == pytest.approx(floor)
    rng = np.random.default_rng(0)
    for a in rng.dirichlet(np.ones(4) * 0.3, size=200):
        assert lc.torch_cross_entropy(a, int(np.argmax(a))) >= floor - 1e-12
