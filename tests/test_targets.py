"""Targets: which of a sentence's scored place candidates its incidents go to."""

from __future__ import annotations

import re

from gazetteer import Location, Mention, Place, PlaceType, geoparse
from gazetteer.events.linking import Candidate
from gazetteer.events.targets import MAX_LISTED_EVENTS, incident_targets
from gazetteer.places.bundled import default_gazetteer

ARIHA = Place("t:ariha", "Ariha", "أريحا", PlaceType.TOWN, 35.814, 36.61)
BINNISH = Place("t:binnish", "Binnish", "بنش", PlaceType.TOWN, 35.957, 36.713)
SARAQIB = Place("t:saraqib", "Saraqib", "سراقب", PlaceType.CITY, 35.864, 36.806)


def _chosen(text: str, scores: dict[str, list[float]], stated_events: int = 1) -> list[str]:
    """The targets (as ``surface@offset``) among the mentions of ``text``, each occurrence of a
    surface scored in turn by ``scores[surface]``."""
    places = {"Ariha": ARIHA, "Binnish": BINNISH, "Saraqib": SARAQIB}
    places.update({p.name_ar: p for p in list(places.values())})
    mentions: list[Mention] = []
    for surface in scores:
        place = places[surface]
        for m in re.finditer(surface, text):
            loc = Location(place.lat, place.lon, 1, place=place)
            mentions.append(Mention(surface, m.start(), m.end(), 0, place, location=loc))
    mentions.sort(key=lambda m: m.start)
    seen: dict[str, int] = {}
    candidates = []
    for k, mention in enumerate(mentions):
        n = seen[mention.text] = seen.get(mention.text, -1) + 1
        score = scores[mention.text][n]
        candidates.append(Candidate(k, mention.location, mention.place, mention.start, score))
    return [
        f"{mentions[c.index].text}@{mentions[c.index].start}"
        for c in incident_targets(text, mentions, candidates, stated_events)
    ]


def test_no_candidate_is_no_target() -> None:
    assert incident_targets("Shelling was reported.", [], []) == []


def test_the_best_candidate_then_the_places_joined_to_any_mention_of_it() -> None:
    text = "Warplanes struck Ariha and Binnish, then Saraqib; six died in Saraqib."
    # Saraqib is best; Ariha and Binnish are joined to each other, not to it.
    assert _chosen(text, {"Ariha": [3.0], "Binnish": [3.0], "Saraqib": [4.0, 5.0]}) == ["Saraqib@62"]
    # Ariha is best: Binnish, joined to it by "and", is a further target.
    assert _chosen(text, {"Ariha": [6.0], "Binnish": [3.0], "Saraqib": [4.0, 5.0]}) == [
        "Ariha@17",
        "Binnish@27",
    ]


def test_a_few_counted_events_take_the_best_mentions_in_text_order() -> None:
    text = "Two incidents: one in Ariha, one in Binnish, and Saraqib was calm."
    scores = {"Ariha": [5.0], "Binnish": [4.0], "Saraqib": [1.0]}
    assert _chosen(text, scores, stated_events=2) == ["Ariha@22", "Binnish@36"]
    # Beyond a few, the count is a summary: one place, with those joined to it.
    assert _chosen(text, scores, stated_events=MAX_LISTED_EVENTS + 1) == ["Ariha@22"]


def test_a_list_with_commas_that_and_closes_gives_each_place() -> None:
    scores = {"Ariha": [3.0], "Binnish": [2.0], "Saraqib": [2.0]}
    assert _chosen("Warplanes struck Ariha, Binnish and Saraqib.", scores) == [
        "Ariha@17",
        "Binnish@24",
        "Saraqib@36",
    ]
    arabic = _chosen("غارات على أريحا، بنش وسراقب", {"أريحا": [3.0], "بنش": [2.0], "سراقب": [2.0]})
    assert [t.split("@")[0] for t in arabic] == ["أريحا", "بنش", "سراقب"]
    # No «و»/"and" closes it: the comma may join anything ("in Ariha, Binnish said").
    assert _chosen("Warplanes struck Ariha, Binnish reported.", {"Ariha": [3.0], "Binnish": [2.0]}) == [
        "Ariha@17"
    ]


def test_a_governorate_named_after_a_comma_is_where_the_place_lies_not_a_further_target() -> None:
    result = geoparse(
        "Warplanes struck Kafr Nabl, Idlib and Saraqib on Monday.", gazetteer=default_gazetteer()
    )
    places = [result.mentions[i.mention].text for i in result.incidents]
    assert places[0] == "Kafr Nabl" and "Idlib" not in places, places
