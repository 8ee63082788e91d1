"""Formatting: Norwegian numbers, dates, and messages within Telegram's limits."""

from __future__ import annotations

from datetime import date

import pytest

from bot.render import day, number, split_message, utf16_length, visible_length


@pytest.mark.parametrize(
    ("value", "language", "shown"),
    [
        (11600, "nb", "11 600"),
        (33701.0, "en", "33 701"),
        (6.6, "nb", "6,6"),
        (6.6, "en", "6.6"),
        (None, "nb", ":"),
        (60_000_000, "nb", "60 000 000"),
    ],
)
def test_number(value: float | None, language: str, shown: str) -> None:
    """Thousands with spaces, decimal comma in Norwegian."""
    assert number(value, language) == shown


def test_day() -> None:
    """Dates as Norwegian and English readers write them."""
    assert day(date(2015, 12, 10), "nb") == "10.12.2015"
    assert day(date(2015, 12, 10), "en") == "10 Dec 2015"


def test_split_keeps_every_line_and_the_limit() -> None:
    """A long answer is cut at line breaks into parts of at most 4096 visible UTF-16 units."""
    lines = [f"<b>Linje {i}</b> · æøå 😀" for i in range(600)]
    parts = split_message("\n".join(lines))
    assert len(parts) > 1
    assert all(visible_length(part) <= 4096 for part in parts)
    assert "\n".join(parts).split("\n") == lines


def test_split_cuts_an_overlong_line() -> None:
    """A single line longer than the limit is still delivered, in pieces within it."""
    parts = split_message("x" * 10000, 1024)
    assert all(utf16_length(part) <= 1024 for part in parts)
    assert "".join(parts) == "x" * 10000 and len(parts) == 10


@pytest.mark.parametrize(
    "markup",
    [
        "<b>Trondheim</b> 2015 · æøå 😀\n<i>Kilder:</i> IMDi &amp; kommunen",
        "<b>" + "x" * 4089 + "</b>",  # 4096 visible units, longer as HTML
        "😀" * 2048,
    ],
    ids=["card", "tags-beyond-the-limit", "astral-at-the-limit"],
)
def test_a_message_within_the_limit_is_one_part_as_it_is(markup: str) -> None:
    """Within 4096 visible UTF-16 units, a message is sent whole and unchanged."""
    assert split_message(markup) == [markup]


def test_a_blank_message_has_no_part() -> None:
    """Nothing visible to send: no part."""
    assert split_message(" \n ") == []


@pytest.mark.parametrize(
    "value", [date(1999, 1, 1), date(2015, 12, 10), date(2024, 2, 29), date(1, 1, 1), date.max], ids=str
)
def test_a_norwegian_day_is_written_as_strftime_writes_it(value: date) -> None:
    """A date in Norwegian is day, month and year apart by dots, two digits for day and month."""
    assert day(value) == value.strftime("%d.%m.%Y") and day(value, "nn") == day(value)
