"""Whether a place lies in, near or in a direction of another: the geometry of containers.

A container ("Bashqatin, Aleppo", «حي الثورة بمدينة إدلب», "X, east of Deir Ezzor") must
stand higher in the settlement hierarchy than what it holds (:func:`rank_of`), and what it holds
must lie within its reach: inside a governorate or district by admin parents, near a settlement or
region by distance, and on the side a direction gives (:func:`within_reach`).
:mod:`.containers` finds the container a text names; this module decides what it can hold.
"""

from __future__ import annotations

from ..places.index import distance_km
from ..places.place import SETTLEMENT_TYPES, Place, PlaceType
from .geometry import bearing, bearing_gap
from .resolve import Resolution
from .toponym import Match

#: How high in the settlement hierarchy a type of place stands: a container must stand higher.
SETTLEMENT_RANK = {
    PlaceType.NEIGHBOURHOOD: 0,
    PlaceType.CAMP: 0,
    PlaceType.VILLAGE: 1,
    PlaceType.TOWN: 2,
    PlaceType.CITY: 3,
    PlaceType.REGION: 4,
    PlaceType.SUBDISTRICT: 4,
    PlaceType.DISTRICT: 5,
    PlaceType.GOVERNORATE: 6,
}
#: How far from its container (km) a nested place may lie, by the container's type.
_REACH_KM = {
    PlaceType.CITY: 12.0,
    PlaceType.TOWN: 12.0,
    PlaceType.VILLAGE: 8.0,
    PlaceType.REGION: 40.0,
    PlaceType.SUBDISTRICT: 40.0,
    PlaceType.DISTRICT: 60.0,
    PlaceType.GOVERNORATE: 120.0,
}
#: Container types that leave an unknown place only district- or governorate-level (geo_precision 3).
WIDE_AREAS = frozenset({PlaceType.GOVERNORATE, PlaceType.DISTRICT})


#: Places at or below this rank (villages, towns, neighbourhoods) are checked against their container.
NESTED_RANK = 2


def rank_of(place: Place | None) -> int:
    """The settlement rank of a named place (an unknown one counts as a village)."""
    return SETTLEMENT_RANK.get(place.type, 1) if place is not None else 1


def said_rank(match: Match, place: Place | None) -> int:
    """The rank of what the text calls ``match``: its cue's, when the cue disagrees with the reading.

    "the al-Daraiya neighbourhood of Raqqa": the text says a quarter, though the one
    reading the gazetteer has is the city of Darayya; the quarter's container is then
    any city, and the reading is checked against it.  A cue that agrees with the
    reading («مدينة حلب») or names no settlement leaves the reading's own rank.
    """
    said = [SETTLEMENT_RANK[t] for t in match.cue_types & SETTLEMENT_TYPES if t in SETTLEMENT_RANK]
    if not said or place is None or place.type in match.cue_types:
        return rank_of(place)
    return min(min(said), rank_of(place))


#: Closer than this (km) to a point, a place is at it, in no direction from it.
_INSIDE_KM = 1.0
#: Reach of a container the text puts the place near or in a direction of ("X, east of Y").
_RELATIVE_REACH_KM = 40.0


def within_reach(place: Place, container: Resolution, *, slack: float | None = None) -> bool:
    """Whether ``place`` lies where a place said to be in ``container`` can lie.

    Every reading of an uncued container's name counts: "Anadan, Aleppo" may
    mean the governorate as well as the city.  A place lies in a governorate
    or district when its admin parents say so (by distance only when it has
    none); near a settlement or region when within :data:`_REACH_KM`, further
    for a container named with a direction or "near" ("X, east of Deir Ezzor"),
    and then in that direction (:func:`lies_towards`, within ``slack`` degrees when given).
    """
    relative = container.match.relation in ("direction", "near", "countryside")
    countryside = container.match.relation == "countryside"
    side = container.match.bearing if container.match.relation == "direction" else None
    quarter = place.type is PlaceType.NEIGHBOURHOOD
    if countryside and quarter:
        return False  # a countryside is the land around a city, not its quarters
    readings = [container.place] if container.match.cue_types else container.match.places
    for other in readings:
        if other is None or side is not None and not lies_towards(place, other, side, slack=slack):
            continue
        if quarter and other.type is PlaceType.REGION:
            continue  # nor is a plain or a valley: "al-Sharia, in the Ghab plain" is no quarter of Hama
        if lies_in(place, other, relative=relative) or countryside and in_capitals_countryside(place, other):
            return True
    return False


#: How far (degrees) a place's bearing from its container may stray from the one the text gives.
_BEARING_SLACK = 67.5
#: How far it may stray when no reading lies within :data:`_BEARING_SLACK`: the side's half-plane.
ROUGH_BEARING_SLACK = 90.0


def lies_towards(place: Place, container: Place, side: float, *, slack: float | None = None) -> bool:
    """Whether ``place`` lies in the direction ``side`` (compass degrees) from ``container``.

    "al-Mansoura, west of Raqqa": a homonym east of Raqqa, or inside it, is not the one
    meant.  Within a neighbouring octant counts (``slack`` degrees, :data:`_BEARING_SLACK`
    unless given): reports round directions to the four points.
    """
    if distance_km(place.lat, place.lon, container.lat, container.lon) < _INSIDE_KM:
        return False
    gap = bearing_gap(bearing(container.lat, container.lon, place.lat, place.lon), side)
    return gap <= (_BEARING_SLACK if slack is None else slack)


def in_capitals_countryside(place: Place, city: Place) -> bool:
    """Whether ``place`` lies in the countryside of ``city`` when ``city`` is its governorate's capital.

    «عين عيسى بريف الرقة الشمالي», "Kabani in the northern Lattakia countryside": the countryside
    of a governorate's capital is the governorate's rural land, reaching far beyond the city's
    surroundings (Ain Issa lies 50 km from Raqqa).  The place must have that governorate among
    its admin parents.
    """
    if not city.is_governorate_capital:
        return False
    return any(ref.level == 1 and ref.pcode == city.governorate_pcode for ref in place.parents)


def lies_in(place: Place, container: Place, *, relative: bool = False) -> bool:
    """Whether ``place`` lies in (or, ``relative``, near or in a direction of) the place ``container``.

    In a governorate or district when its admin parents say so (by distance only
    when it has none); in a settlement or region when within :data:`_REACH_KM`.
    """
    if container.type in WIDE_AREAS and container.pcode and place.parents:
        return any(ref.pcode == container.pcode for ref in place.parents)
    if container.type is PlaceType.REGION and _same_governorate(place, container):
        return True  # a region is drawn as one point, but "the Euphrates valley" runs 150 km
    reach = _REACH_KM.get(container.type, 25.0)
    if relative:
        reach = max(reach, _RELATIVE_REACH_KM)
    return distance_km(place.lat, place.lon, container.lat, container.lon) <= reach


def _same_governorate(place: Place, other: Place) -> bool:
    """Whether both places have a governorate and it is the same one."""
    return bool(place.governorate_pcode) and place.governorate_pcode == other.governorate_pcode
