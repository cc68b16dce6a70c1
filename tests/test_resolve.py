import pytest
from geo_toy import toy_gazetteer

from gazetteer import default_gazetteer, geoparse
from gazetteer.geoparser.match import find_matches
from gazetteer.geoparser.resolve import resolve_matches
from gazetteer.geoparser.sentences import split_sentences


@pytest.fixture(scope="module")
def gaz():
    return toy_gazetteer()


def _resolve(text, gaz, language="ar"):
    return resolve_matches(find_matches(text, split_sentences(text), gaz, language=language))


def _winners(text, gaz, language="ar"):
    return [(r.match.text, r.place.id if r.place else None) for r in _resolve(text, gaz, language)]


def test_generic_alias_resolves_by_proximity_to_the_articles_places(gaz):
    text = "استهدفت غارة السجن المركزي قرب إدلب. وسقطت قذائف على سراقب."
    res = _resolve(text, gaz)
    prison = res[0]
    assert prison.place.id == "toy:idlib-prison"
    assert [c.place.id for c in prison.candidates[1:]] and "km from" in prison.reason
    assert prison.candidates[0].score > prison.candidates[1].score


def test_same_alias_follows_the_article_elsewhere(gaz):
    winner = _winners("أفرج عن معتقلين من السجن المركزي في مدينة حلب", gaz)[0]
    assert winner == ("السجن المركزي", "toy:aleppo-prison")


def test_lone_common_word_without_corroboration_stays_unresolved(gaz):
    (res,) = _resolve("نقل المعتقلون إلى السجن", gaz)
    assert res.place is None


def test_common_word_corroborated_by_a_nearby_place(gaz):
    far = dict(_winners("قصف على الباب وعلى إدلب", gaz))
    assert far["الباب"] is None  # Al-Bab is 80 km from Idlib: no corroboration
    near = dict(_winners("قصف على الباب وعلى حلب", gaz))
    assert near["الباب"] is None  # 35 km: still beyond the 30 km support radius
    cued = dict(_winners("قصف على مدينة الباب", gaz))
    assert cued["الباب"] == "toy:bab"


def test_cue_word_agreement_picks_the_type(gaz):
    # «محافظة» is also part of the governorate's full name; the span keeps the bare name.
    assert _winners("اجتماع في محافظة إدلب", gaz) == [("إدلب", "toy:idlib-gov")]
    res = _resolve("Clashes in Idlib province", gaz, "en")
    assert res[0].place.id == "toy:idlib-gov" and "cue 'province'" in res[0].reason


def test_syrian_reading_beats_a_small_foreign_homonym(gaz):
    res = _resolve("قصف على أريحا", gaz)
    assert res[0].place.id == "toy:ariha"
    # A small foreign town is a weak reading: it needs its country named in the article.
    assert [c.place.id for c in res[0].candidates] == ["toy:ariha"]


def test_weak_foreign_reading_is_kept_when_its_country_is_named(gaz):
    (alone,) = _resolve("Protests in Jericho today", gaz, "en")
    assert alone.place is None
    named = _resolve("Protests in Jericho, Palestine", gaz, "en")
    assert [r.place.id for r in named] == ["toy:jericho", "toy:palestine"]


def test_foreign_capitals_resolve_abroad(gaz):
    winners = dict(_winners("اجتماعات في العاصمة أنقرة بعد تصريحات من موسكو عن إدلب", gaz))
    assert winners["أنقرة"] == "toy:ankara" and winners["موسكو"] == "toy:moscow"


def test_fuzzy_reading_needs_a_nearby_anchor(gaz):
    supported = _winners("طالت الغارات قرية “غرب سعيد” قرب إدلب", gaz)
    assert ("غرب سعيد", "toy:arab-said") in supported
    alone = _winners("طالت الغارات قرية “غرب سعيد” قرب حماة", gaz)
    assert ("غرب سعيد", None) in alone


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # A text naming no other place: a variant of a town of 10k or more, and of nothing else, is that town.
        ("On 26 February 2020, Russian jets struck buildings in Saraqip, killing a woman.", "Saraqib"),
        ("Russian jets struck homes in Binnesh.", "Binnish"),
        # Another place named far from it: the variant still needs a place nearby.
        ("Russian jets struck homes in Saraqip and in Daraa.", None),
        # A country is too coarse to agree or disagree: the variant is still named alone.
        ("Russian jets struck homes in Saraqip. It was the worst raid in Syria this year.", "Saraqib"),
    ],
)
def test_a_lone_latin_variant_of_a_large_town_is_that_town(text, reading):
    result = geoparse(text, gazetteer=default_gazetteer(), language="en")
    found = [m for m in result.mentions if m.text in ("Saraqip", "Binnesh")]
    assert (found[0].place.name if found and found[0].place else None) == reading


def test_resolution_is_deterministic(gaz):
    text = "قصف على السجن المركزي وإدلب وسراقب"
    first = [(r.place.id, r.score, r.reason) for r in _resolve(text, gaz)]
    assert first == [(r.place.id, r.score, r.reason) for r in _resolve(text, gaz)]


def _damascus_gazetteer():
    from gazetteer import AdminRef, Gazetteer, Place, PlaceType

    dam = AdminRef(1, "Damascus", "دمشق")
    return Gazetteer(
        [
            Place("t:damascus", "Damascus", "دمشق", PlaceType.CITY, 33.513, 36.292, population=1_700_000),
            Place("t:midan", "Al-Midan", "الميدان", PlaceType.NEIGHBOURHOOD, 33.497, 36.299, parents=(dam,)),
            Place(
                "t:bab-musalla",
                "Bab Musalla",
                "باب مصلى",
                PlaceType.NEIGHBOURHOOD,
                33.499,
                36.301,
                parents=(dam,),
            ),
        ]
    )


def test_very_common_word_is_not_corroborated_by_its_city_alone():
    winners = _winners("تجمع أهالي دمشق في الميدان أمس", _damascus_gazetteer())
    assert winners == [("دمشق", "t:damascus"), ("الميدان", None)]


def test_very_common_word_is_corroborated_by_a_cue_or_a_nearby_neighbourhood():
    gaz = _damascus_gazetteer()
    assert _winners("قصف حي الميدان في دمشق", gaz)[0] == ("الميدان", "t:midan")
    assert ("الميدان", "t:midan") in _winners("سقطت قذائف على باب مصلى والميدان في دمشق", gaz)


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Fighters looted shops and homes in Afreen city on 18 March 2018.", "Afrin"),
        # Without the city cue the variant needs a place nearby; a village cue does not make it a city.
        ("Fighters looted shops and homes in Afreen on 18 March 2018.", None),
        ("Protesters gathered in the village of Afreen on Friday.", None),
    ],
)
def test_a_spelling_variant_cued_as_a_city_is_the_city_it_spells(text, reading):
    result = geoparse(text, gazetteer=default_gazetteer(), language="en")
    afreen = [m for m in result.mentions if m.text == "Afreen"]
    assert (afreen[0].place.name if afreen and afreen[0].place else None) == reading


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # A Latin variant cued as a city quarter, in a text naming no other place, is that quarter.
        ("Barrel bombs fell on the Al Firdaous district on Tuesday.", "cur:nb-aleppo-al-firdaws"),
        ("Barrel bombs fell on the Al Firdaous neighbourhood on Tuesday.", "cur:nb-aleppo-al-firdaws"),
        # Named with another city, the quarter must lie near it: Aleppo's is not in Homs.
        ("Barrel bombs fell on the Al Firdaous district in Homs on Tuesday.", None),
        # Uncued, a variant still needs a place nearby.
        ("Barrel bombs fell on Al Firdaous on Tuesday.", None),
    ],
)
def test_a_spelling_variant_cued_as_a_neighbourhood_is_the_neighbourhood_it_spells(text, reading):
    result = geoparse(text, gazetteer=default_gazetteer(), language="en")
    found = [m for m in result.mentions if m.text == "Al Firdaous"]
    assert (found[0].place.id if found and found[0].place else None) == reading


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # A caption's countryside names its places' governorate, however far from the capital they lie.
        ("ريف حماة | غارات على بلدة كفرنبوذه", "cur:vil-kafr-nabudah"),
        ("ريف إدلب | قصف على قرية خان شيخوم", "cur:vil-khan-shaykhun"),
        # The near miss must lie in that governorate: Khan Shaykhun is in Idlib's, not Hama's.
        ("ريف حماة | قصف على قرية خان شيخوم", None),
    ],
)
def test_a_cued_near_miss_is_supported_by_the_governorate_the_text_names(text, reading):
    result = geoparse(text, gazetteer=default_gazetteer(), language="ar")
    last = result.mentions[-1]
    assert (last.place.id if last.place else None) == reading


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Ariqa, the seat of the Ariqa sub-district, has no population in the data.
        ("Government shelling hit Ariqa on Tuesday, wounding a child.", [("Ariqa", "gn:5174")]),
        # Its Arabic name, like many seats' («الروضة», «الشجرة»), could be an ordinary word.
        ("قصفت قوات النظام العريقة يوم الثلاثاء.", []),
        # "Khan" is a GeoNames variant of a hamlet whose sub-district is Kherbet Tin Noor.
        ("Imran Khan spoke on Tuesday.", []),
    ],
)
def test_a_latin_name_of_a_sub_district_seat_needs_no_corroboration(text, found):
    language = "en" if text.isascii() else "ar"
    result = geoparse(text, gazetteer=default_gazetteer(), language=language)
    assert [(m.text, m.place.id if m.place else None) for m in result.mentions] == found


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # A district takes its seat's name: named alone, the name is the town.
        ("A car bomb exploded near a crowded market in Tal Abyad on Saturday.", "cur:vil-tell-abyad"),
        ("الحفة ريف اللاذقية | اشتباكات عنيفة بين فصائل المعارضة وقوات النظام", "gn:173856"),
        # An area cue, or the countryside, names the district.
        ("Turkish artillery shelled villages in Tal Abyad district on Monday.", "cur:dist-tell-abyad"),
        ("قصف مدفعي على قرى منطقة الحفة", "cur:dist-al-haffah"),
        ("قصف مدفعي على ريف الحفة", "cur:dist-al-haffah"),
    ],
)
def test_an_area_named_after_its_seat_needs_an_area_cue(text, reading):
    language = "en" if text.isascii() else "ar"
    result = geoparse(text, gazetteer=default_gazetteer(), language=language)
    named = [m for m in result.mentions if m.text in ("Tal Abyad", "الحفة")]
    assert named[0].place.id == reading


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # Named alone and cued as a settlement, a two-word name one letter off one Syrian town is that town.
        ("قصفت المدفعية بلدة عين ترنا فجر اليوم", "cur:vil-ein-tarma"),
        # A caption's later «البلدة» is its opening name's cue.
        ("عين ترنا | غارة جوية على أطراف البلدة", "cur:vil-ein-tarma"),
        # Another place named far from it: the near miss still needs a place nearby.
        ("قصفت المدفعية بلدة عين ترنا ومدينة حلب فجر اليوم", None),
    ],
)
def test_a_lone_cued_near_miss_of_a_two_word_settlement_is_that_settlement(text, reading):
    result = geoparse(text, gazetteer=default_gazetteer(), language="ar")
    (found,) = [m for m in result.mentions if m.text == "عين ترنا"]
    assert (found.place.id if found.place else None) == reading
