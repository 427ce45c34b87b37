"""AppTest of the soft-targets and calibration page: every control, the numbers at the defaults,
both languages and units, persistence across switches, links (good and bad), and the
calibration section with a digits network trained here (lib.network.Trainer on the bundled
digits) and published the way the network page publishes its runs."""

import math
from dataclasses import dataclass, replace

import numpy as np
import pytest
from scipy.special import expit

from lib import calibration as cal
from lib import digits, lesson, network_runs, soft_targets as soft
from lib.network import Trainer
from tests.conftest import feedback, link_of, open_link, open_page, set_language, set_units
from tests.conftest import predict as checkpoint_predict
from tests.visible_prose import visible_texts, visible_words
from lib import fmt
from ui import network as nw
from ui.strings import STRINGS

PAGE = "pages/lessons/calibration.py"
#: Every checkpoint of the page answered (progress, as a link's ``done``).
DONE = lesson.encode_progress({(c.page, c.id): "r" for c in lesson.by_page("calibration")})


@dataclass(frozen=True)
class Outputs:
    """The contract of ``run.outputs[cost]`` (duck-typed here, as the page reads it)."""

    valid_z: object
    valid_y: object
    test_z: object
    test_y: object


def _frozen(a, dtype):
    a = np.array(a, dtype=dtype)
    a.flags.writeable = False
    return a


def _logits(trainer: Trainer, X: np.ndarray) -> np.ndarray:
    """The output layer's weighted inputs z, from the trainer's own weights."""
    a = X
    for W, b in zip(trainer.weights[:-1], trainer.biases[:-1]):
        a = expit(a @ W.T + b)
    return a @ trainer.weights[-1].T + trainer.biases[-1]


def publish(seed: int, *, valid: int = 0, outputs: bool = True, spoil: bool = False,
            epochs: int = 30, source: str = "bundled"):
    """Train both costs at the network page's defaults but ``seed`` (and ``epochs``,
    ``source``) on the bundled digits, publish the run in the page's shared store, and return
    (config, outputs). ``valid`` images of the training set stand in for a validation split;
    ``spoil`` puts a NaN in the quadratic network's test outputs (a diverged training)."""
    cfg = replace(nw.DEFAULT, seed=seed, epochs=epochs, source=source)
    d = digits.bundled()
    rows, outs = {}, {}
    for c in nw.COSTS:
        tr = Trainer(d.X_train, d.y_train, d.X_test, d.y_test, cost=c,
                     sizes=(d.features, cfg.hidden, 10), eta=cfg.eta(c), batch_size=cfg.batch,
                     seed=cfg.seed, init=cfg.init)
        rows[c] = [{**tr.run_epoch(), "seconds": 0.0} for _ in range(cfg.epochs)]
        test_z = _logits(tr, d.X_test)
        if spoil and c == "quadratic":
            test_z[5, 3] = np.nan
        outs[c] = Outputs(
            _frozen(_logits(tr, d.X_train[:valid]), np.float32) if valid else None,
            _frozen(d.y_train[:valid], np.int64) if valid else None,
            _frozen(test_z, np.float32), _frozen(d.y_test, np.int64))
    # As the network page publishes a finished run: under its configuration's key.
    nw.store().publish(network_runs.key(cfg), rows, epochs=cfg.epochs, outputs=outs if outputs else None)
    return cfg, outs


def own_link(at) -> dict:
    """The link's parameters of this page's own settings (the network's are "nw.<name>"; the
    progress ``done`` is the app's)."""
    return {k: v for k, v in link_of(at).items() if not k.startswith("nw.") and k != "done"}


def open_with(cfg=None, seed=None, done=DONE):
    """The page, with the network page's settings those of ``cfg`` (or only its seed), in a
    session whose reader answered every checkpoint before (``done``; "" for a new reader)."""
    at = open_page(PAGE)
    at.session_state["done"] = done
    if cfg is not None:
        for name in ("seed", "epochs", "source"):
            at.session_state[f"network.{name}"] = getattr(cfg, name)
    elif seed is not None:
        at.session_state["network.seed"] = seed
    at.run()
    assert not at.exception, at.exception
    return at


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def text(at) -> str:
    return " ".join([m.value for m in at.markdown] + [c.value for c in at.caption]
                    + [i.value for i in at.info] + [w.value for w in at.warning])


def takeaways(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith(":material/lightbulb:")]


def net_radio(at) -> list:
    return [r for r in at.radio if r.key == "calibration.net"]


def links(at) -> dict[str, str]:
    return {el.proto.label: el.proto.page for el in at.get("page_link")}


DEFAULTS = {"Log loss: lowest at q =": "0.7", "Quadratic (Brier): lowest at q =": "0.7",
            "Absolute error: lowest at q =": "1", "Best gap g*": "4.51",
            "H(P, Q) at g": "1.04 bits", "H(P): the lowest loss": "0.722 bits",
            "KL(P‖Q) at g": "0.321 bits", "Target on the other digits": "51.7%",
            "Entropy of the target": "2.56 bits", "Soft-loss gradient, × T²": "1.65"}


# ---- the three sections that need no network ---------------------------------------------------

def test_defaults_show_every_number_and_say_where_the_network_is():
    at = open_with(seed=9001)          # no run exists for these network settings
    assert metrics(at) == DEFAULTS
    take = takeaways(at)
    assert "The absolute error is lowest at q = 1: exaggerating pays." in take[0]
    assert r"only g\* = 4.51 above the others" in take[1]    # escaped inside bold
    assert "gives 51.7% to digits other than 7, most to 9 and 1" in take[2]
    all_text = text(at)
    assert "1.04 = 0.722 + 0.321" in all_text
    assert "Lowest: Log loss q = 0.7 (0.881 bits)" in all_text
    assert "One-hot target: 3.32 bits at g = 0" in all_text and "at g* = 4.51" in all_text
    assert "no finished run for its current settings" in all_text
    assert links(at)["Train it on the digits network page"].endswith("network")
    assert links(at)["One-hot targets, softmax and its gradient: Cross-entropy as a loss"] \
        .endswith("loss")
    assert not net_radio(at) and own_link(at) == {}
    assert visible_words(at) <= 500, visible_texts(at)


@pytest.mark.parametrize("p, shown, take", [
    (0.3, ("0.3", "0.3", "0"), "The absolute error is lowest at q = 0"),
    (0.5, ("0.5", "0.5", None), "At p = 0.5 the absolute error is the same for every q"),
    (1.0, ("1", "1", "1"), "With p = 1 the outcome is certain"),
    (0.0, ("0", "0", "0"), "With p = 0 the outcome is certain"),
])
def test_the_p_slider_moves_each_minimiser(p, shown, take):
    at = open_with(seed=9001)
    at.slider(key="calibration.p").set_value(p).run()
    m = metrics(at)
    assert (m["Log loss: lowest at q ="], m["Quadratic (Brier): lowest at q ="],
            m.get("Absolute error: lowest at q =")) == shown
    if p == 0.5:  # a tie is worded as one (not "lowest at q = any q")
        assert m["Absolute error"] == "every q ties"
    assert take in takeaways(at)[0]
    assert own_link(at) == {"p": f"{p:g}"}


def test_smoothing_controls_and_the_one_hot_limit():
    at = open_with(seed=9001)
    at.slider(key="calibration.eps").set_value(0.0).run()
    m = metrics(at)
    assert m["Best gap g*"] == "∞" and m["H(P): the lowest loss"] == "0 bits"
    assert "With ε = 0 the target is one-hot" in takeaways(at)[1]
    at.slider(key="calibration.eps").set_value(0.2).run()
    at.number_input(key="calibration.k").set_value(5).run()
    at.slider(key="calibration.gap").set_value(3.0).run()
    s = soft.smoothing_at(5, 0.2, 3.0, base=2)
    m = metrics(at)
    assert m["Best gap g*"] == f"{soft.optimal_gap(5, 0.2):.3g}" == "3.04"  # ln 21
    assert m["H(P, Q) at g"] == f"{s.ce:.3g} bits"
    assert m["KL(P‖Q) at g"] == f"{s.kl:.3g} bits"
    assert own_link(at) == {"eps": "0.2", "k": "5", "gap": "3"}


def test_temperature_slider():
    at = open_with(seed=9001)
    at.slider(key="calibration.temp").set_value(1.0).run()
    assert metrics(at)["Target on the other digits"] == "0.5%"
    at.slider(key="calibration.temp").set_value(10.0).run()
    pt = soft.tempered(soft.EXAMPLE_TEACHER, 10.0)
    assert metrics(at)["Target on the other digits"] == f"{100 * (1 - pt[7]):.1f}%" == "78.9%"
    assert "At T = 10 the target gives 78.9%" in takeaways(at)[2]


def test_units_language_page_visits_keep_everything():
    at = open_with(seed=9001)
    at.slider(key="calibration.p").set_value(0.2).run()
    at.slider(key="calibration.eps").set_value(0.05).run()
    set_units(at, "nats")
    m = metrics(at)
    assert m["H(P): the lowest loss"] == f"{soft.smoothing_at(10, 0.05, 8.0).entropy:.3g} nats"
    before = [x.value for x in at.metric]
    set_language(at, "zh")
    assert [x.value for x in at.metric] == [v.replace("nats", "奈特") for v in before]
    assert at.header[0].value == "报告哪个概率得分最好？"
    assert "对数损失：最低点 q =" in metrics(at)
    at.switch_page("pages/lessons/explorer.py").run()
    at.switch_page(PAGE).run()
    assert [x.value for x in at.metric] == [v.replace("nats", "奈特") for v in before]
    assert at.slider(key="calibration.p").value == 0.2


def test_a_link_reopens_the_same_numbers():
    at = open_with(seed=9001)
    for key, value in (("p", 0.35), ("eps", 0.3), ("gap", 2.5), ("temp", 7.5)):
        at.slider(key=f"calibration.{key}").set_value(value).run()
    at.number_input(key="calibration.k").set_value(4).run()
    params = link_of(at)
    # The network page's settings travel too: they name the run the last section reads.
    assert params == {"p": "0.35", "eps": "0.3", "gap": "2.5", "temp": "7.5", "k": "4",
                      "nw.seed": "9001", "done": DONE}
    again = open_link(PAGE, params)
    assert not again.exception and metrics(again) == metrics(at)


def test_a_bad_link_is_explained_and_the_defaults_kept():
    at = open_link(PAGE, {"p": "2", "eps": "abc", "net": "softmax", "bins": "99", "zz": "1"})
    assert not at.exception
    (warning,) = [w.value for w in at.warning]
    assert "p = 2 is outside the allowed range 0 to 1" in warning
    assert "“abc” is not a number" in warning
    assert "“softmax” is not one of the choices" in warning
    assert "bins = 99 is outside the allowed range 5 to 30" in warning
    assert "“zz” is not a setting of this page" in warning
    assert metrics(at)["Log loss: lowest at q ="] == "0.7"


# ---- the digits network's calibration ------------------------------------------------------------

def rose(r) -> bool:
    """Whether the shown ECE or the NLL rose after temperature scaling."""
    return round(100 * r.ece_after, 1) > round(100 * r.ece_before, 1) or r.nll_after > r.nll_before


def test_calibration_of_a_run_trained_here():
    cfg, outs = publish(9101)
    at = open_with(cfg)
    m = metrics(at)
    r = cal.temperature_report(*[getattr(outs["cross_entropy"], f)
                                 for f in ("valid_z", "valid_y", "test_z", "test_y")])
    assert m["Fitted temperature T"] == f"{r.temperature:.2f}"
    assert m["Test ECE, T = 1 → T"] == f"{100 * r.ece_before:.1f}% → {100 * r.ece_after:.1f}%"
    assert m["Test NLL (bits), T = 1 → T"] == (f"{r.nll_before / math.log(2):.3f} → "
                                               f"{r.nll_after / math.log(2):.3f}")
    assert m["Test accuracy"] == f"{100 * r.accuracy:.1f}%"
    assert (r.n_fit, r.n_test) == (148, 149)
    all_text = text(at)
    assert ("The bundled digits have no validation split: T is fitted on the first 148 test "
            "images, every number here measured on the other 149.") in all_text
    word = "over" if r.temperature > 1.05 else "under" if r.temperature < 0.95 else None
    take = takeaways(at)[3]
    assert (f"{word}-confident" in take) if word else ("almost no rescaling" in take)
    assert f"Mean confidence at T = 1: {100 * r.confidence_before:.1f}%" in all_text
    q1 = cal.temperature_report(None, None, outs["quadratic"].test_z, outs["quadratic"].test_y)
    verdict = {True: "over-confident", False: "under-confident"}
    assert (f"Fitted T: Cross-entropy {r.temperature:.2f} "
            f"({verdict[r.temperature > 1] if abs(r.temperature - 1) >= 0.05 else 'about right'}), "
            f"Quadratic cost {q1.temperature:.2f}") in all_text
    assert ("a T fitted on one half need not help on the other" in all_text) == rose(r)
    # said outside the collapsed details, where a reader sees it
    assert ("need not help on the other" in " ".join(visible_texts(at))) == rose(r)
    assert visible_words(at) <= 500, visible_texts(at)     # the section filled in
    table = at.dataframe[0].value
    assert table["Network"].tolist() == ["Cross-entropy", "Quadratic cost"]
    assert table["Fitted T"][0] == f"{r.temperature:.4f}"
    bins = at.dataframe[1].value
    assert bins["Images"].astype(int).sum() == 2 * 149
    assert links(at)["The digits network page"].endswith("network")
    sigmoid = cal.expected_calibration_error(cal.sigmoid_shares(outs["cross_entropy"].test_z[148:]),
                                             outs["cross_entropy"].test_y[148:])
    assert f"test ECE of {100 * sigmoid:.1f}% at T = 1" in all_text

    # The other network, and the number of bins (the fitted T does not depend on the bins).
    at.radio(key="calibration.net").set_value("quadratic").run()
    q = cal.temperature_report(None, None, outs["quadratic"].test_z, outs["quadratic"].test_y)
    assert metrics(at)["Fitted temperature T"] == f"{q.temperature:.2f}"
    assert ("a T fitted on one half need not help on the other" in text(at)) == rose(q)
    at.slider(key="calibration.bins").set_value(5).run()
    q5 = cal.temperature_report(None, None, outs["quadratic"].test_z, outs["quadratic"].test_y,
                                bins=5)
    assert metrics(at)["Test ECE, T = 1 → T"] == \
        f"{100 * q5.ece_before:.1f}% → {100 * q5.ece_after:.1f}%"
    assert metrics(at)["Fitted temperature T"] == f"{q.temperature:.2f}"
    assert len(at.dataframe[1].value) <= 2 * 5
    assert own_link(at) == {"net": "quadratic", "bins": "5"}

    set_units(at, "nats")
    assert metrics(at)["Test NLL (nats), T = 1 → T"] == \
        f"{q5.nll_before:.3f} → {q5.nll_after:.3f}"
    set_language(at, "zh")
    assert metrics(at)["拟合的温度 T"] == f"{q.temperature:.2f}"
    assert metrics(at)["测试集 NLL（奈特）：T = 1 → T"] == \
        f"{q5.nll_before:.3f} → {q5.nll_after:.3f}"
    assert "自带数字没有验证集：T 在前 148 张测试图像上拟合" in text(at)
    assert at.dataframe[0].value["网络"].tolist() == ["交叉熵", "二次代价"]


def test_a_validation_split_is_used_when_there_is_one():
    cfg, outs = publish(9102, valid=200, epochs=10, source="mnist")
    at = open_with(cfg)
    o = outs["cross_entropy"]
    r = cal.temperature_report(o.valid_z, o.valid_y, o.test_z, o.test_y)
    assert metrics(at)["Fitted temperature T"] == f"{r.temperature:.2f}"
    assert ("T is fitted on the 200 validation images; every number here is measured on the "
            "297 test images.") in text(at)
    assert ("the test images' ECE or NLL rose" in " ".join(visible_texts(at))) == rose(r)
    assert "need not help on the other" not in text(at)   # no halves here


def test_a_diverged_network_is_reported_not_drawn():
    cfg, _ = publish(9103, spoil=True, epochs=5)
    at = open_with(cfg)
    at.radio(key="calibration.net").set_value("quadratic").run()
    assert not at.exception
    (warning,) = [w.value for w in at.warning]
    assert warning.startswith("The quadratic-cost network: Image 6's outputs are not finite")
    table = at.dataframe[0].value
    assert table["Fitted T"].tolist()[1] == "—" and table["Fitted T"].tolist()[0] != "—"
    assert "Fitted temperature T" not in metrics(at)


def test_a_run_without_outputs_or_unfinished_says_so(monkeypatch):
    cfg, _ = publish(9104, outputs=False, epochs=3)
    at = open_with(cfg)
    assert "kept no output-layer values" in text(at)
    assert "Train it on the digits network page" in links(at)
    rows = {c: ({"epoch": 1},) for c in nw.COSTS}
    for state, words in (("stopped", "was stopped after 1 of 30 epochs"),
                         ("stopping", "was stopped after 1 of 30 epochs"),
                         ("failed", "failed after 1 of 30 epochs: train it again there"),
                         ("queued", "is training its current settings (1 of 30 epochs"),
                         ("running", "is training its current settings (1 of 30 epochs")):
        monkeypatch.setattr(network_runs.Runs, "find",
                            lambda self, cfg, s=state: network_runs.Partial(rows, 30, s))
        at.run()
        assert not at.exception and words in text(at)
        assert not net_radio(at)


# ---- checkpoints: each answer waits for a prediction ------------------------------------------

def predict(at, cid: str, value):
    return checkpoint_predict(at, "calibration", cid, value)


HOLD = {"en": "Answer the checkpoint above to see this result.", "zh": "先回答上面的检查点，再看这个结果。"}


def score_series(at) -> list[str]:
    """The scores the first chart draws (its colour scale's domain), in order."""
    import json
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    return spec["layer"][0]["encoding"]["color"]["scale"]["domain"]


def new_reader(language: str, **kw):
    at = open_with(seed=9001, done="", **kw)
    if language == "zh":
        set_language(at, "zh")
    return at


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("pick", ["q_extreme", "q_is_p"])
def test_absolute_report_waits_for_a_prediction(language, pick):
    at = new_reader(language)
    label = "Absolute error: lowest at q =" if language == "en" else "绝对误差：最低点 q ="
    assert label not in metrics(at) and HOLD[language] in text(at)
    assert "exaggerating pays" not in text(at) and "夸大反而划算" not in text(at)
    assert "Absolute error q = 1" not in text(at)      # nor in the chart's caption
    assert len(metrics(at)) == len(DEFAULTS) - 2        # g* is held back too
    # Nor its curve: a straight line, lowest at an end, would answer the question.
    absolute = STRINGS["cal.rule.absolute"][language == "zh"]
    assert absolute not in score_series(at) and len(score_series(at)) == 2
    why = STRINGS["cal.score.why"][language == "zh"]  # its derivation says where it is lowest
    assert why not in [e.label for e in at.expander]
    predict(at, "absolute_report", pick)
    assert metrics(at)[label] == "1"
    assert score_series(at)[-1] == absolute and why in [e.label for e in at.expander]
    assert (at.success if pick == "q_extreme" else at.warning)
    assert "q = 1" in feedback(at)
    assert "q = p = 0.7" in feedback(at) and "“—”" not in feedback(at)  # said once, no dash
    assert lesson.decode_progress(link_of(at)["done"]) == {
        ("calibration", "absolute_report"): "r" if pick == "q_extreme" else "w"}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_smoothing_gap_waits_for_a_prediction(language):
    at = new_reader(language)
    label = "Best gap g*" if language == "en" else "最佳差值 g*"
    assert label not in metrics(at) and "g* = 4.51" not in text(at)
    predict(at, "smoothing_gap", 1.0)
    assert at.warning and "4.51" in feedback(at) and metrics(at)[label] == "4.51"
    at.button(key="_cp.again.calibration.smoothing_gap").click().run()
    predict(at, "smoothing_gap", 4.5)
    assert at.success
    # progress survives a language switch and a visit to another page
    set_language(at, "en" if language == "zh" else "zh")
    at.switch_page("pages/lessons/explorer.py").run()
    at.switch_page(PAGE).run()
    assert lesson.decode_progress(link_of(at)["done"])[("calibration", "smoothing_gap")] == "t"


def test_smoothing_gap_at_zero_has_no_answer_to_wait_for():
    at = new_reader("en")
    at.slider(key="calibration.eps").set_value(0.0).run()
    assert metrics(at)["Best gap g*"] == "∞"
    assert "With ε = 0 the target is one-hot" in takeaways(at)[0]


def test_the_smoothing_legend_names_its_epsilon_and_labels_clear_the_curve():
    import json
    at = open_with(seed=9001)
    spec = json.loads(at.get("vega_lite_chart")[1].proto.spec)
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == [
        "One-hot target (ε = 0)", "Smoothed target (ε = 0.1)"]
    labels = spec["layer"][4]["mark"]
    assert (labels["baseline"], labels["dx"], labels["dy"]) == ("top", 9, 8)
    at.slider(key="calibration.eps").set_value(0.0).run()
    spec = json.loads(at.get("vega_lite_chart")[1].proto.spec)
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == [
        "One-hot target (ε = 0)"]


@pytest.mark.parametrize("language,take,caption", [
    ("en", "At T = 1 the target gives only 0.5% to digits other than 7 (most to 9 and 1): too "
           "little for the student to learn much from how the teacher ranks the wrong answers. "
           "Raise T.",
     "At T = 1 the hollow and the filled bars are the same target. Largest: 7 (99.5%)."),
    ("zh", "T = 1 时，目标分布只把 0.5% 分给 7 以外的数字（其中最多的是 9 和 1）：太少了，学生模型几乎"
           "学不到教师如何给错误答案排序。把 T 调大试试。",
     "T = 1 时空心柱和实心柱是同一个目标分布。最大的是 7（99.5%）。"),
])
def test_distillation_at_t_equal_1_says_the_target_is_too_sharp(language, take, caption):
    at = open_with(seed=9001)
    if language == "zh":
        set_language(at, "zh")
    at.slider(key="calibration.temp").set_value(1.0).run()
    assert take in takeaways(at)[2]
    assert caption in [c.value for c in at.caption]
    assert "rewarded for ranking" not in text(at) and "T = 1, 99.5% at T = 1" not in text(at)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_confidence_waits_for_a_prediction(language):
    cfg, outs = publish(9105, epochs=5)
    at = open_with(cfg, done="")
    if language == "zh":
        set_language(at, "zh")
    label = "Fitted temperature T" if language == "en" else "拟合的温度 T"
    r = cal.temperature_report(None, None, outs["cross_entropy"].test_z,
                               outs["cross_entropy"].test_y)
    right = cal.verdict(r.temperature)
    compare = lambda: [d for d in at.dataframe if len(d.value.columns) == 7]  # noqa: E731
    assert label not in metrics(at) and not compare()
    assert HOLD[language] in text(at)
    # Nor the expander setting mean confidence beside accuracy, before and after scaling.
    detail = STRINGS["cal.net.detail"][language == "zh"]
    assert detail not in [e.label for e in at.expander]
    wrong = "level" if right != "level" else "over"
    predict(at, "confidence", wrong)
    assert metrics(at)[label] == f"{r.temperature:.2f}" and at.warning
    assert compare() and detail in [e.label for e in at.expander]
    at.button(key="_cp.again.calibration.confidence").click().run()
    predict(at, "confidence", right)
    assert at.success and fmt.short(r.temperature) in feedback(at)


def test_visible_prose_fits():
    """At most 500 English words of visible prose outside expanders at the defaults, for a new
    reader and once every checkpoint is answered (tests/visible_prose.py)."""
    before, after = open_with(seed=9001, done=""), open_with(seed=9001)
    print("visible English words:", visible_words(before), visible_words(after))
    assert max(visible_words(before), visible_words(after)) <= 500, visible_texts(after)
