"""Store tests run on SQLite and, where a server is configured, on PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from store.store import Store
from tests import databases


@pytest.fixture(params=["sqlite", "postgresql"])
async def store(
    request: pytest.FixtureRequest, sqlite_url: str, postgres_server: str | None
) -> AsyncIterator[Store]:
    """The store on a fresh seeded database of each kind."""
    if request.param == "sqlite":
        opened = await Store.open(sqlite_url)
        yield opened
        await opened.close()
        return
    if postgres_server is None:
        pytest.skip("no PostgreSQL server (set TEST_POSTGRES_URL)")
    url = await databases.copy_postgres(postgres_server)
    opened = await Store.open(url)
    yield opened
    await opened.close()
    await databases.drop_postgres(postgres_server, url)
