"""Direct and indirect quotes: who said what, with the cue that says so.

Direct quotes are found in the text by their marks (:mod:`.marks`), across sentences and across
paragraphs when the next paragraph reopens the quote. Their speaker is the subject of the speech verb
that governs or abuts the quotation, found in the spaCy parse (:mod:`.direct`, :mod:`.speakers`).
Indirect quotes are speech verbs with a complement clause ("X said that …", :mod:`.indirect`). A
paragraph followed by a "— Name (@handle) Date" line is a quoted tweet, in the paragraph's language
(:mod:`.tweets`).

The same relation finder (:func:`speech_relations`, shared with :mod:`tidings.nlp.attributions`)
also finds relations that are not quotes: beliefs ("X thinks that …"), stances ("X opposed the
plan", "X called for …", "X is confident that …", "Trump's claim that …"). ``find_quotes`` keeps
only direct quotes and indirect speech; attributions keep them all.

Everything here is a pure function of the article and its parse; lexicons are immutable.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from tidings.models import Article, Quote
from tidings.nlp.cues import PRONOUNS
from tidings.nlp.quotes.context import Context, Relation
from tidings.nlp.quotes.direct import continue_indirect, direct_relations
from tidings.nlp.quotes.indirect import adjective_relations, noun_relations, verb_relations
from tidings.nlp.quotes.marks import QuoteMarks, quotation_spans
from tidings.nlp.quotes.tweets import headline_relations, tweet_relations

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "Context",
    "QuoteMarks",
    "Relation",
    "all_relations",
    "find_quotes",
    "is_pronoun",
    "quotation_spans",
    "speech_relations",
]


def speech_relations(article: Article, doc: Doc) -> list[Relation]:
    """Direct quotes, tweets and verb-governed relations (indirect speech, beliefs) of the article."""
    if not article.text.strip():
        return []
    return all_relations(Context(article, doc))


def all_relations(context: Context) -> list[Relation]:
    """Every relation of the article in ``context``, in text order (quotes, tweets, verbs, nouns …)."""
    relations: list[Relation] = []
    used_cues: set[int] = set()
    direct = direct_relations(context, used_cues)
    relations.extend(direct)
    relations.extend(tweet_relations(context, direct))
    verbal = verb_relations(context, used_cues)
    relations = continue_indirect(context, relations, verbal)
    relations.extend(verbal)
    relations.extend(headline_relations(context, direct))
    relations.extend(noun_relations(context))
    relations.extend(adjective_relations(context))
    relations.sort(key=lambda r: (r.content[0], r.cue_span[0]))
    return relations


def find_quotes(article: Article, doc: Doc) -> list[Quote]:
    """Direct and indirect quotes of ``article``; ``doc`` is its parse (:func:`tidings.nlp.model.parse`).

    Each quote's ``[start, end)`` is the quoted content (marks excluded); ``speaker_span`` and
    ``cue_span`` locate the speaker mention and the cue; ``speaker`` is left for actor linking.
    Beliefs ("X thinks that …") are not quotes; :func:`tidings.nlp.attributions.find_attributions`
    reports them.
    """
    text = article.text
    quotes: list[Quote] = []
    context_lang = _LangLookup(article)
    for relation in speech_relations(article, doc):
        if relation.verb != "speech" and not relation.direct:
            continue
        start, end = relation.content
        quotes.append(
            Quote(
                start=start,
                end=end,
                text=text[start:end],
                speaker=None,
                cue=relation.cue or None,
                direct=relation.direct,
                lang=context_lang(start),
                speaker_span=relation.source,
                cue_span=relation.cue_span if relation.cue else None,
            )
        )
    return quotes


class _LangLookup:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.starts = [p.start for p in article.paragraphs]

    def __call__(self, pos: int) -> str | None:
        if not self.starts:
            return self.article.lang
        paragraph = self.article.paragraphs[max(0, bisect.bisect_right(self.starts, pos) - 1)]
        return paragraph.lang or self.article.lang


def is_pronoun(text: str) -> bool:
    """Whether a mention is a bare pronoun ("he", "they") — linked to actors by coreference."""
    return text.strip().lower() in PRONOUNS
