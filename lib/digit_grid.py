"""Handwritten digits as one picture: small images tiled into a grid and scaled up crisply.

A page that shows twenty or a dozen digits sends them as ONE picture (one ``<img>`` in the
browser: one request, one paint), not as an element per digit.

Conventions
-----------
- An image is a flat row of ``side × side`` pixels of *ink* in [0, 1] (0 = paper, 1 = full
  ink), row-major, as :class:`lib.digits.Digits` stores them (``X_train``, ``X_test``).
- A picture is a 2-D ``uint8`` array of grey levels, row 0 at the top: 255 is white paper, 0 is
  black ink (:func:`grey`); the pictures this module returns are read-only.
- Tiles are laid out row by row, ``columns`` to a row; a line of ``gap`` pixels of light ink
  (:data:`GAP_INK`) runs between tiles and round the edge, so that white digits' paper does not
  melt into the page. An index of ``-1`` leaves its tile blank (paper).
- Each image is scaled up before it is tiled, by nearest neighbour (each pixel becomes a
  ``factor × factor`` block): no smoothing, so an 8 × 8 digit stays sharp at 32 × 32, while the
  lines between tiles stay ``gap`` pixels thin.

Bad input raises :class:`lib.problems.ProblemError` with the codes ``length`` (images that are
not ``side × side`` pixels, an index past the images), ``not_positive`` (a side, a column
count, a factor or a width below 1) and ``not_integer``.
"""

from __future__ import annotations

import numpy as np

from lib.problems import Problem, ProblemError

__all__ = ["GAP", "GAP_INK", "PHONE_WIDTH", "class_picture", "examples", "fit_factor", "grey",
           "picture", "tile", "upscale"]

#: Ink of the lines between tiles: 0.25 is grey level 191, light but visible on white.
GAP_INK = 0.25
#: Widest picture, in CSS pixels, for a phone: what a 390-pixel screen leaves Streamlit's main
#: column.
PHONE_WIDTH = 358
#: Pixels of the lines between tiles.
GAP = 2


def _whole(value, name: str, low: int = 1) -> int:
    if isinstance(value, bool) or int(value) != value:
        raise ProblemError([Problem("not_integer", column=name, value=float(value))])
    if value < low:
        raise ProblemError([Problem("not_positive", column=name, value=float(value))])
    return int(value)


def examples(y, per_class: int = 2, classes: int = 10) -> np.ndarray:
    """Indices of the first ``per_class`` images of each class, as a ``per_class × classes``
    array: row ``r``, column ``c`` holds the index in ``y`` of the ``r``-th image of class
    ``c`` (in ``y``'s order), ``-1`` where class ``c`` has fewer than ``r + 1`` images.

    So ``picture(X, examples(y), ...)`` shows the digits 0 to 9 from left to right.

    >>> examples([1, 0, 1, 0, 0], per_class=2, classes=3).tolist()
    [[1, 0, -1], [3, 2, -1]]
    """
    y = np.asarray(y)
    per_class, classes = _whole(per_class, "per_class"), _whole(classes, "classes")
    out = np.full((per_class, classes), -1, dtype=np.int64)
    for c in range(classes):
        found = np.flatnonzero(y == c)[:per_class]
        out[:len(found), c] = found
    return out


def tile(images, side: int, columns: int, gap: int = 1, gap_ink: float = GAP_INK) -> np.ndarray:
    """Images (``n × side²``, ink) laid out in one 2-D array of ink, ``columns`` to a row.

    Tile ``i`` sits in row ``i // columns`` and column ``i % columns``; its top-left pixel is
    at ``(gap + row (side + gap), gap + column (side + gap))``. The array is
    ``rows · side + (rows + 1) · gap`` high, with ``rows = ⌈n / columns⌉``, and
    ``columns · side + (columns + 1) · gap`` wide (``columns = min(columns, n)`` when there
    are fewer images); the gap lines hold ``gap_ink``, the tiles of a last, short row paper.
    A row of NaN is a blank tile. No images: an empty ``0 × 0`` array.

    >>> tile([[1, 0, 0, 1], [0.5, 0.5, 0.5, 0.5]], side=2, columns=2, gap=1, gap_ink=0.25)
    array([[0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25],
           [0.25, 1.  , 0.  , 0.25, 0.5 , 0.5 , 0.25],
           [0.25, 0.  , 1.  , 0.25, 0.5 , 0.5 , 0.25],
           [0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25]])
    """
    side, columns = _whole(side, "side"), _whole(columns, "columns")
    gap = _whole(gap, "gap", low=0)
    images = np.asarray(images, dtype=float)
    if images.size == 0:
        return np.zeros((0, 0))
    if images.ndim != 2 or images.shape[1] != side * side:
        raise ProblemError([Problem("length", column="images", value=float(images.shape[-1]),
                                    limit=float(side * side))])
    n = len(images)
    columns = min(columns, n)
    rows = -(-n // columns)
    step = side + gap
    out = np.full((rows * step + gap, columns * step + gap), float(gap_ink))
    for i, image in enumerate(images):
        r, c = divmod(i, columns)
        top, left = gap + r * step, gap + c * step
        out[top:top + side, left:left + side] = np.nan_to_num(image.reshape(side, side), nan=0.0)
    for i in range(n, rows * columns):  # the last row's empty places: paper
        r, c = divmod(i, columns)
        out[gap + r * step:gap + r * step + side, gap + c * step:gap + c * step + side] = 0.0
    return out


def grey(ink) -> np.ndarray:
    """Ink in [0, 1] as grey levels: ``round(255 (1 − ink))``, ink clipped to [0, 1] first
    (dark digits on white paper, as on the printed page).

    >>> grey([[0.0, 0.25, 1.0]]).tolist()
    [[255, 191, 0]]
    """
    ink = np.clip(np.asarray(ink, dtype=float), 0.0, 1.0)
    return np.floor(255.0 * (1.0 - ink) + 0.5).astype(np.uint8)


def upscale(image, factor: int) -> np.ndarray:
    """``image`` scaled up ``factor`` times by nearest neighbour: pixel ``(i, j)`` becomes the
    block of rows ``i·factor … i·factor + factor − 1`` and the same columns (the Kronecker
    product with a ``factor × factor`` block of ones, done with :func:`numpy.repeat`).

    >>> upscale(np.array([[1, 2]], dtype=np.uint8), 2).tolist()
    [[1, 1, 2, 2], [1, 1, 2, 2]]
    """
    factor = _whole(factor, "factor")
    image = np.asarray(image)
    return np.repeat(np.repeat(image, factor, axis=0), factor, axis=1)


def fit_factor(side: int, columns: int, width: int = PHONE_WIDTH, gap: int = GAP) -> int:
    """The largest whole scale factor (at least 1) at which ``columns`` tiles of ``side``
    pixels, each scaled by it, with ``columns + 1`` lines of ``gap`` pixels (:func:`picture`)
    are at most ``width`` pixels wide: ``⌊(width − (columns + 1) gap) / (columns · side)⌋``.

    >>> fit_factor(8, 10), fit_factor(28, 10), fit_factor(8, 6), fit_factor(8, 10, 716)
    (4, 1, 7, 8)
    """
    side, columns, width = _whole(side, "side"), _whole(columns, "columns"), _whole(width, "width")
    return max(1, (width - (columns + 1) * _whole(gap, "gap", low=0)) // (columns * side))


def picture(X, index, side: int, columns: int, factor: int = 1, gap: int = GAP) -> np.ndarray:
    """The images ``X[index]`` (``index`` of any shape, read row by row; ``-1`` = a blank
    tile), each scaled up ``factor`` times (:func:`upscale`), laid out by :func:`tile` with
    lines ``gap`` pixels thin, as one read-only grey picture (:func:`grey`):
    ``rows · side · factor + (rows + 1) · gap`` pixels high and
    ``columns · side · factor + (columns + 1) · gap`` wide.

    >>> X = np.array([[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 1.0]])
    >>> picture(X, [[1, -1, 0]], side=2, columns=3, gap=0).tolist()
    [[255, 255, 255, 255, 0, 0], [255, 0, 255, 255, 0, 0]]
    >>> picture(X, [0], side=2, columns=1, factor=2, gap=1).shape
    (6, 6)
    """
    X = np.asarray(X)
    side = _whole(side, "side")
    if X.ndim != 2 or X.shape[1] != side * side:
        raise ProblemError([Problem("length", column="images", value=float(X.shape[-1]),
                                    limit=float(side * side))])
    index = np.asarray(index, dtype=np.int64).ravel()
    if index.size and (index.max() >= len(X) or index.min() < -1):
        raise ProblemError([Problem("length", column="index", value=float(index.max()),
                                    limit=float(len(X)))])
    factor = _whole(factor, "factor")
    images = np.full((len(index), side, side), np.nan)
    images[index >= 0] = X[index[index >= 0]].reshape(-1, side, side)
    big = np.repeat(np.repeat(images, factor, axis=1), factor, axis=2)  # upscale, each image
    out = grey(tile(big.reshape(len(index), -1), side * factor, columns, gap=gap))
    out.flags.writeable = False
    return out


def class_picture(X, y, side: int, per_class: int = 2, classes: int = 10,
                  width: int = PHONE_WIDTH) -> np.ndarray:
    """The first ``per_class`` images of each class (:func:`examples`), one column per class
    from 0 on the left, as one read-only picture scaled to fit ``width`` (:func:`fit_factor`).

    >>> X = np.eye(4); y = [1, 0, 1, 0]          # four 2 × 2 images, classes 1, 0, 1, 0
    >>> class_picture(X, y, side=2, per_class=1, classes=2, width=14).shape  # 2 × scale
    (8, 14)
    """
    return picture(X, examples(y, per_class, classes), side, classes,
                   fit_factor(side, classes, width))
