"""Intended, announced and stated future acts (CAMEO2PLOVER 03x "express intent to…" is AGREE).

The sentences below were written for these tests (none is copied from ../shared/data).
"""

from __future__ import annotations

import pytest

from tidings.analyze import analyze
from tidings.models import Article
from tidings.nlp.langid import annotate


def _types(text: str) -> list[str]:
    analysis = analyze(annotate(Article.create(text, published="2024-03-05")))
    return [e["type"] for e in analysis.events]


@pytest.mark.parametrize(
    "text",
    [
        "The rebel army announced it would pull its fighters out of the northern towns.",
        "The militia said on Friday that it will hand back the trucks it captured in March.",
        "The junta plans to release the detained students before the holiday.",
    ],
)
def test_an_announced_or_intended_retreat_is_an_intent_to_yield(text: str) -> None:
    types = _types(text)
    assert "AGREE" in types, types
    assert "CONCEDE" not in types and "RETREAT" not in types, types


def test_a_retreat_the_writer_states_will_happen_is_the_retreat() -> None:
    types = _types("The finance minister of Peru will resign after the budget vote.")
    assert types == ["RETREAT"], types
