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
