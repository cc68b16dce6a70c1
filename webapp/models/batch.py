"""A batch of articles ingested as one job (``batch_jobs``), with one row per article (``batch_items``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .article import Article

#: A job's states: waiting, being run, every item stored, some items failed, nothing stored.
JOB_STATES = ("queued", "running", "done", "partial", "failed")
#: An item's states: not yet run, stored (created or existing), refused or crashed.
ITEM_STATES = ("pending", "done", "failed")


class BatchJob(db.Model):
    """One upload of many articles (a ``.jsonl`` or ``.zip``, or ``flask ingest``), run by
    :func:`webapp.jobs.batch.run_batch`; ``error`` (a message as JSON) says why it stopped, if it did.

    ``state`` is written by the runner; ``heartbeat_at`` after every item, so a job left
    ``running`` by a process that died shows as interrupted (:func:`webapp.jobs.batch.job_state`).
    """

    __tablename__ = "batch_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), default="queued")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    heartbeat_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    user_name: Mapped[str] = mapped_column(Text, default="")
    error: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    items: Mapped[list[BatchItem]] = relationship(
        back_populates="job", order_by="BatchItem.position", cascade="all, delete-orphan"
    )


class BatchItem(db.Model):
    """One article of a batch: its ``fields`` (:meth:`ArticleInput.from_cli`'s item), or None when
    it could not even be read, and what ingesting it gave; ``error`` is a
    :meth:`~webapp.messages.Message.to_json` (so the page can say it in Arabic)."""

    __tablename__ = "batch_items"
    __table_args__ = (Index("ix_batch_items_job_state", "job_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("batch_jobs.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(Text)
    # SQL NULL, not JSON null, for None: run_batch selects the items to run by it.
    fields: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    state: Mapped[str] = mapped_column(String(20), default="pending")
    error: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    created: Mapped[bool | None] = mapped_column(Boolean)
    job: Mapped[BatchJob] = relationship(back_populates="items")
    article: Mapped[Article | None] = relationship()
