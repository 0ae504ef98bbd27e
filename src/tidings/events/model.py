"""Records shared by the event stages: what the detector hands to the attribute rules.

The event record itself is the ``events`` item of the analysis record (GUIDE §2, a plain dict);
these dataclasses are the typed steps that build it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tidings.models import Actor, Attribution, Quote, Span, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: ``size`` keys of an event record.
SIZE_KEYS = ("killed", "injured", "arrested")


@dataclass(slots=True)
class EventContext:
    """What the attribute rules may consult besides the parse: the article's date and the other
    stages' results (all with offsets into the article text, which the doc's offsets match)."""

    doc: Doc
    published: str | None
    actors: list[Actor] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)  # type: ignore[type-arg]


@dataclass(slots=True)
class Attributes:
    """The attributes of one event mention (GUIDE §2 vocabularies).

    ``date`` is a TIMEX3 value (``2021-11-07``, ``2021-10``, ``2019``) or ``None`` when neither the
    text nor the article gives one; ``date_source`` is ``"text"`` or ``"article"``; ``date_span`` the
    governing time expression. ``size`` counts are ints or ``None`` (not reported); ``claimed_by`` an
    actor id, or a name when no actor matches; ``sources`` the attribution sources backing the
    mention; ``evidence`` the character spans that support the attributes.
    """

    status: str = "completed"  # completed | attempted | foiled
    aux: str | None = None  # None | historical | future | hypothetical | negated
    certainty: str = "asserted"  # asserted | alleged | apparent | denied
    size: dict[str, int | None] = field(default_factory=lambda: dict.fromkeys(SIZE_KEYS))
    claimed_by: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None
    date_span: Span | None = None
    #: where the date was found: phrase | clause | above (the sentence), narrative | article | none
    date_level: str | None = None
    sources: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
