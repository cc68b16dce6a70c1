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


def test_a_job_that_ends_with_an_input_error_is_shown_in_the_viewers_language(queued_app):
    client = queued_app.test_client()
    job_page = client.post("/upload", data={"text": TEXT}).headers["Location"]
    queued_app.config["MAX_ARTICLE_CHARS"] = 10  # the worker's limit is lower than the web's was
    work_off(queued_app)
    arabic = client.get(job_page + "?lang=ar").get_data(as_text=True)
    assert "المقال طويل جدًا" in arabic and "too long" not in arabic
    english = client.get(job_page + "?lang=en").get_data(as_text=True)
    assert "The article is too long" in english
    status = client.get("/api/jobs/" + job_page.rsplit("/", 1)[1]).get_json()
    assert status["status"] == "finished" and status["result"]["status"] == 413
    assert status["result"]["error"].startswith("The article is too long")
    assert status["result"]["message"]["key"] == "article.too_long"


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


def test_a_failing_job_is_retried_then_visibly_failed_and_stores_nothing(queued_app):
    queued_app.config["INGEST_RETRY_INTERVALS"] = (0, 0)
    client = queued_app.test_client()
    status_url = client.post("/api/articles", json={"text": TEXT}).get_json()["status_url"]
    with queued_app.app_context(), db.engine.begin() as conn:
        # A real fault: the table the job writes to is gone, as after a botched restore.
        conn.exec_driver_sql("ALTER TABLE incidents RENAME TO incidents_elsewhere")
    work_off(queued_app)
    status = client.get(status_url).get_json()
    assert status["status"] == "failed" and status["retries_left"] == 0
    assert "IngestFailed" in status["error"] and "incidents" in status["error"]
    assert article_count(queued_app) == 0


def test_job_function_raises_when_ingestion_fails(app):
    from webapp.errors import IngestFailed
    from webapp.queue import ingest_job

    with app.app_context():
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE mentions RENAME TO mentions_elsewhere")
        with pytest.raises(IngestFailed):
            ingest_job({"text": TEXT})


# Real `flask worker` processes on PostgreSQL: forked work-horses, killed or many.


@pytest.fixture
def pg_queue(tmp_path, queued_app):
    """Environment for worker processes: a migrated PostgreSQL database and the test's own queue.

    Yields ``(app, env)``: an app on that database and queue (to enqueue and inspect), and the
    environment for ``flask`` subprocesses (bundled gazetteer, no retry delay).
    """
    from databases import postgresql_database

    from webapp import create_app

    with postgresql_database(migrated=True, instance_path=tmp_path / "m") as url:
        config = {
            "TESTING": True,
            "SECRET_KEY": "t",
            "SQLALCHEMY_DATABASE_URI": url,
            "REDIS_URL": REDIS_URL,
            "RQ_QUEUE": queued_app.config["RQ_QUEUE"],
            "INGEST_RETRY_INTERVALS": (0, 0, 0),
        }
        app = create_app(config)
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "REDIS_URL": REDIS_URL,
            "RQ_QUEUE": config["RQ_QUEUE"],
            "INGEST_RETRY_INTERVALS": "0,0,0",
            "SECRET_KEY": "t",
        }
        yield app, env
        with app.app_context():
            db.engine.dispose()


def wait_for(condition, timeout: float, what: str) -> None:  # noqa: ANN001
    """Poll ``condition`` until it is true; fail after ``timeout`` seconds."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


def enqueue(app, texts: list[str]) -> list[str]:  # noqa: ANN001
    from webapp.article_input import ArticleInput
    from webapp.queue import enqueue_ingest

    with app.test_request_context():
        return [enqueue_ingest(ArticleInput(text=body)) for body in texts]


def statuses(app, job_ids: list[str]) -> list[dict]:  # noqa: ANN001
    from webapp.queue import job_status

    with app.test_request_context():
        return [job_status(job_id) for job_id in job_ids]


def test_a_killed_work_horse_leaves_nothing_and_its_job_is_retried(pg_queue, tmp_path):
    import signal
    import subprocess
    import sys
    from pathlib import Path

    app, env = pg_queue
    marker = tmp_path / "paused-pid"
    (job_id,) = enqueue(app, [TEXT])
    script = Path(__file__).with_name("paused_worker.py")
    worker = subprocess.Popen(
        [sys.executable, str(script), "--fork"],
        env={**env, "PAUSE_MARKER": str(marker)},
        stderr=subprocess.PIPE,
    )
    try:
        wait_for(lambda: marker.exists() and marker.read_text(), 120, "the work-horse to flush its rows")
        assert article_count(app) == 0  # flushed, not committed: invisible to others
        os.kill(int(marker.read_text()), signal.SIGKILL)
        _, stderr = worker.communicate(timeout=120)
    finally:
        worker.kill()
    assert worker.returncode == 0, stderr.decode()[-2000:]
    (status,) = statuses(app, [job_id])
    assert status["status"] == "finished" and status["result"]["created"] is True
    assert status["retries_left"] == 2  # one of three retries used by the killed attempt
    with app.app_context():
        (article,) = db.session.scalars(select(Article)).all()
        assert article.is_complete() and article.sentence_count == 1 and article.incident_count == 1


@pytest.mark.parametrize("mode", ["--fork", "--no-fork"])
def test_a_hundred_queued_jobs_all_succeed_on_postgresql(pg_queue, mode):
    import subprocess
    import sys

    app, env = pg_queue
    texts = [f"{i}. {TEXT}" for i in range(100)]
    job_ids = enqueue(app, texts)
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "webapp", "worker", "--burst", mode],
        env=env,
        capture_output=True,
        timeout=1800,  # a bound for a stuck worker, not a timing: a forked job costs seconds under load
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    found = statuses(app, job_ids)
    assert [s["status"] for s in found].count("finished") == 100
    assert all(s["result"]["created"] for s in found)
    with app.app_context():
        articles = db.session.scalars(select(Article)).all()
        assert len(articles) == 100 and all(a.is_complete() for a in articles)


def test_a_killed_worker_leaves_nothing_and_its_abandoned_job_is_retried(pg_queue, tmp_path):
    """Without fork the job dies with its worker; the next worker finds it abandoned and runs it again.

    RQ counts a job abandoned once its heartbeat lapses (a minute after its timeout), so this test
    waits that long.
    """
    import signal
    import subprocess
    import sys
    from pathlib import Path

    from rq.registry import StartedJobRegistry

    app, env = pg_queue
    app.config["INGEST_JOB_TIMEOUT"] = 10
    marker = tmp_path / "paused-pid"
    (job_id,) = enqueue(app, [TEXT])
    script = Path(__file__).with_name("paused_worker.py")
    worker = subprocess.Popen(
        [sys.executable, str(script), "--no-fork"], env={**env, "PAUSE_MARKER": str(marker)}
    )
    try:
        wait_for(lambda: marker.exists() and marker.read_text(), 120, "the worker to flush its rows")
        assert article_count(app) == 0
        os.kill(int(marker.read_text()), signal.SIGKILL)
        worker.wait(timeout=30)
    finally:
        worker.kill()
    with app.app_context():
        from webapp.queue import get_queue

        queue = get_queue()
        registry = StartedJobRegistry(queue=queue)
        wait_for(lambda: job_id in registry.get_expired_job_ids(), 180, "RQ to count the job abandoned")
        queue.connection.close()
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "webapp", "worker", "--burst"],
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    (status,) = statuses(app, [job_id])
    assert status["status"] == "finished" and status["result"]["created"] is True
    assert status["retries_left"] == 2
    with app.app_context():
        (article,) = db.session.scalars(select(Article)).all()
        assert article.is_complete()
