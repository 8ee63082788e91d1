"""Privacy: /privacy says what is stored; /forgetme and an admin's /forget delete a user's data."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable

from bot.caller import Caller
from bot.replies import Reply
from bot.texts import text
from scheduler.subscriptions import remove_all
from store.bounds import USER_IDS, whole_number
from store.store import Store
from store.users import audit, forget_user

BUTTON_PREFIX = "priv:"
ForgetHook = Callable[[int, list[int]], Awaitable[None]]  # a forgotten user's id and removed subscriptions


def new_pseudonym() -> int:
    """A random negative number for a forgotten user's audit entries: no Telegram id, kept nowhere beside theirs."""
    return -1 - secrets.randbelow(2**52)


class Privacy:
    """What the bot stores about a user, and deleting it (the audit log keeps the changes under a pseudonym)."""

    def __init__(
        self, store: Store, *, retention_weeks: int, listed_admins: frozenset[int], on_forget: ForgetHook
    ) -> None:
        self.store = store
        self.retention_weeks = retention_weeks
        self.listed_admins = (
            listed_admins  # ADMIN_IDS are written again at start-up: they cannot be forgotten
        )
        self.on_forget = on_forget  # the assistant drops what it holds in memory and the jobs

    async def privacy(self, _argument: str, caller: Caller) -> list[Reply]:
        """/privacy: what is stored, why, for how long, whom to ask."""
        return [Reply(text("privacy", caller.language, weeks=self.retention_weeks))]

    async def forget_me(self, _argument: str, caller: Caller) -> list[Reply]:
        """/forgetme: asks first, with a button to delete and one to cancel."""
        return self._ask(caller, "me")

    async def forget(self, argument: str, caller: Caller) -> list[Reply]:
        """/forget <id> (admins): the same for another user, after the same question."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        user_id = whole_number(argument, USER_IDS)
        if user_id is None:
            return [Reply(text("forget_usage", caller.language))]
        if user_id == caller.user_id:
            return await self.forget_me("", caller)
        return self._ask(caller, str(user_id))

    def _ask(self, caller: Caller, whom: str) -> list[Reply]:
        """The question before deleting, unless the user is a listed admin."""
        user_id = caller.user_id if whom == "me" else int(whom)
        if user_id in self.listed_admins:
            return [Reply(text("listed_admin", caller.language, user_id=user_id))]
        buttons = [
            [
                (text("forget_yes", caller.language), f"{BUTTON_PREFIX}{whom}"),
                (text("forget_no", caller.language), f"{BUTTON_PREFIX}no"),
            ]
        ]
        return [Reply(text("forget_confirm", caller.language), buttons=buttons)]

    async def button(self, data: str, caller: Caller) -> list[Reply]:
        """Delete or Cancel: priv:me forgets the presser, priv:<id> (an admin's press) that user, priv:no nothing."""
        whom = data.removeprefix(BUTTON_PREFIX)
        if whom == "no":
            return [Reply(text("forget_cancelled", caller.language))]
        if whom == "me":
            return [
                Reply(await self.forget_user(caller.user_id, by=caller.user_id, language=caller.language))
            ]
        user_id = whole_number(whom, USER_IDS)
        if user_id is None:
            return [Reply(text("button_unknown", caller.language))]
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        return [Reply(await self.forget_user(user_id, by=caller.user_id, language=caller.language))]

    async def forget_user(self, user_id: int, *, by: int, language: str) -> str:
        """Delete the user's subscriptions, delivery log, language and access; their audit entries get a pseudonym."""
        if user_id in self.listed_admins:
            return text("listed_admin", language, user_id=user_id)
        pseudonym = new_pseudonym()
        async with self.store.unit() as session:
            subscriptions, deliveries = await remove_all(session, user_id=user_id)
            changes = await forget_user(session, user_id=user_id, pseudonym=pseudonym)
            who = pseudonym if by == user_id else by
            await audit(session, user_id=who, action="forget", summary=str(pseudonym))
        await self.on_forget(user_id, subscriptions)
        return text(
            "forgotten",
            language,
            subscriptions=len(subscriptions),
            deliveries=deliveries,
            changes=changes,
            pseudonym=pseudonym,
        )
