import pytest

from gazetteer import default_gazetteer, geoparse


def _places(text):
    return [
        (m.text, m.place.id if m.place else None)
        for m in geoparse(text, gazetteer=default_gazetteer(), language="en").mentions
    ]


def test_an_article_glued_to_a_syrian_name_is_that_name():
    assert _places("A convoy was ambushed outside Albukamal late on Sunday.") == [
        ("Albukamal", "cur:vil-abu-kamal")
    ]


def test_a_glued_article_before_a_word_that_names_no_syrian_place_reads_nothing():
    assert _places("Albertine said the talks would resume.") == []


def test_a_name_only_small_towns_abroad_hold_is_read_as_the_syrian_name_it_spells():
    # "Mansoura" is two Algerian towns and an Egyptian city, none a capital: beside Raqqa it is one of
    # the Syrian al-Mansur(a)hs (which one is the containers' to say), never a town abroad.
    text = "Coalition jets struck a school in al-Mansoura, near Raqqa, on 21 March 2017."
    (mansoura,) = [m for m in geoparse(text, gazetteer=default_gazetteer(), language="en").mentions[:1]]
    assert mansoura.text == "al-Mansoura" and mansoura.place.in_syria
    assert {c.place.country for c in mansoura.candidates} == {"SY"}


def test_a_small_foreign_town_whose_spelling_no_syrian_name_shares_stays_abroad():
    # No Syrian name has the consonants of Jericho: the reading stays the weak foreign one.
    assert _places("Protests in Jericho, Palestine, on Friday.")[0][0] == "Jericho"


def test_a_misspelt_city_that_the_article_names_elsewhere_is_that_city():
    text = (
        "Aleppo under fire again\nAir strikes pounded the eastern districts of Allepo on"
        " 23 September 2016, killing at least 45 people, rescuers said."
    )
    assert _places(text) == [("Aleppo", "gn:170063"), ("Allepo", "gn:170063")]


def test_a_misspelt_governorate_countryside_is_the_syrian_one_not_a_town_abroad():
    text = "Government rockets hit the town of Kafr Zita in the Hamma countryside on 20 May 2019."
    assert [name for name, _ in _places(text)] == ["Kafr Zita", "Hamma"]
    assert default_gazetteer().get(_places(text)[1][1]).in_syria


def test_a_misspelling_named_alone_is_not_believed():
    # Nothing in the text corroborates it: a near name is read only beside the article's places.
    assert _places("Air strikes hit Allepo on Monday.") == []


def test_a_generic_head_word_is_no_misspelling_of_a_longer_name():
    text = "Turkish forces set up a new observation post near the village of Tal Touqan, east of Saraqib."
    assert "Tal" not in [name for name, _ in _places(text)]


def _places_ar(text: str) -> list[tuple[str, str | None]]:
    return [
        (m.text, m.place.id if m.place else None)
        for m in geoparse(text, gazetteer=default_gazetteer(), language="ar").mentions
    ]


def test_a_square_or_roundabout_is_a_landmark_named_after_its_head_word():
    # The roundabout bears a village's name but lies in Daraa: it is the toponym, not the village.
    text = "اعتقلت دورية للمخابرات الجوية شابين عند دوار الكرك في درعا البلد يوم الثلاثاء."
    assert ("دوار الكرك", None) in _places_ar(text)
    assert not any(name == "الكرك" for name, _ in _places_ar(text))
    text = "تجمع مئات المحتجين في ساحة الكرامة وسط مدينة السويداء يوم الجمعة."
    assert [name for name, _ in _places_ar(text)] == ["ساحة الكرامة", "السويداء"]


def test_the_square_of_a_place_or_a_definite_square_is_no_landmark_name():
    text = "أعدم التنظيم رجلين في ساحة مدينة الميادين بريف دير الزور الشرقي يوم 12 آذار 2016."
    assert [name for name, _ in _places_ar(text)][:1] == ["الميادين"]
    text = "تجمع المحتجون في الساحة الرئيسية بمدينة السويداء يوم الجمعة."
    assert [name for name, _ in _places_ar(text)] == ["السويداء"]


def test_a_definite_facility_word_described_by_a_phrase_is_no_name():
    # «الملحق بها», «الأبرز بينها»: an adjective with its complement describes the building; «المسجد الكبير»
    # alone is the Great Mosque's name.
    text = "استهدفت غارة جوية مدرسة في حي صلاح الدين والمسجد الملحق بها يوم 19 آب 2016."
    assert not any(name.startswith("المسجد") for name, _ in _places_ar(text))
    text = "والمستشفى الأبرز بينها هو المستشفى الواقع في خان شيخون."
    assert [name for name, _ in _places_ar(text)] == ["خان شيخون"]
    assert ("المسجد الكبير", None) in _places_ar("قصفت الطائرات المسجد الكبير في معرة النعمان.")


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds rallied in al-Karama Square in the centre of Sweida on Friday.",
        "Hundreds rallied in Karama square, in the heart of Sweida, on Friday.",
    ],
)
def test_a_name_before_a_square_names_the_square_not_the_village_it_also_is(text):
    # Al-Karamah is a village by Raqqa; the square lies in Sweida, which the gazetteer knows.
    result = geoparse(text, gazetteer=default_gazetteer(), language="en")
    square = next(m for m in result.mentions if "Karama" in m.text)
    assert square.text.lower().endswith("karama square") and square.place is None
    assert square.container is not None and square.container.name == "As-Suwayda"


def test_an_english_landmark_after_a_hyphenated_article_is_read_whole():
    from gazetteer import default_gazetteer, geoparse

    found = {
        m.text: m
        for m in geoparse(
            "Protesters marched from al-Nawaeer square to the governor's office in Homs.",
            gazetteer=default_gazetteer(),
            language="en",
        ).mentions
    }
    assert found["al-Nawaeer square"].place is None


def test_a_spelling_whose_second_word_follows_a_hyphened_article_is_read_whole():
    # "Busra" alone is Busra al-Sham (or Basra abroad); with "al-Hareer" it spells Busr al-Harir.
    assert _places("Troops shelled Busra al-Hareer on Monday.") == [
        ("Busra al-Hareer", "cur:vil-busr-al-harir")
    ]
    assert _places("Troops shelled Busra on Monday.")[0][1] != "cur:vil-busr-al-harir"


def test_a_captions_opening_near_miss_is_cued_by_the_settlement_word_that_refers_back_to_it():
    def names(text):
        return [m.text for m in geoparse(text, gazetteer=default_gazetteer(), language="ar").mentions]

    # «عين ترنا» is one letter off «عين ترما»; «البلدة» later in the caption cues it as «بلدة» would.
    assert names("عين ترنا | غارة جوية على أطراف البلدة") == ["عين ترنا"]
    # Without a word referring back, an opening name one letter off a known one is not read.
    assert names("عين ترنا | غارة جوية صباح اليوم") == []
