"""Direct and indirect quotes: marks, speakers, cues, tweets, offsets and bad input.

Every sentence here was written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.models import Article, Paragraph, Quote
from tidings.nlp import langid, model
from tidings.nlp.quotes import find_quotes, quotation_spans

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_0cbdc410b123fccd.txt"


def quotes_of(text: str) -> tuple[Article, list[Quote]]:
    article = langid.annotate(Article.create(text, published="2023-03-03"))
    quotes = find_quotes(article, model.parse(article))
    for quote in quotes:
        assert_slices(article, quote)
    return article, quotes


def assert_slices(article: Article, quote: Quote) -> None:
    text = article.text
    assert 0 <= quote.start < quote.end <= len(text)
    assert quote.text == text[quote.start : quote.end]
    for span in (quote.speaker_span, quote.cue_span):
        if span is not None:
            assert 0 <= span[0] < span[1] <= len(text)


def speaker(article: Article, quote: Quote) -> str | None:
    if quote.speaker_span is None:
        return None
    return article.text[quote.speaker_span[0] : quote.speaker_span[1]]


def only(quotes: list[Quote], direct: bool = True) -> Quote:
    chosen = [q for q in quotes if q.direct is direct]
    assert len(chosen) == 1, quotes
    return chosen[0]


# -- quotation marks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ('She said, "The roof will be fixed by June."', "The roof will be fixed by June."),
        ("She said, “The roof will be fixed by June.”", "The roof will be fixed by June."),
        ("Il a dit : «Nous allons reconstruire le pont.»", "Nous allons reconstruire le pont."),
        ("Er sagte: „Wir bauen die Brücke wieder auf.“", "Wir bauen die Brücke wieder auf."),
        ("She wrote: ‘We will not stop here, not now.’", "We will not stop here, not now."),
        ("''We are ready for the vote,'' the clerk said.", "We are ready for the vote"),
    ],
)
def test_quotation_marks_of_each_style(text: str, inside: str) -> None:
    spans = quotation_spans(text)
    assert [text[q.content[0] : q.content[1]] for q in spans] == [inside]
    outer = spans[0].outer
    assert text[outer[0]] in "\"“«„‘'" and text[outer[1] - 1] in "\"”»“’'"


def test_apostrophes_are_not_quotes() -> None:
    text = "The farmers’ market didn’t open, and the ’90s hall stayed shut."
    assert quotation_spans(text) == []


def test_elided_years_do_not_open_quotes() -> None:
    text = (
        "The mayor said in ‘08 that the “river road” would be rebuilt, as in the '90s, "
        "‘before the floods came back’."
    )
    found = [text[q.content[0] : q.content[1]] for q in quotation_spans(text)]
    assert found == ["river road", "before the floods came back"]


def test_short_single_quoted_term_is_not_a_quote() -> None:
    assert quotation_spans("They called it a ‘ceasefire’ on paper.") == []


def test_unbalanced_marks_do_not_swallow_the_text() -> None:
    text = 'He said "we will see.\n\nThe council met later and "approved" the "new budget" quickly.'
    found = [text[q.content[0] : q.content[1]] for q in quotation_spans(text)]
    assert "approved" in found and "new budget" in found
    assert all("council" not in f for f in found)


def test_quote_spanning_paragraphs_is_one_quote() -> None:
    text = (
        "“The harbour wall failed in two places during the storm.\n\n"
        "“We will rebuild it before the winter season begins,” the harbour master said."
    )
    article, quotes = quotes_of(text)
    quote = only(quotes)
    assert quote.text.startswith("The harbour wall failed")
    assert quote.text.endswith("winter season begins")
    assert speaker(article, quote) == "the harbour master"


# -- speakers and cues ------------------------------------------------------------------------------


def test_speaker_before_the_quote() -> None:
    article, quotes = quotes_of("He said, “The water supply will be restored by Friday.”")
    quote = only(quotes)
    assert quote.text == "The water supply will be restored by Friday."
    assert speaker(article, quote) == "He"
    assert quote.cue == "said"
    assert quote.cue_span is not None and article.text[slice(*quote.cue_span)] == "said"
    assert quote.speaker is None
    assert quote.lang == "en"


def test_speaker_after_the_quote() -> None:
    article, quotes = quotes_of("“The talks with the farmers were useful,” she said on Monday.")
    quote = only(quotes)
    assert quote.text == "The talks with the farmers were useful"
    assert speaker(article, quote) == "she"
    assert quote.cue == "said"


def test_inverted_speaker_after_the_quote() -> None:
    article, quotes = quotes_of("“Nobody was hurt in the warehouse fire,” said Maria Lopez, the fire chief.")
    quote = only(quotes)
    assert "Maria Lopez" in (speaker(article, quote) or "")
    assert quote.cue == "said"


def test_told_reporters_with_colon() -> None:
    article, quotes = quotes_of("The governor told reporters: “We are sending more buses to the valley.”")
    quote = only(quotes)
    assert speaker(article, quote) == "The governor"
    assert quote.cue == "told"


@pytest.mark.parametrize("verb", ["added", "warned", "insisted", "wrote"])
def test_other_speech_verbs(verb: str) -> None:
    article, quotes = quotes_of(f"“The dam is safe for now,” the engineer {verb}.")
    quote = only(quotes)
    assert quote.cue == verb
    assert speaker(article, quote) == "the engineer"


def test_according_to_before_a_quote() -> None:
    article, quotes = quotes_of(
        "According to the mayor, “the water is safe to drink again after the repairs.”"
    )
    quote = only(quotes)
    assert speaker(article, quote) == "the mayor"
    assert quote.cue == "according to"


def test_multi_sentence_quote_and_continuation() -> None:
    text = (
        "“The storm hit at night. Three roofs collapsed on the east side,” said Ana Ruiz, who runs the "
        "shelter. “Now we start again with whatever we have left.”"
    )
    article, quotes = quotes_of(text)
    direct = [q for q in quotes if q.direct]
    assert len(direct) == 2
    assert direct[0].text.startswith("The storm hit at night. Three roofs")
    assert direct[1].text.startswith("Now we start again")
    assert direct[0].speaker_span == direct[1].speaker_span
    assert "Ana Ruiz" in (speaker(article, direct[1]) or "")


def test_scare_quotes_are_not_quotes() -> None:
    _, quotes = quotes_of("The council approved the so-called “green corridor” plan on Tuesday.")
    assert [q for q in quotes if q.direct] == []


# -- indirect quotes --------------------------------------------------------------------------------


def test_indirect_quote_with_that() -> None:
    article, quotes = quotes_of("The ministry said that the border crossing would reopen on Monday.")
    quote = only(quotes, direct=False)
    assert quote.text == "the border crossing would reopen on Monday"
    assert speaker(article, quote) == "The ministry"
    assert quote.cue == "said"


def test_indirect_quote_without_that_and_with_recipient() -> None:
    article, quotes = quotes_of("The coach told the players the final match had been postponed.")
    quote = only(quotes, direct=False)
    assert quote.text == "the final match had been postponed"
    assert speaker(article, quote) == "The coach"
    assert quote.cue == "told"


@pytest.mark.parametrize("verb", ["denied", "confirmed", "warned", "claimed", "added"])
def test_indirect_quote_verbs(verb: str) -> None:
    article, quotes = quotes_of(f"The company {verb} that its drivers had been paid late in March.")
    quote = only(quotes, direct=False)
    assert quote.cue == verb
    assert quote.text == "its drivers had been paid late in March"
    assert speaker(article, quote) == "The company"


def test_trailing_cue_reports_the_clause_before_it() -> None:
    article, quotes = quotes_of("The bridge will stay closed until the spring, the mayor said.")
    quote = only(quotes, direct=False)
    assert quote.text == "The bridge will stay closed until the spring"
    assert speaker(article, quote) == "the mayor"


def test_beliefs_are_not_quotes() -> None:
    _, quotes = quotes_of("The farmers believe that the river will flood again next year.")
    assert quotes == []


# -- quoted tweets ----------------------------------------------------------------------------------


def test_tweet_in_arabic_is_a_direct_quote_in_arabic() -> None:
    text = (
        "The minister wrote on Twitter after the outage.\n\n"
        "نحن نعمل ليلا ونهارا لإعادة الكهرباء إلى كل بيت في المدينة قبل نهاية الأسبوع.\n\n"
        "— Layla Haddad ليلى حداد (@layla_h) March 3, 2023\n\n"
        "Power returned to most districts by the evening."
    )
    article, quotes = quotes_of(text)
    tweets = [q for q in quotes if q.cue == "tweeted"]
    assert len(tweets) == 1
    tweet = tweets[0]
    assert tweet.direct and tweet.lang == "ar"
    assert tweet.text.startswith("نحن نعمل")
    assert speaker(article, tweet) == "Layla Haddad"


# -- the seed -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> tuple[Article, list[Quote]]:
    if not SEED.exists():
        pytest.skip("seed file absent")
    from tidings.ingest.base import ReadOptions
    from tidings.ingest.sources import read_inputs

    article = next(a for a in read_inputs([str(SEED)], ReadOptions()) if isinstance(a, Article))
    article = langid.annotate(article)
    quotes = find_quotes(article, model.parse(article))
    for quote in quotes:
        assert_slices(article, quote)
    return article, quotes


def test_seed_arabic_tweet(seed: tuple[Article, list[Quote]]) -> None:
    article, quotes = seed
    arabic = [q for q in quotes if q.lang == "ar"]
    assert len(arabic) == 1
    assert arabic[0].direct and arabic[0].cue == "tweeted"
    assert speaker(article, arabic[0]) == "Mustafa Al-Kadhimi"


def test_seed_english_tweet_quote(seed: tuple[Article, list[Quote]]) -> None:
    article, quotes = seed
    direct = [q for q in quotes if q.direct and q.lang == "en"]
    assert any(q.text.startswith("the rockets of treachery") and speaker(article, q) == "He" for q in direct)


def test_seed_price_indirect_quote(seed: tuple[Article, list[Quote]]) -> None:
    article, quotes = seed
    price = [q for q in quotes if not q.direct and q.text.startswith("the US strongly condemns")]
    assert len(price) == 1
    assert price[0].cue == "said"
    assert (speaker(article, price[0]) or "").endswith("Ned Price")


# -- bad input ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "وقال المتحدث إن الطريق سيفتح غدا أمام السيارات والشاحنات.",
        "🔥🔥 “Fire!” 🚒 she said 😱.",
        "He\u200b said\u200f, “\u202aThe\u202c road\u200d is open.”",
        'He said "it is open and then "we saw" and “never closed',
        "“",
        '”” “ ‘’ "" «» „',
    ],
)
def test_no_crash_on_odd_text(text: str) -> None:
    quotes_of(text)


def test_nul_and_controls_in_an_unclean_article() -> None:
    text = 'The mayor said\x00 "the road is\x01 open again."'
    article = Article(id="x", text=text, paragraphs=[Paragraph(0, len(text), "en")])
    for quote in find_quotes(article, model.parse(article)):
        assert_slices(article, quote)


def test_one_megabyte_paragraph_is_fast_enough() -> None:
    import time

    unit = 'Officials "said it was fine" and “left’ the ‘room without a word. '
    text = unit * (1_000_000 // len(unit))
    article = Article(id="x", text=text, paragraphs=[Paragraph(0, len(text), "en")])
    import spacy

    blank = spacy.blank("en")
    blank.max_length = 2_000_000
    doc = blank.make_doc(text)  # tokens only: no parse, no sentences
    started = time.perf_counter()
    quotes = find_quotes(article, doc)
    assert time.perf_counter() - started < 10
    for quote in quotes[:50]:
        assert_slices(article, quote)


def test_no_paragraphs_and_unparsed_doc() -> None:
    text = "“We will be back next year,” the organiser said."
    article = Article(id="x", text=text)
    quotes = find_quotes(article, model.load().make_doc(text))
    assert all(q.text == text[q.start : q.end] for q in quotes)
