"""Event size: how many were killed, injured and arrested, tied to the trigger's clause or sentence.

Counts are read from numbers attached in the parse to a casualty word ("killed", "dead",
"deaths", "wounded", "arrested", "death toll"): digits ("12", "1,200"), number words ("twelve",
"two dozen", "three hundred"), and a lone person ("a policeman was killed", "killed the
governor") counts 1. "No one was hurt", "no casualties" give 0.

Conventions follow ACLED's codebook (its fatality-coding section; quoted from memory of the 2019
and 2023 editions, as no network is available here): ACLED records the *lowest*, most
conservative figure reported; vague quantities are coded 10 ("several", "many", or plural
fatalities with no number), "dozens" 12 and "hundreds" 100. We extend the same lower-bound style
to what the codebook does not list: "a few"/"a handful" 3, "scores" 20, "thousands" 1,000, "tens
of thousands" 10,000. Qualifiers keep the number ("at least 5", "more than 20", "nearly 30",
"up to 8" → 5, 20, 30, 8); a range ("8 to 12", "8-12") gives its lower end. Bare plurals ("soldiers
were killed") count 10 only for the killed and injured, as ACLED does for fatalities; arrests need
a number.

Contradictions: within one clause or sentence the lower figure wins (ACLED's conservative rule),
except an explicit update ("the toll rose to 5"), which wins. :func:`combine_sizes` applies the
same rule across the mentions of one event. Counts above ``MAX_COUNT`` are dropped as implausible
for a single event (with the reason in :attr:`SizeResult.dropped`); negative counts never occur.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tidings.events.attributes_clause import (
    chain,
    clause_head,
    clause_tokens,
    sentence,
    token_span,
    window,
    words,
)
from tidings.events.model import SIZE_KEYS
from tidings.models import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

#: No single event is coded with more than this many killed, injured or arrested.
MAX_COUNT = 100_000
VAGUE = 10

CUES: dict[str, frozenset[str]] = {
    "killed": words(
        "kill die dead death fatality murder slay massacre execute behead assassinate toll body life"
        " perish succumb lynch"
    ),
    "injured": words("injure wound hurt injury wounded injured harm casualty"),
    "arrested": words("arrest detain apprehend capture round detention arrestee detainee"),
}
#: "no casualties", "no one was hurt": every count these words cover is 0.
_ZERO_BOTH = frozenset({"hurt", "harm", "casualty"})
_WORDS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "both": 2, "couple": 2, "pair": 2,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_VAGUE = {
    "several": VAGUE, "many": VAGUE, "numerous": VAGUE, "multiple": VAGUE, "some": VAGUE,
    "dozens": 12, "hundreds": 100, "scores": 20, "thousands": 1_000, "millions": 1_000_000,
    "tens": 10, "few": 3, "handful": 3,
}  # fmt: skip
_NUMBER_WORDS = frozenset(_WORDS) | frozenset(_SCALES) | frozenset(_VAGUE)
_REPORT_VERBS = frozenset({"report", "confirm", "record", "be", "count", "find", "discover", "recover"})
#: "neutralised" is killed only when said of fighters ("two terrorists were neutralised"), not of
#: devices ("neutralised a bomb").
_NEUTRALISE = frozenset({"neutralise", "neutralize", "neutralised", "neutralized"})
_COMBATANTS = words(
    "terrorist militant insurgent fighter attacker gunman gunmen assailant jihadist rebel bandit"
    " extremist element suspect raider infiltrator combatant soldier troop member commander"
)
#: A subordinate clause told by these marks an earlier or later happening ("two days after a
#: teenager was shot dead"): its casualties are that event's, not this one's.
_OTHER_TIME = frozenset({"after", "before", "since", "following", "until"})
_UPDATE = frozenset({"rise", "climb", "increase", "reach", "jump", "mount", "grow", "hit"})
_PERSON_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj")
#: Nouns that count their members through "of" ("a family of four").
_COLLECTIVE = frozenset({"family", "group", "band", "party", "team", "crew", "couple", "household"})
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
_RANGE = re.compile(r"^(\d+)[-–](\d+)$")


@dataclass(slots=True)
class SizeResult:
    """Counts by key, the spans of the numbers used, and counts dropped with the reason."""

    counts: dict[str, int | None] = field(default_factory=lambda: dict.fromkeys(SIZE_KEYS))
    evidence: list[Span] = field(default_factory=list)
    dropped: list[tuple[Span, str]] = field(default_factory=list)


def number_value(tokens: list[Token]) -> int | None:
    """The value of a number phrase ("12", "1,200", "two dozen", "three hundred", "dozens")."""
    total, current, seen = 0, 0, False
    for token in tokens:
        raw = token.lower_
        if raw in ("-", "–", "to", "or") and seen:
            break  # a range: its lower end
        if (raw.startswith(("-", "−")) and raw[1:].replace(",", "").isdigit()) or raw in ("-", "−"):
            return None  # a negative count is no count
        word = raw.replace("-", " ").strip()
        if _DIGITS.match(word):
            current += int(word.replace(",", ""))
            seen = True
        elif m := _RANGE.match(word):
            current += int(m[1])
            seen = True
        elif word in _VAGUE and (not seen or total + current == 1):
            return _VAGUE[word]  # "dozens", "a handful"
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
            seen = True
        elif word == "dozen":
            current = max(current, 1) * 12
            seen = True
        elif all(part in _WORDS for part in word.split()) and word.split():
            current += sum(_WORDS[part] for part in word.split())
            seen = True
    return total + current if seen else None


def _number_phrase(head: Token) -> tuple[int | None, Token | None]:
    """The count carried by a noun (its nummod, or the noun itself being a number) or a number."""
    for child in head.children:
        if child.dep_ in ("det", "neg") and child.lower_ == "no":
            return 0, child  # "no one", "no casualties"
    if head.like_num or head.lower_ in _VAGUE or head.lower_ == "dozen":
        parts = [head, *[c for c in head.children if c.dep_ in ("compound", "nummod", "quantmod")]]
        parts.sort(key=lambda t: t.i)
        numeric = [
            p for p in parts if p.like_num or p.lower_ in _WORDS or p.lower_ in _SCALES or p.lower_ in _VAGUE
        ]
        value = number_value([p for p in numeric if p.lower_ not in ("a", "an")] or numeric)
        if value is not None:
            return value, head
    for child in head.children:
        if child.dep_ in ("nummod", "quantmod") or (child.dep_ == "amod" and child.lower_ in _VAGUE):
            value, where = _number_phrase(child)
            if value is not None:
                return value, where
        if child.dep_ == "det" and child.lower_ in ("a", "an", "one", "another") and head.tag_ == "NN":
            return 1, child
        if child.dep_ == "prep" and child.lower_ == "of" and head.lower_ in _VAGUE:
            for pobj in child.children:  # "tens of thousands"
                inner, _ = _number_phrase(pobj)
                if inner is not None and head.lower_ == "tens" and inner >= 1000:
                    return 10 * inner, head
    if head.lower_ in ("nobody", "none"):
        return 0, head
    if head.lower_ == "all":
        for child in head.children:
            value, where = _number_phrase(child)
            if value is not None:
                return value, where
    return None, None


def _person_count(noun: Token, key: str) -> tuple[int | None, Token | None]:
    if noun.lemma_ in _COLLECTIVE:  # "a family of four", "a group of 12 miners"
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for member in prep.children:
                value, where = _number_phrase(member)
                if value is not None:
                    return value, where
    value, where = _number_phrase(noun)
    if value is None and noun.tag_ == "NNS":
        value, where = _leading_number(noun)
    if value is None and noun.tag_ == "NNS":
        value, where = _stray_number(noun)
    if value is not None:
        for other in noun.children:  # "40 protesters and 3 journalists", "5 engineers and their driver"
            if other.dep_ == "conj" and other.pos_ in ("NOUN", "NUM", "PROPN"):
                more, _ = _number_phrase(other)
                if (
                    more is None
                    and other.tag_ == "NN"
                    and any(c.dep_ in ("det", "poss") for c in other.children)
                ):
                    more = 1
                value += more or 0
        return value, where
    if noun.pos_ == "PROPN" or (noun.tag_ == "NN" and any(c.dep_ in ("det", "poss") for c in noun.children)):
        return 1, noun
    if noun.tag_ == "PRP" and noun.lower_ in ("he", "she", "him", "her"):
        return 1, noun
    if noun.tag_ == "NNS" and key != "arrested" and noun.lemma_ not in CUES["killed"] | CUES["injured"]:
        return VAGUE, noun
    return None, None


def _leading_number(noun: Token) -> tuple[int | None, Token | None]:
    """A number the parser hung on a name inside the noun phrase: "killed 5 ISWAP insurgents"
    ("5" a compound of "ISWAP", itself a compound of "insurgents")."""
    left = [t for t in noun.subtree if t.i < noun.i]
    if not left or not all(t.dep_ in ("compound", "nummod", "amod", "quantmod") for t in left):
        return None, None
    first = left[0]
    if (first.like_num and _DIGITS.match(first.text.replace(",", ""))) or first.lower_ in _WORDS:
        value = number_value([first])
        if value is not None and first.lower_ not in ("a", "an"):
            return value, first
    return None, None


def _stray_number(noun: Token) -> tuple[int | None, Token | None]:
    """A number the sentence splitter cut off from its noun: "… with mortars. 2 | Armenian soldiers
    were killed." (the digit closes the previous sentence, the plural opens the next)."""
    first = min(t.i for t in noun.subtree)
    if first == 0 or first != noun.sent.start:
        return None, None
    before = noun.doc[first - 1]
    if _DIGITS.match(before.text) and before.sent.end == first:
        return number_value([before]), before
    return None, None


def _counts_for(cue: Token, key: str) -> tuple[int | None, Token | None, bool]:
    """The count a casualty word carries, where it was, and whether it is an update ("rose to")."""
    if cue.lemma_ in _NEUTRALISE or cue.lower_ in _NEUTRALISE:
        return _counted_args(
            [c for c in cue.children if c.dep_ in ("nsubjpass", "dobj") and c.lemma_ in _COMBATANTS], key
        )
    if cue.lemma_ == "toll" or (cue.lemma_ == "death" and any(c.lemma_ == "toll" for c in cue.head.children)):
        return _toll(cue.head if cue.lemma_ == "death" else cue)
    if cue.lemma_ == "death" and cue.dep_ == "pobj" and cue.head.lower_ == "to":
        verb = cue.head.head  # "beat a man to death", "hacking 3 of them to death"
        for arg in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            value, where = _person_count(arg, key)
            if value is not None:
                return value, where, False
        return None, None, False
    if cue.lemma_ == "life" and cue.dep_ == "dobj" and cue.head.lemma_ == "lose":
        for subj in (c for c in cue.head.children if c.dep_ == "nsubj"):  # "5 soldiers lost their lives"
            value, where = _person_count(subj, key)
            if value is not None:
                return value, where, False
        return None, None, False
    if cue.pos_ in ("NOUN", "PROPN"):  # "12 deaths", "30 injuries", "no casualties"
        value, where = _number_phrase(cue)
        if value is not None:
            return value, where, False
        if cue.dep_ == "dobj":  # "claimed the lives of", "left 12 dead"
            return None, None, False
    # verbs and adjectives: their arguments
    args: list[Token] = []
    if cue.pos_ == "ADJ" and cue.dep_ == "amod":
        args.append(cue.head)
    # "gunmen … shot dead a broadcaster" parsed with "dead" as the predicate: the object died
    has_object = any(c.dep_ == "dobj" for c in cue.children)
    for child in cue.children:
        if child.dep_ in ("nsubjpass", "dobj") or (
            child.dep_ == "nsubj" and cue.lemma_ in ("die", "dead", "perish", "succumb") and not has_object
        ):
            args.append(child)
        elif child.dep_ == "nsubj" and cue.tag_ == "VBN" and not any(c.dep_ == "aux" for c in cue.children):
            args.append(child)  # "… and hundreds wounded"
        if child.dep_ == "nsubj" and cue.pos_ == "ADJ" and not has_object:
            args.append(child)
        if child.dep_ in ("npadvmod", "nummod") and (child.like_num or child.lower_ in _VAGUE):
            args.append(child)
    if cue.dep_ in ("acomp", "oprd", "advmod", "xcomp") and cue.head.pos_ in ("VERB", "AUX"):
        # "12 were dead", "left 12 dead", "shot dead a village chief" (the object died, not the
        # shooters: a subject counts only when the verb has no object)
        objects = [c for c in cue.head.children if c.dep_ in ("nsubjpass", "dobj")]
        subjects = [c for c in cue.head.children if c.dep_ == "nsubj"] if cue.dep_ == "acomp" else []
        args.extend(objects or subjects)
    if cue.dep_ == "conj" and not args:  # "12 were killed and 30 injured": the shared subject
        args.extend(c for c in cue.head.children if c.dep_ in ("nsubjpass", "nsubj"))
    return _counted_args(args, key)


def _counted_args(args: list[Token], key: str) -> tuple[int | None, Token | None, bool]:
    """The count of the first argument that has one; coordinated arguments of the same role
    ("3 prisoners and 1 guard were killed", parsed as two subjects) add up."""
    for arg in args:
        value, where = _person_count(arg, key)
        if value is None:
            continue
        if any(c.dep_ == "cc" for c in arg.children):
            for other in args:
                if other.i > arg.i and other.dep_ == arg.dep_ and other.head.i == arg.head.i:
                    more, _ = _person_count(other, key)
                    value += more or 0
        return value, where, False
    return None, None, False


def _other_time(cue: Token, trigger: Token) -> bool:
    """Whether ``cue`` sits in a clause or phrase set before or after the trigger's happening
    ("…, two days after a teenager was shot dead") that does not contain the trigger."""
    token = cue
    for _ in range(64):  # bounded walk to the root
        marks = [c for c in token.children if c.dep_ == "mark" and c.lower_ in _OTHER_TIME]
        opener = marks and token.dep_ in ("advcl", "prep", "pcomp")
        if token.dep_ == "prep" and token.lower_ in _OTHER_TIME:
            opener = True
        if opener and not (min(t.i for t in token.subtree) <= trigger.i <= max(t.i for t in token.subtree)):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _toll(toll: Token) -> tuple[int | None, Token | None, bool]:
    for token in toll.subtree if toll.dep_ != "ROOT" else toll.head.subtree:
        if token.i == toll.i or token.ent_type_ in ("DATE", "TIME"):
            continue
        if token.like_num:
            value, where = _number_phrase(token)
            if value is not None:
                return value, where, toll.head.lemma_ in _UPDATE
    head = toll.head
    children = sorted(head.children, key=lambda c: c.lower_ not in ("at", "to") and c.dep_ == "prep")
    for child in children:
        if child.dep_ in ("prep", "dobj", "attr"):
            for token in child.subtree:
                if token.like_num and token.ent_type_ not in ("DATE", "TIME"):
                    value, where = _number_phrase(token)
                    if value is not None:
                        return value, where, head.lemma_ in _UPDATE
    return None, None, False


def _key(token: Token) -> str | None:
    lemma, lower = token.lemma_, token.lower_
    if lemma in _NEUTRALISE or lower in _NEUTRALISE:
        return "killed"
    for key in SIZE_KEYS:
        if lemma in CUES[key] or lower in CUES[key]:
            return key
    if lemma == "round" and any(c.lower_ == "up" for c in token.children):
        return "arrested"
    return None


def find_sizes(trigger: Token) -> SizeResult:
    """Killed, injured and arrested counts for the trigger: its clause first, then its sentence,
    then a next sentence that only reports casualties ("… ambushed a patrol. 3 soldiers were
    killed.", "1 fatality.")."""
    result = SizeResult()
    head = clause_head(trigger)
    clause: list[Token] = [trigger]
    for verb in chain(head):
        clause.extend(clause_tokens(verb))
    seen = {t.i for t in clause}
    scopes = [clause, [t for t in window(trigger) if t.i not in seen], _casualty_report(trigger)]
    for scope in scopes:
        found: dict[str, list[tuple[int, Token, bool]]] = {}
        for token in scope:
            key = _key(token)
            if key is None or _other_time(token, trigger):
                continue
            if token.lemma_ == "round" and key == "arrested":
                value, where, update = _counts_for_roundup(token)
            else:
                value, where, update = _counts_for(token, key)
            if value is None or where is None:
                continue
            if value > MAX_COUNT:
                reason = (token_span(where), f"{value:,} {key} is implausible for one event")
                if reason not in result.dropped:
                    result.dropped.append(reason)
                continue
            keys = ("killed", "injured") if value == 0 and token.lemma_ in _ZERO_BOTH else (key,)
            for k in keys:
                found.setdefault(k, []).append((value, where, update))
        for key, values in found.items():
            if result.counts[key] is not None:
                continue
            if any(v[0] > 0 for v in values):  # "9 attackers were killed; no soldiers died"
                values = [v for v in values if not _group_zero(v[1])] or values
            updates = [v for v in values if v[2]]
            value, where, _ = updates[-1] if updates else min(values, key=lambda v: v[0])
            result.counts[key] = value
            result.evidence.append(token_span(where))
    coded, where = _coded_as(trigger)
    if coded is not None and where is not None and coded <= MAX_COUNT:
        result.counts["killed"] = coded  # the coder's explicit figure wins over our reading
        result.evidence.append(token_span(where))
    return result


def _group_zero(where: Token) -> bool:
    """Whether a zero is said of one named group only ("no soldiers died", "no civilians were
    hurt"): it does not contradict the deaths of another group in the same report, unlike "no one",
    "no casualties" or "no people"."""
    if where.lower_ != "no" or where.dep_ != "det":
        return False
    group = where.head
    return group.tag_ == "NNS" and _key(group) is None and group.lemma_ not in ("people", "person")


def _casualty_report(trigger: Token) -> list[Token]:
    """The casualty words of the next sentence when that sentence only reports casualties: its root
    is a casualty word ("5 insurgents were killed in the fighting.", "1 fatality.") or a verb of
    reporting whose subject is one ("No fatalities were reported."). Nothing otherwise."""
    doc = trigger.doc
    end = sentence(trigger).end
    while end < len(doc) and doc[end].is_space:
        end += 1
    if end >= len(doc) or "\n\n" in doc[end - 1].text_with_ws:
        return []  # the end of the text or of the paragraph
    root = sentence(doc[end]).root
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" for t in root.children):
        return []  # a new named actor: a new event
    if _key(root) is not None:
        return [root]
    # "The army said two fighters were neutralised.", "35 people died; media claimed …"
    out = [c for c in root.children if c.dep_ == "ccomp" and _key(c) is not None]
    if root.lemma_ in _REPORT_VERBS:
        out += [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and _key(c) is not None]
    # "The death toll was put at 113.", "The toll stood at 40.": a toll whatever its verb
    out += [
        c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_ == "toll" and c not in out
    ]
    # "… said 5 attackers were killed; no policemen died" (the first report hung on the second)
    out += [c for t in list(out) for c in t.children if c.dep_ in ("ccomp", "conj") and _key(c) is not None]
    return out


def _coded_as(trigger: Token) -> tuple[int | None, Token | None]:
    """ACLED's own convention sentence in the trigger's sentence or a later one of its paragraph:
    "the number of fatalities is unclear, coded as 10", "fatalities coded as 3"."""
    doc = trigger.doc
    start = sentence(trigger).start
    end = start
    while end < len(doc) and "\n\n" not in doc[end].text_with_ws:
        end += 1
    for token in doc[start : min(end + 1, len(doc))]:
        if token.lemma_ != "code" or token.pos_ not in ("VERB", "AUX"):
            continue
        if not any(_key(t) == "killed" for t in token.sent):
            continue  # "coded as 3" says nothing of fatalities without a casualty word
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "as"):
            for pobj in prep.children:
                if pobj.ent_type_ in ("DATE", "TIME"):
                    continue
                value, where = _number_phrase(pobj)
                if value is not None:
                    return value, where
    return None, None


def _counts_for_roundup(token: Token) -> tuple[int | None, Token | None, bool]:
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            value, where = _number_phrase(child)
            if value is not None:
                return value, where, False
    return None, None, False


def combine_sizes(sizes: Iterable[dict[str, int | None]]) -> dict[str, int | None]:
    """The size of one event from the sizes of its mentions: per key the lowest count reported
    (ACLED's conservative rule), ``None`` when no mention reports one."""
    out: dict[str, int | None] = dict.fromkeys(SIZE_KEYS)
    for size in sizes:
        for key in SIZE_KEYS:
            value = size.get(key)
            if isinstance(value, int) and 0 <= value <= MAX_COUNT:
                current = out[key]
                out[key] = value if current is None else min(current, value)
    return out
