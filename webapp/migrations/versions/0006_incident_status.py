"""Incidents get a review status: unreviewed (every incident stored before), verified or rejected.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch_op:
        batch_op.add_column(
            sa.Column("status", sa.String(length=12), nullable=False, server_default="unreviewed")
        )
        batch_op.create_index("ix_incidents_status", ["status"], unique=False)
    # The default served only the rows already there; new rows get theirs from the app.
    with op.batch_alter_table("incidents") as batch_op:
        batch_op.alter_column(
            "status", server_default=None, existing_type=sa.String(length=12), existing_nullable=False
        )


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch_op:
        batch_op.drop_index("ix_incidents_status")
        batch_op.drop_column("status")
