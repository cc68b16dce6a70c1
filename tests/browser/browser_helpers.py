"""Helpers of the browser tests: screenshots into test-artefacts/, waiting for the map to draw."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "test-artefacts"
#: The browser tests' app settings: CSRF on as in production, tiles from a local URL that answers 404.
LIVE_CONFIG = {
    "SECRET_KEY": "browser",
    "WTF_CSRF_ENABLED": True,
    "TILE_URL": "/offline-tiles/{z}/{x}/{y}.png",
}


def screenshot(page: object, name: str) -> Path:
    """Save a full-page screenshot as test-artefacts/<name>.png."""
    ARTEFACTS.mkdir(exist_ok=True)
    path = ARTEFACTS / f"{name}.png"
    # Leaflet's fade-ins are CSS transitions: Playwright runs them to their end before the shot.
    page.screenshot(path=str(path), full_page=False, animations="disabled")  # type: ignore[attr-defined]
    return path


def wait_for_incidents(page: object) -> None:
    """Wait until the map has drawn the answer of its latest incident query."""
    page.wait_for_function("() => window.__incidentsDrawnAt !== undefined", timeout=20000)  # type: ignore[attr-defined]
