"""The store's reader: the same rows, of the same types, as a query in a unit of work."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from prometheus_client import REGISTRY
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import create_async_engine

from store.db import out_of_reach
from store.models import Figure, Source
from store.queries import current_figures, figure_years, places_stating, places_with_figures, statements
from store.reader import Reader
from store.store import Store


def typed(rows: Sequence[Any]) -> list[list[tuple[type, Any]]]:
    """Each value of each row (a statement's figure and source, or a plain row) with its type."""
    flat = [[*row.figure, *row.source] if hasattr(row, "figure") else list(row) for row in rows]
    return [[(type(value), value) for value in row] for row in flat]


@pytest.mark.parametrize("name", ["reader", "reading_ahead"])
async def test_reader_reads_what_a_session_reads(store: Store, name: str) -> None:
    """Every place's statements, current figures (filtered every way), years and places stating a measure:
    read on the calling thread, or on the worker thread that reads ahead."""
    reader: Reader = getattr(store, name)
    index = await store.index()
    places = sorted(index.with_figures)
    async with store.unit() as session:
        for db_rows in (
            lambda db: statements(db, place_ids=places),
            lambda db: current_figures(db, place_ids=places),
            lambda db: current_figures(
                db, place_ids=places, years=[2015, 2016], measures=["settled", "decided"]
            ),
            lambda db: current_figures(db, place_ids=places, groups=["em"], as_of=date(2015, 12, 10)),
            lambda db: figure_years(db, place_ids=places),
            lambda db: figure_years(db, place_ids=places, group="em"),
            lambda db: places_stating(db, measure="settled"),
        ):
            in_session, read = await db_rows(session), await db_rows(reader)
            assert in_session
            assert typed(read) == typed(in_session)
        assert await places_with_figures(reader) == await places_with_figures(session)


async def test_a_question_reads_on_its_own_thread_and_reading_ahead_on_another(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A question's read is not handed to another thread (that costs more than the read); reading ahead is,
    so that the questions asked meanwhile are not kept waiting. The thread of every read is recorded."""
    if store.reader.path is None:
        pytest.skip("PostgreSQL is read through its engine's own connections")
    threads: list[tuple[bool, int]] = []
    read = Reader._read

    def recorded(self: Reader, *args: Any) -> list[tuple[Any, ...]]:
        threads.append((self is store.reader, threading.get_ident()))
        return read(self, *args)

    monkeypatch.setattr(Reader, "_read", recorded)
    trondheim = (await store.index()).by_code["5001"].id or 0
    await store.figures.of(trondheim)
    await store.figures.keep_warm()
    asked = {thread for by_reader, thread in threads if by_reader}
    ahead = {thread for by_reader, thread in threads if not by_reader}
    assert asked == {threading.get_ident()}
    assert len(ahead) == 1
    assert ahead != asked


async def test_reader_reads_every_kind_of_value(store: Store) -> None:
    """A hidden value, a rounded one and a dated source with an approximate date read as a session reads them."""
    melhus = (await store.index()).by_code["5028"].id or 0
    async with store.unit() as session:
        source = Source(
            key="test:kinds", title="Kinds", document_date=date(2016, 3, 1), date_approximate=True
        )
        session.add(source)
        await session.flush()
        for value, suppressed, approximate in ((None, True, False), (40.5, False, True)):
            session.add(
                Figure(
                    place_id=melhus,
                    year=2016,
                    measure="settled",
                    group="em",
                    value=value,
                    suppressed=suppressed,
                    approximate=approximate,
                    as_of=date(2016, 6, 30),
                    source_id=source.id or 0,
                    recorded_at=datetime.now(UTC),
                )
            )
    read = await statements(store.reader, place_ids=[melhus])
    async with store.unit() as session:
        assert typed(read) == typed(await statements(session, place_ids=[melhus]))
    added = [s for s in read if s.source.key == "test:kinds"]
    assert [(s.figure.value, s.figure.suppressed, s.figure.approximate) for s in added] == [
        (None, True, False),
        (40.5, False, True),
    ]
    assert (added[0].source.document_date, added[0].source.date_approximate) == (date(2016, 3, 1), True)


async def test_reader_given_no_places_reads_nothing(store: Store) -> None:
    """An empty list is a list of nothing, not a missing filter."""
    assert await statements(store.reader, place_ids=[]) == []
    assert await current_figures(store.reader, place_ids=[], years=[2015]) == []


async def test_a_database_out_of_reach_is_told_apart_and_counted(tmp_path: Path) -> None:
    """A file that cannot be opened raises what the engine would (an outage, not a bug), counted as an error."""
    engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'missing' / 'db.sqlite3'}")
    reader = Reader(engine)
    errors = REGISTRY.get_sample_value("bosettingsbot_database_errors_total") or 0
    with pytest.raises(OperationalError) as raised:
        await statements(reader, place_ids=[1])
    assert out_of_reach(raised.value)
    assert REGISTRY.get_sample_value("bosettingsbot_database_errors_total") == errors + 1
    await reader.close()
    await engine.dispose()


async def test_reading_does_not_wait_for_a_write_in_another_connection(sqlite_url: str) -> None:
    """With a write transaction open on the file elsewhere (an import's Save, the command line), the place
    index is built through a session and a question's rows are read on the event loop's thread at once: before,
    both waited for the lock, the loop with them, and failed after five seconds with 'database is locked'."""
    store = await Store.open(sqlite_url)
    assert store.reader.path is not None
    writer = sqlite3.connect(store.reader.path, isolation_level=None)
    try:
        writer.execute("BEGIN EXCLUSIVE")
        writer.execute("DELETE FROM figure")  # not committed: what others read stays as it was
        places = sorted((await store.index()).with_figures)
        read = await statements(store.reader, place_ids=places)
        async with store.unit() as session:
            in_session = await statements(session, place_ids=places)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        await store.close()
    assert read and typed(read) == typed(in_session)
