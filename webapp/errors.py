"""The web app's one error hierarchy.

Views and services raise these through named constructors, which give each a
message key and its parameters (:mod:`webapp.messages`);
:func:`webapp.errorpages.register_errorhandlers` turns them into JSON
(``{"error": ...}``, in English) under ``/api`` and into an HTML page in the
request's language elsewhere.
"""

from __future__ import annotations

import datetime as dt

from .bidi import strip_controls
from .messages import Message


class AppError(Exception):
    """Base class of every error the web app raises on purpose.

    ``status`` is the HTTP status; ``key`` and ``params`` the :class:`~webapp.messages.Message`
    that says what went wrong, which the named constructors of each subclass fill.
    ``str(error)`` and :attr:`message` give it in English.
    """

    status = 500

    def __init__(self, key: str, /, *, status: int | None = None, **params: object) -> None:
        self.key = key
        self.params = params
        if status is not None:
            self.status = status
        super().__init__(self.message)

    def as_message(self) -> Message:
        """What went wrong, to render in any language."""
        return Message(self.key, self.params)

    @property
    def message(self) -> str:
        """What went wrong in English: for the CLI, logs and the JSON API."""
        return self.as_message().render("en")


class ConfigError(AppError):
    """Raised by the app factory when the configuration is unsafe or incomplete."""

    @classmethod
    def missing_secret(cls) -> ConfigError:
        return cls("config.missing_secret")

    @classmethod
    def csrf_disabled(cls) -> ConfigError:
        return cls("config.csrf_disabled")

    @classmethod
    def debug_enabled(cls) -> ConfigError:
        return cls("config.debug_enabled")

    @classmethod
    def tile_url(cls, url: str) -> ConfigError:
        return cls("config.tile_url", url=url)


class InvalidArticle(AppError):
    """Raised when submitted article input cannot be ingested (400, or 413 when too large)."""

    status = 400

    @classmethod
    def empty_text(cls) -> InvalidArticle:
        return cls("article.empty")

    @classmethod
    def no_letters(cls) -> InvalidArticle:
        return cls("article.no_letters")

    @classmethod
    def too_long(cls, length: int, limit: int) -> InvalidArticle:
        return cls("article.too_long", status=413, length=length, limit=limit)

    @classmethod
    def too_many(cls, rows: str, count: int, limit: int) -> InvalidArticle:
        """``rows`` is ``mentions`` or ``incidents``: the article would derive more than ``limit`` (413)."""
        return cls("article.too_many", status=413, kind=Message(f"rows.{rows}"), count=count, limit=limit)

    @classmethod
    def bad_date(cls, value: str) -> InvalidArticle:
        return cls("article.bad_date", value=value)

    @classmethod
    def date_out_of_range(cls, value: dt.date, first: dt.date, last: dt.date) -> InvalidArticle:
        return cls(
            "article.date_out_of_range",
            value=value.isoformat(),
            first=first.isoformat(),
            last=last.isoformat(),
        )

    @classmethod
    def bad_field(cls, field: str, why: str, **details: object) -> InvalidArticle:
        """``field`` names one of the article's fields (``title``, ``source_url``, …: ``field.*`` in the
        catalogue), ``why`` is a ``why.*`` key of the catalogue and ``details`` its parameters."""
        return cls("article.bad_field", field=Message(f"field.{field}"), why=Message(f"why.{why}", details))

    @classmethod
    def bad_json(cls, why: str = "not_an_object") -> InvalidArticle:
        """``why`` is a ``why.*`` key of the catalogue: ``not_an_object`` or ``too_deep``."""
        return cls("article.bad_json", why=Message(f"why.{why}"))


class UnreadableFile(InvalidArticle):
    """Raised by :mod:`webapp.decode` when an uploaded file is not readable text.

    File names are the uploader's: shown without bidi controls, which would reorder the message.
    """

    @classmethod
    def binary(cls, filename: str) -> UnreadableFile:
        return cls("file.binary", name=_shown(filename))

    @classmethod
    def undecodable(cls, filename: str) -> UnreadableFile:
        return cls("file.undecodable", name=_shown(filename))

    @classmethod
    def too_deep(cls, limit: int) -> UnreadableFile:
        return cls("file.too_deep", limit=limit)

    @classmethod
    def bad_extension(cls, filename: str) -> UnreadableFile:
        return cls("file.bad_extension", name=_shown(filename))


class BatchRefused(InvalidArticle):
    """Raised by :mod:`webapp.jobs.batch` when an upload of many articles cannot become a job."""

    @classmethod
    def bad_archive(cls, filename: str) -> BatchRefused:
        return cls("batch.bad_archive", name=_shown(filename))

    @classmethod
    def too_many(cls, count: int, limit: int) -> BatchRefused:
        return cls("batch.too_many", status=413, count=count, limit=limit)

    @classmethod
    def too_large(cls, mb: float) -> BatchRefused:
        return cls("batch.too_large", status=413, mb=mb)

    @classmethod
    def empty(cls) -> BatchRefused:
        return cls("batch.empty")


def _shown(filename: str) -> str | Message:
    return strip_controls(filename or "") or Message("file.unnamed")


class IngestFailed(AppError):
    """Raised when the geoparser or the database fails while ingesting; nothing was written."""

    status = 500

    @classmethod
    def because(cls, exc: BaseException) -> IngestFailed:
        return cls("ingest.failed", why=f"{type(exc).__name__}: {exc}")


class FetchFailed(AppError):
    """Raised by :mod:`webapp.fetch` when a link cannot be fetched; nothing was stored.

    400 when the address itself is refused (scheme, private address, unknown host), 502 when
    the site fails (error status, timeout, too large, too many redirects, not a web page).
    """

    status = 502

    @classmethod
    def refused(cls, url: str, why: str) -> FetchFailed:
        """``why`` is a ``fetch.*`` key: ``bad_scheme``, ``private`` or ``no_host``."""
        return cls("fetch.refused", status=400, url=url, why=Message(f"fetch.{why}"))

    @classmethod
    def failed(cls, url: str, why: str, **details: object) -> FetchFailed:
        """``why`` is a ``fetch.*`` key (``status``, ``timeout``, ``too_large``, …) with ``details``."""
        return cls("fetch.failed", url=url, why=Message(f"fetch.{why}", details))


class FeedError(AppError):
    """Raised when a feed cannot be added or found as asked (400, 404 for an unknown feed)."""

    status = 400

    @classmethod
    def bad_url(cls, url: str) -> FeedError:
        return cls("feed.bad_url", url=url)

    @classmethod
    def bad_language(cls, language: str) -> FeedError:
        return cls("feed.bad_language", language=language)

    @classmethod
    def exists(cls, url: str) -> FeedError:
        return cls("feed.exists", url=url)

    @classmethod
    def unknown(cls, ident: str) -> FeedError:
        return cls("feed.unknown", status=404, ident=ident)


class DatabaseNotReady(AppError):
    """Raised when the database's schema is missing or older than the code (503)."""

    status = 503

    @classmethod
    def at_revision(cls, current: str | None, head: str | None) -> DatabaseNotReady:
        if current is None:
            return cls("database.not_ready", state=Message("database.no_tables"))
        state = Message("database.at_revision", {"current": current, "head": head})
        return cls("database.not_ready", state=state)


class NotFound(AppError):
    """Raised when a requested article, incident, job, place or export format does not exist."""

    status = 404

    @classmethod
    def resource(cls, kind: str, ident: object) -> NotFound:
        """``kind`` is ``article``, ``incident``, ``job``, ``place`` or ``export_format``."""
        return cls("not_found", kind=Message(f"kind.{kind}"), ident=ident)


class BadQuery(AppError):
    """Raised when query-string parameters (bbox, dates, limit) are malformed (400)."""

    status = 400

    @classmethod
    def param(cls, name: str, value: str, expected: str, **details: object) -> BadQuery:
        """``expected`` is an ``expected.*`` key of the catalogue, ``details`` its parameters."""
        return cls("bad_query", name=name, value=value, expected=Message(f"expected.{expected}", details))


class QueueUnavailable(AppError):
    """Raised when REDIS_URL is set but the queue cannot be reached."""

    status = 503

    @classmethod
    def because(cls, exc: BaseException) -> QueueUnavailable:
        return cls("queue.unavailable", why=str(exc))


class AccessDenied(AppError):
    """Raised when a request may not do what it asks: 401 without an account, 403 with too small a role."""

    status = 403

    @classmethod
    def sign_in(cls, needed: str) -> AccessDenied:
        """No account is signed in (nor a valid token sent); ``needed`` is the role the action needs."""
        return cls("auth.sign_in", status=401, role=Message(f"role.{needed}"))

    @classmethod
    def bad_token(cls) -> AccessDenied:
        """The request's ``Authorization: Bearer`` token is unknown or its account disabled (401)."""
        return cls("auth.bad_token", status=401)

    @classmethod
    def role(cls, have: str, needed: str) -> AccessDenied:
        return cls("auth.role", have=Message(f"role.{have}"), needed=Message(f"role.{needed}"))


class AccountError(AppError):
    """Raised when an account cannot be created or changed as asked (400)."""

    status = 400

    @classmethod
    def exists(cls, name: str) -> AccountError:
        return cls("account.exists", name=name)

    @classmethod
    def unknown(cls, name: str) -> AccountError:
        return cls("account.unknown", status=404, name=name)

    @classmethod
    def bad_name(cls, name: str) -> AccountError:
        return cls("account.bad_name", name=name)

    @classmethod
    def bad_role(cls, role: str, choices: str) -> AccountError:
        return cls("account.bad_role", role=role, choices=choices)

    @classmethod
    def short_password(cls, minimum: int) -> AccountError:
        return cls("account.short_password", minimum=minimum)


class InvalidChange(AppError):
    """Raised when a correction of an incident is malformed or names what does not exist (400)."""

    status = 400

    @classmethod
    def not_an_object(cls) -> InvalidChange:
        return cls("change.not_an_object")

    @classmethod
    def empty(cls, fields: str) -> InvalidChange:
        return cls("change.empty", fields=fields)

    @classmethod
    def unknown_field(cls, name: str, fields: str) -> InvalidChange:
        return cls("change.unknown_field", name=name, fields=fields)

    @classmethod
    def bad_value(cls, name: str, value: object, expected: str, **details: object) -> InvalidChange:
        """``expected`` is an ``expected.*`` key of the catalogue, ``details`` its parameters."""
        return cls(
            "change.bad_value", name=name, value=value, expected=Message(f"expected.{expected}", details)
        )

    @classmethod
    def missing(cls, name: str, given: str) -> InvalidChange:
        return cls("change.missing", name=name, given=given)

    @classmethod
    def place_and_point(cls) -> InvalidChange:
        return cls("change.place_and_point")

    @classmethod
    def unknown_place(cls, place_id: str) -> InvalidChange:
        return cls("change.unknown_place", place_id=place_id)

    @classmethod
    def ambiguous_place(cls, name: str, ids: list[str]) -> InvalidChange:
        return cls("change.ambiguous_place", name=name, count=len(ids), ids=", ".join(ids[:10]))

    @classmethod
    def same_event(cls, incident_id: int, into_id: int) -> InvalidChange:
        """Merging two incidents that are one event already."""
        return cls("change.same_event", incident=incident_id, into=into_id)

    @classmethod
    def bad_into(cls, value: object) -> InvalidChange:
        """A merge whose ``into`` is not an incident id."""
        return cls("change.bad_into", value=value)

    @classmethod
    def not_merged(cls, incident_id: int) -> InvalidChange:
        """Splitting an incident that was merged into none."""
        return cls("change.not_merged", incident=incident_id)


class InvalidPlace(AppError):
    """Raised when a place to pin is malformed, outside Syria, or names an unknown parent (400)."""

    status = 400

    @classmethod
    def not_an_object(cls) -> InvalidPlace:
        return cls("place.not_an_object")

    @classmethod
    def unknown_field(cls, name: str, fields: str) -> InvalidPlace:
        return cls("place.unknown_field", name=name, fields=fields)

    @classmethod
    def missing(cls, name: str) -> InvalidPlace:
        return cls("place.missing", name=name)

    @classmethod
    def bad_value(cls, name: str, value: object, expected: str, **details: object) -> InvalidPlace:
        """``expected`` is an ``expected.*`` key of the catalogue, ``details`` its parameters."""
        return cls(
            "place.bad_value", name=name, value=value, expected=Message(f"expected.{expected}", details)
        )

    @classmethod
    def outside_syria(cls, lat: float, lon: float) -> InvalidPlace:
        return cls("place.outside_syria", lat=lat, lon=lon)

    @classmethod
    def unknown_parent(cls, parent: str) -> InvalidPlace:
        return cls("place.unknown_parent", parent=parent)

    @classmethod
    def ambiguous_parent(cls, parent: str, ids: list[str]) -> InvalidPlace:
        return cls("place.ambiguous_parent", parent=parent, count=len(ids), ids=", ".join(ids[:10]))
