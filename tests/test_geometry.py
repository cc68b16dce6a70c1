"""PointTree: the nearest points, as measuring every one would find them; compass bearings."""

from __future__ import annotations

import math
import random

import pytest

from gazetteer.geoparser.geometry import PointTree, bearing, bearing_gap
from gazetteer.places.index import distance_km


def _brute(points, lat, lon, exclude=None):
    kept = [i for i in range(len(points)) if i != exclude]
    if not kept:
        return math.inf, []
    kms = {i: distance_km(lat, lon, *points[i]) for i in kept}
    best = min(kms.values())
    return best, [i for i in kept if kms[i] == best]


def test_nearest_agrees_with_measuring_every_point() -> None:
    rng = random.Random(5)
    for size in (1, 3, 8, 9, 40, 300):
        # Points over Syria, some of them repeated (two places may share a point).
        points = [(rng.uniform(32.3, 37.3), rng.uniform(35.7, 42.4)) for _ in range(size)]
        points += rng.sample(points, k=min(5, size))
        tree = PointTree(points)
        assert len(tree) == len(points)
        queries = [(rng.uniform(32, 38), rng.uniform(35, 43)) for _ in range(30)]
        queries += [points[0], (55.75, 37.62), (-33.9, 151.2), (35.0, -140.0)]  # far away, antipodal
        for lat, lon in queries:
            assert tree.nearest(lat, lon) == _brute(points, lat, lon)
            exclude = rng.randrange(len(points))
            assert tree.nearest(lat, lon, exclude=exclude) == _brute(points, lat, lon, exclude)


def test_nothing_to_find() -> None:
    assert PointTree([]).nearest(35.0, 36.0) == (math.inf, [])
    assert PointTree([(35.0, 36.0)]).nearest(35.0, 36.0, exclude=0) == (math.inf, [])


def test_bearing_is_the_compass_direction_from_one_point_to_another() -> None:
    raqqa = (35.953, 39.008)
    assert bearing(*raqqa, 35.953, 38.74) == pytest.approx(270.0, abs=0.5)  # due west
    assert bearing(*raqqa, 36.2, 39.008) == pytest.approx(0.0, abs=0.5)
    assert bearing_gap(350.0, 10.0) == 20.0 and bearing_gap(90.0, 270.0) == 180.0
