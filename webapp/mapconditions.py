"""Column conditions of the filters evaluated over the map index's arrays, as SQL evaluates them.

:func:`condition_mask` is what :meth:`webapp.mapcolumns.MapIndex.mask` asks for each condition
of :func:`webapp.filters.conditions` (the index keeps the masks).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import numpy as np

from .filters import AnyOf, Condition, IsNull, Near, OneOf, near_limit

_EPOCH = np.datetime64("1970-01-01", "D")


class ArrayColumns(Protocol):
    """The arrays of :class:`webapp.mapcolumns.MapIndex` a condition reads, and their code tables."""

    ids: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    day: np.ndarray
    has_date: np.ndarray
    type_code: np.ndarray
    admin_code: np.ndarray
    precision: np.ndarray
    status_code: np.ndarray
    merged_into: np.ndarray
    types: tuple[str, ...]
    admins: tuple[str, ...]
    statuses: tuple[str, ...]


def condition_mask(index: ArrayColumns, condition: Condition) -> np.ndarray:
    """A mask over ``index``: True for the incidents ``condition`` holds for (NULL never matches)."""
    if isinstance(condition, AnyOf):
        return np.logical_or.reduce([condition_mask(index, c) for c in condition.conditions])
    if isinstance(condition, Near):
        # The haversine term, as webapp.filters states it in SQL.
        lat, lon = np.radians(index.lat), np.radians(index.lon)
        lat0, lon0 = np.radians(condition.lat), np.radians(condition.lon)
        a = np.sin((lat - lat0) / 2) ** 2 + np.cos(lat0) * np.cos(lat) * np.sin((lon - lon0) / 2) ** 2
        return a <= near_limit(condition.km)
    values, known, encode = _column(index, condition.column)
    if isinstance(condition, IsNull):
        return ~known
    if isinstance(condition, OneOf):
        return known & np.isin(values, [encode(v) for v in condition.values])
    held = known.copy()
    if condition.low is not None:
        held &= values >= encode(condition.low)
    if condition.high is not None:
        held &= values <= encode(condition.high)
    return held


def _column(index: ArrayColumns, name: str) -> tuple[np.ndarray, np.ndarray, Callable[[Any], Any]]:
    """The array standing for :class:`~webapp.models.Incident` column ``name``: its values, where they are
    known (not NULL), and how a value in a condition is encoded to compare with them."""
    everywhere = np.ones(len(index.ids), dtype=bool)
    if name == "date":
        return index.day, index.has_date, lambda d: (np.datetime64(d, "D") - _EPOCH).astype("int64")
    if name == "event_type":
        codes = {t: i for i, t in enumerate(index.types)}
        return index.type_code, everywhere, lambda t: codes.get(t, -1)
    if name == "admin1":
        codes = {a: i for i, a in enumerate(index.admins)}
        return index.admin_code, everywhere, lambda a: codes.get(a.lower(), -1)
    if name == "geo_precision":
        return index.precision, index.precision != 0, int
    if name == "status":
        codes = {s: i for i, s in enumerate(index.statuses)}
        return index.status_code, everywhere, lambda s: codes.get(s, -1)
    if name == "merged_into_id":
        return index.merged_into, index.merged_into != 0, int
    arrays = {"lat": index.lat, "lon": index.lon}
    return arrays[name], everywhere, lambda v: v
