"""One clause's incidents (gazetteer/events/clauseincidents.py): a list record read on its own.

Clauses told in prose are tested through the article driver (tests/test_extract.py); here
:func:`record_incident` is given one list item and the article it stands in.
"""

from __future__ import annotations

import datetime as dt

from gazetteer import Location, Mention, Place, PlaceType, Role
from gazetteer.events.clauseincidents import ArticleContext, record_incident
from gazetteer.geoparser.sentences import split_sentences
from gazetteer.places.normalize import words_in

SARMIN = Place("t:sarmin", "Sarmin", "سرمين", PlaceType.TOWN, 35.903, 36.726)


def _record(text: str) -> tuple[object, list[Mention]]:
    """What :func:`record_incident` makes of the first sentence of ``text``, Sarmin resolved in it."""
    (sentence, *_) = split_sentences(text)
    start = text.index("Sarmin")
    where = Location(SARMIN.lat, SARMIN.lon, 1, place=SARMIN)
    mentions = [Mention("Sarmin", start, start + 6, 0, SARMIN, score=1.0, location=where)]
    article = ArticleContext(text, [sentence], mentions, None, dt.date(2015, 3, 20))
    tokens = words_in(text, sentence.start, sentence.end)
    return record_incident(article, tokens, sentence, [0]), mentions


def test_a_list_item_with_its_place_and_a_day_records_an_incident_there() -> None:
    incident, mentions = _record("[a] Sarmin, 16 March 2015")
    assert incident is not None and incident.date == dt.date(2015, 3, 16)
    assert incident.location is not None and incident.location.place is SARMIN
    assert incident.event_type == ""  # typed later, by the article's event
    assert mentions[0].role == Role.INCIDENT


def test_a_list_item_without_a_day_records_nothing() -> None:
    incident, mentions = _record("[a] Sarmin, in the spring")
    assert incident is None and mentions[0].role != Role.INCIDENT
