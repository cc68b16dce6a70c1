"""Snapshots of the map index on disk, so a restarted process need not read every incident again.

A snapshot is one uncompressed ``.npz`` file per database in ``<instance>/mapindex/``, named
by a hash of the database URL: the :class:`~webapp.mapcolumns.MapIndex` arrays and code tables,
and the table version they reflect.  :func:`write` replaces it atomically (write, then
rename), so a reader sees the old file or the new one; :func:`read` returns None for a missing
or unreadable file, and the caller reads the table instead.  A snapshot is a cache: deleting
it is always safe.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

#: Rows by which the index may move past its snapshot before a new one is written.
ROWS_BEHIND = 10_000
_META = "__meta__"
_CODE_TABLES = ("types", "admins", "statuses")
log = logging.getLogger(__name__)


def path_for(instance_path: str, database_key: str) -> Path:
    """Where the snapshot of the database ``database_key`` (its URL) lives."""
    digest = hashlib.sha256(database_key.encode("utf-8")).hexdigest()[:16]
    return Path(instance_path) / "mapindex" / f"{digest}.npz"


def write(path: Path, arrays: dict[str, Any], meta: dict[str, int]) -> None:
    """Store ``arrays`` (numpy arrays, and tuples of strings for the code tables) with ``meta``.

    Failures are logged, never raised: without a snapshot the next process reads the table.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        stored = {
            name: (np.array(value, dtype=str) if name in _CODE_TABLES else value)
            for name, value in arrays.items()
        }
        stored[_META] = np.array(json.dumps(meta))
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            np.savez(out, **stored)
        os.replace(tmp, path)
    except OSError:
        log.exception("could not write the map index snapshot %s", path)


def read(path: Path) -> tuple[dict[str, Any], dict[str, int]] | None:
    """``(arrays, meta)`` as :func:`write` stored them, or None when absent or unreadable."""
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as stored:
            meta = json.loads(str(stored[_META]))
            arrays = {
                name: (tuple(str(v) for v in stored[name]) if name in _CODE_TABLES else stored[name])
                for name in stored.files
                if name != _META
            }
    except (OSError, ValueError, KeyError) as exc:
        log.warning("ignoring the unreadable map index snapshot %s: %s", path, exc)
        return None
    return arrays, meta
