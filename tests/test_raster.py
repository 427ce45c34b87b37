"""lib.raster (heatmaps as one PNG) and the initialisation map's datasets built on it."""

import base64

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lib import charts, raster


def stops():
    return [tuple(int(raster.VIRIDIS_STOPS[i + j:i + j + 2], 16) for j in (0, 2, 4))
            for i in range(0, len(raster.VIRIDIS_STOPS), 6)]


def test_viridis_hits_every_stop_of_vegas_scheme():
    c = stops()
    assert len(c) == 31 and c[0] == (68, 1, 84) and c[-1] == (253, 231, 37)
    got = raster.viridis(np.arange(31) / 30)
    assert [tuple(x) for x in got.tolist()] == c


def test_viridis_between_stops_is_rgb_linear_rounded_half_up():
    c = np.array(stops(), float)
    # A quarter of the way from stop 10 to stop 11, as d3's piecewise(interpolateRgb) gives it.
    t = (10 + 0.25) / 30
    expected = np.floor(c[10] + 0.25 * (c[11] - c[10]) + 0.5)
    assert raster.viridis(t).tolist() == expected.astype(int).tolist()
    # Clipped outside [0, 1].
    assert raster.viridis([-1.0, 2.0]).tolist() == [list(c[0].astype(int)), list(c[-1].astype(int))]


def test_viridis_refuses_nan():
    with pytest.raises(ValueError, match="NaN"):
        raster.viridis([0.5, np.nan])


def test_heatmap_reverse_and_missing_cells():
    rgb = raster.heatmap_rgb([[0, 5, 10], [-1, 10, np.inf]], 0, 10, reverse=True,
                             missing=[[False, False, False], [True, False, False]])
    assert rgb[0, 0].tolist() == [253, 231, 37]  # reversed: 0 is the light end
    assert rgb[0, 2].tolist() == [68, 1, 84]
    assert rgb[0, 1].tolist() == raster.viridis(0.5).tolist()
    assert rgb[1, 0].tolist() == [201, 201, 201]  # masked: grey
    assert rgb[1, 2].tolist() == [201, 201, 201]  # not finite: grey too


@pytest.mark.parametrize("bad, match", [
    (dict(values=[1, 2]), "2-D"), (dict(values=[[1]], lo=1, hi=1), "hi > lo")])
def test_heatmap_bad_input(bad, match):
    args = {"lo": 0, "hi": 1, **bad}
    with pytest.raises(ValueError, match=match):
        raster.heatmap_rgb(args.pop("values"), **args)


@settings(max_examples=40, deadline=None)
@given(arrays(np.uint8, st.tuples(st.integers(1, 9), st.integers(1, 9), st.just(3))),
       st.integers(1, 4))
def test_png_round_trip(rgb, scale):
    back = raster.read_png(raster.png(rgb, scale))
    assert back.shape == (rgb.shape[0] * scale, rgb.shape[1] * scale, 3)
    assert (back[::scale, ::scale] == rgb).all()
    assert (np.repeat(np.repeat(rgb, scale, 0), scale, 1) == back).all()


def test_png_is_a_valid_file_and_data_url():
    data = raster.png(np.zeros((2, 3, 3), np.uint8))
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR" and data.endswith(
        b"IEND\xaeB`\x82")
    assert raster.data_url(b"\x89PNG").startswith("data:image/png;base64,iVBORw")
    with pytest.raises(ValueError):
        raster.png(np.zeros((2, 3), np.uint8))
    with pytest.raises(ValueError):
        raster.png(np.zeros((2, 3, 3), np.uint8), 0)


def _grid(n=9, epochs=50, seed=0):
    axis = np.linspace(-4, 4, n)
    w0, b0 = np.meshgrid(axis, axis)
    needed = np.random.default_rng(seed).integers(-1, epochs + 1, w0.shape)
    return pd.DataFrame({"w0": w0.ravel(), "b0": b0.ravel(), "epochs_needed": needed.ravel()})


@pytest.mark.parametrize("n, block", [(9, 3), (81, 3), (10, 3), (7, 1)])
def test_init_map_data_picture_and_hover_targets(n, block):
    grid = _grid(n)
    text = {"never": "never within 50 epochs", "start": "start"}
    data = charts.init_map_data(grid, (1.0, -2.0), text, 50, block=block)
    step = 8 / (n - 1)
    k = charts.MAP_PIXELS_PER_CELL
    pixels = raster.read_png(base64.b64decode(data["picture"].url[0].split(",")[1]))
    assert pixels.shape == (n * k, n * k, 3)
    # Every grid point's colour sits at its place: column by w0, row 0 at the largest b0.
    for row in grid.sample(20, random_state=1).itertuples():
        col = int(round((row.w0 + 4) / step))
        line = n - 1 - int(round((row.b0 + 4) / step))
        expected = raster.heatmap_rgb([[row.epochs_needed]], 0, 50, reverse=True,
                                      missing=[[row.epochs_needed < 0]])[0, 0]
        assert pixels[line * k, col * k].tolist() == expected.tolist()
    # Hover targets tile the picture exactly: no gap, no overlap.
    cells, pic = data["cells"], data["picture"].iloc[0]
    area = ((cells.w_hi - cells.w_lo) * (cells.b_hi - cells.b_lo)).sum()
    assert area == pytest.approx((pic.w_hi - pic.w_lo) * (pic.b_hi - pic.b_lo))
    assert pic.w_lo == pytest.approx(-4 - step / 2) and pic.b_hi == pytest.approx(4 + step / 2)
    # Each target names a real grid point, its epochs and the text for "never".
    merged = cells.merge(grid, on=["w0", "b0"], suffixes=("", "_grid"))
    assert len(merged) == len(cells) == len(range(block // 2, n, block)) ** 2
    assert (merged.epochs_needed == merged.epochs_needed_grid).all()
    assert ((merged.w0 >= merged.w_lo) & (merged.w0 <= merged.w_hi)).all()
    never = merged.epochs_needed < 0
    assert (merged.label[never] == text["never"]).all()
    assert (merged.label[~never] == merged.epochs_needed[~never].astype(str)).all()
    assert data["here"].to_dict("list") == {"w_lo": [1.0], "b_lo": [-2.0], "name": ["start"]}


def test_init_map_data_needs_a_full_grid():
    with pytest.raises(ValueError, match="regular grid"):
        charts.init_map_data(_grid().iloc[:-1], (0, 0), {"never": "", "start": ""}, 50)
