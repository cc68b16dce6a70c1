"""Road mentions: a road the gazetteer has, named by its two ends (`roads`), and one it lacks,
joined from the places it links (`roadjoins`)."""

from __future__ import annotations

import pytest
from geo_toy import toy_gazetteer

from gazetteer import Location, Mention, Place, PlaceType, default_gazetteer
from gazetteer.geoparser.match import find_matches
from gazetteer.geoparser.pipeline import geoparse
from gazetteer.geoparser.roadjoins import join_roads, joined_road
from gazetteer.geoparser.sentences import split_sentences

IDLIB = Place("t:idlib", "Idlib", "إدلب", PlaceType.CITY, 35.93, 36.634)
BINNISH = Place("t:binnish", "Binnish", "بنش", PlaceType.TOWN, 35.957, 36.713)


@pytest.fixture(scope="module")
def gaz():
    return toy_gazetteer()


def _located(text: str, places: dict[str, Place]) -> list[Mention]:
    mentions = []
    for surface, place in places.items():
        start = text.index(surface)
        where = Location(place.lat, place.lon, 1, place=place)
        mentions.append(Mention(surface, start, start + len(surface), 0, place, location=where))
    return sorted(mentions, key=lambda m: m.start)


def test_the_road_word_after_a_road_named_by_its_ends_is_part_of_its_name(gaz) -> None:
    text = "A roadside bomb hit an army bus on the Aleppo–Latakia road near Ariha on Tuesday."
    found = find_matches(text, split_sentences(text), gaz, language="en")
    assert [(m.text, [p.id for p in m.places]) for m in found][0] == ("Aleppo–Latakia road", ["toy:m4"])


@pytest.mark.parametrize(
    "text, surface",
    [
        ("An IED exploded on the Idlib–Binnish road on Sunday, killing a soldier.", "Idlib–Binnish road"),
        ("انفجار عبوة ناسفة على طريق إدلب - بنش صباح اليوم", "طريق إدلب - بنش"),
    ],
)
def test_two_places_joined_into_a_roads_name_are_one_mention_of_the_road_between_them(text, surface) -> None:
    ends = {"Idlib": IDLIB, "Binnish": BINNISH} if "Idlib" in text else {"إدلب": IDLIB, "بنش": BINNISH}
    (road,) = join_roads(text, _located(text, ends))
    assert road.text == surface == text[road.start : road.end]
    assert road.place is None and joined_road(road) and road.location is not None
    assert road.location.geo_precision == 2
    assert (road.location.lat, road.location.lon) == pytest.approx(
        ((IDLIB.lat + BINNISH.lat) / 2, (IDLIB.lon + BINNISH.lon) / 2)
    )
    assert road.location.geometry == {
        "type": "LineString",
        "coordinates": [[IDLIB.lon, IDLIB.lat], [BINNISH.lon, BINNISH.lat]],
    }


def test_a_dash_without_a_road_word_joins_no_road() -> None:
    text = "Shelling hit Idlib - Binnish was spared"
    assert [m.text for m in join_roads(text, _located(text, {"Idlib": IDLIB, "Binnish": BINNISH}))] == [
        "Idlib",
        "Binnish",
    ]


def test_an_incident_on_a_road_the_gazetteer_lacks_is_on_that_road(gaz) -> None:
    text = "A roadside bomb exploded under a military truck on the Idlib–Binnish road on 4 May 2021."
    result = geoparse(text, gazetteer=gaz, language="en")
    assert [m.text for m in result.mentions] == ["Idlib–Binnish road"]
    (incident,) = result.incidents
    assert incident.mention == 0 and incident.location is not None
    assert incident.location.geo_precision == 2 and incident.location.geometry["type"] == "LineString"
    assert result.mentions[0].role == "incident"


def test_the_road_between_two_places_is_one_mention_from_its_road_word_to_the_second_name() -> None:
    text = "Gunmen stopped a minibus on the road between Idlib and Binnish late on Friday."
    (road,) = join_roads(text, _located(text, {"Idlib": IDLIB, "Binnish": BINNISH}))
    assert road.text == "road between Idlib and Binnish" == text[road.start : road.end]
    assert road.place is None and joined_road(road) and road.location is not None
    assert road.location.geo_precision == 2 and road.location.geometry["type"] == "LineString"
    assert (road.location.lat, road.location.lon) == pytest.approx(
        ((IDLIB.lat + BINNISH.lat) / 2, (IDLIB.lon + BINNISH.lon) / 2)
    )


def test_a_known_roads_name_before_the_road_between_two_places_is_part_of_that_one_mention() -> None:
    m4 = Place("t:m4", "M4 highway", "M4", PlaceType.ROAD, 35.82, 36.67)
    text = "A drone hit a lorry on the M4 highway between Idlib and Binnish at dawn."
    (road,) = join_roads(text, _located(text, {"M4": m4, "Idlib": IDLIB, "Binnish": BINNISH}))
    assert road.text == "M4 highway between Idlib and Binnish" == text[road.start : road.end]
    assert (
        road.location is not None and road.location.description == "the M4 highway between Idlib and Binnish"
    )
    assert (road.location.lat, road.location.lon) == pytest.approx(
        ((IDLIB.lat + BINNISH.lat) / 2, (IDLIB.lon + BINNISH.lon) / 2)
    )
    # a road named elsewhere in the sentence stays a mention of its own
    text = "The M4 was closed, and gunmen stopped a lorry on the road between Idlib and Binnish."
    names = [m.text for m in join_roads(text, _located(text, {"M4": m4, "Idlib": IDLIB, "Binnish": BINNISH}))]
    assert names == ["M4", "road between Idlib and Binnish"]


def test_between_without_a_road_word_before_it_joins_no_road() -> None:
    text = "Fighting raged between Idlib and Binnish on Friday."
    assert [m.text for m in join_roads(text, _located(text, {"Idlib": IDLIB, "Binnish": BINNISH}))] == [
        "Idlib",
        "Binnish",
    ]


def test_the_road_between_a_known_place_and_an_unknown_name_lies_at_the_known_end() -> None:
    text = "A farmer was abducted on the road between Binnish and Kafr Zuhayra on Monday."
    (road,) = join_roads(text, _located(text, {"Binnish": BINNISH}))
    assert road.text == "road between Binnish and Kafr Zuhayra" and joined_road(road)
    assert road.location is not None and road.location.geo_precision == 2
    assert (road.location.lat, road.location.lon) == (BINNISH.lat, BINNISH.lon)
    # a lower-case word after "and" names no place: the known name stays alone
    text = "A farmer was abducted on the road between Binnish and the old mill on Monday."
    assert [m.text for m in join_roads(text, _located(text, {"Binnish": BINNISH}))] == ["Binnish"]


def test_an_incident_on_the_road_between_two_places_is_on_it_not_in_the_countryside_named_after(gaz) -> None:
    text = "A roadside bomb hit a bus on the road between Idlib and Binnish in the Idlib countryside."
    result = geoparse(text, gazetteer=gaz, language="en")
    assert result.mentions[0].text == "road between Idlib and Binnish"
    (incident,) = result.incidents
    assert incident.mention == 0 and incident.location is not None
    assert incident.location.description == "the road between Idlib and Binnish"


def test_a_road_named_after_a_town_holds_its_road_word_and_a_roads_own_name_does_not(gaz) -> None:
    text = "Chlorine canisters hit the Al-Bab road in Aleppo city and a patrol on the M4 highway on 2 May."
    mentions = geoparse(text, gazetteer=gaz, language="en").mentions
    assert [m.text for m in mentions] == ["Al-Bab road", "Aleppo", "M4"]
    road = mentions[0]
    assert road.place is None and road.container is not None and road.container.id == "toy:aleppo"


def _texts_ar(text: str) -> list[str]:
    return [m.text for m in find_matches(text, split_sentences(text), default_gazetteer(), language="ar")]


def test_an_arabic_road_cue_is_part_of_the_road_code_it_precedes() -> None:
    # As «الطريق الدولي حلب - اللاذقية» names its road with the cue, so does «الطريق الدولي M4».
    text = "استهدفت قذائف المدفعية الطريق الدولي M4 قرب مدينة أريحا يوم الأحد."
    assert _texts_ar(text)[0] == "الطريق الدولي M4"
    # A code in brackets after a road's name stays a name of its own.
    assert "M4" in _texts_ar("تعرض الطريق الدولي حلب – اللاذقية (M4) قرب مدينة أريحا لقصف مدفعي.")


NAWA = Place("t:nawa", "Nawa", "نوى", PlaceType.CITY, 32.888, 36.043)
JASIM = Place("t:jasim", "Jasim", "جاسم", PlaceType.CITY, 32.992, 36.06)


def test_the_arabic_road_between_two_places_is_one_mention_of_the_road() -> None:
    # «و» is a clitic on the second end; «الواصل» / «الدولي» may stand between the road word and «بين»
    for road_words in ("الطريق بين", "الطريق الواصل بين", "الطريق الدولي الرابط بين"):
        text = f"أصيب سائق برصاص مجهولين على {road_words} نوى وجاسم مساء الأحد."
        (road,) = join_roads(text, _located(text, {"نوى": NAWA, "جاسم": JASIM}))
        assert road.text == f"{road_words} نوى وجاسم" and joined_road(road)
        assert road.location is not None and road.location.geo_precision == 2
        assert (road.location.lat, road.location.lon) == pytest.approx(
            ((NAWA.lat + JASIM.lat) / 2, (NAWA.lon + JASIM.lon) / 2)
        )


def test_the_arabic_road_between_a_known_place_and_a_name_it_lacks_lies_at_the_known_end() -> None:
    text = "انفجرت عبوة على الطريق الواصل بين نوى وعين ذكر في ريف درعا."
    (road,) = join_roads(text, _located(text, {"نوى": NAWA}))
    assert (
        road.text == "الطريق الواصل بين نوى وعين ذكر"
    )  # «عين» is a name's head: the next word is the name's
    assert road.location is not None and (road.location.lat, road.location.lon) == (NAWA.lat, NAWA.lon)
    assert road.location.description == "the road between نوى and عين ذكر"
    text = "انفجرت عبوة على الطريق الواصل بين نوى وسملين في ريف درعا."
    assert join_roads(text, _located(text, {"نوى": NAWA}))[0].text == "الطريق الواصل بين نوى وسملين"


def test_arabic_between_without_a_road_word_before_it_joins_no_road() -> None:
    text = "اندلعت اشتباكات بين نوى وجاسم يوم الأحد."
    assert [m.text for m in join_roads(text, _located(text, {"نوى": NAWA, "جاسم": JASIM}))] == ["نوى", "جاسم"]


def test_an_arabic_road_word_before_a_known_road_named_by_its_ends_is_part_of_its_name() -> None:
    # As «طريق إدلب - بنش» (a road the gazetteer lacks) holds its road word, so does a road it has;
    # a proclitic on the road word stays outside.
    assert _texts_ar("سقطت قذائف على طريق حماة - حمص صباح اليوم")[0] == "طريق حماة - حمص"
    assert _texts_ar("استهداف سيارة بطريق حماة - حمص")[0] == "طريق حماة - حمص"
