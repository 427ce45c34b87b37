"""Keep the server's memory on a plateau as sessions come and go (glibc Linux only).

Under glibc's default allocator every thread that allocates may get its own malloc arena (up to
8 per core); Streamlit runs each session's script in a new thread, and the freed memory left
scattered over many arenas is rarely returned to the system, so the server grows about 1 MiB per
closed session. ``MALLOC_ARENA_MAX=2`` in the environment stops that, but on Streamlit Community
Cloud the start command and its environment are not ours. So, when this module is imported (once
per process, on glibc Linux; elsewhere nothing happens and nothing raises):

- ``mallopt(M_ARENA_MAX, 2)`` caps the number of arenas for threads that start afterwards;
- :func:`trim_after_sessions` (call it on every rerun, from the shared page setup) registers a
  per-session resource whose release, when Streamlit drops the session, asks glibc to hand free
  pages back with ``malloc_trim(0)`` (at most once every few seconds, off the event loop).

``BITS_TO_LOSSES_MALLOC`` in the environment chooses, for measurements: ``off`` (neither),
``arena`` (only the cap), ``trim`` (only the trims); unset or anything else: both.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import platform
import sys
import threading
import time

#: glibc's mallopt parameter number for the arena cap (malloc.h: #define M_ARENA_MAX -8).
M_ARENA_MAX = -8
ARENA_MAX = 2
#: Seconds between two trims at most (a trim walks every arena: a few milliseconds).
TRIM_INTERVAL = 5.0
_SWITCH = "BITS_TO_LOSSES_MALLOC"
# Kept on the sys module, which Streamlit never reloads, so a re-import (Streamlit reloads
# edited modules) does not configure twice.
_STATE = "_bits_to_losses_memory"


def _state() -> dict:
    state = getattr(sys, _STATE, None)
    if state is None or state.get("pid") != os.getpid():
        state = {"pid": os.getpid(), "libc": None, "arena_max": None, "reason": "",
                 "trims": 0, "last_trim": 0.0, "lock": threading.Lock(), "pending": False}
        setattr(sys, _STATE, state)
    return state


def _mode() -> str:
    value = os.environ.get(_SWITCH, "").strip().lower()
    if value in ("off", "0", "no", "false"):
        return "off"
    return value if value in ("arena", "trim") else "both"


def _glibc():
    """glibc's handle, or None (another OS or C library, or switched off)."""
    if _mode() == "off":
        return None
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt.argtypes, libc.mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
        libc.malloc_trim.argtypes, libc.malloc_trim.restype = [ctypes.c_size_t], ctypes.c_int
    except (OSError, AttributeError):
        return None
    return libc


def configure() -> dict:
    """Cap glibc's malloc arenas once per process; return what was done.

    Returns a dict with ``arena_max`` (the cap set, or None when nothing was set) and
    ``reason`` (why not). Never raises.
    """
    state = _state()
    if state["arena_max"] is not None or state["reason"]:
        return {"arena_max": state["arena_max"], "reason": state["reason"]}
    try:
        libc = _glibc()
        if libc is None:
            state["reason"] = "not glibc Linux, or switched off"
        elif _mode() == "trim":
            state["libc"], state["reason"] = libc, "arena cap switched off"
        elif libc.mallopt(M_ARENA_MAX, ARENA_MAX) == 1:
            state["libc"], state["arena_max"] = libc, ARENA_MAX
        else:
            state["reason"] = "mallopt refused M_ARENA_MAX"
    except Exception as e:  # noqa: BLE001 - memory tuning must never break a page
        state["reason"] = f"mallopt failed: {e}"
    return {"arena_max": state["arena_max"], "reason": state["reason"]}


def trim() -> bool:
    """Ask glibc to return free memory to the system now (``malloc_trim(0)``).

    Returns True when glibc released something. Never raises.
    """
    state = _state()
    libc = state["libc"]
    if libc is None:
        return False
    try:
        released = bool(libc.malloc_trim(0))
    except Exception:  # noqa: BLE001
        return False
    state["trims"] += 1
    state["last_trim"] = time.monotonic()
    return released


def _trim_soon() -> None:
    """Trim in a background thread, at most once per TRIM_INTERVAL (sessions often end in
    bursts); never on the caller's thread, which is Streamlit's event loop."""
    state = _state()
    if state["libc"] is None:
        return
    with state["lock"]:
        if state["pending"]:
            return
        state["pending"] = True

    def later() -> None:
        wait = state["last_trim"] + TRIM_INTERVAL - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        with state["lock"]:
            state["pending"] = False
        trim()

    threading.Thread(target=later, name="malloc-trim", daemon=True).start()


class _SessionToken:
    """One per session; Streamlit releases it when it drops the session."""


def trim_after_sessions() -> None:
    """Register this session so that its end triggers a trim. Call on every rerun (cheap).

    Uses ``st.cache_resource(scope="session", on_release=...)``: Streamlit clears a session's
    resources when the session disconnects (browser tab closed or reloaded) and calls
    ``on_release`` for them. Never raises.
    """
    if _state()["libc"] is None or _mode() == "arena":
        return
    try:
        _session_token()
    except Exception:  # noqa: BLE001 - outside a script run, or an older Streamlit
        pass


def _release(_token: _SessionToken) -> None:
    _trim_soon()


def _make_session_token():
    import streamlit as st

    @st.cache_resource(scope="session", on_release=_release, show_spinner=False)
    def session_token() -> _SessionToken:
        return _SessionToken()

    return session_token


_session_token_fn = None


def _session_token() -> _SessionToken:
    global _session_token_fn
    if _session_token_fn is None:
        _session_token_fn = _make_session_token()
    return _session_token_fn()


def status() -> dict:
    """What this process did: arena cap, reason if none, number of trims."""
    state = _state()
    return {"arena_max": state["arena_max"], "reason": state["reason"], "trims": state["trims"]}


configure()
