"""Rate limits on signing in and on writes (Flask-Limiter), per client address.

``RATELIMIT_LOGIN`` (default ``10 per minute``) bounds sign-in attempts; ``RATELIMIT_WRITES``
(default ``120 per minute``) is one budget shared by every write (any method but GET, HEAD
and OPTIONS).  Counters live in Redis when ``REDIS_URL`` is set, so every process of the app
shares them, and in memory otherwise.  A client over a limit gets 429 (``{"error": …}`` under
``/api``).  ``RATELIMIT_ENABLED=0`` turns them off.
"""

from __future__ import annotations

from flask import Flask, current_app, request

from .accounts.access import SAFE_METHODS
from .extensions import limiter


def login_limit() -> str:
    """The sign-in limit of the current app (for ``limiter.limit`` on the sign-in view)."""
    return str(current_app.config["RATELIMIT_LOGIN"])


def writes_limit() -> str:
    """The writes limit of the current app."""
    return str(current_app.config["RATELIMIT_WRITES"])


def not_a_write() -> bool:
    """True for requests outside the writes budget: reads, and signing in (which has its own limit)."""
    return request.method in SAFE_METHODS or request.endpoint == "accounts.login"


def init_app(app: Flask) -> None:
    """Count requests in Redis (``REDIS_URL``) or memory, and limit writes across all views."""
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")
    app.config.setdefault("RATELIMIT_APPLICATION", writes_limit)
    app.config.setdefault("RATELIMIT_APPLICATION_EXEMPT_WHEN", not_a_write)
    limiter.init_app(app)
