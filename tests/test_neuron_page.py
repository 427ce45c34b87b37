"""AppTest of the learning-slowdown page: presets as whole experiments, run-describing sentences
computed from the run, arithmetic that adds up, controls, play, the charts as controls, the
map, extremes, the checkpoints and what they hold back, the page's visible prose, Chinese."""

import base64
import json
import re
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1.element_tree import Block

from lib import charts, charts_neuron, costs, lesson, neuron, raster
from lib.neuron import epochs_to_reach
from tests.conftest import (link_of, open_link, open_page, set_language, set_units,
                            widget_key)
from lib import fmt
from ui import neuron as nr
from ui.i18n import say
from ui.layout import OPENED
from ui.strings import STRINGS

PAGE = "pages/lessons/neuron.py"
#: Visible English words allowed outside expanders on a lesson page (issue 20).
MAX_WORDS = 500
#: Element kinds whose text counts as visible prose.
PROSE = ("markdown", "caption", "info", "warning", "success", "error")
#: The page's charts, in page order: three racing panels, three in an expander (drawn only
#: while it is open), two maps.
RACE = range(0, 3)


@pytest.fixture
def app():
    return open_page(PAGE)


def fmt_value(x: float) -> str:
    """A value of the neuron (w, b, z, a, C) as the page shows it: three significant digits."""
    return fmt.sig(x, 3)


def metric_values(at) -> list[str]:
    return [m.value for m in at.metric]


def texts(at) -> list[str]:
    return [x.value for x in [*at.markdown, *at.caption, *at.warning, *at.info, *at.latex]]


def shown_blocks(at) -> list[str]:
    """Each Markdown block, as a reader reads it: no-break spaces as spaces, word joiners
    (which only keep a name on one line) dropped."""
    return [m.value.replace("\u00a0", " ").replace("\u2060", "") for m in at.markdown]


def shown(at) -> str:
    """Every Markdown block as one text (:func:`shown_blocks`)."""
    return " ".join(shown_blocks(at))


def html(at) -> str:
    """Every st.html block (the key above the race charts)."""
    return "\n".join(h.proto.body for h in at.get("html"))


def formulas(at) -> str:
    """Every formula shown: st.latex elements and display math inside Markdown blocks (the
    page sends a passage's text and its formulas as one block)."""
    return " ".join(x.value for x in [*at.latex, *at.markdown])


def snapshot(at) -> tuple:
    """Everything a reader sees that depends on the experiment."""
    controls = {k: at.session_state[f"neuron.{k}"] for k in nr.CONTROLS}
    return controls, metric_values(at), texts(at)


def to_the_end(at):
    """Drag the slider to the last epoch: the race has been run, its result shows."""
    at.slider(key=widget_key(at, "neuron.epoch")).set_value(
        at.session_state["neuron.epochs"]).run()
    assert not at.exception, at.exception
    return at


def needed(w0, b0, cost, eta, threshold=0.1, epochs=300):
    n = int(epochs_to_reach(w0, b0, cost=cost, eta=eta, epochs=epochs, threshold=threshold))
    return str(n) if n >= 0 else f"not within {epochs}"


def map_grid(cost, eta, epochs, threshold, x, y) -> pd.DataFrame:
    """Epochs to the goal from every start of the page's map grid, straight from lib."""
    w0, b0 = np.meshgrid(neuron.MAP_AXIS, neuron.MAP_AXIS)
    needed = epochs_to_reach(w0, b0, cost=cost, eta=eta, epochs=epochs, threshold=threshold,
                             x=x, y=y)
    return pd.DataFrame({"w0": w0.ravel(), "b0": b0.ravel(), "epochs_needed": needed.ravel()})


def reveal(at):
    """Commit the right prediction at each checkpoint that waits for one (as a reader who
    has predicted would see the page): the race's result, the speed lines and the maps show."""
    keys = {b.key for b in at.button}
    for cp in lesson.by_page("neuron"):
        if f"_cp.check.neuron.{cp.id}" in keys:
            answer = cp.answer({k: at.session_state[f"neuron.{k}"] for k in cp.reads})
            predict(at, cp.id, answer.right)
    return at


def run_sentences(at) -> dict[str, str]:
    """The sentences describing the run: the race, the rates, the speed change, the map (once
    predicted: :func:`reveal`)."""
    reveal(at)
    md = [m.value for m in at.markdown]
    return {"race": next((m for m in md if "reach" in m and "goal |a − y|" in m
                          and not m.startswith("**How the speed") and "of starts" not in m
                          and "every start" not in m and "no start" not in m
                          and "Cost C" not in m), None),
            "speed": next(m for m in md if m.startswith("**How the speed changes")),
            "detail": next(m for m in md if m.startswith("At the start (|a − y| =")),
            "map": next(m for m in md if m.startswith("- **Quadratic cost** (η =")),
            "rates": next(x.value for x in [*at.warning, *at.caption]
                          if "learning rates" in x.value or "Both costs run at" in x.value),
            "why": next(m.value for m in at.markdown
                        if m.value.startswith("The only difference is the factor"))}


def open_expanders(at, *names: str):
    """Open the expanders whose content is drawn only while open ("charts", "table",
    "derivation"), as a reader's click does."""
    opened = set(at.session_state[OPENED]) if OPENED in at.session_state else set()
    at.session_state[OPENED] = frozenset(opened | {f"neuron.{name}" for name in names})
    at.run()
    assert not at.exception, at.exception
    return at


def maps(at) -> list[int]:
    """The indices of the two maps among the page's charts (the last two), once the race has
    been predicted (:func:`reveal`)."""
    reveal(at)
    n = len(at.get("vega_lite_chart"))
    return [n - 2, n - 1]


def chart_data(at, i) -> dict[str, pd.DataFrame]:
    chart = at.get("vega_lite_chart")[i]
    return {d.name: convert_arrow_bytes_to_pandas_df(d.data.data) for d in chart.proto.datasets}


def chart_spec(at, i) -> dict:
    return json.loads(at.get("vega_lite_chart")[i].proto.spec)


def click_chart(at, i, selection: str, point: dict):
    """What the browser sends when a reader clicks chart ``i``: its selection state (the widget
    value of a chart with ``on_select``), with every other widget as it is."""
    chart = at.get("vega_lite_chart")[i]
    states = at._tree.get_widget_states()
    states.widgets.append(WidgetState(id=chart.proto.id, string_value=json.dumps(
        {"selection": {selection: [point]}})))
    at._run(widget_state=states)
    assert not at.exception, at.exception
    return at


# ---- Visible prose (issue 20) ----------------------------------------------------------------

def visible_prose(at) -> list[str]:
    """The text of every prose element and metric label outside expanders, in page order."""
    out = []

    def walk(node, hidden=False):
        if isinstance(node, Block):
            for child in node.children.values():
                walk(child, hidden or node.type == "expander")
        elif not hidden and node.type in PROSE:
            out.append(node.value)
        elif not hidden and node.type == "metric":
            out.append(node.label)
    walk(at.main)
    return out


def word_count(texts) -> int:
    """English words: runs of letters outside formulas ($…$, $$…$$: a formula is not prose);
    Streamlit's icon codes (:material/lightbulb:) are not shown as words."""
    def prose(x: str) -> str:
        x = re.sub(r"\$\$.*?\$\$", " ", x, flags=re.S)
        x = re.sub(r"(?<!\\)\$.*?(?<!\\)\$", " ", x, flags=re.S)
        return re.sub(r":material/[a-z_]+:", "", x)
    return sum(len(re.findall(r"[A-Za-z]+", prose(x))) for x in texts)


def predict(at, cid: str, value):
    """Commit a prediction: pick it, then press "Check my prediction"."""
    at.radio(key=f"_cp.pick.neuron.{cid}").set_value(value).run()
    at.button(key=f"_cp.check.neuron.{cid}").click().run()
    assert not at.exception, at.exception
    return at


def feedback(at) -> str:
    return " ".join(x.value for x in [*at.success, *at.warning])


def test_visible_prose_fits(app):
    """At most 500 English words outside expanders: at the defaults, with the race's result
    shown, and with both checkpoints answered (their feedback is prose too)."""
    before = word_count(visible_prose(app))
    assert before <= MAX_WORDS, before
    to_the_end(app)
    shown = word_count(visible_prose(app))
    assert before < shown <= MAX_WORDS, shown
    predict(app, "first_step", "smaller")
    predict(app, "first_to_target", "cross_entropy")
    answered = word_count(visible_prose(app))
    assert shown < answered <= MAX_WORDS, answered


def test_word_count_ignores_formulas_and_icons():
    assert word_count(["Two words $$\\frac{a}{b}$$ :material/info: and $x_1$ three"]) == 4


# ---- Presets are whole experiments -------------------------------------------------------------

def test_every_preset_sets_every_control():
    for name, preset in nr.PRESETS.items():
        assert set(preset) == set(nr.CONTROLS), name
    # The mechanism sets what a preset does not name to its default: Play stops, epoch 0.
    for name in nr.S.presets:
        assert nr.S.preset_values(name)["epoch"] == 0
        assert nr.S.preset_values(name)["playing"] is False


def test_each_preset_alone_equals_it_after_any_other(app):
    alone = {}
    for name in nr.PRESETS:
        fresh = open_page(PAGE) if alone else app
        fresh.button(key=f"_preset.neuron.{name}").click().run()
        alone[name] = snapshot(to_the_end(fresh))
    at = app
    # Scramble every control first, then press each ordered pair of presets.
    for key, value in (("w0", -3.0), ("b0", 1.5), ("x", 2.0), ("y", 0.5),
                       ("eta_quadratic", 1.0), ("eta_cross_entropy", 0.3),
                       ("epochs", 120), ("threshold", 0.2)):
        at.number_input(key=widget_key(at, f"neuron.{key}")).set_value(value).run()
    at.checkbox(key=widget_key(at, "neuron.book")).check().run()
    at.slider(key=widget_key(at, "neuron.epoch")).set_value(60).run()
    for before in nr.PRESETS:
        for name in nr.PRESETS:
            at.button(key=f"_preset.neuron.{before}").click().run()
            at.button(key=f"_preset.neuron.{name}").click().run()
            assert snapshot(to_the_end(at)) == alone[name], (before, name)
    assert not at.exception


def test_book_preset_after_badly_wrong_start_keeps_the_lesson(app):
    app.button(key="_preset.neuron.wrong").click().run()
    app.button(key="_preset.neuron.book").click().run()
    to_the_end(app)
    # Quadratic 0.15 vs cross-entropy 0.005 (BRIEF §4) and the book demo's rule (0.048).
    assert metric_values(app) == ["not within 300", "0.203", "not within 300", "0.780",
                                  "227", "0.0479"]
    s = run_sentences(app)
    # The rates differ, and the page says so next to the outcome.
    assert "0.005 for cross-entropy (30 times smaller)" in s["rates"]
    assert any(s["rates"] == w.value for w in app.warning)
    # While most wrong, cross-entropy at a 30 times smaller rate still steps faster.
    assert "cross-entropy's update |Δb| = η |∂C/∂b| is 0.00491, 1.89 times the quadratic" \
        in s["detail"]
    assert "the learning slowdown" in s["speed"]
    assert "The book demo's rule reaches it at epoch 227" in s["race"]


def test_fair_race_preset(app):
    app.button(key="_preset.neuron.fair").click().run()
    st_ = app.session_state
    assert (st_["neuron.eta_quadratic"], st_["neuron.eta_cross_entropy"]) == (0.15, 0.025)
    assert 0.15 / 6 == pytest.approx(0.025)
    values = metric_values(to_the_end(app))
    assert values[0] == needed(2, 2, "quadratic", 0.15, epochs=500) == "469"
    assert values[2] == needed(2, 2, "cross_entropy", 0.025, epochs=500) == "303"
    s = run_sentences(app)
    assert s["race"].startswith("Cross-entropy reaches the goal |a − y| < 0.1 first, at epoch 303")
    assert "(6 times smaller)" in s["rates"]


def test_default_is_the_badly_wrong_start(app):
    # Quadratic: never within 300 epochs, ends at 0.203; cross-entropy: 50 epochs, 0.0120.
    assert metric_values(to_the_end(app)) == ["not within 300", "0.203", "50", "0.0120"]
    assert not app.exception


def test_normal_start_preset(app):
    app.button(key="_preset.neuron.normal").click().run()
    assert app.session_state["neuron.w0"] == 0.6 and app.session_state["neuron.b0"] == 0.9
    values = metric_values(to_the_end(app))
    assert values[0] == needed(0.6, 0.9, "quadratic", 0.15) == "273"
    assert values[1] == "0.0940"
    assert values[2] == needed(0.6, 0.9, "cross_entropy", 0.15) == "41"  # BRIEF §8
    assert values[3] == "0.0116"


# ---- Number formats (issue 20) -----------------------------------------------------------------

def test_values_show_three_significant_digits(app):
    cards = shown(app)
    assert "w = 2.00, b = 2.00, z = 4.00" in cards and "a = 0.982, C = 0.482" in cards
    assert "2.0000" not in cards and "0.9820," not in cards
    # The factors of the worked gradient keep the digits that make it add up.
    assert r"(0.98201 - 0) \\ &\quad \times 0.017663 \\ &= 0.01735" in formulas(app)
    assert fmt_value(0.0120443) == "0.0120" and fmt_value(-2.2061) == "−2.21"


# ---- The lesson, and sentences computed from the run -------------------------------------------

@pytest.mark.parametrize("w0, b0", [(2.0, 2.0), (3.0, 1.0), (1.0, 4.0), (-1.0, 4.0)])
@pytest.mark.parametrize("eta", [0.05, 0.15, 0.6])
def test_badly_wrong_start_equal_rates_cross_entropy_first(w0, b0, eta):
    assert 1 / (1 + np.exp(-(w0 + b0))) > 0.95  # badly wrong: y = 0, a near 1
    q = int(epochs_to_reach(w0, b0, cost="quadratic", eta=eta, epochs=3000))
    ce = int(epochs_to_reach(w0, b0, cost="cross_entropy", eta=eta, epochs=3000))
    assert 0 < ce and (q == -1 or ce < q)


def test_badly_wrong_start_equal_rates_on_the_page(app):
    s = run_sentences(to_the_end(app))
    assert s["race"] == ("Only cross-entropy reaches the goal |a − y| < 0.1 within 300 epochs "
                         "(at epoch 50); the quadratic cost ends at a = 0.203.")
    assert s["rates"] == "Both costs run at η = 0.15."
    q = neuron.train(2, 2, cost="quadratic", eta=0.15, epochs=300)
    sc = neuron.speed_change(q.a, q.dC_db, eta=0.15, y=0.0)
    assert (sc.peak_epoch, f"{sc.ratio:.3g}", f"{sc.peak_error:.3g}") == (215, "8.54", "0.664")
    assert ("The quadratic cost's largest step, 8.54 times its first, came at epoch 215, when "
            "|a − y| was down to 0.664 from 0.982") in s["speed"]
    assert "is 8.54 times its first" in s["detail"] and "fastest when most wrong" in s["detail"]


def test_run_sentences_flip_when_the_outcome_flips(app):
    # Normal start, equal rates: cross-entropy first (41 vs 273).
    app.button(key="_preset.neuron.normal").click().run()
    before = run_sentences(to_the_end(app))
    assert before["race"].startswith("Cross-entropy reaches the goal")
    # A 30 times smaller cross-entropy rate reverses the outcome: the quadratic cost first.
    app.number_input(key=widget_key(app, "neuron.eta_cross_entropy")).set_value(0.005).run()
    after = run_sentences(to_the_end(app))
    assert after["race"].startswith("Only the quadratic cost reaches the goal")
    for name in ("race", "rates", "detail", "map"):
        assert before[name] != after[name], name
    assert "Cross-entropy reaches the goal from more starts." in before["map"]
    assert "Quadratic cost reaches the goal from more starts." in after["map"]
    # And back: with the same rates again the outcome and every sentence return.
    app.number_input(key=widget_key(app, "neuron.eta_cross_entropy")).set_value(0.15).run()
    assert run_sentences(to_the_end(app)) == before


def test_speed_sentence_without_a_slowdown(app):
    # Start at z = 0 (a = 1/2, σ′ = 1/4, its maximum): the quadratic cost has nothing to recover
    # from, so its first step is its largest and the page must not claim a slowdown.
    app.number_input(key=widget_key(app, "neuron.w0")).set_value(0.0).run()
    app.number_input(key=widget_key(app, "neuron.b0")).set_value(0.0).run()
    s = run_sentences(app)
    assert "The quadratic cost's first update was its largest" in s["detail"]
    assert "shows no slowdown in this run" in s["speed"]
    assert "σ′(z) = 0.25 at the start" in s["speed"]
    assert "learning slowdown)" not in s["speed"]
    assert "At this run's start a = 0.500 and σ′(z) = 0.25" in s["why"]


def _speed(first_step, first_error, peak_step, peak_epoch, peak_error):
    return neuron.SpeedChange(first_step, first_error, peak_step, peak_epoch, peak_error,
                              peak_step, 300)


@pytest.mark.parametrize("q, ce, lead", [
    # Nielsen's case: the quadratic cost speeds up as the error falls, cross-entropy slows.
    (_speed(0.0026, 0.98, 0.022, 215, 0.66), _speed(0.147, 0.98, 0.1, 1, 0.9), "lesson"),
    # The quadratic cost's peak comes while the error is larger than at the start (an
    # overshoot): "slowest when most wrong" would not follow, so it is not said.
    (_speed(0.0026, 0.5, 0.022, 40, 0.9), _speed(0.147, 0.5, 0.1, 1, 0.4), "other"),
    # Cross-entropy speeds up too: not Nielsen's contrast either.
    (_speed(0.0026, 0.98, 0.022, 215, 0.66), _speed(0.1, 0.98, 0.2, 9, 0.9), "other"),
    (_speed(0.05, 0.5, 0.04, 1, 0.4), _speed(0.1, 0.5, 0.09, 1, 0.4), "no_slowdown"),
])
def test_speed_lead_is_chosen_from_the_numbers(app, q, ce, lead):
    got = say("nr.speed", neuron.speed_cases(q, ce, 0.25)[0])
    expected = {"lesson": "the learning slowdown", "other": "see the numbers below",
                "no_slowdown": "shows no slowdown"}[lead]
    assert expected in got
    for other in {"lesson", "other", "no_slowdown"} - {lead}:
        assert {"lesson": "the learning slowdown", "other": "see the numbers below",
                "no_slowdown": "shows no slowdown"}[other] not in got


def test_map_caption_bounds_round_outward(app):
    """Issue 20 item 7: the misses' bounds are rounded away from the values they bound (the
    true extremes at the defaults are 0.90888… and 0.082820…: "≥ 0.91" and "≤ 0.0828" were
    false)."""
    s = run_sentences(app)
    w0, b0 = np.meshgrid(neuron.MAP_AXIS, neuron.MAP_AXIS)
    q = epochs_to_reach(w0, b0, cost="quadratic", eta=0.15, epochs=300)
    summary = neuron.map_summary(w0, b0, q)
    assert f"{summary.miss_min_error:.5f}" == "0.90888"
    assert f"{summary.miss_max_sigma_prime:.6f}" == "0.082820"
    assert (f"{summary.share:.0%} of starts reach the goal (median "
            f"{summary.median_epochs:.3g} epochs)") in s["map"]
    m = re.search(r"begins with \|a − y\| ≥ ([\d.]+) and σ′\(z\) ≤ ([\d.]+)\.", s["map"])
    err, sp = float(m.group(1)), float(m.group(2))
    assert (m.group(1), m.group(2)) == ("0.908", "0.0829")
    assert err <= summary.miss_min_error and sp >= summary.miss_max_sigma_prime
    assert "confidently wrong" in s["map"]
    assert "**Cross-entropy** (η = 0.15): every start reaches the goal within 300 epochs" \
        in s["map"]


@pytest.mark.parametrize("x, digits, up, expected", [
    (0.908884, 3, False, "0.908"), (0.0828201, 3, True, "0.0829"), (0.25, 3, True, "0.250"),
    (0.999, 2, True, "1.00"), (1.5e-7, 2, True, "1.5E-7"), (1.5e-7, 2, False, "1.4E-7"),
    (-0.0123456, 2, False, "-0.013"),
])
def test_outward_rounding(x, digits, up, expected):
    bound = neuron.outward(x, digits, up=up)
    assert str(bound) == expected
    assert (bound >= Decimal(x)) if up else (bound <= Decimal(x))


def test_good_start_limit_is_computed(app):
    limits = next(m.value for e in app.expander if e.label.startswith("What cross-entropy")
                  for m in e.markdown)
    q = needed(0.6, 0.9, "quadratic", 0.15)
    ce = needed(0.6, 0.9, "cross_entropy", 0.15)
    fair = needed(0.6, 0.9, "cross_entropy", 0.025)
    assert f"in {ce} epochs against the quadratic cost's {q}" in limits
    assert f"η = 0.025 it needs {fair}, against {q}" in limits


def test_vanishing_gradient_met_head_on(app):
    """Issue 20 item 13: cross-entropy removes the output layer's σ′ only; the page names the
    vanishing gradient and where it still happens, in both languages."""
    takeaway = next(m.value for m in app.markdown if "output layer only" in m.value)
    assert "hidden layers the gradient can still vanish" in takeaway
    limits = next(e for e in app.expander if e.label.startswith("What cross-entropy"))
    body = limits.markdown[0].value
    assert "vanishing gradient problem" in body and "output layer's factor only" in body
    assert "“solves the vanishing gradient”" in body
    for key in ("nr.limits", "nr.limits.takeaway", "nr.limits.title"):
        assert "梯度消失" in STRINGS[key][1] or "消失" in STRINGS[key][1], key
    set_language(app, "zh")
    assert any("梯度仍可能消失" in m.value for m in app.markdown)


def test_book_demo_rule_is_worded_as_a_reconstruction(app):
    """Issue 20 item 9: the book's text gives only η = 0.005; the rule is this app's
    reconstruction, and its numbers are computed here."""
    notes = next(e for e in app.expander if e.label.startswith("Notes: learning rates"))
    text = " ".join(m.value for m in notes.markdown)
    assert "The book's text gives only the rate" in text
    assert "this app's reconstruction" in text and "stepped with" not in text
    ends = {(w0, b0, c): neuron.train(w0, b0, cost=c, eta=0.005, epochs=300).a.iloc[-1]
            for w0, b0 in ((0.6, 0.9), (2.0, 2.0)) for c in ("book_demo", "cross_entropy")}
    assert f"near {ends[(0.6, 0.9, 'book_demo')]:.3f} from (0.6, 0.9)" in text
    assert f"and {ends[(2.0, 2.0, 'book_demo')]:.3f} from (2, 2)" in text
    assert (f"({ends[(0.6, 0.9, 'cross_entropy')]:.3f} and "
            f"{ends[(2.0, 2.0, 'cross_entropy')]:.3f})") in text
    assert "reconstruction" in STRINGS["nr.book.help"][0] and "重建" in STRINGS["nr.book.help"][1]


def test_learning_rate_note_credits_the_book_correctly(app):
    notes = next(e for e in app.expander if e.label.startswith("Notes: learning rates"))
    note = notes.markdown[0].value
    assert "chose η = 0.005 for its cross-entropy demos by experiment" in note
    assert "η = 3.0 against cross-entropy η = 0.5" in note
    assert "0.15 / 6 = 0.025" in note


def test_both_languages_say_the_same(app):
    """Issue 20 item 13: the Chinese adds nothing the English lacks, e.g. 学习缓慢 only where
    the English says "the learning slowdown"."""
    for key, (en, zh) in STRINGS.items():
        if key.startswith("nr."):
            assert ("学习缓慢" in zh) == ("slowdown" in en), key
            assert ("均方误差" in zh) == ("mean squared error" in en), key


# ---- Checkpoints (issue 19) ----------------------------------------------------------------

def test_checkpoints_sit_before_what_answers_them_and_the_race_waits(app):
    """The race's question, then Play beside the charts; the first step's question right
    after the charts, before the speed lines that answer it. Before a prediction neither the
    race's result, nor the takeaway stating it, nor the maps (they show where this start's
    race ends) are on screen."""
    keys = [b.key for b in app.button]
    assert keys.index("_cp.check.neuron.first_to_target") < keys.index("_neuron.play_button")
    assert keys.index("_neuron.play_button") < keys.index("_cp.check.neuron.first_step")
    # Before a prediction: no race result, and the charts draw each run only up to the epoch.
    assert metric_values(app) == []
    captions = [c.value for c in app.caption]
    assert STRINGS["nr.outcome.wait"][0] in captions and STRINGS["nr.map.wait"][0] in captions
    assert STRINGS["nr.speed.wait"][0] in captions
    shown = " ".join(texts(app))
    assert "Started confidently wrong" not in shown and "How the speed changes" not in shown
    assert "reaches the goal from more starts" not in shown
    assert len(app.get("vega_lite_chart")) == 3  # the three racing charts, no maps
    whole = [layer for layer in chart_spec(app, 0)["layer"] if layer["mark"]["type"] == "line"]
    assert whole[0]["mark"]["opacity"] == 0  # the rest of the run is not drawn
    predict(app, "first_to_target", "quadratic")
    assert metric_values(app)[0] == "not within 300"
    whole = [layer for layer in chart_spec(app, 0)["layer"] if layer["mark"]["type"] == "line"]
    assert whole[0]["mark"]["opacity"] > 0  # now faint beyond the epoch shown
    assert len(app.get("vega_lite_chart")) == 5  # and the maps
    assert "Cross-entropy reaches the goal from more starts." in " ".join(texts(app))
    assert "How the speed changes" not in " ".join(texts(app))  # the first step's answer
    predict(app, "first_step", "larger")  # a wrong prediction shows it too
    assert any(m.startswith("**How the speed changes") for m in texts(app))
    assert STRINGS["nr.speed.wait"][0] not in [c.value for c in app.caption]


def test_a_race_run_to_its_end_keeps_its_result(app):
    to_the_end(app)
    shown = metric_values(app)
    app.slider(key=widget_key(app, "neuron.epoch")).set_value(100).run()
    app.checkbox(key=widget_key(app, "neuron.book")).check().run()  # another race
    assert metric_values(app) == []
    app.checkbox(key=widget_key(app, "neuron.book")).uncheck().run()  # the one watched
    assert metric_values(app) == shown


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_first_step_checkpoint_right_and_wrong(app, lang):
    set_language(app, lang)
    zh = lang == "zh"
    answer = lesson.get("neuron", "first_step").answer(
        {"w0": 2.0, "b0": 2.0, "x": 1.0, "y": 0.0, "eta_quadratic": 0.15})
    assert answer.right == "smaller"  # saturated: a smaller step despite a larger error
    assert feedback(app) == ""  # not shown before a prediction
    wait = STRINGS["nr.speed.wait"][zh]  # nor how the step size changed, which answers it
    assert wait in [c.value for c in app.caption]
    predict(app, "first_step", "larger")
    assert wait not in [c.value for c in app.caption]
    assert STRINGS["cp.wrong"][zh].split("{")[0] in feedback(app)
    assert fmt.short(answer.numbers["here"]) in feedback(app)
    app.button(key="_cp.again.neuron.first_step").click().run()
    predict(app, "first_step", "smaller")
    assert STRINGS["cp.right"][zh] in feedback(app)
    assert not app.exception


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_race_checkpoint_right_and_wrong(app, lang):
    set_language(app, lang)
    zh = lang == "zh"
    predict(app, "first_to_target", "quadratic")
    assert STRINGS["cp.wrong"][zh].split("{")[0] in feedback(app)
    app.button(key="_cp.again.neuron.first_to_target").click().run()
    predict(app, "first_to_target", "cross_entropy")
    assert STRINGS["cp.right"][zh] in feedback(app)
    # The explanation quotes the epochs the page shows.
    assert "50" in feedback(app)


def test_race_answer_follows_the_inputs(app):
    predict(app, "first_to_target", "cross_entropy")
    assert STRINGS["cp.right"][0] in feedback(app)
    # Cross-entropy at a 30 times smaller rate from the normal start: the quadratic cost wins.
    app.button(key="_preset.neuron.normal").click().run()
    assert any(i.value == STRINGS["cp.changed"][0] for i in app.info)  # predict again
    assert metric_values(app) == []  # the new race's result waits again
    app.number_input(key=widget_key(app, "neuron.eta_cross_entropy")).set_value(0.005).run()
    assert metric_values(app) == []
    predict(app, "first_to_target", "quadratic")
    assert STRINGS["cp.right"][0] in feedback(app)
    assert metric_values(app)[0] == needed(0.6, 0.9, "quadratic", 0.15)


def test_progress_survives_language_a_page_visit_and_a_link(app):
    predict(app, "first_step", "smaller")
    predict(app, "first_to_target", "cross_entropy")
    done = link_of(app)["done"]
    set_language(app, "zh")
    app.switch_page("pages/lessons/explorer.py").run()
    app.switch_page(PAGE).run()
    assert not app.exception
    assert STRINGS["path.meta"][1].format(minutes=15, done=2, total=2) in \
        [c.value for c in app.caption]
    fresh = open_link(PAGE, {"done": done})
    assert STRINGS["path.meta"][0].format(minutes=15, done=2, total=2) in \
        [c.value for c in fresh.caption]


# ---- Arithmetic that adds up as displayed ---------------------------------------------------

@pytest.mark.parametrize("name", list(nr.PRESETS))
def test_gradient_arithmetic_adds_up_over_presets(name):
    s = nr.settings(nr.PRESETS[name])
    for cost in ("quadratic", "cross_entropy"):
        frame = neuron.train(s.w0, s.b0, cost=cost, eta=s.eta(cost), epochs=s.epochs,
                             x=s.x, y=s.y)
        frame["sigma_prime"] = costs.sigmoid_prime(frame["z"].to_numpy())
        for k in range(0, s.epochs + 1, 7):
            row = frame.iloc[k]
            ar = neuron.gradient_arithmetic(cost, a=row.a, sigma_prime=row.sigma_prime,
                                            grad=row.dC_db, y=s.y)
            assert ar.adds_up, (name, cost, k, ar)
            g = frame["dC_db"].iloc[k]
            if cost == "quadratic":
                assert float(ar.result) == pytest.approx(g, rel=1e-3)
            else:
                assert float(ar.result) == pytest.approx(g, abs=6e-5)


def test_displayed_formula_adds_up(app):
    for name in nr.PRESETS:
        app.button(key=f"_preset.neuron.{name}").click().run()
        for epoch in (0, 97, 250):
            app.slider(key=widget_key(app, "neuron.epoch")).set_value(epoch).run()
            latex = formulas(app)
            m = re.search(r"= \(([\d.]+) - ([\d.]+)\) \\\\ &\\quad \\times ([\d.]+) \\\\ &= ([\d.]+)",
                          latex)
            assert m, latex
            a, y, sp, g = (Decimal(v) for v in m.groups())
            digits = len(g.as_tuple().digits)
            assert Decimal(f"{(a - y) * sp:.{digits - 1}e}") == g, (name, epoch, m.groups())
            # Every card shows σ′(z) with the formula's digits (one quantity, one precision).
            cards = " ".join(b for b in shown_blocks(app) if f", epoch {epoch}" in b)
            quoted = re.findall(r"σ′\(z\) = ([\d.]+)", cards)
            assert len(quoted) == 2 + app.session_state["neuron.book"], quoted
            assert quoted[0] == m.group(3)
            assert {len(Decimal(q).as_tuple().digits) for q in quoted} == \
                {len(Decimal(m.group(3)).as_tuple().digits)}
            m = re.search(r"&= ([\d.]+) - ([\d.]+) \\\\ &= ([\d.]+)", latex)
            assert Decimal(m.group(1)) - Decimal(m.group(2)) == Decimal(m.group(3))


def test_gradient_formulas_show_current_numbers(app):
    latex = formulas(app)
    assert r"(0.98201 - 0) \\ &\quad \times 0.017663 \\ &= 0.01735" in latex
    assert r"0.9820 - 0 \\ &= 0.9820" in latex
    app.slider(key=widget_key(app, "neuron.epoch")).set_value(150).run()
    cards = shown(app)
    assert "epoch 150" in cards and "a = 0.933" in cards and "a = 0.0257" in cards


# ---- Teaching ---------------------------------------------------------------------------------

def test_page_opens_with_its_experiment_and_takeaway(app):
    md = [m.value for m in app.markdown]
    assert md[0] == STRINGS["page.neuron.blurb"][0]  # ui.layout.intro()
    intro = next(m for m in md if m.startswith("Nielsen's experiment"))
    assert "z = w x + b" in intro and intro.index("z = w x + b") < intro.index("σ(z)")
    assert not any("Started confidently wrong" in m for m in md)  # the race's answer
    assert app.expander[0].label.startswith("More settings")
    step = next(e for e in app.expander if e.label.startswith("Step by step"))
    assert not step.markdown  # drawn only while open: a page of formulas weighs on a browser
    open_expanders(app, "derivation")
    step = next(e for e in app.expander if e.label.startswith("Step by step"))
    latex = " ".join(m.value for m in step.markdown)
    assert r"\frac{e^{-z}}{\left(1+e^{-z}\right)^{2}}" in latex
    assert r"\sigma(z)\,\bigl(1-\sigma(z)\bigr) = a(1-a)" in latex
    assert r"\frac{a-y}{a(1-a)}\cdot a(1-a) \\ &= a-y" in latex
    to_the_end(app)  # the race run: its takeaway heads the outcome
    md = [m.value for m in app.markdown]
    assert any(m.startswith(":material/lightbulb: **Started confidently wrong") for m in md)


def test_for_teachers_cites_nielsen(app):
    notes = next(e for e in app.expander if e.label == "For teachers")
    text = notes.markdown[0].value
    assert "http://neuralnetworksanddeeplearning.com/chap3.html" in text
    assert "the race's checkpoint" in text and "misconception" in text.lower()


def test_presentation_view_keeps_takeaways_and_drops_explanations():
    at = open_link(PAGE, {"teach": "1"})
    assert not at.exception
    to_the_end(at)  # the race run to its end: its takeaway shows
    md = [m.value for m in at.markdown]
    assert any("Started confidently wrong" in m for m in md)
    assert any("output layer only" in m for m in md)
    assert not any(m.startswith("Press Play or drag") for m in md)
    assert not any(m.startswith("The only difference is the factor") for m in md)


# ---- Controls, play, the charts as controls, map, extremes ----------------------------------

def test_book_demo_checkbox(app):
    app.checkbox(key=widget_key(app, "neuron.book")).check().run()
    values = metric_values(to_the_end(app))
    assert len(values) == 6 and values[-2] == needed(2, 2, "book_demo", 0.15)
    assert "Book demo's rule" in " ".join(m.value for m in app.markdown)


def test_threshold_and_controls(app):
    app.number_input(key=widget_key(app, "neuron.threshold")).set_value(0.25).run()
    assert metric_values(to_the_end(app))[0] == needed(2.0, 2.0, "quadratic", 0.15,
                                                       threshold=0.25)
    app.number_input(key=widget_key(app, "neuron.eta_quadratic")).set_value(0.6).run()
    assert metric_values(to_the_end(app))[0] == needed(2.0, 2.0, "quadratic", 0.6,
                                                       threshold=0.25)
    app.number_input(key=widget_key(app, "neuron.epochs")).set_value(1000).run()
    assert metric_values(to_the_end(app))[1] != "0.203"
    assert app.slider(key=widget_key(app, "neuron.epoch")).max == 1000
    app.number_input(key=widget_key(app, "neuron.x")).set_value(2.0).run()
    frame = neuron.train(2, 2, cost="quadratic", eta=0.6, epochs=1000, x=2.0)
    assert f"a = {fmt_value(frame.a[1000])}," in shown(to_the_end(app))


def test_play_advances_and_stops_at_the_end(app):
    app.number_input(key=widget_key(app, "neuron.epochs")).set_value(24).run()
    app.button(key="_neuron.play_button").click().run()
    assert app.session_state["neuron.playing"]
    first = app.session_state["neuron.epoch"]
    assert first >= 1
    app.run()
    assert app.session_state["neuron.epoch"] > first
    for _ in range(30):
        app.run()
    assert app.session_state["neuron.epoch"] == 24 and not app.session_state["neuron.playing"]
    assert metric_values(app)  # run to its end: the race's result shows
    assert not app.exception


def test_while_playing_the_scrubber_shown_is_never_read_back(app):
    """A timer tick that crosses a Pause in flight carries the scrubber's value from an earlier
    frame: while playing, the scrubber shown is a copy under its own key, so such a value cannot
    pull the epoch back (the race seen in the browser: card, slider and address disagreeing)."""
    app.button(key="_neuron.play_button").click().run()
    app.run()
    playing_at = app.session_state["neuron.epoch"]
    assert playing_at >= 2
    shown = app.slider(key=nr.SHOWN)
    assert shown.disabled and shown.value == playing_at
    assert not [s for s in app.slider if s.key == widget_key(app, "neuron.epoch")]
    # A stale value from the browser (a disabled widget, so sent as the browser would).
    states = app._tree.get_widget_states()
    for w in states.widgets:
        if w.id == shown.id:
            w.double_array_value.data[:] = [0.0]
    app._run(widget_state=states)
    assert app.session_state["neuron.epoch"] > playing_at
    app.button(key="_neuron.pause_button").click().run()
    paused = app.session_state["neuron.epoch"]
    assert paused > playing_at and not app.session_state["neuron.playing"]
    assert app.slider(key=widget_key(app, "neuron.epoch")).value == paused
    assert f"epoch {paused}" in " ".join(m.value for m in app.markdown)


def test_clicking_a_training_chart_moves_the_epoch(app):
    spec = chart_spec(app, 0)
    assert spec["params"][0]["name"] == nr.PICK
    assert spec["params"][0]["select"]["fields"] == ["epoch"]
    targets = chart_data(app, 0)["targets"]
    assert targets["epoch"].iloc[0] == 0 and targets["epoch"].iloc[-1] == 300
    assert (targets["lo"].iloc[1:].to_numpy() == targets["hi"].iloc[:-1].to_numpy()).all()
    click_chart(app, 1, nr.PICK, {"epoch": 123})
    assert app.session_state["neuron.epoch"] == 123
    assert "epoch 123" in " ".join(m.value for m in app.markdown)
    assert chart_data(app, 0)["rule"]["now"].tolist() == [123.0]
    # While playing, a click pauses there.
    app.button(key="_neuron.play_button").click().run()
    assert app.session_state["neuron.playing"]
    click_chart(app, 0, nr.PICK, {"epoch": 40})
    assert app.session_state["neuron.epoch"] == 40 and not app.session_state["neuron.playing"]
    # Beyond the run: the last epoch.
    click_chart(app, 2, nr.PICK, {"epoch": 9999})
    assert app.session_state["neuron.epoch"] == 300


def test_clicking_the_map_trains_from_that_start(app):
    """Issue 20: click a point of the initialisation map to train from that (w, b)."""
    spec = chart_spec(app, maps(app)[0])
    assert spec["params"][0]["name"] == nr.START
    assert spec["params"][0]["select"]["fields"] == ["w0", "b0"]
    app.slider(key=widget_key(app, "neuron.epoch")).set_value(80).run()
    # A hover target's start, as the chart holds it (32-bit floats).
    click_chart(app, maps(app)[1], nr.START, {"w0": float(np.float32(-1.5)),
                                              "b0": float(np.float32(0.5))})
    st_ = app.session_state
    assert (st_["neuron.w0"], st_["neuron.b0"], st_["neuron.epoch"]) == (-1.5, 0.5, 0)
    assert app.number_input(key=widget_key(app, "neuron.w0")).value == -1.5
    frame = neuron.train(-1.5, 0.5, cost="quadratic", eta=0.15, epochs=300)
    assert f"a = {fmt_value(frame.a[0])}," in shown(app)
    assert chart_data(app, maps(app)[0])["here"][["w_lo", "b_lo"]].iloc[0].tolist() == \
        pytest.approx([-1.5, 0.5])
    assert link_of(app)["w0"] == "-1.5"
    # A start as the browser holds it (a 32-bit float) is kept as the reader reads it.
    click_chart(app, maps(app)[0], nr.START, {"w0": float(np.float32(-1.8)),
                                              "b0": float(np.float32(0.6))})
    assert (st_["neuron.w0"], st_["neuron.b0"]) == (-1.8, 0.6)


def test_init_map_is_81_by_81(app):
    """Each map is one picture of 81 x 81 cells (blocks of equal pixels), coloured from the
    cached grid as the legend's scale colours it, with hover and click targets over 5 x 5
    blocks centred on every multiple of 0.5 (17 x 17 of them)."""
    s = nr.settings()
    for i, cost in zip(maps(app), ("quadratic", "cross_entropy")):
        data = chart_data(app, i)
        url = data["picture"]["url"][0]
        assert url.startswith("data:image/png;base64,")
        pixels = raster.read_png(base64.b64decode(url.split(",", 1)[1]))
        k = charts.MAP_PIXELS_PER_CELL
        assert pixels.shape == (81 * k, 81 * k, 3)
        cells = pixels[::k, ::k]
        assert (np.repeat(np.repeat(cells, k, 0), k, 1) == pixels).all()  # 81 x 81 blocks
        grid = map_grid(cost, s.eta(cost), s.epochs, s.threshold, s.x, s.y)
        top_first = grid.sort_values(["b0", "w0"], ascending=[False, True])
        needed_ = top_first["epochs_needed"].to_numpy().reshape(81, 81)
        expected = raster.heatmap_rgb(needed_, 0, s.epochs, reverse=True, missing=needed_ < 0)
        assert (cells == expected).all()
        assert len(data["cells"]) == 17 * 17
        assert sorted(set(data["cells"]["w0"].round(2))) == [x / 2 for x in range(-8, 9)]
        assert data["picture"][["w_lo", "w_hi", "b_lo", "b_hi"]].iloc[0].tolist() == \
            pytest.approx([-4.05, 4.05, -4.05, 4.05])


def test_runs_differ_in_more_than_colour(app):
    spec = chart_spec(app, 0)
    encodings = [layer.get("encoding", {}) for layer in spec["layer"]]
    dashes = next(e["strokeDash"]["scale"]["range"] for e in encodings if "strokeDash" in e)
    shapes = next(e["shape"]["scale"]["range"] for e in encodings if "shape" in e)
    assert len({tuple(d) for d in dashes}) == 2 and len(set(shapes)) == 2
    assert spec["config"]["axis"]["labelColor"] == "#4b4f5c"
    legend = html(app)
    assert "Quadratic cost" in legend and "━" in legend
    assert "●" in legend and "■" in legend  # the key shows the markers and dashes too
    map_spec = chart_spec(app, maps(app)[0])
    assert map_spec["config"]["axis"]["labelColor"] == "#4b4f5c"


def test_charts_have_a_text_alternative(app):
    open_expanders(app, "table")
    table = next(e for e in app.expander if e.label == "The charts' numbers, as a table")
    frame = table.dataframe[0].value
    assert list(frame.columns)[:3] == ["Epoch", "Cost", "a"]
    assert frame["Epoch"].max() == 300 and (frame["Epoch"] % 10 == 0).all()
    q = neuron.train(2, 2, cost="quadratic", eta=0.15, epochs=300)
    row = frame[(frame["Cost"] == "Quadratic cost") & (frame["Epoch"] == 150)]
    assert row["a"].iloc[0] == pytest.approx(q.a[150])


@pytest.mark.parametrize("key, value, note", [
    ("x", 0.0, "only the bias learns"),
    ("eta_quadratic", 100.0, "A learning rate this large"),
    ("y", 0.5, "never reaches 0"),
    ("y", 1.0, "already within 0.1 of the target"),
])
def test_unusual_inputs_explained(app, key, value, note):
    app.number_input(key=widget_key(app, f"neuron.{key}")).set_value(value).run()
    assert not app.exception
    assert note in " ".join(x.value for x in [*app.warning, *app.info])


def test_extreme_start_far_outside_the_map(app):
    app.number_input(key=widget_key(app, "neuron.w0")).set_value(50.0).run()
    app.number_input(key=widget_key(app, "neuron.b0")).set_value(-50.0).run()
    app.number_input(key=widget_key(app, "neuron.epochs")).set_value(5000).run()
    assert not app.exception
    reveal(app)  # the maps, and this caption under them, wait for the race's prediction
    assert "outside the mapped square" in " ".join(c.value for c in app.caption)


# ---- Chinese ------------------------------------------------------------------------------------

def test_chinese(app):
    set_language(app, "zh")
    to_the_end(app)
    reveal(app)
    assert app.metric[0].value == "300 轮内未达到"
    assert app.metric[0].label == "达到 |a − y| < 0.1 所需轮数"
    assert app.number_input(key=widget_key(app, "neuron.threshold")).label.startswith("达标线")
    assert app.number_input(key=widget_key(app, "neuron.y")).label == "目标值 y"
    text = " ".join(texts(app))
    assert "均方误差" in text and "学习缓慢" in text
    # Chinese sentences follow each other without spaces.
    assert not any("。 " in x for x in texts(app))


def test_chinese_terms_in_the_strings():
    zh = " ".join(v[1] for k, v in STRINGS.items() if k.startswith("nr."))
    assert "学习减速" not in zh and "最大似然" not in zh
    assert "目标：" not in zh  # the goal threshold is 达标线, the target y is 目标值 y
    assert "目标 y" not in zh


# ---- Shared mechanisms: persistence, links, reset ---------------------------------------------

def _set_everything(at) -> None:
    for key, value in (("w0", 1.5), ("b0", 2.5), ("x", 1.5), ("y", 0.2),
                       ("eta_quadratic", 0.3), ("eta_cross_entropy", 0.05),
                       ("epochs", 400), ("threshold", 0.15)):
        at.number_input(key=widget_key(at, f"neuron.{key}")).set_value(value).run()
    at.checkbox(key=widget_key(at, "neuron.book")).check().run()
    at.slider(key=widget_key(at, "neuron.epoch")).set_value(123).run()
    assert not at.exception


def test_every_input_survives_language_units_and_page_switches(app):
    _set_everything(app)
    before = snapshot(app)
    assert app.session_state["neuron.epoch"] == 123
    set_language(app, "zh")
    assert app.number_input(key=widget_key(app, "neuron.w0")).value == 1.5
    assert app.slider(key=widget_key(app, "neuron.epoch")).value == 123
    set_language(app, "en")
    set_units(app, "nats")
    app.switch_page("pages/lessons/explorer.py").run()
    app.switch_page(PAGE).run()
    assert not app.exception
    assert snapshot(app) == before


def test_link_reopens_the_same_experiment(app):
    _set_everything(app)
    link = link_of(app)
    assert link["epochs"] == "400" and link["epoch"] == "123"
    assert link.get("book") == "1" or link.get("preset") == "book"  # the shorter of the two
    assert "playing" not in link
    fresh = open_link(PAGE, link)
    assert not fresh.exception
    assert snapshot(fresh)[1:] == snapshot(app)[1:]
    # A preset is named in the link instead of its values.
    app.button(key="_preset.neuron.fair").click().run()
    assert link_of(app).get("preset") == "fair"
    fresh = open_link(PAGE, link_of(app))
    assert metric_values(to_the_end(fresh)) == metric_values(to_the_end(app))


def test_reset_returns_every_setting_to_its_default(app):
    _set_everything(app)
    app.button(key="_reset.neuron").click().run()
    for setting in nr.S.settings:
        assert app.session_state[f"neuron.{setting.name}"] == setting.default, setting.name
    assert metric_values(to_the_end(app)) == ["not within 300", "0.203", "50", "0.0120"]


def test_bad_link_values_are_reported_not_raised():
    at = open_link(PAGE, {"w0": "abc", "epochs": "99999"})
    assert not at.exception
    assert at.session_state["neuron.w0"] == 2.0 and at.session_state["neuron.epochs"] == 300
    assert at.warning  # the link's problems are shown


@pytest.mark.parametrize("key, value, cost, check", [
    ("b0", -1.0, "quadratic", lambda f: f.a[300]),
    ("y", 1.0, "cross_entropy", lambda f: f.a[300]),
    ("eta_cross_entropy", 0.4, "cross_entropy", lambda f: f.a[300]),
])
def test_each_number_control_retrains(app, key, value, cost, check):
    app.number_input(key=widget_key(app, f"neuron.{key}")).set_value(value).run()
    args = {"w0": 2.0, "b0": 2.0, "y": 0.0, "eta": 0.15, key.replace("eta_cross_entropy", "eta"):
            value}
    frame = neuron.train(args["w0"], args["b0"], cost=cost, eta=args["eta"], epochs=300,
                         y=args["y"])
    index = 1 if cost == "quadratic" else 3
    assert metric_values(to_the_end(app))[index] == fmt_value(check(frame))


# ---- Speed (issue 12): built once, the same page ---------------------------------------------

def test_view_is_built_once_per_experiment_and_language(app, monkeypatch):
    trained, train = [], neuron.train
    monkeypatch.setattr(neuron, "train", lambda *a, **k: trained.append(k["cost"]) or
                        train(*a, **k))
    app.run()
    app.slider(key=widget_key(app, "neuron.epoch")).set_value(40).run()
    set_language(app, "zh")
    set_language(app, "en")
    app.button(key="_preset.neuron.wrong").click().run()  # the default experiment again
    assert not app.exception
    assert len(trained) <= 2  # at most the Chinese view was new (one training per cost)


def test_chart_data_is_what_lib_charts_makes(app):
    """The cached bytes carry exactly the columns lib.charts_neuron builds."""
    app.slider(key=widget_key(app, "neuron.epoch")).set_value(37).run()
    # The expander's three are not drawn yet, and the maps wait for the race's prediction.
    assert len(app.get("vega_lite_chart")) == 3
    open_expanders(app, "charts")
    assert len(app.get("vega_lite_chart")) == 6
    s = nr.settings()
    frames = {c: neuron.train(s.w0, s.b0, cost=c, eta=s.eta(c), epochs=s.epochs, x=s.x, y=s.y)
              for c in s.runs}
    long = charts.thin(pd.concat([f.assign(run=STRINGS[f"nw.run.{c}"][0],
                                           sigma_prime=costs.sigmoid_prime(f["z"].to_numpy()),
                                           grad_b_abs=f["dC_db"].abs())
                                  for c, f in frames.items()], ignore_index=True))
    panels = [p[0] for p in nr.PANELS + nr.EXTRA_PANELS]
    for i, (field, log) in enumerate(zip(panels, [p[3] for p in nr.PANELS + nr.EXTRA_PANELS])):
        data = chart_data(app, i)
        expected = pd.DataFrame(charts_neuron.race_lines(long, field, log_scale=log))
        pd.testing.assert_frame_equal(data["lines"], expected)
        if i in RACE:
            assert data["rule"].to_dict("list") == {"now": [37.0], "k": ["now"]}
            targets = pd.DataFrame(charts_neuron.race_targets(300))
            pd.testing.assert_frame_equal(data["targets"], targets)
    grid = map_grid("quadratic", 0.15, 300, 0.1, 1.0, 0.0)
    text = nr.map_panel("quadratic", 0.15, 300, 0.1, 1.0, 0.0, "en").text
    expected = charts.init_map_data(grid, (2.0, 2.0), text, 300)
    data = chart_data(app, maps(app)[0])
    pd.testing.assert_frame_equal(data["here"], expected["here"])
    pd.testing.assert_frame_equal(data["picture"], expected["picture"])
    # Hover targets go as 32-bit numbers without the index: the same cells.
    pd.testing.assert_frame_equal(data["cells"], expected["cells"].reset_index(drop=True),
                                  check_dtype=False, atol=1e-6, rtol=0)


def test_page_text_and_formulas_unchanged_by_merging(app):
    """Passages sent as one Markdown block keep every formula as display math, exactly as
    st.latex would send it."""
    assert fmt.math_block("a = 1") == "$$\na = 1\n$$"
    open_expanders(app, "derivation")
    step = next(e for e in app.expander if e.label.startswith("Step by step"))
    body = step.markdown[0].value
    assert body.startswith(STRINGS["nr.teach.s1"][0])
    assert body.count("$$") == 2 * 6 and STRINGS["nr.teach.s6"][0] in body
