"""Engine and sessions: one async engine per process, one session per unit of work."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
from sqlalchemy import event
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from store.metrics import DATABASE_ERRORS

DEFAULT_DATABASE_URL = "sqlite:///data/bosettingsbot.sqlite3"
WAL_SIZE_LIMIT = 64 * 2**20  # bytes of write-ahead log kept on disk once it has been folded back
ASYNC_DRIVERS = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg"}
# Errors that say the database cannot be used right now, not that a question was wrong: a server that is
# down, refusing, restarting, out of connections or dropping them (OSError covers ConnectionRefusedError
# and TimeoutError).
OUT_OF_REACH = (
    OperationalError,
    InterfaceError,
    OSError,
    asyncpg.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.exceptions.InsufficientResourcesError,
)


def async_url(url: str) -> str:
    """Turn a plain sqlite:// or postgresql:// URL into one with the async driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend not in ASYNC_DRIVERS:
        raise ValueError(f"DATABASE_URL must be sqlite:// or postgresql://, not {backend}://")
    return parsed.set(drivername=ASYNC_DRIVERS[backend]).render_as_string(hide_password=False)


def _enable_sqlite_foreign_keys(dbapi_connection: object, _record: object) -> None:
    """Make SQLite enforce foreign keys as PostgreSQL does."""
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _write_ahead(dbapi_connection: object, _record: object) -> None:
    """Keep a file's changes in a write-ahead log until they are committed, so that reading never waits for a
    write: with SQLite's default journal, a long transaction (a national import's Save) locked the file for
    its readers, and a question's read on the event loop held up the loop, the writer with it, and failed after
    five seconds with 'database is locked'. SQLite folds the log back into the file once it passes 1 000 pages;
    after a long transaction the log's file is cut back to WAL_SIZE_LIMIT."""
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")
    cursor.close()


def sqlite_file(url: URL) -> Path | None:
    """The file of an SQLite database's URL; None for another database or an in-memory one."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(str(url.database))


def make_engine(url: str) -> AsyncEngine:
    """Create the async engine for a database URL, making the SQLite folder if needed."""
    full = async_url(url)
    parsed = make_url(full)
    sqlite, file = parsed.get_backend_name() == "sqlite", sqlite_file(parsed)
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(full, pool_pre_ping=not sqlite)
    if sqlite:
        event.listen(engine.sync_engine, "connect", _enable_sqlite_foreign_keys)
    if file is not None:
        event.listen(engine.sync_engine, "connect", _write_ahead)
    event.listen(engine.sync_engine, "handle_error", _count_error)
    return engine


def _count_error(_context: ExceptionContext) -> None:
    """Count an error the database driver raised (a refused connection, a dropped one, a failed statement)."""
    DATABASE_ERRORS.inc()


def session_factory(
    engine: AsyncEngine, info: dict[str, object] | None = None
) -> async_sessionmaker[AsyncSession]:
    """A factory for sessions that keep objects usable after commit (`info` is given to each session)."""
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False, info=info or {})


@asynccontextmanager
async def unit_of_work(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """One transaction: commit when the block ends, roll back on any error."""
    async with sessions() as session, session.begin():
        yield session


def out_of_reach(error: BaseException | None) -> bool:
    """Whether an error, or one it was raised from, says the database cannot be reached right now."""
    while error is not None:
        dropped = isinstance(error, DBAPIError) and error.connection_invalidated  # the server closed it
        if dropped or isinstance(error, OUT_OF_REACH):
            return True
        error = error.__cause__
    return False
