"""text.py: cleaning, article ids and paragraph spans."""

from __future__ import annotations

import unicodedata

from tidings.models import Article
from tidings.text import article_id, clean_text, normalize_for_id, paragraph_spans


def test_clean_text_removes_nul_and_control_characters() -> None:
    raw = "Rain\x00fall\x07 was heavy\x1b on\x7f Monday\x9f."
    assert clean_text(raw) == "Rainfall was heavy on Monday."


def test_clean_text_keeps_tabs_and_format_characters() -> None:
    # A tab inside a line and a zero-width joiner are text, not control noise.
    assert clean_text("Score:\t3-1") == "Score:\t3-1"
    assert clean_text("a\u200db") == "a\u200db"


def test_clean_text_turns_crlf_and_cr_into_newlines() -> None:
    assert clean_text("First line.\r\nSecond line.\rThird line.") == "First line.\nSecond line.\nThird line."


def test_clean_text_turns_unicode_line_separators_into_newlines() -> None:
    assert clean_text("one\u2028two\u2029three\x85four") == "one\ntwo\nthree\nfour"


def test_clean_text_strips_trailing_spaces_of_every_line() -> None:
    assert clean_text("The vote was close.   \nTurnout was low.\t\nResults \u00a0\nfollow") == (
        "The vote was close.\nTurnout was low.\nResults\nfollow"
    )


def test_clean_text_collapses_runs_of_blank_lines_to_one() -> None:
    raw = "First paragraph.\n\n\n\n\nSecond paragraph.\n \n\t\n  \nThird paragraph."
    assert clean_text(raw) == "First paragraph.\n\nSecond paragraph.\n\nThird paragraph."


def test_clean_text_strips_leading_and_trailing_whitespace() -> None:
    assert clean_text("\n\n   Only line.  \n\n") == "Only line."


def test_clean_text_normalises_to_nfc() -> None:
    decomposed = "Cafe\u0301 re\u0301opens"
    cleaned = clean_text(decomposed)
    assert cleaned == "Café réopens"
    assert unicodedata.is_normalized("NFC", cleaned)


def test_clean_text_is_nfc_even_when_a_control_character_splits_a_combining_sequence() -> None:
    cleaned = clean_text("Cafe\x00\u0301 opens")
    assert unicodedata.is_normalized("NFC", cleaned)
    assert clean_text(cleaned) == cleaned


def test_clean_text_is_idempotent_on_ordinary_text() -> None:
    raw = "  Title line  \r\n\r\n\r\nBody  text\x00 here.\u2028Next\n\n\n\nEnd "
    once = clean_text(raw)
    assert clean_text(once) == once


def test_article_id_is_sha256_hex_of_whitespace_normalised_text() -> None:
    import hashlib

    assert article_id("The  harbour\n\nreopened.") == hashlib.sha256(b"The harbour reopened.").hexdigest()
    assert normalize_for_id(" a \n\n b\tc ") == "a b c"


def test_article_id_is_stable_under_whitespace_changes() -> None:
    one = "The harbour reopened on Tuesday.\n\nBoats returned in the afternoon."
    two = "The harbour  reopened on Tuesday.\nBoats returned\tin the afternoon.  "
    assert article_id(one) == article_id(two)
    assert Article.create(one).id == Article.create("  " + two.replace("\n", "\r\n")).id


def test_article_id_differs_for_different_text() -> None:
    assert article_id("The harbour reopened on Tuesday.") != article_id("The harbour reopened on Monday.")
    assert article_id("Bridge closed.") != article_id("bridge closed.")


def test_paragraph_spans_split_at_blank_lines() -> None:
    text = "First paragraph\nstill first.\n\nSecond paragraph.\n\n\n\nThird."
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == ["First paragraph\nstill first.", "Second paragraph.", "Third."]


def test_paragraph_spans_split_at_indented_lines_like_wire_copy() -> None:
    # Wire copy: hard-wrapped lines are not indented, each new paragraph is.
    text = (
        "    Grain exports rose sharply in the third\n"
        "quarter, the trade ministry said.\n"
        "    Officials credited better harvests and\n"
        "lower freight costs.\n"
        "    Prices are expected to ease."
    )
    pieces = [text[s:e] for s, e in paragraph_spans(text)]
    assert pieces == [
        "Grain exports rose sharply in the third\nquarter, the trade ministry said.",
        "Officials credited better harvests and\nlower freight costs.",
        "Prices are expected to ease.",
    ]


def test_paragraph_spans_do_not_split_at_a_single_space_indent() -> None:
    text = "A line that wraps\n onto a line with one leading space."
    assert paragraph_spans(text) == [(0, len(text))]


def test_paragraph_spans_are_trimmed_and_slice_back_to_the_paragraphs() -> None:
    text = "  \n\n  Lead paragraph.  \n\n  \n  Second one.\n\n"
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == ["Lead paragraph.", "Second one."]
    for start, end in spans:
        assert not text[start].isspace() and not text[end - 1].isspace()


def test_paragraph_spans_of_empty_or_blank_text() -> None:
    assert paragraph_spans("") == []
    assert paragraph_spans(" \n\n\t\n") == []


def test_article_create_paragraph_offsets_point_into_the_cleaned_text() -> None:
    raw = "Headline words\r\n\r\n\r\nFirst  paragraph\x00 of the report.  \r\n\r\nSecond paragraph."
    article = Article.create(raw)
    assert article.text == "Headline words\n\nFirst  paragraph of the report.\n\nSecond paragraph."
    assert [article.text[p.start : p.end] for p in article.paragraphs] == [
        "Headline words",
        "First  paragraph of the report.",
        "Second paragraph.",
    ]
