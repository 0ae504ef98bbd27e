"""Candidate pairs for event coreference: blocking, so that linking never compares all pairs.

Every mention gets base keys inside its document-topic ``group``: its event type when it has
one together with a date or a place (tidings' records: another type never merges), else its
trigger (lemma, stem, synonym group). Dates and places then cut the blocks finer:

- a mention whose date window (date ± precision, :func:`tidings.stories.when.window`) spans at
  most ``SHORT_DAYS`` days sits in the blocks of the weeks it touches, per country (the first
  element of its place path); two compatible dates always touch a common week;
- a mention with a longer window (month or year precision) sits in year blocks per country and
  is compared with every mention of that country and year, without making the short-window
  mentions of the year compare with each other there;
- a mention without a country is compared with the mentions of its week/year block in every
  country, so a report that names no place can still join an event (one gap is accepted: a
  placed mention with a long window never meets an unplaced one with a short window);
- a mention without a date is compared only with undated mentions (of its country, or of any
  country when it names none).

In each block, "full" members pair with one another and with the "passive" members; passive
members (short windows in a year block, placed mentions in a country-less probe) only wait to
be probed. A block with more than ``MAX_BLOCK`` full members is compared in a sliding window of
``WINDOW`` over its members sorted by date, and a prober meets at most ``PROBE`` passive members
(the nearest in place hierarchy in year blocks, in date otherwise), so the work stays
near-linear whatever the input.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Hashable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from tidings.stories.lexicon import stem, synonyms
from tidings.stories.when import window

if TYPE_CHECKING:
    from tidings.stories.coref import EventMention

MAX_BLOCK = 2000
WINDOW = 200
#: A probing mention meets at most this many passive members of a block.
PROBE = 50
#: Date windows up to this many days are blocked by week, longer ones by year.
SHORT_DAYS = 100
_ANY = "*"


def base_keys(m: EventMention) -> list[Hashable]:
    """The trigger and type keys of a mention, inside its group."""
    if m.type is not None and (m.date or m.place_path):
        # typed records with a date or a place: the type is the key (another type never merges,
        # and a type alone, without a date or place to narrow it, would be too broad a block)
        return [("type", m.group, m.type)]
    keys: list[Hashable] = []
    if m.lemma:
        keys.append(("lemma", m.group, m.lemma))
        keys.append(("stem", m.group, stem(m.lemma)))
        keys.extend(("syn", m.group, min(s, m.lemma), max(s, m.lemma)) for s in synonyms(m.lemma))
    return list(dict.fromkeys(keys))


def date_cells(value: str | None, precision: str | None) -> list[str]:
    """The cells of a date window: ISO-like week numbers when short, years when long."""
    span = window(value, precision)
    if span is None:
        return []
    first, last = span
    if (last - first).days > SHORT_DAYS:
        return [f"Y{year}" for year in range(first.year, last.year + 1)]
    return [f"W{week}" for week in range(first.toordinal() // 7, last.toordinal() // 7 + 1)]


def _placements(m: EventMention) -> list[tuple[tuple[Hashable, ...], bool]]:
    """(cell suffix, full?) for each block the mention sits in, beside its base keys.

    A placed mention sits in its country's blocks (full) and waits in the country-less probe
    blocks (passive); a mention without a country sits, full, in the probe blocks only.
    """
    country: Hashable = m.place_path[0] if m.place_path else None
    cells = date_cells(m.date, m.precision) or ["undated"]
    out: list[tuple[tuple[Hashable, ...], bool]] = []
    for cell in cells:
        if country is not None:
            out.append(((cell, country), True))
        out.append(((cell, _ANY), country is None))
    if cells[0].startswith("W"):
        first, last = window(m.date, m.precision) or (date.min, date.min)
        for year in range(first.year, last.year + 1):
            if country is not None:
                out.append(((f"Y{year}", country), False))
            out.append(((f"Y{year}", _ANY), False))
    return out


def candidate_pairs(mentions: Sequence[EventMention]) -> set[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, worth scoring (bounded per block, see the module doc)."""
    full: dict[Hashable, list[int]] = defaultdict(list)
    passive: dict[Hashable, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        placements = _placements(m)
        for key in base_keys(m):
            for suffix, is_full in placements:
                (full if is_full else passive)[(key, *suffix)].append(i)

    def when(i: int) -> str:
        return mentions[i].date or ""

    def where(i: int) -> str:
        return "\x00".join(str(part) for part in mentions[i].place_path)

    pairs: set[tuple[int, int]] = set()
    for key, members in full.items():
        members = sorted(set(members), key=lambda i: (when(i), i))
        limit = WINDOW if len(members) > MAX_BLOCK else len(members)
        for x, i in enumerate(members):
            for j in members[x + 1 : x + 1 + limit]:
                pairs.add((i, j) if i < j else (j, i))
        others = passive.get(key)
        if not others:
            continue
        # probes meet the passive members nearest in place (year blocks: the date says little)
        # or in date (week blocks probed by mentions without a place)
        order = where if str(key[-2]).startswith("Y") else when
        others = sorted(set(others), key=lambda i: (order(i), i))
        values = [order(i) for i in others]
        for i in members:
            if len(others) <= PROBE:
                nearest = others
            else:
                at = bisect.bisect_left(values, order(i))
                low = max(0, min(at - PROBE // 2, len(others) - PROBE))
                nearest = others[low : low + PROBE]
            for j in nearest:
                if i != j:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs
