"""A time limit for one article's analysis, so one pathological article cannot stall a batch."""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class ArticleTimeout(Exception):
    """Raised inside the analysis of an article that ran past its time limit."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in the body if it runs longer than ``seconds``.

    In a process's main thread (the CLI, a pool worker) a real-time timer signal interrupts the
    work; in any other thread (a Dask worker's executor) a timer thread raises the exception
    asynchronously in the working thread, which Python delivers at its next bytecode. ``None`` or
    a non-positive value means no limit.
    """
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _signal_limit(seconds):
            yield
    else:
        with _thread_limit(seconds):
            yield


@contextmanager
def _signal_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeout(f"analysis took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _thread_limit(seconds: float) -> Iterator[None]:
    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(ArticleTimeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
            timer.cancel()
            if state["fired"]:
                # the exception may still be pending if the body ended just as the timer fired
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)
