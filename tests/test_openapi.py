"""The OpenAPI document (webapp/openapi): valid, complete over the JSON routes, and its docs page local."""

from __future__ import annotations

import os
import re
import uuid

import pytest
import schemathesis
from openapi_spec_validator import validate

from webapp.openapi import build_spec, documented, undocumented_rules
from webapp.openapi.spec import JSON_PREFIXES, SELF_ENDPOINTS, openapi_path

METHODS = ("get", "post", "patch", "put", "delete")


@pytest.fixture
def document(client) -> dict:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    return response.get_json()


def test_the_document_is_valid_openapi_3(document):
    assert document["openapi"].startswith("3.0")
    validate(document)  # raises on any violation of the OpenAPI 3.0 schema


def test_every_json_route_and_method_is_in_the_document(app, document):
    assert undocumented_rules(app) == []
    routes = {
        (openapi_path(rule.rule), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(JSON_PREFIXES) and rule.endpoint not in SELF_ENDPOINTS
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented_ops = {(path, m) for path, item in document["paths"].items() for m in item if m in METHODS}
    assert routes == documented_ops
    assert {"/api/articles", "/api/incidents/{incident_id}", "/api/timeline", "/healthz"} <= {
        path for path, _ in routes
    }


def test_a_route_added_without_documentation_is_reported(make_app):
    app = make_app()

    @app.get("/api/forgotten/<int:thing_id>")
    def forgotten(thing_id: int) -> dict[str, int]:
        return {"id": thing_id}

    @app.get("/api/remembered")
    @documented(responses={200: None})
    def remembered() -> dict[str, int]:
        return {}

    assert undocumented_rules(app) == ["/api/forgotten/<int:thing_id>"]
    assert "/api/remembered" in build_spec(app)["paths"]


def test_path_parameters_follow_the_route_converters(document):
    (incident_id,) = document["paths"]["/api/incidents/{incident_id}"]["parameters"]
    assert incident_id["schema"] == {"type": "integer", "minimum": 0, "maximum": 2**31 - 1}
    # /api/jobs/<int:job_id> (a batch job) and /api/jobs/<job_id> (a queued one) share a path.
    jobs = document["paths"]["/api/jobs/{job_id}"]
    assert jobs["parameters"][0]["schema"] == {"type": "string"}
    schemas = jobs["get"]["responses"]["200"]["content"]["application/json"]["schema"]["anyOf"]
    assert {s["$ref"] for s in schemas} == {"#/components/schemas/BatchJob", "#/components/schemas/QueuedJob"}


def test_every_api_error_is_the_error_object(document):
    assert document["components"]["schemas"]["Error"] == {
        "type": "object",
        "properties": {"error": {"type": "string"}},
        "required": ["error"],
        "additionalProperties": False,
    }
    for path, item in document["paths"].items():
        for method in set(item) & set(METHODS):
            responses = item[method]["responses"]
            if path.startswith("/api/"):
                assert {"401", "403", "503"} <= set(responses), (method, path)
            for status, response in responses.items():
                if int(status) >= 400 and path.startswith("/api/"):
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/Error"}, (method, path, status)


def test_writes_ask_for_the_bearer_token_and_document_their_limits(document):
    assert document["components"]["securitySchemes"]["bearerAuth"] == {"type": "http", "scheme": "bearer"}
    writes = [(p, m, op) for p, item in document["paths"].items() for m, op in item.items() if m in METHODS]
    for path, method, op in writes:
        if method == "get":
            assert "security" not in op, path
        else:
            assert op["security"] == [{"bearerAuth": []}], path
            assert {"400", "401", "403", "413", "429"} <= set(op["responses"]), path


def test_summaries_come_from_the_views_docstrings(document):
    op = document["paths"]["/api/incidents/{incident_id}/history"]["get"]
    assert op["summary"] == "Every change people made to the incident, oldest first"
    assert document["paths"]["/api/incidents"]["get"]["tags"] == ["incidents"]
    assert document["paths"]["/api/heat"]["get"]["tags"] == ["map"]


def test_response_schemas_refuse_undeclared_fields(document):
    schemas = document["components"]["schemas"]
    for name in (
        "Article",
        "Incident",
        "Feature",
        "FeatureProperties",
        "Timeline",
        "PinnedPlace",
        "BatchJob",
    ):
        assert schemas[name]["additionalProperties"] is False, name


def test_the_docs_page_loads_swagger_ui_from_this_site(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/api/docs/swagger-ui-bundle.js" in sources and "/api/docs/swagger-ui.css" in sources
    assert not [s for s in sources if s.startswith(("http:", "https:", "//"))]
    assert 'data-spec-url="/api/openapi.json"' in html
    with client.get("/api/docs/swagger-ui-bundle.js") as script:
        assert script.status_code == 200 and b"SwaggerUIBundle" in script.data


def test_only_the_listed_swagger_ui_files_are_served(client):
    with client.get("/api/docs/swagger-ui.css") as css:
        assert css.status_code == 200 and css.mimetype == "text/css"
    for name in ("index.html", "swagger-initializer.js", "..%2F__init__.py", "nothing.js"):
        response = client.get(f"/api/docs/{name}")
        assert response.status_code == 404 and "error" in response.get_json()


def test_the_document_is_built_once_per_app(app, client, monkeypatch):
    first = client.get("/api/openapi.json").get_json()
    monkeypatch.setattr("webapp.openapi.views.build_spec", lambda app: pytest.fail("built again"))
    assert client.get("/api/openapi.json").get_json() == first


@pytest.mark.services
def test_the_queue_s_answers_conform_to_the_document(app, client):
    """202 and the queued job's status, which the fuzz test (no Redis) never sees."""
    from redis import Redis
    from redis.exceptions import RedisError
    from rq import SimpleWorker

    from webapp.queue import get_queue

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        Redis.from_url(url, socket_connect_timeout=1).ping()
    except RedisError as exc:
        pytest.skip(f"Redis at {url} unreachable ({exc}); set TEST_REDIS_URL")
    app.config.update(REDIS_URL=url, RQ_QUEUE=f"test-openapi-{uuid.uuid4().hex[:8]}")
    api = schemathesis.openapi.from_dict(client.get("/api/openapi.json").get_json())
    try:
        posted = client.post("/api/articles", json={"text": "Russian jets struck Idlib on Sunday."})
        assert posted.status_code == 202
        api["/api/articles"]["POST"].validate_response(posted)
        job = api["/api/jobs/{job_id}"]["GET"]
        queued = client.get(posted.get_json()["status_url"])
        assert queued.get_json()["status"] == "queued"
        job.validate_response(queued)
        with app.app_context():
            SimpleWorker([get_queue()], connection=get_queue().connection).work(burst=True)
        finished = client.get(posted.get_json()["status_url"])
        assert finished.get_json()["status"] == "finished" and "article_url" in finished.get_json()
        job.validate_response(finished)
    finally:
        with app.app_context():
            queue = get_queue()
            queue.empty()
            queue.delete(delete_jobs=True)
            queue.connection.close()
