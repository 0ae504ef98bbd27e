"""Text cleaning, article ids and paragraph spans.

Every offset tidings reports points into the *cleaned* text that :func:`clean_text` returns, which is
the text stored for an article. The article id is the SHA-256 of :func:`normalize_for_id` of that
text, so the same story read from HTML, JSON Lines or a feed gets the same id whatever its
whitespace.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# C0/C1 control characters other than tab and newline; NUL included. Format characters such as
# zero-width joiners and bidi marks are text and are kept.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
# A paragraph ends at a blank line, or at a line break followed by an indented line (the
# convention of wire copy such as Reuters-21578, where hard-wrapped lines are not indented).
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]{2,}\S)[ \t]*")


_SURROGATE = re.compile("[\ud800-\udfff]")

# A wire dateline opening the text: "BAGHDAD (Reuters) - ", "KABUL, Aug. 26 — ", "Cairo: ".
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z'’.-]+(?:[ ,]+[A-Z][A-Za-z'’.-]+){0,3})\s*(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?"
    r"\s*(?:\((?:[A-Za-z .]+)\))?\s*(?:--|-|—|–|:)\s"
)


def dateline_end(text: str) -> int:
    """Where the dateline that opens ``text`` ends ("BAGHDAD (Reuters) - "), or 0 if there is none."""
    match = _DATELINE.match(text[:120])
    return match.end() if match else 0


def replace_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so that it can be encoded and stored."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def clean_text(raw: str) -> str:
    """Return the text that tidings stores for ``raw``.

    NFC-normalised; line breaks as ``\\n``; control characters (NUL included) removed; lone
    surrogates (which JSON escapes can carry but no encoding can store) replaced by U+FFFD; trailing
    spaces stripped from lines; at most one blank line in a row; no leading or trailing whitespace.
    """
    raw = replace_surrogates(raw)
    text = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw
    for separator in ("\u2028", "\u2029", "\x85"):
        if separator in text:
            text = text.replace(separator, "\n")
    # controls go before normalising, so a NUL between a letter and its accent cannot block NFC
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text))
    if " \n" in text or "\t\n" in text or "\u00a0\n" in text:
        text = "\n".join(line.rstrip(" \t\u00a0") for line in text.split("\n"))
    if "\n\n\n" in text:
        text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def normalize_for_id(text: str) -> str:
    """Collapse every run of whitespace to one space: the form an article id is computed from."""
    return " ".join(text.split())


def article_id(text: str) -> str:
    """SHA-256 (hex) of the whitespace-normalised text."""
    if len(text) > _ID_PIECE:
        return _piecewise_id(text, _ID_PIECE)
    return hashlib.sha256(normalize_for_id(text).encode("utf-8")).hexdigest()


_ID_PIECE = 1_000_000
_SPACE = re.compile(r"\s")  # str.split()'s whitespace: the same code points (checked one by one)


def _piecewise_id(text: str, piece: int) -> str:
    """:func:`article_id` of a long text, hashed in pieces of about ``piece`` characters cut at
    whitespace: the same digest, without a string object per word of the whole text (a 50 MB
    text split into words takes 500 MB)."""
    digest = hashlib.sha256()
    start, first = 0, True
    while start < len(text):
        cut = _SPACE.search(text, min(start + piece, len(text)))
        end = cut.start() if cut else len(text)
        words = text[start:end].split()
        if words:
            if not first:
                digest.update(b" ")
            digest.update(" ".join(words).encode("utf-8"))
            first = False
        start = end
    return digest.hexdigest()


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the non-empty paragraphs of ``text``, leading/trailing space trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _append_trimmed(text, start, match.start(), spans)
        start = match.end()
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
