"""Mentions of one name that keep different gazetteer candidates are scored each on its own."""

from __future__ import annotations

from tidings.analyze import analyze
from tidings.models import Article
from tidings.nlp.langid import annotate


def test_a_lower_case_namesake_of_a_country_does_not_break_resolution() -> None:
    # "U.S." and the "Us" of a product name share a lookup key but not their candidates; scores
    # shared between them used to index past the shorter candidate list (IndexError)
    text = (
        'Northwind Airlines said it suspended sales in the U.S. of its "Europe on Us" fares for '
        "travel from the U.S. during the summer. The U.S. fares were popular, it said."
    )
    analysis = analyze(annotate(Article.create(text, published="1987-03-03")))
    names = [place["name"] for place in analysis.places]
    assert names.count("United States") >= 2
    for place in analysis.places:
        assert analysis.article.text[place["start"] : place["end"]] == place["text"]
