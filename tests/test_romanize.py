from gazetteer.geoparser.romanize import arabic_skeletons, latin_skeleton, latin_skeletons, unglued


def test_p_is_a_spelling_of_ba():
    # Arabic has no p: an English report writing one means «ب».
    assert latin_skeleton("saraqip") == latin_skeleton("saraqib")
    assert latin_skeleton("kafr napl") in arabic_skeletons("كفر نبل")
    assert latin_skeleton("philip") == latin_skeleton("filib")  # ph stays f


def test_an_article_glued_to_its_word_is_cut_off():
    assert unglued("albukamal") == "bukamal"
    assert unglued("elhasakah") == "hasakah"
    assert unglued("alrai") == "alrai"  # too short to hold an article and a name
    assert unglued("tal almanar") == "tal manar"
    assert latin_skeletons("albukamal")[-1] in arabic_skeletons("البوكمال")
