"""Tests for gazetteer.measure.distances: how far a predicted location lies from a gold point."""

from __future__ import annotations

from gazetteer import Location, Place, PlaceType
from gazetteer.measure.distances import location_error_km

M4_LINE = {"type": "LineString", "coordinates": [[37.134, 36.202], [36.801, 35.864], [35.790, 35.532]]}
M4 = Place("t:m4", "M4", "M4", PlaceType.ROAD, 35.864, 36.801, geometry=M4_LINE)


def loc(place: Place) -> Location:
    return Location(place.lat, place.lon, 1, place, place.geometry)


def test_location_error_km_uses_line_geometry() -> None:
    on_line = location_error_km(35.70, 36.30, loc(M4))
    as_point = location_error_km(35.70, 36.30, Location(M4.lat, M4.lon, 1))
    assert on_line is not None and as_point is not None
    assert on_line < 1 < 40 < as_point
    assert location_error_km(35.0, 36.0, None) is None
