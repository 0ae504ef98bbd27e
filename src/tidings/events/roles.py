"""Who did what to whom: the actor and recipient arguments of an event mention as actor ids.

The actor is the subject (or the passive's "by" agent, a noun trigger's possessor or nationality
adjective, "Israeli air raids"); recipients are the object, the passive subject, "on/against/to X",
and the possessor of a possessed object ("attacked his residence" → the resident). Subjects of
control verbs are inherited ("Iran threatened to shell…" → Iran shells). Each argument is mapped to
an actor of the analysis; a named or nominal participant with no actor becomes a new one, and an
assault with no perpetrator an unidentified actor (PLOVER's UNK).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events import lexicon as lx
from tidings.models import Actor, Span
from tidings.nlp.actors import actor_at, resolve_pronoun
from tidings.nlp.countries import country_code
from tidings.nlp.model import doc_text
from tidings.nlp.roles import GROUPS, TITLES, org_sector
from tidings.text import dateline_end

if TYPE_CHECKING:
    from spacy.tokens import Token

    from tidings.events.triggers import Mention

UNIDENTIFIED = "unidentified attackers"
_PEOPLE: dict[str, str] = {
    "people": "CVL", "person": "CVL", "civilian": "CVL", "worker": "CVL", "student": "CVL",
    "refugee": "CVL", "prisoner": "CVL", "detainee": "CVL", "youth": "CVL", "villager": "CVL",
    "immigrant": "CVL", "migrant": "CVL", "national": "CVL", "resident": "CVL", "citizen": "CVL",
    "activist": "CVL", "protester": "CVL", "demonstrator": "CVL", "supporter": "CVL", "farmer": "CVL",
    "landowner": "CVL", "family": "CVL", "child": "CVL", "woman": "CVL", "man": "CVL", "hostage": "CVL",
    "inhabitant": "CVL", "worshipper": "CVL", "pilgrim": "CVL", "teacher": "CVL", "doctor": "CVL",
    "leader": None, "member": None, "group": None, "official": "GOV", "minister": "GOV",
    "government": "GOV", "authority": "GOV", "administration": "GOV", "diplomat": "GOV",
    "delegation": "GOV", "court": "GOV", "parliament": "GOV", "cabinet": "GOV", "ministry": "GOV",
    "president": "GOV", "chief": "GOV", "envoy": "GOV", "mediator": "GOV", "negotiator": "GOV",
    "soldier": "MIL", "troop": "MIL", "force": "MIL", "army": "MIL", "military": "MIL",
    "serviceman": "MIL", "officer": "MIL", "commander": "MIL", "peacekeeper": "MIL", "navy": "MIL",
    "police": "POL", "policeman": "POL", "rebel": "REB", "guerrilla": "REB", "guerilla": "REB",
    "militant": "REB", "insurgent": "REB", "militia": "REB", "fighter": "REB", "gunman": "REB",
    "separatist": "REB", "hostage-taker": "REB", "bomber": "REB", "extremist": "REB",
    "fundamentalist": "CVL", "party": "PTY", "opposition": "PTY", "journalist": "MED",
    "newspaper": "MED", "reporter": "MED", "union": "CVL", "agency": None, "organization": None,
    "organisation": None, "council": "GOV", "team": None, "coalition": None, "alliance": None,
}  # fmt: skip
#: Nouns naming people or bodies that can act (read-only view for the detector).
PEOPLE = frozenset(_PEOPLE)
_WEAPON_SUBJECTS = frozenset(
    {"drone", "bomb", "ied", "device", "explosion", "blast", "missile", "rocket", "mine", "shell",
     "grenade", "mortar", "car", "attack", "strike", "fire", "gunfire", "bullet", "airstrike", "raid"}
)  # fmt: skip
_RECIPIENT_PREPS = frozenset(
    {"on", "against", "to", "at", "with", "from", "into", "for", "toward", "towards", "upon"}
)
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_PLACE_RECIPIENT = frozenset({"COERCE", "CONCEDE", "ASSAULT", "THREATEN", "AID", "CONSULT", "SANCTION"})
#: Verbs of giving and moving: their object is what is given, the recipient follows "to"/"for".
_THEME_VERBS = frozenset(
    {"offer", "give", "send", "provide", "grant", "supply", "deliver", "contribute", "lend", "donate",
     "withdraw", "pull", "return", "pay", "extend", "ship", "sell", "hand", "transfer", "move", "deploy"}
)  # fmt: skip
_BODIES = frozenset(
    {"command", "leadership", "headquarters", "wing", "unit", "chief", "spokesman", "council", "body",
     "committee", "faction", "branch", "office", "camp", "side"}
)  # fmt: skip
_UNDERGO = frozenset({"survive", "suffer", "escape", "endure", "sustain", "undergo", "face", "witness"})
_COLLECTIVE = frozenset({"group", "government", "party", "team", "delegation", "coalition", "alliance"})
_STATIVE_PASSIVE = frozenset({"camp", "encamp", "gather", "assemble", "station", "deploy", "mass", "oppose"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "it", "its"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})


class ActorBook:
    """The analysis' actors plus those the event stage creates (ids continue the sequence)."""

    def __init__(self, actors: list[Actor], places: list[dict]) -> None:  # type: ignore[type-arg]
        self.actors = list(actors)
        self.created: list[Actor] = []
        self.places = places
        self._next = 1 + max((_number(a.id) for a in actors), default=0)
        self.recent: Actor | None = None  # the last event's actor, for "they" in a later sentence

    def new(self, name: str, span: Span | None, country: str | None, sector: str | None, kind: str) -> Actor:
        """A new actor (kept for the analysis' actor list)."""
        for actor in self.created:
            if actor.name.lower() == name.lower() and actor.country == country:
                if span is not None and span not in actor.mentions:
                    actor.mentions.append(span)
                return actor
        actor = Actor(f"a{self._next}", name, [span] if span else [], country, sector, None, kind)
        self._next += 1
        self.actors.append(actor)
        self.created.append(actor)
        return actor

    def unidentified(self) -> Actor:
        """PLOVER's unidentified actor, one per article."""
        for actor in self.created:
            if actor.sector == "UNK" and actor.name == UNIDENTIFIED:
                return actor
        return self.new(UNIDENTIFIED, None, None, "UNK", "group")

    def place_country(self, span: Span) -> str | None:
        """Country of a resolved place at ``span`` (a country or city named as participant)."""
        for place in self.places:
            if (
                place.get("country")
                and int(place.get("start", -1)) < span[1]
                and span[0] < int(place.get("end", -1))
            ):
                return str(place["country"])
        return None


def _number(actor_id: str) -> int:
    digits = actor_id[1:]
    return int(digits) if digits.isdigit() else 0


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


# -- arguments ------------------------------------------------------------------------------------------


def arguments(mention: Mention) -> tuple[list[Token], list[Token]]:
    """Tokens heading the actor and recipient arguments of ``mention``."""
    head = mention.head
    actors: list[Token] = []
    recipients: list[Token] = []
    if head.pos_ in ("NOUN", "PROPN"):
        _noun_arguments(head, actors, recipients)
        phrase = head
        while phrase.dep_ == "compound" and phrase.head.i != phrase.i:
            phrase = phrase.head  # "mediation mission": the phrase's head takes the verb's arguments
        verb = phrase.head
        if not actors and phrase.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB":
            if _lemma(verb) in _UNDERGO:
                recipients.extend(_subjects(verb))  # "survived an assassination attempt"
            elif _lemma(verb) in lx.LIGHT or _lemma(verb) in lx.TRANSPARENT:
                actors.extend(_subjects(verb))  # "launched an attack", "undertook a mediation"
    elif mention.reporter is not None:
        reporter = mention.reporter
        if reporter.pos_ in ("NOUN", "PROPN") and reporter.head.pos_ == "VERB":
            reporter = reporter.head  # "issued a reminder that…": the one who issued it
        actors.extend(_subjects(reporter))
        recipients.extend(_subjects(head) or _objects(head, mention))
    else:
        actors.extend(_subjects(head))
        recipients.extend(_objects(head, mention))
        if mention.type in lx.VERBAL:
            for clause in _children(head, "ccomp"):
                recipients.extend(_children(clause, "nsubj", "nsubjpass"))  # "demanded that X…"
    for inner in mention.content:
        _content_recipients(inner, actors, recipients)
    if not recipients and mention.type in _PLACE_RECIPIENT:
        recipients.extend(_locative_places(head))
    actors = _expand(actors)
    recipients = [r for r in _expand(recipients) if all(r.i != a.i for a in actors)]
    if mention.type == "CONSULT" and mention.mode != "visit":
        actors, recipients = actors + recipients, []  # meetings: every participant is an actor
    return actors, recipients


def _locative_places(head: Token) -> list[Token]:
    """A named place the event is "in"/"into"/"at" (its people are the recipients: "imposed a
    curfew in Abidjan", "arrived in Amman")."""
    out: list[Token] = []
    for token in [head, *_children(head, "dobj")]:
        for prep in _children(token, "prep"):
            if _lemma(prep) in ("in", "into", "at", "inside", "throughout"):
                out.extend(p for p in _children(prep, "pobj") if p.ent_type_ in ("GPE", "LOC"))
    return out[:2]


def _subjects(verb: Token) -> list[Token]:
    """Subject of a verb: its nsubj, a passive's agent, or the subject of the verb it depends on."""
    current = verb
    for _ in range(4):
        subj = _children(current, "nsubj", "csubj")
        if subj:
            return subj
        agent = [p for a in _children(current, "agent") for p in _children(a, "pobj")]
        if agent:
            return agent
        if _children(current, "nsubjpass"):
            if _lemma(current) in _STATIVE_PASSIVE:
                return _children(current, "nsubjpass")
            return []
        if current.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and current.head.i != current.i:
            current = current.head if current.dep_ != "pcomp" else current.head.head
            continue
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            return [current.head]
        return []
    return []


def _objects(verb: Token, mention: Mention) -> list[Token]:
    out: list[Token] = []
    trigger_ids = {t.i for t in mention.tokens}
    theme = _lemma(verb) in _THEME_VERBS
    stative = _lemma(verb) in _STATIVE_PASSIVE
    for child in verb.children:
        if child.dep_ == "dobj" and theme and child.i not in trigger_ids:
            out.extend(_beneficiaries(child))  # "provided $70 million of aid for Romania"
            continue  # "offered its troops to X": the troops are the offer, X the recipient
        if child.dep_ == "nsubjpass" and stative:
            continue  # "Israel is opposed to…": the subject
        if child.dep_ in ("dobj", "dative", "nsubjpass", "attr") and child.i not in trigger_ids:
            out.append(child)
            if not _actor_like(child):  # "break off relations with Congo", "restrictions against X"
                for prep in _children(child, "prep"):
                    if _lemma(prep) in _RECIPIENT_PREPS:
                        out.extend(_children(prep, "pobj"))
        elif child.dep_ in ("dobj",) and child.i in trigger_ids:
            _noun_arguments(child, [], out)
        elif child.dep_ == "prep" and (_lemma(child) in _RECIPIENT_PREPS or child.i in trigger_ids):
            out.extend(_children(child, "pobj"))
        elif child.dep_ == "prt":
            for sibling in _children(verb, "prep"):
                out.extend(_children(sibling, "pobj"))
    return out


def _beneficiaries(theme: Token) -> list[Token]:
    """Who gets what is given when the "to"/"for" phrase hangs on the thing given ("sent troops
    to Liberia", "provided 70 million dollars of aid for Romania"), through at most one "of"."""
    out: list[Token] = []
    nouns = [
        theme,
        *[p for prep in _children(theme, "prep") if _lemma(prep) == "of" for p in _children(prep, "pobj")],
    ]
    for noun in nouns[:3]:
        for prep in _children(noun, "prep"):
            if _lemma(prep) in ("to", "for"):
                out.extend(p for p in _children(prep, "pobj") if _actor_like(p))
    return out


def _actor_like(token: Token) -> bool:
    lemma = _lemma(token)
    return (
        token.ent_type_ in _NAMED
        or token.pos_ == "PRON"
        or lemma in _PEOPLE
        or lemma in GROUPS
        or lemma in TITLES
    )


def _noun_arguments(noun: Token, actors: list[Token], recipients: list[Token]) -> None:
    for child in noun.children:
        nationality = child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE", "ORG")
        if child.dep_ == "poss" or nationality:
            actors.append(child)
        elif child.dep_ == "prep":
            preposition = _lemma(child)
            for pobj in _children(child, "pobj"):
                if preposition == "by":
                    actors.append(pobj)
                elif preposition in _RECIPIENT_PREPS or preposition == "of":
                    recipients.append(pobj)


def _content_recipients(inner: Mention, actors: list[Token], recipients: list[Token]) -> None:
    """The complement's participants: its subject ("demanded that the US match…") or its objects."""
    head = inner.head
    if head.pos_ in ("NOUN", "PROPN"):
        found: list[Token] = []
        _noun_arguments(head, found, recipients)
        recipients.extend(found)
        return
    subjects = _children(head, "nsubj", "nsubjpass")
    if subjects and head.dep_ in ("ccomp", "advcl", "pcomp", "conj"):
        recipients.extend(subjects)
    else:
        recipients.extend(_objects(head, inner))


def _expand(tokens: list[Token]) -> list[Token]:
    """Coordinated arguments ("Congo and Costa Rica") and possessors of non-actor heads."""
    out: list[Token] = []
    seen: set[int] = set()
    for token in tokens:
        for item in [token, *[c for c in token.conjuncts if c.i > token.i][:6]]:
            if item.i not in seen:
                seen.add(item.i)
                out.append(item)
    return out


# -- mapping arguments to actors -------------------------------------------------------------------------


def actor_ids(tokens: list[Token], book: ActorBook) -> list[str]:
    """Actor ids of the argument tokens (in order, without repeats)."""
    ids: list[str] = []
    for token in tokens:
        actor = resolve(token, book)
        if actor is not None and actor.id not in ids:
            ids.append(actor.id)
    return ids


def resolve(token: Token, book: ActorBook) -> Actor | None:
    """The actor an argument refers to: an existing mention, a pronoun's antecedent, a possessor,
    or a new actor for a named or nominal participant."""
    dateline = dateline_end(doc_text(token.doc))
    if token.idx < dateline:
        # "BAGHDAD (Reuters) - Leaders of … rejected": the parser may hang the subject on the
        # dateline's city as an apposition
        after = [c for c in token.children if c.dep_ == "appos" and c.idx >= dateline]
        return resolve(after[0], book) if after else None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return None  # "no group has said it carried out the attack": nobody is named
    span = (token.idx, token.idx + len(token.text))
    actor = actor_at(book.actors, span)
    if actor is not None:
        return actor
    lower = token.text.lower()
    if lower in _PERSON_PRONOUNS or lower in _PLURAL_PRONOUNS:
        speaker = _reporting_subject(token)
        if speaker is not None:
            return resolve(speaker, book)  # "the leaders said they would meet him": the leaders
    if lower in _PERSON_PRONOUNS:
        return resolve_pronoun(book.actors, token.idx)
    if lower in _PLURAL_PRONOUNS:
        sentence_start = token.sent.start_char
        nearest = _last_group(book.actors, token.idx)
        if nearest is not None and any(sentence_start <= s < token.idx for s, _ in nearest.mentions):
            return nearest
        return book.recent or nearest
    phrase = _phrase(token)
    modifiers = [
        sub
        for sub in phrase
        if sub.i != token.i and sub.dep_ in ("compound", "amod", "nmod") and sub.ent_type_ in _NAMED
    ]
    for sub in modifiers:
        inner = actor_at(book.actors, (sub.idx, sub.idx + len(sub.text)))
        if inner is not None:
            return inner
    for child in token.children:
        if child.dep_ == "poss" and _lemma(token) not in _PEOPLE and token.ent_type_ not in _NAMED:
            return resolve(child, book)
        if (
            child.dep_ == "prep"
            and _lemma(child) == "of"
            and _lemma(token) not in _PEOPLE
            and token.ent_type_ not in _NAMED
        ):
            for pobj in _children(child, "pobj"):
                found = resolve(pobj, book)
                if found is not None:
                    return found
    created = _create(token, phrase, book)
    if created is None:
        # "Sudanese army warplanes", "police vehicles": the force that operates them acts
        for sub in phrase:
            if sub.i != token.i and sub.dep_ in ("compound", "amod", "nmod") and _lemma(sub) in _FORCE_WORDS:
                created = _create(sub, [t for t in phrase if t.i <= sub.i], book)
                if created is not None:
                    return created
    if created is None and modifiers and modifiers[0].ent_type_ in ("NORP", "GPE"):
        return _create(modifiers[0], [modifiers[0]], book)  # "Iraqi towns", "German goods"
    return created


#: Modifiers naming the force behind a weapon or vehicle ("army warplanes", "police vans").
_FORCE_WORDS = frozenset({"army", "military", "police", "navy", "militia", "rebel", "junta", "regime"})


def _reporting_subject(pronoun: Token) -> Token | None:
    """The subject of the verb that reports the pronoun's clause, when it agrees in number."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = pronoun.head
    for _ in range(3):
        if verb.dep_ not in ("ccomp", "xcomp", "acomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
        for subj in _children(verb, "nsubj"):
            if subj.pos_ == "PRON":
                return None
            plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "cc" for c in subj.children)
            collective = subj.ent_type_ == "NORP" or _lemma(subj) in _COLLECTIVE
            if pronoun.lower_ in ("they", "them", "their") and not plural and not collective:
                return None
            if pronoun.lower_ in _PERSON_PRONOUNS and subj.ent_type_ not in ("PERSON", ""):
                return None
            return subj
    return None


def _phrase(token: Token) -> list[Token]:
    """The noun phrase of ``token``: its left modifiers (no clauses)."""
    left = [
        t for t in token.lefts if t.dep_ in ("compound", "amod", "nmod", "poss", "det", "nummod", "quantmod")
    ]
    tokens = []
    for mod in left:
        tokens.extend(t for t in mod.subtree if t.i < token.i)
    return sorted({t.i: t for t in [*tokens, token]}.values(), key=lambda t: t.i)


def _create(token: Token, phrase: list[Token], book: ActorBook) -> Actor | None:
    lemma = _lemma(token)
    ent = token.ent_type_
    sector: str | None = None
    kind = "group"
    if ent in ("PERSON",):
        kind = "person"
    elif ent in ("GPE",):
        kind = "country"
        sector = "GOV" if token.dep_ in ("nsubj", "dobj") else "CVL"
    elif ent in ("ORG", "NORP"):
        kind = "organization" if ent == "ORG" else "group"
    elif lemma in _PEOPLE or lemma in GROUPS or token.text.lower() in GROUPS or lemma in TITLES:
        sector = _PEOPLE.get(lemma) or GROUPS.get(token.text.lower()) or GROUPS.get(lemma)
        if sector is None and lemma in TITLES:
            sector = TITLES[lemma][1]
    elif lemma in _BODIES and any(_lemma(w) in _PEOPLE for w in phrase if w.i != token.i):
        # "the rebel command", "army leadership": a body of the group its modifier names
        sector = next(_PEOPLE[_lemma(w)] for w in phrase if w.i != token.i and _lemma(w) in _PEOPLE)
    else:
        return None
    words = [t for t in phrase if t.dep_ not in ("det", "nummod", "quantmod") and t.pos_ != "NUM"]
    if not words:
        words = [token]
    start = words[0].idx
    end = words[-1].idx + len(words[-1].text)
    name = doc_text(token.doc)[start:end].strip()
    if name.lower().endswith(("'s", "’s")):
        name = name[:-2]
    span = (start, end)
    country = None
    for word in phrase:
        if word.ent_type_ in ("NORP", "GPE"):
            country = country_code(word.text) or book.place_country((word.idx, word.idx + len(word.text)))
            if country:
                break
    if ent in ("ORG",):
        sector = org_sector(name) or sector
        if sector == "IGO":
            country = None
    if ent == "NORP" and country is None:
        country = country_code(token.text)
        sector = sector or "CVL"
    if ent == "GPE" and country is None:
        country = country_code(token.text) or book.place_country(span)
    if sector is None and kind == "group":
        sector = org_sector(name) or ("NGO" if "rights" in name.lower() else None)
    return book.new(name, span, country, sector, kind)


def _last_group(actors: list[Actor], position: int) -> Actor | None:
    best: tuple[int, Actor] | None = None
    for actor in actors:
        if actor.kind == "person":
            continue
        for start, _end in actor.mentions:
            if start < position and (best is None or start > best[0]):
                best = (start, actor)
    return best[1] if best else None


def passive(mention: Mention) -> bool:
    """The mention's clause is passive ("has been accused", "put under investigation")."""
    head = mention.head
    verb = head if head.pos_ == "VERB" else head.head if head.dep_ != "pobj" else head.head.head
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def weapon_subject(mention: Mention) -> bool:
    """The subject is a weapon or an attack ("an explosive-laden drone attacked…"), or the clause
    is passive without an agent: the perpetrator is not named."""
    head = mention.head
    if head.pos_ in ("NOUN", "PROPN"):
        return True
    for subj in _children(head, "nsubj"):
        if _lemma(subj) in _WEAPON_SUBJECTS:
            return True
    return bool(_children(head, "nsubjpass")) and not _children(head, "agent")
