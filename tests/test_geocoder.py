"""Tests for gazetteer.places.geocoder: the offline geopy geocoder and the geocoder factory (no network)."""

from __future__ import annotations

from pathlib import Path

import pytest
from geo_toy import square
from geopy.exc import GeocoderNotFound, GeocoderQueryError
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from gazetteer import AdminRef, Gazetteer, Place, PlaceType
from gazetteer.places.bundled import default_gazetteer
from gazetteer.places.geocoder import SyriaGazetteer, make_geocoder, query_keys

IDLIB_GOV = AdminRef(1, "Idlib Governorate", "محافظة إدلب", "SY07")


@pytest.fixture
def small() -> SyriaGazetteer:
    return SyriaGazetteer(
        Gazetteer(
            [
                Place(
                    "t:idlib",
                    "Idlib",
                    "إدلب",
                    PlaceType.CITY,
                    35.9306,
                    36.6339,
                    alt_names=("Idleb",),
                    parents=(IDLIB_GOV,),
                    population=165000,
                ),
                Place(
                    "t:gov",
                    "Idlib Governorate",
                    "محافظة إدلب",
                    PlaceType.GOVERNORATE,
                    35.93,
                    36.63,
                    alt_names=("Idlib", "إدلب"),
                    pcode="SY07",
                ),
                Place(
                    "t:dist",
                    "Idlib District",
                    "منطقة إدلب",
                    PlaceType.DISTRICT,
                    35.93,
                    36.63,
                    pcode="SY0700",
                    parents=(IDLIB_GOV,),
                ),
                Place(
                    "t:sub",
                    "Idlib Subdistrict",
                    "ناحية إدلب",
                    PlaceType.SUBDISTRICT,
                    35.93,
                    36.63,
                    pcode="SY070000",
                    parents=(IDLIB_GOV,),
                    geometry=square(35.93, 36.63, 0.1),
                ),
                Place(
                    "t:saraqib", "Saraqib", "سراقب", PlaceType.TOWN, 35.8647, 36.8006, parents=(IDLIB_GOV,)
                ),
                Place(
                    "t:saraqib2",
                    "Saraqib",
                    "سراقب",
                    PlaceType.VILLAGE,
                    36.5,
                    38.0,
                    parents=(AdminRef(1, "Aleppo Governorate", "محافظة حلب", "SY02"),),
                ),
                Place("t:m4", "M4 highway", "", PlaceType.ROAD, 35.93, 36.63, code="M4"),
                Place("t:tr", "Turkey", "تركيا", PlaceType.COUNTRY, 39.9, 32.8, country="TR", code="TR"),
                Place("t:ankara", "Ankara", "أنقرة", PlaceType.FOREIGN_CITY, 39.93, 32.86, country="TR"),
            ]
        )
    )


def test_is_a_geopy_geocoder(small: SyriaGazetteer) -> None:
    assert isinstance(small, Geocoder)


def test_geocode_arabic_and_latin(small: SyriaGazetteer) -> None:
    loc = small.geocode("إدلب")
    assert isinstance(loc, Location)
    assert loc.raw["id"] == "t:idlib"  # a city outranks the governorate of the same name
    assert loc.address == "Idlib, Idlib Governorate, Syria"
    assert (loc.latitude, loc.longitude) == (35.9306, 36.6339)
    many = small.geocode("Idleb", exactly_one=False)
    assert [m.raw["id"] for m in many] == ["t:idlib"]
    assert [m.raw["id"] for m in small.geocode("idlib", exactly_one=False)] == ["t:idlib", "t:gov"]
    assert small.geocode("Atlantis") is None
    assert small.geocode("Atlantis", exactly_one=False) == []


def test_geocode_strips_arabic_proclitics(small: SyriaGazetteer) -> None:
    assert small.geocode("وبإدلب").raw["id"] == "t:idlib"
    assert small.geocode("لسراقب").raw["id"] == "t:saraqib"
    assert query_keys("وبإدلب") == ["وبادلب", "بادلب", "ادلب"]


def test_geocode_context_and_filters(small: SyriaGazetteer) -> None:
    assert small.geocode("Saraqib").raw["id"] == "t:saraqib"  # town outranks village
    assert small.geocode("Saraqib, Aleppo").raw["id"] == "t:saraqib2"
    assert small.geocode("سراقب، حلب").raw["id"] == "t:saraqib2"
    assert small.geocode("Ankara", country_codes=["SY"]) is None
    assert small.geocode("Ankara").address == "Ankara, Turkey"
    assert len(small.geocode("Saraqib", exactly_one=False, limit=1)) == 1
    with pytest.raises(GeocoderQueryError):
        small.geocode({"city": "Idlib"})  # type: ignore[arg-type]


def test_reverse_names_place_and_parents(small: SyriaGazetteer) -> None:
    loc = small.reverse((35.93, 36.63))
    assert loc.raw["id"] == "t:idlib"
    # District from the nearest seat, sub-district from its polygon.
    assert loc.address == "Idlib, Idlib Subdistrict, Idlib District, Idlib Governorate, Syria"
    assert [p["level"] for p in loc.raw["parents"]] == [1, 2, 3]
    assert 0 < loc.raw["distance_km"] < 1
    assert small.reverse("35.87, 36.80").raw["id"] == "t:saraqib"
    assert small.reverse((20.0, 20.0)) is None
    assert [m.raw["id"] for m in small.reverse((35.93, 36.63), exactly_one=False)] == ["t:idlib", "t:saraqib"]
    with pytest.raises(GeocoderQueryError):
        small.reverse("north of Idlib")


def test_make_geocoder_swaps_services() -> None:
    assert isinstance(make_geocoder("local", gazetteer=Gazetteer([])), SyriaGazetteer)
    online = make_geocoder("nominatim", user_agent="syria-incident-map-tests")
    assert isinstance(online, Nominatim)  # constructed only: no request is made
    with pytest.raises(GeocoderNotFound):
        make_geocoder("no-such-service")


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> SyriaGazetteer:
    path: Path = tmp_path_factory.mktemp("geocoder") / "gazetteer.jsonl.gz"
    return SyriaGazetteer(default_gazetteer(path))


def test_bundled_issue_examples(bundled: SyriaGazetteer) -> None:
    idlib = bundled.geocode("إدلب")
    assert idlib.raw["type"] == "city" and abs(idlib.latitude - 35.93) < 0.02
    assert len(bundled.geocode("Idleb", exactly_one=False)) >= 2
    rev = bundled.reverse((35.93, 36.63))
    assert rev.address.startswith("Idlib, ")
    assert rev.address.endswith("Idlib District, Idlib Governorate, Syria")
    assert bundled.geocode("Beirut").address.endswith("Lebanon")
