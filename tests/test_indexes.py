"""The back-end-only indexes of migrations 0012 and 0013 (webapp/models/indexes.py): kept in step with their
tables, and used by the filters' queries."""

from __future__ import annotations

import pytest
from incident_rows import add_incident
from sqlalchemy import Select, select, update

from webapp.extensions import db
from webapp.filters import filtered, parse_filters
from webapp.models import Article, Incident, IncidentSearch
from webapp.models.indexes import INCIDENT_GEOM, INCIDENT_SEARCH_FTS
from webapp.queries import mapped_incidents
from webapp.seed import seed
from webapp.textsearch import search_ids


def found(query: dict[str, str]) -> set[int]:
    return set(db.session.scalars(filtered(select(Incident.id), parse_filters(query))))


def test_the_fts_table_follows_inserts_updates_and_cascaded_deletes(app):
    with app.app_context():
        kept = add_incident(sentence="Shelling hit Saraqib.", place="Saraqib")
        gone = add_incident(sentence="Shelling hit Saraqib again.", place="Saraqib")
        assert found({"q": "saraqib"}) == {kept, gone}
        # A correction rewrites the search row (webapp.corrections.reindex): the index follows.
        db.session.execute(
            update(IncidentSearch).where(IncidentSearch.incident_id == kept).values(text=" binnish ")
        )
        db.session.commit()
        assert found({"q": "saraqib"}) == {gone} and found({"q": "binnish"}) == {kept}
        # Deleting an article cascades to its incidents and their search rows, and so to the index.
        db.session.delete(db.session.get(Article, db.session.get(Incident, gone).article_id))
        db.session.commit()
        assert found({"q": "saraqib"}) == set()
        rows = db.session.execute(select(INCIDENT_SEARCH_FTS.c.rowid)).scalars().all()
        assert rows == [kept]


def test_a_word_shorter_than_a_trigram_is_still_found(app):
    with app.app_context():
        hit = add_incident(sentence="Clashes in al-Bab.", place="al-Bab")
        add_incident(sentence="Clashes in Aleppo.", place="Aleppo")
        assert found({"q": "ba"}) == {hit}


@pytest.fixture
def postgresql_app(tmp_path, tiny_gazetteer):
    from databases import postgresql_app as app_on_postgresql

    with app_on_postgresql(tmp_path, tiny_gazetteer) as app:
        yield app


@pytest.mark.services
def test_the_postgis_point_follows_lat_and_lon(postgresql_app):
    with postgresql_app.app_context():
        moved = add_incident(lat=35.93, lon=36.63)
        unlocated = add_incident(lat=None, lon=None)

        def point(incident_id: int) -> tuple[float, float] | None:
            row = db.session.execute(
                select(INCIDENT_GEOM.ST_X(), INCIDENT_GEOM.ST_Y())
                .select_from(Incident.__table__)
                .where(Incident.id == incident_id)
            ).one()
            return None if row[0] is None else (row[0], row[1])

        assert point(moved) == (36.63, 35.93) and point(unlocated) is None
        db.session.execute(update(Incident).where(Incident.id == moved).values(lat=33.51, lon=36.29))
        db.session.commit()
        assert point(moved) == (36.29, 33.51)
        assert found({"bbox": "36,33,37,34"}) == {moved}


def plan(query: Select) -> str:
    """PostgreSQL's plan for ``query``, sequential scans forbidden (few rows make them cheapest):
    which indexes can serve it."""
    sql = query.compile(db.engine, compile_kwargs={"literal_binds": True})
    with db.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")
        return "\n".join(conn.exec_driver_sql(f"EXPLAIN {sql}").scalars())


@pytest.mark.services
def test_bbox_and_text_queries_can_use_the_gist_and_trigram_indexes(postgresql_app):
    with postgresql_app.app_context():
        seed(3000)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
        box = parse_filters({"bbox": "35.5,32.5,36.0,33.0"})
        assert "ix_incidents_geom" in plan(filtered(select(Incident.id), box))
        near = parse_filters({"near": "33.13,35.82,5"})
        assert "ix_incidents_geom" in plan(filtered(select(Incident.id), near))
        # The ids the map index asks for a text search (webapp.mapcolumns.MapIndex.mask).
        assert "ix_incident_search_text_trgm" in plan(search_ids(parse_filters({"q": "quneitra"})))
        assert "ix_incident_search_actors_trgm" in plan(search_ids(parse_filters({"actor": "isis"})))
        # The API's list, newest first with the undated last, is read from an index, not sorted.
        assert "ix_incidents_newest" in plan(mapped_incidents(parse_filters({}), limit=10))
