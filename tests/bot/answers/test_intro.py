"""The introduction programme: a county's results with its place, counties without results, one category."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from tests.bot.answers.asking import asked, lines_with


@pytest.mark.parametrize(
    ("message", "language", "county", "share", "rank"),
    [
        ("introresultater Nord-Trøndelag 2014", "nb", "Nord-Trøndelag", "58 %", "2"),
        ("korleis gjekk det med Møre og Romsdal på introresultata", "nn", "Møre og Romsdal", "53 %", "4"),
        ("how did Nord-Trøndelag do on intro results", "en", "Nord-Trøndelag", "58 %", "2"),
        ("intro Akershus 2014", "nb", "Akershus", "55 %", "3"),
        (
            "how did Vestfold do on intro results",
            "en",
            "Vestfold",
            "61 %",
            "1",
        ),  # 07, not the Vestfold of 2024
    ],
)
async def test_a_countys_results_with_its_place_among_the_counties(
    assistant: Assistant, message: str, language: str, county: str, share: str, rank: str
) -> None:
    """Seed 001, 2014: the county's share and stated place, then the counties ranked (Vestfold 61 first)."""
    answer = await asked(assistant, message, language)
    assert lines_with(answer, f": {share}¹") and lines_with(answer, f": {rank}¹")
    assert lines_with(answer, " 1. Vestfold", "61 %¹") and lines_with(
        answer, f"{rank}. {county}", f"{share}¹"
    )


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("introresultater Hedmark 2014", "nb"),
        ("introresultat for Hordaland i 2014", "nn"),
        ("intro results Oppland 2014", "en"),
        ("korleis gjekk det med Troms på introresultat", "nn"),  # two counties Troms, neither with any
    ],
)
async def test_a_county_without_results_shows_the_counties_with(
    assistant: Assistant, message: str, language: str
) -> None:
    """A county seed 001 does not list: said, and the five counties it lists, ranked."""
    answer = await asked(assistant, message, language)
    assert lines_with(answer, "12. Sør-Trøndelag", "44 %¹") and lines_with(answer, " 1. Vestfold", "61 %¹")


@pytest.mark.parametrize(
    ("message", "language", "figures"),
    [
        (
            "hvor stor andel av deltakerne i introprogrammet i Trondheim var på spor 2",
            "nb",
            ("40 %¹", "579¹"),
        ),
        ("kor mange prosent av deltakarane var på spor 1 i Trondheim", "nn", ("32 %¹", "579¹")),
        ("what share of Trondheim's intro participants were on track 3", "en", ("19 %¹", "579¹")),
        ("hvor mange gikk på sosialhjelp etter introprogrammet i Trondheim", "nb", ("73¹", "342¹", "21 %")),
        ("how many were on social assistance after the introduction programme", "en", ("73¹", "342¹")),
        ("kor mange gjekk til vidaregåande etter introprogrammet i Trondheim", "nn", ("59¹", "342¹")),
    ],
)
async def test_one_category_beside_its_total(
    assistant: Assistant, message: str, language: str, figures: tuple[str, ...]
) -> None:
    """Seed 004 (Trondheim, Nov 2018): tracks as shares of the 579 participants, outcomes of the 342."""
    answer = await asked(assistant, message, language)
    assert len(lines_with(answer, *figures)) == 1
    assert "Trondheim" in answer
