"""Reading questions: place, years, measure, group and intent."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding import parse
from store.store import Store

TODAY = date(2026, 11, 23)

CASES = [
    # text, intent, place code, years, measure, group
    ("status Trondheim 2015", "status", "5001", [2015], None, "all"),
    ("/status 1601 2015", "status", "5001", [2015], None, "all"),
    ("hvor mange er bosatt i Melhus i år?", "figure", "5028", [2026], "settled", "all"),
    ("EM anmodning 2016 Trondheim", "figure", "5001", [2016], "requested", "em"),
    ("plantall 2017 Stjørdal", "figure", "5035", [2017], "planned", "all"),
    ("hvor langt har Malvik kommet?", "status", "5031", [], None, "all"),
    ("bosatte Norge 2014", "figure", "NO", [2014], "settled", "all"),
    (
        "How many unaccompanied minors did Trondheim settle in 2016?",
        "figure",
        "5001",
        [2016],
        "settled",
        "em",
    ),
    ("status trondhiem", "status", "5001", [], None, "all"),
    ("busette i Orkdal 2015", "figure", "5024", [2015], "settled", "all"),
    (
        "kor mange einslege mindreårige vart busett i Trondheim i fjor",
        "figure",
        "5001",
        [2025],
        "settled",
        "em",
    ),
    ("oppmoding Skaun neste år", "figure", "5029", [2027], "requested", "all"),
    ("Trondheim 2006–2018", "series", "5001", list(range(2006, 2019)), None, "all"),
    ("Trondheim siden 2006", "series", "5001", list(range(2006, 2027)), None, "all"),
    ("historikk Trondheim", "series", "5001", [], None, "all"),
    ("anmodnig Skaun 2016", "figure", "5029", [2016], "requested", "all"),
    (
        "hvorav EM under 15 år anmodning Melhus 2016",
        "figure",
        "5028",
        [2016],
        "requested",
        "em_under_15",
    ),
    ("Sør-Trøndelag anmodning 2016", "figure", "16", [2016], "requested", "all"),
    ("Midt-Norge bosatt 2013", "figure", "IMDI-MIDT", [2013], "settled", "all"),
    ("tilskudd Trondheim 2015", "grant", "5001", [2015], None, "all"),
    (
        "hvilken kommune i Trondheimsregionen er lengst bak vedtaket i 2015?",
        "ranking",
        "TRONDHEIMSREGIONEN",
        [2015],
        "decided",
        "all",
    ),
    ("ukrainere bosatt Norge 2023", "figure", "NO", [2023], "settled", "ukraine"),
]


@pytest.mark.parametrize(
    ("message", "intent", "code", "years", "measure", "group"), CASES, ids=[c[0] for c in CASES]
)
async def test_parse(
    store: Store,
    message: str,
    intent: str,
    code: str,
    years: list[int],
    measure: str | None,
    group: str,
) -> None:
    """Each question is read to the expected parts."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert question.intent == intent
    assert [m.place.code for m in question.places] == [code]
    assert question.years == years
    assert (question.measure, question.group) == (measure, group)


@pytest.mark.parametrize("message", ["asdfgh qwerty", "Atlantis 2015", "status Xyzzy"])
async def test_unknown_places_stay_unknown(store: Store, message: str) -> None:
    """Words that name no place are kept as unknown, never matched to a place."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert question.places == [] and question.unknown_text


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Trondheim 1900–2099", 1977, 2027),
        ("Trondheim 2020–2099", 2020, 2027),
        ("Trondheim 2006-2018", 2006, 2018),
    ],
    ids=["both ends beyond", "to the end of the century", "within"],
)
async def test_a_year_range_is_bounded_by_the_years_a_question_may_ask(
    store: Store, text: str, first: int, last: int
) -> None:
    """A range in free text keeps the years from the register's first year to next year."""
    question = parse(text, index=await store.index(), today=TODAY)
    assert question.years == list(range(first, last + 1))
