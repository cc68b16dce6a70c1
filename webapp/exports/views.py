"""Download routes for the exports: the current filter selection as CSV, GeoJSON or KML, streamed."""

from __future__ import annotations

from flask import Blueprint, Response, request, stream_with_context

from ..export import FORMATS, export_chunks, export_filename
from ..filters import parse_filters

bp = Blueprint("exports", __name__, url_prefix="/export")


@bp.get("/incidents.<fmt>")
def incidents(fmt: str) -> Response:
    """Download the incidents selected by the filter parameters as ``csv``, ``geojson`` or ``kml``."""
    chunks = export_chunks(fmt, parse_filters(request.args))
    return Response(
        stream_with_context(chunks),
        # content_type, not mimetype: Flask would add a second charset to a text/* mimetype.
        content_type=FORMATS[fmt][0],
        headers={"Content-Disposition": f'attachment; filename="{export_filename(fmt)}"'},
    )
