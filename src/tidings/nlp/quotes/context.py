"""The relation record and the per-article lookups shared by the quote and attribution finders.

:class:`Relation` is one reported-speech or attribution relation; :class:`Context` holds one article,
its parse and fast lookups (token at a character, paragraphs, quotation spans, candidate cue tokens).
Small text helpers used by several finders live here too. Lexicon ids are immutable.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidings.models import Article, Span
from tidings.nlp.cues import (
    ATTITUDE_ADJECTIVES,
    ATTITUDE_VERBS,
    COGNITION_VERBS,
    LIGHT_VERBS,
    PREP_CUES,
    SPEECH_NOUNS,
    SPEECH_VERBS,
)
from tidings.nlp.quotes.marks import QuoteMarks, quotation_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SENTENCE_END = frozenset(".?!")


@dataclass(frozen=True, slots=True)
class Relation:
    """A reported-speech or attribution relation found in the parse.

    ``verb`` says what kind of cue it is: "speech", "cognition", "according", "citing", "report".
    """

    content: Span
    cue: str
    cue_span: Span
    source: Span | None
    direct: bool
    verb: str
    continued: bool = False


SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


class Context:
    """Lookups over one article and its parse (token at a char, paragraphs, quotation spans)."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.text = article.text
        self.doc = doc
        spans = [(p.start, p.end) for p in article.paragraphs] or _paragraphs_of(self.text)
        self.paragraphs = spans
        self.paragraph_starts = [s for s, _ in spans]
        self.quotes = quotation_spans(self.text, spans)
        self.quote_starts = [q.outer[0] for q in self.quotes]
        self.token_starts = _token_starts(doc)
        self.candidates = _candidates(doc)

    def tokens_of(self, kind: str) -> list[Token]:
        """Tokens that may start a relation of ``kind`` (verb, noun, adjective, phrase)."""
        return [self.doc[i] for i in self.candidates.get(kind, ())]

    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.paragraph_starts, pos) - 1)

    def paragraph_span(self, pos: int) -> Span:
        if not self.paragraphs:
            return 0, len(self.text)
        return self.paragraphs[self.paragraph_of(pos)]

    def in_quote(self, pos: int) -> QuoteMarks | None:
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        # nested spans are not produced, so only the last quote starting before pos can hold it
        if i >= 0 and self.quotes[i].outer[0] <= pos < self.quotes[i].outer[1]:
            return self.quotes[i]
        return None

    def token_at(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.token_starts, pos) - 1
        return i if i >= 0 else None


def _token_starts(doc: Doc) -> list[int]:
    if len(doc) == 0:
        return []
    from spacy.attrs import IDX

    return [int(x) for x in doc.to_array(IDX).tolist()]


def _lexicon_ids(words: frozenset[str] | set[str]) -> frozenset[int]:
    """spaCy's string hashes of ``words`` (a pure function: the same ids in every process)."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(word) for word in words)


_VERB_IDS = _lexicon_ids(SPEECH_VERBS | COGNITION_VERBS | ATTITUDE_VERBS | set(PREP_CUES) | set(LIGHT_VERBS))
_NOUN_IDS = _lexicon_ids(SPEECH_NOUNS)
_ADJECTIVE_IDS = _lexicon_ids(ATTITUDE_ADJECTIVES)
_PHRASE_IDS = _lexicon_ids({"according", "as", "citing"})
_CCOMP_ID = next(iter(_lexicon_ids({"ccomp"})))


def _candidates(doc: Doc) -> dict[str, list[int]]:
    """Indices of the tokens worth a closer look, found on the attribute arrays (no Token objects)."""
    if len(doc) == 0:
        return {}
    from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
    from spacy.parts_of_speech import ADJ, AUX, NOUN, VERB

    ccomp = _CCOMP_ID
    rows = doc.to_array([POS, LEMMA, LOWER, DEP, HEAD]).tolist()
    with_clause = set()
    for i, row in enumerate(rows):
        if row[3] == ccomp:
            head = row[4] if row[4] < 2**63 else row[4] - 2**64  # relative offset, stored unsigned
            with_clause.add(i + head)
    found: dict[str, list[int]] = {"verb": [], "noun": [], "adjective": [], "phrase": []}
    for i, (pos, lemma, lower, _, _) in enumerate(rows):
        if pos in (VERB, AUX) and (lemma in _VERB_IDS or i in with_clause):
            found["verb"].append(i)
        elif pos == NOUN and (lemma in _NOUN_IDS or lower in _NOUN_IDS):
            found["noun"].append(i)
        elif pos == ADJ and lower in _ADJECTIVE_IDS:
            found["adjective"].append(i)
        if lower in _PHRASE_IDS:
            found["phrase"].append(i)
    return found


def _paragraphs_of(text: str) -> list[Span]:
    from tidings.text import paragraph_spans

    return paragraph_spans(text)


# -- text helpers ------------------------------------------------------------------------------------


def sentence_start_of(context: Context, token: Token) -> int:
    try:
        return token.sent.start_char
    except (ValueError, AttributeError):
        return 0


def sentence_end(context: Context, token: Token, para: Span) -> int:
    try:
        end = token.sent.end_char
    except (ValueError, AttributeError):
        end = para[1]
    return min(end, para[1])


def trim_clause(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,:;—–-"):
        end -= 1
    return start, end
