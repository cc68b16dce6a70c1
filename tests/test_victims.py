"""Victims: the people a casualty word counts without a number ("a woman and her two sons")."""

from __future__ import annotations

import pytest

from gazetteer.events.counting import count_dict
from gazetteer.events.victims import read_victims, victim_count
from gazetteer.geoparser.lexicon import load_lexicon
from gazetteer.places.normalize import tokenize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
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
def test_people_named_with_a_casualty_word_are_counted(text: str, expected: dict[str, int]) -> None:
    assert count_dict(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a woman and her two sons", (3, 6)),
        ("him and his son were hurt", (2, 4)),
        ("a family of four", (4, 4)),
        ("مدنيين اثنين", (2, 2)),
        ("civilians and others", (None, 0)),
        ("the market", (None, 0)),
    ],
)
def test_victim_count_is_the_people_named_and_where_they_end(
    text: str, expected: tuple[int | None, int]
) -> None:
    victims = read_victims(load_lexicon("numbers")["victims"])
    assert victim_count(tokenize(text), 0, victims) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The "of"-phrase that says whose the people are does not end the people named.
        ("killing three members of the local council and their driver", {"fatalities": 4}),
        ("wounding two officers of the traffic police and a boy", {"injuries": 3}),
        # Without an "and" after it, the count ends at "of".
        ("killing two members of the same family", {"fatalities": 2}),
        # A hyphenated noun, split by the tokenizer, is known by its first word.
        ("killing a soldier and three passers-by", {"fatalities": 4}),
        # People named by their trade are people counted.
        ("Gunmen shot dead a money changer in the souq", {"fatalities": 1}),
        ("killing two truffle hunters and a shepherd", {"fatalities": 3}),
    ],
)
def test_people_named_past_an_of_phrase_and_hyphenated_nouns(text: str, expected: dict[str, int]) -> None:
    assert count_dict(text) == expected
