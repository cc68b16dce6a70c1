"""An Arabic definite place noun («البلدة», «المدينة», «الحي») stands for the last place of its kind."""

import pytest

from gazetteer import default_gazetteer, geoparse
from gazetteer.events.linking import location_of
from gazetteer.events.placeanaphora import place_anaphors
from gazetteer.places.normalize import tokenize


@pytest.fixture(scope="module")
def real():
    return default_gazetteer()


def _incident_places(text, gazetteer):
    result = geoparse(text, gazetteer=gazetteer, language="ar")
    return [result.mentions[i.mention].text for i in result.incidents if i.mention is not None]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A caption's place, then the event on «البلدة»: not where the guns stand.
        ("ريف إدلب الجنوبي | كفرنبل :: قصف صاروخي على البلدة مصدره حواجز النظام في معرة النعمان", "كفرنبل"),
        # The noun in a later clause stands for the city named before.
        ("سيطرت الفصائل على مدينة سراقب يوم الإثنين، ثم سقطت قذائف على المدينة مساء الخميس.", "سراقب"),
        # A quarter, with its container after the noun.
        ("حي الكلاسة | سقطت قذيفة هاون في الحي بمدينة حلب", "الكلاسة"),
    ],
)
def test_a_place_noun_stands_for_the_place_named_before(real, text, place):
    assert place in _incident_places(text, real)


def _anaphors(text, gazetteer):
    """Each anaphoric noun of ``text`` (one sentence) with the text of the mention it stands for."""
    result = geoparse(text, gazetteer=gazetteer, language="ar")
    tokens = tokenize(text)
    found = place_anaphors(text, tokens, result.mentions, location_of)
    return [(tokens[a.tok].text, result.mentions[a.index].text) for a in found]


def test_a_place_noun_with_a_clitic_finds_its_place(real):
    assert _anaphors("حي الكلاسة | سقطت قذيفة بالحي", real) == [("بالحي", "الكلاسة")]


@pytest.mark.parametrize(
    "text",
    [
        # A definite word after the noun: a place of its own, «المدينة الصناعية».
        "زار الوفد مدينة حماة ثم سقطت قذيفة على المدينة الصناعية",
        # A noun of another kind: a camp is no town.
        "ريف حلب | الأتارب :: سقطت قذائف على المخيم",
        # No place named before it.
        "سقطت قذائف على البلدة ثم على بلدة الأتارب",
    ],
)
def test_a_place_noun_stands_for_nothing(real, text):
    assert _anaphors(text, real) == []


def test_a_place_noun_in_a_later_sentence_is_left_to_the_sentences_before(real):
    # A sentence that names no place of its own is read against the ones before it elsewhere
    # (gazetteer.events.antecedents), where a comment is told from a report.
    assert _anaphors("قصفت الطائرات مدينة سراقب. وتسعى الفصائل للسيطرة على المدينة.", real) == []


def test_a_quarter_the_gazetteer_lacks_is_what_its_cue_says(real):
    assert not real.lookup("الزهراوي")
    assert _anaphors("حلب - حي الزهراوي | سقطت قذيفة هاون في الحي", real) == [("الحي", "الزهراوي")]
