"""Every Flask extension object, created here unbound and bound by ``create_app``."""

from __future__ import annotations

import threading
from pathlib import Path

from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase

from gazetteer import Gazetteer


class Base(DeclarativeBase):
    """Declarative base of every model."""


db = SQLAlchemy(model_class=Base)
#: Alembic migrations in ``webapp/migrations``: ``flask db upgrade`` creates or updates the schema.
migrate = Migrate(directory=str(Path(__file__).with_name("migrations")))
csrf = CSRFProtect()
#: Sessions of signed-in accounts; bearer tokens are loaded by ``webapp.accounts.access``.
login_manager = LoginManager()
#: Rate limits per client address (``webapp.ratelimit``), in Redis when ``REDIS_URL`` is set.
limiter = Limiter(key_func=get_remote_address)


class GazetteerProvider:
    """Loads the app's gazetteer lazily, once per process, and shares it between requests.

    ``app.config["GAZETTEER"]`` may hold a ready :class:`Gazetteer` (tests);
    otherwise :func:`gazetteer.places.bundled.default_gazetteer` builds or loads the
    bundled one (extended from ``GAZETTEER_PATH`` when set) on first use.
    With ``GAZETTEER_WARMUP`` (default on), the app's first HTTP request starts
    that load in a background thread, so on a fresh machine the one-off build
    runs while the user opens the form rather than after they submit it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def init_app(self, app: Flask) -> None:
        app.extensions["gazetteer"] = {"instance": app.config.get("GAZETTEER"), "warming": False}
        if app.config.get("GAZETTEER_WARMUP", True):
            app.before_request(lambda: self.warm_up(app))

    def warm_up(self, app: Flask) -> None:
        """Start loading the gazetteer in a daemon thread unless it is loaded or loading."""
        slot = app.extensions["gazetteer"]
        if slot["instance"] is not None or slot["warming"]:
            return
        slot["warming"] = True

        def load() -> None:
            try:
                self.get(app)
            except Exception:  # noqa: BLE001 - the request that needs it will retry and report
                app.logger.exception("loading the gazetteer in the background failed")
            finally:
                slot["warming"] = False

        threading.Thread(target=load, name="gazetteer-warmup", daemon=True).start()

    def get(self, app: Flask | None = None) -> Gazetteer:
        """The gazetteer of ``app`` (default: the current app), loading it on first call."""
        app = app or current_app._get_current_object()  # type: ignore[attr-defined]
        slot = app.extensions["gazetteer"]
        if slot["instance"] is None:
            with self._lock:
                if slot["instance"] is None:
                    from gazetteer import default_gazetteer  # heavy: only on first use

                    slot["instance"] = default_gazetteer(app.config.get("GAZETTEER_PATH") or None)
        return slot["instance"]

    def preload(self, app: Flask) -> Gazetteer:
        """Load the gazetteer and the geoparser now, with everything they build on first use.

        Called by a process that forks workers (``flask worker``, a preloaded WSGI
        server), so that every worker starts with them instead of building its own.
        """
        from gazetteer import prepare

        gazetteer = self.get(app)
        prepare(gazetteer)
        return gazetteer

    def reset(self, app: Flask | None = None) -> None:
        """Forget the loaded gazetteer so the next :meth:`get` reloads it (after a build or import)."""
        app = app or current_app._get_current_object()  # type: ignore[attr-defined]
        app.extensions["gazetteer"]["instance"] = app.config.get("GAZETTEER")

    def set(self, gazetteer: Gazetteer, app: Flask | None = None) -> None:
        """Replace the app's gazetteer (after ``flask gazetteer import``, or in tests)."""
        app = app or current_app._get_current_object()  # type: ignore[attr-defined]
        app.extensions["gazetteer"]["instance"] = gazetteer


gazetteers = GazetteerProvider()
