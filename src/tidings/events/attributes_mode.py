"""Status, certainty, negation, hypothetical and future mode, and claims of responsibility.

Every rule reads the parse around one trigger and returns its value with the character spans of
the words that decided it (the evidence). Scope is the trigger's clause and its control chain
(see :mod:`tidings.events.attributes_clause`): "did not attack" is negated, but the attack in "no
group has claimed responsibility for the attack" is not — the negation belongs to the claim. A
nominal trigger ("the attack", "elections") takes the mode of its clause only when the clause
verb is a verb of occurrence ("the vote will take place", "the attack did not happen"), never
when the clause is about something done to the event ("police did not investigate the attack").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events.attributes_clause import (
    chain,
    children,
    clause_head,
    clause_tokens,
    complement_governors,
    is_verbal,
    subject,
    token_span,
    window,
    words,
)
from tidings.models import Actor, Span
from tidings.nlp.actors import actor_at, is_pronoun, resolve_pronoun
from tidings.nlp.cues import SPEECH_VERBS
from tidings.nlp.model import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Token

Found = tuple[str | None, list[Span]]


_w = words


# -- lexicons (lemmas) ---------------------------------------------------------------------------
ATTEMPT_VERBS = _w("try attempt seek fail")
ATTEMPT_NOUNS = _w("attempt bid plot")
ATTEMPT_ADJS = _w("attempted failed abortive botched unsuccessful")
SURVIVE_VERBS = _w("survive escape evade miss")
UNHARMED = _w("unharmed unhurt unscathed uninjured")
FOIL_VERBS = _w("foil thwart intercept defuse disrupt prevent avert frustrate stop")
FOIL_ADJS = _w("foiled thwarted intercepted defused averted")
ALLEGED_ADVS = _w("allegedly purportedly reportedly supposedly")
ALLEGED_ADJS = _w("alleged purported supposed")
ALLEGE_VERBS = _w("allege accuse charge claim")
APPARENT_ADVS = _w("apparently seemingly likely probably possibly presumably perhaps maybe")
APPARENT_ADJS = _w("apparent suspected possible probable likely presumed presumptive")
SEEM_VERBS = _w("appear seem")
BELIEF_VERBS = _w("believe think suspect presume understand fear")
DENY_VERBS = _w("deny reject dismiss refute dispute")
NEGATORS = _w("no none nobody nothing neither never")
CONDITIONAL_MARKS = _w("if unless whether")
HYPOTHETICAL_MODALS = _w("would could might may should")
THREAT_VERBS = _w("threaten warn")
FUTURE_MODALS = _w("will shall 'll wo")
FUTURE_VERBS = _w(
    "plan intend expect schedule set aim prepare propose agree decide vow pledge promise hope want go due"
)
FUTURE_ADJS = _w(
    "planned upcoming proposed scheduled future forthcoming expected impending next coming anticipated"
)
#: Verbs of occurrence: a nominal event that is their argument shares their mode.
OCCURRENCE_VERBS = _w("be happen occur take begin start go come break erupt continue resume unfold")
#: Light verbs: their object is the event ("held elections", "staged a protest", "carried out a raid").
LIGHT_VERBS = _w("hold stage conduct launch carry make have take mount begin start")
#: Words that negate the event they govern or modify ("refused to meet", "the cancelled deal").
NEGATIVE_VERBS = _w("refuse decline cancel abandon avoid cease stop halt quit forgo")
NEGATIVE_ADJS = _w("cancelled canceled aborted abandoned averted")
NEGATIVE_ADVS = _w("never neither nearly almost")
#: Verbs whose complement happened or did not, rather than lying ahead ("managed to", "tried to").
IMPLICATIVE_VERBS = _w(
    "manage try attempt fail seem appear happen begin start continue stop cease refuse decline "
    "use threaten dare bother get come"
)
#: Verbs of rising and falling, whose infinitive states a result ("fell 3% to end at 7,114").
CHANGE_VERBS = _w(
    "rise fall drop gain climb increase decrease decline jump slide plunge surge sink soar tumble"
)
#: Denials of a claim rather than of an event: "rejected the claims that it attacked", but not
#: "rejected the proposal".
CLAIM_NOUNS = _w("claim report allegation accusation suggestion charge assertion rumour rumor")
#: Temporal conjunctions whose present-tense clause takes the time of the clause above.
TEMPORAL_MARKS = _w("when after before until till once as")
#: Verbs whose object is an event still to happen ("agreed the purchase", "called for a rerun").
FUTURE_OBJECT_VERBS = _w("plan schedule agree propose negotiate seek request demand urge approve")
#: Verbs asking for an event: "called for a rerun", "pushed for talks".
FUTURE_FOR_VERBS = _w("call push press ask appeal vote plan negotiate prepare")
#: Nouns of expectation: "fears of a recession", "the threat of strikes".
FEAR_NOUNS = _w("fear hope risk threat prospect possibility danger chance likelihood worry concern")
CLAIM_VERBS = _w("claim take accept admit assume")
CLAIM_OBJECTS = _w("responsibility credit")


# -- shared helpers ------------------------------------------------------------------------------


def _verb_scope(trigger: Token, coordinated: bool = True) -> list[Token]:
    """The verbs whose mode the trigger shares: its clause chain, or for a nominal trigger the
    chain of the occurrence verb it is an argument of (empty otherwise)."""
    head = clause_head(trigger)
    occurs = _is_argument(trigger, head)
    if trigger.i != head.i and not is_verbal(trigger) and not occurs:
        return []
    return chain(head, coordinated)


def _is_argument(noun: Token, verb: Token) -> bool:
    """The noun is what the verb says takes place: the subject of a verb of occurrence ("the attack
    did not happen"), the object of a light verb ("held elections"), the pivot of an existential
    ("there was no attack")."""
    token = noun
    for _ in range(6):
        if token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
            continue
        break
    if token.head.i != verb.i:
        return False
    lemma = verb.lemma_
    if lemma == "be":
        return token.dep_ == "attr" and any(c.dep_ == "expl" for c in verb.children)
    if token.dep_ in ("nsubj", "nsubjpass"):
        return lemma in OCCURRENCE_VERBS or (lemma in LIGHT_VERBS and token.dep_ == "nsubjpass")
    return token.dep_ in ("dobj", "attr", "oprd") and lemma in LIGHT_VERBS


def _modals(verbs: list[Token]) -> list[Token]:
    return [c for verb in verbs for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"]


def _is_perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _reported(verb: Token) -> bool:
    """The clause is the complement of a past-tense verb of saying ("said the army would …")."""
    for _ in range(6):
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    head = verb.head
    return verb.dep_ == "ccomp" and head.lemma_ in SPEECH_VERBS and head.tag_ in ("VBD", "VBN")


# -- status --------------------------------------------------------------------------------------


def status(trigger: Token) -> Found:
    """``foiled``, ``attempted`` or ``completed``, with the words that decided it."""
    head = clause_head(trigger)
    verbs = chain(head)
    own = [trigger, *children(trigger, "amod", "compound", "nmod")]
    linked = list(clause_tokens(head))
    for verb in verbs[1:]:
        linked.extend(clause_tokens(verb))
    if head.dep_ in ("advcl", "conj") and head.head.i != head.i:
        linked.extend(clause_tokens(head.head))
    for token in own:
        if token.lower_ in FOIL_ADJS and token.i != trigger.i:
            return "foiled", [token_span(token)]
    for verb in verbs:
        if verb.lemma_ in FOIL_VERBS and verb.i != trigger.i and verb.lemma_ not in NEGATIVE_VERBS:
            return "foiled", [token_span(verb)]
    if not is_verbal(trigger) and trigger.head.lemma_ in FOIL_VERBS and trigger.dep_ in ("dobj", "nsubjpass"):
        return "foiled", [token_span(trigger.head)]
    if trigger.dep_ == "pcomp" and trigger.head.lower_ == "from" and trigger.head.head.lemma_ in FOIL_VERBS:
        return "foiled", [token_span(trigger.head.head)]
    for token in own:
        if token.i != trigger.i and token.lower_ in ATTEMPT_ADJS:
            return "attempted", [token_span(token)]
    for verb in verbs:
        if verb.i != trigger.i and verb.lemma_ in ATTEMPT_VERBS:
            return "attempted", [token_span(verb)]
    if trigger.lemma_ in ATTEMPT_NOUNS or (trigger.head.lemma_ in ATTEMPT_NOUNS and trigger.dep_ != "ROOT"):
        cue = trigger if trigger.lemma_ in ATTEMPT_NOUNS else trigger.head
        return "attempted", [token_span(cue)]
    for token in linked:
        if token.i == trigger.i:
            continue
        if (token.lemma_ in SURVIVE_VERBS and is_verbal(token)) or token.lower_ in UNHARMED:
            return "attempted", [token_span(token)]
        if token.pos_ == "NOUN" and token.lemma_ == "attempt":
            return "attempted", [token_span(token)]
    return "completed", []


# -- certainty -----------------------------------------------------------------------------------


def certainty(trigger: Token) -> Found:
    """``denied``, ``alleged``, ``apparent`` or ``asserted``. Reported speech alone is asserted."""
    head = clause_head(trigger)
    verbs = chain(head)
    start = verbs[-1] if is_verbal(trigger) else trigger
    path: list[Token] = [start]
    for gov in complement_governors(start):
        path.append(gov)
        if gov.lemma_ in DENY_VERBS and is_verbal(gov) and (gov.lemma_ == "deny" or _about_claim(path)):
            return "denied", [token_span(gov)]
        if gov.lemma_ in ALLEGE_VERBS and is_verbal(gov) and not _claims_responsibility(gov):
            return "alleged", [token_span(gov)]
        if is_verbal(gov) and gov.lemma_ not in ("accuse", "charge"):
            break
    own = children(trigger, "amod", "advmod")
    for verb in verbs:
        own.extend(children(verb, "advmod"))
    for token in own:
        if token.lower_ in ALLEGED_ADJS or token.lower_ in ALLEGED_ADVS:
            return "alleged", [token_span(token)]
    if not is_verbal(trigger) and trigger.dep_ in ("nsubj", "nsubjpass"):
        own.extend(children(trigger.head, "acomp"))  # "the attack was likely", "… is possible"
    for token in own:
        if token.lower_ in APPARENT_ADJS or token.lower_ in APPARENT_ADVS:
            return "apparent", [token_span(token)]
    for verb in verbs if not is_verbal(trigger) else verbs[1:]:
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if verb.lemma_ in SEEM_VERBS or verb.lower_ in APPARENT_ADJS:
            return "apparent", [token_span(verb)]
        if passive and verb.lemma_ in BELIEF_VERBS:
            return "apparent", [token_span(verb)]  # "is believed to have attacked"
        if passive and verb.lemma_ in SPEECH_VERBS and verb.i != verbs[0].i:
            return "alleged", [token_span(verb)]  # "is said to have attacked"
    for verb in verbs:
        for modal in _modals([verb]):
            if modal.lower_ in ("may", "might", "must", "could") and _is_perfect(verb):
                return "apparent", [token_span(modal)]
    return "asserted", []


def _about_claim(path: list[Token]) -> bool:
    """The path from the event to a denial runs through a clause or a claim ("rejected reports
    that it attacked"), so the denial is of the event, not a refusal of a proposal."""
    return any(is_verbal(t) or t.lemma_.lower() in CLAIM_NOUNS for t in path[:-1])


def _claims_responsibility(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in CLAIM_OBJECTS for c in verb.children)


# -- auxiliary mode: negated, hypothetical, future -----------------------------------------------


def negated(trigger: Token) -> Found:
    """Negation scoped to the trigger's clause ("did not attack", "no attack", "nobody attacked",
    "refused to attack", "the cancelled deal", "denied that … attacked")."""
    for child in trigger.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in NEGATORS):
            return "negated", [token_span(child)]
        if child.dep_ == "amod" and child.lower_ in NEGATIVE_ADJS:
            return "negated", [token_span(child)]
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "without":
        return "negated", [token_span(trigger.head)]
    verbs = _verb_scope(trigger, coordinated=False)
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in NEGATIVE_ADVS):
                return "negated", [token_span(child)]
    for verb in verbs[1:]:
        if verb.lemma_ in NEGATIVE_VERBS:
            return "negated", [token_span(verb)]
    if verbs and (is_verbal(trigger) or trigger.dep_ in ("nsubj", "nsubjpass")):
        subj = subject(verbs[-1])
        if subj is not None and (
            subj.lower_ in NEGATORS or any(c.dep_ == "det" and c.lower_ in NEGATORS for c in subj.children)
        ):
            return "negated", [token_span(subj)]
        if subj is not None and subj.lower_ == "one" and any(c.lower_ == "no" for c in subj.children):
            return "negated", [token_span(subj)]
    if is_verbal(trigger):
        found, spans = certainty(trigger)
        if found == "denied":
            return "negated", spans
    return None, []


def hypothetical(trigger: Token) -> Found:
    """Conditions and conditionals ("if", "unless", "would", "could"), threatened and feared events."""
    verbs = _verb_scope(trigger)
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                return "hypothetical", [token_span(child)]
            if child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children
            ):
                marks = [m for m in child.children if m.dep_ == "mark"]
                return "hypothetical", [token_span(marks[0])]
    for verb in verbs:
        for modal in _modals([verb]):
            word = modal.lower_
            if word in HYPOTHETICAL_MODALS and not _is_perfect(verb):
                if word == "would" and _reported(verbs[-1]):
                    continue  # future in the past: "said the army would attack"
                return "hypothetical", [token_span(modal)]
    gov = trigger.head if trigger.dep_ in ("dobj", "xcomp") else None
    if gov is None and verbs and verbs[-1].dep_ == "xcomp":
        gov = verbs[-1].head
    if gov is not None and gov.lemma_ in THREAT_VERBS:
        return "hypothetical", [token_span(gov)]
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("of", "for", "over", "on", "about"):
        noun = trigger.head.head
        if noun.lemma_ in THREAT_VERBS or noun.lemma_ in FEAR_NOUNS:
            return "hypothetical", [token_span(noun)]
    return None, []


def future(trigger: Token, depth: int = 0) -> Found:
    """ "will", "going to", "plans to", "is expected to", "scheduled", "upcoming", purpose and
    complement infinitives ("signed a contract to supply") …"""
    for child in children(trigger, "amod"):
        if child.lower_ in FUTURE_ADJS:
            return "future", [token_span(child)]
    verbs = _verb_scope(trigger)
    for verb in verbs:
        for modal in _modals([verb]):
            if modal.lower_ in FUTURE_MODALS:
                return "future", [token_span(modal)]
            if modal.lower_ == "would" and _reported(verbs[-1]):
                return "future", [token_span(modal)]
    for verb in verbs[1:]:
        if verb.lemma_ in FUTURE_VERBS and not _is_perfect(verb) and verb.tag_ != "VBD":
            return "future", [token_span(verb)]
        if verb.lemma_ in FUTURE_VERBS and any(c.dep_ == "auxpass" for c in verb.children):
            return "future", [token_span(verb)]  # "was expected to", "is scheduled to"
    if is_verbal(trigger) and verbs:
        infinitive = _infinitive(verbs)
        if infinitive is not None:
            return "future", [token_span(infinitive)]
        top = verbs[-1]
        mark = next(
            (c for c in top.children if c.dep_ in ("mark", "advmod") and c.lower_ in TEMPORAL_MARKS), None
        )
        if mark is not None and top.dep_ == "advcl" and depth < 3 and _present(top):
            found, spans = future(top.head, depth + 1)  # "will resign when the deal is finalized"
            if found is not None:
                return found, [token_span(mark), *spans]
    if trigger.dep_ in ("dobj", "nsubjpass") and trigger.head.lemma_ in FUTURE_OBJECT_VERBS:
        return "future", [token_span(trigger.head)]
    if (
        trigger.dep_ == "pobj"
        and trigger.head.lower_ == "for"
        and trigger.head.head.lemma_ in FUTURE_FOR_VERBS
    ):
        return "future", [token_span(trigger.head.head)]
    return None, []


def _present(verb: Token) -> bool:
    """The verb is in the present tense ("is finalized", "arrives")."""
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)
    return verb.tag_ in ("VBZ", "VBP")


def _infinitive(verbs: list[Token]) -> Token | None:
    """The "to" of an unrealised infinitive (purpose, plan, complement), not of an implicative verb
    whose complement happened or failed ("managed to", "tried to", "seemed to")."""
    for index, verb in enumerate(verbs):
        marker = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "TO"), None)
        if marker is None or _is_perfect(verb):
            continue
        above = verbs[index + 1] if index + 1 < len(verbs) else verb.head
        if above.lemma_ in IMPLICATIVE_VERBS or above.lower_ in APPARENT_ADJS:
            return None
        if verb.dep_ == "advcl" and above.lemma_ in CHANGE_VERBS:
            return None  # a result, not a purpose: "the toll rose to reach 50"
        return marker
    return None


# -- claims of responsibility --------------------------------------------------------------------


def claimed_by(trigger: Token, actors: list[Actor]) -> tuple[str | None, list[Span]]:
    """Who claimed responsibility in the trigger's sentence: an actor id, else the claimant's name;
    ``None`` when nobody did ("no group has claimed responsibility" is not a claim)."""
    for token in window(trigger):
        if token.lemma_ not in CLAIM_VERBS or not is_verbal(token):
            continue
        objects = [
            c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in CLAIM_OBJECTS
        ]
        if not objects:
            continue
        if negated(token)[0] is not None or hypothetical(token)[0] is not None:
            continue
        claimant = _claimant(token)
        if claimant is None:
            continue
        return _actor_or_name(claimant, actors), [token_span(token)]
    return None, []


def _claimant(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head  # "the group, which claimed …"
            return child
    return None


def _actor_or_name(token: Token, actors: list[Actor]) -> str | None:
    if token.lower_ in NEGATORS or any(c.dep_ == "det" and c.lower_ in NEGATORS for c in token.children):
        return None
    parts = [t for t in token.subtree if t.dep_ not in ("relcl", "acl", "punct") or t.i == token.i]
    parts = [t for t in parts if t.i <= token.i or t.dep_ in ("compound", "flat", "appos")]
    start, end = parts[0].idx, parts[-1].idx + len(parts[-1].text)
    actor = actor_at(actors, (token.idx, token.idx + len(token.text))) or actor_at(actors, (start, end))
    if actor is None and is_pronoun(token.text):
        actor = resolve_pronoun(actors, token.idx)
    if actor is not None:
        return actor.id
    if is_pronoun(token.text):
        return None
    text = doc_text(token.doc)[start:end]
    for article in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(article):
            text = text[len(article) :]
    return text[:80] or None
