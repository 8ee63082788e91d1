"""Every sentence the bot says is valid Telegram HTML in every language, whatever fills it in."""

from __future__ import annotations

import string

import pytest

from bot.texts import LANGUAGES, TEXTS
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
