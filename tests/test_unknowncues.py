"""Unknown names that a settlement, facility or plural cue announces (gazetteer.geoparser.unknowncues)."""

import pytest

from gazetteer import default_gazetteer, geoparse


@pytest.fixture(scope="module")
def real():
    return default_gazetteer()


def _mentions(text, gazetteer):
    return {m.text: m for m in geoparse(text, gazetteer=gazetteer, language="ar").mentions}


def _en(text, gazetteer):
    return {m.text: m for m in geoparse(text, gazetteer=gazetteer, language="en").mentions}


def test_the_x_district_of_a_city_is_kept_in_that_city(real):
    found = _en("A car bomb went off in the Sinaa district of Qamishli on Sunday.", real)
    assert found["Sinaa"].place is None
    assert found["Sinaa"].container is not None and "Qamishli" in found["Sinaa"].container.name


def test_after_a_singular_cue_an_attached_conjunction_opens_the_next_clause(real):
    found = _mentions("قصف مدفعي على قرية زرزور وسقوط جرحى في ريف إدلب.", real)
    assert "زرزور" in found and "سقوط" not in found


def test_an_arabic_facility_name_is_kept_at_the_place_near_it(real):
    found = _mentions("توقفت محطة زرزور قرب رأس العين عن ضخ المياه.", real)
    assert found["زرزور"].place is None and found["زرزور"].container.name_ar == "رأس العين"
    assert "ابتدائية" not in _mentions("سقطت قذيفة قرب مدرسة ابتدائية في مدينة حمص.", real)


def test_a_cue_or_facility_word_behind_its_proclitics_still_announces_a_name(real):
    found = _mentions("انقطعت المياه عن حي الشهباء وبمحطة كفرزيتا قرب رأس العين.", real)
    assert found["كفرزيتا"].place is None and found["كفرزيتا"].container.name_ar == "رأس العين"
    assert "زرزور" in _mentions("سقطت قذائف على المدنيين وبقرية زرزور في ريف إدلب.", real)
