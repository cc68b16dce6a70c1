"""A real HTTP server for an app in a background thread, for browser tests and the map benchmark."""

from __future__ import annotations

import threading
from types import TracebackType

from flask import Flask
from werkzeug.serving import make_server


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
