"""Store tests run on SQLite and, where a server is configured, on PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from store.store import Store


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    """The store on a fresh seeded database of each kind."""
    opened = await Store.open(database_url)
    yield opened
    await opened.close()
