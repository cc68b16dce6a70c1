"""The lists: articles with search and pagination; incidents as a sortable, filterable, paged table."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, render_template, request
from sqlalchemy import ColumnElement, Select, case, exists, func, select

from gazetteer import tokenize

from ..errors import BadQuery
from ..extensions import db
from ..filters import FILTER_PARAMS, filtered, parse_filters, query_args
from ..i18n import EVENT_TYPES_AR, current_lang
from ..models import Article, Incident
from ..models.search import ArticleSearch
from ..params import MAX_INT, parse_int
from ..placenames import governorate_label
from ..queries import distinct_values

bp = Blueprint("browse", __name__)

PER_PAGE = 50
MAX_PER_PAGE = 500
#: ``sort`` parameter → column; every one is tie-broken by id for a stable order across pages.
#: Empty texts count as missing (listed last); in Arabic, type, place and governorate sort by the
#: names shown (:func:`incident_sort_columns`).
SORT_COLUMNS = {
    "date": Incident.date,
    "type": Incident.event_type,
    "governorate": func.nullif(Incident.admin1, ""),
    "place": func.nullif(Incident.place_name, ""),
    "precision": Incident.geo_precision,
    "fatalities": Incident.fatalities,
    "id": Incident.id,
}
#: Article ``sort`` keys; ``incidents`` (their count) is added by :func:`articles`.
ARTICLE_SORT_COLUMNS = {
    "title": func.nullif(Article.title, ""),
    "published": Article.published,
    "source": func.nullif(Article.source_name, ""),
    "id": Article.id,
}


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list: ``items``, ``number`` (from 1), ``per_page``, ``total`` rows."""

    items: list[Any]
    number: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def page_args() -> tuple[int, int]:
    """``page`` (≥ 1) and ``per_page`` (1–MAX_PER_PAGE) from the query; raises :class:`BadQuery`."""
    number = parse_int(request.args.get("page"), "page", expected="positive_integer")
    size = parse_int(request.args.get("per_page"), "per_page", expected="positive_integer")
    for name, value in (("page", number), ("per_page", size)):
        if value is not None and value < 0:
            raise BadQuery.param(name, str(value), "positive_integer")
    per_page = max(1, min(PER_PAGE if size is None else size, MAX_PER_PAGE))
    # Capped so the row offset still fits the database's 64-bit integers.
    return max(1, min(number or 1, MAX_INT // MAX_PER_PAGE)), per_page


@dataclass(frozen=True, slots=True)
class Sort:
    """A list's order: the ``key`` of a whitelisted column and its ``direction`` (``asc``/``desc``)."""

    key: str
    direction: str

    def clauses(self, columns: Mapping[str, Any], tie: ColumnElement[Any]) -> list[Any]:
        """ORDER BY clauses: the column (empty values last either way), then ``tie`` in the same
        direction, so pages never overlap."""
        column = columns[self.key]
        if self.direction == "asc":
            return [column.asc().nulls_last(), tie.asc()]
        return [column.desc().nulls_last(), tie.desc()]


def shown_as(column: Any, labels: Mapping[str, str]) -> Any:
    """``column`` as the table shows it: each stored value in ``labels`` replaced by its label."""
    return case(labels, value=column, else_=column) if labels else column


def incident_sort_columns(lang: str, governorates: list[str]) -> dict[str, Any]:
    """:data:`SORT_COLUMNS` ordering by what the table shows in ``lang``: in Arabic the types' and
    the ``governorates``' Arabic names and the places' Arabic names where they have one."""
    if lang != "ar":
        return SORT_COLUMNS
    arabic_governorates = {name: governorate_label(name, lang) for name in governorates}
    return {
        **SORT_COLUMNS,
        "type": shown_as(Incident.event_type, EVENT_TYPES_AR),
        "governorate": shown_as(SORT_COLUMNS["governorate"], arabic_governorates),
        "place": func.coalesce(func.nullif(Incident.place_name_ar, ""), SORT_COLUMNS["place"]),
    }


def sort_args(columns: Mapping[str, Any], default: str) -> Sort:
    """``sort`` (a key of ``columns``, else ``default``) and ``dir`` (default ``desc``) from the query;
    raises :class:`BadQuery` for any other value."""
    key = request.args.get("sort") or default
    if key not in columns:
        raise BadQuery.param("sort", key, "one_of", choices=", ".join(columns))
    direction = request.args.get("dir") or "desc"
    if direction not in ("asc", "desc"):
        raise BadQuery.param("dir", direction, "asc_or_desc")
    return Sort(key, direction)


def paginate(stmt: Select[Any], count_stmt: Select[Any], number: int, per_page: int) -> Page:
    """Run ``stmt`` for page ``number``; ``count_stmt`` counts every row."""
    total = int(db.session.scalar(count_stmt) or 0)
    items = list(db.session.execute(stmt.limit(per_page).offset((number - 1) * per_page)).all())
    return Page(items, number, per_page, total)


def article_search_criteria(q: str) -> list[Any]:
    """Every normalised word of ``q`` must occur in the article's normalised title or text."""
    words = [t.norm for t in tokenize(q)]
    if not words:
        return []
    esc = [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in words]
    return [
        exists().where(
            ArticleSearch.article_id == Article.id,
            *(ArticleSearch.text.like(f"%{w}%", escape="\\") for w in esc),
        )
    ]


@bp.get("/articles")
def articles() -> str:
    """List articles matching ``q`` (Arabic-normalised), by ``sort`` (newest first), paged."""
    q = request.args.get("q", "").strip()
    n_incidents = (
        select(func.count(Incident.id))
        .where(Incident.article_id == Article.id)
        .correlate(Article)
        .scalar_subquery()
    )
    columns = {**ARTICLE_SORT_COLUMNS, "incidents": n_incidents}
    order = sort_args(columns, "published")
    number, per_page = page_args()
    crit = article_search_criteria(q)
    stmt = (
        select(
            Article.id,
            Article.title,
            Article.published,
            Article.language,
            Article.source_name,
            n_incidents.label("incidents"),
        )
        .where(*crit)
        .order_by(*order.clauses(columns, Article.id))
    )
    page = paginate(stmt, select(func.count(Article.id)).where(*crit), number, per_page)
    return render_template(
        "browse/articles.html", page=page, q=q, order=order, args=_keep_args(["q", "sort", "dir", "per_page"])
    )


@bp.get("/incidents")
def incidents() -> str:
    """The incidents table: the map's filters, ``sort`` (see SORT_COLUMNS), ``dir`` asc/desc, paged."""
    flt = parse_filters(request.args)
    governorates = distinct_values(Incident.admin1)
    columns = incident_sort_columns(current_lang(), governorates)
    order = sort_args(columns, "date")
    number, per_page = page_args()
    stmt = filtered(select(Incident, Article.title).join(Article, Incident.article_id == Article.id), flt)
    page = paginate(
        stmt.order_by(*order.clauses(columns, Incident.id)),
        filtered(select(func.count(Incident.id)), flt),
        number,
        per_page,
    )
    return render_template(
        "browse/incidents.html",
        page=page,
        flt=flt,
        order=order,
        filter_args=query_args(flt),
        args=_keep_args([*FILTER_PARAMS, "sort", "dir", "per_page"]),
        event_types=distinct_values(Incident.event_type),
        governorates=governorates,
    )


def _keep_args(names: list[str]) -> dict[str, str]:
    return {k: v for k in names if (v := request.args.get(k, "").strip())}
