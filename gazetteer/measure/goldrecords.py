"""The gold records: annotated passages, toponyms, incidents and non-places, their vocabularies and errors.

:mod:`gazetteer.measure.goldset` reads gold files into these records (the file
format is described there); :mod:`gazetteer.measure.idrisi` reads IDRISI-D into
the same shape; :mod:`gazetteer.measure.annotate` writes gold lines.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import GazetteerDataError, GazetteerError

__all__ = [
    "GENRES",
    "MENTION_CLASSES",
    "NOT_PLACE_KINDS",
    "NO_INCIDENT_KINDS",
    "ORIGINS",
    "GoldContainer",
    "GoldDoc",
    "GoldDriftError",
    "GoldFormatError",
    "GoldIncident",
    "GoldMention",
    "GoldNoIncident",
    "GoldNotPlace",
    "SharedDataMissing",
    "check_disjoint",
    "passage_hash",
]


class GoldFormatError(GazetteerDataError):
    """Raised when a gold line is malformed: bad JSON, missing fields, offsets that do not fit the text."""


class GoldDriftError(GazetteerDataError):
    """Raised when a referenced passage no longer hashes to the recorded sha256 (the shared text changed)."""


class SharedDataMissing(GazetteerError):
    """Raised when the shared directory, or a file a gold line refers to, does not exist."""


#: Per-mention class tags (issue 12's error classes), with what each means.
MENTION_CLASSES = {
    "unknown_village": "a village or town the gazetteer is not expected to know; has a container",
    "latin_variant": "a Latin spelling that is not the gazetteer's usual one (Saraqeb, Khan Shaykhoun)",
    "misspelling": "a one-letter slip of the usual spelling («غرب سعيد», Saraqip)",
    "nested": "the inner place of a nested phrase (the X neighbourhood of Idlib city); has a container",
    "road_segment": "a road named by the cities it joins; the point lies on the segment",
    "city_default": "a bare name that is both a city and its governorate, read as the city",
    "governorate_cue": "a governorate named with a cue (Idlib province, «محافظة إدلب»)",
    "homonym": "a name that other places in Syria also bear; the context decides",
}
#: Kinds of ``not_places`` spans: names that hold a place word but are not a place.
NOT_PLACE_KINDS = {
    "group": "an armed group (Hay'at Tahrir al-Sham, «أحرار الشام»)",
    "organisation": "an organisation or outlet (Syrian Arab Red Crescent, Aleppo Media Center)",
    "time_zone": "a clock time (Damascus time, «بتوقيت دمشق»)",
    "generic_head": "a generic head word alone (khan, deir, tal, «عين»)",
}
#: Kinds of ``no_incident_sentences``: sentences that report no new incident.
NO_INCIDENT_KINDS = {
    "headline": "a headline repeating the lead's event",
    "agreement": "an agreement, ceasefire or de-escalation zone",
    "statistics": "summary statistics over many events",
    "background": "other background: a past event recalled, a denial, methodology",
}
GENRES = ("narrative", "report", "caption")
ORIGINS = ("corpus", "written")


@dataclass(frozen=True, slots=True)
class GoldContainer:
    """The area a gold place lies in: all of it within ``radius_km`` of its point.

    ``start``/``end`` locate its name in the passage (``text == passage[start:end]``),
    None when the text does not name it beside the place; ``text`` is then a label.
    """

    text: str
    lat: float
    lon: float
    radius_km: float
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class GoldMention:
    """An annotated toponym: ``text == passage[start:end]``; lat/lon None when it has no point.

    ``in_gazetteer`` is False for a place the gazetteer is not expected to know, None
    when the annotator made no claim.
    """

    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    type: str = ""
    note: str = ""
    classes: tuple[str, ...] = ()
    in_gazetteer: bool | None = None
    container: GoldContainer | None = None

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GoldIncident:
    """An annotated event: the sentence it is reported in (by start offset), its ACLED types and place.

    ``place`` is the start offset of the gold mention naming where it happened; the
    other optional fields are None when the text does not state them.
    """

    sentence_start: int
    event_type: str
    sub_event_type: str
    lat: float | None
    lon: float | None
    note: str = ""
    place: int | None = None
    geo_precision: int | None = None
    date: dt.date | None = None
    fatalities: int | None = None
    injuries: int | None = None


@dataclass(frozen=True, slots=True)
class GoldNotPlace:
    """A span holding a place word that is no place (``kind`` in :data:`NOT_PLACE_KINDS`)."""

    start: int
    end: int
    text: str
    kind: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class GoldNoIncident:
    """A sentence, by its span, that reports no incident (``kind`` in :data:`NO_INCIDENT_KINDS`)."""

    start: int
    end: int
    kind: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold passage with its text (loaded from the shared directory unless written by us)."""

    id: str
    text: str
    language: str
    published: dt.date | None
    mentions: tuple[GoldMention, ...]
    incidents: tuple[GoldIncident, ...] = ()
    origin: str = "corpus"
    genre: str = ""
    not_places: tuple[GoldNotPlace, ...] = ()
    no_incident: tuple[GoldNoIncident, ...] = ()


def passage_hash(text: str) -> str:
    """The sha256 hex digest of ``text`` encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_disjoint(spans: Sequence[tuple[int, int, str]], where: str) -> None:
    """Raise :class:`GoldFormatError` when two (sorted) gold spans overlap: the gold is flat."""
    for (s0, e0, t0), (s1, _e1, t1) in zip(spans, spans[1:], strict=False):
        if s1 < e0:
            raise GoldFormatError(f"{where}: gold mentions {t0!r}@{s0} and {t1!r}@{s1} overlap")
