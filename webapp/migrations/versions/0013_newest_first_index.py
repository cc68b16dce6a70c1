"""An index in the order lists are read on PostgreSQL: newest first, the undated last.

The API's lists are ordered ``date DESC NULLS LAST, id DESC`` (:data:`webapp.queries.NEWEST_FIRST`)
so that both back ends put the undated incidents last.  PostgreSQL's plain ``date`` index, read
backwards, gives ``DESC NULLS FIRST``: for the new order it would sort the whole table (0.5 s at
a million incidents); this index answers "the newest 100" in under a millisecond, and date ranges
too.  SQLite needs none: its ``date`` index read backwards already puts NULL last.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_incidents_newest ON incidents (date DESC NULLS LAST, id DESC)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_incidents_newest")
