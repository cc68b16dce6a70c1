"""The ingestion service: the one place that writes an article and everything derived from it.

The upload form, the JSON API, the CLI and the queue worker all call
:func:`ingest_article`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from flask import current_app
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm.exc import StaleDataError

from gazetteer import GeoparseResult, Place

from .bidi import strip_controls
from .errors import IngestFailed, InvalidArticle
from .extensions import db, gazetteers
from .models import Article, Incident, Mention, Sentence

_SPACE_RE = re.compile(r"\s+")
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,4})?$")
# ASCII digits only (``\d`` would take Arabic-Indic ones): a date, then optionally a time and zone.
_ISO_DATE_RE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?"
)
#: The earliest publication date accepted.
FIRST_PUBLISHED = dt.date(1900, 1, 1)
_MAX_TITLE = 500
_MAX_URL = 2000
_MAX_SOURCE_NAME = 200
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


def parse_date(value: dt.date | str | None) -> dt.date | None:
    """A publication date from a ``date``, an ISO-8601 string or nothing; raises :class:`InvalidArticle`.

    Strings are ``YYYY-MM-DD``, or a full ISO-8601 timestamp whose calendar date is taken
    (``2020-09-20T08:30:00+03:00``); nothing may follow.  The date lies between
    :data:`FIRST_PUBLISHED` and tomorrow (a day ahead covers every time zone).
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    elif not isinstance(value, dt.date):
        text = _string(value, "publication date")
        if not text:
            return None
        if not _ISO_DATE_RE.fullmatch(text):
            raise InvalidArticle.bad_date(text)
        try:
            value = dt.datetime.fromisoformat(text).date()
        except ValueError:
            raise InvalidArticle.bad_date(text) from None
    last = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
    if not FIRST_PUBLISHED <= value <= last:
        raise InvalidArticle.date_out_of_range(value, FIRST_PUBLISHED, last)
    return value


def prepare_text(text: str | None) -> str:
    """The text as it will be stored and geoparsed: newlines unified, outer blanks trimmed.

    Raises :class:`InvalidArticle` when it is empty, has no letter in any script (only
    digits, punctuation or invisible characters) or is longer than ``MAX_ARTICLE_CHARS``.
    """
    if not isinstance(text, str):
        raise (
            InvalidArticle.empty_text() if text is None else InvalidArticle.bad_field("text", "not a string")
        )
    _check_characters(text, "text")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise InvalidArticle.empty_text()
    limit = int(current_app.config["MAX_ARTICLE_CHARS"])
    if len(text) > limit:
        raise InvalidArticle.too_long(len(text), limit)
    if not any(char.isalpha() for char in text):
        raise InvalidArticle.no_letters()
    return text


def clean_metadata(
    title: str | None, source_url: str | None, language: str | None, source_name: str | None
) -> tuple[str, str, str | None, str]:
    """Trimmed title, URL, language code and source name; raises :class:`InvalidArticle` when invalid.

    The URL must be http(s) (it becomes a link on the article page); the
    language a code such as ``ar`` or ``en-gb``; lengths fit the columns.  The
    title and source name lose their bidi controls (:func:`webapp.bidi.strip_controls`).
    """
    title = strip_controls(_string(title, "title"))
    if len(title) > _MAX_TITLE:
        raise InvalidArticle.bad_field("title", f"longer than {_MAX_TITLE} characters")
    source_url = _string(source_url, "source URL")
    if source_url:
        parsed = urlparse(source_url)
        if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc:
            raise InvalidArticle.bad_field("source URL", "use an http:// or https:// address")
        if len(source_url) > _MAX_URL:
            raise InvalidArticle.bad_field("source URL", f"longer than {_MAX_URL} characters")
    language = _string(language, "language").lower() or None
    if language is not None and not _LANGUAGE_RE.match(language):
        raise InvalidArticle.bad_field("language", "use a language code such as ar or en")
    source_name = (
        strip_controls(_string(source_name, "source name"))[:_MAX_SOURCE_NAME]
        or _host(source_url)[:_MAX_SOURCE_NAME]
    )
    return title, source_url, language, source_name


def _string(value: object, name: str) -> str:
    # JSON Lines and API bodies can carry numbers or lists where text belongs.
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidArticle.bad_field(name, "must be a string")
    _check_characters(value, name)
    return value.strip()


def _check_characters(value: str, name: str) -> None:
    # JSON can carry what no text file holds: a NUL (PostgreSQL refuses it) or an unpaired
    # surrogate such as "\ud800" (it cannot be encoded, so hashing and storing would fail).
    if "\x00" in value:
        raise InvalidArticle.bad_field(name, "it contains a NUL character (binary data?)")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidArticle.bad_field(name, "it is not valid Unicode (an unpaired surrogate)") from None


def find_by_hash(digest: str) -> Article | None:
    """The stored article with this content hash, if any."""
    return db.session.scalar(select(Article).where(Article.content_hash == digest))


def check_article(
    *,
    text: str,
    title: str | None = None,
    published: dt.date | str | None = None,
    source_url: str | None = None,
    language: str | None = None,
    source_name: str | None = None,
) -> None:
    """Validate the keywords of :func:`ingest_article` without geoparsing or writing anything.

    Callers that queue ingestion use it to reject bad input at once rather than
    in a job nobody watches.  Raises :class:`InvalidArticle` exactly when
    :func:`ingest_article` would.
    """
    _clean(text, published, title, source_url, language, source_name)


def _clean(
    text: str,
    published: dt.date | str | None,
    title: str | None,
    source_url: str | None,
    language: str | None,
    source_name: str | None,
) -> tuple[str, dt.date | None, tuple[str, str, str | None, str]]:
    return (
        prepare_text(text),
        parse_date(published),
        clean_metadata(title, source_url, language, source_name),
    )


def ingest_article(
    *,
    text: str,
    title: str | None = None,
    published: dt.date | str | None = None,
    source_url: str | None = None,
    language: str | None = None,
    source_name: str | None = None,
) -> IngestResult:
    """Store an article with its sentences, mentions and incidents in one transaction.

    Returns the existing article (``created=False``, no new rows) when the same
    text was ingested before and all its derived rows are stored; an incomplete
    copy is replaced.  Raises :class:`InvalidArticle` for empty, oversize or
    malformed input, or when the article would derive more rows than
    ``MAX_ARTICLE_MENTIONS``/``MAX_ARTICLE_INCIDENTS`` (413), and
    :class:`IngestFailed` when geoparsing or the database fails; in every case
    nothing is written.
    """
    text, published_date, (title, source_url, language, source_name) = _clean(
        text, published, title, source_url, language, source_name
    )
    digest = content_hash(text)
    existing = find_by_hash(digest)
    if existing is not None and existing.is_complete():
        return IngestResult(existing, created=False)

    try:
        from gazetteer.pipeline import geoparse  # the geoparser is heavy; load on first ingestion

        result = geoparse(text, gazetteer=gazetteers.get(), published=published_date, language=language)
        _check_row_limits(result)
        if existing is not None:
            current_app.logger.warning("article %s is incomplete; ingesting it again", existing.id)
            db.session.delete(existing)
            db.session.flush()  # its content hash must be free before the new copy is inserted
        article = Article(
            title=title or _default_title(text),
            source_name=source_name,
            source_url=source_url,
            published=published_date,
            language=language or result.language or "",
            text=text,
            content_hash=digest,
        )
        _attach_results(article, result)
        db.session.add(article)
        db.session.commit()
    except (IntegrityError, StaleDataError) as exc:
        # Another request stored (or replaced) the same text between our lookup and our commit.
        db.session.rollback()
        existing = find_by_hash(digest)
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
    return IngestResult(article, created=True)


def _check_row_limits(result: GeoparseResult) -> None:
    # A text built to repeat place names yields rows by the thousand; real reports stay far below.
    for kind, rows, setting in (
        ("place mentions", result.mentions, "MAX_ARTICLE_MENTIONS"),
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
    mentions = []
    for m in result.mentions:
        point = m.location or m.place
        mentions.append(
            Mention(
                sentence_index=m.sentence,
                text=m.text,
                start=m.start,
                end=m.end,
                score=float(m.score),
                role=str(m.role),
                reason=m.reason[:500],
                lat=point.lat if point else None,
                lon=point.lon if point else None,
                geometry=_line_geometry(m.place),
                candidates=[
                    {"place_id": c.place.id, "name": c.place.name, "score": c.score, "reason": c.reason}
                    for c in m.candidates[:_MAX_CANDIDATES]
                ],
                **_place_columns(m.place),
            )
        )
    incidents = []
    for inc in result.incidents:
        loc = inc.location
        place = loc.place if loc else None
        mention = mentions[inc.mention] if inc.mention is not None and inc.mention < len(mentions) else None
        incidents.append(
            Incident(
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
                admin1=_admin1(place),
                **_place_columns(place),
            )
        )
    article.sentences = sentences
    article.mentions = mentions
    article.incidents = incidents
    article.sentence_count, article.mention_count, article.incident_count = (
        len(sentences),
        len(mentions),
        len(incidents),
    )


def _place_columns(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {"place_id": None, "place_name": "", "place_name_ar": "", "place_type": ""}
    return {
        "place_id": place.id,
        "place_name": place.name,
        "place_name_ar": place.name_ar,
        "place_type": getattr(place.type, "value", str(place.type)),
    }


def _line_geometry(place: Place | None) -> dict[str, Any] | None:
    # Lines (roads) are kept with the mention; admin polygons are large and live in the gazetteer.
    if place is not None and place.geometry and place.geometry.get("type") in _LINE_GEOMETRIES:
        return place.geometry
    return None


def _admin1(place: Place | None) -> str:
    if place is None:
        return ""
    parent = place.parent(1)
    if parent is not None:
        return parent.name
    return place.name if getattr(place.type, "value", "") == "governorate" else ""


def _default_title(text: str) -> str:
    first_line = strip_controls(text.split("\n", 1)[0])
    return first_line[:120] + ("…" if len(first_line) > 120 else "")


def _host(url: str | None) -> str:
    return urlparse(url).netloc if url else ""
