"""The past perfect: sentences that recall an event before the one told, and those that do not."""

from __future__ import annotations

import pytest

from gazetteer.events.pastperfect import arabic_perfect, before_that, past_perfect
from gazetteer.places.normalize import tokenize


@pytest.mark.parametrize(
    "sentence",
    [
        "Government forces had already shelled the town twice that week.",
        "The village had been struck by barrel bombs in the spring.",
    ],
)
def test_an_english_past_perfect_recalls_an_earlier_event(sentence: str) -> None:
    assert past_perfect(tokenize(sentence), dated=False)


@pytest.mark.parametrize(
    "sentence",
    [
        # reported speech: the event told, shifted into the past perfect by "said"
        "The SDF said its fighters had returned fire on the attackers.",
        # a relative clause about the event told
        "The attack, which had not been reported, killed two shepherds.",
        "Jets struck the market, killing five people.",
    ],
)
def test_reported_speech_a_relative_clause_or_a_simple_past_recall_nothing(sentence: str) -> None:
    assert not past_perfect(tokenize(sentence), dated=False)


def test_a_verb_of_saying_does_not_shift_a_dated_past_perfect() -> None:
    sentence = "Activists said the army had shelled the town in March 2019."
    assert past_perfect(tokenize(sentence), dated=True)


def test_the_arabic_past_perfect_recalls_only_when_dated_or_told_before_something() -> None:
    told = tokenize("وكانت قوات النظام قد قصفت البلدة بالمدفعية")
    assert arabic_perfect(told)
    assert not past_perfect(told, dated=False)  # reports tell their own events with it too
    assert past_perfect(told, dated=True)
    before = tokenize("وكان المحتجون قد تجمعوا في الساحة قبل أن يتوجهوا إلى المبنى")
    assert before_that(before) and past_perfect(before, dated=False)


def test_qad_too_far_from_kana_is_no_past_perfect() -> None:
    tokens = tokenize("كانت المدينة تحت سيطرة الفصائل منذ سنوات طويلة وقد قصفت اليوم")
    assert not arabic_perfect(tokens)
    assert not before_that(tokenize("قصفت الطائرات البلدة صباح اليوم"))
