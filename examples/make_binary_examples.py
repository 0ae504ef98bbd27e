#!/usr/bin/env python3
"""Rebuild the binary demo files of the tidings example corpus.

Sources live in ``examples/src/*.src`` (a simple header block -- Title, Date,
URL, Source -- then a blank line and paragraphs separated by blank lines).
The ``.src`` extension is deliberate: those files are *inputs* to this
script, not articles in their own right, so a reader should not ingest them
(otherwise every article below would be counted twice).

Outputs (both committed to the repository):

* ``11_2021-11-09_euphrates-bulletin.jsonl.gz`` -- gzipped JSON Lines built
  from ``src/gz_*.src``;
* ``09_2021-11-07_mesopotamia-monitor.warc.gz`` -- a CC-NEWS-like WARC file
  with a ``warcinfo`` record, one ``response`` record per ``src/warc_*.src``
  (full HTML page with site boilerplate) and one non-HTML response record
  (``robots.txt``) that readers are expected to skip.

The output is deterministic (fixed gzip mtime, fixed WARC record ids), so
re-running the script does not produce spurious diffs.

Usage::

    .venv/bin/python examples/make_binary_examples.py
"""

from __future__ import annotations

import gzip
import html
import io
import json
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
GZ_OUT = HERE / "11_2021-11-09_euphrates-bulletin.jsonl.gz"
WARC_OUT = HERE / "09_2021-11-07_mesopotamia-monitor.warc.gz"
NS = uuid.UUID("6f1c2a52-8b1e-4d6e-9a55-7d3c0b1e2f10")  # for stable record ids


def read_src(path: Path) -> dict:
    """Parse a ``.src`` file into a dict with header fields and paragraphs."""
    text = path.read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    fields = {}
    for line in head.splitlines():
        key, _, value = line.partition(": ")
        fields[key.strip().lower()] = value.strip()
    fields["paragraphs"] = [p.strip() for p in body.split("\n\n") if p.strip()]
    return fields


# --------------------------------------------------------------------------
# gzipped JSON Lines
# --------------------------------------------------------------------------

def build_jsonl_gz() -> int:
    records = []
    for i, path in enumerate(sorted(SRC.glob("gz_*.src"))):
        art = read_src(path)
        text = "\n\n".join(art["paragraphs"])
        if i % 2 == 0:
            # convention A: title/text/date/url/source/lang
            rec = {"title": art["title"], "text": text, "date": art["date"],
                   "url": art["url"], "source": art["source"], "lang": "en"}
        else:
            # convention B: headline/body/published (ISO datetime)/link/outlet
            rec = {"headline": art["title"], "body": text,
                   "published": art["date"] + "T08:00:00+03:00",
                   "link": art["url"], "outlet": art["source"]}
        records.append(json.dumps(rec, ensure_ascii=False))
    payload = ("\n".join(records) + "\n").encode("utf-8")
    with open(GZ_OUT, "wb") as raw:
        # mtime=0 and no embedded filename -> byte-identical rebuilds
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            gz.write(payload)
    return len(records)


# --------------------------------------------------------------------------
# WARC
# --------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | Mesopotamia Monitor</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="Mesopotamia Monitor">
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{date}">
<link rel="canonical" href="{url}">
</head>
<body>
<div class="cookie-notice">We use cookies to understand how our readers use this site.
<a href="/cookies">Learn more</a> <button>Accept</button></div>
<header>
  <a class="logo" href="/">Mesopotamia Monitor</a>
  <nav><ul>
    <li><a href="/news/">News</a></li><li><a href="/politics/">Politics</a></li>
    <li><a href="/security/">Security</a></li><li><a href="/economy/">Economy</a></li>
    <li><a href="/kurdistan/">Kurdistan</a></li><li><a href="/opinion/">Opinion</a></li>
    <li><a href="/donate/">Support us</a></li>
  </ul></nav>
</header>
<main>
<article>
<h1>{title}</h1>
<p class="dateline">Mesopotamia Monitor &middot; <time datetime="{date}">{human_date}</time></p>
<div class="share"><a href="#fb">Facebook</a> <a href="#x">Twitter</a> <a href="#wa">WhatsApp</a> <span>{comments} comments</span></div>
{body}
</article>
<aside class="related"><h2>Related</h2><ul>
<li><a href="/news/2021/11/05/green-zone-clashes">Deadly clashes at Green Zone gates</a></li>
<li><a href="/news/2021/10/19/sit-in-begins">Faction supporters begin sit-in over election results</a></li>
<li><a href="/economy/2021/11/01/budget">Caretaker government delays 2022 budget draft</a></li>
</ul></aside>
</main>
<footer>
<p><a href="/about/">About</a> | <a href="/contact/">Contact</a> | <a href="/privacy/">Privacy</a></p>
<p>Mesopotamia Monitor is a fictional outlet created for the tidings demo corpus.</p>
</footer>
</body>
</html>
"""

ROBOTS = b"User-agent: *\nDisallow: /search/\nDisallow: /login/\n\nSitemap: https://mesopotamiamonitor.example/sitemap.xml\n"


def render_page(art: dict, comments: int) -> bytes:
    day = art["date"][:10]
    y, m, d = (int(x) for x in day.split("-"))
    months = ["January", "February", "March", "April", "May", "June", "July",
              "August", "September", "October", "November", "December"]
    human = f"{d} {months[m - 1]} {y}, {art['date'][11:16]}"
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in art["paragraphs"])
    return PAGE.format(title=html.escape(art["title"]), url=art["url"], date=art["date"],
                       human_date=human, body=body, comments=comments).encode("utf-8")


def build_warc() -> int:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)

    def rid(name: str) -> str:
        return f"<urn:uuid:{uuid.uuid5(NS, name)}>"

    info = writer.create_warcinfo_record(
        "09_2021-11-07_mesopotamia-monitor.warc.gz",
        {"software": "tidings examples/make_binary_examples.py (warcio)",
         "format": "WARC File Format 1.0",
         "description": "Demo crawl of a fictional news site for the tidings test corpus",
         "isPartOf": "tidings-demo-corpus"})
    info.rec_headers.replace_header("WARC-Date", "2021-11-07T12:00:00Z")
    info.rec_headers.replace_header("WARC-Record-ID", rid("warcinfo"))
    writer.write_record(info)

    # a non-HTML response that readers should skip
    robots = writer.create_warc_record(
        "https://mesopotamiamonitor.example/robots.txt", "response",
        payload=io.BytesIO(ROBOTS), length=len(ROBOTS),
        http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/plain; charset=utf-8"),
                                                ("Content-Length", str(len(ROBOTS)))],
                                      protocol="HTTP/1.1"),
        warc_headers_dict={"WARC-Date": "2021-11-07T12:00:00Z",
                           "WARC-Record-ID": rid("robots")})
    writer.write_record(robots)

    n = 0
    crawl_times = ["2021-11-07T12:00:00Z", "2021-11-08T15:30:00Z"]
    for i, path in enumerate(sorted(SRC.glob("warc_*.src"))):
        art = read_src(path)
        page = render_page(art, comments=[211, 64][i % 2])
        rec = writer.create_warc_record(
            art["url"], "response",
            payload=io.BytesIO(page), length=len(page),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                    ("Content-Length", str(len(page)))],
                                          protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": crawl_times[i % len(crawl_times)],
                               "WARC-Record-ID": rid(art["url"])})
        writer.write_record(rec)
        n += 1
    WARC_OUT.write_bytes(buf.getvalue())
    return n


if __name__ == "__main__":
    print(f"{GZ_OUT.name}: {build_jsonl_gz()} articles")
    print(f"{WARC_OUT.name}: {build_warc()} HTML response records (+ warcinfo, robots.txt)")
