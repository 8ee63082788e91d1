"""Classes of failure found on held-out set 9 (issue 13), each in bokmål, nynorsk and English."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.assistant import Assistant
from store.store import Store
from tests.bot.test_unrehearsed import reply
from tests.conftest import OSLO


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Hvor mange ikke-ukrainske flyktninger ble bosatt i 2023?", "nb"),
        ("Kor mange ikkje-ukrainske flyktningar vart busette i 2023?", "nn"),
        ("How many non-Ukrainian refugees were settled in 2023?", "en"),
    ],
)
async def test_a_hyphenated_negated_group_is_the_total_less_the_group(
    assistant: Assistant, message: str, language: str
) -> None:
    """'ikke-ukrainske', 'non-Ukrainian': everyone settled less the Ukrainians, 33 701 − 29 730 = 3 971."""
    answer = await reply(assistant, message, language=language)
    assert "33 701 − 29 730 = 3 971" in answer, answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Melhus anmodning 2016 og EM under 15", "nb"),
        ("Melhus oppmoding 2016 og EM under 15?", "nn"),
        ("Melhus 2016 request and UMs under 15?", "en"),
    ],
)
async def test_minors_under_15_beside_the_total_bring_the_minors(
    assistant: Assistant, message: str, language: str
) -> None:
    """'anmodning og EM under 15': the total, the minors and those under 15 (56, 14, 6), not the last alone."""
    answer = await reply(assistant, message, language=language)
    assert ": 56¹" in answer and ": 14¹" in answer and ": 6¹" in answer, answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Midtre Gauldal anmodning 2016 og 2017, med EM under 15", "nb"),
        ("Midtre Gauldal oppmoding 2016 og 2017, med EM under 15", "nn"),
        ("Midtre Gauldal request 2016 and 2017, with UMs under 15", "en"),
    ],
)
async def test_several_years_with_minors_under_15_show_each_group(
    assistant: Assistant, message: str, language: str
) -> None:
    """A series with 'EM under 15' beside the total: a column each for the total, the minors and those under 15."""
    answer = await reply(assistant, message, language=language)
    assert "2016 | 25¹ | 8¹ | 4¹" in answer, answer
    row_2017 = answer.split("2017 | ", 1)[1].splitlines()[0]
    assert [cell.split()[-1] for cell in row_2017.split(" | ")] == ["25¹", "10¹", "4¹"], answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("plantall 2017 hele regionen midt", "nb"),
        ("plantal 2017 for heile regionen midt", "nn"),
        ("planning figure 2017 for the whole region midt", "en"),
    ],
)
async def test_a_place_named_after_its_level_word(assistant: Assistant, message: str, language: str) -> None:
    """'regionen midt': a name that is also a word, after its level word, is the place (IMDi Midt-Norge's 3 262)."""
    answer = await reply(assistant, message, language=language)
    assert "3 262¹" in answer and "1 097¹" in answer and "184¹" in answer, answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Hvor mange nye kommuner i MR er bedt om å bosette EM?", "nb"),
        ("Kor mange nye kommunar i MR er bedne om å busetje EM?", "nn"),
        ("How many new municipalities in MR were asked to settle unaccompanied minors?", "en"),
    ],
)
async def test_a_county_by_its_abbreviation(assistant: Assistant, message: str, language: str) -> None:
    """'MR' is Møre og Romsdal: its 27 new municipalities asked to settle minors."""
    answer = await reply(assistant, message, language=language)
    assert "(fylke 15)" in answer or "(county 15)" in answer, answer
    assert ": 27¹" in answer, answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Hvor mange flyktninger ber IMDi kommunene om å ta imot i år?", "nb"),
        ("Kor mange flyktningar ber IMDi kommunane om å ta imot i år?", "nn"),
        ("How many refugees is IMDi asking municipalities to take this year?", "en"),
    ],
)
async def test_what_imdi_is_asking_for_this_year_is_the_national_request(
    store: Store, message: str, language: str
) -> None:
    """'ber IMDi kommunene om', 'is IMDi asking': the request, in the whole country, for the year it is (37 000 in 2024)."""
    assistant = Assistant(store, zone=OSLO, clock=lambda: datetime(2024, 2, 5, 12, tzinfo=OSLO))
    answer = await reply(assistant, message, language=language)
    assert "2024" in answer and ": 37 000¹" in answer, answer


@pytest.mark.parametrize(
    ("messages", "language"),
    [
        (("Hvor mange ventes å søke asyl i Norge i 2016?", "hva med bosettingen i 2016 og 2017?"), "nb"),
        (("Kor mange er venta å søkje asyl i Noreg i 2016?", "kva med busetjinga i 2016 og 2017?"), "nn"),
        (
            (
                "How many are expected to seek asylum in Norway in 2016?",
                "what about settlement in 2016 and 2017?",
            ),
            "en",
        ),
    ],
)
async def test_a_follow_up_naming_settlement_leaves_the_measure_before(
    assistant: Assistant, messages: tuple[str, str], language: str
) -> None:
    """'hva med bosettingen …?' after asylum seekers: settlement's figures for the years (16 000 and 17 000
    forecast), not asylum seekers again."""
    answer = await reply(assistant, *messages, language=language)
    assert "16 000" in answer and "17 000" in answer, answer
