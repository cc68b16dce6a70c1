"""Test databases: migrated SQLite files and throw-away PostgreSQL databases."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def upgraded_database(url: str, *, instance_path: Path) -> None:
    """Bring the database at ``url`` to the latest schema with the app's migrations."""
    from flask_migrate import upgrade

    from webapp import create_app
    from webapp.extensions import db

    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "t",
            "INSTANCE_PATH": str(instance_path),
            "SQLALCHEMY_DATABASE_URI": url,
            "REDIS_URL": "",
        }
    )
    with app.app_context():
        upgrade()
        db.engine.dispose()


@contextmanager
def postgresql_database(*, migrated: bool, instance_path: Path) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database (migrated when asked), dropped on exit.

    ``TEST_DATABASE_URL`` names the server; the test is skipped when it is unset or unreachable.
    """
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip("TEST_DATABASE_URL not set (e.g. postgresql+psycopg://postgres@127.0.0.1/test)")
    name = f"webapp_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001 - any connection failure means: no server here
        admin.dispose()
        pytest.skip(f"PostgreSQL at TEST_DATABASE_URL unreachable: {exc}")
    database_url = make_url(url).set(database=name).render_as_string(hide_password=False)
    try:
        if migrated:
            upgraded_database(database_url, instance_path=instance_path)
        yield database_url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def postgresql_app(tmp_path: Path, gazetteer: object) -> Iterator[object]:
    """The app on a new, migrated PostgreSQL database with ``gazetteer`` and no queue; its
    connections are closed before the database is dropped (skipped without a server)."""
    from webapp import create_app
    from webapp.extensions import db

    with postgresql_database(migrated=True, instance_path=tmp_path / "migrate") as url:
        app = create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "t",
                "INSTANCE_PATH": str(tmp_path / "instance"),
                "SQLALCHEMY_DATABASE_URI": url,
                "GAZETTEER": gazetteer,
                "REDIS_URL": "",
                "WTF_CSRF_ENABLED": False,
            }
        )
        try:
            yield app
        finally:
            with app.app_context():
                db.session.remove()
                db.engine.dispose()
