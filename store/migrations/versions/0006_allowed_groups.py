"""allowed groups: group chats an admin allowed to ask the bot

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the allowedgroup table."""
    op.create_table(
        "allowedgroup",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("allowed_by", sa.BigInteger(), nullable=False),
        sa.Column("allowed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("chat_id"),
    )


def downgrade() -> None:
    """Drop it."""
    op.drop_table("allowedgroup")
