"""Where a resolved mention points: the place itself, near it, beside it, or an area.

Precision follows ACLED's geo_precision: 1 the place itself (a village,
town, city or landmark), 2 near a place or part of an area («محيط X»,
«غرب X», «ريف X الجنوبي», «بين X و Y», a road), 3 a district or governorate
(or a whole countryside, and the directional countryside of a governorate's
seat, «ريف إدلب الجنوبي», which is a part of the governorate: told at the seat).
A country gives no location at all: an incident "in Syria" is never put on the
country's centroid.

Offsets for directional forms are fixed distances along the compass
bearing: :data:`DIRECTION_KM` (5 km) for «غرب X»/"west of X" (25 km, and
precision 3, when X is a governorate or region: «شمالي محافظة حمص»), or the
distance the text states ("10 km east of X", «10 كم غرب X»), and
:data:`GOVERNORATE_COUNTRYSIDE_KM` (25 km from an area's point) for the
directional countryside of a district or region.  They are a best single point
for an area the text only names, which is what precision 2 admits.  The
directional countryside of a town or city («ريف جسر الشغور الغربي») is told at
the town itself, at precision 2, as ACLED places "the western countryside of X"
when no village is named: the villages of a town's countryside lie all around
it, often nearer than a fixed offset, so the town is the safer single point.
"""

from __future__ import annotations

from ..places.place import AREA_TYPES, Place, PlaceType
from .geometry import nearest_point_on, offset
from .result import Location
from .toponym import Match

#: Offset of «غرب X» / "west of X" from X.
DIRECTION_KM = 5.0
#: Offset of a directional countryside from a district's or region's point.
GOVERNORATE_COUNTRYSIDE_KM = 25.0

_DIRECTION_NAMES = {
    0: "north",
    45: "northeast",
    90: "east",
    135: "southeast",
    180: "south",
    225: "southwest",
    270: "west",
    315: "northwest",
}
_COUNTRYSIDE_NAMES = {
    0: "northern",
    45: "north-eastern",
    90: "eastern",
    135: "south-eastern",
    180: "southern",
    225: "south-western",
    270: "western",
    315: "north-western",
}


def _label(place: Place) -> str:
    return place.name or place.name_ar


def _direction_name(bearing: float) -> str:
    return _DIRECTION_NAMES.get(int(bearing) % 360, f"{bearing:.0f}°")


def place_location(place: Place, *, context: tuple[float, float] | None = None) -> Location | None:
    """The location of a bare mention of ``place``; None for a country.

    Roads keep their line geometry at precision 2, with the representative
    point on the road nearest ``context`` (the article's other places) when
    given; areas are precision 3 with their polygon if present; everything
    else is the place itself at precision 1.
    """
    if place.type is PlaceType.COUNTRY:
        return None
    if place.type is PlaceType.ROAD:
        lat, lon = place.lat, place.lon
        if context is not None and place.geometry:
            lat, lon = nearest_point_on(place.geometry, *context)
        return Location(lat, lon, 2, place, place.geometry, _label(place))
    if place.type in AREA_TYPES:
        precision = 2 if place.type in (PlaceType.SUBDISTRICT,) else 3
        return Location(place.lat, place.lon, precision, place, place.geometry, _label(place))
    return Location(place.lat, place.lon, 1, place, None, _label(place))


def locate(
    match: Match,
    place: Place | None,
    *,
    partner: Place | None = None,
    near: Place | None = None,
    context: tuple[float, float] | None = None,
) -> Location | None:
    """The location a resolved match points to, or None when it gives none.

    ``partner`` is the resolved other end of «بين X و Y»; ``near`` a place
    the text puts a road mention near ("on the M4 near Saraqib"), which
    moves the point to the road's nearest point; ``context`` the (lat, lon)
    of the article's other places, used to pick a point on a road.
    """
    if place is None or place.type is PlaceType.COUNTRY:
        return None
    name = _label(place)
    if place.type is PlaceType.ROAD:
        if near is not None and place.geometry:
            lat, lon = nearest_point_on(place.geometry, near.lat, near.lon)
            return Location(lat, lon, 2, place, None, f"{name} near {_label(near)}")
        return place_location(place, context=context)
    if match.relation == "between" and partner is not None and partner.type is not PlaceType.COUNTRY:
        lat, lon = (place.lat + partner.lat) / 2, (place.lon + partner.lon) / 2
        return Location(lat, lon, 2, place, None, f"between {name} and {_label(partner)}")
    if match.relation == "near":
        precision = 3 if place.type in AREA_TYPES else 2
        return Location(place.lat, place.lon, precision, place, None, f"near {name}")
    if match.relation == "direction" and match.bearing is not None:
        # «شمالي محافظة حمص» is a part of an area: further out, and still area-level.
        area = place.type in AREA_TYPES
        km = match.distance_km or (GOVERNORATE_COUNTRYSIDE_KM if area else DIRECTION_KM)
        lat, lon = offset(place.lat, place.lon, match.bearing, km)
        precision = 3 if area else 2
        return Location(lat, lon, precision, place, None, f"{_direction_name(match.bearing)} of {name}")
    if match.relation == "countryside":
        side = _COUNTRYSIDE_NAMES.get(int(match.bearing) % 360, "") if match.bearing is not None else ""
        label = f"{side} {name} countryside".strip()
        if match.bearing is None or place.type is PlaceType.GOVERNORATE or place.is_governorate_capital:
            # A governorate's countryside («ريف إدلب الجنوبي» is a third of one) is too wide for a
            # point out along the bearing: it is told at the governorate's seat, as ACLED places one.
            return Location(place.lat, place.lon, 3, place, None, label)
        if place.type not in AREA_TYPES:
            # «ريف جسر الشغور الغربي»: told at the town (ACLED's "western countryside of X" is X at
            # geo_precision 2); a fixed offset missed the village as often as it came nearer.
            return Location(place.lat, place.lon, 2, place, None, label)
        lat, lon = offset(place.lat, place.lon, match.bearing, GOVERNORATE_COUNTRYSIDE_KM)
        return Location(lat, lon, 2, place, None, label)
    return place_location(place, context=context)
