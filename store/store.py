"""The store: engine, sessions and the place index, built once and shared."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager, suppress

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import Session, UOWTransaction
from sqlmodel import func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from store.db import make_engine, session_factory, unit_of_work
from store.held import HeldFigures
from store.migrate import migrate
from store.models import AllowedGroup, Change, Figure, GuestLanguage, Membership, Place, PlaceAlias, User
from store.places import PlaceIndex
from store.queries import answer_queries
from store.reader import Reader, Row
from store.seed import seed
from store.signals import ANSWERS, SUBSCRIPTION, Listener, closed_within
from store.users import ensure_admins

# What answers and access rest on (a guest's language: the reply language of someone without access).
ANSWER_TABLES = (Figure, Membership, Place, PlaceAlias, User, GuestLanguage, AllowedGroup)
LOOK_EVERY = 2.0  # seconds between looks for changes other processes committed (SQLite)
PREPARE_LOCK = 0x626F7365  # the advisory lock's key ('bose'), the bot's own
FIRST_LISTEN_WITHIN = 10.0  # seconds watch() waits for the change signal's first LISTEN (PostgreSQL)
REACHABLE_WITHIN = 2.0  # seconds a health check waits for the database
NEWEST_CHANGE = select(func.max(Change.id))  # built once: the look runs it every LOOK_EVERY seconds

log = logging.getLogger(__name__)


def _note_changes(session: Session, _context: UOWTransaction) -> None:
    """Mark a session that wrote rows answers depend on."""
    written = [*session.new, *session.dirty, *session.deleted]
    if any(isinstance(row, ANSWER_TABLES) for row in written):
        session.info["answers_changed"] = True


def _invalidate_after_commit(session: Session) -> None:
    """After a commit that changed what answers depend on, tell the store."""
    store = session.info.get("store")
    if session.info.pop("answers_changed", False) and isinstance(store, Store):
        store.invalidate()


event.listen(Session, "after_flush", _note_changes)
event.listen(Session, "after_commit", _invalidate_after_commit)


@asynccontextmanager
async def one_at_a_time(engine: AsyncEngine) -> AsyncIterator[None]:
    """On PostgreSQL, under an advisory lock: replicas starting together migrate, seed and add admins in turn."""
    if engine.dialect.name != "postgresql":
        yield
        return
    async with engine.connect() as connection:
        await connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": PREPARE_LOCK})
        try:
            yield
        finally:
            await connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": PREPARE_LOCK})


class Store:
    """Long-lived access to the database; one unit of work per request."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.sessions = session_factory(engine, info={"store": self})
        self.reader = Reader(engine)  # answers' reads, outside any unit of work
        self.reading_ahead = Reader(engine, on_thread=True)  # the keep-warm job's, which nobody waits for
        self._index: PlaceIndex | None = None
        # the last index built: what it worked out of the register is kept while the register is unchanged
        self._previous_index: PlaceIndex | None = None
        self.generation = 0  # grows whenever committed data that answers use changes
        self.figures = HeldFigures(self)
        self._watcher: asyncio.Task[None] | None = None
        self._closing = asyncio.Event()
        self._seen: Row | None = None  # the newest audit entry when last looked
        self._failing = False  # whether the last look failed (an outage is logged once, not every look)
        self._listening = asyncio.Event()  # set at each LISTEN of the change signal (PostgreSQL)
        # Told of a subscription another process (or this one) changed; None: any may have changed.
        self.on_subscription: Callable[[int | None], Awaitable[None]] | None = None
        self._told: set[asyncio.Task[None]] = set()

    @classmethod
    async def open(cls, url: str, *, prepare: bool = True, admins: Iterable[int] = ()) -> Store:
        """Connect; with `prepare`, migrate, load the seed figures into an empty database and make `admins` admins."""
        store = cls(make_engine(url))
        if prepare:
            async with one_at_a_time(store.engine):
                await migrate(store.engine)
                async with store.unit() as session:
                    if (await session.exec(select(Place.id).limit(1))).first() is None:
                        await seed(session)
                    await ensure_admins(session, admin_ids=admins)
            await store.catch_up()  # what is held from now on is read after this first look
            store.reading_ahead.prepare(answer_queries())
        return store

    async def close(self) -> None:
        """Stop watching (a look under way is let finish, not cut off mid-query) and release the connections."""
        self._closing.set()
        if self._watcher is not None and not self._watcher.done():
            await self._watcher
        await asyncio.gather(*self._told, return_exceptions=True)
        await self.reader.close()
        await self.reading_ahead.close()
        await self.engine.dispose()

    @asynccontextmanager
    async def unit(self) -> AsyncIterator[AsyncSession]:
        """A session in one transaction, committed at the end of the block."""
        async with unit_of_work(self.sessions) as session:
            yield session

    async def reachable(self, within: float = REACHABLE_WITHIN) -> bool:
        """Whether the database answers a trivial query within a few seconds."""
        try:
            async with asyncio.timeout(within), self.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except Exception:  # anything but cancellation: the database cannot be used right now
            log.debug("the database did not answer a health check", exc_info=True)
            return False
        return True

    async def index(self) -> PlaceIndex:
        """The place index, built on first use and after figures or places change."""
        if self._index is None:
            async with self.unit() as session:
                self._index = await PlaceIndex.build(session, self._previous_index)
            self._previous_index = self._index
        return self._index

    async def catch_up(self) -> None:
        """Forget what is held if another process (the command line, a second bot) committed a change.

        Every change of figures or users is audited: a newer audit entry than last seen means a change. The
        look goes through the reader (on SQLite the `sqlite3` module on this thread, 9 µs): through a session it
        cost 1 ms of CPU every two seconds.
        """
        (latest,) = await self.reader.rows(NEWEST_CHANGE, {})
        if self._seen is not None and latest != self._seen:
            self.invalidate()
        self._seen = latest

    async def watch(self, every: float = LOOK_EVERY) -> None:
        """Notice other processes' changes in the background (off the questions' path) until closed.

        On PostgreSQL by the change signal (LISTEN/NOTIFY), at once; elsewhere by a look at the newest
        audit entry now and every few seconds.
        """
        if self.engine.dialect.name == "postgresql":
            listener = Listener(self.engine.url, self._signalled, self._listened)
            self._watcher = asyncio.create_task(listener.run(self._closing))
            with suppress(TimeoutError):  # what is held from now on is read after the first LISTEN
                await asyncio.wait_for(self._listening.wait(), FIRST_LISTEN_WITHIN)
            return
        await self.catch_up()

        async def keep_up() -> None:
            while not await closed_within(self._closing, every):
                await self._look()

        self._watcher = asyncio.create_task(keep_up())

    def _signalled(self, payload: str) -> None:
        """The change signal: forget what answers rest on, or tell of a subscription changed."""
        if payload == ANSWERS:
            self.invalidate()
        elif payload.startswith(SUBSCRIPTION):
            self._tell(int(payload.removeprefix(SUBSCRIPTION)))

    def _listened(self) -> None:
        """Listening (again): signals sent while no one listened are lost, so everything may have changed."""
        self.invalidate()
        self._tell(None)
        self._listening.set()

    def _tell(self, subscription_id: int | None) -> None:
        """Tell whoever keeps subscriptions in memory (the digest jobs) that one, or any, changed."""
        if self.on_subscription is not None:
            told = asyncio.create_task(self._telling(self.on_subscription, subscription_id))
            self._told.add(told)
            told.add_done_callback(self._told.discard)

    @staticmethod
    async def _telling(hook: Callable[[int | None], Awaitable[None]], subscription_id: int | None) -> None:
        """Run the hook; a failure is logged (the next signal or restart brings the jobs in line again)."""
        try:
            await hook(subscription_id)
        except Exception:
            log.exception(
                "subscription %s changed, but its job could not be brought in line", subscription_id
            )

    async def _look(self) -> None:
        """Catch up, surviving any failure: logged once until a look succeeds again, which forgets what is held."""
        try:
            await self.catch_up()
        except Exception:  # anything but cancellation: a dead look would leave answers stale for good
            if not self._failing:
                log.warning("cannot look for other processes' changes; looking again quietly", exc_info=True)
            self._failing = True
            return
        if self._failing:
            self._failing = False
            # The database may have come back restored or failed over: the newest audit entry proves nothing.
            self.invalidate()
            log.info("the database answers again; what was held is forgotten")

    def invalidate(self) -> None:
        """Forget the place index and cached answers after places, figures or users changed (the next index keeps
        what the last worked out of the register, where the register has not changed).

        Commits of ORM rows do this by themselves; bulk statements must call it.
        """
        self._index = None
        self.generation += 1
