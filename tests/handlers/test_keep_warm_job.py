"""The keep-warm job of the running application: the places' statements read ahead once per change of the data."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from datetime import date

import pytest

from bot.application import keep_warm
from bot.runtime import BotApplication
from tests.figures import add_statements


async def test_the_keep_warm_job_reads_the_places_ahead(application: BotApplication) -> None:
    """A run of the job holds every place with figures, for the data as it is now."""
    assert application.job_queue is not None
    store = application.bot_data.runtime.store
    job = application.job_queue.run_once(keep_warm, 60)
    await job.run(application)
    assert store.figures.warmed == store.generation
    assert all(store.figures.places.holds(place_id) for place_id in (await store.index()).with_figures)


@pytest.fixture
def unfreezing() -> Iterator[None]:
    """What a test froze is given back to the collector after it (the test process's own objects among it)."""
    yield
    gc.unfreeze()


@pytest.mark.usefixtures("unfreezing")
async def test_what_the_job_reads_ahead_is_left_out_of_full_collections(application: BotApplication) -> None:
    """After a change of the data the job reads ahead with the collector paused, then freezes what it holds (out
    of the collector's passes); a run with nothing changed freezes nothing, and the collector runs again after."""
    assert application.job_queue is not None
    store = application.bot_data.runtime.store
    await add_statements(store, [("Melhus", 2015, "settled", 50, date(2015, 12, 20))])
    collecting: list[bool] = []

    async def watch() -> None:
        while True:
            collecting.append(gc.isenabled())
            await asyncio.sleep(0)

    watching = asyncio.create_task(watch())
    await application.job_queue.run_once(keep_warm, 60).run(application)
    watching.cancel()
    stretches = [on for i, on in enumerate(collecting) if i == 0 or collecting[i - 1] != on]
    assert stretches.count(False) == 1 and collecting.count(False) > 1  # paused once, all through the reading
    assert gc.isenabled()
    melhus = (await store.index()).by_code["5028"].id or 0
    held = store.figures.places.get(melhus)
    assert held is not None
    statement = next(s for statements in held.by_year.values() for s in statements)
    assert gc.is_tracked(statement)
    # Frozen: in none of the generations the collector passes over.
    assert all(o is not statement for o in gc.get_objects())
    frozen = gc.get_freeze_count()
    await application.job_queue.run_once(keep_warm, 60).run(application)
    assert gc.get_freeze_count() <= frozen  # frozen objects still go when nothing refers to them
