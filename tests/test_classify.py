"""What event a sentence reports: trigger priority, needed words, modality, the ACLED types of the lexicon."""

from __future__ import annotations

import pytest

from gazetteer.errors import GazetteerDataError
from gazetteer.events.classify import classify, type_pair
from gazetteer.places.normalize import tokenize

AIR = ("Explosions/Remote violence", "Air/drone strike")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
NON_VIOLENT_TRANSFER = ("Strategic developments", "Non-violent transfer of territory")
ATTACK = ("Violence against civilians", "Attack")
OVERTAKES = ("Battles", "Non-state actor overtakes territory")
ARRESTS = ("Strategic developments", "Arrests")
CLASH = ("Battles", "Armed clash")


def _type(text: str) -> tuple[str, str] | None:
    event = classify(tokenize(text))
    return (event.entry.event_type, event.entry.sub_event_type) if event else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قصفت طائرات حربية روسية محيط مدينة إدلب بعدة غارات جوية", AIR),
        ("قصف الطيران الروسي بلدة سراقب", AIR),
        ("قصف مدفعي لقوات النظام على بلدة سراقب", SHELLING),
        ("سقطت قذائف على البلدة", SHELLING),
        # A barrel bomb in the accusative and the dual, after a verbal noun that tells no event itself.
        ("إسعاف جرحى بعد إلقاء المروحيات برميلاً متفجراً على السوق", AIR),
        # A caption's present tense.
        ("قوات الأمن تعتقل ثلاثة شبان في حي الميدان", ARRESTS),
        # Two explosions, two rockets: the dual.
        ("هز انفجاران سوق المدينة صباح اليوم", IED),
        ("أطلقت القوات صاروخين على الحي الشرقي", SHELLING),
        # Two bodies found: the dual.
        ("عثر الأهالي على جثتي رجلين في أرض زراعية", ATTACK),
        ("دمار واسع بعد إلقاء المروحيات برميلين متفجرين على الحي", AIR),
        ("انفجار عبوة ناسفة بسيارة في البلدة", IED),
        ("A car bomb exploded in the town", IED),
        ("Russian warplanes carried out airstrikes on the town", AIR),
        ("اشتباكات بين قوات النظام والفصائل", ("Battles", "Armed clash")),
        ("اختطف مسلحون مدنيا في البلدة", ("Violence against civilians", "Abduction/forced disappearance")),
        ("شنت قوات النظام حملة مداهمة واعتقالات في البلدة", ("Strategic developments", "Arrests")),
        ("تسيير دوريات مشتركة على الطريق الدولي", ("Strategic developments", "Other")),
        ("توصلت روسيا وتركيا إلى اتفاق لوقف إطلاق النار", ("Strategic developments", "Agreement")),
        ("خرجت مظاهرة في المدينة", ("Protests", "Peaceful protest")),
        ("The regime used chemical weapons in the attack", ("Explosions/Remote violence", "Chemical weapon")),
        # An attack on a patrol is violence, not a patrol.
        ("استهدافات تتعرض لها الدوريات المشتركة", SHELLING),
        # A modality word inside "without warning" frames no warning: the bombing is reported.
        ("Warplanes bombed the market in Ariha without warning", AIR),
        ("The jets struck the hospital with no warning to the staff", AIR),
        ("قصفت قوات النظام السوق دون سابق تحذير", SHELLING),
        # An execution in a caption's present tense, and in the plural past.
        ("مسلحون ملثمون يعدمون رجلين أمام الأهالي", ATTACK),
        ("أعدموا ثلاثة أسرى في ساحة القرية", ATTACK),
        # «وقعت» is "signed" before a memorandum, not "occurred".
        ("ووقعت روسيا وتركيا مذكرة تفاهم حول إدلب", ("Strategic developments", "Agreement")),
    ],
)
def test_event_type(text: str, expected: tuple[str, str]) -> None:
    assert _type(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ثماني طائرات روسية ماتزال تحلق في أجواء المدينة",  # aircraft flying are not a strike
        "حذر فيه من هجوم وشيك لقوات الأسد على المحافظة",  # a warning
        "وألمح إلى أن القصف سيستمر في الساعات المقبلة",  # a forecast
        "Analysts warned of an imminent attack on the city",
        "Volunteers intercept the radio communications of the pilots",  # listening, not fire
        "Monitors intercepted the radio messages of the helicopters",  # aircraft alone: no strike
        "The council agreed a plan for the elimination of chemical weapons in Syria",  # a stock, not a use
        "المناطق الخاضعة لاتفاق وقف إطلاق النار",  # an agreement named, none concluded
        "مناطق سيطرة النظام",  # areas of control, not a capture
        "لا شيء يذكر",
    ],
)
def test_no_event(text: str) -> None:
    assert _type(text) is None


def test_aircraft_flights_make_a_bombing_an_air_strike() -> None:
    assert _type("several flights took off from the airbase and bombed the hospital") == AIR
    assert _type("the Syrian Airforce bombed the central market") == AIR


def test_an_unknown_type_in_the_lexicon_is_refused() -> None:
    assert type_pair("Protests/Peaceful protest") == ("Protests", "Peaceful protest")
    assert type_pair("Explosions/Remote violence/Air/drone strike") == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    with pytest.raises(GazetteerDataError):
        type_pair("Protests/Peaceful demonstration")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A strike that does not say "air" is an aerial one, unless the sentence says what struck.
        ("A strike hit a crowded market in Jisr al-Shughur", AIR),
        ("Eleven civilians were killed when a coalition strike destroyed a house in Hajin", AIR),
        ("ضربة استهدفت مقرا في بلدة الدانا", AIR),
        ("A missile strike hit a bakery in Ariha", SHELLING),
        ("A mortar shell hit a school in Douma, wounding four pupils", SHELLING),
        # Who struck decides: aircraft that fire rockets or shell make an air strike.
        ("Regime helicopters fired rockets at the village of Kafr Zita", AIR),
        ("Russian jets shelled the outskirts of Saraqib", AIR),
        ("قصفت مروحيات النظام بالصواريخ قرية كفرزيتا", AIR),
        ("استهدفت طائرة مسيرة سيارة على طريق سرمدا", AIR),
        # Mines a person steps on or drives over.
        ("A shepherd stepped on a mine near Tadmur", IED),
        ("A truck drove over a mine on the road to Deir Hafer", IED),
        ("A minibus rigged with explosives blew up outside the bakery in Jableh", IED),
        # A charge left behind that goes off: the deaths it caused do not make it an attack.
        ("A leftover mine blew up in an olive grove near Kafr Hamra, killing a boy", IED),
        ("Two shepherds were killed by an unexploded shell near Sukhnah", IED),
        # What an event happened despite is not the event.
        ("Rebel fighters recaptured the hilltop despite intense Russian air strikes", OVERTAKES),
        # Deaths told without a word for how: an attack (or the toll of the event just told).
        ("Three men died when their car came under gunfire near Busra", ("Battles", "Armed clash")),
        ("Two farmers lost their lives in the village of Tal Shihab", ATTACK),
        ("لقي شاب حتفه في بلدة اليادودة", ATTACK),
        ("لقي ثلاثة أطفال مصرعهم في بلدة اليادودة", ATTACK),
        ("The body of a shepherd was found with gunshot wounds near Maskanah", ATTACK),
        # A salvo, a tank's fire and a raid that hits are remote violence; fire returned is a clash.
        ("Later that night another barrage landed on the outskirts of Kafr Nabudah", SHELLING),
        ("Army tanks fired at farmhouses on the edge of Latamneh", SHELLING),
        ("Minutes later a raid hit the vegetable market of Ariha", AIR),
        ("The fighters returned fire at the checkpoint outside Tal Abyad", CLASH),
        # A gathering is a protest only when it is held; fighters gathering are none.
        (
            "A gathering was held outside the municipality of Shahba to denounce the arrests",
            ("Protests", "Peaceful protest"),
        ),
        (
            "Residents of the town held gatherings outside the governor's office",
            ("Protests", "Peaceful protest"),
        ),
        # An attack beaten back was fought; a man led off by soldiers was abducted; a siege broken
        # is ground taken; a village fired on from outside it was shelled.
        ("Local fighters repulsed an attempt by the militia to enter Kabani", CLASH),
        (
            "Two gunmen stopped the minibus near Sanamayn and took him away",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        ("The troops broke the siege of the air base at Kuweires", OVERTAKES),
        ("Militiamen fired on the village of Qalaat al-Madiq from the plain", SHELLING),
        # "Air and artillery strikes" share the noun: air strikes, the artillery beside them.
        ("Air and artillery strikes pounded the outskirts of Kafr Batna overnight", AIR),
        # Helicopters that fire on positions strike from the air.
        ("Helicopters fired on opposition positions around Kafr Zita", AIR),
        # Tyres burnt in the street are a violent demonstration, protest word or none.
        ("Young men then closed the bridge into Nawa with burning tyres", ("Riots", "Violent demonstration")),
        # Angry relatives or villagers who storm or burn are a mob, whatever their victim was accused of.
        (
            "Angry villagers beat a man accused of taking part in the kidnapping of a boy in Nawa",
            ("Riots", "Mob violence"),
        ),
        ("Angry relatives of a detainee stormed the courthouse in Salamiyah", ("Riots", "Mob violence")),
        # Territory: a capture told in the perfect, troops moving in, a withdrawal.
        ("The army said it had taken full control of Khan Tuman", OVERTAKES),
        ("Regime troops moved into Tell Rifaat", OVERTAKES),
        # The verbal noun of a capture, its subject before «على» (a caption's way).
        ("نزوح الأهالي بعد سيطرة مقاتلي الفصائل على القرية", OVERTAKES),
        # Fighters driven out of a place: the place is taken.
        ("Rebel units drove the garrison out of the hilltop village of Kabani", OVERTAKES),
        ("The militants were driven out of Tell Rifaat after a week", OVERTAKES),
        ("Fighters withdrew from the hilltop village of Kabani", NON_VIOLENT_TRANSFER),
        ("انسحبت الفصائل من قرية الكبانة", NON_VIOLENT_TRANSFER),
        ("The rebels left Darayya under a deal with the government", NON_VIOLENT_TRANSFER),
        # A withdrawal after a battle is the battle.
        ("Fighters withdrew from Kabani after heavy clashes", ("Battles", "Armed clash")),
        # A "general strike" stays a protest.
        ("A general strike closed the shops of Suwayda", ("Protests", "Peaceful protest")),
        # People gone missing are disappeared (not a loss of control or of contact).
        (
            "وأفاد ناشطون بفقدان عشرات المدنيين خلال عمليات الإخلاء من الأحياء الشرقية",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        # A gunshot says how someone died: above a bare «حادثة» counting incidents of the kind.
        (
            "قتل شاب بطلق ناري في بلدة الصنمين، في حادثة هي الثالثة خلال أسبوع",
            ("Violence against civilians", "Attack"),
        ),
        ("عثر على جثة رجل مقتولا بطلق ناري قرب دوار الحلبية", ("Violence against civilians", "Attack")),
        # What residents did «احتجاجاً على» a grievance is their protest; stones thrown make it a riot.
        (
            "قطع أهالي بلدة الحراك الطريق ورشقوا سيارة للأمن بالحجارة احتجاجاً على اعتقال شابين",
            ("Riots", "Violent demonstration"),
        ),
        ("أضرب تجار سوق مدينة جاسم عن العمل احتجاجاً على فرض ضرائب جديدة", ("Protests", "Peaceful protest")),
    ],
)
def test_events_told_without_their_usual_word(text: str, expected: tuple[str, str]) -> None:
    assert _type(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Turkey withdrew from the talks on the border crossing",  # leaving talks is no territory
        "انسحبت الفصائل من المفاوضات مع النظام",
        "أعلنت الفصائل فقدان الاتصال بمجموعة من مقاتليها",  # contact lost, no one disappeared
        "The fighters will withdraw from the town next week",  # a plan
        "Since 2014, hundreds of people died when mines exploded in the province",  # background
        "He drove out of Kabani before dawn",  # a car driven, not ground taken
        "عاد الأهالي إلى مناطق سيطرة الفصائل على أطراف البلدة",  # areas held, no capture told
        "The floods drove families out of their homes in Kabani",  # people displaced
    ],
)
def test_no_event_from_the_new_words(text: str) -> None:
    assert _type(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Munitions that only aircraft deliver make an air strike without a word for the aircraft.
        ("Two munitions were dropped on the clinic in Kafr Nabl", AIR),
        ("سقط صاروخ فراغي على حي في مدينة أريحا", AIR),
        ("A thermobaric bomb destroyed the bakery of Ariha", AIR),
        # Fire on protesters, with the shooters named between verb and object, or wounding them.
        (
            "خرجت مظاهرة في مدينة السويداء وأطلقت عناصر الأمن النار على المتظاهرين",
            ("Protests", "Excessive force against protesters"),
        ),
        (
            "Security men fired at a protest in Jasim, wounding four",
            ("Protests", "Excessive force against protesters"),
        ),
        # A storming that ends in arrests is a raid to arrest; a storming alone or with fighting is a battle.
        ("Gunmen stormed the village of Kafr Nabl and arrested four young men", ARRESTS),
        ("اقتحمت دورية للأمن قرية كفرنبل واعتقلت أربعة شبان", ARRESTS),
        ("Government forces stormed the town of Kafr Nabl", CLASH),
        ("Troops stormed Kafr Nabl and clashed with rebels, detaining two", CLASH),
        # Angry residents storming a post riot, whatever arrest they answer; storming and burning a
        # building is a violent demonstration (ACLED), a mob's violence is against a person.
        (
            "Angry residents stormed and set fire to a police post after officers detained a local man",
            ("Riots", "Violent demonstration"),
        ),
        ("An angry crowd beat a suspected thief in the market of Tafas", ("Riots", "Mob violence")),
    ],
)
def test_how_an_event_is_told_sets_its_sub_type(text: str, expected: tuple[str, str]) -> None:
    assert _type(text) == expected


def test_a_grievance_a_protest_demands_redress_for_is_not_the_event() -> None:
    text = "Residents held a sit-in outside the municipality to demand the return of their seized homes."
    assert _type(text) == ("Protests", "Peaceful protest")
    # Told as the sentence's own verb, the seizure is the event.
    assert _type("Gunmen seized homes of displaced families on Sunday.") == (
        "Strategic developments",
        "Looting/property destruction",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds marched through the town on Friday to protest against threats of a new offensive.",
        "Families rallied in the square, protesting against the expected closure of the crossing.",
        "Residents took to the streets of the town to demand the release of detainees.",
    ],
)
def test_what_a_protest_is_against_is_neither_a_warning_nor_its_event(text: str) -> None:
    assert _type(text) == ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police fired warning shots to disperse a rally outside the court in Shahba",
            ("Protests", "Protest with intervention"),
        ),
        ("Rebels took control of the ridge above Kabani for the first time since 2015", OVERTAKES),
    ],
)
def test_warning_shots_and_a_first_time_since_are_still_events(text: str, expected: tuple[str, str]) -> None:
    assert _type(text) == expected


def test_a_warning_of_a_protest_is_still_no_event() -> None:
    assert _type("Officials warned that protests could break out in the town.") is None


@pytest.mark.parametrize(
    "text",
    [
        "Residents drove the tax collectors out of town and the gunmen fired on the crowd, wounding two.",
        "Guards opened fire on a crowd queuing for bread outside the bakery.",
    ],
)
def test_shots_fired_into_a_crowd_are_an_attack_on_civilians_not_a_battle(text: str) -> None:
    assert _type(text) == ATTACK


def test_a_crowd_of_protesters_fired_on_is_excessive_force() -> None:
    assert _type("Security forces fired on the crowd of protesters, killing three.") == (
        "Protests",
        "Excessive force against protesters",
    )


def test_shots_into_the_air_disperse_a_protest_without_excessive_force() -> None:
    assert _type("Police fired live rounds into the air to break up a demonstration in Salamiyah.") == (
        "Protests",
        "Protest with intervention",
    )
    # Live rounds fired at the marchers are still excessive force.
    assert _type("Police fired live rounds at a demonstration in Salamiyah.") == (
        "Protests",
        "Excessive force against protesters",
    )


@pytest.mark.parametrize(
    "text",
    [
        # the killing caused the protest, it did not meet it
        "The killing of a baker by a militia sparked protests in Salamiyah.",
        "The shooting of two farmers set off demonstrations in Salamiyah.",
        # a relative clause in the protest's object describes whom they protest against
        "Residents demonstrated in Salamiyah, demanding the arrest of the gunman who killed a baker.",
    ],
)
def test_violence_that_a_protest_is_about_does_not_make_it_violent(text: str) -> None:
    assert _type(text) == ("Protests", "Peaceful protest")


def test_people_named_detainees_are_no_arrest_told() -> None:
    assert _type("The detainees were taken to the military prison in Hama.") is None
    assert _type("Relatives of the detainees gathered outside the court in Hama.") is None
    assert _type("Police detained eleven men near Hama.") == ARRESTS


def test_an_earlier_event_that_dates_the_one_told_does_not_decide_it() -> None:
    # ", months after ...": what happened before, the time the arrests are dated by
    assert (
        _type("Police arrested nine men in Talkalakh on Monday, months after the rebels left under a deal.")
        == ARRESTS
    )
    assert _type("Police arrested nine men in Talkalakh, days since gunmen shelled the town.") == ARRESTS
    # Alone, the earlier event is still the sentence's.
    assert _type("The rebels left Talkalakh under a deal.") == (
        "Strategic developments",
        "Non-violent transfer of territory",
    )


def test_rebels_or_troops_who_attacked_fought_a_battle_unless_a_weapon_is_named() -> None:
    assert _type("Rebels attacked an army checkpoint outside Qardaha.") == CLASH
    assert _type("Government troops attacked rebel trenches outside Qardaha.") == CLASH
    assert _type("Rebels attacked Qardaha with mortar rounds.") == SHELLING


def test_an_events_rank_since_a_time_is_no_summary() -> None:
    # «الثالثة من نوعها منذ مطلع العام» ranks the event told; «منذ مطلع العام» alone sums up a period.
    assert _type("قتل رجل بطلق ناري في حادثة هي الثالثة من نوعها منذ مطلع العام") is not None
    assert _type("قتل 40 مدنيا في المحافظة منذ مطلع العام") is None


def test_fighters_gathering_are_no_protest() -> None:
    assert _type("Fighters were seen gathering near the front line of Kabani") is None


def test_armed_men_entering_a_place_under_a_deal_is_a_transfer_and_an_aid_convoy_is_not() -> None:
    assert _type("دخلت دوريات روسية إلى مدينة الصنمين بموجب اتفاق التسوية") == NON_VIOLENT_TRANSFER
    assert _type("خرج مقاتلو الفصائل من البلدة بموجب الاتفاق") == NON_VIOLENT_TRANSFER
    assert _type("دخلت قافلة مساعدات إلى البلدة المحاصرة بموجب اتفاق بين الطرفين") is None


@pytest.mark.parametrize(
    "text",
    [
        "اعتقلت قوات الأمن أربعة من منظمي المظاهرة في مدينة السويداء",
        "Security forces detained three organisers of the sit-in outside the governorate building",
    ],
)
def test_the_organisers_of_a_protest_arrested_are_an_arrest_not_a_protest(text: str) -> None:
    assert _type(text) == ARRESTS


@pytest.mark.parametrize(
    "text",
    [
        "قصفت زوارق حربية حي الصليبة من جهة البحر بالتزامن مع اقتحام الجيش للحي",
        "Navy gunboats shelled the coastal quarter as army tanks stormed it",
    ],
)
def test_fire_from_gunboats_is_shelling_beside_a_storming(text: str) -> None:
    assert _type(text) == SHELLING


def test_an_arabic_security_sweep_is_a_raid_to_arrest() -> None:
    assert _type("أطلقت قوى الأمن الداخلي حملة تمشيط في قرى ريف جبلة بحثا عن مطلوبين") == ARRESTS


@pytest.mark.parametrize(
    "text",
    [
        "تجمع العشرات من أبناء المدينة أمام مبنى البلدية مطالبين بالإفراج عن المعتقلين",
        "نظم الأهالي وقفة أمام المخفر للمطالبة بالكشف عن مصير أبنائهم",
    ],
)
def test_a_gathering_making_a_demand_is_a_protest(text: str) -> None:
    assert _type(text) == ("Protests", "Peaceful protest")


def test_a_gathering_without_a_demand_is_no_protest() -> None:
    assert _type("تجمع عشرات العناصر عند مدخل القرية قبل الظهر") is None


def test_armed_men_proceeding_to_shoot_is_an_attack_by_ground_fighters() -> None:
    # The generic ground attack: extract makes it an attack on civilians when its target is one.
    event = classify(tokenize("أقدم مسلحون ملثمون على إطلاق النار على سيارة عند مدخل القرية"))
    assert event is not None and event.generic
    assert (event.entry.event_type, event.entry.sub_event_type) == CLASH


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عناصر الفصائل يسيطرون على تلة استراتيجية غرب القرية", OVERTAKES),
        ("القوات الحكومية تسيطر على الحاجز الرئيسي للمدينة", OVERTAKES),
        ("عناصر الجيش يقتحمون الحي الشرقي فجرا", CLASH),
    ],
)
def test_a_captions_present_tense_capture_is_an_event(text: str, expected: tuple[str, str]) -> None:
    assert _type(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وتسيطر فصائل المعارضة على معظم قرى المنطقة",  # the verb first: a report's stative
        "تقع القرية في المنطقة التي تسيطر عليها الفصائل",  # a relative clause: who holds it
    ],
)
def test_a_reports_present_tense_control_is_no_event(text: str) -> None:
    assert _type(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "وتسير الشرطة العسكرية دوريات في شوارع البلدة",  # a patrol alone is routine
        "تسير القوات الروسية والتركية دوريات مشتركة منتظمة على الطريق الدولي",  # run regularly
    ],
)
def test_routine_patrols_are_no_event(text: str) -> None:
    assert _type(text) is None


def test_a_joint_patrol_is_still_a_development() -> None:
    assert _type("سيرت القوات الروسية والتركية أول دورية مشتركة على الطريق الدولي") == (
        "Strategic developments",
        "Other",
    )


def test_a_modal_word_in_a_before_clause_leaves_the_event_reported() -> None:
    # What the event forestalled is told with "could"/"would": the event itself happened.
    assert _type("A mob beat a thief to death in Kafr Nabl before the police could arrive") == (
        "Riots",
        "Mob violence",
    )
    assert _type("The army shelled Latamneh before the rebels would withdraw") == SHELLING
    # A modal word outside such a clause still makes the sentence report nothing.
    assert _type("The army could shell Latamneh before dawn") is None


def test_armed_men_entering_a_place_take_it() -> None:
    # Words between the armed subject and "entered" do not hide it.
    taken = _type("Government troops and the militias fighting beside them entered Khan Tuman")
    assert taken is not None and taken[0] == "Battles"
    # Aid, a patrol or a deal entering is no territory taken.
    assert _type("A convoy of aid trucks entered Khan Tuman with an army escort") is None
    assert _type("The truce between the rebels and the government entered into force in Khan Tuman") is None
    # So is a span of time entered.
    assert _type("The rebels' siege of Khan Tuman entered its third week") is None


def test_a_deal_that_entered_into_force_is_no_ground_taken_whoever_signed_it() -> None:
    # The armed party right before the verb signed the deal; the deal entered into force.
    for text in (
        "The ceasefire agreed by the opposition and the army entered into force in Khan Tuman",
        "A truce signed by the regime and the rebels entered into effect around Khan Tuman",
    ):
        event = _type(text)
        assert event is None or event[0] != "Battles"
    # "talks", "the war" elsewhere in the sentence do not stop troops who entered a place.
    taken = _type("Government troops entered Khan Tuman after talks with the rebels failed")
    assert taken is not None and taken[0] == "Battles"
    assert _type("Turkish troops entered the war") is None


def test_people_burning_tyres_are_rioters_even_when_they_storm_a_building() -> None:
    riot = ("Riots", "Violent demonstration")
    assert _type("Villagers burned tyres and stormed the municipality building in Jasim") == riot
    assert _type("Young men set fire to tyres and clashed with police outside the court in Sweida") == riot


def test_a_place_stormed_and_held_is_taken() -> None:
    taken = _type("Rebels stormed the village of Kinsabba at dawn and held it against three counter-attacks")
    assert taken is not None and taken[0] == "Battles" and taken[1] != "Armed clash"
    # Stormed alone is a battle, held alone nothing taken.
    assert _type("Rebels stormed the hilltop near Kinsabba at dawn") == CLASH


def test_civilians_killed_in_fighting_are_its_toll() -> None:
    assert _type("A week of fighting near Kinsabba in which 30 civilians were killed") == CLASH
    assert _type("Ten civilians were killed in Kinsabba on Monday") == ATTACK


def test_a_charge_worn_on_the_body_is_a_suicide_bomb() -> None:
    suicide = ("Explosions/Remote violence", "Suicide bomb")
    assert _type("A man wearing an explosive belt detonated it outside a mosque in Jableh") == suicide
    assert _type("An attacker in an explosives vest blew up the checkpoint at Kafr Nabl") == suicide


def test_an_agreement_told_as_what_came_later_is_no_new_event() -> None:
    agreement = ("Strategic developments", "Agreement")
    assert _type("The elders of Kafr Batna signed a truce with the army on Monday") == agreement
    assert _type("The elders of Kafr Batna later signed a truce with the army") is None


def test_explosions_a_strike_set_off_are_its_effect() -> None:
    assert _type("Rockets struck an ammunition store in Masyaf, setting off explosions for hours") == SHELLING
    # An explosion on its own is still a remote explosive.
    assert _type("An explosion tore through an ammunition store in Masyaf") == IED


def test_a_grenade_that_exploded_is_a_grenade() -> None:
    grenade = ("Explosions/Remote violence", "Grenade")
    assert _type("A hand grenade exploded in a shop in the old market of Afrin, wounding two men") == grenade


def test_ground_retaken_or_a_fall_declared_is_territory_taken() -> None:
    for text in (
        "Government troops said they had retaken the hilltop village of Kabani",
        "Kurdish-led forces declared the fall of the militants' last pocket at Hajin",
    ):
        taken = _type(text)
        assert taken is not None and taken[0] == "Battles" and taken[1] != "Armed clash"


def test_people_who_storm_and_burn_a_building_riot() -> None:
    riot = ("Riots", "Violent demonstration")
    assert _type("Furious villagers stormed and set fire to the municipal building in Tafas") == riot
    # Fighters who do so are no rioters.
    assert _type("Rebel fighters stormed and set fire to the army checkpoint in Tafas") != riot


def test_a_gas_attack_told_by_its_victims_suffocating() -> None:
    chemical = ("Explosions/Remote violence", "Chemical weapon")
    assert _type("Eleven people suffocated after helicopters dropped a cylinder on Kafr Zita") == chemical
    # Smoke or rubble is no gas.
    assert _type("Two children suffocated under the rubble after the air strike on Kafr Zita") == AIR


def test_people_smashing_windows_or_throwing_stones_riot_rather_than_fight() -> None:
    text = "Dozens of young men stormed the party office in Qamishli, smashing windows and tearing down flags"
    riot = _type(text)
    assert riot is not None and riot[0] == "Riots"
    # A blast that smashed windows stays an explosion.
    assert _type("A car bomb exploded outside the bakery in Qamishli and smashed windows nearby") == IED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # All the missiles intercepted: a weapon's use disrupted.
        (
            "تصدت الدفاعات الجوية لصواريخ أطلقت على محيط مطار حماة.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        # Most or some of them: the rest got through, and the strike is the event.
        (
            "سقطت صواريخ على محيط مطار حماة وتصدت الدفاعات الجوية لمعظم الصواريخ.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "سقطت صواريخ على أطراف مطار حماة وتصدت الدفاعات لبعض الصواريخ.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
    ],
)
def test_missiles_partly_intercepted_are_a_strike(text: str, expected: tuple[str, str]) -> None:
    assert _type(text) == expected
