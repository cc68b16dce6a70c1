"""A real HTTP server for an app in a background thread, and the headless Chromium that visits it.

Shared by the browser tests and the map benchmark, so both launch the same browser the same way.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path
from types import TracebackType

from flask import Flask
from werkzeug.serving import make_server

#: Headless Chromium with nothing that phones home (updates, sync, QUIC probes).
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_path() -> str | None:
    """The Chromium binary (``CHROMIUM_PATH``, Debian's ``/usr/bin/chromium``, PATH), or None."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


class LiveServer:
    """``with LiveServer(app) as server:`` serves ``app`` on ``server.url`` (127.0.0.1, a free port).

    Threaded, so the browser's parallel requests are served concurrently;
    stopped and joined on exit.
    """

    def __init__(self, app: Flask, host: str = "127.0.0.1") -> None:
        self._server = make_server(host, 0, app, threaded=True)
        self.url = f"http://{host}:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="live-server", daemon=True)

    def __enter__(self) -> LiveServer:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
