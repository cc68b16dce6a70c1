"""OCHA COD-AB importer: admin boundaries, admin points, capitals, neighbourhoods, communities.

Reads the GeoJSON layers (polygons kept as geometry) or their attribute
CSVs.  The layer is recognised from its columns (case-insensitive):

* polygon layers ``admN_name`` / ``admN_name1`` (Arabic) / ``admN_pcode`` with
  parents ``adm(N-1)_…``: N = 0 country, 1 governorate, 2 district, 3 sub-district;
* ``admin_leve`` + ``name``/``name1``: label points of admin units (merge by P-code);
* ``adm_p_lvl`` + ``name``: administrative capitals (settlements);
* ``neighborho`` / ``neighbor_1`` / ``neighbor_2``: city neighbourhoods;
* communities, the admin-4 populated places (some 7,000 towns, villages and
  camps, P-codes ``C1234``): the COD populated-places layer
  (``syr_populatedplaces``: ``featurename_en``, ``featurename_ar``, ``pcode``,
  ``featurerefname``, ``featurealtname1_en`` … ``featurealtname2_ar``,
  ``popplaceclasstitle``, parents ``admN_en`` / ``admN_ar`` / ``admN_pcode``,
  ``point_x`` / ``point_y``), or the older COD-AB admin-4 points
  (``syr_pplp_adm4_unocha``: ``ADM4_EN``, ``ADM4_AR``, ``ADM4_PCODE``, ``ADM4_REF``,
  ``ADM4ALT1EN`` …, parents ``ADMN_EN`` / ``ADMN_AR`` / ``ADMN_PCODE``, or the
  lower-case ``adm4_name`` / ``adm4_name1`` / ``adm4_pcode`` of the v02 tables).

Ids are ``ocha:<pcode>``; capitals without a location P-code get
``ocha:admincapitals:<name>``.  The representative point is
``centroid_lat``/``centroid_lon`` when present, else ``lat``/``lon``,
``y_coord``/``x_coord`` or ``point_y``/``point_x``, else shapely's
representative point of the geometry.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ...errors import ImportFormatError
from ..place import AdminRef, Place, PlaceType
from ._common import csv_rows, read_text, slug, to_float

SOURCE = "OCHA COD-AB Syria (HDX)"
LICENCE = "CC BY 3.0 IGO"
_LEVEL_TYPES = {
    0: PlaceType.COUNTRY,
    1: PlaceType.GOVERNORATE,
    2: PlaceType.DISTRICT,
    3: PlaceType.SUBDISTRICT,
}


def _records(path: Path) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None, str]]:
    """(properties, geometry, where) for each feature or CSV row."""
    text = read_text(path)
    if path.suffix.lower() in (".geojson", ".json"):
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ImportFormatError(f"{path}: not valid JSON: {exc}") from exc
        if (
            not isinstance(data, dict)
            or data.get("type") != "FeatureCollection"
            or not isinstance(data.get("features") or [], list)
        ):
            raise ImportFormatError(f"{path}: expected a GeoJSON FeatureCollection")
        for i, feature in enumerate(data.get("features") or ()):
            if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
                raise ImportFormatError(f"{path}: feature {i} has no properties")
            yield feature["properties"], feature.get("geometry"), f"{path.name}: feature {i}"
    elif path.suffix.lower() == ".csv":
        for row, where in csv_rows(text, path):
            yield row, None, where
    else:
        raise ImportFormatError(f"{path}: expected .geojson, .json or .csv")


def detect_layer(columns: Mapping[str, Any]) -> tuple[str, int]:
    """('admin', N), ('points', 0), ('capitals', 0), ('neighbourhoods', 0) or ('communities', 4).

    ``columns`` are a record's column names (any case).  Raises
    :class:`ImportFormatError` when they match no COD-AB layer.
    """
    columns = {str(c).lower(): None for c in columns}
    if "neighborho" in columns:
        return "neighbourhoods", 0
    if "admin_leve" in columns:
        return "points", 0
    if "adm_p_lvl" in columns:
        return "capitals", 0
    if "pcode" in columns and ("featurename_en" in columns or "featurename_ar" in columns):
        return "communities", 4
    if "adm4_pcode" in columns and ({"adm4_en", "adm4_ar", "adm4_name"} & columns.keys()):
        return "communities", 4
    levels = [n for n in range(5) if f"adm{n}_pcode" in columns and f"adm{n}_name" in columns]
    if not levels:
        raise ImportFormatError(f"no COD-AB columns (admN_name/admN_pcode) among {sorted(columns)[:12]}")
    return "admin", max(levels)


def _s(row: Mapping[str, Any], key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value).strip()


def _parents(
    row: Mapping[str, Any], below: int, *, en: str = "adm{}_name", ar: str = "adm{}_name1"
) -> tuple[AdminRef, ...]:
    refs = []
    for level in range(1, below):
        pcode, name = _s(row, f"adm{level}_pcode"), _s(row, en.format(level))
        if pcode or name:
            refs.append(AdminRef(level, name, _s(row, ar.format(level)), pcode))
    return tuple(refs)


def _point(row: Mapping[str, Any], geometry: dict[str, Any] | None, where: str) -> tuple[float, float]:
    for lat_key, lon_key in (
        ("centroid_lat", "centroid_lon"),
        ("lat", "lon"),
        ("y_coord", "x_coord"),
        ("point_y", "point_x"),
        ("latitude", "longitude"),
    ):
        if _s(row, lat_key) and _s(row, lon_key):
            return to_float(row[lat_key], where, lat_key), to_float(row[lon_key], where, lon_key)
    if geometry:
        from shapely.geometry import shape

        try:
            point = shape(geometry).representative_point()
        except (ValueError, TypeError, AttributeError) as exc:
            raise ImportFormatError(f"{where}: bad geometry: {exc}") from exc
        return point.y, point.x
    raise ImportFormatError(f"{where}: no coordinates (centroid_lat/lat/y_coord) and no geometry")


def _polygon(geometry: dict[str, Any] | None) -> dict[str, Any] | None:
    if geometry and geometry.get("type") in ("Polygon", "MultiPolygon"):
        return geometry
    return None


def _place(**fields: Any) -> Place:
    fields.setdefault("source", SOURCE)
    fields.setdefault("licence", LICENCE)
    fields["alt_names"] = tuple(dict.fromkeys(n for n in fields.get("alt_names", ()) if n))
    return Place(**fields)


def _admin(row: Mapping[str, Any], geometry: dict[str, Any] | None, where: str, level: int) -> Place:
    pcode = _s(row, f"adm{level}_pcode")
    name = _s(row, f"adm{level}_name")
    if not pcode or not name:
        raise ImportFormatError(f"{where}: empty adm{level}_name or adm{level}_pcode")
    lat, lon = _point(row, geometry, where)
    return _place(
        id=f"ocha:{pcode}",
        name=name,
        name_ar=_s(row, f"adm{level}_name1"),
        type=_LEVEL_TYPES.get(level, PlaceType.SUBDISTRICT),
        lat=lat,
        lon=lon,
        country="SY",
        alt_names=(_s(row, f"adm{level}_ref_n"), _s(row, f"adm{level}_name2"), _s(row, f"adm{level}_name3")),
        parents=_parents(row, level),
        pcode=pcode if level else "",
        code="SY" if level == 0 else "",
        geometry=_polygon(geometry),
    )


def _admin_point(row: Mapping[str, Any], geometry: dict[str, Any] | None, where: str) -> Place:
    level = int(to_float(row.get("admin_leve"), where, "admin_leve"))
    pcode = _s(row, f"adm{level}_pcode")
    name = _s(row, "name")
    if not name:
        raise ImportFormatError(f"{where}: empty name")
    lat, lon = _point(row, geometry, where)
    return _place(
        id=f"ocha:{pcode}" if pcode and level else f"ocha:adminpoints:{slug(name)}",
        name=name,
        name_ar=_s(row, "name1"),
        type=_LEVEL_TYPES.get(level, PlaceType.SUBDISTRICT),
        lat=lat,
        lon=lon,
        alt_names=(_s(row, "name2"), _s(row, "name3")),
        parents=_parents(row, level),
        pcode=pcode if level else "",
        code="SY" if level == 0 else "",
    )


def _capital(row: Mapping[str, Any], geometry: dict[str, Any] | None, where: str) -> Place:
    level = int(to_float(row.get("adm_p_lvl"), where, "adm_p_lvl"))
    name = _s(row, "name")
    if not name:
        raise ImportFormatError(f"{where}: empty name")
    lat, lon = _point(row, geometry, where)
    loc = _s(row, "loc_pcode")
    return _place(
        id=f"ocha:{loc}" if loc else f"ocha:admincapitals:{slug(name)}-{level}",
        name=name,
        name_ar=_s(row, "name_1"),
        # Capitals of the country and governorates are cities; of districts and sub-districts, towns.
        type=PlaceType.CITY if level <= 1 else PlaceType.TOWN,
        lat=lat,
        lon=lon,
        alt_names=(_s(row, "name_2"), _s(row, "name_3")),
        parents=_parents(row, 4),
        pcode=loc,
    )


def _neighbourhood(row: Mapping[str, Any], geometry: dict[str, Any] | None, where: str) -> Place:
    name, pcode = _s(row, "neighborho"), _s(row, "neighbor_2")
    if not name:
        raise ImportFormatError(f"{where}: empty neighbourhood name (neighborho)")
    lat, lon = _point(row, geometry, where)
    return _place(
        id=f"ocha:{pcode}" if pcode else f"ocha:neighborhoods:{slug(name)}",
        name=name,
        name_ar=_s(row, "neighbor_1"),
        type=PlaceType.NEIGHBOURHOOD,
        lat=lat,
        lon=lon,
        parents=_parents(row, 4, en="adm{}_en", ar="adm{}_ar"),
        pcode=pcode,
        geometry=_polygon(geometry),
    )


#: Words of ``popplaceclasstitle`` → the place type of the community (default: village).
COMMUNITY_CLASSES: tuple[tuple[str, PlaceType], ...] = (
    ("capital", PlaceType.CITY),
    ("city", PlaceType.CITY),
    ("town", PlaceType.TOWN),
    ("camp", PlaceType.CAMP),
    ("neighbo", PlaceType.NEIGHBOURHOOD),
)


def _first(row: Mapping[str, Any], *keys: str) -> str:
    for key in keys:
        value = _s(row, key)
        if value:
            return value
    return ""


def _community(row: Mapping[str, Any], geometry: dict[str, Any] | None, where: str) -> Place:
    """An admin-4 community: a populated place with its P-code and admin 1–3 parents."""
    row = {str(k).lower(): v for k, v in row.items()}
    pcode = _first(row, "pcode", "adm4_pcode")
    name = _first(row, "featurename_en", "adm4_en", "adm4_name", "featurerefname", "adm4_ref")
    name_ar = _first(row, "featurename_ar", "adm4_ar", "adm4_name1")
    if not pcode or not (name or name_ar):
        raise ImportFormatError(f"{where}: a community needs a P-code and a name")
    lat, lon = _point(row, geometry, where)
    parents = []
    for level in (1, 2, 3):
        ref_pcode = _s(row, f"adm{level}_pcode")
        ref_name = _first(row, f"adm{level}_en", f"adm{level}_name")
        if ref_pcode or ref_name:
            parents.append(
                AdminRef(level, ref_name, _first(row, f"adm{level}_ar", f"adm{level}_name1"), ref_pcode)
            )
    title = _s(row, "popplaceclasstitle").casefold()
    ptype = next((t for word, t in COMMUNITY_CLASSES if word in title), PlaceType.VILLAGE)
    alternates = [
        _s(row, key)
        for key in (
            "featurerefname",
            "featurealtname1_en",
            "featurealtname2_en",
            "featurealtname1_ar",
            "featurealtname2_ar",
            "adm4_en",
            "adm4_ar",
            "adm4_ref",
            "adm4_ref_name",
            "adm4alt1en",
            "adm4alt2en",
            "adm4alt1ar",
            "adm4alt2ar",
            "adm4_name2",
            "adm4_name3",
        )
    ]
    return _place(
        id=f"ocha:{pcode}",
        name=name or name_ar,
        name_ar=name_ar,
        type=ptype,
        lat=lat,
        lon=lon,
        alt_names=tuple(a for a in alternates if a not in (name, name_ar)),
        parents=tuple(parents),
        pcode=pcode,
    )


#: Default polygon simplification tolerance in degrees (about 50 m): a seventh of the
#: vertices, so the extended gazetteer loads fast and stays small in memory.
SIMPLIFY_DEGREES = 0.0005


def simplify(geometry: dict[str, Any], tolerance: float) -> dict[str, Any]:
    """``geometry`` simplified (topology preserved) to within ``tolerance`` degrees, as plain JSON."""
    from shapely.geometry import mapping, shape

    simplified = shape(geometry).simplify(tolerance, preserve_topology=True)
    return json.loads(json.dumps(mapping(simplified)))


def iter_places(
    path: str | Path, *, layer: str | None = None, simplify_degrees: float = SIMPLIFY_DEGREES
) -> Iterator[Place]:
    """Places from one COD-AB layer file (GeoJSON or attribute CSV).

    ``layer`` forces 'admin', 'points', 'capitals', 'neighbourhoods' or
    'communities' instead of detecting it from the columns of the first record.  Polygons
    are simplified to within ``simplify_degrees`` (0 keeps every vertex).
    Raises :class:`ImportFormatError` on unreadable files or records.
    """
    path = Path(path)
    seen: set[str] = set()
    for place in _iter(path, layer):
        if place.id in seen:  # two capitals of one name and level in a governorate
            place = dataclasses.replace(place, id=f"{place.id}-{len(seen)}")
        seen.add(place.id)
        if place.geometry is not None and simplify_degrees > 0:
            place = dataclasses.replace(place, geometry=simplify(place.geometry, simplify_degrees))
        yield place


def _iter(path: Path, layer: str | None) -> Iterator[Place]:
    detected: tuple[str, int] | None = None
    for row, geometry, where in _records(path):
        if detected is None:
            detected = detect_layer(row)
            if layer is not None and layer != detected[0]:
                raise ImportFormatError(f"{path}: columns are those of layer {detected[0]!r}, not {layer!r}")
        kind, level = detected
        if kind == "admin":
            yield _admin(row, geometry, where, level)
        elif kind == "points":
            yield _admin_point(row, geometry, where)
        elif kind == "capitals":
            yield _capital(row, geometry, where)
        elif kind == "communities":
            yield _community(row, geometry, where)
        else:
            yield _neighbourhood(row, geometry, where)
    if detected is None:
        raise ImportFormatError(f"{path}: no records")
