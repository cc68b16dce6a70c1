"""Counts: numbers tied to what they count (strikes, aircraft, shells, casualties, events)."""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer.events.counting import count_dict, events_stated, find_counts, sums_up
from gazetteer.places.normalize import tokenize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("استهدف القصف القرية بـ11 غارة جوية", {"strikes": 11}),
        ("ثماني طائرات روسية تحلق", {"aircraft": 8}),
        ("مقتل خمسة وعشرين مدنيا وإصابة 4 آخرين", {"fatalities": 25, "injuries": 4}),
        ("سقوط ٣ قتلى", {"fatalities": 3}),
        ("أحد عشر قتيلا", {"fatalities": 11}),
        ("شنت الطائرات غارتين على البلدة", {"strikes": 2}),
        ("five civilians were killed and 12 injured", {"fatalities": 5, "injuries": 12}),
        ("Russian jets carried out eleven Russian airstrikes", {"strikes": 11}),
        ("killing twenty one people", {"fatalities": 21}),
        ("an attack which used 5 missiles", {"shells": 5}),
    ],
)
def test_counts(text: str, expected: dict[str, int]) -> None:
    assert count_dict(text) == expected


def test_dates_and_years_are_not_counts() -> None:
    assert count_dict("يوم الأحد 20 أيلول 2020") == {}
    assert count_dict("September 20, 2020") == {}
    assert count_dict("In the early hours of 21 August 2013, rockets were dropped") == {}
    # the day after a casualty verb is the date it happened on, not how many were hurt
    assert count_dict("their father was wounded on 9 February 2020 when a shell hit the house") == {
        "injuries": 1
    }
    assert count_dict("a teacher was killed on 14 March") == {"fatalities": 1}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At 10:30 two airstrikes hit the town", {"strikes": 2}),
        ("01:47 -- Syrian airstrikes targeted the town", {}),
        ("الساعة 10:30 قتل 3 مدنيين", {"fatalities": 3}),
        ("killing 12, 30 were wounded", {"fatalities": 12, "injuries": 30}),  # two counts, no time
        ("between 20-30 civilians were killed", {"fatalities": 30}),  # a range, no time
    ],
)
def test_the_numbers_of_a_clock_time_are_no_counts(text: str, expected: dict[str, int]) -> None:
    assert count_dict(text) == expected


def test_event_counts() -> None:
    assert count_dict("Two incidents were identified") == {"events": 2}
    assert count_dict("In October 2016, two incidents were identified") == {"events": 2}
    assert count_dict("تعرضا لهجومين") == {"events": 2}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quantifier between the casualty word and its number.
        ("killing at least 52 people, including women and children", {"fatalities": 52}),
        ("killing four people and injuring at least eleven", {"fatalities": 4, "injuries": 11}),
        ("killing at least seven civilians and wounding more than twenty", {"fatalities": 7, "injuries": 20}),
        ("ما أدى إلى مقتل ما لا يقل عن 12 مدنيا", {"fatalities": 12}),
        # The verb before its subject, as Arabic reports write it.
        ("قتل ستة مدنيين وأصيب عشرة آخرون بجروح", {"fatalities": 6, "injuries": 10}),
        ("استشهد مدني وأصيب اثنان آخران بانفجار عبوة", {"fatalities": 1, "injuries": 2}),
        ("لقي ثلاثة مدنيين مصرعهم وجرح سبعة آخرون", {"fatalities": 3, "injuries": 7}),
        # A casualty word before "and" counts the people before it, not those after.
        ("Two women were killed and four other civilians injured", {"fatalities": 2, "injuries": 4}),
        ("the driver was killed and four passengers were wounded", {"fatalities": 1, "injuries": 4}),
        # Every person the casualty word names.
        ("killing eight children and two adults", {"fatalities": 10}),
    ],
)
def test_casualty_counts(text: str, expected: dict[str, int]) -> None:
    assert count_dict(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no one was hurt, the organisation said", {"fatalities": 0, "injuries": 0}),
        ("no casualties were reported", {"fatalities": 0, "injuries": 0}),
        ("no one was killed", {"fatalities": 0}),
        ("سقطت القذائف دون وقوع إصابات", {"fatalities": 0, "injuries": 0}),
        ("لم يسفر القصف عن إصابات", {}),  # words apart: no statement of the phrase list
    ],
)
def test_nobody_hurt_is_zero_not_one(text: str, expected: dict[str, int]) -> None:
    assert count_dict(text) == expected


def test_events_stated_is_the_largest_event_count_else_one() -> None:
    assert events_stated(find_counts(tokenize("Two incidents were identified"))) == 2
    assert events_stated(find_counts(tokenize("وشهدت سراقب ثلاث هجمات"))) == 3
    assert events_stated(find_counts(tokenize("قصف مدفعي على البلدة"))) == 1


def test_a_month_s_tally_of_munitions_sums_up_but_a_day_s_strikes_do_not() -> None:
    counts = find_counts(tokenize("650 غارة خلال شهر آب"))
    assert sums_up(counts, (dt.date(2016, 8, 1), "month"))
    assert not sums_up(counts, (dt.date(2016, 8, 1), "day"))
    assert not sums_up(counts, None)
    assert not sums_up(find_counts(tokenize("11 غارة")), (dt.date(2016, 8, 1), "month"))


def test_a_year_after_in_or_since_is_a_date_not_a_count() -> None:
    assert count_dict("In 2017, 300 civilians were killed in the province") == {"fatalities": 300}
    assert count_dict("Since 2015 the shelling has killed 40 people") == {"fatalities": 40}


def test_the_dead_of_a_year_sum_up_but_not_those_of_a_month() -> None:
    text = "1,600 civilians were killed in air strikes"
    counts = find_counts(tokenize(text), text=text)
    assert sums_up(counts, (dt.date(2019, 1, 1), "year"))
    assert not sums_up(counts, (dt.date(2019, 8, 1), "month"))
    assert not sums_up(find_counts(tokenize("12 civilians were killed")), (dt.date(2019, 1, 1), "year"))


def test_a_bare_year_states_the_year_a_toll_sums_up() -> None:
    text = "In 2018, 2,300 civilians were killed by shelling in the province"
    tokens = tokenize(text)
    assert sums_up(find_counts(tokens, text=text), None, tokens)
    # A day's toll with its own date is no tally, whatever year the sentence also names.
    day = "On 4 May, shelling killed 60 civilians, the worst toll in 2018"
    assert not sums_up(find_counts(tokenize(day), text=day), (dt.date(2018, 5, 4), "day"), tokenize(day))
