"""The review queue: unreviewed incidents, the least certain first.

Least certain means, in this order: the lowest resolution score of the mention that placed
the incident (0 when no place was found), the most names left unresolved in its sentence,
the most candidate places the resolver weighed; then the oldest incident.  Reports merged into
another incident are reviewed with it (:data:`webapp.filters.PRIMARIES`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, Select, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.functions import FunctionElement

from gazetteer import Gazetteer

from ..extensions import db
from ..filters import PRIMARIES, condition_sql
from ..models import Incident, Mention, Sentence

#: Runner-up places shown per incident.
RUNNERS_UP = 3


class json_array_len(FunctionElement):  # noqa: N801 - a SQL function's name
    """The length of a JSON array column, 0 when it holds no array (NULL, ``null`` or another value)."""

    type = Integer()
    inherit_cache = True


@compiles(json_array_len)
def _json_array_len_sqlite(element: json_array_len, compiler: Any, **kw: Any) -> str:
    # SQLite's json_array_length is 0 for any JSON that is not an array, NULL for NULL.
    return f"coalesce(json_array_length({compiler.process(element.clauses, **kw)}), 0)"


@compiles(json_array_len, "postgresql")
def _json_array_len_postgresql(element: json_array_len, compiler: Any, **kw: Any) -> str:
    # PostgreSQL's json_array_length raises on a scalar: ask the type first.
    arg = compiler.process(element.clauses, **kw)
    return f"CASE WHEN json_typeof({arg}) = 'array' THEN json_array_length({arg}) ELSE 0 END"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place the resolver weighed for the incident's mention, with its score."""

    place_id: str
    name: str
    score: float


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One row of the queue: the incident, its sentence, and what makes it uncertain."""

    incident: Incident
    sentence: str
    score: float
    unresolved: int
    runners_up: tuple[Candidate, ...]


def queue_statement() -> tuple[Select[Any], Select[Any]]:
    """The queue's rows in order, and their count."""
    placed_by = aliased(Mention)
    unresolved = aliased(Mention)
    score = func.coalesce(placed_by.score, 0.0)
    unresolved_count = (
        select(func.count(unresolved.id))
        .where(
            unresolved.article_id == Incident.article_id,
            unresolved.sentence_index == Incident.sentence_index,
            unresolved.place_id.is_(None),
        )
        .scalar_subquery()
    )
    candidates = json_array_len(placed_by.candidates)
    rows = (
        select(Incident, Sentence.text, score, unresolved_count, placed_by.candidates)
        .outerjoin(Sentence, Incident.sentence_id == Sentence.id)
        .outerjoin(placed_by, Incident.mention_id == placed_by.id)
        .where(Incident.status == "unreviewed", condition_sql(PRIMARIES))
        .order_by(score.asc(), unresolved_count.desc(), candidates.desc(), Incident.id.asc())
    )
    count = select(func.count(Incident.id)).where(Incident.status == "unreviewed", condition_sql(PRIMARIES))
    return rows, count


def queue_item(row: Any) -> QueueItem:
    """A row of :func:`queue_statement` as a :class:`QueueItem`."""
    incident, sentence, score, unresolved, candidates = row
    return QueueItem(
        incident=incident,
        sentence=sentence or "",
        score=float(score),
        unresolved=int(unresolved),
        runners_up=runners_up(incident, candidates),
    )


def runners_up(incident: Incident, candidates: Any) -> tuple[Candidate, ...]:
    """Up to :data:`RUNNERS_UP` weighed places other than the chosen one, best first."""
    out: list[Candidate] = []
    for item in candidates if isinstance(candidates, list) else []:
        if not isinstance(item, dict) or not item.get("place_id") or item["place_id"] == incident.place_id:
            continue
        out.append(
            Candidate(str(item["place_id"]), str(item.get("name") or ""), float(item.get("score") or 0))
        )
    return tuple(sorted(out, key=lambda c: -c.score)[:RUNNERS_UP])


def map_points(item: QueueItem, gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """The row's small map: the incident's point (``kind`` chosen) and each runner-up the gazetteer
    still holds (``kind`` runner-up, with the id of its pick form, ``pick-<incident>-<n>``)."""
    inc = item.incident
    points: list[dict[str, Any]] = []
    if inc.lat is not None and inc.lon is not None:
        label = inc.place_name or inc.place_name_ar
        points.append(
            {"lat": inc.lat, "lon": inc.lon, "label": label, "kind": "chosen", "place_id": inc.place_id}
        )
    for n, candidate in enumerate(item.runners_up, start=1):
        if candidate.place_id not in gazetteer:
            continue
        place = gazetteer.get(candidate.place_id)
        points.append(
            {
                "lat": place.lat,
                "lon": place.lon,
                "label": candidate.name,
                "kind": "runner-up",
                "place_id": candidate.place_id,
                "form": f"pick-{inc.id}-{n}",
            }
        )
    return points


def unreviewed_count() -> int:
    """How many incidents wait for review."""
    return int(db.session.scalar(queue_statement()[1]) or 0)
