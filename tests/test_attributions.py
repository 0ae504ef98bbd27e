"""Attributions: source, claim, cue and kind for each pattern; the seed; offsets; bad input.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.models import Article, Attribution, Paragraph
from tidings.nlp import langid, model
from tidings.nlp.attributions import attribution_records, find_attributions
from tidings.nlp.cues import source_kind

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_0cbdc410b123fccd.txt"


def attributions_of(text: str) -> tuple[Article, list[Attribution]]:
    article = langid.annotate(Article.create(text, published="2023-05-02"))
    found = find_attributions(article, model.parse(article))
    for attribution in found:
        assert_slices(article, attribution)
    return article, found


def assert_slices(article: Article, attribution: Attribution) -> None:
    text = article.text
    assert 0 <= attribution.start < attribution.end <= len(text)
    assert " ".join(text[attribution.start : attribution.end].split()) == attribution.source
    assert 0 <= attribution.claim[0] < attribution.claim[1] <= len(text)
    assert attribution.actor is None


def claim(article: Article, attribution: Attribution) -> str:
    return article.text[attribution.claim[0] : attribution.claim[1]]


def by_source(found: list[Attribution], source: str) -> Attribution:
    chosen = [a for a in found if a.source == source]
    assert len(chosen) == 1, found
    return chosen[0]


# -- patterns ---------------------------------------------------------------------------------------


def test_according_to_before_the_claim() -> None:
    article, found = attributions_of(
        "According to the health ministry, fourteen people were injured in the crash."
    )
    attribution = by_source(found, "the health ministry")
    assert attribution.kind == "official"
    assert attribution.cue == "according to"
    assert claim(article, attribution) == "fourteen people were injured in the crash"


def test_according_to_after_the_claim() -> None:
    article, found = attributions_of("Five fishermen were rescued off the coast, according to Reuters.")
    attribution = by_source(found, "Reuters")
    assert attribution.kind == "media"
    assert claim(article, attribution) == "Five fishermen were rescued off the coast"


def test_as_per() -> None:
    article, found = attributions_of("As per state TV, the curfew in the northern towns ends at dawn.")
    attribution = by_source(found, "state TV")
    assert attribution.kind == "media"
    assert attribution.cue == "as per"
    assert claim(article, attribution) == "the curfew in the northern towns ends at dawn"


def test_has_reported_that() -> None:
    article, found = attributions_of("The Valley Times has reported that the old dam is leaking again.")
    attribution = by_source(found, "The Valley Times")
    assert attribution.kind == "media"
    assert attribution.cue == "reported"
    assert claim(article, attribution) == "the old dam is leaking again"


def test_reported_with_a_noun_object() -> None:
    article, found = attributions_of("Al Jazeera reported heavy shelling near the airport overnight.")
    attribution = by_source(found, "Al Jazeera")
    assert attribution.kind == "media"
    assert claim(article, attribution).startswith("heavy shelling near the airport")


def test_government_said_that() -> None:
    article, found = attributions_of("The government said that the roads to the border are open again.")
    attribution = by_source(found, "The government")
    assert attribution.kind == "official"
    assert attribution.cue == "said"
    assert claim(article, attribution) == "the roads to the border are open again"


def test_citing() -> None:
    article, found = attributions_of("The agency raised the death toll to twelve, citing hospital records.")
    attribution = by_source(found, "hospital records")
    assert attribution.cue == "citing"
    assert claim(article, attribution) == "The agency raised the death toll to twelve"


def test_quoted_as_saying() -> None:
    article, found = attributions_of(
        "Xinhua quoted a local official as saying that the bridge collapsed under the weight of a truck."
    )
    official = by_source(found, "a local official")
    assert claim(article, official) == "the bridge collapsed under the weight of a truck"


@pytest.mark.parametrize(
    ("sentence", "source", "kind"),
    [
        ("Witnesses said the convoy was hit twice near the market.", "Witnesses", "witness"),
        ("Residents told local radio that the water had turned brown.", "Residents", "witness"),
        ("Sources said the deal between the two parties was close.", "Sources", "anonymous"),
        ("A security source said the suspect was arrested at the station.", "A security source", "anonymous"),
        (
            "An official who spoke on condition of anonymity said the talks had stalled.",
            "An official",
            "anonymous",
        ),
        ("Officials told the newspaper the plan had been dropped.", "Officials", "official"),
        ("Police said three men were detained after the match.", "Police", "official"),
        ("The Associated Press reported that the polls closed early.", "The Associated Press", "media"),
        (
            "Local farmer Tom Reyes said the harvest was the worst in years.",
            "Local farmer Tom Reyes",
            "other",
        ),
    ],
)
def test_speech_attributions_and_kinds(sentence: str, source: str, kind: str) -> None:
    _, found = attributions_of(sentence)
    attribution = next((a for a in found if source in a.source), None)
    assert attribution is not None, found
    assert attribution.kind == kind


def test_pronoun_sources_are_kept_for_linking() -> None:
    article, found = attributions_of("He said the plan had failed because of the weather.")
    attribution = by_source(found, "He")
    assert attribution.kind == "other"
    assert claim(article, attribution) == "the plan had failed because of the weather"


def test_raising_verbs_state_the_writers_view() -> None:
    _, found = attributions_of("The senator appeared to be gaining ground in the northern counties.")
    assert not any(a.source == "The senator" for a in found)
    article, found = attributions_of("The senator seemed to suggest that the bridge tolls would rise.")
    claims = [claim(article, a) for a in found if a.source == "The senator"]
    assert claims and all(c.endswith("the bridge tolls would rise") for c in claims)


def test_verbal_attacks_need_a_person_or_organisation() -> None:
    article, found = attributions_of("Governor Alvarez attacked the budget plan of her rival on Monday.")
    attribution = by_source(found, "Governor Alvarez")
    assert attribution.cue == "attacked"
    assert claim(article, attribution).startswith("the budget plan")
    _, found = attributions_of("A small drone attacked the fuel depot near the port on Monday.")
    assert found == []


@pytest.mark.parametrize(
    ("sentence", "source", "cue", "claim_start"),
    [
        (
            "A new county poll shows the mayor far ahead of both challengers.",
            "A new county poll",
            "shows",
            "the mayor",
        ),
        (
            "Councillor Okafor tweeted a photo of the flooded underpass.",
            "Councillor Okafor",
            "tweeted",
            "a photo",
        ),
        ("The union offered a two-year wage freeze to save the plant.", "The union", "offered", "a two-year"),
    ],
)
def test_object_claims_of_showing_posting_and_offering(
    sentence: str, source: str, cue: str, claim_start: str
) -> None:
    article, found = attributions_of(sentence)
    attribution = by_source(found, source)
    assert attribution.cue == cue
    assert claim(article, attribution).startswith(claim_start)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "“We will not give up on the valley farms,” Ramos, 58, told AFP in an interview on Monday.",
            "Ramos, 58",
        ),
        ("Coastal residents are more likely to say that the levee should be raised.", "Coastal residents"),
        ("“The bridge will reopen in spring,” said the mayor this week.", "the mayor"),
    ],
)
def test_speaker_is_not_the_addressee_nor_a_date(sentence: str, source: str) -> None:
    _, found = attributions_of(sentence)
    assert [a.source for a in found] == [source]


def test_records_carry_cue_spans() -> None:
    article = langid.annotate(Article.create("The ministry said the hospital will reopen in May."))
    records = attribution_records(article, model.parse(article))
    assert len(records) == 1
    attribution, cue_span = records[0]
    assert article.text[cue_span[0] : cue_span[1]] == "said"
    assert attribution.cue == "said"


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("Reuters", "media"),
        ("AFP", "media"),
        ("Iraq's state news agency INA", "media"),
        ("the Morning Post", "media"),
        ("Harbour News", "media"),
        ("media reports", "media"),
        ("the interior ministry", "official"),
        ("the army", "official"),
        ("a police spokeswoman", "official"),
        ("eyewitnesses", "witness"),
        ("officials who declined to be named", "anonymous"),
        ("people familiar with the matter", "anonymous"),
        ("the local football club", "other"),
        ("", "other"),
    ],
)
def test_source_kind(mention: str, kind: str) -> None:
    assert source_kind(mention) == kind


# -- the seed -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> tuple[Article, list[Attribution]]:
    if not SEED.exists():
        pytest.skip("seed file absent")
    from tidings.ingest.base import ReadOptions
    from tidings.ingest.sources import read_inputs

    article = next(a for a in read_inputs([str(SEED)], ReadOptions()) if isinstance(a, Article))
    article = langid.annotate(article)
    found = find_attributions(article, model.parse(article))
    for attribution in found:
        assert_slices(article, attribution)
    return article, found


def test_seed_media_attributions_cover_the_drone_sentences(seed: tuple[Article, list[Attribution]]) -> None:
    article, found = seed
    reuters = by_source(found, "Reuters")
    arabiya = by_source(found, "Al Arabiya")
    assert reuters.kind == arabiya.kind == "media"
    assert "drone laden with explosives targeted the residence" in claim(article, reuters)
    assert "injuries after the drone attack" in claim(article, arabiya)


def test_seed_official_attributions(seed: tuple[Article, list[Attribution]]) -> None:
    article, found = seed
    military = by_source(found, "Iraq's military")
    assert military.kind == "official"
    assert claim(article, military).startswith("Kadhimi was targeted")
    government = by_source(found, "The government")
    assert government.kind == "official"
    assert "drone tried to hit" in claim(article, government)
    assert by_source(found, "media reports").kind == "media"


# -- bad input ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "قالت وكالة الأنباء إن الطريق سيفتح غدا أمام السيارات.",
        "According to 🔥, the 🚒 said so, citing",
        "According to",
        "as per",
        "Citing sources, citing, citing.",
        "The\u200b agency\u200f said\u202a that\u202c it\u200d rained.",
        'Reuters said "the port is closed and “nobody',
    ],
)
def test_no_crash_on_odd_text(text: str) -> None:
    attributions_of(text)


def test_unparsed_doc_and_nul() -> None:
    text = "According to the police\x00, the road is open, citing\x01 officials."
    article = Article(id="x", text=text, paragraphs=[Paragraph(0, len(text), "en")])
    for doc in (model.load().make_doc(text), model.parse(article)):
        for attribution in find_attributions(article, doc):
            assert_slices(article, attribution)
