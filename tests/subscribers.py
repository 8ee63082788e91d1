"""Factory for digest tests and the broadcast bench: coordinators who wrote to the bot, each with a subscription."""

from __future__ import annotations

from scheduler.subscriptions import subscribe
from store.store import Store
from store.users import add_user
from store.vocabulary import Role
from tests.botapi.server import FakeBotApi


async def subscribe_users(store: Store, botapi: FakeBotApi, places: dict[int, str]) -> None:
    """Each coordinator writes to the bot (so it may write back) and subscribes to the named place."""
    index = await store.index()
    async with store.unit() as session:
        for user_id, name in places.items():
            await add_user(session, user_id=user_id, role=Role.COORDINATOR, by=None)
            botapi.send_text(user_id, "/start")
            place_id = index.search(name)[0].place.id or 0
            await subscribe(session, user_id=user_id, chat_id=user_id, place_ids=[place_id])
