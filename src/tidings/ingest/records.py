"""Structured readers: JSON Lines, JSON arrays and CSV, with the field names news data uses.

Field names are matched case-insensitively, first match wins:

- text: text, body, content, maintext, article, article_text, full_text, description, summary
- date: date, published, publish_date, published_at, publishedAt, pubDate, date_publish,
  datePublished, datetime, timestamp, time
- title: title, headline; url: url, link, uri; lang: lang, language
- outlet: outlet, source, domain, site, site_name, sitename, publisher, source_domain (an object
  such as NewsAPI's ``{"id": …, "name": …}`` gives its name)

Text that holds HTML markup is flattened to paragraphs. Other scalar fields are kept in ``meta``.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from tidings.ingest.base import Items, ReadOptions, lang_code, too_long
from tidings.ingest.dates import parse_date
from tidings.ingest.decode import decode_bytes
from tidings.ingest.htmltext import fragment_to_text, looks_like_html
from tidings.models import Article, Notice, Rejection

FIELDS: dict[str, tuple[str, ...]] = {
    "text": (
        "text",
        "body",
        "content",
        "maintext",
        "article",
        "article_text",
        "full_text",
        "description",
        "summary",
    ),
    "date": (
        "date",
        "published",
        "publish_date",
        "published_at",
        "publishedat",
        "pubdate",
        "date_publish",
        "datepublished",
        "datetime",
        "timestamp",
        "time",
    ),
    "title": ("title", "headline"),
    "url": ("url", "link", "uri"),
    "outlet": ("outlet", "source", "domain", "site", "site_name", "sitename", "publisher", "source_domain"),
    "lang": ("lang", "language"),
}
_META_LIMIT = 2000  # longest scalar value kept in meta
# Each field name a record may use → (the article field it fills, its rank: lower wins)
_ALIASES: dict[str, tuple[str, int]] = {
    alias: (name, rank) for name, aliases in FIELDS.items() for rank, alias in enumerate(aliases)
}


def _pick_fields(lowered: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """The value of each article field, from the best-ranked non-empty key of ``lowered`` that
    names it, and the keys used. One pass over the record's keys (records have few), not one
    lookup per known field name."""
    best: dict[str, tuple[int, str, Any]] = {}
    for key, value in lowered.items():
        alias = _ALIASES.get(key)
        if alias is None or value in (None, "", [], {}):
            continue
        name, rank = alias
        current = best.get(name)
        if current is None or rank < current[0]:
            best[name] = (rank, key, value)
    return {name: value for name, (_, _, value) in best.items()}, {key for _, key, _ in best.values()}


def article_from_record(
    record: dict[str, Any], source: str, options: ReadOptions, fmt: str
) -> Article | Rejection:
    """Map one record with the usual field names to an article."""
    lowered = {str(key).lower(): value for key, value in record.items()}
    picked, used = _pick_fields(lowered)

    def pick(name: str) -> Any:
        return picked.get(name)

    text = pick("text")
    if text is None:
        return Rejection(
            source, "record has no text (looked for " + ", ".join(FIELDS["text"][:4]) + ", …)", "no text"
        )
    if not isinstance(text, str):
        return Rejection(source, f"text field holds {type(text).__name__}, not a string", "no text")
    if looks_like_html(text):
        text = fragment_to_text(text)
    if not text.strip():
        return Rejection(source, "record has empty text", "no text")
    rejection = too_long(source, len(text), options)
    if rejection:
        return rejection
    raw_date = pick("date")
    published = parse_date(raw_date) if raw_date is not None else options.date
    title, url, outlet, lang = pick("title"), pick("url"), pick("outlet"), pick("lang")
    if isinstance(outlet, dict):
        outlet = outlet.get("name") or outlet.get("id")
    meta = {
        key: value
        for key, value in lowered.items()
        if key not in used and isinstance(value, str | int | float | bool) and len(str(value)) <= _META_LIMIT
    }
    if raw_date is not None and published is None:
        meta["unparsed_date"] = str(raw_date)[:100]
    return Article.create(
        text,
        title=_scalar(title),
        url=_scalar(url),
        outlet=_scalar(outlet),
        published=published,
        lang=lang_code(lang),
        source=source,
        format=fmt,
        meta=meta,
    )


def _scalar(value: Any) -> str | None:
    return value if isinstance(value, str) else None if value is None else str(value)


def read_jsonl(stream: BinaryIO, name: str, options: ReadOptions) -> Items:
    """Articles from JSON Lines, streamed line by line; a bad line is rejected, the rest read.

    No more than ``options.max_bytes`` of a line is ever held: a longer line is skipped unparsed,
    read past in chunks, so one endless line cannot exhaust memory."""
    limit = options.max_bytes
    lineno = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        lineno += 1
        source = f"{name}:{lineno}"
        if len(raw) > limit:  # cannot hold a text under the limit: skip unparsed
            size = len(raw) + (_skip_line(stream) if not raw.endswith(b"\n") else 0)
            yield Rejection(
                source,
                f"line of {size:,} bytes is over the limit of {limit:,} (raise it with --max-chars)",
                "too long",
            )
            continue
        body = raw.rstrip(b"\r\n")
        text = _plain_utf8(body)
        if text is None:
            decoded = decode_bytes(body)
            if decoded.note:
                yield Notice(source, decoded.note)
            text = decoded.text
        if not text.strip():
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Rejection(source, f"invalid JSON ({_message(exc)} at column {exc.colno})", "invalid JSON")
            continue
        except RecursionError:
            yield Rejection(source, "invalid JSON (nested too deeply)", "invalid JSON")
            continue
        if not isinstance(record, dict):
            yield Rejection(
                source,
                f"expected a JSON object, got {type(record).__name__}",
                "not a JSON object",
            )
            continue
        yield article_from_record(record, source, options, "jsonl")


def _plain_utf8(body: bytes) -> str | None:
    """``body`` decoded when it is plain UTF-8 without a byte-order mark (nearly every line), else
    ``None`` for :func:`decode_bytes` to work out."""
    if body[:1] in _BOM_FIRST_BYTES:
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


_BOM_FIRST_BYTES = (b"\xef", b"\xfe", b"\xff", b"\x00")


def _skip_line(stream: BinaryIO) -> int:
    """Read past the rest of the current line, a MiB at a time; returns the bytes skipped."""
    skipped = 0
    while True:
        chunk = stream.readline(1 << 20)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _message(exc: json.JSONDecodeError) -> str:
    """json's message without its dangling "at" ("Invalid control character at")."""
    return exc.msg.removesuffix(" at")


def read_json(data: bytes, name: str, options: ReadOptions) -> Items:
    """Articles from a JSON document: one object, or an array of objects."""
    decoded = decode_bytes(data)
    if decoded.note:
        yield Notice(name, decoded.note)
    try:
        document = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        if "Extra data" in exc.msg:  # several objects: JSON Lines in a .json file
            yield from read_jsonl(io.BytesIO(data), name, options)
            return
        yield Rejection(
            name, f"invalid JSON ({_message(exc)} at line {exc.lineno} column {exc.colno})", "invalid JSON"
        )
        return
    except RecursionError:
        yield Rejection(name, "invalid JSON (nested too deeply)", "invalid JSON")
        return
    records: Iterable[Any] = document if isinstance(document, list) else [document]
    for index, record in enumerate(records):
        source = f"{name}[{index}]" if isinstance(document, list) else name
        if not isinstance(record, dict):
            yield Rejection(
                source, f"expected a JSON object, got {type(record).__name__}", "not a JSON object"
            )
            continue
        yield article_from_record(record, source, options, "json")


def read_csv(stream: BinaryIO, name: str, options: ReadOptions) -> Items:
    """Articles from CSV with a header row naming the fields."""
    csv.field_size_limit(min(sys.maxsize, options.max_bytes))
    head = stream.peek(65536) if isinstance(stream, io.BufferedReader) else b""
    decoded = decode_bytes(head[:-4] if len(head) >= 65536 else head)  # no character cut in two
    if decoded.note:
        yield Notice(name, decoded.note)
    encoding = "utf-8-sig" if decoded.encoding in ("utf-8", "ascii") else decoded.encoding
    text_stream = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    reader = csv.DictReader(text_stream)
    if not reader.fieldnames or not any(str(field).lower() in FIELDS["text"] for field in reader.fieldnames):
        yield Rejection(name, "CSV header has no text column (text, body, content, …)", "no text")
        return
    rows: Iterator[dict[str, Any]] = iter(reader)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Rejection(f"{name}:{reader.line_num}", f"malformed CSV ({exc})", "malformed CSV")
            continue
        record = {key: value for key, value in row.items() if key is not None}
        yield article_from_record(record, f"{name}:{reader.line_num}", options, "csv")
