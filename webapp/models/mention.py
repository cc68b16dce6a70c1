"""A place mention found in an article, with the place it resolved to."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db

if TYPE_CHECKING:
    from .article import Article


class Mention(db.Model):
    """A toponym at ``text[start:end]`` of its article.

    Columns filled from article text or gazetteer entries are ``Text``, so that a long
    imported name is stored alike on SQLite and PostgreSQL; ``String(n)`` columns hold
    only the app's own codes.

    The resolved place is denormalised (id, names, type, coordinates,
    geometry) so pages and the API never need the gazetteer; ``place_id`` is
    None for an unresolved mention.  ``candidates`` keeps the ranked
    alternatives for a later review queue.
    """

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    sentence_index: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    place_id: Mapped[str | None] = mapped_column(Text, index=True)
    place_name: Mapped[str] = mapped_column(Text, default="")
    place_name_ar: Mapped[str] = mapped_column(Text, default="")
    place_type: Mapped[str] = mapped_column(String(40), default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geometry: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    role: Mapped[str] = mapped_column(String(20), default="mentioned")
    reason: Mapped[str] = mapped_column(Text, default="")
    candidates: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    # What marked an unresolved name as a place, and the place named with it.
    cue: Mapped[str] = mapped_column(Text, default="")
    container_id: Mapped[str | None] = mapped_column(Text)
    container_name: Mapped[str] = mapped_column(Text, default="")
    container_name_ar: Mapped[str] = mapped_column(Text, default="")

    article: Mapped[Article] = relationship(back_populates="mentions")

    @property
    def resolved(self) -> bool:
        return self.place_id is not None
