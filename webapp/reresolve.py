"""Re-resolution: articles already stored read again with the current gazetteer, after a place is pinned.

:func:`reresolve` finds the articles holding an unresolved mention of some names (folded by
:func:`gazetteer.normalize_name`, as :mod:`webapp.unresolved` counts them) and geoparses each
again, in one transaction per article: its mentions are replaced, and each incident found again
(same sentence, trigger and event type) takes its new location, recorded in the audit trail as
action "re-resolution".  An incident whose place or point a person set keeps it; an incident the
new reading adds is stored (recorded, and merged as ingestion merges: :mod:`webapp.merging`); one
it no longer finds is kept as it is (nothing is deleted in place).  ``flask gazetteer reresolve
[NAME]`` is the CLI twin.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select

from gazetteer import normalize_name

from . import audit, mapindex
from .corrections import LOCATION_FIELDS, reindex
from .extensions import db, gazetteers
from .ingest import incident_row, mention_row
from .merging import merge_reports
from .models import Article, Change, Incident, Mention

ACTION = "re-resolution"
#: Audit actions by which a person set an incident's location: re-resolution leaves it alone.
MANUAL_LOCATION = ("place", "location")
#: The columns a re-read may change on an incident found again.
MOVED_FIELDS = (*LOCATION_FIELDS, "geometry", "location_description")


@dataclass(frozen=True, slots=True)
class ReresolveReport:
    """How many articles were read again, and how many of their incidents moved or were added."""

    articles: int = 0
    moved: int = 0
    added: int = 0


def articles_naming(names: Iterable[str] | None) -> list[int]:
    """Ids of the articles holding an unresolved mention of one of ``names`` (any spelling that
    normalises alike); with None, of a name the current gazetteer now knows."""
    keys = {normalize_name(n) for n in names} - {""} if names is not None else None
    gazetteer = gazetteers.get() if keys is None else None
    rows = db.session.execute(
        select(Mention.article_id, Mention.text).where(Mention.place_id.is_(None)).distinct()
    ).all()
    found = set()
    for article_id, text in rows:
        key = normalize_name(text)
        if (key in keys) if keys is not None else (gazetteer is not None and gazetteer.has_key(key)):
            found.add(article_id)
    return sorted(found)


def reresolve(names: Iterable[str] | None, actor: audit.Actor) -> ReresolveReport:
    """Geoparse again every article :func:`articles_naming` ``names`` finds, one transaction each,
    with the gazetteer as the database holds it now (pinned places checked at once)."""
    gazetteers.refresh()
    report = ReresolveReport()
    for article_id in articles_naming(names):
        moved, added = reresolve_article(article_id, actor)
        report = ReresolveReport(report.articles + 1, report.moved + moved, report.added + added)
    if report.articles:
        mapindex.refresh()
    return report


def reresolve_article(article_id: int, actor: audit.Actor) -> tuple[int, int]:
    """Geoparse article ``article_id`` again with the current gazetteer, in one transaction;
    returns how many of its incidents moved and how many were added."""
    from gazetteer import geoparse  # heavy: only when an article is read

    article = db.session.get(Article, article_id)
    if article is None:
        return 0, 0
    try:
        result = geoparse(
            article.text,
            gazetteer=gazetteers.get(),
            published=article.published,
            language=article.language or None,
        )
        by_index = {s.index: s for s in article.sentences}
        mentions = [mention_row(m) for m in result.mentions]
        fresh = [incident_row(inc, mentions, by_index) for inc in result.incidents]
        pinned = _set_by_hand([i.id for i in article.incidents])
        waiting: dict[tuple[int, str, str], list[Incident]] = defaultdict(list)
        for old in article.incidents:
            waiting[_key(old)].append(old)
        moved, added = 0, []
        article.mentions = mentions  # the old ones are orphans, deleted at the flush
        for new in fresh:
            same = waiting[_key(new)]
            if not same:
                new.article = article
                added.append(new)
                continue
            old = same.pop(0)
            old.mention = new.mention
            if old.id not in pinned and _move(old, new, actor):
                moved += 1
        for lost in waiting.values():
            for old in lost:
                old.mention = None
        db.session.flush()
        for new in added:
            audit.record(actor, ACTION, "incident", new.id, None, _location(new))
        merge_reports(added)
        article.mention_count = len(mentions)
        article.incident_count = len(article.incidents)
        db.session.commit()
    except Exception:
        db.session.rollback()
        current_app.logger.exception("re-resolving article %s failed", article_id)
        raise
    return moved, len(added)


def _key(incident: Incident) -> tuple[int, str, str]:
    return incident.sentence_index, incident.trigger, incident.event_type


def _set_by_hand(incident_ids: list[int]) -> set[int]:
    if not incident_ids:
        return set()
    return set(
        db.session.scalars(
            select(Change.subject_id).where(
                Change.subject == "incident",
                Change.subject_id.in_(incident_ids),
                Change.action.in_(MANUAL_LOCATION),
            )
        )
    )


def _location(incident: Incident) -> dict[str, object]:
    return {name: getattr(incident, name) for name in LOCATION_FIELDS}


def _move(old: Incident, new: Incident, actor: audit.Actor) -> bool:
    """Give ``old`` the location of ``new``, recorded; False, and nothing recorded, when it is the same."""
    before = _location(old)
    if before == _location(new) and old.geometry == new.geometry:
        return False
    for name in MOVED_FIELDS:
        setattr(old, name, getattr(new, name))
    audit.record(actor, ACTION, "incident", old.id, before, _location(old))
    reindex(old)
    return True
