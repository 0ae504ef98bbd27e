"""Direct and indirect quotes: who said what, with the cue that says so.

Direct quotes are found in the text by their marks ("…", “…”, ‘…’, «…», „…“), across sentences
and across paragraphs when the next paragraph reopens the quote (the news convention). Their speaker
is the subject of the speech verb that governs or abuts the quotation, found in the spaCy parse.
Indirect quotes are speech verbs with a complement clause ("X said that …"). A paragraph followed
by a "— Name (@handle) Date" line is a quoted tweet, in the paragraph's language.

The same relation finder (:func:`speech_relations`, shared with :mod:`tidings.nlp.attributions`)
also finds relations that are not quotes: beliefs ("X thinks that …"), stances ("X opposed the
plan", "X called for …", "X is confident that …", "Trump's claim that …"). ``find_quotes`` keeps
only direct quotes and indirect speech; attributions keep them all.

Everything here is a pure function of the article and its parse; lexicons are immutable.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidings.models import Article, Quote, Span
from tidings.nlp.cues import (
    ATTITUDE_ADJECTIVES,
    ATTITUDE_VERBS,
    COGNITION_VERBS,
    LIGHT_VERBS,
    OBJECT_VERBS,
    PREP_CUES,
    PRONOUNS,
    QUOTE_ONLY_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# -- quotation marks ------------------------------------------------------------------------------

_CLOSERS = {
    "“": ("”", "“", '"'),
    "„": ("“", "”"),
    "«": ("»",),
    "‹": ("›",),
    '"': ('"', "”"),
    "''": ("''",),
    "``": ("''",),
    "‘": ("’",),
    "‚": ("‘", "’"),
    "'": ("'",),
}
_MARKS = re.compile(r"''|``|[\"“”„«»‹›‘’‚']")
_AMBIGUOUS = frozenset({'"', "''", "‘", "‚", "'"})  # their direction depends on their neighbours
_SINGLE = "‘‚'"  # single marks: also apostrophes, so they need more evidence
_OPEN_BEFORE = set(" \t\n([{—–-/:;,") | {"\u00a0", "\u200b", "\u200e", "\u200f"}
_MAX_QUOTE = 4000  # a quote longer than this inside one paragraph is a mismatched mark
_MIN_SINGLE_WORDS = 3  # ‘…’ counts as a quote only with this many words (else a title or a term)
_SENTENCE_END = frozenset(".?!")
_TWEET_LINE = re.compile(
    r"\s*[—–-]{1,2}\s*(?P<name>[^\n(@]{1,120}?)\s*\(\s*@\w{1,30}\s*\)"
    r"(?:\s*(?:on\s+)?[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})?\s*$"
)
_LATIN_NAME = re.compile(r"[A-Za-zÀ-ɏ][\w.'’-]*(?:\s+[A-Za-zÀ-ɏ][\w.'’-]*)*")


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """A quotation: ``content`` excludes the marks, ``outer`` includes them."""

    content: Span
    outer: Span


def quotation_spans(text: str, paragraphs: list[Span] | None = None) -> list[QuoteMarks]:
    """Every quotation in ``text``, in order; nested marks stay inside the outer quotation.

    A quotation that is still open at the end of a paragraph continues when the next paragraph
    starts with an opening mark; otherwise it is dropped and the scan resumes after its mark.
    """
    if paragraphs is None:
        paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found: list[QuoteMarks] = []
    index = 0
    pos = paragraphs[0][0] if paragraphs else 0
    while index < len(paragraphs):
        end = paragraphs[index][1]
        match = _MARKS.search(text, pos, end) if pos < end else None
        if match is None:
            index += 1
            if index < len(paragraphs):
                pos = paragraphs[index][0]
            continue
        mark_pos = match.start()
        mark = match.group()
        pos = mark_pos + 1
        if mark not in _CLOSERS or not _is_opening(text, mark_pos, mark):
            continue
        close, close_index, close_mark = _find_close(text, paragraphs, index, mark_pos, mark)
        if close is None:
            continue
        content = _trim(text, mark_pos + len(mark), close)
        if content[1] > content[0] and (
            mark not in _SINGLE or _word_count(text, *content) >= _MIN_SINGLE_WORDS
        ):
            found.append(QuoteMarks(content, (mark_pos, close + len(close_mark))))
        index = close_index
        pos = close + len(close_mark)
    return found


def _is_opening(text: str, pos: int, mark: str) -> bool:
    prev = text[pos - 1] if pos > 0 else " "
    after = pos + len(mark)
    nxt = text[after] if after < len(text) else " "
    if nxt.isspace():
        return False
    if mark == "'" and not (nxt.isalpha() and (prev in _OPEN_BEFORE or prev in '“"(')):
        return False
    if mark in _AMBIGUOUS:
        return prev in _OPEN_BEFORE or prev in '“„«‘"' or (not prev.isalnum() and prev not in ".,!?’'")
    return mark in _CLOSERS


def _is_closing(text: str, pos: int, mark: str, opener: str) -> bool:
    if mark not in _CLOSERS[opener]:
        return False
    prev = text[pos - 1] if pos > 0 else " "
    after = pos + len(mark)
    nxt = text[after] if after < len(text) else " "
    if opener in _SINGLE:
        if prev.isspace() or nxt.isalnum():
            return False  # an apostrophe inside a word ("don’t") or an opening mark
    elif (opener in _AMBIGUOUS or opener == "``") and prev.isspace() and (nxt.isalnum() or nxt in "“‘"):
        return False  # opens the next quotation
    return True


def _find_close(
    text: str, paragraphs: list[Span], index: int, open_pos: int, opener: str
) -> tuple[int | None, int, str]:
    """Position, paragraph and mark of the mark that closes the quotation opened at ``open_pos``."""
    pos = open_pos + len(opener)
    end = paragraphs[index][1]
    limit = open_pos + _MAX_QUOTE
    while True:
        match = _MARKS.search(text, pos, min(end, limit + 2))
        while match is not None:
            mark_pos = match.start()
            if _is_closing(text, mark_pos, match.group(), opener):
                return mark_pos, index, match.group()
            match = _MARKS.search(text, mark_pos + 1, min(end, limit + 2))
        # still open at the paragraph end: continue only into a paragraph that reopens the quote
        if opener in _SINGLE or index + 1 >= len(paragraphs):
            return None, index, ""
        nxt_start, nxt_end = paragraphs[index + 1]
        reopen = _MARKS.match(text, nxt_start)
        if reopen is None or reopen.group() not in (opener, "“", "«", "„") or nxt_start - open_pos > 20000:
            return None, index, ""
        index += 1
        pos = nxt_start + len(reopen.group())
        end = nxt_end
        limit = nxt_start + _MAX_QUOTE


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] in "\u200b\u200e\u200f\ufeff"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:\u200b\u200e\u200f\ufeff"):
        end -= 1
    return start, end


def _word_count(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


# -- the relation finder (shared with attributions) --------------------------------------------------


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


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_SOURCE_DROP = frozenset({"relcl", "acl", "punct", "cc", "advcl", "ccomp", "parataxis"})
_COMPLEMENTS = frozenset({"ccomp", "xcomp"})
_INHERIT = frozenset({"conj", "advcl", "xcomp", "pcomp"})
_OWN_CONTENT = frozenset({"ccomp", "xcomp", "dobj", "parataxis"})


def speech_relations(article: Article, doc: Doc) -> list[Relation]:
    """Direct quotes, tweets and verb-governed relations (indirect speech, beliefs) of the article."""
    if not article.text.strip():
        return []
    return _relations(_Context(article, doc))


def _relations(context: _Context) -> list[Relation]:
    relations: list[Relation] = []
    used_cues: set[int] = set()
    direct = _direct_relations(context, used_cues)
    relations.extend(direct)
    relations.extend(_tweet_relations(context, direct))
    verbal = _verb_relations(context, used_cues)
    relations = _continue_indirect(context, relations, verbal)
    relations.extend(verbal)
    relations.extend(_headline_relations(context, direct))
    relations.extend(_noun_relations(context))
    relations.extend(_adjective_relations(context))
    relations.sort(key=lambda r: (r.content[0], r.cue_span[0]))
    return relations


class _Context:
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


# -- direct quotes ----------------------------------------------------------------------------------


def _direct_relations(context: _Context, used_cues: set[int]) -> list[Relation]:
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


def _continue_indirect(
    context: _Context, relations: list[Relation], verbal: list[Relation]
) -> list[Relation]:
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


def _continues(context: _Context, previous: Relation, quote: QuoteMarks) -> bool:
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


def _is_standalone(context: _Context, quote: QuoteMarks) -> bool:
    """A whole sentence or more in quotation marks, with no cue: still reported speech."""
    text = context.text
    start, end = quote.content
    if _word_count(text, start, end) < 6:
        return False
    return _sentence_start(text, quote.outer[0]) and text[end - 1 : end] in (".", "?", "!", "…")


def _attach_speaker(context: _Context, quote: QuoteMarks, used_cues: set[int]) -> Relation | None:
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
            relation = _according_relation(context, verb, quote.content)
        else:
            relation = _relation_for_verb(context, verb, quote.content, direct=True)
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


def _dash_speaker(context: _Context, quote: QuoteMarks) -> Relation | None:
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


def _long(context: _Context, quote: QuoteMarks) -> bool:
    """Quotations of four words or more may hang from verbs of stance ("called it “…”")."""
    return _word_count(context.text, *quote.content) >= 4


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


def _cue_after(context: _Context, quote: QuoteMarks, para_end: int) -> Token | None:
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
        if token.is_punct and token.text in _SENTENCE_END and seen > 0:
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


def _cue_before(context: _Context, quote: QuoteMarks, para_start: int) -> Token | None:
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
        if token.is_punct and token.text in _SENTENCE_END:
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


def _colon_speaker(context: _Context, quote: QuoteMarks, para_start: int) -> Relation | None:
    """A short name before a colon introduces the quote ("Price: “…”"); the colon is the cue."""
    text = context.text
    head = text[para_start : quote.outer[0]].rstrip()
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


# -- verb-governed relations -------------------------------------------------------------------------


_NOUN_CONTENT_PREPS = frozenset({"for", "of", "on", "about", "against", "to", "over"})


def _noun_relations(context: _Context) -> list[Relation]:
    """ "Trump's claim that …", "her call for …": a speech noun, its possessor and its complement."""
    relations: list[Relation] = []
    for token in context.tokens_of("noun"):
        if token.pos_ != "NOUN" or (
            token.lemma_.lower() not in SPEECH_NOUNS and token.lower_ not in SPEECH_NOUNS
        ):
            continue
        if context.in_quote(token.idx):
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None:
            continue
        para = context.paragraph_span(token.idx)
        content: Span | None = None
        cue_end = token.idx + len(token.text)
        for child in token.children:
            if child.i < token.i:
                continue
            if child.dep_ in ("acl", "ccomp", "relcl") and child.pos_ in ("VERB", "AUX"):
                if child.dep_ == "relcl" and not any(g.dep_ == "mark" for g in child.children):
                    continue
                left = child.left_edge
                start = left.idx + len(left.text) if left.lower_ == "that" else left.idx
                right = child.right_edge
                content = _trim_clause(context.text, start, min(right.idx + len(right.text), para[1]))
                break
            if child.dep_ == "prep" and child.lower_ in _NOUN_CONTENT_PREPS:
                objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objects:
                    right = objects[0].right_edge
                    content = _trim_clause(
                        context.text, objects[0].left_edge.idx, min(right.idx + len(right.text), para[1])
                    )
                    cue_end = child.idx + len(child.text)
                    break
        if content is None or content[1] - content[0] < 3:
            continue
        source = _noun_phrase(context, owner, para, content)
        if source is not None and context.text[source[1] - 2 : source[1]] in ("'s", "’s"):
            source = (source[0], source[1] - 2)
        cue = (token.idx, cue_end)
        relations.append(Relation(content, token.lower_, cue, source, False, "noun"))
    return relations


def _adjective_relations(context: _Context) -> list[Relation]:
    """ "X is confident that …", "Y was critical of …": a stance adjective after "be"."""
    relations: list[Relation] = []
    for token in context.tokens_of("adjective"):
        if token.pos_ != "ADJ" or token.dep_ != "acomp" or token.lower_ not in ATTITUDE_ADJECTIVES:
            continue
        verb = token.head
        if verb.lemma_ != "be" or context.in_quote(token.idx):
            continue
        para = context.paragraph_span(token.idx)
        content: Span | None = None
        for child in list(token.children) + [c for c in verb.children if c.i > token.i]:
            if child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("VERB", "AUX"):
                left = child.left_edge
                start = left.idx + len(left.text) if left.lower_ == "that" else left.idx
            elif child.dep_ == "prep" and child.lower_ in ("of", "about", "that", "to", "with", "on"):
                objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if not objects:
                    continue
                start = objects[0].left_edge.idx
                child = objects[0]
            else:
                continue
            right = child.right_edge
            content = _trim_clause(context.text, start, min(right.idx + len(right.text), para[1]))
            break
        if content is None or content[1] - content[0] < 3:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in ("it", "there", "this", "that"):
            continue
        source = _noun_phrase(context, subject, para, content)
        cue = (
            (verb.idx, token.idx + len(token.text))
            if verb.i < token.i
            else (token.idx, token.idx + len(token.text))
        )
        relations.append(Relation(content, token.lower_, cue, source, False, "cognition"))
    return relations


def _verb_relations(context: _Context, used_cues: set[int]) -> list[Relation]:
    relations: list[Relation] = []
    for token in context.tokens_of("verb"):
        if token.i in used_cues or token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_.lower()
        if lemma in LIGHT_VERBS and not context.in_quote(token.idx):
            light = _light_relation(context, token, LIGHT_VERBS[lemma])
            if light is not None:
                relations.append(light)
                continue
        if (
            lemma not in SPEECH_VERBS
            and lemma not in COGNITION_VERBS
            and lemma not in ATTITUDE_VERBS
            and lemma not in PREP_CUES
            and not _takes_that_clause(token)
        ):
            continue
        if context.in_quote(token.idx):
            continue
        relation = _relation_for_verb(context, token, None, direct=False)
        if relation is not None:
            relations.append(relation)
    return relations


_AIMED = frozenset({"aim", "shot", "shots", "swipe", "jab", "stand", "position", "view", "stance"})


def _light_relation(context: _Context, verb: Token, objects: frozenset[str]) -> Relation | None:
    """ "made the case that …", "raised questions about …", "took aim at …": verb + noun as the cue."""
    para = context.paragraph_span(verb.idx)
    for obj in verb.children:
        if (
            obj.i <= verb.i
            or obj.dep_ not in ("dobj", "oprd", "prt", "acomp", "ccomp")
            or obj.lower_ not in objects
        ):
            continue
        content: Span | None = None
        holders = [c for c in obj.children if c.i > obj.i] + [c for c in verb.children if c.i > obj.i]
        for child in holders:
            if child.dep_ in ("ccomp", "xcomp", "acl") and child.pos_ in ("VERB", "AUX"):
                left = child.left_edge
                start = left.idx + len(left.text) if left.lower_ == "that" else left.idx
                right = child.right_edge
            elif child.dep_ == "prep" and (
                child.lower_ not in ("in", "during", "on", "at")
                or (child.lower_ in ("on", "at") and obj.lower_ in _AIMED)
            ):
                inner = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if not inner:
                    continue
                start = inner[0].left_edge.idx
                right = inner[0].right_edge
            elif child.dep_ == "dobj" and obj.dep_ == "prt":
                start = child.left_edge.idx
                right = child.right_edge
            else:
                continue
            content = _trim_clause(context.text, start, min(right.idx + len(right.text), para[1]))
            break
        if content is None or content[1] - content[0] < 3:
            continue
        source = _subject(context, verb, para, content)
        cue = (verb.idx, obj.idx + len(obj.text))
        return Relation(content, verb.text.lower(), cue, source, False, "object")
    return None


def _takes_that_clause(verb: Token) -> bool:
    """A verb outside the lexicons with a subject and a "that" clause ("X made clear that …")."""
    if verb.lemma_ in ("be", "have", "do") or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i > verb.i:
            return any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children)
    return False


def _relation_for_verb(
    context: _Context, verb: Token, content: Span | None, *, direct: bool
) -> Relation | None:
    """Source, cue and content of the relation headed by ``verb`` (``content`` given for quotes)."""
    lemma = verb.lemma_.lower()
    kind = "speech" if lemma in SPEECH_VERBS or lemma in QUOTE_ONLY_VERBS else "cognition"
    cue_end = 0
    para = context.paragraph_span(verb.idx)
    if content is None:
        content = _complement(context, verb, para)
        if content is None and (lemma in OBJECT_VERBS or lemma in ATTITUDE_VERBS):
            content = _object_claim(context, verb, para)
            kind = "object"
        if content is None and lemma in PREP_CUES:
            content, prep = _prep_claim(context, verb, para, PREP_CUES[lemma])
            if content is not None and prep is not None:
                kind = "object"
                cue_end = prep.idx + len(prep.text)
        if content is None:
            return None
        # mostly inside a quotation: that quotation is the content, found as a direct quote
        inside = context.in_quote(content[0])
        if inside is not None and inside.outer[1] >= content[1] - 2:
            return None
    inside = content[0] < verb.idx < content[1]
    source = _subject(context, verb, para, (0, 0) if inside else content)
    cue_span = (verb.idx, max(cue_end, verb.idx + len(verb.text)))
    return Relation(content, verb.text.lower(), cue_span, source, direct, kind)


def _complement(context: _Context, verb: Token, para: Span) -> Span | None:
    """The clause ``verb`` reports: its ccomp, or the preceding clause when the verb trails it."""
    text = context.text
    for child in verb.children:
        if child.dep_ in _COMPLEMENTS and para[0] <= child.idx < para[1]:
            if child.dep_ == "xcomp" and child.pos_ not in ("VERB", "AUX"):
                continue
            left = child.left_edge
            start = left.idx
            if left.lower_ in ("that", "whether", "if") and left.dep_ == "mark":
                start = left.idx + len(left.text)
            if start < verb.idx < child.idx:
                start = verb.idx + len(verb.text)
            end = _cut_trailing_cue(context, child, child.right_edge.idx + len(child.right_edge.text))
            if child.idx < verb.idx:  # "CLAIM, she said": the clause before the verb
                later = [c.left_edge.idx for c in verb.children if c.i > child.i and not c.is_punct]
                end = min(end, verb.idx, *later)
            span = _trim_clause(text, max(start, para[0]), min(end, para[1]))
            if span[1] - span[0] >= 3:
                return span
    # the parser joined the paragraph to the one before: "…\n\nCLAIM, X said." with the clause
    # hanging from the previous paragraph
    for child in verb.children:
        if child.dep_ == "ccomp" and child.idx < para[0] and _trails_clause(context, verb):
            start = max(para[0], _sentence_start_of(context, verb))
            span = _trim_clause(text, start, _phrase_start(verb).idx)
            if span[1] - span[0] >= 3:
                return span
    # "CLAIM, X said." parsed with the claim as root and the verb hanging off it (verbs of saying
    # and thinking only: "…, a drone attacked" reports nothing)
    head = verb.head
    if verb.lemma_ not in SPEECH_VERBS and verb.lemma_ not in COGNITION_VERBS:
        return None
    if (
        verb.dep_ in ("parataxis", "ccomp", "advcl", "conj")
        and head.i < verb.i
        and head.pos_ in ("VERB", "AUX")
        and (any(c.dep_ in _SUBJECTS for c in verb.children) or _inverted_subject(verb) is not None)
        and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children if c.i > verb.i)
        and _trails_clause(context, verb)
    ):
        start = max(head.left_edge.idx, para[0], _sentence_start_of(context, verb))
        end = verb.left_edge.idx
        span = _trim_clause(text, start, end)
        if span[1] - span[0] >= 3:
            return span
    # "The plan, she said, will fail": a parenthetical cue inside the clause it reports
    if (
        verb.dep_ == "parataxis"
        and head.i > verb.i
        and head.pos_ in ("VERB", "AUX")
        and any(c.dep_ in _SUBJECTS for c in verb.children)
        and _trails_clause(context, verb)
    ):
        start = max(head.left_edge.idx, para[0], _sentence_start_of(context, verb))
        right = head.right_edge
        end = min(right.idx + len(right.text), para[1], _sentence_end(context, head, para))
        span = _trim_clause(text, start, end)
        if span[1] - span[0] >= 3 and span[0] < verb.idx:
            return span
    return None


def _object_claim(context: _Context, verb: Token, para: Span) -> Span | None:
    """The claim of "X has reported injuries after …": the object and what follows it in the verb's phrase."""
    for child in verb.children:
        if child.i > verb.i and child.lower_ in ("so", "otherwise") and child.dep_ in ("advmod", "dobj"):
            return child.idx, child.idx + len(child.text)  # "half said so"
        if (
            child.dep_ == "dobj"
            and child.i > verb.i
            and child.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ")
        ):
            end_token = child.right_edge
            for later in verb.children:  # "… injuries after the attack", "… Y as a threat"
                if later.i > child.i and later.dep_ in ("prep", "oprd", "advmod", "npadvmod", "dative"):
                    if any(t.is_punct and t.text in ",;:—–" for t in verb.doc[end_token.i + 1 : later.i]):
                        break
                    end_token = later.right_edge
                elif later.i > child.i and not later.is_punct:
                    break
            span = _trim_clause(
                context.text, child.left_edge.idx, min(end_token.idx + len(end_token.text), para[1])
            )
            if span[1] - span[0] >= 3:
                return span
    return None


def _prep_claim(
    context: _Context, verb: Token, para: Span, preps: frozenset[str]
) -> tuple[Span | None, Token | None]:
    """The claim of "called for X", "pointed to Y": the object of the verb's preposition."""
    for child in verb.children:
        if child.dep_ in ("prep", "prt") and child.i > verb.i and child.lower_ in preps:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if child.dep_ == "prt":
                objects = [c for c in verb.children if c.dep_ in ("prep",) and c.i > child.i]
            if not objects:
                continue
            target = objects[0]
            end_token = target.right_edge
            span = _trim_clause(
                context.text, target.left_edge.idx, min(end_token.idx + len(end_token.text), para[1])
            )
            if span[1] - span[0] >= 3:
                return span, child
    return None, None


def _cut_trailing_cue(context: _Context, clause: Token, end: int) -> int:
    """End of ``clause`` before a trailing ", adding/telling/saying …" that is a cue of its own."""
    for token in clause.subtree:
        if (
            token.i > clause.i
            and token.tag_ == "VBG"
            and token.dep_ in ("advcl", "conj", "xcomp")
            and (token.lemma_ in SPEECH_VERBS or token.lemma_ in ATTITUDE_VERBS or token.lemma_ in PREP_CUES)
            and token.i > 0
            and context.doc[token.i - 1].text in (",", "—", "–", ";")
        ):
            return min(end, context.doc[token.i - 1].idx)
        if (
            token.dep_ == "conj"
            and token.head.i == clause.i
            and (token.lemma_ in SPEECH_VERBS or token.lemma_ in ATTITUDE_VERBS)
            and not any(c.dep_ in _SUBJECTS for c in token.children)
        ):
            cut = token.left_edge.i
            while cut > clause.i and context.doc[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            return min(end, context.doc[cut].idx)
    return end


def _phrase_start(verb: Token) -> Token:
    """First token of the verb's own phrase (its subject, adverbs, auxiliaries; no clause)."""
    start = verb.i
    for child in verb.children:
        if child.i < verb.i and child.dep_ not in ("ccomp", "parataxis", "punct", "advcl", "dep", "cc"):
            start = min(start, child.left_edge.i)
    return verb.doc[start]


def _trails_clause(context: _Context, verb: Token) -> bool:
    """The verb's own phrase ("…, officials said") is preceded by a comma, dash or quote."""
    left = _phrase_start(verb)
    before = context.text[max(0, left.idx - 3) : left.idx].rstrip()
    return bool(before) and before[-1] in ",—–”\"'’"


def _sentence_start_of(context: _Context, token: Token) -> int:
    try:
        return token.sent.start_char
    except (ValueError, AttributeError):
        return 0


def _trim_clause(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,:;—–-"):
        end -= 1
    return start, end


def _subject(context: _Context, verb: Token, para: Span, content: Span) -> Span | None:
    """The speaker: the subject of ``verb`` or of the verb it hangs from ("…, adding that …")."""
    token: Token | None = verb
    for _ in range(4):
        if token is None:
            break
        subject = _own_subject(token, content)
        if subject is not None:
            if subject.lower_ in ("who", "which", "that") and token.dep_ == "relcl":
                # a relative pronoun is the source mention (its antecedent is just before it)
                return (subject.idx, subject.idx + len(subject.text))
            return _noun_phrase(context, subject, para, content)
        inverted = _inverted_subject(token)
        if inverted is not None and (token is not verb or content[1] <= verb.idx):
            return _noun_phrase(context, inverted, para, content)
        if (
            token.dep_ == "acl"
            and token.head.i < token.i
            and (token.head.pos_ == "PROPN" or token.head.ent_type_ in ("PERSON", "ORG", "NORP"))
        ):
            # "a Democrat supporting Clinton": the noun the participle describes
            return _noun_phrase(context, token.head, para, (content[0], max(content[1], token.idx + 1)))
        if token.dep_ in _INHERIT and token.head.i != token.i:
            token = token.head
            if token.dep_ == "prep" or token.pos_ == "ADP":  # "quoted X as saying"
                quoted = token.head
                for child in quoted.children:
                    if child.dep_ in ("dobj", "nsubjpass"):
                        return _noun_phrase(context, child, para, content)
                token = quoted
            continue
        break
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """The source of "…, confirmed the military": a noun right after a speech verb that has no subject."""
    if verb.lemma_.lower() not in SPEECH_VERBS or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return None
    for child in verb.children:
        if (
            child.i > verb.i
            and child.dep_ in ("dobj", "attr", "npadvmod")
            and child.pos_ in ("NOUN", "PROPN")
            and child.left_edge.i <= verb.i + 3
        ):
            return child
    return None


def _own_subject(token: Token, content: Span) -> Token | None:
    subjects = [
        c for c in token.children if c.dep_ in ("nsubj", "csubj") and not content[0] <= c.idx < content[1]
    ]
    if subjects:  # the one nearest the verb ("LONDON (Reuters) - Donald Trump said")
        before = [c for c in subjects if c.i < token.i]
        return before[-1] if before else subjects[0]
    for child in token.children:  # passive: "it was reported by X"
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _noun_phrase(context: _Context, head: Token, para: Span, content: Span) -> Span | None:
    """Char span of the mention headed by ``head``: modifiers and appositions, no relative clause."""
    if head.lower_ in ("it", "there") and head.dep_ in ("nsubj", "nsubjpass", "expl"):
        return None
    lo, hi = head.i, head.i
    for child in head.children:
        if child.dep_ in _SOURCE_DROP:
            continue
        if content[0] <= child.idx < content[1]:
            continue
        lo = min(lo, child.left_edge.i)
        hi = max(hi, child.right_edge.i)
    doc = context.doc
    for i in range(lo, head.i):  # a dateline before the name: "LONDON (Reuters) - Donald Trump"
        if (
            doc[i].text in ("-", "—", "–", "--")
            and i > lo
            and (doc[i - 1].text == ")" or doc[i - 1].is_upper)
        ):
            lo = i + 1
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space or (doc[hi].dep_ == "case" and hi != head.i)):
        if doc[hi].dep_ == "case" and doc[hi].head.i != head.i:
            break
        hi -= 1
    start = max(doc[lo].idx, para[0])
    end = min(doc[hi].idx + len(doc[hi].text), para[1])
    if content[0] < end and start < content[1]:  # never overlap the content
        if head.idx >= content[1]:
            start = max(start, content[1])
        else:
            end = min(end, content[0])
    start, end = _trim_clause(context.text, start, end)
    return (start, end) if end > start else None


# -- according to X ---------------------------------------------------------------------------------


def _according_relation(context: _Context, according: Token, content: Span | None) -> Relation | None:
    """The relation of "According to X, CLAIM", "CLAIM, according to X", "As per X, CLAIM"."""
    doc = context.doc
    text = context.text
    para = context.paragraph_span(according.idx)
    to = doc[according.i + 1] if according.i + 1 < len(doc) else None
    if to is None:
        return None
    cue_span = (according.idx, to.idx + len(to.text))
    source = _phrase_after(context, to.i + 1, para)
    if source is None:
        return None
    direct = content is not None
    if content is None:
        content = _claim_around(context, according.i, source, para)
        if content is None:
            return None
    cue = text[cue_span[0] : cue_span[1]].lower()
    return Relation(content, " ".join(cue.split()), cue_span, source, direct, "according")


def _phrase_after(context: _Context, i: int, para: Span) -> Span | None:
    """The noun phrase starting at token ``i``: up to a comma, a clause or the sentence end."""
    doc = context.doc
    if i >= len(doc) or doc[i].idx >= para[1]:
        return None
    start = doc[i].idx
    j = i
    end = start
    while j < len(doc) and doc[j].idx < para[1]:
        token = doc[j]
        if (token.is_punct and token.text not in ("'s", "’s", "-", "&", ".")) or token.text in _SENTENCE_END:
            break
        if (token.dep_ in ("relcl", "acl") and j > i) or (
            token.pos_ == "VERB" and token.dep_ != "amod" and j > i
        ):
            break
        if context.in_quote(token.idx):
            break
        end = token.idx + len(token.text)
        j += 1
        if j - i > 15:
            break
    start, end = _trim_clause(context.text, start, end)
    return (start, end) if end > start else None


def _claim_around(context: _Context, cue_i: int, source: Span, para: Span) -> Span | None:
    """The clause an "according to X" phrase modifies: after it when it opens the sentence, else before."""
    doc = context.doc
    text = context.text
    token = doc[cue_i]
    sent_start = max(_sentence_start_of(context, token), para[0])
    sent_end = _sentence_end(context, token, para)
    # a preceding "As per" / "according to" opens the sentence when only a connective precedes it
    lead = text[sent_start : token.idx].strip(" ,\n\t")
    if len(lead.split()) <= 2:
        claim = _trim_clause(text, source[1], sent_end)
    else:
        claim = _trim_clause(text, sent_start, token.idx)
        prev = text[sent_start : token.idx].rstrip()
        if prev.lower().endswith(" as"):
            claim = _trim_clause(text, sent_start, sent_start + len(prev) - 3)
    return claim if claim[1] - claim[0] >= 3 else None


def _sentence_end(context: _Context, token: Token, para: Span) -> int:
    try:
        end = token.sent.end_char
    except (ValueError, AttributeError):
        end = para[1]
    return min(end, para[1])


# -- "Name: statement" --------------------------------------------------------------------------------

_LABELS = frozenset(
    {
        "background",
        "update",
        "updates",
        "note",
        "editor's note",
        "editor’s note",
        "correction",
        "photo",
        "photos",
        "video",
        "related",
        "watch",
        "read more",
        "source",
        "sources",
        "q",
        "a",
        "warning",
        "disclaimer",
        "summary",
        "context",
        "analysis",
        "opinion",
        "live",
        "breaking",
        "latest",
        "exclusive",
        "timeline",
        "explainer",
        "factbox",
    }
)  # section labels, not speakers
_HEADLINE = re.compile(r"(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*:[ \t]+(?P<rest>\S)")


def _headline_relations(context: _Context, direct: list[Relation]) -> list[Relation]:
    """ "Rubio: I still believe …" — a name, a colon and what the person said (headline style)."""
    text = context.text
    taken = [r.content for r in direct]
    relations: list[Relation] = []
    for start, end in context.paragraphs:
        match = _HEADLINE.match(text, start, min(end, start + 80))
        if match is None:
            continue
        name = match.span("name")
        first = context.token_at(name[0])
        last = context.token_at(name[1] - 1)
        if first is None or last is None or len(context.doc) == 0:
            continue
        tokens = context.doc[first : last + 1]
        if context.text[name[0] : name[1]].lower() in _LABELS or not all(
            t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP") for t in tokens
        ):
            continue
        rest_start = match.start("rest")
        line_end = text.find("\n", rest_start, end)
        content = _trim_clause(text, rest_start, end if line_end < 0 else line_end)
        if _word_count(text, *content) < 3 or any(c[0] <= content[0] < c[1] for c in taken):
            continue
        colon = text.index(":", name[1], rest_start)
        relations.append(Relation(content, ":", (colon, colon + 1), name, False, "speech"))
    return relations


# -- tweets -----------------------------------------------------------------------------------------


def _tweet_relations(context: _Context, direct: list[Relation]) -> list[Relation]:
    """A paragraph followed by "— Name (@handle) Month D, YYYY" is that person's tweet."""
    text = context.text
    relations: list[Relation] = []
    paragraphs = context.paragraphs
    covered = [r.content for r in direct]
    for index in range(1, len(paragraphs)):
        start, end = paragraphs[index]
        if end - start > 300:
            continue
        match = _TWEET_LINE.match(text, start, end)
        if match is None:
            continue
        name_start, name_end = match.span("name")
        latin = _LATIN_NAME.match(text, name_start, name_end)
        if latin is not None and latin.end() > latin.start():
            name_end = latin.end()
        name = _trim_clause(text, name_start, name_end)
        body = _trim(text, *paragraphs[index - 1])
        if body[1] <= body[0] or any(c[0] <= body[0] and body[1] <= c[1] for c in covered):
            continue
        dash = match.start() + len(match.group()) - len(match.group().lstrip())
        cue_span = (dash, dash + 1)
        relations.append(
            Relation(body, "tweeted", cue_span, name if name[1] > name[0] else None, True, "speech")
        )
    return relations


# -- the public function ------------------------------------------------------------------------------


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
