"""Find time expressions in text and normalise them against the article date.

:func:`find_timexes` scans the text once, left to right. At every *trigger* word it tries the
patterns of :mod:`tidings.time.patterns` (leftmost-longest wins), attaches modifiers on the left,
and resolves the match with the handler of its kind (:mod:`tidings.time.handlers`), which knows the
article date, the tense of the governing verb and the narrative's last mentioned day and quarter.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tidings.models import Timex
from tidings.nlp.model import doc_text
from tidings.time.handlers import HANDLERS, Context, Result
from tidings.time.lexicon import words
from tidings.time.normalize import parse_date
from tidings.time.patterns import (
    APOSTROPHE_ROUTE,
    DIGIT_ROUTE,
    GATED,
    LEFT_MODIFIER,
    MODIFIER_MOD,
    PATTERNS,
    QUANTITY_MODIFIERS,
    ROUTES,
    SECOND_WORDS,
    TRIGGERS_UPPER_ONLY,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

_WORD = re.compile(r"['’]?[^\W_]+")
_DIGITS = frozenset("0123456789")
_NEXT_TOKEN = re.compile(r"[\s-]{1,3}['’]?([^\W_]+)")
_LEFT_WINDOW = 45
#: The last word of every modifier LEFT_MODIFIER knows (a cheap test before the regex).
_MODIFIER_LAST_WORDS = words(
    """
    early late on in earlier later mid of about around approximately roughly some nearly almost
    over under than least most to only just barely exactly
    """
)


def find_timexes(text: str, dct: str | None, doc: Doc | None = None) -> list[Timex]:
    """All TIMEX3 time expressions of ``text``, in text order, normalised against ``dct``.

    ``dct`` is the article date ``YYYY-MM-DD`` (None: relative expressions get underspecified
    values such as ``XXXX-WXX-7`` or None, never a guess). ``doc`` is an optional spaCy parse of
    the same text; when given, the governing verb's tense decides the direction of expressions
    such as "on Friday" or "in December". Offsets are ``[start, end)`` character offsets into
    ``text``. Pure: the same input always gives the same output.
    """
    if not isinstance(text, str) or not text:
        return []
    if doc is not None and len(doc_text(doc)) != len(text):
        doc = None
    ctx = Context(text=text, dct=parse_date(dct), doc=doc)
    out: list[Timex] = []
    last_end = 0
    for word in _WORD.finditer(text):
        position = word.start()
        if position < last_end:
            continue
        token = word.group()
        route = _route(token)
        if token[0] in "'’" and not route:
            position += 1
            route = _route(token[1:])
        if not route:
            continue
        if (
            route is DIGIT_ROUTE
            and position >= 2
            and text[position - 1] in ",./"
            and text[position - 2] in _DIGITS
        ):
            continue  # the middle of a number such as 9,999,999 or 5 1/2
        if token.lower() in GATED:
            following = _NEXT_TOKEN.match(text, word.end())
            if following is None or not (
                following.group(1)[0] in _DIGITS or following.group(1).lower() in SECOND_WORDS
            ):
                continue
        found = _best_match(ctx, position, route)
        if found is None:
            continue
        start, end, result = found
        start, mod = _attach_left_modifier(text, start, last_end, result)
        timex = Timex(
            start=start,
            end=end,
            text=text[start:end],
            type=result.type,
            value=result.value,
            precision=result.precision,
            mod=mod if mod is not None else result.mod,
        )
        out.append(timex)
        ctx.remember(result, start, end)
        last_end = end
    return out


def _route(token: str) -> tuple[int, ...]:
    """Indexes of the patterns that may start at ``token`` (empty: not a trigger)."""
    if not token:
        return ()
    first = token[0]
    if first in _DIGITS:
        return DIGIT_ROUTE
    if first in "'’":
        return APOSTROPHE_ROUTE if len(token) > 1 and token[1] in _DIGITS else ()
    if first == "Q" and token[1:2] in _DIGITS:
        return ROUTES["q"]
    low = token.lower()
    if low in TRIGGERS_UPPER_ONLY:
        return ()
    return ROUTES.get(low, ())


def _best_match(ctx: Context, position: int, route: tuple[int, ...]) -> tuple[int, int, Result] | None:
    text = ctx.text
    matches: list[tuple[int, int, str, re.Match[str]]] = []
    for order in route:
        kind, pattern = PATTERNS[order]
        m = pattern.match(text, position)
        if m is not None and m.end() > position:
            matches.append((-(m.end() - position), order, kind, m))
    if not matches:
        return None
    matches.sort(key=lambda item: (item[0], item[1]))
    for _, _, kind, m in matches:
        try:
            result = HANDLERS[kind](m, ctx)
        except (OverflowError, ValueError):  # "9,999,999 days ago", an article dated 0001-01-01
            result = None
        if result is not None:
            end = result.end if result.end is not None else m.end()
            start = result.start if result.start is not None else m.start()
            while end > start and text[end - 1] in " \t\n,":
                end -= 1
            if end > start:
                return start, end, result
    return None


def _attach_left_modifier(text: str, start: int, floor: int, result: Result) -> tuple[int, str | None]:
    """Extend ``start`` over a modifier such as "early", "the end of", "nearly" (mod or None)."""
    left = max(floor, start - _LEFT_WINDOW)
    if start <= left:
        return start, None
    if text[start - 1] != "-":
        last = text[max(left, start - 16) : start].split()
        if not last or last[-1].lower() not in _MODIFIER_LAST_WORDS:
            return start, None
    m = LEFT_MODIFIER.search(text, left, start)
    if m is None or m.end() != start:
        return start, None
    key = _modifier_key(m.group("m"))
    if key not in MODIFIER_MOD:
        return start, None
    mod = MODIFIER_MOD[key]
    if key in QUANTITY_MODIFIERS:
        if not result.quantity:
            return start, None
    elif result.type not in ("DATE", "TIME") or (result.quantity and key in ("early", "late")):
        return start, None
    elif key in ("earlier", "later") and not re.match(r"(?:this|that|last|next|the)\b", text[start:], re.I):
        return start, None  # "earlier this year" is one expression; in "earlier Friday" only Friday is
    return m.start("m"), mod


def _modifier_key(phrase: str) -> str:
    """``"the very end of"`` → ``"end"``; ``"early on"`` → ``"early"``."""
    words = phrase.lower().split()
    while words and words[0] in ("the", "in", "very"):
        words = words[1:]
    while words and words[-1] in ("of", "on", "in"):
        words = words[:-1]
    return " ".join(words)
