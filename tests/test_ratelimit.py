"""Rate limits (webapp/ratelimit.py): sign-in attempts and writes, counted in memory or in Redis."""

from __future__ import annotations

import os
import random

import pytest
from accounts_helpers import add_user

from webapp.extensions import limiter

TEXT = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد."


def test_sign_in_attempts_are_limited(make_app):
    app = make_app(RATELIMIT_LOGIN="3 per minute")
    add_user(app, "rana", "analyst")
    client = app.test_client()
    codes = [
        client.post("/login", data={"name": "rana", "password": "wrong password"}).status_code
        for _ in range(4)
    ]
    assert codes == [401, 401, 401, 429]
    assert client.get("/login").status_code == 200  # reading the form is not an attempt


def test_writes_share_one_budget_and_reads_are_not_counted(make_app):
    app = make_app(RATELIMIT_WRITES="2 per minute")
    client = app.test_client()
    for _ in range(5):
        assert client.get("/api/incidents").status_code == 200
    assert client.post("/api/articles", json={"text": TEXT}).status_code == 201
    assert client.post("/upload", data={"text": TEXT + " ثم"}).status_code == 302
    refused = client.post("/api/articles", json={"text": TEXT + " ثم ثم"})
    assert refused.status_code == 429 and set(refused.get_json()) == {"error"}


def test_counters_live_in_memory_without_redis(app):
    assert app.config["RATELIMIT_STORAGE_URI"] == "memory://"


@pytest.mark.services
def test_counters_live_in_redis_when_redis_url_is_set(make_app):
    from redis import Redis

    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        pytest.skip("TEST_REDIS_URL not set")
    try:
        Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception as exc:  # noqa: BLE001 - any failure means no server here
        pytest.skip(f"Redis at {url} unreachable: {exc}")
    address = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"
    app = make_app(REDIS_URL=url, RATELIMIT_LOGIN="1 per minute")
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    data = {"name": "rana", "password": "wrong password"}
    assert [client.post("/login", data=data).status_code for _ in range(2)] == [401, 429]
    redis = Redis.from_url(url)
    keys = redis.keys(f"*{address}*")
    assert keys and type(limiter.storage).__name__.startswith("Redis")
    redis.delete(*keys)
