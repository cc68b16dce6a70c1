"""The normalised search text of every incident, for Arabic-aware free-text filtering.

One row per incident in ``incident_search``: the sentence, place names, types,
actors, location description and article title, each word passed through
:func:`gazetteer.places.normalize.normalize_token` (hamza/alef/ta marbuta folding,
tashkeel dropped, Latin casefolded).  A query is normalised the same way, so
«إدلب», «ادلب» and «وإدلب» all meet «ادلب».  Rows are written by an ORM
``after_insert`` hook on :class:`~webapp.models.Incident` (so the ingestion
service needs no change) and by :func:`search_rows` for bulk writers (seed).  Substring
searches over them are served by text indexes (FTS5 trigrams on SQLite, pg_trgm on
PostgreSQL; :mod:`webapp.models.indexes`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import ForeignKey, Integer, Text, event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from gazetteer import tokenize

from ..extensions import db
from .article import Article
from .incident import Incident


class IncidentSearch(db.Model):
    """``text`` and ``actors`` hold space-padded normalised words: `` w1 w2 … ``."""

    __tablename__ = "incident_search"

    incident_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    actors: Mapped[str] = mapped_column(Text, default="")


def normalized_words(*parts: str | None) -> str:
    """The normalised words of ``parts``, space-separated and space-padded (``""`` when none)."""
    words = [t.norm for part in parts if part for t in tokenize(part)]
    return f" {' '.join(words)} " if words else ""


def normalized_actor(actor: str) -> str:
    """An actor as stored in ``actors``: normalised words joined by ``_`` ("Syrian army" stays one)."""
    return "_".join(t.norm for t in tokenize(actor))


def search_row(
    *,
    incident_id: int,
    sentence: str | None,
    place_name: str | None,
    place_name_ar: str | None,
    event_type: str | None,
    sub_event_type: str | None,
    location_description: str | None,
    actors: Iterable[str] | None,
    title: str | None = None,
    words: Callable[..., str] = normalized_words,
    actor_key: Callable[[str], str] = normalized_actor,
) -> dict[str, Any]:
    """The ``incident_search`` row of one incident, as a dict for an insert.

    ``words`` and ``actor_key`` default to :func:`normalized_words` and :func:`normalized_actor`;
    a bulk writer may pass memoised equivalents (same results, fewer tokenisations).
    """
    actor_list = list(actors or [])
    actor_keys = [actor_key(a) for a in actor_list]
    return {
        "incident_id": incident_id,
        "text": words(
            sentence,
            place_name,
            place_name_ar,
            event_type,
            sub_event_type,
            location_description,
            " ".join(actor_list),
            title,
        ),
        "actors": f" {' '.join(k for k in actor_keys if k)} " if any(actor_keys) else "",
    }


@event.listens_for(Incident, "after_insert")
def _index_incident(mapper: Mapper[Any], connection: Connection, target: Incident) -> None:
    # Runs inside the ingestion transaction, so the index row commits or rolls back with the incident.
    sentence = target.sentence.text if target.sentence is not None else None
    title = target.article.title if target.article is not None else None
    connection.execute(
        IncidentSearch.__table__.insert(),
        search_row(
            incident_id=target.id,
            sentence=sentence,
            place_name=target.place_name,
            place_name_ar=target.place_name_ar,
            event_type=target.event_type,
            sub_event_type=target.sub_event_type,
            location_description=target.location_description,
            actors=target.actors,
            title=title,
        ),
    )


class ArticleSearch(db.Model):
    """The normalised words of an article's title and text, space-padded (for the articles list search)."""

    __tablename__ = "article_search"

    article_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text, default="")


def article_search_row(
    *, article_id: int, title: str | None, text: str | None, words: Callable[..., str] = normalized_words
) -> dict[str, Any]:
    """The ``article_search`` row of one article, as a dict for an insert.

    ``words``: as in :func:`search_row`."""
    return {"article_id": article_id, "text": words(title, text)}


@event.listens_for(Article, "after_insert")
def _index_article(mapper: Mapper[Any], connection: Connection, target: Article) -> None:
    connection.execute(
        ArticleSearch.__table__.insert(),
        article_search_row(article_id=target.id, title=target.title, text=target.text),
    )
