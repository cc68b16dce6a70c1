"""What the API answers about stored things: errors, places, articles with their sentences and
mentions, incidents with their sources, changes, pinned places, jobs and health."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from ...models import STATUSES

#: Geometry is GeoJSON: an object with ``type`` and ``coordinates``, documented as free-form.
Geometry = fields.Dict


class Error(Schema):
    """Every error of the API: ``{"error": "what went wrong, in English"}``."""

    error = fields.String(required=True)


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


class Health(Schema):
    """``status`` ok or fail, and each check with ``ok`` and its details."""

    status = fields.String(required=True, validate=validate.OneOf(("ok", "fail")))
    checks = fields.Dict(keys=fields.String(), values=fields.Dict(), required=True)
