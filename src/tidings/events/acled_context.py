"""ACLED note conventions that span sentences: tolls, police interventions, agreement topics.

- **A toll in the next sentence.** "Gunmen attacked a police post. 3 policemen were shot dead.":
  a casualty report in the passive or as an adjective ("were killed", "died", "10 soldiers
  killed") naming no act of its own reports the previous sentence's event. Its count joins that
  event's size and its victims that event's recipients; it is not a second event. A casualty
  participle of the same sentence ("clashed with …, killing 8") is folded into its act likewise.
- **Interventions in a protest.** Police who baton-charged, dispersed, halted or intercepted a
  march or its participants, in the protest's sentence or the next one, make it a protest with
  intervention (excessive force when people died).
- **Agreement topics.** "Signed a peace accord ending months of killings": an event noun inside
  the object of an agreement is its topic, not a new event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_TOLL = frozenset(
    {"kill", "die", "perish", "succumb", "dead", "shoot", "behead", "slaughter", "massacre", "murder",
     "injure", "wound", "slay", "slain"}
)  # fmt: skip
#: Tolls of the hurt, not the dead: folded without their count (sizes count the killed).
_HURT = frozenset({"injure", "wound"})
_TOLL_TAGS = frozenset({"VBN", "JJ", "NN", "NNS"})
_INTERVENE = frozenset(
    {"disperse", "halt", "intercept", "stop", "teargas", "block", "break", "charge", "clear"}
)
_ARREST = frozenset({"arrest", "detain"})  # arrests at a protest are its intervention (ACLED)
_FIRE = frozenset({"fire", "shoot"})
_SECURITY_NOUNS = frozenset(
    {"police", "policeman", "officer", "soldier", "troop", "army", "gendarme", "gendarmerie",
     "security", "force", "military", "guard", "riot"}
)  # fmt: skip
_PROTEST_NOUNS = frozenset(
    {"protest", "protester", "protestor", "demonstration", "demonstrator", "rally", "march",
     "marcher", "sit", "picket", "procession", "crowd", "them", "participant"}
)  # fmt: skip
_AGREE_VERBS = frozenset({"sign", "agree", "reach", "conclude", "broker", "negotiate", "ink"})
_AGREE_NOUNS = frozenset(
    {"accord", "agreement", "deal", "treaty", "pact", "truce", "ceasefire", "cease-fire", "settlement"}
)  # fmt: skip
_INTERVENED = ("Protest with intervention", "Excessive force against protesters")


def char_span(doc: Doc, value: Any) -> Span | None:
    """The tokens covering a ``[start, end)`` character span of a record, or ``None`` when the
    value is no span of ``doc``'s text."""
    try:
        start, end = int(value[0]), int(value[1])
    except (TypeError, ValueError, IndexError):
        return None
    if not 0 <= start < end <= len(doc.text):
        return None
    return doc.char_span(start, end, alignment_mode="expand")


def _trigger(doc: Doc, event: dict[str, Any]) -> Span | None:
    return char_span(doc, event.get("trigger"))


def _sent_start(doc: Doc, event: dict[str, Any]) -> int | None:
    span = _trigger(doc, event)
    return None if span is None else span.root.sent.start


def drop_agreement_topics(doc: Doc, events: list[dict[str, Any]]) -> None:
    """Remove violent events whose trigger noun sits inside the object of an agreement ("signed a
    peace accord ending months of killings"), and the grievances of a protest (see
    :func:`drop_protest_topics`), in place."""
    drop_protest_topics(doc, events)
    drop_background_acts(doc, events)
    kept = []
    for event in events:
        span = _trigger(doc, event)
        if span is None or span.root.pos_ not in ("NOUN", "PROPN") or event.get("type") != "ASSAULT":
            kept.append(event)
            continue
        if not _under_agreement(span.root):
            kept.append(event)
    events[:] = kept


_GRIEVANCE = frozenset(
    {"demand", "protest", "condemn", "denounce", "decry", "mourn", "justice", "against", "over",
     "commemorate", "mark", "accountability"}
)  # fmt: skip


def _written_sentence(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start`` … ``end`` lie in one sentence as written (no full stop between)."""
    return not any(t.text in (".", "!", "?") for t in doc[start:end])


def drop_protest_topics(doc: Doc, events: list[dict[str, Any]]) -> None:
    """Remove the violence a protest is about, in place: "students formed a human chain demanding
    the trial of those behind the killings", "doctors continued a hunger strike demanding justice
    for a colleague raped and murdered". A violent act with no author of its own, told after a
    protest and after its demand ("demanding", "over", "against") in the same written sentence, is
    the protest's grievance, not a second event."""
    protests = [s for e in events if e.get("type") == "PROTEST" and (s := _trigger(doc, e)) is not None]
    if not protests:
        return
    kept = []
    for event in events:
        span = _trigger(doc, event)
        if span is None or event.get("type") != "ASSAULT" or _authored(span.root):
            kept.append(event)
            continue
        topic = False
        for protest in protests:
            first, last = protest.root.i, span.root.i
            if first >= last or not _written_sentence(doc, first, last):
                continue
            if any(t.lemma_.lower() in _GRIEVANCE for t in doc[first + 1 : last]):
                topic = True
                break
        if not topic:
            kept.append(event)
    events[:] = kept


_ALLEGING = frozenset({"accuse", "suspect", "charge", "convict", "blame"})


def _prior_clause(root: Token, roots: set[int]) -> bool:
    """ "rioters set fire to cars after police shot dead a teenager", "established a headquarters
    after taking over the garrison": an act told "after" another event's act (token indices
    ``roots``) is what came before the note's event."""
    if root.dep_ == "advcl" and root.head.i in roots:
        return any(c.dep_ == "mark" and c.lower_ in ("after", "following") for c in root.children)
    if root.dep_ == "pcomp" and root.head.lower_ in ("after", "following"):
        return root.head.head.i in roots and root.head.head.pos_ == "VERB"
    return False


def _alleged(root: Token) -> bool:
    """ "a woman accused of kidnapping and killing a girl": an act someone is accused of is the
    background of the note's event, not the event."""
    token = root
    for _ in range(3):
        if token.dep_ == "conj":
            token = token.head
            continue
        if token.dep_ == "pcomp" and token.head.lower_ == "of":
            return token.head.head.lemma_.lower() in _ALLEGING
        return False
    return False


_DURATIONS = frozenset({"day", "week", "month", "year", "decade", "hour"})


def drop_background_acts(doc: Doc, events: list[dict[str, Any]]) -> None:
    """Remove violent acts told as the background of another event, in place: "handed the town
    back eight months after capturing it" — an act placed a stretch of time before ("N months
    after", "years since") the reported one is not the note's event. Kept when it is the only one."""
    if len(events) < 2:
        return
    roots = {s.root.i for e in events if (s := _trigger(doc, e)) is not None}
    kept = []
    for event in events:
        span = _trigger(doc, event)
        if span is not None and event.get("type") == "ASSAULT" and _dated_background(span.root, roots):
            continue
        kept.append(event)
    if kept:
        events[:] = kept


def _dated_background(root: Token, roots: set[int]) -> bool:
    if _alleged(root) or _prior_clause(root, roots):
        return True
    head = root.head
    if root.dep_ != "pcomp" or head.lower_ not in ("after", "since"):
        return False
    return any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in _DURATIONS for c in head.children
    )  # "eight months after capturing"


def _authored(root: Token) -> bool:
    """Whether the act names its author: a subject of an active verb or a "by" agent."""
    if root.pos_ == "VERB" and any(c.dep_ in ("nsubj", "agent") for c in root.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "by" for c in root.children)


def _under_agreement(token: Token) -> bool:
    head = token
    for _ in range(6):
        if head.head is head:
            return False
        head = head.head
        if head.lemma_.lower() in _AGREE_NOUNS:
            return True
        if head.pos_ == "VERB" and head.lemma_.lower() not in ("end", "halt", "stop", "over"):
            return False
    return False


def _toll_count(root: Token) -> int | None:
    from tidings.events.attributes_size import number_value

    sent = root.sent
    for token in reversed(list(sent[: max(0, root.i - sent.start)])[-5:]):
        nums = [c for c in token.children if c.dep_ == "nummod"]
        if token.pos_ in ("NOUN", "PROPN") and nums:
            value = number_value(nums)
            if value is not None and 0 <= value <= 100_000:
                return value
        if token.like_num and token.i + 1 < len(token.doc) and token.nbor().pos_ == "NOUN":
            value = number_value([token])
            if value is not None and 0 <= value <= 100_000:
                return value
    return None


def _is_toll(doc: Doc, event: dict[str, Any]) -> Token | None:
    span = _trigger(doc, event)
    if span is None or event.get("type") != "ASSAULT":
        return None
    root = span.root
    lemma = root.lemma_.lower()
    if lemma not in _TOLL or (root.tag_ not in _TOLL_TAGS and lemma not in ("die", "dead")):
        return None
    if any(c.dep_ == "agent" for c in root.children):
        return None  # "shot dead by gunmen": an act with its author
    return root


def fold_tolls(doc: Doc, events: list[dict[str, Any]]) -> None:
    """Fold casualty reports of the sentence after an event into that event (in place)."""
    starts = [_sent_start(doc, e) for e in events]
    folded: set[int] = set()
    for index, event in enumerate(events):
        root = _is_toll(doc, event)
        if root is None or root.sent.start == 0:
            continue
        sent = root.sent
        if sum(1 for s in starts if s == sent.start) > 1:
            continue  # the sentence names another act
        before = doc[sent.start - 1].sent.start
        targets = [
            j for j, other in enumerate(events)
            if j != index and j not in folded and starts[j] == before
            and other.get("type") in ("ASSAULT", "COERCE", "PROTEST")
            and (other.get("acled") or (other.get("type") == "COERCE" and event.get("acled")))
        ]  # fmt: skip
        if not targets:
            continue
        target = events[targets[0]]
        if not target.get("acled"):  # "militants raided a base. 10 soldiers were killed.": an attack
            target["type"] = "ASSAULT"
            target["acled"] = dict(event["acled"])
        size = dict(event.get("size") or {})
        count = size.get("killed")
        if not isinstance(count, int) and root.lemma_.lower() not in _HURT:
            count = _toll_count(root)
        own = dict(target.get("size") or {})
        if isinstance(count, int):
            have = own.get("killed")
            own["killed"] = max(count, have) if isinstance(have, int) else count
        target["size"] = own
        if not target.get("recipients") and event.get("recipients"):
            target["recipients"] = list(event["recipients"])
        evidence = list(target.get("evidence") or [])
        evidence.append([sent.start_char, sent.end_char])
        target["evidence"] = evidence
        folded.add(index)
    if folded:
        events[:] = [e for i, e in enumerate(events) if i not in folded]


_RESULT = frozenset({"kill", "wound", "injure", "leave", "claim", "maim"})


def fold_result_clauses(doc: Doc, events: list[dict[str, Any]]) -> None:
    """Fold a casualty participle into the act it completes, in place: "ELN fighters clashed with
    FARC dissidents …, killing at least 8 people", "opened fire on the crowd, leaving 3 dead". The
    toll is the act's result, not a second event (its count joins the act's size)."""
    roots = {}
    for index, event in enumerate(events):
        span = _trigger(doc, event)
        if span is not None:
            roots[span.root.i] = index
    folded: set[int] = set()
    for index, event in enumerate(events):
        span = _trigger(doc, event)
        if span is None or event.get("type") != "ASSAULT":
            continue
        root = span.root
        if (
            root.lemma_.lower() not in _RESULT
            or root.tag_ != "VBG"
            or root.dep_ not in ("advcl", "conj", "xcomp")
        ):
            continue
        head = roots.get(root.head.i)
        if head is None or head == index or head in folded:
            continue
        target = events[head]
        if target.get("type") not in ("ASSAULT", "PROTEST", "COERCE"):
            continue
        size = dict(target.get("size") or {})
        for key, value in (event.get("size") or {}).items():
            have = size.get(key)
            if isinstance(value, int) and (not isinstance(have, int) or value > have):
                size[key] = value
        target["size"] = size
        if not target.get("recipients") and event.get("recipients"):
            target["recipients"] = list(event["recipients"])
        folded.add(index)
    if folded:
        events[:] = [e for i, e in enumerate(events) if i not in folded]


def _intervention(sent: Span) -> bool:
    """Whether security forces disperse, halt, intercept or baton-charge someone in ``sent``."""
    for token in sent:
        lemma = token.lemma_.lower()
        opened = lemma == "open" and any(
            c.lemma_.lower() == "fire" for c in token.children if c.dep_ == "dobj"
        )
        fired = (lemma in _FIRE or opened) and any(
            t.lemma_.lower() in _PROTEST_NOUNS or t.lower_ in _PROTEST_NOUNS
            for t in token.subtree
            if 0 < t.i - token.i <= 8
        )  # "fired live bullets into the crowd", "opened fire on them"
        if (
            lemma not in _INTERVENE
            and lemma not in _ARREST
            and not fired
            and token.lower_ not in ("tear-gassed", "teargassed")
        ):
            continue
        if lemma == "charge" and not any(
            t.lower_ == "baton" for t in token.doc[max(0, token.i - 3) : token.i]
        ):
            continue
        agents = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
        agents += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        head = token
        for _ in range(0 if agents else 4):  # "declared … and used pepper balls to clear the crowd"
            if head.dep_ not in ("xcomp", "advcl", "conj", "ccomp") or head.head is head:
                break
            head = head.head
            agents += [c for c in head.children if c.dep_ == "nsubj"]
        for agent in agents:
            words = {agent.lemma_.lower(), agent.lower_.rstrip("s")} | {
                c.lemma_.lower() for c in agent.children
            }
            if words & _SECURITY_NOUNS:
                return True
    return False


def share_interventions_near(doc: Doc, events: list[dict[str, Any]]) -> None:
    """Protests whose sentence or the next tells security forces intervening, and the
    intervening events themselves, coded as a protest with intervention; then a protest told with
    its demonstrators' violence coded as that violence (:func:`share_riots`); territory told across
    the note first (:func:`territory_context`). In place."""
    territory_context(doc, events)
    protests = [e for e in events if e.get("type") == "PROTEST"]
    if not protests:
        return
    _share_interventions_near(doc, events, protests)
    share_riots(doc, events, protests)


_RIOT_ROW = {
    "event_type": "Riots",
    "sub_event_type": "Violent demonstration",
    "disorder_type": "Demonstrations",
}


def share_riots(doc: Doc, events: list[dict[str, Any]], protests: list[dict[str, Any]]) -> None:
    """A protest told in the same sentence as its own demonstrators' violence ("students marched
    …, burning vehicles and hurling stones") is a violent demonstration, even when the police
    answered with tear gas: the demonstrators' violence decides (in place). The violence must be
    done by the protest's actors, or be burning or throwing named of nobody."""
    riots = [
        e
        for e in events
        if e.get("type") == "ASSAULT"
        and (e.get("acled") or {}).get("sub_event_type") == "Violent demonstration"
    ]
    for protest in protests:
        own = set(protest.get("actors") or [])
        start = _sent_start(doc, protest)
        if start is None or not own:
            continue
        if any(
            _sent_start(doc, r) == start
            and (
                own & set(r.get("actors") or [])
                or (not r.get("actors") and "primitive" in (r.get("modes") or []))
            )
            for r in riots
        ):  # their own violence, or burning and throwing by nobody else named
            protest["acled"] = dict(_RIOT_ROW)
    rioting = {_sent_start(doc, p) for p in protests if (p.get("acled") or {}) == _RIOT_ROW}
    for event in events:  # "demonstrators clashed with police and vandalised vehicles"
        span = _trigger(doc, event)
        if (
            span is not None
            and event.get("type") == "ASSAULT"
            and span.root.sent.start in rioting
            and span.root.dep_
            in ("conj", "amod")  # the parser may read "vandalised vehicles" as a noun phrase
            and not _authored(span.root)
        ):
            event["acled"] = dict(_RIOT_ROW)


_RIOT_GEAR = frozenset({"police", "policeman", "squad", "gear", "unit", "officer", "shield", "control"})


def _riot_gear_only(sent: Span) -> bool:
    """Whether every "riot" of ``sent`` names the police's kind ("riot police", "riot gear")."""
    riots = [t for t in sent if t.lower_ == "riot"]
    return bool(riots) and all(
        t.i + 1 < len(t.doc) and t.doc[t.i + 1].lemma_.lower() in _RIOT_GEAR for t in riots
    )


def _near_sentences(doc: Doc, sent: Span) -> list[Span]:
    """``sent`` and what follows up to the end of the next sentence as written (the parser may cut a
    sentence at a parenthesis: "marched in Dakar (Dakar, Dakar) against …")."""
    near = [sent]
    ends = 0
    current = sent
    for _ in range(4):
        if current[-1].text in (".", "!", "?") or current[-1].text in ('"', "”", "'"):
            ends += 1
        if ends >= 2 or current.end >= len(doc):
            break
        current = doc[current.end].sent
        near.append(current)
    return near


def _share_interventions_near(doc: Doc, events: list[dict[str, Any]], protests: list[dict[str, Any]]) -> None:
    from tidings.events.acled import BOTH, DEMONSTRATIONS, _row

    for protest in protests:
        span = _trigger(doc, protest)
        if span is None:
            continue
        riot = (protest.get("acled") or {}).get("event_type") == "Riots"
        if riot and not _riot_gear_only(span.root.sent):
            continue  # a riot stays a riot when the police answer it
        near = _near_sentences(doc, span.root.sent)
        if not any(_intervention(s) for s in near):
            continue
        tolls = [
            (e.get("size") or {}).get("killed")
            for e in [protest, *events]
            if _sent_start(doc, e) in {s.start for s in near}
        ]
        deaths = max((t for t in tolls if isinstance(t, int)), default=0)
        killed = deaths > 0
        if killed:  # the dead of the intervention are the protest's fatalities (ACLED codes one event)
            size = dict(protest.get("size") or {})
            have = size.get("killed")
            size["killed"] = max(deaths, have) if isinstance(have, int) else deaths
            protest["size"] = size
        row = (
            _row("Protests", "Excessive force against protesters", BOTH)
            if killed
            else _row("Protests", "Protest with intervention", DEMONSTRATIONS)
        )
        for event in events:
            if event is protest or (
                _sent_start(doc, event) in {s.start for s in near}
                and event.get("type") in ("COERCE", "ACCUSE", "SANCTION", "PROTEST")
            ):
                event["acled"] = dict(row)


_HANDING = frozenset({"hand", "cede", "return", "surrender", "give"})
_PLACE_NOUNS = frozenset({"town", "city", "village", "base", "area", "district", "territory", "control"})
_FIGHTING = frozenset({"fighting", "fight", "clash", "battle", "combat"})
_TRANSFER = "Non-violent transfer of territory"
_TAKEN = frozenset({_TRANSFER, "Non-state actor overtakes territory", "Government regains territory"})


def _handed_place(root: Token) -> bool:
    """ "handed Lashio back to the military", "ceded the town": a place given up."""
    if root.lemma_.lower() not in _HANDING:
        return False
    if root.lemma_.lower() in ("hand", "give", "return") and not any(
        c.lower_ in ("back", "over") for c in root.children if c.dep_ in ("prt", "advmod", "prep")
    ):
        return False
    return any(
        c.ent_type_ in ("GPE", "LOC", "FAC") or c.lemma_.lower() in _PLACE_NOUNS
        for c in root.children
        if c.dep_ in ("dobj", "nsubjpass")
    )


def _unopposed(doc: Doc, start: int) -> bool:
    """ "took over the town (…) without a fight": "without" a fight or resistance after token
    ``start`` in its sentence as written."""
    words = doc[start : min(len(doc), start + 40)]
    for token in words:
        if token.text in (".", "!", "?"):
            return False
        if token.lower_ == "without" and any(
            t.lemma_.lower() in ("fight", "fighting", "resistance", "clash")
            for t in doc[token.i + 1 : token.i + 4]
        ):
            return True
    return False


def territory_context(doc: Doc, events: list[dict[str, Any]]) -> None:
    """Territory told across a note, in place. A place handed back or ceded, or taken "without a
    fight", is a non-violent transfer of territory; a place taken as others withdrew is a
    non-state actor overtaking it when the note tells fighting ("Fighting had continued for two
    days"), and that fighting, named by nobody, is the same event (dropped); so is fighting told in
    the sentence of the taking ("took the town after clashing with troops")."""
    from tidings.events.acled import POLITICAL_VIOLENCE, STRATEGIC, _row

    for event in events:
        span = _trigger(doc, event)
        if span is not None and event.get("type") == "RETREAT" and _handed_place(span.root):
            event["acled"] = _row(STRATEGIC, _TRANSFER, STRATEGIC)
    takings = [
        e for e in events
        if e.get("type") == "ASSAULT" and (e.get("acled") or {}).get("sub_event_type") in _TAKEN
    ]  # fmt: skip
    if not takings:
        return
    for event in takings:  # the government regains territory whether or not it was fought for
        span = _trigger(doc, event)
        overtaken = (event.get("acled") or {}).get("sub_event_type") == "Non-state actor overtakes territory"
        if span is not None and overtaken and _unopposed(doc, span.root.i):
            event["acled"] = _row(STRATEGIC, _TRANSFER, STRATEGIC)
    taken_in = {_sent_start(doc, e) for e in takings}
    transfers = [e for e in events if (e.get("acled") or {}).get("sub_event_type") == _TRANSFER]
    fights = []
    for event in events:
        span = _trigger(doc, event)
        if span is None or event.get("type") != "ASSAULT" or any(event is t for t in takings):
            continue
        root = span.root
        if root.lemma_.lower() in _FIGHTING and root.sent.start in taken_in:
            fights.append(event)  # "took control of the town after clashing with troops"
            continue
        named = any(c.dep_ in ("poss", "prep") and c.lower_ != "for" for c in root.children)
        if root.lemma_.lower() in _FIGHTING and root.pos_ == "NOUN" and not _authored(root) and not named:
            fights.append(event)
    if not fights:
        return
    for event in transfers:  # fighting was told: the place was taken by force
        event["acled"] = _row("Battles", "Non-state actor overtakes territory", POLITICAL_VIOLENCE)
    events[:] = [e for e in events if all(e is not f for f in fights)]
