"""The database connection: per-back-end settings, one pool per process, the schema's revision.

- **One pool per process.** A forked process (RQ's work-horse, a gunicorn worker started
  with ``--preload``, any ``os.fork``) gets a new, empty pool, so it never talks through a
  connection its parent opened: SQLAlchemy's documented pattern for multiprocessing.
- **SQLite under concurrency.** Write-ahead logging lets readers and one writer work at
  once, and a busy timeout makes a second writer wait for the first instead of failing
  with "database is locked".
- **Migrations.** The schema is made and changed only by ``flask --app webapp db upgrade``
  (Alembic, ``webapp/migrations``).  A request to an app whose database is missing or
  behind gets :class:`~webapp.errors.DatabaseNotReady` naming that command.
"""

from __future__ import annotations

import json
import os
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Flask, request
from sqlalchemy import BigInteger, ColumnElement, Engine, any_, bindparam, event, false, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import configure_mappers

from .errors import DatabaseNotReady
from .extensions import db, migrate

#: Seconds a SQLite writer waits for another one to finish before giving up.
SQLITE_BUSY_TIMEOUT = 60

_engines: weakref.WeakSet[Engine] = weakref.WeakSet()
#: Endpoints that answer whatever the schema: ``/healthz`` reports it as one of its checks.
SCHEMA_FREE_ENDPOINTS = frozenset({"health.healthz"})


def init_app(app: Flask) -> None:
    """Bind the database and migrations to ``app``, and check the schema before its first request."""
    db.init_app(app)
    migrate.init_app(app, db)
    with app.app_context():
        for engine in db.engines.values():
            if engine.dialect.name == "sqlite":
                event.listen(engine, "connect", _sqlite_settings)
            _engines.add(engine)
    app.extensions["schema_ready"] = False
    app.before_request(lambda: _check_schema(app))


def _check_schema(app: Flask) -> None:
    if request.endpoint not in SCHEMA_FREE_ENDPOINTS:
        require_current_schema(app)


def _sqlite_settings(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT * 1000}")
    # WAL keeps committed transactions durable at NORMAL; only the last one may be lost on power loss.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _forget_inherited_pools() -> None:
    # close=False: the parent still owns those connections; closing them here would end its sessions.
    for engine in list(_engines):
        engine.dispose(close=False)


os.register_at_fork(after_in_child=_forget_inherited_pools)


def session_dialect() -> str:
    """The name of the database dialect the current session talks to ("sqlite", "postgresql")."""
    return db.session.get_bind().dialect.name


def is_one_of(column: ColumnElement[Any], ids: Iterable[int]) -> ColumnElement[bool]:
    """``column`` equals one of ``ids``, however many: they travel as one parameter (a JSON list
    that SQLite's ``json_each`` reads, a PostgreSQL array), where ``IN`` would bind one per id and
    fail beyond the driver's limit (65,535 on PostgreSQL) after a change to many incidents."""
    values = [int(i) for i in ids]
    if not values:
        return false()  # also where parameters are written inline: PostgreSQL cannot type ``ARRAY[]``
    if session_dialect() == "postgresql":
        return column == any_(bindparam(None, values, type_=ARRAY(BigInteger)))
    listed = func.json_each(json.dumps(values)).table_valued("value")
    return column.in_(select(listed.c.value))


def schema_revisions(app: Flask) -> tuple[str | None, str | None]:
    """``(current, head)``: the database's Alembic revision (None when never migrated) and the code's."""
    with app.app_context(), db.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        head = ScriptDirectory.from_config(migrate.get_config()).get_current_head()
    return current, head


def prepare(app: Flask) -> None:
    """Check the schema and configure the ORM's mappers now, in a process that will fork workers.

    Each forked worker then starts with both done; the connection used for the
    check stays in this process's pool, which every forked process replaces.
    Raises :class:`DatabaseNotReady` when the schema is not current.
    """
    from . import models  # noqa: F401 - every mapped class, so that all are configured

    require_current_schema(app)
    configure_mappers()


def require_current_schema(app: Flask) -> None:
    """Raise :class:`DatabaseNotReady` unless the database is at the code's revision (checked once)."""
    if app.extensions["schema_ready"]:
        return
    current, head = schema_revisions(app)
    if current != head:
        raise DatabaseNotReady.at_revision(current, head)
    app.extensions["schema_ready"] = True


@contextmanager
def committed() -> Iterator[None]:
    """One transaction: commit what the block changed, or roll all of it back and re-raise."""
    try:
        yield
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise


#: Rows read from the database's cursor at a time.
_BATCH_ROWS = 20_000


def fetch_rows(query: Any) -> list[tuple[Any, ...]]:
    """The rows of ``query`` as plain tuples, straight from the driver's cursor, unconverted.

    The query is compiled with its parameters written inline (``literal_binds``): they must be
    numbers, dates or id lists (:func:`is_one_of`), never text from a user. Meant for reading
    many rows at once (the map index), where SQLAlchemy's result objects would cost seconds.
    """
    return list(stream_rows(query))


def stream_rows(query: Any) -> Iterator[tuple[Any, ...]]:
    """The rows of ``query`` as plain tuples, a batch at a time (see :func:`fetch_rows`)."""
    connection = db.session.connection()
    compiled = query.compile(connection, compile_kwargs={"literal_binds": True})
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.execute(str(compiled))
        while batch := cursor.fetchmany(_BATCH_ROWS):
            yield from batch
    finally:
        cursor.close()
