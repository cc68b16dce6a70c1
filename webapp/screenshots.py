"""The README's screenshots, made again by one command.

    flask --app webapp db upgrade && flask --app webapp seed --incidents 20000
    python -m webapp.screenshots [--out docs/screenshots]

Serves the app the environment configures (``DATABASE_URL``; the bundled gazetteer) on
127.0.0.1 and visits it with headless Chromium (:mod:`webapp.liveserver`) with every request
that leaves the machine blocked, so the map shows what a user sees offline: the basemap drawn
from our own data.  Saves, in English and Arabic: the map, a popup, the review queue and the
incidents list.  Needs Playwright and Chromium (``apt-get install chromium``).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask
from sqlalchemy import select

from . import create_app
from .extensions import db
from .liveserver import CHROMIUM_ARGS, LiveServer, chromium_path

#: Window size of every shot: a laptop screen.
VIEWPORT = {"width": 1280, "height": 800}
#: (file name without .png, path) of the pages shot in each language; ``{incident}`` is filled in.
PAGES = (
    ("map", "/map"),
    ("popup", "/map?incident={incident}"),
    ("review", "/review"),
    ("incidents", "/incidents?sort=fatalities"),
)
#: The map is ready when its incidents are drawn (and the popup, when one is asked for, is open).
MAP_READY = "() => window.__incidentsDrawnAt !== undefined && window.IncidentMap.settled()"
POPUP_OPEN = "() => document.querySelector('.leaflet-popup .incident-popup') !== null"


@contextmanager
def offline_page(server_url: str) -> Iterator[object]:
    """A Chromium page whose requests outside ``server_url`` (map tiles) are aborted."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        raise SystemExit("Chromium not found: apt-get install chromium (or set CHROMIUM_PATH)")
    own = urlsplit(server_url).netloc
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport=VIEWPORT)
        page.route(
            "**/*",
            lambda route: route.continue_() if urlsplit(route.request.url).netloc == own else route.abort(),
        )
        try:
            yield page
        finally:
            browser.close()


def shoot(page: object, url: str, path: Path) -> None:
    """Open ``url``, wait for what it draws, save the view as ``path``."""
    page.goto(url)  # type: ignore[attr-defined]
    if "/map" in url:
        page.wait_for_function(MAP_READY, timeout=60_000)  # type: ignore[attr-defined]
        if "incident=" in url:
            page.wait_for_function(POPUP_OPEN, timeout=60_000)  # type: ignore[attr-defined]
    page.screenshot(path=str(path), animations="disabled")  # type: ignore[attr-defined]


def located_incident(app: Flask) -> int:
    """The id of the deadliest located incident (the popup's); SystemExit when there is none."""
    from .models import Incident

    with app.app_context():
        incident = db.session.scalar(
            select(Incident.id)
            .where(Incident.lat.is_not(None))
            .order_by(Incident.fatalities.desc().nulls_last(), Incident.id)
        )
    if incident is None:
        raise SystemExit("No located incident: run `flask --app webapp seed --incidents 20000` first")
    return incident


def take(page: object, server_url: str, incident: int, out: Path) -> list[Path]:
    """Shoot :data:`PAGES` in English then Arabic from ``server_url`` into ``out``; their paths."""
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    for lang in ("en", "ar"):
        for name, path in PAGES:
            url = server_url + path.format(incident=incident)
            target = out / f"{name}-{lang}.png"
            shoot(page, url + ("&" if "?" in url else "?") + f"lang={lang}", target)
            saved.append(target)
    return saved


def main(argv: list[str] | None = None) -> list[Path]:
    """Make the screenshots of the app the environment configures into ``--out``; their paths."""
    parser = argparse.ArgumentParser(prog="python -m webapp.screenshots", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    app = create_app()
    incident = located_incident(app)
    with LiveServer(app) as server, offline_page(server.url) as page:
        return take(page, server.url, incident, args.out)


if __name__ == "__main__":
    for saved_path in main():
        print(saved_path)
