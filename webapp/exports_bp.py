"""Download routes for the exports: the current filter selection as CSV, GeoJSON or KML, streamed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache

from flask import Blueprint, Response, current_app, stream_with_context
from flask import request as flask_request
from sqlalchemy import Select, select

from gazetteer import Gazetteer

from .errors import NotFound
from .export import AdminLookup, ExportRow, csv_chunks, geojson_chunks, kml_chunks
from .extensions import db, gazetteers
from .filters import Filters, filtered, parse_filters
from .models import Article, Incident, Sentence

bp = Blueprint("exports", __name__, url_prefix="/export")

#: Rows fetched from the database per round trip while streaming.
YIELD_PER = 1000

FORMATS = {
    "csv": ("text/csv; charset=utf-8", csv_chunks),
    "geojson": ("application/geo+json; charset=utf-8", geojson_chunks),
    "kml": ("application/vnd.google-earth.kml+xml; charset=utf-8", kml_chunks),
}


def export_statement(flt: Filters) -> Select:
    """Incidents matching ``flt`` with their sentence text and article source, oldest first."""
    stmt = (
        select(Incident, Sentence.text, Article.source_name, Article.source_url)
        .join(Article, Incident.article_id == Article.id)
        .outerjoin(Sentence, Incident.sentence_id == Sentence.id)
        .order_by(Incident.date, Incident.id)
    )
    return filtered(stmt, flt)


def export_rows(flt: Filters) -> Iterator[ExportRow]:
    """Matching incidents streamed from the database ``YIELD_PER`` at a time."""
    result = db.session.execute(export_statement(flt).execution_options(yield_per=YIELD_PER))
    for inc, sentence, source_name, source_url in result:
        yield ExportRow(inc, sentence or "", source_name or source_url or "")
        # The session would otherwise keep every streamed incident alive.
        db.session.expunge(inc)


def admin_lookup(gaz: Gazetteer) -> AdminLookup:
    """admin2/admin3 names of a place from the gazetteer's parents (empty when unknown)."""

    @lru_cache(maxsize=4096)
    def lookup(place_id: str | None) -> tuple[str, str]:
        if not place_id or place_id not in gaz:
            return "", ""
        place = gaz.get(place_id)
        names = []
        for level in (2, 3):
            parent = place.parent(level)
            names.append(parent.name if parent is not None else "")
        return names[0], names[1]

    return lookup


def export_chunks(fmt: str, flt: Filters) -> Iterator[str]:
    """The incidents selected by ``flt`` written as ``fmt`` (a key of :data:`FORMATS`), chunk by chunk.

    The download route and ``flask export`` both call this, so they select and
    write the same rows.  Raises :class:`webapp.errors.NotFound` for an unknown format.
    """
    if fmt not in FORMATS:
        raise NotFound.resource("export format", fmt)
    writer = FORMATS[fmt][1]
    admin = admin_lookup(gazetteers.get(current_app._get_current_object()))  # type: ignore[attr-defined]
    return writer(export_rows(flt), admin)


def export_filename(fmt: str) -> str:
    """The default file name of an export made today."""
    return f"incidents-{dt.date.today().isoformat()}.{fmt}"


@bp.get("/incidents.<fmt>")
def incidents(fmt: str) -> Response:
    """Download the incidents selected by the filter parameters as ``csv``, ``geojson`` or ``kml``."""
    chunks = export_chunks(fmt, parse_filters(flask_request.args))
    return Response(
        stream_with_context(chunks),
        mimetype=FORMATS[fmt][0],
        headers={"Content-Disposition": f'attachment; filename="{export_filename(fmt)}"'},
    )
