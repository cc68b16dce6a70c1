"""Optional background ingestion through RQ: attached only when ``REDIS_URL`` is set.

Without ``REDIS_URL`` every caller ingests synchronously and this module is
never touched.  With it, the form and the API enqueue :func:`ingest_job` by
name and answer with a job id; ``flask worker`` runs the jobs, and every
``FEED_POLL_MINUTES`` polls the feeds (:func:`feeds_poll_job`, through RQ's scheduler).

A job is one ingestion, so one database transaction: when it raises, or its
work-horse process is killed, nothing of it is stored, and RQ runs it again
(``INGEST_RETRY_INTERVALS``, three times by default) before marking it failed.
Invalid input is not retried: the job finishes with the error as its result.

A batch of articles (:mod:`webapp.jobs`) is one RQ job, :func:`batch_job`, whose items are
rows in the database, each ingested in its own transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask, current_app, has_app_context

from .article_input import ArticleInput
from .errors import InvalidArticle, NotFound, QueueUnavailable
from .messages import Message

JOB_NAME = "webapp.queue.ingest_job"
BATCH_JOB_NAME = "webapp.queue.batch_job"
FEEDS_JOB_NAME = "webapp.queue.feeds_poll_job"
#: How often a worker looks for jobs abandoned by a killed worker (RQ's default is 600 s).
MAINTENANCE_SECONDS = 60
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


def enqueue_ingest(article: ArticleInput) -> str:
    """Enqueue :func:`ingest_job` for ``article`` (sent as a plain dict); returns the job id.

    Raises :class:`QueueUnavailable` when Redis cannot be reached.
    """
    from redis.exceptions import RedisError
    from rq import Retry

    intervals = list(current_app.config["INGEST_RETRY_INTERVALS"])
    retry = Retry(max=len(intervals), interval=intervals) if intervals else None
    try:
        job = get_queue().enqueue(
            JOB_NAME,
            article.to_dict(),
            job_timeout=int(current_app.config["INGEST_JOB_TIMEOUT"]),
            result_ttl=86400,
            failure_ttl=86400,
            retry=retry,
        )
    except RedisError as exc:
        raise QueueUnavailable.because(exc) from exc
    return job.id


def ingest_job(fields: dict[str, Any]) -> dict[str, Any]:
    """The job: ingest the article of ``fields`` (:meth:`ArticleInput.to_dict`); returns
    ``{"article_id", "created"}``, or for invalid input ``{"error", "status", "message"}``:
    the error in English, its HTTP status, and its :class:`~webapp.messages.Message` as JSON.

    Raises :class:`~webapp.errors.IngestFailed` (and RQ retries the job) when
    geoparsing or the database fails.  Runs inside the current app context when
    there is one (``flask worker``, tests), else in an app built once per worker
    process.
    """
    return _in_app_context(_run, fields)


def _in_app_context(run: Callable[[Any], dict[str, Any]], argument: Any) -> dict[str, Any]:
    """``run(argument)`` in the current app context, or in an app built once per worker process."""
    if has_app_context():
        return run(argument)
    global _worker_app
    if _worker_app is None:
        from . import create_app

        _worker_app = create_app()
    with _worker_app.app_context():
        return run(argument)


def schedule_feed_polls(app: Flask | None = None, *, delay_minutes: int = 0) -> bool:
    """Schedule :func:`feeds_poll_job` in ``delay_minutes`` on the app's queue, unless
    ``FEED_POLL_MINUTES`` is 0 or a poll is already scheduled (however many workers start,
    one poll waits); True when scheduled.  RQ's scheduler (``flask worker``) runs it."""
    import datetime as dt

    from rq.job import Job
    from rq.registry import ScheduledJobRegistry

    app = app or current_app
    if int(app.config["FEED_POLL_MINUTES"]) <= 0:
        return False
    queue = get_queue(app)
    waiting = ScheduledJobRegistry(queue=queue).get_job_ids()
    jobs = Job.fetch_many(waiting, connection=queue.connection)
    if any(job is not None and job.func_name == FEEDS_JOB_NAME for job in jobs):
        return False
    queue.enqueue_in(dt.timedelta(minutes=delay_minutes), FEEDS_JOB_NAME, result_ttl=86400)
    return True


def feeds_poll_job() -> list[dict[str, Any]]:
    """The job: poll every feed (:func:`webapp.feeds.service.poll_feeds`), then schedule the next
    poll in ``FEED_POLL_MINUTES``; returns each feed's counts and errors."""
    if has_app_context():
        return _poll_feeds()
    global _worker_app
    if _worker_app is None:
        from . import create_app

        _worker_app = create_app()
    with _worker_app.app_context():
        return _poll_feeds()


def _poll_feeds() -> list[dict[str, Any]]:
    from .extensions import db
    from .feeds.service import poll_feeds

    try:
        results = poll_feeds()
    finally:
        db.session.remove()
        # The next poll is scheduled even when this one raised: a bad night must not end polling.
        schedule_feed_polls(delay_minutes=int(current_app.config["FEED_POLL_MINUTES"]))
    return [
        {
            "feed_id": r.feed_id,
            "created": r.created,
            "existing": r.existing,
            "failed": r.failed,
            "errors": r.errors,
        }
        for r in results
    ]


def _run(fields: dict[str, Any]) -> dict[str, Any]:
    from .extensions import db
    from .ingest import ingest_article

    try:
        # Validated again here: the limits are this process's, and the job may be older than them.
        result = ingest_article(ArticleInput.from_dict(fields))
        return {"article_id": result.article.id, "created": result.created}
    except InvalidArticle as exc:
        # Input errors are answers, not crashes: running the job again would give the same one.
        return {"error": exc.message, "status": exc.status, "message": exc.as_message().to_json()}
    finally:
        db.session.remove()  # the connection goes back to the pool before the work-horse exits


def enqueue_batch(batch_id: int, items: int) -> str:
    """Enqueue :func:`batch_job` for the batch job ``batch_id`` of ``items`` articles; returns the
    RQ job id.  Raises :class:`QueueUnavailable` when Redis cannot be reached.

    Its timeout allows every item ``INGEST_JOB_TIMEOUT``.  A retry, or ``flask jobs resume``,
    runs only the items not done (:func:`webapp.jobs.batch.run_batch`).
    """
    from redis.exceptions import RedisError
    from rq import Retry

    intervals = list(current_app.config["INGEST_RETRY_INTERVALS"])
    retry = Retry(max=len(intervals), interval=intervals) if intervals else None
    try:
        job = get_queue().enqueue(
            BATCH_JOB_NAME,
            batch_id,
            job_timeout=int(current_app.config["INGEST_JOB_TIMEOUT"]) * max(items, 1) + 60,
            result_ttl=86400,
            failure_ttl=86400,
            retry=retry,
        )
    except RedisError as exc:
        raise QueueUnavailable.because(exc) from exc
    return job.id


def batch_job(batch_id: int) -> dict[str, Any]:
    """The job of a batch: run the batch job ``batch_id``'s items not done; returns its status.

    Its progress and outcome live in the database (:mod:`webapp.jobs.batch`), not in RQ.
    """
    return _in_app_context(_run_batch, batch_id)


def _run_batch(batch_id: int) -> dict[str, Any]:
    from .extensions import db
    from .jobs.batch import job_status, run_batch

    try:
        return job_status(run_batch(batch_id))
    finally:
        db.session.remove()


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
    if job.retries_left is not None:
        info["retries_left"] = job.retries_left
    if info["status"] == "finished":
        info["result"] = job.return_value()
    elif info["status"] == "failed":
        latest = job.latest_result()
        info["error"] = (latest.exc_string or "failed").strip().splitlines()[-1] if latest else "failed"
    return info


def job_error(info: dict[str, Any]) -> Message | str | None:
    """What went wrong with the job of :func:`job_status` ``info``, or None when nothing (yet).

    The input error a job finished with is a :class:`Message`, to show in any language; a failed
    job gives the last line of its exception, as RQ stored it.
    """
    result = info.get("result")
    if isinstance(result, dict) and "error" in result:
        return Message.from_json(result["message"]) if "message" in result else str(result["error"])
    return info.get("error")


def run_worker(app: Flask, *, burst: bool = False, fork: bool = False) -> None:
    """Process jobs from the app's queue (``flask worker``).

    Jobs run in this process (RQ's ``SimpleWorker``), or with ``fork`` each in a
    forked work-horse, so that a job that crashes the interpreter or exhausts
    memory takes nothing else down (about five times slower: see
    ``python -m webapp.bench_queue``).  Either way a job is one transaction, so
    a killed process leaves nothing of its job; RQ retries a killed work-horse's
    job at once, and a killed worker's job once a worker finds it abandoned: its
    heartbeat lapses ``INGEST_JOB_TIMEOUT`` + 60 s after it started, and workers
    look every :data:`MAINTENANCE_SECONDS`.  The schema check, the ORM set-up,
    the geoparser and the gazetteer's indexes are done here, once, so that every
    job starts with them;
    work-horses open their own database connections (see :mod:`webapp.database`).
    The scheduler runs the retries and the feed polls.  Raises :class:`~webapp.errors.DatabaseNotReady`
    when the schema is not current.
    """
    from rq import SimpleWorker, Worker

    from . import database
    from .extensions import db, gazetteers

    global _worker_app
    _worker_app = app
    with app.app_context():
        database.prepare(app)
        gazetteers.preload(app)  # which also sets what it loaded aside from the garbage collector
        db.session.remove()
    queue = get_queue(app)
    schedule_feed_polls(app)
    worker_class = Worker if fork else SimpleWorker
    worker = worker_class([queue], connection=queue.connection, maintenance_interval=MAINTENANCE_SECONDS)
    worker.work(burst=burst, with_scheduler=True)
