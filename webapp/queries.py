"""Incident queries shared by the API and the map: the located incidents a selection holds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Select, select

from .extensions import db
from .filters import Filters, filtered
from .models import Incident, Mention, Sentence
from .params import parse_int

DEFAULT_LIMIT = 1000
#: No answer holds more incident features than this, whatever ``limit`` or ``API_MAX_LIMIT`` say:
#: a larger selection is shown as clusters (with ``zoom``) or paged.
MAX_FEATURES = 5000


def parse_limit(args: Mapping[str, Any], *, max_limit: int) -> int:
    """``limit`` from ``args``: :data:`DEFAULT_LIMIT` when absent, kept within 1..``max_limit``
    (and :data:`MAX_FEATURES`).

    Raises :class:`~webapp.errors.BadQuery` when it is not an integer.
    """
    top = min(max_limit, MAX_FEATURES)
    return max(1, min(parse_int(args.get("limit"), "limit") or DEFAULT_LIMIT, top))


#: Newest first, the undated last on every back end (PostgreSQL would put them first).
NEWEST_FIRST = (Incident.date.desc().nulls_last(), Incident.id.desc())


def mapped_incidents(flt: Filters, *, limit: int = DEFAULT_LIMIT) -> Select:
    """Rows of (Incident, sentence text, sentence start, mention start, mention end), newest first.

    Only located incidents matching ``flt``; the bbox test uses the indexed
    ``lat``/``lon`` columns (and on PostgreSQL the PostGIS point's GiST index) so the cost
    follows the viewport, not the table.
    """
    return filtered(_mapped(), flt).order_by(*NEWEST_FIRST).limit(limit)


def incidents_with_ids(ids: Sequence[int], *, limit: int = DEFAULT_LIMIT) -> Select:
    """The rows of :func:`mapped_incidents` for the incidents ``ids`` (the map index's selection)."""
    stmt = _mapped().where(Incident.id.in_(list(ids)))
    return stmt.order_by(*NEWEST_FIRST).limit(limit)


def _mapped() -> Select:
    return (
        select(Incident, Sentence.text, Sentence.start, Mention.start, Mention.end)
        .outerjoin(Sentence, Incident.sentence_id == Sentence.id)
        .outerjoin(Mention, Incident.mention_id == Mention.id)
        .where(Incident.lat.is_not(None), Incident.lon.is_not(None))
    )


def distinct_values(column: Any) -> list[str]:
    """The non-empty values of ``column``, sorted: the choices of a filter drop-down."""
    return [v for v in db.session.scalars(select(column).distinct().order_by(column)) if v]
