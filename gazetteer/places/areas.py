"""Which governorate a point or a line lies in, from the gazetteer's governorate polygons.

A road has no governorate of its own (the M4 crosses four); an incident on a stretch of
it is in the governorate holding that stretch's midpoint (:func:`governorate_of_line`).
"""

from __future__ import annotations

import weakref
from typing import Any

from .index import Gazetteer
from .place import Place, PlaceType

_POLYGONS = ("Polygon", "MultiPolygon")
_LINES = ("LineString", "MultiLineString")
#: Gazetteer → its governorates with their prepared polygons, built on first use.
_SHAPES: weakref.WeakKeyDictionary[Gazetteer, list[tuple[Place, Any]]] = weakref.WeakKeyDictionary()


def _governorate_shapes(gaz: Gazetteer) -> list[tuple[Place, Any]]:
    shapes = _SHAPES.get(gaz)
    if shapes is None:
        from shapely import prepare
        from shapely.geometry import shape

        shapes = []
        for place in gaz:
            if (
                place.type is PlaceType.GOVERNORATE
                and place.geometry
                and place.geometry.get("type") in _POLYGONS
            ):
                polygon = shape(place.geometry)
                prepare(polygon)
                shapes.append((place, polygon))
        shapes.sort(key=lambda item: item[0].id)
        _SHAPES[gaz] = shapes
    return shapes


def governorate_at(gaz: Gazetteer, lat: float, lon: float) -> Place | None:
    """The governorate of ``gaz`` whose polygon covers the point, or None (outside, or no polygons)."""
    from shapely import Point

    point = Point(lon, lat)
    return next((place for place, polygon in _governorate_shapes(gaz) if polygon.covers(point)), None)


def line_midpoint(geometry: dict[str, Any]) -> tuple[float, float] | None:
    """``(lat, lon)`` halfway along a LineString or MultiLineString (by length); None for other geometries."""
    if geometry.get("type") not in _LINES or not geometry.get("coordinates"):
        return None
    from shapely import line_merge
    from shapely.geometry import shape

    line = shape(geometry)
    if line.geom_type == "MultiLineString":
        merged = line_merge(line)
        # Disjoint parts stay a MultiLineString: take the longest, where most of the road is.
        line = max(merged.geoms, key=lambda part: part.length) if merged.geom_type != "LineString" else merged
    point = line.interpolate(0.5, normalized=True)
    return point.y, point.x


def governorate_of_line(gaz: Gazetteer, geometry: dict[str, Any] | None) -> Place | None:
    """The governorate holding the midpoint of a line ``geometry``; None for no line or no cover."""
    middle = line_midpoint(geometry or {})
    return governorate_at(gaz, *middle) if middle is not None else None
