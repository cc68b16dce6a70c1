"""gazetteer.places.areas: the governorate of a point, and of a line by its midpoint."""

from __future__ import annotations

import pytest
from geo_toy import M4_LINE, square, toy_places

from gazetteer import Gazetteer, Place, PlaceType, governorate_at, governorate_of_line
from gazetteer.places.areas import line_midpoint

WEST = Place(
    "gov:west",
    "West Governorate",
    "محافظة الغرب",
    PlaceType.GOVERNORATE,
    35.8,
    36.0,
    geometry=square(35.8, 36.0, 0.5),
)
EAST = Place(
    "gov:east",
    "East Governorate",
    "محافظة الشرق",
    PlaceType.GOVERNORATE,
    35.8,
    37.0,
    geometry=square(35.8, 37.0, 0.5),
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer([*toy_places(), WEST, EAST])


def test_the_governorate_covering_a_point(gaz: Gazetteer) -> None:
    assert governorate_at(gaz, 35.9, 36.2) is WEST
    assert governorate_at(gaz, 35.9, 36.9) is EAST
    assert governorate_at(gaz, 33.5, 36.3) is None  # outside both
    assert governorate_at(Gazetteer(toy_places()), 35.9, 36.2) is None  # no polygons, no answer


def test_line_midpoint_is_halfway_by_length() -> None:
    line = {"type": "LineString", "coordinates": [[36.0, 35.0], [36.0, 35.2], [37.0, 35.2]]}
    assert line_midpoint(line) == pytest.approx((35.2, 36.4))
    parts = {"type": "MultiLineString", "coordinates": [[[30.0, 30.0], [30.1, 30.0]], line["coordinates"]]}
    assert line_midpoint(parts) == pytest.approx((35.2, 36.4))  # the longest part, where most of the road is
    assert line_midpoint({"type": "Point", "coordinates": [36.0, 35.0]}) is None


def test_a_road_segment_is_in_the_governorate_of_its_midpoint(gaz: Gazetteer) -> None:
    west_stretch = {"type": "LineString", "coordinates": [[35.8, 35.5], [36.3, 35.8], [36.7, 35.8]]}
    assert governorate_of_line(gaz, west_stretch) is WEST
    assert governorate_of_line(gaz, {"type": "LineString", "coordinates": M4_LINE["coordinates"][:3]}) is EAST
    assert governorate_of_line(gaz, None) is None
