"""Shared fixtures: seeded databases, the store and the assistant."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from aiohttp import web

from bench.national import national_csv
from bot.assistant import Assistant
from bot.caller import Caller
from store.store import Store
from store.users import ensure_admins
from tests import databases

# Opt in to python-telegram-bot's timedelta durations, as the bot does: RetryAfter warns otherwise.
os.environ.setdefault("PTB_TIMEDELTA", "1")
OSLO = ZoneInfo("Europe/Oslo")
ADMIN_ID = 1001
COORDINATOR_ID = 2002


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeded SQLite file, made once per test run."""
    return databases.seed_sqlite_template(tmp_path_factory.mktemp("template"))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str | None]:
    """The PostgreSQL server with a seeded template database, or None where there is none."""
    server = databases.postgres_url()
    if server is None:
        if os.environ.get("REQUIRE_POSTGRES"):
            pytest.fail("REQUIRE_POSTGRES is set but TEST_POSTGRES_URL is not")
        yield None
        return
    databases.seed_postgres_template(server)
    yield server
    databases.drop_postgres_template(server)


@pytest.fixture(scope="session")
def national_file() -> bytes:
    """IMDi's national long download at its real size (bench/national.py), made once per test run."""
    return national_csv()


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    """A fresh seeded SQLite database for one test."""
    return databases.copy_sqlite(sqlite_template, tmp_path)


@pytest.fixture
async def postgres_url(postgres_server: str | None) -> AsyncIterator[str]:
    """A fresh seeded PostgreSQL database for one test (skipped where there is no server)."""
    if postgres_server is None:
        pytest.skip("no PostgreSQL server (set TEST_POSTGRES_URL)")
    url = await databases.copy_postgres(postgres_server)
    yield url
    await databases.drop_postgres(postgres_server, url)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, sqlite_url: str) -> str:
    """A fresh seeded database of each kind (PostgreSQL where a server is configured, else skipped)."""
    return sqlite_url if request.param == "sqlite" else str(request.getfixturevalue("postgres_url"))


@pytest.fixture
async def store(sqlite_url: str) -> AsyncIterator[Store]:
    """The store on a fresh seeded SQLite database."""
    opened = await Store.open(sqlite_url)
    yield opened
    await opened.close()


async def eventually(seconds: float, condition: Callable[[], bool]) -> bool:
    """Whether a condition comes true within so many seconds (looked at every 10 ms)."""
    for _ in range(int(seconds / 0.01)):
        if condition():
            return True
        await asyncio.sleep(0.01)
    return condition()


@pytest.fixture
def clock() -> datetime:
    """'Now' for tests: a fixed autumn day in Oslo."""
    return datetime(2026, 11, 23, 10, 0, tzinfo=OSLO)


@pytest.fixture
async def assistant(store: Store, clock: datetime) -> Assistant:
    """The assistant with one admin (written to the users table, as the bot does at start-up), on a fixed date."""
    async with store.unit() as session:
        await ensure_admins(session, admin_ids=[ADMIN_ID])
    return Assistant(store, zone=OSLO, admin_ids=frozenset({ADMIN_ID}), clock=lambda: clock)


@pytest.fixture
def admin() -> Caller:
    """An admin asking in bokmål."""
    return Caller(user_id=ADMIN_ID, language="nb", role="admin")


Files = dict[str, bytes]  # what the local HTTP server serves, by path


@pytest.fixture
async def imdi() -> AsyncIterator[tuple[str, Files]]:
    """A local HTTP server on 127.0.0.1 serving whatever the test puts in its files (404 otherwise)."""
    files: Files = {}

    async def serve(request: web.Request) -> web.Response:
        content = files.get(request.path)
        return web.Response(status=404) if content is None else web.Response(body=content)

    app = web.Application()
    app.router.add_get("/{name}", serve)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}", files
    await runner.cleanup()
