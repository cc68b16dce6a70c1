"""Storage (webapp/models): constraints, cascades, JSON columns; on PostgreSQL too when configured."""

from __future__ import annotations

import datetime as dt

import pytest
from databases import postgresql_app
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
    with postgresql_app(tmp_path, tiny_gazetteer) as app:
        yield app


@pytest.mark.services
def test_postgresql_storage_and_dedup(pg_app):
    from webapp.article_input import ArticleInput
    from webapp.ingest import ingest_article

    with pg_app.app_context():
        assert db.engine.dialect.name == "postgresql"
        first = ingest_article(
            ArticleInput(text="قصفت الطائرات مدينة إدلب اليوم الأحد.", published=dt.date(2020, 9, 20))
        )
        again = ingest_article(ArticleInput(text="قصفت الطائرات مدينة إدلب  اليوم الأحد."))
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


def long_named_gazetteer(tmp_path, tiny_gazetteer):  # noqa: ANN001
    """The tiny gazetteer plus a village imported by CSV with a 400-character name and a long id."""
    from gazetteer import Gazetteer
    from gazetteer.places.importers import iter_import

    name_ar = "قرية " + " ".join(["الوادي الأخضر البعيد"] * 24)
    assert len(name_ar) > 300
    csv_file = tmp_path / "villages.csv"
    csv_file.write_text(
        f"pk,name_en,name_ar,lat,lon\n{'x' * 150},{'Long Valley ' * 30},{name_ar},35.91,36.70\n",
        encoding="utf-8",
    )
    mapping = {"id": "pk", "name": "name_en", "name_ar": "name_ar", "lat": "lat", "lon": "lon"}
    imported = list(iter_import("csv", csv_file, prefix="my", default_type="village", mapping=mapping))
    return Gazetteer([*tiny_gazetteer, *imported]), name_ar


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.services)])
def any_database_app(request, tmp_path, app):
    """The test app on SQLite, then on a migrated PostgreSQL database."""
    if request.param == "sqlite":
        yield app
        return
    yield request.getfixturevalue("pg_app")


def test_long_imported_names_are_stored_alike_on_every_database(any_database_app, tmp_path, tiny_gazetteer):
    from webapp.article_input import ArticleInput
    from webapp.ingest import ingest_article

    gazetteer, name_ar = long_named_gazetteer(tmp_path, tiny_gazetteer)
    any_database_app.config["GAZETTEER"] = gazetteer
    from webapp.extensions import gazetteers

    with any_database_app.app_context():
        gazetteers.set(gazetteer)
        result = ingest_article(ArticleInput(text=f"قصفت الطائرات الروسية {name_ar} اليوم الأحد."))
        (mention,) = [m for m in result.article.mentions if m.place_id and m.place_id.startswith("my:")]
        assert mention.place_name_ar == name_ar and len(mention.place_id) > 100
        (incident,) = result.article.incidents
        assert incident.place_name_ar == name_ar and result.article.is_complete()
