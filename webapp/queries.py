"""Incident queries shared by the API, the map and (later) exports: viewport, dates, type, limit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Select, select

from .errors import BadQuery
from .models import Incident, Mention, Sentence

DEFAULT_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """What to select: a viewport ``bbox`` (west, south, east, north), a date range, event types."""

    bbox: tuple[float, float, float, float] | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    event_types: tuple[str, ...] = ()
    article_id: int | None = None
    limit: int = DEFAULT_LIMIT

    @classmethod
    def from_args(cls, args: Mapping[str, str], *, max_limit: int) -> IncidentFilter:
        """Parse ``bbox``, ``from``/``to`` (ISO dates), ``type`` (comma-separated), ``article``, ``limit``.

        Raises :class:`BadQuery` for malformed values; ``limit`` is capped at ``max_limit``.
        """
        bbox = None
        if args.get("bbox"):
            try:
                west, south, east, north = (float(v) for v in args["bbox"].split(","))
            except ValueError:
                raise BadQuery.param("bbox", args["bbox"], "west,south,east,north in degrees") from None
            bbox = (west, south, east, north)
        types = tuple(t.strip() for t in args.get("type", "").split(",") if t.strip())
        return cls(
            bbox=bbox,
            date_from=_date(args, "from"),
            date_to=_date(args, "to"),
            event_types=types,
            article_id=_int(args, "article", None),
            limit=max(1, min(_int(args, "limit", DEFAULT_LIMIT) or DEFAULT_LIMIT, max_limit)),
        )


def _date(args: Mapping[str, str], name: str) -> dt.date | None:
    value = args.get(name, "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadQuery.param(name, value, "an ISO date YYYY-MM-DD") from None


def _int(args: Mapping[str, str], name: str, default: int | None) -> int | None:
    value = args.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise BadQuery.param(name, value, "an integer") from None


def mapped_incidents(flt: IncidentFilter) -> Select:
    """Rows of (Incident, sentence text, sentence start, mention start, mention end), newest first.

    Only located incidents; the bbox test uses the indexed ``lat``/``lon``
    columns so the cost follows the viewport, not the table.
    """
    stmt = (
        select(Incident, Sentence.text, Sentence.start, Mention.start, Mention.end)
        .outerjoin(Sentence, Incident.sentence_id == Sentence.id)
        .outerjoin(Mention, Incident.mention_id == Mention.id)
        .where(Incident.lat.is_not(None), Incident.lon.is_not(None))
    )
    if flt.bbox is not None:
        west, south, east, north = flt.bbox
        stmt = stmt.where(Incident.lat.between(south, north), Incident.lon.between(west, east))
    if flt.date_from is not None:
        stmt = stmt.where(Incident.date >= flt.date_from)
    if flt.date_to is not None:
        stmt = stmt.where(Incident.date <= flt.date_to)
    if flt.event_types:
        stmt = stmt.where(Incident.event_type.in_(flt.event_types))
    if flt.article_id is not None:
        stmt = stmt.where(Incident.article_id == flt.article_id)
    return stmt.order_by(Incident.date.desc(), Incident.id.desc()).limit(flt.limit)
