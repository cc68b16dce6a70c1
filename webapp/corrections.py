"""Corrections of incidents by people: review status, place, point, type; the one service that makes them.

``PATCH /api/incidents/<id>``, the review page's buttons and ``flask incidents set`` build a
:class:`Correction` (validated on construction, see :meth:`Correction.from_json`) and call
:func:`correct_incident`, which applies it and records each part in the audit trail
(:mod:`webapp.audit`) in one transaction, then has the map index reloaded.

- ``{"status"}``: ``unreviewed``, ``verified`` or ``rejected``.
- ``{"place_id"}``: a gazetteer place; the incident takes its names, point, governorate and a
  precision of 3 for an area (governorate, district, …) or 1 otherwise.
- ``{"lat", "lon", "geo_precision"?}``: a point set by hand (a dragged marker), precision 1
  unless given; the incident keeps the place it is at or near.
- ``{"event_type", "sub_event_type"}``: a pair of ACLED's taxonomy (``gazetteer.ACLED_TYPES``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import update

from gazetteer import ACLED_TYPES, AREA_TYPES, PlaceNotFound, is_sub_event_of

from . import audit, mapindex
from .database import committed
from .errors import InvalidChange, NotFound
from .extensions import db, gazetteers
from .ingest import admin1_of, line_geometry, place_columns
from .models import STATUSES, Incident, IncidentSearch
from .models.search import search_row

FIELDS = ("status", "place_id", "lat", "lon", "geo_precision", "event_type", "sub_event_type")
LOCATION_FIELDS = (
    "place_id",
    "place_name",
    "place_name_ar",
    "place_type",
    "lat",
    "lon",
    "geo_precision",
    "admin1",
)
TYPE_FIELDS = ("event_type", "sub_event_type")
_MAX_PLACE_ID = 200


@dataclass(frozen=True, slots=True)
class Correction:
    """What to change on one incident; each part None when left as it is."""

    status: str | None = None
    place_id: str | None = None
    point: tuple[float, float, int] | None = None
    event: tuple[str, str] | None = None

    @classmethod
    def from_json(cls, data: object) -> Correction:
        """Validate a JSON object of :data:`FIELDS`; raises :class:`InvalidChange` naming what is wrong."""
        if not isinstance(data, dict):
            raise InvalidChange.not_an_object()
        for name in data:
            if name not in FIELDS:
                raise InvalidChange.unknown_field(str(name)[:100], ", ".join(FIELDS))
        if not data:
            raise InvalidChange.empty(", ".join(FIELDS))
        return cls(
            status=_status(data["status"]) if "status" in data else None,
            place_id=_place_id(data["place_id"]) if "place_id" in data else None,
            point=_point(data) if data.keys() & {"lat", "lon", "geo_precision"} else None,
            event=_event(data) if data.keys() & {"event_type", "sub_event_type"} else None,
        )

    def __post_init__(self) -> None:
        if self.place_id is not None and self.point is not None:
            raise InvalidChange.place_and_point()


def correct_incident(incident_id: int, correction: Correction, actor: audit.Actor) -> Incident:
    """Apply ``correction`` to incident ``incident_id`` as ``actor``, with its audit rows, in one transaction.

    Parts that change nothing are not recorded.  Raises :class:`NotFound` for an unknown
    incident and :class:`InvalidChange` for a place the gazetteer lacks; nothing is written then.
    """
    incident = db.session.get(Incident, incident_id)
    if incident is None:
        raise NotFound.resource("incident", incident_id)
    with committed():
        searchable = False
        if correction.status is not None:
            _change(incident, actor, "status", ("status",), {"status": correction.status})
        if correction.place_id is not None:
            searchable |= _change(
                incident, actor, "place", LOCATION_FIELDS, _place_values(correction.place_id)
            )
        if correction.point is not None:
            lat, lon, precision = correction.point
            values = {"lat": lat, "lon": lon, "geo_precision": precision}
            _change(incident, actor, "location", LOCATION_FIELDS, values, geometry=None)
        if correction.event is not None:
            event_type, sub_event_type = correction.event
            values = {"event_type": event_type, "sub_event_type": sub_event_type}
            searchable |= _change(incident, actor, "type", TYPE_FIELDS, values)
        if searchable:
            reindex(incident)
    mapindex.refresh()
    return incident


def _change(
    incident: Incident,
    actor: audit.Actor,
    action: str,
    shown: tuple[str, ...],
    values: dict[str, Any],
    **also: Any,
) -> bool:
    """Set ``values`` (and ``also``) on ``incident`` and record ``shown`` fields before and after;
    False, and nothing recorded, when nothing changes."""
    before = {name: getattr(incident, name) for name in shown}
    if all(before[name] == value for name, value in values.items() if name in before):
        return False
    for name, value in {**values, **also}.items():
        setattr(incident, name, value)
    after = {name: getattr(incident, name) for name in shown}
    audit.record(actor, action, "incident", incident.id, before, after)
    return True


def place_for_query(query: str) -> str:
    """The id of the place ``query`` names: a gazetteer id, or a name (any script or spelling) that
    only one place bears.  Raises :class:`InvalidChange` for none, or several (listed).
    """
    query = _place_id(query)
    gazetteer = gazetteers.get()
    if query in gazetteer:
        return query
    ids = [place.id for place in gazetteer.lookup(query)]
    if not ids:
        raise InvalidChange.unknown_place(query)
    if len(ids) > 1:
        raise InvalidChange.ambiguous_place(query, ids)
    return ids[0]


def _place_values(place_id: str) -> dict[str, Any]:
    try:
        place = gazetteers.get().get(place_id)
    except PlaceNotFound:
        raise InvalidChange.unknown_place(place_id) from None
    return {
        **place_columns(place),
        "lat": place.lat,
        "lon": place.lon,
        "geometry": line_geometry(place),
        "geo_precision": 3 if place.type in AREA_TYPES else 1,
        "admin1": admin1_of(place, line_geometry(place)),
    }


def reindex(incident: Incident) -> None:
    """Rewrite the free-text search row of ``incident``, which holds its place names and types."""
    row = search_row(
        incident_id=incident.id,
        sentence=incident.sentence.text if incident.sentence is not None else None,
        place_name=incident.place_name,
        place_name_ar=incident.place_name_ar,
        event_type=incident.event_type,
        sub_event_type=incident.sub_event_type,
        location_description=incident.location_description,
        actors=incident.actors,
        title=incident.article.title,
    )
    db.session.execute(update(IncidentSearch).where(IncidentSearch.incident_id == incident.id).values(**row))


def _status(value: object) -> str:
    if value not in STATUSES:
        raise InvalidChange.bad_value("status", value, "one_of", choices=", ".join(STATUSES))
    return str(value)


def _place_id(value: object) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > _MAX_PLACE_ID:
        raise InvalidChange.bad_value("place_id", value, "text", limit=_MAX_PLACE_ID)
    return value.strip()


def _point(data: dict[str, Any]) -> tuple[float, float, int]:
    for name in ("lat", "lon"):
        if name not in data:
            raise InvalidChange.missing(name, "lat, lon, geo_precision")
    lat, lon = _number(data, "lat", 90.0, "latitude"), _number(data, "lon", 180.0, "longitude")
    precision = data.get("geo_precision", 1)
    if isinstance(precision, bool) or precision not in (1, 2, 3):
        raise InvalidChange.bad_value("geo_precision", precision, "precision")
    return lat, lon, int(precision)


def _number(data: dict[str, Any], name: str, bound: float, expected: str) -> float:
    value = data[name]
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidChange.bad_value(name, value, expected)
    if not -bound <= value <= bound:
        raise InvalidChange.bad_value(name, value, expected)
    return float(value)


def _event(data: dict[str, Any]) -> tuple[str, str]:
    for name in ("event_type", "sub_event_type"):
        if name not in data:
            raise InvalidChange.missing(name, "event_type, sub_event_type")
    event_type, sub_event_type = data["event_type"], data["sub_event_type"]
    if not isinstance(event_type, str) or event_type not in ACLED_TYPES:
        raise InvalidChange.bad_value("event_type", event_type, "event_type", choices=", ".join(ACLED_TYPES))
    if not isinstance(sub_event_type, str) or not is_sub_event_of(event_type, sub_event_type):
        choices = ", ".join(ACLED_TYPES[event_type])
        raise InvalidChange.bad_value(
            "sub_event_type", sub_event_type, "sub_event_type", event_type=event_type, choices=choices
        )
    return event_type, sub_event_type
