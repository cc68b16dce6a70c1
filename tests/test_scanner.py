import pytest

from gazetteer import default_gazetteer
from gazetteer.geoparser.match import find_matches
from gazetteer.geoparser.sentences import split_sentences


def _names(text):
    return [
        (m.text, sorted(p.id for p in m.places))
        for m in find_matches(text, split_sentences(text), default_gazetteer(), language="en")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Shells landed in Salah al-Din on Friday morning.",
        "In Salah al-Din, two shops burned after the strike.",
    ],
)
def test_a_preposition_opens_no_name(text):
    # "in Salah" is a town in Algeria; here the preposition opens the phrase and the Aleppo quarter follows.
    assert _names(text) == [("Salah al-Din", ["cur:nb-aleppo-salah-al-din"])]


def test_a_capitalised_name_after_a_preposition_is_still_read():
    assert [name for name, _ in _names("Rockets fell near Tal Rifaat and in Azaz.")] == ["Tal Rifaat", "Azaz"]


def test_an_arabic_article_capitalised_opens_a_name_but_lower_case_opens_a_phrase():
    # "At" is the article of "At Tall"; "at" before a name is the preposition.
    assert [name for name, _ in _names("Shelling on At Tall and Tanf.")] == ["At Tall", "Tanf"]
    assert [name for name, _ in _names("Shells fell at Tall Rifaat on Monday.")] == ["Tall Rifaat"]
