"""The records that flow through tidings: articles and the notes readers raise about their input.

Plain dataclasses: cheap to build, picklable (so they cross process and Dask boundaries), and
turned into JSON by :meth:`Article.to_dict`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from tidings.text import article_id, clean_text, paragraph_spans


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
            meta=dict(meta or {}),
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with every field."""
        return asdict(self)


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
