"""SQLite: the incidents' row count kept by triggers, so the map index's check reads one row.

The map index (:mod:`webapp.mapindex`) reads the table's largest id and row count every few
seconds to see whether it changed; at a million incidents SQLite's ``count(*)`` walks an index
(some 100-170 ms), most of the first map query after an ingestion.  ``incident_tally`` holds the
count, kept by an insert and a delete trigger (which fire for deletes cascaded from articles too).
SQLite runs one writer at a time, so the one row costs no waiting.  PostgreSQL keeps counting:
there a trigger-kept row would make every concurrent ingestion wait on it.

A later migration that rebuilds ``incidents`` on SQLite (batch mode copies the table) drops these
triggers with it and must create them again.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_UP = (
    # One row, and only one: the check reads it as the count.
    "CREATE TABLE incident_tally (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)",
    "INSERT INTO incident_tally (id, n) SELECT 1, count(*) FROM incidents",
    """CREATE TRIGGER incident_tally_insert AFTER INSERT ON incidents BEGIN
        UPDATE incident_tally SET n = n + 1;
    END""",
    """CREATE TRIGGER incident_tally_delete AFTER DELETE ON incidents BEGIN
        UPDATE incident_tally SET n = n - 1;
    END""",
)
_DOWN = (
    "DROP TRIGGER IF EXISTS incident_tally_delete",
    "DROP TRIGGER IF EXISTS incident_tally_insert",
    "DROP TABLE IF EXISTS incident_tally",
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in _UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in _DOWN:
            op.execute(statement)
