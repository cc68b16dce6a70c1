"""Unknown names kept at the known place that contains them (gazetteer.geoparser.unknowncontainers)."""

import pytest

from gazetteer import default_gazetteer, geoparse


@pytest.fixture(scope="module")
def real():
    return default_gazetteer()


def _mentions(text, gazetteer):
    return {m.text: m for m in geoparse(text, gazetteer=gazetteer, language="ar").mentions}


def test_an_arabic_name_after_a_locative_with_its_container_after_a_comma_is_kept(real):
    assert not real.lookup("الزيادية")  # a village no bundled source holds
    text = "قصفت طائرات حربية بقنابل حارقة منازل المدنيين في الزيادية، حلب ليل 14 تشرين الثاني 2016."
    found = _mentions(text, real)
    assert found["الزيادية"].place is None
    assert found["الزيادية"].container is not None and found["الزيادية"].container.name_ar == "حلب"
    (incident,) = geoparse(text, gazetteer=real, language="ar").incidents
    assert incident.location is not None and incident.location.geo_precision in (2, 3)


@pytest.mark.parametrize(
    "text",
    [
        "سقطت قنابل حارقة على منازل المدنيين في الزيادية ليل 14 تشرين الثاني 2016.",  # no container
        "سقطت قنابل حارقة على منازل المدنيين في الزيادية، وقتل طفلان.",  # no place after the comma
    ],
)
def test_without_locative_and_container_after_a_comma_an_arabic_word_is_no_place(real, text):
    assert "الزيادية" not in _mentions(text, real)


def test_a_container_followed_by_the_event_still_closes_the_name(real):
    found = _mentions("تم استهداف سوق شعبي في الزيادية،حلب بغارات جوية.", real)
    assert found["الزيادية"].place is None and found["الزيادية"].container.name_ar == "حلب"


def test_a_numbered_paragraph_too_long_for_a_record_announces_no_name(real):
    prose = (
        "1. الأهالي، حلب شهدت قصفا عنيفا من الطائرات الحربية التي حلقت فوق المدينة طوال ساعات"
        " الليل وحتى الصباح الباكر حيث قتل وجرح العديد من المدنيين في الأحياء الشرقية للمدينة"
    )
    assert "الأهالي" not in _mentions(prose, real)
    assert "البشقاتين" in _mentions("1. البشقاتين، حلب، 3/5/2016", real)  # a record: kept


def test_a_list_item_opening_with_a_name_and_its_governorate_records_a_village(real):
    # A report's list of incidents: «(ب) X، محافظة Y، date». The village is kept at its governorate,
    # and the line is a record there.
    assert not real.lookup("الزيادية")
    text = "(ب) الزيادية، محافظة حلب، 14/11/2016; تحققنا من 3 فيديوهات"
    result = geoparse(text, gazetteer=real, language="ar")
    village = next(m for m in result.mentions if m.text == "الزيادية")
    assert village.place is None and village.container is not None
    (record,) = result.incidents
    assert record.location is not None and record.location.geo_precision >= 2
    # The same words in running prose name nothing.
    assert "الزيادية" not in _mentions("وكتب ناشط: الزيادية، محافظة حلب، لم تعد آمنة", real)
