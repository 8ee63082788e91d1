"""Two replicas in one process on one PostgreSQL database: changes heard, schedules followed, digests once."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import datetime, timedelta

import pytest
from sqlmodel import col, select

from bot.caller import Caller
from bot.render import plain
from bot.runtime import BotApplication
from scheduler.jobs import WEEKLY_JOB, job_name
from scheduler.schedule import period_of
from store.models import Delivery, Subscription
from tests.bot.test_admin import button
from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID, OSLO, eventually
from tests.databases import cut_listeners
from tests.e2e.test_digest_e2e import WEEKDAYS
from tests.scheduler.test_delivery import end_leases
from tests.scheduler.test_jobs import digest_jobs_of, fire_time, settings_for, started, stopped
from tests.subscribers import subscribe_users

ADMIN = Caller(user_id=ADMIN_ID, language="nb", role="admin")
HEARD_WITHIN = 1.0  # seconds: the bound for another replica to answer with a change
FIRST = 30_000  # user (and chat) ids of the subscribers


@pytest.fixture
async def replicas(
    botapi: FakeBotApi, postgres_url: str
) -> AsyncIterator[tuple[BotApplication, BotApplication]]:
    """Two bot applications started on one PostgreSQL database, as two replicas behind a load balancer."""
    settings = settings_for(botapi, postgres_url)
    first = await started(settings)
    second = await started(settings)
    yield first, second
    await stopped(first)
    await stopped(second)


async def test_a_set_through_one_replica_is_answered_by_the_other_within_a_second(
    replicas: tuple[BotApplication, BotApplication],
) -> None:
    """The second replica held Trondheim's card; the first's Save makes it answer with the new figure."""
    first, second = (app.bot_data.runtime.assistant for app in replicas)
    (card,) = await second.handle("status Trondheim 2015", ADMIN)
    assert "Bosatt: 495" in plain(card.text)
    (preview,) = await first.handle("/set Trondheim 2015 bosatt 510 31.12.2015", ADMIN)
    await first.choose(button(preview, "yes"), ADMIN)

    async def answered() -> str:
        (card,) = await second.handle("status Trondheim 2015", ADMIN)
        return plain(card.text)

    for _ in range(int(HEARD_WITHIN / 0.05)):
        if "Bosatt: 510" in await answered():
            break
        await asyncio.sleep(0.05)
    assert "Bosatt: 510" in await answered()


async def test_a_schedule_changed_in_one_replica_is_followed_by_the_other(
    replicas: tuple[BotApplication, BotApplication],
) -> None:
    """Subscribed, moved and removed through the first: the second's job appears, moves and goes."""
    first, second = replicas
    monday = datetime(2026, 11, 23, tzinfo=OSLO)
    assistant = first.bot_data.runtime.assistant
    await assistant.handle("/subscribe Trøndelag fredag 15:00", ADMIN)
    assert await eventually(HEARD_WITHIN, lambda: _names(second) == {job_name(1)})
    assert fire_time(second, job_name(1), monday) == datetime(2026, 11, 27, 15, 0, tzinfo=OSLO)

    await assistant.handle(f"/subscribe Trøndelag {WEEKDAYS[1]} 09:30", ADMIN)
    moved = datetime(2026, 11, 24, 9, 30, tzinfo=OSLO)
    assert await eventually(HEARD_WITHIN, lambda: _fires(second, monday) == moved)

    await assistant.handle("/unsubscribe 1", ADMIN)
    assert await eventually(HEARD_WITHIN, lambda: _names(second) == set())


def _names(application: BotApplication) -> set[str]:
    """The weekly digest jobs on a replica's job queue."""
    assert application.job_queue is not None
    return {
        job.name or ""
        for job in application.job_queue.jobs()
        if WEEKLY_JOB.fullmatch(job.name or "") and not job.removed
    }


def _fires(application: BotApplication, after: datetime) -> datetime | None:
    """When subscription 1's job fires next on a replica (None while it has none)."""
    return fire_time(application, job_name(1), after) if job_name(1) in _names(application) else None


async def test_both_replicas_jobs_firing_at_once_send_each_subscriber_one_digest(
    replicas: tuple[BotApplication, BotApplication], botapi: FakeBotApi
) -> None:
    """Every subscription's job fires in both replicas at the same moment: the claims decide, one each."""
    first, second = (digest_jobs_of(app).broadcaster for app in replicas)
    chats = range(FIRST, FIRST + 30)
    await subscribe_users(first.store, botapi, dict.fromkeys(chats, "Melhus"))
    period = period_of(first.clock(), OSLO)
    ids = range(1, len(chats) + 1)

    outcomes = await asyncio.gather(*(b.deliver(i, period) for i in ids for b in (first, second)))

    assert Counter(outcomes) == Counter({"sent": len(chats), "done": len(chats)})
    assert Counter(m["chat_id"] for m in botapi.sent if m["chat_id"] in chats) == dict.fromkeys(chats, 1)


async def test_a_replica_that_stops_mid_broadcast_is_finished_by_the_other(
    replicas: tuple[BotApplication, BotApplication], botapi: FakeBotApi
) -> None:
    """The first replica's broadcast is cut off after ten digests and its leases run out: the second's sweep
    sends every other subscriber theirs, and no one gets two."""
    first, second = (digest_jobs_of(app) for app in replicas)
    chats = set(range(FIRST, FIRST + 60))
    await subscribe_users(first.broadcaster.store, botapi, dict.fromkeys(chats, "Melhus"))
    period = period_of(first.broadcaster.clock(), OSLO)
    broadcast = asyncio.create_task(first.broadcaster.broadcast(period))
    await botapi.wait_until(lambda: len(_digests(botapi, chats)) >= 10, timeout=30)
    broadcast.cancel()  # the replica is gone: it renews no lease and sends nothing more
    await asyncio.gather(broadcast, return_exceptions=True)
    await end_leases(first.broadcaster.store)  # as its leases run out when it is gone for good

    await second.finish_left_over(None)  # type: ignore[arg-type]

    got = Counter(_digests(botapi, chats))
    assert max(got.values()) == 1
    async with second.broadcaster.store.unit() as session:
        logged = dict((await session.exec(select(Delivery.subscription_id, Delivery.status))).all())
        owners = set((await session.exec(select(Delivery.owner).where(col(Delivery.status) == "sent"))).all())
    assert owners == {str(first.broadcaster.owner), str(second.broadcaster.owner)}
    missing = chats - set(got)
    assert sum(status == "sending" for status in logged.values()) >= len(missing)
    assert len(got) >= len(chats) - 1


def _digests(botapi: FakeBotApi, chats: set[int] | range) -> list[int]:
    """The chats of the digests the server has, one entry per digest."""
    return [m["chat_id"] for m in botapi.sent if m["chat_id"] in chats]


async def test_listening_again_catches_up_a_digest_missed_meanwhile(
    replicas: tuple[BotApplication, BotApplication], botapi: FakeBotApi
) -> None:
    """A subscription due a minute ago that no job sent (its schedule changed while the replica was not
    listening): once the listener's session is ended and made again, the replica sends it."""
    first, _ = replicas
    assert first.job_queue is not None
    await first.job_queue.start()  # the catch-up is a job: this replica's queue runs them
    chats = range(FIRST, FIRST + 1)
    store = digest_jobs_of(first).broadcaster.store
    await subscribe_users(store, botapi, dict.fromkeys(chats, "Melhus"))
    due = datetime.now(OSLO) - timedelta(minutes=1)
    async with store.unit() as session:
        subscription = await session.get(Subscription, 1)
        assert subscription is not None
        subscription.weekday, subscription.hour, subscription.minute = due.weekday(), due.hour, due.minute
        subscription.created_at = due - timedelta(days=7)
        session.add(subscription)
        assert await cut_listeners(session) == [True, True]  # both replicas listen
    try:
        await botapi.wait_until(lambda: _digests(botapi, chats) == [FIRST], timeout=15)
    finally:
        await first.job_queue.stop()
