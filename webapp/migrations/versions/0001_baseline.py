"""Baseline: the schema as ``db.create_all()`` made it before migrations existed.

A database made that way has no ``alembic_version`` table, so upgrading it runs this
revision too: each table is created only when it is missing, and the database is adopted.

Revision ID: 0001
Revises:
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _missing(table: str) -> bool:
    return not sa.inspect(op.get_bind()).has_table(table)


def upgrade() -> None:
    if _missing("articles"):
        op.create_table(
            "articles",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("title", sa.String(length=500), nullable=False),
            sa.Column("source_name", sa.String(length=200), nullable=False),
            sa.Column("source_url", sa.String(length=2000), nullable=False),
            sa.Column("published", sa.Date(), nullable=True),
            sa.Column("language", sa.String(length=8), nullable=False),
            sa.Column("text", sa.Text(), nullable=False),
            sa.Column("content_hash", sa.String(length=64), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("content_hash"),
        )
        with op.batch_alter_table("articles", schema=None) as batch_op:
            batch_op.create_index(batch_op.f("ix_articles_published"), ["published"], unique=False)

    if _missing("article_search"):
        op.create_table(
            "article_search",
            sa.Column("article_id", sa.Integer(), nullable=False),
            sa.Column("text", sa.Text(), nullable=False),
            sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("article_id"),
        )

    if _missing("mentions"):
        op.create_table(
            "mentions",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("article_id", sa.Integer(), nullable=False),
            sa.Column("sentence_index", sa.Integer(), nullable=False),
            sa.Column("text", sa.String(length=500), nullable=False),
            sa.Column("start", sa.Integer(), nullable=False),
            sa.Column("end", sa.Integer(), nullable=False),
            sa.Column("place_id", sa.String(length=100), nullable=True),
            sa.Column("place_name", sa.String(length=300), nullable=False),
            sa.Column("place_name_ar", sa.String(length=300), nullable=False),
            sa.Column("place_type", sa.String(length=40), nullable=False),
            sa.Column("lat", sa.Float(), nullable=True),
            sa.Column("lon", sa.Float(), nullable=True),
            sa.Column("geometry", sa.JSON(), nullable=True),
            sa.Column("score", sa.Float(), nullable=False),
            sa.Column("role", sa.String(length=20), nullable=False),
            sa.Column("reason", sa.String(length=500), nullable=False),
            sa.Column("candidates", sa.JSON(), nullable=True),
            sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id"),
        )
        with op.batch_alter_table("mentions", schema=None) as batch_op:
            batch_op.create_index(batch_op.f("ix_mentions_article_id"), ["article_id"], unique=False)
            batch_op.create_index(batch_op.f("ix_mentions_place_id"), ["place_id"], unique=False)

    if _missing("sentences"):
        op.create_table(
            "sentences",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("article_id", sa.Integer(), nullable=False),
            sa.Column("index", sa.Integer(), nullable=False),
            sa.Column("start", sa.Integer(), nullable=False),
            sa.Column("end", sa.Integer(), nullable=False),
            sa.Column("text", sa.Text(), nullable=False),
            sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("article_id", "index", name="uq_sentence_article_index"),
        )

    if _missing("incidents"):
        op.create_table(
            "incidents",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("article_id", sa.Integer(), nullable=False),
            sa.Column("sentence_id", sa.Integer(), nullable=True),
            sa.Column("sentence_index", sa.Integer(), nullable=False),
            sa.Column("mention_id", sa.Integer(), nullable=True),
            sa.Column("event_type", sa.String(length=80), nullable=False),
            sa.Column("sub_event_type", sa.String(length=120), nullable=False),
            sa.Column("trigger", sa.String(length=200), nullable=False),
            sa.Column("date", sa.Date(), nullable=True),
            sa.Column("date_precision", sa.String(length=10), nullable=False),
            sa.Column("actors", sa.JSON(), nullable=True),
            sa.Column("counts", sa.JSON(), nullable=True),
            sa.Column("fatalities", sa.Integer(), nullable=True),
            sa.Column("injuries", sa.Integer(), nullable=True),
            sa.Column("lat", sa.Float(), nullable=True),
            sa.Column("lon", sa.Float(), nullable=True),
            sa.Column("geometry", sa.JSON(), nullable=True),
            sa.Column("geo_precision", sa.Integer(), nullable=True),
            sa.Column("place_id", sa.String(length=100), nullable=True),
            sa.Column("place_name", sa.String(length=300), nullable=False),
            sa.Column("place_name_ar", sa.String(length=300), nullable=False),
            sa.Column("place_type", sa.String(length=40), nullable=False),
            sa.Column("admin1", sa.String(length=200), nullable=False),
            sa.Column("location_description", sa.String(length=500), nullable=False),
            sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
            sa.ForeignKeyConstraint(["mention_id"], ["mentions.id"], ondelete="SET NULL"),
            sa.ForeignKeyConstraint(["sentence_id"], ["sentences.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id"),
        )
        with op.batch_alter_table("incidents", schema=None) as batch_op:
            batch_op.create_index(batch_op.f("ix_incidents_article_id"), ["article_id"], unique=False)
            batch_op.create_index("ix_incidents_date", ["date"], unique=False)
            batch_op.create_index("ix_incidents_event_type", ["event_type"], unique=False)
            batch_op.create_index("ix_incidents_lat_lon", ["lat", "lon"], unique=False)

    if _missing("incident_search"):
        op.create_table(
            "incident_search",
            sa.Column("incident_id", sa.Integer(), nullable=False),
            sa.Column("text", sa.Text(), nullable=False),
            sa.Column("actors", sa.Text(), nullable=False),
            sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("incident_id"),
        )


def downgrade() -> None:
    op.drop_table("incident_search")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index("ix_incidents_lat_lon")
        batch_op.drop_index("ix_incidents_event_type")
        batch_op.drop_index("ix_incidents_date")
        batch_op.drop_index(batch_op.f("ix_incidents_article_id"))

    op.drop_table("incidents")
    op.drop_table("sentences")
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentions_place_id"))
        batch_op.drop_index(batch_op.f("ix_mentions_article_id"))

    op.drop_table("mentions")
    op.drop_table("article_search")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_published"))

    op.drop_table("articles")
