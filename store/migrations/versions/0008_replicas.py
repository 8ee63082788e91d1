"""replicas: the change signal (PostgreSQL notifies every listening replica of each commit) and chats'
follow-up context in the database

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 00:00:00

On PostgreSQL, triggers send NOTIFY on the channel `bosettingsbot_changes` (delivered at commit, one per
transaction and payload): 'answers' for any statement on the tables answers and access rest on (and the
audit log), 'subscription:<id>' for each subscription row written. SQLite has no NOTIFY: there the bot
keeps looking at the newest audit entry.

The conversation table holds each chat's last question as understood, for a follow-up that lands on
another replica (used on PostgreSQL only); guestlanguage the /language choice of those without access.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ANSWER_TABLES = (
    "figure",
    "source",
    "place",
    "placealias",
    "membership",
    '"user"',
    "guestlanguage",
    "allowedgroup",
    "change",
)


def upgrade() -> None:
    """Create the conversation and guestlanguage tables, and on PostgreSQL the notifying functions and their triggers."""
    op.create_table(
        "conversation",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("chat_id"),
    )
    op.create_table(
        "guestlanguage",
        sa.Column("user_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
        sa.Column("chosen_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("user_id"),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """
        CREATE FUNCTION notify_answers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('bosettingsbot_changes', 'answers');
            RETURN NULL;
        END $$
        """
    )
    op.execute(
        """
        CREATE FUNCTION notify_subscription_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                PERFORM pg_notify('bosettingsbot_changes', 'subscription:' || OLD.id);
            ELSE
                PERFORM pg_notify('bosettingsbot_changes', 'subscription:' || NEW.id);
            END IF;
            RETURN NULL;
        END $$
        """
    )
    for table in ANSWER_TABLES:
        op.execute(
            f"CREATE TRIGGER answers_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION notify_answers_changed()"
        )
    op.execute(
        "CREATE TRIGGER subscription_changed AFTER INSERT OR UPDATE OR DELETE ON subscription "
        "FOR EACH ROW EXECUTE FUNCTION notify_subscription_changed()"
    )


def downgrade() -> None:
    """Drop the triggers and their functions, and the two tables."""
    if op.get_bind().dialect.name == "postgresql":  # the triggers first: one is on guestlanguage
        op.execute("DROP TRIGGER subscription_changed ON subscription")
        for table in ANSWER_TABLES:
            op.execute(f"DROP TRIGGER answers_changed ON {table}")
        op.execute("DROP FUNCTION notify_subscription_changed()")
        op.execute("DROP FUNCTION notify_answers_changed()")
    op.drop_table("conversation")
    op.drop_table("guestlanguage")
