"""Engine and sessions: one async engine per process, one session per unit of work."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
from sqlalchemy import event
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from store.metrics import DATABASE_ERRORS

DEFAULT_DATABASE_URL = "sqlite:///data/bosettingsbot.sqlite3"
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


def make_engine(url: str) -> AsyncEngine:
    """Create the async engine for a database URL, making the SQLite folder if needed."""
    full = async_url(url)
    parsed = make_url(full)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(full, pool_pre_ping=parsed.get_backend_name() != "sqlite")
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine.sync_engine, "connect", _enable_sqlite_foreign_keys)
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
