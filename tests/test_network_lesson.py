"""lib.network_lesson and lib.digit_grid: the lesson of a run (each case, and the rule the
checkpoints use), the misread digits against a brute-force count and the run's own accuracy,
the seed spread trained again, what the results say of a real run (each sentence's case and
numbers), and digits tiled into one picture."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import digit_grid, digits, fmt, network_runs
from lib import network_lesson as story
from lib.cases import Case
from lib.charts_network import SHADES
from lib.network import Comparison, FinishedRun, gradient_summary, train
from lib.network_runs import COSTS, Config
from lib.problems import ProblemError

accuracies = st.lists(st.integers(0, 20).map(lambda k: k / 20), min_size=1, max_size=6)


@given(accuracies, accuracies)
def test_lesson_cases_cover_every_run(q, ce):
    s = story.lesson(q, ce)
    n = min(len(q), len(ce))
    assert s.final.epoch == n and s.first.epoch == 1
    assert s.first.points == pytest.approx(100 * (ce[0] - q[0]))
    if n == 1:
        assert s.carrier == "one_epoch"
    elif s.first.ahead != "cross_entropy":
        assert s.carrier == "neither" and ce[0] <= q[0]
    elif s.carrier == "first":
        assert s.final.points < s.first.points
    else:
        assert s.carrier == "both" and s.final.points >= s.first.points - 1e-9
    swapped = story.lesson(ce, q)  # the same run with the costs' roles swapped
    assert {s.first.ahead, swapped.first.ahead} in ({"level"}, {"quadratic", "cross_entropy"})


def test_lesson_cases():
    assert story.lesson([0.5185, 0.9764], [0.8552, 0.9663]).carrier == "first"
    assert story.lesson([0.5, 0.9], [0.8, 0.95]).carrier == "first"   # lead shrinks, still ahead
    assert story.lesson([0.5, 0.6], [0.6, 0.9]).carrier == "both"     # lead grows
    assert story.lesson([0.5, 0.8], [0.6, 0.9]).carrier == "both"     # lead holds
    assert story.lesson([0.8, 0.9], [0.7, 0.95]).carrier == "neither"  # behind after epoch 1
    assert story.lesson([0.8, 0.9], [0.8, 0.95]).carrier == "neither"  # level after epoch 1
    assert story.lesson([0.6], [0.9]).carrier == "one_epoch"
    level = story.lesson([0.1 + 0.2], [0.3])  # 0.30000000000000004 against 0.3: level
    assert level.first.ahead == "level"
    with pytest.raises(ProblemError) as err:
        story.lesson([], [0.5])
    assert err.value.problems[0].code == "no_rows"


@pytest.fixture(scope="module")
def run():
    """A small run of both costs on the bundled digits, with its final outputs."""
    d = digits.bundled()
    work = Comparison(d.X_train, d.y_train, d.X_test, d.y_test,
                      costs=("quadratic", "cross_entropy"), sizes=(64, 15, 10),
                      etas={"quadratic": 3.0, "cross_entropy": 0.5}, batch_size=10, seed=7,
                      epochs=3, init="large")
    for _ in range(work.steps):
        work.step()
    return work.finish()


def test_mistakes_against_brute_force_and_the_runs_accuracy(run):
    rows, outputs = run
    found = {}
    for cost, out in outputs.items():
        m = story.mistakes(out.test_z, out.test_y)
        brute = [i for i, (z, y) in enumerate(zip(out.test_z, out.test_y))
                 if max(range(10), key=lambda k: (z[k], -k)) != y]  # first largest z
        assert m.index.tolist() == brute and m.images == 297
        assert m.count == round(297 * (1 - rows[cost][-1]["test_accuracy"]))
        assert (m.true == out.test_y[m.index]).all() and (m.predicted != m.true).all()
        assert not m.index.flags.writeable and not m.predicted.flags.writeable
        found[cost] = set(brute)
    both = story.both_wrong(*(story.mistakes(o.test_z, o.test_y) for o in outputs.values()))
    assert set(both.tolist()) == found["quadratic"] & found["cross_entropy"]


def test_mistakes_bad_input():
    with pytest.raises(ProblemError) as err:
        story.mistakes(np.zeros((3, 10)), [1, 2])
    assert err.value.problems[0].code == "length"
    m = story.mistakes(np.zeros((0, 10)), np.zeros(0, dtype=int))
    assert m.count == 0 and m.images == 0
    with pytest.raises(ProblemError):
        story.both_wrong(story.mistakes(np.eye(2), [0, 0]), story.mistakes(np.eye(3), [0, 1, 2]))


def test_seed_runs_are_measured():
    """SEED_RUNS (the numbers the page states) trained again: the page's default settings on the
    bundled digits, seeds 1 to 10, test images right after the first and the last epoch."""
    d = digits.bundled()
    assert len(d.y_test) == story.SEED_TEST_IMAGES
    for seed, expected in story.SEED_RUNS.items():
        got = []
        for cost, eta in (("quadratic", 3.0), ("cross_entropy", 0.5)):
            frame = train(d.X_train, d.y_train, d.X_test, d.y_test, cost=cost, sizes=(64, 30, 10),
                          eta=eta, epochs=30, batch_size=10, seed=seed, init="large")
            right = frame["test_accuracy"].to_numpy() * len(d.y_test)
            assert np.allclose(right, np.round(right))
            got += [int(round(right[0])), int(round(right[-1]))]
        assert tuple(got) == expected, seed


def test_seed_spread_of_the_measured_runs():
    s = story.seed_spread()
    assert s.seeds == (1, 10) and s.runs == 10
    assert s.final["quadratic"] == pytest.approx((100 * 266 / 297, 100 * 291 / 297))
    assert s.final["cross_entropy"] == pytest.approx((100 * 286 / 297, 100 * 293 / 297))
    assert s.ends_ahead == {"quadratic": 5, "cross_entropy": 4, "level": 1}
    assert s.first_ahead == 10
    assert s.first_lead == pytest.approx((100 * 34 / 297, 100 * 128 / 297))
    with pytest.raises(ProblemError):
        story.seed_spread({})


# ---- digit_grid -------------------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(st.integers(1, 5), st.integers(1, 23), st.integers(1, 7), st.integers(0, 2))
def test_tile_places_every_image(side, n, columns, gap):
    rng = np.random.default_rng(side * 100 + n)
    images = rng.random((n, side * side))
    out = digit_grid.tile(images, side, columns, gap=gap, gap_ink=0.5)
    used = min(columns, n)
    rows = -(-n // used)
    assert out.shape == (rows * side + (rows + 1) * gap, used * side + (used + 1) * gap)
    for i, image in enumerate(images):  # brute force: each tile where the formula puts it
        r, c = divmod(i, used)
        top, left = gap + r * (side + gap), gap + c * (side + gap)
        np.testing.assert_array_equal(out[top:top + side, left:left + side],
                                      image.reshape(side, side))
    if gap:
        assert (out[0] == 0.5).all() and (out[:, 0] == 0.5).all()


def test_upscale_is_nearest_neighbour_like_kron():
    image = np.arange(12, dtype=np.uint8).reshape(3, 4)
    for factor in (1, 2, 5):
        np.testing.assert_array_equal(digit_grid.upscale(image, factor),
                                      np.kron(image, np.ones((factor, factor), dtype=np.uint8)))


def test_examples_and_the_picture():
    y = np.array([3, 1, 1, 0, 3, 2])
    index = digit_grid.examples(y, per_class=2, classes=5)
    assert index.tolist() == [[3, 1, 5, 0, -1], [-1, 2, -1, 4, -1]]
    X = np.linspace(0, 1, 6 * 4).reshape(6, 4)
    picture = digit_grid.picture(X, index, side=2, columns=5, factor=3, gap=2)
    assert picture.dtype == np.uint8 and not picture.flags.writeable
    assert picture.shape == (2 * 6 + 3 * 2, 5 * 6 + 6 * 2)  # tiles scaled, gaps not
    tile = picture[2:8, 10:16]  # row 0, column 1: image 1, each pixel a 3 × 3 block
    np.testing.assert_array_equal(tile, digit_grid.upscale(
        digit_grid.grey(X[1].reshape(2, 2)), 3))
    assert (picture[2:8, 8:10] == digit_grid.grey(digit_grid.GAP_INK)).all()  # a gap line
    blank = picture[10:16, 2:8]  # row 1, column 0: class 0 has one image
    assert (blank == 255).all()


def test_grid_bad_input():
    for call, code in ((lambda: digit_grid.tile(np.zeros((2, 5)), 2, 2), "length"),
                       (lambda: digit_grid.tile(np.zeros((2, 4)), 0, 2), "not_positive"),
                       (lambda: digit_grid.upscale(np.zeros((2, 2)), 1.5), "not_integer"),
                       (lambda: digit_grid.picture(np.zeros((2, 4)), [2], 2, 1), "length"),
                       (lambda: digit_grid.picture(np.zeros((2, 9)), [0], 2, 1), "length"),
                       (lambda: digit_grid.examples([0], per_class=0), "not_positive")):
        with pytest.raises(ProblemError) as err:
            call()
        assert err.value.problems[0].code == code
    assert digit_grid.tile(np.zeros((0, 4)), 2, 3).shape == (0, 0)


def test_fit_factor():
    for side, columns in ((8, 10), (28, 10), (8, 6), (28, 6)):
        f = digit_grid.fit_factor(side, columns)
        lines = (columns + 1) * digit_grid.GAP
        assert f * columns * side + lines <= digit_grid.PHONE_WIDTH or f == 1
        assert (f + 1) * columns * side + lines > digit_grid.PHONE_WIDTH


# ---- When the results may be shown (issue 19) -------------------------------------------------

flags = st.lists(st.booleans(), min_size=1, max_size=4)


@given(flags, st.data(), st.booleans(), st.booleans())
def test_results_case_is_the_rule(answered, data, skipped, teaching):
    """Brute force: outside the presentation view the results show iff the reader skipped or
    every checkpoint has a prediction (now or before); in it, iff every one was revealed."""
    before = data.draw(st.lists(st.booleans(), min_size=len(answered), max_size=len(answered)))
    case = story.results_case(answered, before, skipped, teaching)
    if teaching:
        assert case == ("shown" if all(answered) else "reveal")
    else:
        every = all(a or b for a, b in zip(answered, before))
        assert case == ("shown" if skipped or every else "predict")
    # More answers never hide the results.
    assert story.results_case([True] * len(answered), before, skipped, teaching) == "shown"


def test_results_case_cases_and_bad_input():
    assert story.results_case([False, False], [False, False], False, False) == "predict"
    assert story.results_case([True, False], [False, False], False, False) == "predict"
    assert story.results_case([True, True], [False, False], False, False) == "shown"
    assert story.results_case([False, False], [True, True], False, True) == "reveal"
    assert story.results_case([False, False], [False, False], True, True) == "reveal"
    with pytest.raises(ProblemError) as err:
        story.results_case([True], [True, False], False, False)
    assert err.value.problems[0].code == "length"


@pytest.mark.parametrize("count", [0, 1, 5, 6, 7, 12, 20])
def test_misread_view_against_a_brute_force_layout(count):
    """The first twelve misread images, six to a row (fewer when there are fewer), each row's
    pairs as true→predicted, all at the scale six tiles fit 358 pixels."""
    data = digits.bundled()
    n = 40
    y = data.y_test[:n]
    z = np.eye(10)[y]
    wrong = np.arange(count) * 2  # every other image misread, as the next class
    z[wrong] = np.eye(10)[(y[wrong] + 1) % 10]
    m = story.mistakes(z, y)
    picture, rows = story.misread_view(data.X_test[:n], m, 8, 358)
    if not count:
        assert picture is None and rows == ()
        return
    shown = wrong[:12]
    columns = min(count, 6)
    expected = [" · ".join(f"{y[i]}→{(y[i] + 1) % 10}" for i in shown[k:k + columns])
                for k in range(0, len(shown), columns)]
    assert list(rows) == expected
    factor = digit_grid.fit_factor(8, 6, 358)
    np.testing.assert_array_equal(picture, digit_grid.picture(data.X_test[:n], shown, 8, columns,
                                                              factor))
    assert picture.shape[1] <= 358 and not picture.flags.writeable


@given(st.floats(-50, 50), st.floats(-50, 50), st.floats(0, 100), st.floats(0, 100))
def test_limit_cases_follow_the_comparisons(large, normal, quad, ce):
    bigger, more = story.limit_cases({"large": large, "normal": normal},
                                     {"quadratic": quad, "cross_entropy": ce})
    assert bigger.name == ("limit2.bigger" if large > normal else "limit2.not_bigger")
    assert more.name == ("limit3.more" if ce > quad else "limit3.not_more")
    assert bigger.numbers == {"large": fmt.short(large), "normal": fmt.short(normal)}
    assert more.numbers == {"ce": fmt.short(ce), "quad": fmt.short(quad)}
    assert story.limit_cases(None, {"quadratic": quad, "cross_entropy": ce}) == (None, more)
    # Swapping the two sides turns a strict verdict.
    if large != normal:
        assert story.limit_cases({"large": normal, "normal": large},
                                 {"quadratic": quad, "cross_entropy": ce})[0].name != bigger.name


# ---- What the results say ---------------------------------------------------------------------

def test_lesson_case_of_the_default_run():
    """Seed 1 of the default run (SEED_RUNS): the sentence the page opens with, in parts."""
    q0, q1, c0, c1 = (k / 297 for k in story.SEED_RUNS[1])
    case = story.lesson_case(story.lesson([q0, q1], [c0, c1]))
    first, final = case.numbers["first"], case.numbers["final"]
    assert case.name == "lesson"
    assert case.numbers["carrier"] == Case("lesson.carrier.first.quadratic")
    assert first == Case("lesson.first.cross_entropy",
                         {"epoch": 1, "quad": "51.85", "ce": "85.52", "points": "33.67"})
    assert final == Case("lesson.final.quadratic",
                         {"epoch": 2, "quad": "97.6", "ce": "96.6", "points": "1.0"})


@given(accuracies, accuracies)
def test_lesson_case_names_and_numbers(q, ce):
    s = story.lesson(q, ce)
    case = story.lesson_case(s)
    first = case.numbers["first"]
    assert first.name == f"lesson.first.{s.first.ahead}"
    # Two accuracies read differently exactly when they differ (k/20: one decimal is enough).
    assert (first.numbers["quad"] == first.numbers["ce"]) == (q[0] == ce[0])
    assert float(first.numbers["quad"]) == pytest.approx(100 * q[0], abs=0.05)
    if len(q) == 1 or len(ce) == 1:
        assert case.name == "lesson.one" and set(case.numbers) == {"first"}
    else:
        assert case.numbers["final"].name == f"lesson.final.{s.final.ahead}"
        assert case.numbers["carrier"].name.startswith(f"lesson.carrier.{s.carrier}")


def test_lesson_case_adds_a_decimal_only_where_needed():
    first = story.lesson_case(story.lesson([0.9761], [0.9764])).numbers["first"]
    assert (first.numbers["quad"], first.numbers["ce"]) == ("97.61", "97.64")
    first = story.lesson_case(story.lesson([0.9761], [0.9861])).numbers["first"]
    assert (first.numbers["quad"], first.numbers["ce"]) == ("97.6", "98.6")


def test_seeds_case_states_the_measured_spread():
    numbers = story.seeds_case(story.seed_spread()).numbers
    assert numbers == {"lo": 1, "hi": 10, "q_lo": "89.6", "q_hi": "98.0", "ce_lo": "96.3",
                       "ce_hi": "98.7", "q_n": 5, "ce_n": 4, "level_n": 1, "first_n": 10,
                       "runs": 10, "lead_lo": "11.4", "lead_hi": "43.1"}


def test_book_cases_name_each_difference():
    book = Config("mnist", 30, 3.0, 0.5, 30, 10, "large", 5)
    assert [c.name for c in story.book_cases(book)] == ["book.how30", "book.here", "book.always"]
    how, here, diffs, always = story.book_cases(
        Config("mnist", 40, 2.0, 0.25, 10, 20, "normal", 1))
    assert how.numbers == {"quad": "95.42", "ce": "95.49", "hidden": 30}
    assert [(d.name, d.numbers) for d in diffs.numbers["diffs"]] == [
        ("diff.hidden", {"hidden": 40}), ("diff.init", {"start": Case("init.normal")}),
        ("diff.eta", {"run": Case("run.quadratic"), "eta": "2", "book": "3"}),
        ("diff.eta", {"run": Case("run.cross_entropy"), "eta": "0.25", "book": "0.5"}),
        ("diff.batch", {"batch": 20}), ("diff.epochs", {"epochs": 10})]
    hundred = story.book_cases(Config("bundled", 100, 3.0, 0.5, 30, 10, "large", 1))
    assert hundred == (Case("book.how100", {"quad": "96.59", "ce": "96.82", "hidden": 100}),
                       Case("book.bundled"))


def test_limit1_cases_of_a_real_run(run):
    rows, _ = run
    s = gradient_summary(*(pd.DataFrame(rows[c]) for c in COSTS))
    (count, ratio), (why, slope) = story.limit1_cases(rows)
    assert count == Case("limit1.count", {"epochs": 3, "ce": s["hidden_above"]["cross_entropy"],
                                          "quad": s["hidden_above"]["quadratic"]})
    assert ratio.name == ("limit1.larger" if s["hidden_ratio"] >= 1 else "limit1.smaller")
    assert ratio.numbers == {"ratio": fmt.short(s["hidden_ratio"])}
    assert why == Case("limit1.why")
    assert slope.numbers == {"ce": fmt.short(s["hidden_slope"]["cross_entropy"]),
                             "quad": fmt.short(s["hidden_slope"]["quadratic"])}


def test_results_of_a_real_run(run):
    """The results of a small run against its own rows; the start comparison once the other
    start's run is there too."""
    rows, _ = run
    cfg = Config("bundled", 15, 3.0, 0.5, 3, 10, "large", 7)
    mine = network_runs.numbers(FinishedRun(rows, 3, 0.0))
    r = story.results(cfg, mine, None)
    assert r.done == 3 and r.starts is None and r.limit2 is None
    for (label, value, best, exact), c in zip(r.metrics, COSTS):
        accuracy = [row["test_accuracy"] for row in rows[c]]
        assert label == Case("m.final", {"run": Case(f"run.{c}")})
        assert value == fmt.percent(accuracy[-1]) and exact.numbers["exact"] == fmt.num(
            100 * accuracy[-1], 2)
        assert best.numbers == {"best": fmt.num(100 * max(accuracy), 1),
                                "epoch": 1 + accuracy.index(max(accuracy))}
    assert r.lesson == story.lesson_case(story.run_lesson(rows))
    assert r.cost.numbers["q0"] == fmt.short(rows["quadratic"][0]["train_cost"])
    assert r.cost.numbers["c1"] == fmt.short(rows["cross_entropy"][-1]["train_cost"])
    saturated = {c: fmt.short(100 * rows[c][-1]["saturated_output"]) for c in COSTS}
    assert r.limit3.numbers == {"ce": saturated["cross_entropy"], "quad": saturated["quadratic"]}
    assert len(r.frame) == 6 and r.frame["test_accuracy_pct"].tolist() == pytest.approx(
        [100 * row["test_accuracy"] for c in COSTS for row in rows[c]])
    assert len(r.grads) == 12 and list(zip(r.grads["cost"], r.grads["layer"]))[::3] == list(SHADES)
    assert r.book == story.book_cases(cfg) and r.seeds == story.seeds_case(story.seed_spread())
    # The same run from the other start (here: itself, shifted 10 points lower after epoch 1).
    lower = {c: [dict(row) for row in rows[c]] for c in COSTS}
    lower["cross_entropy"][0]["test_accuracy"] -= 0.1
    r = story.results(cfg, mine, network_runs.numbers(FinishedRun(lower, 3, 0.0)))
    assert [s[:2] for s in r.starts] == [("large", "quadratic"), ("large", "cross_entropy"),
                                        ("normal", "quadratic"), ("normal", "cross_entropy")]
    assert r.starts[3][2] == fmt.percent(lower["cross_entropy"][0]["test_accuracy"])
    gap = 100 * (rows["cross_entropy"][0]["test_accuracy"] - rows["quadratic"][0]["test_accuracy"])
    assert r.limit2.name == "limit2.bigger" and r.limit2.numbers["large"] == fmt.short(gap)


def test_live_view_of_the_epochs_so_far(run):
    rows, _ = run
    so_far = network_runs.Partial({c: tuple(rows[c][:2]) for c in COSTS}, 3, "running")
    frame, done, words = story.live_view(network_runs.numbers(so_far))
    assert done == 2 and len(frame) == 4
    assert words == Case("live.alt", {
        "epoch": 2, "quad": fmt.num(100 * rows["quadratic"][1]["test_accuracy"], 1),
        "ce": fmt.num(100 * rows["cross_entropy"][1]["test_accuracy"], 1)})


def test_misread_of_a_real_run(run):
    """Each cost's misread digits as the results show them, against lib's own pieces."""
    _, outputs = run
    d = digits.bundled()
    views, both = story.misread(outputs, d.X_test, d.side, 358)
    found = [story.mistakes(outputs[c].test_z, outputs[c].test_y) for c in COSTS]
    for view, m, c in zip(views, found, COSTS):
        np.testing.assert_array_equal(view.found.index, m.index)
        assert view.count == Case("wrong.count" if m.count else "wrong.none",
                                  {"run": Case(f"run.{c}"), "wrong": m.count, "images": 297})
        picture, rows = story.misread_view(d.X_test, m, d.side, 358, story.WRONG_SHOWN)
        np.testing.assert_array_equal(view.picture, picture)
        shown = min(m.count, story.WRONG_SHOWN)
        assert view.alt == Case("wrong.alt", {"shown": shown})
        assert view.caption[-1] == Case(f"wrong.rows{len(rows)}",
                                        {"top": rows[0], "bottom": rows[-1]})
        assert [c.name for c in view.caption[:-1]] == (["wrong.first"] if shown < m.count else [])
    n = len(story.both_wrong(*found))
    assert both == (Case("wrong.both", {"both": n}) if n else None)
