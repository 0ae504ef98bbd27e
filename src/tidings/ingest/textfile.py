"""Plain-text readers: the seed record format and plain ``.txt`` articles.

Seed records start with a header line ``␠date YYYY-MM-DD Title: first paragraph…``; the rest of
the record is the article. A file may hold several records, each starting with such a line.

Plain text may start with a header block of ``Key: value`` lines (Title, Date, URL, Source/Outlet,
Language) ended by a blank line; otherwise a short first line with no closing punctuation followed
by a blank line is taken as the title. The date comes from the header or from ``--date``.
"""

from __future__ import annotations

import re

from tidings.ingest.base import Items, ReadOptions, lang_code, too_long
from tidings.ingest.dates import parse_date
from tidings.models import Article, Rejection

SEED_HEADER = re.compile(r"^ ?date (\d{4}-\d{2}-\d{2})(?: (.*))?$", re.MULTILINE)
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,20}):[ \t]*(.*)$")
_HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "date": "date",
    "published": "date",
    "pubdate": "date",
    "url": "url",
    "link": "url",
    "source": "outlet",
    "outlet": "outlet",
    "publisher": "outlet",
    "lang": "lang",
    "language": "lang",
}
_MAX_TITLE = 200


def read_seed(text: str, name: str, options: ReadOptions) -> Items:
    """Articles of a file in the seed record format."""
    text = _unix_newlines(text)
    headers = list(SEED_HEADER.finditer(text))
    if not headers:
        yield Rejection(name, "no ' date YYYY-MM-DD Title: …' header line", "no header")
        return
    for index, header in enumerate(headers):
        end = headers[index + 1].start() if index + 1 < len(headers) else len(text)
        source = name if len(headers) == 1 else f"{name}:{text.count(chr(10), 0, header.start()) + 1}"
        published = parse_date(header.group(1))
        if published is None:
            yield Rejection(source, f"header date {header.group(1)!r} is not a calendar date", "bad date")
            continue
        first = (header.group(2) or "").strip()
        title, sep, lead = first.partition(": ")
        if not sep:
            title, lead = "", first
        body = lead + "\n\n" + text[header.end() : end]
        yield from _article(body, source, options, "seed", title=title or None, published=published)


def read_plain(text: str, name: str, options: ReadOptions) -> Items:
    """One article from a plain-text file."""
    text = _unix_newlines(text)
    fields, body = _header_block(text)
    title = fields.get("title")
    if title is None:
        title, body = _title_line(body)
    published = options.date
    if "date" in fields:
        published = parse_date(fields["date"])
        if published is None:
            yield Rejection(name, f"header date {fields['date']!r} is not a date", "bad date")
            return
    yield from _article(
        body,
        name,
        options,
        "text",
        title=title,
        published=published,
        url=fields.get("url"),
        outlet=fields.get("outlet"),
        lang=lang_code(fields.get("lang")),
    )


def _unix_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _article(body: str, source: str, options: ReadOptions, fmt: str, **fields: str | None) -> Items:
    if not body.strip():
        yield Rejection(source, "no article text", "no text")
        return
    rejection = too_long(source, len(body), options)
    if rejection:
        yield rejection
        return
    yield Article.create(body, source=source, format=fmt, **fields)


def _header_block(text: str) -> tuple[dict[str, str], str]:
    """``Key: value`` lines at the top, when every line of the first block is one with a known key."""
    block, sep, rest = text.lstrip("\ufeff").partition("\n\n")
    lines = [line for line in block.splitlines() if line.strip()]
    fields: dict[str, str] = {}
    for line in lines:
        match = _HEADER_LINE.match(line.strip())
        key = _HEADER_KEYS.get(match.group(1).strip().lower()) if match else None
        if match is None or key is None:
            return {}, text
        fields[key] = match.group(2).strip()
    if not fields or not sep:
        return {}, text
    return fields, rest


def _title_line(text: str) -> tuple[str | None, str]:
    """A short first line without closing punctuation, followed by a blank line, is a title."""
    stripped = text.lstrip()
    first, sep, rest = stripped.partition("\n\n")
    first = first.strip()
    if (
        sep
        and rest.strip()
        and "\n" not in first
        and 0 < len(first) <= _MAX_TITLE
        and first[-1] not in ".!?;:,\"'”’»…"
    ):
        return first, rest
    return None, text
