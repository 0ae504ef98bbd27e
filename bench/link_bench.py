"""Time and peak memory of linking stored events into merged events and stories (`tidings link`).

Generates ``--events`` events (default 100,000) as analysis records of short articles: 16 PLOVER
types, 60 countries of 8 towns each, two years of dates (mostly to the day, some to the month,
a few undated), named and generic actors, some events with no place or no actors. Happenings are
reported 1 to 40 times (by different outlets, a day or two apart, with differing casualty counts,
some only to the country), and a third of them belong to long stories (the same two people in the
same town every few days or weeks). Articles sometimes recall an earlier happening of their story
as background. The events are stored through :class:`tidings.store.Store` (the tables ingest
writes), then each case runs in a fresh subprocess (one process, one core):

- ``baseline``: read every event row and group them by (type, country, day) — the least any
  linker must do;
- ``link``: :meth:`Store.link` over the whole store at once (``tidings link``);
- ``incremental`` (with ``--batch``): the store filled in batches of ``--batch`` articles in
  publication order, :meth:`Store.link` after each, as ``tidings ingest`` does (only the link
  calls are timed).

Each case reports seconds, events/s, peak RSS (``resource.getrusage``), merged events and stories,
and pairwise precision/recall of the merged events against the planted happenings.

    python bench/link_bench.py [--events 100000] [--seed 7] [--batch 2000] [--cases link,incremental]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
COUNTRIES = (
    "AFG", "AGO", "ARG", "BDI", "BEN", "BFA", "BGD", "BOL", "BRA", "CAF", "CMR", "COD", "COL", "EGY",
    "ETH", "FRA", "GHA", "GIN", "HTI", "IDN", "IND", "IRN", "IRQ", "ISR", "JOR", "KEN", "LBN", "LBY",
    "MAR", "MEX", "MLI", "MMR", "MOZ", "NER", "NGA", "PAK", "PER", "PHL", "PSE", "RUS", "RWA", "SAU",
    "SDN", "SEN", "SOM", "SSD", "SYR", "TCD", "TGO", "THA", "TUN", "TUR", "UGA", "UKR", "USA", "VEN",
    "YEM", "ZAF", "ZMB", "ZWE",
)  # fmt: skip
TOWNS = 8
PEOPLE = 40
GENERIC = ("police", "protesters", "security forces", "government", "gunmen", "residents")
VERBS = {"ASSAULT": "attacked", "PROTEST": "protested", "CONSULT": "met", "ACCUSE": "accused"}
SYLLABLES = ("ka", "lo", "mi", "ra", "te", "su", "na", "do", "vi", "ha", "ze", "bo", "ri", "an", "el")
START = date(2021, 1, 1)
DAYS = 730


def _name(rng: random.Random, words: int) -> str:
    parts = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(words)]
    return " ".join(p.capitalize() for p in parts)


@dataclass(slots=True)
class World:
    """Countries, their towns (name, geonameid, lat, lon, admin1) and their named people."""

    towns: dict[str, list[tuple[str, int, float, float, str]]]
    people: dict[str, list[str]]


def _world(rng: random.Random) -> World:
    towns: dict[str, list[tuple[str, int, float, float, str]]] = {}
    people: dict[str, list[str]] = {}
    for c, country in enumerate(COUNTRIES):
        lat0, lon0 = -40 + (c % 10) * 9.0, -120 + (c // 10) * 40.0
        towns[country] = [
            (_name(rng, 1), 1_000_000 + c * 100 + t, lat0 + (t % 4) * 2.0, lon0 + (t // 4) * 3.0, f"R{t % 3}")
            for t in range(TOWNS)
        ]
        people[country] = [_name(rng, 2) for _ in range(PEOPLE)]
    return World(towns, people)


@dataclass(slots=True)
class Happening:
    """One planted real-world happening."""

    id: int
    type: str
    country: str
    town: int
    day: date
    actors: tuple[str, ...]
    killed: int | None


def _happenings(rng: random.Random, world: World) -> Iterator[tuple[Happening, int]]:
    """Happenings and how many reports each gets, without end."""
    count = 0
    while True:
        if rng.random() < 0.3:  # a long story: the same people in one town, every few days or weeks
            country = rng.choice(COUNTRIES)
            town = rng.randrange(TOWNS)
            cast = tuple(rng.sample(world.people[country], 2))
            day = START + timedelta(days=rng.randrange(DAYS))
            for _ in range(rng.randint(5, 40)):
                day += timedelta(days=rng.randint(3, 30))
                count += 1
                kind = rng.choice(TYPES)
                happening = Happening(count, kind, country, town, day, cast, _killed(rng, kind))
                yield happening, _reports(rng)
            continue
        country = rng.choice(COUNTRIES)
        cast = tuple(rng.sample(world.people[country], rng.randint(1, 3)))
        if rng.random() < 0.3:
            cast += (rng.choice(GENERIC),)
        count += 1
        kind = rng.choice(TYPES)
        day = START + timedelta(days=rng.randrange(DAYS))
        happening = Happening(count, kind, country, rng.randrange(TOWNS), day, cast, _killed(rng, kind))
        yield happening, _reports(rng)


def _killed(rng: random.Random, kind: str) -> int | None:
    return rng.randint(0, 30) if kind == "ASSAULT" else None


def _reports(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.45:
        return 1
    if roll < 0.85:
        return rng.randint(2, 5)
    if roll < 0.98:
        return rng.randint(6, 15)
    return rng.randint(16, 40)


def _event(
    rng: random.Random, world: World, h: Happening, text: str, local: str, background: bool = False
) -> tuple[str, dict[str, Any], list[str]]:
    """A sentence reporting ``h`` and its event record (and the names of its actors)."""
    name, gid, lat, lon, admin1 = world.towns[h.country][h.town]
    roll = rng.random()
    day, precision = h.day + timedelta(days=rng.choice((0, 0, 0, 0, -1, 1))), "day"
    value: str | None = day.isoformat()
    if roll < 0.03:
        value, precision = None, None
    elif roll < 0.12:
        value, precision = h.day.strftime("%Y-%m"), "month"
    place = rng.random()
    if place < 0.05:
        location = None
    elif place < 0.15:
        location = {"geonameid": 5_000_000 + COUNTRIES.index(h.country), "name": h.country, "lat": None,
                    "lon": None, "country": h.country, "admin1": None, "precision": "country"}  # fmt: skip
    else:
        location = {"geonameid": gid, "name": name, "lat": lat, "lon": lon, "country": h.country,
                    "admin1": admin1, "precision": "city"}  # fmt: skip
    actors = [] if rng.random() < 0.1 else [a for a in h.actors if rng.random() < 0.8] or list(h.actors[:1])
    verb = VERBS.get(h.type, h.type.lower() + "ed")
    sentence = f"{' and '.join(actors) or 'Someone'} {verb} in {location['name'] if location else 'a town'}"
    sentence += f" ({value or 'undated'}). "
    trigger = len(text) + sentence.index(verb)
    killed = None if h.killed is None else max(0, h.killed + rng.choice((0, 0, 0, -1, 2)))
    record = {
        "id": local, "type": h.type, "modes": [], "contexts": [], "acled": None, "actors": actors,
        "recipients": [], "location": location, "date": value, "date_precision": precision,
        "date_source": "text", "status": "completed", "aux": "historical" if background else None,
        "certainty": "asserted", "size": {"killed": killed, "injured": None, "arrested": None},
        "claimed_by": None, "sources": [], "evidence": [[trigger, trigger + len(verb)]], "confidence": 0.8,
        "trigger": [trigger, trigger + len(verb)],
    }  # fmt: skip
    return sentence, record, actors


def generate(events: int, seed: int) -> Iterator[tuple[Any, dict[str, Any], dict[str, int]]]:
    """Articles in publication order, with their analysis records and the planted happening of
    each of their events (store event id → happening id)."""
    from tidings.models import Article
    from tidings.store.events import event_id

    rng = random.Random(seed)
    world = _world(rng)
    reports: list[tuple[str, int, Happening, Happening | None]] = []
    story_last: dict[tuple[str, ...], Happening] = {}
    total = 0
    for happening, n in _happenings(rng, world):
        before = story_last.get(happening.actors) if len(happening.actors) == 2 else None
        for _ in range(n):
            if total >= events:
                break
            published = happening.day + timedelta(days=rng.randint(0, 3))
            recalled = before if before is not None and total + 1 < events and rng.random() < 0.3 else None
            reports.append((published.isoformat(), rng.randrange(1 << 30), happening, recalled))
            total += 1 if recalled is None else 2
        story_last[happening.actors] = happening
        if total >= events:
            break
    reports.sort(key=lambda r: (r[0], r[1]))
    for number, (published, salt, happening, recalled) in enumerate(reports):
        outlet = f"Outlet {salt % 500}"
        text, record_events, truth, names = f"{outlet}, report {number}. ", [], {}, set()
        items = [(happening, False)] + ([(recalled, True)] if recalled is not None else [])
        for index, (h, background) in enumerate(items, 1):
            sentence, record, actors = _event(rng, world, h, text, f"e{index}", background)
            text += sentence
            record_events.append(record)
            names.update(actors)
            truth[f"e{index}"] = h.id
        article = Article.create(text, published=published, outlet=outlet)
        actors = [
            {"id": n, "name": n, "mentions": [], "country": None, "sector": None} for n in sorted(names)
        ]
        record = {"article": {"id": article.id, "published": published, "text": article.text},
                  "actors": actors, "places": [], "events": record_events}  # fmt: skip
        yield article, record, {event_id(article.id, k): v for k, v in truth.items()}


def _store_batches(
    db: str, events: int, seed: int, batch: int
) -> Iterator[tuple[Any, dict[str, int], list[str]]]:
    """Fill a store at ``db`` in batches of ``batch`` articles; yields the open store after each,
    with the batch's planted happenings and its article ids."""
    from tidings.store import Store

    with Store.open(db) as store:
        articles, records, truth = [], {}, {}
        for article, record, planted in generate(events, seed):
            articles.append(article)
            records[article.id] = record
            truth.update(planted)
            if len(articles) >= batch:
                store.add_articles(articles, records)
                yield store, truth, [a.id for a in articles]
                articles, records, truth = [], {}, {}
        if articles:
            store.add_articles(articles, records)
            yield store, truth, [a.id for a in articles]


def build(db: str, events: int, seed: int) -> None:
    """Generate the events into a store at ``db`` and their planted happenings into ``db.truth``."""
    truth: dict[str, int] = {}
    for _store, planted, _ids in _store_batches(db, events, seed, 2000):
        truth.update(planted)
    with open(db + ".truth", "w", encoding="utf-8") as out:
        json.dump(truth, out)


def pairwise(predicted: dict[str, str], gold: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of ``predicted`` groups against ``gold`` over shared items."""
    items = [i for i in predicted if i in gold]
    cells = Counter((predicted[i], gold[i]) for i in items)
    pred = Counter(predicted[i] for i in items)
    true = Counter(gold[i] for i in items)

    def pairs(counter: Counter[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in counter.values())

    both = pairs(cells)
    return both / max(1, pairs(pred)), both / max(1, pairs(true))


def _outcome(db: str, gold: dict[str, int]) -> dict[str, Any]:
    with sqlite3.connect(db) as connection:
        links = dict(connection.execute("SELECT event_id, merged_id FROM event_links"))
        merged = connection.execute("SELECT COUNT(*) FROM merged_events").fetchone()[0]
        stories = connection.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    precision, recall = pairwise(links, gold)
    return {"merged": merged, "stories": stories, "precision": precision, "recall": recall,
            "linked": len(links), "happenings": len({gold[e] for e in links if e in gold})}  # fmt: skip


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(case: str, template: str, events: int, seed: int, batch: int) -> dict[str, Any]:
    """Run one case in this process; returns its figures."""
    folder = tempfile.mkdtemp(prefix="link-bench-")
    try:
        db = os.path.join(folder, "bench.db")
        if case == "incremental":
            seconds, cpu, gold = 0.0, 0.0, {}
            for store, planted, ids in _store_batches(db, events, seed, batch):
                gold.update(planted)
                start, began = time.perf_counter(), time.process_time()
                store.link(ids)
                seconds += time.perf_counter() - start
                cpu += time.process_time() - began
            peak = _peak_mb()
            return {
                "seconds": seconds,
                "cpu": cpu,
                "peak_mb": peak,
                "events": len(gold),
                **_outcome(db, gold),
            }
        shutil.copyfile(template, db)
        if case == "baseline":
            start, cpu = time.perf_counter(), time.process_time()
            with sqlite3.connect(db) as connection:
                groups = Counter(
                    row for row in connection.execute("SELECT type, country, date_start FROM events")
                )
            seconds, cpu, peak = time.perf_counter() - start, time.process_time() - cpu, _peak_mb()
            return {
                "seconds": seconds,
                "cpu": cpu,
                "peak_mb": peak,
                "events": sum(groups.values()),
                "merged": len(groups),
            }
        from tidings.store import Store

        with Store.open(db) as store:
            start, cpu = time.perf_counter(), time.process_time()
            counts = store.link()
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        peak = _peak_mb()
        with open(template + ".truth", encoding="utf-8") as stream:
            gold = json.load(stream)
        return {
            "seconds": seconds,
            "cpu": cpu,
            "peak_mb": peak,
            "events": counts["linked"],
            **_outcome(db, gold),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run(case: str, template: str, args: argparse.Namespace) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", case, "--template", template]
    command += ["--events", str(args.events), "--seed", str(args.seed), "--batch", str(args.batch)]
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="events to generate (default 100,000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=2000, help="articles per batch in the incremental case")
    parser.add_argument("--cases", default="baseline,link,incremental")
    parser.add_argument("--template", help="reuse (or keep) the generated store at this path")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child, args.template, args.events, args.seed, args.batch)))
        return
    folder = tempfile.mkdtemp(prefix="link-bench-")
    try:
        template = args.template or os.path.join(folder, "template.db")
        if not os.path.exists(template):
            start = time.perf_counter()
            build(template, args.events, args.seed)
            print(f"generated {args.events:,} events in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        rows = [(case, _run(case, template, args)) for case in args.cases.split(",") if case]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{args.events:,} generated events (seed {args.seed}); one process (one core) per case")
    print(
        "| case | events | seconds | CPU s | events/s | peak RSS MB | merged events | stories "
        "| pair P | pair R |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for case, r in rows:
        name = f"incremental (batches of {args.batch:,} articles)" if case == "incremental" else case
        quality = f"{r['precision']:.3f} | {r['recall']:.3f}" if "precision" in r else "– | –"
        print(
            f"| {name} | {r['events']:,} | {r['seconds']:.1f} | {r['cpu']:.1f} "
            f"| {r['events'] / max(r['seconds'], 1e-9):,.0f} "
            f"| {r['peak_mb']:.0f} | {r['merged']:,} | {r.get('stories', 0):,} | {quality} |"
        )


if __name__ == "__main__":
    main()
