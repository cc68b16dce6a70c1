"""The place index: every place by id, and every normalised name to the places bearing it."""

from __future__ import annotations

import gzip
import json
import math
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import GazetteerDataError, PlaceNotFound
from .normalize import is_arabic, normalize_name
from .place import Place, PlaceType

EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


#: A point ready for :func:`distances_km`: (latitude in radians, its cosine, longitude in degrees).
RadianPoint = tuple[float, float, float]


def radian_point(lat: float, lon: float) -> RadianPoint:
    """``(lat, lon)`` prepared for :func:`distances_km`."""
    p = math.radians(lat)
    return p, math.cos(p), lon


def distances_km(lat: float, lon: float, points: Iterable[RadianPoint]) -> list[float]:
    """:func:`distance_km` from ``(lat, lon)`` to each point, bit for bit (each point's trigonometry once)."""
    p1 = math.radians(lat)
    c1 = math.cos(p1)
    sin, radians = math.sin, math.radians
    halves = [
        sin((p2 - p1) / 2) ** 2 + c1 * c2 * sin(radians(lon2 - lon) / 2) ** 2 for p2, c2, lon2 in points
    ]
    return [2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a))) for a in halves]


def name_keys(place: Place) -> set[str]:
    """The index keys of a place: each name normalised, plus Arabic variants.

    Variants: without a leading «ال» (الرقه → رقه), and with the words joined
    before a later «ال» (حفر الباطن → حفرالباطن), as compounds and hashtags
    are often written.
    """
    keys = set()
    for name in place.names:
        key = normalize_name(name)
        if not key:
            continue
        keys.add(key)
        if key.startswith("ال") and len(key) > 4:
            keys.add(key[2:])
        if " ال" in key and is_arabic(key):
            keys.add(key.replace(" ال", "ال"))
    return keys


class Gazetteer:
    """An immutable collection of places with a name index and a coarse spatial grid.

    Build one from places (:meth:`__init__`) or from a JSON Lines file
    written by :meth:`save` (:meth:`load`).  Name keys are produced by
    :func:`gazetteer.places.normalize.normalize_name`, the same function the
    geoparser applies to text, and are sequences of whole tokens joined by
    spaces, so longest-match scanning asks :meth:`lookup_key` for token
    n-grams of length :attr:`max_name_tokens` downwards.
    """

    _GRID = 0.25  # degrees per spatial grid cell

    def __init__(self, places: Iterable[Place]) -> None:
        self._places: dict[str, Place] = {}
        for place in places:
            self._places[place.id] = place
        by_key: dict[str, list[str]] = defaultdict(list)
        grid: dict[tuple[int, int], list[str]] = defaultdict(list)
        for place in self._places.values():
            for key in name_keys(place):
                by_key[key].append(place.id)
            grid[self._cell(place.lat, place.lon)].append(place.id)
        # Tuples of strings, which the garbage collector stops tracking: a long-running
        # process does not rescan the index on every full collection.
        self._by_key: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in by_key.items()}
        self._grid: dict[tuple[int, int], tuple[str, ...]] = {k: tuple(v) for k, v in grid.items()}
        self.max_name_tokens = max((k.count(" ") + 1 for k in self._by_key), default=1)

    # -- access -----------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places.values())

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._places

    def get(self, place_id: str) -> Place:
        """The place with ``place_id``; raises :class:`PlaceNotFound` otherwise."""
        try:
            return self._places[place_id]
        except KeyError:
            raise PlaceNotFound(place_id) from None

    def lookup_key(self, key: str) -> list[Place]:
        """Places whose normalised name key equals ``key`` exactly."""
        return [self._places[i] for i in self._by_key.get(key, ())]

    def has_key(self, key: str) -> bool:
        """True when some place has the normalised name key ``key``."""
        return key in self._by_key

    def keys(self) -> Iterable[str]:
        """Every normalised name key in the index."""
        return self._by_key.keys()

    def lookup(self, name: str) -> list[Place]:
        """Places called ``name`` in any script or spelling, most populous first."""
        places = self.lookup_key(normalize_name(name))
        return sorted(places, key=lambda p: (-p.population, p.id))

    # -- space ------------------------------------------------------------------
    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return (math.floor(lat / self._GRID), math.floor(lon / self._GRID))

    def nearest(
        self,
        lat: float,
        lon: float,
        *,
        types: Iterable[PlaceType] | None = None,
        max_km: float = 50.0,
    ) -> Place | None:
        """The place nearest to (lat, lon) within ``max_km``, optionally of the given types."""
        wanted = set(types) if types is not None else None
        reach = math.ceil(max_km / (self._GRID * 111.0)) + 1
        ci, cj = self._cell(lat, lon)
        best: tuple[float, Place] | None = None
        for di in range(-reach, reach + 1):
            for dj in range(-reach, reach + 1):
                for pid in self._grid.get((ci + di, cj + dj), ()):
                    place = self._places[pid]
                    if wanted is not None and place.type not in wanted:
                        continue
                    d = distance_km(lat, lon, place.lat, place.lon)
                    if d <= max_km and (best is None or d < best[0]):
                        best = (d, place)
        return best[1] if best else None

    # -- persistence ------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Write every place as JSON Lines (gzip-compressed when ``path`` ends in .gz)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # concurrent writers never share a temp file
        with (
            gzip.open(tmp, "wt", encoding="utf-8", compresslevel=5)
            if path.suffix == ".gz"
            else open(tmp, "w", encoding="utf-8")
        ) as fh:
            for place in sorted(self._places.values(), key=lambda p: p.id):
                fh.write(json.dumps(place.to_dict(), ensure_ascii=False, separators=(",", ":")))
                fh.write("\n")
        tmp.replace(path)

    @classmethod
    def load(cls, path: str | Path) -> Gazetteer:
        """Read a file written by :meth:`save`; raises :class:`GazetteerDataError` on bad lines."""
        path = Path(path)
        opener = gzip.open if path.suffix == ".gz" else open
        places = []
        lineno = 0  # 0 until a line is read: the error is then about the file, not a line
        try:
            with opener(path, "rt", encoding="utf-8") as fh:
                for lineno, line in enumerate(fh, 1):  # noqa: B007 - read by the error message
                    if line.strip():
                        places.append(Place.from_dict(json.loads(line)))
        except (OSError, ValueError, TypeError, KeyError) as exc:
            where = f"{path}:{lineno}" if lineno else str(path)
            raise GazetteerDataError(f"cannot read gazetteer {where}: {exc}") from exc
        return cls(places)
