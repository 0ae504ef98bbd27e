"""Quotes and attributions against PolNeAR (Newell, Margolin & Ruths, LREC 2018).

PolNeAR annotates attribution relations in US political news as BRAT standoff: ``Source``, ``Cue``
and ``Content`` text-bound spans (possibly discontinuous: ``start end;start end``) tied together by
``Attribution`` events (``Attribution-no-source`` when the source is implicit). Layout::

    data/{train,dev}/text/NAME.txt
    data/{train,dev}/attributions/NAME_ANNOTATOR.ann   (one file per annotator; the first is used)

Every document becomes an :class:`~tidings.models.Article` (``Article.create`` cleans the text, so
gold offsets are mapped into the cleaned text), is language-annotated and parsed, and goes through
:func:`~tidings.nlp.quotes.find_quotes` and :func:`~tidings.nlp.attributions.find_attributions`.
Each quote and each attribution is a predicted relation (source, cue and content spans). A quote and
an attribution with the same cue are one relation; quotes continuing one cue are one relation with
several content pieces; PolNeAR annotates only the outermost of nested attributions, so a relation
whose cue lies inside another's content is left out. Each role is scored separately: a predicted
span matches a gold span of the same role when they overlap (one-to-one, largest overlaps first);
exact F1 asks for the same boundaries. PolNeAR's content includes quotation marks and the
complementiser "that"; tidings' quote content excludes them, so predicted content is widened by
those before the comparison.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tidings.eval.common import parallel_map, require
from tidings.models import Article, Span
from tidings.text import clean_text

ROLES = ("source", "cue", "content")
_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
_SENTINEL = "\ue000"
_OPEN_MARKS = "\"“‘«„'"
_CLOSE_MARKS = "\"”’»“'"

Fragments = tuple[Span, ...]


@dataclass(slots=True)
class Relation:
    """One attribution relation: each role is a tuple of fragments (empty when absent)."""

    source: Fragments = ()
    cue: Fragments = ()
    content: Fragments = ()


@dataclass(slots=True)
class Counts:
    """Per-role tallies of one or more documents."""

    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    pred: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    overlap: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    exact: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))

    def add(self, other: Counts) -> None:
        for role in ROLES:
            self.gold[role] += other.gold[role]
            self.pred[role] += other.pred[role]
            self.overlap[role] += other.overlap[role]
            self.exact[role] += other.exact[role]


# -- reading the gold ----------------------------------------------------------------------------------


def parse_ann(content: str) -> list[Relation]:
    """The attribution relations of a BRAT ``.ann`` file (raw-text offsets)."""
    spans: dict[str, Fragments] = {}
    relations: list[Relation] = []
    events: list[str] = []
    for line in content.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, offsets = parts[1].partition(" ")
            fragments: list[Span] = []
            for piece in offsets.split(";"):
                numbers = piece.split()
                if len(numbers) == 2 and numbers[0].isdigit() and numbers[1].isdigit():
                    fragments.append((int(numbers[0]), int(numbers[1])))
            if label in ("Source", "Cue", "Content") and fragments:
                spans[parts[0]] = tuple(fragments)
        elif line.startswith("E"):
            events.append(line)
    for line in events:
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        roles: dict[str, Fragments] = {}
        for arg in parts[1].split()[1:]:
            role, _, ref = arg.partition(":")
            role = re.sub(r"\d+$", "", role).lower()
            if role in ROLES and ref in spans:
                roles[role] = roles.get(role, ()) + spans[ref]
        if "cue" in roles or "content" in roles:
            relations.append(
                Relation(
                    tuple(sorted(roles.get("source", ()))),
                    tuple(sorted(roles.get("cue", ()))),
                    tuple(sorted(roles.get("content", ()))),
                )
            )
    return relations


def offset_mapper(raw: str, cleaned: str) -> dict[int, int] | None:
    """``None`` when cleaning changed nothing; else a cache to fill by :func:`map_offset`."""
    return None if raw == cleaned else {}


def map_offset(raw: str, pos: int, cache: dict[int, int] | None) -> int:
    """Offset in ``clean_text(raw)`` of the character at ``raw[pos]`` (or of the end)."""
    if cache is None:
        return pos
    if pos not in cache:
        marked = clean_text(raw[:pos] + _SENTINEL)
        cache[pos] = marked.find(_SENTINEL) if _SENTINEL in marked else len(marked)
    return cache[pos]


def map_relations(relations: list[Relation], raw: str, cleaned: str) -> list[Relation]:
    """Gold relations with their offsets moved from the raw text into the cleaned text."""
    cache = offset_mapper(raw, cleaned)
    if cache is None:
        return relations

    def move(fragments: Fragments) -> Fragments:
        moved = []
        for start, end in fragments:
            a = map_offset(raw, start, cache)
            b = map_offset(raw, end, cache)
            if b > a:
                moved.append((a, b))
        return tuple(moved)

    return [Relation(move(r.source), move(r.cue), move(r.content)) for r in relations]


# -- predictions --------------------------------------------------------------------------------------


def predict(article: Article) -> list[Relation]:
    """Quotes and attributions of ``article`` as relations (language id and parse included)."""
    from tidings.nlp import langid, model
    from tidings.nlp.attributions import attribution_records
    from tidings.nlp.quotes import find_quotes

    article = langid.annotate(article)
    doc = model.parse(article)
    by_cue: dict[Span, Relation] = {}
    loose: list[Relation] = []
    for quote in find_quotes(article, doc):
        source = (quote.speaker_span,) if quote.speaker_span else ()
        content = ((quote.start, quote.end),)
        if quote.cue_span is None:
            loose.append(Relation(source, (), content))
            continue
        known = by_cue.get(quote.cue_span)
        if known is None:
            by_cue[quote.cue_span] = Relation(source, (quote.cue_span,), content)
        else:
            known.content = tuple(sorted({*known.content, *content}))
    for attribution, cue_span in attribution_records(article, doc):
        if cue_span in by_cue:
            continue
        by_cue[cue_span] = Relation(
            ((attribution.start, attribution.end),), (cue_span,), (attribution.claim,)
        )
    return outermost([*by_cue.values(), *loose])


def outermost(relations: list[Relation]) -> list[Relation]:
    """PolNeAR annotates no nested attributions: drop relations whose cue lies in another's content."""
    contents = [(fragment, index) for index, r in enumerate(relations) for fragment in r.content]
    kept = []
    for index, relation in enumerate(relations):
        if relation.cue:
            start, end = relation.cue[0]
            if any(s <= start and end <= e and other != index for (s, e), other in contents):
                continue
        kept.append(relation)
    return kept


def widen_content(text: str, span: Span) -> Span:
    """``span`` with PolNeAR's conventions: surrounding quotation marks and a leading "that"."""
    start, end = span
    j = end
    while j < len(text) and text[j] in ",.?!;:" and j - end < 2:
        j += 1
    if j < len(text) and text[j] in _CLOSE_MARKS:
        end = j + 1
    i = start
    while i > 0 and text[i - 1] == " ":
        i -= 1
    if i > 0 and text[i - 1] in _OPEN_MARKS:
        start = i - 1
        i = start
        while i > 0 and text[i - 1] == " ":
            i -= 1
    if text[max(0, i - 5) : i].lower() in (" that", "\nthat") or (
        text[max(0, i - 4) : i].lower() == "that" and i == 4
    ):
        start = i - 4
    return start, end


# -- scoring ----------------------------------------------------------------------------------------


def _overlap(a: Fragments, b: Fragments) -> int:
    total = 0
    for s1, e1 in a:
        for s2, e2 in b:
            total += max(0, min(e1, e2) - max(s1, s2))
    return total


def _outer(fragments: Fragments, text: str | None) -> Span:
    start = min(s for s, _ in fragments)
    end = max(e for _, e in fragments)
    if text is not None:
        while start < end and text[start] in " \n\t":
            start += 1
        while end > start and text[end - 1] in " \n\t":
            end -= 1
    return start, end


def match_spans(pred: list[Fragments], gold: list[Fragments], text: str | None = None) -> tuple[int, int]:
    """One-to-one matches between predicted and gold spans: ``(overlapping, exact)``.

    Overlap matching pairs the largest overlaps first; exact matching pairs identical outer bounds.
    """
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            amount = _overlap(p, g)
            if amount > 0:
                pairs.append((amount, i, j))
    pairs.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    gold_bounds: dict[Span, int] = {}
    for g in gold:
        key = _outer(g, text)
        gold_bounds[key] = gold_bounds.get(key, 0) + 1
    exact = 0
    for p in pred:
        key = _outer(p, text)
        if gold_bounds.get(key, 0) > 0:
            gold_bounds[key] -= 1
            exact += 1
    return len(used_p), exact


def score_document(pred: list[Relation], gold: list[Relation], text: str | None = None) -> Counts:
    """Per-role tallies for one document."""
    counts = Counts()
    for role in ROLES:
        p = [getattr(r, role) for r in pred if getattr(r, role)]
        g = [getattr(r, role) for r in gold if getattr(r, role)]
        overlap, exact = match_spans(p, g, text)
        counts.pred[role] = len(p)
        counts.gold[role] = len(g)
        counts.overlap[role] = overlap
        counts.exact[role] = exact
    return counts


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def figures(counts: Counts) -> dict[str, object]:
    """P/R/F1 per role, overlap and exact."""
    result: dict[str, object] = {}
    for role in ROLES:
        overlap = _prf(counts.overlap[role], counts.pred[role], counts.gold[role])
        exact = _prf(counts.exact[role], counts.pred[role], counts.gold[role])
        result[role] = {
            **overlap,
            "exact_f1": exact["f1"],
            "exact_precision": exact["precision"],
            "exact_recall": exact["recall"],
            "gold": counts.gold[role],
            "predicted": counts.pred[role],
        }
    return result


# -- the evaluation ---------------------------------------------------------------------------------


def documents(folder: Path, split: str) -> list[tuple[Path, Path]]:
    """``(text, annotation)`` pairs of a split; the first annotator's file when there are several."""
    base = folder / "data" / split if (folder / "data").is_dir() else folder / split
    require(base / "text", f"PolNeAR's data/{split}/text")
    require(base / "attributions", f"PolNeAR's data/{split}/attributions")
    annotations: dict[str, Path] = {}
    for path in sorted((base / "attributions").glob("*.ann")):
        stem = path.stem.rsplit("_", 1)[0]
        annotations.setdefault(stem, path)
    pairs = []
    for text_path in sorted((base / "text").glob("*.txt")):
        ann = annotations.get(text_path.stem)
        if ann is not None:
            pairs.append((text_path, ann))
    return pairs


def _evaluate_one(job: tuple[Path, Path]) -> Counts:
    text_path, ann_path = job
    raw = text_path.read_text(encoding="utf-8")
    date = _DATE.search(text_path.name)
    article = Article.create(raw, published=date.group(1) if date else None, source=str(text_path))
    gold = map_relations(parse_ann(ann_path.read_text(encoding="utf-8")), raw, article.text)
    pred = [
        Relation(r.source, r.cue, tuple(widen_content(article.text, c) for c in r.content))
        for r in predict(article)
    ]
    return score_document(pred, gold, article.text)


def evaluate_polnear(
    folder: Path, split: str = "dev", workers: int | None = None, limit: int | None = None
) -> dict[str, object]:
    """Source, cue and content span P/R/F1 (overlap; exact as ``exact_f1``) on a PolNeAR split."""
    jobs = documents(Path(folder), split)
    if limit is not None:
        jobs = jobs[:limit]
    total = Counts()
    for counts in parallel_map(_evaluate_one, jobs, workers):
        total.add(counts)
    return {"dataset": str(folder), "split": split, "documents": len(jobs), **figures(total)}
