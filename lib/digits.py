"""Handwritten digits: scikit-learn's bundled 8×8 set (offline) and MNIST (downloaded once).

MNIST comes as four gzip'd IDX files. They are fetched from a public mirror, checked against
their published SHA-256 and size, kept in a cache folder, and parsed here; nothing is trusted
until the checksum matches. A bad network costs seconds, not minutes: every file has one overall
deadline (not a per-read timeout), no answer is written beyond twice the file's published size,
and the hash is computed as the bytes arrive. A mirror that is slow but still sending cannot
use up the deadline: each mirror but the last has a *share* of it (the time left, divided among
the mirrors left), and from the end of its share it gives way to the next as soon as its pace is
too slow (below :data:`MIN_RATE`, or below the pace that would bring the rest of the file before
the deadline); one that has not answered by then gives way too. Every failure raises
:class:`DigitsError` with a ``reason`` the app can explain in the reader's language:

==============  ===============================================================================
``network``     no mirror could be reached or none had the file
``timeout``     the file's deadline passed before it had arrived, or every mirror was too slow
``too_big``     a mirror sent (or announced) more than twice the published size
``checksum``    what arrived does not match the published SHA-256
``format``      the files are not valid gzip'd IDX files, or do not fit together
``filesystem``  the cache folder cannot be created or written (not writable, a file where the
                folder should be, disk full)
``unexpected``  anything else (a bug); only :class:`SharedDownload` reports it
==============  ===============================================================================

The exception's message (``str(err)``) names files, folders and mirrors: it is for the server's
log. Readers are told only the ``reason``.

:class:`SharedDownload` runs one download at a time however many callers ask for it, lets any
number of them watch its progress, remembers a failure for a few minutes and keeps a success.
"""

from __future__ import annotations

import gzip
import hashlib
import http.client
import logging
import os
import socket
import struct
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

import numpy as np

__all__ = ["MIN_RATE", "MIRRORS", "MNIST_FILES", "Digits", "DigitsError", "DownloadStatus",
           "Published", "SharedDownload", "bundled", "fetch", "mnist", "mnist_download",
           "mnist_location", "parse_idx"]

log = logging.getLogger(__name__)

MIRRORS = ("https://storage.googleapis.com/cvdf-datasets/mnist/",
           "https://ossci-datasets.s3.amazonaws.com/mnist/")


@dataclass(frozen=True)
class Published:
    """A file's published SHA-256 (hex) and size in bytes."""

    sha256: str
    size: int


MNIST_FILES = {  # name -> SHA-256 and size of the .gz file as published
    "train-images-idx3-ubyte.gz": Published(
        "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", 9_912_422),
    "train-labels-idx1-ubyte.gz": Published(
        "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", 28_881),
    "t10k-images-idx3-ubyte.gz": Published(
        "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", 1_648_877),
    "t10k-labels-idx1-ubyte.gz": Published(
        "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", 4_542),
}
#: The most written for a file whose size is not known: twice MNIST's largest file.
DEFAULT_LIMIT = 2 * max(p.size for p in MNIST_FILES.values())
#: MNIST's training images held out for validation, as the book's loader does (50,000 + 10,000).
VALIDATION = 10_000
_IDX_TYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}
_BLOCK = 1 << 16
_REDIRECTS = 5
#: Bytes a second below which a mirror gives way to the next once its share of the deadline is
#: over (a file's own size and deadline usually ask for more: see :func:`fetch`).
MIN_RATE = 10_000

Progress = Callable[[int, int, float], None]


class DigitsError(Exception):
    """Loading failed. ``reason`` is one of ``"network"``, ``"timeout"``, ``"too_big"``,
    ``"checksum"``, ``"format"``, ``"filesystem"``, ``"unexpected"`` (see the module notes);
    the message is for the log (it may name server paths), the reason for the reader."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason

    def __reduce__(self):  # picklable with its reason
        return (DigitsError, (str(self), self.reason))


@dataclass(frozen=True)
class Digits:
    """A train/test split: X float32 in [0, 1], one row per image; y integer labels 0-9.

    ``X_valid``/``y_valid`` hold training images set aside for validation (MNIST: the last
    10,000 of its 60,000, as in the book), or are ``None``.
    """

    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    side: int  # image side in pixels (8 or 28)
    X_valid: np.ndarray | None = None
    y_valid: np.ndarray | None = None

    @property
    def features(self) -> int:
        return self.X_train.shape[1]


def bundled(test_size: int = 297, seed: int = 0) -> Digits:
    """scikit-learn's 1,797 bundled 8×8 digits (no download), scaled to [0, 1] and split at
    random (fixed by ``seed``) into 1,500 training and 297 test images by default.

    >>> d = bundled()
    >>> d.X_train.shape, d.X_test.shape, d.side
    ((1500, 64), (297, 64), 8)
    """
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


def _published(value: Published | str | tuple) -> Published:
    """``files`` values may be a :class:`Published`, ``(sha256, size)`` or a bare SHA-256."""
    if isinstance(value, Published):
        return value
    if isinstance(value, str):
        return Published(value, 0)
    sha256, size = value
    return Published(sha256, int(size))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _Failed(Exception):
    """One mirror failed; the next one is tried."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def _connect(url: str, deadline: float, read_timeout: float):
    """An open connection and its response for ``url``, following a few redirects; the
    response's headers must have arrived by ``deadline``."""
    for _ in range(_REDIRECTS + 1):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise _Failed(f"{url}: not an http(s) address", "network")
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _Failed(f"{url}: deadline passed before connecting", "timeout")
        kind = (http.client.HTTPSConnection if parts.scheme == "https"
                else http.client.HTTPConnection)
        conn = kind(parts.hostname, parts.port, timeout=min(read_timeout, remaining))
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        watchdog = None
        try:
            conn.connect()
            sock = conn.sock  # kept: http.client lets go of it when the server will close
            watchdog = _Watchdog(sock, deadline)
            conn.request("GET", path, headers={"User-Agent": "from-bits-to-losses",
                                               "Accept-Encoding": "identity"})
            response = conn.getresponse()
        except (OSError, http.client.HTTPException) as err:
            if watchdog is not None:
                watchdog.cancel()
            conn.close()
            if time.monotonic() >= deadline or isinstance(err, TimeoutError):
                raise _Failed(f"{url}: no answer in time ({err})", "timeout") from None
            raise _Failed(f"{url}: {err}", "network") from None
        watchdog.cancel()
        if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
            url = urllib.parse.urljoin(url, response.getheader("Location"))
            conn.close()
            continue
        if response.status != 200:
            conn.close()
            raise _Failed(f"{url}: HTTP {response.status} {response.reason}", "network")
        return conn, sock, response
    raise _Failed(f"{url}: too many redirects", "network")


class _Watchdog:
    """Shut the socket down at the deadline, so that even a server that drips its headers one
    byte at a time cannot hold a download past it. With ``unless``, the socket is shut down at
    the deadline only if ``unless()`` is false then."""

    def __init__(self, sock: socket.socket, deadline: float,
                 unless: Callable[[], bool] | None = None) -> None:
        self._unless = unless
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire, (sock,))
        self._timer.daemon = True
        self._timer.start()

    def _fire(self, sock: socket.socket) -> None:
        if self._unless is not None and self._unless():
            return
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def cancel(self) -> None:
        self._timer.cancel()


class _Pace:
    """Whether a mirror keeps up: from ``give_way_at`` (the end of its share of the deadline;
    ``None`` for the last mirror) its average rate since it was tried must reach ``min_rate`` and
    the rate that would bring the rest of ``expected`` bytes before ``deadline``."""

    def __init__(self, tried: float, give_way_at: float | None, deadline: float, expected: int,
                 min_rate: float) -> None:
        self.tried, self.give_way_at, self.deadline = tried, give_way_at, deadline
        self.expected, self.min_rate = expected, min_rate
        self.written = 0
        self.gave_way = False

    def too_slow(self, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        if self.give_way_at is None or now < self.give_way_at:
            return False
        rate = self.written / max(now - self.tried, 1e-9)
        rest = max(self.expected - self.written, 0)
        needed = rest / max(self.deadline - now, 1e-9) if rest else 0.0
        return rate < max(self.min_rate, needed)

    def keeps_up(self) -> bool:
        """For the watchdog at the end of the share: False (and remembered) when too slow."""
        self.gave_way = self.too_slow()
        return not self.gave_way

    def failure(self, url: str) -> _Failed:
        seconds = time.monotonic() - self.tried
        return _Failed(f"{url}: {self.written} bytes in {seconds:.1f} s, too slow to finish "
                       f"before the deadline; trying the next mirror", "timeout")


def _download(url: str, partial: Path, published: Published, limit: int, deadline: float,
              read_timeout: float, progress: Progress | None, started: float,
              give_way_at: float | None = None, min_rate: float = MIN_RATE) -> None:
    """Stream ``url`` into ``partial``, hashing as it goes; raise :class:`_Failed` (try the
    next mirror) or :class:`DigitsError` ``"filesystem"`` (no mirror can help). From
    ``give_way_at`` on, a mirror that is too slow (:class:`_Pace`) gives way."""
    tried = time.monotonic()
    try:
        conn, sock, response = _connect(url, give_way_at or deadline, read_timeout)
    except _Failed as failure:
        if give_way_at is not None and time.monotonic() >= give_way_at:
            raise _Failed(f"{url}: no answer within its share of the deadline ({failure})",
                          "timeout") from None
        raise
    announced = response.getheader("Content-Length")
    announced = int(announced) if announced and announced.isdigit() else None
    pace = _Pace(tried, give_way_at, deadline, published.size or announced or 0, min_rate)
    watchdogs = [_Watchdog(sock, deadline)]
    if give_way_at is not None:
        watchdogs.append(_Watchdog(sock, give_way_at, unless=pace.keeps_up))
    digest = hashlib.sha256()
    written = 0
    try:
        if announced is not None and announced > limit:
            raise _Failed(f"{url}: announces {announced} bytes, more than the {limit} allowed",
                          "too_big")
        expected = published.size or announced or 0
        try:
            out = open(partial, "wb")  # noqa: SIM115 - closed in the finally below
        except OSError as err:
            raise DigitsError(f"cannot write {partial}: {err}", "filesystem") from None
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise _Failed(f"{url}: only {written} bytes before the deadline", "timeout")
                if pace.too_slow():
                    raise pace.failure(url)
                try:
                    sock.settimeout(min(read_timeout, remaining))
                    block = response.read1(_BLOCK)
                except (OSError, http.client.HTTPException) as err:
                    if pace.gave_way:  # the share's watchdog closed the connection
                        raise pace.failure(url) from None
                    if time.monotonic() >= deadline or isinstance(err, TimeoutError):
                        raise _Failed(f"{url}: stalled after {written} bytes ({err})",
                                      "timeout") from None
                    raise _Failed(f"{url}: broken after {written} bytes ({err})",
                                  "network") from None
                if not block:
                    if pace.gave_way:
                        raise pace.failure(url)
                    if time.monotonic() >= deadline:  # the watchdog closed the connection
                        raise _Failed(f"{url}: only {written} bytes before the deadline",
                                      "timeout")
                    break
                if written + len(block) > limit:
                    raise _Failed(f"{url}: sent more than the {limit} bytes allowed", "too_big")
                try:
                    out.write(block)
                except OSError as err:
                    raise DigitsError(f"cannot write {partial}: {err}", "filesystem") from None
                digest.update(block)
                written += len(block)
                pace.written = written
                if progress is not None:
                    progress(written, expected, time.monotonic() - started)
        finally:
            try:
                out.close()
            except OSError as err:  # a full disk can surface only when the file is flushed
                raise DigitsError(f"cannot write {partial}: {err}", "filesystem") from None
    finally:
        for watchdog in watchdogs:
            watchdog.cancel()
        response.close()
        conn.close()
    if announced is not None and written != announced:
        raise _Failed(f"{url}: {written} bytes of the {announced} announced", "network")
    if digest.hexdigest() != published.sha256:
        raise _Failed(f"{url}: {written} bytes that do not match the published SHA-256",
                      "checksum")


#: When several mirrors fail differently, the reader hears the most telling reason.
_REASON_ORDER = ("checksum", "too_big", "timeout", "network")


def fetch(name: str, sha256: str, cache_dir: Path, mirrors=MIRRORS, timeout: float = 60.0, *,
          size: int | None = None, progress: Progress | None = None,
          read_timeout: float = 10.0, min_rate: float = MIN_RATE) -> Path:
    """The cached file ``name`` if its checksum matches, else download it, verify it, keep it.

    Parameters
    ----------
    name, sha256 : the file's name on the mirrors and its published SHA-256 (hex).
    cache_dir : folder for the verified file (created if missing).
    mirrors : base addresses tried in turn (each ends with ``/``); a mirror that fails for any
        reason (unreachable, HTTP error, too slow, too big, wrong checksum) passes to the next.
    timeout : seconds for the whole file, over all mirrors, counted on a monotonic clock from
        the call: a server that answers one byte a second is cut off at the deadline. Each
        mirror but the last has a share of it: the time left when it is tried, divided by the
        number of mirrors left (two mirrors, 8 s: the first has 4 s). From the end of its share
        a mirror gives way to the next as soon as its average rate since it was tried is below
        ``min_rate`` bytes a second, or below the rate that would bring the rest of the file
        before the deadline; one that has not sent its headers by then gives way at once. The
        last mirror has all the time left.
    size : the published size in bytes; by default looked up in :data:`MNIST_FILES`. At most
        ``2 * size`` bytes are written (:data:`DEFAULT_LIMIT` when the size is unknown).
    progress : ``progress(bytes_so_far, expected_bytes, seconds)`` after every block
        (``expected_bytes`` is ``size``, else the server's Content-Length, else 0).
    read_timeout : the most any single network wait may take (never past the deadline).
    min_rate : bytes a second (default :data:`MIN_RATE`) a mirror must keep up after its share.

    Returns the path of the verified file. A file that fails the checksum is never kept. Raises
    :class:`DigitsError` with reason ``"filesystem"`` when the cache cannot be written (the
    mirrors are not tried then), else with the most telling of the mirrors' reasons.

    >>> import hashlib, tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.gz").write_bytes(b"hello")
    >>> fetch("a.gz", hashlib.sha256(b"hello").hexdigest(), folder, mirrors=()).name
    'a.gz'
    """
    started = time.monotonic()
    deadline = started + timeout
    cache_dir = Path(cache_dir)
    if size is None:
        size = MNIST_FILES[name].size if name in MNIST_FILES else 0
    published = Published(sha256, int(size))
    limit = 2 * published.size if published.size else DEFAULT_LIMIT
    target = cache_dir / name
    partial = cache_dir / (name + ".part")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        if target.is_file() and _sha256(target) == sha256:
            return target
    except OSError as err:  # FileExistsError, NotADirectoryError, PermissionError, ...
        raise DigitsError(f"cannot use the cache folder {cache_dir}: {err}",
                          "filesystem") from None
    failures: list[_Failed] = []
    mirrors = tuple(mirrors)
    for i, mirror in enumerate(mirrors):
        now, left = time.monotonic(), len(mirrors) - i
        give_way_at = now + (deadline - now) / left if left > 1 else None
        try:
            _download(mirror + name, partial, published, limit, deadline, read_timeout,
                      progress, started, give_way_at, min_rate)
        except _Failed as failure:
            failures.append(failure)
            partial.unlink(missing_ok=True)
            if time.monotonic() >= deadline:
                break
            continue
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        try:
            partial.replace(target)
        except OSError as err:
            partial.unlink(missing_ok=True)
            raise DigitsError(f"cannot keep {target}: {err}", "filesystem") from None
        return target
    if not failures:
        raise DigitsError(f"could not download {name}: no mirror given", "network")
    reason = min((f.reason for f in failures), key=_REASON_ORDER.index)
    raise DigitsError(f"could not download {name}: " + "; ".join(map(str, failures)), reason)


def mnist(cache_dir: Path, mirrors=MIRRORS, files=MNIST_FILES, timeout: float = 60.0, *,
          validation: int = VALIDATION, progress: Progress | None = None,
          read_timeout: float = 10.0) -> Digits:
    """MNIST's images, 28×28, scaled to [0, 1]: the training file's first ``n - validation``
    images to train on, its last ``validation`` held out (the book's 50,000 + 10,000), and the
    10,000 test images.

    ``files`` maps the four names, in the order train images, train labels, test images, test
    labels, to a :class:`Published` (or a bare SHA-256). ``timeout`` is each file's deadline
    (see :func:`fetch`); ``progress(bytes_so_far, expected_bytes, seconds)`` counts all four
    files together, files already cached included.
    """
    published = {name: _published(value) for name, value in files.items()}
    total = sum(p.size for p in published.values())
    started = time.monotonic()
    finished = 0
    arrays = {}
    for name, pub in published.items():
        def report(done, expected, _seconds, before=finished):
            if progress is not None:
                progress(before + done, max(total, before + expected),
                         time.monotonic() - started)
        path = fetch(name, pub.sha256, cache_dir, mirrors, timeout, size=pub.size or None,
                     progress=report, read_timeout=read_timeout)
        try:
            raw = path.read_bytes()
        except OSError as err:
            raise DigitsError(f"cannot read {path}: {err}", "filesystem") from None
        finished += pub.size or len(raw)
        if progress is not None:
            progress(finished, max(total, finished), time.monotonic() - started)
        arrays[name] = parse_idx(raw)
    train_x, train_y, test_x, test_y = (arrays[n] for n in published)
    for images, labels in ((train_x, train_y), (test_x, test_y)):
        if images.ndim != 3 or labels.ndim != 1 or len(images) != len(labels):
            raise DigitsError("image and label files do not match", "format")
    if not 0 <= validation < len(train_x):
        raise ValueError(f"validation must be from 0 to {len(train_x) - 1}, got {validation}")
    side = train_x.shape[1]

    def flat(images):
        return images.reshape(len(images), -1).astype(np.float32) / np.float32(255.0)

    keep = len(train_x) - validation
    valid = (flat(train_x[keep:]), train_y[keep:].astype(np.int64)) if validation else (None,
                                                                                        None)
    return Digits(flat(train_x[:keep]), train_y[:keep].astype(np.int64), flat(test_x),
                  test_y.astype(np.int64), side=side, X_valid=valid[0], y_valid=valid[1])


# ---- One download for everyone ------------------------------------------------------------------

@dataclass(frozen=True)
class DownloadStatus:
    """A snapshot of a :class:`SharedDownload`.

    ``state`` is ``"idle"`` (never started, or a failure forgotten), ``"running"``, ``"done"``
    or ``"failed"``; ``done_bytes``/``total_bytes`` and ``seconds`` describe the latest attempt;
    ``error`` is the failure (a :class:`DigitsError`); ``retry_in`` the seconds until a failure
    is forgotten and a new request starts a new attempt.
    """

    state: str
    done_bytes: int = 0
    total_bytes: int = 0
    seconds: float = 0.0
    error: DigitsError | None = None
    retry_in: float = 0.0
    attempts: int = 0

    @property
    def fraction(self) -> float:
        """Share of the bytes that have arrived, in [0, 1] (0 when the total is unknown)."""
        if self.state == "done":
            return 1.0
        return min(1.0, self.done_bytes / self.total_bytes) if self.total_bytes else 0.0


class SharedDownload:
    """Run ``job`` at most once at a time, however many threads ask, and share its outcome.

    ``job(progress)`` does the work, calling ``progress(bytes_so_far, expected_bytes, seconds)``
    as it goes, and returns the result (e.g. ``lambda p: mnist(cache, progress=p)``). The first
    :meth:`start` runs it in a background thread; later calls while it runs only join it; a
    success is kept for good; a failure is remembered for ``failure_ttl`` seconds, during which
    :meth:`start` does not try again (:meth:`retry` does, at once). Pure ``threading``: any
    number of callers may :meth:`status`, :meth:`wait` and :meth:`result` at the same time.

    >>> shared = SharedDownload(lambda progress: progress(3, 3, 0.0) or "data")
    >>> shared.start().state in ("running", "done")
    True
    >>> shared.wait(5).state, shared.result(), shared.status().fraction
    ('done', 'data', 1.0)
    """

    def __init__(self, job: Callable[[Progress], object], *, failure_ttl: float = 180.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._job = job
        self._ttl = float(failure_ttl)
        self._clock = clock
        self._lock = threading.Lock()
        self._finished = threading.Event()
        self._state = "idle"
        self._result = None
        self._error: DigitsError | None = None
        self._failed_at = 0.0
        self._progress = (0, 0, 0.0)
        self._attempts = 0

    def _forget_old_failure(self) -> None:  # called with the lock held
        if self._state == "failed" and self._clock() - self._failed_at >= self._ttl:
            self._state, self._error = "idle", None

    def _snapshot(self) -> DownloadStatus:  # called with the lock held
        self._forget_old_failure()
        retry_in = (max(0.0, self._ttl - (self._clock() - self._failed_at))
                    if self._state == "failed" else 0.0)
        done, total, seconds = self._progress
        return DownloadStatus(self._state, done, total, seconds, self._error, retry_in,
                              self._attempts)

    def status(self) -> DownloadStatus:
        """What is happening now (never blocks for long, never starts anything)."""
        with self._lock:
            return self._snapshot()

    def start(self) -> DownloadStatus:
        """Start the job unless it is running, has succeeded, or failed recently."""
        with self._lock:
            self._forget_old_failure()
            if self._state == "idle":
                self._begin()
            return self._snapshot()

    def retry(self) -> DownloadStatus:
        """Forget a remembered failure and start again (a no-op while running or done)."""
        with self._lock:
            if self._state == "failed":
                self._state, self._error = "idle", None
            if self._state == "idle":
                self._begin()
            return self._snapshot()

    def wait(self, timeout: float | None = None) -> DownloadStatus:
        """Block until the current attempt ends (or ``timeout`` seconds), then :meth:`status`."""
        with self._lock:
            finished = self._finished
        finished.wait(timeout)
        return self.status()

    def result(self):
        """The job's result once done; raises the remembered :class:`DigitsError` after a
        failure and ``RuntimeError`` before the job has finished."""
        with self._lock:
            if self._state == "done":
                return self._result
            if self._state == "failed":
                raise self._error
            raise RuntimeError(f"the download is {self._state}")

    def _begin(self) -> None:  # called with the lock held
        self._state = "running"
        self._progress = (0, 0, 0.0)
        self._attempts += 1
        self._finished = threading.Event()
        threading.Thread(target=self._run, args=(self._finished,), daemon=True,
                         name="shared-download").start()

    def _report(self, done: int, total: int, seconds: float) -> None:
        with self._lock:
            self._progress = (int(done), int(total), float(seconds))

    def _run(self, finished: threading.Event) -> None:
        try:
            result = self._job(self._report)
        except DigitsError as err:
            self._fail(err)
        except Exception as err:  # noqa: BLE001 - any failure must end the attempt cleanly
            self._fail(DigitsError(f"{type(err).__name__}: {err}", "unexpected"))
        else:
            with self._lock:
                self._state, self._result, self._error = "done", result, None
        finally:
            finished.set()

    def _fail(self, err: DigitsError) -> None:
        with self._lock:
            self._state, self._error, self._failed_at = "failed", err, self._clock()


def mnist_location(environ: Mapping[str, str] | None = None,
                   home: Path | None = None) -> tuple[Path, tuple[str, ...], float]:
    """Where MNIST is cached, the mirrors it is fetched from, and each file's deadline in
    seconds, from the environment: ``BITS_TO_LOSSES_CACHE`` (the cache's parent folder, default
    ``~/.cache/from-bits-to-losses``), ``BITS_TO_LOSSES_MNIST_MIRRORS`` (comma-separated,
    default :data:`MIRRORS`) and ``BITS_TO_LOSSES_MNIST_TIMEOUT`` (default 60). The tests point
    the mirrors at 127.0.0.1: nothing reaches the internet.

    >>> cache, mirrors, timeout = mnist_location(
    ...     {"BITS_TO_LOSSES_CACHE": "/tmp/c", "BITS_TO_LOSSES_MNIST_MIRRORS": "http://a/,http://b/"})
    >>> cache.as_posix(), mirrors, timeout
    ('/tmp/c/mnist', ('http://a/', 'http://b/'), 60.0)
    """
    environ = os.environ if environ is None else environ
    parent = environ.get("BITS_TO_LOSSES_CACHE") or (home or Path.home()) / ".cache" / \
        "from-bits-to-losses"
    mirrors = environ.get("BITS_TO_LOSSES_MNIST_MIRRORS")
    return (Path(parent) / "mnist", tuple(mirrors.split(",")) if mirrors else MIRRORS,
            float(environ.get("BITS_TO_LOSSES_MNIST_TIMEOUT", 60)))


def mnist_download(cache: Path, mirrors: tuple[str, ...], timeout: float, *,
                   failure_ttl: float = 180.0) -> SharedDownload:
    """One :class:`SharedDownload` of MNIST (:func:`mnist` with these arguments): a failure's
    message, which names paths, goes to the log only; the reader's words come from its
    ``reason``."""
    def job(progress):
        try:
            return mnist(cache, mirrors=mirrors, timeout=timeout, progress=progress)
        except DigitsError as err:
            log.warning("MNIST unavailable (%s): %s", err.reason, err)
            raise
    return SharedDownload(job, failure_ttl=failure_ttl)
