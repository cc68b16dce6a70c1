"""Fill the search tables for incidents and articles stored before they existed.

``incident_search`` and ``article_search`` were added to databases that already held
articles, and only new rows were indexed, so free-text search missed older incidents.
The rows are built by the app's own :func:`webapp.models.search.search_row`, so they
match what ingestion writes today.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 1000


def upgrade() -> None:
    from webapp.models.search import article_search_row, search_row

    bind = op.get_bind()
    meta = sa.MetaData()
    articles, sentences, incidents, incident_search, article_search = (
        sa.Table(name, meta, autoload_with=bind)
        for name in ("articles", "sentences", "incidents", "incident_search", "article_search")
    )
    unindexed_incidents = (
        sa.select(
            incidents,
            sentences.c.text.label("sentence_text"),
            articles.c.title.label("article_title"),
        )
        .join(articles, articles.c.id == incidents.c.article_id)
        .outerjoin(sentences, sentences.c.id == incidents.c.sentence_id)
        .outerjoin(incident_search, incident_search.c.incident_id == incidents.c.id)
        .where(incident_search.c.incident_id.is_(None))
    )
    rows = [
        search_row(
            incident_id=row.id,
            sentence=row.sentence_text,
            place_name=row.place_name,
            place_name_ar=row.place_name_ar,
            event_type=row.event_type,
            sub_event_type=row.sub_event_type,
            location_description=row.location_description,
            actors=row.actors,
            title=row.article_title,
        )
        for row in bind.execute(unindexed_incidents)
    ]
    _insert(incident_search, rows)

    unindexed_articles = (
        sa.select(articles.c.id, articles.c.title, articles.c.text)
        .outerjoin(article_search, article_search.c.article_id == articles.c.id)
        .where(article_search.c.article_id.is_(None))
    )
    rows = [
        article_search_row(article_id=row.id, title=row.title, text=row.text)
        for row in bind.execute(unindexed_articles)
    ]
    _insert(article_search, rows)


def _insert(table: sa.Table, rows: list[dict]) -> None:
    for start in range(0, len(rows), _BATCH):
        op.get_bind().execute(table.insert(), rows[start : start + _BATCH])


def downgrade() -> None:
    """Nothing to undo: the rows are what ingestion would have written."""
