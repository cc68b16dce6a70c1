"""Lists of names the gazetteer lacks, sharing a cue or a container (gazetteer.geoparser.unknownlists)."""

import pytest

from gazetteer import default_gazetteer, geoparse


@pytest.fixture(scope="module")
def real():
    return default_gazetteer()


def _mentions(text, gazetteer):
    return {m.text: m for m in geoparse(text, gazetteer=gazetteer, language="ar").mentions}


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


def test_arabic_names_listed_after_a_plural_cue_share_it(real):
    found = _mentions("قصفت المدفعية قريتي زرزور وتل شعير في ريف تل تمر أمس.", real)
    for name in ("زرزور", "تل شعير"):
        assert found[name].place is None and found[name].container is not None


def test_a_list_may_end_the_sentence(real):
    # The list's last name is the sentence's last word: nothing follows it to join (an IndexError once).
    found = _en("Jets shelled Zarzouri near Idlib and Marhum", real)
    assert found["Idlib"].place is not None
