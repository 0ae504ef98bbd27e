"""Event attributes: status, auxiliary mode, certainty, size, claims, date, sources and evidence.

Unit tests call ``describe`` on a trigger token of sentences written for these tests; the founding
article's test reads it from ``../shared/seed`` (skipped when absent).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tidings.events.attributes import describe, sources_of
from tidings.events.attributes_size import MAX_COUNT, combine_sizes, find_sizes, number_value
from tidings.events.attributes_time import period, section_heading
from tidings.events.model import Attributes, EventContext
from tidings.models import Actor, Attribution, Quote

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_0cbdc410b123fccd.txt"
PUBLISHED = "2024-03-10"  # a Sunday


def _context(text: str, published: str | None = PUBLISHED, **kwargs: Any) -> EventContext:
    from tidings.nlp.model import parse_text
    from tidings.time import find_timexes

    doc = parse_text(text)
    return EventContext(doc=doc, published=published, timexes=find_timexes(text, published, doc), **kwargs)


def _describe(text: str, word: str, nth: int = 0, **kwargs: Any) -> Attributes:
    ctx = _context(text, **kwargs)
    tokens = [t for t in ctx.doc if t.text == word]
    assert len(tokens) > nth, f"{word!r} not in the parse of {text!r}"
    return describe(ctx, tokens[nth])


# -- status --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Gunmen attacked a police station in the north.", "attacked", "completed"),
        ("Militants tried to storm the prison on Friday.", "storm", "attempted"),
        ("Gunmen failed to seize the airport.", "seize", "attempted"),
        ("The minister survived an assassination attempt on Friday.", "attempt", "attempted"),
        ("The governor was unharmed in the attack on his convoy.", "attack", "attempted"),
        ("Police foiled an attack on the embassy.", "attack", "foiled"),
        ("The bombing was thwarted by an informant.", "bombing", "foiled"),
        ("Soldiers prevented the rebels from attacking the town.", "attacking", "foiled"),
        ("The thwarted attack had targeted a market.", "attack", "foiled"),
    ],
)
def test_status(text: str, word: str, expected: str) -> None:
    attrs = _describe(text, word)
    assert attrs.status == expected
    if expected != "completed":  # the deciding word is in the evidence
        assert len(attrs.evidence) >= 2


# -- auxiliary mode ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Rebels attacked the town on Friday.", "attacked", None),
        ("The army did not attack the town.", "attack", "negated"),
        ("Nobody attacked the town.", "attacked", "negated"),
        ("There was no attack on the town.", "attack", "negated"),
        ("The attack did not happen.", "attack", "negated"),
        ("The rebels refused to attack the town.", "attack", "negated"),
        ("The army denied that it attacked the village.", "attacked", "negated"),
        ("No group has claimed responsibility for the attack.", "claimed", "negated"),
        ("If the talks fail, the army would attack the city.", "attack", "hypothetical"),
        ("The rebels threatened violence unless their demands were met.", "threatened", "hypothetical"),
        ("The rebels threatened violence unless their demands were met.", "violence", "hypothetical"),
        ("Analysts warned of the risk of a civil war.", "war", "hypothetical"),
        ("The group will attack the city next week.", "attack", "future"),
        ("The group plans to attack the city.", "attack", "future"),
        ("Officials said the army would withdraw from the city.", "withdraw", "future"),
        ("The march is expected to start at noon.", "start", "future"),
        ("The upcoming election worries the opposition.", "election", "future"),
        ("The convoy will leave the capital and cross the border at dawn.", "cross", "future"),
        ("The minister will resign when the deal is finalized.", "finalized", "future"),
        ("The spokesman did not comment and referred questions to the ministry.", "referred", None),
        ("The election, scheduled for December 2024, is the first in a decade.", "election", "future"),
        ("The group had attacked the town before the truce.", "attacked", "historical"),
        ("The group attacked the town in 2019.", "attacked", "historical"),
        ("The vote came months after the 2019 protests.", "protests", "historical"),
        ("The group has not fought since the ceasefire.", "ceasefire", "historical"),
        ("The previous attack killed three soldiers.", "attack", "historical"),
    ],
)
def test_aux(text: str, word: str, expected: str | None) -> None:
    assert _describe(text, word).aux == expected


def test_negation_stays_in_its_clause() -> None:
    # the claim is negated, the attack is not; the investigation is negated, the attack is not
    assert _describe("No group has claimed responsibility for the attack.", "attack").aux is None
    assert _describe("Police did not investigate the attack.", "attack").aux is None
    assert _describe("Police did not say who attacked the town.", "attacked").aux is None


def test_reported_past_perfect_is_not_background() -> None:
    # news backshifts the main event in reported speech
    assert _describe("Police said gunmen had attacked the town.", "attacked").aux is None
    # a recent date keeps a past perfect out of the background
    assert _describe("On Friday, gunmen had attacked the town.", "attacked").aux is None


def test_background_section() -> None:
    text = (
        "Gunmen attacked a checkpoint on Saturday, police said.\n\n"
        "Background\n\n"
        "Protesters camped outside the parliament after the vote.\n\n"
        "Latest\n\n"
        "Police arrested two men on Sunday."
    )
    ctx = _context(text)
    by_word = {t.text: t for t in ctx.doc}
    assert describe(ctx, by_word["attacked"]).aux is None
    assert describe(ctx, by_word["camped"]).aux == "historical"
    assert describe(ctx, by_word["arrested"]).aux is None
    assert section_heading(text, text.index("camped")) == (
        text.index("Background"),
        text.index("Background") + 10,
    )


# -- certainty -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Witnesses said the army attacked the village.", "attacked", "asserted"),
        ("Rebels allegedly attacked a convoy on Sunday.", "attacked", "alleged"),
        ("The alleged attack happened last week.", "attack", "alleged"),
        ("The rebels were accused of attacking the convoy.", "attacking", "alleged"),
        ("The army claimed that rebels attacked the convoy.", "attacked", "alleged"),
        ("This apparent attack was condemned by the UN.", "attack", "apparent"),
        ("The strike appears to have killed a commander.", "killed", "apparent"),
        ("The army is believed to have carried out the strike.", "carried", "apparent"),
        ("Rebels may have attacked the convoy.", "attacked", "apparent"),
        ("The army denied that it attacked the village.", "attacked", "denied"),
        ("The group denied involvement in the bombing.", "bombing", "denied"),
        ("The army rejected claims that it shelled the town.", "shelled", "denied"),
        ("The council rejected the plan for a ceasefire.", "ceasefire", "asserted"),
        ("Officials said a second attack was likely.", "attack", "apparent"),
        ("Responsibility for the bombing was claimed by the Taliban.", "bombing", "asserted"),
        ("The bill was rejected after talks on the bailout broke down.", "broke", "asserted"),
    ],
)
def test_certainty(text: str, word: str, expected: str) -> None:
    assert _describe(text, word).certainty == expected


# -- size ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "killed", "injured", "arrested"),
    [
        ("Gunmen killed 12 villagers in an overnight raid.", "raid", 12, None, None),
        ("At least 5 people were killed in the attack.", "attack", 5, None, None),
        ("More than twenty people died in the attack.", "attack", 20, None, None),
        ("Dozens were killed and hundreds wounded in the attack.", "attack", 12, 100, None),
        ("The plane crashed, killing all four passengers.", "crashed", 4, None, None),
        ("A policeman was killed in the bombing.", "bombing", 1, None, None),
        ("No one was hurt in the blast.", "blast", 0, 0, None),
        ("Police arrested two dozen suspects during the raid.", "raid", None, None, 24),
        ("Security forces detained 40 protesters and 3 journalists at the march.", "march", None, None, 43),
        ("The attack left twelve dead and thirty injured.", "attack", 12, 30, None),
        ("The death toll from the attack rose to 17 on Tuesday.", "attack", 17, None, None),
        ("Several soldiers were killed in the ambush.", "ambush", 10, None, None),
        ("1,200 people were killed in the offensive.", "offensive", 1200, None, None),
        ("Gunmen attacked the village at dawn.", "attacked", None, None, None),
        ("Gunmen shot dead a village elder near the market.", "shot", 1, None, None),
        ("A crowd beat three thieves to death.", "beat", 3, None, None),
        ("Gunmen ambushed a patrol near the border. Four soldiers were killed.", "ambushed", 4, None, None),
        ("Gunmen ambushed a patrol near the border. No fatalities were reported.", "ambushed", 0, None, None),
        (
            "Gunmen ambushed a patrol.\n\nFour soldiers were killed in a separate raid.",
            "ambushed",
            None,
            None,
            None,
        ),
        (
            "Gunmen ambushed a patrol. Ahmed Ali said four were killed elsewhere.",
            "ambushed",
            None,
            None,
            None,
        ),
    ],
)
def test_size(text: str, word: str, killed: int | None, injured: int | None, arrested: int | None) -> None:
    size = _describe(text, word).size
    assert size == {"killed": killed, "injured": injured, "arrested": arrested}


def test_contradictory_counts_take_the_lower_unless_updated() -> None:
    text = "Three people died in the attack, although a second report said five people died in it."
    assert _describe(text, "attack").size["killed"] == 3
    # across the mentions of one event: the lower count, never a negative or absurd one
    sizes = [{"killed": 3, "injured": None}, {"killed": 5, "injured": 2}, {"killed": -4}, {"killed": 10**9}]
    assert combine_sizes(sizes) == {"killed": 3, "injured": 2, "arrested": None}
    assert combine_sizes([]) == {"killed": None, "injured": None, "arrested": None}


def test_absurd_and_negative_counts_are_dropped_with_a_reason() -> None:
    ctx = _context("A million people were killed in a village attack.")
    trigger = next(t for t in ctx.doc if t.text == "attack")
    result = find_sizes(trigger)
    assert result.counts["killed"] is None
    assert result.dropped and "implausible" in result.dropped[0][1]
    assert describe(ctx, trigger).size["killed"] is None
    assert MAX_COUNT < 1_000_000
    assert number_value([]) is None


@pytest.mark.parametrize(
    ("words", "value"),
    [("12", 12), ("1,200", 1200), ("two dozen", 24), ("three hundred", 300), ("dozens", 12),
     ("hundreds", 100), ("twenty five", 25), ("8-12", 8), ("8 to 12", 8), ("a handful", 3), ("-5", None),
     ("people", None)],
)  # fmt: skip
def test_number_value(words: str, value: int | None) -> None:
    from tidings.nlp.model import load

    tokens = list(load().make_doc(words))
    assert number_value(tokens) == value


# -- claims --------------------------------------------------------------------------------------


def test_claims_of_responsibility() -> None:
    actors = [Actor(id="a1", name="Islamic State", mentions=[(0, 13)], kind="group")]
    text = "Islamic State claimed responsibility for the attack."
    assert _describe(text, "attack", actors=actors).claimed_by == "a1"
    assert _describe(text, "attack").claimed_by == "Islamic State"  # no actor: the name
    assert _describe(
        "Responsibility for the bombing was claimed by the Pakistani Taliban.", "bombing"
    ).claimed_by == ("Pakistani Taliban")
    assert _describe("No group has claimed responsibility for the attack.", "attack").claimed_by is None
    assert _describe("The group did not claim responsibility for the attack.", "attack").claimed_by is None
    assert _describe("The army claimed that rebels attacked the convoy.", "attacked").claimed_by is None


# -- date ----------------------------------------------------------------------------------------


def test_date_from_clause_phrase_narrative_and_article() -> None:
    attrs = _describe("Gunmen attacked the town on Friday.", "attacked")
    assert (attrs.date, attrs.date_precision, attrs.date_source) == ("2024-03-08", "day", "text")
    assert attrs.date_span is not None and attrs.date_span in attrs.evidence
    attrs = _describe("The October 2023 elections were disputed.", "elections")
    assert (attrs.date, attrs.date_precision, attrs.aux) == ("2023-10", "month", "historical")
    # a relative clause's date is not the main clause's
    attrs = _describe("The governor, who took office in 2015, survived an attack.", "attack")
    assert attrs.date_source == "article" and attrs.date == PUBLISHED and attrs.aux is None
    # the narrative's last date in the paragraph
    attrs = _describe("Rebels attacked the town on Friday. Five soldiers were killed.", "killed")
    assert (attrs.date, attrs.date_source) == ("2024-03-08", "text")
    # bounding prepositions do not date the event
    attrs = _describe("It was the worst attack since 2014.", "attack")
    assert attrs.date == PUBLISHED and attrs.aux is None


def test_no_article_date() -> None:
    attrs = _describe("Gunmen attacked the town.", "attacked", published=None)
    assert (attrs.date, attrs.date_precision, attrs.date_source, attrs.date_span) == (None, None, None, None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2021-11-07", ("2021-11-07", "2021-11-07", "day")),
     ("2021-11-07T05:00", ("2021-11-07", "2021-11-07", "day")),
     ("2021-10", ("2021-10-01", "2021-10-31", "month")), ("2019", ("2019-01-01", "2019-12-31", "year")),
     ("2019-Q4", ("2019-10-01", "2019-12-31", "quarter")), ("2021-W44", ("2021-11-01", "2021-11-07", "week")),
     ("201", ("2010-01-01", "2019-12-31", "decade")), ("2021-02-30", None), ("P1M", None),
     ("PRESENT_REF", None), ("", None), (None, None), ("XXXX-10", None)],
)  # fmt: skip
def test_period(value: str | None, expected: tuple[str, str, str] | None) -> None:
    found = period(value)
    assert (None if found is None else (found[0].isoformat(), found[1].isoformat(), found[2])) == expected


# -- sources and evidence ------------------------------------------------------------------------


def test_sources_from_attributions_and_quotes() -> None:
    text = "Police said gunmen attacked the town. Reuters reported that the attack killed two."
    actors = [Actor(id="a1", name="police", mentions=[(0, 6)], kind="group")]
    claim = (text.index("gunmen"), text.index("town") + 4)
    second = (text.index("the attack"), len(text) - 1)
    attributions = [
        Attribution(source="Police", kind="official", start=0, end=6, claim=claim, actor="a1"),
        Attribution(source="Reuters", kind="media", start=37, end=44, claim=second),
        Attribution(source="they", kind="other", start=0, end=0, claim=second),
    ]
    quotes = [Quote(start=claim[0], end=claim[1], text=text[claim[0] : claim[1]], speaker="a1", direct=False)]
    ctx = _context(text, actors=actors, attributions=attributions, quotes=quotes)
    attacked = next(t for t in ctx.doc if t.text == "attacked")
    attack = next(t for t in ctx.doc if t.text == "attack")
    assert describe(ctx, attacked).sources == ["police"]
    assert describe(ctx, attack).sources == ["Reuters"]
    assert sources_of(ctx, (0, 1)) == []
    evidence = describe(ctx, attacked).evidence
    assert evidence and all(0 <= s < e <= len(text) for s, e in evidence)


# -- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Attack", "Explosions, smoke, chaos.", "!!! ???", "12", "killed killed killed"]
)
def test_verbless_and_odd_input(text: str) -> None:
    ctx = _context(text)
    for token in ctx.doc:
        attrs = describe(ctx, token)
        assert attrs.status in ("completed", "attempted", "foiled")
        assert attrs.aux in (None, "historical", "future", "hypothetical", "negated")
        assert all(v is None or 0 <= v <= MAX_COUNT for v in attrs.size.values())


def test_a_doc_without_a_parse() -> None:
    import spacy

    doc = spacy.blank("en")("Gunmen killed 12 people on Friday. No one claimed responsibility.")
    ctx = EventContext(doc=doc, published=PUBLISHED)
    for token in doc:
        attrs = describe(ctx, token)
        assert (attrs.status, attrs.aux, attrs.date, attrs.date_source) == (
            "completed",
            None,
            PUBLISHED,
            "article",
        )


def test_odd_timex_values_and_dates() -> None:
    from tidings.models import Timex

    text = "Gunmen attacked the town on Friday."
    bad = [
        Timex(start=24, end=34, text="on Friday", type="DATE", value=v)
        for v in ("XXXX-WXX-5", "", None, "9999-99")
    ]
    ctx = _context(text, published="not a date")
    ctx.timexes = bad
    attrs = describe(ctx, next(t for t in ctx.doc if t.text == "attacked"))
    assert attrs.date is None and attrs.date_source is None


def test_five_hundred_coordinated_clauses_in_bounded_time() -> None:
    text = " and ".join(f"gunmen attacked village {i} killing {i % 7 + 1} people" for i in range(500)) + "."
    ctx = _context(text)
    triggers = [t for t in ctx.doc if t.text in ("attacked", "killing")]
    assert len(triggers) == 1000
    started = time.monotonic()
    results = [describe(ctx, t) for t in triggers]
    elapsed = time.monotonic() - started
    assert elapsed < 60, f"{elapsed:.1f} s for 1,000 triggers"
    assert all(v is None or 0 <= v <= MAX_COUNT for r in results for v in r.size.values())


# -- the founding article ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> EventContext:
    from tidings.analyze import analyze
    from tidings.ingest.base import ReadOptions
    from tidings.ingest.sources import read_inputs
    from tidings.models import Article
    from tidings.nlp.model import parse

    [article] = [item for item in read_inputs([str(SEED)], ReadOptions()) if isinstance(item, Article)]
    analysis = analyze(article, skip={"places"})
    return EventContext(
        doc=parse(analysis.article),
        published=analysis.article.published,
        actors=analysis.actors,
        timexes=analysis.timexes,
        attributions=analysis.attributions,
        quotes=analysis.quotes,
    )


def _token(ctx: EventContext, word: str, after: str) -> Any:
    offset = ctx.doc.text.index(after)
    return next(t for t in ctx.doc if t.text == word and t.idx >= offset)


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is in ../shared/seed")
def test_founding_article(seed: EventContext) -> None:
    assert seed.published == "2021-11-07"
    attack = describe(seed, _token(seed, "attacked", "explosive-laden drone"))
    assert (attack.status, attack.aux, attack.certainty) == ("attempted", None, "asserted")
    assert (attack.date, attack.date_precision, attack.date_source) == ("2021-11-07", "day", "text")
    assert attack.claimed_by is None
    assert any("military" in source for source in attack.sources)
    # the attack's mentions together are backed by Reuters, Al Arabiya and the military
    mentions = [t for t in seed.doc if t.lemma_ in ("attack", "target") and t.pos_ in ("NOUN", "VERB")]
    described = [describe(seed, t) for t in mentions]
    sources = {s for a in described for s in a.sources}
    assert {"Reuters", "Al Arabiya"} <= sources and any("military" in s for s in sources)
    assert all(a.claimed_by is None for a in described)  # "no group claimed responsibility" is no claim
    assert all(a.date == "2021-11-07" for a in described if a.aux is None)
    election = describe(seed, _token(seed, "elections", "October 10"))
    assert (election.aux, election.date, election.date_source) == ("historical", "2021-10-10", "text")
    protests = describe(seed, _token(seed, "protests", "mass protests"))
    assert (protests.aux, protests.date, protests.date_precision) == ("historical", "2019", "year")
    praise = describe(seed, _token(seed, "praised", "had praised"))  # under "Background"
    assert praise.aux == "historical" and (praise.date, praise.date_source) == ("2021-11-07", "article")
    threat = describe(seed, _token(seed, "threatened", "They also threatened"))
    assert threat.aux == "hypothetical"
    assert describe(seed, _token(seed, "violence", "threatened violence")).aux == "hypothetical"
    claim = describe(seed, _token(seed, "claimed", "No terrorist group"))
    assert claim.aux == "negated" and claim.claimed_by is None
