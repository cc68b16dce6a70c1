"""Query-string values to Python values: a malformed or out-of-range value is a 400, never a 500."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from werkzeug.routing import IntegerConverter

from .errors import BadQuery

#: The largest id an INTEGER primary key holds on PostgreSQL (SQLite's are wider); larger ids cannot exist.
MAX_ID = 2**31 - 1
#: The widest integer SQLite and PostgreSQL take as a parameter (row offsets are BIGINT).
MAX_INT = 2**63 - 1

# ASCII digits only: str.isdigit() also accepts '²' or '៣', which int() then rejects or misreads.
_INT_RE = re.compile(r"[+-]?[0-9]+")


def parse_int(value: str | None, name: str, *, expected: str = "integer") -> int | None:
    """``value`` as an int, or None when blank; raises :class:`BadQuery` when it is not an integer.

    ``expected`` (an ``expected.*`` key of :mod:`webapp.messages`) says what was wanted.
    Callers clamp the result to their own range (page numbers, limits, zoom).
    """
    value = (value or "").strip()
    if not value:
        return None
    if not _INT_RE.fullmatch(value):
        raise BadQuery.param(name, value, expected)
    return int(value)


def parse_zoom(value: str | None, default: int = 7) -> int:
    """A map zoom level within 0–22, ``default`` when blank; raises :class:`BadQuery` when not an integer."""
    zoom = parse_int(value, "zoom", expected="zoom")
    return default if zoom is None else max(0, min(zoom, 22))


def parse_id(value: str | None, name: str) -> int | None:
    """A row id (0 to :data:`MAX_ID`) or None when blank; raises :class:`BadQuery` otherwise."""
    number = parse_int(value, name, expected="id")
    if number is not None and not 0 <= number <= MAX_ID:
        raise BadQuery.param(name, str(value).strip(), "id")
    return number


def parse_date(value: str | None, name: str) -> dt.date | None:
    """An ISO ``YYYY-MM-DD`` date, or None when blank; raises :class:`BadQuery` when malformed."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadQuery.param(name, value, "iso_date") from None


class IdConverter(IntegerConverter):
    """The ``<int:…>`` URL converter, bounded to :data:`MAX_ID`: a larger id is a 404, not a 500."""

    def __init__(self, map: Any, *args: Any, **kwargs: Any) -> None:  # noqa: A002 - werkzeug's name
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)
