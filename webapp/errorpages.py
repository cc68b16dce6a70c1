"""How errors are answered: JSON in English under ``/api``, elsewhere an HTML page in the
request's language (the one handler for :class:`webapp.errors.AppError` and HTTP errors)."""

from __future__ import annotations

from flask import Flask, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from .errors import AppError
from .messages import Message


def wants_json() -> bool:
    """True for API requests, which always get JSON errors."""
    return request.path.startswith("/api/") or request.path == "/api"


def render_error(message: Message | str, status: int) -> tuple[Response | str, int]:
    """The response for an error: JSON in English under /api, elsewhere an HTML page in the
    request's language (``message`` a :class:`Message`, or a library's own English text)."""
    if wants_json():
        return jsonify(error=message.render("en") if isinstance(message, Message) else message), status
    return render_template("error.html", message=message, status=status), status


def register_errorhandlers(app: Flask) -> None:
    """Render :class:`AppError` and HTTP errors through :func:`render_error`."""

    @app.errorhandler(AppError)
    def handle_app_error(exc: AppError):  # noqa: ANN202 - Flask handler
        return render_error(exc.as_message(), exc.status)

    @app.errorhandler(HTTPException)
    def handle_http_error(exc: HTTPException):  # noqa: ANN202 - Flask handler
        message: Message | str = exc.description or exc.name
        if exc.code == 413:
            message = Message("upload.too_large", {"mb": upload_limit_mb()})
        return render_error(message, exc.code or 500)


def upload_limit_mb() -> float:
    """``MAX_CONTENT_LENGTH`` in megabytes (0 when unlimited)."""
    return (current_app.config.get("MAX_CONTENT_LENGTH") or 0) / 1024 / 1024
