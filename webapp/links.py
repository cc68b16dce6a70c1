"""Ingesting a link: fetch the page, extract its article, store it once per canonical URL.

The upload form, ``POST /api/articles`` with ``{"url": …}``, ``flask ingest --url`` and the
feed poller all call :func:`ingest_link` (or :func:`article_from_link` to queue the article).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from .article_html import extract_article
from .article_input import ArticleInput
from .errors import FetchFailed, InvalidArticle
from .fetch import FetchSettings, canonical_url, fetch
from .ingest import IngestResult, find_by_canonical_url, ingest_article

# Content types read as a web page; an empty one is tried too (some servers send none).
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


#: What a link may come with, besides its URL: it takes precedence over what the page says.
LINK_FIELDS = ("title", "published", "language", "source_name")


def link_of(body: object) -> dict[str, Any] | None:
    """``{"url", …}`` (and :data:`LINK_FIELDS`) of a JSON body giving a ``url`` and no ``text``, else None."""
    if not isinstance(body, dict) or not body.get("url") or body.get("text"):
        return None
    url = body["url"]
    if not isinstance(url, str):
        raise InvalidArticle.bad_field("url", "not_a_string")
    return {"url": url.strip(), **{name: body.get(name) for name in LINK_FIELDS}}


def article_from_link(url: str, *, settings: FetchSettings | None = None, **fields: Any) -> ArticleInput:
    """The article of the page at ``url``: its main text, headline, author and date, by trafilatura.

    ``fields`` (``title``, ``published``, ``language``, ``source_name``) take precedence over
    what the page says.  The source URL is the page's canonical URL (its ``<link rel=canonical>``
    when it gives one on an http(s) address, else the URL after redirects), normalised by
    :func:`webapp.fetch.canonical_url`.  Raises :class:`~webapp.errors.FetchFailed` when the
    page cannot be fetched, is not HTML or holds no article text, and
    :class:`~webapp.errors.InvalidArticle` when the article is invalid.
    """
    page = fetch(url, settings)
    kind = page.content_type.split(";", 1)[0].strip().lower()
    if kind not in _HTML_TYPES:
        raise FetchFailed.failed(url, "not_html", kind=kind)
    found = extract_article(page.content, url=page.url)
    if not found.text:
        raise FetchFailed.failed(url, "no_text")
    declared = found.url if urlsplit(found.url).scheme.lower() in ("http", "https") else ""
    canonical = canonical_url(declared or page.url)
    return ArticleInput(
        text=found.text,
        title=fields.get("title") or found.title,
        published=fields.get("published") or found.published,
        language=fields.get("language"),
        source_name=fields.get("source_name") or "",
        source_url=canonical,
        author=found.author,
        canonical_url=canonical,
    )


def ingest_link(url: str, *, settings: FetchSettings | None = None, **fields: Any) -> IngestResult:
    """Ingest the article at ``url`` (see :func:`article_from_link`); a page stored before is
    returned with ``created=False``, without fetching it again when ``url`` is its canonical URL."""
    stored = find_by_canonical_url(canonical_url(url))
    if stored is not None:
        return IngestResult(stored, created=False)
    return ingest_article(article_from_link(url, settings=settings, **fields))
