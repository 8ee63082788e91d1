"""Bounds on what users send: whole numbers in ASCII digits within a range, and the years a question may ask."""

from __future__ import annotations

from datetime import date

import pytest

from store.bounds import ROW_IDS, USER_IDS, whole_number, years_asked
from store.vocabulary import FIRST_YEAR


@pytest.mark.parametrize(
    ("text", "within", "number"),
    [
        ("1001", USER_IDS, 1001),
        (str(2**52 - 1), USER_IDS, 2**52 - 1),
        (str(2**52), USER_IDS, None),
        ("0", USER_IDS, None),
        ("-5", USER_IDS, None),
        ("-5", range(-10, 10), -5),
        (str(2**31 - 1), ROW_IDS, 2**31 - 1),
        ("99999999999999999999", ROW_IDS, None),
        ("9" * 5000, ROW_IDS, None),
        ("²", ROW_IDS, None),
        ("٣", ROW_IDS, None),
        ("１２", ROW_IDS, None),
        ("+5", ROW_IDS, None),
        (" 5", ROW_IDS, None),
        ("5\n", ROW_IDS, None),
        ("1_000", ROW_IDS, None),
        ("1e3", ROW_IDS, None),
        ("", ROW_IDS, None),
        ("-", ROW_IDS, None),
    ],
    ids=[
        "a user id",
        "the largest user id",
        "beyond 52 bits",
        "zero is no user",
        "negative is no user",
        "negative where allowed",
        "the largest row id",
        "beyond any row id",
        "beyond int's digit limit",
        "superscript two",
        "arabic-indic three",
        "fullwidth twelve",
        "plus sign",
        "leading space",
        "trailing newline",
        "underscore",
        "exponent",
        "empty",
        "a minus alone",
    ],
)
def test_whole_number(text: str, within: range, number: int | None) -> None:
    assert whole_number(text, within) == number


def test_years_asked_run_from_the_first_year_to_next_year() -> None:
    asked = years_asked(date(2026, 11, 23))
    assert asked[0] == FIRST_YEAR and asked[-1] == 2027
