"""Bulk writing of :mod:`webapp.seed`'s synthetic articles, for benchmarks at a million incidents.

:func:`write` gives every row its id up front (PostgreSQL: ``nextval`` of the tables'
sequences, so concurrent writers still get distinct ids; SQLite: above the largest id, as
SQLite itself numbers rows of these tables (no ``AUTOINCREMENT``), and a concurrent writer's
row would fail the primary key rather than share an id), then writes each table in one
statement through the driver: PostgreSQL ``COPY``, SQLite ``executemany`` of one prepared
``INSERT``.  No ORM events run, so the search rows (``incident_search``, ``article_search``)
are written here too, normalised as :func:`~webapp.models.search.search_row` does, through a
per-chunk memo (:func:`memo_words`).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import JSON, Table

from gazetteer import tokenize

from .database import session_dialect
from .extensions import db
from .models import Article, Incident, Sentence
from .models.search import ArticleSearch, IncidentSearch, article_search_row, normalized_actor, search_row


@functools.lru_cache(maxsize=1 << 16)
def _chunk_norms(chunk: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(chunk))


def memo_words(*parts: str | None) -> str:
    """:func:`~webapp.models.search.normalized_words`, memoised per space-separated chunk: a space
    always ends a word, so the words of a text are those of its chunks, in order.  Synthetic
    sentences repeat their chunks (verbs, places, dates), so most are tokenised once."""
    words = [w for part in parts if part for chunk in part.split(" ") if chunk for w in _chunk_norms(chunk)]
    return f" {' '.join(words)} " if words else ""


memo_actor = functools.lru_cache(maxsize=1024)(normalized_actor)


def write(articles: list[dict[str, Any]]) -> list[int]:
    """Insert ``articles`` (as :func:`webapp.seed.generate` yields them) with their sentences,
    incidents and search rows, in the session's transaction (the caller commits).  Returns the
    incidents' ids."""
    sentences = [(a, s) for a in articles for s in a["sentences"]]
    incidents = [(a, i) for a in articles for i in a["incidents"]]
    article_ids = _new_ids(Article.__table__, len(articles))
    sentence_ids = _new_ids(Sentence.__table__, len(sentences))
    incident_ids = _new_ids(Incident.__table__, len(incidents))
    for art, aid in zip(articles, article_ids, strict=True):
        art["id"] = aid
    sentence_id = {(a["id"], s["index"]): sid for (a, s), sid in zip(sentences, sentence_ids, strict=True)}
    sentence_text = {(a["id"], s["index"]): s["text"] for a, s in sentences}
    _insert(
        Article.__table__,
        [
            {
                "id": a["id"],
                "title": a["title"],
                "source_name": "synthetic",
                "source_url": "",
                "published": a["published"],
                "language": "en",
                "text": a["text"],
                "content_hash": hashlib.sha256(a["text"].encode("utf-8")).hexdigest(),
            }
            for a in articles
        ],
    )
    _insert(
        ArticleSearch.__table__,
        [
            article_search_row(article_id=a["id"], title=a["title"], text=a["text"], words=memo_words)
            for a in articles
        ],
    )
    _insert(
        Sentence.__table__,
        [
            {"id": sid, "article_id": a["id"], **s}
            for (a, s), sid in zip(sentences, sentence_ids, strict=True)
        ],
    )
    rows, search = [], []
    for (a, inc), iid in zip(incidents, incident_ids, strict=True):
        key = (a["id"], inc["sentence_index"])
        row = {k: v for k, v in inc.items() if k != "mention"}
        row.update(id=iid, article_id=a["id"], sentence_id=sentence_id[key], mention_id=None)
        rows.append(row)
        search.append(
            search_row(
                incident_id=iid,
                sentence=sentence_text[key],
                place_name=row["place_name"],
                place_name_ar=row["place_name_ar"],
                event_type=row["event_type"],
                sub_event_type=row["sub_event_type"],
                location_description=row["location_description"],
                actors=row["actors"],
                words=memo_words,
                actor_key=memo_actor,
            )
        )
    _insert(Incident.__table__, rows)
    _insert(IncidentSearch.__table__, search)
    return incident_ids


def _new_ids(table: Table, n: int) -> list[int]:
    """``n`` fresh ids for ``table``'s integer primary key ``id``."""
    if not n:
        return []
    cursor = _raw_cursor()
    try:
        if session_dialect() == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                (table.name, n),
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table.name}")
        top = int(cursor.fetchone()[0])
        return list(range(top + 1, top + 1 + n))
    finally:
        cursor.close()


def _insert(table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Write ``rows`` into ``table``: the columns the rows name, the others from their scalar
    defaults (``created_at`` and the like, server defaults, are left to the database)."""
    if not rows:
        return
    names = list(rows[0])
    defaults = {
        c.name: c.default.arg
        for c in table.columns
        if c.name not in names and c.default is not None and c.default.is_scalar
    }
    columns = [*names, *defaults]
    # SQLAlchemy's JSON type stores None as JSON null unless the column says none_as_null.
    json_columns = {c.name: c.type.none_as_null for c in table.columns if isinstance(c.type, JSON)}
    values = _values(rows, names, list(defaults.values()), json_columns)
    quoted = ", ".join(f'"{c}"' for c in columns)
    cursor = _raw_cursor()
    try:
        if session_dialect() == "postgresql":
            with cursor.copy(f"COPY {table.name} ({quoted}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in columns)
            cursor.executemany(f"INSERT INTO {table.name} ({quoted}) VALUES ({marks})", values)
    finally:
        cursor.close()


def _values(
    rows: Iterable[dict[str, Any]], names: list[str], defaults: list[Any], json_columns: dict[str, bool]
) -> Iterable[tuple[Any, ...]]:
    # JSON columns are stored as SQLAlchemy's JSON type stores them (json.dumps); SQLite takes
    # dates as ISO text, which is how SQLAlchemy's Date type writes them there.
    encode_date = session_dialect() == "sqlite"
    for row in rows:
        out = []
        for name in names:
            value = row[name]
            if name in json_columns and not (value is None and json_columns[name]):
                value = json.dumps(value)
            elif encode_date and isinstance(value, dt.date):
                value = value.isoformat()
            out.append(value)
        yield (*out, *defaults)


def _raw_cursor() -> Any:
    """A cursor of the session's own DBAPI connection (so the rows join its transaction)."""
    return db.session.connection().connection.driver_connection.cursor()
