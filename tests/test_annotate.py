"""Tests for gazetteer.measure.annotate: span finding and building gold lines from surfaces."""

from __future__ import annotations

import pytest

from gazetteer.measure.annotate import find_spans, make_record
from gazetteer.measure.goldrecords import GoldFormatError

# Our own sentences, written for these tests.
AR_TEXT = "قصفت الطائرات وبإدلب وحلبون، ثم حلب #ادلب."
EN_TEXT = "Strikes hit Idlib. Syrian jets flew over Syria and Idlibi villages."
# Our own report, written for these tests.
WRITTEN = (
    "Shelling hits Kafr Tal village\n"
    "Shelling by government forces hit the village of Kafr Tal, south of Idlib, on 3 March 2020, "
    "wounding at least seven civilians, a Hay'at Tahrir al-Sham statement said at 10:00 Damascus time. "
    "The ceasefire agreed in Moscow in 2020 did not hold."
)


def test_find_spans_allows_arabic_proclitics_and_hashtags_but_not_longer_words() -> None:
    assert [AR_TEXT[s:e] for s, e in find_spans(AR_TEXT, "إدلب")] == ["إدلب"]
    assert AR_TEXT[find_spans(AR_TEXT, "إدلب")[0][0] - 2 : find_spans(AR_TEXT, "إدلب")[0][0]] == "وب"
    assert len(find_spans(AR_TEXT, "حلب")) == 1  # حلبون is another word
    assert len(find_spans(AR_TEXT, "ادلب")) == 1  # after a hashtag sign


def test_find_spans_english_word_boundaries() -> None:
    assert [EN_TEXT[s:e] for s, e in find_spans(EN_TEXT, "Syria")] == ["Syria"]
    assert len(find_spans(EN_TEXT, "Idlib")) == 1


def test_make_record_rejects_a_surface_that_is_not_in_the_text() -> None:
    with pytest.raises(GoldFormatError):
        make_record(
            {"file": "x"},
            EN_TEXT,
            span=None,
            language="en",
            published=None,
            mentions=[{"text": "Homs", "lat": 0, "lon": 0, "type": "city"}],
        )


def test_gold_mentions_may_not_overlap() -> None:
    with pytest.raises(GoldFormatError, match="overlap"):
        make_record(
            {"file": "x"},
            "Jets hit Aleppo University.",
            span=None,
            language="en",
            published=None,
            mentions=[
                {"text": "Aleppo", "lat": 36.2, "lon": 37.15, "type": "city"},
                {"text": "Aleppo University", "lat": 36.21, "lon": 37.13, "type": "landmark"},
            ],
        )


def test_make_record_refuses_an_incident_place_that_is_no_gold_mention() -> None:
    with pytest.raises(GoldFormatError, match="incident place"):
        make_record(
            {"id": "w", "text": WRITTEN},
            WRITTEN,
            span=None,
            language="en",
            published=None,
            mentions=[],
            incidents=[
                {
                    "sentence": "Shelling by",
                    "event_type": "",
                    "sub_event_type": "",
                    "lat": None,
                    "lon": None,
                    "place": "Idlib",
                }
            ],
        )
