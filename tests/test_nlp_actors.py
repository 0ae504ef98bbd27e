"""Actors: mentions merged into participants with role, country and sector."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.ingest.base import ReadOptions
from tidings.ingest.sources import read_inputs
from tidings.models import Actor, Article
from tidings.nlp.actors import actor_at, find_actors, find_entities
from tidings.nlp.countries import country_code
from tidings.nlp.langid import annotate
from tidings.nlp.model import parse

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_0cbdc410b123fccd.txt"


def _actors(text: str) -> tuple[Article, list[Actor]]:
    article = annotate(Article.create(text, published="2023-05-02"))
    return article, find_actors(parse(article))


def _by_mention(article: Article, actors: list[Actor], mention: str) -> Actor:
    start = article.text.index(mention)
    actor = actor_at(actors, (start, start + len(mention)))
    assert actor is not None, f"no actor for {mention!r}: {[a.name for a in actors]}"
    return actor


@pytest.mark.parametrize(
    ("name", "code"),
    [("Iraq", "IRQ"), ("Iraqi", "IRQ"), ("Iraqis", "IRQ"), ("pro-Iran", "IRN"),
     ("the United States", "USA"), ("U.S.", "USA"), ("Britain", "GBR"), ("Germany", "DEU"),
     ("Kenya's", "KEN"), ("Headline", None), ("", None)],
)  # fmt: skip
def test_country_codes(name: str, code: str | None) -> None:
    assert country_code(name) == code


def test_full_name_surname_and_title_merge_into_one_actor() -> None:
    article, actors = _actors(
        "Kenya's President William Ruto arrived in Nairobi on Tuesday. Ruto told reporters that the talks "
        "had gone well. The president later met business leaders."
    )
    ruto = _by_mention(article, actors, "William Ruto")
    assert _by_mention(article, actors, "Ruto told") is ruto
    assert _by_mention(article, actors, "The president") is ruto
    assert ruto.role == "president"
    assert ruto.country == "KEN"
    assert ruto.sector == "GOV"
    assert ruto.kind == "person"


def test_spokesperson_of_a_foreign_ministry_takes_its_country() -> None:
    article, actors = _actors(
        "German Foreign Ministry spokesperson Anna Keller said the embassy would stay open. "
        "Keller added that staff were safe."
    )
    keller = _by_mention(article, actors, "Anna Keller")
    assert keller.role == "spokesperson"
    assert keller.country == "DEU"
    assert _by_mention(article, actors, "Keller added") is keller


def test_collective_actors_get_sector_and_country_and_merge_back_references() -> None:
    article, actors = _actors(
        "Nigeria's army said it had repelled an attack on a base. The army said two soldiers were hurt. "
        "Protesters gathered outside the governor's office, and police fired tear gas."
    )
    army = _by_mention(article, actors, "Nigeria's army")
    assert army.sector == "MIL"
    assert army.country == "NGA"
    assert _by_mention(article, actors, "The army") is army
    assert _by_mention(article, actors, "Protesters").sector == "CVL"
    assert _by_mention(article, actors, "police").sector == "POL"


def test_news_agencies_are_media_even_when_ner_misses_them() -> None:
    article, actors = _actors("Al Arabiya reported the blast, and Reuters later confirmed it.")
    assert _by_mention(article, actors, "Al Arabiya").sector == "MED"
    assert _by_mention(article, actors, "Reuters").sector == "MED"


def test_a_pro_country_modifier_is_an_alignment_not_a_nationality() -> None:
    article, actors = _actors("Pro-Russia militias shelled the town overnight, officials said.")
    militias = _by_mention(article, actors, "militias")
    assert militias.sector == "REB"
    assert militias.country != "RUS"


def test_actor_ids_follow_first_mention_and_spans_slice_back() -> None:
    article, actors = _actors(
        "The United Nations called for calm. Canadian Prime Minister Mark Carney said Canada would help."
    )
    assert [a.id for a in actors] == [f"a{i}" for i in range(1, len(actors) + 1)]
    firsts = [a.mentions[0][0] for a in actors]
    assert firsts == sorted(firsts)
    for actor in actors:
        for start, end in actor.mentions:
            assert article.text[start:end].strip() == article.text[start:end]
            assert end > start


def test_entities_have_possessives_trimmed() -> None:
    article = annotate(
        Article.create("Angela Merkel's office issued a statement in Berlin.", published="2020-01-01")
    )
    entities = find_entities(parse(article))
    names = {(e.text, e.label) for e in entities}
    assert ("Angela Merkel", "PERSON") in names
    for entity in entities:
        assert article.text[entity.start : entity.end] == entity.text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "…",
        "🙂🙂🙂",
        "\u200b\u200f\u202e abc \u202c",
        "كنت في بغداد أمس",
        "no capital letters here at all",
    ],
)
def test_odd_inputs_do_not_crash(text: str) -> None:
    article = annotate(Article.create(text or " ", published="2020-01-01"))
    doc = parse(article)
    assert isinstance(find_actors(doc), list)
    assert isinstance(find_entities(doc), list)


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is in ../shared/seed")
def test_founding_article_actors() -> None:
    article = annotate(next(i for i in read_inputs([str(SEED)], ReadOptions()) if isinstance(i, Article)))
    actors = find_actors(parse(article))
    kadhimi = [a for a in actors if "Kadhimi" in a.name]
    assert len(kadhimi) == 1
    pm = kadhimi[0]
    assert (pm.role, pm.country, pm.sector) == ("prime minister", "IRQ", "GOV")
    mentioned = {article.text[s:e] for s, e in pm.mentions}
    assert {"Mustafa al-Kadhimi", "Kadhimi", "The Iraqi PM"} <= mentioned
    price = next(a for a in actors if a.name == "Ned Price")
    assert (price.role, price.country, price.sector) == ("spokesperson", "USA", "GOV")
    military = _by_mention(article, actors, "Iraq's military")
    assert (military.country, military.sector) == ("IRQ", "MIL")
    assert any(a.name == "US State Department" and a.country == "USA" for a in actors)
    for outlet in ("Reuters", "Al Arabiya"):
        assert _by_mention(article, actors, outlet).sector == "MED"
