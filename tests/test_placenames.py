"""Governorate names in the interface language (webapp/placenames.py)."""

from __future__ import annotations

from webapp_rows import tiny_places

from gazetteer import Gazetteer, Place, PlaceType
from webapp.placenames import governorate_label, governorate_names_ar


def test_governorates_are_named_from_the_admin_parents_of_places(tiny_gazetteer):
    # The tiny gazetteer has no governorate places: the Arabic names come from its places' parents.
    assert governorate_label("Idlib", "ar", gaz=tiny_gazetteer) == "إدلب"
    assert governorate_label("Idlib Governorate", "ar", gaz=tiny_gazetteer) == "إدلب"
    assert governorate_label("lattakia", "ar", gaz=tiny_gazetteer) == "اللاذقية"


def test_a_governorate_place_names_itself_and_unknown_names_stay_as_stored():
    governorate = Place(
        "ocha:SY07",
        "Idlib Governorate",
        "محافظة إدلب",
        PlaceType.GOVERNORATE,
        35.8,
        36.6,
        alt_names=("Idleb",),
    )
    gaz = Gazetteer([*tiny_places(), governorate])
    assert governorate_label("Idlib", "ar", gaz=gaz) == "محافظة إدلب"  # the place wins over a parent
    assert governorate_label("Idleb", "ar", gaz=gaz) == "محافظة إدلب"
    assert governorate_names_ar(gaz) is governorate_names_ar(gaz)  # built once per gazetteer
    assert governorate_label("Idlib Governorate", "en", gaz=gaz) == "Idlib Governorate"
    assert governorate_label("Atlantis", "ar", gaz=gaz) == "Atlantis"
    assert governorate_label("", "ar", gaz=gaz) == governorate_label(None, "ar", gaz=gaz) == ""
