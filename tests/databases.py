"""Seeded test databases: SQLite files and PostgreSQL databases copied from a seeded template."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from store.db import async_url
from store.importing import apply_plan, check, source_for
from store.reading import read_upload
from store.signals import APPLICATION_NAME
from store.store import Store

# One template per test process, so that parallel runs on one server never drop each other's.
TEMPLATE_DB = f"bosettingsbot_template_{os.getpid()}"


def postgres_url() -> str | None:
    """The PostgreSQL server for tests (TEST_POSTGRES_URL), if one is configured."""
    return os.environ.get("TEST_POSTGRES_URL") or None


async def _prepare(url: str) -> None:
    """Migrate and seed a database, then close it."""
    store = await Store.open(url)
    await store.close()


def seed_sqlite_template(folder: Path) -> Path:
    """A migrated, seeded SQLite file to copy for each test."""
    path = folder / "template.sqlite3"
    asyncio.run(_prepare(f"sqlite:///{path}"))
    return path


async def _import_file(url: str, content: bytes, name: str, today: date) -> None:
    """Check and apply a file as `python -m bot import FILE --yes` does."""
    store = await Store.open(url)
    reading = read_upload(content, name, today=today)
    async with store.unit() as session:
        plan = await check(session, await store.index(), reading)
        source = await source_for(session, key=f"imdi:{today}", title=name, day=today)
        await apply_plan(session, plan, source=source, user_id=None, action="import", summary=name)
    await store.close()


def imported_sqlite(template: Path, folder: Path, content: bytes, today: date) -> Path:
    """A copy of the seeded SQLite file with a file of IMDi's statistics imported, to copy for each test."""
    path = folder / "imported.sqlite3"
    shutil.copyfile(template, path)
    asyncio.run(_import_file(f"sqlite:///{path}", content, "bosetting.csv", today))
    return path


def copy_sqlite(template: Path, folder: Path) -> str:
    """A fresh copy of the seeded SQLite file; returns its URL."""
    path = folder / f"test-{uuid.uuid4().hex[:8]}.sqlite3"
    shutil.copyfile(template, path)
    return f"sqlite:///{path}"


async def _admin(server: str, *statements: str) -> None:
    """Run statements on the server's maintenance database, outside a transaction."""
    engine = create_async_engine(async_url(server), isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            for statement in statements:
                await connection.execute(text(statement))
    finally:
        await engine.dispose()


def _database(server: str, name: str) -> str:
    """The URL of another database on the same server."""
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def seed_postgres_template(server: str) -> None:
    """Create (anew) the seeded template database on the PostgreSQL server."""
    asyncio.run(
        _admin(
            server,
            f"DROP DATABASE IF EXISTS {TEMPLATE_DB} WITH (FORCE)",
            f"CREATE DATABASE {TEMPLATE_DB}",
        )
    )
    asyncio.run(_prepare(_database(server, TEMPLATE_DB)))


def drop_postgres_template(server: str) -> None:
    """Drop this run's template database."""
    asyncio.run(_admin(server, f"DROP DATABASE IF EXISTS {TEMPLATE_DB} WITH (FORCE)"))


async def copy_postgres(server: str) -> str:
    """A fresh database copied from the template; returns its URL."""
    name = f"test_{uuid.uuid4().hex[:10]}"
    await _admin(server, f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DB}")
    return _database(server, name)


async def empty_postgres(server: str) -> str:
    """A fresh empty database (neither migrated nor seeded); returns its URL."""
    name = f"test_{uuid.uuid4().hex[:10]}"
    await _admin(server, f"CREATE DATABASE {name}")
    return _database(server, name)


def template_url(server: str) -> str:
    """The URL of the seeded template database."""
    return _database(server, TEMPLATE_DB)


async def drop_postgres(server: str, url: str) -> None:
    """Drop a test database."""
    await _admin(server, f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")


async def cut_listeners(session: AsyncSession) -> list[bool]:
    """End the listening connections on the session's database as a server would, one result each (those on
    other databases, other tests' running meanwhile, are left alone)."""
    cut = text(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        " WHERE application_name = :name AND datname = current_database()"
    )
    ended = await session.exec(cut, params={"name": APPLICATION_NAME})  # type: ignore[call-overload]
    return [was_ended for (was_ended,) in ended]
