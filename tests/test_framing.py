"""Sentences that name an event without reporting one, read alone and after a lead through the geoparser."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gazetteer import geoparse
from gazetteer.events.classify import classify
from gazetteer.events.counting import find_counts
from gazetteer.events.dates import resolve_tokens
from gazetteer.events.framing import framing
from gazetteer.places.bundled import default_gazetteer
from gazetteer.places.normalize import tokenize

PUBLISHED = dt.date(2020, 2, 4)
LEAD_EN = (
    "Russian warplanes struck the town of Saraqib in Idlib countryside on Tuesday, killing four civilians."
)
LEAD_AR = "قصفت طائرات حربية روسية مدينة سراقب في ريف إدلب يوم الثلاثاء، ما أسفر عن مقتل أربعة مدنيين."


def _framing(sentence: str, *, told: bool = True, placed: bool = True) -> str | None:
    tokens = tokenize(sentence)
    event = classify(tokens)
    assert event is not None, f"no event word in {sentence!r}"
    stated = resolve_tokens(sentence, tokens, PUBLISHED)
    stated = stated if stated[0] is not None and stated[1] is not None else None
    return framing(sentence, tokens, event, find_counts(tokens), stated, told=told, placed=placed)


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("There were no reports of clashes in Ariha on Wednesday.", "negated"),
        # What a position serves for, not an event that happened.
        ("وتتخذ القوات من التلة منطلقاً لقصف القرى المجاورة.", "plan"),
        ("The hill serves as a launchpad for attacks on nearby villages.", "plan"),
        ("ولم تسجل اشتباكات في أريحا يوم الأربعاء.", "negated"),
        ("Government forces are preparing an assault on the town of Ma'arrat al-Nu'man.", "plan"),
        ("ودعا ناشطون إلى مظاهرة في بنش يوم الجمعة.", "reaction"),
        ("Warplanes carried out 25 raids on the southern countryside of Idlib last week.", "statistic"),
        ("Idlib experienced 49 chemical weapons attacks.", "statistic"),
        ("ونفذت الطائرات الحربية 25 غارة على ريف إدلب الجنوبي الأسبوع الماضي.", "statistic"),
        ("Shelling has become a daily occurrence in the southern countryside of Idlib.", "statistic"),
        ("وارتفعت وتيرة الغارات على المدارس في ريف حماة خلال النصف الثاني من العام.", "statistic"),
        ("The Syrian Archive's database includes 350 videos of attacks on hospitals in Idlib.", "media"),
        ("ويضم أرشيف الفريق 350 مقطعاً مصوراً للهجمات على المستشفيات في إدلب.", "media"),
        ("In 2013 Syria ratified the Chemical Weapons Convention in The Hague.", "title"),
        ("## Chemical Weapons Database", "title"),
        ('- Medecins Sans Frontieres (Feb. 2017): "At Least 25 Killed in Attack on Hospital"', "title"),
        ("The UN Secretary-General condemned the bombing of civilian areas in Idlib.", "reaction"),
        # what the event told answers: a comment on its motive
        ("The army said the bombardment was a response to rockets fired at its posts in Jableh.", "reaction"),
        ("The raid, residents said, was a reprisal for the kidnapping of an officer in Tafas.", "reaction"),
        ('وحمّلت دمشق "الجماعات الإرهابية" مسؤولية الهجوم على إدلب.', "reaction"),
        ("Moscow rejected reports that its jets had bombed the market in Ariha.", "reaction"),
        ("Saraqib had already been bombed repeatedly during the 2019 offensive.", "statistic"),
        ("The village had been largely emptied by weeks of bombardment.", "consequence"),
        ("The town had been held by opposition groups, and the army had shelled it.", "recall"),
        ("The hospital in Kafr Nabl was put out of service by the bombing.", "consequence"),
        ("وخرج مستشفى كفرنبل عن الخدمة جراء القصف.", "consequence"),
        (
            "Russian and Syrian jets have carried out hundreds of strikes on Idlib province since April.",
            "statistic",
        ),
        (
            "Nearly a million people have been displaced by the fighting in northwest Syria since December.",
            "statistic",
        ),
        ("وقتل أكثر من 500 مدني في غارات جوية على إدلب منذ كانون الأول.", "statistic"),
        ("It was not immediately clear who carried out the attack on the checkpoint in Ariha.", "reaction"),
        ("وقال الجيش السوري إنه يرد على قصف الفصائل لمدينة حلب.", "reaction"),
        ("وكانت المدينة قد تعرضت لهجوم بغاز الكلور عام 2017 أودى بحياة العشرات.", "recall"),
        ("وسبق أن استهدف الطيران الحربي السوق ذاته خلال العام الماضي.", "recall"),
        # A past perfect with «قبل أن»: the run-up to the event told, even with no month or year.
        ("وكانت اشتباكات قد اندلعت مع الحراس عند البوابة قبل أن يدخل المسلحون مبنى البلدية.", "recall"),
        ("وكانت الفصائل قد انسحبت من قرى سهل الغاب قبل أيام.", "recall"),
        # «قبل يومين», «قبل يوم» write a day, counted back from the event told; a long subject
        ("وكان الأهالي قد نزحوا من القرية قبل يومين بسبب اشتداد القصف عليها.", "recall"),
        ("وكانت فصائل الجبهة الوطنية للتحرير قد أعلنت قبل يوم بدء هجوم على التلة.", "recall"),
        ("وكانت قوات الفرقة الرابعة قد سيطرت على التلة في آذار 2018.", "recall"),  # dated, a long subject
        # what the event told comes after or within: context, not a second report
        ("ويأتي القصف بعد أسبوع من سيطرة الفصائل على التلة بموجب اتفاق مع الأهالي.", "recall"),
        # A report or an investigation about events, as a video or a database is.
        ("وأصدرت منظمة العفو الدولية تقريراً عن الغارات الجوية على المستشفيات في ريف حلب.", "media"),
        ("ونشر الفريق تحقيقين حول الهجمات بالبراميل المتفجرة على داريا.", "media"),
        # An anniversary: the day it states is the day the event is remembered.
        ("وتصادف يوم الجمعة 7 نيسان 2023 الذكرى الخامسة لمجزرة الكيماوي في دوما.", "recall"),
        ("Activists marked on 4 April the anniversary of the sarin attack on Khan Sheikhoun.", "recall"),
        # A running count: a monitor's total, a period's tally.
        (
            "The network has documented the killing of 212 civilians in Hama since the truce collapsed.",
            "statistic",
        ),
        (
            "Twenty-six people were killed in shootings across Idlib in March, its monthly tally showed.",
            "statistic",
        ),
        ("Security forces have arrested more than 300 people in Raqqa province this year.", "statistic"),
        # "since" with its year further on: the period the count covers.
        (
            "Engineers have removed 4,000 landmines from the town since it was retaken from IS in May 2018.",
            "statistic",
        ),
        # A claim the text weighs, told or not, even with a day: an allegation, a hoax.
        ("The ministry dismissed as misinformation the allegations that jets bombed Ariha.", "claim"),
        ("Another hoax about a school supposedly shelled in Saraqib on 3 May spread online.", "claim"),
        # "The airstrike came ...": the event told set beside another happening, whatever its day.
        ("The airstrike came hours after a patrol passed through Ariha on 3 February.", "recall"),
        # A capitalised event word after "titled": a title's word.
        ("An exhibition titled Attacks on Bakeries opened in Idlib city.", "title"),
        # Events summed between two dates, or over a whole period: a span, even with its days written.
        (
            "وتعرضت ثلاث مدارس في ريف حلب الغربي لغارات جوية"
            " خلال الفترة الممتدة من 2 آذار وحتى 9 نيسان 2019.",
            "statistic",
        ),
        (
            "وتعرضت أربعة أفران في ريف إدلب لقصف في الفترة من 2 تشرين الأول إلى 30 كانون الأول 2019.",
            "statistic",
        ),
        # "This is the third time …": how many times, not the event.
        ("وتعد هذه المرة الثالثة خلال شهر التي تقصف فيها المدفعية قرى ريف القنيطرة الشمالي.", "statistic"),
        ("وتكررت حالات الاعتقال على حواجز مدينة حماة طيلة الفترة، وبلغت ذروتها في شهر أيار.", "statistic"),
    ],
)
def test_a_sentence_that_frames_an_event_reports_none(sentence: str, reason: str) -> None:
    assert _framing(sentence) == reason


@pytest.mark.parametrize(
    "sentence",
    [
        LEAD_EN,
        LEAD_AR,
        "Russian jets carried out 12 strikes on Kafr Nabl on Monday.",  # a count of one day's strikes
        "The network documented the killing of two farmers in Kafr Nabl on 3 May.",  # one event, its day
        # A count of strikes within one part of a day: one wave, not a sum over many days.
        "Russian jets carried out 12 strikes on Kafr Nabl overnight, killing three civilians.",
        "شنت الطائرات الحربية أكثر من 30 غارة على مدينة أريحا خلال ساعات الليل.",
        "A video shows the aftermath of an airstrike on Kafr Nabl on 5 May.",  # a video with its day
        "01:47 -- Syrian airstrikes targeted Khan Sheikhoun with four rockets.",  # a time, not a count
        # A count of events that writes the day of the first: the next sentences tell them.
        "A total of 10 incidents were identified in November 2016, starting on 4 November in Aleppo.",
        "The fourth incident, which had not been previously reported, occurred at night in Hayyan.",
        "Airstrikes hit Ariha on Monday without casualties.",  # a negation after the event word
        "Opposition factions shelled Jableh in response on Monday.",  # an answer reported, not a motive
        "Hundreds of people demonstrated in Kafr Nubl against the government.",  # people, not events counted
        "The Syrian Archive collected two videos related to this incident.",  # about an event told
        "وذكر تقرير للمرصد أن غارة جوية استهدفت مدينة سراقب.",  # a report that an event happened
        # A negation a verb of stopping follows says the event goes on.
        "ولم يتوقف القصف المدفعي على مدينة سراقب يوم الاثنين.",
        "The shelling of Ariha did not stop on Monday.",
        # A caption opening with a hashtag, not a markdown heading.
        "#Ariha | the moment a missile hit the vegetable market 03-02-2020",
        "#أريحا | لحظة سقوط قذيفة على سوق الخضار في المدينة 03-02-2020",
        # "titled" before a lower-case event word: the event is told, not a title's word.
        "A man titled the video before an airstrike hit Ariha on Monday.",
        # A day written beside a span, with a month of its own, is an event's day.
        "وكان آخر هجوم على المدارس خلال الفترة الممتدة ما بين آذار وأيار 2019"
        " قد وقع في 14 تشرين الثاني في بلدة حيان.",
        # A stretch of one morning is no span of days.
        "قصفت المدفعية بلدة كفرنبل في الفترة الصباحية من يوم الاثنين 4 آذار 2019.",
        # A strike on positions a side uses as a launchpad is an event; the launchpad frames no word of it.
        "شنت الطائرات الحربية غارات على مواقع تتخذها الفصائل منطلقاً لعملياتها قرب أريحا يوم الاثنين.",
    ],
)
def test_a_sentence_that_reports_an_event_is_not_framed(sentence: str) -> None:
    assert _framing(sentence) is None


def test_a_year_right_before_the_event_word_is_a_date_not_a_count_of_events() -> None:
    # "In 2019, jets ...": the year stands a word before "jets", where a count of strikes would.
    for sentence in (
        "In 2017, helicopters bombed Kafr Nabl, killing nine people.",
        "In March 2017 helicopters bombed Kafr Nabl, killing nine people.",
    ):
        assert _framing(sentence, told=False) is None
    # A count of strikes in that year still sums them up.
    assert _framing("In 2017, 350 air strikes hit Kafr Nabl.", told=False) == "statistic"


def test_a_lead_stands_even_when_it_reacts_or_recalls() -> None:
    sentence = "The UN condemned the bombing of a hospital in Idlib."
    assert _framing(sentence, told=True) == "reaction"
    assert _framing(sentence, told=False) is None
    recalled = "The town had been shelled by government forces."
    assert _framing(recalled, told=True) == "recall"
    assert _framing(recalled, told=False) is None


def test_a_past_perfect_after_a_verb_of_saying_is_reported_speech_not_a_recall() -> None:
    assert _framing("The council said its guards had returned fire at the attackers.", told=True) is None
    # With a year, "had" still recalls an earlier event.
    recalled = "Residents said the bakery had been shelled in 2016."
    assert _framing(recalled, told=True) == "recall"


def test_a_placeless_generic_report_without_day_victims_or_count_is_vague() -> None:
    method = "This section provides a summary of attacks identified against protected objects."
    assert _framing(method, told=False, placed=False) == "vague"
    assert _framing(method, told=False, placed=True) is None
    assert _framing(method, told=True, placed=False) is None  # after an event: a confirmation, merged
    # A count of events with no place heads the sentences that tell them one by one.
    assert _framing("Two incidents were identified in October.", told=False, placed=False) is None


@pytest.mark.parametrize(
    ("lead", "sentence"),
    [
        (LEAD_EN, "There were no reports of clashes in Ariha on Wednesday."),
        (LEAD_EN, "The Syrian Network for Human Rights documented 15 massacres in Idlib during January."),
        (LEAD_EN, "Damascus blamed the attack on terrorist groups operating in Idlib."),
        (LEAD_EN, "Activists called for a protest in Binnish on Friday."),
        # The event told, set beside another happening whose day and place the sentence names.
        (LEAD_EN, "The airstrike came a day after a market in Ariha reopened on 3 February."),
        (LEAD_AR, "وأدان الأمين العام للأمم المتحدة قصف المناطق المدنية في إدلب."),
        (LEAD_AR, "وتستعد قوات النظام لشن هجوم على مدينة معرة النعمان."),
        # «هجمات» sums the day's attacks on the governorate up, even with «في اليوم نفسه».
        (LEAD_AR, "وقُتل في اليوم نفسه عشرات المدنيين في هجمات متفرقة على المحافظة."),
    ],
)
def test_after_a_lead_a_framing_sentence_adds_no_incident(lead: str, sentence: str) -> None:
    result = geoparse(f"{lead} {sentence}", gazetteer=default_gazetteer(), published=PUBLISHED)
    assert [inc.sentence for inc in result.incidents] == [0]
    assert result.incidents[0].location is not None
    assert result.incidents[0].location.place.name == "Saraqib"


def test_after_a_lead_another_reported_event_still_makes_its_incident() -> None:
    text = f"{LEAD_EN} Government artillery shelled the town of Ariha on Wednesday, wounding two."
    result = geoparse(text, gazetteer=default_gazetteer(), published=PUBLISHED)
    assert [(inc.sentence, inc.location.place.name) for inc in result.incidents] == [
        (0, "Saraqib"),
        (1, "Ariha"),
    ]


def test_a_month_over_a_year_before_the_first_event_told_is_a_recalled_event() -> None:
    sentence = "A chemical attack on Khan Sheikhoun killed nearly 100 people in April 2017."
    tokens = tokenize(sentence)
    event = classify(tokens)
    assert event is not None
    stated = (dt.date(2017, 4, 1), "month")

    def why(told_on: dt.date) -> str | None:
        return framing(
            sentence, tokens, event, find_counts(tokens), stated, told=True, placed=True, told_on=told_on
        )

    assert why(dt.date(2018, 4, 7)) == "recall"
    # A year written without a date the reader resolves ("in 2017") recalls an earlier year too.
    hit = "The town was hit by a chlorine attack in 2017 that killed dozens."
    hit_tokens = tokenize(hit)
    hit_event = classify(hit_tokens)
    assert hit_event is not None
    framed = framing(
        hit, hit_tokens, hit_event, [], None, told=True, placed=True, told_on=dt.date(2020, 2, 4)
    )
    assert framed == "recall"
    assert (
        framing(hit, hit_tokens, hit_event, [], None, told=True, placed=True, told_on=dt.date(2017, 5, 1))
        is None
    )
    # The month before the event told is often that of the latest of the events a report sums up.
    assert why(dt.date(2017, 5, 2)) is None


BACKGROUND = Path(__file__).parent / "data" / "framing" / "background.jsonl"
#: How many of the 103 sentences of ``background.jsonl`` may still make an incident (9 do): lower it.
BACKGROUND_CEILING = 9


def background_incidents() -> list[str]:
    """The sentences of ``background.jsonl`` (recollections, statistics, reactions, plans, negations,
    methods, consequences, context, written for this test) that add an incident after a lead."""
    made = []
    for line in BACKGROUND.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        lead = LEAD_AR if case["language"] == "ar" else LEAD_EN
        result = geoparse(f"{lead} {case['sentence']}", gazetteer=default_gazetteer(), published=PUBLISHED)
        if any(inc.sentence > 0 for inc in result.incidents):
            made.append(case["sentence"])
    return made


def test_background_sentences_after_a_lead_rarely_make_an_incident() -> None:
    made = background_incidents()
    assert len(made) <= BACKGROUND_CEILING, "\n".join(made)


@pytest.mark.parametrize(
    ("sentence", "pinpointed", "reason"),
    [
        # The plural of the generic word for an attack, no day and no place finer than an area: a sum.
        ("تصاعدت الهجمات الصاروخية على ريف حلب خلال الصيف.", False, "statistic"),
        ("قُتل عشرات المدنيين في هجمات على محافظة درعا.", False, "statistic"),
        # The plural of a weapon: the arsenal or its use as a practice.
        ("وما زالت الأسلحة الكيميائية تستخدم في سوريا رغم القرار الدولي.", False, "statistic"),
        # Attacks on a quarter the sentence names are told one by one; a weapon used on a town is an event.
        ("قصفت قوات النظام بلدة اللطامنة بالأسلحة الكيماوية.", True, None),
        ("الهجمات الصاروخية على حي الشعار في حلب.", True, None),
        # A strike's plural tells one raid; a day written tells the event.
        ("شنت الطائرات غارات على ريف حلب.", False, None),
        ("قُتل مدنيان في هجمات على محافظة درعا يوم 3 آذار 2020.", False, None),
    ],
)
def test_the_plural_of_attack_or_weapon_without_a_day_or_a_precise_place_is_a_statistic(
    sentence: str, pinpointed: bool, reason: str | None
) -> None:
    tokens = tokenize(sentence)
    event = classify(tokens)
    assert event is not None
    stated = resolve_tokens(sentence, tokens, PUBLISHED)
    stated = stated if stated[0] is not None and stated[1] is not None else None
    found = framing(
        sentence, tokens, event, find_counts(tokens), stated, told=False, placed=True, pinpointed=pinpointed
    )
    assert found == reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # A heading that is the whole text and writes a day is a caption: it tells the event.
        ("## قصف مدفعي على حي الشعار في 12 آذار 2016", None),
        ("## Shelling of al-Shaar on 12 March 2016", None),
        # With a body below it, or without a day, it is a heading over events told elsewhere.
        ("## قصف مدفعي على حي الشعار في 12 آذار 2016\n\nقصفت المدفعية الحي صباحاً.", "title"),
        ("## قصف مدفعي على حي الشعار", "title"),
    ],
)
def test_a_heading_read_alone_with_a_day_is_a_caption(text: str, reason: str | None) -> None:
    line = text.split("\n")[0]
    tokens = tokenize(line)
    event = classify(tokens)
    assert event is not None
    stated = resolve_tokens(line, tokens, PUBLISHED)
    stated = stated if stated[0] is not None and stated[1] is not None else None
    assert framing(text, tokens, event, find_counts(tokens), stated, told=False, placed=True) == reason
