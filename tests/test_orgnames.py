"""Organisation names told by their shape (head noun, attribution) hide the place name inside them."""

import pytest

from gazetteer import default_gazetteer, geoparse


@pytest.fixture(scope="module")
def real():
    return default_gazetteer()


def _texts(text, language, gazetteer):
    return [m.text for m in geoparse(text, gazetteer=gazetteer, language=language).mentions]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A capitalised run ending on an organisation's head noun.
        ("Two civilians died in Sarmin, the Idlib Relief Coordinators group said.", ["Sarmin"]),
        ("Shelling hit Nawa on Friday, according to the Daraa Free Gathering.", ["Nawa"]),
        ("A member of Saraqib Local Coordination Committee confirmed the strike on Ariha.", ["Ariha"]),
        ("Residents in Talbiseh told Homs Direct's reporter of the raid.", ["Talbiseh"]),
        # A run with no head noun, in a source's place: told …, according to …, … said.
        ("A doctor in Madaya told Syria Today that the clinic had closed.", ["Madaya"]),
        ("Aleppo Today published a video of the strike on Anadan.", ["Anadan"]),
        ("Two shells fell on Jableh, Latakia Now radio reported.", ["Jableh"]),
        ("Two shells fell on Baniyas, Tartus Now radio station reported.", ["Baniyas"]),
        # The country after "in"/"of" ends a name whose head comes before it.
        ("Snipers shot two marchers in Duma, the Revolutionary Council in Syria said.", ["Duma"]),
        ("Officials of the Democratic Administration of Northern Syria met in Tabqa.", ["Tabqa"]),
    ],
)
def test_an_english_outlet_or_ngo_name_is_no_place(real, text, kept):
    assert _texts(text, "en", real) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A cue word in the run keeps the place: a city, a prison, a governorate, a hospital.
        ("Air strikes hit Idlib City on Monday, activists said.", ["Idlib"]),
        ("Detainees were moved from the Aleppo Central Prison, relatives said.", ["Aleppo Central Prison"]),
        ("Shelling hit Homs Governorate, the monitor said.", ["Homs"]),
        ("Shells fell on Daraa al-Balad and Tal Abyad overnight.", ["Daraa al-Balad", "Tal Abyad"]),
        # The place alone, a location after an organisation's name.
        ("The Civil Defence in Idlib said five people died.", ["Idlib"]),
        ("Government forces shelled the Idlib countryside, a resident told reporters.", ["Idlib"]),
        # The place owns what follows: "Russia's" is no part of a name.
        ("Russia's Defence Minister Sergei Shoigu said jets struck Saraqib.", ["Russia", "Saraqib"]),
        # A place other than the country after "Council in" is where the council sits.
        ("The Revolutionary Council in Tabqa said two men were detained.", ["Tabqa"]),
        ("Government forces advanced in Syria's north, the UN envoy for Syria said.", ["Syria", "Syria"]),
    ],
)
def test_an_english_place_next_to_capitalised_words_stays(real, text, kept):
    assert _texts(text, "en", real) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A head noun and its construct chain before the place.
        ("وأعلن فوج إطفاء حماة إخماد حريق في بلدة محردة", ["محردة"]),
        ("قتل ثلاثة مدنيين في بنش، وفق ما وثقه فريق منسقو استجابة حلب", ["بنش"]),
        ("وقال مصدر في قيادة شرطة حماة إن قذيفة سقطت على حي الأربعين", ["الأربعين"]),
        # «في X» after a quoted organisation is part of its name.
        ("اغتيل شاب في بلدة نوى، بحسب مكتب توثيق الانتهاكات في حوران", ["نوى"]),
        ("ونشر الفيديو من قبل فريق الدفاع المدني في إدلب", []),
        # A plural head, definite words after it, a joined preposition or a cue word with one.
        ("قتل طفلان في قصف على بلدة كفرنبل، بحسب لجان التنسيق المحلية في إدلب", ["كفرنبل"]),
        ("أصيب خمسة مدنيين في سراقب، بحسب ناشطين في الهيئة العامة للإغاثة بحلب", ["سراقب"]),
        ("انفجرت عبوة في سوق منبج، بحسب المجلس المحلي لمدينة جرابلس", ["منبج"]),
        ("سقطت قذيفة على حي المزة، بحسب ما أعلنه الدفاع المدني في ريف دمشق", ["المزة"]),
        # The place right after the head, and a quoted name a head opens.
        ("انفجرت سيارة في حي المزة، بحسب ما نقلته وكالة سانا عن قائد شرطة حمص", ["المزة"]),
        ('وقالت حملة "حلب تحترق" إن الطائرات قصفت بلدة الأتارب', ["الأتارب"]),
    ],
)
def test_an_arabic_organisation_name_is_no_place(real, text, kept):
    assert _texts(text, "ar", real) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # «في X» after an attacked building is where it happened.
        ("قصفت الطائرات الحربية مكتب الدفاع المدني في سرمين", ["سرمين"]),
        ("استهدفت غارة مركز الدفاع المدني في بلدة كفرنبل", ["كفرنبل"]),
        # A cue word or a definite word ends the construct chain: «مركز مدينة X» is the city's centre.
        ("سقطت قذيفة في مركز مدينة إدلب", ["إدلب"]),
        ("تظاهر الأهالي أمام مبنى المحافظة في حماة", ["حماة"]),
        # A joined preposition after an indefinite word, or no attribution: where it happened.
        ("ووثق المكتب مقتل خمسة مدنيين بحمص", ["حمص"]),
        ("دمرت الغارة مبنى المجلس المحلي لمدينة سراقب", ["سراقب"]),
    ],
)
def test_an_arabic_place_after_an_organisation_stays(real, text, kept):
    assert _texts(text, "ar", real) == kept
