"""A participant or source that the text says does not exist ("no group", "nobody") is none."""

from __future__ import annotations

from tidings.analyze import analyze
from tidings.models import Article
from tidings.nlp.langid import annotate


def _events(text: str) -> tuple[list[dict], dict[str, str]]:
    result = analyze(annotate(Article.create(text, published="2023-03-12")))
    return result.events, {a.id: a.name for a in result.actors}


def test_no_group_claiming_an_attack_is_neither_its_attacker_nor_its_source() -> None:
    events, names = _events(
        "A car bomb exploded outside the governor's office in Kirkuk on Sunday. "
        "No group has said it carried out the attack."
    )
    attacks = [e for e in events if e["type"] == "ASSAULT"]
    assert len(attacks) == 1  # "the attack" is the bombing, not a second event by "no group"
    attack = attacks[0]
    assert all("group" not in names[a].lower() for a in attack["actors"])
    assert not any(s.lower().startswith("no ") for s in attack["sources"])


def test_a_named_group_claiming_an_attack_stays_its_source() -> None:
    events, _ = _events(
        "A car bomb exploded outside the governor's office in Kirkuk on Sunday. "
        "The Northern Brigades said it carried out the attack."
    )
    attacks = [e for e in events if e["type"] == "ASSAULT"]
    assert attacks and any("Northern Brigades" in s for e in attacks for s in e["sources"])
