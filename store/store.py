"""The store: engine, sessions and the place index, built once and shared."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from store.db import make_engine, session_factory, unit_of_work
from store.migrate import migrate
from store.models import Place
from store.places import PlaceIndex
from store.seed import seed


class Store:
    """Long-lived access to the database; one unit of work per request."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.sessions = session_factory(engine)
        self._index: PlaceIndex | None = None

    @classmethod
    async def open(cls, url: str, *, prepare: bool = True) -> Store:
        """Connect; with `prepare`, migrate and load the seed figures into an empty database."""
        store = cls(make_engine(url))
        if prepare:
            await migrate(store.engine)
            async with store.unit() as session:
                if (await session.exec(select(Place.id).limit(1))).first() is None:
                    await seed(session)
        return store

    async def close(self) -> None:
        """Release the connections."""
        await self.engine.dispose()

    @asynccontextmanager
    async def unit(self) -> AsyncIterator[AsyncSession]:
        """A session in one transaction, committed at the end of the block."""
        async with unit_of_work(self.sessions) as session:
            yield session

    async def index(self) -> PlaceIndex:
        """The place index, built on first use and after figures or places change."""
        if self._index is None:
            async with self.unit() as session:
                self._index = await PlaceIndex.build(session)
        return self._index

    def invalidate(self) -> None:
        """Forget the place index after places or figures changed."""
        self._index = None
