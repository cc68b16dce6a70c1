"""Roads the gazetteer lacks, named by the places they join, through the linking of a sentence's event."""

from __future__ import annotations

import pytest

from gazetteer import Location, Mention, Place, PlaceType
from gazetteer.events.classify import classify
from gazetteer.events.linking import incident_targets, place_candidates
from gazetteer.places.normalize import tokenize

IDLIB = Place("t:idlib", "Idlib", "إدلب", PlaceType.CITY, 35.93, 36.634)
BINNISH = Place("t:binnish", "Binnish", "بنش", PlaceType.TOWN, 35.957, 36.713)


def _incident_locations(text: str, places: dict[str, Place]) -> list[Location]:
    tokens = tokenize(text)
    mentions = []
    for surface, place in places.items():
        start = text.index(surface)
        loc = Location(place.lat, place.lon, 1, place=place)
        mentions.append(Mention(surface, start, start + len(surface), 0, place, location=loc))
    mentions.sort(key=lambda m: m.start)
    event = classify(tokens)
    assert event is not None
    candidates = place_candidates(text, tokens, mentions, range(len(mentions)), event)
    return [c.location for c in incident_targets(text, mentions, candidates)]


@pytest.mark.parametrize(
    "text, places",
    [
        (
            "A roadside bomb exploded on the Idlib–Binnish road on Sunday.",
            {"Idlib": IDLIB, "Binnish": BINNISH},
        ),
        ("انفجار عبوة ناسفة على طريق إدلب - بنش", {"إدلب": IDLIB, "بنش": BINNISH}),
    ],
)
def test_two_places_joined_into_a_roads_name_are_the_road_between_them(text, places) -> None:
    (where,) = _incident_locations(text, places)
    assert where.geo_precision == 2 and where.place is None
    assert (where.lat, where.lon) == pytest.approx(
        ((IDLIB.lat + BINNISH.lat) / 2, (IDLIB.lon + BINNISH.lon) / 2)
    )
    assert where.geometry == {
        "type": "LineString",
        "coordinates": [[IDLIB.lon, IDLIB.lat], [BINNISH.lon, BINNISH.lat]],
    }


def test_a_dash_without_a_road_word_joins_no_road() -> None:
    locations = _incident_locations(
        "Shelling hit Idlib - Binnish was spared", {"Idlib": IDLIB, "Binnish": BINNISH}
    )
    assert all(where.place is not None for where in locations)
