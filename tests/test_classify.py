"""What event a sentence reports: trigger priority, needed words, modality, the ACLED types of the lexicon."""

from __future__ import annotations

import pytest

from gazetteer.errors import GazetteerDataError
from gazetteer.events.classify import classify, type_pair
from gazetteer.places.normalize import tokenize

AIR = ("Explosions/Remote violence", "Air/drone strike")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")


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
