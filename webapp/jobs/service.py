"""Submitting a batch from the web: store it as a job, then run it now or hand it to the queue.

Without ``REDIS_URL`` the batch runs synchronously, in the request, and is bounded by
``BATCH_SYNC_MAX_ITEMS``.  Not in a background thread: a thread dies with its process without a
word (the job would sit ``running`` until it looked stale), competes with requests for SQLite's
one writer, and is invisible to a WSGI server's timeouts.  In the request the uploader waits,
but the job row still records every item as it goes, and larger batches belong to
``flask ingest --jsonl`` or a worker.  With ``REDIS_URL`` the batch is one RQ job
(:func:`webapp.queue.batch_job`) and the Jobs page shows its progress.
"""

from __future__ import annotations

from flask import current_app

from ..errors import BatchRefused
from ..extensions import db
from ..models import BatchJob
from ..queue import enqueue_batch, queue_enabled
from .batch import create_batch, get_job, run_batch
from .reader import ItemDraft, read_batch


def submit_upload(
    data: bytes, filename: str, *, options: dict[str, str] | None = None, user_name: str = ""
) -> BatchJob:
    """Read an uploaded ``.jsonl``/``.zip`` (``options`` override each item's published and
    language), store it as a job and start it (:func:`start_batch`); returns the job.

    Raises :class:`BatchRefused` for an unreadable or oversized upload, or, without a queue,
    more articles than ``BATCH_SYNC_MAX_ITEMS``; nothing is stored then.
    """
    drafts = read_batch(data, filename, max_bytes=int(current_app.config["BATCH_MAX_BYTES"]))
    if options:
        drafts = [ItemDraft(d.label, {**d.fields, **options}) if d.fields is not None else d for d in drafts]
    limit = int(current_app.config["BATCH_SYNC_MAX_ITEMS"])
    if not queue_enabled() and len(drafts) > limit:
        raise BatchRefused.too_many(len(drafts), limit)
    job = create_batch(drafts, filename, user_name=user_name)
    return start_batch(job.id, len(drafts))


def resume_batch(job_id: int) -> BatchJob:
    """Run the job's failed and remaining items again (now, or through the queue): the web's
    twin of ``flask jobs resume``.  Raises :class:`~webapp.errors.NotFound` for an unknown job,
    and without a queue :class:`BatchRefused` when more than ``BATCH_SYNC_MAX_ITEMS`` are left."""
    left = sum(1 for item in get_job(job_id).items if item.state != "done" and item.fields is not None)
    limit = int(current_app.config["BATCH_SYNC_MAX_ITEMS"])
    if not queue_enabled() and left > limit:
        raise BatchRefused.too_many(left, limit)
    return start_batch(job_id, left)


def start_batch(job_id: int, items: int) -> BatchJob:
    """Run the job now (no queue) or enqueue it; returns the job as it then stands.

    Raises :class:`~webapp.errors.QueueUnavailable` when Redis cannot be reached (the job stays
    ``queued``, for ``flask jobs resume``).
    """
    if queue_enabled():
        job = get_job(job_id)
        job.state, job.error = "queued", None  # a resumed job's page follows it again
        db.session.commit()
        enqueue_batch(job_id, items)
        return job
    return run_batch(job_id)
