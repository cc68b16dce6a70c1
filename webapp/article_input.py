"""An article as submitted, validated and cleaned: what :func:`webapp.ingest.ingest_article` stores.

The upload form, the JSON API and ``flask ingest`` each build an :class:`ArticleInput` with
their named constructor; the queue sends it to the worker as a plain dict and back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from flask import current_app

from .bidi import strip_controls
from .errors import InvalidArticle

if TYPE_CHECKING:
    from .articles.forms import UploadForm

#: The earliest publication date accepted.
FIRST_PUBLISHED = dt.date(1900, 1, 1)
FIELDS = ("text", "title", "published", "source_url", "language", "source_name", "author", "canonical_url")

_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,4})?$")
# ASCII digits only (``\d`` would take Arabic-Indic ones): a date, then optionally a time and zone.
_ISO_DATE_RE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?"
)
_MAX_TITLE = 500
_MAX_URL = 2000
_MAX_SOURCE_NAME = 200
_MAX_AUTHOR = 200


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One article to ingest: its text and metadata, valid and clean.

    Every way of making one ends in the same validation, which raises
    :class:`~webapp.errors.InvalidArticle` (400, or 413 for a text longer than
    ``MAX_ARTICLE_CHARS``; needs an app context) and cleans each field:

    - ``text``: newlines unified, outer blanks trimmed; not empty, with a letter in some script;
    - ``title``, ``source_name``: trimmed, without bidi controls (:func:`webapp.bidi.strip_controls`);
      the source name defaults to the host of ``source_url``;
    - ``published``: a date between :data:`FIRST_PUBLISHED` and tomorrow, or None
      (given as a date or a strict ISO-8601 string, see :func:`parse_date`);
    - ``source_url``: an http(s) URL or ``""``; ``language``: a code such as ``ar`` or ``en-gb``, or None;
    - ``author``: trimmed, without bidi controls, cut to 200 characters;
    - ``canonical_url``: the normalised address of a fetched page (:func:`webapp.fetch.canonical_url`)
      or ``""``; an article with one is stored once (see :func:`webapp.ingest.ingest_article`).

    Values of the wrong type (JSON numbers or lists, unpaired surrogates, NULs) are invalid input.
    """

    text: str
    title: str = ""
    published: dt.date | None = None
    source_url: str = ""
    language: str | None = None
    source_name: str = ""
    author: str = ""
    canonical_url: str = ""

    def __post_init__(self) -> None:
        clean = {
            "text": _clean_text(self.text),
            "published": parse_date(self.published),
            **_clean_metadata(self.title, self.source_url, self.language, self.source_name),
            "author": strip_controls(_string(self.author, "author"))[:_MAX_AUTHOR],
            "canonical_url": _clean_url(self.canonical_url, "canonical_url"),
        }
        for name, value in clean.items():
            object.__setattr__(self, name, value)  # frozen: the cleaned values replace the given ones

    @classmethod
    def from_dict(cls, fields: Mapping[str, Any]) -> ArticleInput:
        """The article of a mapping with the keys of :data:`FIELDS` (missing ones are empty)."""
        return cls(**{name: fields.get(name) for name in FIELDS})

    @classmethod
    def from_json(cls, body: object) -> ArticleInput:
        """The body of ``POST /api/articles``: an object with ``text`` and, optionally, the other
        :data:`FIELDS` (``published`` as ISO-8601); other keys are ignored."""
        if not isinstance(body, dict):
            raise InvalidArticle.bad_json()
        return cls.from_dict(body)

    @classmethod
    def from_form(cls, form: UploadForm) -> ArticleInput:
        """The upload form's article: the uploaded file's text (decoded) if there is one, else the text box's.

        Raises :class:`~webapp.errors.UnreadableFile` for a file that is not readable text.
        """
        from .article_html import PageArticle
        from .decode import read_upload

        page = PageArticle(text=form.text.data or "")
        upload = form.file.data
        if upload and upload.filename:
            page = read_upload(upload.read(), upload.filename)
        return cls(
            text=page.text,
            title=form.title.data or page.title,
            published=form.published.data or page.published,
            source_url=form.source_url.data,
            language=form.language.data or None,
            author=page.author,
        )

    @classmethod
    def from_cli(
        cls,
        item: Mapping[str, Any],
        *,
        title: str | None = None,
        published: str | None = None,
        language: str | None = None,
    ) -> ArticleInput:
        """An article of ``flask ingest``: ``item`` is ``{"text": …}`` for a file, or an object of a JSON
        Lines file, which may also name ``published``, ``language`` and ``source_url`` as ``date``,
        ``lang`` and ``url``.  The command's options, when given, take precedence over the item's."""
        return cls(
            text=item.get("text"),
            title=title or item.get("title"),
            published=published or item.get("published") or item.get("date"),
            language=language or item.get("language") or item.get("lang"),
            source_url=item.get("source_url") or item.get("url"),
        )

    def to_dict(self) -> dict[str, str | None]:
        """The fields as JSON-ready values (the date in ISO format); :meth:`from_dict` reads them back."""
        return {
            "text": self.text,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "source_url": self.source_url,
            "language": self.language,
            "source_name": self.source_name,
            "author": self.author,
            "canonical_url": self.canonical_url,
        }


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
        text = _string(value, "published")
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


def _clean_text(text: object) -> str:
    if not isinstance(text, str):
        raise (
            InvalidArticle.empty_text() if text is None else InvalidArticle.bad_field("text", "not_a_string")
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


def _clean_metadata(
    title: object, source_url: object, language: object, source_name: object
) -> dict[str, Any]:
    title = strip_controls(_string(title, "title"))
    if len(title) > _MAX_TITLE:
        raise InvalidArticle.bad_field("title", "longer_than", limit=_MAX_TITLE)
    source_url = _clean_url(source_url, "source_url")
    language = _string(language, "language").lower() or None
    if language is not None and not _LANGUAGE_RE.match(language):
        raise InvalidArticle.bad_field("language", "language_code")
    source_name = strip_controls(_string(source_name, "source_name")) or urlparse(source_url).netloc
    return {
        "title": title,
        "source_url": source_url,
        "language": language,
        "source_name": source_name[:_MAX_SOURCE_NAME],
    }


def _clean_url(value: object, field: str) -> str:
    url = _string(value, field)
    if url:
        try:
            parsed = urlparse(url)
        except ValueError:  # e.g. an unclosed IPv6 bracket: "http://[::1/"
            raise InvalidArticle.bad_field(field, "http_url") from None
        if (
            parsed.scheme.lower() not in ("http", "https")
            or not parsed.netloc
            or any(c.isspace() for c in url)
        ):
            raise InvalidArticle.bad_field(field, "http_url")
        if len(url) > _MAX_URL:
            raise InvalidArticle.bad_field(field, "longer_than", limit=_MAX_URL)
    return url


def _string(value: object, field: str) -> str:
    # JSON Lines and API bodies can carry numbers or lists where text belongs.
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidArticle.bad_field(field, "not_a_string")
    _check_characters(value, field)
    return value.strip()


def _check_characters(value: str, field: str) -> None:
    # JSON can carry what no text file holds: a NUL (PostgreSQL refuses it) or an unpaired
    # surrogate such as "\ud800" (it cannot be encoded, so hashing and storing would fail).
    if "\x00" in value:
        raise InvalidArticle.bad_field(field, "nul")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidArticle.bad_field(field, "surrogate") from None
