"""Handwritten digits: scikit-learn's bundled 8×8 set (offline) and MNIST (downloaded once).

MNIST comes as four gzip'd IDX files. They are fetched from a public mirror, checked against
their published SHA-256, kept in a cache folder, and parsed here; nothing is trusted until the
checksum matches. Every failure raises :class:`DigitsError` with a ``reason`` the app can
explain (``"network"``, ``"checksum"``, ``"format"``).
"""

from __future__ import annotations

import gzip
import hashlib
import struct
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MIRRORS = ("https://storage.googleapis.com/cvdf-datasets/mnist/",
           "https://ossci-datasets.s3.amazonaws.com/mnist/")
MNIST_FILES = {  # name -> SHA-256 of the .gz file as published
    "train-images-idx3-ubyte.gz": "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
    "train-labels-idx1-ubyte.gz": "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
    "t10k-images-idx3-ubyte.gz": "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
    "t10k-labels-idx1-ubyte.gz": "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
}
_IDX_TYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


class DigitsError(Exception):
    """Loading failed; ``reason`` is ``"network"``, ``"checksum"`` or ``"format"``."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Digits:
    """A train/test split: X float32 in [0, 1], one row per image; y integer labels 0-9."""

    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    side: int  # image side in pixels (8 or 28)

    @property
    def features(self) -> int:
        return self.X_train.shape[1]


def bundled(test_size: int = 297, seed: int = 0) -> Digits:
    """scikit-learn's 1,797 bundled 8×8 digits (no download), scaled to [0, 1] and split at
    random (fixed by ``seed``) into 1,500 training and 297 test images by default."""
    from sklearn.datasets import load_digits  # imported here: only this loader needs it

    X, y = load_digits(return_X_y=True)
    order = np.random.default_rng(seed).permutation(len(X))
    X = (X[order] / 16.0).astype(np.float32)
    y = y[order].astype(np.int64)
    return Digits(X[test_size:], y[test_size:], X[:test_size], y[:test_size], side=8)


def parse_idx(data: bytes) -> np.ndarray:
    """Parse an IDX file (gzip'd or not): 2 zero bytes, a type byte, a dimension count, the
    big-endian uint32 sizes, then the values.

    >>> parse_idx(bytes([0, 0, 0x08, 1, 0, 0, 0, 3, 7, 8, 9])).tolist()
    [7, 8, 9]
    """
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as err:
            raise DigitsError(f"not a valid gzip file: {err}", "format") from None
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] not in _IDX_TYPES:
        raise DigitsError("not an IDX file (bad magic number)", "format")
    ndim = data[3]
    header = 4 + 4 * ndim
    if len(data) < header:
        raise DigitsError("IDX header is cut short", "format")
    shape = struct.unpack(f">{ndim}I", data[4:header])
    dtype = np.dtype(_IDX_TYPES[data[2]])
    count = int(np.prod(shape, dtype=np.int64))
    if len(data) - header != count * dtype.itemsize:
        raise DigitsError(f"IDX body has {len(data) - header} bytes, expected "
                          f"{count * dtype.itemsize} for shape {shape}", "format")
    return np.frombuffer(data, dtype=dtype, offset=header).reshape(shape)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(name: str, sha256: str, cache_dir: Path, mirrors=MIRRORS, timeout: float = 30.0) -> Path:
    """The cached file ``name`` if its checksum matches, else download it (trying each mirror
    in turn), verify it and keep it. A file that fails the checksum is never kept."""
    cache_dir = Path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / name
    if target.exists() and _sha256(target) == sha256:
        return target
    errors = []
    for mirror in mirrors:
        partial = target.with_suffix(target.suffix + ".part")
        try:
            with urllib.request.urlopen(mirror + name, timeout=timeout) as response, \
                    open(partial, "wb") as out:
                while block := response.read(1 << 20):
                    out.write(block)
        except (urllib.error.URLError, OSError, TimeoutError) as err:
            partial.unlink(missing_ok=True)
            errors.append(f"{mirror}: {err}")
            continue
        if _sha256(partial) != sha256:
            partial.unlink(missing_ok=True)
            raise DigitsError(f"{name} from {mirror} does not match its published SHA-256",
                              "checksum")
        partial.replace(target)
        return target
    raise DigitsError(f"could not download {name}: " + "; ".join(errors), "network")


def mnist(cache_dir: Path, mirrors=MIRRORS, files=MNIST_FILES, timeout: float = 30.0) -> Digits:
    """MNIST's 60,000 training and 10,000 test images, 28×28, scaled to [0, 1]."""
    arrays = {}
    for name, sha256 in files.items():
        arrays[name] = parse_idx(fetch(name, sha256, cache_dir, mirrors, timeout).read_bytes())
    names = list(files)
    train_x, train_y, test_x, test_y = (arrays[n] for n in names)
    for images, labels in ((train_x, train_y), (test_x, test_y)):
        if images.ndim != 3 or labels.ndim != 1 or len(images) != len(labels):
            raise DigitsError("image and label files do not match", "format")
    side = train_x.shape[1]

    def flat(images):
        return (images.reshape(len(images), -1).astype(np.float32) / 255.0)

    return Digits(flat(train_x), train_y.astype(np.int64), flat(test_x),
                  test_y.astype(np.int64), side=side)
