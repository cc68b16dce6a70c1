"""Actors: recognition in Arabic and English, perpetrator (actor1) and target (actor2)."""

from __future__ import annotations

import random

import pytest

from gazetteer.events.actors import Actor, ActorMention, TriggerSpans, attribute, find_actors
from gazetteer.events.classify import classify
from gazetteer.places.normalize import tokenize


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("قوات الأسد", "Syrian government forces"),
        ("وقوات النظام", "Syrian government forces"),
        ("هيئة تحرير الشام", "HTS"),
        ("لتنظيم حراس الدين", "Hurras al-Din"),
        ("قسد", "SDF"),
        ("داعش", "ISIS"),
        ("التحالف الدولي", "International coalition"),
        ("الاحتلال الإسرائيلي", "Israeli forces"),
        ("الجيش الوطني", "SNA (Turkish-backed factions)"),
        ("حزب الله", "Hezbollah"),
        ("Hayat Tahrir al-Sham", "HTS"),
        ("IS fighters", "ISIS"),
        ("Russian warplanes", "Russian forces"),
    ],
)
def test_find_actors(text: str, name: str) -> None:
    assert [m.actor.name for m in find_actors(tokenize(text))] == [name]


def test_is_the_verb_is_not_isis() -> None:
    assert find_actors(tokenize("the town is quiet")) == []


def _roles(text: str) -> tuple[str | None, list[str]]:
    tokens = tokenize(text)
    event = classify(tokens)
    assert event is not None
    actor1, actor2 = attribute(tokens, event.spans)
    return (actor1.name if actor1 else None), [a.name for a in actor2]


def test_perpetrator_next_to_trigger_and_target_after_target_word() -> None:
    assert _roles("الطيران الحربي الروسي يستهدف مقرات قيادات تنظيم حراس الدين حول القرية") == (
        "Russian forces",
        ["Hurras al-Din"],
    )


def test_far_or_descriptive_actors_are_not_perpetrators() -> None:
    # «موالية لنظام الأسد» describes the networks, not who bombed.
    assert _roles("أكدت شبكات موالية لنظام الأسد القصف الروسي على محيط إدلب") == ("Russian forces", [])
    assert _roles("قال عضو في حكومة نظام الأسد عبر تويتر إن القصف طال مقرات لتنظيم حراس الدين") == (
        None,
        ["Hurras al-Din"],
    )


def test_english_roles() -> None:
    assert _roles("Russian warplanes struck HTS positions near the town") == ("Russian forces", ["HTS"])
    assert _roles("Regime forces shelled the village, killing two civilians") == (
        "Syrian government forces",
        ["Civilians"],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen opened fire on a bus on the Raqqa road, killing six passengers",
        "An IS mine exploded near the village, killing three shepherds",
        "Regime forces shelled the fields, wounding four farmers",
        "أطلق مسلحون النار على حافلة وقتلوا ستة من الركاب",
        "قصفت قوات النظام الأراضي الزراعية ما أدى إلى إصابة أربعة من المزارعين",
        "استهدفت طائرة مسيرة سيارة تقل عددا من العمال والطلاب",
        "Masked men opened fire on a family picnicking by the river",
        "Gunmen opened fire on a baker and a schoolteacher outside the mosque",
        "Two men on a motorcycle attacked the village mukhtar at his home",
        "أطلق مسلحون مجهولون النار على عائلة كانت في طريقها إلى المزرعة",
        "اغتال مسلحون مختار القرية أمام منزله",
        "قتل مسلحون خبازاً ومعلماً في أثناء عودتهما من السوق",
        "Gunmen opened fire on a taxi carrying a lawyer and his wife near the bridge",
        "A sniper shot at two journalists filming the market",
    ],
)
def test_people_named_by_their_trade_or_errand_are_civilians(text: str) -> None:
    assert "Civilians" in _roles(text)[1]


def test_activists_are_no_target_they_are_most_often_a_source() -> None:
    assert "Civilians" not in _roles("Gunmen opened fire on an army post, activists said")[1]


def test_claimed_attack() -> None:
    claimed = _roles("ISIS claimed responsibility for a car bomb that killed two SDF fighters")
    assert claimed == ("ISIS", ["SDF"])
    assert _roles("تبنى تنظيم داعش التفجير الذي استهدف عناصر قسد") == ("ISIS", ["SDF"])


def test_patrol_participants() -> None:
    tokens = tokenize("تسيير دوريات مشتركة بين الروس والأتراك على الطريق")
    event = classify(tokens)
    assert event is not None
    actor1, actor2 = attribute(tokens, event.spans, violent=False)
    assert actor1 is not None and actor1.name == "Russian forces"
    assert [a.name for a in actor2] == ["Turkish forces"]


def test_trigger_distance_is_the_nearest_span_whatever_their_layout() -> None:
    """The bisecting lookup agrees with measuring every span, overlapping ones included."""

    def nearest(mention: ActorMention, spans: list[tuple[int, int]]) -> int:
        def one(first: int, last: int) -> int:
            if mention.last <= first:
                return first - mention.last + 1
            if mention.first >= last:
                return mention.first - last + 1
            return 0

        return min(one(first, last) for first, last in spans)

    rng = random.Random(7)
    actor = Actor("X")
    for _ in range(2000):
        spans = []
        for _ in range(rng.randint(1, 5)):
            first = rng.randint(0, 20)
            spans.append((first, first + rng.randint(1, 4)))
        first = rng.randint(0, 22)
        mention = ActorMention(actor, first, first + rng.randint(1, 3))
        triggers = TriggerSpans(spans)
        assert triggers.distance(mention) == nearest(mention, spans), (spans, mention)
        assert triggers.any_before(mention.first) == any(mention.first >= last for _, last in spans)


def test_the_side_a_place_was_captured_from_is_a_target() -> None:
    tokens = tokenize("Allied factions captured the village from government forces after a week of fighting.")
    event = classify(tokens)
    assert event is not None and event.entry.territory
    actor1, actor2 = attribute(tokens, event.spans, capture=True)
    assert actor1 is None and [a.name for a in actor2] == ["Syrian government forces"]
    # Not in other events: fire "from" a side's positions is that side's.
    shelled = tokenize("Shells fired from government forces' positions hit the village.")
    shelling = classify(shelled)
    assert shelling is not None
    assert attribute(shelled, shelling.spans)[0] == Actor("Syrian government forces", government_side=True)


def test_the_other_side_of_the_fighting_a_capture_followed_is_a_target() -> None:
    tokens = tokenize("Rebel factions captured the hill after fierce fighting with government troops.")
    event = classify(tokens)
    assert event is not None and event.entry.territory
    actor1, actor2 = attribute(tokens, event.spans, capture=True)
    assert actor1 != Actor("Syrian government forces", government_side=True)
    assert [a.name for a in actor2] == ["Syrian government forces"]


def test_a_pronoun_subject_refers_back_to_the_actor_named_before_it() -> None:
    tokens = tokenize("The army announced on Sunday that it had taken full control of the district.")
    event = classify(tokens)
    assert event is not None
    actor1, _ = attribute(tokens, event.spans, capture=True)
    assert actor1 is not None and actor1.name == "Syrian government forces"
    # No pronoun subject, no actor: the army named far from the event word is not its perpetrator.
    far = tokenize("The army announced on Sunday a full list of the villages that were captured last week.")
    far_event = classify(far)
    assert far_event is not None and attribute(far, far_event.spans, capture=True)[0] is None


def test_the_noun_of_a_capture_names_its_taker_not_whose_areas() -> None:
    tokens = tokenize("عودة الأهالي بعد سيطرة قوات النظام على الحي الشرقي")
    event = classify(tokens)
    assert event is not None and event.entry.territory
    actor1, _ = attribute(tokens, event.spans, capture=True)
    assert actor1 == Actor("Syrian government forces", government_side=True)
    # Outside a capture the noun still describes whose areas they are: no perpetrator.
    shelled = tokenize("سقطت قذائف على مناطق سيطرة قوات النظام")
    shelling = classify(shelled)
    assert shelling is not None and not shelling.entry.territory
    assert attribute(shelled, shelling.spans)[0] is None
