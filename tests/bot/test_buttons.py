"""Button data and lists from users, read strictly: anything the bot did not make gets a clear reply, quickly."""

from __future__ import annotations

import time

import pytest

from bot.assistant import Assistant
from bot.caller import Caller
from bot.render import plain
from store.bounds import MOST_PLACES
from tests.conftest import COORDINATOR_ID

COORDINATOR = Caller(user_id=COORDINATOR_ID, language="en", role="coordinator")
INVALID = "This button is not valid (any more)"


async def test_a_place_button_the_bot_made_repeats_the_question(assistant: Assistant) -> None:
    (choice,) = await assistant.handle("bosatt Herøy 2006–2018", COORDINATOR)
    data = choice.buttons[1][0][1]
    assert data.startswith("q:series:") and ":2006-2018:settled:all" in data
    replies = await assistant.choose(data, COORDINATOR)
    assert "Herøy (Nordland)" in replies[0].text and INVALID not in replies[0].text


@pytest.mark.parametrize(
    "data",
    [
        "q:history:5001:1-99999999",
        "q:history:5001:1976-2015",
        "q:history:5001:2015-2028",
        "q:history:5001:2018-2006",
        "q:history:5001:²-2015",
        "q:history:5001:2015",
        "q:status:5001:2015-2015:settled:all:more",
        "q:status:5001:2015-2015:settled",
        "q:nonsense:5001:2015-2015::all",
        "q:status:Atlantis:2015-2015::all",
        "q:status:5001:2015-2015:nonsense:all",
        "q:status:5001:2015-2015:settled:nonsense",
        "q:status:5001:2015-2015:settled:",
        "q:",
        "x:status:5001:2015-2015::all",
        "",
        "sub:nonsense:1",
        "sub:remove:²",
        "sub:remove:99999999999999999999",
        "sub:remove:1:2",
        "sub:remove",
        "imp:token:maybe",
        "set:token",
    ],
    ids=lambda data: data or "empty",
)
async def test_forged_button_data_gets_a_clear_reply_at_once(assistant: Assistant, data: str) -> None:
    """Years out of bounds, unknown intents, places, measures, groups, actions or shapes: one short reply."""
    admin = Caller(user_id=1001, language="en", role="admin")
    await assistant.store.index()  # built once, before the first question
    started = time.perf_counter()
    (reply,) = await assistant.choose(data, admin)
    assert INVALID in reply.text and time.perf_counter() - started < 1


async def test_an_unknown_subscription_action_changes_nothing(assistant: Assistant) -> None:
    """sub:<anything else>:ID used to toggle pause; now only quiet, pause and remove act."""
    await assistant.handle("/subscribe Melhus", COORDINATOR)
    (reply,) = await assistant.choose("sub:nonsense:1", COORDINATOR)
    assert INVALID in reply.text
    (listing,) = await assistant.handle("/subscriptions", COORDINATOR)
    assert "paused" not in plain(listing.text)


async def test_a_subscribe_list_holds_at_most_so_many_places(assistant: Assistant) -> None:
    names = ", ".join(["Melhus", "Malvik", "Skaun"] * MOST_PLACES)
    (reply,) = await assistant.handle(f"/subscribe {names}", COORDINATOR)
    assert reply.text == f"At most {MOST_PLACES} places at a time."
    (listing,) = await assistant.handle("/subscriptions", COORDINATOR)
    assert "no subscriptions" in listing.text


async def test_a_comparison_holds_at_most_so_many_places(assistant: Assistant) -> None:
    index = await assistant.store.index()
    names = sorted({p.name for p in index.places.values() if p.level == "municipality"})[: MOST_PLACES + 5]
    (reply,) = await assistant.handle("compare " + " and ".join(names) + " 2015", COORDINATOR)
    assert reply.text == f"At most {MOST_PLACES} places at a time."
    (compared,) = await assistant.handle(
        "compare " + " and ".join(names[:MOST_PLACES]) + " 2015", COORDINATOR
    )
    assert compared.text != reply.text
