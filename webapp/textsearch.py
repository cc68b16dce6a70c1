"""The text criteria of the incident filters in SQL: free text, actors, source and article.

``incident_search`` holds, for each incident, its normalised words and its actors' keys,
space-separated (:mod:`webapp.models.search`).  A filter's query word matches an incident when
it is a substring of those words (so «ادلب» finds «وادلب»), and an actor when it is a part of
one of its keys.  :func:`search_ids` asks the text indexes that question; the map index asks
its own term index the same (:mod:`webapp.mapterms`), with the words of :func:`search_terms`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import ColumnElement, Select, Text, any_, cast, func, literal_column, or_, select
from sqlalchemy.orm import aliased

from gazetteer import tokenize

from .database import is_one_of, session_dialect
from .extensions import db
from .models import Article, Incident
from .models.indexes import INCIDENT_SEARCH_FTS
from .models.search import IncidentSearch, normalized_actor

if TYPE_CHECKING:
    from .filters import Filters


def text_criteria(flt: Filters) -> list[ColumnElement[bool]]:
    """WHERE clauses over :class:`Incident` for the free text, actors, source and article of ``flt``."""
    crit: list[ColumnElement[bool]] = []
    if flt.article_id is not None:
        # An article reports its own incidents, and those its reports were merged into.
        merged = aliased(Incident)
        crit.append(
            or_(
                Incident.article_id == flt.article_id,
                Incident.id.in_(
                    select(merged.merged_into_id).where(
                        merged.article_id == flt.article_id, merged.merged_into_id.is_not(None)
                    )
                ),
            )
        )
    if flt.source:
        crit.append(
            Incident.article_id.in_(
                select(Article.id).where(
                    Article.source_name.ilike(f"%{escape_like(flt.source)}%", escape="\\")
                )
            )
        )
    search = search_ids(flt)
    if search is not None:
        if session_dialect() == "postgresql":
            # The matching ids first, as one array: otherwise, for "newest first, LIMIT n", the
            # planner may walk the date index through a million incidents probing each one.
            crit.append(Incident.id == any_(func.array(search.scalar_subquery())))
        else:
            crit.append(Incident.id.in_(search))
    return crit


def search_terms(flt: Filters) -> tuple[list[str], list[str]]:
    """The normalised words of ``flt``'s free text, and the keys of its actors, as searched in
    ``incident_search`` (by :func:`search_ids`, and by the map index's terms)."""
    words = [token.norm for token in tokenize(flt.q)]
    actor_keys = [k for k in (normalized_actor(a) for a in flt.actors) if k]
    return words, actor_keys


def search_ids(flt: Filters, *, among: Sequence[int] | None = None) -> Select[Any] | None:
    """The ids of the incidents whose search row matches the free text and actors of ``flt`` (None: no
    such criterion), answered from a text index: FTS5 trigrams on SQLite, pg_trgm on PostgreSQL.

    Every query word must occur in ``text`` and one of the actors in ``actors``, as a substring of
    the normalised words (so a word is found with Arabic proclitics: «ادلب» in «وادلب»; an actor by
    any part of its name: «الجيش» in «قوات_الجيش_السوري»).  PostgreSQL's trigram index answers
    ``LIKE '%part%'``; on SQLite a part is a phrase of trigrams in an FTS5 ``MATCH``, which is the
    same substring test answered from the index alone.  Parts under three characters have no
    trigram: they are tested on every row.  With ``among`` (a few incident ids), only those are
    tested, row by row (an index would only slow that down).
    """
    words, actor_keys = search_terms(flt)
    if not words and not actor_keys:
        return None
    if among is not None or session_dialect() != "sqlite":
        crit = [_contains(IncidentSearch.text, w) for w in words]
        if actor_keys:
            # An actor's key holds no space, so a part never spans two actors of the padded column.
            crit.append(or_(*(_contains(IncidentSearch.actors, k) for k in actor_keys)))
        if among is not None:
            crit.append(is_one_of(IncidentSearch.incident_id, among))
        return select(IncidentSearch.incident_id).where(*crit)
    fts = INCIDENT_SEARCH_FTS
    phrases = [f"text : {_phrase(w)}" for w in words if len(w) >= TRIGRAM]
    crit = [_contains(fts.c.text, w) for w in words if len(w) < TRIGRAM]
    if actor_keys and all(len(k) >= TRIGRAM for k in actor_keys):
        phrases.append("actors : (" + " OR ".join(_phrase(k) for k in actor_keys) + ")")
    elif actor_keys:
        crit.append(or_(*(_contains(fts.c.actors, k) for k in actor_keys)))
    if phrases:
        crit.append(literal_column(fts.name).op("MATCH")(" AND ".join(phrases)))
    return select(fts.c.rowid).select_from(fts).where(*crit)


#: The length of the pieces text indexes are made of: a part must be this long to use them.
TRIGRAM = 3


def _phrase(part: str) -> str:
    """``part`` as an FTS5 phrase: in double quotes, its own double quotes doubled."""
    return '"' + part.replace('"', '""') + '"'


def _contains(column: Any, part: str) -> ColumnElement[bool]:
    """``column`` holds ``part`` as a substring (``LIKE``, its wildcards escaped)."""
    return column.like(f"%{escape_like(part)}%", escape="\\")


def escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def matching_ids(text_only: Filters, *, among: np.ndarray | None = None) -> np.ndarray:
    """The sorted ids of the incidents matching ``text_only``'s free text, actors, source and
    article, asked of the database (only those of ``among`` when given)."""
    ids = None if among is None else among.tolist()
    # Free text and actors only: the text index alone answers, unless they hold no word (q=":").
    query = None if text_only.source or text_only.article_id is not None else search_ids(text_only, among=ids)
    if query is None:
        query = select(Incident.id).where(*text_criteria(text_only))
        if ids is not None:
            query = query.where(is_one_of(Incident.id, ids))
    matching = _ids_as_array(query)
    matching.sort()
    return matching


def _ids_as_array(query: Any) -> np.ndarray:
    """The integers of ``query``'s one column, as an array, sent by the database as one
    comma-separated string (``group_concat``/``string_agg``): a broad search matches a third of a
    million incidents, and one Python row object per id cost more than finding them."""
    ids = query.subquery()
    column = ids.c[0]
    if session_dialect() == "sqlite":
        joined = func.group_concat(column, ",")
    else:
        joined = func.string_agg(cast(column, Text), ",")
    text = db.session.scalar(select(joined).select_from(ids))
    return np.fromstring(text or "", dtype="int64", sep=",")
