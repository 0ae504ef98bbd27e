"""Indirect (reported) speech and other verb-, noun- and adjective-governed relations.

"X said (that) CLAIM", "CLAIM, X said", "The plan, she said, will fail"; beliefs ("X thinks that
…"); stances with an object or a preposition ("X opposed the plan", "X called for …"); light-verb
cues ("made the case that …"); speech nouns ("Trump's claim that …"); stance adjectives ("X is
confident that …"). Each relation's ``verb`` says what kind of cue it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.models import Span
from tidings.nlp.cues import (
    ATTITUDE_ADJECTIVES,
    ATTITUDE_VERBS,
    COGNITION_VERBS,
    HOSTILE_VERBS,
    LIGHT_VERBS,
    OBJECT_VERBS,
    PREP_CUES,
    QUOTE_ONLY_VERBS,
    RAISING_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
)
from tidings.nlp.quotes.context import (
    SUBJECTS,
    Context,
    Relation,
    sentence_end,
    sentence_start_of,
    trim_clause,
)
from tidings.nlp.quotes.speakers import (
    inverted_subject,
    left_mention,
    noun_phrase,
    phrase_start,
    subject_of,
    trails_clause,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

_COMPLEMENTS = frozenset({"ccomp", "xcomp"})


_NOUN_CONTENT_PREPS = frozenset({"for", "of", "on", "about", "against", "to", "over"})


def noun_relations(context: Context) -> list[Relation]:
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
                content = trim_clause(context.text, start, min(right.idx + len(right.text), para[1]))
                break
            if child.dep_ == "prep" and child.lower_ in _NOUN_CONTENT_PREPS:
                objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objects:
                    right = objects[0].right_edge
                    content = trim_clause(
                        context.text, objects[0].left_edge.idx, min(right.idx + len(right.text), para[1])
                    )
                    cue_end = child.idx + len(child.text)
                    break
        if content is None or content[1] - content[0] < 3:
            continue
        source = noun_phrase(context, owner, para, content)
        if source is not None and context.text[source[1] - 2 : source[1]] in ("'s", "’s"):
            source = (source[0], source[1] - 2)
        cue = (token.idx, cue_end)
        relations.append(Relation(content, token.lower_, cue, source, False, "noun"))
    return relations


def adjective_relations(context: Context) -> list[Relation]:
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
            content = trim_clause(context.text, start, min(right.idx + len(right.text), para[1]))
            break
        if content is None or content[1] - content[0] < 3:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in ("it", "there", "this", "that"):
            continue
        source = noun_phrase(context, subject, para, content)
        cue = (
            (verb.idx, token.idx + len(token.text))
            if verb.i < token.i
            else (token.idx, token.idx + len(token.text))
        )
        relations.append(Relation(content, token.lower_, cue, source, False, "cognition"))
    return relations


def verb_relations(context: Context, used_cues: set[int]) -> list[Relation]:
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
        relation = relation_for_verb(context, token, None, direct=False)
        if relation is not None:
            relations.append(relation)
    return relations


_AIMED = frozenset({"aim", "shot", "shots", "swipe", "jab", "stand", "position", "view", "stance"})


def _light_relation(context: Context, verb: Token, objects: frozenset[str]) -> Relation | None:
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
            content = trim_clause(context.text, start, min(right.idx + len(right.text), para[1]))
            break
        if content is None or content[1] - content[0] < 3:
            continue
        source = subject_of(context, verb, para, content)
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


def relation_for_verb(
    context: Context, verb: Token, content: Span | None, *, direct: bool
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
        if content is None or (lemma in RAISING_VERBS and not _reports_through(verb)):
            return None
        # mostly inside a quotation: that quotation is the content, found as a direct quote
        inside = context.in_quote(content[0])
        if inside is not None and inside.outer[1] >= content[1] - 2:
            return None
    if lemma in HOSTILE_VERBS and not _animate_subject(verb):
        return None
    inside = content[0] < verb.idx < content[1]
    source = subject_of(context, verb, para, (0, 0) if inside else content)
    if source is None and kind == "speech" and not inside and verb.tag_ in ("VBD", "VBZ", "VBP"):
        source = left_mention(context, verb, content)
    cue_span = (verb.idx, max(cue_end, verb.idx + len(verb.text)))
    return Relation(content, verb.text.lower(), cue_span, source, direct, kind)


_ANIMATE_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they", "who"})


def _animate_subject(verb: Token) -> bool:
    """Whether the subject of ``verb`` names a person or an organisation (not a weapon or a storm)."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.ent_type_ in ("PERSON", "ORG", "NORP"):
                return True
            if child.pos_ == "PRON":
                return child.lower_ in _ANIMATE_PRONOUNS
            return child.pos_ == "PROPN" and child.ent_type_ not in ("GPE", "LOC", "FAC", "PRODUCT")
    return False


def _reports_through(verb: Token) -> bool:
    """ "X seemed to mock …", "Y appeared pleased with …": a raising verb over a cue of its own.

    Otherwise ("Rubio appeared to be on the upswing") the writer, not the subject, holds the view.
    """
    for child in verb.children:
        if child.i < verb.i:
            continue
        lemma = child.lemma_.lower()
        if child.dep_ in ("xcomp", "ccomp") and (
            lemma in SPEECH_VERBS or lemma in COGNITION_VERBS or lemma in ATTITUDE_VERBS or lemma in PREP_CUES
        ):
            return True
        if child.dep_ in ("acomp", "xcomp") and child.lower_ in ATTITUDE_ADJECTIVES:
            return True
    return False


def _complement(context: Context, verb: Token, para: Span) -> Span | None:
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
            span = trim_clause(text, max(start, para[0]), min(end, para[1]))
            if span[1] - span[0] >= 3:
                return span
    # the parser joined the paragraph to the one before: "…\n\nCLAIM, X said." with the clause
    # hanging from the previous paragraph
    for child in verb.children:
        if child.dep_ == "ccomp" and child.idx < para[0] and trails_clause(context, verb):
            start = max(para[0], sentence_start_of(context, verb))
            span = trim_clause(text, start, phrase_start(verb).idx)
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
        and (any(c.dep_ in SUBJECTS for c in verb.children) or inverted_subject(verb) is not None)
        and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children if c.i > verb.i)
        and trails_clause(context, verb)
    ):
        start = max(head.left_edge.idx, para[0], sentence_start_of(context, verb))
        end = verb.left_edge.idx
        span = trim_clause(text, start, end)
        if span[1] - span[0] >= 3:
            return span
    # "The plan, she said, will fail": a parenthetical cue inside the clause it reports
    if (
        verb.dep_ == "parataxis"
        and head.i > verb.i
        and head.pos_ in ("VERB", "AUX")
        and any(c.dep_ in SUBJECTS for c in verb.children)
        and trails_clause(context, verb)
    ):
        start = max(head.left_edge.idx, para[0], sentence_start_of(context, verb))
        right = head.right_edge
        end = min(right.idx + len(right.text), para[1], sentence_end(context, head, para))
        span = trim_clause(text, start, end)
        if span[1] - span[0] >= 3 and span[0] < verb.idx:
            return span
    return None


def _object_claim(context: Context, verb: Token, para: Span) -> Span | None:
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
            span = trim_clause(
                context.text, child.left_edge.idx, min(end_token.idx + len(end_token.text), para[1])
            )
            if span[1] - span[0] >= 3:
                return span
    return None


def _prep_claim(
    context: Context, verb: Token, para: Span, preps: frozenset[str]
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
            span = trim_clause(
                context.text, target.left_edge.idx, min(end_token.idx + len(end_token.text), para[1])
            )
            if span[1] - span[0] >= 3:
                return span, child
    return None, None


def _cut_trailing_cue(context: Context, clause: Token, end: int) -> int:
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
            and not any(c.dep_ in SUBJECTS for c in token.children)
        ):
            cut = token.left_edge.i
            while cut > clause.i and context.doc[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            return min(end, context.doc[cut].idx)
    return end
