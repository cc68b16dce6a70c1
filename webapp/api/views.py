"""Views of the JSON API; every error is ``{"error": ...}`` (see :mod:`webapp.errors`)."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request, url_for
from flask.typing import ResponseReturnValue
from marshmallow import ValidationError

from ..accounts.access import current_account
from ..article_input import ArticleInput
from ..audit import Actor, history
from ..corrections import Correction, correct_incident
from ..density import DEFAULT_CLUSTER_THRESHOLD, viewport
from ..errors import InvalidArticle, InvalidChange, NotFound
from ..extensions import db
from ..filters import parse_filters
from ..ingest import ingest_article
from ..jobs.batch import get_job as get_batch
from ..jobs.batch import job_status
from ..links import article_from_link, ingest_link, link_of
from ..merging import merge_incident, sources_of, split_incident
from ..models import Article, Incident
from ..openapi import documented
from ..params import parse_zoom
from ..pins import PlaceDraft, pin_place, pinned_dict
from ..queries import incidents_with_ids, mapped_incidents, parse_limit
from ..queue import enqueue_ingest, queue_enabled
from ..queue import job_status as queued_status
from ..serialize import article_dict, incident_dict, incident_feature, source_dict
from . import schemas

bp = Blueprint("api", __name__, url_prefix="/api")


def request_json() -> object:
    """The request's JSON body, or None when it is not JSON; raises :class:`InvalidArticle` when too deep."""
    try:
        return request.get_json(silent=True)
    except RecursionError:  # silent=True covers malformed JSON, not JSON nested beyond Python's stack
        raise InvalidArticle.bad_json("too_deep") from None


@bp.post("/articles")
@documented(
    body=(schemas.ArticleInput, schemas.LinkInput),
    responses={200: schemas.Article, 201: schemas.Article, 202: schemas.QueuedArticle},
    errors=(400, 413, 502, 503),
)
def create_article() -> ResponseReturnValue:
    """Ingest an article, or the page of ``{"url": …}``: 201 new, 200 already stored, 202 queued
    (when a queue is configured); a link that cannot be fetched gives 400 or 502."""
    body = request_json()
    link = link_of(body)
    if queue_enabled():
        article = article_from_link(**link) if link else ArticleInput.from_json(body)
        job_id = enqueue_ingest(article)
        status_url = url_for("api.job", job_id=job_id)
        return jsonify(job_id=job_id, status="queued", status_url=status_url), 202, {"Location": status_url}
    result = ingest_link(**link) if link else ingest_article(ArticleInput.from_json(body))
    body = article_dict(result.article)
    return jsonify(body), (201 if result.created else 200), {"Location": body["url"]}


@bp.get("/articles/<int:article_id>")
@documented(responses={200: schemas.Article}, errors=(404,))
def article(article_id: int) -> ResponseReturnValue:
    """One stored article with its sentences, mentions and incidents."""
    found = db.session.get(Article, article_id)
    if found is None:
        raise NotFound.resource("article", article_id)
    return jsonify(article_dict(found))


@bp.get("/incidents")
@documented(
    query=schemas.IncidentsArgs,
    responses={200: (schemas.FeatureCollection, schemas.ClusterCollection)},
    errors=(400,),
)
def incidents() -> ResponseReturnValue:
    """Located incidents as a GeoJSON FeatureCollection, filtered as in :mod:`webapp.filters` and by limit.

    With ``zoom``, a viewport holding more than ``MAP_CLUSTER_THRESHOLD`` incidents
    is answered with grid clusters instead (see :mod:`webapp.density`), and a smaller one with
    the incidents the map index selected.  No answer holds more than
    :data:`~webapp.queries.MAX_FEATURES` features.
    """
    filters = parse_filters(request.args)
    limit = parse_limit(request.args, max_limit=int(current_app.config["API_MAX_LIMIT"]))
    query = mapped_incidents(filters, limit=limit)
    if request.args.get("zoom"):
        threshold = int(current_app.config.get("MAP_CLUSTER_THRESHOLD", DEFAULT_CLUSTER_THRESHOLD))
        shown = viewport(filters, parse_zoom(request.args.get("zoom")), threshold=threshold)
        if shown.clusters is not None:
            return jsonify(shown.clusters)
        query = incidents_with_ids(shown.ids, limit=limit)  # the index has applied the filters
    rows = db.session.execute(query).all()
    sources = sources_of(row[0].id for row in rows)
    features = [incident_feature(*row, sources=sources[row[0].id]) for row in rows]
    return jsonify(type="FeatureCollection", features=features, limit=limit, truncated=len(rows) >= limit)


@bp.patch("/incidents/<int:incident_id>")
@documented(body=schemas.CorrectionInput, responses={200: schemas.Incident}, errors=(400, 404))
def correct(incident_id: int) -> ResponseReturnValue:
    """Correct an incident (:mod:`webapp.corrections`): status, place, point or type; the incident after."""
    incident = correct_incident(
        incident_id, Correction.from_json(request_json()), Actor.of(current_account())
    )
    return jsonify(incident_dict(incident))


@bp.post("/incidents/<int:incident_id>/merge")
@documented(body=schemas.MergeInput, responses={200: schemas.IncidentWithSources}, errors=(400, 404))
def merge(incident_id: int) -> ResponseReturnValue:
    """Merge the incident into another, ``{"into": id}`` (:mod:`webapp.merging`); the primary after."""
    body = request_json()
    try:
        into = schemas.MergeInput().load(body if isinstance(body, dict) else {})["into"]
    except ValidationError:
        raise InvalidChange.bad_into(body.get("into") if isinstance(body, dict) else None) from None
    primary = merge_incident(incident_id, into, Actor.of(current_account()))
    return jsonify({**incident_dict(primary), "sources": _sources(primary.id)})


@bp.post("/incidents/<int:incident_id>/split")
@documented(responses={200: schemas.IncidentWithSources}, errors=(400, 404))
def split(incident_id: int) -> ResponseReturnValue:
    """Split a report off the incident it was merged into; the report after, a primary again."""
    incident = split_incident(incident_id, Actor.of(current_account()))
    return jsonify({**incident_dict(incident), "sources": _sources(incident.id)})


def _sources(incident_id: int) -> list[dict[str, object]]:
    return [source_dict(s) for s in sources_of([incident_id])[incident_id]]


@bp.get("/incidents/<int:incident_id>/history")
@documented(responses={200: schemas.Change(many=True)}, errors=(404,))
def incident_history(incident_id: int) -> ResponseReturnValue:
    """Every change people made to the incident, oldest first:
    ``[{"at", "user", "action", "before", "after"}]``."""
    if db.session.get(Incident, incident_id) is None:
        raise NotFound.resource("incident", incident_id)
    return jsonify(history("incident", incident_id))


@bp.post("/places")
@documented(body=schemas.PlaceInput, responses={201: schemas.PinnedPlace}, errors=(400,))
def create_place() -> ResponseReturnValue:
    """Pin a place the gazetteer lacks (:mod:`webapp.pins`); 201 with the place, which every
    mention of its names in stored articles then resolves to (:mod:`webapp.reresolve`)."""
    body = pinned_dict(pin_place(PlaceDraft.from_json(request_json()), Actor.of(current_account())))
    return jsonify(body), 201, {"Location": url_for("places.show", place_id=body["id"])}


@bp.get("/jobs/<int:job_id>")
@documented(responses={200: schemas.BatchJob}, errors=(404,))
def batch_job(job_id: int) -> ResponseReturnValue:
    """A batch job's progress (:func:`webapp.jobs.batch.job_status`):
    ``{"state", "done", "total", "failed", "created", "existing", "errors": [{"item", "error"}]}``."""
    body = job_status(get_batch(job_id))
    body["url"] = url_for("jobs.show", job_id=job_id)
    return jsonify(body)


@bp.get("/jobs/<job_id>")
@documented(responses={200: schemas.QueuedJob}, errors=(404, 503))
def job(job_id: str) -> ResponseReturnValue:
    """The status of one queued article's ingestion (an RQ job id); ``result.article_id`` once finished."""
    if not queue_enabled():
        raise NotFound.resource("job", job_id)
    info = queued_status(job_id)
    result = info.get("result")
    if isinstance(result, dict) and "article_id" in result:
        info["article_url"] = url_for("articles.show", article_id=result["article_id"])
    return jsonify(info)
