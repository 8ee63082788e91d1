"""Telling a database out of reach from a failed question."""

from __future__ import annotations

import asyncpg
import pytest
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError, ProgrammingError

from store.db import out_of_reach


def raised_from(error: BaseException, cause: BaseException) -> BaseException:
    """`error` as if raised from `cause`."""
    error.__cause__ = cause
    return error


def lost_connection() -> DBAPIError:
    """What SQLAlchemy raises when the server closed the connection in the middle of a query."""
    return DBAPIError("SELECT 1", None, Exception("connection was closed"), connection_invalidated=True)


@pytest.mark.parametrize(
    "error",
    [
        ConnectionRefusedError(111, "Connect call failed ('127.0.0.1', 5432)"),
        ConnectionResetError(),
        TimeoutError(),
        OperationalError("SELECT 1", None, Exception("unable to open database file")),
        InterfaceError("SELECT 1", None, Exception("connection is closed")),
        lost_connection(),
        asyncpg.exceptions.CannotConnectNowError("the database system is starting up"),
        asyncpg.exceptions.AdminShutdownError("terminating connection due to administrator command"),
        asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed in the middle of operation"),
        asyncpg.exceptions.TooManyConnectionsError("sorry, too many clients already"),
        raised_from(RuntimeError("while reading"), ConnectionRefusedError()),
    ],
    ids=[
        "refused",
        "reset",
        "timeout",
        "operational",
        "interface",
        "connection-invalidated",
        "starting-up",
        "shut-down",
        "closed-mid-query",
        "too-many-clients",
        "raised-from-refused",
    ],
)
def test_a_database_out_of_reach_is_recognised(error: BaseException) -> None:
    """Down, refusing, restarting, full or dropping connections: the database cannot be used right now."""
    assert out_of_reach(error)


@pytest.mark.parametrize(
    "error",
    [
        None,
        ValueError("a bug"),
        KeyError("nb"),
        IntegrityError("INSERT", None, Exception("duplicate key")),
        ProgrammingError("SELECT", None, Exception("syntax error")),
        asyncpg.exceptions.UndefinedColumnError("column does not exist"),
    ],
    ids=["none", "bug", "missing-key", "integrity", "programming", "undefined-column"],
)
def test_other_errors_are_not_an_outage(error: BaseException | None) -> None:
    """A bug or a wrong query gets the general apology, not "try again shortly"."""
    assert not out_of_reach(error)
