"""gunicorn settings for the app: ``gunicorn 'webapp:create_app()' -c gunicorn.conf.py``.

``gunicorn -c gunicorn.conf.py`` alone serves ``webapp.wsgi:app``, the same app.  Every setting
reads the environment, so one file serves a laptop and a container:

- ``GUNICORN_BIND`` (default ``127.0.0.1:8000``; ``0.0.0.0:8000`` in a container);
- ``WEB_CONCURRENCY`` worker processes (default: 2 per CPU, at most 8) and ``GUNICORN_THREADS``
  threads each (default 4): geoparsing is CPU-bound, so processes give the parallelism and
  threads keep map queries flowing while an article is ingested;
- ``GUNICORN_TIMEOUT`` seconds a request may take (default 300: without a worker, a web batch
  of up to ``BATCH_SYNC_MAX_ITEMS`` articles is ingested in its request);
- ``LOG_LEVEL`` (default ``info``); access and error logs go to standard output and error.

The app is preloaded: the master checks the schema (it refuses to start on a database that
is not current: run ``flask db upgrade``) and loads the gazetteer, the geoparser and the map
index (:mod:`webapp.mapindex`, from its snapshot when there is one) once, before it forks, so
workers start ready and share those pages of memory; each worker opens its own database
connections (:mod:`webapp.database`).
"""

from __future__ import annotations

import os
from typing import Any

wsgi_app = "webapp.wsgi:app"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * (os.cpu_count() or 1), 8)))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 300))
graceful_timeout = 30
keepalive = 5
preload_app = True
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")
# Heartbeat files in memory: a container's overlay disk can stall them and get workers killed.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# Behind a proxy on the same host (compose), trust its X-Forwarded-* headers only from there.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def when_ready(server: Any) -> None:
    """Before the first fork: check the schema; load the gazetteer and the map index."""
    from webapp import database, mapindex
    from webapp.extensions import gazetteers

    app = server.app.wsgi()
    database.prepare(app)
    gazetteers.preload(app)
    mapindex.preload(app)
    server.log.info("schema current, map index and gazetteer loaded: forking workers")
