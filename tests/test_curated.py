"""The curated gazetteer files: schema checks, verification against real sources, and their loading.

The schema tests need nothing but the package.  The verification tests read
the third-party data in ``../shared/gazetteer-sources`` at run time (never
copied into the project) and skip with a clear message when it is absent.
They match every curated entry to source records by normalised name (and,
for admin areas, by OCHA P-code), measure the distance to the nearest
matching source point, and write a summary to ``test-artefacts/curated-check.txt``.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from gazetteer import GazetteerDataError
from gazetteer.places.curated import load_curated
from gazetteer.places.index import distance_km
from gazetteer.places.normalize import is_arabic, normalize_name
from gazetteer.places.place import PlaceType

CURATED_FILES = (
    "admin.yaml",
    "roads.yaml",
    "landmarks.yaml",
    "regions.yaml",
    "villages.yaml",
    "neighbourhoods.yaml",
)
REQUIRED_KEYS = ("id", "type", "name", "name_ar", "lat", "lon", "source")
ALLOWED_KEYS = frozenset(
    REQUIRED_KEYS + ("alt_names", "line", "code", "pcode", "governorate", "district", "population", "country")
)
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: Syria's bounding box (lat, lon), generous by a few kilometres.
SYRIA_LAT = (32.3, 37.4)
SYRIA_LON = (35.6, 42.4)

ROOT = Path(__file__).resolve().parents[1]
SOURCES_DIR = ROOT.parent / "shared" / "gazetteer-sources"
ARTEFACTS = ROOT / "test-artefacts"


def _load_curated() -> list[dict[str, Any]]:
    folder = resources.files("gazetteer") / "data" / "curated"
    entries: list[dict[str, Any]] = []
    for filename in CURATED_FILES:
        data = yaml.safe_load((folder / filename).read_text(encoding="utf-8"))
        assert isinstance(data, list), f"{filename} must be a YAML list of entries"
        for entry in data:
            entry["_file"] = filename
        entries.extend(data)
    return entries


@pytest.fixture(scope="module")
def curated() -> list[dict[str, Any]]:
    return _load_curated()


def _names(entry: dict[str, Any]) -> list[str]:
    return [entry["name"], entry["name_ar"], *entry.get("alt_names", [])]


def _keys(names: Iterable[str]) -> set[str]:
    """Normalised keys of ``names``, Arabic ones also without the article «ال»."""
    keys = set()
    for name in names:
        key = normalize_name(name)
        if not key:
            continue
        keys.add(key)
        if key.startswith("ال") and len(key) > 4:
            keys.add(key[2:])
    return keys


def _in_syria(lat: float, lon: float) -> bool:
    return SYRIA_LAT[0] <= lat <= SYRIA_LAT[1] and SYRIA_LON[0] <= lon <= SYRIA_LON[1]


# --- schema ------------------------------------------------------------------


def test_every_file_loads_and_is_non_empty(curated: list[dict[str, Any]]) -> None:
    files = {e["_file"] for e in curated}
    assert files == set(CURATED_FILES)


def test_required_keys_and_no_unknown_keys(curated: list[dict[str, Any]]) -> None:
    problems = []
    for e in curated:
        missing = [k for k in REQUIRED_KEYS if e.get(k) in (None, "")]
        unknown = set(e) - ALLOWED_KEYS - {"_file"}
        if missing or unknown:
            problems.append((e.get("id"), missing, sorted(unknown)))
    assert problems == []


def test_ids_are_unique_slugs(curated: list[dict[str, Any]]) -> None:
    ids = [e["id"] for e in curated]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert [i for i in ids if not SLUG_RE.fullmatch(i)] == []


def test_types_are_place_types(curated: list[dict[str, Any]]) -> None:
    valid = {t.value for t in PlaceType}
    assert [(e["id"], e["type"]) for e in curated if e["type"] not in valid] == []


def test_names_are_in_the_right_script(curated: list[dict[str, Any]]) -> None:
    assert [e["id"] for e in curated if not is_arabic(e["name_ar"])] == []
    assert [e["id"] for e in curated if is_arabic(e["name"])] == []
    assert [e["id"] for e in curated if not all(isinstance(n, str) and n.strip() for n in _names(e))] == []


#: Words so common in Arabic news prose (a verb, a number, "the present", a month) that the
#: article's own city would corroborate them as places; a place so named must carry its
#: type word («حي التضامن») instead.
VERY_COMMON_WORDS = (
    "دمر",
    "الحاضر",
    "الأربعين",
    "التضامن",
    "المعادي",
    "تشرين",
    "بعيدين",
    "القدم",
    "المهاجرين",
)


def test_no_bare_name_is_a_very_common_word(curated: list[dict[str, Any]]) -> None:
    common = {normalize_name(w) for w in VERY_COMMON_WORDS}
    bare = [(e["id"], n) for e in curated for n in _names(e) if normalize_name(n) in common]
    assert bare == []


def test_syrian_points_inside_syria(curated: list[dict[str, Any]]) -> None:
    outside = [
        (e["id"], e["lat"], e["lon"])
        for e in curated
        if e.get("country", "SY") == "SY" and not _in_syria(float(e["lat"]), float(e["lon"]))
    ]
    assert outside == []


def test_roads_have_lines_inside_syria(curated: list[dict[str, Any]]) -> None:
    roads = [e for e in curated if e["type"] == PlaceType.ROAD.value]
    assert roads, "roads.yaml has no roads"
    for road in roads:
        line = road.get("line")
        assert line and len(line) >= 2, f"{road['id']}: a road needs at least two line vertices"
        assert all(len(v) == 2 and _in_syria(float(v[0]), float(v[1])) for v in line), road["id"]
        # The representative point lies on or near the road, not somewhere else.
        near = min(distance_km(road["lat"], road["lon"], v[0], v[1]) for v in line)
        assert near < 60, f"{road['id']}: representative point {near:.0f} km from its line"
    assert {"M4", "M5"} <= {r.get("code") for r in roads}


def test_only_roads_have_lines(curated: list[dict[str, Any]]) -> None:
    assert [e["id"] for e in curated if "line" in e and e["type"] != PlaceType.ROAD.value] == []


def test_admin_areas_complete_with_unique_pcodes(curated: list[dict[str, Any]]) -> None:
    govs = [e for e in curated if e["type"] == PlaceType.GOVERNORATE.value]
    dists = [e for e in curated if e["type"] == PlaceType.DISTRICT.value]
    assert len(govs) == 14 and len(dists) == 62
    assert sorted(e["pcode"] for e in govs) == [f"SY{i:02d}" for i in range(1, 15)]
    dist_codes = [e["pcode"] for e in dists]
    assert len(set(dist_codes)) == 62
    # A district's P-code extends its governorate's, and its governorate field names that governorate.
    gov_by_code = {e["pcode"]: _keys(_names(e)) for e in govs}
    for d in dists:
        assert len(d["pcode"]) == 6 and d["pcode"][:4] in gov_by_code, d["id"]
        assert normalize_name(d["governorate"]) in gov_by_code[d["pcode"][:4]], d["id"]


def test_governorate_fields_name_a_curated_governorate(curated: list[dict[str, Any]]) -> None:
    gov_keys = set().union(*(_keys(_names(e)) for e in curated if e["type"] == PlaceType.GOVERNORATE.value))
    unknown = [
        (e["id"], e["governorate"])
        for e in curated
        if e.get("governorate") and normalize_name(e["governorate"]) not in gov_keys
    ]
    assert unknown == []


# --- verification against ../shared/gazetteer-sources ---------------------------


@dataclass(frozen=True)
class SourceRecord:
    """One named point from a third-party source."""

    keys: frozenset[str]
    lat: float
    lon: float
    governorate: str  # a raw governorate label, canonicalised at match time
    source: str


@pytest.fixture(scope="module")
def sources_dir() -> Path:
    if not SOURCES_DIR.is_dir():
        pytest.skip(f"../shared not found: {SOURCES_DIR} is absent, curated verification skipped")
    return SOURCES_DIR


def _csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        yield from csv.DictReader(handle)


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _read_sources(folder: Path) -> list[SourceRecord]:
    records: list[SourceRecord] = []

    def add(names: Iterable[str], lat: Any, lon: Any, gov: str, source: str) -> None:
        flat, flon = _float(lat), _float(lon)
        keys = _keys(n for n in names if n)
        if keys and flat is not None and flon is not None:
            records.append(SourceRecord(frozenset(keys), flat, flon, gov or "", source))

    for row in _csv(folder / "syrian-archive-locations" / "syrian_archive_locations.csv"):
        add((row["name_en"], row["name_ar"]), row["lat"], row["lon"], row["region_en"], "syrian-archive")
    ocha = folder / "ocha-cod-ab-syr"
    for row in _csv(ocha / "syr_adminpoints_attributes.csv"):
        add((row["name"], row["name1"]), row["lat"], row["lon"], row["adm1_name"], "ocha-adminpoints")
    for row in _csv(ocha / "syr_admincapitals_attributes.csv"):
        add((row["name"],), row["lat"], row["lon"], row["adm1_name"], "ocha-admincapitals")
    for row in _csv(ocha / "syr_neighborhoods_attributes.csv"):
        names = (row["neighborho"], row["neighbor_1"])
        add(names, row["centroid_lat"], row["centroid_lon"], row["adm1_en"], "ocha-neighbourhoods")
    for row in _csv(folder / "opensyria-geography" / "admin_units_flat.csv"):
        names = [row["name_en"], row["name_ar"], *row["aliases_en"].split("|"), *row["aliases_ar"].split("|")]
        add(names, row["lat"], row["lon"], row["governorate_id"] or row["id"], "opensyria-admin")
    transport = json.loads((folder / "opensyria-transport" / "locations.json").read_text(encoding="utf-8"))
    for loc in transport:
        names = [*loc.get("name", {}).values(), *(a.get("value", "") for a in loc.get("aliases", []))]
        coords = loc.get("coordinates") or {}
        gov = (loc.get("administrativeLocation") or {}).get("governorateId", "")
        add(names, coords.get("latitude"), coords.get("longitude"), gov, "opensyria-transport")
    return records


@pytest.fixture(scope="module")
def source_records(sources_dir: Path) -> list[SourceRecord]:
    return _read_sources(sources_dir)


def _governorate_resolver(curated: list[dict[str, Any]]) -> Callable[[str], str]:
    """Map a raw governorate label (any source's spelling) to a curated governorate id, or ''."""
    table: dict[str, str] = {}
    for e in curated:
        if e["type"] == PlaceType.GOVERNORATE.value:
            for key in _keys(_names(e)):
                table[key] = e["id"]

    def resolve(label: str) -> str:
        label = label.removeprefix("sy-").replace("-", " ")
        return table.get(normalize_name(label), "")

    return resolve


#: Sources often file Rif Dimashq places under "Damascus"; treat the pair as one for matching.
_DAMASCUS_PAIR = frozenset({"gov-damascus", "gov-rif-dimashq"})


def _same_governorate(a: str, b: str) -> bool:
    return a == b or {a, b} <= _DAMASCUS_PAIR


@dataclass(frozen=True)
class MatchResult:
    entry_id: str
    distance_km: float
    source: str
    same_governorate: bool


def _match_all(curated: list[dict[str, Any]], records: list[SourceRecord]) -> list[MatchResult]:
    """Nearest name-matching source point per curated entry, preferring the same governorate."""
    gov_of = _governorate_resolver(curated)
    by_key: dict[str, list[SourceRecord]] = {}
    for rec in records:
        for key in rec.keys:
            by_key.setdefault(key, []).append(rec)
    results = []
    for e in curated:
        # Roads and regions have no single true point (sources give centroids of other extents).
        if e["type"] in (PlaceType.ROAD.value, PlaceType.REGION.value) or e.get("country", "SY") != "SY":
            continue
        candidates = {id(r): r for key in _keys(_names(e)) for r in by_key.get(key, [])}.values()
        if not candidates:
            continue
        own_gov = (
            gov_of(e["governorate"])
            if e.get("governorate")
            else (e["id"] if e["type"] == PlaceType.GOVERNORATE.value else "")
        )
        same = [r for r in candidates if own_gov and _same_governorate(gov_of(r.governorate), own_gov)]
        # A record placed in another governorate is a namesake, not this place.
        unplaced = [r for r in candidates if not own_gov or not gov_of(r.governorate)]
        pool = same or unplaced
        if not pool:
            continue
        best = min(pool, key=lambda r: distance_km(e["lat"], e["lon"], r.lat, r.lon))
        dist = distance_km(e["lat"], e["lon"], best.lat, best.lon)
        results.append(MatchResult(e["id"], dist, best.source, bool(same)))
    return results


#: Sources whose records are label points or centroids of admin areas, not the place itself.
AREA_SOURCES = frozenset({"ocha-adminpoints", "opensyria-admin"})


def _summary(label: str, results: list[MatchResult]) -> str:
    within2 = sum(r.distance_km <= 2 for r in results)
    within5 = sum(r.distance_km <= 5 for r in results)
    return f"{label}: {len(results)} matched, {within2} within 2 km, {within5} within 5 km"


@pytest.mark.shared
def test_curated_points_near_sources(
    curated: list[dict[str, Any]], source_records: list[SourceRecord]
) -> None:
    results = _match_all(curated, source_records)
    summary = _summary("curated vs sources", results)
    # Area centroids sit kilometres from the town that names the area, so also report point sources alone.
    point_results = _match_all(curated, [r for r in source_records if r.source not in AREA_SOURCES])
    point_summary = _summary("curated vs point sources only", point_results)
    lines = [summary, point_summary, f"curated entries: {len(curated)}", ""]
    lines.append("farther than 2 km (id, km, nearest source):")
    lines += [
        f"  {r.entry_id}\t{r.distance_km:.1f}\t{r.source}{'' if r.same_governorate else ' (no governorate)'}"
        for r in sorted(results, key=lambda r: -r.distance_km)
        if r.distance_km > 2
    ]
    ARTEFACTS.mkdir(exist_ok=True)
    (ARTEFACTS / "curated-check.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(summary)
    print(point_summary)
    assert len(results) >= 100, summary
    assert sum(r.distance_km <= 5 for r in results) >= 0.9 * len(results), summary
    assert sum(r.distance_km <= 5 for r in point_results) >= 0.9 * len(point_results), point_summary


@pytest.fixture(scope="module")
def ocha_admin(sources_dir: Path) -> dict[str, dict[str, Any]]:
    """OCHA admin1 and admin2 features by P-code."""
    features: dict[str, dict[str, Any]] = {}
    for level in (1, 2):
        path = sources_dir / "ocha-cod-ab-syr" / f"syr_admin{level}.geojson"
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            props = feature["properties"]
            features[props[f"adm{level}_pcode"]] = {
                "names": (props[f"adm{level}_name"], props[f"adm{level}_name1"]),
                "geometry": feature["geometry"],
            }
    return features


def _admin_entries(curated: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in curated if e["type"] in (PlaceType.GOVERNORATE.value, PlaceType.DISTRICT.value)]


@pytest.mark.shared
def test_admin_pcodes_exist_in_ocha_with_matching_names(
    curated: list[dict[str, Any]], ocha_admin: dict[str, dict[str, Any]]
) -> None:
    problems = []
    for e in _admin_entries(curated):
        feature = ocha_admin.get(e["pcode"])
        if feature is None:
            problems.append((e["id"], e["pcode"], "no such OCHA P-code"))
            continue
        ours = _keys(_names(e))
        en, ar = (_keys([n]) for n in feature["names"])
        if not (en & ours):
            problems.append((e["id"], e["pcode"], "English name differs from OCHA's"))
        if not (ar & ours):
            problems.append((e["id"], e["pcode"], "Arabic name differs from OCHA's"))
    assert problems == []


@pytest.mark.shared
def test_admin_points_inside_ocha_polygons(
    curated: list[dict[str, Any]], ocha_admin: dict[str, dict[str, Any]]
) -> None:
    from shapely.geometry import Point, shape

    outside = []
    for e in _admin_entries(curated):
        feature = ocha_admin.get(e["pcode"])
        if feature is None:
            continue  # reported by the P-code test
        if not shape(feature["geometry"]).contains(Point(e["lon"], e["lat"])):
            outside.append((e["id"], e["pcode"]))
    assert outside == []


# -- loading: gazetteer.places.curated -------------------------------------------------------------

FIXTURE = Path(__file__).parent / "data" / "curated_fixture.yaml"


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
