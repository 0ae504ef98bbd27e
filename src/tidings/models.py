"""The records that flow through tidings: articles and the notes readers raise about their input.

Plain dataclasses: cheap to build, picklable (so they cross process and Dask boundaries), and
turned into JSON by :meth:`Article.to_dict`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from tidings.text import article_id, clean_text, paragraph_spans, replace_surrogates


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of an article: ``[start, end)`` in ``Article.text`` and its language."""

    start: int
    end: int
    lang: str | None = None
    score: float | None = None


@dataclass(slots=True)
class Article:
    """One news article.

    ``id`` is the SHA-256 of the whitespace-normalised ``text``; ``published`` is an ISO date
    (``YYYY-MM-DD``) or ``None`` when no date is known; ``lang`` is an ISO 639-1 code.
    ``source`` says where it was read (``path`` or ``path:line``) and ``format`` by which reader.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    lang: str | None = None
    lang_score: float | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    source: str | None = None
    format: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def create(
        cls,
        text: str,
        *,
        title: str | None = None,
        url: str | None = None,
        outlet: str | None = None,
        published: str | None = None,
        lang: str | None = None,
        source: str | None = None,
        format: str | None = None,
        meta: dict[str, Any] | None = None,
    ) -> Article:
        """Build an article from raw text: clean it, compute its id and paragraph spans."""
        cleaned = clean_text(text)
        return cls(
            id=article_id(cleaned),
            text=cleaned,
            title=_clean_field(title),
            url=_clean_field(url),
            outlet=_clean_field(outlet),
            published=published,
            lang=lang,
            paragraphs=[Paragraph(s, e) for s, e in paragraph_spans(cleaned)],
            source=source,
            format=format,
            meta=_clean_meta(dict(meta or {})),
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with every field."""
        return asdict(self)


def _clean_meta(value: Any) -> Any:
    """Reader metadata made storable: lone surrogates (from JSON escapes) replaced, at any depth."""
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, dict):
        return {replace_surrogates(str(k)): _clean_meta(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean_meta(v) for v in value]
    return value


def _clean_field(value: str | None) -> str | None:
    """One-line metadata: whitespace collapsed, empty strings as ``None``."""
    if value is None:
        return None
    value = " ".join(clean_text(str(value)).split())
    return value or None


@dataclass(frozen=True, slots=True)
class Rejection:
    """A record that was read but could not become an article (it is counted and reported).

    ``reason`` is the message for the user; ``kind`` a short category the summary counts by.
    """

    source: str
    reason: str
    kind: str = "other"


@dataclass(frozen=True, slots=True)
class Notice:
    """Something a user should know about an input that was still read (e.g. its encoding)."""

    source: str
    message: str


# -- the analysis record (GUIDE §2) ------------------------------------------------------------------
# Every span is ``[start, end)`` in characters of ``Article.text``.

Span = tuple[int, int]


@dataclass(slots=True)
class Entity:
    """A named-entity mention from the NER (``label`` is spaCy's: PERSON, ORG, GPE, NORP, …)."""

    start: int
    end: int
    text: str
    label: str


@dataclass(slots=True)
class Actor:
    """One participant of the article with all its mentions merged.

    ``country`` is ISO 3166 alpha-3; ``sector`` one of GOV MIL POL REB PTY MED IGO NGO CVL UNK;
    ``role`` a lower-case title such as "prime minister" or "spokesperson".
    """

    id: str
    name: str
    mentions: list[Span] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    kind: str | None = None  # person | organization | group | media | country


@dataclass(slots=True)
class Timex:
    """A TIMEX3 time expression normalised against the article date.

    ``type`` DATE | TIME | DURATION | SET; ``value`` a TIMEX3 value (``2021-11-07``, ``2021-10``,
    ``2019``, ``P1M``, ``PRESENT_REF`` …); ``precision`` day | week | month | quarter | year |
    decade (or minute/hour for times, ``None`` for durations); ``mod`` START | MID | END | APPROX |
    BEFORE | AFTER … when the text qualifies the value.
    """

    start: int
    end: int
    text: str
    type: str
    value: str | None
    precision: str | None = None
    mod: str | None = None


@dataclass(slots=True)
class Quote:
    """Reported speech: ``[start, end)`` is the quoted content, ``speaker`` an actor id."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    cue: str | None = None
    direct: bool = True
    lang: str | None = None
    speaker_span: Span | None = None
    cue_span: Span | None = None


@dataclass(slots=True)
class Attribution:
    """Which source backs which claim: ``[start, end)`` is the source mention, ``claim`` the claim."""

    source: str
    kind: str  # media | official | witness | anonymous | other
    start: int
    end: int
    claim: Span
    cue: str | None = None
    actor: str | None = None


@dataclass(slots=True)
class Analysis:
    """Everything tidings understood of one article."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The analysis record of GUIDE §2 (field names are a contract: never rename one)."""
        article = self.article
        return {
            "article": {
                "id": article.id,
                "title": article.title,
                "published": article.published,
                "outlet": article.outlet,
                "url": article.url,
                "lang": article.lang,
                "text": article.text,
                "paragraphs": [[p.start, p.end, p.lang] for p in article.paragraphs],
            },
            "entities": [asdict(e) for e in self.entities],
            "actors": [{**asdict(a), "mentions": [list(m) for m in a.mentions]} for a in self.actors],
            "timexes": [asdict(t) for t in self.timexes],
            "places": list(self.places),
            "quotes": [asdict(q) for q in self.quotes],
            "attributions": [{**asdict(a), "claim": list(a.claim)} for a in self.attributions],
            "events": list(self.events),
        }
