"""Schema migrations with Alembic, run on the application's own async engine.

A database already at the newest revision is told by one query, without importing Alembic.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.ext.asyncio import AsyncEngine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
VERSIONS = MIGRATIONS / "versions"


def newest_revision() -> str:
    """The head revision: each migration's file name begins with its revision ('0006_allowed_groups.py')."""
    return max(path.name.partition("_")[0] for path in VERSIONS.glob("[0-9][0-9][0-9][0-9]_*.py"))


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration that needs no ini file."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _stamped_revision(connection: Connection) -> str | None:
    """The revision the database says it is at (None before its first migration)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _upgrade(connection: Connection) -> None:
    """Alembic's upgrade to the newest revision."""
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


async def migrate(engine: AsyncEngine) -> None:
    """Bring the database schema up to the newest revision (nothing to do when it is there already)."""
    async with engine.begin() as connection:
        if await connection.run_sync(_stamped_revision) != newest_revision():
            await connection.run_sync(_upgrade)
