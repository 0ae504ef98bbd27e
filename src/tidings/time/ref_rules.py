"""Handlers for references and recurrences: "now", "recently", "the future", "current", "every week",
"daily", "twice a year"."""

from __future__ import annotations

import re

from tidings.time.context import (
    Context,
    Result,
    next_word,
    prev_word,
)
from tidings.time.duration_rules import dur_value
from tidings.time.lexicon import (
    DAY_PARTS,
    MONTHS,
    SEASONS,
    WEEKDAYS,
    words,
    words_to_number,
)

_REFS = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "those days": "PAST_REF",
    "the present": "PRESENT_REF",
    "the present day": "PRESENT_REF",
    "present-day": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "formerly": "PAST_REF",
    "the past": "PAST_REF",
    "the recent past": "PAST_REF",
    "the distant past": "PAST_REF",
    "the future": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "the short run": "FUTURE_REF",
    "the long run": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF",
    "the immediate future": "FUTURE_REF",
    "a later date": "FUTURE_REF",
}


def ref(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "now", "currently", "recently", "in the past", "the future"."""
    w = " ".join(m["w"].lower().split())
    if w == "at the time":  # "said at the time": the past moment under discussion
        if ctx.tense(m.start(), m.end()) != "past":
            return None
        return Result(
            "DATE", "PAST_REF", None, start=m.start() + m.group().lower().index("the"), anchor=False
        )
    if w in _ADJECTIVE_REFS:
        return _adjective_ref(m, ctx, w)
    if w == "now" and _discourse_now(ctx, m.start(), m.end()):
        return None
    value = _REFS.get(w)
    if value is None:
        return None
    return Result("DATE", value, None, anchor=False)


#: What may stand between a sentence's end and its first word: space, opening quotes, a dash.
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]['\"’”)]*|\n)[\s\"'`“‘(—–-]*$")


def _discourse_now(ctx: Context, start: int, end: int) -> bool:
    """ "Now, …" opening a sentence: a discourse marker that turns to the next point, not a time.

    "Now, he says, the plan looks different" marks a contrast or a new topic; a "now" inside the
    clause ("Iraq now controls …") or without the comma ("Now is the time") still refers to the
    present.
    """
    if not ctx.text.startswith(",", end):
        return False
    return _SENTENCE_OPENING.search(ctx.text, max(0, start - 12), start) is not None


_ADJECTIVE_REFS = {"current": "PRESENT_REF", "recent": "PAST_REF"}


def _adjective_ref(m: re.Match[str], ctx: Context, w: str) -> Result | None:
    """ "the current weakness", "a recent filing": the adjective alone refers to the present or past.

    Only before a lower-case word that is not a function word ("the current of the river", "most
    recent" and "then current" are left alone).
    """
    nxt = next_word(ctx, m.end())
    if not nxt.isalpha() or not nxt.islower() or nxt in _NOT_ADJECTIVE:
        return None
    if prev_word(ctx, m.start()) in ("most", "more", "less", "least", "then", "electric", "alternating"):
        return None
    return Result("DATE", _ADJECTIVE_REFS[w], None, anchor=False)


_ADVERB_SETS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "quarterly": "P1Q",
    "hourly": "PT1H",
    "nightly": "P1D",
    "biweekly": "P2W",
    "bi-weekly": "P2W",
    "bimonthly": "P2M",
    "bi-monthly": "P2M",
    "semiannually": "P6M",
    "semi-annually": "P6M",
    "fortnightly": "P2W",
}


#: Adjectives that still state how often something recurs: "his weekly radio address", "daily life".
_FREQUENCY_ADJECTIVES = frozenset({"daily", "weekly", "hourly", "nightly", "monthly"})

_NOT_ADJECTIVE = words(
    """
    and or to in on at for from since by until but as the a an with basis of than
    """
)


def set_rule(m: re.Match[str], ctx: Context) -> Result | None:
    """E.g. "every week", "each Sunday", "daily", "twice a year"."""
    if m["adv"]:
        nxt = next_word(ctx, m.end())
        adverb = m["adv"].lower()
        if nxt and nxt.islower() and nxt not in _NOT_ADJECTIVE and adverb not in _FREQUENCY_ADJECTIVES:
            return None  # "quarterly earnings", "annually adjusted": not a frequency of an event
        return Result("SET", _ADVERB_SETS.get(m["adv"].lower()), None)
    unit_word = m["u"] or m["u2"]
    low = unit_word.lower().rstrip(".")
    if low in WEEKDAYS:
        return Result("SET", f"XXXX-WXX-{WEEKDAYS[low] + 1}", None)
    if low in DAY_PARTS:
        return Result("SET", f"XXXX-XX-XXT{DAY_PARTS[low]}", None)
    if low in SEASONS:
        return Result("SET", f"XXXX-{SEASONS[low]}", None)
    if low in MONTHS:
        return Result("SET", f"XXXX-{MONTHS[low]:02d}", None)
    if m["ev"] and m["ev"].lower() == "per":
        return None
    amount = words_to_number(m["n"]) if m["n"] else 1.0
    if unit_word.lower().endswith("s") and not m["n"]:
        return None
    return Result("SET", dur_value(amount, unit_word), None)
