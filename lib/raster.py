"""Dense heatmaps as one picture: a colour per grid cell, encoded as a PNG.

A chart drawn as one rectangle per cell costs the browser a scene-graph item and a paint call
per cell: the neuron page's two 81 × 81 maps were 13,122 items, which took its load in a browser
from 0.8 s to 1.8 s on the 2-core machine this was built on. As a picture each map is one item
(plus the page's 729 invisible hover targets per map, for the tooltips).
The colours are computed here as Vega's colour scale computes them, so the picture and the chart's
legend agree.

Only numpy and the standard library (``zlib``, ``struct``, ``base64``) are used.
"""

from __future__ import annotations

import base64
import struct
import zlib

import numpy as np

#: Vega's continuous "viridis" scheme: the 31 colour stops vega-scale ships (as found in the
#: Vega bundle Streamlit serves), interpolated piecewise-linearly in RGB. Checked against the
#: colours Vega draws for the same scale in a browser.
VIRIDIS_STOPS = (
    "440154470e61481a6c482575472f7d443a834144873d4e8a39568c35608d31688e2d708e2a788e27818e23888e"
    "21918d1f988b1fa08822a8842ab07f35b77943bf7154c56866cc5d7ad1518fd744a5db36bcdf27d2e21be9e51a"
    "fde725")
_VIRIDIS = np.array([[int(VIRIDIS_STOPS[i + j:i + j + 2], 16) for j in (0, 2, 4)]
                     for i in range(0, len(VIRIDIS_STOPS), 6)], dtype=float)


def viridis(t) -> np.ndarray:
    r"""Colours of Vega's "viridis" scheme at positions ``t`` in [0, 1], as uint8 RGB.

    With stops :math:`c_0, \dots, c_{n-1}` (``n = 31``), position :math:`t` falls in segment
    :math:`i = \min(n - 2, \lfloor t (n - 1) \rfloor)` and gets
    :math:`c_i + (t (n - 1) - i)(c_{i+1} - c_i)`, each channel rounded to the nearest integer —
    d3's ``piecewise(interpolateRgb, stops)``, which Vega uses for the scheme. ``t`` is clipped to
    [0, 1]; NaN is not allowed (mask it first).

    Examples
    --------
    >>> viridis([0.0, 1.0]).tolist()
    [[68, 1, 84], [253, 231, 37]]
    """
    t = np.clip(np.asarray(t, dtype=float), 0.0, 1.0)
    if np.isnan(t).any():
        raise ValueError("viridis() got NaN; mask missing cells before colouring")
    n = len(_VIRIDIS) - 1
    i = np.minimum(n - 1, np.floor(t * n)).astype(int)
    f = (t * n - i)[..., None]
    rgb = _VIRIDIS[i] + f * (_VIRIDIS[i + 1] - _VIRIDIS[i])
    return np.floor(rgb + 0.5).astype(np.uint8)  # JavaScript's Math.round (half up)


def hex_rgb(color: str) -> tuple[int, int, int]:
    """``"#c9c9c9"`` → ``(201, 201, 201)``."""
    color = color.lstrip("#")
    if len(color) != 6:
        raise ValueError(f"expected a colour like '#c9c9c9', got {color!r}")
    return tuple(int(color[i:i + 2], 16) for i in (0, 2, 4))


def heatmap_rgb(values, lo: float, hi: float, reverse: bool = False,
                missing=None, missing_color: str = "#c9c9c9") -> np.ndarray:
    r"""RGB image (uint8, shape ``values.shape + (3,)``) of a 2-D array on Vega's viridis scale.

    A value :math:`v` sits at :math:`t = (v - lo) / (hi - lo)`, clipped to [0, 1]; with
    ``reverse`` the scheme is read backwards (:math:`1 - t`), like ``scale.reverse`` in
    Vega-Lite. Cells where ``missing`` is true get ``missing_color``. Row 0 of ``values`` is
    the top row of the picture.

    Examples
    --------
    >>> heatmap_rgb([[0, 10]], 0, 10, reverse=True).tolist()
    [[[253, 231, 37], [68, 1, 84]]]
    """
    values = np.asarray(values, dtype=float)
    if values.ndim != 2:
        raise ValueError(f"a heatmap needs a 2-D array, got shape {values.shape}")
    if not hi > lo:
        raise ValueError(f"need hi > lo, got lo={lo}, hi={hi}")
    missing = np.zeros(values.shape, bool) if missing is None else np.asarray(missing, bool)
    missing = missing | ~np.isfinite(values)
    t = np.where(missing, 0.0, (values - lo) / (hi - lo))
    rgb = viridis(1.0 - t if reverse else t)
    rgb[missing] = hex_rgb(missing_color)
    return rgb


def png(rgb: np.ndarray, scale: int = 1) -> bytes:
    """A PNG file (8-bit RGB, no interlace) of an ``(h, w, 3)`` uint8 array; each cell becomes
    a ``scale`` × ``scale`` block of pixels, so a browser that smooths a small picture while
    enlarging it blurs only the block edges."""
    rgb = np.asarray(rgb)
    if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.dtype != np.uint8:
        raise ValueError("png() needs an (h, w, 3) uint8 array")
    if scale < 1:
        raise ValueError("scale must be at least 1")
    big = np.repeat(np.repeat(rgb, scale, axis=0), scale, axis=1)
    h, w = big.shape[:2]
    # Each scanline starts with its filter type, 0 (none): identical rows compress to almost
    # nothing anyway.
    raw = np.concatenate([np.zeros((h, 1), np.uint8), big.reshape(h, w * 3)], axis=1).tobytes()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


def data_url(png_bytes: bytes) -> str:
    """``data:image/png;base64,...``: a picture a chart can show without fetching anything."""
    return "data:image/png;base64," + base64.b64encode(png_bytes).decode("ascii")


def read_png(data: bytes) -> np.ndarray:
    """The ``(h, w, 3)`` uint8 pixels of a PNG written by :func:`png` (8-bit RGB, filter 0
    on every row). For tests and checks; not a general PNG reader."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValueError("not a PNG file")
    pos, idat, size = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, color = struct.unpack(">IIBB", body[:10])
            if (depth, color) != (8, 2):
                raise ValueError("only 8-bit RGB PNGs are read here")
            size = (h, w)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    if size is None:
        raise ValueError("PNG without a header")
    h, w = size
    rows = np.frombuffer(zlib.decompress(idat), np.uint8).reshape(h, 1 + 3 * w)
    if rows[:, 0].any():
        raise ValueError("rows with a PNG filter other than 0 are not read here")
    return rows[:, 1:].reshape(h, w, 3).copy()
