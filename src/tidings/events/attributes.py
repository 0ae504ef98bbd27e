"""The attributes of one event mention: ``describe(ctx, trigger) -> Attributes``.

A facade over the topic modules: status, certainty, negation, hypothetical and future mode and
claims (:mod:`~tidings.events.attributes_mode`), date and background
(:mod:`~tidings.events.attributes_time`), size (:mod:`~tidings.events.attributes_size`). Here:
the auxiliary mode's precedence, the sources backing the mention and the evidence.

``aux`` takes the first that applies of negated, hypothetical, future, historical (a threat
under a "Background" heading is still hypothetical; "will not attack" is negated). A governing
date after the article date makes a mention future. ``sources`` are the attribution sources whose
claim covers the trigger and the speakers of the quotes containing it (the actor's name when the
source is an actor of the article). ``evidence`` is the trigger's clause span, then every span an
attribute was read from. Bad input (a token of an empty or verbless sentence, huge sentences)
gives the defaults, never an exception from the rules' own logic.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tidings.events.attributes_clause import chain, clause_head, clause_tokens, span_of, token_span
from tidings.events.attributes_mode import certainty, claimed_by, future, hypothetical, negated, status
from tidings.events.attributes_size import find_sizes
from tidings.events.attributes_time import date_of, historical, is_future_date, published_date
from tidings.events.model import Attributes, EventContext
from tidings.models import Span
from tidings.nlp.cues import PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["describe", "sources_of"]

#: A source that denies there is one: "no group", "none of the officials", "nobody", "no one".
_NOBODY = re.compile(r"(?i)^\s*(?:no|none|nobody|no-one|neither)\b")


def describe(ctx: EventContext, trigger: Token) -> Attributes:
    """Status, auxiliary mode, certainty, size, claim, date, sources and evidence of the event
    mention whose trigger is ``trigger`` (a token of ``ctx.doc``)."""
    attrs = Attributes()
    head = clause_head(trigger)
    clause = [t for verb in chain(head) for t in clause_tokens(verb)] or [trigger]
    evidence: list[Span] = [span_of([*clause, trigger])]

    attrs.status, spans = status(trigger)
    evidence.extend(spans)
    attrs.certainty, spans = certainty(trigger)
    evidence.extend(spans)

    value, precision, source, span, level = date_of(ctx, trigger)
    attrs.date, attrs.date_precision, attrs.date_source, attrs.date_span = value, precision, source, span
    attrs.date_level = level
    if span is not None:
        evidence.append(span)

    for rule in (negated, hypothetical, future):
        mode, spans = rule(trigger)
        if mode is not None:
            attrs.aux = mode
            evidence.extend(spans)
            break
    if attrs.aux is None and level in ("phrase", "clause") and is_future_date(value, published_date(ctx)):
        attrs.aux = "future"
    if attrs.aux is None:
        background, spans = historical(ctx, trigger, span, level, value)
        if background:
            attrs.aux = "historical"
            evidence.extend(spans)

    sizes = find_sizes(trigger)
    attrs.size = sizes.counts
    evidence.extend(sizes.evidence)

    attrs.claimed_by, spans = claimed_by(trigger, ctx.actors)
    evidence.extend(spans)

    attrs.sources = sources_of(ctx, token_span(trigger))
    attrs.evidence = sorted(set(evidence))
    return attrs


def sources_of(ctx: EventContext, span: Span) -> list[str]:
    """Attribution sources whose claim covers ``span`` and speakers of quotes containing it."""
    names = {actor.id: actor.name for actor in ctx.actors}
    out: list[str] = []
    start, end = span
    for attribution in ctx.attributions:
        claim_start, claim_end = attribution.claim
        if claim_start <= start and end <= claim_end:
            name = names.get(attribution.actor or "", attribution.source)
            if attribution.actor is None and name.strip().lower() in PRONOUNS:
                continue  # "they said …" with no antecedent found names nobody
            if _NOBODY.match(attribution.source):
                continue  # "no group has said it carried out the attack" backs nothing
            if name and name not in out:
                out.append(name)
    for quote in ctx.quotes:
        if quote.start <= start and end <= quote.end and quote.speaker:
            name = names.get(quote.speaker, quote.speaker)
            if name not in out:
                out.append(name)
    return out
