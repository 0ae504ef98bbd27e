"""Which coded predicates report an event at all: precision rules over the parse.

A trigger word is not yet an event (GUIDE §7; issue 5). News prose uses event verbs for things that
are not happenings: giving *details* or *figures*, results *released* by a commission, a
complaint *received*, power *shared*, polls *closing*; asking *not to be named*; insisting *that*
a count is right; modifiers that only describe a noun ("candidates *backed* by Sadr", "a reform
*demanded* by the movement"); questions and rules or possibilities ("the court *must* ratify the
results", "the incident *could* serve…"). Each rule here reads the mention's own words and its
place in the dependency tree, never a particular sentence, and says why the mention is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events.lexicon import MEETINGS
from tidings.events.triggers_acled import burning_barricade, did_not_happen, strikers

if TYPE_CHECKING:
    from spacy.tokens import Token

    from tidings.events.triggers import Mention

#: Information, documents and abstractions: giving, offering, releasing or sharing them is no act of
#: aid, agreement, retreat or cooperation ("gave no details", "released the results").
INFO_NOUNS = frozenset(
    {"detail", "figure", "account", "number", "information", "evidence", "statement", "reason",
     "explanation", "chance", "opportunity", "impression", "result", "finding", "report", "data",
     "estimate", "answer", "response", "reply", "view", "opinion", "speech", "interview", "address",
     "comment", "briefing", "video", "footage", "image", "photo", "picture", "recording", "tally",
     "count", "list", "name", "vote", "sense", "signal", "indication", "hint", "clue", "warning",
     "assurance", "timetable", "timeline", "date", "glimpse", "example", "idea", "advice", "notice",
     "ruling", "verdict", "decision", "version", "description", "credit", "attention",
     "way", "voice", "power", "seat", "platform", "stage", "floor", "boost", "edge", "lead", "time"}
)  # fmt: skip
#: Verbs whose event is the thing handed over: they need something material, not information.
_HANDING = frozenset(
    {"give", "provide", "offer", "release", "share", "supply", "deliver", "grant", "send", "hand",
     "free", "exchange"}
)  # fmt: skip
#: What may be shared in PLOVER's COOPERATE (material cooperation, intelligence sharing).
_SHARED = frozenset(
    {"intelligence", "information", "data", "technology", "expertise", "experience", "resource",
     "equipment", "facility", "base", "airspace", "know-how", "satellite", "research", "evidence"}
)  # fmt: skip
#: Whom one receives, hosts or welcomes as a visit (CONSULT): people and bodies (or the meeting
#: itself, "host talks"), not letters or complaints.
_GUESTS = frozenset(
    {"delegation", "envoy", "minister", "president", "leader", "official", "ambassador", "diplomat",
     "counterpart", "king", "prince", "premier", "chancellor", "secretary", "mission", "team",
     "visitor", "guest", "emir", "sheikh", "representative", "prime", "head", "chief", "commander",
     "general", "senator", "congressman", "mediator", "negotiator", "pope", "foreign"}
)  # fmt: skip
_PEOPLE_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Sources' anonymity formulas: "asked not to be named", "requested anonymity".
_ANONYMITY = frozenset({"name", "identify", "anonymity", "quote", "identification"})
_GENERIC_MODALS = frozenset({"must", "can", "ca", "could", "may", "might", "should"})
#: Types that a modal or a reporting verb makes, so a modal does not unmake them.
_MODAL_TYPES = frozenset({"REQUEST", "THREATEN", "AGREE", "REJECT", "CONCEDE", "ACCUSE"})
#: Types of acts against people or property: a participle describing its victim still reports it
#: ("a protester killed by police", "homes demolished by bulldozers").
_MATERIAL = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "SANCTION"})


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _objects(token: Token) -> list[Token]:
    """The direct object, or the subject of a passive ("results were released")."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects and token.dep_ == "acl" and token.tag_ == "VBN":
        objects = [token.head]  # "results released by the commission"
    if not objects and token.dep_ == "relcl":
        objects = [token.head] if token.tag_ == "VBN" else []
    return objects


def drop_reason(mention: Mention) -> str | None:
    """Why ``mention`` reports no event (a short reason), or ``None`` when it does."""
    head = mention.head
    lemma = _lemma(head)
    sent = head.sent
    if sent.text.rstrip().rstrip("\"'”’ )").endswith("?"):
        return "question"
    if burning_barricade(head):
        return "burning barricade (an obstruction's means)"
    if strikers(head):
        return "striking workers (the strike's participants)"
    if did_not_happen(head):
        return "act under 'without'"
    if head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return "negated noun ('no fighting was reported')"
    if head.pos_ != "VERB":
        return None
    objects = _objects(head)
    object_lemmas = {_lemma(o) for o in objects}
    last = max(objects, key=lambda t: t.i) if objects else None  # the theme: "gave them a chance"
    theme = _lemma(last) if last is not None else ""
    handing = lemma in _HANDING and last is not None and all(t.i != last.i for t in mention.tokens)
    shared = mention.type == "COOPERATE" and bool(object_lemmas & _SHARED)
    if handing and theme in INFO_NOUNS and not shared:
        return "information handed over"
    if lemma == "share" and mention.type == "COOPERATE" and not object_lemmas & _SHARED:
        return "not a shared resource"
    received = mention.type == "CONSULT" or lemma in ("receive", "host")  # also once negated
    if (
        received
        and lemma in ("receive", "welcome", "host")
        and mention.type != "RETREAT"
        and not _guests(objects)
    ):
        return "nobody received"
    if lemma in ("close", "shut") and len(mention.tokens) == 1 and not objects:
        return "intransitive close"
    if lemma in ("ask", "request") and _anonymity(head):
        return "anonymity formula"
    if lemma == "insist" and mention.type == "REQUEST" and not _demand_clause(head):
        return "insisting on a fact"
    if lemma == "seek" and mention.type == "REQUEST" and not _children(head, "dobj") and not mention.content:
        return "seeking to (intention without an event)"
    if _describes_noun(head) and mention.type not in _MATERIAL:
        return "participle describing a noun"
    if _purpose_of_description(head):
        return "purpose in a description"
    if _generic_modal(head, mention):
        return "modal statement"
    return None


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _guests(objects: list[Token]) -> bool:
    for obj in objects:
        if obj.ent_type_ in _PEOPLE_ENTS or _lemma(obj) in _GUESTS or _lemma(obj) in MEETINGS:
            return True
        if any(c.ent_type_ in _PEOPLE_ENTS for c in obj.children if c.dep_ in ("compound", "amod", "poss")):
            return True
    return False


def _anonymity(verb: Token) -> bool:
    """ "asked not to be named", "asked that his name not be used", "requested anonymity"."""
    for token in verb.subtree:
        if token.i - verb.i > 8:
            break
        if _lemma(token) in _ANONYMITY:
            return True
    return False


def _demand_clause(verb: Token) -> bool:
    """ "insisted on …", "insisted that X must/should…" (a demand), not "insisted that two died"."""
    if any(_lemma(c) == "on" for c in _children(verb, "prep")):
        return True
    for clause in _children(verb, "ccomp", "xcomp"):
        if clause.dep_ == "xcomp":
            return True
        aux = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if aux & {"must", "should", "be", "ought"} or clause.tag_ == "VB":
            return True
    return False


def _describes_noun(verb: Token) -> bool:
    """A participle modifying a noun ("candidates backed by Sadr", "groups backing the sit-in")."""
    participle = verb.tag_ in ("VBN", "VBG", "VBD")  # the tagger reads some participles as past tense
    if verb.dep_ != "acl" or not participle or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    # "recounts that the alliance had demanded" is a relative clause with its own subject
    return not any(c.dep_ in ("nsubj", "aux", "auxpass") for c in verb.children)


def _purpose_of_description(verb: Token) -> bool:
    """ "groups formed in 2014 to fight IS": the purpose of a clause that describes a noun."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return False
    return verb.dep_ in ("advcl", "xcomp") and verb.head.dep_ in ("acl", "relcl")


def _generic_modal(verb: Token, mention: Mention) -> bool:
    """A rule, duty or possibility stated by the writer ("the court must ratify the results", "a
    ruling that cannot be appealed")."""
    modals = [c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"]
    if not any(m.lower_ in _GENERIC_MODALS for m in modals):
        return False
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if (mention.type in _MODAL_TYPES and not passive) or mention.reporter is not None:
        return False
    if any(c.dep_ == "aux" and _lemma(c) == "have" for c in verb.children):
        return False  # "may have used": an uncertain past event, kept with its certainty
    current = verb
    for _ in range(4):  # a reporting or cognition verb above makes it someone's claim, not a rule
        if current.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or current.head is current:
            break
        complement = current.dep_ in ("ccomp", "xcomp")
        current = current.head
        if complement and current.pos_ == "VERB":
            return False
    return True
