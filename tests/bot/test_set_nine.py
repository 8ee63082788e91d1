"""Classes of failure found on held-out set 9 (issue 13), each in bokmål, nynorsk and English."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from tests.bot.test_unrehearsed import reply


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
