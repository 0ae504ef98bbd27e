"""Behaviour of the time-expression stage (sentences written for these tests)."""

from __future__ import annotations

import itertools
import time

import pytest

from tidings.models import Timex
from tidings.time import find_timexes

SUNDAY = "2021-11-07"  # a Sunday


def only(text: str, dct: str | None = SUNDAY, doc: object = None) -> Timex:
    found = find_timexes(text, dct, doc)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


def values(text: str, dct: str | None = SUNDAY) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_timexes(text, dct)]


# -- the cases of the issue ----------------------------------------------------------------------


def test_early_on_sunday_is_the_article_day_with_mod_start() -> None:
    t = only("Drones struck a fuel depot early on Sunday, the ministry said.")
    assert (t.text, t.type, t.value, t.precision, t.mod) == (
        "early on Sunday",
        "DATE",
        "2021-11-07",
        "day",
        "START",
    )


def test_weekday_in_past_tense_is_the_last_one() -> None:
    assert only("The convoy was ambushed on Friday near the border.").value == "2021-11-05"


def test_weekday_in_future_tense_is_the_next_one() -> None:
    assert only("The committee will vote on Friday.").value == "2021-11-12"


def test_month_day_without_year_in_past_tense() -> None:
    t = only("Negotiators signed the draft on October 10 after a long night.")
    assert (t.value, t.precision) == ("2021-10-10", "day")


def test_month_and_year() -> None:
    t = only("The factory closed in October 2021.")
    assert (t.text, t.value, t.precision) == ("October 2021", "2021-10", "month")


def test_late_year_has_mod_end() -> None:
    t = only("The dispute began in late 2019.")
    assert (t.text, t.value, t.precision, t.mod) == ("late 2019", "2019", "year", "END")


def test_almost_a_month_is_an_approximate_duration() -> None:
    t = only("The blockade lasted almost a month.")
    assert (t.text, t.type, t.value, t.precision) == ("almost a month", "DURATION", "P1M", None)
    assert t.mod in ("APPROX", "LESS_THAN")


def test_the_next_day_follows_the_narrative_date() -> None:
    found = values("Troops reached the bridge on November 3. The next day, the militia pulled back.")
    assert found == [("November 3", "2021-11-03"), ("The next day", "2021-11-04")]


def test_next_week_in_future_tense() -> None:
    # On a Sunday the week that starts tomorrow is "this week"; "next week" is the one after.
    t = only("The envoy will return next week.")
    assert (t.value, t.precision) == ("2021-W46", "week")


def test_days_ago() -> None:
    assert only("Two aid workers were freed two days ago.").value == "2021-11-05"


def test_last_december_in_a_march_article() -> None:
    assert only("Prices jumped last December.", "2021-03-15").value == "2020-12"


def test_last_or_next_month_and_day() -> None:
    # "last Oct. 23" is one date (not "last Oct." and a stray number), and it sets the narrative's
    # day for a time of day that follows.
    dct = "1999-04-19"
    assert values("He was shot last Oct. 23 at home. It was 10 p.m.", dct) == [
        ("last Oct. 23", "1998-10-23"),
        ("10 p.m.", "1998-10-23T22:00"),
    ]
    assert values("The vote is set for next March 3.", dct) == [("next March 3", "2000-03-03")]
    assert values("It opened last April 2.", dct) == [("last April 2", "1999-04-02")]
    assert values("It opens next April 25.", dct) == [("next April 25", "1999-04-25")]


def test_early_december_in_a_march_article_past_tense() -> None:
    t = only("The river flooded the valley in early December.", "2021-03-15")
    assert (t.text, t.value, t.mod) == ("early December", "2020-12", "START")


# -- more forms --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened on November 7, 2021.", ("November 7, 2021", "2021-11-07")),
        ("It happened on 7 November 2021.", ("7 November 2021", "2021-11-07")),
        ("It happened on Nov. 7.", ("Nov. 7", "2021-11-07")),
        ("Filed 11/07/2021 in court.", ("11/07/2021", "2021-11-07")),
        ("Filed 2021-11-07 in court.", ("2021-11-07", "2021-11-07")),
        ("The law dates from 1998.", ("1998", "1998")),
        ("Growth slowed in the 1990s.", ("the 1990s", "199")),
        ("Sales rose in the third quarter.", ("the third quarter", "2021-Q3")),
        ("Sales rose in the summer of 2019.", ("the summer of 2019", "2019-SU")),
        ("The plant was idle last week.", ("last week", "2021-W44")),
        ("Rents rose last month.", ("last month", "2021-10")),
        ("Exports grew this year.", ("this year", "2021")),
        ("Elections are due next year.", ("next year", "2022")),
        ("The mayor resigned yesterday.", ("yesterday", "2021-11-06")),
        ("The court sits today.", ("today", "2021-11-07")),
        ("The hearing resumed a week earlier.", ("a week earlier", "2021-10-31")),
        ("Schools are now closed.", ("now", "PRESENT_REF")),
        ("Schools are currently closed.", ("currently", "PRESENT_REF")),
        ("Such raids happened recently.", ("recently", "PAST_REF")),
        ("Such raids happened in the past.", ("the past", "PAST_REF")),
        ("Talks may resume in the future.", ("the future", "FUTURE_REF")),
        ("The strike lasted three years.", ("three years", "P3Y")),
        ("The curfew lasted 24 hours.", ("24 hours", "PT24H")),
        ("The curfew lasted twenty four hours.", ("twenty four hours", "PT24H")),
        ("The feud lasted a dozen years.", ("a dozen years", "P12Y")),
        ("Output fell over the past two weeks.", ("the past two weeks", "P2W")),
        ("The work is months ahead of schedule.", ("months", "PXM")),
        ("Inspectors visit every week.", ("every week", "P1W")),
        ("The ferry sails daily.", ("daily", "P1D")),
        ("The fee is paid annually.", ("annually", "P1Y")),
        ("The fire started at 2 a.m. and spread.", ("2 a.m.", "2021-11-07T02:00")),
        ("Rockets fell on Sunday morning.", ("Sunday morning", "2021-11-07TMO")),
        ("Rockets fell tonight.", ("tonight", "2021-11-07TNI")),
        ("The peace held for the first half of 2020.", ("the first half of 2020", "2020-H1")),
        ("Shops closed on Christmas Day 2020.", ("Christmas Day 2020", "2020-12-25")),
        ("It was built in the 19th century.", ("the 19th century", "18")),
    ],
)
def test_forms(text: str, expected: tuple[str, str]) -> None:
    assert values(text) == [expected]


def test_types() -> None:
    kinds = {
        t.text: t.type for t in find_timexes("At 9:15 on Monday, patrols began daily for six weeks.", SUNDAY)
    }
    assert kinds == {"9:15 on Monday": "TIME", "daily": "SET", "six weeks": "DURATION"}


def test_time_with_local_time_and_date_of_the_narrative() -> None:
    found = find_timexes("The blast on November 3 came at 2:30 local time.", SUNDAY)
    assert [(t.text, t.type, t.value) for t in found] == [
        ("November 3", "DATE", "2021-11-03"),
        ("2:30 local time", "TIME", "2021-11-03T02:30"),
    ]


def test_range_gives_two_timexes() -> None:
    assert values("Fighting raged from 2019 to 2021.") == [("2019", "2019"), ("2021", "2021")]


def test_modifiers() -> None:
    found = {
        t.text: t.mod
        for t in find_timexes("It took more than four hours, about two weeks and mid-2020.", SUNDAY)
    }
    assert found == {"more than four hours": "MORE_THAN", "about two weeks": "APPROX", "mid-2020": "MID"}


def test_anchored_expressions_follow_the_last_date() -> None:
    text = "Rebels took the airport on March 2, 2020. A day later they lost it; the following week was calm."
    assert values(text) == [
        ("March 2, 2020", "2020-03-02"),
        ("A day later", "2020-03-03"),
        ("the following week", "2020-W11"),
    ]


def test_may_the_modal_is_not_a_month() -> None:
    assert values("Officials may announce a decision.") == []
    assert values("The vote was held in May.") == [("May", "2021-05")]


def test_year_like_numbers_are_not_years() -> None:
    assert values("The company paid $2019 for 2000 tons.") == []


def test_without_article_date_relative_values_are_underspecified() -> None:
    assert values("The vote was held on Friday.", None) == [("Friday", "XXXX-WXX-5")]
    assert values("He left yesterday.", None) == [("yesterday", None)]
    assert values("It is now over.", None) == [("now", "PRESENT_REF")]
    assert values("It ended on November 7, 2021.", None) == [("November 7, 2021", "2021-11-07")]
    assert values("It ended on October 10.", None) == [("October 10", "XXXX-10-10")]


def test_parse_decides_the_direction() -> None:
    spacy = pytest.importorskip("spacy")
    from tidings.nlp.model import load

    del spacy
    nlp = load()
    past = "The minister met the delegation on Tuesday."
    future = "The minister will meet the delegation on Tuesday."
    assert only(past, doc=nlp(past)).value == "2021-11-02"
    assert only(future, doc=nlp(future)).value == "2021-11-09"


# -- robustness --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "😀🔥 on Sunday 😀",
        "On\u200b Sunday\u200d the \u202eattack\u202c happened \u2066yesterday\u2069.",
        "Nul\x00 byte\x00 Monday\x00",
        "قُتل ثلاثة أشخاص يوم الأحد في هجوم على بغداد في ٧ تشرين الثاني ٢٠٢١.",
        "\ufeff\ufffd\U0010ffff",
        "1" * 5000,
        "May May May may MAY " * 200,
        "the the the " * 2000,
        "12/34/5678 2021-13-45 31/31/2021 99:99 a.m. Feb. 30, 2021",
        "9,999,999 days ago, 500 centuries ago, yesterday, tomorrow, next decade, on Friday.",
        "For the nine months, net rose from a year earlier. 999,999.5 years, 1/2 hours, 2400 UTC, 0800 UTC; "
        "the current the recent; the full year; the last week of Smarch; the same month a year ago; "
        "Wednesday's; this winter; a week or so ago; January nineteen ninety-seven; Election Day.",
    ],
)
def test_odd_input_never_crashes_and_offsets_slice_back(text: str) -> None:
    for dct in (SUNDAY, None, "garbage", "0001-01-01", "9999-12-31", "2021-02-30"):
        for t in find_timexes(text, dct):
            assert 0 <= t.start < t.end <= len(text)
            assert text[t.start : t.end] == t.text


def test_offsets_slice_back_on_a_realistic_article() -> None:
    text = (
        "Gunmen attacked a checkpoint early on Sunday, killing two soldiers, officials said.\n\n"
        "It was the third such attack since October 2021. A similar raid on Friday night left "
        "one dead; a week earlier, three were wounded. The army said it would step up patrols "
        "over the next two weeks and review its posts every month until mid-2022."
    )
    found = find_timexes(text, SUNDAY)
    assert len(found) >= 6
    for t in found:
        assert text[t.start : t.end] == t.text
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_a_one_megabyte_paragraph() -> None:
    text = ("The talks resumed on Friday after three weeks of delays and a 1,500 km trip " * 13_000)[
        :1_000_000
    ]
    started = time.perf_counter()
    found = find_timexes(text, SUNDAY)
    assert time.perf_counter() - started < 20
    assert len(found) > 20_000
    assert text[found[-1].start : found[-1].end] == found[-1].text


def test_pathological_backtracking_inputs_are_fast() -> None:
    for text in ("1 " * 50_000, "a " * 50_000, "the past " * 20_000, "twenty " * 30_000, "-" * 100_000):
        started = time.perf_counter()
        find_timexes(text, SUNDAY)
        assert time.perf_counter() - started < 5, text[:20]


def test_speed_of_a_news_article() -> None:
    paragraph = (
        "The minister said on Tuesday that the talks between the two delegations would resume next "
        "week in the capital, after almost a month of delays caused by disagreements over the "
        "agenda and the release of prisoners held by both sides. In 2019 the two sides met in "
        "Geneva, but that round ended without a deal; since then more than 1,200 people have died "
        "in clashes along the front line, according to a monitoring group that counts casualties. "
        "Diplomats from several countries that back the process have urged the parties to agree on "
        "a ceasefire before the winter, when access to remote villages becomes difficult and aid "
        "convoys are often blocked at checkpoints run by local commanders.\n\n"
    )
    text = (paragraph * 10)[:5000]
    runs = []
    for _ in range(7):
        started = time.process_time()
        find_timexes(text, SUNDAY)
        runs.append(time.process_time() - started)
    assert min(runs) < 0.010


def test_pure_same_input_same_output() -> None:
    text = "On November 3 troops arrived. The next day they left. On Friday they returned."
    assert find_timexes(text, SUNDAY) == find_timexes(text, SUNDAY)
    find_timexes("On May 1, 1990 it began. The next day it ended.", SUNDAY)
    assert find_timexes(text, SUNDAY) == find_timexes(text, SUNDAY)


# -- narrative reference time, fiscal periods, sets and other rule classes ------------------------


def test_a_month_follows_the_year_named_earlier_in_the_sentence() -> None:
    assert values("In 2015, the mill closed in June and reopened in the fourth quarter.") == [
        ("2015", "2015"),
        ("June", "2015-06"),
        ("the fourth quarter", "2015-Q4"),
    ]


def test_a_month_after_to_a_named_month_is_in_the_next_year() -> None:
    assert values("Prices climbed from June 2015 to March.") == [
        ("June 2015", "2015-06"),
        ("March", "2016-03"),
    ]


def test_a_year_in_another_sentence_or_tense_does_not_move_a_month() -> None:
    assert values("The firm was founded in 2003. It reported a loss in March.", "2021-11-07")[1] == (
        "March",
        "2021-03",
    )
    # "as of February" in the present: this year's, although 2003 was named before it.
    found = values("Since its launch in 2003 and as of February, the store sells most songs.", "2021-04-09")
    assert found[-1] == ("February", "2021-02")


def test_a_day_resolved_from_the_article_date_does_not_name_a_year() -> None:
    found = values("A revision on Friday to December's figures was small.", "2022-02-06")
    assert found[-1] == ("December", "2021-12")


def test_that_year_and_that_month_follow_the_last_named_ones() -> None:
    assert values("She fled in June 2012 and returned later that year.")[-1] == ("later that year", "2012")
    assert values("The plant opened in March 2016. The following month it closed.")[-1] == (
        "The following month",
        "2016-04",
    )


def test_that_same_day_after_a_month_is_a_day_of_that_month() -> None:
    found = values("The doctor was shot in October 2019. His name was crossed out that same day.")
    assert found[-1] == ("that same day", "2019-10-XX")


def test_the_day_before_an_event_in_apposition_is_the_date_named() -> None:
    found = find_timexes("The index slid after Oct. 12, the day before the crash.", SUNDAY)
    assert [(t.text, t.value) for t in found] == [("Oct. 12", "2021-10-12"), ("the day", "2021-10-12")]


def test_over_the_weekend_on_a_monday_is_the_weekend_just_past() -> None:
    assert only("Over the weekend, the rebels regrouped.", "2021-11-08").value == "2021-W44-WE"


def test_fiscal_years() -> None:
    assert values("Profit will fall in the fiscal year.") == [("the fiscal year", "2021")]
    assert values("Profit fell last fiscal year.") == [("last fiscal year", "2020")]
    assert values("Profit rose in the 2019 fiscal year.") == [("the 2019 fiscal year", "2019")]
    t = find_timexes("Profit rose for the fiscal year ended June 30.", SUNDAY)[0]
    assert (t.text, t.type, t.value) == ("the fiscal year", "DURATION", "P1Y")


def test_a_quarter_named_by_its_end_date() -> None:
    assert values("Sales rose in the quarter ended July 31.")[0] == ("the quarter", "2021-Q2")
    assert values("Sales rose in the quarter ended Sept. 30.")[0] == ("the quarter", "2021-Q3")
    assert values("Net fell in the second quarter ended Oct. 31.")[0] == ("the second quarter", "2021-Q2")


def test_the_quarter_a_year_ago_and_the_same_period_last_year() -> None:
    text = "The bank lost money in the third quarter. In the quarter a year ago, it earned $5 million."
    assert values(text)[-1] == ("the quarter a year ago", "2020-Q3")
    text = "Sales fell in the third quarter from the same period last year."
    assert values(text)[-1] == ("the same period last year", "2020-Q3")


def test_the_week_of_a_date() -> None:
    assert values("A hearing may be held the week of March 6, 2023.") == [
        ("the week of March 6, 2023", "2023-W10")
    ]


def test_plural_day_parts_after_weekdays_are_sets() -> None:
    found = find_timexes("Flights leave on Monday and Tuesday nights.", SUNDAY)
    assert [(t.text, t.type, t.value) for t in found] == [
        ("Monday", "SET", "XXXX-WXX-1TNI"),
        ("Tuesday nights", "SET", "XXXX-WXX-2TNI"),
    ]


def test_a_weekday_before_a_word_starting_with_night_has_no_day_part() -> None:
    assert values("They met at a Sunday nightclub.") == [("Sunday", "2021-11-07")]


def test_mid_afternoon_and_a_day_part_before_the_day() -> None:
    t = only("Shares were up at mid-afternoon yesterday.")
    assert (t.text, t.type, t.value, t.mod) == ("mid-afternoon yesterday", "TIME", "2021-11-06TAF", "MID")
    assert only("By mid afternoon the shelling had stopped.").value == "2021-11-07TAF"
    assert values("He arrived in the morning.") == []


def test_and_a_half_durations() -> None:
    assert values("The call lasted a minute and a half.") == [("a minute and a half", "PT1M30S")]
    assert values("The siege lasted an hour and a half.") == [("an hour and a half", "PT1H30M")]
    assert values("The siege lasted a year and a half.") == [("a year and a half", "P1Y6M")]


def test_rates_are_sets() -> None:
    t = only("The mill makes 300 tonnes a day.")
    assert (t.text, t.type, t.value) == ("a day", "SET", "P1D")
    t = only("The deal saves $2 million a year.")
    assert (t.type, t.value) == ("SET", "P1Y")
    t = only("The repairs took a year.")
    assert (t.type, t.value) == ("DURATION", "P1Y")


def test_vague_and_additional_quantities() -> None:
    assert values("He ended a several-year stint abroad.") == [("several-year", "PXY")]
    assert values("The loan may run for an additional year.") == [("an additional year", "P1Y")]
    assert values("After a day-long meeting, they left.") == [("a day-long", "P1D")]
    assert values("The year-long inquiry ended.") == [("year-long", "P1Y")]


def test_more_reference_expressions() -> None:
    assert values("In those days the port was busy.") == [("those days", "PAST_REF")]
    assert values("Holders may gain in the short term.") == [("the short term", "FUTURE_REF")]
    assert values("He said at the time that he was ready.") == [("the time", "PAST_REF")]
    assert values("At the time of the raid he was asleep.") == []


def test_going_to_and_a_past_perfect_deadline_set_the_direction() -> None:
    spacy = pytest.importorskip("spacy")
    from tidings.nlp.model import load

    del spacy
    nlp = load()
    text = "Factories are going to start getting hit in the spring."
    assert only(text, "2022-02-06", doc=nlp(text)).value == "2022-SP"
    text = "The offer had been due to expire Friday evening."
    assert only(text, doc=nlp(text)).value == "2021-11-05TEV"


@pytest.mark.parametrize(
    "text",
    [
        "Monday and Tuesday " * 3000,
        "the week of " * 3000,
        "the quarter a year " * 3000,
        "mid " * 5000,
        "night " * 5000,
        "at the time " * 3000,
        "$5 million a year " * 3000,
        "a minute and a half " * 3000,
    ],
)
def test_new_patterns_stay_linear(text: str) -> None:
    started = time.perf_counter()
    find_timexes(text, SUNDAY)
    assert time.perf_counter() - started < 3


def test_plans_and_reported_would_point_ahead() -> None:
    spacy = pytest.importorskip("spacy")
    from tidings.nlp.model import load

    del spacy
    nlp = load()
    text = "The bank announced an agreement to acquire the lender in January."
    assert only(text, doc=nlp(text)).value == "2022-01"
    text = "The airline said the new flights would start on August 6."
    assert only(text, "2021-02-13", doc=nlp(text)).value == "2021-08-06"


def test_a_modal_perfect_looks_back() -> None:
    spacy = pytest.importorskip("spacy")
    from tidings.nlp.model import load

    del spacy
    nlp = load()
    text = "The flaw may have caused a drop in the shares on Wednesday."
    assert only(text, "2021-11-05", doc=nlp(text)).value == "2021-11-03"


def test_the_years_as_a_vague_stretch() -> None:
    assert values("Over the years, the port grew.") == [("the years", "PXY")]
    assert values("In the months that followed, prices fell.") == [("the months", "PXM")]
    assert values("In the weeks before the vote, he hid.") == []


def test_a_season_of_a_spelled_year() -> None:
    assert values("Prices hit that level in the winter of nineteen ninety-four.") == [
        ("the winter of nineteen ninety-four", "1994-WI")
    ]


# -- reported quarters, named years, fractions, schedules and adjectives ---------------------------

OCTOBER_1989 = "1989-10-26"  # a Thursday in the fourth quarter


def test_a_year_earlier_compares_with_the_reported_quarter_not_a_coming_one() -> None:
    text = (
        "Profit rose in the third quarter. The bank will report a loss in the fourth quarter. "
        "A year ago, it earned $5 million."
    )
    assert values(text, OCTOBER_1989)[-1] == ("A year ago", "1988-Q3")


def test_a_year_earlier_after_the_nine_months_is_a_year() -> None:
    text = "Profit rose in the third quarter. For the nine months, net rose 5% from a year earlier."
    assert values(text, OCTOBER_1989)[-1] == ("a year earlier", "1988")
    text = "Profit rose in the third quarter. The plant was shut for nine months. Net rose from a year ago."
    assert values(text, OCTOBER_1989)[-1] == ("a year ago", "1988-Q3")


def test_a_month_placed_by_tense_does_not_name_a_year_for_the_sentence() -> None:
    text = "The split will be paid in January to holders of record Dec. 21."
    assert values(text, OCTOBER_1989) == [("January", "1990-01"), ("Dec. 21", "1989-12-21")]


def test_fractional_durations_are_written_in_whole_smaller_units() -> None:
    assert values("The flight took 5 1/2 hours.") == [("5 1/2 hours", "PT5H30M")]
    assert values("He served 2 1/2 years in prison.") == [("2 1/2 years", "P2Y6M")]
    assert values("The talks lasted 1.5 days.") == [("1.5 days", "P1DT12H")]
    assert values("The reactor ran for 3.7 years.") == [("3.7 years", "P3.7Y")]
    assert values("The recipe needs 1/2 cup of flour.") == []


def test_set_to_points_ahead() -> None:
    spacy = pytest.importorskip("spacy")
    from tidings.nlp.model import load

    del spacy
    nlp = load()
    text = "The trial is set to begin on Wednesday in London."
    assert only(text, "2006-03-28", doc=nlp(text)).value == "2006-03-29"
    text = "The team set a record on Wednesday."
    assert only(text, "2006-03-28", doc=nlp(text)).value == "2006-03-22"


def test_current_and_recent_before_a_noun_refer_to_the_present_and_past() -> None:
    assert values("The current weakness followed a recent filing.") == [
        ("current", "PRESENT_REF"),
        ("recent", "PAST_REF"),
    ]
    assert values("It is their most recent model.") == []
    assert values("He swam against the current of the river.") == []
    assert values("The current, which is strong, carried him.") == []


def test_full_year_election_day_and_couple_of() -> None:
    assert values("Sales for the full year were $6.6 billion.", OCTOBER_1989) == [("the full year", "1989")]
    assert values("The campaign runs from now to Election Day.", "1998-10-26")[-1] == (
        "Election Day",
        "1998-11-03",
    )
    assert values("Over the next couple of years, prices rose.") == [("the next couple of years", "P2Y")]


def test_the_last_half_of_a_year_but_not_of_an_hour() -> None:
    assert values("Sales should rise in the last half of 1989.") == [("the last half of 1989", "1989-H2")]
    assert values("He spoke for the last half hour.") == []


def test_titles_and_idioms_are_not_times() -> None:
    assert values('Baker said on ABC\'s "This Week With David Brinkley" that talks failed.') == []
    assert values("This week, he left.", OCTOBER_1989) == [("This week", "1989-W43")]
    assert values("For Poland, high noon has come.") == []
    assert values("They met at noon.", OCTOBER_1989) == [("noon", "1989-10-26T12:00")]
    assert values("The quarter-to-quarter comparison improved.") == []


def test_a_possessive_weekday_is_the_nearest_day_whatever_the_clause_tense() -> None:
    spacy = pytest.importorskip("spacy")
    from tidings.nlp.model import load

    del spacy
    nlp = load()
    text = "They said they would appeal Wednesday's ruling by the agency."
    assert only(text, "2000-01-07", doc=nlp(text)).value == "2000-01-05"


def test_the_reported_quarter_is_the_one_mentioned_most_in_the_last_year() -> None:
    text = (
        "Net rose in the third quarter from a year ago. After a flat second quarter, sales grew. "
        "Costs were lower than in the year-earlier period. In the third quarter of 1984 it lost money."
        " Profit was higher than a year ago."
    )
    found = values(text, OCTOBER_1989)
    assert found[1] == ("a year ago", "1988-Q3")
    assert found[3] == ("year-earlier", "1988-Q3")
    assert found[-1] == ("a year ago", "1988-Q3")


def test_a_relative_unit_before_a_clause_and_or_so() -> None:
    assert values("He met Sununu last week after holding talks.", "1991-12-03") == [("last week", "1991-W48")]
    assert values("He left the week after the vote.", "1991-12-03") == [("the week after", "1991-W50")]
    t = only("He arrived a week or so ago.", "1991-02-25")
    assert (t.text, t.value, t.mod) == ("a week or so ago", "1991-02-18", "APPROX")
    t = only("Over the next two years or so, prices will rise.")
    assert (t.text, t.value, t.mod) == ("the next two years or so", "P2Y", "APPROX")


def test_month_of_a_spelled_year_this_season_and_weeks_of_months() -> None:
    assert values("It began in January nineteen ninety-seven.") == [
        ("January nineteen ninety-seven", "1997-01")
    ]
    assert values("They will tour this summer.", "1998-03-22") == [("this summer", "1998-SU")]
    assert values("It snowed this winter.", "1998-03-22") == [("this winter", "1997-WI")]
    assert values("Sales fell in the last week of March.", "2009-04-01") == [
        ("the last week of March", "2009-W13")
    ]
    assert values("In January, sales fell from the same month a year ago.", "2009-02-03") == [
        ("January", "2009-01"),
        ("the same month a year ago", "2008-01"),
    ]


def test_frequency_adjectives_military_times_and_consecutive_quarters() -> None:
    assert values("He gave his weekly radio address.") == [("weekly", "P1W")]
    assert values("The quarterly dividend rose.") == []
    t = only("Trading resumed at 0800 UTC on Thursday.", "2008-09-18")
    assert (t.text, t.type, t.value) == ("0800 UTC on Thursday", "TIME", "2008-09-18T08:00Z")
    assert values("Trading resumed at 0800 on Thursday.", "2008-09-18") == [("Thursday", "2008-09-18")]
    assert values("Japan has had two consecutive quarters of contraction.") == [
        ("two consecutive quarters", "P2Q")
    ]
    assert values("The party won three quarters of the vote.") == []
