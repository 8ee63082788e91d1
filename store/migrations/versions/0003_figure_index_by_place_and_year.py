"""figure index by place and year first: answers ask for one place-year or one year of many places

The year-measure index is dropped: every query names its places, and SQLite preferred that index
to the far more selective place index, scanning a whole year of the country.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 05:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Replace the place-measure-year and year-measure indexes with one by place and year."""
    with op.batch_alter_table("figure", schema=None) as batch_op:
        batch_op.drop_index("ix_figure_lookup")
        batch_op.drop_index("ix_figure_year_measure")
        batch_op.create_index(
            "ix_figure_place_year", ["place_id", "year", "measure", "group", "as_of"], unique=False
        )


def downgrade() -> None:
    """Restore the earlier indexes."""
    with op.batch_alter_table("figure", schema=None) as batch_op:
        batch_op.drop_index("ix_figure_place_year")
        batch_op.create_index("ix_figure_year_measure", ["year", "measure", "group"], unique=False)
        batch_op.create_index(
            "ix_figure_lookup", ["place_id", "measure", "group", "year", "as_of"], unique=False
        )
