"""Names the gazetteer lacks, kept where the text says they are places (gazetteer.geoparser.unknown)."""

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


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("في المقابل، إدلب تعرضت لقصف جوي.", "المقابل"),  # the place opens the next clause
        ("في الأثناء، حلب تشهد قصفا عنيفا.", "الأثناء"),
        ("قتل مدنيان في القصف، إدلب.", "القصف"),  # an event word of the lexicons
    ],
)
def test_a_word_after_a_locative_and_before_a_comma_and_a_place_needs_to_be_a_name(real, text, word):
    found = _mentions(text, real)
    assert word not in found and len(found) == 1  # the known place alone


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


def test_a_capitalised_city_word_after_an_unknown_name_is_part_of_it(real):
    assert not real.lookup("Baath City")
    text = "Artillery shells fell on the town of Baath City in the Quneitra countryside on Sunday."
    found = {m.text: m for m in geoparse(text, gazetteer=real, language="en").mentions}
    assert found["Baath City"].place is None and found["Baath City"].container is not None
    # In lower case it is a word of the sentence: the name ends before it.
    lower = "Artillery shells fell on the town of Baath city centre on Sunday."
    assert "Baath" in {m.text for m in geoparse(lower, gazetteer=real, language="en").mentions}


def _en(text, gazetteer):
    return {m.text: m for m in geoparse(text, gazetteer=gazetteer, language="en").mentions}


@pytest.mark.parametrize(
    ("text", "names", "container"),
    [
        ("Warplanes raided homes in Zarzouri and Tal Nasrin in the southern Idlib countryside on Monday.",
         ["Zarzouri", "Tal Nasrin"], "Idlib"),
        ("Jets shelled Kafr Zibda, Marhum and Tal Hmeira, south of Idlib, on Monday.",
         ["Kafr Zibda", "Marhum", "Tal Hmeira"], "Idlib"),
        ("Drones struck a position overlooking Kafr Naqqar in the western Aleppo countryside.",
         ["Kafr Naqqar"], "Aleppo"),
    ],
)  # fmt: skip
def test_english_names_that_share_one_container_are_kept_there(real, text, names, container):
    found = _en(text, real)
    for name in names:
        assert found[name].place is None
        assert found[name].container is not None and found[name].container.name == container


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Gunmen killed Omar Hamdan in Idlib on Monday.", "Omar Hamdan"),  # a person, the verb's object
        ("A statement by the activist Omar Hamdan in Idlib was read out.", "Omar Hamdan"),
        ("Fighters of the Eighth Brigade passed through Daraa.", "Eighth"),  # part of a longer name
        ("Students of the Faculty of Humanities in Aleppo were hurt.", "Humanities"),  # an organisation
        ("Protesters gathered on Friday in Idlib.", "Friday"),  # a date word
        ("Fire broke out in the Armenian quarter of Aleppo.", "Armenian"),  # a people, not a name
        ("He stood in front of Maqam Yusuf al Salihin, filming.", "Maqam Yusuf"),  # a known name ends it
    ],
)
def test_a_capitalised_word_before_a_container_needs_to_be_a_place_name(real, text, word):
    assert word not in _en(text, real)


def test_the_x_district_of_a_city_is_kept_in_that_city(real):
    found = _en("A car bomb went off in the Sinaa district of Qamishli on Sunday.", real)
    assert found["Sinaa"].place is None
    assert found["Sinaa"].container is not None and "Qamishli" in found["Sinaa"].container.name


def test_an_english_landmark_the_gazetteer_lacks_is_kept_at_its_city(real):
    found = _en("An IED exploded near the Nawaeer roundabout in Homs, killing two people.", real)
    assert found["Nawaeer roundabout"].place is None
    assert found["Nawaeer roundabout"].container is not None
    assert found["Nawaeer roundabout"].container.name == "Homs"


def test_arabic_names_listed_after_a_plural_cue_share_it(real):
    found = _mentions("قصفت المدفعية قريتي زرزور وتل شعير في ريف تل تمر أمس.", real)
    for name in ("زرزور", "تل شعير"):
        assert found[name].place is None and found[name].container is not None


def test_after_a_singular_cue_an_attached_conjunction_opens_the_next_clause(real):
    found = _mentions("قصف مدفعي على قرية زرزور وسقوط جرحى في ريف إدلب.", real)
    assert "زرزور" in found and "سقوط" not in found


def test_an_arabic_facility_name_is_kept_at_the_place_near_it(real):
    found = _mentions("توقفت محطة زرزور قرب رأس العين عن ضخ المياه.", real)
    assert found["زرزور"].place is None and found["زرزور"].container.name_ar == "رأس العين"
    assert "ابتدائية" not in _mentions("سقطت قذيفة قرب مدرسة ابتدائية في مدينة حمص.", real)


def test_a_list_may_end_the_sentence(real):
    # The list's last name is the sentence's last word: nothing follows it to join (an IndexError once).
    found = _en("Jets shelled Zarzouri near Idlib and Marhum", real)
    assert found["Idlib"].place is not None
