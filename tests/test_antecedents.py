"""A report that names no place happened where the sentences just before it, or its location field, say."""

from __future__ import annotations

import pytest

from gazetteer import Incident, Location, Mention, Place, PlaceType, Role
from gazetteer.events.extract import extract_incidents
from gazetteer.geoparser.sentences import split_sentences

SARMIN = Place("t:sarmin", "Sarmin", "سرمين", PlaceType.TOWN, 35.903, 36.726)
IDLIB = Place("t:idlib", "Idlib", "إدلب", PlaceType.CITY, 35.93, 36.634)
ANKARA = Place("t:ankara", "Ankara", "أنقرة", PlaceType.FOREIGN_CITY, 39.93, 32.86, country="TR")
PLACES = {"Sarmin": SARMIN, "Idlib": IDLIB, "Ankara": ANKARA, "سرمين": SARMIN, "ادلب": IDLIB}


def _extract(text: str) -> tuple[list[Incident], list[Mention]]:
    """The incidents of ``text``, each surface of :data:`PLACES` in it a resolved mention."""
    sentences = split_sentences(text)
    mentions = []
    for surface, place in PLACES.items():
        pos = text.find(surface)
        while pos >= 0:
            index = next(s.index for s in sentences if s.start <= pos < s.end)
            loc = Location(place.lat, place.lon, 1, place=place)
            mentions.append(Mention(surface, pos, pos + len(surface), index, place, score=1.0, location=loc))
            pos = text.find(surface, pos + 1)
    mentions.sort(key=lambda m: m.start)
    return extract_incidents(text, sentences, mentions, published=None, language="en"), mentions


def test_a_placeless_report_takes_the_place_of_the_sentence_before() -> None:
    text = "The school of Sarmin was moved. On 5 May 2019 the school was hit by an airstrike, killing two."
    incidents, mentions = _extract(text)
    assert len(incidents) == 1
    where = incidents[0].location
    assert where is not None and where.place is SARMIN
    assert where.geo_precision == 2  # the text does not name the place with the event
    assert mentions[incidents[0].mention].role == Role.INCIDENT


def test_the_incident_told_just_before_is_preferred_to_any_other_place() -> None:
    text = "Airstrikes hit Sarmin, east of Idlib, on 4 May 2019. On 5 May 2019 an airstrike killed three."
    incidents, _ = _extract(text)
    assert [(i.location.place, i.location.geo_precision) for i in incidents] == [(SARMIN, 1), (SARMIN, 2)]


def test_the_most_specific_place_of_the_sentence_before() -> None:
    text = "Idlib and Sarmin were calm on Sunday. On 5 May 2019 an airstrike killed three."
    incidents, _ = _extract(text)
    assert incidents[0].location.place is SARMIN


@pytest.mark.parametrize(
    "text",
    [
        "Sarmin was calm.\n\nOn 5 May 2019 an airstrike killed three.",  # another paragraph
        "Sarmin was calm. Nothing moved. Nobody spoke. On 5 May 2019 an airstrike killed three.",  # too far
        "Officials met in Ankara. On 5 May 2019 an airstrike killed three.",  # a foreign place
        "On 5 May 2019 an airstrike killed three. Sarmin was calm.",  # named after the report
    ],
)
def test_no_antecedent_no_place(text: str) -> None:
    incidents, _ = _extract(text)
    assert len(incidents) == 1 and incidents[0].location is None


def test_a_location_field_places_the_reports_of_its_block() -> None:
    text = (
        "- Location: Idlib : Sarmin\n- Target: a hospital\n- Date: 5 May 2019\n"
        "- Casualties: not reported\n- Attacks: three airstrikes"
    )
    incidents, _ = _extract(text)
    assert [(i.event_type, i.location.place) for i in incidents] == [("Explosions/Remote violence", SARMIN)]
    arabic = (
        "- الموقع الجغرافي: ادلب: سرمين\n- الهدف: مستشفى\n- التاريخ: 5 أيار 2019\n"
        "- القتلى: لا يوجد\n- الهجمات: ثلاث غارات جوية"
    )
    assert [i.location.place for i in _extract(arabic)[0]] == [SARMIN]


def test_a_line_that_is_not_a_location_field_places_nothing_far_below() -> None:
    text = (
        "- Source: Idlib : Sarmin\n- Target: a hospital\n- Date: 5 May 2019\n"
        "- Casualties: none\n- Attacks: three airstrikes"
    )
    incidents, _ = _extract(text)
    assert len(incidents) == 1 and incidents[0].location is None
