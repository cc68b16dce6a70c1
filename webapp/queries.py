"""Incident queries shared by the API, the map and (later) exports: viewport, dates, type, limit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select

from .extensions import db
from .filters import parse_filters
from .models import Incident, Mention, Sentence
from .params import parse_int

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
    def from_args(cls, args: Mapping[str, Any], *, max_limit: int) -> IncidentFilter:
        """Parse ``bbox``, ``from``/``to``, ``type``, ``article`` (by :func:`~webapp.filters.parse_filters`,
        the one parser of every endpoint, so ``type`` may repeat here too) and ``limit``.

        Raises :class:`BadQuery` for malformed values; ``limit`` is capped at ``max_limit``.
        """
        flt = parse_filters(args)
        return cls(
            bbox=flt.bbox,
            date_from=flt.date_from,
            date_to=flt.date_to,
            event_types=flt.event_types,
            article_id=flt.article_id,
            limit=max(1, min(parse_int(args.get("limit"), "limit") or DEFAULT_LIMIT, max_limit)),
        )


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


def distinct_values(column: Any) -> list[str]:
    """The non-empty values of ``column``, sorted: the choices of a filter drop-down."""
    return [v for v in db.session.scalars(select(column).distinct().order_by(column)) if v]
