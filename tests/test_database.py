"""The database layer (webapp/database.py, webapp/migrations): pools per process, SQLite settings, schema."""

from __future__ import annotations

import os
import pickle

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from databases import postgresql_database
from flask_migrate import downgrade, upgrade

from webapp import create_app
from webapp.article_input import ArticleInput
from webapp.database import fetch_rows, is_one_of, schema_revisions
from webapp.extensions import db
from webapp.ingest import ingest_article
from webapp.models import Article, Incident, User
from webapp.models.indexes import include_object

#: The code's schema revision: the newest migration in webapp/migrations/versions.
HEAD = "0014"


def test_sqlite_connections_use_wal_a_busy_timeout_and_foreign_keys(app):
    with app.app_context(), db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 30_000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def backend_identity(conn: sa.Connection) -> object:
    """Which server-side connection this is: PostgreSQL's backend pid, else the DBAPI object's id."""
    if conn.dialect.name == "postgresql":
        return conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
    return id(conn.connection.dbapi_connection)


def connection_in_child(app) -> object:  # noqa: ANN001
    """Fork; the child reports the identity of the connection it gets from the inherited engine."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report, then leave without running the parent's clean-up
        try:
            with app.app_context(), db.engine.connect() as conn:
                os.write(write, pickle.dumps(backend_identity(conn)))
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        child = pickle.loads(pipe.read())
    os.waitpid(pid, 0)
    return child


def assert_forked_process_opens_its_own_connection(app) -> None:  # noqa: ANN001
    with app.app_context():
        with db.engine.connect() as conn:  # checked in to the pool, as an app start leaves it
            parent = backend_identity(conn)
        assert connection_in_child(app) != parent
        with db.engine.connect() as conn:  # the parent's pooled connection is intact
            assert backend_identity(conn) == parent
            assert conn.exec_driver_sql("SELECT 1").scalar() == 1


def test_a_forked_process_opens_its_own_connection(app):
    assert_forked_process_opens_its_own_connection(app)


@pytest.mark.services
def test_a_forked_process_opens_its_own_postgresql_connection(tmp_path, tiny_gazetteer):
    with postgresql_database(migrated=True, instance_path=tmp_path / "m") as url:
        app = create_app(
            {"TESTING": True, "SECRET_KEY": "t", "SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": ""}
        )
        assert_forked_process_opens_its_own_connection(app)
        with app.app_context():
            db.engine.dispose()


def schema_drift(app) -> list:  # noqa: ANN001
    """What autogenerate would change to make the migrated database match the models (empty: none)."""
    with app.app_context(), db.engine.connect() as conn:
        opts = {"compare_type": True, "include_object": include_object}
        return compare_metadata(MigrationContext.configure(conn, opts=opts), db.metadata)


def test_migrations_build_exactly_the_models_schema(app):
    assert schema_drift(app) == []


@pytest.mark.services
def test_migrations_build_exactly_the_models_schema_on_postgresql(tmp_path):
    with postgresql_database(migrated=True, instance_path=tmp_path / "m") as url:
        app = create_app(
            {"TESTING": True, "SECRET_KEY": "t", "SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": ""}
        )
        assert schema_drift(app) == []
        with app.app_context():
            downgrade(revision="base")
            assert sa.inspect(db.engine).get_table_names() == ["alembic_version"]
            upgrade()
            db.engine.dispose()


def test_a_database_made_before_migrations_is_adopted_and_its_search_rows_filled(make_app):
    app = make_app()
    with app.app_context():
        ingest_article(ArticleInput(text="قصفت الطائرات الروسية مدينة إدلب اليوم الأحد."))
        downgrade(revision="0001")
        with db.engine.begin() as conn:
            # As create_all left it: no version table, search rows missing for older incidents.
            conn.exec_driver_sql("DROP TABLE alembic_version")
            conn.exec_driver_sql("DELETE FROM incident_search")
            conn.exec_driver_sql("DELETE FROM article_search")
        upgrade()
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
            assert conn.exec_driver_sql("SELECT count(*) FROM incident_search").scalar() == 1
            assert conn.exec_driver_sql("SELECT count(*) FROM article_search").scalar() == 1
        article = db.session.scalars(sa.select(Article)).one()
        assert article.is_complete() and article.incident_count == 1
    # Free-text search finds the older incident again.
    features = app.test_client().get("/api/incidents?q=ادلب").get_json()["features"]
    assert len(features) == 1


def test_the_head_revision_is_the_newest_migration(app):
    assert schema_revisions(app)[1] == HEAD


def test_a_database_at_0004_holding_data_is_upgraded_to_head_with_its_data(make_app):
    app = make_app()
    with app.app_context():
        ingest_article(ArticleInput(text="قصفت الطائرات الروسية مدينة إدلب اليوم الأحد.", title="t"))
        before = [
            (i.id, i.event_type, i.place_id, i.lat, i.lon) for i in db.session.scalars(sa.select(Incident))
        ]
        db.session.remove()
        downgrade(revision="0004")
        assert "users" not in sa.inspect(db.engine).get_table_names()
        upgrade()
        assert schema_revisions(app) == (HEAD, HEAD)
        after = [
            (i.id, i.event_type, i.place_id, i.lat, i.lon) for i in db.session.scalars(sa.select(Incident))
        ]
        assert before and after == before
        assert db.session.scalars(sa.select(Article)).one().title == "t"
        assert db.session.scalars(sa.select(User)).all() == []  # no account: the app stays open


def test_a_request_before_the_schema_is_current_names_the_command(make_app):
    app = make_app()
    with app.app_context():
        downgrade(revision="0002")
    response = app.test_client().get("/api/incidents")
    assert response.status_code == 503
    assert "0002" in response.get_json()["error"] and "db upgrade" in response.get_json()["error"]


def test_committed_stores_the_whole_block_or_nothing(app):
    from webapp.database import committed
    from webapp.extensions import db
    from webapp.models import Article

    def article(n: int) -> Article:
        return Article(title=f"t{n}", text=f"text {n}", content_hash=f"{n:064d}")

    with app.app_context():
        with pytest.raises(RuntimeError), committed():
            db.session.add(article(1))
            db.session.flush()
            raise RuntimeError("a failure half-way")
        assert db.session.query(Article).count() == 0  # the flushed row was rolled back
        with committed():
            db.session.add(article(2))
        db.session.expunge_all()
        assert [a.title for a in db.session.query(Article)] == ["t2"]


def test_sqlite_keeps_its_triggers_and_one_row_count_at_head(app):
    # A later batch-mode migration that copies a table drops its triggers: this notices.
    from sqlalchemy.exc import IntegrityError

    with app.app_context(), db.engine.connect() as conn:
        listed = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = set(listed.scalars())
        assert {"incident_tally_insert", "incident_tally_delete"} <= triggers
        fts = {"incident_search_fts_insert", "incident_search_fts_delete", "incident_search_fts_update"}
        assert fts <= triggers
        assert conn.exec_driver_sql("SELECT id, n FROM incident_tally").all() == [(1, 0)]
        with pytest.raises(IntegrityError):
            conn.exec_driver_sql("INSERT INTO incident_tally (id, n) VALUES (2, 0)")


def test_is_one_of_takes_more_ids_than_a_driver_binds_parameters(backend_app):
    """70,000 ids: an ``IN`` list would bind 70,000 parameters, which psycopg refuses (65,535 at most)."""
    with backend_app.app_context():
        ids = [ingest_article(ArticleInput(text=f"Report {n}.", language="en")).article.id for n in range(3)]
        asked = [*range(10**6, 10**6 + 70_000), ids[0], ids[2]]
        found = db.session.scalars(sa.select(Article.id).where(is_one_of(Article.id, asked))).all()
        assert sorted(found) == [ids[0], ids[2]]
        assert db.session.scalars(sa.select(Article.id).where(is_one_of(Article.id, []))).all() == []
        # The same with the parameters written inline, as the map index reads its rows.
        assert fetch_rows(sa.select(Article.id).where(is_one_of(Article.id, [ids[1]]))) == [(ids[1],)]
        assert fetch_rows(sa.select(Article.id).where(is_one_of(Article.id, []))) == []
