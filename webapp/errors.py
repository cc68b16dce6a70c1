"""The web app's one error hierarchy, and the one handler that renders it.

Views and services raise these; :func:`register_errorhandlers` turns them
into JSON (``{"error": ...}``) under ``/api`` and into an HTML page elsewhere.
"""

from __future__ import annotations

import datetime as dt

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from .bidi import strip_controls


class AppError(Exception):
    """Base class of every error the web app raises on purpose; ``status`` is the HTTP status."""

    status = 500

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status


class ConfigError(AppError):
    """Raised by the app factory when the configuration is unsafe or incomplete."""

    @classmethod
    def missing_secret(cls) -> ConfigError:
        return cls("SECRET_KEY must be set when APP_ENV/FLASK_ENV is production")

    @classmethod
    def csrf_disabled(cls) -> ConfigError:
        return cls("WTF_CSRF_ENABLED must stay on when APP_ENV/FLASK_ENV is production")

    @classmethod
    def debug_enabled(cls) -> ConfigError:
        return cls(
            "FLASK_DEBUG must be off when APP_ENV/FLASK_ENV is production: "
            "the debugger runs code sent from a browser"
        )

    @classmethod
    def tile_url(cls, url: str) -> ConfigError:
        return cls(
            f"TILE_URL {url!r} cannot be allowed by the Content-Security-Policy: use an http(s) URL "
            "or a path on this site, with a placeholder such as {s} only in the host's first label"
        )


class InvalidArticle(AppError):
    """Raised when submitted article input cannot be ingested (400, or 413 when too large)."""

    status = 400

    @classmethod
    def empty_text(cls) -> InvalidArticle:
        return cls("The article text is empty.")

    @classmethod
    def no_letters(cls) -> InvalidArticle:
        return cls("The article text has no letters (only digits, punctuation or invisible characters).")

    @classmethod
    def too_long(cls, length: int, limit: int) -> InvalidArticle:
        return cls(f"The article is too long: {length:,} characters (the limit is {limit:,}).", status=413)

    @classmethod
    def too_many(cls, kind: str, count: int, limit: int) -> InvalidArticle:
        return cls(
            f"The article names too many {kind}: {count:,} (the limit is {limit:,}); split it.", status=413
        )

    @classmethod
    def bad_date(cls, value: str) -> InvalidArticle:
        return cls(f"Invalid publication date {value!r}: use YYYY-MM-DD.")

    @classmethod
    def date_out_of_range(cls, value: dt.date, first: dt.date, last: dt.date) -> InvalidArticle:
        return cls(
            f"Publication date {value.isoformat()} is out of range: "
            f"use a date from {first.isoformat()} to {last.isoformat()}."
        )

    @classmethod
    def bad_field(cls, name: str, why: str) -> InvalidArticle:
        return cls(f"Invalid {name}: {why}.")

    @classmethod
    def bad_json(cls, why: str = "the request body is not a JSON object") -> InvalidArticle:
        return cls(f"Bad JSON: {why}.")


class UnreadableFile(InvalidArticle):
    """Raised by :mod:`webapp.decode` when an uploaded file is not readable text.

    File names are the uploader's: shown without bidi controls, which would reorder the message.
    """

    @classmethod
    def binary(cls, filename: str) -> UnreadableFile:
        return cls(f"{_shown(filename)} looks like a binary file; upload .txt, .md or .html text.")

    @classmethod
    def undecodable(cls, filename: str) -> UnreadableFile:
        return cls(
            f"{_shown(filename)} is not UTF-8, UTF-16/32 with a byte-order mark, or Windows-1256 text."
        )

    @classmethod
    def too_deep(cls, limit: int) -> UnreadableFile:
        return cls(f"The HTML nests elements more than {limit} deep; save the article as plain text.")

    @classmethod
    def bad_extension(cls, filename: str) -> UnreadableFile:
        return cls(f"{_shown(filename)} is not a .txt, .md or .html file.")


def _shown(filename: str) -> str:
    return strip_controls(filename or "") or "The file"


class IngestFailed(AppError):
    """Raised when the geoparser or the database fails while ingesting; nothing was written."""

    status = 500

    @classmethod
    def because(cls, exc: BaseException) -> IngestFailed:
        return cls(f"Ingestion failed: {type(exc).__name__}: {exc}")


class DatabaseNotReady(AppError):
    """Raised when the database's schema is missing or older than the code (503)."""

    status = 503

    @classmethod
    def at_revision(cls, current: str | None, head: str | None) -> DatabaseNotReady:
        state = "has no tables yet" if current is None else f"is at schema revision {current}, not {head}"
        return cls(f"The database {state}: run `flask --app webapp db upgrade`.")


class NotFound(AppError):
    """Raised when a requested article, incident, job or place does not exist."""

    status = 404

    @classmethod
    def resource(cls, kind: str, ident: object) -> NotFound:
        return cls(f"No {kind} {ident!r}.")


class BadQuery(AppError):
    """Raised when query-string parameters (bbox, dates, limit) are malformed (400)."""

    status = 400

    @classmethod
    def param(cls, name: str, value: str, expected: str) -> BadQuery:
        return cls(f"Bad {name}={value!r}: expected {expected}.")


class QueueUnavailable(AppError):
    """Raised when REDIS_URL is set but the queue cannot be reached."""

    status = 503

    @classmethod
    def because(cls, exc: BaseException) -> QueueUnavailable:
        return cls(f"The ingestion queue is unavailable: {exc}")


def wants_json() -> bool:
    """True for API requests, which always get JSON errors."""
    return request.path.startswith("/api/") or request.path == "/api"


def render_error(message: str, status: int) -> tuple[Response | str, int]:
    """The response for an error: JSON under /api, an HTML page elsewhere."""
    if wants_json():
        return jsonify(error=message), status
    return render_template("error.html", message=message, status=status), status


def register_errorhandlers(app: Flask) -> None:
    """Render :class:`AppError` and HTTP errors through :func:`render_error`."""

    @app.errorhandler(AppError)
    def handle_app_error(exc: AppError):  # noqa: ANN202 - Flask handler
        return render_error(exc.message, exc.status)

    @app.errorhandler(HTTPException)
    def handle_http_error(exc: HTTPException):  # noqa: ANN202 - Flask handler
        if exc.code == 413:
            limit = app.config.get("MAX_CONTENT_LENGTH") or 0
            message = f"The upload is too large: the limit is {limit / 1024 / 1024:.1f} MB."
        else:
            message = exc.description or exc.name
        return render_error(message, exc.code or 500)
