"""Statements written straight into a test database, as an import would write them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from store.models import Figure, Source, place_id_of
from store.store import Store

Stated = tuple[str, int, str, float, date]  # place (name or number), year, measure, value, as-of date


async def add_statements(
    store: Store, stated: Sequence[Stated], *, source: str = "Testtabell", group: str = "all"
) -> None:
    """Each statement (of one group, 'all' unless told) under one new source, in one unit of work."""
    index = await store.index()
    async with store.unit() as session:
        added = Source(key=f"test:{source}", title=source)
        session.add(added)
        await session.flush()
        assert added.id is not None
        for place, year, measure, value, as_of in stated:
            session.add(
                Figure(
                    place_id=place_id_of(index.search(place)[0].place),
                    year=year,
                    measure=measure,
                    group=group,
                    value=value,
                    as_of=as_of,
                    source_id=added.id,
                    recorded_at=datetime.now(UTC),
                )
            )
