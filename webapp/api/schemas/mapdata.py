"""What the map's endpoints answer: incidents as GeoJSON features or clusters, the timeline,
heat cells, admin areas, roads and the facets of the filter panel."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from .records import Geometry, Source


class FeatureProperties(Schema):
    """An incident as a map feature."""

    id = fields.Integer(required=True)
    event_type = fields.String(required=True)
    sub_event_type = fields.String(required=True, allow_none=True)
    date = fields.Date(required=True, allow_none=True)
    date_precision = fields.String(required=True, allow_none=True)
    geo_precision = fields.Integer(required=True, allow_none=True)
    status = fields.String(required=True)
    place_name = fields.String(required=True, allow_none=True)
    place_name_ar = fields.String(required=True, allow_none=True)
    place_type = fields.String(required=True, allow_none=True)
    lat = fields.Float(required=True, allow_none=True)
    lon = fields.Float(required=True, allow_none=True)
    location_description = fields.String(required=True, allow_none=True)
    actors = fields.List(fields.String(), required=True)
    fatalities = fields.Integer(required=True, allow_none=True)
    sentence = fields.String(required=True)
    sentence_index = fields.Integer(required=True)
    highlight = fields.List(fields.Integer(), required=True, allow_none=True)
    article_id = fields.Integer(required=True)
    article_url = fields.String(required=True)
    incident_url = fields.String(required=True)
    sources = fields.List(fields.Nested(Source), required=True)
    source_count = fields.Integer(required=True)


class Feature(Schema):
    type = fields.String(required=True, validate=validate.Equal("Feature"))
    id = fields.Integer(required=True)
    geometry = Geometry(required=True, allow_none=True)
    properties = fields.Nested(FeatureProperties, required=True)


class FeatureCollection(Schema):
    """Located incidents, newest first; ``truncated`` when ``limit`` cut the list."""

    type = fields.String(required=True, validate=validate.Equal("FeatureCollection"))
    features = fields.List(fields.Nested(Feature), required=True)
    limit = fields.Integer(required=True)
    truncated = fields.Boolean(required=True)


class ClusterProperties(Schema):
    cluster = fields.Boolean(required=True)
    count = fields.Integer(required=True)
    types = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)


class Cluster(Schema):
    type = fields.String(required=True, validate=validate.Equal("Feature"))
    geometry = Geometry(required=True)
    properties = fields.Nested(ClusterProperties, required=True)


class ClusterCollection(Schema):
    """Grid clusters instead of incidents, when the view holds more than the threshold."""

    type = fields.String(required=True, validate=validate.Equal("FeatureCollection"))
    features = fields.List(fields.Nested(Cluster), required=True)
    clustered = fields.Boolean(required=True)
    total = fields.Integer(required=True)


class TimelinePoint(Schema):
    start = fields.Date(required=True)
    count = fields.Integer(required=True)


class Timeline(Schema):
    """Matching incidents per bar; ``bucket`` is the width used."""

    bucket = fields.String(required=True, validate=validate.OneOf(("day", "week", "month")))
    total = fields.Integer(required=True)
    max = fields.Integer(required=True)
    points = fields.List(fields.Nested(TimelinePoint), required=True)


class HeatCell(Schema):
    south = fields.Float(required=True)
    west = fields.Float(required=True)
    count = fields.Integer(required=True)


class Heat(Schema):
    """Incident counts on a grid of ``size`` degrees."""

    size = fields.Float(required=True)
    max = fields.Integer(required=True)
    cells = fields.List(fields.Nested(HeatCell), required=True)


class AreaProperties(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)
    name_ar = fields.String(required=True)
    count = fields.Integer()
    code = fields.String()


class Area(Schema):
    type = fields.String(required=True, validate=validate.Equal("Feature"))
    geometry = Geometry(required=True)
    properties = fields.Nested(AreaProperties, required=True)


class Governorates(Schema):
    """Governorate polygons with their matching incident ``count``; ``max`` over them."""

    type = fields.String(required=True, validate=validate.Equal("FeatureCollection"))
    features = fields.List(fields.Nested(Area), required=True)
    max = fields.Integer(required=True)


class Roads(Schema):
    """Roads of the gazetteer as lines, with their ``code`` (e.g. M4)."""

    type = fields.String(required=True, validate=validate.Equal("FeatureCollection"))
    features = fields.List(fields.Nested(Area), required=True)


class Facets(Schema):
    """Choices of the map's filter form, with ``labels`` in the asked language."""

    event_types = fields.List(fields.String(), required=True)
    governorates = fields.List(fields.String(), required=True)
    labels = fields.Dict(keys=fields.String(), values=fields.String(), required=True)
    sources = fields.List(fields.String(), required=True)
    first_date = fields.Date(required=True, allow_none=True)
    last_date = fields.Date(required=True, allow_none=True)
