"""Evaluating places against public gold data.

- Toponym resolution (Gritta et al., "A Pragmatic Guide to Geoparsing Evaluation"): Gritta XML
  (GeoVirus, LGL, TR-News: ``<article><text>…<location><name><start><end><lat><lon>``) or the brat
  folder of GeoWebNews (``N.txt`` + ``N.ann``, a GeoNames id or "lat, lon" in each AnnotatorNotes).
  ``mode="gold"`` resolves the gold spans; ``mode="e2e"`` runs NER on the raw text and matches
  predicted places to gold spans by overlap (a gold toponym without a prediction counts as the
  largest error). Measures: accuracy@161 km, exact match (same GeoNames id, or within 1 km when
  the gold has only coordinates), mean and median error, and the AUC of the error curve
  (area under sorted log(1 + km) / log(20039), lower is better).
- Event location (Halterman's ``labeled_text.json``, rows with ``source == "RELABEL"``): the share
  of events whose chosen place overlaps a gold LOCATION span (or, for an event the gold gives no
  location, that none is chosen). Spans come from token offsets, since some char offsets are broken.

Each result also gives the two halves (even and odd documents), since the weights were tuned on the
even half.
"""

from __future__ import annotations

import itertools
import json
import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.eval.common import parallel_map, require

MAX_ERROR_KM = 20039.0
_EARTH_KM = 6371.0088
_SKIPPED_TYPES = frozenset({"Non_Toponym", "Literal_Expression", "Non_Lit_Expression", "Language"})


@dataclass(slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class GoldDoc:
    name: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


# -- reading -----------------------------------------------------------------------------------------


def read_gritta_xml(path: Path) -> list[GoldDoc]:
    """Articles of a Gritta-format XML file (GeoVirus, LGL, TR-News)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(
            f"{path}: not a Gritta XML file ({exc})", hint="give GeoVirus.xml, lgl.xml …"
        ) from exc
    docs = []
    for i, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        doc = GoldDoc(f"{path.name}#{i}", text)
        for loc in article.iter("location"):
            start, end = int(loc.findtext("start") or 0), int(loc.findtext("end") or 0)
            start, end = _realign(text, loc.findtext("name") or "", start, end)
            gid = loc.findtext("geonameid") or loc.findtext("geonamesid")
            lat, lon = loc.findtext("lat"), loc.findtext("lon")
            doc.toponyms.append(
                GoldToponym(
                    start,
                    end,
                    text[start:end],
                    int(gid) if gid and gid.strip().isdigit() else None,
                    float(lat) if lat else None,
                    float(lon) if lon else None,
                )
            )
        docs.append(doc)
    return docs


def _realign(text: str, name: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of ``name`` nearest to the given ones (GeoVirus' offsets are often one off)."""
    if not name or text[start:end] == name:
        return start, end
    best: int | None = None
    for pos in range(max(0, start - 10), min(len(text), start + 10)):
        if text.startswith(name, pos) and (best is None or abs(pos - start) < abs(best - start)):
            best = pos
    return (best, best + len(name)) if best is not None else (start, end)


def read_brat_folder(folder: Path) -> list[GoldDoc]:
    """Documents of a brat folder with GeoWebNews-style AnnotatorNotes."""
    docs = []
    for ann in sorted(folder.glob("*.ann"), key=lambda p: (len(p.stem), p.stem)):
        txt = ann.with_suffix(".txt")
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        spans: dict[str, tuple[str, int, int, str]] = {}
        notes: dict[str, str] = {}
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3:
                continue
            if parts[0].startswith("T"):
                head = parts[1].split()
                if len(head) >= 3 and ";" not in parts[1]:
                    spans[parts[0]] = (head[0], int(head[1]), int(head[-1]), parts[2])
            elif parts[0].startswith("#"):
                notes[parts[1].split()[-1]] = parts[2].strip()
        doc = GoldDoc(ann.stem, text)
        for tid, note in notes.items():
            if tid not in spans or spans[tid][0] in _SKIPPED_TYPES:
                continue
            _type, start, end, surface = spans[tid]
            topo = GoldToponym(start, end, surface)
            if "," in note:
                lat, lon = (float(x) for x in note.split(",")[:2])
                topo.lat, topo.lon = lat, lon
            elif note.isdigit():
                topo.geonameid = int(note)
            else:
                continue
            doc.toponyms.append(topo)
        docs.append(doc)
    return docs


def read_geo_gold(path: Path) -> list[GoldDoc]:
    """Gritta XML file or brat folder."""
    require(path, "GeoVirus.xml (or LGL / TR-News XML) or the GeoWebNews brat folder")
    return read_brat_folder(path) if path.is_dir() else read_gritta_xml(path)


# -- toponym resolution ------------------------------------------------------------------------------


def _errors_for_doc(args: tuple[GoldDoc, str]) -> list[dict[str, Any]]:
    from tidings.geo import place_mentions, resolve_spans
    from tidings.geo.gazetteer import load
    from tidings.geo.resolve import Mention

    doc, mode = args
    if mode == "gold":
        mentions = [Mention(t.start, t.end, doc.text[t.start : t.end]) for t in doc.toponyms]
    else:
        from tidings.models import Article
        from tidings.nlp.model import parse

        mentions = place_mentions(parse(Article(id=doc.name, text=doc.text)))
    places = resolve_spans(doc.text, mentions)
    gaz = load()
    out = []
    for topo in doc.toponyms:
        pred = _overlapping(places, topo.start, topo.end)
        glat, glon = topo.lat, topo.lon
        if glat is None and topo.geonameid is not None:
            gold_place = gaz.place(topo.geonameid)
            if gold_place is not None:
                glat, glon = gold_place.lat, gold_place.lon
        exact = False
        if pred is None or not pred.get("resolved"):
            error = MAX_ERROR_KM
        elif topo.geonameid is not None and pred["geonameid"] == topo.geonameid:
            error, exact = 0.0, True
        elif glat is None or glon is None:
            error = MAX_ERROR_KM
        else:
            error = haversine_km(glat, glon, pred["lat"], pred["lon"])
            exact = topo.geonameid is None and error <= 1.0
        out.append(
            {
                "doc": doc.name,
                "text": topo.text,
                "gold": topo.geonameid,
                "pred": None if pred is None else pred.get("geonameid"),
                "pred_name": None if pred is None else pred.get("name"),
                "matched": pred is not None,
                "error_km": round(error, 1),
                "exact": exact,
                "gold_coords": glat is not None,
            }
        )
    return out


def _overlapping(places: list[dict[str, Any]], start: int, end: int) -> dict[str, Any] | None:
    best = None
    for place in places:
        overlap = min(end, place["end"]) - max(start, place["start"])
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, place)
    return best[1] if best else None


def error_auc(errors: list[float]) -> float:
    """Gritta's AUC: trapezoid area under sorted log(1 + km), normalised by log(20039) (lower is better)."""
    if len(errors) < 2:
        return math.log1p(errors[0]) / math.log(MAX_ERROR_KM) if errors else 0.0
    points = sorted(math.log1p(e) for e in errors)
    area = sum((a + b) / 2 for a, b in itertools.pairwise(points))
    return area / ((len(points) - 1) * math.log(MAX_ERROR_KM))


def summarize_errors(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The measures over per-toponym rows."""
    errors = [r["error_km"] for r in rows]
    if not errors:
        return {"toponyms": 0}
    return {
        "toponyms": len(errors),
        "accuracy_161": round(sum(e <= 161 for e in errors) / len(errors), 4),
        "exact": round(sum(r["exact"] for r in rows) / len(rows), 4),
        "mean_km": round(statistics.fmean(errors), 1),
        "median_km": round(statistics.median(errors), 1),
        "auc": round(error_auc(errors), 4),
        "matched": round(sum(r["matched"] for r in rows) / len(rows), 4),
        "gold_without_coords": sum(not r["gold_coords"] for r in rows),
    }


def evaluate_geo(path: Path, mode: str = "gold", workers: int | None = None, details: bool = False) -> dict:
    """Toponym resolution measures over a Gritta XML file or a GeoWebNews brat folder."""
    if mode not in ("gold", "e2e"):
        raise InputError(f"unknown mode {mode!r}", hint="use mode 'gold' or 'e2e'")
    docs = read_geo_gold(Path(path))
    if not docs:
        raise InputError(f"{path}: no documents", hint="give GeoVirus.xml or the GeoWebNews folder")
    from tidings.geo.gazetteer import load

    load()  # build or open once before the pool forks
    per_doc = list(parallel_map(_errors_for_doc, [(d, mode) for d in docs], workers))
    rows = [r for doc_rows in per_doc for r in doc_rows]
    result: dict[str, Any] = {"dataset": Path(path).name, "mode": mode, "documents": len(docs)}
    result.update(summarize_errors(rows))
    if mode == "e2e":
        result["matched_only"] = summarize_errors([r for r in rows if r["matched"]])
    result["in_gazetteer_only"] = summarize_errors([r for r in rows if r["gold_coords"]])
    result["halves"] = {
        "even": summarize_errors([r for i, d in enumerate(per_doc) if i % 2 == 0 for r in d]),
        "odd": summarize_errors([r for i, d in enumerate(per_doc) if i % 2 == 1 for r in d]),
    }
    if details:
        result["rows"] = rows
    return result


# -- event location ----------------------------------------------------------------------------------


def _event_row(row: dict[str, Any]) -> dict[str, Any]:
    from tidings.geo import event_location, resolve_places
    from tidings.models import Article
    from tidings.nlp.model import parse

    text = row["text"]
    tokens = row.get("tokens") or []

    def char_span(span: dict[str, Any]) -> tuple[int, int]:
        ts, te = span.get("token_start"), span.get("token_end")
        if tokens and ts is not None and te is not None and 0 <= ts <= te < len(tokens):
            return int(tokens[ts]["start"]), int(tokens[te]["end"])
        return int(span["start"]), int(span["end"])

    spans = row.get("spans") or []
    verbs = [char_span(s) for s in spans if s.get("label") == "VERB"]
    golds = [char_span(s) for s in spans if s.get("label") == "LOCATION"]
    article = Article(id=str(row.get("_id")), text=text)
    doc = parse(article)
    places = resolve_places(article, doc)
    chosen = event_location(doc, (0, len(text)), verbs[0] if verbs else None, places)
    if chosen is None:
        correct = not golds
    else:
        correct = any(min(e, chosen["end"]) - max(s, chosen["start"]) > 0 for s, e in golds)
    return {
        "id": row.get("_id"),
        "gold": [text[s:e] for s, e in golds],
        "chosen": None if chosen is None else chosen["text"],
        "score": None if chosen is None else chosen["score"],
        "role": None if chosen is None else chosen["role"],
        "precision": None if chosen is None else chosen["precision"],
        "correct": correct,
        "located": bool(golds),
    }


def _event_summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    located = [r for r in rows if r["located"]]
    unlocated = [r for r in rows if not r["located"]]
    return {
        "events": len(rows),
        "accuracy": round(sum(r["correct"] for r in rows) / len(rows), 4) if rows else 0.0,
        "accuracy_located": round(sum(r["correct"] for r in located) / len(located), 4) if located else 0.0,
        "accuracy_unlocated": round(sum(r["correct"] for r in unlocated) / len(unlocated), 4)
        if unlocated
        else 0.0,
        "located": len(located),
    }


def evaluate_event_location(folder: Path, workers: int | None = None, details: bool = False) -> dict:
    """Event-location accuracy on the adjudicated (``RELABEL``) rows of ``labeled_text.json``."""
    folder = Path(folder)
    path = folder / "labeled_text.json" if folder.is_dir() else folder
    require(path, "labeled_text.json (Halterman's event_location data)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise InputError(f"{path}: not JSON ({exc})", hint="give the unzipped labeled_text.json") from exc
    rows = [r for r in data if r.get("source") == "RELABEL" and r.get("text")]
    from tidings.geo.gazetteer import load

    load()
    results = list(parallel_map(_event_row, rows, workers))
    summary: dict[str, Any] = {"dataset": path.name, **_event_summary(results)}
    summary["halves"] = {
        "even": _event_summary(results[0::2]),
        "odd": _event_summary(results[1::2]),
    }
    if details:
        summary["rows"] = results
    return summary
