"""A figure's course over the years (issue 13, held-out set 4): revisions beside their originals in series and
in years ranked, stand-ins for a request where a year has none, the revision compared, the change in per cent,
and the first year a figure passed a bound; each in bokmål, nynorsk and English.

Expected figures are the seed documents': seed 003 (Drammen 2020–2024), seed 000 (the requests of 2016 and the
planning figures of 2017 of Trondheimsregionen), seed 001 (the nation and IMDi Midt-Norge 2011–2016).
"""

from __future__ import annotations

import re

import pytest

from bot.assistant import Assistant
from bot.understanding import parse
from store.store import Store
from tests.bot.test_understanding import TODAY
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


# 3. 'opprinnelig og justert', 'original vs revised': the revision compared, for a larger place too (no ranking).
REVISIONS = [
    (
        "den første og den justerte anmodningen til hele landet for 2016",
        "nb",
        "Opprinnelig 14 000¹ → justert 18 000¹",
    ),
    ("opphavleg mot revidert oppmoding for Noreg 2016", "nn", "Opphavleg 14 000¹ → justert 18 000¹"),
    ("Norway's initial versus adjusted request in 2016", "en", "Original 14 000¹ → revised 18 000¹"),
    ("opprinnelig og justert vedtak i Drammen", "nb", "Opprinnelig 360¹ → justert 400¹"),
    ("kor mykje vart vedtaket til Drammen justert i 2023", "nn", "Opphavleg 360¹ → justert 400¹"),
    ("how much was Drammen's request revised in 2022", "en", "Original 58¹ → revised 310¹"),
]


@pytest.mark.parametrize(("message", "language", "line"), REVISIONS)
async def test_original_and_revised_compare_the_revision(
    assistant: Assistant, message: str, language: str, line: str
) -> None:
    """Seed 000: the nation's request of 2016, 14 000 and after the additional request 18 000 (minors 500 and
    4 400); seed 003: Drammen's decision of 2023, 360 and 400 (the latest year revised, none named)."""
    answer = await reply(assistant, message, language=language)
    assert line in answer, answer
    assert not re.search(r"^1\. ", answer, re.MULTILINE)  # no ranking of the municipalities


@pytest.mark.parametrize(
    "message",
    [
        "opprinnelig anmodning og endelig vedtak for Drammen 2023",
        "opphavleg oppmoding og endeleg vedtak i Drammen 2023",
        "the original request and the final decision of Drammen in 2023",
    ],
)
async def test_an_original_and_a_revised_word_of_two_measures_ask_for_both(
    store: Store, message: str
) -> None:
    """'opprinnelig anmodning og endelig vedtak' names two measures: both figures, not one revision."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert not question.revision and question.measures == ["requested", "decided"]


async def test_a_figure_not_revised_says_so_with_its_value(assistant: Assistant) -> None:
    """Trondheim's request of 2016 (650, seed 000) was not revised."""
    answer = await reply(assistant, "original and revised request Trondheim 2016", language="en")
    assert "Request 2016: 650¹, not revised during the year." in answer, answer


# 4. A change in per cent: both figures, the difference, and the per cent to a tenth.
PERCENT_CHANGES = [
    (
        "med hvor mange prosent vokste bosettingen i Norge fra 2013 til 2014",
        "nb",
        ("6 551¹", "7 784¹", "+1 233"),
        "Endring i prosent: +18,8 %",
    ),
    (
        "kor mange prosent steig vedtaket i Drammen frå 2022 til 2023",
        "nn",
        ("310¹", "400¹", "+90"),
        "Endring i prosent: +29,0 %",
    ),
    (
        "by how many percent did Trondheim's request grow from 2015 to 2016",
        "en",
        ("469¹", "650²", "+181"),
        "Change in per cent: +38.6 %",
    ),
    (
        "kor mange prosent gjekk busetjinga i Trondheim ned frå 2016 til 2017",
        "nn",
        ("740¹", "675¹", "−65"),
        "Endring i prosent: −8,8 %",
    ),
]


@pytest.mark.parametrize(("message", "language", "figures", "line"), PERCENT_CHANGES)
async def test_a_change_in_per_cent_gives_both_figures_the_difference_and_the_per_cent(
    assistant: Assistant, message: str, language: str, figures: tuple[str, ...], line: str
) -> None:
    """Seed 001: 6 551 settled in 2013, 7 784 in 2014; seed 003: Drammen's decision 310 (2022, revised) and 400
    (2023, revised); seed 000: Trondheim's request 469 (2015) and 650 (2016)."""
    answer = await reply(assistant, message, language=language)
    for figure in figures:
        assert figure in answer, answer
    assert line in answer, answer


async def test_a_change_to_a_year_without_a_request_uses_what_stands_for_it(assistant: Assistant) -> None:
    """The nation's request of 2016 (18 000 after the revision) to 2017, which has only the need: 21 000."""
    answer = await reply(assistant, "hvor mye økte anmodningen i prosent fra 2016 til 2017")
    assert "Anmodning 2017: ingen tall; bosettingsbehov 21 000²" in answer, answer
    assert "+3 000" in answer and "Endring i prosent: +16,7 %" in answer, answer


# 5. The first year a figure passed a number.
FIRST_ABOVE = [
    (
        "i hvilket år var IMDi Midt-Norge over 1000 bosatte for første gang",
        "nb",
        "Første år over 1 000: 2013, 1 028¹",
    ),
    ("når passerte Norge 10000 bosatte", "nb", "Første år over 10 000: 2015, 11 300¹"),
    ("kva år kom Midt-Noreg over 1500 busette", "nn", "Første år over 1 500: 2015, 1 978¹"),
    ("when did Trondheim first exceed 600 settled", "en", "First year above 600: 2016, 740¹"),
    ("which year did Trondheim pass 800 settled", "en", "No year above 800; highest in 2016: 740¹"),
    (
        "hvilket år ble mer enn 10 000 bosatt i Norge for første gang",
        "nb",
        "Første år over 10 000: 2015, 11 300¹",
    ),
    ("in what year were over 6,000 refugees settled in Norway", "en", "First year above 6 000: 2013, 6 551¹"),
]


@pytest.mark.parametrize(("message", "language", "line"), FIRST_ABOVE)
async def test_the_first_year_above_a_number(
    assistant: Assistant, message: str, language: str, line: str
) -> None:
    """Seed 001: Midt-Norge settled 762, 883, 1 028, 1 300, 1 978 in 2011–2015, the nation 11 300 in 2015; seed
    004: Trondheim 740 in 2016, its most."""
    answer = await reply(assistant, message, language=language)
    assert line in answer, answer


@pytest.mark.parametrize(
    ("message", "language", "line"),
    [
        (
            "hva var det første året Norge bosatte flere enn 30 000",
            "nb",
            "Første år over 30 000: 2022, 31 258",
        ),
        (
            "kva var det fyrste året Noreg busette fleire enn 30 000",
            "nn",
            "Første år over 30 000: 2022, 31 258",
        ),
        (
            "which was the first year with more than 30,000 settled in Norway",
            "en",
            "First year above 30 000: 2022",
        ),
    ],
)
async def test_the_first_year_with_more_than_a_number(
    assistant: Assistant, message: str, language: str, line: str
) -> None:
    """Seed 003: 4 489 settled in 2021, 31 258 in 2022, 33 701 in 2023; 'det første året' with a bound is the
    first year past it, not a ranking of the municipalities."""
    answer = await reply(assistant, message, language=language)
    assert line in answer, answer


@pytest.mark.parametrize(
    ("first", "follow_up", "language", "line"),
    [
        (
            "hvilket år passerte Trondheim 300 bosatte",
            "og Melhus?",
            "nb",
            "Ingen år over 300; høyest i 2015: 43¹",
        ),
        (
            "kva år passerte Trondheim 300 busette",
            "kva med Melhus?",
            "nn",
            "Ingen år over 300; høgast i 2015: 43¹",
        ),
        (
            "original vs revised request Norway 2016",
            "and the decision of Drammen in 2023?",
            "en",
            "Original 360¹ → revised 400¹",
        ),
    ],
)
async def test_a_follow_up_keeps_the_course_asked(
    assistant: Assistant, first: str, follow_up: str, language: str, line: str
) -> None:
    """'og Melhus?' after the first year past a number asks it of Melhus (43 settled in 2015, its only year); a
    follow-up naming a measure keeps the revision compared."""
    answer = await reply(assistant, first, follow_up, language=language)
    assert line in answer, answer
