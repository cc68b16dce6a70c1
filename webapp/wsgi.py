"""The app for a production WSGI server, configured from the environment.

``gunicorn --preload -w 4 --threads 4 -b 127.0.0.1:8000 webapp.wsgi:app``: the
server refuses to start on a database whose schema is not current; with
``--preload`` the gazetteer, the geoparser and the map index are loaded once, before the
workers are forked, and each worker opens its own database connections
(:mod:`webapp.database`).
"""

from . import create_app, database, mapindex
from .extensions import gazetteers

app = create_app()
database.prepare(app)
gazetteers.preload(app)
mapindex.preload(app)
