"""An event mention's date and whether it is background (``aux`` historical).

The date is the *governing* time expression: one inside a nominal trigger's own phrase ("the
October 10 elections", "protests in late 2019"), else one in the trigger's clause, else one in the
clauses above it (up to the sentence's main clause). Time expressions in relative or other
embedded clauses are not used: "Kadhimi, who took office in 2020, survived an attack" does not date
the attack 2020; nor does the clause of a reaction to an event noun or of a happening after it
("the council condemned the attack on Monday", "a day after the attack": :func:`told_elsewhere`);
a measured "after" or "before" dates the noun from that clause's date ("on Monday, a day after the
attack": Sunday; :func:`sequence_offset`).
Failing those, the narrative's last date before the trigger is used: any date earlier in the same
paragraph, or from earlier paragraphs the last one that is not background (within
``HISTORICAL_DAYS`` of the article date); in a background section only its own dates.
Failing that, the article date itself (``date_source = "article"``).

Background (Phoenix coded only an article's first four sentences to avoid it; GUIDE §7) is
recognised by: a governing date that ends more than ``HISTORICAL_DAYS`` before the article date;
the past perfect ("had praised") outside reported speech (news backshifts "said gunmen had
attacked" for the main event); "following …", "since …", "in the wake of …"; modifiers such as
"previous" or "earlier"; and a section under a heading such as "Background" or "History".
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from tidings.events.attributes_clause import (
    chain,
    clause_head,
    is_verbal,
    sentence,
    token_span,
    words,
)
from tidings.events.attributes_mode import SPEECH_VERBS
from tidings.models import Span, Timex
from tidings.nlp.model import doc_text
from tidings.time.periods import period

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from tidings.events.model import EventContext

#: A governing date that ends this many days or more before the article date makes the mention
#: background: a month-old election is background, last Tuesday's raid is not.
HISTORICAL_DAYS = 14
#: Section headings that introduce background.
BACKGROUND_HEADINGS = words("background backstory history context timeline recap previously chronology")
BACKGROUND_ADJS = frozenset({"previous", "prior", "earlier", "past", "former", "preceding"})
_MAX_LINES_BACK = 300
_YEAR_WORD = re.compile(r"^(1[89]|20)\d\d$")


def published_date(ctx: EventContext) -> date | None:
    """The article date as a date (None when unknown or not a day)."""
    found = period(ctx.published)
    return found[0] if found and found[2] == "day" else None


def is_background_date(value: str | None, published: date | None) -> bool:
    """The date ends ``HISTORICAL_DAYS`` or more before the article date."""
    found = period(value)
    if found is None or published is None:
        return False
    return found[1] <= published - timedelta(days=HISTORICAL_DAYS)


def is_future_date(value: str | None, published: date | None) -> bool:
    """The date starts after the article date."""
    found = period(value)
    return found is not None and published is not None and found[0] > published


def _dated(timexes: list[Timex]) -> list[Timex]:
    return [t for t in timexes if t.type in ("DATE", "TIME") and period(t.value) is not None]


#: A time expression introduced by these words bounds the event rather than dating it ("the worst
#: fall since 1987", "until 2020").
BOUNDING_PREPS = words("since until till before after by from through throughout")


def _attachment(doc: Doc, timex: Timex) -> Token | None:
    """The word a time expression modifies: up from its root past its own tokens and a dating
    preposition ("attacked *on* Sunday" → attacked); ``None`` for a bounding preposition."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return None
    inside = range(span.start, span.end)
    token = span.root
    for _ in range(6):
        if token.i in inside:
            if token.head.i == token.i:
                return token
            token = token.head
            continue
        if token.dep_ == "prep" and token.pos_ == "ADP":
            if token.lower_ in BOUNDING_PREPS:
                return None
            if token.head.i == token.i:
                return None
            token = token.head
            continue
        return token
    return token


#: Verbs and nouns of reacting to a happening, beyond speech verbs: their clause dates the reaction
#: ("the council condemned the attack on Monday", "a committee to investigate the attack").
REACTION_VERBS = (SPEECH_VERBS - words("report announce add post")) | words(
    "investigate probe examine blame call label term mourn commemorate mark discuss address attribute "
    "link tie reject dismiss deplore regret review react"
)
REACTION_NOUNS = words(
    "investigation inquiry probe condemnation statement response reaction report responsibility "
    "account details footage video photographs images news word blame"
)
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "oprd", "dative", "attr"})
_ABOUT_PREPS = words("as about over to into on for")


def reaction_governed(trigger: Token) -> bool:
    """Whether an event noun is what a reaction is about: the object of a verb of saying or reacting
    ("condemned the attack", "called the attack an act of terrorism", "to investigate the drone
    attack") or of such a noun ("an inquiry into the attack", "responsibility for the attack").
    The reaction's clause then tells when and by whom it reacted, not when the happening was."""
    if is_verbal(trigger):
        return False
    token = trigger
    for _ in range(3):  # "condemned the attack and the killings": the first conjunct's role
        if token.dep_ not in ("conj", "appos") or token.head.i == token.i:
            break
        token = token.head
    if token.dep_ in _OBJECT_DEPS:
        return token.head.lemma_.lower() in REACTION_VERBS
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        governor = token.head.head
        if governor.pos_ in ("NOUN", "PROPN"):
            return governor.lemma_.lower() in REACTION_NOUNS
        if governor.pos_ in ("VERB", "AUX") and token.head.lower_ in _ABOUT_PREPS:
            if governor.lemma_.lower() in REACTION_VERBS:  # "described it as an attack"
                return True
            # "opened an inquiry into the bombing" (the prepositional phrase attached to the verb)
            return any(c.dep_ == "dobj" and c.lemma_.lower() in REACTION_NOUNS for c in governor.children)
    return False


#: Prepositions that place an event noun before or after the clause's own happening.
_SEQUENCE_PREPS = words("after before following since until ahead")


def told_elsewhere(trigger: Token) -> bool:
    """Whether an event noun names a happening that its clause does not tell: what a reaction is
    about (:func:`reaction_governed`), or the happening another one comes after or before ("stepped
    up security on Monday, a day after a drone attack"). The clause's date and subject are then
    another event's."""
    if is_verbal(trigger):
        return False
    if reaction_governed(trigger):
        return True
    return trigger.dep_ == "pobj" and trigger.head.lower_ in _SEQUENCE_PREPS


def governing_timex(ctx: EventContext, trigger: Token) -> tuple[Timex | None, str]:
    """The time expression that dates the trigger and where it was found: ``phrase`` (modifies a
    nominal trigger), ``clause`` (modifies the trigger's clause verbs), ``above`` (a clause above),
    ``narrative``; or ``(None, "none")``."""
    doc = trigger.doc
    sent = sentence(trigger)
    in_sentence = [
        t
        for t in _dated(ctx.timexes)
        if sent.start_char <= t.start < sent.end_char and not _measured_from_other(doc, t)
    ]
    if in_sentence:
        attached: list[tuple[Timex, int]] = []
        for timex in in_sentence:
            token = _attachment(doc, timex)
            if token is not None:
                token = _relative_before(doc, timex, token)
                attached.append((timex, token.i))
        head = clause_head(trigger)
        verbs = chain(head)
        levels: list[tuple[str, set[int]]] = []
        if not is_verbal(trigger):  # the noun and its participles: "the vote, scheduled for May"
            participles = {c.i for c in trigger.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")}
            # and relative clauses telling when it happened: "the protests that began in October 2019"
            participles |= {c.i for c in trigger.children if c.dep_ == "relcl" and _eventive_relative(c)}
            levels.append(("phrase", {trigger.i} | participles))
        reaction = told_elsewhere(trigger)
        if not reaction:  # a reaction's clause and those above date the reaction, not the happening
            levels.append(("clause", {v.i for v in verbs} | {trigger.i}))
        verb = verbs[-1]
        for _ in range(0 if reaction else 4):
            if verb.head.i == verb.i:
                break
            if verb.dep_ in ("relcl", "acl"):  # "protests in 2019, which saw thousands rally"
                levels.append(("above", {verb.head.i}))
            verb = clause_head(verb.head)
            levels.append(("above", {v.i for v in chain(verb)}))
        for level, indices in levels:
            hits = [timex for timex, where in attached if where in indices]
            if hits:
                return min(hits, key=lambda t: abs(t.start - trigger.idx)), level
    if not is_verbal(trigger):
        year = _year_modifier(trigger)
        if year is not None:
            return year, "phrase"
    return _narrative(ctx, trigger), "narrative"


def _measured_from_other(doc: Doc, timex: Timex) -> bool:
    """Whether a relative day is measured from another happening named after it ("the day before
    local elections", "two days after the vote"): its value, resolved against the article date,
    is not the trigger's date."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    candidates = [span[-1]] + ([doc[span.end]] if span.end < len(doc) else [])
    for prep in candidates:
        if (
            prep.lower_ in ("before", "after")
            and prep.dep_ == "prep"
            and any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in prep.children)
        ):
            return True
    return False


def _relative_before(doc: Doc, timex: Timex, token: Token) -> Token:
    """The relative clause a time expression closes when the parser hung it on the main verb
    instead: "parents of students who disappeared ten years ago marched" (the disappearance is
    ten years ago, not the march). ``token`` otherwise."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or span.start == 0 or not is_verbal(token) or span.end > token.i:
        return token
    before = doc[span.start - 1]
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < span.start]
    for subject in subjects:
        for relcl in (t for t in subject.subtree if t.dep_ == "relcl"):
            if max(t.i for t in relcl.subtree) == before.i:
                return relcl
    return token


def _subordinate(token: Token) -> bool:
    """Whether ``token`` is inside a relative clause or a purpose or subordinated clause ("to
    condemn the blast … the previous night"), which dates something else than the sentence's
    happening. The walk stops at a paragraph break: a headline the parser ran into the first
    paragraph ("… as Baghdad vows to find culprits\n\nGovernments condemned Sunday's attack")
    does not make the paragraph's words subordinate."""
    paragraph = token.doc.text.rfind("\n\n", 0, token.idx)
    for _ in range(16):
        if token.idx < paragraph:
            return False
        if token.dep_ in ("relcl", "acl"):
            return True
        if token.dep_ == "advcl" and any(
            (c.dep_ == "aux" and c.lower_ == "to") or c.dep_ == "mark" for c in token.children
        ):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _eventive_relative(verb: Token) -> bool:
    """A relative clause whose subject is the event noun itself ("protests *that* began", "the
    demonstrations *which* shook the capital"), not one about someone else ("whom police arrested")."""
    return any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in verb.children)


def _year_modifier(noun: Token) -> Timex | None:
    """A year written before an event noun ("the 2019 protests"), which time tagging may miss."""
    for child in noun.children:
        if child.dep_ in ("nummod", "compound", "amod") and child.i < noun.i and _YEAR_WORD.match(child.text):
            return Timex(child.idx, child.idx + 4, child.text, "DATE", child.text, "year")
    return None


def _narrative(ctx: EventContext, trigger: Token) -> Timex | None:
    text = doc_text(trigger.doc)
    paragraph = text.rfind("\n\n", 0, trigger.idx)
    heading = section_heading(text, trigger.idx)
    background = heading is not None and _is_background(text[heading[0] : heading[1]])
    published = published_date(ctx)
    limit = sentence(trigger).start_char
    before = [t for t in _dated(ctx.timexes) if t.end <= limit]
    if background and heading is not None:  # a background section has its own dates, or none
        inside = [t for t in before if t.start > heading[0]]
        return inside[-1] if inside else None
    for timex in reversed(before):
        where = _attachment(trigger.doc, timex)
        if where is not None and _subordinate(_relative_before(trigger.doc, timex, where)):
            continue  # "… to condemn the blast the previous night." does not date what follows
        if timex.start > paragraph:
            return timex
        if not is_background_date(timex.value, published) and not is_future_date(timex.value, published):
            return timex
    return None


_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None,
}  # fmt: skip
_UNIT_DAYS = {"hour": 0, "day": 1, "week": 7}
#: Offsets beyond this many days are not computed (months and years have their own expressions).
_MAX_OFFSET = 90


def sequence_offset(trigger: Token) -> tuple[int, Token] | None:
    """Days from the happening an event noun names to the clause it is placed against, and the
    word of that clause: "a day after the attack" → 1, "eleven days after a drone attack" → 11,
    "two weeks before the vote" → -14, "hours after the attack" → 0; ``None`` without such a
    measured "after" or "before"."""
    if is_verbal(trigger) or trigger.dep_ != "pobj" or trigger.head.lower_ not in ("after", "before"):
        return None
    prep = trigger.head
    amounts = [c for c in prep.children if c.dep_ == "npadvmod"]
    anchor = prep.head
    if not amounts and prep.head.dep_ == "npadvmod":  # parsed as "[a day [after the attack]]"
        amounts, anchor = [prep.head], prep.head.head
    if not amounts:
        return None
    amount = amounts[0]
    unit = _UNIT_DAYS.get(amount.lemma_.lower())
    if unit is None:
        return None
    count: int | None = 1
    for child in amount.children:
        if child.dep_ in ("nummod", "det", "amod") and child.i < amount.i:
            word = child.lower_
            count = int(word) if word.isdigit() else _NUMBERS.get(word, count)
    if count is None or count * unit > _MAX_OFFSET:
        return None
    return (count * unit if prep.lower_ == "after" else -count * unit), anchor


def date_of(ctx: EventContext, trigger: Token) -> tuple[str | None, str | None, str | None, Span | None, str]:
    """``(value, precision, source, span, level)`` of the trigger's date (see the module doc)."""
    sequence = sequence_offset(trigger)
    if sequence is not None and sequence[1].i != trigger.i:  # dated by what came after or before it
        offset, anchor = sequence
        anchored = date_of(ctx, anchor)
        day = period(anchored[0]) if anchored[0] else None
        if day is not None and day[2] == "day":
            try:
                shifted = (day[0] - timedelta(days=offset)).isoformat()
            except OverflowError:
                shifted = None
            if shifted is not None:
                return shifted, "day", anchored[2], anchored[3], anchored[4]
    timex, level = governing_timex(ctx, trigger)
    if timex is not None:
        found = period(timex.value)
        assert found is not None and timex.value is not None
        value = timex.value[:10] if found[2] == "day" else timex.value
        precision = timex.precision if timex.precision in _PRECISIONS else found[2]
        if found[2] == "day":
            precision = "day"
        return value, precision, "text", (timex.start, timex.end), level
    if published_date(ctx) is not None:
        return ctx.published, "day", "article", None, "article"
    return None, None, None, None, "none"


_PRECISIONS = frozenset({"day", "week", "month", "quarter", "year", "decade"})


def historical(
    ctx: EventContext, trigger: Token, timex_span: Span | None, level: str, value: str | None
) -> tuple[bool, list[Span]]:
    """Whether the mention is background, and the evidence (see the module doc)."""
    published = published_date(ctx)
    if _dated_by(trigger, level) and is_background_date(value, published):
        return True, [timex_span] if timex_span else []
    for token in (trigger, *[c for c in trigger.children if c.dep_ in ("amod", "advmod")]):
        if token.i != trigger.i and token.lower_ in BACKGROUND_ADJS:
            return True, [token_span(token)]
    found = _background_prep(trigger)
    if found is not None:
        return True, [token_span(found)]
    head = clause_head(trigger)
    recent = level in ("phrase", "clause") and value is not None
    if _past_perfect(head) and not recent and not (head.dep_ == "ccomp" and head.head.lemma_ in SPEECH_VERBS):
        aux = [c for c in head.children if c.dep_ == "aux" and c.lemma_ == "have"]
        return True, [token_span(aux[0])]
    text = doc_text(trigger.doc)
    heading = section_heading(text, trigger.idx)
    if heading is not None and _is_background(text[heading[0] : heading[1]]):
        return True, [heading]
    return False, []


def _dated_by(trigger: Token, level: str) -> bool:
    """Whether the governing date found at ``level`` says when the trigger happened: always for its
    own phrase and clause; from a clause above only for reported content or a coordinated clause
    ("police said on 3 May that gunmen attacked …"), and not for a present tense."""
    if level in ("phrase", "clause"):
        return True
    if level != "above":
        return False
    top = chain(clause_head(trigger))[-1]
    return top.dep_ in ("ccomp", "conj", "xcomp") and top.tag_ not in ("VBZ", "VBP")


def _past_narrative(word: Token) -> bool:
    """The clause of ``word`` (what a "following …" phrase modifies) is told in the simple past or
    past perfect: "the vote was held following protests" (background), unlike "markets have surged
    following efforts" or "stocks rose on Monday following news" (dated the same day)."""
    head = word if word.pos_ in ("VERB", "AUX") else clause_head(word)
    if any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP", "MD") for c in head.children):
        return False
    if head.tag_ not in ("VBD", "VBN"):
        return False
    return not any(c.dep_ in ("npadvmod", "prep") and c.ent_type_ in ("DATE", "TIME") for c in head.subtree)


def _past_perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in verb.children
    )


def _background_prep(trigger: Token) -> Token | None:
    """ "following the protests", "since the election", "in the wake of the attack"."""
    token = trigger if not is_verbal(trigger) else clause_head(trigger)
    for _ in range(3):
        if token.dep_ == "conj":
            token = token.head
            continue
        break
    if token.dep_ in ("pobj", "pcomp"):
        prep = token.head
        if prep.lower_ == "since" or (prep.lower_ == "following" and _past_narrative(prep.head)):
            return prep
        if prep.lower_ == "of" and prep.head.lower_ in ("wake", "aftermath", "anniversary"):
            return prep.head
    if token.dep_ == "advcl" or is_verbal(token):
        for child in token.children:
            if child.dep_ == "mark" and child.lower_ == "since" and token.tag_ in ("VBD", "VBN"):
                return child
            # "…, two days after a teenager was shot dead": a past clause measured days or more
            # before the main one is an earlier happening
            if (
                child.dep_ == "mark"
                and child.lower_ == "after"
                and token.dep_ == "advcl"
                and _measured(token)
            ):
                return child
    return None


def _measured(verb: Token) -> bool:
    """A past verb with a measure of days, weeks, months or years ("two days [after] …")."""
    if verb.tag_ not in ("VBD", "VBN"):
        return False
    return any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in ("day", "week", "month", "year") for c in verb.children
    )


def section_heading(text: str, position: int) -> Span | None:
    """The span of the heading line of the section ``position`` is in, if there is one: a short
    line of its own without final punctuation (checked over at most ``_MAX_LINES_BACK`` lines)."""
    end = text.rfind("\n", 0, position)
    for _ in range(_MAX_LINES_BACK):
        if end < 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line and _is_heading(line):
            offset = text.index(line, start)
            return offset, offset + len(line)
        end = start - 1
    return None


def _is_background(heading: str) -> bool:
    return bool(set(re.findall(r"[a-z]+", heading.lower())) & BACKGROUND_HEADINGS)


def _is_heading(line: str) -> bool:
    words = line.split()
    return (
        len(words) <= 6
        and len(line) <= 60
        and line[:1].isupper()
        and line[-1] not in ".!?,;:\"'”’)"
        and not line[-1].isdigit()
    )
