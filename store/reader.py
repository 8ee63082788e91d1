"""Read-only queries for answers, outside any unit of work.

On an SQLite file they run with the `sqlite3` module: a query's way through a session, aiosqlite and
SQLAlchemy's results cost 1–2 ms, against 0.2–0.3 ms for the same rows read here. A question's reads run
on the calling thread (the event loop's): handing a read to another thread and back cost 0.7–1 ms on a
2-core virtual machine, more than most reads; reading ahead, which is long and nobody waits for, runs on a
worker thread of its own. Elsewhere (PostgreSQL, an in-memory SQLite) they run through the engine.
"""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

from sqlalchemy import Boolean, Date, Float, Integer, String
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.sql import Select
from sqlmodel.sql.sqltypes import AutoString

from store.backup import read_only
from store.db import sqlite_file
from store.metrics import DATABASE_ERRORS

Row = tuple[Any, ...]
Conversions = list[tuple[int, Callable[[Any], Any]]]  # the position of each column to convert, and how
# A list parameter (`in_(bindparam(..., expanding=True))`), as SQLAlchemy leaves it to be filled in when run.
EXPANDING = re.compile(r"\(__\[POSTCOMPILE_(\w+)\]\)")
NAMED = sqlite.dialect(paramstyle="named")
# How the sqlite3 module's values become what SQLAlchemy's SQLite dialect returns, by column type.
CONVERSIONS: list[tuple[type[Any], Callable[[Any], Any] | None]] = [
    (Boolean, bool),
    (Date, date.fromisoformat),
    (Integer, None),
    (Float, None),
    (String, None),
    (AutoString, None),  # SQLModel's text columns: a String that only picks its length
]

# Each statement's SQLite SQL and conversions, made once (by whichever reader first runs or prepares it).
COMPILED: dict[Select[Any], tuple[str, Conversions]] = {}


class Reader:
    """Runs read-only SELECT statements built with SQLAlchemy's Core and returns their rows as tuples: on the
    calling thread, or (`on_thread`) on a worker thread of its own."""

    def __init__(self, engine: AsyncEngine, *, on_thread: bool = False) -> None:
        self.engine = engine
        self.path = sqlite_file(engine.url)
        self._thread = (
            ThreadPoolExecutor(1, thread_name_prefix="sqlite-reads") if self.path and on_thread else None
        )
        self._connection: sqlite3.Connection | None = None  # made and used in one thread only

    async def rows(self, statement: Select[Any], params: Mapping[str, Any]) -> Sequence[Row]:
        """The statement's rows, given its parameters (a list for an `in_` over an expanding parameter)."""
        if self.path is None:
            async with self.engine.connect() as connection:
                result = await connection.execute(statement, dict(params))
                return [tuple(row) for row in result.all()]
        given = {name: _sqlite_value(value) for name, value in params.items()}
        try:
            if self._thread is None:
                return self._read(statement, given)
            loop = asyncio.get_running_loop()
            found: list[Row] = await loop.run_in_executor(self._thread, self._read, statement, given)
        except sqlite3.Error as error:
            # Raised as the engine raises it, so that an outage is told apart from a bug; and counted.
            DATABASE_ERRORS.inc()
            raise DBAPIError.instance(None, given, error, sqlite3.Error) from error
        return found

    def prepare(self, statements: Iterable[Select[Any]]) -> None:
        """Turn statements into SQLite SQL (1–2 ms each) in the worker thread (of a reader on one), starting
        now, rather than when the first question runs them."""
        if self._thread is not None:
            for statement in statements:
                self._thread.submit(self._sqlite, statement)

    async def close(self) -> None:
        """Close the connection (once the reads under way are done) and let the worker thread go."""
        if self._thread is None:
            self._disconnect()
        else:
            await asyncio.get_running_loop().run_in_executor(self._thread, self._disconnect)
            self._thread.shutdown()

    @staticmethod
    def _sqlite(statement: Select[Any]) -> tuple[str, Conversions]:
        """The statement as SQLite SQL with named parameters, and how to convert its columns (made once each)."""
        found = COMPILED.get(statement)
        if found is None:
            # A list parameter is passed as one JSON array: one prepared statement whatever its length.
            sql = EXPANDING.sub(
                r"(SELECT value FROM json_each(:\1))", statement.compile(dialect=NAMED).string
            )
            found = COMPILED[statement] = (sql, _conversions(statement))
        return found

    def _read(self, statement: Select[Any], params: dict[str, Any]) -> list[Row]:
        """Run a query, connecting (read-only) on first use; its rows converted."""
        if self._connection is None:
            assert self.path is not None  # only an SQLite file is read with the sqlite3 module
            self._connection = read_only(self.path)
        sql, conversions = self._sqlite(statement)
        found = self._connection.execute(sql, params).fetchall()
        return _converted(found, conversions) if conversions else found

    def _disconnect(self) -> None:
        """Close the connection (in the thread that made it)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def _sqlite_value(value: Any) -> Any:
    """A parameter as SQLAlchemy's SQLite dialect stores it: a list as a JSON array (of plain values: the
    nation's 430 place ids in one pass), a day as ISO text."""
    if isinstance(value, list | tuple):
        return json.dumps([item.isoformat() if isinstance(item, date) else item for item in value])
    return value.isoformat() if isinstance(value, date) else value


def _conversions(statement: Select[Any]) -> Conversions:
    """The columns whose sqlite3 values need converting (booleans, days), and how."""
    found = []
    for position, column in enumerate(statement.selected_columns):
        kinds = [convert for kind, convert in CONVERSIONS if isinstance(column.type, kind)]
        if not kinds:
            raise TypeError(f"{column} ({column.type}) is not read through sqlite3")
        if kinds[0] is not None:
            found.append((position, kinds[0]))
    return found


def _converted(rows: list[Row], conversions: Conversions) -> list[Row]:
    """Rows with their booleans and days converted (None stays None)."""
    converted = []
    for row in rows:
        values = list(row)
        for position, convert in conversions:
            if values[position] is not None:
                values[position] = convert(values[position])
        converted.append(tuple(values))
    return converted
