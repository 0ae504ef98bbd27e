"""Latency of the web API on a large store, and how soon the page is usable, in one run.

    python bench/web_bench.py [--events 1000000] [--page-events 10000] [--per-kind 40] [--no-page]

1. Generates a store of ``--events`` synthetic events with realistic spreads (about three events
   per article; PLOVER types, countries and towns weighted like news — populous towns of the
   gazetteer, conflict countries first; Zipf-distributed actors; more news in later years, with
   bursts; a third of events re-reports of a recent happening, merged; a quarter of happenings in
   stories). The schema is the store's own (``Store.open`` runs its migrations); rows are bulk
   inserted with ``executemany`` in large transactions. Cached in ``bench/results/`` per schema
   version; 1,000,000 events take a few minutes.
2. Serves it with uvicorn on loopback (a real server in a thread; requests over HTTP from the main
   thread, one at a time) and times ``--per-kind`` ``/api/events`` requests of each kind: date
   range, type, country, actor, place, bounding box, text search, story, random combinations, and
   cursor pages 2–5 of combinations; then ``/api/facets``. Prints p50/p95/p99 per kind and overall.
   Baseline in the same run: ``/api/stories?limit=1``-like cheapest request, for the HTTP stack's cost.
3. Opens the page in Debian's chromium (Playwright) on a store of ``--page-events`` events and
   reports the time until it is usable (table, histogram and all markers drawn).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import sqlite3
import statistics
import sys
import threading
import time
from collections import deque
from datetime import date, timedelta
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"

#: PLOVER types with rough weights (violence, protests and statements dominate news), and the ACLED
#: projection the analyzer gives the violent and contentious ones.
TYPE_WEIGHTS = {
    "ASSAULT": 22, "PROTEST": 16, "ACCUSE": 12, "COERCE": 9, "CONSULT": 8, "THREATEN": 7, "AGREE": 6,
    "SUPPORT": 5, "REQUEST": 4, "MOBILIZE": 4, "REJECT": 3, "AID": 2, "RETREAT": 1, "SANCTION": 1,
}  # fmt: skip
ACLED = {
    "ASSAULT": [("Explosions/Remote violence", "Air/drone strike"), ("Battles", "Armed clash"),
                ("Violence against civilians", "Attack"),
                ("Explosions/Remote violence", "Shelling/artillery/missile attack")],
    "PROTEST": [("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"),
                ("Protests", "Protest with intervention")],
    "COERCE": [("Strategic developments", "Arrests")],
    "MOBILIZE": [("Strategic developments", "Other")],
}  # fmt: skip
SECTOR_ACTORS = {
    "police": "POL", "security forces": "MIL", "army": "MIL", "protesters": "CVL", "government": "GOV",
    "militants": "REB", "rebels": "REB", "civilians": "CVL", "opposition party": "PTY",
    "United Nations": "IGO", "journalists": "MED", "Red Cross": "NGO",
}  # fmt: skip
FIRST = [
    "Ahmed",
    "Maria",
    "John",
    "Fatima",
    "Olena",
    "Ivan",
    "Aisha",
    "Mohammed",
    "Ana",
    "Peter",
    "Li",
    "Wei",
    "Sara",
    "Omar",
    "Juan",
    "Chen",
    "Amina",
    "David",
    "Elena",
    "Yusuf",
    "Nadia",
    "Carlos",
    "Hassan",
    "Irina",
    "Kofi",
    "Mariam",
    "Ali",
    "Luis",
    "Grace",
    "Samuel",
    "Noor",
    "Dmitri",
    "Abdi",
]
LAST = [
    "Hassan",
    "Petrenko",
    "Garcia",
    "Okafor",
    "Khan",
    "Ivanova",
    "Ahmadi",
    "Mensah",
    "Silva",
    "Haddad",
    "Kovalenko",
    "Diallo",
    "Nguyen",
    "Rahman",
    "Mahmoud",
    "Torres",
    "Odhiambo",
    "Novak",
    "Karimi",
    "Barzani",
    "Traore",
    "Sharif",
    "Morales",
    "Bello",
    "Yilmaz",
    "Shevchenko",
    "Abdullah",
    "Tesfaye",
    "Mutasa",
    "Cisse",
    "Farah",
    "Popescu",
    "Chaudhry",
    "Adeyemi",
    "Rojas",
    "Hussein",
    "Kariuki",
    "Sadr",
]
WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "said",
    "on",
    "was",
    "for",
    "that",
    "by",
    "with",
    "at",
    "from",
    "officials",
    "government",
    "people",
    "city",
    "attack",
    "police",
    "forces",
    "killed",
    "protest",
    "security",
    "minister",
    "after",
    "against",
    "were",
    "have",
    "two",
    "three",
    "president",
    "reported",
    "statement",
    "capital",
    "region",
    "military",
    "talks",
    "agreement",
    "fighting",
    "wounded",
    "arrested",
    "demonstrators",
    "border",
    "ceasefire",
    "election",
    "troops",
    "village",
    "spokesman",
    "local",
    "country",
    "violence",
    "opposition",
    "rally",
    "strike",
    "drone",
    "market",
    "residents",
    "hospital",
    "camp",
    "aid",
    "convoy",
    "vote",
]
HOT = [
    "UKR",
    "SYR",
    "IRQ",
    "AFG",
    "YEM",
    "SDN",
    "NGA",
    "MLI",
    "SOM",
    "COD",
    "MMR",
    "PAK",
    "IND",
    "ISR",
    "PSE",
    "LBY",
    "ETH",
    "VEN",
    "MEX",
    "COL",
]
OUTLETS = ["Wire", "Daily Herald", "The Observer", "Al Arabiya", "Kyiv Independent", "Premium Times",
           "Dawn", "El Nacional", "Sudan Tribune", "France 24", "BBC", "Reuters"]  # fmt: skip
TYPES = list(TYPE_WEIGHTS)
#: a few places as (name, geonameid, lat, lon, country), for scripts that build requests (api_load)
PLACES = [
    ("Baghdad", 98182, 33.34, 44.40, "IRQ"), ("Kyiv", 703448, 50.45, 30.52, "UKR"),
    ("Damascus", 170654, 33.51, 36.29, "SYR"), ("Kabul", 1138958, 34.53, 69.17, "AFG"),
    ("Khartoum", 379252, 15.55, 32.53, "SDN"), ("Lagos", 2332459, 6.45, 3.39, "NGA"),
]  # fmt: skip
START = date(2015, 1, 1)
DAYS = 3653


class _Pick:
    """A weighted choice among ``items`` (cumulative weights computed once)."""

    def __init__(self, rng: random.Random, items: list[Any], weights: list[float]) -> None:
        self.rng, self.items, self.cum = rng, items, list(itertools.accumulate(weights))

    def __call__(self) -> Any:
        return self.rng.choices(self.items, cum_weights=self.cum)[0]


class World:
    """Weighted choices for generated events: conflict countries and populous towns first, Zipf actors."""

    def __init__(self, rng: random.Random) -> None:
        from tidings.geo.gazetteer import gazetteer_path

        gazetteer = sqlite3.connect(f"file:{gazetteer_path()}?mode=ro", uri=True)
        self.places = gazetteer.execute(
            "SELECT p.id, p.name, p.lat, p.lon, p.country, a.name, p.population FROM place p "
            "LEFT JOIN place a ON a.id = p.admin1 WHERE p.feature LIKE 'PPL%' AND p.country IS NOT NULL "
            "ORDER BY p.population DESC LIMIT 3000"
        ).fetchall()
        gazetteer.close()
        hot = {c: 30.0 / (i + 1) for i, c in enumerate(HOT)}
        self.place = _Pick(rng, self.places, [p[6] ** 0.5 * (1 + hot.get(p[4], 0)) for p in self.places])
        names = list(SECTOR_ACTORS) + [f"{f} {s}" for f in FIRST for s in LAST]
        self.actors = [(n, SECTOR_ACTORS.get(n) or rng.choice(["GOV", "PTY", "REB", "MIL"])) for n in names]
        self.actor = _Pick(rng, self.actors, [1 / (i + 1) ** 1.1 for i in range(len(self.actors))])
        self.kind = _Pick(rng, TYPES, list(TYPE_WEIGHTS.values()))
        weights = [(1 + d / DAYS) * (8 if rng.random() < 0.01 else 1) for d in range(DAYS)]
        self.day = _Pick(rng, [START + timedelta(days=d) for d in range(DAYS)], weights)
        self.word = _Pick(rng, WORDS, [1 / (i + 1) for i in range(len(WORDS))])


def generate(path: Path, n_events: int, seed: int = 7) -> Path:
    """A store of ``n_events`` generated events: the store's schema, rows bulk-inserted."""
    from tidings.store.db import ANALYZER, Store
    from tidings.store.events import COLUMNS
    from tidings.store.schema import merge_text_indexes

    Store.open(path).close()  # the schema, through the store's own migrations
    rng = random.Random(seed)
    world = World(rng)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = OFF")  # a file made from nothing: no journal until it is done
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -400000")
    now = "2025-01-01T00:00:00+00:00"
    marks = ", ".join("?" * len(COLUMNS))
    sql = {
        "events": f"INSERT INTO events ({', '.join(COLUMNS)}) VALUES ({marks})",
        "articles": "INSERT INTO articles (rowid, id, url, outlet, published, title, text, lang, lang_score, "
        "paragraphs, meta, source, format, n_chars, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        "fts": "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
        "analyses": "INSERT INTO analyses (article_id, analyzer, record, n_actors, n_timexes, n_quotes, "
        "analyzed_at, n_events) VALUES (?, ?, ?, ?, 0, 0, ?, ?)",
        "sightings": "INSERT INTO sightings (article_id, source, url, outlet, published, title, first_seen) "
        "VALUES (?, '', ?, ?, ?, ?, ?)",
    }
    rows: dict[str, list[tuple[Any, ...]]] = {k: [] for k in sql}
    # merged id → [representative, event row, n, articles, sources, story]
    happenings: dict[str, list[Any]] = {}
    recent: deque[str] = deque(maxlen=3000)
    stories: dict[str, list[Any]] = {}  # story id → [title, first, last, n_events, articles]
    open_stories: dict[str, deque[str]] = {}
    links: list[tuple[str, str]] = []
    made, number = 0, 0
    # the indexes are built once at the end (a sort), not row by row: same definitions, faster
    indexes = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN ('events', 'articles', 'merged_events', 'event_links', 'stories')"
    ).fetchall()
    db.execute("BEGIN")
    for name, _ in indexes:
        db.execute(f'DROP INDEX "{name}"')
    while made < n_events:
        number += 1
        article_id = hashlib.sha256(f"{seed}/{number}".encode()).hexdigest()
        outlet = rng.choice(OUTLETS)
        home = world.place()
        day = world.day()
        k = min(n_events - made, rng.choices([1, 2, 3, 4, 5, 6], [30, 25, 20, 12, 8, 5])[0])
        actors: list[dict[str, Any]] = []
        records = []
        for e in range(1, k + 1):
            again = recent[rng.randrange(len(recent))] if recent and rng.random() < 0.35 else None
            if again:
                base = happenings[again][1]
                kind, place, when = base["type"], base["_place"], base["date"]
            else:
                kind = world.kind()
                place = home if rng.random() < 0.7 else world.place()
                when = (day - timedelta(days=rng.choice([0, 0, 0, 1, 1, 2, 5]))).isoformat()
                if rng.random() < 0.04:
                    when = when[:7]  # a month only
            who = [world.actor() for _ in range(rng.choices([0, 1, 2], [10, 70, 20])[0])]
            whom = [world.actor() for _ in range(rng.choices([0, 1], [50, 50])[0])]
            for name, sector in who + whom:
                if all(a["name"] != name for a in actors):
                    actors.append({"id": f"a{len(actors) + 1}", "name": name, "sector": sector})
            acled = rng.choice(ACLED[kind]) if kind in ACLED else None
            gid, pname, lat, lon, country, admin1, _ = place
            lat, lon = lat + rng.uniform(-0.05, 0.05), lon + rng.uniform(-0.05, 0.05)
            start = when if len(when) == 10 else f"{when}-01"
            end = when if len(when) == 10 else f"{when}-28"
            trigger = {"ASSAULT": "attacked", "PROTEST": "protested"}.get(kind, kind.lower())
            notes = f"{who[0][0] if who else 'Unidentified men'} {trigger} in {pname}, {outlet} reported."
            killed = rng.choice([None, None, 0, 1, 2, 5, 12]) if kind == "ASSAULT" else None
            record = {"id": f"e{e}", "type": kind, "modes": [], "contexts": [],
                      "acled": {"event_type": acled[0], "sub_event_type": acled[1]} if acled else None,
                      "actors": [n for n, _ in who], "recipients": [n for n, _ in whom],
                      "location": {"geonameid": gid, "precision": "city"}, "date": when,
                      "date_precision": "day" if len(when) == 10 else "month", "date_source": "text",
                      "status": "completed", "aux": None, "certainty": "asserted",
                      "size": {"killed": killed, "injured": None, "arrested": None}, "claimed_by": None,
                      "sources": [outlet], "evidence": [[0, len(notes)]], "confidence": 0.8,
                      "trigger": [0, len(trigger)]}  # fmt: skip
            records.append(record)
            where = {
                "geonameid": gid,
                "name": pname,
                "lat": lat,
                "lon": lon,
                "country": country,
                "admin1": admin1,
            }
            detail = {**record, "location": where, "notes": notes}
            event = {
                "id": f"{article_id[:16]}-e{e}", "article_id": article_id, "event": f"e{e}",
                "published": day.isoformat(), "type": kind, "event_type": acled[0] if acled else None,
                "sub_event_type": acled[1] if acled else None, "disorder_type": None, "date": when,
                "date_start": start, "date_end": end, "date_precision": record["date_precision"],
                "date_source": "text", "country": country, "admin1": admin1, "location": pname,
                "geonameid": gid, "lat": lat, "lon": lon, "geo_precision": 1, "status": "completed",
                "aux": None, "certainty": "asserted", "killed": killed, "injured": None, "arrested": None,
                "actors": "; ".join(n for n, _ in who) or None,
                "actor_sectors": "; ".join(s for _, s in who) or None, "actor_countries": None,
                "recipients": "; ".join(n for n, _ in whom) or None,
                "recipient_sectors": "; ".join(s for _, s in whom) or None, "recipient_countries": None,
                "claimed_by": None, "sources": outlet, "confidence": 0.8, "trigger": trigger, "notes": notes,
                "analyzed_at": now, "record": json.dumps(record), "detail": json.dumps(detail),
            }  # fmt: skip
            rows["events"].append(tuple(event[c] for c in COLUMNS))
            if again:
                merged = happenings[again]
                merged[2] += 1
                merged[3].add(article_id)
                merged[4].add(outlet)
            else:
                again = f"m{len(happenings) + 1}"
                event["_place"] = place
                story = None
                if rng.random() < 0.25:
                    active = open_stories.setdefault(country, deque(maxlen=4))
                    if active and rng.random() < 0.8:
                        story = rng.choice(active)
                    else:
                        story = f"s{len(stories) + 1}"
                        stories[story] = [f"{kind.title()} in {pname}", start, start, 0, set()]
                        active.append(story)
                    facts = stories[story]
                    facts[1], facts[2] = min(facts[1], start), max(facts[2], start)
                    facts[3] += 1
                    facts[4].add(article_id)
                happenings[again] = [event["id"], event, 1, {article_id}, {outlet}, story]
                recent.append(again)
            links.append((event["id"], again))
        made += k
        title = f"{records[0]['type'].title()} in {home[1]}: {world.word()} {world.word()} {world.word()}"
        names = " ".join(a["name"] for a in actors)
        text = f"{title}. {names} {home[1]} " + " ".join(world.word() for _ in range(rng.randint(60, 160)))
        url = f"https://news.example/{number}"
        rows["articles"].append((number, article_id, url, outlet, day.isoformat(), title, text, "en", 0.99,
                                 json.dumps([[0, len(text), "en", 0.99]]), "{}", "bench", "jsonl",
                                 len(text), now))  # fmt: skip
        rows["fts"].append((number, title, text))
        analysis = {"article": {"id": article_id}, "actors": actors, "events": records}
        rows["analyses"].append((article_id, ANALYZER, json.dumps(analysis), len(actors), now, k))
        rows["sightings"].append((article_id, url, outlet, day.isoformat(), title, now))
        if len(rows["events"]) >= 50_000:
            _flush(db, sql, rows)
    _flush(db, sql, rows)
    db.executemany(
        "INSERT INTO merged_events (id, representative, type, date, date_start, date_end, geonameid, "
        "location, country, lat, lon, n_events, n_articles, n_sources, sources, first_reported, "
        "last_reported, details, participants, names, story_id, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', '[]', '[]', ?, ?)",
        (
            (mid, rep, ev["type"], ev["date"], ev["date_start"], ev["date_end"], ev["geonameid"],
             ev["location"], ev["country"], ev["lat"], ev["lon"], n, len(arts), len(outlets),
             json.dumps(sorted(outlets)), ev["published"], ev["published"], story, now)
            for mid, (rep, ev, n, arts, outlets, story) in happenings.items()
        ),
    )  # fmt: skip
    db.executemany("INSERT INTO event_links (event_id, merged_id) VALUES (?, ?)", links)
    db.executemany(
        "INSERT INTO stories (id, title, first, last, n_events, n_articles, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        ((sid, t, first, last, n, len(arts), now) for sid, (t, first, last, n, arts) in stories.items()),
    )
    for _, statement in indexes:
        db.execute(statement)
    merge_text_indexes(db)  # as the migration to schema 7 leaves every store
    db.execute("COMMIT")
    db.execute("ANALYZE")
    db.execute("PRAGMA journal_mode = WAL")
    db.close()
    return path


def _flush(db: sqlite3.Connection, sql: dict[str, str], rows: dict[str, list[tuple[Any, ...]]]) -> None:
    for key, statement in sql.items():
        db.executemany(statement, rows[key])
        rows[key].clear()


def database(n_events: int) -> Path:
    """The cached generated store of ``n_events`` events (generated on first use)."""
    from tidings.store.schema import LATEST

    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"web-bench-{n_events}-v{LATEST}.db"
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


_database = database  # the name other bench scripts import


# -- the requests -------------------------------------------------------------------------------


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


def _filters(rng: random.Random, world: World, story_ids: list[str]) -> dict[str, Any]:
    """One value generator per filter kind, as an analyst would set them."""

    def dates() -> str:
        year, month = rng.randrange(2015, 2025), rng.randrange(1, 13)
        span = rng.choice([0, 0, 2, 11, 23])  # a month, a quarter, a year, two years
        last = year * 12 + month - 1 + span
        return f"since={year}-{month:02d}&until={min(last // 12, 2024)}-{last % 12 + 1:02d}"

    def actor() -> str:
        if rng.random() < 0.4:
            return f"actor={rng.choice(list(SECTOR_ACTORS))}"
        name = rng.choice(world.actors[len(SECTOR_ACTORS) :])[0]
        return f"actor={name if rng.random() < 0.7 else name.split()[-1]}"  # a full name, or a surname

    def bbox() -> str:
        _, _, lat, lon, *_ = world.place()
        size = rng.choice([0.5, 2, 5])
        return f"bbox={lon - size:.2f},{max(-90, lat - size):.2f},{lon + size:.2f},{min(90, lat + size):.2f}"

    return {
        "date": dates,
        "type": lambda: f"type={world.kind()}",
        "country": lambda: f"country={world.place()[4]}",
        "actor": actor,
        "place": lambda: f"place={(world.place() if rng.random() < 0.7 else rng.choice(world.places))[1]}",
        "bbox": bbox,
        "text": lambda: "q=" + "+".join(rng.sample(WORDS[10:], rng.choice([1, 1, 2]))),
        "story": lambda: f"story={rng.choice(story_ids)}",
    }


SLOWEST: list[tuple[float, str]] = []  # (ms, url) of every timed request, for --slowest


def _time(client: Any, url: str) -> tuple[float, dict[str, Any]]:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    SLOWEST.append((elapsed, url))
    if response.status_code != 200:
        raise SystemExit(f"Error: {url} answered {response.status_code}: {response.text[:200]}")
    return elapsed, response.json()


def _row(name: str, times: list[float]) -> str:
    cuts = statistics.quantiles(times, n=100)
    return f"| {name} | {len(times)} | {statistics.median(times):.1f} | {cuts[94]:.1f} | {cuts[98]:.1f} |"


def api_latency(n_events: int, per_kind: int, seed: int = 11, slowest: int = 0) -> dict[str, list[float]]:
    """Times of ``per_kind`` requests of each kind against a served store of ``n_events`` events."""
    import httpx2 as httpx

    path = database(n_events)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        story_ids = [r[0] for r in db.execute("SELECT id FROM stories")]
        one = db.execute("SELECT id FROM events LIMIT 1").fetchone()[0]
    rng = random.Random(seed)
    world = World(random.Random(7))
    make = _filters(rng, world, story_ids)
    server, base = _serve(path)
    times: dict[str, list[float]] = {}
    with httpx.Client(base_url=base, timeout=120) as client:
        for _ in range(5):
            _time(client, "/api/events?limit=1")  # warm the connection
        times["baseline: /api/events/{id}"] = [
            _time(client, f"/api/events/{one}")[0] for _ in range(per_kind)
        ]
        for kind, value in make.items():
            times[kind] = [_time(client, f"/api/events?{value()}")[0] for _ in range(per_kind)]
            print(
                f"  measured {kind}: p50 {statistics.median(times[kind]):.1f} ms", file=sys.stderr, flush=True
            )
        combos, pages = [], []
        for _ in range(per_kind):
            chosen = rng.sample([k for k in make if k != "story"], rng.choice([2, 2, 3, 4]))
            query = "&".join(make[k]() for k in chosen)
            elapsed, body = _time(client, f"/api/events?{query}")
            combos.append(elapsed)
            for _ in range(rng.randint(1, 4)):  # then the next pages, as the table's "more" button does
                if not body.get("next"):
                    break
                elapsed, body = _time(client, f"/api/events?{query}&cursor={body['next']}")
                pages.append(elapsed)
        times["combination"], times["cursor page 2+"] = combos, pages
        facet_kinds = ["date", "type", "country", "actor", "bbox", "text"]
        times["/api/facets"] = [
            _time(client, f"/api/facets?{make[rng.choice(facet_kinds)]()}")[0] for _ in range(per_kind)
        ]
    server.should_exit = True
    size = path.stat().st_size / 1e6
    print(f"store: {n_events:,} events ({size:.0f} MB); uvicorn on loopback, sequential requests")
    print("| request | n | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|")
    for name, values in times.items():
        if len(values) >= 2:
            label = name if name.startswith(("baseline", "/api/")) else f"/api/events: {name}"
            print(_row(label, values))
    filtered = [t for k, v in times.items() if not k.startswith(("baseline", "/api/")) for t in v]
    print(_row("**/api/events, all kinds**", filtered))
    for elapsed, url in sorted(SLOWEST, reverse=True)[:slowest]:
        print(f"  slow: {elapsed:7.1f} ms {url}")
    listed = [(t, u) for t, u in SLOWEST if u.startswith("/api/events?") and "limit=1" not in u]
    for elapsed, url in sorted(listed, reverse=True)[:slowest]:  # the kinds the goal is about
        print(f"  slow events: {elapsed:7.1f} ms {url}")
    return times


def page_load(n_events: int) -> None:
    """Median time of 3 loads of the page until it is usable, on a store of ``n_events`` events."""
    from playwright.sync_api import sync_playwright

    path = database(n_events)
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
    parser.add_argument("--per-kind", type=int, default=40, help="requests of each kind")
    parser.add_argument("--no-page", action="store_true", help="skip the browser measurement")
    parser.add_argument("--slowest", type=int, default=0, help="print the N slowest requests")
    parser.add_argument("--generate-only", action="store_true", help="only make the store")
    args = parser.parse_args()
    if args.generate_only:
        database(args.events)
        return
    api_latency(args.events, args.per_kind, slowest=args.slowest)
    if not args.no_page:
        page_load(args.page_events)


if __name__ == "__main__":
    main()
