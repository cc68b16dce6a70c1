"""Drafts: the indexed merge lookups give what reading every earlier draft would."""

from __future__ import annotations

import datetime as dt
import itertools
import random

from gazetteer import AdminRef, Incident, Location, Place, PlaceType
from gazetteer.events.actors import Actor
from gazetteer.events.classify import EventEntry
from gazetteer.events.drafts import CONTINUATION_SENTENCES, Draft, Drafts, filed_under, looked_up, same_time

PRECISIONS = ("day", "week", "month", "year")
PLACES = [Place(f"t:{n}", n, "", PlaceType.VILLAGE, 35.0 + i / 10, 36.0) for i, n in enumerate("abc")]
ENTRIES = [
    EventEntry("Explosions/Remote violence", "Air/drone strike", 80),
    EventEntry("Explosions/Remote violence", "Shelling/artillery/missile attack", 60),
    EventEntry("Explosions/Remote violence", "Shelling/artillery/missile attack", 10, "generic"),
    EventEntry("Battles", "Armed clash", 50),
    EventEntry("Battles", "Non-state actor overtakes territory", 90, territory=True),
]


def test_date_keys_meet_exactly_when_the_reports_are_of_the_same_time() -> None:
    # Days around a month's end and a year's end, at every precision on both sides.
    days = [dt.date(2019, 12, 20) + dt.timedelta(days=k) for k in range(0, 50, 3)]
    days += [dt.date(2020, 3, 1), dt.date(2021, 3, 1)]
    stated = [(d, p) for d in days for p in PRECISIONS]
    for earlier, new in itertools.product(stated, stated):
        meet = not set(filed_under(earlier)).isdisjoint(looked_up(new))
        assert meet == same_time(earlier, new), (earlier, new)


def test_dates_at_the_calendar_edge_have_keys() -> None:
    assert looked_up((dt.date.max, "week")) and looked_up((dt.date.min, "day"))


def _reference_target(drafts: list[Draft], new: Draft, sentence: int) -> Draft | None:
    """The merge target found by reading every earlier draft (the definition)."""
    inc = new.incident
    if (new.distinct or new.aggregate) and not new.anaphoric:
        return None
    same_kind = [
        d
        for d in drafts
        if d.incident.event_type == inc.event_type
        and not d.aggregate
        and not d.heading
        and same_time(d.stated_date, new.stated_date)
        and (new.generic or _a_clash(new) or d.incident.sub_event_type == inc.sub_event_type)
    ]
    if new.place_id is not None:
        return next((d for d in same_kind if d.place_id == new.place_id), None)
    recent = [d for d in same_kind if sentence - d.last_sentence <= CONTINUATION_SENTENCES]
    return max(recent, key=lambda d: d.last_sentence) if recent else None


def _a_clash(draft: Draft) -> bool:
    """An armed clash may report a battle of any sub-type (one that changed who holds a place)."""
    return (draft.incident.event_type, draft.incident.sub_event_type) == ("Battles", "Armed clash")


def test_an_armed_clash_at_a_captured_place_is_the_battle_for_it() -> None:
    drafts = Drafts()
    capture_entry, clash_entry = ENTRIES[4], ENTRIES[3]
    where = Location(PLACES[0].lat, PLACES[0].lon, 1, place=PLACES[0])
    capture = Draft(
        Incident(capture_entry.event_type, capture_entry.sub_event_type, 0, "captured", location=where),
        capture_entry,
        None,
    )
    drafts.add(capture)
    clash = Draft(
        Incident(clash_entry.event_type, clash_entry.sub_event_type, 1, "battle", location=where),
        clash_entry,
        None,
        last_sentence=1,
    )
    assert drafts.merge_target(clash, 1) is capture
    # the other way round, a capture is not any clash told before at the place
    drafts = Drafts()
    drafts.add(
        Draft(
            Incident(clash_entry.event_type, clash_entry.sub_event_type, 0, "clashes", location=where),
            clash_entry,
            None,
        )
    )
    later = Draft(
        Incident(capture_entry.event_type, capture_entry.sub_event_type, 1, "seized", location=where),
        capture_entry,
        None,
        last_sentence=1,
    )
    assert drafts.merge_target(later, 1) is None


def _random_draft(rng: random.Random, sentence: int) -> Draft:
    entry = rng.choice(ENTRIES)
    place = rng.choice([None, *PLACES])
    location = Location(place.lat, place.lon, 1, place=place) if place else None
    incident = Incident(entry.event_type, entry.sub_event_type, sentence, "x", location=location)
    stated = None
    if rng.random() < 0.6:
        stated = (dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 60)), rng.choice(PRECISIONS))
    return Draft(
        incident,
        entry,
        None,
        last_sentence=sentence,
        stated_date=stated,
        distinct=rng.random() < 0.1,
        aggregate=rng.random() < 0.05,
        anaphoric=rng.random() < 0.1,
        heading=rng.random() < 0.05,
    )


def test_merge_targets_and_the_latest_draft_match_reading_every_draft() -> None:
    rng = random.Random(3)
    for _ in range(100):
        drafts, kept = Drafts(), []
        sentence = 0
        for _ in range(60):
            sentence += rng.choice((0, 1, 1, 2, 5))
            new = _random_draft(rng, sentence)
            expected = _reference_target(kept, new, sentence)
            assert drafts.merge_target(new, sentence) is expected
            if expected is not None:
                drafts.merge(expected, new, sentence)
            elif rng.random() < 0.8:
                drafts.add(new)
                kept.append(new)
            assert drafts.latest is (max(kept, key=lambda d: d.last_sentence) if kept else None)
        assert list(drafts) == kept


def test_merging_unites_actors_and_keeps_the_largest_counts() -> None:
    drafts = Drafts()
    entry = ENTRIES[0]
    first = Draft(
        Incident(entry.event_type, entry.sub_event_type, 0, "x", fatalities=2, counts={"strikes": 3}),
        entry,
        None,
        [Actor("Civilians")],
    )
    drafts.add(first)
    later = Draft(
        Incident(entry.event_type, entry.sub_event_type, 1, "x", fatalities=5, counts={"strikes": 1}),
        entry,
        Actor("Russia"),
        [Actor("Civilians"), Actor("HTS")],
        last_sentence=1,
        stated_date=(dt.date(2020, 9, 20), "day"),
    )
    drafts.merge(first, later, 1)
    assert first.actor1 == Actor("Russia") and [a.name for a in first.actor2] == ["Civilians", "HTS"]
    assert first.incident.fatalities == 5 and first.incident.counts == {"strikes": 3}
    assert first.stated_date == (dt.date(2020, 9, 20), "day") and drafts.latest_sentence == 1


def test_a_headline_or_placeless_report_is_retold_by_a_placed_report_just_after() -> None:
    from gazetteer.events.drafts import fold_into, retold_by

    def draft(sentence: int, *, place: bool, headline: bool = False, points_back: bool = False) -> Draft:
        location = Location(35.9, 36.6, 1) if place else None
        incident = Incident(
            "Explosions/Remote violence", "Air/drone strike", sentence, "strike", location=location
        )
        return Draft(incident, ENTRIES[0], None, headline=headline, points_back=points_back)

    headline, lead = draft(0, place=True, headline=True), draft(1, place=True)
    lead.incident.fatalities = None
    headline.incident.fatalities = 4
    assert retold_by(headline, lead)
    assert fold_into(lead, headline) is lead and lead.incident.fatalities == 4
    placeless, placed = draft(3, place=False), draft(4, place=True, points_back=True)
    assert retold_by(placeless, placed) and not retold_by(placed, placeless)
    assert fold_into(placed, placeless) is placeless and placeless.incident.location is not None
    assert not retold_by(draft(0, place=False), draft(5, place=True))  # too far to be the same report


def _at(entry: EventEntry, sentence: int, place: Place, precision: int) -> Draft:
    where = Location(place.lat, place.lon, precision, place=place)
    incident = Incident(entry.event_type, entry.sub_event_type, sentence, "x", location=where)
    return Draft(incident, entry, None, last_sentence=sentence)


def test_a_generic_report_at_a_countryside_is_the_event_told_in_one_of_its_villages() -> None:
    # «قصفت المدفعية قرية X في ريف المدينة … وتزامن القصف مع حملة على ريف المدينة»
    province = AdminRef(1, "Province", "محافظة الوادي", "SY99")
    city = Place("t:city", "Wadi", "الوادي", PlaceType.CITY, 35.0, 36.0, parents=(province,))
    # 55 km from the city: in the countryside of a governorate's capital all the same
    village = Place("t:village", "Qarya", "القرية", PlaceType.VILLAGE, 35.5, 36.0, parents=(province,))
    shelling, generic = ENTRIES[1], ENTRIES[2]
    drafts = Drafts()
    told = _at(shelling, 0, village, 1)
    drafts.add(told)
    assert drafts.merge_target(_at(generic, 1, city, 3), 1) is told
    # the city itself (precision 1) is another place; a non-generic report there is another event
    assert drafts.merge_target(_at(generic, 1, city, 1), 1) is None
    assert drafts.merge_target(_at(shelling, 1, city, 3), 1) is None
    # a village's countryside does not hold the city
    drafts = Drafts()
    drafts.add(_at(shelling, 0, city, 1))
    assert drafts.merge_target(_at(generic, 1, village, 3), 1) is None
