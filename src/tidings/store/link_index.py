"""The merged events a linking run has looked at, indexed in memory by type and first day.

:func:`tidings.store.links.link_events` asks, for each event, which merged events of its type
have dates that overlap its window. Asking SQLite each time reads every merged event of the type
in a two-month range (all countries) and looks each row up in the table: the work per event
grows with the store. This index loads the merged events of a (type, month) once per run, keeps
them by type and first day, and is kept in step with every merged event the run writes, so a
candidate query is a few dictionary lookups. It holds at most ``limit`` merged events (the
months least recently used are dropped, and read again when needed).
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from typing import Any

#: (id, date_start, date_end, country, first_reported) of a merged event.
Entry = tuple[str, str | None, str | None, str | None, str | None]
_UNDATED = "-"


def month_of(day: str | None) -> str:
    """The month (``YYYY-MM``) of an ISO date, ``-`` for none."""
    return day[:7] if day and len(day) >= 7 else _UNDATED


class MergedIndex:
    """Merged events by (type, month of ``date_start``) and then by ``date_start``."""

    def __init__(self, connection: sqlite3.Connection, limit: int = 50_000) -> None:
        self.connection = connection
        self.limit = limit
        self.size = 0
        self.cells: OrderedDict[tuple[str | None, str], dict[str | None, dict[str, Entry]]] = OrderedDict()
        self.where: dict[str, tuple[str | None, str | None]] = {}  # merged id → (type, date_start)

    def _cell(self, kind: str | None, month: str) -> dict[str | None, dict[str, Entry]]:
        key = (kind, month)
        cell = self.cells.get(key)
        if cell is not None:
            self.cells.move_to_end(key)
            return cell
        cell = {}
        if month == _UNDATED:
            rows = self.connection.execute(
                "SELECT id, date_start, date_end, country, first_reported FROM merged_events "
                "WHERE type IS ? AND date_start IS NULL",
                (kind,),
            )
        else:
            rows = self.connection.execute(
                "SELECT id, date_start, date_end, country, first_reported FROM merged_events "
                "WHERE type IS ? AND date_start >= ? AND date_start < ?",
                (kind, f"{month}-01", f"{month}-32"),
            )
        for row in rows:
            cell.setdefault(row[1], {})[row[0]] = row
            self.where[row[0]] = (kind, row[1])
            self.size += 1
        self.cells[key] = cell
        self._trim()
        return cell

    def _trim(self) -> None:
        while self.size > self.limit and len(self.cells) > 1:
            _key, cell = self.cells.popitem(last=False)
            for day in cell.values():
                for merged_id in day:
                    self.where.pop(merged_id, None)
                    self.size -= 1

    def put(self, row: dict[str, Any]) -> None:
        """Record a merged event just written (a row of :func:`tidings.stories.link.summarize`)."""
        self.remove(row["id"])
        key = (row["type"], month_of(row["date_start"]))
        cell = self.cells.get(key)
        if cell is None:
            return  # not loaded: read from the store when first needed
        entry = (row["id"], row["date_start"], row["date_end"], row["country"], row["first_reported"])
        cell.setdefault(row["date_start"], {})[row["id"]] = entry
        self.where[row["id"]] = (row["type"], row["date_start"])
        self.size += 1

    def remove(self, merged_id: str) -> None:
        """Forget a merged event (deleted, or about to be written again)."""
        place = self.where.pop(merged_id, None)
        if place is None:
            return
        cell = self.cells.get((place[0], month_of(place[1])))
        if cell is not None and merged_id in cell.get(place[1], {}):
            del cell[place[1]][merged_id]
            self.size -= 1

    def candidates(
        self, kind: str | None, country: str | None, window: tuple[str, str, str] | None,
        starts: tuple[str, ...], limit: int,
    ) -> list[str]:  # fmt: skip
        """Merged events of type ``kind`` overlapping ``window`` (its first and last day, and the
        earliest first day of a short merged event that may overlap it, ISO dates; undated merged
        events when it is None), in ``country`` or none (any, when it is None), beginning on or
        after that earliest day or on one of ``starts``: the latest reported first, at most
        ``limit``."""
        found: list[Entry] = []
        if window is None:
            for entry in self._cell(kind, _UNDATED).get(None, {}).values():
                if country is None or entry[3] is None or entry[3] == country:
                    found.append(entry)
        else:
            first, last, low = window
            days: list[tuple[str, dict[str, Entry]]] = []
            for month in months(low, last):
                days += [
                    (day, entries)
                    for day, entries in self._cell(kind, month).items()
                    if day is not None and low <= day <= last
                ]
            for day in starts:
                if day < low:
                    days.append((day, self._cell(kind, day[:7]).get(day, {})))
            for _day, entries in days:
                for entry in entries.values():
                    if country is not None and entry[3] is not None and entry[3] != country:
                        continue
                    if entry[2] is not None and entry[2] >= first:
                        found.append(entry)
        found.sort(key=lambda e: e[0])
        found.sort(key=lambda e: (e[4] is not None, e[4] or ""), reverse=True)
        return [e[0] for e in found[:limit]]


def months(first: str, last: str) -> list[str]:
    """The months (``YYYY-MM``) from the one of ``first`` to the one of ``last`` (ISO dates)."""
    start = int(first[:4]) * 12 + int(first[5:7]) - 1
    end = int(last[:4]) * 12 + int(last[5:7]) - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(start, end + 1)]
