"""JSON for the map's extra layers: timeline, heat grid, governorate choropleth, roads.

Every endpoint takes the filter parameters of :mod:`webapp.filters`, so the
layers always show the same selection as the markers.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue
from sqlalchemy import func, select

from gazetteer import Gazetteer, PlaceType

from ..api import schemas
from ..density import heat_cells
from ..extensions import db, gazetteers
from ..filters import Filters, incident_criteria, parse_filters
from ..i18n import current_lang, event_label
from ..models import Incident
from ..openapi import documented
from ..params import parse_zoom
from ..placenames import governorate_label
from ..queries import distinct_values
from ..timeline import parse_bucket, timeline

bp = Blueprint("mapdata", __name__, url_prefix="/api")

_POLYGONS = ("Polygon", "MultiPolygon")
_LINES = ("LineString", "MultiLineString")


@bp.get("/timeline")
@documented(query=schemas.TimelineArgs, responses={200: schemas.Timeline}, errors=(400,), tags=("map",))
def timeline_view() -> ResponseReturnValue:
    """Matching incidents per day or week (``bucket=day|week|auto``), ignoring the viewport."""
    flt = parse_filters(request.args).without_bbox()
    return jsonify(timeline(flt, parse_bucket(request.args.get("bucket"))))


@bp.get("/heat")
@documented(query=schemas.HeatArgs, responses={200: schemas.Heat}, errors=(400,), tags=("map",))
def heat_view() -> ResponseReturnValue:
    """The heat layer: incident counts on a grid sized for ``zoom`` within ``bbox``."""
    return jsonify(heat_cells(parse_filters(request.args), parse_zoom(request.args.get("zoom"))))


@bp.get("/governorates")
@documented(query=schemas.FilterArgs, responses={200: schemas.Governorates}, errors=(400,), tags=("map",))
def governorates_view() -> ResponseReturnValue:
    """Governorate polygons with matching incident counts; an empty collection when none were imported."""
    flt = parse_filters(request.args).without_bbox()
    return jsonify(governorate_collection(gazetteers.get(), flt))


@bp.get("/roads")
@documented(responses={200: schemas.Roads}, tags=("map",))
def roads_view() -> ResponseReturnValue:
    """Roads of the gazetteer (places of type road with a line geometry) as GeoJSON."""
    return jsonify(road_collection(gazetteers.get()))


def admin1_counts(flt: Filters) -> dict[str, int]:
    """Matching incidents per lower-cased ``admin1``."""
    stmt = (
        select(func.lower(Incident.admin1), func.count(Incident.id))
        .where(Incident.admin1 != "", *incident_criteria(flt))
        .group_by(func.lower(Incident.admin1))
    )
    return {name: int(n) for name, n in db.session.execute(stmt)}


def governorate_collection(gaz: Gazetteer, flt: Filters) -> dict[str, Any]:
    """Governorates with polygon geometry, each with ``count`` of matching incidents; ``max`` over them."""
    counts = admin1_counts(flt)
    features = []
    for place in gaz:
        if place.type != PlaceType.GOVERNORATE or not place.geometry:
            continue
        if place.geometry.get("type") not in _POLYGONS:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": place.geometry,
                "properties": {
                    "id": place.id,
                    "name": place.name,
                    "name_ar": place.name_ar,
                    "count": counts.get(place.name.lower(), 0),
                },
            }
        )
    return {
        "type": "FeatureCollection",
        "features": features,
        "max": max((f["properties"]["count"] for f in features), default=0),
    }


def road_collection(gaz: Gazetteer) -> dict[str, Any]:
    """Roads with line geometry, properties ``name``, ``name_ar`` and ``code`` (e.g. M4)."""
    features = [
        {
            "type": "Feature",
            "geometry": p.geometry,
            "properties": {
                "id": p.id,
                "name": p.name,
                "name_ar": p.name_ar,
                "code": getattr(p, "code", "") or "",
            },
        }
        for p in gaz
        if p.type == PlaceType.ROAD and p.geometry and p.geometry.get("type") in _LINES
    ]
    return {"type": "FeatureCollection", "features": features}


@bp.get("/facets")
@documented(query=schemas.FacetsArgs, responses={200: schemas.Facets}, tags=("map",))
def facets_view() -> ResponseReturnValue:
    """Choices for the map's filter form: event types, governorates, sources and the date range;
    ``labels`` names each type and governorate in the interface language (``?lang=``)."""
    from ..models import Article

    first, last = db.session.execute(select(func.min(Incident.date), func.max(Incident.date))).one()
    lang = current_lang()
    event_types = distinct_values(Incident.event_type)
    governorates = distinct_values(Incident.admin1)
    labels = {name: event_label(name, lang) for name in event_types}
    labels.update({name: governorate_label(name, lang) for name in governorates})
    return jsonify(
        event_types=event_types,
        governorates=governorates,
        labels=labels,
        sources=distinct_values(Article.source_name),
        first_date=first.isoformat() if first else None,
        last_date=last.isoformat() if last else None,
    )
