"""Quoted tweets and headline-style statements.

A paragraph followed by a "— Name (@handle) Date" line is that person's tweet (a direct quote in the
paragraph's language). A paragraph opening with "Name: statement" (headline style, "Rubio: I still
believe …") reports what the named person said; section labels ("Update:", "Photo:") are not names.
"""

from __future__ import annotations

import re

from tidings.nlp.quotes.context import Context, Relation, trim_clause
from tidings.nlp.quotes.marks import trim_marks, word_count

_TWEET_LINE = re.compile(
    r"\s*[—–-]{1,2}\s*(?P<name>[^\n(@]{1,120}?)\s*\(\s*@\w{1,30}\s*\)"
    r"(?:\s*(?:on\s+)?[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})?\s*$"
)
_LATIN_NAME = re.compile(r"[A-Za-zÀ-ɏ][\w.'’-]*(?:\s+[A-Za-zÀ-ɏ][\w.'’-]*)*")


_LABELS = frozenset(
    {
        "background",
        "update",
        "updates",
        "note",
        "editor's note",
        "editor’s note",
        "correction",
        "photo",
        "photos",
        "video",
        "related",
        "watch",
        "read more",
        "source",
        "sources",
        "q",
        "a",
        "warning",
        "disclaimer",
        "summary",
        "context",
        "analysis",
        "opinion",
        "live",
        "breaking",
        "latest",
        "exclusive",
        "timeline",
        "explainer",
        "factbox",
    }
)  # section labels, not speakers
_HEADLINE = re.compile(r"(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*:[ \t]+(?P<rest>\S)")


def headline_relations(context: Context, direct: list[Relation]) -> list[Relation]:
    """ "Rubio: I still believe …" — a name, a colon and what the person said (headline style)."""
    text = context.text
    taken = [r.content for r in direct]
    relations: list[Relation] = []
    for start, end in context.paragraphs:
        match = _HEADLINE.match(text, start, min(end, start + 80))
        if match is None:
            continue
        name = match.span("name")
        first = context.token_at(name[0])
        last = context.token_at(name[1] - 1)
        if first is None or last is None or len(context.doc) == 0:
            continue
        tokens = context.doc[first : last + 1]
        if context.text[name[0] : name[1]].lower() in _LABELS or not all(
            t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP") for t in tokens
        ):
            continue
        rest_start = match.start("rest")
        line_end = text.find("\n", rest_start, end)
        content = trim_clause(text, rest_start, end if line_end < 0 else line_end)
        if word_count(text, *content) < 3 or any(c[0] <= content[0] < c[1] for c in taken):
            continue
        colon = text.index(":", name[1], rest_start)
        relations.append(Relation(content, ":", (colon, colon + 1), name, False, "speech"))
    return relations


def tweet_relations(context: Context, direct: list[Relation]) -> list[Relation]:
    """A paragraph followed by "— Name (@handle) Month D, YYYY" is that person's tweet."""
    text = context.text
    relations: list[Relation] = []
    paragraphs = context.paragraphs
    covered = [r.content for r in direct]
    for index in range(1, len(paragraphs)):
        start, end = paragraphs[index]
        if end - start > 300:
            continue
        match = _TWEET_LINE.match(text, start, end)
        if match is None:
            continue
        name_start, name_end = match.span("name")
        latin = _LATIN_NAME.match(text, name_start, name_end)
        if latin is not None and latin.end() > latin.start():
            name_end = latin.end()
        name = trim_clause(text, name_start, name_end)
        body = trim_marks(text, *paragraphs[index - 1])
        if body[1] <= body[0] or any(c[0] <= body[0] and body[1] <= c[1] for c in covered):
            continue
        dash = match.start() + len(match.group()) - len(match.group().lstrip())
        cue_span = (dash, dash + 1)
        relations.append(
            Relation(body, "tweeted", cue_span, name if name[1] > name[0] else None, True, "speech")
        )
    return relations
