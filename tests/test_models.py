"""Storage (webapp/models): constraints, cascades, JSON columns; on PostgreSQL too when configured."""

from __future__ import annotations

import pytest
from databases import postgresql_database
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from webapp_rows import store_article

from webapp.extensions import db
from webapp.models import Article, Incident, Mention, Sentence


def test_content_hash_is_unique(app):
    with app.app_context():
        db.session.add(Article(title="a", text="x", content_hash="h" * 64))
        db.session.commit()
        db.session.add(Article(title="b", text="y", content_hash="h" * 64))
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()


def test_json_columns_round_trip_and_relations(app):
    with app.app_context():
        article_id = store_article(road=True)
        db.session.expire_all()
        inc = db.session.scalars(select(Incident)).one()
        assert (
            inc.geometry["type"] == "LineString"
            and inc.actors == ["Russia"]
            and inc.counts == {"airstrikes": 11}
        )
        assert inc.article.id == article_id and inc.sentence.index == 0 and inc.mention.place_id == "t:idlib"


def test_deleting_an_article_deletes_what_was_derived_from_it(app):
    with app.app_context():
        article_id = store_article()
        db.session.delete(db.session.get(Article, article_id))
        db.session.commit()
        for model in (Sentence, Mention, Incident):
            assert db.session.scalar(select(func.count()).select_from(model)) == 0


def test_incident_indexes_exist(app):
    from sqlalchemy import inspect

    with app.app_context():
        names = {ix["name"] for ix in inspect(db.engine).get_indexes("incidents")}
    assert {"ix_incidents_lat_lon", "ix_incidents_date", "ix_incidents_event_type"} <= names


@pytest.fixture
def pg_app(tmp_path, tiny_gazetteer):
    """The app on a throw-away, migrated PostgreSQL database (TEST_DATABASE_URL names the server)."""
    from webapp import create_app

    with postgresql_database(migrated=True, instance_path=tmp_path / "migrate") as url:
        app = create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "t",
                "INSTANCE_PATH": str(tmp_path / "instance"),
                "SQLALCHEMY_DATABASE_URI": url,
                "GAZETTEER": tiny_gazetteer,
                "REDIS_URL": "",
                "WTF_CSRF_ENABLED": False,
            }
        )
        yield app
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.mark.services
def test_postgresql_storage_and_dedup(pg_app):
    from webapp.ingest import ingest_article

    with pg_app.app_context():
        assert db.engine.dialect.name == "postgresql"
        first = ingest_article(text="قصفت الطائرات مدينة إدلب اليوم الأحد.", published="2020-09-20")
        again = ingest_article(text="قصفت الطائرات مدينة إدلب  اليوم الأحد.")
        assert first.created and not again.created and again.article.id == first.article.id
        assert db.session.scalar(select(func.count()).select_from(Article)) == 1
        article_id = store_article(road=True)
        inc = db.session.scalars(select(Incident).where(Incident.article_id == article_id)).one()
        assert inc.geometry["coordinates"][0] == [37.13, 36.2]
        client = pg_app.test_client()
        features = client.get(f"/api/incidents?bbox=35,34,38,37&article={article_id}").get_json()["features"]
        assert [f["properties"]["id"] for f in features] == [inc.id]
        assert (
            client.get(f"/api/incidents?bbox=40,30,41,31&article={article_id}").get_json()["features"] == []
        )
