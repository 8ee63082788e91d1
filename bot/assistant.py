"""The assistant: from a message to replies, the same for Telegram, the console and tests."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.admin import CONFIRM_PREFIXES, Admin, Progress
from bot.answers import Context, answer, help_reply
from bot.digests import BUTTON_PREFIX, DigestCommands
from bot.render import escape
from bot.replies import Reply
from bot.texts import LANGUAGES, text
from bot.understanding import Question, parse
from store.cache import GenerationCache
from store.models import User
from store.places import PlaceMatch
from store.store import Store
from store.users import add_user, list_users, remove_user, set_language

COMMAND = re.compile(r"^/(\w+)(?:@\w+)?")
RoleHook = Callable[[int, str | None], Awaitable[None]]  # a user's id and role after /adduser or /removeuser


@dataclass(frozen=True)
class Caller:
    """Who is asking: Telegram user id, language, and role (None for a stranger)."""

    user_id: int
    language: str = "nb"
    role: str | None = None

    @property
    def is_admin(self) -> bool:
        """Whether the caller may change figures and users."""
        return self.role == "admin"


def telegram_language(code: str | None) -> str:
    """Map Telegram's language_code to nb, nn or en."""
    if not code:
        return "nb"
    code = code.lower()
    if code.startswith("nn"):
        return "nn"
    if code.startswith(("nb", "no")):
        return "nb"
    return "en"


class Assistant:
    """Answers messages from the store; knows nothing of Telegram."""

    def __init__(
        self,
        store: Store,
        *,
        zone: ZoneInfo,
        admin_ids: frozenset[int] = frozenset(),
        open_access: bool = False,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.store = store
        self.zone = zone
        self.admin_ids = admin_ids
        self.open_access = open_access
        self.clock = clock or (lambda: datetime.now(zone))
        self.answers: GenerationCache[list[Reply]] = GenerationCache(store)
        self.users: GenerationCache[dict[int, User]] = GenerationCache(store, budget=1)
        self.admin = Admin(store, zone=zone, today=self.today)
        self.digests = DigestCommands(store, zone=zone, clock=self.clock)
        self.guest_languages: dict[int, str] = {}  # /language of callers without an account, until restart
        self.on_role_change: RoleHook | None = None  # the Telegram layer updates the user's command menu
        self.commands: dict[str, Callable[[str, Caller], Awaitable[list[Reply]]]] = {
            "language": self._language,
            "adduser": self._add_user,
            "removeuser": self._remove_user,
            "users": self._users,
            "set": self.admin.set_figure,
            "undo": self.admin.undo,
            "changes": self.admin.changes,
            "export": self.admin.export,
            "subscribe": self.digests.subscribe,
            "subscriptions": self.digests.subscriptions,
            "unsubscribe": self.digests.unsubscribe,
            "digest": self.digests.digest,
            "deliveries": self.digests.deliveries,
        }

    def today(self) -> date:
        """Today's date in the configured time zone."""
        return self.clock().astimezone(self.zone).date()

    async def caller(self, user_id: int, telegram_code: str | None = None) -> Caller:
        """The caller's role and language (a choice made with /language wins over Telegram's)."""
        user = (await self._users_by_id()).get(user_id)
        role = user.role if user else ("admin" if user_id in self.admin_ids else None)
        language = self._choice(user, user_id) or telegram_language(telegram_code)
        return Caller(user_id=user_id, language=language, role=role)

    async def chosen_language(self, user_id: int) -> str | None:
        """The language a user chose with /language, if any."""
        return self._choice((await self._users_by_id()).get(user_id), user_id)

    def _choice(self, user: User | None, user_id: int) -> str | None:
        """A /language choice: stored for members, kept in memory for others."""
        return (user.language if user else None) or self.guest_languages.get(user_id)

    async def _users_by_id(self) -> dict[int, User]:
        """Everyone with access, read once per data generation."""
        users = self.users.get("all")
        if users is None:
            generation = self.store.generation
            async with self.store.unit() as session:
                users = {u.id: u for u in await list_users(session)}
            self.users.put("all", users, generation)
        return users

    def refusal(self, caller: Caller) -> list[Reply] | None:
        """The polite refusal for a stranger, or None if the caller may ask."""
        if caller.role is not None or self.open_access:
            return None
        return [Reply(text("stranger", caller.language, user_id=caller.user_id))]

    async def handle(self, message: str, caller: Caller) -> list[Reply]:
        """Answer any message or command from a caller."""
        refused = self.refusal(caller)
        if refused:
            return refused
        dated = await self.admin.given_date(message, caller)  # the as-of date an upload asked for
        if dated is not None:
            return dated
        command = COMMAND.match(message.strip())
        name = command.group(1).lower() if command else ""
        argument = message.strip()[command.end() :].strip() if command else ""
        if name in self.commands:
            return await self.commands[name](argument, caller)
        if name in ("history", "historikk") and caller.role is not None:  # with year and measure: statements
            listed = await self.admin.statements(argument, caller)
            if listed is not None:
                return listed
        if name in ("start", "help"):
            return [help_reply(caller.language, welcome=name == "start", admin=caller.is_admin)]
        if command and name not in ("status", "em", "history", "historikk"):
            return [help_reply(caller.language)]
        return await self.ask(message, language=caller.language, hide_small=caller.role is None)

    async def ask(self, message: str, *, language: str = "nb", hide_small: bool = False) -> list[Reply]:
        """Understand a question and answer it (the same question on the same data is answered from memory)."""
        key = (" ".join(message.split()), language, hide_small, self.today())
        cached = self.answers.get(key)
        if cached is not None:
            return cached
        generation = self.store.generation
        replies = await self.compute(message, language, hide_small)
        self.answers.put(key, replies, generation)
        return replies

    async def compute(self, message: str, language: str, hide_small: bool) -> list[Reply]:
        """Understand a question and compute its answer, without the cache."""
        index = await self.store.index()
        question = parse(message, index=index, today=self.today())
        return await self._answer(question, language, hide_small)

    async def choose(self, data: str, caller: Caller) -> list[Reply]:
        """Answer a button press that repeats a question for a chosen place."""
        refused = self.refusal(caller)
        if refused:
            return refused
        if data.startswith(CONFIRM_PREFIXES):
            return await self.admin.confirm(data, caller)
        if data.startswith(BUTTON_PREFIX):
            return await self.digests.button(data, caller)
        index = await self.store.index()
        _, intent, code, years, measure, group = (data.split(":") + [""] * 6)[:6]
        place = index.by_code.get(code)
        if place is None:
            return [help_reply(caller.language)]
        question = Question(
            text=data, intent=intent or "status", places=[PlaceMatch(place, place.name, "exact")]
        )
        if years:
            first, last = (int(y) for y in years.split("-"))
            question.years = list(range(first, last + 1))
        question.measure, question.group = measure or None, group or "all"
        return await self._answer(question, caller.language, caller.role is None)

    async def upload(
        self,
        content: bytes,
        filename: str,
        caption: str,
        caller: Caller,
        progress: Progress | None = None,
        *,
        size: int | None = None,
    ) -> list[Reply]:
        """A file sent to the bot: an admin gets a preview of the figures in it, anyone else a refusal."""
        refused = self.refusal(caller)
        return refused or await self.admin.upload(content, filename, caption, caller, progress, size=size)

    async def _answer(self, question: Question, language: str, hide_small: bool) -> list[Reply]:
        """Answer an understood question."""
        index = await self.store.index()
        ctx = Context(
            store=self.store, index=index, language=language, today=self.today(), hide_small=hide_small
        )
        return await answer(question, ctx)

    async def _language(self, argument: str, caller: Caller) -> list[Reply]:
        """/language nb|nn|en: choose the reply language."""
        choice = argument.lower()[:2]
        if choice not in LANGUAGES:
            return [Reply(text("language_usage", caller.language))]
        if caller.user_id in await self._users_by_id():
            async with self.store.unit() as session:
                await set_language(session, user_id=caller.user_id, language=choice)
        else:
            self.guest_languages[caller.user_id] = choice
        return [Reply(text("language_set", choice))]

    async def _add_user(self, argument: str, caller: Caller) -> list[Reply]:
        """/adduser <id> [admin]: give a coordinator (or admin) access."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        parts = argument.split()
        if (
            not parts
            or not parts[0].lstrip("-").isdigit()
            or (len(parts) > 1 and parts[1] not in ("admin", "coordinator"))
        ):
            return [Reply(text("adduser_usage", caller.language))]
        role = parts[1] if len(parts) > 1 else "coordinator"
        async with self.store.unit() as session:
            await add_user(session, user_id=int(parts[0]), role=role, by=caller.user_id)
        await self._role_changed(int(parts[0]))
        return [Reply(text("user_added", caller.language, user_id=parts[0], role=role))]

    async def _remove_user(self, argument: str, caller: Caller) -> list[Reply]:
        """/removeuser <id>: take a user's access away."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        if not argument.lstrip("-").isdigit():
            return [Reply(text("removeuser_usage", caller.language))]
        if int(argument) == caller.user_id:
            return [Reply(text("cannot_remove_self", caller.language))]
        async with self.store.unit() as session:
            removed = await remove_user(session, user_id=int(argument), by=caller.user_id)
        await self._role_changed(int(argument))
        return [Reply(text("user_removed" if removed else "user_unknown", caller.language, user_id=argument))]

    async def _role_changed(self, user_id: int) -> None:
        """Tell the Telegram layer the user's role now (None: no access), after the change is committed."""
        if self.on_role_change is not None:
            await self.on_role_change(user_id, (await self.caller(user_id)).role)

    async def _users(self, _argument: str, caller: Caller) -> list[Reply]:
        """/users: everyone with access."""
        if not caller.is_admin:
            return [Reply(text("admins_only", caller.language))]
        async with self.store.unit() as session:
            users = await list_users(session)
        lines = [f"{u.id} · {u.role}{' · ' + escape(u.name) if u.name else ''}" for u in users]
        return [Reply(text("users_title", caller.language) + "\n" + ("\n".join(lines) or "–"))]
