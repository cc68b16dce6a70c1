"""Names the gazetteer lacks, kept where the text says they are places (gazetteer.geoparser.unknown)."""

import pytest

from gazetteer import default_gazetteer, geoparse


@pytest.fixture(scope="module")
def real():
    return default_gazetteer()


def _en(text, gazetteer):
    return {m.text: m for m in geoparse(text, gazetteer=gazetteer, language="en").mentions}


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


def test_an_english_landmark_the_gazetteer_lacks_is_kept_at_its_city(real):
    found = _en("An IED exploded near the Nawaeer roundabout in Homs, killing two people.", real)
    assert found["Nawaeer roundabout"].place is None
    assert found["Nawaeer roundabout"].container is not None
    assert found["Nawaeer roundabout"].container.name == "Homs"


def _ar(text, gazetteer):
    return {m.text: m for m in geoparse(text, gazetteer=gazetteer, language="ar").mentions}


def test_a_captions_header_names_a_place_after_its_area(real):
    assert not real.lookup("كفرسجنة")
    found = _ar("إدلب | كفرسجنة - قصف مدفعي على البلدة وسقوط جرحى 3-2-2020", real)
    assert "كفرسجنة" in found and found["كفرسجنة"].place is None
    assert found["كفرسجنة"].container is not None


def test_a_header_area_may_be_a_countryside_with_its_direction(real):
    # «ريف حماة الشمالي | X :: …»: «ريف» and a direction stand around the area the header opens with.
    assert not real.lookup("معرزيتا")
    found = _ar("ريف حماة الشمالي | معرزيتا :: دمار في منازل المدنيين بعد الغارات 4-5-2019", real)
    assert "معرزيتا" in found and found["معرزيتا"].place is None
    assert found["معرزيتا"].container is not None


@pytest.mark.parametrize(
    "text",
    [
        "إدلب - قصف مدفعي: سقوط جرحى في ريف المدينة",  # an event word after the mark, no name
        "وقال الناشط أبو محمد - قصف مدفعي على البلدة",  # no known area opens the line
    ],
)
def test_a_caption_header_without_a_place_name_keeps_none(real, text):
    assert not any(m.place is None and m.container is not None for m in _ar(text, real).values())


def test_a_word_one_edit_off_a_known_place_does_not_cut_a_longer_unknown_name(real):
    # "Kalbin" alone reads as a misspelt Aleppo; inside "Kafr Kalbin" it is part of the village's name.
    found = _en("Shells fell on the village of Kafr Kalbin, east of Azaz, on Monday.", real)
    assert "Kafr" not in found and "Kalbin" not in found
    village = found["Kafr Kalbin"]
    assert village.place is None and village.container is not None and village.container.name == "Azaz"
    # A misspelt name alone keeps its reading.
    assert _en("Shells fell on the village of Saraqip, Idlib, on Monday.", real)["Saraqip"].place is not None


def test_with_no_known_place_nor_settlement_word_only_a_cue_announces_an_english_name(real):
    assert "Zarzourat" not in _en("Fighters entered Zarzourat after a long siege.", real)
    assert (
        _en("Fighters entered the village of Zarzourat after a long siege.", real)["Zarzourat"].place is None
    )
    assert "Zarzourat" in _en("Fighters entered Zarzourat near Saraqib after a long siege.", real)


@pytest.mark.parametrize(
    "text", ["قتل مدنيان بقصف مدفعي على حي سكني في مدينة سراقب", "سقطت قذيفة على سوق شعبي في مدينة سراقب"]
)
def test_an_adjective_after_a_settlement_cue_is_no_name(real, text):
    # «حي سكني», «سوق شعبي»: what the quarter or the market is used for, not its name
    assert list(_ar(text, real)) == ["سراقب"]
