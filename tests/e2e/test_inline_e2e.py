"""Inline answers through the real bot process: a member's cards, a stranger's one offer, inline mode off."""

from __future__ import annotations

import pytest

from tests.botapi.server import FakeBotApi, parse_html
from tests.conftest import ADMIN_ID
from tests.e2e.conftest import StartBot

pytestmark = pytest.mark.e2e
STRANGER_ID = 5555


async def test_a_member_gets_up_to_five_cards_with_their_sources(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """`Melhus 2015`: the status card of the year first, then EM, the latest year and close names; each
    sent as its HTML card with the source line, personal and cached briefly."""
    bot = await start_bot()
    assert "inline mode is off" not in bot.log
    query = botapi.inline_query(ADMIN_ID, "Melhus 2015")
    answer = await botapi.wait_for_inline(query["inline_query"]["id"], timeout=20)
    assert answer["is_personal"] is True and 0 < answer["cache_time"] <= 60
    results = answer["results"]
    assert 3 <= len(results) <= 5 and len({r["id"] for r in results}) == len(results)
    status = results[0]["input_message_content"]
    assert status["parse_mode"] == "HTML"
    card = parse_html(status["message_text"])
    assert (
        card.startswith("Melhus (kommune 5028) · status 2015") and "Bosatt: 43" in card and "Kilder" in card
    )
    titles = [r["title"] for r in results]
    assert titles[:3] == ["Status: Melhus 2015", "Enslige mindreårige: Melhus 2015", "Siste år: Melhus"]


async def test_a_stranger_gets_one_offer_saying_how_to_get_access(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """No figures for strangers: one result whose text says how to get access."""
    await start_bot()
    query = botapi.inline_query(STRANGER_ID, "Melhus 2015", language_code="en")
    answer = await botapi.wait_for_inline(query["inline_query"]["id"], timeout=20)
    (offer,) = answer["results"]
    assert offer["title"] == "For members of the bot only"
    assert "ask for access" in offer["input_message_content"]["message_text"]
    assert "Melhus" not in str(offer)


async def test_start_up_says_how_to_switch_inline_mode_on(
    sqlite_url: str, start_bot: StartBot, botapi: FakeBotApi
) -> None:
    """getMe without supports_inline_queries: the log names BotFather's setting."""
    botapi.bot_user["supports_inline_queries"] = False
    bot = await start_bot()
    assert "inline mode is off" in bot.log and "@BotFather" in bot.log
