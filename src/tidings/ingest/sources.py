"""From the paths a user gives to the articles in them.

Paths may be files, folders (read recursively, hidden entries skipped), glob patterns, or ``-`` for
standard input. Gzip is recognised by its magic bytes, whatever the name. The format comes from
``--format``, else the file extension, else the content (sniffed for ``-``, ``.xml`` and unknown
extensions). A path that cannot be read yields an :class:`InputFailure` and the others are still read.
"""

from __future__ import annotations

import glob
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tidings.errors import InputError
from tidings.ingest.base import Item, Items, ReadOptions
from tidings.ingest.decode import decode_bytes, looks_binary
from tidings.ingest.records import read_csv, read_json, read_jsonl
from tidings.ingest.textfile import SEED_HEADER, read_plain, read_seed
from tidings.ingest.web import read_feed, read_html, read_warc
from tidings.models import Notice, Rejection

FORMATS = ("seed", "text", "jsonl", "json", "csv", "html", "feed", "warc")
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".xml": None,
}
_GZIP_MAGIC = b"\x1f\x8b"
_HEAD = 65536


@dataclass(frozen=True, slots=True)
class InputFailure:
    """A path or stream that could not be read (completely): an ``Error:`` for the user."""

    source: str
    message: str
    hint: str | None = None


def read_inputs(paths: list[str], options: ReadOptions) -> Iterator[Item | InputFailure]:
    """Every article, rejection and notice of every path, in order; failures instead of exceptions."""
    for path in paths:
        for target in _expand(path):
            if isinstance(target, InputFailure):
                yield target
            else:
                yield from _read_one(target, options)


def _expand(path: str) -> Iterator[str | InputFailure]:
    if path == "-":
        yield "-"
        return
    path = os.path.normpath(path)
    candidate = Path(path)
    if candidate.is_dir():
        yield from _walk(candidate)
    elif candidate.exists():
        yield path
    elif glob.has_magic(path):
        matches = sorted(glob.glob(path, recursive=True))
        if not matches:
            yield InputFailure(
                path, f"{path}: no files match", "check the pattern; quote it so the shell does not expand it"
            )
        for match in matches:
            yield from _walk(Path(match)) if Path(match).is_dir() else iter([match])
    else:
        yield InputFailure(path, f"{path}: no such file or directory", "check the path")


def _walk(folder: Path) -> Iterator[str | InputFailure]:
    found = 0
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and _format_from_name(name, allow_unknown=False) != "":
                found += 1
                yield os.path.join(root, name)
    if not found:
        known = ", ".join(sorted(ext for ext in EXTENSIONS)) + " (and .gz of each)"
        yield InputFailure(str(folder), f"{folder}: no readable files", f"tidings reads {known}")


def _format_from_name(name: str, allow_unknown: bool = True) -> str | None:
    """The format an extension implies; ``None`` to sniff; ``""`` for a name a folder walk skips."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    ext = os.path.splitext(lower)[1]
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    return None if allow_unknown else ""


def sniff(head: bytes) -> str | None:
    """The format of a stream from its first bytes, or ``None`` when it is not one tidings reads."""
    if head.startswith(b"WARC/"):
        return "warc"
    text = decode_bytes(head[:8192]).text.lstrip("\ufeff \t\r\n")
    if not text:
        return None
    if text.startswith("{"):
        return "jsonl"
    if text.startswith("["):
        return "json"
    lowered = text[:4096].lower()
    if "<rss" in lowered or "<feed" in lowered or "<rdf:rdf" in lowered:
        return "feed"
    if text.startswith("<") and (
        "<html" in lowered
        or "<!doctype html" in lowered
        or "<body" in lowered
        or "<p" in lowered
        or "<div" in lowered
    ):
        return "html"
    if SEED_HEADER.match(text.split("\n", 1)[0]):
        return "seed"
    return "text"


class _Gunzip(io.RawIOBase):
    """Gzip decompression that hands over every byte it could decompress, then stops.

    ``gzip.GzipFile`` raises on a truncated stream from inside a read, so a buffered reader loses
    the records decompressed just before the cut. Here a damaged stream simply ends; ``damage``
    says why, for the caller to report once the records before it are read. Concatenated members
    (as in WARC files) are read one after another.
    """

    def __init__(self, compressed: BinaryIO) -> None:
        self._compressed = compressed
        self._inflater = zlib.decompressobj(wbits=31)
        self._pending = b""
        self.damage: BaseException | None = None
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending and not self._done:
            self._fill()
        if not self._pending:
            return 0
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def _fill(self) -> None:
        chunk = self._compressed.read(65536)
        if not chunk:
            if not self._inflater.eof:
                self.damage = EOFError("Compressed file ended before the end-of-stream marker was reached")
            self._done = True
            return
        try:
            self._pending += self._inflater.decompress(chunk)
            while self._inflater.eof and self._inflater.unused_data:
                rest = self._inflater.unused_data
                if not rest.startswith(_GZIP_MAGIC):
                    break  # trailing garbage after the last member, as gzip(1) ignores it
                self._inflater = zlib.decompressobj(wbits=31)
                self._pending += self._inflater.decompress(rest)
        except zlib.error as exc:
            self.damage = exc
            self._done = True


class _Prefixed(io.RawIOBase):
    """A stream that replays bytes already read (the sniffed head) before the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _open(target: str) -> BinaryIO:
    if target == "-":
        return sys.stdin.buffer
    return open(target, "rb", buffering=_HEAD)


def _read_one(target: str, options: ReadOptions) -> Iterator[Item | InputFailure]:
    name = "<stdin>" if target == "-" else target
    count = 0
    gunzip: _Gunzip | None = None
    failed = False
    try:
        raw = _open(target)
    except OSError as exc:
        yield InputFailure(
            name, f"{name}: cannot open ({exc.strerror or exc})", "check the file's permissions"
        )
        return
    try:
        head = raw.read(2)
        stream: BinaryIO = io.BufferedReader(_Prefixed(head, raw), buffer_size=_HEAD)
        if head == _GZIP_MAGIC:
            gunzip = _Gunzip(stream)
            stream = io.BufferedReader(gunzip, buffer_size=_HEAD)
        head = stream.read(_HEAD)
        stream = io.BufferedReader(_Prefixed(head, stream), buffer_size=_HEAD)
        if not head.strip():
            yield InputFailure(name, f"{name}: empty file", "check that the file was written completely")
            return
        fmt = options.format or (None if target == "-" else _format_from_name(name))
        if fmt is None or fmt == "xml":
            fmt = sniff(head)
        if fmt != "warc" and looks_binary(head):
            yield InputFailure(name, f"{name}: binary data, not a news format", _FORMAT_HINT)
            return
        if fmt == "text" and SEED_HEADER.match(
            decode_bytes(head[:4096]).text.lstrip("\ufeff").split("\n", 1)[0]
        ):
            fmt = "seed"
        for item in _dispatch(fmt or "text", stream, name, options):
            if not isinstance(item, Notice | Rejection):
                count += 1
            yield item
    except InputError as exc:
        failed = True
        yield InputFailure(name, exc.message, exc.hint)
    except (EOFError, zlib.error) as exc:
        failed = True
        yield InputFailure(
            name,
            f"{name}: truncated input after {count} articles ({exc})",
            "the articles before the damage were read; re-fetch or repair the file",
        )
    except OSError as exc:
        failed = True
        yield InputFailure(name, f"{name}: read failed after {count} articles ({exc})", None)
    except Exception as exc:  # noqa: BLE001 - one unreadable input must not stop the others
        failed = True
        yield InputFailure(
            name,
            f"{name}: could not be read after {count} articles ({type(exc).__name__}: {exc})",
            "the articles before the problem were read; check the file",
        )
    finally:
        if target != "-":
            raw.close()
    if gunzip is not None and gunzip.damage is not None and not failed:
        yield InputFailure(
            name,
            f"{name}: truncated or corrupt gzip after {count} articles ({gunzip.damage})",
            "the articles before the damage were read; re-fetch or repair the file",
        )


_FORMAT_HINT = "tidings reads " + ", ".join(FORMATS) + " (and gzip of each); force one with --format"


def _whole(
    reader: Callable[[bytes, str, ReadOptions], Items],
) -> Callable[[BinaryIO, str, ReadOptions], Items]:
    """Adapt a reader of a whole document to a stream, refusing files over the size ceiling."""

    def read(stream: BinaryIO, name: str, options: ReadOptions) -> Items:
        data = stream.read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            raise InputError(
                f"{name}: over {options.max_bytes:,} bytes, too large for one {reader.__name__[5:]} document",
                hint="split it, or raise --max-chars",
            )
        yield from reader(data, name, options)

    return read


def _text_reader(
    reader: Callable[[str, str, ReadOptions], Items],
) -> Callable[[bytes, str, ReadOptions], Items]:
    def read(data: bytes, name: str, options: ReadOptions) -> Items:
        decoded = decode_bytes(data)
        if decoded.note:
            yield Notice(name, decoded.note)
        yield from reader(decoded.text, name, options)

    read.__name__ = reader.__name__
    return read


_READERS: dict[str, Callable[[BinaryIO, str, ReadOptions], Items]] = {
    "seed": _whole(_text_reader(read_seed)),
    "text": _whole(_text_reader(read_plain)),
    "json": _whole(read_json),
    "html": _whole(read_html),
    "feed": _whole(read_feed),
    "jsonl": read_jsonl,
    "csv": read_csv,
    "warc": read_warc,
}


def _dispatch(fmt: str, stream: BinaryIO, name: str, options: ReadOptions) -> Items:
    return _READERS[fmt](stream, name, options)
