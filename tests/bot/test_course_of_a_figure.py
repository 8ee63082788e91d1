"""A figure's course over the years (issue 13, held-out set 4): revisions beside their originals in series and
in years ranked, stand-ins for a request where a year has none, the revision compared, the change in per cent,
and the first year a figure passed a bound; each in bokmål, nynorsk and English.

Expected figures are the seed documents': seed 003 (Drammen 2020–2024), seed 000 (the requests of 2016 and the
planning figures of 2017 of Trondheimsregionen), seed 001 (the nation and IMDi Midt-Norge 2011–2016).
"""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from tests.bot.test_unrehearsed import assert_cited, reply

# 1. A revised measure over the years: each revision beside its original, in the table and in years ranked.
REVISED_SERIES = [
    ("justerte vedtak i Drammen frå 2020 til 2023", "nn", ("2020 | 85¹ (58¹)", "2023 | 360¹ (400¹)")),
    (
        "revidert anmodning for Drammen 2021-2023",
        "nb",
        ("2021 | 58¹", "2022 | 58¹ (310¹)", "2023 | 360¹ (430¹)"),
    ),
    ("Drammen's adjusted requests 2020-2023", "en", ("2020 | 85¹ (58¹)", "2023 | 360¹ (430¹)")),
]


@pytest.mark.parametrize(("message", "language", "rows"), REVISED_SERIES)
async def test_a_series_of_a_revised_measure_shows_each_original_beside_its_revision(
    assistant: Assistant, message: str, language: str, rows: tuple[str, ...]
) -> None:
    """A series asked of the revision shows the original with the revision in parentheses, as asked of the
    original."""
    answer = await reply(assistant, message, language=language)
    for row in rows:
        assert row in answer, answer


YEARS_RANKED = [
    ("i hvilket år vedtok Drammen flest", "nb", "Høyest i 2023: 360¹ (400¹)", "I parentes: justert vedtak."),
    (
        "kva år var oppmodinga til Drammen størst",
        "nn",
        "Høgast i 2023: 360¹ (430¹)",
        "I parentes: justert oppmoding.",
    ),
    (
        "in which year was Drammen's request lowest",
        "en",
        "Lowest in 2020: 85¹ (58¹)",
        "In parentheses: revised request.",
    ),
]


@pytest.mark.parametrize(("message", "language", "top", "note"), YEARS_RANKED)
async def test_years_ranked_rank_by_the_revision_and_show_it_beside_the_original(
    assistant: Assistant, message: str, language: str, top: str, note: str
) -> None:
    """A place's years ranked by a revised measure: by the figure that stood at the end of the year (the 2023
    decision 400, the 2020 request 58), each row with its original."""
    answer = await reply(assistant, message, language=language)
    assert top in answer and note in answer, answer
    assert_cited(answer, ("360", "58"))


# 2. A request over the years: where a year has none, the planning figure or the settlement need, marked.
STAND_INS = [
    (
        "anmodning for Melhus fra 2016 til 2017",
        "nb",
        "2017 | plantall 65¹",
        "Anmodning: ingen tall for 2017; plantall",
    ),
    (
        "oppmodingane til Skaun 2016–2017",
        "nn",
        "2017 | plantal 35¹",
        "Oppmoding: ingen tal for 2017; plantal",
    ),
    (
        "requests for Norway 2016 to 2017",
        "en",
        "2017 | settlement need 21 000",
        "no figures for 2017; the settlement need",
    ),
]


@pytest.mark.parametrize(("message", "language", "row", "note"), STAND_INS)
async def test_a_request_series_shows_what_stands_for_a_missing_request(
    assistant: Assistant, message: str, language: str, row: str, note: str
) -> None:
    """Seed 000's planning figures of 2017 (Melhus 65, Skaun 35) and seed 001's need of 21 000 for 2017 stand
    where there is no request, named, and the note says so."""
    answer = await reply(assistant, message, language=language)
    assert row in answer and note in answer, answer


@pytest.mark.parametrize(
    ("message", "language", "note"),
    [
        ("vedtak Drammen 2021-2024", "nb", "Vedtak: ingen tall for 2024 (men for "),
        ("anmodning Malvik 2016-2018", "nb", "Anmodning: ingen tall for 2018, heller ingen andre tall."),
        ("vedtak i Drammen frå 2022 til 2024", "nn", "Vedtak: ingen tal for 2024 (men for "),
        ("Drammen's decisions 2022-2024", "en", "Council decision: no figures for 2024 (but for "),
    ],
)
async def test_a_year_asked_without_figures_says_what_exists(
    assistant: Assistant, message: str, language: str, note: str
) -> None:
    """A year asked that has no figure of the measure is never left out silently: the series says what the
    place has then (Drammen's request of 2024: 340), or that it has nothing."""
    answer = await reply(assistant, message, language=language)
    assert note in answer, answer
