"""Helpers shared by the evaluators: input checks and parallel mapping."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

from tidings.errors import InputError

T = TypeVar("T")
R = TypeVar("R")


def require(path: Path, what: str) -> Path:
    """``path`` when it exists, else an error that says what was expected there."""
    if not path.exists():
        raise InputError(f"{path}: not found", hint=f"give the folder that holds {what}")
    return path


def parallel_map(func: Callable[[T], R], items: Iterable[T], workers: int | None) -> Iterator[R]:
    """``map`` over a process pool of ``workers`` (default: all cores), in input order."""
    n = workers or os.cpu_count() or 1
    if n <= 1:
        yield from map(func, items)
        return
    with ProcessPoolExecutor(max_workers=n) as pool:
        yield from pool.map(func, items, chunksize=4)
