"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from store.migrate import alembic_config, migrate, newest_revision
from store.store import Store


async def test_migrated_schema_matches_the_models(store: Store) -> None:
    """Alembic finds nothing to add, drop or change after upgrading to head."""
    async with store.engine.connect() as connection:
        differences = await connection.run_sync(
            lambda sync: compare_metadata(MigrationContext.configure(sync), SQLModel.metadata)
        )
    assert differences == []


def test_the_newest_revision_is_alembics_head() -> None:
    """The revision told from the file names, without Alembic, is the head Alembic finds."""
    assert newest_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


async def test_a_database_behind_is_brought_up_to_the_newest_revision(store: Store) -> None:
    """A database stamped at an older revision is upgraded; one at the newest is left as it is."""
    async with store.engine.begin() as connection:
        await connection.run_sync(lambda sync: command.downgrade(alembic_config(sync), "0005"))
        assert not await connection.run_sync(lambda sync: inspect(sync).has_table("allowedgroup"))
    await migrate(store.engine)
    await migrate(store.engine)
    async with store.engine.connect() as connection:
        stamped = (await connection.execute(text("SELECT version_num FROM alembic_version"))).scalar()
        assert stamped == newest_revision()
        assert (await connection.execute(text("SELECT count(*) FROM allowedgroup"))).scalar() == 0
