"""Rankings of more kinds: by a ratio, kept by a bound, with places left out, smallest first, a place's years."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from tests.bot.answers.asking import asked, lines_with

# Seed 000, "Bosettingssituasjon pr 10.12.15": request, decision, settled by 10.12 (Trondheim's year: 495, seed 004).
DECIDED_OF_REQUEST = [  # decision / request, smallest share first
    ("Skaun", 11, 32),
    ("Rissa", 18, 32),
    ("Midtre Gauldal", 15, 24),
    ("Klæbu", 18, 24),
]


def ranked(answer: str) -> list[str]:
    """The names of a ranking's rows, in order: '1. Skaun: 11¹ / 32¹ (34 %)' is Skaun."""
    names = []
    for line in answer.splitlines():
        head, _, rest = line.partition(". ")
        if head.isdigit() and ":" in rest:
            names.append(rest.split(":")[0])
    return names


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("hvilken kommune har vedtatt minst i forhold til anmodningen i 2015", "nb"),
        ("kva kommune har vedteke minst i høve til oppmodinga i 2015", "nn"),
        ("which municipality decided the least relative to its request in 2015", "en"),
    ],
)
async def test_a_ratio_of_two_measures_ranks_the_smallest_first(
    assistant: Assistant, message: str, language: str
) -> None:
    """The decision as a share of the request: Skaun 11 of 32 (34 %) first."""
    answer = await asked(assistant, message, language)
    assert ranked(answer)[:4] == [name for name, _, _ in DECIDED_OF_REQUEST]
    for name, decided, requested in DECIDED_OF_REQUEST:
        assert lines_with(answer, f"{name}: {decided}", f"/ {requested}")


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("hvilken kommune har bosatt størst andel av vedtaket i 2015", "nb"),
        ("kva kommune har busett størst del av vedtaket sitt i 2015", "nn"),
        ("which municipality settled the largest share of its decision in 2015", "en"),
    ],
)
async def test_the_largest_share_of_the_decision_first(
    assistant: Assistant, message: str, language: str
) -> None:
    """Skaun settled 14 of 11 (127 %), Leksvik 20 of 17 (118 %), Trondheim 495 of 450 (110 %)."""
    answer = await asked(assistant, message, language)
    assert ranked(answer)[:3] == ["Skaun", "Leksvik", "Trondheim"]
    assert lines_with(answer, "Skaun: 14", "/ 11", "127 %")


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("hvilke kommuner bosatte flere enn de vedtok i 2015", "nb"),
        ("kva kommunar busette fleire enn dei vedtok i 2015", "nn"),
        ("which municipalities settled more than they decided in 2015", "en"),
    ],
)
async def test_a_bound_against_another_measure(assistant: Assistant, message: str, language: str) -> None:
    """Settled above the decision in 2015: Trondheim (495/450), Leksvik (20/17), Skaun (14/11), and no one else."""
    answer = await asked(assistant, message, language)
    assert sorted(ranked(answer)) == ["Leksvik", "Skaun", "Trondheim"]
    assert lines_with(answer, "Leksvik: 20", "/ 17")


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("hvilke kommuner har bosatt under halvparten av anmodningen i 2015", "nb"),
        ("kva kommunar har busett mindre enn halvparten av oppmodinga i 2015", "nn"),
        ("which municipalities settled less than half of their request in 2015", "en"),
    ],
)
async def test_a_bound_with_a_factor(assistant: Assistant, message: str, language: str) -> None:
    """Below half the request: Klæbu 7 of 24, Rissa 11 of 32, Skaun 14 of 32."""
    answer = await asked(assistant, message, language)
    assert ranked(answer) == ["Klæbu", "Rissa", "Skaun"]
    assert lines_with(answer, "Klæbu: 7", "/ 24")


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("hvilke kommuner bosatte flere enn 40 i 2015", "nb"),
        ("which municipalities settled more than 40 in 2015", "en"),
    ],
)
async def test_a_bound_on_the_value(assistant: Assistant, message: str, language: str) -> None:
    """Settled above 40 in 2015: Trondheim 495, Stjørdal 57, Melhus 43 (Orkdal's 40 is not above)."""
    answer = await asked(assistant, message, language)
    assert ranked(answer) == ["Trondheim", "Stjørdal", "Melhus"]


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("hvilken kommune i Trondheimsregionen bosatte flest i 2015 utenom Trondheim", "nb"),
        ("kva kommune busette flest i 2015 bortsett frå Trondheim", "nn"),
        ("which municipality settled the most in 2015 excluding Trondheim", "en"),
        ("which municipality settled the most in 2015 except Trondheim", "en"),
    ],
)
async def test_a_place_left_out(assistant: Assistant, message: str, language: str) -> None:
    """Without Trondheim, Stjørdal's 57 leads, then Melhus 43; nine of the ten are ranked."""
    answer = await asked(assistant, message, language)
    names = ranked(answer)
    assert "Trondheim" not in names and names[:2] == ["Stjørdal", "Melhus"] and len(names) == 9
    assert lines_with(answer, "Stjørdal: 57")


@pytest.mark.parametrize(
    ("message", "language", "first", "value"),
    [
        ("ranger kommunene etter EM i plantallet for 2017", "nb", "Trondheim", "250"),
        ("ranger kommunane etter einslege mindreårige i plantalet for 2017", "nn", "Trondheim", "250"),
        ("most unaccompanied minors requested 2016", "en", "Trondheim", "160"),
        ("hvilken kommune fikk færrest EM i anmodningen for 2016", "nb", "Leksvik", "4"),
    ],
)
async def test_ranked_by_a_measure_and_group(
    assistant: Assistant, message: str, language: str, first: str, value: str
) -> None:
    """Plan 2017 EM: Trondheim 250 first (seed 000); requests 2016 EM: Trondheim 160 most, Leksvik 4 fewest."""
    answer = await asked(assistant, message, language)
    assert ranked(answer)[0] == first
    assert lines_with(answer, f"1. {first}: {value}")


@pytest.mark.parametrize(
    ("message", "language", "year", "value"),
    [
        ("hvilket år bosatte Trondheim flest", "nb", 2016, "740"),
        ("kva år busette Trondheim flest einslege mindreårige", "nn", 2016, "123"),
        ("which year did Trondheim settle the most unaccompanied minors", "en", 2016, "123"),
        ("hvilket år bosatte Trondheim færrest", "nb", 2006, "201"),
        ("which year did Norway settle the most", "en", 2023, "33 701"),
    ],
)
async def test_the_year_with_the_most(
    assistant: Assistant, message: str, language: str, year: int, value: str
) -> None:
    """Seed 004: Trondheim's most in 2016 (740, EM 123), fewest 2006 (201); Norway's most in 2023 (seed 003)."""
    answer = await asked(assistant, message, language)
    assert lines_with(answer, str(year), value)
    assert lines_with(answer, f"{year} | {value}")  # the series beside it


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Orkdal 2015 vs 2016", "nb"),
        ("samanlikn Orkdal 2015 og 2016", "nn"),
        ("compare Orkdal 2015 and 2016", "en"),
        ("Orkdal 2015 mot 2016", "nb"),
    ],
)
async def test_a_place_compared_with_itself_over_years(
    assistant: Assistant, message: str, language: str
) -> None:
    """Orkdal 2015: request 48, decision 40, settled 40; 2016: request 48 (seed 000)."""
    answer = await asked(assistant, message, language)
    (first,) = lines_with(answer, "2015:")
    (second,) = lines_with(answer, "2016:")
    assert "48" in first and "40" in first and "48" in second


@pytest.mark.parametrize(
    ("message", "language", "figures"),
    [
        ("hvor stor andel av anmodningen har Melhus vedtatt i 2015", "nb", ("51¹", "56¹", "91 %")),
        ("kor stor del av vedtaket har Trondheimsregionen busett i 2015", "nn", ("643¹", "728¹", "88 %")),
        ("what share of its decision has Malvik settled in 2015", "en", ("38¹", "48¹", "79 %")),
    ],
)
async def test_one_places_ratio(
    assistant: Assistant, message: str, language: str, figures: tuple[str, ...]
) -> None:
    """Seed 000, 2015: Melhus decided 51 of 56, the region settled 643 of 728 (its stated totals), Malvik 38 of 48."""
    answer = await asked(assistant, message, language)
    for figure in figures:
        assert figure in answer, figure


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("hvilke kommuner i Trondheimsregionen har ikke bosatt hele vedtaket i 2015", "nb"),
        ("kva kommunar har ikkje busett heile vedtaket i 2015", "nn"),
        ("which municipalities have not settled all of their decision in 2015", "en"),
    ],
)
async def test_not_the_whole_decision(assistant: Assistant, message: str, language: str) -> None:
    """Below the decision in 2015: Klæbu, Rissa, Malvik, Melhus, Stjørdal (seed 000), smallest share first."""
    answer = await asked(assistant, message, language)
    assert ranked(answer) == ["Klæbu", "Rissa", "Malvik", "Melhus", "Stjørdal"]


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("hvilket fylke bosatte flest i 2014", "nb"),
        ("kva fylke busette flest i 2014", "nn"),
        ("which county settled the most in 2014", "en"),
    ],
)
async def test_counties_ranked_by_their_own_figures(
    assistant: Assistant, message: str, language: str
) -> None:
    """Seed 001 states only Møre og Romsdal's 468 among the counties in 2014: it, and how many are known."""
    answer = await asked(assistant, message, language)
    assert ranked(answer) == ["Møre og Romsdal"]
    assert lines_with(answer, "468¹")


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("hvor mange ble bosatt i Norge i 2015 sammenlignet med 2014", "nb"),
        ("how many were settled in Norway in 2015 compared with 2014", "en"),
    ],
)
async def test_the_nation_compared_with_itself(assistant: Assistant, message: str, language: str) -> None:
    """Seed 001: 7 784 settled in 2014, 11 300 in 2015, a line a year (not the municipalities ranked)."""
    answer = await asked(assistant, message, language)
    assert lines_with(answer, "2014:", "7 784¹") and lines_with(answer, "2015:", "11 300¹")
