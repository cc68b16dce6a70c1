"""gazetteer.places.basemap: the offline basemap's layers, and the bundled files being current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gazetteer import Place, PlaceType
from gazetteer.places.basemap import (
    LABEL_MIN_ZOOM,
    basemap,
    coast_line,
    compact,
    label_minzoom,
    labels_layer,
    roads_layer,
    write_layers,
)

STATIC_GEO = Path(__file__).resolve().parents[1] / "static" / "geo"


def town(ident: str, name: str, name_ar: str, population: int, **kw) -> Place:
    kw.setdefault("type", PlaceType.TOWN)
    return Place(ident, name, name_ar, lat=35.0, lon=37.0, population=population, **kw)


def test_coast_is_the_shorter_stretch_of_the_ring_between_its_ends() -> None:
    # A square "country" (lon, lat) with extra vertices along its western side, the "sea".
    ring = [[0, 0], [0, 1], [0, 2], [0, 3], [3, 3], [3, 0], [0, 0]]
    square = {"type": "Polygon", "coordinates": [ring]}
    assert coast_line(square, ends=((0.1, 0.0), (2.9, 0.1))) == [[0, 0], [0, 1], [0, 2], [0, 3]]
    # The ends may be given in either order, and the arc may wrap round the ring's start.
    assert coast_line(square, ends=((0.0, 3.0), (0.0, 0.0))) == [[3, 0], [0, 0]]


def test_compact_simplifies_and_rounds() -> None:
    wiggly = {"type": "LineString", "coordinates": [[36.0, 35.0], [36.0001234, 35.5000001], [36.0, 36.0]]}
    assert compact(wiggly) == {"type": "LineString", "coordinates": [[36.0, 35.0], [36.0, 36.0]]}


@pytest.mark.parametrize(
    ("population", "zoom"),
    [(2_000_000, 5), (300_000, 6), (50_000, 7), (20_000, 8), (5_000, 9), (4_999, 10), (0, 10)],
)
def test_bigger_towns_are_labelled_from_a_lower_zoom(population: int, zoom: int) -> None:
    assert label_minzoom(population) == zoom


def test_labels_are_syrian_cities_and_towns_with_both_names_largest_first() -> None:
    places = [
        town("a", "Ţarţūs", "طرطوس", 458_327, type=PlaceType.CITY),
        town("b", "Aleppo", "حلب", 2_098_210, type=PlaceType.CITY),
        town("c", "Atareb", "الأتارب", 0),
        town("d", "Nameless in Arabic", "", 9_000),
        town("e", "Ankara", "أنقرة", 3_500_000, type=PlaceType.FOREIGN_CITY, country="TR"),
        town("f", "Idlib Governorate", "محافظة إدلب", 0, type=PlaceType.GOVERNORATE),
    ]
    layer = labels_layer(places)
    props = [f["properties"] for f in layer["features"]]
    assert props == [
        {"name": "Aleppo", "name_ar": "حلب", "minzoom": 5},
        {"name": "Tartus", "name_ar": "طرطوس", "minzoom": 6},
        {"name": "Atareb", "name_ar": "الأتارب", "minzoom": LABEL_MIN_ZOOM},
    ]
    assert layer["features"][0]["geometry"] == {"type": "Point", "coordinates": [37.0, 35.0]}


def test_roads_keep_their_lines_and_codes() -> None:
    line = {"type": "LineString", "coordinates": [[36.12345, 35.5], [37.1, 36.2]]}
    m4 = Place(
        "cur:m4", "M4 highway", "الطريق الدولي M4", PlaceType.ROAD, 35.9, 36.6, code="M4", geometry=line
    )
    pointless = Place("cur:m9", "M9", "", PlaceType.ROAD, 35.0, 36.0)
    (feature,) = roads_layer([m4, pointless])["features"]
    assert feature["geometry"] == {"type": "LineString", "coordinates": [[36.123, 35.5], [37.1, 36.2]]}
    assert feature["properties"]["code"] == "M4"


def test_bundled_layers_are_what_the_generator_writes_and_stay_small(
    shared_dir: Path, tmp_path: Path
) -> None:
    from gazetteer.places.build import build_default

    sources = shared_dir / "gazetteer-sources"
    if not (sources / "ocha-cod-ab-syr").is_dir():
        pytest.skip(f"OCHA sources not found under {sources}")
    layers = basemap(sources, build_default())
    counts = {name: len(layer["features"]) for name, layer in layers.items()}
    assert counts["borders"] == 14 + 62 and counts["land"] == 2
    assert all("CC BY" in layer["attribution"] for layer in layers.values())
    for path in write_layers(tmp_path, layers).values():
        bundled = STATIC_GEO / path.name
        assert bundled.read_bytes() == path.read_bytes(), (
            f"{bundled} is stale: run python -m gazetteer.places.basemap {sources} -o static/geo"
        )
        assert bundled.stat().st_size < 120_000, f"{bundled.name} outgrew the map's budget"
    # The coast runs along the Mediterranean: west of 36.1°E, from Lebanon to Turkey.
    land = json.loads((STATIC_GEO / "basemap-land.geojson").read_text(encoding="utf-8"))
    coast = next(f for f in land["features"] if f["properties"]["kind"] == "coast")["geometry"]["coordinates"]
    assert all(lon < 36.1 for lon, _ in coast)
    assert min(lat for _, lat in coast) < 34.7 and max(lat for _, lat in coast) > 35.8
