"""Keep the server's memory on a plateau as sessions come and go (glibc Linux only).

Under glibc's default allocator every thread that allocates may get its own malloc arena (up to
8 per core); Streamlit runs each session's script in a new thread, and the freed memory left
scattered over many arenas is rarely returned to the system, so the server grows about 1 MiB per
closed session. ``MALLOC_ARENA_MAX=2`` in the environment stops that, but on Streamlit Community
Cloud the start command and its environment are not ours. So, when this module is imported (once
per process, on glibc Linux; elsewhere nothing happens and nothing raises):

- ``mallopt(M_ARENA_MAX, 2)`` caps the number of arenas for threads that start afterwards;
- :func:`trim_after_sessions` (``app.py`` calls it on every run) registers a per-session
  resource whose release, when Streamlit drops the session, asks glibc to hand free pages back
  with ``malloc_trim(0)`` (at most once every few seconds, off the event loop).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import platform
import sys
import threading
import time

import streamlit as st

#: glibc's mallopt parameter number for the arena cap (malloc.h: #define M_ARENA_MAX -8).
M_ARENA_MAX = -8
ARENA_MAX = 2
#: Seconds between two trims at most (a trim walks every arena: a few milliseconds).
TRIM_INTERVAL = 5.0


def _glibc():
    """glibc's handle, or None (another OS or C library)."""
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt.argtypes, libc.mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
        libc.malloc_trim.argtypes, libc.malloc_trim.restype = [ctypes.c_size_t], ctypes.c_int
    except (OSError, AttributeError):
        return None
    return libc


# Kept on the sys module, which Streamlit never reloads, so that a re-import (Streamlit reloads
# edited modules) does not configure twice.
_STATE = sys.__dict__.setdefault("_bits_to_losses_memory", {
    "libc": None, "arena_max": None, "reason": "", "trims": 0, "last_trim": 0.0,
    "lock": threading.Lock(), "pending": False})


def configure() -> dict:
    """Cap glibc's malloc arenas once per process; return ``arena_max`` (the cap set, or None)
    and ``reason`` (why not). Never raises."""
    if _STATE["arena_max"] is None and not _STATE["reason"]:
        try:
            libc = _glibc()
            if libc is None:
                _STATE["reason"] = "not glibc Linux"
            elif libc.mallopt(M_ARENA_MAX, ARENA_MAX) == 1:
                _STATE["libc"], _STATE["arena_max"] = libc, ARENA_MAX
            else:
                _STATE["reason"] = "mallopt refused M_ARENA_MAX"
        except Exception as e:  # noqa: BLE001 - memory tuning must never break a page
            _STATE["reason"] = f"mallopt failed: {e}"
    return {"arena_max": _STATE["arena_max"], "reason": _STATE["reason"]}


def trim() -> bool:
    """Ask glibc to return free memory to the system now (``malloc_trim(0)``); True when it
    released something. Never raises."""
    if _STATE["libc"] is None:
        return False
    try:
        released = bool(_STATE["libc"].malloc_trim(0))
    except Exception:  # noqa: BLE001
        return False
    _STATE["trims"] += 1
    _STATE["last_trim"] = time.monotonic()
    return released


def _trim_soon(_token: object = None) -> None:
    """Trim in a background thread, at most once per TRIM_INTERVAL (sessions often end in
    bursts); never on the caller's thread, which is Streamlit's event loop."""
    with _STATE["lock"]:
        if _STATE["libc"] is None or _STATE["pending"]:
            return
        _STATE["pending"] = True

    def later() -> None:
        time.sleep(max(0.0, _STATE["last_trim"] + TRIM_INTERVAL - time.monotonic()))
        with _STATE["lock"]:
            _STATE["pending"] = False
        trim()

    threading.Thread(target=later, name="malloc-trim", daemon=True).start()


@st.cache_resource(scope="session", on_release=_trim_soon, show_spinner=False)
def _session_token() -> object:
    """One per session: Streamlit releases a session's resources when it drops the session
    (tab closed or reloaded) and calls ``on_release`` for them."""
    return object()


def trim_after_sessions() -> None:
    """Register this session so that its end triggers a trim. Cheap; never raises."""
    if _STATE["libc"] is None:
        return
    try:
        _session_token()
    except Exception:  # noqa: BLE001 - outside a script run
        pass


def status() -> dict:
    """What this process did: arena cap, reason if none, number of trims."""
    return {"arena_max": _STATE["arena_max"], "reason": _STATE["reason"], "trims": _STATE["trims"]}


configure()
