"""The ingestion service: the one place that writes an article and everything derived from it.

The upload form, the JSON API, the CLI and the queue worker all call
:func:`ingest_article` with an :class:`~webapp.article_input.ArticleInput`.  A new incident that
reports an event already stored is merged into it in the same transaction (:mod:`webapp.merging`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm.exc import StaleDataError

from gazetteer import GeoparseResult, Place, governorate_of_line
from gazetteer import Incident as GeoparseIncident
from gazetteer import Mention as GeoparseMention

from . import mapindex
from .article_input import ArticleInput
from .bidi import strip_controls
from .errors import IngestFailed, InvalidArticle
from .extensions import db, gazetteers
from .merging import merge_reports
from .models import Article, Incident, Mention, Sentence

_SPACE_RE = re.compile(r"\s+")
_LINE_GEOMETRIES = ("LineString", "MultiLineString")
_MAX_CANDIDATES = 5


@dataclass(frozen=True, slots=True)
class IngestResult:
    """The stored article, and whether this call created it (False: it already existed)."""

    article: Article
    created: bool


def content_hash(text: str) -> str:
    """SHA-256 of the text with whitespace runs collapsed, so re-wrapped copies count as the same."""
    return hashlib.sha256(_SPACE_RE.sub(" ", text).strip().encode("utf-8")).hexdigest()


def find_by_hash(digest: str) -> Article | None:
    """The stored article with this content hash, if any."""
    return db.session.scalar(select(Article).where(Article.content_hash == digest))


def find_by_canonical_url(url: str) -> Article | None:
    """The stored article fetched from the page with this canonical URL, if any."""
    if not url:
        return None
    return db.session.scalar(select(Article).where(Article.canonical_url == url))


def ingest_article(article: ArticleInput) -> IngestResult:
    """Store ``article`` with its sentences, mentions and incidents in one transaction.

    Returns the existing article (``created=False``, no new rows) when the same
    text was ingested before and all its derived rows are stored, or when an
    article was fetched from the same canonical URL; an incomplete copy is
    replaced.  Raises :class:`InvalidArticle` (413) when the article would
    derive more rows than ``MAX_ARTICLE_MENTIONS``/``MAX_ARTICLE_INCIDENTS``,
    and :class:`IngestFailed` when geoparsing or the database fails; in every
    case nothing is written.  (An :class:`ArticleInput` is valid by construction.)
    """
    text = article.text
    digest = content_hash(text)
    same_page = find_by_canonical_url(article.canonical_url)
    if same_page is not None:
        return IngestResult(same_page, created=False)
    existing = find_by_hash(digest)
    if existing is not None and existing.is_complete():
        return IngestResult(existing, created=False)

    try:
        from gazetteer import geoparse  # the geoparser is heavy; load on first ingestion

        result = geoparse(
            text, gazetteer=gazetteers.get(), published=article.published, language=article.language
        )
        _check_row_limits(result)
        if existing is not None:
            current_app.logger.warning("article %s is incomplete; ingesting it again", existing.id)
            db.session.delete(existing)
            db.session.flush()  # its content hash must be free before the new copy is inserted
        stored = Article(
            title=article.title or _default_title(text),
            source_name=article.source_name,
            source_url=article.source_url,
            published=article.published,
            language=article.language or result.language or "",
            text=text,
            content_hash=digest,
            author=article.author,
            canonical_url=article.canonical_url or None,
        )
        _attach_results(stored, result)
        db.session.add(stored)
        db.session.flush()  # ids for the merge rule, which compares the new incidents with stored ones
        merge_reports(stored.incidents)
        db.session.commit()
        mapindex.refresh()  # the uploader's next map request shows these incidents, not the index of before
    except (IntegrityError, StaleDataError) as exc:
        # Another request stored (or replaced) the same text between our lookup and our commit.
        db.session.rollback()
        existing = find_by_canonical_url(article.canonical_url) or find_by_hash(digest)
        if existing is None or not existing.is_complete():
            current_app.logger.exception("ingestion failed")
            raise IngestFailed.because(_public_cause(exc)) from exc
        return IngestResult(existing, created=False)
    except InvalidArticle:
        db.session.rollback()
        raise
    except Exception as exc:
        db.session.rollback()
        current_app.logger.exception("ingestion failed")
        raise IngestFailed.because(_public_cause(exc)) from exc
    return IngestResult(stored, created=True)


def _check_row_limits(result: GeoparseResult) -> None:
    # A text built to repeat place names yields rows by the thousand; real reports stay far below.
    for kind, rows, setting in (
        ("mentions", result.mentions, "MAX_ARTICLE_MENTIONS"),
        ("incidents", result.incidents, "MAX_ARTICLE_INCIDENTS"),
    ):
        limit = int(current_app.config[setting])
        if len(rows) > limit:
            raise InvalidArticle.too_many(kind, len(rows), limit)


def _public_cause(exc: BaseException) -> BaseException:
    # A database error's text embeds the SQL and its parameters; the client gets the driver's
    # message only, the log keeps the rest.
    if isinstance(exc, StatementError) and exc.orig is not None:
        return exc.orig
    return exc


def _attach_results(article: Article, result: GeoparseResult) -> None:
    """Turn the geoparser's value objects into rows hanging off ``article``."""
    sentences = [Sentence(index=s.index, start=s.start, end=s.end, text=s.text) for s in result.sentences]
    by_index = {s.index: s for s in sentences}
    mentions = [mention_row(m) for m in result.mentions]
    incidents = [incident_row(inc, mentions, by_index) for inc in result.incidents]
    article.sentences = sentences
    article.mentions = mentions
    article.incidents = incidents
    article.sentence_count, article.mention_count, article.incident_count = (
        len(sentences),
        len(mentions),
        len(incidents),
    )


def mention_row(m: GeoparseMention) -> Mention:
    """The row of one mention the geoparser found (not yet attached to an article)."""
    point = m.location or m.place
    return Mention(
        sentence_index=m.sentence,
        text=m.text,
        start=m.start,
        end=m.end,
        score=float(m.score),
        role=str(m.role),
        reason=m.reason[:500],
        lat=point.lat if point else None,
        lon=point.lon if point else None,
        geometry=line_geometry(m.place),
        candidates=[
            {"place_id": c.place.id, "name": c.place.name, "score": c.score, "reason": c.reason}
            for c in m.candidates[:_MAX_CANDIDATES]
        ],
        cue=m.cue,
        container_id=m.container.id if m.container else None,
        container_name=m.container.name if m.container else "",
        container_name_ar=m.container.name_ar if m.container else "",
        **place_columns(m.place),
    )


def incident_row(inc: GeoparseIncident, mentions: list[Mention], by_index: dict[int, Sentence]) -> Incident:
    """The row of one incident the geoparser found, linked to its row in ``mentions`` and its sentence."""
    loc = inc.location
    place = loc.place if loc else None
    mention = mentions[inc.mention] if inc.mention is not None and inc.mention < len(mentions) else None
    return Incident(
        sentence_index=inc.sentence,
        sentence=by_index.get(inc.sentence),
        mention=mention,
        event_type=inc.event_type,
        sub_event_type=inc.sub_event_type,
        trigger=inc.trigger[:200],
        date=inc.date,
        date_precision=inc.date_precision,
        actors=list(inc.actors),
        counts=dict(inc.counts),
        fatalities=inc.fatalities,
        injuries=inc.injuries,
        lat=loc.lat if loc else None,
        lon=loc.lon if loc else None,
        geometry=loc.geometry if loc else None,
        geo_precision=loc.geo_precision if loc else None,
        location_description=(loc.description if loc else "")[:500],
        admin1=admin1_of(place, loc.geometry if loc else None),
        **place_columns(place),
    )


def place_columns(place: Place | None) -> dict[str, Any]:
    """The place columns of a mention or incident at ``place`` (empty for None)."""
    if place is None:
        return {"place_id": None, "place_name": "", "place_name_ar": "", "place_type": ""}
    return {
        "place_id": place.id,
        "place_name": place.name,
        "place_name_ar": place.name_ar,
        "place_type": getattr(place.type, "value", str(place.type)),
    }


def line_geometry(place: Place | None) -> dict[str, Any] | None:
    """The geometry stored with a row at ``place``: a road's line, else None."""
    # Lines (roads) are kept with the mention; admin polygons are large and live in the gazetteer.
    if place is not None and place.geometry and place.geometry.get("type") in _LINE_GEOMETRIES:
        return place.geometry
    return None


def admin1_of(place: Place | None, geometry: dict[str, Any] | None = None) -> str:
    """The governorate ``place`` lies in (itself for a governorate), or ``""``.

    A place with no governorate of its own (a road) is in the one holding the midpoint of the
    incident's line ``geometry`` (its stretch of road), when one does.
    """
    if place is not None:
        parent = place.parent(1)
        if parent is not None:
            return parent.name
        if getattr(place.type, "value", "") == "governorate":
            return place.name
    if not geometry:
        return ""
    governorate = governorate_of_line(gazetteers.get(), geometry)
    return governorate.name if governorate is not None else ""


def _default_title(text: str) -> str:
    first_line = strip_controls(text.split("\n", 1)[0])
    return first_line[:120] + ("…" if len(first_line) > 120 else "")
