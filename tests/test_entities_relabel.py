"""Country names the tagger takes for people are relabelled as places (nlp/entities.py)."""

from __future__ import annotations

from tidings.analyze import analyze
from tidings.models import Article
from tidings.nlp.langid import annotate


def _analysis(text: str):
    return analyze(annotate(Article.create(text, published="2021-05-03")), skip={"places", "events"})


def test_bare_country_names_are_places_and_states() -> None:
    result = _analysis("Mali and Niger signed a security pact on Monday in the capital.")
    labels = {e.text: e.label for e in result.entities}
    assert labels["Mali"] == "GPE"
    assert labels["Niger"] == "GPE"
    countries = {a.name: a.country for a in result.actors}
    assert countries.get("Mali") == "MLI"
    assert countries.get("Niger") == "NER"


def test_a_persons_surname_that_is_a_country_stays_a_person() -> None:
    result = _analysis("Michael Jordan scored 30 points. Jordan said he was tired after the game.")
    labels = [(e.text, e.label) for e in result.entities if "Jordan" in e.text]
    assert ("Michael Jordan", "PERSON") in labels
    assert all(label == "PERSON" for _, label in labels)


def test_the_dateline_names_no_actor_and_no_participant() -> None:
    text = (
        "KIRKUK (Northern Wire) - Leaders of the farmers' union rejected on Tuesday a plan by the "
        "provincial council to cut water quotas."
    )
    result = analyze(annotate(Article.create(text, published="2022-06-07")))
    dateline_end = text.index("Leaders")
    assert all(start >= dateline_end for actor in result.actors for start, _ in actor.mentions)
    for event in result.events:
        for actor_id in [*event.get("actors", []), *event.get("recipients", [])]:
            actor = next(a for a in result.actors if a.id == actor_id)
            assert all(start >= dateline_end for start, _ in actor.mentions)
