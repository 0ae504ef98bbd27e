"""Quotation marks: where quotations open and close, across sentences and paragraphs.

Quotations are found by their marks ("…", “…”, ‘…’, «…», „…“). A quotation still open at the end of
a paragraph continues when the next paragraph reopens it (the news convention). Single marks are
also apostrophes, so they need more evidence. Pure functions of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tidings.models import Span

_CLOSERS = {
    "“": ("”", "“", '"'),
    "„": ("“", "”"),
    "«": ("»",),
    "‹": ("›",),
    '"': ('"', "”"),
    "''": ("''",),
    "``": ("''",),
    "‘": ("’",),
    "‚": ("‘", "’"),
    "'": ("'",),
}
_MARKS = re.compile(r"''|``|[\"“”„«»‹›‘’‚']")
_AMBIGUOUS = frozenset({'"', "''", "‘", "‚", "'"})  # their direction depends on their neighbours
_SINGLE = "‘‚'"  # single marks: also apostrophes, so they need more evidence
_OPEN_BEFORE = set(" \t\n([{—–-/:;,") | {"\u00a0", "\u200b", "\u200e", "\u200f"}
_ELIDED_YEAR = re.compile(r"\d\ds?(?!\w)")
_MAX_QUOTE = 4000  # a quote longer than this inside one paragraph is a mismatched mark
_MIN_SINGLE_WORDS = 3  # ‘…’ counts as a quote only with this many words (else a title or a term)


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """A quotation: ``content`` excludes the marks, ``outer`` includes them."""

    content: Span
    outer: Span


def quotation_spans(text: str, paragraphs: list[Span] | None = None) -> list[QuoteMarks]:
    """Every quotation in ``text``, in order; nested marks stay inside the outer quotation.

    A quotation that is still open at the end of a paragraph continues when the next paragraph
    starts with an opening mark; otherwise it is dropped and the scan resumes after its mark.
    """
    if paragraphs is None:
        paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found: list[QuoteMarks] = []
    index = 0
    pos = paragraphs[0][0] if paragraphs else 0
    while index < len(paragraphs):
        end = paragraphs[index][1]
        match = _MARKS.search(text, pos, end) if pos < end else None
        if match is None:
            index += 1
            if index < len(paragraphs):
                pos = paragraphs[index][0]
            continue
        mark_pos = match.start()
        mark = match.group()
        pos = mark_pos + 1
        if mark not in _CLOSERS or not _is_opening(text, mark_pos, mark):
            continue
        close, close_index, close_mark = _find_close(text, paragraphs, index, mark_pos, mark)
        if close is None:
            continue
        content = trim_marks(text, mark_pos + len(mark), close)
        if content[1] > content[0] and (
            mark not in _SINGLE or word_count(text, *content) >= _MIN_SINGLE_WORDS
        ):
            found.append(QuoteMarks(content, (mark_pos, close + len(close_mark))))
        index = close_index
        pos = close + len(close_mark)
    return found


def _is_opening(text: str, pos: int, mark: str) -> bool:
    prev = text[pos - 1] if pos > 0 else " "
    after = pos + len(mark)
    nxt = text[after] if after < len(text) else " "
    if nxt.isspace():
        return False
    if mark in _SINGLE and _ELIDED_YEAR.match(text, after):
        return False  # an elided year: "in ‘08", "the '90s"
    if mark == "'" and not (nxt.isalpha() and (prev in _OPEN_BEFORE or prev in '“"(')):
        return False
    if mark in _AMBIGUOUS:
        return prev in _OPEN_BEFORE or prev in '“„«‘"' or (not prev.isalnum() and prev not in ".,!?’'")
    return mark in _CLOSERS


def _is_closing(text: str, pos: int, mark: str, opener: str) -> bool:
    if mark not in _CLOSERS[opener]:
        return False
    prev = text[pos - 1] if pos > 0 else " "
    after = pos + len(mark)
    nxt = text[after] if after < len(text) else " "
    if opener in _SINGLE:
        if prev.isspace() or nxt.isalnum():
            return False  # an apostrophe inside a word ("don’t") or an opening mark
    elif (opener in _AMBIGUOUS or opener == "``") and prev.isspace() and (nxt.isalnum() or nxt in "“‘"):
        return False  # opens the next quotation
    return True


def _find_close(
    text: str, paragraphs: list[Span], index: int, open_pos: int, opener: str
) -> tuple[int | None, int, str]:
    """Position, paragraph and mark of the mark that closes the quotation opened at ``open_pos``."""
    pos = open_pos + len(opener)
    end = paragraphs[index][1]
    limit = open_pos + _MAX_QUOTE
    while True:
        match = _MARKS.search(text, pos, min(end, limit + 2))
        while match is not None:
            mark_pos = match.start()
            if _is_closing(text, mark_pos, match.group(), opener):
                return mark_pos, index, match.group()
            match = _MARKS.search(text, mark_pos + 1, min(end, limit + 2))
        # still open at the paragraph end: continue only into a paragraph that reopens the quote
        if opener in _SINGLE or index + 1 >= len(paragraphs):
            return None, index, ""
        nxt_start, nxt_end = paragraphs[index + 1]
        reopen = _MARKS.match(text, nxt_start)
        if reopen is None or reopen.group() not in (opener, "“", "«", "„") or nxt_start - open_pos > 20000:
            return None, index, ""
        index += 1
        pos = nxt_start + len(reopen.group())
        end = nxt_end
        limit = nxt_start + _MAX_QUOTE


def trim_marks(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] in "\u200b\u200e\u200f\ufeff"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:\u200b\u200e\u200f\ufeff"):
        end -= 1
    return start, end


def word_count(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())
