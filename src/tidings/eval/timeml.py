"""Time expressions against TimeML gold: TempEval-3's TimeBank + AQUAINT and MEANTIME.

The gold markup is stripped to get the raw text with an exact character mapping, the text goes
through :func:`tidings.time.find_timexes` (with the article date and, optionally, the spaCy
parse), and the result is scored with TempEval-3's measures:

* extraction: strict (exact span) and relaxed (any overlap, one-to-one) precision/recall/F1;
* attributes: over relaxed matches, ``value`` and ``type`` F1 with precision = correct / system
  timexes and recall = correct / gold timexes (as TempEval-3's ``evaluate_entities.py``), and the
  accuracy = correct / relaxed matches.

The creation-time timex (the DCT) is not part of the gold, and system timexes that overlap it are
dropped (MEANTIME keeps the dateline in the text). MEANTIME annotates only the first sentences of
each article (title, dateline and the first four or so): system timexes after the last sentence
holding any markable are not scored.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.eval.common import parallel_map, require
from tidings.eval.meantime import documents as meantime_documents

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.DOTALL)
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """A gold (or system) timex: ``[start, end)`` in the stripped text."""

    start: int
    end: int
    type: str
    value: str | None


@dataclass(slots=True)
class GoldDoc:
    """One gold document: raw text, article date, gold timexes and the DCT span if in the text."""

    name: str
    text: str
    dct: str | None
    timexes: list[GoldTimex] = field(default_factory=list)
    dct_spans: list[tuple[int, int]] = field(default_factory=list)
    annotated_end: int | None = None  # only text before this offset was annotated (MEANTIME)


# -- reading the gold -------------------------------------------------------------------------------------


def read_timeml(source: str, name: str = "") -> GoldDoc:
    """Parse a TimeML document: the text of ``<TEXT>`` with tags removed, and its TIMEX3s."""
    dct = None
    for m in re.finditer(r"<TIMEX3\b([^>]*)>", source):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = (attrs.get("value") or "")[:10] or None
            break
    body_match = re.search(r"<TEXT>(.*?)</TEXT>", source, re.DOTALL)
    body = body_match.group(1) if body_match else source
    parts: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[GoldTimex] = []
    dct_spans: list[tuple[int, int]] = []
    position = 0
    for tag in _TAG.finditer(body):
        piece = html.unescape(body[position : tag.start()])
        parts.append(piece)
        length += len(piece)
        position = tag.end()
        closing, tag_name = tag.group(1), tag.group(2)
        if tag_name != "TIMEX3" or tag.group(4):
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(tag.group(3)))))
        elif open_timex:
            start, attrs = open_timex.pop()
            if attrs.get("functionInDocument") == "CREATION_TIME":
                dct_spans.append((start, length))
            else:
                timexes.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value")))
    parts.append(html.unescape(body[position:]))
    text = "".join(parts)
    return GoldDoc(name=name, text=text, dct=dct, timexes=timexes, dct_spans=dct_spans)


_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'", "’s", "”"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "“", "``"})


def read_meantime(source: str, name: str = "") -> GoldDoc:
    """Parse a MEANTIME document: tokens joined into text (sentences on lines) and its TIMEX3s."""
    tokens = re.findall(r"<token\b([^>]*)>(.*?)</token>", source, re.DOTALL)
    offsets: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, str] = {}
    sentence_end: dict[str, int] = {}
    parts: list[str] = []
    length = 0
    previous_sentence = None
    previous_word = ""
    for attrs_raw, word_raw in tokens:
        attrs = dict(_ATTR.findall(attrs_raw))
        word = html.unescape(word_raw)
        sentence = attrs.get("sentence")
        if previous_sentence is not None:
            if sentence != previous_sentence:
                sep = "\n"
            elif word in _NO_SPACE_BEFORE or previous_word in _NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            length += len(sep)
        offsets[attrs.get("t_id", "")] = (length, length + len(word))
        sentence_of[attrs.get("t_id", "")] = sentence or ""
        parts.append(word)
        length += len(word)
        sentence_end[sentence or ""] = length
        previous_sentence = sentence
        previous_word = word
    text = "".join(parts)
    dct = None
    timexes: list[GoldTimex] = []
    dct_spans: list[tuple[int, int]] = []
    for m in re.finditer(r"<TIMEX3\b([^>]*?)(/?)>(.*?)(?:</TIMEX3>|(?=<TIMEX3\b)|$)", source, re.DOTALL):
        attrs = dict(_ATTR.findall(m.group(1)))
        anchors = [
            offsets[t] for t in re.findall(r'<token_anchor t_id="([^"]+)"', m.group(3)) if t in offsets
        ]
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = _iso_date(attrs.get("value") or "")
            if anchors:
                dct_spans.append((min(a[0] for a in anchors), max(a[1] for a in anchors)))
            continue
        if not anchors or m.group(2):
            continue
        start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
        timexes.append(GoldTimex(start, end, attrs.get("type", ""), attrs.get("value")))
    timexes.sort(key=lambda t: (t.start, t.end))
    # MEANTIME annotates only the first sentences of each article: score only what was annotated,
    # i.e. up to the end of the last sentence that holds any markable.
    marked = [sentence_of[t] for t in re.findall(r'<token_anchor t_id="([^"]+)"', source) if t in sentence_of]
    last = max(marked, key=lambda s: int(s) if s.isdigit() else -1, default=None)
    annotated_end = sentence_end.get(last) if last is not None else None
    return GoldDoc(
        name=name, text=text, dct=dct, timexes=timexes, dct_spans=dct_spans, annotated_end=annotated_end
    )


def _iso_date(value: str) -> str | None:
    """``YYYY-MM-DD`` from a DCT value; one MEANTIME file writes ``DD-MM-YYYY``."""
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value.strip())
    if m:
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    return value[:10] or None


# -- scoring ------------------------------------------------------------------------------------------------


def _overlap(a: GoldTimex, b: GoldTimex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match_timexes(gold: list[GoldTimex], system: list[GoldTimex]) -> list[tuple[GoldTimex, GoldTimex]]:
    """One-to-one relaxed matching (any overlap), largest overlaps first."""
    pairs = sorted(
        (
            (_overlap(g, s), i, j)
            for i, g in enumerate(gold)
            for j, s in enumerate(system)
            if _overlap(g, s) > 0
        ),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_g or j in used_s:
            continue
        used_g.add(i)
        used_s.add(j)
        out.append((gold[i], system[j]))
    return out


def score_doc(gold: list[GoldTimex], system: list[GoldTimex]) -> Counter[str]:
    """Counts for one document (see :func:`figures`)."""
    counts: Counter[str] = Counter(gold=len(gold), system=len(system))
    matched = match_timexes(gold, system)
    counts["relaxed"] = len(matched)
    counts["strict"] = sum(1 for g, s in matched if (g.start, g.end) == (s.start, s.end))
    counts["value"] = sum(1 for g, s in matched if g.value == s.value)
    counts["type"] = sum(1 for g, s in matched if g.type == s.type)
    return counts


def _prf(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def figures(counts: Counter[str]) -> dict[str, Any]:
    """TempEval-3's figures from summed counts, rounded to 4 decimals."""
    g, s = counts["gold"], counts["system"]
    out: dict[str, Any] = {}
    for name in ("strict", "relaxed", "value", "type"):
        p, r, f = _prf(counts[name], s, g)
        out[f"{name}_precision"] = round(p, 4)
        out[f"{name}_recall"] = round(r, 4)
        out[f"{name}_f1"] = round(f, 4)
    matched = counts["relaxed"]
    out["value_accuracy"] = round(counts["value"] / matched, 4) if matched else 0.0
    out["type_accuracy"] = round(counts["type"] / matched, 4) if matched else 0.0
    out.update(
        gold=g,
        system=s,
        strict_matches=counts["strict"],
        relaxed_matches=matched,
        value_correct=counts["value"],
        type_correct=counts["type"],
    )
    return out


def system_timexes(doc: GoldDoc, use_parse: bool) -> list[GoldTimex]:
    """Run the extractor on a gold document (DCT-overlapping results dropped)."""
    from tidings.time import find_timexes

    parse = None
    if use_parse and doc.text.strip():
        from tidings.nlp.model import load

        parse = load()(doc.text, disable=["ner"])  # tense needs tags, parse and lemmas only
    found = find_timexes(doc.text, doc.dct, parse)
    limit = doc.annotated_end if doc.annotated_end is not None else len(doc.text)
    return [
        GoldTimex(t.start, t.end, t.type, t.value)
        for t in found
        if t.start < limit and not any(min(t.end, e) > max(t.start, s) for s, e in doc.dct_spans)
    ]


def _run(job: tuple[Path, str, bool]) -> tuple[str, Counter[str], list[tuple[str, str, str]]]:
    path, fmt, use_parse = job
    source = path.read_text(encoding="utf-8", errors="replace")
    doc = read_timeml(source, path.name) if fmt == "timeml" else read_meantime(source, path.name)
    system = system_timexes(doc, use_parse)
    counts = score_doc(doc.timexes, system)
    return path.name, counts, _errors(doc, system)


def _errors(doc: GoldDoc, system: list[GoldTimex]) -> list[tuple[str, str, str]]:
    """(kind, gold "text|type|value", system "text|type|value") for every error, for analysis."""
    matched = match_timexes(doc.timexes, system)
    seen_g = {id(g) for g, _ in matched}
    seen_s = {id(s) for _, s in matched}

    def show(t: GoldTimex) -> str:
        return f"{doc.text[t.start : t.end]}|{t.type}|{t.value}"

    out = [("missed", show(g), "") for g in doc.timexes if id(g) not in seen_g]
    out += [("spurious", "", show(s)) for s in system if id(s) not in seen_s]
    for g, s in matched:
        if (g.start, g.end) != (s.start, s.end):
            out.append(("span", show(g), show(s)))
        if g.value != s.value:
            out.append(("value", show(g), show(s)))
        if g.type != s.type:
            out.append(("type", show(g), show(s)))
    return out


def value_error_breakdown(errors: list[tuple[str, ...]]) -> Counter[str]:
    """Value errors (from ``errors=True``) grouped by type pair and value shape, most frequent first.

    ``"DATE>TIME 9999-99-99 | 9999-99-99TNI"`` counts gold DATE days answered with a TIME of a
    part of day; digits become 9 so that one convention shows up as one line.
    """
    out: Counter[str] = Counter()
    for error in errors:
        kind, gold, system = error[-3:]
        if kind != "value":
            continue
        _, g_type, g_value = gold.rsplit("|", 2)
        _, s_type, s_value = system.rsplit("|", 2)
        out[f"{g_type}>{s_type} {_DIGIT.sub('9', g_value)} | {_DIGIT.sub('9', s_value)}"] += 1
    return out


_DIGIT = re.compile(r"\d")


def in_split(name: str, split: str | None) -> bool:
    """A fixed half of the documents: ``dev`` or ``test`` by a hash of the file name (None = all)."""
    if split is None:
        return True
    bucket = hashlib.sha1(name.encode("utf-8")).digest()[0] % 2
    return bucket == (0 if split == "dev" else 1)


def in_half(files: list[Path], half: str | None) -> list[Path]:
    """Every other document of ``files`` in sorted order: ``even`` (0, 2, 4…), ``odd`` (1, 3…), None = all.

    Sorted order makes the halves stable and readable: error analysis on one half, the other half
    checks that a change generalises.
    """
    if half is None:
        return list(files)
    if half not in ("even", "odd"):
        raise ValueError(f"half must be 'even' or 'odd', not {half!r}")
    return sorted(files)[0 if half == "even" else 1 :: 2]


def _evaluate(
    files: list[Path],
    fmt: str,
    workers: int | None,
    use_parse: bool,
    split: str | None,
    errors: bool,
    half: str | None = None,
) -> dict[str, Any]:
    jobs = [(path, fmt, use_parse) for path in in_half(files, half) if in_split(path.name, split)]
    total: Counter[str] = Counter()
    all_errors: list[tuple[str, str, str, str]] = []
    for name, counts, errs in parallel_map(_run, jobs, workers):
        total.update(counts)
        if errors:
            all_errors.extend((name, *e) for e in errs)
    out = {"documents": len(jobs), **figures(total)}
    if errors:
        out["errors"] = all_errors
    return out


def evaluate_timeml(
    folder: Path,
    workers: int | None = None,
    use_parse: bool = True,
    *,
    split: str | None = None,
    errors: bool = False,
    half: str | None = None,
) -> dict[str, Any]:
    """TempEval-3 figures on every ``*.tml`` under ``folder`` (TimeBank + AQUAINT).

    ``split`` ``"dev"``/``"test"`` scores a fixed half of the documents (by hash), ``half``
    ``"even"``/``"odd"`` every other one in sorted order; ``errors`` adds the list of errors (for
    analysis).
    """
    require(folder, "TimeML files (*.tml), e.g. TempEval-3's TimeBank and AQUAINT")
    files = sorted(p for p in folder.rglob("*.tml") if "testpipeline" not in p.parts)
    return {"dataset": str(folder), **_evaluate(files, "timeml", workers, use_parse, split, errors, half)}


def evaluate_meantime_timex(
    folder: Path,
    workers: int | None = None,
    use_parse: bool = True,
    *,
    split: str | None = None,
    errors: bool = False,
    half: str | None = None,
) -> dict[str, Any]:
    """TempEval-3 figures on MEANTIME's English documents (``intra-doc_annotation`` under ``folder``)."""
    files = meantime_documents(folder)
    return {"dataset": str(folder), **_evaluate(files, "meantime", workers, use_parse, split, errors, half)}
