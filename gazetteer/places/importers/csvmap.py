"""Generic importer: a CSV file (or a JSON list of objects) with a column mapping.

The mapping names, for each place field, the column holding it::

    {"id": "pk", "name": "name_en", "name_ar": "name_ar", "lat": "lat", "lon": "lon",
     "type": "village", "alt_names": ["aliases_en", "aliases_ar"], "governorate": "region_en"}

Fields: ``id``, ``name``, ``name_ar``, ``lat``, ``lon`` (required: name or
name_ar, lat, lon), ``type``, ``alt_names`` (one column or a list; values
split on ``|`` and ``;``), ``governorate``, ``pcode``, ``population``.
``type`` may be a column or a constant place type (``"village"``); column
values go through ``types`` (source value → PlaceType value) first, and a
multi-valued cell (``seaport|road_terminal``) takes its first known type.
With ``infer_type`` a name word decides instead when it is telling
(prison/سجن, airport/مطار, hospital/مشفى, camp/مخيم, dam/سد …).

JSON input (a list of objects) is flattened first: nested objects become
dotted keys (``coordinates.latitude``), lists of ``{"value", "language"}``
become ``aliases.en`` / ``aliases.ar`` joined by ``|``.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ...errors import ImportFormatError
from ..normalize import normalize_name
from ..place import Place, PlaceType
from ._common import csv_rows, governorate_ref, read_text, slug, to_float, to_int

_FIELDS = {"id", "name", "name_ar", "lat", "lon", "type", "alt_names", "governorate", "pcode", "population"}
_SPLIT = re.compile(r"\s*[|;]\s*")

#: Name words that reveal a type, English and Arabic (normalised by normalize_name).
_TYPE_WORDS: tuple[tuple[PlaceType, tuple[str, ...]], ...] = (
    (PlaceType.PRISON, ("prison", "jail", "سجن")),
    (PlaceType.AIRPORT, ("airport", "airbase", "air base", "مطار")),
    (PlaceType.HOSPITAL, ("hospital", "مشفي", "مستشفي")),
    (PlaceType.DAM, ("dam", "سد")),
    (PlaceType.CAMP, ("camp", "مخيم")),
    (PlaceType.MILITARY_BASE, ("barracks", "base", "brigade", "regiment", "ثكنه", "فوج", "لواء", "كتيبه")),
    (PlaceType.BORDER_CROSSING, ("crossing", "معبر")),
    (PlaceType.NEIGHBOURHOOD, ("neighbourhood", "neighborhood", "حي")),
    (PlaceType.ROAD, ("road", "highway", "طريق", "اوتوستراد")),
    (
        PlaceType.LANDMARK,
        (
            "station",
            "mahattat",
            "pier",
            "wharf",
            "terminal",
            "karaj",
            "karajat",
            "marfa",
            "محطه",
            "كراج",
            "مرفا",
        ),
    ),
)


#: Name and point columns that every flat Syrian CSV below spells the same way.
_FLAT_COLUMNS = {"name": "name_en", "name_ar": "name_ar", "lat": "lat", "lon": "lon"}

#: Mappings of public Syrian gazetteer files (their column layouts, not their data).
PRESETS: dict[str, dict[str, Any]] = {
    "opensyria-admin": {  # Open-Syria data-geography admin_units_flat.csv
        "mapping": {
            **_FLAT_COLUMNS,
            "id": "id",
            "type": "level",
            "alt_names": ["aliases_en", "aliases_ar"],
            "governorate": "governorate_id",
            "pcode": "ocha_pcode",
        },
        "types": {"1": "governorate", "2": "district", "3": "subdistrict"},
        "prefix": "osy",
        "source": "Open-Syria data-geography",
        "licence": "CC BY 4.0",
    },
    "opensyria-transport": {  # Open-Syria data-transport locations_flat.csv
        "mapping": {
            **_FLAT_COLUMNS,
            "id": "id",
            "type": "types",
            "alt_names": "aliases",
            "governorate": "governorate_id",
        },
        # A port or bus/rail terminal listed under a plain town name is that town (UN/LOCODE
        # localities); stations, piers and wharves are recognised by their name words.
        "types": {
            "rail_terminal": "town",
            "road_terminal": "town",
            "seaport": "town",
            "terminal": "landmark",
            "oil_terminal": "landmark",
        },
        "default_type": "landmark",
        "infer_types": True,
        "prefix": "osyt",
        "source": "Open-Syria data-transport",
        "licence": "open data with attribution (OurAirports, UN/LOCODE, GeoNames, Wikidata)",
    },
    "syrian-archive": {  # Syrian Archive location list (pk, name_en, name_ar, region_en, region_ar, lat, lon)
        "mapping": {
            **_FLAT_COLUMNS,
            "id": "pk",
            "governorate": "region_en",
        },
        "default_type": "village",
        "infer_types": True,
        "prefix": "sa",
        "source": "Syrian Archive locations",
        "licence": "GPL-2.0",
    },
}

_OSY_JSON = {
    "id": "id",
    "name": "name.en",
    "name_ar": "name.ar",
    "lat": "centroid.latitude",
    "lon": "centroid.longitude",
    "alt_names": ["aliases.en", "aliases.ar"],
    "governorate": "governorateId",
    "pcode": "externalIds.ochaPcode",
    "population": "population.value",
}
for _level in ("governorate", "district", "subdistrict"):
    # Open-Syria data-geography governorates.json / districts.json / subdistricts.json
    PRESETS[f"opensyria-{_level}s"] = {
        **PRESETS["opensyria-admin"],
        "mapping": {**_OSY_JSON, "type": _level},
        "types": {},
    }
PRESETS["opensyria-transport-json"] = {  # Open-Syria data-transport locations.json
    **PRESETS["opensyria-transport"],
    "mapping": {
        "id": "id",
        "name": "name.en",
        "name_ar": "name.ar",
        "lat": "coordinates.latitude",
        "lon": "coordinates.longitude",
        "type": "locationTypes",
        "alt_names": ["aliases.en", "aliases.ar"],
        "governorate": "administrativeLocation.governorateId",
    },
}


def infer_type(*names: str) -> PlaceType | None:
    """The type a name's words reveal ("Aleppo Central Prison" → prison), if any."""
    for name in names:
        words = set(normalize_name(name).split())
        for ptype, cues in _TYPE_WORDS:
            if any(cue in words or (" " in cue and cue in normalize_name(name)) for cue in cues):
                return ptype
    return None


def _flatten(obj: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, name + "."))
        elif isinstance(value, list):
            if all(isinstance(v, Mapping) and "value" in v for v in value):
                by_lang: dict[str, list[str]] = {}
                for v in value:
                    by_lang.setdefault(str(v.get("language") or "und"), []).append(str(v["value"]))
                for lang, values in by_lang.items():
                    flat[f"{name}.{lang}"] = "|".join(values)
            else:
                flat[name] = "|".join(str(v) for v in value if not isinstance(v, (Mapping, list)))
        elif value is not None:
            flat[name] = str(value)
    return flat


def iter_rows(path: str | Path, *, delimiter: str | None = None) -> Iterator[tuple[dict[str, str], str]]:
    """(row, where) for each CSV row or JSON object; CSV dialect sniffed unless ``delimiter`` is given.

    Raises :class:`ImportFormatError` when the file is neither.
    """
    path = Path(path)
    text = read_text(path)
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ImportFormatError(f"{path}: not valid JSON: {exc}") from exc
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise ImportFormatError(f"{path}: expected a JSON list of objects")
        for i, record in enumerate(data):
            yield _flatten(record), f"{path.name}[{i}]"
        return
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
        except csv.Error:
            delimiter = ","
    for row, where in csv_rows(text, path, delimiter=delimiter, require_header=True):
        yield {k: (v or "").strip() for k, v in row.items() if k is not None}, where


def _columns(spec: str | list[str] | tuple[str, ...] | None) -> list[str]:
    if spec is None:
        return []
    return [spec] if isinstance(spec, str) else list(spec)


def _type_of(
    row: Mapping[str, str], spec: str | None, types: Mapping[str, str], default: PlaceType, where: str
) -> PlaceType:
    if spec is None:
        return default
    if spec not in row:
        try:
            return PlaceType(types.get(spec, spec))
        except ValueError:
            raise ImportFormatError(f"{where}: type {spec!r} is neither a column nor a place type") from None
    for value in _SPLIT.split(row[spec]):
        value = types.get(value, value)
        try:
            return PlaceType(value)
        except ValueError:
            continue
    return default


def _display(name: str) -> str:
    # Some lists are written in capitals (ALEPPO); title case reads better and normalises the same.
    return name.title() if name.isupper() and len(name) > 3 else name


def iter_places(
    path: str | Path,
    *,
    mapping: Mapping[str, Any],
    prefix: str,
    types: Mapping[str, str] | None = None,
    default_type: str = "village",
    infer_types: bool = False,
    country: str = "SY",
    source: str = "",
    licence: str = "",
    delimiter: str | None = None,
) -> Iterator[Place]:
    """Places from a CSV or JSON list, reading each field from the column ``mapping`` names.

    ``types`` translates source type values; see the module docs for the rest
    and :data:`PRESETS` (used via :func:`iter_preset`) for known layouts.

    Ids are ``<prefix>:<id column>`` or ``<prefix>:<slug of the name>``
    (a numeric suffix keeps them unique).  Rows without coordinates are
    skipped.  Raises :class:`ImportFormatError` on an unknown mapping field, a
    mapped column missing from the file, or unreadable coordinates.
    """
    unknown = set(mapping) - _FIELDS
    if unknown:
        raise ImportFormatError(f"unknown mapping fields {sorted(unknown)}; known: {sorted(_FIELDS)}")
    if not {"lat", "lon"} <= set(mapping) or not ({"name", "name_ar"} & set(mapping)):
        raise ImportFormatError("the mapping needs lat, lon and name or name_ar")
    types = dict(types or {})
    default = PlaceType(types.get(default_type, default_type))
    seen_ids: dict[str, int] = {}
    # JSON objects omit absent fields, so only a CSV header can be checked against the mapping.
    checked = Path(path).suffix.lower() == ".json"
    for row, where in iter_rows(path, delimiter=delimiter):
        if not checked:
            needed = [c for f, spec in mapping.items() if f != "type" for c in _columns(spec)]
            missing = [c for c in needed if c not in row]
            if missing:
                raise ImportFormatError(
                    f"{path}: mapped columns not in the file: {missing}; has {sorted(row)}"
                )
            checked = True
        name = _display(row.get(mapping.get("name", ""), ""))
        name_ar = row.get(mapping.get("name_ar", ""), "")
        if not (name or name_ar):
            continue
        lat_raw, lon_raw = row.get(mapping["lat"], ""), row.get(mapping["lon"], "")
        if not lat_raw or not lon_raw:
            continue
        alts = [a for c in _columns(mapping.get("alt_names")) for a in _SPLIT.split(row.get(c, "")) if a]
        ptype = _type_of(row, mapping.get("type"), types, default, where)
        if infer_types:
            ptype = infer_type(name, name_ar) or ptype
        raw_id = row.get(mapping.get("id", ""), "") or slug(name or name_ar)
        base_id = f"{prefix}:{raw_id}"
        seen_ids[base_id] = seen_ids.get(base_id, 0) + 1
        place_id = base_id if seen_ids[base_id] == 1 else f"{base_id}-{seen_ids[base_id]}"
        gov = governorate_ref(row.get(mapping.get("governorate", ""), ""))
        yield Place(
            id=place_id,
            name=name or name_ar,
            name_ar=name_ar,
            type=ptype,
            lat=to_float(lat_raw, where, mapping["lat"]),
            lon=to_float(lon_raw, where, mapping["lon"]),
            country=country,
            alt_names=tuple(dict.fromkeys(a for a in alts if a not in (name, name_ar))),
            parents=(gov,) if gov is not None and ptype != PlaceType.GOVERNORATE else (),
            pcode=row.get(mapping.get("pcode", ""), ""),
            population=to_int(row.get(mapping.get("population", ""), "")),
            source=source or path.__str__().rsplit("/", 1)[-1],
            licence=licence,
        )


def iter_preset(path: str | Path, preset: str, **overrides: Any) -> Iterator[Place]:
    """Places from ``path`` read with the :data:`PRESETS` entry ``preset`` (options overridable).

    Raises :class:`ImportFormatError` for an unknown preset or unreadable input.
    """
    try:
        options = {**PRESETS[preset], **overrides}
    except KeyError:
        raise ImportFormatError(f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}") from None
    return iter_places(path, **options)
