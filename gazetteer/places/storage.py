"""The gazetteer on disk: places as gzip JSON Lines, imports kept beside the built file, the merged snapshot.

A built gazetteer ``…/gazetteer.jsonl.gz`` has two siblings: its imports
(:func:`imports_path`, every place an importer added, kept across rebuilds) and
the snapshot of the two merged (:func:`extended_path`, a cache).  :func:`extend`
adds imported places; :func:`load_extended` gives the places the app sees.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import GazetteerDataError
from .merge import MergeReport, combine, merge_places
from .parents import complete_parents
from .place import Place

__all__ = ["extend", "extended_path", "imports_path", "load_extended", "read_places", "write_places"]


def _sibling(gazetteer_path: str | Path, kind: str) -> Path:
    path = Path(gazetteer_path)
    return path.with_name(f"{path.name.split('.', 1)[0]}.{kind}.jsonl.gz")


def imports_path(gazetteer_path: str | Path) -> Path:
    """Where the imports of the gazetteer file ``gazetteer_path`` are kept.

    ``…/gazetteer.jsonl.gz`` → ``…/gazetteer.imports.jsonl.gz``.  Imports live
    apart from the built file so that rebuilding the bundled part (after an
    upgrade) keeps them.
    """
    return _sibling(gazetteer_path, "imports")


def extended_path(gazetteer_path: str | Path) -> Path:
    """The merged snapshot (built file + imports): ``…/gazetteer.extended.jsonl.gz``.

    A cache: it is rewritten whenever it is older than either input (its
    ``.stamp`` sidecar holds their hashes), so loading never merges twice.
    """
    return _sibling(gazetteer_path, "extended")


def read_places(path: str | Path) -> list[Place]:
    """Places from a JSON Lines file (gzip when it ends in .gz); [] when it does not exist.

    Raises :class:`GazetteerDataError` naming the file and line of a bad entry.
    """
    path = Path(path)
    if not path.exists():
        return []
    opener = gzip.open if path.suffix == ".gz" else open
    places = []
    where = 0
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                where += 1
                if line.strip():
                    places.append(Place.from_dict(json.loads(line)))
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise GazetteerDataError(f"cannot read gazetteer {path}:{where}: {exc}") from exc
    return places


def write_places(path: str | Path, places: Iterable[Place]) -> None:
    """Write places as gzip JSON Lines atomically (a temp file renamed over ``path``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # concurrent writers never share a temp file
    # Level 5: about the size of level 9 on this data, several times faster to write.
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=5) as fh:
        for place in places:
            fh.write(json.dumps(place.to_dict(), ensure_ascii=False, separators=(",", ":")))
            fh.write("\n")
    tmp.replace(path)


def _stamp(gazetteer_path: Path) -> str:
    digest = hashlib.sha256()
    for file in (gazetteer_path, imports_path(gazetteer_path)):
        digest.update(file.read_bytes() if file.exists() else b"-")
        digest.update(b"\0")
    return digest.hexdigest()[:24]


def _write_snapshot(gazetteer_path: Path, places: list[Place]) -> None:
    snapshot = extended_path(gazetteer_path)
    write_places(snapshot, places)
    snapshot.with_name(snapshot.name + ".stamp").write_text(_stamp(gazetteer_path) + "\n", encoding="utf-8")


def load_extended(gazetteer_path: str | Path) -> list[Place]:
    """The places the app sees: the file at ``gazetteer_path`` with its imports merged in.

    Uses the snapshot (:func:`extended_path`) when current, else merges,
    completes admin parents from imported polygons (:func:`complete_parents`)
    and rewrites it.  Raises :class:`GazetteerDataError` on unreadable files.
    """
    path = Path(gazetteer_path)
    imports = imports_path(path)
    if not imports.exists():
        return read_places(path)
    snapshot = extended_path(path)
    stamp = snapshot.with_name(snapshot.name + ".stamp")
    if snapshot.exists() and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == _stamp(path):
        return read_places(snapshot)
    places, _ = merge_places(read_places(path), read_places(imports))
    places = complete_parents(places)
    _write_snapshot(path, places)
    return places


def _iter_unique(places: Iterable[Place]) -> Iterator[Place]:
    seen: set[str] = set()
    for p in places:
        if p.id not in seen:
            seen.add(p.id)
            yield p


def extend(gazetteer_path: str | Path, places: Iterable[Place]) -> MergeReport:
    """Merge imported ``places`` into the gazetteer saved at ``gazetteer_path``; persist them.

    The report counts the places added to, and merged into, what the app
    sees (built file plus earlier imports).  The imports file
    (:func:`imports_path`) keeps every imported entry by id (a re-import
    updates its earlier entry) and is rewritten atomically, as is the
    merged snapshot.  Raises :class:`GazetteerDataError` when a file cannot
    be read, ``OSError`` when one cannot be written.
    """
    path = Path(gazetteer_path)
    new = list(_iter_unique(places))
    merged, report = merge_places(load_extended(path), new)
    merged = complete_parents(merged)
    stored = {p.id: p for p in read_places(imports_path(path))}
    for place in new:
        # Layers share ids (OCHA admin3 polygons and admin points): the newer entry wins
        # on its fields, the older fills what it lacks (the polygon).
        stored[place.id] = combine(place, stored[place.id]) if place.id in stored else place
    write_places(imports_path(path), stored.values())
    _write_snapshot(path, merged)
    return report
