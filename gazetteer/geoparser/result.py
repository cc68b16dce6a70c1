"""Value objects the geoparser returns: sentences, place mentions and incident candidates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..places.place import Place


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article: ``text == article[start:end]``; ``index`` counts from 0."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a mention could refer to, with its resolution score and why."""

    place: Place
    score: float
    reason: str


class Role:
    """What a mention is to the article's incidents."""

    INCIDENT = "incident"  # the place where an incident happened
    MENTIONED = "mentioned"  # a place merely mentioned


@dataclass(slots=True)
class Mention:
    """A toponym found in the text.

    ``start``/``end`` are character offsets in the article (clitics such as
    و ب ال are outside the span), ``sentence`` the sentence index.  ``place``
    is None when the name is unresolved; ``cue`` is the word that marked it
    as a place («قرية», "village", …) and ``container`` the place named with
    it («في ريف إدلب», ", Hama"), when known.  ``candidates`` holds the ranked
    alternatives (winner first) and ``reason`` why the winner won.
    """

    text: str
    start: int
    end: int
    sentence: int
    place: Place | None
    score: float = 0.0
    role: str = Role.MENTIONED
    reason: str = ""
    cue: str = ""
    fuzzy: bool = False
    candidates: list[Candidate] = field(default_factory=list)
    location: Location | None = None  # set by the resolver: where this mention points, with precision
    container: Place | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """Where an incident is placed.

    ``geo_precision``: 1 the place itself, 2 near it or part of an area,
    3 district or governorate level.  ``geometry`` is a GeoJSON geometry
    when the location is not a point (a road, an area).
    """

    lat: float
    lon: float
    geo_precision: int
    place: Place | None = None
    geometry: dict[str, Any] | None = None
    description: str = ""


@dataclass(slots=True)
class Incident:
    """One event extracted from one sentence, typed with ACLED event and sub-event types."""

    event_type: str
    sub_event_type: str
    sentence: int
    trigger: str
    date: dt.date | None = None
    date_precision: str = "day"  # day | week | month | year
    actors: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    fatalities: int | None = None
    injuries: int | None = None
    location: Location | None = None
    mention: int | None = None  # index into GeoparseResult.mentions of the location mention


@dataclass(slots=True)
class GeoparseResult:
    """Everything the geoparser derives from one article."""

    language: str
    sentences: list[Sentence]
    mentions: list[Mention]
    incidents: list[Incident]
