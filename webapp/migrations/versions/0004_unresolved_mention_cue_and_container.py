"""Unresolved mentions keep the cue that marked them and the place named with them.

Mentions stored before have an empty cue and no container.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TEXT_COLUMNS = ("cue", "container_name", "container_name_ar")


def upgrade() -> None:
    with op.batch_alter_table("mentions") as batch_op:
        for name in TEXT_COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("container_id", sa.Text(), nullable=True))
    # The default served only the rows already there; new rows get theirs from the app.
    with op.batch_alter_table("mentions") as batch_op:
        for name in TEXT_COLUMNS:
            batch_op.alter_column(name, server_default=None, existing_type=sa.Text(), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("mentions") as batch_op:
        for name in (*TEXT_COLUMNS, "container_id"):
            batch_op.drop_column(name)
