"""A generic head word ("Khan", "Tal", «تل») is never a place alone when a name word follows it."""

import pytest

from gazetteer import default_gazetteer, distance_km, geoparse

SARAQIB = (35.8647, 36.8006)
KHAN_SHAYKHUN = (35.44, 36.65)


@pytest.fixture(scope="module")
def real():
    return default_gazetteer()


def test_the_first_word_of_an_unknown_name_resolves_nowhere(real):
    text = "Turkish forces set up an observation post near the village of Tal Touqan, east of Saraqib."
    result = geoparse(text, gazetteer=real, language="en")
    tal = next(m for m in result.mentions if m.text.startswith("Tal"))
    assert tal.text == "Tal Touqan"
    assert tal.place is None
    assert distance_km(tal.location.lat, tal.location.lon, *SARAQIB) <= 10


def test_a_head_word_then_a_spelling_variant_reads_as_the_known_name(real):
    result = geoparse(
        "Syrian airstrikes targeted Khan Sheikoun with four rockets.", gazetteer=real, language="en"
    )
    (mention,) = result.mentions
    assert mention.text == "Khan Sheikoun"
    assert distance_km(mention.place.lat, mention.place.lon, *KHAN_SHAYKHUN) <= 5


def test_a_lowercase_head_word_is_no_name(real):
    result = geoparse("Shells landed near the old khan on the edge of Sarmin.", gazetteer=real, language="en")
    assert [m.text for m in result.mentions] == ["Sarmin"]


@pytest.mark.parametrize("spelling", ["El Bab", "al-Bab", "Al-Bab"])
def test_a_head_word_written_with_its_article_is_a_name_of_its_own(real, spelling):
    # "Bab" alone may head an unknown compound ("Bab X"); with its article it is the town al-Bab.
    result = geoparse(
        f"A car bomb exploded in the market of {spelling} on Sunday.", gazetteer=real, language="en"
    )
    assert [(m.text, m.place is not None and m.place.name) for m in result.mentions] == [(spelling, "Al-Bab")]


def test_a_head_word_without_its_article_still_needs_support(real):
    assert geoparse("A car bomb exploded near Bab on Sunday.", gazetteer=real, language="en").mentions == []
