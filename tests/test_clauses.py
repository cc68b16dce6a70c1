"""A sentence's clauses that each report an event at a place of their own (gazetteer.events.clauses)."""

import pytest

from gazetteer import default_gazetteer, geoparse


@pytest.fixture(scope="module")
def real():
    return default_gazetteer()


def test_an_arabic_clause_opened_by_fima_after_a_comma_has_its_own_place(real):
    text = "سيطرت قوات النظام على مدينة سراقب بعد معارك عنيفة، فيما انسحبت فصائل المعارضة نحو بلدة سرمين."
    result = geoparse(text, gazetteer=real, language="ar")
    places = {result.mentions[i.mention].text for i in result.incidents if i.mention is not None}
    assert {"سراقب", "سرمين"} <= places


def test_an_event_that_followed_after_a_comma_is_a_second_incident_at_the_same_place(real):
    text = (
        "فجّر انتحاري نفسه قرب مبنى البلدية في مدينة جبلة صباح يوم الأحد 5 آذار 2017، "
        "تلاه انفجار عبوة ناسفة عند مدخل السوق، ما أدى إلى مقتل 12 شخصاً."
    )
    result = geoparse(text, gazetteer=real, language="ar")
    assert len(result.incidents) == 2
    assert {result.mentions[i.mention].text for i in result.incidents} == {"جبلة"}


def test_what_an_event_led_to_at_a_place_of_its_own_is_a_second_incident_there(real):
    text = (
        "انفجرت سيارة مفخخة عند مدخل مدينة جاسم يوم الأحد 5 آذار 2017، "
        "ما أدى إلى اندلاع اشتباكات بين عناصر الحاجز ومسلحين امتدت إلى بلدة نوى."
    )
    result = geoparse(text, gazetteer=real, language="ar")
    kinds = {(i.sub_event_type, result.mentions[i.mention].text) for i in result.incidents}
    assert kinds == {("Remote explosive/landmine/IED", "جاسم"), ("Armed clash", "نوى")}


def test_a_toll_or_an_aftermath_after_ma_is_the_event_told_not_a_second_one(real):
    text = (
        "انفجرت سيارة مفخخة في مدينة جاسم يوم الأحد 5 آذار 2017، "
        "ما أدى إلى مقتل خمسة أشخاص في بلدة نوى، وتبنى تنظيم الدولة التفجير."
    )
    (incident,) = geoparse(text, gazetteer=real, language="ar").incidents
    assert incident.fatalities == 5


def test_an_arabic_phrase_after_a_comma_opened_by_aqib_tells_the_capture_that_came_before(real):
    text = (
        "اعتقلت فصائل المعارضة عشرات الشبان من بلدة مورك في ريف حماة الشمالي يوم الاثنين 3 نيسان 2017، "
        "عقب سيطرتها على البلدة إثر هجوم افتتحته بتفجير عربتين مفخختين يقودهما انتحاريون عند أطرافها."
    )
    result = geoparse(text, gazetteer=real, language="ar")
    kinds = {(i.sub_event_type, result.mentions[i.mention].text) for i in result.incidents}
    assert kinds == {
        ("Arrests", "مورك"),
        ("Non-state actor overtakes territory", "مورك"),
        ("Suicide bomb", "مورك"),
    }


def test_a_death_after_a_comma_opened_by_ithr_is_its_toll_not_a_second_event(real):
    text = "قُتل ثلاثة مدنيين في مدينة أريحا يوم السبت 4 آذار 2017، إثر غارة جوية استهدفت سوق المدينة."
    (incident,) = geoparse(text, gazetteer=real, language="ar").incidents
    assert incident.sub_event_type == "Air/drone strike"
