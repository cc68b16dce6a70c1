import pytest
from geo_toy import toy_gazetteer

from gazetteer import default_gazetteer
from gazetteer.geoparser.cues import load_cues
from gazetteer.geoparser.match import find_matches
from gazetteer.geoparser.nameindex import MatchIndex, within_one_edit
from gazetteer.geoparser.sentences import split_sentences


@pytest.fixture(scope="module")
def gaz():
    return toy_gazetteer()


def _matches(text, gaz, language="ar"):
    return find_matches(text, split_sentences(text), gaz, language=language)


def _spans(text, gaz, language="ar"):
    return [
        (m.text, m.places[0].id if len(m.places) == 1 else sorted(p.id for p in m.places))
        for m in _matches(text, gaz, language)
    ]


def test_clitics_are_stripped_and_outside_the_span(gaz):
    text = "وصلت التعزيزات وبإدلب وللرقة وبالرقة"
    found = _matches(text, gaz)
    # In «للرقة» the article's alef is elided, so the span starts at its lam.
    assert [m.text for m in found] == ["إدلب", "لرقة", "الرقة"]
    assert [text[m.start : m.end] for m in found] == [m.text for m in found]
    assert {m.places[0].id for m in found} == {"toy:idlib", "toy:raqqa"}


def test_article_is_not_stripped_from_a_name_that_never_takes_it(gaz):
    # «السورية» is an adjective, not «سورية» (Syria) with an article.
    assert _matches("نشر موقع ”السورية.نت” الخبر", gaz) == []


def test_hashtags_quotes_and_arabic_indic_digits(gaz):
    assert [m.text for m in _matches("غرب مدينة #ادلب و«سراقب» و“بنش”", gaz)] == ["ادلب", "سراقب", "بنش"]


def test_longest_match_prefers_the_two_word_alias_over_the_common_word(gaz):
    found = _matches("محيط السجن المركزي في إدلب", gaz)
    assert found[0].text == "السجن المركزي"
    assert "toy:sijn" not in {p.id for p in found[0].places}


def test_common_word_needs_a_cue(gaz):
    bare = _matches("غارات على الباب", gaz)
    assert len(bare) == 1 and bare[0].needs_support
    cued = _matches("غارات على مدينة الباب", gaz)
    assert cued[0].cue == "مدينه" and not cued[0].needs_support


def test_lone_common_word_alias_is_flagged_for_support(gaz):
    found = _matches("نقل المعتقلون إلى السجن", gaz)
    assert [m.needs_support for m in found] == [True]


def test_english_needs_capitals_but_codes_do_not(gaz):
    found = _matches("the idlib front and the m4 near Saraqib", gaz, "en")
    assert [m.text for m in found] == ["m4", "Saraqib"]


def test_between_pairs_both_ends(gaz):
    a, b = _matches("اشتباكات بين إدلب وسراقب", gaz)
    assert (a.relation, b.relation) == ("between", "between")
    assert a.partner == 1 and b.partner == 0


def test_road_named_by_its_end_cities_is_one_mention(gaz):
    text = "هجوم على دورية فوق طريق حلب- اللاذقية (m4) ثم على الطريق الدولي حلب - اللاذقية"
    # the Arabic road words before the two ends name the road too
    assert _spans(text, gaz) == [
        ("طريق حلب- اللاذقية", "toy:m4"),
        ("m4", "toy:m4"),
        ("الطريق الدولي حلب - اللاذقية", "toy:m4"),
    ]


def test_bare_international_road_refers_back_to_the_road_last_named(gaz):
    text = "دوريات على طريق حلب- اللاذقية (m4). وتتعرض الدوريات لهجمات على الطريق الدولي، كل أسبوع."
    assert _spans(text, gaz)[-1] == ("الطريق الدولي", "toy:m4")


def test_bare_international_road_without_an_earlier_road_is_no_toponym(gaz):
    assert _spans("هجمات على الطريق الدولي قرب حلب", gaz) == [("حلب", "toy:aleppo")]


def test_dash_joined_cities_without_a_road_cue_stay_cities(gaz):
    assert _spans("رحلة حلب- اللاذقية", gaz) == [("حلب", "toy:aleppo"), ("اللاذقية", "toy:latakia")]


def test_fuzzy_near_miss_needs_a_settlement_cue_or_quotes(gaz):
    (m,) = _matches("طالت الغارات قرية “غرب سعيد” صباحا", gaz)[:1]
    assert m.fuzzy and m.text == "غرب سعيد" and [p.id for p in m.places] == ["toy:arab-said"]
    # The direction reading wins when the text says «غرب مدينة X».
    found = _matches("قصف غرب مدينة سعيد", gaz)
    assert not any(m.fuzzy for m in found)


def test_within_one_edit_is_damerau_levenshtein_one():
    assert within_one_edit("غرب سعيد", "عرب سعيد")  # substitution
    assert within_one_edit("عرب سعد", "عرب سعيد")  # deletion
    assert within_one_edit("abcd", "abdc")  # transposition
    assert not within_one_edit("غرب سعد", "عرب سعيد")


def test_match_index_is_cached_per_gazetteer(gaz):
    assert MatchIndex.for_gazetteer(gaz) is MatchIndex.for_gazetteer(gaz)
    index = MatchIndex.for_gazetteer(gaz)
    assert "الباب" in index.ambiguous and "ادلب" not in index.ambiguous
    assert index.fuzzy_keys("غرب سعيد") == {"عرب سعيد"}


def test_cue_lexicon_loads_and_is_normalised():
    cues = load_cues()
    assert ("قريه",) in cues.type_before and ("town", "of") in cues.type_before
    assert cues.direction[("غرب",)] == 270


def test_cue_word_inside_a_full_name_stays_outside_the_span(gaz):
    (gov,) = _matches("تشهد محافظة إدلب تطورات", gaz)
    assert (gov.text, gov.cue, [p.id for p in gov.places]) == ("إدلب", "محافظه", ["toy:idlib-gov"])
    (en,) = _matches("Clashes in Idlib Governorate", gaz, "en")
    assert (en.text, en.cue) == ("Idlib", "governorate")


def test_english_standalone_article_and_possessive(gaz):
    found = _matches("Shelling of Al Bab and Aleppo's east", gaz, "en")
    assert [m.text for m in found] == ["Al Bab", "Aleppo"]


def test_spurious_article_stays_in_the_span_but_clitics_do_not(gaz):
    (m,) = _matches("قصف على والسراقب", gaz)
    assert m.text == "السراقب" and m.places[0].id == "toy:saraqib"


def test_english_multiword_name_needs_one_capital_and_country_acronyms_pass(gaz):
    assert [m.text for m in _matches("in the bab area, near saraqib", gaz, "en")] == []
    assert [m.text for m in _matches("fighting near al Bab", gaz, "en")] == ["al Bab"]
    assert [m.text for m in _matches("HTS and SDF fought in Idlib", gaz, "en")] == ["Idlib"]


def test_english_hyphenated_article_does_not_hide_the_capital(gaz):
    assert [m.text for m in _matches("At that time al-Raqqa was shelled", gaz, "en")] == ["al-Raqqa"]


def test_known_name_inside_an_unknown_compound_is_an_unknown_toponym(gaz):
    (m,) = _matches("قصف على بلدة كفر سراقب", gaz)
    assert (m.text, m.places, m.unknown) == ("كفر سراقب", [], True)
    (en,) = _matches("Shelling hit Kafr Saraqib", gaz, "en")
    assert (en.text, en.unknown) == ("Kafr Saraqib", True)
    # A head word that was matched alone is absorbed into the compound.
    (bab,) = _matches("قصف حي باب سراقب", gaz)
    assert bab.text == "باب سراقب" and bab.unknown


def test_latin_skeleton_folds_transliteration_variants():
    from gazetteer.geoparser.nameindex import latin_skeleton

    assert latin_skeleton("maret numaan") == latin_skeleton("maarat numan") == "mrt nmn"
    assert latin_skeleton("termaneen") == latin_skeleton("turmanin")
    assert latin_skeleton("tourman") != latin_skeleton("turmanin")
    assert latin_skeleton("ادلب") == ""


def test_may_transliterate_tells_the_words_a_transliteration_may_start_with(gaz):
    """A skeleton or a near-miss spelling of some Syrian name's first word, or an article: yes;
    an English word or an Arabic one: no.  The scanner asks it of capitalised words only."""
    index = MatchIndex.for_gazetteer(gaz)
    assert [index.may_transliterate(w) for w in ("edleeb", "allepo", "al")] == [True] * 3
    assert [index.may_transliterate(w) for w in ("yesterday", "warplanes", "ادلب")] == [False] * 3
    assert index.may_transliterate("edleeb")  # memoised: the same answer again


def test_english_transliteration_variant_matches_only_with_support(gaz):
    alone = _matches("Warplanes struck Edleeb yesterday.", gaz, "en")
    assert [m.fuzzy for m in alone] == [True]  # a weak reading, left to resolution to corroborate
    assert _spans("He walked to the Market.", gaz, "en") == []


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("قصفت الطائرات جامع عمر بن الخطاب في حلب", "ar", "جامع عمر بن الخطاب"),
        ("استهدف القصف بالمسجد الكبير", "ar", "المسجد الكبير"),
        ("The strike hit the Omar bin Al-Khattab mosque yesterday.", "en", "Omar bin Al-Khattab mosque"),
        ("Nabed Al Hayat Hospital was bombed.", "en", "Nabed Al Hayat Hospital"),
    ],
)
def test_named_facility_missing_from_the_gazetteer_is_an_unknown_toponym(gaz, text, language, expected):
    facilities = [m for m in _matches(text, gaz, language) if m.unknown]
    assert [m.text for m in facilities] == [expected]
    assert facilities[0].places == []


@pytest.mark.parametrize(
    "text, language",
    [
        ("أقيم مستشفى ميداني في المدينة", "ar"),
        ("A field hospital opened.", "en"),
        ("The hospital was hit.", "en"),
    ],
)
def test_generic_facility_is_no_toponym(gaz, text, language):
    assert [m for m in _matches(text, gaz, language) if m.unknown] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قصف مستشفى عمر بن عبد العزيز في حلب", "مستشفى عمر بن عبد العزيز"),
        ("خرج مستشفى نبض الحياة عن الخدمة", "مستشفى نبض الحياة"),
        ("المستشفى خارج الخدمة الآن نتيجة القصف", None),
        ("تضرر مسجد خلال الفترة الممتدة ما بين الغارات", None),
        # A dash ends the name; «بالإضافة» ("in addition") opens the next phrase.
        ("تعرض مستشفى - لأضرار جسيمة بعد الغارة", None),
        ("قصف مستشفى بالإضافة إلى مدرسة", None),
    ],
)
def test_facility_name_ends_where_the_name_does(gaz, text, expected):
    facilities = [m.text for m in _matches(text, gaz) if m.unknown]
    assert facilities == ([expected] if expected else [])


def test_words_of_reads_each_word_as_word_does(gaz):
    """The article-level lookup agrees with the per-word one, "X's" and inner apostrophes included."""
    from gazetteer.geoparser.nameindex import possessive
    from gazetteer.places.normalize import tokenize

    tokens = tokenize("Idlib's Ma'arrat Idlib’s بإدلب Idlib Saraqib's x's zzqx'y")
    index = MatchIndex.for_gazetteer(gaz)
    expected = [index.word(t.norm, possessive(t)) for t in tokens]
    assert index.words_of(tokens) == expected
    assert expected[0].variants == (("idlibs", 0), ("idlib", 0))
    assert expected[1].variants == (("maarrat", 0),)
    # With the norms and the apostrophe words given, the same records.
    norms = [t.norm for t in tokens]
    quoted = [k for k, t in enumerate(tokens) if "'" in t.text or "’" in t.text]
    assert index.words_of(tokens, norms=norms, quoted=quoted) == expected
    # Told (wrongly) that no word holds one, a memoised "Idlib's" keeps its plain record ...
    plain = index.word("idlibs", False)  # now in the memo
    assert plain != expected[0]
    assert index.words_of(tokens, quoted=())[0] == plain
    # ... and the norms given are the ones read.
    assert index.words_of(tokens[:1], norms=["saraqib"], quoted=()) == [index.word("saraqib", False)]


_READABLE = [
    ("طالت الغارات قرية “غرب سعيد” صباحا. وقصف «سراقب» وبإدلب و#ريف_إدلب", "ar"),
    ("قصفت الطائرات جامع عمر بن الخطاب في حلب. حي السلام و al Bab", "ar"),
    ("Warplanes struck Edleeb and Idlib's outskirts. Nabed Al Hayat Hospital was bombed.", "en"),
    ("The strike hit the Omar bin Al-Khattab mosque near al Bab and Saraqib yesterday.", "en"),
]


@pytest.mark.parametrize("text, language", _READABLE)
def test_no_reading_starts_outside_the_live_positions(gaz, text, language):
    """Every reader, tried at every token, finds nothing where the article view says none can start."""
    from gazetteer.geoparser.articlewords import ArticleWords
    from gazetteer.geoparser.fallbacks import facility_at, fuzzy_at, transliteration_at
    from gazetteer.geoparser.scanner import Scanner

    article = ArticleWords(text, MatchIndex.for_gazetteer(gaz), english=language == "en")
    seen = 0
    for sentence, view in article.sentences(split_sentences(text)):
        scanner = Scanner(text, sentence.index, gaz, language, view)
        fallbacks = (fuzzy_at, facility_at, transliteration_at)
        readable = [
            i
            for i in range(len(view.toks))
            if scanner.longest_at(i) is not None or any(read(scanner, i) is not None for read in fallbacks)
        ]
        assert set(readable) <= set(view.live), sentence.text
        assert view.live == sorted(set(view.live))
        seen += len(readable)
    assert seen >= 3  # the texts do hold names, found by the readers


def test_article_words_read_apostrophes_as_each_word_does(gaz):
    """Words holding an apostrophe (not those merely quoted) get the record a word-by-word reading gives."""
    from gazetteer.geoparser.articlewords import ArticleWords
    from gazetteer.places.normalize import read_article

    text = "'Idlib' Ma'arrat and Idlib’s ‘x’ it's"
    index = MatchIndex.for_gazetteer(gaz)
    article = ArticleWords(text, index, english=True)
    assert article.words == index.words_of(read_article(text).tokens)
    assert article.words[3].variants == (("idlibs", 0), ("idlib", 0))


@pytest.mark.parametrize(
    "text, language, town",
    [
        ("استهدف الطيران مشفى سراقب صباح اليوم", "ar", "سراقب"),
        ("Russian jets hit the Saraqib Hospital on Monday.", "en", "Saraqib"),
    ],
)
def test_a_facility_named_after_a_known_town_is_that_town(gaz, text, language, town):
    # «مشفى سراقب», "Saraqib Hospital": the hospital stands in the town; the town is the toponym.
    matches = _matches(text, gaz, language)
    assert [(m.text, m.unknown) for m in matches] == [(town, False)]


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        # The first word is a name of its own; the two words spell a longer one another way.
        ("Protests in Bosra Cham on Monday.", "Bosra Cham", "cur:vil-busra-al-sham"),
        ("Shelling near Karak Sharki on Monday.", "Karak Sharki", "cur:vil-al-karak-al-sharqi"),
    ],
)
def test_a_longer_name_spelt_another_way_wins_over_its_first_word(text, name, place):
    found = _matches(text, default_gazetteer(), language="en")
    assert [(m.text, [p.id for p in m.places]) for m in found] == [(name, [place])]


def test_a_capitalised_word_after_a_name_that_spells_nothing_leaves_the_name():
    found = _matches("Fighting in Idlib City on Monday.", default_gazetteer(), language="en")
    assert [m.text for m in found] == ["Idlib"]


def test_a_cued_name_numbered_by_an_ordinal_is_a_place_of_its_own():
    # «الجزيرة السابعة» is a numbered quarter, not the Jazira region; the cue word stays outside it.
    found = {m.text: m for m in _matches("قصفت القوات منطقة الجزيرة الثالثة بحمص", default_gazetteer())}
    assert "الجزيرة الثالثة" in found and found["الجزيرة الثالثة"].unknown
    # a month's ordinal numbers no place
    assert [m.text for m in _matches("في تشرين الأول قصفت الطائرات حلب", default_gazetteer())] == ["حلب"]
