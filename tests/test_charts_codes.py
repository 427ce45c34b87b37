"""lib.charts_codes: the datasets of the codes page's running-averages chart, with real values."""

import json

import numpy as np
import pytest

from lib import charts, charts_codes, sampling
from lib.presets import CODE_EXAMPLES

NAMES = {"info_p": "average of −log₂ p(x) → H(P)", "info_q": "average of −log₂ q(x) → H(P,Q)",
         "log_ratio": "average of log₂ p(x)/q(x) → KL(P‖Q)"}


def running(example: str, n: int, seed: int = 0):
    ex = CODE_EXAMPLES[example]
    r = sampling.running_averages(ex.p, ex.q, n, seed=seed, base=2)
    return r, charts_codes.running_chart_data(r.table, r.exact, NAMES)


def test_lines_hold_each_drawn_row_once_with_names_and_exact_values_looked_up():
    r, d = running("animals", 10_000)
    lines = d["lines"]
    assert set(lines) == {"n", "q", "mean", "se", "lo", "hi"}  # no text on any row
    assert len(lines["n"]) == 834 and np.bincount(lines["q"]).tolist() == [278, 278, 278]
    for q, key in enumerate(NAMES):
        mine = lines["q"] == q
        # Every plotted size but n = 1 (no spread yet), with the table's own numbers.
        assert lines["n"][mine].tolist() == r.table["n"].tolist()[1:]
        assert np.array_equal(lines["mean"][mine], r.table[key].to_numpy()[1:])
        assert np.array_equal(lines["se"][mine], r.table[f"{key}_se"].to_numpy()[1:])
    seventh = np.flatnonzero((lines["q"] == 0) & (lines["n"] == 7))[0]
    assert lines["mean"][seventh] == pytest.approx(13 / 7)  # 3·1 + 2·2 + 2·3 bits over 7 draws
    assert lines["lo"][seventh] == lines["mean"][seventh] - 2 * lines["se"][seventh]
    assert lines["hi"][seventh] == lines["mean"][seventh] + 2 * lines["se"][seventh]
    # Bands clipped to the averages' range from n = 10 on (0 to 2.4154) and a quarter of it.
    assert lines["lo"].min() == pytest.approx(-0.603846, abs=1e-6)
    assert lines["hi"].max() == pytest.approx(3.019231, abs=1e-6)
    assert {k: v.tolist() for k, v in d["quantities"].items()} == {
        "q": [0, 1, 2], "quantity": list(NAMES.values()),
        "exact": ["1.750000", "2.375000", "0.625000"]}
    assert d["exact"]["exact"].tolist() == pytest.approx([1.75, 2.375, 0.625], abs=1e-12)
    assert d["ends"]["n"].tolist() == [10_000.0] * 3
    assert d["ends"]["mean"].tolist() == [r.table[k].iloc[-1] for k in NAMES]


def test_lines_stop_at_the_first_draw_q_rules_out():
    r, d = running("ruled_out", 10_000)
    assert (r.first_infinite, r.infinite_event) == (6, 3)  # draw 6 is "bird", q = 0
    lines = d["lines"]
    assert np.bincount(lines["q"]).tolist() == [278, 4, 4]
    assert lines["n"][lines["q"] == 1].tolist() == [2, 3, 4, 5]
    assert d["quantities"]["exact"].tolist() == ["1.750000", "∞", "∞"]
    assert d["exact"]["quantity"].tolist() == [NAMES["info_p"]]  # no rule at ∞
    assert d["ends"]["n"].tolist() == [10_000.0, 5.0, 5.0]
    assert d["ends"]["label"].tolist() == ["H(P)", "H(P,Q)", "KL(P‖Q)"]


@pytest.mark.parametrize("n", [100, 1_000, 10_000, 100_000, 1_000_000])
def test_every_size_the_axis_can_tell_apart_is_kept(n):
    """The page's sample sizes: each plotted n > 1 is a row of every quantity's line, and
    consecutive ones are at least 1/781 of the log axis apart (a pixel on a 781 px chart)."""
    r, d = running("skewed", n, seed=3)
    sizes = r.table["n"].to_numpy()
    for q in range(3):
        assert d["lines"]["n"][d["lines"]["q"] == q].tolist() == sizes[1:].tolist()
    log = np.log(sizes)
    assert np.diff(log).min() >= (log[-1] - log[0]) / 781


def test_the_chart_looks_the_names_up_by_index():
    spec = charts.compile_spec(charts_codes.running_chart, text={k: k for k in (
        "x", "y", "quantity", "mean", "se", "exact", "n")}, names=tuple(NAMES.values()),
        colors=("#000", "#111", "#222"))
    text = json.dumps(spec)
    assert text.count('"lookup": "q"') == 3  # the band, the line and its tooltip points
    assert '"name": "quantities"' in text and '"name": "band"' not in text


def test_end_labels_of_averages_that_end_together_are_kept_apart():
    """Review (Tiny p): H(P,Q) and KL(P‖Q) both end near 2.585 and their names were drawn on
    top of each other. The labels are moved apart; the lines' own values are not."""
    from lib.charts_codes import running_chart_data
    from lib.sampling import running_averages

    r = running_averages([1 - 5e-12] + [1e-12] * 5, [1 / 6] * 6, 1000, seed=0, base=2)
    d = running_chart_data(r.table, r.exact, {"info_p": "a → A", "info_q": "b → B",
                                              "log_ratio": "c → C"})
    ends = d["ends"]
    assert abs(ends["mean"][1] - ends["mean"][2]) < 1e-9      # the averages end together
    assert abs(ends["label_y"][1] - ends["label_y"][2]) > 0.05  # their names do not
    assert ends["label_y"][0] == ends["mean"][0]                # the lowest stays put


def test_bar_totals_are_written_as_the_page_writes_numbers():
    """Review: the bars' total read "2.07e-10" (Vega's format, an ASCII hyphen) where the page
    writes 2.07e−10."""
    from lib.charts_codes import identity_bars, identity_bars_data

    text = {"h": "H", "kl": "KL", "round": "r"}
    d = identity_bars_data(2.07e-10, 2.58, [("a", 2.07e-10, False), ("b", 3.0, True)],
                           text)["parts"]
    assert d["total_text"].tolist()[0] == "2.07e−10" and "3" in d["total_text"].tolist()
    spec = charts.compile_spec(identity_bars, text={**text, "x": "x", "row": "row",
                                                    "part": "part", "value": "v", "total": "t"})
    assert "total_text" in json.dumps(spec) and ".3~g" not in json.dumps(spec)
