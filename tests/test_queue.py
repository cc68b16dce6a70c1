"""Background ingestion through RQ (webapp/queue.py), against the real Redis on loopback."""

from __future__ import annotations

import os
import re
import uuid

import pytest
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.models import Article

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
TEXT = "قصفت الطائرات الروسية مدينة إدلب اليوم الأحد."

pytestmark = pytest.mark.services


@pytest.fixture
def queued_app(app):
    """The test app with REDIS_URL set and a queue of its own; skips when Redis is unreachable."""
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except RedisError as exc:
        pytest.skip(f"Redis at {REDIS_URL} unreachable ({exc}); set TEST_REDIS_URL")
    app.config.update(REDIS_URL=REDIS_URL, RQ_QUEUE=f"test-ingest-{uuid.uuid4().hex[:8]}")
    yield app
    from webapp.queue import get_queue

    with app.app_context():
        queue = get_queue()
        queue.empty()
        queue.delete(delete_jobs=True)
        queue.connection.close()


def work_off(app) -> None:
    """Run every queued job in this process (RQ's SimpleWorker, burst mode)."""
    from rq import SimpleWorker

    from webapp.queue import get_queue

    with app.app_context():
        queue = get_queue()
        SimpleWorker([queue], connection=queue.connection).work(burst=True)
        queue.connection.close()


def article_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Article))


def test_api_enqueues_and_worker_ingests(queued_app):
    client = queued_app.test_client()
    response = client.post("/api/articles", json={"text": TEXT, "published": "2020-09-20"})
    assert response.status_code == 202
    body = response.get_json()
    assert (
        body["status_url"] == f"/api/jobs/{body['job_id']}"
        and response.headers["Location"] == body["status_url"]
    )
    assert client.get(body["status_url"]).get_json()["status"] == "queued"
    assert article_count(queued_app) == 0
    work_off(queued_app)
    status = client.get(body["status_url"]).get_json()
    assert status["status"] == "finished" and status["result"]["created"] is True
    assert status["article_url"] == f"/articles/{status['result']['article_id']}"
    assert article_count(queued_app) == 1


def test_duplicate_job_reports_existing_article(queued_app):
    client = queued_app.test_client()
    ids = [client.post("/api/articles", json={"text": TEXT}).get_json()["status_url"] for _ in range(2)]
    work_off(queued_app)
    results = [client.get(url).get_json()["result"] for url in ids]
    assert [r["created"] for r in results] == [True, False]
    assert results[0]["article_id"] == results[1]["article_id"] and article_count(queued_app) == 1


def test_bad_input_is_rejected_before_enqueueing(queued_app):
    queued_app.config["MAX_ARTICLE_CHARS"] = 10
    client = queued_app.test_client()
    assert client.post("/api/articles", json={"text": ""}).status_code == 400
    assert client.post("/api/articles", json={"text": TEXT}).status_code == 413
    assert client.post("/api/articles", json={"text": "abc", "published": "soon"}).status_code == 400
    bad_url = {"text": "abc", "source_url": "javascript:alert(1)"}
    assert client.post("/api/articles", json=bad_url).status_code == 400
    assert client.post("/api/articles", json={"text": "abc", "language": "<b>"}).status_code == 400
    from webapp.queue import get_queue

    with queued_app.app_context():
        assert get_queue().count == 0


def test_form_waits_for_the_job_then_redirects(queued_app):
    client = queued_app.test_client()
    response = client.post("/upload", data={"text": TEXT})
    assert response.status_code == 302 and re.fullmatch(r"/jobs/[\w-]+", response.headers["Location"])
    waiting = client.get(response.headers["Location"])
    assert waiting.status_code == 200 and 'http-equiv="refresh"' in waiting.get_data(as_text=True)
    work_off(queued_app)
    done = client.get(response.headers["Location"])
    assert done.status_code == 302 and re.fullmatch(r"/articles/\d+", done.headers["Location"])


def test_unknown_job_is_404(queued_app):
    response = queued_app.test_client().get("/api/jobs/no-such-job")
    assert response.status_code == 404 and "error" in response.get_json()


def test_unreachable_redis_is_503_json(app):
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"
    response = app.test_client().post("/api/articles", json={"text": TEXT})
    assert response.status_code == 503 and "queue" in response.get_json()["error"]


def test_job_function_reports_input_errors_as_results(app):
    from webapp.queue import ingest_job

    with app.app_context():
        assert ingest_job({"text": "  "})["status"] == 400
        result = ingest_job({"text": TEXT})
        assert result["created"] is True and isinstance(result["article_id"], int)


def test_form_rejects_bad_input_before_enqueueing(queued_app):
    from webapp.queue import get_queue

    response = queued_app.test_client().post("/upload", data={"title": "kept", "text": "   "})
    assert response.status_code == 400 and "empty" in response.get_data(as_text=True)
    with queued_app.app_context():
        assert get_queue().count == 0
