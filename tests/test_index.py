"""Unit tests for gazetteer.places.index: name keys, lookups, nearest, persistence."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import Gazetteer, GazetteerDataError, Place, PlaceNotFound, PlaceType, distance_km
from gazetteer.places.index import distances_km, name_keys, radian_point
from gazetteer.places.place import AdminRef

ROAD = {"type": "LineString", "coordinates": [[37.13, 36.2], [36.8, 35.86]]}


@pytest.fixture
def gaz() -> Gazetteer:
    return Gazetteer(
        [
            Place(
                "a",
                "Idlib",
                "إدلب",
                PlaceType.CITY,
                35.9306,
                36.6339,
                alt_names=("Idleb",),
                population=165000,
                parents=(AdminRef(1, "Idlib Governorate", "محافظة إدلب", "SY07"),),
            ),
            Place(
                "b",
                "Idlib Governorate",
                "محافظة إدلب",
                PlaceType.GOVERNORATE,
                35.93,
                36.63,
                alt_names=("Idlib",),
                pcode="SY07",
            ),
            Place("c", "Ar-Raqqah", "الرقة", PlaceType.CITY, 35.95, 39.01, population=530000),
            Place("d", "Jisr al-Shughur", "جسر الشغور", PlaceType.TOWN, 35.81, 36.32),
            Place("e", "M4 highway", "الطريق الدولي M4", PlaceType.ROAD, 35.86, 36.8, geometry=ROAD),
        ]
    )


def test_distance_km() -> None:
    assert distance_km(35.93, 36.63, 35.93, 36.63) == 0
    assert distance_km(33.513, 36.292, 36.202, 37.134) == pytest.approx(308, abs=5)  # Damascus–Aleppo


def test_name_keys_include_article_free_arabic() -> None:
    keys = name_keys(Place("x", "Ar-Raqqah", "الرقة", PlaceType.CITY, 0, 0))
    assert keys == {"raqqah", "الرقه", "رقه"}


def test_name_keys_join_words_before_a_later_article() -> None:
    keys = name_keys(Place("x", "Hafar Al-Batin", "حفر الباطن", PlaceType.FOREIGN_CITY, 0, 0, country="SA"))
    assert "حفرالباطن" in keys and "حفر الباطن" in keys


def test_lookup_any_script_or_spelling(gaz: Gazetteer) -> None:
    assert [p.id for p in gaz.lookup("IDLIB")] == ["a", "b"]  # most populous first
    assert [p.id for p in gaz.lookup("ادلب")] == ["a"]
    assert [p.id for p in gaz.lookup("IDLEB")] == ["a"]
    assert [p.id for p in gaz.lookup("الرقّة")] == ["c"]
    assert [p.id for p in gaz.lookup("رقة")] == ["c"]
    assert [p.id for p in gaz.lookup("Jisr ash-Shughur")] == ["d"]  # hyphenated articles all drop
    assert gaz.lookup("Atlantis") == []


def test_keys_and_longest_match_support(gaz: Gazetteer) -> None:
    assert gaz.has_key("جسر الشغور") and not gaz.has_key("جسر")
    assert gaz.max_name_tokens == 3  # «الطريق الدولي m4»
    assert "idlib" in set(gaz.keys())
    assert [p.id for p in gaz.lookup_key("idleb")] == ["a"]


def test_access(gaz: Gazetteer) -> None:
    assert len(gaz) == 5 and "a" in gaz and "zz" not in gaz
    assert gaz.get("c").name == "Ar-Raqqah"
    with pytest.raises(PlaceNotFound):
        gaz.get("zz")
    assert {p.id for p in gaz} == set("abcde")


def test_nearest(gaz: Gazetteer) -> None:
    assert gaz.nearest(35.93, 36.63).id in ("a", "b")
    assert gaz.nearest(35.93, 36.63, types=[PlaceType.TOWN]).id == "d"
    assert gaz.nearest(35.93, 36.63, types=[PlaceType.TOWN], max_km=10) is None
    assert gaz.nearest(35.95, 39.0, types=[PlaceType.CITY]).id == "c"
    assert gaz.nearest(0.0, 0.0) is None


def test_save_load_roundtrip(gaz: Gazetteer, tmp_path: Path) -> None:
    for name in ("g.jsonl", "g.jsonl.gz"):
        gaz.save(tmp_path / name)
        back = Gazetteer.load(tmp_path / name)
        assert [p.to_dict() for p in back] == [p.to_dict() for p in sorted(gaz, key=lambda p: p.id)]
        assert back.get("e").geometry == ROAD
        assert back.get("a").parent(1).pcode == "SY07"


def test_load_reports_bad_lines(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "a", "name": "A", "type": "city", "lat": 1, "lon": 2}\n{"id": "b", "type": "castle"}\n'
    )
    with pytest.raises(GazetteerDataError, match="bad.jsonl:2"):
        Gazetteer.load(bad)
    with pytest.raises(GazetteerDataError):
        Gazetteer.load(tmp_path / "missing.jsonl")


def test_distances_km_equals_distance_km_bit_for_bit() -> None:
    points = [
        (35.93, 36.63),
        (33.51, 36.29),
        (36.2, 37.16),
        (39.93, 32.86),
        (-35.93, -143.37),
        (35.93, 36.63),
    ]
    prepared = [radian_point(lat, lon) for lat, lon in points]
    for lat, lon in points:
        assert distances_km(lat, lon, prepared) == [distance_km(lat, lon, a, b) for a, b in points]


def test_name_index_holds_nothing_the_garbage_collector_must_rescan():
    """Indexing a thousand places adds no per-name or per-cell object that a full collection scans again."""
    import gc

    from gazetteer.places.index import Gazetteer
    from gazetteer.places.place import Place, PlaceType

    places = [
        Place(f"p{i}", f"Place{i} Town", f"مكان{i}", PlaceType.VILLAGE, 32 + i / 100, 35 + i % 50 / 10)
        for i in range(1000)
    ]
    gc.collect()
    before = len(gc.get_objects())
    gaz = Gazetteer(places)
    gc.collect()
    assert len(gaz.keys()) == 2000 and gaz.lookup_key("مكان7")[0].id == "p7"
    assert len(gc.get_objects()) - before < 50  # a few containers, not one per name key


def test_a_place_knows_the_governorate_it_is_or_lies_in() -> None:
    idlib = AdminRef(1, "Idlib", "إدلب", "SY07")
    town = Place("t", "Saraqib", "سراقب", PlaceType.TOWN, 35.86, 36.8, parents=(idlib,))
    governorate = Place("g", "Idlib", "إدلب", PlaceType.GOVERNORATE, 35.9, 36.6, pcode="SY07")
    loose = Place("l", "Nowhere", "", PlaceType.VILLAGE, 35.0, 36.0)
    assert [p.governorate_pcode for p in (town, governorate, loose)] == ["SY07", "SY07", ""]
