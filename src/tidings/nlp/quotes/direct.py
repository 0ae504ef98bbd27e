"""Direct quotes: a quotation, the cue verb that governs or abuts it, and its speaker.

The cue comes right after ("“…,” she said", "“…,” said the minister") or right before ("He said,
“…”", "She told reporters: “…”", "according to X, “…”"); otherwise a short name and a colon, or a
signature line ("— Albert Einstein"), names the speaker. An uncued quotation that closely follows a
cued one continues it; a whole uncued sentence in marks is still reported speech.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tidings.nlp.cues import ATTITUDE_VERBS, COGNITION_VERBS, QUOTE_ONLY_VERBS, SPEECH_VERBS
from tidings.nlp.quotes.context import SENTENCE_END, Context, Relation
from tidings.nlp.quotes.indirect import relation_for_verb
from tidings.nlp.quotes.marks import QuoteMarks, word_count
from tidings.nlp.quotes.speakers import according_relation

if TYPE_CHECKING:
    from spacy.tokens import Token

_OWN_CONTENT = frozenset({"ccomp", "xcomp", "dobj", "parataxis"})


def direct_relations(context: Context, used_cues: set[int]) -> list[Relation]:
    relations: list[Relation] = []
    previous: Relation | None = None
    for quote in context.quotes:
        relation = _attach_speaker(context, quote, used_cues)
        if relation is None and previous is not None and _continues(context, previous, quote):
            relation = Relation(
                quote.content, previous.cue, previous.cue_span, previous.source, True, "speech", True
            )
        if relation is None and _is_standalone(context, quote):
            relation = Relation(quote.content, "", (quote.outer[0], quote.outer[0]), None, True, "speech")
        if relation is not None:
            relations.append(relation)
            if relation.source is not None or relation.cue:
                previous = relation
    return relations


def continue_indirect(context: Context, relations: list[Relation], verbal: list[Relation]) -> list[Relation]:
    """An uncued quotation right after "…, X said." continues what X said."""
    speech = sorted(
        (r for r in verbal if r.verb == "speech" and r.source is not None), key=lambda r: r.cue_span
    )
    if not speech:
        return relations
    ends = [max(r.cue_span[1], r.content[1], r.source[1] if r.source else 0) for r in speech]
    result: list[Relation] = []
    text = context.text
    for relation in relations:
        if relation.cue or not relation.direct:
            result.append(relation)
            continue
        opening = relation.content[0] - 1
        before = [i for i, end in enumerate(ends) if end <= opening]
        if before:
            previous = speech[before[-1]]
            gap = text[ends[before[-1]] : opening]
            if len(gap) <= 6 and not gap.strip(" \n\t.\"'“”‘’"):
                relation = Relation(
                    relation.content, previous.cue, previous.cue_span, previous.source, True, "speech", True
                )
        result.append(relation)
    return result


def _continues(context: Context, previous: Relation, quote: QuoteMarks) -> bool:
    """A quotation with no cue of its own that follows a cued one closely (same or next paragraph)."""
    gap_from = max(previous.content[1], previous.cue_span[1])
    if quote.outer[0] < gap_from:
        return False
    here = context.paragraph_of(quote.outer[0])
    before = context.paragraph_of(gap_from)
    if here - before > 1:
        return False
    para_start = context.paragraph_span(quote.outer[0])[0]
    between = context.text[max(gap_from, para_start) : quote.outer[0]]
    return here != before or len(between.split()) <= 3 or _sentence_start(context.text, quote.outer[0])


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip()
    return not before or before[-1] in ".?!\n" or (before[-1] in '”"' and before[:-1][-1:] in ".?!")


def _is_standalone(context: Context, quote: QuoteMarks) -> bool:
    """A whole sentence or more in quotation marks, with no cue: still reported speech."""
    text = context.text
    start, end = quote.content
    if word_count(text, start, end) < 6:
        return False
    return _sentence_start(text, quote.outer[0]) and text[end - 1 : end] in (".", "?", "!", "…")


def _attach_speaker(context: Context, quote: QuoteMarks, used_cues: set[int]) -> Relation | None:
    """The relation for a quotation whose cue verb comes right after or right before it."""
    doc = context.doc
    if len(doc) == 0:
        return None
    para_start = context.paragraph_span(quote.outer[0])[0]
    para_end = context.paragraph_span(max(quote.outer[1] - 1, 0))[1]
    here = context.paragraph_of(quote.outer[0])
    if here > 0 and not context.text[para_start : quote.outer[0]].strip():
        previous = context.paragraphs[here - 1]
        if context.text[previous[0] : previous[1]].rstrip().endswith(":"):
            para_start = previous[0]  # "He told the crowd:" and the quote in the next paragraph
    after = _cue_after(context, quote, para_end)
    before = _cue_before(context, quote, para_start)
    ends_open = context.text[quote.content[1] : quote.outer[1]].strip()[:1] in (",", "") and (
        context.text[quote.content[1] : quote.content[1] + 1] == ","
        or context.text[quote.outer[1] : quote.outer[1] + 1] == ","
    )
    order = (after, before) if ends_open or before is None else (before, after)
    for verb in order:
        if verb is None:
            continue
        if verb.lemma_ == "accord":
            relation = according_relation(context, verb, quote.content)
        else:
            relation = relation_for_verb(context, verb, quote.content, direct=True)
        if relation is not None:
            used_cues.add(verb.i)
            return relation
    colon = _colon_speaker(context, quote, para_start)
    if colon is not None:
        return colon
    return _dash_speaker(context, quote)


_DASH_NAME = re.compile(
    r"[ \t]*[—–-]{1,2}[ \t]*(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})\.?[ \t]*$"
)


def _dash_speaker(context: Context, quote: QuoteMarks) -> Relation | None:
    """A quotation that ends its paragraph, signed on the next line: "“…”" then "— Albert Einstein"."""
    text = context.text
    here = context.paragraph_of(max(quote.outer[1] - 1, 0))
    if here + 1 >= len(context.paragraphs) or text[quote.outer[1] : context.paragraphs[here][1]].strip(" .,"):
        return None
    start, end = context.paragraphs[here + 1]
    match = _DASH_NAME.match(text, start, end)
    if match is None:
        return None
    dash = start + len(text[start:end]) - len(text[start:end].lstrip(" \t"))
    name = match.span("name")
    return Relation(quote.content, "—", (dash, dash + 1), name, True, "speech")


def _long(context: Context, quote: QuoteMarks) -> bool:
    """Quotations of four words or more may hang from verbs of stance ("called it “…”")."""
    return word_count(context.text, *quote.content) >= 4


def _is_cue_verb(token: Token, near_quote: bool) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") and lemma != "accord":
        return False
    if token.dep_ in ("amod", "compound") or (token.i > 0 and token.doc[token.i - 1].text == "-"):
        return False  # "so-called", "long-promised"
    return (
        lemma in SPEECH_VERBS
        or (near_quote and (lemma in QUOTE_ONLY_VERBS or lemma in ATTITUDE_VERBS))
        or (lemma in COGNITION_VERBS and near_quote)
    )


def _cue_after(context: Context, quote: QuoteMarks, para_end: int) -> Token | None:
    """A cue verb as in "“…,” she said" / "“…,” said the minister" within a few tokens after the quote."""
    doc = context.doc
    i = context.token_at(quote.outer[1])
    if i is None:
        return None
    if doc[i].idx < quote.outer[1]:
        i += 1
    seen = 0
    closed = context.text[quote.content[1] - 1 : quote.content[1]] == "."
    while i < len(doc) and seen < 25:
        token = doc[i]
        if token.idx >= para_end or context.in_quote(token.idx):
            return None
        if token.is_punct and token.text in SENTENCE_END and seen > 0:
            return None
        if _is_cue_verb(token, _long(context, quote)) and token.lemma_ != "accord":
            if closed and any(c.i > token.i and c.dep_ in _OWN_CONTENT for c in token.children):
                return None  # "“….” He adds, “…”": the verb introduces what follows it
            return token
        if token.lemma_ == "accord" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
            return token
        if token.pos_ == "VERB" and token.dep_ not in ("aux", "auxpass"):
            return None
        if not token.is_space:
            seen += 1
        i += 1
    return None


def _cue_before(context: Context, quote: QuoteMarks, para_start: int) -> Token | None:
    """A cue verb before the quote: "He said, “…”", "She told reporters: “…”", "according to X, “…”"."""
    doc = context.doc
    i = context.token_at(quote.outer[0] - 1)
    if i is None:
        return None
    while i >= 0 and doc[i].idx >= quote.outer[0]:
        i -= 1
    seen = 0
    while i >= 0 and seen < 12:
        token = doc[i]
        if token.idx < para_start or context.in_quote(token.idx):
            return None
        if token.is_punct and token.text in SENTENCE_END:
            return None
        if token.lemma_ == "accord" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
            return token
        if _is_cue_verb(token, _long(context, quote)):
            return token
        if token.pos_ == "VERB" and token.dep_ not in ("aux", "auxpass", "amod"):
            return None
        if not token.is_space:
            seen += 1
        i -= 1
    return None


def _colon_speaker(context: Context, quote: QuoteMarks, para_start: int) -> Relation | None:
    """A short name before a colon introduces the quote ("Price: “…”"); the colon is the cue."""
    text = context.text
    i = quote.outer[0] - 1
    while i >= para_start and text[i].isspace():
        i -= 1
    if i < para_start or text[i] != ":":  # checked first: slicing a long paragraph per quote is slow
        return None
    head = text[para_start : i + 1]
    if not head.endswith(":"):
        return None
    colon = para_start + len(head) - 1
    lead = head[:-1].rstrip()
    sentence_start = max(lead.rfind(". "), lead.rfind("\n"))
    name = lead[sentence_start + 1 :].strip() if sentence_start >= 0 else lead.strip()
    if not name or len(name.split()) > 6 or not name[:1].isupper():
        return None
    start = para_start + lead.rfind(name)
    return Relation(quote.content, ":", (colon, colon + 1), (start, start + len(name)), True, "speech")
