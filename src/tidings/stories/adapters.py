"""Adapters that turn event mentions from different sources into :class:`EventMention`.

- ECB+ gold mentions (:func:`ecb_mentions`): trigger head lemma from a spaCy parse of the gold
  tokens, participants/places/times from the gold argument mentions of the same sentence.
- MEANTIME gold mentions (:func:`meantime_mentions`): trigger lemma from the ``pred`` attribute,
  arguments from the entity mentions and time expressions of the same sentence.
- tidings analysis records (:func:`record_mentions`, GUIDE §2): event type, actor and recipient
  names, location (geonameid, lat/lon, country/admin1 hierarchy), date with precision, trigger text
  from the first evidence span.

Each returns the mentions and, for gold data, the gold chain of each mention id.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from tidings.stories.coref import EventMention
from tidings.stories.topics import tfidf, words

if TYPE_CHECKING:
    from tidings.eval.ecb import EcbDocument
    from tidings.eval.meantime import MeantimeDoc


def _content(text: str) -> frozenset[str]:
    return frozenset(words(text))


def _head_lemmas(sentences: Sequence[list[str]]) -> list[list[tuple[str, int]]]:
    """(lower-case lemma, head index) of every token of pre-tokenised sentences (one spaCy pass)."""
    from spacy.tokens import Doc

    from tidings.nlp.model import load

    nlp = load()
    docs = (Doc(nlp.vocab, words=[w or "_" for w in ws]) for ws in sentences if ws)
    parsed = iter(nlp.pipe(docs, batch_size=64))
    out: list[list[tuple[str, int]]] = []
    for ws in sentences:
        if not ws:
            out.append([])
            continue
        doc = next(parsed)
        out.append([(t.lemma_.lower() or t.text.lower(), t.head.i) for t in doc])
    return out


def span_head(tokens: Sequence[int], parse: Sequence[tuple[str, int]]) -> str:
    """The lemma of the span's syntactic head: the token whose head lies outside the span."""
    inside = set(tokens)
    for i in tokens:
        if i < len(parse) and (parse[i][1] == i or parse[i][1] not in inside):
            return parse[i][0]
    last = tokens[-1] if tokens else 0
    return parse[last][0] if last < len(parse) else ""


def ecb_mentions(
    docs: Sequence[EcbDocument],
    selected: set[tuple[str, int]],
    doc_labels: Sequence[Hashable],
    sub_labels: Sequence[Hashable] | None = None,
) -> tuple[list[EventMention], dict[str, str]]:
    """Event mentions of the selected sentences (all sentences when ``selected`` is empty)."""
    vectors = tfidf([d.text() for d in docs])
    keys: list[tuple[int, int]] = []
    sentences: list[list[str]] = []
    for n, doc in enumerate(docs):
        for number in sorted({m.sentence for m in doc.events}):
            if not selected or (doc.name, number) in selected:
                keys.append((n, number))
                sentences.append(doc.sentences[number])
    parses = dict(zip(keys, _head_lemmas(sentences), strict=True))
    sentence_vectors = dict(zip(keys, tfidf([" ".join(ws) for ws in sentences]), strict=True))
    mentions: list[EventMention] = []
    gold: dict[str, str] = {}
    for n, doc in enumerate(docs):
        arguments: dict[tuple[int, str], set[str]] = {}
        for a in doc.arguments:
            kind = "loc" if a.tag.startswith("LOC") else "time" if a.tag.startswith("TIME") else "part"
            arguments.setdefault((a.sentence, kind), set()).update(words(a.text))
        for k, m in enumerate(doc.events):
            parse = parses.get((n, m.sentence))
            if parse is None:
                continue
            mention_id = f"{doc.name}#{k}"
            mentions.append(
                EventMention(
                    id=mention_id,
                    doc=doc.name,
                    lemma=span_head(m.tokens, parse) or m.text.lower(),
                    group=doc_labels[n],
                    subgroup=sub_labels[n] if sub_labels is not None else None,
                    type=m.tag.removeprefix("NEG_"),
                    participants=frozenset(arguments.get((m.sentence, "part"), ())),
                    places=frozenset(arguments.get((m.sentence, "loc"), ())),
                    times=frozenset(arguments.get((m.sentence, "time"), ())),
                    context=_content(" ".join(doc.sentences[m.sentence])),
                    sentence_vector=sentence_vectors[(n, m.sentence)],
                    doc_vector=vectors[n],
                )
            )
            gold[mention_id] = m.chain
    return mentions, gold


def meantime_mentions(
    docs: Sequence[MeantimeDoc],
    doc_labels: Sequence[Hashable],
    sub_labels: Sequence[Hashable] | None = None,
) -> tuple[list[EventMention], dict[str, str]]:
    """Event mentions of MEANTIME documents loaded with :func:`tidings.eval.meantime.load_document`.

    The gold chain is the cross-document ``instance_id`` of the EVENT the mention refers to, else
    its within-document EVENT, else the mention alone. MEANTIME mentions carry no event class
    before linking (the class sits on the gold instance), so they all share one type.
    """
    vectors = tfidf([d.text for d in docs])
    sentences = [[doc.text[s:e] for s, e in _lines(doc.text)] for doc in docs]
    sentence_vectors = tfidf([line for lines in sentences for line in lines])
    offsets = [0]
    for lines in sentences:
        offsets.append(offsets[-1] + len(lines))
    mentions: list[EventMention] = []
    gold: dict[str, str] = {}
    for n, doc in enumerate(docs):
        starts = [0]
        starts.extend(i + 1 for i, ch in enumerate(doc.text) if ch == "\n")

        def sentence_of(offset: int, starts: list[int] = starts) -> int:
            lo, hi = 0, len(starts)
            while hi - lo > 1:
                mid = (lo + hi) // 2
                lo, hi = (mid, hi) if starts[mid] <= offset else (lo, mid)
            return lo

        arguments: dict[tuple[int, str], set[str]] = {}
        for markable in doc.markables.values():
            if markable.start < 0:
                continue
            kind = {"ENTITY_MENTION": "part", "TIMEX3": "time"}.get(markable.tag)
            if kind is not None:
                text = doc.text[markable.start : markable.end]
                arguments.setdefault((sentence_of(markable.start), kind), set()).update(words(text))
        for m_id, markable in sorted(doc.markables.items(), key=lambda kv: kv[1].start):
            if markable.tag != "EVENT_MENTION" or markable.start < 0:
                continue
            number = sentence_of(markable.start)
            line_end = doc.text.find("\n", markable.start)
            sentence = doc.text[starts[number] : line_end if line_end >= 0 else len(doc.text)]
            target = doc.markables.get(doc.refers_to.get(m_id, ""))
            chain = (
                target.attrs.get("instance_id") or f"{doc.name}:{doc.refers_to[m_id]}"
                if target is not None
                else f"{doc.name}:{m_id}"
            )
            mention_id = f"{doc.name}#{m_id}"
            text = doc.text[markable.start : markable.end]
            mentions.append(
                EventMention(
                    id=mention_id,
                    doc=doc.name,
                    lemma=(markable.attrs.get("pred") or text).lower(),
                    group=doc_labels[n],
                    subgroup=sub_labels[n] if sub_labels is not None else None,
                    type="EVENT",
                    participants=frozenset(arguments.get((number, "part"), ())),
                    times=frozenset(arguments.get((number, "time"), ())),
                    context=_content(sentence),
                    sentence_vector=sentence_vectors[offsets[n] + number],
                    doc_vector=vectors[n],
                )
            )
            gold[mention_id] = chain
    return mentions, gold


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


def _names(ids: Iterable[Any], actors: Mapping[str, Mapping[str, Any]]) -> set[str]:
    out: set[str] = set()
    for ref in ids or ():
        actor = actors.get(str(ref))
        name = actor.get("name") if actor else ref
        if isinstance(name, str) and name.strip():
            out.add(" ".join(name.lower().split()))
    return out


def record_mentions(records: Iterable[Mapping[str, Any]], group: Hashable = 0) -> list[EventMention]:
    """Event mentions from tidings analysis records (GUIDE §2); malformed parts are ignored."""
    mentions: list[EventMention] = []
    for record in records:
        if not isinstance(record, Mapping):
            continue
        article = record.get("article") if isinstance(record.get("article"), Mapping) else {}
        text = article.get("text") if isinstance(article.get("text"), str) else ""
        doc_id = str(article.get("id") or len(mentions))
        actors = {str(a.get("id")): a for a in record.get("actors") or () if isinstance(a, Mapping)}
        places = {p.get("geonameid"): p for p in record.get("places") or () if isinstance(p, Mapping)}
        vector = tfidf([text])[0] if text else {}
        for event in record.get("events") or ():
            if not isinstance(event, Mapping):
                continue
            mentions.append(_record_mention(event, doc_id, text, actors, places, vector, group))
    return mentions


def _record_mention(
    event: Mapping[str, Any],
    doc_id: str,
    text: str,
    actors: Mapping[str, Mapping[str, Any]],
    places: Mapping[Any, Mapping[str, Any]],
    vector: dict[str, float],
    group: Hashable,
) -> EventMention:
    trigger = ""
    evidence = event.get("evidence") or []
    if evidence and isinstance(evidence[0], list | tuple) and len(evidence[0]) == 2:
        start, end = evidence[0]
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            trigger = text[start:end]
    location = event.get("location") if isinstance(event.get("location"), Mapping) else {}
    place = places.get(location.get("geonameid"), {}) if location else {}
    lat, lon = place.get("lat"), place.get("lon")
    path = tuple(
        str(part)
        for part in (place.get("country"), place.get("admin1"), location.get("geonameid"))
        if part is not None
    )
    event_type = event.get("type") if isinstance(event.get("type"), str) else None
    context = _content(trigger)
    lemma = min(context, key=len) if len(context) == 1 else (event_type or "event").lower()
    return EventMention(
        id=f"{doc_id}#{event.get('id')}",
        doc=doc_id,
        lemma=lemma,
        group=group,
        type=event_type,
        participants=frozenset(
            _names(event.get("actors") or [], actors) | _names(event.get("recipients") or [], actors)
        ),
        places=frozenset({str(place["name"]).lower()}) if place.get("name") else frozenset(),
        place_path=path,
        point=(float(lat), float(lon))
        if isinstance(lat, int | float) and isinstance(lon, int | float)
        else None,
        date=event.get("date") if isinstance(event.get("date"), str) else None,
        precision=event.get("date_precision") if isinstance(event.get("date_precision"), str) else None,
        context=context,
        doc_vector=vector,
    )
