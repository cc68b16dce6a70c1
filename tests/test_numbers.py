"""Numbers and counts: digits, Arabic-Indic digits, Arabic and English number words, count nouns."""

from __future__ import annotations

import pytest

from gazetteer.events.numbers import count_dict, find_numbers
from gazetteer.places.normalize import tokenize


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("11", 11),
        ("٢٣", 23),
        ("بـ11", 11),
        ("ثماني", 8),
        ("ثمانية", 8),
        ("اثنين", 2),
        ("أحد عشر", 11),
        ("ثلاثة عشر", 13),
        ("خمسة وعشرون", 25),
        ("ثلاث مئة", 300),
        ("مائتين", 200),
        ("ثلاثة آلاف", 3000),
        ("ألف", 1000),
        ("eleven", 11),
        ("twenty-one", 21),
        ("two hundred and five", 205),
    ],
)
def test_numbers(text: str, value: int) -> None:
    spans = find_numbers(tokenize(text))
    assert [s.value for s in spans] == [value]


@pytest.mark.parametrize("text", ["الأحد", "آلاف النازحين", "أحد عناصر", "one of the villages"])
def test_words_that_are_not_counts(text: str) -> None:
    spans = find_numbers(tokenize(text))
    assert all(s.value == 1 for s in spans) and count_dict(text) == {}


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


def test_event_counts() -> None:
    assert count_dict("Two incidents were identified") == {"events": 2}
    assert count_dict("In October 2016, two incidents were identified") == {"events": 2}
    assert count_dict("تعرضا لهجومين") == {"events": 2}


def test_long_runs_of_digits_are_no_numbers() -> None:
    """An id or a 200,000-digit run is no count (and int() of it would be slow, or refused)."""
    assert [s.value for s in find_numbers(tokenize("قتل 999999999 و 1234567890 مدنيا"))] == [999999999]
    assert count_dict("قتل " + "7" * 5000 + " مدنيا") == {}
    assert count_dict("قتل 000000000005 مدنيين") == {"fatalities": 5}  # leading zeros aside


def test_digits_that_are_no_decimal_digits_are_no_numbers() -> None:
    assert find_numbers(tokenize("قتل 𐩀 مدنيين")) == []  # a Kharosthi digit: isdigit(), but int() refuses it


def test_a_hundred_multiplies_only_a_number_below_a_hundred() -> None:
    """«مئة مئة …» is a run of hundreds, not 100 ** n (whose digits would grow with the text)."""
    spans = find_numbers(tokenize("مئة " * 1000))
    assert len(spans) == 1000 and {s.value for s in spans} == {100}
    assert [s.value for s in find_numbers(tokenize("ثلاث مئة"))] == [300]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quantifier between the casualty word and its number.
        ("killing at least 52 people, including women and children", {"fatalities": 52}),
        ("killing four people and injuring at least eleven", {"fatalities": 4, "injuries": 11}),
        ("killing at least seven civilians and wounding more than twenty", {"fatalities": 7, "injuries": 20}),
        ("ما أدى إلى مقتل ما لا يقل عن 12 مدنيا", {"fatalities": 12}),
        # People named without a number.
        ("killing a woman and her two sons", {"fatalities": 3}),
        ("wounding the owner and two customers", {"injuries": 3}),
        ("wounding him and his son", {"injuries": 2}),
        ("killed a family of four sheltering in their basement", {"fatalities": 4}),
        ("killing its rider, a 24-year-old farm worker", {"fatalities": 1}),
        ("Gunmen shot dead a former opposition commander in front of his house", {"fatalities": 1}),
        ("pulled the bodies of a man and his daughter from the rubble", {"fatalities": 2}),
        ("its pilot was killed on the ground after ejecting", {"fatalities": 1}),
        ("one protester and a policeman were killed when security forces opened fire", {"fatalities": 2}),
        ("Two Iraqi women were found shot dead in their home", {"fatalities": 2}),
        ("Seven civilians collecting truffles near the town were killed the same day", {"fatalities": 7}),
        ("ما أدى إلى مقتل ممرض وإصابة مدنيين اثنين", {"fatalities": 1, "injuries": 2}),
        ("ما أسفر عن مقتل عنصرين وإصابة ثلاثة آخرين", {"fatalities": 2, "injuries": 3}),
        ("مقتل طفل ووالدته", {"fatalities": 2}),
        ("قذائف هاون قتلت طالبتين على الأقل", {"fatalities": 2}),
        ("جرح 3 مدنيين", {"injuries": 3}),
        ("إصابة سبعة أشخاص", {"injuries": 7}),
        # A plural without its number is no count.
        ("killing civilians and wounding others", {}),
        ("مقتل مدنيين", {}),
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
