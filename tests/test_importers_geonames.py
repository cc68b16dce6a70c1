"""Tests for gazetteer.places.importers.geonames on a synthetic dump in the real GeoNames format."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import ImportFormatError, PlaceType
from gazetteer.places.build import build_default
from gazetteer.places.importers import geonames, iter_import
from gazetteer.places.merge import merge_places


def _row(
    gid: int,
    name: str,
    alts: str,
    lat: float,
    lon: float,
    fclass: str,
    fcode: str,
    admin1: str = "12",
    population: int = 0,
) -> str:
    cols = [
        str(gid),
        name,
        name,
        alts,
        str(lat),
        str(lon),
        fclass,
        fcode,
        "SY",
        "",
        admin1,
        "",
        "",
        "",
        str(population),
        "",
        "300",
        "Asia/Damascus",
        "2024-01-01",
    ]
    return "\t".join(cols)


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    rows = [
        _row(169389, "Idlib", "Idleb,Idlib,إدلب,Идлиб", 35.93062, 36.63393, "P", "PPLA", population=128840),
        _row(900001, "Kafr Test", "كفر تست", 35.7, 36.5, "P", "PPL", population=800),
        _row(900002, "Sijn Idlib al Markazi", "", 35.9, 36.62, "S", "PRN"),
        _row(900003, "Jabal az Zawiyah", "جبل الزاوية", 35.68, 36.55, "T", "MTS"),
        _row(900004, "Wadi Test", "", 35.6, 36.6, "H", "WAD"),  # a valley stream: not a gazetteer kind
        _row(900005, "Muhafazat Idlib", "", 35.8, 36.6, "A", "ADM1"),
        _row(900006, "Ma'arrat an Nu'man", "Maarat al-Numan", 35.64, 36.67, "P", "PPLA2", population=58008),
    ]
    path = tmp_path / "SY.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_feature_types(dump: Path) -> None:
    places = {p.id: p for p in geonames.iter_places(dump)}
    assert "gn:900004" not in places
    assert places["gn:169389"].type == PlaceType.CITY
    assert places["gn:900001"].type == PlaceType.VILLAGE
    assert places["gn:900002"].type == PlaceType.PRISON
    assert places["gn:900003"].type == PlaceType.REGION
    assert places["gn:900005"].type == PlaceType.GOVERNORATE and not places["gn:900005"].parents
    assert places["gn:900006"].type == PlaceType.TOWN
    idlib = places["gn:169389"]
    assert idlib.name_ar == "إدلب" and "Идлиб" not in idlib.alt_names
    assert idlib.parent(1).pcode == "SY07"
    assert idlib.population == 128840


def test_alternate_names_file(dump: Path, tmp_path: Path) -> None:
    alt = tmp_path / "alternateNames.txt"
    alt.write_text(
        "1\t900006\tar\tمعرة النعمان\t1\t\t\t\n"
        "2\t900006\ten\tMaarat al-Numan\t\t\t\t\n"
        "3\t900006\tar\tمعرة النعمان القديمة\t\t\t\t1\n"  # historic: dropped
        "4\t900006\tru\tМаарет-эн-Нуман\t\t\t\t\n",
        encoding="utf-8",
    )
    places = {p.id: p for p in geonames.iter_places(dump, alternate_names=alt)}
    maarat = places["gn:900006"]
    assert maarat.name_ar == "معرة النعمان"
    assert "معرة النعمان القديمة" not in maarat.alt_names


def test_min_population(dump: Path) -> None:
    ids = {p.id for p in iter_import("geonames", dump, min_population=1000)}
    assert "gn:900001" not in ids and "gn:169389" in ids and "gn:900002" in ids


def test_bad_lines(tmp_path: Path) -> None:
    bad = tmp_path / "SY.txt"
    bad.write_text("169389\tIdlib\tIdlib\n")
    with pytest.raises(ImportFormatError, match="expected 19 tab-separated columns"):
        list(geonames.iter_places(bad))
    bad.write_text(_row(1, "X", "", 35.0, 36.0, "P", "PPL").replace("35.0", "north") + "\n")
    with pytest.raises(ImportFormatError, match="latitude is not a number"):
        list(geonames.iter_places(bad))


def test_merges_with_bundled_geonames_entry(dump: Path) -> None:
    places, report = merge_places(build_default(), geonames.iter_places(dump))
    idlib = [p for p in places if p.type == PlaceType.CITY and "Idlib" in p.names and p.in_syria]
    assert len(idlib) == 1
    assert report.merged >= 1  # at least Idlib, by its GeoNames id


def test_arabic_display_names_are_cleaned(tmp_path: Path) -> None:
    rows = [
        _row(170654, "Damascus", "Dimashq,د مشق,دمشق الشام", 33.5102, 36.29128, "P", "PPLC", "13", 1569394),
        _row(173576, "Latakia", "ladhqyہ,لاذقیه,اللاذقية", 35.51484, 35.78324, "P", "PPLA", "02", 709000),
    ]
    path = tmp_path / "SY.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    places = {p.id: p for p in geonames.iter_places(path)}
    damascus, latakia = places["gn:170654"], places["gn:173576"]
    assert damascus.name_ar == "دمشق" and "دمشق الشام" in damascus.alt_names  # the space closed
    assert latakia.name_ar == "اللاذقية"  # the Arabic spelling over the Persian one
    assert "ladhqyہ" not in latakia.alt_names and "لاذقيه" in latakia.alt_names  # cleaned, not dropped
