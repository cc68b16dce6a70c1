"""List records: list items that give a place and a day are incidents, typed by the article's event."""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer import Incident, Location, Mention, Place, PlaceType, Role
from gazetteer.events.extract import extract_incidents
from gazetteer.events.records import dominant_type
from gazetteer.geoparser.sentences import split_sentences

SARMIN = Place("t:sarmin", "Sarmin", "سرمين", PlaceType.TOWN, 35.903, 36.726)
BINNISH = Place("t:binnish", "Binnish", "بنش", PlaceType.TOWN, 35.957, 36.713)
IDLIB_GOV = Place("t:idlib-gov", "Idlib Governorate", "محافظة إدلب", PlaceType.GOVERNORATE, 35.93, 36.63)
PLACES = {"Sarmin": SARMIN, "Binnish": BINNISH, "سرمين": SARMIN, "ادلب": IDLIB_GOV, "Idlib": IDLIB_GOV}


def _extract(text: str) -> tuple[list[Incident], list[Mention]]:
    """The incidents of ``text``, each surface of :data:`PLACES` in it a resolved mention."""
    sentences = split_sentences(text)
    mentions = []
    for surface, place in PLACES.items():
        pos = text.find(surface)
        while pos >= 0:
            index = next(s.index for s in sentences if s.start <= pos < s.end)
            geo = 3 if place.type is PlaceType.GOVERNORATE else 1
            loc = Location(place.lat, place.lon, geo, place=place)
            mentions.append(Mention(surface, pos, pos + len(surface), index, place, score=1.0, location=loc))
            pos = text.find(surface, pos + 1)
    mentions.sort(key=lambda m: m.start)
    return extract_incidents(text, sentences, mentions, published=None, language="en"), mentions


def test_dominant_type_is_the_most_told_and_empty_without_any() -> None:
    air = Incident("Explosions/Remote violence", "Air/drone strike", 0, "")
    clash = Incident("Battles", "Armed clash", 1, "")
    assert dominant_type([clash, air, air]) == ("Explosions/Remote violence", "Air/drone strike")
    assert dominant_type([clash, air]) == ("Battles", "Armed clash")  # a tie: the earliest
    assert dominant_type([Incident("", "", 0, "")]) == ("", "")


def test_list_items_with_a_place_and_a_day_are_records_of_no_stated_type() -> None:
    text = "[f] Sarmin in Idlib governorate, 16 March 2015: 21 verified videos.\n(خ) سرمين، ادلب، 24/03/2015"
    incidents, mentions = _extract(text)
    assert [(i.sentence, i.event_type, i.location.place, i.date) for i in incidents] == [
        (0, "", SARMIN, dt.date(2015, 3, 16)),
        (1, "", SARMIN, dt.date(2015, 3, 24)),
    ]
    assert {m.text for m in mentions if m.role == Role.INCIDENT} == {"Sarmin", "سرمين"}


def test_records_take_the_event_the_article_tells() -> None:
    text = (
        "Government aircraft dropped chlorine barrel bombs on Idlib in March 2015.\n"
        "1. Sarmin, 16 March 2015: 21 videos.\n"
        "2. Binnish, 24 March 2015: 2 videos."
    )
    incidents, _ = _extract(text)
    assert [(i.event_type, i.sub_event_type, i.location.place) for i in incidents[1:]] == [
        ("Explosions/Remote violence", "Chemical weapon", SARMIN),
        ("Explosions/Remote violence", "Chemical weapon", BINNISH),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "1. Sarmin: 21 verified videos.",  # no day
        "1. Verified on 16 March 2015: 21 videos.",  # no place
        "Sarmin, 16 March 2015: 21 verified videos.",  # not a list item
        "1. Sarmin may be targeted on 16 March 2015, analysts warned.",  # a modal statement
        "1. Meeting of the councils in Sarmin, 16 March 2015.",  # the item does not open with its place
    ],
)
def test_lines_that_are_not_records(text: str) -> None:
    assert _extract(text)[0] == []


def test_a_record_may_name_who_did_it_before_its_place() -> None:
    incidents, _ = _extract("[b] By government forces in Binnish, Idlib governorate on 16 August 2016.")
    assert [(i.location.place, i.date) for i in incidents] == [(BINNISH, dt.date(2016, 8, 16))]
    # a place noun may stand before the place: «حي X», "the town of X"
    incidents, _ = _extract("3. مدينة سرمين في محافظة ادلب بتاريخ 06/09/2016 | 5 فيديوهات")
    assert [i.location.place for i in incidents] == [SARMIN]
