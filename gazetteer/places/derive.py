"""Deriving the bundled facts from the CC BY sources (OCHA COD-AB, Open-Syria).

Usage::

    python -m gazetteer.places.derive ../shared/gazetteer-sources

reads the sources' own files through the importers and writes compact
derived-facts files (names, aliases, points, simplified admin polygons,
P-codes, parent chains, each entry with its ``source`` and ``licence``)
to ``gazetteer/data/derived/``:

* ``ocha.jsonl.gz`` — OCHA COD-AB v02 (CC BY 3.0 IGO): governorates, districts
  and sub-districts with their polygons (simplified) and label points, the
  sub-district and district centres (towns), and the city neighbourhoods;
* ``opensyria.jsonl.gz`` — Open-Syria data-geography (CC BY 4.0) admin units
  with their alias lists, and data-transport locations (attribution to
  OurAirports, UN/LOCODE, GeoNames, Wikidata).

The Syrian Archive list is not read: its licence does not allow
redistribution (import it with ``flask gazetteer import``).
:func:`gazetteer.places.build.build_default` merges these files after the curated
entries.  Output is deterministic: the same sources give byte-identical files.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import sys
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import GazetteerDataError
from .curated import load_curated
from .geonames_cities import geonames_syria
from .importers import csvmap, ocha
from .index import name_keys
from .merge import combine, merge_keys, same_place
from .names import TYPE_WORDS, cued, keep_alternate
from .normalize import is_arabic, normalize_name
from .place import AdminRef, Place, PlaceType

_ADMIN_AREAS = frozenset({PlaceType.GOVERNORATE, PlaceType.DISTRICT, PlaceType.SUBDISTRICT})

#: Polygon simplification for the bundled admin areas (degrees, about 100 m) and the decimals kept
#: (4: about 10 m): the three admin levels then weigh some 200 KB compressed.
SIMPLIFY_DEGREES = 0.001
DECIMALS = 4

OCHA_DIR = "ocha-cod-ab-syr"
OCHA_ADMIN_LAYERS = ("syr_admin1.geojson", "syr_admin2.geojson", "syr_admin3.geojson")
OCHA_POINTS = "syr_adminpoints.geojson"
OCHA_CAPITALS = "syr_admincapitals.geojson"
OCHA_NEIGHBOURHOODS = "syr_neighborhoods.geojson"
#: (file under the sources folder, csvmap preset), in merge order.
OPENSYRIA_FILES = (
    ("opensyria-geography/governorates.json", "opensyria-governorates"),
    ("opensyria-geography/districts.json", "opensyria-districts"),
    ("opensyria-geography/subdistricts.json", "opensyria-subdistricts"),
    ("opensyria-transport/locations.json", "opensyria-transport-json"),
)

#: «مركز X», the sub-district around a district's seat, is named after the town X.
_CENTRE = "مركز "


def _round(coordinates: Any, decimals: int) -> Any:
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [round(float(c), decimals) for c in coordinates]
    return [_round(c, decimals) for c in coordinates]


def compact_geometry(geometry: dict[str, Any], *, tolerance: float, decimals: int) -> dict[str, Any]:
    """``geometry`` simplified to within ``tolerance`` degrees, coordinates rounded to ``decimals``."""
    simplified = ocha.simplify(geometry, tolerance) if tolerance > 0 else geometry
    return {"type": simplified["type"], "coordinates": _round(simplified["coordinates"], decimals)}


def clean_names(place: Place) -> Place:
    """``place`` keeping only the alternates :func:`gazetteer.places.names.keep_alternate` keeps."""
    seen = {place.name, place.name_ar}
    alts = []
    for alt in place.alt_names:
        alt = alt.strip()
        if alt and alt not in seen and keep_alternate(alt):
            seen.add(alt)
            alts.append(alt)
    return dataclasses.replace(place, alt_names=tuple(alts))


def lexicon_words() -> frozenset[str]:
    """Every word and phrase of the geoparser's own lexicons, normalised.

    The cue file (stoplist, cue, relation and direction words; not the words
    around a name the gazetteer lacks, its ``unknown_names`` section) and the
    lexicon files (dates, numbers, events, actors, linking words), each
    phrase whole and word by word: «تشرين» is a word of «تشرين الأول»,
    "sarin" an event word.  A place named by one of them would be found in
    ordinary prose.
    """
    folder = resources.files("gazetteer").joinpath("data")
    lexicon = folder.joinpath("lexicon")
    files = [folder.joinpath("cues.yaml"), *sorted(lexicon.iterdir(), key=lambda f: f.name)]
    words: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(key)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            key = normalize_name(node.replace("*", "").lstrip("="))
            if key:
                words.add(key)
                words.update(key.split(" "))

    for file in files:
        if file.name.endswith(".yaml"):
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
            if file.name == "cues.yaml":
                data.pop("unknown_names", None)  # words around a name («في», "activist"), not a name's words
            walk(data)
    return frozenset(words)


def disambiguate(place: Place, *, words: frozenset[str], taken: dict[str, list[Place]]) -> Place:
    """``place`` with its names made safe to look for in text.

    * A name that is a lexicon word, or made of lexicon words and numbers
      (:func:`lexicon_words`: «16 تشرين»), gets its type word: «الشهداء» →
      «حي الشهداء», "Sarin" → "Sarin Subdistrict".
      Neighbourhoods are mostly named by ordinary words (Martyrs, October,
      the Northern); their English names transliterate the Arabic, so all
      their names get the type word when one is a common word, or when
      another place of ``taken`` (name key → places) bears it and is not the
      same place (:func:`gazetteer.places.merge.same_place`: a «القنيطرة» quarter of
      Daraa is not Quneitra).  Without it, every article about the city
      would find them.
    * An admin area's primary name that another place bears gets its type
      word too: the sub-district around Idlib is «ناحية مركز إدلب», "Idleb
      Subdistrict", and "Idleb" stays the city's (the curated districts keep
      their bare names: their point is their seat).
    * An alternate that names another place in ``taken`` (a sub-district's
      old name «الغوطة الشرقية» is the Eastern Ghouta region) is dropped.

    Types without a type word keep their primary names and lose such
    alternates.  Admin areas lose their population, as curated ones have none.
    """

    def common(name: str) -> bool:
        key = normalize_name(name)
        return key in words or all(w in words or w.isdigit() for w in key.split(" "))

    def elsewhere(name: str) -> bool:
        # Loose keys too: «مدينة إدلب» names the city of Idlib, whatever place lists it.
        probe = dataclasses.replace(place, name=name, name_ar="", alt_names=())
        return any(not same_place(other, place) for key in merge_keys(probe) for other in taken.get(key, ()))

    if place.type is PlaceType.NEIGHBOURHOOD and any(common(n) or elsewhere(n) for n in place.names):
        return dataclasses.replace(
            place,
            name=cued(place.name, place.type),
            name_ar=cued(place.name_ar, place.type) if place.name_ar else "",
            alt_names=tuple(dict.fromkeys(cued(n, place.type) for n in place.alt_names)),
        )
    typed = place.type in TYPE_WORDS
    # An admin area named like its seat, or like any other place, is rarely what a report means.
    area = place.type in _ADMIN_AREAS

    def typed_name(name: str) -> str:
        if typed and name and (common(name) or area and elsewhere(name)):
            return cued(name, place.type)
        return name

    name, name_ar = typed_name(place.name), typed_name(place.name_ar)
    alts = [n for n in place.alt_names if not common(n) and not elsewhere(n)]
    if area:
        # An area's population is no settlement's size: the resolver would rank the area above its town.
        return dataclasses.replace(place, name=name, name_ar=name_ar, alt_names=tuple(alts), population=0)
    return dataclasses.replace(place, name=name, name_ar=name_ar, alt_names=tuple(alts))


def known_places() -> dict[str, list[Place]]:
    """Name key → the curated and GeoNames places bearing it (what derived names must not steal)."""
    curated = load_curated()
    found: dict[str, list[Place]] = {}
    for place in (*curated, *geonames_syria(curated)):
        for key in name_keys(place):
            found.setdefault(key, []).append(place)
    return found


def _arabic_parents(place: Place, admin: dict[str, Place]) -> tuple[AdminRef, ...]:
    """The parent chain with each parent's Arabic name filled in from the admin areas."""
    refs = []
    for ref in place.parents:
        area = admin.get(ref.pcode)
        refs.append(AdminRef(ref.level, ref.name, ref.name_ar or (area.name_ar if area else ""), ref.pcode))
    return tuple(refs)


def _seat(capital: Place, admin: dict[str, Place]) -> Place:
    """A district or sub-district seat, with the Arabic name of the sub-district it names.

    A seat is named like its sub-district ("Atareb" in sub-district Atareb,
    «الأتارب»); a district seat's sub-district is «مركز X».  Seats named
    otherwise keep their English name only.
    """
    sub = capital.parent(3)
    area = admin.get(sub.pcode) if sub else None
    name_ar = ""
    if area is not None and normalize_name(area.name) == normalize_name(capital.name):
        name_ar = area.name_ar.removeprefix(_CENTRE).strip()
    return dataclasses.replace(
        capital,
        name_ar=name_ar if is_arabic(name_ar) else "",
        type=PlaceType.TOWN,
        parents=_arabic_parents(capital, admin),
    )


def _seated(area: Place, seat: Place) -> Place:
    """``area`` represented by its seat's point, as the curated admin areas are."""
    return dataclasses.replace(area, lat=seat.lat, lon=seat.lon)


def ocha_places(folder: Path) -> list[Place]:
    """The OCHA COD-AB facts: admin areas (simplified polygon), seats and neighbourhoods.

    ``folder`` holds the COD-AB GeoJSON layers.  An admin area is
    represented by its seat (the town it is named after, where reports
    place it) or else by its label point; a district seat also represents
    its centre sub-district (P-code ending in 00).  The country and the
    governorate capitals are left out (GeoNames and the curated files have
    them).  Names are as published: see :func:`disambiguate`.  Raises
    :class:`ImportFormatError` when a layer is missing or unreadable.
    """
    admin: dict[str, Place] = {}
    for layer in OCHA_ADMIN_LAYERS:
        for area in ocha.iter_places(folder / layer, simplify_degrees=0):
            geometry = compact_geometry(area.geometry or {}, tolerance=SIMPLIFY_DEGREES, decimals=DECIMALS)
            admin[area.pcode] = dataclasses.replace(area, geometry=geometry)
    for point in ocha.iter_places(folder / OCHA_POINTS):
        area = admin.get(point.pcode)
        if area is not None:
            admin[point.pcode] = combine(dataclasses.replace(point, type=area.type), area)
    seats = [
        _seat(capital, admin)
        for capital in ocha.iter_places(folder / OCHA_CAPITALS)
        if capital.type is PlaceType.TOWN
    ]
    for seat in seats:
        sub, district = seat.parent(3), seat.parent(2)
        if sub is not None and sub.pcode in admin:
            admin[sub.pcode] = _seated(admin[sub.pcode], seat)
            if district is not None and sub.pcode.endswith("00") and district.pcode in admin:
                admin[district.pcode] = _seated(admin[district.pcode], seat)
    neighbourhoods = [
        dataclasses.replace(
            place,
            geometry=compact_geometry(place.geometry, tolerance=SIMPLIFY_DEGREES, decimals=DECIMALS)
            if place.geometry
            else None,
        )
        for place in ocha.iter_places(folder / OCHA_NEIGHBOURHOODS, simplify_degrees=0)
    ]
    return [clean_names(p) for p in (*admin.values(), *seats, *neighbourhoods)]


def opensyria_places(folder: Path) -> list[Place]:
    """The Open-Syria facts: admin units with their alias lists, and transport locations.

    Names are as published: see :func:`disambiguate`.  Raises
    :class:`ImportFormatError` when a file is missing or unreadable.
    """
    places: list[Place] = []
    for rel, preset in OPENSYRIA_FILES:
        places.extend(clean_names(p) for p in csvmap.iter_preset(folder / rel, preset))
    return places


def write_derived(path: Path, places: Iterable[Place]) -> int:
    """Write ``places`` as gzip JSON Lines with a fixed timestamp (reproducible bytes); returns the count."""
    lines = [
        json.dumps(p.to_dict(), ensure_ascii=False, separators=(",", ":"), sort_keys=True) for p in places
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh,
    ):
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    return len(lines)


def derive(sources: Path, out: Path) -> dict[str, int]:
    """Read the CC BY sources under ``sources`` and write the derived files to ``out``.

    Names are made safe with :func:`disambiguate` against the curated and
    GeoNames places and the derived places that are not neighbourhoods.
    Returns the number of places written per file.  Raises
    :class:`ImportFormatError` when a source file is missing or unreadable.
    """
    parts = {
        "ocha.jsonl.gz": ocha_places(sources / OCHA_DIR),
        "opensyria.jsonl.gz": opensyria_places(sources),
    }
    taken = known_places()
    for places in parts.values():
        for place in places:
            if place.type is not PlaceType.NEIGHBOURHOOD:
                for key in name_keys(place):
                    taken.setdefault(key, []).append(place)
    words = lexicon_words()
    return {
        name: write_derived(out / name, (disambiguate(p, words=words, taken=taken) for p in places))
        for name, places in parts.items()
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gazetteer.places.derive", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "sources", type=Path, help="the gazetteer-sources folder (../shared/gazetteer-sources)"
    )
    parser.add_argument(
        "-o",
        "--out",
        type=Path,
        default=Path(__file__).resolve().parents[1] / "data" / "derived",
        help="output folder (default: gazetteer/data/derived in this checkout)",
    )
    args = parser.parse_args(argv)
    try:
        counts = derive(args.sources, args.out)
    except GazetteerDataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for name, count in counts.items():
        path = args.out / name
        print(f"{path}\t{count:,} places\t{path.stat().st_size / 1024:,.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
