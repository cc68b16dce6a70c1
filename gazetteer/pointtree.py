"""The nearest of many points on the sphere, found without measuring the distance to each.

:class:`PointTree` keeps points in a k-d tree over their positions on the unit
sphere (x, y, z).  The straight-line distance from a query to a box of the tree
bounds from below the great-circle distance to every point in the box, so a
search measures the points of the few boxes near the query and skips the rest.
Distances are :func:`gazetteer.index.distances_km`'s, bit for bit, so that a
result never depends on how the points were searched.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from .index import EARTH_RADIUS_KM, RadianPoint, distances_km, radian_point

__all__ = ["PointTree"]

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
