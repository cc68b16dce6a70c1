"""Every Flask extension object, created here unbound and bound by ``create_app``."""

from __future__ import annotations

import gc
import math
import threading
import time
from pathlib import Path
from typing import Any

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


#: How often (seconds) a process may check whether analysts pinned places or the gazetteer was rebuilt.
GAZETTEER_CHECK_SECONDS = 2.0


class GazetteerProvider:
    """The app's gazetteer: the bundled one plus the places analysts pinned, shared between requests.

    The base is ``app.config["GAZETTEER"]`` when it holds a ready :class:`Gazetteer` (tests),
    otherwise :func:`gazetteer.places.bundled.default_gazetteer` builds or loads the bundled
    one (extended from ``GAZETTEER_PATH`` when set), memoised and reloaded when its file or
    imports change.  The places analysts pinned (:mod:`webapp.pins`) are merged into it.
    At most every ``GAZETTEER_CHECK_SECONDS`` (default :data:`GAZETTEER_CHECK_SECONDS`),
    :meth:`get` checks both (a file stamp, and ``max(id)``/count of the pinned places) and
    rebuilds the merge when either changed: every process sees a pin or an import without
    a restart.  With ``GAZETTEER_WARMUP`` (default on), the app's first HTTP request starts
    the first load in a background thread, so on a fresh machine the one-off build runs
    while the user opens the form rather than after they submit it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def init_app(self, app: Flask) -> None:
        app.extensions["gazetteer"] = self._empty_slot(app.config.get("GAZETTEER"))
        if app.config.get("GAZETTEER_WARMUP", True):
            app.before_request(lambda: self.warm_up(app))

    @staticmethod
    def _empty_slot(base: Gazetteer | None) -> dict[str, Any]:
        return {"base": base, "instance": None, "version": None, "checked": -math.inf, "warming": False}

    def warm_up(self, app: Flask) -> None:
        """Start loading the gazetteer in a daemon thread unless it is loaded, loading or given."""
        slot = app.extensions["gazetteer"]
        if slot["instance"] is not None or slot["base"] is not None or slot["warming"]:
            return  # loaded, loading, or ready-made (merging pinned places into it is quick)
        slot["warming"] = True

        def load() -> None:
            try:
                with app.app_context():
                    self.get(app)
            except Exception:  # noqa: BLE001 - the request that needs it will retry and report
                app.logger.exception("loading the gazetteer in the background failed")
            finally:
                slot["warming"] = False

        threading.Thread(target=load, name="gazetteer-warmup", daemon=True).start()

    def get(self, app: Flask | None = None) -> Gazetteer:
        """The gazetteer of ``app`` (default: the current app), loaded on first call and
        reloaded when pinned places or the built files changed (checked at most every
        ``GAZETTEER_CHECK_SECONDS``).  Needs an app context to read the pinned places."""
        app = app or current_app._get_current_object()  # type: ignore[attr-defined]
        slot = app.extensions["gazetteer"]
        interval = float(app.config.get("GAZETTEER_CHECK_SECONDS", GAZETTEER_CHECK_SECONDS))
        if slot["instance"] is not None and time.monotonic() - slot["checked"] < interval:
            return slot["instance"]
        with self._lock:
            if slot["instance"] is None or time.monotonic() - slot["checked"] >= interval:
                self._check(app, slot)
        return slot["instance"]

    def _check(self, app: Flask, slot: dict[str, Any]) -> None:
        """Merge the pinned places into the base again when either changed since the last check."""
        from .pins import pinned_places, places_version, with_pinned

        base = slot["base"]
        if base is None:
            from gazetteer import default_gazetteer  # heavy: only on first use; memoised per file

            base = default_gazetteer(app.config.get("GAZETTEER_PATH") or None)
        pinned = self._has_pins(app)
        version = (id(base), places_version() if pinned else (0, 0))
        if version != slot["version"]:
            slot["instance"] = with_pinned(base, pinned_places() if pinned else [])
            slot["version"] = version
        slot["checked"] = time.monotonic()

    @staticmethod
    def _has_pins(app: Flask) -> bool:
        """False while the database predates the table of pinned places (a command run before
        ``flask db upgrade``): there can be no pinned place then."""
        from .database import require_current_schema
        from .errors import DatabaseNotReady

        try:
            require_current_schema(app)
        except DatabaseNotReady:
            return False
        return True

    def preload(self, app: Flask) -> Gazetteer:
        """Load the gazetteer and the geoparser now, with everything they build on first use.

        Called by a process that forks workers (``flask worker``, a preloaded WSGI
        server), so that every worker starts with them instead of building its own.
        Everything alive then is moved out of the garbage collector's scans
        (:func:`gc.freeze`): it lives as long as the process.
        """
        from gazetteer import prepare

        with app.app_context():
            gazetteer = self.get(app)
        prepare(gazetteer)
        # The gazetteer's hundreds of thousands of objects are never freed: a full collection,
        # which ingesting articles sets off, need not visit them all again, and forked workers
        # keep sharing their pages instead of copying them when the collector touches them.
        gc.freeze()
        return gazetteer

    def loaded(self, app: Flask | None = None) -> Gazetteer | None:
        """The gazetteer if it is loaded (or given), else None; never loads it (for ``/healthz``)."""
        app = app or current_app._get_current_object()  # type: ignore[attr-defined]
        slot = app.extensions["gazetteer"]
        return slot["instance"] or slot["base"]

    def refresh(self, app: Flask | None = None) -> None:
        """Check for pinned places and rebuilt files at the next :meth:`get` (after a pin)."""
        app = app or current_app._get_current_object()  # type: ignore[attr-defined]
        app.extensions["gazetteer"]["checked"] = -math.inf

    def reset(self, app: Flask | None = None) -> None:
        """Forget the loaded gazetteer so the next :meth:`get` reloads it (after a build or import)."""
        app = app or current_app._get_current_object()  # type: ignore[attr-defined]
        app.extensions["gazetteer"] = self._empty_slot(app.config.get("GAZETTEER"))

    def set(self, gazetteer: Gazetteer, app: Flask | None = None) -> None:
        """Replace the app's base gazetteer (tests); pinned places join it at the next :meth:`get`."""
        app = app or current_app._get_current_object()  # type: ignore[attr-defined]
        app.extensions["gazetteer"] = self._empty_slot(gazetteer)


gazetteers = GazetteerProvider()
