"""An in-memory columnar copy of the mapped incidents, so viewport clusters cost milliseconds.

SQLite needs seconds to ``GROUP BY`` grid cells over a million rows; numpy does the same over
arrays in tens of milliseconds.  :func:`current_index` keeps one :class:`MapIndex` per
database and keeps it current **incrementally**: at most every ``MAP_INDEX_CHECK_SECONDS``
(default :data:`CHECK_SECONDS`) a request reads the table's :class:`Version`, and when it
moved, only what changed is read again (:meth:`~webapp.mapcolumns.MapIndex.updated`):

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

The index itself, its arrays, masks and grid cells, is :class:`webapp.mapcolumns.MapIndex`.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
from flask import Flask, current_app
from sqlalchemy import func, select

from . import mapsnapshot
from .database import is_one_of
from .extensions import db
from .mapcolumns import MapIndex
from .models import Change, Incident
from .models.indexes import INCIDENT_TALLY

#: How often (seconds) a request may check whether the table changed.
CHECK_SECONDS = 2.0
#: The name of the threads that write snapshots.
SNAPSHOT_THREAD = "mapindex-snapshot"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Version:
    """What :func:`table_version` reads: the incidents table's largest id and row count, and the
    newest change's id.  Any insert, delete or recorded change moves one of them."""

    max_id: int
    count: int
    change_id: int


def table_version() -> Version:
    """The incidents table's :class:`Version`, read now."""
    if db.engine.dialect.name == "sqlite":
        # The count migration 0014's triggers keep: count(*) walks a million index entries there.
        count = select(INCIDENT_TALLY.c.n).scalar_subquery()
    else:
        # PostgreSQL counts (an index-only scan): a trigger-kept row would serialise ingestions.
        count = func.count()
    top, n = db.session.execute(select(func.max(Incident.id), count).select_from(Incident)).one()
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
        criteria = criteria | is_one_of(Incident.id, changed)
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
    return index.updated(where=[is_one_of(Incident.id, missing.tolist())], drop=vanished.tolist())


def _start(key: str, version: Version) -> _Slot:
    path = _snapshot_path(key)
    snapshot = mapsnapshot.read(path) if path is not None else None
    if snapshot is not None:
        arrays, seen = snapshot
        seen_version = Version(**seen)
        index = _from_snapshot(arrays)
        if index is not None and (
            seen_version.max_id <= version.max_id
            and seen_version.change_id <= version.change_id
            and same_rows(index)
        ):
            if seen_version != version:
                index = catch_up(index, seen_version, version)
            return _Slot(index, version, 0.0, saved_version=seen_version)
    return _Slot(MapIndex.load(), version, 0.0)


def _from_snapshot(arrays: dict[str, Any]) -> MapIndex | None:
    try:
        return MapIndex.from_arrays(arrays)
    except KeyError as exc:  # written by an earlier version, which lacked some arrays
        log.info("the map index snapshot lacks %s: reading the table", exc)
        return None


def same_rows(index: MapIndex, samples: int = 64) -> bool:
    """Whether ``samples`` incidents spread over ``index`` are in the table as the index has them
    (id and point): a snapshot of another database, or of one since restored from a backup,
    fails this, and the table is read instead."""
    if not len(index.ids):
        return True
    at = np.unique(np.linspace(0, len(index.ids) - 1, min(samples, len(index.ids))).astype("int64"))
    stored = {
        row.id: (row.lat, row.lon)
        for row in db.session.execute(
            select(Incident.id, Incident.lat, Incident.lon).where(Incident.id.in_(index.ids[at].tolist()))
        )
    }
    return all(
        stored.get(int(i)) == (float(lat), float(lon))
        for i, lat, lon in zip(index.ids[at], index.lat[at], index.lon[at], strict=True)
    )


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
