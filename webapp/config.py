"""Configuration: one class reading the environment, with safe defaults for a fresh machine."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from .errors import ConfigError

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def _env_ints(name: str, default: tuple[int, ...]) -> tuple[int, ...]:
    value = os.environ.get(name, "").strip()
    return tuple(int(part) for part in value.split(",") if part.strip()) if value else default


class Config:
    """Settings read from the environment when the app is created.

    ``DATABASE_URL`` empty → SQLite in the instance folder; ``REDIS_URL`` empty →
    ingestion runs synchronously in the request; ``GAZETTEER_PATH`` empty → the
    bundled gazetteer.  ``SECRET_KEY`` is required in production (see
    :func:`resolve_secret_key`).
    """

    def __init__(self) -> None:
        env = os.environ
        self.ENV_NAME = (env.get("APP_ENV") or env.get("FLASK_ENV") or "development").lower()
        self.SECRET_KEY = env.get("SECRET_KEY", "")
        self.SQLALCHEMY_DATABASE_URI = env.get("DATABASE_URL", "")
        self.REDIS_URL = env.get("REDIS_URL", "")
        self.RQ_QUEUE = env.get("RQ_QUEUE", "ingest")
        # Seconds before each retry of a failed ingestion job (one retry per value; empty: none).
        self.INGEST_RETRY_INTERVALS = _env_ints("INGEST_RETRY_INTERVALS", (10, 30, 60))
        # Seconds a job may run before RQ stops it; a killed worker's job counts as abandoned
        # (and is retried) a minute after this.
        self.INGEST_JOB_TIMEOUT = _env_int("INGEST_JOB_TIMEOUT", 120)
        # Batches of articles (webapp/jobs): how many the web runs in the request without a worker,
        # how large a .zip may unpack, and how long a running job may be silent before it is
        # shown as interrupted (its process died).
        self.BATCH_SYNC_MAX_ITEMS = _env_int("BATCH_SYNC_MAX_ITEMS", 100)
        self.BATCH_MAX_BYTES = _env_int("BATCH_MAX_BYTES", 50 * 1024 * 1024)
        self.BATCH_STALE_SECONDS = _env_int("BATCH_STALE_SECONDS", 600)
        self.GAZETTEER_PATH = env.get("GAZETTEER_PATH", "")
        self.GAZETTEER_WARMUP = env.get("GAZETTEER_WARMUP", "1") not in ("0", "false", "no")
        # Seconds between a process's checks for pinned places and a rebuilt gazetteer file.
        self.GAZETTEER_CHECK_SECONDS = float(env.get("GAZETTEER_CHECK_SECONDS", "2"))
        self.GEOCODER = env.get("GEOCODER", "local")
        self.MAX_CONTENT_LENGTH = _env_int("MAX_CONTENT_LENGTH", 2 * 1024 * 1024)
        self.MAX_ARTICLE_CHARS = _env_int("MAX_ARTICLE_CHARS", 200_000)
        # Real reports derive under 10 mentions and 5 incidents per 1,000 characters.
        self.MAX_ARTICLE_MENTIONS = _env_int("MAX_ARTICLE_MENTIONS", 5_000)
        self.MAX_ARTICLE_INCIDENTS = _env_int("MAX_ARTICLE_INCIDENTS", 2_000)
        self.TILE_URL = env.get("TILE_URL", OSM_TILES)
        self.TILE_ATTRIBUTION = env.get("TILE_ATTRIBUTION", OSM_ATTRIBUTION)
        self.WTF_CSRF_ENABLED = env.get("WTF_CSRF_ENABLED", "1") not in ("0", "false", "no")
        # The session holds the CSRF secret, the UI language and who signed in: never sent on
        # cross-site posts, never read by scripts, and only over HTTPS in production.
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SECURE = self.ENV_NAME == "production"
        # With accounts, reading needs one too (any role) when set.
        self.PRIVATE = env.get("PRIVATE", "") in ("1", "true", "yes")
        # Flask-Limiter (webapp/ratelimit.py); counters in Redis when REDIS_URL is set.
        self.RATELIMIT_ENABLED = env.get("RATELIMIT_ENABLED", "1") not in ("0", "false", "no")
        self.RATELIMIT_LOGIN = env.get("RATELIMIT_LOGIN", "10 per minute")
        self.RATELIMIT_WRITES = env.get("RATELIMIT_WRITES", "120 per minute")
        self.API_MAX_LIMIT = _env_int("API_MAX_LIMIT", 5000)
        # Fetching links and feeds (webapp/fetch.py): private addresses only when allowed.
        self.FETCH_ALLOW_PRIVATE = env.get("FETCH_ALLOW_PRIVATE", "0") in ("1", "true", "yes")
        self.FETCH_TIMEOUT = _env_int("FETCH_TIMEOUT", 20)
        self.FETCH_MAX_BYTES = _env_int("FETCH_MAX_BYTES", 5 * 1024 * 1024)
        # With REDIS_URL, the worker polls the feeds this often (0, the default: never; use cron).
        self.FEED_POLL_MINUTES = _env_int("FEED_POLL_MINUTES", 0)

    def as_dict(self) -> dict[str, object]:
        """Every setting, for ``app.config.update``."""
        return {k: v for k, v in vars(self).items() if k.isupper()}


def resolve_secret_key(config: dict[str, object], instance_path: str) -> str:
    """The secret key to use.

    Returns the configured key; in production a missing key raises
    :class:`ConfigError`; in development a random key is generated once and
    kept in ``instance/secret_key`` so sessions survive restarts.
    """
    key = str(config.get("SECRET_KEY") or "")
    if key:
        return key
    if config.get("ENV_NAME") == "production":
        raise ConfigError.missing_secret()
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    key = secrets.token_hex(32)
    # Written owner-only to a private name, then linked into place: the key is never readable
    # by others, never seen half-written, and a process starting at the same moment keeps
    # whichever key was linked first.
    tmp = path.with_name(f".secret_key.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(key)
        os.link(tmp, path)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    except OSError:  # a file system without hard links: replace, still never half-written
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return key


def check_production(config: dict[str, object]) -> None:
    """Refuse unsafe settings in production: raises :class:`ConfigError` when CSRF protection is off
    or debug mode is on.

    ``WTF_CSRF_ENABLED=0`` exists for tests; a production app without it would accept
    uploads posted from any site.  Debug mode (``FLASK_DEBUG=1``, ``flask run --debug``)
    serves Werkzeug's interactive debugger, which runs Python sent from a browser.
    """
    if config.get("ENV_NAME") != "production":
        return
    if not config.get("WTF_CSRF_ENABLED", True):
        raise ConfigError.csrf_disabled()
    if config.get("DEBUG"):
        raise ConfigError.debug_enabled()
