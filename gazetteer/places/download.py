"""Downloading the full GeoNames and OCHA data for Syria, and importing it into a saved gazetteer.

The bundled gazetteer works offline; :func:`download` turns it into the full
one: GeoNames' Syria dump with its alternate names (some 20,000 features)
and OCHA's COD-AB package (admin areas, neighbourhoods and the admin-4
communities, the ~7,000 populated places with P-codes).  Each file is
fetched once into a cache folder (resumed with HTTP ``Range`` after a cut,
retried), verified (a whole zip, the expected members, their header
columns, and a SHA-256 when one is pinned), and only then imported through
the importers and :func:`gazetteer.places.storage.extend`, which merges without
duplicates.  A file that fails verification is deleted; nothing of the
selection is imported then.

Nothing here knows Flask: ``flask gazetteer download`` is a thin wrapper.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.request import Request, urlopen

from ..errors import DownloadError
from .importers import geonames, ocha
from .merge import MergeReport
from .place import Place
from .storage import extend

USER_AGENT = "syria-incident-map gazetteer download (+https://github.com/)"
CHUNK = 64 * 1024

#: progress(bytes done, total bytes or None); called as a download advances.
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class Source:
    """A file to fetch: where it lives, what must be in it, and how to import it.

    ``members`` maps each required zip member to the header columns it must
    have (GeoJSON: properties of the first feature; tab-separated GeoNames
    files: the number of columns, as ``"19 columns"``).  ``layers`` are
    further members imported when present.  ``sha256`` is checked when set.
    """

    name: str
    group: str
    url: str
    filename: str
    members: dict[str, tuple[str, ...]]
    layers: tuple[str, ...] = ()
    sha256: str = ""


#: GeoNames publishes no checksums; HDX resources are replaced in place when OCHA updates them.
SOURCES: tuple[Source, ...] = (
    Source(
        name="geonames",
        group="geonames",
        url="https://download.geonames.org/export/dump/SY.zip",
        filename="geonames-SY.zip",
        members={"SY.txt": (f"{geonames.N_COLUMNS} columns",)},
    ),
    Source(
        name="geonames-alternatenames",
        group="geonames",
        url="https://download.geonames.org/export/dump/alternatenames/SY.zip",
        filename="geonames-alternatenames-SY.zip",
        members={"SY.txt": ("4 columns",)},
    ),
    Source(
        # HDX dataset cod-ab-syr (Syrian Arab Republic - Subnational Administrative Boundaries),
        # resource syr_admin_boundaries.geojson.zip: every COD-AB layer, populated places included.
        name="ocha-cod-ab",
        group="ocha",
        url=(
            "https://data.humdata.org/dataset/356a63e9-90aa-4b9c-a938-58ef24469c00/resource/"
            "ab4b6f19-3854-4b2b-8f5c-b5dc474a4c0c/download/syr_admin_boundaries.geojson.zip"
        ),
        filename="syr_admin_boundaries.geojson.zip",
        members={
            "syr_admin1.geojson": ("adm1_name", "adm1_pcode"),
            "syr_admin2.geojson": ("adm2_name", "adm2_pcode"),
            "syr_admin3.geojson": ("adm3_name", "adm3_pcode"),
        },
        layers=(
            "syr_adminpoints.geojson",
            "syr_admincapitals.geojson",
            "syr_neighborhoods.geojson",
            "syr_populatedplaces.geojson",
        ),
    ),
)
GROUPS = ("geonames", "ocha", "all")


@dataclass
class Imported:
    """What importing one source did: its cached file, whether it was fetched now, the merge report."""

    source: Source
    path: Path
    fetched: bool
    report: MergeReport = field(default_factory=MergeReport)


def select(which: str) -> list[Source]:
    """The sources of ``which`` ('geonames', 'ocha' or 'all'); raises :class:`DownloadError` otherwise."""
    if which not in GROUPS:
        raise DownloadError(f"unknown source {which!r}; choose one of {', '.join(GROUPS)}")
    return [s for s in SOURCES if which in ("all", s.group)]


def source_url(source: Source, base_url: str | None) -> str:
    """The source's public address, or ``base_url`` + its file name (a mirror, or a test server)."""
    return f"{base_url.rstrip('/')}/{source.filename}" if base_url else source.url


# -- fetching ------------------------------------------------------------------------
def _request(url: str, offset: int) -> Request:
    headers = {"User-Agent": USER_AGENT}
    if offset:
        headers["Range"] = f"bytes={offset}-"
    return Request(url, headers=headers)


def fetch(
    url: str,
    dest: Path,
    *,
    retries: int = 3,
    timeout: float = 60.0,
    backoff: float = 2.0,
    progress: Progress | None = None,
) -> Path:
    """Download ``url`` to ``dest``, resuming a partial ``dest.part`` with an HTTP Range request.

    A cut connection is retried up to ``retries`` times (waiting ``backoff``
    seconds, doubling), each time from where the last one stopped; a server
    that ignores ``Range`` sends the whole file again.  Raises
    :class:`DownloadError` on an HTTP error or when the retries run out.
    """
    part = dest.with_name(dest.name + ".part")
    dest.parent.mkdir(parents=True, exist_ok=True)
    wait = backoff
    last: Exception | None = None
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(wait)
            wait *= 2
        offset = part.stat().st_size if part.exists() else 0
        try:
            with urlopen(_request(url, offset), timeout=timeout) as resp:
                resumed = offset > 0 and resp.status == 206
                length = resp.headers.get("Content-Length")
                total = (offset if resumed else 0) + int(length) if length is not None else None
                done = offset if resumed else 0
                with part.open("ab" if resumed else "wb") as out:
                    while chunk := resp.read(CHUNK):
                        out.write(chunk)
                        done += len(chunk)
                        if progress is not None:
                            progress(done, total)
                if total is not None and done < total:
                    raise http.client.IncompleteRead(b"", total - done)
            part.replace(dest)
            return dest
        except HTTPError as exc:
            if exc.code == 416 and offset:
                part.unlink(missing_ok=True)  # our partial file is longer than theirs: start over
                last = exc
                continue
            if exc.code >= 500 or exc.code == 429:
                last = exc
                continue
            raise DownloadError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
        except (URLError, OSError, http.client.HTTPException) as exc:
            last = exc
    raise DownloadError(f"{url}: download failed after {retries + 1} attempts: {last}")


# -- verification --------------------------------------------------------------------
def _header_columns(zf: zipfile.ZipFile, member: str) -> tuple[set[str], int]:
    """(property names of the first feature, column count of the first line) of a member."""
    with zf.open(member) as fh:
        if member.endswith((".geojson", ".json")):
            data = json.load(fh)
            features = data.get("features") if isinstance(data, dict) else None
            if data.get("type") != "FeatureCollection" or not features:
                raise DownloadError(f"{member}: not a GeoJSON FeatureCollection with features")
            return {str(k).lower() for k in (features[0].get("properties") or {})}, 0
        first = fh.readline().decode("utf-8", "replace").rstrip("\r\n")
        return set(), len(first.split("\t"))


def verify(source: Source, path: Path) -> None:
    """Check the downloaded ``path`` of ``source``; raises :class:`DownloadError` saying what is wrong.

    Checks: the pinned SHA-256 (if any), a readable zip whose every member's
    CRC is right, the required members, and their header columns.
    """
    if source.sha256:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != source.sha256:
            raise DownloadError(f"{source.name}: SHA-256 {digest} is not the expected {source.sha256}")
    if not zipfile.is_zipfile(path):
        raise DownloadError(f"{source.name}: {path.name} is not a zip file (truncated or an error page?)")
    try:
        with zipfile.ZipFile(path) as zf:
            bad = zf.testzip()
            if bad is not None:
                raise DownloadError(f"{source.name}: {path.name} is corrupt (bad CRC in {bad})")
            names = set(zf.namelist())
            missing = [m for m in source.members if m not in names]
            if missing:
                raise DownloadError(
                    f"{source.name}: {path.name} lacks {', '.join(missing)}; has {sorted(names)}"
                )
            for member, expected in source.members.items():
                columns, count = _header_columns(zf, member)
                for column in expected:
                    wanted, _, unit = column.partition(" ")
                    if unit == "columns" and count < int(wanted) or not unit and column not in columns:
                        raise DownloadError(f"{source.name}: {member} has no column {column!r}")
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DownloadError(f"{source.name}: {path.name} is corrupt: {exc}") from exc


def obtain(
    source: Source,
    cache_dir: Path,
    *,
    base_url: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
    retries: int = 3,
    backoff: float = 2.0,
    timeout: float = 60.0,
) -> tuple[Path, bool]:
    """The verified cached file of ``source`` and whether it was fetched now.

    A cached file is reused unless ``force``; one that fails verification is
    deleted and :class:`DownloadError` raised.
    """
    path = cache_dir / source.filename
    fetched = force or not path.exists()
    if fetched:
        path.unlink(missing_ok=True)
        fetch(
            source_url(source, base_url),
            path,
            retries=retries,
            timeout=timeout,
            backoff=backoff,
            progress=progress,
        )
    try:
        verify(source, path)
    except DownloadError:
        path.unlink(missing_ok=True)
        raise
    return path, fetched


# -- importing -----------------------------------------------------------------------
def _extract(path: Path, member: str, folder: Path) -> Path:
    out = folder / member
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path) as zf, zf.open(member) as src:
        out.write_bytes(src.read())
    return out


def _batches(files: dict[str, Path], cache_dir: Path) -> Iterator[tuple[str, Iterator[Place]]]:
    """(source name, places) for each file to import, in merge order: one batch per layer.

    OCHA layers share ids (an area's polygon and its label point), so each
    layer is its own :func:`gazetteer.places.storage.extend`, as with ``flask gazetteer import``.
    The alternate names are read with the GeoNames dump.
    """
    if "geonames" in files:
        dump = _extract(files["geonames"], "SY.txt", cache_dir / "geonames")
        alternates = None
        if "geonames-alternatenames" in files:
            alternates = _extract(
                files["geonames-alternatenames"], "SY.txt", cache_dir / "geonames-alternatenames"
            )
        yield "geonames", geonames.iter_places(dump, alternate_names=alternates)
    if "ocha-cod-ab" in files:
        source = next(s for s in SOURCES if s.name == "ocha-cod-ab")
        with zipfile.ZipFile(files["ocha-cod-ab"]) as zf:
            present = set(zf.namelist())
        for member in (*source.members, *source.layers):
            if member in present:
                layer = _extract(files["ocha-cod-ab"], member, cache_dir / "ocha-cod-ab")
                yield "ocha-cod-ab", ocha.iter_places(layer)


def download(
    which: str,
    gazetteer_path: str | Path,
    *,
    cache_dir: str | Path | None = None,
    base_url: str | None = None,
    force: bool = False,
    progress: Callable[[Source], Progress | None] | None = None,
    retries: int = 3,
    backoff: float = 2.0,
    timeout: float = 60.0,
) -> list[Imported]:
    """Fetch, verify and import the sources of ``which`` into the gazetteer saved at ``gazetteer_path``.

    ``cache_dir`` defaults to ``downloads/`` beside the gazetteer file;
    ``base_url`` replaces the public addresses by ``<base_url>/<file name>``;
    ``progress(source)`` returns a callback for that source's download.
    Every file is fetched and verified before anything is imported.
    Returns one :class:`Imported` per source.  Raises :class:`DownloadError`
    when a file cannot be had or is not what it should be, and
    :class:`gazetteer.errors.GazetteerDataError` when importing fails.
    """
    path = Path(gazetteer_path)
    folder = Path(cache_dir) if cache_dir is not None else path.parent / "downloads"
    sources = select(which)
    done: list[Imported] = []
    for source in sources:
        file, fetched = obtain(
            source,
            folder,
            base_url=base_url,
            force=force,
            progress=progress(source) if progress is not None else None,
            retries=retries,
            backoff=backoff,
            timeout=timeout,
        )
        done.append(Imported(source, file, fetched))
    by_name = {item.source.name: item for item in done}
    for name, places in _batches({n: item.path for n, item in by_name.items()}, folder):
        by_name[name].report += extend(path, places)
    return done
