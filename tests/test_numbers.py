"""Numbers: digits, Arabic-Indic digits, Arabic and English number words."""

from __future__ import annotations

import pytest

from gazetteer.events.counting import count_dict
from gazetteer.events.numbers import find_numbers
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
    ("text", "values"),
    [
        ("about 2,350 families", [2350]),
        ("1,200,000 displaced", [1200000]),
        ("٣٬٥٠٠ نازح", [3500]),
        # not a separator: a list, a range, a year then a count
        ("on 3, 400 more", [3, 400]),
        ("150-300 fighters", [150, 300]),
        ("in 2018,200 houses", [2018, 200]),
    ],
)
def test_digit_groups_split_by_a_thousands_separator_are_one_number(text: str, values: list[int]) -> None:
    assert [s.value for s in find_numbers(tokenize(text), text=text)] == values


def test_without_the_text_a_separator_is_unknown() -> None:
    assert [s.value for s in find_numbers(tokenize("about 2,350 families"))] == [2, 350]


def test_a_casualty_count_with_a_thousands_separator() -> None:
    text = "More than 1,600 civilians died in the shelling of the city"
    assert count_dict(text)["fatalities"] == 1600
