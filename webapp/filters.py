"""Incident filters from a query string, as SQLAlchemy criteria shared by the map API, lists and exports.

Query parameters (all optional, all combinable; the map keeps them in its URL):

``from``/``to``
    ISO dates, inclusive.
``type``
    event types, comma-separated or repeated.
``actor``
    an actor: any part of an actor's name, both normalised (``actor=army`` matches "Syrian Army",
    ``actor=الجيش`` matches «قوات الجيش السوري», ``actor=ادلب`` matches «جيش إدلب الحر»).
``admin1``
    governorates, comma-separated or repeated (the incident's ``admin1``, case-insensitive).
``precision``
    geo_precision values 1–3, comma-separated or repeated.
``q``
    free text; every word must occur, after Arabic/Latin normalisation, in the
    sentence, place names, types, actors or title (see :mod:`webapp.models.search`).
``source``
    part of the article's source name (case-insensitive).
``article``
    one article id: the incidents it reports, including those its reports were merged into.
``bbox``
    ``west,south,east,north`` in degrees.
``near``
    ``lat,lon,km``: within ``km`` kilometres (great-circle, on a sphere of :data:`EARTH_RADIUS_KM`)
    of the point; ``km`` from 0 to :data:`MAX_NEAR_KM`.
``status``
    review statuses (``unreviewed``, ``verified``, ``rejected``), comma-separated or repeated,
    or ``all``; without it rejected incidents are left out.

Whatever the parameters, only primary incidents are selected: a report merged into another
incident is one of that incident's sources (:mod:`webapp.merging`), not an incident of its own.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_

from .database import session_dialect
from .errors import BadQuery
from .models import STATUSES, Incident
from .models.indexes import INCIDENT_GEOM
from .params import parse_date, parse_id
from .textsearch import text_criteria

#: Query parameters that select incidents (what a shareable view or an export keeps).
FILTER_PARAMS = (
    "from",
    "to",
    "type",
    "actor",
    "admin1",
    "precision",
    "q",
    "source",
    "article",
    "bbox",
    "near",
    "status",
)
#: The sphere distances are measured on: PostGIS's mean Earth radius, so SQL and numpy agree.
EARTH_RADIUS_KM = 6371.0088
#: The largest ``near`` radius.
MAX_NEAR_KM = 2000.0
#: The statuses shown when none is asked for: all but rejected.
DEFAULT_STATUSES = tuple(s for s in STATUSES if s != "rejected")


@dataclass(frozen=True, slots=True)
class Filters:
    """A parsed selection of incidents; an instance with the defaults selects every incident not rejected."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    event_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    precision: tuple[int, ...] = ()
    q: str = ""
    source: str = ""
    article_id: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    near: tuple[float, float, float] | None = None
    status: tuple[str, ...] = DEFAULT_STATUSES

    @property
    def active(self) -> bool:
        """True when at least one criterion differs from the default."""
        return any(getattr(self, f.name) != f.default for f in fields(self))

    def without_bbox(self) -> Filters:
        """The same filters over the whole map (for timelines and choropleths)."""
        return Filters(**{f.name: getattr(self, f.name) for f in fields(self) if f.name != "bbox"})


def parse_filters(args: Mapping[str, Any]) -> Filters:
    """Parse the filter parameters of ``args`` (a ``request.args`` MultiDict or a plain dict).

    Unknown parameters are ignored. Raises :class:`BadQuery` for a malformed
    date, precision, article id or bbox, and when ``from`` is after ``to``.
    """
    date_from, date_to = parse_date(_first(args, "from"), "from"), parse_date(_first(args, "to"), "to")
    if date_from and date_to and date_from > date_to:
        raise BadQuery.param("from", date_from.isoformat(), "date_until", to=date_to.isoformat())
    precision = []
    for value in _values(args, "precision"):
        if value not in ("1", "2", "3"):
            raise BadQuery.param("precision", value, "precision")
        precision.append(int(value))
    article_id = parse_id(_first(args, "article"), "article")
    status = _values(args, "status")
    if status == ("all",):
        status = STATUSES
    for value in status:
        if value not in STATUSES:
            raise BadQuery.param("status", value, "one_of", choices=", ".join((*STATUSES, "all")))
    return Filters(
        date_from=date_from,
        date_to=date_to,
        event_types=_values(args, "type"),
        actors=_values(args, "actor"),
        admin1=_values(args, "admin1"),
        precision=tuple(sorted(set(precision))),
        q=(_first(args, "q") or "").strip(),
        source=(_first(args, "source") or "").strip(),
        article_id=article_id,
        bbox=parse_bbox(_first(args, "bbox")),
        near=parse_near(_first(args, "near")),
        status=tuple(s for s in STATUSES if s in status) if status else DEFAULT_STATUSES,
    )


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` → a tuple, None when empty; raises :class:`BadQuery` when malformed."""
    if not value or not value.strip():
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise BadQuery.param("bbox", value, "bbox") from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise BadQuery.param("bbox", value, "bbox_ordered")
    return west, south, east, north


def parse_near(value: str | None) -> tuple[float, float, float] | None:
    """``lat,lon,km`` → a tuple, None when empty; raises :class:`BadQuery` when malformed or out of range."""
    if not value or not value.strip():
        return None
    try:
        lat, lon, km = (float(v) for v in value.split(","))
    except ValueError:
        raise BadQuery.param("near", value, "near") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 <= km <= MAX_NEAR_KM):
        raise BadQuery.param("near", value, "near")
    return lat, lon, km


@dataclass(frozen=True, slots=True)
class Between:
    """``low <= column <= high`` on an :class:`Incident` column; None leaves that side open.

    An incident whose value is NULL never matches.
    """

    column: str
    low: Any = None
    high: Any = None


@dataclass(frozen=True, slots=True)
class OneOf:
    """The column's value is one of ``values`` (compared lower-cased when ``casefold``)."""

    column: str
    values: tuple[Any, ...]
    casefold: bool = False


@dataclass(frozen=True, slots=True)
class AnyOf:
    """At least one of ``conditions`` holds."""

    conditions: tuple[Between | OneOf, ...]


@dataclass(frozen=True, slots=True)
class IsNull:
    """The column's value is NULL."""

    column: str


@dataclass(frozen=True, slots=True)
class Near:
    """The incident's point lies within ``km`` of (``lat``, ``lon``): the haversine distance on a
    sphere of :data:`EARTH_RADIUS_KM`."""

    lat: float
    lon: float
    km: float


Condition = Between | OneOf | AnyOf | IsNull | Near

#: Primary incidents only: a report merged into another incident is listed as its source instead.
PRIMARIES = IsNull("merged_into_id")


def conditions(flt: Filters) -> list[Condition]:
    """The tests on incident columns that ``flt`` asks for: the one statement of what a filter means.

    SQL (:func:`incident_criteria`) and the in-memory map index
    (:meth:`webapp.mapcolumns.MapIndex.mask`) each evaluate these.  Free text, actors, source
    and article are not among them: they need other tables, so only SQL evaluates them
    (:func:`text_criteria`).
    Every selection holds primary incidents only (:data:`PRIMARIES`).
    """
    out: list[Condition] = [PRIMARIES]
    if flt.date_from is not None or flt.date_to is not None:
        out.append(Between("date", flt.date_from, flt.date_to))
    if flt.event_types:
        out.append(OneOf("event_type", flt.event_types))
    if flt.admin1:
        out.append(OneOf("admin1", tuple(a.lower() for a in flt.admin1), casefold=True))
    if flt.precision:
        out.append(OneOf("geo_precision", flt.precision))
    if set(flt.status) != set(STATUSES):
        out.append(OneOf("status", flt.status))
    if flt.bbox is not None:
        west, south, east, north = flt.bbox
        out.append(Between("lat", south, north))
        if west <= east:
            out.append(Between("lon", west, east))
        else:  # a box across the antimeridian: east of ``west`` or west of ``east``
            out.append(AnyOf((Between("lon", west, 180.0), Between("lon", -180.0, east))))
    if flt.near is not None:
        out.append(Near(*flt.near))
    return out


def condition_sql(condition: Condition) -> ColumnElement[bool]:
    """``condition`` as a WHERE clause over :class:`Incident`."""
    if isinstance(condition, AnyOf):
        return or_(*(condition_sql(c) for c in condition.conditions))
    if isinstance(condition, Near):
        return _haversine_term(condition) <= near_limit(condition.km)
    column = getattr(Incident, condition.column)
    if isinstance(condition, IsNull):
        return column.is_(None)
    if isinstance(condition, OneOf):
        return (func.lower(column) if condition.casefold else column).in_(condition.values)
    bounds = [column.is_not(None)]
    if condition.low is not None:
        bounds.append(column >= condition.low)
    if condition.high is not None:
        bounds.append(column <= condition.high)
    return and_(*bounds)


def incident_criteria(flt: Filters) -> list[ColumnElement[bool]]:
    """WHERE clauses over :class:`Incident` for ``flt``; they need no join, so any select can take them."""
    crit = [condition_sql(c) for c in conditions(flt)]
    crit.extend(_spatial_index_criteria(flt))
    crit.extend(text_criteria(flt))
    return crit


def _haversine_term(near: Near) -> ColumnElement[float]:
    """The haversine term ``a`` between ``near``'s point and the incident's, in SQL (SQLite's math
    functions or PostgreSQL's); the distance is ``2R·asin(√a)``, so it is within ``km`` exactly when
    ``a <= sin²(km / 2R)`` (:func:`near_limit`), which needs no ``asin``."""
    lat, lon = func.radians(Incident.lat), func.radians(Incident.lon)
    lat0, lon0 = math.radians(near.lat), math.radians(near.lon)
    return func.power(func.sin((lat - lat0) / 2), 2) + math.cos(lat0) * func.cos(lat) * func.power(
        func.sin((lon - lon0) / 2), 2
    )


def near_limit(km: float) -> float:
    """The largest haversine term of a point within ``km`` (see :func:`_haversine_term`)."""
    return math.sin(km / (2 * EARTH_RADIUS_KM)) ** 2


def _spatial_index_criteria(flt: Filters) -> list[ColumnElement[bool]]:
    # On PostgreSQL the bbox and the ``near`` disc are also asked of the GiST-indexed PostGIS point
    # (``&&``: the boxes overlap, boundaries included), so the planner can use that index; the
    # conditions on lat/lon above still state what the filters mean, and select the same rows.
    if session_dialect() != "postgresql":
        return []
    boxes = []
    if flt.bbox is not None:
        boxes.append(flt.bbox)
    if flt.near is not None:
        boxes.append(_around(*flt.near))
    out = []
    for west, south, east, north in boxes:
        spans = [(west, east)] if west <= east else [(west, 180.0), (-180.0, east)]
        envelopes = (func.ST_MakeEnvelope(w, south, e, north, 4326) for w, e in spans)
        out.append(or_(*(INCIDENT_GEOM.intersects(envelope) for envelope in envelopes)))
    return out


def _around(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """A ``west,south,east,north`` box holding every point within ``km`` of (lat, lon) (whole
    longitudes near a pole; ``west > east`` across the antimeridian)."""
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    south, north = max(-90.0, lat - dlat), min(90.0, lat + dlat)
    widest = max(abs(south), abs(north))
    if widest >= 89.0 or km / EARTH_RADIUS_KM >= math.cos(math.radians(widest)):
        return -180.0, south, 180.0, north
    dlon = math.degrees(math.asin(math.sin(km / EARTH_RADIUS_KM) / math.cos(math.radians(widest))))
    dlon = min(180.0, dlon * 1.001 + 1e-9)  # a hair wider: the box only preselects
    west, east = lon - dlon, lon + dlon
    if west < -180.0:
        west += 360.0
    if east > 180.0:
        east -= 360.0
    return west, south, east, north


def filtered(stmt: Select[Any], flt: Filters) -> Select[Any]:
    """``stmt`` (a select involving :class:`Incident`) restricted to ``flt``."""
    return stmt.where(*incident_criteria(flt))


def query_args(flt: Filters) -> dict[str, str]:
    """``flt`` back as query parameters (for links that keep the current selection)."""
    out: dict[str, str] = {}
    if flt.date_from:
        out["from"] = flt.date_from.isoformat()
    if flt.date_to:
        out["to"] = flt.date_to.isoformat()
    for name, values in (
        ("type", flt.event_types),
        ("actor", flt.actors),
        ("admin1", flt.admin1),
        ("precision", tuple(map(str, flt.precision))),
    ):
        if values:
            out[name] = ",".join(values)
    if flt.q:
        out["q"] = flt.q
    if flt.source:
        out["source"] = flt.source
    if flt.article_id is not None:
        out["article"] = str(flt.article_id)
    if flt.bbox:
        out["bbox"] = ",".join(f"{v:g}" for v in flt.bbox)
    if flt.near:
        out["near"] = ",".join(f"{v:g}" for v in flt.near)
    if flt.status != DEFAULT_STATUSES:
        out["status"] = "all" if flt.status == STATUSES else ",".join(flt.status)
    return out


def _first(args: Mapping[str, Any], name: str) -> str | None:
    value = args.get(name)
    return value if value is None else _no_nul(name, value if isinstance(value, str) else str(value))


def _no_nul(name: str, value: str) -> str:
    # %00 decodes to a NUL, which PostgreSQL refuses in any string parameter (a 500 otherwise).
    if "\x00" in value:
        raise BadQuery.param(name, value.replace("\x00", "\\0"), "no_nul")
    return value


def _values(args: Mapping[str, Any], name: str) -> tuple[str, ...]:
    raw: Sequence[str]
    if hasattr(args, "getlist"):
        raw = args.getlist(name)  # type: ignore[attr-defined]
    else:
        value = args.get(name)
        raw = [] if value is None else ([value] if isinstance(value, str) else list(value))
    out: list[str] = []
    for item in raw:
        for part in _no_nul(name, str(item)).split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return tuple(out)
