"""What a view tells the OpenAPI document about itself: :func:`documented` and its :class:`Operation`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from marshmallow import Schema

View = TypeVar("View", bound=Callable[..., Any])
SchemaRef = type[Schema] | Schema | tuple[type[Schema] | Schema, ...] | None


@dataclass(frozen=True, slots=True)
class Operation:
    """One view's part of the document.

    ``responses`` maps each success status to its body schema (a tuple: any one of them;
    None: no JSON body); ``errors`` lists the error statuses the view itself answers with, each
    ``{"error": …}``; those every API request may meet (access, rate limits, the database's
    schema) are added by :func:`webapp.openapi.spec.build_spec`.  ``query`` documents the
    query string, ``body`` the JSON request body (a tuple: any one of them); ``tags`` group the
    operation (by default under the first path segment after ``/api/``).
    """

    responses: Mapping[int, SchemaRef]
    errors: tuple[int, ...] = ()
    query: type[Schema] | None = None
    body: SchemaRef = None
    tags: tuple[str, ...] = ()


def documented(
    *,
    responses: Mapping[int, SchemaRef],
    errors: tuple[int, ...] = (),
    query: type[Schema] | None = None,
    body: SchemaRef = None,
    tags: tuple[str, ...] = (),
) -> Callable[[View], View]:
    """Attach an :class:`Operation` to a view (as ``view.openapi``); the view itself is unchanged."""

    def decorate(view: View) -> View:
        view.openapi = Operation(  # type: ignore[attr-defined]
            responses=dict(responses),
            errors=errors,
            query=query,
            body=body,
            tags=tags,
        )
        return view

    return decorate


def operation_of(view: Callable[..., Any] | None) -> Operation | None:
    """The :class:`Operation` a view was :func:`documented` with, or None."""
    return getattr(view, "openapi", None)
