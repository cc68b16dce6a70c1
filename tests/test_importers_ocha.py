"""Tests for gazetteer.places.importers.ocha on every OCHA COD-AB layer in ../shared, and on bad input."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from gazetteer import ImportFormatError, PlaceType
from gazetteer.places.build import build_default
from gazetteer.places.importers import iter_import, ocha
from gazetteer.places.merge import merge_places
from gazetteer.places.normalize import is_arabic

pytestmark = pytest.mark.shared

LAYERS = [
    ("syr_admin0", 1, PlaceType.COUNTRY),
    ("syr_admin1", 14, PlaceType.GOVERNORATE),
    ("syr_admin2", 62, PlaceType.DISTRICT),
    ("syr_admin3", 272, PlaceType.SUBDISTRICT),
    ("syr_neighborhoods", 414, PlaceType.NEIGHBOURHOOD),
]


@pytest.fixture(scope="module")
def ocha_dir(shared_dir: Path) -> Path:
    folder = shared_dir / "gazetteer-sources" / "ocha-cod-ab-syr"
    if not folder.is_dir():
        pytest.skip(f"OCHA COD-AB sources not found: {folder}")
    return folder


@pytest.mark.parametrize(("layer", "count", "ptype"), LAYERS)
def test_polygon_layers(ocha_dir: Path, layer: str, count: int, ptype: PlaceType) -> None:
    places = list(ocha.iter_places(ocha_dir / f"{layer}.geojson"))
    assert len(places) == count
    assert {p.type for p in places} == {ptype}
    assert len({p.id for p in places}) == count
    assert all(is_arabic(p.name_ar) for p in places)
    assert all(p.geometry and p.geometry["type"] in ("Polygon", "MultiPolygon") for p in places)
    assert all(32.3 <= p.lat <= 37.4 and 35.6 <= p.lon <= 42.4 for p in places)


@pytest.mark.parametrize(("layer", "count", "ptype"), LAYERS[1:])
def test_attribute_csv_matches_geojson(ocha_dir: Path, layer: str, count: int, ptype: PlaceType) -> None:
    from_csv = {p.id: p for p in ocha.iter_places(ocha_dir / f"{layer}_attributes.csv")}
    from_geojson = {p.id: p for p in ocha.iter_places(ocha_dir / f"{layer}.geojson")}
    assert from_csv.keys() == from_geojson.keys() and len(from_csv) == count
    assert all(p.geometry is None for p in from_csv.values())
    some = next(iter(from_csv))
    assert from_csv[some].name_ar == from_geojson[some].name_ar


def test_admin_levels_and_parents(ocha_dir: Path) -> None:
    govs = {p.pcode: p for p in ocha.iter_places(ocha_dir / "syr_admin1.geojson")}
    assert set(govs) == {f"SY{n:02d}" for n in range(1, 15)}
    assert govs["SY07"].id == "ocha:SY07"
    districts = list(ocha.iter_places(ocha_dir / "syr_admin2.geojson"))
    assert all(d.parent(1) and d.pcode.startswith(d.parent(1).pcode) for d in districts)
    subs = list(ocha.iter_places(ocha_dir / "syr_admin3_attributes.csv"))
    assert all(s.parent(2) and s.pcode.startswith(s.parent(2).pcode) for s in subs)


def test_point_layers(ocha_dir: Path) -> None:
    points = list(ocha.iter_places(ocha_dir / "syr_adminpoints.geojson"))
    assert len(points) == 349
    assert Counter(p.type for p in points)[PlaceType.SUBDISTRICT] == 272
    assert all(is_arabic(p.name_ar) for p in points)
    capitals = list(ocha.iter_places(ocha_dir / "syr_admincapitals.geojson"))
    assert len(capitals) == 266 and len({p.id for p in capitals}) == 266
    assert {p.type for p in capitals} <= {PlaceType.CITY, PlaceType.TOWN}
    assert list(ocha.iter_places(ocha_dir / "syr_admincapitals_attributes.csv"))[0].name == capitals[0].name


def test_detect_layer() -> None:
    assert ocha.detect_layer({"adm2_name": "", "adm2_pcode": "", "adm1_name": "", "adm1_pcode": ""}) == (
        "admin",
        2,
    )
    assert ocha.detect_layer({"neighborho": ""})[0] == "neighbourhoods"
    with pytest.raises(ImportFormatError, match="no COD-AB columns"):
        ocha.detect_layer({"foo": 1})


def test_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "x.geojson"
    bad.write_text(json.dumps({"type": "Feature"}))
    with pytest.raises(ImportFormatError, match="FeatureCollection"):
        list(ocha.iter_places(bad))
    bad_csv = tmp_path / "x.csv"
    bad_csv.write_text(
        "adm1_name,adm1_name1,adm1_pcode,centroid_lat,centroid_lon\nIdleb,إدلب,SY07,north,36\n"
    )
    with pytest.raises(ImportFormatError, match="centroid_lat is not a number"):
        list(ocha.iter_places(bad_csv))
    (tmp_path / "x.shp").write_bytes(b"\0")
    with pytest.raises(ImportFormatError, match="expected .geojson"):
        list(ocha.iter_places(tmp_path / "x.shp"))
    with pytest.raises(ImportFormatError, match="cannot read"):
        list(ocha.iter_places(tmp_path / "missing.csv"))
    with pytest.raises(ImportFormatError, match="unknown importer"):
        iter_import("shapefile", bad)


def test_ocha_merges_into_bundled(ocha_dir: Path) -> None:
    places = build_default()
    for layer in ("syr_admin1.geojson", "syr_admin2.geojson"):
        places, report = merge_places(places, ocha.iter_places(ocha_dir / layer))
        assert report.added == 0, layer  # every admin unit is already bundled
    idlib = [p for p in places if p.type == PlaceType.GOVERNORATE and p.pcode == "SY07"]
    assert len(idlib) == 1
    assert idlib[0].id == "cur:gov-idlib" and idlib[0].geometry["type"] in ("Polygon", "MultiPolygon")
    assert sum(1 for p in places if p.type == PlaceType.GOVERNORATE) == 14
    assert sum(1 for p in places if p.type == PlaceType.DISTRICT) == 62
    places, report = merge_places(places, ocha.iter_places(ocha_dir / "syr_admin3.geojson"))
    assert (report.added, report.merged) == (0, 272)  # the sub-districts are bundled derived facts
    places, report = merge_places(places, ocha.iter_places(ocha_dir / "syr_adminpoints.geojson"))
    assert (report.added, report.merged) == (0, 349)


def test_polygons_are_simplified_unless_asked_not_to(ocha_dir: Path) -> None:
    from shapely.geometry import shape

    full = {p.id: p for p in ocha.iter_places(ocha_dir / "syr_admin1.geojson", simplify_degrees=0)}
    light = {p.id: p for p in ocha.iter_places(ocha_dir / "syr_admin1.geojson")}

    def vertices(places: dict) -> int:
        return sum(len(json.dumps(p.geometry)) for p in places.values())

    assert vertices(light) < vertices(full) / 3
    for pid, place in full.items():
        a, b = shape(place.geometry), shape(light[pid].geometry)
        assert abs(a.area - b.area) / a.area < 0.01  # the shape is kept


def test_malformed_csv_is_an_import_format_error(tmp_path):
    from gazetteer.errors import ImportFormatError
    from gazetteer.places.importers import iter_import

    path = tmp_path / "admin1.csv"
    path.write_bytes(b"adm1_name,adm1_pcode\nId\rlib,SY07\n")
    with pytest.raises(ImportFormatError, match="not readable as CSV"):
        list(iter_import("ocha", path))


def test_features_that_are_no_list_are_an_import_format_error(tmp_path):
    from gazetteer.errors import ImportFormatError
    from gazetteer.places.importers import iter_import

    path = tmp_path / "admin1.geojson"
    path.write_text('{"type": "FeatureCollection", "features": 5}', encoding="utf-8")
    with pytest.raises(ImportFormatError, match="FeatureCollection"):
        list(iter_import("ocha", path))


COMMUNITIES = Path(__file__).parent / "data" / "ocha"


@pytest.mark.parametrize("filename", ["syr_populatedplaces.geojson", "syr_populatedplaces.csv"])
def test_communities_in_the_populated_places_layout(filename: str) -> None:
    places = {p.id: p for p in ocha.iter_places(COMMUNITIES / filename)}
    assert list(places) == ["ocha:C9001", "ocha:C9002", "ocha:C9003"]
    kafr = places["ocha:C9001"]
    assert (kafr.name, kafr.name_ar, kafr.pcode, kafr.type) == (
        "Kafr Tester",
        "كفر تستر",
        "C9001",
        PlaceType.VILLAGE,
    )
    assert set(kafr.alt_names) == {"Kfar Tester", "كفرتستر"}
    assert (kafr.lat, kafr.lon) == (35.8555, 36.7712)
    assert [(r.level, r.name, r.name_ar, r.pcode) for r in kafr.parents] == [
        (1, "Idleb", "إدلب", "SY07"),
        (2, "Idleb", "إدلب", "SY0701"),
        (3, "Saraqab", "سراقب", "SY070101"),
    ]
    assert places["ocha:C9002"].type == PlaceType.TOWN and places["ocha:C9003"].type == PlaceType.CAMP
    assert {p.source for p in places.values()} == {ocha.SOURCE} and {p.licence for p in places.values()} == {
        ocha.LICENCE
    }


def test_communities_in_the_upper_case_admin4_point_layout() -> None:
    places = list(iter_import("ocha", COMMUNITIES / "syr_pplp_adm4_unocha.geojson"))
    assert [(p.id, p.name, p.name_ar, p.type) for p in places] == [
        ("ocha:C9001", "Kafr Tester", "كفر تستر", PlaceType.VILLAGE),
        ("ocha:C9002", "Tell Example", "تل المثال", PlaceType.VILLAGE),
    ]
    assert (places[0].lat, places[0].lon) == (35.8555, 36.7712)  # from the Point geometry
    assert places[0].parent(3) == places[0].parents[2] and places[0].parent(3).pcode == "SY070101"


def test_detect_communities(tmp_path) -> None:
    assert ocha.detect_layer({"featurename_en": "", "pcode": ""}) == ("communities", 4)
    assert ocha.detect_layer({"ADM4_EN": "", "ADM4_PCODE": "", "ADM3_PCODE": ""}) == ("communities", 4)
    assert ocha.detect_layer({"adm4_name": "", "adm4_name1": "", "adm4_pcode": ""}) == ("communities", 4)
    bad = tmp_path / "communities.csv"
    bad.write_text("featurename_en,pcode,point_x,point_y\nNowhere,,36,35\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match="P-code and a name"):
        list(ocha.iter_places(bad))


def test_communities_merge_with_the_bundled_gazetteer_without_duplicates() -> None:
    from gazetteer.places.merge import merge_places

    base = build_default()
    places = list(ocha.iter_places(COMMUNITIES / "syr_populatedplaces.geojson"))
    merged, report = merge_places(base, places)
    assert report.added + report.merged == 3
    again, second = merge_places(merged, places)
    assert len(again) == len(merged) and second.added == 0
