"""Questions that name no place: the nation's figures, and the counties ranked by their intro results."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.caller import Caller
from bot.render import plain
from store.store import Store
from store.vocabulary import Group, Intent, Measure
from tests.bot.answers.asking import about, answer_text

# Seed 001, "Beste fylker på måloppnåelse i introprogram i 2014": rank, county, share in work or education.
COUNTY_RESULTS = [
    (1, "Vestfold", 61),
    (2, "Nord-Trøndelag", 58),
    (3, "Akershus", 55),
    (4, "Møre og Romsdal", 53),
]
COUNTY_RESULTS.append((12, "Sør-Trøndelag", 44))


def ranked_rows(answer: str) -> list[tuple[int, str, int | None]]:
    """'12. Sør-Trøndelag   44 %¹' rows of a ranking table, as (rank, county, share); a share without its
    per cent sign is not read as one."""
    rows = []
    for line in answer.splitlines():
        head, _, rest = line.strip().partition(". ")
        if head.isdigit() and rest:
            name, share, sign = rest.rstrip("¹²³").rsplit(maxsplit=2)
            rows.append((int(head), name.strip(), int(share) if sign == "%" else None))
    return rows


async def test_which_county_had_the_best_intro_results(store: Store) -> None:
    """A ranking of intro results with no place named: the counties of 2014, ranked as seed 001 ranks them."""
    question = await about(store, None, Intent.RANKING, Measure.INTRO_RESULT_PCT)
    answer = await answer_text(store, question)
    assert ranked_rows(answer) == COUNTY_RESULTS
    assert "Ingen år oppgitt: viser siste år med tall, 2014." in answer
    assert "5 av 19 fylker med tall." in answer


@pytest.mark.parametrize("message", ["intro", "intro 2014", "introresultater 2014", "intro Norge 2014"])
async def test_intro_without_a_place_ranks_the_counties(
    assistant: Assistant, admin: Caller, message: str
) -> None:
    """Through the console's parser: the nation's intro answer is the counties' results, ranked."""
    (reply,) = await assistant.handle(message, admin)
    assert ranked_rows(plain(reply.text)) == COUNTY_RESULTS


async def test_a_region_ranks_its_own_counties(store: Store) -> None:
    """IMDi Midt-Norge in 2014: Nord-Trøndelag, Møre og Romsdal, Sør-Trøndelag, of three."""
    answer = await answer_text(store, await about(store, "IMDI-MIDT", Intent.INTRO, years=(2014,)))
    assert [name for _, name, _ in ranked_rows(answer)] == [
        "Nord-Trøndelag",
        "Møre og Romsdal",
        "Sør-Trøndelag",
    ]
    assert "3 av 3 fylker med tall." in answer


async def test_a_ranking_with_no_place_ranks_the_nations_municipalities(store: Store) -> None:
    """The latest year with both decisions and settled counts (2015, seed 000), not the latest with either."""
    answer = await answer_text(store, await about(store, None, Intent.RANKING))
    assert "Norge (hele landet) · Bosatt av vedtaket 2015" in answer
    assert "1. Klæbu: 7¹ / 18¹ (39 %)" in answer  # footnotes numbered in reading order


@pytest.mark.parametrize(
    ("measure", "group", "year", "figures"),
    [
        (Measure.SETTLED, Group.ALL, 2013, ["6 551"]),  # seed 001
        (Measure.SETTLED, Group.ALL, 2022, ["31 258"]),  # seed 003
        (Measure.REQUESTED, Group.ALL, 2024, ["37 000"]),  # seed 003
        (Measure.REQUESTED, Group.EM, 2016, ["500", "4 400"]),  # seed 000: from 500 to 4 400 minors
        (Measure.SETTLEMENT_NEED, Group.ALL, 2017, ["21 000"]),  # seed 001
        (Measure.SETTLEMENT_NEED, Group.EM, 2017, ["7 000"]),  # seeds 000 and 001
    ],
)
async def test_a_figure_with_no_place_is_the_nations(
    store: Store, measure: str, group: str, year: int, figures: list[str]
) -> None:
    """National figures from the seeds, asked without naming a place."""
    answer = await answer_text(store, await about(store, None, Intent.FIGURE, measure, (year,), group))
    assert answer.startswith("Norge (hele landet)")
    for figure in figures:
        assert f"{figure}¹" in answer or f"{figure}²" in answer
