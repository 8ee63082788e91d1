"""Group chats: which may ask, what never works there, /allowgroup, /removegroup, joining and leaving."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.caller import Caller
from bot.replies import Reply
from bot.texts import ADMIN_COMMANDS, COMMANDS, text
from scheduler.subscriptions import LEFT_GROUP, pause_chat
from store.cache import GenerationCache
from store.groups import allow_group, allowed_groups, move_group, remove_group
from store.store import Store

GROUP_ADMIN_COMMANDS = ("allowgroup", "removegroup")  # admin commands that work only in a group
# What never works in a group: admin commands, and what shows or changes one person's own things.
PRIVATE_ONLY = frozenset(
    {*ADMIN_COMMANDS, "export", "subscriptions", "unsubscribe", "digest", "forgetme"}
) - set(GROUP_ADMIN_COMMANDS)
GROUP_COMMANDS = {name: texts for name, texts in COMMANDS.items() if name not in PRIVATE_ONLY}
SubscriptionHook = Callable[[int], Awaitable[None]]  # a paused subscription's job goes


class Groups:
    """Which group chats may ask, and the commands that change it."""

    def __init__(self, store: Store, *, open_access: bool, on_subscription_change: SubscriptionHook) -> None:
        self.store = store
        self.open_access = open_access
        self.on_subscription_change = on_subscription_change
        self.allowed: GenerationCache[set[int]] = GenerationCache(store, budget=1)

    async def may_ask(self, chat: int) -> bool:
        """Whether a group may ask: under open access any, else one an admin allowed."""
        return self.open_access or chat in await self._allowed()

    async def _allowed(self) -> set[int]:
        """The allowed groups, read once per data generation."""
        return await self.allowed.read("all", allowed_groups)

    async def refusal(self, command: str, caller: Caller) -> list[Reply] | None:
        """In a group: the reply to what cannot be done there, or None if the caller may go on."""
        if command in PRIVATE_ONLY:
            return [Reply(text("private_only", caller.language))]
        if command in GROUP_ADMIN_COMMANDS or caller.chat is None or await self.may_ask(caller.chat):
            return None
        return [Reply(text("group_not_allowed", caller.language))]

    async def allow(self, _argument: str, caller: Caller) -> list[Reply]:
        """/allowgroup (an admin, in the group): the group may ask."""
        refused = _not_an_admin_in_a_group(caller)
        if refused or caller.chat is None:
            return refused
        async with self.store.unit() as session:
            allowed = await allow_group(session, chat_id=caller.chat, by=caller.user_id)
        return [Reply(text("group_allowed" if allowed else "group_already_allowed", caller.language))]

    async def remove(self, _argument: str, caller: Caller) -> list[Reply]:
        """/removegroup (an admin, in the group): the group may no longer ask; its digests pause."""
        refused = _not_an_admin_in_a_group(caller)
        if refused or caller.chat is None:
            return refused
        async with self.store.unit() as session:
            removed = await remove_group(session, chat_id=caller.chat, by=caller.user_id)
        await self.left(caller.chat)
        return [Reply(text("group_removed" if removed else "group_not_listed", caller.language))]

    async def joined(self, chat: int, language: str, bot_name: str) -> Reply:
        """The one message the bot says when added to a group: what it does, how to ask, and access."""
        welcome = text("group_welcome", language, bot=bot_name)
        if not await self.may_ask(chat):
            welcome += "\n" + text("group_not_allowed", language)
        return Reply(welcome)

    async def moved(self, old: int, new: int) -> None:
        """The group became a supergroup with a new id: its permission and digests go with it."""
        for subscription_id in await move_chat(self.store, old, new):
            await self.on_subscription_change(subscription_id)

    async def left(self, chat: int) -> None:
        """The bot left the group (or it lost access): the group's subscriptions pause."""
        async with self.store.unit() as session:
            paused = await pause_chat(session, chat_id=chat, reason=LEFT_GROUP)
        for subscription_id in paused:
            await self.on_subscription_change(subscription_id)


async def move_chat(store: Store, old: int, new: int) -> list[int]:
    """Move a group's permission and subscriptions to its new chat id; returns the subscriptions moved."""
    async with store.unit() as session:
        return await move_group(session, old=old, new=new)


def _not_an_admin_in_a_group(caller: Caller) -> list[Reply]:
    """The refusal of a group command by someone who is not an admin, or outside a group (none if allowed)."""
    if not caller.is_admin:
        return [Reply(text("admins_only", caller.language))]
    if caller.chat is None:
        return [Reply(text("group_only", caller.language))]
    return []
