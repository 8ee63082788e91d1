"""Weekly schedules in Oslo time: weekdays, periods, the daylight-saving changes, and the job queue's trigger."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from telegram.ext import ApplicationBuilder

from scheduler.jobs import DigestJobs, job_name
from scheduler.schedule import clock_of, last_occurrence, next_occurrence, period_of, ptb_days, weekday_of
from store.models import Subscription
from tests.conftest import OSLO


@pytest.mark.parametrize(
    ("word", "weekday"),
    [("mandag", 0), ("Måndag", 0), ("monday", 0), ("tysdag", 1), ("ons", 2), ("Lørdag", 5), ("sundag", 6)],
)
def test_weekday_words(word: str, weekday: int) -> None:
    assert weekday_of(word) == weekday


def test_clock_and_unknown_words() -> None:
    assert clock_of("08:00") == (8, 0)
    assert clock_of("7.30") == (7, 30)
    assert clock_of("25:00") is None
    assert weekday_of("Trondheim") is None


def test_python_telegram_bot_counts_days_from_sunday() -> None:
    assert ptb_days(0) == (1,)  # Monday
    assert ptb_days(6) == (0,)  # Sunday


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 11, 23, 7, 59, tzinfo=OSLO), datetime(2026, 11, 16, 8, 0, tzinfo=OSLO)),
        (datetime(2026, 11, 23, 8, 0, tzinfo=OSLO), datetime(2026, 11, 23, 8, 0, tzinfo=OSLO)),
        (datetime(2026, 11, 25, 12, 0, tzinfo=OSLO), datetime(2026, 11, 23, 8, 0, tzinfo=OSLO)),
    ],
    ids=["a minute early", "on time", "later that week"],
)
def test_last_occurrence(now: datetime, expected: datetime) -> None:
    assert last_occurrence(now, 0, 8, 0, OSLO) == expected


@pytest.mark.parametrize(
    ("before", "utc_hour", "week"),
    [
        (datetime(2026, 3, 27, 12, 0, tzinfo=OSLO), 6, timedelta(days=7, hours=-1)),
        (datetime(2026, 10, 23, 12, 0, tzinfo=OSLO), 7, timedelta(days=7, hours=1)),
    ],
    ids=["spring forward", "fall back"],
)
def test_monday_eight_stays_eight_across_daylight_saving(
    before: datetime, utc_hour: int, week: timedelta
) -> None:
    upcoming = next_occurrence(before, 0, 8, 0, OSLO)
    assert (upcoming.hour, upcoming.weekday()) == (8, 0)
    assert upcoming.astimezone(UTC).hour == utc_hour
    assert upcoming.astimezone(UTC) - last_occurrence(before, 0, 8, 0, OSLO).astimezone(UTC) == week


def test_period_is_the_iso_week_of_the_local_date() -> None:
    assert period_of(datetime(2026, 11, 23, 8, 0, tzinfo=OSLO), OSLO) == "2026-W48"
    assert period_of(datetime(2027, 1, 3, 23, 30, tzinfo=OSLO), OSLO) == "2026-W53"
    assert (
        period_of(datetime(2026, 11, 29, 23, 30, tzinfo=OSLO), OSLO) == "2026-W48"
    )  # 22:30 UTC, Sunday in Oslo


@pytest.mark.parametrize(
    ("frozen", "expected"),
    [
        (datetime(2026, 3, 27, 12, 0, tzinfo=OSLO), datetime(2026, 3, 30, 8, 0, tzinfo=OSLO)),
        (datetime(2026, 10, 23, 12, 0, tzinfo=OSLO), datetime(2026, 10, 26, 8, 0, tzinfo=OSLO)),
        (datetime(2026, 11, 23, 8, 30, tzinfo=OSLO), datetime(2026, 11, 30, 8, 0, tzinfo=OSLO)),
    ],
    ids=["over the spring change", "over the autumn change", "just after this week's"],
)
def test_job_queue_fires_monday_eight_oslo_time(frozen: datetime, expected: datetime) -> None:
    application = ApplicationBuilder().token("123:TEST").build()
    assert application.job_queue is not None
    broadcaster = _Zone()
    subscription = Subscription(id=7, user_id=1, chat_id=1, created_at=frozen)
    with time_machine.travel(frozen, tick=False):
        DigestJobs(application.job_queue, broadcaster).schedule(subscription)  # type: ignore[arg-type]
        (job,) = application.job_queue.get_jobs_by_name(job_name(7))
        fire = job.job.trigger.get_next_fire_time(None, datetime.now(OSLO))
    assert fire == expected
    assert fire.utcoffset() == expected.utcoffset()


def test_rescheduling_replaces_the_job() -> None:
    application = ApplicationBuilder().token("123:TEST").build()
    assert application.job_queue is not None
    subscription = Subscription(id=7, user_id=1, chat_id=1, weekday=4, hour=15, created_at=datetime.now(OSLO))
    jobs = DigestJobs(application.job_queue, _Zone())  # type: ignore[arg-type]
    jobs.schedule(subscription)
    subscription.weekday, subscription.hour = 2, 9
    jobs.schedule(subscription)
    found = [j for j in application.job_queue.jobs() if j.name == job_name(7) and not j.removed]
    assert len(found) == 1
    fire = found[0].job.trigger.get_next_fire_time(None, datetime(2026, 11, 23, tzinfo=OSLO))
    assert fire == datetime(2026, 11, 25, 9, 0, tzinfo=OSLO)


class _Zone:
    """The part of a broadcaster that scheduling reads: the zone."""

    zone = OSLO
