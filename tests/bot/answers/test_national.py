"""Figures with no place named: grant rules, national requests and needs, changes in per cent, parts of totals,
and figures stated only for another place (the world, a county)."""

from __future__ import annotations

import re

import pytest

from bot.assistant import Assistant
from tests.bot.answers.asking import asked, lines_with


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("ekstratilskudd 2015", "nb"),
        ("kor mykje ekstra tilskot fekk kommunane for einslege mindreårige i 2016", "nn"),
        ("how much extra per refugee settled beyond the request in 2016", "en"),
        ("how much extra grant for unaccompanied minors", "en"),
    ],
)
async def test_the_grant_rules_without_a_place(assistant: Assistant, message: str, language: str) -> None:
    """Seed 001: 50 000 kr per refugee beyond the request in 2015, 100 000 kr per minor settled in 2016."""
    answer = await asked(assistant, message, language)
    assert lines_with(answer, "2015", "50 000¹") and lines_with(answer, "2016", "100 000¹")


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("hva var den opprinnelige anmodningen for landet i 2016, og etter tilleggsanmodningen", "nb"),
        ("kva var den opphavlege oppmodinga for heile landet i 2016", "nn"),
        ("what was the original national request for 2016, and after the revision", "en"),
    ],
)
async def test_the_national_request_and_its_revision(
    assistant: Assistant, message: str, language: str
) -> None:
    """Seed 000: 14 000 at first, 18 000 after the additional request; minors from 500 to 4 400."""
    answer = await asked(assistant, message, language)
    for figure in ("14 000", "18 000", "500", "4 400"):
        assert lines_with(answer, f"{figure}¹"), figure


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("bosettingsbehov inkludert EM 2016", "nb"),
        ("busetjingsbehovet inkludert einslege mindreårige i 2016", "nn"),
        ("settlement need including unaccompanied minors 2016", "en"),
        ("kor mange einslege mindreårige skulle busetjast i 2016", "nn"),
    ],
)
async def test_the_need_with_its_minors(assistant: Assistant, message: str, language: str) -> None:
    """Seed 001: 18 000 to be settled in 2016, of them 4 400 unaccompanied minors."""
    answer = await asked(assistant, message, language)
    assert lines_with(answer, "4 400¹") and ("einslege" in message or lines_with(answer, "18 000¹"))


@pytest.mark.parametrize(
    ("message", "language", "figures", "change"),
    [
        ("hvor mange prosent økte bosettingen fra 2013 til 2014", "nb", ("6 551", "7 784"), "+19 %"),
        ("kor stor var auken i prosent frå 2014 til 2015", "nn", ("7 784", "11 300"), "+45 %"),
        ("how much did settlement in Norway increase from 2021 to 2022", "en", ("4 489", "31 258"), "+596 %"),
        ("hvor mye økte bosettingen i Trondheim fra 2015 til 2016", "nb", ("495", "740"), "+245"),
    ],
)
async def test_the_change_between_two_years(
    assistant: Assistant, message: str, language: str, figures: tuple[str, ...], change: str
) -> None:
    """Seeds 001, 003 and 004: both years' figures and the change, in per cent."""
    answer = await asked(assistant, message, language)
    for figure in figures:
        assert lines_with(answer, f"{figure}¹"), figure
    assert change in answer


@pytest.mark.parametrize(
    ("message", "language", "figures"),
    [
        ("hvor mye øker Trondheim fra anmodning 2016 til plantall 2017", "nb", ("650", "730", "+80")),
        ("kor mykje aukar Melhus frå oppmoding 2016 til plantal 2017", "nn", ("56", "65", "+9")),
        ("how much did Drammen's request rise in 2022", "en", ("58", "310", "+252")),
        ("hvor mye økte anmodningen til Drammen i 2023", "nb", ("360", "430", "+70")),
        ("hva er differansen mellom anmodning og vedtak i Skaun 2015", "nb", ("32¹", "11¹", "32 − 11 = 21")),
        ("how many more did Trondheim settle in 2016 than in 2015", "en", ("495¹", "740¹", "+245")),
    ],
)
async def test_a_change_between_measures_or_a_revision(
    assistant: Assistant, message: str, language: str, figures: tuple[str, ...]
) -> None:
    """Seed 000 (request 2016 to plan 2017) and seed 003 (Drammen's revised requests): both and the difference."""
    answer = await asked(assistant, message, language)
    for figure in figures:
        assert figure in answer, figure


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("hvor mange ukrainere ble bosatt i 2023 av totalt hvor mange", "nb"),
        ("kor mange ukrainarar vart busett i 2023 av i alt kor mange", "nn"),
        ("how many Ukrainians were settled in 2023 out of how many in total", "en"),
    ],
)
async def test_a_part_with_its_total(assistant: Assistant, message: str, language: str) -> None:
    """Seed 003: 29 730 from Ukraine of 33 701 settled in 2023."""
    answer = await asked(assistant, message, language)
    assert lines_with(answer, "29 730¹") and lines_with(answer, "33 701¹")


@pytest.mark.parametrize(
    ("message", "language", "figures"),
    [
        ("hvor mange nye kommuner ble anmodet om å bosette EM for første gang", "nb", ("27",)),
        ("how many new municipalities were asked to settle unaccompanied minors", "en", ("27",)),
        ("hvor mange er internt fordrevne", "nb", ("38 000 000",)),
        ("how many people are displaced worldwide", "en", ("60 000 000",)),
        ("hvor mange søkte asyl i Norge i 2015", "nb", ("31 000",)),
        ("kor mange søkte asyl i Europa i 2015", "nn", ("1 000 000",)),
        ("hvor mange vil søke asyl i 2016", "nb", ("20 000", "90 000")),
        ("hvor mange får opphold i Norge de neste fem årene", "nb", ("40 000", "50 000")),
        ("hvor mange boliger kan Drammen skaffe", "nb", ("100",)),
        ("how many refugees can Drammen house", "en", ("250",)),
        ("hvor mange EM foreslo administrasjonen i Drammen å bosette i 2024", "nb", ("6",)),
        ("kva var framlegget for Drammen i 2024", "nn", ("6",)),
        ("prognose bosatte 2017", "nb", ("17 000",)),
    ],
)
async def test_every_other_seed_figure(
    assistant: Assistant, message: str, language: str, figures: tuple[str, ...]
) -> None:
    """Seeds 001–003: figures about the world, Europe, a county, forecasts, capacity and the proposal."""
    answer = await asked(assistant, message, language)
    for figure in figures:
        assert re.search(rf": {figure}[¹²³⁴⁵]", answer), figure
