"""Titles: headings, cited titles and capitalised names hold event words that report nothing."""

from __future__ import annotations

from gazetteer.events.classify import SentenceEvent, classify
from gazetteer.events.framing import framing_lexicon
from gazetteer.events.titles import after_titled, titled
from gazetteer.places.normalize import tokenize


def _event(sentence: str) -> tuple[list, SentenceEvent]:
    tokens = tokenize(sentence)
    event = classify(tokens)
    assert event is not None, f"no event word in {sentence!r}"
    return tokens, event


def test_a_markdown_heading_is_a_title() -> None:
    text = "## Attacks on hospitals in Idlib"
    tokens, event = _event(text)
    assert titled(text, tokens, event)


def test_a_cited_source_with_its_date_opens_a_title() -> None:
    text = "- MSF (Feb. 2017): Attacks on medical facilities in Syria"
    tokens, event = _event(text)
    assert titled(text, tokens, event)


def test_an_event_word_inside_a_capitalised_name_is_a_title_word_but_not_at_a_sentence_start() -> None:
    text = "Syria joined the Chemical Weapons Convention in 2013."
    tokens, event = _event(text)
    assert titled(text, tokens, event)
    report = "Shelling hit the town of Saraqib on Monday."
    tokens, event = _event(report)
    assert not titled(report, tokens, event)


def test_a_capitalised_event_word_after_titled_belongs_to_the_title() -> None:
    text = "The group published a report titled Shelling Of Schools In Idlib."
    tokens, event = _event(text)
    cues = framing_lexicon().cues.find(tokens)
    assert after_titled(tokens, cues, event.trigger.first)
    plain = "The group published a report after shelling hit schools in Idlib."
    tokens, event = _event(plain)
    assert not after_titled(tokens, framing_lexicon().cues.find(tokens), event.trigger.first)
