"""Incident filters from a query string, as SQLAlchemy criteria shared by the map API, lists and exports.

Query parameters (all optional, all combinable; the map keeps them in its URL):

``from``/``to``
    ISO dates, inclusive.
``type``
    event types, comma-separated or repeated.
``actor``
    an actor, matched on normalised words (``actor=Russia`` matches "Russia", "russia").
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
    one article id.
``bbox``
    ``west,south,east,north`` in degrees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, or_, select

from gazetteer.normalize import tokenize

from .errors import BadQuery
from .models import Article, Incident
from .models.search import IncidentSearch, normalized_actor
from .params import parse_date, parse_id

#: Query parameters that select incidents (what a shareable view or an export keeps).
FILTER_PARAMS = ("from", "to", "type", "actor", "admin1", "precision", "q", "source", "article", "bbox")


@dataclass(frozen=True, slots=True)
class Filters:
    """A parsed selection of incidents; an empty instance selects everything."""

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

    @property
    def active(self) -> bool:
        """True when at least one criterion is set."""
        return any(getattr(self, f.name) not in (None, (), "") for f in fields(self))

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
        raise BadQuery.param("from", date_from.isoformat(), f"a date on or before to={date_to.isoformat()}")
    precision = []
    for value in _values(args, "precision"):
        if value not in ("1", "2", "3"):
            raise BadQuery.param("precision", value, "1, 2 or 3")
        precision.append(int(value))
    article_id = parse_id(_first(args, "article"), "article")
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
    )


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` → a tuple, None when empty; raises :class:`BadQuery` when malformed."""
    if not value or not value.strip():
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise BadQuery.param("bbox", value, "west,south,east,north in degrees") from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise BadQuery.param("bbox", value, "west,south,east,north in degrees, south <= north")
    return west, south, east, north


def incident_criteria(flt: Filters) -> list[ColumnElement[bool]]:
    """WHERE clauses over :class:`Incident` for ``flt``; they need no join, so any select can take them."""
    crit: list[ColumnElement[bool]] = []
    if flt.date_from is not None:
        crit.append(Incident.date >= flt.date_from)
    if flt.date_to is not None:
        crit.append(Incident.date <= flt.date_to)
    if flt.event_types:
        crit.append(Incident.event_type.in_(flt.event_types))
    if flt.admin1:
        crit.append(func.lower(Incident.admin1).in_([a.lower() for a in flt.admin1]))
    if flt.precision:
        crit.append(Incident.geo_precision.in_(flt.precision))
    if flt.article_id is not None:
        crit.append(Incident.article_id == flt.article_id)
    if flt.bbox is not None:
        west, south, east, north = flt.bbox
        crit.append(Incident.lat.between(south, north))
        crit.append(
            Incident.lon.between(west, east)
            if west <= east
            else (Incident.lon >= west) | (Incident.lon <= east)
        )  # bbox across the antimeridian
    if flt.source:
        crit.append(
            Incident.article_id.in_(
                select(Article.id).where(
                    Article.source_name.ilike(f"%{_escape_like(flt.source)}%", escape="\\")
                )
            )
        )
    search = _search_criteria(flt)
    if search:
        crit.append(exists().where(IncidentSearch.incident_id == Incident.id, *search))
    return crit


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
    return out


def _search_criteria(flt: Filters) -> list[ColumnElement[bool]]:
    crit: list[ColumnElement[bool]] = []
    for token in tokenize(flt.q):
        # Substring match, so a query word also finds the word with Arabic proclitics (و، ب، ال…).
        crit.append(IncidentSearch.text.like(f"%{_escape_like(token.norm)}%", escape="\\"))
    actor_keys = [k for k in (normalized_actor(a) for a in flt.actors) if k]
    if actor_keys:
        crit.append(
            or_(*(IncidentSearch.actors.like(f"% {_escape_like(k)} %", escape="\\") for k in actor_keys))
        )
    return crit


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _first(args: Mapping[str, Any], name: str) -> str | None:
    value = args.get(name)
    return value if value is None else _no_nul(name, value if isinstance(value, str) else str(value))


def _no_nul(name: str, value: str) -> str:
    # %00 decodes to a NUL, which PostgreSQL refuses in any string parameter (a 500 otherwise).
    if "\x00" in value:
        raise BadQuery.param(name, value.replace("\x00", "\\0"), "text without NUL characters")
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
