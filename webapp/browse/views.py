"""The lists: articles with search and pagination; incidents as a sortable, filterable, paged table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Blueprint, render_template, request
from sqlalchemy import Select, exists, func, select

from gazetteer import tokenize

from ..errors import BadQuery
from ..extensions import db
from ..filters import FILTER_PARAMS, filtered, parse_filters, query_args
from ..models import Article, Incident
from ..models.search import ArticleSearch
from ..params import MAX_INT, parse_int
from ..queries import distinct_values

bp = Blueprint("browse", __name__)

PER_PAGE = 50
MAX_PER_PAGE = 500
#: ``sort`` parameter → column; every one is tie-broken by id for a stable order across pages.
SORT_COLUMNS = {
    "date": Incident.date,
    "type": Incident.event_type,
    "governorate": Incident.admin1,
    "place": Incident.place_name,
    "precision": Incident.geo_precision,
    "fatalities": Incident.fatalities,
    "id": Incident.id,
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
    """List articles, newest first, optionally matching ``q`` (Arabic-normalised), paged."""
    q = request.args.get("q", "").strip()
    number, per_page = page_args()
    crit = article_search_criteria(q)
    n_incidents = (
        select(func.count(Incident.id))
        .where(Incident.article_id == Article.id)
        .correlate(Article)
        .scalar_subquery()
    )
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
        .order_by(Article.published.desc().nulls_last(), Article.id.desc())
    )
    page = paginate(stmt, select(func.count(Article.id)).where(*crit), number, per_page)
    return render_template("browse/articles.html", page=page, q=q, args=_keep_args(["q", "per_page"]))


@bp.get("/incidents")
def incidents() -> str:
    """The incidents table: the map's filters, ``sort`` (see SORT_COLUMNS), ``dir`` asc/desc, paged."""
    flt = parse_filters(request.args)
    sort = request.args.get("sort", "date")
    if sort not in SORT_COLUMNS:
        raise BadQuery.param("sort", sort, "one_of", choices=", ".join(SORT_COLUMNS))
    direction = request.args.get("dir", "desc")
    if direction not in ("asc", "desc"):
        raise BadQuery.param("dir", direction, "asc_or_desc")
    number, per_page = page_args()
    column = SORT_COLUMNS[sort]
    order = column.asc().nulls_last() if direction == "asc" else column.desc().nulls_last()
    tie = Incident.id.asc() if direction == "asc" else Incident.id.desc()
    stmt = filtered(select(Incident, Article.title).join(Article, Incident.article_id == Article.id), flt)
    page = paginate(
        stmt.order_by(order, tie), filtered(select(func.count(Incident.id)), flt), number, per_page
    )
    return render_template(
        "browse/incidents.html",
        page=page,
        flt=flt,
        sort=sort,
        direction=direction,
        filter_args=query_args(flt),
        args=_keep_args([*FILTER_PARAMS, "sort", "dir", "per_page"]),
        event_types=distinct_values(Incident.event_type),
        governorates=distinct_values(Incident.admin1),
    )


def _keep_args(names: list[str]) -> dict[str, str]:
    return {k: v for k in names if (v := request.args.get(k, "").strip())}
