"""Admin parents from admin polygons: a Syrian place gets the governorate, district, subdistrict around it."""

from __future__ import annotations

import dataclasses

from .place import AdminRef, Place, PlaceType

__all__ = ["complete_parents"]

_LEVELS = {PlaceType.GOVERNORATE: 1, PlaceType.DISTRICT: 2, PlaceType.SUBDISTRICT: 3}


def _nested(a: AdminRef, b: AdminRef) -> bool:
    if not a.pcode or not b.pcode:
        return True
    outer, inner = (a, b) if a.level < b.level else (b, a)
    return inner.pcode.startswith(outer.pcode)


def complete_parents(places: list[Place]) -> list[Place]:
    """``places`` with missing admin parents filled in from the admin polygons among them.

    A Syrian place that is neither an admin area nor the country gets, for each level it
    lacks, the governorate / district / sub-district whose polygon covers its
    point.  Places are returned in the same order; without polygons nothing
    changes.
    """
    areas = [
        p
        for p in places
        if p.type in _LEVELS
        and p.in_syria
        and p.geometry
        and p.geometry.get("type") in ("Polygon", "MultiPolygon")
    ]
    if not areas:
        return places
    from shapely import STRtree, points
    from shapely.geometry import shape

    tree = STRtree([shape(a.geometry) for a in areas])
    # A country is no part of its own governorates.
    todo = [
        i
        for i, p in enumerate(places)
        if p.in_syria and p.type not in _LEVELS and p.type is not PlaceType.COUNTRY and len(p.parents) < 3
    ]
    if not todo:
        return places
    hits = tree.query(points([(places[i].lon, places[i].lat) for i in todo]), predicate="intersects")
    found: dict[int, dict[int, Place]] = {}
    for point_idx, area_idx in zip(hits[0], hits[1], strict=True):
        area = areas[area_idx]
        found.setdefault(todo[point_idx], {}).setdefault(_LEVELS[area.type], area)
    out = list(places)
    for i, by_level in found.items():
        place = out[i]
        have = {p.level for p in place.parents}
        extra = [AdminRef(lvl, a.name, a.name_ar, a.pcode) for lvl, a in by_level.items() if lvl not in have]
        # P-codes nest (SY07 ⊃ SY0700 ⊃ SY070003): skip a polygon that contradicts a known parent.
        extra = [e for e in extra if all(_nested(e, p) for p in place.parents)]
        if extra:
            parents = tuple(sorted((*place.parents, *extra), key=lambda r: r.level))
            out[i] = dataclasses.replace(place, parents=parents)
    return out
