"""Classes of failure found on held-out set 7 (issue 13), each in bokmål, nynorsk and English."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from tests.bot.test_unrehearsed import reply


@pytest.mark.parametrize(
    ("message", "language", "county", "figure"),
    [
        ("Anmodningen for 2016 til de sørtrønderske kommunene", "nb", "Sør-Trøndelag", "909"),
        ("plantalet 2017 for dei sørtrønderske kommunane", "nn", "Sør-Trøndelag", "1 017"),
        ("nordtrøndersk anmodning 2016, EM under 15", "nb", "Nord-Trøndelag", "5"),
    ],
)
async def test_a_county_adjective_names_the_county(
    assistant: Assistant, message: str, language: str, county: str, figure: str
) -> None:
    """'de sørtrønderske kommunene' are Sør-Trøndelag's municipalities, summed as the county."""
    answer = await reply(assistant, message, language=language)
    assert answer.startswith(county), answer
    assert f": {figure}" in answer, answer


@pytest.mark.parametrize(
    ("message", "county", "figure"),
    [
        ("South Trøndelag's request for 2016", "Sør-Trøndelag", "909"),
        ("planning figure 2017 for North Trøndelag, unaccompanied minors under 15", "Nord-Trøndelag", "8"),
    ],
)
async def test_a_county_by_its_english_name(
    assistant: Assistant, message: str, county: str, figure: str
) -> None:
    """'South Trøndelag' is Sør-Trøndelag, not Trøndelag."""
    answer = await reply(assistant, message, language="en")
    assert answer.startswith(county), answer
    assert f": {figure}" in answer, answer


@pytest.mark.parametrize(
    ("message", "language", "total"),
    [
        ("hvor mange er bosatt eller søkte ut i Malvik i 2015?", "nb", "38 + 6 = 44"),
        ("busette og utsøkte i Klæbu 2015", "nn", "7 + 10 = 17"),
        ("Malvik 2015: settled plus assigned", "en", "38 + 6 = 44"),
        ("Malvik 2015: bosatte + utsøkte, og vedtaket", "nb", "38 + 6 = 44"),
    ],
)
async def test_settled_and_assigned_named_together_are_their_total(
    assistant: Assistant, message: str, language: str, total: str
) -> None:
    """Both parts of the status table's total named: the total beside its parts (and any other measure)."""
    answer = await reply(assistant, message, language=language)
    assert total in answer, answer


@pytest.mark.parametrize(
    ("message", "language", "total"),
    [
        ("Melhus anmodning 2016 – totalt, EM", "nb", "56"),
        ("Melhus oppmoding 2016: i alt, einslege mindreårige", "nn", "56"),
        ("Melhus request 2016 — total, unaccompanied minors", "en", "56"),
    ],
)
async def test_a_group_listed_after_the_total_is_asked_beside_it(
    assistant: Assistant, message: str, language: str, total: str
) -> None:
    """'totalt, EM og under 15': the total first, then its groups."""
    answer = await reply(assistant, message, language=language)
    assert f": {total}" in answer and ": 14" in answer, answer
