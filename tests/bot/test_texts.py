"""Every sentence the bot says is valid Telegram HTML in every language, whatever fills it in."""

from __future__ import annotations

import string

import pytest

from bot.texts import LANGUAGES, MEASURES, SHORT_MEASURES, TEXTS, WEEKDAYS
from tests.botapi.server import parse_html


class Filled(dict[str, str]):
    """Any placeholder filled with a plain word."""

    def __missing__(self, key: str) -> str:
        return "x"


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_text_is_telegram_html(key: str) -> None:
    """Parsed as Telegram parses HTML: a bare '<place>' would make Telegram refuse the whole message."""
    for language in LANGUAGES:
        sentence = TEXTS[key].get(language, TEXTS[key]["nb"])
        parse_html(string.Formatter().vformat(sentence, (), Filled()))


def test_every_measure_has_a_short_label_in_every_language() -> None:
    """A running line ('bosatt 43') names each measure by its own short label, never by a cut-down long one."""
    assert set(SHORT_MEASURES) == set(MEASURES)
    assert all(set(labels) == set(LANGUAGES) for labels in SHORT_MEASURES.values())


def test_every_weekday_is_named_in_every_language() -> None:
    """Monday (0) to Sunday (6), each named in nb, nn and en."""
    assert sorted(WEEKDAYS) == list(range(7))
    assert all(set(names) == set(LANGUAGES) for names in WEEKDAYS.values())
