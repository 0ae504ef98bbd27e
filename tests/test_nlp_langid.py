"""nlp/langid.py: the language of each paragraph and of the article."""

from __future__ import annotations

from pathlib import Path

from conftest import ARABIC, FRENCH, HARBOUR, SEED_FILE, read_all, requires_shared
from tidings.models import Article
from tidings.nlp.langid import annotate, identify, model_path


def _paragraph_langs(article: Article) -> list[tuple[str, str | None]]:
    return [(article.text[p.start : p.end], p.lang) for p in article.paragraphs]


def test_the_model_ships_with_the_installed_package() -> None:
    assert Path(model_path()).is_file()


def test_identify_english_french_arabic() -> None:
    assert identify(HARBOUR)[0] == "en"
    assert identify(FRENCH)[0] == "fr"
    assert identify(ARABIC)[0] == "ar"
    assert 0.5 < identify(HARBOUR)[1] <= 1.0


def test_identify_without_letters_is_none() -> None:
    assert identify("12 345 678 — 2021/2022") == (None, 0.0)
    assert identify("") == (None, 0.0)


def test_the_seed_article_is_english_with_an_arabic_paragraph() -> None:
    requires_shared("seed", SEED_FILE.name)
    [article] = read_all([SEED_FILE])
    annotated = annotate(article)
    assert annotated.lang == "en"
    langs = _paragraph_langs(annotated)
    arabic = [text for text, lang in langs if text.startswith("كنت ومازلت")]
    assert len(arabic) == 1
    assert dict(langs)[arabic[0]] == "ar"
    english = [lang for text, lang in langs if text.startswith(("No terrorist group", "According to Iraq"))]
    assert english == ["en", "en"]
    # the article is mostly English: the Arabic paragraph is a small share of it
    assert sum(1 for _, lang in langs if lang == "ar") < sum(1 for _, lang in langs if lang == "en")


def test_an_english_report_with_an_arabic_quote() -> None:
    article = annotate(
        Article.create(HARBOUR + "\n\n" + ARABIC.split("\n\n")[0] + "\n\nMore boats are expected.")
    )
    assert article.lang == "en"
    assert [lang for _, lang in _paragraph_langs(article)] == ["en", "en", "ar", "en"]


def test_a_french_article_is_fr() -> None:
    article = annotate(Article.create(FRENCH))
    assert article.lang == "fr"
    assert {p.lang for p in article.paragraphs} == {"fr"}
    assert article.lang_score is not None and article.lang_score > 0.5


def test_paragraphs_of_digits_only_take_the_article_language() -> None:
    text = FRENCH + "\n\n2021 2022 2023\n\n12 345,67 — 89 %"
    article = annotate(Article.create(text))
    assert article.lang == "fr"
    digits = article.paragraphs[-2:]
    assert [text[p.start : p.end] for p in digits] == ["2021 2022 2023", "12 345,67 — 89 %"]
    assert [(p.lang, p.score) for p in digits] == [("fr", None), ("fr", None)]


def test_a_language_declared_by_the_source_is_kept_for_the_article() -> None:
    article = annotate(Article.create(HARBOUR, lang="de"))
    assert article.lang == "de"
    assert {p.lang for p in article.paragraphs} == {"en"}  # paragraphs are always identified


def test_text_without_letters_has_no_language() -> None:
    article = annotate(Article.create("12 345\n\n2021"))
    assert article.lang is None
    assert article.lang_score is None
    assert [p.lang for p in article.paragraphs] == [None, None]


def test_annotate_keeps_offsets_and_text() -> None:
    original = Article.create(HARBOUR + "\n\n" + FRENCH)
    annotated = annotate(original)
    assert annotated.text == original.text
    assert [(p.start, p.end) for p in annotated.paragraphs] == [(p.start, p.end) for p in original.paragraphs]
    assert [lang for _, lang in _paragraph_langs(annotated)] == ["en", "en", "fr", "fr"]
