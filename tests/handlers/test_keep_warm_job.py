"""The keep-warm job of the running application: the places' statements read ahead once per change of the data."""

from __future__ import annotations

from bot.application import keep_warm
from bot.runtime import BotApplication


async def test_the_keep_warm_job_reads_the_places_ahead(application: BotApplication) -> None:
    """A run of the job holds every place with figures, for the data as it is now."""
    assert application.job_queue is not None
    store = application.bot_data.runtime.store
    job = application.job_queue.run_once(keep_warm, 60)
    await job.run(application)
    assert store.figures.warmed == store.generation
    assert all(store.figures.places.holds(place_id) for place_id in (await store.index()).with_figures)
