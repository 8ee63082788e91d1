"""Answers over many statements: the latest are shown, the older ones counted."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.assistant import Assistant, Caller
from bot.render import plain
from store.models import Figure, Source
from store.store import Store


async def add_weekly_settled(store: Store, weeks: int) -> None:
    """Melhus's settled count for 2015 stated every week by one source."""
    index = await store.index()
    melhus = index.by_code["5028"]
    async with store.unit() as session:
        source = Source(key="weekly-test", title="Ukentlig tabell")
        session.add(source)
        await session.flush()
        for week in range(weeks):
            session.add(
                Figure(
                    place_id=melhus.id or 0,
                    year=2015,
                    measure="settled",
                    value=week,
                    as_of=date(2015, 1, 5 + week),
                    source_id=source.id or 0,
                    recorded_at=datetime.now(UTC),
                )
            )


async def test_older_statements_are_counted_not_listed(
    store: Store, assistant: Assistant, admin: Caller
) -> None:
    """With twelve weekly statements after the seed's, the latest wins and the rest are summed up."""
    await add_weekly_settled(store, 12)
    (reply,) = await assistant.handle("bosatt Melhus 2015", admin)
    answer = plain(reply.text)
    assert "Bosatt: 43" in answer  # the seed's 10.12.2015 figure is still the latest
    assert "… og 7 tidligere oppgaver" in answer  # 12 weekly + 1 seed, 1 current, 5 shown
    assert answer.count("  per ") == 5


async def test_a_series_chart_is_drawn_when_it_is_sent_and_only_once(
    assistant: Assistant, admin: Caller
) -> None:
    """The table goes out before the chart is drawn; the answer cache keeps the drawing."""
    first = await assistant.handle("/history Trondheim", admin)
    chart = next(reply for reply in first if reply.has_picture)
    assert chart.photo is None  # not drawn while the answer was worked out
    drawn = chart.picture()
    assert drawn is not None and drawn.startswith(b"\x89PNG")
    again = await assistant.handle("/history Trondheim", admin)
    assert next(reply for reply in again if reply.has_picture).photo == drawn
