from gazetteer.lang import detect_language


def test_arabic_text_with_latin_handles_is_arabic():
    assert detect_language("الطيران الحربي الروسي يستهدف قرية عرب سعيد — (@Rahmon83) September 20") == "ar"


def test_english_text_with_an_arabic_name_is_english():
    assert (
        detect_language("Russian jets struck the village of Arab Said (عرب سعيد) west of Idlib city.") == "en"
    )


def test_text_without_letters_defaults_to_english():
    assert detect_language("2020-09-20 11:30 !!!") == "en"
