"""How two place mentions stand to each other: held by, coordinated with, listed after (placerelations)."""

from __future__ import annotations

from gazetteer import AdminRef, Location, Mention, Place, PlaceType
from gazetteer.events.placerelations import contains, coordinated, header_countryside, listed

IDLIB_GOV = Place("t:idlib-gov", "Idlib Governorate", "محافظة إدلب", PlaceType.GOVERNORATE, 35.8, 36.6)
ARIHA = Place("t:ariha", "Ariha", "أريحا", PlaceType.TOWN, 35.814, 36.61)
BINNISH = Place("t:binnish", "Binnish", "بنش", PlaceType.TOWN, 35.957, 36.713)


def _mention(text: str, surface: str, place: Place) -> Mention:
    start = text.index(surface)
    where = Location(place.lat, place.lon, 1, place=place)
    return Mention(surface, start, start + len(surface), 0, place, location=where)


def test_and_or_wa_joins_the_second_place_to_the_first() -> None:
    text = "غارات على أريحا وبنش"
    assert coordinated(text, _mention(text, "أريحا", ARIHA), _mention(text, "بنش", BINNISH))
    text = "Warplanes struck Ariha and the town of Binnish."
    assert coordinated(text, _mention(text, "Ariha", ARIHA), _mention(text, "Binnish", BINNISH))
    text = "Warplanes struck Ariha near Binnish."
    assert not coordinated(text, _mention(text, "Ariha", ARIHA), _mention(text, "Binnish", BINNISH))


def test_a_comma_lists_a_further_place_but_not_the_area_that_holds_the_first() -> None:
    text = "Warplanes struck Ariha, Binnish and Saraqib."
    assert listed(text, _mention(text, "Ariha", ARIHA), _mention(text, "Binnish", BINNISH))
    text = "Warplanes struck Ariha, Idlib Governorate."
    ariha, idlib = _mention(text, "Ariha", ARIHA), _mention(text, "Idlib Governorate", IDLIB_GOV)
    assert contains(idlib, ariha) and not contains(ariha, idlib)
    assert not listed(text, ariha, idlib)


def test_a_captions_header_names_its_place_after_the_countryside_that_holds_it() -> None:
    gov = AdminRef(1, "Idlib Governorate", "محافظة إدلب", "SY07")
    idlib = Place("t:idlib", "Idlib", "إدلب", PlaceType.CITY, 35.93, 36.63, parents=(gov,))
    # a mountain 40 km off: in the countryside of the governorate's capital by its admin parent
    zawiya = Place("t:zawiya", "Jabal al-Zawiya", "جبل الزاوية", PlaceType.REGION, 35.6, 36.5, parents=(gov,))
    text = "ريف إدلب الجنوبي | جبل الزاوية :: قصف مدفعي على القرى 2-3-2016"
    area, place = _mention(text, "إدلب", idlib), _mention(text, "جبل الزاوية", zawiya)
    assert header_countryside(text, area, place)
    assert not header_countryside(text, place, area)
    # not opened by «ريف», or another word between the area and the bar: no such header
    text = "قصف على إدلب الجنوبي | جبل الزاوية :: 2-3-2016"
    assert not header_countryside(text, _mention(text, "إدلب", idlib), _mention(text, "جبل الزاوية", zawiya))
    text = "ريف إدلب اليوم | جبل الزاوية :: 2-3-2016"
    assert not header_countryside(text, _mention(text, "إدلب", idlib), _mention(text, "جبل الزاوية", zawiya))
