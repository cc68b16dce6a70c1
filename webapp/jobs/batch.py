"""Batch jobs: many articles ingested as one job whose progress anyone can read.

A job is a ``batch_jobs`` row with one ``batch_items`` row per article, all written before any
article is ingested (:func:`create_batch`).  :func:`run_batch` then ingests each pending or
failed item through the one ingestion service, :func:`webapp.ingest.ingest_article`, in its own
transaction, and records the outcome on the item in the next one.  So a process that dies leaves
the items done so far marked done and the rest pending: the job shows as interrupted
(:func:`job_state`) and running it again (``flask jobs resume``) skips what is done.  An item
stored just before a crash but not yet marked is found again by its content hash (``existing``).

The web form, ``flask ingest`` and the queue's worker all create and run jobs through here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy import func, or_, select

from ..article_input import ArticleInput
from ..errors import AppError, NotFound
from ..extensions import db
from ..ingest import ingest_article
from ..messages import Message
from ..models import BatchItem, BatchJob
from .reader import ItemDraft

#: Most errors listed by :func:`job_status` (the page and ``flask jobs show`` list them all).
MAX_LISTED_ERRORS = 100


@dataclass(slots=True)
class Progress:
    """Counts of a job's items: ``done`` were run (stored or failed), of ``total``."""

    total: int
    created: int = 0
    existing: int = 0
    failed: int = 0

    @property
    def done(self) -> int:
        return self.created + self.existing + self.failed


def create_batch(drafts: list[ItemDraft], source: str, *, user_name: str = "") -> BatchJob:
    """Store a queued job with one item per draft (unreadable drafts already failed); commits."""
    job = BatchJob(source=source, state="queued", user_name=user_name)
    for position, draft in enumerate(drafts):
        job.items.append(
            BatchItem(
                position=position,
                label=draft.label,
                fields=draft.fields,
                state="failed" if draft.error is not None else "pending",
                error=draft.error.to_json() if draft.error is not None else None,
            )
        )
    db.session.add(job)
    db.session.commit()
    return job


def get_job(job_id: int) -> BatchJob:
    """The job ``job_id``; raises :class:`NotFound`."""
    job = db.session.get(BatchJob, job_id)
    if job is None:
        raise NotFound.resource("job", job_id)
    return job


def run_batch(job_id: int, *, on_item: Callable[[BatchItem, Progress], None] | None = None) -> BatchJob:
    """Ingest the job's pending and failed items (those with fields), one transaction each, in order;
    returns the job, ``done``, ``partial`` or ``failed``.

    ``on_item(item, progress)`` is called after each item in order, the items already finished
    included (they are not run again), for progress bars.  An item whose ingestion raises is
    marked failed with the error and the batch goes on; an interruption (``KeyboardInterrupt``,
    ``SystemExit``) marks the job failed and propagates.  Raises :class:`NotFound` for an unknown job.
    """
    job = get_job(job_id)
    # Ids only: a job of thousands of articles is not read into memory at once.
    finished = or_(BatchItem.state == "done", BatchItem.fields.is_(None))
    order = db.session.execute(
        select(BatchItem.id, finished).where(BatchItem.job_id == job_id).order_by(BatchItem.position)
    ).all()
    progress = Progress(total=len(order))
    job.state, job.error, job.finished_at = "running", None, None
    job.heartbeat_at = _now()
    db.session.commit()
    try:
        for item_id, finished in order:
            item = db.session.get(BatchItem, item_id) if finished else _run_item(item_id)
            assert item is not None
            _count_item(progress, item)
            if on_item is not None:
                on_item(item, progress)
    except BaseException:
        db.session.rollback()
        _stop(job_id, "failed", Message("batch.interrupted"))
        raise
    final = "done" if not progress.failed else ("failed" if progress.failed == progress.total else "partial")
    return _stop(job_id, final, None)


def _run_item(item_id: int) -> BatchItem:
    item = db.session.get(BatchItem, item_id)
    assert item is not None and item.fields is not None  # selected so by run_batch
    try:
        result = ingest_article(ArticleInput.from_cli(item.fields))
        outcome: dict[str, Any] = {
            "state": "done",
            "article_id": result.article.id,
            "created": result.created,
            "error": None,
        }
    except AppError as exc:
        outcome = {"state": "failed", "error": exc.as_message().to_json()}
    except Exception as exc:  # noqa: BLE001 - one item's bug must not lose the rest of the batch
        current_app.logger.exception("batch item %s failed", item_id)
        outcome = {"state": "failed", "error": Message("batch.crashed", {"why": repr(exc)}).to_json()}
    db.session.rollback()  # whatever the failed ingestion left; a success is already committed
    item = db.session.get(BatchItem, item_id)
    assert item is not None
    for name, value in outcome.items():
        setattr(item, name, value)
    item.job.heartbeat_at = _now()
    db.session.commit()
    return item


def _count_item(progress: Progress, item: BatchItem) -> None:
    if item.state == "failed":
        progress.failed += 1
    elif item.created:
        progress.created += 1
    else:
        progress.existing += 1


def _stop(job_id: int, state: str, error: Message | None) -> BatchJob:
    job = get_job(job_id)
    job.state, job.error = state, error.to_json() if error is not None else None
    job.finished_at = job.heartbeat_at = _now()
    db.session.commit()
    return job


def _progress(job_id: int) -> Progress:
    rows = db.session.execute(
        select(BatchItem.state, BatchItem.created, func.count())
        .where(BatchItem.job_id == job_id)
        .group_by(BatchItem.state, BatchItem.created)
    ).all()
    progress = Progress(total=sum(count for *_, count in rows))
    for state, created, count in rows:
        if state == "failed":
            progress.failed += count
        elif state == "done":
            progress.created += count if created else 0
            progress.existing += 0 if created else count
    return progress


def job_state(job: BatchJob) -> str:
    """The job's state as people should read it: a ``running`` job whose runner has not reported
    for ``BATCH_STALE_SECONDS`` is ``failed`` (its process ended; resume it)."""
    if job.state == "running" and _is_stale(job):
        return "failed"
    return job.state


def job_error(job: BatchJob) -> Message | None:
    """Why the job stopped, when it did before finishing."""
    if job.state == "running" and _is_stale(job):
        return Message("batch.interrupted")
    return Message.from_json(job.error) if job.error else None


def _is_stale(job: BatchJob) -> bool:
    seen = job.heartbeat_at or job.created_at
    if seen is None:
        return False
    if seen.tzinfo is None:  # SQLite gives naive datetimes back
        seen = seen.replace(tzinfo=dt.UTC)
    stale = float(current_app.config.get("BATCH_STALE_SECONDS", 600))
    return (_now() - seen).total_seconds() > stale


def job_status(job: BatchJob, *, lang: str = "en") -> dict[str, Any]:
    """``{"id", "state", "done", "total", "failed", "created", "existing", "errors", "error"}``:
    ``done`` items were run (stored or failed) of ``total``; ``errors`` lists the first
    :data:`MAX_LISTED_ERRORS` failed items as ``{"item", "error"}`` in ``lang``."""
    progress = _progress(job.id)
    failed = db.session.scalars(
        select(BatchItem)
        .where(BatchItem.job_id == job.id, BatchItem.state == "failed")
        .order_by(BatchItem.position)
        .limit(MAX_LISTED_ERRORS)
    )
    error = job_error(job)
    return {
        "id": job.id,
        "source": job.source,
        "state": job_state(job),
        "done": progress.done,
        "total": progress.total,
        "failed": progress.failed,
        "created": progress.created,
        "existing": progress.existing,
        "errors": [{"item": item.label, "error": item_error(item, lang)} for item in failed],
        "error": error.render(lang) if error is not None else None,
    }


def item_error(item: BatchItem, lang: str = "en") -> str | None:
    """The item's error in ``lang``."""
    return Message.from_json(item.error).render(lang) if item.error else None


def list_jobs(limit: int = 50) -> list[BatchJob]:
    """The latest jobs, newest first."""
    return list(db.session.scalars(select(BatchJob).order_by(BatchJob.id.desc()).limit(limit)))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
