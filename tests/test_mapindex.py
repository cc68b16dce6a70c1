"""The in-memory map index (webapp/mapindex.py): grid cells, and how it follows the table.

That it selects the same incidents as SQL is tested with the filters (tests/test_filters.py).
Here: every change to the table reaches the index without reading the table again (the full
read is made to fail), and the index it arrives at is the one a full read gives.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from incident_rows import add_incident
from sqlalchemy import insert, select, update

from webapp import mapcolumns, mapindex, mapsnapshot
from webapp.extensions import db
from webapp.filters import parse_filters
from webapp.mapindex import MapIndex, current_index
from webapp.models import Article, Incident


def test_grid_and_reload_after_changes(app):
    app.config["MAP_INDEX_CHECK_SECONDS"] = 0
    with app.app_context():
        add_incident(lat=35.93, lon=36.63, event_type="Battles")
        add_incident(lat=35.94, lon=36.64)
        index = current_index()
        cells = index.grid(index.mask(parse_filters({})), 1.0, by_type=True)
        assert len(cells) == 1 and cells[0]["count"] == 2
        assert cells[0]["types"] == {"Battles": 1, "Explosions/Remote violence": 1}
        assert abs(cells[0]["lat"] - 35.935) < 1e-9
        add_incident(lat=33.5, lon=36.3)
        assert len(current_index().ids) == 3  # the new row is seen on the next check


#: Selections whose masks an index keeps (conditions and text searches) and must keep right.
KEPT = ({}, {"type": "Protests"}, {"status": "all"}, {"q": "damascus"}, {"q": "idlib"}, {"actor": "russia"})


def same_as_a_full_read(index: MapIndex) -> None:
    """``index`` holds what reading the whole table gives, code tables aside (codes may differ),
    and selects the same incidents for :data:`KEPT` (whose masks it may have carried over)."""
    full = MapIndex.empty().updated(where=[], drop=())  # what MapIndex.load reads
    for query in KEPT:
        flt = parse_filters(query)
        assert index.ids[index.mask(flt)].tolist() == full.ids[full.mask(flt)].tolist(), query
    assert index.ids.tolist() == full.ids.tolist()
    for name in ("lat", "lon", "day", "has_date", "precision", "merged_into"):
        assert np.array_equal(getattr(index, name), getattr(full, name)), name
    for codes, table in (("type_code", "types"), ("admin_code", "admins"), ("status_code", "statuses")):
        decoded = [getattr(index, table)[c] for c in getattr(index, codes)]
        assert decoded == [getattr(full, table)[c] for c in getattr(full, codes)], codes


@pytest.fixture
def no_full_read(monkeypatch):
    """After this, reading the whole table fails the test."""

    def refuse(cls):  # noqa: ANN001, ANN202
        raise AssertionError("the index was read again in full")

    return lambda: monkeypatch.setattr(MapIndex, "load", classmethod(refuse))


def test_new_corrected_merged_and_deleted_incidents_reach_the_index_without_a_full_read(
    app, client, no_full_read
):
    app.config["MAP_INDEX_CHECK_SECONDS"] = 3600  # only a change this process makes forces a check
    with app.app_context():
        first = add_incident(lat=35.93, lon=36.63, actors=["Russia"])
        second = add_incident(lat=36.2, lon=37.16, admin1="Aleppo")
        same_as_a_full_read(current_index())  # its masks are kept from now on
        no_full_read()

        added = add_incident(
            sentence="Protest in Damascus.", lat=33.5, lon=36.3, event_type="Protests", admin1="Damascus"
        )
        mapindex.refresh()
        assert current_index().ids.tolist() == [first, second, added]
        same_as_a_full_read(current_index())

    # A correction through the API: the new point, type and status are in the index at once.
    assert client.patch(f"/api/incidents/{first}", json={"lat": 35.0, "lon": 36.0}).status_code == 200
    assert client.patch(f"/api/incidents/{second}", json={"status": "rejected"}).status_code == 200
    with app.app_context():
        index = current_index()
        assert index.lat[index.holds(np.array([first]))].tolist() == [35.0]
        assert index.ids[index.mask(parse_filters({}))].tolist() == [first, added]
        assert index.ids[index.mask(parse_filters({"type": "Protests"}))].tolist() == [added]
        same_as_a_full_read(index)

    # A merge, then an article deleted with its incident.
    assert client.post(f"/api/incidents/{added}/merge", json={"into": first}).status_code == 200
    with app.app_context():
        index = current_index()
        assert index.ids[index.mask(parse_filters({}))].tolist() == [first]
        db.session.delete(db.session.get(Article, db.session.get(Incident, added).article_id))
        db.session.commit()
        mapindex.refresh()
        index = current_index()
        assert added not in index.ids.tolist()
        same_as_a_full_read(index)


def test_a_search_first_made_after_a_correction_finds_the_corrected_text(app, client, no_full_read):
    # The index's terms still hold the old type's words: the changed row is asked of SQL.
    app.config["MAP_INDEX_CHECK_SECONDS"] = 3600
    with app.app_context():
        first = add_incident(lat=35.93, lon=36.63, event_type="Explosions/Remote violence")
        other = add_incident(lat=36.2, lon=37.16, event_type="Battles")
        current_index()
        no_full_read()
    assert (
        client.patch(
            f"/api/incidents/{first}", json={"event_type": "Battles", "sub_event_type": "Armed clash"}
        ).status_code
        == 200
    )
    with app.app_context():
        index = current_index()
        assert index.ids[index.mask(parse_filters({"q": "battles"}))].tolist() == [first, other]
        assert index.ids[index.mask(parse_filters({"q": "explosions"}))].tolist() == []
        same_as_a_full_read(index)


def test_beyond_the_stale_limit_the_changed_rows_terms_are_read_again(backend_app, no_full_read, monkeypatch):
    # Without this, every search would ask SQL about each incident ever corrected in this process.
    monkeypatch.setattr(mapcolumns, "STALE_LIMIT", 2)
    backend_app.config["MAP_INDEX_CHECK_SECONDS"] = 3600
    client = backend_app.test_client()
    with backend_app.app_context():
        first = add_incident(lat=35.93, lon=36.63, event_type="Explosions/Remote violence")
        second = add_incident(lat=36.2, lon=37.16, event_type="Explosions/Remote violence")
        gone = add_incident(lat=33.5, lon=36.3, event_type="Explosions/Remote violence")
        same_as_a_full_read(current_index())
        cached = parse_filters({"q": "explosions"})
        assert current_index().ids[current_index().mask(cached)].tolist() == [first, second, gone]
        no_full_read()
    battles = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    assert client.patch(f"/api/incidents/{first}", json=battles).status_code == 200
    with backend_app.app_context():
        db.session.delete(db.session.get(Article, db.session.get(Incident, gone).article_id))
        db.session.commit()
        mapindex.refresh()
        assert current_index().stale.tolist() == [first, gone]  # at the limit: asked of SQL
    assert client.patch(f"/api/incidents/{second}", json=battles).status_code == 200
    with backend_app.app_context():
        index = current_index()
        assert index.stale.tolist() == []  # over it: all read again, the deleted one's words dropped
        assert sorted(set(index.text_terms.holding("battles").tolist())) == [first, second]
        assert index.text_terms.holding("explosions").tolist() == []
        assert index.ids[index.mask(parse_filters({"q": "battles"}))].tolist() == [first, second]
        assert index.ids[index.mask(cached)].tolist() == []  # a search made before, carried over
        same_as_a_full_read(index)


def test_an_article_ingested_here_is_on_the_map_at_its_next_request(app, client, no_full_read):
    app.config["MAP_INDEX_CHECK_SECONDS"] = 3600  # no periodic check would show it in time
    with app.app_context():
        add_incident(lat=35.93, lon=36.63)
        current_index()
        no_full_read()
    text = "Russian warplanes struck the town of Saraqib in Idlib countryside on Tuesday, killing four."
    posted = client.post("/api/articles", json={"text": text, "date": "2020-02-04"})
    assert posted.status_code == 201
    with app.app_context():
        article_id = posted.get_json()["id"]
        new = set(db.session.scalars(select(Incident.id).where(Incident.article_id == article_id)))
        assert new and new <= set(current_index().ids.tolist())


def test_a_row_committed_below_the_watermark_is_found(app, no_full_read):
    # On PostgreSQL two transactions may commit their ids out of order; the count tells.
    app.config["MAP_INDEX_CHECK_SECONDS"] = 0
    with app.app_context():
        low = add_incident(lat=35.0, lon=36.0)
        high = add_incident(lat=35.1, lon=36.1)
        row = db.session.execute(select(Incident.__table__).where(Incident.id == low)).mappings().one()
        db.session.execute(Incident.__table__.delete().where(Incident.id == low))
        db.session.commit()
        assert current_index().ids.tolist() == [high]
        no_full_read()
        db.session.execute(insert(Incident.__table__).values(**row))
        db.session.commit()
        index = current_index()
        assert index.ids.tolist() == [low, high]
        same_as_a_full_read(index)


def test_a_restarted_process_starts_from_the_snapshot(app, no_full_read):
    app.config["MAP_INDEX_CHECK_SECONDS"] = 0
    with app.app_context():
        first = add_incident(lat=35.0, lon=36.0, event_type="Battles")
        current_index()  # a full read, which writes the snapshot
        _wait_for_snapshot(app)
        mapindex.clear()  # as in a new process
        no_full_read()
        later = add_incident(lat=35.1, lon=36.1)
        index = current_index()
        assert index.ids.tolist() == [first, later]
        assert index.ids[index.mask(parse_filters({"type": "Battles"}))].tolist() == [first]
        same_as_a_full_read(index)


def test_a_snapshot_written_before_the_search_terms_is_read_again_in_full(app):
    app.config["MAP_INDEX_CHECK_SECONDS"] = 0
    with app.app_context():
        add_incident(lat=35.0, lon=36.0, sentence="Shelling hit Ariha.", place="Ariha")
        index = current_index()
        _wait_for_snapshot(app)
        mapindex.clear()
        path = next((Path(app.instance_path) / "mapindex").glob("*.npz"))
        older = {name: value for name, value in index.arrays().items() if not name.startswith("text_")}
        mapsnapshot.write(path, older, json.loads(str(np.load(path)["__meta__"])))
        again = current_index()
        assert again.ids[again.mask(parse_filters({"q": "ariha"}))].tolist() == index.ids.tolist()
        same_as_a_full_read(again)


def test_without_snapshots_nothing_is_written(make_app, tmp_path):
    app = make_app(MAP_INDEX_SNAPSHOT=False)
    with app.app_context():
        add_incident()
        current_index()
    assert not (tmp_path / "instance" / "mapindex").exists()


def _wait_for_snapshot(app) -> None:  # noqa: ANN001
    mapindex.wait_for_snapshots()
    assert list((Path(app.instance_path) / "mapindex").glob("*.npz")), "no snapshot was written"


def test_preload_builds_the_index_and_writes_its_snapshot(app, no_full_read):
    with app.app_context():
        stored = add_incident()
    mapindex.preload(app)  # as gunicorn's master does before it forks
    no_full_read()
    with app.app_context():
        assert current_index().ids.tolist() == [stored]
    assert list((Path(app.instance_path) / "mapindex").glob("*.npz"))


def test_a_snapshot_of_a_database_since_replaced_is_not_used(app):
    app.config["MAP_INDEX_CHECK_SECONDS"] = 0
    with app.app_context():
        first = add_incident(lat=35.0, lon=36.0)
        current_index()
        _wait_for_snapshot(app)
        mapindex.clear()
        # As a restore from a backup may leave it: the same ids, other places.
        db.session.execute(update(Incident).where(Incident.id == first).values(lat=33.0, lon=36.5))
        db.session.commit()
        index = current_index()
        assert index.lat.tolist() == [33.0]
        same_as_a_full_read(index)


def test_the_version_counts_every_row_however_it_came_or_went(backend_app):
    # On SQLite the count is kept by migration 0014's triggers; it must agree with count(*).
    from sqlalchemy import func

    from webapp.seed import seed

    def counted() -> int:
        return db.session.scalar(select(func.count()).select_from(Incident))

    with backend_app.app_context():
        assert mapindex.table_version().count == 0
        kept = add_incident(lat=35.0, lon=36.0)
        gone = add_incident(lat=None, lon=None)  # unlocated rows count too
        seed(50)
        assert mapindex.table_version().count == counted() == 52
        db.session.delete(db.session.get(Article, db.session.get(Incident, gone).article_id))
        db.session.execute(Incident.__table__.delete().where(Incident.id > kept + 40))
        db.session.commit()
        assert mapindex.table_version().count == counted()
        assert mapindex.table_version().max_id == db.session.scalar(select(func.max(Incident.id)))
