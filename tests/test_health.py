"""GET /healthz (webapp/health.py): database, gazetteer and queue, 200 or 503 with the failing part."""

from __future__ import annotations

import os

import pytest
from accounts_helpers import add_user
from sqlalchemy import text

from webapp.extensions import db, gazetteers

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def test_all_fine_is_200_with_the_place_count(app, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == {"ok": True, "dialect": "sqlite"}
    assert body["checks"]["gazetteer"]["ok"] and body["checks"]["gazetteer"]["places"] > 0
    assert body["checks"]["queue"] == {"ok": True, "enabled": False}


def test_public_even_when_private_and_accounts_exist(make_app):
    app = make_app(PRIVATE=True)
    add_user(app, "amal", "admin")
    client = app.test_client()
    assert client.get("/map").status_code == 302  # pages need an account
    assert client.get("/healthz").status_code == 200


def test_a_database_behind_the_code_is_503_naming_the_database(app, client):
    with app.app_context():
        db.session.execute(text("UPDATE alembic_version SET version_num = '0007'"))
        db.session.commit()
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "fail" and not body["checks"]["database"]["ok"]
    assert "0007" in body["checks"]["database"]["error"] and body["checks"]["gazetteer"]["ok"]


def test_a_gazetteer_not_loaded_yet_is_503(make_app):
    app = make_app(GAZETTEER=None, GAZETTEER_WARMUP=False)
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    gazetteer = response.get_json()["checks"]["gazetteer"]
    assert gazetteer == {"ok": False, "error": "the gazetteer is not loaded yet"}
    with app.app_context():
        assert gazetteers.loaded() is None  # the check never loads it


def test_an_unreachable_redis_is_503_naming_the_queue(make_app):
    app = make_app(REDIS_URL="redis://127.0.0.1:1/0")
    body = app.test_client().get("/healthz").get_json()
    assert body["status"] == "fail" and body["checks"]["queue"]["enabled"]
    assert not body["checks"]["queue"]["ok"] and "Error" in body["checks"]["queue"]["error"]


@pytest.mark.services
def test_a_reachable_redis_is_fine(make_app):
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except RedisError as exc:
        pytest.skip(f"Redis at {REDIS_URL} unreachable ({exc}); set TEST_REDIS_URL")
    body = make_app(REDIS_URL=REDIS_URL).test_client().get("/healthz").get_json()
    assert body["checks"]["queue"] == {"ok": True, "enabled": True}
