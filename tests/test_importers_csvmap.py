"""Tests for gazetteer.places.importers.csvmap on the Open-Syria and Syrian Archive files in ../shared."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from gazetteer import ImportFormatError, PlaceType
from gazetteer.places.build import build_default
from gazetteer.places.importers import csvmap, iter_import
from gazetteer.places.merge import merge_places
from gazetteer.places.normalize import is_arabic


@pytest.fixture(scope="module")
def sources(shared_dir: Path) -> Path:
    folder = shared_dir / "gazetteer-sources"
    if not folder.is_dir():
        pytest.skip(f"gazetteer sources not found: {folder}")
    return folder


def test_mapping_constant_type_and_governorate(tmp_path: Path) -> None:
    f = tmp_path / "v.csv"
    f.write_text(
        "\ufeffname_en,name_ar,lat,lon,region\nArab Said,عرب سعيد,35.94,36.60,Idlib\nNo coords,,,,\n",
        encoding="utf-8",
    )
    places = list(
        csvmap.iter_places(
            f,
            mapping={
                "name": "name_en",
                "name_ar": "name_ar",
                "lat": "lat",
                "lon": "lon",
                "type": "village",
                "governorate": "region",
            },
            prefix="t",
        )
    )
    assert len(places) == 1
    p = places[0]
    assert (p.id, p.type, p.name_ar) == ("t:arab-said", PlaceType.VILLAGE, "عرب سعيد")
    assert p.parent(1).pcode == "SY07"


def test_cp1256_fallback_and_semicolons(tmp_path: Path) -> None:
    f = tmp_path / "v.csv"
    f.write_bytes("name;name_ar;lat;lon\nSaraqib;سراقب;35.86;36.80\n".encode("cp1256"))
    places = list(
        csvmap.iter_places(
            f, mapping={"name": "name", "name_ar": "name_ar", "lat": "lat", "lon": "lon"}, prefix="t"
        )
    )
    assert places[0].name_ar == "سراقب"


def test_mapping_errors(tmp_path: Path) -> None:
    f = tmp_path / "v.csv"
    f.write_text("name,lat,lon\nX,north,36\n")
    mapping = {"name": "name", "lat": "lat", "lon": "lon"}
    with pytest.raises(ImportFormatError, match="lat is not a number"):
        list(csvmap.iter_places(f, mapping=mapping, prefix="t"))
    with pytest.raises(ImportFormatError, match="not in the file"):
        list(csvmap.iter_places(f, mapping={**mapping, "name_ar": "arabic"}, prefix="t"))
    with pytest.raises(ImportFormatError, match="unknown mapping fields"):
        list(csvmap.iter_places(f, mapping={**mapping, "colour": "c"}, prefix="t"))
    with pytest.raises(ImportFormatError, match="neither a column nor a place type"):
        list(
            csvmap.iter_places(f.with_name("ok.csv"), mapping={**mapping, "type": "castle"}, prefix="t")
            if f.with_name("ok.csv").write_text("name,lat,lon\nX,35,36\n")
            else []
        )
    with pytest.raises(ImportFormatError, match="unknown preset"):
        csvmap.iter_preset(f, "nope")


def test_infer_type() -> None:
    assert csvmap.infer_type("Aleppo Central Prison") == PlaceType.PRISON
    assert csvmap.infer_type("", "مشفى الشفاء") == PlaceType.HOSPITAL
    assert csvmap.infer_type("Saraqib") is None


def test_opensyria_admin_units(sources: Path) -> None:
    places = list(
        csvmap.iter_preset(sources / "opensyria-geography" / "admin_units_flat.csv", "opensyria-admin")
    )
    assert Counter(p.type for p in places) == {
        PlaceType.GOVERNORATE: 14,
        PlaceType.DISTRICT: 62,
        PlaceType.SUBDISTRICT: 272,
    }
    assert all(is_arabic(p.name_ar) for p in places)
    assert all(p.pcode for p in places)
    assert all(
        p.parent(1) and p.parent(1).pcode == p.pcode[:4] for p in places if p.type != PlaceType.GOVERNORATE
    )


@pytest.mark.parametrize(
    ("name", "preset", "count"),
    [
        ("governorates", "opensyria-governorates", 14),
        ("districts", "opensyria-districts", 62),
        ("subdistricts", "opensyria-subdistricts", 272),
    ],
)
def test_opensyria_json(sources: Path, name: str, preset: str, count: int) -> None:
    places = list(
        iter_import(
            "csv",
            sources / "opensyria-geography" / f"{name}.json",
            **{k: v for k, v in csvmap.PRESETS[preset].items()},
        )
    )
    assert len(places) == count and all(is_arabic(p.name_ar) and p.pcode for p in places)
    assert sum(1 for p in places if p.population) > count // 2


@pytest.mark.parametrize(
    "file,preset",
    [("locations_flat.csv", "opensyria-transport"), ("locations.json", "opensyria-transport-json")],
)
def test_opensyria_transport(sources: Path, file: str, preset: str) -> None:
    places = list(csvmap.iter_preset(sources / "opensyria-transport" / file, preset))
    assert len(places) == 90
    types = Counter(p.type for p in places)
    assert types[PlaceType.BORDER_CROSSING] == 30 and types[PlaceType.AIRPORT] == 6
    assert sum(1 for p in places if is_arabic(p.name_ar)) == 47


def test_syrian_archive(sources: Path) -> None:
    places = list(
        csvmap.iter_preset(
            sources / "syrian-archive-locations" / "syrian_archive_locations.csv", "syrian-archive"
        )
    )
    assert len(places) == 828 and len({p.id for p in places}) == 828
    assert all(is_arabic(p.name_ar) for p in places)
    assert sum(1 for p in places if p.parent(1)) > 780
    prisons = [p for p in places if p.type == PlaceType.PRISON]
    assert any("Aleppo" in p.parent(1).name for p in prisons if p.parent(1))


def test_every_csv_source_merges_without_duplicates(sources: Path) -> None:
    places = build_default()
    govs_before = sum(1 for p in places if p.type == PlaceType.GOVERNORATE)
    files = [
        ("opensyria-geography/admin_units_flat.csv", "opensyria-admin"),
        ("opensyria-transport/locations_flat.csv", "opensyria-transport"),
        ("syrian-archive-locations/syrian_archive_locations.csv", "syrian-archive"),
    ]
    for file, preset in files:
        new = list(csvmap.iter_preset(sources / file, preset))
        places, report = merge_places(places, new)
        assert report.added + report.merged == len(new)
    assert sum(1 for p in places if p.type == PlaceType.GOVERNORATE) == govs_before == 14
    aleppo = [
        p
        for p in places
        if p.in_syria
        and "Aleppo" in p.names
        and p.type in (PlaceType.CITY, PlaceType.TOWN, PlaceType.VILLAGE)
    ]
    assert len(aleppo) == 1  # GeoNames, Syrian Archive and Open-Syria's "Aleppo" are one city
    assert len({p.id for p in places}) == len(places)


def test_csv_importer_by_name(tmp_path: Path) -> None:
    f = tmp_path / "sa.csv"
    f.write_text("pk,name_en,name_ar,region_en,region_ar,lat,lon\n7,Sarmin,سرمين,Idlib,إدلب,35.9,36.72\n")
    (place,) = iter_import("csv", f, preset="syrian-archive")
    assert (place.id, place.name_ar, place.parent(1).pcode) == ("sa:7", "سرمين", "SY07")
    with pytest.raises(ImportFormatError, match="preset="):
        iter_import("csv", f)


def test_malformed_csv_is_an_import_format_error(tmp_path):
    from gazetteer.errors import ImportFormatError
    from gazetteer.places.importers import iter_import

    path = tmp_path / "places.csv"
    path.write_bytes(b"pk,name_en,name_ar,region_en,lat,lon\n1,Id\rlib,x,Idlib,35.9,36.6\n")
    with pytest.raises(ImportFormatError, match="not readable as CSV"):
        list(iter_import("csv", path, preset="syrian-archive"))
