"""Merging gazetteer sources: one place per real-world place, whatever the source.

Two entries are the same place when they share a P-code, share an id, or
share a normalised name key *and* have compatible types *and* are close
enough for their kind (see :func:`same_place`).  The first entry seen wins
on id, type, point and primary names; later ones contribute variants and
fill in what is missing (P-code, geometry, parents, population, code).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .index import distance_km, name_keys
from .names import preferred_arabic
from .normalize import is_arabic
from .place import FACILITY_TYPES, SETTLEMENT_TYPES, AdminRef, Place, PlaceType

_ADMIN_TYPES = frozenset({PlaceType.GOVERNORATE, PlaceType.DISTRICT, PlaceType.SUBDISTRICT})
#: Settlement-like types that one source may call a city and another a town, village or camp.
_SETTLEMENTISH = SETTLEMENT_TYPES | {PlaceType.FOREIGN_CITY}
SETTLEMENT_KM = 5.0
#: Point facilities: a source may place them a few kilometres off (runway end vs. terminal).
FACILITY_KM = 8.0
ADMIN_KM = 10.0
REGION_KM = 100.0


@dataclass
class MergeReport:
    """What a merge did: ``added`` new places, ``merged`` into existing ones.

    ``united`` counts existing entries that a new one proved to be one place
    with another (they became one, so the total grows by ``added - united``);
    ``aliases`` maps the id of every absorbed entry to the id it was merged into.
    """

    added: int = 0
    merged: int = 0
    aliases: dict[str, str] = field(default_factory=dict)
    united: int = 0

    def __add__(self, other: MergeReport) -> MergeReport:
        return MergeReport(
            self.added + other.added,
            self.merged + other.merged,
            {**self.aliases, **other.aliases},
            self.united + other.united,
        )


def _compatible(a: PlaceType, b: PlaceType) -> bool:
    if a == b:
        return True
    if a in _SETTLEMENTISH and b in _SETTLEMENTISH:
        # A foreign city never equals a Syrian village: countries differ, checked by caller too.
        return True
    return a in FACILITY_TYPES and b in FACILITY_TYPES and PlaceType.LANDMARK in (a, b)


_SHAPES: dict[int, tuple[dict[str, Any], Any]] = {}


def _contains(area: Place, lat: float, lon: float) -> bool:
    geometry = area.geometry
    if not geometry or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return False
    from shapely import prepare
    from shapely.geometry import Point, shape  # shapely is only needed for polygon sources

    # Keyed by the mapping's identity (kept alive in the value) so each polygon is built once.
    cached = _SHAPES.get(id(geometry))
    if cached is None or cached[0] is not geometry:
        if len(_SHAPES) > 20_000:
            _SHAPES.clear()
        polygon = shape(geometry)
        prepare(polygon)
        cached = _SHAPES[id(geometry)] = (geometry, polygon)
    return bool(cached[1].covers(Point(lon, lat)))


def same_place(a: Place, b: Place) -> bool:
    """True when ``a`` and ``b`` describe the same place (name keys are checked by the caller).

    Rules: P-codes decide when both have one (and types are compatible); otherwise types must be
    compatible, countries equal, and the points within a kind-dependent
    reach — settlements 5 km, facilities 8 km, admin areas by polygon
    containment (or 10 km between representative points when neither has a
    polygon), roads by name alone, regions within 100 km.
    """
    if a.pcode and b.pcode:
        return a.pcode == b.pcode and _compatible(a.type, b.type)
    if a.country != b.country or not _compatible(a.type, b.type):
        return False
    d = distance_km(a.lat, a.lon, b.lat, b.lon)
    if a.type in _ADMIN_TYPES:
        if _contains(a, b.lat, b.lon) or _contains(b, a.lat, a.lon):
            return True
        return d <= ADMIN_KM
    if a.type == PlaceType.ROAD:
        return True
    if a.type in (PlaceType.REGION, PlaceType.COUNTRY):
        return d <= REGION_KM if a.type == PlaceType.REGION else True
    if a.type in FACILITY_TYPES:
        return d <= FACILITY_KM
    return d <= SETTLEMENT_KM


def _union_names(keep: Place, other: Place) -> tuple[str, str, tuple[str, ...]]:
    name = keep.name or other.name
    name_ar = preferred_arabic(keep.name_ar, keep.source, other.name_ar, other.source)
    seen = {name, name_ar, ""}
    alts: list[str] = []
    for n in (*keep.alt_names, keep.name_ar, other.name, other.name_ar, *other.alt_names):
        if n not in seen:
            seen.add(n)
            alts.append(n)
    return name, name_ar, tuple(alts)


def _union_parents(keep: tuple[AdminRef, ...], other: tuple[AdminRef, ...]) -> tuple[AdminRef, ...]:
    levels = {p.level for p in keep}
    merged = list(keep) + [p for p in other if p.level not in levels]
    return tuple(sorted(merged, key=lambda p: p.level))


def combine(keep: Place, other: Place) -> Place:
    """``keep`` with ``other``'s names added and its missing fields filled from ``other``."""
    name, name_ar, alts = _union_names(keep, other)
    changes: dict[str, Any] = {
        "name": name,
        "name_ar": name_ar,
        "alt_names": alts,
        "parents": _union_parents(keep.parents, other.parents),
        "pcode": keep.pcode or other.pcode,
        "code": keep.code or other.code,
        "population": keep.population or other.population,
        "geometry": keep.geometry or other.geometry,
        "source": keep.source
        if other.source in keep.source.split("; ")
        else f"{keep.source}; {other.source}",
        "licence": keep.licence
        if not other.licence or other.licence in keep.licence.split("; ")
        else f"{keep.licence}; {other.licence}".strip("; "),
    }
    return dataclasses.replace(keep, **changes)


#: Generic words that may open an Arabic name («حي البياضة», «قرية عرب سعيد»), normalised.
_AR_GENERIC = ("حي", "قريه", "بلده", "مدينه")
#: Generic words that may close an English name ("Al-Zahra district", "Tishrine neighbourhood").
_EN_GENERIC = ("neighbourhood", "neighborhood", "district", "quarter", "town", "village")


def merge_keys(place: Place) -> set[str]:
    """Name keys for matching entries across sources: the index keys plus looser forms.

    Looser forms drop «ال» from every word (بستان الباشا ~ بستان باشا), a
    leading generic Arabic word (حي البياضة ~ البياضة) and a trailing generic
    English one ("Zahra neighbourhood" ~ "Al-Zahra district").  They are safe
    here because a match also needs compatible types and nearby points.
    """
    keys = name_keys(place)
    loose = set()
    for key in keys:
        if not is_arabic(key):
            head, _, last = key.rpartition(" ")
            if head and last in _EN_GENERIC:
                loose.add(head)
            continue
        words = key.split(" ")
        if len(words) > 1 and words[0] in _AR_GENERIC:
            words = words[1:]
        words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words]
        loose.add(" ".join(words))
    return keys | loose


class _Merger:
    """Incremental merge state: places in order plus indexes by id, P-code and name key.

    Entries absorbed into another (when a new entry proves two existing ones
    to be the same place) leave ``None`` behind in :attr:`places`.
    """

    def __init__(self) -> None:
        self.places: list[Place | None] = []
        self.by_id: dict[str, int] = {}
        self.by_pcode: dict[str, int] = {}
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.report = MergeReport()

    def _index(self, i: int, place: Place, keys: set[str]) -> None:
        self.by_id.setdefault(place.id, i)
        if place.pcode:
            self.by_pcode.setdefault(place.pcode, i)
        for key in keys:
            bucket = self.by_key[key]
            if i not in bucket:
                bucket.append(i)

    def _find(self, place: Place, keys: set[str]) -> list[int]:
        """Indexes of the entries ``place`` is the same as, the one to keep first."""
        for pid in (place.id, self.report.aliases.get(place.id)):
            if pid is not None and pid in self.by_id:
                return [self.by_id[pid]]
        if place.pcode and place.pcode in self.by_pcode:
            i = self.by_pcode[place.pcode]
            found = self.places[i]
            if found is not None and _compatible(found.type, place.type):
                return [i]
        candidates: list[int] = []
        for key in keys:
            candidates.extend(self.by_key.get(key, ()))
        matches: list[tuple[float, int]] = []
        for i in dict.fromkeys(candidates):
            other = self.places[i]
            if other is not None and same_place(other, place):
                matches.append((distance_km(other.lat, other.lon, place.lat, place.lon), i))
        matches.sort()
        return [i for _, i in matches]

    def _absorb(self, keep: int, other: int) -> None:
        kept, gone = self.places[keep], self.places[other]
        assert kept is not None and gone is not None
        self.places[keep] = combine(kept, gone)
        self.places[other] = None
        for pid, target in list(self.report.aliases.items()):
            if target == gone.id:
                self.report.aliases[pid] = kept.id
        self.report.aliases[gone.id] = kept.id
        self.report.united += 1
        self.by_id[gone.id] = keep
        if gone.pcode and self.by_pcode.get(gone.pcode) == other:
            self.by_pcode[gone.pcode] = keep
        self._index(keep, kept, merge_keys(gone))

    def add(self, place: Place, *, count: bool) -> None:
        keys = merge_keys(place)
        found = self._find(place, keys)
        if not found:
            self.places.append(place)
            self._index(len(self.places) - 1, place, keys)
            if count:
                self.report.added += 1
            return
        # The new entry may prove several existing entries to be one place (GeoNames and
        # OCHA spell it differently; the new entry shares a name with each): they unite,
        # the earliest (highest-priority source) keeping its id, type and point.
        nearest = self.places[found[0]]
        assert nearest is not None
        group = [found[0]] + [
            j for j in found[1:] if (other := self.places[j]) is not None and same_place(nearest, other)
        ]
        i = min(group)
        for j in sorted(group):
            if j != i:
                self._absorb(i, j)
        current = self.places[i]
        assert current is not None
        kept = combine(current, place)
        self.places[i] = kept
        self._index(i, kept, keys)
        if place.id != kept.id:
            self.report.aliases[place.id] = kept.id
        if count:
            self.report.merged += 1


def merge_places(base: Iterable[Place], new: Iterable[Place]) -> tuple[list[Place], MergeReport]:
    """Merge ``new`` places into ``base`` places.

    Returns every resulting place (base order first, then additions) and a
    :class:`MergeReport` counting how many ``new`` entries were added and how
    many merged into an existing place.  Duplicates inside ``base`` or inside
    ``new`` are merged too (they do not count in the report when in ``base``).
    """
    merger = _Merger()
    for place in base:
        merger.add(place, count=False)
    merger.report = MergeReport(aliases=merger.report.aliases)
    for place in new:
        merger.add(place, count=True)
    return [p for p in merger.places if p is not None], merger.report
