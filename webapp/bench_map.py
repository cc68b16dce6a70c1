"""Map benchmark: 100,000 synthetic incidents, then page size, API latency and time to clusters.

Run ``python -m webapp.bench_map`` (or ``flask bench-map``) — it never touches
your database: it creates a fresh SQLite file in a temporary folder, seeds it
with :mod:`webapp.seed` and measures

1. the ``/map`` page size with 0 and with N incidents (must not grow; target < 200 KB);
2. ``/api/incidents`` latency for viewport queries at several zooms through the
   Flask test client (p50/p95; target p95 < 200 ms) and the largest number of
   features returned (bounded by the server-side clustering);
3. the time from navigation start until the clusters are drawn in headless
   Chromium (``/usr/bin/chromium`` through Playwright; target < 3 s), when
   Chromium is available.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import click

#: Viewports (name, west, south, east, north, zoom) a user looks at.
VIEWPORTS = (
    ("Syria, zoom 7", 34.0, 31.5, 43.0, 38.0, 7),
    ("north-west, zoom 9", 35.8, 35.3, 37.6, 36.6, 9),
    ("Idlib city, zoom 12", 36.55, 35.88, 36.72, 35.98, 12),
    ("Damascus, zoom 13", 36.25, 33.48, 36.33, 33.54, 13),
    ("Syria, zoom 7, free text q=ادلب", 34.0, 31.5, 43.0, 38.0, 7),
)


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0–1) of ``values`` by linear interpolation."""
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    lo, hi = int(pos), min(int(pos) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def measure_api(client: Any, repeats: int) -> dict[str, Any]:
    """Latency (ms) of viewport queries, per viewport and overall, and the most features in one answer."""
    timings: list[float] = []
    per_view = {}
    max_features = 0
    for name, west, south, east, north, zoom in VIEWPORTS:
        url = f"/api/incidents?bbox={west},{south},{east},{north}&zoom={zoom}&limit=5000"
        if "q=" in name:
            url += "&q=" + quote(name.split("q=", 1)[1])
        t0 = time.perf_counter()
        client.get(url)  # the first query of a view (loads the map index, runs a new text search)
        first_ms = (time.perf_counter() - t0) * 1000
        mine = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            response = client.get(url)
            mine.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, response.data[:200]
        body = response.get_json()
        per_total = body.get("total", len(body["features"]))
        max_features = max(max_features, len(body["features"]))
        per_view[name] = {
            "p50_ms": round(percentile(mine, 0.5), 1),
            "p95_ms": round(percentile(mine, 0.95), 1),
            "features": len(body["features"]),
            "clustered": bool(body.get("clustered")),
            "matching": per_total,
            "first_ms": round(first_ms, 1),
        }
        timings += mine
    return {
        "p50_ms": round(percentile(timings, 0.5), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "requests": len(timings),
        "max_features": max_features,
        "viewports": per_view,
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


def run(n: int, *, repeats: int = 30, browser_runs: int = 3, keep: bool = False) -> dict[str, Any]:
    """Seed ``n`` incidents in a fresh temporary database and measure (see the module docstring)."""
    from flask_migrate import upgrade

    from . import create_app
    from .extensions import db
    from .seed import seed

    tmp = Path(tempfile.mkdtemp(prefix="bench-map-"))
    try:
        app = create_app(
            {
                "INSTANCE_PATH": str(tmp / "instance"),
                "SECRET_KEY": "bench",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp / 'bench.db'}",
                "REDIS_URL": "",
                "TILE_URL": "",
            }
        )
        with app.app_context():
            upgrade()
        client = app.test_client()
        empty_page = page_weight(client)
        with app.app_context():
            t0 = time.perf_counter()
            seed(n)
            seed_s = time.perf_counter() - t0
        full_page = page_weight(client)
        result = {
            "incidents": n,
            "seed_seconds": round(seed_s, 1),
            "map_page_bytes": {"empty": empty_page, "seeded": full_page},
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
@click.option("--incidents", "n", type=click.IntRange(min=1), default=100_000, show_default=True)
@click.option(
    "--repeats", type=click.IntRange(min=1), default=30, show_default=True, help="Requests per viewport."
)
@click.option("--browser-runs", type=click.IntRange(min=0), default=3, show_default=True)
def bench_map_command(n: int, repeats: int, browser_runs: int) -> None:
    """Benchmark the map on N synthetic incidents in a temporary database; prints JSON."""
    click.echo(json.dumps(run(n, repeats=repeats, browser_runs=browser_runs), indent=2))


if __name__ == "__main__":
    bench_map_command.main(args=sys.argv[1:], prog_name="python -m webapp.bench_map")
