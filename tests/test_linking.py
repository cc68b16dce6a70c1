"""Where a sentence's event happens: the token a place mention sits in, the words that announce a place."""

from __future__ import annotations

import re

import pytest

from gazetteer import Location, Mention, Place, PlaceType, default_gazetteer, geoparse
from gazetteer.events.classify import classify
from gazetteer.events.linking import names_a_place, place_candidates, token_at
from gazetteer.events.targets import incident_targets
from gazetteer.places.normalize import tokenize
from gazetteer.places.place import AdminRef


def test_token_at_is_the_token_holding_an_offset_or_the_next_one():
    tokens = tokenize("قصف «سراقب» اليوم")  # قصف 0-3, سراقب 5-10, اليوم 12-17
    assert [token_at(tokens, k) for k in (0, 2, 3, 4, 5, 9, 10, 11, 16)] == [0, 0, 1, 1, 1, 1, 2, 2, 2]
    assert token_at(tokens, 17) is None
    assert token_at([], 0) is None


def test_a_place_noun_announces_a_place_resolved_or_not() -> None:
    assert names_a_place(tokenize("سقطت قذائف على حي الميدان"))
    assert names_a_place(tokenize("shells fell on a district of the city"))
    assert not names_a_place(tokenize("سقطت قذائف صباح اليوم"))


# ---------------------------------------------------------------- a place named with its container

DARAA_GOV = Place(
    "t:daraa-gov", "Daraa Governorate", "محافظة درعا", PlaceType.GOVERNORATE, 32.7, 36.1, pcode="SY12"
)
IN_DARAA = (AdminRef(1, "Daraa Governorate", "محافظة درعا", "SY12"),)
NAWA = Place("t:nawa", "Nawa", "نوى", PlaceType.CITY, 32.886, 36.039, parents=IN_DARAA)
IDLIB = Place("t:idlib", "Idlib", "إدلب", PlaceType.CITY, 35.93, 36.634)
ARIHA = Place("t:ariha", "Ariha", "أريحا", PlaceType.TOWN, 35.814, 36.61)
BINNISH = Place("t:binnish", "Binnish", "بنش", PlaceType.TOWN, 35.957, 36.713)


def _targets(text: str, places: dict[str, Place], unknown: tuple[str, ...] = ()) -> list[str]:
    """The mentions (as ``surface@offset``) the event of a one-sentence ``text`` is placed at.

    Every occurrence of each surface in ``places`` is a resolved mention; each of ``unknown`` is
    a name the gazetteer lacks, located at the last place of ``places`` (its container).
    """
    tokens = tokenize(text)
    mentions = []
    for surface, place in places.items():
        for m in re.finditer(re.escape(surface), text):
            geo = 3 if place.type is PlaceType.GOVERNORATE else 1
            loc = Location(place.lat, place.lon, geo, place=place)
            mentions.append(Mention(surface, m.start(), m.end(), 0, place, location=loc))
    container = list(places.values())[-1]
    for surface in unknown:
        start = text.index(surface)
        loc = Location(container.lat, container.lon, 3, place=container)
        mentions.append(
            Mention(surface, start, start + len(surface), 0, None, location=loc, container=container)
        )
    mentions.sort(key=lambda m: m.start)
    event = classify(tokens)
    assert event is not None
    candidates = place_candidates(text, tokens, mentions, range(len(mentions)), event)
    return [
        f"{mentions[c.index].text}@{mentions[c.index].start}"
        for c in incident_targets(text, mentions, candidates)
    ]


def _best_place(text: str, places: dict[str, Place]) -> Place:
    """The place the event of a one-sentence ``text`` is linked to first."""
    surface = _targets(text, places)[0].split("@")[0]
    return places[surface]


def test_a_place_beats_the_container_named_right_after_it() -> None:
    # The container takes the preposition ("in", «بريف»), the place inside it is where it happened.
    places = {"Binnish": BINNISH, "Idlib": IDLIB}
    assert _best_place("An airstrike hit the main market of Binnish in northern Idlib.", places) is BINNISH
    assert _best_place("قصف مدفعي على مدينة نوى بريف درعا الغربي", {"نوى": NAWA, "درعا": DARAA_GOV}) is NAWA


def test_a_caption_header_names_the_area_before_the_place() -> None:
    assert _best_place("إدلب - مدينة بنش: غارات جوية على المدينة", {"إدلب": IDLIB, "بنش": BINNISH}) is BINNISH
    assert _best_place("درعا | نوى: قصف مدفعي على الأحياء", {"درعا": DARAA_GOV, "نوى": NAWA}) is NAWA


def test_a_place_far_from_the_named_area_does_not_take_its_link() -> None:
    # Ariha does not lie in Nawa: the place tied to the event by "in" stays the incident place.
    assert _best_place("Shells fell on the market of Ariha in Nawa.", {"Ariha": ARIHA, "Nawa": NAWA}) is NAWA
    # a dash between two places inside a sentence is not a caption header
    places = {"Idlib": IDLIB, "Binnish": BINNISH}
    assert _best_place("Shells fell on a checkpoint in Idlib - Binnish stayed calm", places) is IDLIB


def test_a_list_sharing_its_container_keeps_the_first_place_tied() -> None:
    # "X and Y in Idlib": the container is the list's, not the last name's alone.
    places = {"Ariha": ARIHA, "Binnish": BINNISH, "Idlib": IDLIB}
    assert _best_place("Airstrikes hit Ariha and Binnish in Idlib.", places) is not BINNISH
    assert _best_place("Airstrikes hit Binnish in Idlib.", {"Binnish": BINNISH, "Idlib": IDLIB}) is BINNISH


# ---------------------------------------------------------------- places joined by "and"


def test_places_joined_to_any_mention_of_the_best_one_are_targets_too() -> None:
    # "in Binnish" ties the later mention; "Ariha and ... Binnish" joins Ariha to the place.
    text = "Warplanes struck Ariha and the nearby town of Binnish, killing six in Ariha and two in Binnish."
    targets = _targets(text, {"Ariha": ARIHA, "Binnish": BINNISH})
    assert sorted(t.split("@")[0] for t in targets) == ["Ariha", "Binnish"]
    assert _targets(
        "Warplanes struck Ariha, killing two. Binnish was calm", {"Ariha": ARIHA, "Binnish": BINNISH}
    ) == ["Ariha@17"]


def test_names_the_gazetteer_lacks_are_targets_of_their_own_at_a_shared_container() -> None:
    text = "Fighters captured the villages of Lahaya and al-Zakat in northern Idlib."
    assert _targets(text, {"Idlib": IDLIB}, unknown=("Lahaya", "al-Zakat")) == ["Lahaya@34", "al-Zakat@45"]


def test_near_is_a_preposition_even_where_it_may_be_skipped() -> None:
    # "near" may stand between a preposition and a name ("in near ..."), and ties a place itself.
    places = {"Binnish": BINNISH, "Nawa": NAWA}
    text = "A woman from the village of Binnish was assaulted at a checkpoint near Nawa."
    assert _best_place(text, places) is NAWA


def test_what_a_capture_takes_is_its_verbs_object() -> None:
    # "cut the X road, the supply line into Y": the road is the ground taken; Y only where it leads.
    road = Place("t:road", "Binnish road", "طريق بنش", PlaceType.ROAD, 35.94, 36.67)
    text = "Rebel fighters cut the Binnish road, the only supply line into Ariha, on Monday."
    assert _best_place(text, {"Binnish road": road, "Ariha": ARIHA}) is road


def test_a_place_in_a_subordinate_phrase_after_the_event_is_not_where_it_happened() -> None:
    # "demanding news of relatives missing in the fighting in Idlib": Idlib is where the fighting was.
    text = (
        "Dozens of residents of Binnish protested outside the hospital, demanding news of relatives in Idlib."
    )
    assert _best_place(text, {"Binnish": BINNISH, "Idlib": IDLIB}) is BINNISH
    protest = "تظاهر العشرات من أهالي بنش للمطالبة بالإفراج عن معتقلين في إدلب"
    assert _best_place(protest, {"بنش": BINNISH, "إدلب": IDLIB}) is BINNISH
    # «تضامناً مع X»: the town the protest stands with is its cause, not where it is held.
    solidarity = "خرجت مظاهرة في بنش تضامناً مع أهالي إدلب"
    assert _best_place(solidarity, {"بنش": BINNISH, "إدلب": IDLIB}) is BINNISH
    # Without the subordinate phrase the place after "in" stays where it happened.
    assert (
        _best_place("Residents of Binnish protested in Idlib.", {"Binnish": BINNISH, "Idlib": IDLIB}) is IDLIB
    )


@pytest.mark.parametrize(
    "text",
    [
        "Helicopters dropped barrel bombs on the village of Kafr Sajna in Jabal al-Zawiya on 3 May, killing "
        "three; the village lies south of Kafranbel in Idlib's south.",
        "Helicopters dropped barrel bombs on the village of Kafr Sajna in Jabal al-Zawiya on 3 May, killing "
        "three; it is located south of Kafranbel in Idlib's south.",
    ],
)
def test_a_place_that_only_says_where_another_lies_is_not_where_the_event_happened(text: str) -> None:
    (incident,) = geoparse(text, gazetteer=default_gazetteer(), language="en").incidents
    assert incident.location.description == "in Jabal al-Zawiya"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # «إلى» ties the place forces enter to the event, over the countryside named after an adjective.
        ("لحظة دخول فصائل المعارضة إلى مدينة القريتين الأثرية بريف حمص الشرقي", "القريتين"),
        # «بادية» between the preposition and the name: the town's desert, not the caption's area.
        ("حمص | انفجار لغم أرضي بسيارة في بادية القريتين ومقتل سائقها", "القريتين"),
        # «مدخل» between the preposition and the name: the way into the town is at the town.
        ("انفجر لغم بسيارة عند مدخل قرية اشتبرق في ريف جسر الشغور", "اشتبرق"),
    ],
)
def test_an_arabic_place_tied_through_ila_badia_or_an_entrance_is_the_incidents(
    text: str, place: str
) -> None:
    result = geoparse(text, gazetteer=default_gazetteer(), language="ar")
    assert [result.mentions[i.mention].text for i in result.incidents] == [place]


def test_of_two_places_tied_alike_the_one_introduced_as_a_town_is_where_it_happened() -> None:
    text = (
        "Angry mourners of a conscript killed in Idlib stormed the town hall in the town of Safita on Friday."
    )
    result = geoparse(text, gazetteer=default_gazetteer(), language="en")
    (incident,) = result.incidents
    assert incident.location is not None and incident.location.place is not None
    assert incident.location.place.name == "Safita"


def test_the_object_of_the_events_own_verb_beats_a_town_named_in_a_later_clause() -> None:
    # Nawa is the artillery's object; Binnish, a town named after a comma, is where troops gathered.
    places = {"Nawa": NAWA, "Binnish": BINNISH}
    text = "Army artillery shelled Nawa on Monday, as troops gathered near the town of Binnish."
    assert _best_place(text, places) is NAWA
    # The object of a verb in a later clause gets no such weight: the event's place stays Nawa.
    text = "Suicide bombers struck a market in Nawa on Monday, in attacks that also hit Idlib."
    assert _best_place(text, {"Nawa": NAWA, "Idlib": IDLIB}) is NAWA
