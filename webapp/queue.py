"""Optional background ingestion through RQ: attached only when ``REDIS_URL`` is set.

Without ``REDIS_URL`` every caller ingests synchronously and this module is
never touched.  With it, the form and the API enqueue :func:`ingest_job` by
name and answer with a job id; ``flask worker`` runs the jobs.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, has_app_context

from .errors import AppError, NotFound, QueueUnavailable

JOB_NAME = "webapp.queue.ingest_job"
_worker_app: Flask | None = None


def queue_enabled(app: Flask | None = None) -> bool:
    """True when a Redis URL is configured."""
    app = app or current_app
    return bool(app.config.get("REDIS_URL"))


def get_queue(app: Flask | None = None):  # noqa: ANN201 - rq.Queue, imported lazily
    """The RQ queue of the app (Redis connection from ``REDIS_URL``)."""
    from redis import Redis
    from rq import Queue

    app = app or current_app
    connection = Redis.from_url(app.config["REDIS_URL"])
    return Queue(app.config["RQ_QUEUE"], connection=connection)


def enqueue_ingest(payload: dict[str, Any]) -> str:
    """Enqueue :func:`ingest_job` with the ingestion keywords; returns the job id.

    Raises :class:`QueueUnavailable` when Redis cannot be reached.
    """
    from redis.exceptions import RedisError

    try:
        job = get_queue().enqueue(JOB_NAME, payload, result_ttl=86400, failure_ttl=86400)
    except RedisError as exc:
        raise QueueUnavailable.because(exc) from exc
    return job.id


def ingest_job(payload: dict[str, Any]) -> dict[str, Any]:
    """The job: ingest one article; returns ``{"article_id", "created"}`` or ``{"error", "status"}``.

    Runs inside the current app context when there is one (``flask worker``,
    tests), else in an app built once per worker process.
    """
    from .ingest import ingest_article

    if has_app_context():
        return _run(ingest_article, payload)
    global _worker_app
    if _worker_app is None:
        from . import create_app

        _worker_app = create_app()
    with _worker_app.app_context():
        return _run(ingest_article, payload)


def _run(ingest_article, payload: dict[str, Any]) -> dict[str, Any]:  # noqa: ANN001
    try:
        result = ingest_article(**payload)
    except AppError as exc:
        # Input errors are answers, not crashes: the status endpoint reports them.
        return {"error": exc.message, "status": exc.status}
    return {"article_id": result.article.id, "created": result.created}


def job_status(job_id: str) -> dict[str, Any]:
    """``{"id", "status", "result"?, "error"?}`` for a job; raises :class:`NotFound` for an unknown id."""
    from redis.exceptions import RedisError
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    queue = get_queue()
    try:
        job = Job.fetch(job_id, connection=queue.connection)
    except NoSuchJobError:
        raise NotFound.resource("job", job_id) from None
    except RedisError as exc:
        raise QueueUnavailable.because(exc) from exc
    status = job.get_status()
    info: dict[str, Any] = {"id": job.id, "status": str(getattr(status, "value", status))}
    if info["status"] == "finished":
        info["result"] = job.return_value()
    elif info["status"] == "failed":
        latest = job.latest_result()
        info["error"] = (latest.exc_string or "failed").strip().splitlines()[-1] if latest else "failed"
    return info


def run_worker(app: Flask, *, burst: bool = False) -> None:
    """Process jobs from the app's queue in this process (``flask worker``); loads the gazetteer first."""
    from rq import Worker

    from .extensions import gazetteers

    global _worker_app
    _worker_app = app
    gazetteers.get(app)  # loaded once here, inherited by every forked job
    queue = get_queue(app)
    Worker([queue], connection=queue.connection).work(burst=burst)
