"""Shared fixtures: a fresh app on a temporary SQLite database, its client and CLI runner, ../shared."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from databases import upgraded_database
from webapp_rows import tiny_places

from gazetteer import Gazetteer

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def tiny_gazetteer() -> Gazetteer:
    return Gazetteer(tiny_places())


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory) -> Path:
    """A SQLite file migrated once per session; tests start from copies of it."""
    folder = tmp_path_factory.mktemp("migrated")
    path = folder / "template.db"
    upgraded_database(f"sqlite:///{path}", instance_path=folder / "instance")
    return path


@pytest.fixture
def make_app(tmp_path, tiny_gazetteer, migrated_sqlite):
    """``make_app(**config)``: a fresh app on a copy of the migrated SQLite file, tiny gazetteer, no queue.

    ``config`` overrides the test defaults; every app made is disposed of after the test.
    """
    from webapp import create_app
    from webapp.extensions import db

    made = []
    database = tmp_path / "test.db"
    if not database.exists():
        shutil.copyfile(migrated_sqlite, database)

    def make(**config: object):
        app = create_app(
            {
                "TESTING": True,
                "INSTANCE_PATH": str(tmp_path / "instance"),
                "SECRET_KEY": "test",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
                "WTF_CSRF_ENABLED": False,
                "REDIS_URL": "",
                "GAZETTEER": tiny_gazetteer,
                **config,
            }
        )
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture(scope="session")
def postgresql_url(tmp_path_factory):
    """One migrated PostgreSQL database for the session's back-end tests (emptied after each)."""
    from databases import postgresql_database

    with postgresql_database(migrated=True, instance_path=tmp_path_factory.mktemp("pg")) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.services)])
def backend_app(request, make_app):
    """The app on SQLite, then on PostgreSQL/PostGIS (its indexes: GiST point, pg_trgm text)."""
    if request.param == "sqlite":
        yield make_app()
        return
    from webapp import mapindex
    from webapp.extensions import db

    made = make_app(SQLALCHEMY_DATABASE_URI=request.getfixturevalue("postgresql_url"))
    yield made
    with made.app_context():
        db.session.remove()
        with db.engine.begin() as conn:
            conn.exec_driver_sql("TRUNCATE articles, incidents, changes RESTART IDENTITY CASCADE")
    mapindex.clear()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder beside the repository; skips the test when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found: {SHARED} (sample article, gazetteer sources, corpora)")
    return SHARED
