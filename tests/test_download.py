"""Tests for gazetteer.places.download against a local HTTP server serving small files in the real formats.

Nothing here touches the network: the server listens on 127.0.0.1 and the
sources are pointed at it with ``base_url``.
"""

from __future__ import annotations

import io
import json
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from geo_toy import square

from gazetteer import DownloadError, PlaceType
from gazetteer.places.download import SOURCES, download, fetch, select, source_url, verify
from gazetteer.places.storage import imports_path, read_places

COMMUNITIES = Path(__file__).parent / "data" / "ocha" / "syr_populatedplaces.geojson"


def _geonames_row(gid: int, name: str, code: str, lat: float, lon: float, population: int) -> str:
    # The 19 tab-separated columns of a GeoNames dump (made-up places).
    cols = [
        str(gid),
        name,
        name,
        "",
        str(lat),
        str(lon),
        "P",
        code,
        "SY",
        "",
        "07",
        "",
        "",
        "",
        str(population),
    ]
    return "\t".join([*cols, "", "300", "Asia/Damascus", "2024-01-01"])


def _zip(members: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _admin_layer(level: int, pcode: str, name: str, name_ar: str, lat: float, lon: float, d: float) -> str:
    props = {f"adm{level}_name": name, f"adm{level}_name1": name_ar, f"adm{level}_pcode": pcode}
    for parent in range(1, level):
        props |= {
            f"adm{parent}_name": "Idleb",
            f"adm{parent}_name1": "إدلب",
            f"adm{parent}_pcode": pcode[: 2 + 2 * parent],
        }
    feature = {"type": "Feature", "properties": props, "geometry": square(lat, lon, d)}
    return json.dumps({"type": "FeatureCollection", "features": [feature]}, ensure_ascii=False)


def fixture_files() -> dict[str, bytes]:
    """The three downloads in their published formats, with a few made-up rows."""
    dump = "\n".join(
        [
            _geonames_row(9000001, "Kafr Tester", "PPL", 35.8555, 36.7712, 0),
            _geonames_row(9000002, "Zzyzx Hamlet", "PPL", 35.70, 36.50, 120),
        ]
    )
    alternates = "1\t9000002\tar\tقرية زززكس\t1\t\t\t\t\t\n2\t9000002\ten\tZzyzx\t\t\t\t\t\t\n"
    ocha_zip = _zip(
        {
            "syr_admin1.geojson": _admin_layer(1, "SY07", "Idleb", "إدلب", 35.8, 36.6, 0.6),
            "syr_admin2.geojson": _admin_layer(2, "SY0701", "Ariha", "أريحا", 35.8, 36.6, 0.3),
            "syr_admin3.geojson": _admin_layer(3, "SY070101", "Saraqab", "سراقب", 35.85, 36.75, 0.1),
            "syr_populatedplaces.geojson": COMMUNITIES.read_bytes(),
        }
    )
    return {
        "geonames-SY.zip": _zip({"SY.txt": dump, "readme.txt": "made up\n"}),
        "geonames-alternatenames-SY.zip": _zip({"SY.txt": alternates}),
        "syr_admin_boundaries.geojson.zip": ocha_zip,
    }


class Mirror:
    """What the test server serves (file name → bytes), the requests it saw, and files to cut once."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.requests: list[tuple[str, str | None]] = []
        self.cut_once: set[str] = set()


@pytest.fixture
def mirror() -> Iterator[tuple[Mirror, str]]:
    state = Mirror()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output quiet
            pass

        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            name = self.path.lstrip("/")
            state.requests.append((name, self.headers.get("Range")))
            data = state.files.get(name)
            if data is None:
                self.send_error(404)
                return
            start = 0
            if self.headers.get("Range"):
                start = int(self.headers["Range"].removeprefix("bytes=").split("-")[0])
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            else:
                self.send_response(200)
            body = data[start:]
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if name in state.cut_once:
                state.cut_once.discard(name)
                self.wfile.write(body[: len(body) // 2])  # then the connection drops
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_sources_table() -> None:
    assert [s.name for s in select("all")] == ["geonames", "geonames-alternatenames", "ocha-cod-ab"]
    assert [s.name for s in select("ocha")] == ["ocha-cod-ab"]
    assert all(s.url.startswith("https://") for s in SOURCES)
    assert source_url(SOURCES[0], "http://mirror.test/x/") == "http://mirror.test/x/geonames-SY.zip"
    with pytest.raises(DownloadError, match="unknown source"):
        select("osm")


def test_download_verifies_and_imports_everything(mirror: tuple[Mirror, str], tmp_path: Path) -> None:
    state, url = mirror
    state.files = fixture_files()
    gaz = tmp_path / "gazetteer.jsonl.gz"
    seen: list[tuple[str, int, int | None]] = []

    def progress(source):  # noqa: ANN001, ANN202
        return lambda done, total: seen.append((source.name, done, total))

    done = download("all", gaz, base_url=url, progress=progress, backoff=0)
    assert [(d.source.name, d.fetched) for d in done] == [
        ("geonames", True),
        ("geonames-alternatenames", True),
        ("ocha-cod-ab", True),
    ]
    assert seen and seen[-1][1] == seen[-1][2] == len(state.files["syr_admin_boundaries.geojson.zip"])
    stored = {p.id: p for p in read_places(imports_path(gaz))}
    assert stored["gn:9000002"].name_ar == "قرية زززكس"
    community = stored["ocha:C9001"]
    assert community.type == PlaceType.VILLAGE and community.parent(3).pcode == "SY070101"
    assert stored["ocha:SY070101"].type == PlaceType.SUBDISTRICT and stored["ocha:SY070101"].geometry
    # GeoNames' Kafr Tester and OCHA's community C9001 are one place (same name, 0 km apart).
    assert done[2].report.merged >= 1
    assert len(read_places(imports_path(gaz))) == len(stored)
    # Cached: a second run fetches nothing and changes nothing.
    requests = len(state.requests)
    again = download("all", gaz, base_url=url, backoff=0)
    assert not any(d.fetched for d in again) and len(state.requests) == requests
    assert again[0].report.added == 0 and again[2].report.added == 0


def test_resume_after_a_cut_connection(mirror: tuple[Mirror, str], tmp_path: Path) -> None:
    state, url = mirror
    state.files = fixture_files()
    name = "syr_admin_boundaries.geojson.zip"
    state.cut_once = {name}
    download("ocha", tmp_path / "gazetteer.jsonl.gz", base_url=url, backoff=0)
    ranges = [r for n, r in state.requests if n == name]
    half = len(state.files[name]) // 2
    assert ranges == [None, f"bytes={half}-"]
    assert (tmp_path / "downloads" / name).read_bytes() == state.files[name]


def test_corrupt_file_is_refused_and_nothing_imported(mirror: tuple[Mirror, str], tmp_path: Path) -> None:
    state, url = mirror
    state.files = fixture_files()
    good = state.files["syr_admin_boundaries.geojson.zip"]
    state.files["syr_admin_boundaries.geojson.zip"] = good[: len(good) - 40]  # a truncated zip
    gaz = tmp_path / "gazetteer.jsonl.gz"
    with pytest.raises(DownloadError, match="ocha-cod-ab: syr_admin_boundaries.geojson.zip is"):
        download("all", gaz, base_url=url, backoff=0)
    assert not imports_path(gaz).exists()
    assert not (tmp_path / "downloads" / "syr_admin_boundaries.geojson.zip").exists()
    # A zip without the expected layers is refused too.
    state.files["syr_admin_boundaries.geojson.zip"] = _zip({"readme.txt": "nothing here"})
    with pytest.raises(DownloadError, match="lacks syr_admin1.geojson"):
        download("ocha", gaz, base_url=url, backoff=0)
    assert not imports_path(gaz).exists()


def test_verify_checks_header_columns_and_checksum(tmp_path: Path) -> None:
    path = tmp_path / "geonames-SY.zip"
    path.write_bytes(_zip({"SY.txt": "1\tonly\tthree\n"}))
    with pytest.raises(DownloadError, match="no column '19 columns'"):
        verify(SOURCES[0], path)
    import dataclasses

    path.write_bytes(fixture_files()["geonames-SY.zip"])
    verify(SOURCES[0], path)
    with pytest.raises(DownloadError, match="SHA-256"):
        verify(dataclasses.replace(SOURCES[0], sha256="0" * 64), path)


def test_fetch_gives_up_with_a_clear_error(mirror: tuple[Mirror, str], tmp_path: Path) -> None:
    _, url = mirror
    with pytest.raises(DownloadError, match="HTTP 404"):
        fetch(f"{url}/missing.zip", tmp_path / "missing.zip", backoff=0)
    with pytest.raises(DownloadError, match="failed after 2 attempts"):
        fetch("http://127.0.0.1:9/nothing.zip", tmp_path / "x.zip", retries=1, backoff=0, timeout=2)
