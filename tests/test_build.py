"""Tests for gazetteer.places.build: curated loading, GeoNames parts, the default build, extend()."""

from __future__ import annotations

from pathlib import Path

import pytest
from geo_toy import square

from gazetteer import GazetteerDataError, Place, PlaceType
from gazetteer.places.build import (
    build_default,
    context_places,
    extend,
    extended_path,
    geonames_syria,
    imports_path,
    load_curated,
    load_extended,
    read_places,
    settlement_type,
    split_names,
    write_places,
)
from gazetteer.places.merge import MergeReport
from gazetteer.places.normalize import is_arabic

FIXTURE = Path(__file__).parent / "data" / "curated_fixture.yaml"


@pytest.fixture(scope="module")
def default_places() -> list[Place]:
    return build_default()


def test_settlement_type_thresholds() -> None:
    assert settlement_type(2_000_000) == PlaceType.CITY
    assert settlement_type(100_000) == PlaceType.CITY
    assert settlement_type(99_999) == PlaceType.TOWN
    assert settlement_type(10_000) == PlaceType.TOWN
    assert settlement_type(0) == PlaceType.VILLAGE


def test_split_names_keeps_latin_and_arabic_only() -> None:
    name_ar, alts = split_names("Idlib", ["Idleb", "Идлиб", "إدلب", "Idleb", "ادلب", "yi de li bo", "Ἴδλιβ"])
    assert name_ar == "إدلب"
    assert alts == ("Idleb", "ادلب")


def test_load_curated_resolves_parents_and_geometry() -> None:
    places = {p.id: p for p in load_curated([FIXTURE])}
    assert set(places) == {"cur:gov-idlib", "cur:dist-idlib", "cur:vil-saraqib", "cur:road-m4"}
    saraqib = places["cur:vil-saraqib"]
    assert saraqib.parent(1).pcode == "SY07" and saraqib.parent(1).name_ar == "محافظة إدلب"
    assert saraqib.parent(2).pcode == "SY0700"
    assert places["cur:dist-idlib"].parent(1).name == "Idlib Governorate"
    road = places["cur:road-m4"]
    # YAML lines are [lat, lon]; GeoJSON wants [lon, lat].
    assert road.geometry == {
        "type": "LineString",
        "coordinates": [[37.13, 36.2], [36.8, 35.86], [35.79, 35.53]],
    }
    assert road.licence == "CC BY 4.0, this project"


def test_load_curated_rejects_unknown_governorate(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: x, type: village, name: X, name_ar: س, lat: 35, lon: 36, governorate: Atlantis}\n")
    with pytest.raises(GazetteerDataError, match="bad.yaml.*Atlantis"):
        load_curated([bad])


def test_load_curated_rejects_bad_type(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {id: x, type: castle, name: X, name_ar: س, lat: 35, lon: 36}\n")
    with pytest.raises(GazetteerDataError, match="'x'"):
        load_curated([bad])


def test_geonames_syria_has_arabic_names_and_governorates() -> None:
    places = geonames_syria(load_curated([FIXTURE]))
    assert len(places) > 250
    assert all(p.country == "SY" and p.id.startswith("gn:") for p in places)
    assert sum(1 for p in places if is_arabic(p.name_ar)) / len(places) > 0.9
    idlib = next(p for p in places if p.name == "Idlib")
    assert idlib.type == PlaceType.CITY and idlib.name_ar == "إدلب"
    assert idlib.parent(1).pcode == "SY07" and idlib.parent(1).name_ar == "محافظة إدلب"
    aleppo = next(p for p in places if p.name == "Aleppo")
    assert aleppo.parent(1).pcode == "SY02"


def test_context_places_are_foreign() -> None:
    places = context_places()
    assert all(p.country != "SY" for p in places if p.type == PlaceType.FOREIGN_CITY)
    countries = {p.code: p for p in places if p.type == PlaceType.COUNTRY}
    assert len(countries) > 200
    assert countries["LB"].name_ar == "لبنان" and countries["TR"].name_ar == "تركيا"
    assert sum(1 for c in countries.values() if c.name_ar) >= 120
    beirut = next(p for p in places if p.name == "Beirut")
    assert beirut.type == PlaceType.FOREIGN_CITY and is_arabic(beirut.name_ar)
    names = {p.name for p in places}
    assert {"Ankara", "Gaziantep", "Amman", "Baghdad", "Tripoli", "Paris", "Washington"} <= names


def test_build_default_merges_curated_with_geonames(default_places: list[Place]) -> None:
    ids = [p.id for p in default_places]
    assert len(ids) == len(set(ids))
    by_type: dict[PlaceType, int] = {}
    for p in default_places:
        by_type[p.type] = by_type.get(p.type, 0) + 1
    assert by_type[PlaceType.GOVERNORATE] == 14
    # GeoNames and curation agree on Damascus city: one place, not two.
    damascus = [
        p
        for p in default_places
        if p.type in (PlaceType.CITY, PlaceType.TOWN) and "Damascus" in p.names and p.in_syria
    ]
    assert len(damascus) == 1
    assert all(p.lat and p.lon for p in default_places)


def test_write_and_read_places_roundtrip(tmp_path: Path) -> None:
    places = load_curated([FIXTURE])
    write_places(tmp_path / "x.jsonl.gz", places)
    back = read_places(tmp_path / "x.jsonl.gz")
    assert [p.to_dict() for p in back] == [p.to_dict() for p in places]
    assert read_places(tmp_path / "missing.jsonl.gz") == []


def test_imports_path_sits_beside_the_gazetteer(tmp_path: Path) -> None:
    assert imports_path(tmp_path / "gazetteer.jsonl.gz") == tmp_path / "gazetteer.imports.jsonl.gz"


def test_extend_persists_and_merges(tmp_path: Path) -> None:
    gaz = tmp_path / "gazetteer.jsonl.gz"
    write_places(gaz, load_curated([FIXTURE]))
    new = [
        Place("x:saraqib", "Sarāqib", "سراقب", PlaceType.VILLAGE, 35.86, 36.80, population=30000, source="x"),
        Place("x:arab-said", "Arab Said", "عرب سعيد", PlaceType.VILLAGE, 35.9411, 36.5986, source="x"),
    ]
    report = extend(gaz, new)
    assert (report.added, report.merged) == (1, 1)
    stored = {p.id for p in read_places(imports_path(gaz))}
    assert stored == {"x:saraqib", "x:arab-said"}
    # Importing the same source again changes nothing.
    again = extend(gaz, new)
    assert (again.added, again.merged) == (0, 2)
    assert len(read_places(imports_path(gaz))) == 2


def test_load_extended_uses_and_refreshes_the_snapshot(tmp_path: Path) -> None:
    gaz = tmp_path / "gazetteer.jsonl.gz"
    write_places(gaz, load_curated([FIXTURE]))
    assert {p.id for p in load_extended(gaz)} == {p.id for p in load_curated([FIXTURE])}
    assert not extended_path(gaz).exists()  # no imports: no snapshot needed
    extend(gaz, [Place("x:a", "Arab Said", "عرب سعيد", PlaceType.VILLAGE, 35.94, 36.6, source="x")])
    assert extended_path(gaz).exists()
    assert "x:a" in {p.id for p in load_extended(gaz)}
    # Rebuilding the bundled part invalidates the snapshot; imports survive.
    write_places(gaz, [p for p in load_curated([FIXTURE]) if p.id != "cur:road-m4"])
    ids = {p.id for p in load_extended(gaz)}
    assert "x:a" in ids and "cur:road-m4" not in ids
    assert {p.id for p in read_places(extended_path(gaz))} == ids


@pytest.mark.shared
def test_every_shared_source_extends_the_bundled_gazetteer(shared_dir: Path, tmp_path: Path) -> None:
    from collections import Counter

    from gazetteer.measure.benchmark import shared_sources
    from gazetteer.places.bundled import default_gazetteer, ensure_built

    sources = shared_sources(shared_dir / "gazetteer-sources")
    if len(sources) < 10:
        pytest.skip(
            f"expected 10 gazetteer sources under {shared_dir / 'gazetteer-sources'}, found {len(sources)}"
        )
    path = ensure_built(tmp_path / "gazetteer.jsonl.gz")
    before = len(default_gazetteer(path))
    total = MergeReport()
    for _, factory in sources:
        total += extend(path, factory())
    gaz = default_gazetteer(path)
    assert len(gaz) == before + total.added - total.united
    syrian = Counter(p.type for p in gaz if p.in_syria)
    assert (syrian[PlaceType.GOVERNORATE], syrian[PlaceType.DISTRICT], syrian[PlaceType.SUBDISTRICT]) == (
        14,
        62,
        272,
    )
    assert sum(1 for p in gaz if p.type == PlaceType.COUNTRY and p.code == "SY") == 1
    idlib = [p for p in gaz.lookup("إدلب") if p.type == PlaceType.CITY]
    assert len(idlib) == 1
    assert (
        sum(1 for p in gaz if p.in_syria and p.geometry and p.geometry["type"] != "LineString")
        >= 14 + 62 + 272 + 400
    )
    assert total.merged > 1000
    # Rebuilding the merged snapshot from the stored imports gives the same gazetteer.
    from gazetteer.places.bundled import clear_cache

    polygons = sum(1 for p in gaz if p.geometry and p.geometry["type"] != "LineString")
    extended_path(path).unlink()
    clear_cache()
    again = default_gazetteer(path)
    assert len(again) == len(gaz)
    assert (
        sum(1 for p in again if p.geometry and p.geometry["type"] != "LineString") == polygons
    )  # most admin and point records are already known


def test_complete_parents_from_polygons() -> None:
    from gazetteer import AdminRef
    from gazetteer.places.build import complete_parents

    gov = Place(
        "g",
        "Idlib Governorate",
        "محافظة إدلب",
        PlaceType.GOVERNORATE,
        35.9,
        36.6,
        pcode="SY07",
        geometry=square(35.9, 36.6, 0.5),
    )
    dist = Place(
        "d",
        "Idlib District",
        "منطقة إدلب",
        PlaceType.DISTRICT,
        35.9,
        36.6,
        pcode="SY0700",
        geometry=square(35.9, 36.6, 0.3),
    )
    wrong = AdminRef(1, "Aleppo Governorate", "محافظة حلب", "SY02")
    town = Place("t", "Saraqib", "سراقب", PlaceType.TOWN, 35.86, 36.8)
    odd = Place("o", "Odd", "", PlaceType.VILLAGE, 35.86, 36.8, parents=(wrong,))
    far = Place("f", "Far", "", PlaceType.VILLAGE, 33.0, 36.0)
    out = complete_parents([gov, dist, town, odd, far])
    assert [p.pcode for p in out[2].parents] == ["SY07", "SY0700"]
    assert out[3].parents == (wrong,)  # a polygon contradicting a known parent is not used
    assert out[4].parents == () and out[0].parents == ()
    assert complete_parents([town]) == [town]


def test_build_default_adds_the_derived_admin_areas_and_parent_chains(default_places: list[Place]) -> None:
    from collections import Counter

    syrian = [p for p in default_places if p.in_syria]
    counts = Counter(p.type for p in syrian)
    assert (counts[PlaceType.GOVERNORATE], counts[PlaceType.DISTRICT], counts[PlaceType.SUBDISTRICT]) == (
        14,
        62,
        272,
    )
    polygons = [p for p in syrian if p.type in (PlaceType.GOVERNORATE, PlaceType.SUBDISTRICT)]
    assert all(p.geometry and p.geometry["type"] in ("Polygon", "MultiPolygon") for p in polygons)
    # Curated entries win the merge with the derived OCHA areas (id, names) and gain their polygons.
    idlib = next(p for p in syrian if p.pcode == "SY07")
    assert idlib.id == "cur:gov-idlib" and "OCHA COD-AB Syria (HDX)" in idlib.source
    # GeoNames villages get the whole admin chain from the polygons; the country gets none.
    villages = [p for p in syrian if p.id.startswith("gn:") and p.type == PlaceType.VILLAGE]
    assert sum(len(p.parents) == 3 for p in villages) > 0.95 * len(villages)
    assert next(p for p in syrian if p.type == PlaceType.COUNTRY).parents == ()


def test_with_quarter_names_gives_every_neighbourhood_its_typed_form() -> None:
    from gazetteer.places.build import with_quarter_names

    quarter = Place(
        "q", "Al-Firdaws", "الفردوس", PlaceType.NEIGHBOURHOOD, 36.18, 37.16, alt_names=("حي الفردوس",)
    )
    assert with_quarter_names(quarter) is quarter
    bare = Place("b", "Al-Shaar", "الشعار", PlaceType.NEIGHBOURHOOD, 36.2, 37.18, alt_names=("Shaar", "شعار"))
    assert with_quarter_names(bare).alt_names == ("Shaar", "شعار", "حي الشعار", "حي شعار")
    town = Place("t", "Saraqib", "سراقب", PlaceType.TOWN, 35.86, 36.8)
    assert with_quarter_names(town) is town
