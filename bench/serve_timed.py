"""``streamlit run``, with the server's own time of every script run appended to a log.

The benchmarks that start a server (``bench_classroom.py``, ``bench_server_load.py``) start it
through this module instead of ``python -m streamlit``:

    BENCH_RUN_LOG=/tmp/runs.tsv python3 bench/serve_timed.py run app.py --server.port 8501

Nothing in the app knows about it: before Streamlit starts, this module patches, from outside,

- ``ui.layout.run`` (the frame ``app.py`` runs every page in), when the app first imports it:
  a whole-page run, frame and page together, is logged as kind ``page``;
- ``streamlit.fragment`` (every section of a page is made by it, through ``ui.fragment``): a run
  of one section alone (a widget inside it changed, or its timer fired) is logged as kind
  ``section``; when a whole-page run draws the section it is part of that run and not logged.

One line per run, tab-separated: wall-clock time at its end (``time.time()``), the page's key,
the kind, and its seconds (``time.perf_counter()`` around the run, so on a busy machine it
includes waiting for a core). Without ``BENCH_RUN_LOG`` it is plain ``streamlit``.
"""

from __future__ import annotations

import functools
import importlib.machinery
import os
import sys
import threading
import time
from typing import Any, Callable

ENV = "BENCH_RUN_LOG"
_LOCK = threading.Lock()
_INSIDE = threading.local()  # depth of whole-page runs in this (script) thread


def _write(path: str, where: str, kind: str, started: float) -> None:
    line = f"{time.time():.3f}\t{where}\t{kind}\t{time.perf_counter() - started:.5f}\n"
    with _LOCK, open(path, "a", encoding="utf-8") as f:
        f.write(line)


def _page_now() -> str:
    try:
        import streamlit as st

        return str(st.session_state.get("_page", ""))
    except Exception:  # noqa: BLE001 - a log line never breaks a run
        return ""


def timed_run(run: Callable, path: str) -> Callable:
    """``ui.layout.run(current, ...)``, logged as one ``page`` run."""
    @functools.wraps(run)
    def timed(current: Any, *args: Any, **kwargs: Any) -> Any:
        _INSIDE.depth = getattr(_INSIDE, "depth", 0) + 1
        started = time.perf_counter()
        try:
            return run(current, *args, **kwargs)
        finally:
            _INSIDE.depth -= 1
            _write(path, getattr(current, "url_path", "") or "home", "page", started)
    return timed


def timed_fragment(fragment: Callable, path: str) -> Callable:
    """``st.fragment`` whose sections log their runs of their own as ``section`` runs."""
    @functools.wraps(fragment)
    def patched(func: Callable | None = None, **options: Any) -> Any:
        def wrap(f: Callable) -> Any:
            @functools.wraps(f)  # the same name and module: the same fragment id
            def body(*args: Any, **kwargs: Any) -> Any:
                if getattr(_INSIDE, "depth", 0):  # drawn by a whole-page run, timed there
                    return f(*args, **kwargs)
                started = time.perf_counter()
                try:
                    return f(*args, **kwargs)
                finally:
                    _write(path, _page_now(), "section", started)
            return fragment(body, **options)
        return wrap(func) if func is not None else wrap
    return patched


class _PatchLayout:
    """An import hook: once ``ui.layout`` has been executed, time its ``run``."""

    def __init__(self, path: str):
        self.path = path

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != "ui.layout":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        execute = spec.loader.exec_module

        def exec_module(module: Any) -> None:
            execute(module)
            if callable(getattr(module, "run", None)):
                module.run = timed_run(module.run, self.path)
        spec.loader.exec_module = exec_module
        return spec


def install(path: str) -> None:
    """Patch Streamlit now and ``ui.layout`` when the app imports it (the app's modules are
    not imported here, so the server starts as it does without this module)."""
    import streamlit

    streamlit.fragment = timed_fragment(streamlit.fragment, path)
    sys.meta_path.insert(0, _PatchLayout(path))


def main() -> None:
    path = os.environ.get(ENV)
    if path:
        install(path)
    # The app's own folder comes first on the path, as under ``python -m streamlit``.
    sys.path[0] = os.getcwd()
    from streamlit.web.cli import main as streamlit_main

    sys.argv = ["streamlit", *sys.argv[1:]]
    streamlit_main(prog_name="streamlit")


if __name__ == "__main__":
    main()
