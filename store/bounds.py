"""Bounds on what users send: whole numbers in ASCII digits, ids, years and lists of places."""

from __future__ import annotations

import re
from datetime import date

from store.vocabulary import FIRST_YEAR

USER_IDS = range(1, 2**52)  # Telegram's user ids are positive and fit in 52 bits
ROW_IDS = range(1, 2**31)  # the database's own ids (an INTEGER key on PostgreSQL)
YEARS_AHEAD = 25  # a four-digit number up to this many years after today may be a year (plans, targets)
MOST_PLACES = 20  # places in one list: a /subscribe list, a comparison
WHOLE_NUMBER = re.compile(r"-?[0-9]{1,20}")  # ASCII only: "²".isdigit() is True, but int("²") fails


def whole_number(text: str, within: range) -> int | None:
    """The whole number a text is (ASCII digits, an optional minus) if it lies within the range, else None."""
    if WHOLE_NUMBER.fullmatch(text) is None:
        return None
    number = int(text)
    return number if number in within else None


def years_asked(today: date) -> range:
    """The years a question may be about: from the register's first year to next year."""
    return range(FIRST_YEAR, today.year + 2)


def plausible_years(today: date) -> range:
    """The years a four-digit number in a question is read as, unless marked as a code ('kommune 2017')."""
    return range(FIRST_YEAR, today.year + YEARS_AHEAD + 1)
