"""Text columns for names from articles and the gazetteer; the derived-row counts of articles.

A gazetteer name longer than its ``String(n)`` column was refused by PostgreSQL and kept
by SQLite; such columns are now ``Text`` on both.  ``articles.*_count`` record how many
sentences, mentions and incidents ingestion derived, so that an article missing some of
them is re-ingested rather than returned as "existing".  Articles stored before keep their
present counts, except those with no sentence at all, which can only be half-written and
are left without counts (incomplete).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: (table, column, former length, nullable)
TEXT_COLUMNS = (
    ("incidents", "event_type", 80, False),
    ("incidents", "sub_event_type", 120, False),
    ("incidents", "trigger", 200, False),
    ("incidents", "place_id", 100, True),
    ("incidents", "place_name", 300, False),
    ("incidents", "place_name_ar", 300, False),
    ("incidents", "admin1", 200, False),
    ("incidents", "location_description", 500, False),
    ("mentions", "text", 500, False),
    ("mentions", "place_id", 100, True),
    ("mentions", "place_name", 300, False),
    ("mentions", "place_name_ar", 300, False),
    ("mentions", "reason", 500, False),
)
COUNTS = (("sentence_count", "sentences"), ("mention_count", "mentions"), ("incident_count", "incidents"))


def _alter_columns(to_text: bool) -> None:
    for table in ("incidents", "mentions"):
        with op.batch_alter_table(table) as batch_op:
            for name, column, length, nullable in TEXT_COLUMNS:
                if name == table:
                    old, new = sa.String(length), sa.Text()
                    batch_op.alter_column(
                        column,
                        existing_type=old if to_text else new,
                        type_=new if to_text else old,
                        existing_nullable=nullable,
                    )


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch_op:
        for count, _ in COUNTS:
            batch_op.add_column(sa.Column(count, sa.Integer(), nullable=True))
    _alter_columns(to_text=True)

    meta = sa.MetaData()
    articles = sa.Table("articles", meta, autoload_with=op.get_bind())
    stored = {
        count: sa.select(sa.func.count())
        .select_from(sa.table(table, sa.column("article_id")))
        .where(sa.column("article_id") == articles.c.id)
        .scalar_subquery()
        for count, table in COUNTS
    }
    op.execute(articles.update().where(stored["sentence_count"] > 0).values(**stored))


def downgrade() -> None:
    _alter_columns(to_text=False)
    with op.batch_alter_table("articles") as batch_op:
        for count, _ in COUNTS:
            batch_op.drop_column(count)
