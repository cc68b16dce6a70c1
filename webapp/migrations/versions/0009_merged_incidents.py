"""Reports of one event are merged: an incident may point at the primary incident it was merged into.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch_op:
        batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch_op.create_index("ix_incidents_merged_into_id", ["merged_into_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_incidents_merged_into_id", "incidents", ["merged_into_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch_op:
        batch_op.drop_constraint("fk_incidents_merged_into_id", type_="foreignkey")
        batch_op.drop_index("ix_incidents_merged_into_id")
        batch_op.drop_column("merged_into_id")
