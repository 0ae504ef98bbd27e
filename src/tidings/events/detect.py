"""``find_events(ctx)``: the events of one parsed article as GUIDE §2 event records.

Each sentence's mentions (:mod:`tidings.events.triggers`) get their participants
(:mod:`tidings.events.roles`), modes from weapon and protest cues, contexts from topic words, the
attribute rules' status, auxiliary mode, certainty, size, claim, date and sources
(:func:`tidings.events.attributes.describe`), and a place (:func:`tidings.geo.location.event_location`).
Mentions of one happening are then merged (:mod:`tidings.events.merge`) and projected onto ACLED
(:mod:`tidings.events.acled`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tidings.events import lexicon as lx
from tidings.events import refine as rf
from tidings.events import triggers_acled as ta
from tidings.events.acled import project
from tidings.events.merge import coref_cues, merge
from tidings.events.model import Attributes, EventContext
from tidings.events.roles import PEOPLE, ActorBook, actor_ids, arguments, passive, weapon_subject
from tidings.events.triggers import Mention, sentence_mentions
from tidings.models import Actor, Span
from tidings.nlp.model import doc_text
from tidings.nlp.roles import GROUPS, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

#: At most this many event mentions per article before merging (bounded time on run-on input).
MAX_MENTIONS = 400
_CUE_WINDOW = 40
#: A time expression of the mention's own sentence anchors it (the narrative's last date does not).
_OWN_DATE = frozenset({"phrase", "clause", "above"})
_CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "hurt", "die", "maim"})
_AGENT_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_MATERIAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION"})
_AGENT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
#: People named by what they do, beyond the actor lexicons ("truck drivers went on strike").
_AGENT_NOUNS = frozenset(
    {"driver", "inmate", "nurse", "miner", "trader", "shopkeeper", "merchant", "employee", "staff",
     "docker", "pilot", "lawyer", "judge", "cleric", "priest", "imam", "monk", "pupil", "graduate",
     "veteran", "pensioner", "taxi", "vendor", "fisherman", "herder", "settler", "tribesman", "elder",
     "crowd", "mob", "demonstrator", "protester", "protestor", "mourner", "voter", "opponent", "side",
     "country", "nation", "state", "faction", "neighbour", "neighbor", "rival", "ally", "partner",
     "donor", "power", "creditor", "lender", "representative", "delegate", "junta", "regime", "bank",
     "company", "firm", "federation", "league", "body", "agency", "commission", "committee", "board",
     "association", "tribunal", "rioter", "looter", "mutineer"}
)  # fmt: skip
_VERBAL_NEEDS_ACTOR = lx.VERBAL | {"CONSULT", "COOPERATE", "AID", "MOBILIZE", "SANCTION"}


def find_events(ctx: EventContext) -> tuple[list[dict[str, Any]], list[Actor]]:
    """Event records of the article (ids ``e1``… in order of first mention) and the actors the
    detector had to create (unidentified perpetrators, participants no earlier stage named)."""
    book = ActorBook(ctx.actors, ctx.places)
    records: list[dict[str, Any]] = []
    for number, sent in enumerate(ctx.doc.sents):
        if len(records) >= MAX_MENTIONS:
            break
        if not sent.text.strip() or not any(t.is_alpha and t.is_ascii for t in sent[:50]):
            continue
        for mention in sentence_mentions(sent):
            record = _record(ctx, sent, mention, book)
            if record is not None:
                record["_sentence_no"] = number
                record["_casualty"] = _casualty(mention)
                record.update(coref_cues(mention.head))
                records.append(record)
    # an event needs a participant or a place or time anchor; a bare "the demonstrations" only
    # counts as further evidence of an event the article reports elsewhere
    events = [event for event in merge(records, book.actors) if event.get("_anchored")]
    sectors = {a.id: a.sector for a in book.actors}
    for number, event in enumerate(events, start=1):
        event["id"] = f"e{number}"
        event["acled"] = _acled(event, events, sectors)
        event.pop("_cues", None)
        event.pop("_sentences", None)
        for key in ("_anchored", "_sentence_no", "_casualty"):
            event.pop(key, None)
    return events, book.created


def _casualty(mention: Mention) -> bool:
    """A report of people killed or hurt with no attacker of its own ("seven guards were wounded",
    "a protester died"): the toll of an attack the article reports, not another attack."""
    head = mention.head
    if mention.type != "ASSAULT" or head.lemma_.lower() not in _CASUALTY_VERBS:
        return False
    return head.tag_ == "VBN" or any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)


def _record(ctx: EventContext, sent: SpacySpan, mention: Mention, book: ActorBook) -> dict[str, Any] | None:
    actor_tokens, recipient_tokens = arguments(mention)
    participants = _participants(mention, actor_tokens, recipient_tokens)
    actors = actor_ids(actor_tokens, book)
    recipients = [r for r in actor_ids(recipient_tokens, book) if r not in actors]
    if (
        mention.type in _VERBAL_NEEDS_ACTOR
        and not actors
        and not passive(mention)
        and not _agentive(mention)
        and ta.took_effect(mention.head) is None  # "a ceasefire came into force": the accord acts
    ):
        return None  # a statement, meeting or protest needs someone doing it ("tensions threatened")
    if mention.type == "ASSAULT" and not actors and weapon_subject(mention):
        actors = [book.unidentified().id]
    if actors:
        book.recent = next((a for a in book.actors if a.id == actors[0]), book.recent)
    if mention.type == "PROTEST" and mention.head.lemma_.lower() == "protest" and mention.head.pos_ == "VERB":
        sectors = {a.sector for a in book.actors if a.id in actors} | {
            "GOV" for a in book.actors if a.id in actors and a.kind == "country"
        }
        if sectors & {"GOV", "IGO", "NGO", "MED"}:
            mention.type, mention.mode = "ACCUSE", "disapprove"  # a diplomatic or organised protest
    attrs = _describe(ctx, mention.head)
    modes, cues = _modes(mention)
    sentence: Span = (sent.start_char, sent.end_char)
    trigger = mention.span
    evidence = sorted({sentence, *[tuple(e) for e in attrs.evidence]})  # type: ignore[misc]
    location = _location(ctx.doc, sentence, trigger, ctx.places)
    return {
        "id": "",
        "type": mention.type,
        "modes": modes,
        "contexts": _contexts(sent, mention),
        "acled": None,
        "actors": actors,
        "recipients": recipients,
        "location": location,
        "date": attrs.date,
        "date_precision": attrs.date_precision,
        "date_source": attrs.date_source,
        "status": attrs.status,
        "aux": attrs.aux,
        "certainty": attrs.certainty,
        "size": dict(attrs.size),
        "claimed_by": attrs.claimed_by,
        "sources": list(attrs.sources),
        "evidence": [list(span) for span in evidence],
        "confidence": _confidence(mention, actors, recipients),
        "trigger": list(trigger),
        "_cues": sorted(cues),
        "_sentences": [list(sentence)],
        "_anchored": bool(actors or recipients or participants or location or attrs.date_level in _OWN_DATE),
        "_date_level": attrs.date_level,
    }


def _agentive(mention: Mention) -> bool:
    """Whether someone does the act though no actor was resolved: a subject that names people, a
    group or a place ("Yoruba leaders announced…"), not an abstraction ("tensions threatened…")."""
    verb = mention.head
    for _ in range(4):  # a noun's doer is the subject of the verb it depends on ("met for talks")
        if verb.pos_ == "VERB" or verb.head is verb:
            break
        verb = verb.head
    for _ in range(3):
        if any(_agent_like(subj) for subj in verb.children if subj.dep_ == "nsubj"):
            return True
        if verb.dep_ not in ("xcomp", "conj") or verb.head is verb:
            break
        verb = verb.head
    return False


def _agent_like(token: Token) -> bool:
    """A noun phrase head naming people, a group, a body or a place (or a personal pronoun)."""
    if token.ent_type_ in _AGENT_ENTS or token.pos_ == "PROPN" or token.lower_ in _AGENT_PRONOUNS:
        return True
    lemma = token.lemma_.lower()
    if lemma in PEOPLE or lemma in GROUPS or lemma in _AGENT_NOUNS or token.lower_ in TITLES:
        return True
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss")]
    return any(c.ent_type_ in _AGENT_ENTS for c in modifiers)


def _participants(mention: Mention, actor_tokens: list[Token], recipient_tokens: list[Token]) -> bool:
    """Unresolved participants that anchor a mention: people or groups, or for material acts any
    physical target or weapon ("fighter jets bombed targets")."""
    tokens = [*actor_tokens, *recipient_tokens]
    if any(_agent_like(t) for t in tokens):
        return True
    return mention.type in _MATERIAL and any(t.pos_ in ("NOUN", "PROPN") for t in tokens)


def _describe(ctx: EventContext, trigger: Token) -> Attributes:
    """The attribute rules' verdict on the mention."""
    from tidings.events.attributes import describe

    return describe(ctx, trigger)


def _location(doc: Doc, sentence: Span, trigger: Span, places: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Adapter over :func:`tidings.geo.location.event_location` (its signature changes touch only
    this function): the record's ``location`` shape, or ``None``."""
    from tidings.geo.location import event_location

    # only the sentence's places can be the event's (event_location's own rule): passing just those
    # keeps its per-place work proportional to the sentence, not to the article
    resolved = [
        p
        for p in places
        if p.get("geonameid") is not None and sentence[0] <= int(p.get("start", -1)) < sentence[1]
    ]
    if not resolved:
        return None
    takes_doc = event_location.__code__.co_varnames[0] == "source"  # newer: the parse, not the text
    found = event_location(doc if takes_doc else doc_text(doc), sentence, trigger, resolved)
    if not found:
        return None
    place = found.get("place", found)
    return {
        "geonameid": place.get("geonameid"),
        "name": place.get("name"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "country": place.get("country"),
        "admin1": place.get("admin1"),
        "precision": place.get("precision"),
        "start": place.get("start"),
        "end": place.get("end"),
    }


def _scope(mention: Mention) -> list[Token]:
    """Tokens whose words qualify the event: the trigger's phrase or clause (bounded)."""
    head = mention.head
    tokens: list[Token] = []
    for token in head.subtree:
        if len(tokens) >= _CUE_WINDOW:
            break
        if token.dep_ in ("relcl",) and token.i != head.i:
            continue
        tokens.append(token)
    for token in mention.tokens:
        tokens.extend(list(token.subtree)[:_CUE_WINDOW])
    if head.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and head.head.pos_ == "VERB":
        tokens.extend(
            c for c in head.head.children if c.dep_ in ("nsubj", "agent", "prep") for c in c.subtree
        )
    return tokens[: 3 * _CUE_WINDOW]


def _modes(mention: Mention) -> tuple[list[str], set[str]]:
    """PLOVER modes of the mention and the cue lemmas (weapons, trigger words) ACLED reads."""
    modes: list[str] = [mention.mode] if mention.mode else []
    cues = {t.lemma_.lower() for t in mention.tokens}
    if mention.type == "AGREE" and (accord := ta.took_effect(mention.head)) is not None:
        cues |= {t.lemma_.lower() for t in (accord, *accord.children) if t.dep_ in ("compound", "nsubj")}
    if mention.type == "ASSAULT":
        for token in _scope(mention):
            lemma = token.lemma_.lower()
            mode = lx.WEAPONS.get(lemma) or lx.WEAPONS.get(token.text.lower())
            if lemma == "cannon" and any(c.lemma_.lower() == "water" for c in token.children):
                mode = "crowd-control"
            if lemma in ("air",) and token.head.lemma_.lower() in ("strike", "raid", "attack"):
                mode = "aerial"
            if lemma == "tear" and token.head.lemma_.lower() != "gas":
                mode = None
            if mode and mode not in modes:
                modes.append(mode)
                cues.add(lemma)
            elif lemma in ("grenade",):
                cues.add(lemma)
        if "explosives" in modes and "suicide-attack" in modes:
            modes.remove("explosives")
        if rf.ousted_forces(mention.head) is not None:  # armed units driven out of a place: territory
            cues |= {"retake", "take"}
    elif mention.type == "PROTEST":
        for token in _scope(mention):
            mode = lx.PROTEST_MODES.get(token.lemma_.lower())
            if mode and mode != "strike" and mode not in modes:
                modes.append(mode)
    for inner in mention.content:
        cues |= {t.lemma_.lower() for t in inner.tokens}
    for token in mention.tokens:
        for child in token.children:
            cues.add(child.lemma_.lower())
    return modes, cues


def _contexts(sent: SpacySpan, mention: Mention) -> list[str]:
    """PLOVER contexts named by topic words of the sentence."""
    found: list[str] = []
    lower = sent.text.lower()
    if "human rights" in lower:
        found.append("human_rights")
    for token in sent[:200]:
        context = lx.CONTEXTS.get(token.lemma_.lower()) or lx.CONTEXTS.get(token.text.lower())
        if context and context not in found:
            found.append(context)
    if mention.type == "COERCE" and mention.mode == "cyber" and "cyber" not in found:
        found.append("cyber")
    return found


def _confidence(mention: Mention, actors: list[str], recipients: list[str]) -> float:
    score = 0.5 + (0.2 if actors else 0.0) + (0.1 if recipients else 0.0)
    score += 0.1 if mention.head.pos_ == "VERB" else 0.0
    return round(min(score, 0.95), 2)


def _crowd_control(event: dict[str, Any], sectors: dict[str, str | None]) -> bool:
    """Whether ``event`` is tear gas or water cannon used by no named civilians or rebels: in a
    protest's account the authorities' (ACLED: "dispersed with water cannon" is an intervention)."""
    if event["type"] != "ASSAULT" or "crowd-control" not in (event.get("modes") or []):
        return False
    return not any(sectors.get(a) in ("CVL", "REB") for a in event["actors"])


def _acled(
    event: dict[str, Any], events: list[dict[str, Any]], sectors: dict[str, str | None]
) -> dict[str, str] | None:
    intervention = False
    killed = (event.get("size") or {}).get("killed")
    if event["type"] == "PROTEST":
        sentences = {tuple(s) for s in event.get("_sentences", [])}
        for other in events:
            if other is event or other["type"] not in ("COERCE", "ASSAULT"):
                continue
            if sentences & {tuple(s) for s in other.get("_sentences", [])} and (
                any(sectors.get(a) in ("POL", "MIL", "GOV") for a in other["actors"])
                or _crowd_control(other, sectors)
            ):
                intervention = True
                killed = killed or (other.get("size") or {}).get("killed")
    return project(
        event["type"],
        event["modes"],
        [sectors.get(a) for a in event["actors"]],
        [sectors.get(r) for r in event["recipients"]],
        killed=killed,
        status=event.get("status") or "completed",
        cues=event.get("_cues", []),
        intervention=intervention,
    )
