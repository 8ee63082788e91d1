"""Dates in questions: each pattern is skipped only where it could find nothing."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.dates import DAY_AND_MONTH, MONTHS, NAMED, NOW, NOW_WORD, NUMERIC, Dated, names_month, read_date

PIECES = [
    *MONTHS,
    *(name.title() for name in MONTHS),
    *("per", "pr.", "til", "fram til", "i", "in", "å", "nå", "NÅ", "no", "i dag", "idag", "now", "today"),
    *(
        "for tiden",
        "currently",
        "10.12.15",
        "31.12",
        "1/7",
        "10.",
        "15",
        "2015",
        "?",
        "!",
        "Trondheim",
        "des.",
    ),
]
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=8).map(" ".join)


@settings(max_examples=1000, deadline=None)
@given(text=TEXTS, joined=st.sampled_from([" ", "", ".", "-"]))
def test_a_date_pattern_finds_nothing_where_its_guard_finds_nothing(text: str, joined: str) -> None:
    """Where read_date skips a pattern because the text lacks what every match holds, the pattern finds nothing
    (NAMED nothing that _named takes: a month it matched only case-blind, 'İ', is no month)."""
    text = text.replace(" ", joined)
    assert NUMERIC.search(text) is None or DAY_AND_MONTH.search(text)
    assert names_month(text) or all(m["month"].casefold() not in MONTHS for m in NAMED.finditer(text))
    assert NOW.search(text) is None or NOW_WORD.search(text)


@settings(max_examples=300, deadline=None)
@given(month=st.sampled_from(sorted(MONTHS)), letter=st.sampled_from(["ſ", "K", "İ", "ı"]))
def test_a_month_written_with_letters_that_match_case_blind_never_fails(month: str, letter: str) -> None:
    """'10. ſept 2015' (a long s) is September; a name the pattern matches only case-blind is read or left."""
    text = f"per 10. {month.replace('s', letter).replace('k', letter).replace('i', letter)} 2015"
    dated, _ = read_date(text, date(2026, 12, 3))
    assert dated is None or dated.year == 2015


def test_a_long_s_is_an_s() -> None:
    """'ſept' is read as 'sept'."""
    assert read_date("bosatt per 10. ſept 2015", date(2026, 12, 3))[0] == Dated(2015, 9, 10)
