"""Who may use the bot: callers' roles and languages, /adduser, /removeuser, /users and /language."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.caller import Caller, telegram_language
from bot.render import escape
from bot.replies import Reply
from bot.texts import LANGUAGES, text
from scheduler.subscriptions import ACCESS_REMOVED, pause_all, subscriptions_of
from store.bounds import USER_IDS, whole_number
from store.cache import GenerationCache
from store.models import User
from store.store import Store
from store.users import (
    add_user,
    guest_languages,
    list_users,
    remove_user,
    set_guest_language,
    set_language,
    users_by_id,
)
from store.vocabulary import Role

RoleHook = Callable[[int, str | None], Awaitable[None]]  # a user's id and role after /adduser or /removeuser
SubscriptionHook = Callable[[int], Awaitable[None]]  # a subscription paused by /removeuser


class Members:
    """The bot's members as callers, and the commands that change them."""

    def __init__(
        self, store: Store, *, admin_ids: frozenset[int], on_subscription_change: SubscriptionHook
    ) -> None:
        self.store = store
        self.listed_admins = admin_ids  # ADMIN_IDS: written as admins at start-up, changed only there
        self.on_subscription_change = on_subscription_change  # the paused subscription's job goes
        self.users: GenerationCache[dict[int, User]] = GenerationCache(store, budget=1)
        self.guests: GenerationCache[dict[int, str]] = GenerationCache(store, budget=1)  # their /language
        self.on_role_change: RoleHook | None = None  # the Telegram layer updates the user's command menu

    async def caller(self, user_id: int, telegram_code: str | None = None, chat: int | None = None) -> Caller:
        """The caller's role (from the users table only) and language (a /language choice wins over Telegram's)."""
        user = (await self._users_by_id()).get(user_id)
        role = user.role if user else None
        language = await self._choice(user, user_id) or telegram_language(telegram_code)
        return Caller(user_id=user_id, language=language, role=role, chat=chat)

    async def chosen_language(self, user_id: int) -> str | None:
        """The language a user chose with /language, if any."""
        return await self._choice((await self._users_by_id()).get(user_id), user_id)

    async def _choice(self, user: User | None, user_id: int) -> str | None:
        """A /language choice: a member's in the users table, anyone else's among the guests' languages."""
        if user is not None:
            return user.language
        return (await self._guest_languages()).get(user_id)

    async def _guest_languages(self) -> dict[int, str]:
        """The languages chosen by those without access, read once per data generation."""
        return await self.guests.read("all", guest_languages)

    async def _users_by_id(self) -> dict[int, User]:
        """Everyone with access, read once per data generation."""
        return await self.users.read("all", users_by_id)

    async def language(self, argument: str, caller: Caller) -> list[Reply]:
        """/language nb|nn|en: choose the reply language."""
        choice = argument.lower()[:2]
        if choice not in LANGUAGES:
            return [Reply(text("language_usage", caller.language))]
        member = caller.user_id in await self._users_by_id()
        async with self.store.unit() as session:
            if member:
                await set_language(session, user_id=caller.user_id, language=choice)
            else:
                await set_guest_language(session, user_id=caller.user_id, language=choice)
        return [Reply(text("language_set", choice))]

    async def add_user(self, argument: str, caller: Caller) -> list[Reply]:
        """/adduser <id> [admin]: give a coordinator (or admin) access."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        parts = argument.split()
        user_id = whole_number(parts[0], USER_IDS) if parts else None
        role = parts[1] if len(parts) > 1 else Role.COORDINATOR
        if user_id is None or len(parts) > 2 or role not in set(Role):
            return [Reply(text("adduser_usage", caller.language))]
        if user_id in self.listed_admins and role != Role.ADMIN:
            return [Reply(text("listed_admin", caller.language, user_id=user_id))]
        async with self.store.unit() as session:
            await add_user(session, user_id=user_id, role=role, by=caller.user_id)
            paused = [
                s
                for s in await subscriptions_of(session, user_id=user_id)
                if s.paused and s.paused_reason == ACCESS_REMOVED
            ]
        await self._role_changed(user_id)
        reply = text("user_added", caller.language, user_id=user_id, role=role)
        if paused:  # access was taken away before: the user resumes what they want in /subscriptions
            reply += "\n" + text("resume_offer", caller.language, count=len(paused))
        return [Reply(reply)]

    async def remove_user(self, argument: str, caller: Caller) -> list[Reply]:
        """/removeuser <id>: take a user's access away."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        user_id = whole_number(argument, USER_IDS)
        if user_id is None:
            return [Reply(text("removeuser_usage", caller.language))]
        if user_id == caller.user_id:
            return [Reply(text("cannot_remove_self", caller.language))]
        if user_id in self.listed_admins:
            return [Reply(text("listed_admin", caller.language, user_id=user_id))]
        async with self.store.unit() as session:
            removed = await remove_user(session, user_id=user_id, by=caller.user_id)
            paused = await pause_all(session, user_id=user_id, reason=ACCESS_REMOVED) if removed else []
        await self._role_changed(user_id)
        for subscription_id in paused:
            await self.on_subscription_change(subscription_id)
        reply = text("user_removed" if removed else "user_unknown", caller.language, user_id=user_id)
        if paused:
            reply += "\n" + text("subscriptions_paused", caller.language, count=len(paused))
        return [Reply(reply)]

    async def forget(self, user_id: int) -> None:
        """A forgotten user: their menu is everyone's (their rows, a guest's language too, are deleted)."""
        await self._role_changed(user_id)

    async def _role_changed(self, user_id: int) -> None:
        """Tell the Telegram layer the user's role now (None: no access), after the change is committed."""
        if self.on_role_change is not None:
            await self.on_role_change(user_id, (await self.caller(user_id)).role)

    async def list(self, _argument: str, caller: Caller) -> list[Reply]:
        """/users: everyone with access."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        async with self.store.unit() as session:
            users = await list_users(session)
        lines = [f"{u.id} · {u.role}{' · ' + escape(u.name) if u.name else ''}" for u in users]
        return [Reply(text("users_title", caller.language) + "\n" + ("\n".join(lines) or "–"))]
