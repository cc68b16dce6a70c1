"""A sentence of an article, with its character offsets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db

if TYPE_CHECKING:
    from .article import Article


class Sentence(db.Model):
    """``text == article.text[start:end]``; ``index`` counts from 0 and anchors ``#s-<index>``."""

    __tablename__ = "sentences"
    __table_args__ = (UniqueConstraint("article_id", "index", name="uq_sentence_article_index"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    article: Mapped[Article] = relationship(back_populates="sentences")
