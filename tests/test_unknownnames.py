"""The words of a name the gazetteer lacks (gazetteer.geoparser.unknownnames)."""

import pytest

from gazetteer import default_gazetteer, geoparse


@pytest.fixture(scope="module")
def real():
    return default_gazetteer()


def _mentions(text, gazetteer):
    return {m.text: m for m in geoparse(text, gazetteer=gazetteer, language="ar").mentions}


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


def test_a_capitalised_city_word_after_an_unknown_name_is_part_of_it(real):
    assert not real.lookup("Baath City")
    text = "Artillery shells fell on the town of Baath City in the Quneitra countryside on Sunday."
    found = {m.text: m for m in geoparse(text, gazetteer=real, language="en").mentions}
    assert found["Baath City"].place is None and found["Baath City"].container is not None
    # In lower case it is a word of the sentence: the name ends before it.
    lower = "Artillery shells fell on the town of Baath city centre on Sunday."
    assert "Baath" in {m.text for m in geoparse(lower, gazetteer=real, language="en").mentions}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a short head word, a name link and the word after it: one name of three words
        ("قصف مدفعي على قرية تل أبو سعد في ريف حلب الجنوبي", "تل أبو سعد"),
        ("سقطت قذائف على قرية عين بنت سالم في ريف إدلب", "عين بنت سالم"),
        # no link: the head and one word
        ("قصف مدفعي على قرية تل جمعة في ريف حلب الجنوبي", "تل جمعة"),
    ],
)
def test_a_name_link_after_a_short_head_takes_the_word_after_it(real, text, name):
    found = _mentions(text, real)
    assert name in found and found[name].place is None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("سقطت قذائف على مخيم للمهجرين قرب سرمدا", "للمهجرين"),  # what the camp is for, not its name
    ],
)
def test_a_word_after_a_cue_that_opens_with_lil_is_no_name(real, text, word):
    assert word not in _mentions(text, real)
