"""News feeds (RSS/Atom) that are polled for new articles, and the entries already taken from them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db


class Feed(db.Model):
    """A feed to poll, with what its last poll did (``last_result``: ``ok`` or ``failed``)."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    last_polled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_result: Mapped[str] = mapped_column(String(20), default="")
    last_error: Mapped[str] = mapped_column(Text, default="")
    # Articles the last poll created, found already stored, and failed to take.
    last_created: Mapped[int] = mapped_column(Integer, default=0)
    last_existing: Mapped[int] = mapped_column(Integer, default=0)
    last_failed: Mapped[int] = mapped_column(Integer, default=0)

    entries: Mapped[list[FeedEntry]] = relationship(back_populates="feed", cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"<Feed {self.id} {self.url!r}>"


class FeedEntry(db.Model):
    """An entry of a feed that was ingested (or found stored), by its GUID, or its link without one."""

    __tablename__ = "feed_entries"
    __table_args__ = (UniqueConstraint("feed_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(2000))
    url: Mapped[str] = mapped_column(String(2000), default="")
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    feed: Mapped[Feed] = relationship(back_populates="entries")
