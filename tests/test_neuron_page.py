"""AppTest of the learning-slowdown page: presets as whole experiments, run-describing sentences
computed from the run, arithmetic that adds up, controls, play, map, extremes, Chinese."""

import base64
import re
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from lib import charts, costs, neuron, raster
from lib.neuron import epochs_to_reach
from tests.conftest import (link_of, open_link, open_page, set_language, set_units,
                            widget_key)
from ui import fmt
from ui import neuron as nr
from ui.strings import STRINGS


@pytest.fixture
def app():
    return open_page("pages/lessons/neuron.py")


def metric_values(at) -> list[str]:
    return [m.value for m in at.metric]


def texts(at) -> list[str]:
    return [x.value for x in [*at.markdown, *at.caption, *at.warning, *at.info, *at.latex]]


def formulas(at) -> str:
    """Every formula shown: st.latex elements and display math inside Markdown blocks (the
    page sends a passage's text and its formulas as one block)."""
    return " ".join(x.value for x in [*at.latex, *at.markdown])


def snapshot(at) -> tuple:
    """Everything a reader sees that depends on the experiment."""
    controls = {k: at.session_state[f"neuron.{k}"] for k in nr.CONTROLS}
    return controls, metric_values(at), texts(at)


def needed(w0, b0, cost, eta, threshold=0.1, epochs=300):
    n = int(epochs_to_reach(w0, b0, cost=cost, eta=eta, epochs=epochs, threshold=threshold))
    return str(n) if n >= 0 else f"not within {epochs}"


def map_grid(cost, eta, epochs, threshold, x, y) -> pd.DataFrame:
    """Epochs to the goal from every start of the page's map grid, straight from lib."""
    w0, b0 = np.meshgrid(nr.MAP_AXIS, nr.MAP_AXIS)
    needed = epochs_to_reach(w0, b0, cost=cost, eta=eta, epochs=epochs, threshold=threshold,
                             x=x, y=y)
    return pd.DataFrame({"w0": w0.ravel(), "b0": b0.ravel(), "epochs_needed": needed.ravel()})


def run_sentences(at) -> dict[str, str]:
    """The sentences describing the run: the race, the rates, the speed change, the map."""
    md = [m.value for m in at.markdown]
    out = {"race": next(m for m in md if "reach" in m and "goal |a − y|" in m
                        and "How the speed" not in m and "of starts" not in m
                        and "every start" not in m and "no start" not in m),
           "speed": next(m for m in md if m.startswith("**How the speed changes.**")),
           "map": next(m for m in md if m.startswith("- **Quadratic cost** (η =")),
           "rates": next(x.value for x in [*at.warning, *at.caption]
                         if "learning rates" in x.value or "Both costs run at" in x.value),
           "sigma": next(c.value for c in at.caption if c.value.startswith("At this run's start"))}
    return out


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
        fresh = open_page("pages/lessons/neuron.py") if alone else app
        fresh.button(key=f"_preset.neuron.{name}").click().run()
        alone[name] = snapshot(fresh)
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
            assert snapshot(at) == alone[name], (before, name)
    assert not at.exception


def test_book_preset_after_badly_wrong_start_keeps_the_lesson(app):
    app.button(key="_preset.neuron.wrong").click().run()
    app.button(key="_preset.neuron.book").click().run()
    values = metric_values(app)
    # Quadratic 0.15 vs cross-entropy 0.005 (BRIEF §4) and the book demo's rule (0.048).
    assert values == ["not within 300", "0.9820", "0.2028", "not within 300", "0.9820",
                      "0.7796", "227", "0.9820", "0.0479"]
    s = run_sentences(app)
    # The rates differ, and the page says so next to the outcome.
    assert "0.005 for cross-entropy (30 times smaller)" in s["rates"]
    assert any(s["rates"] == w.value for w in app.warning)
    # While most wrong, cross-entropy at a 30 times smaller rate still steps faster.
    assert "cross-entropy's update |Δb| = η |∂C/∂b| is 0.00491, 1.89 times the quadratic" \
        in s["speed"]
    assert "This is Nielsen's point" in s["speed"]
    assert "The book demo's rule reaches it at epoch 227" in s["race"]


def test_fair_race_preset(app):
    app.button(key="_preset.neuron.fair").click().run()
    st_ = app.session_state
    assert (st_["neuron.eta_quadratic"], st_["neuron.eta_cross_entropy"]) == (0.15, 0.025)
    assert 0.15 / 6 == pytest.approx(0.025)
    values = metric_values(app)
    assert values[0] == needed(2, 2, "quadratic", 0.15, epochs=500) == "469"
    assert values[3] == needed(2, 2, "cross_entropy", 0.025, epochs=500) == "303"
    s = run_sentences(app)
    assert s["race"].startswith("Cross-entropy reaches the goal |a − y| < 0.1 first, at epoch 303")
    assert "(6 times smaller)" in s["rates"]


def test_default_is_the_badly_wrong_start(app):
    # Quadratic: never within 300 epochs, ends at 0.2028; cross-entropy: 50 epochs, 0.0120.
    assert metric_values(app) == ["not within 300", "0.9820", "0.2028",
                                   "50", "0.9820", "0.0120"]
    assert not app.exception


def test_normal_start_preset(app):
    app.button(key="_preset.neuron.normal").click().run()
    assert app.session_state["neuron.w0"] == 0.6 and app.session_state["neuron.b0"] == 0.9
    values = metric_values(app)
    assert values[0] == needed(0.6, 0.9, "quadratic", 0.15) == "273"
    assert values[1:3] == ["0.8176", "0.0940"]
    assert values[3] == needed(0.6, 0.9, "cross_entropy", 0.15) == "41"  # BRIEF §8
    assert values[5] == "0.0116"


# ---- The lesson, and sentences computed from the run -------------------------------------------

@pytest.mark.parametrize("w0, b0", [(2.0, 2.0), (3.0, 1.0), (1.0, 4.0), (-1.0, 4.0)])
@pytest.mark.parametrize("eta", [0.05, 0.15, 0.6])
def test_badly_wrong_start_equal_rates_cross_entropy_first(w0, b0, eta):
    assert 1 / (1 + np.exp(-(w0 + b0))) > 0.95  # badly wrong: y = 0, a near 1
    q = int(epochs_to_reach(w0, b0, cost="quadratic", eta=eta, epochs=3000))
    ce = int(epochs_to_reach(w0, b0, cost="cross_entropy", eta=eta, epochs=3000))
    assert 0 < ce and (q == -1 or ce < q)


def test_badly_wrong_start_equal_rates_on_the_page(app):
    s = run_sentences(app)
    assert s["race"] == ("Only cross-entropy reaches the goal |a − y| < 0.1 within 300 epochs "
                         "(at epoch 50); the quadratic cost ends at a = 0.2028.")
    assert s["rates"].startswith("Both costs run at η = 0.15.")
    assert "is 8.54 times its first" in s["speed"] and "fastest when most wrong" in s["speed"]


def test_run_sentences_flip_when_the_outcome_flips(app):
    # Normal start, equal rates: cross-entropy first (41 vs 273).
    app.button(key="_preset.neuron.normal").click().run()
    before = run_sentences(app)
    assert before["race"].startswith("Cross-entropy reaches the goal")
    # A 30 times smaller cross-entropy rate reverses the outcome: the quadratic cost first.
    app.number_input(key=widget_key(app, "neuron.eta_cross_entropy")).set_value(0.005).run()
    after = run_sentences(app)
    assert after["race"].startswith("Only the quadratic cost reaches the goal")
    for name in ("race", "rates", "speed", "map"):
        assert before[name] != after[name], name
    assert "Cross-entropy reaches the goal from more starts." in before["map"]
    assert "Quadratic cost reaches the goal from more starts." in after["map"]
    # And back: with the same rates again the outcome and every sentence return.
    app.number_input(key=widget_key(app, "neuron.eta_cross_entropy")).set_value(0.15).run()
    assert run_sentences(app) == before


def test_speed_sentence_without_a_slowdown(app):
    # Start at z = 0 (a = 1/2, σ′ = 1/4, its maximum): the quadratic cost has nothing to recover
    # from, so its first step is its largest and the page must not claim a slowdown.
    app.number_input(key=widget_key(app, "neuron.w0")).set_value(0.0).run()
    app.number_input(key=widget_key(app, "neuron.b0")).set_value(0.0).run()
    s = run_sentences(app)
    assert "The quadratic cost's first update was its largest" in s["speed"]
    assert "shows no slowdown in this run" in s["speed"]
    assert "σ′(z) = 0.25 at the start" in s["speed"]
    assert "Nielsen's point" not in s["speed"]
    assert s["sigma"].startswith("At this run's start a = 0.5000 and σ′(z) = 0.25")


def test_map_caption_tells_what_the_maps_show(app):
    s = run_sentences(app)
    w0, b0 = np.meshgrid(nr.MAP_AXIS, nr.MAP_AXIS)
    q = epochs_to_reach(w0, b0, cost="quadratic", eta=0.15, epochs=300)
    summary = neuron.map_summary(w0, b0, q)
    assert (f"{summary.share:.0%} of starts reach the goal (median "
            f"{summary.median_epochs:.3g} epochs)") in s["map"]
    assert f"|a − y| ≥ {summary.miss_min_error:.2f}" in s["map"]
    assert "confidently wrong" in s["map"]
    assert "**Cross-entropy** (η = 0.15): every start reaches the goal within 300 epochs" \
        in s["map"]


def test_good_start_limit_is_computed(app):
    limits = next(m.value for m in app.markdown if m.value.startswith("What cross-entropy"))
    q = needed(0.6, 0.9, "quadratic", 0.15)
    ce = needed(0.6, 0.9, "cross_entropy", 0.15)
    fair = needed(0.6, 0.9, "cross_entropy", 0.025)
    assert f"in {ce} epochs against the quadratic cost's {q}" in limits
    assert f"η = 0.025 it needs {fair}, against {q}" in limits
    assert "behave similarly" not in limits


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
            # The result is the true gradient to the digits shown.
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
            m = re.search(r"= \(([\d.]+) - ([\d.]+)\) \\times ([\d.]+) \\\\ &= ([\d.]+)", latex)
            assert m, latex
            a, y, sp, g = (Decimal(v) for v in m.groups())
            digits = len(g.as_tuple().digits)
            assert Decimal(f"{(a - y) * sp:.{digits - 1}e}") == g, (name, epoch, m.groups())
            # The card shows the same σ′(z) as the formula.
            assert f"σ′(z) = {m.group(3)}" in " ".join(x.value for x in app.markdown)
            m = re.search(r"&= ([\d.]+) - ([\d.]+) = ([\d.]+)", latex)
            assert Decimal(m.group(1)) - Decimal(m.group(2)) == Decimal(m.group(3))


def test_gradient_formulas_show_current_numbers(app):
    latex = formulas(app)
    assert r"(0.98201 - 0) \times 0.017663 \\ &= 0.01735" in latex
    assert r"0.9820 - 0 = 0.9820" in latex
    app.slider(key=widget_key(app, "neuron.epoch")).set_value(150).run()
    cards = " ".join(m.value for m in app.markdown)
    assert "epoch 150" in cards and "a = 0.9334" in cards and "a = 0.0257" in cards


# ---- Teaching ---------------------------------------------------------------------------------

def test_z_defined_first_and_sigma_prime_derived(app):
    intro = app.markdown[0].value
    assert "z = w x + b" in intro and intro.index("z = w x + b") < intro.index("σ(z)")
    assert app.expander[0].label.startswith("Step by step")
    latex = formulas(app)
    assert r"\frac{e^{-z}}{\left(1+e^{-z}\right)^{2}}" in latex
    assert r"\sigma(z)\,\bigl(1-\sigma(z)\bigr) = a(1-a)" in latex
    assert r"\frac{a-y}{a(1-a)}\cdot a(1-a) \\ &= a-y" in latex


def test_learning_rate_note_credits_the_book_correctly(app):
    note = next(c.value for c in app.caption if c.value.startswith("Learning rates"))
    assert "chose η = 0.005 for its cross-entropy demos by experiment" in note
    assert "η = 3.0 against cross-entropy η = 0.5" in note
    assert "0.15 / 6 = 0.025" in note


# ---- Controls, play, map, extremes -------------------------------------------------------------

def test_book_demo_checkbox(app):
    app.checkbox(key=widget_key(app, "neuron.book")).check().run()
    values = metric_values(app)
    assert len(values) == 9 and values[-3] == needed(2, 2, "book_demo", 0.15)
    assert "Book demo's rule" in " ".join(m.value for m in app.markdown)


def test_threshold_and_controls(app):
    app.number_input(key=widget_key(app, "neuron.threshold")).set_value(0.25).run()
    assert metric_values(app)[0] == needed(2.0, 2.0, "quadratic", 0.15, threshold=0.25)
    app.number_input(key=widget_key(app, "neuron.eta_quadratic")).set_value(0.6).run()
    assert metric_values(app)[0] == needed(2.0, 2.0, "quadratic", 0.6, threshold=0.25)
    app.number_input(key=widget_key(app, "neuron.epochs")).set_value(1000).run()
    assert metric_values(app)[2] != "0.2028"
    assert app.slider(key=widget_key(app, "neuron.epoch")).max == 1000
    app.number_input(key=widget_key(app, "neuron.x")).set_value(2.0).run()
    frame = neuron.train(2, 2, cost="quadratic", eta=0.6, epochs=1000, x=2.0)
    assert metric_values(app)[1] == f"{frame.a[0]:.4f}"


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
    assert not app.exception


def test_init_map_is_81_by_81(app):
    """Each map is one picture of 81 x 81 cells (blocks of equal pixels), coloured from the
    cached grid as the legend's scale colours it, with hover targets over 3 x 3 blocks."""
    maps = []
    for chart in app.get("vega_lite_chart"):
        data = {d.name: convert_arrow_bytes_to_pandas_df(d.data.data) for d in chart.proto.datasets}
        if "picture" in data:
            maps.append(data)
    assert len(maps) == 2
    s = nr.settings()
    for data, cost in zip(maps, ("quadratic", "cross_entropy")):
        url = data["picture"]["url"][0]
        assert url.startswith("data:image/png;base64,")
        pixels = raster.read_png(base64.b64decode(url.split(",", 1)[1]))
        k = charts.MAP_PIXELS_PER_CELL
        assert pixels.shape == (81 * k, 81 * k, 3)
        cells = pixels[::k, ::k]
        assert (np.repeat(np.repeat(cells, k, 0), k, 1) == pixels).all()  # 81 x 81 blocks
        grid = map_grid(cost, s.eta(cost), s.epochs, s.threshold, s.x, s.y)
        top_first = grid.sort_values(["b0", "w0"], ascending=[False, True])
        needed = top_first["epochs_needed"].to_numpy().reshape(81, 81)
        expected = raster.heatmap_rgb(needed, 0, s.epochs, reverse=True, missing=needed < 0)
        assert (cells == expected).all()
        assert len(data["cells"]) == 27 * 27
        assert data["picture"][["w_lo", "w_hi", "b_lo", "b_hi"]].iloc[0].tolist() == \
            pytest.approx([-4.05, 4.05, -4.05, 4.05])


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
    assert "outside the mapped square" in " ".join(c.value for c in app.caption)


# ---- Chinese ------------------------------------------------------------------------------------

def test_chinese(app):
    set_language(app, "zh")
    assert app.metric[0].value == "300 轮内未达到"
    assert app.metric[0].label == "达到 |a − y| < 0.1 所需轮数"
    assert app.number_input(key=widget_key(app, "neuron.threshold")).label.startswith("达标线")
    assert app.number_input(key=widget_key(app, "neuron.y")).label == "目标值 y"
    text = " ".join(texts(app))
    assert "二次代价（均方误差）" in text and "学习缓慢" in text
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
    app.switch_page("pages/lessons/neuron.py").run()
    assert not app.exception
    assert snapshot(app) == before


def test_link_reopens_the_same_experiment(app):
    _set_everything(app)
    link = link_of(app)
    assert link["epochs"] == "400" and link["epoch"] == "123"
    assert link.get("book") == "1" or link.get("preset") == "book"  # the shorter of the two
    assert "playing" not in link
    fresh = open_link("pages/lessons/neuron.py", link)
    assert not fresh.exception
    assert snapshot(fresh)[1:] == snapshot(app)[1:]
    # A preset is named in the link instead of its values.
    app.button(key="_preset.neuron.fair").click().run()
    assert link_of(app).get("preset") == "fair"
    fresh = open_link("pages/lessons/neuron.py", link_of(app))
    assert metric_values(fresh) == metric_values(app)


def test_reset_returns_every_setting_to_its_default(app):
    _set_everything(app)
    app.button(key="_reset.neuron").click().run()
    for setting in nr.S.settings:
        assert app.session_state[f"neuron.{setting.name}"] == setting.default, setting.name
    assert metric_values(app) == ["not within 300", "0.9820", "0.2028", "50", "0.9820", "0.0120"]


def test_bad_link_values_are_reported_not_raised():
    at = open_link("pages/lessons/neuron.py", {"w0": "abc", "epochs": "99999"})
    assert not at.exception
    assert at.session_state["neuron.w0"] == 2.0 and at.session_state["neuron.epochs"] == 300
    assert at.warning  # the link's problems are shown


@pytest.mark.parametrize("key, value, cost, check", [
    ("b0", -1.0, "quadratic", lambda f: f.a[0]),
    ("y", 1.0, "cross_entropy", lambda f: f.a[300]),
    ("eta_cross_entropy", 0.4, "cross_entropy", lambda f: f.a[300]),
])
def test_each_number_control_retrains(app, key, value, cost, check):
    app.number_input(key=widget_key(app, f"neuron.{key}")).set_value(value).run()
    args = {"w0": 2.0, "b0": 2.0, "y": 0.0, "eta": 0.15, key.replace("eta_cross_entropy", "eta"):
            value}
    frame = neuron.train(args["w0"], args["b0"], cost=cost, eta=args["eta"], epochs=300,
                         y=args["y"])
    index = 1 if cost == "quadratic" else 5
    assert metric_values(app)[index] == f"{check(frame):.4f}"


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
    """The cached bytes carry exactly the frames lib.charts builds (and Streamlit would send)."""
    app.slider(key=widget_key(app, "neuron.epoch")).set_value(37).run()
    s = nr.settings()
    datasets = [{d.name: convert_arrow_bytes_to_pandas_df(d.data.data) for d in c.proto.datasets}
                for c in app.get("vega_lite_chart")]
    frames = {c: neuron.train(s.w0, s.b0, cost=c, eta=s.eta(c), epochs=s.epochs, x=s.x, y=s.y)
              for c in s.runs}
    long = charts.thin(pd.concat([f.assign(run=STRINGS[f"nw.run.{c}"][0],
                                           sigma_prime=costs.sigmoid_prime(f["z"].to_numpy()),
                                           grad_b_abs=f["dC_db"].abs())
                                  for c, f in frames.items()], ignore_index=True))
    for data, (field, _, _, log) in zip(datasets, nr.PANELS):
        expected = charts.training_chart_data(long, field, 37, log_scale=log)
        # The same cells; the chart's data travels without the frame's index (Vega has none).
        pd.testing.assert_frame_equal(data["lines"], expected["lines"].reset_index(drop=True))
        pd.testing.assert_frame_equal(data["rule"], expected["rule"].reset_index(drop=True))
    grid = map_grid("quadratic", 0.15, 300, 0.1, 1.0, 0.0)
    text = nr.map_panel("quadratic", 0.15, 300, 0.1, 1.0, 0.0, "en").text
    expected = charts.init_map_data(grid, (2.0, 2.0), text, 300)
    pd.testing.assert_frame_equal(datasets[6]["here"], expected["here"])
    pd.testing.assert_frame_equal(datasets[6]["picture"], expected["picture"])
    # Hover targets go as 32-bit numbers without the index: the same cells.
    pd.testing.assert_frame_equal(datasets[6]["cells"], expected["cells"].reset_index(drop=True),
                                  check_dtype=False, atol=1e-6, rtol=0)


def test_page_text_and_formulas_unchanged_by_merging(app):
    """Passages sent as one Markdown block keep every formula as display math, exactly as
    st.latex would send it."""
    assert fmt.math_block("a = 1") == "$$\na = 1\n$$"
    body = next(m.value for m in app.markdown if m.value.startswith(STRINGS["nr.teach.s1"][0]))
    assert body.count("$$") == 2 * 6 and STRINGS["nr.teach.s6"][0] in body
