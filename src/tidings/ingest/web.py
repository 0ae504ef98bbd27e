"""Web readers: HTML pages, RSS/Atom feeds and WARC archives (CC-NEWS style)."""

from __future__ import annotations

import re
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import feedparser
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from tidings.errors import InputError
from tidings.ingest.base import Items, ReadOptions, too_long
from tidings.ingest.dates import parse_date
from tidings.ingest.htmltext import extract_page, fragment_to_text
from tidings.models import Article, Notice, Rejection

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


def page_article(
    html: bytes | str,
    source: str,
    options: ReadOptions,
    fmt: str,
    *,
    url: str | None = None,
    fallback_date: str | None = None,
) -> Article | Rejection:
    """An article from a whole web page, or a rejection saying why there is none."""
    page = extract_page(html, url=url)
    if page is None or not page.is_article:
        return Rejection(source, "no article text found in the page", "no text")
    rejection = too_long(source, len(page.text), options)
    if rejection:
        return rejection
    published = parse_date(page.date) or fallback_date or options.date
    meta: dict[str, Any] = {}
    if page.date is None and fallback_date:
        meta["date_source"] = "crawl"
    return Article.create(
        page.text,
        title=page.title,
        url=page.url or url,
        outlet=page.sitename or _domain(page.url or url),
        published=published,
        source=source,
        format=fmt,
        meta=meta,
    )


def read_html(data: bytes, name: str, options: ReadOptions) -> Items:
    """One article from an HTML page."""
    yield page_article(data, name, options, "html")


def read_feed(data: bytes, name: str, options: ReadOptions) -> Items:
    """One article per RSS or Atom entry, from its full content or else its summary.

    Entity declarations in a feed's DTD are never expanded (feedparser does not resolve them), so
    billion-laughs and external-entity payloads stay inert; the user is told they were ignored.
    """
    if _ENTITY_DECL.search(data[:100_000]):
        yield Notice(name, "feed declares XML entities; they were ignored, not expanded")
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        raise InputError(
            f"{name}: no entries found in the feed" + (f" ({problem})" if problem else ""),
            hint="check that the file is an RSS or Atom feed",
        )
    outlet = parsed.get("feed", {}).get("title")
    for index, entry in enumerate(entries, 1):
        yield _entry_article(entry, f"{name}#{index}", outlet, options)


def _entry_article(entry: Any, source: str, outlet: str | None, options: ReadOptions) -> Article | Rejection:
    html = ""
    for content in entry.get("content") or []:
        if len(content.get("value") or "") > len(html):
            html = content["value"]
    if not html:
        html = entry.get("summary") or entry.get("description") or ""
    text = fragment_to_text(html)
    if not text:
        return Rejection(source, "entry has no content or summary", "no text")
    rejection = too_long(source, len(text), options)
    if rejection:
        return rejection
    published = None
    for key in ("published", "updated", "created"):
        published = parse_date(entry.get(key))
        if published:
            break
    if published is None:
        for key in ("published_parsed", "updated_parsed"):
            published = parse_date(entry.get(key))
            if published:
                break
    link = entry.get("link")
    return Article.create(
        text,
        title=fragment_to_text(entry.get("title") or "") or None,
        url=link,
        outlet=outlet or _domain(link),
        published=published or options.date,
        source=source,
        format="feed",
        meta={"content": "full" if entry.get("content") else "summary"},
    )


def read_warc(stream: BinaryIO, name: str, options: ReadOptions) -> Items:
    """One article per HTML response record of a WARC file; other records are skipped."""
    count = 0
    skipped = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            if record.rec_type != "response":
                continue
            http = record.http_headers
            content_type = (http.get_header("Content-Type") or "") if http else ""
            status = http.get_statuscode() if http else "200"
            if "html" not in content_type.lower() or status != "200":
                skipped += 1
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            count += 1
            source = f"{name}#{count}"
            payload = record.content_stream().read(options.max_bytes + 1)
            if len(payload) > options.max_bytes:
                yield Rejection(source, f"response of over {options.max_bytes:,} bytes", "too long")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:  # the file ended inside this record
                raise EOFError(f"record {count} is cut short")
            crawl_date = parse_date(record.rec_headers.get_header("WARC-Date"))
            yield page_article(payload, source, options, "warc", url=uri, fallback_date=crawl_date)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError, TypeError) as exc:
        # warcio reports a record cut inside its headers as whatever broke while parsing them
        raise InputError(
            f"{name}: truncated or corrupt WARC after {count} records ({_first_line(exc)})",
            hint="the records before the damage were read; re-fetch or repair the file",
        ) from exc
    if skipped:
        yield Notice(name, f"skipped {skipped} non-HTML or non-200 response records")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if host and host.startswith("www."):
        host = host[4:]
    return host or None
