"""One incident, many sources: reports of the same event are merged into one primary incident.

Every ingested incident stays a row.  A report merged into another incident points at it with
``merged_into_id``; the incident it points at is the *primary*, which the map, lists, exports,
review queue and counts show (:data:`webapp.filters.PRIMARIES`), listing every report as a source.
Merges never chain: a primary is never merged into anything.

Two incidents report the same event (:func:`same_event`) when they have the same ACLED event type,
dates at most :data:`MAX_DAYS` apart, the same place or points at most :data:`MAX_KM` apart, and
come from different articles (one article's incidents are distinct events).  Ingestion merges each
new incident into the nearest primary it matches (:func:`merge_reports`, in its transaction);
``flask incidents merge-similar`` does the same for incidents stored before (:func:`merge_similar`).
Analysts merge and split by hand (:func:`merge_incident`, :func:`split_incident`), recorded in the
audit trail; a report an analyst split off is never merged again automatically.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from gazetteer import distance_km

from . import audit, mapindex
from .database import committed
from .errors import InvalidChange, NotFound
from .extensions import db
from .models import Article, Change, Incident, Sentence

#: Farthest apart (km) two points of one event may be.
MAX_KM = 10.0
#: Most days apart two dates of one event may be.
MAX_DAYS = 1
#: Who automatic merges are recorded as in the audit trail.
AUTOMATIC = audit.Actor("automatic merge")
# A box around a point that holds every point MAX_KM away (a degree of latitude is ~111 km; of
# longitude, ~90 km at Syria's southern border): a first cut made by the (lat, lon) index.
_BOX_DEG = 0.13


@dataclass(frozen=True, slots=True)
class Source:
    """One report of an incident: the article, its sentence and the quote, as the map and page list them."""

    incident_id: int
    article_id: int
    title: str
    source_name: str
    source_url: str
    language: str
    sentence_index: int
    quote: str


def same_event(a: Incident, b: Incident) -> bool:
    """True when ``a`` and ``b`` report one event by the rule above (their articles aside)."""
    if a.event_type != b.event_type or a.date is None or b.date is None:
        return False
    if abs((a.date - b.date).days) > MAX_DAYS:
        return False
    if a.place_id is not None and a.place_id == b.place_id:
        return True
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= MAX_KM  # type: ignore[arg-type]


def find_primary(incident: Incident, *, older_only: bool = False) -> Incident | None:
    """The primary incident ``incident`` reports, the nearest; None when it reports a new event.

    Rejected primaries take no reports, and a primary that already has a report from
    ``incident``'s article is another event of that article.  With ``older_only``, only
    primaries stored before ``incident`` are considered.
    """
    if incident.date is None:
        return None
    window = (incident.date - dt.timedelta(days=MAX_DAYS), incident.date + dt.timedelta(days=MAX_DAYS))
    near = []
    if incident.place_id is not None:
        near.append(Incident.place_id == incident.place_id)
    if incident.lat is not None and incident.lon is not None:
        near.append(
            Incident.lat.between(incident.lat - _BOX_DEG, incident.lat + _BOX_DEG)
            & Incident.lon.between(incident.lon - _BOX_DEG, incident.lon + _BOX_DEG)
        )
    if not near:  # no place, no point: nothing to compare
        return None
    candidates = db.session.scalars(
        select(Incident)
        .where(
            Incident.id < incident.id if older_only else Incident.id != incident.id,
            Incident.merged_into_id.is_(None),
            Incident.status != "rejected",
            Incident.event_type == incident.event_type,
            Incident.date.between(*window),
            Incident.article_id != incident.article_id,
            or_(*near),
        )
        .order_by(Incident.id)
    ).all()
    matches = [c for c in candidates if same_event(incident, c)]
    taken = _articles_of({c.id for c in matches})
    matches = [c for c in matches if incident.article_id not in taken.get(c.id, ())]
    return min(matches, key=lambda c: (_km(incident, c), abs(c.date - incident.date), c.id), default=None)


def merge_reports(incidents: Iterable[Incident], actor: audit.Actor = AUTOMATIC) -> int:
    """Merge each of ``incidents`` (flushed, not yet committed) into the primary it reports, if any.

    The caller commits.  Returns how many were merged.
    """
    merged = 0
    for incident in incidents:
        primary = find_primary(incident)
        if primary is not None:
            _attach(incident, primary, actor)
            merged += 1
    return merged


def merge_similar(actor: audit.Actor = AUTOMATIC) -> int:
    """Merge the stored incidents that report one event, oldest first, each into the nearest primary
    stored before it that it matches; one transaction.  Rejected incidents and those an analyst split
    off stay apart.  Returns how many were merged.
    """
    split_off = _split_off()
    ids = db.session.scalars(
        select(Incident.id).where(Incident.merged_into_id.is_(None)).order_by(Incident.id)
    ).all()
    merged = 0
    with committed():
        for incident_id in ids:
            incident = db.session.get(Incident, incident_id)
            if incident is None or incident.id in split_off or incident.status == "rejected":
                continue
            if incident.merged_into_id is not None or _has_reports(incident.id):
                continue
            primary = find_primary(incident, older_only=True)
            if primary is not None:
                _attach(incident, primary, actor)
                db.session.flush()
                merged += 1
    mapindex.refresh()
    return merged


def merge_incident(incident_id: int, into_id: int, actor: audit.Actor) -> Incident:
    """Merge incident ``incident_id`` (and any reports merged into it) into ``into_id``'s primary,
    recorded as ``merge`` on both; returns the primary.

    Raises :class:`NotFound` for an unknown incident and :class:`InvalidChange` when both are one
    event already (the same incident, or reports of one primary).
    """
    incident, into = _get(incident_id), _get(into_id)
    primary = _get(into.merged_into_id) if into.merged_into_id is not None else into
    own_primary = incident.merged_into_id or incident.id
    if own_primary == primary.id:
        raise InvalidChange.same_event(incident_id, into_id)
    with committed():
        for report in _reports(incident.id):
            _attach(report, primary, actor)
        if incident.merged_into_id is not None:
            _detach(incident, actor)
        _attach(incident, primary, actor)
    mapindex.refresh()
    return primary


def split_incident(incident_id: int, actor: audit.Actor) -> Incident:
    """Split the report ``incident_id`` off the incident it was merged into: it becomes a primary
    again, recorded as ``split`` on both.  Returns it.

    Raises :class:`NotFound` for an unknown incident and :class:`InvalidChange` when it is not merged.
    """
    incident = _get(incident_id)
    if incident.merged_into_id is None:
        raise InvalidChange.not_merged(incident_id)
    with committed():
        _detach(incident, actor)
    mapindex.refresh()
    return incident


def sources_of(primary_ids: Iterable[int]) -> dict[int, list[Source]]:
    """The sources of each primary in ``primary_ids``: its own report first, then those merged into
    it, oldest first.  One query for them all (a page of the map)."""
    ids = list(primary_ids)
    if not ids:
        return {}
    rows = db.session.execute(
        select(
            Incident.id,
            Incident.merged_into_id,
            Incident.article_id,
            Incident.sentence_index,
            Article.title,
            Article.source_name,
            Article.source_url,
            Article.language,
            Sentence.text,
        )
        .join(Article, Incident.article_id == Article.id)
        .outerjoin(Sentence, Incident.sentence_id == Sentence.id)
        .where(or_(Incident.id.in_(ids), Incident.merged_into_id.in_(ids)))
        .order_by(Incident.id)
    ).all()
    out: dict[int, list[Source]] = {i: [] for i in ids}
    for inc_id, into, article_id, index, title, name, url, language, quote in rows:
        source = Source(inc_id, article_id, title, name, url, language, index, quote or "")
        if into is None:
            out[inc_id].insert(0, source)
        else:
            out[into].append(source)
    return out


def _attach(report: Incident, primary: Incident, actor: audit.Actor) -> None:
    before = _report_ids(primary.id)
    was = report.merged_into_id
    report.merged_into_id = primary.id
    _record(actor, "merge", report.id, {"merged_into_id": was}, {"merged_into_id": primary.id})
    _record(actor, "merge", primary.id, {"reports": before}, {"reports": [*before, report.id]})


def _detach(report: Incident, actor: audit.Actor) -> None:
    primary_id = report.merged_into_id
    assert primary_id is not None
    before = _report_ids(primary_id)
    report.merged_into_id = None
    db.session.flush()
    after = [i for i in before if i != report.id]
    _record(actor, "split", report.id, {"merged_into_id": primary_id}, {"merged_into_id": None})
    _record(actor, "split", primary_id, {"reports": before}, {"reports": after})


def _record(
    actor: audit.Actor, action: str, incident_id: int, before: dict[str, Any], after: dict[str, Any]
) -> None:
    audit.record(actor, action, "incident", incident_id, before, after)


def _report_ids(primary_id: int) -> list[int]:
    return list(
        db.session.scalars(
            select(Incident.id).where(Incident.merged_into_id == primary_id).order_by(Incident.id)
        )
    )


def _reports(primary_id: int) -> list[Incident]:
    stmt = select(Incident).where(Incident.merged_into_id == primary_id).order_by(Incident.id)
    return list(db.session.scalars(stmt))


def _has_reports(incident_id: int) -> bool:
    stmt = select(Incident.id).where(Incident.merged_into_id == incident_id).limit(1)
    return db.session.scalar(stmt) is not None


def _articles_of(primary_ids: set[int]) -> dict[int, set[int]]:
    """The articles each primary's reports (itself included) come from."""
    if not primary_ids:
        return {}
    out: dict[int, set[int]] = {}
    rows = db.session.execute(
        select(Incident.id, Incident.merged_into_id, Incident.article_id).where(
            or_(Incident.id.in_(primary_ids), Incident.merged_into_id.in_(primary_ids))
        )
    )
    for inc_id, into, article_id in rows:
        out.setdefault(into or inc_id, set()).add(article_id)
    return out


def _split_off() -> set[int]:
    """Incidents an analyst split off a merge (their ``split`` change had a primary before)."""
    rows = db.session.execute(
        select(Change.subject_id, Change.before).where(Change.subject == "incident", Change.action == "split")
    )
    return {subject_id for subject_id, before in rows if (before or {}).get("merged_into_id")}


def _km(a: Incident, b: Incident) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return 0.0
    return distance_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def _get(incident_id: int) -> Incident:
    incident = db.session.get(Incident, incident_id)
    if incident is None:
        raise NotFound.resource("incident", incident_id)
    return incident
