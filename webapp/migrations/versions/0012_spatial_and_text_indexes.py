"""Real indexes for the map at scale: PostGIS points and trigram text indexes.

PostgreSQL: the ``postgis`` and ``pg_trgm`` extensions; ``incidents.geom``, a
``geometry(Point, 4326)`` column *generated* from ``lon``/``lat`` (so every insert and
update keeps it in step, whoever writes the row, and existing rows are filled when the
column is added) with a GiST index; GIN trigram indexes on ``incident_search.text``
and ``.actors``, which serve the filters' ``LIKE '%word%'`` as they are.

SQLite: ``incident_search_fts``, an FTS5 table with the trigram tokenizer over
``incident_search`` (external content, kept in step by triggers, filled by ``rebuild``),
which answers the same substring searches from an index.

A later migration that rebuilds ``incident_search`` on SQLite (batch mode copies the table)
drops these triggers with it and must create them again.

None of these is on the models' metadata (they exist on one back end only); see
:mod:`webapp.models.indexes` and :func:`webapp.models.indexes.include_object`.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_SQLITE_UP = (
    """CREATE VIRTUAL TABLE incident_search_fts USING fts5(
        text, actors, content='incident_search', content_rowid='incident_id', tokenize='trigram'
    )""",
    """CREATE TRIGGER incident_search_fts_insert AFTER INSERT ON incident_search BEGIN
        INSERT INTO incident_search_fts(rowid, text, actors)
        VALUES (new.incident_id, new.text, new.actors);
    END""",
    """CREATE TRIGGER incident_search_fts_delete AFTER DELETE ON incident_search BEGIN
        INSERT INTO incident_search_fts(incident_search_fts, rowid, text, actors)
        VALUES ('delete', old.incident_id, old.text, old.actors);
    END""",
    """CREATE TRIGGER incident_search_fts_update AFTER UPDATE ON incident_search BEGIN
        INSERT INTO incident_search_fts(incident_search_fts, rowid, text, actors)
        VALUES ('delete', old.incident_id, old.text, old.actors);
        INSERT INTO incident_search_fts(rowid, text, actors)
        VALUES (new.incident_id, new.text, new.actors);
    END""",
    "INSERT INTO incident_search_fts(incident_search_fts) VALUES ('rebuild')",
)
_SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS incident_search_fts_update",
    "DROP TRIGGER IF EXISTS incident_search_fts_delete",
    "DROP TRIGGER IF EXISTS incident_search_fts_insert",
    "DROP TABLE IF EXISTS incident_search_fts",
)
_POSTGRESQL_UP = (
    "CREATE EXTENSION IF NOT EXISTS postgis",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE incidents ADD COLUMN geom geometry(Point, 4326)
        GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED""",
    "CREATE INDEX ix_incidents_geom ON incidents USING gist (geom)",
    "CREATE INDEX ix_incident_search_text_trgm ON incident_search USING gin (text gin_trgm_ops)",
    "CREATE INDEX ix_incident_search_actors_trgm ON incident_search USING gin (actors gin_trgm_ops)",
)
# The database is the app's: downgrading to the base leaves nothing of the extensions behind.
_POSTGRESQL_DOWN = (
    "DROP INDEX IF EXISTS ix_incident_search_actors_trgm",
    "DROP INDEX IF EXISTS ix_incident_search_text_trgm",
    "DROP INDEX IF EXISTS ix_incidents_geom",
    "ALTER TABLE incidents DROP COLUMN IF EXISTS geom",
    "DROP EXTENSION IF EXISTS pg_trgm",
    "DROP EXTENSION IF EXISTS postgis",
)


def upgrade() -> None:
    for statement in _statements(_SQLITE_UP, _POSTGRESQL_UP):
        op.execute(statement)


def downgrade() -> None:
    for statement in _statements(_SQLITE_DOWN, _POSTGRESQL_DOWN):
        op.execute(statement)


def _statements(sqlite: tuple[str, ...], postgresql: tuple[str, ...]) -> tuple[str, ...]:
    name = op.get_bind().dialect.name
    return {"sqlite": sqlite, "postgresql": postgresql}.get(name, ())
