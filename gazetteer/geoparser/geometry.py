"""Geometry on the sphere and on Syria's map: distances to roads and areas, offsets, nearest points.

Road and area geometry is compared in a local equirectangular projection (km)
by :func:`distance_to_geometry_km` and :func:`nearest_point_on`; :func:`offset`
moves a point along a compass bearing, and :func:`bearing` gives the bearing
from one point to another.

:class:`PointTree` finds the nearest of many points without measuring the
distance to each: it keeps points in a k-d tree over their positions on the unit
sphere (x, y, z).  The straight-line distance from a query to a box of the tree
bounds from below the great-circle distance to every point in the box, so a
search measures the points of the few boxes near the query and skips the rest.
Distances are :func:`gazetteer.places.index.distances_km`'s, bit for bit, so that a
result never depends on how the points were searched.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from shapely.geometry import LineString, MultiLineString, Point, shape
from shapely.ops import nearest_points

from ..places.index import EARTH_RADIUS_KM, RadianPoint, distances_km, radian_point

__all__ = ["PointTree", "bearing", "bearing_gap", "distance_to_geometry_km", "nearest_point_on", "offset"]

_KM_PER_DEG_LAT = 110.574
# Road and area geometry is compared in a local equirectangular projection
# (km), exact to well under 1 % across Syria's few degrees of latitude.
_REF_LAT = 35.0
_KM_PER_DEG_LON = 111.320 * math.cos(math.radians(_REF_LAT))


def _project(lon: float, lat: float) -> tuple[float, float]:
    return lon * _KM_PER_DEG_LON, lat * _KM_PER_DEG_LAT


def _unproject(x: float, y: float) -> tuple[float, float]:
    return x / _KM_PER_DEG_LON, y / _KM_PER_DEG_LAT


def _projected(geometry: dict[str, Any]) -> Any:
    """A shapely geometry in km from a GeoJSON mapping (lon, lat order)."""
    geom = shape(geometry)
    if isinstance(geom, LineString):
        return LineString([_project(x, y) for x, y in geom.coords])
    if isinstance(geom, MultiLineString):
        return MultiLineString([[_project(x, y) for x, y in line.coords] for line in geom.geoms])
    from shapely.ops import transform

    return transform(lambda x, y, z=None: _project(x, y), geom)


def distance_to_geometry_km(geometry: dict[str, Any] | None, lat: float, lon: float) -> float:
    """Distance in km from (lat, lon) to a GeoJSON geometry (0 inside a polygon); inf without one."""
    if not geometry:
        return math.inf
    return float(_projected(geometry).distance(Point(_project(lon, lat))))


def nearest_point_on(geometry: dict[str, Any], lat: float, lon: float) -> tuple[float, float]:
    """The (lat, lon) of ``geometry`` nearest to (lat, lon)."""
    near = nearest_points(_projected(geometry), Point(_project(lon, lat)))[0]
    lon2, lat2 = _unproject(near.x, near.y)
    return lat2, lon2


def offset(lat: float, lon: float, bearing: float, km: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) along compass ``bearing`` degrees (great circle)."""
    d = km / EARTH_RADIUS_KM
    b = math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), math.degrees(l2)


def bearing(lat: float, lon: float, lat2: float, lon2: float) -> float:
    """The initial compass bearing (degrees, 0 north, 90 east) from (lat, lon) to (lat2, lon2)."""
    p1, p2 = math.radians(lat), math.radians(lat2)
    dl = math.radians(lon2 - lon)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(x, y)) % 360.0


def bearing_gap(a: float, b: float) -> float:
    """How many degrees apart two compass bearings are (0–180)."""
    gap = abs(a - b) % 360.0
    return min(gap, 360.0 - gap)


_LEAF_SIZE = 32
#: Bounds and distances are computed in floating point by different formulas: a box is skipped
#: only when its bound exceeds the best distance by more than this (a millimetre).
_SLACK_KM = 1e-6

_Vector = tuple[float, float, float]
_BOUND = itemgetter(0)


def _unit_vector(lat: float, lon: float) -> _Vector:
    p, lam = math.radians(lat), math.radians(lon)
    return math.cos(p) * math.cos(lam), math.cos(p) * math.sin(lam), math.sin(p)


@dataclass(frozen=True, slots=True)
class _Node:
    low: _Vector  # the corners of the box holding its points
    high: _Vector
    items: tuple[int, ...]  # a leaf's points (indices); empty for an inner node
    points: tuple[RadianPoint, ...]  # those points, ready for distances_km
    children: tuple[_Node, _Node] | None = None

    def bound_km(self, q: _Vector) -> float:
        """A lower bound of the great-circle distance from ``q`` to any point in the box."""
        gaps = (max(lo - c, 0.0, c - hi) for lo, c, hi in zip(self.low, q, self.high, strict=True))
        chord = math.sqrt(sum(g * g for g in gaps))
        return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, chord / 2))


class PointTree:
    """Points given as (lat, lon), searchable for the nearest ones; immutable once built.

    A few points (up to one leaf's worth, as most articles have) are measured one by one
    and get no tree.
    """

    def __init__(self, points: Sequence[tuple[float, float]]) -> None:
        self._radians = [radian_point(lat, lon) for lat, lon in points]
        self._vectors: list[_Vector] = []
        self._root: _Node | None = None
        if len(points) > _LEAF_SIZE:
            self._vectors = [_unit_vector(lat, lon) for lat, lon in points]
            self._root = self._build(list(range(len(points))))

    def __len__(self) -> int:
        return len(self._radians)

    def _build(self, items: list[int]) -> _Node:
        vectors = [self._vectors[i] for i in items]
        low = (min(v[0] for v in vectors), min(v[1] for v in vectors), min(v[2] for v in vectors))
        high = (max(v[0] for v in vectors), max(v[1] for v in vectors), max(v[2] for v in vectors))
        if len(items) <= _LEAF_SIZE:
            return _Node(low, high, tuple(items), tuple(self._radians[i] for i in items))
        axis = max(range(3), key=lambda a: high[a] - low[a])  # split the box's longest side
        items.sort(key=lambda i: self._vectors[i][axis])
        half = len(items) // 2
        return _Node(low, high, (), (), (self._build(items[:half]), self._build(items[half:])))

    def nearest(self, lat: float, lon: float, *, exclude: int | None = None) -> tuple[float, list[int]]:
        """``(km, indices)``: the points nearest ``(lat, lon)`` and their distance.

        ``indices`` holds every point at exactly that distance, in index order.
        Point ``exclude``, if given, is left out.  ``(inf, [])`` when no point is left.
        """
        found: list[int] = []
        if self._root is None:
            best = _closest(lat, lon, range(len(self._radians)), self._radians, exclude, math.inf, found)
            return best, found
        q = _unit_vector(lat, lon)
        best = math.inf
        stack = [(0.0, self._root)]
        while stack:
            bound, node = stack.pop()
            if bound > best + _SLACK_KM:
                continue
            if node.children is None:
                best = _closest(lat, lon, node.items, node.points, exclude, best, found)
                continue
            near, far = sorted(((child.bound_km(q), child) for child in node.children), key=_BOUND)
            stack.append(far)
            stack.append(near)  # searched first: the best distance found there prunes ``far``
        return best, sorted(found)


def _closest(
    lat: float,
    lon: float,
    items: Sequence[int],
    points: Sequence[RadianPoint],
    exclude: int | None,
    best: float,
    found: list[int],
) -> float:
    """Measure ``points`` (numbered ``items``) from ``(lat, lon)`` against the ``best`` distance so far.

    Returns the new best distance; ``found`` is updated in place to the points at it.
    """
    for i, km in zip(items, distances_km(lat, lon, points), strict=True):
        if i == exclude:
            continue
        if km < best:
            best = km
            found[:] = [i]
        elif km == best:
            found.append(i)
    return best
