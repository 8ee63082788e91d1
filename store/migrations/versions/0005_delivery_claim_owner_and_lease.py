"""delivery claim owner and lease: a dead sender's claims are taken over at once

A claim names its owner (host, process id and a token of the process) and holds a short lease
that the owner renews while it lives; a claim whose owner is gone is taken over without waiting.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the owner and lease columns (claims made before have no owner: their lease is over)."""
    with op.batch_alter_table("delivery", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "owner", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False, server_default=""
            )
        )
        batch_op.add_column(sa.Column("lease_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))


def downgrade() -> None:
    """Drop them."""
    with op.batch_alter_table("delivery", schema=None) as batch_op:
        batch_op.drop_column("lease_until")
        batch_op.drop_column("owner")
