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


def test_a_landform_word_is_part_of_the_regions_name_and_an_admin_word_is_a_cue():
    # "the Ghab plain" names the plain; "Idlib province" is Idlib, told to be the governorate.
    found = _names("Barrel bombs fell on a village in the Ghab plain and on Kafr Nabl in Idlib province.")
    assert [name for name, _ in found] == ["Ghab plain", "Kafr Nabl", "Idlib"]
    assert found[0][1] == ["cur:region-sahl-al-ghab"]


def test_a_settlement_word_ending_a_full_name_is_a_cue_outside_the_span():
    # OCHA names the Hasakah quarter "Al Thawra neighbourhood"; the text's name is "al-Thawra".
    found = _names("A barrel bomb hit the al-Thawra neighbourhood of Idlib city on Monday.")
    assert [name for name, _ in found] == ["al-Thawra", "Idlib"]
    # A lower-case word left before the cue is no name: "the old city of X" holds no place "old".
    old_city = _names("Clashes broke out in the old city of Busra al-Sham.")
    assert [name for name, _ in old_city] == ["Busra al-Sham"]


def _names_ar(text: str) -> list[tuple[str, list[str]]]:
    return [
        (m.text, sorted(p.id for p in m.places))
        for m in find_matches(text, split_sentences(text), default_gazetteer(), language="ar")
    ]


def test_a_quarter_indexed_with_its_cue_word_is_read_without_it() -> None:
    # The index holds Deir ez-Zor's al-Joura only as «حي الجورة»; the toponym is the name after the cue,
    # as for «حي الصاخور», and the quarter is still the one read.
    text = "سقطت قذائف هاون على حي الجورة في مدينة دير الزور مساء السبت."
    names = dict(_names_ar(text))
    assert "حي الجورة" not in names
    assert "cur:nb-deir-al-joura" in names["الجورة"]


def test_a_camp_keeps_its_word_in_its_arabic_name() -> None:
    # «مخيم اليرموك» names the camp with its word, as "Yarmouk camp" does; «حي» stays a cue outside.
    names = dict(_names_ar("قصفت قوات النظام مخيم اليرموك جنوب دمشق يوم الأحد."))
    assert "مخيم اليرموك" in names and "اليرموك" not in names


def test_a_settlement_word_cut_off_a_full_name_leaves_the_bare_names_quarters_as_readings() -> None:
    # "Midan district" is a name of Damascus's quarter only; Aleppo has a Midan quarter too.
    ((name, ids),) = _names("Mortars hit the Midan district on Sunday.")
    assert name == "Midan" and {"cur:nb-damascus-al-midan", "cur:nb-aleppo-al-midan"} <= set(ids)


def test_a_desert_word_governing_a_name_is_its_surroundings_not_the_syrian_desert() -> None:
    def read(text):
        found = find_matches(text, split_sentences(text), default_gazetteer(), language="ar")
        return [(m.text, m.relation) for m in found]

    # «بادية X»: the desert around the town, which is the place meant, as «ريف X» is its farmland.
    assert read("انفجر لغم في بادية السخنة يوم الأحد") == [("السخنة", "countryside")]
    assert [name for name, _ in read("انفجر لغم في بادية بلدة السخنة يوم الأحد")] == ["السخنة"]
    # With its article, or in the region's full name, it is the Syrian Desert.
    assert [name for name, _ in read("اشتباكات في البادية السورية قرب تدمر")] == ["البادية السورية", "تدمر"]


def _arabic_names(text):
    return [m.text for m in find_matches(text, split_sentences(text), default_gazetteer(), language="ar")]


def test_a_type_cue_keeps_the_one_word_name_it_agrees_with():
    # «مدينة» agrees with the town al-Bab, not with the Damascus quarter «باب شرقي» the longer key spells.
    assert "الباب" in _arabic_names("تظاهر العشرات في مدينة الباب شرقي حلب يوم الجمعة")
    assert "باب شرقي" in _arabic_names("سقطت قذيفة هاون في حي باب شرقي بدمشق")


def test_a_cued_head_word_with_the_article_is_a_name_of_its_own():
    # «الباب» after «مدينة» is al-Bab however the sentence goes on; uncued it stays a door.
    assert "الباب" in _arabic_names("خرج المتظاهرون في مدينة الباب يطالبون بالإفراج عن المعتقلين")
    assert "الباب" not in _arabic_names("أغلق الحارس الباب أمام الزوار")


def test_a_longer_name_that_keeps_the_word_as_written_stays_after_a_cue():
    assert "باب النيرب" in _arabic_names("سقطت قذائف على منطقة باب النيرب في حلب")
