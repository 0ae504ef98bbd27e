"""Linking stored events across articles: merged events (one per real-world happening) and stories.

Incremental and deterministic. Each run takes the events not yet linked, in the order their articles
were published, and compares each with the merged events of the same type whose date windows come
near its own (a candidate query, never all pairs), scoring pairs with the coreference model of
:mod:`tidings.stories.coref` (type, participants, place hierarchy and distance, date windows,
trigger words). An event joins the best merged event above the threshold, or starts one. Merged
events then join stories: two merged events within ``STORY_DAYS`` belong to one story when they
are told by the same report, or share two participants, or a participant and a place — one
shared actor alone ("the United States") does not make two stories one.

Only happenings are merged: future, hypothetical and negated events stay unlinked; historical
mentions (background in a later report) join the happening they recall.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from tidings.stories.coref import EventMention, record_score

#: Pair probability above which an event joins a merged event.
MERGE_THRESHOLD = 0.5
#: Days between merged events that may share a story.
STORY_DAYS = 60
#: Extra days around an event's date window when looking for candidates.
SLACK_DAYS = 3
#: Participants too generic to tie stories together.
GENERIC = frozenset(
    {"government", "police", "military", "army", "security forces", "officials", "protesters", "civilians",
     "people", "residents", "unidentified attackers", "unidentified", "gunmen", "militants", "forces"}
)  # fmt: skip
LINKED_AUX = (None, "historical")


def stable_id(prefix: str, seed: str) -> str:
    """A deterministic id: ``prefix`` and 16 hex digits of SHA-1 of ``seed``."""
    return f"{prefix}{hashlib.sha1(seed.encode('utf-8')).hexdigest()[:16]}"


def iso_day(value: str | None) -> date | None:
    """The day of an ISO date (``YYYY-MM-DD``), None for none or anything else."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(slots=True)
class Member:
    """One stored event, as the linker sees it (a row of the events table and its article)."""

    id: str
    article_id: str
    published: str | None
    outlet: str | None
    type: str | None
    trigger: str | None
    date: str | None
    date_precision: str | None
    date_start: str | None
    date_end: str | None
    country: str | None
    admin1: str | None
    location: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    geo_precision: int | None = None  # 3: the place is a region or a country, not a point
    participants: frozenset[str] = frozenset()
    names: tuple[str, ...] = ()  # the participants as written, for titles
    sources: tuple[str, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)
    cached: EventMention | None = field(default=None, repr=False, compare=False)

    def mention(self) -> EventMention:
        """The coreference model's view of this event (built once)."""
        if self.cached is None:
            self.cached = self._mention()
        return self.cached

    def _mention(self) -> EventMention:
        words = (self.trigger or "").lower().split()
        area = self.geo_precision == 3  # a region or country contains the towns of its hierarchy
        parts = (self.country, self.admin1) if area else (self.country, self.admin1, self.geonameid)
        path = tuple(str(p) for p in parts if p is not None)
        return EventMention(
            id=self.id,
            doc=self.article_id,
            lemma=words[-1] if words else (self.type or "event").lower(),
            type=self.type,
            participants=self.participants,
            places=frozenset({self.location.lower()}) if self.location else frozenset(),
            place_path=path,
            point=(self.lat, self.lon)
            if self.lat is not None and self.lon is not None and not area
            else None,
            date=self.date,
            precision=self.date_precision,
        )

    def window(self, slack: int = SLACK_DAYS) -> tuple[str, str] | None:
        """The dates this event may have happened on, widened by ``slack`` days."""
        first, last = iso_day(self.date_start), iso_day(self.date_end)
        if first is None or last is None:
            return None
        try:
            first -= timedelta(days=slack)
        except OverflowError:
            first = date.min
        try:
            last += timedelta(days=slack)
        except OverflowError:
            last = date.max
        return first.isoformat(), last.isoformat()


def member_from_row(row: dict[str, Any]) -> Member:
    """A :class:`Member` from an events-table row joined with its article (outlet, published).

    The modes and sizes come from the event's ``record`` (a dict or its JSON), or, without one,
    from a ``modes`` column (a JSON list) and the ``killed``, ``injured``, ``arrested`` columns.
    """
    if "record" in row:
        record = _loads(row["record"]) if isinstance(row["record"], str) else row["record"]
        record = record if isinstance(record, dict) else {}
        size = record.get("size") if isinstance(record.get("size"), dict) else {}
        modes = record.get("modes")
    else:
        size = row
        modes = _loads(row["modes"]) if isinstance(row.get("modes"), str) else None
    names = [
        n for n in (row.get("actors") or "").split("; ") + (row.get("recipients") or "").split("; ") if n
    ]
    details = {
        "modes": sorted(str(m) for m in modes) if isinstance(modes, list) else [],
        "status": row.get("status"),
        "certainty": row.get("certainty"),
        **{key: size.get(key) for key in ("killed", "injured", "arrested")},
    }
    return Member(
        id=row["id"], article_id=row["article_id"], published=row.get("published"), outlet=row.get("outlet"),
        type=row.get("type"), trigger=row.get("trigger"), date=row.get("date"),
        date_precision=row.get("date_precision"), date_start=row.get("date_start"),
        date_end=row.get("date_end"),
        country=row.get("country"), admin1=row.get("admin1"), location=row.get("location"),
        geonameid=row.get("geonameid"), lat=row.get("lat"), lon=row.get("lon"),
        geo_precision=row.get("geo_precision") if isinstance(row.get("geo_precision"), int) else None,
        participants=frozenset(" ".join(n.lower().split()) for n in names),
        names=tuple(names),
        sources=tuple(s for s in (row.get("sources") or "").split("; ") if s),
        details=details,
    )  # fmt: skip


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def best_match(event: Member, candidates: dict[str, list[Member]]) -> str | None:
    """The merged event ``event`` belongs to (highest mean pair probability ≥ threshold), if any."""
    mention = event.mention()
    best, best_score = None, MERGE_THRESHOLD
    for merged_id in sorted(candidates):
        members = candidates[merged_id]
        if any(m.article_id == event.article_id for m in members):
            continue  # one article's mentions of a happening are merged by the events stage already
        probability = sum(record_score(mention, m.mention()) for m in members) / len(members)
        if probability > best_score:
            best, best_score = merged_id, probability
    return best


def summarize(merged_id: str, members: list[Member]) -> dict[str, Any]:
    """A merged event's row: what its reports agree on, their counts, and where they disagree."""
    ordered = sorted(members, key=lambda m: (m.published or "", m.id))
    dated = [m for m in ordered if m.date] or ordered
    precise = min(dated, key=lambda m: (_span(m), m.published or "", m.id))  # the most precise date
    placed = Counter((m.geonameid, m.location, m.country, m.lat, m.lon) for m in ordered if m.geonameid)
    place = placed.most_common(1)[0][0] if placed else (None, None, None, None, None)
    types = Counter(m.type for m in ordered if m.type)
    outlets = sorted({m.outlet or m.article_id[:16] for m in ordered})
    sources = sorted({s for m in ordered for s in m.sources})
    conflicts: dict[str, dict[str, list[str]]] = {}
    for key in ("modes", "status", "certainty", "killed", "injured", "arrested"):
        values: dict[str, list[str]] = {}
        for m in ordered:
            value = m.details.get(key)
            if value in (None, [], ""):
                continue
            values.setdefault(json.dumps(value), []).append(m.id)
        if len(values) > 1:
            conflicts[key] = values
    return {
        "id": merged_id,
        "representative": ordered[0].id,
        "type": types.most_common(1)[0][0] if types else None,
        "date": precise.date,
        "date_start": precise.date_start,
        "date_end": precise.date_end,
        "geonameid": place[0],
        "location": place[1],
        "country": place[2],
        "lat": place[3],
        "lon": place[4],
        "n_events": len(ordered),
        "n_articles": len({m.article_id for m in ordered}),
        "n_sources": len(outlets),
        "sources": json.dumps({"outlets": outlets, "attributed": sources}, ensure_ascii=False),
        "first_reported": ordered[0].published,
        "last_reported": ordered[-1].published,
        "details": json.dumps(conflicts, ensure_ascii=False),
        "participants": sorted(set().union(*(m.participants for m in ordered))),
        "names": sorted({n for m in ordered for n in m.names if is_named(n)}),
        "articles": sorted({m.article_id for m in ordered}),
    }


def _span(m: Member) -> int:
    first, last = iso_day(m.date_start), iso_day(m.date_end)
    return (last - first).days if first and last else 10**6


@lru_cache(maxsize=65536)
def is_named(name: str) -> bool:
    """Whether a participant is named ("Mustafa al-Kadhimi", "Reuters"), not described ("at least
    seven members", "protesters"): a capital after the first word, or one capitalised word that is
    not a plural."""
    words = name.replace("-", " ").split()
    if not words or any(ch.isdigit() for ch in name):
        return False
    if len(words) == 1:
        return words[0][:1].isupper() and not words[0].endswith("s")
    return any(word[:1].isupper() for word in words[1:])


def story_keys(
    participants: Iterable[str], location: str | None, country: str | None, articles: Iterable[str] = ()
) -> set[str]:
    """What may tie a merged event to a story: a report they share (an article tells one story,
    background included), two specific participants together, or a specific participant with a
    place (the town, or the country)."""
    specific = sorted({p for p in participants if p and p not in GENERIC})
    keys = {f"pp:{a}|{b}" for i, a in enumerate(specific) for b in specific[i + 1 :]}
    keys |= {f"art:{article}" for article in articles}
    for where in {w.lower() for w in (location, country) if w}:
        keys |= {f"pl:{p}|{where}" for p in specific}
    return keys


def story_title(events: list[dict[str, Any]]) -> str:
    """A title from what a story's events share most: who (named participants), where and what."""
    who = Counter(n for e in events for n in e.get("names") or [])
    where = Counter(e["location"] for e in events if e.get("location"))
    what = Counter((e.get("type") or "event").lower() for e in events)
    parts = []
    if who:
        parts.append(" and ".join(name for name, _ in who.most_common(2)))
    if where:
        parts.append(where.most_common(1)[0][0])
    kinds = ", ".join(kind for kind, _ in what.most_common(3))
    return f"{' in '.join(parts) or 'Events'}: {kinds}"
