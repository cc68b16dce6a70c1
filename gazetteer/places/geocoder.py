"""A geopy geocoder backed by the offline gazetteer, and a factory that can swap it for an online one.

>>> geocoder = SyriaGazetteer()
>>> geocoder.geocode("إدلب").address
'Idlib, Idlib Governorate, Syria'
>>> geocoder.reverse((35.93, 36.63)).address
'Idlib, Idlib District, Idlib Governorate, Syria'
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from geopy.exc import GeocoderQueryError
from geopy.geocoders import get_geocoder_for_service
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from .index import Gazetteer, distance_km
from .normalize import clitic_variants, is_arabic, normalize_name
from .place import FACILITY_TYPES, SETTLEMENT_TYPES, AdminRef, Place, PlaceType

#: Lower ranks first: what a bare name most often means in news about Syria.
TYPE_RANK: dict[PlaceType, int] = {
    PlaceType.COUNTRY: 0,
    PlaceType.CITY: 1,
    PlaceType.GOVERNORATE: 2,
    PlaceType.FOREIGN_CITY: 3,
    PlaceType.TOWN: 4,
    PlaceType.DISTRICT: 5,
    PlaceType.REGION: 6,
    PlaceType.ROAD: 6,
    PlaceType.VILLAGE: 7,
    PlaceType.SUBDISTRICT: 8,
    PlaceType.AIRPORT: 8,
    PlaceType.MILITARY_BASE: 8,
    PlaceType.PRISON: 8,
    PlaceType.DAM: 8,
    PlaceType.BORDER_CROSSING: 8,
    PlaceType.CAMP: 8,
    PlaceType.HOSPITAL: 9,
    PlaceType.NEIGHBOURHOOD: 9,
    PlaceType.LANDMARK: 9,
}
#: What ``reverse`` may name: things at a point, not areas or lines.
POINT_TYPES = SETTLEMENT_TYPES | FACILITY_TYPES | {PlaceType.FOREIGN_CITY}
_ADMIN_LEVEL_TYPES = {1: PlaceType.GOVERNORATE, 2: PlaceType.DISTRICT, 3: PlaceType.SUBDISTRICT}
#: How far a district's seat may be from a point for ``reverse`` to name that district without polygons.
DISTRICT_SEAT_KM = 40.0


#: Admin words around a unit's name ("Idlib Governorate", «محافظة إدلب»), in normalised form.
_ADMIN_WORDS = re.compile(r"^(?:محافظه|منطقه|ناحيه) | (?:governorate|district|subdistrict|province)$")


def rank_key(place: Place) -> tuple[int, bool, int, str]:
    """Sort key: type importance, Syrian first, most populous, then id."""
    return (TYPE_RANK.get(place.type, 9), not place.in_syria, -place.population, place.id)


def query_keys(query: str) -> list[str]:
    """Index keys to try for a query: the normalised name, then Arabic forms without proclitics.

    "وبإدلب" → ["وبادلب", "بادلب", "ادلب"]: و, ب, ل, ك, ف and «ال» are stripped
    from the first word, shortest cut first.
    """
    key = normalize_name(query)
    if not key:
        return []
    keys = [key]
    first, _, rest = key.partition(" ")
    if is_arabic(first):
        for form, cut in clitic_variants(first):
            if cut:
                keys.append(f"{form} {rest}".strip())
    return list(dict.fromkeys(keys))


class SyriaGazetteer(Geocoder):
    """geopy geocoder answering from a local :class:`~gazetteer.places.index.Gazetteer`, offline.

    ``gazetteer`` defaults to :func:`gazetteer.places.bundled.default_gazetteer` (loaded
    on first use).  Results are :class:`geopy.location.Location` objects whose
    ``raw`` is ``place.to_dict()`` with ``parents`` completed as in the address.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._gazetteer = gazetteer
        self._countries: dict[str, str] | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            from .bundled import default_gazetteer

            self._gazetteer = default_gazetteer()
        return self._gazetteer

    # -- helpers ----------------------------------------------------------------
    def _country_name(self, code: str) -> str:
        if self._countries is None:
            self._countries = {
                p.code: p.name for p in self.gazetteer if p.type == PlaceType.COUNTRY and p.code
            }
        return self._countries.get(code, "Syria" if code == "SY" else code)

    def _units(self, level: int) -> list[Place]:
        cache = self.__dict__.setdefault("_units_cache", {})
        if level not in cache:
            wanted = _ADMIN_LEVEL_TYPES[level]
            cache[level] = [p for p in self.gazetteer if p.type == wanted and p.in_syria]
        return cache[level]

    def _containing(self, level: int, lat: float, lon: float, governorate: str) -> AdminRef | None:
        """The admin unit of ``level`` around the point: by polygon, else (districts) the nearest seat."""
        units = [u for u in self._units(level) if not governorate or u.pcode.startswith(governorate)]
        with_polygons = [
            u for u in units if u.geometry and u.geometry.get("type") in ("Polygon", "MultiPolygon")
        ]
        if with_polygons:
            from shapely.geometry import Point as ShapelyPoint
            from shapely.geometry import shape

            point = ShapelyPoint(lon, lat)
            for unit in with_polygons:
                if shape(unit.geometry).covers(point):
                    return AdminRef(level, unit.name, unit.name_ar, unit.pcode)
        if level != 2 or not units:
            return None
        seat = min(units, key=lambda u: distance_km(lat, lon, u.lat, u.lon))
        if distance_km(lat, lon, seat.lat, seat.lon) > DISTRICT_SEAT_KM:
            return None
        return AdminRef(level, seat.name, seat.name_ar, seat.pcode)

    def parents_of(self, place: Place, *, complete: bool = False) -> tuple[AdminRef, ...]:
        """The place's admin parents; with ``complete``, missing district/sub-district inferred from space."""
        parents = {p.level: p for p in place.parents}
        if complete and place.in_syria and place.type in POINT_TYPES:
            governorate = parents[1].pcode if 1 in parents else ""
            for level in (2, 3):
                if level not in parents:
                    found = self._containing(level, place.lat, place.lon, governorate)
                    if found is not None:
                        parents[level] = found
        return tuple(parents[k] for k in sorted(parents))

    def address(self, place: Place, parents: tuple[AdminRef, ...]) -> str:
        """ "Name, sub-district?, district, governorate, country", innermost first, without repeats."""
        parts = [place.name or place.name_ar]
        for ref in sorted(parents, key=lambda r: -r.level):
            if ref.name and ref.name not in parts:
                parts.append(ref.name)
        if place.type != PlaceType.COUNTRY:
            parts.append(self._country_name(place.country))
        return ", ".join(parts)

    def location(self, place: Place, *, complete: bool = False, **extra: Any) -> Location:
        """``place`` as a geopy Location (see the class docstring for ``raw``)."""
        parents = self.parents_of(place, complete=complete)
        raw = place.to_dict()
        raw["parents"] = [dataclasses.asdict(p) for p in parents]
        raw.update(extra)
        return Location(self.address(place, parents), Point(place.lat, place.lon), raw)

    # -- geopy API --------------------------------------------------------------
    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: float | None = None,
        limit: int | None = None,
        country_codes: str | list[str] | None = None,
    ) -> Location | list[Location] | None:
        """Places called ``query`` (Arabic or Latin, any spelling the index knows).

        ``"Saraqib, Idlib"``: parts after a comma (Latin or Arabic) prefer places whose names or
        admin parents match.  Ranked by :func:`rank_key`.  Returns one Location,
        a list (``exactly_one=False``, at most ``limit``), or None / [] when
        nothing matches.  ``timeout`` is accepted for geopy compatibility.
        Raises :class:`geopy.exc.GeocoderQueryError` for a non-string query.
        """
        if not isinstance(query, str):
            raise GeocoderQueryError("SyriaGazetteer.geocode takes a place name string")
        head, *context = [part for part in re.split(r"[,،]", query) if part.strip()] or [""]
        places: list[Place] = []
        for key in query_keys(head):
            places = self.gazetteer.lookup_key(key)
            if places:
                break
        if country_codes:
            codes = (
                {country_codes.upper()}
                if isinstance(country_codes, str)
                else {c.upper() for c in country_codes}
            )
            places = [p for p in places if p.country in codes]
        context_keys = {normalize_name(c) for c in context} - {""}

        def in_context(place: Place) -> bool:
            names = [r.name for r in place.parents] + [r.name_ar for r in place.parents]
            keys = {normalize_name(n) for n in names if n}
            keys |= {_ADMIN_WORDS.sub("", k) for k in keys}
            return bool(keys & context_keys)

        places = sorted(places, key=lambda p: (bool(context_keys) and not in_context(p), rank_key(p)))
        if limit is not None:
            places = places[:limit]
        if exactly_one:
            return self.location(places[0]) if places else None
        return [self.location(p) for p in places]

    def reverse(
        self,
        query: Any,
        *,
        exactly_one: bool = True,
        timeout: float | None = None,
        max_km: float = 50.0,
        limit: int | None = None,
    ) -> Location | list[Location] | None:
        """The point-like places nearest to ``query`` ((lat, lon), "lat, lon" or a geopy Point).

        The address names the place and its admin parents, the district and
        sub-district inferred from polygons (when imported) or, for the
        district, the nearest district seat in the same governorate.  Returns
        None / [] when nothing lies within ``max_km``; with ``exactly_one=False``
        up to ``limit`` (default 5) places, nearest first.
        """
        try:
            point = Point(query)
        except (ValueError, TypeError) as exc:
            raise GeocoderQueryError(f"not a point: {query!r}") from exc
        lat, lon = point.latitude, point.longitude
        nearest = self.gazetteer.nearest(lat, lon, types=POINT_TYPES, max_km=max_km)
        if nearest is None:
            return None if exactly_one else []
        if exactly_one:
            d = distance_km(lat, lon, nearest.lat, nearest.lon)
            return self.location(nearest, complete=True, distance_km=round(d, 3))
        around = [
            (distance_km(lat, lon, p.lat, p.lon), p)
            for p in self.gazetteer
            if p.type in POINT_TYPES and abs(p.lat - lat) < max_km / 100 and abs(p.lon - lon) < max_km / 80
        ]
        around = sorted(((d, p) for d, p in around if d <= max_km), key=lambda dp: dp[0])[: limit or 5]
        return [self.location(p, complete=True, distance_km=round(d, 3)) for d, p in around]


def make_geocoder(spec: str = "local", **kwargs: Any) -> Geocoder:
    """A geopy geocoder from configuration: ``"local"`` → :class:`SyriaGazetteer`, else a geopy service.

    Other names ("nominatim", "photon", …) go to
    :func:`geopy.geocoders.get_geocoder_for_service`, with ``kwargs`` passed
    to its constructor (e.g. ``user_agent``).  Raises
    :class:`geopy.exc.GeocoderNotFound` for an unknown service.
    """
    if spec.strip().lower() in ("", "local", "gazetteer", "offline"):
        return SyriaGazetteer(**kwargs)
    return get_geocoder_for_service(spec.strip().lower())(**kwargs)
