"""Tests for gazetteer.places.derive: the bundled derived facts, their names made safe, their freshness."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from gazetteer import GazetteerDataError, Place, PlaceType
from gazetteer.places.build import derived_files, load_derived
from gazetteer.places.derive import (
    compact_geometry,
    cued,
    derive,
    disambiguate,
    lexicon_words,
    write_derived,
)
from gazetteer.places.importers import csvmap
from gazetteer.places.index import name_keys

ALEPPO_CITY = Place("gn:1", "Aleppo", "حلب", PlaceType.CITY, 36.2, 37.16, population=2_000_000)
QUNEITRA = Place("cur:gov-quneitra", "Quneitra Governorate", "القنيطرة", PlaceType.GOVERNORATE, 33.1, 35.8)
GHOUTA = Place("cur:reg-ghouta", "Eastern Ghouta", "الغوطة الشرقية", PlaceType.REGION, 33.55, 36.45)


def _taken(*places: Place) -> dict[str, list[Place]]:
    found: dict[str, list[Place]] = {}
    for place in places:
        for key in name_keys(place):
            found.setdefault(key, []).append(place)
    return found


@pytest.fixture(scope="module")
def words() -> frozenset[str]:
    return lexicon_words()


def test_lexicon_words_hold_whole_phrases_and_their_words(words: frozenset[str]) -> None:
    assert {"تشرين", "تشرين الاول", "sarin", "الشهداء", "شمالي"} <= words
    assert "سراقب" not in words and "saraqib" not in words


def test_lexicon_words_leave_out_the_words_around_a_name_the_gazetteer_lacks(words: frozenset[str]) -> None:
    # "Syriac", a people's adjective before a name, and «قريتا», a plural cue word, make no place's name
    # unsafe: the neighbourhood "Syriac Quarter" keeps its name.  The cue file's other words still count.
    assert "syriac" not in words and "قريتا" not in words and "unknown names" not in words
    assert {"قريه", "village"} <= words  # «قرية», normalised


def test_cued_adds_the_type_word_once() -> None:
    assert cued("الشهداء", PlaceType.NEIGHBOURHOOD) == "حي الشهداء"
    assert cued("حي الشهداء", PlaceType.NEIGHBOURHOOD) == "حي الشهداء"
    assert cued("Sarin", PlaceType.SUBDISTRICT) == "Sarin Subdistrict"
    assert cued("Sarin Subdistrict", PlaceType.SUBDISTRICT) == "Sarin Subdistrict"


def test_neighbourhood_named_by_a_common_word_keeps_only_typed_names(words: frozenset[str]) -> None:
    quarter = Place(
        "ocha:N1", "Tishrine", "تشرين", PlaceType.NEIGHBOURHOOD, 36.17, 37.09, alt_names=("Tishreen",)
    )
    safe = disambiguate(quarter, words=words, taken={})
    assert (safe.name, safe.name_ar, safe.alt_names) == (
        "Tishrine neighbourhood",
        "حي تشرين",
        ("Tishreen neighbourhood",),
    )
    dated = Place("ocha:N2", "16 Tashreen", "16 تشرين", PlaceType.NEIGHBOURHOOD, 36.49, 40.76)
    assert disambiguate(dated, words=words, taken={}).name_ar == "حي 16 تشرين"


def test_neighbourhood_named_like_another_place_keeps_only_typed_names(words: frozenset[str]) -> None:
    quarter = Place("ocha:N0503", "Quneitra", "القنيطرة", PlaceType.NEIGHBOURHOOD, 32.62, 36.12)
    assert disambiguate(quarter, words=words, taken=_taken(QUNEITRA)).name_ar == "حي القنيطرة"
    plain = Place("ocha:N9", "Salihin", "الصالحين الشرقي", PlaceType.NEIGHBOURHOOD, 36.18, 37.15)
    same_spot = Place("gn:2", "Salihin East", "الصالحين الشرقي", PlaceType.VILLAGE, 36.181, 37.151)
    assert disambiguate(plain, words=frozenset(), taken=_taken(same_spot)) == plain


def test_other_types_lose_alternates_naming_another_place_and_type_common_names(
    words: frozenset[str],
) -> None:
    sub = Place(
        "osy:jaramana",
        "Jaramana",
        "جرمانا",
        PlaceType.SUBDISTRICT,
        33.49,
        36.35,
        alt_names=("الغوطة الشرقية", "ناحية جرمانا", "Aleppo"),
    )
    safe = disambiguate(sub, words=words, taken=_taken(GHOUTA, ALEPPO_CITY))
    assert (safe.name, safe.name_ar, safe.alt_names) == ("Jaramana", "جرمانا", ("ناحية جرمانا",))
    sarin = Place("ocha:SY020602", "Sarin", "صرين", PlaceType.SUBDISTRICT, 36.59, 38.3)
    assert disambiguate(sarin, words=words, taken={}).names == ("Sarin Subdistrict", "صرين")


def test_compact_geometry_simplifies_and_rounds() -> None:
    ring = [[36.0 + i / 1000, 35.0 + (i % 2) / 100000] for i in range(100)] + [[37.0, 36.0], [36.0, 35.0]]
    small = compact_geometry({"type": "Polygon", "coordinates": [ring]}, tolerance=0.001, decimals=4)
    assert small["type"] == "Polygon" and len(small["coordinates"][0]) < 10
    assert all(len(str(c).split(".")[-1]) <= 4 for point in small["coordinates"][0] for c in point)


def test_write_derived_is_reproducible_and_loads(tmp_path: Path) -> None:
    places = [QUNEITRA, GHOUTA]
    assert write_derived(tmp_path / "a.jsonl.gz", places) == 2
    write_derived(tmp_path / "b.jsonl.gz", places)
    assert (tmp_path / "a.jsonl.gz").read_bytes() == (tmp_path / "b.jsonl.gz").read_bytes()
    assert [p.to_dict() for p in load_derived([tmp_path / "a.jsonl.gz"])] == [p.to_dict() for p in places]


def test_load_derived_names_the_bad_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(
        gzip.compress(b'{"id": "x", "name": "X", "type": "village", "lat": 1, "lon": 2}\n{"id": 3}\n')
    )
    with pytest.raises(GazetteerDataError, match=r"bad.jsonl.gz:2"):
        load_derived([bad])
    (tmp_path / "plain.jsonl.gz").write_text("not gzip")
    with pytest.raises(GazetteerDataError, match="plain.jsonl.gz"):
        load_derived([tmp_path / "plain.jsonl.gz"])


def test_bundled_derived_facts_name_source_and_licence() -> None:
    assert [f.name for f in derived_files()] == ["ocha.jsonl.gz", "opensyria.jsonl.gz"]
    places = load_derived()
    assert len({p.id for p in places}) == len(places) > 1400
    licences = {p.source: p.licence for p in places}
    assert licences == {
        "OCHA COD-AB Syria (HDX)": "CC BY 3.0 IGO",
        "Open-Syria data-geography": "CC BY 4.0",
        "Open-Syria data-transport": csvmap.PRESETS["opensyria-transport"]["licence"],
    }
    assert not any(p.id.startswith("sa:") or "Syrian Archive" in p.source for p in places)
    subdistricts = [p for p in places if p.type == PlaceType.SUBDISTRICT and p.id.startswith("ocha:")]
    assert len(subdistricts) == 272
    assert all(p.geometry and p.geometry["type"] in ("Polygon", "MultiPolygon") for p in subdistricts)
    assert all(p.parent(2) and p.pcode.startswith(p.parent(2).pcode) for p in subdistricts)
    size = sum(len(f.read_bytes()) for f in derived_files())
    assert size < 1_500_000


@pytest.mark.shared
def test_bundled_files_are_what_the_generator_writes(shared_dir: Path, tmp_path: Path) -> None:
    sources = shared_dir / "gazetteer-sources"
    if not (sources / "ocha-cod-ab-syr").is_dir() or not (sources / "opensyria-geography").is_dir():
        pytest.skip(f"OCHA or Open-Syria sources not found under {sources}")
    counts = derive(sources, tmp_path)
    assert counts["ocha.jsonl.gz"] == 14 + 62 + 272 + 253 + 414
    for file in derived_files():
        fresh = (tmp_path / file.name).read_bytes()
        assert fresh == file.read_bytes(), (
            f"{file.name} is stale: run python -m gazetteer.places.derive {sources}"
        )
    # The sub-district around a district seat is represented by the seat, as curated districts are.
    ocha_places = {p.id: p for p in load_derived([tmp_path / "ocha.jsonl.gz"])}
    seat = next(p for p in ocha_places.values() if p.type == PlaceType.TOWN and p.name == "A'zaz")
    centre = ocha_places["ocha:SY020400"]
    assert (centre.lat, centre.lon) == (seat.lat, seat.lon) and seat.name_ar == "اعزاز"
