"""Incident extraction on hand-built sentences and mentions, and on the sample article from ../shared."""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer import Incident, Location, Mention, Place, PlaceType, Role, Sentence
from gazetteer.events.extract import extract_incidents

SUNDAY = dt.date(2020, 9, 20)

IDLIB = Place("t:idlib", "Idlib", "إدلب", PlaceType.CITY, 35.9306, 36.6339)
IDLIB_GOV = Place("t:idlib-gov", "Idlib Governorate", "محافظة إدلب", PlaceType.GOVERNORATE, 35.8, 36.6)
ARAB_SAID = Place("t:arab-said", "Arab Said", "عرب سعيد", PlaceType.VILLAGE, 35.935, 36.565)
PRISON = Place("t:prison", "Idlib Central Prison", "السجن المركزي", PlaceType.PRISON, 35.922, 36.595)
SARAQIB = Place("t:saraqib", "Saraqib", "سراقب", PlaceType.TOWN, 35.8647, 36.8006)
M4 = Place(
    "t:m4",
    "M4 highway",
    "طريق حلب- اللاذقية",
    PlaceType.ROAD,
    35.87,
    36.6,
    geometry={"type": "LineString", "coordinates": [[37.13, 36.2], [36.8, 35.86], [35.79, 35.53]]},
)
ANKARA = Place("t:ankara", "Ankara", "أنقرة", PlaceType.FOREIGN_CITY, 39.93, 32.86, country="TR")
SYRIA = Place("t:sy", "Syria", "سوريا", PlaceType.COUNTRY, 35.0, 38.0)


def _article(lines: list[str], places: dict[str, Place], precision: dict[str, int] | None = None):
    """Sentences (one per line) and resolved mentions of every occurrence of each surface in ``places``."""
    text = "\n".join(lines)
    sentences, start = [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(i, start, start + len(line), line))
        start += len(line) + 1
    mentions = []
    for surface, place in places.items():
        pos = text.find(surface)
        while pos >= 0:
            index = next(s.index for s in sentences if s.start <= pos < s.end)
            geo = (precision or {}).get(surface, 3 if place.type is PlaceType.GOVERNORATE else 1)
            loc = Location(place.lat, place.lon, geo, place=place)
            if place.type is PlaceType.COUNTRY:
                loc = None
            mentions.append(Mention(surface, pos, pos + len(surface), index, place, score=1.0, location=loc))
            pos = text.find(surface, pos + 1)
    mentions.sort(key=lambda m: m.start)
    return text, sentences, mentions


def _extract(lines, places, precision=None, published=SUNDAY) -> tuple[list[Incident], list[Mention]]:
    text, sentences, mentions = _article(lines, places, precision)
    return extract_incidents(text, sentences, mentions, published=published, language="ar"), mentions


AIR = ("Explosions/Remote violence", "Air/drone strike")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")


def test_incident_at_the_target_not_the_source_nor_abroad() -> None:
    incidents, mentions = _extract(
        [
            "قصفت طائرات حربية روسية محيط مدينة إدلب بعدة غارات جوية، بعد اجتماعات في العاصمة أنقرة.",
            "وقال مصدر من مدينة إدلب، اليوم الأحد، إن القصف استهدف قرية عرب سعيد ومحيط السجن المركزي "
            "في محيط إدلب، بـ11 غارة جوية.",
        ],
        {"إدلب": IDLIB, "أنقرة": ANKARA, "عرب سعيد": ARAB_SAID, "السجن المركزي": PRISON},
        precision={"إدلب": 2},
    )
    placed = [
        (i.sentence, i.location.place.name if i.location and i.location.place else None) for i in incidents
    ]
    assert placed == [
        (0, "Idlib"),
        (1, "Arab Said"),
        (1, "Idlib Central Prison"),
    ]
    assert all((i.event_type, i.sub_event_type) == AIR for i in incidents)
    arab_said = incidents[1]
    assert arab_said.counts == {"strikes": 11}
    assert incidents[2].counts == {}  # the count describes the event once
    assert arab_said.date == SUNDAY and arab_said.date_precision == "day"
    # The lead names the perpetrator; the details inherit it.
    assert arab_said.actors == ["Russian forces"]
    assert mentions[arab_said.mention].place == ARAB_SAID
    roles = {(m.sentence, m.text): m.role for m in mentions}
    assert roles[(1, "عرب سعيد")] == Role.INCIDENT
    assert roles[(0, "أنقرة")] == Role.MENTIONED
    assert sum(r == Role.INCIDENT for (s, _), r in roles.items() if s == 1) == 2  # not the source's Idlib


def test_foreign_only_sentence_has_no_location() -> None:
    incidents, mentions = _extract(
        ["Russian warplanes bombed targets, officials said in Ankara."], {"Ankara": ANKARA}
    )
    assert len(incidents) == 1
    assert incidents[0].location is None and incidents[0].mention is None
    assert mentions[0].role == Role.MENTIONED


def test_country_is_never_a_location() -> None:
    incidents, _ = _extract(["Russian airstrikes hit Syria."], {"Syria": SYRIA})
    assert incidents[0].location is None


def test_village_beats_governorate() -> None:
    incidents, _ = _extract(
        ["قصف مدفعي على بلدة سراقب في محافظة إدلب"], {"سراقب": SARAQIB, "محافظة إدلب": IDLIB_GOV}
    )
    assert incidents[0].location.place == SARAQIB


def test_patrol_on_road() -> None:
    incidents, _ = _extract(
        ["وكانت إدلب قد شهدت هدوءا مع تسيير دوريات مشتركة بين الروس والأتراك على طريق حلب- اللاذقية."],
        {"إدلب": IDLIB, "طريق حلب- اللاذقية": M4},
    )
    assert [(i.event_type, i.sub_event_type) for i in incidents] == [("Strategic developments", "Other")]
    assert incidents[0].location.place == M4
    assert incidents[0].actors == ["Russian forces", "Turkish forces"]


def test_confirmations_merge_into_one_incident() -> None:
    incidents, mentions = _extract(
        [
            "قصفت طائرات حربية روسية محيط مدينة إدلب بعدة غارات جوية.",
            "من جانبها أكدت شبكات موالية لنظام الأسد القصف الروسي على محيط إدلب.",
            "وقال عضو في حكومة نظام الأسد إن القصف طال مقرات لتنظيم حراس الدين.",
            "تسيير دوريات مشتركة على طريق حلب- اللاذقية.",
            "وتشهد المحافظة تطورات مع تسيير الدوريات المشتركة على طريق حلب- اللاذقية.",
        ],
        {"إدلب": IDLIB, "طريق حلب- اللاذقية": M4},
        precision={"إدلب": 2},
    )
    assert [(i.sentence, i.event_type) for i in incidents] == [
        (0, "Explosions/Remote violence"),
        (3, "Strategic developments"),
    ]
    assert incidents[0].actors == ["Russian forces", "Hurras al-Din"]
    assert mentions[1].role == Role.INCIDENT  # the confirmed place is where the incident happened


def test_generic_report_at_a_new_place_is_a_new_incident() -> None:
    incidents, _ = _extract(
        ["قصفت طائرات حربية محيط إدلب.", "وفي سياق آخر قصف مجهولون بلدة سراقب."],
        {"إدلب": IDLIB, "سراقب": SARAQIB},
    )
    assert [(i.sub_event_type, i.location.place.name) for i in incidents] == [
        ("Air/drone strike", "Idlib"),
        ("Shelling/artillery/missile attack", "Saraqib"),
    ]


def test_modal_sentences_give_nothing() -> None:
    incidents, _ = _extract(
        ["حذر المعهد أمس السبت من هجوم وشيك لقوات الأسد على محافظة إدلب."], {"محافظة إدلب": IDLIB_GOV}
    )
    assert incidents == []


def test_dates_and_default_date() -> None:
    incidents, _ = _extract(
        ["Regime forces shelled Saraqib yesterday.", "Clashes broke out in Idlib."],
        {"Saraqib": SARAQIB, "Idlib": IDLIB},
    )
    # An undated sentence goes on telling the day the article told last, else the publication day.
    yesterday = dt.date(2020, 9, 19)
    assert [(i.date, i.date_precision) for i in incidents] == [(yesterday, "day"), (yesterday, "day")]
    incidents, _ = _extract(["Clashes broke out in Idlib."], {"Idlib": IDLIB})
    assert [(i.date, i.date_precision) for i in incidents] == [(SUNDAY, "day")]
    incidents, _ = _extract(["Clashes broke out in Idlib."], {"Idlib": IDLIB}, published=None)
    assert incidents[0].date is None


def test_casualties_in_the_next_sentence_join_the_event() -> None:
    incidents, _ = _extract(
        ["Regime forces shelled Saraqib on Saturday.", "Five civilians were killed and 12 injured."],
        {"Saraqib": SARAQIB},
    )
    assert len(incidents) == 1
    assert (incidents[0].fatalities, incidents[0].injuries) == (5, 12)
    assert incidents[0].actors == ["Syrian government forces", "Civilians"]


def test_clash_sides_and_protest_demands() -> None:
    clash, _ = _extract(
        ["اندلعت اشتباكات عنيفة بين قوات النظام وفصائل المعارضة قرب سراقب"], {"سراقب": SARAQIB}
    )
    assert clash[0].actors == ["Syrian government forces", "Syrian opposition factions"]
    protest, _ = _extract(["خرجت مظاهرة في بلدة سراقب يوم الجمعة تطالب برحيل النظام"], {"سراقب": SARAQIB})
    assert (protest[0].event_type, protest[0].actors) == ("Protests", [])
    assert protest[0].date == dt.date(2020, 9, 18)


def test_territory_sub_type_follows_the_actor() -> None:
    gained, _ = _extract(["استعادت قوات النظام السيطرة على بلدة سراقب"], {"سراقب": SARAQIB})
    taken, _ = _extract(["سيطرت هيئة تحرير الشام على بلدة سراقب"], {"سراقب": SARAQIB})
    assert gained[0].sub_event_type == "Government regains territory"
    assert taken[0].sub_event_type == "Non-state actor overtakes territory"


ALEPPO = Place("t:aleppo", "Aleppo", "حلب", PlaceType.CITY, 36.2021, 37.1343)
ANADAN = Place("t:anadan", "Anadan", "عندان", PlaceType.TOWN, 36.295, 37.047)


def test_reports_of_different_days_are_different_events() -> None:
    incidents, _ = _extract(
        ["On 22 September an attack was reported in Aleppo.", "On 23 September an attack hit Aleppo again."],
        {"Aleppo": ALEPPO},
        published=dt.date(2020, 9, 24),  # published after both (a date after publication is refused)
    )
    assert [i.date for i in incidents] == [dt.date(2020, 9, 22), dt.date(2020, 9, 23)]


def test_elliptical_ordinals_continue_the_event_kind() -> None:
    incidents, _ = _extract(
        [
            "وقع هجومان بالذخائر الحارقة في تشرين الأول.",
            "الأولى في حي الصاخور، حلب.",
            "أما الثانية فكانت في عندان.",
        ],
        {"حلب": ALEPPO, "عندان": ANADAN},
    )
    placed = [(i.sentence, i.location.place.name) for i in incidents if i.location]
    assert placed == [(1, "Aleppo"), (2, "Anadan")]
    # The ordinal opens a new event even when the sentence then refers back to it.
    incidents, _ = _extract(
        ["وقعت حادثتان في تشرين الأول.", "الأولى منها في حي المشهد بحلب، ووثقت مقاطع مرتبطة بهذه الحادثة."],
        {"حلب": ALEPPO},
    )
    assert [(i.sentence, i.location.place.name) for i in incidents if i.location] == [(1, "Aleppo")]
    assert {i.event_type for i in incidents} == {"Explosions/Remote violence"}


def test_counted_events_are_listed_one_by_one() -> None:
    incidents, _ = _extract(
        ["Two incidents on 9 July were identified, one in Aleppo and one in western Aleppo."],
        {"Aleppo": ALEPPO},
    )
    assert len(incidents) == 2
    # More events than a report lists one by one, with no day: a statistic (gazetteer.events.framing).
    summary, _ = _extract(["Aleppo experienced 33 chemical weapons attacks."], {"Aleppo": ALEPPO})
    assert summary == []


def test_a_counted_heading_without_place_introduces_the_events() -> None:
    incidents, _ = _extract(
        [
            "On 22 September, two incidents involving incendiary munitions were identified.",
            "The first occurred in Anadan.",
            "The second occurred in Aleppo.",
        ],
        {"Aleppo": ALEPPO, "Anadan": ANADAN},
    )
    assert [(i.sentence, i.location.place.name) for i in incidents] == [(1, "Anadan"), (2, "Aleppo")]


def test_counted_events_without_a_day_are_one_summary() -> None:
    incidents, _ = _extract(["وشهدت سراقب ثلاث هجمات كيماوية."], {"سراقب": SARAQIB})
    assert len(incidents) == 1


def test_references_and_placeless_comments_add_no_incident() -> None:
    incidents, _ = _extract(
        [
            "On 6 November an incident occurred in Aleppo.",
            "The Syrian Archive verified one video related to this incident.",
            "The type of cluster munition used could not be determined.",
            "Russia conducted hundreds of airstrikes in the zone.",
        ],
        {"Aleppo": ALEPPO},
    )
    assert [(i.sentence, i.location.place.name if i.location else None) for i in incidents] == [(0, "Aleppo")]


def test_placeless_report_with_its_own_date_stands() -> None:
    incidents, _ = _extract(
        ["Regime forces shelled Saraqib on Saturday.", "On 12 September an incident was reported nearby."],
        {"Saraqib": SARAQIB},
    )
    assert [i.sentence for i in incidents] == [0, 1]
    assert incidents[1].date == dt.date(2020, 9, 12)
    # "nearby": placed where the sentence before says, approximately (see test_antecedents.py)
    where = incidents[1].location
    assert where is not None and (where.place, where.geo_precision) == (SARAQIB, 2)


# ---------------------------------------------------------------- the sample article, through the pipeline

SAMPLE = "samples/souria-idlib-airstrikes-2020-09-20.ar.txt"
SYRIA_BBOX = (35.6, 32.3, 42.4, 37.4)  # lon/lat extent with a small margin


@pytest.fixture(scope="module")
def sample_result(shared_dir):
    path = shared_dir / SAMPLE
    if not path.is_file():
        pytest.skip(f"../shared not found: {path}")
    try:
        from gazetteer.geoparser.pipeline import geoparse
        from gazetteer.places.bundled import default_gazetteer
    except ImportError as exc:  # the pipeline and the bundled gazetteer are other modules' work
        pytest.skip(f"geoparsing pipeline not available yet: {exc}")
    text = path.read_text(encoding="utf-8")
    return text, geoparse(text, gazetteer=default_gazetteer(), published=SUNDAY)


def _sentence_of(result, incident: Incident) -> str:
    return result.sentences[incident.sentence].text


@pytest.mark.shared
def test_sample_air_strike_on_arab_said(sample_result) -> None:
    _, result = sample_result
    strikes = [
        i
        for i in result.incidents
        if (i.event_type, i.sub_event_type) == AIR and i.counts.get("strikes") == 11
    ]
    assert len(strikes) == 1
    strike = strikes[0]
    assert strike.date == SUNDAY and strike.date_precision == "day"
    assert "Russian forces" in strike.actors
    sentence = _sentence_of(result, strike)
    assert "سعيد" in sentence and "السجن المركزي" in sentence


@pytest.mark.shared
def test_sample_aircraft_flying_and_warnings_are_not_incidents(sample_result) -> None:
    _, result = sample_result
    for incident in result.incidents:
        sentence = _sentence_of(result, incident)
        assert "تحلق" not in sentence  # «ثماني طائرات ... تحلق»
        assert "وشيك" not in sentence  # the ISW warning
    assert all(i.counts.get("aircraft") != 8 for i in result.incidents)


@pytest.mark.shared
def test_sample_patrols_on_the_m4(sample_result) -> None:
    _, result = sample_result
    patrols = [i for i in result.incidents if i.event_type == "Strategic developments"]
    assert patrols, "the joint patrols give a strategic development"
    for patrol in patrols:
        assert patrol.location is not None and patrol.location.place is not None
        assert patrol.location.place.type is PlaceType.ROAD
        assert patrol.location.geometry and patrol.location.geometry["type"] == "LineString"


@pytest.mark.shared
def test_sample_no_incident_outside_syria(sample_result) -> None:
    _, result = sample_result
    west, south, east, north = SYRIA_BBOX
    for incident in result.incidents:
        if incident.location is None:
            continue
        assert incident.location.place is None or incident.location.place.in_syria
        assert west <= incident.location.lon <= east and south <= incident.location.lat <= north
    for mention in result.mentions:
        if mention.place is not None and not mention.place.in_syria:
            assert mention.role == Role.MENTIONED


@pytest.mark.shared
def test_sample_one_incident_per_event(sample_result) -> None:
    _, result = sample_result
    keys = [
        (i.event_type, i.sub_event_type, i.location.place.id if i.location and i.location.place else None)
        for i in result.incidents
    ]
    assert len(keys) == len(set(keys))
    # «أكدت شبكات موالية ... القصف الروسي على محيط إدلب» confirms the lead: no incident of its own.
    assert not any("أكدت" in _sentence_of(result, i) for i in result.incidents)


def test_perpetrator_is_inherited_only_by_the_same_kind_of_event() -> None:
    incidents, _ = _extract(
        ["قصف مدفعي لقوات النظام على بلدة سراقب.", "وانفجرت عبوة ناسفة في مدينة إدلب."],
        {"سراقب": SARAQIB, "إدلب": IDLIB},
    )
    assert [(i.sub_event_type, i.actors[:1]) for i in incidents] == [
        (SHELLING[1], ["Syrian government forces"]),
        (IED[1], []),
    ]


# ---------------------------------------------------------------- every ACLED sub-event type, by geoparse


def _geoparse(text: str, published: dt.date | None = SUNDAY) -> list[Incident]:
    from gazetteer import default_gazetteer, geoparse

    return geoparse(text, gazetteer=default_gazetteer(), published=published).incidents


def _only(text: str, published: dt.date | None = SUNDAY) -> Incident:
    incidents = _geoparse(text, published)
    assert len(incidents) == 1, [(i.event_type, i.sub_event_type, i.trigger) for i in incidents]
    return incidents[0]


# One-sentence reports written for these tests in the style of Syrian news sites and monitors.
ONE_SENTENCE_REPORTS = [
    (
        "A civilian was shot dead by a sniper in Daraa al-Balad on Sunday.",
        "Violence against civilians",
        "Attack",
    ),
    ("قتل شاب برصاص قناص في حي درعا البلد اليوم الأحد.", "Violence against civilians", "Attack"),
    (
        "Two journalists were abducted on the road to Manbij on Saturday.",
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
    (
        "اختطف مسلحون مجهولون طبيباً على طريق منبج يوم أمس.",
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
    (
        "Fighters of an armed faction raped a woman detained in a prison in Afrin, a rights group said.",
        "Violence against civilians",
        "Sexual violence",
    ),
    (
        "اغتصب عناصر من فصيل مسلح امرأة محتجزة في أحد سجون عفرين.",
        "Violence against civilians",
        "Sexual violence",
    ),
    (
        "An IED exploded under a bus in Jableh on Sunday.",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    (
        "انفجر لغم أرضي بسيارة مدنية قرب مدينة جبلة.",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    (
        "انفجرت عبوة ناسفة تحت حافلة في مدينة جبلة.",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    ("داهمت دورية للأمن العسكري منزلا في مدينة درعا واعتقلت شابين.", "Strategic developments", "Arrests"),
    (
        "خطف مجهولون صحفيين اثنين على طريق منبج.",
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
    (
        "A suicide bomber blew himself up at a checkpoint in Azaz.",
        "Explosions/Remote violence",
        "Suicide bomb",
    ),
    ("فجر انتحاري نفسه عند حاجز في مدينة اعزاز.", "Explosions/Remote violence", "Suicide bomb"),
    ("A man threw a hand grenade at a shop in Daraa.", "Explosions/Remote violence", "Grenade"),
    ("ألقى مجهول قنبلة يدوية على محل تجاري في مدينة درعا.", "Explosions/Remote violence", "Grenade"),
    ("Russian warplanes struck the town of Saraqib.", "Explosions/Remote violence", "Air/drone strike"),
    (
        "Government artillery shelled the town of Saraqib.",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    ("Government forces and opposition fighters clashed near Saraqib.", "Battles", "Armed clash"),
    ("ISIS fighters ambushed an army convoy near Palmyra.", "Battles", "Armed clash"),
    (
        "Government forces took full control of Saraqib after heavy fighting.",
        "Battles",
        "Government regains territory",
    ),
    (
        "Opposition fighters captured the town of Saraqib from government forces.",
        "Battles",
        "Non-state actor overtakes territory",
    ),
    (
        "Protesters stormed the governorate building in Sweida and set it on fire.",
        "Riots",
        "Violent demonstration",
    ),
    ("أحرق متظاهرون غاضبون الإطارات واقتحموا مبنى المحافظة في السويداء.", "Riots", "Violent demonstration"),
    ("A crowd beat a man accused of theft in Qamishli.", "Riots", "Mob violence"),
    ("هاجم حشد من الأهالي سائق شاحنة في مدينة جرابلس.", "Riots", "Mob violence"),
    ("Hundreds of people demonstrated in Kafr Nubl against the government.", "Protests", "Peaceful protest"),
    ("خرجت مظاهرة في مدينة السويداء تطالب بإسقاط النظام.", "Protests", "Peaceful protest"),
    (
        "Police dispersed a sit-in in Sweida and detained four participants.",
        "Protests",
        "Protest with intervention",
    ),
    (
        "فرقت قوات الأمن اعتصاماً في السويداء واعتقلت أربعة من المشاركين.",
        "Protests",
        "Protest with intervention",
    ),
    (
        "Security forces opened fire on demonstrators in Daraa, killing three protesters.",
        "Protests",
        "Excessive force against protesters",
    ),
    (
        "أطلقت قوات الأمن الرصاص الحي على المتظاهرين في درعا ما أدى إلى مقتل ثلاثة.",
        "Protests",
        "Excessive force against protesters",
    ),
    ("Fighters looted shops and homes in Afrin.", "Strategic developments", "Looting/property destruction"),
    (
        "نهب عناصر من الفصائل منازل المدنيين في مدينة عفرين.",
        "Strategic developments",
        "Looting/property destruction",
    ),
    ("Security forces arrested five young men during a raid in Daraa.", "Strategic developments", "Arrests"),
    ("شنت قوات النظام حملة مداهمة واعتقال في مدينة درعا.", "Strategic developments", "Arrests"),
    (
        "Army engineers defused an explosive device on the road near Daraa.",
        "Strategic developments",
        "Disrupted weapons use",
    ),
    ("فككت فرق الهندسة عبوة ناسفة على طريق درعا.", "Strategic developments", "Disrupted weapons use"),
    (
        "Air defences shot down two drones launched towards Hama airport.",
        "Strategic developments",
        "Disrupted weapons use",
    ),
    ("A Russian jet was shot down over Saraqib.", "Battles", "Armed clash"),
    (
        "Government troops entered Manbij without fighting.",
        "Strategic developments",
        "Non-violent transfer of territory",
    ),
    ("دخلت قوات النظام مدينة منبج دون قتال.", "Strategic developments", "Non-violent transfer of territory"),
    (
        "انتشرت دوريات الشرطة العسكرية الروسية في بلدة جاسم بموجب اتفاق التسوية.",
        "Strategic developments",
        "Non-violent transfer of territory",
    ),
    (
        "Jaysh al-Nasr announced that it was merging into the National Front for Liberation in Idlib.",
        "Strategic developments",
        "Change to group/activity",
    ),
    (
        "Turkish forces set up a new military post near Saraqib.",
        "Strategic developments",
        "Headquarters or base established",
    ),
    ("Russia and Turkey signed a ceasefire agreement for Idlib.", "Strategic developments", "Agreement"),
    (
        "Russian and Turkish forces carried out a joint patrol on the M4 near Saraqib.",
        "Strategic developments",
        "Other",
    ),
]


@pytest.mark.parametrize(("text", "event_type", "sub_type"), ONE_SENTENCE_REPORTS)
def test_one_sentence_report_of_each_sub_event_type(text: str, event_type: str, sub_type: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.sub_event_type) == (event_type, sub_type)
    assert incident.location is not None


def test_the_reports_cover_every_acled_sub_event_type() -> None:
    from gazetteer.events.extract import ACLED_TYPES

    covered = {(t, s) for _, t, s in ONE_SENTENCE_REPORTS}
    wanted = {(t, s) for t, subs in ACLED_TYPES.items() for s in subs} - {
        ("Explosions/Remote violence", "Chemical weapon")  # tested above on its own
    }
    assert wanted - covered == set()


@pytest.mark.parametrize(
    ("text", "fatalities", "injuries"),
    [
        (
            "A car bomb exploded in the market of Azaz on Sunday, killing at least seven civilians and "
            "wounding more than twenty, medical sources said.",
            7,
            20,
        ),
        ("Russian jets struck homes in Saraqib on Sunday, killing a woman and her two sons.", 3, None),
        ("Mortar shells fell on Saraqib on Sunday; no one was hurt, local sources said.", 0, 0),
        (
            "انفجرت عبوة ناسفة بسيارة في مدينة اعزاز اليوم الأحد، ما أدى إلى مقتل عنصرين وإصابة سبعة آخرين.",
            2,
            7,
        ),
        ("سقطت قذائف على مدينة سراقب اليوم الأحد دون وقوع إصابات.", 0, 0),
    ],
)
def test_casualties_of_an_incident(text: str, fatalities: int | None, injuries: int | None) -> None:
    incident = _only(text)
    assert (incident.fatalities, incident.injuries) == (fatalities, injuries)


def test_a_headline_repeating_the_lead_makes_no_second_incident() -> None:
    text = (
        "Airstrike kills four in Saraqib market\n"
        "An airstrike hit the main market of Saraqib on Sunday, killing four people and injuring at least "
        "eleven, residents said."
    )
    incident = _only(text)
    assert incident.sentence == 1 and (incident.fatalities, incident.injuries) == (4, 11)
    arabic = (
        "مقتل ثلاثة مدنيين بقصف جوي على سراقب\n"
        "قصفت طائرات حربية روسية مدينة سراقب اليوم الأحد، ما أدى إلى مقتل ثلاثة مدنيين وإصابة آخرين."
    )
    incident = _only(arabic)
    assert (
        incident.sentence == 1 and incident.sub_event_type == "Air/drone strike" and incident.fatalities == 3
    )


def test_a_headline_that_the_text_does_not_repeat_stays() -> None:
    incident = _only("Clashes near Saraqib\nThe road to Idlib was closed by snow on Sunday.")
    assert (incident.sentence, incident.sub_event_type) == (0, "Armed clash")


@pytest.mark.parametrize(
    "text",
    [
        "Since 2011, more than 300,000 civilians have been killed in Syria, according to the UN.",
        "منذ بداية الحرب قتل أكثر من 300 ألف مدني في سوريا بحسب الأمم المتحدة.",
        "The ceasefire agreed in Moscow in 2020 has largely held in Idlib.",
        "The deal had been concluded in Busra al-Sham on 6 July.",
        "Victims of the attack were taken to hospitals in Idlib.",
        "في أعقاب الهجوم نقل الضحايا إلى مستشفيات مدينة إدلب.",
        "This is not the first time the hospital in Saraqib has been targeted.",
        "Another video published after the attack shows the impact site in Saraqib.",
        "The monitor found that Aleppo was hit with no less than 648 barrel bombs in December alone.",
        "وثقت الشبكة إلقاء 650 برميلا متفجرا على مدينة حلب خلال شهر آب 2016.",
        'وقال الوزير: "لا يستطيع سلاح الجو السوري القيام بهذه العملية في حلب ليلا".',
        "The ministry said a weapons depot was in the area of Saraqib.",
    ],
)
def test_background_sentences_make_no_incident(text: str) -> None:
    assert _geoparse(text) == []


def test_a_report_placed_by_the_next_sentence_keeps_its_sentence() -> None:
    text = (
        "It was also reported that a civil defence centre was damaged in an airstrike on Sunday.\n"
        "This airstrike, on the civil defence centre in Saraqib, was caught on camera."
    )
    incident = _only(text)
    assert incident.sentence == 0 and incident.location.place.name == "Saraqib"


def test_without_a_publication_date_the_text_dates_the_incidents() -> None:
    dateline = (
        "إدلب - الأربعاء 5 شباط 2020\nقصفت طائرات حربية روسية مدينة سراقب اليوم، ما أدى إلى مقتل مدنيين."
    )
    incident = _only(dateline, published=None)
    assert (incident.date, incident.date_precision) == (dt.date(2020, 2, 5), "day")
    narrative = (
        "On 15 January 2020, warplanes struck the town of Saraqib, killing six people.\n"
        "On Monday, government artillery shelled the town of Ariha."
    )
    strike, shelling = _geoparse(narrative, published=None)
    assert strike.date == dt.date(2020, 1, 15) and shelling.date == dt.date(2020, 1, 13)  # the Monday before
    assert _only("Warplanes struck Saraqib on 23 October.", published=None).date is None  # no year anywhere
    assert _only("Warplanes struck Saraqib on 23 October.", published=SUNDAY).date == dt.date(2019, 10, 23)


def test_a_written_date_that_contradicts_itself_or_publication_is_refused() -> None:
    # 5 February 2020 was a Wednesday, and a report cannot tell what happens after it is published.
    assert _only("قصفت طائرات حربية مدينة سراقب يوم الخميس 5 شباط 2020.", published=SUNDAY).date == SUNDAY
    assert _only("Warplanes struck Saraqib on 5 October 2021.", published=SUNDAY).date == SUNDAY
    assert _only("Warplanes struck Saraqib on October 1st 2015.", published=SUNDAY).date == dt.date(
        2015, 10, 1
    )


@pytest.mark.parametrize(
    ("text", "event_type", "sub_type"),
    [
        # Air support and accusations are not the event.
        (
            "Government forces backed by Russian air strikes took control of Saraqib on Sunday.",
            "Battles",
            "Government regains territory",
        ),
        (
            "Government forces backed by Hezbollah captured Saraqib on Sunday.",
            "Battles",
            "Government regains territory",
        ),
        (
            "SDF forces backed by coalition helicopters raided a village near Raqqa and detained 11 people.",
            "Strategic developments",
            "Arrests",
        ),
        (
            "Police in Tartus arrested a man suspected of planting an explosive device near the Corniche.",
            "Strategic developments",
            "Arrests",
        ),
        ("اعتقلت قوات النظام شاباً في مدينة درعا بتهمة زرع عبوة ناسفة.", "Strategic developments", "Arrests"),
        (
            "داهمت قوات الأسايش بمساندة مروحيات التحالف قرية قرب الشدادي واعتقلت ثمانية أشخاص.",
            "Strategic developments",
            "Arrests",
        ),
        (
            "Hundreds of people demonstrated in Idlib, protesting against the shelling of Saraqib.",
            "Protests",
            "Peaceful protest",
        ),
        ("تظاهر العشرات في مدينة إدلب احتجاجا على القصف الروسي.", "Protests", "Peaceful protest"),
        # The subject of a territorial gain is its perpetrator, however the actor is written.
        (
            "The army and Hezbollah fighters took full control of al-Qusayr after a three-week battle.",
            "Battles",
            "Government regains territory",
        ),
        # ... not the side another event word names ("after government troops withdrew": they lost it)
        (
            "Islamic State fighters took full control of al-Qusayr on Sunday "
            "after army troops withdrew from its hospital.",
            "Battles",
            "Non-state actor overtakes territory",
        ),
        (
            "Government forces and their allies entered al-Qusayr on Sunday.",
            "Battles",
            "Government regains territory",
        ),
        # Ground fighters attacking a village and killing its people: an attack on civilians.
        (
            "Islamic State militants attacked a village east of Salamiyah, killing at least 52 people, "
            "including women and children.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "Islamic State militants attacked an army position south of Palmyra, killing four soldiers.",
            "Battles",
            "Armed clash",
        ),
    ],
)
def test_the_event_is_the_main_clause_s(text: str, event_type: str, sub_type: str) -> None:
    incident = _only(text)
    assert (incident.event_type, incident.sub_event_type) == (event_type, sub_type)


def test_two_clauses_two_events_at_their_places() -> None:
    text = (
        "Opposition fighters shelled government positions in Kafr Zita on Sunday, and government artillery "
        "responded by shelling Saraqib."
    )
    incidents = _geoparse(text)
    assert [i.location.place.name for i in incidents] == ["Kafr Zita", "Saraqib"]
    assert {i.sub_event_type for i in incidents} == {"Shelling/artillery/missile attack"}
    assert {i.date for i in incidents} == {SUNDAY}
    arabic = "اشتباكات عنيفة في محيط مدينة درعا وقصف مدفعي يطال مدينة إدلب اليوم الأحد."
    clash, shelling = _geoparse(arabic)
    assert (clash.sub_event_type, shelling.sub_event_type) == (
        "Armed clash",
        "Shelling/artillery/missile attack",
    )
    assert (clash.location.place.name, shelling.location.place.name) != ("Daraa", "Daraa")


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "On Sunday barrel bombs fell on the eastern districts of Saraqib, while opposition rockets hit "
            "government-held districts, killing at least 11 people.",
            ["Air/drone strike", "Shelling/artillery/missile attack"],
        ),
        (
            "ريف درعا الغربي | اشتباكات عنيفة على التل المطل على بلدة نوى وقصف يطال عين الماء شرق البلدة",
            ["Armed clash", "Shelling/artillery/missile attack"],
        ),
    ],
)
def test_another_kind_of_event_in_a_clause_with_no_place_is_a_second_incident_there(text, kinds) -> None:
    incidents = _geoparse(text)
    assert [i.sub_event_type for i in incidents] == kinds
    assert incidents[0].location.place is incidents[1].location.place


def test_a_place_taken_by_one_side_and_retaken_by_the_other_is_two_incidents() -> None:
    text = (
        "Government forces seized the hill overlooking Kafr Nabudah on 17 July 2019; opposition fighters "
        "retook the hill hours later, a war monitor said."
    )
    seized, retook = _geoparse(text)
    assert seized.sub_event_type == "Government regains territory"
    assert retook.sub_event_type == "Non-state actor overtakes territory"
    assert retook.location.place is seized.location.place
    # The same side taking two places in turn is one advance, told as one incident.
    assert len(_geoparse("Rebels captured Kafr Nabudah on Sunday; they took control of the hills too.")) == 1


def test_a_capture_told_after_another_event_is_a_second_incident_at_its_place() -> None:
    text = (
        "Islamic State militants abducted around 230 residents of al-Qaryatayn, many of them Christians, "
        "after seizing the town on 6 August 2015, a monitoring group said."
    )
    abducted, seized = _geoparse(text)
    assert (abducted.sub_event_type, seized.sub_event_type) == (
        "Abduction/forced disappearance",
        "Non-state actor overtakes territory",
    )
    assert seized.location.place is abducted.location.place
    # Deaths told after their cause are its toll, not a second incident.
    toll = "Two civilians died in Ariha on Monday, after regime artillery shelled the town."
    assert len(_geoparse(toll)) == 1


def test_a_dated_sentence_that_reports_no_event_dates_no_later_sentence() -> None:
    text = (
        "Rockets hit Kafr Nabl on 3 March 2019. On 6 March 2019 the opposition council condemned the attack. "
        "Shells also fell on Ariha."
    )
    rockets, shells = _geoparse(text, dt.date(2019, 3, 8))
    assert rockets.date == shells.date == dt.date(2019, 3, 3)


def test_another_kind_of_event_told_after_where_is_a_second_incident_at_that_place() -> None:
    text = "Fighting reached the Bustan al-Qasr district on Sunday, where warplanes struck rebel positions."
    fighting, strike = _geoparse(text)
    assert (fighting.event_type, strike.sub_event_type) == ("Battles", "Air/drone strike")
    assert strike.location.place is fighting.location.place
    # A toll told after "where" is the event's own.
    assert len(_geoparse("Shells fell on the market of Ariha on Sunday, where two children died.")) == 1


def test_explosions_that_opened_a_capture_are_a_second_incident_at_its_place() -> None:
    text = "Rebels overran the hill village of Kabani on Sunday after two car bombs hit the army's trenches."
    seized, bombs = _geoparse(text)
    assert seized.event_type == "Battles" and bombs.sub_event_type == "Remote explosive/landmine/IED"
    assert bombs.location.place is seized.location.place
    # Fighting or a withdrawal that led to the capture is part of it, with or without a place of its own.
    assert (
        len(_geoparse("Rebels overran Kabani on Sunday after two days of fighting near Jisr al-Shughur."))
        == 1
    )
    assert len(_geoparse("The army took Kabani on Sunday after the rebels withdrew from Bdama.")) == 1


def test_a_gathering_that_turns_violent_or_ends_in_arrests_is_one_incident() -> None:
    marched = (
        "Dozens of men marched through the streets of al-Bab on Sunday to protest against power cuts; "
        "the crowd set tyres alight and stoned the electricity office."
    )
    assert len(_geoparse(marched)) == 1
    assert len(_geoparse("فرقت قوات الأمن اعتصاماً في السويداء واعتقلت أربعة من المشاركين.")) == 1


def test_a_clause_placed_only_by_a_source_name_is_no_event_of_its_own() -> None:
    text = (
        "Protesters in Sweida stormed the governorate building on Sunday and set part of it on fire; one "
        "protester and a policeman were killed when security forces opened fire, the local Suwayda 24 "
        "network reported."
    )
    incident = _only(text)
    assert (incident.sub_event_type, incident.fatalities) == ("Violent demonstration", 2)


def test_people_disappeared_during_an_operation_told_just_before_are_placed_there() -> None:
    text = (
        "Government forces made advances into Saraqib on Sunday, forcing thousands out of their homes.\n"
        "Many people were reported to be disappeared during the evacuation."
    )
    advance, disappeared = _geoparse(text)
    assert advance.sub_event_type == "Government regains territory"
    assert disappeared.sub_event_type == "Abduction/forced disappearance" and disappeared.sentence == 1
    assert disappeared.location.place.name == "Saraqib" and disappeared.location.geo_precision >= 2
    # Events named as already known ("The arrests") without a place are a comment, not a new event.
    comment = "Government forces made advances into Saraqib on Sunday.\nThe arrests followed the evacuation."
    assert len(_geoparse(comment)) == 1


def test_fire_returned_after_an_event_told_at_a_place_is_a_clash_there() -> None:
    text = "Army artillery shelled the outskirts of Kafr Nabl on Tuesday.\nThe defenders returned fire."
    shelling, answer = _geoparse(text)
    assert shelling.sub_event_type == "Shelling/artillery/missile attack"
    assert (answer.event_type, answer.sentence) == ("Battles", 1)
    assert answer.location.place.name == shelling.location.place.name and answer.location.geo_precision >= 2


def test_shells_fired_in_answer_after_a_clash_told_at_a_place_are_a_shelling_there() -> None:
    text = (
        "Rebels clashed with soldiers in Qaboun on Friday.\n"
        "The army responded with artillery fire on the area."
    )
    clash, answer = _geoparse(text)
    assert clash.sub_event_type == "Armed clash"
    assert (answer.sub_event_type, answer.sentence) == ("Shelling/artillery/missile attack", 1)
    assert answer.location.place == clash.location.place and answer.location.geo_precision >= 2


def test_allies_entering_a_town_with_government_forces_regain_it() -> None:
    text = (
        "Government forces and their Iranian-backed allies entered Kafranbel on Friday after rebels withdrew."
    )
    (advance,) = _geoparse(text)
    assert advance.sub_event_type == "Government regains territory"
    assert advance.location.place.name == "Kafranbel"


def test_fighters_cutting_a_road_take_ground_across_it() -> None:
    (cut,) = _geoparse("Rebel fighters cut the road south of Morek on Sunday after a night of fighting.")
    assert (cut.event_type, cut.sub_event_type) == ("Battles", "Non-state actor overtakes territory")


def test_people_gone_missing_during_an_operation_told_just_before_are_disappeared_there() -> None:
    text = (
        "سيطرت القوات الحكومية على حي الشعار في مدينة حلب يوم 7 كانون الأول 2016. "
        "وأفاد ناشطون بفقدان عشرات المدنيين خلال عملية الإخلاء."
    )
    advance, missing = _geoparse(text)
    assert missing.sub_event_type == "Abduction/forced disappearance" and missing.sentence == 1
    assert missing.location.place == advance.location.place and missing.location.geo_precision >= 2


def test_the_same_day_and_the_next_day_count_from_the_date_told_last() -> None:
    text = (
        "Islamic State militants attacked an army position near Palmyra on 17 February 2023, killing "
        "four soldiers.\n"
        "Seven civilians collecting truffles near Palmyra were killed the same day by a landmine.\n"
        "The following day, snipers fired on demonstrators in Daraa."
    )
    attack, landmine, snipers = _geoparse(text, published=dt.date(2023, 2, 20))
    assert attack.date == landmine.date == dt.date(2023, 2, 17) and landmine.fatalities == 7
    assert snipers.date == dt.date(2023, 2, 18)
    assert snipers.sub_event_type == "Excessive force against protesters"


def test_a_day_earlier_counts_back_from_the_date_told_last() -> None:
    text = (
        "A drone struck a car near Tal Tamr on 12 May 2022, killing two fighters.\n"
        "A day earlier, gunmen shot dead a shepherd near Hajin."
    )
    drone, gunmen = _geoparse(text, published=dt.date(2022, 5, 13))
    assert drone.date == dt.date(2022, 5, 12) and gunmen.date == dt.date(2022, 5, 11)
