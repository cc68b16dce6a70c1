"""Feeds: adding, listing and removing them, and polling them for new articles.

The CLI (``flask feeds``) and the admins' Feeds page call these functions.  Polling takes
each entry not taken before (by its GUID, or its link without one), fetches its page for
the full text and ingests it through :func:`webapp.links.ingest_link`, which stores a page
once per canonical URL.  An entry that fails is left for the next poll.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import feedparser
from flask import current_app
from sqlalchemy import select

from ..errors import AppError, FeedError, FetchFailed
from ..extensions import db
from ..fetch import FetchSettings, fetch
from ..links import ingest_link
from ..models import Feed, FeedEntry

_LANGUAGES = ("ar", "en")


@dataclass
class PollResult:
    """What one poll of a feed did: articles ``created``, found ``existing`` and ``failed``, with
    the errors (the feed's own error, when it could not be read, is the only one then)."""

    feed_id: int
    url: str
    created: int = 0
    existing: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def add_feed(url: str, *, name: str = "", language: str | None = None) -> Feed:
    """Store a feed to poll; raises :class:`FeedError` for a URL that is not http(s), a language
    other than ``ar``/``en``, or a feed already added."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or len(url) > 2000:
        raise FeedError.bad_url(url)
    if language and language not in _LANGUAGES:
        raise FeedError.bad_language(language)
    if db.session.scalar(select(Feed).where(Feed.url == url)) is not None:
        raise FeedError.exists(url)
    feed = Feed(url=url, name=(name or parts.netloc).strip()[:200], language=language or None)
    db.session.add(feed)
    db.session.commit()
    return feed


def list_feeds() -> list[Feed]:
    """Every feed, in the order they were added."""
    return list(db.session.scalars(select(Feed).order_by(Feed.id)))


def find_feed(ident: int | str) -> Feed:
    """The feed with this id or URL; raises :class:`FeedError` (404) when there is none."""
    text = str(ident).strip()
    found = (
        db.session.get(Feed, int(text))
        if text.isdigit()
        else db.session.scalar(select(Feed).where(Feed.url == text))
    )
    if found is None:
        raise FeedError.unknown(text)
    return found


def remove_feed(ident: int | str) -> Feed:
    """Remove a feed and its record of entries taken (their articles stay); returns it."""
    feed = find_feed(ident)
    db.session.delete(feed)
    db.session.commit()
    return feed


def poll_feeds(settings: FetchSettings | None = None) -> list[PollResult]:
    """Poll every feed in turn; one that fails is recorded as failed and the others still run."""
    return [poll_feed(feed, settings) for feed in list_feeds()]


def poll_feed(feed: Feed, settings: FetchSettings | None = None) -> PollResult:
    """Ingest the new entries of ``feed`` and record the poll on it (time, result, counts, error)."""
    result = PollResult(feed_id=feed.id, url=feed.url)
    try:
        entries = _entries(feed, settings)
    except AppError as exc:
        result.errors.append(exc.message)
        entries = []
    except Exception as exc:  # a feed the parser chokes on must not stop the other feeds
        current_app.logger.exception("feed %s could not be read", feed.url)
        result.errors.append(f"{type(exc).__name__}: {exc}")
        entries = []
    seen = set(db.session.scalars(select(FeedEntry.key).where(FeedEntry.feed_id == feed.id)))
    for key, link in entries:
        if key in seen:
            continue
        seen.add(key)
        _take(feed, key, link, result, settings)
    feed.last_polled_at = dt.datetime.now(dt.UTC)
    feed.last_result = "ok" if result.ok else ("failed" if not entries else "partial")
    feed.last_error = "\n".join(result.errors)[:2000]
    feed.last_created, feed.last_existing, feed.last_failed = result.created, result.existing, result.failed
    db.session.commit()
    return result


def _entries(feed: Feed, settings: FetchSettings | None) -> list[tuple[str, str]]:
    """``(key, link)`` of each entry of the feed that has a link, in the feed's order."""
    page = fetch(feed.url, settings)
    parsed = feedparser.parse(page.content)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        raise FetchFailed.failed(feed.url, "not_a_feed")
    entries = []
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if link:
            entries.append(((entry.get("id") or link).strip()[:2000], link))
    return entries


def _take(feed: Feed, key: str, link: str, result: PollResult, settings: FetchSettings | None) -> None:
    try:
        taken = ingest_link(link, settings=settings, language=feed.language, source_name=feed.name)
    except AppError as exc:
        db.session.rollback()
        result.failed += 1
        result.errors.append(f"{link}: {exc.message}")
        return
    if taken.created:
        result.created += 1
    else:
        result.existing += 1
    db.session.add(FeedEntry(feed_id=feed.id, key=key, url=link[:2000], article_id=taken.article.id))
    db.session.commit()
