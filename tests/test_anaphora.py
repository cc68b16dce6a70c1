"""Whether a report points back at an event told before (gazetteer.events.anaphora)."""

import pytest

from gazetteer.events.anaphora import anaphoric
from gazetteer.events.classify import classify
from gazetteer.places.normalize import tokenize


def _anaphoric(sentence: str) -> bool:
    tokens = tokenize(sentence)
    event = classify(tokens)
    assert event is not None, f"no event word in {sentence!r}"
    return anaphoric(tokens, event)


@pytest.mark.parametrize(
    "sentence",
    [
        "وقد وثق الفريق هذه الهجمات على مدينة سراقب.",
        "ووقع ذلك الهجوم على سوق مدينة أريحا.",
        "These attacks on Saraqib were documented by the team.",
    ],
)
def test_a_demonstrative_before_a_generic_event_word_points_back(sentence: str) -> None:
    assert _anaphoric(sentence)


def test_a_singular_masculine_demonstrative_is_no_determiner_of_a_plural() -> None:
    # «يتضمن ذلك الهجمات على حي الشعار»: "that includes the attacks on al-Shaar", a new report.
    assert not _anaphoric("ويتضمن ذلك الهجمات غير المشروعة على حي الشعار في حلب.")


@pytest.mark.parametrize(
    "sentence",
    [
        "وجاء الهجوم بعد ساعات من زيارة وفد أممي إلى المنطقة.",  # the attack told already, placed in time
        "وتأتي الهجمات بعد أسبوع من إعلان الهدنة.",
    ],
)
def test_a_definite_event_word_after_a_verb_of_coming_points_back(sentence: str) -> None:
    assert _anaphoric(sentence)


def test_a_verb_of_coming_before_an_indefinite_event_word_reports_one() -> None:
    assert not _anaphoric("وجاء هجوم جديد على بلدة كفرنبل صباح اليوم.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # An aircraft beside a generic word that refers back tells the event told already.
        ("ويظهر المقطع مروحية يعتقد أنها شاركت في الهجوم نفسه على البلدة.", True),
        ("وحلقت طائرة حربية فوق الحي عقب الهجوم.", True),
        # Beside a generic word that tells a new event, it is a new air strike.
        ("وشاركت طائرة حربية في هجوم على البلدة.", False),
    ],
)
def test_an_aircraft_beside_a_reference_points_back(sentence: str, expected: bool) -> None:
    assert _anaphoric(sentence) is expected
