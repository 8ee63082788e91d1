"""Jobs on the job queue: rebuilt from the database at start-up, replaced on change, missed digests caught up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import cast

import pytest
import time_machine
from pydantic import SecretStr
from sqlmodel import select

from bot.application import build_application
from bot.caller import Caller
from bot.runtime import BotApplication, BotContext
from bot.settings import Settings
from scheduler.jobs import DigestJobs, job_name
from scheduler.schedule import period_of
from store.models import Delivery
from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID, OSLO
from tests.e2e.test_digest_e2e import WEEKDAYS
from tests.scheduler.test_delivery import dead_owner

ADMIN = Caller(user_id=ADMIN_ID, language="nb", role="admin")


def settings_for(botapi: FakeBotApi, database_url: str) -> Settings:
    """Settings of a bot that talks to the local server, on a database."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=SecretStr(botapi.token),
        telegram_base_url=botapi.base_url,
        telegram_base_file_url=botapi.base_file_url,
        database_url=database_url,
        admin_ids=frozenset({ADMIN_ID}),
    )


@pytest.fixture
def settings(botapi: FakeBotApi, sqlite_url: str, tmp_path: Path) -> Settings:
    """Settings of a bot that talks to the local server, on the seeded SQLite database."""
    return settings_for(botapi, sqlite_url)


async def started(settings: Settings) -> BotApplication:
    """The application as `run` starts it, up to the point where polling would begin."""
    application = build_application(settings)
    await application.initialize()
    assert application.post_init is not None
    await application.post_init(application)
    return application


async def stopped(application: BotApplication) -> None:
    """Shut the application down as `run` does."""
    await application.shutdown()
    assert application.post_shutdown is not None
    await application.post_shutdown(application)


def digest_jobs_of(application: BotApplication) -> DigestJobs:
    """The digest jobs started with the application."""
    jobs = application.bot_data.runtime.digest_jobs
    assert jobs is not None
    return jobs


def fire_time(application: BotApplication, name: str, after: datetime) -> datetime:
    """When the named job fires next after a moment."""
    assert application.job_queue is not None
    (job,) = [j for j in application.job_queue.jobs() if j.name == name and not j.removed]
    fire: datetime = job.job.trigger.get_next_fire_time(None, after)
    return fire


async def test_restart_finds_the_jobs_again(settings: Settings) -> None:
    first = await started(settings)
    await first.bot_data.runtime.assistant.handle("/subscribe Trøndelag fredag 15:00", ADMIN)
    await first.bot_data.runtime.assistant.handle("/subscribe Melhus, Malvik", ADMIN)
    assert fire_time(first, job_name(1), datetime(2026, 11, 23, tzinfo=OSLO)).weekday() == 4
    await stopped(first)

    again = await started(settings)
    monday = datetime(2026, 11, 23, tzinfo=OSLO)
    assert fire_time(again, job_name(1), monday) == datetime(2026, 11, 27, 15, 0, tzinfo=OSLO)
    assert fire_time(again, job_name(2), monday) == datetime(2026, 11, 23, 8, 0, tzinfo=OSLO)
    await again.bot_data.runtime.assistant.handle("/subscribe Trøndelag onsdag 09:30", ADMIN)
    assert fire_time(again, job_name(1), monday) == datetime(2026, 11, 25, 9, 30, tzinfo=OSLO)
    await again.bot_data.runtime.assistant.handle("/unsubscribe 2", ADMIN)
    assert again.job_queue is not None
    assert not [j for j in again.job_queue.jobs() if j.name == job_name(2) and not j.removed]
    await stopped(again)


@pytest.mark.parametrize(
    ("restart", "caught_up"),
    [
        (datetime(2026, 11, 23, 19, 0, tzinfo=OSLO), True),
        (datetime(2026, 11, 23, 20, 30, tzinfo=OSLO), False),
    ],
    ids=["11 hours late: sent", "12.5 hours late: skipped"],
)
async def test_a_digest_missed_while_down(settings: Settings, restart: datetime, caught_up: bool) -> None:
    with time_machine.travel(datetime(2026, 11, 20, 12, 0, tzinfo=OSLO), tick=False):
        first = await started(settings)
        await first.bot_data.runtime.assistant.handle("/subscribe Trondheim", ADMIN)
        await stopped(first)
    with time_machine.travel(restart, tick=False):
        again = await started(settings)
        assert again.job_queue is not None
        catch_up = [j.name for j in again.job_queue.jobs() if j.name == f"{job_name(1)}:catch-up"]
        async with again.bot_data.runtime.store.unit() as session:
            log = (await session.exec(select(Delivery))).all()
        await stopped(again)
    assert bool(catch_up) is caught_up
    if caught_up:
        assert log == []
    else:
        assert [(d.period, d.status) for d in log] == [("2026-W48", "skipped")]
        assert "missed while the bot was down" in log[0].reason


@pytest.mark.parametrize(
    ("status", "caught_up"),
    [("failed", True), ("pending", True), ("sending", False), ("sent", False)],
    ids=["failed: tried again", "claimed by a dead process: taken over", "may have arrived", "sent"],
)
async def test_an_unfinished_delivery_at_restart(settings: Settings, status: str, caught_up: bool) -> None:
    """At start-up a failed or abandoned delivery of the period is tried again; one that may have arrived is not."""
    with time_machine.travel(datetime(2026, 11, 20, 12, 0, tzinfo=OSLO), tick=False):
        first = await started(settings)
        await first.bot_data.runtime.assistant.handle("/subscribe Trondheim", ADMIN)
        await stopped(first)
    restart = datetime(2026, 11, 23, 9, 0, tzinfo=OSLO)
    with time_machine.travel(restart, tick=False):
        again = await started(settings)
        async with again.bot_data.runtime.store.unit() as session:
            attempted = datetime(2026, 11, 23, 8, 0, tzinfo=OSLO)
            session.add(Delivery(subscription_id=1, period="2026-W48", status=status, attempted_at=attempted))
        await stopped(again)
        third = await started(settings)
        assert third.job_queue is not None
        catch_up = [j.name for j in third.job_queue.jobs() if j.name == f"{job_name(1)}:catch-up"]
        await stopped(third)
    assert bool(catch_up) is caught_up


async def test_a_blocked_user_loses_the_weekly_job(settings: Settings, botapi: FakeBotApi) -> None:
    """Telegram's 403 pauses the subscription and removes its job at once, not at the next start."""
    application = await started(settings)
    await application.bot_data.runtime.assistant.handle("/subscribe Trondheim", ADMIN)
    assert application.job_queue is not None
    assert [j for j in application.job_queue.jobs() if j.name == job_name(1)]
    botapi.block(ADMIN_ID)
    assert await digest_jobs_of(application).broadcaster.deliver(1, "2026-W48") == "blocked"
    assert not [j for j in application.job_queue.jobs() if j.name == job_name(1) and not j.removed]
    await stopped(application)


@pytest.mark.parametrize(
    ("status", "owner", "tried_ago", "due_ago", "sent"),
    [
        ("pending", "dead", 0, 1, True),
        ("pending", "alive", 0, 1, False),
        ("pending", "dead", 0, -1, False),
        ("failed", "", 10, 1, True),
        ("failed", "", 1, 1, False),
        ("sending", "", 10, 1, False),
        ("unknown", "", 10, 1, False),
    ],
    ids=[
        "a dead sender's claim: finished",
        "a live sender's claim: left to it",
        "its time has not come: left to its job",
        "failed a while ago: tried again",
        "failed a minute ago: not yet",
        "may have arrived: never",
        "unknown outcome: only by /resend",
    ],
)
async def test_the_bot_finishes_what_others_left(
    settings: Settings, botapi: FakeBotApi, status: str, owner: str, tried_ago: int, due_ago: int, sent: bool
) -> None:
    """The periodic job sends this period's left-over digests whose time has come, never one that may have arrived."""
    application = await started(settings)
    jobs = digest_jobs_of(application)
    botapi.send_text(ADMIN_ID, "/start")
    now = jobs.broadcaster.clock()
    due = now - timedelta(minutes=due_ago)
    if due.date() != now.date():
        pytest.skip("too close to midnight for a time earlier or later the same day")
    weekday = WEEKDAYS[due.weekday()]
    await application.bot_data.runtime.assistant.handle(f"/subscribe Trondheim {weekday} {due:%H:%M}", ADMIN)
    owners = {"dead": str(dead_owner()), "alive": str(jobs.broadcaster.owner), "": ""}
    async with application.bot_data.runtime.store.unit() as session:
        session.add(
            Delivery(
                subscription_id=1,
                period=period_of(now, OSLO),
                status=status,
                attempted_at=datetime.now(UTC) - timedelta(minutes=tried_ago),
                owner=owners[owner],
                lease_until=datetime.now(UTC) + timedelta(seconds=30) if owner else None,
            )
        )
    await jobs.finish_left_over(cast(BotContext, None))
    await stopped(application)
    assert bool(botapi.messages_to(ADMIN_ID)) is sent


async def test_the_daily_job_prunes_the_delivery_log_after_the_retention_weeks(settings: Settings) -> None:
    """At 03:30 each day the log's entries older than RETENTION_WEEKS go and newer ones stay (time frozen)."""
    now = datetime(2026, 11, 23, 3, 30, tzinfo=OSLO)
    with time_machine.travel(now, tick=False):
        application = await started(settings.model_copy(update={"retention_weeks": 4}))
        await application.bot_data.runtime.assistant.handle("/subscribe Trondheim", ADMIN)
        async with application.bot_data.runtime.store.unit() as session:
            for period, age in (("2026-W43", timedelta(weeks=4, hours=1)), ("2026-W44", timedelta(weeks=3))):
                session.add(Delivery(subscription_id=1, period=period, status="sent", attempted_at=now - age))
        assert fire_time(application, "privacy:prune", now - timedelta(minutes=1)) == now
        assert await digest_jobs_of(application).prune() == 1
        async with application.bot_data.runtime.store.unit() as session:
            kept = [d.period for d in (await session.exec(select(Delivery))).all()]
        await stopped(application)
    assert kept == ["2026-W44"]
