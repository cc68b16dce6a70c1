"""An in-memory columnar copy of the mapped incidents, so viewport clusters cost milliseconds.

SQLite needs seconds to ``GROUP BY`` grid cells over a million rows; numpy does the same over
arrays in tens of milliseconds.  :func:`current_index` keeps one :class:`MapIndex` per
database and keeps it current **incrementally**: at most every ``MAP_INDEX_CHECK_SECONDS``
(default :data:`CHECK_SECONDS`) a request reads the table's :class:`Version`, and when it
moved, only what changed is read again (:meth:`MapIndex.updated`):

* rows with an id above the index's watermark (new incidents);
* incidents named by a :class:`~webapp.models.Change` newer than the last one seen (every
  correction, merge, split and re-resolution records one);
* when the row count then disagrees with what was counted (an article deleted with its
  incidents, or on PostgreSQL a transaction that committed a lower id late), the table's ids
  are compared with the index's, and the missing and vanished rows are put right.

The first index of a process is read from a snapshot (:mod:`webapp.mapsnapshot`, an ``.npz``
file in the instance folder) and then brought up to date the same way, so a restarted server
answers its first map query without reading a million rows; with no snapshot it reads the
table once and writes one.

The filters' column conditions (:func:`webapp.filters.conditions`: bbox, dates, types,
governorates, precision, review status, primaries only) are evaluated over the arrays; free
text, actors, source and article select ids in SQL (from the text indexes), which are then
intersected with the arrays and kept for the following viewport queries with the same search.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from flask import Flask, current_app
from sqlalchemy import ColumnElement, Date, Integer, cast, func, literal, select

from . import mapsnapshot
from .extensions import db
from .filters import (
    AnyOf,
    Between,
    Condition,
    Filters,
    IsNull,
    Near,
    OneOf,
    conditions,
    near_limit,
    search_ids,
    text_criteria,
)
from .models import Change, Incident

#: How often (seconds) a request may check whether the table changed.
CHECK_SECONDS = 2.0
#: The name of the threads that write snapshots.
SNAPSHOT_THREAD = "mapindex-snapshot"
#: Text searches (q/actor/source) whose matching rows are kept per index.
TEXT_CACHE_SIZE = 32
#: Column conditions (other than the bbox) whose masks are kept per index.
CONDITION_CACHE_SIZE = 32
#: Above this many cells between a selection's corners, clusters are counted by sorting, not by
#: one dense array of counts.
DENSE_CELLS = 4_000_000
_EPOCH = np.datetime64("1970-01-01", "D")
#: The Julian day of 1970-01-01 (SQLite's ``julianday`` counts days from 4714 BC).
_UNIX_JULIAN_DAY = 2440587.5


def _columns() -> tuple[ColumnElement[Any], ...]:
    """The columns read for each located incident, in the order :meth:`MapIndex.from_rows` takes
    them; the date as days since 1970-01-01, computed by the database (no date objects made)."""
    if db.session.get_bind().dialect.name == "sqlite":
        day = cast(func.julianday(Incident.date) - _UNIX_JULIAN_DAY, Integer)
    else:
        day = cast(Incident.date - cast(literal("1970-01-01"), Date), Integer)
    return (
        Incident.id,
        Incident.lat,
        Incident.lon,
        day,
        Incident.event_type,
        func.lower(Incident.admin1),
        Incident.geo_precision,
        Incident.status,
        Incident.merged_into_id,
    )


#: The arrays of a :class:`MapIndex`, one value per incident, in id order.
ARRAYS = (
    "ids",
    "lat",
    "lon",
    "day",
    "has_date",
    "type_code",
    "admin_code",
    "precision",
    "status_code",
    "merged_into",
)
#: Its code tables: the value each integer code of ``type_code``/``admin_code``/``status_code`` stands for.
CODE_TABLES = ("types", "admins", "statuses")


@dataclass(frozen=True)
class Version:
    """What :func:`table_version` reads: the incidents table's largest id and row count, and the
    newest change's id.  Any insert, delete or recorded change moves one of them."""

    max_id: int
    count: int
    change_id: int


@dataclass(frozen=True)
class MapIndex:
    """Parallel arrays over located incidents, ordered by id; ``types``/``admins`` decode the codes."""

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
    _condition_cache: dict[Condition, np.ndarray] = field(default_factory=dict, compare=False, repr=False)
    # Per cached text search: the ids read since it was answered, whose part is not known yet.
    _text_unknown: dict[Filters, np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def empty(cls) -> MapIndex:
        """An index of no incidents."""
        return cls.from_rows([])

    @classmethod
    def load(cls) -> MapIndex:
        """Read every located incident's mapped columns from the database."""
        return cls.empty().updated(where=[], drop=())

    @classmethod
    def from_rows(
        cls, rows: Sequence[Sequence[Any]], codes: tuple[tuple[str, ...], ...] = ((), (), ())
    ) -> MapIndex:
        """An index of ``rows`` (the values of :func:`_columns`, in id order), its code tables
        extending ``codes`` (so codes already given keep their meaning)."""
        cols = list(zip(*rows, strict=True)) if len(rows) else [()] * 9
        types, type_code = _codes(cols[4], codes[0])
        admins, admin_code = _codes(cols[5], codes[1])
        statuses, status_code = _codes(cols[7], codes[2])
        has_date = np.array([d is not None for d in cols[3]], dtype=bool)
        day = np.array([d or 0 for d in cols[3]], dtype="int64")
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

    def updated(self, *, where: Iterable[ColumnElement[bool]], drop: Iterable[int]) -> MapIndex:
        """A new index: this one without the incidents ``drop``, plus the located incidents the
        criteria ``where`` select, read from the database (replacing any with the same id)."""
        query = (
            select(*_columns())
            .where(Incident.lat.is_not(None), Incident.lon.is_not(None), *where)
            .order_by(Incident.id)
        )
        rows = _fetch_all(query)
        fresh = MapIndex.from_rows(rows, (self.types, self.admins, self.statuses))
        gone = np.union1d(np.fromiter(drop, dtype="int64"), fresh.ids)
        keep = ~self.holds(gone)
        ids = np.concatenate((self.ids[keep], fresh.ids))
        # Sorted again only when a changed or late row came back below newer ones.
        order = np.argsort(ids, kind="stable") if np.any(ids[1:] < ids[:-1]) else None

        def merged(old: np.ndarray, new: np.ndarray) -> np.ndarray:
            joined = np.concatenate((old[keep], new))
            return joined if order is None else joined[order]

        index = MapIndex(
            **{name: merged(getattr(self, name), getattr(fresh, name)) for name in ARRAYS},
            types=fresh.types,
            admins=fresh.admins,
            statuses=fresh.statuses,
        )
        # The kept masks carry over: the old rows' part is still right, the fresh rows' is computed
        # now (conditions) or on the search's next use (text, from the database).
        for condition, held in self._condition_cache.items():
            index._condition_cache[condition] = merged(held, fresh._holds(condition))
        unknown = np.zeros(len(fresh.ids), dtype=bool)
        for text_only, hit in self._text_cache.items():
            index._text_cache[text_only] = merged(hit, unknown)
            index._text_unknown[text_only] = np.union1d(
                self._text_unknown.get(text_only, np.zeros(0, "int64")), fresh.ids
            )
        return index

    def holds(self, ids: np.ndarray) -> np.ndarray:
        """A mask over this index: True for the incidents whose id is in ``ids``."""
        found = np.zeros(len(self.ids), dtype=bool)
        if len(self.ids) and len(ids):
            at = np.searchsorted(self.ids, ids)
            inside = at < len(self.ids)
            at = at[inside]
            found[at[self.ids[at] == ids[inside]]] = True
        return found

    def arrays(self) -> dict[str, Any]:
        """The arrays and code tables by name (what :mod:`webapp.mapsnapshot` stores)."""
        return {name: getattr(self, name) for name in (*ARRAYS, *CODE_TABLES)}

    def mask(self, flt: Filters) -> np.ndarray:
        """Which incidents match ``flt``: its column conditions over the arrays, the rest in SQL."""
        m = np.ones(len(self.ids), dtype=bool)
        if flt.q or flt.actors or flt.source or flt.article_id is not None:
            sql_only = Filters(q=flt.q, actors=flt.actors, source=flt.source, article_id=flt.article_id)
            m &= self._text_mask(sql_only)
        for condition in conditions(flt):
            m &= self._cached_holds(condition)
        return m

    def _cached_holds(self, condition: Condition) -> np.ndarray:
        # Panning changes the bbox; the other conditions (primaries only, statuses, types, dates…)
        # stay, so their masks are kept for the life of this index.
        if isinstance(condition, Between) and condition.column in ("lat", "lon"):
            return self._holds(condition)
        held = self._condition_cache.get(condition)
        if held is None:
            held = self._holds(condition)
            if len(self._condition_cache) >= CONDITION_CACHE_SIZE:
                self._condition_cache.pop(next(iter(self._condition_cache)))
            self._condition_cache[condition] = held
        return held

    def _holds(self, condition: Condition) -> np.ndarray:
        if isinstance(condition, AnyOf):
            return np.logical_or.reduce([self._holds(c) for c in condition.conditions])
        if isinstance(condition, Near):
            # The haversine term, as webapp.filters states it in SQL.
            lat, lon = np.radians(self.lat), np.radians(self.lon)
            lat0, lon0 = np.radians(condition.lat), np.radians(condition.lon)
            a = np.sin((lat - lat0) / 2) ** 2 + np.cos(lat0) * np.cos(lat) * np.sin((lon - lon0) / 2) ** 2
            return a <= near_limit(condition.km)
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
        # Panning and zooming repeat the same search: keep its answer for the life of this index,
        # and of the indexes updated from it (see :meth:`updated`).
        hit = self._text_cache.get(text_only)
        if hit is None:
            hit = self.holds(_matching_ids(text_only))
            if len(self._text_cache) >= TEXT_CACHE_SIZE:
                dropped = next(iter(self._text_cache))
                self._text_cache.pop(dropped)
                self._text_unknown.pop(dropped, None)
            self._text_cache[text_only] = hit
        unknown = self._text_unknown.pop(text_only, None)
        if unknown is not None and len(unknown):
            hit[self.holds(_matching_ids(text_only, among=unknown))] = True
        return hit

    def grid(self, mask: np.ndarray, size: float, *, by_type: bool) -> list[dict[str, Any]]:
        """Cells as :func:`webapp.density.grid_cells` returns them, computed over the arrays."""
        lat, lon = self.lat[mask], self.lon[mask]
        if not len(lat):
            return []
        cy = np.floor((lat + 90.0) / size).astype("int64")
        cx = np.floor((lon + 180.0) / size).astype("int64")
        cell_key = cy * 10_000_000 + cx
        cells_u, inverse, counts = _cells(cell_key, cy, cx)
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


def _matching_ids(text_only: Filters, *, among: np.ndarray | None = None) -> np.ndarray:
    """The sorted ids of the incidents matching ``text_only``'s free text, actors, source and
    article, in SQL (only those of ``among`` when given)."""
    ids = None if among is None else among.tolist()
    if text_only.source or text_only.article_id is not None:
        query = select(Incident.id).where(*text_criteria(text_only))
        if ids is not None:
            query = query.where(Incident.id.in_(ids))
    else:  # free text and actors only: the text index alone answers
        query = search_ids(text_only, among=ids)
    matching = np.fromiter(db.session.scalars(query), dtype="int64")
    matching.sort()
    return matching


def _cells(key: np.ndarray, cy: np.ndarray, cx: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``np.unique(key, return_inverse=True, return_counts=True)`` for cell keys ``cy·10⁷ + cx``:
    counted in one dense array when the cells between the corners are few (linear time, no sort)."""
    y0, x0 = int(cy.min()), int(cx.min())
    height, width = int(cy.max()) - y0 + 1, int(cx.max()) - x0 + 1
    if height * width > DENSE_CELLS:
        return np.unique(key, return_inverse=True, return_counts=True)
    dense = (cy - y0) * width + (cx - x0)
    counts = np.bincount(dense, minlength=height * width)
    occupied = np.flatnonzero(counts)
    inverse = np.searchsorted(occupied, dense)
    cells = (occupied // width + y0) * 10_000_000 + (occupied % width + x0)
    return cells, inverse, counts[occupied]


def _fetch_all(query: Any) -> list[tuple[Any, ...]]:
    """The rows of ``query`` as plain tuples, straight from the driver's cursor: a million rows
    through SQLAlchemy's result objects cost seconds more, and these columns need no conversion."""
    connection = db.session.connection()
    compiled = query.compile(connection, compile_kwargs={"literal_binds": True})
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.execute(str(compiled))
        return cursor.fetchall()
    finally:
        cursor.close()


def _codes(values: Sequence[Any], known: tuple[str, ...] = ()) -> tuple[tuple[str, ...], np.ndarray]:
    """The code table (``known`` first, then the new values, sorted) and the codes of ``values``."""
    names = known + tuple(sorted({v or "" for v in values} - set(known)))
    lookup = {n: i for i, n in enumerate(names)}
    return names, np.array([lookup[v or ""] for v in values], dtype="int32")


def table_version() -> Version:
    """The incidents table's :class:`Version`, read now."""
    top, n = db.session.execute(select(func.max(Incident.id), func.count())).one()
    change = db.session.scalar(select(func.max(Change.id)))
    return Version(int(top or 0), int(n or 0), int(change or 0))


@dataclass
class _Slot:
    """One database's index, the version it reflects, and when that was last checked."""

    index: MapIndex
    version: Version
    checked: float
    saved_version: Version | None = None


_lock = threading.Lock()
_slots: dict[str, _Slot] = {}


def current_index() -> MapIndex:
    """The index of the current app's database, brought up to date when the table has changed.

    The first call in a process starts from the snapshot when one matches this database (else
    reads the whole table, then writes a snapshot); every later change is read incrementally.
    """
    key = _key()
    now = time.monotonic()
    interval = float(current_app.config.get("MAP_INDEX_CHECK_SECONDS", CHECK_SECONDS))
    with _lock:
        slot = _slots.get(key)
        if slot is not None and now - slot.checked < interval:
            return slot.index
        version = table_version()
        if slot is None:
            slot = _start(key, version)
            _slots[key] = slot
        elif slot.version != version:
            slot.index = catch_up(slot.index, slot.version, version)
            slot.version = version
        slot.checked = now
        _maybe_save(key, slot)
        return slot.index


def catch_up(index: MapIndex, seen: Version, now: Version) -> MapIndex:
    """``index``, which reflected the table at version ``seen``, brought to version ``now``.

    Reads the rows added since (ids above ``seen.max_id``) and those changes since name; then,
    when the table's row count is not what those reads explain, compares all ids.
    """
    changed = db.session.scalars(
        select(Change.subject_id)
        .where(Change.subject == "incident", Change.id > seen.change_id, Change.id <= now.change_id)
        .distinct()
    ).all()
    # Bounded by the version's watermark: rows committed since are left to the next check.
    criteria = (Incident.id > seen.max_id) & (Incident.id <= now.max_id)
    added = db.session.scalar(select(func.count()).where(criteria)) or 0
    if changed:
        criteria = criteria | Incident.id.in_(changed)
    index = index.updated(where=[criteria], drop=changed)
    if seen.count + added != now.count:  # rows deleted, or committed late below the watermark
        index = reconcile(index)
    return index


def reconcile(index: MapIndex) -> MapIndex:
    """``index`` with the table's ids: rows it lacks are read, rows the table lost are dropped."""
    located = np.fromiter(
        db.session.scalars(select(Incident.id).where(Incident.lat.is_not(None), Incident.lon.is_not(None))),
        dtype="int64",
    )
    located.sort()
    vanished = index.ids[~np.isin(index.ids, located, assume_unique=True)]
    missing = located[~np.isin(located, index.ids, assume_unique=True)]
    if not len(vanished) and not len(missing):
        return index
    return index.updated(where=[Incident.id.in_(missing.tolist())], drop=vanished.tolist())


def _start(key: str, version: Version) -> _Slot:
    snapshot = mapsnapshot.read(_snapshot_path(key)) if _snapshot_path(key) else None
    if snapshot is not None:
        arrays, seen = snapshot
        seen_version = Version(**seen)
        if seen_version.max_id <= version.max_id and seen_version.change_id <= version.change_id:
            index = MapIndex(**arrays)
            if seen_version != version:
                index = catch_up(index, seen_version, version)
            return _Slot(index, version, 0.0, saved_version=seen_version)
    return _Slot(MapIndex.load(), version, 0.0)


def _maybe_save(key: str, slot: _Slot) -> None:
    # A snapshot is written after a full read, and again once it lags by SNAPSHOT_ROWS rows, in a
    # thread: the index is immutable, and the request need not wait for the disk.
    path = _snapshot_path(key)
    saved = slot.saved_version
    if path is None or (saved is not None and slot.version.max_id - saved.max_id < mapsnapshot.ROWS_BEHIND):
        return
    slot.saved_version = slot.version
    meta = {"max_id": slot.version.max_id, "count": slot.version.count, "change_id": slot.version.change_id}
    threading.Thread(
        target=mapsnapshot.write, args=(path, slot.index.arrays(), meta), name=SNAPSHOT_THREAD, daemon=True
    ).start()


def wait_for_snapshots(timeout: float = 120.0) -> None:
    """Return once the snapshots this process is writing are on disk (or ``timeout`` seconds passed)."""
    for thread in threading.enumerate():
        if thread.name == SNAPSHOT_THREAD:
            thread.join(timeout)


def _snapshot_path(key: str) -> Any:
    if not current_app.config.get("MAP_INDEX_SNAPSHOT", True):
        return None
    return mapsnapshot.path_for(current_app.instance_path, key)


def _key() -> str:
    return db.engine.url.render_as_string(hide_password=False)


def preload(app: Flask) -> None:
    """Build ``app``'s index now (from its snapshot, else the table, then written as a snapshot),
    in a process about to fork its workers: each starts with it in memory."""
    with app.app_context():
        current_index()
        db.session.remove()
    wait_for_snapshots()


def clear() -> None:
    """Forget every index held in memory (tests that reuse a database URL)."""
    with _lock:
        _slots.clear()


def refresh() -> None:
    """Make this process's next map request check the table at once (after a change it made itself),
    instead of within ``MAP_INDEX_CHECK_SECONDS``; other processes see it within that time."""
    with _lock:
        slot = _slots.get(_key())
        if slot is not None:
            slot.checked = float("-inf")
