"""How a place mention is tied to an event's trigger in the dependency parse.

:func:`relation` walks the tree from the place's head token up to the lowest common ancestor with
the trigger and reports what the walk crossed:

- the *role* of the place: ``site`` (the object of a locative preposition, "in/at X", possibly
  through nested nouns: "at a station in X"), ``near`` (a reference point: "near X", "40 km from
  X", "north of X"), ``patient`` (what the event acted on: "captured X", "X was shelled"),
  ``modifier`` (a name qualifying a noun of those slots: "the X offices", "X's Old City"),
  ``located`` (where the subject or agent was: "troops in X captured …", "shot by gunmen in X"),
  ``described`` (the event is told in a relative clause about the place: "X, where troops
  fired"), ``origin`` ("from X"), ``actor`` (the subject or agent, or a word qualifying people:
  "Iraqi police", "US soldiers", "X officials said"), ``other`` (a target or topic: "protest
  against X");
- the *clause* distance: ``0`` the trigger's clause, ``1`` a clause telling the same scene (a
  participle, a coordinated verb, "when/while/as …"), ``2`` a relative or reported clause, ``3``
  another sentence;
- the number of nouns crossed (*depth*), the token distance, whether a direction or distance word
  qualifies the place ("northern X", "the outskirts of X": ACLED precision 2), and the penalty of
  a target or topic preposition higher on the path ("protesting against the operation in X").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Prepositions introducing where something happened.
LOCATIVE_PREPS = frozenset(
    {
        "in", "at", "inside", "within", "on", "across", "throughout", "into", "onto", "through",
        "along", "over", "to", "upon", "amid", "amidst", "among", "between", "beside", "behind",
        "beyond", "under", "past", "of", "around",
    }
)  # fmt: skip
#: Prepositions introducing a reference point near which something happened.
NEAR_PREPS = frozenset({"near", "outside", "off", "toward", "towards", "nearby", "close"})
#: Prepositions naming the ends of a stretch the event happened on ("between X and Y").
_ENDPOINT_PREPS = frozenset({"between"})
_ENDPOINT_COST = 0.3
#: A destination: the place a march or convoy was heading to is not where it was stopped.
_HEADING_PREPS = frozenset({"toward", "towards"})
_MOVING = frozenset({"march", "walk", "head", "drive", "travel", "proceed", "trek", "move"})
#: People named by where they live: "residents of X" act in X, unlike "a driver from X".
_RESIDENTS = frozenset({"residents", "inhabitants", "villagers", "townspeople", "dwellers"})
#: Prepositions of time: their object is another event, often at the same place.
TEMPORAL_PREPS = frozenset({"after", "before", "since", "following", "until", "ahead"})
#: Prepositions whose object is a target, a topic or a companion, not the event's place.
OTHER_PREPS = frozenset(
    {
        "against", "for", "about", "with", "despite", "like", "than", "including", "per",
        "regarding", "concerning", "without", "via", "as", "because", "due", "unlike", "besides",
        "according",
    }
)  # fmt: skip
#: Heads of "of/from X" that make X a reference point: "north of X", "40 km from X".
_REFERENCE_HEADS = frozenset(
    {
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "miles", "kilometers", "kilometres", "km", "kms", "meters", "metres", "mile", "kilometer",
        "kilometre", "far", "away", "short", "yards",
    }
)  # fmt: skip
#: Words for a part of a place or its surroundings (ACLED precision 2, not the town itself).
_PART_WORDS = frozenset(
    {
        "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
        "southwestern", "central", "outskirts", "outskirt", "suburbs", "suburb", "countryside", "north",
        "south", "east", "west", "edge", "vicinity", "environs", "periphery",
    }
)  # fmt: skip
#: Nouns for people, groups and their equipment: a place qualifying one names whose they are
#: ("US soldiers", "Iraqi police", "a Canadian convoy"), not where the event happened.
PEOPLE_NOUNS = frozenset(
    {
        "soldier", "soldiers", "troops", "troop", "forces", "force", "army", "police", "policeman",
        "policemen", "officer", "officers", "official", "officials", "minister", "ministry",
        "government", "president", "leader", "leaders", "spokesman", "spokeswoman", "adviser",
        "advisor", "advisers", "advisors", "embassy", "ambassador", "envoy", "authorities",
        "diplomat", "diplomats", "delegation", "military", "navy", "jets", "jet", "warplanes",
        "aircraft", "planes", "helicopters", "drones", "convoy", "patrol", "militants", "militant",
        "fighters", "rebels", "rebel", "insurgents", "gunmen", "citizen", "citizens", "national",
        "nationals", "people", "civilians", "man", "men", "woman", "women", "residents", "worker",
        "workers", "journalist", "journalists", "reporter", "commander", "commanders", "general",
        "prime", "foreign", "defense", "defence", "interior", "media", "agency", "television",
        "newspaper", "radio", "coalition", "guard", "guards", "protesters", "demonstrators",
        "students", "refugees", "pilgrims", "tourists", "hostages", "prisoners", "peacekeepers",
        "contractor", "contractors", "engineers", "team", "crew", "company", "firm", "chief", "head",
        "counterpart", "counterparts", "parliament", "lawmakers", "cabinet", "administration",
        "sailors", "marines", "pilots", "bodyguard", "agents", "spies", "squad", "unit", "units",
        "governor", "governors", "mayor", "mayors", "emir", "chairman", "director", "bishop",
    }
)  # fmt: skip
#: Nouns for events: a place qualifying one says where it happened ("the Helmand battle").
EVENT_NOUNS = frozenset(
    {
        "battle", "battles", "clash", "clashes", "fighting", "attack", "attacks", "operation",
        "operations", "campaign", "offensive", "bombing", "bombings", "raid", "raids", "siege",
        "assault", "shelling", "violence", "unrest", "riots", "protest", "protests", "war", "conflict",
        "uprising", "massacre", "blast", "explosion", "ambush", "fight", "incursion", "invasion",
    }
)  # fmt: skip
#: Nouns for places and sites: a name qualifying one names the place itself ("X district",
#: "the X crossing"), so it takes the noun's role.
PLACE_NOUNS = frozenset(
    {
        "district", "districts", "area", "areas", "neighborhood", "neighbourhood", "village", "villages",
        "town", "towns", "city", "cities", "province", "provinces", "region", "camp", "county", "state",
        "governorate", "suburb", "suburbs", "quarter", "square", "street", "streets", "road", "highway",
        "crossing", "border", "checkpoint", "airport", "base", "stadium", "school", "hospital", "mosque",
        "market", "bridge", "port", "valley", "mountains", "desert", "coast", "island", "countryside",
        "outskirts", "capital", "municipality", "territory", "zone", "compound", "prison", "station",
        "junction", "plant", "refinery", "hotel", "university", "palace", "embassy", "consulate",
        "office", "offices", "building", "headquarters", "front", "frontier", "enclave", "strip",
        "peninsula", "sector", "section", "settlement", "settlements", "outpost", "post", "gate",
        "center", "centre", "home", "house", "residence", "church", "temple", "shrine", "field",
        "fields", "oilfield", "installations", "facility", "complex", "mall", "avenue", "boulevard",
        "river", "lake", "sea", "gulf", "bay", "province's", "east", "west", "north", "south",
    }
)  # fmt: skip
#: Facilities a country owns abroad: "the US base", "the French embassy" say whose, not where.
_FACILITY_NOUNS = frozenset(
    {"base", "bases", "embassy", "consulate", "mission", "compound", "warship", "ship", "vessel", "prison"}
)
_SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
_PATIENT_DEPS = frozenset({"dobj", "attr", "oprd", "dative", "obj"})
_SCENE_DEPS = frozenset({"advcl", "xcomp", "acl", "conj", "pcomp", "prep", "pobj"})


@dataclass(slots=True, frozen=True)
class Relation:
    """How one place mention relates to the trigger (see the module docstring)."""

    role: str
    clause: int
    depth: int
    distance: int
    part: bool
    detour: float = 0.0
    qualifier: bool = False  # the name qualifies a noun that is not a place ("US airstrike")
    noun: str = ""  # the place noun the name stands for ("province" in "X province"), lowercased


def relation(trigger: Token, place: Token) -> Relation:
    """The relation of the place whose head token is ``place`` to the event ``trigger``."""
    distance = abs(place.i - trigger.i)
    if place.sent.start != trigger.sent.start:
        return Relation("other", 3, 0, distance, False)
    up = _ancestors(place)
    down = _ancestors(trigger)
    down_index = {t.i: n for n, t in enumerate(down)}
    lca_at = next((n for n, t in enumerate(up) if t.i in down_index), len(up) - 1)
    lca = up[lca_at]
    path_up = up[:lca_at]  # from the place's head up to (not including) the common ancestor
    path_down = down[: down_index.get(lca.i, 0)]  # from the trigger up to (not including) it
    if not path_up:  # the trigger's clause hangs below the place ("X, where troops fired")
        described = any(t.dep_ in ("relcl", "acl") for t in path_down)
        return Relation("described" if described else "other", 0 if described else 2, 1, distance, False)
    clause = max(_clause_cost(path_down), _crossing(path_up))
    role, part, detour = _role(path_up, lca, trigger)
    depth = sum(
        1
        for t in path_up[1:]
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("pobj", "dobj") and t.lower_ not in PLACE_NOUNS
    )
    qualifier = (
        place.dep_ in ("compound", "amod", "nmod")
        and not _place_noun(place.head)
        and place.head.i != trigger.i
    )
    noun = place
    while noun.dep_ in ("compound", "amod", "nmod") and _place_noun(noun.head) and noun.head.i != noun.i:
        noun = noun.head  # "X province", "the X district" (not "the countryside of X")
    written = noun.lower_
    return Relation(role, clause, depth, distance, part, detour, qualifier, written)


def anchor(token: Token) -> Token:
    """The noun a place name stands for: "X" in "the X district", "the X crossing point" or "the
    town of X" names the whole phrase."""
    for _ in range(8):
        head = token.head
        if token.dep_ in ("compound", "amod", "nmod") and _place_noun(head) and head.i != token.i:
            token = head
        elif token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS:
            token = head.head
        else:
            break
    return token


def _person(token: Token) -> bool:
    return token.ent_type_ in ("PERSON", "ORG") or token.lower_ in PEOPLE_NOUNS


def _place_noun(token: Token) -> bool:
    return token.lower_ in PLACE_NOUNS or (token.pos_ == "PROPN" and token.dep_ != "compound")


def _ancestors(token: Token) -> list[Token]:
    out = [token]
    while out[-1].head.i != out[-1].i and len(out) < 200:
        out.append(out[-1].head)
    return out


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def _own_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _clause_cost(path_down: list[Token]) -> int:
    """How far the trigger's clause is from the common ancestor (walking up from the trigger)."""
    cost = 0
    for token in path_down:
        if not _is_verb(token) and token.dep_ not in ("relcl", "ccomp", "parataxis"):
            continue
        if token.dep_ in ("relcl", "ccomp", "parataxis", "csubj") or _own_event(token):
            cost = max(cost, 2)
        elif token.dep_ in _SCENE_DEPS:
            cost = max(cost, 1)  # "shot and killed X in Y", "killed when a bomb hit Y"
    return cost


def _own_event(token: Token) -> bool:
    """A coordinated verb with its own subject and tense tells another event ("jets bombed A and
    the army shelled B"); an elliptical one shares the scene ("two were killed and five wounded")."""
    return token.dep_ == "conj" and token.tag_ in ("VBD", "VBZ", "VBP") and _own_subject(token)


def _crossing(path_up: list[Token]) -> int:
    """The clause boundaries crossed going up from the place to the common ancestor."""
    cost = 0
    for token in path_up[1:]:
        if not _is_verb(token):
            continue
        if token.dep_ in ("ccomp", "parataxis", "csubj", "ROOT", "relcl") or _own_event(token):
            cost = max(cost, 2)
        elif _earlier_or_later(token):
            cost = max(cost, 2)  # "killed days after rebels seized X": another event, another time
        else:  # "hiding in a hole in X", "a shop they ran in X": the same scene
            cost = max(cost, 1)
    return cost


#: Subordinators of a clause that tells another event at another time ("after rebels seized X");
#: "when", "while" and "as" tell the same scene ("killed when militants hit X").
_OTHER_TIME_MARKS = frozenset({"after", "before", "since", "until", "till", "once"})


def _earlier_or_later(token: Token) -> bool:
    """An adverbial clause introduced by "after/before/since/until …"."""
    return token.dep_ == "advcl" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _OTHER_TIME_MARKS for c in token.children
    )


def _role(path_up: list[Token], lca: Token, trigger: Token) -> tuple[str, bool, float]:
    """The role of the place, a part-of-place flag and a detour penalty, from the arcs on its way
    up to the common ancestor with the trigger."""
    place = path_up[0]
    top = path_up[-1]
    preps = [
        t for t in path_up[1:] if t.dep_ in ("prep", "agent") or (t.dep_ == "conj" and t.head.dep_ == "prep")
    ]
    if top.dep_ in ("prep", "agent") and top not in preps:
        preps.append(top)
    # "by" is the agent only on the event's own verb ("shot by gunmen"), not inside a noun
    # ("an airstrike by the coalition in X")
    words = [("by" if p.dep_ == "agent" else p.lower_) for p in preps]
    part = _part(path_up)
    # a target or topic preposition higher on the path: on the event itself ("protesting against the
    # operation in X") it rules the place out; inside another noun ("clashes with forces in X") less so
    detour = sum(
        _detour(p, lca, trigger) for p, w in zip(preps[1:], words[1:], strict=True) if w in OTHER_PREPS
    ) - 0.5 * sum(1 for w in words[1:] if w in TEMPORAL_PREPS)
    if "according" in words:
        detour -= 3.0  # "according to sources in X"
    # "a US-run prison", "a Baghdad-based group": whose it is, or where it comes from
    if (
        place.dep_ in ("npadvmod", "compound", "nmod", "amod")
        and place.head.tag_ == "VBN"
        and place.head.dep_ in ("amod", "compound", "nmod")
        and place.i < place.head.i
    ):
        return "people", part, detour
    # a place qualifying a noun for people or their equipment: "US soldiers", "Iraqi police"
    owned = place.head.lower_ in PEOPLE_NOUNS or place.head.lower_ in _FACILITY_NOUNS  # "a US base"
    if place.dep_ in ("compound", "amod", "nmod", "poss") and owned:
        return "people", part, detour  # whose people: a country's are actors, a city's are there
    subject_side = top.dep_ in _SUBJECT_DEPS or top.dep_ == "agent"
    if not preps:
        # inside a clause of the same scene ("killed when militants hit X"), the place's role is the
        # one it has in that clause: the object of "hit" is the place acted on
        top = _clause_argument(path_up)
        subject_side = top.dep_ in _SUBJECT_DEPS
    if not preps or words == ["by"]:
        if subject_side or words == ["by"]:
            return "actor", part, detour  # "Eritrea captured …", "shot by Israeli troops"
        if top.dep_ == "nsubjpass" or top.dep_ in _PATIENT_DEPS:
            own = (
                place.i == top.i
                or anchor(place).i == top.i
                or place.dep_ in ("appos", "conj")
                or (anchor(place).dep_ == "conj" and anchor(place).head.i == top.i)  # "A and B villages"
            )
            if own:
                return "patient", part, detour
            # "Jerusalem's streets", "a Baghdad restaurant" name a site; "Atlanta pitcher X" a person
            chain = path_up[1:]
            return ("other" if any(_person(t) for t in chain) else "modifier"), part, detour
        if top.dep_ in ("npadvmod", "advmod"):
            return "site", part, detour
        if (
            top.dep_ in ("compound", "amod", "nmod", "poss")
            and lca.i == trigger.i
            and trigger.pos_ in ("NOUN", "PROPN")
        ):
            return "site", part, detour  # "the Mosul attack": a nominal trigger qualified by the place
        return "other", part, detour
    nearest = words[0]
    if nearest in OTHER_PREPS:
        return "other", part, detour
    if nearest == "by" and len(words) == 1:
        return "actor", part, detour
    reference = (
        nearest in ("of", "from")
        and preps[0].head.lower_ in _REFERENCE_HEADS
        and preps[0].head.dep_ != "pobj"
    )
    if nearest in _HEADING_PREPS and preps[0].head.lemma_ in _MOVING:
        role = "origin"  # "farmers marching towards Delhi": where they were going, not where they were
    elif nearest == "of" and preps[0].head.lower_ in _RESIDENTS:
        role = "located"  # "residents of X held a demonstration": the people of X, in X
    elif nearest == "from" or any(p.lower_ in ("of", "from") and _person(p.head) for p in preps):
        role = "origin"  # "a driver from X", "Dashinski, of Belarus,", "X, 28, of a village near Y"
    elif reference:
        role = "reference"
    elif nearest in NEAR_PREPS:
        role = "near"
    elif nearest in _ENDPOINT_PREPS:
        # "between X and Y": the ends of a road, reference points weaker than "outside Y"
        role, detour = "near", detour - _ENDPOINT_COST
    elif place.dep_ in ("poss", "compound", "amod", "nmod") and not _place_noun(place.head):
        role = "modifier"
    else:
        role = "site"
    if role == "modifier" and place.head.lower_ in EVENT_NOUNS:
        if nearest in TEMPORAL_PREPS:
            return "other", part, detour  # "hours before the Baghdad bombings": another event
        role = "site"  # "the Helmand battle", "the Mosul operation": an event in X
    if role in ("site", "near", "modifier") and (subject_side or "by" in words):
        agents = [p for p, w in zip(preps, words, strict=True) if w == "by"]
        thing = bool(agents) and not subject_side and not any(_person(c) for a in agents for c in a.children)
        if not thing:
            role = "located"  # "troops in X patrolled", "shot by gunmen in X" (but "killed by a mine in X")
    return role, part or role in ("near", "reference"), detour


#: Clause verbs telling the trigger's scene, whose own arguments keep their roles ("when X was hit").
_SCENE_CLAUSES = frozenset({"advcl"})


def _clause_argument(path_up: list[Token]) -> Token:
    """The token of the path that hangs on the first scene clause verb above the place (the
    path's top when there is none)."""
    for k, token in enumerate(path_up[1:], start=1):
        if _is_verb(token):
            scene = token.dep_ in _SCENE_CLAUSES and not _earlier_or_later(token) and not _purpose(token)
            return path_up[k - 1] if scene else path_up[-1]
    return path_up[-1]


def _purpose(verb: Token) -> bool:
    """An infinitive clause ("to win the X Open", "to kill soldiers in X"): an aim, not the scene."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _detour(prep: Token, lca: Token, trigger: Token) -> float:
    """The penalty of a target or topic preposition above the place: on the event itself
    ("protesting against the operation in X") the place is rather that object's; inside another
    noun ("clashes with forces in X") it hardly matters, nor does an instrument or companion of the
    event itself ("shot with a gun … in X")."""
    if prep.lower_ == "with":
        return -0.5
    return -2.0 if prep.head.i in (lca.i, trigger.i) else -0.5


def _part(path_up: list[Token]) -> bool:
    """A direction or part word on the way: "northern X", "the outskirts of X", "north of X"."""
    for token in path_up:
        if token.lower_ in _PART_WORDS or token.lower_ in _REFERENCE_HEADS:
            return True
        if any(child.lower_ in _PART_WORDS and child.i < token.i for child in token.children):
            return True
    return False
