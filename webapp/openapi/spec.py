"""The OpenAPI 3 document of the app, generated from its URL map and the views' :func:`documented` marks.

Paths and their path parameters come from the routes (an ``<int:…>`` id is an integer within
:data:`webapp.params.MAX_ID`), summaries and descriptions from the views' docstrings, schemas
from :mod:`webapp.api.schemas` through apispec's marshmallow plugin.  Nothing is written by
hand, so the document follows the code; :func:`undocumented_rules` lists the JSON routes a
view forgot to mark (a test keeps it empty).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Flask
from werkzeug.routing import Rule

from ..accounts.access import PUBLIC_BLUEPRINTS, SAFE_METHODS
from ..api.schemas import Error
from ..params import MAX_ID
from .operation import Operation, SchemaRef, operation_of

OPENAPI_VERSION = "3.0.3"
TITLE = "Syria incident map API"
DESCRIPTION = """Articles in, geoparsed incidents out (GeoJSON), and the layers of the map.

Reading is public unless the app runs with `PRIVATE=1`. Once an account exists, every write
(POST, PATCH) needs an analyst's or admin's API token: `Authorization: Bearer <token>`
(`flask users token NAME`). Every error is `{"error": "…"}` with its HTTP status.
"""
#: Paths (prefixes) whose routes answer JSON and so belong in the document.
JSON_PREFIXES = ("/api/", "/healthz")
#: The document and its viewer describe the API; they are not part of it.
SELF_ENDPOINTS = frozenset({"openapi.document", "openapi.docs", "openapi.asset"})
#: Why any API request may fail, whatever the view: the status and what it means.
COMMON_ERRORS = {
    401: "no account (a write once accounts exist, any request with PRIVATE=1) or a bad token",
    403: "the account's role may not do this",
    503: "the database's schema is older than the code (run flask db upgrade)",
}
WRITE_ERRORS = {
    400: "the request is malformed",
    413: "the request body is larger than MAX_CONTENT_LENGTH",
    429: "too many writes from this client (RATELIMIT_WRITES)",
}
ERROR_TEXT = {
    400: "the request is malformed",
    404: "no such resource",
    413: "the request is too large",
    502: "the linked site failed",
    503: "a service is unavailable",
}

# A route variable: <name>, <converter:name> or <converter(args):name>.
_VARIABLE = re.compile(r"<(?:(?P<converter>[a-zA-Z_]\w*)(?:\([^)]*\))?:)?(?P<name>[a-zA-Z_]\w*)>")
# Sphinx roles and literals of the docstrings, shown as plain text.
_ROLE = re.compile(r":[a-z]+:`~?([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")


def build_spec(app: Flask) -> dict[str, Any]:
    """The OpenAPI document of ``app``'s documented JSON routes, as a dict ready for ``jsonify``."""
    spec = APISpec(
        title=TITLE,
        version=_app_version(),
        openapi_version=OPENAPI_VERSION,
        plugins=[MarshmallowPlugin()],
        info={"description": DESCRIPTION},
    )
    spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer"})
    spec.components.schema("Error", schema=Error)
    paths: dict[str, dict[str, list[tuple[Rule, Operation]]]] = defaultdict(lambda: defaultdict(list))
    for rule, operation in documented_rules(app):
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            paths[openapi_path(rule.rule)][method.lower()].append((rule, operation))
    for path in sorted(paths):
        operations, parameters = {}, {}
        for method, found in paths[path].items():
            operations[method] = _operation(app, method, found)
            for rule, _ in found:
                for parameter in path_parameters(rule):
                    parameters[parameter["name"]] = _broader(parameters.get(parameter["name"]), parameter)
        spec.path(path=path, operations=operations, parameters=list(parameters.values()))
    return spec.to_dict()


def documented_rules(app: Flask) -> Iterator[tuple[Rule, Operation]]:
    """Each route of ``app`` whose view is :func:`documented`, with its operation."""
    for rule in app.url_map.iter_rules():
        operation = operation_of(app.view_functions.get(rule.endpoint))
        if operation is not None:
            yield rule, operation


def undocumented_rules(app: Flask) -> list[str]:
    """The JSON routes (under ``/api/`` and ``/healthz``) whose view is not :func:`documented`."""
    return sorted(
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(JSON_PREFIXES)
        and rule.endpoint not in SELF_ENDPOINTS
        and operation_of(app.view_functions.get(rule.endpoint)) is None
    )


def openapi_path(rule: str) -> str:
    """A Flask route as an OpenAPI path: ``/api/jobs/<int:job_id>`` → ``/api/jobs/{job_id}``."""
    return _VARIABLE.sub(lambda m: "{" + m["name"] + "}", rule)


def path_parameters(rule: Rule) -> list[dict[str, Any]]:
    """The path parameters of ``rule``: an integer id (0 to :data:`MAX_ID`) for ``<int:…>``, else a string;
    the example is the first id of a table."""
    out = []
    for match in _VARIABLE.finditer(rule.rule):
        if match["converter"] == "int":
            schema: dict[str, Any] = {"type": "integer", "minimum": 0, "maximum": MAX_ID}
            example: int | str = 1
        else:
            schema, example = {"type": "string"}, "1"
        name = match["name"]
        out.append({"in": "path", "name": name, "required": True, "schema": schema, "example": example})
    return out


def _broader(known: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    # Two routes on one path (/api/jobs/<int:job_id> and /api/jobs/<job_id>): a string covers both.
    if known is None or known["schema"] == new["schema"]:
        return new
    return {**new, "schema": {"type": "string"}}


def _operation(app: Flask, method: str, found: list[tuple[Rule, Operation]]) -> dict[str, Any]:
    """One OpenAPI operation for the views sharing a path and method (usually one)."""
    write = method.upper() not in SAFE_METHODS
    public = all(rule.endpoint.partition(".")[0] in PUBLIC_BLUEPRINTS for rule, _ in found)
    views = [app.view_functions[rule.endpoint] for rule, _ in found]
    docs = [_doc(view.__doc__) for view in views]
    summary, description = docs[0][0], "\n\n".join(text for _, text in docs if text)
    operation: dict[str, Any] = {
        "operationId": "_".join(rule.endpoint.replace(".", "_") for rule, _ in found),
        "summary": summary,
        "tags": sorted({tag for rule, op in found for tag in (op.tags or (_resource(rule.rule),))}),
        "responses": _responses(found, write=write, public=public),
    }
    if description:
        operation["description"] = description
    queries = [op.query for _, op in found if op.query is not None]
    if queries:
        operation["parameters"] = [{"in": "query", "schema": queries[0]}]
    bodies = [op.body for _, op in found if op.body is not None]
    if bodies:
        content = {"application/json": {"schema": _schema(bodies[0])}}
        operation["requestBody"] = {"required": True, "content": content}
    if write:
        operation["security"] = [{"bearerAuth": []}]
    return operation


def _responses(found: list[tuple[Rule, Operation]], *, write: bool, public: bool) -> dict[str, Any]:
    responses: dict[str, Any] = {}
    errors: dict[int, str] = {} if public else dict(COMMON_ERRORS)
    if write:
        errors.update(WRITE_ERRORS)
    for _, op in found:
        errors.update({status: ERROR_TEXT.get(status, "see the error message") for status in op.errors})
    for status, text in sorted(errors.items()):
        responses[str(status)] = {
            "description": text,
            "content": {"application/json": {"schema": Error}},
        }
    for status in sorted({s for _, op in found for s in op.responses}):
        schemas = [op.responses[status] for _, op in found if status in op.responses]
        response: dict[str, Any] = {"description": _status_text(status, schemas)}
        if any(s is not None for s in schemas):
            refs = [s for s in schemas if s is not None]
            merged = refs[0] if len(refs) == 1 else tuple(x for s in refs for x in _as_tuple(s))
            response["content"] = {"application/json": {"schema": _schema(merged)}}
        responses[str(status)] = response
    return {status: responses[status] for status in sorted(responses)}


def _resource(rule: str) -> str:
    # The tag of a route: its first segment after /api/ ("incidents"), or "healthz".
    parts = rule.strip("/").split("/")
    return parts[1] if parts[0] == "api" and len(parts) > 1 else parts[0]


def _schema(ref: SchemaRef) -> Any:
    if isinstance(ref, tuple):
        return {"anyOf": list(ref)}
    return ref


def _as_tuple(ref: SchemaRef) -> tuple[Any, ...]:
    return ref if isinstance(ref, tuple) else (ref,)


def _status_text(status: int, schemas: list[SchemaRef]) -> str:
    names = [getattr(x, "__name__", type(x).__name__) for s in schemas if s is not None for x in _as_tuple(s)]
    doc = " or ".join(names) if names else "no body"
    return {200: "OK", 201: "Created", 202: "Accepted"}.get(status, str(status)) + f": {doc}"


def _doc(docstring: str | None) -> tuple[str, str]:
    """The summary (the first sentence) and description (all of it) of a docstring, as plain text."""
    text = _LITERAL.sub(r"`\1`", _ROLE.sub(r"\1", " ".join((docstring or "").split())))
    summary = re.split(r"(?<=[.;:])\s", text, maxsplit=1)[0].rstrip(".;:")
    return summary, text


def _app_version() -> str:
    try:
        return version("syria-incident-map")
    except PackageNotFoundError:  # run from a checkout that was not installed
        return "0"
