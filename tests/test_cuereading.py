"""Cue reading: what the words around a name say of it (its cue, relation, bearing), as found."""

import pytest
from geo_toy import toy_gazetteer

from gazetteer.geoparser.match import find_matches
from gazetteer.geoparser.sentences import split_sentences


@pytest.fixture(scope="module")
def gaz():
    return toy_gazetteer()


def _matches(text, gaz, language="ar"):
    return find_matches(text, split_sentences(text), gaz, language=language)


def test_english_possessive_and_postfix_cue(gaz):
    found = _matches("Idlib's outskirts and Idlib province", gaz, "en")
    assert [m.text for m in found] == ["Idlib", "Idlib"]  # the possessive is outside the span
    assert found[1].cue == "province"


def test_relations_and_directions_are_read_before_the_name(gaz):
    found = _matches("محيط مدينة إدلب وغرب سراقب", gaz)
    assert [(m.relation, m.cue) for m in found] == [("near", "مدينه"), ("direction", "")]
    assert found[1].bearing == 270


def test_countryside_with_direction_adjective(gaz):
    (ar,) = _matches("قصف على ريف إدلب الجنوبي", gaz)
    assert (ar.relation, ar.bearing) == ("countryside", 180)
    (en,) = _matches("shelling in the southern Idlib countryside", gaz, "en")
    assert (en.relation, en.bearing) == ("countryside", 180)


def test_a_type_word_and_of_after_a_name_is_that_names_cue_not_the_next_ones(gaz):
    # "the Binnish neighbourhood of Aleppo": "neighbourhood" says what Binnish is; Aleppo is its city.
    found = _matches("Shells hit the Binnish neighbourhood of Aleppo on Friday.", gaz, "en")
    assert [(m.text, m.cue) for m in found] == [("Binnish", "neighbourhood"), ("Aleppo", "")]
    # With no name before it, the phrase is the cue of the name after it.
    (aleppo,) = _matches("Shells hit the neighbourhood of Aleppo on Friday.", gaz, "en")
    assert aleppo.cue == "neighbourhood of"
