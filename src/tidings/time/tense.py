"""Which way a time expression points: the tense of the verb that governs it.

With a spaCy parse the governing verb is found by walking up the dependency tree from the
expression; without one, the nearest tense marker in the same sentence decides.
Returns ``"past"``, ``"future"``, ``"present"`` or ``None``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from tidings.nlp.model import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

_FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo", "going", "gon"})
_FUTURE_VERBS = frozenset(
    {"plan", "expect", "schedule", "intend", "aim", "hope", "propose", "due", "prepare", "reschedule"}
)
#: Verbs that point ahead only with an infinitive: "is set to resume Monday", "slated to open".
_FUTURE_HEADS = _FUTURE_VERBS | {"set", "slate", "poise"}
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")
_MARKER = re.compile(
    r"\b(?P<future>will|shall|won't|going\s+to|'ll|is\s+to|are\s+to|expected\s+to|plans?\s+to"
    r"|scheduled\s+to|due\s+to|set\s+to|intends?\s+to)\b"
    r"|\b(?P<past>was|were|had|did|said|told|ago|\w{3,}ed)\b"
    r"|\b(?P<present>is|are|has|have|says|does)\b",
    re.IGNORECASE,
)
_WINDOW = 120
#: Deadline prepositions: "until Tuesday", "as soon as Friday" point ahead even in past sentences.
_DEADLINE = re.compile(r"\b(?:until|till|as\s+soon\s+as|as\s+early\s+as|no\s+later\s+than)\s+$", re.I)


def tense_near(text: str, start: int, end: int, doc: Doc | None) -> str | None:
    """The tense that governs ``text[start:end]``; see the module docstring."""
    if doc is not None:
        found = _tense_from_parse(doc, start, end)
        if found is not None:
            return found
    return _tense_from_text(text, start, end)


def _tense_from_text(text: str, start: int, end: int) -> str | None:
    if _DEADLINE.search(text, max(0, start - 16), start):
        return "future"
    left = max(0, start - _WINDOW)
    right = min(len(text), end + _WINDOW)
    before = text[left:start]
    after = text[end:right]
    cut = None
    for found in _SENTENCE_END.finditer(before):
        cut = found
    if cut is not None:
        left += cut.end()
        before = before[cut.end() :]
    stop = _SENTENCE_END.search(after)
    if stop is not None:
        after = after[: stop.start()]
    best: tuple[int, str] | None = None
    for segment, offset, forward in ((before, left, False), (after, end, True)):
        for m in _MARKER.finditer(segment):
            kind = m.lastgroup or "present"
            distance = (m.start() + offset - end) if forward else (start - (m.end() + offset))
            if kind == "future":
                distance -= 20  # an auxiliary outranks a nearby participle
            if best is None or distance < best[0]:
                best = (distance, kind)
    return best[1] if best else None


def _tense_from_parse(doc: Doc, start: int, end: int) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token: Any = span.root
    deadline = _DEADLINE.search(doc_text(doc), max(0, start - 16), start) is not None
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            found = _verb_tense(token)
            if deadline and found == "past" and not _past_perfect(token):
                return "future"  # "extended the deadline until Tuesday"
            if found is not None:
                return found
        if token.head is token:
            break
        token = token.head
    return "future" if deadline else None


def _verb_tense(verb: Any) -> str | None:
    if verb.tag_ == "VB" and verb.dep_ == "acl" and any(c.lower_ == "to" for c in verb.children):
        return "future"  # "an agreement to acquire the bank in January": a plan, not yet done
    return _verb_tense_of_clause(verb)


def _verb_tense_of_clause(verb: Any) -> str | None:
    # "is expected to rise", "planned to leave on Thursday": an infinitive under a future-minded
    # verb or "be" points ahead, unless that verb is in the past perfect ("had been due to expire").
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head is not verb and verb.tag_ == "VB":
        head = verb.head
        if head.lower_ in ("going", "gon") and head.tag_ == "VBG":  # "is going to rise in the spring"
            return "past" if any(c.dep_ == "aux" and c.tag_ == "VBD" for c in head.children) else "future"
        if head.lemma_ in _FUTURE_HEADS or head.lemma_ == "be":
            # "had been due to expire Friday": the adjective's own verb carries the tense.
            carrier = head.head if head.pos_ == "ADJ" and head.dep_ == "acomp" else head
            return (
                "past"
                if _past_perfect(head)
                or _past_perfect(carrier)
                or (head.lemma_ == "be" and _own_tense(head) == "past")
                else "future"
            )
        found = _own_tense(verb)
        return found if found is not None else _own_tense(head)
    if verb.lemma_ in _FUTURE_VERBS and not _past_perfect(verb):
        return "future"  # "has scheduled a news conference Thursday"
    return _own_tense(verb)


def _past_perfect(v: Any) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in v.children)


def _reduced_passive(v: Any) -> bool:
    """A bare past participle set off by a comma, with no subject, auxiliary or subordinator.

    "…, announced Friday, …" or "…, signed on Monday by both sides": the participle describes
    something already done, whatever the tense of the clause it modifies. A participle opened
    by "once", "when", "if" ("once approved Friday") is conditional and not counted.
    """
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark", "expl") for c in v.children):
        return False
    doc = v.doc
    return v.i > 0 and doc[v.i - 1].text in (",", "—", "–", "(")


def _own_tense(v: Any) -> str | None:
    """The tense of one verb from its auxiliaries and its tag."""
    auxiliaries = [c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")]
    # "may have been", "could have left": a modal perfect looks back ("will have" looks ahead).
    if (
        v.tag_ == "VBN"
        and any(a in ("have", "'ve") for a in auxiliaries)
        and not any(a in _FUTURE_AUX for a in auxiliaries)
        and any(a in ("may", "might", "must", "could", "should", "would") for a in auxiliaries)
    ):
        return "past"
    if v.tag_ == "VBN" and "to" in auxiliaries and v.dep_ in ("acl", "relcl", "advcl"):
        # A passive infinitive modifying a noun: "the plan, to be announced Friday, …" looks
        # ahead, "the hostage, said to have been killed Friday" back (an active infinitive,
        # "flew there to sign the deal Friday", takes the tense of its clause).
        return "past" if any(a in ("have", "'ve") for a in auxiliaries) else "future"
    for child in v.children:
        if child.dep_ in ("aux", "auxpass"):
            low = child.lower_
            if low in _FUTURE_AUX or (child.tag_ == "MD" and low in ("will", "shall", "'ll")):
                return "future"
            if child.tag_ == "VBD" or low in ("had", "'d"):
                return "past"
            if low in ("has", "have", "'ve") and v.tag_ == "VBN":
                return "past"
            if child.tag_ == "MD":
                return "future" if low in ("may", "might", "should", "must", "would") else None
    if v.tag_ == "VBN" and v.dep_ == "advcl" and _reduced_passive(v):
        return "past"  # "the ruling, announced Friday by the agency, …": a reduced passive clause is done
    if v.tag_ == "VBN" and v.dep_ in ("xcomp", "conj", "ccomp", "advcl") and v.head is not v:
        return None  # a bare participle takes the tense of the verb it completes ("start getting beat up")
    if v.tag_ in ("VBD", "VBN"):
        return "past"
    if v.tag_ in ("VBZ", "VBP"):
        return "present"
    return None
