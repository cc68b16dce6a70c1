"""Tests for gazetteer.places.names: typed names and the alternate names kept."""

from __future__ import annotations

from gazetteer.places.names import split_names


def test_split_names_keeps_latin_and_arabic_only() -> None:
    name_ar, alts = split_names("Idlib", ["Idleb", "Идлиб", "إدلب", "Idleb", "ادلب", "yi de li bo", "Ἴδλιβ"])
    assert name_ar == "إدلب"
    assert alts == ("Idleb", "ادلب")
