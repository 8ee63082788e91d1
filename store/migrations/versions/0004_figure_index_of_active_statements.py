"""figure index of active statements by place, measure and year: what has figures, without the table

Which places have figures (the place index, after every change) and which years a county's
municipalities have figures (answers without data) read this index alone: on the national bench
database 31 ms instead of 190 ms, and 10 ms instead of 29 ms for a county.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 11:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE = sa.text("retracted_at IS NULL")


def upgrade() -> None:
    """Add the partial index of active statements."""
    op.create_index(
        "ix_figure_active",
        "figure",
        ["place_id", "measure", "year", "group"],
        sqlite_where=ACTIVE,
        postgresql_where=ACTIVE,
    )


def downgrade() -> None:
    """Drop it."""
    op.drop_index("ix_figure_active", table_name="figure")
