"""Map benchmark: synthetic incidents, then page size, API latency and time to clusters.

Run ``python -m webapp.bench_map`` (or ``flask bench-map``).  Without ``--database-url`` it
never touches your database: it creates a fresh SQLite file in a temporary folder.  With
``--database-url`` (PostgreSQL/PostGIS or a SQLite file) it migrates that database and seeds it
up to ``--count`` incidents, keeping those already there (so a million rows are seeded once),
then adds one ingested article per ingestion measure.  It measures

1. the ``/map`` page size with 0 and with N incidents (must not grow; target < 200 KB; only on
   a fresh temporary database);
2. ``/api/incidents`` latency through the Flask test client for :data:`QUERIES`, 30 varied
   queries (viewports at zooms 7–13, dates, types, actors, free text, governorates, status):
   each once with its text search new (``first_pass``), then ``--repeats`` more times
   (``repeats``); p50/p95 of each (target p95 < 200 ms) and the largest number of features
   returned;
3. the map index: a full read of the table (a process's very first start, which then writes a
   snapshot), the first query after a restart (the index from its snapshot; target < 1 s),
   and the first query after each of a few ingestions (read incrementally; target < 300 ms);
4. the time from navigation start until the clusters are drawn in headless Chromium
   (``/usr/bin/chromium`` through Playwright; target < 3 s), when Chromium is available.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import click

_SYRIA = ("34.0,31.5,43.0,38.0", 7)
_NORTH_WEST = ("35.8,35.3,37.6,36.6", 9)
_IDLIB = ("36.55,35.88,36.72,35.98", 12)
_DAMASCUS = ("36.25,33.48,36.33,33.54", 13)
_ALEPPO = ("37.0,36.1,37.3,36.3", 11)
_DEIR_EZ_ZOR = ("39.9,35.2,40.4,35.5", 11)


def _view(where: tuple[str, int], **params: str) -> dict[str, str]:
    bbox, zoom = where
    return {"bbox": bbox, "zoom": str(zoom), "limit": "5000", **params}


#: 30 queries a map user makes: viewports, then dates, types, actors, free text and mixes.
QUERIES: tuple[dict[str, str], ...] = (
    _view(_SYRIA),
    _view(_NORTH_WEST),
    _view(_IDLIB),
    _view(_DAMASCUS),
    _view(_ALEPPO),
    _view(_DEIR_EZ_ZOR),
    _view(_SYRIA, **{"from": "2020-01-01", "to": "2020-12-31"}),
    _view(_NORTH_WEST, **{"from": "2016-01-01", "to": "2016-03-31"}),
    _view(_IDLIB, **{"from": "2023-06-01"}),
    _view(_SYRIA, type="Battles"),
    _view(_SYRIA, type="Protests,Violence against civilians"),
    _view(_DAMASCUS, type="Explosions/Remote violence"),
    _view(_SYRIA, actor="HTS"),
    _view(_NORTH_WEST, actor="Russia"),
    _view(_ALEPPO, actor="SDF"),
    _view(_SYRIA, actor="army"),
    _view(_SYRIA, q="ادلب"),
    _view(_NORTH_WEST, q="حلب"),
    _view(_SYRIA, q="shelled"),
    _view(_DAMASCUS, q="دمشق"),
    _view(_SYRIA, q="quneitra"),
    _view(_SYRIA, q="warplanes idlib"),
    _view(_IDLIB, q="ادلب", type="Explosions/Remote violence"),
    _view(_SYRIA, admin1="Idlib Governorate"),
    _view(_SYRIA, precision="1"),
    _view(_SYRIA, status="all"),
    _view(_SYRIA, type="Battles", actor="HTS", **{"from": "2019-01-01"}),
    _view(_NORTH_WEST, q="struck", **{"from": "2018-01-01", "to": "2019-12-31"}),
    _view(_ALEPPO, actor="ISIS", type="Battles"),
    {"q": "quneitra", "actor": "Turkey", "limit": "200"},  # a list without zoom, as exports page
)


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0–1) of ``values`` by linear interpolation."""
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    lo, hi = int(pos), min(int(pos) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def _timed_get(client: Any, params: dict[str, str]) -> tuple[float, dict[str, Any]]:
    t0 = time.perf_counter()
    response = client.get("/api/incidents?" + urlencode(params))
    ms = (time.perf_counter() - t0) * 1000
    assert response.status_code == 200, response.data[:300]
    return ms, response.get_json()


def _summary(timings: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(percentile(timings, 0.5), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "max_ms": round(max(timings), 1),
    }


def measure_api(client: Any, repeats: int) -> dict[str, Any]:
    """Latency (ms) of :data:`QUERIES`: a first pass (text searches new), then ``repeats`` more."""
    first, again, per_query, max_features = [], [], [], 0
    for params in QUERIES:
        ms, body = _timed_get(client, params)
        first.append(ms)
        mine = [_timed_get(client, params)[0] for _ in range(repeats)]
        again += mine
        max_features = max(max_features, len(body["features"]))
        per_query.append(
            {
                "query": urlencode({k: v for k, v in params.items() if k != "limit"}),
                "first_ms": round(ms, 1),
                "repeat_p50_ms": round(percentile(mine, 0.5), 1) if mine else None,
                "features": len(body["features"]),
                "clustered": bool(body.get("clustered")),
                "matching": body.get("total", len(body["features"])),
            }
        )
    return {
        "queries": len(QUERIES),
        "first_pass": _summary(first),
        "repeats": _summary(again) if again else None,
        "all": _summary(first + again),
        "max_features": max_features,
        "per_query": per_query,
    }


def measure_index(app: Any, client: Any, ingestions: int) -> dict[str, Any]:
    """The map index's full read, the first query after a restart, and queries after ingestions."""
    from . import mapindex
    from .article_input import ArticleInput
    from .extensions import db, gazetteers
    from .ingest import ingest_article
    from .mapcolumns import MapIndex

    first_view = QUERIES[0]
    with app.app_context():
        mapindex.clear()
        t0 = time.perf_counter()
        mapindex.current_index()  # no index in memory: the snapshot, else the table
        start_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        index = MapIndex.load()
        full_read_s = time.perf_counter() - t0
        mapindex.wait_for_snapshots()
        gazetteers.get()  # loaded before the clock starts: a server loads it at start
    mapindex.clear()  # a restarted process: nothing in memory, the snapshot on disk
    restart_ms, _ = _timed_get(client, first_view)
    after = []
    for n in range(ingestions):
        stamp = f"{time.time_ns()}-{n}"
        with app.app_context():
            ingest_article(
                ArticleInput(
                    text=f"قصفت الطائرات الروسية مدينة سراقب في ريف إدلب. (تقرير {stamp})",
                    title=f"bench ingestion {stamp}",
                )
            )
            db.session.remove()
            # The next query checks the table at once (as it would within MAP_INDEX_CHECK_SECONDS).
            mapindex.refresh()
        ms, _ = _timed_get(client, first_view)
        after.append(round(ms, 1))
    return {
        "indexed_incidents": int(len(index.ids)),
        "first_index_in_process_s": round(start_s, 2),
        "full_read_s": round(full_read_s, 2),
        "first_query_after_restart_ms": round(restart_ms, 1),
        "query_after_ingestion_ms": after,
    }


def page_weight(client: Any, path: str = "/map") -> dict[str, int]:
    """Bytes of the page's HTML, and of the HTML plus every local script and stylesheet it loads."""
    import re

    html = client.get(path).data
    total = len(html)
    for url in re.findall(rb'<(?:script[^>]+src|link[^>]+href)="(/[^"]+)"', html):
        with client.get(url.decode()) as response:
            total += len(response.data)
    return {"html": len(html), "with_local_assets": total}


def measure_browser(app: Any, runs: int) -> dict[str, Any]:
    """Milliseconds from navigation start to the ``incidents:drawn`` mark in headless Chromium."""
    from .liveserver import CHROMIUM_ARGS, LiveServer, chromium_path

    if runs == 0:
        return {"skipped": "--browser-runs 0"}
    chromium = chromium_path()
    if chromium is None:
        return {"skipped": "Chromium not found (install the Debian package `chromium`)"}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"skipped": "playwright is not installed (pip install -e '.[test]')"}

    times = []
    with LiveServer(app) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        try:
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(server.url + "/map")
                page.wait_for_function("() => window.__incidentsDrawnAt !== undefined", timeout=30000)
                times.append(page.evaluate("window.__incidentsDrawnAt"))
                clusters = page.locator(".incident-cluster").count()
                page.close()
        finally:
            browser.close()
    return {
        "clusters_drawn_ms_median": round(statistics.median(times)),
        "runs": [round(t) for t in times],
        "clusters_on_screen": clusters,
    }


def run(
    n: int,
    *,
    database_url: str | None = None,
    repeats: int = 30,
    ingestions: int = 5,
    browser_runs: int = 3,
    keep: bool = False,
    progress: Callable[[str], None] = lambda message: None,
) -> dict[str, Any]:
    """Seed up to ``n`` incidents and measure (see the module docstring); returns the figures."""
    from flask_migrate import upgrade
    from sqlalchemy import func, select

    from . import create_app
    from .extensions import db
    from .models import Incident
    from .seed import seed

    tmp = Path(tempfile.mkdtemp(prefix="bench-map-"))
    try:
        app = create_app(
            {
                "INSTANCE_PATH": str(tmp / "instance"),
                "SECRET_KEY": "bench",
                "SQLALCHEMY_DATABASE_URI": database_url or f"sqlite:///{tmp / 'bench.db'}",
                "REDIS_URL": "",
                "TILE_URL": "",
            }
        )
        with app.app_context():
            upgrade()
            stored = db.session.scalar(select(func.count()).select_from(Incident)) or 0
        client = app.test_client()
        empty_page = page_weight(client) if not stored else None
        progress(f"{stored} incidents stored; seeding {max(0, n - stored)}")
        with app.app_context():
            t0 = time.perf_counter()
            # Another seed for each top-up, so the articles added are new ones.
            if n > stored:
                seed(n - stored, seed=1 + stored)
            seed_s = time.perf_counter() - t0
            backend = db.engine.dialect.name
            if backend == "postgresql":
                with db.engine.begin() as conn:
                    conn.exec_driver_sql("ANALYZE")
        progress("measuring the map index")
        index = measure_index(app, client, ingestions)
        progress("measuring the API")
        result = {
            "backend": backend,
            "incidents": max(n, stored),
            "seeded": max(0, n - stored),
            "seed_seconds": round(seed_s, 1),
            "map_page_bytes": {"empty": empty_page, "seeded": page_weight(client)},
            "index": index,
            "api": measure_api(client, repeats),
            "browser": measure_browser(app, browser_runs),
        }
        with app.app_context():
            db.engine.dispose()
        return result
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)


@click.command("bench-map")
@click.option("--count", "--incidents", "n", type=click.IntRange(min=1), default=100_000, show_default=True)
@click.option(
    "--database-url",
    default=None,
    help="Measure this database (seeded up to --count, its incidents kept) instead of a temporary SQLite.",
)
@click.option(
    "--repeats", type=click.IntRange(min=0), default=10, show_default=True, help="Repeats of each query."
)
@click.option("--ingestions", type=click.IntRange(min=0), default=5, show_default=True)
@click.option("--browser-runs", type=click.IntRange(min=0), default=3, show_default=True)
def bench_map_command(
    n: int, database_url: str | None, repeats: int, ingestions: int, browser_runs: int
) -> None:
    """Benchmark the map on N synthetic incidents; prints JSON."""
    figures = run(
        n,
        database_url=database_url,
        repeats=repeats,
        ingestions=ingestions,
        browser_runs=browser_runs,
        progress=lambda message: click.echo(message, err=True),
    )
    click.echo(json.dumps(figures, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    bench_map_command.main(args=sys.argv[1:], prog_name="python -m webapp.bench_map")
