"""Attributions: which source backs which claim, and what kind of source it is.

Patterns: "According to X, CLAIM" / "CLAIM, according to X", "As per X, CLAIM", "CLAIM, citing X",
"X (has) reported (that) CLAIM", "X said (that) CLAIM" and the other speech and belief verbs of
:mod:`tidings.nlp.cues`, "X quoted Y as saying CLAIM", "sources said", "officials told X", and
stances and beliefs ("X opposed …", "X called for …", "X is confident that …", "X's claim that …").
The kind (media, official, witness, anonymous, other) comes from the source mention's words.

Pure functions of the article and its parse. A pronoun source ("he said", "officials, who said")
is kept as it is written, with kind "other": actor linking resolves it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.models import Article, Attribution, Span
from tidings.nlp.cues import SPEECH_VERBS, source_kind
from tidings.nlp.quotes import Context, Relation, all_relations, is_pronoun
from tidings.nlp.quotes.speakers import according_relation, phrase_after, phrase_start

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def find_attributions(article: Article, doc: Doc) -> list[Attribution]:
    """Attributions of ``article``: ``[start, end)`` is the source mention, ``claim`` the claim span.

    ``doc`` is the article's parse (:func:`tidings.nlp.model.parse`); ``actor`` is left for linking.
    """
    return [attribution for attribution, _ in attribution_records(article, doc)]


def attribution_records(article: Article, doc: Doc) -> list[tuple[Attribution, Span]]:
    """Each attribution with the character span of its cue (for evaluation and highlighting)."""
    text = article.text
    if not text.strip() or len(doc) == 0:
        return []
    context = Context(article, doc)
    relations = all_relations(context)
    relations.extend(_phrase_relations(context, {r.cue_span for r in relations}))
    records: list[tuple[Attribution, Span]] = []
    seen: set[tuple[Span, Span]] = set()
    for relation in sorted(relations, key=lambda r: (r.content[0], r.cue_span[0])):
        if relation.source is None or not relation.cue or relation.continued:
            continue
        start, end = relation.source
        mention = text[start:end]
        key = (relation.source, relation.content)
        if key in seen:
            continue
        seen.add(key)
        # the words between the mention and a following cue describe the source too
        # ("an official who spoke on condition of anonymity said …")
        described = text[start : relation.cue_span[0]] if 0 < relation.cue_span[0] - start < 200 else mention
        attribution = Attribution(
            source=" ".join(mention.split()),
            kind="other" if is_pronoun(mention) else source_kind(described),
            start=start,
            end=end,
            claim=relation.content,
            cue=relation.cue,
        )
        records.append((attribution, relation.cue_span))
    return records


def _phrase_relations(context: Context, taken: set[Span]) -> list[Relation]:
    """Phrases "according to X", "as per X" and "citing X" not already bound to a quotation."""
    doc = context.doc
    relations: list[Relation] = []
    for token in context.tokens_of("phrase"):
        lower = token.lower_
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is None or context.in_quote(token.idx):
            continue
        if (lower == "according" and nxt.lower_ == "to") or (lower == "as" and nxt.lower_ == "per"):
            relation = according_relation(context, token, None)
            if relation is not None and relation.cue_span not in taken:
                relations.append(relation)
        elif lower == "citing":
            relation = _citing_relation(context, token)
            if relation is not None:
                relations.append(relation)
    return relations


def _citing_relation(context: Context, citing: Token) -> Relation | None:
    """The relation of "CLAIM, citing X": the clause before the participle, backed by its object."""
    text = context.text
    para = context.paragraph_span(citing.idx)
    source = phrase_after(context, citing.i + 1, para)
    if source is None:
        return None
    try:
        sent_start = max(citing.sent.start_char, para[0])
    except (ValueError, AttributeError):
        sent_start = para[0]
    end = citing.idx
    head = citing.head
    if head.i < citing.i and head.lemma_ in SPEECH_VERBS:
        end = min(end, phrase_start(head).idx)  # "“…,” he said, citing X": the quote, not "he said"
    while end > sent_start and text[end - 1] in " ,\n\t":
        end -= 1
    start = sent_start
    while start < end and text[start].isspace():
        start += 1
    if end - start < 3:
        return None
    cue_span = (citing.idx, citing.idx + len(citing.text))
    return Relation((start, end), "citing", cue_span, source, False, "citing")
