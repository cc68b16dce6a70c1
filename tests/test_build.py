"""Tests for gazetteer.places.build: the default build of the bundled gazetteer, its neighbourhood names."""

from __future__ import annotations

import pytest

from gazetteer import Place, PlaceType
from gazetteer.places.build import build_default


@pytest.fixture(scope="module")
def default_places() -> list[Place]:
    return build_default()


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


def test_with_seat_names_gives_a_seat_its_areas_bare_spellings() -> None:
    from gazetteer.places.build import with_seat_names

    district = Place(
        "d", "Qamishli District", "منطقة القامشلي", PlaceType.DISTRICT, 37.052, 41.231,
        alt_names=("Qamishli", "Qamishly", "Quamishli District"),
    )  # fmt: skip
    city = Place("c", "Qamishli", "القامشلي", PlaceType.CITY, 37.05, 41.23)
    # A homonym far from the area's point is not its seat.
    far = Place("f", "Qamishli", "", PlaceType.VILLAGE, 35.0, 37.0)
    out = with_seat_names([district, city, far])
    assert out[0] is district and out[2] is far
    assert out[1].alt_names == ("Qamishly",)
    # One seat listed by two sources: giving both the same names would merge them on the next load.
    twin = Place("t", "Al-Qamishli", "", PlaceType.TOWN, 37.06, 41.22)
    assert with_seat_names([district, city, twin]) == [district, city, twin]


def test_with_seat_names_gives_a_governorates_capital_its_bare_spellings() -> None:
    from gazetteer.places.build import with_seat_names

    governorate = Place(
        "g", "Hama Governorate", "محافظة حماة", PlaceType.GOVERNORATE, 35.13, 36.75,
        alt_names=("Hama", "Hamah", "Hama Province", "محافظة حماه"),
    )  # fmt: skip
    city = Place("c", "Hama", "حماة", PlaceType.CITY, 35.131, 36.757)
    out = with_seat_names([governorate, city])
    # The bare spelling joins the city; the names that say "governorate" or "province" do not.
    assert out[1].alt_names == ("Hamah",)
    assert out[0] is governorate


def test_a_governorates_spelling_alone_reads_as_its_capital() -> None:
    from gazetteer import default_gazetteer, geoparse

    result = geoparse("Shelling hit Deir Ezzor on Monday.", gazetteer=default_gazetteer())
    assert [(m.text, m.place.type.value) for m in result.mentions] == [("Deir Ezzor", "city")]
    cued = geoparse("Shelling hit Deir Ezzor province on Monday.", gazetteer=default_gazetteer())
    assert [m.place.type.value for m in cued.mentions] == ["governorate"]


def test_a_seats_spelling_listed_only_by_its_district_reads_as_the_seat() -> None:
    from gazetteer import default_gazetteer, geoparse

    result = geoparse("In Qamishly, a crowd beat a man accused of theft.", gazetteer=default_gazetteer())
    assert [(m.text, m.place.id) for m in result.mentions] == [("Qamishly", "cur:vil-qamishli")]
