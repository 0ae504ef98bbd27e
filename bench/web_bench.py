"""Latency of the web API on a large store, and how soon the page is usable, in one run.

    python bench/web_bench.py [--events 1000000] [--page-events 10000] [--requests 200]

1. Generates a store of ``--events`` synthetic events (100 per generated article, written through
   the store's own write path) — cached in ``bench/results/`` between runs.
2. Serves it with uvicorn on loopback and times ``--requests`` filtered ``/api/events`` queries
   (random mixes of type, ACLED type, country, date range, bounding box, actor, place), sequentially,
   over HTTP; prints p50/p95/p99 and the same for ``/api/facets``. Baseline in the same run: the
   cheapest request the server can answer (``/api/stories``), so the figures can be read against
   the HTTP stack's own cost.
3. Opens the page in Debian's chromium (Playwright) on a store of ``--page-events`` events and
   reports the time until it is usable (table, histogram and all markers drawn).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
TYPES = [
    "ASSAULT",
    "PROTEST",
    "COERCE",
    "THREATEN",
    "ACCUSE",
    "CONSULT",
    "AGREE",
    "MOBILIZE",
    "REJECT",
    "AID",
]
ACLED = {
    "ASSAULT": ("Explosions/Remote violence", "Air/drone strike"),
    "PROTEST": ("Protests", "Peaceful protest"),
    "COERCE": ("Strategic developments", "Arrests"),
    "MOBILIZE": ("Strategic developments", "Other"),
}
PLACES = [
    ("Baghdad", 98182, 33.34, 44.40, "IRQ"), ("Mosul", 99072, 36.34, 43.12, "IRQ"),
    ("Basra", 99532, 30.51, 47.78, "IRQ"), ("Damascus", 170654, 33.51, 36.29, "SYR"),
    ("Aleppo", 170063, 36.20, 37.16, "SYR"), ("Kabul", 1138958, 34.53, 69.17, "AFG"),
    ("Kyiv", 703448, 50.45, 30.52, "UKR"), ("Khartoum", 379252, 15.55, 32.53, "SDN"),
    ("Bamako", 2460596, 12.65, -8.0, "MLI"), ("Sanaa", 71137, 15.35, 44.21, "YEM"),
    ("Lagos", 2332459, 6.45, 3.39, "NGA"), ("Caracas", 3646738, 10.49, -66.88, "VEN"),
]  # fmt: skip
ACTORS = ["police", "army", "protesters", "militia", "government", "rebels", "civilians", "party members"]
SECTORS = {"police": "POL", "army": "MIL", "protesters": "CVL", "militia": "REB", "government": "GOV"}


def generate(path: Path, n_events: int, seed: int = 7) -> Path:
    """A store with ``n_events`` synthetic events, through ``Store.add_articles``."""
    from datetime import date, timedelta

    from tidings.models import Article
    from tidings.store.db import Store

    rng = random.Random(seed)
    per_article = 100
    start = date(2015, 1, 1)
    with Store.open(path) as store:
        batch_articles: list[Article] = []
        batch_records: dict[str, dict[str, Any]] = {}
        for a in range((n_events + per_article - 1) // per_article):
            text = f"Generated report {a}. " + " ".join(rng.choice(ACTORS) for _ in range(40)) + "."
            article = Article.create(
                text, title=f"Report {a}", published=str(start + timedelta(days=a % 3650))
            )
            actors = [
                {
                    "id": f"a{i}",
                    "name": name,
                    "mentions": [],
                    "country": None,
                    "sector": SECTORS.get(name, "UNK"),
                }
                for i, name in enumerate(ACTORS)
            ]
            events = []
            for e in range(min(per_article, n_events - a * per_article)):
                kind = rng.choice(TYPES)
                name, gid, lat, lon, country = rng.choice(PLACES)
                acled = ACLED.get(kind)
                day = start + timedelta(days=rng.randrange(3650))
                events.append(
                    {
                        "id": f"e{e + 1}", "type": kind, "modes": [], "contexts": [],
                        "acled": {"event_type": acled[0], "sub_event_type": acled[1]} if acled else None,
                        "actors": [f"a{rng.randrange(len(ACTORS))}"],
                        "recipients": [f"a{rng.randrange(len(ACTORS))}"],
                        "location": {"geonameid": gid, "name": name, "lat": lat + rng.uniform(-0.3, 0.3),
                                     "lon": lon + rng.uniform(-0.3, 0.3), "country": country, "admin1": None,
                                     "precision": "city"},
                        "date": day.isoformat(), "date_precision": "day", "date_source": "text",
                        "status": "completed", "aux": None, "certainty": "asserted",
                        "size": {"killed": rng.choice([None, 0, 1, 3]), "injured": None, "arrested": None},
                        "claimed_by": None, "sources": ["Wire"], "evidence": [[0, 10]], "confidence": 0.7,
                        "trigger": [0, 9],
                    }
                )  # fmt: skip
            batch_articles.append(article)
            batch_records[article.id] = {"article": {"id": article.id, "text": text}, "actors": actors,
                                         "places": [], "events": events}  # fmt: skip
            if len(batch_articles) >= 200:
                store.add_articles(batch_articles, batch_records)
                batch_articles, batch_records = [], {}
        if batch_articles:
            store.add_articles(batch_articles, batch_records)
        store.connection.execute("PRAGMA optimize")
    return path


def _database(n_events: int) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"web-bench-{n_events}.db"
    if not path.exists():
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
        generate(partial, n_events)
        partial.rename(path)
        print(
            f"generated {n_events:,} events in {time.perf_counter() - started:.0f} s: {path}", file=sys.stderr
        )
    return path


def _serve(path: Path) -> tuple[Any, str]:
    import socket

    import uvicorn

    from tidings.web import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(path)), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def _queries(rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        parts = []
        if rng.random() < 0.5:
            parts.append(f"type={rng.choice(TYPES)}")
        if rng.random() < 0.3:
            parts.append(f"acled_type={rng.choice(list(ACLED.values()))[0]}")
        if rng.random() < 0.5:
            parts.append(f"country={rng.choice(PLACES)[4]}")
        if rng.random() < 0.5:
            year = rng.randrange(2015, 2025)
            parts.append(
                f"since={year}-{rng.randrange(1, 13):02d}-01&until={year + rng.randrange(0, 2)}-12-31"
            )
        if rng.random() < 0.2:
            _, _, lat, lon, _ = rng.choice(PLACES)
            parts.append(f"bbox={lon - 2},{lat - 2},{lon + 2},{lat + 2}")
        if rng.random() < 0.1:
            parts.append(f"actor={rng.choice(ACTORS)}")
        if rng.random() < 0.1:
            parts.append(f"place={rng.choice(PLACES)[0]}")
        out.append("&".join(parts))
    return out


def _time(client: Any, urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"Error: {url} answered {response.status_code}: {response.text[:200]}")
    return times


def _row(name: str, times: list[float]) -> str:
    cuts = statistics.quantiles(times, n=100)
    return f"| {name} | {len(times)} | {statistics.median(times):.1f} | {cuts[94]:.1f} | {cuts[98]:.1f} |"


def api_latency(n_events: int, requests: int) -> None:
    import httpx2 as httpx

    path = _database(n_events)
    server, base = _serve(path)
    rng = random.Random(11)
    queries = _queries(rng, requests)
    with httpx.Client(base_url=base, timeout=30) as client:
        _time(client, ["/api/events?limit=1"] * 5)  # warm the connection and the page cache
        baseline = _time(client, ["/api/stories"] * requests)
        events = _time(client, [f"/api/events?{q}" for q in queries])
        facets = _time(client, [f"/api/facets?{q}" for q in queries[: max(20, requests // 4)]])
    server.should_exit = True
    print(
        f"store: {n_events:,} events ({path.stat().st_size / 1e6:.0f} MB); sequential requests over loopback"
    )
    print("| request | n | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|")
    print(_row("baseline: /api/stories", baseline))
    print(_row("/api/events, random filters (100 per page, with total)", events))
    print(_row("/api/facets, random filters", facets))


def page_load(n_events: int) -> None:
    from playwright.sync_api import sync_playwright

    path = _database(n_events)
    server, base = _serve(path)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        times = []
        for _ in range(3):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            started = time.perf_counter()
            page.goto(base)
            page.wait_for_selector("body[data-ready='true']", timeout=60000)
            times.append(time.perf_counter() - started)
            markers = page.locator("#map").get_attribute("data-markers")
            page.close()
        browser.close()
    server.should_exit = True
    print(f"\npage usable (table, histogram, {markers} markers) with {n_events:,} events: "
          f"median {statistics.median(times):.2f} s of 3 loads")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--page-events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    api_latency(args.events, args.requests)
    page_load(args.page_events)


if __name__ == "__main__":
    main()
