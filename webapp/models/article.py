"""An ingested article: its text, metadata and content hash."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Date, DateTime, Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db

if TYPE_CHECKING:
    from .incident import Incident
    from .mention import Mention
    from .sentence import Sentence


class Article(db.Model):
    """One article; ``content_hash`` (unique) makes re-submitting the same text a no-op."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500), default="")
    source_name: Mapped[str] = mapped_column(String(200), default="")
    source_url: Mapped[str] = mapped_column(String(2000), default="")
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String(8), default="")
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    author: Mapped[str] = mapped_column(String(200), default="")
    # A fetched page's normalised address (webapp.fetch.canonical_url): one article per page.
    canonical_url: Mapped[str | None] = mapped_column(String(2000), unique=True)
    # How many rows ingestion derived, written in the same transaction as those rows, so that
    # an article missing some of them is recognised as incomplete (see ``is_complete``).
    sentence_count: Mapped[int | None] = mapped_column(Integer)
    mention_count: Mapped[int | None] = mapped_column(Integer)
    incident_count: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    sentences: Mapped[list[Sentence]] = relationship(
        back_populates="article", order_by="Sentence.index", cascade="all, delete-orphan"
    )
    mentions: Mapped[list[Mention]] = relationship(
        back_populates="article", order_by="Mention.start", cascade="all, delete-orphan"
    )
    incidents: Mapped[list[Incident]] = relationship(
        back_populates="article", order_by="Incident.sentence_index", cascade="all, delete-orphan"
    )

    def is_complete(self) -> bool:
        """True when every sentence, mention and incident that ingestion derived is stored."""
        from .incident import Incident
        from .mention import Mention
        from .sentence import Sentence

        if self.sentence_count is None:
            return False
        stored = db.session.execute(
            select(
                *(
                    select(func.count()).where(model.article_id == self.id).scalar_subquery()
                    for model in (Sentence, Mention, Incident)
                )
            )
        ).one()
        return tuple(stored) == (self.sentence_count, self.mention_count, self.incident_count)

    @property
    def is_rtl(self) -> bool:
        return self.language in ("ar", "fa", "ur", "he")

    def __repr__(self) -> str:
        return f"<Article {self.id} {self.title[:30]!r}>"
