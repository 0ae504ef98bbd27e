"""Speakers and sources: the subject of a cue verb, the noun phrase of a mention, "according to X".

A speaker is the subject of the speech verb, or of the verb it hangs from (", adding that …"), the
agent of a passive ("it was reported by X"), the object of "quoted X as saying", or the noun right
after an inverted verb (", confirmed the military"). "According to X", "As per X" frames name their
source after the cue and modify the clause around them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.models import Span
from tidings.nlp.cues import SPEECH_VERBS
from tidings.nlp.quotes.context import (
    SENTENCE_END,
    SUBJECTS,
    Context,
    Relation,
    sentence_end,
    sentence_start_of,
    trim_clause,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

_SOURCE_DROP = frozenset({"relcl", "acl", "punct", "cc", "advcl", "ccomp", "parataxis"})
_INHERIT = frozenset({"conj", "advcl", "xcomp", "pcomp", "acomp"})  # acomp: "are likely to say"


def phrase_start(verb: Token) -> Token:
    """First token of the verb's own phrase (its subject, adverbs, auxiliaries; no clause)."""
    start = verb.i
    for child in verb.children:
        if child.i < verb.i and child.dep_ not in ("ccomp", "parataxis", "punct", "advcl", "dep", "cc"):
            start = min(start, child.left_edge.i)
    return verb.doc[start]


def trails_clause(context: Context, verb: Token) -> bool:
    """The verb's own phrase ("…, officials said") is preceded by a comma, dash or quote."""
    left = phrase_start(verb)
    before = context.text[max(0, left.idx - 3) : left.idx].rstrip()
    return bool(before) and before[-1] in ",—–”\"'’"


def subject_of(context: Context, verb: Token, para: Span, content: Span) -> Span | None:
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
            return noun_phrase(context, subject, para, content)
        inverted = inverted_subject(token)
        if inverted is not None and (token is not verb or content[1] <= verb.idx):
            return noun_phrase(context, inverted, para, content)
        if (
            token.dep_ == "acl"
            and token.head.i < token.i
            and (token.head.pos_ == "PROPN" or token.head.ent_type_ in ("PERSON", "ORG", "NORP"))
        ):
            # "a Democrat supporting Clinton": the noun the participle describes
            return noun_phrase(context, token.head, para, (content[0], max(content[1], token.idx + 1)))
        if token.dep_ in _INHERIT and token.head.i != token.i:
            token = token.head
            if token.dep_ == "prep" or token.pos_ == "ADP":  # "quoted X as saying"
                quoted = token.head
                for child in quoted.children:
                    if child.dep_ in ("dobj", "nsubjpass"):
                        return noun_phrase(context, child, para, content)
                token = quoted
            continue
        break
    return None


_MENTION_POS = frozenset(
    {"PROPN", "NOUN", "PRON", "DET", "NUM", "ADJ", "PUNCT", "ADP", "CCONJ", "PART", "SPACE"}
)
_MARK_TOKENS = frozenset({"“", "”", '"', "'", "‘", "’", "``", "''"})


def left_mention(context: Context, verb: Token, content: Span) -> Span | None:
    """The mention right before a cue verb the parser left without a subject.

    "“…,” Ramos, 58, told …", "“…,” Kiedis said": the words between the clause boundary (a quotation,
    the sentence start) and the verb, when they form a noun phrase with a name or a noun in it.
    """
    doc = context.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ == "ADV" and not content[0] <= doc[i].idx < content[1]:
        i -= 1  # "Trump also said"
    if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN", "PRON", "PUNCT", "NUM"):
        return None
    last = i
    if doc[last].is_punct and doc[last].text not in (",", ")"):
        return None
    try:
        sent_start = verb.sent.start
    except (ValueError, AttributeError):
        sent_start = 0
    first = None
    while i >= max(sent_start, verb.i - 16):
        token = doc[i]
        if token.idx < content[1] <= verb.idx or context.in_quote(token.idx) or token.text in _MARK_TOKENS:
            break
        if token.pos_ not in _MENTION_POS or token.text in (";", ":", "—", "–"):
            return None
        first = i
        i -= 1
    if first is None:
        return None
    while first <= last and (doc[first].is_punct or doc[first].pos_ in ("CCONJ", "ADP")):
        first += 1
    while last >= first and doc[last].is_punct and doc[last].text != ")":
        last -= 1
    if first > last or not any(doc[k].pos_ in ("PROPN", "NOUN", "PRON") for k in range(first, last + 1)):
        return None
    if doc[first].pos_ == "PRON" and first != last:
        return None
    span = trim_clause(context.text, doc[first].idx, doc[last].idx + len(doc[last].text))
    return span if span[1] > span[0] else None


#: Speech verbs whose object is the person spoken to, never the speaker.
_ADDRESSEE_VERBS = frozenset(
    {"tell", "inform", "notify", "remind", "assure", "reassure", "advise", "warn", "urge", "ask", "caution"}
)


def inverted_subject(verb: Token) -> Token | None:
    """The source of "…, confirmed the military": a noun right after a speech verb that has no subject."""
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH_VERBS or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return None
    for child in verb.children:
        if (
            child.i > verb.i
            and child.dep_ in ("dobj", "attr", "npadvmod")
            and child.pos_ in ("NOUN", "PROPN")
            and child.left_edge.i <= verb.i + 3
            and child.ent_type_ not in ("DATE", "TIME")  # "…, he said this week"
            and not (child.dep_ == "dobj" and lemma in _ADDRESSEE_VERBS)  # "…, she told AFP"
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


def noun_phrase(context: Context, head: Token, para: Span, content: Span) -> Span | None:
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
    start, end = trim_clause(context.text, start, end)
    return (start, end) if end > start else None


# -- according to X --


def according_relation(context: Context, according: Token, content: Span | None) -> Relation | None:
    """The relation of "According to X, CLAIM", "CLAIM, according to X", "As per X, CLAIM"."""
    doc = context.doc
    text = context.text
    para = context.paragraph_span(according.idx)
    to = doc[according.i + 1] if according.i + 1 < len(doc) else None
    if to is None:
        return None
    cue_span = (according.idx, to.idx + len(to.text))
    source = phrase_after(context, to.i + 1, para)
    if source is None:
        return None
    direct = content is not None
    if content is None:
        content = _claim_around(context, according.i, source, para)
        if content is None:
            return None
    cue = text[cue_span[0] : cue_span[1]].lower()
    return Relation(content, " ".join(cue.split()), cue_span, source, direct, "according")


def phrase_after(context: Context, i: int, para: Span) -> Span | None:
    """The noun phrase starting at token ``i``: up to a comma, a clause or the sentence end."""
    doc = context.doc
    if i >= len(doc) or doc[i].idx >= para[1]:
        return None
    start = doc[i].idx
    j = i
    end = start
    while j < len(doc) and doc[j].idx < para[1]:
        token = doc[j]
        if (token.is_punct and token.text not in ("'s", "’s", "-", "&", ".")) or token.text in SENTENCE_END:
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
    start, end = trim_clause(context.text, start, end)
    return (start, end) if end > start else None


def _claim_around(context: Context, cue_i: int, source: Span, para: Span) -> Span | None:
    """The clause an "according to X" phrase modifies: after it when it opens the sentence, else before."""
    doc = context.doc
    text = context.text
    token = doc[cue_i]
    sent_start = max(sentence_start_of(context, token), para[0])
    sent_end = sentence_end(context, token, para)
    # a preceding "As per" / "according to" opens the sentence when only a connective precedes it
    lead = text[sent_start : token.idx].strip(" ,\n\t")
    if len(lead.split()) <= 2:
        claim = trim_clause(text, source[1], sent_end)
    else:
        claim = trim_clause(text, sent_start, token.idx)
        prev = text[sent_start : token.idx].rstrip()
        if prev.lower().endswith(" as"):
            claim = trim_clause(text, sent_start, sent_start + len(prev) - 3)
    return claim if claim[1] - claim[0] >= 3 else None
