"""lib.charts_neuron: the race's styles, key and table, the map's data, and Play's pace."""

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import charts, charts_network, charts_neuron, neuron

NAMES = {"quadratic": "Quadratic cost", "cross_entropy": "Cross-entropy",
         "book_demo": "Book demo's rule"}


def test_each_run_differs_in_colour_dash_and_marker():
    style = charts_neuron.race_style(NAMES)
    assert list(style) == ["colors", "dashes", "shapes"]
    for kind in style.values():
        assert list(kind) == list(NAMES.values())  # in the order drawn, by display name
        assert len(set(kind.values())) == 3
    # The costs keep the network page's colours.
    assert style["colors"]["Quadratic cost"] == charts_network.COLORS["quadratic"]
    assert style["colors"]["Cross-entropy"] == charts_network.COLORS["cross_entropy"]


def test_race_key_shows_each_runs_stroke_and_marker():
    key = charts_neuron.race_key(NAMES)
    entries = re.findall(r'<span style="display:inline-block;white-space:nowrap;[^"]*">'
                         r'<span style="color:(#[0-9a-f]{6});font-weight:700">([^<]+)</span> '
                         r"([^<]+)</span>", key)
    # Each run's entry on one line (white-space:nowrap): a marker never parts from its name.
    assert entries == [(charts_neuron.COLORS["quadratic"], "━━━ ●", "Quadratic cost"),
                       (charts_neuron.COLORS["cross_entropy"], "╍╍╍ ■", "Cross-entropy"),
                       (charts_neuron.COLORS["book_demo"], "┅┅┅ ▲", "Book demo&#x27;s rule")]
    assert "A &amp; B" in charts_neuron.race_key({"cross_entropy": "A & B"})


@pytest.mark.parametrize("epochs, step", [(1, 1), (30, 1), (31, 2), (300, 10), (5000, 167)])
def test_race_table_every_step_and_the_last_epoch(epochs, step):
    r = neuron.race(2.0, 2.0, etas={"quadratic": 0.15, "cross_entropy": 0.15}, epochs=epochs)
    runs = pd.concat([f.assign(run=NAMES[c]) for c, f in r.frames.items()], ignore_index=True)
    table, got = charts_neuron.race_table(runs, epochs, {"epoch": "Epoch", "run": "Cost"})
    assert got == step
    assert list(table.columns) == ["Epoch", "Cost", "a", "C", "w", "b", "∂C/∂b", "σ′(z)"]
    for name in ("Quadratic cost", "Cross-entropy"):
        rows = table[table["Cost"] == name]
        expected = sorted(set(range(0, epochs + 1, step)) | {epochs})
        assert rows["Epoch"].tolist() == expected
        assert len(rows) <= charts_neuron.TABLE_EPOCHS + 2
    q = r.frames["quadratic"]
    row = table[(table["Cost"] == "Quadratic cost") & (table["Epoch"] == epochs)].iloc[0]
    assert (row["a"], row["C"], row["∂C/∂b"], row["σ′(z)"]) == (
        q["a"].iloc[-1], q["cost"].iloc[-1], q["dC_db"].iloc[-1], q["sigma_prime"].iloc[-1])


def test_init_map_data_is_lib_charts_map_in_fewer_bytes():
    w0, b0 = np.meshgrid(neuron.MAP_AXIS, neuron.MAP_AXIS)
    needed = neuron.epochs_to_reach(w0, b0, cost="quadratic", eta=0.15, epochs=300)
    text = {"never": "not within 300", "start": "start"}
    data = charts_neuron.init_map_data(w0, b0, needed, text, 300)
    grid = pd.DataFrame({"w0": w0.ravel(), "b0": b0.ravel(), "epochs_needed": needed.ravel()})
    full = charts.init_map_data(grid, (0.0, 0.0), text, 300)
    assert set(data) == {"picture", "cells"}  # the start's circle is sent apart
    pd.testing.assert_frame_equal(data["picture"], full["picture"])
    cells = data["cells"]
    assert len(cells) == 17 * 17 and list(cells.index) == list(range(17 * 17))
    assert {str(cells[c].dtype) for c in ("w0", "b0", "w_lo", "w_hi", "b_lo", "b_hi")} == \
        {"float32"}
    assert cells["epochs_needed"].dtype == np.int32
    pd.testing.assert_frame_equal(cells, full["cells"].reset_index(drop=True),
                                  check_dtype=False, atol=1e-6, rtol=0)
    assert (cells["label"] == "not within 300").sum() == (cells["epochs_needed"] < 0).sum() > 0


def test_play_rate():
    assert charts_neuron.play_rate(300) == 12.0   # the default run in 25 seconds
    assert charts_neuron.play_rate(5000) == 200.0
    assert charts_neuron.play_rate(24) == charts_neuron.MIN_RATE  # never slower than 4 a second


def test_play_clock_follows_time_not_frames():
    clock = charts_neuron.PlayClock(t0=10.0, e0=40, last=40)
    assert clock.next(300, 12.0).last == 64          # 2 s at 12 epochs a second
    assert clock.next(300, 10.0).last == 41          # a frame always moves on
    assert clock.next(300, 100.0).last == 300        # and stops at the run's end
    assert clock.next(300, 12.0) == charts_neuron.PlayClock(10.0, 40, 64)
    assert clock.last == 40                          # frozen: each frame is a new clock


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 5000), st.integers(0, 5000),
       st.lists(st.floats(0, 1000), min_size=1, max_size=20))
def test_play_clock_moves_forward_and_within_the_run(epochs, e0, gaps):
    e0 = min(e0, epochs)
    clock, now = charts_neuron.PlayClock(0.0, e0, e0), 0.0
    for gap in gaps:
        now += gap
        before, clock = clock.last, clock.next(epochs, now)
        assert clock.last == min(max(before + 1, e0 + int(now * charts_neuron.play_rate(epochs))),
                                 epochs)
        assert before <= clock.last <= epochs


def test_a_click_picks_an_epoch_within_the_run():
    def state(point):
        return {"selection": {"pick": [point]}}
    assert charts_neuron.clicked_epoch(state({"epoch": 123}), "pick", 300) == 123
    assert charts_neuron.clicked_epoch(state({"epoch": 122.5}), "pick", 300) == 122  # to even
    assert charts_neuron.clicked_epoch(state({"epoch": 9999}), "pick", 300) == 300
    assert charts_neuron.clicked_epoch(state({"epoch": -1}), "pick", 300) == 0
    # Nothing clicked, another selection, or what no chart sends: no epoch.
    for nothing in (None, {}, {"selection": {}}, {"selection": {"pick": {}}},
                    {"selection": {"pick": []}}, state({"epoch": None}), state({"w0": 1.0}),
                    {"selection": {"start": [{"epoch": 3}]}}, {"selection": "pick"}):
        assert charts_neuron.clicked_epoch(nothing, "pick", 300) is None, nothing


def test_a_click_on_the_map_picks_the_start_the_reader_reads():
    targets = np.float32(neuron.MAP_AXIS)  # the map's starts, as the browser holds them
    for w0, b0 in ((targets[25], targets[46]), (targets[0], targets[-1])):
        state = {"selection": {"start": [{"w0": float(w0), "b0": float(b0)}]}}
        assert charts_neuron.clicked_start(state, "start") == (round(float(w0), 2),
                                                              round(float(b0), 2))
    state = {"selection": {"start": [{"w0": float(np.float32(-1.8)),
                                      "b0": float(np.float32(0.6))}]}}
    assert charts_neuron.clicked_start(state, "start") == (-1.8, 0.6)
    for nothing in (None, {"selection": {"start": {}}}, {"selection": {"start": [{"w0": 1.0}]}},
                    {"selection": {"start": [{"w0": None, "b0": 1.0}]}}):
        assert charts_neuron.clicked_start(nothing, "start") is None, nothing
