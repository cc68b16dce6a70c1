"""Place names inside the names of armed groups, organisations, outlets and time zones are no place."""

import pytest

from gazetteer import default_gazetteer, geoparse


@pytest.fixture(scope="module")
def real():
    return default_gazetteer()


def _texts(text, language, gazetteer):
    return [m.text for m in geoparse(text, gazetteer=gazetteer, language=language).mentions]


@pytest.mark.parametrize(
    ("text", "language", "kept"),
    [
        ("Hay'at Tahrir al-Sham fighters shelled government positions near Kafranbel.", "en", ["Kafranbel"]),
        ("Ahrar al-Sham said its fighters repelled an attack on Kafranbel.", "en", ["Kafranbel"]),
        ("The strike hit Saraqib at 14:20 Damascus time, the Aleppo Media Center said.", "en", ["Saraqib"]),
        ("Deir Ezzor 24 reported shelling on al-Mayadin.", "en", ["al-Mayadin"]),
        ("The Manbij Military Council said a drone struck Jarablus.", "en", ["Jarablus"]),
        (
            "قصفت طائرات حربية مدينة سراقب عند الساعة الثانية بتوقيت دمشق بحسب مركز حلب الإعلامي",
            "ar",
            ["سراقب"],
        ),
        ("قالت هيئة تحرير الشام إن مقاتليها صدوا هجوماً على كفرنبل", "ar", ["كفرنبل"]),
        ("أفادت شبكة أخبار حلب بسقوط قذائف على مدينة سراقب", "ar", ["سراقب"]),
        ("Daraa Martyrs' Brigade fighters attacked a checkpoint in Nawa.", "en", ["Nawa"]),
        # A group named "X Legion" or "X Corps", and a common word of an outlet's name read as no village.
        ("The market in Jarablus is held by the Sham Legion and the Hama Corps.", "en", ["Jarablus"]),
        ("A drone struck Jarablus, the Idlib Media Center said.", "en", ["Jarablus"]),
        ("قال مدير صحة حمص إن القصف طال مدينة تلبيسة", "ar", ["تلبيسة"]),
        ("أعلنت مديرية تربية إدلب تعليق الدوام في سراقب", "ar", ["سراقب"]),
        ("وبثت قناة روسيا اليوم مقطعاً قالت إنه يظهر ترميم محطة المياه في منبج", "ar", ["منبج"]),
        ("ونقل تلفزيون سوريا عن ناشطين سقوط قذائف على مدينة الباب", "ar", ["الباب"]),
        # "X-based": where an outlet sits; a radio station; a relief NGO named after its country.
        ("A London-based monitor said a drone struck Jarablus.", "en", ["Jarablus"]),
        ("A source told Homs FM that a shell fell in Talbiseh.", "en", ["Talbiseh"]),
        ("وزعت الكويت للإغاثة سلالاً غذائية في مخيم أطمة", "ar", ["أطمة"]),
        # A commission of inquiry named after the country it looks into.
        (
            "The Commission of Inquiry on the Syrian Arab Republic documented strikes on Ariha.",
            "en",
            ["Ariha"],
        ),
        ("وثقت لجنة التحقيق المعنية بالجمهورية العربية السورية غارات على أريحا", "ar", ["أريحا"]),
        # A time zone written out as a city's local time.
        ("سقطت قذيفة على جرمانا عند الثالثة بالتوقيت المحلي لمدينة دمشق", "ar", ["جرمانا"]),
    ],
)
def test_names_inside_group_and_organisation_names_are_no_place(real, text, language, kept):
    assert _texts(text, language, real) == kept


def test_a_country_inside_an_actor_name_is_still_named(real):
    assert "Iran" in _texts("Iran-backed militias shelled Saraqib.", "en", real)
    assert "تركيا" in _texts("استهدفت الفصائل المدعومة من تركيا بلدة تل رفعت", "ar", real)


def test_a_country_amid_a_group_name_is_no_place(real):
    # «قوات سوريا الديمقراطية» is the SDF: "Syria" there is part of the group's name.
    assert _texts("قصفت قوات سوريا الديمقراطية قرية في ريف دير الزور", "ar", real) == ["دير الزور"]


@pytest.mark.parametrize(
    ("text", "language", "kept"),
    [
        ("Air strikes hit Damascus and Aleppo.", "en", ["Damascus", "Aleppo"]),
        ("قصف الطيران الحربي مدينة حلب", "ar", ["حلب"]),
    ],
)
def test_a_place_outside_any_organisation_name_stays(real, text, language, kept):
    assert _texts(text, language, real) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Tanween: a place's name is never written indefinite; «تركياً» is "Turkish".
        ("هاجم حشد من الأهالي سائق شاحنة تركياً في مدينة جرابلس يوم الخميس", ["جرابلس"]),
        # A country's nisba form joined to another nisba adjective: "Russian or Syrian strikes".
        ("استهدفت غارات جوية روسية أو سورية مدرسة في حي الشعار بمدينة حلب", ["الشعار", "حلب"]),
        ("قصفت طائرات روسية وسورية بلدة كفرنبل", ["كفرنبل"]),
        # Joined to a place, or after a preposition, it is the country.
        ("وصل الوفد الأممي إلى تركيا وسورية", ["تركيا", "سورية"]),
        ("بدأت الحرب في سورية عام 2011", ["سورية"]),
    ],
)
def test_an_arabic_adjective_that_spells_a_place_is_no_place(real, text, kept):
    assert _texts(text, "ar", real) == kept


@pytest.mark.parametrize(
    "text",
    [
        # a faction's name opened by «ألوية» or «صقور»: the place word in it names no place
        "قال المتحدث باسم ألوية صقور الشام إن مقاتليهم استهدفوا حاجزاً قرب سراقب",
        "تبنت صقور الغاب قصف مواقع قرب سراقب",
        # an administration's full name claims a part of the country after a compass word
        "أعلنت الإدارة الذاتية لشمال وشرق سوريا حظر التجول في سراقب",
    ],
)
def test_place_words_in_a_factions_or_administrations_name_are_no_place(real, text):
    assert _texts(text, "ar", real) == ["سراقب"]
