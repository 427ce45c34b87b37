"""lib.digits: bundled digits, the IDX parser on files written here, and the download path
against HTTP servers on 127.0.0.1 (never the internet): good, hanging, dripping, oversized and
lying mirrors, broken cache folders, and one shared download for many callers."""

import gzip
import hashlib
import http.server
import os
import struct
import threading
import time
from functools import partial
from pathlib import Path

import numpy as np
import pytest

from lib import digits
from lib.digits import DigitsError, Published, SharedDownload, parse_idx


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
    data = digits.mnist(cache, mirrors=(base,), files=sums, timeout=5, validation=0)
    assert data.X_train.shape == (20, 784) and data.X_test.shape == (5, 784) and data.side == 28
    assert data.X_valid is None
    np.testing.assert_allclose(data.X_train[3], arrays["train-images-idx3-ubyte.gz"][3]
                               .ravel() / 255.0, rtol=1e-6)
    np.testing.assert_array_equal(data.y_test, arrays["t10k-labels-idx1-ubyte.gz"])
    assert sorted(p.name for p in cache.iterdir()) == sorted(sums)
    assert len(hits) == 4
    again = digits.mnist(cache, mirrors=(base,), files=sums, timeout=5, validation=5)
    assert len(hits) == 4  # verified cache: no requests
    # The book's split: the training file's last images are held out for validation.
    assert again.X_train.shape == (15, 784) and again.X_valid.shape == (5, 784)
    np.testing.assert_array_equal(again.X_valid, data.X_train[15:])
    np.testing.assert_array_equal(again.y_valid, data.y_train[15:])


def test_bad_checksum_is_rejected_and_not_kept(fake_mnist, loopback, tmp_path):
    _, sums, _ = fake_mnist
    base, _ = loopback
    wrong = dict(sums, **{"train-labels-idx1-ubyte.gz": "0" * 64})
    cache = tmp_path / "cache"
    with pytest.raises(DigitsError, match="do not match the published SHA-256") as err:
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
    digits.mnist(cache, mirrors=(base,), files=sums, timeout=5, validation=0)
    assert "/t10k-labels-idx1-ubyte.gz" in hits


def test_unreachable_mirror_falls_through_then_fails(fake_mnist, loopback, tmp_path):
    _, sums, _ = fake_mnist
    base, _ = loopback
    dead = "http://127.0.0.1:9/"  # the discard port: nothing listens there
    data = digits.mnist(tmp_path / "a", mirrors=(dead, base), files=sums, timeout=5,
                        validation=0)
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


# ---- Hostile mirrors ---------------------------------------------------------------------------

PAYLOAD = gzip.compress(bytes(range(256)) * 8)  # a small "published" file
SHA = hashlib.sha256(PAYLOAD).hexdigest()
SIZE = len(PAYLOAD)


class Hostile(http.server.BaseHTTPRequestHandler):
    """/good/<name>: the payload; /bad/: the wrong bytes; /hang/: never answers; /drip/: one
    byte a second; /dripheaders/: headers a byte at a time; /huge/: 50 MB without a length;
    /liar/: announces 1 GB; /slow/: the payload after 0.5 s (for the shared download);
    /steady/: the payload in ten pieces over about a second."""

    protocol_version = "HTTP/1.1"
    stop = threading.Event()
    hits: list[str] = []

    def log_message(self, *args):
        pass

    def _wait(self, seconds):
        return self.stop.wait(seconds)

    def do_GET(self):  # noqa: N802 - the standard library's name
        mode = self.path.split("/")[1]
        type(self).hits.append(self.path)
        try:
            if mode == "hang":
                self._wait(30)
                return
            if mode == "dripheaders":
                for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello":
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    if self._wait(0.3):
                        return
                return
            if mode == "liar":
                self.send_response(200)
                self.send_header("Content-Length", str(10 ** 9))
                self.end_headers()
                self.wfile.write(PAYLOAD)
                return
            if mode == "huge":
                self.send_response(200)
                self.send_header("Connection", "close")
                self.end_headers()
                block = b"\0" * 65536
                for _ in range(800):
                    self.wfile.write(block)
                return
            body = PAYLOAD if mode in ("good", "slow", "drip", "steady") else PAYLOAD[::-1]
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if mode == "steady":  # the payload in ten pieces, 0.1 s apart (about 1 s)
                step = -(-len(body) // 10)
                for start in range(0, len(body), step):
                    self.wfile.write(body[start:start + step])
                    self.wfile.flush()
                    if self._wait(0.1):
                        return
                return
            if mode == "drip":
                for byte in body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    if self._wait(1.0):
                        return
                return
            if mode == "slow":
                self._wait(0.5)
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture
def hostile():
    Hostile.stop.clear()
    Hostile.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    server.block_on_close = False
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    yield lambda mode: f"{base}/{mode}/"
    Hostile.stop.set()
    server.shutdown()
    server.server_close()


def fetch(tmp_path, *mirrors, timeout=2.0, read_timeout=10.0, progress=None, cache=None,
          min_rate=digits.MIN_RATE):
    return digits.fetch("f.gz", SHA, cache or tmp_path / "cache", mirrors, timeout, size=SIZE,
                        progress=progress, read_timeout=read_timeout, min_rate=min_rate)


def test_good_mirror_reports_progress(hostile, tmp_path):
    seen = []
    path = fetch(tmp_path, hostile("good"), progress=lambda *a: seen.append(a))
    assert path.read_bytes() == PAYLOAD
    assert seen[-1][:2] == (SIZE, SIZE) and seen[-1][2] >= 0
    assert [s[0] for s in seen] == sorted(s[0] for s in seen)


@pytest.mark.parametrize("mode", ["hang", "drip", "dripheaders"])
def test_a_slow_mirror_is_cut_off_at_the_overall_deadline(hostile, tmp_path, mode):
    """A server that never answers, drips its body a byte a second or drips its headers cannot
    hold a download past its deadline, even with a per-read timeout longer than the deadline."""
    start = time.monotonic()
    with pytest.raises(DigitsError) as err:
        fetch(tmp_path, hostile(mode), timeout=2.0, read_timeout=10.0)
    took = time.monotonic() - start
    assert err.value.reason == "timeout", str(err.value)
    assert 1.9 <= took < 9  # cut at the 2 s deadline, not at the 10 s read timeout
    assert not list((tmp_path / "cache").iterdir())  # nothing half-written is kept


def test_a_hanging_mirror_passes_to_the_next_within_the_deadline(hostile, tmp_path):
    start = time.monotonic()
    path = fetch(tmp_path, hostile("hang"), hostile("good"), timeout=5.0, read_timeout=0.5)
    # before the first mirror's 5 s deadline: its 0.5 s read timeout moved on
    assert path.read_bytes() == PAYLOAD and time.monotonic() - start < 4.5


def test_a_dripping_mirror_gives_way_to_the_next_within_its_share(hostile, tmp_path):
    """Issue 23: drip first, good second, 8 s deadline. The dripping mirror is still sending,
    so no read ever times out; it gives way at the end of its share (4 s), and the good mirror
    brings the file."""
    start = time.monotonic()
    path = fetch(tmp_path, hostile("drip"), hostile("good"), timeout=8.0, read_timeout=10.0)
    took = time.monotonic() - start
    assert path.read_bytes() == PAYLOAD
    assert Hostile.hits == ["/drip/f.gz", "/good/f.gz"]
    assert 3.9 <= took < 7.5, took  # its share of the 8 s, not the whole deadline


@pytest.mark.parametrize("mode", ["hang", "dripheaders"])
def test_a_mirror_silent_through_its_share_gives_way(hostile, tmp_path, mode):
    path = fetch(tmp_path, hostile(mode), hostile("good"), timeout=3.0, read_timeout=10.0)
    assert path.read_bytes() == PAYLOAD
    assert Hostile.hits == [f"/{mode}/f.gz", "/good/f.gz"]


def test_a_mirror_that_keeps_pace_is_not_cut_at_the_end_of_its_share(hostile, tmp_path):
    """The steady mirror needs about 1 s; its share of 1.6 s is 0.8 s, by which time it has sent
    about 80% at a pace that brings the rest long before the deadline: it finishes."""
    path = fetch(tmp_path, hostile("steady"), hostile("good"), timeout=1.6, min_rate=0)
    assert path.read_bytes() == PAYLOAD
    assert Hostile.hits == ["/steady/f.gz"]


def test_a_mirror_below_the_minimum_rate_gives_way(hostile, tmp_path):
    path = fetch(tmp_path, hostile("steady"), hostile("good"), timeout=1.6,
                 min_rate=100 * SIZE)
    assert path.read_bytes() == PAYLOAD
    assert Hostile.hits == ["/steady/f.gz", "/good/f.gz"]


def test_the_last_mirror_has_all_the_time_left(hostile, tmp_path):
    # Alone, the steady mirror is slower than the minimum rate, but nobody is waiting behind it.
    path = fetch(tmp_path, hostile("steady"), timeout=3.0, min_rate=100 * SIZE)
    assert path.read_bytes() == PAYLOAD
    with pytest.raises(DigitsError) as err:  # two dripping mirrors: too slow, both
        fetch(tmp_path, hostile("drip"), hostile("drip"), timeout=2.0, cache=tmp_path / "x")
    assert err.value.reason == "timeout"
    assert not list((tmp_path / "x").iterdir())


def test_never_writes_more_than_twice_the_published_size(hostile, tmp_path):
    seen = []
    start = time.monotonic()
    with pytest.raises(DigitsError) as err:
        fetch(tmp_path, hostile("huge"), timeout=10.0, progress=lambda *a: seen.append(a[0]))
    assert err.value.reason == "too_big"
    assert max(seen, default=0) <= 2 * SIZE  # stopped long before the 50 MB were sent
    assert time.monotonic() - start < 9  # by the size check, not the 10 s deadline
    # A mirror announcing too much is refused before a byte is written.
    seen.clear()
    with pytest.raises(DigitsError) as err:
        fetch(tmp_path, hostile("liar"), progress=lambda *a: seen.append(a[0]))
    assert err.value.reason == "too_big" and not seen
    assert not list((tmp_path / "cache").iterdir())


def test_a_bad_checksum_tries_the_next_mirror(hostile, tmp_path):
    path = fetch(tmp_path, hostile("bad"), hostile("good"))
    assert path.read_bytes() == PAYLOAD
    assert Hostile.hits == ["/bad/f.gz", "/good/f.gz"]
    with pytest.raises(DigitsError) as err:
        fetch(tmp_path, hostile("bad"), hostile("hang"), cache=tmp_path / "other", timeout=1.0)
    assert err.value.reason == "checksum"  # the most telling of the two reasons


def test_mnist_files_carry_their_published_sizes():
    sizes = {name: p.size for name, p in digits.MNIST_FILES.items()}
    assert sizes == {"train-images-idx3-ubyte.gz": 9_912_422,
                     "train-labels-idx1-ubyte.gz": 28_881,
                     "t10k-images-idx3-ubyte.gz": 1_648_877,
                     "t10k-labels-idx1-ubyte.gz": 4_542}
    assert all(len(p.sha256) == 64 for p in digits.MNIST_FILES.values())


# ---- The file system ----------------------------------------------------------------------------

def _not_writable(tmp_path) -> Path:
    """A folder this process cannot write to, even as root (sysfs refuses new files)."""
    if os.geteuid() == 0:
        if not os.access("/sys/kernel", os.F_OK):
            pytest.skip("running as root without /sys")
        return Path("/sys/kernel")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    return folder


def test_cache_folder_not_writable(hostile, tmp_path):
    with pytest.raises(DigitsError) as err:
        fetch(tmp_path, hostile("good"), cache=_not_writable(tmp_path))
    assert err.value.reason == "filesystem"


@pytest.mark.parametrize("where", ["itself", "parent"])
def test_a_file_where_the_folder_should_be(hostile, tmp_path, where):
    (tmp_path / "cache").write_text("not a folder")
    cache = tmp_path / "cache" if where == "itself" else tmp_path / "cache" / "mnist"
    with pytest.raises(DigitsError) as err:
        fetch(tmp_path, hostile("good"), cache=cache)
    assert err.value.reason == "filesystem"
    assert str(tmp_path) in str(err.value)  # the path is in the log message only
    assert not Hostile.hits  # no mirror is bothered when the cache cannot be used


def test_disk_full(hostile, tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "f.gz.part").symlink_to("/dev/full")  # every write fails with ENOSPC
    with pytest.raises(DigitsError) as err:
        fetch(tmp_path, hostile("good"), cache=cache)
    assert err.value.reason == "filesystem" and "No space left" in str(err.value)
    assert not (cache / "f.gz").exists() and not (cache / "f.gz.part").exists()


# ---- One download for everyone ------------------------------------------------------------------

def test_two_threads_asking_at_once_share_one_download(hostile, tmp_path):
    calls = []

    def job(progress):
        calls.append(1)
        return digits.fetch("f.gz", SHA, tmp_path / "cache", (hostile("slow"),), 5.0,
                            size=SIZE, progress=progress)

    shared = SharedDownload(job)
    barrier = threading.Barrier(2)
    results = []

    def user():
        barrier.wait()
        shared.start()
        results.append(shared.wait(10))

    threads = [threading.Thread(target=user) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(15)
    assert [r.state for r in results] == ["done", "done"]
    assert len(calls) == 1 and Hostile.hits == ["/slow/f.gz"]
    assert shared.result().read_bytes() == PAYLOAD
    status = shared.start()  # a success is kept: asking again downloads nothing
    assert status.state == "done" and status.fraction == 1.0 and len(calls) == 1


def test_others_see_progress_while_it_runs():
    release = threading.Event()

    def job(progress):
        progress(300, 1000, 0.5)
        release.wait(5)
        return "data"

    shared = SharedDownload(job)
    assert shared.status().state == "idle"
    shared.start()
    for _ in range(100):
        if shared.status().done_bytes:
            break
        time.sleep(0.01)
    status = shared.status()
    assert (status.state, status.done_bytes, status.total_bytes, status.seconds) == (
        "running", 300, 1000, 0.5)
    assert status.fraction == 0.3
    with pytest.raises(RuntimeError):
        shared.result()
    release.set()
    assert shared.wait(5).state == "done" and shared.result() == "data"


def test_a_failure_is_remembered_then_forgotten_and_try_again_clears_it():
    now = [100.0]
    calls = []

    def job(progress):
        calls.append(1)
        raise DigitsError("mirror at http://x/ timed out", "timeout")

    shared = SharedDownload(job, failure_ttl=60, clock=lambda: now[0])
    shared.start()
    status = shared.wait(5)
    assert status.state == "failed" and status.error.reason == "timeout"
    assert status.retry_in == 60
    now[0] += 30
    assert shared.start().state == "failed" and len(calls) == 1  # remembered: no new attempt
    assert shared.status().retry_in == 30
    with pytest.raises(DigitsError):
        shared.result()
    shared.retry()  # "try again" forgets it at once
    assert shared.wait(5).state == "failed" and len(calls) == 2
    now[0] += 61  # after the time-to-live a new request starts a new attempt
    assert shared.status().state == "idle"
    shared.start()
    assert shared.wait(5).state == "failed" and len(calls) == 3
    assert shared.status().attempts == 3


def test_an_unexpected_error_ends_the_attempt_cleanly():
    shared = SharedDownload(lambda progress: 1 / 0)
    shared.start()
    status = shared.wait(5)
    assert status.state == "failed" and status.error.reason == "unexpected"


def test_shared_mnist_download_end_to_end(fake_mnist, loopback, tmp_path):
    _, sums, _ = fake_mnist
    base, hits = loopback
    sizes = {n: Published(sha, (fake_mnist[0] / n).stat().st_size) for n, sha in sums.items()}
    seen = []

    def job(progress):
        def report(*args):
            seen.append(args)
            progress(*args)
        return digits.mnist(tmp_path / "c", mirrors=(base,), files=sizes, validation=5,
                            progress=report)

    shared = SharedDownload(job)
    shared.start()
    assert shared.wait(10).state == "done"
    total = sum(p.size for p in sizes.values())
    assert seen[-1][:2] == (total, total) and shared.status().fraction == 1.0
    assert shared.result().X_valid.shape == (5, 784) and len(hits) == 4
