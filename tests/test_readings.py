"""Readings that need support, and what supports them (gazetteer.geoparser.readings)."""

from __future__ import annotations

from gazetteer.geoparser.readings import (
    is_capital_like,
    is_weak,
    kind_cued,
    outside_named_areas,
    sure_near_miss,
    sure_variant,
    weak_in_named_area,
)
from gazetteer.geoparser.toponym import Match
from gazetteer.places.place import AdminRef, Place, PlaceType

HAMLET = Place("t:qanawat", "Qanawat", "قنوات", PlaceType.VILLAGE, 32.75, 36.62, population=900)
TOWN = Place("t:saraqib", "Saraqib", "سراقب", PlaceType.TOWN, 35.86, 36.80, population=32_000)
CITY = Place("t:afrin", "Afrin", "عفرين", PlaceType.CITY, 36.51, 36.87, population=36_000)
QUARTER = Place("t:saleheen", "Al Saleheen", "الصالحين", PlaceType.NEIGHBOURHOOD, 36.18, 37.15)
AIN_TARMA = Place("t:ain-tarma", "Ain Tarma", "عين ترما", PlaceType.TOWN, 33.51, 36.35)
CAPITAL = Place(
    "t:ankara", "Ankara", "أنقرة", PlaceType.FOREIGN_CITY, 39.93, 32.86, country="TR", code="PPLC"
)
SMALL_TOWN = Place(
    "t:sur", "Sur", "صور", PlaceType.FOREIGN_CITY, 33.27, 35.20, country="LB", population=60_000
)


def _match(key: str, *places: Place, **given) -> Match:
    return Match(0, len(key), key, key, list(places), 0, 0, len(key.split()), **given)


def test_a_country_or_a_capital_is_capital_like_but_not_by_a_short_alias() -> None:
    assert is_capital_like(CAPITAL, "ankara")
    assert not is_capital_like(CAPITAL, "ank")  # a short alias is too likely a common word
    assert not is_capital_like(SMALL_TOWN, "sur")
    assert not is_capital_like(TOWN)


def test_a_small_place_named_by_one_uncued_word_needs_support() -> None:
    assert is_weak(HAMLET, _match("قنوات", HAMLET))
    assert not is_weak(HAMLET, _match("قنوات", HAMLET, cue="قرية", cue_types=frozenset({PlaceType.VILLAGE})))
    assert not is_weak(TOWN, _match("سراقب", TOWN))  # large enough to stand alone
    assert is_weak(SMALL_TOWN, _match("صور", SMALL_TOWN))  # a foreign town that is no capital


def test_a_city_cue_supports_a_variant_and_a_neighbourhood_cue_only_in_a_text_naming_nothing_else() -> None:
    cued_city = _match("afreen", CITY, cue="city", cue_types=frozenset({PlaceType.CITY}), fuzzy=True)
    assert kind_cued(CITY, cued_city, alone=False)
    cued_quarter = _match(
        "al saleheen", QUARTER, cue="district", cue_types=frozenset({PlaceType.NEIGHBOURHOOD}), fuzzy=True
    )
    assert kind_cued(QUARTER, cued_quarter, alone=True)
    assert not kind_cued(QUARTER, cued_quarter, alone=False)


def test_a_latin_variant_of_a_large_town_named_alone_is_that_town() -> None:
    variant = _match("saraqip", TOWN, fuzzy=True)
    assert sure_variant(TOWN, variant, alone=True)
    assert not sure_variant(TOWN, variant, alone=False)
    assert not sure_variant(HAMLET, _match("qanawad", HAMLET, fuzzy=True), alone=True)  # too small


def test_an_arabic_near_miss_of_a_several_word_settlement_needs_its_cue() -> None:
    cued = _match("عين ترنا", AIN_TARMA, fuzzy=True, cue_types=frozenset({PlaceType.TOWN}))
    assert sure_near_miss(AIN_TARMA, cued, alone=True)
    assert not sure_near_miss(AIN_TARMA, _match("عين ترنا", AIN_TARMA, fuzzy=True), alone=True)
    assert not sure_near_miss(AIN_TARMA, cued, alone=False)


def test_a_small_village_in_a_governorate_the_text_names_as_an_area_is_believed() -> None:
    # "Rebels shelled Qanawat, in the eastern Suwayda countryside": the countryside contains the hamlet.
    suwayda = AdminRef(1, "As-Sweida", "السويداء", "SY14")
    hamlet = Place(
        "t:qanawat2", "Qanawat", "قنوات", PlaceType.VILLAGE, 32.75, 36.62, parents=(suwayda,), population=900
    )
    plain = _match("qanawat", hamlet)
    assert is_weak(hamlet, plain)
    assert weak_in_named_area(hamlet, plain, frozenset({"SY14"}))
    assert not weak_in_named_area(hamlet, plain, frozenset({"SY07"}))  # another governorate's countryside
    assert not weak_in_named_area(hamlet, plain, frozenset())
    assert not weak_in_named_area(hamlet, _match("qanawat", hamlet, needs_support=True), frozenset({"SY14"}))


def test_a_named_countryside_rules_out_homonyms_in_other_governorates() -> None:
    # "Helicopters bombed Tall Dhahab in the northern Homs countryside": Homs's Tall Dhahab, not Hama's.
    homs = AdminRef(1, "Homs", "حمص", "SY04")
    hama = AdminRef(1, "Hama", "حماة", "SY05")
    in_homs = Place("t:td-homs", "Tall Dhahab", "تل ذهب", PlaceType.VILLAGE, 34.9, 36.5, parents=(homs,))
    in_hama = Place("t:td-hama", "Tall Dhahab", "تل ذهب", PlaceType.TOWN, 35.1, 36.6, parents=(hama,))
    unplaced = Place("t:td-x", "Tall Dhahab", "تل ذهب", PlaceType.VILLAGE, 35.0, 36.5)
    readings = [in_homs, in_hama, unplaced]
    assert outside_named_areas(readings, frozenset({"SY04"})) == {in_hama}
    assert outside_named_areas(readings, frozenset({"SY14"})) == set()  # no reading there: nothing ruled out
    assert outside_named_areas(readings, frozenset()) == set()
