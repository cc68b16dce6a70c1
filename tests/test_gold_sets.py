"""The gold sets in tests/data/gold: each loads against ../shared (hashes and offsets), keeps its
size and a floor per class, reuses no passage of the others and copies no corpus text."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from gazetteer.measure.goldset import load_gold

DEV_GOLD = Path(__file__).resolve().parent / "data" / "gold" / "dev.jsonl"


@pytest.mark.shared
def test_dev_gold_set_loads_and_is_large_enough(shared_dir: Path) -> None:
    docs = load_gold(DEV_GOLD, shared_dir)
    mentions = [m for d in docs for m in d.mentions]
    assert len(docs) >= 26  # the sample article plus at least 25 passages
    assert {d.language for d in docs} == {"ar", "en"}
    assert len(mentions) >= 150
    assert sum(len(d.incidents) for d in docs) >= 30
    # The sample's misspelt «غرب سعيد» is annotated as Arab Said, close to «عرب سعيد».
    sample = next(d for d in docs if d.id.startswith("samples/"))
    by_text = {m.text: m for m in sample.mentions}
    assert by_text["غرب سعيد"].lat == by_text["عرب سعيد"].lat


@pytest.mark.shared
def test_fresh_gold_split_loads(shared_dir: Path) -> None:
    # A second split, annotated after the pipeline and gazetteer had been tuned on dev.jsonl.
    docs = load_gold(DEV_GOLD.with_name("fresh.jsonl"), shared_dir)
    assert len(docs) == 10 and {d.language for d in docs} == {"ar", "en"}
    assert sum(len(d.mentions) for d in docs) >= 80


# -- written lines and the per-class annotations ------------------------------------------------------

# Our own report, written for these tests.


REPORTS_DEV = DEV_GOLD.with_name("reports-dev.jsonl")
#: Annotated by someone else, kept from everyone tuning the geoparser, evaluated after the work.
REPORTS_FRESH = DEV_GOLD.with_name("reports-fresh.jsonl")
#: A third set, annotated after the tuning on reports-dev and kept from the tuner: never tuned on.
REPORTS_FRESH2 = DEV_GOLD.with_name("reports-fresh2.jsonl")
#: A fourth set, annotated after the later tuning on reports-dev and kept from the tuner: never tuned on.
REPORTS_FRESH3 = DEV_GOLD.with_name("reports-fresh3.jsonl")
REPORTS_FRESH4 = DEV_GOLD.with_name("reports-fresh4.jsonl")
#: A sixth set, annotated blind (neither the system's output nor its code seen) and kept from the tuner.
REPORTS_FRESH5 = DEV_GOLD.with_name("reports-fresh5.jsonl")
REPORTS_FRESH6 = DEV_GOLD.with_name("reports-fresh6.jsonl")
REPORTS_FRESH7 = DEV_GOLD.with_name("reports-fresh7.jsonl")
#: Written blind (neither the geoparser's output on it nor the evaluator run on it) after reports-fresh7.
REPORTS_FRESH8 = DEV_GOLD.with_name("reports-fresh8.jsonl")
#: Written blind on 2026-12-06 after reports-fresh8, with other places and events; not yet run.
REPORTS_FRESH9 = DEV_GOLD.with_name("reports-fresh9.jsonl")
#: Written blind on 2026-12-06 after reports-fresh9, with other places and events; not yet run.
REPORTS_FRESH10 = DEV_GOLD.with_name("reports-fresh10.jsonl")

#: Minimum annotated cases per class in reports-dev.jsonl (each a little under the count at annotation).
REPORTS_MINIMUMS = {
    "mention class": {
        "unknown_village": 35,
        "latin_variant": 50,
        "misspelling": 6,
        "nested": 30,
        "road_segment": 8,
        "city_default": 8,
        "governorate_cue": 20,
        "homonym": 15,
    },
    "not-place kind": {"group": 15, "organisation": 20, "time_zone": 10, "generic_head": 8},
    "no-incident kind": {"headline": 12, "background": 40, "statistics": 8, "agreement": 6},
    "event type": {
        "Explosions/Remote violence": 100,
        "Battles": 15,
        "Violence against civilians": 8,
        "Protests": 6,
        "Riots": 3,
        "Strategic developments": 10,
    },
    "sub-event type": {
        "Air/drone strike": 50,
        "Shelling/artillery/missile attack": 25,
        "Chemical weapon": 5,
        "Remote explosive/landmine/IED": 10,
        "Suicide bomb": 2,
        "Grenade": 2,
        "Attack": 5,
        "Abduction/forced disappearance": 2,
        "Sexual violence": 2,
        "Armed clash": 5,
        "Government regains territory": 5,
        "Non-state actor overtakes territory": 5,
        "Peaceful protest": 2,
        "Protest with intervention": 2,
        "Excessive force against protesters": 2,
        "Violent demonstration": 2,
        "Mob violence": 2,
        "Looting/property destruction": 2,
        "Arrests": 5,
        "Disrupted weapons use": 2,
    },
}


@pytest.fixture(scope="module")
def reports_dev(shared_dir: Path) -> list:
    return load_gold(REPORTS_DEV, shared_dir)


@pytest.fixture(
    scope="module",
    params=[
        REPORTS_DEV,
        REPORTS_FRESH,
        REPORTS_FRESH2,
        REPORTS_FRESH3,
        REPORTS_FRESH4,
        REPORTS_FRESH5,
        REPORTS_FRESH6,
        REPORTS_FRESH7,
        REPORTS_FRESH8,
        REPORTS_FRESH9,
        REPORTS_FRESH10,
    ],
    ids=[
        "reports-dev",
        "reports-fresh",
        "reports-fresh2",
        "reports-fresh3",
        "reports-fresh4",
        "reports-fresh5",
        "reports-fresh6",
        "reports-fresh7",
        "reports-fresh8",
        "reports-fresh9",
        "reports-fresh10",
    ],
)
def reports(request: pytest.FixtureRequest, shared_dir: Path) -> tuple[Path, list]:
    """Each reports gold set, as (its path, its documents)."""
    return request.param, load_gold(request.param, shared_dir)


@pytest.mark.shared
def test_reports_fresh_loads_and_has_its_sizes(shared_dir: Path) -> None:
    fresh = load_gold(REPORTS_FRESH, shared_dir)
    by_part = Counter((d.language, d.genre) for d in fresh)
    assert (
        by_part["en", "narrative"] >= 40 and sum(n for (lang, _), n in by_part.items() if lang == "ar") >= 20
    )
    assert {d.origin for d in fresh} == {"corpus", "written"}
    assert sum(m.in_gazetteer is False for d in fresh for m in d.mentions) >= 15
    assert {n.kind for d in fresh for n in d.not_places} >= {
        "group",
        "organisation",
        "time_zone",
        "generic_head",
    }


#: Minimum annotated cases per class in reports-fresh2.jsonl (each a little under the count at annotation).
REPORTS_FRESH2_MINIMUMS = {
    "mention class": {
        "unknown_village": 12,
        "latin_variant": 15,
        "misspelling": 3,
        "nested": 15,
        "road_segment": 4,
        "city_default": 7,
        "governorate_cue": 25,
        "homonym": 10,
    },
    "not-place kind": {"group": 12, "organisation": 15, "time_zone": 3, "generic_head": 3},
    "no-incident kind": {"headline": 4, "background": 30, "statistics": 8, "agreement": 4},
    "event type": {
        "Explosions/Remote violence": 60,
        "Battles": 12,
        "Violence against civilians": 5,
        "Protests": 8,
        "Riots": 3,
        "Strategic developments": 8,
    },
    "sub-event type": {
        "Air/drone strike": 25,
        "Shelling/artillery/missile attack": 20,
        "Remote explosive/landmine/IED": 10,
        "Chemical weapon": 5,
        "Armed clash": 8,
        "Arrests": 4,
        "Abduction/forced disappearance": 2,
        "Excessive force against protesters": 3,
        "Mob violence": 2,
        "Suicide bomb": 1,
        "Grenade": 1,
    },
}


def assert_class_minimums(docs: list, minimums: dict[str, dict[str, int]]) -> None:
    """Every class of ``minimums`` has at least its floor of cases in ``docs``."""
    counts = _class_counts(docs)
    short = {
        (group, name): (counts[group][name], floor)
        for group, floors in minimums.items()
        for name, floor in floors.items()
        if counts[group][name] < floor
    }
    assert not short, f"classes under their minimum (count, minimum): {short}"


def _class_counts(docs: list) -> dict[str, Counter]:
    mentions = [m for d in docs for m in d.mentions]
    incidents = [i for d in docs for i in d.incidents]
    return {
        "mention class": Counter(c for m in mentions for c in m.classes),
        "not-place kind": Counter(n.kind for d in docs for n in d.not_places),
        "no-incident kind": Counter(s.kind for d in docs for s in d.no_incident),
        "event type": Counter(i.event_type for i in incidents),
        "sub-event type": Counter(i.sub_event_type for i in incidents),
    }


@pytest.mark.shared
def test_reports_fresh2_loads_and_has_its_sizes(shared_dir: Path) -> None:
    # load_gold has checked every corpus passage's hash and every span's text at its offsets.
    fresh2 = load_gold(REPORTS_FRESH2, shared_dir)
    by_part = Counter((d.origin, d.language, d.genre) for d in fresh2)
    assert by_part["corpus", "en", "narrative"] + by_part["corpus", "ar", "report"] >= 35
    assert sum(n for (origin, _, _g), n in by_part.items() if origin == "corpus") >= 40
    assert by_part["written", "en", "narrative"] >= 45 and by_part["written", "ar", "report"] >= 15
    assert by_part["written", "ar", "caption"] >= 10
    incidents = [i for d in fresh2 for i in d.incidents]
    assert len(incidents) >= 100 and sum(i.date is not None for i in incidents) >= 85
    assert sum(i.fatalities is not None for i in incidents) >= 30
    assert sum(i.injuries is not None for i in incidents) >= 15
    assert Counter(i.geo_precision for i in incidents)[2] >= 30
    assert Counter(i.geo_precision for i in incidents)[3] >= 3
    assert sum(m.in_gazetteer is False for d in fresh2 for m in d.mentions) >= 12
    assert_class_minimums(fresh2, REPORTS_FRESH2_MINIMUMS)


#: Minimum annotated cases per class in reports-fresh3.jsonl (each a little under the count at annotation).
REPORTS_FRESH3_MINIMUMS = {
    "mention class": {
        "unknown_village": 12,
        "latin_variant": 20,
        "misspelling": 3,
        "nested": 11,
        "road_segment": 3,
        "city_default": 8,
        "governorate_cue": 15,
        "homonym": 4,
    },
    "not-place kind": {"group": 7, "organisation": 22, "time_zone": 3, "generic_head": 3},
    "no-incident kind": {"headline": 4, "background": 40, "statistics": 12, "agreement": 2},
    "event type": {
        "Explosions/Remote violence": 40,
        "Battles": 7,
        "Violence against civilians": 4,
        "Protests": 7,
        "Riots": 2,
        "Strategic developments": 9,
    },
    "sub-event type": {
        "Air/drone strike": 12,
        "Shelling/artillery/missile attack": 14,
        "Remote explosive/landmine/IED": 7,
        "Chemical weapon": 3,
        "Suicide bomb": 3,
        "Armed clash": 4,
        "Arrests": 6,
        "Abduction/forced disappearance": 2,
        "Peaceful protest": 4,
        "Mob violence": 1,
        "Violent demonstration": 1,
        "Looting/property destruction": 1,
    },
}


#: Minimum annotated cases per class in reports-fresh4.jsonl (each a little under the count at annotation).
REPORTS_FRESH4_MINIMUMS = {
    "mention class": {
        "unknown_village": 24,
        "latin_variant": 33,
        "misspelling": 2,
        "nested": 10,
        "road_segment": 5,
        "city_default": 4,
        "governorate_cue": 25,
        "homonym": 4,
    },
    "not-place kind": {"group": 28, "organisation": 60, "time_zone": 4, "generic_head": 2},
    "no-incident kind": {"headline": 4, "background": 60, "statistics": 15, "agreement": 7},
    "event type": {
        "Explosions/Remote violence": 55,
        "Battles": 8,
        "Violence against civilians": 8,
        "Protests": 6,
        "Riots": 2,
        "Strategic developments": 6,
    },
    "sub-event type": {
        "Air/drone strike": 22,
        "Shelling/artillery/missile attack": 20,
        "Remote explosive/landmine/IED": 8,
        "Chemical weapon": 2,
        "Suicide bomb": 1,
        "Grenade": 1,
        "Attack": 5,
        "Abduction/forced disappearance": 2,
        "Sexual violence": 1,
        "Armed clash": 4,
        "Government regains territory": 2,
        "Non-state actor overtakes territory": 2,
        "Peaceful protest": 3,
        "Protest with intervention": 2,
        "Excessive force against protesters": 2,
        "Violent demonstration": 1,
        "Mob violence": 1,
        "Looting/property destruction": 2,
        "Arrests": 3,
        "Disrupted weapons use": 1,
    },
}


#: Minimum annotated cases per class in reports-fresh5.jsonl (each a little under the count at annotation).
REPORTS_FRESH5_MINIMUMS = {
    "mention class": {
        "unknown_village": 18,
        "latin_variant": 30,
        "misspelling": 2,
        "nested": 19,
        "road_segment": 6,
        "city_default": 6,
        "governorate_cue": 23,
        "homonym": 17,
    },
    "not-place kind": {"group": 45, "organisation": 70, "time_zone": 3, "generic_head": 3},
    "no-incident kind": {"headline": 2, "background": 38, "statistics": 17, "agreement": 2},
    "event type": {
        "Explosions/Remote violence": 58,
        "Battles": 15,
        "Violence against civilians": 9,
        "Protests": 8,
        "Riots": 3,
        "Strategic developments": 8,
    },
    "sub-event type": {
        "Air/drone strike": 22,
        "Shelling/artillery/missile attack": 20,
        "Remote explosive/landmine/IED": 11,
        "Chemical weapon": 3,
        "Suicide bomb": 1,
        "Grenade": 1,
        "Attack": 7,
        "Abduction/forced disappearance": 2,
        "Sexual violence": 1,
        "Armed clash": 8,
        "Government regains territory": 4,
        "Non-state actor overtakes territory": 3,
        "Peaceful protest": 5,
        "Protest with intervention": 1,
        "Excessive force against protesters": 2,
        "Violent demonstration": 2,
        "Mob violence": 1,
        "Looting/property destruction": 2,
        "Arrests": 6,
        "Disrupted weapons use": 1,
    },
}

#: Minimum annotated cases per class in reports-fresh6.jsonl (each a little under the count at annotation).
REPORTS_FRESH6_MINIMUMS = {
    "mention class": {
        "unknown_village": 6,
        "latin_variant": 25,
        "nested": 18,
        "road_segment": 9,
        "city_default": 5,
        "governorate_cue": 35,
        "homonym": 11,
    },
    "not-place kind": {"group": 30, "organisation": 45, "time_zone": 1},
    "no-incident kind": {"headline": 12, "background": 26, "statistics": 6, "agreement": 2},
    "event type": {
        "Explosions/Remote violence": 55,
        "Battles": 10,
        "Violence against civilians": 5,
        "Protests": 10,
        "Riots": 3,
        "Strategic developments": 8,
    },
    "sub-event type": {
        "Air/drone strike": 22,
        "Shelling/artillery/missile attack": 15,
        "Remote explosive/landmine/IED": 11,
        "Chemical weapon": 2,
        "Suicide bomb": 3,
        "Grenade": 2,
        "Attack": 4,
        "Abduction/forced disappearance": 2,
        "Armed clash": 5,
        "Government regains territory": 3,
        "Non-state actor overtakes territory": 2,
        "Peaceful protest": 8,
        "Protest with intervention": 2,
        "Violent demonstration": 3,
        "Looting/property destruction": 2,
        "Arrests": 4,
        "Disrupted weapons use": 1,
    },
}


#: Minimum annotated cases per class in reports-fresh8.jsonl (each a little under the count at annotation).
REPORTS_FRESH8_MINIMUMS = {
    "mention class": {
        "unknown_village": 8,
        "latin_variant": 10,
        "misspelling": 3,
        "nested": 20,
        "road_segment": 8,
        "city_default": 8,
        "governorate_cue": 28,
        "homonym": 10,
    },
    "not-place kind": {"group": 18, "organisation": 30, "time_zone": 3, "generic_head": 2},
    "no-incident kind": {"headline": 4, "background": 32, "statistics": 6, "agreement": 8},
    "event type": {
        "Explosions/Remote violence": 48,
        "Battles": 11,
        "Violence against civilians": 4,
        "Protests": 6,
        "Riots": 1,
        "Strategic developments": 4,
    },
    "sub-event type": {
        "Air/drone strike": 17,
        "Shelling/artillery/missile attack": 18,
        "Remote explosive/landmine/IED": 10,
        "Suicide bomb": 1,
        "Grenade": 1,
        "Attack": 3,
        "Abduction/forced disappearance": 2,
        "Armed clash": 7,
        "Government regains territory": 2,
        "Non-state actor overtakes territory": 3,
        "Peaceful protest": 4,
        "Protest with intervention": 2,
        "Violent demonstration": 1,
        "Looting/property destruction": 1,
        "Arrests": 3,
        "Disrupted weapons use": 1,
    },
}


#: Minimum annotated cases per class in reports-fresh9.jsonl (each a little under the count at annotation).
REPORTS_FRESH9_MINIMUMS = {
    "mention class": {
        "unknown_village": 5,
        "latin_variant": 10,
        "misspelling": 3,
        "nested": 12,
        "road_segment": 4,
        "city_default": 7,
        "governorate_cue": 34,
        "homonym": 6,
    },
    "not-place kind": {"group": 27, "organisation": 33, "time_zone": 4, "generic_head": 2},
    "no-incident kind": {"headline": 1, "background": 15, "statistics": 5, "agreement": 7},
    "event type": {
        "Explosions/Remote violence": 48,
        "Battles": 9,
        "Violence against civilians": 5,
        "Protests": 5,
        "Riots": 1,
        "Strategic developments": 4,
    },
    "sub-event type": {
        "Air/drone strike": 18,
        "Shelling/artillery/missile attack": 17,
        "Remote explosive/landmine/IED": 11,
        "Suicide bomb": 1,
        "Grenade": 1,
        "Attack": 3,
        "Abduction/forced disappearance": 2,
        "Armed clash": 3,
        "Government regains territory": 2,
        "Non-state actor overtakes territory": 3,
        "Peaceful protest": 2,
        "Protest with intervention": 1,
        "Excessive force against protesters": 2,
        "Violent demonstration": 1,
        "Mob violence": 1,
        "Looting/property destruction": 1,
        "Arrests": 2,
        "Disrupted weapons use": 1,
    },
}
#: Minimum annotated cases per class in reports-fresh10.jsonl (each a little under the count at annotation).
REPORTS_FRESH10_MINIMUMS = {
    "mention class": {
        "unknown_village": 6,
        "latin_variant": 25,
        "misspelling": 3,
        "nested": 12,
        "road_segment": 3,
        "city_default": 19,
        "governorate_cue": 45,
        "homonym": 6,
    },
    "not-place kind": {"group": 36, "organisation": 38, "time_zone": 4, "generic_head": 2},
    "no-incident kind": {"headline": 1, "background": 19, "statistics": 7, "agreement": 3},
    "event type": {
        "Explosions/Remote violence": 52,
        "Battles": 18,
        "Violence against civilians": 7,
        "Protests": 8,
        "Riots": 2,
        "Strategic developments": 4,
    },
    "sub-event type": {
        "Air/drone strike": 20,
        "Shelling/artillery/missile attack": 19,
        "Remote explosive/landmine/IED": 10,
        "Suicide bomb": 1,
        "Grenade": 1,
        "Chemical weapon": 1,
        "Attack": 4,
        "Abduction/forced disappearance": 2,
        "Armed clash": 8,
        "Government regains territory": 6,
        "Non-state actor overtakes territory": 3,
        "Peaceful protest": 5,
        "Protest with intervention": 1,
        "Excessive force against protesters": 2,
        "Violent demonstration": 1,
        "Mob violence": 1,
        "Looting/property destruction": 1,
        "Arrests": 2,
        "Disrupted weapons use": 1,
    },
}


#: What the held-out sets' size floors count, by name.
SIZE_MEASURES = {
    "documents": len,
    "corpus passages": lambda docs: sum(d.origin == "corpus" for d in docs),
    "incidents": lambda docs: sum(len(d.incidents) for d in docs),
    "dated incidents": lambda docs: sum(i.date is not None for d in docs for i in d.incidents),
    "fatality counts": lambda docs: sum(i.fatalities is not None for d in docs for i in d.incidents),
    "injury counts": lambda docs: sum(i.injuries is not None for d in docs for i in d.incidents),
    "geo_precision 2": lambda docs: sum(i.geo_precision == 2 for d in docs for i in d.incidents),
    "geo_precision 3": lambda docs: sum(i.geo_precision == 3 for d in docs for i in d.incidents),
    "dated by the text alone": lambda docs: sum(
        d.published is None and any(i.date for i in d.incidents) for d in docs
    ),
    "places in no source": lambda docs: sum(m.in_gazetteer is False for d in docs for m in d.mentions),
}

#: Each held-out set's floors (a little under its counts at annotation): sizes, then lines per
#: (origin, language, genre), then cases per class.
HELD_OUT_FLOORS = {
    "reports-fresh3": (
        {
            "corpus passages": 25,
            "incidents": 70,
            "dated incidents": 70,
            "fatality counts": 25,
            "injury counts": 14,
            "geo_precision 2": 20,
            "geo_precision 3": 3,
            "dated by the text alone": 35,
            "places in no source": 20,
        },
        {
            ("corpus", "en", "narrative"): 14,
            ("corpus", "ar", "report"): 7,
            ("written", "en", "narrative"): 40,
            ("written", "ar", "report"): 14,
            ("written", "ar", "caption"): 9,
        },
        REPORTS_FRESH3_MINIMUMS,
    ),
    "reports-fresh4": (
        {
            "documents": 90,
            "incidents": 85,
            "dated incidents": 85,
            "fatality counts": 40,
            "injury counts": 18,
            "geo_precision 2": 25,
            "geo_precision 3": 6,
            "dated by the text alone": 22,
            "places in no source": 35,
        },
        {
            ("corpus", "en", "narrative"): 12,
            ("corpus", "ar", "report"): 11,
            ("written", "en", "narrative"): 45,
            ("written", "ar", "report"): 14,
            ("written", "ar", "caption"): 12,
        },
        REPORTS_FRESH4_MINIMUMS,
    ),
    "reports-fresh5": (
        {
            "documents": 95,
            "incidents": 105,
            "dated incidents": 100,
            "fatality counts": 45,
            "injury counts": 22,
            "geo_precision 2": 38,
            "geo_precision 3": 6,
            "dated by the text alone": 45,
            "places in no source": 28,
        },
        {
            ("corpus", "en", "narrative"): 2,
            ("corpus", "ar", "report"): 2,
            ("written", "en", "narrative"): 48,
            ("written", "ar", "report"): 28,
            ("written", "ar", "caption"): 18,
        },
        REPORTS_FRESH5_MINIMUMS,
    ),
    "reports-fresh6": (
        {
            "documents": 80,
            "incidents": 90,
            "dated incidents": 90,
            "fatality counts": 33,
            "injury counts": 20,
            "geo_precision 2": 20,
            "dated by the text alone": 40,
            "places in no source": 15,
        },
        {
            ("written", "en", "narrative"): 43,
            ("written", "ar", "report"): 20,
            ("written", "ar", "caption"): 16,
        },
        REPORTS_FRESH6_MINIMUMS,
    ),
    "reports-fresh8": (
        {
            "documents": 80,
            "incidents": 80,
            "dated incidents": 78,
            "fatality counts": 30,
            "injury counts": 19,
            "geo_precision 2": 23,
            "geo_precision 3": 1,
            "dated by the text alone": 42,
            "places in no source": 9,
        },
        {
            ("written", "en", "narrative"): 40,
            ("written", "ar", "report"): 20,
            ("written", "ar", "caption"): 20,
        },
        REPORTS_FRESH8_MINIMUMS,
    ),
    "reports-fresh9": (
        {
            "documents": 80,
            "incidents": 78,
            "dated incidents": 78,
            "fatality counts": 36,
            "injury counts": 26,
            "geo_precision 2": 16,
            "geo_precision 3": 1,
            "dated by the text alone": 78,
            "places in no source": 5,
        },
        {
            ("written", "en", "narrative"): 43,
            ("written", "ar", "report"): 20,
            ("written", "ar", "caption"): 20,
        },
        REPORTS_FRESH9_MINIMUMS,
    ),
    "reports-fresh10": (
        {
            "documents": 95,
            "incidents": 96,
            "dated incidents": 96,
            "fatality counts": 44,
            "injury counts": 26,
            "geo_precision 2": 25,
            "geo_precision 3": 2,
            "dated by the text alone": 95,
            "places in no source": 6,
        },
        {
            ("written", "en", "narrative"): 48,
            ("written", "ar", "report"): 23,
            ("written", "ar", "caption"): 21,
        },
        REPORTS_FRESH10_MINIMUMS,
    ),
}


@pytest.mark.shared
@pytest.mark.parametrize("name", list(HELD_OUT_FLOORS))
def test_a_held_out_set_loads_and_keeps_its_sizes(name: str, shared_dir: Path) -> None:
    # load_gold has checked every corpus passage's hash and every span's text at its offsets; reuse of
    # other sets' passages and copies of corpus text are checked by the tests over every reports set.
    docs = load_gold(DEV_GOLD.with_name(f"{name}.jsonl"), shared_dir)
    sizes, parts, class_minimums = HELD_OUT_FLOORS[name]
    for measure, floor in sizes.items():
        assert SIZE_MEASURES[measure](docs) >= floor, measure
    by_part = Counter((d.origin, d.language, d.genre) for d in docs)
    for part, floor in parts.items():
        assert by_part[part] >= floor, part
    assert_class_minimums(docs, class_minimums)


@pytest.mark.shared
def test_reports_dev_loads_and_has_its_sizes(reports_dev: list) -> None:
    # load_gold has checked every corpus passage's hash and every span's text at its offsets.
    by_part = Counter((d.origin, d.language, d.genre) for d in reports_dev)
    english = sum(n for (_, lang, genre), n in by_part.items() if lang == "en" and genre == "narrative")
    arabic = sum(n for (_, lang, _g), n in by_part.items() if lang == "ar")
    assert english >= 120 and arabic >= 40
    assert by_part["corpus", "en", "narrative"] >= 40 and by_part["corpus", "ar", "report"] >= 30
    assert by_part["written", "ar", "caption"] + by_part["corpus", "ar", "caption"] >= 15
    assert {d.origin for d in reports_dev} == {"corpus", "written"}
    assert sum(len(d.incidents) for d in reports_dev) >= 200
    assert sum(1 for d in reports_dev if d.published is None and any(i.date for i in d.incidents)) >= 15


@pytest.mark.shared
def test_reports_dev_has_enough_cases_of_every_class(reports_dev: list) -> None:
    mentions = [m for d in reports_dev for m in d.mentions]
    incidents = [i for d in reports_dev for i in d.incidents]
    counts = {
        "mention class": Counter(c for m in mentions for c in m.classes),
        "not-place kind": Counter(n.kind for d in reports_dev for n in d.not_places),
        "no-incident kind": Counter(s.kind for d in reports_dev for s in d.no_incident),
        "event type": Counter(i.event_type for i in incidents),
        "sub-event type": Counter(i.sub_event_type for i in incidents),
    }
    short = {
        (group, name): (counts[group][name], floor)
        for group, floors in REPORTS_MINIMUMS.items()
        for name, floor in floors.items()
        if counts[group][name] < floor
    }
    assert not short, f"classes under their minimum (count, minimum): {short}"
    assert sum(m.in_gazetteer is False for m in mentions) >= 40
    assert sum(i.date is not None for i in incidents) >= 150
    assert sum(i.fatalities is not None for i in incidents) >= 60
    assert sum(i.injuries is not None for i in incidents) >= 30
    assert Counter(i.geo_precision for i in incidents)[2] >= 40
    assert Counter(i.geo_precision for i in incidents)[3] >= 12


@pytest.mark.shared
def test_unknown_places_are_placed_by_their_container(reports: tuple[Path, list]) -> None:
    # A place the gazetteer does not know has a container; without a point of its own, every incident
    # it names is placed at the container, with precision 2 or 3.
    from gazetteer.places.index import distance_km

    for doc in reports[1]:
        by_start = {m.start: m for m in doc.mentions}
        for m in doc.mentions:
            if "unknown_village" in m.classes:
                assert m.in_gazetteer is False and m.container is not None, (doc.id, m.text)
        for inc in doc.incidents:
            named = by_start.get(inc.place) if inc.place is not None else None
            if named is None or named.has_point or named.container is None or inc.lat is None:
                continue
            c = named.container
            assert distance_km(inc.lat, inc.lon, c.lat, c.lon) < 1, (doc.id, named.text)
            assert inc.geo_precision in (2, 3), (doc.id, named.text)


@pytest.mark.shared
def test_a_reports_set_reuses_no_passage_of_the_other_gold_sets(reports: tuple[Path, list]) -> None:
    path = reports[0]
    taken: dict[str, list[tuple[int, int]]] = {}
    others = [
        p
        for p in (
            DEV_GOLD,
            DEV_GOLD.with_name("fresh.jsonl"),
            REPORTS_DEV,
            REPORTS_FRESH,
            REPORTS_FRESH2,
            REPORTS_FRESH3,
            REPORTS_FRESH4,
            REPORTS_FRESH5,
            REPORTS_FRESH6,
            REPORTS_FRESH7,
            REPORTS_FRESH8,
            REPORTS_FRESH9,
            REPORTS_FRESH10,
        )
        if p != path
    ]
    for other in others:
        for line in other.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec.get("span"):
                taken.setdefault(rec["doc"].get("path", ""), []).append(tuple(rec["span"]))
    ours = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for rec in ours:
        if rec["origin"] == "corpus":
            start, end = rec["span"]
            for s, e in taken.get(rec["doc"]["path"], ()):
                assert end <= s or e <= start, f"{rec['doc']['path']} [{start}:{end}] overlaps [{s}:{e}]"


@pytest.mark.shared
def test_written_lines_copy_no_corpus_text(shared_dir: Path, reports: tuple[Path, list]) -> None:
    # The data rule: the shared corpora's texts are referenced, never copied, into the repository.
    corpus = "\n".join(
        json.loads(line)["text"]
        for line in (shared_dir / "corpus" / "syrian-archive-dev.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
        if line.strip()
    )
    for doc in reports[1]:
        if doc.origin == "written":
            for i in range(0, max(1, len(doc.text) - 60), 30):
                assert doc.text[i : i + 60] not in corpus, (doc.id, doc.text[i : i + 60])
