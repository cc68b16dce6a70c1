"""Places the gazetteer lacks, and nested names, read against the place they are said to lie in.

Through the public ``geoparse`` on the bundled gazetteer: the villages below
are real and absent from it, which each test first checks.
"""

import pytest

from gazetteer import PlaceType, default_gazetteer, distance_km, geoparse

IDLIB_CITY = (35.93, 36.63)
KAFRANBEL = (35.61, 36.56)


@pytest.fixture(scope="module")
def real():
    return default_gazetteer()


def _absent(gazetteer, *names):
    for name in names:
        assert not gazetteer.lookup(name), f"{name} is in the bundled gazetteer: pick another example"


def _mention(result, text):
    found = [m for m in result.mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in result.mentions]}"
    return found[0]


def test_a_cued_village_the_gazetteer_lacks_is_kept_at_its_container(real):
    _absent(real, "Kafr Sajna")
    text = "Government artillery shelled the village of Kafr Sajna, south of Kafranbel, on 14 February 2020."
    result = geoparse(text, gazetteer=real, language="en")
    village = _mention(result, "Kafr Sajna")
    assert village.place is None
    assert village.cue == "village of"
    assert village.container is not None and village.container.name.startswith("Kafr")
    (incident,) = result.incidents
    assert incident.location.geo_precision == 2
    assert incident.mention == result.mentions.index(village)
    assert distance_km(incident.location.lat, incident.location.lon, *KAFRANBEL) <= 10


def test_the_nearby_village_the_gazetteer_lacks_lies_at_the_settlement_named_before_it(real):
    _absent(real, "Marjeen")
    text = "Drones struck the edge of Kafranbel and the nearby village of Marjeen on Friday."
    result = geoparse(text, gazetteer=real, language="en")
    village = _mention(result, "Marjeen")
    assert village.place is None and village.container is not None
    assert village.container.name.startswith("Kafr") and village.location is not None
    assert village.location.geo_precision == 2 and village.location.description == "near Kafranbel"
    assert distance_km(village.location.lat, village.location.lon, *KAFRANBEL) <= 10


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Gunmen abducted a farmer from the village of Marjeen in Kafranbel on Monday.", "in Kafranbel"),
        (
            "Gunmen abducted a farmer from the village of Marjeen, near Kafranbel, on Monday.",
            "near Kafranbel",
        ),
        (
            "Gunmen abducted a farmer from the village of Marjeen, west of Kafranbel, on Monday.",
            "near Kafranbel",
        ),
    ],
)
def test_a_village_the_gazetteer_lacks_is_labelled_in_or_near_its_container_as_the_text_says(
    real, text, label
):
    village = _mention(geoparse(text, gazetteer=real, language="en"), "Marjeen")
    assert village.location is not None and village.location.description == label


def test_an_arabic_village_after_its_cue_is_kept_in_its_governorate(real):
    _absent(real, "كفرسجنة")
    text = "قصف مدفعي لقوات النظام على قرية كفرسجنة في ريف إدلب الجنوبي وسقوط جرحى"
    result = geoparse(text, gazetteer=real, language="ar")
    village = _mention(result, "كفرسجنة")
    assert village.place is None and village.cue == "قريه"
    assert village.container is not None and village.container.name_ar in ("إدلب", "ادلب")
    (incident,) = result.incidents
    assert incident.location is not None and incident.location.geo_precision in (2, 3)


def test_a_capitalised_name_after_in_is_a_place_only_with_a_container(real):
    _absent(real, "Bashqatin")
    with_container = geoparse(
        "Incendiary munitions hit homes in Bashqatin, Aleppo.", gazetteer=real, language="en"
    )
    assert _mention(with_container, "Bashqatin").container is not None
    without = geoparse("Incendiary munitions hit homes in Bashqatin.", gazetteer=real, language="en")
    assert [m.text for m in without.mentions] == []


def test_names_listed_after_one_cue_share_it_and_their_container(real):
    _absent(real, "Lahaya", "al-Zakat")
    text = "Opposition fighters captured the villages of Lahaya and al-Zakat in northern Hama on 6 June 2019."
    result = geoparse(text, gazetteer=real, language="en")
    for name in ("Lahaya", "al-Zakat"):
        mention = _mention(result, name)
        assert mention.place is None
        assert mention.container is not None and mention.container.name_ar == "حماة"


def test_a_city_cue_announces_no_unknown_place(real):
    text = "معظمها في إدلب، وهي أكبر مدينة تسيطر عليها المعارضة."
    result = geoparse(text, gazetteer=real, language="ar")
    assert all(m.place is not None for m in result.mentions)


@pytest.mark.parametrize(
    "text",
    [
        "قصفت قوات النظام القرية الشرقية من البلدة بالمدفعية، ما أدى إلى احتراق منازل في قرية كفرسجنة",
        "سقطت قذائف على البلدة المجاورة وعلى المدينة القديمة، وتضررت منازل في قرية كفرسجنة",
        "نزح الأهالي من الحي الغربي والمخيم المجاور إلى قرية كفرسجنة",
    ],
)
def test_an_adjective_after_a_definite_settlement_word_is_no_place(real, text):
    # «القرية الشرقية» is "the eastern village": the bare cue word announces names («قرية كفرسجنة»).
    result = geoparse(text, gazetteer=real, language="ar")
    assert [m.text for m in result.mentions] == ["كفرسجنة"]


@pytest.mark.parametrize(
    ("text", "language", "name", "container"),
    [
        ("قصف مدفعي على حي المشفى في إدلب", "ar", "المشفى", "Idlib"),
        ("سقطت قذائف على حي الجامع في دوما", "ar", "الجامع", "Douma"),
        ("غارة على مخيم المدرسة قرب سرمدا", "ar", "المدرسة", "Sarmada"),
        # Held by a same-type homonym elsewhere (Latakia's Qalaa quarter): the one in Aleppo is unknown.
        ("قصف على حي القلعة في حلب", "ar", "القلعة", "Aleppo"),
    ],
)
def test_a_word_for_a_building_after_a_settlement_cue_names_the_place(real, text, language, name, container):
    mention = _mention(geoparse(text, gazetteer=real, language=language), name)
    assert mention.place is None and mention.container.name == container


def test_a_word_for_a_building_without_a_settlement_cue_is_no_place(real):
    for text in ("قصف على المشفى في إدلب", "The hospital in Idlib was hit."):
        assert [m.place.name for m in geoparse(text, gazetteer=real).mentions] == ["Idlib"]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Two barrel bombs dropped by a helicopter hit the al-Thawra neighbourhood of Idlib city.",
            "en",
            "al-Thawra",
        ),
        ("تعرض مستشفى الرحمة في حي الثورة بمدينة إدلب لغارتين جويتين", "ar", "الثورة"),
    ],
)
def test_a_nested_name_is_never_a_homonym_in_another_governorate(real, text, language, name):
    result = geoparse(text, gazetteer=real, language=language)
    inner = next(m for m in result.mentions if name in m.text)
    if inner.place is not None:
        assert distance_km(inner.place.lat, inner.place.lon, *IDLIB_CITY) <= 12
    else:
        assert inner.container is not None and inner.container.type in (PlaceType.CITY, PlaceType.GOVERNORATE)
        assert distance_km(inner.location.lat, inner.location.lon, *IDLIB_CITY) <= 12
        assert inner.location.geo_precision == 2


def test_a_town_named_with_its_governorate_keeps_its_reading(real):
    result = geoparse("Air strikes hit a market in Anadan, Aleppo.", gazetteer=real, language="en")
    anadan = _mention(result, "Anadan")
    assert anadan.place is not None and anadan.place.type in (
        PlaceType.TOWN,
        PlaceType.CITY,
        PlaceType.VILLAGE,
    )


def test_a_name_one_letter_off_a_place_in_its_container_is_that_place(real):
    _absent(real, "Saraqip")
    text = "Russian jets struck homes in Saraqip, Idlib, killing a woman."
    result = geoparse(text, gazetteer=real, language="en")
    saraqip = _mention(result, "Saraqip")
    assert saraqip.place is not None and saraqip.place.name_ar == "سراقب"
    # Named with a place far from it, and no container, the near miss is not believed.
    far = geoparse("Russian jets struck homes in Saraqip and in Daraa.", gazetteer=real, language="en")
    assert [m.text for m in far.mentions] == ["Daraa"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Mansour, a quarter of Raqqa city, lies east of its centre; al-Mansurah lies 27 km west-south-west.
        ("An air strike hit a school sheltering families in al-Mansoura, west of Raqqa, on 21 March 2017.",
         "gn:8559276"),
        ("Shelling hit al-Mansoura, 25 km west of Raqqa, on Monday.", "gn:8559276"),
    ],
)  # fmt: skip
def test_a_direction_from_the_container_chooses_the_homonym_lying_that_way(real, text, place):
    result = geoparse(text, gazetteer=real, language="en")
    assert _mention(result, "al-Mansoura").place.id == place
    assert result.incidents[0].location.place.id == place


def test_a_small_place_dropped_alone_is_read_when_its_container_follows(real):
    # Sirghaya, a village from bulk data named by one uncued word, needs corroboration.
    alone = geoparse("قصف مدفعي على سرغايا اليوم", gazetteer=real, language="ar")
    assert [m.text for m in alone.mentions] == []
    result = geoparse("قصف مدفعي على سرغايا، محافظة ريف دمشق", gazetteer=real, language="ar")
    village = _mention(result, "سرغايا")
    assert village.place is not None and village.place.name.startswith("Sirgh")
    (incident,) = result.incidents
    assert incident.location.place == village.place
    # a container it does not lie in corroborates nothing
    elsewhere = geoparse("قصف مدفعي على سرغايا، محافظة حلب", gazetteer=real, language="ar")
    assert all(m.text != "سرغايا" or m.place is None for m in elsewhere.mentions)


@pytest.mark.parametrize(
    ("text", "language", "name", "place"),
    [
        # Ain Issa lies 50 km north of Raqqa city, in Raqqa governorate.
        (
            "قصفت المدفعية بلدة عين عيسى بريف الرقة الشمالي في 3 كانون الأول 2020.",
            "ar",
            "عين عيسى",
            "Ain Issa",
        ),
        # «كبانة» is spelt Kabana here; the town lies 45 km from Latakia city, in its governorate.
        (
            "Jets struck the hills around Kabana in the northern Lattakia countryside on 12 May 2019.",
            "en",
            "Kabana",
            "Kabani",
        ),
    ],
)
def test_the_countryside_of_a_governorates_capital_reaches_across_the_governorate(
    real, text, language, name, place
):
    result = geoparse(text, gazetteer=real, language=language)
    mention = _mention(result, name)
    assert mention.place is not None and mention.place.name == place
    (incident,) = result.incidents
    assert incident.location.place.name == place


@pytest.mark.parametrize(
    ("text", "town", "place"),
    [
        # The countryside's direction word is not a direction from the town after the dash.
        ("ريف حلب الغربي - الأتارب | قصف مدفعي على الأحياء السكنية 12-2-2020", "الأتارب", "cur:vil-atarib"),
        # A small place from bulk data, named alone, is believed in the countryside the caption names.
        ("ريف إدلب - التمانعة | قصف مدفعي على البلدة", "التمانعة", "gn:172347"),
        # The town is no container of the countryside before it.
        ("ريف درعا الغربي - نوى | قصف بالبراميل المتفجرة", "نوى", "cur:vil-nawa"),
    ],
)
def test_a_caption_town_after_its_countryside_and_a_dash_lies_in_that_countryside(real, text, town, place):
    result = geoparse(text, gazetteer=real, language="ar")
    assert _mention(result, town).place.id == place
    assert all(m.place is not None for m in result.mentions)
    (incident,) = result.incidents
    assert incident.location.place.id == place and incident.location.geo_precision == 1


def test_a_caption_town_is_never_a_homonym_outside_its_countryside(real):
    # «الحميدية» is a quarter of Deir ez-Zor (and of Homs) too: in the Quneitra countryside it is
    # a village the gazetteer lacks, placed in the Quneitra countryside.
    result = geoparse("ريف القنيطرة - الحميدية | قصف مدفعي", gazetteer=real, language="ar")
    village = _mention(result, "الحميدية")
    assert village.place is None and village.container.governorate_pcode == "SY14"


def test_the_countryside_of_a_capital_does_not_reach_into_another_governorate(real):
    # Ain Issa is in Raqqa governorate: the northern Aleppo countryside does not hold it.
    text = "Artillery shelled the town of Ain Issa in the northern Aleppo countryside on 3 December 2020."
    result = geoparse(text, gazetteer=real, language="en")
    assert _mention(result, "Ain Issa").place is None


@pytest.mark.parametrize(
    ("text", "named", "container"),
    [
        # A street named after a town, in the city it is said to lie in: the city, not the town.
        # The toponym is the road, its road word included.
        ("Shells hit the Raqqa road in Aleppo on Monday, wounding two.", "Raqqa road", "Aleppo"),
        ("A car bomb exploded on the Idlib road in Saraqib on Friday.", "Idlib road", "Saraqib"),
    ],
)
def test_a_road_named_after_a_town_lies_in_its_container(real, text, named, container):
    result = geoparse(text, gazetteer=real, language="en")
    road = _mention(result, named)
    assert road.place is None and road.container is not None and road.container.name == container
    assert result.incidents[0].location.geo_precision == 2
    where = result.incidents[0].location
    assert distance_km(where.lat, where.lon, road.container.lat, road.container.lon) < 1


def test_a_dash_after_a_road_named_by_its_ends_is_no_container(real):
    result = geoparse("انفجرت عبوة ناسفة على طريق الرقة – تل أبيض يوم الاثنين", gazetteer=real, language="ar")
    assert all(m.container is None for m in result.mentions)


def test_a_region_holds_the_places_of_its_governorate_beyond_the_reach_of_its_point(real):
    # The Euphrates valley is drawn as one point near Deir ez-Zor; Baghuz lies 75 km down the river.
    result = geoparse(
        "Coalition jets struck a convoy near Baghuz in the Euphrates valley on Monday.",
        gazetteer=real,
        language="en",
    )
    assert _mention(result, "Baghuz").place.id == "cur:vil-baghuz-fawqani"


def test_a_region_does_not_hold_a_homonym_in_another_governorate(real):
    # al-Thawra is a Raqqa town; the Ghab plain is in Hama: the village is one the gazetteer lacks.
    result = geoparse(
        "Shells hit the village of al-Thawra in the Ghab plain on Monday.", gazetteer=real, language="en"
    )
    village = _mention(result, "al-Thawra")
    assert village.place is None and village.container.id == "cur:region-sahl-al-ghab"


@pytest.mark.parametrize(
    "text",
    [
        "A drone struck a tractor in the village of al-Sharia, in the Ghab plain west of Hama, on 13 June.",
        "ريف حماة الغربي - الشريعة | قصف مدفعي على البلدة",
    ],
)
def test_a_plain_or_a_countryside_holds_no_quarter_of_its_city(real, text):
    # Shari'a is a quarter of Hama city; the village in the Ghab plain is one the gazetteer lacks.
    result = geoparse(text, gazetteer=real)
    village = next(m for m in result.mentions if m.text in ("al-Sharia", "الشريعة"))
    assert village.place is None and village.container is not None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Mortar shells fell on the Christian town of al-Suqaylabiyah on 6 November, wounding a girl.",
         "Al-Suqaylabiyah"),
        ("Rockets fell on Mhardeh, a Christian town in the Hama countryside, on 9 September.", "Mhardeh"),
        ("Shells hit the mainly Kurdish town of Amuda on Sunday.", "Amuda"),
    ],
)  # fmt: skip
def test_a_word_saying_who_lives_in_a_town_is_no_place(real, text, place):
    result = geoparse(text, gazetteer=real, language="en")
    assert all(m.place is not None for m in result.mentions)  # "Christian", "Kurdish": no unknown place
    assert result.incidents[0].location.place.name == place


def test_a_name_called_a_village_of_its_container_is_kept_there_when_its_homonyms_lie_elsewhere(real):
    # The gazetteer's Hawash lies in Homs; "a village in Hama province" is one it lacks, in Hama.
    hawash = _mention(geoparse("Shells hit Hawash, a village in Hama province.", gazetteer=real), "Hawash")
    assert hawash.place is None and hawash.container.name == "Hama Governorate"
    # The settlement word ending the gap is the container's cue, and says nothing of the name before.
    result = geoparse("سقوط قذائف صاروخية قرب الدير في بلدة السقيلبية", gazetteer=real, language="ar")
    assert [m.text for m in result.mentions] == ["السقيلبية"]


def test_a_neighbourhood_word_before_of_leaves_the_quarter_in_the_city_named_after_it(real):
    result = geoparse(
        "Two barrel bombs hit the al-Thawra neighbourhood of Idlib city on 3 April 2015, injuring six.",
        gazetteer=real,
        language="en",
    )
    quarter = _mention(result, "al-Thawra")
    assert quarter.place is None and quarter.container is not None and quarter.container.name == "Idlib"


def test_a_landmark_in_the_centre_of_a_city_lies_in_that_city(real):
    # «وسط» (in the centre of) links a name to its container, as «في» does.
    text = "تجمع مئات المحتجين في ساحة الكرامة وسط مدينة السويداء يوم الجمعة 25 آب 2023."
    square = _mention(geoparse(text, gazetteer=real, language="ar"), "ساحة الكرامة")
    assert square.place is None and square.container is not None and square.container.name_ar == "السويداء"


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        # The gazetteer's one reading of "Daraiya" is the city of Darayya, by Damascus.
        ("Shelling damaged a bakery in the Daraiya neighbourhood of Deir ez-Zor on Friday.", "en", "Daraiya"),
        ("قصفت قوات النظام حي داريا في مدينة حلب يوم الجمعة.", "ar", "داريا"),
    ],
)
def test_a_name_called_a_quarter_of_a_city_is_no_city_elsewhere(real, text, language, name):
    result = geoparse(text, gazetteer=real, language=language)
    quarter = _mention(result, name)
    assert quarter.place is None
    assert quarter.container is not None and quarter.container.type is PlaceType.CITY
    assert quarter.location.geo_precision == 2
    (incident,) = result.incidents
    assert incident.location.place == quarter.container


def test_a_quarter_of_its_container_keeps_the_reading_that_lies_there(real):
    text = "Shelling damaged a bakery in the Daraiya neighbourhood of Damascus on Friday."
    quarter = _mention(geoparse(text, gazetteer=real, language="en"), "Daraiya")
    assert quarter.place is not None and quarter.place.name == "Darayya"


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        # The gazetteer's Midan quarter lies in Damascus, 140 km from Homs.
        ("In Homs, a mortar shell landed in the Midan district, wounding three civilians.", "en", "Midan"),
        ("في مدينة حمص، سقطت قذيفة هاون على حي الميدان وأصيب ثلاثة مدنيين.", "ar", "الميدان"),
    ],
)
def test_a_quarter_named_after_a_city_in_its_sentence_lies_in_that_city(real, text, language, name):
    result = geoparse(text, gazetteer=real, language=language)
    quarter = _mention(result, name)
    assert quarter.place is None and quarter.container is not None and quarter.container.name == "Homs"
    (incident,) = result.incidents
    assert incident.location.place.name == "Homs" and incident.location.geo_precision == 2


def test_a_direction_rounded_to_a_point_of_the_compass_still_holds_its_place(real):
    # Ariqa lies 22 km north-north-west of Sweida: just outside the octants around west.
    west = "Gunmen attacked a checkpoint outside the village of Ariqa, west of Sweida, on Sunday."
    assert _mention(geoparse(west, gazetteer=real, language="en"), "Ariqa").place.id == "gn:5174"
    # The opposite side holds no reading: the village is one the gazetteer lacks, at Sweida.
    east = "Gunmen attacked a checkpoint outside the village of Ariqa, east of Sweida, on Sunday."
    village = _mention(geoparse(east, gazetteer=real, language="en"), "Ariqa")
    assert village.place is None and village.container.name == "As-Suwayda"


def test_a_quarter_cut_off_its_settlement_word_takes_the_reading_in_its_city(real):
    text = "Mortars hit the Midan district of Aleppo on Sunday, wounding two children."
    quarter = _mention(geoparse(text, gazetteer=real, language="en"), "Midan")
    assert quarter.place is not None and quarter.place.id == "cur:nb-aleppo-al-midan"


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Shells fell on the Daraiya district in Deir ez-Zor city.", "en", "Daraiya"),
        # «وهي قرية في»: "which is a village in"; the gazetteer's Hawash lies in Homs.
        ("قصف مدفعي على الحواش، وهي قرية في محافظة حماة.", "ar", "الحواش"),
    ],
)
def test_the_words_saying_what_a_name_is_link_it_to_its_container(real, text, language, name):
    inner = _mention(geoparse(text, gazetteer=real, language=language), name)
    assert inner.place is None and inner.container is not None and inner.location is not None


def test_a_captions_governorate_holds_the_place_named_after_its_bar(real):
    # «الحميدية» the gazetteer has is a Deir ez-Zor quarter, 400 km from Daraa: here it lies in Daraa.
    text = "درعا - الحميدية | سقطت قذائف هاون على أطراف الحميدية وأصيب مدنيان 3-5-2019"
    result = geoparse(text, gazetteer=real, language="ar")
    named = [m for m in result.mentions if m.text == "الحميدية"]
    assert len(named) == 2
    # the name again is the same place as in the header
    assert all(m.place is None and m.container is not None for m in named)
    assert all(m.container.id == named[0].container.id for m in named)


def test_a_quarter_the_gazetteer_lacks_told_in_the_next_sentence_lies_in_the_city_told_before(real):
    _absent(real, "الطحانة")
    text = "تظاهر مئات في مدينة حماة يوم الجمعة. وبعد يومين، داهمت قوات الأمن حي الطحانة واعتقلت عشرة شبان."
    quarter = _mention(geoparse(text, gazetteer=real, language="ar"), "الطحانة")
    assert quarter.container is not None and quarter.container.name_ar == "حماة"
    # two sentences on, the city told is no longer the quarter's
    text = "تظاهر مئات في مدينة حماة يوم الجمعة. وساد هدوء حذر. وبعد يومين، داهمت قوات الأمن حي الطحانة."
    quarter = _mention(geoparse(text, gazetteer=real, language="ar"), "الطحانة")
    assert quarter.container is None
