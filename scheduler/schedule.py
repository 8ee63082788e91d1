"""Weekly schedule arithmetic in local time: occurrences, periods and lateness, across DST changes."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from store.names import normalise

WEEKDAYS = {
    **dict.fromkeys(("mandag", "mandagar", "monday", "man", "mon"), 0),
    **dict.fromkeys(("tirsdag", "tysdag", "tuesday", "tir", "tys", "tue"), 1),
    **dict.fromkeys(("onsdag", "wednesday", "ons", "wed"), 2),
    **dict.fromkeys(("torsdag", "thursday", "tor", "thu"), 3),
    **dict.fromkeys(("fredag", "friday", "fre", "fri"), 4),
    **dict.fromkeys(("lordag", "laurdag", "saturday", "lor", "lau", "sat"), 5),
    **dict.fromkeys(("sondag", "sundag", "sunday", "son", "sun"), 6),
}
CLOCK = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
MISSED_GRACE = timedelta(hours=12)  # a digest later than this after a restart is skipped


def weekday_of(word: str) -> int | None:
    """Monday = 0 for 'mandag', 'måndag', 'Monday', 'man' …; None for anything else."""
    return WEEKDAYS.get(normalise(word))


def clock_of(word: str) -> tuple[int, int] | None:
    """(8, 0) for '08:00' or '8.00'; None for anything else."""
    found = CLOCK.match(word)
    return (int(found.group(1)), int(found.group(2))) if found else None


def local_moment(day: date, hour: int, minute: int, zone: ZoneInfo) -> datetime:
    """The aware local datetime of a wall-clock time on a day (zoneinfo resolves DST gaps and folds)."""
    return datetime.combine(day, time(hour, minute), tzinfo=zone)


def last_occurrence(now: datetime, weekday: int, hour: int, minute: int, zone: ZoneInfo) -> datetime:
    """The latest scheduled moment at or before `now` (Monday = 0)."""
    today = now.astimezone(zone).date()
    day = today - timedelta(days=(today.weekday() - weekday) % 7)
    moment = local_moment(day, hour, minute, zone)
    return moment if moment <= now else local_moment(day - timedelta(days=7), hour, minute, zone)


def next_occurrence(now: datetime, weekday: int, hour: int, minute: int, zone: ZoneInfo) -> datetime:
    """The next scheduled moment after `now`."""
    previous = last_occurrence(now, weekday, hour, minute, zone)
    return local_moment(previous.date() + timedelta(days=7), hour, minute, zone)


def period_of(moment: datetime, zone: ZoneInfo) -> str:
    """The ISO week of a moment's local date, the unit of exactly-once delivery: '2026-W48'."""
    year, week, _ = moment.astimezone(zone).date().isocalendar()
    return f"{year}-W{week:02d}"


def ptb_days(weekday: int) -> tuple[int]:
    """python-telegram-bot's day number for run_daily (0 = Sunday) of our weekday (0 = Monday)."""
    return ((weekday + 1) % 7,)
