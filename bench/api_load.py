"""The API under load: concurrent clients on loopback for a fixed time; errors and latency.

    python bench/api_load.py [--clients 100] [--seconds 30] [--events 20000]

Serves a generated store (see web_bench.py) with uvicorn, then ``--clients`` concurrent clients
request a random mix of event lists, facets, single events, articles and GeoJSON for ``--seconds``.
Prints requests served, errors (any status ≥ 500, or a failed connection), and p50/p95/p99
latency. Exits 1 if any request failed, so it can gate a release.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_bench import PLACES, TYPES, _database, _serve


async def _client(
    base: str, until: float, seed: int, ids: list[str], times: list[float], errors: list[str]
) -> None:
    import httpx2 as httpx

    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while time.monotonic() < until:
            choice = rng.random()
            if choice < 0.4:
                url = f"/api/events?type={rng.choice(TYPES)}&country={rng.choice(PLACES)[4]}"
            elif choice < 0.55:
                url = f"/api/facets?since={rng.randrange(2015, 2025)}-01-01"
            elif choice < 0.75:
                url = f"/api/events/{rng.choice(ids)}"
            elif choice < 0.9:
                url = f"/api/events.geojson?limit=500&type={rng.choice(TYPES)}"
            else:
                url = f"/api/events?since=20x&limit={rng.choice([0, 5, 'x'])}"  # bad parameters: 400s
            started = time.perf_counter()
            try:
                response = await client.get(url)
                if response.status_code >= 500:
                    errors.append(f"{response.status_code} {url}")
            except Exception as exc:  # noqa: BLE001 - every failure is counted, whatever it is
                errors.append(f"{type(exc).__name__} {url}")
            times.append((time.perf_counter() - started) * 1000)


async def _load(base: str, clients: int, seconds: float, ids: list[str]) -> tuple[list[float], list[str]]:
    times: list[float] = []
    errors: list[str] = []
    until = time.monotonic() + seconds
    await asyncio.gather(*(_client(base, until, n, ids, times, errors) for n in range(clients)))
    return times, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--events", type=int, default=20_000)
    args = parser.parse_args()
    import sqlite3

    path = _database(args.events)
    with sqlite3.connect(path) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM events ORDER BY random() LIMIT 1000")]
    server, base = _serve(path)
    times, errors = asyncio.run(_load(base, args.clients, args.seconds, ids))
    server.should_exit = True
    cuts = statistics.quantiles(times, n=100)
    rate = len(times) / args.seconds
    print(
        f"{args.clients} clients for {args.seconds:g} s on {args.events:,} events: {len(times):,} requests "
        f"({rate:,.0f}/s), {len(errors)} errors; latency ms p50 {statistics.median(times):.0f} "
        f"p95 {cuts[94]:.0f} p99 {cuts[98]:.0f}"
    )
    for error in errors[:10]:
        print(f"  {error}", file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
