"""``analyze(article) -> Analysis``: the pure function at the heart of tidings.

It parses the English parts of the article once (spaCy, loaded once per process) and runs each
stage on that parse: entities and actors, time expressions, places (gazetteer, opened once per
process), quotes and attributions. Speakers and
sources are linked to actor ids. No global state is written, so the same function runs in one
process, a process pool or a Dask cluster. Events come last: they read every other stage's
results (actors, time expressions, places, attributions, quotes), and the actors they had to
create (unidentified perpetrators, unnamed participants) join the actor list.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from tidings.events.acled_notes import refine_events, relabel_hierarchy_names
from tidings.events.detect import find_events
from tidings.events.model import EventContext
from tidings.geo import resolve_places
from tidings.models import Actor, Analysis, Article, Attribution, Quote, Span
from tidings.nlp.actors import actor_at, find_actors, find_entities, is_pronoun, name_tokens, resolve_pronoun
from tidings.nlp.attributions import find_attributions
from tidings.nlp.entities import relabel_country_names
from tidings.nlp.langid import annotate
from tidings.nlp.model import CHUNK_CHARS, english_view, load, parse, parse_text
from tidings.nlp.quotes import find_quotes
from tidings.time import find_timexes

if TYPE_CHECKING:
    from spacy.tokens import Doc


#: Stages a caller may leave out (``skip=``), e.g. to measure the core analysis alone or to run
#: without a gazetteer. Skipped stages come out as empty lists.
OPTIONAL_STAGES = frozenset({"places", "events"})


def analyze(article: Article, skip: Collection[str] = ()) -> Analysis:
    """Entities, actors, time expressions, places, quotes and attributions of ``article``, with
    offsets. ``skip`` names optional stages (``OPTIONAL_STAGES``) to leave out."""
    skipped = _checked(skip)
    article = _with_languages(article)
    return _analyze_parsed(article, parse(article), skipped)


def analyze_many(
    articles: Iterable[Article], batch_size: int = 64, skip: Collection[str] = ()
) -> Iterator[Analysis]:
    """``analyze`` over many articles, parsing them in batches (spaCy's ``nlp.pipe``): same results,
    higher throughput."""
    skipped = _checked(skip)
    nlp = load()
    pending = [_with_languages(article) for article in articles]
    views = [english_view(article) for article in pending]
    short = [view for view in views if len(view) <= CHUNK_CHARS]
    docs = iter(nlp.pipe(short, batch_size=batch_size))
    for article, view in zip(pending, views, strict=True):
        doc = next(docs) if len(view) <= CHUNK_CHARS else parse_text(view)
        yield _analyze_parsed(article, doc, skipped)


def _checked(skip: Collection[str]) -> frozenset[str]:
    unknown = set(skip) - OPTIONAL_STAGES
    if unknown:
        optional = sorted(OPTIONAL_STAGES)
        raise ValueError(f"unknown or mandatory stage(s) {sorted(unknown)}; optional: {optional}")
    return frozenset(skip)


def _with_languages(article: Article) -> Article:
    if article.paragraphs and all(p.lang is None for p in article.paragraphs):
        return annotate(article)
    return article


def _analyze_parsed(article: Article, doc: Doc, skip: frozenset[str] = frozenset()) -> Analysis:
    relabel_country_names(doc)
    relabel_hierarchy_names(doc)
    actors = find_actors(doc)
    quotes = [_link_quote(quote, actors, article.text) for quote in find_quotes(article, doc)]
    attributions = [_link_attribution(a, actors) for a in find_attributions(article, doc)]
    timexes = find_timexes(article.text, article.published, doc)
    places = [] if "places" in skip else resolve_places(article, doc)
    events: list[dict[str, Any]] = []
    if "events" not in skip:
        context = EventContext(doc, article.published, actors, timexes, attributions, quotes, places)
        events, created = find_events(context)
        actors = [*actors, *created]
        # ACLED's note conventions: sentence words refine the sub-event, "Town (District, Region)"
        refine_events(doc, events, {a.id: a.sector for a in actors}, places)
    return Analysis(
        article=article,
        entities=find_entities(doc),
        actors=actors,
        timexes=timexes,
        places=places,
        quotes=quotes,
        attributions=attributions,
        events=events,
    )


def _speaker(actors: list[Actor], span: Span, text: str) -> Actor | None:
    """The actor a speaker or source mention refers to: overlapping mention, pronoun, or name."""
    actor = actor_at(actors, span)
    if actor is not None:
        return actor
    mention = text[span[0] : span[1]]
    if is_pronoun(mention):
        return resolve_pronoun(actors, span[0])
    tokens = name_tokens(mention)
    if tokens:
        for candidate in actors:
            if candidate.kind == "person" and (tokens <= name_tokens(candidate.name)):
                candidate.mentions.append(span)
                candidate.mentions.sort()
                return candidate
    return None


def _link_quote(quote: Quote, actors: list[Actor], text: str) -> Quote:
    if quote.speaker is not None or quote.speaker_span is None:
        return quote
    actor = _speaker(actors, quote.speaker_span, text)
    return dataclasses.replace(quote, speaker=actor.id) if actor else quote


def _link_attribution(attribution: Attribution, actors: list[Actor]) -> Attribution:
    if attribution.actor is not None:
        return attribution
    actor = actor_at(actors, (attribution.start, attribution.end))
    return dataclasses.replace(attribution, actor=actor.id) if actor else attribution
