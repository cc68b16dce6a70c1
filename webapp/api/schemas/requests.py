"""What the API reads: query parameters (the incident filters and each endpoint's own) and
request bodies.  Bodies are validated by the services the forms and the CLI share; these schemas
list the fields those services accept."""

from __future__ import annotations

from marshmallow import EXCLUDE, INCLUDE, Schema, fields, validate

from gazetteer import ACLED_TYPES, PlaceType

from ...i18n import LANGUAGES
from ...models import STATUSES
from ...params import MAX_ID

#: Every sub-event type of ACLED's taxonomy (each belongs to one event type).
SUB_EVENT_TYPES = tuple(sub for subs in ACLED_TYPES.values() for sub in subs)


def _id(**kwargs: object) -> fields.Integer:
    return fields.Integer(validate=validate.Range(min=0, max=MAX_ID), **kwargs)


# -- Query parameters -------------------------------------------------------------------------


class FilterArgs(Schema):
    """The incident filters of :mod:`webapp.filters`, shared by the map's endpoints and exports."""

    date_from = fields.Date(data_key="from", metadata={"description": "ISO date, inclusive"})
    date_to = fields.Date(data_key="to", metadata={"description": "ISO date, inclusive"})
    type = fields.List(fields.String(), metadata={"description": "event types, comma-separated or repeated"})
    actor = fields.List(fields.String(), metadata={"description": "any part of an actor's name"})
    admin1 = fields.List(fields.String(), metadata={"description": "governorates (case-insensitive)"})
    precision = fields.List(
        fields.Integer(validate=validate.OneOf((1, 2, 3))), metadata={"description": "geo precision 1-3"}
    )
    q = fields.String(metadata={"description": "free text; every word must occur (Arabic normalised)"})
    source = fields.String(metadata={"description": "part of the article's source name"})
    article = _id(metadata={"description": "one article: the incidents it reports"})
    bbox = fields.String(
        metadata={"description": "west,south,east,north in degrees", "example": "35.5,32.3,42.4,37.4"}
    )
    near = fields.String(
        metadata={
            "description": "lat,lon,km: within km kilometres (great-circle, 0-2000) of the point",
            "example": "35.93,36.63,10",
        }
    )
    status = fields.List(
        fields.String(validate=validate.OneOf((*STATUSES, "all"))),
        metadata={"description": "review statuses or 'all'; rejected ones are left out by default"},
    )


class IncidentsArgs(FilterArgs):
    """``GET /api/incidents``: the filters, a ``limit`` and, for clusters, a map ``zoom``."""

    limit = fields.Integer(
        metadata={"description": "at most this many features (kept within 1..API_MAX_LIMIT)"}
    )
    zoom = fields.Integer(metadata={"description": "map zoom 0-22: clusters when the view holds many"})


class TimelineArgs(FilterArgs):
    """``GET /api/timeline``: the filters (without bbox) and the bar width."""

    bucket = fields.String(
        validate=validate.OneOf(("day", "week", "month", "auto")),
        metadata={"description": "bar width; anything else is auto"},
    )


class HeatArgs(FilterArgs):
    """``GET /api/heat``: the filters and the map ``zoom`` that sizes the grid."""

    zoom = fields.Integer(metadata={"description": "map zoom 0-22 (default 7)"})


class FacetsArgs(Schema):
    """``GET /api/facets``: the language of the labels."""

    lang = fields.String(validate=validate.OneOf(LANGUAGES), metadata={"description": "labels' language"})


# -- Request bodies ---------------------------------------------------------------------------


class ArticleInput(Schema):
    """An article to ingest (the fields of :data:`webapp.article_input.FIELDS`); other keys are ignored."""

    class Meta:
        unknown = INCLUDE

    text = fields.String(required=True, metadata={"description": "the article's text, in any language"})
    title = fields.String(allow_none=True)
    published = fields.String(allow_none=True, metadata={"description": "YYYY-MM-DD or ISO-8601 timestamp"})
    source_url = fields.String(allow_none=True, metadata={"description": "an http(s) URL"})
    language = fields.String(allow_none=True, metadata={"example": "ar"})
    source_name = fields.String(allow_none=True)
    author = fields.String(allow_none=True)
    canonical_url = fields.String(allow_none=True)


class LinkInput(Schema):
    """A page to fetch and ingest; the fields of :data:`webapp.links.LINK_FIELDS` override the page's."""

    class Meta:
        unknown = INCLUDE

    url = fields.String(required=True, metadata={"description": "an http(s) URL of a public site"})
    title = fields.String(allow_none=True)
    published = fields.String(allow_none=True)
    language = fields.String(allow_none=True)
    source_name = fields.String(allow_none=True)


class CorrectionInput(Schema):
    """A correction (:mod:`webapp.corrections`): any of status, place, point or type; not place and point."""

    status = fields.String(validate=validate.OneOf(STATUSES))
    place_id = fields.String(metadata={"description": "a gazetteer id, or a name only one place bears"})
    lat = fields.Float(validate=validate.Range(min=-90, max=90))
    lon = fields.Float(validate=validate.Range(min=-180, max=180))
    geo_precision = fields.Integer(validate=validate.OneOf((1, 2, 3)))
    event_type = fields.String(
        validate=validate.OneOf(tuple(ACLED_TYPES)), metadata={"description": "with a sub_event_type of it"}
    )
    sub_event_type = fields.String(validate=validate.OneOf(SUB_EVENT_TYPES))


class MergeInput(Schema):
    """``{"into": id}``: the incident to merge into; other keys are ignored."""

    class Meta:
        unknown = EXCLUDE

    into = _id(required=True, strict=True)


class PlaceInput(Schema):
    """A place to pin (:mod:`webapp.pins`); the point must lie in Syria."""

    name = fields.String(required=True)
    name_ar = fields.String(allow_none=True)
    lat = fields.Float(required=True, validate=validate.Range(min=32.3, max=37.4))
    lon = fields.Float(required=True, validate=validate.Range(min=35.6, max=42.4))
    type = fields.String(required=True, validate=validate.OneOf(tuple(t.value for t in PlaceType)))
    variants = fields.List(fields.String(), allow_none=True, validate=validate.Length(max=20))
    parent = fields.String(allow_none=True, metadata={"description": "a gazetteer id or an unambiguous name"})
