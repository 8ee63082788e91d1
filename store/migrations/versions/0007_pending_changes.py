"""pending changes: previews waiting for Save, readable by every replica

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the pendingchange table."""
    op.create_table(
        "pendingchange",
        sa.Column("token", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("source_key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("source_title", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("summary", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("new", sa.Integer(), nullable=False),
        sa.Column("changed", sa.Integer(), nullable=False),
        sa.Column("earlier", sa.Integer(), nullable=False),
        sa.Column("based_on", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("expires_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("statements", sa.LargeBinary(), nullable=False),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("change_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("token"),
    )
    with op.batch_alter_table("pendingchange", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pendingchange_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    """Drop it."""
    with op.batch_alter_table("pendingchange", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pendingchange_user_id"))
    op.drop_table("pendingchange")
