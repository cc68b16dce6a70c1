"""``GET /healthz``: is this process ready to serve? For load balancers and compose healthchecks.

Three checks, each cheap: the database answers ``SELECT 1`` at the code's schema, the gazetteer
is loaded (with its place count; the first request starts loading it), and, with ``REDIS_URL``,
Redis answers a ping.  200 with ``{"status": "ok", "checks": {…}}`` when all pass, 503 with
``"status": "fail"`` and the failing check's ``error`` otherwise.  Public (no account, even with
``PRIVATE=1``), outside rate limits, and exempt from the schema check that guards other views.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, jsonify
from flask.typing import ResponseReturnValue
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .api.schemas import Health
from .database import require_current_schema
from .errors import DatabaseNotReady
from .extensions import db, gazetteers, limiter
from .openapi import documented

bp = Blueprint("health", __name__)
#: Seconds to wait for Redis before calling the queue down.
REDIS_TIMEOUT = 2.0


@bp.get("/healthz")
@documented(responses={200: Health, 503: Health})
@limiter.exempt
def healthz() -> ResponseReturnValue:
    """200 when the database, the gazetteer and the queue are all fine, else 503; JSON either way."""
    checks = {"database": check_database(), "gazetteer": check_gazetteer(), "queue": check_queue()}
    ok = all(check["ok"] for check in checks.values())
    return jsonify(status="ok" if ok else "fail", checks=checks), (200 if ok else 503)


def check_database() -> dict[str, Any]:
    """``{"ok"}``: the database answers and its schema is the code's (``error`` says otherwise)."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    try:
        db.session.execute(text("SELECT 1"))
        require_current_schema(app)
    except (SQLAlchemyError, DatabaseNotReady) as exc:
        message = exc.message if isinstance(exc, DatabaseNotReady) else f"{type(exc).__name__}: {exc}"
        return {"ok": False, "error": message.splitlines()[0]}
    finally:
        db.session.rollback()
    return {"ok": True, "dialect": db.engine.dialect.name}


def check_gazetteer() -> dict[str, Any]:
    """``{"ok", "places"}`` once the gazetteer is loaded; not ok while it is still loading."""
    gazetteer = gazetteers.loaded()
    if gazetteer is None:
        return {"ok": False, "error": "the gazetteer is not loaded yet"}
    return {"ok": True, "places": len(gazetteer)}


def check_queue() -> dict[str, Any]:
    """``{"ok", "enabled"}``: without ``REDIS_URL`` there is no queue to check (ingestion is synchronous)."""
    url = current_app.config.get("REDIS_URL")
    if not url:
        return {"ok": True, "enabled": False}
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        with Redis.from_url(url, socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT) as redis:
            redis.ping()
    except RedisError as exc:
        return {"ok": False, "enabled": True, "error": f"{type(exc).__name__}: {exc}"}
    return {"ok": True, "enabled": True}
