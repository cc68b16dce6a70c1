"""An in-memory columnar copy of the mapped incidents, so viewport clusters cost milliseconds.

SQLite needs ~0.5 s to ``GROUP BY`` grid cells over 100,000 rows; numpy does
the same over arrays in a few milliseconds.  :func:`current_index` keeps one
:class:`MapIndex` per database, reloaded when the incidents table changes
(its ``max(id)``, row count and newest correction, checked at most every
``MAP_INDEX_CHECK_SECONDS``, default :data:`CHECK_SECONDS`).
The filters' column conditions (:func:`webapp.filters.conditions`: bbox, dates,
types, governorates, precision, review status, primaries only) are evaluated over the arrays; free
text, actors, source and article select ids in SQL, which are then intersected with the
arrays and kept for the following viewport queries with the same search.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from flask import current_app
from sqlalchemy import func, select

from .extensions import db
from .filters import AnyOf, Condition, Filters, IsNull, OneOf, conditions, text_criteria
from .models import Change, Incident

#: How often (seconds) a request may check whether the table changed.
CHECK_SECONDS = 2.0
#: Text searches (q/actor/source) whose matching rows are kept per index.
TEXT_CACHE_SIZE = 32
_EPOCH = np.datetime64("1970-01-01", "D")


@dataclass(frozen=True)
class MapIndex:
    """Parallel arrays over located incidents; ``types``/``admins`` decode the integer codes."""

    ids: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    day: np.ndarray  # days since 1970-01-01; meaningful only where has_date
    has_date: np.ndarray
    type_code: np.ndarray
    admin_code: np.ndarray  # codes of lower-cased admin1
    precision: np.ndarray  # 0 when unknown
    status_code: np.ndarray
    merged_into: np.ndarray  # the primary's id for a merged report, 0 for a primary
    types: tuple[str, ...]
    admins: tuple[str, ...]
    statuses: tuple[str, ...]
    _text_cache: dict[Filters, np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls) -> MapIndex:
        """Read every located incident's mapped columns from the database."""
        rows = db.session.execute(
            select(
                Incident.id,
                Incident.lat,
                Incident.lon,
                Incident.date,
                Incident.event_type,
                func.lower(Incident.admin1),
                Incident.geo_precision,
                Incident.status,
                Incident.merged_into_id,
            ).where(Incident.lat.is_not(None), Incident.lon.is_not(None))
        ).all()
        cols = list(zip(*rows, strict=True)) if rows else [()] * 9
        types, type_code = _codes(cols[4])
        admins, admin_code = _codes(cols[5])
        statuses, status_code = _codes(cols[7])
        dates = np.array(
            [d if d is not None else np.datetime64("NaT") for d in cols[3]], dtype="datetime64[D]"
        )
        has_date = ~np.isnat(dates)
        day = (
            np.where(has_date, (dates - _EPOCH).astype("int64", copy=False), 0)
            if len(dates)
            else np.zeros(0, "int64")
        )
        return cls(
            ids=np.array(cols[0], dtype="int64"),
            lat=np.array(cols[1], dtype="float64"),
            lon=np.array(cols[2], dtype="float64"),
            day=day,
            has_date=has_date,
            type_code=type_code,
            admin_code=admin_code,
            precision=np.array([p or 0 for p in cols[6]], dtype="int8"),
            status_code=status_code,
            merged_into=np.array([m or 0 for m in cols[8]], dtype="int64"),
            types=types,
            admins=admins,
            statuses=statuses,
        )

    def mask(self, flt: Filters) -> np.ndarray:
        """Which incidents match ``flt``: its column conditions over the arrays, the rest in SQL."""
        m = np.ones(len(self.ids), dtype=bool)
        if flt.q or flt.actors or flt.source or flt.article_id is not None:
            sql_only = Filters(q=flt.q, actors=flt.actors, source=flt.source, article_id=flt.article_id)
            m &= self._text_mask(sql_only)
        for condition in conditions(flt):
            m &= self._holds(condition)
        return m

    def _holds(self, condition: Condition) -> np.ndarray:
        if isinstance(condition, AnyOf):
            return np.logical_or.reduce([self._holds(c) for c in condition.conditions])
        values, known, encode = self._column(condition.column)
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

    def _column(self, name: str) -> tuple[np.ndarray, np.ndarray, Callable[[Any], Any]]:
        """The array standing for :class:`Incident` column ``name``: its values, where they are
        known (not NULL), and how a value in a condition is encoded to compare with them."""
        everywhere = np.ones(len(self.ids), dtype=bool)
        if name == "date":
            return self.day, self.has_date, lambda d: (np.datetime64(d, "D") - _EPOCH).astype("int64")
        if name == "event_type":
            codes = {t: i for i, t in enumerate(self.types)}
            return self.type_code, everywhere, lambda t: codes.get(t, -1)
        if name == "admin1":
            codes = {a: i for i, a in enumerate(self.admins)}
            return self.admin_code, everywhere, lambda a: codes.get(a.lower(), -1)
        if name == "geo_precision":
            return self.precision, self.precision != 0, int
        if name == "status":
            codes = {s: i for i, s in enumerate(self.statuses)}
            return self.status_code, everywhere, lambda s: codes.get(s, -1)
        if name == "merged_into_id":
            return self.merged_into, self.merged_into != 0, int
        arrays = {"lat": self.lat, "lon": self.lon}
        return arrays[name], everywhere, lambda v: v

    def _text_mask(self, text_only: Filters) -> np.ndarray:
        # Panning and zooming repeat the same search: keep its answer for the life of this index
        # (which is replaced whenever the table changes).
        hit = self._text_cache.get(text_only)
        if hit is None:
            matching = np.fromiter(
                db.session.scalars(select(Incident.id).where(*text_criteria(text_only))), dtype="int64"
            )
            hit = np.isin(self.ids, matching)
            if len(self._text_cache) >= TEXT_CACHE_SIZE:
                self._text_cache.pop(next(iter(self._text_cache)))
            self._text_cache[text_only] = hit
        return hit

    def grid(self, mask: np.ndarray, size: float, *, by_type: bool) -> list[dict[str, Any]]:
        """Cells as :func:`webapp.density.grid_cells` returns them, computed over the arrays."""
        lat, lon = self.lat[mask], self.lon[mask]
        if not len(lat):
            return []
        cy = np.floor((lat + 90.0) / size).astype("int64")
        cx = np.floor((lon + 180.0) / size).astype("int64")
        cell_key = cy * 10_000_000 + cx
        cells_u, inverse, counts = np.unique(cell_key, return_inverse=True, return_counts=True)
        sum_lat = np.bincount(inverse, weights=lat)
        sum_lon = np.bincount(inverse, weights=lon)
        out = []
        for i, key in enumerate(cells_u.tolist()):
            y, x = divmod(key, 10_000_000)
            out.append(
                {
                    "count": int(counts[i]),
                    "lat": round(float(sum_lat[i] / counts[i]), 5),
                    "lon": round(float(sum_lon[i] / counts[i]), 5),
                    "south": y * size - 90.0,
                    "west": x * size - 180.0,
                    "size": size,
                }
            )
        if by_type:
            for cell in out:
                cell["types"] = {}
            codes = self.type_code[mask]
            pair, pair_counts = np.unique(inverse.astype("int64") * 65536 + codes, return_counts=True)
            for p, n in zip(pair.tolist(), pair_counts.tolist(), strict=True):
                cell_i, code = divmod(p, 65536)
                out[cell_i]["types"][self.types[code] or "Other"] = n
        return out


def _codes(values: tuple[Any, ...]) -> tuple[tuple[str, ...], np.ndarray]:
    names = tuple(sorted({v or "" for v in values}))
    lookup = {n: i for i, n in enumerate(names)}
    return names, np.array([lookup[v or ""] for v in values], dtype="int32")


_lock = threading.Lock()
_cache: dict[str, dict[str, Any]] = {}


def table_version() -> tuple[int, int, int]:
    """``(max(id), count)`` of the incidents table and the newest change's id: changes on every
    insert or delete, and on every correction (each is recorded in ``changes``)."""
    top, n = db.session.execute(select(func.max(Incident.id), func.count())).one()
    change = db.session.scalar(select(func.max(Change.id)))
    return int(top or 0), int(n or 0), int(change or 0)


def current_index() -> MapIndex:
    """The index of the current app's database, reloaded when the table has changed."""
    key = db.engine.url.render_as_string(hide_password=False)
    now = time.monotonic()
    interval = float(current_app.config.get("MAP_INDEX_CHECK_SECONDS", CHECK_SECONDS))
    with _lock:
        slot = _cache.get(key)
        if slot is not None and now - slot["checked"] < interval:
            return slot["index"]
        version = table_version()
        if slot is None or slot["version"] != version:
            slot = {"index": MapIndex.load(), "version": version}
            _cache[key] = slot
        slot["checked"] = now
        return slot["index"]


def clear() -> None:
    """Forget every cached index (tests that reuse a database URL)."""
    with _lock:
        _cache.clear()


def refresh() -> None:
    """Forget the current database's index, so this process's next map request reloads it at once.

    Called after a correction; other processes see it by :func:`table_version` within
    ``MAP_INDEX_CHECK_SECONDS``.
    """
    with _lock:
        _cache.pop(db.engine.url.render_as_string(hide_password=False), None)
