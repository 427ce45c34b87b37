"""Every call the loss page prints runs exactly as printed and returns the value shown.

The page computes its "what the libraries would return" values with lib.library_calls (NumPy
reproductions of PyTorch's and TensorFlow's formulas; scipy for real). Here the printed strings
are evaluated for real, after the printed setup code, under real scipy and, when they can be
imported, real PyTorch (requirements-dev.txt pins it) and TensorFlow. The strings evaluated are
the app's own fixed templates filled with numbers; nothing from a reader is ever evaluated.
"""

import importlib.util
import math
import warnings

import numpy as np
import pytest
import scipy
import scipy.special
import scipy.stats

from lib import library_calls as lc

try:
    from ui import fmt
except ImportError:  # an environment with the ML libraries but without streamlit
    spec = importlib.util.spec_from_file_location("fmt", lc.__file__.replace(
        "lib/library_calls.py", "ui/fmt.py"))
    fmt = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fmt)

HAVE_TORCH = importlib.util.find_spec("torch") is not None
HAVE_TF = importlib.util.find_spec("tensorflow") is not None
TF_LINE = "import tensorflow as tf"

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


def same(got: float, want: float) -> bool:
    if math.isnan(want):
        return math.isnan(got)
    return got == pytest.approx(want, rel=1e-12, abs=1e-12)


def shown(x: float) -> str:
    """How the page formats a library's value."""
    return fmt.num(x, 5)


def check(call: lc.Call, names: dict) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch's 'mean' kl_div warning, numpy deprecations
        got = float(eval(call.code, names))  # noqa: S307 - the app's own fixed strings
    assert same(got, call.value), (call.code, got, call.value)
    assert shown(got) == shown(call.value)


def run_setup(z, target) -> dict:
    """Execute the page's setup code exactly as printed (without the TensorFlow import when
    TensorFlow is not installed here)."""
    import torch

    code = lc.setup_code(z, target)
    assert TF_LINE in code.splitlines()
    if not HAVE_TF:
        code = "\n".join(line for line in code.splitlines() if line != TF_LINE)
    names: dict = {}
    old = torch.get_default_dtype()
    try:
        exec(code, names)  # noqa: S102 - the app's own fixed string
    finally:
        torch.set_default_dtype(old)
    return names


def test_setup_code_defines_exactly_the_captioned_names():
    code = lc.setup_code([2.5, -1.0, 3.2, 0.5], 2)
    assert code.splitlines()[-4:] == [
        "z = torch.tensor([2.5, -1.0, 3.2, 0.5])", "target = torch.tensor(2)",
        "y = torch.eye(4)[target]", "a = z.softmax(0)"]


@pytest.mark.parametrize("z, target", SOFTMAX_INPUTS)
def test_scipy_rows_run_for_real(z, target):
    names = {"np": np, "scipy": scipy, "z": np.array(z), "target": target,
             "y": np.eye(4)[target], "a": scipy.special.softmax(z)}
    for call in lc.softmax_calls(z, target):
        if call.library == "scipy":
            check(call, names)


@pytest.mark.skipif(not HAVE_TORCH, reason="PyTorch is not installed")
@pytest.mark.parametrize("z, target", SOFTMAX_INPUTS)
def test_softmax_rows_under_real_torch(z, target):
    import torch

    names = run_setup(z, target)
    old = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    try:
        for call in lc.softmax_calls(z, target):
            check(call, names)  # scipy rows too: they take the tensors y and a as printed
    finally:
        torch.set_default_dtype(old)


@pytest.mark.skipif(not HAVE_TORCH, reason="PyTorch is not installed")
@pytest.mark.parametrize("y, a", MULTI_INPUTS)
def test_multi_label_rows_under_real_torch(y, a):
    import torch

    names = run_setup([2.5, -1.0, 3.2, 0.5], 2)
    old = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    try:
        for call in [*lc.multi_label_calls(y, a), lc.clamp_call()]:
            if call.library == "torch":
                check(call, names)
    finally:
        torch.set_default_dtype(old)


@pytest.mark.skipif(not HAVE_TF, reason="TensorFlow is not installed")
@pytest.mark.parametrize("y, a", MULTI_INPUTS)
def test_tensorflow_row_under_real_tensorflow(y, a):
    import tensorflow as tf

    names = {"np": np, "scipy": scipy, "tf": tf}
    (call,) = [c for c in lc.multi_label_calls(y, a) if c.library == "tensorflow"]
    check(call, names)


def test_the_facts_the_page_states():
    rows = {c.key: c.value for c in lc.softmax_calls([2.5, -1.0, 3.2, 0.5], 2)}
    kl = -math.log(scipy.special.softmax([2.5, -1.0, 3.2, 0.5])[2])
    assert rows["scipy_kl"] == pytest.approx(kl) and rows["torch_ce"] == pytest.approx(kl)
    assert round(rows["torch_kl_batchmean"], 5) == 0.11416 == round(rows["torch_kl_mean"], 5)
    assert round(rows["torch_kl_batch"], 5) == 0.45666
    assert rows["scipy_renorm"] == pytest.approx(math.log(4)) and rows["scipy_renorm2"] == 0
    assert rows["rel_entr"] == pytest.approx(math.log(5 / 3))
    assert rows["kl_div"] == pytest.approx(math.log(5 / 3) - 1 + 0.6)
    multi = {c.key: c.value for c in lc.multi_label_calls([1, 1, 0], [0.8, 0.9, 0.1])}
    assert round(multi["bce_mean"], 5) == round(multi["bce_logits_mean"], 5) == 0.14462
    for key in ("bce_sum", "bce_logits_sum", "tf_sum"):
        assert round(multi[key], 5) == 0.43386
    assert lc.clamp_call().value == 100.0


def test_literals_read_back_exactly():
    values = [0.1, 1 / 3, 1e-300, 0.999999999999, 0.0, 1.0]
    assert eval(lc.literal(values)) == values  # noqa: S307


def test_softmax_twice_never_falls_below_its_floor():
    floor = lc.softmax_twice_floor(4)
    assert lc.torch_cross_entropy([0, 0, 1, 0], 2) == pytest.approx(floor)
    rng = np.random.default_rng(0)
    for a in rng.dirichlet(np.ones(4) * 0.3, size=200):
        assert lc.torch_cross_entropy(a, int(np.argmax(a))) >= floor - 1e-12
