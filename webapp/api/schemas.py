"""Marshmallow schemas of the JSON API: query parameters, request bodies, responses and errors.

They are the source of ``/api/openapi.json`` (:mod:`webapp.openapi`): each view names its
schemas with :func:`webapp.openapi.documented`.  Response schemas refuse unknown keys
(``additionalProperties: false`` in the document), so a field a view adds without declaring
it here fails the schema-conformance test (``tests/test_openapi_fuzz.py``); request schemas
list the fields the services accept (``tests/test_openapi.py`` compares them).

Validation of bodies stays with the services (:class:`~webapp.corrections.Correction`,
:class:`~webapp.pins.PlaceDraft`, :class:`~webapp.article_input.ArticleInput`), which the
forms and the CLI share and whose messages are translated; :class:`MergeInput` is loaded here.
"""

from __future__ import annotations

from marshmallow import EXCLUDE, INCLUDE, Schema, fields, validate

from gazetteer import ACLED_TYPES, PlaceType

from ..i18n import LANGUAGES
from ..models import STATUSES
from ..params import MAX_ID

#: Every sub-event type of ACLED's taxonomy (each belongs to one event type).
SUB_EVENT_TYPES = tuple(sub for subs in ACLED_TYPES.values() for sub in subs)
#: Geometry is GeoJSON: an object with ``type`` and ``coordinates``, documented as free-form.
Geometry = fields.Dict


def _id(**kwargs: object) -> fields.Integer:
    return fields.Integer(validate=validate.Range(min=0, max=MAX_ID), **kwargs)


class Error(Schema):
    """Every error of the API: ``{"error": "what went wrong, in English"}``."""

    error = fields.String(required=True)


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


# -- Responses --------------------------------------------------------------------------------


class Place(Schema):
    """A resolved gazetteer place."""

    id = fields.String(required=True)
    name = fields.String(required=True)
    name_ar = fields.String(required=True)
    type = fields.String(required=True)
    lat = fields.Float(required=True, allow_none=True)
    lon = fields.Float(required=True, allow_none=True)
    geometry = Geometry()


class Container(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)
    name_ar = fields.String(required=True)


class Unresolved(Schema):
    """What marked an unresolved name as a place, and the area it lies in."""

    name = fields.String(required=True)
    cue = fields.String(required=True, allow_none=True)
    container = fields.Nested(Container, required=True, allow_none=True)


class Mention(Schema):
    text = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    sentence = fields.Integer(required=True)
    place = fields.Nested(Place, required=True, allow_none=True)
    score = fields.Float(required=True)
    role = fields.String(required=True)
    unresolved = fields.Nested(Unresolved)


class Sentence(Schema):
    index = fields.Integer(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    text = fields.String(required=True)


class Source(Schema):
    """One report of an incident: its article and the quoted sentence."""

    incident_id = fields.Integer(required=True)
    article_id = fields.Integer(required=True)
    title = fields.String(required=True)
    source_name = fields.String(required=True)
    url = fields.String(required=True)
    language = fields.String(required=True, allow_none=True)
    sentence_index = fields.Integer(required=True)
    sentence_url = fields.String(required=True)
    quote = fields.String(required=True)


class Incident(Schema):
    """An incident: what, when, where (with the place) and who."""

    id = fields.Integer(required=True)
    url = fields.String(required=True)
    merged_into = fields.Integer(required=True, allow_none=True)
    event_type = fields.String(required=True)
    sub_event_type = fields.String(required=True, allow_none=True)
    date = fields.Date(required=True, allow_none=True)
    date_precision = fields.String(required=True, allow_none=True)
    geo_precision = fields.Integer(required=True, allow_none=True)
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    place = fields.Nested(Place, required=True, allow_none=True)
    lat = fields.Float(required=True, allow_none=True)
    lon = fields.Float(required=True, allow_none=True)
    location = Geometry(required=True, allow_none=True)
    location_description = fields.String(required=True, allow_none=True)
    sentence = fields.Integer(required=True)
    sentence_url = fields.String(required=True)
    actors = fields.List(fields.String(), required=True)
    counts = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True)
    fatalities = fields.Integer(required=True, allow_none=True)
    injuries = fields.Integer(required=True, allow_none=True)


class IncidentWithSources(Incident):
    """An incident after a merge or split, with every report of it."""

    sources = fields.List(fields.Nested(Source), required=True)


class Article(Schema):
    """A stored article with its sentences, mentions and incidents."""

    id = fields.Integer(required=True)
    url = fields.String(required=True)
    title = fields.String(required=True)
    published = fields.Date(required=True, allow_none=True)
    language = fields.String(required=True, allow_none=True)
    source_url = fields.String(required=True)
    source_name = fields.String(required=True)
    author = fields.String(required=True)
    canonical_url = fields.String(required=True, allow_none=True)
    sentences = fields.List(fields.Nested(Sentence), required=True)
    mentions = fields.List(fields.Nested(Mention), required=True)
    incidents = fields.List(fields.Nested(Incident), required=True)


class QueuedArticle(Schema):
    """An article queued for ingestion (202); poll ``status_url``."""

    job_id = fields.String(required=True)
    status = fields.String(required=True)
    status_url = fields.String(required=True)


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


class Change(Schema):
    """One change people made: who, when, what before and after."""

    at = fields.String(required=True, allow_none=True)
    user = fields.String(required=True)
    action = fields.String(required=True)
    before = fields.Dict(required=True, allow_none=True)
    after = fields.Dict(required=True, allow_none=True)


class Reresolved(Schema):
    articles = fields.Integer(required=True)
    moved = fields.Integer(required=True)
    added = fields.Integer(required=True)


class PinnedPlace(Schema):
    """A pinned place, and what re-reading the articles that named it changed."""

    id = fields.String(required=True)
    name = fields.String(required=True)
    name_ar = fields.String(required=True)
    type = fields.String(required=True)
    lat = fields.Float(required=True)
    lon = fields.Float(required=True)
    variants = fields.List(fields.String(), required=True)
    parent = fields.String(required=True, allow_none=True)
    admin1 = fields.String(required=True)
    source = fields.String(required=True)
    author = fields.String(required=True)
    reresolved = fields.Nested(Reresolved, required=True)


class ItemError(Schema):
    item = fields.String(required=True)
    error = fields.String(required=True, allow_none=True)


class BatchJob(Schema):
    """A batch job's progress: ``done`` items of ``total``, the first failures."""

    id = fields.Integer(required=True)
    url = fields.String(required=True)
    source = fields.String(required=True)
    state = fields.String(required=True)
    done = fields.Integer(required=True)
    total = fields.Integer(required=True)
    failed = fields.Integer(required=True)
    created = fields.Integer(required=True)
    existing = fields.Integer(required=True)
    errors = fields.List(fields.Nested(ItemError), required=True)
    error = fields.String(required=True, allow_none=True)


class QueuedJob(Schema):
    """A queued article's ingestion (an RQ job)."""

    id = fields.String(required=True)
    status = fields.String(required=True)
    retries_left = fields.Integer()
    result = fields.Raw(allow_none=True)
    error = fields.String()
    article_url = fields.String()


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


class Health(Schema):
    """``status`` ok or fail, and each check with ``ok`` and its details."""

    status = fields.String(required=True, validate=validate.OneOf(("ok", "fail")))
    checks = fields.Dict(keys=fields.String(), values=fields.Dict(), required=True)
