"""lib.digits: bundled digits, the IDX parser on files written here, and the download path
against an HTTP server on 127.0.0.1 (never the internet)."""

import gzip
import hashlib
import http.server
import struct
import threading
from functools import partial

import numpy as np
import pytest

from lib import digits
from lib.digits import DigitsError, parse_idx


def idx_bytes(array: np.ndarray) -> bytes:
    codes = {np.dtype(np.uint8): 0x08, np.dtype(">i4"): 0x0C, np.dtype(">f4"): 0x0D}
    array = np.asarray(array)
    if array.dtype == np.int32:
        array = array.astype(">i4")
    if array.dtype == np.float32:
        array = array.astype(">f4")
    header = bytes([0, 0, codes[array.dtype], array.ndim]) + struct.pack(
        f">{array.ndim}I", *array.shape)
    return header + array.tobytes()


def test_bundled_split():
    d = digits.bundled()
    assert d.X_train.shape == (1500, 64) and d.X_test.shape == (297, 64)
    assert d.X_train.dtype == np.float32 and 0.0 <= d.X_train.min() and d.X_train.max() <= 1.0
    assert set(np.unique(d.y_train)) == set(range(10)) and d.side == 8
    again = digits.bundled()
    np.testing.assert_array_equal(d.X_test, again.X_test)


@pytest.mark.parametrize("array", [
    np.arange(24, dtype=np.uint8).reshape(2, 3, 4),
    np.array([7, 0, 9], dtype=np.uint8),
    np.array([[1, -2], [300000, 4]], dtype=np.int32),
    np.array([0.5, -1.25], dtype=np.float32),
])
def test_parse_idx_round_trip(array):
    raw = idx_bytes(array)
    np.testing.assert_array_equal(parse_idx(raw), array)
    np.testing.assert_array_equal(parse_idx(gzip.compress(raw)), array)


@pytest.mark.parametrize("raw, message", [
    (b"\x01\x00\x08\x01\x00\x00\x00\x01\x05", "magic"),
    (b"\x00\x00\x42\x01\x00\x00\x00\x01\x05", "magic"),
    (b"\x00\x00\x08\x02\x00\x00", "cut short"),
    (b"\x00\x00\x08\x01\x00\x00\x00\x05\x01\x02", "expected 5"),
    (b"\x1f\x8b not really gzip", "gzip"),
])
def test_parse_idx_rejects_bad_files(raw, message):
    with pytest.raises(DigitsError, match=message) as err:
        parse_idx(raw)
    assert err.value.reason == "format"


@pytest.fixture
def fake_mnist(tmp_path):
    """Four small gzip'd IDX files in MNIST's layout, and their SHA-256."""
    rng = np.random.default_rng(0)
    arrays = {
        "train-images-idx3-ubyte.gz": rng.integers(0, 256, (20, 28, 28), dtype=np.uint8),
        "train-labels-idx1-ubyte.gz": rng.integers(0, 10, 20).astype(np.uint8),
        "t10k-images-idx3-ubyte.gz": rng.integers(0, 256, (5, 28, 28), dtype=np.uint8),
        "t10k-labels-idx1-ubyte.gz": rng.integers(0, 10, 5).astype(np.uint8),
    }
    served = tmp_path / "served"
    served.mkdir()
    sums = {}
    for name, array in arrays.items():
        data = gzip.compress(idx_bytes(array))
        (served / name).write_bytes(data)
        sums[name] = hashlib.sha256(data).hexdigest()
    return served, sums, arrays


@pytest.fixture
def loopback(fake_mnist):
    """An HTTP server on 127.0.0.1 serving the fake files; yields its base URL and a hit log."""
    served, _, _ = fake_mnist
    hits = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            hits.append(self.path)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             partial(Handler, directory=str(served)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", hits
    server.shutdown()
    server.server_close()


def test_download_verify_parse_and_cache(fake_mnist, loopback, tmp_path):
    _, sums, arrays = fake_mnist
    base, hits = loopback
    cache = tmp_path / "cache"
    data = digits.mnist(cache, mirrors=(base,), files=sums, timeout=5)
    assert data.X_train.shape == (20, 784) and data.X_test.shape == (5, 784) and data.side == 28
    np.testing.assert_allclose(data.X_train[3], arrays["train-images-idx3-ubyte.gz"][3]
                               .ravel() / 255.0, rtol=1e-6)
    np.testing.assert_array_equal(data.y_test, arrays["t10k-labels-idx1-ubyte.gz"])
    assert sorted(p.name for p in cache.iterdir()) == sorted(sums)
    assert len(hits) == 4
    digits.mnist(cache, mirrors=(base,), files=sums, timeout=5)  # verified cache: no requests
    assert len(hits) == 4


def test_bad_checksum_is_rejected_and_not_kept(fake_mnist, loopback, tmp_path):
    _, sums, _ = fake_mnist
    base, _ = loopback
    wrong = dict(sums, **{"train-labels-idx1-ubyte.gz": "0" * 64})
    cache = tmp_path / "cache"
    with pytest.raises(DigitsError, match="does not match its published SHA-256") as err:
        digits.mnist(cache, mirrors=(base,), files=wrong, timeout=5)
    assert err.value.reason == "checksum"
    assert not (cache / "train-labels-idx1-ubyte.gz").exists()
    assert not list(cache.glob("*.part"))


def test_corrupted_cache_is_downloaded_again(fake_mnist, loopback, tmp_path):
    _, sums, _ = fake_mnist
    base, hits = loopback
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "t10k-labels-idx1-ubyte.gz").write_bytes(b"garbage")
    digits.mnist(cache, mirrors=(base,), files=sums, timeout=5)
    assert "/t10k-labels-idx1-ubyte.gz" in hits


def test_unreachable_mirror_falls_through_then_fails(fake_mnist, loopback, tmp_path):
    _, sums, _ = fake_mnist
    base, _ = loopback
    dead = "http://127.0.0.1:9/"  # the discard port: nothing listens there
    data = digits.mnist(tmp_path / "a", mirrors=(dead, base), files=sums, timeout=5)
    assert data.X_train.shape == (20, 784)
    with pytest.raises(DigitsError) as err:
        digits.mnist(tmp_path / "b", mirrors=(dead,), files=sums, timeout=5)
    assert err.value.reason == "network"


def test_missing_file_on_server_is_a_network_error(fake_mnist, loopback, tmp_path):
    _, sums, _ = fake_mnist
    base, _ = loopback
    with pytest.raises(DigitsError) as err:
        digits.mnist(tmp_path, mirrors=(base,), files={"nope.gz": "0" * 64}, timeout=5)
    assert err.value.reason == "network"
