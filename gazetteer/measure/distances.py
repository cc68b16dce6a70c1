"""How far a prediction lies from a gold point: a mention's point, a road's nearest point, a location."""

from __future__ import annotations

from typing import Any

from ..geoparser.result import Location, Mention
from ..places.index import distance_km

__all__ = ["CLASS_KM", "location_error_km", "location_of", "within_km"]

#: The distance within which a place or an incident counts as right in the per-class figures.
CLASS_KM = 10.0


def location_of(mention: Mention) -> Location | None:
    """Where a predicted mention points: its place, else the resolver's location (None when neither)."""
    # A toponym refers to its place: «غرب مدينة إدلب» still names Idlib, even though the
    # resolver's location for the expression lies west of it.  The location is the fallback.
    if mention.place is not None:
        p = mention.place
        return Location(lat=p.lat, lon=p.lon, geo_precision=1, place=p, geometry=p.geometry)
    return mention.location


def _line_distance_km(lat: float, lon: float, geometry: dict[str, Any]) -> float | None:
    """Distance from a point to the nearest point of a (Multi)LineString, or None for other geometries."""
    if geometry.get("type") not in ("LineString", "MultiLineString"):
        return None
    from shapely.geometry import Point, shape
    from shapely.ops import nearest_points

    # Nearest point in degree space, then the true distance to it: fine at Syria's scale.
    near = nearest_points(shape(geometry), Point(lon, lat))[0]
    return distance_km(lat, lon, near.y, near.x)


def location_error_km(lat: float, lon: float, location: Location | None) -> float | None:
    """Distance in km from the gold point to a predicted location (its line when it is a road)."""
    if location is None:
        return None
    geometry = location.geometry or (location.place.geometry if location.place else None)
    if geometry:
        d = _line_distance_km(lat, lon, geometry)
        if d is not None:
            return d
    return distance_km(lat, lon, location.lat, location.lon)


def within_km(lat: float, lon: float, location: Location | None, km: float) -> bool:
    """Whether ``location`` lies within ``km`` of the gold point (False when there is none)."""
    err = location_error_km(lat, lon, location)
    return err is not None and err <= km
